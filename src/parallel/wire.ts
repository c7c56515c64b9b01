/**
 * What crosses the thread boundary between the main thread and the extraction workers, and how it is rebuilt.
 *
 * Main thread → worker: documents as plain data (`WireDoc`: the cleaned text, its blocks, the run arrays of the
 * offset map, the source for line/column), in chunks. Worker → main thread: each document's claims (plain
 * objects) and its errors. `Document.map` is a class instance (RunMap): its runs travel, the class is rebuilt.
 *
 * The lexicon: the built-in one is rebuilt by each worker from rules/lexicon (nothing to send); a lexicon
 * extended by user files travels once per worker (workerData), with its PhraseIndex fields re-attached to
 * their class on arrival.
 */
import type { ClaimContext } from '../context/index.js';
import { RunMap, type Runs } from '../ingest/offsets.js';
import { getLexicon, PhraseIndex, type Lexicon } from '../lexicon/index.js';
import type { DocError, Document } from '../types.js';

export interface WireDoc {
  /** Index of the document in the run (input order): claims carry it as docIndex. */
  index: number;
  id: string;
  path: string;
  format: Document['format'];
  text: string;
  segments: Document['segments'];
  runs: Runs | null;
  origin: number;
  source?: string;
  sourceOffset?: number;
  sourceLine?: number;
  date: string | null;
}

export interface WireTask {
  docs: WireDoc[];
}

export interface WireResult {
  /** One entry per document of the task, in the same order. */
  results: Array<{ claims: ClaimContext[]; errors: DocError[] }>;
  /** Milliseconds the worker spent on the task (for the benchmark). */
  ms: number;
}

/** The wire form of a document (no copy of its strings is made here; postMessage clones them). */
export function toWire(doc: Document, index: number): WireDoc {
  const map = doc.map as unknown;
  let runs: Runs | null = null;
  let origin = 0;
  if (map instanceof RunMap) {
    runs = map.runs;
    origin = (map as unknown as { origin: number }).origin;
  }
  const w: WireDoc = { index, id: doc.id, path: doc.path, format: doc.format, text: doc.text, segments: doc.segments, runs, origin, date: doc.date };
  if (doc.source !== undefined) w.source = doc.source;
  if (doc.sourceOffset !== undefined) w.sourceOffset = doc.sourceOffset;
  if (doc.sourceLine !== undefined) w.sourceLine = doc.sourceLine;
  return w;
}

/** A Document good for extraction (metadata the extractor does not read is left empty). */
export function fromWire(w: WireDoc): Document {
  const doc: Document = {
    id: w.id,
    path: w.path,
    format: w.format,
    text: w.text,
    segments: w.segments,
    map: w.runs ? new RunMap(w.runs, w.origin) : RunMap.empty(w.origin),
    date: w.date,
    outlet: null,
    title: null,
    errors: [],
  };
  if (w.source !== undefined) doc.source = w.source;
  if (w.sourceOffset !== undefined) doc.sourceOffset = w.sourceOffset;
  if (w.sourceLine !== undefined) doc.sourceLine = w.sourceLine;
  return doc;
}

/** The lexicon as workerData: null for the built-in one, else a structured-cloneable copy. */
export interface WireLexicon {
  data: Lexicon;
  /** Top-level fields that hold a PhraseIndex. */
  phraseIndexes: string[];
}

export function lexiconToWire(lex: Lexicon): WireLexicon | null {
  if (lex === getLexicon()) return null;
  const phraseIndexes = Object.entries(lex)
    .filter(([, v]) => v instanceof PhraseIndex)
    .map(([k]) => k);
  return { data: lex, phraseIndexes };
}

export function lexiconFromWire(w: WireLexicon | null | undefined): Lexicon {
  if (!w) return getLexicon();
  const lex = w.data as unknown as Record<string, object>;
  for (const k of w.phraseIndexes) Object.setPrototypeOf(lex[k]!, PhraseIndex.prototype);
  return w.data;
}
