import { render } from '../../src/report/index.js';
import { mdEscape } from '../../src/report/markdown.js';
import { buildDoc, cleanFixture, fixture, makeClaim } from './fixtures.js';

const md = (input = fixture()) => render('markdown', input, { color: false, toolVersion: '0.1.0' });

/** Split a table row on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

describe('markdown report', () => {
  test('heading, summary line and document errors', async () => {
    const out = await md();
    const lines = out.split('\n');
    expect(lines[0]).toBe('### ❌ numcheck check: 5 problems (2 errors, 2 warnings, 1 info)');
    expect(out).toContain('5 problems (2 errors, 2 warnings, 1 info) in 4 documents, 12 figures checked; 1 document error.');
    expect(out).toContain('**Document errors**');
    expect(out).toContain('- sources/missing.txt: no such file or directory (`ENOENT`)');
  });

  test('a table with severity, rule, message and sources linked relative to cwd', async () => {
    const out = await md();
    const rows = out.split('\n').filter((l) => l.startsWith('| '));
    expect(rows[0]).toBe('| # | Severity | Rule | Message | Sources |');
    expect(rows[1]).toBe('| --: | --- | --- | --- | --- |');
    expect(rows).toHaveLength(2 + 5);
    for (const r of rows) expect(cells(r)).toHaveLength(5);
    rows.splice(1, 1);
    const first = cells(rows[1]!);
    expect(first[1]!.trim()).toBe('🔴 error');
    expect(first[2]!.trim()).toBe('`cross-source-mismatch`');
    expect(first[4]).toContain('[docs/moscow-times.md:9:46](docs/moscow-times.md#L9)');
    expect(first[4]).toContain('[sources/feed.jsonl:1:187](sources/feed.jsonl#L1)');
    expect(out).toContain('🔵 info');
    expect(out).toContain('🟠 warning');
  });

  test('escapes |, <, > and backticks in content', async () => {
    const out = await md();
    // the scope-mismatch message has "<" and "|"
    expect(out).toContain('75 &lt; more than 600');
    expect(out).toContain('the whole country \\| check the framing');
    // the TASS article's markup and backticks
    expect(out).toContain('&lt;script&gt;alert("pwned")&lt;/script&gt;');
    expect(out).not.toContain('<script');
    expect(out).toContain('\\`officials\\`');
    expect(out).toContain('across the country \\| \\`officials\\` said');
  });

  test('a quote block per source with the figure in bold and the location', async () => {
    const out = await md();
    expect(out).toContain('> President Vladimir Putin said on Friday that **222,000** reservists had been called up');
    expect(out).toContain('> Kyiv says **some 300,000** men have been mobilised.');
    expect(out).toContain('> — [sources/tass.txt:4:58](sources/tass.txt#L4) · Shoigu · TASS · 2022-10-28');
    expect(out).toContain('<details open><summary>1. 🔴 error · `cross-source-mismatch` · reservists mobilised</summary>');
    expect(out).toContain('[About this rule](https://numcheck.dev/rules/unit-conversion)');
  });

  test('bold falls back to <strong> where ** would not render (punctuation next to a letter)', async () => {
    const input = fixture();
    const b = buildDoc({
      id: 'x.md',
      path: 'x.md',
      format: 'markdown',
      file: 'The deal is worth US$500 million, officials said.\n',
      pieces: [{ text: 'The deal is worth US$500 million, officials said.', kind: 'paragraph' }],
      date: null,
      outlet: null,
      title: null,
    });
    input.documents.push(b.doc);
    const c = makeClaim(b, { id: 'd1', figure: '$500 million', value: 5e8, unit: 'USD', dimension: 'currency', measure: 'deal value' });
    input.claims.push(c);
    input.findings.push({ id: 'f9', rule: 'r', severity: 'info', kind: 'k', message: 'm', claims: ['d1'] });
    const out = await md(input);
    expect(out).toContain('worth US<strong>$500 million</strong>, officials said.');
  });

  test('paths with spaces and parentheses are percent-encoded in links', async () => {
    const input = fixture();
    input.documents[1]!.path = 'sources/wire (TASS) copy.txt';
    const out = await md(input);
    expect(out).toContain('[sources/wire (TASS) copy.txt:4:58](sources/wire%20%28TASS%29%20copy.txt#L4)');
  });

  test('no problems: heading says so and there is no table', async () => {
    const out = await md(cleanFixture());
    expect(out.split('\n')[0]).toBe('### ✅ numcheck check: no problems');
    expect(out).toContain('No problems in 3 documents (12 figures, 3 checks passed).');
    expect(out).not.toContain('| Severity');
  });

  test('mdEscape', () => {
    expect(mdEscape('a|b <c> `d` *e* _f_ [g](h) \\ & ~~i~~ #j')).toBe(
      'a\\|b &lt;c&gt; \\`d\\` \\*e\\* \\_f\\_ \\[g\\](h) \\\\ &amp; \\~\\~i\\~\\~ \\#j',
    );
    expect(mdEscape('two\nlines')).toBe('two lines');
  });
});
