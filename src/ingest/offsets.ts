/**
 * Offsets from cleaned text back into the file on disk, and line/column lookup.
 *
 * The map is a list of *runs*, each covering a stretch of cleaned text:
 *   - a linear run: cleaned chars [c, c+n) are the original chars [o, o+n), one for one;
 *   - a block run: cleaned chars [c, c+n) stand for the original span [o, o+m) as a whole (an HTML entity, a JSON
 *     escape, a collapsed run of whitespace, a separator inserted between blocks with m = 0).
 * Memory is O(runs), never O(chars); lookups are a binary search over run starts.
 */
import type { OffsetMap } from '../types.js';

/** A finished list of runs, in cleaned-text order. `cs` = cleaned start, `os` = original start, `ol` = original length, `lin` = 1 for linear. */
export interface Runs {
  cs: number[];
  os: number[];
  ol: number[];
  lin: number[];
  /** Cleaned length covered by the runs. */
  length: number;
}

export class RunMap implements OffsetMap {
  readonly runs: Runs;
  /** Original offset used for an empty map (no runs). */
  readonly origin: number;

  constructor(runs: Runs, origin = 0) {
    this.runs = runs;
    this.origin = origin;
  }

  static empty(origin = 0): RunMap {
    return new RunMap({ cs: [], os: [], ol: [], lin: [], length: 0 }, origin);
  }

  /** Index of the run containing cleaned offset i (0 <= i < length). */
  private find(i: number): number {
    const cs = this.runs.cs;
    let lo = 0;
    let hi = cs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (cs[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private runLength(r: number): number {
    const { cs, length } = this.runs;
    return (r + 1 < cs.length ? cs[r + 1]! : length) - cs[r]!;
  }

  toOriginalStart(i: number): number {
    const { cs, os, ol, lin, length } = this.runs;
    if (cs.length === 0) return this.origin;
    if (!(i > 0)) i = 0; // also NaN
    if (i >= length) {
      const last = cs.length - 1;
      return os[last]! + ol[last]!;
    }
    i = Math.floor(i);
    const r = this.find(i);
    return lin[r] ? os[r]! + (i - cs[r]!) : os[r]!;
  }

  toOriginalEnd(i: number): number {
    const { cs, os, ol, lin, length } = this.runs;
    if (cs.length === 0) return this.origin;
    if (!(i > 0)) return os[0]!;
    if (i > length) i = length;
    i = Math.ceil(i);
    const r = this.find(i - 1);
    return lin[r] ? os[r]! + (i - cs[r]!) : os[r]! + ol[r]!;
  }

  /** Number of runs (for tests and benchmarks). */
  get size(): number {
    return this.runs.cs.length;
  }

  /** Calls fn for each run: cleaned [cStart, cEnd) ↔ original [oStart, oEnd), linear or block. */
  forEachRun(fn: (cStart: number, cEnd: number, oStart: number, oEnd: number, linear: boolean) => void): void {
    const { cs, os, ol, lin } = this.runs;
    for (let r = 0; r < cs.length; r++) fn(cs[r]!, cs[r]! + this.runLength(r), os[r]!, os[r]! + ol[r]!, lin[r] === 1);
  }
}

/**
 * Builds cleaned text and its map together. Every append says where the appended text came from.
 */
export class MapBuilder {
  private readonly chunks: string[] = [];
  private readonly cs: number[] = [];
  private readonly os: number[] = [];
  private readonly ol: number[] = [];
  private readonly lin: number[] = [];
  /** Cleaned length so far. */
  length = 0;

  /** Append `text`, which is exactly the original text starting at `origStart` (a run of identical chars). */
  copy(text: string, origStart: number): void {
    const n = text.length;
    if (n === 0) return;
    this.chunks.push(text);
    this.pushRun(n, origStart, n, 1);
  }

  /** Append `text` (usually one char) that decodes the original span [origStart, origEnd): an entity, an escape, collapsed whitespace. */
  decoded(text: string, origStart: number, origEnd: number): void {
    const n = text.length;
    if (n === 0) return;
    this.chunks.push(text);
    const m = Math.max(0, origEnd - origStart);
    // One char for one char is the same thing as a copy: keep runs merged.
    this.pushRun(n, origStart, m, n === m && n === 1 ? 1 : 0);
  }

  /** Append text that has no original (a separator between blocks): it maps to the empty span at `origPos`. */
  synthetic(text: string, origPos: number): void {
    const n = text.length;
    if (n === 0) return;
    this.chunks.push(text);
    this.pushRun(n, origPos, 0, 0);
  }

  /** Append a finished piece (its runs are shifted to the current position). */
  appendPiece(p: Piece): void {
    if (p.text.length === 0) return;
    this.chunks.push(p.text);
    if (p.runs === null) {
      this.pushRun(p.text.length, p.orig, p.text.length, 1);
      return;
    }
    const { cs, os, ol, lin, length } = p.runs;
    for (let r = 0; r < cs.length; r++) {
      const n = (r + 1 < cs.length ? cs[r + 1]! : length) - cs[r]!;
      this.pushRun(n, os[r]!, ol[r]!, lin[r]!);
    }
  }

  private pushRun(n: number, o: number, m: number, linear: number): void {
    const k = this.cs.length;
    if (linear && k > 0 && this.lin[k - 1] === 1 && this.os[k - 1]! + this.ol[k - 1]! === o) {
      this.ol[k - 1]! += m;
    } else {
      this.cs.push(this.length);
      this.os.push(o);
      this.ol.push(m);
      this.lin.push(linear);
    }
    this.length += n;
  }

  /** The text built so far (joins the chunks). */
  text(): string {
    if (this.chunks.length > 1) {
      const all = this.chunks.join('');
      this.chunks.length = 0;
      this.chunks.push(all);
    }
    return this.chunks[0] ?? '';
  }

  runs(): Runs {
    return { cs: this.cs, os: this.os, ol: this.ol, lin: this.lin, length: this.length };
  }

  /** Finish as a piece (text plus runs), to be appended to another builder later. */
  piece(): Piece {
    const text = this.text();
    if (this.cs.length === 1 && this.lin[0] === 1) return { text, runs: null, orig: this.os[0]! };
    return { text, runs: this.runs(), orig: this.cs.length ? this.os[0]! : 0 };
  }

  finish(origin = 0): { text: string; map: RunMap } {
    return { text: this.text(), map: new RunMap(this.runs(), origin) };
  }
}

/** Cleaned text with its runs; `runs === null` means the whole text is one linear run starting at `orig`. */
export interface Piece {
  text: string;
  runs: Runs | null;
  orig: number;
}

export function simplePiece(text: string, orig: number): Piece {
  return { text, runs: null, orig };
}

/** Original offset where a piece starts. */
export function pieceOrigStart(p: Piece): number {
  return p.runs === null ? p.orig : (p.runs.os[0] ?? p.orig);
}

/** Original offset just after a piece's last char. */
export function pieceOrigEnd(p: Piece): number {
  if (p.runs === null) return p.orig + p.text.length;
  const k = p.runs.cs.length - 1;
  return k >= 0 ? p.runs.os[k]! + p.runs.ol[k]! : p.orig;
}

/** Sub-piece [from, to) of a piece, keeping its map. */
export function slicePiece(p: Piece, from: number, to: number): Piece {
  if (from <= 0 && to >= p.text.length) return p;
  const text = p.text.slice(from, to);
  if (p.runs === null) return { text, runs: null, orig: p.orig + from };
  const b = new MapBuilder();
  const { cs, os, ol, lin, length } = p.runs;
  for (let r = 0; r < cs.length; r++) {
    const a = cs[r]!;
    const e = r + 1 < cs.length ? cs[r + 1]! : length;
    const s = Math.max(a, from);
    const t = Math.min(e, to);
    if (s >= t) continue;
    const sub = p.text.slice(s, t);
    if (lin[r]) b.copy(sub, os[r]! + (s - a));
    else if (ol[r] === 0) b.synthetic(sub, os[r]!);
    else b.decoded(sub, os[r]!, os[r]! + ol[r]!);
  }
  return b.piece();
}

/**
 * Compose: `inner` maps cleaned → intermediate offsets, `base` maps intermediate → file offsets. Used for JSONL,
 * where the intermediate text is the decoded JSON string.
 */
export function composeMaps(inner: RunMap, base: RunMap, origin: number): RunMap {
  const out = { cs: [] as number[], os: [] as number[], ol: [] as number[], lin: [] as number[], length: inner.runs.length };
  const push = (c: number, o: number, m: number, linear: number) => {
    const k = out.cs.length;
    if (k > 0 && out.cs[k - 1] === c) {
      // zero-length cleaned run replaced (cannot happen with non-empty runs, kept for safety)
      out.os[k - 1] = o;
      out.ol[k - 1] = m;
      out.lin[k - 1] = linear;
      return;
    }
    if (linear && k > 0 && out.lin[k - 1] === 1 && out.os[k - 1]! + out.ol[k - 1]! === o) {
      out.ol[k - 1]! += m;
      return;
    }
    out.cs.push(c);
    out.os.push(o);
    out.ol.push(m);
    out.lin.push(linear);
  };
  const b = base.runs;
  inner.forEachRun((c0, c1, o0, o1, linear) => {
    if (!linear) {
      const s = base.toOriginalStart(o0);
      const e = o1 > o0 ? base.toOriginalEnd(o1) : s;
      push(c0, s, Math.max(0, e - s), 0);
      return;
    }
    // split the linear run [o0, o1) along the base runs
    let c = c0;
    let o = o0;
    if (b.cs.length === 0) {
      push(c0, origin, 0, 0);
      return;
    }
    let r = findRun(b, o);
    while (o < o1 && r < b.cs.length) {
      const rs = b.cs[r]!;
      const re = r + 1 < b.cs.length ? b.cs[r + 1]! : b.length;
      const t = Math.min(re, o1);
      if (t <= o) {
        r++;
        continue;
      }
      if (b.lin[r]) push(c, b.os[r]! + (o - rs), t - o, 1);
      else push(c, b.os[r]!, b.ol[r]!, 0);
      c += t - o;
      o = t;
      r++;
    }
    if (c < c1) push(c, base.toOriginalEnd(o1), 0, 0);
  });
  return new RunMap(out, origin);
}

function findRun(b: Runs, i: number): number {
  let lo = 0;
  let hi = b.cs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (b.cs[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------------------
// Line / column

/**
 * Start offsets of every line of a text. Line breaks are "\n", "\r\n" and a lone "\r" (as editors and Python's
 * universal newlines count them). Built once, queried by binary search.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(source: string) {
    const starts = [0];
    const hasCR = source.indexOf('\r') !== -1;
    if (!hasCR) {
      let i = source.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = source.indexOf('\n', i + 1);
      }
    } else {
      const re = /\r\n?|\n/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(source)) !== null) starts.push(m.index + m[0].length);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and UTF-16 column of `offset` (clamped to the text). */
  lineColumn(offset: number): { line: number; column: number } {
    const s = this.starts;
    if (!(offset > 0)) offset = 0;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo]! + 1 };
  }
}

let lastSource: string | null = null;
let lastIndex: LineIndex | null = null;

/**
 * 1-based `{line, column}` (UTF-16 columns) of `offset` in `source`. The line index of the most recent source is
 * kept, so repeated calls for one document build it once.
 */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  if (lastSource !== source || lastIndex === null) {
    lastIndex = new LineIndex(source);
    lastSource = source;
  }
  return lastIndex.lineColumn(offset);
}

const docIndexes = new WeakMap<object, LineIndex>();

/**
 * Line and column in the *file* of a file offset inside a document (handles JSONL lines through
 * `sourceOffset`/`sourceLine`). The line index is built once per document.
 */
export function fileLineColumn(
  doc: { source?: string; sourceOffset?: number; sourceLine?: number },
  fileOffset: number,
): { line: number; column: number } {
  const source = doc.source ?? '';
  let idx = docIndexes.get(doc);
  if (!idx) {
    idx = new LineIndex(source);
    docIndexes.set(doc, idx);
  }
  const { line, column } = idx.lineColumn(fileOffset - (doc.sourceOffset ?? 0));
  return { line: line + (doc.sourceLine ?? 1) - 1, column };
}
