/**
 * One input text → one Document: pick the reader for the format, drop boilerplate and repeated paragraphs, settle
 * the metadata, join the blocks. Pure and synchronous (workers call it), and it never throws for bad input.
 *
 * The HTML reader (linkedom, Readability, parse5: a third of the bundled code) is loaded only when a page needs it:
 * `ingest/index.ts` registers it for library users, while the CLI's `ingestPaths` loads it on the first HTML
 * document (see HtmlReaderMissing), so a Markdown or text check never pays for it.
 */
import type { DocError, DocFormat, Document } from '../types.js';
import { assemble, dedupeBlocks, dropBoilerplate, trimBlocks, type Draft } from './blocks.js';
import { datelineDate, normalizeDate, yearlessDateline, type MonthDay } from './dates.js';
import { isBlank } from './decode.js';
import type { htmlBlocks } from './html.js';
import { decodeJsonString, locateStringValue } from './jsonl.js';
import { defaultBoilerplate, type Boilerplate, type LinePattern } from './lexicon.js';
import { markdownBlocks } from './markdown.js';
import { composeMaps, RunMap, slicePiece } from './offsets.js';
import { headerPrefix, joinWrappedLines, textLines } from './text.js';

export interface IngestTextOptions {
  /** Document id (see Document.id). For format 'jsonl' it is the id of the .jsonl file; the line's id is appended. */
  id: string;
  /** The path as the user gave it. */
  path: string;
  /** Format; from the path's extension (and a sniff for HTML) when not given. */
  format?: DocFormat;
  /** `--date`: the publication date for documents whose metadata states none (YYYY-MM-DD). */
  date?: string;
  /** Problems found earlier (decoding); they are kept in `errors`. */
  errors?: DocError[];
  /** For format 'jsonl': offset of the line in the file and its 1-based line number. */
  sourceOffset?: number;
  sourceLine?: number;
  /** A boilerplate lexicon other than the built-in one. */
  lexicon?: Boilerplate;
}

/** File extensions read as articles when a directory or glob is expanded. */
export const ARTICLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.jsonl', '.ndjson'];

/** Format from the file name; unknown extensions are sniffed for HTML. */
export function formatFor(path: string, text?: string): DocFormat {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  const ext = m ? m[1]!.toLowerCase() : '';
  switch (ext) {
    case 'md':
    case 'markdown':
    case 'mdown':
    case 'mkd':
      return 'markdown';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    case 'txt':
    case 'text':
      return 'text';
  }
  if (text !== undefined && looksLikeHtml(text)) return 'html';
  return 'text';
}

/** A page that starts (after whitespace, a BOM, an XML prolog or comments) with <!doctype html> or <html>. */
export function looksLikeHtml(text: string): boolean {
  let head = text.slice(0, 4096).replace(/^[\s\uFEFF]+/, '');
  const prolog = /^<\?xml[^>]{0,200}>\s*/.exec(head);
  if (prolog) head = head.slice(prolog[0].length);
  for (let k = 0; k < 20 && head.startsWith('<!--'); k++) {
    const end = head.indexOf('-->', 4);
    if (end === -1) return false;
    head = head.slice(end + 3).replace(/^\s+/, '');
  }
  return /^<(?:!doctype\s+html|html)\b/i.test(head);
}

/** The HTML reader, once registered or loaded. */
let htmlReader: typeof htmlBlocks | null = null;

/** Register the HTML reader (synchronous users import it; see ingest/index.ts). */
export function setHtmlReader(reader: typeof htmlBlocks): void {
  htmlReader = reader;
}

/** Load the HTML reader on demand (the first HTML document of a CLI run). */
export async function loadHtmlReader(): Promise<void> {
  if (!htmlReader) htmlReader = (await import('./html.js')).htmlBlocks;
}

/** Thrown (never to users) when an HTML text is met before the reader is loaded: load it and read the text again. */
export class HtmlReaderMissing extends Error {
  constructor() {
    super('the HTML reader is not loaded');
  }
}

interface Body {
  drafts: Draft[];
  date: string | null;
  dateSource: Document['dateSource'];
  clock?: number | null;
  /** A year-less wire dateline's month and day, when nothing dates the text. */
  datelineDay?: MonthDay | null;
  /** when an HTML page was last updated: its date when neither its metadata nor its text give one */
  modified?: { date: string; clock: number | null } | null;
  title: string | null;
  outlet: string | null;
  url: string | null;
  errors: DocError[];
}

/** Read the body of one text in its format (not jsonl), cleaned, with metadata found in it. */
function readBody(src: string, format: Exclude<DocFormat, 'jsonl'>, bp: Boilerplate): Body {
  const body: Body = { drafts: [], date: null, dateSource: null, title: null, outlet: null, url: null, errors: [] };
  if (format === 'html') {
    if (!htmlReader) throw new HtmlReaderMissing();
    const r = htmlReader(src, bp);
    body.drafts = dedupeBlocks(dropBoilerplate(trimBlocks(r.drafts), bp), bp);
    body.date = r.meta.date;
    body.dateSource = r.meta.dateSource;
    body.clock = r.meta.clock;
    body.modified = r.meta.modified ?? null;
    body.title = r.meta.title;
    body.outlet = r.meta.outlet;
    body.url = r.meta.url;
    // a Readability failure is not the user's problem (the fallback took over); a parser failure is
    if (r.selection === 'none' && r.warnings.length) body.errors.push({ code: 'html-parse', message: r.warnings.join('; ') });
  } else if (format === 'markdown') {
    const r = markdownBlocks(src);
    const header = cleanTop(trimBlocks(r.drafts), bp);
    body.drafts = dedupeBlocks(header.drafts, bp);
    body.errors.push(...r.errors);
    const fm = r.frontMatter;
    if (fm?.date) {
      body.date = fm.date;
      body.dateSource = 'front-matter';
    } else if (header.date) {
      body.date = header.date;
      body.dateSource = 'header-line';
    }
    body.title = fm?.title ?? r.firstH1;
    body.outlet = fm?.outlet ?? null;
    body.url = fm?.url ?? null;
  } else {
    const header = cleanTop(textLines(src), bp);
    body.drafts = dedupeBlocks(joinWrappedLines(header.drafts), bp);
    if (header.date) {
      body.date = header.date;
      body.dateSource = 'header-line';
    }
  }
  return body;
}

/**
 * Boilerplate out, then the metadata header off the first block; what followed the header is judged again on its
 * own (a header glued to a furniture line), until nothing changes.
 */
function cleanTop(drafts: Draft[], bp: Boilerplate): { drafts: Draft[]; date: string | null } {
  // (the blocks are judged again after each header: their lines' answers are kept for the whole document)
  const lines = new Map<string, LinePattern | null>();
  let out = dropBoilerplate(drafts, bp, lines);
  let date: string | null = null;
  for (let k = 0; k < 8; k++) {
    const h = stripHeader(out, bp);
    if (h.drafts === out) break;
    date = date ?? h.date;
    out = dropBoilerplate(h.drafts, bp, lines);
  }
  return { drafts: out, date };
}

/**
 * A `date YYYY-MM-DD` header opening the first block that survived boilerplate removal (a scraper's metadata
 * line): its date is the document's, its words leave the text.
 */
function stripHeader(drafts: Draft[], bp: Boilerplate): { drafts: Draft[]; date: string | null } {
  let date: string | null = null;
  let i = 0;
  while (i < drafts.length && i < 4) {
    const d = drafts[i]!;
    const h = headerPrefix(d.piece.text, bp);
    if (!h) break;
    date = date ?? normalizeDate(h.date);
    if (h.length >= d.piece.text.length) {
      i++; // the block held only the header: the next one may repeat it
      continue;
    }
    const rest: Draft = { ...d, piece: slicePiece(d.piece, h.length, d.piece.text.length) };
    return { drafts: [rest, ...drafts.slice(i + 1)], date };
  }
  return { drafts: i > 0 ? drafts.slice(i) : drafts, date };
}

/**
 * Settle the date: metadata (front matter, <meta>, JSON-LD, <time>, header line, JSONL field) first; else `--date`;
 * else an unambiguous dateline/byline at the top of the text. Bylines that only carry the date become 'meta' blocks.
 */
function settleDate(body: Body, cliDate: string | undefined, bp: Boilerplate): void {
  const blocks = body.drafts.slice(0, bp.dateline.maxBlocks).map((d) => d.piece.text);
  const t = datelineDate(blocks, bp);
  if (t?.metaOnly) body.drafts[t.block]!.kind = 'meta';
  // (the hour beside the date line, when that date is the document's: not beside another date than --date gives)
  if (t && body.clock == null && t.date === (body.date ?? (cliDate ? normalizeDate(cliDate) : null) ?? t.date)) body.clock = t.clock;
  if (body.date) return;
  const cli = cliDate ? normalizeDate(cliDate) : null;
  if (cli) {
    body.date = cli;
    body.dateSource = 'cli';
    return;
  }
  if (t) {
    body.date = t.date;
    body.dateSource = 'text';
    return;
  }
  if (body.modified) {
    // (a live report that dates only its last update: "article:modified_time" 20:05 of the day its entries cover)
    body.date = body.modified.date;
    body.dateSource = 'meta';
    body.clock ??= body.modified.clock;
    return;
  }
  body.datelineDay = yearlessDateline(blocks, bp);
}

function finish(
  base: Pick<Document, 'id' | 'path' | 'format'> & { source: string; sourceOffset?: number; sourceLine?: number },
  body: Body,
  errors: DocError[],
  compose?: RunMap,
): Document {
  const { text, segments, map } = assemble(body.drafts, 0);
  const finalMap = compose ? composeMaps(map, compose, base.sourceOffset ?? 0) : map;
  const doc: Document = {
    id: base.id,
    path: base.path,
    format: base.format,
    text,
    segments,
    map: finalMap,
    source: base.source,
    date: body.date,
    dateSource: body.date ? body.dateSource : null,
    outlet: body.outlet,
    title: body.title,
    url: body.url,
    errors,
  };
  if (base.sourceOffset !== undefined) doc.sourceOffset = base.sourceOffset;
  if (base.sourceLine !== undefined) doc.sourceLine = base.sourceLine;
  if (body.date && body.clock != null) doc.clock = body.clock;
  if (!body.date && body.datelineDay) doc.datelineDay = body.datelineDay;
  if (text.length === 0 && errors.length === 0) {
    // not empty, yet nothing is left to check: say so rather than report a clean document
    const where = base.format === 'jsonl' && base.sourceLine !== undefined ? `${base.path}:${base.sourceLine}` : base.path || base.id;
    doc.errors = [{ code: 'no-text', message: `${where}: no article text found (only navigation, boilerplate or markup)`, ...(base.format === 'jsonl' && base.sourceLine !== undefined ? { line: base.sourceLine } : {}) }];
  }
  return doc;
}

function mergeErrors(a: DocError[] | undefined, b: DocError[]): DocError[] {
  const out = [...(a ?? [])];
  for (const e of b) if (!out.some((x) => x.code === e.code && x.message === e.message)) out.push(e);
  return out;
}

/** A Document that holds only errors (unreadable input). */
export function errorDocument(id: string, path: string, format: DocFormat, errors: DocError[], source?: string): Document {
  const doc: Document = {
    id,
    path,
    format,
    text: '',
    segments: [],
    map: RunMap.empty(0),
    date: null,
    dateSource: null,
    outlet: null,
    title: null,
    url: null,
    errors,
  };
  if (source !== undefined) doc.source = source;
  return doc;
}

/**
 * Turn one decoded text into a Document. Pure and synchronous; never throws (an internal failure becomes an
 * `internal` error on the document).
 */
export function ingestText(text: string, opts: IngestTextOptions): Document {
  const format = opts.format ?? formatFor(opts.path, text);
  try {
    const bp = opts.lexicon ?? defaultBoilerplate();
    if (format === 'jsonl') {
      return ingestJsonlLine(text, {
        fileId: opts.id,
        path: opts.path,
        lineNo: opts.sourceLine ?? 1,
        offset: opts.sourceOffset ?? 0,
        date: opts.date,
        lexicon: bp,
        errors: opts.errors,
      });
    }
    const errors = [...(opts.errors ?? [])];
    if (isBlank(text) && !errors.some((e) => e.code === 'empty' || e.code === 'binary')) {
      errors.push({ code: 'empty', message: `${opts.path || opts.id}: the file is empty` });
    }
    const body = readBody(text, format, bp);
    settleDate(body, opts.date, bp);
    return finish({ id: opts.id, path: opts.path, format, source: text }, body, mergeErrors(errors, body.errors));
  } catch (e) {
    if (e instanceof HtmlReaderMissing) throw e;
    return errorDocument(opts.id, opts.path, format, mergeErrors(opts.errors, [internalError(opts.path || opts.id, e)]), text);
  }
}

function internalError(where: string, e: unknown): DocError {
  const err = e as Error;
  const why = err instanceof RangeError ? 'input too deeply nested or too large' : (err?.message ?? String(e));
  return { code: 'internal', message: `${where}: could not be read (${why})` };
}

export interface JsonlLineOptions {
  /** Id of the .jsonl file (relative path); the document id is `<fileId>#<obj.id or line number>`. */
  fileId: string;
  path: string;
  /** 1-based line number in the file. */
  lineNo: number;
  /** UTF-16 offset of the line's first char in the (decoded) file. */
  offset: number;
  date?: string;
  lexicon?: Boilerplate;
  errors?: DocError[];
  /** Ids already used in this file: a repeated obj.id gets "@<line>" appended, to keep ids unique. */
  seenIds?: Set<string>;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') return str((v as { name: string }).name);
  return null;
}

/** One JSONL line → one Document (errors, never a throw, for a broken line). */
export function ingestJsonlLine(line: string, o: JsonlLineOptions): Document {
  const bp = o.lexicon ?? defaultBoilerplate();
  const where = `${o.path}:${o.lineNo}`;
  const fallbackId = `${o.fileId}#${o.lineNo}`;
  const parseText = line.charCodeAt(0) === 0xfeff ? ' ' + line.slice(1) : line;
  let obj: unknown;
  try {
    obj = JSON.parse(parseText);
  } catch (e) {
    return lineError(fallbackId, o, line, `${where}: invalid JSON (${(e as Error).message})`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return lineError(fallbackId, o, line, `${where}: expected a JSON object with a "text" field`);
  const rec = obj as Record<string, unknown>;
  let id = fallbackId;
  const own = str(rec.id);
  if (own !== null) id = `${o.fileId}#${own}`;
  let freshId = false;
  if (o.seenIds) {
    if (o.seenIds.has(id)) id = `${id}@${o.lineNo}`;
    freshId = !o.seenIds.has(id);
    o.seenIds.add(id);
  }
  if (typeof rec.text !== 'string') return lineError(id, o, line, `${where}: the object has no "text" string`);
  try {
    const loc = locateStringValue(parseText, 'text');
    let inner: string;
    let base: RunMap;
    if (loc) {
      const d = decodeJsonString(parseText, loc.start, loc.end, o.offset);
      inner = d.text;
      base = d.map;
    } else {
      inner = rec.text;
      base = RunMap.empty(o.offset);
    }
    if (inner !== rec.text) {
      // cannot happen for valid JSON; keep the parsed value and map it coarsely to the line
      inner = rec.text;
      base = RunMap.empty(o.offset);
    }
    const fmt = typeof rec.format === 'string' && ['text', 'markdown', 'html'].includes(rec.format) ? (rec.format as 'text' | 'markdown' | 'html') : looksLikeHtml(inner) ? 'html' : 'text';
    const body = readBody(inner, fmt, bp);
    const fieldDate = normalizeDate(rec.date ?? rec.published ?? rec.datePublished ?? rec.published_at);
    if (fieldDate) {
      body.date = fieldDate;
      body.dateSource = 'jsonl';
    }
    settleDate(body, o.date, bp);
    body.outlet = str(rec.outlet) ?? str(rec.source) ?? str(rec.publisher) ?? str(rec.site) ?? body.outlet;
    body.title = str(rec.title) ?? str(rec.headline) ?? body.title;
    body.url = str(rec.url) ?? str(rec.link) ?? body.url;
    const errors = [...(o.errors ?? [])];
    if (isBlank(inner)) errors.push({ code: 'empty', message: `${where}: the "text" field is empty`, line: o.lineNo });
    const doc = finish({ id, path: o.path, format: 'jsonl', source: line, sourceOffset: o.offset, sourceLine: o.lineNo }, body, mergeErrors(errors, body.errors), base);
    return doc;
  } catch (e) {
    if (e instanceof HtmlReaderMissing) {
      // read again once the reader is loaded: this line's id is not taken yet
      if (freshId) o.seenIds?.delete(id);
      throw e;
    }
    const d = lineError(id, o, line, '');
    d.errors = [{ ...internalError(where, e), line: o.lineNo }];
    return d;
  }
}

function lineError(id: string, o: JsonlLineOptions, line: string, message: string): Document {
  const d = errorDocument(id, o.path, 'jsonl', [...(o.errors ?? []), { code: 'jsonl-parse', message, line: o.lineNo }], line);
  d.sourceOffset = o.offset;
  d.sourceLine = o.lineNo;
  d.map = RunMap.empty(o.offset);
  d.date = null;
  return d;
}
