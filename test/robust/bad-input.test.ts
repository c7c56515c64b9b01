/**
 * Bad input, nothing lost. Through the built CLI: binary files, invalid UTF-8, UTF-16 LE/BE with a BOM, empty
 * and whitespace-only files, a page of nothing but navigation, HTML nested 10,000 deep, a 20 MB single line,
 * JSONL with broken lines, missing and unreadable files, a folder with no articles.
 *
 *  - each problem is reported per document (`documents[].errors` in the JSON) and as one line on stderr naming
 *    the file (and the line, for JSONL);
 *  - every input appears in the output, and what could be read is checked;
 *  - exit 2 only when nothing could be checked;
 *  - no stack trace for a user's mistake, unless --debug.
 * (The 100 MB single line is in `npm run fuzz`.)
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { cli, ROOT, scratch, STACK, type CliRun } from './helpers.js';

interface Report {
  documents: Array<{ id: string; path: string; format: string; errors: Array<{ code: string; message: string; line?: number }> }>;
  claims: Array<{ document: string; text: string; span: { start: number; end: number }; line: number; column: number }>;
}

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(join(ROOT, 'rules', 'schema', 'report.schema.json'), 'utf8')));

const utf16 = (s: string, be: boolean): Buffer => {
  const b = Buffer.from(s, 'utf16le');
  if (be) for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]);
};

const FILES: Record<string, string | Buffer> = {
  'good.txt': 'Police said 23,000 people marched on Friday; organisers said 110,000.\n',
  'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  'photo.jpg.txt': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0), Buffer.from('JFIF 1,000')]),
  'invalid-utf8.txt': Buffer.concat([Buffer.from('Police said 23,000 people marched. '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(' Organisers said 110,000 marched.\n')]),
  'utf16le.txt': utf16('Police said 23,500 people marched.\r\nOrganisers said 111,000.\r\n', false),
  'utf16be.md': utf16('# March\n\nPolice said 24,000 people **marched**.\n', true),
  'utf16-odd.txt': Buffer.concat([utf16('Police said 25,000 people marched.\n', false), Buffer.from([0x41])]),
  'empty.txt': '',
  'blank.md': '  \n\t\n\u00a0  \n',
  'bom-only.txt': '\ufeff',
  'navonly.html': '<html><body><nav>Home | News | 2,000 stories</nav><script>var x = 1000;</script></body></html>',
  'nested.html': `<html><body>${'<div>'.repeat(10000)}<p>The council said 1,300 homes were flooded.</p>${'</div>'.repeat(10000)}</body></html>`,
  'unclosed.html': `<html><body>${'<div><span><b>'.repeat(5000)}<p>The council said 1,400 homes were flooded.`,
  'batch.jsonl': [
    JSON.stringify({ id: 'a', text: 'Police said 23,000 people marched.' }),
    '{"id": "b", "text": ',
    'not json at all',
    JSON.stringify({ id: 'c' }),
    JSON.stringify({ id: 'd', text: 42 }),
    '[1, 2]',
    '',
    JSON.stringify({ id: 'e', text: 'Organisers said 110,000 marched.' }),
    JSON.stringify({ id: 'f', text: '   ' }),
    '\u0000\u0001garbage',
    JSON.stringify({ id: 'a', text: 'A repeated id: 7,000 people.' }),
  ].join('\n'),
  'empty.jsonl': '\n\n',
  'utf16.jsonl': utf16('{"id":"x","text":"Police said 1,000."}\n', false),
  'nodocs/readme.pdf': Buffer.from('%PDF-1.4'),
};

/** What each input must come back with: the error codes of its document(s). */
const EXPECTED: Record<string, string[]> = {
  'good.txt': [],
  'binary.txt': ['binary'],
  'photo.jpg.txt': ['binary'],
  'invalid-utf8.txt': ['decode'],
  'utf16le.txt': [],
  'utf16be.md': [],
  'utf16-odd.txt': ['decode'],
  'empty.txt': ['empty'],
  'blank.md': ['empty'],
  'bom-only.txt': ['empty'],
  'navonly.html': ['no-text'],
  'nested.html': [],
  'unclosed.html': [],
  'missing.txt': ['ENOENT'],
  'nodocs': ['no-input'],
  'empty.jsonl': ['empty'],
  'utf16.jsonl': ['decode'],
};

const INPUTS = [...Object.keys(EXPECTED).filter((k) => k !== 'missing.txt' && k !== 'nodocs'), 'batch.jsonl', 'missing.txt', 'nodocs'];

let dir = '';
let extract: CliRun;
let report: Report;
beforeAll(() => {
  dir = scratch(FILES);
  extract = cli(['extract', ...INPUTS, '-f', 'json'], { cwd: dir });
  report = JSON.parse(extract.stdout) as Report;
}, 60000);

const docsOf = (input: string) => report.documents.filter((d) => d.path === input || d.id === input || d.path.startsWith(`${input}/`));

describe('a batch of bad inputs with one good one (numcheck extract -f json)', () => {
  test('exit 0: something could be checked; the report validates against the schema', () => {
    expect(extract.code).toBe(0);
    expect(validate(report)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  test('every input appears in the output with its problem', () => {
    for (const [input, codes] of Object.entries(EXPECTED)) {
      const docs = docsOf(input);
      expect({ input, n: docs.length > 0 }).toEqual({ input, n: true });
      expect({ input, codes: docs.flatMap((d) => d.errors.map((e) => e.code)) }).toEqual({ input, codes });
    }
  });

  test('JSONL: each broken line is reported with its line number; the other lines are read', () => {
    const docs = report.documents.filter((d) => d.path === 'batch.jsonl');
    const byLine = Object.fromEntries(docs.flatMap((d) => d.errors.map((e) => [e.line, e.code])));
    expect(byLine).toEqual({ 2: 'jsonl-parse', 3: 'jsonl-parse', 4: 'jsonl-parse', 5: 'jsonl-parse', 6: 'jsonl-parse', 9: 'empty', 10: 'jsonl-parse' });
    for (const d of docs) for (const e of d.errors) expect(e.message).toMatch(new RegExp(`^batch\\.jsonl:${e.line}: `));
    const ids = docs.map((d) => d.id);
    expect(ids).toContain('batch.jsonl#a');
    expect(ids).toContain('batch.jsonl#e');
    expect(new Set(ids).size).toBe(ids.length); // a repeated id is made unique
    const texts = report.claims.filter((c) => c.document.startsWith('batch.jsonl#')).map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['23,000', '110,000', '7,000']));
  });

  test('one line on stderr per problem, naming the file (and the JSONL line); no stack trace', () => {
    const lines = extract.stderr.trimEnd().split('\n');
    const problems = report.documents.flatMap((d) => d.errors.map((e) => ({ path: d.path, ...e })));
    expect(lines).toHaveLength(problems.length);
    for (const p of problems) {
      const where = p.line ? `${p.path}:${p.line}` : p.path;
      expect(lines.filter((l) => l.startsWith('numcheck: ') && l.includes(where) && l.includes(p.message.replace(/^.*?: (?=[^:]*$)/, '').slice(0, 20))).length).toBeGreaterThan(0);
    }
    expect(extract.stderr).not.toMatch(STACK);
  });

  test('what could be read is checked, with spans into the decoded file on disk (UTF-16 with its BOM as char 0)', () => {
    const decodeFile = (name: string): string => {
      const b = readFileSync(join(dir, name));
      if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(b);
      if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(b);
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
    };
    const want: Record<string, string[]> = {
      'good.txt': ['23,000', '110,000'],
      'invalid-utf8.txt': ['23,000', '110,000'],
      'utf16le.txt': ['23,500', '111,000'],
      'utf16be.md': ['24,000'],
      'utf16-odd.txt': ['25,000'],
      'nested.html': ['1,300'],
      'unclosed.html': ['1,400'],
    };
    for (const [file, figures] of Object.entries(want)) {
      const src = decodeFile(file);
      const mine = report.claims.filter((c) => c.document === file);
      for (const f of figures) {
        const c = mine.find((x) => x.text === f);
        expect({ file, f, found: !!c }).toEqual({ file, f, found: true });
        expect(src.slice(c!.span.start, c!.span.end)).toBe(f);
      }
    }
  });

  test('check and review read the same batch: exit 0 or 1, valid JSON, every input in it', () => {
    const check = cli(['check', ...INPUTS, '-f', 'json'], { cwd: dir });
    expect([0, 1]).toContain(check.code);
    const r = JSON.parse(check.stdout) as Report;
    expect(validate(r)).toBe(true);
    expect(r.documents.map((d) => d.id)).toEqual(report.documents.map((d) => d.id));
    expect(check.stderr).not.toMatch(STACK);
    const review = cli(['review', 'good.txt', '--against', ...INPUTS.filter((x) => x !== 'good.txt'), '-f', 'json'], { cwd: dir });
    expect([0, 1]).toContain(review.code);
    expect(validate(JSON.parse(review.stdout))).toBe(true);
    expect(review.stderr).not.toMatch(STACK);
  });
});

describe('nothing could be checked', () => {
  const bad = ['binary.txt', 'empty.txt', 'blank.md', 'navonly.html', 'missing.txt', 'nodocs', 'empty.jsonl'];

  test.each(['extract', 'check'])('%s: exit 2, each problem named, a closing line, no stack trace', (cmd) => {
    const r = cli([cmd, ...bad, '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    for (const b of bad) expect(r.stderr).toContain(b);
    expect(r.stderr).toMatch(/numcheck: nothing could be checked: every input failed/);
    expect(r.stderr).not.toMatch(STACK);
  });

  test('--debug shows the stack trace of the same mistake', () => {
    const r = cli(['extract', ...bad, '--debug'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/numcheck: nothing could be checked/);
    expect(r.stderr).toMatch(STACK);
  });

  test('review: a draft that cannot be read, or holds no article text, is exit 2 with a clear line', () => {
    const a = cli(['review', 'missing.md', '--against', 'good.txt'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('numcheck: cannot read missing.md: no such file or directory\n');
    expect(a.stderr).toContain('numcheck: cannot read the draft missing.md\n');
    expect(a.stderr).not.toMatch(STACK);
    const b = cli(['review', 'navonly.html', '--against', 'good.txt'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('nothing to check in the draft navonly.html: it holds no article text');
    const dbg = cli(['review', 'missing.md', '--against', 'good.txt', '--debug'], { cwd: dir });
    expect(dbg.stderr).toMatch(STACK);
  });

  test('an unreadable file is reported and skipped (not testable as root: noted)', () => {
    if (process.getuid?.() === 0) {
      console.info('unreadable-file test skipped: running as root, which reads any file');
      return;
    }
    const d = scratch({ 'locked.txt': 'Police said 1,000.\n', 'ok.txt': 'Police said 2,000.\n' });
    chmodSync(join(d, 'locked.txt'), 0o000);
    const r = cli(['extract', 'locked.txt', 'ok.txt', '-f', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('numcheck: cannot read locked.txt: permission denied\n');
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.documents[0]!.errors.map((e) => e.code)).toEqual(['EACCES']);
    const locked = cli(['extract', 'locked.txt'], { cwd: d });
    expect(locked.code).toBe(2);
  });

  test('an unreadable folder inside a folder is skipped, the rest read (not testable as root: noted)', () => {
    if (process.getuid?.() === 0) {
      console.info('unreadable-folder test skipped: running as root');
      return;
    }
    const d = scratch({ 'docs/a.txt': 'Police said 1,000.\n', 'docs/locked/b.txt': 'Police said 2,000.\n' });
    chmodSync(join(d, 'docs', 'locked'), 0o000);
    const r = cli(['extract', 'docs', '-f', 'json'], { cwd: d });
    chmodSync(join(d, 'docs', 'locked'), 0o755);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).documents.map((x) => x.id)).toEqual(['docs/a.txt']);
  });
});

describe('big inputs', () => {
  test('a 20 MB single line: read, checked, within 60 s, memory bounded by the OS (100 MB: npm run fuzz)', () => {
    const d = scratch();
    const prose = 'The council met on Tuesday and agreed a long plan for the river bank, officials said. ';
    const parts: string[] = [];
    let n = 0;
    for (let i = 0; n < 20 * 1024 * 1024; i++) {
      const p = prose.repeat(11) + `Police counted ${1000 + i} marchers. `;
      parts.push(p);
      n += p.length;
    }
    writeFileSync(join(d, 'line.txt'), parts.join(''));
    const r = cli(['extract', 'line.txt', '-f', 'jsonl'], { cwd: d, timeoutMs: 60000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rep = JSON.parse(r.stdout) as Report;
    expect(rep.claims.length).toBe(parts.length);
    const last = rep.claims[rep.claims.length - 1]!;
    expect(last.line).toBe(1);
    expect(last.column).toBe(last.span.start + 1);
  }, 90000);

  test('stdin: binary, empty and invalid UTF-8 on stdin are reported as "-"', () => {
    const d = scratch({ 'ok.txt': 'Police said 1,000.\n' });
    const bin = cli(['extract', '-', 'ok.txt', '-f', 'json'], { cwd: d, input: Buffer.from([0, 1, 2, 3]) });
    expect(bin.code).toBe(0);
    expect(bin.stderr).toMatch(/^numcheck: -: looks like a binary file/);
    const empty = cli(['extract', '-'], { cwd: d, input: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('numcheck: -: the file is empty');
    const inv = cli(['extract', '-', '--stdin-filename', 'draft.md', '-f', 'json'], { cwd: d, input: Buffer.concat([Buffer.from('Police said 1,000 marched. '), Buffer.from([0xc3])]) });
    expect(inv.code).toBe(0);
    expect(inv.stderr).toMatch(/^numcheck: draft\.md: invalid UTF-8 at byte 27/);
    expect((JSON.parse(inv.stdout) as Report).claims.map((c) => c.text)).toContain('1,000');
  });

  test('a file named twice, a folder and a file inside it: each document once', () => {
    const d = scratch({ 'docs/a.txt': 'Police said 1,000.\n' });
    mkdirSync(join(d, 'docs', 'sub'));
    const r = cli(['extract', 'docs/a.txt', 'docs', './docs/a.txt', '-f', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).documents.map((x) => x.id)).toEqual(['docs/a.txt']);
  });
});
