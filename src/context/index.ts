/**
 * context: Mention → Claim. Each figure gets its place in the file on disk (UTF-16 span, line, column), its
 * sentence, who said it, when it is about and where it applies.
 */
import { fileLineColumn } from '../ingest/offsets.js';
import { extract } from '../extract/index.js';
import { getLexicon, type Lexicon } from '../lexicon/index.js';
import type { Claim, Document, Mention, Segment, TimeRef } from '../types.js';
import { findAttribution, type Attribution } from './attribution.js';
import { findScope, paragraphLabelScope } from './scope.js';
import { sentenceAt, sentenceIndex, sentenceStarts, splitLongSentences } from './sentences.js';
import { documentPeriod, fiscalPeriods, monthsSoFar, TODAY_TEXT, timeOf } from './time.js';

export interface ClaimContext extends Claim {
  /** Comparable key of the attribution ("putin", "police"), null when unattributed. */
  attributionKey: string | null;
  /** Comparable key of the scope ("north kherson region", "national"), null when unscoped. */
  scopeKey: string | null;
  /** Index of the document in the run (input order). */
  docIndex: number;
  /** Index of the mention inside its document: links (conversionOf, partOf, shareOf) use it. */
  index: number;
  /** The sentence describes a state at the time of writing ("now", "so far", "are working"): it may change by the next report. */
  snapshot: boolean;
  /** A moment of the day or of the event the sentence names ("mid-morning", "11.40am", "at the close", "at
   * landfall", "by the afternoon", "Tuesday night"), lower-cased; else null. */
  intraday: string | null;
  /** The time stamp of the live-report entry the claim stands in ("16:45 — Police say …"), in minutes after
   * midnight of its date; else null. */
  clock?: number | null;
  /** The clock is a live report's newest entry's, given to its headline or lead (its latest news), not an entry's own. */
  latest?: boolean;
  /** The hour its own time expression names ("last night's 7 p.m. briefing", "this morning": minutes after midnight,
   * a part of the day roughly), which orders two figures of one day; else null. */
  dayClock?: number | null;
  /** The basis a past period's figure is stated on: "restated" ("from a restated KDC 4.87 billion", a column "FY 2024
   * restated") or "reported" ("as originally reported", "the 4.96 billion it first reported"); else absent. */
  basis?: 'restated' | 'reported';
  /** The span, in hours, over which an amount that piles up was measured ("186 mm in the 48 hours to 6 a.m." → 48,
   * "more than 8 inches in four days" → 96); else absent. */
  window?: number;
  /** For a row of a list read by listRows ("Castrell: 38,500"): where the list's lead starts; rows of one list are
   * siblings, none of them the total of the others. */
  list?: number;
  /** For a figure in a table cell: the table, row and column, and whether that table closes with a total row. */
  cell?: { table: number; row: number; col: number; totalRow: number | null };
}

const RELATIVE = /\b(?:which|that|when)\b/g;
const LAST_NAMED = /\b(?:last year's|last month's|last week's|the previous year's|a year earlier's) /gi;
/** What may follow LAST_NAMED up to the relative clause: up to five words ("march", "big pensions march,"). */
const NAMED_WORDS = /^(?:[A-Za-z'-]+ ){0,4}[A-Za-z'-]+,? ?$/;
const YEAR_NAMED = /\b(?:the|a|an|its|their)\s+((?:1[89]|20)\d\d)\s+(?:[A-Za-z'-]+\s){0,4}[A-Za-z'-]+,?\s?$/;

/**
 * Does `before` (the text up to a figure) end in a relative clause on an event named with an earlier year than
 * `docYear`: "the 2018 Saddleback fire, which burned …"?
 */
function pastEventClause(before: string, docYear: number): boolean {
  let last = -1;
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(before); m; m = RELATIVE.exec(before)) last = m.index;
  if (last < 0 || /[.;()]/.test(before.slice(last))) return false;
  const head = before.slice(Math.max(0, last - 70), last);
  // ("last year's march, which drew 26,000": an earlier event named by when it was)
  // (the last such phrase, then the words after it: two linear passes, no backtracking over the head)
  let from = -1;
  LAST_NAMED.lastIndex = 0;
  for (let m = LAST_NAMED.exec(head); m; m = LAST_NAMED.exec(head)) from = m.index + m[0].length;
  if (from >= 0 && NAMED_WORDS.test(head.slice(from))) return true;
  const y = YEAR_NAMED.exec(head);
  return !!y && Number(y[1]) < docYear;
}

/** A clock time the sentence dates its news by: "at the 12.30 briefing", "at 2:15 a.m.", "by 18:00". */
const SENTENCE_CLOCK = /\b(?:at|by|until|around|the)\s+([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*([ap])\.?m\b\.?)?/i;

/** An hour of the day a sentence dates its news by, without minutes: "at an 11 a.m. briefing", "the 9 a.m. update". */
const SENTENCE_HOUR = /\b(?:at|by|the|an?|its|their|[a-z]+day's)\s+(1[0-2]|0?[1-9])\s*([ap])\.?m\b/i;
/** What every match of SENTENCE_HOUR holds (its hour's last digit and "a.m."/"pm"): a fast test that rules most sentences out. */
const HOUR_AM_PM = /\d\s*[ap]\.?m\b/i;
/** What every match of SENTENCE_CLOCK holds (the hour's last digit, the separator, the minutes' first digit). */
const CLOCK_DIGITS = /\d[:.][0-5]\d/;

/** Minutes after midnight of the first clock time in a sentence, or null. */
function clockIn(sentence: string): number | null {
  const m = CLOCK_DIGITS.test(sentence) ? SENTENCE_CLOCK.exec(sentence) : null;
  return m ? clockMinutes(m[1]!, m[2]!, m[3]) : null;
}

/** Minutes after midnight of the hour a sentence dates its news by (SENTENCE_HOUR), or null. */
function hourIn(sentence: string): number | null {
  const h = HOUR_AM_PM.test(sentence) ? SENTENCE_HOUR.exec(sentence) : null;
  return h ? clockMinutes(h[1]!, '00', h[2]) : null;
}

/** The clock of a time expression: "7 p.m.", "Tue 14 Apr, 19:00", "this morning" (a part of the day, roughly). */
const TEXT_CLOCK = /\b([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*([ap])\.?m\b|\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/i;
const TEXT_DAY_PART = /\b(morning|midday|noon|afternoon|evening|tonight|night)\b/i;
const DAY_PARTS: Record<string, number> = { morning: 540, midday: 720, noon: 720, afternoon: 900, evening: 1140, tonight: 1320, night: 1320 };
function clockOfText(text: string): number | null {
  // (an hour before a part of the day: "last night's 7 p.m. briefing" is at 19:00)
  const m = TEXT_CLOCK.exec(text);
  if (m?.[1]) return clockMinutes(m[1], m[2] ?? '00', m[3]);
  if (m?.[4]) return clockMinutes(m[4], m[5]!, undefined);
  const p = TEXT_DAY_PART.exec(text);
  return p ? DAY_PARTS[p[1]!.toLowerCase()] ?? null : null;
}

/** A part of the day a sentence opens with ("Overnight the toll stood at 17", "By the evening, 40 …"): roughly, its
 * figures' hour of the day (overnight: the small hours, before the morning). */
const OPENING_DAY_PART = /^(?:overnight|(?:(?:by|at|in|during|on|early|late|this|later|earlier)\s+)?(?:the\s+)?(?:early\s+|late\s+)?(morning|midday|noon|afternoon|evening|night))\b/i;
function openingDayPart(sentence: string): number | null {
  const m = OPENING_DAY_PART.exec(sentence);
  return !m ? null : m[1] ? DAY_PARTS[m[1].toLowerCase()] ?? null : 120;
}

/** Minutes after midnight of an hour, its minutes and an optional "a"/"p" ("6", "30", "p" → 18:30). */
function clockMinutes(hour: string, minutes: string, ap: string | undefined): number {
  let h = Number(hour);
  const x = ap?.toLowerCase();
  if (x === 'p' && h < 12) h += 12;
  if (x === 'a' && h === 12) h = 0;
  return h * 60 + Number(minutes);
}

/** A sentence that names its period only by reference to the report's: "in the quarter", "during the half". */
const THE_PERIOD = /\b(?:in|during|for|over|across)\s+the\s+(quarter|half|half-year|period)\b/i;

/** The quarter or half of a report period's end a sentence names ("in the quarter" of a half-year report is its second
 * quarter; "for the half" of a quarter's report is the half that quarter ends); the period itself when it is that long. */
function periodOfLength(p: TimeRef, months: number): TimeRef {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(p.end ?? '');
  const s = /^(\d{4})-(\d{2})-01$/.exec(p.start ?? '');
  if (!months || !m || !s) return p;
  const span = (Number(m[1]) - Number(s[1])) * 12 + Number(m[2]) - Number(s[2]) + 1;
  const endMonth = Number(m[2]);
  if (span === months || endMonth % months !== 0 || (span !== 3 && span !== 6)) return p;
  const first = endMonth - months + 1;
  return { start: `${m[1]}-${String(first).padStart(2, '0')}-01`, end: p.end, text: months === 3 ? 'the quarter' : 'the half' };
}
/** A live report's entry stamp at the start of a paragraph: "16:45 — …", "**09:10** …", "11.50 GMT: …", "16:45" alone, "6:30 p.m." alone. */
const ENTRY_STAMP = /^[\s*_]*([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s*([ap])\.?m\b\.?)?(?:\s*(?:GMT|BST|CET|CEST|UTC|EST|EDT|PST|PDT|local(?: time)?))?[\s*_]*(?:[—–|:-]|$)/;

/** "two years after floods killed dozens", "in 2013, which killed more than 6,300": the sentence looks back. */
const HISTORY = /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many)\s+(?:years?|decades?|centuries)\s+(?:ago|earlier|before|after|previously)\b/i;

/**
 * The figure is about the past: the look-back expression follows it closely ("9% three years ago") or opens its
 * clause ("two years after floods killed dozens of people").
 */
function looksBack(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end, end + 45);
  const m = HISTORY.exec(after);
  if (m && !/\d/.test(after.slice(0, m.index)) && !/[,;]/.test(after.slice(0, m.index))) return true;
  const before = sentence.slice(Math.max(0, start - 60), start);
  const b = HISTORY.exec(before);
  if (b) {
    const rest = before.slice(b.index + b[0].length);
    if (!/\d|[,;]/.test(rest) && rest.trim().split(/\s+/).length <= 5) return true;
  }
  return false;
}

const SNAPSHOT = /\b(?:now|currently|so far|still|as of|at present|at the moment|to date|remains?|remained|ongoing|latest|mid-morning|mid-afternoon|midday|in early trade|in morning trade|in afternoon trade|at the close|at the open|intraday)\b|\b(?:is|are)\s+(?:still\s+)?[a-z]+ing\b|\b(?:is|are)\s+(?:now\s+|still\s+)?(?:on|in|at|without|under|out of)\s|\b(?:is|are)\s+(?:now\s+|still\s+)?(?:deployed|stationed|involved|engaged|mobili[sz]ed)\b|\bwithout (?:power|electricity|water|heating|shelter)\b|\bat the (?:height|peak) of\b|\bhad (?:fallen|risen|dropped|climbed|grown|eased|shrunk) to\b|\bstands? at\b|\bby\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|this|the\s+(?:morning|afternoon|evening|night|end|time|close|weekend)|tomorrow|tonight|late|early|mid)\b)|\b(?:provisional|preliminary|partial|incomplete)\s+(?:results?|counts?|returns|figures|tall(?:y|ies)|projections?)\b|\bon (?:the )?(?:provisional|preliminary|partial) (?:figures|numbers|results|count)\b/i;

/** A share of the ballots counted so far: "with 94.6% of ballots counted", "with 60 per cent of precincts reporting". */
const COUNTED_SHARE = String.raw`\bwith (?:about |around |nearly |almost |over |more than )?(N)(?:\.\d+)?\s?(?:%|per ?cent) of (?:the )?(?:ballots|votes|polling stations|precincts|districts|constituencies|returns)\s+(?:counted|in|reporting|declared|tallied|processed)\b`;
/** A sentence told while the count goes on is a passing state. */
const BALLOTS_COUNTED = new RegExp(COUNTED_SHARE.replace('(N)', String.raw`\d+`), 'i');
/** A count partway through ("with 94.6% of ballots counted"): the document's figures of its own day are provisional
 * (not "with 99.8% of ballots counted", all but the result). */
const PARTIAL_COUNT = new RegExp(COUNTED_SHARE.replace('(N)', String.raw`(?:\d|[1-8]\d|9[0-8])`), 'i');

/** A time of day a passing state was read at: two readings at different times of one day are no conflict. */
/**
 * The relative clause a figure stands in, set off by commas ("In Carrow, where police counted 4,000 marchers, the
 * protest ended …": "where police counted 4,000 marchers"), or null when the figure is in the main clause.
 */
export function relativeClause(sentence: string, rel: number, relEnd: number): string | null {
  const open = sentence.lastIndexOf(',', rel);
  if (open < 0) return null;
  const m = /^,\s+(?:where|which|who|whose|whom)\s/i.exec(sentence.slice(open, open + 9));
  if (!m) return null;
  const close = sentence.indexOf(',', relEnd);
  // (a clause that runs to the end of the sentence is the sentence's last word on it: "…, where 4,000 marched at noon.")
  if (close < 0) return null;
  return sentence.slice(open + 1, close);
}

const INTRADAY = /\b(?:at|by|in|during|until)\s+(?:the\s+|its\s+|their\s+)?(?:landfall|peak|height|afternoon|morning|evening|night|dawn|dusk|outset|weekend)\b|\bovernight\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tomorrow)\s+(?:morning|afternoon|evening|night)\b|\b(?:early|mid|late)[- ](?:morning|afternoon|session)\b|\bmidday\b|\b(?:in|by)\s+(?:early|morning|afternoon|late|evening)\s+(?:trade|trading|deals)\b|\bat the (?:close|open|opening bell|closing bell)\b|\bintraday\b|\b\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:at|by|until|from)\s+(?:about\s+|around\s+)?(?:[01]?\d|2[0-3]):[0-5]\d\b|\b(?:close[sd]?|finish(?:es|ed)?)\s+(?:the\s+(?:day|session)\s+)?(?:up|down|higher|lower)\b/i;

/** Amounts that pile up over a span: rain, snow, rainfall. */
const ACCUMULATES = /\b(?:rain|rainfall|snow|snowfall|precipitation)\b/i;
/** An amount that piled up over the whole event: "over the storm", "storm total", "storm-total rain". */
const EVENT_TOTAL = /\b(?:over|during|throughout) the (?:whole |entire )?(?:storm|cyclone|hurricane|typhoon|blizzard|event)\b|\bstorm[- ]totals?\b/i;
const SPAN_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, 'twenty-four': 24, 'forty-eight': 48, 'seventy-two': 72 };
const SPAN = /\b(?:(?:in|over|within|during|for)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|first\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty-four|forty-eight|seventy-two)\s+(hours?|days?)|(\d{1,3})[- ](hour|day)\b)/gi;
/** The span nearest a figure in its sentence ("in the 48 hours", "over four days", "a 24-hour total"), in hours. */
function spanOf(sentence: string, rel: number, relEnd: number): number | null {
  let best: number | null = null;
  let bestGap = Infinity;
  for (const m of sentence.matchAll(SPAN)) {
    const n = m[1] ? Number(m[1]) || SPAN_WORDS[m[1].toLowerCase()]! : Number(m[3]);
    const unit = (m[2] ?? m[4]!).toLowerCase();
    const gap = m.index >= relEnd ? m.index - relEnd : rel >= m.index + m[0].length ? rel - m.index - m[0].length : 0;
    if (gap < bestGap) {
      bestGap = gap;
      best = unit.startsWith('day') ? n * 24 : n;
    }
  }
  return best;
}

/**
 * A label without its coded words, a name of three letters or more with a digit glued on ("CET1 ratio (%)" -> " ratio
 * (%)"): such a word names a measure, not a period or a figure ("Q3", "H1", "FY24", "2025" keep their digits).
 */
function withoutCodes(x: string): string {
  if (!/[A-Za-z]{3}\d/.test(x)) return x;
  return x
    .split(' ')
    .filter((w) => !/^[A-Za-z]{3,}\d+[A-Za-z]*$/.test(w))
    .join(' ');
}

/** Words that state a past figure's basis: restated, or as (originally / first) reported. */
const RESTATED = /\brestated\b/gi;
const REPORTED = /\b(?:as\s+(?:originally\s+|first\s+|previously\s+)?reported|originally\s+reported|first\s+reported)\b/gi;
const REPORTED_AFTER = /^[^.;]{0,20}?\b(?:it|they|the (?:bank|company|group))\s+(?:had\s+)?(?:first|originally|previously)\s+reported\b/i;
/** The basis of a figure: the nearer of "restated" and "as originally reported" before it in its clause, or "… it first reported" after it. */
function basisOf(sentence: string, rel: number, relEnd: number): 'restated' | 'reported' | null {
  const from = Math.max(0, rel - 100);
  const before = sentence.slice(from, rel);
  let restated = -1;
  let reported = -1;
  if (/restated/i.test(before)) for (const m of before.matchAll(RESTATED)) restated = m.index;
  if (/reported/i.test(before)) for (const m of before.matchAll(REPORTED)) reported = m.index;
  if (restated >= 0 || reported >= 0) return restated > reported ? 'restated' : 'reported';
  return REPORTED_AFTER.test(sentence.slice(relEnd, relEnd + 60)) ? 'reported' : null;
}

const OUTLOOK_HEADING = /^\W*(?:(?:the\s+)?(?:outlook|guidance|forecasts?|targets|expectations)\b|(?:outlook|guidance)\s+for\b)/i;

/**
 * A moment of the day in one form, so two reports of it match: a clock time as "@01:40" ("1.40am", "at 01:40"), and
 * "at landfall" as "at landfall @01:40" when the document says when the storm made landfall.
 */
function momentOf(raw: string, landfallAt: () => number | null): string {
  const c = /(\d{1,2})[.:](\d{2})\s*(?:([ap])\.?m\b)?/i.exec(raw);
  const h = c ? null : /(\d{1,2})\s*([ap])\.?m\b/i.exec(raw);
  const hm = (min: number) => `@${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  if (c) return hm(clockMinutes(c[1]!, c[2]!, c[3]));
  if (h) return hm(clockMinutes(h[1]!, '00', h[2]));
  if (raw.includes('landfall')) {
    const at = landfallAt();
    if (at !== null) return `${raw} ${hm(at)}`;
  }
  return raw;
}

/**
 * The moment of the day a sentence names first (INTRADAY), read by momentOf; a named moment restated by a clock right
 * after it keeps both ("At the peak, at 2 a.m. on Sunday," is "at the peak @02:00": the peak, at two).
 */
function intradayIn(sentence: string, landfallAt: () => number | null): string | null {
  const m = INTRADAY.exec(sentence);
  if (!m) return null;
  // ("at its peak" is the peak another report puts "at the peak")
  const raw = m[0].toLowerCase().replace(/\s+/g, ' ').replace(/ (?:its|their) /, ' the ');
  // ("Shares close up 6.4%", "finished the session down 2%": the close, as "at the close" names it)
  if (/^(?:close|finish)/.test(raw)) return 'at the close';
  const at = momentOf(raw, landfallAt);
  if (at !== raw) return at;
  const next = RESTATED_CLOCK.exec(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24));
  return next ? `${raw} ${momentOf(next[1]!, landfallAt)}` : raw;
}
/** A clock right after a named moment, set off as its apposition: ", at 2 a.m.", " (02:00)", ", around 4.30pm". */
const RESTATED_CLOCK = /^\s*[,(]\s*(?:at\s+|around\s+|about\s+)?(\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.))(?![a-z])/i;

/** When a document says the storm made landfall: "made landfall at 01:40 on Wednesday", "came ashore … at 1.40am". */
const LANDFALL_AT = /\b(?:made landfall|came ashore|crossed the coast|hit land|struck land)\b[^.!?\n]{0,60}?\bat\s+([01]?\d|2[0-3])[.:]([0-5]\d)\s*(?:([ap])\.?m\b)?/i;
function landfallClock(text: string): number | null {
  const m = LANDFALL_AT.exec(text);
  return m ? clockMinutes(m[1]!, m[2]!, m[3]) : null;
}

function segmentOf(doc: Document, at: number, hint: number): number {
  const segs = doc.segments;
  let i = Math.max(0, Math.min(hint, segs.length - 1));
  while (i < segs.length && segs[i]!.end <= at) i++;
  while (i > 0 && segs[i]!.start > at) i--;
  return i;
}

/** Resolve "he said" to the nearest named speaker in the (up to three) sentences before (`starts` of a block ending at `blockEnd`). */
function resolvePronoun(text: string, starts: number[], blockEnd: number, sentIdx: number, prevNamed: Attribution | null): Attribution | null {
  for (let k = sentIdx - 1; k >= Math.max(0, sentIdx - 3); k--) {
    const s = starts[k]!;
    const e = starts[k + 1] ?? blockEnd;
    const a = findAttribution(text.slice(s, e), e - s);
    if (a && !a.pronoun) return a;
  }
  if (prevNamed) return prevNamed;
  // no speech verb before: the name the previous sentence opens with ("Vladimir Putin spoke in Astana. He said …")
  if (sentIdx > 0) {
    const prev = text.slice(starts[sentIdx - 1]!, starts[sentIdx] ?? blockEnd);
    const m = LEADING_NAME.exec(prev);
    if (m) {
      const name = m[1]!;
      return { text: name, key: name.split(/\s+/).pop()!.toLowerCase(), pronoun: false, at: 0 };
    }
  }
  return null;
}

/** A sentence opening with a person's name: two to four capitalised words, optionally after a title. */
const LEADING_NAME = /^\s*(?:(?:President|Prime Minister|Minister|Mr|Mrs|Ms|Dr|General|Governor|Mayor|Chancellor)\.?\s+)?((?:[A-Z][a-z'\u2019-]+\s+){1,3}[A-Z][a-z'\u2019-]+)\s+(?:[a-z]+ed|said|spoke|told|was|is|has|had|met|visited|went|came|gave|took|made|wrote|held|led|sent|won|lost|called|urged|warned)\b/;

/** Mention spans sorted by start, overlapping ones merged. */
function mergedSpans(mentions: Mention[]): Array<[number, number]> {
  const sorted = mentions.map((m): [number, number] => [m.start, m.end]).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** The hour of a live report's newest entry, and where its first stamped entry starts; null with fewer than three stamps. */
function liveLatest(doc: Document): { clock: number; before: number } | null {
  const stamps: number[] = [];
  let before = -1;
  for (const sg of doc.segments) {
    const st = ENTRY_STAMP.exec(doc.text.slice(sg.start, Math.min(sg.end, sg.start + 40)));
    if (!st) continue;
    if (before < 0) before = sg.start;
    stamps.push(clockMinutes(st[1]!, st[2]!, st[3]));
  }
  if (stamps.length < 3) return null;
  return { clock: stamps[0]! > stamps[stamps.length - 1]! ? stamps[0]! : stamps[stamps.length - 1]!, before };
}

export function contextualise(doc: Document, mentions: Mention[], docIndex: number, lex: Lexicon = getLexicon()): ClaimContext[] {
  const out: ClaimContext[] = [];
  const text = doc.text;
  const sentCache = new Map<number, number[]>();
  // mention spans (sorted, merged): an overlong sentence is never cut inside a figure
  const spans = mergedSpans(mentions);
  let segHint = 0;
  let lastNamed: Attribution | null = null;
  // the reporting periods of a results report (read at the first figure that could take one: most documents have
  // none, and reading them means running the period patterns over the whole text)
  let periods: ReportPeriods | null = null;
  const reportPeriods = () => (periods ??= documentPeriods(doc));
  let hasHeadings: boolean | undefined;
  let headingAt = -1;
  // what a sentence says of the time of writing, read once for all its figures
  let lastSentence: string | null = null;
  let snapshot = false;
  let partialCount: boolean | null = null;
  let intraday: string | null = null;
  let landfall: number | null | undefined;
  // the entry stamp in force: the last paragraph that opened with one, up to the claim's paragraph
  let clock: number | null = null;
  let stampSeg = -1;
  let stampAlone = false;
  // (under an "Outlook" or "Guidance" heading)
  let outlook = false;
  let sentenceClock: number | null = null;
  // (the hour it names without minutes, and whether it names the period only as "the quarter")
  let sentenceHour: number | null = null;
  let thePeriod = false;
  let readingClock: number | null = null;
  // (the sentence names a basis a figure may be stated on: "restated", "reported")
  let basisCue = false;
  let paraClock: { block: number; clock: number } | null = null;
  // a live report's headline and lead, above its first stamped entry, give its latest news: they are read at the hour
  // of its newest entry (the first of entries stamped newest first, else the last)
  const live = mentions.length && doc.segments.length ? liveLatest(doc) : null;
  for (let idx = 0; idx < mentions.length; idx++) {
    const m = mentions[idx]!;
    let blockStart = 0;
    let blockEnd = text.length;
    if (doc.segments.length) {
      segHint = segmentOf(doc, m.start, segHint);
      const seg = doc.segments[segHint]!;
      if (seg.start <= m.start && m.end <= seg.end) {
        blockStart = seg.start;
        blockEnd = seg.end;
      }
      for (; stampSeg < segHint; ) {
        const sg = doc.segments[++stampSeg]!;
        // (a heading ends the entry before it — but not the heading of an entry whose stamp stands alone right above
        // it: "<span class=time>16:45</span><h3>Arrests rise to 19</h3><p>…")
        if (sg.kind === 'heading') {
          if (!stampAlone) clock = null;
          outlook = OUTLOOK_HEADING.test(text.slice(sg.start, Math.min(sg.end, sg.start + 120)));
        }
        const st = ENTRY_STAMP.exec(text.slice(sg.start, Math.min(sg.end, sg.start + 40)));
        if (st) clock = clockMinutes(st[1]!, st[2]!, st[3]);
        stampAlone = !!st && sg.end - sg.start <= st[0].length + 1;
      }
    }
    let starts = sentCache.get(blockStart);
    if (!starts) {
      starts = splitLongSentences(text, sentenceStarts(text, blockStart, blockEnd), blockEnd, spans);
      sentCache.set(blockStart, starts);
    }
    const [ss, se] = sentenceAt(starts, blockEnd, m.start);
    const sentence = text.slice(ss, se).trimEnd();
    const rel = m.start - ss;
    const relEnd = m.end - ss;
    let attr = findAttribution(sentence, rel);
    if (attr?.pronoun) {
      const si = sentenceIndex(starts, ss);
      attr = (si >= 0 ? resolvePronoun(text, starts, blockEnd, si, lastNamed) : resolvePronoun(text, [ss], se, 0, lastNamed)) ?? attr;
    }
    if (attr && !attr.pronoun) lastNamed = attr;
    if (sentence !== lastSentence) {
      lastSentence = sentence;
      snapshot = SNAPSHOT.test(sentence) || BALLOTS_COUNTED.test(sentence);
      intraday = intradayIn(sentence, () => (landfall === undefined ? (landfall = landfallClock(text)) : landfall));
      sentenceClock = clockIn(sentence);
      sentenceHour = hourIn(sentence);
      thePeriod = THE_PERIOD.test(sentence);
      basisCue = /restated|reported/i.test(sentence);
      // (a reading's hour: "The 3 p.m. advisory upgrades Ondrea …")
      readingClock = sentenceClock ?? sentenceHour;
      if (readingClock !== null) paraClock = { block: blockStart, clock: readingClock };
    }
    // ("In Carrow, where police counted 4,000 marchers, the protest ended by mid-afternoon": a figure in a relative
    // clause of its own is read at the moment that clause names, not at one the main clause gives)
    let snapshotHere = snapshot;
    let intradayHere = intraday;
    if (snapshot || intraday) {
      const clause = relativeClause(sentence, rel, relEnd);
      if (clause !== null) {
        snapshotHere = SNAPSHOT.test(clause) || BALLOTS_COUNTED.test(clause);
        intradayHere = intradayIn(clause, () => (landfall === undefined ? (landfall = landfallClock(text)) : landfall));
      }
    }
    // (a reading: wind, pressure, and rain or snow that piles up, read at an hour and at a station)
    const reading = m.dimension === 'speed' || m.dimension === 'pressure' || (m.dimension === 'length' && ACCUMULATES.test(sentence));
    const scope = findScope(sentence, rel, relEnd, lex, reading || m.dimension === 'temperature') ?? (doc.segments.length && ss > blockStart ? paragraphLabelScope(text.slice(blockStart, Math.min(blockEnd, blockStart + 80)), lex) : null);
    // (a delay or a stay "from September 2027 to November 2028" spans those dates: it is stated at the writing)
    let time = m.dimension === 'duration' && doc.date ? { start: doc.date, end: doc.date, text: 'document date' } : timeOf(sentence, rel, relEnd, doc.date);
    // "today", "this morning", "tonight": the document's date (a part of it orders two figures of the day)
    let dayClock: number | null = null;
    if (time && time.text && time.text !== 'document date' && time.start === time.end) {
      dayClock = clockOfText(time.text);
      if (doc.date && time.start === doc.date && TODAY_TEXT.test(time.text)) time = { start: doc.date, end: doc.date, text: 'document date' };
    }
    // (an hour the sentence names is a part of the day too, as rough: "At an 11 a.m. briefing the directorate had reported 23 dead")
    if (dayClock === null && time && time.start === time.end) dayClock = sentenceHour ?? openingDayPart(sentence);
    // (and any figure of a sentence that names the period only as "the quarter": "we added 240,000 mobile customers in
    // the quarter")
    // (and a count under a section heading that names a period of the report: "## The second quarter in brief" —
    // "Vantora carried 9.8 million passengers")
    const periodic = m.dimension === 'currency' || m.dimension === 'percent' || thePeriod;
    // (only a document with headings has heading periods: the others' counts need not read the report's periods)
    if (time?.text === 'document date' && (periodic || (m.dimension === 'count' && (hasHeadings ??= doc.segments.some((g) => g.kind === 'heading')))) && (!m.role || m.role === 'change') && !snapshotHere) {
      const { period, headingPeriods } = reportPeriods();
      if (headingPeriods.length) while (headingAt + 1 < headingPeriods.length && headingPeriods[headingAt + 1]!.start <= m.start) headingAt++;
      const under = headingAt >= 0 && headingPeriods.length ? headingPeriods[headingAt]!.ref : null;
      if (under || (periodic && period)) {
        time = under ? { ...under, text: `${under.text} (the section's heading)` } : period ?? time;
        // ("revenue for the half rose 8.9%" in a report about the second quarter: the half that quarter ends)
        const named = THE_PERIOD.exec(sentence)?.[1]?.toLowerCase();
        if (named && time) time = periodOfLength(time, named === 'quarter' ? 3 : named === 'period' ? 0 : 6);
      }
    }
    const oStart = doc.map.toOriginalStart(m.start);
    const oEnd = doc.map.toOriginalEnd(m.end);
    const lc = doc.source !== undefined ? fileLineColumn(doc, oStart) : { line: 1, column: oStart + 1 };
    const claim = claimOf(m);
    claim.id = '';
    claim.document = doc.id;
    claim.span = { start: oStart, end: oEnd };
    claim.line = lc.line;
    claim.column = lc.column;
    claim.event = m.event ?? null;
    claim.time = time;
    claim.scope = scope ? scope.text : null;
    claim.attribution = attr ? attr.text : null;
    claim.sentence = sentence;
    claim.sentenceStart = ss;
    claim.attributionKey = attr ? attr.key : null;
    claim.scopeKey = scope ? scope.key : null;
    // (a stated conversion is of the place of the figure it converts: "163 km/h (101 mph) at Vik Point")
    if (!scope && m.conversionOf != null) {
      const o = out.length && out[out.length - 1]!.index === m.conversionOf ? out[out.length - 1]! : null;
      if (o?.scope) {
        claim.scope = o.scope;
        claim.scopeKey = o.scopeKey;
      }
    }
    claim.docIndex = docIndex;
    claim.index = idx;
    claim.snapshot = snapshotHere || (time?.text === 'document date' && (partialCount ??= PARTIAL_COUNT.test(text)));
    claim.intraday = intradayHere;
    // a figure of a section headed "Outlook" or "Guidance" is expected, unless dated to a period already past
    // (the period a report is about is no date of the figure's own: "## Outlook for 2026 … EBITDA of MRL 18.6 billion")
    if (outlook && !claim.role && (!time || time.text === 'document date' || (time.text ?? '').endsWith('(the period the report is about)') || !doc.date || (time.end ?? time.start ?? '') > doc.date)) claim.role = 'forecast';
    // (an amount that piles up — rain, snow — over a stated span: "186 mm in the 48 hours to 6 a.m.", "in four days")
    if (m.dimension === 'length' && ACCUMULATES.test(sentence)) {
      // ("412 mm of rain over the storm": the whole event, no span of hours)
      const w = spanOf(sentence, rel, relEnd) ?? (EVENT_TOTAL.test(sentence) ? Infinity : null);
      if (w !== null) claim.window = w;
    }
    const basis = basisCue ? basisOf(sentence, rel, relEnd) : null;
    if (basis) claim.basis = basis;
    // (a reading's own hour before the stamp of the entry it is posted in: "came ashore at 03:20 with winds of 210 km/h")
    // (in a live entry, the hour its paragraph named before is nearer a reading's than the entry's stamp: "15:20 — The
    // 3 p.m. advisory upgrades Ondrea to a typhoon. The central pressure is 956 hPa.")
    const carried = clock !== null && paraClock?.block === blockStart ? paraClock.clock : null;
    const lead = live && m.start < live.before ? live.clock : null;
    claim.clock = time?.text === 'document date' ? (reading ? readingClock ?? carried ?? clock ?? lead : clock ?? sentenceClock ?? lead) : null;
    if (lead !== null && claim.clock === lead && clock === null) claim.latest = true;
    claim.dayClock = dayClock;
    out.push(claim);
    // (a change "2.4 percentage points higher than a year ago" compares with the past; it is no figure of the past)
    const comparative = claim.unit === 'pp' || /^\s*(?:higher|lower|more|less|fewer|up|down|above|below|better|worse)\b/i.test(sentence.slice(relEnd, relEnd + 12));
    if (!claim.role && claim.dimension !== 'duration' && !comparative && looksBack(sentence, rel, relEnd)) claim.role = 'history';
    // ("Before Saturday, 14 people had died in avalanches this winter": the state of things before the news)
    if (!claim.role && /^before /.test(claim.time?.text ?? '')) claim.role = 'history';
    // "since the 2018 Saddleback fire, which … destroyed 212 homes": a figure of an earlier event named by its year
    if (!claim.role && doc.date && pastEventClause(sentence.slice(Math.max(0, rel - 160), rel), Number(doc.date.slice(0, 4)))) claim.role = 'history';
    // "up from €39.46bn a year earlier" after "Revenue for 2024": the period of the sentence, a year back
    if (claim.role === 'history' && time?.start && time.end && time.text !== 'document date' && YEAR_BACK.test(sentence.slice(relEnd, relEnd + 40))) {
      claim.time = { start: yearBack(time.start), end: yearBack(time.end), text: `${time.text}, a year earlier` };
    } else if (time?.start && time.end && time.text && time.text !== 'document date' && lastYears(sentence.slice(0, rel), time.text)) {
      // "cut last year's third-quarter net profit to 1.97 billion": the period named, of the year before
      claim.time = { start: yearBack(time.start), end: yearBack(time.end), text: `last year's ${time.text}` };
    } else if (doc.date && (!time || time.text === 'document date' || (time.text ?? '').endsWith('(the period the report is about)')) && LAST_YEARS_NOUN.test(sentence.slice(Math.max(0, rel - 48), rel))) {
      // "on last year's sales of RLL 35.2bn", "last year's toll was 14": the whole of the year before the report's
      const y = Number(doc.date.slice(0, 4)) - 1;
      claim.time = { start: `${y}-01-01`, end: `${y}-12-31`, text: "last year's" };
    }
    // a forecast is about a time to come, whatever the date of the report
    // ("expects full-year operating profit of …": the year of the report, no quarter in it)
    if (claim.role === 'forecast' && claim.time?.text === 'document date') claim.time = doc.date && FULL_YEAR.test(sentence.slice(Math.max(0, rel - 80), rel)) ? { start: `${doc.date.slice(0, 4)}-01-01`, end: `${doc.date.slice(0, 4)}-12-31`, text: 'the full year' } : null;
  }
  breakdownParts(out);
  rivalFigures(out, lex);
  restatedFigures(doc, out);
  listRows(doc, out, lex);
  tableCells(doc, out, lex);
  restatedFigures(doc, out, true);
  return out;
}

/**
 * A new claim of a mention: the claim's own fields laid out first, in one fixed order, then the mention's copied in.
 * (A copy of the mention, `{ ...m }`, that then took the claim's twenty fields one by one fell into V8's slow
 * property dictionaries: a 200 KB list of 100,000 figures spent 4 s here and 3 s more collecting garbage.)
 */
function claimOf(m: Mention): ClaimContext {
  return Object.assign(
    {
      id: '', document: '', span: NO_SPAN, line: 0, column: 0, event: null, time: null, scope: null, attribution: null, sentence: '', sentenceStart: 0,
      attributionKey: null, scopeKey: null, docIndex: 0, index: 0, snapshot: false, intraday: null, clock: null, dayClock: null,
    } as Omit<ClaimContext, keyof Mention> & Pick<ClaimContext, 'event'>,
    m,
  ) as ClaimContext;
}
const NO_SPAN = Object.freeze({ start: 0, end: 0 });

interface ReportPeriods {
  period: TimeRef | null;
  headingPeriods: Array<{ start: number; end: number; ref: TimeRef | null }>;
}
/**
 * A results report's money and shares with no time of their own are of the period it reports (documentPeriod); under
 * section headings that name a reporting period ("## Highlights of the second quarter", "## First half"), of the
 * heading's period, up to the next heading.
 */
function documentPeriods(doc: Document): ReportPeriods {
  const text = doc.text;
  const period = documentPeriod(text, doc.date, doc.title);
  const headingPeriods = FISCAL_HINT.test(text) ? doc.segments.filter((g) => g.kind === 'heading').map((g) => ({ start: g.start, end: g.end, ref: fiscalPeriods(text.slice(g.start, g.end), doc.date)[0]?.ref ?? headingMonths(text.slice(g.start, g.end), doc.date) ?? headingYear(text.slice(g.start, g.end), doc.date) })) : [];
  // (only where the headings name two periods or more — "Second quarter", "First half": one period named by a
  // heading is the period the whole report is about, and its figures stay comparable with other reports' undated ones)
  if (new Set(headingPeriods.map((h) => (h.ref ? `${h.ref.start}|${h.ref.end}` : null)).filter(Boolean)).size < 2) headingPeriods.length = 0;
  return { period, headingPeriods };
}

/**
 * The months of the year so far a section heading names on its own ("## Nine months", "Six-month results"): from
 * January of the document's year (the last year when those months are still to come).
 */
function headingMonths(heading: string, docDate: string | null): TimeRef | null {
  const m = /^\W*(three|six|nine)[-\s]months?\b(?!\s+(?:to|ended|ending|through|of)\b)/i.exec(heading);
  if (!m || !docDate) return null;
  return monthsSoFar(({ three: 3, six: 6, nine: 9 } as Record<string, number>)[m[1]!.toLowerCase()]!, docDate, heading.trim());
}

/**
 * A past year a section heading names on its own ("Highlights of 2025", "2025 in brief"): the calendar year, beside
 * the quarters other headings name; null for a year still running, an outlook, or a heading that names a month.
 */
function headingYear(heading: string, docDate: string | null): TimeRef | null {
  const ys = heading.match(/\b(?:19|20)\d\d\b/g);
  if (!ys || ys.length !== 1 || !docDate || `${ys[0]}-12-31` > docDate) return null;
  if (/\b(?:outlook|guidance|forecasts?|targets?|plans?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(heading)) return null;
  return { start: `${ys[0]}-01-01`, end: `${ys[0]}-12-31`, text: heading.trim() };
}

const FULL_YEAR = /\b(?:full[- ]year|for the (?:full|whole) year|annual)\b/i;
/** A text that may name a reporting period at all (quarters, halves, fiscal years, "months to"). */
const FISCAL_HINT = /quarter|half|fiscal|full[- ]year|financial year|\b[QH][1-4]\b|\bFY|months (?:to|ended|ending|of)/i;
const YEAR_BACK = /^[^.;]{0,12}?\b(?:(?:a|one) year (?:earlier|ago|before)|the (?:previous|prior) year|the year before|last year|in the same (?:period|quarter|half|months) (?:a year (?:earlier|ago)|of last year|last year))\b/i;
/** "last year's" and the noun it owns right before a figure ("last year's sales of ", "last year's total was "). */
const LAST_YEARS_NOUN = /\blast year['’]s\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s+(?:of|was|were|at|stood at|came to|totalled|reached)\s+(?:[A-Z]{3}\s?|[$€£]\s?)?$/i;
/** Does `before` name the period `period` as the last year's ("last year's third-quarter net profit")? */
function lastYears(before: string, period: string): boolean {
  const i = before.toLowerCase().lastIndexOf(period.toLowerCase());
  return i >= 0 && /\b(?:last|the previous|the prior) year['’]s\s+$/i.test(before.slice(Math.max(0, i - 24), i));
}

/** The same day a year earlier ("2024-02-29" → "2023-02-28"). */
function yearBack(d: string): string {
  const y = Number(d.slice(0, 4)) - 1;
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${y}-${md}`;
}

/**
 * "12 people are now confirmed dead: seven in Ambry province, three in Calloway and one in Derrin": the figures after
 * the colon break the one before it down by place. They are parts (the sum rule checks them), never rival tolls.
 */
function breakdownParts(claims: ClaimContext[]): void {
  for (let i = 0; i + 2 < claims.length; i++) {
    const t = claims[i]!;
    if (t.role || t.unit !== 'count') continue;
    const rel = t.end - t.sentenceStart;
    const colon = t.sentence.indexOf(':', rel);
    if (colon < 0 || colon - rel > 40) continue;
    const parts: ClaimContext[] = [];
    for (let k = i + 1; k < claims.length && claims[k]!.sentenceStart === t.sentenceStart; k++) {
      const c = claims[k]!;
      if (c.start - c.sentenceStart < colon) break;
      if (c.unit !== t.unit) break;
      if (!PART_PLACE.test(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 40))) break;
      parts.push(c);
    }
    if (parts.length < 2) continue;
    for (const c of parts) if (!c.role) c.role = 'subset';
    i += parts.length;
  }
}
const PART_PLACE = /^ (?:[a-z]+ ){0,2}(?:in|from|at) (?:the )?[A-Z]/;

/** A count that names nothing of its own: no noun, phrase, event or role (a fraction is a share, not a count). */
function isBareCount(c: ClaimContext): boolean {
  return c.unit === 'count' && !c.noun && !c.phrase && !c.event && !c.role && c.form !== 'fraction';
}

/**
 * "Police said 6,500 and the union 14,000", "38,500 people marched in the capital and 90,000 nationwide": a bare
 * count (no noun, no event of its own) joined by a rival link (lexicon `rival_links`) to the count just before it in
 * its sentence is a second figure of that count — for another source or place — and counts what it counts. Only
 * counts of about one size (within a factor of 20): "12 killed and 3,000" is no pair of rivals.
 */
function rivalFigures(claims: ClaimContext[], lex: Lexicon): void {
  if (!lex.rivalLinks.size) return;
  for (let i = 1; i < claims.length; i++) {
    const c = claims[i]!;
    if (!isBareCount(c)) continue;
    const p = claims[i - 1]!;
    if (p.sentenceStart !== c.sentenceStart || p.unit !== 'count' || !p.noun || p.role || p.form === 'fraction') continue;
    if (!(p.value > 0 && c.value > 0 && Math.abs(Math.log10(c.value / p.value)) < 1.3)) continue;
    const gap = c.sentence.slice(p.end - c.sentenceStart, c.start - c.sentenceStart);
    if (gap.length > 60 || /[\d.!?:()]/.test(gap)) continue;
    if (!placeListRow(c, gap)) {
      // (the words after the link name a source or a place, never a clause of their own: not "…, but the ship was
      // certified for just 240")
      const words = gap.toLowerCase().split(/[^a-z]+/);
      const link = words.findLastIndex((w) => lex.rivalLinks.has(w));
      if (link < 0) continue;
      const after = words.slice(link + 1).filter(Boolean);
      if (after.length > 4 || after.some((w) => lex.auxiliaries.has(w) || ((lex.verbForms.has(w) || /..ed$/.test(w)) && !lex.measuringVerbs.has(w)))) continue;
    }
    c.noun = p.noun;
    c.phrase = p.phrase;
    c.event = p.event;
    c.measure = p.measure;
  }
}

/**
 * "31,500 people marched in Saltmere, 14,200 in Corran Bay": with no link word, a bare count is the next row of a list
 * by place when the count before it ends with its place and a comma, and it names a place of its own.
 */
function placeListRow(c: ClaimContext, gap: string): boolean {
  return PLACE_THEN_COMMA.test(gap) && PART_PLACE.test(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 40));
}
const PLACE_THEN_COMMA = /^ (?:[a-z]+ ){0,2}(?:in|from|at) (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}, $/;

/**
 * For each claim (in text order), the segment of `segs` (sorted, disjoint) that holds it, or null: one forward walk.
 */
function containing(claims: ClaimContext[], segs: Segment[]): Array<Segment | null> {
  const out: Array<Segment | null> = [];
  let k = 0;
  for (const c of claims) {
    while (k < segs.length && segs[k]!.end <= c.start) k++;
    const s = segs[k];
    out.push(s && s.start <= c.start && c.end <= s.end ? s : null);
  }
  return out;
}

/**
 * A figure in a table cell counts what its column's header names, for the row's label: the "27" in the row
 * "National Front" under "Seats" is the National Front's seats. Only when the cell's own text names nothing.
 */
function tableCells(doc: Document, claims: ClaimContext[], lex: Lexicon): void {
  const cells = doc.segments.filter((s) => s.kind === 'cell' && s.cell);
  if (!cells.length) return;
  // a label is words, not a figure
  const label = (x: string) => (/[A-Za-z]/.test(x) && !/\d/.test(withoutCodes(x)) && x.length <= 60 ? x.replace(/\s+/g, ' ') : null);
  const norm = (h: string) => h.toLowerCase().replace(/\([^()]*\)/g, ' ').replace(/[^a-z\s-]/g, ' ').replace(/\s+/g, ' ').trim();
  // per table: its row labels, and its column headers — a header several columns share ("Change" after "Share"
  // and after "Seats") told apart by the column before
  const rowLabels = new Map<string, string | null>();
  const rowTimes = new Map<string, { time: NonNullable<ClaimContext['time']>; clock: number | null }>();
  const colBasis = new Map<string, 'restated' | 'reported'>();
  const rawHeads = new Map<number, Array<string | null>>();
  // money and its scale named by the table's caption or a header ("Revenue by segment, € million", "(€m)"), and
  // reporting periods named by column headers ("Q2 2025", "Q2 2024")
  const tableMoney = new Map<number, { code: string | null; scale: number }>();
  const colRates = new Set<string>();
  const colMoney = new Map<string, { code: string | null; scale: number }>();
  const colPeriod = new Map<string, NonNullable<ClaimContext['time']>>();
  // columns in per cent ("Share (%)", "%", "Turnout, per cent")
  const colPercent = new Set<string>();
  // columns and rows in a unit ("Sustained wind (km/h)", "Rain, 24 h (mm)", "Central pressure (hPa)")
  const colUnit = new Map<string, { unit: string; dimension: Mention['dimension'] }>();
  const rowUnit = new Map<string, { unit: string; dimension: Mention['dimension'] }>();
  // rows in money or a scale ("Revenue (LMN million)", "Passengers (million)"): a row's own label outranks the column's
  const rowMoney = new Map<string, { code: string | null; scale: number }>();
  // what a short line right above a table says its figures are ("Rain measured by the SMI:")
  const tableLead = new Map<number, string>();
  const firstCell = new Map<number, Segment>();
  for (const s of cells) if (!firstCell.has(s.cell!.table)) firstCell.set(s.cell!.table, s);
  for (const [table, first] of firstCell) {
    // (a caption, or a short line or heading right above the table: "Key figures (€m)", "## Key figures (€m)")
    const cap = doc.segments.filter((g) => (g.kind === 'caption' && first.start - g.end < 300) || ((g.kind === 'paragraph' || g.kind === 'heading') && g.end - g.start <= 80 && first.start - g.end < 8)).filter((g) => g.end <= first.start).pop();
    const m = cap ? moneyScale(doc.text.slice(cap.start, cap.end), lex) : null;
    if (m) tableMoney.set(table, m);
    // ("Rain measured by the SMI:" above "| Station | 24 h to 09:00 Wed (mm) |": what the columns measure)
    // (or the last sentence of the paragraph right above, when it introduces the table: "… harbour. Rain measured by the SMI:")
    const intro = (() => {
      const p = cap ?? doc.segments.filter((g) => g.kind === 'paragraph' && g.end <= first.start && first.start - g.end < 8).pop();
      const t = p ? doc.text.slice(p.start, p.end).trim() : '';
      if (!cap && !t.endsWith(':')) return '';
      let e = t.length;
      while (e > 0 && '.: \t\n'.includes(t[e - 1]!)) e--;
      const body = t.slice(0, e);
      return body.slice(Math.max(body.lastIndexOf('.'), body.lastIndexOf('!'), body.lastIndexOf('?')) + 1).trim();
    })();
    const lead = leadWords(intro);
    if (lead) tableLead.set(table, lead);
  }
  for (const s of cells) {
    const { table, row, col } = s.cell!;
    const raw = doc.text.slice(s.start, s.end).trim();
    // (a header's year dates its column and leaves its label: "Revenue 2023")
    // ("2024/25 (bn drals)": a fiscal year, taken as April to March)
    const bare = row === 0 ? raw.replace(/\([^()]*\)/g, ' ').trim() : '';
    let year = row === 0 ? /^(?:([A-Za-z][A-Za-z.\s-]{0,30})\s)?((?:19|20)\d\d)(?:[/-](\d\d))?$/.exec(bare) : null;
    const fiscal = !!year?.[3] && Number(year[3]) === (Number(year[2]) + 1) % 100;
    if (year?.[3] && !fiscal) year = null;
    // ("Change on 2022", "vs 2024": the year a change is measured from, not the column's period)
    const since = !!year && /\b(?:on|since|from|vs|versus|over|against)\.?$/i.test((year[1] ?? '').trim());
    const text = label(year ? year[1] ?? '' : raw);
    if (row === 0) {
      if (col > 0 && NOT_ADDITIVE.test(raw)) colRates.add(`${table}|${col}`);
      if (col > 0 && PERCENT_LABEL.test(raw)) colPercent.add(`${table}|${col}`);
      const u = col > 0 ? labelUnit(raw, lex) : null;
      if (u) colUnit.set(`${table}|${col}`, u);
      const m = moneyScale(raw, lex);
      if (m) {
        if (col === 0) tableMoney.set(table, m);
        else colMoney.set(`${table}|${col}`, m);
      }
      // ("Q2 2025 restated", "FY 2024 (as reported)": the period, however its figures were stated)
      const head = raw.replace(STATED_AS, ' ').replace(/\s+/g, ' ').trim();
      if (col > 0 && /\brestated\b/i.test(raw)) colBasis.set(`${table}|${col}`, 'restated');
      else if (col > 0 && /\breported\b/i.test(raw)) colBasis.set(`${table}|${col}`, 'reported');
      // ("H1 2026 (OPL million)": the unit in brackets is no part of the period's words)
      const words = head.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
      const period = fiscalPeriods(words, doc.date)[0];
      // ("Revenue 2023", "2024": a column of one year's figures)
      if (period && period.end - period.start >= words.length - 6) colPeriod.set(`${table}|${col}`, period.ref);
      else if (year && col > 0 && !since) {
        const y = Number(year[2]);
        colPeriod.set(`${table}|${col}`, fiscal ? { start: `${y}-04-01`, end: `${y + 1}-03-31`, text: raw } : { start: `${y}-01-01`, end: `${y}-12-31`, text: raw });
      }
    }
    if (col === 0) rowLabels.set(`${table}|${row}`, text);
    if (col === 0 && row > 0) {
      const u = labelUnit(raw, lex);
      if (u) rowUnit.set(`${table}|${row}`, u);
      const m = rowLabelMoney(raw, lex);
      if (m) rowMoney.set(`${table}|${row}`, m);
    }
    // ("Mon 16 June, 18:00 | 7 | 38": a row of one briefing — its date and hour are its cells' time)
    // (or of a column headed as the time: "Advisory | Time | Category" with "14 | Thu 18:00 | 3")
    if ((col === 0 || (TIME_HEAD.test(rawHeads.get(table)?.[col] ?? '') && !rowTimes.has(`${table}|${row}`))) && row > 0 && /\d/.test(raw) && raw.length <= 40) {
      // ("Thu 18:00": a weekday abbreviated, as tables do, read as the day)
      const day = raw.replace(WEEKDAY_ABBREV, (w) => {
        const d = WEEKDAYS.find((x) => x.startsWith(w.slice(0, 3).toLowerCase()))!;
        return d[0]!.toUpperCase() + d.slice(1);
      });
      const when = timeOf(day, day.length, day.length, doc.date);
      const hm = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b(?:\s?([ap])\.?m\b)?/i.exec(raw);
      if (when && when.text !== 'document date') rowTimes.set(`${table}|${row}`, { time: when, clock: hm ? clockMinutes(hm[1]!, hm[2]!, hm[3]) : null });
    }
    if (row === 0 && col < 64) {
      let h = rawHeads.get(table);
      if (!h) rawHeads.set(table, (h = []));
      // (a header in a unit names its measure before any period or hour: "Rain, 24 h to 08:00 on 20 Sep (mm)" is rain)
      const lead = !text && colUnit.has(`${table}|${col}`) ? label(raw.replace(/\([^()]*\)/g, ' ').split(/[,\d]/)[0]!.trim()) ?? tableLead.get(table) ?? null : null;
      h[col] = text ? norm(text) : lead ? norm(lead) : null;
    }
  }
  // a column of changes is of the latest period of the columns it follows ("Q2 2025 | Q2 2024 | Change | H1 2025 |
  // H1 2024 | Change": the first change is the second quarter's, the second the half-year's)
  for (const [table, raw] of rawHeads) {
    let from = 1;
    for (let col = 1; col < raw.length; col++) {
      if (!raw[col] || !CHANGE_HEAD.test(raw[col]!)) continue;
      let latest: NonNullable<ClaimContext['time']> | null = null;
      for (let k = from; k < col; k++) {
        const p = colPeriod.get(`${table}|${k}`);
        if (p?.end && (!latest || p.end > latest.end!)) latest = p;
      }
      if (latest && !colPeriod.has(`${table}|${col}`)) colPeriod.set(`${table}|${col}`, latest);
      from = col + 1;
    }
  }
  const headers = new Map<number, Array<string | null>>();
  for (const [table, raw] of rawHeads) {
    headers.set(table, Array.from(raw, (h, col) => {
      if (!h) return null;
      const prev = col > 0 ? raw[col - 1] : null;
      // (columns told apart by their years, or by their units — one reading in two units — keep their label)
      return prev && raw.filter((o) => o === h).length > 1 && !colPeriod.has(`${table}|${col}`) && !colUnit.has(`${table}|${col}`) ? `${prev} ${h}` : h;
    }));
  }
  const counted = new Map<number, Array<string | null>>();
  for (const [table, h] of headers) counted.set(table, counterColumns(h, lex));
  // the one total row of a table, when it has one ("Total | 43"): its other rows break the total down
  const totalRows = new Map<number, number | null>();
  for (const [k, l] of rowLabels) {
    if (!l || !/^(?:total|totals|overall|all)\b/i.test(l)) continue;
    const [table, row] = k.split('|').map(Number) as [number, number];
    totalRows.set(table, totalRows.has(table) ? null : row);
  }
  const where = containing(claims, cells);
  // (or a last row whose figures are the sums of the three or more rows above it in some column: "| Dravenna | 203 |"
  // under its districts' 88, 57, 34 and 24)
  const sums = new Map<string, Map<number, number>>();
  const last = new Map<number, number>();
  claims.forEach((c, i) => {
    const s = where[i];
    if (!s || s.cell!.row === 0 || s.cell!.col === 0 || c.unit !== 'count' || c.qualifier !== 'exact') return;
    const k = `${s.cell!.table}|${s.cell!.col}`;
    let m = sums.get(k);
    if (!m) sums.set(k, (m = new Map()));
    m.set(s.cell!.row, c.value);
    if (s.cell!.row > (last.get(s.cell!.table) ?? 0)) last.set(s.cell!.table, s.cell!.row);
  });
  for (const [k, m] of sums) {
    const table = Number(k.split('|')[0]);
    const lastRow = last.get(table)!;
    if (totalRows.has(table) || lastRow < 4 || !m.has(lastRow) || m.size !== lastRow) continue;
    let sum = 0;
    for (const [row, v] of m) if (row !== lastRow) sum += v;
    if (sum > 0 && Math.abs(sum - m.get(lastRow)!) <= sum * 0.005) totalRows.set(table, lastRow);
  }
  // a column of identifiers ("Postcode", "Ref.", "Phone") holds no figures
  const idColumn = (table: number, col: number) => ID_COLUMN.test(rawHeads.get(table)?.[col] ?? '');
  const drop = new Set<ClaimContext>();
  claims.forEach((c, i) => {
    const s = where[i];
    if (!s) return;
    const { table, row, col } = s.cell!;
    if (row === 0) return;
    if (c.unit === 'count' && c.form === 'digits' && idColumn(table, col)) {
      drop.add(c);
      return;
    }
    // (a column of rates or averages has no total: "Cases per 100,000" in the district's row is its own rate)
    const totalRow = colRates.has(`${table}|${col}`) ? null : totalRows.get(table) ?? null;
    c.cell = { table, row, col, totalRow };

    const money = rowMoney.get(`${table}|${row}`) ?? colMoney.get(`${table}|${col}`) ?? tableMoney.get(table);
    // (a cell in the unit its header names, which then names what the cell measures like a count's)
    let labelled = false;
    const plain = c.unit === 'count' && c.form === 'digits' && c.role !== 'change';
    const rowRaw = rowLabels.get(`${table}|${row}`) ?? '';
    // a row of money per share ("Earnings per share (€)", "Dividend per share") is in the currency, unscaled
    const perShare = plain && col > 0 && /\bper share\b|\((?:€|\$|£|EUR|USD|GBP)\)/i.test(rowRaw) ? (/€|EUR/.test(rowRaw) ? 'EUR' : /£|GBP/.test(rowRaw) ? 'GBP' : /\$|USD/.test(rowRaw) ? 'USD' : money?.code ?? null) : null;
    if (plain && col > 0 && (PERCENT_LABEL.test(rowRaw) || (/\bratio\b/i.test(rowRaw) && rowRaw.includes('%')) || colPercent.has(`${table}|${col}`))) {
      // a row or column labelled in per cent ("Cost-to-income ratio (%)", "Share (%)") holds percentages, not money
      // of the table's caption nor counts
      c.unit = 'percent';
      c.dimension = 'percent';
    } else if (plain && col > 0 && !money && (colUnit.has(`${table}|${col}`) || rowUnit.has(`${table}|${row}`))) {
      // ("Sustained wind (km/h) | 185": a reading in the column's unit, not a count)
      const u = colUnit.get(`${table}|${col}`) ?? rowUnit.get(`${table}|${row}`)!;
      c.unit = u.unit;
      c.dimension = u.dimension;
      labelled = true;
    } else if (perShare) {
      c.unit = perShare;
      c.dimension = 'currency';
    } else if (money && plain) {
      if (money.code) {
        c.unit = money.code;
        c.dimension = 'currency';
      }
      const scaled = (x: number) => Number((x * money.scale).toPrecision(15));
      c.value = scaled(c.value);
      if (c.low !== null) c.low = scaled(c.low);
      if (c.high !== null) c.high = scaled(c.high);
      if (c.precision !== null) c.precision = scaled(c.precision);
      c.exact = String(c.value);
    }
    const basis = colBasis.get(`${table}|${col}`);
    if (basis) c.basis = basis;
    const period = colPeriod.get(`${table}|${col}`);
    // (a column's own period before the one the whole report is about)
    if (period && (!c.time || c.time.text === 'document date' || (c.time.text ?? '').endsWith('(the period the report is about)'))) c.time = period;
    else if (period && c.time && (c.time.text ?? '').endsWith("(the section's heading)")) c.time = columnUnderHeading(period, c.time);
    const rowTime = rowTimes.get(`${table}|${row}`);
    if (rowTime && (!c.time || c.time.text === 'document date')) {
      c.time = rowTime.time;
      if (rowTime.clock !== null) c.clock = rowTime.clock;
    }
    if (c.noun || c.phrase) return;
    const head = headers.get(table)?.[col] ?? null;
    let rowLabel = col > 0 ? rowLabels.get(`${table}|${row}`) ?? null : null;
    if (!head && !rowLabel) return;
    // the total row holds the wholes of the columns
    if (rowLabel && TOTAL_LABEL.test(rowLabel)) {
      rowLabel = null;
      if (!c.role) c.role = 'whole';
    }
    // a column of changes ("Change", "+/-", "±"); one that names nothing else changes the column before it
    // ("Seats | Change on 2022": a change in seats)
    let named = head;
    if (head && CHANGE_HEAD.test(head)) {
      if (!c.role) c.role = 'change';
      const rest = head.replace(/\b(?:change|changes|diff|difference|swing|on|since|from|vs|versus|over|to)\b|[-+±/]/g, ' ').trim();
      const prev = col > 1 ? headers.get(table)?.[col - 1] ?? null : null;
      if (!rest && prev && !colPercent.has(`${table}|${col - 1}`)) named = prev;
    }
    // a table of indicators by place or group ("Indicator | Dravenna region | Vellmark (national)"): the row names what
    // its cells count, the column whose figures they are
    const byRow = !!rowLabel && !!head && ROW_MEASURES.test(headers.get(table)?.[0] ?? '');
    if (named && (c.unit === 'count' || labelled)) c.phrase = byRow ? rowLabel : named === head ? counted.get(table)?.[col] ?? named : named;
    if (rowLabel && !c.holder) c.holder = byRow ? head : rowLabel;
    c.measure = [rowLabel, head].filter(Boolean).join(' ') || c.measure;
    // ("| Station | 24 h (mm) | Storm total (mm) |": a column of amounts over the whole event)
    if (c.window === undefined && c.dimension === 'length' && ACCUMULATES.test(c.measure ?? '') && EVENT_TOTAL.test(c.measure ?? '')) c.window = Infinity;
  });
  if (drop.size) {
    const kept = claims.filter((c) => !drop.has(c));
    claims.length = 0;
    claims.push(...kept);
  }
}

/**
 * The period of a table column under a section heading that names one: the column's own period ("## Third quarter"
 * over "| Q3 2025 | Q3 2024 |": the second column is of Q3 2024), or, when the column names only a year, the
 * heading's period in that year ("## Third quarter" over "| 2025 | 2024 |": Q3 of each year).
 */
function columnUnderHeading(column: NonNullable<ClaimContext['time']>, heading: NonNullable<ClaimContext['time']>): NonNullable<ClaimContext['time']> {
  const wholeYear = !!column.start && !!column.end && column.start.slice(0, 4) === column.end.slice(0, 4) && column.start.endsWith('-01-01') && column.end.endsWith('-12-31');
  const inOneYear = !!heading.start && !!heading.end && heading.start.slice(0, 4) === heading.end.slice(0, 4);
  if (!wholeYear || !inOneYear) return column;
  const y = column.start!.slice(0, 4);
  return { start: y + heading.start!.slice(4), end: y + heading.end!.slice(4), text: `${heading.text}, ${column.text}` };
}

/**
 * "| City | Union stewards' count | Police count |": columns whose headers differ only by who counted, before one generic
 * head ("count", "estimate", "figure"), count one thing; a column named by its counter alone counts what the sibling
 * the lexicon knows as a crowd count (crowd_cues) counts. Per column, that sibling's header, or null.
 */
function counterColumns(heads: Array<string | null>, lex: Lexicon): Array<string | null> {
  const out: Array<string | null> = heads.map(() => null);
  const byHead = new Map<string, number[]>();
  heads.forEach((h, col) => {
    const words = h?.split(' ') ?? [];
    if (col === 0 || words.length < 2 || !lex.genericHeads.has(words[words.length - 1]!)) return;
    const g = byHead.get(words[words.length - 1]!);
    if (g) g.push(col);
    else byHead.set(words[words.length - 1]!, [col]);
  });
  for (const cols of byHead.values()) {
    const known = [...new Set(cols.map((c) => heads[c]!).filter((h) => lex.crowdCues.has(h)))];
    if (cols.length < 2 || known.length !== 1) continue;
    for (const c of cols) if (heads[c] !== known[0]) out[c] = known[0]!;
  }
  return out;
}

/**
 * The words a line introducing a table opens with, up to what says how or where they were got: "Rain measured by the
 * SMI" → "Rain", "Wind gusts recorded on Friday" → "Wind gusts"; null past four words or for anything but words.
 */
function leadWords(intro: string): string | null {
  const words: string[] = [];
  for (const w of intro.replace(/^#+/, '').split(/\s+/)) {
    if (!w) continue;
    let e = w.length;
    while (e > 0 && ':(,'.includes(w[e - 1]!)) e--;
    const bare = w.slice(0, e);
    if (INTRO_STOP.has(bare.toLowerCase()) || !/^[A-Za-z][A-Za-z-]*$/.test(bare)) break;
    words.push(bare);
    if (bare !== w) break;
  }
  return words.length && words.length <= 4 ? words.join(' ') : null;
}
const INTRO_STOP = new Set(['measured', 'recorded', 'reported', 'observed', 'by', 'in', 'at', 'for', 'from', 'since', 'on', 'to']);

const WEEKDAY_ABBREV = /\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?/g;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** How a column's figures were stated, beside its period: "Q2 2025 restated", "FY 2024 (as reported)". */
const STATED_AS = /\(?\b(?:restated|as restated|reported|as reported|originally reported|adjusted|underlying|pro forma|unaudited|audited|actual)\b\)?/gi;

/** A column header that names when each row was read or issued: "Time", "Date", "Issued", "Valid at". */
const TIME_HEAD = /^(?:time|date|date and time|when|issued|valid|valid at|observed|local time|hour)$/;

/** A column header of figures that do not add up: rates per head, averages, medians. */
const NOT_ADDITIVE = /\bper\s+(?:\d|capita|head|person|inhabitant|resident|thousand|hundred|million)|\b(?:rate|average|mean|median)\b/i;

/** The first header of a table whose rows are the measures: "Indicator", "Key figures", "Metric". */
const ROW_MEASURES = /^(?:indicators?|measures?|metrics?|key (?:figures?|indicators?|data)|statistics?|variables?)$/i;

/** A column header of changes: "Change", "Change on 2022", "+/-", "±". */
const CHANGE_HEAD = /\b(?:change|changes|diff|difference|swing)\b|^[-+±/\s]*$/;

/** A row or column label in per cent: "Share (%)", "%", "Turnout, per cent", "Margin (pct)". */
const PERCENT_LABEL = /\((?:%|per ?cent|pct)\)|%$|^%|\bper ?cent$/i;

const ID_COLUMN = /^(?:post ?code|postal code|zip(?: code)?|code|id|ref|reference|no|number|phone|tel|telephone|isin|ticker|registration(?: no)?|(?:advisory|bulletin|update|report)(?: no)?|category|cat|rank|ranking|round|grade|stage|phase|day|week)$/;

/**
 * The unit a table's header or row label names after its words ("Sustained wind (km/h)", "Rain, 24 h to 08:00 (mm)",
 * "Pressure, hPa"): read as the extractor reads "1 km/h"; null for a count, money or per cent (read elsewhere) or
 * anything that is not one unit.
 */
function labelUnit(raw: string, lex: Lexicon): { unit: string; dimension: Mention['dimension'] } | null {
  const m = /\(([^()]{1,12})\)\s*$/.exec(raw) ?? /,\s*([^,\d]{1,12})$/.exec(raw);
  if (!m) return null;
  const probe = `1 ${m[1]!.trim()}`;
  const found = extract(probe, undefined, { lexicon: lex });
  const f = found.length === 1 ? found[0]! : null;
  if (!f || f.start !== 0 || f.end !== probe.length || f.value !== 1) return null;
  if (f.unit === 'count' || f.dimension === 'currency' || f.dimension === 'percent') return null;
  return { unit: f.unit, dimension: f.dimension };
}

/**
 * The money and scale a row label names in its closing brackets ("Revenue (LMN million)", "Passengers (million)",
 * "Net debt (€bn)"): read as a header's, but only from the brackets, so the label's own words ("Top million homes")
 * scale nothing.
 */
function rowLabelMoney(raw: string, lex: Lexicon): { code: string | null; scale: number } | null {
  const m = /\(([^()]{1,24})\)\s*$/.exec(raw);
  return m ? moneyScale(m[1]!, lex) : null;
}

/**
 * The money and scale a caption or header names ("Revenue by segment, € million", "EUR m", "(€m)", "in millions of
 * euros"), read with the lexicon's currency signs, currency words and scale words; the scale alone when it names
 * no currency the lexicon knows; null when it names no scale.
 */
function moneyScale(text: string, lex: Lexicon): { code: string | null; scale: number } | null {
  let code: string | null = null;
  let scale: number | null = null;
  let abbrev: number | null = null;
  for (const m of text.matchAll(/[€$£¥]|[A-Za-z]+/g)) {
    const w = m[0];
    const low = w.toLowerCase();
    if (!code) {
      const pre = lex.prefixes.candidates(w, low)?.find((e) => e.toks.length === 1 && e.value.dimension === 'currency');
      const word = lex.units.candidates(w, low)?.find((e) => e.toks.length === 1 && e.value.unit.dimension === 'currency');
      code = pre?.value.name ?? word?.value.unit.name ?? null;
    }
    if (!scale) scale = lex.scales.get(low) ?? lex.scales.get(low.replace(/s$/, '')) ?? null;
    // (a one-letter abbreviation only next to money: "€m" is millions, "Height (m)" is metres; "bn" is a scale)
    if (!abbrev && (code || (w.length >= 2 && !lex.units.candidates(w, low)))) abbrev = lex.scaleAbbrevs.get(w)?.value ?? null;
  }
  scale ??= abbrev;
  // ("Spending, bn drals", "Population (millions)": a scale with no currency the lexicon knows scales the cells alone)
  return scale && scale >= 1000 ? { code, scale } : null;
}

/**
 * "HOW MANY MARCHED? (police figures)" over "Castrell: 38,500", "Dunmara: 17,900": a list whose rows are a place and a
 * bare count (list items or short lines, two rows or more) counts what the line that leads it counts, in each row's
 * place. The lead is a heading or caption, or a paragraph that ends in a colon, right above the first row. What it
 * counts is read from a count of the lead itself ("A total of 78,600 people were evacuated:" — the rows are its
 * parts), else from the document's counts of the same number as a row ("Police put the figure at 38,500"); the rows'
 * source is the one the lead names among the document's sources ("police", "union"). A row labelled as the rest or
 * the total ("Total", "TOTAL") takes the meaning but no place; one labelled as the rest (lexicon `rest_labels`:
 * "Others", "Everywhere else") is left alone.
 */
function listRows(doc: Document, claims: ClaimContext[], lex: Lexicon): void {
  const segs = doc.segments;
  if (!segs.length) return;
  type Row = { seg: number; claim: ClaimContext; label: string };
  const rows: Row[] = [];
  const where = containing(claims, segs);
  const segIndex = new Map(segs.map((s, k) => [s, k]));
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    const s = where[i];
    if (!s || (s.kind !== 'list-item' && s.kind !== 'heading') || !isBareCount(c)) continue;
    const k = segIndex.get(s)!;
    const tail = doc.text.slice(c.end, s.end).trim();
    if (tail !== '' && tail !== '.') continue;
    // (the label: past a bullet, up to a colon or dash before the figure, its spaces made one)
    let label = doc.text.slice(s.start, c.start).replace(/\s+/g, ' ').trim();
    if (/^[-*•]/.test(label)) label = label.slice(1).trim();
    if (/[:–—-]$/.test(label)) label = label.slice(0, -1).trim();
    if (LIST_LABEL.test(label)) rows.push({ seg: k, claim: c, label });
  }
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.seg === rows[j - 1]!.seg + 1) j++;
    const run = rows.slice(i, j);
    i = j;
    if (run.length < 2 || run[0]!.seg === 0) continue;
    const lead = segs[run[0]!.seg - 1]!;
    const leadText = doc.text.slice(lead.start, lead.end).trim();
    if (leadText.length > 200 || !(lead.kind === 'heading' || lead.kind === 'caption' || (lead.kind === 'paragraph' && leadText.endsWith(':')))) continue;
    const named = (c: ClaimContext) => c.unit === 'count' && !!c.noun && !c.role && c.form !== 'vague';
    // (a count the lead states: the rows break it down)
    const own = claims.filter((c) => c.start >= lead.start && c.end <= lead.end);
    let src: ClaimContext | null = own.length === 1 && named(own[0]!) && leadText.endsWith(':') ? own[0]! : null;
    const whole = !!src;
    if (!src && !own.length) {
      // (else the document's counts of a row's number, all of one meaning)
      const values = new Set(run.map((r) => r.claim.value));
      const told = claims.filter((c) => named(c) && values.has(c.value) && !run.some((r) => r.claim === c));
      if (told.length && told.every((c) => c.noun === told[0]!.noun && c.event === told[0]!.event)) src = told[0]!;
    }
    // (else what the lead says is counted: "HOW MANY MARCHED?", "its count of people in evacuation centres")
    if (!src && !own.length) src = leadCount(leadText, lex);
    if (!src) continue;
    // (the source the lead names, among those the document quotes)
    let attribution = whole ? src.attribution : null;
    let attributionKey = whole ? src.attributionKey : null;
    if (!whole) {
      const words = new Set(leadText.toLowerCase().split(/[^a-z0-9']+/));
      for (const c of claims) {
        const key = c.attributionKey;
        if (key && !lex.genericSources.has(key) && key.split(' ').every((w) => words.has(w))) {
          attribution = c.attribution;
          attributionKey = key;
          break;
        }
      }
    }
    for (const r of run) {
      const c = r.claim;
      const total = TOTAL_LABEL.test(r.label);
      const place = total || lex.restLabels.has(r.label.split(/\s+/)[0]!.toLowerCase()) ? null : findScope(`1 in ${r.label}`, 0, 1, lex);
      if (!total && !place) continue;
      c.noun = src.noun;
      c.phrase = src.phrase ?? null;
      c.event = src.event;
      c.measure = src.measure;
      c.list = lead.start;
      if (attributionKey && !c.attributionKey) {
        c.attribution = attribution;
        c.attributionKey = attributionKey;
      }
      if (whole && src.time && (!c.time || c.time.text === 'document date')) c.time = src.time;
      if (place) {
        c.scope = place.text;
        c.scopeKey = place.key;
        if (whole) c.role = 'subset';
      }
    }
  }
}
/**
 * What a list's lead line says its figures count, read as the extractor reads a figure put in its place: "How many
 * marched?" as "1000 marched", "count of people in evacuation centres on Monday" as "1000 people in evacuation centres
 * on Monday"; null when the lead has neither form or the figure put there names nothing.
 */
function leadCount(lead: string, lex: Lexicon): ClaimContext | null {
  const t = lead === lead.toUpperCase() ? lead.toLowerCase() : lead;
  const m = LEAD_COUNT.exec(t);
  if (!m) return null;
  const probe = `1000 ${(m[1] ?? m[2])!.split(/[,:;?(]/)[0]!.trim()}`;
  const f = extract(probe, undefined, { lexicon: lex })[0];
  if (!f || f.start !== 0 || f.unit !== 'count' || f.role || (!f.noun && !f.event)) return null;
  return claimOf(f);
}
const LEAD_COUNT = /\bhow many ([a-z][a-z ]{2,40})|\b(?:count|number|tally|total|numbers|counts)\s+of\s+([a-z][a-z ,-]{2,60})/i;

/** A table's or list's row label that names the whole: "Total", "All", "Overall". */
const TOTAL_LABEL = /^(?:total|totals|all|overall|sum)\b/i;
/** The label of a list's row before its figure (spaces made one): up to four words, the first capitalised ("Castrell",
 * "Orrin Bay"). */
const LIST_LABEL = /^[A-Z][A-Za-z'’.-]*(?: [A-Za-z'’.-]+){0,3}$/;

/**
 * "Strike day in Caldorra: 65,000 or 300,000?": a bare count in a headline names what it counts nowhere but in
 * the article, where the same number is told in full ("police said 65,000 people took part"). It takes that
 * figure's counted thing, event, source and place — when the body tells the number once (or always alike).
 * With `body`, the same for a bare count of at least 100 in the text that refers back to one told in another
 * sentence ("the police's 46,400", "Of the 252, …"); run after tables and lists have named their cells.
 */
function restatedFigures(doc: Document, claims: ClaimContext[], body = false): void {
  const headings = doc.segments.filter((s) => s.kind === 'heading');
  if (!headings.length && !body) return;
  const where = containing(claims, headings);
  // a headline's figures; or the body's running text (not a table cell or a list row, which name what they count otherwise)
  const from = body ? containing(claims, doc.segments.filter((s) => s.kind === 'paragraph' || s.kind === 'quote')) : where;
  const bare = claims.filter((c, i) => c.unit === 'count' && !c.noun && !c.phrase && !c.role && from[i] && (!body || (c.value >= 100 && c.form !== 'vague')));
  // ("the police's 46,400" that the extractor already gave the counted thing told before: it still restates that figure)
  const echoes = body ? claims.filter((c, i) => from[i] && echoCount(c)) : [];
  if (!bare.length && !echoes.length) return;
  const told = new Map<number, ClaimContext[]>();
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    if (c.unit !== 'count' || !c.noun || c.form === 'vague' || where[i]) continue;
    const l = told.get(c.value);
    if (l) l.push(c);
    else told.set(c.value, [c]);
  }
  for (const c of bare) {
    const l = told.get(c.value);
    if (!l || (body && l.some((x) => x.sentenceStart === c.sentenceStart))) continue;
    const b = l[0]!;
    if (l.some((x) => x.noun !== b.noun || x.event !== b.event)) continue;
    c.noun = b.noun;
    c.phrase = b.phrase ?? null;
    c.measure = b.measure;
    c.event = b.event;
    if (!c.attribution && b.attribution) {
      c.attribution = b.attribution;
      c.attributionKey = b.attributionKey;
    }
    if (!c.scope && b.scope) {
      c.scope = b.scope;
      c.scopeKey = b.scopeKey;
    }
  }
  for (const c of echoes) {
    const l = told.get(c.value)?.filter((x) => x !== c && x.sentenceStart !== c.sentenceStart);
    if (!l?.length || l.some((x) => x.noun !== c.noun || !x.attributionKey || x.attributionKey !== l[0]!.attributionKey)) continue;
    c.attribution = l[0]!.attribution;
    c.attributionKey = l[0]!.attributionKey;
  }
}

/**
 * A count of at least 100 with no source whose counted thing is not written after it (the extractor carried it from
 * the count told before: "the union dismissed the police's 46,400"): it restates a figure.
 */
function echoCount(c: ClaimContext): boolean {
  if (c.unit !== 'count' || !c.noun || !c.phrase || c.role || c.attribution || c.value < 100 || c.form === 'vague') return false;
  const after = c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 40).toLowerCase();
  return !after.includes(c.phrase.toLowerCase().split(/\s+/)[0]!);
}
