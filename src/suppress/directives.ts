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

/** The head of a directive comment, tried (sticky) at each "<!--"; the body runs to the first "-->" after it. */
const DIRECTIVE_HEAD = /<!--\s*numcheck-(disable-next-line|disable-line|disable|enable)(?=[\s,]|-->)/y;

interface DirectiveMatch {
  index: number;
  /** The whole comment, "<!--" to "-->". */
  text: string;
  kind: string;
  body: string;
}

/**
 * Every directive comment of `src`, in order: what `/<!--\s*numcheck-(kind)(?=[\s,]|-->)([\s\S]*?)-->/g` finds,
 * found in linear time (that regex costs n² on a file of unclosed "<!-- numcheck-enable" comments). The closing
 * "-->" is searched once per comment, and not at all once the file holds no more.
 */
function findDirectives(src: string): DirectiveMatch[] {
  const out: DirectiveMatch[] = [];
  let from = 0;
  let close = -2; // last "-->" found at or after some offset (-1: none left)
  for (;;) {
    const i = src.indexOf('<!--', from);
    if (i === -1) break;
    DIRECTIVE_HEAD.lastIndex = i;
    const m = DIRECTIVE_HEAD.exec(src);
    if (!m) {
      from = i + 1;
      continue;
    }
    const headEnd = i + m[0].length;
    if (close !== -1 && close < headEnd) close = src.indexOf('-->', headEnd);
    if (close === -1) break; // no "-->" after this: no later comment closes either
    out.push({ index: i, text: src.slice(i, close + 3), kind: m[1]!, body: src.slice(headEnd, close) });
    from = close + 3;
  }
  return out;
}
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
  // directives come in file order and the skipped ranges are sorted: one pointer walks them
  let sk = 0;
  const inSkip = (off: number) => {
    while (sk < skip.length && skip[sk]![1] <= off) sk++;
    return sk < skip.length && skip[sk]![0] <= off;
  };

  const found: Array<{ m: DirectiveMatch; l0: number; l1: number }> = [];
  for (const m of findDirectives(src)) {
    if (inSkip(m.index)) continue;
    found.push({ m, l0: lineOf(m.index), l1: lineOf(m.index + m.text.length - 1) });
  }
  const lineEnd = (l: number) => (l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : src.length);
  const lineText = (l: number) => src.slice(lineStarts[l]!, lineEnd(l));
  // 0-based lines holding nothing but directives: a line with a one-line directive, whose text without its
  // directive comments is blank (each such line read once, however many directives it holds)
  const onlyDirectives = new Set<number>();
  for (const l of new Set(found.filter((f) => f.l0 === f.l1).map((f) => f.l0))) {
    const t = lineText(l);
    let last = 0;
    let ok = true;
    for (const d of findDirectives(t)) {
      if (/\S/.test(t.slice(last, d.index))) {
        ok = false;
        break;
      }
      last = d.index + d.text.length;
    }
    if (ok && !/\S/.test(t.slice(last))) onlyDirectives.add(l);
  }
  // the next line after `l` that is neither blank nor directives only (memoised: stacked directives share it)
  const nextContent = new Map<number, number | null>();
  const contentFrom = (l: number): number | null => {
    const seen: number[] = [];
    let r: number | null = null;
    for (; l < lineStarts.length; l++) {
      const known = nextContent.get(l);
      if (known !== undefined) {
        r = known;
        break;
      }
      seen.push(l);
      if (!/\S/.test(lineText(l)) || onlyDirectives.has(l)) continue;
      r = l;
      break;
    }
    for (const x of seen) nextContent.set(x, r);
    return r;
  };

  for (const { m, l0, l1 } of found) {
    const kind = m.kind as DirectiveKind;
    const body = m.body;
    const cut = /(?:^|\s)--(?:\s|$)/.exec(body);
    const idsPart = cut ? body.slice(0, cut.index) : body;
    const reason = cut ? body.slice(cut.index + cut[0].length).trim() || null : null;
    const rules: string[] = [];
    const line = firstLine + l0;
    const column = m.index - lineStarts[l0]! + 1;
    for (const id of idsPart.split(/[\s,]+/).filter(Boolean)) {
      if (!RULE_ID.test(id)) {
        out.problems.push({ line, column, message: `numcheck-${kind}: "${id}" is not a rule id (rule ids are kebab-case; write the reason after " -- ")` });
        continue;
      }
      if (!rules.includes(id)) rules.push(id);
    }
    let target: number | null = null;
    if (kind === 'disable-next-line') {
      const l = contentFrom(l1 + 1);
      if (l !== null) target = firstLine + l;
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
      start: base + m.index,
      end: base + m.index + m.text.length,
      target,
      text: m.text.replace(/\s+/g, ' '),
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
      const closing = new RegExp(`^ {0,3}${ch === '`' ? '`' : '~'}{${len},}\\s*$`);
      let k = l + 1;
      for (; k < n; k++) if (closing.test(lineAt(k))) break;
      ranges.push([lineStarts[l]!, endOf(Math.min(k, n - 1))]);
      l = k;
      continue;
    }
  }
  return ranges;
}

/** Raw-text elements of HTML: a "<!--" inside <script>, <style> or <textarea> is not a comment. */
function htmlRawText(src: string): Array<[number, number]> {
  // what /<(script|style|textarea)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi finds, in linear time (that regex is cubic
  // on "<style>x" repeated): the open tag, its first ">", then the first matching end tag or the end of the file
  const ranges: Array<[number, number]> = [];
  const open = /<(script|style|textarea)\b/gi;
  const ends = new Map<string, RegExp>();
  let m: RegExpExecArray | null;
  while ((m = open.exec(src)) !== null) {
    const gt = src.indexOf('>', m.index + m[0].length);
    if (gt === -1) break; // no ">" after this: no later open tag completes either
    const name = m[1]!.toLowerCase();
    let end = ends.get(name);
    if (!end) ends.set(name, (end = new RegExp(`</${name}\\s*>`, 'gi')));
    end.lastIndex = gt + 1;
    const e = end.exec(src);
    const stop = e ? e.index + e[0].length : src.length;
    ranges.push([m.index, stop]);
    open.lastIndex = stop;
  }
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
