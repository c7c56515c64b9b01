import { render } from '../../src/report/index.js';
import { renderText } from '../../src/report/text.js';
import { displayWidth } from '../../src/report/textlayout.js';
import type { ReportInput } from '../../src/report/index.js';
import { cleanFixture, fixture } from './fixtures.js';

const ESC = '\u001b';
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

async function text(input: ReportInput, opts: { color?: boolean; width?: number; quiet?: boolean } = {}) {
  return render('text', input, { color: opts.color ?? false, toolVersion: '0.1.0', width: opts.width ?? 100, quiet: opts.quiet });
}

describe('text report', () => {
  test('document errors come first, with the file named', async () => {
    const out = await text(fixture());
    const lines = out.split('\n');
    expect(lines[0]).toBe('Document errors');
    expect(lines[1]).toContain('sources/missing.txt');
    expect(lines[1]).toContain('no such file or directory');
    expect(lines[1]).toContain('ENOENT');
    expect(out.indexOf('Document errors')).toBeLessThan(out.indexOf('cross-source-mismatch'));
  });

  test('findings are grouped by fact: shared claims in one group, worst group first, errors first inside', async () => {
    const out = await text(fixture());
    const heads = out.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('✖') && l !== 'Document errors');
    expect(heads).toEqual(['reservists mobilised · 2 problems', 'length: pipeline', 'settlements recaptured', 'mobilised men serving with units']);
    const group = out.slice(out.indexOf('reservists mobilised · 2 problems'), out.indexOf('length: pipeline'));
    expect(group.indexOf('✖ error  cross-source-mismatch')).toBeGreaterThan(0);
    expect(group.indexOf('⚠ warning  cross-source-rounding')).toBeGreaterThan(group.indexOf('cross-source-mismatch'));
    expect(out).toContain('ℹ info  share-implied');
  });

  test('each finding shows the message and every source with file:line:col, attribution, outlet and date', async () => {
    const out = await text(fixture());
    expect(out).toContain('1,100 km is 683.5 miles, not 648 miles (off by 5.2%).');
    expect(out).toContain('docs/moscow-times.md:9:46');
    expect(out).toContain('sources/tass.txt:4:58');
    expect(out).toContain('Putin · The Moscow Times · 2022-10-28');
    expect(out).toContain('Shoigu · TASS · 2022-10-28');
    // a JSONL document shows its line's id
    expect(out).toContain('#kyiv-1 · Kyiv · Kyiv Independent · 2022-10-27');
    // UTF-16 column after an emoji flag (4 code units) on the line
    expect(out).toContain('sources/tass.txt:6:39');
  });

  test('sources are side by side on a wide terminal and stacked on a narrow one', async () => {
    const wide = await text(fixture(), { width: 100 });
    expect(wide.split('\n').some((l) => l.includes('docs/moscow-times.md:9:46') && l.includes('sources/tass.txt:4:58'))).toBe(true);
    const narrow = await text(fixture(), { width: 60 });
    expect(narrow.split('\n').some((l) => l.includes('docs/moscow-times.md:9:46') && l.includes('sources/tass.txt:4:58'))).toBe(false);
    expect(narrow).toContain('    sources/tass.txt:4:58');
  });

  test('no line but the one-line summary is wider than the terminal', async () => {
    for (const width of [60, 80, 100, 140]) {
      for (const color of [false, true]) {
        const out = await text(fixture(), { width, color });
        const lines = stripAnsi(out).trimEnd().split('\n');
        expect(lines.pop()).toMatch(/^✖ 5 problems/);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      }
    }
  });

  test('width defaults to process.stdout.columns, else 100', async () => {
    const desc = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    try {
      Object.defineProperty(process.stdout, 'columns', { value: 60, configurable: true });
      const out = renderText(fixture(), { color: false, toolVersion: 'x' });
      expect(out).toBe(await text(fixture(), { width: 60 }));
      Object.defineProperty(process.stdout, 'columns', { value: undefined, configurable: true });
      expect(renderText(fixture(), { color: false, toolVersion: 'x' })).toBe(await text(fixture(), { width: 100 }));
    } finally {
      if (desc) Object.defineProperty(process.stdout, 'columns', desc);
      else delete (process.stdout as { columns?: number }).columns;
    }
  });

  test('without colour: no escape codes and the figure is marked «like this»', async () => {
    const out = await text(fixture(), { color: false });
    expect(out).not.toContain(ESC);
    expect(out).toContain('«222,000»');
    expect(out).toContain('«more');
    expect(out).toContain('“Kyiv says «some 300,000» men have been');
  });

  test('with colour: escape codes, the figure bold and yellow, no «» markers', async () => {
    const out = await text(fixture(), { color: true });
    expect(out).toContain(ESC + '[');
    expect(out).toContain('\u001b[1m\u001b[33m222,000\u001b[39m\u001b[22m');
    expect(out).not.toContain('«');
  });

  test('long sentences are trimmed around the figure with "…"', async () => {
    const input = fixture();
    const c = input.claims.find((x) => x.id === 'c1')!;
    const pad = 'The session opened with routine business about budgets, fisheries and road maintenance across the region, ';
    c.sentence = pad.repeat(4) + c.sentence + ' ' + pad.repeat(4);
    c.sentenceStart -= pad.length * 4;
    const out = await text(input, { width: 100 });
    const quote = out.slice(out.indexOf('“', out.indexOf('docs/moscow-times.md:9:46')));
    expect(quote).toMatch(/^“…/);
    expect(out).toContain('«222,000»');
    expect(out).toMatch(/…”/);
  });

  test('hostile document text cannot send control sequences to the terminal', async () => {
    const input = fixture();
    const c = input.claims.find((x) => x.id === 'c7')!;
    c.sentence = c.sentence.replace('Defence', '\u001b[2J\u001b]0;pwned\u0007Defence\u202e');
    c.attribution = 'Shoigu\u001b[31m';
    const out = await text(input, { color: false });
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('«220,000»');
  });

  test('ESLint-like summary line at the end', async () => {
    const out = await text(fixture());
    const lines = out.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('✖ 5 problems (2 errors, 2 warnings, 1 info) in 4 documents, 12 figures checked; 1 document error');
    expect(out.endsWith('\n')).toBe(true);
  });

  test('success line when there is nothing to report; --quiet prints nothing then', async () => {
    expect(await text(cleanFixture())).toBe('✔ no problems in 3 documents (12 figures, 3 checks passed)\n');
    expect(await text(cleanFixture(), { quiet: true })).toBe('');
    const colored = await text(cleanFixture(), { color: true });
    expect(colored).toContain('\u001b[32m✔ no problems');
  });

  test('--quiet still prints problems and the summary', async () => {
    const input = fixture();
    input.findings = input.findings.filter((f) => f.severity === 'error');
    const out = await text(input, { quiet: true });
    expect(out).toContain('cross-source-mismatch');
    expect(out.trimEnd().split('\n').pop()).toBe('✖ 2 problems (2 errors, 0 warnings, 0 info) in 4 documents, 12 figures checked; 1 document error');
  });

  test('singular forms', async () => {
    const input = fixture();
    input.documents = input.documents.slice(0, 1);
    input.findings = [input.findings[4]!];
    input.claims = input.claims.slice(0, 1).concat(input.claims.filter((c) => c.id === 'c3' || c.id === 'c4'));
    const out = await text(input);
    expect(out.trimEnd().split('\n').pop()).toBe('✖ 1 problem (0 errors, 0 warnings, 1 info) in 1 document, 3 figures checked');
  });

  test('a finding naming a claim that is not in the report still renders', async () => {
    const input = fixture();
    input.findings[0]!.claims.push('c404');
    const out = await text(input);
    expect(out).toContain('(claims not in this report: c404)');
  });

  test('extract lists every figure per document', async () => {
    const input = { ...fixture(), command: 'extract' as const };
    const out = await text(input);
    expect(out).toContain('docs/moscow-times.md\n');
    expect(out).toMatch(/ {2}9:46 +222,000 {2}222,000 count {2}reservists mobilised \(Putin\)/);
    expect(out).toMatch(/ {2}6:39 +more than 600 {2}600 \[600 – ∞\] count {2}settlements recaptured/);
    expect(out).toContain('more than 600');
    expect(out.trimEnd().split('\n').pop()).toBe('✖ 12 figures in 4 documents; 1 document error');
    expect(await text({ ...cleanFixture(), command: 'extract' })).toMatch(/\n✔ 12 figures in 3 documents\n$/);
  });
});
