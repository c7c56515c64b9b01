/**
 * Calendar dates and clock times are not figures. chrono-node finds their spans, but chrono over all the text
 * would cost more than the rest of extraction together, so it runs only on short windows around a cue a date
 * can have: a month name next to a number, a digit date (10/14/2022, 2022-10-14) or a clock time (3:45, 3 p.m.).
 * Relative expressions chrono also recognises ("in two weeks", "15 months ago") are durations, i.e. figures,
 * so only results that name a month or a clock time are kept.
 */
import { parseDates } from './chrono.js';
import { asciiLowerHash, asciiLowerHashOf, T_NUM, T_PUNCT, T_WORD, tokLower, tokText, type Tokens } from './tokens.js';

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
// words that are also ordinary words in lower case: only count when capitalised
const CAP_ONLY = new Set(['may', 'march', 'jan', 'mar', 'dec', 'sep', 'oct', 'nov', 'aug', 'jun', 'jul', 'feb', 'apr', 'sept']);

/** First letters of the month names (lower case), by ASCII code. */
const MONTH_FIRST = new Uint8Array(128);
for (const m of MONTHS) MONTH_FIRST[m.charCodeAt(0)] = 1;

const MONTH_HASHES = new Set([...MONTHS].map(asciiLowerHashOf));

export function isMonthToken(t: Tokens, i: number): boolean {
  if (t.kind[i] !== T_WORD) return false;
  // (cheap tests first: a month name has 3 to 9 letters and starts with an ASCII letter one of them starts with)
  const len = t.end[i]! - t.start[i]!;
  if (len < 3 || len > 9) return false;
  const c0 = t.text.charCodeAt(t.start[i]!);
  if (c0 >= 128 || !MONTH_FIRST[c0 | 32]) return false;
  // (an all-ASCII word that hashes like no month is ruled out before its lower case is made)
  const h = asciiLowerHash(t, i);
  if (h >= 0 && !MONTH_HASHES.has(h)) return false;
  const w = tokLower(t, i);
  if (!MONTHS.has(w)) return false;
  if (CAP_ONLY.has(w)) {
    const c = t.text.charCodeAt(t.start[i]!);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

const CLOCK_WORDS = new Set(['am', 'pm', 'gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'pdt', 'cst', 'cdt', 'msk', 'ist', 'jst', 'hrs', 'hours', 'noon', 'midnight']);

/** "2.1 pm", "2.123 am": a decimal whose fraction is not two digits of minutes comes before token i (a length, not a time). */
function oddDecimalBefore(t: Tokens, i: number): boolean {
  if (i < 3 || t.kind[i - 3] !== T_NUM || tokText(t, i - 2) !== '.' || t.gap[i - 2] !== 0 || t.gap[i - 1] !== 0) return false;
  return t.end[i - 1]! - t.start[i - 1]! !== 2;
}

export interface Span {
  start: number;
  end: number;
}

/** Longest stretch of text handed to chrono-node at once (characters). */
const MAX_WINDOW = 2000;

const cache = new Map<string, Array<[number, number]>>();

function chronoSpans(s: string): Array<[number, number]> {
  const hit = cache.get(s);
  if (hit) return hit;
  let out: Array<[number, number]> = [];
  try {
    const ref = new Date(Date.UTC(2000, 0, 1));
    // ("up to 24:00 on 16 July": chrono reads no hour 24; the end of a day is a clock time all the same)
    const text = s.includes('24:00') ? s.replace(/\b24:00\b/g, '23:59') : s;
    out = parseDates(text, ref).map((r) => [r.index, r.index + r.text.length] as [number, number]);
  } catch {
    out = [];
  }
  if (cache.size > 5000) cache.clear();
  cache.set(s, out);
  return out;
}

const MONTH_IN = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|january|february|april|june|july|august|september|october|november|december)\b/;
const CLOCK_IN = /\d:\d\d|\d\s?(?:[ap]\.?m\b\.?)|\d\s?(?:GMT|UTC)|noon|midnight/i;
const YEAR_THEN_HOUR = /\d{4}(\s+\d{1,2})$/;
const DIGIT_DATE_IN = /\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;

/**
 * Date and time spans in tokens t (text offsets), found with chrono-node around cues. Results are sorted.
 * (everyToken: look for cues at every token, the reference the tests compare the shortcut below with.)
 */
export function findDateSpans(t: Tokens, everyToken = false): Span[] {
  const windows: Span[] = [];
  const text = t.text;
  if (everyToken) {
    for (let i = 0; i < t.n; i++) cueWindow(t, text, i, windows);
    return spansIn(text, windows);
  }
  // Every cue below has a number token within three tokens of it (a month name: within three either side; a clock
  // word, "a.m." or a separator: right after or around one), so only the tokens within three of a number are looked
  // at, each once and in order, as a loop over all tokens would: the same windows (most tokens of prose are far from
  // any number).
  let next = 0;
  for (let k = 0; k < t.n; k++) {
    if (t.kind[k] !== T_NUM) continue;
    const hi = Math.min(t.n - 1, k + 3);
    for (let i = Math.max(next, k - 3); i <= hi; i++) cueWindow(t, text, i, windows);
    if (hi + 1 > next) next = hi + 1;
  }
  return spansIn(text, windows);
}

/** When token i is a date cue, adds or extends the window of text around it that chrono-node reads. */
function cueWindow(t: Tokens, text: string, i: number, windows: Span[]): void {
  let cue = false;
  const k = t.kind[i];
  if (k === T_WORD) {
    if (isMonthToken(t, i)) {
      // a number within two tokens either side
      for (let d = -3; d <= 3 && !cue; d++) if (d !== 0 && i + d >= 0 && i + d < t.n && t.kind[i + d] === T_NUM) cue = true;
    } else if (i > 0 && t.kind[i - 1] === T_NUM && CLOCK_WORDS.has(tokLower(t, i)) && !oddDecimalBefore(t, i)) cue = true;
    else if (i > 0 && t.kind[i - 1] === T_NUM && (tokLower(t, i) === 'a' || tokLower(t, i) === 'p') && i + 2 < t.n && tokText(t, i + 1) === '.' && tokLower(t, i + 2) === 'm') cue = true;
  } else if (k === T_PUNCT && i > 0 && i + 1 < t.n && t.kind[i - 1] === T_NUM && t.kind[i + 1] === T_NUM && t.gap[i] === 0 && t.gap[i + 1] === 0) {
    const ch = text[t.start[i]!];
    if (ch === ':') cue = true;
    else if ((ch === '/' || ch === '-' || ch === '.') && i + 3 < t.n && tokText(t, i + 2) === ch && t.kind[i + 3] === T_NUM && t.gap[i + 2] === 0 && t.gap[i + 3] === 0) cue = true;
  }
  if (!cue) return;
  const a = Math.max(0, i - 5);
  const b = Math.min(t.n - 1, i + 6);
  const ws = t.start[a]!;
  const we = t.end[b]!;
  const last = windows[windows.length - 1];
  // overlapping windows merge, up to a bounded length (chrono's cost on one huge window is not linear)
  if (last && ws <= last.end && we - last.start <= MAX_WINDOW) last.end = Math.max(last.end, we);
  else windows.push({ start: ws, end: we });
}

/** The date and time spans chrono-node finds in the windows, sorted. */
function spansIn(text: string, windows: Span[]): Span[] {
  const spans: Span[] = [];
  for (const w of windows) {
    const s = text.slice(w.start, w.end);
    // (an index loop: the cached and the fresh answers are arrays of different shapes, which a for-of over them
    // made the optimised code give up on)
    const found = chronoSpans(s);
    for (let k = 0; k < found.length; k++) {
      const a = found[k]![0];
      let b = found[k]![1];
      // ("14 October 2023 18,500": chrono reads a bare number after a year as an hour; with no clock mark it is a figure)
      const hour = YEAR_THEN_HOUR.exec(s.slice(a, b));
      if (hour) b -= hour[1]!.length;
      const piece = s.slice(a, b);
      if (MONTH_IN.test(piece) || CLOCK_IN.test(piece) || DIGIT_DATE_IN.test(piece)) spans.push({ start: w.start + a, end: w.start + b });
    }
  }
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  return spans;
}

/** Binary search: does [s, e) overlap any span? */
export function overlapsAny(spans: Span[], s: number, e: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const sp = spans[mid]!;
    if (sp.end <= s) lo = mid + 1;
    else if (sp.start >= e) hi = mid - 1;
    else return true;
  }
  // spans may nest; fall back to a short linear probe near lo
  for (let k = Math.max(0, lo - 3); k < Math.min(spans.length, lo + 3); k++) if (spans[k]!.start < e && spans[k]!.end > s) return true;
  return false;
}
