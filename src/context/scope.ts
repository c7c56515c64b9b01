/**
 * Where a figure applies: a place phrase in the figure's clause — "in the north of the Kherson region",
 * "in Castelmoro", "across Ukraine", "nationwide". Read after the figure first (its own noun phrase), then
 * before it in the same clause. Time words ("in September") and quotes are not places.
 */
import type { Lexicon } from '../lexicon/index.js';
import { isFunctionWord } from '../extract/measure.js';
import { isCapitalised, T_NUM, T_PUNCT, T_WORD, tokenizeMemo, tokLower, tokText, type Tokens } from '../extract/tokens.js';

export interface Scope {
  text: string;
  /** Comparable key: lower-cased proper nouns and area words ("north kherson region"). */
  key: string;
}

/** A place phrase starting at the preposition at i, or null. */
function placeAt(t: Tokens, i: number, limit: number, lex: Lexicon, afterFigure = false): { scope: Scope; end: number } | null {
  const w = tokLower(t, i);
  if (lex.nationalWords.has(w)) return { scope: { text: tokText(t, i), key: 'national' }, end: i + 1 };
  // "the national death toll" (lower case: "the National Hospital" is a name)
  if (w === 'national' && !isCapitalised(t, i) && t.kind[i + 1] === T_WORD) return { scope: { text: 'national', key: 'national' }, end: i + 1 };
  if (w === 'across' && tokLower(t, i + 1) === 'the' && (tokLower(t, i + 2) === 'country' || tokLower(t, i + 2) === 'nation')) return { scope: { text: 'across the country', key: 'national' }, end: i + 3 };
  if (!lex.placePrepositions.has(w) && !(afterFigure && lex.figurePlacePrepositions.has(w))) return null;
  let k = i + 1;
  const keyParts: string[] = [];
  let sawProper = false;
  let last = -1;
  let steps = 0;
  while (k < limit && steps < 12) {
    const x = tokLower(t, k);
    if (isCapitalised(t, k) && !lex.notPlaces.has(x)) {
      keyParts.push(x);
      sawProper = true;
      last = k;
    } else if (t.kind[k] === T_WORD && lex.areaWords.has(x)) {
      keyParts.push(x);
      last = k;
    } else if (lex.placeAdjectives.has(x) && !sawProper && isCapitalised(t, k + 1)) {
      /* "in tiny Sarne", "in nearby Bellcourt" */
    } else if (x === 'the' || x === 'of' || (t.kind[k] === T_PUNCT && tokText(t, k) === "'" ) || x === 's' || (t.kind[k] === T_PUNCT && tokText(t, k) === '-')) {
      /* joiners */
    } else break;
    k++;
    steps++;
  }
  // "in the capital", "in the constituency": a place named before, by its kind
  const named = !sawProper && last === i + 2 && tokLower(t, i + 1) === 'the' && lex.anaphoricPlaces.has(tokLower(t, last));
  if ((!sawProper && !named) || last < 0) return null;
  const text = t.text.slice(t.start[i + 1]!, t.end[last]!).replace(/^the\s+/i, '');
  return { scope: { text, key: plain(keyParts.filter((p) => p !== 's').join(' ')) }, end: last + 1 };
}

/** A place's key without accents: "Halcón Point" and "Halcon Point" are one place. */
export function plain(key: string): string {
  return /[^\x00-\x7f]/.test(key) ? key.normalize('NFD').replace(/\p{M}/gu, '') : key;
}

/** A named place after "at" ("at Vik Point", "at the Brannock Pass station"): capitalised words, no clock or day. */
function stationAt(t: Tokens, i: number, lex: Lexicon): Scope | null {
  let k = i + 1;
  if (tokLower(t, k) === 'the') k++;
  const parts: string[] = [];
  const first = k;
  while (k < t.n && parts.length < 4 && t.kind[k] === T_WORD && isCapitalised(t, k) && !lex.notPlaces.has(tokLower(t, k))) {
    parts.push(tokLower(t, k));
    k++;
  }
  if (!parts.length) return null;
  return { text: t.text.slice(t.start[first]!, t.end[k - 1]!), key: plain(parts.join(' ')) };
}

/** Is token i a single character of `chars`? */
function punctOf(t: Tokens, i: number, chars: string): boolean {
  return t.end[i]! - t.start[i]! === 1 && chars.includes(t.text[t.start[i]!]!);
}

/** Scope of the figure at [figStart, figEnd) of the sentence. */
/**
 * The place a paragraph is labelled with at its start ("Local results, Kalvik municipality: … Turnout 69.4%."): the
 * scope of its figures that name no place of their own.
 */
export function paragraphLabelScope(paragraph: string, lex: Lexicon): Scope | null {
  const colon = paragraph.indexOf(':');
  if (colon < 0 || colon > 60) return null;
  const t = tokenizeMemo(paragraph.slice(0, colon));
  const k = t.n - 1;
  if (k < 1 || t.kind[k] !== T_WORD || !lex.namedAreas.has(tokLower(t, k)) || !isCapitalised(t, k - 1) || lex.notPlaces.has(tokLower(t, k - 1))) return null;
  return { text: `${tokText(t, k - 1)} ${tokText(t, k)}`, key: `${tokLower(t, k - 1)} ${tokLower(t, k)}` };
}

export function findScope(sentence: string, figStart: number, figEnd: number, lex: Lexicon, reading = false): Scope | null {
  const t = tokenizeMemo(sentence);
  // after the figure, within its clause (up to 12 tokens, stopping at clause punctuation)
  let i = 0;
  while (i < t.n && t.start[i]! < figEnd) i++;
  // (past the figure's conversion in brackets: "a gust of 163 km/h (101 mph) at Vik Point")
  if (reading && punctOf(t, i, '(')) {
    let k = i + 1;
    while (k < t.n && k < i + 8 && !punctOf(t, k, ')')) k++;
    if (punctOf(t, k, ')')) i = k + 1;
  }
  for (let steps = 0; i < t.n && steps < 14; i++, steps++) {
    if (t.kind[i] === T_PUNCT && punctOf(t, i, '.;:!?,()')) break;
    const p = placeAt(t, i, t.n, lex, steps === 0);
    if (p) return p.scope;
    // a reading's station: "163 km/h at Vik Point", "minus 14C at the Brannock Pass station"
    if (reading && tokLower(t, i) === 'at') {
      const s = stationAt(t, i, lex);
      if (s) return s;
    }
  }
  // before the figure, in the same clause
  let j = 0;
  while (j < t.n && t.end[j]! <= figStart) j++;
  for (let k = j - 1, steps = 0; k >= 0 && steps < 14; k--, steps++) {
    if (t.kind[k] === T_PUNCT && punctOf(t, k, '.;:!?')) break;
    if (t.kind[k] !== T_WORD) continue;
    const p = placeAt(t, k, j, lex);
    if (p && p.end <= j) return p.scope;
  }
  // a sentence that opens with its place ("In Port Alder, about 23,000 people, police said, walked a 3.5-km route"):
  // the place of all its figures
  const o = t.n && t.kind[0] === T_WORD ? placeAt(t, 0, j, lex) : null;
  if (o && o.end < j && punctOf(t, o.end, ',')) return o.scope;
  // a label naming the place: "Local results, Kalvik municipality: SDP 39.0%, NF 18.7%, …"
  for (let k = j - 1, steps = 0; k > 0 && steps < 40; k--, steps++) {
    if (t.kind[k] === T_PUNCT && punctOf(t, k, '.;!?')) break;
    if (t.kind[k] === T_WORD && lex.namedAreas.has(tokLower(t, k)) && isCapitalised(t, k - 1) && !lex.notPlaces.has(tokLower(t, k - 1))) {
      return { text: `${tokText(t, k - 1)} ${tokText(t, k)}`, key: `${tokLower(t, k - 1)} ${tokLower(t, k)}` };
    }
  }
  return listedPlace(t, j, lex);
}

/**
 * "district by district: Brevin Valley 4,200 people evacuated, Hallendor City 2,650, Marsk 1,100": in a run of items
 * that each name a place right before its figure (after a colon, a comma or a semicolon, or at the start), the place
 * of the figure at token j. One item alone is no list ("Police 31,000" is a source, not a place).
 */
function listedPlace(t: Tokens, j: number, lex: Lexicon): Scope | null {
  const nameBefore = (q: number): number => {
    // the first token of one to three capitalised words ending right before token q, opened by a list separator
    let k = q - 1;
    while (k >= 0 && q - k <= 3 && t.kind[k] === T_WORD && isCapitalised(t, k) && !lex.notPlaces.has(tokLower(t, k)) && !lex.adverbs.has(tokLower(t, k)) && !isFunctionWord(lex, tokLower(t, k))) k--;
    if (k === q - 1) return -1;
    return k < 0 || punctOf(t, k, ',:;') ? k + 1 : -1;
  };
  const at = nameBefore(j);
  if (at < 0 || t.kind[j] !== T_NUM) return null;
  // (a count: "SDP 39.0%, NF 18.7%" lists parties' shares, "Automotive 4.2bn" a segment's money)
  let e = j + 1;
  while (e + 1 < t.n && punctOf(t, e, ',.') && t.gap[e] === 0 && t.kind[e + 1] === T_NUM) e += 2;
  if (punctOf(t, e, '%') || /^(?:per|percent|pc|pts|points|bn|m|million|billion)$/.test(tokLower(t, e))) return null;
  let items = 0;
  for (let q = 1; q < t.n && items < 2; q++) if (q !== j && t.kind[q] === T_NUM && t.kind[q - 1] === T_WORD && nameBefore(q) >= 0) items++;
  if (!items) return null;
  const words: string[] = [];
  for (let k = at; k < j; k++) words.push(tokLower(t, k));
  return { text: t.text.slice(t.start[at]!, t.end[j - 1]!), key: plain(words.join(' ')) };
}
