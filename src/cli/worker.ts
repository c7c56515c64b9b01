/**
 * Worker thread entry for batches (--jobs N): extract and contextualise documents off the main thread.
 * Bundled to dist/worker.mjs and run by piscina (src/parallel/pool.ts). Each task is a chunk of documents in
 * wire form; the answer is their claims and errors, in the same order. Claim ids are not assigned here: the
 * main thread numbers claims once results are back in input order, so the output is the same as --jobs 1.
 */
import { workerData } from 'piscina';
import { lexiconFromWire, fromWire, type WireLexicon, type WireResult, type WireTask } from '../parallel/wire.js';
import { processDocument } from '../pipeline.js';

const lexicon = lexiconFromWire((workerData as { lexicon?: WireLexicon | null } | undefined)?.lexicon);

export default function run(task: WireTask): WireResult {
  const t0 = performance.now();
  const results: WireResult['results'] = [];
  for (const w of task.docs) {
    const doc = fromWire(w);
    const r = processDocument(doc, w.index, lexicon);
    results.push({ claims: r.claims, errors: doc.errors });
  }
  return { results, ms: performance.now() - t0 };
}
