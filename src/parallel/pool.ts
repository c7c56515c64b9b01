/**
 * Documents → DocResults on all cores, in input order.
 *
 * The main thread reads and cleans the inputs (ingest is I/O and a small share of the work); worker threads
 * (piscina, dist/worker.mjs) extract and contextualise. Documents travel in chunks of about CHUNK_BYTES of
 * text, so a message carries many documents; at most a few chunks per thread are in flight, so memory stays
 * bounded whatever the size of the batch (a JSONL stream of any length). Results come back out of order and
 * are released in input order; claim ids are assigned afterwards (numberClaims), so the output is the same,
 * byte for byte, as with --jobs 1.
 *
 * Small batches stay in-process: a worker costs its start-up (loading the bundle and the lexicon, ~0.3 s),
 * which only pays off from a few hundred KB of text on. The first documents are held until the batch is
 * known to be large enough (MIN_DOCS documents and MIN_BYTES of text); if the input ends first they are
 * processed here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLexicon, type Lexicon } from '../lexicon/index.js';
import { RunMap } from '../ingest/offsets.js';
import { processDocument, type DocResult } from '../pipeline.js';
import type { Document } from '../types.js';
import { UserError } from '../util/errors.js';
import { tuneJit } from '../util/jit.js';
import { packageRoot } from '../util/paths.js';
import { lexiconToWire, toWire, type WireDoc, type WireResult, type WireTask } from './wire.js';

/** Below either of these the batch stays in-process. */
export const MIN_DOCS = 8;
export const MIN_BYTES = 256 * 1024;
/** Text per task: large enough to amortise a message, small enough to balance the threads at the end. */
export const CHUNK_BYTES = 128 * 1024;
export const CHUNK_DOCS = 256;
/** Chunks in flight per thread (bounded memory, threads never idle waiting for the main thread). */
const INFLIGHT_PER_THREAD = 3;

export interface ParallelOptions {
  /** Threads; 1 = in-process, no pool. Default: the number of cores. */
  jobs?: number;
  lexicon?: Lexicon;
  /** Use the pool whatever the batch size (tests; NUMCHECK_FORCE_POOL=1 does the same). */
  forcePool?: boolean;
  /** Called once, when the pool is started or the run settles in-process. */
  onMode?: (mode: { pool: boolean; threads: number; why: string }) => void;
}

/** `--jobs`: a positive integer, default the number of cores. */
export function resolveJobs(jobs: number | undefined): number {
  if (jobs === undefined || jobs === null) return Math.max(1, availableParallelism());
  if (!Number.isInteger(jobs) || jobs < 1) throw new UserError(`--jobs must be a whole number of threads, 1 or more (not ${jobs})`);
  return jobs;
}

/**
 * The worker bundle beside the running bundle (dist/worker.mjs, from dist/ or dist/chunks/), else the package's
 * dist/worker.mjs; null when it is not built (running from the TypeScript sources without `npm run build`).
 * NUMCHECK_WORKER names another file.
 */
export function workerFile(): string | null {
  const env = process.env.NUMCHECK_WORKER;
  if (env) return existsSync(env) ? env : null;
  for (const rel of ['./worker.mjs', '../worker.mjs']) {
    try {
      const f = fileURLToPath(new URL(rel, import.meta.url));
      if (existsSync(f)) return f;
    } catch {
      /* not a file: URL */
    }
  }
  const f = join(packageRoot(), 'dist', 'worker.mjs');
  return existsSync(f) ? f : null;
}

/** A document can be shipped when its offset map is the run map ingest builds (anything else stays here). */
function shippable(doc: Document): boolean {
  return doc.map instanceof RunMap;
}

interface Pending {
  docs: Document[];
  /** Results computed here (documents that cannot be shipped), by position in `docs`. */
  promise: Promise<DocResult[]>;
}

/**
 * Extract and contextualise every document of `docs`, yielding results in input order (claims without ids).
 * docIndex = position in the input.
 */
export async function* processOrdered(docs: AsyncIterable<Document> | Iterable<Document>, opts: ParallelOptions = {}): AsyncGenerator<DocResult> {
  const lex = opts.lexicon ?? getLexicon();
  const jobs = resolveJobs(opts.jobs);
  const force = opts.forcePool || process.env.NUMCHECK_FORCE_POOL === '1';
  let index = 0;
  const it = (Symbol.asyncIterator in docs ? (docs as AsyncIterable<Document>)[Symbol.asyncIterator]() : toAsync(docs as Iterable<Document>));

  if (jobs <= 1) {
    opts.onMode?.({ pool: false, threads: 1, why: '--jobs 1' });
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield processDocument(n.value, index++, lex);
    }
  }

  // hold the first documents until the batch is large enough for the pool
  const held: Document[] = [];
  let heldBytes = 0;
  let ended = false;
  while (!force && (held.length < MIN_DOCS || heldBytes < MIN_BYTES)) {
    const n = await it.next();
    if (n.done) {
      ended = true;
      break;
    }
    held.push(n.value);
    heldBytes += n.value.text.length;
  }
  const file = ended ? null : workerFile();
  if (ended || !file) {
    opts.onMode?.({ pool: false, threads: 1, why: ended ? 'small batch' : 'worker bundle not built' });
    for (const d of held) yield processDocument(d, index++, lex);
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield processDocument(n.value, index++, lex);
    }
  }

  // every worker tiers the extractor up on its own: with V8's default budget the re-optimisations of each one take
  // a core's worth of compiler threads (see util/jit.ts)
  tuneJit();
  const { Piscina } = await import('piscina');
  const pool = new Piscina<WireTask, WireResult>({
    filename: file,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 1000,
    workerData: { lexicon: lexiconToWire(lex) },
  });
  opts.onMode?.({ pool: true, threads: jobs, why: force ? 'forced' : 'large batch' });
  const queue: Pending[] = [];
  let warned = false;
  const maxInflight = jobs * INFLIGHT_PER_THREAD;
  let chunk: Document[] = [];
  let chunkIdx: number[] = [];
  let chunkBytes = 0;

  const submit = (): void => {
    if (!chunk.length) return;
    const docsOf = chunk;
    const idxOf = chunkIdx;
    chunk = [];
    chunkIdx = [];
    chunkBytes = 0;
    const ship: WireDoc[] = [];
    for (let k = 0; k < docsOf.length; k++) if (docsOf[k]!.text && shippable(docsOf[k]!)) ship.push(toWire(docsOf[k]!, idxOf[k]!));
    const run = ship.length ? pool.run({ docs: ship }) : Promise.resolve<WireResult>({ results: [], ms: 0 });
    const local = (): DocResult[] => docsOf.map((d, k) => processDocument(d, idxOf[k]!, lex));
    const promise = run.then((res) => {
      const out: DocResult[] = [];
      let r = 0;
      for (let k = 0; k < docsOf.length; k++) {
        const d = docsOf[k]!;
        if (d.text && shippable(d)) {
          const got = res.results[r++]!;
          for (const e of got.errors) if (!d.errors.some((x) => x.code === e.code && x.message === e.message)) d.errors.push(e);
          out.push({ doc: d, claims: got.claims });
        } else out.push(processDocument(d, idxOf[k]!, lex));
      }
      return out;
    }, (e: unknown) => {
      // a worker that fails (a stale or broken dist/worker.mjs, out of memory) costs speed, never results
      if (!warned) {
        warned = true;
        opts.onMode?.({ pool: false, threads: 1, why: `a worker failed (${(e as Error)?.message ?? e}); continuing in-process` });
      }
      return local();
    });
    queue.push({ docs: docsOf, promise });
  };
  const add = (d: Document): void => {
    chunk.push(d);
    chunkIdx.push(index++);
    chunkBytes += d.text.length;
    if (chunkBytes >= CHUNK_BYTES || chunk.length >= CHUNK_DOCS) submit();
  };

  try {
    for (const d of held) add(d);
    held.length = 0;
    for (;;) {
      while (queue.length >= maxInflight) yield* await queue.shift()!.promise;
      const n = await it.next();
      if (n.done) break;
      add(n.value);
    }
    submit();
    while (queue.length) yield* await queue.shift()!.promise;
  } finally {
    await pool.destroy();
  }
}

async function* toAsync<T>(xs: Iterable<T>): AsyncGenerator<T> {
  yield* xs;
}
