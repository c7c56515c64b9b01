/**
 * Comparisons and ranges in running text: bounds from words and symbols, a lower and an upper bound joined into
 * one interval, ranges with dashes, tildes, suspended hyphens and negative ends.
 */
import { figs, one } from './helpers.js';

describe('bounds', () => {
  test.each([
    ['This number is greater than 4,565', 4565, null],
    ['which are less than or equal to 100', null, 100],
    ['exceed 3000', 3000, null],
    ['Annual sales topped 4,100 units', 4100, null],
    ['The toll surpassed 300', 300, null],
    ['Revenue exceeded 5 million', 5e6, null],
    ['x>10 and y', 10, null],
    ['Is it still the case when >= 30', 30, null],
    ['Is it still the case when <-30', null, -30],
    ['Is it still the case when <=  -30', null, -30],
    ['His score is 200 or more', 200, null],
    ['His score is 200 or greater than', 200, null],
    ['about five hundred or less in these products', null, 500],
    ['bigger or equal than three thousand nine hundred and sixty five', 3965, null],
  ])('%s', (text, low, high) => {
    const f = one(text);
    expect([f.low, f.high]).toEqual([low, high]);
    expect(f.qualifier).toBe(low === null ? 'upper' : 'lower');
  });

  test('"closer to 2,600": an estimate', () => {
    expect(one('The union said the real number would be closer to 2,600.')).toMatchObject({ value: 2600, qualifier: 'approx', low: 2340, high: 2860 });
  });

  test('"or more than" before a number bounds that number, not the one before', () => {
    const fs = figs('His score is equal to 5000 or more than 4500');
    expect(fs.map((f) => [f.value, f.qualifier])).toEqual([
      [5000, 'exact'],
      [4500, 'lower'],
    ]);
  });

  test('comparison symbols inside markup or doubled are no bounds', () => {
    expect(figs('<>30')).toEqual([expect.objectContaining({ qualifier: 'exact' })]);
    expect(figs('=>30').every((f) => f.qualifier === 'exact')).toBe(true);
    expect(figs('<td>5</td> people').every((f) => f.qualifier === 'exact')).toBe(true);
    expect(figs('> 5 people came').every((f) => f.qualifier === 'exact')).toBe(true);
  });

  test('"goes up to 0.62", "has gone up to 41": the verb\'s "up", then the new level — no upper bound', () => {
    expect(one('The interim dividend goes up to 0.62 euros a share.')).toMatchObject({ text: '0.62 euros a share', qualifier: 'exact' });
    expect(one('The toll has gone up to 41.')).toMatchObject({ text: '41', qualifier: 'exact' });
    expect(one('Prices went up to 45 euros.')).toMatchObject({ text: '45 euros', qualifier: 'exact' });
    // still a bound: "winds of up to 150 km/h", "they put up to 300 people in the hall"
    expect(one('Winds of up to 150 km/h are forecast.')).toMatchObject({ qualifier: 'upper', high: 150 });
    expect(one('They put up to 300 people in the hall.')).toMatchObject({ qualifier: 'upper', high: 300 });
  });

  test('"higher than a year earlier" compares with a point in time', () => {
    expect(one('profit was higher than a year earlier').qualifier).toBe('approx');
  });
});

describe('a lower and an upper bound make one interval', () => {
  test.each([
    ['more than 10 and less than 40', 10, 40],
    ['The number is above 1000 and below 1500', 1000, 1500],
    ["There're at most 100 and at least 20 apples.", 20, 100],
    ['higher or equal than one hundred, lower or equal than three hundred', 100, 300],
    ['greater than 30 and less than or equal to 40', 30, 40],
  ])('%s', (text, low, high) => {
    const f = one(text);
    expect(f).toMatchObject({ low, high, qualifier: 'range' });
  });

  test('bounds that exclude each other stay apart', () => {
    const fs = figs('More than 40 and less than 10 are the bounds');
    expect(fs.map((f) => [f.value, f.qualifier])).toEqual([
      [40, 'lower'],
      [10, 'upper'],
    ]);
  });

  test('bounds on different things stay apart', () => {
    expect(figs('more than 500 soldiers and fewer than 20 tanks').map((f) => f.qualifier)).toEqual(['lower', 'upper']);
  });
});

describe('ranges', () => {
  test.each([
    ['The number range is 1000-5000', 1000, 5000],
    ['The number range is 1000 - 5000', 1000, 5000],
    ['The number range is 1000\u20135000', 1000, 5000],
    ['The number range is 5k-20k', 5000, 20000],
    ['These apples are about 20~100', 20, 100],
    ['revenue of \u20ac33bn-\u20ac34bn', 33e9, 34e9],
    ['between negative ten and fifteen', -10, 15],
    ['profit of EUR 1.18 billion to EUR 1.24 billion', 1.18e9, 1.24e9],
    ['sales of between USD 37 billion and USD 39 billion', 37e9, 39e9],
  ])('%s', (text, low, high) => {
    const f = one(text);
    expect([f.low, f.high, f.qualifier]).toEqual([low, high, 'range']);
  });

  test('a code before each end is one range only when it is the same currency', () => {
    expect(figs('between EUR 37 billion and USD 39 billion').map((f) => [f.low, f.unit])).toEqual([
      [37e9, 'EUR'],
      [39e9, 'USD'],
    ]);
  });

  test('a unit after the second end belongs to the range', () => {
    expect(one('I want 3 to 4 L of wine')).toMatchObject({ low: 3, high: 4, unit: 'l' });
    expect(one('at 3.5\u20134.0 TeV')).toMatchObject({ low: 3.5, high: 4, unit: 'TeV' });
    expect(one('They were given between 44 mg to 50 mg ethanol.')).toMatchObject({ low: 44, high: 50, unit: 'mg' });
  });

  test('suspended hyphens: "8- to 16-meter (320- to 640-inch)"', () => {
    const fs = figs('a conceptualized 8- to 16-meter (320- to 640-inch) optical space telescope');
    expect(fs.map((f) => [f.text, f.low, f.high, f.unit])).toEqual([
      ['8- to 16-meter', 8, 16, 'm'],
      ['320- to 640-inch', 320, 640, 'in'],
    ]);
  });

  test('negative ends: "from -18 °C to -34 °C" is [-34, -18]', () => {
    expect(one('temperatures ranged from -18 \u00b0C to -34 \u00b0C')).toMatchObject({ low: -34, high: -18, unit: 'degC' });
  });

  test('a bare number before "and" takes the unit written once', () => {
    expect(figs('They were given 45 and 50 mg ethanol.').map((f) => [f.value, f.unit])).toEqual([
      [45, 'mg'],
      [50, 'mg'],
    ]);
  });

  test('scores, seasons and phone numbers are no ranges', () => {
    expect(figs('won 3-1 on Sunday')).toEqual([]);
    expect(figs('the 2013-14 season and the 1990-2000 decade')).toEqual([]);
    expect(figs('call 555-0123 now')).toEqual([]);
  });
});
