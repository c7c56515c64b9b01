/**
 * Microsoft Recognizers-Text English specs (../shared/peers/recognizers-text, see its SOURCE.md) run against the
 * project's extractor: NumberModel as a numeral-parsing test of parseNumber, NumberRangeModel as intervals,
 * PercentModel and the NumberWithUnit files (currency, dimension, temperature, age) with their values and units,
 * each file scored on its own family. Scope and skips: skips.yaml; unit names: units.yaml; bounds: thresholds.json.
 * Prints every file's figures and skips, and writes them to test-artifacts/conformance.json.
 */
import {
  EXTRACT_SOURCE,
  HAVE_EXTRACTOR,
  HAVE_PEERS,
  PEERS,
  formatFile,
  loadExtractor,
  loadRecognizers,
  runFile,
  summaryLine,
  unmappedUnits,
  writeArtifacts,
  type ExtractApi,
  type FileResult,
} from './lib.js';

if (!HAVE_PEERS) console.warn(`SKIP Recognizers-Text conformance: ${PEERS} is missing (CI has ../shared/peers next to the repo)`);
const describePeers = HAVE_PEERS ? describe : describe.skip;

describePeers('Recognizers-Text specs', () => {
  const files = HAVE_PEERS ? loadRecognizers() : [];
  const results: FileResult[] = [];
  let api: ExtractApi | null = null;

  beforeAll(async () => {
    if (HAVE_EXTRACTOR) api = await loadExtractor();
    else console.warn(`NOTE: ${EXTRACT_SOURCE} does not exist yet: only the scope is computed, nothing is asserted`);
  });

  afterAll(async () => {
    const merged = await writeArtifacts('recognizers', results, api ? null : 'extractor missing: scope only');
    console.log(`${summaryLine(results)}\n(all suites so far) ${merged}`);
  });

  test('every unit name in the specs has a mapping in units.yaml', () => {
    expect(Object.fromEntries(files.map((f) => [f.id, unmappedUnits(f)]))).toEqual(Object.fromEntries(files.map((f) => [f.id, []])));
  });

  for (const f of files) {
    test(`${f.id}: in-scope pass rate >= threshold`, () => {
      const r = runFile(f, api);
      results.push(r);
      console.log(formatFile(r));
      if (api && r.pass_rate !== null && r.threshold !== null) expect(r.pass_rate).toBeGreaterThanOrEqual(r.threshold);
    });
  }
});
