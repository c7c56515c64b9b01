/**
 * Units a sentence leaves out or names away from the figure (a second level after "from", a decimal set beside a
 * measured figure, an index level before its change in points, a scale named after the number, a modifier between
 * a count and its unit word, an amount whose bracketed conversion is in another currency), and words that are no
 * noun of a figure (an -ing verb before its object, "to close at", a comparative, the next label of a list, the scale
 * of the figure before). Every example sentence is written for these tests.
 */
import { extract } from '../../src/extract/index.js';
import { figs } from './helpers.js';

const pairs = (s: string) => figs(s).map((f) => [f.text, f.unit]);
const nouns = (s: string) => extract(s).map((m) => [m.text, m.noun]);

describe('a unit left out of a second figure', () => {
  test('"climbed to 7.4% from 6.8": the earlier level is in the unit of the later one', () => {
    expect(pairs('Joblessness in the region climbed to 7.4% from 6.8 a year before.')).toEqual([
      ['7.4%', 'percent'],
      ['6.8', 'percent'],
    ]);
  });
  test('a decimal beside a measured figure of another year takes its unit', () => {
    expect(pairs('The glacier thinned by 1.8 metres in 2021 and 2.3 last season.')).toEqual([
      ['1.8 metres', 'm'],
      ['2.3', 'm'],
    ]);
  });
  test('not a whole count, not a figure with a noun of its own, not across a verb', () => {
    expect(pairs('The team scored 3.5 goals a game in 2021 and 12 fans came.')).toEqual([
      ['3.5', 'count'],
      ['12', 'count'],
    ]);
    expect(pairs('Rainfall was 4.2 mm on Monday and 3.1 rebounds were recorded.')).toEqual([
      ['4.2 mm', 'mm'],
      ['3.1', 'count'],
    ]);
    expect(pairs('The lake rose 0.4 metres, officials said, and 2.5 tonnes of fish died.')[1]).toEqual(['2.5 tonnes', 'tonne']);
    // (a size far from the measured figure's is no parallel)
    expect(pairs('The beam is 2.5 metres long and 480.5 were sold.')[1]).toEqual(['480.5', 'count']);
  });
});

describe('points, scales and modifiers', () => {
  test('an index level right before its change in points is in points', () => {
    expect(pairs('Shares closed lower (Ardell Composite 8412.55 down 31.2 points).')).toEqual([
      ['8412.55', 'point'],
      ['31.2 points', 'point'],
    ]);
    // (a count before "up" with no points after it stays a count)
    expect(pairs('Bookings reached 8412 up 3% on the year.')[0]).toEqual(['8412', 'count']);
  });
  test('points scored beside a percentage stay points; a change in points beside one is percentage points', () => {
    expect(pairs('She averaged 18.4 points and shot 51.2% from the floor.')[0]).toEqual(['18.4 points', 'point']);
    expect(pairs('Approval fell 4.1 points to 38.5%.')[0]).toEqual(['4.1 points', 'pp']);
  });
  test('"on the X scale" names the unit of the number before it', () => {
    expect(pairs('The new alloy rated between 12 and 15 on the GPa scale.')).toEqual([['between 12 and 15', 'GPa']]);
    expect(pairs('It scored 15 on the scale.')).toEqual([['15', 'count']]);
  });
  test('a modifier between a count and its unit word leaves the unit in force', () => {
    expect(pairs('He recalled the 30 previous years of the festival.')).toEqual([['30 previous years', 'year']]);
    expect(pairs('The back gained 142 rushing yards on Saturday.')).toEqual([['142 rushing yards', 'yd']]);
    expect(pairs('Stocks slid for six straight days.')).toEqual([['six straight days', 'day']]);
    // (not money, not a counted noun, not a single one)
    expect(pairs('It costs ten more dollars.')[0]![1]).toBe('count');
    expect(pairs('They signed 20 more players.')).toEqual([['20', 'count']]);
  });
  test('a four-digit year before sales or earnings is a year', () => {
    expect(extract("Brantor's 2023 sales rose 12%.").map((m) => m.text)).toEqual(['12%']);
    expect(extract('The shop logged 2023 visits in May.').map((m) => m.text)).toEqual(['2023']);
  });
});

describe('currencies and conversions in brackets', () => {
  test('an amount with its conversion in brackets is not in the currency of the conversion', () => {
    expect(pairs('Her fortune of 2.1 billion ($2.7bn) tops the list.')).toEqual([
      ['2.1 billion', 'count'],
      ['$2.7bn', 'USD'],
    ]);
  });
  test('it is in the currency of an earlier amount converted the same way', () => {
    expect(pairs('The base model costs 3,150,000 yen ($21,400) and the hybrid 3,480,000 ($23,600).')).toEqual([
      ['3,150,000 yen', 'JPY'],
      ['$21,400', 'USD'],
      ['3,480,000', 'JPY'],
      ['$23,600', 'USD'],
    ]);
  });
  test('a scaled amount with no conversion still takes the currency beside it', () => {
    expect(pairs('The fund raised $40 million and then 25 million more.')[1]).toEqual(['25 million', 'USD']);
  });
  test('an "m" glued to a number among amounts of money in millions is million of that money, not metres', () => {
    expect(pairs('The parent spent 1.4bn euros on the unit, which earned 310m last year and its sister 95m.').slice(1)).toEqual([
      ['310m', 'EUR'],
      ['95m', 'EUR'],
    ]);
    expect(figs('The parent spent 1.4bn euros on the unit, which earned 310m last year.')[1]!.value).toBe(310e6);
    // (not beside a length, nor with no money written in millions or billions)
    expect(pairs('The 1.4bn-euro bridge is 310m long and runs 2 km across the marsh.')[1]).toEqual(['310m', 'm']);
    expect(pairs('They paid 4,000 euros for a mast 310m tall.')[1]).toEqual(['310m', 'm']);
    // (nor one a word of its own follows)
    expect(pairs('The 1.4bn-euro tower is 310m tall.')[1]).toEqual(['310m', 'm']);
  });
  test("a bare scaled amount takes the sentence's own currency, not that of a conversion in brackets", () => {
    // (the conversion into dollars comes later in the sentence than the amount in pounds it converts)
    expect(pairs('Takings rose to 84 million pounds ($106 million), from 71 million a year before.')[2]).toEqual(['71 million', 'GBP']);
    expect(pairs('Pre-tax profit was 31 million euros ($34 million), short of the 35 million forecast.')[2]).toEqual(['35 million', 'EUR']);
    // (with no conversion the amount still takes the currency after it)
    expect(pairs('Takings rose to 84 million, from $71 million a year before.')[0]).toEqual(['84 million', 'USD']);
  });
});

describe('words that are no noun of a figure', () => {
  test('an -ing verb before its object, "to close at", a comparative', () => {
    expect(nouns('The council is investing a total of 80 million in roads.')).toEqual([['80 million', null]]);
    // (the level is the index's, not a "close")
    expect(nouns('The index slipped 0.3% to close at 5,912.40.')[1]).toEqual(['5,912.40', 'index']);
    // (the subject may name them; the comparative and the "k" of the figure before do not)
    expect(nouns('It would make it about 15k or 20k cheaper than its rival.')).toEqual([
      ['about 15k', null],
      ['20k', null],
    ]);
  });
  test('the next label of a list of labels and values', () => {
    expect(nouns('Weight: 1420 Colour: red').map((x) => x[1])).not.toContain('colour');
  });
  test('"N who …" counts people; a list still names them', () => {
    expect(nouns('Now 4,200 people have waited a year and 1,750 who have waited for over three years.')).toEqual([
      ['4,200', 'person'],
      ['a year', null],
      ['1,750', 'person'],
      ['over three years', null],
    ]);
    expect(nouns('Police counted 9,000 marchers at noon and 2,500 who stayed late.')[1]).toEqual(['2,500', 'marcher']);
    // (an age bound is no count of people)
    expect(nouns('Six were children under two who, he said, paid nothing.')[1]![1]).not.toBe('person');
  });
  test('a place after "in the" with a name makes the part a part of the people or things before it', () => {
    expect(nouns('About 3 million homes lost power, including 800,000 in the Brenner Valley region.')[1]).toEqual(['800,000', 'home']);
  });
});
