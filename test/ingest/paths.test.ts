import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { documentId, ingestPaths } from '../../src/ingest/index.js';
import type { Document } from '../../src/types.js';

async function all(paths: string[], opts: Parameters<typeof ingestPaths>[1]): Promise<Document[]> {
  const out: Document[] = [];
  for await (const d of ingestPaths(paths, opts)) out.push(d);
  return out;
}

const ARTICLE = 'The council said 1,300 homes were at risk of flooding this winter.\n';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'nc-paths-'));
  const f = (p: string, content: string | Buffer) => {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  };
  f('docs/b.md', '# B\n\n' + ARTICLE);
  f('docs/a.txt', ARTICLE);
  f('docs/sub/c.html', `<html><body><article><p>${ARTICLE}</p></article></body></html>`);
  f('docs/sub/d.htm', `<p>${ARTICLE}</p>`);
  f('docs/batch.jsonl', '{"id":"x","text":"One."}\n{"id":"y","text":"Two."}\n');
  f('docs/.hidden/h.txt', ARTICLE);
  f('docs/.dotfile.txt', ARTICLE);
  f('docs/node_modules/pkg/readme.txt', ARTICLE);
  f('docs/notes.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0]));
  f('docs/Z.TXT', ARTICLE);
  f('nothing/readme.pdf', 'x');
  f('z.txt', ARTICLE);
  f('bin.txt', Buffer.from([0x68, 0x69, 0x00, 0x01]));
  f('empty.txt', '');
  return root;
}

describe('ingestPaths', () => {
  const root = tree();

  test('a directory: article files under it, recursively, sorted; dot-folders, dot-files, node_modules skipped', async () => {
    const docs = await all(['docs'], { cwd: root });
    expect(docs.map((d) => d.id)).toEqual(['docs/Z.TXT', 'docs/a.txt', 'docs/b.md', 'docs/batch.jsonl#x', 'docs/batch.jsonl#y', 'docs/sub/c.html', 'docs/sub/d.htm']);
    expect(docs.map((d) => d.format)).toEqual(['text', 'text', 'markdown', 'jsonl', 'jsonl', 'html', 'html']);
    expect(docs.every((d) => d.errors.length === 0)).toBe(true);
    expect(docs[1]!.path).toBe('docs/a.txt');
    expect(docs[1]!.text).toBe(ARTICLE.trim());
  });

  test('a glob: its article matches, sorted', async () => {
    const docs = await all(['docs/**/*.{txt,htm}'], { cwd: root });
    expect(docs.map((d) => d.id)).toEqual(['docs/a.txt', 'docs/sub/d.htm']);
    const md = await all(['docs/*.md'], { cwd: root });
    expect(md.map((d) => d.id)).toEqual(['docs/b.md']);
  });

  test('arguments keep their order; a file named twice is read once', async () => {
    const docs = await all(['z.txt', 'docs/sub', './z.txt', join(root, 'z.txt'), 'docs/sub/c.html', 'docs/*.md', 'docs/b.md'], { cwd: root });
    expect(docs.map((d) => d.id)).toEqual(['z.txt', 'docs/sub/c.html', 'docs/sub/d.htm', 'docs/b.md']);
  });

  test('a long batch read ahead keeps its order, its errors in place and each file once', async () => {
    // more paths and files than are looked up and read ahead at once, slow and fast ones mixed
    const many = Array.from({ length: 40 }, (_, i) => `batch/f${String(i).padStart(2, '0')}.txt`);
    mkdirSync(join(root, 'batch'), { recursive: true });
    many.forEach((p, i) => writeFileSync(join(root, p), `${i} marched.` + (i % 7 === 0 ? ' and walked on'.repeat(20000) : '') + '\n'));
    const args = [...many.slice(0, 15), 'missing.txt', 'docs/sub', ...many.slice(10, 30), 'docs/*.md', '-', ...many.slice(30), many[0]!];
    const stdin = Readable.from([Buffer.from('From stdin: 7 marched.\n')]);
    const docs = await all(args, { cwd: root, stdin });
    const want = [...many.slice(0, 15), 'missing.txt', 'docs/sub/c.html', 'docs/sub/d.htm', ...many.slice(15, 30), 'docs/b.md', '-', ...many.slice(30)];
    expect(docs.map((d) => d.id)).toEqual(want);
    expect(docs.find((d) => d.id === 'missing.txt')!.errors[0]!.code).toBe('ENOENT');
    expect(docs.find((d) => d.id === '-')!.text).toBe('From stdin: 7 marched.');
    expect(docs.find((d) => d.id === 'batch/f39.txt')!.text).toBe('39 marched.');
    expect(docs.find((d) => d.id === 'batch/f07.txt')!.text.length).toBe('7 marched.'.length + ' and walked on'.length * 20000);
  });

  test('missing or unreadable inputs are documents with errors, never a throw', async () => {
    const docs = await all(['missing.txt', 'docs/nope/x.md', 'bin.txt', 'empty.txt', 'z.txt/inner.txt'], { cwd: root });
    expect(docs.map((d) => d.errors[0]?.code)).toEqual(['ENOENT', 'ENOENT', 'binary', 'empty', 'ENOTDIR']);
    expect(docs[0]!.errors[0]!.message).toBe('cannot read missing.txt: no such file or directory');
    expect(docs[0]!.text).toBe('');
    expect(docs[0]!.segments).toEqual([]);
    expect(docs[0]!.format).toBe('text');
    expect(docs[1]!.format).toBe('markdown');
    expect(docs[2]!.errors[0]!.message).toMatch(/bin\.txt.*binary/);
  });

  // root reads everything, so this can only be checked as an ordinary user
  (process.getuid?.() === 0 ? test.skip : test)('permission denied', async () => {
    const p = join(root, 'locked.txt');
    writeFileSync(p, ARTICLE);
    chmodSync(p, 0o000);
    const [d] = await all(['locked.txt'], { cwd: root });
    expect(d!.errors[0]!.code).toBe('EACCES');
    expect(d!.errors[0]!.message).toMatch(/locked\.txt: permission denied/);
    chmodSync(p, 0o644);
  });

  test('a folder or glob with no articles: one no-input document for the argument', async () => {
    const docs = await all(['nothing', 'nothing/*.txt', 'docs/**/*.rst'], { cwd: root });
    expect(docs.map((d) => [d.id, d.errors[0]!.code])).toEqual([
      ['nothing', 'no-input'],
      ['nothing/*.txt', 'no-input'],
      ['docs/**/*.rst', 'no-input'],
    ]);
    expect(docs[0]!.errors[0]!.message).toMatch(/nothing: the folder holds no article files/);
  });

  test('stdin: "-" with --stdin-filename naming the format', async () => {
    const stdin = Readable.from([Buffer.from('---\ndate: 2024-01-02\n---\n# Title\n\nBody with 5 words in it.\n')]);
    const [d] = await all(['-'], { cwd: root, stdin, stdinFilename: 'draft.md' });
    expect(d!.id).toBe('draft.md');
    expect(d!.path).toBe('draft.md');
    expect(d!.format).toBe('markdown');
    expect(d!.date).toBe('2024-01-02');
    const [plain] = await all(['-'], { cwd: root, stdin: Readable.from([Buffer.from('<!doctype html><p>Sniffed 3 words.</p>')]) });
    expect(plain!.id).toBe('-');
    expect(plain!.format).toBe('html');
    expect(plain!.text).toBe('Sniffed 3 words.');
  });

  test('--date is passed down as the fallback date', async () => {
    const [d] = await all(['z.txt'], { cwd: root, date: '2022-10-14' });
    expect(d!.date).toBe('2022-10-14');
    expect(d!.dateSource).toBe('cli');
  });

  test('ids: relative to cwd with "/" separators', () => {
    expect(documentId('docs/a.txt', '/w')).toBe('docs/a.txt');
    expect(documentId('./docs/../docs/a.txt', '/w')).toBe('docs/a.txt');
    expect(documentId('/w/docs/a.txt', '/w')).toBe('docs/a.txt');
    expect(documentId('/elsewhere/a.txt', '/w')).toBe('/elsewhere/a.txt');
    expect(documentId('../up/a.txt', '/w/x')).toBe('../up/a.txt');
    expect(documentId('-', '/w')).toBe('-');
  });

  test('symlinked files are read, symlinked folders not followed', async () => {
    const r = mkdtempSync(join(tmpdir(), 'nc-links-'));
    mkdirSync(join(r, 'd'));
    writeFileSync(join(r, 'd', 'a.txt'), ARTICLE);
    symlinkSync(join(r, 'd', 'a.txt'), join(r, 'd', 'link.txt'));
    symlinkSync(join(r, 'd'), join(r, 'd', 'loop'));
    const docs = await all(['d'], { cwd: r });
    expect(docs.map((d) => d.id)).toEqual(['d/a.txt', 'd/link.txt']);
  });
});
