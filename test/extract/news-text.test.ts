/**
 * Figures as real news text writes them: units of cars, energy, science and markets (glued or spaced), currency
 * prefixes, prices per unit, ranges sharing a scale, negatives, bare ages, and the names, addresses, list markers and
 * lap times that look like figures but are none. Every example sentence is written for these tests.
 */
import { extract } from '../../src/extract/index.js';
import { figs, one, texts } from './helpers.js';

/** The figures of a text with their `per` (the unit a price or a rate is quoted per). */
function rated(text: string): Array<{ text: string; value: number; unit: string; per: string | null }> {
  return extract(text).map((m) => ({ text: m.text, value: m.value, unit: m.unit, per: m.per ?? null }));
}

describe('units of cars, energy, science and data', () => {
  test('engine figures: rpm, torque, metric horsepower, fuel economy, emissions', () => {
    expect(figs('The motor makes 380 Nm (280 lb-ft) at 4500 rpm.').map((f) => [f.value, f.unit])).toEqual([
      [380, 'N*m'],
      [280, 'lbf*ft'],
      [4500, 'rpm'],
    ]);
    expect(one('It delivers 310 pound-feet of torque.')).toMatchObject({ value: 310, unit: 'lbf*ft' });
    expect(one('the hatchback offers 150 PS in its top trim')).toMatchObject({ value: 150, unit: 'PS', dimension: 'power' });
    expect(figs('Economy/CO2: 52.3mpg/124g/km').map((f) => [f.value, f.unit])).toEqual([
      [52.3, 'mpg'],
      [124, 'g/km'],
    ]);
    expect(one('Torque: 250Nm.')).toMatchObject({ value: 250, unit: 'N*m' });
    // a counted noun glued in a spec list is no identifier
    expect(texts('Engine: 1.5 litre 4cyl petrol')).toEqual(['1.5 litre', '4']);
  });

  test('batteries, pressure, fields and concentrations', () => {
    expect(one('a 5000 mAh battery')).toMatchObject({ value: 5000, unit: 'mAh' });
    expect(one('the beam failed below 7.5 ksi')).toMatchObject({ value: 7.5, unit: 'ksi', qualifier: 'upper' });
    expect(one('a yield strength of 250 MPa')).toMatchObject({ value: 250, unit: 'MPa' });
    expect(one('tyres inflated to 32 psi')).toMatchObject({ value: 32, unit: 'psi' });
    expect(one('fields of 12 kV/cm were applied')).toMatchObject({ value: 12, unit: 'kV/cm' });
    expect(one('tests found 9 ppb of lead')).toMatchObject({ value: 9, unit: 'ppb' });
    expect(one('the glacier lost 150 gigatonnes of ice')).toMatchObject({ value: 150, unit: 'Gt', dimension: 'mass' });
  });

  test('glued symbols in any common case: "2.4Ghz", "100Mbps", "3.5GHZ"', () => {
    expect(one('a 2.4Ghz remote')).toMatchObject({ value: 2.4, unit: 'GHz' });
    expect(one('plans start at 100Mbps')).toMatchObject({ value: 100, unit: 'Mbit/s' });
    expect(one('a 1 Gbps fibre line')).toMatchObject({ value: 1, unit: 'Gbit/s' });
    expect(one('the wall is 6ft high')).toMatchObject({ value: 6, unit: 'ft' });
    expect(one('It was 3.1degF warmer.')).toMatchObject({ value: 3.1, unit: 'degF' });
    expect(one('The top speed was about 95 m.p.h.')).toMatchObject({ value: 95, unit: 'mph' });
    expect(one('a 400 sq meter plot')).toMatchObject({ value: 400, unit: 'm2' });
  });
});

describe('money', () => {
  test('currency prefixes with the country after or before the dollar sign', () => {
    expect(figs('worth $US12.5 million ($A18.9 million)').map((f) => [f.value, f.unit])).toEqual([
      [12.5e6, 'USD'],
      [18.9e6, 'AUD'],
    ]);
    expect(one('priced at AU $79.99')).toMatchObject({ value: 79.99, unit: 'AUD' });
    expect(one('or NZ $49 for the year')).toMatchObject({ value: 49, unit: 'NZD' });
    expect(one('a bill of $HK3,200')).toMatchObject({ value: 3200, unit: 'HKD' });
  });

  test('crowns and pesos: the country named, or a generic peso', () => {
    expect(one('fees on more than 2 million Danish crowns')).toMatchObject({ value: 2e6, unit: 'DKK' });
    expect(one('it cost 450 kronor')).toMatchObject({ value: 450, unit: 'SEK' });
    expect(one('a loan of 80 million Czech crowns')).toMatchObject({ value: 8e7, unit: 'CZK' });
    expect(one('damage put at 3.2 billion Mexican pesos')).toMatchObject({ value: 3.2e9, unit: 'MXN' });
    // no country named: money, but no ISO code is guessed
    expect(one('repairs will cost 7.4 billion pesos')).toMatchObject({ value: 7.4e9, unit: 'peso', dimension: 'currency' });
  });

  test('a price per unit of what is sold', () => {
    expect(rated('Brent settled at $71.40 per barrel.')).toEqual([{ text: '$71.40 per barrel', value: 71.4, unit: 'USD', per: 'barrel' }]);
    expect(rated('Diesel hit $4 a gallon.')[0]).toMatchObject({ unit: 'USD', per: 'gal' });
    expect(rated('homes sell for about $640 per square foot')[0]).toMatchObject({ value: 640, per: 'ft2' });
    expect(rated('a dividend of 42 cents a share')[0]).toMatchObject({ value: 42, unit: 'USc', per: 'share' });
    expect(rated('offered at between $18 and $20 per share')[0]).toMatchObject({ value: 19, per: 'share' });
    expect(rated('power traded at €95 per megawatt-hour')[0]).toMatchObject({ per: 'MWh' });
    // an exchange rate is no price per unit, and "a year earlier" dates a figure
    expect(rated('the euro bought about $1.10 per euro')[0]!.per).toBeNull();
    expect(rated('Sales rose to $9.1 billion from $8.4 billion a year earlier.').map((f) => f.per)).toEqual([null, null]);
  });

  test('a rate after a conversion in brackets is both amounts\' and no figure of its own', () => {
    expect(rated('a 4 billion shekel ($1.1 billion) a year industry').map((f) => [f.value, f.unit, f.per])).toEqual([
      [4e9, 'ILS', 'year'],
      [1.1e9, 'USD', 'year'],
    ]);
    expect(rated('an offer of C$7 (US$5.10) per share').map((f) => [f.unit, f.per])).toEqual([
      ['CAD', 'share'],
      ['USD', 'share'],
    ]);
  });

  test('"about 8 or $9": the currency written once stands for both', () => {
    expect(figs('A coffee costs about 4 or $5 here.').map((f) => [f.value, f.unit])).toEqual([
      [4, 'USD'],
      [5, 'USD'],
    ]);
  });
});

describe('scales, ranges and changes', () => {
  test('a glued "m" before a plural noun a few words on counts millions; before "tall" it is metres', () => {
    expect(one('The album sold 3.4m combined physical and digital copies.')).toMatchObject({ value: 3.4e6, unit: 'count' });
    expect(one('The guard is 1.9m tall.')).toMatchObject({ value: 1.9, unit: 'm' });
    expect(one('a 50m swimming pool')).toMatchObject({ value: 50, unit: 'm' });
  });

  test('plural scales after digits and spaced capital abbreviations before a plural noun', () => {
    expect(one('contracts worth 40 millions were signed')).toMatchObject({ value: 4e7 });
    expect(one('The planet has about 7.9 B people.')).toMatchObject({ value: 7.9e9 });
    // vague amounts stay vague
    expect(one('millions of viewers')).toMatchObject({ unit: 'count', qualifier: 'approx' });
    expect(one('tens of billions of dollars')).toMatchObject({ low: 2e10, high: 99999999999, unit: 'USD' });
  });

  test('a scale after the second end of a range applies to both ends', () => {
    expect(one('There were six to seven thousand fans.')).toMatchObject({ low: 6000, high: 7000, qualifier: 'range' });
    expect(one('two or three million people')).toMatchObject({ low: 2e6, high: 3e6 });
    expect(one('one to two hundred thousand visitors')).toMatchObject({ low: 1e5, high: 2e5 });
  });

  test('a range written as one compound: "0-to-100-km/h"', () => {
    expect(one('it cut the 0-to-60-mph time')).toMatchObject({ low: 0, high: 60, unit: 'mph', qualifier: 'range' });
  });

  test('"increased by X to Y" is a change and a level; "grow by 3% to 5%" a range', () => {
    expect(texts('The deficit increased by $12.5 billion to $210.3 billion.')).toEqual(['$12.5 billion', '$210.3 billion']);
    expect(one('She expects sales to grow by 4% to 6% next year.')).toMatchObject({ low: 4, high: 6, qualifier: 'range' });
    // (a tabloid's verbs of change too: "rocketed 18% to 2.87bn" is a change and a level, not a range)
    expect(texts('Operating profit rocketed 18% to 2.87bn euros, from 2.52bn a year ago.')).toEqual(['18%', '2.87bn euros', '2.52bn']);
    expect(texts('The shares leapt 7% to 214 pence.')).toEqual(['7%', '214 pence']);
    // (the verb's object between it and "by": "lifting turnover by 11% to 3.4bn" is a change and a level too)
    expect(texts('The chain had a strong spring, lifting turnover by 11% to 3.4bn, from 3.06bn.')).toEqual(['11%', '3.4bn', '3.06bn']);
    expect(one('The board wants to raise prices by 2% to 4% next year.')).toMatchObject({ low: 2, high: 4, qualifier: 'range' });
  });

  test('the two figures of a change share the unit written once', () => {
    expect(figs('Turnout rose from 55 to 61 percent.').map((f) => [f.value, f.unit])).toEqual([
      [55, 'percent'],
      [61, 'percent'],
    ]);
    expect(figs('He slimmed down from 210 pounds to 188.').map((f) => [f.value, f.unit])).toEqual([
      [210, 'lb'],
      [188, 'lb'],
    ]);
    expect(figs('The index rose 41.2 points to 7,815.6.').map((f) => [f.value, f.unit])).toEqual([
      [41.2, 'point'],
      [7815.6, 'point'],
    ]);
    // a percentage change says nothing of the level's unit, nor does a change in cents
    expect(figs('The index rose 0.5 per cent to 7816.').map((f) => f.unit)).toEqual(['percent', 'count']);
    expect(figs('Shares rose 12 cents to 2.45.').map((f) => f.unit)).toEqual(['USc', 'count']);
  });

  test('frequencies and durations per period', () => {
    expect(rated('The turbine spins about 1,800 times a minute.')[0]).toMatchObject({ value: 1800, unit: 'count/minute' });
    expect(rated('Nurses work 36 to 48 hours a week.')[0]).toMatchObject({ value: 42, unit: 'hour', per: 'week' });
    // a percentage per period is a rate of change: the period is the figure's, not a duration of its own
    expect(rated('The market is growing almost five percent a year.')).toEqual([{ text: 'almost five percent a year', value: 5, unit: 'percent', per: 'year' }]);
    expect(rated('Churn was 0.9% a month on contracts.')).toEqual([{ text: '0.9% a month', value: 0.9, unit: 'percent', per: 'month' }]);
    expect(rated('Revenue rose 3% per year.')[0]).toMatchObject({ text: '3% per year', per: 'year' });
    // ("a day after" dates the figure)
    expect(rated('Shares fell 5% a day after the report.')[0]).toMatchObject({ text: '5%', per: null });
    // a count per season is a rate, not a count of the report's day
    expect(rated('The valley averages nine deaths a season.')[0]).toMatchObject({ value: 9, unit: 'count/season', per: 'season' });
    expect(rated('Nine deaths were recorded in the season.')[0]).toMatchObject({ value: 9, unit: 'count', per: null });
    // a ratio stays a ratio
    expect(one('prices are three times higher')).toMatchObject({ value: 3, unit: 'times' });
  });

  test('one-word multiples and "one out of N"', () => {
    expect(one('Exports grew more than sevenfold.')).toMatchObject({ value: 7, unit: 'times', qualifier: 'lower' });
    expect(one('One out of five adults smokes.')).toMatchObject({ value: 20, unit: 'percent' });
  });
});

describe('signs and bounds', () => {
  test('"minus-5 yards", "minus-40 degrees"', () => {
    expect(one('The offense finished with minus-12 yards.')).toMatchObject({ value: -12, unit: 'yd' });
    expect(one('Nights fall to minus-40 degrees Fahrenheit.')).toMatchObject({ value: -40, unit: 'degF' });
  });

  test('a market table: a name with a number, then a signed change', () => {
    expect(figs('Europe: FTSE 100 -0.8% DAX -1.2% Stoxx 600 +0.3%').map((f) => f.value)).toEqual([-0.8, -1.2, 0.3]);
  });

  test('"sub-7 nanometre" is a bound; "sub-zero" is no number', () => {
    expect(one('chips made on sub-5 nanometre processes')).toMatchObject({ value: 5, high: 5, unit: 'nm', qualifier: 'upper' });
    expect(one('the sub-200 sq m office market')).toMatchObject({ value: 200, unit: 'm2', qualifier: 'upper' });
    expect(figs('Sub-zero temperatures and sub-Saharan Africa')).toEqual([]);
  });
});

describe('ages', () => {
  test('a surname alone with an age in commas, before a verb or "who"', () => {
    expect(one('Okafor, 41, has coached the side since spring.')).toMatchObject({ value: 41, unit: 'year' });
    expect(one('said Brennan, 72, who retired last year')).toMatchObject({ value: 72, unit: 'year' });
    // not after a word that is no name
    expect(one('Overall, 41, were hurt.').unit).toBe('count');
  });

  test('"The first named victim, foreman Tomas Brell, was 48.": a full name, "was" and a number that ends the sentence', () => {
    expect(one('The first named victim, shift foreman Tomas Brell, was 48.')).toMatchObject({ value: 48, unit: 'year' });
    expect(one('Tomas Brell was 48.')).toMatchObject({ value: 48, unit: 'year' });
    // a place after a preposition, a name with a figure after the number, a single word
    expect(one('The toll in Nova Scotia was 48.').unit).toBe('count');
    expect(one('Tomas Brell was 48 minutes late.').unit).not.toBe('year');
    expect(one('The total was 48.').unit).toBe('count');
  });

  test('"He will be 35 by the end of the year", "Maria who was 10.": he/she or a name + "who", a form of "be", a number ending the predicate', () => {
    expect(one('He will be 35 by the end of the year.')).toMatchObject({ value: 35, unit: 'year' });
    expect(one('They moved to help their daughter Maria who was 10.')).toMatchObject({ value: 10, unit: 'year' });
    expect(one('She was 5 when the family moved.')).toMatchObject({ value: 5, unit: 'year' });
    // not a noun after the number, not a place or rank after it, not "it"
    expect(one('He was 10 points ahead.').unit).not.toBe('year');
    expect(one('He is 6 in the rankings.').unit).toBe('count');
    expect(one('It was 35 at noon.').unit).toBe('count');
  });

  test('"a girl of three", "a man of 40": a person noun, "of", and no noun after the number', () => {
    expect(one('The youngest, a girl of three, was on her way home.')).toMatchObject({ value: 3, unit: 'year' });
    expect(one('A man of 40 from Isk died.')).toMatchObject({ value: 40, unit: 'year' });
    expect(one('A family of four was rescued.').unit).toBe('count');
    expect(one('She is the mother of three children.').unit).toBe('count');
  });

  test('"under the age of 5 years", "her now-2-year-old son"', () => {
    expect(extract('children under the age of 5 years')[0]).toMatchObject({ value: 5, unit: 'year', age: true });
    expect(extract('her now-18 month-old son')[0]).toMatchObject({ value: 18, unit: 'month', age: true });
  });

  test('"Half the …" opening a sentence is a share', () => {
    expect(one('Half the flats have been sold.')).toMatchObject({ value: 50, unit: 'percent' });
  });
});

describe('not figures: names, addresses, list markers, lap times, eras', () => {
  test.each([
    'The S&P 500 closed higher.',
    'the sp 500 and the nasdaq closed higher',
    'Shares of FTSE 100 companies rose.',
    'The new iPhone 13 Pro and 13 Pro Max: first look',
    'Boeing\'s own 787 Dreamliner entered service later.',
    'She lives at 42 W. Maple Ave. in town.',
    'The estate at 14 Cedar Grove Road was sold.',
    '(1) Prices rose. (2) Wages fell.',
    'The pole lap was a 1:42.873 on Saturday.',
    'The temple was built around A.D. 800 by the kings.',
    'The city was founded in 300 BC on the coast.',
    'It was the famous Kick Six play.',
    'They won a best-of-seven series.',
    'the lead up to 5G and 6G networks',
  ])('%s', (text) => {
    expect(figs(text)).toEqual([]);
  });

  test('a year after "in" before a preposition, an amount after "an average of"', () => {
    expect(figs('they moved to Canada in 1998 in the hope of work')).toEqual([]);
    expect(one('prices will rise by an average of 1500.')).toMatchObject({ value: 1500 });
    expect(one('a total of 2000.')).toMatchObject({ value: 2000 });
    expect(figs('in the summer of 2019.')).toEqual([]);
  });

  test('list markers in brackets after a colon or a comma', () => {
    expect(texts('Three reasons: (1) cost, (2) speed and (3) reach.')).toEqual(['Three']);
    // an age in brackets after a name stays an age
    expect(one('Maria Lopes (58) said no.')).toMatchObject({ value: 58, unit: 'year' });
  });

  test('a decimal in brackets is no phone number', () => {
    expect(figs('The index (18250.44 up 61.02 points) gained.').map((f) => f.value)).toEqual([18250.44, 61.02]);
    expect(figs('Call (555) 123-4567 today.')).toEqual([]);
  });

  test('street addresses need a street type after capitalised words', () => {
    expect(one('They bought 5 Court cases of wine.').value).toBe(5);
    expect(texts('He scored 3 Premier League goals.')).toEqual(['3']);
    expect(texts('About 40 Israeli soldiers and 12 Democrats')).toEqual(['About 40', '12']);
    expect(texts('Troops killed 20 Taliban in Helmand.')).toEqual(['20']);
  });

  test('a name after a colon takes its number: "Worlds: Planet 9 project"', () => {
    expect(figs('the team behind Backyard Worlds: Planet 9 citizen science')).toEqual([]);
    expect(texts('Casualties: 12 people died.')).toEqual(['12']);
  });
});

describe('temperature letters in a text about the heat', () => {
  test('a glued C is a temperature where the text speaks of the heat elsewhere, not after a seat or gate', () => {
    const text = 'The heatwave broke records. Temperatures will stay high and the heat will last. Darrow reached 43.8C at 1.50 p.m., above the record set at Kessel (42.9C). The passenger in seat 12C was unhurt.';
    const f = figs(text);
    expect(f.find((x) => x.text === '43.8C')).toMatchObject({ value: 43.8, unit: 'degC' });
    expect(f.find((x) => x.text === '42.9C')).toMatchObject({ unit: 'degC' });
    expect(f.some((x) => x.value === 12)).toBe(false);
    // without the heat in the text, a glued letter alone stays no temperature
    expect(figs('Darrow reached 43.8C at 1.50 p.m.').some((x) => x.unit === 'degC')).toBe(false);
  });
  test('a glued C after a temperature converted to the other scale in the same sentence is a temperature', () => {
    expect(figs("It was a fresh 17C (63F) at dawn, a relief after Tuesday's 33C.").find((x) => x.value === 33)).toMatchObject({ unit: 'degC' });
    // (not without the converted one, nor after it in the next sentence)
    expect(figs("It was a relief after Tuesday's 33C.").find((x) => x.value === 33)?.unit).not.toBe('degC');
    expect(figs("It was 17C (63F) at dawn. Flat 33C was empty.").find((x) => x.value === 33)?.unit).not.toBe('degC');
  });
  test('a spaced C or F is a temperature only in a sentence about temperature', () => {
    expect(one('Water boils at 100 C at sea level.')).toMatchObject({ value: 100, unit: 'degC' });
    expect(one('The wax has a 58 C melting point.')).toMatchObject({ value: 58, unit: 'degC' });
    expect(figs('Highs of 30 F and lows of 12 F.').map((f) => f.unit)).toEqual(['degF', 'degF']);
    // a letter after a number in other sentences is a class, a grade or a block
    expect(figs('He moved to block 12 C last spring.').some((x) => x.unit === 'degC')).toBe(false);
  });
});

describe('a point in time compared with, and who holds a share', () => {
  test('"from £389m a year earlier", "6% more than a year ago": the time compared with is no duration', () => {
    expect(texts('Profit rose to £512m, up from £389m a year earlier. It carried 6% more than a year ago.')).toEqual(['£512m', '£389m', '6%']);
    // a span of time that is not compared with a figure stays one
    expect(texts('Prices are three times their level a month ago. A week ago, he spoke. He left more than a year ago.')).toEqual(['three', 'a month', 'A week', 'more than a year']);
  });

  test('the holder of a share: a copula, an aside, the object of a change verb, a share put another way', () => {
    const h = (s: string, fig: string) => extract(s).find((m) => m.text === fig)?.holder;
    expect(h('Spending equals about 31% of GDP.', 'about 31%')).toBe('Spending');
    expect(h('Public debt, the minister says, falls to 58.3% of GDP.', '58.3%')).toBe('Public debt');
    expect(h("Teravia's budget trims the deficit to 2.1% of GDP.", '2.1%')).toBe('deficit');
    expect(h('The deficit shrinks to 7.5bn euros, or 2.1% of GDP.', '2.1%')).toBe('deficit');
    // no change verb before: no object taken for a holder
    expect(h('In the survey deficit hawks were 12% of voters.', '12%')).not.toBe('hawks');
  });

  test('"Marine Coatings, which …, saw revenue slip 3.1%": the named subject of "saw" holds the measure it saw change', () => {
    const h = (s: string, fig: string) => extract(s).find((m) => m.text === fig)?.holder;
    const unit = 'Group revenue rose 4% to €9.1bn. Marine Coatings, which supplies shipyards, ports and navies, saw revenue slip 3.1% to €2.2bn.';
    expect(h(unit, '€2.2bn')).toBe('Marine Coatings revenue');
    expect(h(unit, '3.1%')).toBe('Marine Coatings revenue');
    expect(h("The group's Nordic region has seen orders climb to 4,100 units.", '4,100')).toBe("group's Nordic region orders");
    // no "saw", or a subject that names no division: the measure alone
    expect(h('Revenue slipped 3.1% to €2.2bn.', '€2.2bn')).toBe('Revenue');
    expect(h('Analysts saw revenue slip 3.1% to €2.2bn.', '€2.2bn')).toBe('revenue');
    expect(h('The company, which makes paints, saw revenue slip 3.1% to €2.2bn.', '€2.2bn')).toBe('revenue');
  });
});

describe('brake horsepower', () => {
  test('"retired at 60", "started work at 17", "work until 64" are ages; "open until 22" is not', () => {
    expect(figs('My father retired at 60. She started work at 17 and must stay until 64.').map((f) => [f.text, f.unit])).toEqual([
      ['60', 'year'],
      ['17', 'year'],
      ['64', 'year'],
    ]);
    expect(figs('The bars stay open until 22 in summer.').map((f) => f.unit)).toEqual(['count']);
  });

  test('"raise the retirement age from 62 to 64" is a change (two figures), "range from 12 to 18 degrees" a range', () => {
    expect(texts('The plan would raise the minimum retirement age from 62 to 64.')).toEqual(['62', '64']);
    expect(texts('Highs will range from 12 to 18 degrees.')).toEqual(['from 12 to 18 degrees']);
  });

  test('"two more years", "three extra days" are durations; "40 more nurses" counts nurses', () => {
    expect(figs('That means two more years of work. He waited three extra days.').map((f) => [f.text, f.unit])).toEqual([
      ['two more years', 'year'],
      ['three extra days', 'day'],
    ]);
  });

  test('"one high-speed train in three" is a share of a third', () => {
    expect(one('Only one high-speed train in three ran on Thursday.')).toMatchObject({ unit: 'percent' });
    expect(one('Only one high-speed train in three ran on Thursday.').value).toBeCloseTo(33.333, 2);
  });

  test('"114bhp", "300 brake horsepower" are bhp, the size of hp', () => {
    expect(one('Power: 114bhp').unit).toBe('bhp');
    expect(one('It makes 300 brake horsepower.').unit).toBe('bhp');
  });
  test('unchanged: "300 hp", "300 horsepower" are hp', () => {
    expect(one('It makes 300 hp.').unit).toBe('hp');
    expect(one('It makes 300 horsepower.').unit).toBe('hp');
  });
});
