/**
 * Plain text: one block per line, except that hard-wrapped lines of one paragraph are joined again (a line that
 * does not end a sentence, followed by one that starts in lower case, is the same paragraph).
 */
import { headlineLike, type Draft } from './blocks.js';
import { isDateLine } from './dates.js';
import type { Boilerplate } from './lexicon.js';
import { MapBuilder, pieceOrigEnd, pieceOrigStart, simplePiece } from './offsets.js';

function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || c === 0x200b ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0x1680 || c === 0x85 ||
    c === 0x2028 || c === 0x2029
  );
}

export interface Line {
  /** Content bounds, whitespace trimmed. */
  start: number;
  end: number;
  /** 1-based physical line. */
  line: number;
  para: number;
}

/**
 * Calls `fn` for each non-blank line of `src[from, to)` (line breaks: \n, \r\n, \r) with trimmed bounds; blank lines
 * advance the paragraph counter.
 */
export function forEachLine(src: string, from: number, to: number, fn: (l: Line) => void, firstLine = 1): void {
  const hasCR = src.indexOf('\r', from) !== -1;
  let pos = from;
  let lineNo = firstLine;
  let para = 0;
  let lastWasBlank = true;
  let nn = -1;
  let nr = -1;
  while (pos <= to) {
    let eol: number;
    let next: number;
    if (!hasCR) {
      eol = src.indexOf('\n', pos);
      if (eol === -1 || eol >= to) {
        eol = to;
        next = to + 1;
      } else next = eol + 1;
    } else {
      // next \n and \r at or after pos, each searched again only once passed (linear overall)
      if (nn < pos) {
        nn = src.indexOf('\n', pos);
        if (nn === -1 || nn > to) nn = to;
      }
      if (nr < pos) {
        nr = src.indexOf('\r', pos);
        if (nr === -1 || nr > to) nr = to;
      }
      eol = Math.min(nn, nr);
      if (eol === to) next = to + 1;
      else if (src.charCodeAt(eol) === 13 && src.charCodeAt(eol + 1) === 10 && eol + 1 < to) next = eol + 2;
      else next = eol + 1;
    }
    let a = pos;
    let b = eol;
    while (a < b && isSpace(src.charCodeAt(a))) a++;
    while (b > a && isSpace(src.charCodeAt(b - 1))) b--;
    if (a === b) {
      if (!lastWasBlank) para++;
      lastWasBlank = true;
    } else {
      fn({ start: a, end: b, line: lineNo, para });
      lastWasBlank = false;
    }
    lineNo++;
    pos = next;
  }
}

/**
 * A leading metadata header ("date 2022-10-14 ") at the start of `text`: its date and how many chars it takes
 * (a header repeated back to back goes as a whole, so cleaning stays idempotent).
 */
export function headerPrefix(text: string, bp: Boilerplate): { date: string; length: number } | null {
  if (bp.headerLine.length === 0) return null;
  let date: string | null = null;
  let at = 0;
  for (let k = 0; k < 4; k++) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    const head = text.slice(at, at + 200);
    let len = -1;
    for (const re of bp.headerLine) {
      const m = re.exec(head);
      if (m && m.index === 0 && m[1]) {
        date = date ?? m[1];
        len = m[0].length;
        break;
      }
    }
    if (len <= 0) break;
    at += len;
  }
  if (date === null) return null;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return { date, length: at };
}

/** Split plain text into line blocks. */
export function textLines(src: string, from = 0, to = src.length): Draft[] {
  const drafts: Draft[] = [];
  forEachLine(src, from, to, (l) => {
    drafts.push({ kind: 'paragraph', piece: simplePiece(src.slice(l.start, l.end), l.start), para: l.para, line: l.line });
  });
  return drafts;
}

const DATE_LINE = /^(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})(?:\s|$)/;
const SENTENCE_END = /[.!?…:;"”’»)\]]$/;
const STARTS_LOWER = /^[\p{Ll}]/u;
const STARTS_NUMBERISH = /^[\d$€£¥(%]/;

// a line ending in one of these words continues on the next line ("... about\n1,300 homes")
const ENDS_MID_PHRASE = /(?:^|[\s,])(?:about|than|of|the|to|and|or|by|for|from|at|in|on|with|nearly|almost|around|least|over|under|only|just|some|were|was|had|has|have|is|are|be|been|a|an|its|their|his|her|up|down|[$€£¥])$/i;

/** Is the break between these two lines a wrap inside one paragraph? */
function isSoftWrap(prev: string, next: string): boolean {
  if (SENTENCE_END.test(prev)) return false;
  // a date line ("13/03/2025", "March 6, 2025 / 10:55 AM", "20 October 2024") under a headline is a line of its own
  if (DATE_LINE.test(next) || isDateLine(next)) return false;
  if (STARTS_LOWER.test(next)) return true;
  return STARTS_NUMBERISH.test(next) && (prev.length >= 40 || ENDS_MID_PHRASE.test(prev));
}

/**
 * Join wrapped lines of a paragraph (after boilerplate lines are gone); the line break becomes one space mapped to
 * the original break. Blocks that look like headlines become 'heading'.
 */
export function joinWrappedLines(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  let i = 0;
  while (i < drafts.length) {
    const d = drafts[i]!;
    let j = i + 1;
    while (
      j < drafts.length &&
      drafts[j]!.para === drafts[j - 1]!.para &&
      drafts[j]!.line === drafts[j - 1]!.line! + 1 &&
      isSoftWrap(drafts[j - 1]!.piece.text, drafts[j]!.piece.text)
    )
      j++;
    if (j === i + 1) {
      out.push({ kind: looksLikeHeading(d.piece.text) ? 'heading' : 'paragraph', piece: d.piece, para: d.para, line: d.line });
    } else {
      const b = new MapBuilder();
      for (let k = i; k < j; k++) {
        const p = drafts[k]!.piece;
        if (k > i) {
          const prev = drafts[k - 1]!.piece;
          b.decoded(' ', pieceOrigEnd(prev), pieceOrigStart(p));
        }
        b.appendPiece(p);
      }
      out.push({ kind: 'paragraph', piece: b.piece(), para: d.para, line: d.line });
    }
    i = j;
  }
  return out;
}

/** A short line without closing punctuation that starts with a capital or a digit: a title or subheading. */
function looksLikeHeading(text: string): boolean {
  if (text.length > 120 || !headlineLike(text)) return false;
  if (/[?]$/.test(text) && text.length > 80) return false;
  if (!/^[\p{Lu}\d“"‘'«]/u.test(text)) return false;
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  return words <= 16;
}
