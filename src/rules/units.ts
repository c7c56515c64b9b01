/**
 * Unit conversion through mathjs, created with only the factories numcheck needs (the full mathjs costs
 * ~0.6 s to import). Units mathjs lacks (nautical miles, barrels, knots …) are defined from the `mathjs`
 * field of rules/lexicon/units.yaml, never in code.
 *
 * Creating even that mathjs instance costs ~100 ms (its typed functions), more than checking a whole article.
 * So the build asks mathjs once how it reads every spelling of the built-in lexicon (unitTable, written to
 * dist/units-cache.json: each unit's value, prefix, power and offset and its dimensions) and a run converts
 * with exactly the arithmetic of mathjs's Unit (`unit(value, from).toNumber(to)` on numbers: normalise,
 * offsets, denormalise, in the same order, so the result is the same double). A spelling or definition the
 * table does not hold (a user's unit) goes to mathjs itself.
 *
 * mathjs (units-math.ts, ~0.7 MB of code to compile) is loaded only then: `prepareUnits` (awaited by
 * loadRuleSet) looks at the lexicon once and loads it when some unit is not in the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lexicon } from '../lexicon/index.js';
import { packageRoot } from '../util/paths.js';

/** How mathjs reads a unit: [unit value, prefix value, power, unit offset] per factor, the dimensions, and whether the spelling carried a value. */
export interface UnitRep {
  /** the key of this reading in the table (a spelling, or a created unit's name and definition) */
  k: string;
  u: Array<[number, number, number, number]>;
  d: number[];
  v: boolean;
}

/** mathjs's reading of spellings (null: mathjs cannot parse it) and of definitions ("1852 m"; null: createUnit fails). */
export interface UnitTable {
  parsed: Record<string, UnitRep | null>;
  created: Record<string, UnitRep | null>;
  /**
   * Between units of one dimension with different offsets (degC, degF, K), mathjs adds the difference of the
   * offsets, computed in its own types (degF's value is a Fraction): that term per pair of keys, "a|b".
   */
  offsets: Record<string, number>;
}

/** A definition with a number ("1852 m") becomes a new unit named after the entry. */
export const DEFINITION = /^[\d.]+\s/;

/** A definition that names one of the created units itself. */
const CREATED_REF = /\bnc[A-Za-z0-9]/;

export function createdName(name: string): string {
  // (mathjs allows letters and digits only in a unit's name)
  return `nc${name.replace(/[^A-Za-z0-9]/g, '')}`;
}

export interface MathUnit {
  units: Array<{ unit: { value: unknown; offset: unknown }; prefix: { value: unknown }; power: unknown }>;
  dimensions: number[];
  value: unknown;
}

export interface MathScalars {
  number(x: unknown): number;
  multiplyScalar(a: unknown, b: unknown): unknown;
  subtractScalar(a: unknown, b: unknown): unknown;
}

/** The key of a definition in the table: the unit's name (mathjs accepts or rejects the name) and the definition. */
export function createdKey(def: { name: string; mathjs: string }): string {
  return `${createdName(def.name)} ${def.mathjs}`;
}

/** The table the build wrote (null: none, e.g. running from sources). */
let table: UnitTable | null | undefined;
/** Per lexicon: unit name → its rep (null: mathjs cannot read it), or false when the table cannot stand in for mathjs. */
const fastReps = new WeakMap<Lexicon, Map<string, UnitRep | null> | false>();

function loadTable(): UnitTable | null {
  if (table !== undefined) return table;
  try {
    table = JSON.parse(readFileSync(join(packageRoot(), 'dist', 'units-cache.json'), 'utf8')) as UnitTable;
  } catch {
    table = null;
  }
  return table;
}

/**
 * The lexicon's units read through the table, as instance() would define them with mathjs; false when some
 * definition is not in it (then mathjs does everything, so user definitions behave exactly as before).
 */
function repsFor(lex: Lexicon, tab: UnitTable): Map<string, UnitRep | null> | false {
  let reps = fastReps.get(lex);
  if (reps !== undefined) return reps;
  const out = new Map<string, UnitRep | null>();
  const created = new Set<string>();
  reps = out;
  for (const def of lex.unitsByName.values()) {
    const s = def.mathjs;
    if (!s) continue;
    if (DEFINITION.test(s)) {
      const key = createdKey({ name: def.name, mathjs: s });
      const rep = Object.prototype.hasOwnProperty.call(tab.created, key) ? tab.created[key] : undefined;
      const name = createdName(def.name);
      // not in the table, or a second unit of one created name: leave it all to mathjs
      if (rep === undefined || created.has(name) || CREATED_REF.test(s)) {
        reps = false;
        break;
      }
      // mathjs rejected the definition: the unit cannot be converted (instance() leaves its spelling unset)
      if (rep === null) {
        out.set(def.name, null);
        continue;
      }
      created.add(name);
      out.set(def.name, rep);
    } else {
      if (CREATED_REF.test(s)) {
        reps = false;
        break;
      }
      const rep = Object.prototype.hasOwnProperty.call(tab.parsed, s) ? tab.parsed[s] : undefined;
      // a spelling the table does not know: leave the unit to mathjs
      if (rep !== undefined) out.set(def.name, rep);
    }
  }
  fastReps.set(lex, reps);
  return reps;
}

/** mathjs's powNumber. */
function pow(x: number, y: number): number {
  if ((x * x < 1 && y === Infinity) || (x * x > 1 && y === -Infinity)) return 0;
  return Math.pow(x, y);
}

function isDerived(r: UnitRep): boolean {
  if (r.u.length === 0) return false;
  return r.u.length > 1 || Math.abs(r.u[0]![2] - 1.0) > 1e-15;
}

function equalBase(a: UnitRep, b: UnitRep): boolean {
  const n = Math.max(a.d.length, b.d.length);
  for (let i = 0; i < n; i++) if (Math.abs((a.d[i] || 0) - (b.d[i] || 0)) > 1e-12) return false;
  return true;
}

/** Does Unit.to() from a to b add a difference of offsets? */
export function needsOffset(a: UnitRep, b: UnitRep): boolean {
  return equalBase(a, b) && !b.v && !(isDerived(a) || a.u.length === 0 || b.u.length === 0 || a.u[0]![3] === b.u[0]![3]);
}

/**
 * mathjs's `unit(value, a).toNumber(b)` for numbers (Unit: constructor, to, toNumeric), or null where it
 * throws; undefined when the table lacks the pair's offset term.
 */
export function convertRep(value: number, a: UnitRep | null, b: UnitRep | null, offsets: Record<string, number>): number | null | undefined {
  if (a === null || b === null) return null;
  let v = value;
  for (const [uv, pv, pw] of a.u) v = v * pow(uv * pv, pw);
  // to(): the same base dimensions, a valueless target
  if (!equalBase(a, b) || b.v) return null;
  let o = v;
  if (needsOffset(a, b)) {
    const term = offsets[`${a.k}|${b.k}`];
    if (term === undefined) return undefined;
    o = v + term;
  }
  for (const [uv, pv, pw] of b.u) o = o / pow(uv * pv, pw);
  return o;
}

/** mathjs, once a lexicon needs it. */
let mathjs: typeof import('./units-math.js') | null = null;

/** Does converting with this lexicon need mathjs (no table from the build, or units the table does not hold)? */
function needsMathjs(lex: Lexicon): boolean {
  const tab = loadTable();
  const reps = tab ? repsFor(lex, tab) : false;
  if (!reps) return true;
  for (const def of lex.unitsByName.values()) if (def.mathjs && !reps.has(def.name)) return true;
  return false;
}

/** Make `convert` ready for this lexicon: load mathjs when the built table cannot stand in for it. */
export async function prepareUnits(lex: Lexicon): Promise<void> {
  if (!mathjs && needsMathjs(lex)) mathjs = await import('./units-math.js');
}

function mathConvert(value: number, from: string, to: string, lex: Lexicon): number | null {
  if (!mathjs) throw new Error('units: this lexicon needs mathjs, but prepareUnits() was not awaited for it');
  return mathjs.mathConvert(value, from, to, lex);
}

/** The lexicon of the first conversion: mathjs's instance is defined from it for the whole process. */
let firstLex: Lexicon | null = null;

/** value in `from` expressed in `to`, or null when the two units cannot be converted. */
export function convert(value: number, from: string, to: string, lexicon: Lexicon): number | null {
  const lex = (firstLex ??= lexicon);
  const tab = loadTable();
  const reps = tab ? repsFor(lex, tab) : false;
  if (reps) {
    const a = reps.get(from);
    const b = reps.get(to);
    if (a !== undefined && b !== undefined) {
      const r = convertRep(value, a, b, tab!.offsets);
      if (r !== undefined) return r;
    }
    // a unit without a mathjs spelling converts to nothing; one the table does not know goes to mathjs
    else if ((reps.has(from) || !lex.unitsByName.get(from)?.mathjs) && (reps.has(to) || !lex.unitsByName.get(to)?.mathjs)) return null;
  }
  return mathConvert(value, from, to, lex);
}
