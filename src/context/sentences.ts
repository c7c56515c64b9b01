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

/** Start offsets of the sentences in text[from, to) (the first is `from`). */
export function sentenceStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue; // . ! ? …
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
      if (ABBREV.has(word)) continue;
      if (w >= from && text[w] === '.' && word.length <= 2) continue; // "U.S." second part
    }
    starts.push(k);
    i = k - 1;
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
