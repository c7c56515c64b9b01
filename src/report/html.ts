/**
 * One self-contained HTML page (no network: inline CSS and script, allowed by hash in a CSP that forbids
 * everything else):
 *
 *   header   — summary line and counts (errors, warnings, info, documents, figures, checks passed)
 *   findings — document errors, then finding cards grouped by fact: severity badge, rule, message, and each
 *              source side by side (sentence with the figure highlighted, file:line:col, who, outlet, date)
 *   documents — each document's cleaned text, its segments as paragraphs, every claim in a <mark> whose
 *              tooltip (hover/focus) gives value, low–high, unit, measure, time, scope and attribution
 *
 * On wide screens the findings are a sticky left pane and the documents scroll on the right. Clicking a card
 * highlights its figures in the documents and scrolls the first into view (see html-assets.ts).
 * Cards carry `data-finding` (the finding id), marks `data-claim` (the claim id). Everything from the input
 * is escaped; no timestamp unless `generatedAt` is passed.
 */
import { createHash } from 'node:crypto';
import type { Claim, Document, Finding, Segment } from '../types.js';
import {
  countAll,
  docLabel,
  docPath,
  findingClaims,
  formatInterval,
  formatNumber,
  formatTime,
  groupFindings,
  indexInput,
  plural,
  quoteClaim,
  sourceParts,
  summaryText,
  type Index,
} from './common.js';
import { CSS, JS } from './html-assets.js';
import type { RenderOptions, ReportInput } from './index.js';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '&#39;'));
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

interface Ids {
  /** claim id → element id of its mark ("m12") */
  mark: Map<string, string>;
  /** claim id → element ids of the cards of the findings that involve it */
  cards: Map<string, string[]>;
  /** claim id → worst severity among its findings */
  flag: Map<string, string>;
  /** claim id → "f1 (error)" labels for the tooltip */
  findings: Map<string, string[]>;
}

export function renderHtml(input: ReportInput, opts: RenderOptions): string {
  const ix = indexInput(input);
  const counts = countAll(input);
  const s = summaryText(input, counts);
  const groups = input.command === 'extract' ? [] : groupFindings(input, ix);

  const ids: Ids = { mark: new Map(), cards: new Map(), flag: new Map(), findings: new Map() };
  input.claims.forEach((c, i) => {
    if (!ids.mark.has(c.id)) ids.mark.set(c.id, `m${i}`);
  });
  const cardId = new Map<Finding, string>();
  let k = 0;
  for (const g of groups) {
    for (const f of g.findings) {
      const id = `finding-${k++}`;
      cardId.set(f, id);
      for (const cid of new Set(f.claims)) {
        const list = ids.cards.get(cid) ?? [];
        list.push(id);
        ids.cards.set(cid, list);
        const prev = ids.flag.get(cid);
        if (!prev || rank(f.severity) < rank(prev)) ids.flag.set(cid, f.severity);
        const fl = ids.findings.get(cid) ?? [];
        fl.push(`${f.rule} (${f.severity})`);
        ids.findings.set(cid, fl);
      }
    }
  }

  const title = input.command === 'extract' ? plural(counts.figures, 'figure') : counts.problems ? plural(counts.problems, 'problem') : 'no problems';
  const csp = `default-src 'none'; style-src '${'sha256-' + sha256(CSS)}'; script-src '${'sha256-' + sha256(JS)}'; img-src data:; base-uri 'none'; form-action 'none'`;

  const h: string[] = [];
  h.push('<!doctype html>');
  h.push('<html lang="en">');
  h.push('<head>');
  h.push('<meta charset="utf-8">');
  h.push(`<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`);
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push('<meta name="color-scheme" content="light dark">');
  h.push(`<meta name="generator" content="numcheck ${esc(opts.toolVersion)}">`);
  h.push(`<title>numcheck ${esc(input.command)}: ${esc(title)}</title>`);
  h.push(`<style>${CSS}</style>`);
  h.push('</head>');
  h.push('<body>');
  h.push('<a class="skip" href="#documents">Skip to documents</a>');

  // header
  h.push('<header class="top">');
  h.push(`<h1>numcheck <span class="cmd">${esc(input.command)}</span></h1>`);
  h.push(`<p class="summary${s.ok ? '' : ' bad'}">${s.ok ? '✔' : '✖'} ${esc(s.text)}</p>`);
  h.push('<ul class="counts" aria-label="Counts">');
  if (input.command !== 'extract') {
    h.push(`<li class="c-error"><span class="num">${counts.error}</span> ${counts.error === 1 ? 'error' : 'errors'}</li>`);
    h.push(`<li class="c-warning"><span class="num">${counts.warning}</span> ${counts.warning === 1 ? 'warning' : 'warnings'}</li>`);
    h.push(`<li class="c-info"><span class="num">${counts.info}</span> info</li>`);
  }
  h.push(`<li><span class="num">${counts.documents}</span> ${counts.documents === 1 ? 'document' : 'documents'}</li>`);
  h.push(`<li><span class="num">${counts.figures}</span> ${counts.figures === 1 ? 'figure' : 'figures'}</li>`);
  if (input.command !== 'extract') h.push(`<li><span class="num">${counts.checks}</span> ${counts.checks === 1 ? 'check' : 'checks'} passed</li>`);
  if (counts.documentErrors) h.push(`<li class="c-error"><span class="num">${counts.documentErrors}</span> document ${counts.documentErrors === 1 ? 'error' : 'errors'}</li>`);
  h.push('</ul>');
  h.push('</header>');

  h.push('<p id="nc-status" class="sr-only" role="status" aria-live="polite"></p>');
  h.push('<main class="split">');

  // findings pane
  h.push('<div id="findings-pane">');
  const errDocs = input.documents.filter((d) => d.errors.length);
  if (errDocs.length) {
    h.push('<section class="doc-errors" aria-labelledby="h-doc-errors">');
    h.push('<h2 id="h-doc-errors">Document errors</h2>');
    h.push('<ul>');
    for (const d of errDocs) {
      const path = docPath(d, d.id, input.cwd);
      for (const e of d.errors) {
        h.push(
          `<li><span class="badge sev-error">error</span> <code>${esc(e.line ? `${path}:${e.line}` : path)}</code> ${esc(e.message)} <code class="rule">${esc(e.code)}</code></li>`,
        );
      }
    }
    h.push('</ul>');
    h.push('</section>');
  }
  if (input.command !== 'extract') {
    h.push('<section id="findings" aria-labelledby="h-findings">');
    h.push(`<h2 id="h-findings">Findings <span class="rule">(${esc(plural(counts.problems, 'problem'))})</span></h2>`);
    if (!groups.length) h.push(`<p>No problems: ${esc(plural(counts.checks, 'check'))} passed.</p>`);
    for (const g of groups) {
      h.push('<section class="group">');
      h.push(`<h3 class="group-title">${esc(g.label)}${g.findings.length > 1 ? ` <span class="n">· ${g.findings.length} problems</span>` : ''}</h3>`);
      for (const f of g.findings) h.push(card(f, cardId.get(f)!, input, ix, ids));
      h.push('</section>');
    }
    h.push('</section>');
  }
  h.push('</div>');

  // documents pane
  h.push('<section id="documents" aria-labelledby="h-documents">');
  h.push(`<h2 id="h-documents">Documents</h2>`);
  const placed = new Set<string>();
  // each claim once (the first with its id), bucketed by document, so rendering is linear in the input
  const byDoc = new Map<string, Claim[]>();
  input.claims.forEach((c, idx) => {
    if (ids.mark.get(c.id) !== `m${idx}`) return;
    const list = byDoc.get(c.document);
    if (list) list.push(c);
    else byDoc.set(c.document, [c]);
  });
  const seenDoc = new Set<string>();
  input.documents.forEach((d, i) => {
    h.push(documentSection(d, i, seenDoc.has(d.id) ? [] : (byDoc.get(d.id) ?? []), input.cwd, ids, placed));
    seenDoc.add(d.id);
  });
  const unplaced = input.claims.filter((c, idx) => !placed.has(c.id) && ids.mark.get(c.id) === `m${idx}`);
  if (unplaced.length) {
    h.push('<details class="doc" open><summary><h3>Figures not located in a document’s text</h3></summary><div class="text"><p>');
    h.push(unplaced.map((c) => `${esc(c.document)}: ${markOpen(c, ids)}${esc(c.text)}${tooltip(c, ids)}</mark>`).join('<br>'));
    h.push('</p></div></details>');
  }
  h.push('</section>');
  h.push('</main>');
  h.push(`<footer>numcheck ${esc(opts.toolVersion)}${opts.generatedAt ? ` · ${esc(opts.generatedAt)}` : ''} · self-contained report: works offline</footer>`);
  h.push(`<script>${JS}</script>`);
  h.push('</body>');
  h.push('</html>');
  return h.join('\n') + '\n';
}

function rank(s: string): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

function card(f: Finding, id: string, input: ReportInput, ix: Index, ids: Ids): string {
  const sev = ['error', 'warning', 'info'].includes(f.severity) ? f.severity : 'info';
  const claims = findingClaims(f, ix);
  const out: string[] = [];
  out.push(
    `<article class="finding sev-${sev}" id="${id}" tabindex="0" data-finding="${esc(f.id)}" data-claims="${esc(JSON.stringify(claims.map((c) => c.id)))}" aria-labelledby="${id}-msg" aria-describedby="${id}-hint">`,
  );
  out.push(`<div class="head"><span class="badge sev-${sev}">${esc(f.severity)}</span> <code class="rule">${esc(f.rule)}</code></div>`);
  out.push(`<p class="msg" id="${id}-msg">${esc(f.message)}</p>`);
  out.push(`<span class="sr-only" id="${id}-hint">Press Enter to highlight its figures in the documents.</span>`);
  out.push('<div class="sources">');
  for (const c of claims) {
    const doc = ix.docs.get(c.document);
    const q = quoteClaim(c, 280);
    const path = docPath(doc, c.document, input.cwd);
    const label = docLabel(doc, path);
    out.push('<figure class="source">');
    out.push(
      `<blockquote>“${q.cutStart ? '…' : ''}${esc(q.before)}<strong class="fig">${esc(q.figure)}</strong>${esc(q.after)}${q.cutEnd ? '…' : ''}”</blockquote>`,
    );
    const loc = `${path}:${c.line}:${c.column}`;
    out.push(
      `<figcaption><a class="loc mono" href="#${ids.mark.get(c.id)}" data-claim="${esc(c.id)}">${esc(loc)}</a>${label ? ` <span class="mono">(${esc(label)})</span>` : ''} · ${esc(sourceParts(c, doc).join(' · '))}</figcaption>`,
    );
    out.push('</figure>');
  }
  out.push('</div>');
  const missing = f.claims.filter((cid) => !ix.claims.has(cid));
  if (missing.length) out.push(`<p class="missing">Claims not in this report: ${esc(missing.join(', '))}</p>`);
  if (f.link && /^https?:\/\//i.test(f.link)) out.push(`<p><a href="${esc(f.link)}" rel="noopener noreferrer">About this rule</a></p>`);
  out.push('</article>');
  return out.join('\n');
}

function markOpen(c: Claim, ids: Ids): string {
  const id = ids.mark.get(c.id)!;
  const flag = ids.flag.get(c.id);
  const cards = ids.cards.get(c.id);
  return (
    `<mark id="${id}" data-claim="${esc(c.id)}" data-text="${esc(c.text)}" tabindex="0" aria-describedby="${id}-tip"` +
    (flag ? ` class="flag sev-${esc(flag)}"` : '') +
    (cards ? ` data-cards="${esc(JSON.stringify(cards))}"` : '') +
    '>'
  );
}

function tooltip(c: Claim, ids: Ids): string {
  const rows: Array<[string, string]> = [];
  rows.push(['figure', c.text]);
  rows.push(['value', `${formatNumber(c.value)} ${c.unit}`]);
  rows.push(['low–high', formatInterval(c)]);
  rows.push(['qualifier', c.qualifier]);
  rows.push(['unit', c.dimension && c.dimension !== c.unit ? `${c.unit} (${c.dimension})` : c.unit]);
  rows.push(['measure', c.measure || '—']);
  rows.push(['time', formatTime(c) ?? '—']);
  if (c.scope) rows.push(['scope', c.scope]);
  rows.push(['attribution', c.attribution ?? 'unattributed']);
  const f = ids.findings.get(c.id);
  if (f) rows.push(['findings', f.join(', ')]);
  const id = ids.mark.get(c.id)!;
  return `<span class="tip" role="tooltip" id="${id}-tip">${rows.map(([k, v]) => `<span class="row"><span class="k">${esc(k)}</span>${esc(v)}</span>`).join('')}</span>`;
}

interface Block {
  start: number;
  end: number;
  kind: Segment['kind'];
}

/** The document's text as blocks: its segments (sorted, made disjoint), plus any non-blank text between them. */
function blocks(d: Document): Block[] {
  const text = d.text;
  const out: Block[] = [];
  const push = (start: number, end: number, kind: Segment['kind']) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end, kind });
  };
  const gap = (start: number, end: number) => {
    const re = /\n[ \t]*\n/g;
    const part = text.slice(start, end);
    let last = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      push(start + last, start + m.index, 'paragraph');
      last = m.index + m[0].length;
    }
    push(start + last, end, 'paragraph');
  };
  const segs = [...d.segments]
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = 0;
  for (const s of segs) {
    const start = Math.max(pos, Math.max(0, s.start));
    const end = Math.min(text.length, s.end);
    if (end <= start) continue;
    if (start > pos) gap(pos, start);
    push(start, end, s.kind);
    pos = end;
  }
  if (pos < text.length) gap(pos, text.length);
  return out;
}

function documentSection(d: Document, i: number, docClaims: Claim[], cwd: string, ids: Ids, placed: Set<string>): string {
  const path = docPath(d, d.id, cwd);
  const claims = docClaims
    .map((c, idx) => ({ c, idx }))
    .filter(({ c }) => Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end > c.start && c.end <= d.text.length)
    .sort((a, b) => a.c.start - b.c.start || b.c.end - a.c.end || a.idx - b.idx)
    .map(({ c }) => c);

  const out: string[] = [];
  out.push(`<details class="doc" open id="doc-${i}">`);
  const heading = d.title ? d.title : path;
  out.push(`<summary><h3>${esc(heading)}</h3></summary>`);
  const meta: string[] = [`<code>${esc(path)}</code>`];
  const label = docLabel(d, path);
  if (label) meta.push(`<code>${esc(label)}</code>`);
  meta.push(esc(d.format));
  if (d.outlet) meta.push(esc(d.outlet));
  meta.push(esc(d.date ?? 'undated'));
  if (d.url && /^https?:\/\//i.test(d.url)) meta.push(`<a href="${esc(d.url)}" rel="noopener noreferrer">original</a>`);
  meta.push(esc(plural(claims.length, 'figure')));
  out.push(`<p class="meta">${meta.join(' · ')}</p>`);
  if (d.errors.length) out.push(`<p class="meta">${d.errors.map((e) => `<span class="badge sev-error">error</span> ${esc(e.message)}`).join('<br>')}</p>`);

  out.push('<div class="text">');
  const bl = blocks(d);
  let ci = 0;
  let inList = false;
  for (const b of bl) {
    // claims that start before this block but were not placed (in blank text between blocks): none expected
    while (ci < claims.length && claims[ci]!.start < b.start) ci++;
    const mine: Claim[] = [];
    while (ci < claims.length && claims[ci]!.start < b.end) mine.push(claims[ci++]!);
    for (const c of mine) placed.add(c.id);
    const body = renderRange(d.text, b.start, b.end, mine, ids);
    if (b.kind === 'list-item') {
      if (!inList) out.push('<ul>');
      inList = true;
      out.push(`<li>${body}</li>`);
      continue;
    }
    if (inList) out.push('</ul>');
    inList = false;
    if (b.kind === 'quote') out.push(`<blockquote>${body}</blockquote>`);
    else if (b.kind === 'paragraph') out.push(`<p>${body}</p>`);
    else out.push(`<p class="seg-${b.kind}">${body}</p>`);
  }
  if (inList) out.push('</ul>');
  out.push('</div>');
  out.push('</details>');
  return out.join('\n');
}

/** Escaped text of [start, end) with every claim in a <mark>; a claim that crosses another is cut to nest. */
function renderRange(text: string, start: number, end: number, claims: Claim[], ids: Ids): string {
  let html = '';
  let pos = start;
  const stack: Array<{ end: number; close: string }> = [];
  const closeTo = (limit: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= limit) {
      const top = stack.pop()!;
      html += esc(text.slice(pos, top.end)) + top.close;
      pos = top.end;
    }
  };
  for (const c of claims) {
    closeTo(c.start);
    const s = Math.max(c.start, pos);
    html += esc(text.slice(pos, s));
    pos = s;
    let e = Math.min(c.end, end);
    if (stack.length) e = Math.min(e, stack[stack.length - 1]!.end);
    if (e <= s) e = s; // an empty mark still carries the claim (and its tooltip)
    html += markOpen(c, ids);
    stack.push({ end: e, close: tooltip(c, ids) + '</mark>' });
    if (e === s) closeTo(s);
  }
  closeTo(Infinity);
  html += esc(text.slice(pos, end));
  return html;
}
