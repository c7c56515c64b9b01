/**
 * Sentence boundaries inside a block of text, by a single linear scan: a sentence ends at . ! ? (after any
 * closing quotes or brackets) followed by whitespace and a capital, digit or opening quote — except after
 * common abbreviations ("Mr.", "U.S.", "Feb.", "No.") and initials ("J. Smith").
 */
const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sr', 'jr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rep', 'sen', 'gov', 'pres',
  'rev', 'hon', 'inc', 'ltd', 'co', 'corp', 'plc', 'vs', 'etc', 'eg', 'ie', 'approx', 'est', 'no', 'nos', 'vol', 'fig', 'art', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'am', 'pm', 'mt', 'ft', 'ave', 'blvd', 'rd', 'hwy', 'mln', 'bn', 'pct', 'op', 'ed', 'cf', 'al',
]);

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** The characters a sentence can end with: . ! ? … (found by the regular-expression engine, faster than a loop over every character). */
const SENTENCE_MARK = /[.!?\u2026]/g;

/** Start offsets of the sentences in text[from, to) (the first is `from`). */
export function sentenceStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  // (the marks are looked for in the block only: a search of the whole text would run on past its end, for every block)
  const block = text.slice(from, to);
  SENTENCE_MARK.lastIndex = 0;
  for (let m = SENTENCE_MARK.exec(block); m !== null; m = SENTENCE_MARK.exec(block)) {
    const i = from + m.index;
    const c = text.charCodeAt(i);
    let j = i + 1;
    // closing quotes/brackets
    while (j < to && (text[j] === '"' || text[j] === "'" || text[j] === '\u201d' || text[j] === '\u2019' || text[j] === ')' || text[j] === ']')) j++;
    if (j >= to || !isSpaceCode(text.charCodeAt(j))) continue;
    let k = j;
    while (k < to && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= to) continue;
    const n = text.charCodeAt(k);
    const opener = n === 34 || n === 39 || n === 0x201c || n === 0x2018 || n === 40 || n === 0x2014;
    if (!(isUpper(n) || (n >= 48 && n <= 57) || opener)) continue;
    if (c === 46) {
      // the word before the period
      let w = i - 1;
      while (w >= from && isAlpha(text.charCodeAt(w))) w--;
      const word = text.slice(w + 1, i).toLowerCase();
      if (word.length === 1 && isUpper(text.charCodeAt(w + 1))) continue; // initials, "U.S."
      // ("€41bn. Net profit …", "at 5pm. Police …": glued to a number, a unit ends the sentence)
      if (ABBREV.has(word) && !(w >= from && text.charCodeAt(w) >= 48 && text.charCodeAt(w) <= 57)) continue;
      if (w >= from && text[w] === '.' && word.length <= 2) continue; // "U.S." second part
    }
    starts.push(k);
    SENTENCE_MARK.lastIndex = k - from;
  }
  return starts;
}

/** The sentence [start, end) containing offset `at`, given sentence starts of a block ending at `to`. */
export function sentenceAt(starts: number[], to: number, at: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  const s = starts[lo]!;
  const e = lo + 1 < starts.length ? starts[lo + 1]! : to;
  return [s, e];
}

/** Index of the sentence starting at `start` in `starts` (binary search), or -1. */
export function sentenceIndex(starts: number[], start: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = starts[mid]!;
    if (v === start) return mid;
    if (v < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A "sentence" longer than this (a scraped table flattened to one line, a run of figures with no full stop) is
 * cut into pieces of at most this many characters before context is read from it. Every claim's attribution,
 * time and scope are read from its sentence, so without a cap a figure-dense line of n characters costs n² (and
 * each claim would quote the whole line). Real sentences are far shorter (the longest in the seed articles and
 * examples is under 500 characters), so they are never cut.
 */
export const MAX_SENTENCE = 1000;

/**
 * Cut sentences longer than MAX_SENTENCE: each piece ends at the last whitespace in its second half (else at
 * the limit), never inside a figure (`spans`: sorted, non-overlapping [start, end) of the mentions) and never
 * between the two halves of a surrogate pair. Returns `starts` itself when nothing is cut.
 */
export function splitLongSentences(text: string, starts: number[], to: number, spans: Array<[number, number]> = []): number[] {
  let out: number[] | null = null;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const e = i + 1 < starts.length ? starts[i + 1]! : to;
    if (e - s <= MAX_SENTENCE) {
      out?.push(s);
      continue;
    }
    out ??= starts.slice(0, i);
    out.push(s);
    let p = s;
    while (e - p > MAX_SENTENCE) {
      const limit = p + MAX_SENTENCE;
      let cut = -1;
      for (let k = limit; k > p + (MAX_SENTENCE >> 1); k--) {
        if (isSpaceCode(text.charCodeAt(k - 1)) && !isSpaceCode(text.charCodeAt(k)) && !insideSpan(spans, k)) {
          cut = k;
          break;
        }
      }
      if (cut < 0) {
        cut = limit;
        const span = spanAt(spans, cut);
        if (span) cut = span[0] > p ? span[0] : span[1]; // the figure starts the next piece, or ends this one
        const c = text.charCodeAt(cut);
        if (c >= 0xdc00 && c <= 0xdfff && cut > p + 1) cut--;
      }
      if (cut <= p || cut >= e) break;
      out.push(cut);
      p = cut;
    }
  }
  return out ?? starts;
}

/** The span with start < at < end, if any (binary search over sorted, non-overlapping spans). */
function spanAt(spans: Array<[number, number]>, at: number): [number, number] | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = spans[mid]!;
    if (b <= at) lo = mid + 1;
    else if (a >= at) hi = mid - 1;
    else return spans[mid]!;
  }
  return null;
}

function insideSpan(spans: Array<[number, number]>, at: number): boolean {
  return spanAt(spans, at) !== null;
}
