/**
 * Inline suppressions in Markdown and HTML drafts, read from the file as on disk (`Document.source`):
 *
 *   <!-- numcheck-disable-next-line cross-source-mismatch -- confirmed with the desk -->
 *   <!-- numcheck-disable-line unit-conversion -->            (on the line of the figure)
 *   <!-- numcheck-disable scope-difference -->  …  <!-- numcheck-enable -->
 *
 * - Rule ids are separated by commas or spaces; none = every rule. Everything after " -- " is the reason.
 * - disable-next-line: findings with a claim starting on the next non-blank line after the comment (lines
 *   holding only other numcheck directives are skipped, so directives can be stacked).
 * - disable-line: findings with a claim starting on a line the comment is on.
 * - disable … enable: findings with a claim starting after the disable comment and before the matching enable
 *   (or the end of the file). `enable` without ids re-enables every rule; `enable x` re-enables only x
 *   (ESLint semantics: "disable" then "enable x" leaves the other rules disabled).
 * - Comments inside Markdown fenced code blocks and front matter and inside HTML <script>, <style>
 *   and <textarea> are text, not directives.
 */
import type { Claim, Document } from '../types.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty = all rules. */
  rules: string[];
  reason: string | null;
  document: string;
  /** The path as the user gave it (for messages). */
  path: string;
  /** 1-based line/column (UTF-16) of the comment's start in the file; endLine of its end. */
  line: number;
  column: number;
  endLine: number;
  /** UTF-16 offsets of the comment in the file. */
  start: number;
  end: number;
  /** disable-next-line: the line it applies to (null when nothing follows). */
  target: number | null;
  /** The comment as written (whitespace squashed). */
  text: string;
}

const DIRECTIVE = /<!--\s*numcheck-(disable-next-line|disable-line|disable|enable)(?=[\s,]|-->)([\s\S]*?)-->/g;
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Formats whose files can carry directives. */
export function supportsDirectives(doc: Document): boolean {
  return (doc.format === 'markdown' || doc.format === 'html') && typeof doc.source === 'string';
}

export interface ParsedDirectives {
  directives: Directive[];
  /** Malformed rule ids, as "line:col: message" problems (warned about, the directive still applies to the rest). */
  problems: Array<{ line: number; column: number; message: string }>;
}

export function parseDirectives(doc: Document): ParsedDirectives {
  const out: ParsedDirectives = { directives: [], problems: [] };
  if (!supportsDirectives(doc)) return out;
  const src = doc.source!;
  if (!src.includes('numcheck-')) return out;
  const base = doc.sourceOffset ?? 0;
  const firstLine = doc.sourceLine ?? 1;
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (off: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo; // 0-based
  };
  const skip = doc.format === 'markdown' ? markdownCode(src, lineStarts) : htmlRawText(src);
  const inSkip = (off: number) => skip.some(([s, e]) => off >= s && off < e);

  const onlyDirectives = new Set<number>(); // 0-based lines holding nothing but directives
  const found: Array<{ m: RegExpExecArray; l0: number; l1: number }> = [];
  for (const m of src.matchAll(DIRECTIVE)) {
    if (inSkip(m.index!)) continue;
    found.push({ m: m as RegExpExecArray, l0: lineOf(m.index!), l1: lineOf(m.index! + m[0].length - 1) });
  }
  const lineText = (l: number) => src.slice(lineStarts[l]!, l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : src.length);
  for (const f of found) {
    if (f.l0 !== f.l1) continue;
    const rest = lineText(f.l0).replace(DIRECTIVE, '');
    if (!/\S/.test(rest)) onlyDirectives.add(f.l0);
  }

  for (const { m, l0, l1 } of found) {
    const kind = m[1] as DirectiveKind;
    const body = m[2]!;
    const cut = /(?:^|\s)--(?:\s|$)/.exec(body);
    const idsPart = cut ? body.slice(0, cut.index) : body;
    const reason = cut ? body.slice(cut.index + cut[0].length).trim() || null : null;
    const rules: string[] = [];
    const line = firstLine + l0;
    const column = m.index! - lineStarts[l0]! + 1;
    for (const id of idsPart.split(/[\s,]+/).filter(Boolean)) {
      if (!RULE_ID.test(id)) {
        out.problems.push({ line, column, message: `numcheck-${kind}: "${id}" is not a rule id (rule ids are kebab-case; write the reason after " -- ")` });
        continue;
      }
      if (!rules.includes(id)) rules.push(id);
    }
    let target: number | null = null;
    if (kind === 'disable-next-line') {
      for (let l = l1 + 1; l < lineStarts.length; l++) {
        if (!/\S/.test(lineText(l)) || onlyDirectives.has(l)) continue;
        target = firstLine + l;
        break;
      }
    }
    out.directives.push({
      kind,
      rules,
      reason,
      document: doc.id,
      path: doc.path,
      line,
      column,
      endLine: firstLine + l1,
      start: base + m.index!,
      end: base + m.index! + m[0].length,
      target,
      text: m[0].replace(/\s+/g, ' '),
    });
  }
  return out;
}

/** Ranges of Markdown that are fenced code or front matter: a "<!--" there is text. */
function markdownCode(src: string, lineStarts: number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const n = lineStarts.length;
  const lineAt = (l: number) => src.slice(lineStarts[l]!, l + 1 < n ? lineStarts[l + 1]! - 1 : src.length).replace(/\r$/, '');
  const endOf = (l: number) => (l + 1 < n ? lineStarts[l + 1]! : src.length);
  let l = 0;
  if (/^---\s*$/.test(lineAt(0))) {
    for (let k = 1; k < n; k++) {
      if (/^(---|\.\.\.)\s*$/.test(lineAt(k))) {
        ranges.push([0, endOf(k)]);
        l = k + 1;
        break;
      }
    }
  }
  for (; l < n; l++) {
    const text = lineAt(l);
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      const ch = fence[1]![0]!;
      const len = fence[1]!.length;
      let k = l + 1;
      for (; k < n; k++) {
        const close = new RegExp(`^ {0,3}${ch === '`' ? '`' : '~'}{${len},}\\s*$`).exec(lineAt(k));
        if (close) break;
      }
      ranges.push([lineStarts[l]!, endOf(Math.min(k, n - 1))]);
      l = k;
      continue;
    }
  }
  return ranges;
}

/** Raw-text elements of HTML: a "<!--" inside <script>, <style> or <textarea> is not a comment. */
function htmlRawText(src: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of src.matchAll(/<(script|style|textarea)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi)) ranges.push([m.index!, m.index! + m[0].length]);
  return ranges;
}

/** Whether directive `d` names `rule` (no ids = every rule). */
export function names(d: Directive, rule: string): boolean {
  return d.rules.length === 0 || d.rules.includes(rule);
}

/**
 * The directives that suppress findings of `rule` at claim `c` (directives of c's document, in file order):
 * a disable-next-line aimed at its line, a disable-line on its line, and the disable whose range it is in.
 */
export function covering(c: Claim, rule: string, ds: Directive[]): Directive[] {
  const out: Directive[] = [];
  let range: Directive | null = null;
  for (const d of ds) {
    if (!names(d, rule)) continue;
    if (d.kind === 'disable-next-line') {
      if (d.target === c.line) out.push(d);
    } else if (d.kind === 'disable-line') {
      if (c.line >= d.line && c.line <= d.endLine) out.push(d);
    } else if (d.end <= c.span.start) range = d.kind === 'disable' ? d : null;
  }
  if (range) out.push(range);
  return out;
}
