/**
 * Context of a claim: who said it, when it is about, where it applies, and the role it plays in its sentence.
 */
import { ingestText } from '../../src/ingest/index.js';
import { processDocument } from '../../src/pipeline.js';
import type { ClaimContext } from '../../src/context/index.js';
import { documentPeriod } from '../../src/context/time.js';

function claims(text: string, date?: string): ClaimContext[] {
  return processDocument(ingestText(text, { id: 'a.txt', path: 'a.txt', date }), 0).claims;
}
function claim(text: string, figure: string, date?: string): ClaimContext {
  const c = claims(text, date).find((x) => x.text === figure);
  if (!c) throw new Error(`no "${figure}" in ${claims(text, date).map((x) => x.text).join(' | ')}`);
  return c;
}

describe('attribution', () => {
  test('"X said", "said X" and "according to X"', () => {
    expect(claim('Putin said 222,000 reservists had been mobilised.', '222,000').attribution).toBe('Putin');
    expect(claim('"We found 45 bodies," said Civil Protection head Elena Marchetti.', '45').attribution).toMatch(/Elena Marchetti/);
    expect(claim('Forces retook 75 villages, according to the Ministry for Reintegration.', '75').attribution).toMatch(/Ministry for Reintegration/);
  });

  test('a source named as the label of a count ("Police: 68,000", "The JUF: 240,000"); a place label names no source', () => {
    expect(claim('Police: 68,000 in Varnholm.', '68,000').attributionKey).toBe('police');
    expect(claim('14:05 — The JUF: 240,000.', '240,000').attributionKey).toBe('juf');
    expect(claim('Castrell: 38,500', '38,500').attribution).toBeNull();
    expect(claim('TOTAL: 90,000', '90,000').attribution).toBeNull();
  });

  test('"As originally reported, …" names no source', () => {
    expect(claim('As originally reported, net profit for 2024 was €4.96 billion.', '€4.96 billion', '2026-02-12').attribution).toBeNull();
    expect(claim('The ministry first reported 45 deaths.', '45', '2026-02-12').attributionKey).toBe('ministry');
  });

  test('a relative clause with a time adjunct: the source is the noun before "which"', () => {
    expect(claim('The ministry, which on Thursday gave a midday figure of 24.6%, revised it.', '24.6%').attributionKey).toBe('ministry');
  });

  test('"he said" resolves to the speaker named before', () => {
    const c = claims('Vladimir Putin spoke in Astana. He said 222,000 reservists had been mobilised.', '2022-10-14');
    expect(c.find((x) => x.text === '222,000')!.attributionKey).toBe('putin');
  });

  test('a source named in the figure\'s own phrase, and a gapped clause', () => {
    expect(claim('Marchers laughed at the police figure of around 23,000.', 'around 23,000').attributionKey).toBe('police');
    const c = claims('The ministry counted 1.05 million marchers and the unions 2.5 million.');
    expect(c.find((x) => x.text === '1.05 million')!.attributionKey).toBe('ministry');
    expect(c.find((x) => x.text === '2.5 million')!.attributionKey).toBe('unions');
  });
});

describe('time', () => {
  test('"since June, 58 of them" is no year 1958', () => {
    const cs = claims('There have been 412 cases since June, 58 of them in the past week.', '2025-09-21');
    expect(cs.find((c) => c.text === '412')?.time?.start?.startsWith('2025')).toBe(true);
    expect(cs.some((c) => c.time?.start?.startsWith('1958'))).toBe(false);
  });

  test('"up from 17 on Tuesday": the date after an earlier value is its date', () => {
    const c = claim('The toll rose to 31 on Wednesday, up from 17 on Tuesday evening.', '17', '2025-03-12');
    expect(c.role).toBe('history');
    expect(c.time).toMatchObject({ start: '2025-03-11' });
  });

  test('a weekday resolves against the document date; without an expression the document date applies', () => {
    expect(claim('The toll rose to 45 on Friday.', '45', '2022-10-16').time).toMatchObject({ start: '2022-10-14', end: '2022-10-14' });
    expect(claim('The toll rose to 45.', '45', '2022-10-16').time).toMatchObject({ start: '2022-10-16', text: 'document date' });
  });

  test('a time in a relative clause closed before the figure dates that clause, when the sentence has another', () => {
    // 2026-03-02 is a Monday
    const c = claim('Divers found another body on Sunday, near the pier where the ferry sank on Friday, bringing the toll to nine.', 'nine', '2026-03-02');
    expect(c.time).toMatchObject({ start: '2026-03-01' });
    // (the only time of the sentence still dates it; a time in the figure's own clause is its own)
    expect(claim('Near the pier where the ferry sank on Friday, divers have now found nine bodies.', 'nine', '2026-03-02').time).toMatchObject({ start: '2026-02-27' });
    expect(claim('The ferry, which sailed on Friday, carried 212 passengers.', '212', '2026-03-02').time).toMatchObject({ start: '2026-02-27' });
  });

  test('rolling periods and the year so far', () => {
    expect(claim('Forces retook 75 villages in the last month.', '75', '2022-10-14').time).toMatchObject({ start: '2022-09-14', end: '2022-10-14' });
    expect(claim('The army recruited 190,000 volunteers so far this year.', '190,000', '2024-07-04').time).toMatchObject({ start: '2024-01-01', end: '2024-07-04' });
  });

  test('a year in the figure\'s clause, not one after a comma', () => {
    expect(claim('Hurricane Iria killed 19 people in 2016.', '19', '2025-09-14').time).toMatchObject({ start: '2016-01-01' });
    expect(claim('Organisers said 110,000 people took part, the biggest march since 1995.', '110,000', '2025-01-23').time).toMatchObject({ start: '2025-01-23' });
  });

  test('reporting periods: quarters, halves and full years, of the document\'s year unless written', () => {
    expect(claim('Net income rose to €938m in the second quarter.', '€938m', '2025-07-24').time).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    expect(claim('In the first half of 2025, revenue was €9,310 million (H1 2024: €8,452 million).', '€9,310 million', '2025-07-24').time).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
    expect(claim('In the first half of 2025, revenue was €9,310 million (H1 2024: €8,452 million).', '€8,452 million', '2025-07-24').time).toMatchObject({ start: '2024-01-01', end: '2024-06-30' });
    expect(claim('Full-year 2024 revenue was €17.9 billion.', '€17.9 billion', '2025-07-24').time).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    // fourth-quarter results published in February are of the year before
    expect(claim('Fourth-quarter sales were €9.1bn.', '€9.1bn', '2025-02-12').time).toMatchObject({ start: '2024-10-01', end: '2024-12-31' });
  });

  test('money with no time of its own in a results report is of the one period the report is about', () => {
    const c = claims('Veltra reported its second-quarter results. Net income was €938m, against €795m in Q2 2024.', '2025-07-24');
    expect(c.find((x) => x.text === '€938m')!.time).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    // a quarter and the year it closes: which one is meant is unclear, so the document date stays
    const d = claims('Fourth-quarter sales rose. For full-year 2024, the group had sales of €41bn. Net profit was €2.1bn.', '2025-03-06');
    expect(d.find((x) => x.text === '€2.1bn')!.time).toMatchObject({ text: 'document date' });
    // the year named in the headline and a heading, the quarter once: the report is about the year
    const e = claims('Sorvik reports full-year 2024 results. Full-year 2024 at a glance. Fourth-quarter sales rose. Net profit was €2.1bn.', '2025-03-06');
    expect(e.find((x) => x.text === '€2.1bn')!.time).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
  });

  test('a currency the text names in an exchange rate is money; "spending" heads what a figure is', () => {
    const text = 'The budget is set at 112.4 billion drals. At 4.2 drals to the dollar, that is about $26.8 billion. Defence spending is 6.9 billion drals.';
    const c = processDocument(ingestText(text, { id: 'b.txt', path: 'b.txt', date: '2025-02-25' }), 0).claims;
    expect(c.find((x) => x.text === '112.4 billion drals')).toMatchObject({ unit: 'DRA', dimension: 'currency', value: 112.4e9 });
    expect(c.find((x) => x.text === '6.9 billion drals')!.measure).toBe('Defence spending');
    // without a rate or a conversion, an unknown word stays what is counted
    const d = processDocument(ingestText('Some 3 million tickets were sold.', { id: 'd.txt', path: 'd.txt', date: '2025-02-25' }), 0).claims;
    expect(d[0]!.unit).toBe('count');
  });

  test('a currency named with its code, or priced per share, is money', () => {
    const text = 'Amounts in Ardic lumens (LMN). Revenue rose 9.2% to LMN 12.84 billion. Operating profit was 2.36 billion lumens.';
    const c = claims(text, '2025-10-23');
    expect(c.find((x) => x.text === 'LMN 12.84 billion')).toMatchObject({ unit: 'LMN', dimension: 'currency', value: 12.84e9, measure: 'Revenue' });
    expect(c.find((x) => x.text === '2.36 billion lumens')).toMatchObject({ unit: 'LMN', measure: 'Operating profit' });
    expect(claim('At 142 lumens a share the stock looks cheap. Net profit was 1.05bn lumens.', '1.05bn lumens', '2025-10-23')).toMatchObject({ unit: 'LUM', measure: 'Net profit' });
    // a code in brackets that never stands before an amount defines nothing ("the Reserve Bank (RBT)")
    expect(claim('The Reserve Bank (RBT) said 40 banks were inspected.', '40', '2025-10-23').unit).toBe('count');
  });

  test('a money word the lexicon knows, given a code or a symbol of the text, is the text\'s own currency', () => {
    // "florins" alone are the Dutch florin (NLG); "Anskari florins (ANF)" names another money
    const text = 'Amounts in Anskari florins (ANF). Sales fell 6.5% to ANF 38.46 billion. Net income was 1.38 billion florins.';
    const c = claims(text, '2026-02-17');
    expect(c.find((x) => x.text === 'ANF 38.46 billion')).toMatchObject({ unit: 'ANF', dimension: 'currency', value: 38.46e9 });
    expect(c.find((x) => x.text === '1.38 billion florins')!.unit).toBe('ANF');
    expect(claim('Net income was 1.38 billion florins.', '1.38 billion florins', '2026-02-17').unit).toBe('NLG');
    // a symbol the text defines: "(Fl is the Anskari florin)"
    const fl = claims('Group sales fell to Fl38.46bn, or €5.13bn (Fl is the Anskari florin). Net profit dropped to Fl1.83bn.', '2026-02-18');
    expect(fl.find((x) => x.text === 'Fl1.83bn')).toMatchObject({ dimension: 'currency', value: 1.83e9, unit: 'FLO' });
    // a symbol that never stands before a figure defines nothing
    expect(claim('Net profit dropped to 1.83bn florins (Fl is the Anskari florin).', '1.83bn florins', '2026-02-18').unit).toBe('NLG');
  });

  test('a year after the base of a comparison dates the base, not the new level; a change keeps it', () => {
    const c = claims('Net income dropped to €1.38 billion from €2.41 billion in 2024, the company said.', '2026-02-17');
    expect(c.find((x) => x.text === '€2.41 billion')!.time).toMatchObject({ start: '2024-01-01' });
    expect(c.find((x) => x.text === '€1.38 billion')!.time?.start).not.toBe('2024-01-01');
    // "up 3.2 points from 58.2% in 2021": the change is a change since 2021
    const d = claims('Turnout was 61.4%, up 3.2 percentage points from 58.2% in 2021.', '2025-10-13');
    expect(d.find((x) => x.text === '3.2 percentage points')!.time).toMatchObject({ start: '2021-01-01' });
  });

  test('"results for the 2025 financial year" name the year the report is about', () => {
    const c = claims('Brevander: results for the 2025 financial year. Net income was €1.38 billion.', '2026-02-17');
    expect(c.find((x) => x.text === '€1.38 billion')!.time).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    // "2025 results season" names no period
    expect(claims('As the 2025 results season opens, net income was €1.38 billion.', '2026-02-17').find((x) => x.text === '€1.38 billion')!.time?.start).not.toBe('2025-01-01');
  });

  test('a period between subject and verb is skipped; "July to September" runs to the end of September', () => {
    const c = claim('Operating profit for July to September rose to 2.36 billion euros.', '2.36 billion euros', '2025-10-23');
    expect(c.measure).toBe('Operating profit');
    expect(c.time).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
  });

  test('"up from X a year earlier" in a sentence about a period is of that period a year back', () => {
    const c = claims('Revenue for 2024 came in at €41.27bn, up from €39.46bn a year earlier.', '2025-03-01');
    expect(c.find((x) => x.text === '€41.27bn')!.time).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    expect(c.find((x) => x.text === '€39.46bn')).toMatchObject({ role: 'history', time: { start: '2023-01-01', end: '2023-12-31' } });
  });

  test('"the three months to June" and "the first six months of the year" are reporting periods', () => {
    expect(claim('Revenue in the three months to June rose 11% to €4.8bn.', '€4.8bn', '2025-07-30')).toMatchObject({ measure: 'Revenue', time: { start: '2025-04-01', end: '2025-06-30' } });
    expect(claim('Profit for the nine months ended 30 September 2024 was €2.1bn.', '€2.1bn', '2025-03-01').time).toMatchObject({ start: '2024-01-01', end: '2024-09-30' });
    expect(claim('In the first six months of the year sales were €9bn.', '€9bn', '2025-08-01').time).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
  });

  test('"the national death toll" is national; an incident\'s toll after it is a part of it', () => {
    const c = claims('Two more bodies were recovered near Esterhill, bringing the national death toll to five. Heavy rain triggered the landslide that killed three people.', '2025-09-21');
    expect(c.find((x) => x.text === 'five')!.scopeKey).toBe('national');
    expect(c.find((x) => x.text === 'three')!.role).toBe('subset');
    // alone, the landslide's toll is the event itself
    expect(claim('Heavy rain triggered the landslide that killed three people.', 'three', '2025-09-21').role).toBeFalsy();
    // a name is no scope: "the National Hospital"
    expect(claim('The National Hospital treated 40 people.', '40', '2025-09-21').scopeKey).toBeNull();
  });

  test('"last year\'s march, which drew 26,000" is a figure of the past; a lower-case "march," is no month', () => {
    const c = claim("The turnout was far higher than at last year's march, which drew 26,000 people according to police.", '26,000', '2025-09-28');
    expect(c.role).toBe('history');
    expect(c.time?.text).not.toMatch(/march/i);
    expect(claim("This year's march, which drew 40,000 people, was calm.", '40,000', '2025-09-28').role).toBeFalsy();
  });

  test('a day or month without a year is the last one before the report, or the one before that with "last year"', () => {
    expect(claim('On 7 March, 500 people marched.', '500', '2025-10-16').time).toMatchObject({ start: '2025-03-07', end: '2025-03-07' });
    expect(claim('It was lower than on 7 March last year, when 740,000 people marched.', '740,000', '2025-10-16').time).toMatchObject({ start: '2024-03-07' });
    expect(claim('In March last year, police counted 470,000 marchers.', '470,000', '2025-10-16').time).toMatchObject({ start: '2024-03-01', end: '2024-03-31' });
    // what is to come keeps its year
    expect(claim('The vote on 7 March will draw 40,000 people.', '40,000', '2025-10-16').time).toMatchObject({ start: '2026-03-07' });
  });

  test('a figure an outlook "implies" is a forecast, through the whole clause it frames', () => {
    const text = 'Taken at face value, the new range implies sales of roughly €2.1bn to €2.2bn next year before any acquisitions, and an operating profit of about €180m to €190m.';
    expect(claim(text, 'roughly €2.1bn to €2.2bn', '2025-03-04').role).toBe('forecast');
    expect(claim(text, 'about €180m to €190m', '2025-03-04').role).toBe('forecast');
    // (a reported figure is no forecast)
    expect(claim('Sales rose 4% to €2.05bn last year, and operating profit reached €171m.', '€2.05bn', '2025-03-04').role).not.toBe('forecast');
  });

  test('a full-year forecast is of the year of the report', () => {
    expect(claim('The board now expects full-year operating profit of €5.2 billion.', '€5.2 billion', '2025-10-23')).toMatchObject({ role: 'forecast', time: { start: '2025-01-01', end: '2025-12-31' } });
    expect(claim('The board expects operating profit of €5.2 billion.', '€5.2 billion', '2025-10-23').time).toBeNull();
  });

  test('a bracketed comparison year marks the year-earlier figure', () => {
    const c = claims('Adjusted EBIT margin of 10.2% (2023: 9.4%). Net profit of €431 million (prior year: €562 million).', '2025-02-27');
    expect(c.find((x) => x.text === '9.4%')!.role).toBe('history');
    expect(c.find((x) => x.text === '€562 million')!.role).toBe('history');
    expect(c.find((x) => x.text === '10.2%')!.role).toBeUndefined();
  });

  test('a bracketed figure of the same unit right after a figure is the comparison period\'s; a conversion is not', () => {
    const c = claims('Turnover climbed 9% to NOK 4.12 billion (NOK 3.78 billion). The gross margin was 31.5% (29.8%). Fees came to €85 million ($92 million).', '2025-08-14');
    expect(c.find((x) => x.text === 'NOK 3.78 billion')!.role).toBe('history');
    expect(c.find((x) => x.text === '29.8%')!.role).toBe('history');
    expect(c.find((x) => x.text === 'NOK 4.12 billion')!.role).toBeUndefined();
    expect(c.find((x) => x.text === '31.5%')!.role).toBeUndefined();
    // (a conversion into another currency, and a bracket that goes on after the figure, are no comparison)
    expect(c.find((x) => x.text === '$92 million')!.role).toBeUndefined();
    const d = claims('The fund holds NOK 2.4 billion (NOK 1.1 billion of it in bonds).', '2025-08-14');
    expect(d.find((x) => x.text === 'NOK 1.1 billion')!.role).toBeUndefined();
  });

  test('a weekday alone is the last one unless the sentence speaks of what is to come; a count "since" then is as of the report', () => {
    expect(claim('Police said 40 people were hurt on Saturday.', '40', '2025-07-16').time).toMatchObject({ start: '2025-07-12' });
    expect(claim('The union will march with 40 banners on Saturday.', '40', '2025-07-16').time).toMatchObject({ start: '2025-07-19' });
    expect(claim('Some 31 people have died since Saturday.', 'Some 31', '2025-07-16').time).toMatchObject({ start: '2025-07-16', end: '2025-07-16' });
  });

  test('a time in a "when" clause after a count dates the event, not the count: the count is as of the report', () => {
    const s = 'Twenty people are now known to have died when the dam gave way on Monday evening, officials said.';
    expect(claim(s, 'Twenty', '2025-07-17').time).toMatchObject({ start: '2025-07-17', text: 'document date' });
    // a time before the clause is still the figure's own
    expect(claim('Twenty people died on Monday when the dam gave way.', 'Twenty', '2025-07-17').time).toMatchObject({ start: '2025-07-14' });
    expect(claim('Twenty people died in the flood on Monday.', 'Twenty', '2025-07-17').time).toMatchObject({ start: '2025-07-14' });
  });

  test('a time in a relative clause of the subject dates its event; the count after the main verb\'s perfect is as of the report', () => {
    const s = 'The flood that broke through the levee at 06:40 on Saturday 7 March has claimed eleven lives.';
    expect(claim(s, 'eleven', '2026-03-09').time).toMatchObject({ start: '2026-03-09', text: 'document date' });
    // a simple past keeps the time: the count is of that day
    expect(claim('The flood that broke through the levee on Saturday 7 March killed eleven people.', 'eleven', '2026-03-09').time).toMatchObject({ start: '2026-03-07' });
    // "said that on …" is no relative clause of a noun
    expect(claim('Officials said that on Saturday 7 March the river has claimed eleven lives.', 'eleven', '2026-03-09').time).toMatchObject({ start: '2026-03-07' });
  });

  test('a count "before" a day is a count up to the day before it', () => {
    const s = 'Before Saturday, 14 people had died in avalanches in the country this winter.';
    expect(claim(s, '14', '2026-02-10').time).toMatchObject({ start: '2026-02-06', end: '2026-02-06' });
    expect(claim('Fourteen people had died in avalanches this winter before Saturday.', 'Fourteen', '2026-02-10').time).toMatchObject({ start: '2026-02-06', end: '2026-02-06' });
    // a clock before a day is that day's
    expect(claim('Three people were rescued before 10 a.m. on Saturday.', 'Three', '2026-02-10').time).toMatchObject({ start: '2026-02-07' });
    expect(claim('Fourteen people died on Saturday.', 'Fourteen', '2026-02-10').time).toMatchObject({ start: '2026-02-07' });
    // the state of things before the news: an earlier figure, not the news's own
    expect(claim(s, '14', '2026-02-10').role).toBe('history');
    expect(claim('Fourteen people died on Saturday.', 'Fourteen', '2026-02-10').role).toBeFalsy();
    // ("before today" is no day of its own)
    expect(claim('Analysts had pencilled in 13.1 billion euros before today.', '13.1 billion euros', '2026-02-10').role).toBeFalsy();
  });

  test('a figure in the "when" clause a "since" date opens is of that date; the count before it stays as of the report', () => {
    const s = 'The flood is the worst since May 2013, when the river killed 14 people.';
    expect(claim(s, '14', '2025-07-16').time).toMatchObject({ start: '2013-05-01', end: '2013-05-31' });
    expect(claim('At least 31 people have died since Saturday, when the river burst its banks.', 'At least 31', '2025-07-16').time).toMatchObject({ start: '2025-07-16', end: '2025-07-16' });
    // a figure after the clause has closed is not in it
    expect(claim('Rain has fallen since Saturday, when the dam opened, and 12 roads are shut.', '12', '2025-07-16').time).toMatchObject({ start: '2025-07-16' });
  });

  test('"yesterday" and "last night" date a figure; the figure read as an hour after a day is no hour', () => {
    expect(claim('Twelve people died yesterday.', 'Twelve', '2026-04-15').time).toMatchObject({ start: '2026-04-14', text: 'yesterday' });
    expect(claim('Yesterday, 12 people died.', '12', '2026-04-15').time).toMatchObject({ start: '2026-04-14', text: 'Yesterday' });
    expect(claim('On Tuesday, 12 people were hurt.', '12', '2026-04-16').time).toMatchObject({ start: '2026-04-14' });
    expect(claim('Last night the toll stood at 9.', '9', '2026-04-15').time).toMatchObject({ start: '2026-04-14' });
    // a clock right after a day is that day's
    expect(claim("Last night's 7 p.m. briefing put the toll at eight.", 'eight', '2026-04-15').time).toMatchObject({ start: '2026-04-14', text: "Last night's 7 p.m." });
    // "today" is the document's date; a day's number stays the day
    expect(claim('Today 40 people marched.', '40', '2026-04-15').time).toMatchObject({ text: 'document date' });
    expect(claim('On January 9, the ministry counted 1.05 million marchers.', '1.05 million', '2026-04-15').time).toMatchObject({ start: '2026-01-09' });
    // a time right after another figure is that figure's
    const c = claims('NEMA confirmed nine deaths, up from four yesterday, and said six people are still missing.', '2026-04-15');
    expect(c.find((x) => x.text === 'four')!.time).toMatchObject({ start: '2026-04-14' });
    expect(c.find((x) => x.text === 'six')!.time).toMatchObject({ text: 'document date' });
  });

  test('"from 10.40 billion" is an amount, not a clock time', () => {
    expect(claim('The deficit falls from 10.40 billion drals, 3.0% of GDP.', '3.0%', '2025-02-25').time).toMatchObject({ text: 'document date' });
  });

  test('without a document date only expressions with their own year resolve', () => {
    expect(claim('The toll rose to 45 on Friday.', '45').time).toBeNull();
    expect(claim('The toll was 45 on October 14, 2022.', '45').time).toMatchObject({ start: '2022-10-14' });
  });
});

describe('periods named in passing', () => {
  test('"between July and September" is one span, from the first month to the end of the second', () => {
    const t = claim('The company signed up 610,000 new mobile customers between July and September.', '610,000', '2025-11-05').time;
    expect([t?.start, t?.end]).toEqual(['2025-07-01', '2025-09-30']);
    // (days too: "between Monday and Wednesday")
    const d = claim('Between Monday and Wednesday 40 people died in the floods.', '40', '2025-11-05').time;
    expect([d?.start, d?.end]).toEqual(['2025-11-03', '2025-11-05']);
  });

  test('"in the quarter" takes the period the report is about, for counts too', () => {
    const report = '# Third-quarter results\n\nRevenue rose to €14.6 billion in the third quarter.\n\nWe added 240,000 mobile customers in the quarter.\n\nWe now have 11.8 million customers.';
    const t = claim(report, '240,000', '2025-11-04').time;
    expect([t?.start, t?.end]).toEqual(['2025-07-01', '2025-09-30']);
    // (a count with no such words stays a count of the report's day)
    expect(claim(report, '11.8 million', '2025-11-04').time?.start).toBe('2025-11-04');
  });
});

describe('a clock with its day after it', () => {
  test('"in the 6 p.m. bulletin on Sunday" is Sunday\'s 6 p.m.; "at 3 p.m. and on Sunday" are two times', () => {
    const t = claim('The 9 a.m. bulletin put the river at 4.2 metres, up from 3.1 metres in the 6 p.m. bulletin on Sunday.', '3.1 metres', '2025-03-11').time;
    expect([t?.start, t?.end]).toEqual(['2025-03-09', '2025-03-09']);
    expect(claim('The 9 a.m. bulletin put the river at 4.2 metres, up from 3.1 metres in the 6 p.m. bulletin on Sunday.', '4.2 metres', '2025-03-11').time?.start).toBe('2025-03-11');
    expect(claim('Police counted 800 marchers at 3 p.m. and on Sunday 1,200.', '800', '2025-03-11').time?.start).toBe('2025-03-11');
  });
});

describe('the period a results report is about', () => {
  const span = (t: { start: string | null; end: string | null } | null) => (t ? [t.start, t.end] : null);

  test('results told of "last year" name the year; one paragraph on the quarter names it once', () => {
    const wire = 'Harwick Foods said its net profit fell by a fifth last year, as demand for frozen meals weakened.\n\nThe fourth quarter was the hardest of the year. Revenue in the three months to December fell 6% to €1.2 billion.\n\nRevenue fell 3.5% to €5.1 billion.';
    expect(span(documentPeriod(wire, '2026-02-17'))).toEqual(['2025-01-01', '2025-12-31']);
    expect(claim(wire, '€5.1 billion', '2026-02-17').time?.end).toBe('2025-12-31');
    expect(claim(wire, '€5.1 billion', '2026-02-17').time?.start).toBe('2025-01-01');
    // the quarter in two paragraphs is named twice
    const quarter = '# Fourth-quarter results\n\nThe fourth quarter was the hardest of the year. Profit fell last year.\n\nRevenue fell 6% in the three months to December.';
    expect(span(documentPeriod(quarter, '2026-02-17'))).toEqual(['2025-10-01', '2025-12-31']);
  });

  test('"the same period last year" is a comparison, not the period reported', () => {
    const q = 'Revenue rose 6% in the fourth quarter, against the same period last year.';
    expect(span(documentPeriod(q, '2026-02-10'))).toEqual(['2025-10-01', '2025-12-31']);
  });

  test('a title kept apart from the text names the period as a headline does', () => {
    const text = '# 2025 results\n\nSales fell 4% to 2.1 billion crowns. The fourth quarter was weak.';
    expect(documentPeriod(text, '2026-02-17')).toBeNull();
    expect(span(documentPeriod(text, '2026-02-17', 'Results for the 2025 financial year'))).toEqual(['2025-01-01', '2025-12-31']);
    // a title that names no period changes nothing
    expect(documentPeriod(text, '2026-02-17', 'Harwick Foods cuts jobs')).toBeNull();
  });
});

describe('headlines', () => {
  test('a bare count in a headline takes what the article counts with the same number', () => {
    const text = '# Strike day: 65,000 or 300,000?\n\nPolice said 65,000 people took part in the march. The organisers said 300,000 people marched.\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2025-10-02' }), 0).claims;
    const head = c.filter((x) => x.line === 1);
    expect(head.map((x) => x.text)).toEqual(['65,000', '300,000']);
    expect(head[0]!.noun).toBe(c.find((x) => x.line === 3 && x.text === '65,000')!.noun);
    expect(head[0]!.attributionKey).toBe('police');
    expect(head[1]!.attributionKey).toBe('organisers');
  });
});

describe('back-references', () => {
  test('a bare count in the body that restates a count told in another sentence takes its meaning and source', () => {
    const text = "Police said 46,400 people joined the march on Saturday.\n\nThe union dismissed the police's 46,400 as an insult.\n\nOf the 12, nine were freed.\n";
    const c = claims(text, '2025-10-04');
    const [first, again] = c.filter((x) => x.text === '46,400');
    expect(again!.measure).toBe(first!.measure);
    expect(again!.attributionKey).toBe('police');
    // a small bare count is not matched by its number alone
    expect(c.find((x) => x.text === '12')!.noun).toBeFalsy();
  });
});

describe('back-references: a count that the extractor carried from the one before', () => {
  test('unchanged: a count that names what it counts after it, or restates figures of two sources', () => {
    const own = claims('Stewards said 58,000 walkers set off from the docks.\n\nA further 58,000 walkers signed the letter.\n', '2025-10-04');
    expect(own.filter((x) => x.text === '58,000')[1]!.attributionKey).toBeFalsy();
    const two = claims("Stewards said 58,000 walkers set off. Organisers said 58,000 walkers finished.\n\nThe mayor called the 58,000 fair.\n", '2025-10-04');
    expect(two.filter((x) => x.text === '58,000')[2]!.attributionKey).toBeFalsy();
  });
});

describe('tables', () => {
  const html = `<html><body><article><h1>Final result</h1><p>The count ended on Monday with every seat declared.</p><table>
<tr><th>Party</th><th>Share</th><th>Change</th><th>Seats</th><th>Change</th></tr>
<tr><td>National Front</td><td>15.6%</td><td>+4.4</td><td>27</td><td>+8</td></tr>
<tr><td>Total</td><td>100%</td><td></td><td>150</td><td></td></tr></table></article></body></html>`;
  const md = '# Result\n\n| Party | Seats |\n|---|---:|\n| National Front | 27 |\n';

  test('a cell counts what its column names, for its row', () => {
    for (const [text, path] of [[html, 'r.html'], [md, 'r.md']] as const) {
      const c = processDocument(ingestText(text, { id: path, path, date: '2025-09-22' }), 0).claims;
      const seats = c.find((x) => x.text === '27')!;
      expect(seats.measure).toBe('National Front seats');
      expect(seats.holder).toBe('National Front');
    }
  });

  test('a caption in € million makes the cells money; a column headed by a quarter is of that quarter', () => {
    const t = `<html><body><article><h1>Results</h1><p>Veltra reported its results on Thursday.</p><table><caption>Revenue by segment, € million</caption>
<tr><th>Segment</th><th>Q2 2025</th><th>Q2 2024</th></tr>
<tr><td>Industrial</td><td>1,540</td><td>1,403</td></tr></table></article></body></html>`;
    const c = processDocument(ingestText(t, { id: 't.html', path: 't.html', date: '2025-07-24' }), 0).claims;
    expect(c.find((x) => x.text === '1,540')).toMatchObject({ value: 1.54e9, unit: 'EUR', dimension: 'currency' });
    expect(c.find((x) => x.text === '1,403')!.time).toMatchObject({ start: '2024-04-01', end: '2024-06-30' });
    // the header cells are labels, not figures
    expect(c.some((x) => x.text.includes('2025'))).toBe(false);
    // "Revenue 2024", "Revenue 2023": columns of one year each, with the same label
    const y = `<html><body><article><h1>Results</h1><p>Veltra reported its results on Thursday.</p><table><caption>Revenue by segment, € million</caption>
<tr><th>Segment</th><th>Revenue 2024</th><th>Revenue 2023</th></tr>
<tr><td>Industrial</td><td>1,540</td><td>1,403</td></tr></table></article></body></html>`;
    const d = processDocument(ingestText(y, { id: 'y.html', path: 'y.html', date: '2025-02-27' }), 0).claims;
    expect(d.find((x) => x.text === '1,403')!.time).toMatchObject({ start: '2023-01-01', end: '2023-12-31' });
    expect(d.find((x) => x.text === '1,540')!.time).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    expect(d.find((x) => x.text === '1,540')!.measure).toBe(d.find((x) => x.text === '1,403')!.measure);
    // a header that names a scale but no known currency scales the cells ("bn drals"); "(m)" alone is metres
    const b = `<html><body><article><h1>Budget</h1><p>The minister presented the budget on Tuesday.</p><table>
<tr><th>Ministry</th><th>bn drals</th><th>Height (m)</th></tr>
<tr><td>Health</td><td>29.90</td><td>12</td></tr></table></article></body></html>`;
    const e = processDocument(ingestText(b, { id: 'b.html', path: 'b.html', date: '2025-02-25' }), 0).claims;
    expect(e.find((x) => x.text === '29.90')!.value).toBe(29.9e9);
    expect(e.find((x) => x.text === '12')!.value).toBe(12);
    // "2024/25 (bn drals)": a fiscal-year column
    const f = `<html><body><article><h1>Budget</h1><p>The minister presented the budget on Tuesday.</p><table>
<tr><th>Function</th><th>2024/25 (bn drals)</th><th>2025/26 (bn drals)</th></tr>
<tr><td>Health</td><td>23.10</td><td>24.63</td></tr></table></article></body></html>`;
    const g = processDocument(ingestText(f, { id: 'f.html', path: 'f.html', date: '2025-02-25' }), 0).claims;
    expect(g.find((x) => x.text === '23.10')).toMatchObject({ value: 23.1e9, time: { start: '2024-04-01', end: '2025-03-31' } });
    expect(g.find((x) => x.text === '24.63')!.time).toMatchObject({ start: '2025-04-01' });
  });

  test('columns of changes are changes, told apart by the column before; the total row holds wholes', () => {
    const c = processDocument(ingestText(html, { id: 'r.html', path: 'r.html', date: '2025-09-22' }), 0).claims;
    expect(c.find((x) => x.text === '8')).toMatchObject({ role: 'change', measure: 'National Front seats change' });
    expect(c.find((x) => x.text === '4.4')).toMatchObject({ role: 'change', measure: 'National Front share change' });
    expect(c.find((x) => x.text === '150')).toMatchObject({ role: 'whole' });
  });
});

describe('section headings that name periods', () => {
  test('"## Second quarter" and "## First half" date the money under them; one period heading alone does not', () => {
    const text = '# Interim results, first half 2025\n\n## Highlights of the second quarter\n\n- Revenue rose 7.2% to €4.62 billion.\n\n## Highlights of the first half\n\n- Revenue rose 6.6% to €8.94 billion.\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2025-07-24' }), 0).claims;
    expect(c.find((x) => x.text === '€4.62 billion')!.time).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    expect(c.find((x) => x.text === '€8.94 billion')!.time).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
    const one = '# Results\n\n## Full-year 2024\n\n- Free cash flow of €512 million.\n';
    const d = processDocument(ingestText(one, { id: 'b.md', path: 'b.md', date: '2025-02-27' }), 0).claims;
    expect(d[0]!.time?.text).not.toMatch(/heading/);
  });

  test('a footnote marker glued to a word ends the word: "operating profit¹ rose 16.4%"', () => {
    expect(claim('Underlying operating profit¹ rose 16.4% to €312 million.', '16.4%', '2025-07-24').measure).toBe('Underlying operating profit');
    expect(claim('The park covers 31 km².', '31 km²', '2025-07-24').unit).toBe('km2');
  });
});

describe('a results table', () => {
  const text = '## Results\n\n| Party | Votes | Share (%) | Seats | Change on 2022 |\n|---|---:|---:|---:|---:|\n| Social Union | 301,200 | 30.2 | 28 | +4 |\n| Civic Alliance | 254,600 | 25.5 | 23 | −4 |\n';
  const c = () => processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2026-03-09' }), 0).claims;

  test('a column headed in per cent holds percentages', () => {
    expect(c().find((x) => x.text === '30.2')).toMatchObject({ unit: 'percent', value: 30.2 });
    expect(c().find((x) => x.text === '301,200')!.unit).toBe('count');
  });

  test('a lone "Change on 2022" column changes the column before it and is not dated 2022', () => {
    const x = c().find((y) => y.text === '−4')!;
    expect(x.role).toBe('change');
    expect(x.phrase).toBe('seats');
    expect(x.time?.start).not.toBe('2022-01-01');
  });
});

describe('a results table with a change column per period', () => {
  test('each change column is of the latest period of the columns before it', () => {
    const text = '## Key figures\n\n| CFL million | Q2 2025 | Q2 2024 | Change | H1 2025 | H1 2024 | Change |\n|---|---|---|---|---|---|---|\n| Revenue | 4,620 | 4,310 | +7.2% | 8,940 | 8,390 | +6.6% |\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2025-07-24' }), 0).claims;
    expect(c.find((x) => x.text === '7.2%')!.time).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    expect(c.find((x) => x.text === '6.6%')!.time).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
  });
});

describe('a results table under a heading that names the period', () => {
  test('a column of the year before is of its own period, not the heading\'s', () => {
    const text = '# Interim report\n\n## Key figures, second quarter\n\n| € million | Q2 2026 | Q2 2025 |\n|---|---:|---:|\n| Net sales | 7,310 | 6,980 |\n\n## First half\n\nNet sales for the half came to €14.1 billion.\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2026-08-05' }), 0).claims;
    expect(c.find((x) => x.text === '7,310')!.time).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(c.find((x) => x.text === '6,980')!.time).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
  });

  test('a column that names only a year is the heading\'s period in that year', () => {
    const text = '# Interim report\n\n## Key figures, second quarter\n\n| € million | 2026 | 2025 |\n|---|---:|---:|\n| Net sales | 7,310 | 6,980 |\n\n## First half\n\nNet sales for the half came to €14.1 billion.\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2026-08-05' }), 0).claims;
    expect(c.find((x) => x.text === '7,310')!.time).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(c.find((x) => x.text === '6,980')!.time).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
  });
});

describe('table rows of one briefing', () => {
  test('a row labelled with a date and hour dates its cells; rows of different hours are no rival counts', () => {
    const text = '# Briefings\n\n| Briefing | Dead | Missing |\n|---|---|---|\n| Mon 16 June, 09:00 | 4 | 12 |\n| Mon 16 June, 18:00 | 7 | 8 |\n| Tue 17 June, 10:00 | 9 | 6 |\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2025-06-18' }), 0).claims;
    expect(c.find((x) => x.text === '4')!.time).toMatchObject({ start: '2025-06-16', end: '2025-06-16' });
    expect(c.find((x) => x.text === '4')!.clock).toBe(9 * 60);
    expect(c.find((x) => x.text === '9')!.time).toMatchObject({ start: '2025-06-17' });
  });
});

describe('results periods and measures', () => {
  test('a column of restated figures is of its period ("Q2 2025 restated")', () => {
    const text = '## Key figures\n\n| CDK million | Q2 2026 | Q2 2025 restated | Change |\n|---|---|---|---|\n| Revenue | 18,400 | 17,120 | +7.5% |\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2026-07-30' }), 0).claims;
    expect(c.find((x) => x.text === '17,120')!.time).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
    expect(c.find((x) => x.text === '18,400')!.time).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
  });

  test('a column header with its unit in brackets is still of its period ("H1 2025 (XRL million)")', () => {
    const text = '## Sales by region\n\n| Region | H1 2026 (XRL million) | H1 2025 (XRL million) | Change (%) |\n|---|---|---|---|\n| North | 2,480 | 2,210 | +12.2 |\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2026-07-30' }), 0).claims;
    expect(c.find((x) => x.text === '2,210')!.time).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
    expect(c.find((x) => x.text === '2,480')!.time).toMatchObject({ start: '2026-01-01', end: '2026-06-30' });
    // a header that is more than a period is no column period
    const other = '| Region | Sales since H1 2025 launch (XRL million) |\n|---|---|\n| North | 2,480 |\n';
    expect(processDocument(ingestText(other, { id: 'b.md', path: 'b.md', date: '2026-07-30' }), 0).claims.find((x) => x.text === '2,480')!.time?.text).not.toBe('H1 2025');
  });

  test('"half-year" is the last half-year the document closes; "the first six months" is January to June', () => {
    expect(claim('Half-year net profit reached €2.63 billion.', '€2.63 billion', '2026-07-30').time).toMatchObject({ start: '2026-01-01', end: '2026-06-30' });
    expect(claim('Half-year net profit reached €2.63 billion.', '€2.63 billion', '2026-02-20').time).toMatchObject({ start: '2025-07-01', end: '2025-12-31' });
    expect(claim('Revenue for the first six months was €35.10 billion.', '€35.10 billion', '2026-07-30').time).toMatchObject({ start: '2026-01-01', end: '2026-06-30' });
    expect(claim('Shares hit a half-year high of €42.', '€42', '2026-07-30').time?.text).not.toMatch(/half/i);
  });

  test('"in the half" is the half-year of a results report; it does not make the report a half-year one', () => {
    expect(claim('Second-quarter results\n\nThe chain opened 23 shops and shut five in the half.', '23', '2026-07-28').time).toMatchObject({ start: '2026-01-01', end: '2026-06-30' });
    expect(claim('Second-quarter results\n\nSales for the half grew 6% to €3.1 billion.', '€3.1 billion', '2026-07-28').time).toMatchObject({ start: '2026-01-01', end: '2026-06-30' });
    // (the quarter stays the article's period; "in the half of the pitch" and "by half" name no period)
    const c = claims('Second-quarter results\n\nIn the second quarter sales rose 4%. The chain opened 23 shops in the half. Its margin was 8.2%.', '2026-07-28');
    expect(c.find((x) => x.text === '8.2%')!.time).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    expect(claim('Second-quarter results\n\nHe kicked 12 balls in the half of the pitch near the stand.', '12', '2026-07-28').time?.text ?? '').not.toMatch(/^half/);
  });

  test('"full-year" with no year is the year just ended in results season; "full-year outlook" is no period', () => {
    expect(claim('The bank said its full-year net profit rose 12.7% to €5.49 billion.', '€5.49 billion', '2026-02-12').time).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    expect(claim('Full-year net profit was €4.1 billion.', '€4.1 billion', '2026-07-30').time).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    expect(claim('Revenue rose to €4.82 billion; the full-year outlook was raised.', '€4.82 billion', '2025-07-24').time?.text ?? '').not.toMatch(/full-year/);
  });

  test('"the year ended 31 December 2025" is that year', () => {
    expect(claim('For the year ended 31 December 2025, revenue was €48.6 billion.', '€48.6 billion', '2026-02-26').time).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
  });

  test('an article on a year\'s results that mentions its fourth quarter once is about the year', () => {
    const t = 'Brenvik profit keeps rising\n\nNet profit rose to €5.49 billion, up 12.7%. Income reached €14.62 billion, and the fourth quarter was the strongest of the year. Costs for the year rose 4.3% to €6.58 billion, and the year\'s dividend rises to €6.40 a share.';
    const c = claims(t, '2026-02-12');
    expect(c.find((x) => x.text === '€5.49 billion')!.time).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    // (in July "the year" is the year still running: the quarter named is the article's period)
    const q = claims('Harwick profit rises\n\nNet profit rose to €1.46 billion in the second quarter. Sales for the year so far rose.', '2026-07-30');
    expect(q.find((x) => x.text === '€1.46 billion')!.time).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
  });

  test('a heading that names a past year dates its section beside a heading that names a quarter', () => {
    const t = '# Results 2025\n\n## Highlights of 2025\n\n- Net profit rose 12.7% to €5.49 billion.\n\n## Fourth quarter of 2025\n\n- Net profit rose 20.5% to €1.35 billion.\n';
    const c = processDocument(ingestText(t, { id: 'a.md', path: 'a.md', date: '2026-02-12' }), 0).claims;
    expect(c.find((x) => x.text === '€5.49 billion')!.time).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    expect(c.find((x) => x.text === '€1.35 billion')!.time).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
  });

  test('a heading "Nine months" dates its section as the months of the year so far, beside the quarter', () => {
    const t = '# Interim statement, third quarter 2025\n\n## The quarter\n\nNet interest income rose 4.1% to €1.12 billion.\n\n## Nine months\n\nNet interest income reached €3.31 billion for the period.\n\n## Outlook\n\nCosts of €2.0 billion.\n';
    const c = processDocument(ingestText(t, { id: 'a.md', path: 'a.md', date: '2025-10-23' }), 0).claims;
    expect(c.find((x) => x.text === '€3.31 billion')!.time).toMatchObject({ start: '2025-01-01', end: '2025-09-30' });
    expect(c.find((x) => x.text === '€1.12 billion')!.time).toMatchObject({ start: '2025-07-01', end: '2025-09-30' });
    // (months of a year still running are last year's: "Six months" in a March release)
    const early = processDocument(ingestText(t.replace('third quarter 2025', 'fourth quarter 2025').replace('Nine months', 'Six months'), { id: 'b.md', path: 'b.md', date: '2026-03-02' }), 0).claims;
    expect(early.find((x) => x.text === '€3.31 billion')!.time).toMatchObject({ start: '2025-01-01', end: '2025-06-30' });
    // (nor is "Nine months to June" or a duration in a sentence a heading of this kind)
    expect(processDocument(ingestText('# Q3\n\n## Third quarter\n\nRevenue was €1.1 billion.\n\n## Staff\n\nNine months of hiring added €3.3 billion.\n', { id: 'c.md', path: 'c.md', date: '2025-10-23' }), 0).claims.find((x) => x.text === '€3.3 billion')!.time?.text).not.toMatch(/heading/);
  });

  test('a list label holds the share its line gives; a label that is the measure holds nothing', () => {
    expect(claim('Strike returns at 15:00:\n\n- Primary schools: 36.0% of teachers on strike\n- Secondary schools: 25.9% of teachers on strike\n', '36.0%', '2026-03-17').holder).toBe('Primary schools');
    expect(claim('Results:\n\n- Turnout: 64.2%\n', '64.2%', '2026-03-17').holder ?? null).toBeNull();
  });

  test('"were slightly hurt": an adverb between the auxiliary and the event', () => {
    expect(claim('Three officers were slightly hurt in the clashes.', 'Three', '2026-03-17').event).toBe('hurt');
    expect(claim('Three officers were seriously injured.', 'Three', '2026-03-17').event).toBe('injure');
  });

  test("a currency's code before an amount is its unit, never what holds it", () => {
    const c = claim('Operating profit was EUR 2.87 billion, up from EUR 2.52 billion.', 'EUR 2.52 billion', '2025-11-04');
    expect(c.holder).toBe('Operating profit');
  });

  test('what a sum costs is held by the rate in its subject', () => {
    expect(claim('The government has offered 3.5%, which it says would cost €410 million a year.', '€410 million a year', '2026-03-17').holder).toBe('3.5%');
    expect(claim('The union\'s demand for a 9% rise would cost about €1.05 billion a year.', 'about €1.05 billion a year', '2026-03-17').holder).toBe('9% rise');
    expect(claim('The new hospital would cost €410 million.', '€410 million', '2026-03-17').holder ?? '').not.toMatch(/%/);
  });

  test('a named subject that grew its measure by a share holds that share', () => {
    expect(claim('Garden Tools grew revenue by 4.4% as mower sales recovered.', '4.4%', '2026-02-20').holder).toBe('Garden Tools revenue');
    expect(claim('Outdoor Living increased its sales by 7.2%.', '7.2%', '2026-02-20').holder).toBe('Outdoor Living sales');
    // (not a subject that is no name, nor a level the measure grew to)
    expect(claim('The group grew revenue by 4.4%.', '4.4%', '2026-02-20').holder ?? '').not.toMatch(/group revenue/i);
    expect(claim('Garden Tools grew revenue to 12% of the total.', '12%', '2026-02-20').holder ?? '').not.toBe('Garden Tools revenue');
  });

  test('a hyphenated measure a named subject grew is one measure; a profit before or after tax, or attributable to its owners, is one subject', () => {
    expect(claim('Private Banking grew non-interest income by 6.5% on higher fees.', '6.5%', '2026-02-20').holder).toBe('Private Banking non-interest income');
    expect(claim('Operating profit before tax came to €812 million.', '€812 million', '2026-02-20').holder ?? '').toMatch(/^Operating profit before tax$/i);
    expect(claim('Earnings after tax climbed to €95m in the half.', '€95m', '2026-02-20').holder ?? '').toMatch(/^Earnings after tax$/i);
    // ("attributable to" names whose share of the measure it is, not what is measured)
    expect(claim('Net income attributable to equity holders fell 4% to €212 million.', '€212 million', '2026-02-20').holder).toBe('Net income');
    expect(claim('Losses attributable to minority owners widened to €9m.', '€9m', '2026-02-20').holder ?? '').not.toMatch(/owners/);
    // (not a spaced dash, nor a preposition before anything but tax, nor a "to" not after "attributable")
    expect(claim('Payments to shareholders rose to €300 million.', '€300 million', '2026-02-20').holder ?? '').toMatch(/shareholders/);
    expect(claim('Private Banking grew - in a quiet year - income by 6.5%.', '6.5%', '2026-02-20').holder ?? '').not.toMatch(/Private Banking/);
    expect(claim('Spending before the election rose to €40 million.', '€40 million', '2026-02-20').holder ?? '').not.toMatch(/before/);
  });

  test('a pronoun that costs a sum is the rate of the sentence before', () => {
    expect(claim('The board proposes a 4.5% fare rise. It would cost commuters €62 million a year.', '€62 million a year', '2026-03-17').holder).toMatch(/^4\.5%/);
    expect(claim('Nurses want 12%. The treasury says that would cost €2.3 billion.', '€2.3 billion', '2026-03-17').holder).toMatch(/^12%/);
    // (not a relative clause, nor a rate two sentences back)
    expect(claim('Inflation reached 5%. The council backed a tunnel that will cost €40 million.', '€40 million', '2026-03-17').holder ?? '').not.toMatch(/%/);
    expect(claim('Nurses want 12%. Talks resume on Monday. It would cost €2.3 billion.', '€2.3 billion', '2026-03-17').holder ?? '').not.toMatch(/%/);
  });

  test('"beats forecasts as profit climbs 12.7%": a forecast beaten is no forecast clause', () => {
    expect(claim('Brenvik Bank beats forecasts as profit climbs 12.7%.', '12.7%', '2026-02-12').role).toBe('change');
    expect(claim('The bank expects profit to climb 5% next year.', '5%', '2026-02-12').role).toBe('forecast');
  });

  test('"a buyback worth 2 billion euros" is the buyback\'s', () => {
    expect(claim('The group announced a buyback worth 2 billion euros.', '2 billion euros', '2026-02-12').measure).toMatch(/buyback/);
  });

  test('a second measure whose verb the clause leaves out holds its own figure', () => {
    expect(claim('Net profit for the first nine months was €3,106 million and profit before tax €4,200 million.', '€4,200 million', '2025-10-31').holder).toBe('profit before tax');
    expect(claim('Revenue rose to €5 billion and operating profit €800 million.', '€800 million', '2025-10-31').holder).toBe('operating profit');
    // (not a list of labels, nor a verb)
    expect(claim('Local results, Kalvik: SDP 39.0%, NF 18.7%, others 12.1%.', '12.1%', '2025-10-31').holder).toBeFalsy();
    expect(claim('The quake killed 12 people and injured 40.', '40', '2025-10-31').holder).toBeFalsy();
  });
});

describe('crowd counts and petitions', () => {
  test('each place of a list after a colon is a part of the people counted before it', () => {
    const text = 'The ministry said 131,000 people had demonstrated nationwide: 52,000 in Lusmarra, 23,000 in Port Alder and 31,600 elsewhere.';
    expect(claim(text, '52,000', '2026-10-17').measure).toBe('people demonstrated');
    expect(claim(text, '23,000', '2026-10-17').measure).toBe('people demonstrated');
    // (a colon before figures that are not places keeps them apart)
    expect(claim('Key figures: 14 dead and 38 missing.', '14', '2026-10-17').measure).not.toBe('people demonstrated');
  });

  test('a place passed by "and" names no counted thing ("52,000 in Port Alder and 131,000 across the country")', () => {
    const c = claims('Police counted 52,000 in Port Alder and 131,000 across the country.', '2026-10-17');
    expect(c.find((x) => x.text === '131,000')!.noun).not.toBe('alder');
    expect(c.find((x) => x.text === '52,000')!.measure).not.toMatch(/Alder/);
    // (a subject before "and" still is one: "Revenue rose to €5 billion and operating profit €800 million")
    expect(claim('Revenue rose to €5 billion and operating profit €800 million.', '€800 million', '2025-10-31').holder).toBe('operating profit');
  });

  test('a count a petition "has now passed" is a lower bound', () => {
    const c = claim('She says the petition has now passed 412,000 signatures.', 'now passed 412,000', '2026-10-17');
    expect(c.qualifier).toBe('lower');
    expect(c.high).toBeNull();
    expect(claims('The bill passed 52 to 48.', '2026-10-17').find((x) => x.text === '52')!.qualifier).toBe('exact');
  });
});

describe('scope words live in the lexicon', () => {
  test('a user\'s words file adds an adjective a place name may carry ("in sleepy Varn")', async () => {
    const { extendLexicon } = await import('../../src/lexicon/index.js');
    const text = 'In sleepy Varn, 1,200 people were evacuated.';
    const doc = () => ingestText(text, { id: 'a.txt', path: 'a.txt', date: '2026-09-19' });
    expect(processDocument(doc(), 0).claims.find((c) => c.text === '1,200')!.scopeKey).toBeNull();
    const lex = extendLexicon([{ name: 'words', data: { lexicon: 'words', place_adjectives: ['sleepy'] } }]);
    expect(processDocument(doc(), 0, lex).claims.find((c) => c.text === '1,200')!.scopeKey).toBe('varn');
  });
});

describe('a table of advisories', () => {
  const text = '# Situation report\n\n| Advisory | Time | Category | Sustained wind (km/h) | Sustained wind (mph) | Central pressure (hPa) | Rain, 24 h (mm) |\n|---|---|---|---|---|---|---|\n| 14 | Thu 18:00 | 3 | 185 | 115 | 958 | 40 |\n| 16 | Fri 00:00 | 4 | 215 | 134 | 941 | 95 |\n';
  const c = () => processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2026-09-19' }), 0).claims;

  test('a column headed with a unit holds readings in that unit, named by the header', () => {
    expect(c().find((x) => x.text === '185')).toMatchObject({ unit: 'km/h', dimension: 'speed', value: 185, phrase: 'sustained wind' });
    expect(c().find((x) => x.text === '134')).toMatchObject({ unit: 'mph', value: 134 });
    expect(c().find((x) => x.text === '941')).toMatchObject({ unit: 'hPa', dimension: 'pressure' });
    expect(c().find((x) => x.text === '95')).toMatchObject({ unit: 'mm', dimension: 'length' });
  });

  test('a line introducing the table names what its unit columns measure when their headers name only a period', () => {
    const t = '# Report\n\nThe surge reached 2.6 m at the harbour. Rain measured by the met office:\n\n| Station | 24 h to 09:00 Wed (mm) | Storm total (mm) |\n|---|---|---|\n| Port Ambry | 186 | 241 |\n';
    const d = processDocument(ingestText(t, { id: 'b.md', path: 'b.md', date: '2025-10-17' }), 0).claims;
    expect(d.find((x) => x.text === '186')).toMatchObject({ unit: 'mm', phrase: 'rain' });
    expect(d.find((x) => x.text === '241')!.phrase).toBe('storm total');
  });

  test('advisory numbers and categories are no figures', () => {
    const texts = c().map((x) => x.text);
    expect(texts).not.toContain('14');
    expect(texts).not.toContain('3');
    expect(texts).not.toContain('4');
  });

  test('the Time column dates each row, an abbreviated weekday read as the day', () => {
    const x = c().find((y) => y.text === '185')!;
    expect(x.time).toMatchObject({ start: '2026-09-17' });
    expect(x.clock).toBe(18 * 60);
    expect(c().find((y) => y.text === '215')!.time).toMatchObject({ start: '2026-09-18' });
  });

  test('an Issued column dates each row too', () => {
    const t = '# Report\n\n| Advisory | Issued | Sustained (km/h) |\n|---|---|---|\n| No. 9 | Mon 14 Sep, 21:00 | 95 |\n| No. 12 | Tue 15 Sep, 15:00 | 165 |\n';
    const d = processDocument(ingestText(t, { id: 'b.md', path: 'b.md', date: '2026-09-16' }), 0).claims;
    expect(d.find((x) => x.text === '95')).toMatchObject({ time: { start: '2026-09-14', text: 'Monday 14 Sep, 21:00' }, clock: 21 * 60 });
    expect(d.find((x) => x.text === '165')).toMatchObject({ time: { start: '2026-09-15' }, clock: 15 * 60 });
  });

  test('a header without a unit, or with money or per cent, leaves counts as they are', () => {
    const t = '# Evacuation\n\n| District | Evacuated | Share (%) | Damage (€m) |\n|---|---|---|---|\n| Port Ilda | 38,500 | 42 | 120 |\n';
    const d = processDocument(ingestText(t, { id: 'b.md', path: 'b.md', date: '2026-09-19' }), 0).claims;
    expect(d.find((x) => x.text === '38,500')!.unit).toBe('count');
    expect(d.find((x) => x.text === '42')!.unit).toBe('percent');
    expect(d.find((x) => x.text === '120')).toMatchObject({ unit: 'EUR', value: 120e6 });
  });
});

describe('a key-figures table in € million', () => {
  const text = '# Q3 results\n\nKey figures (€m)\n\n| | Q3 2025 | Q3 2024 | Change | 9M 2025 |\n|---|---|---|---|---|\n| Net interest income | 2,184 | 2,062 | +5.9% | 6,420 |\n| Cost-to-income ratio (%) | 52.1 | 54.8 | -2.7 pp | 53.0 |\n| CET1 ratio | 14.6% | 14.0% | +0.6 pp | |\n| Earnings per share (€) | 0.84 | 0.71 | +18.3% | 2.35 |\n';
  const c = () => processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2025-10-30' }), 0).claims;

  test('the line above the table scales the cells; rows in per cent and per share are not scaled', () => {
    const x = c();
    expect(x.find((y) => y.text === '2,184')).toMatchObject({ unit: 'EUR', value: 2.184e9 });
    expect(x.find((y) => y.text === '52.1')).toMatchObject({ unit: 'percent', value: 52.1 });
    expect(x.find((y) => y.text === '0.84')).toMatchObject({ unit: 'EUR', value: 0.84 });
  });

  test('a row label with a coded name ("Tier2 ratio (%)") is still a label in per cent; a period label ("Q3") is none', () => {
    const t = '# Q3 results\n\nKey figures (€m)\n\n| | Q3 2025 | Q3 2024 |\n|---|---|---|\n| Tier2 ratio (%) | 3.8 | 3.5 |\n| Q3 (%) | 7.2 | 6.9 |\n';
    const x = processDocument(ingestText(t, { id: 'c.md', path: 'c.md', date: '2025-10-30' }), 0).claims;
    expect(x.find((y) => y.text === '3.8')).toMatchObject({ unit: 'percent', value: 3.8, measure: 'Tier2 ratio (%)' });
    expect(x.find((y) => y.text === '7.2')!.measure).not.toMatch(/^Q3/);
  });

  test('a heading right above the table scales it as a line does', () => {
    const md = text.replace('Key figures (€m)', '## Key figures (€m)');
    const x = processDocument(ingestText(md, { id: 'a.md', path: 'a.md', date: '2025-10-30' }), 0).claims;
    expect(x.find((y) => y.text === '2,184')).toMatchObject({ unit: 'EUR', value: 2.184e9 });
  });

  test('"9M 2025" is January to September; a column\'s period wins over the report\'s', () => {
    const x = c();
    expect(x.find((y) => y.text === '6,420')!.time).toMatchObject({ start: '2025-01-01', end: '2025-09-30' });
    expect(x.find((y) => y.text === '14.0%')!.time).toMatchObject({ start: '2024-07-01', end: '2024-09-30' });
  });
});

describe('a table whose rows name their own money or scale', () => {
  const text = '# Half-year figures\n\n| | H1 2026 | H1 2025 |\n|---|---|---|\n| Sales (€ million) | 4,310 | 3,980 |\n| Customers (million) | 2.7 | 2.5 |\n| Stores | 412 | 398 |\n| Top million accounts | 81 | 77 |\n';
  const c = () => processDocument(ingestText(text, { id: 'r.md', path: 'r.md', date: '2026-08-01' }), 0).claims;

  test('a row labelled in money or a scale scales its cells', () => {
    const x = c();
    expect(x.find((y) => y.text === '4,310')).toMatchObject({ unit: 'EUR', value: 4.31e9 });
    expect(x.find((y) => y.text === '2.7')).toMatchObject({ unit: 'count', value: 2.7e6 });
  });

  test('rows with no bracketed money or scale keep their cells as they are', () => {
    const x = c();
    expect(x.find((y) => y.text === '412')).toMatchObject({ unit: 'count', value: 412 });
    expect(x.find((y) => y.text === '81')).toMatchObject({ unit: 'count', value: 81 });
  });
});

describe('table columns of identifiers', () => {
  test('a "Postcode" column holds no figures; the counts beside it stay', () => {
    const text = '# Arrests\n\n| District | Postcode | Arrests |\n|---|---|---|\n| Old Town | 61001 | 17 |\n| Harbour | 61002 | 12 |\n| Total | | 29 |\n';
    const c = processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2025-05-10' }), 0).claims;
    expect(c.map((x) => x.text)).toEqual(['17', '12', '29']);
  });
});

describe('scope', () => {
  test('a place phrase in the figure\'s clause; a national marker', () => {
    expect(claim('Forces retook 75 villages in the north of the Kherson region.', '75').scope).toBe('north of the Kherson region');
    expect(claim('Nationally, more than 96,000 households lost power.', 'more than 96,000').scopeKey).toBe('national');
    expect(claim('Officials said 45 people died.', '45').scope).toBeNull();
    // an adjective before the name: "in tiny Sarne"
    expect(claim('In tiny Sarne, home to about 600 people, 41 homes have been destroyed.', '41').scopeKey).toBe('sarne');
  });

  test('a list of places each named right before its count: each count is told for its place', () => {
    const c = claims('Evacuations, district by district: Orlen Valley 3,100 people, Kessby Town 1,850, Varm 1,640.');
    expect(c.map((x) => x.scopeKey)).toEqual(['orlen valley', 'kessby town', 'varm']);
    // one name before one figure is no list ("Police 31,000" names a source); shares and money by label are no places
    expect(claim('Police 31,000, organisers say far more.', '31,000').scope).toBeNull();
    expect(claims('Final result: SDP 39.0%, Greens 12.2%, Centre 8.1%.').map((x) => x.scope)).toEqual([null, null, null]);
  });

  test('a figure given "for" a place is told for that place', () => {
    const c = claims('The ministry gives 12,000 for Maldon, 7,400 for Brisk and 3,100 for Olmen.');
    expect(c.map((x) => x.scopeKey)).toEqual(['maldon', 'brisk', 'olmen']);
    expect(claim('A counting firm arrived at 52,000 for the capital alone.', '52,000').scopeKey).toBe('capital');
    // (not what it is done for: "counts for a group of broadcasters")
    expect(claim('The firm, which counts for a group of broadcasters, said 52,000 people marched.', '52,000').scope).toBeNull();
    // (only right after the figure: "a spokesman for the Dock Workers' Union said 25 …" names who speaks, not where)
    expect(claim("A spokesman for the Harbour Workers Union said 2,500 members marched.", '2,500').scope).toBeNull();
    expect(claim('The plan, submitted for Senate approval, would cost 40 million.', '40 million').scope).toBeNull();
  });

  test('a place told before, by its kind; a place named by a label', () => {
    expect(claim('Turnout in the constituency was 66.8%.', '66.8%').scopeKey).toBe('constituency');
    expect(claim('He spoke to a few hundred supporters in the capital.', 'a few hundred').scopeKey).toBe('capital');
    expect(claim('Local results, Kalvik municipality: SDP 39.0%, Greens 12.2%.', '39.0%').scopeKey).toBe('kalvik municipality');
    expect(claim('In the area of 40 square kilometres, 12 houses burned.', '12').scope).toBeNull();
  });

  test('a sentence that opens with its place ("In Vardo, …") gives it to a figure far from the opening', () => {
    expect(claim('In Vardo, roughly 14,000 marchers, according to the organisers, followed a 2.7-km route through the old town.', '2.7-km').scopeKey).toBe('vardo');
    // (an opening place phrase without its comma is the clause's, not the sentence's)
    expect(claim('In Vardo roughly 14,000 marchers turned out, and the organisers, citing their own stewards and counters, said the total route was 2.7 km.', '2.7 km').scope).toBeNull();
  });
});

describe('roles: figures that never report the same fact as a plain figure', () => {
  test('"two more people have died": an increment is a part of the toll, not the toll', () => {
    expect(claim('Officials say three more people have died in the floods.', 'three').role).toBe('subset');
    expect(claim('Eleven more were pulled from the rubble overnight.', 'Eleven').role).toBe('subset');
    // (but "more than" bounds a figure, and a count that names its noun first is the count)
    expect(claim('More than 40 people have died, officials say.', 'More than 40').role ?? null).toBeNull();
    expect(claim('Officials say 40 people have died, more than on Monday.', '40').role ?? null).toBeNull();
  });
  test('"up from QRX 8.4bn": a currency code the lexicon does not know stands before the earlier value as a sign does', () => {
    expect(claim('The group now expects revenue of QRX 9.1bn, up from QRX 8.4bn.', '8.4bn').role).toBe('history');
    expect(claim('The group now expects revenue of QRX 9.1bn, up from QRX 8.4bn.', '9.1bn').role).not.toBe('history');
    expect(claim('The group reported revenue of QRX 8.4bn in the half.', '8.4bn').role ?? null).toBeNull();
  });
  test('"seven deaths, three more than at noon": the difference from another hour\'s count is a change, not a count', () => {
    expect(claim('The office now confirms seven deaths, three more than at noon.', 'three').role).toBe('change');
    expect(claim('Police made 12 arrests, four fewer than on Friday.', 'four').role).toBe('change');
    // (not a bound, nor a difference from another thing than a time)
    expect(claim('The office now confirms seven deaths, more than at noon.', 'seven').role ?? null).toBeNull();
    expect(claim('Its 41 seats are six fewer than it holds now.', 'six').role ?? null).toBeNull();
  });
  test('benchmark, whole, subset, forecast, earlier value, change, look back', () => {
    expect(claim('Putin said 222,000 out of an expected 300,000 reservists had been mobilised.', '300,000').role).toBe('reference');
    expect(claim('Civil protection said 52 of the 46 shelters opened were full.', '46').role).toBe('whole');
    expect(claim('Two of these vehicles were seized.', 'Two').role).toBe('subset');
    expect(claim('The new parliament, with 69 women among its 150 members, meets on Monday.', '150').role).toBe('whole');
    expect(claim('The party fell short of the 76 seats needed for a majority.', '76').role).toBe('reference');
    expect(claim('The ship was certified for 240 passengers.', '240').role).toBe('reference');
    // a benchmark noun after the figure and its determiner: the benchmark's size
    expect(claim('Operating profit of 412 million beat the 398 million consensus.', '398 million').role).toBe('reference');
    expect(claim('The city met a 40% target for recycling.', '40%').role).toBe('reference');
    expect(claim('Sales came in above a consensus of 7.2 billion.', '7.2 billion').role).toBe('reference');
    // (a participle there names what is counted; a figure not set off by a determiner is no benchmark's size)
    expect(claim('The airline cancelled 300 of its 1,200 scheduled flights.', '1,200').role).not.toBe('reference');
    expect(claim('Operating profit of 412 million beat the 398 million consensus.', '412 million').role).not.toBe('reference');
    // a whole with a clause of its own states a fact of its own
    expect(claim('Power was back for 265,000 of the 430,000 customers who lost supply.', '430,000').role).toBeUndefined();
    expect(claim('61 of the village\'s 240 homes were destroyed.', '240').role).toBe('whole');
    expect(claim('The hall, with a capacity of 500, was full.', '500').role).toBe('reference');
    expect(claim('Lumbao would hit the coast with winds of 175 km/h.', '175 km/h').role).toBe('forecast');
    expect(claim('The margin was 11.8%, up from 10.5% a year earlier.', '10.5%').role).toBe('history');
    expect(claim('Sales grew 4.8% in the quarter.', '4.8%').role).toBe('change');
    // an outlook: "to grow 9% to 11%" is a range of growth to come
    expect(claim('Veltra now expects 2025 revenue to grow 9% to 11%.', '9% to 11%').role).toBe('forecast');
    expect(claim('Lumbao struck two years after floods killed dozens of people.', 'dozens').role).toBe('history');
    expect(claim('Its load factor reached 89.2%, 2.4 percentage points higher than a year ago.', '2.4 percentage points').role).toBeUndefined();
    expect(claim('Officials said 45 people died.', '45').role).toBeUndefined();
  });

  test('the group a share is of is a whole, not a count of the event', () => {
    expect(claim("The ministry said 28% of the province's 61,000 nurses were on strike.", '61,000').role).toBe('whole');
    expect(claim('About 35 per cent of its 4,400 drivers stayed at home.', '4,400').role).toBe('whole');
    // (a count after a share and a comma is the share's own count)
    expect(claim('Police said 31% of marchers, 2,000 people, were arrested.', '2,000').role).toBeUndefined();
    expect(claim('Officials said 61,000 nurses were on strike.', '61,000').role).toBeUndefined();
  });

  test('a forecast word reaches across a long clause but not back past the reporting verb', () => {
    const s = 'The chief executive said she expected revenue to grow by 3% to 5% in 2025 and the operating margin to reach at least 6%.';
    expect(claim(s, 'at least 6%').role).toBe('forecast');
    expect(claim('Officials, who had expected a quiet season with few fires in the hills this year, said 45 people died.', '45').role).toBeUndefined();
    // "an expected 300,000" makes the benchmark a reference, not the figure before it a forecast
    expect(claim('Putin said 222,000 out of an expected 300,000 reservists had been mobilised.', '222,000').role).toBeUndefined();
  });

  test('a count written as an attribute: a capacity, or what is counted', () => {
    expect(claim('The 81-seat parliament met on Monday.', '81').role).toBe('whole');
    const c = claim('Marovia began a 50,000-troop pullback on Monday.', '50,000');
    expect(c.role).toBeUndefined();
    expect(c.measure).toMatch(/troop/);
  });

  test('X of Y: a part with a verb of its own counts that event; a part with nothing of its own is a subset', () => {
    expect(claim('Overnight, 51 of 64 missiles were intercepted.', '51').role).toBeUndefined();
    expect(claim('Rescuers said 61 of the village\'s 240 homes were destroyed.', '61').measure).toMatch(/homes/);
    expect(claim('Rescuers said 61 of the village\'s 240 homes were destroyed.', '61').role).toBeUndefined();
    expect(claim('Officials said 11 of the 14 deaths were children.', '11').role).toBe('subset');
    expect(claim('The budget passed with the support of 31 of the council\'s 51 members.', '31').role).toBe('subset');
    expect(claim('The alliance will have 42 of the 81 seats.', '42').role).toBeUndefined();
  });

  test('"Four of the deaths were in Harwick": a row of a breakdown that opens its clause is a subset', () => {
    expect(claim('The toll rose to 9. Four of the deaths were in Harwick.', 'Four').role).toBe('subset');
    expect(claim('Police held 30 people, and three of the arrests were made in Ostley.', 'three').role).toBe('subset');
    // (the people a participle names: "Twelve of those arrested were charged")
    expect(claim('Police made 34 arrests by the evening. Twelve of those arrested in Ostley were under 18.', 'Twelve').role).toBe('subset');
    expect(claim('Nine of the injured were officers.', 'Nine').role).toBe('subset');
    // (the object of a verb counts what the verb did: a fact of its own)
    expect(claim('Crews rescued 14 of the passengers before dusk.', '14').role).toBeUndefined();
    // (nor a figure with no "of the" after it, nor an amount with a unit)
    expect(claim('Four deaths were recorded in Harwick.', 'Four').role).toBeUndefined();
    expect(claim('Then 40 km of the roads were closed.', '40 km').role).toBeUndefined();
  });

  test('"Nine of those detained were students": a participle after "of those" names the group as a plural noun does', () => {
    expect(claim('Police held 41 people. Nine of those detained in Orbury were students.', 'Nine').role).toBe('subset');
    expect(claim('Twelve of those arrested in Orbury (22%) were under 18.', 'Twelve').role).toBe('subset');
    // (not a figure another verb governs, nor one with no group after "of the")
    expect(claim('Crews evacuated 14 of the stranded before dusk.', '14').role).toBeUndefined();
    expect(claim('Nine detained protesters were students.', 'Nine').role).toBeUndefined();
  });

  test('things told apart by a name before one head noun are rows held by their names', () => {
    const cs = claims('The Harrowgate route was 4.1 km and the Quenby route 2.9 km (1.8 miles).');
    expect(cs.map((c) => [c.text, c.measure, c.holder?.replace(/ route$/, ''), c.namedRow])).toEqual([
      ['4.1 km', 'Harrowgate route', 'Harrowgate', true],
      ['2.9 km', 'Quenby route', 'Quenby', true],
      ['1.8 miles', 'Quenby route', 'Quenby', true],
    ]);
    // (the first row given with its conversion)
    const conv = claims('The Harrowgate route was 4.1 km (2.5 miles) and the Quenby route 2.9 km.');
    expect(conv.map((c) => [c.text, c.measure, !!c.namedRow])).toEqual([
      ['4.1 km', 'Harrowgate route', true],
      ['2.5 miles', 'Harrowgate route', true],
      ['2.9 km', 'Quenby route', true],
    ]);
    // (a head with a hyphen: its figures are read like any other, none is lost)
    const hyphen = claims('The Harrowgate side-road was 4.1 km and the Quenby side-road 2.9 km.');
    expect(hyphen.map((c) => [c.text, c.measure, !!c.namedRow])).toEqual([
      ['4.1 km', 'Harrowgate side-road', true],
      ['2.9 km', 'Quenby side-road', true],
    ]);
    // (one named thing alone, or two figures of one named thing, are no list)
    expect(claim('The Harrowgate route was 4.1 km long.', '4.1 km').namedRow).toBeUndefined();
    expect(claim('The Harrowgate route was 4.1 km and took 2 hours.', '4.1 km').namedRow).toBeUndefined();
  });

  test('after a change, the new and the old level take the subject of the change', () => {
    const c = claims('Net profit climbed 16% to €1.25 billion from €1.08 billion.');
    expect(c.find((x) => x.text === '€1.25 billion')!.measure).toMatch(/Net profit/);
    expect(c.find((x) => x.text === '€1.08 billion')!.measure).toMatch(/Net profit/);
    expect(c.find((x) => x.text === '€1.08 billion')!.role).toBe('history');
  });

  test('"X, with N …": the apposition names who holds the figures', () => {
    expect(claim('The retail division, with 310 stores and €8.15bn in sales, shrank.', '€8.15bn').holder).toMatch(/retail division/);
  });

  test('a paragraph labelled with a place gives its later sentences that place', () => {
    const cs = claims('Local results, Kalvik municipality: SDP 39.0%, NF 18.7%. Turnout 69.4%.');
    expect(cs.find((c) => c.text === '69.4%')?.scopeKey).toBe('kalvik municipality');
  });

  test('an estimate that names only how it was made counts what the text counted before it', () => {
    const c = claims('Police said 65,000 people took part in the march. The organisers put the figure at 300,000. An independent count arrived at 98,000. At the last strike, police counted 48,000 and organisers 250,000.');
    for (const x of ['300,000', '98,000', '48,000', '250,000']) expect(c.find((y) => y.text === x)!.measure).toBe(c.find((y) => y.text === '65,000')!.measure);
    expect(claim('Lusara strike: unions claim 1.2m marchers, government says 412,000', '412,000').measure).toBe('marchers');
    // "including 300,000 in the capital": a place's part of the people, not of the towns
    const inc = claims('The union said 1.2 million people had joined marches in more than 150 towns and cities, including 300,000 in the capital.');
    expect(inc.find((x) => x.text === '300,000')!.measure).toBe(inc.find((x) => x.text === '1.2 million')!.measure);
    // shares: "a midday figure of 24.6%", "said that 27.1% had been on strike"
    const sh = claims('The union said 72% of civil servants had walked out. The ministry gave a midday figure of 24.6% and said on Friday that 27.1% had been on strike. Sales rose 3%.');
    expect(sh.find((x) => x.text === '24.6%')!.measure).toMatch(/civil servants/);
    expect(sh.find((x) => x.text === '27.1%')!.measure).toMatch(/civil servants/);
    expect(sh.find((x) => x.text === '3%')!.measure).not.toMatch(/civil servants/);
    expect(sh.find((x) => x.text === '24.6%')!.attributionKey).toBe('ministry');
    // a count with its own noun keeps it
    expect(claim('Police said 65,000 people took part. They counted 40 buses.', '40').measure).toMatch(/bus/);
  });

  test('the items of a list labelled by who counted or where continue the crowd counted before', () => {
    const text = 'Stewards said 18,000 people walked through Harnby on Sunday.\n\nHarnby stewards 18,200; Countwise 23,900; TWU 41,000.\n\nOskeld 7,400\nBrevit 3,100\n';
    const c = claims(text);
    const walked = c.find((x) => x.text === '18,000')!.measure;
    for (const x of ['18,200', '23,900', '41,000', '7,400', '3,100']) expect(c.find((y) => y.text === x)!.measure).toBe(walked);
    // an item with words after it, a code before a comma stay as they are
    const d = claims('Stewards said 18,000 people walked through Harnby on Sunday.\n\nHarnby stewards 18,200 cars in all.\n\nQX 409, landing at 7pm.\n');
    expect(d.find((x) => x.text === '18,200')!.measure).not.toBe(walked);
    expect(d.find((x) => x.text === '409')!.measure).not.toBe(walked);
  });

  test('the items of a list of counts by place opened by a colon continue the crowd counted before', () => {
    const text = 'About 9,000 people have joined the march, a steward says.\n\nStewards’ counts at noon: Harnby 11,500, Oskeld 6,200 and Brevit 4,100 — 21,800 in all.\n';
    const c = claims(text);
    const joined = c.find((x) => x.text === 'About 9,000')!.measure;
    for (const x of ['11,500', '6,200', '4,100']) expect(c.find((y) => y.text === x)!.measure).toBe(joined);
    // a breakdown by a label that opens with a preposition, a list of one item, a month stay as they are
    const d = claims('About 9,000 people have joined the march, a steward says.\n\nBy ward: Harnby 11,500, Oskeld 6,200.\n\nNoon count: Harnby 11,500 cars.\n\nDates: March 12, April 9.\n');
    for (const x of ['11,500', '6,200', '12', '9']) expect(d.find((y) => y.text === x)?.measure).not.toBe(joined);
  });

  test('people counted at a counting point continue the crowd counted before, not the nearest count of another thing', () => {
    const text = 'Police said 21,000 people marched in Orvel. Stalls sold 4,500 tickets for the fair. A counting firm said 33,000 people passed its cameras.';
    const c = claims(text);
    expect(c.find((x) => x.text === '33,000')!.measure).toBe(c.find((x) => x.text === '21,000')!.measure);
    // (a count that names its own thing with a verb of its own keeps it)
    expect(c.find((x) => x.text === '4,500')!.measure).toMatch(/ticket/);
    // (with no crowd before it, the people who passed stay the ones who passed)
    expect(claim('Stalls sold 4,500 tickets. A counting firm said 33,000 people passed its cameras.', '33,000').measure).not.toMatch(/ticket/);
  });

  test('after a toll, the toll of one incident ("when a landslide …") is a part of it; alone it is the event', () => {
    const c = claims('Three people were killed, officials said. Two died when a landslide buried their house.');
    expect(c.find((x) => x.text === 'Two')!.role).toBe('subset');
    expect(c.find((x) => x.text === 'Three')!.role).toBeUndefined();
    expect(claim('Twelve people were killed when a bus plunged into a ravine.', 'Twelve').role).toBeUndefined();
    expect(claims('Five people are dead. Rain triggered the landslide that killed three people.').find((x) => x.text === 'three')!.role).toBe('subset');
  });

  test('two conversions in one bracket both convert the figure before it; a forecast frames a long clause', () => {
    const c = claims('The highest gust recorded on land was 241 km/h (130 knots, 150 mph) at the lighthouse.');
    expect(c.find((x) => x.text === '130 knots')!.measure).toBe(c.find((x) => x.text === '241 km/h')!.measure);
    expect(c.find((x) => x.text === '150 mph')!.measure).toBe(c.find((x) => x.text === '241 km/h')!.measure);
    const f = claims('The service expects Rosalind to reach the coast near Halcon Point between 2 a.m. and 4 a.m. on Saturday with sustained winds of 195 to 215 km/h (120 to 135 mph) and gusts of up to 260 km/h (162 mph).');
    expect(f.find((x) => x.text === 'up to 260 km/h')!.role).toBe('forecast');
  });

  test('a bare count takes what it counts from its verb or from the count of its size before it', () => {
    // the subject of its verb: "31,000 marched", "eight were arrested"
    expect(claim('In the capital, police said 31,000 marched.', '31,000').event).toBe(claim('Police said 31,000 people marched.', '31,000').event);
    expect(claim('Police said eight were arrested.', 'eight').event).toBe(claim('Police said eight people were arrested.', 'eight').event);
    // "the crowd" is people: the union's 45,000 continues it, not the 30 protesters treated a sentence before
    const crowd = claims('Medics said they had treated at least 30 protesters. In Altamar the police put the crowd at 18,500; the union said 45,000.');
    expect(crowd.find((x) => x.text === '45,000')!.measure).toBe('crowd');
    // a count of thousands continues the marchers, not the officers hurt in between
    const blog = claims('Police now estimate 24,000 marchers in the capital. Five officers have been injured so far. In Dornecourt, police count 12,000 and the union 30,000.');
    expect(blog.find((x) => x.text === '12,000')!.measure).toBe('marchers');
    expect(blog.find((x) => x.text === '30,000')!.measure).toBe('marchers');
    // a headline with nothing before it continues the first count of its size that follows
    const head = claims('Police count 64,000\n\nAbout 64,000 people took part in the march, the ministry said. Four warning levels were set.');
    expect(head.find((x) => x.text === '64,000')!.measure).toBe(head.find((x) => x.text === 'About 64,000')!.measure);
    // (nor does a count of another size above it hold it: a page's "1,870 viewers" over a key point)
    const keys = claims('Tenants march on parliament\n\nAbout 1,870 readers are following this page.\n\nKey points\nPolice count 27,000 in Ardmoor; the union says 70,000\n\n14:10\nPolice say 27,000 people have joined the march in Ardmoor.');
    const joined = keys.find((x) => x.text === '27,000' && x.sentence.startsWith('Police say'))!.measure;
    expect(joined).toMatch(/people/);
    for (const f of ['27,000', '70,000']) expect(keys.find((x) => x.text === f)!.measure).toBe(joined);
    expect(keys.find((x) => x.text === 'About 1,870')!.measure).toMatch(/readers/);
    expect(claim('Four of the five warning levels were in force. Nine deaths have been linked to the heat.', 'Four').measure).not.toMatch(/death/);
  });

  test('a count someone "made it", an estimate in a label and a quoted count continue the crowd', () => {
    const c = claims('Police said 31,000 people marched in Kessenburg. But the counters at CountPoint made it 47,800. The union\'s own estimate for the capital: 110,000. The Renters\' Union says "more than 250,000".');
    for (const f of ['47,800', '110,000', 'more than 250,000']) expect(c.find((x) => x.text === f)!.measure).toBe('people marched');
    // a bare number with nothing said about how it was obtained stays a bare count
    expect(claim('Police said 31,000 people marched. The bus had 40.', '40').measure).not.toBe('people marched');
  });

  test('a bare count joined to the count before it by a rival link ("and the union 21,000") counts the same thing', () => {
    const c = claims('Officers counted 7,200 walkers in Brisk Harbour and 2,900 in Temmel; the organisers say 19,000 and 8,800.');
    for (const f of ['2,900', '19,000', '8,800']) expect(c.find((x) => x.text === f)!.measure).toBe(c.find((x) => x.text === '7,200')!.measure);
    expect(claim('In Oskel, officers put the number of walkers at 4,100 and the organisers 12,500.', '12,500').measure).toMatch(/walkers/);
    // a clause of its own after the link is no second estimate, nor is a figure of another size or one with a noun
    expect(claim('The list named 312 walkers, but the square was licensed for just 300.', '300').measure).not.toMatch(/walkers/);
    expect(claim('Stewards counted 18,000 walkers and 160 buses.', '160').measure).toMatch(/bus/);
  });

  test('the next rows of a list by place with no link word ("… in Brisk Harbour, 2,900 in Temmel") count the same thing', () => {
    const c = claims('According to the ministry, 7,200 people walked in Brisk Harbour, 2,900 in Temmel, 1,400 in Oskel and 900 in Varrow.');
    for (const f of ['2,900', '1,400', '900']) {
      expect(c.find((x) => x.text === f)!.measure).toBe(c.find((x) => x.text === '7,200')!.measure);
      expect(c.find((x) => x.text === f)!.scopeKey).not.toBeNull();
    }
    // a count before the comma that names no place, or a figure after it that names none, starts no list
    expect(claim('In all 7,200 people walked on the day, 2,900 in Temmel.', '2,900').measure).not.toBe('people walked');
    expect(claim('7,200 people walked in Brisk Harbour, 2,900 said the day went well.', '2,900').measure).not.toBe('people walked');
  });

  test('a list of places and bare counts counts what its lead line counts, in each row\'s place', () => {
    const md = (text: string) => processDocument(ingestText(text, { id: 'a.md', path: 'a.md', date: '2025-05-04' }), 0).claims;
    const at = (c: ClaimContext[], f: string) => c.find((x) => x.text === f)!;
    // the lead asks how many; the source it names is one the document quotes
    const a = md('Officers said 5,300 people walked in Brisk Harbour, while the union said 16,000.\n\n## HOW MANY WALKED? (union figures)\n\n- Brisk Harbour: 16,500\n- Temmel: 4,200\n- Everywhere else: 2,100\n- Total: 22,800\n');
    expect(at(a, '4,200').event).toBe(at(a, '5,300').event);
    expect(at(a, '4,200').scopeKey).toBe('temmel');
    expect(at(a, '16,500').attributionKey).toBe(at(a, '16,000').attributionKey);
    expect(at(a, '16,500').attributionKey).not.toBeNull();
    expect(at(a, '22,800').scopeKey).toBeNull();
    expect(at(a, '22,800').event).toBe(at(a, '5,300').event);
    // the rest of a breakdown names no place: left as it is
    expect(at(a, '2,100').event).toBeNull();
    // the lead's own count is the whole the rows break down
    const b = md('Relief crews moved 9,450 people out of the valley before the flood:\n\n- Orsk district: 5,100\n- Vellin district: 4,050\n');
    expect(at(b, '5,100').measure).toBe(at(b, '9,450').measure);
    expect(at(b, '5,100').role).toBe('subset');
    // a lead that names what it counts only in words
    const c = md('The agency released its count of people in emergency shelters on Sunday, town by town:\n\n- Orsk: 3,100\n- Vellin: 2,800\n');
    expect(at(c, '3,100').noun).not.toBeNull();
    // no lead that says what is counted, one row, or rows with more than a label: nothing read
    const d = md('Notes from the day.\n\n- Orsk: 3,100\n- Vellin: 2,800\n');
    expect(at(d, '3,100').noun).toBeNull();
    const e = md('## HOW MANY WALKED?\n\n- Orsk: 3,100\n');
    expect(at(e, '3,100').event).toBeNull();
  });

  test('people with no event but the verb that counted them continue the crowd counted before', () => {
    const c = claims('Some 52,000 people marched through Orvik on Sunday, organisers said. Officers counted 21,500 people on the bridge.');
    expect(c.find((x) => x.text === '21,500')!.event).toBe(c.find((x) => x.text === 'Some 52,000')!.event);
    // people with an event of their own keep it; people counted with nothing before them stay people
    expect(claim('Some 52,000 people marched through Orvik. Medics treated 40 people.', '40').event).not.toBe(claim('Some 52,000 people marched through Orvik.', 'Some 52,000').event);
    expect(claim('Officers counted 21,500 people on the bridge.', '21,500').measure).toMatch(/people/);
  });

  test('figures listed after one verb share its event', () => {
    const c = claims('Air defences shot down 52 of the 64 missiles and 77 drones.');
    expect(c.find((x) => x.text === '77')!.event).toBe(c.find((x) => x.text === '52')!.event);
    expect(c.find((x) => x.text === '52')!.role).toBeUndefined();
    // a figure after another verb and a benchmark noun keeps its own reading
    const d = claims('Organisers said 110,000 people marched, and anyone who walked the 4.5 km route knows the police figure of around 23,000 is a joke.');
    expect(d.find((x) => x.text === 'around 23,000')!.event).not.toBe('walk');
  });

  test('who holds a figure', () => {
    expect(claim('Green Future won 11.9% and 9 seats.', '11.9%').holder).toBe('Green Future');
    expect(claim('Green Future won 11.9%, the Regional Union 8.3% and the Liberals 5.1%.', '8.3%').holder).toBe('Regional Union');
    expect(claim('The Liberals\' 2 seats may matter.', '2').holder).toBe('Liberals');
    expect(claim('Marrowen First took 17.2%, the Greens of Marrowen 14.0% and the Liberal Forum 6.1%.', '14.0%').holder).toBe('Greens of Marrowen');
    expect(claim('The Social Union had 30.6%, ahead of the conservative Civic Alliance on 25.1%.', '25.1%').holder).toBe('Civic Alliance');
    // past an appositive between the subject and its verb
    expect(claim('EBITDA, the measure of operating earnings investors watch most, rose 6.8% to 17.98 billion.', '6.8%').holder).toBe('EBITDA');
    expect(claim('The fire burned half of the park\'s 31,000 hectares.', '31,000 hectares').holder).toBe('park');
  });

  test('an item of a list of places is held by its own place, not by the place of the item before', () => {
    const t = 'Stewards counted 7,300 walkers in Harnby, 5,100 in Oskeld and 2,600 in the town of Brevit.';
    expect(claim(t, '5,100').holder).toBe('Oskeld');
    expect(claim(t, '2,600').holder).toBe('Brevit');
    expect(claim('Officials gave 410 for Dunmere and 380 for Castle Rook.', '380').holder).toBe('Castle Rook');
    // a place put first holds its figure; a list of labels keeps its labels; money keeps its holder
    expect(claim('At Lornby, 2,900 according to the stewards.', '2,900').holder).toBe('Lornby');
    expect(claim('The Farmers Party won 41 seats in Velm, the Greens 12 seats.', '12').holder).toBe('Greens');
    expect(claim('Spending in Harnby, €4.1 million in Oskeld and €3.2 million in Brevit.', '€4.1 million').holder).not.toBe('Oskeld');
  });

  test('an item of a list of places past the first item\'s verb counts what the first counts', () => {
    const t = 'The organisers said 48,000 people had walked in Harnby, 12,500 in Oskeld and 6,000 in Brevit.';
    expect(claim(t, '12,500').measure).toBe(claim(t, '48,000').measure);
    expect(claim(t, '6,000').measure).toBe(claim(t, '48,000').measure);
    // not a figure of a new clause after the list
    expect(claim('The organisers said 48,000 people had walked in Harnby, and 12,500 tickets were sold.', '12,500').measure).not.toBe('people walked');
  });

  test("a period named as last year's is the year before's", () => {
    const c = claim("The restatement cut last year's third-quarter net profit to 1.97 billion euros.", '1.97 billion euros', '2025-10-28');
    expect(c.time?.start).toBe('2024-07-01');
    expect(c.time?.end).toBe('2024-09-30');
    expect(claim('The bank made a third-quarter net profit of 2.19 billion euros.', '2.19 billion euros', '2025-10-28').time?.start).toBe('2025-07-01');
  });

  test("a figure of what last year's names (\"last year's sales of …\") is of the whole year before the report", () => {
    const c = claim("On last year's sales of 35.2 billion euros, the new range implies growth of about 7%.", '35.2 billion euros', '2026-08-01');
    expect(c.time).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    expect(claim("Last year's revenue was 35.2 billion euros.", '35.2 billion euros', '2026-08-01').time).toMatchObject({ start: '2025-01-01', end: '2025-12-31' });
    // (this year's figure, and a figure further on in the sentence, keep the report's time)
    expect(claim('Sales were 18.4 billion euros in the half.', '18.4 billion euros', '2026-08-01').time?.start).not.toBe('2025-01-01');
    expect(claim("Last year's sales fell, and this year the company expects 37.7 billion euros.", '37.7 billion euros', '2026-08-01').time?.start).not.toBe('2025-01-01');
  });

  test('what is measured, past an appositive before a verb of amount or change', () => {
    expect(claim('Net interest income, the engine of any bank, came in at 4.31 billion euros in the quarter.', '4.31 billion euros').measure).toBe('Net interest income');
    expect(claim('Net interest income, the gap between what the bank earns and pays, rose 8.3% to 4.31 billion euros.', '4.31 billion euros').measure).toBe('Net interest income');
    // (a comma list is no appositive: "Revenue, profit and margins all rose")
    expect(claim('Revenue rose, profit fell 3% to 2.1 billion euros.', '2.1 billion euros').measure).toBe('profit');
  });
});

describe('the hour of a reading', () => {
  const html = (body: string) => `<html><body><article><h1>Live: storm</h1>${body}</article></body></html>`;
  const live = (body: string) => processDocument(ingestText(html(body), { id: 'a.html', path: 'a.html', date: '2026-09-15' }), 0).claims;

  test('in a live entry, an hour named earlier in the paragraph dates the readings after it, not the entry stamp', () => {
    const c = live('<section><time>15:20</time><p>The 3 p.m. advisory puts sustained winds at 165 km/h. The central pressure is 956 hPa.</p></section>');
    expect(c.find((x) => x.text === '165 km/h')!.clock).toBe(15 * 60);
    expect(c.find((x) => x.text === '956 hPa')!.clock).toBe(15 * 60);
  });

  test('without an hour in the paragraph, the entry stamp dates the reading; a new paragraph does not inherit the hour', () => {
    const c = live('<section><time>15:20</time><p>The 3 p.m. advisory puts sustained winds at 165 km/h.</p></section><section><time>16:40</time><p>The central pressure is 956 hPa.</p></section>');
    expect(c.find((x) => x.text === '956 hPa')!.clock).toBe(16 * 60 + 40);
  });

  test('a live entry stamped on a 12-hour clock ("6:30 p.m.") is dated by its stamp', () => {
    const c = live('<section><span class="stamp">11:50 a.m.</span><p>Four people have died, officials say.</p></section><section><span class="stamp">6:30 p.m.</span><p>The disaster office now confirms seven deaths.</p></section>');
    expect(c.find((x) => x.text === 'Four')!.clock).toBe(11 * 60 + 50);
    expect(c.find((x) => x.text === 'seven')!.clock).toBe(18 * 60 + 30);
  });

  test('outside a live blog, a reading after a sentence with an hour keeps no hour of its own', () => {
    const c = claims('The storm came ashore at 2:15 a.m. with winds of 200 km/h. A gust of 241 km/h was recorded at the lighthouse.', '2025-09-21');
    expect(c.find((x) => x.text === '241 km/h')!.clock ?? null).toBeNull();
  });
});

describe('passing states', () => {
  test('"by the" names an agent, not a time: "claimed by the organisers" is no passing state', () => {
    expect(claim('The prefecture counted 9,000 walkers in Ostrel, against the 30,000 claimed by the organisers.', '30,000', '2025-04-06').snapshot).toBe(false);
    expect(claim('Some 2,400 votes were cast by the members of the guild.', 'Some 2,400', '2025-04-06').snapshot).toBe(false);
    // (but "by the afternoon", "by the end of the day" are moments of a count on its way)
    expect(claim('By the afternoon 4,100 people had crossed the bridge.', '4,100', '2025-04-06').snapshot).toBe(true);
    expect(claim('The toll had reached 31 by the end of the day.', '31', '2025-04-06').snapshot).toBe(true);
  });

  test('a figure in a relative clause of its own is read at the moment that clause names, not the main clause\'s', () => {
    const inClause = claim('In Carrow, where police counted 4,000 marchers, the protest ended by mid-afternoon.', '4,000', '2025-10-11');
    expect(inClause.snapshot).toBe(false);
    expect(inClause.intraday).toBeNull();
    // (the clause's own moment stays: "where police counted 4,000 marchers by mid-afternoon, …")
    const own = claim('In Carrow, where police counted 4,000 marchers by mid-afternoon, the march was quiet.', '4,000', '2025-10-11');
    expect(own.snapshot).toBe(true);
    expect(own.intraday).toBe('mid-afternoon');
    // (a figure of the main clause keeps the sentence's moment)
    expect(claim('By mid-afternoon police had counted 4,000 marchers in Carrow, where the march was quiet.', '4,000', '2025-10-11').intraday).toBe('mid-afternoon');
  });

  test('a named moment restated by a clock right after it keeps the clock ("At the peak, at 3 a.m., …")', () => {
    expect(claim('At the peak, at 3 a.m. on Monday, 88,000 homes had no electricity.', '88,000', '2025-02-10').intraday).toBe('at the peak @03:00');
    expect(claim('In the evening (19:45) the gauge showed 61 knots.', '61 knots', '2025-02-10').intraday).toBe('in the evening @19:45');
    // (unchanged: a clock later in the sentence, not set off right after the moment, is another moment)
    expect(claim('At the peak 88,000 homes had no electricity, and by 6 p.m. most were back.', '88,000', '2025-02-10').intraday).toBe('at the peak');
  });

  test('a count partway through makes every figure of its own day provisional', () => {
    const c = claims('With 81.5% of the ballots counted, the Farmers\' League led the count. The League took 38.2% of the vote. Turnout was 59.4%, against 61.0% in 2021.', '2025-04-06');
    expect(c.find((x) => x.text === '38.2%')!.snapshot).toBe(true);
    expect(c.find((x) => x.text === '59.4%')!.snapshot).toBe(true);
    // (a figure of another year is no reading of the count)
    expect(c.find((x) => x.text === '61.0%')!.snapshot).toBe(false);
    // (all but complete, a count is the result)
    const done = claims('With 99.7% of the ballots counted, the Farmers\' League led the count. The League took 38.2% of the vote.', '2025-04-06');
    expect(done.find((x) => x.text === '38.2%')!.snapshot).toBe(false);
    expect(claim('The League took 38.2% of the vote. Turnout was 59.4%.', '38.2%', '2025-04-06').snapshot).toBe(false);
  });
});
