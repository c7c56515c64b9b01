/**
 * Realistic report input built in code: three articles about the end of Russia's partial mobilisation (a
 * Markdown file with front matter, a plain-text wire copy with hostile markup, a JSONL feed line) and a missing
 * file. Cleaned text is assembled from pieces of each file as ingest would, with a real offset map, so claim
 * spans, lines and columns point into the files exactly.
 */
import type { CheckResult, Claim, DocError, Document, Finding, Qualifier, Segment } from '../../src/types.js';
import type { ReportInput } from '../../src/report/index.js';

export const CWD = '/work/newsroom';

interface Piece {
  text: string;
  kind: Segment['kind'];
}

interface DocSpec {
  id: string;
  path: string;
  format: Document['format'];
  /** The whole file on disk. */
  file: string;
  /** For JSONL: which part of the file is this document's source (a line); default: the whole file. */
  source?: { start: number; end: number; line: number };
  pieces: Piece[];
  date: string | null;
  outlet: string | null;
  title: string | null;
  url?: string | null;
  errors?: DocError[];
}

export interface Built {
  doc: Document;
  file: string;
}

export function buildDoc(spec: DocSpec): Built {
  const srcStart = spec.source?.start ?? 0;
  const source = spec.file.slice(srcStart, spec.source?.end ?? spec.file.length);
  const orig: number[] = [];
  const segments: Segment[] = [];
  let text = '';
  let from = 0;
  spec.pieces.forEach((p, k) => {
    const at = source.indexOf(p.text, from);
    if (at < 0) throw new Error(`fixture: piece not in source: ${p.text.slice(0, 40)}`);
    if (k > 0) {
      for (let j = 0; j < 2; j++) orig.push(srcStart + from);
      text += '\n\n';
    }
    segments.push({ start: text.length, end: text.length + p.text.length, kind: p.kind });
    for (let j = 0; j < p.text.length; j++) orig.push(srcStart + at + j);
    text += p.text;
    from = at + p.text.length;
  });
  const doc: Document = {
    id: spec.id,
    path: spec.path,
    format: spec.format,
    text,
    segments,
    map: {
      toOriginalStart: (i) => (i < orig.length ? orig[i]! : srcStart + from),
      toOriginalEnd: (i) => (i > 0 ? orig[i - 1]! + 1 : srcStart),
    },
    source,
    sourceOffset: srcStart,
    sourceLine: spec.source?.line ?? 1,
    date: spec.date,
    outlet: spec.outlet,
    title: spec.title,
    url: spec.url ?? null,
    errors: spec.errors ?? [],
  };
  return { doc, file: spec.file };
}

interface ClaimSpec {
  id: string;
  figure: string;
  /** Text just before the figure, to pick the right occurrence. */
  after?: string;
  value: number;
  low?: number | null;
  high?: number | null;
  qualifier?: Qualifier;
  unit?: string;
  dimension?: string;
  measure: string;
  precision?: number | null;
  attribution?: string | null;
  scope?: string | null;
  time?: Claim['time'];
  event?: string | null;
  noun?: string | null;
}

function lineCol(file: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (file.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function makeClaim(b: Built, s: ClaimSpec): Claim {
  const { doc, file } = b;
  const base = s.after ? doc.text.indexOf(s.after) : 0;
  if (base < 0) throw new Error(`fixture: context not found: ${s.after}`);
  const start = doc.text.indexOf(s.figure, base);
  if (start < 0) throw new Error(`fixture: figure not found: ${s.figure}`);
  const end = start + s.figure.length;
  // the sentence: back to the previous sentence end or paragraph break, forward to the next one
  let ss = start;
  while (ss > 0 && !/[.!?]\s/.test(doc.text.slice(ss - 2, ss)) && doc.text.slice(ss - 2, ss) !== '\n\n') ss--;
  let se = end;
  while (se < doc.text.length && !/[.!?]/.test(doc.text[se]!)) se++;
  if (se < doc.text.length) se++;
  const span = { start: doc.map.toOriginalStart(start), end: doc.map.toOriginalEnd(end) };
  const { line, column } = lineCol(file, span.start);
  const q = s.qualifier ?? 'exact';
  return {
    id: s.id,
    document: doc.id,
    start,
    end,
    text: s.figure,
    value: s.value,
    low: s.low === undefined ? s.value : s.low,
    high: s.high === undefined ? s.value : s.high,
    qualifier: q,
    unit: s.unit ?? 'count',
    dimension: s.dimension ?? 'count',
    precision: s.precision ?? null,
    exact: String(s.value),
    form: 'digits',
    noun: s.noun ?? null,
    measure: s.measure,
    span,
    line,
    column,
    event: s.event ?? null,
    time: s.time ?? (doc.date ? { start: doc.date, end: doc.date, text: 'document date' } : null),
    scope: s.scope ?? null,
    attribution: s.attribution ?? null,
    sentence: doc.text.slice(ss, se),
    sentenceStart: ss,
  };
}

// ---------------------------------------------------------------------------------------------------------

const MT_FILE = `---
title: Putin says partial mobilisation is complete
outlet: The Moscow Times
date: 2022-10-28
---

# Putin says partial mobilisation is complete

President Vladimir Putin said on Friday that 222,000 reservists had been called up, short of the 300,000 target the Kremlin announced in September, and that no further call-ups were planned.

According to the Defence Ministry, 41,000 of the men are already serving with units in the "special military operation" zone, out of about 82,000 sent to the front so far.

Engineers are also surveying a 1,100-km (684-mile) defensive line along the border.
`;

const TASS_FILE = `date 2022-10-28
Shoigu reports end of mobilisation

Defence Minister Sergei Shoigu told Putin on Friday that 220,000 reservists had been mobilised and that "all tasks are completed" <script>alert("pwned")</script>.

🇺🇦 Ukrainian forces have recaptured more than 600 settlements across the country | \`officials\` said, according to the general staff.

The planned pipeline would run 1,100 km (648 miles) under the Baltic Sea.

Advertisement
`;

const FEED_LINE_1 =
  '{"id":"kyiv-1","date":"2022-10-27","outlet":"Kyiv Independent","text":"Ukraine’s general staff said its troops had liberated 75 settlements in the north of the Kherson region. Kyiv says some 300,000 men have been mobilised."}';
const FEED_FILE = FEED_LINE_1 + '\n' + '{"id":"kyiv-2","text": }\n';

export function fixture(): ReportInput {
  const mt = buildDoc({
    id: 'docs/moscow-times.md',
    path: 'docs/moscow-times.md',
    format: 'markdown',
    file: MT_FILE,
    pieces: [
      { text: 'Putin says partial mobilisation is complete', kind: 'heading' },
      {
        text: 'President Vladimir Putin said on Friday that 222,000 reservists had been called up, short of the 300,000 target the Kremlin announced in September, and that no further call-ups were planned.',
        kind: 'paragraph',
      },
      {
        text: 'According to the Defence Ministry, 41,000 of the men are already serving with units in the "special military operation" zone, out of about 82,000 sent to the front so far.',
        kind: 'paragraph',
      },
      { text: 'Engineers are also surveying a 1,100-km (684-mile) defensive line along the border.', kind: 'paragraph' },
    ],
    date: '2022-10-28',
    outlet: 'The Moscow Times',
    title: 'Putin says partial mobilisation is complete',
    url: 'https://www.themoscowtimes.com/2022/10/28/putin-mobilisation',
  });
  const tass = buildDoc({
    id: 'sources/tass.txt',
    path: 'sources/tass.txt',
    format: 'text',
    file: TASS_FILE,
    pieces: [
      { text: 'Shoigu reports end of mobilisation', kind: 'heading' },
      {
        text: 'Defence Minister Sergei Shoigu told Putin on Friday that 220,000 reservists had been mobilised and that "all tasks are completed" <script>alert("pwned")</script>.',
        kind: 'paragraph',
      },
      {
        text: '🇺🇦 Ukrainian forces have recaptured more than 600 settlements across the country | `officials` said, according to the general staff.',
        kind: 'paragraph',
      },
      { text: 'The planned pipeline would run 1,100 km (648 miles) under the Baltic Sea.', kind: 'paragraph' },
    ],
    date: '2022-10-28',
    outlet: 'TASS',
    title: null,
  });
  const feedText =
    'Ukraine’s general staff said its troops had liberated 75 settlements in the north of the Kherson region. Kyiv says some 300,000 men have been mobilised.';
  const feed = buildDoc({
    id: 'sources/feed.jsonl#kyiv-1',
    path: 'sources/feed.jsonl',
    format: 'jsonl',
    file: FEED_FILE,
    source: { start: 0, end: FEED_LINE_1.length, line: 1 },
    pieces: [{ text: feedText, kind: 'paragraph' }],
    date: '2022-10-27',
    outlet: 'Kyiv Independent',
    title: null,
  });
  const missing: Document = {
    id: 'sources/missing.txt',
    path: 'sources/missing.txt',
    format: 'text',
    text: '',
    segments: [],
    map: { toOriginalStart: (i) => i, toOriginalEnd: (i) => i },
    date: null,
    outlet: null,
    title: null,
    errors: [{ code: 'ENOENT', message: 'no such file or directory' }],
  };

  const friday = { start: '2022-10-28', end: '2022-10-28', text: 'on Friday' };
  const claims: Claim[] = [
    makeClaim(mt, { id: 'c1', figure: '222,000', value: 222000, precision: 1000, measure: 'reservists mobilised', attribution: 'Putin', time: friday, event: 'call up', noun: 'reservist' }),
    makeClaim(mt, { id: 'c2', figure: '300,000', value: 300000, precision: 100000, measure: 'mobilisation target', attribution: 'Putin' }),
    makeClaim(mt, { id: 'c3', figure: '41,000', value: 41000, precision: 1000, measure: 'mobilised men serving with units', attribution: 'the Defence Ministry' }),
    makeClaim(mt, {
      id: 'c4',
      figure: 'about 82,000',
      value: 82000,
      low: 78000,
      high: 86000,
      qualifier: 'approx',
      precision: 1000,
      measure: 'mobilised men sent to the front',
      attribution: 'the Defence Ministry',
    }),
    makeClaim(mt, { id: 'c5', figure: '1,100-km', value: 1100, unit: 'km', dimension: 'length', precision: 100, measure: 'length: defensive line' }),
    makeClaim(mt, { id: 'c6', figure: '684-mile', value: 684, unit: 'mi', dimension: 'length', precision: 1, measure: 'length: defensive line' }),
    makeClaim(tass, { id: 'c7', figure: '220,000', value: 220000, precision: 10000, measure: 'reservists mobilised', attribution: 'Shoigu', time: friday, noun: 'reservist' }),
    makeClaim(tass, {
      id: 'c8',
      figure: 'more than 600',
      value: 600,
      low: 600,
      high: null,
      qualifier: 'lower',
      measure: 'settlements recaptured',
      attribution: 'the general staff',
      scope: 'across the country',
    }),
    makeClaim(tass, { id: 'c9', figure: '1,100 km', value: 1100, unit: 'km', dimension: 'length', precision: 100, measure: 'length: pipeline' }),
    makeClaim(tass, { id: 'c10', figure: '648 miles', value: 648, unit: 'mi', dimension: 'length', precision: 1, measure: 'length: pipeline' }),
    makeClaim(feed, {
      id: 'c11',
      figure: '75',
      value: 75,
      precision: 1,
      measure: 'settlements recaptured',
      attribution: 'Ukraine’s general staff',
      scope: 'north of the Kherson region',
    }),
    makeClaim(feed, {
      id: 'c12',
      figure: 'some 300,000',
      value: 300000,
      low: 250000,
      high: 350000,
      qualifier: 'approx',
      precision: 100000,
      measure: 'reservists mobilised',
      attribution: 'Kyiv',
    }),
  ];

  const findings: Finding[] = [
    {
      id: 'f1',
      rule: 'cross-source-rounding',
      severity: 'warning',
      kind: 'cross-source',
      message:
        '222,000 (Putin, The Moscow Times) and 220,000 (Shoigu, TASS) agree only after rounding: 220,000 is precise to the ten thousand.',
      claims: ['c1', 'c7'],
      details: { case: 'rounding-compatible' },
    },
    {
      id: 'f2',
      rule: 'cross-source-mismatch',
      severity: 'error',
      kind: 'cross-source',
      message: 'The sources disagree on reservists mobilised: 222,000 (Putin) vs some 300,000 (Kyiv), 35% apart.',
      claims: ['c1', 'c12'],
      details: { ratio: 1.35 },
    },
    {
      id: 'f3',
      rule: 'scope-mismatch',
      severity: 'warning',
      kind: 'scope',
      message: 'Different scopes, not a contradiction: 75 < more than 600 because one counts the north of the Kherson region, the other the whole country | check the framing.',
      claims: ['c11', 'c8'],
    },
    {
      id: 'f4',
      rule: 'unit-conversion',
      severity: 'error',
      kind: 'conversion',
      message: '1,100 km is 683.5 miles, not 648 miles (off by 5.2%).',
      claims: ['c9', 'c10'],
      link: 'https://numcheck.dev/rules/unit-conversion',
    },
    {
      id: 'f5',
      rule: 'share-implied',
      severity: 'info',
      kind: 'part-whole',
      message: '41,000 of about 82,000 is half (50%); the article does not say so.',
      claims: ['c3', 'c4'],
    },
  ];

  const checks: CheckResult[] = [
    { rule: 'unit-conversion', claims: ['c5', 'c6'], status: 'pass', message: '1,100 km ≈ 683.5 miles: 684 is consistent' },
    { rule: 'part-whole', claims: ['c3', 'c4'], status: 'pass' },
    { rule: 'cross-source-mismatch', claims: ['c1', 'c2'], status: 'pass' },
  ];

  return {
    documents: [mt.doc, tass.doc, feed.doc, missing],
    claims,
    findings,
    checks,
    rules: [
      { id: 'cross-source-mismatch', check: 'cross-source', severity: 'error', description: 'Figures for one fact disagree across sources', link: 'https://numcheck.dev/rules/cross-source-mismatch' },
      { id: 'cross-source-rounding', check: 'cross-source', severity: 'warning', description: 'Figures agree only after rounding', link: null },
      { id: 'scope-mismatch', check: 'cross-source', severity: 'warning', description: 'Figures for different scopes', link: 'rules/scope.md' },
      { id: 'unit-conversion', check: 'unit-conversion', severity: 'error', description: 'A stated conversion does not add up', link: 'https://numcheck.dev/rules/unit-conversion' },
    ],
    command: 'check',
    cwd: CWD,
  };
}

export const FILES = { 'docs/moscow-times.md': MT_FILE, 'sources/tass.txt': TASS_FILE, 'sources/feed.jsonl': FEED_FILE };

/** An input without problems. */
export function cleanFixture(): ReportInput {
  const f = fixture();
  return { ...f, documents: f.documents.slice(0, 3), findings: [] };
}
