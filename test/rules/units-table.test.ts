/**
 * Conversions without a mathjs instance (src/rules/units.ts): the build's table of how mathjs reads each unit,
 * with mathjs's own arithmetic, must give the very double mathjs gives, for every pair of the lexicon's units.
 */
import { create, createUnitDependencies, unitDependencies } from 'mathjs';
import { getLexicon } from '../../src/lexicon/index.js';
import { convertRep } from '../../src/rules/units.js';
import { unitTable } from '../../src/rules/units-math.js';

describe('unit conversion table', () => {
  const lex = getLexicon();
  const table = unitTable(lex);
  const math = create({ unitDependencies, createUnitDependencies });
  // the lexicon's units as mathjs is told about them at run time (src/rules/units.ts, instance())
  const spelling = new Map<string, string>();
  const rep = new Map<string, ReturnType<typeof unitTable>['parsed'][string]>();
  for (const def of lex.unitsByName.values()) {
    if (!def.mathjs) continue;
    if (/^[\d.]+\s/.test(def.mathjs)) {
      const name = `nc${def.name.replace(/[^A-Za-z0-9]/g, '')}`;
      const r = table.created[`${name} ${def.mathjs}`];
      try {
        math.createUnit(name, def.mathjs);
        spelling.set(def.name, name);
        rep.set(def.name, r!);
      } catch {
        // mathjs rejects it: the table says so, and the unit converts to nothing
        expect(r).toBeNull();
      }
    } else {
      spelling.set(def.name, def.mathjs);
      rep.set(def.name, table.parsed[def.mathjs]!);
    }
  }
  const values = [0, 1, -1, 0.5, 2.5, 3, 7, 12.34, 37.8, 100, 212, 451, 1000, 1852, 1e6, 2.2e9, -40, -273.15, 1 / 3, 98.6, 0.001];

  it('converts the units defined by a number (knots, nautical miles, inches of mercury)', () => {
    for (const n of ['knot', 'nmi', 'inHg', 'barrel', 'decade']) expect([n, table.created[`nc${n} ${lex.unitsByName.get(n)!.mathjs}`] ?? null]).not.toEqual([n, null]);
  });

  it('holds every unit of the lexicon', () => {
    expect(rep.size).toBeGreaterThan(30);
    for (const [name, r] of rep) expect([name, r === undefined]).toEqual([name, false]);
  });

  it('gives exactly what mathjs gives, or null where mathjs throws', () => {
    let pairs = 0;
    let converted = 0;
    for (const [from, f] of spelling) {
      for (const [to, t] of spelling) {
        pairs++;
        for (const v of values) {
          let expected: number | null;
          try {
            expected = math.unit(v, f).toNumber(t);
          } catch {
            expected = null;
          }
          const got = convertRep(v, rep.get(from)!, rep.get(to)!, table.offsets);
          if (!Object.is(got, expected)) throw new Error(`${v} ${from} → ${to}: mathjs ${expected}, table ${got}`);
          if (got !== null) converted++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(900);
    expect(converted).toBeGreaterThan(1000);
  });
});
