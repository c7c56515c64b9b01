/**
 * countedOnly(): a count of people told only as a party's count ("the police counted 14,100 and the union 24,000")
 * is that party's estimate of the event another figure names (rivalCountOfEvent in align). The word before the
 * figure, or the rival figure set right after it, tells it so.
 */
import { ingestText } from '../../src/ingest/index.js';
import { processDocument, loadRuleSet } from '../../src/pipeline.js';
import { claimKey } from '../../src/align/index.js';

async function countedOnly(text: string, figure: string): Promise<boolean> {
  const set = await loadRuleSet([], true);
  const c = processDocument(ingestText(text, { id: 'a.txt', path: 'a.txt', date: '2026-05-12' }), 0).claims.find((x) => x.text === figure);
  if (!c) throw new Error(`no "${figure}"`);
  return claimKey(c, set.synonyms, set.lexicon).countedOnly();
}

describe('a count told only as a party gave it', () => {
  test('set against a rival figure right after it ("in Oskeld, 8,900 against 19,500")', async () => {
    const t = 'In Harnby, the police counted 14,100 and the union 24,000; in Oskeld, 8,900 against 19,500.';
    expect(await countedOnly(t, '8,900')).toBe(true);
    expect(await countedOnly('In Oskeld the police counted 8,900 versus 19,500 for the union.', '8,900')).toBe(true);
    // ("and" joins the items of a list)
    expect(await countedOnly('In Harnby, the police counted 14,100; in Oskeld, 8,900 and 19,500.', '8,900')).toBe(false);
  });
  test('after a verb of saying in its present form ("the union claims 96,000")', async () => {
    expect(await countedOnly('The union claims 96,000.', '96,000')).toBe(true);
    expect(await countedOnly('The FCC says 45,000.', '45,000')).toBe(true);
    // not a verb of its own
    expect(await countedOnly('The plant employs 7,000 people.', '7,000')).toBe(false);
  });
});

describe('a noun that names a gathering counts its people', () => {
  async function key(text: string, figure: string) {
    const set = await loadRuleSet([], true);
    const c = processDocument(ingestText(text, { id: 'a.txt', path: 'a.txt', date: '2026-05-12' }), 0).claims.find((x) => x.text === figure);
    if (!c) throw new Error(`no "${figure}"`);
    return claimKey(c, set.synonyms, set.lexicon);
  }
  test('"put attendance at 61,000" counts the people of a crowd, like "61,000 marchers"', async () => {
    const a = await key('The interior ministry put attendance at 61,000 across 19 towns.', '61,000');
    const b = await key('Organisers said 140,000 marchers joined the protest.', '140,000');
    expect(a.noun).toBe('person');
    expect(a.event).toBe(b.event);
  });
  test('not a share of attendance, nor a small count', async () => {
    expect((await key('School attendance fell to 81% this week.', '81%')).noun).not.toBe('person');
    expect((await key('The ministry put attendance at 40 on the first night.', '40')).noun).not.toBe('person');
  });
});

describe('a count of a ranked few ("the four largest cities") is not a count of all of them', () => {
  async function rel(text: string, x: string, y: string) {
    const { relate } = await import('../../src/align/index.js');
    const set = await loadRuleSet([], true);
    const cs = processDocument(ingestText(text, { id: 'a.txt', path: 'a.txt', date: '2026-05-12' }), 0).claims;
    const a = cs.find((c) => c.text === x)!;
    const b = cs.find((c) => c.text === y)!;
    return relate(a, b, claimKey(a, set.synonyms, set.lexicon), claimKey(b, set.synonyms, set.lexicon));
  }
  test('a superlative on one side only', async () => {
    const r = await rel('Marches were held in the five biggest towns of the region.\n\nStewards counted walkers in three towns by noon.', 'five', 'three');
    expect(r.comparable).toBe(false);
    expect(r.why).toBe('a ranked few and a count of all');
  });
  test('unchanged: the same superlative on both sides, or on neither', async () => {
    const same = await rel('Marches were held in the five biggest towns.\n\nBy Monday the figure was six biggest towns.', 'five', 'six');
    expect(same.why).not.toBe('a ranked few and a count of all');
    const none = await rel('Marches were held in five towns.\n\nStewards counted walkers in three towns by noon.', 'five', 'three');
    expect(none.why).not.toBe('a ranked few and a count of all');
  });
});
