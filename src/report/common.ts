/**
 * What every report format shares: counting, grouping findings by fact, locating a claim in its file
 * (line/column/end, UTF-16), display paths relative to the working directory, quoting the sentence around a
 * figure, and the one-line summary. Nothing here loads a dependency, so the text path stays light.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Claim, Document, Finding, Severity } from '../types.js';
import type { ReportInput } from './index.js';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Whitespace and the punctuation a cut quote should not end on. */
const TRAILING_PUNCT = /[\s,;:]/;

/** `s` without trailing characters matching `one` (a loop: /[...]+$/ is quadratic on long runs). */
function trimEndOf(s: string, one: RegExp): string {
  let e = s.length;
  while (e > 0 && one.test(s[e - 1]!)) e--;
  return s.slice(0, e);
}

export function severityRank(s: string): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  problems: number;
  documents: number;
  documentErrors: number;
  figures: number;
  checks: number;
}

export function countAll(input: ReportInput): Counts {
  const c: Counts = {
    error: 0,
    warning: 0,
    info: 0,
    problems: input.findings.length,
    documents: input.documents.length,
    documentErrors: 0,
    figures: input.claims.length,
    checks: input.checks.length,
  };
  for (const f of input.findings) {
    if (f.severity === 'error') c.error++;
    else if (f.severity === 'warning') c.warning++;
    else c.info++;
  }
  for (const d of input.documents) c.documentErrors += d.errors.length;
  return c;
}

/**
 * The one-line summary, ESLint style, without the leading mark:
 *   "3 problems (1 error, 2 warnings, 0 info) in 4 documents, 57 figures checked"
 *   "no problems in 4 documents (57 figures, 12 checks passed)"
 * `ok` is false when there is a finding or a document error.
 */
export function summaryText(input: ReportInput, counts = countAll(input)): { ok: boolean; text: string } {
  const docs = plural(counts.documents, 'document');
  const docErr = counts.documentErrors ? `; ${plural(counts.documentErrors, 'document error')}` : '';
  if (input.command === 'extract') {
    return { ok: counts.documentErrors === 0, text: `${plural(counts.figures, 'figure')} in ${docs}${docErr}` };
  }
  if (counts.problems === 0) {
    return {
      ok: counts.documentErrors === 0,
      text: `no problems in ${docs} (${plural(counts.figures, 'figure')}, ${plural(counts.checks, 'check')} passed)${docErr}`,
    };
  }
  return {
    ok: false,
    text:
      `${plural(counts.problems, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
      `${counts.info} info) in ${docs}, ${plural(counts.figures, 'figure')} checked${docErr}`,
  };
}

/** Lookups built once per render. */
export interface Index {
  docs: Map<string, Document>;
  claims: Map<string, Claim>;
}

export function indexInput(input: ReportInput): Index {
  const docs = new Map<string, Document>();
  for (const d of input.documents) if (!docs.has(d.id)) docs.set(d.id, d);
  const claims = new Map<string, Claim>();
  for (const c of input.claims) if (!claims.has(c.id)) claims.set(c.id, c);
  return { docs, claims };
}

/** The claims of a finding that exist, in the finding's order (the first is the primary one). */
export function findingClaims(f: Finding, ix: Index): Claim[] {
  const out: Claim[] = [];
  const seen = new Set<string>();
  for (const id of f.claims) {
    const c = ix.claims.get(id);
    if (c && !seen.has(id)) {
      seen.add(id);
      out.push(c);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Grouping findings by fact

export interface FindingGroup {
  /** What the group is about: the measure most of its claims share ("reservists mobilised"). */
  label: string;
  findings: Finding[];
}

const GENERIC_MEASURES = new Set(['', 'count', 'number', 'amount', 'quantity', 'value', 'other', 'percent', 'unknown']);

/**
 * Findings that share a claim, or whose claims share a (non-generic) measure, are about one fact and are
 * shown together. Groups are ordered by their worst severity, then by where their first finding is in the
 * input; findings inside a group likewise. Deterministic for a given input.
 */
export function groupFindings(input: ReportInput, ix: Index): FindingGroup[] {
  const n = input.findings.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byClaim = new Map<string, number>();
  const byMeasure = new Map<string, number>();
  input.findings.forEach((f, i) => {
    for (const id of f.claims) {
      const prev = byClaim.get(id);
      if (prev === undefined) byClaim.set(id, i);
      else union(prev, i);
      const m = normMeasure(ix.claims.get(id)?.measure);
      if (m && !GENERIC_MEASURES.has(m)) {
        const pm = byMeasure.get(m);
        if (pm === undefined) byMeasure.set(m, i);
        else union(pm, i);
      }
    }
  });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const out: Array<{ worst: number; first: number; group: FindingGroup }> = [];
  for (const members of groups.values()) {
    members.sort((a, b) => severityRank(input.findings[a]!.severity) - severityRank(input.findings[b]!.severity) || a - b);
    const findings = members.map((i) => input.findings[i]!);
    out.push({
      worst: severityRank(findings[0]!.severity),
      first: Math.min(...members),
      group: { label: groupLabel(findings, ix), findings },
    });
  }
  out.sort((a, b) => a.worst - b.worst || a.first - b.first);
  return out.map((g) => g.group);
}

function normMeasure(m: string | undefined | null): string {
  return (m ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

function groupLabel(findings: Finding[], ix: Index): string {
  const tally = new Map<string, { n: number; first: number; text: string }>();
  let order = 0;
  for (const f of findings) {
    for (const id of f.claims) {
      const c = ix.claims.get(id);
      const text = (c?.measure ?? '').trim().replace(/\s+/g, ' ');
      if (!text) continue;
      const key = text.toLowerCase();
      const t = tally.get(key);
      if (t) t.n++;
      else tally.set(key, { n: 1, first: order++, text });
    }
  }
  let best: { n: number; first: number; text: string } | null = null;
  for (const t of tally.values()) if (!best || t.n > best.n || (t.n === best.n && t.first < best.first)) best = t;
  if (best) return best.text;
  const dim = findings.flatMap((f) => f.claims.map((id) => ix.claims.get(id)?.dimension)).find((d) => d);
  return dim ?? findings[0]!.kind;
}

// ---------------------------------------------------------------------------------------------------------
// Paths and locations

function toSlash(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** The file a document lives in, relative to cwd with forward slashes ("sources/a.html"); stdin shows its id. */
export function docPath(doc: Document | undefined, fallbackId: string, cwd: string): string {
  if (!doc) return fallbackId;
  if (doc.path === '-' || doc.path === '') return doc.id || '-';
  const abs = resolve(cwd, doc.path);
  const rel = relative(cwd, abs);
  if (rel === '') return toSlash(doc.path);
  // outside cwd: an absolute path stays absolute ("../../../etc/x" helps nobody); a relative one stays relative
  if (isAbsolute(rel) || (isAbsolute(doc.path) && isOutside(doc, cwd))) return toSlash(abs);
  return toSlash(rel);
}

/** True when the document's file is outside cwd (SARIF then uses a file: URI). */
export function isOutside(doc: Document, cwd: string): boolean {
  if (doc.path === '-' || doc.path === '') return false;
  const rel = relative(cwd, resolve(cwd, doc.path));
  return rel === '..' || rel.startsWith('..' + sep) || rel.startsWith('../') || isAbsolute(rel);
}

export interface Location {
  line: number;
  column: number;
  endLine: number;
  /** Column just after the last character (exclusive), 1-based, UTF-16 code units. */
  endColumn: number;
  /** UTF-16 offset in the file. */
  charOffset: number;
  charLength: number;
}

/**
 * Where a claim is in its file. Start line/column are the claim's own (the JSON contract's); the end is
 * computed from `Document.source` when the span lies in it (CR, LF and CRLF end lines), else taken to be on
 * the start line.
 */
export function locate(claim: Claim, doc: Document | undefined): Location {
  const start = Math.max(0, claim.span.start);
  const end = Math.max(start, claim.span.end);
  const loc: Location = {
    line: Math.max(1, claim.line),
    column: Math.max(1, claim.column),
    endLine: Math.max(1, claim.line),
    endColumn: Math.max(1, claim.column) + (end - start),
    charOffset: start,
    charLength: end - start,
  };
  const src = doc?.source;
  if (src !== undefined) {
    const base = doc?.sourceOffset ?? 0;
    const s = start - base;
    const e = end - base;
    if (s >= 0 && e <= src.length) {
      let breaks = 0;
      let lastLineStart = -1;
      for (let i = s; i < e; i++) {
        const ch = src.charCodeAt(i);
        if (ch === 10 || (ch === 13 && src.charCodeAt(i + 1) !== 10)) {
          breaks++;
          lastLineStart = i + 1;
        }
      }
      if (breaks > 0) {
        loc.endLine = loc.line + breaks;
        loc.endColumn = e - lastLineStart + 1;
      }
    }
  }
  return loc;
}

// ---------------------------------------------------------------------------------------------------------
// Quoting

export interface Quote {
  before: string;
  figure: string;
  after: string;
  /** True when text was cut at the start / end. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** Collapse whitespace (newlines, tabs, runs of spaces) to single spaces. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * The sentence of a claim split around its figure, whitespace collapsed, trimmed to about `max` characters
 * around the figure at word boundaries (the caller shows the cuts with "…"). Falls back to the claim text
 * alone when the sentence does not contain it.
 */
export function quoteClaim(claim: Claim, max = 200): Quote {
  const sentence = claim.sentence ?? '';
  let a = claim.start - claim.sentenceStart;
  let b = claim.end - claim.sentenceStart;
  if (!(a >= 0 && b <= sentence.length && a < b && sentence.slice(a, b) === claim.text)) {
    a = sentence.indexOf(claim.text);
    b = a + claim.text.length;
  }
  if (a < 0 || !claim.text) {
    return { before: '', figure: squash(claim.text).trim(), after: '', cutStart: false, cutEnd: false };
  }
  let before = squash(sentence.slice(0, a)).replace(/^ /, '');
  const figure = squash(sentence.slice(a, b));
  let after = squash(sentence.slice(b)).replace(/ $/, '');
  let cutStart = false;
  let cutEnd = false;
  const room = Math.max(0, max - figure.length);
  if (before.length + after.length > room) {
    // give each side half the room, and the unused part of one side to the other
    let lb = Math.floor(room / 2);
    let la = room - lb;
    if (before.length < lb) {
      la += lb - before.length;
      lb = before.length;
    } else if (after.length < la) {
      lb += la - after.length;
      la = after.length;
    }
    if (before.length > lb) {
      let cut = before.length - lb;
      const sp = before.indexOf(' ', cut);
      if (sp >= 0 && sp - cut < 20) cut = sp + 1;
      before = before.slice(cut);
      cutStart = true;
    }
    if (after.length > la) {
      let cut = la;
      const sp = after.lastIndexOf(' ', cut);
      if (sp > 0 && cut - sp < 20) cut = sp;
      after = trimEndOf(after.slice(0, cut), TRAILING_PUNCT);
      cutEnd = true;
    }
  }
  return { before, figure, after, cutStart, cutEnd };
}

// ---------------------------------------------------------------------------------------------------------
// Values, times, attribution

/**
 * `x` as Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }) writes it ("1,234.5", "-0"), without building
 * one: ICU's number formatter costs ~18 ms to create, a tenth of a whole check of one article. Like ICU, it rounds
 * the shortest decimal that reads back as x (String(x), not x's exact binary value) half away from zero.
 * 1e-6 <= |x| < 1e21 or x = 0, where String(x) has no exponent.
 */
function groupedFixed(x: number): string {
  const s = String(Math.abs(x));
  const dot = s.indexOf('.');
  let int = dot === -1 ? s : s.slice(0, dot);
  let frac = dot === -1 ? '' : s.slice(dot + 1);
  if (frac.length > 6) {
    const up = frac.charCodeAt(6) >= 53; // '5'
    frac = frac.slice(0, 6);
    if (up) {
      // add one in the sixth decimal, carrying into the integer part
      const digits = (int + frac).split('');
      let k = digits.length - 1;
      while (k >= 0 && digits[k] === '9') digits[k--] = '0';
      if (k >= 0) digits[k] = String.fromCharCode(digits[k]!.charCodeAt(0) + 1);
      else digits.unshift('1');
      int = digits.slice(0, digits.length - 6).join('');
      frac = digits.slice(digits.length - 6).join('');
    }
  }
  let e = frac.length;
  while (e > 0 && frac.charCodeAt(e - 1) === 48) e--; // trailing zeros off
  frac = frac.slice(0, e);
  let grouped = int.slice(0, ((int.length - 1) % 3) + 1);
  for (let i = grouped.length; i < int.length; i += 3) grouped += ',' + int.slice(i, i + 3);
  return (x < 0 || Object.is(x, -0) ? '-' : '') + grouped + (frac ? '.' + frac : '');
}

export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (Math.abs(x) >= 1e21 || (x !== 0 && Math.abs(x) < 1e-6)) return String(x);
  return groupedFixed(x);
}

export function formatInterval(c: Pick<Claim, 'low' | 'high'>): string {
  const lo = c.low === null || !Number.isFinite(c.low) ? '−∞' : formatNumber(c.low);
  const hi = c.high === null || !Number.isFinite(c.high) ? '∞' : formatNumber(c.high);
  return `${lo} – ${hi}`;
}

export function formatTime(c: Claim): string | null {
  const t = c.time;
  if (!t) return null;
  let range = '';
  if (t.start && t.end) range = t.start === t.end ? t.start : `${t.start} – ${t.end}`;
  else if (t.start) range = `from ${t.start}`;
  else if (t.end) range = `until ${t.end}`;
  const words = t.text && t.text !== 'document date' ? `“${squash(t.text).trim()}”` : '';
  const s = [words, range].filter(Boolean).join(' ');
  return s || null;
}

/**
 * Who said it and when, as short parts: ["Putin", "RIA Novosti", "2022-10-28", "for “on Friday” 2022-10-21"].
 * The time the figure is about is shown only when it says more than the publication date.
 */
export function sourceParts(claim: Claim, doc: Document | undefined): string[] {
  const parts: string[] = [];
  parts.push(claim.attribution ? squash(claim.attribution).trim() : 'unattributed');
  if (doc?.outlet) parts.push(squash(doc.outlet).trim());
  parts.push(doc?.date ?? 'undated');
  const t = formatTime(claim);
  if (t && !(claim.time?.start === doc?.date && claim.time?.end === doc?.date)) {
    parts.push(`figure for ${t}`);
  }
  return parts;
}

/**
 * A JSONL line's own id is worth showing next to its file: "#a17" for document "feed.jsonl#a17" in
 * "feed.jsonl" (the whole id when it does not start with the path).
 */
export function docLabel(doc: Document | undefined, path: string): string | null {
  if (!doc || doc.id === path || doc.format !== 'jsonl') return null;
  return doc.id.startsWith(path + '#') ? doc.id.slice(path.length) : doc.id;
}
