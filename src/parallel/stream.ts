/**
 * Streaming output for batches of any size: `extract -f jsonl` writes one line per document as soon as the
 * document (and every one before it) is extracted, and keeps nothing, so memory is bounded by the documents
 * in flight (a few chunks per thread), not by the batch. The lines are those `extract -f jsonl` prints
 * (src/cli/commands/extract.ts), byte for byte, with the same claim ids.
 *
 * `check -f jsonl` cannot stream the same way: figures are aligned across all documents, so every claim must be
 * known before the first finding. It reads the whole batch and writes one line per document at the end.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ingestPaths } from '../ingest/paths.js';
import { getLexicon, type Lexicon } from '../lexicon/index.js';
import { buildReport } from '../report/json.js';
import type { Document } from '../types.js';
import { UserError } from '../util/errors.js';
import { processOrdered, resolveJobs } from './pool.js';

export interface StreamArgs {
  date?: string;
  stdinFilename?: string;
  jobs?: number;
  outputFile?: string;
  forcePool?: boolean;
}

export interface StreamStats {
  documents: number;
  failed: number;
  claims: number;
}

/** Write `extract -f jsonl` lines for `paths` to the output file (or stdout) as they come. */
export async function streamExtractJsonl(
  paths: string[],
  args: StreamArgs,
  lex: Lexicon = getLexicon(),
  onDocument?: (doc: Document) => void,
): Promise<StreamStats> {
  const out: NodeJS.WritableStream | WriteStream = args.outputFile ? createWriteStream(args.outputFile) : process.stdout;
  if (args.outputFile) {
    try {
      await once(out as WriteStream, 'open');
    } catch (e) {
      throw new UserError(`cannot write ${args.outputFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const stats: StreamStats = { documents: 0, failed: 0, claims: 0 };
  let n = 0;
  const docs = ingestPaths(paths, { date: args.date, stdinFilename: args.stdinFilename });
  for await (const r of processOrdered(docs, { jobs: resolveJobs(args.jobs), lexicon: lex, forcePool: args.forcePool })) {
    for (const c of r.claims) c.id = `c${++n}`;
    onDocument?.(r.doc);
    stats.documents++;
    stats.claims += r.claims.length;
    if (r.doc.errors.length > 0 && !r.doc.text) stats.failed++;
    const line = JSON.stringify({ ...buildReport([r.doc], r.claims), version: 1 }) + '\n';
    if (!out.write(line)) await once(out, 'drain');
  }
  if (args.outputFile) {
    (out as WriteStream).end();
    await once(out as WriteStream, 'finish');
  }
  if (stats.documents === 0) throw new UserError('no documents to check');
  if (stats.failed === stats.documents) throw new UserError('nothing could be checked: every input failed (see the errors above)');
  return stats;
}
