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
export function readDigits(t: Tokens, i: number): Numeral | null {
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
  while (k + 1 < t.n && t.kind[k] === T_PUNCT && glued(t, k) && isNumTok(t, k + 1) && glued(t, k + 1)) {
    const ch = text[t.start[k]!]!;
    if (ch !== ',' && ch !== '.' && ch !== "'") break;
    groupSeps.push(ch);
    groups.push(tokText(t, k + 1));
    k += 2;
  }
  if (groups.length > 0) {
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
      if (body.every((g) => g.length === 3) && firstLen <= 3) {
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
    while (m < t.n && isNumTok(t, m) && t.gap[m] === 1 && !t.nl[m] && len(t, m) === 3) {
      const sp = text.charCodeAt(t.start[m]! - 1);
      if (sp === 0xa0 || sp === 0x202f || sp === 0x2009) nbspSeen = true;
      else if (sp !== 32) break;
      sg.push(tokText(t, m));
      m++;
    }
    // a plain space is accepted only when the next token is not itself a number (avoid "in 2022 100 people")
    if (sg.length && (nbspSeen || !(m < t.n && t.kind[m] === T_NUM))) {
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
    if (FRACTION_DENOMINATORS.has(den) && num > 0 && num < den * 10 && !(j + 2 < t.n && glued(t, j + 2) && t.kind[j + 2] === T_NUM)) {
      value = num / den;
      exact = exactOf(value);
      precision = null;
      form = 'fraction';
      isFraction = true;
      j += 2;
    }
  } else if (!grouped && frac === '' && j + 3 < t.n && isNumTok(t, j) && t.gap[j] === 1 && punctIs(t, j + 1, '/') && glued(t, j + 1) && isNumTok(t, j + 2) && glued(t, j + 2)) {
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
  return { end: j, value, exact, precision, form, ambiguousDot, bare, digits: bare ? trimInt(intDigits).length : 0, isFraction, dotted: false };
}

export interface WordNumeral {
  end: number;
  value: number;
  /** number of tokens that were number words */
  words: number;
  /** the value ends in a scale word ("two hundred", "a million") */
  scaled: boolean;
}

/**
 * Number words from token i: "two", "twenty-five", "two hundred and fifty", "three thousand", "a hundred",
 * "one and a half", "a dozen". `allowArticle`: "a"/"an" may stand for one before hundred/thousand/dozen/….
 */
export function readWords(t: Tokens, i: number, lex: Lexicon, allowArticle = true): WordNumeral | null {
  let total = 0;
  let current = 0;
  let j = i;
  let words = 0;
  let last: 'none' | 'unit' | 'teen' | 'ten' | 'hundred' | 'scale' | 'dozen' = 'none';
  let scaled = false;
  let any = false;
  while (j < t.n) {
    if (t.kind[j] !== T_WORD) {
      // hyphen between tens and units: "twenty-five"
      if (last === 'ten' && punctIs(t, j, '-') && glued(t, j) && j + 1 < t.n && t.kind[j + 1] === T_WORD && glued(t, j + 1)) {
        const v = lex.cardinals.get(tokLower(t, j + 1));
        if (v !== undefined && v >= 1 && v <= 9) {
          current += v;
          last = 'unit';
          j += 2;
          words++;
          continue;
        }
      }
      break;
    }
    if (j > i && t.nl[j]) break;
    const w = tokLower(t, j);
    if ((w === 'a' || w === 'an') && allowArticle && !any) {
      const nx = j + 1 < t.n && t.kind[j + 1] === T_WORD ? tokLower(t, j + 1) : '';
      const sv = lex.scales.get(nx);
      if (sv !== undefined || nx === 'dozen') {
        current = 1;
        last = 'unit';
        j++;
        any = true;
        continue;
      }
      break;
    }
    if (w === 'and' && any && (last === 'hundred' || last === 'scale')) {
      // "two hundred and fifty"; "one thousand and one"
      const nx = j + 1 < t.n && t.kind[j + 1] === T_WORD ? tokLower(t, j + 1) : '';
      const v = lex.cardinals.get(nx);
      if (v !== undefined && v >= 1 && v < 100 && nx !== 'dozen') {
        j++;
        continue;
      }
      break;
    }
    const card = lex.cardinals.get(w);
    if (card !== undefined) {
      if (w === 'dozen') {
        if (last === 'dozen' || last === 'scale') break;
        current = (current || 1) * 12;
        last = 'dozen';
        any = true;
        words++;
        j++;
        continue;
      }
      if (card === 0) {
        if (any) break;
        current = 0;
        last = 'unit';
        any = true;
        words++;
        j++;
        break;
      }
      if (card < 10) {
        if (last === 'unit' || last === 'teen' || last === 'dozen') break;
        if (last === 'ten' && (current % 10) !== 0) break;
        current += card;
        last = 'unit';
      } else if (card < 20) {
        if (last === 'unit' || last === 'teen' || last === 'ten' || last === 'dozen') break;
        current += card;
        last = 'teen';
      } else {
        if (last === 'unit' || last === 'teen' || last === 'ten' || last === 'dozen') break;
        current += card;
        last = 'ten';
      }
      any = true;
      words++;
      j++;
      continue;
    }
    const sc = lex.scales.get(w);
    if (sc !== undefined && any) {
      if (sc === 100) {
        if (last === 'hundred' || last === 'dozen') break;
        current = (current || 1) * 100;
        last = 'hundred';
      } else {
        if (last === 'scale' && current === 0) {
          // "hundred thousand" already folded; "million billion" is not a number
          break;
        }
        total += (current || 1) * sc;
        current = 0;
        last = 'scale';
      }
      scaled = true;
      words++;
      j++;
      continue;
    }
    break;
  }
  if (!any || words === 0) return null;
  return { end: j, value: total + current, words, scaled: scaled && (last === 'scale' || last === 'hundred') };
}
