/**
 * findDateSpans looks for date cues only within three tokens of a number (every cue has one there): it must find
 * every form of date and clock time it found when it looked at every token, and give the same spans.
 */
import { findDateSpans } from '../../src/extract/dates.js';
import { normalizeForScan } from '../../src/extract/normalize.js';
import { tokenize } from '../../src/extract/tokens.js';

function spans(text: string, everyToken: boolean): string[] {
  const norm = normalizeForScan(text);
  return findDateSpans(tokenize(norm), everyToken).map((s) => norm.slice(s.start, s.end));
}

const SENTENCES = [
  'On 14 October 2023, 18,500 people marched.',
  'The ministry said on October 14 that 40 were hurt.',
  'Talks resume in March 2024 with 12 delegations.',
  'By Sept. 3 the toll had reached 61.',
  'The vote closed at 18:00 with 412 ballots cast.',
  'The briefing is at 3 p.m. and the next at 9 a.m.',
  'Trading halted at 0900 GMT after a 4% fall.',
  'It was filed on 10/14/2022 and amended on 2022-10-14, then on 14.10.2022.',
  'At 11 am, 300 people had gathered; by 2 pm, 900.',
  'May 5: 20 arrests. March 1912 was colder.',
  'Police said 3,000 marched, and the unions said 12,000 came.',
  'The summit of 2019, in June, drew 5 leaders.',
  'The train left at 7.45 on Friday with 240 passengers.',
  'He was born Jan. 9, 1956 and died 70 years later.',
  'Prices rose 2.1 pm and 3 noon 12 midnight 5 hrs 4 hours.',
  'Nothing here holds a number, nor a date, nor a month like May.',
  'Score: 2-1. Ratio 3/4. Section 1.2.3 and 2024/25 season.',
  'Between 9 and 10 December 2024, 1,200 flights were cancelled.',
];

describe('date cues near numbers', () => {
  test.each(SENTENCES)('the same spans as looking at every token: %s', (s) => {
    expect(spans(s, false)).toEqual(spans(s, true));
  });

  test('every form of cue is found (month names either side of a number, clock times, digit dates)', () => {
    expect(spans('On 14 October 2023, 18,500 people marched.', false).join('|')).toContain('14 October 2023');
    expect(spans('The vote closed at 18:00 with 412 ballots cast.', false).join('|')).toContain('18:00');
    expect(spans('The briefing is at 3 p.m. today.', false).join('|')).toContain('3 p.m.');
    expect(spans('It was filed on 10/14/2022.', false).join('|')).toContain('10/14/2022');
    expect(spans('Flights resume on 12 December.', false).join('|')).toContain('12 December');
    expect(spans('The count ended at 10 pm.', false).join('|')).toContain('10 pm');
    expect(spans('Nothing here holds a number, nor a date, nor a month like May.', false)).toEqual([]);
  });

  test('the same spans on a long text with numbers and month names at its edges and far apart', () => {
    const filler = 'and the crowd waited in the rain for news of the talks '.repeat(40);
    const text = `March 3 ${filler} 7 people ${filler} on 9 June ${filler} at 5 p.m. ${filler} December 2021`;
    expect(spans(text, false)).toEqual(spans(text, true));
    expect(spans(text, false).length).toBeGreaterThanOrEqual(4);
  });
});
