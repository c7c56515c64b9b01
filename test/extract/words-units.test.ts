/**
 * Number words, fractions and signs in running text, and the units the extractor reads after (or before) them:
 * money, lengths, volumes, masses, data, temperatures, ages.
 */
import { figs, one, texts } from './helpers.js';

describe('number words and fractions in text', () => {
  test('hyphenated scales: "€140-million", "$2.5-billion project", "3-billion-euro plan"; "A $5 fee" is no Australian money', () => {
    expect(figs('the €140-million kilometre, the $2.5-billion project and a 3-billion-euro plan').map((f) => [f.value, f.unit])).toEqual([
      [140e6, 'EUR'],
      [2.5e9, 'USD'],
      [3e9, 'EUR'],
    ]);
    expect(figs('A $5 fee was charged; he paid A$5.').map((f) => f.unit)).toEqual(['USD', 'AUD']);
  });

  test('fractions of a whole are shares in percent', () => {
    expect(one('a third of the region')).toMatchObject({ value: 33.333, unit: 'percent', qualifier: 'approx' });
    expect(one('two-thirds of voters')).toMatchObject({ value: 66.667, unit: 'percent' });
    expect(one('one-tenth of a share')).toMatchObject({ value: 10, unit: 'percent', qualifier: 'exact' });
    expect(one('showing a certain face is exactly one sixth.')).toMatchObject({ value: 16.667, unit: 'percent' });
  });

  test('"one in four", "roughly one in three": shares', () => {
    expect(one('Only one in four regional trains ran')).toMatchObject({ value: 25, low: 22.5, high: 27.5, unit: 'percent', qualifier: 'approx' });
    expect(one('Roughly one in three voters backed the alliance.')).toMatchObject({ value: 33.333, unit: 'percent' });
    expect(one('1 in 5 adults')).toMatchObject({ value: 20, unit: 'percent' });
    // the counted noun between: "one train in three", "one intercity train in five"
    expect(one('The metro ran only one train in three.')).toMatchObject({ value: 33.333, unit: 'percent' });
    expect(one('Only one intercity train in five ran.')).toMatchObject({ value: 20, unit: 'percent' });
    expect(texts('One man in 40 years.')).toEqual(['One', '40 years']);
    // a unit or a year after the second number: no share
    expect(texts('3 in 5 days')).toEqual(['3', '5 days']);
    expect(texts('it rose 1 in 2020')).toEqual(['1']);
    // an aside between spaced dashes is a share; a hyphen glued to the second number is a compound
    expect(texts('Of the 26 men rescued, 21 - four in five - were taken to hospital.')).toEqual(['26', '21', 'four in five']);
    expect(texts('One in three-point attempts failed.')).not.toContain('One in three');
  });

  test('a bounded "a fifth" is a share even at the end of a clause', () => {
    expect(one('orders fell by nearly a fifth.')).toMatchObject({ value: 20, high: 20, unit: 'percent', qualifier: 'upper' });
    expect(one('the fire was more than a third contained')).toMatchObject({ low: 33.333, unit: 'percent', qualifier: 'lower' });
    expect(figs('for a third straight week')).toEqual([]);
  });

  test('"half" before a possessive is a share', () => {
    expect(one('Water supply is at half its normal level')).toMatchObject({ value: 50, unit: 'percent' });
    expect(one('more than half the seats')).toMatchObject({ low: 50, unit: 'percent', qualifier: 'lower' });
  });

  test('valuation multiples are ratios; "two nights" a duration', () => {
    expect(one('shares trade at about 14 times expected earnings')).toMatchObject({ value: 14, unit: 'times' });
    expect(one('he stayed two nights')).toMatchObject({ value: 2, unit: 'day' });
    expect(figs('works two night shifts a week')[0]).toMatchObject({ value: 2, unit: 'count/week' });
  });

  test('fractions with a unit measure it', () => {
    expect(one('approximately one-half miles east')).toMatchObject({ value: 0.5, unit: 'mi' });
    expect(one('a quarter mile away')).toMatchObject({ value: 0.25, unit: 'mi' });
    expect(one('There is a \u2153 cup of sauce')).toMatchObject({ unit: 'cup' });
  });

  test('ages in words and "by the age of five" are ages, not counts', () => {
    expect(figs('Only 71% have had both doses by the age of five; he was aged five.').map((f) => [f.value, f.unit])).toEqual([
      [71, 'percent'],
      [5, 'year'],
      [5, 'year'],
    ]);
  });

  test('"younger than 15" and "25 or older" bound an age; the counts beside them stay counts', () => {
    expect(figs('Of the 203 cases, 31 are younger than 15 and 46 are 25 or older.').map((f) => [f.text, f.unit, f.qualifier])).toEqual([
      ['203', 'count', 'exact'],
      ['31', 'count', 'exact'],
      ['younger than 15', 'year', 'upper'],
      ['46', 'count', 'exact'],
      ['25 or older', 'year', 'lower'],
    ]);
    // with a unit after it, "older than" is no age
    expect(one('The bridge is older than 70 metres.').unit).toBe('m');
  });

  test('in a paragraph about a quake, a bare "5.9" is a magnitude; "4.5 people" stays a count', () => {
    expect(figs('Readers have seen two magnitudes. The institute says 5.9; the monitoring centre says 6.1.').filter((f) => f.text.includes('.')).map((f) => [f.text, f.unit])).toEqual([
      ['5.9', 'magnitude'],
      ['6.1', 'magnitude'],
    ]);
    expect(one('The quake killed 4.5 people per village.').unit).toBe('count');
    // without a quake in the paragraph a bare 5.9 is a plain number
    expect(one('The index says 5.9.').unit).toBe('count');
  });

  test('"in five quarters" counts periods; "three quarters of voters" is a share', () => {
    expect(figs('Sales rose for the first time in five quarters, and three quarters of voters agreed.').map((f) => [f.text, f.value, f.unit])).toEqual([
      ['five quarters', 5, 'quarter'],
      ['three quarters', 75, 'percent'],
    ]);
  });

  test('mixed numbers and fractions of scales', () => {
    expect(one('two and a half miles')).toMatchObject({ value: 2.5, unit: 'mi' });
    expect(one('It costs three quarters billion us dollars.')).toMatchObject({ value: 7.5e8, unit: 'USD' });
    expect(one('It costs half million usd.')).toMatchObject({ value: 5e5, unit: 'USD' });
    expect(one('I can give you 3 hundred and 21 yuan.')).toMatchObject({ value: 321, unit: 'CNY' });
    expect(one('The population is 3 million and a half')).toMatchObject({ value: 3.5e6 });
  });

  test('a number and the next one joined by "and" stay two when each has its scale', () => {
    expect(texts('one million and two million people')).toEqual(['one million', 'two million']);
    expect(one('between 33 billion and 34 billion euros')).toMatchObject({ low: 33e9, high: 34e9, unit: 'EUR' });
  });

  test('signs: "minus five percent", "- 20 degrees fahrenheit" (a dash elsewhere)', () => {
    expect(one('just need minus five percent')).toMatchObject({ value: -5, unit: 'percent' });
    expect(one('how to convert - 20 degrees fahrenheit to celsius')).toMatchObject({ value: -20, unit: 'degF' });
    expect(one('The result - 20 people dead')).toMatchObject({ value: 20 });
  });

  test('a leading decimal point: "the .25ml"', () => {
    expect(one('the .25ml liquid')).toMatchObject({ value: 0.25, unit: 'ml' });
  });

  test('ordinals are not figures', () => {
    expect(figs('the twenty-first century began on its twenty fifth anniversary')).toEqual([]);
    expect(figs('the third day and a second time')).toEqual([]);
    expect(figs('won a third term')).toEqual([]);
  });
});

describe('money', () => {
  test('a proper adjective between the amount and a money word belongs to the money, not to what is counted', () => {
    expect(one('Net income dropped to 1.38 billion Anskari florins.')).toMatchObject({ text: '1.38 billion Anskari florins', unit: 'NLG' });
    // names many currencies share stay unread without the lexicon's whole name ("Zimbabwe dollars" are no US dollars)
    expect(one('It cost 2 million Zimbabwe dollars.')).toMatchObject({ text: '2 million', unit: 'count' });
    // a name the lexicon knows whole
    expect(one('It cost 5 Swiss francs.')).toMatchObject({ unit: 'CHF' });
  });

  test.each([
    ['c $ 300 million charge', 3e8, 'CAD'],
    ['to hk $ 10.05 billion .', 10.05e9, 'HKD'],
    ['mxn$ 15', 15, 'MXN'],
    ['aud$ 15', 15, 'AUD'],
    ['nzd$15', 15, 'NZD'],
    ['it is 40 rmb', 40, 'CNY'],
    ['Hey, the cost is 100\u5143!', 100, 'CNY'],
    ['The price of this book is 100 \u20a1', 100, 'CRC'],
    ['I spend 100\u20be buying', 100, 'GEL'],
    ['won 100,000 \u20ad as prize', 100000, 'LAK'],
    ['in excess of 30 MUSD were reported', 3e7, 'USD'],
    ['They lost 75 USD million in the past', 7.5e7, 'USD'],
    ['to buy it for 420 million finnish markka .', 4.2e8, 'FIM'],
    ['valued at 6.65 billion pesetas .', 6.65e9, 'ESP'],
    ['its controversial one-yen bid', 1, 'JPY'],
    ['Its GDP is $2.174T.', 2.174e12, 'USD'],
    ['Am I eligible for a loan of 12,34,567.89 rupees', 1234567.89, 'INR'],
  ])('%s', (text, value, unit) => {
    const f = figs(text).find((x) => x.dimension === 'currency');
    expect(f).toMatchObject({ value, unit });
  });

  test('"10 $": the symbol after the number, unless a number follows that it opens', () => {
    expect(figs('10 $ is not much').map((f) => [f.value, f.unit])).toEqual([[10, 'USD']]);
    expect(figs('10 $ 30 $').map((f) => [f.value, f.unit])).toEqual([
      [10, 'USD'],
      [30, 'USD'],
    ]);
    expect(figs('1 $ 10 dollars bill').map((f) => [f.value, f.unit])).toEqual([
      [1, 'count'],
      [10, 'USD'],
    ]);
  });

  test('"rmb 10 usd 20": a code after an amount opens the next one', () => {
    expect(figs('rmb 10 usd 20').map((f) => [f.value, f.unit])).toEqual([
      [10, 'CNY'],
      [20, 'USD'],
    ]);
  });

  test('cents fold into the dollars before them', () => {
    expect(one('it only cost 3 dollars 50 cents.')).toMatchObject({ value: 3.5, unit: 'USD' });
    expect(one('it only cost thirteen dollars and forty-five cents')).toMatchObject({ value: 13.45, unit: 'USD' });
    expect(one('10 $ 30 cent')).toMatchObject({ value: 10.3, unit: 'USD' });
  });

  test('"pounds" after a scale word are money, otherwise a weight', () => {
    expect(one('profit improved to 361 million pounds')).toMatchObject({ unit: 'GBP', value: 3.61e8 });
    expect(one('a 361 pound bear')).toMatchObject({ unit: 'lb' });
  });

  test('"a $48.2 million contract" is dollars, not an Australian "a $"', () => {
    expect(one('won a $48.2 million army contract')).toMatchObject({ unit: 'USD', text: '$48.2 million' });
  });
});

describe('physical units', () => {
  test.each([
    ['export 0.9 trillion cubic feet', 9e11, 'ft3'],
    ['3 tablespoons butter', 3, 'tbsp'],
    ['and 1/2 cup olive oil', 0.5, 'cup'],
    ['\u00bd teaspoon baking powder', 0.5, 'tsp'],
    ['1m is equal to 10 dm', 10, 'dm'],
    ['The weight is 120 \u00b5g', 120, 'ug'],
    ['The weight is 150 microgram', 150, 'ug'],
    ['the 16-bit chip', 16, 'bit'],
    ['He has a pen that is 10 " long.', 10, 'in'],
    ['The weight is 20 (kg)', 20, 'kg'],
    ['and 278,000 t valued', 278000, 'tonne'],
    ['The length of my pencil is 2 in.', 2, 'in'],
    ['an accuracy of 16.25 nanometers', 16.25, 'nm'],
    ['a size of 2.1 pm.', 2.1, 'pm'],
    ['at 4e14 s-1', 4e14, 'Hz'],
    ['between 4km^3 and more', 4, 'km3'],
    ['4 km squared', 4, 'km2'],
    ['covered is 30616.16 km', 30616.16, 'km'],
    ['50 meters per millisecond', 50, 'm/ms'],
    ['approximately 66 Ma ago', 6.6e7, 'year'],
    ['That one costs 3 dimes', 30, 'USc'],
    ['rotate 3 turns', 3, 'turn'],
    ['that one mile can provide.', 1, 'mi'],
  ])('%s', (text, value, unit) => {
    const f = figs(text).find((x) => x.unit === unit);
    expect(f).toBeDefined();
    expect(f!.value).toBeCloseTo(value as number, 6);
  });

  test('feet and inches make one length', () => {
    const a = one('he is 5 feet 2 inches');
    expect(a.unit).toBe('ft');
    expect(a.value).toBeCloseTo(5 + 2 / 12, 9);
    const b = one('The length is 12 ft 2 in more or less');
    expect(b.unit).toBe('ft');
    expect(b.value).toBeCloseTo(12 + 2 / 12, 9);
  });

  test('a value with its uncertainty', () => {
    expect(one('an acceleration of 9.83e-3 +/- 1e-5 km/s2')).toMatchObject({ value: 0.00983, low: 0.00982, high: 0.00984, unit: 'km/s2' });
  });

  test('a closing quotation mark after a number is no inch mark', () => {
    expect(one('He said "we lost 10" yesterday')).toMatchObject({ value: 10, unit: 'count' });
  });
});

describe('temperatures', () => {
  test.each([
    ['the temperature outside is 40 deg celsius', 40, 'degC'],
    ['6 deg c', 6, 'degC'],
    ['10.5 celcius', 10.5, 'degC'],
    ['100.2 degrees farenheit is low', 100.2, 'degF'],
    ['Water boils at 100\u00b0 Celsius', 100, 'degC'],
    ['Temperatures hit 44C (111F) in the valley', 44, 'degC'],
  ])('%s', (text, value, unit) => {
    expect(figs(text)[0]).toMatchObject({ value, unit, dimension: 'temperature' });
  });

  test('"degrees" next to temperature words is a temperature, else an angle', () => {
    expect(one('the temperature is 24 degrees')).toMatchObject({ value: 24, dimension: 'temperature' });
    expect(one('turn left 45 degrees')).toMatchObject({ value: 45, dimension: 'angle' });
  });

  test('the conversion after a glued "C" is a temperature too', () => {
    expect(figs('Temperatures hit 44C (111F) in the valley').map((f) => f.unit)).toEqual(['degC', 'degF']);
  });

  test('a letter after a number without a temperature around it is no temperature', () => {
    expect(figs('The 13F filing provides one of the first examples').some((f) => f.dimension === 'temperature')).toBe(false);
    expect(figs('When must 13F be filed?').some((f) => f.dimension === 'temperature')).toBe(false);
    expect(figs('were $765 million or 14.7C/ per security.').some((f) => f.dimension === 'temperature')).toBe(false);
  });
});

describe('ages and percentages', () => {
  test('"87 yo" is an age', () => {
    const f = figs('The patient is a 87 yo man');
    expect(f).toEqual([expect.objectContaining({ value: 87, unit: 'year' })]);
  });

  test('"percentage" and "percents" after a number', () => {
    expect(one(' 100 percentage')).toMatchObject({ value: 100, unit: 'percent' });
    expect(one('one hundred percents')).toMatchObject({ value: 100, unit: 'percent' });
    expect(one('5 percentage points')).toMatchObject({ value: 5, unit: 'pp' });
  });
});
