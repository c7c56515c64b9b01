import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules, loadSynonyms, validateRuleFiles, knownLexicons } from '../../src/rules/load.js';
import { rulesPath, packageRoot } from '../../src/util/paths.js';
import { CHECK_TYPES, DEFAULT_RISING, DEFAULT_VARYING, MESSAGE_PLACEHOLDERS, ruleToJSON, type RuleSpec } from '../../src/rules/spec.js';

const defaultDir = rulesPath('default');
const builtinFiles = readdirSync(defaultDir).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('built-in rules', () => {
  test.each(builtinFiles)('%s validates', async (f) => {
    const [res] = await validateRuleFiles([join(defaultDir, f)]);
    expect(res!.problems).toEqual([]);
    expect(res!.kind).toBe('rule');
  });

  test('one file per check (except expression), with the severities of the design', async () => {
    const { rules, lexicons } = await loadRules({ useDefaults: true });
    expect(lexicons).toEqual([]);
    const byCheck = new Map(rules.map((r) => [r.check, r]));
    expect([...byCheck.keys()].sort()).toEqual(CHECK_TYPES.filter((c) => c !== 'expression').sort());
    expect(rules).toHaveLength(builtinFiles.length);
    const sev = Object.fromEntries(rules.map((r) => [r.check, r.severity]));
    expect(sev).toEqual({
      mismatch: 'warning',
      scope: 'info',
      conversion: 'warning',
      'part-whole': 'error',
      percentage: 'warning',
      sum: 'warning',
      rate: 'warning',
    });
    for (const r of rules) {
      expect(r.builtin).toBe(true);
      expect(r.enabled).toBe(true);
      expect(r.file).toMatch(/rules[\\/]default[\\/][a-z-]+\.yaml$/);
      expect(r.link).toMatch(/^https:\/\/github\.com\/numcheck\/numcheck\/blob\/main\/docs\/rules\.md#[a-z-]+$/);
      expect(r.message).toBeTruthy();
      expect(r.description).toBeTruthy();
    }
    const mm = byCheck.get('mismatch') as Extract<RuleSpec, { check: 'mismatch' }>;
    expect(mm.params.rounding_severity).toBe('info');
    expect(mm.params.rising).toEqual(expect.arrayContaining(['killed', 'dead', 'death', 'injured', 'wounded', 'arrested', 'evacuated', 'case']));
    expect(mm.params.varying).toEqual(expect.arrayContaining(['missing', 'unaccounted', 'stranded']));
    // a custom mismatch rule without `rising` behaves like the built-in one
    expect([...mm.params.rising].sort()).toEqual([...DEFAULT_RISING].sort());
    expect([...mm.params.varying].sort()).toEqual([...DEFAULT_VARYING].sort());
    const rate = byCheck.get('rate') as Extract<RuleSpec, { check: 'rate' }>;
    expect(rate.params).toEqual({ tolerance: 0.15, min_period_days: 7 });
    const conv = byCheck.get('conversion') as Extract<RuleSpec, { check: 'conversion' }>;
    expect(conv.params).toEqual({ tolerance: null });
  });

  test('rules are JSON-serialisable for rules list', async () => {
    const { rules } = await loadRules({ useDefaults: true });
    for (const r of rules) expect(JSON.parse(JSON.stringify(ruleToJSON(r)))).toMatchObject({ id: r.id, check: r.check });
  });

  test('every link points at an anchor that docs/rules.md has', async () => {
    const doc = readFileSync(join(packageRoot(), 'docs', 'rules.md'), 'utf8');
    const anchors = new Set(
      [...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
        m[1]!
          .trim()
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const { rules } = await loadRules({ useDefaults: true, files: [join(packageRoot(), 'examples', 'rules')] });
    for (const r of rules) expect(anchors).toContain(r.link!.split('#')[1]);
    for (const check of CHECK_TYPES) expect(anchors).toContain(check);
    expect(anchors).toContain('lexicon-files');
  });

  test('docs/rules.md documents every placeholder of every check', () => {
    const doc = readFileSync(join(packageRoot(), 'docs', 'rules.md'), 'utf8');
    for (const names of Object.values(MESSAGE_PLACEHOLDERS)) for (const n of names) expect(doc).toContain(`{${n}}`);
  });
});

describe('built-in synonyms lexicon', () => {
  test('validates, and no word is in two sets', async () => {
    const [res] = await validateRuleFiles([rulesPath('lexicon', 'synonyms.yaml')]);
    expect(res!.problems).toEqual([]);
    expect(res!.kind).toBe('lexicon');
  });

  test('synonyms is a known lexicon', () => {
    expect(knownLexicons()).toContain('synonyms');
  });

  test('loadSynonyms gives measure and event sets, and merges extensions', async () => {
    const base = await loadSynonyms();
    const setOf = (sets: string[][], w: string) => sets.find((s) => s.includes(w)) ?? [];
    expect(setOf(base.measures, 'populated place')).toContain('settlement');
    expect([...setOf(base.measures, 'demonstrator'), ...setOf(base.events, 'demonstrator')]).toEqual(expect.arrayContaining(['protester', 'marcher', 'crowd']));
    expect(setOf(base.measures, 'soldier')).toEqual(expect.arrayContaining(['troop', 'serviceman']));
    expect(setOf(base.events, 'retake')).toEqual(expect.arrayContaining(['recapture', 'recover', 'liberate']));
    expect(setOf(base.events, 'kill')).toEqual(expect.arrayContaining(['dead', 'death', 'death toll', 'fatality']));
    // true synonyms only: subsets stay apart
    expect(setOf(base.measures, 'people')).not.toContain('civilian');
    expect(setOf(base.measures, 'reservist')).not.toContain('conscript');
    expect(setOf(base.measures, 'casualty')).not.toContain('death');
    const { lexicons } = await loadRules({ useDefaults: false, files: [join(packageRoot(), 'examples', 'rules', 'newsroom-synonyms.yaml')] });
    const merged = await loadSynonyms(lexicons);
    expect(setOf(merged.measures, 'fireman')).toContain('firefighter');
    expect(merged.measures.length).toBe(base.measures.length + 3);
  });
});

describe('examples/rules', () => {
  test('the example folder loads: two rules and one lexicon extension', async () => {
    const { rules, lexicons } = await loadRules({ useDefaults: true, files: [join(packageRoot(), 'examples', 'rules')] });
    const crowd = rules.find((r) => r.id === 'crowd-estimates');
    expect(crowd).toMatchObject({ check: 'mismatch', builtin: false, params: { tolerance: 0.25, attribution_severity: 'info' } });
    expect(crowd!.select!.pattern!.test('Thousands joined the protest march')).toBe(true);
    expect(crowd!.select!.measure).toEqual(['protester', 'demonstrator', 'marcher', 'crowd']);
    const cas = rules.find((r) => r.id === 'casualty-arithmetic');
    expect(cas?.check).toBe('expression');
    if (cas?.check === 'expression') {
      expect(cas.params.compiled.evaluate(new Map([['dead', 12], ['injured', 28], ['casualties', 40]]))).toEqual({ ok: true, value: true });
      expect(cas.params.compiled.evaluate(new Map([['dead', 12], ['injured', 31], ['casualties', 40]]))).toEqual({ ok: true, value: false });
    }
    expect(lexicons.map((l) => l.name)).toEqual(['synonyms']);
    expect(rules).toHaveLength(builtinFiles.length + 2);
  });
});
