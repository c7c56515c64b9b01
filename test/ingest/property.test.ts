import fc from 'fast-check';
import { ingestText } from '../../src/ingest/index.js';
import type { RunMap } from '../../src/ingest/offsets.js';
import type { DocFormat, Document } from '../../src/types.js';
import { checkOffsets } from './helpers.js';

/** The invariants every document must hold, whatever the input. */
function invariants(doc: Document): void {
  const source = doc.source ?? '';
  const lo = doc.sourceOffset ?? 0;
  const hi = lo + source.length;
  let prevEnd = 0;
  for (const s of doc.segments) {
    if (!(s.start >= prevEnd && s.start < s.end && s.end <= doc.text.length)) throw new Error(`bad segment ${JSON.stringify(s)} (text ${doc.text.length})`);
    prevEnd = s.end;
  }
  const n = doc.text.length;
  const step = Math.max(1, Math.floor(n / 300));
  for (let i = 0; i <= n; i += step) {
    const a = doc.map.toOriginalStart(i);
    const b = doc.map.toOriginalEnd(i);
    if (!(a >= lo && a <= hi && b >= lo && b <= hi)) throw new Error(`offset ${i} maps to ${a}/${b}, outside [${lo}, ${hi}]`);
  }
  for (const s of doc.segments) {
    const a = doc.map.toOriginalStart(s.start);
    const b = doc.map.toOriginalEnd(s.end);
    if (a > b) throw new Error(`segment ${s.start}-${s.end} maps backwards (${a} > ${b})`);
  }
}

function snapshot(doc: Document): string {
  return JSON.stringify({ text: doc.text, segments: doc.segments, runs: (doc.map as RunMap).runs, date: doc.date, title: doc.title, errors: doc.errors });
}

function check(text: string, format: DocFormat, path: string): void {
  const a = ingestText(text, { id: path, path, format });
  invariants(a);
  const b = ingestText(text, { id: path, path, format });
  expect(snapshot(b)).toBe(snapshot(a));
}

const HTML_TOKENS = [
  '<p>', '</p>', '<div>', '</div>', '<div class="share">', '<div class="story-body">', '<article>', '</article>', '<nav>', '</nav>', '<br>', '<br/>',
  '<h1>', '</h1>', '<li>', '<ul>', '<table>', '<tr>', '<td>', '</td>', '<script>', '</script>', '<style>', '<!--', '-->', '<template>', '<a href="x">',
  '</a>', '&amp;', '&nbsp;', '&#x1F600;', '&#0;', '&notit;', '&', '<', '>', '"', '\r\n', '\r', '\n', '\0', '\uFEFF', '<meta property="article:published_time" content="2024-01-01">',
  '<script type="application/ld+json">{"datePublished":', '<time datetime="2020-02-30">', '<![CDATA[', '<svg><p>', '<math>', '<select><option>', '<plaintext>',
  'The council said 1,300 homes ', 'Advertisement', 'See also ', ' 42 ', '\u00a0', '😀', '\ud800',
];
const MD_TOKENS = [
  '---\n', '# ', '## ', '**', '*', '_', '__', '~~', '~', '`', '```\n', '[', ']', '](', ')', '![', '> ', '- ', '1. ', '|', '|---|---|\n', '\\', '&amp;', '&#x1F600;',
  '<!--', '-->', '<br>', '<https://x.y>', '[^1]', '[r]: http://r\n', '\n', '\r\n', '\n\n', '\t', '    ', 'title: x\n', 'date: 2024-01-01\n', '\uFEFF',
  'The fare rose 8% to €16.20 ', 'Advertisement', 'See also x', '===\n', '+++\n', '<script>', '</script>', '😀', '\udc00',
];
const TEXT_TOKENS = [
  'date 2022-10-14 ', ' date 2022-10-14', 'Published: 14 October 2022', 'WASHINGTON, March 3, 2024 (Reuters) – ', 'Advertisement', '- Advertisement -',
  'RELATED ARTICLES', 'LEAVE A REPLY', 'admin in: Title', '3 comments', 'See also  x', 'The council said about', '1,300 homes were', 'flooded.',
  '\n', '\n\n', '\r\n', '\r', ' ', '\t', '\u00a0', '\uFEFF', '“quoted”', 'Repeated paragraph that is long enough to count.', 'x', '😀', '\ud83d',
];

const tokens = (list: string[]) =>
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }), { maxLength: 80 }).map((a) => a.join(''));

describe('robustness (fast-check)', () => {
  test('arbitrary strings, in every format: no throw, segments inside the text, offsets inside the source, deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom<DocFormat>('text', 'markdown', 'html', 'jsonl'), (s, format) => {
        check(s, format, `x.${format}`);
      }),
      { numRuns: 400 },
    );
  });

  test('HTML-ish strings', () => {
    fc.assert(fc.property(tokens(HTML_TOKENS), (s) => check(s, 'html', 'p.html')), { numRuns: 400 });
  });

  test('HTML-ish strings: every word maps to exactly its source span (or the references it decodes)', () => {
    const words = [
      '<p>', '</p>', '<div>', '</div>', '<br>', '<h1>', '</h1>', '<li>', '<a href="x">', '</a>', '&amp;', '&nbsp;', '&#x1F600;', '&notit;', '&', '\r\n', '\r',
      '\n', '\0', 'The council ', ' 42 ', 'word', '<b>', '</b>', '<!-- c -->', '\t', '  ', '<script>x</script>', '<title>', '<head>', '<body>', '<html>',
      '<pre>', '</i>', '<i>', '<span>', '&lt;', '&#10;', '&#13;', '&#0;', '&copy', '&ampx',
    ];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((a) => a.join('')), (s) => {
      checkOffsets(ingestText(s, { id: 'p.html', path: 'p.html' }));
    }), { numRuns: 500, examples: [['&ampx\u0000<html>&#0;']] }); // a dropped NUL, then a tag, then "&#0;" (U+FFFD)
  });

  test('Markdown-ish strings', () => {
    fc.assert(fc.property(tokens(MD_TOKENS), (s) => check(s, 'markdown', 'p.md')), { numRuns: 400 });
  });

  test('text-ish strings; cleaning is idempotent', () => {
    fc.assert(
      fc.property(tokens(TEXT_TOKENS), (s) => {
        check(s, 'text', 'p.txt');
        const once = ingestText(s, { id: 'p.txt', path: 'p.txt' });
        const twice = ingestText(once.text, { id: 'q.txt', path: 'q.txt' });
        expect(twice.text).toBe(once.text);
      }),
      { numRuns: 400 },
    );
  });

  test('JSONL lines: any text value round-trips with offsets into the escaped line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.option(fc.string({ maxLength: 10 })), (text, id) => {
        const line = JSON.stringify(id === null ? { text } : { id, text });
        const doc = ingestText(line, { id: 'b.jsonl', path: 'b.jsonl', format: 'jsonl', sourceOffset: 1000, sourceLine: 9 });
        invariants(doc);
        expect(doc.errors.filter((e) => e.code === 'jsonl-parse')).toEqual([]);
        expect(doc.sourceOffset).toBe(1000);
      }),
      { numRuns: 400 },
    );
  });
});
