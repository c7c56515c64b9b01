import { render } from '../../src/report/index.js';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { buildDoc, fixture, makeClaim } from './fixtures.js';

const gh = (input = fixture()) => render('github', input, { color: false, toolVersion: '0.1.0' });

describe('github annotations', () => {
  test('escaping: data escapes % CR LF; properties also : and ,', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });

  test('one workflow command per finding per involved location; severities map to error/warning/notice', async () => {
    const out = await gh();
    const lines = out.trimEnd().split('\n');
    const cmds = lines.filter((l) => l.startsWith('::'));
    // 1 document error + f1 (2 files) + f2 (2 files) + f3 (2 files) + f4 (one line) + f5 (one line)
    expect(cmds).toHaveLength(9);
    expect(cmds.filter((l) => l.startsWith('::error '))).toHaveLength(1 + 2 + 1);
    expect(cmds.filter((l) => l.startsWith('::warning '))).toHaveLength(4);
    expect(cmds.filter((l) => l.startsWith('::notice '))).toHaveLength(1);
    expect(lines[lines.length - 1]).toBe('numcheck: 5 problems (2 errors, 2 warnings, 1 info) in 4 documents, 12 figures checked; 1 document error');
  });

  test('location properties: file relative to cwd, line, col, endLine, endColumn (UTF-16), title', async () => {
    const out = await gh();
    expect(out).toContain(
      '::warning file=sources/tass.txt,line=6,col=39,endLine=6,endColumn=52,title=numcheck scope-mismatch::Different scopes, not a contradiction: 75 < more than 600',
    );
    expect(out).toContain('::error file=docs/moscow-times.md,line=9,col=46,endLine=9,endColumn=53,title=numcheck cross-source-mismatch::');
    expect(out).toContain('::error file=sources/missing.txt,title=numcheck ENOENT::sources/missing.txt: no such file or directory');
  });

  test('the message lists every source on its own (escaped) line; % is escaped', async () => {
    const out = await gh();
    const line = out.split('\n').find((l) => l.includes('title=numcheck unit-conversion'))!;
    expect(line).toContain('(off by 5.2%25).%0A• sources/tass.txt:8:32 “1,100 km” — unattributed · TASS · 2022-10-28%0A• sources/tass.txt:8:42 “648 miles”');
  });

  test('hostile values cannot break out of a command', async () => {
    const input = fixture();
    input.documents[1]!.path = 'sources/odd, name: v2.txt';
    input.findings[0]!.message = 'first line\n::error file=x::injected\r\nand 100%';
    const out = await gh(input);
    for (const l of out.trimEnd().split('\n').slice(0, -1)) expect(l.startsWith('::')).toBe(true);
    expect(out).not.toContain('\n::error file=x::injected');
    expect(out).toContain('::first line ::error file=x::injected and 100%25%0A• docs/moscow-times.md:9:46');
    expect(out).toContain('file=sources/odd%2C name%3A v2.txt,line=4');
  });

  test('a claim that spans lines gets its end line and column', async () => {
    const file = 'Officials counted 1,100\n-km of new trenches.\n';
    const b = buildDoc({
      id: 'wrap.txt',
      path: 'wrap.txt',
      format: 'text',
      file,
      pieces: [{ text: 'Officials counted 1,100\n-km of new trenches.', kind: 'paragraph' }],
      date: null,
      outlet: null,
      title: null,
    });
    const c = makeClaim(b, { id: 'w1', figure: '1,100\n-km', value: 1100, unit: 'km', dimension: 'length', measure: 'trenches' });
    const out = await gh({
      documents: [b.doc],
      claims: [c],
      findings: [{ id: 'f', rule: 'r', severity: 'info', kind: 'k', message: 'm', claims: ['w1'] }],
      checks: [],
      command: 'check',
      cwd: '/x',
    });
    expect(out).toContain('::notice file=wrap.txt,line=1,col=19,endLine=2,endColumn=4,title=numcheck r::m');
  });
});
