/**
 * quantulum3's English test corpus (../shared/peers/quantulum3, see its SOURCE.md) run against the project's
 * extractor: every quantity of a sentence, with value (interval for ranges), unit and span (first occurrence of the
 * surface, overlap-matched); no extra figure allowed. quantities.json is asserted against thresholds.json;
 * quantities.ambiguity.json is reported, informational. Scope and skips: skips.yaml; unit names: units.yaml.
 */
import { conformanceSuite, loadQuantulum } from './lib.js';

conformanceSuite({ suite: 'quantulum', title: 'quantulum3', source: 'corpus', load: loadQuantulum });
