/**
 * Paths → Documents: files, directories (recursive), globs, "-" for stdin; JSONL streamed line by line.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { DocError, Document } from '../types.js';
import { decode } from './decode.js';
import { ARTICLE_EXTENSIONS, errorDocument, formatFor, HtmlReaderMissing, ingestJsonlLine, ingestText, loadHtmlReader } from './document.js';
import type { Boilerplate } from './lexicon.js';
import { comparePaths } from '../util/compare.js';

export interface IngestPathsOptions {
  /** `--date`: publication date for documents whose metadata states none. */
  date?: string;
  /** `--stdin-filename`: the name (and so the format) of what comes on stdin. */
  stdinFilename?: string;
  /** Working directory ids are relative to (default process.cwd()). */
  cwd?: string;
  /** The stream read for "-" (default process.stdin). */
  stdin?: Readable;
  /** A boilerplate lexicon other than the built-in one. */
  lexicon?: Boilerplate;
}

const SKIP_DIRS = new Set(['node_modules']);

/** Document id: the path relative to cwd with "/" separators (kept as given when relative). */
export function documentId(given: string, cwd: string): string {
  if (given === '-') return '-';
  const abs = resolve(cwd, given);
  let rel = relative(cwd, abs);
  if (isAbsolute(given) && (rel.startsWith('..') || isAbsolute(rel))) rel = abs;
  if (rel === '') rel = '.';
  return rel.split(sep).join('/');
}

function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((e) => lower.endsWith(e));
}

function ioError(path: string, e: unknown): DocError {
  const err = e as NodeJS.ErrnoException;
  const code = err?.code ?? 'EIO';
  const why: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    ENAMETOOLONG: 'file name too long',
  };
  return { code, message: `cannot read ${path}: ${why[code] ?? err?.message ?? String(e)}` };
}

/** Files under a directory with article extensions, sorted; dot-folders, dot-files and node_modules skipped. */
async function walkDir(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (e) {
      if (d === dir) throw e; // the folder named on the command line: the caller reports it
      continue; // an unreadable sub-folder is skipped
    }
    for (const ent of entries) {
      if (ent.name.startsWith('.')) continue;
      const full = join(d, ent.name);
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name)) stack.push(full);
      } else if (ent.isFile() && isArticleFile(ent.name)) {
        out.push(full);
      } else if (ent.isSymbolicLink() && isArticleFile(ent.name)) {
        // a link to a file is read; links to folders are not followed (no cycles)
        try {
          if ((await stat(full)).isFile()) out.push(full);
        } catch {
          /* dangling link */
        }
      }
    }
  }
  return out.sort(comparePaths);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

/** One input to read, in the order the documents come out. */
type Source =
  | { kind: 'error'; doc: Document }
  | { kind: 'stdin'; name: string }
  | { kind: 'file'; abs: string; shown: string };

/** The sources one path names: stdin, a file, a folder's or a glob's article files (sorted), or an error. */
async function expand(given: string, cwd: string, opts: IngestPathsOptions): Promise<Source[]> {
  if (given === '-') return [{ kind: 'stdin', name: opts.stdinFilename ?? '-' }];
  const abs = resolve(cwd, given);
  let st;
  try {
    st = await stat(abs);
  } catch (e) {
    if (isDynamicPattern(given)) {
      let files: string[];
      try {
        files = await glob(given, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false });
      } catch (ge) {
        return [{ kind: 'error', doc: errorDocument(given, given, 'text', [{ code: 'no-input', message: `${given}: invalid glob (${(ge as Error).message})` }]) }];
      }
      files = files.filter(isArticleFile).sort(comparePaths);
      if (files.length === 0) {
        return [{ kind: 'error', doc: errorDocument(given, given, 'text', [{ code: 'no-input', message: `${given}: the pattern matches no article files (${ARTICLE_EXTENSIONS.join(' ')})` }]) }];
      }
      return files.map((f) => ({ kind: 'file', abs: f, shown: displayPath(f, cwd) }));
    }
    return [{ kind: 'error', doc: errorDocument(documentId(given, cwd), given, formatFor(given), [ioError(given, e)]) }];
  }
  if (st.isDirectory()) {
    let files: string[];
    try {
      files = await walkDir(abs);
    } catch (e) {
      return [{ kind: 'error', doc: errorDocument(documentId(given, cwd), given, 'text', [ioError(given, e)]) }];
    }
    if (files.length === 0) {
      return [{ kind: 'error', doc: errorDocument(documentId(given, cwd), given, 'text', [{ code: 'no-input', message: `${given}: the folder holds no article files (${ARTICLE_EXTENSIONS.join(' ')})` }]) }];
    }
    // shown as the user would write it: the folder as given + the path under it
    return files.map((f) => {
      const under = relative(abs, f).split(sep).join('/');
      return { kind: 'file', abs: f, shown: given.endsWith('/') || given.endsWith(sep) ? given + under : `${given}/${under}` };
    });
  }
  return [{ kind: 'file', abs, shown: given }];
}

/**
 * How many paths are looked up, and how many files read, ahead of the document being ingested: the file system's
 * latency (a loaded machine, a network share) overlaps with the work instead of adding to it, in bounded memory.
 */
const LOOKAHEAD = 8;

/** The sources of every path, in order, each file once (a file named twice is read once). */
async function* sourcesOf(paths: string[], cwd: string, opts: IngestPathsOptions): AsyncGenerator<Source> {
  const seen = new Set<string>();
  const pending: Array<Promise<Source[]>> = [];
  let next = 0;
  for (let i = 0; i < paths.length; i++) {
    while (next < paths.length && next <= i + LOOKAHEAD) {
      const given = paths[next++]!;
      // (settled at once, so a later path's failure is never an unhandled rejection while an earlier one is read)
      pending.push(expand(given, cwd, opts).catch((e: unknown) => [{ kind: 'error' as const, doc: errorDocument(given, given, formatFor(given), [ioError(given, e)]) }]));
    }
    for (const src of await pending.shift()!) {
      const key = src.kind === 'stdin' ? '\0stdin' : src.kind === 'file' ? src.abs : null;
      if (key !== null) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      yield src;
    }
  }
}

/** A file's bytes, or the error reading it. */
type Read = Promise<Buffer | { error: unknown }>;

function readBytes(abs: string): Read {
  return readFile(abs).catch((error: unknown) => ({ error }));
}

/**
 * Read every input named on the command line, in order, as Documents.
 *  - a file: read and ingested (format from the extension; .jsonl/.ndjson streamed, one Document per line);
 *  - a directory: every article file under it (.txt .text .md .markdown .html .htm .jsonl .ndjson), sorted;
 *  - a glob: its matches with those extensions, sorted;
 *  - "-": stdin (format from `stdinFilename`).
 * A file named twice is read once. A missing/unreadable input, or a directory/glob with no articles, yields a
 * Document with `errors` and no text; nothing throws. Up to LOOKAHEAD files are read ahead.
 */
export async function* ingestPaths(paths: string[], opts: IngestPathsOptions = {}): AsyncGenerator<Document> {
  const cwd = opts.cwd ?? process.cwd();
  const sources = sourcesOf(paths, cwd, opts);
  const queue: Array<{ src: Source; read?: Read }> = [];
  let ended = false;
  for (;;) {
    while (!ended && queue.length <= LOOKAHEAD) {
      const r = await sources.next();
      if (r.done) ended = true;
      else {
        const src = r.value;
        // (JSONL is streamed when its turn comes, never buffered whole)
        const read = src.kind === 'file' && formatFor(src.abs) !== 'jsonl' ? readBytes(src.abs) : undefined;
        queue.push({ src, read });
      }
    }
    const item = queue.shift();
    if (!item) return;
    const { src, read } = item;
    if (src.kind === 'error') yield src.doc;
    else if (src.kind === 'file') yield* fileDocuments(src.abs, src.shown, cwd, opts, read);
    else {
      const name = src.name;
      const id = name === '-' ? '-' : documentId(name, cwd);
      const stream = opts.stdin ?? process.stdin;
      if (formatFor(name) === 'jsonl') {
        yield* jsonlDocuments(stream, id, name, opts);
        continue;
      }
      let buf: Buffer;
      try {
        buf = await readAll(stream);
      } catch (e) {
        yield errorDocument(id, name, formatFor(name), [ioError('stdin', e)]);
        continue;
      }
      yield await withHtml(() => fromBuffer(buf, id, name, opts));
    }
  }
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split(sep).join('/');
}

async function* fileDocuments(abs: string, shown: string, cwd: string, opts: IngestPathsOptions, read?: Read): AsyncGenerator<Document> {
  const id = documentId(shown, cwd);
  const format = formatFor(abs);
  if (format === 'jsonl') {
    let stream: Readable;
    try {
      const st = await lstat(abs);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      stream = createReadStream(abs, { highWaterMark: 1 << 20 });
      await new Promise<void>((res, rej) => {
        stream.once('open', () => res());
        stream.once('error', rej);
      });
    } catch (e) {
      yield errorDocument(id, shown, 'jsonl', [ioError(shown, e)]);
      return;
    }
    yield* jsonlDocuments(stream, id, shown, opts);
    return;
  }
  const got = await (read ?? readBytes(abs));
  if (!Buffer.isBuffer(got)) {
    yield errorDocument(id, shown, format, [ioError(shown, got.error)]);
    return;
  }
  yield await withHtml(() => fromBuffer(got, id, shown, opts));
}

/** Read a text; an HTML one met before the HTML reader is loaded loads it and is read again. */
async function withHtml(read: () => Document): Promise<Document> {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof HtmlReaderMissing)) throw e;
    await loadHtmlReader();
    return read();
  }
}

function fromBuffer(buf: Buffer, id: string, path: string, opts: IngestPathsOptions): Document {
  const d = decode(buf, path);
  if (d.errors.some((e) => e.code === 'binary')) return errorDocument(id, path, formatFor(path), d.errors);
  return ingestText(d.text, { id, path, date: opts.date, errors: d.errors, lexicon: opts.lexicon, format: formatFor(path, d.text) });
}

/**
 * Stream a JSONL source: bytes are split at "\n" (never inside a UTF-8 sequence), each line decoded on its own,
 * so memory is bounded by the longest line. Offsets count UTF-16 units of the decoded file.
 */
async function* jsonlDocuments(stream: Readable, fileId: string, path: string, opts: IngestPathsOptions): AsyncGenerator<Document> {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true });
  let pending: Buffer[] = [];
  let lineNo = 0;
  let offset = 0; // UTF-16 offset of the current line's start
  let produced = 0;
  let firstChunk = true;
  const seenIds = new Set<string>();
  const handle = (bytes: Buffer): Promise<Document> | null => {
    lineNo++;
    let line: string;
    const errors: DocError[] = [];
    try {
      line = fatal.decode(bytes);
    } catch {
      line = lossy.decode(bytes);
      errors.push({ code: 'decode', message: `${path}:${lineNo}: invalid UTF-8; undecodable bytes were replaced with U+FFFD`, line: lineNo });
    }
    const start = offset;
    offset += line.length + 1; // the "\n"
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!/[^\s\uFEFF]/.test(content)) return null; // blank lines are allowed between records
    produced++;
    const lineOpts = { fileId, path, lineNo, offset: start, date: opts.date, lexicon: opts.lexicon, errors, seenIds };
    return withHtml(() => ingestJsonlLine(content, lineOpts));
  };
  try {
    for await (const raw of stream) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : (raw as Buffer);
      if (firstChunk) {
        firstChunk = false;
        if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
          yield errorDocument(fileId, path, 'jsonl', [{ code: 'decode', message: `${path}: JSONL must be UTF-8 (this file is UTF-16)` }]);
          stream.destroy();
          return;
        }
      }
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        if (nl === -1) break;
        const part = chunk.subarray(from, nl);
        const bytes = pending.length ? Buffer.concat([...pending, part]) : part;
        pending = [];
        const doc = handle(bytes);
        if (doc) yield await doc;
        from = nl + 1;
      }
      if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
    }
  } catch (e) {
    yield errorDocument(fileId, path, 'jsonl', [ioError(path, e)]);
    return;
  }
  if (pending.length) {
    const doc = handle(Buffer.concat(pending));
    if (doc) yield await doc;
  }
  if (produced === 0) {
    yield errorDocument(fileId, path, 'jsonl', [{ code: 'empty', message: `${path}: no JSON lines` }]);
  }
}
