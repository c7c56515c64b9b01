/**
 * The extractor's vocabulary, compiled from the data files under rules/lexicon/ (numbers, units, words) plus
 * any `lexicon:` extension files a user supplies. Compiled once per process into lookup maps keyed by the
 * first token of each phrase, so matching costs a map lookup per token.
 */
import { readdirSync } from 'node:fs';
import { phraseTokens, type PhraseTok } from '../extract/tokens.js';
import { rulesPath } from '../util/paths.js';
import { loadTrusted } from './datafile.js';

export interface UnitDef {
  name: string;
  dimension: string;
  /** mathjs spelling for conversion, or null when mathjs cannot convert it (money). */
  mathjs: string | null;
}

export interface PhraseEntry<T> {
  toks: PhraseTok[];
  caseSensitive: boolean;
  value: T;
}

export type QualifierType = 'approx' | 'lower' | 'upper';

export interface QualifierDef {
  type: QualifierType;
  band: number;
}

export interface UnitMatch {
  unit: UnitDef;
  /** May only follow the number glued to it ("40C") when false. */
  bare: boolean;
}

export interface Lexicon {
  cardinals: Map<string, number>;
  scales: Map<string, number>;
  fractions: Map<string, number>;
  scaleAbbrevs: Map<string, { value: number; caseSensitive: boolean; ambiguousWithUnit: string | null }>;
  vague: PhraseIndex<{ low: number; high: number }>;
  qualifiers: PhraseIndex<QualifierDef>;
  postQualifiers: PhraseIndex<QualifierDef>;
  rangeConnectors: Set<string>;
  changeVerbs: Set<string>;
  /** Units written after the number: words (case-insensitive) and symbols (case-sensitive). */
  units: PhraseIndex<UnitMatch>;
  /** Currency and other prefixes written before the number ("$", "US$", "€", "Rs", "USD"). */
  prefixes: PhraseIndex<UnitDef>;
  /** Words before the number that name its unit ("magnitude 7.8", "Mach 2"). */
  prefixWords: PhraseIndex<UnitDef>;
  unitsByName: Map<string, UnitDef>;
  determiners: Set<string>;
  prepositions: Set<string>;
  conjunctions: Set<string>;
  pronouns: Set<string>;
  auxiliaries: Set<string>;
  adverbs: Set<string>;
  /** Irregular verb form → lemma. */
  verbForms: Map<string, string>;
  /** Multi-word verbs ("called up") → lemma. */
  phrasalVerbs: PhraseIndex<string>;
  identifierHeads: Set<string>;
  oneNotCountAfter: Set<string>;
  oneNotCountBefore: Set<string>;
  yearNouns: Set<string>;
  furnitureNouns: PhraseIndex<true>;
  irregularPlurals: Map<string, string>;
  peopleAdjectives: Set<string>;
  genericHeads: Set<string>;
  totalNouns: Set<string>;
}

/** Phrases indexed by their first token (lower-cased for case-insensitive ones), longest first. */
export class PhraseIndex<T> {
  private byFirst = new Map<string, PhraseEntry<T>[]>();
  add(phrase: string, value: T, caseSensitive = false): void {
    const toks = phraseTokens(phrase, caseSensitive);
    if (toks.length === 0) return;
    const key = caseSensitive ? toks[0]!.text : toks[0]!.text.toLowerCase();
    let list = this.byFirst.get(key);
    if (!list) this.byFirst.set(key, (list = []));
    if (list.some((e) => e.caseSensitive === caseSensitive && e.toks.length === toks.length && e.toks.every((t, i) => t.text === toks[i]!.text && t.glued === toks[i]!.glued))) return;
    list.push({ toks, caseSensitive, value });
    list.sort((a, b) => b.toks.length - a.toks.length);
  }
  /** Candidates whose first token is `exact` (case-sensitive entries) or `lower` (the rest). */
  candidates(exact: string, lower: string): PhraseEntry<T>[] | undefined {
    const a = this.byFirst.get(lower);
    if (exact === lower) return a;
    const b = this.byFirst.get(exact);
    if (!a) return b;
    if (!b) return a;
    return [...a, ...b].sort((x, y) => y.toks.length - x.toks.length);
  }
  get size(): number {
    return this.byFirst.size;
  }
}

interface NumbersFile {
  cardinals?: Record<string, number>;
  scales?: Record<string, number>;
  fractions?: Record<string, number>;
  scale_abbreviations?: Array<{ text: string; value: number; case?: boolean; ambiguous_with_unit?: string }>;
  vague?: Array<{ words: string; low: number; high: number }>;
  qualifiers?: Array<{ words: string[]; type: QualifierType; band?: number }>;
  post_qualifiers?: Array<{ words: string[]; type: QualifierType; band?: number }>;
  range_connectors?: string[];
  change_verbs?: string[];
}

interface UnitsFile {
  entries: Array<{ name: string; dimension: string; mathjs?: string; words?: string[]; symbols?: string[]; prefix?: string[]; prefix_words?: string[]; bare?: boolean }>;
}

interface WordsFile {
  determiners?: string[];
  prepositions?: string[];
  conjunctions?: string[];
  pronouns?: string[];
  auxiliaries?: string[];
  adverbs?: string[];
  irregular_verbs?: string[][];
  identifier_heads?: string[];
  one_not_count_after?: string[];
  one_not_count_before?: string[];
  year_nouns?: string[];
  furniture_nouns?: string[];
  irregular_plurals?: Record<string, string>;
  people_adjectives?: string[];
  generic_heads?: string[];
  total_nouns?: string[];
}

export interface LexiconSources {
  numbers: NumbersFile[];
  units: UnitsFile[];
  words: WordsFile[];
}

const MONEYLESS = new Set(['currency']);

export function compileLexicon(src: LexiconSources): Lexicon {
  const lex: Lexicon = {
    cardinals: new Map(),
    scales: new Map(),
    fractions: new Map(),
    scaleAbbrevs: new Map(),
    vague: new PhraseIndex(),
    qualifiers: new PhraseIndex(),
    postQualifiers: new PhraseIndex(),
    rangeConnectors: new Set(),
    changeVerbs: new Set(),
    units: new PhraseIndex(),
    prefixes: new PhraseIndex(),
    prefixWords: new PhraseIndex(),
    unitsByName: new Map(),
    determiners: new Set(),
    prepositions: new Set(),
    conjunctions: new Set(),
    pronouns: new Set(),
    auxiliaries: new Set(),
    adverbs: new Set(),
    verbForms: new Map(),
    phrasalVerbs: new PhraseIndex(),
    identifierHeads: new Set(),
    oneNotCountAfter: new Set(),
    oneNotCountBefore: new Set(),
    yearNouns: new Set(),
    furnitureNouns: new PhraseIndex(),
    irregularPlurals: new Map(),
    peopleAdjectives: new Set(),
    genericHeads: new Set(),
    totalNouns: new Set(),
  };
  for (const f of src.numbers) {
    for (const [k, v] of Object.entries(f.cardinals ?? {})) lex.cardinals.set(k, v);
    for (const [k, v] of Object.entries(f.scales ?? {})) lex.scales.set(k, v);
    for (const [k, v] of Object.entries(f.fractions ?? {})) lex.fractions.set(k, v);
    for (const a of f.scale_abbreviations ?? []) {
      const key = a.case ? a.text : a.text.toLowerCase();
      lex.scaleAbbrevs.set(key, { value: a.value, caseSensitive: !!a.case, ambiguousWithUnit: a.ambiguous_with_unit ?? null });
    }
    for (const v of f.vague ?? []) lex.vague.add(v.words, { low: v.low, high: v.high });
    for (const q of f.qualifiers ?? []) for (const w of q.words) lex.qualifiers.add(w, { type: q.type, band: q.band ?? 0 });
    for (const q of f.post_qualifiers ?? []) for (const w of q.words) lex.postQualifiers.add(w, { type: q.type, band: q.band ?? 0 });
    for (const r of f.range_connectors ?? []) lex.rangeConnectors.add(r.toLowerCase());
    for (const v of f.change_verbs ?? []) lex.changeVerbs.add(v);
  }
  for (const f of src.units) {
    for (const e of f.entries) {
      const def: UnitDef = { name: e.name, dimension: e.dimension, mathjs: MONEYLESS.has(e.dimension) ? null : e.mathjs ?? e.name };
      lex.unitsByName.set(e.name, def);
      const bare = e.bare !== false;
      for (const w of e.words ?? []) lex.units.add(w, { unit: def, bare: true }, false);
      for (const s of e.symbols ?? []) lex.units.add(s, { unit: def, bare }, true);
      for (const p of e.prefix ?? []) lex.prefixes.add(p, def, true);
      for (const p of e.prefix_words ?? []) lex.prefixWords.add(p, def, false);
    }
  }
  for (const f of src.words) {
    const fill = (set: Set<string>, xs?: string[]) => xs?.forEach((x) => set.add(x));
    fill(lex.determiners, f.determiners);
    fill(lex.prepositions, f.prepositions);
    fill(lex.conjunctions, f.conjunctions);
    fill(lex.pronouns, f.pronouns);
    fill(lex.auxiliaries, f.auxiliaries);
    fill(lex.adverbs, f.adverbs);
    fill(lex.identifierHeads, f.identifier_heads);
    fill(lex.oneNotCountAfter, f.one_not_count_after);
    fill(lex.oneNotCountBefore, f.one_not_count_before);
    fill(lex.yearNouns, f.year_nouns);
    fill(lex.peopleAdjectives, f.people_adjectives);
    fill(lex.genericHeads, f.generic_heads);
    fill(lex.totalNouns, f.total_nouns);
    for (const w of f.furniture_nouns ?? []) lex.furnitureNouns.add(w, true);
    for (const forms of f.irregular_verbs ?? []) {
      const lemma = forms[0]!;
      for (const form of forms) {
        if (form.includes(' ')) lex.phrasalVerbs.add(form, lemma);
        else lex.verbForms.set(form, lemma);
      }
    }
    for (const [k, v] of Object.entries(f.irregular_plurals ?? {})) lex.irregularPlurals.set(k, v);
  }
  return lex;
}

let builtin: LexiconSources | null = null;

/** The built-in lexicon files (trusted: validated by the test suite, not at run time). */
export function builtinSources(): LexiconSources {
  if (builtin) return builtin;
  const dir = rulesPath('lexicon');
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const src: LexiconSources = { numbers: [], units: [], words: [] };
  for (const f of files) {
    const data = loadTrusted<{ lexicon?: string }>(`${dir}/${f}`);
    if (data.lexicon === 'numbers') src.numbers.push(data as NumbersFile);
    else if (data.lexicon === 'units') src.units.push(data as UnitsFile);
    else if (data.lexicon === 'words') src.words.push(data as WordsFile);
  }
  return (builtin = src);
}

let defaultLexicon: Lexicon | null = null;

export function getLexicon(): Lexicon {
  return (defaultLexicon ??= compileLexicon(builtinSources()));
}

/** A lexicon with user extension files (already validated by the rule loader) added to the built-in ones. */
export function extendLexicon(extra: Array<{ name: string; data: unknown }>): Lexicon {
  if (extra.length === 0) return getLexicon();
  const base = builtinSources();
  const src: LexiconSources = { numbers: [...base.numbers], units: [...base.units], words: [...base.words] };
  for (const e of extra) {
    if (e.name === 'numbers') src.numbers.push(e.data as NumbersFile);
    else if (e.name === 'units') src.units.push(e.data as UnitsFile);
    else if (e.name === 'words') src.words.push(e.data as WordsFile);
  }
  return compileLexicon(src);
}
