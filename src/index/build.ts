/**
 * `numcheck index`: documents → claims (on all cores, like check) → rows of the claims index. Streaming: a
 * document's rows are written as soon as its claims are known and nothing is kept, so an archive of any size
 * is indexed in bounded memory. Incremental: a document indexed again (same id) has its rows replaced.
 */
import { claimKey, type Synonyms } from '../align/keys.js';
import { ingestPaths } from '../ingest/paths.js';
import type { Lexicon } from '../lexicon/index.js';
import { processOrdered } from '../parallel/pool.js';
import type { DocResult } from '../pipeline.js';
import type { Document } from '../types.js';
import { claimToRow, type DB } from './store.js';

export interface IndexOptions {
  date?: string;
  stdinFilename?: string;
  jobs?: number;
  lexicon: Lexicon;
  synonyms: Synonyms;
  /** Documents per transaction. */
  batch?: number;
  onDocument?: (doc: Document, claims: number) => void;
  /** Use the worker pool whatever the batch size (tests, benchmark). */
  forcePool?: boolean;
}

export interface IndexStats {
  documents: number;
  replaced: number;
  claims: number;
  errors: number;
  bytes: number;
}

/** Prepared statements for writing rows. */
export class IndexWriter {
  private readonly findDoc;
  private readonly delClaims;
  private readonly delDoc;
  private readonly insDoc;
  private readonly insClaim;
  readonly stats: IndexStats = { documents: 0, replaced: 0, claims: 0, errors: 0, bytes: 0 };

  constructor(private readonly db: DB, private readonly synonyms: Synonyms, private readonly lexicon: Lexicon) {
    this.findDoc = db.prepare(`SELECT rowid FROM documents WHERE id = ?`).pluck();
    this.delClaims = db.prepare(`DELETE FROM claims WHERE doc = ?`);
    this.delDoc = db.prepare(`DELETE FROM documents WHERE rowid = ?`);
    this.insDoc = db.prepare(
      `INSERT INTO documents (id, path, format, date, outlet, title, url, errors, indexed_at) VALUES (@id, @path, @format, @date, @outlet, @title, @url, @errors, @indexed_at)`,
    );
    this.insClaim = db.prepare(
      `INSERT INTO claims (doc, idx, span_start, span_end, line, col, text, value, low, high, qualifier, unit, dimension, measure, time_start, time_end, time_text, scope, attribution, sentence, family, noun, event, bkey, extra)
       VALUES (@doc, @idx, @span_start, @span_end, @line, @col, @text, @value, @low, @high, @qualifier, @unit, @dimension, @measure, @time_start, @time_end, @time_text, @scope, @attribution, @sentence, @family, @noun, @event, @bkey, @extra)`,
    );
  }

  /** Write one document and its claims (call inside a transaction). */
  write(r: DocResult): void {
    const d = r.doc;
    const old = this.findDoc.get(d.id) as number | undefined;
    if (old !== undefined) {
      this.delClaims.run(old);
      this.delDoc.run(old);
      this.stats.replaced++;
    }
    const info = this.insDoc.run({
      id: d.id,
      path: d.path,
      format: d.format,
      date: d.date,
      outlet: d.outlet,
      title: d.title,
      url: d.url ?? null,
      errors: JSON.stringify(d.errors),
      indexed_at: new Date().toISOString(),
    });
    const rowid = Number(info.lastInsertRowid);
    for (const c of r.claims) this.insClaim.run(claimToRow(c, rowid, claimKey(c, this.synonyms, this.lexicon)));
    this.stats.documents++;
    this.stats.claims += r.claims.length;
    this.stats.bytes += d.text.length;
    if (d.errors.length) this.stats.errors++;
  }
}

/** Index every document of `paths` into `db`. */
export async function indexPaths(db: DB, paths: string[], o: IndexOptions): Promise<IndexStats> {
  const w = new IndexWriter(db, o.synonyms, o.lexicon);
  const batchSize = o.batch ?? 500;
  let pending: DocResult[] = [];
  const flush = db.transaction((rs: DocResult[]) => {
    for (const r of rs) w.write(r);
  });
  const docs = ingestPaths(paths, { date: o.date, stdinFilename: o.stdinFilename });
  for await (const r of processOrdered(docs, { jobs: o.jobs, lexicon: o.lexicon, forcePool: o.forcePool })) {
    o.onDocument?.(r.doc, r.claims.length);
    pending.push(r);
    if (pending.length >= batchSize) {
      flush(pending);
      pending = [];
    }
  }
  if (pending.length) flush(pending);
  return w.stats;
}
