/**
 * Conformance with other projects' test suites (../shared/peers): loads their cases, applies our skip rules
 * (skips.yaml) and unit mapping (units.yaml), runs the project's extractor and scores each file separately.
 *
 * A case passes when, for every expected in-scope result, one of our figures overlaps its span with an equal
 * value (the interval, for ranges; the unit, for units) — one figure per result — and, within the file's family
 * (each NumberWithUnit file annotates only its own type), no figure of ours is left over. Figures overlapping a
 * skipped result are neither matched nor counted as extra.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { Mention } from '../../src/types.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PEERS = resolve(ROOT, '../shared/peers');
export const HAVE_PEERS = existsSync(PEERS);
export const EXTRACT_SOURCE = join(ROOT, 'src/extract/index.ts');
export const HAVE_EXTRACTOR = existsSync(EXTRACT_SOURCE);
const HERE = join(ROOT, 'test/conformance');

// ---------------------------------------------------------------------------------------------------------------
// the extractor

/** The extractor's API the suites run against (fixed: src/extract/index.ts). */
export interface ExtractApi {
  extract(text: string): Mention[];
  parseNumber(text: string): number | null;
}

/** Imports src/extract/index.js at run time, so that these tests compile and skip while it does not exist. */
export async function loadExtractor(): Promise<ExtractApi> {
  const spec = '../../src/extract/index.js';
  const mod = (await import(spec)) as Partial<ExtractApi>;
  if (typeof mod.extract !== 'function' || typeof mod.parseNumber !== 'function') {
    throw new Error('src/extract/index.ts must export extract(text) and parseNumber(text)');
  }
  return { extract: (t) => mod.extract!(t), parseNumber: (t) => mod.parseNumber!(t) };
}

// ---------------------------------------------------------------------------------------------------------------
// data tables

export interface Accept {
  unit: string;
  factor: number;
}

interface UnitsFile {
  families: { dimension: string[]; dimension_rate_numerators: string[] };
  recognizers: Record<'currency' | 'dimension' | 'temperature' | 'age', Record<string, Array<string | { unit: string; factor: number }>>>;
  quantulum: Record<string, Array<string | { unit: string; factor: number }>>;
}

export const UNITS = YAML.parse(readFileSync(join(HERE, 'units.yaml'), 'utf8')) as UnitsFile;
export const THRESHOLDS = JSON.parse(readFileSync(join(HERE, 'thresholds.json'), 'utf8')) as Record<string, number>;

function accepts(list: Array<string | { unit: string; factor: number }> | undefined): Accept[] | null {
  if (!list) return null;
  return list.map((a) => (typeof a === 'string' ? { unit: a, factor: 1 } : { unit: a.unit, factor: a.factor }));
}

export interface SkipRule {
  id: string;
  reason: string;
  files: string[];
  match: {
    input?: string;
    inputs?: string[];
    no_expected?: boolean;
    flags?: string;
    expected?: { text?: string; texts?: string[]; before?: string; year?: boolean; flags?: string };
    /** A figure of ours the suite does not annotate, by design: not counted as extra. */
    ours?: { text: string; flags?: string };
  };
}

export const SKIPS = (YAML.parse(readFileSync(join(HERE, 'skips.yaml'), 'utf8')) as { rules: SkipRule[] }).rules;

// ---------------------------------------------------------------------------------------------------------------
// cases

export type Kind = 'parse' | 'range' | 'unit' | 'all';
export type Family = 'range' | 'percent' | 'currency' | 'dimension' | 'temperature' | 'age' | 'all' | null;

export interface Expected {
  text: string;
  start: number;
  end: number;
  value: number;
  /** Interval ends (ranges): null = unbounded. */
  low: number | null;
  high: number | null;
  isRange: boolean;
  /** "x ± y": compare the value only. */
  plusMinus: boolean;
  /** Their unit name, for messages and for the year rule. */
  unitName: string | null;
  /** Accepted units of ours; null = the unit is not compared. */
  units: Accept[] | null;
  /** Relative tolerance (1e-6; 1e-3 for values given as long rounded fractions). */
  rel: number;
}

export interface Case {
  input: string;
  items: Expected[];
  /** Expected results with no value (unit words alone), dropped as SOURCE.md says. */
  dropped: number;
}

export interface SuiteFile {
  id: string;
  path: string;
  kind: Kind;
  family: Family;
  informational?: boolean;
  cases: Case[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
}

/** A value given as a long rounded fraction ("0.666666666666667") gets the looser tolerance. */
function tolerance(valueText: string): number {
  const digits = valueText.replace(/^[-+]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
  return /\./.test(valueText) && digits.length >= 12 ? 1e-3 : 1e-6;
}

interface RecognizersCase {
  Input: string;
  Results: Array<{ Text: string; Start: number; End: number; TypeName: string; Resolution: { value?: string | null; unit?: string; isoCurrency?: string } | null }>;
}

const RECOGNIZERS_FILES: Array<{ id: string; path: string; kind: Kind; family: Family; model?: keyof UnitsFile['recognizers'] | 'percent' }> = [
  { id: 'recognizers/NumberModel', path: 'Specs/Number/English/NumberModel.json', kind: 'parse', family: null },
  { id: 'recognizers/NumberRangeModel', path: 'Specs/Number/English/NumberRangeModel.json', kind: 'range', family: 'range' },
  { id: 'recognizers/PercentModel', path: 'Specs/Number/English/PercentModel.json', kind: 'unit', family: 'percent', model: 'percent' },
  { id: 'recognizers/CurrencyModel', path: 'Specs/NumberWithUnit/English/CurrencyModel.json', kind: 'unit', family: 'currency', model: 'currency' },
  { id: 'recognizers/DimensionModel', path: 'Specs/NumberWithUnit/English/DimensionModel.json', kind: 'unit', family: 'dimension', model: 'dimension' },
  { id: 'recognizers/TemperatureModel', path: 'Specs/NumberWithUnit/English/TemperatureModel.json', kind: 'unit', family: 'temperature', model: 'temperature' },
  { id: 'recognizers/AgeModel', path: 'Specs/NumberWithUnit/English/AgeModel.json', kind: 'unit', family: 'age', model: 'age' },
];

/** "(20,35]" → [20, 35]; "(,30]" → [null, 30]. */
function parseInterval(v: string): [number | null, number | null] {
  const m = /^[[(]\s*([^,]*?)\s*,\s*([^,]*?)\s*[\])]$/.exec(v);
  if (!m) throw new Error(`not an interval: ${v}`);
  return [m[1] ? Number(m[1]) : null, m[2] ? Number(m[2]) : null];
}

export function loadRecognizers(): SuiteFile[] {
  const base = join(PEERS, 'recognizers-text');
  return RECOGNIZERS_FILES.map((f) => {
    const raw = readJson(join(base, f.path)) as RecognizersCase[];
    const cases: Case[] = raw.map((c) => {
      let dropped = 0;
      const items: Expected[] = [];
      for (const r of c.Results) {
        const v = r.Resolution?.value;
        if (v === null || v === undefined || v === 'null') {
          dropped++;
          continue;
        }
        const start = r.Start;
        const end = r.End + 1;
        const text = c.Input.slice(start, end);
        let value = NaN;
        let low: number | null = null;
        let high: number | null = null;
        if (f.kind === 'range') [low, high] = parseInterval(v);
        else value = Number(v.replace(/%$/, ''));
        let units: Accept[] | null = null;
        const unitName = r.Resolution?.unit ?? null;
        if (f.model === 'percent') units = [{ unit: 'percent', factor: 1 }];
        else if (f.model) {
          const iso = r.Resolution?.isoCurrency;
          units = f.model === 'currency' && iso ? [{ unit: iso, factor: 1 }] : accepts(UNITS.recognizers[f.model][unitName ?? '']) ?? [];
        }
        items.push({ text, start, end, value, low, high, isRange: f.kind === 'range', plusMinus: false, unitName, units, rel: tolerance(v) });
      }
      return { input: c.Input, items, dropped };
    });
    return { id: f.id, path: join('recognizers-text', f.path), kind: f.kind, family: f.family, cases };
  });
}

interface QuantulumCase {
  req: string;
  res: Array<{ value: number; uncertainty?: number | null; unit: string; surface: string }>;
}

export function loadQuantulum(): SuiteFile[] {
  const base = join(PEERS, 'quantulum3/quantulum3/_lang/en_US/tests');
  return [
    { id: 'quantulum/quantities', file: 'quantities.json', informational: false },
    { id: 'quantulum/quantities.ambiguity', file: 'quantities.ambiguity.json', informational: true },
  ].map((f) => {
    const raw = readJson(join(base, f.file)) as QuantulumCase[];
    const cases: Case[] = raw.map((c) => ({
      input: c.req,
      dropped: 0,
      items: c.res.map((r): Expected => {
        const start = c.req.indexOf(r.surface); // quantulum3's own span rule: the first occurrence
        if (start < 0) throw new Error(`surface ${JSON.stringify(r.surface)} not in ${JSON.stringify(c.req)}`);
        const u = r.uncertainty ?? null;
        const plusMinus = u !== null && /±|\+\/-/.test(r.surface);
        const isRange = u !== null && !plusMinus;
        return {
          text: r.surface,
          start,
          end: start + r.surface.length,
          value: r.value,
          low: isRange ? r.value - u! : null,
          high: isRange ? r.value + u! : null,
          isRange,
          plusMinus,
          unitName: r.unit,
          units: accepts(UNITS.quantulum[r.unit]) ?? [],
          rel: tolerance(String(r.value)),
        };
      }),
    }));
    return { id: f.id, path: join('quantulum3/quantulum3/_lang/en_US/tests', f.file), kind: 'all' as Kind, family: 'all' as Family, informational: f.informational, cases };
  });
}

/** Unit names a file uses that units.yaml does not map (a data bug in the test, not in the extractor). */
export function unmappedUnits(file: SuiteFile): string[] {
  const out = new Set<string>();
  for (const c of file.cases) for (const e of c.items) if (e.units && e.units.length === 0) out.add(e.unitName ?? '(none)');
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------------------------
// skips

function ruleApplies(rule: SkipRule, fileId: string): boolean {
  return rule.files.includes('*') || rule.files.includes(fileId);
}

function caseConditions(rule: SkipRule, c: Case): boolean {
  const m = rule.match;
  const flags = m.flags ?? '';
  if (m.input !== undefined && !new RegExp(m.input, flags).test(c.input)) return false;
  if (m.inputs !== undefined && !m.inputs.includes(c.input)) return false;
  if (m.no_expected !== undefined && m.no_expected !== (c.items.length === 0)) return false;
  return true;
}

function itemConditions(rule: SkipRule, c: Case, e: Expected): boolean {
  const x = rule.match.expected!;
  const flags = x.flags ?? '';
  if (x.text !== undefined && !new RegExp(x.text, flags).test(e.text)) return false;
  if (x.texts !== undefined && !x.texts.some((t) => t.toLowerCase() === e.text.toLowerCase())) return false;
  if (x.before !== undefined && !new RegExp(x.before, flags).test(c.input.slice(0, e.start))) return false;
  if (x.year !== undefined) {
    const isYear = /^\d{4}$/.test(e.text) && Number(e.text) >= 1500 && Number(e.text) <= 2099 && (e.unitName === null || e.unitName === 'dimensionless');
    if (isYear !== x.year) return false;
  }
  return true;
}

export interface Scoped {
  /** Rules that skip the whole case (empty = in scope). */
  caseRules: SkipRule[];
  /** Per expected result: the rule that skips it, if any. */
  itemRules: Array<SkipRule | null>;
  /** Rules naming figures of ours that this case may hold without the suite annotating them. */
  oursRules: SkipRule[];
}

export function scope(fileId: string, c: Case): Scoped {
  const rules = SKIPS.filter((r) => ruleApplies(r, fileId));
  const itemRules = c.items.map((e) => rules.find((r) => r.match.expected && caseConditions(r, c) && itemConditions(r, c, e)) ?? null);
  const oursRules = rules.filter((r) => r.match.ours && caseConditions(r, c));
  let caseRules = rules.filter((r) => !r.match.expected && !r.match.ours && caseConditions(r, c));
  if (!caseRules.length && c.items.length > 0 && itemRules.every((r) => r !== null)) {
    caseRules = [...new Set(itemRules as SkipRule[])];
  }
  return { caseRules, itemRules, oursRules };
}

/** The rule that lets our figure m stand unannotated, if any. */
export function allowedExtra(sc: Scoped, m: Mention): SkipRule | undefined {
  return sc.oursRules.find((r) => new RegExp(r.match.ours!.text, r.match.ours!.flags ?? '').test(m.text));
}

// ---------------------------------------------------------------------------------------------------------------
// matching

export function close(a: number | null | undefined, b: number | null | undefined, rel: number): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (b === 0) return Math.abs(a) <= 1e-12;
  return Math.abs(a - b) <= rel * Math.abs(b);
}

function overlaps(m: { start: number; end: number }, e: { start: number; end: number }): boolean {
  return Math.min(m.end, e.end) - Math.max(m.start, e.start) > 0;
}

const ISO = /^[A-Z]{3}$/;

export function inFamily(m: Mention, family: Family): boolean {
  switch (family) {
    case null:
      return false;
    case 'all':
      return true;
    case 'range':
      return m.qualifier === 'lower' || m.qualifier === 'upper' || m.qualifier === 'range';
    case 'percent':
      return m.unit === 'percent' || m.dimension === 'percent';
    case 'currency':
      return m.dimension === 'currency';
    case 'temperature':
      return m.dimension === 'temperature';
    case 'age':
      return m.age === true || m.dimension === 'duration';
    case 'dimension': {
      if (UNITS.families.dimension.includes(m.dimension)) return true;
      const num = m.unit.split('/')[0]!;
      return m.dimension === 'rate' && UNITS.families.dimension_rate_numerators.includes(num) && !ISO.test(num);
    }
  }
}

interface Verdict {
  ok: boolean;
  viaRateNumerator: boolean;
}

/** Does our figure m state the expected result e? */
function equal(kind: Kind, m: Mention, e: Expected): Verdict {
  const no = { ok: false, viaRateNumerator: false };
  if (kind === 'range') return { ok: close(m.low, e.low, e.rel) && close(m.high, e.high, e.rel), viaRateNumerator: false };
  const accepts = e.units ?? [{ unit: m.unit, factor: 1 }];
  for (const a of accepts) {
    let via = false;
    if (m.unit !== a.unit) {
      const slash = m.unit.indexOf('/');
      if (slash > 0 && !a.unit.includes('/') && m.unit.slice(0, slash) === a.unit) via = true;
      else continue;
    }
    let ok: boolean;
    if (e.isRange) {
      const [lo, hi] = [e.low! * a.factor, e.high! * a.factor].sort((x, y) => x - y) as [number, number];
      const ours = [m.low, m.high].every((x) => x !== null) ? ([m.low!, m.high!].sort((x, y) => x - y) as [number, number]) : null;
      ok = ours !== null && close(ours[0], lo, e.rel) && close(ours[1], hi, e.rel);
    } else {
      ok = close(m.value, e.value * a.factor, e.rel);
    }
    if (ok) return { ok: true, viaRateNumerator: via };
  }
  return no;
}

/** Maximum bipartite matching (Kuhn): expected result → our figure. */
function match(edges: number[][], nRight: number): number[] {
  const rightOf = new Array<number>(nRight).fill(-1);
  const leftTo = new Array<number>(edges.length).fill(-1);
  const tryLeft = (l: number, seen: boolean[]): boolean => {
    for (const r of edges[l]!) {
      if (seen[r]) continue;
      seen[r] = true;
      if (rightOf[r]! < 0 || tryLeft(rightOf[r]!, seen)) {
        rightOf[r] = l;
        leftTo[l] = r;
        return true;
      }
    }
    return false;
  };
  for (let l = 0; l < edges.length; l++) tryLeft(l, new Array<boolean>(nRight).fill(false));
  return leftTo;
}

export function describeMention(m: Mention): string {
  const iv = m.low === m.high && m.low === m.value ? '' : ` [${m.low ?? '-∞'}, ${m.high ?? '∞'}]`;
  return `'${m.text}' ${m.value}${iv} ${m.unit} (${m.dimension}, ${m.qualifier}) @${m.start}-${m.end}`;
}

function describeExpected(kind: Kind, e: Expected): string {
  if (kind === 'range' || e.isRange) return `'${e.text}' [${e.low ?? '-∞'}, ${e.high ?? '∞'}]${e.unitName ? ' ' + e.unitName : ''}`;
  return `'${e.text}' ${e.value}${e.unitName ? ' ' + e.unitName : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// scoring a file

export interface CaseFailure {
  input: string;
  problems: string[];
  got: string[];
}

export interface FileResult {
  id: string;
  path: string;
  kind: Kind;
  informational: boolean;
  cases_total: number;
  in_scope: number;
  passed: number | null;
  pass_rate: number | null;
  threshold: number | null;
  results_total: number;
  results_in_scope: number;
  results_matched: number | null;
  exact_span_matches: number | null;
  passes_via_rate_numerator: number | null;
  dropped_valueless: number;
  skipped_cases: Array<{ input: string; rules: string[] }>;
  skipped_results: Array<{ input: string; text: string; rule: string }>;
  /** Figures of ours the suite does not annotate, allowed by a rule (not counted as extra). */
  allowed_extras: Array<{ input: string; text: string; rule: string }>;
  skip_counts: Record<string, { cases: number; results: number; extras: number }>;
  failures: CaseFailure[];
  failure_categories: Record<string, number>;
}

/** Scores one suite file. With api = null, only the scope is computed (passed/pass_rate null). */
export function runFile(file: SuiteFile, api: ExtractApi | null): FileResult {
  const res: FileResult = {
    id: file.id,
    path: file.path,
    kind: file.kind,
    informational: Boolean(file.informational),
    cases_total: file.cases.length,
    in_scope: 0,
    passed: api ? 0 : null,
    pass_rate: null,
    threshold: file.informational ? null : THRESHOLDS[file.id] ?? 0,
    results_total: 0,
    results_in_scope: 0,
    results_matched: api ? 0 : null,
    exact_span_matches: api ? 0 : null,
    passes_via_rate_numerator: api ? 0 : null,
    dropped_valueless: 0,
    skipped_cases: [],
    skipped_results: [],
    allowed_extras: [],
    skip_counts: {},
    failures: [],
    failure_categories: {},
  };
  const count = (id: string, what: 'cases' | 'results' | 'extras') => {
    const s = (res.skip_counts[id] ??= { cases: 0, results: 0, extras: 0 });
    s[what]++;
  };
  const category = (c: string) => (res.failure_categories[c] = (res.failure_categories[c] ?? 0) + 1);
  for (const c of file.cases) {
    res.results_total += c.items.length;
    res.dropped_valueless += c.dropped;
    const sc = scope(file.id, c);
    if (sc.caseRules.length) {
      res.skipped_cases.push({ input: c.input, rules: sc.caseRules.map((r) => r.id) });
      for (const r of sc.caseRules) count(r.id, 'cases');
      c.items.forEach((e, i) => {
        const r = sc.itemRules[i];
        if (r) {
          res.skipped_results.push({ input: c.input, text: e.text, rule: r.id });
          count(r.id, 'results');
        }
      });
      continue;
    }
    res.in_scope++;
    const items = c.items.filter((_, i) => !sc.itemRules[i]);
    const zones = c.items.filter((_, i) => sc.itemRules[i]);
    c.items.forEach((e, i) => {
      const r = sc.itemRules[i];
      if (r) {
        res.skipped_results.push({ input: c.input, text: e.text, rule: r.id });
        count(r.id, 'results');
      }
    });
    res.results_in_scope += items.length;
    if (!api) continue;

    const problems: string[] = [];
    let got: string[] = [];
    if (file.kind === 'parse') {
      for (const e of items) {
        let v: number | null;
        try {
          v = api.parseNumber(e.text);
        } catch (err) {
          problems.push(`parseNumber(${JSON.stringify(e.text)}) threw ${(err as Error).message}`);
          category('parse: threw');
          continue;
        }
        if (v !== null && close(v, e.value, e.rel)) {
          res.results_matched!++;
          res.exact_span_matches!++;
        } else {
          problems.push(`parseNumber(${JSON.stringify(e.text)}) = ${v}, want ${e.value}`);
          category(v === null ? 'parse: not a number' : 'parse: wrong value');
        }
      }
    } else {
      let ms: Mention[];
      try {
        ms = api.extract(c.input);
      } catch (err) {
        ms = [];
        problems.push(`extract threw: ${(err as Error).message}`);
        category('extract threw');
      }
      got = ms.map(describeMention);
      const edges = items.map((e) => ms.map((m, j) => (overlaps(m, e) && equal(file.kind, m, e).ok ? j : -1)).filter((j) => j >= 0));
      const assigned = match(edges, ms.length);
      const used = new Set<number>();
      /** our figures already reported as the wrong answer to an expected result (not counted again as extra) */
      const blamed = new Set<number>();
      items.forEach((e, i) => {
        const j = assigned[i]!;
        if (j >= 0) {
          used.add(j);
          res.results_matched!++;
          const m = ms[j]!;
          if (m.start === e.start && m.end === e.end) res.exact_span_matches!++;
          if (equal(file.kind, m, e).viaRateNumerator) res.passes_via_rate_numerator!++;
          return;
        }
        const over = ms.map((m, k) => [m, k] as const).filter(([m]) => overlaps(m, e));
        const free = over.filter(([, k]) => assigned.indexOf(k) < 0);
        if (!over.length) {
          problems.push(`missed ${describeExpected(file.kind, e)}: no figure there`);
          category('missed (no figure)');
        } else {
          const m = (free[0] ?? over[0]!)[0];
          const unitOk = file.kind === 'range' || !e.units || e.units.some((a) => a.unit === m.unit || m.unit.split('/')[0] === a.unit);
          const cat = file.kind === 'range' ? 'wrong interval' : unitOk ? 'wrong value' : 'wrong unit';
          problems.push(`${cat} for ${describeExpected(file.kind, e)}: got ${over.map(([x]) => describeMention(x)).join(' | ')}`);
          category(cat);
          for (const [, k] of free) blamed.add(k);
        }
      });
      ms.forEach((m, j) => {
        if (used.has(j) || blamed.has(j) || !inFamily(m, file.family)) return;
        if (zones.some((z) => overlaps(m, z))) return;
        const allowed = allowedExtra(sc, m);
        if (allowed) {
          res.allowed_extras.push({ input: c.input, text: m.text, rule: allowed.id });
          count(allowed.id, 'extras');
          return;
        }
        problems.push(`extra ${describeMention(m)}`);
        category('extra figure');
      });
    }
    if (problems.length === 0) res.passed!++;
    else res.failures.push({ input: c.input, problems, got });
  }
  if (api && res.in_scope > 0) res.pass_rate = res.passed! / res.in_scope;
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// reporting

const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
const short = (id: string) => id.replace(/^[a-z]+\//, '');

export function formatFile(r: FileResult, maxFailures = 10): string {
  const lines: string[] = [];
  const head = `${r.id} (${r.kind}${r.informational ? ', informational' : ''}): ${r.cases_total} cases, ${r.in_scope} in scope, ` +
    (r.passed === null ? 'not run (no extractor)' : `${r.passed} passed — ${pct(r.pass_rate)}`) +
    (r.threshold !== null ? ` (threshold ${r.threshold})` : '');
  lines.push(head);
  lines.push(`  results: ${r.results_total} expected (${r.dropped_valueless} value-less dropped), ${r.results_in_scope} in scope` +
    (r.results_matched === null ? '' : `, ${r.results_matched} matched, ${r.exact_span_matches} with the exact span` +
      (r.passes_via_rate_numerator ? `, ${r.passes_via_rate_numerator} via rate numerator` : '')));
  if (Object.keys(r.failure_categories).length) {
    lines.push(`  failures by category: ${Object.entries(r.failure_categories).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  const byRule = new Map<string, string[]>();
  for (const s of r.skipped_cases) for (const id of s.rules) (byRule.get(id) ?? byRule.set(id, []).get(id)!).push(`case  ${JSON.stringify(s.input)}`);
  for (const s of r.skipped_results) {
    if (r.skipped_cases.some((c) => c.input === s.input && c.rules.includes(s.rule))) continue;
    (byRule.get(s.rule) ?? byRule.set(s.rule, []).get(s.rule)!).push(`result ${JSON.stringify(s.text)} in ${JSON.stringify(s.input.length > 90 ? s.input.slice(0, 87) + '...' : s.input)}`);
  }
  for (const s of r.allowed_extras) {
    (byRule.get(s.rule) ?? byRule.set(s.rule, []).get(s.rule)!).push(`our unannotated figure ${JSON.stringify(s.text)} in ${JSON.stringify(s.input.length > 90 ? s.input.slice(0, 87) + '...' : s.input)}`);
  }
  if (byRule.size) {
    lines.push(`  skipped: ${r.skipped_cases.length} cases, ${r.skipped_results.length} results` + (r.allowed_extras.length ? `, ${r.allowed_extras.length} unannotated figures of ours allowed` : ''));
    for (const [id, list] of byRule) {
      const rule = SKIPS.find((x) => x.id === id)!;
      lines.push(`    [${id}] ${rule.reason.replace(/\s+/g, ' ')}`);
      for (const l of list) lines.push(`      - ${l}`);
    }
  }
  if (r.failures.length) {
    lines.push(`  first failures (${Math.min(maxFailures, r.failures.length)} of ${r.failures.length}):`);
    for (const f of r.failures.slice(0, maxFailures)) {
      lines.push(`    ${JSON.stringify(f.input.length > 120 ? f.input.slice(0, 117) + '...' : f.input)}`);
      for (const p of f.problems) lines.push(`      ${p}`);
    }
  }
  return lines.join('\n');
}

/** "conformance | NumberModel 180/220 81.8% | ..." — the one-line table the README quotes. */
export function summaryLine(results: FileResult[]): string {
  return 'conformance | ' + results.map((r) => `${short(r.id)}${r.informational ? '*' : ''} ${r.passed ?? '-'}/${r.in_scope} ${pct(r.pass_rate)}`).join(' | ') +
    (results.some((r) => r.informational) ? ' | (* informational)' : '');
}

/** Markdown table of the same figures. */
export function summaryTable(results: FileResult[]): string {
  const rows = results.map((r) => `| ${r.id}${r.informational ? ' (informational)' : ''} | ${r.cases_total} | ${r.in_scope} | ${r.passed ?? '-'} | ${pct(r.pass_rate)} |`);
  return ['| suite file | cases | in scope | passed | pass rate |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
}

const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * Writes this suite's results to test-artifacts/conformance/<suite>.json and merges every suite's part into
 * test-artifacts/conformance.json (jest runs the two suites in parallel workers: a lock folder serialises the merge).
 * Returns the merged summary line.
 */
export async function writeArtifacts(suite: string, results: FileResult[], note: string | null): Promise<string> {
  const parts = join(ARTIFACTS, 'conformance');
  mkdirSync(parts, { recursive: true });
  const part = join(parts, `${suite}.json`);
  writeFileSync(part + '.tmp', JSON.stringify({ suite, note, results }, null, 2) + '\n');
  renameSync(part + '.tmp', part);
  const lock = join(ARTIFACTS, '.conformance.lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 200) break; // a stale lock: write anyway
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    const all: Array<{ suite: string; note: string | null; results: FileResult[] }> = readdirSync(parts)
      .filter((f) => f.endsWith('.json'))
      .sort((a, b) => (a.startsWith('recognizers') ? 0 : 1) - (b.startsWith('recognizers') ? 0 : 1) || a.localeCompare(b))
      .map((f) => JSON.parse(readFileSync(join(parts, f), 'utf8')));
    const files = all.flatMap((p) => p.results);
    const merged = {
      generated: new Date().toISOString(),
      summary_line: summaryLine(files),
      summary_table: summaryTable(files),
      notes: all.filter((p) => p.note).map((p) => `${p.suite}: ${p.note}`),
      files: files.map((r) => ({
        ...r,
        skipped_cases: r.skipped_cases.map((s) => ({ ...s, reasons: s.rules.map((id) => SKIPS.find((x) => x.id === id)?.reason.replace(/\s+/g, ' ')) })),
        skipped_results: r.skipped_results.map((s) => ({ ...s, reason: SKIPS.find((x) => x.id === s.rule)?.reason.replace(/\s+/g, ' ') })),
        allowed_extras: r.allowed_extras.map((s) => ({ ...s, reason: SKIPS.find((x) => x.id === s.rule)?.reason.replace(/\s+/g, ' ') })),
      })),
      skip_rules: SKIPS.map((r) => ({ id: r.id, files: r.files, reason: r.reason.replace(/\s+/g, ' ') })),
    };
    writeFileSync(join(ARTIFACTS, 'conformance.json'), JSON.stringify(merged, null, 2) + '\n');
    return merged.summary_line;
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      /* already gone */
    }
  }
}

/**
 * One conformance suite as jest tests: every unit name of its files mapped, then each file's in-scope pass rate
 * at or above its threshold (informational files are only reported); the figures go to test-artifacts.
 * Skipped, with a warning, when ../shared/peers is missing.
 */
export function conformanceSuite(opts: { suite: string; title: string; source: string; load: () => SuiteFile[] }): void {
  if (!HAVE_PEERS) console.warn(`SKIP ${opts.title} conformance: ${PEERS} is missing (CI has ../shared/peers next to the repo)`);
  const describePeers = HAVE_PEERS ? describe : describe.skip;
  describePeers(`${opts.title} ${opts.source}`, () => {
    const files = HAVE_PEERS ? opts.load() : [];
    const results: FileResult[] = [];
    let api: ExtractApi | null = null;

    beforeAll(async () => {
      if (HAVE_EXTRACTOR) api = await loadExtractor();
      else console.warn(`NOTE: ${EXTRACT_SOURCE} does not exist yet: only the scope is computed, nothing is asserted`);
    });

    afterAll(async () => {
      const merged = await writeArtifacts(opts.suite, results, api ? null : 'extractor missing: scope only');
      console.log(`${summaryLine(results)}\n(all suites so far) ${merged}`);
    });

    test(`every unit name in the ${opts.source} has a mapping in units.yaml`, () => {
      expect(Object.fromEntries(files.map((f) => [f.id, unmappedUnits(f)]))).toEqual(Object.fromEntries(files.map((f) => [f.id, []])));
    });

    for (const f of files) {
      test(`${f.id}: ${f.informational ? 'reported (informational)' : 'in-scope pass rate >= threshold'}`, () => {
        const r = runFile(f, api);
        results.push(r);
        console.log(formatFile(r));
        if (api && !f.informational && r.pass_rate !== null && r.threshold !== null) expect(r.pass_rate).toBeGreaterThanOrEqual(r.threshold);
      });
    }
  });
}
