/**
 * A linear tokenizer over (normalised) text: digit runs, letter runs and single punctuation characters,
 * stored as parallel typed arrays (no object per token). Separators inside numbers ("1,100", "2.5",
 * "5 000") are separate tokens glued to their neighbours; the number parser reassembles them.
 */

export const T_NUM = 1;
export const T_WORD = 2;
export const T_PUNCT = 3;

export interface Tokens {
  text: string;
  n: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Characters of whitespace before the token (0 = glued to the previous token). */
  gap: Int32Array;
  /** 1 when the whitespace before the token holds a line break. */
  nl: Uint8Array;
  /** {@link asciiLowerHash} of each token, worked out as it is read. */
  hash: Int32Array;
  /** Lower-cased token text, computed lazily. */
  lowerCache: (string | undefined)[];
}

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x52f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2002 || c === 0x2003 || c === 0x200a || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0x200b || c === 0xfeff;
}

/** Classes of the ASCII characters: 0 other (punctuation), 1 space, 2 line break, 3 digit, 4 letter. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = c === 10 || c === 13 ? 2 : isSpace(c) ? 1 : isDigit(c) ? 3 : isLetter(c) ? 4 : 0;

interface TokenArrays {
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  gap: Int32Array;
  nl: Uint8Array;
  hash: Int32Array;
}

/**
 * Token arrays are carved from shared slabs of fresh (zeroed) memory, never reused: an ArrayBuffer of its own for
 * every sentence costs more than tokenizing it. A slab lives as long as any Tokens carved from it.
 */
const SLAB_BYTES = 1 << 20;
let slab = new ArrayBuffer(0);
let slabUsed = 0;

/** The token arrays for `cap` tokens, views on one buffer (one allocation instead of six: sentences are tokenized by the thousand). */
function tokenArrays(cap: number): TokenArrays {
  const bytes = cap * 18;
  let buf: ArrayBuffer;
  let at = 0;
  if (bytes > SLAB_BYTES >> 3) buf = new ArrayBuffer(bytes);
  else {
    if (slabUsed + bytes > slab.byteLength) {
      slab = new ArrayBuffer(SLAB_BYTES);
      slabUsed = 0;
    }
    buf = slab;
    at = slabUsed;
    // (the next carving starts on a 4-byte boundary, as the Int32Arrays need)
    slabUsed += (bytes + 3) & ~3;
  }
  return {
    start: new Int32Array(buf, at, cap),
    end: new Int32Array(buf, at + cap * 4, cap),
    gap: new Int32Array(buf, at + cap * 8, cap),
    hash: new Int32Array(buf, at + cap * 12, cap),
    kind: new Uint8Array(buf, at + cap * 16, cap),
    nl: new Uint8Array(buf, at + cap * 17, cap),
  };
}

/** Arrays of twice the room, holding the first n tokens of `a`. */
function grown(a: TokenArrays, n: number): TokenArrays {
  const b = tokenArrays(a.start.length * 2);
  b.start.set(a.start.subarray(0, n));
  b.end.set(a.end.subarray(0, n));
  b.kind.set(a.kind.subarray(0, n));
  b.gap.set(a.gap.subarray(0, n));
  b.nl.set(a.nl.subarray(0, n));
  b.hash.set(a.hash.subarray(0, n));
  return b;
}

/** Tokenize text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Tokens {
  // Room for one token per four characters (prose has about one per five); grown() doubles it when text is denser.
  const cap = Math.max(16, Math.min((to - from) >> 2, 1 << 20));
  let a = tokenArrays(cap);
  let start = a.start;
  let end = a.end;
  let kind = a.kind;
  let gap = a.gap;
  let nl = a.nl;
  let hash = a.hash;
  let n = 0;
  let i = from;
  let g = 0;
  let sawNl = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // ASCII: one table look-up per character
      const cl = ASCII_CLASS[c]!;
      if (cl === 1 || cl === 2) {
        g++;
        if (cl === 2) sawNl = 1;
        i++;
        continue;
      }
      if (n === start.length) {
        a = grown(a, n);
        ({ start, end, kind, gap, nl, hash } = a);
      }
      let j = i + 1;
      let k: number;
      // (the token's asciiLowerHash as it is read: an ASCII letter's lower case is c | 32)
      let h = c | (cl === 4 ? 32 : 0);
      let ascii = true;
      if (cl === 3) {
        while (j < to) {
          const d = text.charCodeAt(j);
          if (d < 48 || d > 57) break;
          h = (Math.imul(h, 31) + d) | 0;
          j++;
        }
        k = T_NUM;
      } else if (cl === 4) {
        while (j < to) {
          const d = text.charCodeAt(j);
          if (d < 128) {
            if (ASCII_CLASS[d] !== 4) break;
            h = (Math.imul(h, 31) + (d | 32)) | 0;
          } else {
            if (!isLetter(d)) break;
            ascii = false;
          }
          j++;
        }
        k = T_WORD;
      } else k = T_PUNCT;
      start[n] = i;
      end[n] = j;
      kind[n] = k;
      gap[n] = g;
      nl[n] = sawNl;
      hash[n] = ascii ? h & 0x3fffffff : -1;
      n++;
      g = 0;
      sawNl = 0;
      i = j;
      continue;
    }
    if (isSpace(c)) {
      g++;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) sawNl = 1;
      i++;
      continue;
    }
    if (n === start.length) {
      a = grown(a, n);
      ({ start, end, kind, gap, nl, hash } = a);
    }
    let j = i + 1;
    let k: number;
    if (isDigit(c)) {
      while (j < to && isDigit(text.charCodeAt(j))) j++;
      k = T_NUM;
    } else if (isLetter(c)) {
      while (j < to && isLetter(text.charCodeAt(j))) j++;
      k = T_WORD;
    } else {
      // keep surrogate pairs together
      if (c >= 0xd800 && c <= 0xdbff && j < to) {
        const d = text.charCodeAt(j);
        if (d >= 0xdc00 && d <= 0xdfff) j++;
      }
      k = T_PUNCT;
    }
    start[n] = i;
    end[n] = j;
    kind[n] = k;
    gap[n] = g;
    nl[n] = sawNl;
    // (a token that starts with a character past ASCII has no asciiLowerHash)
    hash[n] = -1;
    n++;
    g = 0;
    sawNl = 0;
    i = j;
  }
  return { text, n, start, end, kind, gap, nl, hash, lowerCache: new Array(n) };
}

/**
 * A hash of the lower-cased text of token i when it is all ASCII (else -1), computed without making a string:
 * a set of such hashes rules words out before any string is made ({@link asciiLowerHashOf} hashes a word alike).
 */
export function asciiLowerHash(t: Tokens, i: number): number {
  // (worked out by tokenize as it read the token; 0, the hash of no text, outside the tokens)
  return i >= 0 && i < t.n ? t.hash[i]! : 0;
}

/**
 * A set of {@link asciiLowerHash} values, as Set<number>.has answers, with a table of their low 16 bits in front:
 * the words of running text are nearly all in no such set, and one array read rules most of them out.
 */
export class HashSet {
  private readonly low = new Uint8Array(1 << 16);
  private readonly all = new Set<number>();
  constructor(hashes: Iterable<number> = []) {
    for (const h of hashes) this.add(h);
  }
  add(h: number): void {
    this.low[h & 0xffff] = 1;
    this.all.add(h);
  }
  has(h: number): boolean {
    return this.low[h & 0xffff] === 1 && this.all.has(h);
  }
}

/** The hash {@link asciiLowerHash} gives a token of this text, or -1 when the word is not all ASCII. */
export function asciiLowerHashOf(word: string): number {
  let h = 0;
  for (let p = 0; p < word.length; p++) {
    let c = word.charCodeAt(p);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c |= 32;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h & 0x3fffffff;
}

/** The tokens of the last few short texts (sentences) tokenized through here: context reads each sentence for every figure in it. */
const memo: Tokens[] = [];
export function tokenizeMemo(text: string): Tokens {
  for (const m of memo) if (m.text === text) return m;
  const t = tokenize(text);
  if (memo.length >= 4) memo.shift();
  memo.push(t);
  return t;
}

/** Is token i a word that starts with a capital A–Z ("Calvor", "EBITDA")? False outside the tokens. */
export function isCapitalised(t: Tokens, i: number): boolean {
  if (i < 0 || i >= t.n || t.kind[i] !== T_WORD) return false;
  const c = t.text.charCodeAt(t.start[i]!);
  return c >= 65 && c <= 90;
}

export function tokText(t: Tokens, i: number): string {
  return t.text.slice(t.start[i]!, t.end[i]!);
}

export function tokLower(t: Tokens, i: number): string {
  let s = t.lowerCache[i];
  if (s === undefined) {
    s = t.text.slice(t.start[i]!, t.end[i]!).toLowerCase();
    t.lowerCache[i] = s;
  }
  return s;
}

/** A phrase from the lexicon split into tokens: text (lower-case unless caseSensitive) and whether each piece is glued to the previous. */
export interface PhraseTok {
  text: string;
  glued: boolean;
}

export function phraseTokens(phrase: string, caseSensitive: boolean): PhraseTok[] {
  const t = tokenize(phrase);
  const out: PhraseTok[] = [];
  for (let i = 0; i < t.n; i++) {
    const s = tokText(t, i);
    out.push({ text: caseSensitive ? s : s.toLowerCase(), glued: i > 0 && t.gap[i] === 0 });
  }
  return out;
}

/**
 * Does the phrase match the tokens starting at i? Glued pieces must be glued in the text; spaced pieces may
 * be glued or spaced (so "per cent" matches "per cent", and "km/h" matches "km/h" only as written), but never
 * across a line break. Returns the index after the match, or -1.
 */
export function matchPhrase(t: Tokens, i: number, p: PhraseTok[], caseSensitive: boolean): number {
  if (i + p.length > t.n) return -1;
  for (let k = 0; k < p.length; k++) {
    const ti = i + k;
    const piece = p[k]!;
    if (k > 0) {
      if (piece.glued && t.gap[ti] !== 0) return -1;
      if (!piece.glued && (t.nl[ti] || t.gap[ti]! > 3)) return -1;
      // spaced pieces of a word phrase must be separated by space, except punctuation-led pieces
      if (!piece.glued && t.gap[ti] === 0 && t.kind[ti] === T_WORD && t.kind[ti - 1] === T_WORD) return -1;
    }
    const s = caseSensitive ? tokText(t, ti) : tokLower(t, ti);
    if (s !== piece.text) return -1;
  }
  return i + p.length;
}

/** Words that open an appositive after a comma: "EBITDA, the measure of …, rose". */
const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'which', 'who', 'its']);

/**
 * "EBITDA, the measure of operating earnings the industry watches most closely, rose 6.8%": reading back from the
 * comma that closes an appositive (opened by the, a, an, which, who or its, at most 16 tokens back), the token before
 * the comma that opened it; else i.
 */
export function pastAppositive(t: Tokens, i: number, from: number): number {
  if (tokText(t, i) !== ',') return i;
  let k = i - 1;
  while (k > from && k >= i - 16 && tokText(t, k) !== ',' && tokText(t, k) !== '.' && tokText(t, k) !== ';') k--;
  return k > from && tokText(t, k) === ',' && APPOSITIVE_OPENERS.has(tokLower(t, k + 1)) && t.kind[k - 1] === T_WORD ? k - 1 : i;
}
