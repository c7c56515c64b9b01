/** Built by scripts/build.mjs only to write dist/units-cache.json (mathjs's reading of the built-in units; see src/rules/units.ts). */
export { unitTable } from '../src/rules/units-math.js';
export { getLexicon } from '../src/lexicon/index.js';
export { cachedPositions, parseDataText } from '../src/lexicon/datafile.js';
