/**
 * What is not a figure (DESIGN.md): dates, clock times, years, ordinals, identifiers, URLs, phone numbers; and the
 * cost of reading hostile input (a megabyte of digits and separators) stays linear.
 */
import { findDateSpans } from '../../src/extract/dates.js';
import { parseNumber } from '../../src/extract/index.js';
import { normalizeForScan } from '../../src/extract/normalize.js';
import { scanBlock } from '../../src/extract/scan.js';
import { tokenize } from '../../src/extract/tokens.js';
import { getLexicon } from '../../src/lexicon/index.js';
import { figs, texts } from './helpers.js';

describe('not figures, next to figures', () => {
  test('a list that leaves out its verb pairs names with figures; a name before a number is otherwise an identifier', () => {
    expect(texts('The North had 21, the Coast 18 and the Southern Uplands 19.')).toEqual(['21', '18', '19']);
    expect(texts('Fans of Blink 182 queued for hours.')).toEqual([]);
  });

  test('a bare number after a full date is a figure, not an hour; a clock time after a date is still a time', () => {
    expect(texts('| 12 March 2024 | 16,200 | 5 |')).toEqual(['16,200', '5']);
    expect(texts('On 9 June 2023 14 boats sank.')).toEqual(['14']);
    expect(texts('The vote closed on 9 June 2023 18:00 with 412 ballots cast.')).toEqual(['412']);
  });

  test('a station named "KMRW 7 News" is that station wherever it appears', () => {
    expect(texts('Updated by KMRW 7 News staff. A KMRW 7 crew watched 4 drops.\nKMRW 7')).toEqual(['4']);
  });

  test('"from one ministry to another", "one crisis after another" hold no count', () => {
    expect(texts('Staff were moved from one ministry to another. It was one crisis after another. One person died.')).toEqual(['One']);
  });

  test('a byline\'s counters between pipes are furniture; a runway number is an identifier', () => {
    expect(texts('By Dana Whitcomb | 6 min read | 1.2K shares | Likes 1,046\n\nThe quake killed 64 people.')).toEqual(['64']);
    expect(texts('It touched down on runway 27 at 10.52am. Two runways were shut.')).toEqual(['Two']);
  });

  test('a reporting period ("the nine months to September", "Nine months and first half") names when, not how long', () => {
    expect(texts('Net profit for the nine months, at 2.76 billion, fell.')).toEqual(['2.76 billion']);
    expect(texts('Revenue in the three months to June rose 11% to €4.8bn (£4.1bn).')).toEqual(['11%', '€4.8bn', '£4.1bn']);
    expect(texts('## Nine months and first half\n\nSales grew.')).toEqual([]);
    expect(texts('## Nine months\n\nThe nine-month cost-to-income ratio was 48.7%. Over the first nine months, net profit totalled 3.11 billion euros.')).toEqual(['48.7%', '3.11 billion euros']);
    // a duration stays a figure
    expect(texts('He got a nine-month sentence. Europe made 46% of revenue in the first nine months, the Americas 29%.')).toEqual(['nine-month', '46%', 'nine months', '29%']);
    expect(texts('Over the past nine months, 40 people died. He was jailed for nine months. Six months was the sentence.')).toEqual(['nine months', '40', 'nine months', 'Six months']);
  });

  test('lines to call, labelled identifiers, road posts, bus lists, postcodes and opening hours are no figures', () => {
    expect(texts('Relatives can call the family line on 1525 (free, 24 hours). The helpline (1420) is open 24 hours a day.')).toEqual([]);
    expect(texts('- IMO number: 9063318; call sign 9MSL4')).toEqual([]);
    expect(texts('A landslide near kilometre 87 closed the road. Buses 11, 24 diverted.')).toEqual([]);
    expect(texts('Press office, 2 Citadel Street, 61001 Morvane.')).toEqual([]);
    // still figures: a count after a label, a distance, hours worked
    expect(texts('The number of dead: 45. It rose 5 km near the town. Crews worked for 24 hours.')).toEqual(['45', '5 km', '24 hours']);
  });

  test('numbers in the slogans of placards and banners are no figures; quoted speech keeps its figures', () => {
    expect(texts('Most walked peacefully, waving placards reading "64 wells, 0 for sale" and pushing prams.')).toEqual([]);
    expect(texts('Placards everywhere: "64 wells, 0 for sale", "1 drop = 1 right" and more.')).toEqual([]);
    expect(texts('Medics say they have treated "around 20 people", mostly for tear gas. He said: "We counted 3,000 marchers."')).toEqual(['around 20', '3,000']);
  });

  test('a quotation in capitals is a slogan; lower-case or one short capital word is not', () => {
    expect(texts('Signs in the square played on both ages, from "62 NOT 64" to "NEVER 64". Some 5,000 came.')).toEqual(['Some 5,000']);
    expect(texts('The minister said "UP 5%" on Monday and the union said "we lost 300 jobs".')).toEqual(['5%', '300']);
  });

  test('the clock told in words ("at ten past three", "by twenty to six") is no figure; "from five to ten euros" is', () => {
    expect(texts('The count was 48,500, up from 39,000 at ten past three. The last coach left at twenty to six.')).toEqual(['48,500', '39,000']);
    expect(texts('Tickets went from five to ten euros.')).toEqual(['five', 'ten euros']);
  });

  test('tram stops and a date in a street\'s name are identifiers', () => {
    expect(texts("A reader sent a picture of line T3's stop 7. Trams are suspended between stops 4 and 11. They had to stop 7 buses.")).toEqual(['7']);
    expect(texts('The route runs along Avenue du 11-Novembre and Rue du 4 Septembre, about 5 km.')).toEqual(['about 5 km']);
  });

  test('a number to call and the bracket after it that says how are no figures', () => {
    expect(texts('Report outages by calling 1912 (24 hours, free from any phone). About 5,000 homes lost power.')).toEqual(['About 5,000']);
    expect(texts('The army is calling up 500 reservists.')).toEqual(['500']);
  });

  test('a year after a quarter or half written as a letter and a digit is a date', () => {
    expect(texts('Q2 2025 highlights. H1 2024 results. Sales hit 2025 units.')).toEqual(['2025']);
  });

  test("a masthead's cover price and issue number are no figures", () => {
    expect(texts('THE SUNDAY TRUMPET\nSunday 18 May 2025 | No. 2,417 | 2.50 euros\n\nBread now costs 2.50 euros | a loaf.')).toEqual(['2.50 euros']);
    expect(texts('THE DAILY BEACON\nFriday, 14 November 2025 | Issue No. 31,118 | €1.80\n')).toEqual([]);
  });

  test('a one-word street name, a short code to text and a page reference are no figures', () => {
    expect(texts('Write to us at 12 Drukkerijweg, Kessenburg, or visit 4 Kanaalstraat.')).toEqual([]);
    expect(texts('Text RENT to 60 600 to vote. Puzzles p.34 - TV p.40-41. The march drew 600 people.')).toEqual(['600']);
  });

  test('a share counter with a thousands separator and a date after "24:00" are no figures', () => {
    expect(texts('Wednesday 16 July 2025 | Live | Share (1,377) | Comments (42). Sales rose to 1,377 units.')).toEqual(['1,377']);
    expect(texts('Figures are based on metered data up to 24:00 on 16 July. Demand reached 58.4 GW.')).toEqual(['58.4 GW']);
  });

  test('an exchange-rate note is no amount of money; a dollar paid is', () => {
    expect(texts('($1 = 0.8547 euros) He paid $1 for it.')).toEqual(['0.8547 euros', '$1']);
  });
  test('a one-day strike lasts a day', () => {
    expect(texts('The one-day strike cost 5 million euros.')).toEqual(['one-day', '5 million euros']);
  });
});

describe('not figures, next to figures', () => {
  test('a period label is no count, but a figure after "the past week" is', () => {
    expect(texts('New cases in week 38: 58 (week 37: 47). In the past week 38 cases were confirmed. Last week 96 new cases were reported.')).toEqual(['58', '47', '38', '96']);
  });
  test('numbered markers, radio frequencies, an issue number and a year in quotes', () => {
    expect(texts('Route 44 is closed between mile markers 18 and 31. Listen on 94.7 FM. Issue No. 31,118. They promised trains "by 2026". He is 6" tall.')).toEqual(['6"']);
  });
  test('carriage numbers, a list of numbers, a clock time with a point, and table header labels', () => {
    expect(texts('The rear carriages, numbers 6, 7 and 8, left the track; he was in carriage 5. The 12 carriages carried 396 people.')).toEqual(['12', '396']);
    expect(texts('She said at the 12.30 briefing that 19 had died. Shares closed at 12.30 on Friday.')).toEqual(['19', '12.30']);
  });

  test('a station name is no count', () => {
    expect(texts('Fire live updates: 48,600 acres | KMRW 7 News')).toEqual(['48,600 acres']);
  });
});

describe('not figures', () => {
  test.each([
    'On 14 October 2022 at 3:45 pm the meeting began.',
    'the 21st century and the 3rd day',
    'Article 5 of the treaty',
    'Call 555-123-4567 now',
    'see https://example.com/a/123',
    'in the 1990s',
    'Boeing 737 crashed',
    'COVID-19 cases and G7 leaders',
    '5G networks and 4G phones',
    'At 2 pm everybody will be gone.',
    'I arrived at 2.13 am.',
    'The bank robbery begun at 2pm and was over until 2.17pm.',
    'Heat helpline: 061 (free).',
    'Text the word POWER to 56070.',
    'Dial in with access code 571 204.',
    'Shares had their biggest one-day gain since February.',
    'Emergency helpline: 1077.',
    "The government's emergency line is 119.",
    'Its information number: 1450.',
    "Readers' comments (3)",
    'Regional news · Page 1 of 4 (web edition)',
    'Photo 3 of 12: rescuers at the quay.',
    'July 24, 2025 | Updated 2 hours ago',
    'UPDATE 2-Veltra beats forecasts',
    'Veltra reports second-quarter 2025 results',
    'Live · Monday 18 August 2025 · 2,904 watching now',
  ])('%s', (text) => {
    expect(figs(text)).toEqual([]);
  });

  test('identifiers glued to letters and digits', () => {
    expect(figs('24703L202')).toEqual([]);
    expect(figs('24703m212')).toEqual([]);
    expect(figs('24703 m212').some((f) => f.unit !== 'count')).toBe(false);
    expect(figs('24703 L-202').some((f) => f.unit !== 'count')).toBe(false);
  });

  test('years stay years next to the new unit words', () => {
    expect(texts('In 2022 100 people died.')).toEqual(['100']);
    expect(figs('the 2022 cup final and the 1999 turn of events')).toEqual([]);
    expect(texts('1950 metres and 2000 euros')).toEqual(['1950 metres', '2000 euros']);
  });

  test('a short emergency number after "call" is a phone number', () => {
    expect(figs('Anyone who sees smoke should call 112 immediately.')).toEqual([]);
    expect(texts('The court may call 112 witnesses.')).toEqual(['112']);
  });

  test('"the second half of 2025" is a period of time, not a share', () => {
    expect(figs('no recovery before the second half of 2025')).toEqual([]);
  });
});

describe('hostile input stays fast', () => {
  const lex = getLexicon();
  const scan = (s: string) => {
    const t = tokenize(normalizeForScan(s));
    return scanBlock({ t, lex, dates: findDateSpans(t), from: 0, to: t.n });
  };
  const MB = 1 << 20;
  /** CPU milliseconds (user + system) the call took in this process. */
  const cpuMs = (f: () => unknown): number => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  test.each([
    ['digits and commas', '1,'.repeat(MB / 2)],
    ['thousands groups', '1' + ',234'.repeat(MB / 4)],
    ['dotted groups', '1.'.repeat(MB / 2)],
    ['hyphens', '5-'.repeat(MB / 2)],
    ['number words', 'one hundred thirty fifths and '.repeat(MB / 30)],
    ['comparisons', '<5 and >6 '.repeat(MB / 10)],
  ])('a megabyte of %s', (_name, s) => {
    // CPU time, not wall time: a linear pass takes a few seconds, a quadratic one minutes, whatever the machine's load
    expect(cpuMs(() => scan(s))).toBeLessThan(20000);
  });

  test('parseNumber on a megabyte of digits and commas', () => {
    expect(cpuMs(() => parseNumber('1,'.repeat(MB / 2)))).toBeLessThan(20000);
  });
});
