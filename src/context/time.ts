/**
 * When a figure is about: the time expression of its sentence nearest to it ("on Friday", "in the last
 * month", "so far this year", "by Thursday evening", "on October 14, 2022"), resolved with chrono-node
 * against the document date into an interval of ISO dates. Without a document date only expressions that
 * carry their own year resolve; otherwise the time is the document date (or unknown).
 */
import { parseDates } from '../extract/chrono.js';
import type { TimeRef } from '../types.js';

/** Words of a sentence about what is to come: "will", "is due to", "expected", "next". */
const FUTURE_CUE = /\b(?:will|'ll|shall|due|expected|expects?|scheduled|planned|plans?|next|forecasts?|going to|set to|is to|are to|until|tomorrow)\b/i;

/** Cues a time expression may be near: weekdays, "14 Oct", today/yesterday, "last week", "this year" (any case). */
const CUE_I = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:today|yesterday|tonight|tomorrow|overnight)\b|\b(?:last|this|next|past|previous|coming)\s+(?:week|weekend|month|year|quarter|morning|afternoon|evening|night)\b/i;
const MONTH_CAP = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const YEAR_CUE = /\b(?:19|20)\d\d\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/;
const ROLLING = /\b(?:in|over|during|within|for)\s+the\s+(?:last|past|previous)\s+(?:(\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|few)\s+)?(day|week|fortnight|month|year)s?\b/i;
const SO_FAR = /\b(?:so\s+far\s+this|this|since\s+the\s+start\s+of\s+the)\s+(year|month|week)\b/i;
const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, few: 3 };

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseIso(s: string): Date {
  return new Date(`${s}T12:00:00Z`);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}

/**
 * A reporting period: "the second quarter", "Q2 2025", "first-half", "H1 2024", "the fourth quarter of 2024".
 * Without a year, the period of the document's year (or of the year before, when that period would begin more
 * than 100 days after the document: "fourth-quarter results" published in February).
 */
const FISCAL = /\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[-\s](quarter|half)|(Q[1-4]|H[12])|(full[-\s]year|fiscal(?:\s+year)?|financial\s+year|FY)(?=\s*(?:19|20)\d\d))\b(?:\s*(?:of\s+)?((?:19|20)\d\d)\b)?/gi;
/** Words each branch of FISCAL needs (a text without any holds no reporting period). */
const FISCAL_CUE = /quarter|half|fiscal|(?:full|whole)[-\s]year|financial\s+year|\b[QH][1-4]\b|\bFY/i;
const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/** Words of a time that names a reporting period (TimeRef.text): two different periods are two facts. */
export const PERIOD_TEXT = /^(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:quarter|half)|Q[1-4]|H[12]|full[-\s]year|fiscal|financial\s+year|FY)/i;

export interface Period {
  start: number;
  end: number;
  ref: TimeRef;
}

/** Reporting periods named in `text`, resolved against the document date. */
export function fiscalPeriods(text: string, docDate: string | null): Period[] {
  const out: Period[] = [];
  // (what FISCAL cannot match without: most texts name none of it, and FISCAL is slow to rule them out)
  const fiscalCue = FISCAL_CUE.test(text);
  const firstMonths = FIRST_MONTHS_CUE.test(text);
  const yearEnded = /\byear\s+(?:ended|ending|to)\b/i.test(text);
  if (!fiscalCue && !firstMonths && !yearEnded && !MONTHS_CUE.test(text) && !/\b(?:3|6|9|12)M\b/.test(text)) return out;
  FISCAL.lastIndex = 0;
  for (let m = fiscalCue ? FISCAL.exec(text) : null; m; m = FISCAL.exec(text)) {
    let n: number;
    let half: boolean;
    if (m[4]) {
      // "full-year 2024", "fiscal 2024", "FY2024": the calendar year (fiscal years that end elsewhere are not known)
      const y = m[5]!;
      out.push({ start: m.index, end: m.index + m[0].length, ref: { start: `${y}-01-01`, end: `${y}-12-31`, text: m[0] } });
      continue;
    }
    if (m[3]) {
      if (m[3] !== m[3].toUpperCase()) continue; // "h1", "q2": markup and slugs, not periods
      half = m[3][0]!.toUpperCase() === 'H';
      n = Number(m[3][1]);
      if (half && n > 2) continue;
    } else {
      half = m[2]!.toLowerCase() === 'half';
      n = ORD[m[1]!.toLowerCase()]!;
      if (half && n > 2) continue;
    }
    let year = m[5] ? Number(m[5]) : docDate ? Number(docDate.slice(0, 4)) : NaN;
    if (Number.isNaN(year)) continue;
    const first = half ? (n - 1) * 6 : (n - 1) * 3;
    const months = half ? 6 : 3;
    if (!m[5] && docDate && Date.UTC(year, first, 1) - parseIso(docDate).getTime() > 100 * 86400000) year--;
    const start = iso(new Date(Date.UTC(year, first, 1, 12)));
    const end = iso(new Date(Date.UTC(year, first + months, 0, 12)));
    out.push({ start: m.index, end: m.index + m[0].length, ref: { start, end, text: m[0] } });
  }
  // "its full-year net profit", "for the full year": the year just ended in results season (the first 100 days of a
  // year), else the document's year
  if (fiscalCue && docDate && /(?:full|whole)[-\s]year/i.test(text)) {
    for (const m of text.matchAll(BARE_FULL_YEAR)) {
      if (out.some((p) => p.start <= m.index && m.index < p.end)) continue;
      const d = parseIso(docDate);
      const y = d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1, 12) <= 100 * 86400000 ? d.getUTCFullYear() - 1 : d.getUTCFullYear();
      out.push({ start: m.index, end: m.index + m[0].length, ref: { start: `${y}-01-01`, end: `${y}-12-31`, text: m[0] } });
    }
  }
  // "results for the 2025 financial year", "its 2025 fiscal year", "2025 results": that calendar year
  if (/\b(?:19|20)\d\d\s+(?:financial|fiscal|full[-\s]year|annual|results)\b/i.test(text)) {
    for (const m of text.matchAll(YEAR_FIRST)) {
      if (out.some((p) => p.start <= m.index && m.index < p.end)) continue;
      const y = m[1]!;
      out.push({ start: m.index, end: m.index + m[0].length, ref: { start: `${y}-01-01`, end: `${y}-12-31`, text: m[0] } });
    }
  }
  // "half-year net profit", "the half-year results": the last half-year ended by the document's date
  if (fiscalCue && docDate && /half[-\s]year|\b(?:in|for|over|during) the half\b/i.test(text)) {
    for (const m of text.matchAll(HALF_YEAR)) {
      if (out.some((p) => p.start <= m.index && m.index < p.end)) continue;
      const d = parseIso(docDate);
      const y = d.getUTCMonth() >= 6 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
      const [start, end] = d.getUTCMonth() >= 6 ? [`${y}-01-01`, `${y}-06-30`] : [`${y}-07-01`, `${y}-12-31`];
      out.push({ start: m.index, end: m.index + m[0].length, ref: { start, end, text: m[0] } });
    }
  }
  // "the first six months", "in the first nine months": of the document's year (the last year when still to come)
  if (firstMonths && docDate) {
    for (const m of text.matchAll(FIRST_MONTHS)) {
      if (out.some((p) => p.start <= m.index && m.index < p.end)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, ref: monthsSoFar(MONTH_COUNT[m[1]!.toLowerCase()]!, docDate, m[0]) });
    }
  }
  // "9M 2025", "6M 2024": the months of the year so far
  if (/\b(?:3|6|9|12)M\b/.test(text)) {
    for (const m of text.matchAll(/\b(3|6|9|12)M\s?((?:19|20)\d\d)\b/g)) {
      const n = Number(m[1]);
      const y = Number(m[2]);
      out.push({ start: m.index, end: m.index + m[0].length, ref: { start: `${y}-01-01`, end: iso(new Date(Date.UTC(y, n, 0, 12))), text: m[0] } });
    }
  }
  // "the year ended 31 December 2025", "financial year to March 2025": the twelve months to that month
  if (yearEnded) {
    for (const m of text.matchAll(YEAR_ENDED)) {
      const last = MONTH_INDEX[m[1]!.slice(0, 3).toLowerCase()]!;
      const year = Number(m[2]);
      out.push({ start: m.index, end: m.index + m[0].length, ref: { start: iso(new Date(Date.UTC(year, last - 11, 1, 12))), end: iso(new Date(Date.UTC(year, last + 1, 0, 12))), text: m[0] } });
    }
  }
  if (!MONTHS_CUE.test(text)) {
    out.sort((a, b) => a.start - b.start);
    return out;
  }
  // "the three months to June", "the nine months ended 30 September 2025", "the first six months of the year"
  MONTHS_TO.lastIndex = 0;
  for (let m = MONTHS_TO.exec(text); m; m = MONTHS_TO.exec(text)) {
    const n = MONTH_COUNT[m[1]!.toLowerCase()]!;
    let last: number;
    let year = m[3] ? Number(m[3]) : m[5] ? Number(m[5]) : docDate ? Number(docDate.slice(0, 4)) : NaN;
    if (Number.isNaN(year)) continue;
    if (m[2]) last = MONTH_INDEX[m[2].slice(0, 3).toLowerCase()]!;
    else last = n - 1; // "the first six months of the year": January to June
    if (m[2] && !m[3] && docDate && Date.UTC(year, last, 1) > parseIso(docDate).getTime()) year--;
    const start = iso(new Date(Date.UTC(year, last - n + 1, 1, 12)));
    const end = iso(new Date(Date.UTC(year, last + 1, 0, 12)));
    out.push({ start: m.index, end: m.index + m[0].length, ref: { start, end, text: m[0] } });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** "the year", "for the year", "the year's" — not "a year earlier", "the year before", "the year to date". */
const THE_YEAR = /\b(?:for|of|in|over)\s+the\s+(?:full\s+|whole\s+)?year\b(?!\s+(?:earlier|before|ago|to\s+date|ahead))|\bthe\s+year's\b/gi;
/** The first n months of the document's year (of the year before while those months are still to come): "the first
 * nine months", a "## Nine months" heading. */
export function monthsSoFar(n: number, docDate: string, text: string): TimeRef {
  let y = Number(docDate.slice(0, 4));
  if (`${y}-${String(n).padStart(2, '0')}-28` > docDate) y--;
  return { start: `${y}-01-01`, end: iso(new Date(Date.UTC(y, n, 0, 12))), text };
}

/** A period named in passing rather than by its name (see documentPeriod). */
const PASSING = /^(?:the\s+)?first\s+(?:three|six|nine|3|6|9)\s+months$|^half[-\s]year/i;
const MONTHS_CUE = /months\s+(?:to|ended|ending|through|of)\b/i;
/** "full-year" with no year after it ("full-year 2024" is FISCAL's). */
/** ("full-year outlook", "full-year guidance": what is expected of the year, no period its figures are of) */
const BARE_FULL_YEAR = /\b(?:full|whole)[-\s]year\b(?!\s*(?:of\s+)?(?:19|20)\d\d)(?!\s+(?:ago|earlier|before|later|outlook|guidance|forecasts?|targets?|expectations?|view|goals?)\b)/gi;
/** The year before its name: "the 2025 financial year", "2025 full-year results", "its 2025 results" (not "2025 results
 * season"). */
const YEAR_FIRST = /\b((?:19|20)\d\d)\s+(?:(?:financial|fiscal)\s+year|full[-\s]year|(?:annual\s+)?results\b(?!\s+season))/gi;
/** "half-year" on its own (not "first half-year", not "a half-year ago"), or "the half" after "in", "for", "over" or
 * "during" ("opened 31 stores in the half", "revenue for the half"). */
const HALF_YEAR = /(?<!\b(?:first|second|1st|2nd)[-\s])\bhalf[-\s]year(?:ly)?\b(?!\s+(?:ago|earlier|before|later|high|low))|(?<=\b(?:in|for|over|during) the )half\b(?![-\s](?:of|a|an|the|hour|way|time|term|century|decade|dozen|million|billion)\b)/gi;
/** "the first six months" with no month or year after it (MONTHS_TO reads those). */
const FIRST_MONTHS_CUE = /\bfirst\s+(?:three|six|nine|3|6|9)\s+months\b/i;
const FIRST_MONTHS = /\bfirst\s+(three|six|nine|3|6|9)\s+months\b(?!\s+(?:to|ended|ending|through|of)\b)/gi;
/** "over nine months", "nine-month revenue" (see readTimeExpressions), in a sentence with a word of results. */
const MONTHS_SPAN_CUE = /\b(?:three|six|nine)[-\s]months?\b/i;
const MONTHS_SPAN = /\b(?:over|for|in)\s+(?:the\s+)?(three|six|nine)\s+months\b(?!\s+(?:to|ended|ending|through|of|since|after|before|ago|later|earlier|from|until)\b)|\b(three|six|nine)-month\b(?!\s+(?:high|low|delay|wait|ban|strike|contract|extension|period\s+(?:to|ended|ending)))/gi;
const RESULTS_WORD = /\b(?:revenue|sales|profits?|earnings|ebitda|ebit|income|turnover|margin|cash\s+flow|losses|customers|subscribers|passengers)\b/i;
const MONTH_NAMES = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTHS_TO = new RegExp(
  `\\b(?:the\\s+)?(?:first\\s+)?(three|six|nine|twelve|3|6|9|12)\\s+months\\s+(?:(?:to|ended|ending|through)\\s+(?:\\d{1,2}\\s+)?(${MONTH_NAMES})\\b(?:\\s+\\d{1,2}\\b)?(?:,?\\s+((?:19|20)\\d\\d))?|of\\s+(?:the\\s+(?:financial\\s+|fiscal\\s+)?year|(this|the)\\s+year|((?:19|20)\\d\\d)))`,
  'gi',
);
const YEAR_ENDED = new RegExp(`\\b(?:(?:financial|fiscal)\\s+)?year\\s+(?:ended|ending|to)\\s+(?:\\d{1,2}\\s+)?(${MONTH_NAMES})\\b(?:\\s+\\d{1,2}\\b)?,?\\s+((?:19|20)\\d\\d)\\b`, 'gi');
const MONTH_COUNT: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12, '3': 3, '6': 6, '9': 9, '12': 12 };
const MONTH_INDEX: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

/**
 * The period a results report is about: of the reporting periods it names that ended by its date (not the
 * year-earlier comparisons, not the outlook), the latest; when a quarter and the year ending with it are both
 * named, the one named more often; null when it names none, or both as often. Its figures with no time of their own ("net profit
 * was €938m") are of that period.
 */
export function documentPeriod(text: string, docDate: string | null, title?: string | null): TimeRef | null {
  const counts = new Map<string, { n: number; ref: TimeRef }>();
  const ps = fiscalPeriods(text, docDate).filter((p) => !docDate || p.ref.end! <= docDate);
  // (a title kept apart from the text — front matter, a page's <title> — names the report's period as its headline does;
  // its periods are placed before the text, a paragraph of their own)
  if (title && !text.slice(0, 400).includes(title.trim())) ps.unshift(...fiscalPeriods(title, docDate).filter((p) => !docDate || p.ref.end! <= docDate).map((p) => ({ ...p, start: -1, end: -1 })));
  const latest = ps.reduce((m, p) => (p.ref.end! > m ? p.ref.end! : m), '');
  const paragraphOf = paragraphIndexer(text);
  const paragraphs = paragraphOf(text.length) >= 2;
  const named = new Set<string>();
  for (const p of ps) {
    if (p.ref.end !== latest) continue;
    // ("opened 31 stores in the half": "the half" names its sentence's period, too slight a name for the report's)
    if (p.ref.text === 'half') continue;
    const k = `${p.ref.start}|${p.ref.end}`;
    // ("The fourth quarter was the weakest. Sales in the three months to December fell …": one paragraph on the
    // quarter names it once, however many ways it says so — in a text set out in paragraphs)
    const once = `${k}|${p.start < 0 ? -1 : paragraphs ? paragraphOf(p.start) : p.start}`;
    if (named.has(once)) continue;
    named.add(once);
    const c = counts.get(k);
    // ("in the first nine months", "half-year": words that name a period in passing count for less than its name)
    const w = PASSING.test(p.ref.text ?? '') ? 0.5 : 1;
    if (c) c.n += w;
    else counts.set(k, { n: w, ref: p.ref });
  }
  // ("the fourth quarter was the strongest of the year", "total income for the year": in results season, an article
  // that names the quarter closing a year and speaks of "the year" is about that year as well, half a name each time)
  if (latest.endsWith('-12-31') && docDate && docDate.slice(0, 4) === String(Number(latest.slice(0, 4)) + 1) && docDate.slice(5) <= '04-10') {
    const k = `${latest.slice(0, 4)}-01-01|${latest}`;
    for (const m of text.matchAll(THE_YEAR)) {
      const c = counts.get(k);
      if (c) c.n += 0.5;
      else counts.set(k, { n: 0.5, ref: { start: `${latest.slice(0, 4)}-01-01`, end: latest, text: m[0] } });
    }
    // ("its net profit fell by more than two-fifths last year": results told of "last year" name that year outright)
    for (const at of lastYearResults(text)) {
      const once = `${k}|${paragraphs ? paragraphOf(at) : at}`;
      if (named.has(once)) continue;
      named.add(once);
      const c = counts.get(k);
      if (c) c.n += 1;
      else counts.set(k, { n: 1, ref: { start: `${latest.slice(0, 4)}-01-01`, end: latest, text: 'last year' } });
    }
  }
  // a quarter and the year it closes ("fourth-quarter" and "full-year 2024"): the one named more often (a headline
  // and a heading name the report's period); named as often, which one a figure is of is unclear
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  if (!ranked.length || (ranked.length > 1 && ranked[1]!.n === ranked[0]!.n)) return null;
  const best = ranked[0]!;
  return best ? { start: best.ref.start, end: best.ref.end, text: `${best.ref.text} (the period the report is about)` } : null;
}

/** "last year" as the time of results ("profit fell by a fifth last year"), not of a comparison within a shorter
 * period ("the same quarter last year", "than in the period last year"). */
const LAST_YEAR = /\blast\s+year\b/gi;
/** The words before "last year" that make it a comparison or a part of the year: "quarter last year", "than in … last year". */
const NOT_RESULTS_YEAR = /\b(?:quarter|period|months?|half|weeks?|time|point|stage|date|day|than|from|on|since|with|against|versus|vs\.?)(?: in)? $/i;
/** Where the text tells results of "last year" (a word of results in the sentence before it). */
export function lastYearResults(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(LAST_YEAR)) {
    if (NOT_RESULTS_YEAR.test(`${text.slice(Math.max(0, m.index! - 24), m.index!).replace(/\s+/g, ' ').trimEnd()} `)) continue;
    const from = Math.max(0, m.index! - 300);
    const before = text.slice(from, m.index!);
    const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
    if (RESULTS_WORD.test(cut >= 0 ? before.slice(cut) : before)) out.push(m.index!);
  }
  return out;
}

/** The index of the paragraph (text between blank lines) an offset of the text is in. */
export function paragraphIndexer(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (const m of text.matchAll(/\n[ \t]*\n/g)) breaks.push(m.index!);
  // (a report names its periods a few dozen times at most: the breaks before each are counted)
  return (offset) => breaks.reduce((n, b) => (b < offset ? n + 1 : n), 0);
}

interface Found {
  start: number;
  end: number;
  ref: TimeRef;
  /** The expression's own interval when "since" made it a count so far ("since June 2011" → as of the report). */
  own?: { start: string; end: string };
}

const cache = new Map<string, Found[]>();
/** What certainYear below needs in a result's text (without the word boundaries, which a result's edges may add). */
const YEAR_DIGITS = /(?:1[89]|20)\d\d/;
const NONE: Found[] = [];

/** The last sentence asked about, its document date and the answer (the figures of a sentence come one after another). */
let lastAsked: { sentence: string; docDate: string | null; found: Found[] } = { sentence: '', docDate: null, found: NONE };

/** Time expressions of a sentence (offsets relative to the sentence), resolved against docDate. */
export function timeExpressions(sentence: string, docDate: string | null): Found[] {
  // (the same sentence again: its answer without making and hashing the cache key, a copy of the sentence)
  if (sentence === lastAsked.sentence && docDate === lastAsked.docDate && sentence !== '') return lastAsked.found;
  const found = readTimeExpressions(sentence, docDate);
  lastAsked = { sentence, docDate, found };
  return found;
}

function readTimeExpressions(sentence: string, docDate: string | null): Found[] {
  // (a sentence is read once for all its figures: the answer, none included, is cached)
  const key = `${docDate ?? '-'}|${sentence}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const periods = fiscalPeriods(sentence, docDate);
  // "over nine months", "for the six months", "nine-month revenue" in a sentence of results: the months of the year so
  // far (not "in six months" of a plan, nor "in the nine months since the attack"; a sentence's own words, never
  // counted among the periods a report names — see documentPeriod)
  if (docDate && MONTHS_SPAN_CUE.test(sentence) && RESULTS_WORD.test(sentence)) {
    for (const m of sentence.matchAll(MONTHS_SPAN)) {
      if (periods.some((p) => p.start <= m.index && m.index < p.end)) continue;
      periods.push({ start: m.index, end: m.index + m[0].length, ref: monthsSoFar(MONTH_COUNT[(m[1] ?? m[2])!.toLowerCase()]!, docDate, m[0]) });
    }
    periods.sort((a, b) => a.start - b.start);
  }
  if (!periods.length && !CUE_I.test(sentence) && !MONTH_CAP.test(sentence) && !YEAR_CUE.test(sentence)) {
    if (cache.size > 20000) cache.clear();
    cache.set(key, NONE);
    return NONE;
  }
  const out: Found[] = [...periods];
  const refDate = docDate ? parseIso(docDate) : new Date(Date.UTC(2000, 0, 1, 12));
  const roll = ROLLING.exec(sentence);
  if (roll && docDate) {
    const n = roll[1] ? (WORDS[roll[1].toLowerCase()] ?? Number(roll[1])) : 1;
    const unit = roll[2]!.toLowerCase();
    const days = unit === 'day' ? n : unit === 'week' ? 7 * n : unit === 'fortnight' ? 14 * n : unit === 'month' ? 30.44 * n : 365.25 * n;
    out.push({ start: roll.index, end: roll.index + roll[0].length, ref: { start: iso(addDays(refDate, -Math.round(days))), end: docDate, text: roll[0] } });
  }
  const sf = SO_FAR.exec(sentence);
  if (sf && docDate) {
    const unit = sf[1]!.toLowerCase();
    const y = refDate.getUTCFullYear();
    const m = refDate.getUTCMonth();
    const start = unit === 'year' ? new Date(Date.UTC(y, 0, 1, 12)) : unit === 'month' ? new Date(Date.UTC(y, m, 1, 12)) : addDays(refDate, -((refDate.getUTCDay() + 6) % 7));
    out.push({ start: sf.index, end: sf.index + sf[0].length, ref: { start: iso(start), end: docDate, text: sf[0] } });
  }
  // "in 2016", "since 2013", "the whole of 2022": a year the figure is about
  const YEAR = /\b(?:in|since|during|of|by|for|throughout)\s+((?:1[89]|20)\d\d)\b(?![-/]\d)/gi;
  for (let m = YEAR.exec(sentence); m; m = YEAR.exec(sentence)) {
    const y = m[1]!;
    if (out.some((o) => o.start < m!.index + m![0].length && o.end > m!.index)) continue;
    const end = docDate && docDate.startsWith(y) ? docDate : `${y}-12-31`;
    out.push({ start: m.index, end: m.index + m[0].length, ref: { start: `${y}-01-01`, end, text: m[0] } });
  }
  let results: ReturnType<typeof parseDates> = [];
  /** Clocks read with no day of their own ("3 p.m."), dated the report's day. */
  const clocks = new Set<Found>();
  // (without a document date only an expression with a year of its own is kept: none without such digits)
  if (docDate || YEAR_DIGITS.test(sentence)) {
    try {
      results = parseDates(sentence, { instant: refDate, timezone: 0 }, { forwardDate: false });
    } catch {
      results = [];
    }
  }
  for (let r of results) {
    // "Yesterday, 12 people died", "On Tuesday, 40 were hurt": the parser reads the figure as the hour; the day is
    // the expression (a clock needs "at", a colon, am/pm or o'clock)
    const hourTail = /^(.*[a-z])[,\s]+\d{1,2}$/i.exec(r.text);
    if (hourTail && r.start.isCertain('hour') && !/\b(?:at|by|from|until|till|to|before|after|around|about)$/i.test(hourTail[1]!)) {
      const again = parseDates(hourTail[1]!, { instant: refDate, timezone: 0 }, { forwardDate: false })[0];
      if (!again || again.index !== 0 || again.text !== hourTail[1]) continue;
      (again as { index: number }).index = r.index;
      r = again;
    }
    const s = r.index;
    const e = r.index + r.text.length;
    if (out.some((o) => o.start < e && o.end > s)) continue;
    // relative durations ("two weeks", "15 months ago", "in two weeks") are figures, not the figure's time
    if (/^\s*(?:in\s+)?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)(?:\s+(?:ago|later|earlier|from now))?\s*$/i.test(r.text)) continue;
    const certainYear = r.start.isCertain('year') && /\b(?:1[89]|20)\d\d\b/.test(r.text);
    if (!docDate && !certainYear) continue;
    if (/^\s*(?:now|right now|for now|currently)\s*$/i.test(r.text)) continue;
    // "from 10.40 billion drals": an amount, not the clock
    if (/\d[.:]\d\d\s*$/.test(r.text) && /^\s*(?:billion|million|thousand|trillion|bn|mn|per\b|percent|%)/i.test(sentence.slice(e, e + 12))) continue;
    if (/^(?:in\s+|during\s+)?(?:the\s+)?(?:quarter|season|period|week|month|year|weekend|half)$/i.test(r.text.trim())) continue;
    // "the march", "may": months only when written as months (capitalised, or with a day or year)
    if (/^(?:the\s+|a\s+)?(?:march|may|june|august)$/.test(r.text.trim().replace(/[,.;:]$/, ''))) continue;
    // "since June, 58 of them in …": a number after a month and a comma is no two-digit year
    // ("yesterday", "last night": a day the parser knows with its year, no number read as one; "last year" is left to
    // the words around the figure)
    if (r.start.isCertain('year') && !RELATIVE_DAY.test(r.text.trim()) && !/\b(?:1[89]|20)\d\d\b|'\d\d\b/.test(r.text)) continue;
    const d = r.start.date();
    let start = iso(d);
    let end = r.end ? iso(r.end.date()) : start;
    if (!r.start.isCertain('day') && !r.start.isCertain('weekday') && !r.start.isCertain('hour')) {
      if (r.start.isCertain('month')) {
        start = iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1, 12)));
        // "July to September": to the end of the last month
        const e0 = r.end && r.end.isCertain('month') && !r.end.isCertain('day') ? r.end.date() : d;
        end = iso(new Date(Date.UTC(e0.getUTCFullYear(), e0.getUTCMonth() + 1, 0, 12)));
        if (end < start) end = iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12)));
      } else if (certainYear || /year/i.test(r.text)) {
        start = `${d.getUTCFullYear()}-01-01`;
        end = `${d.getUTCFullYear()}-12-31`;
      }
    }
    if (docDate && end > docDate && start <= docDate && /this|so far/i.test(r.text)) end = docDate;
    if (docDate && !certainYear && !r.start.isCertain('year')) {
      // (chrono-node takes the nearest year: "on 7 March" in an October report is the March before, unless the
      // sentence speaks of what is to come)
      let back = start > docDate && (r.start.isCertain('month') || r.start.isCertain('day')) && !r.start.isCertain('weekday') && !FUTURE_CUE.test(sentence) ? 1 : 0;
      // "on 7 March last year", "in March of last year": a day or month of the year before the report's
      if (LAST_YEAR_AFTER.test(sentence.slice(e, e + 20)) && Number(start.slice(0, 4)) - back === Number(docDate.slice(0, 4))) back++;
      if (back) {
        start = shiftYear(start, -back);
        end = shiftYear(end, -back);
      }
    }
    // "31 people have died since Saturday", "40 were hurt on Saturday" in a Wednesday's paper: a weekday alone is
    // the last one, unless the sentence speaks of what is to come ("will march on Saturday")
    if (docDate && start > docDate && r.start.isCertain('weekday') && !r.start.isCertain('day') && !FUTURE_CUE.test(sentence)) {
      start = iso(new Date(parseIso(start).getTime() - 7 * 86400000));
      end = start;
    }
    // ("31 have died since Saturday": a count so far, as of the report)
    let own: Found['own'];
    if (docDate && start <= docDate && /\bsince\s*$/i.test(sentence.slice(Math.max(0, s - 8), s))) {
      own = { start, end };
      start = end = docDate;
    }
    // ("14 people had died in avalanches this winter before Saturday": a count up to the day before the one named)
    let text = r.text;
    if (start === end && !r.start.isCertain('hour') && (r.start.isCertain('day') || r.start.isCertain('weekday')) && !RELATIVE_DAY.test(r.text.trim()) && /\bbefore\s*$/i.test(sentence.slice(Math.max(0, s - 8), s))) {
      start = end = iso(addDays(parseIso(start), -1));
      text = `before ${r.text.trim()}`;
    }
    const before = out[out.length - 1];
    // ("on 7 March last year": the year is the day's, already read with it)
    if (before && /^(?:last|this|next)\s+year$/i.test(r.text.trim()) && /^,?\s+(?:of\s+)?$/i.test(sentence.slice(before.end, s))) {
      out[out.length - 1] = { ...before, end: e };
      continue;
    }
    // "last night's 7 p.m. briefing", "Tuesday at 9 a.m.": a clock right after a day is that day's
    if (before && r.start.isCertain('hour') && !r.start.isCertain('day') && !r.start.isCertain('weekday') && s - before.end <= 5 && /^(?:'s|’s|,)?\s*(?:at\s+)?$/i.test(sentence.slice(before.end, s)) && before.ref.start === before.ref.end) {
      out[out.length - 1] = { start: before.start, end: e, ref: { start: before.ref.start, end: before.ref.end, text: sentence.slice(before.start, e) } };
      continue;
    }
    const found: Found = own ? { start: s, end: e, ref: { start, end, text }, own } : { start: s, end: e, ref: { start, end, text } };
    if (r.start.isCertain('hour') && !r.start.isCertain('day') && !r.start.isCertain('weekday')) clocks.add(found);
    out.push(found);
  }
  // ("rose to 24 tonight", "stood at 9 yesterday": the parser takes the number for an hour and gives up)
  if (docDate) {
    DAY_WORDS.lastIndex = 0;
    for (let m = DAY_WORDS.exec(sentence); m; m = DAY_WORDS.exec(sentence)) {
      const s = m.index;
      const e = s + m[0].length;
      if (out.some((o) => o.start < e && o.end > s)) continue;
      const day = /^(?:yesterday|last)/i.test(m[0]) ? iso(addDays(refDate, -1)) : docDate;
      out.push({ start: s, end: e, ref: { start: day, end: day, text: m[0] } });
    }
  }
  out.sort((a, b) => a.start - b.start);
  dayAfterClock(sentence, out, clocks);
  // "between July and September": one span from the first to the end of the second
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (!a.ref.start || !b.ref.end || a.ref.start > b.ref.end || !/^\s+and\s+$/i.test(sentence.slice(a.end, b.start)) || !/\bbetween\s+$/i.test(sentence.slice(Math.max(0, a.start - 9), a.start))) continue;
    const start = a.start - (/\bbetween\s+$/i.exec(sentence.slice(Math.max(0, a.start - 9), a.start))![0].length);
    out.splice(i, 2, { start, end: b.end, ref: { start: a.ref.start, end: b.ref.end, text: sentence.slice(start, b.end) } });
  }
  if (cache.size > 20000) cache.clear();
  cache.set(key, out);
  return out;
}

/** "the 3 p.m. advisory on Monday", "its 9 a.m. update on Tuesday": a clock with no day of its own, a day named a word
 * or two after it, is that day's (the two become one expression). */
function dayAfterClock(sentence: string, out: Found[], clocks: Set<Found>): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    // (a clock of digits: "this morning and 16 on Wednesday" are two times)
    if (!clocks.has(a) || clocks.has(b) || !/\d/.test(a.ref.text ?? '') || !b.ref.start || b.ref.start !== b.ref.end) continue;
    const between = sentence.slice(a.end, b.start);
    if (!CLOCK_TO_DAY.test(between) || NOT_CLOCK_TO_DAY.test(between)) continue;
    out.splice(i, 2, { start: a.start, end: b.end, ref: { start: b.ref.start, end: b.ref.end, text: sentence.slice(a.start, b.end) } });
  }
}
/** What stands between such a clock and its day: a noun or two of what happened then, and "on". */
const CLOCK_TO_DAY = /^\s+(?:[a-z]+\s+){1,2}(?:on\s+)?$/;
const NOT_CLOCK_TO_DAY = /\b(?:and|or|but|to|from|until|till|than|since|after|before)\b/;

/** A time text that is the day of writing ("today", "this morning", "tonight"). */
export const TODAY_TEXT = /^(?:today|tonight|now|this (?:morning|afternoon|evening)|earlier today|later today)$/i;
/** A time text that is the day before the writing, with no hour ("yesterday", "last night"). */
export const DAY_BEFORE_TEXT = /^(?:yesterday|last night)(?: (?:morning|afternoon|evening|night))?$/i;
const DAY_WORDS = /\b(?:yesterday(?: (?:morning|afternoon|evening))?|today|tonight|last night|this (?:morning|afternoon|evening))\b/gi;
const RELATIVE_DAY = /^(?:yesterday|today|tonight|tomorrow|last night|(?:yesterday|this|tomorrow) (?:morning|afternoon|evening|night))$/i;
const LAST_YEAR_AFTER = /^,?\s+(?:of\s+)?last\s+year\b/i;

/** An ISO date a whole number of years earlier or later (29 February becomes 28 February). */
function shiftYear(isoDate: string, years: number): string {
  const y = Number(isoDate.slice(0, 4)) + years;
  const md = isoDate.slice(4) === '-02-29' ? '-02-28' : isoDate.slice(4);
  return `${String(y).padStart(4, '0')}${md}`;
}

/**
 * The time a figure at [figStart, figEnd) of `sentence` is about: the nearest time expression that does not
 * overlap the figure, else the document date.
 */
export function timeOf(sentence: string, figStart: number, figEnd: number, docDate: string | null): TimeRef | null {
  // expressions before the figure, or after it in the same clause ("45 people died on Tuesday", not "…, the
  // biggest turnout since the strikes of 1995")
  // (an expression the date parser ran across the figure, "from 17 on Tuesday", counts from the figure's end)
  let found = timeExpressions(sentence, docDate)
    .map((f) => (f.start < figEnd && f.end > figEnd && f.start >= figStart - 6 && /[a-z]/i.test(sentence.slice(figEnd, f.end)) ? { ...f, start: figEnd, ref: { ...f.ref, text: sentence.slice(figEnd, f.end).trim() } } : f))
    .filter((f) => f.end <= figStart || (f.start >= figEnd && !/[,;:]/.test(sentence.slice(figEnd, f.start)) && !openParen(sentence.slice(figEnd, f.start)) && !EVENT_CLAUSE.test(sentence.slice(figEnd, f.start))));
  // ("confirmed nine deaths, up from four yesterday, and said six are missing": a time right after another figure is
  // that figure's, not one past the clause after it)
  const own = found.filter((f) => !(f.end <= figStart && /[,;]/.test(sentence.slice(f.end, figStart)) && FIGURE_BEFORE.test(sentence.slice(Math.max(0, f.start - 14), f.start))));
  found = own;
  // ("dropped to 1.38 billion florins (€184 million) from 2.41 billion florins in 2024": a time after the base of a
  // comparison dates the base, not the figure before it)
  // (not for the change itself: "up 3.2 points from 58.2% in 2021" is a change since 2021)
  if (!CHANGE_BEFORE.test(sentence.slice(Math.max(0, figStart - 16), figStart))) found = found.filter((f) => !(f.start >= figEnd && COMPARED_BASE.test(sentence.slice(figEnd, f.start))));
  // ("Two more bodies were recovered on Sunday, one from the hillside where a mudslide buried houses on Saturday, …,
  // raising the toll to five": a time in a relative clause closed before the figure dates that clause, when the
  // sentence has another)
  // (an expression may end on its comma: "on Friday,")
  const main = found.filter((f) => !(f.end <= figStart && /[,;]/.test(sentence.slice(f.end - 1, figStart)) && IN_RELATIVE.test(sentence.slice(0, f.start).split(/[,;]/).pop()!)));
  if (main.length && main.length < found.length) found = main;
  // ("The avalanche that came down at 11:20 on Saturday has claimed eleven lives": a time in a relative clause of the
  // subject dates what the subject did; the count after the main verb's perfect is as of the report)
  found = found.filter((f) => !(f.end <= figStart && subjectRelative(sentence.slice(0, f.start).split(/[,;:]/).pop()!) && perfectMain(sentence.slice(f.end, figStart))));
  if (found.length) {
    let best = found[0]!;
    let bd = Infinity;
    for (const f of found) {
      const d = f.end <= figStart ? figStart - f.end : f.start - figEnd;
      if (d < bd) {
        bd = d;
        best = f;
      }
    }
    // ("the worst since June 2011, when nine tornadoes killed six people": a figure in the clause that the "since"
    // date opens is of that date, not a count so far)
    if (best.own && best.end <= figStart && WHEN_CLAUSE.test(sentence.slice(best.end, figStart))) return { ...best.ref, ...best.own };
    return best.ref;
  }
  return docDate ? { start: docDate, end: docDate, text: 'document date' } : null;
}

/** The base of a comparison between a figure and a time after it: "from 2.41 billion", "compared with €562m". */
const COMPARED_BASE = /\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:a\s+|an\s+)?[^\s,;]*\d/i;

/** A change's own words right before it: "up 3.2 points", "rose by 5%", "fell 12%". */
const CHANGE_BEFORE = /\b(?:up|down|by|rose|fell|gained|lost|grew|increased|decreased|climbed|dropped|jumped|slipped|slid|declined)\s+$/i;

/** A clause after a figure that dates another event ("23 people have died when the span collapsed on Monday"): its
 * time is the event's, while the figure is counted as of the report. */
const EVENT_CLAUSE = /\bwhen\b/i;

/** A clause a date opens, up to a figure in it (", when nine tornadoes killed "). */
const WHEN_CLAUSE = /^\s*,\s*when\b[^,;.]*$/i;

/** "that"/"which" and the word after it. */
const RELATIVE_WORD = /\b(?:that|which)\s+([a-z]+)\b/gi;
/** Words after "that"/"which" that open no relative clause of a noun ("said that on …", "that the", "which it"). */
const NOT_RELATIVE_VERB = new Set(['on', 'in', 'at', 'by', 'during', 'the', 'a', 'an', 'this', 'these', 'those', 'it', 'its', 'they', 'he', 'she', 'we', 'there', 'some', 'all']);
/** Does a clause (no comma, semicolon or colon in it) hold a relative clause of a noun before a time ("The avalanche
 * that came down from the couloir ")? */
function subjectRelative(clause: string): boolean {
  for (const m of clause.matchAll(RELATIVE_WORD)) {
    if (m.index! > 0 && /[a-z]\s$/i.test(clause.slice(Math.max(0, m.index! - 2), m.index!)) && !NOT_RELATIVE_VERB.has(m[1]!.toLowerCase())) return true;
  }
  return false;
}
/** The main verb's perfect ("has claimed", "have now risen"). */
const PERFECT = /\b(?:has|have)\s+(?:(?:now|already|so\s+far)\s+)?([a-z]+)\b/gi;
/** Is there the main verb's perfect between such a time and the figure, in the same clause ("has claimed", "have now
 * risen to")? */
function perfectMain(between: string): boolean {
  if (/[,;:.]/.test(between)) return false;
  for (const m of between.matchAll(PERFECT)) if (/(?:ed|en|wn|ne)$/i.test(m[1]!)) return true;
  return false;
}

/** A clause opened by a relative word ("… the hillside where a mudslide buried houses "). */
const IN_RELATIVE = /\b(?:where|which|who|whose)\b/i;

/** The end of a figure right before a time expression ("four yesterday", "1,200 on Monday"). */
const FIGURE_BEFORE = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|people|dead|deaths|missing))\s+(?:on\s+|by\s+|at\s+)?$/i;

/** Does the text leave a parenthesis open ("(H1 2024: …" after a figure: the time belongs to the parenthesis)? */
function openParen(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

export function daysBetween(a: string, b: string): number {
  return Math.round((parseIso(b).getTime() - parseIso(a).getTime()) / 86400000);
}
