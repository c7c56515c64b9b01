import { docPath, formatNumber, groupFindings, indexInput, locate, quoteClaim, summaryText } from '../../src/report/common.js';
import { displayWidth, sanitize, truncate, wrapRich } from '../../src/report/textlayout.js';
import type { Claim, Document } from '../../src/types.js';
import { buildDoc, fixture, makeClaim } from './fixtures.js';

describe('report helpers', () => {
  test('formatNumber writes numbers exactly as en-US Intl.NumberFormat with up to 6 decimals', () => {
    const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    const fixed = [0, -0, 1, -1, 999, 1000, -1000, 12345.5, 222000, 1e6, 1234567.891, 0.5, 2.5, -2.5, 1.0000005, 0.0000015, 1e-6, -1e-6, 999999.9999995, 0.1 + 0.2, 123456789012345680000, 9007199254740993, 4.35, 1.005];
    // a seeded generator: values of every magnitude, with and without fractions, both signs
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const random = Array.from({ length: 3000 }, () => (rnd() < 0.5 ? -1 : 1) * rnd() * 10 ** Math.floor(rnd() * 24 - 5));
    for (const x of [...fixed, ...random, ...random.map((x) => Math.round(x * 1e6) / 1e6 + 5e-7)]) {
      if (Math.abs(x) >= 1e21 || (x !== 0 && Math.abs(x) < 1e-6)) continue;
      expect(`${x} → ${formatNumber(x)}`).toBe(`${x} → ${nf.format(x)}`);
    }
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatNumber(null)).toBe('—');
  });


  test('quoteClaim trims a long sentence around the figure at word boundaries', () => {
    const input = fixture();
    const c: Claim = { ...input.claims[0]! };
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    c.sentence = `${words} said 222,000 people ${words}.`;
    c.sentenceStart = c.start - (words.length + 6);
    const q = quoteClaim(c, 80);
    expect(q.figure).toBe('222,000');
    expect(q.cutStart && q.cutEnd).toBe(true);
    expect(q.before.length + q.figure.length + q.after.length).toBeLessThanOrEqual(80);
    expect(q.before).toMatch(/^word\d+ /); // starts on a whole word
    expect(q.after).toMatch(/ word\d+$/);
    // short sentences are left alone
    const s = quoteClaim(input.claims[0]!, 400);
    expect(s.cutStart || s.cutEnd).toBe(false);
    expect(s.before + s.figure + s.after).toBe(input.claims[0]!.sentence);
  });

  test('quoteClaim falls back to searching the sentence, then to the figure alone', () => {
    const c: Claim = { ...fixture().claims[0]!, sentenceStart: -999 };
    expect(quoteClaim(c).before).toBe('President Vladimir Putin said on Friday that ');
    const d: Claim = { ...c, sentence: 'unrelated' };
    expect(quoteClaim(d)).toMatchObject({ before: '', figure: '222,000', after: '' });
  });

  test('locate: end line/column from the file, for CRLF files too', () => {
    const file = 'Title\r\n\r\nAbout 1,100\r\nkm of trenches.\r\n';
    const b = buildDoc({ id: 'a.txt', path: 'a.txt', format: 'text', file, pieces: [{ text: 'About 1,100\r\nkm of trenches.', kind: 'paragraph' }], date: null, outlet: null, title: null });
    const c = makeClaim(b, { id: 'k', figure: 'About 1,100\r\nkm', value: 1100, qualifier: 'approx', unit: 'km', dimension: 'length', measure: 'trenches' });
    expect(locate(c, b.doc)).toEqual({ line: 3, column: 1, endLine: 4, endColumn: 3, charOffset: 9, charLength: 15 });
    // without the file's text: assumed to be on one line
    const noSource: Document = { ...b.doc, source: undefined };
    expect(locate(c, noSource)).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 16 });
  });

  test('docPath: relative to cwd with forward slashes; stdin shows its name', () => {
    const d = fixture().documents[0]!;
    expect(docPath({ ...d, path: '/work/newsroom/docs/a.md' }, d.id, '/work/newsroom')).toBe('docs/a.md');
    expect(docPath({ ...d, path: 'docs/a.md' }, d.id, '/work/newsroom')).toBe('docs/a.md');
    expect(docPath({ ...d, path: '/other/b.md' }, d.id, '/work/newsroom')).toBe('/other/b.md');
    expect(docPath({ ...d, path: '../b.md' }, d.id, '/work/newsroom')).toBe('../b.md');
    expect(docPath({ ...d, path: '-', id: 'draft.md' }, 'draft.md', '/work/newsroom')).toBe('draft.md');
    expect(docPath(undefined, 'gone.txt', '/x')).toBe('gone.txt');
  });

  test('groupFindings: by shared claim or shared specific measure, never by a generic one', () => {
    const input = fixture();
    const ix = indexInput(input);
    const groups = groupFindings(input, ix);
    expect(groups.map((g) => [g.label, g.findings.map((f) => f.id)])).toEqual([
      ['reservists mobilised', ['f2', 'f1']],
      ['length: pipeline', ['f4']],
      ['settlements recaptured', ['f3']],
      ['mobilised men serving with units', ['f5']],
    ]);
    // generic measures do not glue unrelated findings together
    for (const c of input.claims) c.measure = 'count';
    const g2 = groupFindings(input, indexInput(input));
    expect(g2).toHaveLength(4);
    expect(g2[0]!.label).toBe('count');
  });

  test('summaryText', () => {
    const input = fixture();
    expect(summaryText(input)).toEqual({ ok: false, text: '5 problems (2 errors, 2 warnings, 1 info) in 4 documents, 12 figures checked; 1 document error' });
    expect(summaryText({ ...input, findings: [], documents: input.documents.slice(0, 3) })).toEqual({
      ok: true,
      text: 'no problems in 3 documents (12 figures, 3 checks passed)',
    });
    expect(summaryText({ ...input, findings: [] }).ok).toBe(false); // a document error is not "no problems"
  });

  test('terminal text: width of wide and combining characters, sanitising, wrapping with a highlight', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(sanitize('a\u001b[31mb\nc\u202ed')).toBe('a\uFFFD[31mb c\uFFFDd');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    const lines = wrapRich([{ text: 'the crowd was ' }, { text: 'more than 600', hl: true }, { text: ' strong' }], 14);
    expect(lines.map((l) => l.runs)).toEqual([[{ text: 'the crowd was' }], [{ text: 'more than 600', hl: true }], [{ text: 'strong' }]]);
    // a highlighted figure may wrap; its parts stay highlighted
    const split = wrapRich([{ text: 'the crowd was ' }, { text: 'more than 600', hl: true }], 20);
    expect(split.map((l) => l.runs)).toEqual([[{ text: 'the crowd was ' }, { text: 'more', hl: true }], [{ text: 'than 600', hl: true }]]);
    expect(wrapRich([{ text: 'x'.repeat(20) }], 8).map((l) => l.width)).toEqual([8, 8, 4]);
  });
});
