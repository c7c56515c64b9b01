/**
 * Reading one numeral from the token stream: digits with their separators ("1,100", "1.234,5", "5 000",
 * "12,34,567.89", "2.4", "1e308", "2½", "2 1/4", "3/4") or number words ("two hundred and fifty",
 * "twenty-five", "a dozen", "one and a half"). Values keep their written digits in `exact`.
 */
import type { Lexicon } from '../lexicon/index.js';
import { T_NUM, T_PUNCT, T_WORD, tokLower, tokText, type Tokens } from './tokens.js';

export interface Numeral {
  /** token index after the numeral */
  end: number;
  value: number;
  /** exact decimal string (no exponent), e.g. "99999999999999999999999", "1.053" */
  exact: string;
  /** 10^k of the last significant written digit (222,000 → 1000; 2.4 → 0.1), null for words */
  precision: number | null;
  form: 'digits' | 'words' | 'fraction' | 'mixed';
  /** digits with exactly one '.' followed by three digits ("1.053"): English decimal or European thousands */
  ambiguousDot: boolean;
  /** integer written without separators and no decimals ("2022", "75") */
  bare: boolean;
  /** number of digits of a bare integer */
  digits: number;
  /** set for fractions "3/4", "½": the fraction value, for percent conversion by the caller */
  isFraction: boolean;
  /** dotted sequences such as version numbers or IP addresses ("2.0.1", "192.168.0.1"): not a figure */
  dotted: boolean;
}

export const VULGAR: Record<string, number> = {
  '½': 0.5, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 0.25, '¾': 0.75, '⅕': 0.2, '⅖': 0.4, '⅗': 0.6, '⅘': 0.8,
  '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 0.125, '⅜': 0.375, '⅝': 0.625, '⅞': 0.875, '⅐': 1 / 7, '⅑': 1 / 9, '⅒': 0.1,
};

/** Thousands groups read at most: 10^36 and beyond are no figures of news, and the bound keeps reading linear. */
const MAX_GROUPS = 12;

const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 8, 10, 16, 32, 100]);

function glued(t: Tokens, i: number): boolean {
  return i < t.n && t.gap[i] === 0;
}

function isNumTok(t: Tokens, i: number): boolean {
  return i < t.n && t.kind[i] === T_NUM;
}

function punctIs(t: Tokens, i: number, ch: string): boolean {
  return i < t.n && t.kind[i] === T_PUNCT && t.text.charCodeAt(t.start[i]!) === ch.charCodeAt(0) && t.end[i]! - t.start[i]! === ch.length;
}

function len(t: Tokens, i: number): number {
  return t.end[i]! - t.start[i]!;
}

/** Strip leading zeros of an integer digit string (keeping one). */
function trimInt(s: string): string {
  const r = s.replace(/^0+(?=\d)/, '');
  return r === '' ? '0' : r;
}

/** Decimal string of intDigits.fracDigits, normalised. */
export function decimalString(intDigits: string, fracDigits: string): string {
  const i = trimInt(intDigits || '0');
  const f = fracDigits.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

/** Multiply a decimal string by 10^k exactly. */
export function shiftDecimal(exact: string, k: number): string {
  const neg = exact.startsWith('-');
  const s = neg ? exact.slice(1) : exact;
  const dot = s.indexOf('.');
  let intPart = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (k >= 0) {
    const take = frac.slice(0, k).padEnd(k, '0');
    intPart += take;
    frac = frac.slice(k);
  } else {
    const m = -k;
    const pad = intPart.padStart(m + 1, '0');
    frac = pad.slice(pad.length - m) + frac;
    intPart = pad.slice(0, pad.length - m);
  }
  const out = decimalString(intPart, frac);
  return neg && out !== '0' ? `-${out}` : out;
}

function exactOf(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return BigInt(v).toString();
  const s = String(v);
  if (!/e/i.test(s)) return s;
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  return (m[1] ? '-' : '') + shiftDecimal(decimalString(m[2]!, m[3] ?? ''), Number(m[4]));
}

export function exactNumber(v: number): string {
  return exactOf(v);
}

/**
 * Digits starting at token i (a T_NUM token). Handles thousands separators (",", ".", NBSP-family spaces and
 * single spaces between 3-digit groups), decimal point or decimal comma, Indian grouping, exponent, vulgar and
 * slash fractions.
 */
export function readDigits(t: Tokens, i: number, opts: DigitOptions = {}): Numeral | null {
  // a leading decimal point: ".08", "the .25ml" (the caller makes sure the "." does not end a word or a number)
  if (punctIs(t, i, '.') && isNumTok(t, i + 1) && glued(t, i + 1)) {
    const fr = tokText(t, i + 1);
    const exact = decimalString('0', fr);
    const n: Numeral = { end: i + 2, value: Number(exact), exact, precision: Math.pow(10, -fr.length), form: 'digits', ambiguousDot: false, bare: false, digits: 0, isFraction: false, dotted: false };
    return withPower(t, n, opts);
  }
  if (!isNumTok(t, i)) return null;
  const text = t.text;
  const first = tokText(t, i);
  let intDigits = first;
  let frac = '';
  let j = i + 1;
  let grouped = false;
  let sepChar = '';
  let ambiguousDot = false;

  // --- groups separated by "," or "." (thousands) or by spaces (NBSP family, or a plain space)
  const groupSeps: string[] = [];
  let k = j;
  const groups: string[] = [];
  // at most MAX_GROUPS groups are looked at, so reading a number costs O(1) tokens whatever follows it
  // ("1,2,3,…" a megabyte long is a list, not a number)
  let overflow = false;
  while (k + 1 < t.n && t.kind[k] === T_PUNCT && glued(t, k) && isNumTok(t, k + 1) && glued(t, k + 1)) {
    const ch = text[t.start[k]!]!;
    if (ch !== ',' && ch !== '.' && ch !== "'") break;
    if (groups.length === MAX_GROUPS) {
      overflow = true;
      break;
    }
    groupSeps.push(ch);
    groups.push(tokText(t, k + 1));
    k += 2;
  }
  if (overflow && groupSeps.every((c) => c === '.')) {
    // a long dotted run: not a figure
    return { end: k, value: Number(first), exact: trimInt(first), precision: 1, form: 'digits', ambiguousDot: false, bare: true, digits: first.length, isFraction: false, dotted: true };
  }
  if (groups.length > 0 && !overflow) {
    const allSame = groupSeps.every((c) => c === groupSeps[0]);
    const last = groups[groups.length - 1]!;
    const firstLen = first.length;
    if (allSame && groupSeps[0] === ',') {
      // 1,100 / 12,34,567 (Indian) / 3,5 (decimal comma) / 1,100.5 handled below
      const thousands = groups.every((g) => g.length === 3) && firstLen <= 3;
      const indian = groups.length >= 2 && last.length === 3 && groups.slice(0, -1).every((g) => g.length === 2) && firstLen <= 2;
      if (thousands || indian) {
        intDigits = first + groups.join('');
        grouped = true;
        sepChar = ',';
        j = k;
      } else if (groups.length === 1 && last.length <= 2 && firstLen <= 3) {
        // decimal comma: "3,5 %"
        intDigits = first;
        frac = last;
        j = k;
        sepChar = 'decimal-comma';
      } else if (groups.length >= 1 && groups.slice(0, -1).every((g) => g.length === 3) && firstLen <= 3 && groups[groups.length - 1]!.length === 3) {
        intDigits = first + groups.join('');
        grouped = true;
        j = k;
      } else {
        // "1,2,3" lists or malformed: take the first group only
        j = i + 1;
      }
    } else if (allSame && groupSeps[0] === '.') {
      if (groups.length === 1) {
        // decimal point; "1.053" is ambiguous (European thousands)
        intDigits = first;
        frac = last;
        ambiguousDot = last.length === 3 && firstLen <= 3 && first !== '0';
        j = k;
      } else if (groups.every((g) => g.length === 3) && firstLen <= 3) {
        // 1.234.567 European thousands
        intDigits = first + groups.join('');
        grouped = true;
        sepChar = '.';
        j = k;
      } else {
        // version numbers / IP addresses: not a figure
        return { end: k, value: Number(first), exact: trimInt(first), precision: 1, form: 'digits', ambiguousDot: false, bare: true, digits: first.length, isFraction: false, dotted: true };
      }
    } else if (groupSeps.length >= 2 && groupSeps[groupSeps.length - 1] !== groupSeps[0] && groupSeps.slice(0, -1).every((c) => c === groupSeps[0])) {
      // mixed: "1,234.5" (English) or "1.234,5" (European): the last separator is the decimal mark
      const body = groups.slice(0, -1);
      const indianBody = groupSeps[0] === ',' && body.length >= 2 && body[body.length - 1]!.length === 3 && body.slice(0, -1).every((g) => g.length === 2) && firstLen <= 2;
      if ((body.every((g) => g.length === 3) && firstLen <= 3) || indianBody) {
        intDigits = first + body.join('');
        frac = last;
        grouped = true;
        sepChar = groupSeps[0]!;
        j = k;
      } else j = i + 1;
    } else if (allSame && groupSeps[0] === "'" && groups.every((g) => g.length === 3) && firstLen <= 3) {
      // Swiss 1'000'000
      intDigits = first + groups.join('');
      grouped = true;
      j = k;
    } else {
      j = i + 1;
    }
  }

  // --- space-grouped thousands: "5 000", "5 000 000" (NBSP, narrow NBSP, thin space, or one plain space)
  if (!grouped && frac === '' && first.length <= 3 && j === i + 1) {
    let m = j;
    const sg: string[] = [];
    let nbspSeen = false;
    while (m < t.n && isNumTok(t, m) && t.gap[m] === 1 && !t.nl[m] && len(t, m) === 3 && sg.length <= MAX_GROUPS) {
      const sp = text.charCodeAt(t.start[m]! - 1);
      if (sp === 0xa0 || sp === 0x202f || sp === 0x2009) nbspSeen = true;
      else if (sp !== 32) break;
      sg.push(tokText(t, m));
      m++;
    }
    // a plain space is accepted only when the next token is not itself a number (avoid "in 2022 100 people")
    if (sg.length && sg.length <= MAX_GROUPS && (nbspSeen || !(m < t.n && t.kind[m] === T_NUM))) {
      // a following decimal part: "5 000,5" / "5 000.5"
      intDigits = first + sg.join('');
      grouped = true;
      j = m;
      if (j + 1 < t.n && (punctIs(t, j, ',') || punctIs(t, j, '.')) && glued(t, j) && isNumTok(t, j + 1) && glued(t, j + 1) && len(t, j + 1) !== 3) {
        frac = tokText(t, j + 1);
        j += 2;
      }
    }
  }

  // decimal part after a grouped integer: "1,100.5"
  if (grouped && frac === '' && sepChar === ',' && j + 1 < t.n && punctIs(t, j, '.') && glued(t, j) && isNumTok(t, j + 1) && glued(t, j + 1)) {
    frac = tokText(t, j + 1);
    j += 2;
  }

  let exact = decimalString(intDigits, frac);
  let value = Number(exact);
  let precision: number | null;
  if (frac) precision = Math.pow(10, -frac.length);
  else {
    const tz = /0*$/.exec(trimInt(intDigits))![0].length;
    precision = trimInt(intDigits) === '0' ? 1 : Math.pow(10, tz);
  }
  let form: Numeral['form'] = 'digits';
  let isFraction = false;

  // --- exponent: 1e308, 1.5E-3 (letter e glued, optional sign glued, digits glued, nothing glued after)
  if (j < t.n && t.kind[j] === T_WORD && glued(t, j) && (tokText(t, j) === 'e' || tokText(t, j) === 'E')) {
    let m = j + 1;
    let sign = 1;
    if (m < t.n && (punctIs(t, m, '-') || punctIs(t, m, '+')) && glued(t, m)) {
      sign = punctIs(t, m, '-') ? -1 : 1;
      m++;
    }
    if (isNumTok(t, m) && glued(t, m) && len(t, m) <= 4 && !(m + 1 < t.n && glued(t, m + 1) && t.kind[m + 1] !== T_PUNCT)) {
      const e = sign * Number(tokText(t, m));
      exact = shiftDecimal(exact, e);
      value = Number(`${decimalString(intDigits, frac)}e${e}`);
      precision = precision !== null ? precision * Math.pow(10, e) : null;
      j = m + 1;
    }
  }

  // --- vulgar fraction glued: "2½"
  if (j < t.n && t.kind[j] === T_PUNCT && glued(t, j) && VULGAR[tokText(t, j)] !== undefined && frac === '') {
    value += VULGAR[tokText(t, j)]!;
    exact = exactOf(value);
    precision = null;
    form = 'mixed';
    j++;
  } else if (!grouped && frac === '' && j + 1 < t.n && punctIs(t, j, '/') && glued(t, j) && isNumTok(t, j + 1) && glued(t, j + 1) && !(j + 2 < t.n && punctIs(t, j + 2, '/') && glued(t, j + 2))) {
    // slash fraction "3/4" (small denominators only: "24/7" and "9/11" are not fractions)
    const num = Number(first);
    const den = Number(tokText(t, j + 1));
    // "1/40 of the wavelength": a unit fraction before "of", whatever its denominator
    const unitFractionOf = num === 1 && den > 1 && den <= 1000 && j + 2 < t.n && t.kind[j + 2] === T_WORD && tokText(t, j + 2) === 'of';
    if ((FRACTION_DENOMINATORS.has(den) || unitFractionOf) && num > 0 && num < den * 10 && !(j + 2 < t.n && glued(t, j + 2) && t.kind[j + 2] === T_NUM)) {
      value = num / den;
      exact = exactOf(value);
      precision = null;
      form = 'fraction';
      isFraction = true;
      j += 2;
    }
  } else if (!grouped && frac === '' && j + 3 <= t.n && isNumTok(t, j) && (t.gap[j] === 1 || t.gap[j] === 2) && !t.nl[j] && punctIs(t, j + 1, '/') && glued(t, j + 1) && isNumTok(t, j + 2) && glued(t, j + 2)) {
    // mixed number "2 1/4"
    const num = Number(tokText(t, j));
    const den = Number(tokText(t, j + 2));
    if (FRACTION_DENOMINATORS.has(den) && num > 0 && num < den && !(j + 3 < t.n && punctIs(t, j + 3, '/') && glued(t, j + 3))) {
      value += num / den;
      exact = exactOf(value);
      precision = null;
      form = 'mixed';
      j += 3;
    }
  } else if (!grouped && frac === '' && j < t.n && t.kind[j] === T_PUNCT && t.gap[j] === 1 && VULGAR[tokText(t, j)] !== undefined) {
    // "2 ½"
    value += VULGAR[tokText(t, j)]!;
    exact = exactOf(value);
    precision = null;
    form = 'mixed';
    j++;
  }

  const bare = !grouped && frac === '' && form === 'digits';
  const n: Numeral = { end: j, value, exact, precision, form, ambiguousDot, bare, digits: bare ? trimInt(intDigits).length : 0, isFraction, dotted: false };
  return form === 'digits' ? withPower(t, n, opts) : n;
}

export interface DigitOptions {
  /** Reading one numeral on its own (parseNumber): "1.1^--23" may carry doubled signs. */
  standalone?: boolean;
}

/** Signs glued one after another from k ("-", "+", "--"): the product, and the index after them. */
function gluedSigns(t: Tokens, k: number, many: boolean): { sign: number; end: number } {
  let sign = 1;
  let e = k;
  while (e < t.n && glued(t, e) && (punctIs(t, e, '-') || punctIs(t, e, '+')) && (many || e === k)) {
    if (punctIs(t, e, '-')) sign = -sign;
    e++;
  }
  return { sign, end: e };
}

/**
 * Powers written after digits: "1.1^23", "2.5^-1", "1.3x10^6", "6.23×10^-4", "8x2^10", "2.48×10−5" (a base of 10
 * with a glued sign needs no caret). Everything glued; nothing glued after. Other numerals are returned as they are.
 */
function withPower(t: Tokens, n: Numeral, opts: DigitOptions): Numeral {
  let j = n.end;
  if (j >= t.n || !glued(t, j)) return n;
  let value: number | null = null;
  if (punctIs(t, j, '^')) {
    const sg = gluedSigns(t, j + 1, !!opts.standalone);
    if (isNumTok(t, sg.end) && glued(t, sg.end) && len(t, sg.end) <= 3) {
      value = Math.pow(n.value, sg.sign * Number(tokText(t, sg.end)));
      j = sg.end + 1;
    }
  } else if ((t.kind[j] === T_WORD && (tokText(t, j) === 'x' || tokText(t, j) === 'X')) || punctIs(t, j, '×')) {
    const b = j + 1;
    if (isNumTok(t, b) && glued(t, b) && len(t, b) <= 3) {
      const base = Number(tokText(t, b));
      if (punctIs(t, b + 1, '^') && glued(t, b + 1)) {
        const sg = gluedSigns(t, b + 2, !!opts.standalone);
        if (isNumTok(t, sg.end) && glued(t, sg.end) && len(t, sg.end) <= 3) {
          value = n.value * Math.pow(base, sg.sign * Number(tokText(t, sg.end)));
          j = sg.end + 1;
        }
      } else if (base === 10 && (punctIs(t, b + 1, '-') || punctIs(t, b + 1, '+')) && glued(t, b + 1)) {
        const sg = gluedSigns(t, b + 1, false);
        if (isNumTok(t, sg.end) && glued(t, sg.end) && len(t, sg.end) <= 3) {
          value = n.value * Math.pow(10, sg.sign * Number(tokText(t, sg.end)));
          j = sg.end + 1;
        }
      }
    }
  }
  if (value === null || !Number.isFinite(value)) return n;
  // "2^10x": a power runs into letters or digits → not one
  if (j < t.n && glued(t, j) && t.kind[j] !== T_PUNCT) return n;
  return { ...n, end: j, value, exact: exactOf(Number(value.toPrecision(15))), precision: null, bare: false, digits: 0 };
}

export interface WordNumeral {
  end: number;
  value: number;
  /** number of tokens that were number words */
  words: number;
  /** the value ends in a scale word ("two hundred", "a million") */
  scaled: boolean;
}

export interface WordOptions {
  /** "a"/"an" may stand for one before a scale, "dozen" or a fraction ("a hundred", "a third"). */
  article?: boolean;
  /** A numeral read on its own (parseNumber): "hundred thousand", "twenty and three" are accepted. */
  standalone?: boolean;
  /** Bare digit groups may take part: "3 hundred and 21", "4 thousand 3 hundred". */
  digits?: boolean;
}

export interface WordNumber {
  /** token index after the numeral */
  end: number;
  value: number;
  kind: 'integer' | 'decimal' | 'fraction' | 'mixed';
  /** a fraction of a whole with no integer part and no scale after it ("two thirds", "a fifth", "half") */
  share: boolean;
  /** the numerator of a share is "a"/"an" ("a third"), which needs "of" or a unit after it in running text */
  article: boolean;
  /** the numerator of a share is the word "one" ("one fifth") */
  one: boolean;
  /** the denominator is "half" (singular) */
  half: boolean;
  /** ends in (or is multiplied by) a scale word */
  scaled: boolean;
  /** a written ordinal ("twenty-first", "twenty fifth"): not a figure */
  ordinal: boolean;
  words: number;
}

type ItemKind = 'card' | 'digits' | 'hundred' | 'scale' | 'dozen' | 'and' | 'article' | 'ord' | 'of' | 'point';

interface Item {
  kind: ItemKind;
  value: number;
  /** token range */
  ts: number;
  te: number;
  /** hyphen-bound words share a group ("twenty-five", "thirty-fifths") */
  group: number;
  /** ordinals: written in the plural ("fifths") */
  plural: boolean;
  /** ordinals: a unit ordinal (first … ninth) that can end a compound ("thirty-fifth") */
  unitOrd: boolean;
  /** ordinals: the word "half"/"halves" */
  half: boolean;
}

/** The denominator a word names ("fifths" → 5, "half" → 2, "hundredth" → 100), or null. */
function denominatorOf(lex: Lexicon, w: string): { den: number; plural: boolean; unitOrd: boolean; compoundOnly: boolean; half: boolean } | null {
  const fr = lex.fractions.get(w);
  if (fr !== undefined && fr > 0) {
    const plural = w.endsWith('s');
    const ord = lex.ordinals.get(plural ? w.slice(0, -1) : w);
    return { den: Math.round(1 / fr), plural, unitOrd: ord !== undefined && ord < 10, compoundOnly: false, half: w === 'half' || w === 'halves' };
  }
  let ord = lex.ordinals.get(w);
  let plural = false;
  if (ord === undefined && w.length > 3 && w.endsWith('s')) {
    ord = lex.ordinals.get(w.slice(0, -1));
    plural = ord !== undefined;
  }
  if (ord === undefined) return null;
  // "first" and "second" name fractions only inside a compound ("a twenty-first"): "two seconds", "a second day"
  return { den: ord, plural, unitOrd: ord < 10, compoundOnly: ord <= 2, half: false };
}

/** The lower-cased word at k, or '' past the end or at a non-word. */
function lw1(t: Tokens, k: number): string {
  return k < t.n && t.kind[k] === T_WORD ? tokLower(t, k) : '';
}

function isDenWord(lex: Lexicon, t: Tokens, k: number): boolean {
  if (k >= t.n || t.kind[k] !== T_WORD) return false;
  // "in five quarters", "for two quarters": periods, not a share (a share is "three quarters of …")
  if (tokLower(t, k) === 'quarters' && lw1(t, k + 1) !== 'of' && !isScaleWord(lex, t, k + 1) && lw1(t, k - 2) !== 'and') return false;
  const d = denominatorOf(lex, tokLower(t, k));
  return d !== null && !d.compoundOnly;
}

function isCardWord(lex: Lexicon, t: Tokens, k: number): boolean {
  if (k >= t.n || t.kind[k] !== T_WORD) return false;
  const w = tokLower(t, k);
  return lex.cardinals.has(w) && !lex.dozenWords.has(w);
}

function isScaleWord(lex: Lexicon, t: Tokens, k: number): boolean {
  return k < t.n && t.kind[k] === T_WORD && lex.scales.has(tokLower(t, k));
}

/** A bare digit group usable among number words: "3", "21", "322" (no separators, decimals or letters glued). */
function digitGroup(t: Tokens, k: number): number | null {
  if (!isNumTok(t, k) || len(t, k) > 3) return null;
  // nothing glued after but punctuation that is not part of a number ("21." ends a sentence, "21.5" is a decimal)
  if (k + 1 < t.n && glued(t, k + 1)) {
    if (t.kind[k + 1] !== T_PUNCT) return null;
    if ((punctIs(t, k + 1, '.') || punctIs(t, k + 1, ',') || punctIs(t, k + 1, '/')) && isNumTok(t, k + 2) && glued(t, k + 2)) return null;
  }
  if (k > 0 && glued(t, k) && (t.kind[k - 1] !== T_PUNCT || punctIs(t, k - 1, '.') || punctIs(t, k - 1, ','))) return null;
  return Number(tokText(t, k));
}

/**
 * Phase 1: the run of number words from token i — cardinals, "hundred", scales, dozens, "and", articles, ordinal
 * denominators, "of a" before a scale, "point" and (with opts.digits) bare digit groups — with the hyphens that
 * bind them ("twenty-five", "fifty - two", "one-eighth", "thirty-fifths"). One pass; each token is looked at once.
 */
function scanItems(t: Tokens, i: number, lex: Lexicon, opts: WordOptions): Item[] {
  const items: Item[] = [];
  let group = 0;
  let j = i;
  let afterPoint = false;
  const last = () => items[items.length - 1];
  const push = (kind: ItemKind, value: number, ts: number, te: number, extra: Partial<Item> = {}) => {
    items.push({ kind, value, ts, te, group: extra.group ?? ++group, plural: extra.plural ?? false, unitOrd: extra.unitOrd ?? false, half: extra.half ?? false });
  };
  while (j < t.n && items.length < 64) {
    if (j > i && t.nl[j]) break;
    const k = t.kind[j];
    const lt = last();
    if (k === T_WORD) {
      const w = tokLower(t, j);
      const nx = j + 1 < t.n && t.kind[j + 1] === T_WORD ? tokLower(t, j + 1) : '';
      if (afterPoint) {
        // decimals after "point": digit words, or a compound read as its digits ("point seventy-one")
        const v = lex.cardinals.get(w);
        if (v === undefined || lex.dozenWords.has(w) || v >= 100) break;
        push('card', v, j, j + 1);
        j++;
        continue;
      }
      if (isCardWord(lex, t, j)) {
        push('card', lex.cardinals.get(w)!, j, j + 1);
        j++;
        continue;
      }
      const sc = lex.scales.get(w);
      if (sc !== undefined) {
        // a scale opens a numeral only before a larger scale ("hundred thousand") or on its own (standalone)
        if (!lt && !opts.standalone && !(isScaleWord(lex, t, j + 1) && (lex.scales.get(nx) ?? 0) > sc)) break;
        // "and thousand" is no numeral
        if (lt && lt.kind === 'and') break;
        push(sc === 100 ? 'hundred' : 'scale', sc, j, j + 1);
        j++;
        continue;
      }
      if (lex.dozenWords.has(w)) {
        if (!lt || lt.kind === 'and' || lt.kind === 'dozen' || lt.kind === 'ord') break;
        push('dozen', 12, j, j + 1);
        j++;
        continue;
      }
      if (w === 'and') {
        if (!lt || lt.kind === 'and' || lt.kind === 'article' || lt.kind === 'of') break;
        const next = j + 1;
        const bigBefore = lt.kind === 'hundred' || lt.kind === 'scale';
        // "and fifty", "and a half", "3 hundred and 21", "one hundred and fifth" (a compound denominator)
        const ok = isCardWord(lex, t, next) || ((nx === 'a' || nx === 'an') && isDenWord(lex, t, next + 1)) || (opts.digits && digitGroup(t, next) !== null && lt.kind === 'hundred') || (bigBefore && isDenWord(lex, t, next));
        if (!ok) break;
        push('and', 0, j, j + 1);
        j++;
        continue;
      }
      if (w === 'a' || w === 'an') {
        const canStart = !lt ? opts.article : lt.kind === 'and' || lt.kind === 'of' || (lt.kind === 'ord' && !lt.plural);
        if (!canStart) break;
        // "a hundred", "a dozen", "a fifth", "a twenty-first"
        const anyDen = (k: number) => k < t.n && t.kind[k] === T_WORD && denominatorOf(lex, tokLower(t, k)) !== null;
        const compoundDen = isCardWord(lex, t, j + 1) && (anyDen(j + 2) || (punctIs(t, j + 2, '-') && anyDen(j + 3)));
        const opensNumber = lex.scales.has(nx) || lex.dozenWords.has(nx) || (lt?.kind !== 'ord' && lt?.kind !== 'of' && (isDenWord(lex, t, j + 1) || compoundDen));
        if (!opensNumber || t.nl[j + 1]) break;
        push('article', 1, j, j + 1);
        j++;
        continue;
      }
      if (w === 'of') {
        // "two thirds of a million"
        if (!(lt && lt.kind === 'ord' && (nx === 'a' || nx === 'an') && isScaleWord(lex, t, j + 2))) break;
        push('of', 0, j, j + 1);
        j++;
        continue;
      }
      // "in five quarters", "for two quarters": periods, not a share (a share is "three quarters of …")
      // (a lone numerator only: "one hundred and three quarters", "two and three quarters" are numbers)
      const period = w === 'quarters' && lw1(t, j + 1) !== 'of' && !isScaleWord(lex, t, j + 1) && items.length === 1 && items[0]!.kind === 'card' && lw1(t, items[0]!.ts - 1) !== 'and';
      const den = period ? null : denominatorOf(lex, w);
      if (den) {
        // a fraction opens a numeral only as "half"/"quarter" ("half million", "half a dozen", "quarter million")
        if (!lt && !(w === 'half' || w === 'quarter')) break;
        if (lt && lt.kind === 'ord') break;
        if (den.compoundOnly && !(lt && lt.kind === 'card' && lt.value >= 20 && lt.value % 10 === 0)) break;
        push('ord', den.den, j, j + 1, { plural: den.plural, unitOrd: den.unitOrd, half: den.half });
        j++;
        continue;
      }
      if (lex.pointWords.has(w) && lt && (lt.kind === 'card' || lt.kind === 'digits' || lt.kind === 'hundred' || lt.kind === 'scale') && isCardWord(lex, t, j + 1)) {
        push('point', 0, j, j + 1);
        afterPoint = true;
        j++;
        continue;
      }
      break;
    }
    if (k === T_NUM) {
      if (!opts.digits || afterPoint) break;
      const v = digitGroup(t, j);
      if (v === null) break;
      const nxScale = j + 1 < t.n && t.gap[j + 1]! <= 2 && (isScaleWord(lex, t, j + 1) || (t.kind[j + 1] === T_WORD && lex.dozenWords.has(tokLower(t, j + 1))));
      // "3 hundred and 21"; after a larger scale only a group with its own scale ("4 thousand 3 hundred")
      const ok = !lt ? nxScale : (lt.kind === 'and' && items.length >= 2 && items[items.length - 2]!.kind === 'hundred') || (lt.kind === 'scale' && nxScale);
      if (!ok) break;
      push('digits', v, j, j + 1);
      j++;
      continue;
    }
    if (k === T_PUNCT && punctIs(t, j, '-') && lt && j + 1 < t.n && t.kind[j + 1] === T_WORD && !t.nl[j + 1]) {
      // hyphens bind glued ("twenty-five") or evenly spaced ("fifty - two") words
      const even = (t.gap[j] === 0 && t.gap[j + 1] === 0) || (t.gap[j]! >= 1 && t.gap[j]! <= 2 && t.gap[j + 1]! >= 1 && t.gap[j + 1]! <= 2);
      if (!even || afterPoint) {
        // "point seventy-one"
        if (afterPoint && t.gap[j] === 0 && t.gap[j + 1] === 0 && lt.kind === 'card' && lt.value >= 20 && lt.value % 10 === 0) {
          const v = lex.cardinals.get(tokLower(t, j + 1));
          if (v !== undefined && v >= 1 && v <= 9) {
            push('card', v, j + 1, j + 2, { group: lt.group });
            j += 2;
            continue;
          }
        }
        break;
      }
      const w2 = tokLower(t, j + 1);
      const tens = lt.kind === 'card' && lt.value >= 20 && lt.value < 100 && lt.value % 10 === 0;
      const v2 = lex.cardinals.get(w2);
      if (tens && v2 !== undefined && v2 >= 1 && v2 <= 9 && !lex.dozenWords.has(w2)) {
        push('card', v2, j + 1, j + 2, { group: lt.group });
        j += 2;
        continue;
      }
      const den = denominatorOf(lex, w2);
      if (den && (lt.kind === 'card' || lt.kind === 'digits' || lt.kind === 'hundred' || lt.kind === 'scale' || lt.kind === 'article') && !(den.compoundOnly && !tens)) {
        // "thirty-fifths": a compound ordinal; "one-eighth", "hundred-fifths": a numerator and its denominator
        push('ord', den.den, j + 1, j + 2, { plural: den.plural, unitOrd: den.unitOrd, half: den.half, group: tens && den.unitOrd && t.gap[j] === 0 ? lt.group : undefined });
        j += 2;
        continue;
      }
      break;
    }
    break;
  }
  // a run cannot end in a connective
  while (items.length && (items[items.length - 1]!.kind === 'and' || items[items.length - 1]!.kind === 'article' || items[items.length - 1]!.kind === 'of' || items[items.length - 1]!.kind === 'point')) items.pop();
  return items;
}

interface IntRead {
  value: number;
  /** items consumed from the start */
  n: number;
  last: 'none' | 'zero' | 'unit' | 'teen' | 'ten' | 'digits' | 'hundred' | 'dozen' | 'scale';
  /** value of the last big scale word, when the run ends in one */
  endScale: number;
}

/** Phase 2 for whole numbers: items[a, b) read as one integer, as far as they make one. */
function readIntItems(items: Item[], a: number, b: number, standalone: boolean): IntRead {
  let total = 0;
  let group = 0;
  let last: IntRead['last'] = 'none';
  let lastScale = Infinity;
  let k = a;
  let consumed = a;
  let endScale = 0;
  // the state before the last "and": "one million and two million" is two numbers, not 1,000,002
  let snap: { consumed: number; total: number; group: number; last: IntRead['last'] } | null = null;
  for (; k < b; k++) {
    const it = items[k]!;
    let ok = true;
    switch (it.kind) {
      case 'article': {
        const nx = items[k + 1];
        if (k !== a || !nx || !(nx.kind === 'hundred' || nx.kind === 'scale' || nx.kind === 'dozen')) ok = false;
        else {
          group = 1;
          last = 'unit';
        }
        break;
      }
      case 'card':
      case 'digits': {
        const v = it.value;
        if (last === 'zero') ok = false;
        else if (v === 0 && it.kind === 'card') {
          if (last !== 'none') ok = false;
          else last = 'zero';
        } else if (it.kind === 'digits') {
          if (last === 'unit' || last === 'teen' || last === 'ten' || last === 'digits' || (group % 1000) + v >= 1000 || (last === 'hundred' && v >= 100)) ok = false;
          else {
            group += v;
            last = 'digits';
          }
        } else if (v < 10) {
          if (last === 'unit' || last === 'teen' || last === 'digits' || last === 'dozen' || (last === 'ten' && group % 10 !== 0)) ok = false;
          else {
            group += v;
            last = 'unit';
          }
        } else {
          if (last === 'unit' || last === 'teen' || last === 'ten' || last === 'digits' || last === 'dozen') ok = false;
          else {
            group += v;
            last = v < 20 ? 'teen' : 'ten';
          }
        }
        break;
      }
      case 'hundred':
        if (last === 'hundred' || last === 'dozen' || last === 'zero' || group >= 100 || (last === 'none' && k !== a)) ok = false;
        else {
          group = (group || 1) * 100;
          last = 'hundred';
        }
        break;
      case 'dozen': {
        if (last === 'none' || last === 'dozen' || last === 'zero') ok = false;
        else {
          const u = group % 100;
          group = group - u + (u || 1) * 12;
          last = 'dozen';
        }
        break;
      }
      case 'scale': {
        const S = it.value;
        if (last === 'zero') ok = false;
        else if (group === 0 && last === 'scale' && S > lastScale) {
          // "three lakh crore", "a thousand million"
          total *= S;
          lastScale = S;
        } else if (S >= lastScale) ok = false;
        else if (last === 'none' && !standalone && k === a) ok = false;
        else {
          total += (group || 1) * S;
          group = 0;
          lastScale = S;
          last = 'scale';
        }
        break;
      }
      case 'and': {
        const nx = items[k + 1];
        const joins = (last === 'hundred' || last === 'scale') && nx && (nx.kind === 'card' || nx.kind === 'digits') && nx.value > 0 && nx.value < (last === 'hundred' ? 100 : 1000);
        const tensUnit = standalone && last === 'ten' && nx && nx.kind === 'card' && nx.value >= 1 && nx.value <= 9;
        if (!joins && !tensUnit) ok = false;
        else snap = { consumed, total, group, last };
        break;
      }
      default:
        ok = false;
    }
    if (!ok) {
      if (snap && (it.kind === 'scale' || it.kind === 'hundred')) {
        consumed = snap.consumed;
        total = snap.total;
        group = snap.group;
        last = snap.last;
      }
      break;
    }
    if (it.kind !== 'and') consumed = k + 1;
    endScale = it.kind === 'scale' ? it.value : 0;
  }
  // a trailing "and" that joined nothing is not part of the number
  if (consumed > a && items[consumed - 1]!.kind !== 'scale') endScale = 0;
  return { value: total + group, n: consumed - a, last, endScale };
}

function wholeInt(items: Item[], a: number, b: number, standalone: boolean): number | null {
  if (b <= a) return null;
  if (b - a === 1 && items[a]!.kind === 'article') return 1;
  const r = readIntItems(items, a, b, standalone);
  return r.n === b - a ? r.value : null;
}

/**
 * Number words from token i, with fractions and decimals: "two hundred and fifty", "twenty-five", "a dozen",
 * "three dozens", "three lakh crore", "one and a half", "two thirds", "a hundredth", "one hundred thirty-fifths",
 * "one billion and three quarters million", "two thirds of a million", "half a dozen", "two hundred point zero three".
 */
export function readWordNumber(t: Tokens, i: number, lex: Lexicon, opts: WordOptions = {}): WordNumber | null {
  const items = scanItems(t, i, lex, opts);
  if (!items.length) return null;
  const sa = !!opts.standalone;
  const base = { share: false, article: false, one: false, half: false, ordinal: false };
  const d = items.findIndex((it) => it.kind === 'ord');
  if (d >= 0) {
    const fr = readFraction(items, d, sa);
    if (fr) return { ...base, ...fr.props, end: items[fr.e - 1]!.te, value: fr.value, kind: fr.kind, scaled: fr.scaled, words: fr.e };
    // "twenty-first", "twenty fifth": a written ordinal
    const D = items[d]!;
    if (d > 0 && D.unitOrd && !D.plural && items[d - 1]!.kind === 'card' && items[d - 1]!.value >= 20 && items[d - 1]!.value % 10 === 0) {
      return { ...base, end: D.te, value: 0, kind: 'integer', scaled: false, ordinal: true, words: d + 1 };
    }
  }
  const lim = d >= 0 ? d : items.length;
  const r = readIntItems(items, 0, lim, sa);
  if (r.n === 0) return null;
  let e = r.n;
  let value = r.value;
  let kind: WordNumber['kind'] = 'integer';
  // "two hundred point zero three", "nine point nought four", "point seventy-one"
  if (items[e]?.kind === 'point') {
    let digits = '';
    let k = e + 1;
    while (k < items.length && items[k]!.kind === 'card') {
      const it = items[k]!;
      const nx = items[k + 1];
      if (nx && nx.kind === 'card' && nx.group === it.group) {
        digits += String(it.value + nx.value);
        k += 2;
      } else {
        digits += String(it.value);
        k++;
      }
    }
    if (digits) {
      value = Number(`${value}.${digits}`);
      kind = 'decimal';
      e = k;
    }
  }
  // (written out, not spread from `base`: a spread into a new literal is slow, and this is the common return)
  return { share: false, article: false, one: false, half: false, ordinal: false, end: items[e - 1]!.te, value, kind, scaled: kind === 'integer' && (r.last === 'scale' || r.last === 'hundred'), words: e };
}

interface FractionRead {
  value: number;
  /** items consumed */
  e: number;
  kind: 'fraction' | 'mixed';
  scaled: boolean;
  props: Partial<Pick<WordNumber, 'share' | 'article' | 'one' | 'half'>>;
}

/** Phase 2 for fractions: items[0, d) hold the integer part and numerator, items[d] the denominator. */
function readFraction(items: Item[], d: number, sa: boolean): FractionRead | null {
  const D = items[d]!;
  const den = D.value;
  // what follows the denominator: "of a million", "a dozen", "million"
  let e = d + 1;
  let tail = 1;
  const x0 = items[e];
  if (x0?.kind === 'of' && items[e + 1]?.kind === 'article' && (items[e + 2]?.kind === 'scale' || items[e + 2]?.kind === 'hundred')) {
    tail = items[e + 2]!.value;
    e += 3;
  } else if (x0?.kind === 'article' && !D.plural && (items[e + 1]?.kind === 'scale' || items[e + 1]?.kind === 'hundred' || items[e + 1]?.kind === 'dozen')) {
    tail = items[e + 1]!.value;
    e += 2;
  } else if (x0?.kind === 'scale' || x0?.kind === 'hundred') {
    tail = x0.value;
    e += 1;
  }
  const scaled = tail > 1;
  // "one fifth", "three fifths"
  const pluralOk = (num: number) => (num === 1 ? !D.plural : D.plural);
  // no numerator: "half", "half a dozen", "quarter million"
  if (d === 0) {
    if (!(den === 2 || den === 4) || D.plural) return null;
    if (den === 4 && !scaled && !sa) return null;
    return { value: tail / den, e, kind: 'fraction', scaled, props: { share: !scaled, half: D.half } };
  }
  // a compound denominator: "one hundred thirty fifths" = 100/35, "twenty twenty fifths", "one one hundred and fifth"
  if (D.unitOrd) {
    const forced = items[d - 1]!.group === D.group ? d - 1 : -1;
    for (let k = 1; k < d; k++) {
      const it = items[k]!;
      if (forced >= 0 && k > forced) break;
      if (!(it.kind === 'card' || it.kind === 'digits')) continue;
      if (items[k - 1]!.kind === 'and' || items[k - 1]!.group === it.group) continue;
      const lastIt = items[d - 1]!;
      let denEnd = d;
      if (lastIt.kind === 'and') {
        if (!(items[d - 2]?.kind === 'hundred' || items[d - 2]?.kind === 'scale')) continue;
        denEnd = d - 1;
      } else if (!(forced >= 0 || lastIt.kind === 'hundred' || lastIt.kind === 'scale' || (lastIt.kind === 'card' && lastIt.value >= 20 && lastIt.value % 10 === 0))) continue;
      const head = forced >= 0 ? wholeInt(items, k, d, sa) : wholeInt(items, k, denEnd, sa);
      const num = wholeInt(items, 0, k, sa);
      if (head === null || num === null) continue;
      const dd = head + den;
      if (!pluralOk(num)) continue;
      return { value: (num / dd) * tail, e, kind: 'fraction', scaled, props: { share: !scaled, article: k === 1 && items[0]!.kind === 'article' } };
    }
    if (forced >= 0) return null; // "twenty-first": an ordinal
  }
  // "a fifth", "one eighth", "a hundred trillionths"
  if (d === 1 && items[0]!.kind === 'article') {
    if (D.plural) return null;
    return { value: tail / den, e, kind: 'fraction', scaled, props: { share: !scaled, article: true, half: D.half } };
  }
  // "X and Y fifths": an integer part and a numerator
  let a = -1;
  for (let k = d - 1; k > 0; k--) if (items[k]!.kind === 'and') {
    a = k;
    break;
  }
  if (a > 0) {
    const x = wholeInt(items, 0, a, sa);
    const y = wholeInt(items, a + 1, d, sa);
    if (x !== null && y !== null && pluralOk(y)) {
      const xr = readIntItems(items, 0, a, sa);
      const lastS = xr.endScale;
      if (tail > 1) return { value: lastS > tail ? x + (y / den) * tail : (x + y / den) * tail, e, kind: 'mixed', scaled: true, props: {} };
      if (lastS >= 1000) return { value: x + (y / den) * lastS, e, kind: 'mixed', scaled: true, props: {} };
      if (y < den) return { value: x + y / den, e, kind: 'mixed', scaled: false, props: {} };
      // "one hundred and thirty fifths" = 130/5
      const whole = wholeInt(items, 0, d, sa);
      if (whole !== null && pluralOk(whole)) return { value: whole / den, e, kind: 'fraction', scaled: false, props: { share: false } };
      return null;
    }
  }
  const n = wholeInt(items, 0, d, sa);
  if (n === null || !pluralOk(n)) return null;
  return { value: (n / den) * tail, e, kind: 'fraction', scaled, props: { share: !scaled, one: d === 1 && n === 1 && items[0]!.kind === 'card', half: D.half } };
}

/**
 * Whole numbers in words from token i: "two", "twenty-five", "two hundred and fifty", "three thousand",
 * "a hundred", "a dozen", "three dozens", "three lakh crore". `allowArticle`: "a"/"an" may stand for one before
 * hundred/thousand/dozen/….
 */
export function readWords(t: Tokens, i: number, lex: Lexicon, allowArticle = true): WordNumeral | null {
  const items = scanItems(t, i, lex, { article: allowArticle });
  const lim = items.findIndex((it) => it.kind === 'ord' || it.kind === 'point');
  const r = readIntItems(items, 0, lim < 0 ? items.length : lim, false);
  if (r.n === 0) return null;
  let words = 0;
  for (let k = 0; k < r.n; k++) if (items[k]!.kind !== 'article' && items[k]!.kind !== 'and') words++;
  if (words === 0) return null;
  return { end: items[r.n - 1]!.te, value: r.value, words, scaled: r.last === 'scale' || r.last === 'hundred' };
}

/**
 * One numeral read on its own, as parseNumber reads it: an optional sign ("-", "minus", "negative"), then digits
 * with a scale or its abbreviation at any spacing ("1,674.5 G", "- 10  k", "1.2b", "3 dozens", "2.12 hundred"),
 * digits and words together ("4 thousand 3 hundred and 21"), or words ("one hundred thirty-fifths").
 * The context rules of running text (a "b" needs a currency or a plural noun) do not apply here.
 */
export function readStandaloneNumeral(t: Tokens, i: number, lex: Lexicon): { end: number; value: number } | null {
  let sign = 1;
  let j = i;
  for (;;) {
    if (punctIs(t, j, '-')) sign = -sign;
    else if (punctIs(t, j, '+')) {
      /* plus */
    } else if (j < t.n && t.kind[j] === T_WORD && lex.negativeWords.has(tokLower(t, j))) sign = -sign;
    else break;
    j++;
  }
  if (j >= t.n) return null;
  if (isNumTok(t, j) || (punctIs(t, j, '.') && isNumTok(t, j + 1) && glued(t, j + 1))) {
    const d = readDigits(t, j, { standalone: true });
    if (!d || d.dotted) return null;
    const w = digitGroup(t, j) !== null ? readWordNumber(t, j, lex, { standalone: true, digits: true }) : null;
    if (w && !w.ordinal && w.end > d.end) return { end: w.end, value: sign * w.value };
    let value = d.value;
    let end = d.end;
    if (end < t.n && t.kind[end] === T_WORD && !t.nl[end] && d.form === 'digits') {
      const raw = tokText(t, end);
      const low = raw.toLowerCase();
      const sc = lex.scales.get(low);
      const ab = lex.scaleAbbrevs.get(raw) ?? (lex.scaleAbbrevs.get(low)?.caseSensitive ? undefined : lex.scaleAbbrevs.get(low));
      if (sc !== undefined) {
        value *= sc;
        end++;
        // "2 hundred thousand", "13 lakh crore"
        const sc2 = end < t.n && t.kind[end] === T_WORD ? lex.scales.get(tokLower(t, end)) : undefined;
        if (sc2 !== undefined && sc2 > sc) {
          value *= sc2;
          end++;
        }
      } else if (lex.dozenWords.has(low)) {
        value *= 12;
        end++;
      } else if (ab) {
        value *= ab.value;
        end++;
      }
    }
    return { end, value: sign * value };
  }
  if (t.kind[j] === T_PUNCT && VULGAR[tokText(t, j)] !== undefined) return { end: j + 1, value: sign * VULGAR[tokText(t, j)]! };
  const w = readWordNumber(t, j, lex, { standalone: true, article: true, digits: true });
  if (!w || w.ordinal) return null;
  return { end: w.end, value: sign * w.value };
}
