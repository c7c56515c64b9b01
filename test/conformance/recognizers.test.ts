/**
 * Microsoft Recognizers-Text English specs (../shared/peers/recognizers-text, see its SOURCE.md) run against the
 * project's extractor: NumberModel as a numeral-parsing test of parseNumber, NumberRangeModel as intervals,
 * PercentModel and the NumberWithUnit files (currency, dimension, temperature, age) with their values and units,
 * each file scored on its own family. Scope and skips: skips.yaml; unit names: units.yaml; bounds: thresholds.json.
 * Prints every file's figures and skips, and writes them to test-artifacts/conformance.json.
 */
import { conformanceSuite, loadRecognizers } from './lib.js';

conformanceSuite({ suite: 'recognizers', title: 'Recognizers-Text', source: 'specs', load: loadRecognizers });
