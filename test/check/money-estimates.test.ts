/**
 * Rival estimates of an amount: "Halvard puts insured losses at 1.9bn-2.6bn euros. Stanmere Re estimated 3.1bn
 * euros" — the bare amount someone estimated continues the amount of its currency named before it (inheritCounted),
 * and an amount named by an event's noun ("losses") is that noun, not people (claimKey).
 */
import { ingestText } from '../../src/ingest/index.js';
import { processDocument, loadRuleSet } from '../../src/pipeline.js';
import { claimKey } from '../../src/align/index.js';

function claims(text: string) {
  return processDocument(ingestText(text, { id: 'a.txt', path: 'a.txt', date: '2026-06-12' }), 0).claims;
}

describe('an estimated amount that names nothing', () => {
  test('continues the amount of its currency named before it, not one of another currency', () => {
    const c = claims('Halvard puts insured losses at between 1.9bn and 2.6bn euros ($2.1bn-$2.9bn). In a note on Thursday, Stanmere Re estimated 3.1bn euros ($3.4bn).');
    const byText = (t: string) => c.find((x) => x.text === t)!;
    expect(byText('estimated 3.1bn euros').measure).toBe(byText('between 1.9bn and 2.6bn euros').measure);
    expect(byText('$3.4bn').measure).toBe(byText('$2.1bn-$2.9bn').measure);
  });
  test('an amount told without an estimate keeps its own reading', () => {
    const c = claims('Halvard puts insured losses at 2.6bn euros. The city paid 300m euros for new roofs.');
    expect(c.find((x) => x.text === '300m euros')!.measure).not.toBe(c.find((x) => x.text === '2.6bn euros')!.measure);
  });
});

describe('an amount named by an event noun', () => {
  test('"insured losses of 2.6bn euros" measure losses, not people', async () => {
    const set = await loadRuleSet([], true);
    const c = claims('Halvard puts insured losses at 2.6bn euros.').find((x) => x.text === '2.6bn euros')!;
    const k = claimKey(c, set.synonyms, set.lexicon);
    expect(k.people).toBe(false);
    expect(k.noun).not.toBe('person');
    // (a count of the same noun still counts people: "1,200 job losses")
    const j = claims('The group announced 1,200 job losses.').find((x) => x.text === '1,200')!;
    expect(claimKey(j, set.synonyms, set.lexicon).event).toBe('cut');
  });
});
