/**
 * Blocks ("drafts") are what each format reader produces: one paragraph, heading, list item, cell ... of cleaned
 * text with its map. The same steps then run for every format: boilerplate lines out, repeated paragraphs out,
 * blocks joined into the document text.
 */
import type { CellRef, Segment } from '../types.js';
import { matchLine, normLine, type Boilerplate, type LinePattern } from './lexicon.js';
import { MapBuilder, pieceOrigEnd, RunMap, slicePiece, type Piece } from './offsets.js';

export type SegmentKind = Segment['kind'];

export interface Draft {
  kind: SegmentKind;
  piece: Piece;
  /** Plain text only: the blank-line-separated paragraph and the physical line (for joining wrapped lines). */
  para?: number;
  line?: number;
  /** A table cell's place in its table. */
  cell?: CellRef;
}

/** Separator between blocks in the cleaned text. */
export const BLOCK_SEPARATOR = '\n\n';

/** A block that reads like a headline or link title rather than a sentence of prose. */
export function headlineLike(text: string): boolean {
  if (text.length > 160) return false;
  const t = normLine(text);
  if (t.length === 0) return true;
  if (t.length > 150) return false;
  return !/[.:;,!]["')\]]?$/.test(t);
}

/**
 * Trim the whitespace HTML and Markdown keep as content (no-break, zero-width, ideographic spaces, BOM ...) off
 * the ends of each block, and drop blocks holding nothing else (the `<p>&nbsp;</p>` spacers of scraped pages).
 * Inside a block such characters stay ("5\u00a0000"). Plain text trims them already when it reads its lines.
 */
export function trimBlocks(drafts: Draft[]): Draft[] {
  let changed = false;
  const out: Draft[] = [];
  for (const d of drafts) {
    const t = d.piece.text;
    let a = 0;
    let b = t.length;
    while (a < b && isEdgeSpace(t.charCodeAt(a))) a++;
    while (b > a && isEdgeSpace(t.charCodeAt(b - 1))) b--;
    if (a === 0 && b === t.length) {
      out.push(d);
      continue;
    }
    changed = true;
    if (a < b) out.push({ ...d, piece: slicePiece(d.piece, a, b) });
  }
  return changed ? out : drafts;
}

/**
 * Drop boilerplate blocks according to the lexicon's line patterns and their actions. `cache`: the answers of
 * matchLine for one document (a caller that drops boilerplate again from the same blocks passes the same map).
 */
export function dropBoilerplate(drafts: Draft[], bp: Boilerplate, cache = new Map<string, LinePattern | null>()): Draft[] {
  if (drafts.length === 0) return drafts;
  let total = 0;
  for (const d of drafts) total += d.piece.text.length;
  const out: Draft[] = [];
  let seen = 0;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    // (a table's header row names its columns: "Share" there is no share button)
    const p = d.cell?.row === 0 ? null : matchLine(bp, d.piece.text, cache);
    if (!p) {
      out.push(d);
      seen += d.piece.text.length;
      continue;
    }
    seen += d.piece.text.length;
    if (p.action === 'next') {
      i += p.count;
    } else if (p.action === 'tail') {
      // a comment section near the end takes the rest; earlier (a comment count under the headline) only itself
      if (total > 0 && seen / total >= 1 - bp.tailFraction) return out;
    } else if (p.action === 'list') {
      while (i + 1 < drafts.length && headlineLike(drafts[i + 1]!.piece.text) && !matchLine(bp, drafts[i + 1]!.piece.text, cache)) {
        i++;
        seen += drafts[i]!.piece.text.length;
      }
    }
  }
  return out;
}

/** Lower-case of a UTF-16 unit (cached for the BMP); only used for single units that stay single. */
const LOWER = new Uint16Array(65536);
function lowerUnit(c: number): number {
  let l = LOWER[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    LOWER[c] = l;
  }
  return l;
}

function isWsUnit(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x200b || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** What plain text trims off a line's ends (src/ingest/text.ts isSpace): isWsUnit and NEL. */
function isEdgeSpace(c: number): boolean {
  return isWsUnit(c) || c === 0x85;
}

function foldUnit(c: number): number {
  if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b || c === 0x2032 || c === 0xb4) return 39; // '
  if ((c >= 0x201c && c <= 0x201f) || c === 0x2033 || c === 0xab || c === 0xbb) return 34; // "
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return 45; // -
  return lowerUnit(c);
}

/** How many leading chars of a block's comparison form go into its bucket hash. */
const PREFIX = 64;

// a module binding, not a global lookup per char (globals are slow inside vm contexts such as jest's)
const imul = Math.imul;

/**
 * The bucket of a block: a 32-bit hash of the first PREFIX chars of its comparison form (lower case, whitespace
 * runs → one space, trimmed, straight quotes and dashes), and whether the block is long enough to be compared
 * (minChars chars or minWords words). Reads at most a little more than PREFIX / minChars chars.
 */
function bucketOf(s: string, minChars: number, minWords: number): { hash: number; long: boolean } {
  let h = 0x811c9dc5;
  let len = 0;
  let words = 0;
  let pending = false;
  const need = minChars > PREFIX ? minChars : PREFIX;
  for (let i = 0; i < s.length && len < need; i++) {
    let c = s.charCodeAt(i);
    if (c > 32 && c < 127) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c === 96) c = 39;
    } else if (isWsUnit(c)) {
      if (len > 0) pending = true;
      continue;
    } else c = foldUnit(c);
    if (pending || len === 0) {
      words++;
      if (pending) {
        if (len < PREFIX) h = imul(h ^ 32, 16777619);
        len++;
        pending = false;
      }
    }
    if (len < PREFIX) h = imul(h ^ c, 16777619);
    len++;
  }
  return { hash: h >>> 0, long: len >= minChars || words >= minWords };
}

const NEEDS_FOLD = /[^\S ]|\u200b| {2}|^ | $|[`\u00ab\u00b4\u00bb\u2010-\u2015\u2018-\u201f\u2032\u2033\u2212]/;

/** The comparison form of a block (built only when two blocks share a bucket). */
export function dedupeKey(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/[\s\u200b]+/g, ' ')
    .trim()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

interface Bucket {
  first: Draft;
  /** Texts seen in the bucket as they are (most repeats are exact copies: no need to build their forms). */
  raws?: Set<string>;
  /** Comparison forms of the distinct blocks in the bucket, once a block that is not an exact copy arrives. */
  forms?: Set<string>;
}

/**
 * Remove repeated paragraphs: the first copy stays. Only blocks long enough to be content are compared
 * (minChars chars or minWords words); case, whitespace, quotes and dashes do not matter. One pass with a hash
 * map keyed by a hash of the block's start; blocks that share a bucket are compared by their full comparison form
 * (a set per bucket), so the result is exact and the cost linear.
 */
export function dedupeBlocks(drafts: Draft[], bp: Boilerplate): Draft[] {
  const buckets = new Map<number, Bucket>();
  const out: Draft[] = [];
  const { minChars, minWords } = bp.dedupe;
  for (const d of drafts) {
    const b = bucketOf(d.piece.text, minChars, minWords);
    if (!b.long) {
      out.push(d);
      continue;
    }
    const bucket = buckets.get(b.hash);
    if (!bucket) {
      buckets.set(b.hash, { first: d });
      out.push(d);
      continue;
    }
    const text = d.piece.text;
    if (!bucket.raws) bucket.raws = new Set([bucket.first.piece.text]);
    if (bucket.raws.has(text)) continue;
    bucket.raws.add(text);
    if (!bucket.forms) bucket.forms = new Set([dedupeKey(bucket.first.piece.text)]);
    const form = dedupeKey(text);
    if (bucket.forms.has(form)) continue;
    bucket.forms.add(form);
    out.push(d);
  }
  return out;
}

/** Join blocks into the document text: blocks separated by a blank line that maps to the end of the block before it. */
export function assemble(drafts: Draft[], origin: number): { text: string; segments: Segment[]; map: RunMap } {
  const b = new MapBuilder();
  const segments: Segment[] = [];
  let prevEnd = origin;
  for (const d of drafts) {
    const p = d.piece;
    if (p.text.length === 0) continue;
    if (segments.length > 0) b.synthetic(BLOCK_SEPARATOR, prevEnd);
    const start = b.length;
    b.appendPiece(p);
    segments.push(d.cell ? { start, end: b.length, kind: d.kind, cell: d.cell } : { start, end: b.length, kind: d.kind });
    prevEnd = pieceOrigEnd(p);
  }
  const { text, map } = b.finish(origin);
  return { text, segments, map };
}
