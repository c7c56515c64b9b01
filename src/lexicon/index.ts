/**
 * The extractor's vocabulary, compiled from the data files under rules/lexicon/ (numbers, units, words) plus
 * any `lexicon:` extension files a user supplies. Compiled once per process into lookup maps keyed by the
 * first token of each phrase, so matching costs a map lookup per token.
 */
import { readdirSync } from 'node:fs';
import { asciiLowerHashOf, HashSet, phraseTokens, type PhraseTok } from '../extract/tokens.js';
import { rulesPath } from '../util/paths.js';
import { loadTrusted } from './datafile.js';

export interface UnitDef {
  name: string;
  dimension: string;
  /** mathjs spelling for conversion, or null when mathjs cannot convert it (money). */
  mathjs: string | null;
  /** A smaller unit that folds into an amount of a larger one written just before it ("3 dollars 50 cents"). */
  partOf?: { unit: string; factor: number };
  /** The unit these words name after a scale word ("361 million pounds" → GBP). */
  afterScale?: string;
  /** With one of `words` in the sentence, the figure belongs to `def` (a unit of another dimension). */
  context?: { def: UnitDef; words: Set<string> };
}

/**
 * A unit definition with all its fields present, the optional ones undefined: units of one object shape keep the
 * extractor's optimised code, which reads them everywhere, from being thrown away at each new shape.
 */
export function unitDef(name: string, dimension: string, mathjs: string | null): UnitDef {
  return { name, dimension, mathjs, partOf: undefined, afterScale: undefined, context: undefined };
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
  /** A glued-only symbol that may also stand apart at the end of a clause ("2 in."). */
  final?: boolean;
  /** The spelling stands for `factor` of the unit ("MUSD" = 1e6 USD). */
  factor?: number;
  /** The spelling makes the figure an age ("87 yo"). */
  age?: boolean;
}

export interface Lexicon {
  /** The files it was compiled from (to compile a variant: a document's own currency). */
  sources?: LexiconSources;
  cardinals: Map<string, number>;
  scales: Map<string, number>;
  fractions: Map<string, number>;
  /** Ordinal words → number, as fraction denominators ("fifth" → 5, "hundredth" → 100). */
  ordinals: Map<string, number>;
  dozenWords: Set<string>;
  negativeWords: Set<string>;
  pointWords: Set<string>;
  scaleAbbrevs: Map<string, { value: number; caseSensitive: boolean; ambiguousWithUnit: string | null; strict: boolean; money: boolean }>;
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
  /** Lower-case identifier heads ("route 66") and period labels ("week 38"). */
  identifierHeadsLower: Set<string>;
  labelHeads: Set<string>;
  oneNotCountAfter: Set<string>;
  oneNotCountBefore: Set<string>;
  yearNouns: Set<string>;
  /** Comparative adjectives that are no noun of a figure ("40k cheaper"). */
  comparatives: Set<string>;
  /** Verbs of a level after "to" ("rose 0.6% to end at 27,349"): no subject noun. */
  levelVerbs: Set<string>;
  /** Verbs of scoring: "averaged 7.3 points" are points scored, not percentage points. */
  scoreVerbs: Set<string>;
  /** Words between a count and its unit that leave the unit in force ("50 previous years", "517 rushing yards"). */
  unitModifiers: Set<string>;
  furnitureNouns: PhraseIndex<true>;
  irregularPlurals: Map<string, string>;
  peopleAdjectives: Set<string>;
  /** words that may follow a plural counted noun as its state ("38 people alive", "256 escaped unhurt") */
  postnominalStates: Set<string>;
  /** Nouns (lemmas) that name the people or outcomes of an event: a part of their total is a subset of it. */
  eventNouns: Set<string>;
  /** nouns that name a gathering counted as one figure: "put the crowd at 18,500" counts people */
  crowdNouns: Set<string>;
  /** words and phrases that, besides crowdNouns, tell that a sentence's people are a crowd ("on the streets", "marchers") */
  crowdCues: Set<string>;
  /** words that join a second figure of one count to the first: "police said 6,500 and the union 14,000" */
  rivalLinks: Set<string>;
  /** labels of a list's row that name no place of their own ("Others", "Everywhere else", "Total") */
  restLabels: Set<string>;
  /** nouns that look like verb forms ("spending", "borrowing", "earnings"): heads of what a figure counts */
  ingNouns: Set<string>;
  /** sources that name no one in particular ("officials said"): no rival of a named source */
  genericSources: Set<string>;
  /** Nouns of a size written as an attribute ("81-seat parliament", "300-bed hospital"): a capacity, not a count. */
  capacityNouns: Set<string>;
  /** Words that make the figure after them a benchmark, not what happened ("a target of 50,000", "a consensus of 985 million"). */
  referenceWords: Set<string>;
  /** Verbs that say how a figure was obtained ("counted", "put at"), not what happened. */
  measuringVerbs: Set<string>;
  /** Nouns of places ("the capital", "towns"). */
  placeNouns: Set<string>;
  /** Prepositions that open a place phrase ("in", "across"). */
  placePrepositions: Set<string>;
  /** Prepositions that open a place phrase only right after the figure ("12,000 for Maldon"). */
  figurePlacePrepositions: Set<string>;
  /** Words of a place phrase that are no names ("north", "region", "rest"). */
  areaWords: Set<string>;
  /** Words after a preposition that name no place ("January", "total", "hospital"). */
  notPlaces: Set<string>;
  /** Kinds of place that, after "in the", name one place told before ("in the capital"). */
  anaphoricPlaces: Set<string>;
  /** Kinds of area after a place's name as a label ("Kalvik municipality"). */
  namedAreas: Set<string>;
  /** Adjectives a place name may carry after its preposition ("in tiny Sarne"). */
  placeAdjectives: Set<string>;
  /** Words that make a figure national ("nationwide"). */
  nationalWords: Set<string>;
  /** Words of a paragraph about an earthquake (a bare "5.9" there is a magnitude). */
  quakeWords: Set<string>;
  /** Nouns for a person whose age can follow with "of": "a girl of three", "a man of 40". */
  ageNouns: Set<string>;
  /** Verbs of a working life before "at"/"until" and an age: "retired at 60", "started work at 17", "work until 64". */
  ageAtVerbs: Set<string>;
  genericHeads: Set<string>;
  /** "an average of 1,500": a statistic, not what is counted */
  statisticHeads: Set<string>;
  totalNouns: Set<string>;
  /** What a results report gives for a period: "the nine-month cost-to-income ratio", "nine-month earnings". */
  reportedNouns: Set<string>;
  /** Words after "N times" that make it a ratio ("three times as many", "14 times earnings"). */
  ratioAfter: Set<string>;
  /** "EUR/USD" → year → [low, high] value of one EUR in USD. */
  rates: Map<string, Map<number, [number, number]>>;
  /** Names that take a number as part of the name ("S&P 500", "iPhone 11"), any case. */
  nameHeads: PhraseIndex<true>;
  /** Street types ("Street", "Rd", "Ave") that make a number before capitalised words a house number. */
  streetTypes: Set<string>;
  /** endings of one-word street names ("Drukkerijweg", "Kanaalstraat"): a number before one is a house number */
  streetSuffixes: string[];
  /** Particles between a street type and a name: "Rue du 4-Septembre", "Plaza del 2 de Mayo". */
  streetNameLinks: Set<string>;
  /** Counted nouns written glued to the digits ("3cyl", "4dr"): no identifier. */
  gluedNouns: Set<string>;
}

/** Phrases indexed by their first token (lower-cased for case-insensitive ones), longest first. */
export class PhraseIndex<T> {
  private byFirst = new Map<string, PhraseEntry<T>[]>();
  /** Some entry is case-sensitive (else every key is lower-case, and only the lower-case token can match). */
  caseSensitive = false;
  /** asciiLowerHashOf each first token (see mayStart); null until asked for after an add. */
  private firstHashes: HashSet | null = null;
  add(phrase: string, value: T, caseSensitive = false): void {
    const toks = phraseTokens(phrase, caseSensitive);
    if (toks.length === 0) return;
    this.firstHashes = null;
    if (caseSensitive) this.caseSensitive = true;
    const key = caseSensitive ? toks[0]!.text : toks[0]!.text.toLowerCase();
    let list = this.byFirst.get(key);
    if (!list) this.byFirst.set(key, (list = []));
    if (list.some((e) => e.caseSensitive === caseSensitive && e.toks.length === toks.length && e.toks.every((t, i) => t.text === toks[i]!.text && t.glued === toks[i]!.glued))) return;
    list.push({ toks, caseSensitive, value });
    list.sort((a, b) => b.toks.length - a.toks.length);
  }
  /**
   * Can a phrase start at a token whose asciiLowerHash is h? false only when none can (a key is the lower-case or
   * the exact first token, and both hash alike); always true for a token that is not all ASCII (h = -1). Lets the
   * scanner rule most tokens out without making their strings.
   */
  mayStart(h: number): boolean {
    if (h < 0) return true;
    // (a copy sent to a worker thread holds a plain object in its place: made again there)
    if (!(this.firstHashes instanceof HashSet)) {
      this.firstHashes = new HashSet();
      for (const k of this.byFirst.keys()) this.firstHashes.add(asciiLowerHashOf(k));
    }
    return this.firstHashes.has(h);
  }
  /** Candidates whose first token is `exact` (case-sensitive entries) or `lower` (the rest). */
  candidates(exact: string, lower: string): PhraseEntry<T>[] | undefined {
    const a = this.byFirst.get(lower);
    if (exact === lower || !this.caseSensitive) return a;
    const b = this.byFirst.get(exact);
    if (!a) return b;
    if (!b) return a;
    return [...a, ...b].sort((x, y) => y.toks.length - x.toks.length);
  }
  get size(): number {
    return this.byFirst.size;
  }
  /** The first tokens of the phrases (as keyed: lower-case unless case-sensitive). */
  firstTokens(): IterableIterator<string> {
    return this.byFirst.keys();
  }
  /** The phrases whose first token is `lower` in any case. */
  entriesStartingWith(lower: string): PhraseEntry<T>[] {
    const out: PhraseEntry<T>[] = [];
    for (const [k, list] of this.byFirst) if (k.toLowerCase() === lower) out.push(...list);
    return out;
  }
}

interface NumbersFile {
  cardinals?: Record<string, number>;
  scales?: Record<string, number>;
  fractions?: Record<string, number>;
  ordinals?: Record<string, number>;
  dozen_words?: string[];
  negative_words?: string[];
  point_words?: string[];
  scale_abbreviations?: Array<{ text: string; value: number; case?: boolean; ambiguous_with_unit?: string; strict?: boolean; money?: boolean }>;
  vague?: Array<{ words: string; low: number; high: number }>;
  qualifiers?: Array<{ words: string[]; type: QualifierType; band?: number }>;
  post_qualifiers?: Array<{ words: string[]; type: QualifierType; band?: number }>;
  range_connectors?: string[];
  change_verbs?: string[];
  name_heads?: string[];
  street_types?: string[];
  street_suffixes?: string[];
  street_name_links?: string[];
  glued_nouns?: string[];
}

interface UnitsFile {
  entries: Array<{
    name: string;
    dimension: string;
    mathjs?: string;
    words?: string[];
    symbols?: string[];
    prefix?: string[];
    prefix_words?: string[];
    bare?: boolean;
    glued?: string[];
    final?: string[];
    factor?: number;
    part_of?: { unit: string; factor: number };
    after_scale?: string;
    age_words?: string[];
    context?: { dimension: string; words: string[] };
  }>;
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
  identifier_heads_lower?: string[];
  label_heads?: string[];
  one_not_count_after?: string[];
  one_not_count_before?: string[];
  year_nouns?: string[];
  comparatives?: string[];
  level_verbs?: string[];
  score_verbs?: string[];
  unit_modifiers?: string[];
  furniture_nouns?: string[];
  irregular_plurals?: Record<string, string>;
  people_adjectives?: string[];
  postnominal_states?: string[];
  event_nouns?: string[];
  crowd_nouns?: string[];
  crowd_cues?: string[];
  rival_links?: string[];
  rest_labels?: string[];
  ing_nouns?: string[];
  generic_sources?: string[];
  capacity_nouns?: string[];
  reference_words?: string[];
  measuring_verbs?: string[];
  place_nouns?: string[];
  place_prepositions?: string[];
  figure_place_prepositions?: string[];
  area_words?: string[];
  not_places?: string[];
  anaphoric_places?: string[];
  named_areas?: string[];
  place_adjectives?: string[];
  national_words?: string[];
  quake_words?: string[];
  age_nouns?: string[];
  age_at_verbs?: string[];
  generic_heads?: string[];
  statistic_heads?: string[];
  total_nouns?: string[];
  reported_nouns?: string[];
  ratio_after?: string[];
}

interface RatesFile {
  entries: Array<{ from: string; to: string; years: Record<string, [number, number]> }>;
}

export interface LexiconSources {
  numbers: NumbersFile[];
  units: UnitsFile[];
  words: WordsFile[];
  rates: RatesFile[];
}

const MONEYLESS = new Set(['currency']);

export function compileLexicon(src: LexiconSources): Lexicon {
  const lex: Lexicon = {
    cardinals: new Map(),
    scales: new Map(),
    fractions: new Map(),
    ordinals: new Map(),
    dozenWords: new Set(),
    negativeWords: new Set(),
    pointWords: new Set(),
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
    identifierHeadsLower: new Set(),
    labelHeads: new Set(),
    oneNotCountAfter: new Set(),
    oneNotCountBefore: new Set(),
    yearNouns: new Set(),
    comparatives: new Set(),
    levelVerbs: new Set(),
    scoreVerbs: new Set(),
    unitModifiers: new Set(),
    furnitureNouns: new PhraseIndex(),
    irregularPlurals: new Map(),
    peopleAdjectives: new Set(),
    postnominalStates: new Set(),
    eventNouns: new Set(),
    crowdNouns: new Set(),
    crowdCues: new Set(),
    rivalLinks: new Set(),
    restLabels: new Set(),
    ingNouns: new Set(),
    genericSources: new Set(),
    capacityNouns: new Set(),
    referenceWords: new Set(),
    measuringVerbs: new Set(),
    placeNouns: new Set(),
    placePrepositions: new Set(),
    figurePlacePrepositions: new Set(),
    areaWords: new Set(),
    notPlaces: new Set(),
    anaphoricPlaces: new Set(),
    namedAreas: new Set(),
    placeAdjectives: new Set(),
    nationalWords: new Set(),
    quakeWords: new Set(),
    ageNouns: new Set(),
    ageAtVerbs: new Set(),
    genericHeads: new Set(),
    statisticHeads: new Set(),
    totalNouns: new Set(),
    reportedNouns: new Set(),
    ratioAfter: new Set(),
    rates: new Map(),
    nameHeads: new PhraseIndex(),
    streetTypes: new Set(),
    streetSuffixes: [],
    streetNameLinks: new Set(),
    gluedNouns: new Set(),
  };
  for (const f of src.numbers) {
    for (const [k, v] of Object.entries(f.cardinals ?? {})) lex.cardinals.set(k, v);
    for (const [k, v] of Object.entries(f.scales ?? {})) lex.scales.set(k, v);
    for (const [k, v] of Object.entries(f.fractions ?? {})) lex.fractions.set(k, v);
    for (const [k, v] of Object.entries(f.ordinals ?? {})) lex.ordinals.set(k, v);
    for (const w of f.dozen_words ?? []) lex.dozenWords.add(w);
    for (const w of f.negative_words ?? []) lex.negativeWords.add(w);
    for (const w of f.point_words ?? []) lex.pointWords.add(w);
    for (const a of f.scale_abbreviations ?? []) {
      const key = a.case ? a.text : a.text.toLowerCase();
      lex.scaleAbbrevs.set(key, { value: a.value, caseSensitive: !!a.case, ambiguousWithUnit: a.ambiguous_with_unit ?? null, strict: !!a.strict, money: !!a.money });
    }
    for (const v of f.vague ?? []) lex.vague.add(v.words, { low: v.low, high: v.high });
    for (const q of f.qualifiers ?? []) for (const w of q.words) lex.qualifiers.add(w, { type: q.type, band: q.band ?? 0 });
    for (const q of f.post_qualifiers ?? []) for (const w of q.words) lex.postQualifiers.add(w, { type: q.type, band: q.band ?? 0 });
    for (const r of f.range_connectors ?? []) lex.rangeConnectors.add(r.toLowerCase());
    for (const v of f.change_verbs ?? []) lex.changeVerbs.add(v);
    for (const w of f.name_heads ?? []) lex.nameHeads.add(w, true);
    for (const w of f.street_types ?? []) lex.streetTypes.add(w);
    for (const w of f.street_suffixes ?? []) if (!lex.streetSuffixes.includes(w)) lex.streetSuffixes.push(w);
    for (const w of f.street_name_links ?? []) lex.streetNameLinks.add(w);
    for (const w of f.glued_nouns ?? []) lex.gluedNouns.add(w);
  }
  for (const f of src.units) {
    for (const e of f.entries) {
      // entries of one name (a unit and its scaled spellings: USD and MUSD) share one definition
      const known = lex.unitsByName.get(e.name);
      const def: UnitDef = known && known.dimension === e.dimension ? known : unitDef(e.name, e.dimension, MONEYLESS.has(e.dimension) ? null : e.mathjs ?? e.name);
      if (e.part_of) def.partOf = { unit: e.part_of.unit, factor: e.part_of.factor };
      if (e.after_scale) def.afterScale = e.after_scale;
      if (e.context) def.context = { def: unitDef(e.name, e.context.dimension, null), words: new Set(e.context.words.map((w) => w.toLowerCase())) };
      lex.unitsByName.set(e.name, def);
      const bare = e.bare !== false;
      const glued = new Set(e.glued ?? []);
      const final = new Set(e.final ?? []);
      const factor = e.factor !== undefined && e.factor !== 1 ? e.factor : undefined;
      // (every field present, as for unitDef)
      for (const w of e.words ?? []) lex.units.add(w, { unit: def, bare: true, final: undefined, factor, age: undefined }, false);
      for (const w of e.age_words ?? []) lex.units.add(w, { unit: def, bare: true, final: undefined, factor: undefined, age: true }, false);
      for (const s of e.symbols ?? []) lex.units.add(s, { unit: def, bare: bare && !glued.has(s), final: final.has(s) ? true : undefined, factor, age: undefined }, true);
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
    fill(lex.identifierHeadsLower, f.identifier_heads_lower);
    fill(lex.labelHeads, f.label_heads);
    fill(lex.oneNotCountAfter, f.one_not_count_after);
    fill(lex.oneNotCountBefore, f.one_not_count_before);
    fill(lex.yearNouns, f.year_nouns);
    fill(lex.comparatives, f.comparatives);
    fill(lex.levelVerbs, f.level_verbs);
    fill(lex.scoreVerbs, f.score_verbs);
    fill(lex.unitModifiers, f.unit_modifiers);
    fill(lex.peopleAdjectives, f.people_adjectives);
    fill(lex.postnominalStates, f.postnominal_states);
    fill(lex.eventNouns, f.event_nouns);
    fill(lex.crowdNouns, f.crowd_nouns);
    fill(lex.crowdCues, f.crowd_cues);
    fill(lex.rivalLinks, f.rival_links);
    fill(lex.restLabels, f.rest_labels);
    fill(lex.ingNouns, f.ing_nouns);
    fill(lex.genericSources, f.generic_sources);
    fill(lex.capacityNouns, f.capacity_nouns);
    fill(lex.referenceWords, f.reference_words);
    fill(lex.measuringVerbs, f.measuring_verbs);
    fill(lex.placeNouns, f.place_nouns);
    fill(lex.placePrepositions, f.place_prepositions);
    fill(lex.figurePlacePrepositions, f.figure_place_prepositions);
    fill(lex.areaWords, f.area_words);
    fill(lex.notPlaces, f.not_places);
    fill(lex.anaphoricPlaces, f.anaphoric_places);
    fill(lex.namedAreas, f.named_areas);
    fill(lex.placeAdjectives, f.place_adjectives);
    fill(lex.nationalWords, f.national_words);
    fill(lex.quakeWords, f.quake_words);
    fill(lex.ageNouns, f.age_nouns);
    fill(lex.ageAtVerbs, f.age_at_verbs);
    fill(lex.genericHeads, f.generic_heads);
    fill(lex.statisticHeads, f.statistic_heads);
    fill(lex.totalNouns, f.total_nouns);
    fill(lex.reportedNouns, f.reported_nouns);
    fill(lex.ratioAfter, f.ratio_after);
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
  for (const f of src.rates) {
    for (const e of f.entries) {
      const key = `${e.from}/${e.to}`;
      let m = lex.rates.get(key);
      if (!m) lex.rates.set(key, (m = new Map()));
      for (const [y, band] of Object.entries(e.years)) m.set(Number(y), [Math.min(band[0], band[1]), Math.max(band[0], band[1])]);
    }
  }
  lex.sources = src;
  return lex;
}

// "4.2 drals to the dollar", "9.8 tessars per US dollar": an exchange rate names a currency
const RATE_TO = /\b\d+(?:\.\d+)?\s+([a-z]{3,20})\s+(?:to|per|for)\s+(?:the\s+|one\s+|a\s+|each\s+)?(?:us\s+|u\.s\.\s+)?(?:dollar|euro|pound|yen)\b/gi;
// "6.9 billion drals ($1.9 billion)", "2.4bn dorins (about $41m)": an amount converted into money (twice, to tell it
// from "3 million tickets ($45m)")
// ("2.4 billion crowns, or $320m": the same with ", or")
const CONVERTED = /(?:(?<![A-Za-z])(?:billion|million|trillion|thousand|bn|mn)|(?<=\d)m)\s+([a-z]{3,20})(?:\s*\(\s*|,\s+or\s+)(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?(?:us)?[$€£]/gi;
// "($1 = 6.90 drals)", "€1 = 7.50 Ardic drals": a rate note names a currency (after an adjective of a country, if any)
const RATE_NOTE = /(?:US)?[$€£]\s?1(?:\.0{1,2})?\s*=\s*\d+(?:[.,]\d+)?\s+(?:[A-Z][a-z]+\s+)?([a-z]{3,20})\b/g;
// "142 lumens a share": a share price is money
const SHARE_PRICE = /\b\d+(?:\.\d+)?\s+([a-z]{3,20})\s+(?:a|per|each)\s+share\b/gi;
// "Amounts in Ardic lumens (LMN)": a currency named with its code, the code then used before amounts ("LMN 12.84 billion")
const DEFINED = /\b([A-Za-z]{3,20})\s+\(([A-Z]{3})\)/g;
/** A word the lexicon already reads (a unit, singular or plural; a scale; a number word): no invented currency. */
function knownWord(lex: Lexicon, w: string): boolean {
  const stem = w.replace(/s$/, '');
  return !!lex.units.candidates(w, w) || !!lex.units.candidates(stem, stem) || lex.scales.has(w) || lex.cardinals.has(w);
}

/**
 * The currency the lexicon reads a word as when it reads the word only as money, on its own ("florins": NLG), else
 * null: a text may name its own currency so.
 */
export function moneyCodeOf(lex: Lexicon, w: string): string | null {
  const stem = w.replace(/s$/, '');
  const cands = [...(lex.units.candidates(w, w) ?? []), ...(lex.units.candidates(stem, stem) ?? [])].filter((e) => e.toks.length === 1);
  if (cands.length === 0 || !cands.every((e) => e.value.unit.dimension === 'currency') || lex.scales.has(w) || lex.cardinals.has(w)) return null;
  return cands[0]!.value.unit.name;
}
const moneyWord = (lex: Lexicon, w: string): boolean => moneyCodeOf(lex, w) !== null;

/** The code an invented currency's stem takes when the text does not state one: "drals" → DRA. */
export const derivedCurrencyCode = (stem: string): string => stem.slice(0, 3).toUpperCase();

/**
 * Currencies a text names with their code ("Amounts in Ardic lumens (LMN)"): singular stem → code. The code must
 * stand before an amount somewhere ("LMN 12.84"), or the word after one ("2.36 billion lumens"). A code quoted in an
 * exchange-rate pair ("MRL/USD 0.3124") names a currency the text counts in when it abbreviates the word's letters in
 * order ("marels": MRL) and the text shows that word to be money (an exchange rate, a share price, a conversion).
 */
export function definedCurrencies(text: string, lex: Lexicon): Map<string, string> {
  const out = new Map<string, string>();
  if (/\([A-Z]{3}\)/.test(text)) {
    for (const m of text.matchAll(DEFINED)) {
      const w = m[1]!.toLowerCase();
      const code = m[2]!;
      const stem = w.replace(/s$/, '');
      // (a money word with a code the lexicon does not know is the text's own currency: "Anskari florins (ANF)")
      if (out.has(stem) || (knownWord(lex, w) && !moneyWord(lex, w)) || lex.units.candidates(code, code) || lex.prefixes.candidates(code, code.toLowerCase())) continue;
      if (!new RegExp(`\\b${code} ?\\d`).test(text) && !new RegExp(`\\d(?:\\s+(?:billion|million|thousand|bn|m))?\\s+${w}\\b`, 'i').test(text)) continue;
      out.set(stem, code);
    }
  }
  const codes: string[] = [];
  for (const m of text.matchAll(PAIR_CODE)) {
    const code = (m[1] ?? m[2])!;
    if (!codes.includes(code) && !lex.units.candidates(code, code) && !lex.prefixes.candidates(code, code.toLowerCase())) codes.push(code);
  }
  if (codes.length) {
    for (const stem of evidencedCurrencies(text, lex)) {
      if (out.has(stem)) continue;
      const code = codes.find((c) => abbreviates(c, stem));
      if (code) out.set(stem, code);
    }
  }
  return out;
}

// "(Fl is the Anskari florin)", "Dr stands for the Velmish drala": a short symbol the text defines for its currency
const SYMBOL_IS = /(?<![\w.])([A-Z][A-Za-z]{0,2})\s+(?:is|stands for|denotes|means)\s+the\s+([A-Z][a-z]+)\s+([a-z]{3,20})\b/g;

/**
 * Symbols a text defines for a currency it names with a proper adjective ("Fl is the Anskari florin"): singular
 * stem → symbols. The word must be money already (the lexicon's, or one the text defines or shows to be money), the
 * symbol no unit or prefix the lexicon knows, and it must stand glued or spaced before a figure somewhere ("Fl38.46bn").
 */
export function currencySymbols(text: string, lex: Lexicon, money: (stem: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!/ (?:is|stands for|denotes|means) the [A-Z]/.test(text)) return out;
  for (const m of text.matchAll(SYMBOL_IS)) {
    const [, sym, adj, word] = m as unknown as [string, string, string, string];
    const stem = word.replace(/s$/, '');
    if (!(moneyWord(lex, word) || money(stem)) || lex.units.candidates(sym, sym.toLowerCase()) || lex.prefixes.candidates(sym, sym.toLowerCase())) continue;
    if (lex.units.candidates(adj.toLowerCase(), adj.toLowerCase())) continue;
    if (!new RegExp(`(?<![\\w.])${sym} ?\\d`).test(text)) continue;
    const list = out.get(stem) ?? [];
    if (!list.includes(sym)) list.push(sym);
    out.set(stem, list);
  }
  return out;
}

/** A rate pair with a code the lexicon may not know: "MRL/USD", "USD/MRL". */
const PAIR_CODE = /\b([A-Z]{3})\/(?:USD|EUR|GBP|JPY|CHF|CNY)\b|\b(?:USD|EUR|GBP)\/([A-Z]{3})\b/g;

/** Does a three-letter code abbreviate a word: its first letter, then the others in order ("MRL" of "marel")? */
function abbreviates(code: string, stem: string): boolean {
  const w = stem.toUpperCase();
  if (w[0] !== code[0]) return false;
  let k = 1;
  for (let i = 1; i < w.length && k < code.length; i++) if (w[i] === code[k]) k++;
  return k === code.length;
}

/**
 * Words a text shows to be money it does not otherwise know (singular stems, in order of first evidence): named in
 * an exchange rate ("4.2 drals to the dollar"), priced per share ("142 lumens a share"), or converted into dollars
 * twice ("6.9 billion drals ($1.9 billion)").
 */
function evidencedCurrencies(text: string, lex: Lexicon): string[] {
  const found: string[] = [];
  const add = (w: string) => {
    const stem = w.replace(/s$/, '');
    if (!found.includes(stem)) found.push(stem);
  };
  for (const m of text.matchAll(RATE_TO)) {
    const w = m[1]!.toLowerCase();
    if (!knownWord(lex, w)) add(w);
  }
  if (text.includes('=')) {
    for (const m of text.matchAll(RATE_NOTE)) {
      const w = m[1]!.toLowerCase();
      if (!knownWord(lex, w)) add(w);
    }
  }
  for (const m of text.matchAll(SHARE_PRICE)) {
    const w = m[1]!.toLowerCase();
    if (!knownWord(lex, w)) add(w);
  }
  for (const [w, n] of convertedWords(text, lex)) if (n >= 2) add(w);
  return found;
}

/** Words an amount is converted into money from (CONVERTED), with how often the text does so, in order of first use. */
function convertedWords(text: string, lex: Lexicon): Map<string, number> {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(CONVERTED)) {
    const w = m[1]!.toLowerCase();
    if (knownWord(lex, w)) continue;
    seen.set(w, (seen.get(w) ?? 0) + 1);
  }
  return seen;
}

/**
 * Stems that one text converts into money only once ("2.9 billion crowns ($390m)"): not money on that text's word
 * alone, but a batch whose documents do so twice between them shows the word to be money (see
 * collectDefinedCurrencies).
 */
export function convertedOnce(text: string, lex: Lexicon): string[] {
  if (!mayNameCurrency(text)) return [];
  return [...convertedWords(text, lex)].filter(([, n]) => n === 1).map(([w]) => w.replace(/s$/, ''));
}

/**
 * The currencies a text shows to be money without a code (see evidencedCurrencies): singular stem → the code derived
 * from it ("drals" → DRA), in order of first evidence; empty when the text can name none.
 */
export function evidencedDocumentCurrencies(text: string, lex: Lexicon): Map<string, string> {
  const out = new Map<string, string>();
  if (!mayNameCurrency(text)) return out;
  for (const stem of evidencedCurrencies(text, lex)) out.set(stem, derivedCurrencyCode(stem));
  return out;
}

/**
 * Can the text name a currency of its own (see withDocumentCurrencies)? Most texts name none, and each pattern run over
 * a whole text costs more than finding the characters its matches need: "(" and ")" around three capitals, a symbol,
 * a "/" between three capitals each side, " the " after "is", "stands for", "denotes" or "means" and before a capital.
 */
function mayNameCurrency(text: string): boolean {
  if (/ (?:to|per|for) (?:the |one |a |each )?(?:us |u\.s\. )?(?:dollar|euro|pound|yen)\b/i.test(text)) return true;
  if ((text.includes('$') || text.includes('€') || text.includes('£')) && /(?:\(|, or)\s*(?:\w+\s+)?(?:us)?[$€£]/i.test(text)) return true;
  if (/ (?:a|per|each) share\b/i.test(text)) return true;
  if (text.includes('=') && /[$€£]\s?1(?:\.0{1,2})?\s*=/.test(text)) return true;
  // /\([A-Z]{3}\)/
  for (let p = text.indexOf('('); p >= 0; p = text.indexOf('(', p + 1)) {
    if (text.charCodeAt(p + 4) === 41 && upperAscii(text.charCodeAt(p + 1)) && upperAscii(text.charCodeAt(p + 2)) && upperAscii(text.charCodeAt(p + 3))) return true;
  }
  // /\b[A-Z]{3}\/[A-Z]{3}\b/
  for (let p = text.indexOf('/'); p >= 0; p = text.indexOf('/', p + 1)) {
    if (upperAscii(text.charCodeAt(p - 3)) && upperAscii(text.charCodeAt(p - 2)) && upperAscii(text.charCodeAt(p - 1)) && !wordChar(text.charCodeAt(p - 4))) {
      if (upperAscii(text.charCodeAt(p + 1)) && upperAscii(text.charCodeAt(p + 2)) && upperAscii(text.charCodeAt(p + 3)) && !wordChar(text.charCodeAt(p + 4))) return true;
    }
  }
  // / (?:is|stands for|denotes|means) the [A-Z]/
  for (let p = text.indexOf(' the '); p >= 0; p = text.indexOf(' the ', p + 1)) {
    if (upperAscii(text.charCodeAt(p + 5)) && (text.endsWith(' is', p) || text.endsWith(' stands for', p) || text.endsWith(' denotes', p) || text.endsWith(' means', p))) return true;
  }
  return false;
}

function upperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** A character of \w (NaN, outside the text, is none). */
function wordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const docLexicons = new WeakMap<Lexicon, Map<string, Lexicon>>();

/**
 * A currency the lexicon does not know but the document does: named in an exchange rate ("4.2 drals to the dollar"),
 * converted into dollars twice ("6.9 billion drals ($1.9 billion)"), priced per share ("142 lumens a share"), or
 * named with a code that then prefixes amounts ("Ardic lumens (LMN)" … "LMN 12.84 billion"). The lexicon with it
 * added as money (code: the stated one, else its first three letters), or `lex` itself when the text names none.
 * `batch`: currencies other documents read with this one name (singular stem → code), added too.
 */
export function withDocumentCurrencies(text: string, lex: Lexicon, batch?: ReadonlyMap<string, string>): Lexicon {
  if (!lex.sources || (!batch?.size && !mayNameCurrency(text))) return lex;
  const found = new Map<string, string>();
  const own = mayNameCurrency(text);
  if (own) for (const stem of evidencedCurrencies(text, lex)) found.set(stem, derivedCurrencyCode(stem));
  const add = (w: string, code: string) => found.set(w.replace(/s$/, ''), code);
  if (own) for (const [w, code] of definedCurrencies(text, lex)) add(w, code);
  // (the money other documents of the batch name, under the code they give it)
  for (const [stem, code] of batch ?? []) if (!found.has(stem) || found.get(stem) === derivedCurrencyCode(stem)) found.set(stem, code);
  const symbols = currencySymbols(text, lex, (stem) => found.has(stem));
  // (a money word the lexicon knows, given a symbol of the text's own: "Fl is the Anskari florin" is no Dutch florin)
  for (const stem of symbols.keys()) if (!found.has(stem)) found.set(stem, derivedCurrencyCode(stem));
  if (!found.size) return lex;
  const list = [...found].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const key = list.map(([w, c]) => `${w}=${c}${symbols.has(w) ? `:${symbols.get(w)!.join(',')}` : ''}`).join('|');
  let cache = docLexicons.get(lex);
  if (!cache) docLexicons.set(lex, (cache = new Map()));
  let out = cache.get(key);
  if (!out) {
    const entries = list.map(([w, code]) => ({ name: code, dimension: 'currency', words: [w, `${w}s`], symbols: [code], prefix: [code, ...(symbols.get(w) ?? [])] }));
    // the text's own currency takes its words from the lexicon's ("florins" is no longer NLG here)
    const taken = new Set(list.flatMap(([w]) => [w, `${w}s`]));
    const units = lex.sources.units.map((f) => ({
      ...f,
      entries: f.entries.map((e) => (e.dimension === 'currency' && e.words?.some((w) => taken.has(w)) ? { ...e, words: e.words.filter((w) => !taken.has(w)) } : e)),
    }));
    out = compileLexicon({ ...lex.sources, units: [...units, { entries }] });
    cache.set(key, out);
  }
  return out;
}

/**
 * The band of plausible values of one `from` in `to` in a year: direct, inverted, or through USD; null when the
 * pair is unknown. An unlisted year falls back to the widest band listed.
 */
export function rateBand(lex: Lexicon, from: string, to: string, year: number | null): [number, number] | null {
  const direct = (a: string, b: string): [number, number] | null => {
    const m = lex.rates.get(`${a}/${b}`);
    if (m) {
      const hit = year !== null ? m.get(year) : undefined;
      if (hit) return hit;
      let lo = Infinity;
      let hi = -Infinity;
      for (const [l, h] of m.values()) {
        lo = Math.min(lo, l);
        hi = Math.max(hi, h);
      }
      return [lo, hi];
    }
    const inv = lex.rates.get(`${b}/${a}`);
    if (inv) {
      const r = direct(b, a)!;
      return [1 / r[1], 1 / r[0]];
    }
    return null;
  };
  if (from === to) return [1, 1];
  const d = direct(from, to);
  if (d) return d;
  const a = direct(from, 'USD');
  const b = direct('USD', to);
  return a && b ? [a[0] * b[0], a[1] * b[1]] : null;
}

let builtin: LexiconSources | null = null;

/** The built-in lexicon files (trusted: validated by the test suite, not at run time). */
export function builtinSources(): LexiconSources {
  if (builtin) return builtin;
  const dir = rulesPath('lexicon');
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const src: LexiconSources = { numbers: [], units: [], words: [], rates: [] };
  for (const f of files) {
    const data = loadTrusted<{ lexicon?: string }>(`${dir}/${f}`);
    if (data.lexicon === 'numbers') src.numbers.push(data as NumbersFile);
    else if (data.lexicon === 'units') src.units.push(data as UnitsFile);
    else if (data.lexicon === 'words') src.words.push(data as WordsFile);
    else if (data.lexicon === 'rates') src.rates.push(data as RatesFile);
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
  const src: LexiconSources = { numbers: [...base.numbers], units: [...base.units], words: [...base.words], rates: [...base.rates] };
  for (const e of extra) {
    if (e.name === 'numbers') src.numbers.push(e.data as NumbersFile);
    else if (e.name === 'units') src.units.push(e.data as UnitsFile);
    else if (e.name === 'words') src.words.push(e.data as WordsFile);
    else if (e.name === 'rates') src.rates.push(e.data as RatesFile);
  }
  return compileLexicon(src);
}
