/**
 * A faithful port of the reference scorer ../shared/eval/score.py: scores one cluster's JSON report against its
 * gold.json. Same unit aliases, same measure tokenizer/stemmer, same greedy longest-overlap matching (ties broken
 * exactly as Python sorts tuples), same trap hits, value/unit/qualifier checks, findings TP/FP against discrepancy
 * relations, consistent pairs flagged, document dates; `summary()` has the same keys and rounding (Python's
 * round-half-even on the exact binary value).
 *
 * Offsets: gold spans are found with Python's `str.find` on code points and converted to UTF-16, which is what a
 * JS string index already is. Files are decoded like Python's `open(encoding="utf-8", newline="")`: strict UTF-8,
 * a BOM kept as U+FEFF (it counts as one offset), no newline translation.
 *
 * Where the report is malformed in a way that makes score.py raise, this throws a PyError with Python's message.
 */
import { readFileSync } from 'node:fs';
import {
  PyError,
  PyFloat,
  PY_WS,
  cpLength,
  dumps,
  isPyObject,
  loads,
  pyEq,
  pyFind,
  pyFloat,
  pyGet,
  pyIn,
  pyItem,
  pyKey,
  pyNumber,
  pyRound,
  pySlice,
  pySortTuples,
  pyStr,
  pyStrField,
  pyStrip,
  pyStrRepr,
  pyTruthy,
  type PyObject,
  type PyValue,
} from './py.js';

// ---------------------------------------------------------------------------------------------------------------
// units

/** score.py's ALIASES, in its order (later keys win where an alias is listed twice, e.g. "mw" → magnitude). */
export const ALIASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['count', ['count', '', 'none', '1', 'unitless', 'number', 'items', 'item', 'each']],
  ['km', ['km', 'kilometer', 'kilometre']],
  ['mi', ['mi', 'mile']],
  ['m', ['m', 'meter', 'metre']],
  ['cm', ['cm', 'centimeter', 'centimetre']],
  ['mm', ['mm', 'millimeter', 'millimetre']],
  ['in', ['in', 'inch', 'inches']],
  ['ft', ['ft', 'foot', 'feet']],
  ['km/h', ['km/h', 'kph', 'kmh', 'km/hour', 'kilometer/hour', 'kilometre/hour', 'km/hr', 'kilometre per hour', 'kilometer per hour']],
  ['mph', ['mph', 'mi/h', 'mile/hour', 'mi/hr', 'miles/hour', 'mile per hour']],
  ['degc', ['degc', 'celsius', '°c', 'c']],
  ['degf', ['degf', 'fahrenheit', '°f', 'f']],
  ['usd', ['usd', '$', 'dollar', 'us$', 'us dollar']],
  ['eur', ['eur', '€', 'euro']],
  ['gbp', ['gbp', '£', 'pound sterling', 'sterling']],
  ['percent', ['percent', '%', 'pct', 'per cent', 'percentage']],
  ['pp', ['pp', 'percentage point', 'percentage-point', 'ppt', 'percentagepoint']],
  ['day', ['day', 'd']],
  ['week', ['week', 'wk']],
  ['month', ['month', 'mo']],
  ['year', ['year', 'yr', 'y', 'year of age', 'years old', 'year-old']],
  ['hour', ['hour', 'h', 'hr']],
  ['minute', ['minute', 'min']],
  ['second', ['second', 's', 'sec']],
  ['kg', ['kg', 'kilogram', 'kilogramme']],
  ['tonne', ['tonne', 't', 'metric ton', 'ton']],
  ['lb', ['lb', 'lbs', 'pound', 'pound-mass']],
  ['acre', ['acre']],
  ['hectare', ['hectare', 'ha']],
  ['km2', ['km2', 'km^2', 'sq km', 'square kilometer', 'square kilometre', 'km²']],
  ['m2', ['m2', 'm^2', 'sq m', 'square meter', 'square metre', 'm²']],
  ['yd', ['yd', 'yard']],
  ['hp', ['hp', 'horsepower', 'bhp']],
  ['gb', ['gb', 'gigabyte']],
  ['tb', ['tb', 'terabyte']],
  ['l', ['l', 'liter', 'litre']],
  ['hz', ['hz', 'hertz']],
  ['ghz', ['ghz', 'gigahertz']],
  ['kw', ['kw', 'kilowatt']],
  ['mw', ['mw', 'megawatt']],
  ['gw', ['gw', 'gigawatt']],
  ['kwh', ['kwh', 'kilowatt hour', 'kilowatt-hour']],
  ['mpg', ['mpg', 'mile per gallon', 'mi/gal']],
  ['cent', ['cent', '¢']],
  ['point', ['point', 'pt', 'pts']],
  ['deg', ['deg', 'degree', '°']],
  ['ppb', ['ppb', 'parts-per-billion', 'part per billion']],
  ['ppm', ['ppm', 'parts-per-million', 'part per million']],
  ['um', ['um', 'µm', 'micrometre', 'micrometer', 'micron']],
  ['jpy', ['jpy', 'yen', '¥']],
  ['cny', ['cny', 'yuan', 'rmb', 'renminbi']],
  ['aud', ['aud', 'a$', 'australian dollar']],
  ['hkd', ['hkd', 'hk$', 'hong kong dollar']],
  ['myr', ['myr', 'ringgit', 'rm', 'malaysian ringgit']],
  ['ils', ['ils', 'shekel', 'nis', 'new shekel']],
  ['inr', ['inr', 'rupee', 'rs', 'indian rupee']],
  ['cad', ['cad', 'c$', 'canadian dollar']],
  ['rub', ['rub', 'rouble', 'ruble', '₽']],
  ['uah', ['uah', 'hryvnia', '₴']],
  ['kes', ['kes', 'ksh', 'kenyan shilling']],
  ['try', ['try', 'lira', 'turkish lira', '₺']],
  ['times', ['times', 'ratio', 'x', '×', 'fold', 'multiple', 'multiplier']],
  ['fraction', ['fraction', 'share', 'proportion']],
  ['per100k', ['per100k', 'per 100k', '/100k', 'per 100,000', 'per 100000', '/100000', 'count/100000']],
  ['magnitude', ['magnitude', 'mw', 'richter', 'ml', 'moment magnitude']],
  ['count/day', ['count/day', 'per day', '/day', '1/day', 'day^-1', 'people/day', 'persons/day']],
  ['basis_point', ['basis_point', 'bp', 'bps', 'basis point', 'basis-point']],
  ['hpa', ['hpa', 'hectopascal', 'mbar', 'millibar', 'mb']],
  ['lbf', ['lbf', 'pound-force', 'pound force', 'pounds of thrust']],
  ['nmi', ['nmi', 'nautical mile', 'nautical miles']],
  ['mach', ['mach']],
  ['mi2', ['mi2', 'mi^2', 'sq mi', 'square mile', 'mi²']],
];

export const CANON: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [k, vs] of ALIASES) for (const v of [...vs, k]) m.set(v, k);
  return m;
})();

const STOP = new Set(
  ('the a an of in on at to for by with from and or as is are was were be been that this these those ' +
    'its it their his her per out over under more than about some').split(' '),
);

const PER_100K = new RegExp(`100[,${PY_WS}]?000|100k`);

/** score.py `canon_unit(u)`. `container`/`key` say where u was read from, so that `str(1.0)` is "1.0" as in Python. */
export function canonUnit(u: unknown, container?: object, key?: string): string {
  if (u === null || u === undefined) return 'count';
  const s = pyStrip(pyStr(u, container, key)).toLowerCase();
  if (PER_100K.test(s)) return 'per100k';
  const c = CANON.get(s);
  if (c !== undefined) return c;
  if (s.endsWith('s') && CANON.has(s.slice(0, -1))) return CANON.get(s.slice(0, -1))!;
  return s;
}

/** score.py `tokens(s)`: lower-cased [a-z]+ words, stop words and words under 3 letters dropped, one suffix stripped. */
export function tokens(s: unknown): Set<string> {
  let text: string;
  if (!pyTruthy(s)) text = '';
  else if (typeof s === 'string') text = s;
  else throw new PyError('AttributeError', `object has no attribute 'lower'`);
  const out = new Set<string>();
  for (let w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (STOP.has(w) || w.length < 3) continue;
    for (const suf of ['ing', 'ed', 'es', 's']) {
      if (w.endsWith(suf) && w.length - suf.length >= 4) {
        w = w.slice(0, -suf.length);
        break;
      }
    }
    out.add(w);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// spans

export type Span = readonly [number, number];

/** score.py `gold_span(text, surface, occurrence)` → UTF-16 [start, end) or null. */
export function goldSpan(text: string, surface: string, occurrence: unknown): Span | null {
  const occ = pyTruthy(occurrence) ? occurrence : 1;
  const n = pyNumber(occ);
  if (n === undefined || !Number.isInteger(n)) {
    throw new PyError('TypeError', `'${typeof occ === 'string' ? 'str' : 'float'}' object cannot be interpreted as an integer`);
  }
  let start = -1;
  for (let i = 0; i < n; i++) {
    start = pyFind(text, surface, start + 1);
    if (start < 0) return null;
  }
  // u16(text, i) = UTF-16 length of text[:i] (Python slice semantics, so a negative i counts from the end)
  const u16 = (i: number) => pySlice(text, 0, i).length;
  return [u16(start), u16(start + cpLength(surface))];
}

function spanNumber(v: unknown): number {
  const n = pyNumber(v);
  if (n === undefined) throw new PyError('TypeError', `span offsets must be numbers, got ${pyStr(v)}`);
  return n;
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

// ---------------------------------------------------------------------------------------------------------------
// values

const SECONDS: Readonly<Record<string, number>> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
  week: 604800,
  month: 2629800,
  year: 31557600,
};
const inSeconds = (u: string) => Object.prototype.hasOwnProperty.call(SECONDS, u);

/** A vague amount ("hundreds of thousands", "dozens"): no digits, a wide interval. */
export function vague(gold: PyObject): boolean {
  const lo = pyGet(gold, 'low');
  const hi = pyGet(gold, 'high');
  if (/\p{Nd}/u.test(pyStr(pyItem(gold, 'surface')))) return false;
  if (lo === null || hi === null) return false;
  return pyFloat(hi) > 1.5 * Math.max(pyFloat(lo), 1e-9);
}

function claimUnit(claim: PyObject): string {
  return canonUnit(pyGet(claim, 'unit'), claim, 'unit');
}
function goldUnit(gold: PyObject): string {
  return canonUnit(pyItem(gold, 'unit'), gold, 'unit');
}

function inGoldUnits(claim: PyObject, gold: PyObject, x: PyValue): PyValue {
  const cu = claimUnit(claim);
  const gu = goldUnit(gold);
  const n = pyNumber(x);
  if (cu !== gu && n !== undefined) {
    if (inSeconds(cu) && inSeconds(gu)) return (n * SECONDS[cu]!) / SECONDS[gu]!;
    if (cu === 'percent' && gu === 'fraction') return n / 100;
  }
  return x;
}

export function close(a: unknown, b: unknown, rel = 1e-6): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  try {
    const fa = pyFloat(a);
    const fb = pyFloat(b);
    return Math.abs(fa - fb) <= rel * Math.max(1.0, Math.abs(fb));
  } catch (e) {
    if (e instanceof PyError && (e.pyType === 'TypeError' || e.pyType === 'ValueError')) return false;
    throw e;
  }
}

/** Python's chained `lo <= v <= hi` with int/float/bool operands. */
function between(lo: number, v: number, hi: number): boolean {
  return lo <= v && v <= hi;
}

export function sameValue(claim: PyObject, gold: PyObject): boolean {
  const cu = claimUnit(claim);
  const gu = goldUnit(gold);
  const rel = cu !== gu ? 1e-3 : 1e-6;
  const v = inGoldUnits(claim, gold, pyGet(claim, 'value'));
  if (vague(gold)) {
    const n = pyNumber(v);
    if (n === undefined) return false;
    return between(pyFloat(pyItem(gold, 'low')) * (1 - rel), n, pyFloat(pyItem(gold, 'high')) * (1 + rel));
  }
  if (pyEq(pyItem(gold, 'qualifier'), 'range') && pyGet(gold, 'low') !== null && pyGet(gold, 'high') !== null) {
    return (
      close(inGoldUnits(claim, gold, pyGet(claim, 'low')), pyItem(gold, 'low'), rel) &&
      close(inGoldUnits(claim, gold, pyGet(claim, 'high')), pyItem(gold, 'high'), rel)
    );
  }
  return close(v, pyItem(gold, 'value'), rel);
}

export function sameQualifier(claim: PyObject, gold: PyObject): boolean {
  const raw = pyGet(claim, 'qualifier');
  const q = pyTruthy(raw) ? raw : 'exact';
  if (vague(gold)) return pyEq(q, 'approx') || pyEq(q, 'range');
  return pyEq(q, pyItem(gold, 'qualifier'));
}

export function sameUnit(claim: PyObject, gold: PyObject): boolean {
  const cu = claimUnit(claim);
  const gu = goldUnit(gold);
  return cu === gu || (inSeconds(cu) && inSeconds(gu)) || (cu === 'percent' && gu === 'fraction');
}

// ---------------------------------------------------------------------------------------------------------------
// files

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Python `open(path, encoding="utf-8", newline="").read()`: strict UTF-8, BOM kept, newlines untouched. */
export function readText(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new PyError('FileNotFoundError', `[Errno 2] No such file or directory: ${pyStrRepr(path)}`);
    if (err.code === 'EISDIR') throw new PyError('IsADirectoryError', `[Errno 21] Is a directory: ${pyStrRepr(path)}`);
    throw new PyError('OSError', err.message);
  }
  try {
    return utf8.decode(buf);
  } catch {
    throw new PyError('UnicodeDecodeError', `'utf-8' codec can't decode ${path}`);
  }
}

/** Python `json.load(open(path, encoding="utf-8"))` (universal newlines, which JSON cannot tell apart). */
export function loadJson(path: string): PyValue {
  return loads(readText(path).replace(/\r\n?/g, '\n'));
}

/** Python `os.path.join(a, b)` (POSIX): no normalisation, an absolute b wins. */
export function pyJoin(a: string, b: string): string {
  if (b.startsWith('/')) return b;
  if (a === '' || a.endsWith('/')) return a + b;
  return `${a}/${b}`;
}

/** Python `os.path.basename(p)` (POSIX). */
export function pyBasename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// score

export interface Metrics {
  claims: number;
  matched: number;
  spurious: number;
  trap_hits: number;
  gold: number;
  value_ok: number;
  unit_ok: number;
  qualifier_ok: number;
  measure_hit: number;
  unknown_doc: number;
  findings: number;
  findings_tp: number;
  findings_fp: number;
  discrepancies: number;
  discrepancies_found: number;
  consistent_pairs: number;
  consistent_flagged: number;
  dates: number;
  dates_ok: number;
  errors: string[];
}

export type Totals = Omit<Metrics, 'errors'>;
export const METRIC_KEYS = [
  'claims', 'matched', 'spurious', 'trap_hits', 'gold', 'value_ok', 'unit_ok', 'qualifier_ok', 'measure_hit',
  'unknown_doc', 'findings', 'findings_tp', 'findings_fp', 'discrepancies', 'discrepancies_found',
  'consistent_pairs', 'consistent_flagged', 'dates', 'dates_ok',
] as const satisfies ReadonlyArray<keyof Totals>;

function asList(v: PyValue, what: string): PyValue[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return Array.from(v);
  if (isPyObject(v)) return Object.keys(v);
  throw new PyError('TypeError', `'${v === null ? 'NoneType' : typeof v}' object is not iterable (${what})`);
}

function asDict(v: PyValue): PyObject {
  if (!isPyObject(v)) throw new PyError('AttributeError', `'${Array.isArray(v) ? 'list' : typeof v}' object has no attribute 'get'`);
  return v;
}

/** A Python-keyed map (dict semantics: 1 == 1.0, insertion order kept, re-assignment keeps the position). */
class PyMap<V> {
  private readonly m = new Map<string, { key: PyValue; value: V }>();
  set(key: PyValue, value: V): void {
    const k = pyKey(key);
    const e = this.m.get(k);
    if (e) e.value = value;
    else this.m.set(k, { key, value });
  }
  get(key: PyValue): V | undefined {
    return this.m.get(pyKey(key))?.value;
  }
  has(key: PyValue): boolean {
    return this.m.has(pyKey(key));
  }
  get size(): number {
    return this.m.size;
  }
  *entries(): IterableIterator<[PyValue, V]> {
    for (const { key, value } of this.m.values()) yield [key, value];
  }
}

/** frozenset of two hashables, as a map key. */
function pairKey(a: PyValue, b: PyValue): string {
  const ka = pyKey(a);
  const kb = pyKey(b);
  return ka === kb ? ka : ka < kb ? `${ka}\u0000${kb}` : `${kb}\u0000${ka}`;
}

/** score.py `score(cluster, report)`: the raw counts and the error list. */
export function score(cluster: string, report: unknown): Metrics {
  const gold = asDict(loadJson(pyJoin(cluster, 'gold.json')));
  const rep = asDict(report as PyValue);

  const texts = new Map<string, string>();
  for (const d of asList(pyItem(gold, 'documents'), 'documents')) {
    const file = pyStr(pyItem(asDict(d), 'file'));
    texts.set(file, readText(pyJoin(cluster, file)));
  }
  // map report documents to gold files by path suffix
  const docFile = new PyMap<string>();
  for (const dv of asList(pyGet(rep, 'documents', []), 'documents')) {
    const d = asDict(dv);
    const pv = pyGet(d, 'path');
    const iv = pyGet(d, 'id');
    const p = pyStr(pyTruthy(pv) ? pv : pyTruthy(iv) ? iv : '', d, pyTruthy(pv) ? 'path' : 'id');
    for (const f of texts.keys()) {
      if (p.replace(/\\/g, '/').endsWith(f) || pyBasename(p) === pyBasename(f)) {
        docFile.set(Object.prototype.hasOwnProperty.call(d, 'id') ? iv : p, f);
      }
    }
  }
  const figs = new PyMap<{ g: PyObject; span: Span }>();
  for (const gv of asList(pyItem(gold, 'figures'), 'figures')) {
    const g = asDict(gv);
    const text = texts.get(pyStr(pyItem(g, 'file')));
    if (text === undefined) throw new PyError('KeyError', `'${pyStr(pyItem(g, 'file'))}'`);
    const sp = goldSpan(text, pyStr(pyItem(g, 'surface')), pyGet(g, 'occurrence', 1));
    if (sp) figs.set(pyItem(g, 'id'), { g, span: sp });
  }
  const traps: Array<{ file: string; span: Span }> = [];
  for (const tv of asList(pyGet(gold, 'traps', []), 'traps')) {
    const t = asDict(tv);
    const file = pyStr(pyItem(t, 'file'));
    const text = texts.get(file);
    if (text === undefined) throw new PyError('KeyError', `'${file}'`);
    const sp = goldSpan(text, pyStr(pyItem(t, 'surface')), pyGet(t, 'occurrence', 1));
    if (sp) traps.push({ file, span: sp });
  }

  const m: Metrics = {
    claims: 0, matched: 0, spurious: 0, trap_hits: 0, gold: figs.size, value_ok: 0, unit_ok: 0,
    qualifier_ok: 0, measure_hit: 0, unknown_doc: 0,
    findings: 0, findings_tp: 0, findings_fp: 0, discrepancies: 0, discrepancies_found: 0,
    consistent_pairs: 0, consistent_flagged: 0, dates: 0, dates_ok: 0, errors: [],
  };
  const claimFig = new PyMap<PyValue>();
  const used = new PyMap<true>();
  const claims = asList(pyGet(rep, 'claims', []), 'claims');
  // best-overlap greedy matching, longest overlaps first
  const spanOf = (c: PyObject): PyValue => {
    const s = pyGet(c, 'span');
    return pyTruthy(s) ? s : {};
  };
  let cands: Array<[number, PyValue, PyValue]> = [];
  for (const cv of claims) {
    const c = asDict(cv);
    m.claims += 1;
    const f = docFile.get(pyGet(c, 'document'));
    const sp = spanOf(c);
    if (f === undefined || !pyIn(sp, 'start')) {
      m.unknown_doc += 1;
      continue;
    }
    const cs: Span = [spanNumber(pyItem(sp, 'start')), spanNumber(pyItem(sp, 'end'))];
    for (const [fid, { g, span: gs }] of figs.entries()) {
      if (pyEq(pyItem(g, 'file'), f)) {
        const ov = overlap(cs, gs);
        if (ov > 0) cands.push([ov, pyItem(c, 'id'), fid]);
      }
    }
  }
  cands = pySortTuples(cands, true);
  for (const [, cid, fid] of cands) {
    if (claimFig.has(cid) || used.has(fid)) continue;
    claimFig.set(cid, fid);
    used.set(fid, true);
  }
  const errors = m.errors;
  for (const cv of claims) {
    const c = asDict(cv);
    const cid = pyGet(c, 'id');
    const f = docFile.get(pyGet(c, 'document'));
    const sp = spanOf(c);
    if (claimFig.has(cid)) {
      const g = figs.get(claimFig.get(cid)!)!.g;
      m.matched += 1;
      const vOk = sameValue(c, g);
      const uOk = sameUnit(c, g);
      const qOk = sameQualifier(c, g);
      const ct = tokens(pyGet(c, 'measure'));
      const gt = tokens(pyItem(g, 'measure'));
      const meOk = [...ct].some((t) => gt.has(t));
      m.value_ok += vOk ? 1 : 0;
      m.unit_ok += uOk ? 1 : 0;
      m.qualifier_ok += qOk ? 1 : 0;
      m.measure_hit += meOk ? 1 : 0;
      if (!(vOk && uOk)) {
        errors.push(
          `wrong ${pyStrField(g, 'file')} '${pyStrField(g, 'surface')}': got value=${pyStrField(c, 'value')} ` +
            `unit=${pyStrField(c, 'unit')}; gold value=${pyStr(pyItem(g, 'value'), g, 'value')} unit=${pyStr(pyItem(g, 'unit'), g, 'unit')}`,
        );
      }
    } else if (f !== undefined && pyIn(sp, 'start')) {
      const cs: Span = [spanNumber(pyItem(sp, 'start')), spanNumber(pyItem(sp, 'end'))];
      if (traps.some((t) => t.file === f && overlap(cs, t.span) > 0)) {
        m.trap_hits += 1;
        errors.push(`trap ${f} '${pyStrField(c, 'text')}'`);
      } else {
        m.spurious += 1;
        errors.push(`spurious ${f} '${pyStrField(c, 'text')}'`);
      }
    }
  }
  for (const [fid, { g }] of figs.entries()) {
    if (!used.has(fid)) errors.push(`missed ${pyStrField(g, 'file')} '${pyStrField(g, 'surface')}' (${pyStrField(g, 'measure')})`);
  }

  // findings
  const relations = asList(pyGet(gold, 'relations', []), 'relations').map(asDict);
  const disc = new Map<string, PyObject>();
  const cons = new Set<string>();
  for (const r of relations) {
    const k = pairKey(pyItem(r, 'a'), pyItem(r, 'b'));
    if (pyEq(pyItem(r, 'verdict'), 'discrepancy')) disc.set(k, r);
  }
  for (const r of relations) {
    if (pyEq(pyItem(r, 'verdict'), 'consistent')) cons.add(pairKey(pyItem(r, 'a'), pyItem(r, 'b')));
  }
  const found = new Set<string>();
  let fTp = 0;
  let fFp = 0;
  let consViolations = 0;
  for (const fv of asList(pyGet(rep, 'findings', []), 'findings')) {
    const fd = asDict(fv);
    const ids = asList(pyGet(fd, 'claims', []), 'claims').map((cid) => claimFig.get(cid) ?? null);
    const mapped = new PyMap<true>();
    for (const i of ids) if (pyTruthy(i)) mapped.set(i, true);
    const keys = [...mapped.entries()].map(([k]) => k);
    const pairs = new Set<string>();
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.add(pairKey(keys[i]!, keys[j]!));
    const hit = [...pairs].filter((p) => disc.has(p));
    if (hit.length) {
      fTp += 1;
      for (const h of hit) found.add(h);
    } else {
      fFp += 1;
      consViolations += [...pairs].filter((p) => cons.has(p)).length;
      const msg = pyGet(fd, 'message', '');
      if (typeof msg !== 'string') throw new PyError('TypeError', `'${msg === null ? 'NoneType' : typeof msg}' object is not subscriptable`);
      errors.push(`false alarm [${pyStrField(fd, 'rule')}] ${pySlice(msg, 0, 120)}`);
    }
  }
  for (const [pair, r] of disc) {
    if (!found.has(pair)) {
      const note = pyGet(r, 'note', '');
      if (typeof note !== 'string') throw new PyError('TypeError', `'${note === null ? 'NoneType' : typeof note}' object is not subscriptable`);
      errors.push(`undetected ${pyStrField(r, 'kind')} ${pyStrField(r, 'a')}~${pyStrField(r, 'b')}: ${pySlice(note, 0, 100)}`);
    }
  }
  m.findings = fTp + fFp;
  m.findings_tp = fTp;
  m.findings_fp = fFp;
  m.discrepancies = disc.size;
  m.discrepancies_found = found.size;
  m.consistent_pairs = cons.size;
  m.consistent_flagged = consViolations;

  // document dates: only dates the text itself states (or its metadata carries) can be expected of a tool
  const gd = new Map<string, PyValue>();
  for (const dv of asList(pyItem(gold, 'documents'), 'documents')) {
    const d = asDict(dv);
    if (pyTruthy(pyGet(d, 'date_in_text', true))) gd.set(pyStr(pyItem(d, 'file')), pyGet(d, 'date'));
  }
  m.dates = gd.size;
  m.dates_ok = 0;
  for (const dv of asList(pyGet(rep, 'documents', []), 'documents')) {
    const d = asDict(dv);
    const f = docFile.get(pyGet(d, 'id', pyGet(d, 'path')));
    if (f === undefined || !pyTruthy(f)) continue;
    const want = gd.get(f);
    if (!pyTruthy(want)) continue;
    if (typeof want !== 'string') throw new PyError('TypeError', `'${typeof want}' object is not subscriptable`);
    const got = pyGet(d, 'date');
    if (pySlice(pyStr(pyTruthy(got) ? got : '', d, 'date'), 0, 10) === pySlice(want, 0, 10)) m.dates_ok += 1;
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// summary

export interface Summary {
  extract_p: number;
  extract_r: number;
  extract_f1: number;
  value_acc: number;
  unit_acc: number;
  qualifier_acc: number;
  measure_hit: number;
  trap_hits: number;
  disc_p: number;
  disc_r: number;
  disc_f1: number;
  consistent_flagged: number;
  date_acc: number;
}

/** Keys of `summary()` (and of the micro line) that Python holds as ints; every other one is a float. */
export const INT_SUMMARY_KEYS: ReadonlySet<string> = new Set(['trap_hits', 'consistent_flagged', 'clusters', 'crashed']);

/** score.py `summary(m)`. */
export function summary(m: Totals): Summary {
  const ratio = (a: number, b: number) => (b ? a / b : 0.0);
  const p = ratio(m.matched, m.claims);
  const r = ratio(m.matched, m.gold);
  const f1 = ratio(2 * p * r, p + r);
  const dp = ratio(m.findings_tp, m.findings);
  const dr = ratio(m.discrepancies_found, m.discrepancies);
  const df1 = ratio(2 * dp * dr, dp + dr);
  return {
    extract_p: pyRound(p, 3),
    extract_r: pyRound(r, 3),
    extract_f1: pyRound(f1, 3),
    value_acc: pyRound(ratio(m.value_ok, m.matched), 3),
    unit_acc: pyRound(ratio(m.unit_ok, m.matched), 3),
    qualifier_acc: pyRound(ratio(m.qualifier_ok, m.matched), 3),
    measure_hit: pyRound(ratio(m.measure_hit, m.matched), 3),
    trap_hits: m.trap_hits,
    disc_p: pyRound(dp, 3),
    disc_r: pyRound(dr, 3),
    disc_f1: pyRound(df1, 3),
    consistent_flagged: m.consistent_flagged,
    date_acc: pyRound(ratio(m.dates_ok, m.dates), 3),
  };
}

/** A summary-like record ready for `dumps`: floats wrapped so that 1.0 prints as 1.0, ints as ints. */
export function forDumps(s: Readonly<Record<string, number>>): Record<string, number | PyFloat> {
  const out: Record<string, number | PyFloat> = {};
  for (const [k, v] of Object.entries(s)) out[k] = INT_SUMMARY_KEYS.has(k) ? v : new PyFloat(v);
  return out;
}

/** Adds a cluster's counts to running totals (run_eval.py's `total`). */
export function addTotals(total: Partial<Totals>, m: Metrics): void {
  for (const k of METRIC_KEYS) total[k] = (total[k] ?? 0) + m[k];
}

/** score.py's command-line output for one cluster: `json.dumps(out, indent=1)` with summary and errors last. */
export function scoreOutput(m: Metrics): string {
  const out: Record<string, unknown> = {};
  for (const k of METRIC_KEYS) out[k] = m[k];
  out.summary = forDumps(summary(m) as unknown as Record<string, number>);
  out.errors = m.errors;
  return dumpsIndent1(out);
}

function dumpsIndent1(v: unknown): string {
  return dumps(v, { indent: 1 });
}
