/**
 * Publication dates: normalising metadata values to YYYY-MM-DD, and finding an unambiguous dateline or byline
 * date near the top of a text.
 */
import type { Boilerplate } from './lexicon.js';
import { escapeRe } from '../util/regex.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?';

function valid(y: number, m: number, d: number): boolean {
  if (!(y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return false;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= dim;
}

function fmt(y: number, m: number, d: number): string | null {
  if (!valid(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/;
const ISO_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T|$)/;
const DMY_TEXT = new RegExp(`^(?:${WEEKDAY}\\.?,? )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH})\\.?,? (\\d{4})\\b`, 'i');
const MDY_TEXT = new RegExp(`^(?:${WEEKDAY}\\.?,? )?(${MONTH})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i');
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;

/**
 * A metadata date value → YYYY-MM-DD, or null. ISO dates and datetimes ("2022-10-14T23:30:00-04:00" → the date as
 * written, 2022-10-14: the local part, never shifted to UTC), "2022/10/14", "20221014", "14 October 2022",
 * "Oct. 14, 2022", "Fri, 14 Oct 2022 10:00:00 GMT", and numeric D/M/Y or M/D/Y only when the order is unambiguous.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return fmt(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 18000101 && value <= 22001231) value = String(value);
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, ' ').trim().slice(0, 100);
  if (!s) return null;
  let m = ISO.exec(s) ?? ISO_SLASH.exec(s) ?? COMPACT.exec(s);
  if (m) return fmt(+m[1]!, +m[2]!, +m[3]!);
  m = DMY_TEXT.exec(s);
  if (m) return fmt(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  m = MDY_TEXT.exec(s);
  if (m) return fmt(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = NUMERIC.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    if (a > 12 && b <= 12) return fmt(y, b, a);
    if (b > 12 && a <= 12) return fmt(y, a, b);
    if (a === b) return fmt(y, a, b);
    return null; // 05/06/2022: day-month or month-day? unknowable
  }
  return null;
}

// A date with an explicit year, written out, anywhere in a short string.
const TEXT_DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH})\\.?,? (\\d{4})|(${MONTH})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'i',
);

/** The first written-out date with a year in `s` (its value and where it is), or null. */
export function findTextDate(s: string): { date: string; index: number; length: number } | null {
  const m = TEXT_DATE.exec(s);
  if (!m) return null;
  let d: string | null;
  if (m[1]) d = fmt(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]);
  else if (m[4]) d = fmt(+m[6]!, MONTHS[m[4].toLowerCase()]!, +m[5]!);
  else d = fmt(+m[7]!, +m[8]!, +m[9]!);
  return d ? { date: d, index: m.index, length: m[0].length } : null;
}

/** A lower-case word of four letters or more: prose, not a byline. */
const PROSE_WORD = /(?:^|[^\p{L}])\p{Ll}{4,}/u;

// "13/03/2025", "13.03.2025": day-month or month-day, taken only when one of them cannot be a month
const NUMERIC_IN = /(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/;

function numericDate(s: string, hint: MonthDay | null = null): { date: string; index: number; length: number } | null {
  const m = NUMERIC_IN.exec(s);
  if (!m) return null;
  const a = +m[1]!;
  const b = +m[2]!;
  const y = +m[3]!;
  // dotted dates are day-first wherever they are written ("02.10.2025" is 2 October)
  const dotted = m[0].includes('.');
  // (and "08/11/2025" above a dateline "LANMOUTH, Nov 8 (KP) -" is the dateline's day)
  const hinted = hint && hint.month === b && hint.day === a ? fmt(y, b, a) : hint && hint.month === a && hint.day === b ? fmt(y, a, b) : null;
  const d = a > 12 && b <= 12 ? fmt(y, b, a) : b > 12 && a <= 12 ? fmt(y, a, b) : a === b || dotted ? fmt(y, b, a) : hinted;
  return d ? { date: d, index: m.index, length: m[0].length } : null;
}

export interface TextDate {
  date: string;
  /** Index of the block the date was found in. */
  block: number;
  /** True when the block is nothing but a dateline/byline (it becomes a 'meta' segment). */
  metaOnly: boolean;
  /** The time of day stated beside the date ("Published 08/11/2025 14:22 CET"), minutes after midnight, or null. */
  clock: number | null;
}

// a time of day, not part of a dotted or slashed date ("14:22", "9.47 am"; not the "08.11" of "08.11.2025")
const CLOCK = /(?<![\d./])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d./])(?: ?([ap])\.?m\b\.?)?/i;

/** Minutes after midnight of the first time of day in a date line, or null. */
function lineClock(s: string): number | null {
  const m = CLOCK.exec(s);
  if (!m) return null;
  const h = +m[1]!;
  const ap = m[3]?.toLowerCase();
  return ((ap === 'p' && h < 12 ? h + 12 : ap === 'a' && h === 12 ? 0 : h) % 24) * 60 + +m[2]!;
}

/** Minutes after midnight of an ISO datetime's local time ("2025-11-08T17:45:00+01:00" → 1065), or null. */
export function isoClock(value: unknown): number | null {
  const m = typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):([0-5]\d)/.exec(value.trim()) : null;
  return m ? +m[1]! * 60 + +m[2]! : null;
}

interface DatelineMatchers {
  prefixed: RegExp;
  primary: Set<string>;
}

const cache = new WeakMap<Boilerplate, DatelineMatchers>();

function matchers(bp: Boilerplate): DatelineMatchers {
  let m = cache.get(bp);
  if (!m) {
    const prefixes = [...bp.dateline.prefixes].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
    m = {
      // ("Issued 18:00, Wednesday 16 September 2026": the hour it was issued may come before the date)
      prefixed: new RegExp(`^(${prefixes || '(?!)'})(?: on| at)? ?:? ?(?:[012]?\\d[:.][0-5]\\d(?: ?[ap]\\.?m\\.?)?(?: [A-Z]{2,4})?,? (?:on )?)?(?:${WEEKDAY}\\.?,? )?`, 'i'),
      primary: bp.dateline.primary,
    };
    cache.set(bp, m);
  }
  return m;
}

// "WASHINGTON, March 3, 2024 (Reuters) –" / "KYIV, Ukraine, Oct 14, 2022 —"
const CITY_DATELINE = /^\p{Lu}[\p{Lu}.'-]{1,30}(?: \p{Lu}[\p{Lu}.'-]{1,30}){0,3},/u;
// what may stand between the city and the date: a region or country, a weekday ("KYIV, Ukraine, Friday, ...")
const DATELINE_BETWEEN = /^(?: \p{Lu}[\p{L}.'-]{0,30},?){0,3} ?$/u;
// "By Jane Doe | Reuters | October 14, 2022", "By Jane Doe, Oct 14 2022"
const BYLINE = /^by [^ ].{0,100}$/i;

/**
 * The publication date stated at the top of an article, from the first blocks only:
 *  - a prefixed line: "Published: 14 October 2022", "Updated Oct. 14, 2022 10:02 am" (a "published" date wins over
 *    an "updated" one);
 *  - a wire dateline opening the first paragraph: "WASHINGTON, March 3, 2024 (Reuters) – ...";
 *  - a short block that is only a date ("Friday 14 October 2022 10:05 BST") or a byline with a date.
 * Dates without a year are never taken, nor dates in the body.
 */
/** A field that is only a time of day ("16:40 GMT", "9:47 AM"). */
function onlyTime(s: string): boolean {
  return /^\d{1,2}[:.]\d{2}(?: ?(?:am|pm|a\.m\.|p\.m\.))?(?: [a-z]{2,5}(?:[+-]\d{1,2})?)?$/i.test(s.trim());
}

/** The date of a text that is nothing but a date (with weekday, time and zone around it), else null. */
function onlyDate(s: string, hint: MonthDay | null = null): string | null {
  const d = findTextDate(s) ?? numericDate(s, hint);
  if (!d) return null;
  const rest = (s.slice(0, d.index) + ' ' + s.slice(d.index + d.length)).toLowerCase();
  const leftover = rest
    .replace(new RegExp(`\\b${WEEKDAY}\\b`, 'g'), ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b/g, ' ')
    .replace(/\b(?:am|pm|a\.m\.|p\.m\.|utc|gmt|bst|cet|cest|est|edt|pst|pdt|[a-z]{2,4}t|updated|published|posted|local(?: time)?)\b/g, ' ')
    .replace(/[+-]\d{1,2}(?::?\d{2})?\b/g, ' ')
    .replace(/[\s,.|·•/()–—-]+/g, '');
  return leftover.length === 0 ? d.date : null;
}

/** A line that is nothing but a date with its year ("20 October 2024", "Friday 14 October 2022 10:05 BST"). */
export function isDateLine(s: string): boolean {
  return s.length <= 80 && /\d/.test(s) && onlyDate(s.trim()) !== null;
}

/**
 * Each run of whitespace as one space (text.replace(/\s+/g, ' ')), the text itself when every run already is a single
 * space (most paragraphs: the first blocks of every document are read here).
 */
function squeezeSpace(text: string): string {
  return /[^\S ]| \s/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

export interface MonthDay {
  month: number;
  day: number;
}

// a wire dateline without its year: "KESSALY, Feb 3 (Vardessan News Agency) -"
const DATELINE_MONTH_DAY = new RegExp(`^(?: \\p{Lu}[\\p{L}.'-]{0,30},?){0,3} ?(${MONTH})\\.? (\\d{1,2})\\b`, 'iu');

/** The month and day of the first paragraph's wire dateline, when it has no year (see DATELINE_MONTH_DAY), else null. */
function datelineMonthDay(blocks: string[], n: number): MonthDay | null {
  for (let i = 0; i < n; i++) {
    const s = squeezeSpace(blocks[i]!.slice(0, 200)).trim();
    const c = CITY_DATELINE.exec(s);
    if (!c) continue;
    const m = DATELINE_MONTH_DAY.exec(s.slice(c[0].length, c[0].length + 80));
    if (m) return { month: MONTHS[m[1]!.toLowerCase()]!, day: +m[2]! };
  }
  return null;
}

/** The month and day of a wire dateline with no year at the top of a text ("BRANNICK, Oct 11 (HPS) - …"), else null. */
export function yearlessDateline(blocks: string[], bp: Boilerplate): MonthDay | null {
  return datelineMonthDay(blocks, Math.min(blocks.length, bp.dateline.maxBlocks));
}

/**
 * The date of a year-less dateline in a batch whose other documents are dated: the year that puts the month and day
 * nearest one of their dates, when that is within `maxDays` of it (a wire of "Oct 11" beside reports of 12 and
 * 14 October 2025 is 11 October 2025); else null (no dated neighbour close enough to tell the year).
 */
export function yearFromNeighbours(md: MonthDay, dated: readonly string[], maxDays = 31): string | null {
  let best: string | null = null;
  let bestGap = Infinity;
  const years = new Set<number>();
  for (const d of dated) {
    const y = +d.slice(0, 4);
    years.add(y - 1).add(y).add(y + 1);
  }
  for (const y of [...years].sort((a, b) => a - b)) {
    const cand = fmt(y, md.month, md.day);
    if (!cand) continue;
    const t = Date.parse(cand);
    for (const d of dated) {
      const gap = Math.abs(Date.parse(d) - t) / 86_400_000;
      if (gap < bestGap) {
        bestGap = gap;
        best = cand;
      }
    }
  }
  return bestGap <= maxDays ? best : null;
}

export function datelineDate(blocks: string[], bp: Boilerplate): TextDate | null {
  const { prefixed, primary } = matchers(bp);
  let offset = 0;
  let secondary: TextDate | null = null;
  const n = Math.min(blocks.length, bp.dateline.maxBlocks);
  let hint: MonthDay | null | undefined;
  const monthDay = () => (hint === undefined ? (hint = datelineMonthDay(blocks, n)) : hint);
  for (let i = 0; i < n; i++) {
    if (offset > bp.dateline.maxOffset) break;
    const raw = blocks[i]!;
    offset += raw.length + 2;
    const s = squeezeSpace(raw.length > 400 ? raw.slice(0, 400) : raw).trim();
    // prefixed: the block, or one line of a block of header lines ("EQUINOX NEWSWIRE\nFiled: 15/09/2026 21:30\nSlug: …")
    // (a numeric date after a prefix is read as anywhere else: only when day and month cannot be swapped, or the
    // dateline's day tells which is which)
    let prefixedHit = false;
    const lines = raw.length <= 600 && raw.includes('\n') ? raw.split('\n') : [raw];
    for (let k = 0; k < lines.length; k++) {
      // (the first line is read from the block's start, as the block itself was)
      const l = k === 0 ? s : squeezeSpace(lines[k]!).trim();
      const p = prefixed.exec(l);
      if (!p) continue;
      const rest = l.slice(p[0].length);
      const d = findTextDate(rest) ?? numericDate(rest, NUMERIC_IN.test(rest) ? monthDay() : null);
      if (d && d.index === 0) {
        const metaOnly = k === 0 && s.length <= 120;
        const hit: TextDate = { date: d.date, block: i, metaOnly, clock: lineClock(rest) };
        if (primary.has(p[1]!.toLowerCase())) return hit;
        if (!secondary) secondary = hit;
        prefixedHit = true;
        break;
      }
    }
    if (prefixedHit) continue;
    // city dateline at the start of a paragraph
    const c = CITY_DATELINE.exec(s);
    if (c) {
      const after = s.slice(c[0].length, c[0].length + 120);
      const d = findTextDate(after);
      if (d && DATELINE_BETWEEN.test(after.slice(0, d.index))) return { date: d.date, block: i, metaOnly: false, clock: null };
    }
    if (s.length <= 80 && onlyDate(s)) return { date: onlyDate(s)!, block: i, metaOnly: true, clock: lineClock(s) };
    // a short line of fields, one of them only a date: "07 October 2025 - 18:20 local time", "Regional news · Monday
    // 22 September 2025 · Page 1 of 4", "July 24, 2025 9:47 AM GMT+2 | Updated 2 hours ago"
    // (each line of the block on its own: a block may hold a breadcrumb, a headline and the date line)
    for (const line of raw.length <= 600 ? raw.split('\n') : []) {
      const l = squeezeSpace(line).trim();
      if (l.length > 160) continue;
      const fields = l.split(/ [|·•–—-] |[|·•]/).map((x) => x.trim());
      if (fields.length < 2 && l.length > 80) continue;
      const hit = fields.map((f) => onlyDate(f)).find((x) => x) ?? (NUMERIC_IN.test(l) ? fields.map((f) => onlyDate(f, monthDay())).find((x) => x) : null);
      if (hit) return { date: hit, block: i, metaOnly: fields.length === 1 || l.length === s.length, clock: lineClock(l) };
      // a headline run into its date line: "… no ceasefire deal 11 June 2025 | 16:40 GMT | By Daniel Osei"
      if (fields.length > 1 && fields.slice(1).every((f) => !f || onlyTime(f) || BYLINE.test(f))) {
        const d = findTextDate(fields[0]!);
        if (d && d.index + d.length === fields[0]!.length) return { date: d.date, block: i, metaOnly: false, clock: lineClock(l.slice(fields[0]!.length)) };
      }
    }
    if (BYLINE.test(s)) {
      const d = findTextDate(s);
      if (d) return { date: d.date, block: i, metaOnly: true, clock: lineClock(s) };
    }
    // a byline-like line: a date with its year among names, a time and separators, and no prose
    // ("March 6, 2025 / 10:55 AM / Apex Business Wire", "11 June 2025 | 16:40 GMT | By Daniel Osei", "13/03/2025")
    if (s.length <= 100 && !PROSE_WORD.test(s.replace(/\b(?:by|updated|published|posted|am|pm|at|and|of|the|for|in)\b/gi, ' '))) {
      const d = findTextDate(s) ?? numericDate(s) ?? (NUMERIC_IN.test(s) ? numericDate(s, monthDay()) : null);
      if (d) return { date: d.date, block: i, metaOnly: true, clock: lineClock(s) };
    }
  }
  return secondary;
}
