/**
 * The figure grammar, applied left to right over the tokens of one block of text:
 *
 *   figure := [qualifier] [between|from] [prefix-unit] [-] core [scale] [unit] [range-tail] [rate] [post-qualifier]
 *   core   := digits | number words | vague amount | fraction | "a"/"an" + time unit
 *
 * and the traps that look like figures but are not (dates, clock times, years, ordinals, identifiers, URLs,
 * phone numbers, page furniture, idioms such as "one of the").
 */
import { unitDef, type Lexicon, type PhraseEntry, type PhraseIndex, type QualifierDef, type UnitDef } from '../lexicon/index.js';
import type { Qualifier } from '../types.js';
import { overlapsAny, isMonthToken, type Span } from './dates.js';
import { exactNumber, readDigits, readWordNumber, readWords, shiftDecimal, VULGAR, type Numeral } from './numeral.js';
import { asciiLowerHash, asciiLowerHashOf, HashSet, isCapitalised, matchPhrase, T_NUM, T_PUNCT, T_WORD, tokLower, tokText, type Tokens } from './tokens.js';

export interface RawFigure {
  /** token range */
  ts: number;
  te: number;
  /** token range of the core numeral (for context) */
  cs: number;
  ce: number;
  start: number;
  end: number;
  value: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: UnitDef | null; // null = count
  per: string | null;
  precision: number | null;
  exact: string;
  form: 'digits' | 'words' | 'mixed' | 'vague' | 'fraction';
  age: boolean;
  /** written as an adjective compound: "1,100-km", "38-year-old", "two-day" */
  compound: boolean;
  /** "X in Y" ratio ("one in five") */
  ratio: boolean;
  /** core was "a"/"an" + unit ("a week") */
  article: boolean;
}

interface Core {
  end: number;
  value: number;
  exact: string;
  precision: number | null;
  form: RawFigure['form'];
  vague: { low: number; high: number } | null;
  /** fraction of a whole: reported in percent */
  fraction: boolean;
  /** the core already carries a unit ("a week", "half an hour") */
  unit: UnitDef | null;
  articleBand: number;
  numeral: Numeral | null;
  words: boolean;
  scaled: boolean;
  /** a share with the numerator "one" ("one-tenth") is exact; "a third", "half" are approximate */
  exactShare?: boolean;
}

/** "half" before these is a share ("half its normal level"); after those it names a part of a period ("the second half"). */
const HALF_OF = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'all']);
const HALF_BEFORE_NOT = new Set(['the', 'a', 'first', 'second', 'third', 'fourth', 'final', 'last', 'other', 'latter', 'former', 'back', 'front', 'top', 'bottom', 'better', 'next', 'previous', 'opening', 'closing']);
const TIME_REF_AFTER = new Set(['ago', 'earlier', 'before', 'previously', 'later', 'prior']);
const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century']);
const RATE_PERIODS: Record<string, string> = {
  second: 'second', sec: 'second', minute: 'minute', min: 'minute', hour: 'hour', hr: 'hour', day: 'day', night: 'day', week: 'week', month: 'month', year: 'year', annum: 'year', decade: 'decade',
};
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '(', '[', '•', '|', '·']);
const PLURAL_COUNT_BLOCK = new Set(['is', 'was', 'has', 'as', 'this', 'its', 'his', 'us', 'yes', 'less', 'always', 'perhaps', 'thus', 'across', 'versus', 'plus', 'minus', 'news', 'series', 'species', 'has', 'does', 'goes', 'also', 'towards', 'afterwards', 'whereas', 'nevertheless']);
const MEASURE_ADJ = new Set(['tall', 'high', 'long', 'wide', 'deep', 'away', 'above', 'below', 'from', 'thick', 'underground', 'underwater', 'race', 'sprint', 'hurdles', 'freestyle', 'run', 'dash', 'relay', 'final', 'swim', 'radius', 'across', 'offshore', 'inland']);
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
const CLOCK_NOUNS = new Set(['briefing', 'bulletin', 'news', 'train', 'flight', 'service', 'update', 'meeting', 'session', 'deadline', 'kick-off', 'kickoff', 'start', 'press', 'statement', 'departure', 'ferry', 'bus']);
const PRICE_VERBS = new Set(['closed', 'close', 'closes', 'traded', 'trade', 'trades', 'stood', 'stands', 'ended', 'ends', 'opened', 'opens', 'fell', 'rose', 'finished', 'settled', 'priced', 'sold', 'bought', 'valued']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const TIME_DEICTICS = new Set(['last', 'past', 'next', 'previous', 'following', 'same', 'whole', 'entire', 'single', 'first', 'final', 'per', 'one']);
const WORD_NUMBER_HEADS = new Set(['number', 'no', 'article', 'chapter', 'section', 'page', 'level', 'category', 'phase', 'stage']);
const LINE_NOUNS = new Set(['line', 'number', 'hotline', 'helpline']);
const LINE_KINDS = new Set(['emergency', 'help', 'information', 'info', 'advice', 'support', 'tip', 'tips', 'crisis', 'enquiry', 'enquiries', 'inquiry', 'contact', 'phone', 'telephone', 'hotline', 'helpline', 'official']);
const PHONE_WORDS = new Set(['call', 'calling', 'phone', 'phoning', 'dialling', 'dialing', 'tel', 'telephone', 'hotline', 'helpline', 'dial', 'fax', 'whatsapp', 'sms', 'text', 'mobile', 'cell', 'contact', 'ring']);
const YEAR_PREP = new Set(['in', 'since', 'by', 'from', 'until', 'till', 'to', 'during', 'before', 'after', 'of', 'between', 'and', 'early', 'late', 'mid', 'around', 'circa', 'year', 'fiscal', 'fy', 'quarter', 'half', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'spring', 'summer', 'autumn', 'fall', 'winter', 'through', 'throughout', 'for', 'the', 'in', 'this', 'last', 'next', 'that', 'same', 'end', 'start', 'beginning', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const COUNT_PLURALS_IRREGULAR = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'troops', 'staff', 'cattle', 'livestock', 'aircraft', 'sheep', 'deer', 'fish', 'crew', 'infantry', 'militia', 'youth', 'folk']);

export interface ScanContext {
  t: Tokens;
  lex: Lexicon;
  dates: Span[];
  /** token range of the block */
  from: number;
  to: number;
}

function isWord(t: Tokens, i: number): boolean {
  return i >= 0 && i < t.n && t.kind[i] === T_WORD;
}
function isNum(t: Tokens, i: number): boolean {
  return i >= 0 && i < t.n && t.kind[i] === T_NUM;
}
function isPunct(t: Tokens, i: number, ch?: string): boolean {
  if (i < 0 || i >= t.n || t.kind[i] !== T_PUNCT) return false;
  return ch === undefined || tokText(t, i) === ch;
}
function lw(t: Tokens, i: number): string {
  return i >= 0 && i < t.n ? tokLower(t, i) : '';
}
function glued(t: Tokens, i: number): boolean {
  return i >= 0 && i < t.n && t.gap[i] === 0;
}

/** Start of a sentence: first token, after sentence punctuation, or after a line break. */
export function sentenceInitial(t: Tokens, i: number, from: number): boolean {
  if (i <= from) return true;
  if (t.nl[i]) return true;
  const p = tokText(t, i - 1);
  if (SENTENCE_END.has(p)) return true;
  if (p === "'" && i - 2 >= from && SENTENCE_END.has(tokText(t, i - 2))) return true;
  return false;
}

function matchIndex<T>(ctx: ScanContext, idx: PhraseIndex<T>, i: number, h?: number): { end: number; value: T; entry: PhraseEntry<T> } | null {
  const { t } = ctx;
  if (i >= ctx.to) return null;
  if (!idx.mayStart(h ?? asciiLowerHash(t, i))) return null;
  const lower = tokLower(t, i);
  const cands = idx.candidates(idx.caseSensitive ? tokText(t, i) : lower, lower);
  if (!cands) return null;
  for (const e of cands) {
    const end = matchPhrase(t, i, e.toks, e.caseSensitive);
    if (end > 0 && end <= ctx.to) {
      // a word phrase must end at a word boundary: "per cent" must not match "per centre"
      return { end, value: e.value, entry: e };
    }
  }
  return null;
}

/** Is the word a plural count noun ("people", "soldiers", "places")? */
export function looksPluralNoun(t: Tokens, i: number, lex: Lexicon): boolean {
  if (!isWord(t, i)) return false;
  const w = lw(t, i);
  if (COUNT_PLURALS_IRREGULAR.has(w)) return true;
  if (w.length < 3 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return false;
  if (PLURAL_COUNT_BLOCK.has(w) || lex.auxiliaries.has(w) || lex.prepositions.has(w) || lex.pronouns.has(w) || lex.conjunctions.has(w)) return false;
  // "'s" possessive is a separate token; a following apostrophe means "soldiers'" (still plural)
  return true;
}

/**
 * The lower-cased words a figure can start with; at any other word parseAt returns null, with no side effect.
 * `self`: words that open a figure by themselves or with what follows — vague amounts, negative words, cardinals
 * and scales (readWordNumber's first word), and the words parseAt and readCore test by name (words ending in
 * "fold" are tested apart). `lead`: the first words of qualifiers, prefixes and prefix words, which open a figure
 * only where the whole phrase is there. Built once per lexicon.
 */
interface WordSet {
  words: Set<string>;
  /** asciiLowerHash of the words that are all ASCII */
  hashes: HashSet;
}
interface StartWords {
  self: WordSet;
  lead: WordSet;
  /**
   * For the articles "a" and "an": the lower-cased words after them that let parseAt read a figure there. An
   * article followed by another word opens nothing (parseAt returns null): no qualifier, prefix, prefix word or
   * vague phrase starts with it and that word, the word is no time unit for "a week", and it opens no number
   * ("a hundred", "a dozen", "a third", "a twenty-fifth"). (An article no figure starts with by itself, or that
   * some phrase consists of alone, has no entry.)
   */
  articleNext: Map<string, Set<string>>;
  /**
   * By the asciiLowerHash of each all-ASCII word of `lead`: the hashes of the second words of the qualifiers, prefixes
   * and prefix words it starts, or null when one of them is that word alone (or has a second word not all ASCII). A
   * lead word before a word of any other hash starts none of those phrases.
   */
  leadNext: Map<number, HashSet | null>;
  /** 1 at the low 16 bits of the asciiLowerHash of every all-ASCII word of `self` and `lead`: a word at a 0 is in neither. */
  anyLow: Uint8Array;
}
function wordSet(words: Set<string>): WordSet {
  const hashes = new HashSet();
  for (const w of words) {
    const h = asciiLowerHashOf(w);
    if (h >= 0) hashes.add(h);
  }
  return { words, hashes };
}
function inSet(ws: WordSet, t: Tokens, i: number, h: number): boolean {
  return h >= 0 ? ws.hashes.has(h) : ws.words.has(tokLower(t, i));
}
const startWordsCache = new WeakMap<Lexicon, StartWords>();
function figureStartWords(lex: Lexicon): StartWords {
  let sw = startWordsCache.get(lex);
  if (sw) return sw;
  const self = new Set(['between', 'from', 'aged', 'age', 'half', 'quarter', 'a', 'an', 'another', 'younger', 'older']);
  for (const k of lex.vague.firstTokens()) self.add(k.toLowerCase());
  for (const w of lex.negativeWords) self.add(w.toLowerCase());
  for (const w of lex.cardinals.keys()) self.add(w.toLowerCase());
  for (const w of lex.scales.keys()) self.add(w.toLowerCase());
  const lead = new Set<string>();
  for (const idx of [lex.qualifiers, lex.prefixes, lex.prefixWords] as PhraseIndex<unknown>[]) for (const k of idx.firstTokens()) lead.add(k.toLowerCase());
  // (keyed by asciiLowerHash: words that hash alike share one entry, which lets through what either lets through)
  const leadNext = new Map<number, HashSet | null>();
  for (const w of lead) {
    const h = asciiLowerHashOf(w);
    if (h < 0) continue;
    let next: HashSet | null = leadNext.has(h) ? leadNext.get(h)! : new HashSet();
    for (const idx of [lex.qualifiers, lex.prefixes, lex.prefixWords] as PhraseIndex<unknown>[]) {
      for (const e of idx.entriesStartingWith(w)) {
        const h2 = e.toks.length < 2 ? -1 : asciiLowerHashOf(e.toks[1]!.text);
        if (h2 < 0) next = null;
        else next?.add(h2);
      }
    }
    leadNext.set(h, next);
  }
  const anyLow = new Uint8Array(1 << 16);
  for (const w of [...self, ...lead]) {
    const h = asciiLowerHashOf(w);
    if (h >= 0) anyLow[h & 0xffff] = 1;
  }
  sw = { self: wordSet(self), lead: wordSet(lead), articleNext: articleNextWords(lex, self), leadNext, anyLow };
  startWordsCache.set(lex, sw);
  return sw;
}

/** StartWords.articleNext: what parseAt and readCore test after an article (see there). */
function articleNextWords(lex: Lexicon, self: Set<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of ['a', 'an']) {
    if (!self.has(a) || lex.cardinals.has(a) || lex.scales.has(a) || lex.dozenWords.has(a) || lex.negativeWords.has(a) || lex.fractions.has(a) || lex.ordinals.has(a)) continue;
    const next = new Set<string>();
    let alone = false;
    for (const idx of [lex.qualifiers, lex.prefixes, lex.prefixWords, lex.vague] as PhraseIndex<unknown>[]) {
      for (const e of idx.entriesStartingWith(a)) {
        if (e.toks.length < 2) alone = true;
        else next.add(e.toks[1]!.text.toLowerCase());
      }
    }
    if (alone) continue;
    // "a week ago": a time unit (unitWord); "a hundred", "a dozen", "a fifth", "a twenty-first": readWordNumber
    for (const k of lex.units.firstTokens()) next.add(k.toLowerCase());
    for (const m of [lex.scales, lex.cardinals, lex.fractions, lex.ordinals] as Array<Map<string, number>>) for (const k of m.keys()) next.add(k.toLowerCase());
    for (const k of lex.ordinals.keys()) next.add(`${k.toLowerCase()}s`);
    for (const k of lex.dozenWords) next.add(k.toLowerCase());
    out.set(a, next);
  }
  return out;
}

/** An article before a word after which parseAt reads nothing (see StartWords.articleNext). */
function inertArticle(t: Tokens, sw: StartWords, i: number): boolean {
  if (t.end[i]! - t.start[i]! > 2) return false;
  const next = sw.articleNext.get(tokLower(t, i));
  if (!next) return false;
  const k = i + 1;
  if (k >= t.n) return true;
  return t.kind[k] === T_WORD && !next.has(tokLower(t, k));
}

/** Can a figure start at word i? (false: parseAt would return null) */
function mayStartFigure(ctx: ScanContext, sw: StartWords, i: number): boolean {
  const { t, lex } = ctx;
  const h = asciiLowerHash(t, i);
  if (inSet(sw.self, t, i, h)) return !inertArticle(t, sw, i);
  if (h >= 0 ? asciiFold(t, i) : tokLower(t, i).length > 6 && tokLower(t, i).endsWith('fold')) return true;
  // a qualifier, prefix or prefix word must be there in full
  return inSet(sw.lead, t, i, h) && leadMayMatch(t, sw, i, h) && (matchIndex(ctx, lex.qualifiers, i, h) !== null || matchIndex(ctx, lex.prefixes, i, h) !== null || matchIndex(ctx, lex.prefixWords, i, h) !== null);
}

/** Can a qualifier, prefix or prefix word start at lead word i (hash h), by the word after it (StartWords.leadNext)? */
function leadMayMatch(t: Tokens, sw: StartWords, i: number, h: number): boolean {
  const next = h >= 0 ? sw.leadNext.get(h) : null;
  if (!next) return true;
  if (i + 1 >= t.n) return false;
  const h2 = asciiLowerHash(t, i + 1);
  return h2 < 0 || next.has(h2);
}

/** Does the all-ASCII token i end in "fold" (any case) and have more than six letters? */
function asciiFold(t: Tokens, i: number): boolean {
  const e = t.end[i]!;
  if (e - t.start[i]! <= 6) return false;
  const x = t.text;
  return (x.charCodeAt(e - 4) | 32) === 102 && (x.charCodeAt(e - 3) | 32) === 111 && (x.charCodeAt(e - 2) | 32) === 108 && (x.charCodeAt(e - 1) | 32) === 100;
}

/** Does the punctuation text open a figure (a prefix such as "$", a qualifier such as ">", a vulgar fraction)? */
function punctOpensFigure(lex: Lexicon, s: string): boolean {
  return !!lex.prefixes.candidates(s, s.toLowerCase()) || !!lex.qualifiers.candidates(s, s) || VULGAR[s] !== undefined;
}

/** punctOpensFigure of each one-character punctuation token, by character code (-1: not asked yet), per lexicon. */
const punctStartsCache = new WeakMap<Lexicon, Int8Array>();
function punctStarts(lex: Lexicon): Int8Array {
  let known = punctStartsCache.get(lex);
  if (!known) punctStartsCache.set(lex, (known = new Int8Array(65536).fill(-1)));
  return known;
}

/** Can a figure start at punctuation token i? (false: parseAt would return null) */
function mayStartAtPunct(ctx: ScanContext, known: Int8Array, i: number): boolean {
  const { t } = ctx;
  const s = tokText(t, i);
  if ((s === '-' && isNum(t, i + 1)) || leadingDot(t, i)) return true;
  if (s.length !== 1) return punctOpensFigure(ctx.lex, s);
  const c = s.charCodeAt(0);
  if (known[c] === -1) known[c] = punctOpensFigure(ctx.lex, s) ? 1 : 0;
  return known[c] === 1;
}

export function scanBlock(ctx: ScanContext): RawFigure[] {
  const out: RawFigure[] = [];
  const { t } = ctx;
  const starts = figureStartWords(ctx.lex);
  const punct = punctStarts(ctx.lex);
  let i = ctx.from;
  while (i < ctx.to) {
    const k = t.kind[i];
    // a word that no figure starts with: parseAt would return null
    // (first the all-ASCII words whose hash is in neither word set's table, and that end in no "fold": most words)
    if (k === T_WORD && ((t.hash[i]! >= 0 && starts.anyLow[t.hash[i]! & 0xffff] === 0 && !asciiFold(t, i)) || !mayStartFigure(ctx, starts, i))) {
      i++;
      continue;
    }
    // quick filter: figures start with a digit, a word, or a currency/prefix symbol
    if (k === T_PUNCT && !mayStartAtPunct(ctx, punct, i)) {
      i++;
      continue;
    }
    const r = parseAt(ctx, i);
    if (r === null) {
      i++;
    } else if (r === 'skip') {
      i = skipTo;
    } else {
      out.push(r);
      i = r.te;
    }
  }
  urlRun = { text: '', a: 0, b: 0, mark: false };
  return joinFigures(ctx, out);
}

/** The words and punctuation between two figures, lower-cased and joined by spaces. */
function gapWords(t: Tokens, a: RawFigure, b: RawFigure): string {
  const parts: string[] = [];
  for (let k = a.te; k < b.ts && parts.length < 4; k++) parts.push(tokLower(t, k));
  return b.ts - a.te > 4 ? '…' : parts.join(' ');
}

/**
 * Figures that the words between them join: a lower and an upper bound on one quantity make one interval ("more
 * than 10 and less than 40", "at most 100 and at least 20", "above 1000 and below 1500"); a bare number before
 * "and"/"or" and a measured one share its unit ("45 and 50 mg").
 */
function joinFigures(ctx: ScanContext, figs: RawFigure[]): RawFigure[] {
  const { t } = ctx;
  for (let k = 0; k + 1 < figs.length; k++) {
    const a = figs[k]!;
    const b = figs[k + 1]!;
    // only a pair of opposite bounds, or a bare number before a measured one, can join
    const maybeBounds = (a.qualifier === 'lower' || a.qualifier === 'upper') && (b.qualifier === 'lower' || b.qualifier === 'upper');
    const maybeUnit = (!a.unit && b.unit !== null) || (a.unit !== null && !b.unit);
    if ((!maybeBounds && !maybeUnit) || b.ts - a.te > 2) continue;
    const gap = gapWords(t, a, b);
    const sameUnit = (a.unit?.name ?? null) === (b.unit?.name ?? null) && a.per === b.per && a.age === b.age;
    const bounds = (a.qualifier === 'lower' && b.qualifier === 'upper') || (a.qualifier === 'upper' && b.qualifier === 'lower');
    if (bounds && sameUnit && (gap === 'and' || gap === ',' || gap === ', and' || gap === 'but')) {
      const lo = a.qualifier === 'lower' ? a.low : b.low;
      const hi = a.qualifier === 'upper' ? a.high : b.high;
      if (lo !== null && hi !== null && lo < hi) {
        const mid = (lo + hi) / 2;
        figs.splice(k, 2, {
          ...a,
          te: b.te,
          ce: b.ce,
          end: b.end,
          value: mid,
          low: lo,
          high: hi,
          qualifier: 'range',
          exact: exactNumber(mid),
          precision: a.precision !== null && b.precision !== null ? Math.min(a.precision, b.precision) : null,
        });
        continue;
      }
    }
    // "45 and 50 mg": the unit written once stands for both
    if (!a.unit && b.unit && !a.per && !a.age && a.qualifier === 'exact' && b.qualifier === 'exact' && (a.form === 'digits' || a.form === 'words') && b.ts === b.cs && (gap === 'and' || gap === 'or') && b.unit.dimension !== 'duration') {
      a.unit = b.unit;
    }
    // "rose from 62 to 64 percent": the earlier level of a change is in the unit of the later one; "about 8 or $9"
    else if (!a.unit && b.unit && !a.per && !a.age && (a.form === 'digits' || a.form === 'words') && b.qualifier === 'exact' && b.unit.dimension !== 'duration') {
      const fromTo = gap === 'to' && lw(t, a.ts - 1) === 'from' && b.ts === b.cs;
      const moneyOr = (gap === 'or' || gap === 'to') && b.unit.dimension === 'currency' && b.ts < b.cs && (a.qualifier === 'exact' || a.qualifier === 'approx');
      if (fromTo || moneyOr) a.unit = b.unit;
    }
    // "dropped from 208 pounds to 193", "rose 64.06 points to 4,577.10": the new level is in the unit of the change
    // (not a percentage: "fell 0.4 per cent to 13176" is an index level)
    else if (a.unit && !b.unit && !b.per && !b.age && b.qualifier === 'exact' && gap === 'to' && b.ts === b.cs && (b.form === 'digits' || b.form === 'words') && !NO_LEVEL_UNIT.has(a.unit.dimension) && !a.unit.partOf && (lw(t, a.ts - 1) === 'from' || ctx.lex.changeVerbs.has(lw(t, a.ts - 1)) || (lw(t, a.ts - 1) === 'by' && ctx.lex.changeVerbs.has(lw(t, a.ts - 2))))) {
      b.unit = a.unit;
    }
  }
  return figs;
}

/** Units of a change that do not carry over to the level after it ("up 5% to 230"; nor cents: "up 12 cents to 2.45"). */
const NO_LEVEL_UNIT = new Set(['percent', 'pp', 'bp', 'ratio', 'duration']);

/** Set by parseAt when it recognises a trap that spans several tokens (so they are not re-read). */
let skipTo = 0;

/** Verbs whose "up" is a particle before "to" and a new level ("goes up to 0.62", "went up to 45", "has gone up to 41"). */
const GO_UP = new Set(['go', 'goes', 'went', 'gone', 'going', 'move', 'moves', 'moved', 'moving', 'shot', 'shoots', 'climbed', 'jumped', 'crept', 'edged', 'ticked', 'inched', 'pushed', 'bumped', 'ramped', 'stepped', 'scaled']);

function parseAt(ctx: ScanContext, i: number): RawFigure | null | 'skip' {
  const { t, lex } = ctx;
  let j = i;
  let qual: QualifierDef | null = null;
  let qm = isWord(t, j) || isPunct(t, j) ? matchIndex(ctx, lex.qualifiers, j) : null;
  // comparison symbols bound digits only: "x>10", ">= 30"; "<>30", "=>30", a tag "<td>5" or a quoted line "> 5" are none
  if (qm && isPunct(t, j) && !symbolBound(ctx, j, qm.end)) return null;
  // "the wind dropped below 60 km/h", "rose above 5%": a threshold crossed, not a bound on the figure
  if (qm && qm.end === j + 1 && lex.changeVerbs.has(lw(t, j - 1)) && (lw(t, j) === 'below' || lw(t, j) === 'above' || lw(t, j) === 'over' || lw(t, j) === 'under')) {
    return null;
  }
  // "the dividend goes up to 0.62 a share", "prices went up to 45 euros": the verb's "up", then its new level, not a bound
  if (qm && qm.end === j + 2 && lw(t, j) === 'up' && lw(t, j + 1) === 'to' && GO_UP.has(lw(t, j - 1))) return null;
  if (qm) {
    qual = qm.value;
    j = qm.end;
  }
  // "31 are younger than 15", "older than 65": a bound on an age
  let ageBound = false;
  if (!qm && isWord(t, j) && (lw(t, j) === 'younger' || lw(t, j) === 'older') && lw(t, j + 1) === 'than' && isNum(t, j + 2)) {
    qual = { type: lw(t, j) === 'younger' ? 'upper' : 'lower', band: 0 };
    ageBound = true;
    j += 2;
  }
  let between = false;
  let fromWord = false;
  if (isWord(t, j) && lw(t, j) === 'between') {
    between = true;
    j++;
  } else if (isWord(t, j) && lw(t, j) === 'from' && !qual) {
    fromWord = true;
    j++;
  }
  // "about the", "from their", "some of": after a qualifier, "between" or "from", a word no figure starts with reads
  // nothing (at a word parseAt only goes on to a prefix, a prefix word, "aged", a negative word — all words a figure
  // starts with — then trapAt, which reads digits only, and readCore, which reads nothing there whatever its flags:
  // the words it reads all start figures, see figureStartWords)
  if (j !== i && j < ctx.to && t.kind[j] === T_WORD && !mayStartFigure(ctx, figureStartWords(lex), j)) return null;
  // where the figure starts when "between"/"from" turn out not to open a range: at the prefix ("from €537 million")
  const afterFrom = j;
  // prefix unit: currency symbols and codes, "magnitude", "Mach", "aged"
  let prefixUnit: UnitDef | null = null;
  let age = false;
  const pm = matchIndex(ctx, lex.prefixes, j);
  if (pm && (isNum(t, pm.end) || (isPunct(t, pm.end, '-') && isNum(t, pm.end + 1)) || isWord(t, pm.end))) {
    prefixUnit = pm.value;
    j = pm.end;
  } else if (isWord(t, j)) {
    const pw = matchIndex(ctx, lex.prefixWords, j);
    if (pw && (isNum(t, pw.end) || (isPunct(t, pw.end, '-') && isNum(t, pw.end + 1)))) {
      prefixUnit = pw.value;
      j = isPunct(t, pw.end, '-') ? pw.end + 1 : pw.end;
    } else if ((lw(t, j) === 'aged' || lw(t, j) === 'age') && (isNum(t, j + 1) || lex.cardinals.has(lw(t, j + 1)))) {
      // "aged 45", "aged five", "by the age of five"
      age = true;
      j++;
    } else if (lw(t, j) === 'age' && lw(t, j + 1) === 'of' && (isNum(t, j + 2) || lex.cardinals.has(lw(t, j + 2)))) {
      age = true;
      j += 2;
    }
  }
  // sign
  let neg = false;
  /** "- 20 degrees fahrenheit": a minus standing apart holds only for a temperature (a dash otherwise) */
  let spacedMinus = false;
  if (isPunct(t, j, '-') && isNum(t, j + 1) && glued(t, j + 1) && (j === ctx.from || t.gap[j]! > 0 || isPunct(t, j - 1, '(') || prefixUnit !== null || qm !== null)) {
    // not a range tail or a compound "COVID-19" — but a spaced "-1.3%" after a number is a change ("Stoxx 50 -1.3%")
    if (!(j > ctx.from && (t.kind[j - 1] === T_NUM || (t.kind[j - 1] === T_WORD && glued(t, j)))) || (t.kind[j - 1] === T_NUM && t.gap[j]! > 0 && signedPercent(t, j + 1))) {
      neg = true;
      j++;
    }
  } else if (isPunct(t, j, '-') && isNum(t, j + 1) && t.gap[j + 1] === 1 && !t.nl[j + 1] && j > ctx.from && t.gap[j]! > 0 && t.kind[j - 1] === T_WORD) {
    neg = true;
    spacedMinus = true;
    j++;
  } else if (isWord(t, j) && lex.negativeWords.has(lw(t, j)) && (isNum(t, j + 1) || (isWord(t, j + 1) && lex.cardinals.has(lw(t, j + 1))))) {
    // "minus five percent", "between negative ten and fifteen"
    neg = true;
    j++;
  } else if (isWord(t, j) && lex.negativeWords.has(lw(t, j)) && isPunct(t, j + 1, '-') && glued(t, j + 1) && isNum(t, j + 2) && glued(t, j + 2)) {
    // "minus-5 yards", "minus-130 degrees"
    neg = true;
    j += 2;
  }
  const coreStart = j;
  // a bound glued by a hyphen binds digits only: "sub-7 nanometre", "sub-$1,000"; "sub-zero" is no number
  // ("magnitude-6.1": a prefix unit glued by a hyphen binds the digits the same way)
  const hyphenQual = (qm !== null && qm.end === coreStart && isPunct(t, qm.end - 1, '-')) || (prefixUnit !== null && isPunct(t, coreStart - 1, '-') && glued(t, coreStart));
  if (qm && isPunct(t, qm.end - 1, '-') && !((isNum(t, qm.end) || (prefixUnit !== null && isNum(t, coreStart))) && glued(t, qm.end))) return null;
  const trap = trapAt(ctx, coreStart, prefixUnit !== null || qual !== null, prefixUnit !== null && prefixUnit.dimension === 'currency', hyphenQual);
  if (trap) {
    if (trap > coreStart + 1) {
      skipTo = trap;
      return 'skip';
    }
    return null;
  }
  const core = readCore(ctx, coreStart, prefixUnit !== null, qm !== null);
  if (!core) return null;
  return completeFigure(ctx, { i, qm, qual, between, fromWord, afterFrom, prefixUnit, age, ageBound, neg, spacedMinus, coreStart }, core);
}

/** What parseAt read before a figure's core numeral (token i opens the figure). */
interface Opening {
  i: number;
  qm: { end: number; value: QualifierDef; entry: PhraseEntry<QualifierDef> } | null;
  qual: QualifierDef | null;
  between: boolean;
  fromWord: boolean;
  afterFrom: number;
  prefixUnit: UnitDef | null;
  age: boolean;
  /** "younger than 15": the words make the figure an age, when no unit follows */
  ageBound: boolean;
  neg: boolean;
  spacedMinus: boolean;
  coreStart: number;
}

/**
 * Does a figure stand just before token i, joined by comparison words ("from £389m a year earlier", "900 fewer than a
 * year earlier", "up 9.5% from a year earlier", "0.8 points on a year ago")? Then "a year earlier" is the point it is
 * compared with. ("three times their level a month ago", "A week ago, …" name a time span: figures.)
 */
function afterAFigure(ctx: ScanContext, i: number): boolean {
  const { t } = ctx;
  let words = 0;
  for (let k = i - 1; k >= ctx.from && k >= i - 7; k--) {
    if (t.kind[k] === T_NUM || isPunct(t, k, '%')) return true;
    if (t.kind[k] !== T_WORD) return false;
    const w = lw(t, k);
    if (COMPARED_WORDS.has(w) || ctx.lex.scales.has(w)) continue;
    // a unit or currency word between ("2.05 billion lumens a year earlier")
    if (++words > 1) return false;
  }
  return false;
}
const COMPARED_WORDS = new Set(['from', 'than', 'more', 'less', 'fewer', 'higher', 'lower', 'up', 'down', 'on', 'above', 'below', 'percentage', 'points', 'point', 'per', 'cent', 'percent', 'pct']);

/**
 * The figure around a core numeral: scale, unit, range tail, rate, post-qualifier and bounds (parseAt's second half,
 * apart so that V8 optimises the part every candidate token runs on its own).
 */
function completeFigure(ctx: ScanContext, o: Opening, core: Core): RawFigure | 'skip' {
  const { t, lex } = ctx;
  const { i, between, fromWord, afterFrom, prefixUnit, coreStart } = o;
  let { qm, qual, age, neg, ageBound } = o;
  const spacedMinus = o.spacedMinus;
  // "higher than a year earlier": a point in time compared with, not a bound on a duration
  if (qm && core.articleBand > 0 && TIME_REF_AFTER.has(lw(t, core.end)) && lw(t, qm.end - 1) === 'than' && !['more', 'less', 'fewer'].includes(lw(t, qm.end - 2))) {
    qm = null;
    qual = null;
  }
  // "up from £389m a year earlier", "6% more than a year ago": a point in time, no duration ("more than a year ago"
  // on its own is one)
  if (core.articleBand > 0 && TIME_REF_AFTER.has(lw(t, core.end)) && afterAFigure(ctx, i)) {
    skipTo = core.end + 1;
    return 'skip';
  }
  let value = neg ? -core.value : core.value;
  let exact = neg ? `-${core.exact}` : core.exact;
  let precision = core.precision;
  let unit: UnitDef | null = prefixUnit ?? core.unit;
  let pos = core.end;
  let scaled = core.scaled;

  // scale after digits: "2.5 million", "$5bn", "4.5m", "10k", "3 dozen"
  if (core.numeral && !core.fraction) {
    const sc = readScale(ctx, pos, prefixUnit);
    if (sc) {
      value *= sc.value;
      exact = isPow10(sc.value) ? shiftDecimal(exact, Math.round(Math.log10(sc.value))) : exactNumber(value);
      precision = precision !== null ? precision * sc.value : null;
      pos = sc.end;
      scaled = true;
    }
  }
  // "and a half" after words/digits: "one and a half", "two and a half million"
  if ((core.words || core.numeral) && !core.fraction && lw(t, pos) === 'and' && lw(t, pos + 1) === 'a' && lw(t, pos + 2) === 'half') {
    value += neg ? -0.5 : 0.5;
    pos += 3;
    const sc = readScale(ctx, pos, prefixUnit);
    if (sc) {
      value *= sc.value;
      pos = sc.end;
      scaled = true;
    }
    exact = exactNumber(value);
    precision = null;
  }

  // "9.83e-3 +/- 1e-5 km/s2", "2,000.45±0.01 pounds": a value with its uncertainty
  let uncertainty: number | null = null;
  if (core.numeral && !core.fraction) {
    const pmEnd = isPunct(t, pos, '±') ? pos + 1 : isPunct(t, pos, '+') && isPunct(t, pos + 1, '/') && isPunct(t, pos + 2, '-') && glued(t, pos + 1) && glued(t, pos + 2) ? pos + 3 : -1;
    if (pmEnd > 0 && isNum(t, pmEnd) && t.gap[pmEnd]! <= 1) {
      const un = readDigits(t, pmEnd);
      if (un && !un.dotted && un.form === 'digits') {
        uncertainty = un.value;
        pos = un.end;
      }
    }
  }
  // unit (unless the core or the prefix gave one)
  let compound = false;
  let per: string | null = null;
  let articleUnit = core.articleBand > 0;
  if (!unit) {
    const u = readUnit(ctx, pos, core, scaled, coreStart);
    if (u) {
      unit = u.unit;
      pos = u.end;
      compound = u.compound;
      if (u.age) age = true;
      if (u.factor !== 1) {
        if (uncertainty !== null) uncertainty *= u.factor;
        value *= u.factor;
        exact = isPow10(u.factor) ? shiftDecimal(exact, Math.round(Math.log10(u.factor))) : exactNumber(value);
        precision = precision !== null ? precision * u.factor : null;
        scaled = true;
      }
    }
  } else if (prefixUnit && unit.dimension === 'currency') {
    // "$500 million dollars" is rare; "US$" prefixes are enough. But "£5 pounds" → consume the repeated word
    // (only the same currency: in "rmb 10 usd 20" the code after 10 opens the next amount)
    const u = readUnit(ctx, pos, core, scaled, coreStart);
    if (u && u.unit.name === unit.name && u.factor === 1) pos = u.end;
  } else if (core.unit && !prefixUnit) {
    // "an hour-long", "a week-long"
    if (isPunct(t, pos, '-') && glued(t, pos) && lw(t, pos + 1) === 'long' && glued(t, pos + 1)) {
      pos += 2;
      compound = true;
    }
  }
  // "75 USD million": a scale after the currency
  if (unit && unit.dimension === 'currency' && !scaled && core.numeral && !core.fraction && isWord(t, pos) && lex.scales.has(lw(t, pos)) && lex.scales.get(lw(t, pos))! >= 1000 && !t.nl[pos]) {
    const sc = readScale(ctx, pos, unit);
    if (sc) {
      value *= sc.value;
      exact = isPow10(sc.value) ? shiftDecimal(exact, Math.round(Math.log10(sc.value))) : exactNumber(value);
      precision = precision !== null ? precision * sc.value : null;
      pos = sc.end;
      scaled = true;
    }
  }
  // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "5 ft 2 in": a smaller unit folds into the amount
  if (unit && !core.vague) {
    const sub = readSubunit(ctx, pos, unit);
    if (sub) {
      value += (neg ? -1 : 1) * sub.value;
      exact = exactNumber(value);
      precision = null;
      pos = sub.end;
    }
  }
  // "- 20 degrees fahrenheit": the spaced minus was a dash unless the figure is a temperature
  if (spacedMinus && !(unit && unit.dimension === 'temperature')) {
    neg = false;
    value = -value;
    exact = exact.startsWith('-') ? exact.slice(1) : exact;
  }
  // "46 are 25 or older", "children 12 and younger": an age with its bound after it
  if (!unit && !qual && core.value >= 1 && core.value <= 120 && Number.isInteger(core.value) && pos === core.end && (lw(t, pos) === 'or' || lw(t, pos) === 'and') && (lw(t, pos + 1) === 'older' || lw(t, pos + 1) === 'younger')) {
    qual = { type: lw(t, pos + 1) === 'younger' ? 'upper' : 'lower', band: 0 };
    ageBound = true;
    pos += 2;
  }
  if (ageBound && !unit && core.value >= 0 && core.value <= 120) age = true;
  // "Paolo Rinaldi, 58, said": an age in commas (or brackets) right after a name
  if (!unit && !qual && core.value >= 1 && core.value <= 120 && pos === core.end && ((core.numeral?.bare && (isAgeApposition(ctx, coreStart, pos) || isAgePredicate(ctx, coreStart, pos) || isAgeAt(ctx, coreStart, pos, core.value))) || ((core.numeral?.bare || core.form === 'words') && Number.isInteger(core.value) && isAgeOf(ctx, coreStart, pos)))) age = true;
  if (age && (!unit || unit.dimension !== 'duration')) unit = lex.unitsByName.get('year') ?? unit;

  // range tail: "62-68", "between 40,000 and 50,000", "three to five", "5 km to 10 km", "two or three"
  let low: number | null = null;
  let high: number | null = null;
  let qualifier: Qualifier = 'exact';
  let rangeEnd = -1;
  if (!core.vague && !articleUnit) {
    const rt = readRangeTail(ctx, pos, core, between, fromWord, i, value, unit, prefixUnit);
    if (rt === 'score') {
      skipTo = rt === 'score' ? scoreEnd : pos;
      return 'skip';
    }
    if (rt) {
      let lo = value;
      let hi = rt.value;
      // "between 40 and 50 million": the scale of the second applies to the first when the first has none
      if (rt.scale > 1 && !scaled && lo * rt.scale <= hi) lo *= rt.scale;
      // "from -18 °C to -34 °C": colder and colder, still one interval
      if (lo < 0 && hi < 0 && hi < lo) [lo, hi] = [hi, lo];
      if (hi > lo) {
        low = lo;
        high = hi;
        value = (lo + hi) / 2;
        exact = exactNumber(value);
        qualifier = 'range';
        if (rt.unit && !unit) unit = rt.unit;
        if (rt.precision !== null && precision !== null) precision = Math.min(precision, rt.precision);
        pos = rt.end;
        rangeEnd = rt.end;
        if (rt.compound) compound = true;
      }
    }
  }
  if (between && rangeEnd < 0 && !qual) {
    // "between" without a range: drop the word from the figure
  }

  // rate: "1,000 a day", "12 per 100,000 people", "$5 per hour", "per capita"
  const rate = readRate(ctx, pos, unit);
  if (rate) {
    per = rate.per;
    pos = rate.end;
  } else if (unit && unit.dimension === 'currency' && (isPunct(t, pos, '(') || isPunct(t, pos, ')'))) {
    // "9 billion shekels ($2.4 billion) a year", "C$6 (US$4.46) per share": the rate after a conversion in brackets
    // is both amounts' (it stays outside this figure's span)
    let k = pos;
    if (isPunct(t, k, '(')) for (let q = k + 1; q < Math.min(ctx.to, k + 10); q++) if (isPunct(t, q, ')')) {
      k = q;
      break;
    }
    if (isPunct(t, k, ')')) {
      const br = readRate(ctx, k + 1, unit);
      if (br) per = br.per;
    }
  } else if (!unit && !core.vague && !core.fraction && lw(t, pos) === 'times' && !t.nl[pos]) {
    // "spins 78,000 times a minute", "three times a week": a frequency, a count per period (not a ratio)
    const fr = readRate(ctx, pos + 1, null);
    if (fr && RATE_PERIODS[fr.per] !== undefined && fr.per === RATE_PERIODS[fr.per]) {
      per = fr.per;
      pos = fr.end;
    }
  }

  // post-qualifier: "300 or more", "50-plus", "20 or so", "300+"
  // ("about five hundred or more": the bound after the figure says more than the "about" before it)
  if ((!qual || qual.type === 'approx') && qualifier === 'exact') {
    if (!qual && isPunct(t, pos, '+') && glued(t, pos)) {
      qual = { type: 'lower', band: 0 };
      pos++;
    } else if (!qual && isPunct(t, pos, '-') && glued(t, pos) && lw(t, pos + 1) === 'plus' && glued(t, pos + 1)) {
      qual = { type: 'lower', band: 0 };
      pos += 2;
    } else if (isWord(t, pos) && lw(t, pos) !== 'plus') {
      const pq = matchIndex(ctx, lex.postQualifiers, pos);
      // "or more" must not swallow "or more than 4,500": a bound of the next figure
      if (pq && lw(t, pq.end) !== 'than' && !numberAt(ctx, pq.end) && !(qual && pq.value.type === 'approx')) {
        qual = pq.value;
        pos = pq.end;
      }
    }
  }

  // intervals
  if (core.vague) {
    low = neg ? -core.vague.high : core.vague.low;
    high = neg ? -core.vague.low : core.vague.high;
    if (unit && unit.dimension === 'currency' && !prefixUnit) {
      /* "billions of dollars" */
    }
    qualifier = 'approx';
    value = low;
    exact = exactNumber(value);
    precision = null;
  } else if (qualifier !== 'range') {
    const band = qual ? qual.band : core.articleBand || (core.fraction && core.words && !core.exactShare ? 0.1 : 0);
    const type: Qualifier = qual ? qual.type : band > 0 || uncertainty !== null ? 'approx' : 'exact';
    qualifier = type;
    const a = Math.abs(value);
    if (uncertainty !== null && (type === 'approx' || type === 'exact')) {
      low = value - uncertainty;
      high = value + uncertainty;
    } else if (type === 'exact') {
      low = value;
      high = value;
    } else if (type === 'approx') {
      const b = band || 0.1;
      low = value - a * b;
      high = value + a * b;
    } else if (type === 'upper') {
      low = band > 0 ? value - a * band : null;
      high = value;
    } else {
      low = value;
      high = null;
    }
  }
  if (core.fraction) {
    // a share: reported in percent, to three decimals ("a third" → 33.333)
    const pct = lex.unitsByName.get('percent')!;
    if (!unit) {
      unit = pct;
      // three decimals ("a third" → 33.333); four significant digits below one percent ("one in a million")
      const r3 = (x: number) => (Math.abs(x) >= 0.01 ? Math.round(x * 100 * 1000) / 1000 : Number((x * 100).toPrecision(4)));
      value = r3(value);
      low = low === null ? null : r3(low);
      high = high === null ? null : r3(high);
      exact = exactNumber(value);
      precision = null;
    }
  }
  // "1.053 cases": a count cannot be fractional, so the dot was a thousands separator
  if (core.numeral?.ambiguousDot && !unit && qualifier !== 'range' && !scaled && looksPluralNoun(t, pos, lex)) {
    const v = Math.round(value * 1000);
    const f = (x: number | null) => (x === null ? null : Math.round(x * 1000));
    value = v;
    low = f(low);
    high = f(high);
    exact = exactNumber(v);
    precision = 1;
  }
  const ts = qm && (qual || !between) ? i : between || fromWord ? (rangeEnd > 0 ? i : afterFrom) : i;
  const spanStartTok = qm ? i : between || fromWord ? (rangeEnd > 0 ? i : afterFrom) : age ? i : prefixUnit ? i : neg ? i : coreStart;
  const te = pos;
  return {
    ts: Math.min(ts, spanStartTok),
    te,
    cs: coreStart,
    ce: core.end,
    start: t.start[spanStartTok]!,
    end: t.end[te - 1]!,
    value: round12(value),
    low: low === null ? null : round12(low),
    high: high === null ? null : round12(high),
    qualifier,
    unit,
    per,
    precision,
    exact,
    form: core.vague ? 'vague' : core.fraction ? 'fraction' : core.form,
    age,
    compound,
    ratio: false,
    article: articleUnit,
  };
}

/** Words naming an amount before "of" and a number: "an average of 1500" is no year. */
const AMOUNT_NOUNS = new Set(['average', 'maximum', 'minimum', 'crowd', 'fine', 'salary', 'fee', 'sum', 'increase', 'decrease', 'rise', 'fall', 'drop', 'gain', 'loss', 'cut', 'reduction', 'payment', 'bonus', 'grant', 'fleet', 'workforce', 'staff', 'group', 'batch', 'shipment', 'order']);

const STRONG_AMOUNT_NOUNS = new Set(['total', 'average', 'sum', 'maximum', 'minimum', 'tally', 'amount']);

/** Digits from token k followed by a percent sign: "-1.3%" in a market table. */
function signedPercent(t: Tokens, k: number): boolean {
  const n = readDigits(t, k);
  return n !== null && !n.dotted && isPunct(t, n.end, '%');
}

function round12(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const r = Number(x.toPrecision(12));
  return r;
}

function isPow10(x: number): boolean {
  const l = Math.log10(x);
  return Math.abs(l - Math.round(l)) < 1e-12;
}

/** "Name Surname, 58, said" / "Name Surname (58)": a bare number between commas after a capitalised name. */
function isAgeApposition(ctx: ScanContext, j: number, end: number): boolean {
  const { t } = ctx;
  const open = j - 1;
  if (!(isPunct(t, open, ',') || isPunct(t, open, '('))) return false;
  const close = isPunct(t, open, '(') ? ')' : ',';
  if (!(isPunct(t, end, close) || (close === ',' && (isPunct(t, end, '.') || isPunct(t, end, ';'))))) return false;
  // the name: one or more capitalised words ending right before the comma (not a month: "October 14, 2022")
  if (!isCapitalised(t, open - 1) || isMonthToken(t, open - 1)) return false;
  if (ctx.lex.identifierHeads.has(tokText(t, open - 1))) return false;
  // a second capitalised word (first name + surname) or a title before it makes it a person
  const prevCap = isCapitalised(t, open - 2) || (isPunct(t, open - 2, '.') && isCapitalised(t, open - 3));
  if (prevCap) return true;
  // a surname alone ("Maddon, 66, has used …", "said Okafor, 41, who …"): the clause goes on with a verb or "who"
  if (close !== ',' || !isPunct(t, end, ',')) return false;
  const name = lw(t, open - 1);
  const { lex } = ctx;
  if (name.length < 3 || lex.determiners.has(name) || lex.prepositions.has(name) || lex.conjunctions.has(name) || lex.adverbs.has(name) || lex.pronouns.has(name) || lex.auxiliaries.has(name)) return false;
  const nx = lw(t, end + 1);
  return isWord(t, end + 1) && !isCapitalised(t, end + 1) && (APPOSITION_NEXT.has(nx) || lex.auxiliaries.has(nx) || lex.verbForms.has(nx) || (nx.length > 4 && nx.endsWith('ed')));
}

/**
 * "The first named victim, shift foreman Tomas Brell, was 48." / "Tomas Brell was 48.": a person's name (two or
 * three capitalised words, not after a preposition: "the toll in Nova Scotia was 48" is no age), "was" or "is",
 * and a bare number that ends the sentence.
 */
function isAgePredicate(ctx: ScanContext, j: number, end: number): boolean {
  const { t, lex } = ctx;
  if (isPersonBe(ctx, j, end)) return true;
  if (!(lw(t, j - 1) === 'was' || lw(t, j - 1) === 'is')) return false;
  if (!(end >= t.n || isPunct(t, end, '.') || isPunct(t, end, ';')) || (end < t.n && isNum(t, end + 1))) return false;
  let k = j - 2;
  if (isPunct(t, k, ',')) k--;
  let caps = 0;
  while (k >= 0 && caps < 4 && isCapitalised(t, k) && !isMonthToken(t, k)) {
    if (lex.identifierHeads.has(tokText(t, k)) || lex.determiners.has(lw(t, k)) || lex.pronouns.has(lw(t, k))) return false;
    caps++;
    k--;
  }
  if (caps < 2 || caps > 3) return false;
  if (k < 0 || isPunct(t, k, '.') || isPunct(t, k, ',') || t.nl[k + 1]) return true;
  const w = lw(t, k);
  return isWord(t, k) && !isCapitalised(t, k) && !lex.prepositions.has(w) && !lex.determiners.has(w) && !lex.conjunctions.has(w) && !lex.auxiliaries.has(w) && !lex.verbForms.has(w) && !w.endsWith('ed');
}

/** Words after "he was 35" that close the predicate: a time or a clause follows, no noun. */
const AGE_PREDICATE_NEXT = new Set(['when', 'by', 'this', 'next', 'last', 'and', 'but', 'as', 'until']);
/**
 * "He will be 35 by the end of the year", "She was 10 when …", "Maria who was 10.": a person pronoun (he, she) or
 * a capitalised name + "who" as the subject of "is"/"was"/"will be"/"turns", and a bare number that ends the
 * predicate (the end of the sentence, a comma, or a time or clause word: not "he was 10 points ahead").
 */
function isPersonBe(ctx: ScanContext, j: number, end: number): boolean {
  const { t } = ctx;
  const v = lw(t, j - 1);
  let s = -1;
  if (v === 'was' || v === 'is' || v === 'turns' || v === 'turned') s = j - 2;
  else if (v === 'be' && (lw(t, j - 2) === 'will' || lw(t, j - 2) === 'would')) s = j - 3;
  else if (v === 'turn' && (lw(t, j - 2) === 'will' || lw(t, j - 2) === 'would')) s = j - 3;
  if (s < 0) return false;
  const subj = lw(t, s);
  const person = subj === 'he' || subj === 'she' || (subj === 'who' && isCapitalised(t, s - 1) && !isMonthToken(t, s - 1) && !ctx.lex.identifierHeads.has(tokText(t, s - 1)));
  if (!person) return false;
  if (end >= t.n || isPunct(t, end, '.') || isPunct(t, end, ';') || isPunct(t, end, ',')) return !isNum(t, end + 1);
  return isWord(t, end) && AGE_PREDICATE_NEXT.has(lw(t, end)) && !isNum(t, end + 1);
}

/**
 * "retired at 60", "started work at 17", "left school at 16", "work until 64": a word of a working life (a verb, or
 * the object of one: "work", "school"), "at" or "until", and a whole number from 14 to 100 that ends the clause.
 */
function isAgeAt(ctx: ScanContext, j: number, end: number, value: number): boolean {
  const { t, lex } = ctx;
  if (!Number.isInteger(value) || value < 14 || value > 100) return false;
  const p = lw(t, j - 1);
  if (p !== 'at' && p !== 'until') return false;
  if (!lex.ageAtVerbs.has(lw(t, j - 2))) return false;
  if (end >= t.n) return true;
  if (isPunct(t, end)) return !isNum(t, end + 1);
  const nx = lw(t, end);
  return nx === 'in' || nx === 'and' || nx === 'but' || nx === 'when' || nx === 'after';
}

/** "a girl of three", "a man of 40,": a person noun, "of", and the number with no noun after it. */
function isAgeOf(ctx: ScanContext, j: number, end: number): boolean {
  const { t, lex } = ctx;
  if (lw(t, j - 1) !== 'of' || !isWord(t, j - 2) || !lex.ageNouns.has(lw(t, j - 2))) return false;
  if (end >= t.n || !isWord(t, end)) return true;
  const nx = lw(t, end);
  return nx === 'and' || nx === 'or' || nx === 'who' || nx === 'was' || nx === 'is' || lex.auxiliaries.has(nx) || lex.prepositions.has(nx);
}

/** Words that continue a clause after "Name, 66,": the age sits between a subject and its verb or relative clause. */
const APPOSITION_NEXT = new Set(['who', 'whose', 'said', 'says', 'told', 'added', 'died', 'was', 'is', 'has', 'had', 'will', 'would', 'remains', 'lives', 'works', 'joined', 'became', 'faces', 'faced', 'denies', 'denied', 'admitted', 'pleaded']);

/** The number itself. */
function readCore(ctx: ScanContext, j: number, hasPrefix: boolean, qualified = false): Core | null {
  const { t, lex } = ctx;
  if (j >= ctx.to) return null;
  if (isNum(t, j) || leadingDot(t, j)) {
    const n = readDigits(t, j);
    if (!n || n.dotted) return null;
    if (n.end > ctx.to) return null;
    // digits among number words: "3 hundred and 21", "4 thousand 3 hundred", "6 crore and two hundred", "3 million and a half"
    if (n.bare && n.digits <= 3 && isWord(t, n.end)) {
      const wn = readWordNumber(t, j, lex, { digits: true });
      if (wn && !wn.ordinal && wn.end > n.end + 1 && wn.end <= ctx.to) {
        let more = false;
        for (let k = n.end + 1; k < wn.end && !more; k++) more = isNum(t, k) || lw(t, k) === 'and' || lex.cardinals.has(lw(t, k));
        if (more) return { end: wn.end, value: wn.value, exact: exactNumber(wn.value), precision: null, form: 'mixed', vague: null, fraction: false, unit: null, articleBand: 0, numeral: null, words: true, scaled: wn.scaled };
      }
    }
    // "1 in 5 adults": a share
    const rt = n.bare && !hasPrefix ? ratioIn(ctx, n.end, n.value) : null;
    if (rt) return { end: rt.end, value: rt.value, exact: exactNumber(rt.value), precision: null, form: 'words', vague: null, fraction: true, unit: null, articleBand: 0, numeral: null, words: true, scaled: false };
    return { end: n.end, value: n.value, exact: n.exact, precision: n.precision, form: n.form === 'fraction' ? 'fraction' : n.form, vague: null, fraction: false, unit: null, articleBand: 0, numeral: n, words: false, scaled: false };
  }
  if (isPunct(t, j) && VULGAR[tokText(t, j)] !== undefined) {
    const v = VULGAR[tokText(t, j)]!;
    return { end: j + 1, value: v, exact: exactNumber(v), precision: null, form: 'fraction', vague: null, fraction: false, unit: null, articleBand: 0, numeral: null, words: false, scaled: false };
  }
  if (!isWord(t, j)) return null;
  const w = lw(t, j);
  // vague amounts: "dozens", "hundreds of thousands", "several hundred", "a handful"
  const vm = matchIndex(ctx, lex.vague, j);
  if (vm) {
    // "hundreds of thousands of people" / "dozens of housing blocks": the figure is the vague phrase
    // "thousands" in "thousands of miles" keeps its unit via readUnit after "of"
    return { end: vm.end, value: vm.value.low, exact: exactNumber(vm.value.low), precision: null, form: 'vague', vague: vm.value, fraction: false, unit: null, articleBand: 0, numeral: null, words: true, scaled: false };
  }
  // "half an hour", "half a day"
  if (w === 'half' && (lw(t, j + 1) === 'a' || lw(t, j + 1) === 'an')) {
    const u = unitWord(ctx, j + 2);
    if (u && TIME_UNITS.has(u.unit.name)) return { end: u.end, value: 0.5, exact: '0.5', precision: null, form: 'words', vague: null, fraction: false, unit: u.unit, articleBand: 0, numeral: null, words: true, scaled: false };
  }
  // "a"/"an"/"another" + time unit: "a week ago", "about a month", "an hour-long call", "at least another week"
  if ((w === 'a' || w === 'an' || w === 'another') && isWord(t, j + 1)) {
    const u = unitWord(ctx, j + 1);
    // ("a second day" is an ordinal, so "second" never counts here)
    if (u && TIME_UNITS.has(u.unit.name) && u.unit.name !== 'second' && !isRateContext(ctx, j)) {
      // "a day" after a figure is a rate ("1,000 a day"); "once a week"/"twice a year" are frequencies
      return { end: u.end, value: 1, exact: '1', precision: null, form: 'words', vague: null, fraction: false, unit: u.unit, articleBand: 0.25, numeral: null, words: true, scaled: false };
    }
  }
  // "sixfold", "tenfold", "a hundredfold": a ratio in one word
  if (w.length > 6 && w.endsWith('fold')) {
    const stem = w.slice(0, -4);
    const v = lex.cardinals.get(stem) ?? (lex.scales.has(stem) ? lex.scales.get(stem)! : undefined);
    const times = lex.unitsByName.get('times');
    if (v !== undefined && v > 1 && times && !lex.dozenWords.has(stem)) return { end: j + 1, value: v, exact: exactNumber(v), precision: null, form: 'words', vague: null, fraction: false, unit: times, articleBand: 0, numeral: null, words: true, scaled: false };
  }
  // number words, fractions ("two thirds", "a third of", "one and a half", "half a million") and decimals
  const wn = readWordNumber(t, j, lex, { article: true });
  if (!wn || wn.end > ctx.to) return null;
  // "twenty-first", "twenty fifth": an ordinal
  if (wn.ordinal) return null;
  let fraction = false;
  if (wn.kind === 'fraction' && wn.share) {
    // "a third" and "one fifth" are shares before "of" or a unit ("a quarter mile"); "one fifth" also at the end
    // of a clause; "half" before "of"/"the"; "two thirds" anywhere
    const nx = lw(t, wn.end);
    const u = isWord(t, wn.end) ? unitWord(ctx, wn.end) : null;
    const unitOk = u !== null && (u.unit.dimension !== 'duration' || wn.half) && u.unit.dimension !== 'currency';
    // (a dash standing apart ends a clause too: "312 - about a quarter - have been"; a glued one makes a compound)
    const clauseEnd = wn.end >= ctx.to || (isPunct(t, wn.end) && !isPunct(t, wn.end, "'") && (!isPunct(t, wn.end, '-') || (t.gap[wn.end]! > 0 && wn.end + 1 < t.n && t.gap[wn.end + 1]! > 0)));
    if (wn.article || wn.one || w === 'half') {
      // "half the seats", "at half its normal level" — but "the second half of 2025" is a period of time
      const halfOk = w === 'half' && (!isCapitalised(t, j) || sentenceInitial(t, j, ctx.from)) && (nx === 'the' || HALF_OF.has(nx)) && !HALF_BEFORE_NOT.has(lw(t, j - 1));
      // "fell by nearly a fifth.", "more than a third contained": a bound makes "a fifth" a share
      const boundOk = qualified && wn.article && (clauseEnd || lex.prepositions.has(nx) || lex.conjunctions.has(nx) || (nx.length > 4 && nx.endsWith('ed')));
      // "quarterly profit rose by a fifth", "up a fifth on the year": a change by a share (not "by a quarter past five")
      const pv = lw(t, j - 1);
      const changeOk = wn.article && ((pv === 'by' && lex.changeVerbs.has(lw(t, j - 2))) || pv === 'up' || pv === 'down') && (clauseEnd || lex.conjunctions.has(nx) || (lex.prepositions.has(nx) && nx !== 'past' && nx !== 'of'));
      const ok = (nx === 'of' && !(w === 'half' && HALF_BEFORE_NOT.has(lw(t, j - 1)))) || unitOk || halfOk || boundOk || changeOk || (wn.one && clauseEnd);
      if (!ok) return null;
    }
    fraction = !unitOk;
  }
  // "one in four trains", "roughly one in three voters": a share
  const rt = wn.kind === 'integer' ? ratioIn(ctx, wn.end, wn.value) : null;
  if (rt) return { end: rt.end, value: rt.value, exact: exactNumber(rt.value), precision: null, form: 'words', vague: null, fraction: true, unit: null, articleBand: 0, numeral: null, words: true, scaled: false };
  if (!fraction && wn.kind === 'integer' && !wordNumberIsFigure(ctx, j, wn.end, wn.value, hasPrefix)) return null;
  return { end: wn.end, value: wn.value, exact: exactNumber(wn.value), precision: null, form: 'words', vague: null, fraction, unit: null, articleBand: 0, numeral: null, words: true, scaled: wn.scaled, exactShare: wn.one };
}

/** Is the comparison symbol at [j, end) a bound on the number after it? */
function symbolBound(ctx: ScanContext, j: number, end: number): boolean {
  const { t } = ctx;
  if (!(isNum(t, end) || ((isPunct(t, end, '-') || isPunct(t, end, '.')) && isNum(t, end + 1) && glued(t, end + 1)))) return false;
  if (glued(t, j) && (isPunct(t, j - 1, '<') || isPunct(t, j - 1, '>') || isPunct(t, j - 1, '='))) return false;
  // a quoted line in Markdown ("> 5 people …")
  if ((j === ctx.from || t.nl[j]) && t.gap[end]! > 0) return false;
  // inside an HTML tag: "<td>5", "<br/>5"
  if (glued(t, j) && (isPunct(t, j - 1, '"') || isPunct(t, j - 1, "'"))) return false;
  for (let k = j - 1, n = 0; k >= ctx.from && n < 40 && t.gap[k + 1] === 0; k--, n++) if (isPunct(t, k, '<') || isPunct(t, k, '/')) return false;
  return true;
}

/**
 * "X in Y" after a whole number X at [.., xEnd): a share X/Y ("one in four trains", "1 in 5 adults", "one in a
 * million"), unless Y is a year or carries a unit ("3 in 5 days", "2 in 2020").
 */
function ratioIn(ctx: ScanContext, xEnd: number, x: number): { end: number; value: number } | null {
  const { t, lex } = ctx;
  // "one out of three Germans" is "one in three"; with a larger part, "52 out of 64" stays a part and its whole
  const outOf = x === 1 && lw(t, xEnd) === 'out' && lw(t, xEnd + 1) === 'of' && !t.nl[xEnd + 2];
  // "one train in three", "one intercity train in five": the counted noun between
  if (x === 1 && !outOf && lw(t, xEnd) !== 'in') {
    // (or a compound: "one high-speed train in three")
    let k = xEnd;
    for (let words = 0; words < 2 && isWord(t, k) && !t.nl[k] && /^[a-z]+$/.test(tokText(t, k)) && !lex.determiners.has(lw(t, k)) && !lex.prepositions.has(lw(t, k)) && !lex.auxiliaries.has(lw(t, k)) && !lex.verbForms.has(lw(t, k)); words++) {
      k++;
      if (isPunct(t, k, '-') && glued(t, k) && glued(t, k + 1) && isWord(t, k + 1)) k += 2;
    }
    if (k > xEnd && lw(t, k) === 'in') xEnd = k;
  }
  if ((lw(t, xEnd) !== 'in' && !outOf) || !(x >= 1 && x <= 100 && Number.isInteger(x)) || t.nl[xEnd + 1]) return null;
  const p = outOf ? xEnd + 2 : xEnd + 1;
  let y: number;
  let end: number;
  if (isNum(t, p)) {
    const n = readDigits(t, p);
    if (!n || n.dotted || n.form !== 'digits' || n.precision === null || n.precision < 1) return null;
    if (n.bare && n.digits === 4 && n.value >= 1000 && n.value <= 2100) return null;
    y = n.value;
    end = n.end;
  } else if (isWord(t, p)) {
    const w = readWords(t, p, lex, true);
    if (!w) return null;
    y = w.value;
    end = w.end;
  } else return null;
  if (!(y > x) || end > ctx.to) return null;
  // "3 in 5 days", "1 in 10%", "one in three-point range": not a share
  // (a dash set off by spaces ends an aside: "21 - four in five - were taken to hospital")
  if (isPunct(t, end, '%') || ((isPunct(t, end, '-') || isPunct(t, end, '/')) && glued(t, end))) return null;
  const u = matchIndex(ctx, lex.units, end);
  if (u && (!u.entry.caseSensitive || glued(t, end))) return null;
  return { end, value: x / y };
}

/** Does a number (digits, a minus and digits, a number word, a currency and digits) start at k? */
function numberAt(ctx: ScanContext, k: number): boolean {
  const { t, lex } = ctx;
  if (k >= ctx.to) return false;
  if (isNum(t, k)) return true;
  if (isPunct(t, k, '-') && isNum(t, k + 1)) return true;
  if (isWord(t, k) && (lex.cardinals.has(lw(t, k)) || lex.negativeWords.has(lw(t, k)))) return true;
  const pm = matchIndex(ctx, lex.prefixes, k);
  return pm !== null && isNum(t, pm.end);
}

/** Is "a"/"an" at j part of a rate ("1,000 a day", "twice a week", "per")? */
function isRateContext(ctx: ScanContext, j: number): boolean {
  const { t } = ctx;
  const p = lw(t, j - 1);
  if (p === 'once' || p === 'twice' || p === 'thrice' || p === 'times' || p === 'per' || p === 'each' || p === 'every') return true;
  if (j - 1 >= ctx.from && (t.kind[j - 1] === T_NUM)) return true;
  // "9 billion shekels ($2.4 billion) a year": the rate of the amount and its conversion in brackets
  if (isPunct(t, j - 1, ')')) {
    for (let k = j - 2; k >= Math.max(ctx.from, j - 8) && !isPunct(t, k, '('); k--) if (t.kind[k] === T_NUM) return true;
  }
  if (isWord(t, j - 1)) {
    // "1,000 people a day", "$5 an hour": a figure shortly before with a noun in between
    for (let k = j - 1; k >= Math.max(ctx.from, j - 3); k--) {
      if (t.kind[k] === T_NUM) return true;
      if (t.kind[k] === T_PUNCT) break;
      if (ctx.lex.cardinals.has(lw(t, k)) && lw(t, k) !== 'one') return true;
    }
  }
  return false;
}

function unitWord(ctx: ScanContext, j: number): { unit: UnitDef; end: number } | null {
  const { t } = ctx;
  if (!isWord(t, j)) return null;
  const m = matchIndex(ctx, ctx.lex.units, j);
  if (!m) return null;
  if (m.entry.caseSensitive) return null;
  return { unit: m.value.unit, end: m.end };
}

/** Is a number word at j..end a figure here? ("one of the", "no one", "number five" are not.) */
function wordNumberIsFigure(ctx: ScanContext, j: number, end: number, value: number, hasPrefix: boolean): boolean {
  const { t, lex } = ctx;
  const w = lw(t, j);
  const prev = lw(t, j - 1);
  const next = lw(t, end);
  if (hasPrefix) return true;
  // inside a hyphenated compound after another word: "a production-four-door record", "best-of-three" (the number
  // words of "twenty-five" are read as one numeral before they get here)
  if (isPunct(t, j - 1, '-') && glued(t, j) && glued(t, j - 1) && isWord(t, j - 2) && !lex.cardinals.has(prev) && !lex.cardinals.has(lw(t, j - 2)) && !lex.negativeWords.has(lw(t, j - 2))) return false;
  // a capitalised number word after a capitalised word is part of a name: "the Kick Six", "Big Ten", "BBC Two"
  // (unless what is counted follows: "Storm Kills Six People")
  if (isCapitalised(t, j) && isCapitalised(t, j - 1) && !sentenceInitial(t, j - 1, ctx.from) && !sentenceInitial(t, j, ctx.from) && !looksPluralNoun(t, end, lex) && !isCapitalised(t, end)) return false;
  // identifiers: "number five", "article five", "World War Two", "Two" in a name
  if (WORD_NUMBER_HEADS.has(prev)) return false;
  if (isCapitalised(t, j - 1) && (prev === 'war' || lex.identifierHeads.has(tokText(t, j - 1)))) return false;
  if (value === 1 && (w === 'one' || w === 'a' || w === 'an') && end === j + 1) {
    // "that one mile", "a one-yen bid": a unit after it makes "one" a figure
    const unitAfter = isPunct(t, end, '-') && glued(t, end) ? unitWord(ctx, end + 1) : isWord(t, end) && !lex.oneNotCountAfter.has(next) ? unitWord(ctx, end) : null;
    // "their biggest one-day gain", "the worst single-month fall": a kind of period, not a duration
    if (unitAfter && w === 'one' && isPunct(t, end, '-') && (/^[a-z]{3,}est$/.test(prev) || prev === 'worst' || prev === 'best' || prev === 'record')) return false;
    if (unitAfter && w === 'one') return true;
    if (lex.oneNotCountBefore.has(prev)) return false;
    if (!isWord(t, end)) return false; // "the one." / "one," — a pronoun
    if (lex.oneNotCountAfter.has(next)) return false;
    if (isPunct(t, end + 0, "'")) return false;
    // "from one ministry to another", "one crisis after another": an idiom, no count
    for (let q = end; q < ctx.to && q < end + 4; q++) {
      const w2 = lw(t, q);
      if ((w2 === 'to' || w2 === 'after') && lw(t, q + 1) === 'another') return false;
      if (!isWord(t, q)) break;
    }
    if (next === 'or' || next === 'and' || next === 'to') return true; // "one or two"
    // "seven in Ambry province, three in Calloway and one in Derrin": the last count of a list by place
    if ((next === 'in' || next === 'from' || next === 'at') && isCapitalised(t, end + 1)) {
      for (let k = j - 2; k >= ctx.from && k >= j - 14; k--) {
        if ((isNum(t, k) || (lex.cardinals.has(lw(t, k)) && lw(t, k) !== 'one')) && lw(t, k + 1) === next && isCapitalised(t, k + 2)) return true;
      }
    }
    if (lex.auxiliaries.has(next) || lex.prepositions.has(next) || lex.conjunctions.has(next) || lex.pronouns.has(next) || lex.determiners.has(next)) return false;
    // "one-time", "one-off", "one-sided", "one-way" idioms
    if (isPunct(t, end, '-')) {
      const nn = lw(t, end + 1);
      if (nn === 'off' || nn === 'time' || nn === 'sided' || nn === 'way' || nn === 'party' || nn === 'on' || nn === 'stop' || nn === 'liner' || nn === 'man' || nn === 'size') return false;
    }
    return true;
  }
  // "a" alone is not a number (only "a hundred", "a dozen", which readWords handles)
  if ((w === 'a' || w === 'an') && end === j + 1) return false;
  // "not a single", "the first two": handled elsewhere; "one another"
  if (next === 'another') return false;
  return true;
}

/** Scale after a digit numeral. */
function readScale(ctx: ScanContext, pos: number, prefixUnit: UnitDef | null): { value: number; end: number } | null {
  const { t, lex } = ctx;
  if (pos >= ctx.to) return null;
  // hyphenated: "a €140-million kilometre", "a $2.5-billion project", "a 3-billion-euro plan"
  if (isPunct(t, pos, '-') && glued(t, pos) && pos + 1 < ctx.to && isWord(t, pos + 1) && glued(t, pos + 1) && (lex.scales.get(lw(t, pos + 1)) ?? 0) >= 1e6) pos++;
  if (isWord(t, pos) && t.gap[pos]! <= 1 && !t.nl[pos]) {
    const w = lw(t, pos);
    const sv = lex.scales.get(w);
    if (sv !== undefined) {
      // "2 hundred thousand" / "1.5 million"
      let v = sv;
      let end = pos + 1;
      const sv2 = isWord(t, end) ? lex.scales.get(lw(t, end)) : undefined;
      if (sv2 !== undefined && sv2 > sv) {
        v *= sv2;
        end++;
      }
      return { value: v, end };
    }
    if (lex.dozenWords.has(w)) return { value: 12, end: pos + 1 };
    const raw = tokText(t, pos);
    const ab = scaleAbbrev(lex, raw);
    if (ab) {
      // must end there: "5bn." ok, "5bnx" no (tokens split letters from digits, so check the next token)
      const after = pos + 1;
      if (after < t.n && glued(t, after) && t.kind[after] === T_WORD) return null;
      // "5 m" is metres, "5 k" nothing; "8 B people", "3 M users" are billions and millions
      if (t.gap[pos]! > 0 && raw.length === 1 && !prefixUnit && !(lex.scaleAbbrevs.get(raw)?.caseSensitive && ab.value >= 1e6 && t.gap[pos] === 1 && looksPluralNoun(t, after, lex))) return null;
      if (ab.ambiguousWithUnit) {
        // "$4.5m" → million; "100m sprint" / "1.8m tall" → metres; "4.5m people" → million
        if (!prefixUnit) {
          const nx = lw(t, after);
          if (isPunct(t, after, '-') || MEASURE_ADJ.has(nx)) return null;
          if (!(looksPluralNoun(t, after, lex) || nx === 'in' || nx === 'of' || nx === 'worth' || pluralAhead(ctx, after))) return null;
        }
      } else if (ab.money) {
        // "$2.174T"; never "5G networks"
        if (!prefixUnit || prefixUnit.dimension !== 'currency') return null;
      } else if (ab.strict) {
        // "$1.2b", "1.2b barrels"
        if (!prefixUnit && !looksPluralNoun(t, after, lex)) return null;
      }
      return { value: ab.value, end: pos + 1 };
    }
  }
  return null;
}

interface UnitRead {
  unit: UnitDef;
  end: number;
  compound: boolean;
  age: boolean;
  /** the spelling stands for this many of the unit ("30 MUSD", "66 Ma") */
  factor: number;
}

const OPEN_CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const PER_TIME: Record<string, string> = { ms: 'ms', second: 's', minute: 'min', hour: 'h' };
const composed = new Map<string, UnitDef>();

/** Does the sentence around token k hold one of `words`? (a bounded look either side, stopping at sentence ends) */
/** Does token q end a sentence (".", "!", "?", ";" — not a decimal point)? */
function sentenceStop(t: Tokens, q: number): boolean {
  return t.kind[q] === T_PUNCT && (tokText(t, q) === '.' || tokText(t, q) === '!' || tokText(t, q) === '?' || tokText(t, q) === ';') && !(isNum(t, q - 1) && isNum(t, q + 1) && glued(t, q) && glued(t, q + 1));
}

function sentenceHas(ctx: ScanContext, k: number, words: Set<string>): boolean {
  const { t } = ctx;
  const stop = (q: number) => sentenceStop(t, q);
  for (let q = k - 1, n = 0; q >= ctx.from && n < 60 && !stop(q); q--, n++) if (t.kind[q] === T_WORD && words.has(lw(t, q))) return true;
  for (let q = k, n = 0; q < ctx.to && n < 60 && !stop(q); q++, n++) if (t.kind[q] === T_WORD && words.has(lw(t, q))) return true;
  return false;
}

let temperatureWords: Set<string> | null = null;
let temperatureLex: Lexicon | null = null;
/** Words that make a sentence about temperature (the `context` of the unit that turns into a temperature). */
function tempWords(lex: Lexicon): Set<string> {
  if (temperatureLex !== lex) {
    temperatureLex = lex;
    temperatureWords = new Set();
    for (const d of lex.unitsByName.values()) if (d.context && d.context.def.dimension === 'temperature') for (const w of d.context.words) temperatureWords.add(w);
  }
  return temperatureWords!;
}

/**
 * "The North had 21, the Coast 18 and the Southern Uplands 19": a list that leaves out the verb pairs a named item
 * with its figure — "the" before the name, a figure earlier in the sentence, and the item ending at a comma, "and"
 * or the sentence end. (A name before a number is otherwise an identifier: "Route 66".)
 */
function gappedListItem(ctx: ScanContext, nameEnd: number, after: number): boolean {
  const { t } = ctx;
  let k = nameEnd;
  while (k > ctx.from && isCapitalised(t, k - 1) && nameEnd - k < 3) k--;
  if (lw(t, k - 1) !== 'the') return false;
  const end = tokText(t, after);
  if (!(end === ',' || end === '.' || end === ';' || lw(t, after) === 'and' || after >= ctx.to)) return false;
  // a comma list: the item follows a comma or "and" after an earlier figure of the sentence
  const join = k - 2;
  if (!(isPunct(t, join, ',') || lw(t, join) === 'and')) return false;
  for (let q = join - 1, steps = 0; q >= ctx.from && steps < 40; q--, steps++) {
    if (isPunct(t, q, '.') || isPunct(t, q, ';') || isPunct(t, q, '!') || isPunct(t, q, '?')) return false;
    if (isNum(t, q)) return true;
  }
  return false;
}

const SMS_VERBS = new Set(['text', 'sms', 'txt']);
const acronymNameMemo = new WeakMap<Tokens, Set<string>>();
/** "KMRW 7 News", "WXYZ 12 Action": the acronym-and-number names a text uses (so "a KMRW 7 crew" is one of them). */
function acronymNames(t: Tokens): Set<string> {
  let names = acronymNameMemo.get(t);
  if (!names) {
    names = new Set();
    for (const m of t.text.matchAll(/\b([A-Z]{3,6}) (\d{1,2}) [A-Z][a-z]+/g)) names.add(`${m[1]} ${m[2]}`);
    acronymNameMemo.set(t, names);
  }
  return names;
}
const temperatureDocs = new WeakMap<Tokens, boolean>();
/**
 * "Darrow reached 43.8C at 1.50 p.m.": in a text about the heat (temperature words in at least three places), a
 * glued C or F is a temperature without a word of its own sentence — not after an identifier ("seat 12C", "gate 4F").
 */
function temperatureDocument(ctx: ScanContext, numStart: number): boolean {
  const { t, lex } = ctx;
  const prev = numStart - 1 >= 0 && t.kind[numStart - 1] === T_WORD ? lw(t, numStart - 1) : '';
  if (prev && (lex.identifierHeadsLower.has(prev) || lex.identifierHeads.has(tokText(t, numStart - 1)) || /^(?:seats?|rows?)$/.test(prev))) return false;
  let known = temperatureDocs.get(t);
  if (known === undefined) {
    const words = tempWords(lex);
    let n = 0;
    for (let q = 0; q < t.n && n < 3; q++) if (t.kind[q] === T_WORD && words.has(lw(t, q))) n++;
    temperatureDocs.set(t, (known = n >= 3));
  }
  return known;
}

/** Is the unit symbol at [p, end) standing at the end of a clause ("2 in.", "2 in") or before "thick"/"long"/…? */
function clauseFinal(ctx: ScanContext, end: number): boolean {
  const { t } = ctx;
  if (end >= ctx.to || t.nl[end]) return true;
  if (t.kind[end] === T_PUNCT) return !isPunct(t, end, '-') && !isPunct(t, end, "'") && !isPunct(t, end, '/');
  return MEASURE_ADJ.has(lw(t, end)) && lw(t, end) !== 'from' && lw(t, end) !== 'above' && lw(t, end) !== 'below';
}

/** An odd number of double quotes before k in its block: a quote is open, so a '"' after a number closes it. */
function quoteOpen(ctx: ScanContext, k: number): boolean {
  const { t } = ctx;
  let n = 0;
  for (let q = k - 1, steps = 0; q >= ctx.from && steps < 400; q--, steps++) if (isPunct(t, q, '"')) n++;
  return n % 2 === 1;
}

/** Unit after a number: "km", "-mile", " per cent", "%", "°C", "mph", "years old", "-year-old", "(kg)". */
function readUnit(ctx: ScanContext, pos: number, core: Core, scaled: boolean, numStart: number): UnitRead | null {
  const { t, lex } = ctx;
  if (pos >= ctx.to) return null;
  let p = pos;
  let compound = false;
  // hyphenated compound adjective: "1,100-km", "684-mile", "38-year-old", "two-day"
  if (isPunct(t, p, '-') && glued(t, p) && p + 1 < ctx.to && glued(t, p + 1) && t.kind[p + 1] !== T_NUM) {
    p++;
    compound = true;
  }
  if (t.nl[p] && !compound) return null;
  // "of" for vague amounts and fractions: "thousands of miles" (only units, not counted nouns)
  if (!compound && core.vague && lw(t, p) === 'of' && isWord(t, p + 1)) {
    const m = matchIndex(ctx, lex.units, p + 1);
    if (m && !m.entry.caseSensitive && m.value.unit.dimension !== 'duration') return { unit: m.value.unit, end: m.end, compound: false, age: false, factor: m.value.factor ?? 1 };
    return null;
  }
  // a unit in brackets right after the number: "20 (kg)", "20 [kg]"
  const close = !compound && isPunct(t, p) ? OPEN_CLOSE[tokText(t, p)] : undefined;
  if (close && t.gap[p]! <= 1) {
    const mb = matchIndex(ctx, lex.units, p + 1);
    if (mb && glued(t, p + 1) && isPunct(t, mb.end, close) && glued(t, mb.end) && mb.value.unit.dimension !== 'currency') {
      return { unit: mb.value.unit, end: mb.end + 1, compound: false, age: false, factor: mb.value.factor ?? 1 };
    }
    return null;
  }
  // "between 50 and 70 on the GPa scale", "7 on the Richter scale": the unit of a scale named after the number
  // (the span stays the number's)
  if (!compound && lw(t, p) === 'on' && lw(t, p + 1) === 'the' && isWord(t, p + 2) && !core.vague && !scaled) {
    const sm = matchIndex(ctx, lex.units, p + 2);
    if (sm && lw(t, sm.end) === 'scale' && sm.value.unit.dimension !== 'currency' && sm.value.factor === undefined) return { unit: sm.value.unit, end: p, compound: false, age: false, factor: 1 };
  }
  // "the 50 previous years", "517 rushing yards", "three straight days": a modifier between the number and its unit word
  // (a unit word in the plural, not a symbol, money or a share; not "ten more dollars")
  if (!compound && isWord(t, p) && lex.unitModifiers.has(lw(t, p)) && isWord(t, p + 1) && !t.nl[p + 1] && !core.vague && !core.fraction && !scaled) {
    const mm = matchIndex(ctx, lex.units, p + 1);
    const du = mm?.value.unit.dimension;
    if (mm && !mm.entry.caseSensitive && du !== 'currency' && du !== 'percent' && du !== 'pp' && mm.value.factor === undefined && looksPluralNoun(t, mm.end - 1, lex) && core.value !== 1) p++;
  }
  // "1.38 billion Anskari florins": a proper adjective the lexicon does not know between the number and a money word
  // (names the lexicon knows whole, "Swiss francs", match as they are; not before the words of the big three, whose
  // names many currencies share: "Zimbabwe dollars" are no US dollars)
  let m = matchIndex(ctx, lex.units, p);
  if (!m && !compound && isWord(t, p) && !t.nl[p + 1] && isWord(t, p + 1) && /^[A-Z][a-z]{2,}$/.test(tokText(t, p))) {
    const mm = matchIndex(ctx, lex.units, p + 1);
    const name = mm?.value.unit.name;
    if (mm && !mm.entry.caseSensitive && mm.value.unit.dimension === 'currency' && name !== 'USD' && name !== 'EUR' && name !== 'GBP' && looksPluralNoun(t, mm.end - 1, lex)) {
      p++;
      m = mm;
    }
  }
  if (!m) return null;
  const u = m.value;
  let end = m.end;
  const isGlued = t.gap[p] === 0;
  if (m.entry.caseSensitive) {
    // symbols: "5km", "5 km"; ambiguous ones ("in", "C", "l", "g") only glued or hyphenated ("2 in." at a clause end)
    // ("water boils at 100 C", "a 12 C melting point": a spaced temperature letter in a sentence about temperature)
    const spacedTemperature = u.unit.dimension === 'temperature' && t.gap[p] === 1 && end === p + 1 && /^[CF]$/.test(tokText(t, p)) && sentenceHas(ctx, p, tempWords(lex));
    if (!u.bare && !isGlued && !compound && !spacedTemperature && !(u.final && t.gap[p] === 1 && clauseFinal(ctx, end))) return null;
    // a symbol must not run into letters or digits: "5 mice" is not "5 mi", "24703 m212" is an identifier
    if (end < t.n && glued(t, end) && (t.kind[end] === T_WORD || t.kind[end] === T_NUM)) return null;
    if (!isGlued && !compound && t.gap[p]! > 1) return null;
    const sym = m.entry.toks.length === 1 ? m.entry.toks[0]!.text : '';
    // the inch mark: after digits, not closing a quotation ("he scored 10" is no length)
    if (sym === '"' && (!core.numeral || isPunct(t, numStart - 1, '"') || isPunct(t, numStart - 1, '=') || quoteOpen(ctx, numStart))) return null;
    // "40C", "104F": a temperature letter needs a temperature word in the sentence or a converted neighbour
    if (u.unit.dimension === 'temperature' && sym.length === 1 && /[A-Za-z]/.test(sym)) {
      const convAfter = isPunct(t, end, '(') && isNum(t, end + 1);
      if (!sentenceHas(ctx, p, tempWords(lex)) && !convAfter && !afterTemperature(ctx, numStart) && !convertedTemperatureBefore(ctx, numStart) && !temperatureDocument(ctx, numStart)) return null;
    }
    // a symbol that is also a prefix ("$") before a number belongs to that number ("5 $10 bills"), unless
    // the number carries its own money after it ("10 $ 30 $", "10 $ 30 cent")
    if (isNum(t, end) && lex.prefixes.candidates(tokText(t, p), tokLower(t, p))) {
      const n2 = readDigits(t, end);
      const after = n2 ? matchIndex(ctx, lex.units, n2.end) : null;
      if (!after || after.value.unit.dimension !== 'currency') return null;
      // "1 $ 10 dollars": the prefix and the word name one amount
      if (!after.entry.caseSensitive && after.value.unit.name === u.unit.name) return null;
    }
    // "24703 L-202": a letter code, not a unit
    if (!isGlued && isPunct(t, end, '-') && glued(t, end) && isNum(t, end + 1) && glued(t, end + 1)) return null;
  }
  let unit = u.unit;
  // "361 million pounds" is money; "361 pounds" a weight
  if (scaled && unit.afterScale && !m.entry.caseSensitive) unit = lex.unitsByName.get(unit.afterScale) ?? unit;
  // "the temperature is 24 degrees": a unit of another dimension in this sentence
  if (unit.context && sentenceHas(ctx, p, unit.context.words)) unit = unit.context.def;
  // speed: "km per hour", "miles an hour", "50 meters per millisecond", "50 km/ms"
  if (unit.dimension === 'length') {
    const sp = readPerHour(ctx, end);
    if (sp) {
      const sname = unit.name === 'km' ? 'km/h' : unit.name === 'mi' ? 'mph' : unit.name === 'm' && sp.per === 'second' ? 'm/s' : null;
      if (sname && lex.unitsByName.get(sname)) {
        unit = lex.unitsByName.get(sname)!;
        end = sp.end;
      }
    }
    const w = lw(t, end);
    if ((w === 'per' || (isPunct(t, end, '/') && glued(t, end) && glued(t, end + 1))) && isWord(t, end + 1)) {
      const tm = matchIndex(ctx, lex.units, end + 1);
      const per = tm && tm.value.unit.dimension === 'duration' ? PER_TIME[tm.value.unit.name] : undefined;
      if (per && tm) {
        const name = `${unit.name}/${per}`;
        let def = lex.unitsByName.get(name) ?? composed.get(name);
        if (!def) composed.set(name, (def = unitDef(name, 'speed', name)));
        unit = def;
        end = tm.end;
      }
    }
  }
  let age = !!u.age;
  if (unit.dimension === 'duration' && !age) {
    // "38-year-old", "38 years old", "five years of age"
    if (isPunct(t, end, '-') && glued(t, end) && lw(t, end + 1) === 'old' && glued(t, end + 1)) {
      age = true;
      end += 2;
    } else if (lw(t, end) === 'old' && !compound) {
      age = true;
      end += 1;
    } else if (lw(t, end) === 'of' && lw(t, end + 1) === 'age') {
      age = true;
      end += 2;
    } else if (unit.name === 'year' && lw(t, numStart - 1) === 'of' && lw(t, numStart - 2) === 'age') {
      // "under the age of 5 years"
      age = true;
    } else if (isPunct(t, end, '-') && glued(t, end) && lw(t, end + 1) === 'long' && glued(t, end + 1)) {
      end += 2;
    }
  } else if (compound && isPunct(t, end, '-') && glued(t, end) && (lw(t, end + 1) === 'long' || lw(t, end + 1) === 'wide' || lw(t, end + 1) === 'high' || lw(t, end + 1) === 'deep' || lw(t, end + 1) === 'tall') && glued(t, end + 1)) {
    end += 2;
  }
  // "times" as a unit only in comparisons: "three times as many", "five times higher"
  if (unit.name === 'times' && !compound) {
    const nx = lw(t, end);
    if (!lex.ratioAfter.has(nx)) return null;
  }
  // "points" is a unit of indices/scores ("fell 500 points"), not of counted things
  if (unit.name === 'point' && scaled) return null;
  return { unit, end, compound, age, factor: u.factor ?? 1 };
}

/** "(111F)" after "44C": the number at numStart sits in brackets right after a temperature. */
/**
 * "It was a fresh 17C (63F) at dawn, a relief after Tuesday's 33C": a glued C or F converted to the other scale earlier
 * in the sentence makes the sentence one about temperature.
 */
function convertedTemperatureBefore(ctx: ScanContext, numStart: number): boolean {
  const { t } = ctx;
  for (let q = numStart - 1, n = 0; q - 2 >= ctx.from && n < 60 && !sentenceStop(t, q); q--, n++) {
    if (!isPunct(t, q, '(') || !isNum(t, q - 2) || !isNum(t, q + 1)) continue;
    const a = tokText(t, q - 1);
    const b = tokText(t, q + 2);
    if (((a === 'C' && b === 'F') || (a === 'F' && b === 'C')) && glued(t, q - 1) && glued(t, q + 2)) return true;
  }
  return false;
}

function afterTemperature(ctx: ScanContext, numStart: number): boolean {
  const { t, lex } = ctx;
  const k = numStart - 1;
  if (!isPunct(t, k, '(')) return false;
  const prev = k - 1;
  if (prev < ctx.from) return false;
  // the tokens before "(" end a temperature: "44C", "44 °C", "44 degrees Celsius"
  for (let q = Math.max(ctx.from, prev - 3); q <= prev; q++) {
    const mm = matchIndex(ctx, lex.units, q);
    if (mm && mm.end === prev + 1 && mm.value.unit.dimension === 'temperature') return true;
  }
  return false;
}

/**
 * A smaller unit folding into the amount just read: "3 dollars 50 cents", "thirteen dollars and forty-five cents",
 * "10 $ 30 cent", "5 ft 2 in", "5 feet and 2 inches". The smaller unit names the larger in `part_of`.
 */
function readSubunit(ctx: ScanContext, pos: number, unit: UnitDef): { value: number; end: number } | null {
  const { t, lex } = ctx;
  let p = pos;
  if (lw(t, p) === 'and' || isPunct(t, p, ',')) p++;
  if (p >= ctx.to || t.nl[p]) return null;
  let v: number;
  let e: number;
  if (isNum(t, p)) {
    const n = readDigits(t, p);
    if (!n || n.dotted || n.form !== 'digits') return null;
    v = n.value;
    e = n.end;
  } else if (isWord(t, p)) {
    const w = readWords(t, p, lex, false);
    if (!w) return null;
    v = w.value;
    e = w.end;
  } else return null;
  if (e >= ctx.to || t.gap[e]! > 1 || t.nl[e]) return null;
  const m = matchIndex(ctx, lex.units, e);
  if (!m || !m.value.unit.partOf || m.value.unit.partOf.unit !== unit.name) return null;
  if (m.end < t.n && glued(t, m.end) && (t.kind[m.end] === T_WORD || t.kind[m.end] === T_NUM)) return null;
  // "5 ft 2 in": the glued-only "in" stands apart here, but not as a preposition ("5 ft 2 in the garden")
  if (m.entry.caseSensitive && !m.value.bare && t.gap[e]! > 0 && !clauseFinal(ctx, m.end)) {
    const nx = lw(t, m.end);
    if (isNum(t, m.end) || isCapitalised(t, m.end) || lex.determiners.has(nx) || lex.pronouns.has(nx) || lex.cardinals.has(nx)) return null;
  }
  return { value: v * m.value.unit.partOf.factor * (m.value.factor ?? 1), end: m.end };
}

/** "." glued before digits and standing apart from what precedes it: ".08", "the .25ml", "$.50". */
export function leadingDot(t: Tokens, i: number): boolean {
  if (!(isPunct(t, i, '.') && isNum(t, i + 1) && glued(t, i + 1))) return false;
  if (i === 0 || t.gap[i]! > 0) return true;
  const p = tokText(t, i - 1);
  return p === '$' || p === '€' || p === '£' || p === '(' || p === '-';
}

function readPerHour(ctx: ScanContext, p: number): { end: number; per: string } | null {
  const { t } = ctx;
  const w = lw(t, p);
  if ((w === 'per' || w === 'an' || w === 'a') && (lw(t, p + 1) === 'hour' || lw(t, p + 1) === 'second')) return { end: p + 2, per: lw(t, p + 1) };
  if (isPunct(t, p, '/') && glued(t, p) && (lw(t, p + 1) === 'h' || lw(t, p + 1) === 'hr' || lw(t, p + 1) === 'hour')) return { end: p + 2, per: 'hour' };
  return null;
}

let scoreEnd = 0;

/** A change verb right before token `k` or with a short object between ("lifting revenue", "cut its forecast"). */
function changeVerbBefore(t: Tokens, lex: Lexicon, k: number): boolean {
  for (let q = k - 1, n = 0; q >= 0 && n < 4 && isWord(t, q); q--, n++) if (lex.changeVerbs.has(lw(t, q))) return true;
  return false;
}

interface RangeTail {
  end: number;
  value: number;
  scale: number;
  unit: UnitDef | null;
  precision: number | null;
  compound: boolean;
}

function readRangeTail(ctx: ScanContext, pos: number, core: Core, between: boolean, fromWord: boolean, figStart: number, firstValue: number, unit: UnitDef | null, prefixUnit: UnitDef | null): RangeTail | null | 'score' {
  const { t, lex } = ctx;
  let p = pos;
  if (p >= ctx.to) return null;
  // a suspended hyphen: "8- to 16-meter", "320- to 640-inch"
  let suspended = false;
  if (isPunct(t, p, '-') && glued(t, p) && t.gap[p + 1]! > 0 && (lw(t, p + 1) === 'to' || lw(t, p + 1) === 'or' || lw(t, p + 1) === 'and')) {
    suspended = true;
    p++;
  }
  let w = lw(t, p);
  let conn = '';
  let compoundTo = false;
  // "0-to-60-mph": a range written as one compound
  if (!suspended && isPunct(t, p, '-') && glued(t, p) && lw(t, p + 1) === 'to' && glued(t, p + 1) && isPunct(t, p + 2, '-') && glued(t, p + 2) && isNum(t, p + 3) && glued(t, p + 3)) {
    p += 2;
    w = 'to';
    conn = 'to';
    compoundTo = true;
  } else if (isPunct(t, p) && (lex.rangeConnectors.has(tokText(t, p)) || isPunct(t, p, '/'))) conn = tokText(t, p) === '~' ? '~' : tokText(t, p);
  else if (isWord(t, p) && (w === 'to' || w === 'through' || w === 'or' || (w === 'and' && (between || suspended)))) conn = w;
  else return null;
  if (conn !== '-' && conn !== '/' && conn !== '~' && isPunct(t, p) && !compoundTo) return null;
  if (conn === '/' && !glued(t, p)) return null;
  if (conn === 'or' && !(core.words && firstValue < 20) && !suspended) return null;
  if ((conn === 'to' || conn === 'through') && fromWord) {
    // "rose from 5% to 7%": a change, not a range
    const pv = lw(t, figStart - 1);
    if (lex.changeVerbs.has(pv) || lex.changeVerbs.has(lw(t, figStart - 2))) return null;
    // "raise the minimum retirement age from 62 to 64": the verb's object between it and "from"
    for (let k = figStart - 3, n = 0; k >= 0 && n < 7 && isWord(t, k); k--, n++) if (lex.changeVerbs.has(lw(t, k))) return null;
  }
  if (conn === 'to' && !fromWord && !between) {
    const pv = lw(t, figStart - 1);
    // ("expects revenue to grow 9% to 11%": an infinitive of an outlook gives a range)
    if (lex.changeVerbs.has(pv) && lw(t, figStart - 2) !== 'to') return null;
  }
  // "increased by $43.6 billion to $419.2 billion": the change, then the new level — told from a range ("expects
  // revenue to grow by 3% to 5%") by the level being many times the change
  // (also with the verb's object between it and "by": "lifting revenue by 18% to 9.62bn")
  const byChange = conn === 'to' && !fromWord && !between && lw(t, figStart - 1) === 'by' && changeVerbBefore(t, lex, figStart - 1);
  p++;
  // second part: optional currency prefix (a symbol or a code: "€1.18bn to €1.24bn", "EUR 37 billion and EUR 39
  // billion"), then a number of the same kind
  if (prefixUnit) {
    const pm = matchIndex(ctx, lex.prefixes, p);
    if (pm && pm.value === prefixUnit) p = pm.end;
  }
  let second: { end: number; value: number; precision: number | null } | null = null;
  // a negative second end: "from -18 °C to -34 °C"
  let negSecond = false;
  if (core.numeral && !compoundTo && isPunct(t, p, '-') && isNum(t, p + 1) && glued(t, p + 1) && (isWord(t, p - 1) || t.gap[p]! > 0)) {
    negSecond = true;
    p++;
  }
  const secondStart = p;
  if (core.numeral && isNum(t, p)) {
    if (conn === '-' || conn === '/' || conn === '~') {
      if (!glued(t, p) && t.gap[p - 1] === 0) return null;
    }
    const n = readDigits(t, p);
    if (!n || n.dotted) return null;
    second = { end: n.end, value: negSecond ? -n.value : n.value, precision: n.precision };
    if (conn === '-' && glued(t, p) && glued(t, p - 1)) {
      // "3-1" scores, "2013-14" seasons, phone numbers: not ranges
      if (n.value <= core.numeral.value && core.numeral.bare && n.bare && pos === core.end && !readScale(ctx, n.end, prefixUnit)) {
        const nextIsUnit = matchIndex(ctx, lex.units, n.end) !== null;
        if (!nextIsUnit) {
          scoreEnd = n.end;
          return 'score';
        }
      }
      if (isPunct(t, n.end, '-') && glued(t, n.end) && isNum(t, n.end + 1)) return null; // 202-555-0123
    }
    if (conn === '/') {
      if (!(n.value > firstValue)) return null;
    }
  } else if (core.words && isWord(t, p)) {
    const nw = readWords(t, p, lex, false);
    if (!nw) return null;
    second = { end: nw.end, value: nw.value, precision: null };
  } else return null;
  let end = second.end;
  let value = second.value;
  let scale = 1;
  if (!core.numeral) {
    // "four to five thousand", "two or three million": the scale words ending the second end apply to the first too
    for (let k = end - 1; k > secondStart && isWord(t, k) && lex.scales.has(lw(t, k)); k--) scale *= lex.scales.get(lw(t, k))!;
  }
  if (core.numeral) {
    const sc = readScale(ctx, end, prefixUnit);
    if (sc) {
      value *= sc.value;
      scale = sc.value;
      end = sc.end;
    }
  }
  if (byChange && Math.abs(value) > 3 * Math.abs(firstValue)) return null;
  let u: UnitDef | null = null;
  let compound = false;
  if (!unit || unit.dimension !== 'currency') {
    const ur = readUnit(ctx, end, core, scale > 1, secondStart);
    if (ur) {
      if (unit && ur.unit.name !== unit.name) return null; // "5 km to 10 miles"
      u = ur.unit;
      end = ur.end;
      compound = ur.compound;
    }
  }
  if (unit && !u && conn !== '-' && conn !== 'to' && conn !== 'and') return null;
  // "two or three days" — the unit belongs to both; "between 44 mg to 50 mg"
  if (between && conn !== 'and' && conn !== 'to') return null;
  return { end, value, scale, unit: u, precision: second.precision !== null ? second.precision * scale : null, compound };
}

function readRate(ctx: ScanContext, pos: number, unit: UnitDef | null): { per: string; end: number } | null {
  const { t, lex } = ctx;
  if (unit && (unit.dimension === 'speed' || unit.dimension === 'temperature')) return null;
  if (unit && unit.dimension === 'percent') {
    // "growing 5% a year", "churn of 0.9% a month": a rate of change per period (the unit stays percent; the words
    // are the figure's, not a duration of their own). "fell 5% a day after the report" dates the figure.
    const w0 = lw(t, pos);
    const period = w0 === 'per' || w0 === 'a' || w0 === 'an' || w0 === 'each' || w0 === 'every' ? RATE_PERIODS[lw(t, pos + 1)] : undefined;
    if (!period || TIME_REF_AFTER.has(lw(t, pos + 2)) || lw(t, pos + 2) === 'after') return null;
    return { per: period, end: pos + 2 };
  }
  let p = pos;
  // allow a counted noun between: "1,000 people a day" is read by the context stage; here only direct rates
  const w = lw(t, p);
  if (w === 'per' || w === 'a' || w === 'an' || w === 'each' || w === 'every' || (isPunct(t, p, '/') && glued(t, p))) {
    const q = p + 1;
    const nx = lw(t, q);
    const period = RATE_PERIODS[nx] ?? (nx.endsWith('s') ? RATE_PERIODS[nx.slice(0, -1)] : undefined);
    if (period) {
      // "$6.78 billion a year earlier", "a week ago": the words date the figure; they do not make it a rate
      if (w !== 'per' && TIME_REF_AFTER.has(lw(t, q + 1))) return null;
      if (unit && unit.dimension === 'duration') {
        // "40 hours a week", "three days a month": a duration per a longer period; "a day a day" is none
        if (!(TIME_ORDER[period] !== undefined && TIME_ORDER[unit.name] !== undefined && TIME_ORDER[period]! > TIME_ORDER[unit.name]!)) return null;
      }
      return { per: period, end: q + 1 };
    }
    if (unit && unit.dimension === 'duration') return null;
    if (w === 'per' && (nx === 'capita' || nx === 'head' || nx === 'person' || nx === 'resident')) return { per: 'person', end: q + 1 };
    if (w === 'per' && isNum(t, q)) {
      const n = readDigits(t, q);
      if (n && !n.dotted) {
        let end = n.end;
        let v = n.value;
        const sc = readScale(ctx, end, null);
        if (sc) {
          v *= sc.value;
          end = sc.end;
        }
        // "per 100,000 people/residents/inhabitants/population"
        if (isWord(t, end) && !lex.prepositions.has(lw(t, end)) && !lex.auxiliaries.has(lw(t, end))) end++;
        return { per: exactNumber(v), end };
      }
    }
    // a price per unit of what is sold: "$58.24 per barrel", "$3 a gallon", "$10 per gram", "$21.25 per square foot",
    // "$1.50 a share", "NZ$9.99 per month"
    if (unit && unit.dimension === 'currency' && w !== 'each' && w !== 'every' && !isPunct(t, p, '/')) {
      const um = isWord(t, q) ? matchIndex(ctx, lex.units, q) : null;
      if (um && !um.entry.caseSensitive && um.value.unit.dimension !== 'currency' && um.value.unit.dimension !== 'percent' && (um.end >= ctx.to || !isWord(t, um.end) || !looksPluralNoun(t, um.end, lex))) {
        return { per: um.value.unit.name, end: um.end };
      }
      if (um && um.entry.caseSensitive && w === 'per' && um.value.unit.dimension !== 'currency') return { per: um.value.unit.name, end: um.end };
      // (not "$1.08 per euro": an exchange rate is a price of money, read with the currencies)
      if (isWord(t, q) && !um && (w === 'per' ? PER_NOUNS.has(nx) || singularNoun(ctx, q) : PER_NOUNS.has(nx))) return { per: nx, end: q + 1 };
    }
  }
  return null;
}

/** Periods from short to long, for durations per period ("40 hours a week"). */
const TIME_ORDER: Record<string, number> = { ms: 0, second: 1, minute: 2, hour: 3, day: 4, week: 5, month: 6, year: 7, decade: 8 };
/** Nouns a price is quoted per, also after "a"/"an": "$1.50 a share", "£20 a head". */
const PER_NOUNS = new Set(['share', 'head', 'person', 'ticket', 'unit', 'piece', 'item', 'bottle', 'pack', 'kilo', 'seat', 'night', 'visit', 'dose', 'session', 'game', 'household', 'student', 'passenger', 'vote', 'copy', 'subscriber', 'user', 'employee', 'worker', 'resident', 'customer', 'patient', 'job', 'child', 'adult', 'family', 'home', 'car', 'vehicle']);

/** A singular common noun at k (lower case, not a function word, not a plural): "per share", "per tonne", "per click". */
function singularNoun(ctx: ScanContext, k: number): boolean {
  const { t, lex } = ctx;
  if (!isWord(t, k) || isCapitalised(t, k)) return false;
  const w = lw(t, k);
  if (w.length < 3 || lex.determiners.has(w) || lex.prepositions.has(w) || lex.auxiliaries.has(w) || lex.pronouns.has(w) || lex.conjunctions.has(w) || lex.adverbs.has(w) || lex.cardinals.has(w)) return false;
  return !looksPluralNoun(t, k, lex);
}

// ---------------------------------------------------------------- traps

/**
 * If the figure starting at token j is a trap (date, time, year, ordinal, identifier, URL, phone number,
 * furniture), return the token index after the trap (≥ j + 1); else 0.
 */
function trapAt(ctx: ScanContext, j: number, qualified: boolean, currency = false, hyphenQual = false): number {
  const { t, lex } = ctx;
  if (j >= ctx.to) return 0;
  if (t.kind[j] === T_NUM) {
    const s = t.start[j]!;
    // URLs, e-mail addresses, handles, file names: the whitespace-delimited run around the number
    if (inUrlLike(t.text, s)) return runEndToken(t, j, ctx.to);
    // calendar dates and clock times found by chrono-node
    if (ctx.dates.length && overlapsAny(ctx.dates, s, t.end[j]!)) {
      let k = j + 1;
      while (k < ctx.to && overlapsAny(ctx.dates, t.start[k]!, t.end[k]!)) k++;
      return lapDecimals(t, k, ctx.to);
    }
    const n = readDigits(t, j);
    if (!n) return j + 1;
    if (n.dotted) return n.end;
    const after = n.end;
    // codes: "access code 571 204", "PIN 0000", "extension 4417"
    if (j > ctx.from && !qualified && n.form === 'digits' && CODE_HEADS.has(lw(t, j - 1))) return phoneEnd(t, j, ctx.to);
    // "Emergency helpline: 1077", "call 1912": a number to ring
    // ("the family line on 1525", "the NEMA helpline (1420)")
    const lineBefore = (w: string) => PHONE_WORDS.has(w) || LINE_NOUNS.has(w);
    if (!qualified && n.bare && n.digits >= 3 && n.digits <= 6 && (PHONE_WORDS.has(lw(t, j - 1)) || (isPunct(t, j - 1, ':') && PHONE_WORDS.has(lw(t, j - 2))) || ((lw(t, j - 1) === 'on' || isPunct(t, j - 1, '(')) && lineBefore(lw(t, j - 2)))) && !looksPluralNoun(t, after, lex) && !matchIndex(ctx, lex.units, after)) return phoneEnd(t, j, ctx.to);
    // "IMO number: 9063318", "Reference no.: 4471": a labelled identifier
    if (!qualified && n.bare && isPunct(t, j - 1, ':') && ID_LABELS.has(lw(t, j - 2)) && !looksPluralNoun(t, after, lex) && !matchIndex(ctx, lex.units, after)) return identifierEnd(t, after);
    // "the emergency line is 119", "the helpline number is 0800 …", "the hotline: 112"
    if (!qualified && n.bare && n.digits >= 3 && n.digits <= 6 && (lw(t, j - 1) === 'is' || isPunct(t, j - 1, ':')) && LINE_NOUNS.has(lw(t, j - 2)) && LINE_KINDS.has(lw(t, j - 3)) && !looksPluralNoun(t, after, lex)) return phoneEnd(t, j, ctx.to);
    // "Text RENT to 60 600": a short code to text
    if (!qualified && n.form === 'digits' && lw(t, j - 1) === 'to' && isWord(t, j - 2) && SMS_VERBS.has(lw(t, j - 3))) return phoneEnd(t, j, ctx.to);
    // "Puzzles p.34", "TV pp.40-41": a page reference
    if (!qualified && n.bare && isPunct(t, j - 1, '.') && glued(t, j) && glued(t, j - 1) && (lw(t, j - 2) === 'p' || lw(t, j - 2) === 'pp')) return identifierEnd(t, after);
    // page furniture around a number: "Comments (7)", "Page 1 of 4", "Updated 2 hours ago"
    // ("Share (1,377)": a counter with thousands separators as well)
    if (!qualified && n.form === 'digits' && n.precision !== null && n.precision >= 1 && isPunct(t, j - 1, '(') && isPunct(t, after, ')') && j >= 2 && isWord(t, j - 2) && matchIndex(ctx, lex.furnitureNouns, j - 2)?.end === j - 1) return after + 1;
    // a byline's counters between pipes: "| 6 min read | 1.2K shares", "| Likes 1,046"
    if (!qualified && isPunct(t, j - 1, '|')) {
      const k = isWord(t, after) && glued(t, after) && /^[KkMm]$/.test(tokText(t, after)) ? after + 1 : after;
      const fn = matchIndex(ctx, lex.furnitureNouns, k);
      if (fn) return fn.end;
    }
    if (!qualified && isPunct(t, j - 2, '|') && isWord(t, j - 1) && matchIndex(ctx, lex.furnitureNouns, j - 1)?.end === j) return after;
    if (!qualified && n.bare && lw(t, after) === 'of' && isNum(t, after + 1) && COUNTER_HEADS.has(lw(t, j - 1))) return after + 2;
    if (!qualified && n.bare && /^(?:updated|posted|published|edited|modified)$/.test(lw(t, j - 1)) && lw(t, after + 1) === 'ago') return after + 2;
    // an exchange-rate note: "($1 = 0.8547 euros)"
    if (n.value === 1 && isPunct(t, after, '=')) return after;
    // "Heat helpline: 061", "0800 …": a number written with a leading zero is dialled, not counted
    if (!qualified && n.bare && t.end[j]! - s >= 3 && t.text.charCodeAt(s) === 48 && !isPunct(t, after, '.') && !isPunct(t, after, ',')) return phoneEnd(t, j, ctx.to);
    // clock times: 3:45, 15:00, 12.30pm, 3 p.m., 0900 GMT
    if (isPunct(t, after, ':') && glued(t, after) && isNum(t, after + 1) && glued(t, after + 1)) {
      let k = after + 2;
      while (isPunct(t, k, ':') && glued(t, k) && isNum(t, k + 1)) k += 2;
      return lapDecimals(t, k, ctx.to);
    }
    const aw = lw(t, after);
    // "2.1 pm", "2.123 am" are lengths (picometres, attometres): a clock has two digits of minutes
    const clockDigits = n.precision === null || n.precision >= 1 || Math.abs(n.precision - 0.01) < 1e-12;
    if (((aw === 'am' || aw === 'pm') && clockDigits) || ((aw === 'a' || aw === 'p') && isPunct(t, after + 1, '.') && lw(t, after + 2) === 'm') || aw === 'gmt' || aw === 'utc' || aw === "o" && isPunct(t, after + 1, "'")) return after + 1;
    if (n.bare && n.digits === 4 && (aw === 'hrs' || aw === 'hours' || aw === 'gmt' || aw === 'utc' || aw === 'local') && /^[012]\d[0-5]\d$/.test(tokText(t, j))) return after + 1;
    // ordinals: 1st, 22nd, 3rd, 10th
    if (isWord(t, after) && glued(t, after) && ORDINAL_SUFFIX.has(aw)) return after + 1;
    // digit dates: 10/14/2022, 14.10.2022, 2022-10-14
    if ((isPunct(t, after, '/') || isPunct(t, after, '-') || isPunct(t, after, '.')) && glued(t, after) && isNum(t, after + 1) && glued(t, after + 1)) {
      const sep = tokText(t, after);
      if (isPunct(t, after + 2, sep) && glued(t, after + 2) && isNum(t, after + 3) && glued(t, after + 3)) {
        const a = tokText(t, j).length;
        const c = tokText(t, after + 3).length;
        if ((a === 4 || c === 4 || c === 2) && tokText(t, after + 1).length <= 2) {
          // a phone number has longer groups; "202-555-0123" has 3 digits in the middle
          return after + 4;
        }
      }
      // "24/7", "9/11" and other slash pairs that are not fractions (fractions were read by readDigits)
      if (sep === '/' && n.form === 'digits') return after + 2;
    }
    // identifiers glued to letters: "G7", "MH17", "A320", "F-16", "COVID-19", "Su-35"
    if (j > ctx.from && glued(t, j)) {
      const pk = t.kind[j - 1];
      if (pk === T_WORD && !qualified) return identifierEnd(t, after);
      // ("sub-7 nanometre": a bound; "the now-18-month-old": an adverb of time, not a name)
      if (isPunct(t, j - 1, '-') && isWord(t, j - 2) && glued(t, j - 1) && !hyphenQual && !HYPHEN_ADVERBS.has(lw(t, j - 2)) && !lex.negativeWords.has(lw(t, j - 2))) return identifierEnd(t, after);
      if (isPunct(t, j - 1, '#')) return after;
    }
    if (isWord(t, after) && glued(t, after)) {
      // "5G", "3D", "737MAX", "1990s", "20s" — unless a unit or scale follows glued ("5km", "5bn", "40C")
      const unitHere = matchIndex(ctx, lex.units, after);
      const raw = tokText(t, after);
      const abHere = scaleAbbrev(lex, raw);
      // (a money scale needs a currency: "$2T", never "up to 4G")
      const scaleHere = (abHere !== null && !(abHere.money && !currency)) || lex.scales.has(raw.toLowerCase());
      // ("3cyl", "4dr": a counted noun glued in a spec list)
      if (!unitHere && !scaleHere && !(lex.gluedNouns.has(raw) && !(after + 1 < t.n && glued(t, after + 1) && t.kind[after + 1] !== T_PUNCT))) return identifierEnd(t, after);
      // "24703L202", "A320neo": letters and digits run on after the would-be unit
      if (unitHere && unitHere.entry.caseSensitive && unitHere.end < t.n && glued(t, unitHere.end) && (t.kind[unitHere.end] === T_WORD || t.kind[unitHere.end] === T_NUM)) return identifierEnd(t, after);
    }
    // phone numbers
    if (isPhone(ctx, j, n)) return phoneEnd(t, j, ctx.to);
    // clock times with a point, no "am"/"pm": "the 12.30 briefing", "at 18.45 on Friday" (a price "at 12.30" is not:
    // a briefing noun or a day must follow)
    if (!qualified && n.form === 'digits' && n.precision === 0.01 && n.value < 24 && Math.round((n.value % 1) * 100) < 60 && (CLOCK_NOUNS.has(lw(t, after)) || (lw(t, after) === 'on' && WEEKDAYS.has(lw(t, after + 1)) && !PRICE_VERBS.has(lw(t, j - 2)))) && (lw(t, j - 1) === 'the' || lw(t, j - 1) === 'at' || lw(t, j - 1) === 'by' || lw(t, j - 1) === 'until')) return after;
    // radio frequencies: "94.7 FM", "101.3FM" ("AM" only after a decimal, where it cannot be a clock time)
    if (!qualified && isWord(t, after) && (tokText(t, after) === 'FM' || (tokText(t, after) === 'AM' && n.precision !== null && n.precision < 1))) return after + 1;

    // page furniture: "12 comments", "5 min read"
    const fm = isWord(t, after) ? matchIndex(ctx, lex.furnitureNouns, after) : null;
    if (fm) return fm.end;
    // list markers at the start of a block: "1. The ..." / "2) ..."
    if (j === ctx.from && (isPunct(t, after, '.') || isPunct(t, after, ')')) && glued(t, after) && n.bare && n.digits <= 2 && !isNum(t, after + 1)) return after + 1;
    // list markers in brackets: "(1) The council …", "three steps: (1) cutting …, (2) …"
    if (!qualified && n.bare && n.digits <= 2 && isPunct(t, j - 1, '(') && glued(t, j) && isPunct(t, after, ')') && glued(t, after) && isWord(t, after + 1) && listMarkerOpen(ctx, j - 1)) return after + 1;
    // names that take a number: "S&P 500", "FTSE 100 companies", "iPhone 11 Pro" (a unit or "%" after it: a figure again)
    if (!qualified && n.bare && t.gap[j]! > 0 && nameHeadBefore(ctx, j) && !matchIndex(ctx, lex.units, after) && !isPunct(t, after, '%') && !readScaleLookahead(ctx, after)) return identifierEnd(t, after);
    // house numbers: "637 E. Pelham Rd.", "49 Zorro Ranch Road", "22 Ave Foch"
    if (!qualified && n.bare && n.digits <= 5) {
      const e = streetEnd(ctx, after);
      if (e > 0) {
        // "2 Citadel Street, 61001 Morvane": the postcode and town after the street
        if (isPunct(t, e, ',') && isNum(t, e + 1) && isCapitalised(t, e + 2)) {
          const pc = readDigits(t, e + 1);
          if (pc && pc.bare && pc.digits >= 4 && pc.digits <= 6 && pc.end === e + 2) return pc.end;
        }
        return e;
      }
    }
    // a date in a street's name: "Avenue du 11-Novembre", "Rue du 4 Septembre", "Plaza del 2 de Mayo"
    if (!qualified && n.bare && n.digits <= 2 && lex.streetNameLinks.has(lw(t, j - 1)) && lex.streetTypes.has(tokText(t, j - 2))) return identifierEnd(t, after);
    // a model number before its capitalised name: "Boeing's own 787 Dreamliner", "and 11 Pro Max:"
    if (!qualified && n.bare && t.gap[j]! > 0 && j > ctx.from && !sentenceInitial(t, j, ctx.from) && !isCapitalised(t, j - 1) && modelName(ctx, after)) return identifierEnd(t, after);
    // years of an era: "A.D. 1000", "1000 BC", "300 BCE"
    if (!qualified && n.bare && n.digits <= 4 && (eraBefore(t, j) || eraAfter(t, after))) return eraAfter(t, after) || after;
    // identifiers after a head word: "Article 5", "Boeing 737", "number 10", "Route 66"
    if (j > ctx.from && !qualified && t.gap[j]! > 0) {
      const pi = j - 1;
      const pt = isPunct(t, pi, '.') && isWord(t, pi - 1) ? pi - 1 : pi; // "No. 5", "Vol. 3"
      if (isWord(t, pt)) {
        const raw = tokText(t, pt);
        const low = raw.toLowerCase();
        const cap = isCapitalised(t, pt);
        const headListed = lex.identifierHeads.has(raw) || (cap && lex.identifierHeads.has(raw[0] + raw.slice(1).toLowerCase()));
        // plural heads number several: "mile markers 18 and 31", "Platforms 9 and 10", "pages 4 to 6"
        // ("Buses 11, 24 diverted": -es plurals too, and a list with commas only)
        if (n.bare && low.length > 3 && low.endsWith('s') && (lex.identifierHeadsLower.has(low.slice(0, -1)) || (low.endsWith('es') && lex.identifierHeadsLower.has(low.slice(0, -2)))) && !looksPluralNoun(t, after, lex) && !matchIndex(ctx, lex.units, after)) {
          // ("numbers 6, 7 and 8": a list)
          let k = after;
          while (isPunct(t, k, ',') && isNum(t, k + 1) && readDigits(t, k + 1)?.bare) k = readDigits(t, k + 1)!.end;
          if (k > after && !isNum(t, k + 1) && !looksPluralNoun(t, k, lex) && !matchIndex(ctx, lex.units, k)) return identifierEnd(t, k);
          const link = lw(t, k);
          if ((link === 'and' || link === 'or' || link === 'to' || link === 'through') && isNum(t, k + 1)) {
            const n2 = readDigits(t, k + 1);
            if (n2 && n2.bare && !looksPluralNoun(t, n2.end, lex) && !matchIndex(ctx, lex.units, n2.end)) return identifierEnd(t, n2.end);
          }
        }
        // ("Issue No. 31,118": a number sign before a number with separators)
        const numberSign = pt !== pi && (low === 'no' || low === 'nos' || low === 'nr') && n.form === 'digits';
        if (numberSign) return identifierEnd(t, after);
        if (n.bare || (n.form === 'digits' && n.precision !== null && n.precision < 1 && (headListed || lex.identifierHeadsLower.has(low)))) {
          // ("iPhone 11": a listed head as written)
          if (headListed && (cap || raw === raw.toUpperCase() || lex.identifierHeads.has(raw))) return identifierEnd(t, after);
          // ("seat 12C", "gate 4F": a glued letter after a head is part of the identifier, not a unit)
          const letterAfter = glued(t, after) && t.kind[after] === T_WORD && tokText(t, after).length === 1;
          if (!cap && lex.identifierHeadsLower.has(low) && n.bare && !looksPluralNoun(t, after, lex) && (letterAfter || !matchIndex(ctx, lex.units, after))) {
            if ((low !== 'mile' && low !== 'km' && low !== 'kilometre' && low !== 'kilometer') || POST_PREPS.has(lw(t, pt - 1))) return identifierEnd(t, after);
          }
          // between an acronym and a capitalised word: a station or brand name ("KMRW 7 News", "WXYZ 12 Action")
          if (n.bare && raw.length >= 3 && raw === raw.toUpperCase() && /^[A-Z]+$/.test(raw) && isCapitalised(t, after) && !sentenceInitial(t, after, ctx.from) && !matchIndex(ctx, lex.units, after) && !readScaleLookahead(ctx, after)) return identifierEnd(t, after);
          // ("KMRW 7" alone as a link or a line, or anywhere once the text has named "KMRW 7 News": the station)
          if (n.bare && n.digits <= 2 && raw.length >= 3 && /^[A-Z]+$/.test(raw) && (((after >= ctx.to || t.nl[after] === 1) && (pt === ctx.from || t.nl[pt] === 1)) || acronymNames(t).has(`${raw} ${tokText(t, j)}`))) return after;
          // period labels: "in week 38", "(epidemiological week 38)", "day 12 of the strike", "Week 37: 47" (but "the
          // past week 38 cases", "each day 500 people": a determiner or time word before the head starts a new phrase)
          if (n.bare && lex.labelHeads.has(low) && (!cap || sentenceInitial(t, pt, ctx.from)) && !looksPluralNoun(t, after, lex) && !matchIndex(ctx, lex.units, after)) {
            const before = lw(t, pt - 1);
            const lineStart = pt === ctx.from || t.nl[pt] === 1;
            if (lineStart || (!lex.determiners.has(before) && !TIME_DEICTICS.has(before) && !isNum(t, pt - 1))) return identifierEnd(t, after);
          }
          // any capitalised word mid-sentence before a bare integer that is not followed by a unit or a plural noun
          // (also right after a colon, where a name starts without starting a sentence: "Backyard Worlds: Planet 9")
          if (cap && n.bare && (!sentenceInitial(t, pt, ctx.from) || (isPunct(t, pt - 1, ':') && !t.nl[pt] && pt - 1 > ctx.from)) && !isMonthToken(t, pt) && !lex.determiners.has(low) && !lex.qualifiers.candidates(raw, low) && !gappedListItem(ctx, pt, after)) {
            const nx = after;
            const unitNext = matchIndex(ctx, lex.units, nx) || (isPunct(t, nx, '-') && matchIndex(ctx, lex.units, nx + 1)) || readScaleLookahead(ctx, nx);
            if (!unitNext && !looksPluralNoun(t, nx, lex) && !(isPunct(t, nx, '%'))) return identifierEnd(t, after);
          }
        }
      }
    }
    // years: bare four-digit numbers
    if (n.bare && n.digits === 4 && !qualified) {
      const v = n.value;
      const nx = after;
      if (isWord(t, nx) && glued(t, nx) && lw(t, nx) === 's') return nx + 1; // 1990s
      // (a unit word in the singular after a year is an attribute: "the 2022 cup final", "the 1999 turn of events")
      const unitAfterYear = (k: number) => {
        const um = matchIndex(ctx, lex.units, k);
        if (!um) return false;
        // a glued-only symbol standing apart is a word: "in 1998 in the hope"
        if (um.entry.caseSensitive && !um.value.bare && t.gap[k]! > 0) return false;
        // (a closing quotation mark is no inch mark: 'trains "by 2026".')
        if (isPunct(t, k, '"') && quoteOpen(ctx, j)) return false;
        const w = lw(t, um.end - 1);
        return !lex.yearNouns.has(w) && (um.entry.caseSensitive || w.endsWith('s') || um.value.unit.dimension === 'percent');
      };
      const unitNext = unitAfterYear(nx) || (isPunct(t, nx, '-') && glued(t, nx) && isWord(t, nx + 1) && matchIndex(ctx, lex.units, nx + 1)) || readScaleLookahead(ctx, nx) || isPunct(t, nx, '%');
      if (!unitNext) {
        const prev = lw(t, j - 1);
        // ("an average of 1500", "a total of 1500": "of" after a word naming an amount is no year's)
        const amountOf = prev === 'of' && (lex.genericHeads.has(lw(t, j - 2)) || lex.totalNouns.has(lw(t, j - 2)) || AMOUNT_NOUNS.has(lw(t, j - 2)));
        // ("Q2 2025 highlights", "H1 2024": a quarter or half written as a letter and a digit)
        const periodLabel = isNum(t, j - 1) && glued(t, j - 1) && /^[QqHh]$/.test(tokText(t, j - 2)) && /^[1-4]$/.test(tokText(t, j - 1));
        const prevIsYearContext = (YEAR_PREP.has(prev) && !amountOf) || periodLabel || (isPunct(t, j - 1, "'") && lw(t, j - 2) !== '') || isPunct(t, j - 1, ',') && isMonthToken(t, j - 2);
        // "2013-14", "2022/23", "1990-2000" (but "1000-5000" is a range of numbers)
        if ((isPunct(t, nx, '-') || isPunct(t, nx, '/')) && glued(t, nx) && isNum(t, nx + 1) && glued(t, nx + 1)) {
          const y2 = tokText(t, nx + 1);
          const yearLike = (x: number) => (x >= 1900 && x <= 2100) || (x >= 1000 && x < 1900 && prevIsYearContext);
          if ((y2.length === 2 && yearLike(v)) || (y2.length === 4 && yearLike(v) && yearLike(Number(y2)))) return nx + 2;
        }
        if (v >= 1900 && v <= 2100) {
          const plural = looksPluralNoun(t, nx, lex) && !lex.yearNouns.has(lw(t, nx));
          // ("a total of 2000", "an average of 1950": an amount; "the summer of 2019", "the budget of 2020": a year)
          const strongAmount = prev === 'of' && STRONG_AMOUNT_NOUNS.has(lw(t, j - 2));
          if ((!plural || prevIsYearContext) && !strongAmount) return after;
        } else if (v >= 1000 && v < 1900 && prevIsYearContext && !looksPluralNoun(t, nx, lex)) return after;
      }
    }
    return 0;
  }
  return 0;
}

/** A scale abbreviation as written: case-sensitive entries ("K", "B") must match exactly, the rest in any case. */
function scaleAbbrev(lex: Lexicon, raw: string): { value: number; ambiguousWithUnit: string | null; strict: boolean; money: boolean } | null {
  const exact = lex.scaleAbbrevs.get(raw);
  if (exact) return exact;
  const low = lex.scaleAbbrevs.get(raw.toLowerCase());
  return low && !low.caseSensitive ? low : null;
}

/**
 * "2.7m combined digital and physical sales", "15m new homes": a plural noun within a few lower-case modifiers after k
 * (no measure adjective, preposition, verb or punctuation before it), so a glued "m" counts millions, not metres.
 */
function pluralAhead(ctx: ScanContext, k: number): boolean {
  const { t, lex } = ctx;
  for (let q = k, n = 0; q < ctx.to && n < 5; q++, n++) {
    if (!isWord(t, q) || isCapitalised(t, q) || t.nl[q]) return false;
    const w = lw(t, q);
    if (MEASURE_ADJ.has(w) || lex.prepositions.has(w) || lex.auxiliaries.has(w) || lex.determiners.has(w) || lex.pronouns.has(w) || matchIndex(ctx, lex.units, q)) return false;
    if (looksPluralNoun(t, q, lex)) return n > 0;
    if (w !== 'and' && w !== 'or' && lex.conjunctions.has(w)) return false;
  }
  return false;
}

function readScaleLookahead(ctx: ScanContext, p: number): boolean {
  const { t, lex } = ctx;
  if (!isWord(t, p)) return false;
  return lex.scales.has(lw(t, p)) || (glued(t, p) && scaleAbbrev(lex, tokText(t, p)) !== null);
}

/** After an identifier's number: swallow glued letters/digits/hyphens ("737-800", "MAX8"). */
function identifierEnd(t: Tokens, k: number): number {
  let e = k;
  while (e < t.n && t.gap[e] === 0 && (t.kind[e] === T_WORD || t.kind[e] === T_NUM || (isPunct(t, e, '-') && e + 1 < t.n && t.gap[e + 1] === 0 && t.kind[e + 1] !== T_PUNCT))) e++;
  return Math.max(e, k);
}

/**
 * Capitalised words after a bare number that name a model, not what is counted: "787 Dreamliner starting", "11 Pro
 * Max:", "12 Mini deal". What is counted is plural ("12 Israeli soldiers", "3 Grand Slam titles", "40 Democrats"),
 * a demonym ("40 Chinese") or followed by "of" ("5 Members of Parliament"); a clause that ends after the name keeps
 * the count ("killed 20 Taliban.").
 */
function modelName(ctx: ScanContext, k: number): boolean {
  const { t, lex } = ctx;
  let q = k;
  for (let n = 0; n < 3 && q < ctx.to && isCapitalised(t, q) && t.gap[q]! > 0 && !t.nl[q]; n++, q++) {
    const raw = tokText(t, q);
    if (looksPluralNoun(t, q, lex) || isMonthToken(t, q) || matchIndex(ctx, lex.units, q) || lex.scales.has(lw(t, q)) || /(?:ese|ish|ch|ss|i)$/.test(raw) || raw === raw.toUpperCase()) return false;
  }
  if (q === k || q >= ctx.to) return false;
  if (isPunct(t, q, ':')) return true;
  if (!isWord(t, q) || isCapitalised(t, q) || t.nl[q]) return false;
  const w = lw(t, q);
  // ("killed 20 Taliban in …": one word before a preposition still names who is counted)
  if (q === k + 1 && lex.prepositions.has(w)) return false;
  return w !== 'of' && !looksPluralNoun(t, q, lex);
}

/** After a clock or lap time ending before k: its decimals of a second ("1:23.456", "1:36.6"). */
function lapDecimals(t: Tokens, k: number, to: number): number {
  if (k + 1 < to && isPunct(t, k, '.') && glued(t, k) && isNum(t, k + 1) && glued(t, k + 1) && isNum(t, k - 1) && isPunct(t, k - 2, ':')) return k + 2;
  return k;
}

/** Words before a glued hyphen and digits that do not make an identifier: "the now-18-month-old", "then-25". */
const HYPHEN_ADVERBS = new Set(['now', 'then']);

/** Does "(" at token p open a list marker: at the start of a block or line, or after a colon, semicolon, comma or "and"? */
function listMarkerOpen(ctx: ScanContext, p: number): boolean {
  const { t } = ctx;
  if (p <= ctx.from || t.nl[p]) return true;
  const b = tokText(t, p - 1);
  return b === ':' || b === ';' || b === '.' || b === ',' || b === '!' || b === '?' || lw(t, p - 1) === 'and' || lw(t, p - 1) === 'or';
}

/** Does a name that takes a number ("S&P", "FTSE", "iPhone", "Euro Stoxx") end right before token j? */
function nameHeadBefore(ctx: ScanContext, j: number): boolean {
  for (let s = j - 1; s >= Math.max(ctx.from, j - 5); s--) {
    const m = matchIndex(ctx, ctx.lex.nameHeads, s);
    if (m && m.end === j) return true;
  }
  return false;
}

/**
 * A house number's street after token k: capitalised words, initials ("E.") and ordinals ("71st") ending in a street
 * type ("Rd.", "Road", "Ave"); the index after it, or 0. A street type right after the number must be followed by a
 * name ("22 Ave Foch"): "5 Court cases" is no address.
 */
function streetEnd(ctx: ScanContext, k: number): number {
  const { t, lex } = ctx;
  let words = 0;
  let q = k;
  while (q < ctx.to && words < 5 && !t.nl[q] && t.gap[q]! > 0) {
    // "12 Drukkerijweg": a one-word street name
    if (words === 0 && isCapitalised(t, q) && streetWord(lex, lw(t, q))) return q + 1;
    if (isCapitalised(t, q)) {
      if (lex.streetTypes.has(tokText(t, q)) && (words > 0 || isCapitalised(t, q + 1) || (isPunct(t, q + 1, '.') && glued(t, q + 1)))) {
        return isPunct(t, q + 1, '.') && glued(t, q + 1) ? q + 2 : q + 1;
      }
      words++;
      q++;
      if (isPunct(t, q, '.') && glued(t, q) && tokText(t, q - 1).length <= 2) q++; // "E."
      continue;
    }
    // "71st": an ordinal street name
    if (isNum(t, q) && isWord(t, q + 1) && glued(t, q + 1) && ORDINAL_SUFFIX.has(lw(t, q + 1))) {
      words++;
      q += 2;
      continue;
    }
    return 0;
  }
  return 0;
}

function streetWord(lex: Lexicon, w: string): boolean {
  for (const x of lex.streetSuffixes) if (w.length >= x.length + 3 && w.endsWith(x)) return true;
  return false;
}

/** "A.D. 1000", "AD 79": an era before the number at j. */
function eraBefore(t: Tokens, j: number): boolean {
  if (t.gap[j] === 0) return false;
  if (tokText(t, j - 1) === 'AD' || tokText(t, j - 1) === 'CE') return true;
  // "A.D." / "A.D" → A . D . — the last dot optional
  const k = isPunct(t, j - 1, '.') ? j - 2 : j - 1;
  return tokText(t, k) === 'D' && isPunct(t, k - 1, '.') && tokText(t, k - 2) === 'A' && glued(t, k) && glued(t, k - 1);
}

/** "1000 BC", "300 B.C.", "79 AD", "500 BCE": an era after the number; the index after it, or 0. */
function eraAfter(t: Tokens, k: number): number {
  if (k >= t.n || t.gap[k] === 0 || t.gap[k]! > 1) return 0;
  const w = tokText(t, k);
  if (w === 'BC' || w === 'BCE' || w === 'AD' || w === 'CE') return k + 1;
  if ((w === 'B' || w === 'A') && isPunct(t, k + 1, '.') && glued(t, k + 1) && (tokText(t, k + 2) === 'C' || tokText(t, k + 2) === 'D') && glued(t, k + 2)) {
    return isPunct(t, k + 3, '.') && glued(t, k + 3) ? k + 4 : k + 3;
  }
  return 0;
}

function runEndToken(t: Tokens, j: number, to: number): number {
  let k = j + 1;
  while (k < to && t.gap[k] === 0) k++;
  return k;
}

/** Is offset s inside a whitespace-delimited run that is a URL, e-mail, handle or path? */
/** The whitespace-delimited run last looked at, so that a run holding many numbers is scanned once. */
let urlRun = { text: '', a: 0, b: 0, mark: false };

function inUrlLike(text: string, s: number): boolean {
  // every test below needs a "/", an "@" or a leading "www.": a run without them is no URL, whatever its length
  if (!(urlRun.text === text && s >= urlRun.a && s < urlRun.b)) {
    let a = s;
    while (a > 0 && !isWs(text.charCodeAt(a - 1))) a--;
    let b = s;
    let mark = false;
    for (let k = a; k < text.length && !isWs(text.charCodeAt(k)); k++) {
      const c = text.charCodeAt(k);
      if (c === 47 || c === 64) mark = true;
      b = k + 1;
    }
    if ((text.charCodeAt(a) | 32) === 119) mark = true;
    urlRun = { text, a, b, mark };
  }
  if (!urlRun.mark) return false;
  // a window of the run around the number
  const a = Math.max(urlRun.a, s - 300);
  const b = Math.min(urlRun.b, s + 300);
  if (b - a < 6) return false;
  const run = text.slice(a, b);
  if (run.includes('://') || run.startsWith('www.') || run.includes('.com/') || run.includes('.org/') || run.includes('.net/')) return true;
  const at = run.indexOf('@');
  if (at >= 0 && at < s - a + 1) return true; // e-mail or @handle before the digits
  // paths and links: a slash with letters on both sides and digits glued ("pic.twitter.com/6lC3ATt26n")
  if (/[a-z]\.[a-z]{2,}\//i.test(run)) return true;
  return false;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 12;
}

/** Words before "N of M" that make it a position in a sequence ("Page 1 of 4", "Photo 3 of 12"). */
const COUNTER_HEADS = new Set(['page', 'photo', 'image', 'picture', 'slide', 'gallery', 'video', 'part', 'step', 'item', 'story', 'article']);

/** Words before a number that make it a code to type, not a quantity. */
/** "near kilometre 87", "at mile 18": a post along a road, not a distance */
const POST_PREPS = new Set(['at', 'near', 'past', 'beyond', 'around', 'by', 'after', 'before']);
const ID_LABELS = new Set(['number', 'no', 'nr', 'id', 'code', 'reference', 'ref', 'registration', 'imo', 'mmsi', 'isin', 'licence', 'license', 'permit', 'case', 'file', 'account', 'invoice', 'order', 'ticket', 'postcode', 'zip']);
const CODE_HEADS = new Set(['code', 'pin', 'passcode', 'password', 'extension', 'ext', 'shortcode']);

function isPhone(ctx: ScanContext, j: number, n: Numeral): boolean {
  const { t } = ctx;
  // "send the word POWER to 56070": a short code to text
  if (n.bare && n.digits >= 4 && n.digits <= 6 && lw(t, j - 1) === 'to') {
    for (let k = j - 2, steps = 0; k >= ctx.from && steps < 8; k--, steps++) {
      const w = lw(t, k);
      if (w === 'text' || w === 'texting' || w === 'sms' || w === 'send' || w === 'sending' || w === 'message') return true;
    }
  }
  // a run of digit groups separated by "-", ".", " " or parentheses, with 7+ digits in all and no thousands commas
  let k = j;
  let digits = 0;
  let groups = 0;
  let seps = 0;
  let dots = 0;
  let round = 0;
  const start = j;
  // (an opening bracket counts only around an area code, "(555) 123-4567": "(16369.03 up 58.06)" is no phone)
  if ((isPunct(t, j - 1, '(') && isPunct(t, n.end, ')')) || isPunct(t, j - 1, '+')) seps++;
  while (k < ctx.to && k < j + 12) {
    if (isNum(t, k)) {
      digits += t.end[k]! - t.start[k]!;
      groups++;
      if (/00$/.test(tokText(t, k))) round++;
      k++;
      if (isPunct(t, k, '-') || isPunct(t, k, '.') || isPunct(t, k, ')')) {
        if (!isNum(t, k + 1) && !(isPunct(t, k, ')') && isNum(t, k + 1))) break;
        seps++;
        if (isPunct(t, k, '.')) dots++;
        k++;
        continue;
      }
      if (isNum(t, k) && t.gap[k] === 1) continue;
      break;
    }
    break;
  }
  void start;
  if (n.form === 'digits' && !n.bare && n.precision !== null && n.precision >= 1 && tokText(t, j + 1) === ',') return false;
  // "30616.16" is a decimal, "1000-5000" a range of round numbers
  if (groups === 2 && (dots === seps || round === 2)) return false;
  const prev = lw(t, j - 1) || lw(t, j - 2);
  if (digits >= 7 && groups >= 2 && (seps >= 1 || PHONE_WORDS.has(prev))) return true;
  // "call 112 immediately", "dial 911": a short emergency number
  if (groups === 1 && n.bare && n.digits === 3 && (lw(t, j - 1) === 'call' || lw(t, j - 1) === 'dial' || lw(t, j - 1) === 'ring') && !looksPluralNoun(t, n.end, ctx.lex) && !matchIndex(ctx, ctx.lex.units, n.end)) return true;
  if (digits >= 9 && groups >= 3) return true;
  if (isPunct(t, j - 1, '+') && digits >= 7) return true;
  return false;
}

function phoneEnd(t: Tokens, j: number, to: number): number {
  let k = j;
  while (k < to && (isNum(t, k) || ((isPunct(t, k, '-') || isPunct(t, k, '.') || isPunct(t, k, ')') || isPunct(t, k, '(')) && isNum(t, k + 1)))) k++;
  k = Math.max(k, j + 1);
  // "calling 1912 (24 hours, free from any phone)": a short bracket right after the number tells how to call it
  if (isPunct(t, k, '(')) {
    for (let q = k + 1; q < to && q < k + 12; q++) if (isPunct(t, q, ')')) return q + 1;
  }
  return k;
}
