/**
 * Every check type with figures that must trigger it and figures that must not, through the whole pipeline
 * and the built-in rules (rules/default). Texts are written for these tests.
 */
import { check, ruleSet } from './helpers.js';

const kinds = (fs: { kind: string }[]) => fs.map((f) => f.kind).sort();

describe('mismatch: same fact, different figures', () => {
  test('two reports of one evacuation on one day disagree', async () => {
    const r = await check({
      'a.txt': ['The council said 1,240 people were evacuated from the Riverside district on Sunday.', '2025-05-04'],
      'b.txt': ['The council said 1,420 people were evacuated from the Riverside district on Sunday.', '2025-05-04'],
    });
    const f = r.involving('1,240', '1,420');
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('cross-source-mismatch');
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message).toMatch(/1,240/);
    expect(f[0]!.message).toMatch(/1,420/);
  });

  test('a figure rounded to a coarser precision is a minor, rounding-compatible difference', async () => {
    const r = await check({
      'a.txt': ['Putin said 222,000 reservists had already been mobilised.', '2022-10-14'],
      'b.txt': ['Putin said 220,000 reservists have been called up.', '2022-10-14'],
    });
    const f = r.involving('222,000', '220,000');
    expect(f).toHaveLength(1);
    expect(f[0]!.kind).toBe('rounding');
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toMatch(/rounded to the nearest 10,000/);
  });

  test('within one report, a count of an earlier hour the sentence names is an earlier reading, not a conflict', async () => {
    const r = await check({
      'a.txt': ['Landslide kills at least 19 in Dorvik\n\nA landslide buried part of Dorvik before dawn on Tuesday, killing at least 19 people, the rescue agency said.\n\nAt a 9 a.m. briefing the agency had reported 11 dead.', '2025-05-06'],
    });
    expect(r.findings).toHaveLength(0);
    // (another report's count below a reading at a named hour is still a conflict: both may quote one briefing)
    const two = await check({
      'a.txt': ['"We have found 11 bodies," the agency told reporters at a 9 p.m. briefing in Dorvik on Tuesday.', '2025-05-06'],
      'b.txt': ['Mine collapse in Dorvik: 19 dead, the agency said on Tuesday.', '2025-05-06'],
    });
    expect(two.findings.length).toBeGreaterThan(0);
  });

  test('a fall told by its verb and by a minus sign is one change ("fell 6.4%", "−6.4%"); a rise against the sign is flagged', async () => {
    const doc = (verb: string) => `---\ntitle: Orvane Bank third-quarter 2025 results\ndate: 2025-10-29\n---\n\n# Orvane Bank third-quarter 2025 results\n\nOperating expenses ${verb} 6.4% to €412 million in the third quarter.\n\n| € million | Q3 2025 | Q3 2024 | Change |\n|---|---|---|---|\n| Operating expenses | 412 | 440 | −6.4% |\n`;
    const fell = await check({ 'a.md': doc('fell') });
    expect(fell.findings).toHaveLength(0);
    const rose = await check({ 'a.md': doc('rose') });
    expect(rose.involving('6.4%', '−6.4%')).toHaveLength(1);
  });

  test('a reading of what varies dated to another day is another reading, not a conflict', async () => {
    const r = await check({
      'a.txt': ['A reconnaissance aircraft measured winds of 230 km/h and a central pressure of 962 hPa (28.41 inches of mercury).', '2025-08-14'],
      'b.txt': ['Orla came ashore near Dunmore at 3:40 a.m. Friday as a Category 4 hurricane with sustained winds of 140 mph and a central pressure of 967 millibars.', '2025-08-16'],
    });
    expect(r.findings).toHaveLength(0);
    // (two reports of the same day without a time of their own still disagree)
    const same = await check({
      'a.txt': ['A reconnaissance aircraft measured winds of 230 km/h and a central pressure of 962 hPa (28.41 inches of mercury).', '2025-08-14'],
      'b.txt': ['Orla is a Category 4 hurricane with sustained winds of 140 mph and a central pressure of 967 millibars.', '2025-08-14'],
    });
    expect(same.findings).toHaveLength(1);
  });

  test('different named sources are flagged with both attributions', async () => {
    const r = await check({
      'a.txt': ['Police said 4,000 people took part in the march.', '2025-03-05'],
      'b.txt': ['Organisers said 12,000 people took part in the march.', '2025-03-05'],
    });
    const f = r.involving('4,000', '12,000');
    expect(f).toHaveLength(1);
    expect(f[0]!.kind).toBe('sources');
    expect(f[0]!.message).toMatch(/Police/);
    expect(f[0]!.message).toMatch(/Organisers/);
  });

  test('equal figures, an approximate figure that covers an exact one, and a vague amount are consistent', async () => {
    const r = await check({
      'a.txt': ['The ministry said 300,000 reservists would be mobilised. Reznikov said Russia has about 300 drones. Hundreds of thousands of reservists were mobilised.', '2022-10-14'],
      'b.txt': ['The ministry said 300,000 reservists would be mobilised. Reznikov said Russia has 320 drones. Officials said 222,000 reservists were mobilised.', '2022-10-14'],
    });
    expect(r.involving('about 300', '320')).toHaveLength(0);
    expect(r.involving('Hundreds of thousands', '222,000')).toHaveLength(0);
    expect(r.findings.filter((f) => f.kind === 'mismatch')).toHaveLength(0);
  });

  test('a larger death toll reported later is an update, listed among the checks, not a finding', async () => {
    const r = await check({
      'a.txt': ['The death toll rose to 45, officials said.', '2025-03-01'],
      'b.txt': ['The death toll rose to 62, officials said.', '2025-03-03'],
    });
    expect(r.involving('45', '62')).toHaveLength(0);
    expect(r.checks.some((c) => /updates/.test(c.message ?? ''))).toBe(true);
  });

  test('lives claimed count the dead; lives saved do not', async () => {
    const r = await check({
      'a.txt': ['The heat has now claimed six lives in the region, the health service said.', '2025-07-16'],
      'b.txt': ['Nine people have died in the region because of the heat, the health service said.', '2025-07-16'],
    });
    expect(r.involving('six', 'Nine')).toHaveLength(1);
    const saved = await check({
      'a.txt': ['Lifeguards saved six lives in the region, the health service said.', '2025-07-16'],
      'b.txt': ['Nine people have died in the region because of the heat, the health service said.', '2025-07-16'],
    });
    expect(saved.involving('six', 'Nine')).toHaveLength(0);
  });

  test('a crowd counts people, whoever they are: marching renters and marching people are one crowd', async () => {
    const r = await check({
      'a.txt': ['Police said 31,000 people marched in the capital on Saturday.', '2025-05-17'],
      'b.txt': ['Some 120,000 renters marched in the capital on Saturday, the union said.', '2025-05-17'],
    });
    expect(r.involving('31,000', 'Some 120,000')).toHaveLength(1);
    // people who gathered for the rally are its crowd too
    const g = await check({
      'a.txt': ['Police said 12,500 people gathered in Liberation Square on Saturday.', '2025-05-17'],
      'b.txt': ['Organisers said 40,000 people marched to Liberation Square on Saturday.', '2025-05-17'],
    });
    expect(g.involving('12,500', '40,000')).toHaveLength(1);
    // renters who struck are not the marchers
    const s = await check({
      'a.txt': ['Police said 31,000 people marched in the capital on Saturday.', '2025-05-17'],
      'b.txt': ['Some 120,000 renters withheld their rent on Saturday, the union said.', '2025-05-17'],
    });
    expect(s.involving('31,000', 'Some 120,000')).toHaveLength(0);
  });

  test('walked out, stopped work and went on strike report one event', async () => {
    const r = await check({
      'a.txt': ['The union says 72% of civil servants stopped work on Thursday.', '2025-10-03'],
      'b.txt': ['The ministry said 24.6% of civil servants walked out on Thursday.', '2025-10-03'],
    });
    expect(r.involving('72%', '24.6%')).toHaveLength(1);
  });

  test('bodies recovered count the dead', async () => {
    const r = await check({
      'a.txt': ['The fire service said 44 bodies had now been recovered from the rubble.', '2025-03-13'],
      'b.txt': ['The collapse, which killed 41 people, led to charges on Friday.', '2025-03-14'],
    });
    expect(r.involving('44', '41')).toHaveLength(1);
  });

  test('a smaller death toll reported later is flagged', async () => {
    const r = await check({
      'a.txt': ['The death toll rose to 62, officials said.', '2025-03-01'],
      'b.txt': ['The death toll rose to 45, officials said.', '2025-03-03'],
    });
    expect(kinds(r.involving('62', '45'))).toEqual(['decrease']);
  });

  test('rival shares of one group from two named sources are rival estimates, within a factor of three', async () => {
    const r = await check({
      'a.txt': ['The education ministry said 28% of teachers were on strike on Tuesday.', '2025-08-05'],
      'b.txt': ['The teachers union said 65% of teachers were on strike on Tuesday.', '2025-08-05'],
    });
    expect(kinds(r.involving('28%', '65%'))).toEqual(['sources']);
    const far = await check({
      'a.txt': ['The education ministry said 28% of teachers were on strike on Tuesday.', '2025-08-05'],
      'b.txt': ['The teachers union said 9% of teachers were on strike on Tuesday.', '2025-08-05'],
    });
    expect(far.involving('28%', '9%')).toHaveLength(0);
  });

  test('a count during a part of the day is of that part, not the total so far', async () => {
    const r = await check({
      'a.txt': ['The coastguard said the death toll had risen to 17.', '2025-05-19'],
      'b.txt': ['Divers recovered six bodies from the hull during the afternoon, the coastguard said.', '2025-05-19'],
      'c.txt': ['Divers recovered eight bodies from the hull during the afternoon, the coastguard said.', '2025-05-19'],
    });
    expect(r.involving('17', 'six')).toHaveLength(0);
    // two counts of the same part of the day are one fact
    expect(r.involving('six', 'eight')).toHaveLength(1);
    // with no part of the day, the bodies are the toll
    const whole = await check({
      'a.txt': ['The coastguard said the death toll had risen to 17.', '2025-05-19'],
      'b.txt': ['Divers recovered six bodies from the hull, the coastguard said.', '2025-05-19'],
    });
    expect(whole.involving('17', 'six')).toHaveLength(1);
  });

  test('an earlier value a live entry quotes is of the hour its words name, not of the entry', async () => {
    const live = (before: string) =>
      `<html><body><article><h1>Storm live</h1><div class="entry"><time>19:05</time><p>Eleven people are now confirmed dead, up from ${before} this morning.</p></div>` +
      '<div class="entry"><time>12:10</time><p>Rain keeps falling on the coast and roads are closed.</p></div><div class="entry"><time>08:40</time><p>The river is rising at the bridge.</p></div></article></body></html>';
    const report = '---\ndate: 2026-09-30\n---\n\n# Report\n\nFourteen people have died, up from nine at the 17:00 briefing on Wednesday.\n';
    // seven in the morning, nine at 17:00: a rising toll
    const r = await check({ 'a.html': [live('seven'), '2026-09-30'], 'b.md': [report, '2026-09-30'] });
    expect(r.involving('seven', 'nine')).toHaveLength(0);
    // ten in the morning, nine at 17:00: a toll that fell
    const fell = await check({ 'a.html': [live('ten'), '2026-09-30'], 'b.md': [report, '2026-09-30'] });
    expect(kinds(fell.involving('ten', 'nine'))).toEqual(['decrease']);
  });

  test('a later, smaller count of a named place is a part of the earlier count, not a fall', async () => {
    const r = await check({
      'a.txt': ['Fire crews said 78 homes had been destroyed by the fire.', '2025-08-05'],
      'b.txt': ['In Dunvale, 40 homes have been destroyed by the fire.', '2025-08-06'],
    });
    expect(kinds(r.involving('78', '40'))).toEqual(['scope']);
    // the whole country is no part, and a count of no place is no part either
    const national = await check({
      'a.txt': ['Fire crews said 78 homes had been destroyed by the fire.', '2025-08-05'],
      'b.txt': ['Nationwide, 40 homes have been destroyed by the fire.', '2025-08-06'],
    });
    expect(kinds(national.involving('78', '40'))).toEqual(['decrease']);
    const bare = await check({
      'a.txt': ['Fire crews said 78 homes had been destroyed by the fire.', '2025-08-05'],
      'b.txt': ['Fire crews said 40 homes had been destroyed by the fire.', '2025-08-06'],
    });
    expect(kinds(bare.involving('78', '40'))).toEqual(['decrease']);
  });

  test('figures of different reporting periods are different facts; of one period, one fact', async () => {
    const r = await check({
      'a.txt': ['In the first half of 2025, net income was €1,771 million.', '2025-07-24'],
      'b.txt': ['Net income was €938 million in the second quarter.', '2025-07-24'],
      'c.txt': ['Second-quarter net income came in at €983 million.', '2025-07-25'],
    });
    expect(r.involving('€1,771 million', '€938 million')).toHaveLength(0);
    expect(r.involving('€938 million', '€983 million')).toHaveLength(1);
  });

  test('fewer people missing days later is an update: the missing are found', async () => {
    const r = await check({
      'a.txt': ['The coastguard said 37 people were missing after the ferry capsized.', '2025-03-01'],
      'b.txt': ['The coastguard said 16 people were still missing.', '2025-03-03'],
    });
    expect(r.involving('37', '16')).toHaveLength(0);
    // a live report gives each new count of the missing
    const live = await check({ 'a.txt': ['Sixteen people are unaccounted for. Later: eighteen people remain unaccounted for.', '2025-03-01'] });
    expect(live.findings).toHaveLength(0);
    expect(r.checks.some((c) => (c.message ?? '').includes('16 updates 37'))).toBe(true);
  });

  test('counts of new cases do not grow like a toll: a larger one a day later is no update; "in a week" is no rate', async () => {
    const r = await check({
      'a.txt': ['The health board reported 58 new cases of measles.', '2025-09-19'],
      'b.txt': ['A staggering 71 new cases of measles were confirmed in a week.', '2025-09-20'],
    });
    expect(r.claims.find((c) => c.text === '71')!.unit).toBe('count');
    expect(r.involving('58', '71')).toHaveLength(1);
    const toll = await check({ 'a.txt': ['Officials said 58 people were killed.', '2025-09-19'], 'b.txt': ['Officials said 71 people were killed.', '2025-09-20'] });
    expect(toll.findings).toHaveLength(0);
  });

  test('the crews and aircraft on a wildfire change with each update; a same-day disagreement is still found', async () => {
    const r = await check({
      'a.txt': ['Aircraft: 14 (9 helicopters, 5 air tankers). Containment: 12%.', '2025-07-29'],
      'b.txt': ['The fire authority said 12 helicopters and 6 air tankers were dropping water. Containment had reached 22%.', '2025-07-30'],
      'c.txt': ['The fire authority said 16 helicopters were flying.', '2025-07-30'],
    });
    expect(r.involving('5', '6')).toHaveLength(0);
    expect(r.involving('12%', '22%')).toHaveLength(0);
    expect(r.involving('12', '16')).toHaveLength(1);
  });

  test("a live report's stamped entries order a growing count within one day", async () => {
    const r = await check({
      'live.md': ['**11:50** — Police say 12 people have been detained after a scuffle.\n\n**16:45** — Police say 38 people have now been arrested.\n', '2025-11-13'],
      'wire.txt': ['Police made 57 arrests across the country, the ministry said.', '2025-11-13'],
    });
    expect(r.involving('12', '38')).toHaveLength(0);
    expect(r.involving('12', '57')).toHaveLength(0);
    // without stamps, two counts of one day disagree
    const plain = await check({ 'a.txt': ['Police say 12 people have been detained.', '2025-11-13'], 'b.txt': ['Police made 57 arrests, the ministry said.', '2025-11-13'] });
    expect(plain.involving('12', '57')).toHaveLength(1);
  });

  test("an entry's stamp standing alone above its heading still dates the entry ('16:45' / '### Arrests rise to 19' / text)", async () => {
    const live = '**18:30**\n\n### Arrests and injuries climb\n\nPolice say 27 people have been detained so far today.\n\n**16:45**\n\n### Arrests rise to 19\n\nNineteen people have now been arrested, police say.\n\n**13:05**\n\n### Scuffles at the gates\n\nEleven people have been arrested, police say.\n';
    const r = await check({ 'live.md': [live, '2025-03-18'] });
    expect(r.involving('27', 'Nineteen')).toHaveLength(0);
    expect(r.involving('Nineteen', 'Eleven')).toHaveLength(0);
    // a heading with no stamp above it ends the entry: its count is no reading of the hour before
    expect(r.claim('Nineteen').clock).toBe(16 * 60 + 45);
    const unstamped = await check({ 'live.md': ['**16:45**\n\nPolice made more arrests.\n\n### Background\n\nEleven people have been arrested, police say.\n', '2025-03-18'] });
    expect(unstamped.claim('Eleven').clock ?? null).toBeNull();
  });

  test('a sentence that opens with its part of the day orders its count below the report\'s latest', async () => {
    const r = await check({ 'a.txt': ['Landslide kills 31 in hill villages\n\nOvernight the toll stood at 19, rescuers said.', '2026-04-16'] });
    expect(r.claim('19').dayClock).not.toBeNull();
    expect(r.involving('31', '19')).toHaveLength(0);
    // (a part of the day later in the sentence is no opening; with none the two counts conflict)
    expect(r.claim('31').dayClock ?? null).toBeNull();
    const none = await check({ 'a.txt': ['Landslide kills 31 in hill villages\n\nThe toll stood at 19, rescuers said.', '2026-04-16'] });
    expect(none.involving('31', '19')).toHaveLength(1);
    const evening = await check({ 'a.txt': ['By the evening, 44 people had been rescued. At noon rescuers said 38 people had been rescued.', '2026-04-16'] });
    expect(evening.claim('44').dayClock).toBe(19 * 60);
    expect(evening.claim('38').dayClock).toBe(12 * 60);
  });

  test('parts of one day order a growing count; a count of yesterday in a later paper is as of that paper', async () => {
    const r = await check({
      'a.txt': ['The toll rose to 24 tonight. The toll was 21 this morning, the civil protection service said.', '2026-04-16'],
      'b.txt': ['Twelve officers were injured, police said.', '2026-04-11'],
      'c.txt': ['The clashes left 14 officers injured yesterday, police said.', '2026-04-12'],
    });
    expect(r.involving('24', '21')).toHaveLength(0);
    expect(r.involving('Twelve', '14')).toHaveLength(0);
    // a count read at a stated hour of the day before is that reading
    const briefing = await check({
      'wire.txt': ['Seven people were killed in the collapse, the civil protection service said at its 7 p.m. briefing.', '2026-04-14'],
      'live.txt': ["Last night's 7 p.m. briefing put the toll at eight.", '2026-04-15'],
    });
    expect(briefing.involving('Seven', 'eight')).toHaveLength(1);
  });

  test('a table row dated the day of the event, in a later release, counts as of that release', async () => {
    const docs = (later: string): Record<string, [string, string]> => ({
      'a.txt': ['Police arrested 38 people after the clashes, the prefecture said.', '2025-06-14'],
      'b.md': [`## Earlier protests\n\n| Date | Arrests |\n|---|---|\n| 3 May 2025 | 12 |\n| 14 June 2025 | ${later} |\n`, '2025-06-15'],
    });
    expect((await check(docs('40'))).involving('38', '40')).toHaveLength(0);
    // (a smaller count in the later release still conflicts)
    expect((await check(docs('31'))).involving('38', '31')).toHaveLength(1);
    // (a sentence that puts a count at a past time is that reading)
    const prose = await check({
      'a.txt': ['Police arrested 38 people after the clashes, the prefecture said.', '2025-06-14'],
      'b.txt': ['On Saturday 14 June police put the number of arrests at 40.', '2025-06-15'],
    });
    expect(prose.involving('38', '40')).toHaveLength(1);
  });

  test("a storm's maximum with no hour of its own is not a rival of a reading at a stated hour below it", async () => {
    const docs = (reading: string): Record<string, [string, string]> => ({
      'a.txt': [`At 16:00 the weather office said the storm's sustained winds were ${reading} km/h as it moved inland.`, '2026-02-03'],
      'b.md': ['## The storm in numbers\n\n- maximum sustained wind: 205 km/h\n- minimum central pressure: 951 hPa\n', '2026-02-03'],
    });
    expect((await check(docs('140'))).involving('140 km/h', '205 km/h')).toHaveLength(0);
    // (a reading above the maximum still conflicts)
    expect((await check(docs('230'))).involving('230 km/h', '205 km/h')).toHaveLength(1);
    // (and two readings with no extreme named are still compared)
    const plain = await check({
      'a.txt': ['At 16:00 the weather office said the storm had sustained winds of 140 km/h.', '2026-02-03'],
      'b.txt': ['The storm had sustained winds of 205 km/h, the weather office said.', '2026-02-03'],
    });
    expect(plain.involving('140 km/h', '205 km/h')).toHaveLength(1);
    // (the words after a figure may name it the extreme: "to 941 hPa, the lowest reading of the storm")
    const after = (reading: string) => check({
      'a.txt': ["The storm's central pressure dropped to 941 hPa, the lowest reading of the storm, the weather office said.", '2026-02-03'],
      'b.txt': [`At 09:00 the weather office put the storm's central pressure at ${reading} hPa.`, '2026-02-03'],
    });
    expect((await after('944')).involving('941 hPa', '944 hPa')).toHaveLength(0);
    expect((await after('936')).involving('941 hPa', '936 hPa')).toHaveLength(1);
  });

  test('"the last eight arrests" are some of the arrests, not a rival count', async () => {
    const r = await check({
      'a.txt': ['Police made 19 arrests, the police said.', '2026-03-03'],
      'b.txt': ['Police made 19 arrests. The last eight arrests were made after midnight, the police said.', '2026-03-03'],
    });
    expect(r.involving('19', 'eight')).toHaveLength(0);
  });

  test('restated subsets, increments and figures of an earlier event are not compared with the total', async () => {
    const r = await check({
      'a.txt': ['Police said six people were arrested for throwing objects at the office, six of the 57 arrests nationwide. The toll includes the four deaths reported on Wednesday and two more found overnight.', '2025-11-13'],
      'b.txt': ['Police made 57 arrests. Four people have died. It is the largest fire since the 2018 Saddleback fire, which destroyed 212 homes.', '2025-11-13'],
      'c.txt': ['The fire has destroyed 137 homes.', '2025-11-13'],
    });
    expect(r.findings).toHaveLength(0);
  });

  test('prices per unit compare by what they are per, sums per year only by what they name', async () => {
    const r = await check({
      'a.txt': ['At 122 million euros per kilometre, Line 4 is one of the most expensive lines in Europe.', '2025-10-14'],
      'b.txt': ['For a line of 27 km, that works out at roughly €140 million per kilometre. The offer would cost 310 million euros a year.', '2025-10-16'],
      'c.txt': ['The demand would add nearly 830 million euros a year to the budget.', '2025-10-16'],
    });
    expect(r.involving('122 million euros per kilometre', 'roughly €140 million per kilometre')).toHaveLength(1);
    expect(r.involving('310 million euros a year')).toHaveLength(0);
  });

  test('a value a later report withdraws is explained in the reports before it, not in those after', async () => {
    const docs: Record<string, [string, string]> = {
      'a.txt': ['The weather service said the river at Dunmoor peaked at 6.85 metres at 04:00 on Monday.', '2026-01-12'],
      'b.txt': ['The river at Dunmoor peaked at 6.62 metres at 04:00 on Monday, the weather service said. Some early reports gave the peak as 6.85 metres. That value came from a faulty gauge and should not be used.', '2026-01-13'],
    };
    expect((await check(docs)).involving('6.85 metres', '6.62 metres')).toHaveLength(0);
    // (a report after the withdrawal that repeats the value is still a misreport)
    const later = await check({ ...docs, 'c.txt': ['The river at Dunmoor peaked at 6.85 metres at 04:00 on Monday, the weather service said.', '2026-01-14'] });
    expect(later.involving('6.85 metres', '6.62 metres').length).toBeGreaterThan(0);
  });

  test('a value withdrawn in its own sentence, with its conversion; not a figure before another that is withdrawn', async () => {
    const r = await check({
      'a.txt': ['The harbour gauge recorded a surge of 2.9 metres (9.5 feet) at 10:20 on Sunday, the coastguard said.', '2026-02-01'],
      'b.txt': ['The checked peak surge at the harbour gauge was 2.6 m at 10:20 on Sunday. The 2.9 m reported on Sunday included wave run-up; it has been withdrawn.', '2026-02-02'],
    });
    expect(r.involving('2.9 metres', '2.6 m')).toHaveLength(0);
    expect(r.involving('9.5 feet', '2.6 m')).toHaveLength(0);
    const s = await check({
      'a.txt': ['The harbour gauge recorded a surge of 2.9 metres at 10:20 on Sunday, the coastguard said.', '2026-02-01'],
      'b.txt': ['The checked peak surge at the harbour gauge was 2.6 m at 10:20 on Sunday. A reading of 3.3 m from a second gauge has been withdrawn.', '2026-02-02'],
    });
    expect(s.involving('2.9 metres', '2.6 m').length).toBeGreaterThan(0);
  });

  test("a fire's burned area is one fact however it is named; a spell's increment is not it", async () => {
    const r = await check({
      'a.txt': ['The Orrin Ridge fire has burned 6,400 hectares and is 15% contained, the fire service said on Thursday.', '2026-07-16'],
      'b.txt': ['Thursday: the blaze now covers 8,100 hectares, according to the fire service.', '2026-07-16'],
      'c.txt': ['Crews said the fire burned through another 1,300 hectares overnight.', '2026-07-16'],
    });
    expect(r.involving('6,400 hectares', '8,100 hectares')).toHaveLength(1);
    expect(r.involving('1,300 hectares')).toHaveLength(0);
    // (an area with no fire in its sentence keeps its own name)
    const s = await check({
      'a.txt': ['The Orrin Ridge fire has burned 6,400 hectares, the fire service said on Thursday.', '2026-07-16'],
      'b.txt': ['The nature reserve covers 8,100 hectares of wetland.', '2026-07-16'],
    });
    expect(s.involving('6,400 hectares', '8,100 hectares')).toHaveLength(0);
  });

  test("a segment that grew its revenue by a share is no rival of the group's revenue growth", async () => {
    const r = await check({
      'a.txt': 'Group revenue rose 5.2% to 3.1 billion euros in 2025.\n\nGarden Tools grew revenue by 9.4% while the market contracted, and its margin reached 12.6%.',
      'b.txt': 'Revenue rose 5.2% to 3.1 billion euros in 2025, the company said.',
    });
    expect(r.involving('9.4%')).toHaveLength(0);
  });

  test('sums that two different rates would cost are two facts; one rate costed twice is one', async () => {
    const r = await check({
      'a.txt': ['The council has offered bus drivers 2.5%, which it says would cost 18 million euros a year. The union wants 7%. That would cost 51 million euros a year.', '2026-02-10'],
      'b.txt': ['The union\'s demand for a 7% rise would cost about 60 million euros a year, the mayor said.', '2026-02-10'],
    });
    expect(r.involving('18 million euros a year')).toHaveLength(0);
    expect(r.involving('51 million euros a year', 'about 60 million euros a year')).toHaveLength(1);
  });

  test('a delay is one thing however it is dated or phrased', async () => {
    const r = await check({
      'a.txt': ['Line 4 opens 14 months late, the ministry said.', '2025-10-14'],
      'b.txt': ['The opening date has slipped from September 2027 to November 2028, a 16-month delay.', '2025-10-16'],
    });
    expect(r.involving('14 months', '16-month')).toHaveLength(1);
  });

  test('people still in hospital are no count of the injured; "12 of them" are people, not hospitals', async () => {
    const r = await check({
      'a.txt': ['Nine people were killed and 118 injured. 118 injured and 54 still in hospital.', '2025-03-15'],
      'b.txt': ['The authority said 54 people were still being treated in three hospitals, 12 of them in intensive care. A total of 118 people were injured.', '2025-03-15'],
      'c.txt': ['Officials said 45 people remain in hospital.', '2025-03-15'],
    });
    expect(r.involving('54', '118')).toHaveLength(0);
    expect(r.involving('12', 'three')).toHaveLength(0);
    expect(r.findings.filter((f) => f.rule === 'part-exceeds-whole')).toHaveLength(0);
    // the same state of the same day from two sources is compared
    expect(r.involving('54', '45').length).toBeGreaterThan(0);
  });

  test('"the number of people killed when … has risen to 19" counts the dead; "confirmed dead" is a death', async () => {
    const r = await check({
      'a.txt': ['The number of people killed when the express fell from the Tessaly viaduct has risen to 19, the civil protection chief said at the 12.30 briefing.', '2025-03-15'],
      'b.txt': ['At the 12.30 briefing, the chief said 17 people had now been confirmed dead.', '2025-03-15'],
    });
    expect(r.involving('19', '17')).toHaveLength(1);
  });

  test('a record only grows: a later report\'s higher record is an update, a lower one is flagged', async () => {
    const up = await check({
      'a.txt': ['Ostrevia breaks national heat record at 42.9C as the heat goes on.', '2025-07-15'],
      'b.txt': ['Heatwave live: new national record of 43.8C as the heat goes on.', '2025-07-16'],
    });
    expect(up.findings).toHaveLength(0);
    const down = await check({
      'a.txt': ['Ostrevia breaks national heat record at 43.8C as the heat goes on.', '2025-07-15'],
      'b.txt': ['Heatwave live: new national record of 42.9C as the heat goes on.', '2025-07-16'],
    });
    expect(down.findings.filter((f) => f.rule === 'cross-source-mismatch')).toHaveLength(1);
  });

  test('counts of new ones over one period may be far apart and still one fact misreported', async () => {
    const r = await check({
      'a.txt': ['The health board reported 58 new cases in week 38.', '2025-09-19'],
      'b.txt': ['A staggering 412 new cases were confirmed in a single week.', '2025-09-20'],
    });
    expect(r.findings.filter((f) => f.rule === 'cross-source-mismatch')).toHaveLength(1);
    // without a period of their own, counts seven times apart are two different things
    const other = await check({
      'a.txt': ['The health board reported 58 new cases.', '2025-09-19'],
      'b.txt': ['A staggering 412 new cases were confirmed.', '2025-09-20'],
    });
    expect(other.findings).toHaveLength(0);
  });

  test('people in hospital go up and down, but a count of all hospitalised so far only grows', async () => {
    const sofar = await check({
      'a.txt': ['Seventy-six people have now needed hospital treatment, and six are in intensive care.', '2025-09-19'],
      'b.txt': ['In total, 67 people have been hospitalised, six of them in intensive care.', '2025-09-20'],
    });
    expect(sofar.findings.filter((f) => f.rule === 'cross-source-mismatch')).toHaveLength(1);
    const state = await check({
      'a.txt': ['Seventy-six people are in hospital.', '2025-09-19'],
      'b.txt': ['Some 67 people remain in hospital.', '2025-09-20'],
    });
    expect(state.findings).toHaveLength(0);
  });

  test('"being treated in three hospitals" is a count of people in hospital', async () => {
    const r = await check({
      'a.txt': ['The authority said 54 people were still being treated in three hospitals on Saturday morning.', '2025-03-15'],
      'b.txt': ['The authority says 45 people remain in hospital.', '2025-03-15'],
    });
    expect(r.involving('54', '45')).toHaveLength(1);
  });

  test('needed hospital treatment, admitted to hospital and hospitalised report one fact', async () => {
    const r = await check({
      'a.txt': ['Seventy-six people have now needed hospital treatment.', '2025-09-19'],
      'b.txt': ['In total, 67 people have been hospitalised.', '2025-09-19'],
    });
    expect(r.involving('Seventy-six', '67')).toHaveLength(1);
  });

  test('a list label names what its figure counts', async () => {
    const r = await check({
      'a.txt': ['Key figures:\n\n- Arrests: 57\n- Hospitalised, cumulative: 67 (16% of cases)\n', '2025-09-19'],
      'b.txt': ['Police made 75 arrests across the country.', '2025-09-19'],
    });
    expect(r.involving('57', '75')).toHaveLength(1);
    expect(r.claims.find((c) => c.text === '67')?.measure).toMatch(/hospitalised/i);
  });

  test('a reading at landfall is not compared with an earlier day\'s reading; the same gust told twice is', async () => {
    const r = await check({
      'a.txt': ['A reconnaissance flight measured a central pressure of 948 hPa.', '2025-09-19'],
      'b.txt': ['The pressure at its centre was 946 hPa at landfall. The lighthouse recorded a gust of 241 km/h at 2.40am.', '2025-09-20'],
      'c.txt': ['A gust of 229 km/h was recorded at the lighthouse.', '2025-09-21'],
    });
    expect(r.involving('948 hPa', '946 hPa')).toHaveLength(0);
    expect(r.involving('241 km/h', '229 km/h')).toHaveLength(1);
  });

  test('knots, nautical miles and inches of mercury convert', async () => {
    const r = await check({ 'a.txt': 'Winds reached 110 knots (204 km/h). The gust was 241 km/h (150 knots). The pressure was 951 hPa (28.08 inHg), then 948 hPa (29.5 inHg).' });
    const conv = r.findings.filter((f) => f.rule === 'unit-conversion');
    expect(conv.map((f) => f.message).join(' | ')).toMatch(/150 knots/);
    expect(conv.map((f) => f.message).join(' | ')).toMatch(/29\.5 inHg/);
    expect(conv).toHaveLength(2);
  });

  test('a share that "is needed to stop" something is a threshold, not a level', async () => {
    const r = await check({ 'a.txt': 'Only 71% of children have had both doses. Public health experts say 95% is needed to stop measles spreading.' });
    expect(r.claims.find((c) => c.text === '95%')!.role).toBe('reference');
    expect(r.findings).toHaveLength(0);
  });

  test('an analysts\' consensus is a benchmark: compared with other reports of the consensus, never with the result', async () => {
    const r = await check({
      'a.txt': ['Oskeld Bank said net profit rose to 1.06 billion euros in the third quarter, against a consensus of 985 million.', '2026-10-28'],
      'b.txt': ['Oskeld Bank made a net profit of 1.06 billion euros in the third quarter, beating the 940 million consensus of analysts.', '2026-10-28'],
    });
    expect(r.claims.find((c) => c.text.startsWith('985'))!.role).toBe('reference');
    expect(r.claims.find((c) => c.text.startsWith('940'))!.role).toBe('reference');
    expect(r.claims.find((c) => c.text.startsWith('1.06'))!.role).toBeUndefined();
    // (the two consensus figures are one benchmark given twice; the profit is never set against either)
    const profit = new Set(r.claims.filter((c) => c.text.startsWith('1.06')).map((c) => c.id));
    expect(r.findings.filter((f) => f.claims.some((id) => profit.has(id)))).toHaveLength(0);
  });

  test('a threshold in a condition ("if winds passed 120 km/h") is a benchmark, not a reading', async () => {
    const r = await check({
      'a.txt': ['The power company would cut supply to the south coast if winds passed 120 km/h.', '2025-09-19'],
      'b.txt': ['Winds reached 150 km/h on the south coast.', '2025-09-19'],
    });
    expect(r.claims.find((c) => c.text === '120 km/h')!.role).toBe('reference');
    expect(r.findings).toHaveLength(0);
  });

  test('a forecast stays a forecast across "2 a.m.", after "warned of", and in its conversion', async () => {
    const r = await check({
      'a.txt': ['The service expects Rosalind to reach the coast between 2 a.m. and 4 a.m. on Saturday with sustained winds of 195 to 215 km/h (120 to 135 mph). Forecasters had warned of 10 to 15 inches of rain.', '2025-09-19'],
      'b.txt': ['Sustained winds at landfall were 230 km/h (143 mph). A staggering 18.4 inches of rain fell on Mirabel.', '2025-09-20'],
    });
    expect(r.findings).toHaveLength(0);
  });

  test('different events, forecasts and different parties are different facts', async () => {
    const r = await check({
      'a.txt': ['Officials said 45 people were killed. The storm would hit the coast with winds of 175 km/h. Green Future won 11.9% of the vote.', '2025-03-01'],
      'b.txt': ['Officials said 120 people were injured. The storm made landfall with winds of 185 km/h. The Liberals won 8.3% of the vote.', '2025-03-01'],
    });
    expect(r.findings).toHaveLength(0);
  });

  test('an article that gives several seat counts with no party named is compared only by party', async () => {
    const r = await check({
      'a.txt': ['The Labour Party was set to win 52 seats. The Greens would get 26 seats. Together the two smaller opposition parties hold 31 seats, 9 seats went to independents, and analysts said 15 seats were too close to call. The 76 seats needed for a majority were out of reach.', '2025-09-21'],
      'b.txt': ['The Labour Party won 52 seats and the Greens 27 seats; 17 seats went to independents.', '2025-09-22'],
    });
    // only the Greens' seats are one fact: 31, 15 and the 76 needed are other facts of their article
    expect(r.findings).toHaveLength(1);
    expect(r.involving('26', '27')).toHaveLength(1);
    expect(r.involving('15', '17')).toHaveLength(0);
  });

  test('one article giving two different values for one count is still flagged', async () => {
    const r = await check({
      'a.txt': ['Rescuers said 38 miners were trapped underground.', '2025-02-02'],
      'b.txt': ['Officials said 38 miners were trapped. Later the company said 83 miners were trapped.', '2025-02-02'],
    });
    expect(r.involving('38', '83').length).toBeGreaterThan(0);
  });

  test('an earlier value with its own date is compared with reports of that date', async () => {
    const r = await check({
      'a.txt': ['The collapse of the tower on Tuesday killed 14 people, the fire service said.', '2025-03-11'],
      'b.txt': ['The number of people killed in the collapse rose to 31 on Wednesday, up from 17 on Tuesday.', '2025-03-12'],
    });
    expect(r.involving('14', '17')).toHaveLength(1);
  });

  test('figures of one list share its verb: "shot down 52 of the 64 missiles and 77 drones"', async () => {
    const r = await check({
      'a.txt': ['The air force said the enemy fired 64 missiles and 90 drones overnight.', '2025-06-10'],
      'b.txt': ['Air defences shot down 52 of the 64 missiles and 77 drones overnight.', '2025-06-10'],
    });
    expect(r.involving('90', '77')).toHaveLength(0);
  });

  test('"job losses", "jobs cut" and "jobs will go" count one thing; the finding carries the stated conversion', async () => {
    const r = await check({
      'a.txt': ['The retailer said it would close 64 stores, cutting around 2,100 jobs.', '2025-03-06'],
      'b.txt': ['The union said the real number of job losses would be closer to 2,600.', '2025-03-06'],
    });
    expect(r.involving('around 2,100', 'closer to 2,600')).toHaveLength(1);
    const m = await check({
      'a.txt': ['Net profit rose 16% to €1.25 billion in 2024.', '2025-03-06'],
      'b.txt': ['Net profit increased 16% to 1.52 billion euros ($1.64 billion) in 2024.', '2025-03-06'],
    });
    expect(m.involving('€1.25 billion', '1.52 billion euros')).toHaveLength(1);
    expect(m.involving('€1.25 billion', '$1.64 billion')).toHaveLength(1);
  });

  test('an area of a thing named by its head: "the natural park" and "the park\'s"', async () => {
    const r = await check({
      'a.txt': ['The fire has burned 40% of the Sierra Calva natural park, which covers 31,000 hectares.', '2025-08-12'],
      'b.txt': ['Half of the park\'s 24,000 hectares have burned.', '2025-08-13'],
    });
    expect(r.involving('31,000 hectares', '24,000 hectares')).toHaveLength(1);
  });

  test('winds at landfall and winds by the afternoon are two readings; a budget voted in the evening is one budget', async () => {
    const r = await check({ 'a.txt': ['Sustained winds at landfall were 161 km/h. By the afternoon the storm had weakened, with winds of about 110 km/h.', '2025-10-08'] });
    expect(r.involving('161 km/h', 'about 110 km/h')).toHaveLength(0);
    const b = await check({
      'a.txt': ['Councillors voted through a £1.84bn budget on Wednesday evening.', '2025-03-05'],
      'b.txt': ['The council approved a £1.48 billion budget on Wednesday.', '2025-03-06'],
    });
    expect(b.involving('£1.84bn', '£1.48 billion')).toHaveLength(1);
  });

  test('winds of an evening advisory and winds "now" a day later are two readings, and so are the rows of an advisory table', async () => {
    const r = await check({
      'a.txt': ['In its 6 p.m. advisory the weather service said the storm had sustained winds of 185 km/h.', '2026-09-17'],
      'b.txt': ['The storm is now a Category 4 cyclone with sustained winds of 215 km/h.', '2026-09-18'],
    });
    expect(r.involving('185 km/h', '215 km/h')).toHaveLength(0);
    const t = await check({
      'a.md': ['# Advisories\n\n| Advisory | Time | Gusts (km/h) |\n|---|---|---|\n| 14 | Thu 18:00 | 230 |\n| 16 | Fri 00:00 | 270 |\n', '2026-09-19'],
      'b.txt': ['In its 6 p.m. advisory the weather service put gusts at 230 km/h.', '2026-09-17'],
    });
    expect(t.involving('230 km/h', '270')).toHaveLength(0);
    expect(t.claim('270').time).toMatchObject({ start: '2026-09-18' });
  });

  test('a figure that agrees with one row of a table by place is that row\'s fact, not a rival of the other rows', async () => {
    const table = '# Bulletin\n\nThe strongest gust, 198 km/h, came at Harrow Head just before the anemometer failed.\n\n## Peak gusts by station\n\n| Station | Peak gust (km/h) |\n|---|---|\n| Harrow Head | 198 |\n| Lindel airport | 163 |\n| Marrick | 142 |\n';
    const r = await check({
      'a.md': [table, '2026-03-10'],
      'b.txt': ['The weather office said it measured a peak gust of 198 km/h before the instrument stopped working.', '2026-03-10'],
    });
    expect(r.involving('198 km/h', '163')).toHaveLength(0);
    expect(r.involving('198 km/h', '142')).toHaveLength(0);
    // (a figure that agrees with no row is still compared with them)
    const o = await check({
      'a.md': [table, '2026-03-10'],
      'b.txt': ['The weather office said it measured a peak gust of 185 km/h before the instrument stopped working.', '2026-03-10'],
    });
    expect(o.involving('185 km/h', '198')).toHaveLength(1);
  });

  test('a report that states both figures, one of them as a limit, an earlier level or a whole, tells them apart for the other reports', async () => {
    const a = 'Investigators said the train was travelling at 138 km/h as it entered the bend, far over the 90 km/h limit.';
    const r = await check({
      'a.txt': [a, '2025-09-18'],
      'b.txt': ['On that stretch of line, trains were travelling at no more than 90 km/h before the timetable change.', '2025-09-18'],
      // (nor is the limit a rival of the other reports of the speed)
      'c.txt': ['The train was travelling at 138 km/h when it came off the rails, the rail authority said.', '2025-09-18'],
    });
    expect(r.involving('138 km/h', 'no more than 90 km/h')).toHaveLength(0);
    // (a figure the first report does not state is still its rival)
    const o = await check({
      'a.txt': [a, '2025-09-18'],
      'b.txt': ['On that stretch of line, the train was travelling at about 120 km/h, the driver said.', '2025-09-18'],
    });
    expect(o.involving('138 km/h', 'about 120 km/h')).toHaveLength(1);
    // (one report that states both, then the limit again on its own)
    const one = await check({ 'a.txt': [`${a} Before the timetable change, trains on that stretch were travelling at no more than 90 km/h.`, '2025-09-18'] });
    expect(one.involving('138 km/h', 'no more than 90 km/h')).toHaveLength(0);
  });

  test('a sentence that gives a figure for each of two days tells them apart: the later day\'s figure elsewhere is no rival of the earlier', async () => {
    const a = 'Ferries: 38 sailings were cancelled at Orrin harbour on Monday and 17 on Tuesday.';
    const r = await check({ 'a.txt': [a, '2025-09-17'], 'b.txt': ['The operator said 17 sailings were cancelled at Orrin harbour.', '2025-09-17'] });
    expect(r.involving('38', '17')).toHaveLength(0);
    // (a figure the sentence does not give is still compared)
    const o = await check({ 'a.txt': [a, '2025-09-17'], 'b.txt': ['The operator said 25 sailings were cancelled at Orrin harbour.', '2025-09-17'] });
    expect(o.involving('38', '25')).toHaveLength(1);
  });

  test('a difference in a measure\'s unit is a change, not a level: "4.5 GW, or 8.3%, higher than on Monday"', async () => {
    const r = await check({ 'a.md': ['# Demand\n\nDemand peaked at 58.4 GW on Wednesday. Demand on Wednesday was 4.5 GW, or 8.3%, higher than on Monday.', '2025-07-17'] });
    expect(r.claims.find((c) => c.text === '4.5 GW')!.role).toBe('change');
    expect(r.involving('58.4 GW', '4.5 GW')).toHaveLength(0);
  });

  test('a currency code quoted in a rate pair ("MRL/USD") is the code of the money the text names, in every document', async () => {
    const r = await check({
      'a.txt': ['Damage was put at 2.4 billion marels, about $750 million at 3.2 marels to the dollar. The MRL/USD rate fell to 0.3124 on Friday.', '2026-09-19'],
      'b.txt': ['The government put the damage at 2.4 billion marels, or 3.2 marels to the dollar.', '2026-09-19'],
    });
    expect(r.claim('2.4 billion marels', 'a.txt').unit).toBe('MRL');
    expect(r.claim('2.4 billion marels', 'b.txt').unit).toBe('MRL');
    // (a code whose letters are not the word's stays out of it)
    const o = await check({ 'a.txt': ['Damage was put at 2.4 billion marels, or 3.2 marels to the dollar. The KRA/USD rate fell.', '2026-09-19'] });
    expect(o.claim('2.4 billion marels').unit).toBe('MAR');
  });

  test('two documents that each convert a word into money once show it to be money to the whole batch; one does not', async () => {
    const a = ['One modeller put insured losses at 2.9 billion tolars ($390m).', '2026-06-18'] as [string, string];
    const b = ['A rival put insured losses at 2.4 billion tolars, or $320m.', '2026-06-17'] as [string, string];
    const c = ['The governor said damage would reach at least 5 billion tolars.', '2026-06-17'] as [string, string];
    const r = await check({ 'a.txt': a, 'b.txt': b, 'c.txt': c });
    for (const [text, doc] of [['2.9 billion tolars', 'a.txt'], ['2.4 billion tolars', 'b.txt'], ['at least 5 billion tolars', 'c.txt']]) {
      expect(r.claim(text!, doc).dimension).toBe('currency');
    }
    // (one conversion in the batch is no evidence: "3 million tickets ($45m)" names no money)
    const o = await check({ 'a.txt': a, 'c.txt': c });
    expect(o.claims.filter((x) => x.dimension === 'currency').map((x) => x.text)).toEqual(['$390m']);
  });

  test('a code the batch defines reads as money before the figure, keeping its qualifier and range ("almost ORK 52bn")', async () => {
    const r = await check({
      'a.md': ['# Results\n\nOrvalis reports in Orvish dalers (ORK). Net sales came to ORK 51.7 billion in the quarter.', '2026-08-05'],
      'b.txt': ['Sales rose to almost ORK 52bn in the quarter. The group now expects ORK 200bn to ORK 206bn for the year.', '2026-08-06'],
    });
    const almost = r.claims.find((c) => c.document === 'b.txt' && c.text.includes('52bn'))!;
    expect(almost).toMatchObject({ unit: 'ORK', qualifier: 'upper', text: 'almost ORK 52bn' });
    expect(r.claims.find((c) => c.document === 'b.txt' && c.text.includes('206bn'))).toMatchObject({ qualifier: 'range', low: 200e9, high: 206e9 });
    expect(r.involving('ORK 51.7 billion', 'almost ORK 52bn')).toHaveLength(0);
  });

  test('a company\'s net profit in an article is the "Net profit" row of its results table', async () => {
    const r = await check({
      'a.md': ['# Q3 interim statement\n\n| € million | Q3 2025 | Q3 2024 |\n|---|---|---|\n| Net profit | 1,058 | 962 |\n', '2025-10-31'],
      'b.txt': ["Halvern Bank's net profit rose to €1.43bn in the third quarter.", '2025-10-31'],
    });
    expect(r.involving('1,058', '€1.43bn')).toHaveLength(1);
    // (another owner's measure is not the table's row when the owner is named on both sides)
    const o = await check({
      'a.txt': ["Halvern Bank's net profit rose to €1.06bn in the third quarter.", '2025-10-31'],
      'b.txt': ["Brennmoor Bank's net profit rose to €1.43bn in the third quarter.", '2025-10-31'],
    });
    expect(o.involving('€1.06bn', '€1.43bn')).toHaveLength(0);
  });

  test('a missing count read at a briefing hour and another report\'s count of the same day with no hour are two readings', async () => {
    const r = await check({
      'a.md': ['# Figures by briefing\n\n| Briefing | Dead | Missing |\n|---|---|---|\n| Mon 13 Apr, 08:00 | 14 | 38 |\n| Tue 14 Apr, 12:00 | 24 | 47 |\n', '2026-04-14'],
      'b.txt': ['Ferry live: 44 people remain missing, the emergency centre says.', '2026-04-13'],
    });
    expect(r.involving('38', '44')).toHaveLength(0);
    // (but a count "on Monday morning" is of the part of the day the 08:00 reading is in)
    const m = await check({
      'a.md': ['# Figures by briefing\n\n| Briefing | Dead | Missing |\n|---|---|---|\n| Mon 13 Apr, 08:00 | 14 | 38 |\n', '2026-04-14'],
      'b.txt': ['On Monday morning 44 people were still missing, the emergency centre said.', '2026-04-13'],
    });
    expect(m.involving('38', '44')).toHaveLength(1);
  });

  test('boats "deployed" one day and another day are two deployments; one person\'s age is compared however fully named', async () => {
    const r = await check({
      'a.txt': ['The search resumed at first light with 52 boats and 340 rescuers.', '2026-04-13'],
      'b.md': ['# Search\n\n- 61 boats and 420 divers are deployed.\n', '2026-04-14'],
    });
    expect(r.involving('52', '61')).toHaveLength(0);
    const a = await check({
      'a.txt': ['Among the dead is primary school teacher Ilse Marrow, 34, from Oskel.', '2026-04-13'],
      'b.txt': ['Teacher Ilse Marrow, 43, died with her daughter.', '2026-04-14'],
    });
    expect(a.involving('34', '43')).toHaveLength(1);
  });

  test('people "on board" are counted as such, whoever estimates them', async () => {
    const r = await check({ 'a.txt': ['The emergency centre now estimates that 252 people were on board. The families association says at least 290 people were on board.', '2026-04-14'] });
    expect(r.claim('252').measure).toBe('people on board');
    expect(r.involving('252', 'at least 290')).toHaveLength(1);
  });

  test('an independent count "estimated" after the organisers\' count, and people who "packed" the route, are the crowd', async () => {
    const r = await check({
      'a.txt': ['The coalition said 180,000 people had taken part in the capital, while Tallyview, an independent counting firm, estimated 74,500.', '2026-10-17'],
      'b.txt': ['Organisers said 180,000 people packed the route from Harbour Gate, while police said 52,000 people took part.', '2026-10-18'],
    });
    expect(r.claim('estimated 74,500').measure).toBe('people taken part');
    expect(r.involving('estimated 74,500', '180,000')).not.toHaveLength(0);
    expect(r.involving('52,000', '180,000')).not.toHaveLength(0);
  });

  test('people admitted to hospital so far only grow: a later, larger count is an update, a later, smaller one is not', async () => {
    const docs = (first: string, second: string): Record<string, [string, string]> => ({
      'a.txt': [`The health office said at 17:00 that ${first} people had been admitted to hospital since the first cases in April.`, '2026-05-11'],
      'b.txt': [`Tuesday's figures: 140 cases, 6 deaths and ${second} people admitted to hospital.`, '2026-05-12'],
    });
    const up = await check(docs('44', '61'));
    expect(up.involving('44', '61')).toHaveLength(0);
    const down = await check(docs('61', '44'));
    expect(down.involving('61', '44')).toHaveLength(1);
  });

  test('a table column headed "Police count" counts the crowd: it is compared with an organisers\' figure, not a count of other people', async () => {
    const table = '## Saturday\'s marches\n\n| City | Police count |\n|---|---|\n| Harlow | 21,000 |\n| Derwent | 9,000 |\n';
    const r = await check({
      'a.md': [table, '2025-05-04'],
      'b.txt': ['The union said 65,000 people marched in Harlow on Saturday.', '2025-05-04'],
    });
    expect(r.involving('21,000', '65,000')).toHaveLength(1);
    // (people evacuated on that day are not the crowd)
    const e = await check({
      'a.md': [table, '2025-05-04'],
      'b.txt': ['The council said 65,000 people were evacuated in Harlow on Saturday.', '2025-05-04'],
    });
    expect(e.involving('21,000', '65,000')).toHaveLength(0);
  });

  test('a reading at the hour its sentence names is compared with a table row of that hour, whatever the entry\'s stamp', async () => {
    const r = await check({
      'a.html': ['<html><body><article><h1>Cyclone live</h1><p>04:10 — The cyclone came ashore at 03:20 with sustained winds of 210 km/h (140 mph).</p></article></body></html>', '2026-09-18'],
      'b.md': ['# Situation report\n\n| Advisory | Time | Sustained wind (km/h) | Sustained wind (mph) |\n|---|---|---|---|\n| Landfall | Fri 03:20 | 210 | 130 |\n', '2026-09-19'],
    });
    expect(r.involving('140 mph', '130')).not.toHaveLength(0);
  });

  test('"the highest storm surge measured" is a surge, compared with another report\'s surge', async () => {
    const r = await check({
      'a.md': ['# Report\n\nThe highest storm surge measured was 2.6 m at the tide gauge.', '2026-09-19'],
      'b.txt': ['The storm came ashore with a surge of 2.5 metres.', '2026-09-19'],
    });
    expect(r.claim('2.6 m').holder).toBe('highest storm surge');
    expect(r.involving('2.6 m', '2.5 metres')).not.toHaveLength(0);
  });

  test('a level that "stands at" a figure is the state of its day, not a rival of the day before\'s', async () => {
    const r = await check({
      'a.txt': ['The reservoir has dropped to 94% of capacity.', '2025-11-10'],
      'b.txt': ['The reservoir stands at 91% of capacity.', '2025-11-11'],
    });
    expect(r.claim('91%').snapshot).toBe(true);
    expect(r.involving('94%', '91%')).toHaveLength(0);
  });

  test('a quake has one magnitude, whatever day or verb reports it', async () => {
    const r = await check({
      'a.txt': ['The magnitude 6.7 quake hit at 3:17 a.m. near the town, the seismic institute said.', '2024-10-08'],
      'b.txt': ['The magnitude 6.9 earthquake has flattened much of the old town.', '2024-10-10'],
    });
    expect(r.involving('magnitude 6.7', 'magnitude 6.9')).toHaveLength(1);
  });

  test('a provisional share with part of the ballots counted is no rival of the final one a day later', async () => {
    const r = await check({
      'wire.txt': ['With 94.6% of ballots counted, the Social Union had 30.6% of the vote.', '2026-03-08'],
      'final.txt': ['The Social Union won 30.2% of the vote, the final count shows.', '2026-03-09'],
    });
    expect(r.involving('30.6%', '30.2%')).toHaveLength(0);
    const same = await check({
      'wire.txt': ['The Social Union won 30.6% of the vote.', '2026-03-09'],
      'final.txt': ['The Social Union won 30.2% of the vote, the final count shows.', '2026-03-09'],
    });
    expect(same.involving('30.6%', '30.2%')).toHaveLength(1);
  });

  test("analysts' own price targets are no rival figures; one party's two targets are", async () => {
    const r = await check({
      'a.txt': ['"This is a clean beat," said Lina Varh, an analyst at Moravia Securities, who has a price target of 44 florins.', '2025-07-24'],
      'b.txt': ['Karel Dunst at Brightwater Capital, who has a sell rating and a price target of 31 florins, said the half would be harder.', '2025-07-24'],
    });
    expect(r.involving('44 florins', '31 florins')).toHaveLength(0);
    const same = await check({
      'a.txt': ['The company set a price target of 44 florins, the chairman said.', '2025-07-24'],
      'b.txt': ['The company set a price target of 31 florins, the chairman said.', '2025-07-24'],
    });
    expect(same.involving('44 florins', '31 florins')).toHaveLength(1);
  });

  test('winds at landfall and winds when the storm left the coast "at around 17:00" are two readings', async () => {
    const r = await check({ 'a.txt': ['Maximum sustained winds at landfall were 204 km/h. The storm left the coast near Sandoval Bay at around 17:00, by then a Category 1 hurricane with winds of 130 km/h.', '2025-09-20'] });
    expect(r.involving('204 km/h', '130 km/h')).toHaveLength(0);
  });

  test('a reading "at landfall" is the one a report times by the landfall\'s hour ("came ashore at 1.40am")', async () => {
    const r = await check({
      'a.md': ['# Situation report\n\nThe typhoon made landfall at 01:40 on Wednesday. At landfall it had sustained winds of 185 km/h.', '2026-09-16'],
      'b.txt': ['The typhoon came ashore at 1.40am on Wednesday with sustained winds of 217 km/h.', '2026-09-16'],
      'c.txt': ['By 9 a.m. on Wednesday it had weakened, with sustained winds of 150 km/h.', '2026-09-16'],
    });
    expect(r.involving('185 km/h', '217 km/h')).toHaveLength(1);
    expect(r.involving('185 km/h', '150 km/h')).toHaveLength(0);
    expect(r.involving('217 km/h', '150 km/h')).toHaveLength(0);
  });

  test('a conversion that holds is not a rounding conflict with another report\'s conversion; one that does not hold is', async () => {
    const r = await check({
      'a.txt': ['The harbour gauge recorded a storm surge of 2.8 m (9.2 ft) at 02:10.', '2026-09-16'],
      'b.txt': ['The storm drove a 2.8-metre (9ft) surge into the harbour.', '2026-09-16'],
    });
    expect(r.findings).toHaveLength(0);
    const wrong = await check({
      'a.txt': ['The storm came ashore at 03:20 with sustained winds of 210 km/h (140 mph).', '2026-09-16'],
      'b.md': ['# Report\n\n| Landfall | Sustained wind (mph) |\n|---|---|\n| Wed 03:20 | 130 |\n', '2026-09-16'],
    });
    expect(wrong.involving('140 mph', '130')).toHaveLength(1);
  });

  test('a year\'s results and another report\'s undated figure two months later are one fact', async () => {
    const r = await check({
      'a.txt': ['Dividend blog\n\nSolvane posted full-year results. For the full year, net profit was €655m, up 16%.', '2025-03-01'],
      'b.txt': ['Solvane results\n\nNet profit declined 23.3% to €431 million, the company said.', '2025-02-27'],
    });
    expect(r.involving('€655m', '€431 million')).toHaveLength(1);
  });

  test('rescuers and search dogs at a scene on different days are two deployments; on one day, one count', async () => {
    const r = await check({
      'a.txt': ['Some 480 rescuers and 14 search dogs were working at the site. Three rescuers were injured.', '2026-03-15'],
      'b.txt': ['Rescue chief Ilse Varden said 640 rescuers and 22 sniffer dogs were at the scene today. Five rescuers were injured.', '2026-03-17'],
      'c.txt': ['Police said 520 rescuers were at the site today.', '2026-03-17'],
    });
    expect(r.involving('Some 480', '640')).toHaveLength(0);
    expect(r.involving('14', '22')).toHaveLength(0);
    expect(r.involving('640', '520')).toHaveLength(1);
  });


  test('buildings inspected so far only grow: a later, larger count is an update; a later, smaller one is not', async () => {
    const r = await check({
      'a.txt': ['Surveyors have inspected 2,150 buildings and found 260 unsafe.', '2026-06-09'],
      'b.txt': ['More than 2,900 buildings have now been inspected, the housing agency said.', '2026-06-10'],
    });
    expect(r.involving('2,150', 'More than 2,900')).toHaveLength(0);
    const d = await check({
      'a.txt': ['Surveyors have inspected 2,150 buildings and found 260 unsafe.', '2026-06-09'],
      'b.txt': ['Some 1,600 buildings have now been inspected, the housing agency said.', '2026-06-10'],
    });
    expect(d.involving('2,150', 'Some 1,600')).toHaveLength(1);
  });

  test('the vessels, boats and ambulances of a search come and go: two days, two deployments; one day, one count', async () => {
    const r = await check({
      'a.txt': ['Nine vessels and 26 ambulances were taking part in the operation, the coastguard said.', '2026-05-04'],
      'b.md': ['# Resources\n\nOn scene: 13 vessels and 31 ambulances.\n', '2026-05-06'],
      'c.txt': ['Harbour officials said 17 vessels were taking part in the operation today.', '2026-05-06'],
    });
    expect(r.involving('Nine', '13')).toHaveLength(0);
    expect(r.involving('26', '31')).toHaveLength(0);
    expect(r.involving('13', '17')).toHaveLength(1);
  });
  test('a place the whole is split into in its sentence is a part of it, not a rival of another report of that place', async () => {
    const r = await check({
      'a.txt': ['The fire service says 65 homes have been destroyed: 38 in Arlow, 21 in Penmoor and 6 in Tessick.', '2026-08-05'],
      'b.txt': ['In Penmoor, 33 homes have been destroyed.', '2026-08-06'],
    });
    expect(r.involving('65', '33')).toHaveLength(0);
    // (a whole not split by places is still compared)
    const s = await check({
      'a.txt': ['The fire service says 65 homes have been destroyed.', '2026-08-05'],
      'b.txt': ['In Penmoor, 33 homes have been destroyed.', '2026-08-06'],
    });
    expect(s.involving('65', '33')).toHaveLength(1);
  });

  test('soldiers sent to a disaster zone on different days are two deployments; on one day, one count', async () => {
    const r = await check({
      'a.txt': ['The prime minister declared an emergency and ordered 900 soldiers to the flooded valley.', '2026-05-04'],
      'b.txt': ['Some 1,800 troops and 12 helicopters have been sent in.', '2026-05-06'],
      'c.txt': ['The army said 1,300 troops and 12 helicopters have been sent in.', '2026-05-06'],
    });
    expect(r.involving('900', 'Some 1,800')).toHaveLength(0);
    expect(r.involving('Some 1,800', '1,300')).toHaveLength(1);
  });

  test('a crowd that "flooded into" the capital, "walked" its route, or that a march "drew" is the crowd that marched', async () => {
    const r = await check({
      'a.txt': ['Union chiefs claimed 120,000 people flooded into Castrell on Tuesday.', '2026-03-17'],
      'b.txt': ['The march in Castrell drew 38,500 people on Tuesday, police said.', '2026-03-17'],
      'c.txt': ['Police said 38,500 people marched in Castrell on Tuesday.', '2026-03-17'],
      'd.txt': ['The union said 95,000 people had walked the 3.2 kilometres from Liberty Square to the Parliament in Castrell on Tuesday.', '2026-03-17'],
    });
    expect(r.involving('120,000', '38,500')).toHaveLength(1);
    expect(r.involving('95,000', '38,500')).toHaveLength(1);
  });

  test('a restated prior-year figure and the one first reported are two facts; two restated ones are one', async () => {
    const r = await check({
      'a.md': ['# Annual results\n\n| € million | FY 2025 | FY 2024 restated |\n|---|---|---|\n| Net profit | 5,490 | 4,870 |\n\nThe figures for 2024 have been restated. As originally reported, net profit for 2024 was €4.96 billion.', '2026-02-12'],
      'b.txt': ['Brenvik results\n\nRestated net profit for 2024 was €4,780 million, the bank said.', '2026-02-12'],
    });
    expect(r.involving('4,870', '€4.96 billion')).toHaveLength(0);
    expect(r.involving('€4.96 billion', '€4,780 million')).toHaveLength(0);
    expect(r.involving('4,870', '€4,780 million')).toHaveLength(1);
  });

  test('net interest income is a part of total income, not a name for it', async () => {
    const r = await check({
      'a.txt': ['Bank results\n\nIncome reached KDC 14.62 billion in 2025.', '2026-02-12'],
      'b.txt': ['Bank results\n\nNet interest income hit KDC 9.86 billion in 2025.', '2026-02-12'],
    });
    expect(r.findings).toHaveLength(0);
  });

  test('"fell 6.4% to €17.40 from Tuesday\'s close of €18.75": the earlier value named by its level is checked', async () => {
    const wrong = await check({ 'a.txt': ['SPL shares fell 6.4% to €17.40 from Tuesday\'s close of €18.75.', '2026-09-16'] });
    expect(wrong.findings.map((f) => f.rule)).toEqual(['percentage-of']);
    const right = await check({ 'a.txt': ['SPL shares fell 7.2% to €17.40 from Tuesday\'s close of €18.75.', '2026-09-16'] });
    expect(right.findings).toHaveLength(0);
  });

  test('guidance is a forecast: "guides to", and figures under an Outlook heading not dated to the past', async () => {
    const r = await check({
      'a.md': ['# Results\n\nNet interest income rose 8.1% to €9.86 billion in 2025.\n\n## Outlook\n\n- net interest income of €10.1 billion to €10.3 billion;\n- the dividend is to rise.\n\nIn 2023 net interest income was €8.41 billion.\n', '2026-02-12'],
      'b.txt': ['Bank results\n\nFor 2026 the bank guides to net interest income of €10.1 billion to €10.3 billion. Net interest income hit €9.86 billion.', '2026-02-12'],
    });
    expect(r.findings).toHaveLength(0);
    expect(r.claims.find((c) => c.text === '€10.1 billion to €10.3 billion')!.role).toBe('forecast');
    expect(r.claims.find((c) => c.text === '€8.41 billion')!.role ?? null).toBeNull();
  });

  test('rain over two spans is two amounts; over one span, one', async () => {
    const r = await check({
      'a.txt': ['The service said 186 millimetres (7.3 inches) of rain had fallen at Vessen in the 48 hours to 6 a.m. Sunday.', '2025-11-09'],
      'b.txt': ['More than 8 inches of rain fell on the hills around Vessen in four days.', '2025-11-11'],
      'c.txt': ['At Vessen, 150 millimetres of rain fell in 48 hours to Sunday morning.', '2025-11-09'],
    });
    expect(r.involving('186 millimetres', 'More than 8 inches')).toHaveLength(0);
    expect(r.involving('186 millimetres', '150 millimetres')).toHaveLength(1);
  });

  test('rain over the whole storm is another amount than rain over a span of hours; two storm totals are one', async () => {
    const r = await check({
      'a.txt': ['The gauge at Pellory recorded 264 mm of rain in the 24 hours to 6 a.m., the service said.', '2025-11-09'],
      'b.txt': ['The Pellory gauge recorded 371 mm of rain over the storm, the service said.', '2025-11-11'],
      'c.md': ['# Rain\n\n| Station | Storm total (mm) |\n|---|---:|\n| Pellory | 371 |\n', '2025-11-11'],
      'd.txt': ['The Pellory gauge recorded 329 mm of rain over the storm.', '2025-11-11'],
    });
    expect(r.involving('264 mm', '371 mm')).toHaveLength(0);
    expect(r.involving('264 mm', '371')).toHaveLength(0);
    expect(r.involving('329 mm', '371 mm')).toHaveLength(1);
  });

  test('damage and economic losses put at a sum are rival estimates of one cost', async () => {
    const r = await check({
      'a.txt': ['The government puts the damage at $750 million, the finance minister said.', '2025-09-22'],
      'b.txt': ['Modellers at Ketter Risk put total economic losses at $3.1 billion.', '2025-09-22'],
    });
    expect(r.involving('$750 million', '$3.1 billion')).toHaveLength(1);
  });

  test('jobs, positions and roles a company cuts are one count; posts are left apart', async () => {
    const r = await check({
      'a.txt': ['Varden Mills said on Tuesday it would cut 1,200 positions at its spinning plants.', '2025-09-23'],
      'b.txt': ['Varden Mills will cut 1,600 jobs at its spinning plants, the weavers union said on Tuesday.', '2025-09-23'],
    });
    expect(r.involving('1,200', '1,600')).toHaveLength(1);
    const o = await check({
      'a.txt': ['Varden Mills said on Tuesday it would cut 1,200 jobs at its spinning plants.', '2025-09-23'],
      'b.txt': ['Varden Mills put 1,600 posts on its staff forum on Tuesday.', '2025-09-23'],
    });
    expect(o.involving('1,200', '1,600')).toHaveLength(0);
  });

  test('the customers a utility serves are its whole, not a count of those cut off', async () => {
    const r = await check({
      'a.txt': ['Selene Power & Light, which serves 1.95 million customers, put 3,800 line workers on standby.', '2026-09-14'],
      'b.txt': ['The storm knocked out power to 740,000 customers of Selene Power & Light.', '2026-09-16'],
    });
    expect(r.claims.find((c) => c.text === '1.95 million')!.role).toBe('whole');
    expect(r.involving('1.95 million', '740,000')).toHaveLength(0);
  });

  test('an invented currency converted at a rate a document states: wrong conversions found, right ones pass', async () => {
    const r = await check({
      'a.md': ['# Results\n\nAmounts in Kaldrian crowns. Euro amounts are translated at 11.20 crowns to the euro.\n\nNet profit rose to 5.49 billion crowns (€490 million).', '2026-02-12'],
      'b.txt': ['Analysis\n\nNet profit rose to 5.49 billion crowns (€590m), up 12.7%, and income to 14.62 billion crowns (€1.31 billion).', '2026-02-12'],
      'c.txt': ['Repairs\n\nRepairs will cost 2.4bn dorins (about $41m at 58 to the dollar), and the fund has 500 million dorins ($12 million at 58 to the dollar).', '2026-09-16'],
    });
    const conv = r.findings.filter((f) => f.rule === 'unit-conversion').map((f) => f.message).join(' | ');
    expect(conv).toMatch(/€590m/);
    expect(conv).not.toMatch(/€490 million/);
    expect(conv).toMatch(/\$12 million/);
    expect(conv).not.toMatch(/\$41m/);
  });

  test('a rate note at the foot of a story ("($1 = 4.20 gelders)", "€1 = …") is the rate its conversions are checked at', async () => {
    const story = (converted: string, note: string) => ({
      'a.txt': [`Harbour works\n\nThe port authority said the new quay will cost 12.6 billion gelders (${converted}), with work to start in May.\n\n(${note})`, '2026-03-10'] as [string, string],
    });
    const conv = async (converted: string, note: string) =>
      (await check(story(converted, note))).findings.filter((f) => f.rule === 'unit-conversion').map((f) => f.message).join(' | ');
    // 12.6 / 4.20 = 3.0: a conversion to $3.6 billion is wrong, one to $3 billion holds
    expect(await conv('$3.6 billion', '$1 = 4.20 gelders')).toMatch(/\$3\.6 billion/);
    // (the message names the rate and where it is stated)
    expect(await conv('$3.6 billion', '$1 = 4.20 gelders')).toMatch(/at the rate stated as 4\.20 gelders \(a\.txt:5\)/);
    expect(await conv('$3 billion', '$1 = 4.20 gelders')).toBe('');
    // a euro note checks euro conversions (12.6 / 5.25 = 2.4)
    expect(await conv('€3 billion', '€1 = 5.25 gelders')).toMatch(/€3 billion/);
    expect(await conv('€2.4 billion', '€1 = 5.25 gelders')).toBe('');
    expect(await conv('€3 billion', '€1 = 5.25 Tarvish gelders')).toMatch(/€3 billion/);
    // a note of another amount than one unit ("$10 = 42 gelders") is no rate of one dollar
    expect(await conv('$3.6 billion', '$10 = 42 gelders')).toBe('');
  });

  test('"€2.10bn, roughly $1.81bn at $1.16 per euro": an amount converted after a comma at the rate that follows is checked', async () => {
    const conv = async (text: string) =>
      (await check({ 'a.txt': [text, '2025-10-30'] })).findings.filter((f) => f.rule === 'unit-conversion').map((f) => f.message).join(' | ');
    // 2.10 × 1.16 = 2.44: dividing instead of multiplying gives 1.81
    expect(await conv('Operating profit was €2.10bn, roughly $1.81bn at $1.16 per euro, the bank said.')).toMatch(/\$1\.81bn.*converts to [^|]*$/);
    // (a rate the lexicon holds is no rate a document states)
    expect(await conv('Operating profit was €2.10bn, roughly $1.81bn at $1.16 per euro, the bank said.')).not.toMatch(/rate stated/);
    expect(await conv('Operating profit was €2.10bn, roughly $2.44bn at $1.16 per euro, the bank said.')).toBe('');
    // (no rate after it: two amounts in a list, not a conversion)
    expect(await conv('Operating profit was €2.10bn, roughly $1.81bn more than a year ago, the bank said.')).toBe('');
  });

  test('"CDD 9.62bn — about €1.03bn at the company\'s rate of 7.40 ducats to the euro": a conversion set off by a dash, at a rate named first, is checked', async () => {
    const conv = async (text: string) =>
      (await check({ 'a.txt': [text, '2025-10-30'] })).findings.filter((f) => f.rule === 'unit-conversion').map((f) => f.message).join(' | ');
    // 2.10 × 1.16 = 2.44: a conversion to $1.81bn divides instead of multiplying
    expect(await conv('Operating profit was €2.10bn — roughly $1.81bn at $1.16 per euro — the bank said.')).toMatch(/\$1\.81bn/);
    expect(await conv('Operating profit was €2.10bn — roughly $2.44bn at $1.16 per euro — the bank said.')).toBe('');
    expect(await conv('Operating profit was €2.10bn, roughly $1.81bn at the bank\'s own rate of $1.16 per euro, it said.')).toMatch(/\$1\.81bn/);
    expect(await conv('Operating profit was €2.10bn, roughly $2.44bn at the bank\'s own rate of $1.16 per euro, it said.')).toBe('');
    // (no rate after it: a dash before another amount is no conversion)
    expect(await conv('Operating profit was €2.10bn — roughly $1.81bn more than a year ago — the bank said.')).toBe('');
  });

  test('"2.4 billion euros, about $3.9 billion, was pledged": an amount about it in another currency between commas is its conversion', async () => {
    const conv = async (text: string) =>
      (await check({ 'a.txt': [text, '2025-10-30'] })).findings.filter((f) => f.rule === 'unit-conversion').map((f) => f.message).join(' | ');
    // (2.4bn euros are $2.4bn-$2.9bn at any 2025 rate)
    expect(await conv('Donors pledged 2.4 billion euros, about $3.9 billion, at the summit.')).toMatch(/\$3\.9 billion/);
    expect(await conv('Donors pledged 2.4 billion euros, about $2.8 billion, at the summit.')).toBe('');
    // (not an amount only about the first, nor one that goes on to another statement)
    expect(await conv('Donors pledged 2.4 billion euros, $3.9 billion, at the summit.')).toBe('');
    expect(await conv('Donors pledged 2.4 billion euros, about $3.9 billion more than last year.')).toBe('');
  });

  test('amounts in two currencies are compared through a rate a document states, and the finding names it', async () => {
    const docs = (b: string, note = '\n\n($1 = 6.90 dravos)') => ({
      'a.txt': [`Relief fund\n\nThe relief fund for flood victims holds 40 million dravos, the ministry said on Monday.${note}`, '2026-03-02'] as [string, string],
      'b.txt': [`Flood aid\n\nThe relief fund for flood victims holds ${b}, the ministry said on Monday.`, '2026-03-02'] as [string, string],
    });
    // 40 million dravos at 6.90 to the dollar is $5.8 million
    const bad = await check(docs('$7.5 million'));
    const f = bad.involving('40 million dravos', '$7.5 million');
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('cross-source-mismatch');
    expect(f[0]!.message).toMatch(/40 million dravos is about \$5\.8 million at the rate stated as 6\.90 dravos \(a\.txt:5\)/);
    // (within the tolerance of rates that differ between outlets and days)
    expect((await check(docs('$5.9 million'))).findings).toHaveLength(0);
    // (no rate stated: amounts in two currencies are never compared)
    expect((await check(docs('$7.5 million', ''))).findings).toHaveLength(0);
    // (a rate is of its day: not through it, amounts of another day)
    const later = docs('$7.5 million');
    later['b.txt'] = ['Flood aid\n\nThe relief fund for flood victims holds $7.5 million, the ministry said on Thursday.', '2026-03-05'];
    expect((await check(later)).involving('40 million dravos', '$7.5 million')).toHaveLength(0);
  });

  test('"250,000 euros each - around $290,000 -": a word that shares the amount out may stand before its conversion', async () => {
    const conv = async (text: string) => (await check({ 'a.txt': [text, '2025-10-08'] })).findings.filter((f) => f.rule === 'unit-conversion').map((f) => f.message).join(' | ');
    // (250,000 euros are $252,500-$300,000 at any 2025 rate)
    expect(await conv('Families will get 250,000 euros each - around $410,000 - from the fund.')).toMatch(/\$410,000/);
    expect(await conv('Families will get 250,000 euros each (about $410,000) from the fund.')).toMatch(/\$410,000/);
    expect(await conv('Families will get 250,000 euros each - around $290,000 - from the fund.')).toBe('');
    // (not a second amount after a comma)
    expect(await conv('Families will get 250,000 euros each, $410,000 in all, from the fund.')).toBe('');
  });

  test('a rate written amount first ("translated at TGL 4.20 = US$1") is the rate conversions are checked at', async () => {
    const conv = async (converted: string, rate: string) =>
      (
        await check({
          'a.md': [`# Annual results\n\nAll amounts are in Tarvish gelders (TGL); dollar amounts are translated at ${rate} for convenience.\n\nNet profit rose to TGL 12.6 billion (${converted}).`, '2026-03-10'],
        })
      ).findings.filter((f) => f.rule === 'unit-conversion').map((f) => f.message).join(' | ');
    expect(await conv('US$3.6 billion', 'TGL 4.20 = US$1')).toMatch(/US\$3\.6 billion/);
    expect(await conv('US$3 billion', 'TGL 4.20 = US$1')).toBe('');
    // (not a rate of one dollar)
    expect(await conv('US$3.6 billion', 'TGL 42 = US$10')).toBe('');
  });

  test("figures under an Outlook heading of a report whose period is past are forecasts, not that period's figures", async () => {
    const r = await check({
      'a.md': ['# Full-year results for the year ended 31 December 2025\n\n- EBITDA rose 6.1% to €3.91 billion.\n\n## Outlook for 2026\n\n1. EBITDA of €4.2 billion to €4.4 billion.\n', '2026-02-19'],
      'b.txt': ['Full-year EBITDA rose 6.1% to €3.91 billion, the company said.', '2026-02-19'],
    });
    expect(r.claims.find((c) => c.text === '€4.2 billion to €4.4 billion')!.role).toBe('forecast');
    expect(r.findings).toHaveLength(0);
    // (a figure under the heading dated to a past year keeps its date)
    const past = await check({ 'a.md': ['# Full-year results for the year ended 31 December 2025\n\n## Outlook for 2026\n\nIn 2024 EBITDA was €3.68 billion.\n', '2026-02-19'] });
    expect(past.claims.find((c) => c.text === '€3.68 billion')!.role ?? null).toBeNull();
  });

  test("a later report's level after a change ('has raised its fund to …') is the new level, not a rival of the earlier one", async () => {
    const docs = (later: string): Record<string, [string, string]> => ({
      'a.txt': ['The council set up a relief fund of 3 million euros on Sunday.', '2026-04-05'],
      'b.txt': [later, '2026-04-07'],
    });
    expect((await check(docs('The council has raised its relief fund to 8 million euros.'))).involving('3 million euros', '8 million euros')).toHaveLength(0);
    expect((await check(docs('The relief fund was increased from 3 million to 8 million euros.'))).involving('3 million euros', '8 million euros')).toHaveLength(0);
    // (without a change, two days' reports of one fund disagree)
    expect((await check(docs('The council has a relief fund of 8 million euros.'))).involving('3 million euros', '8 million euros')).toHaveLength(1);
  });

  test('two readings of a share price at different times of day are no conflict', async () => {
    const r = await check({
      'a.txt': ['Holmberg shares rose 7.3% to 28.14 euros by mid-morning.', '2025-02-20'],
      'b.txt': ['Holmberg shares were up 6.9% at 28.02 euros at 11.40am.', '2025-02-20'],
    });
    expect(r.involving('7.3%', '6.9%')).toHaveLength(0);
    const same = await check({
      'a.txt': ['Holmberg shares rose 7.3% by mid-morning.', '2025-02-20'],
      'b.txt': ['Holmberg shares were up 6.9% by mid-morning.', '2025-02-20'],
    });
    expect(same.involving('7.3%', '6.9%')).toHaveLength(1);
  });
});

describe('tables', () => {
  test('the cells of two columns of one table are different measures, even in one row', async () => {
    const r = await check({ 'a.md': '# Divisions\n\n| Division | Growth | Adj. EBIT margin |\n|---|---:|---:|\n| Climate Solutions | 8.0% | 12.6% |\n| Professional | 12.6% | 10.3% |\n| Home | 3.1% | 7.9% |\n' });
    expect(r.findings).toHaveLength(0);
  });
});

describe('scope: a regional figure next to a national one', () => {
  test('both scopes are named, at low severity', async () => {
    const r = await check({
      'a.txt': ['Ukrainian forces retook 75 settlements in the north of the Kherson region in the last month, the ministry said.', '2022-10-14'],
      'b.txt': ['The ministry said Ukraine has retaken more than 600 settlements in the last month.', '2022-10-14'],
    });
    const f = r.involving('75', 'more than 600');
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('scope-difference');
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message).toMatch(/north of the Kherson region/);
    expect(f[0]!.message).toMatch(/no place given/);
  });

  test('two scopes a report states together ("58 nationwide, 37 of them in the capital") need no scope note elsewhere', async () => {
    const r = await check({
      'a.txt': ['Officers detained 64 people across the country on Saturday, 29 of them in Ostrel, the ministry said.', '2025-04-06'],
      'b.txt': ['Police in Ostrel detained 29 people on Saturday.', '2025-04-06'],
      'c.txt': ['The ministry said 64 people were detained nationwide on Saturday.', '2025-04-06'],
    });
    expect(r.findings.filter((f) => f.rule === 'scope-difference')).toHaveLength(0);
    // (but a capital's count that no report relates to the national one is shown with both scopes)
    const other = await check({
      'b.txt': ['Police in Ostrel detained 29 people on Saturday.', '2025-04-06'],
      'c.txt': ['The ministry said 64 people were detained nationwide on Saturday.', '2025-04-06'],
    });
    expect(other.involving('29', '64').map((f) => f.rule)).toEqual(['scope-difference']);
  });

  test('a regional figure that agrees with the national one is not flagged', async () => {
    const r = await check({
      'a.txt': ['Forces retook 600 settlements in the Kherson region, the ministry said.', '2022-10-14'],
      'b.txt': ['The ministry said forces retook 600 settlements.', '2022-10-14'],
    });
    expect(r.findings).toHaveLength(0);
  });
});

describe("a storm's maximum and a reading below it", () => {
  test('"the highest individual wave, 14.6 m" and "waves of about 9 metres" agree; waves of 13.5 metres just below it do not', async () => {
    const docs = (wire: string) => ({
      'wire.txt': [wire, '2026-09-15'] as [string, string],
      'report.md': ['The highest individual wave, 14.6 m, was recorded by the same buoy on Tuesday.', '2026-09-16'] as [string, string],
    });
    const waves = await check(docs('An offshore buoy recorded waves of about 9 metres as the storm passed, the weather service said.'));
    expect(waves.involving('about 9 metres', '14.6 m')).toHaveLength(0);
    // (just below the maximum is a misreport of it, as before)
    const near = await check(docs('An offshore buoy recorded waves of 13.5 metres as the storm passed, the weather service said.'));
    expect(near.involving('13.5 metres', '14.6 m')).toHaveLength(1);
  });
});

describe('one moment told by different verbs', () => {
  test('"crossed the coast at 3.40 a.m. with 948 hPa" and "came ashore before dawn with 938 millibars" are both landfall: they conflict', async () => {
    const docs = (second: string) => ({
      'wire.txt': ['The eye crossed the coast near Cabrenna at 3.40 a.m. with a central pressure of 948 hectopascals, the weather service said.', '2026-09-15'] as [string, string],
      'paper.txt': [second, '2026-09-17'] as [string, string],
    });
    const landfall = await check(docs('The typhoon came ashore before dawn on Tuesday with a central pressure of 938 millibars, according to the weather service.'));
    expect(landfall.involving('948 hectopascals', '938 millibars')).toHaveLength(1);
    // a reading of another moment of the storm is no rival of the landfall reading
    const later = await check(docs('By Tuesday evening the storm had weakened over the hills, and its central pressure had risen to 938 millibars, according to the weather service.'));
    expect(later.involving('948 hectopascals', '938 millibars')).toHaveLength(0);
  });
});

describe('conversion: a figure and its stated conversion', () => {
  test('a temperature difference converts without the offset, and its absolute reading is flagged', async () => {
    const bad = await check({ 'a.txt': 'Darrow reached 43.8C, which is 1.2C (34F) above the record.' });
    const f = bad.findings.filter((x) => x.rule === 'unit-conversion');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/difference of 1\.2C/);
    const ok = await check({ 'a.txt': 'Darrow reached 43.8C, which is 1.2C (2.2F) above the record. Kessel hit 42.9C (109.2F) on Tuesday.' });
    expect(ok.findings).toHaveLength(0);
  });

  test('a wrong conversion is flagged with the expected value', async () => {
    const r = await check({ 'a.txt': 'The rain bands reached 95 kilometres (69 miles) inland.' });
    const f = r.involving('95 kilometres', '69 miles');
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('unit-conversion');
    expect(f[0]!.message).toMatch(/59/);
  });

  test('a conversion set off by dashes is checked: "96,500 cubic metres of water - some 965 million litres -"', async () => {
    const bad = await check({ 'a.txt': 'The ministry says 96,500 cubic metres of water - some 965 million litres - had been pumped out.' });
    expect(bad.involving('96,500 cubic metres', 'some 965 million litres').map((f) => f.rule)).toEqual(['unit-conversion']);
    const ok = await check({ 'a.txt': 'The ministry says 96,500 cubic metres of water - some 96.5 million litres - had been pumped out.' });
    expect(ok.findings).toHaveLength(0);
    expect(ok.checks.some((c) => c.rule === 'unit-conversion' && c.status === 'pass')).toBe(true);
    // a dash that goes on to another statement is no aside: "14 km long - 9 miles shorter than …"
    const on = await check({ 'a.txt': 'The new road is 14 km long - 9 miles shorter than the old one.' });
    expect(on.checks.some((c) => c.rule === 'unit-conversion')).toBe(false);
  });

  test('a wrong conversion names the other reports of the figure it converts', async () => {
    const docs = (a: string) => ({
      'a.txt': [`SENDARA, March 13 (MWS) - Cyclone Marrowby lashed the port town of Sendara early on Thursday with sustained winds of ${a}, tearing roofs off homes.`, '2025-03-13'] as [string, string],
      'b.txt': ['The PMS confirms Marrowby crossed the coast just north of Sendara at about 2 a.m. as a Category 4 cyclone, with sustained winds of 185 km/h (135 mph) and gusts of up to 260 km/h.', '2025-03-13'] as [string, string],
    });
    const r = await check(docs('185 km/h (115 mph)'));
    const f = r.findings.filter((x) => x.rule === 'unit-conversion');
    expect(f).toHaveLength(1);
    expect(f[0]!.claims).toEqual([r.claim('185 km/h', 'b.txt').id, r.claim('135 mph', 'b.txt').id, r.claim('185 km/h', 'a.txt').id, r.claim('115 mph', 'a.txt').id]);
    // (a figure of another value is another fact: it is not named)
    const other = await check(docs('150 km/h (93 mph)'));
    expect(other.findings.filter((x) => x.rule === 'unit-conversion')[0]!.claims).toHaveLength(2);
  });

  test('a wrong conversion that names nothing names the reports of any named thing of its value', async () => {
    const docs = (b: string) => ({
      'a.txt': ['Walkers covered the whole 8.5km (6.3 miles) between the two bridges by dusk.', '2025-05-03'] as [string, string],
      'b.txt': [`The ${b} trail runs from the north bridge to the south bridge.`, '2025-05-03'] as [string, string],
    });
    const r = await check(docs('8.5-km (5.3-mile)'));
    const f = r.findings.filter((x) => x.rule === 'unit-conversion');
    expect(f).toHaveLength(1);
    expect(f[0]!.claims).toEqual([r.claim('8.5km', 'a.txt').id, r.claim('6.3 miles', 'a.txt').id, r.claim('8.5-km', 'b.txt').id, r.claim('5.3-mile', 'b.txt').id]);
    // (a named thing of another value is not named)
    const other = await check(docs('12-km (7.5-mile)'));
    expect(other.findings.filter((x) => x.rule === 'unit-conversion')[0]!.claims).toHaveLength(2);
  });

  test('a wrong conversion of a named thing names the reports of the same figure under another name', async () => {
    const docs = (b: string) => ({
      'a.txt': ['A record 318mm (9 inches) of rain fell on the valley town of Orrick over the weekend.', '2026-02-09'] as [string, string],
      'b.txt': [`The gauge at Orrick logged a two-day total of ${b}, the weather office said.`, '2026-02-09'] as [string, string],
    });
    const r = await check(docs('318 millimetres (12.5 inches)'));
    const f = r.findings.filter((x) => x.rule === 'unit-conversion');
    expect(f).toHaveLength(1);
    expect(f[0]!.claims).toEqual([r.claim('318mm', 'a.txt').id, r.claim('9 inches', 'a.txt').id, r.claim('318 millimetres', 'b.txt').id, r.claim('12.5 inches', 'b.txt').id]);
    // (the same thing of about the value but not the same figure, at the precision written, is not named)
    const near = await check(docs('324 millimetres (12.8 inches)'));
    expect(near.findings.filter((x) => x.rule === 'unit-conversion')[0]!.claims).toHaveLength(2);
  });

  test('a wrong conversion names the same sum in another report, however that report dates it or names what it is', async () => {
    const docs = (b: string) => ({
      'a.txt': ['Telmark results\n\nTelmark posted a record net profit of 4.20 billion gelders ($1.3 billion) for 2025, on higher prices.\n\n($1 = 4.20 gelders)', '2026-02-26'] as [string, string],
      'b.txt': [`Telmark on Thursday reported ${b}, the company said in a statement.`, '2026-02-26'] as [string, string],
    });
    const names = async (b: string) => {
      const r = await check(docs(b));
      const f = r.findings.filter((x) => x.rule === 'unit-conversion');
      expect(f).toHaveLength(1);
      return f[0]!.claims.map((id) => r.claims.find((c) => c.id === id)!.text);
    };
    // (dated by the day it was announced in one report, by its year in the other)
    expect(await names('net profit of 4.20 billion gelders')).toContain('4.20 billion gelders');
    expect(await names('net profit of 4.20 billion gelders')).toHaveLength(3);
    // (the same sum told of a thing named otherwise)
    expect(await names('earnings of 4.20 billion gelders')).toHaveLength(3);
    // (another sum, or the same number in another currency, is not named)
    expect(await names('net profit of 4.35 billion gelders')).toHaveLength(2);
    expect(await names('net profit of $4.20 billion')).toHaveLength(2);
  });

  test('a wrong conversion names the same figure told again in its own report', async () => {
    const conv = async (again: string) => {
      const r = await check({ 'a.txt': [`Bank results\n\nOrrin Bank made a profit before tax of €1.43bn, roughly $1.23bn at $1.16 per euro, in the third quarter.\n\n${again}`, '2025-10-30'] });
      const f = r.findings.filter((x) => x.rule === 'unit-conversion');
      expect(f).toHaveLength(1);
      return f[0]!.claims.length;
    };
    expect(await conv('The third-quarter profit before tax of €1.43bn was the highest in a decade.')).toBe(3);
    // (another figure of its report is not named)
    expect(await conv('The third-quarter profit before tax of €1.52bn was the highest in a decade.')).toBe(2);
  });

  test('a share move read at an hour and one the close gives ("close up 6.4%") are two moments; two closes are one', async () => {
    const wire = ['Brannick shares were up 5.8% at 147.60 crowns by 10:15, valuing the company at 128 billion crowns.', '2026-07-30'] as [string, string];
    const r = await check({ 'a.txt': wire, 'b.txt': ['Brannick shares close up 6.4%, their best day since March.', '2026-07-30'] });
    expect(r.involving('5.8%', '6.4%')).toHaveLength(0);
    const o = await check({ 'a.txt': ['At the close Brannick shares were up 5.8%, their best day since March.', '2026-07-30'], 'b.txt': ['Brannick shares close up 6.4%, their best day since March.', '2026-07-30'] });
    expect(o.involving('5.8%', '6.4%')).toHaveLength(1);
  });

  test('a wrong conversion of a figure that aligns with no other still names the other reports of its value', async () => {
    const docs = (b: string) => ({
      'a.html': ['<html><body><article><p>Organisers have told the city the route is 4.8km (3.8 miles) long, ending at the town hall.</p></article></body></html>', '2026-09-17'] as [string, string],
      'b.txt': [b, '2026-09-19'] as [string, string],
    });
    const r = await check(docs('The Tarsk route was 4.8 km, or three miles, and the march took two hours.'));
    const f = r.findings.filter((x) => x.rule === 'unit-conversion');
    expect(f).toHaveLength(1);
    expect(f[0]!.claims).toContain(r.claim('4.8 km', 'b.txt').id);
    // (another report's figure of another value is not named)
    const other = await check(docs('The Tarsk route was 6.1 km and the march took two hours.'));
    expect(other.findings.filter((x) => x.rule === 'unit-conversion')[0]!.claims).toHaveLength(2);
  });

  test('a conversion written in words is read to the unit', async () => {
    const ok = await check({ 'a.txt': 'The quake struck at a depth of 12 km (seven miles) below the town.' });
    expect(ok.findings.filter((f) => f.rule === 'unit-conversion')).toHaveLength(0);
    const bad = await check({ 'a.txt': 'The quake struck at a depth of 12 km (nine miles) below the town.' });
    expect(bad.findings.filter((f) => f.rule === 'unit-conversion')).toHaveLength(1);
  });

  test('conversions that hold at the precision written pass and are listed as checks', async () => {
    const r = await check({ 'a.txt': 'He ordered the call-up along a 1,100-km (684-mile) front line. Winds reached 185 km/h (115 mph). It was 40C (104F) in the shade.' });
    expect(r.findings).toHaveLength(0);
    expect(r.checks.filter((c) => c.rule === 'unit-conversion')).toHaveLength(3);
  });

  test('temperatures are allowed one degree, not a percentage', async () => {
    const r = await check({ 'a.txt': 'Temperatures reached 46C (109F) on Tuesday.' });
    expect(r.involving('46C', '109F')).toHaveLength(1);
  });

  test('a temperature difference converts without the offset', async () => {
    const r = await check({ 'a.txt': ['Afternoon highs were as much as 10C (18F) above the July average.', '2025-07-16'] });
    expect(r.findings.filter((f) => f.rule === 'unit-conversion')).toHaveLength(0);
    const bad = await check({ 'a.txt': ['The afternoon high was 10C (18F).', '2025-07-16'] });
    expect(bad.findings.filter((f) => f.rule === 'unit-conversion')).toHaveLength(1);
    // a temperature is read to the degree: 41C is 105.8F, not "110F"
    const round = await check({ 'a.txt': ['Temperatures in the capital climbed to 41C (110F) on Monday.', '2025-07-16'] });
    expect(round.findings.filter((f) => f.rule === 'unit-conversion')).toHaveLength(1);
    const ok = await check({ 'a.txt': ['Temperatures in the capital climbed to 41C (106F) on Monday.', '2025-07-16'] });
    expect(ok.findings.filter((f) => f.rule === 'unit-conversion')).toHaveLength(0);
  });

  test('currency conversions are checked against the exchange rates of the year', async () => {
    const bad = await check({ 'a.md': ['---\ndate: 2024-11-07\n---\nNet profit rose to €612 million ($598 million).', '2024-11-07'] });
    expect(bad.involving('€612 million', '$598 million')).toHaveLength(1);
    const good = await check({ 'a.md': ['---\ndate: 2025-07-24\n---\nPretax profit rose to £512m ($650m at current exchange rates).', '2025-07-24'] });
    expect(good.findings).toHaveLength(0);
  });
});

describe('part-whole: X of Y', () => {
  test('a part larger than its whole is an error', async () => {
    const r = await check({ 'a.txt': 'Civil protection said 52 of the 46 shelters opened in the province were full.' });
    const f = r.involving('52', '46');
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('part-exceeds-whole');
    expect(f[0]!.severity).toBe('error');
  });

  test('"31,000 in 46 towns, including 12,500 in Calvor" is a part of the people, not of the towns', async () => {
    const ok = await check({ 'a.txt': 'Participants: 31,000 in 46 towns, including 12,500 in Calvor.' });
    expect(ok.findings).toHaveLength(0);
    const bad = await check({ 'a.txt': 'Participants: 31,000 in 46 towns, including 42,500 in Calvor.' });
    expect(bad.involving('31,000', '42,500')).toHaveLength(1);
  });

  test('"six fires, including 11,000 from one fire" is a part of the people, not of the fires', async () => {
    const r = await check({ 'a.txt': 'About 19,000 people are under evacuation orders from six large fires, including about 11,000 from the Kettle Ridge fire alone.' });
    expect(r.findings).toHaveLength(0);
    expect(r.involving('about 11,000', 'six')).toHaveLength(0);
    // a real excess is still an error
    const bad = await check({ 'a.txt': 'About 7,000 people are under evacuation orders from six large fires, including about 11,000 from the Kettle Ridge fire alone.' });
    expect(bad.involving('About 7,000', 'about 11,000')).toHaveLength(1);
  });

  test('"of them" or "including" after a count too small to hold the part refers to an earlier count of the sentence', async () => {
    const r = await check({ 'a.txt': 'Some 2,400 volunteers worked across the five districts, 900 of them in Harwell. The 1,020 crew members came from 6 provinces, including 310 medics.' });
    expect(r.involving('900', 'five')).toHaveLength(0);
    expect(r.involving('310', '6')).toHaveLength(0);
    expect(r.findings).toHaveLength(0);
    // (a part larger than every count before it stays a part of the nearest one, and is still an error)
    const bad = await check({ 'a.txt': 'Police held 35 people in four towns, 48 of them in Harwell.' });
    expect(bad.findings.filter((f) => f.rule === 'part-exceeds-whole')).toHaveLength(1);
  });

  test('a part within its whole passes', async () => {
    const r = await check({ 'a.txt': 'Putin said 222,000 out of an expected 300,000 reservists had already been mobilised.' });
    expect(r.findings).toHaveLength(0);
    expect(r.checks.some((c) => c.rule === 'part-exceeds-whole')).toBe(true);
  });
});

describe('percentage: X of Y, or Z%; changes in points and per cent', () => {
  test('a fall in points written as per cent is worded as a fall, and what a poll found is a measurement, not a forecast', async () => {
    const stood = await check({ 'a.txt': 'Support stood at 58%, down 6% from 64% in February.' });
    expect(stood.findings.map((f) => f.message)).toEqual(['Support: from 64% to 58% is a fall of 6 percentage points (9.4% in relative terms), not 6%']);
    const poll = await check({ 'a.txt': 'A poll found 58% of voters backing the farmers, down 6% from 64% in February.' });
    expect(poll.findings.map((f) => f.rule)).toEqual(['percentage-of']);
    // a poll's forecast of a vote is still a forecast: no change check against it
    const forecast = await check({ 'a.txt': 'Polls give the alliance 58%, down 6% from 64% at the last election.' });
    expect(forecast.findings).toHaveLength(0);
  });

  test('a share that does not match its part and whole is flagged', async () => {
    const r = await check({ 'a.txt': 'Of the 2,140 schools in the region, 1,380 served as shelters during the storm, or 56%.' });
    const f = r.involving('56%');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/64\.5%/);
  });

  test('the rows above a last row that sums them are a breakdown, not rival counts of the whole', async () => {
    const table = '## Cases by district\n\n| District | Cases |\n|---|---:|\n| Ostrel | 88 |\n| Varn | 57 |\n| Kessin | 34 |\n| Lode | 24 |\n| Dravenna | 203 |\n\n39 new cases have been reported since Monday, when there were 164 cases.\n';
    const r = await check({ 'a.md': [table, '2026-03-11'] });
    expect(r.involving('88', '164')).toHaveLength(0);
    // a last row that is not their sum leaves the rows as they were
    const plain = await check({ 'a.md': [table.replace('| Dravenna | 203 |', '| Dravenna | 190 |'), '2026-03-11'] });
    expect(plain.claims.find((c) => c.text === '88')!.cell!.totalRow).toBeNull();
    expect(r.claims.find((c) => c.text === '88')!.cell!.totalRow).toBe(5);
  });

  test('a share whose whole follows it ("168,900 votes, 18.9% of the 997,400 valid votes") is checked', async () => {
    const bad = await check({ 'a.txt': 'The count gives the party 168,900 votes, 18.9% of the 997,400 valid votes.' });
    expect(bad.involving('18.9%')).toHaveLength(1);
    expect(bad.involving('18.9%')[0]!.message).toMatch(/16\.9%/);
    const ok = await check({ 'a.txt': 'The count gives the party 168,900 votes, 16.9% of the 997,400 valid votes.' });
    expect(ok.findings).toHaveLength(0);
  });

  test('an appositive share of a whole that follows it ("118,000 …, less than a third of the 265,000") is checked', async () => {
    const bad = await check({ 'a.txt': 'About 118,000 people were still in evacuation centres on Tuesday, less than a third of the 265,000 who had sought shelter.' });
    expect(bad.involving('less than a third')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'About 78,000 people were still in evacuation centres on Tuesday, less than a third of the 265,000 who had sought shelter.' });
    expect(ok.findings).toHaveLength(0);
    // the share of a level that rose "from" an earlier value is of the level, not of the earlier value
    const level = await check({ 'a.txt': 'The firm now has 1.87 million fibre customers, up from 1.52 million, or almost 60% of its 3.14 million broadband users.' });
    expect(level.findings).toHaveLength(0);
  });

  test('a share set off after the "X of Y" of its sentence is of that pair ("Nine of the 164 patients have died, a rate of 6.5%")', async () => {
    const bad = await check({ 'a.txt': 'Nine of the 164 patients have died, a case-fatality rate of 6.5%.' });
    expect(bad.involving('6.5%', 'Nine', '164')).toHaveLength(1);
    expect(bad.involving('6.5%')[0]!.message).toMatch(/5\.5%/);
    const ok = await check({ 'a.txt': 'Nine of the 164 patients have died, a case-fatality rate of 5.5%.' });
    expect(ok.findings).toHaveLength(0);
    // a part listed after the linked one is the nearest part: 38 of the 112, not 71
    const listed = await check({ 'a.txt': 'Of the 112 men on the shift, 71 escaped on foot and 38 were trapped - almost half the shift.' });
    expect(listed.involving('almost half', '38', '112')).toHaveLength(1);
    const listedOk = await check({ 'a.txt': 'Of the 112 men on the shift, 58 escaped on foot and 52 were trapped - almost half the shift.' });
    expect(listedOk.involving('almost half')).toHaveLength(0);
  });

  test('a share before an "X of Y" pair, or one that names its own thing or a circumstance, is not of that pair', async () => {
    const before = await check({ 'a.txt': "At 84%, roughly 16 in every 100 young children are not fully vaccinated: about 13,000 of the region's 81,000 under-fives." });
    expect(before.findings.filter((f) => f.rule === 'percentage-of')).toHaveLength(0);
    const own = await check({ 'a.txt': 'At the airport, 236 of the 540 flights were cancelled, well above the 30% reduction requested by the authority.' });
    expect(own.findings.filter((f) => f.rule === 'percentage-of')).toHaveLength(0);
    const circumstance = await check({ 'a.txt': 'The alliance is taking 44 of the 81 seats, with 99.8% of ballots counted.' });
    expect(circumstance.findings.filter((f) => f.rule === 'percentage-of')).toHaveLength(0);
  });

  test('a change of a rate given in points in one report and as the same per cent in another is flagged', async () => {
    const r = await check({
      'a.txt': ['The EBITDA margin rose 1.1 percentage points to 31.2% in the quarter.', '2025-07-30'],
      'b.txt': ['The EBITDA margin was up 1.1% in the quarter.', '2025-07-30'],
    });
    expect(r.involving('1.1%', '1.1 percentage points')).toHaveLength(1);
    expect(r.involving('1.1%')[0]!.message).toMatch(/percentage points is not a change in per cent/);
    // another measure, or another number, is no such mix-up
    const other = await check({
      'a.txt': ['The EBITDA margin rose 1.1 percentage points to 31.2% in the quarter.', '2025-07-30'],
      'b.txt': ['Revenue was up 1.1% in the quarter. The EBITDA margin was up 3.7%.', '2025-07-30'],
    });
    expect(other.involving('1.1 percentage points')).toHaveLength(0);
  });

  test('a change in per cent and one in points of the same size beside the same level are one change, however each names the rate', async () => {
    const a = 'Harnwick Foods said its operating margin widened 0.8 percentage points to 12.4% in the first half.';
    const r = await check({
      'a.txt': [a, '2025-08-02'],
      'b.txt': ["In the grocer's latest figures, the margin rose 0.8% to 12.4%, analysts noted.", '2025-08-05'],
    });
    expect(r.involving('0.8%', '0.8 percentage points')).toHaveLength(1);
    // (the finding shows the level the per cent was told with)
    expect(r.involving('0.8%', '12.4%', '0.8 percentage points')).toHaveLength(1);
    // beside another level it may be another rate's change
    const other = await check({
      'a.txt': [a, '2025-08-02'],
      'b.txt': ["In the grocer's latest figures, the margin rose 0.8% to 9.1%, analysts noted.", '2025-08-05'],
    });
    expect(other.involving('0.8%', '0.8 percentage points')).toHaveLength(0);
  });

  test('a change in points told in a table row is matched by the levels of its row (a cell is a sentence of its own)', async () => {
    const table = '| | H1 2025 | H1 2024 | Change |\n|---|---|---|---|\n| Seat occupancy (%) | 79.3 | 77.1 | +2.2 pp |\n| Passengers (million) | 8.4 | 8.1 | +3.7% |';
    const r = await check({
      'a.md': [`# Half-year figures\n\n${table}`, '2025-07-24'],
      'b.txt': ['Orlan Air said the share of seats it sold climbed 2.2% to 79.3% in the six months.', '2025-07-25'],
    });
    expect(r.involving('2.2%', '2.2 pp')).toHaveLength(1);
    // the row's levels are not the level the per cent is told beside: no mix-up shown
    const other = await check({
      'a.md': [`# Half-year figures\n\n${table}`, '2025-07-24'],
      'b.txt': ['Orlan Air said the share of seats it sold climbed 2.2% to 84.6% in the six months.', '2025-07-25'],
    });
    expect(other.involving('2.2%', '2.2 pp')).toHaveLength(0);
  });

  test('changes told with their amounts are one fact when the amounts agree, and not when they differ', async () => {
    const r = await check({
      'a.txt': ['Tarnby Mills said on Wednesday that net profit reached €412 million in the second quarter, up 9.4%.', '2025-08-06'],
      'b.txt': ['Tarnby Mills said on Wednesday that net profit climbed to €412 million in the second quarter from €384 million, a rise of 7.3%.', '2025-08-06'],
    });
    expect(r.involving('9.4%', '7.3%')).toHaveLength(1);
    // a change that only took its amount's measure (a division's sales) is not a change told with no amount
    const other = await check({
      'a.txt': ['On an organic basis, sales grew 4.8% in the second quarter, Tarnby Mills said on Wednesday.', '2025-08-06'],
      'b.txt': ['By division, Milling had sales of €391 million in the second quarter, up 3.2%, Tarnby Mills said on Wednesday.', '2025-08-06'],
    });
    expect(other.involving('4.8%', '3.2%')).toHaveLength(0);
  });

  test('a change in basis points is a change in points: 40 basis points told as 0.4% is flagged, 40 basis points as 40% is not', async () => {
    const a = 'The lender said its core capital ratio stood at 13.9% at the end of June, up 40 basis points on a year earlier.';
    const r = await check({
      'a.txt': [a, '2025-07-30'],
      'b.txt': ['Its core capital ratio rose 0.4% to 13.9%, the lender said.', '2025-07-31'],
    });
    expect(r.involving('0.4%', '40 basis points')).toHaveLength(1);
    const other = await check({
      'a.txt': [a, '2025-07-30'],
      'b.txt': ['Its core capital ratio rose 2.9% to 13.9%, the lender said.', '2025-07-31'],
    });
    expect(other.involving('2.9%', '40 basis points')).toHaveLength(0);
  });

  test('a change of one thing is not checked against the levels of another ("EBIT up 16.1%; EBIT margin 10.2% (2023: 9.4%)")', async () => {
    const r = await check({ 'a.txt': 'Adjusted EBIT rose 16.1% to EUR 655 million; the adjusted EBIT margin was 10.2% (2023: 9.4%).' });
    expect(r.findings).toHaveLength(0);
  });

  test('a change between two percentages given in per cent must be the relative change, not the points', async () => {
    const bad = await check({ 'a.txt': 'The gross margin jumped 1.9% to 47.6% from 45.7% a year ago.' });
    expect(bad.findings).toHaveLength(1);
    expect(bad.findings[0]!.message).toMatch(/1\.9 percentage points/);
    const ok = await check({ 'a.txt': 'The gross margin rose 4.2% to 47.6% from 45.7% a year ago.' });
    expect(ok.findings).toHaveLength(0);
  });

  test('of several levels and earlier values in a sentence, a change is checked against the ones it goes "from" and "to"', async () => {
    const bad = await check({ 'a.txt': 'Quarterly net profit rose 28% to 1.02 billion euros from 840 million, and operating profit reached 1.46 billion euros on revenue of 10.35 billion.' });
    expect(bad.involving('28%', '840 million')).toHaveLength(1);
    expect(bad.involving('28%')[0]!.message).toMatch(/21\.4%/);
    const ok = await check({ 'a.txt': 'Quarterly net profit rose 21% to 1.02 billion euros from 840 million, and operating profit reached 1.46 billion euros on revenue of 10.35 billion.' });
    expect(ok.findings.filter((f) => f.rule === 'percentage-of')).toHaveLength(0);
    const from = await check({ 'a.txt': "Cases have nearly doubled, up from 208, and deaths have risen 50%, from 7 on Monday to 12." });
    expect(from.involving('50%', '7', '12')).toHaveLength(1);
    const fromOk = await check({ 'a.txt': "Cases have nearly doubled, up from 208, and deaths have risen 71%, from 7 on Monday to 12." });
    expect(fromOk.findings.filter((f) => f.rule === 'percentage-of')).toHaveLength(0);
  });

  test('a level reached by one change is not the level of another thing\'s earlier value in the sentence', async () => {
    const r = await check({ 'a.txt': 'In the fourth quarter alone, revenue rose 4.9% to 12.7 billion euros and net profit reached 1.49 billion, up from 1.42 billion a year earlier.' });
    expect(r.findings.filter((f) => f.rule === 'percentage-of')).toHaveLength(0);
  });

  test('"almost five points" holds a difference of 4.8 points; "about two points" does not', async () => {
    const ok = await check({ 'a.txt': 'The Social Democrats won 36.2% of the vote in the constituency, almost five points more than their national share of 31.4%.' });
    expect(ok.findings).toHaveLength(0);
    const bad = await check({ 'a.txt': 'The Social Democrats won 36.2% of the vote in the constituency, about two points more than their national share of 31.4%.' });
    expect(bad.findings).toHaveLength(1);
  });

  test('a share that matches passes', async () => {
    const r = await check({ 'a.txt': 'The storm damaged 312 of 1,200 schools, or 26%.' });
    expect(r.findings).toHaveLength(0);
    expect(r.checks.some((c) => c.rule === 'percentage-of')).toBe(true);
  });

  test('a change in percentage points must be the difference of the two levels', async () => {
    const bad = await check({ 'a.txt': 'Turnout was 61.4%, 4 percentage points higher than in 2021, when 58.2% voted.' });
    expect(bad.involving('4 percentage points')).toHaveLength(1);
    const good = await check({ 'a.txt': 'Turnout was 61.4%, up 3.2 percentage points from 58.2% in 2021.' });
    expect(good.findings).toHaveLength(0);
  });

  test('a percentage change must match the two figures it links', async () => {
    const good = await check({ 'a.txt': 'Net profit rose 14% to €612 million from €537 million.' });
    expect(good.findings).toHaveLength(0);
    const bad = await check({ 'a.txt': 'Net profit rose 20% to €612 million from €537 million.' });
    expect(bad.involving('20%')).toHaveLength(1);
  });
});

describe('sum: stated parts and stated total', () => {
  test('the rows of one list are no total of each other', async () => {
    const list = '- Orsk: 3,100\n- Vellin: 1,800\n- Tarn: 900\n- Mell: 700\n';
    const r = await check({ 'a.md': ['The agency released its count of people in emergency shelters on Sunday, town by town:\n\n' + list, '2025-05-04'] });
    expect(r.claim('1,800').scopeKey).toBe('vellin');
    expect(r.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    // a total of the places above them still is: "3,000 in Orsk" under four places
    const t = await check({ 'a.md': ['Shelters in Orsk held 3,000 people on Sunday, with 2,100 in Vellin, 1,900 in Tarn and 800 in Mell.', '2025-05-04'] });
    expect(t.claim('2,100').scopeKey).toBe('vellin');
  });

  test('tables of indicators by place and columns of rates: each row is its own measure, a rate column has no total', async () => {
    const doc = (total: string) => [
      '# Measles bulletin No. 3',
      'Data as at 17:00 on Tuesday 3 June 2025.',
      '| Indicator | Northern district | Whole country |\n|---|---:|---:|\n| Confirmed cases | 140 | 152 |\n| of which in children | 96 | 101 |\n| Deaths | 6 | 6 |\n| Cases per 100,000 residents | 12.4 | 1.9 |',
      `| Town | Residents | Cases | Cases per 100,000 |\n|---|---:|---:|---:|\n| Ardel | 420,000 | 70 | 16.7 |\n| Brisk | 310,000 | 45 | 14.5 |\n| Cole | 250,000 | 16 | 6.4 |\n| Dunmere | 150,000 | 9 | 6.0 |\n| **Total** | **1,130,000** | **${total}** | **12.4** |`,
    ].join('\n\n') + '\n';
    const ok = await check({ 'a.md': [doc('140'), '2025-06-03'] });
    expect(ok.findings).toHaveLength(0);
    // (the column of counts still adds up to its total)
    const bad = await check({ 'a.md': [doc('150'), '2025-06-03'] });
    expect(bad.findings.map((f) => f.rule)).toEqual(['parts-sum']);
  });

  test('one count given for one place named more and less fully is one part, not two; two places are two parts', async () => {
    const doc = (place: string) => `A cholera outbreak in Tarvel's Soria region has reached 84 cases. The outbreak in the ${place} region of northern Tarvel has grown to 84 cases. Nationally, 97 cases have been reported, officials said.`;
    const one = await check({ 'a.txt': [doc('Soria'), '2026-04-02'] });
    expect(one.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    const two = await check({ 'a.txt': [doc('Brena'), '2026-04-02'] });
    expect(two.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
  });

  test("a live report's entries at other times of the day are no breakdown of a later total", async () => {
    const doc = (stamp: (t: string) => string) => `---\ndate: 2026-05-09\n---\n# Strike day live\n\n${stamp('14:10')}In Belmore, 8,000 people are marching.\n\n${stamp('14:30')}In Tarsk, 6,000 people are marching.\n\n${stamp('17:05')}Nationwide, 12,500 people are marching.\n`;
    const live = await check({ 'a.md': doc((t) => `**${t}** – `) });
    expect(live.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    const report = await check({ 'a.md': doc(() => '') });
    expect(report.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
  });

  test('a list of labelled amounts must add up to the labelled total under it', async () => {
    const bad = await check({ 'a.md': 'Funding:\n\n- National government: €1.2 billion\n- European Union (Cohesion Fund): €450 million\n- City of Corvale: €1.5 billion\n- Total: €3.35 billion\n' });
    const f = bad.findings.filter((x) => x.rule === 'parts-sum');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/€3\.15 billion/);
    const ok = await check({ 'a.md': 'Funding:\n\n- National government: €1.2 billion\n- European Union: €650 million\n- City: €1.5 billion\n- Total: €3.35 billion\n' });
    expect(ok.findings).toHaveLength(0);
    expect(ok.checks.some((c) => c.rule === 'parts-sum')).toBe(true);
  });

  test('"Of the 396 people on board, …" lists parts of the 396', async () => {
    const bad = await check({ 'a.txt': 'Of the 396 people on board, 26 are confirmed dead, 118 were injured, four remain missing and 256 escaped unhurt.' });
    expect(bad.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'Of the 396 people on board, 26 are confirmed dead, 118 were injured, four remain missing and 248 escaped unhurt.' });
    expect(ok.findings).toHaveLength(0);
  });

  test('"Of the 40 rescued, 31 were flown out (22 to Orm and 9 to Tessel) and 9 left by boat": bracketed figures break down the part before them', async () => {
    const ok = await check({ 'a.txt': 'Of the 40 people rescued, 31 were flown out of the valley (22 to Orm and 9 to Tessel) and 9 left by boat.' });
    expect(ok.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    // (the parts outside the brackets are still checked against the total)
    const bad = await check({ 'a.txt': 'Of the 40 people rescued, 31 were flown out of the valley (22 to Orm and 9 to Tessel) and 19 left by boat.' });
    expect(bad.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
  });

  test('"Of the 31 arrested in the city, 19 have been charged; 38 were detained nationwide": a semicolon ends the breakdown', async () => {
    const ok = await check({ 'a.txt': 'Of the 31 people arrested in Velmar, 19 have been charged and 5 released; 38 people were detained across the country.' });
    expect(ok.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    const bad = await check({ 'a.txt': 'Of the 31 people arrested in Velmar, 19 have been charged and 15 released; 38 people were detained across the country.' });
    expect(bad.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
  });

  test('"Of the 26 men rescued, 21 were taken to hospital, and 16 of them are still there": a part of a part is no sibling', async () => {
    const r = await check({ 'a.txt': 'Of the 26 men rescued, 21 were taken to hospital, and 16 of them are still there, the hospital said.' });
    expect(r.findings).toHaveLength(0);
    expect(r.checks.map((c) => c.message)).toEqual(expect.arrayContaining(['21 is within 26', '16 is within 21']));
    // (and past a share set between them: "21 - four in five - …, and 16 of them")
    const aside = await check({ 'a.txt': 'Of the 26 men rescued, 21 - four in five - were taken to hospital, and 16 of them are still there, the hospital said.' });
    expect(aside.findings).toHaveLength(0);
    expect(aside.checks.map((c) => c.message)).toEqual(expect.arrayContaining(['16 is within 21', '21 of 26 is 80.8%, stated four in five']));
  });

  test('parts named before their total ("12 helicopters and 6 air tankers, 14 aircraft in all")', async () => {
    const bad = await check({ 'a.txt': 'The fire authority said 12 helicopters and 6 air tankers, 14 aircraft in all, were dropping water.' });
    expect(bad.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'Police deployed 300 officers and 50 dog handlers, 350 in all, around the stadium.' });
    expect(ok.findings).toHaveLength(0);
    expect(ok.checks.some((c) => c.rule === 'parts-sum')).toBe(true);
  });

  test('values labelled inside a bracket are no breakdown of the figure before it', async () => {
    const r = await check({ 'a.txt': 'New cases in week 38: 58 (week 37: 47; week 36: 39).' });
    expect(r.findings).toHaveLength(0);
  });

  test('a breakdown that does not add up to the total is flagged', async () => {
    const r = await check({ 'a.txt': 'In all, 1,400 firefighters are on the ground: 900 from the regional service, 350 from the army and 250 from other regions.' });
    const f = r.involving('1,400', '900', '350', '250');
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('parts-sum');
    expect(f[0]!.message).toMatch(/1,500/);
  });

  test('a breakdown that adds up passes', async () => {
    const r = await check({ 'a.txt': 'In all, 1,400 firefighters are on the ground: 900 from the regional service, 350 from the army and 150 from other regions.' });
    expect(r.findings).toHaveLength(0);
  });

  test('shares of one whole that pass 100% are flagged', async () => {
    const bad = await check({ 'a.txt': 'Europe generated 46% of revenue, the Americas 29% and Asia-Pacific 27%.' });
    expect(bad.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
    const good = await check({ 'a.txt': 'Europe generated 44% of revenue, the Americas 29% and Asia-Pacific 27%.' });
    expect(good.findings).toHaveLength(0);
  });

  test('shares that split one whole by what people did cannot pass 100%', async () => {
    const bad = await check({ 'a.txt': ['In schools, 58% of teachers struck, 38% worked normally and 9% were on leave, the ministry said.', '2025-10-03'] });
    expect(bad.findings.filter((f) => f.kind === 'sum')).toHaveLength(1);
    const ok = await check({ 'a.txt': ['In schools, 58% of teachers struck, 33% worked normally and 9% were on leave, the ministry said.', '2025-10-03'] });
    expect(ok.findings.filter((f) => f.kind === 'sum')).toHaveLength(0);
    // shares of different wholes are no partition
    const other = await check({ 'a.txt': ['Turnout was 61% in the north, 58% of voters backed the plan and 44% of women did.', '2025-10-03'] });
    expect(other.findings.filter((f) => f.kind === 'sum')).toHaveLength(0);
  });

  test('places that add up to more than the total are flagged', async () => {
    const r = await check({ 'a.txt': ['The death toll in Morvana rose to 112 on Wednesday, officials said. Of the dead, 71 were in Castelmoro and 47 in Verlano, officials said.', '2024-10-09'] });
    expect(r.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
  });

  test('city counts are parts of the same source\'s total, and a nationwide count is no part', async () => {
    // the police's city counts against the police total: fine; the union's total is another source's figure
    const rival = await check({ 'a.txt': ['Police said 118,000 people marched nationwide, and the union said 150,000 people marched. Police said 42,000 people marched in Aldreth, 18,000 people marched in Montel and 21,500 people marched in Brisso.', '2025-03-08'] });
    expect(rival.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    // the same figure for the capital and for its name is one part
    const same = await check({ 'a.txt': ['In all, 95,000 people marched. 42,000 people marched in Aldreth, 18,000 people marched in Montel and 42,000 people marched in the capital.', '2025-03-08'] });
    expect(same.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    const over = await check({ 'a.txt': ['In all, 50,000 people marched. 42,000 people marched in Aldreth, 18,000 people marched in Montel and 42,000 people marched in the capital.', '2025-03-08'] });
    expect(over.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
  });
});

describe('parts-sum: a place counted inside a larger whole, and parts set out of another figure', () => {
  const towns = 'Officers said 9,200 farmers marched in Dorvik, 7,800 farmers marched in Lessa and 6,900 farmers marched in Hammet.';
  test('a place the document also counts inside the nationwide whole is no total of the other places', async () => {
    const r = await check({ 'a.txt': [`Officers said 52,000 farmers marched nationwide. Officers said 14,500 farmers marched in the capital. ${towns}`, '2025-06-14'] });
    expect(r.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(0);
    // (without the nationwide whole the capital's count is read as their total, as before)
    const alone = await check({ 'a.txt': [`Officers said 14,500 farmers marched in the capital. ${towns}`, '2025-06-14'] });
    expect(alone.findings.filter((f) => f.rule === 'parts-sum')).toHaveLength(1);
  });

  test('a part set out of another figure of its sentence ("of whom") is no part of a different total', async () => {
    const r = await check({ 'a.txt': ['Officers said 20,000 farmers marched. Officers said 61,000 farmers marched, of whom 14,000 farmers marched in Vell. Officers said 7,800 farmers marched in Lessa and 6,900 farmers marched in Hammet.', '2025-06-14'] });
    expect(r.findings.filter((f) => f.rule === 'parts-sum' && f.message.includes('14,000 in Vell'))).toHaveLength(0);
    // (the same part told plainly is one of the total's parts, and they pass it)
    const plain = await check({ 'a.txt': ['Officers said 20,000 farmers marched. Officers said 14,000 farmers marched in Vell. Officers said 7,800 farmers marched in Lessa and 6,900 farmers marched in Hammet.', '2025-06-14'] });
    expect(plain.findings.filter((f) => f.rule === 'parts-sum' && f.message.includes('14,000 in Vell'))).toHaveLength(1);
  });
});

describe('rate: a rate times its period against a total', () => {
  test('a rate per 100,000 must be the count over the population the article gives', async () => {
    const bad = await check({ 'a.txt': 'The board has confirmed 412 cases since June. With a population of 1.38 million, the rate now stands at 39.9 cases per 100,000.' });
    const f = bad.findings.filter((x) => x.rule === 'rate-consistency');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/29\.9 per 100,000/);
    const ok = await check({ 'a.txt': 'The board has confirmed 412 cases since June. With a population of 1.38 million, the rate now stands at 29.9 cases per 100,000.' });
    expect(ok.findings).toHaveLength(0);
    expect(ok.checks.some((c) => c.rule === 'rate-consistency')).toBe(true);
  });

  test('a daily rate that fits the year-to-date total passes', async () => {
    const r = await check({ 'a.txt': ['The army has recruited 190,000 volunteers so far this year. It recruits about 1,000 volunteers a day.', '2024-07-04'] });
    expect(r.findings).toHaveLength(0);
    expect(r.checks.some((c) => c.rule === 'rate-consistency')).toBe(true);
  });

  test('a daily rate that does not fit is flagged', async () => {
    const r = await check({ 'a.txt': ['The army has recruited 90,000 volunteers so far this year. It recruits about 1,000 volunteers a day.', '2024-07-04'] });
    const f = r.findings.filter((x) => x.rule === 'rate-consistency');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/186 days/);
  });

  test('without a document date the period is unknown and nothing is flagged', async () => {
    const r = await check({ 'a.txt': 'The army has recruited 90,000 volunteers so far this year. It recruits about 1,000 volunteers a day.' });
    expect(r.findings).toHaveLength(0);
  });
});

describe('expression: a user rule over selected figures', () => {
  test('the example casualty rule fires when dead plus injured exceed the casualties', async () => {
    const set = await ruleSet(['examples/rules/casualty-arithmetic.yaml']);
    const bad = await check({ 'a.txt': 'Officials said 45 people were killed and 120 people were injured. The casualties totalled 150.' }, set);
    const f = bad.findings.filter((x) => x.rule === 'casualty-arithmetic');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('45 dead and 120 injured are more than the 150 casualties reported');
    const good = await check({ 'a.txt': 'Officials said 45 people were killed and 120 people were injured. The casualties totalled 165.' }, set);
    expect(good.findings.filter((x) => x.rule === 'casualty-arithmetic')).toHaveLength(0);
    expect(good.checks.some((c) => c.rule === 'casualty-arithmetic')).toBe(true);
  });

  test('the example crowd rule tolerates 25% between estimates and shows rival sources as info', async () => {
    const set = await ruleSet(['examples/rules/crowd-estimates.yaml']);
    const close = await check({
      'a.txt': ['Police said 10,000 protesters joined the march.', '2025-03-05'],
      'b.txt': ['Organisers said 12,000 protesters joined the march.', '2025-03-05'],
    }, set);
    expect(close.findings).toHaveLength(0);
    const far = await check({
      'a.txt': ['Police said 4,000 protesters joined the march.', '2025-03-05'],
      'b.txt': ['Organisers said 12,000 protesters joined the march.', '2025-03-05'],
    }, set);
    const f = far.involving('4,000', '12,000');
    expect(f).toHaveLength(1);
    expect(f[0]!.rule).toBe('crowd-estimates');
    expect(f[0]!.severity).toBe('info');
  });
});

describe('figures of one fact told apart and brought together', () => {
  test('a net profit named by one outlet and held by the other ("Net profit was …") is one fact', async () => {
    const r = await check({
      'a.md': ['Net profit was €1.71 billion in the third quarter.', '2025-10-23'],
      'b.txt': ['The group posted a net profit of €2.36 billion for the third quarter.', '2025-10-23'],
    });
    expect(r.involving('€1.71 billion', '€2.36 billion')).toHaveLength(1);
    const same = await check({
      'a.md': ['Net profit was €1.71 billion in the third quarter.', '2025-10-23'],
      'b.txt': ['The group posted an operating profit of €2.36 billion for the third quarter.', '2025-10-23'],
    });
    expect(same.involving('€1.71 billion', '€2.36 billion')).toHaveLength(0);
  });

  test('the code one document gives an invented currency reaches the others of the batch', async () => {
    const r = await check({
      'release.md': ['Amounts in Ardic lumens (LMN). Operating profit was LMN 2.36 billion in the third quarter.', '2025-10-23'],
      'blog.html': ['<html><body><article><p>Operating profit came in at 2.36bn lumens ($590m) in the third quarter.</p><p>At 142 lumens a share the stock is cheap.</p></article></body></html>', '2025-10-24'],
    });
    expect(r.claim('2.36bn lumens').unit).toBe('LMN');
    expect(r.claim('LMN 2.36 billion').unit).toBe('LMN');
  });

  test('a code or symbol one document gives its own florin reaches the florins and the codes of the others', async () => {
    const r = await check({
      'release.md': ['Amounts in Anskari florins (ANF). Net income was ANF 1.38 billion in 2025.', '2026-02-17'],
      'wire.txt': ['Net income dropped to 1.38 billion Anskari florins in 2025, and sales to 38.46 billion florins.', '2026-02-17'],
      'paper.html': ['<html><body><article><p>Net profit dropped to Fl1.83bn in 2025 (Fl is the Anskari florin).</p></article></body></html>', '2026-02-18'],
      'trade.html': ['<html><body><article><p>The programme will save ANF 900 million a year from 2028.</p></article></body></html>', '2026-02-19'],
    });
    expect(r.claim('1.38 billion Anskari florins').unit).toBe('ANF');
    expect(r.claim('38.46 billion florins').unit).toBe('ANF');
    expect(r.claim('Fl1.83bn').unit).toBe('ANF');
    expect(r.claim('ANF 900 million a year').unit).toBe('ANF');
    // the paper's transposed net profit is now compared with the others'
    expect(r.involving('Fl1.83bn', 'ANF 1.38 billion')).toHaveLength(1);
  });

  test('"a drop of 40%" after "from 25 … to 12" is the change between them', async () => {
    const r = await check({ 'a.txt': 'State safety inspections fell from 25 in 2022 to 12 in 2024, a drop of 40%.' });
    expect(r.involving('25', '12', '40%')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'State safety inspections fell from 25 in 2022 to 12 in 2024, a drop of 52%.' });
    expect(ok.findings).toHaveLength(0);
  });

  test('"Of those, …" breaks down the figure before it: a near-total breakdown must add up', async () => {
    const r = await check({ 'a.txt': 'The agency put the number of people evacuated at 9,300. Of those, 4,100 are from Brenholm, 3,200 from Lisk and 1,600 from Hennow.' });
    const f = r.findings.filter((x) => x.rule === 'parts-sum');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/8,900/);
    const ok = await check({ 'a.txt': 'The agency put the number of people evacuated at 9,300. Of those, 4,500 are from Brenholm, 3,200 from Lisk and 1,600 from Hennow.' });
    expect(ok.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
    // a breakdown of some of them only
    const some = await check({ 'a.txt': 'Hospitals treated 300 people. Of those, 40 are in critical condition and 12 in serious condition.' });
    expect(some.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
  });

  test('"Of the 112 men, 71 escaped and 38 were trapped": parts that nearly make the whole must make it', async () => {
    const r = await check({ 'a.txt': 'Of the 112 men on the shift, 71 escaped on foot and 38 were trapped.' });
    expect(r.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'Of the 109 men on the shift, 71 escaped on foot and 38 were trapped.' });
    expect(ok.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
  });
});

describe('more shapes of the same arithmetic', () => {
  test('"184 passengers and seven crew - 193 souls in all": a total after a dash must be the sum', async () => {
    const r = await check({ 'a.txt': 'The Airbus, with 184 passengers and seven crew - 193 souls in all - was 36,000ft above the sea.' });
    expect(r.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'The Airbus, with 184 passengers and seven crew - 191 souls in all - was 36,000ft above the sea.' });
    expect(ok.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
  });

  test('"168 passengers and 14 crew - 186 souls - aboard": a total set off by dashes must be the sum', async () => {
    const r = await check({ 'a.txt': 'The ferry had 168 passengers and 14 crew - 186 souls - aboard when it left port.' });
    expect(r.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'The ferry had 168 passengers and 14 crew - 182 souls - aboard when it left port.' });
    expect(ok.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
  });

  test('"312 - about a quarter - have been declared unsafe": a share between dashes is checked against its whole', async () => {
    const r = await check({ 'a.txt': 'Of the 1,840 buildings inspected so far, 312 - about a quarter - have been declared unsafe.' });
    expect(r.findings.filter((x) => x.rule === 'percentage-of')).toHaveLength(1);
    const ok = await check({ 'a.txt': 'Of the 1,840 buildings inspected so far, 312 - about one in six - have been declared unsafe.' });
    expect(ok.findings.filter((x) => x.rule === 'percentage-of')).toHaveLength(0);
  });

  test('a magnitude named by its noun and one written "magnitude 6.1" are one fact; an aftershock\'s is not', async () => {
    const r = await check({
      'a.txt': ['The institute put the magnitude at 5.9.', '2025-10-13'],
      'b.txt': ['The magnitude-6.3 earthquake struck before dawn.', '2025-10-13'],
    });
    expect(r.claim('5.9').unit).toBe('magnitude');
    expect(r.involving('5.9', 'magnitude-6.3')).toHaveLength(1);
    const after = await check({
      'a.txt': ['The institute put the magnitude at 5.9.', '2025-10-13'],
      'b.txt': ['More than 60 aftershocks followed, the strongest of them a magnitude 4.6.', '2025-10-13'],
    });
    expect(after.findings).toHaveLength(0);
  });

  test('people on board: "an airliner carrying 191 people made a landing" and "193 souls" are one count', async () => {
    const r = await check({
      'a.txt': ['An airliner carrying 191 people made an emergency landing on Saturday.', '2025-11-08'],
      'b.txt': ['The jet was carrying 193 souls when it landed on Saturday.', '2025-11-09'],
    });
    expect(r.claim('191').event).toBe('carry');
    expect(r.involving('191', '193')).toHaveLength(1);
  });
});

describe('tables closed by a total row', () => {
  const table = (total: string) => `# Arrests

| District | Arrests |
|---|---|
| Old Town | 17 |
| Harbour | 12 |
| Velde | 9 |
| Castel Hill | 3 |
| Total | ${total} |
`;

  test('the rows of each column must add up to the total row', async () => {
    const bad = await check({ 'a.md': [table('43'), '2025-05-10'] });
    const f = bad.findings.filter((x) => x.rule === 'parts-sum');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/41/);
    const ok = await check({ 'a.md': [table('41'), '2025-05-10'] });
    expect(ok.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
    expect(ok.checks.some((c) => c.rule === 'parts-sum' && c.status === 'pass')).toBe(true);
  });

  test('routes told apart by name in one sentence are rows, not rivals of the route named by none', async () => {
    const r = await check({
      'a.txt': ['The 7.4 km route wound from Mill Lane to the cathedral steps.', '2025-04-12'],
      'b.txt': ['The Harrowgate route was 4.1 km and the Quenby route 2.9 km (1.8 miles).', '2025-04-13'],
    });
    expect(r.claim('2.9 km').measure).toMatch(/Quenby route/);
    expect(r.involving('7.4 km', '4.1 km')).toHaveLength(0);
    expect(r.involving('7.4 km', '2.9 km')).toHaveLength(0);
    expect(r.involving('7.4 km', '1.8 miles')).toHaveLength(0);
    // (a route with no rival name beside it is still the route: "The route was 5.9 km" against the 7.4 km)
    const same = await check({
      'a.txt': ['The 7.4 km route wound from Mill Lane to the cathedral steps.', '2025-04-12'],
      'b.txt': ['The Harrowgate march followed a route of 5.9 km, organisers said.', '2025-04-13'],
    });
    expect(same.involving('7.4 km', '5.9 km')).toHaveLength(1);
  });

  test('a row of the breakdown is not the total reported elsewhere', async () => {
    const r = await check({
      'a.md': [table('41'), '2025-05-10'],
      'b.txt': ['Police arrested 41 people after clashes near the harbour.', '2025-05-10'],
    });
    expect(r.involving('17', '41')).toHaveLength(0);
    expect(r.findings.filter((x) => x.rule === 'cross-source-mismatch')).toHaveLength(0);
  });

  test('rows "of which …" break down the row above them, not the total', async () => {
    const subs = (total: string) => `# Subscribers (millions)

| Segment | 2025 |
|---|---|
| Mobile | 14.82 |
| of which postpaid | 6.14 |
| of which prepaid | 8.68 |
| Fixed broadband | 3.14 |
| of which fibre | 1.87 |
| Total | ${total} |
`;
    const ok = await check({ 'a.md': [subs('17.96'), '2026-02-26'] });
    expect(ok.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
    const bad = await check({ 'a.md': [subs('18.96'), '2026-02-26'] });
    expect(bad.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(1);
  });
});

describe('a toll broken down by place after a colon', () => {
  test('"12 dead: seven in A, three in B and one in C" must add up; the parts are no rival tolls', async () => {
    const r = await check({ 'a.txt': ['NEMA says 12 people are now confirmed dead: seven in Ambry province, three in Calloway and one in Derrin.\n\nToll rises to nine.', '2025-09-18'] });
    const sum = r.findings.filter((x) => x.rule === 'parts-sum');
    expect(sum).toHaveLength(1);
    expect(sum[0]!.message).toMatch(/11, not the 12/);
    expect(r.claim('one').unit).toBe('count');
    expect(r.involving('seven', 'nine')).toHaveLength(0);
    const ok = await check({ 'a.txt': ['NEMA says 12 people are now confirmed dead: eight in Ambry province, three in Calloway and one in Derrin.', '2025-09-18'] });
    expect(ok.findings.filter((x) => x.rule === 'parts-sum')).toHaveLength(0);
  });
});

describe('two reports of one day, ordered by the hour each was published', () => {
  const wire = (n: string) => `NEWS WIRE - Transport\nPublished 08/11/2025 14:22 CET\n\nJet lands after cabin scare\n\nLANMOUTH, Nov 8 (NW) - ${n} people were injured when passengers left a jet down its emergency slides at Lanmouth airport, the airline said.`;
  const paper = (n: string) => `LANMOUTH GAZETTE\nBy Hanne Lysgaard | Saturday 8 November 2025, 17:45\n\nSlides scare at the airport\n\n${n} people were injured when passengers left a jet down its emergency slides at Lanmouth airport, the fire service said.`;
  test('a larger count in the later report is an update of the earlier one', async () => {
    const r = await check({ 'wire.txt': wire('Fourteen'), 'gazette.txt': paper('Seventeen') });
    expect(r.involving('Fourteen', 'Seventeen')).toEqual([]);
  });
  test("a live report's entry stamped after the wire went out may give a larger count", async () => {
    const live = (n: string) => `Storm live\n\nSaturday 8 November 2025\n\n09:10 — The airport has reopened.\n\n12:30 — Trains are running again.\n\n16:05 — The fire service now says ${n} people were injured when passengers left a jet down its emergency slides at Lanmouth airport.`;
    expect((await check({ 'wire.txt': wire('Fourteen'), 'live.md': live('17') })).involving('Fourteen', '17')).toEqual([]);
    expect((await check({ 'wire.txt': wire('Seventeen'), 'live.md': live('12') })).involving('Seventeen', '12').length).toBe(1);
  });
  test('a smaller count in the later report of a count that only grows is flagged', async () => {
    const r = await check({ 'wire.txt': wire('Seventeen'), 'gazette.txt': paper('Fourteen') });
    expect(r.involving('Seventeen', 'Fourteen').length).toBe(1);
  });
});

describe('counts that go up and down', () => {
  test('people missing in an undated report are not set against a dated count', async () => {
    const r = await check({
      'a.txt': ['Nine people were confirmed dead and 31 were missing on Sunday after the ferry capsized.', '2025-05-18'],
      'b.txt': 'The coast guard says 13 people have died and 29 are missing after the ferry capsized.',
    });
    expect(r.involving('31', '29')).toHaveLength(0);
    // two dated reports of one moment still disagree
    const same = await check({
      'a.txt': ['The coast guard said 31 people were missing on Sunday after the ferry capsized.', '2025-05-18'],
      'b.txt': ['The coast guard said 25 people were missing on Sunday after the ferry capsized.', '2025-05-18'],
    });
    expect(same.involving('31', '25')).toHaveLength(1);
  });
});

describe('one report, two days', () => {
  test('a measure that goes up and down, given for two days in one report, is two readings', async () => {
    const r = await check({ 'a.txt': ['The spare capacity of the grid is 2.2 GW today. On 14 July the spare capacity of the grid was 2.7 GW.', '2025-07-15'] });
    expect(r.involving('2.2 GW', '2.7 GW')).toHaveLength(0);
  });
  test('but two figures of one day still conflict, in one report or in two', async () => {
    const same = await check({ 'a.txt': ['The spare capacity of the grid is 2.2 GW today. Earlier today the spare capacity of the grid was 2.7 GW.', '2025-07-15'] });
    expect(same.involving('2.2 GW', '2.7 GW')).toHaveLength(1);
    const two = await check({ 'a.txt': ['On 14 July the spare capacity of the grid was 2.7 GW.', '2025-07-15'], 'b.txt': ['On 14 July the spare capacity of the grid was 2.2 GW.', '2025-07-15'] });
    expect(two.involving('2.7 GW', '2.2 GW')).toHaveLength(1);
  });
});

describe('survivors pulled from the rubble', () => {
  test('are a count so far: a later report\'s larger count is an update, a smaller one is flagged', async () => {
    const day1 = ['Rescuers had pulled 19 people alive from the rubble of the hotel by Sunday evening.', '2026-05-10'] as [string, string];
    const up = await check({ 'a.txt': day1, 'b.txt': ['In all, 31 people have been pulled alive from the rubble of the hotel.', '2026-05-12'] });
    expect(up.involving('19', '31')).toHaveLength(0);
    const down = await check({ 'a.txt': day1, 'b.txt': ['In all, 12 people have been pulled alive from the rubble of the hotel.', '2026-05-12'] });
    expect(down.involving('19', '12')).toHaveLength(1);
  });
});

describe('a count so far in a report of unknown date', () => {
  test('is not set against another report\'s count: which came first is not known', async () => {
    const r = await check({
      'wire.txt': 'Police said 18 people had been arrested after the march through Dunmere.',
      'summary.txt': ['Police said 26 people were arrested after the march through Dunmere on Saturday.', '2025-04-13'],
    });
    expect(r.involving('18', '26')).toHaveLength(0);
  });
  test('two dated reports still conflict, and so do a count and a measure that does not grow', async () => {
    const dated = await check({
      'wire.txt': ['Police said 18 people had been arrested after the march through Dunmere on Saturday.', '2025-04-12'],
      'summary.txt': ['Police said 11 people were arrested after the march through Dunmere on Saturday.', '2025-04-13'],
    });
    expect(dated.involving('18', '11')).toHaveLength(1);
    const route = await check({
      'wire.txt': 'The march through Dunmere followed a 4.2 km route.',
      'summary.txt': ['The march through Dunmere followed a 6.1 km route.', '2025-04-13'],
    });
    expect(route.involving('4.2 km', '6.1 km')).toHaveLength(1);
  });
});

describe('a table of briefings', () => {
  test('the rows of a rising toll are updates of each other, not a conflict', async () => {
    const text = '# Briefings\n\n| Briefing | Dead | Missing |\n|---|---|---|\n| Mon 16 June, 09:00 | 4 | 12 |\n| Mon 16 June, 18:00 | 7 | 8 |\n| Tue 17 June, 10:00 | 9 | 6 |\n';
    const r = await check({ 'a.md': [text, '2025-06-18'] });
    expect(r.findings.filter((x) => x.rule === 'cross-source-mismatch')).toHaveLength(0);
  });
});

describe('restated figures', () => {
  test('"€3.36bn" for a table\'s 3,364 (€ million) restates it; "220,000" for 222,000 is flagged as a rounding', async () => {
    const r = await check({
      'a.md': ['# Results\n\nRevenue by division (€m)\n\n| Division | 2024 |\n|---|---|\n| Home Appliances | 3,364 |\n| Climate | 1,838 |\n', '2025-02-27'],
      'b.txt': ['Home Appliances revenue was €3.36bn in 2024.', '2025-02-28'],
    });
    expect(r.findings).toHaveLength(0);
    const seed = await check({
      'a.txt': ['The ministry said 222,000 reservists had been mobilised.', '2025-03-01'],
      'b.txt': ['The ministry said 220,000 reservists had been mobilised.', '2025-03-01'],
    });
    expect(seed.involving('222,000', '220,000')).toHaveLength(1);
  });

  test('"1.43 billion euros" for "€1,429 million" restates it (a decimal before a scale word); "14,400" for 14,350 is a rounding', async () => {
    const r = await check({
      'a.txt': ['Profit before tax rose 16% to €1,429 million.', '2025-10-30'],
      'b.txt': ['Profit before tax was 1.43 billion euros, up 16%.', '2025-10-30'],
    });
    expect(r.involving('€1,429 million', '1.43 billion euros')).toHaveLength(0);
    const counts = await check({
      'a.txt': ['A total of 14,350 people spent Friday night in shelters, the emergency office said.', '2025-09-28'],
      'b.txt': ['In all, 14,400 people spent Friday night in shelters, the emergency office said.', '2025-09-28'],
    });
    expect(counts.involving('14,350', '14,400')).toHaveLength(1);
    // (however many digits the rounded figure keeps: "31,500" for 31,460)
    const evacuated = await check({
      'a.txt': ['A total of 31,460 people have been evacuated, the emergency office said.', '2025-10-20'],
      'b.txt': ['In all, 31,500 people have been evacuated, the emergency office said.', '2025-10-20'],
    });
    expect(evacuated.involving('31,460', '31,500')).toHaveLength(1);
  });
});

describe('a figure its own report corrects', () => {
  test('"Correction: … not the figure we gave at 07:04" withdraws the earlier figure; without the correction the two conflict', async () => {
    const live = (fix: string) => `Markets live\n\n07:04 Net profit was 1.49bn crowns in the third quarter, according to the statement.\n\n07:20 ${fix}`;
    const wire = 'Net profit for July to September came in at 1.94 billion crowns, the company said.';
    const corrected = await check({ 'live.txt': [live('Correction: net profit was 1.94bn crowns, not the figure we gave at 07:04.'), '2025-11-04'], 'wire.txt': [wire, '2025-11-04'] });
    expect(corrected.involving('1.49bn')).toEqual([]);
    const uncorrected = await check({ 'live.txt': [live('Shares opened higher.'), '2025-11-04'], 'wire.txt': [wire, '2025-11-04'] });
    expect(uncorrected.involving('1.49bn', '1.94 billion').length).toBe(1);
  });
  test('"not 1.49bn as first reported" withdraws the figure it names', async () => {
    const r = await check({
      'a.txt': ['Net profit was 1.94bn crowns in the third quarter, not 1.49bn as first reported.', '2025-11-04'],
      'b.txt': ['Net profit rose to 1.94 billion crowns in the third quarter.', '2025-11-04'],
    });
    expect(r.involving('1.49bn')).toEqual([]);
  });
});

describe('the months of the year so far, named in passing', () => {
  test('"over nine months … revenue of 42.95bn" is not the quarter\'s revenue; the quarter\'s own figures still conflict', async () => {
    const report = '# Third-quarter results\n\nRevenue rose 5.6% to 14.62 billion crowns in the third quarter.\n\nOver nine months the picture is similar: revenue of 42.95bn crowns, up 5.1%.';
    const r = await check({ 'a.md': [report, '2025-11-04'], 'b.txt': ['Third-quarter revenue was 14.62bn crowns, the company said.', '2025-11-04'] });
    expect(r.claim('42.95bn').time?.start).toBe('2025-01-01');
    expect(r.involving('42.95bn')).toEqual([]);
    const wrong = await check({ 'a.md': [report, '2025-11-04'], 'b.txt': ['Third-quarter revenue was 14.26bn crowns, the company said.', '2025-11-04'] });
    expect(wrong.involving('14.62 billion', '14.26bn').length).toBe(1);
  });
});

describe('crowds told in other words', () => {
  test('"poured onto the streets" and "took to the streets" are the march the police counted', async () => {
    const r = await check({
      'a.txt': ['The interior ministry said 412,000 people marched across the country on Thursday.', '2025-10-09'],
      'b.txt': ['A staggering 1.3 million people poured onto the streets across the country on Thursday, the unions said.', '2025-10-09'],
      'c.txt': ['Unions said 1.1 million people took to the streets across the country on Thursday.', '2025-10-09'],
    });
    expect(r.involving('412,000', '1.3 million').length).toBe(1);
    expect(r.involving('412,000', '1.1 million').length).toBe(1);
    // (but a storm that poured rain, or a company that took a charge, is no march)
    const other = await check({
      'a.txt': ['The interior ministry said 412,000 people marched across the country on Thursday.', '2025-10-09'],
      'b.txt': ['About 1.3 million people took a day off work across the country on Thursday, the unions said.', '2025-10-09'],
    });
    expect(other.involving('412,000', '1.3 million')).toEqual([]);
  });

  test('people with no verb of their own in a sentence about the crowd ("on the streets", "the march") are the crowd', async () => {
    const r = await check({
      'a.txt': ['Police said 27,000 people marched through Dovrel on Saturday.', '2025-06-14'],
      'b.txt': ['Organisers put the march at 70,000 people on Saturday.', '2025-06-14'],
      'c.txt': ['By the afternoon there were 55,000 people on the streets of Dovrel, an independent counting firm said on Saturday.', '2025-06-14'],
    });
    expect(r.involving('27,000', '70,000')).toHaveLength(1);
    expect(r.involving('27,000', '55,000')).toHaveLength(1);
    // (people of no crowd are not the crowd, nor are a handful: "three people per square metre")
    const other = await check({
      'a.txt': ['Police said 27,000 people marched through Dovrel on Saturday.', '2025-06-14'],
      'b.txt': ['The Dovrel plant employs 70,000 people, the company said on Saturday.', '2025-06-14'],
      'c.txt': ['Police said 300 people marched through Dovrel on Saturday.', '2025-06-14'],
      'd.txt': ['The march was packed at three people per square metre on Saturday.', '2025-06-14'],
    });
    expect(other.involving('27,000', '70,000')).toEqual([]);
    expect(other.involving('300', 'three')).toEqual([]);
  });

  test('a table column named by its counter beside a "Police count" column counts the same crowd', async () => {
    const table = (first: string) => `## Turnout by town\n\n| Town | ${first} | Police count |\n|---|---|---|\n| Brisk | 30,500 | 12,400 |\n| Olmen | 9,800 | 4,300 |\n`;
    const prose = ['Police said 12,400 people marched in Brisk on Sunday.', '2025-09-21'] as [string, string];
    const r = await check({ 'a.md': [table("Farmers' league count"), '2025-09-21'], 'b.txt': prose });
    expect(r.involving('30,500', '12,400')).not.toHaveLength(0);
    // (a column that counts something else keeps its own head: "Tractors" are no crowd)
    const other = await check({ 'a.md': [table('Tractors'), '2025-09-21'], 'b.txt': prose });
    expect(other.involving('30,500', '12,400')).toEqual([]);
  });

  test("a table's total row is the count another source gives for the whole event, not for one place of it", async () => {
    const table = '## Saturday\'s marches\n\n| Town | Police count |\n|---|---|\n| Harlow | 14,200 |\n| Derwent | 6,900 |\n| Tansy | 4,300 |\n| Total | 25,400 |\n';
    const r = await check({
      'a.md': [table, '2025-05-04'],
      'b.txt': ['Across the country, the union said 70,000 people marched on Saturday.', '2025-05-04'],
    });
    expect(r.involving('25,400', '70,000')).not.toHaveLength(0);
    // (a figure told for one town is a part of the total, not a rival of it)
    const part = await check({
      'a.md': [table, '2025-05-04'],
      'b.txt': ['The union said 30,000 people marched in Harlow on Saturday.', '2025-05-04'],
    });
    expect(part.involving('25,400', '30,000')).toEqual([]);
  });

  test("a table's row named for a place and a figure told for that place alone are one fact", async () => {
    const table = '# Saturday\'s marches\n\n| City | Police count |\n|---|---|\n| Dovrel | 16,500 |\n| Ambel | 4,100 |\n| Total | 20,600 |\n';
    const r = await check({
      'a.md': [table, '2025-06-14'],
      'b.txt': ['The organisers said 48,000 people marched in Dovrel on Saturday.', '2025-06-14'],
    });
    expect(r.involving('16,500', '48,000')).toHaveLength(1);
    // (a figure told for a list of places is not the first place's)
    const other = await check({
      'a.md': [table, '2025-06-14'],
      'b.txt': ['The organisers said 48,000 people marched in Dovrel, Ambel and Kessel on Saturday.', '2025-06-14'],
    });
    expect(other.involving('16,500', '48,000')).toEqual([]);
  });

  test('a bare count "on the streets", or in a line of police counts, is the crowd', async () => {
    const r = await check({
      'a.txt': ['Police said 27,000 people marched through Dovrel on Saturday.', '2025-06-14'],
      'b.txt': ['Organisers said there were 80,000 on the streets of Dovrel on Saturday.', '2025-06-14'],
      'c.txt': ['The latest police counts on Saturday: 16,500 in Dovrel and 4,100 in Ambel.', '2025-06-14'],
      'd.txt': ['Organisers said 12,000 people marched in Ambel on Saturday.', '2025-06-14'],
    });
    expect(r.involving('27,000', '80,000')).toHaveLength(1);
    expect(r.involving('4,100', '12,000')).toHaveLength(1);
    // (a bare count in a sentence of no crowd stays a bare count)
    const other = await check({
      'a.txt': ['Police said 27,000 people marched through Dovrel on Saturday.', '2025-06-14'],
      'b.txt': ['The Dovrel stadium holds 80,000, its owners said on Saturday.', '2025-06-14'],
    });
    expect(other.involving('27,000', '80,000')).toEqual([]);
  });
});

describe('the window of a measurement', () => {
  test('"in the 12 hours to 9 a.m." and "in just 24 hours" are windows of rain totals, not rival durations', async () => {
    const r = await check({
      'a.txt': ['More than 200 mm of rain had fallen at Holm Bay in the 12 hours to 9 a.m., the weather service said.', '2025-09-09'],
      'b.txt': ['A record 412mm of rain fell on Holm Bay in just 24 hours, the weather service said.', '2025-09-09'],
    });
    expect(r.involving('12 hours', '24 hours')).toEqual([]);
  });
});

describe('a share of a sum of money', () => {
  test('"raked in €8.14bn - more than 60% of the group\'s €14.62bn" is checked: 55.7% is not more than 60%', async () => {
    const r = await check({ 'a.txt': ["The mobile arm raked in €8.14bn - more than 60% of the group's €14.62bn takings.", '2025-11-05'] });
    expect(r.involving('more than 60%', '€8.14bn').length).toBe(1);
    const half = await check({ 'a.txt': ["The mobile arm raked in €8.14bn - more than half of the group's €14.62bn takings.", '2025-11-05'] });
    expect(half.findings).toEqual([]);
    const fair = await check({ 'a.txt': ["The mobile arm raked in €8.14bn - nearly 56% of the group's €14.62bn takings.", '2025-11-05'] });
    expect(fair.findings).toEqual([]);
  });
});

describe('a part of the day and a clock within it', () => {
  test('"by Sunday evening 17 had died" and the 7 p.m. briefing\'s 19 are one reading that disagrees', async () => {
    const r = await check({
      'a.txt': ['At its 7 p.m. briefing on Sunday, the emergency directorate said the number of dead had risen to 19.', '2025-10-19'],
      'b.txt': ['The floods kept rising all weekend. By Sunday evening 17 people had died.', '2025-10-21'],
    });
    expect(r.involving('19', '17').length).toBe(1);
    // (but a morning clock is no evening)
    const morning = await check({
      'a.txt': ['At its 9 a.m. briefing on Sunday, the emergency directorate said the number of dead had risen to 17.', '2025-10-19'],
      'b.txt': ['The floods kept rising all weekend. By Sunday evening 19 people had died.', '2025-10-21'],
    });
    expect(morning.involving('17', '19')).toEqual([]);
  });
});

describe('a change whose new level is a bound', () => {
  test('"soared 150% … from 38,000 to nearly 85,000" is flagged (at most +124%); a change the figures allow passes', async () => {
    const r = await check({ 'a.txt': ['Evacuations soared 150% in two days, from 38,000 on Monday night to nearly 85,000, the agency said.', '2025-09-11'] });
    expect(r.involving('150%', 'nearly 85,000').length).toBe(1);
    const fits = await check({ 'a.txt': ['Evacuations soared 120% in two days, from 38,000 on Monday night to nearly 85,000, the agency said.', '2025-09-11'] });
    expect(fits.findings).toEqual([]);
  });
});

describe('a change told after both of its levels', () => {
  test('"rose to A from B, an increase of R%" beside another amount: a wrong R is flagged, a right one passes', async () => {
    const r = await check({ 'a.txt': ['Turnover came in at almost 5 billion euros, while operating profit rose to 412 million euros from 380 million, an increase of 12.4%, the group said.', '2025-07-30'] });
    expect(r.involving('12.4%', '380 million').length).toBe(1);
    const fits = await check({ 'a.txt': ['Turnover came in at almost 5 billion euros, while operating profit rose to 412 million euros from 380 million, an increase of 8.4%, the group said.', '2025-07-30'] });
    expect(fits.findings).toEqual([]);
  });
});

describe('a verb that only says how a toll was got', () => {
  test('"12 deaths had been confirmed" is the toll: another toll of that evening is compared with it', async () => {
    const r = await check({ 'a.txt': ['The death toll stood at 14 on Tuesday evening, the fire service said.', '2025-09-16'], 'b.txt': ['By Tuesday evening, 12 deaths had been confirmed, the fire service said.', '2025-09-16'] });
    expect(r.involving('14', '12').length).toBe(1);
  });
  test('a subject that confirmed the deaths keeps its verb: "Officials had confirmed 12 deaths" is not compared', async () => {
    const r = await check({ 'a.txt': ['The death toll stood at 14 on Tuesday evening, the fire service said.', '2025-09-16'], 'b.txt': ['Officials had confirmed 12 deaths by Tuesday evening.', '2025-09-16'] });
    expect(r.involving('14', '12')).toEqual([]);
  });
});

describe('verbs of one direction', () => {
  test('"fell … to 941 hPa" and "plunged to 914 millibars" tell one fall; a rise to another value is another moment', async () => {
    const r = await check({
      'a.txt': ['The central pressure fell 17 hectopascals in 12 hours, from 958 hPa to 941 hPa, the lowest reading of the storm.', '2025-09-09'],
      'b.txt': ['Its central pressure plunged to 914 millibars, weather boffins said, one of the lowest ever recorded in our waters.', '2025-09-11'],
    });
    expect(r.involving('941 hPa', '914 millibars').length).toBe(1);
    const rise = await check({
      'a.txt': ['The central pressure fell 17 hectopascals in 12 hours, from 958 hPa to 941 hPa, the lowest reading of the storm.', '2025-09-09'],
      'b.txt': ['Its central pressure rose to 962 millibars as it weakened over land, forecasters said.', '2025-09-11'],
    });
    expect(rise.involving('941 hPa', '962 millibars')).toEqual([]);
  });
});

describe('a currency one report defines, named by its word in another', () => {
  test('"14.85 billion crowns" in a paper is an amount in the crowns the report defines (Caldric crowns, CDK)', async () => {
    const report = 'Amounts in Caldric crowns (CDK). Net debt was CDK 14.58 billion at 30 June 2026, against CDK 15.1 billion a year earlier.';
    const r = await check({ 'report.txt': [report, '2026-07-30'], 'paper.txt': ['Net debt was 14.85 billion crowns at the end of June, the company said.', '2026-07-31'] });
    // (the paper is read again with the report's currency known: the word is part of the amount)
    expect(r.claim('14.85 billion crowns').unit).toBe('CDK');
    expect(r.claim('14.85 billion crowns').dimension).toBe('currency');
    // (crowns of no currency the run defines stay a count of crowns)
    const other = await check({ 'paper.txt': ['The jeweller sold 14.85 billion crowns worth of rings, it said.', '2026-07-31'] });
    expect(other.claims[0]!.unit).not.toBe('CDK');
  });
});

describe('rival estimates of a sum', () => {
  test("two named sources' damage estimates are rivals, not readings of the day on the way up", async () => {
    const text = "Situation report.\n\nOn Monday evening the finance ministry put direct damage at €1.8 billion.\n\nThe economic institute puts direct damage at €3.2 billion to €3.6 billion.";
    const r = await check({ 'a.txt': [text, '2025-10-20'] });
    expect(r.involving('€1.8 billion', '€3.2 billion to €3.6 billion').length).toBe(1);
  });
});

describe('whole months are a period of their own', () => {
  test('a "First nine months" section\'s net profit is no rival of "July to September"\'s', async () => {
    const report = '# Interim report\n\n## Third quarter\n\nNet profit rose 13.5% to €1.94 billion.\n\n## First nine months (January-September 2025)\n\nNet profit for the period rose 10.7% to €5.38 billion from €4.86 billion.';
    const r = await check({ 'a.md': [report, '2025-11-04'], 'b.txt': ['Net profit for July to September came in at €1.94 billion, the company said.', '2025-11-04'] });
    expect(r.involving('€5.38 billion', '€1.94 billion')).toEqual([]);
    const wrong = await check({ 'a.md': [report, '2025-11-04'], 'b.txt': ['Net profit for January to September came in at €5.83 billion, the company said.', '2025-11-04'] });
    expect(wrong.involving('€5.38 billion', '€5.83 billion').length).toBe(1);
  });

  test('a change of profit is not checked against the levels of revenue in its sentence', async () => {
    const r = await check({ 'a.txt': ["The firm's profits leapt 13.5% over the summer, while its revenue swelled to €14.62bn, up from €13.85bn.", '2025-11-05'] });
    expect(r.findings).toEqual([]);
    const rev = await check({ 'a.txt': ["The firm's revenue leapt 13.5% over the summer to €14.62bn, up from €13.85bn.", '2025-11-05'] });
    expect(rev.findings.length).toBe(1);
  });
});

describe('evacuation centres open and close', () => {
  test('312 centres open one day and 318 the next are an update; two counts of one day still conflict', async () => {
    const say = (n: string) => `The disaster office said ${n} evacuation centres were open across the province.`;
    const days = await check({ 'a.txt': [say('312'), '2025-09-09'], 'b.txt': [say('318'), '2025-09-10'] });
    expect(days.involving('312', '318')).toEqual([]);
    const same = await check({ 'a.txt': [say('312'), '2025-09-09'], 'b.txt': [say('318'), '2025-09-09'] });
    expect(same.involving('312', '318').length).toBe(1);
  });
});

describe('homes and households are one counted thing', () => {
  test('131,000 households and 121,000 homes without power at the same hour conflict; homes flooded and households paid do not', async () => {
    const r = await check({
      'a.txt': ['At 7 p.m. on Monday, 131,000 households in the region were without power.', '2026-01-19'],
      'b.txt': ['The utility said 121,000 homes were without power at 7 p.m. on Monday.', '2026-01-19'],
    });
    expect(r.involving('131,000', '121,000').length).toBe(1);
    const other = await check({
      'a.txt': ['More than 6,000 homes and 18,000 hectares of farmland were flooded.', '2025-10-21'],
      'b.txt': ['So far, 4,870 households have received the emergency payment.', '2025-10-21'],
    });
    expect(other.involving('More than 6,000', '4,870')).toEqual([]);
  });
});

describe('a live report read at its newest entry, counts of the day so far, the hour of a briefing, a peak', () => {
  const live = (head: string) => [
    '<html><head><title>Storm live</title></head><body><article>',
    `<h1>${head}</h1>`,
    '<p>22:15</p><p>The regional office says 61 roads were closed at 8 p.m.</p>',
    '<p>19:25</p><p>The utility says 121,000 homes were without power at 7 p.m.</p>',
    '<p>08:15</p><p>The utility says 84,000 homes are without power.</p>',
    '</article></body></html>',
  ].join('\n');
  const wire = (n: string) => `19 Jan 2026 11:40 CET\n\nStorm cuts power\n\nThe blizzard cut power to ${n} homes across the coast on Monday morning, the utility said.`;
  test("a live report's headline is its latest news: above a wire's morning count it is an update", async () => {
    const up = await check({ 'a.txt': [wire('84,000'), '2026-01-19'], 'b.html': [live('Storm live: 121,000 homes without power'), '2026-01-19'] });
    expect(up.involving('84,000', '121,000').filter((f) => f.claims.length && f.message.includes('121,000'))).toEqual([]);
  });
  test('"540 flights were cancelled today" at 16:30 and a wire\'s "about 400 so far" at 11:40 are readings of one day', async () => {
    const r = await check({
      'a.txt': ['19 Jan 2026 11:40 CET\n\nFlights\n\nThe aviation authority said about 400 flights had been cancelled nationwide so far.', '2026-01-19'],
      'b.html': [['<html><body><article><h1>Live</h1>', '<p>18:05</p><p>The aviation authority says 610 flights were cancelled nationwide today.</p>', '<p>16:30</p><p>The aviation authority says 540 flights were cancelled nationwide today.</p>', '<p>10:50</p><p>Ferries are cancelled.</p>', '</article></body></html>'].join('\n'), '2026-01-19'],
    });
    expect(r.involving('about 400', '540')).toEqual([]);
  });
  test('unchanged: a toll "at its 6 p.m. briefing" is read at 6 p.m. and still conflicts with a live headline read later', async () => {
    const r = await check({
      'a.html': [['<html><body><article><h1>Storm live: death toll rises to 12</h1>', '<p>21:10</p><p>The agency says 12 people are now confirmed dead.</p>', '<p>17:45</p><p>Power is back for many.</p>', '<p>15:20</p><p>The storm is weakening.</p>', '</article></body></html>'].join('\n'), '2025-10-16'],
      'b.txt': ['16 Oct 2025 21:45\n\nToll rises\n\nThe death toll rose to 14 on Thursday, the agency said at its 6 p.m. briefing.', '2025-10-16'],
    });
    expect(r.involving('12', '14').length).toBeGreaterThan(0);
  });
  test('"131,000 households at the peak" holds any lower count of the storm; a higher one conflicts', async () => {
    const say = (n: string) => `The storm cut power to ${n} homes across the region on Monday morning, the utility said.`;
    const low = await check({ 'a.txt': [say('84,000'), '2026-01-19'], 'b.txt': ['The regional count, 131,000 households at the peak, covers every grid.', '2026-01-20'] });
    expect(low.involving('84,000', '131,000')).toEqual([]);
    const high = await check({ 'a.txt': [say('140,000'), '2026-01-19'], 'b.txt': ['The regional count, 131,000 households at the peak, covers every grid.', '2026-01-20'] });
    expect(high.involving('140,000', '131,000').length).toBe(1);
  });
});

describe('"At the height of …, N": a peak told before the figure', () => {
  const peak = (n: string) => `At the height of the search on Friday evening, ${n} volunteers were combing the woods, the police said.`;
  test('holds any lower count of the same day; a higher count still conflicts', async () => {
    const now = (n: string) => `The police now have ${n} volunteers combing the woods.`;
    const low = await check({ 'a.txt': [now('380'), '2026-05-08'], 'b.txt': [peak('450'), '2026-05-09'] });
    expect(low.involving('380', '450')).toEqual([]);
    const high = await check({ 'a.txt': [now('520'), '2026-05-08'], 'b.txt': [peak('450'), '2026-05-09'] });
    expect(high.involving('520', '450').length).toBe(1);
  });
});

describe('the half a quarter ends, and counts under a heading that names a period', () => {
  test('"revenue for the half rose 8.9%" in a second-quarter story is the first half, not the quarter', async () => {
    const r = await check({
      'a.txt': ['Second-quarter results\n\nIn the second quarter, revenue rose 9.2% to 10.35 billion crowns.', '2026-07-23'],
      'b.txt': ['Q2 results\n\nThe airline reported its second-quarter results on Thursday. Revenue for the half rose 8.9% to 18.40 billion crowns.', '2026-07-23'],
    });
    expect(r.claim('8.9%').time?.start).toBe('2026-01-01');
    expect(r.involving('9.2%', '8.9%')).toEqual([]);
  });
  test('a count in a "second quarter" section and one in a "first half" section are two periods; two second quarters still conflict', async () => {
    const report = (q2: string) => `# Interim report\n\n## The second quarter (April-June 2026) in brief\n\n- The airline carried ${q2} passengers, 6.5% more than a year earlier.\n- Revenue rose 9.2% to OKC 10.35 billion.\n\n## The first half (January-June 2026) in brief\n\n- 17.6 million passengers, up 5.4%.\n- Revenue of OKC 18.40 billion, up 8.9%.\n`;
    const r = await check({ 'a.md': [report('9.8 million'), '2026-07-23'] });
    expect(r.involving('9.8 million', '17.6 million')).toEqual([]);
    const two = await check({ 'a.md': [report('9.8 million'), '2026-07-23'], 'b.txt': ['The airline carried 9.1 million passengers in the second quarter.', '2026-07-23'] });
    expect(two.involving('9.8 million', '9.1 million').length).toBe(1);
  });
});

describe('two amounts of one change share a precision', () => {
  test('"boosted its fund to 65 million, up 75% from 40 million" is a change of 62.5%; "up 63%" holds', async () => {
    const bad = await check({ 'a.txt': 'The government has boosted its emergency fund to 65 million euros, up 75% from 40 million.' });
    expect(bad.involving('75%').length).toBe(1);
    const ok = await check({ 'a.txt': 'The government has boosted its emergency fund to 65 million euros, up 63% from 40 million.' });
    expect(ok.involving('63%')).toEqual([]);
  });
});

describe('the base of a change named after "on"', () => {
  test('"120,000, up 50% on the 70,000 it claimed then" is a rise of 71%; "4.2 billion, up 12% on last year\'s 3.75 billion" holds', async () => {
    const bad = await check({ 'a.txt': "The union's own count for the capital, 120,000, was up 50% on the 70,000 it claimed then." });
    expect(bad.involving('50%').length).toBe(1);
    expect(bad.claim('70,000').role).toBe('history');
    const ok = await check({ 'a.txt': "Sales were 4.2 billion euros, up 12% on last year's 3.75 billion." });
    expect(ok.involving('12%')).toEqual([]);
    expect(ok.claim('3.75 billion').role).toBe('history');
  });
});

describe('the station of a reading', () => {
  test('"a gust of 163 km/h (101 mph) at Vik Point" is of Vik Point, its conversion too, and not of a table row for Karsby', async () => {
    const r = await check({
      'a.txt': ['The institute confirmed a gust of 163 km/h (101 mph) at Vik Point at 17:40.', '2026-01-19'],
      'b.md': ['# Storm report\n\n| Station | Highest gust (km/h) |\n|---|---|\n| Karsby | 118 |\n| Tollmere | 96 |\n', '2026-01-19'],
    });
    expect(r.claim('163 km/h').scope).toBe('Vik Point');
    expect(r.claim('101 mph').scope).toBe('Vik Point');
    expect(r.involving('163 km/h', '118')).toEqual([]);
  });
  test('"at the Halcón Point lighthouse" and "at the Halcon Point lighthouse" are one place; two gusts there conflict', async () => {
    const r = await check({
      'a.txt': ['The highest gust was 241 km/h at the Halcón Point lighthouse at 02:40.', '2025-09-12'],
      'b.txt': ['A gust of 226 km/h was recorded at the Halcon Point lighthouse at 02:40.', '2025-09-12'],
    });
    expect(r.involving('241 km/h', '226 km/h').length).toBe(1);
  });
});

describe('a live entry and a count of the same part of the day', () => {
  test('a 18:10 entry\'s 73 dead and "Wednesday evening\'s briefing … had reached 78" conflict; a morning count below it is an earlier reading', async () => {
    const live = ['<html><body><article><h1>Quake live</h1>', '<p>18:10</p><p>At the 6 p.m. briefing, the director gave the toll as 73.</p>', '<p>12:30</p><p>Rescuers are still digging.</p>', '<p>09:15</p><p>Aftershocks continue.</p>', '</article></body></html>'].join('\n');
    const r = await check({ 'a.html': [live, '2026-03-04'], 'b.txt': ["Officials admitted at Wednesday evening's briefing that the toll had reached 78.", '2026-03-05'] });
    expect(r.involving('73', '78').length).toBe(1);
    const morning = await check({ 'a.html': [live.replace('18:10', '09:40').replace('6 p.m.', '9 a.m.'), '2026-03-04'], 'b.txt': ["Officials admitted at Wednesday evening's briefing that the toll had reached 78.", '2026-03-05'] });
    expect(morning.involving('73', '78')).toEqual([]);
  });
});

describe('a column of rates is no sum', () => {
  test('regional strike rates closed by the national rate are not added up; counts closed by a total still are', async () => {
    const rates = await check({ 'a.md': ['# Strike\n\n| Region | Teachers on strike (%) |\n|---|---|\n| Pellby | 41.8 |\n| Drenn | 36.0 |\n| Saltby | 33.1 |\n| Total | 34.6 |\n', '2026-02-10'] });
    expect(rates.findings.filter((f) => f.rule === 'parts-sum')).toEqual([]);
    const counts = await check({ 'a.md': ['# Strike\n\n| Region | Teachers on strike |\n|---|---|\n| Pellby | 4,180 |\n| Drenn | 3,600 |\n| Saltby | 3,310 |\n| Total | 10,460 |\n', '2026-02-10'] });
    expect(counts.findings.filter((f) => f.rule === 'parts-sum').length).toBe(1);
  });
});

describe('snow read at a stated hour', () => {
  test('a live entry at 12:20 giving 24 inches "at 7 a.m." and a wire\'s 18 inches "by 7 a.m." are one reading and conflict', async () => {
    const live = ['<html><body><article><h1>Storm live</h1>', '<p>12:20</p><p>The institute says Tollby had 46 cm (24 inches) of snow at 7 a.m.</p>', '<p>10:50</p><p>Ferries are cancelled.</p>', '<p>08:15</p><p>Schools are closed.</p>', '</article></body></html>'].join('\n');
    const r = await check({ 'a.txt': ['19 Jan 2026 11:40 CET\n\nSnow\n\nInland, 46 cm (18 inches) of snow had fallen at Tollby by 7 a.m., the institute said.', '2026-01-19'], 'b.html': [live, '2026-01-19'] });
    expect(r.involving('18 inches', '24 inches').length).toBe(1);
    // (both are read at 7 a.m., not at the hour of the entry or of the wire)
    expect(r.claim('46 cm', 'b.html').clock).toBe(7 * 60);
  });
});

describe('a total and its parts "respectively"', () => {
  test('"together cancelled 318 flights, 212 and 96 respectively" does not add up; "together employ 1,200 people, 700 and 500 respectively" does', async () => {
    const bad = await check({ 'a.txt': 'Karsby and Portmere airports together cancelled 318 flights on Monday, 212 and 96 respectively.' });
    expect(bad.involving('318', '212', '96').length).toBe(1);
    const ok = await check({ 'a.txt': 'The two plants together employ 1,200 people, 700 and 500 respectively.' });
    expect(ok.findings).toEqual([]);
  });
});

describe('a figure a correction retracts', () => {
  test('"Correction: an earlier update said 470 centres … The agency\'s figure is 407" — the retracted 470 conflicts with nothing', async () => {
    const live = (fix: string) => `Storm live\n\n${fix} The agency's figure is 407.`;
    const wire = 'On Monday night 407 evacuation centres were open, the agency said.';
    const corrected = await check({ 'live.txt': [live('Correction: an earlier update said 470 evacuation centres were open on Monday night.'), '2026-09-15'], 'wire.txt': [wire, '2026-09-15'] });
    expect(corrected.involving('470')).toEqual([]);
    // without the correction's words the 470 is a figure like any other, and conflicts
    const plain = await check({ 'live.txt': [live('On Monday night 470 evacuation centres were open.'), '2026-09-15'], 'wire.txt': [wire, '2026-09-15'] });
    expect(plain.involving('470', '407').length).toBeGreaterThan(0);
  });
});

describe('a currency another document of the batch names', () => {
  test('"will pay 300,000 tolars (about €2,900)" reads as money where another report gives "9.2 tolars to the euro", and its conversion is checked', async () => {
    const r = await check({
      'a.txt': ['Each family will receive 300,000 tolars (about €32,600). The euro amounts use a rate of 9.2 tolars to the euro.', '2026-03-02'],
      'b.txt': ['The fund will pay 300,000 tolars (about €2,900) to the family of each victim, the ministry said.', '2026-03-03'],
    });
    expect(r.claim('300,000 tolars', 'b.txt').unit).toBe(r.claim('300,000 tolars', 'a.txt').unit);
    expect(r.claim('300,000 tolars', 'b.txt').dimension).toBe('currency');
    expect(r.involving('300,000 tolars', 'about €2,900').length).toBeGreaterThan(0);
  });
  test('with no document showing the word to be money, "300,000 tolars" stays a count', async () => {
    const r = await check({
      'a.txt': ['Each family will receive 300,000 tolars, the ministry said.', '2026-03-02'],
      'b.txt': ['The fund will pay 300,000 tolars to the family of each victim.', '2026-03-03'],
    });
    expect(r.claim('300,000', 'b.txt').dimension).toBe('count');
  });
});

describe('a table row with a later period', () => {
  const release = '| Line | 2024/25 (bn tolars) | 2025/26 (bn tolars) |\n|---|---|---|\n| Health | 20.40 | 22.10 |\n| Defence | 6.80 | 6.50 |\n\nAmounts are in tolars; at 9.2 tolars to the euro.\n';
  test('a report dated within the earlier column, giving the row\'s figure, is of the coming period: no conflict with the earlier column', async () => {
    const r = await check({
      'release.md': [release, '2025-02-20'],
      'paper.md': ['The deficit shrinks to 7.5bn tolars.\n\n| Department | bn tolars |\n|---|---|\n| Health | 22.10 |\n| Defence | 6.50 |\n', '2025-02-21'],
    });
    expect(r.involving('20.40', '22.10')).toHaveLength(0);
  });
  test('with no later column in the row, the report\'s figure for the line conflicts with the row', async () => {
    const r = await check({
      'release.md': ['| Line | 2024/25 (bn tolars) |\n|---|---|\n| Health | 20.40 |\n| Defence | 6.80 |\n\nAmounts are in tolars; at 9.2 tolars to the euro.\n', '2025-02-20'],
      'paper.md': ['The deficit shrinks to 7.5bn tolars.\n\n| Department | bn tolars |\n|---|---|\n| Health | 22.10 |\n| Defence | 6.50 |\n', '2025-02-21'],
    });
    expect(r.involving('20.40', '22.10').length).toBeGreaterThan(0);
  });
});

describe('a change that would bring a level', () => {
  test('"a rise of 4%, which would lift the wage from 2,500 crowns to 2,650 crowns" is a 6% rise, not 4%; "to 2,600 crowns" holds', async () => {
    const bad = await check({ 'a.txt': ['The employers offered a rise of 4%, which would lift the weekly wage from 2,500 crowns to 2,650 crowns. Amounts convert at 7.5 crowns to the euro.', '2026-02-04'] });
    expect(bad.involving('4%', '2,650 crowns').length).toBeGreaterThan(0);
    const ok = await check({ 'a.txt': ['The employers offered a rise of 4%, which would lift the weekly wage from 2,500 crowns to 2,600 crowns. Amounts convert at 7.5 crowns to the euro.', '2026-02-04'] });
    expect(ok.involving('4%', '2,600 crowns')).toHaveLength(0);
  });
});

describe('a rival count told only by who counted it', () => {
  test('"the police said 6,100 people and the organisers 15,000" gives each party\'s count of the march another report tells of', async () => {
    const r = await check({
      'a.txt': ['Some 6,200 people marched in Dornweil on Saturday against the bypass, the local paper reported.', '2026-05-10'],
      'b.txt': ['The two sides were far apart. In Dornweil, the police said 6,100 people and the organisers 15,000.', '2026-05-12'],
    });
    expect(r.involving('Some 6,200', '15,000').length).toBeGreaterThan(0);
  });
  test('a count of people the sentence says something else of, or told per unit, is no rival estimate of the march', async () => {
    const r = await check({
      'a.txt': ['Some 6,200 people marched in Dornweil on Saturday against the bypass, the local paper reported.', '2026-05-10'],
      'b.txt': ['The two sides were far apart. In Dornweil, "every one of the 900 people on the bridge went home safely," the organisers said.', '2026-05-12'],
      'c.txt': ['The two sides were far apart. In Dornweil, the organisers said, there were about 4,000 people per square kilometre at the peak.', '2026-05-12'],
      'd.txt': ['The two sides were far apart. In Dornweil, the bypass builder employs 5,000 people, the company said.', '2026-05-12'],
    });
    expect(r.involving('Some 6,200', '5,000')).toHaveLength(0);
    expect(r.involving('Some 6,200', '900')).toHaveLength(0);
    expect(r.involving('Some 6,200', 'about 4,000')).toHaveLength(0);
  });
});
