/**
 * The bits of Python semantics the reference scorer (../shared/eval/score.py) and runner (run_eval.py) depend on,
 * so that the TypeScript port prints the same numbers and the same text:
 *
 * - `loads`: a port of CPython's json scanner (`_json.c`): same accepted syntax (NaN, Infinity), same error messages
 *   and positions ("Expecting value: line 1 column 1 (char 0)"), and it remembers which number literals Python
 *   would hold as `float` (222000.0) or as an exact big `int`, so that `str()` of them matches.
 * - `dumps`: `json.dumps` with its default separators and `ensure_ascii`, optionally `indent`.
 * - `str`/`repr` of JSON values, `round(x, n)`, `float(x)`, truthiness, `str.strip()`, code-point slicing,
 *   hashing (dict keys: 1 == 1.0 == True) and ordering (`<` on str compares code points).
 *
 * Positions in Python are code-point indices; JS strings are UTF-16. Every place where the difference shows
 * (error positions, slices) converts explicitly.
 */

/** A value as Python's json module would produce it. Objects are plain JS objects with own properties only. */
export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };
export type PyObject = { [key: string]: PyValue };

/** A float for `dumps` even when it has an integer value (Python prints 1.0, not 1). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Raised like Python's exceptions; `message` is what `str(e)` prints. */
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

/** json.JSONDecodeError */
export class JSONDecodeError extends PyError {
  constructor(
    readonly msg: string,
    readonly doc: string,
    readonly pos: number, // code-point index, as in Python
  ) {
    const before = Array.from(doc).slice(0, pos).join('');
    const lineno = before.split('\n').length;
    const lastNl = before.lastIndexOf('\n');
    const colno = lastNl < 0 ? cpLength(before) + 1 : cpLength(before.slice(lastNl + 1)) + 1;
    super('JSONDecodeError', `${msg}: line ${lineno} column ${colno} (char ${pos})`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// number literals: which numbers Python holds as float (or as an int too big for a double)

/** container → key → the Python `repr` of the number literal stored there, when it differs from the default. */
const literalRepr = new WeakMap<object, Map<string, string>>();

function noteLiteral(container: object, key: string, repr: string): void {
  let m = literalRepr.get(container);
  if (!m) literalRepr.set(container, (m = new Map()));
  m.set(key, repr);
}

// ---------------------------------------------------------------------------------------------------------------
// strings

const SURROGATE = /[\ud800-\udfff]/;

/** Length in code points (Python `len(str)`). */
export function cpLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** UTF-16 index → code-point index. */
export function cpIndex(s: string, utf16: number): number {
  return cpLength(s.slice(0, utf16));
}

/** Python `s[start:end]` with code-point indices (negative = from the end, like Python). */
export function pySlice(s: string, start?: number | null, end?: number | null): string {
  if (!SURROGATE.test(s)) return s.slice(start ?? undefined, end ?? undefined);
  return Array.from(s).slice(start ?? undefined, end ?? undefined).join('');
}

/** Python `list[start:end]`. */
export function pyListSlice<T>(xs: readonly T[], start?: number | null, end?: number | null): T[] {
  return xs.slice(start ?? undefined, end ?? undefined);
}

/** Characters for which Python's `str.isspace()` is true (and which `\s` matches in a `str` pattern). */
export const PY_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, 'g');

/** Python `str.strip()` (no argument). Unlike JS `trim()` it keeps U+FEFF and strips U+001C–U+001F and U+0085. */
export function pyStrip(s: string): string {
  return s.replace(PY_STRIP, '');
}

/** Python `str.find(sub, start)` on code-point indices, returning a code-point index or -1. */
export function pyFind(s: string, sub: string, start: number): number {
  if (!SURROGATE.test(s)) {
    const st = start < 0 ? Math.max(0, start + s.length) : start;
    return st > s.length ? -1 : s.indexOf(sub, st);
  }
  const cps = Array.from(s);
  const n = cps.length;
  let st = start;
  if (st < 0) st = Math.max(0, st + n);
  if (st > n) return -1;
  const u16 = cps.slice(0, st).join('').length;
  const i = s.indexOf(sub, u16);
  return i < 0 ? -1 : cpIndex(s, i);
}

/** Python ordering of two strings: by code point (JS `<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------------------------
// values

export function isPyObject(v: unknown): v is PyObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
}

/** `d.get(key, dflt)` on a dict (own keys only). */
export function pyGet(d: unknown, key: string, dflt: PyValue = null): PyValue {
  if (!isPyObject(d)) throw new PyError('AttributeError', `'${pyTypeName(d)}' object has no attribute 'get'`);
  return Object.prototype.hasOwnProperty.call(d, key) ? (d[key] as PyValue) : dflt;
}

/** `d[key]` on a dict; KeyError when missing. */
export function pyItem(d: unknown, key: string): PyValue {
  if (!isPyObject(d)) throw new PyError('TypeError', `'${pyTypeName(d)}' object is not subscriptable`);
  if (!Object.prototype.hasOwnProperty.call(d, key)) throw new PyError('KeyError', `'${key}'`);
  return d[key] as PyValue;
}

/** `key in x` for a dict (key), list (element) or str (substring). */
export function pyIn(x: unknown, key: string): boolean {
  if (isPyObject(x)) return Object.prototype.hasOwnProperty.call(x, key);
  if (Array.isArray(x)) return x.some((e) => pyEq(e, key));
  if (typeof x === 'string') return x.includes(key);
  throw new PyError('TypeError', `argument of type '${pyTypeName(x)}' is not iterable`);
}

export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** Python truthiness. */
export function pyTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (typeof v === 'number') return v !== 0; // NaN is truthy in Python
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyFloat) return v.value !== 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}

/** `isinstance(v, (int, float))` — bool is an int in Python. Returns the number, or undefined. */
export function pyNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** A hashable key for Map/Set with Python's equality (1 == 1.0 == True; None; str). Unhashable → TypeError. */
export function pyKey(v: unknown): string {
  if (v === null || v === undefined) return 'N';
  if (typeof v === 'boolean') return v ? 'n1' : 'n0';
  if (typeof v === 'number') return 'n' + (Object.is(v, -0) ? '0' : String(v));
  if (typeof v === 'string') return 's' + v;
  throw new PyError('TypeError', `unhashable type: '${pyTypeName(v)}'`);
}

/** Python `==` for JSON values. */
export function pyEq(a: unknown, b: unknown): boolean {
  const na = pyNumber(a);
  const nb = pyNumber(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && na === nb;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEq(x, b[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && pyEq((a as PyObject)[k], (b as PyObject)[k]));
}

/** Python `a < b` for numbers, strings, lists; TypeError otherwise (as Python 3). */
export function pyLt(a: unknown, b: unknown): boolean {
  const na = pyNumber(a);
  const nb = pyNumber(b);
  if (na !== undefined && nb !== undefined) return na < nb;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b) < 0;
  if (Array.isArray(a) && Array.isArray(b)) return compareTuples(a, b) < 0;
  throw new PyError('TypeError', `'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/** Python tuple ordering: first unequal element decides, by `<`. */
export function compareTuples(a: readonly unknown[], b: readonly unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (pyEq(a[i], b[i])) continue;
    return pyLt(a[i], b[i]) ? -1 : 1;
  }
  return a.length - b.length;
}

/** Python `sorted(xs, reverse=reverse)` for tuples (stable, like Python's sort). */
export function pySortTuples<T extends readonly unknown[]>(xs: T[], reverse = false): T[] {
  return xs.slice().sort((x, y) => (reverse ? compareTuples(y, x) : compareTuples(x, y)));
}

// ---------------------------------------------------------------------------------------------------------------
// float(x), round(x, n), repr(float)

/** The value of a Unicode decimal digit (Python's `int`/`float` accept any Nd digit). */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0)!;
  let start = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** Python `float(x)`. Throws PyError (ValueError/TypeError) like Python. */
export function pyFloat(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return x.value;
  if (typeof x === 'string') {
    const bad = () => new PyError('ValueError', `could not convert string to float: ${pyRepr(x)}`);
    let s = pyStrip(x);
    // non-ASCII decimal digits become ASCII
    s = s.replace(/\p{Nd}/gu, (d) => (d >= '0' && d <= '9' ? d : String(digitValue(d))));
    const m = /^([+-]?)(?:(inf|infinity)|(nan)|((?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?))$/i.exec(s);
    if (!m) throw bad();
    const sign = m[1] === '-' ? -1 : 1;
    if (m[2]) return sign * Infinity;
    if (m[3]) return NaN;
    const body = m[4]!.replace(/_/g, '');
    if (!/\d/.test(body.split(/[eE]/)[0]!)) throw bad(); // "." or "e5" alone
    return sign * Number(body);
  }
  if (x === null || x === undefined) throw new PyError('TypeError', "float() argument must be a string or a real number, not 'NoneType'");
  throw new PyError('TypeError', `float() argument must be a string or a real number, not '${pyTypeName(x)}'`);
}

/**
 * Python `round(x, ndigits)` for a float: correctly rounded, ties to even *on the exact binary value*
 * (round(0.0625, 3) == 0.062 where JS toFixed gives 0.063).
 */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21 || x === 0) return x;
  const neg = x < 0;
  const exact = Math.abs(x).toFixed(100); // exact for every double >= 2^-48; smaller ones round to 0 at 3 digits anyway
  const [ip, fp] = exact.split('.') as [string, string];
  const keep = fp.slice(0, ndigits);
  const rest = fp.slice(ndigits);
  let up: boolean;
  if (/^0*$/.test(rest)) up = false;
  else if (/^50*$/.test(rest)) up = (Number((ip + keep).slice(-1)) & 1) === 1;
  else up = rest[0]! >= '5';
  let digits = BigInt(ip + keep);
  if (up) digits += 1n;
  const s = digits.toString().padStart(ndigits + 1, '0');
  const r = Number(`${s.slice(0, s.length - ndigits)}.${s.slice(s.length - ndigits)}`);
  return neg ? -r : r;
}

/** Python `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace(/^-/, '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${out}` : out;
}

/** `repr` of a number that came from JSON without a recorded literal: ints stay ints. */
function numberRepr(x: number): string {
  if (Number.isInteger(x)) return BigInt(x).toString();
  return pyFloatRepr(x);
}

// ---------------------------------------------------------------------------------------------------------------
// str() and repr()

function isPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(String.fromCodePoint(cp));
}

/** Python `repr(str)`. */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f || isPrintable(cp)) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + q;
}

/** Python `repr(v)` of a JSON value (`container`/`key` locate it, to recover float/bigint literals). */
export function pyRepr(v: unknown, container?: object, key?: string): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (typeof v === 'number') {
    const lit = container && key !== undefined ? literalRepr.get(container)?.get(key) : undefined;
    return lit ?? numberRepr(v);
  }
  if (typeof v === 'string') return pyStrRepr(v);
  if (Array.isArray(v)) return '[' + v.map((e, i) => pyRepr(e, v, String(i))).join(', ') + ']';
  const o = v as PyObject;
  return '{' + Object.keys(o).map((k) => `${pyStrRepr(k)}: ${pyRepr(o[k], o, k)}`).join(', ') + '}';
}

/** Python `str(v)` (what an f-string `{v}` prints). */
export function pyStr(v: unknown, container?: object, key?: string): string {
  return typeof v === 'string' ? v : pyRepr(v, container, key);
}

/** `str(d.get(key))`, remembering how the number literal at d[key] was written. */
export function pyStrField(d: unknown, key: string, dflt: PyValue = null): string {
  if (!isPyObject(d)) return pyStr(dflt);
  return Object.prototype.hasOwnProperty.call(d, key) ? pyStr(d[key], d, key) : pyStr(dflt);
}

// ---------------------------------------------------------------------------------------------------------------
// json.loads — a port of CPython 3.11 Modules/_json.c (scanner) and json/decoder.py

const JSON_WS = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

class StopIteration {
  constructor(readonly idx: number) {}
}

class Scanner {
  private readonly s: string;
  constructor(s: string) {
    this.s = s;
  }

  private err(msg: string, idx: number): JSONDecodeError {
    return new JSONDecodeError(msg, this.s, cpIndex(this.s, idx));
  }

  private skipWs(idx: number): number {
    while (idx < this.s.length && JSON_WS(this.s[idx])) idx++;
    return idx;
  }

  /** Returns [value, next index, python repr of a number literal when it must be remembered]. */
  scanOnce(idx: number): [PyValue, number, string?] {
    const s = this.s;
    if (idx >= s.length) throw new StopIteration(idx);
    switch (s[idx]) {
      case '"':
        return this.scanString(idx + 1);
      case '{':
        return this.parseObject(idx + 1);
      case '[':
        return this.parseArray(idx + 1);
      case 'n':
        if (s.startsWith('null', idx)) return [null, idx + 4];
        break;
      case 't':
        if (s.startsWith('true', idx)) return [true, idx + 4];
        break;
      case 'f':
        if (s.startsWith('false', idx)) return [false, idx + 5];
        break;
      case 'N':
        if (s.startsWith('NaN', idx)) return [NaN, idx + 3, 'nan'];
        break;
      case 'I':
        if (s.startsWith('Infinity', idx)) return [Infinity, idx + 8, 'inf'];
        break;
      case '-':
        if (s.startsWith('-Infinity', idx)) return [-Infinity, idx + 9, '-inf'];
        break;
    }
    return this.matchNumber(idx);
  }

  private matchNumber(start: number): [PyValue, number, string?] {
    const s = this.s;
    const end = s.length - 1;
    const isDigit = (i: number) => i <= end && s[i]! >= '0' && s[i]! <= '9';
    let idx = start;
    if (s[idx] === '-') {
      idx++;
      if (idx > end) throw new StopIteration(start);
    }
    if (s[idx]! >= '1' && s[idx]! <= '9') {
      idx++;
      while (isDigit(idx)) idx++;
    } else if (s[idx] === '0') {
      idx++;
    } else {
      throw new StopIteration(start);
    }
    let isFloat = false;
    if (idx < end && s[idx] === '.' && isDigit(idx + 1)) {
      isFloat = true;
      idx += 2;
      while (isDigit(idx)) idx++;
    }
    if (idx < end && (s[idx] === 'e' || s[idx] === 'E')) {
      const eStart = idx;
      idx++;
      if (idx < end && (s[idx] === '-' || s[idx] === '+')) idx++;
      while (isDigit(idx)) idx++;
      if (s[idx - 1]! >= '0' && s[idx - 1]! <= '9') isFloat = true;
      else idx = eStart;
    }
    const text = s.slice(start, idx);
    const value = Number(text);
    if (isFloat) {
      return [value, idx, Number.isInteger(value) ? pyFloatRepr(value) : undefined];
    }
    // an int: exact in Python however large
    const big = BigInt(text).toString();
    return [value, idx, big !== numberRepr(value) ? big : undefined];
  }

  private scanString(end: number): [string, number] {
    const s = this.s;
    const len = s.length;
    const begin = end - 1;
    let out = '';
    for (;;) {
      let next = end;
      let c = '';
      for (; next < len; next++) {
        c = s[next]!;
        if (c === '"' || c === '\\') break;
        if (c.charCodeAt(0) <= 0x1f) throw this.err('Invalid control character at', next);
      }
      if (!(next < len && (c === '"' || c === '\\'))) throw this.err('Unterminated string starting at', begin);
      out += s.slice(end, next);
      next++;
      if (c === '"') return [out, next];
      if (next === len) throw this.err('Unterminated string starting at', begin);
      c = s[next]!;
      if (c !== 'u') {
        end = next + 1;
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (!(c in map)) throw this.err('Invalid \\escape', end - 2);
        out += map[c];
      } else {
        next++;
        end = next + 4;
        if (end >= len) throw this.err('Invalid \\uXXXX escape', next - 1);
        const hex = s.slice(next, end);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.err('Invalid \\uXXXX escape', end - 5);
        let cp = parseInt(hex, 16);
        next = end;
        if (cp >= 0xd800 && cp <= 0xdbff && end + 6 < len && s[next] === '\\' && s[next + 1] === 'u') {
          const hex2 = s.slice(next + 2, next + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex2)) throw this.err('Invalid \\uXXXX escape', end + 6 - 5);
          const c2 = parseInt(hex2, 16);
          if (c2 >= 0xdc00 && c2 <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (c2 - 0xdc00);
            end += 6;
          }
        }
        out += cp > 0xffff ? String.fromCodePoint(cp) : String.fromCharCode(cp);
      }
    }
  }

  private parseObject(idx: number): [PyObject, number] {
    const s = this.s;
    const obj: PyObject = {};
    idx = this.skipWs(idx);
    if (idx >= s.length || s[idx] !== '}') {
      for (;;) {
        if (idx >= s.length || s[idx] !== '"') throw this.err('Expecting property name enclosed in double quotes', idx);
        const [key, afterKey] = this.scanString(idx + 1);
        idx = this.skipWs(afterKey);
        if (idx >= s.length || s[idx] !== ':') throw this.err("Expecting ':' delimiter", idx);
        idx = this.skipWs(idx + 1);
        const [val, next, lit] = this.scanOnce(idx);
        Object.defineProperty(obj, key, { value: val, writable: true, enumerable: true, configurable: true });
        if (lit !== undefined) noteLiteral(obj, key, lit);
        else literalRepr.get(obj)?.delete(key);
        idx = this.skipWs(next);
        if (idx < s.length && s[idx] === '}') break;
        if (idx >= s.length || s[idx] !== ',') throw this.err("Expecting ',' delimiter", idx);
        idx = this.skipWs(idx + 1);
      }
    }
    return [obj, idx + 1];
  }

  private parseArray(idx: number): [PyValue[], number] {
    const s = this.s;
    const arr: PyValue[] = [];
    idx = this.skipWs(idx);
    if (idx >= s.length || s[idx] !== ']') {
      for (;;) {
        const [val, next, lit] = this.scanOnce(idx);
        if (lit !== undefined) noteLiteral(arr, String(arr.length), lit);
        arr.push(val);
        idx = this.skipWs(next);
        if (idx < s.length && s[idx] === ']') break;
        if (idx >= s.length || s[idx] !== ',') throw this.err("Expecting ',' delimiter", idx);
        idx = this.skipWs(idx + 1);
      }
    }
    return [arr, idx + 1];
  }

  decode(): PyValue {
    const s = this.s;
    if (s.startsWith('\ufeff')) throw new JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0);
    const start = this.skipWs(0);
    let result: [PyValue, number, string?];
    try {
      result = this.scanOnce(start);
    } catch (e) {
      if (e instanceof StopIteration) throw this.err('Expecting value', e.idx);
      throw e;
    }
    const end = this.skipWs(result[1]);
    if (end !== s.length) throw this.err('Extra data', end);
    return result[0];
  }
}

/** Python `json.loads(s)`; nested "Expecting value" errors carry the nested position, as in CPython. */
export function loads(s: string): PyValue {
  const sc = new Scanner(s);
  try {
    return sc.decode();
  } catch (e) {
    if (e instanceof StopIteration) throw new JSONDecodeError('Expecting value', s, cpIndex(s, e.idx));
    throw e;
  }
}

/**
 * The `repr` Python would print for the number stored at container[key] when it was parsed by `loads`
 * (e.g. "222000.0" for a float literal), or undefined when the default (int if integral) applies.
 */
export function literalOf(container: object, key: string): string | undefined {
  return literalRepr.get(container)?.get(key);
}

// ---------------------------------------------------------------------------------------------------------------
// json.dumps

function dumpString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function dumpFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pyFloatRepr(x);
}

/**
 * Python `json.dumps(v)` (ensure_ascii, separators ", " / ": "; with indent: "," / ": ").
 * Numbers are ints when integral unless wrapped in PyFloat or recorded as float literals by `loads`.
 */
export function dumps(v: unknown, opts: { indent?: number } = {}): string {
  const ind = opts.indent;
  const itemSep = ind === undefined ? ', ' : ',';
  const enc = (x: unknown, level: number, container?: object, key?: string): string => {
    if (x === null || x === undefined) return 'null';
    if (x === true) return 'true';
    if (x === false) return 'false';
    if (x instanceof PyFloat) return dumpFloat(x.value);
    if (typeof x === 'number') {
      const lit = container && key !== undefined ? literalRepr.get(container)?.get(key) : undefined;
      if (lit === 'nan' || lit === 'inf' || lit === '-inf') return dumpFloat(x);
      if (lit !== undefined) return lit;
      return Number.isInteger(x) ? BigInt(x).toString() : dumpFloat(x);
    }
    if (typeof x === 'string') return dumpString(x);
    const nl = ind === undefined ? '' : '\n' + ' '.repeat(ind * (level + 1));
    const close = ind === undefined ? '' : '\n' + ' '.repeat(ind * level);
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      return '[' + nl + x.map((e, i) => enc(e, level + 1, x, String(i))).join(itemSep + nl) + close + ']';
    }
    const o = x as PyObject;
    const keys = Object.keys(o);
    if (keys.length === 0) return '{}';
    return '{' + nl + keys.map((k) => `${dumpString(k)}: ${enc(o[k], level + 1, o, k)}`).join(itemSep + nl) + close + '}';
  };
  return enc(v, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// shlex.split (POSIX mode, no comments) — for the NUMCHECK environment variable, as run_eval.py reads it

export function shlexSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inToken = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "'") {
      const j = s.indexOf("'", i + 1);
      if (j < 0) throw new PyError('ValueError', 'No closing quotation');
      cur += s.slice(i + 1, j);
      i = j;
      inToken = true;
    } else if (ch === '"') {
      // inside double quotes a backslash escapes only a backslash or a double quote (Python's shlex)
      inToken = true;
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] === '\\' && j + 1 < s.length && (s[j + 1] === '\\' || s[j + 1] === '"')) {
          j++;
          cur += s[j];
        } else cur += s[j];
      }
      if (j >= s.length) throw new PyError('ValueError', 'No closing quotation');
      i = j;
    } else if (ch === '\\') {
      if (i + 1 >= s.length) throw new PyError('ValueError', 'No escaped character');
      i++;
      cur += s[i];
      inToken = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      if (inToken) out.push(cur);
      cur = '';
      inToken = false;
    } else {
      cur += ch;
      inToken = true;
    }
  }
  if (inToken) out.push(cur);
  return out;
}
