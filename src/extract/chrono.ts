/**
 * chrono-node's casual English parser, running only the parsers that can match the text at hand.
 *
 * chrono runs every one of its ~18 parsers' patterns over the whole text, which costs more than the few it needs:
 * a parser whose pattern needs a word the text lacks ("ago", a weekday, a month name) or a digit shape it lacks
 * ("2024-", "3/4") finds nothing. Its results are the concatenation of each parser's, in parser order, sorted
 * stably by position, then refined: leaving out parsers that find nothing changes no result.
 *
 * Each test below is a literal that every match of the parser's pattern contains (checked on the lower-cased
 * text: the patterns are ASCII and case-insensitive, so only ASCII letters match their letters), and for the parsers
 * that rarely find anything, a pattern that matches inside every match of theirs, made of their own pieces relaxed to
 * run in linear time (checked on the text as it is, case-insensitive like chrono's). None looks left of what a match
 * holds: chrono also scans the rest of a text from just after a match it turns down, where its patterns' (\W|^) can
 * hold at any character. A parser this module does not know always runs. (test/extract/chrono-gates.test.ts: every
 * text a parser's pattern matches, its test lets through.)
 */
import { casual } from 'chrono-node/en';

type Chrono = typeof casual;
type Parser = Chrono['parsers'][number];

const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/;
const DIGIT = /\d/;

// Pieces of chrono-node's own patterns (en/constants.ts), for the tests that need more than a literal, relaxed to
// what ends each piece (the last digit of a number) so that they run in linear time: the end of a number of units
// ("two weeks", "5 days", "a couple of hours"), a month name
const NUMBER = String.raw`(?:(?:eleven|twelve|three|seven|eight|four|five|nine|one|two|six|ten)|\d|half(?:\s{0,2}an?)?|an?\b(?:\s{0,2}few)?|few|several|the|a?\s{0,2}couple\s{0,2}(?:of)?)`;
const UNIT = '(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)';
const MONTH_NAME = String.raw`(?:september|february|november|december|january|october|august|march|april|sept\.|june|july|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sep\.|sept|oct\.|nov\.|dec\.|may|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)`;
/** The last number and unit of a duration, where it ends ("two weeks", "three days and 4 hours"). */
const DURATION_END = new RegExp(`${NUMBER}\\s{0,3}${UNIT}(?=\\W|$)`, 'i');
/** A duration's last number and unit, then "ago", "before" or "earlier". */
const AGO = new RegExp(`${NUMBER}\\s{0,3}${UNIT}\\s{0,5}(?:ago|before|earlier)(?=\\W|$)`, 'i');
/** A duration's last number and unit, then "later", "after", "from now" … */
const LATER = new RegExp(`${NUMBER}\\s{0,3}${UNIT}\\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=\\W|$)`, 'i');
/** "this/last/past/next" and a unit ("after this" ends in "this"). */
const RELATIVE_UNIT = new RegExp(`(?:this|last|past|next)\\s*${UNIT}(?=\\W|$)`, 'i');
/** A day (digits, maybe "th", or an ordinal word: all end in st, nd, rd or th) and a month after it, which ends there or runs on into digits of a year. */
const DAY_MONTH = new RegExp(`(?:\\d|st|nd|rd|th)(?:-|\\/|\\s{0,3}(?:of)?\\s{0,3})${MONTH_NAME}(?![a-z_])`, 'i');
/** A month and a day after it (digits or an ordinal word: "twenty" for "twenty-first" … "twenty ninth"). */
const MONTH_DAY = new RegExp(
  `${MONTH_NAME}[-/\\s,]*(?:\\d|twenty|thirty|seventeenth|thirteenth|fourteenth|eighteenth|nineteenth|fifteenth|sixteenth|eleventh|seventh|twelfth|second|fourth|eighth|first|third|fifth|sixth|ninth|tenth)`,
  'i',
);
/** A weekday (or "weekend", "weekday") where its word ends, or runs on into "of", "this", "last", "past", "next" (week). */
const WEEKDAY = /(?:wednesday|thursday|saturday|tuesday|sunday|monday|thurs\.|friday|thurs|thur\.|sun\.|mon\.|tue\.|wed\.|thur|thu\.|fri\.|sat\.|sun|mon|tue|wed|thu|fri|sat|weekend|weekday)(?:\W|$|of|this|last|past|next)/i;
/** A year (digits, or an era: BE, AD, BC, BCE, CE) and a month after it. */
const YEAR_MONTH = new RegExp(`(?:\\d|be|ad|bc|ce)[-./,\\s]*(?:of\\s+)?${MONTH_NAME}`, 'i');

/** The text a set of parsers is picked for: in lower case for the literals, as it is for the patterns. */
class Cues {
  private durationEnd: boolean | null = null;
  constructor(
    readonly lower: string,
    readonly text: string,
  ) {}
  /** DURATION_END.test(text), once per text. */
  duration(): boolean {
    return (this.durationEnd ??= DURATION_END.test(this.text));
  }
}

/**
 * What every match of each casual parser's pattern contains, by parser class (see chrono-node's en/parsers); a literal
 * test first, then, for the parsers that rarely find anything, a pattern every match of theirs matches too.
 */
const NEEDS: Record<string, (c: Cues) => boolean> = {
  ENYearMonthDayParser: (c) => /\d{4}/.test(c.lower),
  ISOFormatParser: (c) => /\d{4}-\d/.test(c.lower),
  SlashDateFormatParser: (c) => /\d[/.-]\d/.test(c.lower),
  ENTimeUnitWithinFormatParser: (c) => (c.lower.includes('in') || c.lower.includes('for')) && c.duration(),
  ENMonthNameLittleEndianParser: (c) => MONTH.test(c.lower) && DAY_MONTH.test(c.text),
  ENMonthNameMiddleEndianParser: (c) => MONTH.test(c.lower) && MONTH_DAY.test(c.text),
  ENWeekdayParser: (c) => /sun|mon|tue|wed|thu|fri|sat|week/.test(c.lower) && WEEKDAY.test(c.text),
  ENSlashMonthFormatParser: (c) => /\d\/\d{4}/.test(c.lower),
  ENTimeExpressionParser: (c) => DIGIT.test(c.lower),
  ENTimeUnitAgoFormatParser: (c) => /ago|before|earlier/.test(c.lower) && AGO.test(c.text),
  // ("from now" contains "now")
  ENTimeUnitLaterFormatParser: (c) => /later|after|now|henceforth|forward|out/.test(c.lower) && LATER.test(c.text),
  ENYearMonthNameParser: (c) => MONTH.test(c.lower) && DIGIT.test(c.lower) && YEAR_MONTH.test(c.text),
  // ("tonight", "last night" contain "night"; "tmrw" contains "tmr")
  ENCasualDateParser: (c) => /now|today|tomorrow|overmorrow|tmr|yesterday|night/.test(c.lower),
  // ("midnight" contains "night", "afternoon" "noon")
  ENCasualTimeParser: (c) => /morning|noon|evening|night|midday/.test(c.lower),
  ENEndOfCurrentMonthParser: (c) => c.lower.includes('month'),
  ENMonthNameParser: (c) => MONTH.test(c.lower),
  ENRelativeDateFormatParser: (c) => /this|last|past|next|after/.test(c.lower) && RELATIVE_UNIT.test(c.text),
  ENTimeUnitCasualRelativeFormatParser: (c) => /this|last|past|next|after|\+|-/.test(c.lower) && c.duration(),
};

const PARSERS: Parser[] = casual.parsers;
// (one bit per parser in a set: with more parsers than bits, all run)
const TESTS = PARSERS.length <= 30 ? PARSERS.map((p) => NEEDS[p.constructor.name] ?? null) : null;
/** A copy of the casual parser per set of parsers that run (bit k: PARSERS[k]). */
const bySet = new Map<number, Chrono>();

/** casual.parse(text, ref, option), with the same results. */
export function parseDates(text: string, ref: Parameters<Chrono['parse']>[1], option?: Parameters<Chrono['parse']>[2]): ReturnType<Chrono['parse']> {
  if (!TESTS) return casual.parse(text, ref, option);
  const cues = new Cues(text.toLowerCase(), text);
  let set = 0;
  for (let k = 0; k < TESTS.length; k++) {
    const test = TESTS[k];
    if (!test || test(cues)) set |= 1 << k;
  }
  let chrono = bySet.get(set);
  if (!chrono) {
    chrono = casual.clone();
    chrono.parsers = PARSERS.filter((_, k) => set & (1 << k));
    bySet.set(set, chrono);
  }
  return chrono.parse(text, ref, option);
}

/** The casual parsers by class name, each with whether it runs on a text (for the test that checks the tests above). */
export function parserGates(): Array<{ name: string; pattern: RegExp; runs: (text: string) => boolean }> {
  const ctx = { option: {}, refDate: new Date(0), reference: {}, text: '' } as unknown as Parameters<Parser['pattern']>[0];
  return PARSERS.map((p) => {
    const test = NEEDS[p.constructor.name];
    return { name: p.constructor.name, pattern: p.pattern(ctx), runs: (text: string) => !test || test(new Cues(text.toLowerCase(), text)) };
  });
}
