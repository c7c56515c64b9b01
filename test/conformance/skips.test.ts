/**
 * The skip rules (skips.yaml) stay as narrow as they were reviewed to be: every rule is well-formed and used, and
 * exactly these cases / results per rule are out of scope. A change to a matcher that widens (or narrows) a skip
 * fails here, and the new list has to be looked at — see `npm test` output or test-artifacts/conformance.json.
 * Needs only the peer suites, not the extractor.
 */
import { HAVE_PEERS, PEERS, SKIPS, THRESHOLDS, loadQuantulum, loadRecognizers, runFile } from './lib.js';

const describePeers = HAVE_PEERS ? describe : describe.skip;
if (!HAVE_PEERS) console.warn(`SKIP skip-rule accounting: ${PEERS} is missing`);

describePeers('skips.yaml', () => {
  const files = HAVE_PEERS ? [...loadRecognizers(), ...loadQuantulum()] : [];
  const scoped = files.map((f) => runFile(f, null));

  test('every rule has an id, a reason, known files and compiling patterns', () => {
    const ids = new Set(files.map((f) => f.id));
    const seen = new Set<string>();
    for (const r of SKIPS) {
      expect(r.id).toMatch(/^[a-z0-9-]+$/);
      expect(seen.has(r.id)).toBe(false);
      seen.add(r.id);
      expect(r.reason.length).toBeGreaterThan(40);
      for (const f of r.files) if (f !== '*') expect(ids.has(f)).toBe(true);
      const m = r.match;
      expect(Object.keys(m).length).toBeGreaterThan(0);
      for (const re of [m.input, m.expected?.text, m.expected?.before, m.ours?.text]) if (re !== undefined) expect(() => new RegExp(re)).not.toThrow();
    }
    for (const id of Object.keys(THRESHOLDS).filter((k) => !k.startsWith('_'))) expect(ids.has(id)).toBe(true);
  });

  test('exactly the reviewed cases and results are out of scope, per rule and file', () => {
    const counts: Record<string, Record<string, string>> = {};
    for (const r of scoped) {
      for (const [rule, c] of Object.entries(r.skip_counts)) {
        (counts[rule] ??= {})[r.id] = `${c.cases} cases, ${c.results} results`;
      }
    }
    expect(counts).toEqual({
      'parse-test-negative': { 'recognizers/NumberModel': '18 cases, 0 results' },
      'over-is-a-qualifier': { 'recognizers/NumberModel': '12 cases, 12 results' },
      'x-out-of-y-is-part-whole': { 'recognizers/NumberModel': '3 cases, 3 results' },
      'ordinal-range': { 'recognizers/NumberRangeModel': '2 cases, 2 results' },
      'from-to-is-a-range': { 'recognizers/NumberRangeModel': '1 cases, 0 results' },
      'percent-of-whole': { 'recognizers/PercentModel': '4 cases, 4 results' },
      'money-absorbs-bare-number': { 'recognizers/CurrencyModel': '9 cases, 11 results' },
      'range-end-only': { 'recognizers/DimensionModel': '2 cases, 2 results', 'recognizers/AgeModel': '1 cases, 1 results' },
      'clock-time': { 'recognizers/DimensionModel': '0 cases, 1 results' },
      year: { 'quantulum/quantities': '1 cases, 5 results' },
      identifier: { 'quantulum/quantities': '3 cases, 4 results', 'quantulum/quantities.ambiguity': '0 cases, 1 results' },
      'indefinite-article': { 'quantulum/quantities': '1 cases, 6 results' },
      'named-constant': { 'quantulum/quantities': '1 cases, 1 results', 'quantulum/quantities.ambiguity': '0 cases, 1 results' },
      'change-is-two-figures': { 'quantulum/quantities': '2 cases, 2 results' },
      'garbled-not-a-value': { 'quantulum/quantities': '1 cases, 0 results' },
      'share-in-percent': { 'recognizers/NumberRangeModel': '4 cases, 4 results' },
      'rate-keeps-its-unit': { 'quantulum/quantities': '1 cases, 1 results' },
      'brackets-are-no-minus': { 'quantulum/quantities': '1 cases, 1 results' },
      'mb-is-millibar': { 'recognizers/DimensionModel': '1 cases, 1 results' },
    });
  });

  test('scope totals per file', () => {
    const totals = Object.fromEntries(scoped.map((r) => [r.id, `${r.in_scope}/${r.cases_total} cases, ${r.results_in_scope}/${r.results_total} results`]));
    expect(totals).toEqual({
      'recognizers/NumberModel': '202/235 cases, 244/259 results',
      'recognizers/NumberRangeModel': '80/87 cases, 91/97 results',
      'recognizers/PercentModel': '16/20 cases, 11/15 results',
      'recognizers/CurrencyModel': '171/180 cases, 179/190 results',
      'recognizers/DimensionModel': '97/100 cases, 87/91 results',
      'recognizers/TemperatureModel': '43/43 cases, 32/32 results',
      'recognizers/AgeModel': '18/19 cases, 17/18 results',
      'quantulum/quantities': '91/101 cases, 128/148 results',
      'quantulum/quantities.ambiguity': '20/20 cases, 32/34 results',
    });
  });

  test('every rule skips something (an unused rule is a stale exception)', () => {
    const used = new Set(scoped.flatMap((r) => Object.keys(r.skip_counts)));
    // "ours" rules apply to our output, so they only show when the extractor runs
    const unused = SKIPS.filter((r) => !r.match.ours && !used.has(r.id)).map((r) => r.id);
    expect(unused).toEqual([]);
  });
});
