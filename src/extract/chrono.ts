/**
 * chrono-node's casual English parser, running only the parsers that can match the text at hand.
 *
 * chrono runs every one of its ~18 parsers' patterns over the whole text, which costs more than the few it needs:
 * a parser whose pattern needs a word the text lacks ("ago", a weekday, a month name) or a digit shape it lacks
 * ("2024-", "3/4") finds nothing. Its results are the concatenation of each parser's, in parser order, sorted
 * stably by position, then refined: leaving out parsers that find nothing changes no result.
 *
 * Each test below is a literal that every match of the parser's pattern contains (checked on the lower-cased
 * text: the patterns are ASCII and case-insensitive, so only ASCII letters match their letters). A parser this
 * module does not know always runs.
 */
import { casual } from 'chrono-node/en';

type Chrono = typeof casual;
type Parser = Chrono['parsers'][number];

const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/;
const DIGIT = /\d/;

/** What every match of each casual parser's pattern contains, by parser class (see chrono-node's en/parsers). */
const NEEDS: Record<string, (lower: string) => boolean> = {
  ENYearMonthDayParser: (s) => /\d{4}/.test(s),
  ISOFormatParser: (s) => /\d{4}-\d/.test(s),
  SlashDateFormatParser: (s) => /\d[/.-]\d/.test(s),
  ENTimeUnitWithinFormatParser: (s) => s.includes('in') || s.includes('for'),
  ENMonthNameLittleEndianParser: (s) => MONTH.test(s),
  ENMonthNameMiddleEndianParser: (s) => MONTH.test(s),
  ENWeekdayParser: (s) => /sun|mon|tue|wed|thu|fri|sat|week/.test(s),
  ENSlashMonthFormatParser: (s) => /\d\/\d{4}/.test(s),
  ENTimeExpressionParser: (s) => DIGIT.test(s),
  ENTimeUnitAgoFormatParser: (s) => /ago|before|earlier/.test(s),
  // ("from now" contains "now")
  ENTimeUnitLaterFormatParser: (s) => /later|after|now|henceforth|forward|out/.test(s),
  ENYearMonthNameParser: (s) => MONTH.test(s) && DIGIT.test(s),
  // ("tonight", "last night" contain "night"; "tmrw" contains "tmr")
  ENCasualDateParser: (s) => /now|today|tomorrow|overmorrow|tmr|yesterday|night/.test(s),
  // ("midnight" contains "night", "afternoon" "noon")
  ENCasualTimeParser: (s) => /morning|noon|evening|night|midday/.test(s),
  ENEndOfCurrentMonthParser: (s) => s.includes('month'),
  ENMonthNameParser: (s) => MONTH.test(s),
  ENRelativeDateFormatParser: (s) => /this|last|past|next|after/.test(s),
  ENTimeUnitCasualRelativeFormatParser: (s) => /this|last|past|next|after|\+|-/.test(s),
};

const PARSERS: Parser[] = casual.parsers;
// (one bit per parser in a set: with more parsers than bits, all run)
const TESTS = PARSERS.length <= 30 ? PARSERS.map((p) => NEEDS[p.constructor.name] ?? null) : null;
/** A copy of the casual parser per set of parsers that run (bit k: PARSERS[k]). */
const bySet = new Map<number, Chrono>();

/** casual.parse(text, ref, option), with the same results. */
export function parseDates(text: string, ref: Parameters<Chrono['parse']>[1], option?: Parameters<Chrono['parse']>[2]): ReturnType<Chrono['parse']> {
  if (!TESTS) return casual.parse(text, ref, option);
  const lower = text.toLowerCase();
  let set = 0;
  for (let k = 0; k < TESTS.length; k++) {
    const test = TESTS[k];
    if (!test || test(lower)) set |= 1 << k;
  }
  let chrono = bySet.get(set);
  if (!chrono) {
    chrono = casual.clone();
    chrono.parsers = PARSERS.filter((_, k) => set & (1 << k));
    bySet.set(set, chrono);
  }
  return chrono.parse(text, ref, option);
}
