/**
 * The terminal report (default format).
 *
 *   Document errors                       ← first, each with its file
 *   <fact> · N problems                   ← findings grouped by fact (shared claims / same measure)
 *     ✖ error  rule-id
 *       message (wrapped)
 *       file:line:col          file:line:col           ← sources side by side when the terminal is wide
 *       who · outlet · date    who · outlet · date        enough (≥ 80 columns), stacked otherwise
 *       “…quote with «figure»…”  “…”
 *   ✖ 3 problems (1 error, 2 warnings, 0 info) in 4 documents, 57 figures checked
 *
 * Without colour the figure is marked «like this»; with colour it is bold yellow. Document text is
 * sanitised: control characters and bidi overrides never reach the terminal.
 */
import pc from 'picocolors';
import type { Claim, Document, Finding } from '../types.js';
import {
  countAll,
  docLabel,
  docPath,
  findingClaims,
  formatInterval,
  formatNumber,
  groupFindings,
  indexInput,
  plural,
  quoteClaim,
  sourceParts,
  summaryText,
  type Index,
} from './common.js';
import type { RenderOptions, ReportInput } from './index.js';
import { displayWidth, sanitize, truncate, wrapPlain, wrapRich, type RichLine, type Run } from './textlayout.js';

type Colors = ReturnType<typeof pc.createColors>;

const INDENT = '    ';
const GUTTER = 4;
/** Below this many columns per source, sources are stacked instead of side by side. */
const MIN_COLUMN = 36;

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** `s` without trailing spaces (a loop: / +$/ is quadratic on long runs of spaces). */
function trimSpacesEnd(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 32) e--;
  return s.slice(0, e);
}

export function renderText(input: ReportInput, opts: RenderOptions): string {
  const c = pc.createColors(opts.color);
  const width = Math.max(40, Math.floor(opts.width ?? (process.stdout.columns || 100)));
  const ix = indexInput(input);
  const counts = countAll(input);
  const out: string[] = [];

  // 1. document errors, each with its file
  const errDocs = input.documents.filter((d) => d.errors.length > 0);
  if (errDocs.length) {
    out.push(c.bold('Document errors'));
    for (const d of errDocs) {
      const path = docPath(d, d.id, input.cwd);
      for (const e of d.errors) {
        const where = e.line ? `${path}:${e.line}` : path;
        const head = `  ${c.red(MARK.error)} ${c.underline(sanitize(where))}  `;
        const tail = `  ${c.dim(sanitize(e.code))}`;
        out.push(head + sanitize(e.message) + tail);
      }
    }
    out.push('');
  }

  if (input.command === 'extract') {
    out.push(...extractListing(input, ix, c, width));
  } else {
    // 2. findings grouped by fact
    for (const g of groupFindings(input, ix)) {
      const count = g.findings.length > 1 ? c.dim(` · ${plural(g.findings.length, 'problem')}`) : '';
      out.push(c.bold(truncate(sanitize(g.label), width - 16)) + count);
      for (const f of g.findings) {
        out.push('');
        out.push(...findingBlock(f, input, ix, c, width));
      }
      out.push('');
    }
  }

  // 3. the summary line
  const s = summaryText(input, counts);
  if (opts.quiet && s.ok) return '';
  let line: string;
  if (s.ok) line = c.green(`✔ ${s.text}`);
  else if (counts.error > 0 || counts.documentErrors > 0) line = c.red(c.bold(`✖ ${s.text}`));
  else if (counts.warning > 0) line = c.yellow(c.bold(`✖ ${s.text}`));
  else line = c.bold(`✖ ${s.text}`);
  out.push(line);
  return out.join('\n') + '\n';
}

function severityLabel(sev: string, c: Colors): string {
  if (sev === 'error') return c.red(`${MARK.error} error`);
  if (sev === 'warning') return c.yellow(`${MARK.warning} warning`);
  return c.blue(`${MARK.info} info`);
}

function findingBlock(f: Finding, input: ReportInput, ix: Index, c: Colors, width: number): string[] {
  const lines: string[] = [];
  lines.push(`  ${severityLabel(f.severity, c)}  ${c.dim(sanitize(f.rule))}`);
  for (const l of wrapPlain(sanitize(f.message), width - INDENT.length)) lines.push(INDENT + l);
  const claims = findingClaims(f, ix);
  const missing = f.claims.filter((id) => !ix.claims.has(id));
  const inner = width - INDENT.length;
  const twoCols = claims.length >= 2 && Math.floor((inner - GUTTER) / 2) >= MIN_COLUMN;
  if (twoCols) {
    const colW = Math.floor((inner - GUTTER) / 2);
    for (let i = 0; i < claims.length; i += 2) {
      lines.push('');
      const left = sourceBlock(claims[i]!, ix.docs.get(claims[i]!.document), input.cwd, c, colW);
      const right = claims[i + 1] ? sourceBlock(claims[i + 1]!, ix.docs.get(claims[i + 1]!.document), input.cwd, c, colW) : [];
      const n = Math.max(left.length, right.length);
      for (let k = 0; k < n; k++) {
        const l = left[k];
        const r = right[k];
        const pad = l ? ' '.repeat(Math.max(0, colW - l.width)) : ' '.repeat(colW);
        const row = INDENT + (l?.text ?? '') + (r ? pad + ' '.repeat(GUTTER) + r.text : '');
        lines.push(trimSpacesEnd(row));
      }
    }
  } else {
    for (const cl of claims) {
      lines.push('');
      for (const l of sourceBlock(cl, ix.docs.get(cl.document), input.cwd, c, inner)) lines.push(INDENT + l.text);
    }
  }
  if (missing.length) lines.push(INDENT + c.dim(`(claims not in this report: ${sanitize(missing.join(', '))})`));
  if (f.link) lines.push(INDENT + c.dim(sanitize(f.link)));
  return lines;
}

interface Styled {
  text: string;
  width: number;
}

/** One source: location, who/when, and the quote with the figure highlighted, each line ≤ colW columns. */
function sourceBlock(claim: Claim, doc: Document | undefined, cwd: string, c: Colors, colW: number): Styled[] {
  const out: Styled[] = [];
  const path = docPath(doc, claim.document, cwd);
  const label = docLabel(doc, path);
  const locLine = truncate(sanitize(`${path}:${claim.line}:${claim.column}`), colW);
  out.push({ text: c.cyan(locLine), width: displayWidth(locLine) });
  const parts = sourceParts(claim, doc);
  if (label) parts.unshift(label);
  for (const m of wrapPlain(sanitize(parts.join(' · ')), colW)) out.push({ text: c.dim(m), width: displayWidth(m) });

  const q = quoteClaim(claim, Math.min(240, colW * 4));
  const marked = !c.isColorSupported;
  const runs: Run[] = [
    { text: '“' + (q.cutStart ? '…' : '') + sanitize(q.before) },
    { text: marked ? `«${sanitize(q.figure)}»` : sanitize(q.figure), hl: true },
    { text: sanitize(q.after) + (q.cutEnd ? '…' : '') + '”' },
  ];
  for (const l of wrapRich(runs, colW)) out.push({ text: styleLine(l, c), width: l.width });
  return out;
}

function styleLine(l: RichLine, c: Colors): string {
  return l.runs.map((r) => (r.hl ? c.bold(c.yellow(r.text)) : r.text)).join('');
}

/** `numcheck extract` in text: every figure per document, one a line. */
function extractListing(input: ReportInput, ix: Index, c: Colors, width: number): string[] {
  const out: string[] = [];
  const byDoc = new Map<string, Claim[]>();
  for (const cl of input.claims) {
    const list = byDoc.get(cl.document);
    if (list) list.push(cl);
    else byDoc.set(cl.document, [cl]);
  }
  const order = [...input.documents.map((d) => d.id), ...[...byDoc.keys()].filter((k) => !ix.docs.has(k))];
  for (const id of order) {
    const claims = byDoc.get(id);
    if (!claims?.length) continue;
    out.push(c.underline(sanitize(docPath(ix.docs.get(id), id, input.cwd))));
    const locs = claims.map((cl) => `${cl.line}:${cl.column}`);
    const lw = Math.max(...locs.map((l) => l.length));
    claims.forEach((cl, i) => {
      const range = cl.qualifier === 'exact' ? formatNumber(cl.value) : `${formatNumber(cl.value)} [${formatInterval(cl)}]`;
      const rest = sanitize(`${range} ${cl.unit}  ${cl.measure}${cl.attribution ? ` (${cl.attribution})` : ''}`);
      const fig = sanitize(cl.text);
      const line = `  ${locs[i]!.padEnd(lw)}  ${fig}  `;
      out.push(c.dim(`  ${locs[i]!.padEnd(lw)}`) + `  ${c.bold(fig)}  ` + c.dim(truncate(rest, Math.max(10, width - displayWidth(line)))));
    });
    out.push('');
  }
  return out;
}
