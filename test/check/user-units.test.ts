/**
 * A unit the user defines converts through mathjs itself: the table the build writes (dist/units-cache.json)
 * covers only the built-in units, so loadRuleSet loads mathjs on demand for this lexicon. A file of its own:
 * a process converts with the lexicon of its first conversion, as the CLI (one lexicon per run) does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, ruleSet } from './helpers.js';

describe('conversion with a user-defined unit', () => {
  test('a stated conversion of furlongs holds or is flagged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'numcheck-units-'));
    const file = join(dir, 'furlongs.yaml');
    writeFileSync(file, 'lexicon: units\nentries:\n  - { name: furlong, dimension: length, mathjs: "201.168 m", words: [furlong, furlongs] }\n');
    const set = await ruleSet([file]);
    const r = await check({ 'a.txt': 'The course runs 10 furlongs (2 km). The longer trip is 16 furlongs (5 km).' }, set);
    const conv = r.findings.filter((f) => f.rule === 'unit-conversion');
    expect(conv).toHaveLength(1);
    expect(conv[0]!.message).toMatch(/16 furlongs/);
    expect(r.checks.some((c) => c.rule === 'unit-conversion' && c.claims.includes(r.claim('10 furlongs').id))).toBe(true);
  });

});
