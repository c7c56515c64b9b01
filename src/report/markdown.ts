/**
 * Markdown for a pull-request or review comment (GitHub-flavoured):
 *
 *   ### numcheck: 3 problems (1 error, 2 warnings, 0 info)
 *   summary line
 *   **Document errors** (list)
 *   | | Rule | Message | Sources |       ← one row per finding, sources as file:line:col links relative to cwd
 *   <details open> per finding: a quote block of each source sentence with the figure in **bold**
 *
 * All document-derived content is escaped: `|`, `<`, `>`, `&`, backticks and the inline-markup characters
 * (`\ * _ [ ] ~ #`) so an article can neither break the table nor inject HTML or links.
 */
import type { Claim, Document, Finding } from '../types.js';
import {
  countAll,
  docLabel,
  docPath,
  findingClaims,
  groupFindings,
  indexInput,
  plural,
  quoteClaim,
  sourceParts,
  summaryText,
  squash,
  type Index,
} from './common.js';
import type { RenderOptions, ReportInput } from './index.js';

const ICON = { error: '🔴', warning: '🟠', info: '🔵' } as const;

/** Escape text for Markdown inline content (table cells and paragraphs); newlines become spaces. */
export function mdEscape(s: string): string {
  return squash(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1');
}

/** A code span for identifiers (rule ids); falls back to escaped text when it holds a backtick. */
function mdCode(s: string): string {
  const t = squash(s);
  if (t.includes('`') || t.includes('\\')) return mdEscape(t);
  return '`' + t.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;') + '`';
}

/** Percent-encode a relative path for a link target, keeping `/`. */
function mdHref(path: string, line: number): string {
  const enc = path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  return `${enc.replace(/[()]/g, (ch) => (ch === '(' ? '%28' : '%29'))}#L${line}`;
}

/**
 * The figure in bold. `**…**` only works when the delimiters are flanking (CommonMark); next to a letter with
 * punctuation at the figure's edge ("US$500") it would print literally, so `<strong>` is used there instead.
 */
function bold(figure: string, before: string, after: string): string {
  if (!figure) return '';
  const e = mdEscape(figure);
  const punct = /[\p{P}\p{S}]/u;
  const word = /[\p{L}\p{N}]/u;
  const first = figure.charAt(0);
  const last = figure.charAt(figure.length - 1);
  const prev = before.charAt(before.length - 1);
  const next = after.charAt(0);
  const badStart = punct.test(first) && prev !== '' && word.test(prev);
  const badEnd = punct.test(last) && next !== '' && word.test(next);
  const edgeSpace = /\s/.test(first) || /\s/.test(last);
  return badStart || badEnd || edgeSpace ? `<strong>${e}</strong>` : `**${e}**`;
}

function sevLabel(sev: string): string {
  const icon = ICON[sev as keyof typeof ICON] ?? ICON.info;
  return `${icon} ${sev}`;
}

function locLink(claim: Claim, doc: Document | undefined, cwd: string): string {
  const path = docPath(doc, claim.document, cwd);
  const text = mdEscape(`${path}:${claim.line}:${claim.column}`);
  if (!doc || doc.path === '-' || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return text;
  return `[${text}](${mdHref(path, claim.line)})`;
}

export function renderMarkdown(input: ReportInput, _opts: RenderOptions): string {
  const ix = indexInput(input);
  const counts = countAll(input);
  const s = summaryText(input, counts);
  const out: string[] = [];

  const title =
    input.command === 'extract'
      ? `${plural(counts.figures, 'figure')}`
      : counts.problems === 0
        ? 'no problems'
        : `${plural(counts.problems, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
  out.push(`### ${s.ok ? '✅' : '❌'} numcheck ${input.command}: ${mdEscape(title)}`);
  out.push('');
  out.push(mdEscape(s.text.charAt(0).toUpperCase() + s.text.slice(1)) + '.');
  out.push('');

  const errDocs = input.documents.filter((d) => d.errors.length > 0);
  if (errDocs.length) {
    out.push('**Document errors**');
    out.push('');
    for (const d of errDocs) {
      const path = docPath(d, d.id, input.cwd);
      for (const e of d.errors) {
        out.push(`- ${mdEscape(e.line ? `${path}:${e.line}` : path)}: ${mdEscape(e.message)} (${mdCode(e.code)})`);
      }
    }
    out.push('');
  }

  if (input.command === 'extract' || input.findings.length === 0) return out.join('\n');

  const groups = groupFindings(input, ix);
  const ordered = groups.flatMap((g) => g.findings.map((f) => ({ f, label: g.label })));

  out.push('| # | Severity | Rule | Message | Sources |');
  out.push('| --: | --- | --- | --- | --- |');
  ordered.forEach(({ f }, i) => {
    const srcs = findingClaims(f, ix)
      .map((c) => locLink(c, ix.docs.get(c.document), input.cwd))
      .join('<br>');
    out.push(`| ${i + 1} | ${sevLabel(f.severity)} | ${mdCode(f.rule)} | ${mdEscape(f.message)} | ${srcs || '—'} |`);
  });
  out.push('');

  ordered.forEach(({ f, label }, i) => {
    out.push(...findingSection(f, label, i + 1, input, ix));
  });
  return out.join('\n');
}

function findingSection(f: Finding, label: string, n: number, input: ReportInput, ix: Index): string[] {
  const out: string[] = [];
  out.push(`<details open><summary>${n}. ${sevLabel(f.severity)} · ${mdCode(f.rule)} · ${mdEscape(label)}</summary>`);
  out.push('');
  out.push(mdEscape(f.message));
  out.push('');
  for (const c of findingClaims(f, ix)) {
    const doc = ix.docs.get(c.document);
    const q = quoteClaim(c, 400);
    const path = docPath(doc, c.document, input.cwd);
    const label2 = docLabel(doc, path);
    const quote =
      (q.cutStart ? '…' : '') +
      mdEscape(q.before) +
      bold(q.figure, q.before, q.after) +
      mdEscape(q.after) +
      (q.cutEnd ? '…' : '');
    out.push(`> ${quote}`);
    out.push('>');
    out.push(`> — ${locLink(c, doc, input.cwd)}${label2 ? ` (${mdEscape(label2)})` : ''} · ${mdEscape(sourceParts(c, doc).join(' · '))}`);
    out.push('');
  }
  if (f.link) out.push(`[About this rule](${encodeURI(f.link).replace(/[()]/g, (ch) => (ch === '(' ? '%28' : '%29'))})`, '');
  out.push('</details>');
  out.push('');
  return out;
}
