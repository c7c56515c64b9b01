/**
 * mathjs's side of unit conversion (see units.ts): the build reads how mathjs parses every built-in unit
 * (`unitTable`, written to dist/units-cache.json), and a run converts through mathjs itself only for units the
 * table does not hold. Imported on demand, so a run that needs no mathjs never compiles it.
 */
import { create, createUnitDependencies, unitDependencies } from 'mathjs';
import type { Lexicon } from '../lexicon/index.js';
import { createdKey, createdName, DEFINITION, needsOffset, type MathScalars, type MathUnit, type UnitRep, type UnitTable } from './units.js';

type MathLite = ReturnType<typeof create>;

let math: MathLite | null = null;
const spelling = new Map<string, string>();

function instance(lex: Lexicon): MathLite {
  if (math) return math;
  math = create({ unitDependencies, createUnitDependencies });
  spelling.clear();
  for (const def of lex.unitsByName.values()) {
    if (!def.mathjs) continue;
    if (DEFINITION.test(def.mathjs)) {
      const name = createdName(def.name);
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

/** `unit(value, from).toNumber(to)` in mathjs itself, with the lexicon's units defined (see units.ts). */
export function mathConvert(value: number, from: string, to: string, lex: Lexicon): number | null {
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

/** A unit as mathjs's _normalize reads it for a number (Unit._getNumberConverter('number'): Fractions become numbers); null when some part is of another type. */
function repOf(k: string, u: MathUnit, m: MathScalars): UnitRep | null {
  const num = (x: unknown) => (x !== null && typeof x === 'object' && (x as { isFraction?: boolean }).isFraction ? m.number(x) : x);
  const parts: UnitRep['u'] = [];
  for (const x of u.units) {
    const p = [num(x.unit.value), num(x.prefix.value), num(x.power), x.unit.offset];
    if (!p.every((y) => typeof y === 'number' && Number.isFinite(y))) throw new Error(`unit ${k}: not plain numbers`);
    parts.push(p as [number, number, number, number]);
  }
  return { k, u: parts, d: [...u.dimensions], v: u.value !== null && u.value !== undefined };
}

/** mathjs's reading of every spelling and definition of the lexicon's units (run by the build; the tests compare it with mathjs). */
export function unitTable(lex: Lexicon): UnitTable {
  const m = create({ unitDependencies, createUnitDependencies });
  const Unit = (m as unknown as { Unit: { parse(s: string): MathUnit } }).Unit;
  const ms = m as unknown as MathScalars;
  const table: UnitTable = { parsed: {}, created: {}, offsets: {} };
  const units = new Map<string, MathUnit>();
  for (const def of lex.unitsByName.values()) {
    const s = def.mathjs;
    if (!s) continue;
    if (DEFINITION.test(s)) {
      // as instance() defines it (mathjs may reject the name: then the unit cannot be converted)
      const key = createdKey({ name: def.name, mathjs: s });
      if (key in table.created) continue;
      let u: MathUnit | null = null;
      try {
        m.createUnit(createdName(def.name), s);
        u = Unit.parse(createdName(def.name));
      } catch {
        table.created[key] = null;
      }
      if (u) {
        table.created[key] = repOf(key, u, ms);
        units.set(key, u);
      }
    } else if (!(s in table.parsed)) {
      let u: MathUnit | null = null;
      try {
        u = Unit.parse(s);
      } catch {
        table.parsed[s] = null;
      }
      if (u) {
        table.parsed[s] = repOf(s, u, ms);
        units.set(s, u);
      }
    }
  }
  // the offset term of Unit.to() for every pair that takes it
  const reps = [...Object.values(table.parsed), ...Object.values(table.created)].filter((r): r is UnitRep => r !== null);
  for (const a of reps) {
    for (const b of reps) {
      if (!needsOffset(a, b)) continue;
      const ua = units.get(a.k)!.units[0]!.unit;
      const ub = units.get(b.k)!.units[0]!.unit;
      const term = ms.number(ms.subtractScalar(ms.multiplyScalar(ua.value, ua.offset), ms.multiplyScalar(ub.value, ub.offset)));
      table.offsets[`${a.k}|${b.k}`] = term;
    }
  }
  return table;
}
