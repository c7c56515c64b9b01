/**
 * States of the synonyms lexicon (rules/lexicon/synonyms.yaml `states`): a count told with "without power", "in the
 * dark", "lost power" or "had no power" counts customers, homes or households of one outage, whichever of those
 * words it names; and a figure "at the peak" (or "at its peak") is the peak another report gives on another day.
 */
import { ingestText } from '../../src/ingest/index.js';
import { processDocument, loadRuleSet } from '../../src/pipeline.js';
import { claimKey } from '../../src/align/index.js';
import { check } from './helpers.js';

async function keyOf(text: string, figure: string) {
  const set = await loadRuleSet([], true);
  const c = processDocument(ingestText(text, { id: 'a.txt', path: 'a.txt', date: '2026-06-09' }), 0).claims.find((x) => x.text === figure);
  if (!c) throw new Error(`no "${figure}"`);
  const k = claimKey(c, set.synonyms, set.lexicon);
  return { noun: k.noun, event: k.event, state: !!k.state };
}

describe('a count in a state the lexicon names', () => {
  test('customers, homes and households of an outage are one count, however the state is told', async () => {
    const outage = { noun: 'customer', event: 'without power', state: true };
    expect(await keyOf('On Tuesday 184,000 customers were without power across the region.', '184,000')).toEqual(outage);
    expect(await keyOf('The gale left 95,000 homes in the dark overnight.', '95,000')).toEqual(outage);
    expect(await keyOf('About 42,000 households lost power in the north.', 'About 42,000')).toEqual(outage);
    expect(await keyOf('Overnight the number of customers without power hit 342,600, the grid said.', '342,600')).toEqual(outage);
    expect(await keyOf('At noon 12,500 Harlow Grid customers had no power.', '12,500')).toEqual(outage);
  });
  test('not a count the state does not name, nor one told without it', async () => {
    // (what a state counts is in its `counts`: employees are not an outage's customers)
    expect((await keyOf('The mill sent 300 employees home without power tools.', '300')).state).toBe(false);
    // (power coming back is no count of customers without it)
    expect((await keyOf('Power returned to 161,000 customers on Thursday.', '161,000')).state).toBe(false);
    // (the state must be in the figure's clause: not past a stop or another number)
    expect((await keyOf('Some 2,000 homes were damaged; 30 streets were in the dark.', 'Some 2,000')).state).toBe(false);
  });
});

describe('a passing state at its peak', () => {
  test("Tuesday's peak and Friday's restatement of it are one figure, checked across the days", async () => {
    const r = await check({
      'wire.txt': ['Storm Vela hit Port Ardel on Tuesday. Ardel Grid said 184,300 customers had lost power at the peak of the storm, around 6.30 p.m.', '2026-06-09'],
      'weekly.txt': ['Insurers count the cost of Storm Vela. At its peak the outage left 148,000 customers without electricity, the grid said.', '2026-06-12'],
    });
    expect(r.involving('184,300', '148,000')).toHaveLength(1);
  });
  test('two readings of a passing state on different days, not at the peak, are two facts', async () => {
    const r = await check({
      'wire.txt': ['Storm Vela hit Port Ardel on Tuesday. Ardel Grid said 184,300 customers were without power on Tuesday evening.', '2026-06-09'],
      'weekly.txt': ['Insurers count the cost of Storm Vela. On Friday 41,000 customers were still without electricity, the grid said.', '2026-06-12'],
    });
    expect(r.involving('184,300', '41,000')).toHaveLength(0);
  });
});
