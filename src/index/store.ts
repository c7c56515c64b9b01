/**
 * The claims index: an SQLite file (better-sqlite3) holding documents and their claims, so a draft can be
 * reviewed against an archive of any size without reading it (`numcheck review draft.md --against-index db`).
 *
 *   documents: id (unique), path, format, date, outlet, title, url, errors, indexed_at
 *   claims:    every field of the JSON contract as a column (span, line, column, text, value, low, high,
 *              qualifier, unit, dimension, measure, time, scope, attribution, sentence), the alignment keys
 *              (family, canonical noun, canonical event, bkey = the blocking key of align()), and the rest of
 *              what the rule engine reads (precision, form, links, roles …) as JSON in `extra`.
 *
 * Indexes: (bkey, time_start, time_end, event) and (family, noun, time_start, time_end, event) for the blocking
 * look-up (every filter of review's queries is answered from the index; only the rows returned are read), (doc)
 * for re-indexing. WAL journal, one transaction per batch of documents.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import type { ClaimKey } from '../align/keys.js';
import type { ClaimContext } from '../context/index.js';
import type { DocError, Document } from '../types.js';
import { UserError } from '../util/errors.js';

export type DB = BetterSqlite3.Database;

export const SCHEMA_VERSION = '1';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  date TEXT,
  outlet TEXT,
  title TEXT,
  url TEXT,
  errors TEXT NOT NULL DEFAULT '[]',
  indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
  rowid INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  text TEXT NOT NULL,
  value REAL,
  low REAL,
  high REAL,
  qualifier TEXT NOT NULL,
  unit TEXT NOT NULL,
  dimension TEXT NOT NULL,
  measure TEXT,
  time_start TEXT,
  time_end TEXT,
  time_text TEXT,
  scope TEXT,
  attribution TEXT,
  sentence TEXT NOT NULL,
  family TEXT NOT NULL,
  noun TEXT,
  event TEXT,
  bkey TEXT NOT NULL,
  extra TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_blocking ON claims (bkey, time_start, time_end, event);
CREATE INDEX IF NOT EXISTS claims_subject ON claims (family, noun, time_start, time_end, event);
CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc);
`;

/** Families whose figures align by holder as much as by noun (align(): one block per family). */
export const SUBJECT_FAMILIES = /^(?:percent|pp|[A-Z]{3}|USc|GBX)$/;

/** The blocking key of align(): family and canonical noun ("count|reservist", "length|-"). */
export function blockKey(k: Pick<ClaimKey, 'family' | 'noun'>): string {
  return `${k.family}|${k.noun ?? '-'}`;
}

async function driver(): Promise<typeof BetterSqlite3> {
  try {
    const mod = (await import('better-sqlite3')) as unknown as { default?: typeof BetterSqlite3 };
    return (mod.default ?? mod) as typeof BetterSqlite3;
  } catch (e) {
    throw new UserError(`the claims index needs the better-sqlite3 package, which could not be loaded: ${(e as Error).message}`);
  }
}

/** SQLite files start with this header. */
function looksLikeSqlite(path: string): boolean {
  const st = statSync(path);
  if (st.size === 0) return true; // an empty file becomes a database
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

function checkVersion(db: DB, path: string): void {
  let v: string | undefined;
  try {
    v = (db.prepare(`SELECT value FROM meta WHERE key = 'schema'`).get() as { value: string } | undefined)?.value;
  } catch {
    v = undefined;
  }
  if (v === undefined) throw new UserError(`${path} is an SQLite database but not a numcheck claims index (build one with \`numcheck index <files> --db ${path}\`)`);
  if (v !== SCHEMA_VERSION) throw new UserError(`${path} is a claims index of schema version ${v}; this numcheck reads version ${SCHEMA_VERSION}: rebuild it with \`numcheck index\``);
}

/** Open (and create when needed) an index for writing. */
export async function openForWrite(path: string): Promise<DB> {
  const Database = await driver();
  const fresh = !existsSync(path);
  if (!fresh && !looksLikeSqlite(path)) throw new UserError(`${path} exists and is not an SQLite database (not overwriting it)`);
  let db: DB;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    const hasMeta = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).get();
    const tables = (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number }).n;
    if (!hasMeta && tables > 0) {
      db.close();
      throw new UserError(`${path} is an SQLite database but not a numcheck claims index (not changing it)`);
    }
    db.exec(SCHEMA);
    db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)`).run(SCHEMA_VERSION);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot open the claims index ${path}: ${(e as Error).message}`);
  }
  checkVersion(db, path);
  return db;
}

/** Open an existing index read-only; a missing or corrupt file is a user error (exit 2). */
export async function openForRead(path: string): Promise<DB> {
  if (!existsSync(path)) throw new UserError(`cannot open the claims index ${path}: no such file (build one with \`numcheck index <files> --db ${path}\`)`);
  if (statSync(path).isDirectory()) throw new UserError(`cannot open the claims index ${path}: it is a directory`);
  if (!looksLikeSqlite(path) || statSync(path).size === 0) throw new UserError(`${path} is not a numcheck claims index (not an SQLite database, or damaged)`);
  const Database = await driver();
  let db: DB;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    // touch the schema now, so a damaged file fails here with a clear message
    db.prepare(`SELECT count(*) FROM sqlite_master`).get();
  } catch (e) {
    throw new UserError(`${path} is not a numcheck claims index (${(e as Error).message})`);
  }
  try {
    checkVersion(db, path);
    db.prepare(`SELECT rowid, bkey FROM claims LIMIT 1`).get();
  } catch (e) {
    db.close();
    if (e instanceof UserError) throw e;
    throw new UserError(`${path} is not a numcheck claims index (${(e as Error).message})`);
  }
  return db;
}

// ---------------------------------------------------------------------------------------------------------------
// rows

/** Claim fields kept in columns; everything else the engine reads goes to `extra`. */
const COLUMN_FIELDS = new Set([
  'id', 'document', 'span', 'line', 'column', 'text', 'value', 'low', 'high', 'qualifier', 'unit', 'dimension', 'measure', 'time', 'scope', 'attribution', 'sentence', 'docIndex',
]);

export interface ClaimRow {
  rowid?: number;
  doc: number;
  idx: number;
  span_start: number;
  span_end: number;
  line: number;
  col: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string;
  unit: string;
  dimension: string;
  measure: string | null;
  time_start: string | null;
  time_end: string | null;
  time_text: string | null;
  scope: string | null;
  attribution: string | null;
  sentence: string;
  family: string;
  noun: string | null;
  event: string | null;
  bkey: string;
  extra: string;
}

/** JSON cannot hold ±Infinity or NaN: numbers that are not finite are written as strings. */
function num(x: number | null): number | null {
  return x === null || Number.isFinite(x) ? x : null;
}

export function claimToRow(c: ClaimContext, doc: number, k: ClaimKey): ClaimRow {
  const extra: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(c)) if (!COLUMN_FIELDS.has(key) && v !== undefined) extra[key] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
  return {
    doc,
    idx: c.index,
    span_start: c.span.start,
    span_end: c.span.end,
    line: c.line,
    col: c.column,
    text: c.text,
    value: num(c.value),
    low: num(c.low),
    high: num(c.high),
    qualifier: c.qualifier,
    unit: c.unit,
    dimension: c.dimension,
    measure: c.measure ?? null,
    time_start: c.time?.start ?? null,
    time_end: c.time?.end ?? null,
    time_text: c.time?.text ?? null,
    scope: c.scope,
    attribution: c.attribution,
    sentence: c.sentence,
    family: k.family,
    noun: k.noun,
    event: k.event,
    bkey: blockKey(k),
    extra: JSON.stringify(extra),
  };
}

/** A claim as the rule engine wants it, from its row (id and docIndex are the caller's). */
export function rowToClaim(r: ClaimRow, documentId: string, docIndex: number): ClaimContext {
  const extra = JSON.parse(r.extra) as Record<string, unknown>;
  for (const k in extra) {
    const v = extra[k];
    if (v === 'Infinity' || v === '-Infinity' || v === 'NaN') extra[k] = Number(v);
  }
  const hasTime = r.time_start !== null || r.time_end !== null || r.time_text !== null;
  // the columns set on the parsed object itself, in this order: the same keys in the same order as
  // `{ ...extra, id, document, … }`, without a spread copy (which made every claim ~10× slower to build)
  const c = extra as unknown as ClaimContext;
  c.id = '';
  c.document = documentId;
  c.span = { start: r.span_start, end: r.span_end };
  c.line = r.line;
  c.column = r.col;
  c.text = r.text;
  c.value = r.value ?? NaN;
  c.low = r.low;
  c.high = r.high;
  c.qualifier = r.qualifier as ClaimContext['qualifier'];
  c.unit = r.unit;
  c.dimension = r.dimension;
  c.measure = r.measure ?? '';
  c.time = hasTime ? { start: r.time_start, end: r.time_end, text: r.time_text } : null;
  c.scope = r.scope;
  c.attribution = r.attribution;
  c.sentence = r.sentence;
  c.docIndex = docIndex;
  return c;
}

export interface DocRow {
  rowid: number;
  id: string;
  path: string;
  format: string;
  date: string | null;
  outlet: string | null;
  title: string | null;
  url: string | null;
  errors: string;
}

/** A Document for reports and the engine, without its text (the index never stores texts). */
export function rowToDocument(r: DocRow): Document {
  return {
    id: r.id,
    path: r.path,
    format: r.format as Document['format'],
    text: '',
    segments: [],
    map: { toOriginalStart: (i: number) => i, toOriginalEnd: (i: number) => i },
    date: r.date,
    outlet: r.outlet,
    title: r.title,
    url: r.url,
    errors: JSON.parse(r.errors) as DocError[],
  };
}
