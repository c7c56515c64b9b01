/**
 * src/extract/chrono.ts runs a chrono-node parser only where its pattern could match: every text (or tail of one,
 * which chrono scans after a match it turns down) the pattern matches, the test lets through. Checked on sentences
 * that name dates and durations and on random strings of chrono's own words.
 */
import { parserGates } from '../../src/extract/chrono.js';

const gates = parserGates();

function missed(text: string): string[] {
  const out: string[] = [];
  for (const g of gates) {
    let m = false;
    for (let k = 0; k < text.length && !m; k++) m = g.pattern.test(text.substring(k));
    if (m && !g.runs(text)) out.push(g.name);
  }
  return out;
}

describe('chrono-node parsers run where they can match', () => {
  test('every casual parser is one the tests know', () => {
    const known = ['ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENTimeUnitWithinFormatParser', 'ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser', 'ENYearMonthNameParser', 'ENCasualDateParser', 'ENCasualTimeParser', 'ENEndOfCurrentMonthParser', 'ENMonthNameParser', 'ENRelativeDateFormatParser', 'ENTimeUnitCasualRelativeFormatParser'];
    expect(gates.map((g) => g.name).sort()).toEqual([...known].sort());
  });

  test('sentences with dates, weekdays and durations', () => {
    const sentences = [
      'Seeds of the sago palm are used in Bermuda to make heads and faces of dolls sold to tourists.',
      'Two weeks later, on Monday 14 October 2024, the toll stood at 45.',
      'The 1st of May 2023 was a Sunday; by the twenty-first it was over, three days and 4 hours after the storm.',
      'Sales rose 5% in the last quarter and 2 years ago were flat; a couple of hours from now, results.',
      'Between 3 and 5 Sept. the river rose; on Tues. it fell, this weekend it rises again, next week too.',
      'In 2024 May saw 12 mm of rain (2024-05-12), 5/6/2024 and 12/2024 and 9 p.m. at midnight last night.',
      'half an hour earlier, severalyrhenceforth, the2a fewhrfrom now, d3.5monafter, within about ~ 5 mins',
    ];
    for (const s of sentences) expect([s, missed(s)]).toEqual([s, []]);
  });

  test('random strings of chrono words', () => {
    const words = ['2', '14', '2024', '3.5', 'a', 'an', 'the', 'one', 'ten', 'half', 'half an', 'a few', 'several', 'a couple of', 'of', 'in', 'for', 'within', 'about', 'around', 'just', '~',
      's', 'm', 'h', 'd', 'w', 'y', 'mo', 'yr', 'hr', 'day', 'weeks', 'month', 'years', 'quarter', 'sec', 'mins', 'qtr', 'mon',
      'ago', 'before', 'earlier', 'later', 'after', 'from now', 'henceforth', 'forward', 'out', 'this', 'last', 'past', 'next', '+', '-', '/', '.', ',', 'and',
      'may', 'May', 'March', 'sept.', 'Sept', 'jan.', 'December', 'st', 'th', 'first', 'second', 'twenty-first', 'thirty first', 'BC', 'AD', 'CE',
      'Monday', 'thurs.', 'weekend', 'on', 'to', 'until', 'x', 'é', '_', '(', ')'];
    const seps = ['', ' ', '  ', ',', ', ', '-', '/', '\u00a0'];
    let seed = 7;
    const rnd = (k: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % k;
    for (let i = 0; i < 20000; i++) {
      let s = '';
      for (let j = 1 + rnd(6); j > 0; j--) s += (s ? seps[rnd(seps.length)] : '') + words[rnd(words.length)];
      const m = missed(s);
      if (m.length) expect([s, m]).toEqual([s, []]);
    }
  });
});
