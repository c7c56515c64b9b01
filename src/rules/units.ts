/**
 * Unit conversion through mathjs, created with only the factories numcheck needs (the full mathjs costs
 * ~0.6 s to import). Units mathjs lacks (nautical miles, barrels, knots …) are defined from the `mathjs`
 * field of rules/lexicon/units.yaml, never in code.
 */
import { create, createUnitDependencies, unitDependencies } from 'mathjs';
import type { Lexicon } from '../lexicon/index.js';

type MathLite = ReturnType<typeof create>;

let math: MathLite | null = null;
const spelling = new Map<string, string>();

function instance(lex: Lexicon): MathLite {
  if (math) return math;
  math = create({ unitDependencies, createUnitDependencies });
  for (const def of lex.unitsByName.values()) {
    if (!def.mathjs) continue;
    // a definition with a number ("1852 m") becomes a new unit named after the entry
    if (/^[\d.]+\s/.test(def.mathjs)) {
      const name = `nc_${def.name.replace(/[^A-Za-z0-9]/g, '_')}`;
      try {
        math.createUnit(name, def.mathjs);
        spelling.set(def.name, name);
      } catch {
        /* an unusable definition: the unit simply cannot be converted */
      }
    } else spelling.set(def.name, def.mathjs);
  }
  return math;
}

/** value in `from` expressed in `to`, or null when the two units cannot be converted. */
export function convert(value: number, from: string, to: string, lex: Lexicon): number | null {
  const m = instance(lex);
  const f = spelling.get(from);
  const t = spelling.get(to);
  if (!f || !t) return null;
  try {
    return m.unit(value, f).toNumber(t);
  } catch {
    return null;
  }
}
