/**
 * canRelate(a): `review --against-index` skips the look-up of a draft claim that relate() could compare with
 * nothing. It must never rule out a claim relate() finds comparable with some other claim: checked over every
 * ordered pair of claims of the example sets and the dev-eval clusters.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canRelate, claimKey, relate } from '../../src/align/index.js';
import { readAndExtract } from '../../src/cli/common.js';
import { loadRuleSet } from '../../src/pipeline.js';

const ROOT = join(import.meta.dirname, '..', '..');

function sets(): string[][] {
  const out: string[][] = [];
  for (const base of [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures', 'dev-eval')]) {
    for (const e of readdirSync(base)) {
      const p = join(base, e);
      if (e.startsWith('.') || !statSync(p).isDirectory()) continue;
      const docs = statSync(join(p, 'docs'), { throwIfNoEntry: false })?.isDirectory() ? join(p, 'docs') : p;
      out.push([docs]);
    }
  }
  return out;
}

describe('canRelate', () => {
  test('never rules out a claim that relate() finds comparable with another', async () => {
    const set = await loadRuleSet([], true);
    let ruledOut = 0;
    let pairs = 0;
    for (const paths of sets()) {
      const { claims } = await readAndExtract(paths, { jobs: 1 }, set.lexicon);
      const keys = claims.map((c) => claimKey(c, set.synonyms, set.lexicon));
      for (let i = 0; i < claims.length; i++) {
        if (canRelate(claims[i]!, keys[i]!)) continue;
        ruledOut++;
        for (let j = 0; j < claims.length; j++) {
          if (i === j) continue;
          pairs++;
          const r = relate(claims[i]!, claims[j]!, keys[i]!, keys[j]!);
          if (r.comparable) throw new Error(`canRelate ruled out "${claims[i]!.text}" (${claims[i]!.document}) but relate() compares it with "${claims[j]!.text}" (${claims[j]!.document})`);
        }
      }
    }
    // the test means something: many claims are ruled out, against many others
    expect(ruledOut).toBeGreaterThan(50);
    expect(pairs).toBeGreaterThan(5000);
  });
});
