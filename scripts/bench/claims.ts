/**
 * Generated claims for the alignment and index benchmarks: real claims extracted once from the generated
 * clusters (a pool, cached in .bench/claim-pool.json), replicated with other documents, dates shifted and values
 * jittered until there are as many as asked for. The keys (what is counted, events, units) are therefore those
 * real articles produce, and the blocks grow the way they would over a larger archive.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimContext } from '../../src/context/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { processDocument } from '../../src/pipeline.js';
import type { Document } from '../../src/types.js';
import { BENCH_DIR, rng } from './corpus.js';

export interface Pool {
  docs: Array<{ id: string; date: string | null; outlet: string | null; title: string | null }>;
  claims: ClaimContext[];
}

/** Extract the first `bytes` of the cluster articles once; reuse the cached pool afterwards. */
export function claimPool(clusterDir: string, bytes = 3e6): Pool {
  const file = join(BENCH_DIR, `claim-pool-${Math.round(bytes / 1e6)}mb.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Pool;
  const files = readdirSync(clusterDir).filter((f) => f.endsWith('.md')).sort();
  const pool: Pool = { docs: [], claims: [] };
  let n = 0;
  for (const f of files) {
    if (n >= bytes) break;
    const text = readFileSync(join(clusterDir, f), 'utf8');
    n += Buffer.byteLength(text);
    const doc = ingestText(text, { id: f, path: f });
    const r = processDocument(doc, pool.docs.length);
    pool.docs.push({ id: doc.id, date: doc.date, outlet: doc.outlet, title: doc.title });
    for (const c of r.claims) {
      c.sentence = (' ' + c.sentence).slice(1);
      pool.claims.push(c);
    }
  }
  writeFileSync(file, JSON.stringify(pool));
  return pool;
}

function shiftIso(s: string | null, days: number): string | null {
  if (!s) return s;
  return new Date(Date.parse(`${s}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** `count` claims: the pool replicated (copy r: documents "<id>~r", dates + 41·r days mod ~10 years, values ×0.9–1.1). */
export function replicate(pool: Pool, count: number): { claims: ClaimContext[]; documents: Document[] } {
  const r = rng(5);
  const claims: ClaimContext[] = [];
  const documents: Document[] = [];
  const D = pool.docs.length;
  for (let rep = 0; claims.length < count; rep++) {
    const shift = (rep * 41) % 3650;
    for (let d = 0; d < D; d++) {
      const src = pool.docs[d]!;
      documents.push({ id: `${src.id}~${rep}`, path: `${src.id}~${rep}`, format: 'markdown', text: '', segments: [], map: { toOriginalStart: (i) => i, toOriginalEnd: (i) => i }, date: shiftIso(src.date, shift), outlet: src.outlet, title: src.title, errors: [] });
    }
    for (const c of pool.claims) {
      if (claims.length >= count) break;
      const j = rep === 0 ? 1 : 0.9 + r() * 0.2;
      const copy: ClaimContext = {
        ...c,
        id: `c${claims.length + 1}`,
        document: `${c.document}~${rep}`,
        docIndex: rep * D + c.docIndex,
        value: c.value * j,
        low: c.low === null ? null : c.low * j,
        high: c.high === null ? null : c.high * j,
        time: c.time ? { ...c.time, start: shiftIso(c.time.start, shift), end: shiftIso(c.time.end, shift) } : null,
      };
      claims.push(copy);
    }
  }
  // documents that hold no claim are dropped (keeps the list as long as it needs to be)
  const used = new Set(claims.map((c) => c.document));
  return { claims, documents: documents.filter((d) => used.has(d.id)) };
}
