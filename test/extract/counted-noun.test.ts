/**
 * What a bare count counts, read from the noun phrase after it: number agreement between the figure and the phrase,
 * compound modifiers, and the postnominal states that stay in the phrase.
 */
import { extract } from '../../src/extract/index.js';

function noun(text: string, figure: string): { noun: string | null; phrase: string | null; measure: string; unit: string } {
  const m = extract(text).find((x) => x.text === figure);
  if (!m) throw new Error(`no "${figure}" in ${extract(text).map((x) => x.text).join(' | ')}`);
  return { noun: m.noun ?? null, phrase: m.phrase ?? null, measure: m.measure, unit: m.unit };
}

describe('agreement: the plural head ends the phrase after a count above one', () => {
  test('a word after the plural head is not part of what is counted', () => {
    expect(noun('A baker’s dozen is exactly 13 units whilst a gross is 144.', '13').noun).toBe('unit');
    expect(noun('The 11 members bound by the deal committed to a cut.', '11').noun).toBe('member');
    expect(noun('With a total of five profile slots available you can drag and drop.', 'five').phrase).toBe('profile slots');
    expect(noun('The team looked at two viruses deformed wing virus and black queen cell virus.', 'two').noun).toBe('virus');
  });
  test('the first plural after a singular modifier is the head, not a verb in -s', () => {
    expect(noun('Florida came second with 1385710 lightning strikes.', '1385710').phrase).toBe('lightning strikes');
  });
  test('unchanged: a plural modifier before a plural head, states after people, a trailing verb', () => {
    expect(noun('The firm published 5 sales figures on Monday.', '5').phrase).toBe('sales figures');
    expect(noun('The storm left five people dead and thousands without power.', 'five').phrase).toBe('people dead');
    expect(noun('Rescuers pulled 38 people alive from the rubble.', '38').phrase).toBe('people alive');
    expect(noun('Police said 300 protesters marched on Sunday.', '300').noun).toBe('protester');
  });
});

describe('agreement: after "one" a word in -s is the verb', () => {
  test('"One proposal asks" counts proposals', () => {
    expect(noun('One proposal asks Amazons board to stop selling the software.', 'One').phrase).toBe('proposal');
  });
  test('unchanged: a plural-form modifier first ("one sales manager")', () => {
    expect(noun('The firm hired one sales manager last year.', 'one').phrase).toBe('sales manager');
  });
});

describe('an increment names its own noun after "more"', () => {
  test('"three more bodies", "two further cases" count bodies and cases', () => {
    expect(noun('Rescuers said three more bodies were recovered overnight.', 'three').noun).toBe('body');
    expect(noun('The clinic reported two further cases on Friday.', 'two').noun).toBe('case');
  });
  test('unchanged: "more than", and "more" before a verb', () => {
    expect(noun('Officials said more than 40 homes were damaged.', 'more than 40').noun).toBe('home');
    expect(noun('Five people died on Monday and two more were found on Tuesday.', 'two').noun).not.toBe('were');
  });
});

describe('a size inside its noun\'s phrase has no event of the verb before', () => {
  const ev = (text: string, figure: string) => extract(text).find((x) => x.text === figure)?.event ?? null;
  test('"walked the 4.5-kilometre route", "followed a 6.5 km route": no event of walking or following', () => {
    expect(ev('Most of the marchers walked the 4.5-kilometre route in silence.', '4.5-kilometre')).toBeNull();
    expect(ev('The parade followed a 6.5 km route through the old town.', '6.5 km')).toBeNull();
  });
  test('unchanged: a distance that is the verb\'s own object, and counts after a determiner', () => {
    expect(ev('The rescuers walked 12 km through the snow.', '12 km')).toBe('walk');
    expect(ev('Soldiers destroyed the 40 bridges on the river.', '40')).toBe('destroy');
  });
});

describe('compound modifiers: "the 12 page document" counts pages', () => {
  test('a count above one before singular nouns counts the first of them', () => {
    expect(noun('It comes from the 12 page document labeled Project Birmingham.', '12').noun).toBe('page');
    expect(noun('The new model launches with a turbocharged 3 cylinder engine.', '3').noun).toBe('cylinder');
  });
  test('unchanged: a name, a number after the phrase, a scaled amount', () => {
    expect(noun('Marovia fired eight hypersonic Grom-9 missiles overnight.', 'eight').phrase).toBe('hypersonic Grom');
    expect(noun('The government presented a 114.2 billion dral budget on Monday.', '114.2 billion').phrase).toBe('dral budget');
  });
});

describe('partitives', () => {
  test('a possessive name after "of" is a determiner: "Two of Johnson\'s deputies"', () => {
    expect(noun('Two of Johnson’s deputies were fired.', 'Two').noun).toBe('deputy');
  });
  test('unchanged: a number after the possessive', () => {
    expect(noun('The party won 52 of the Landsråd\'s 150 seats.', '150').noun).toBe('seat');
  });
});

describe('lists: the last item after ", and" shares the verb of the list', () => {
  test('"fired 64 missiles, including eight …, and 90 drones": the drones were fired', () => {
    const m = extract('Marovia fired 64 missiles, including eight hypersonic Grom-9 missiles, and 90 Osa-type attack drones overnight.').find((x) => x.text === '90')!;
    expect(m.measure).toBe('Osa-type attack drones fired');
  });
});

describe('a statistic is no counted noun', () => {
  test('"an average of 1,500" names nothing counted but keeps "average" as its measure', () => {
    expect(noun('Car prices will go up by an average of 1,500 this year.', '1,500')).toMatchObject({ noun: null, measure: 'average' });
    expect(noun('The median of 42 days was reported.', '42 days').noun).toBeNull();
    // what follows the statistic is still counted
    expect(noun('An average of 40 people a day crossed the border.', '40').noun).toBe('person');
  });
  test('"the two basement levels" counts levels, not the people counted before it', () => {
    expect(noun('Twenty-nine of the dead were found in the two basement levels or in the stairwell.', 'two').noun).toBe('level');
  });
});

describe('a noun followed by "of" and a figure is that figure\'s', () => {
  test('"winds of 185 km/h (135 mph) gusts of 230 km/h": the first reading is of the winds, even without a comma', () => {
    const text = 'It came ashore with sustained winds of 185 km/h (135 mph) gusts of 230 km/h (143 mph) and a pressure of 951 hPa.';
    expect(noun(text, '185 km/h').measure).toBe('winds');
    expect(noun(text, '135 mph').measure).toBe('winds');
    expect(noun(text, '230 km/h').measure).toBe('gusts');
  });
  test('unchanged: "a 5 km stretch of road", "120 km/h gusts" with no figure after them', () => {
    expect(noun('Crews cleared a 5 km stretch of road.', '5 km').measure).toMatch(/stretch/);
    expect(noun('Forecasters expect 120 km/h gusts of wind on the coast.', '120 km/h').measure).toMatch(/gusts/);
  });
});

describe('people in shelters', () => {
  test('"14,600 remain in 97 shelters, down from 31,600": people sheltering, and the earlier value is of them too', () => {
    expect(noun('Of these, 14,600 remain in 97 shelters, down from 31,600 on Monday.', '14,600').measure).toBe('people in shelters');
    expect(noun('Of these, 14,600 remain in 97 shelters, down from 31,600 on Monday.', '31,600').measure).toBe('people in shelters');
    expect(noun('148,900 people are in 1,040 evacuation centres, up from 131,400 at 06:00.', '131,400').measure).toBe('people in shelters');
    expect(noun('148,900 people are in 1,040 evacuation centres, up from 131,400 at 06:00.', '1,040').measure).toBe('evacuation centres');
    expect(noun('The agency said 6,800 people have been evacuated and 2,400 are sleeping in 19 shelters.', '2,400').measure).toBe('people in shelters');
  });
  test('unchanged: people who live in a city centre, and a change of the clause\'s own figure', () => {
    expect(noun('Some 200 people live in the city centre.', 'Some 200').measure).not.toMatch(/shelter/);
    expect(noun('The group is investing a total of 200 million in the Competence Centre.', '200 million').measure).not.toMatch(/shelter/);
    expect(noun('The brothers have a net worth of 1.356 billion.', '1.356 billion').measure).toBe('net worth');
    expect(noun('That leaves a deficit of €7.5 billion, down from €10.4 billion.', '€10.4 billion').measure).toBe('deficit');
  });
});

describe('the dimension a length is of', () => {
  test('depth, altitude, height, width and length named after the figure', () => {
    expect(noun('The men were trapped 640 metres underground.', '640 metres').measure).toMatch(/^depth/);
    expect(noun('Rescuers reached the men 1,920ft below the surface.', '1,920ft').measure).toBe('depth');
    expect(noun('The site lies at 1,140 metres (3,740 feet) above sea level.', '3,740 feet').measure).toBe('altitude');
    expect(noun('A wall of mud 420 metres (1,640ft) wide smashed into the town.', '420 metres').measure).toMatch(/^width/);
    expect(noun('The dam is 120 metres high.', '120 metres').measure).toBe('height');
  });
  test('unchanged: a distance, and a length with its own noun', () => {
    expect(noun('The epicentre was 40 km south of the town.', '40 km').measure).not.toMatch(/depth|width|height/);
    expect(noun('Police closed a 5 km stretch of road.', '5 km').measure).toMatch(/stretch/);
  });
});

describe('events and labels', () => {
  test('"are now known to have died": the hedge is skipped, the event is the verb after it', () => {
    expect(noun('SEVENTEEN people are now known to have died after the slide.', 'SEVENTEEN').measure).toBe('people died');
    expect(noun('Forty miners are believed to be trapped.', 'Forty').measure).toBe('miners trapped');
  });
  test('a label before a colon names a measurement even when the line goes on', () => {
    expect(noun('Rain at the Mirovel station: 308 mm in the 72 hours to 06:00 on Sunday.', '308 mm').measure).toBe('Rain');
    // (money too; a share keeps its own reading)
    expect(noun('Revenue: €4.8 billion in the quarter, up 5%.', '€4.8 billion').measure).toBe('Revenue');
  });
  test('a label before a colon names a count whose line goes on with its place', () => {
    expect(noun('- Volunteers: 2,300 in 19 villages, including 640 in Orvana.', '2,300').measure).toBe('Volunteers');
    expect(noun('Ambulances: 140 nationwide, most of them in the south.', '140').measure).toBe('Ambulances');
    // (not a count that goes on otherwise, nor a label that names nothing counted)
    expect(noun('Volunteers: 2,300 and still rising, the mayor hopes.', '2,300').measure).toBe('count');
    expect(noun('Match day in Orvana: 40,000 in the stadium?', '40,000').measure).not.toBe('Match day');
  });
});

describe('a change by a share', () => {
  test('"rose by a fifth", "up a fifth on the year", "down a third since May" are changes in per cent', () => {
    expect(noun('Quarterly profit rose by a fifth, to 1.35 billion crowns.', 'a fifth').unit).toBe('percent');
    expect(noun('Profit was up a fifth on the year.', 'a fifth').unit).toBe('percent');
    expect(noun('Prices are down a third since May.', 'a third').unit).toBe('percent');
  });
  test('unchanged: a quarter past the hour is no share', () => {
    expect(() => noun('We met by a quarter past five.', 'a quarter')).toThrow();
  });
});

describe('a count labelled with its source counts what the text counted before', () => {
  test('"Police: 68,000 in Varnholm." after a count of marchers', () => {
    expect(noun('Police said 65,000 people marched. Police: 68,000 in the old town. The JUF: 240,000.', '68,000').noun).toBe('person');
    expect(noun('Police said 65,000 people marched. Police: 68,000 in the old town. The JUF: 240,000.', '240,000').noun).toBe('person');
  });
  test('a label that names no source does not', () => {
    expect(noun('Police said 65,000 people marched. Goals: 3.', '3').noun).toBeNull();
  });
});

describe('the verb of a coordinated subject, and words that are no holder or counted thing', () => {
  const fig = (text: string, figure: string) => {
    const m = extract(text).find((x) => x.text === figure);
    if (!m) throw new Error(`no "${figure}"`);
    return m;
  };
  test('"6,000 homes and 18,000 hectares of farmland were flooded": the homes were flooded too', () => {
    expect(fig('More than 6,000 homes and 18,000 hectares (44,000 acres) of farmland were flooded.', 'More than 6,000').event).toBe('flood');
    expect(fig('About 2,000 homes and 300 shops lost power on Monday.', 'About 2,000').event).toBe('lose');
  });
  test('the dictionary form of a verb in -ued keeps its e: "were rescued" is rescue, "were queued" queue', () => {
    expect(fig('Rescuers said 24 miners have been rescued alive.', '24').event).toBe('rescue');
    expect(fig('At least 12 people were rescued from the roofs.', 'At least 12').event).toBe('rescue');
    expect(fig('Some 40 flights were queued at the gate.', 'Some 40').event).toBe('queue');
  });
  test('unchanged: a list with no verb after it, and a verb after a comma, give no event', () => {
    expect(fig('It has 400 staff and 20 offices in the region.', '400').event ?? null).toBeNull();
    expect(fig('The fleet has 85 boats and 12 helicopters, and more were sent.', '85').event ?? null).toBeNull();
  });
  test('"Inland, 46 cm of snow had fallen": a sentence adverb is no holder; "overnight" is no counted thing', () => {
    expect(fig('Inland, 46 cm of snow had fallen at Tollby by 7 a.m.', '46 cm').holder ?? null).toBeNull();
    expect(fig('The temperature at the pass fell to minus 14C overnight.', 'minus 14C').measure).toBe('temperature');
  });
  test('unchanged: a capitalised name before a figure still holds it', () => {
    expect(fig('Northport, 12 cm, was spared the worst.', '12 cm').holder).toBe('Northport');
  });
});

/** The mention of `figure` in `text` (an error naming the figures found when there is none). */
function fig(text: string, figure: string) {
  const m = extract(text).find((x) => x.text === figure);
  if (!m) throw new Error(`no "${figure}" in ${extract(text).map((x) => x.text).join(' | ')}`);
  return m;
}

describe('the subject of a change, past its period and its amount', () => {
  test('"Net debt fell by 1.07 billion euros in six months, to 7.85 billion euros": the new level is net debt', () => {
    expect(fig('Net debt fell by 1.07 billion euros in six months, to 7.85 billion euros at the end of June.', '7.85 billion euros').measure).toBe('Net debt');
    expect(fig('Sales rose 4% over the past nine months to 2.1 billion euros.', '2.1 billion euros').measure).toBe('Sales');
  });
  test('unchanged: a level with no change before it', () => {
    expect(fig('Revenue rose 9.2% to 10.35 billion euros.', '10.35 billion euros').measure).toBe('Revenue');
  });
});

describe('a change in per cent told with its amount', () => {
  test('"operating profit came to €410m, an increase of 6.2%": the change measures the amount before it, past an earlier value', () => {
    const m = fig('Operating profit came to €410m, an increase of 6.2% on the €386m of a year earlier.', '6.2%');
    expect(m.measure).toBe('Operating profit');
    expect(m.changeOfAmount).toMatchObject({ unit: 'EUR', own: false });
    expect(fig('Operating profit climbed to €410m from €386m, a rise of 6.2%.', '6.2%').measure).toBe('Operating profit');
  });
  test('a change that names its own measure keeps it and is told with the amount it goes "to"', () => {
    const m = fig('Operating profit rose 6.2% to €410m.', '6.2%');
    expect(m.changeOfAmount).toMatchObject({ unit: 'EUR', own: true });
    expect(m.changeOfAmount!.lo).toBeLessThanOrEqual(410e6);
    expect(m.changeOfAmount!.hi).toBeGreaterThanOrEqual(410e6);
  });
  test('a change that names its measure is told with the amount it goes "to" even when that amount names nothing', () => {
    const m = fig('Ferry operators lifted turnover by 11% to 3.4bn euros.', '11%');
    expect(m.measure).toBe('turnover');
    expect(m.changeOfAmount).toMatchObject({ unit: 'EUR', own: true });
    // (a change that names nothing still takes no amount that names nothing)
    expect(fig('It came to 3.4bn euros, up 11%.', '11%').changeOfAmount).toBeUndefined();
  });
  test('unchanged: a rate\'s level, or an amount in another clause, is no amount of the change', () => {
    expect(fig('The margin rose 0.4% to 6.4%.', '0.4%').changeOfAmount).toBeUndefined();
    expect(fig('Operating profit came to €410m; staff numbers were up 2.1%.', '2.1%').changeOfAmount).toBeUndefined();
    // (a measure read after its amount is no subject the change can take: "$18 billion in April")
    expect(fig('Retail sales dropped to $18 billion in April, down 1% from March.', '1%').measure).not.toBe('April');
  });
});

describe('a share of a group named after a possessive and its count', () => {
  const fig = (text: string, figure: string) => extract(text).find((x) => x.text === figure)!;
  test('"36.4% of the country\'s 412,000 teachers" is a share of teachers', () => {
    expect(fig("The ministry said 36.4% of the country's 412,000 teachers had walked out.", '36.4%').measure).toMatch(/^share of teachers/);
    expect(fig("The union said 65% of Vessary's 412,000 teachers struck.", '65%').measure).toMatch(/^share of teachers/);
  });
});

describe('the place an area word names is the holder', () => {
  const fig = (text: string, figure: string) => extract(text).find((x) => x.text === figure)!;
  test('"The remote mountain district of Dravik alone lost 2,450 buildings" is held by Dravik', () => {
    expect(fig('The remote mountain district of Dravik alone lost 2,450 buildings.', '2,450').holder).toBe('Dravik');
    expect(fig('The province of Sollen has 4,300 people displaced.', '4,300').holder).toBe('Sollen');
  });
  test('unchanged: "The Bank of England raised rates to 5%" is no place', () => {
    expect(fig('The Bank of England raised rates to 5%.', '5%').holder).not.toBe('England');
  });
});

describe('a measurement in apposition to the noun phrase before it', () => {
  test('"the strongest gust, 234 km/h (165 mph), was measured": the phrase names what is measured, for the conversion too', () => {
    expect(noun("Ulmara's strongest gust, 234 km/h (165 mph), was measured at the lighthouse.", '234 km/h').measure).toBe("Ulmara's strongest gust");
    expect(noun("Ulmara's strongest gust, 234 km/h (165 mph), was measured at the lighthouse.", '165 mph').measure).toBe("Ulmara's strongest gust");
    expect(noun('Its top speed, 300 km/h, is a record for the line.', '300 km/h').measure).toBe('top speed');
  });
  test('not a place before the comma, a list of readings, a generic head, or a figure with no closing comma', () => {
    expect(noun('In Tolvio, 287 mm, the most in years, fell overnight.', '287 mm').measure).not.toMatch(/Tolvio/);
    expect(noun('Winds of 120 km/h, 140 km/h, and more were forecast.', '140 km/h').measure).toBe('Winds');
    expect(noun('The old record, 157 km/h, was set in December 1999.', '157 km/h').measure).not.toBe('old record');
    expect(noun('By the evening, 30 mm fell on the hills.', '30 mm').measure).not.toBe('evening');
  });
});

describe('a verb right after a measure', () => {
  test('"gusts of 90 km/h hit Dorven harbour": the verb and the name it hits are no measure; the head before "of" is', () => {
    expect(noun('Gusts of 90 km/h hit Dorven harbour shortly after dawn.', '90 km/h').measure).toBe('Gusts');
    expect(noun('Winds of 90 km/h hit the harbour.', '90 km/h').measure).toBe('Winds');
  });
});

describe('a change verb whose "up" comes before the new level', () => {
  test('"The interim dividend goes up to 0.62 euros a share": the dividend, not a bare currency', () => {
    expect(noun('The interim dividend goes up to 0.62 euros a share.', '0.62 euros a share').measure).toBe('interim dividend');
    expect(noun('The death toll has gone up to 41.', '41').measure).toBe('death toll');
  });
});

describe('a bare count a hundred times the figure before it is no item of a list of that figure', () => {
  test('a rival total after a count of places continues the people counted, not the places', () => {
    expect(noun('Officers counted 23,800 walkers across five towns; the organisers claimed 70,000.', '70,000').noun).toBe('walker');
    expect(noun('Stewards logged 8,400 cyclists on two bridges, and the club 19,000.', '19,000').noun).toBe('cyclist');
  });
  test('unchanged: list items of about one size, and a small list of places', () => {
    expect(noun('Police counted 6,200 marchers in Orlay and 9,800 in Bexton.', '9,800').noun).toBe('marcher');
    expect(noun('The flood cut off 14 villages and 9 on the far bank.', '9').noun).toBe('village');
  });
});

describe('a bare count after its source, or a name read before it, counts what the text counted before', () => {
  test('"the federation\'s 58,000": a possessive source names who counted, the count continues the marchers', () => {
    expect(noun("Stewards counted 21,400 marchers in Delmore. The gap is wide: the federation's 58,000 is nearly three times that.", '58,000').noun).toBe('marcher');
  });
  test('"put the total for Ashby, Crale and Pennick at 11,200": the last place named is no counted thing', () => {
    expect(noun('Officials said 9,300 cyclists rode the route. Wardens put the total for Ashby, Crale and Pennick at 11,200.', '11,200').noun).toBe('cyclist');
  });
  test('unchanged: a noun after the figure, a capital that opens its sentence, a time that owns the figure', () => {
    expect(noun('Officials said 9,300 cyclists rode the route. The city\'s 35 "craft" shops stayed shut.', '35').noun).not.toBe('cyclist');
    expect(noun('Officials said 9,300 cyclists rode the route. Arrests in the centre stood at 12.', '12').noun).not.toBe('cyclist');
    expect(noun("Officials said 9,300 cyclists rode on Sunday. That compares with this morning's 8,100.", '8,100').noun).toBeNull();
  });
});

describe('a generic head ("the figure of …") a hundred times the figure before it does not count what that figure counts', () => {
  test('"the figure of 12,400" after "two bridges" continues the walkers', () => {
    expect(noun('Stewards counted 9,100 walkers on Saturday. The count covered two bridges, and the figure of 12,400 came later.', '12,400').noun).toBe('walker');
  });
  test('unchanged: a figure of about the size of the one before', () => {
    expect(noun('Crews repaired 140 bridges in May, and the figure of 160 was reached in June.', '160').noun).toBe('bridge');
  });
});

describe('a phrasal verb after a bare count is its verb, not what it counts', () => {
  test('"48,000 took part": no noun "part", the event is taking part', () => {
    const m = extract('The organisers said 48,000 took part in the capital.').find((x) => x.text === '48,000')!;
    expect(m.noun ?? null).toBeNull();
    expect(m.event).toBe('take part');
    const w = extract('At the depot 620 walked out before noon.').find((x) => x.text === '620')!;
    expect(w.event).toBe('walk out');
  });
  test('a figure after the places of that verb takes its event, not "part" read back across them', () => {
    const m = extract('The union said 90,000 took part across the region and 35,000 in Dunmore alone.').find((x) => x.text === '35,000')!;
    expect(m.noun ?? null).toBeNull();
    expect(m.event).toBe('take part');
  });
  test('a bare count after "and" with a verb of its own is no subject of the verb before it', () => {
    const m = extract('Police said 22,000 demonstrated and 4,000 marched to the harbour.').find((x) => x.text === '4,000')!;
    expect(m.noun ?? null).toBeNull();
    expect(m.event).toBe('march');
  });
  test('unchanged: a noun before the verb, a subject read back through "of"', () => {
    expect(noun('About 3,000 people took part in the vigil.', 'About 3,000').noun).toBe('person');
    expect(noun('Sales of 40,000 were recorded in the quarter.', '40,000').phrase).toBe('Sales');
  });
});

describe('a generic head does not continue a difference between two counts', () => {
  test('"a difference of 16,600. … the officers\' own estimate of 14,000" does not count the difference', () => {
    const t = 'The officers counted 9,400; the organisers claim 26,000, nearly three times as many and a difference of 16,600. Even the officers’ own estimate of 14,000 sits well above their first number.';
    expect(noun(t, '14,000').noun).not.toBe('difference');
    expect(noun(t, '9,400').noun).not.toBe('difference');
  });
  test('unchanged: a generic head after a count of its size continues that count', () => {
    const t = 'Police counted 12,500 walkers on Sunday. The city’s own estimate of 21,000 sits above that.';
    expect(noun(t, '21,000').noun).not.toBe('estimate');
  });
});
