/**
 * What makes two claims "the same fact": a canonical key for what is counted (noun lemma through the synonym
 * lexicon), for the event (event lemma through the event synonyms), the modifiers that narrow it ("Russian",
 * "civilian"), the unit family, and the claim's interval in a base unit (read at the written precision too).
 */
import type { ClaimContext } from '../context/index.js';
import { nounLemma, verbLemma } from '../extract/measure.js';
import type { Lexicon } from '../lexicon/index.js';
import { escapeRe } from '../util/regex.js';

export interface Synonyms {
  /** word or phrase (lemmatised) → canonical counted thing */
  noun: Map<string, string>;
  /** event word → canonical event */
  event: Map<string, string>;
  /** canonical events whose set names people (killed, evacuees, marchers): a bare count of them counts people */
  peopleEvents: Set<string>;
  /** a state phrase (its first word a verb lemma: "lose power", "without power") → its state and what it counts */
  states: States;
}

/** A set of phrases that put counted things in one state ("without power", "in the dark"), from the synonyms lexicon. */
export interface StateSet {
  /** the canonical state, compared as an event */
  state: string;
  /** the canonical nouns counted alike in that state (customers, homes, households) */
  counts: Set<string>;
  /** the one they are counted as: the first of `counts` */
  noun: string;
  /** every word of the state's phrases ("power", "dark"): a count that names one of them counts `noun` */
  words: Set<string>;
}

/** The states of the synonyms lexicon, by phrase key (statePhrase); `ends` holds the last word of every phrase of two
 * words or more, so a window of a figure's clause is only looked up when it could be one. */
interface States {
  byPhrase: Map<string, StateSet>;
  ends: Set<string>;
  singles: boolean;
}

export function buildSynonyms(sets: { measures: string[][]; events: string[][]; states?: { states: string[]; counts: string[] }[] }, lex: Lexicon): Synonyms {
  const noun = new Map<string, string>();
  const event = new Map<string, string>();
  for (const set of sets.measures) {
    const canon = lemmaPhrase(set[0]!, lex);
    for (const w of set) noun.set(lemmaPhrase(w, lex), canon);
  }
  const peopleEvents = new Set<string>();
  const peopleWords = new Set([...lex.peopleAdjectives, ...lex.eventNouns]);
  for (const set of sets.events) {
    const canon = eventLemma(set[0]!, lex);
    for (const w of set) {
      event.set(w.toLowerCase(), canon);
      event.set(eventLemma(w, lex), canon);
      event.set(lemmaPhrase(w, lex), canon);
      if (peopleWords.has(w.toLowerCase()) || /(?:ee|er|or|ant)$/.test(w) && !/\s/.test(w)) peopleEvents.add(canon);
    }
  }
  const states: States = { byPhrase: new Map(), ends: new Set(), singles: false };
  for (const set of sets.states ?? []) {
    const counts = new Set(set.counts.map((w) => noun.get(lemmaPhrase(w, lex)) ?? lemmaPhrase(w, lex)));
    const st: StateSet = { state: set.states[0]!, counts, noun: [...counts][0]!, words: new Set(set.states.flatMap((p) => p.split(' ')).filter((w) => w.length > 3)) };
    for (const p of set.states) {
      const words = p.split(' ');
      states.byPhrase.set(statePhrase(words, lex), st);
      if (words.length > 1) states.ends.add(words[words.length - 1]!.toLowerCase());
      else states.singles = true;
    }
  }
  return { noun, event, peopleEvents, states };
}

/** A state phrase's key: its words lower-cased, the first read as a verb ("lost power" → "lose power"). */
function statePhrase(words: string[], lex: Lexicon): string {
  const first = words[0]!.toLowerCase();
  return [verbLemma(lex, first) ?? first, ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
}

/** A state phrase of the lexicon told in the clause of a figure, in the eight words after it ("184,000 customers were
 * without power", "left 95,000 homes in the dark", "42,000 households lost power") or the six before it ("cutting
 * power to 410,000 customers", "the number of customers without power hit 342,600"); not past a stop or another
 * number. Linear scans of short windows. */
function stateAfter(c: ClaimContext, syn: Synonyms, lex: Lexicon): StateSet | null {
  const states = syn.states;
  if (!states.byPhrase.size) return null;
  const at = c.start - c.sentenceStart;
  const after = clauseWords(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 70), 8, false);
  const before = clauseWords(c.sentence.slice(Math.max(0, at - 60), at), 6, true);
  for (const words of [after, before]) {
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(4, words.length - i); n >= 1; n--) {
        if (n > 1 ? !states.ends.has(words[i + n - 1]!.toLowerCase()) : !states.singles) continue;
        const st = states.byPhrase.get(statePhrase(words.slice(i, i + n), lex));
        if (st) return st;
      }
    }
  }
  return null;
}

/** Up to `max` words of a figure's clause, read away from it (backwards when `back`), in text order; stops at a stop,
 * a bracket or a digit. */
function clauseWords(s: string, max: number, back: boolean): string[] {
  const words: string[] = [];
  let w = '';
  const n = s.length;
  for (let k = 0; k <= n && words.length < max; k++) {
    const i = back ? n - 1 - k : k;
    const ch = k < n ? s[i]! : ' ';
    if (/[\p{L}'-]/u.test(ch)) w = back ? ch + w : w + ch;
    else {
      if (w) words.push(w), (w = '');
      if (/[0-9.;:!?()]/.test(ch)) break;
    }
  }
  return back ? words.reverse() : words;
}

/** Lemmatise the last word of a phrase: "populated places" → "populated place". */
const LEMMA_CACHE = new WeakMap<Lexicon, Map<string, string>>();
export function lemmaPhrase(p: string, lex: Lexicon): string {
  let cache = LEMMA_CACHE.get(lex);
  if (!cache) LEMMA_CACHE.set(lex, (cache = new Map()));
  let r = cache.get(p);
  if (r !== undefined) return r;
  const words = p.toLowerCase().trim().split(/\s+/);
  const last = words.pop() ?? '';
  words.push(nounLemma(lex, last));
  r = words.join(' ');
  if (cache.size > 200000) cache.clear();
  cache.set(p, r);
  return r;
}

export function eventLemma(w: string, lex: Lexicon): string {
  const x = w.toLowerCase().trim();
  if (x.includes(' ')) return x;
  return verbLemma(lex, x) ?? x;
}


const LIVES_LOST = new Set(['claim', 'cost', 'lose', 'take']);
const LIVES_LOST_BEFORE = /\b(?:claim(?:s|ed|ing)?|cost(?:s|ing)?|lost|lose|loses|losing|took|taken|takes|taking)\s+(?:(?:at least|more than|about|some|nearly|almost|over)\s+)?$/i;
const FINDING = new Set(['recover', 'find', 'pull', 'retrieve', 'identify', 'discover', 'locate', 'unearth', 'exhume', 'bring out']);

/** The words after a figure's verb that may complete it as one event ("took to the streets", "turned out"). */
const VERB_PARTICLE = /^[^.;:!?]{0,40}?\b(?:took|takes?|taken|taking|turn(?:s|ed|ing)?|show(?:s|ed|ing)?)\s+((?:to\s+(?:the\s+)?streets?)|out|up|part)\b/i;

/** Words that modify a counted noun without changing what is counted. */
const IGNORED_MODS = new Set(['annual', 'quarterly', 'yearly', 'monthly', 'weekly', 'daily', 'full-year', 'half-year', 'year', 'first-half', 'second-half',
  'new', 'more', 'additional', 'further', 'extra', 'other', 'total', 'estimated', 'confirmed', 'reported', 'official', 'some', 'many',
  'several', 'about', 'around', 'nearly', 'almost', 'least', 'fewer', 'less', 'overall', 'combined', 'known', 'registered', 'recorded',
  'identified', 'expected', 'possible', 'likely', 'full', 'final', 'latest', 'updated', 'preliminary', 'provisional', 'current', 'previous',
  'up', 'only', 'just', 'all', 'whole', 'entire', 'local', 'various', 'different', 'separate', 'individual', 'single', 'people', 'person',
]);

/** Nouns that name people in general; their figures must agree on the event to be the same fact. */
const PEOPLE = new Set(['person', 'people', 'individual', 'resident', 'inhabitant', 'civilian', 'man', 'woman', 'child', 'adult', 'citizen', 'victim']);

export interface ClaimKey {
  /** canonical noun; null when the figure names no counted thing */
  noun: string | null;
  /** canonical event; null when none */
  event: string | null;
  /** the event is a state of the synonyms lexicon ("without power"): a count that rises and falls within a report */
  state: boolean;
  mods: string[];
  /** unit family used to compare values: "count", "USD", "length", "duration", "rate:count/day", "percent" */
  family: string;
  /** the noun is a generic people noun */
  people: boolean;
  /** interval in the family's base unit */
  lo: number;
  hi: number;
  /** interval widened by the precision the figure was written with */
  wlo: number;
  whi: number;
  /** point value in base units */
  v: number;
  /** the duration is a reference to elapsed time ("15 months ago", "since …", "after a month of fighting") */
  elapsed: boolean;
  /** predicate stems of the sentence (verbs other than speech and light verbs), worked out on the first call */
  preds: () => Set<string>;
  /** every predicate of the sentence only tells how a figure was counted ("the police counted 14,100 and the union
   * 24,000"; none at all: "the union's 31,000 is twice the police's 12,800"), worked out on the first call */
  countedOnly: () => boolean;
  /** the holder's phrase with known synonyms replaced by their canonical form ("net income" → "net profit") */
  holder: string | null;
  /** a superlative modifies the counted thing ("the four largest cities"): a ranked few, not all of them */
  ranked?: boolean;
}

/** The indices of `keys` grouped by unit family, each group in key order, the groups in order of first appearance. */
export function indicesByFamily(keys: ClaimKey[]): Map<string, number[]> {
  const by = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const l = by.get(k.family);
    if (l) l.push(i);
    else by.set(k.family, [i]);
  });
  return by;
}

const NOT_PREDICATES = new Set(['say', 'tell', 'report', 'add', 'accord', 'announce', 'state', 'note', 'explain', 'warn', 'confirm', 'estimate', 'measure', 'record', 'register', 'expect', 'sustain', 'base', 'locate', 'centre', 'center', 'call', 'name', 'know', 'include', 'follow', 'quote', 'cite', 'give', 'put', 'be', 'have', 'do', 'get']);

/** Predicate stems of a sentence: regular -ed/-ing forms and irregular verb forms, minus speech and light verbs. */
const PREDICATES = new WeakMap<Lexicon, Map<string, Set<string>>>();
function predicates(sentence: string, lex: Lexicon): Set<string> {
  let cache = PREDICATES.get(lex);
  if (!cache) PREDICATES.set(lex, (cache = new Map()));
  let hit = cache.get(sentence);
  if (hit) return hit;
  hit = predicatesOf(sentence, lex);
  if (cache.size > 50000) cache.clear();
  cache.set(sentence, hit);
  return hit;
}

function predicatesOf(sentence: string, lex: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const w of sentence.toLowerCase().split(/[^a-z]+/)) {
    if (w.length < 3 || lex.auxiliaries.has(w)) continue;
    let lemma: string | null = lex.verbForms.get(w) ?? null;
    if (!lemma && w.length >= 5 && (w.endsWith('ed') || w.endsWith('ing'))) lemma = verbLemma(lex, w);
    if (!lemma || NOT_PREDICATES.has(lemma)) continue;
    const stem = lemma.replace(/e$/, '');
    out.add(stem);
    // ("fell … to 941 hPa" and "plunged to 914 millibars": one fall, told by two verbs of its direction)
    const dir = DIRECTION[stem];
    if (dir) out.add(dir);
  }
  // ("the eye crossed the coast at 3.40 a.m. with a central pressure of 948 hPa" and "came ashore before dawn with …
  // 938 millibars": one moment, landfall, told by different verbs)
  if (LANDFALL.test(sentence)) out.add('(landfall)');
  return out;
}

/** A storm reaching land, however it is told. */
const LANDFALL = /\blandfall\b|\b(?:came|comes|coming|come|moved|moves|swept|sweeps|slammed|slams|crashed|crashes|roared|barrell?ed|stormed)\s+ashore\b|\b(?:crossed|crosses|crossing|cross|hit|hits|hitting|struck|strikes|striking)\s+(?:the\s+)?(?:coast|coastline|land)\b/i;

/** Verbs of a change by their direction (stems as predicatesOf makes them). */
const DIRECTION: Record<string, string> = Object.fromEntries([
  ...['fall', 'fell', 'drop', 'plung', 'plummet', 'sink', 'sank', 'dip', 'declin', 'decreas', 'slump', 'tumbl', 'slid', 'slip', 'dive', 'div', 'nosediv', 'shrink', 'shrank'].map((w) => [w, '(down)']),
  ...['ris', 'rose', 'climb', 'soar', 'surg', 'jump', 'increas', 'rocket', 'skyrocket', 'leap', 'leapt', 'spik', 'grow', 'grew', 'swell'].map((w) => [w, '(up)']),
]);

const LENGTH_M: Record<string, number> = { km: 1000, m: 1, cm: 0.01, mm: 0.001, mi: 1609.344, ft: 0.3048, in: 0.0254, yd: 0.9144, nmi: 1852 };
const AREA_M2: Record<string, number> = { km2: 1e6, m2: 1, mi2: 2589988.110336, ft2: 0.09290304, hectare: 1e4, acre: 4046.8564224 };
const MASS_KG: Record<string, number> = { kg: 1, g: 0.001, mg: 1e-6, tonne: 1000, ton: 907.18474, lb: 0.45359237, oz: 0.028349523125 };
const SPEED_MS: Record<string, number> = { 'km/h': 1 / 3.6, mph: 0.44704, 'm/s': 1, knot: 0.514444 };
const DURATION_D: Record<string, number> = { second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30.436875, quarter: 91.310625, year: 365.2425, decade: 3652.425, century: 36524.25 };
const VOLUME_L: Record<string, number> = { l: 1, ml: 0.001, gal: 3.785411784, barrel: 158.987294928, m3: 1000 };
const PRESSURE_PA: Record<string, number> = { Pa: 1, hPa: 100, kPa: 1000, MPa: 1e6, inHg: 3386.389, mmHg: 133.322387415, psi: 6894.757293168 };

/** Factor to the base unit of the unit's dimension, or null when the unit is its own family. */
export function baseFactor(unit: string): { family: string; factor: number } | null {
  if (unit in LENGTH_M) return { family: 'length', factor: LENGTH_M[unit]! };
  if (unit in AREA_M2) return { family: 'area', factor: AREA_M2[unit]! };
  if (unit in MASS_KG) return { family: 'mass', factor: MASS_KG[unit]! };
  if (unit in SPEED_MS) return { family: 'speed', factor: SPEED_MS[unit]! };
  if (unit in DURATION_D) return { family: 'duration', factor: DURATION_D[unit]! };
  if (unit in VOLUME_L) return { family: 'volume', factor: VOLUME_L[unit]! };
  if (unit in PRESSURE_PA) return { family: 'pressure', factor: PRESSURE_PA[unit]! };
  return null;
}

function toBase(x: number, unit: string): number {
  if (unit === 'degF') return ((x - 32) * 5) / 9;
  const b = baseFactor(unit);
  return b ? x * b.factor : x;
}

function familyOf(c: ClaimContext): string {
  if (c.unit === 'degC' || c.unit === 'degF') return 'temperature';
  const b = baseFactor(c.unit);
  if (b) return b.family;
  if (c.dimension === 'rate') return `rate:${c.unit}`;
  // money per something ("€122 million per kilometre", "$1.50 a share") is a price, never a sum
  if (c.dimension === 'currency' && c.per) return `${c.unit}/${c.per}`;
  return c.unit;
}

const ELAPSED_AFTER = new Set(['ago', 'earlier', 'before', 'later', 'after', 'since', 'on', 'into', 'old', 'running']);
const ELAPSED_BEFORE = new Set(['since', 'for', 'after', 'past', 'last', 'nearly', 'almost', 'over', 'than', 'about']);

function isElapsed(c: ClaimContext): boolean {
  if (c.dimension !== 'duration') return false;
  const after = c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 24).toLowerCase();
  const nextWord = /^[\s,]*([a-z]+)/.exec(after)?.[1] ?? '';
  if (ELAPSED_AFTER.has(nextWord)) return true;
  if (/^\s+of\s+(?:fighting|war|conflict|combat|occupation|siege|talks|negotiations|protests?|unrest|lockdown|the\s+war)/.test(after)) return true;
  const before = c.sentence.slice(Math.max(0, c.start - c.sentenceStart - 24), c.start - c.sentenceStart).toLowerCase();
  const prevWord = /([a-z]+)[\s,]*$/.exec(before)?.[1] ?? '';
  return ELAPSED_BEFORE.has(prevWord) && /(?:since|for|after|past|last)\s+(?:nearly\s+|almost\s+|over\s+|more\s+than\s+|about\s+)?$/.test(before);
}

/** What names the area a fire burned ("the fire covers 9,600 hectares", "the burned area", "the blaze"). */
const FIRE_AREA = new Set(['area', 'fire', 'blaze', 'wildfire', 'hectare', 'acre', 'burned area', 'burnt area']);
const INCREMENT_BEFORE = /\b(?:another|a further|an additional|additional|an extra)\s+(?:(?:about|some|nearly|almost|roughly|around|over|more than)\s+)?$/i;
const FIRE_WORDS = /\b(?:fires?|blazes?|wildfires?|burn(?:s|ed|t|ing)?|scorch(?:es|ed|ing)?)\b/i;

const AFTERSHOCK = /\b(?:aftershocks?|after-shocks?|foreshocks?|tremors? since)\b/i;

/**
 * Is the verb (by its lemma's stem) told after the figure in its sentence and not before it: "12 deaths had been
 * confirmed", not "Officials had confirmed 12 deaths"?
 */
function toldAfter(c: ClaimContext, lemma: string): boolean {
  if (!/^[a-z]{3,}$/.test(lemma)) return false;
  const stem = new RegExp(`\\b${lemma.length > 4 ? lemma.slice(0, -1) : lemma}`, 'i');
  const at = c.start - c.sentenceStart;
  return stem.test(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 60)) && !stem.test(c.sentence.slice(Math.max(0, at - 60), at));
}

export function claimKey(c: ClaimContext, syn: Synonyms, lex: Lexicon): ClaimKey {
  const phrase = (c.phrase ?? '').toLowerCase();
  const words = phrase.split(/\s+/).filter(Boolean).map((w) => w.replace(/'s$/, ''));
  let noun: string | null = null;
  // verbs of measuring ("counted 23,000 marchers", "put the crowd at 4,000") say how a figure was obtained, not what happened
  const measuring = !!c.event && (lex.measuringVerbs.has(eventLemma(c.event, lex)) || lex.measuringVerbs.has(c.event));
  // "44 bodies had been recovered": finding what an event left says how it was counted, not what happened
  const finding = !!c.event && FINDING.has(eventLemma(c.event, lex));
  const ownEvent = c.event ?? null;
  let event: string | null = ownEvent ? syn.event.get(ownEvent) ?? syn.event.get(eventLemma(ownEvent, lex)) ?? eventLemma(ownEvent, lex) : null;
  // a verb and the words after it that the lexicon names together: "took to the streets", "1.3 MILLION take to streets"
  if (event && ownEvent) {
    const after = VERB_PARTICLE.exec(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 80));
    const phrase = after ? syn.event.get(`${event} ${after[1]!.toLowerCase().replace(/\s+/g, ' ')}`) : undefined;
    if (phrase) event = phrase;
  }
  const family = familyOf(c);
  // (an amount named by an event's noun is that noun: "insured losses of 2.6bn", "losses of $40m" are no people)
  const money = /^[A-Z]{3}$/.test(family);
  // the longest lemmatised suffix of the phrase that the lexicon knows ("populated place" before "place")
  let headLen = 1;
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const cand = lemmaPhrase(words.slice(words.length - n).join(' '), lex);
    const ev = syn.event.get(cand);
    // (or a phrase of several words that names a crowd: "police count", "crowd size")
    if (ev && !money && (PEOPLE_EVENT_NOUNS(cand) || (n >= 2 && syn.peopleEvents.has(ev)))) {
      // "death toll", "deaths", "fatalities", "evacuees": people, with that event
      // (a verb that only tells how the count was got is no event of its own: "12 deaths had been confirmed",
      // "deaths recorded so far")
      noun = 'person';
      // (told after the count only: "Officials confirmed 12 deaths" and "the region recorded 34 deaths" name who did it)
      event = event && event !== ev && !(ownEvent && (measuring || NOT_PREDICATES.has(eventLemma(ownEvent, lex))) && toldAfter(c, eventLemma(ownEvent, lex))) ? event : ev;
      headLen = n;
      break;
    }
    const nn = syn.noun.get(cand);
    if (nn) {
      noun = nn;
      headLen = n;
      break;
    }
  }
  if (!noun && words.length) {
    const last = words[words.length - 1]!.split('-').pop()!;
    noun = c.noun ?? nounLemma(lex, last);
    const ev = syn.event.get(noun);
    const prev = words.length > 1 ? nounLemma(lex, words[words.length - 2]!.replace(/[^a-z-]/g, '')) : '';
    // (an amount named by an event's noun: neither people nor what the event happened to)
    if (ev && money) {
      if (prev && !lex.determiners.has(prev) && /^[a-z]{3,}$/.test(prev)) {
        noun = lemmaPhrase(`${prev} ${noun}`, lex);
        headLen = 2;
      }
    } else if (ev && !syn.peopleEvents.has(ev) && prev && !lex.determiners.has(prev) && !isEventWord(prev, syn) && /^[a-z]{3,}$/.test(prev)) {
      // "job losses", "troop withdrawal": the thing the event happened to, with that event
      noun = syn.noun.get(prev) ?? prev;
      event = event && !measuring ? event : ev;
      headLen = 2;
    } else if (ev) {
      noun = 'person';
      event = event && !measuring && !finding ? event : ev;
    }
  }
  if (noun === 'people') noun = 'person';
  // "the heat claimed six lives", "cost 40 lives": deaths (but "saved 20 lives" is no toll)
  const before = c.sentence.slice(Math.max(0, c.start - c.sentenceStart - 30), c.start - c.sentenceStart);
  if (noun === 'life' && ((ownEvent && LIVES_LOST.has(eventLemma(ownEvent, lex))) || LIVES_LOST_BEFORE.test(before))) {
    noun = 'person';
    event = syn.event.get('kill') ?? 'kill';
  }
  // "kills 14", "the collapse that killed 41": an event of people with nothing named counts people
  if (!noun && event && syn.peopleEvents.has(event) && family === 'count') noun = 'person';
  // a counted thing that names the people of an event ("marchers", "evacuees", "crowd") is people with that event
  if (noun && noun !== 'person' && syn.event.has(noun) && !money) {
    event = event && !measuring && !finding ? event : syn.event.get(noun)!;
    noun = 'person';
  }
  // a crowd counts people, whoever they are: "a quarter of a million renters took to the streets", "50,000 people
  // marched" (the people-like nouns inheritCounted knows: "-er", "-or", "-ist", "-ant", "-ent", not "-ment")
  if (noun && noun !== 'person' && event && event === syn.event.get('protest') && family === 'count' && (PEOPLE.has(noun) || /(?:er|or|ist|ant|[^m]ent)$/.test(noun))) noun = 'person';
  // "74,000 people on the streets of the capital", "puts the march at 61,200 people": people with no verb of their own
  // in a sentence about a crowd are that crowd
  // ("put attendance at 84,000", "an audience of 12,000": a noun that names a gathering counts its people, in
  // whatever sentence it is inherited by)
  const gathering = noun !== null && noun !== 'person' && lex.crowdNouns.has(noun) && family === 'count' && c.value >= 100;
  if ((noun === 'person' || (noun === null && !c.role && c.form !== 'fraction')) && !event && crowdPeople(c, lex) || (gathering && !event)) {
    noun = 'person';
    event = syn.event.get('protest') ?? null;
  }
  // a figure on a scale written before its numbers ("magnitude 6.1", "Mach 2") measures that scale, whatever it
  // is of ("the magnitude-6.1 earthquake"); an aftershock's magnitude is not the main shock's and stays unnamed
  if (c.unit !== 'count' && lex.prefixWords.candidates(c.unit, c.unit)?.some((e) => e.value.name === c.unit && e.value.dimension !== 'currency')) {
    // ("since Tuesday's 6.7 quake, the strongest of them magnitude 5.1": a figure that names its quake is the quake's)
    const rel = c.start - c.sentenceStart;
    const aftershock = c.unit === 'magnitude' && !/^\S*\s*(?:earth)?quake\b/i.test(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 12)) && AFTERSHOCK.test(c.sentence.slice(Math.max(0, rel - 90), rel));
    noun = aftershock ? null : c.unit;
  }
  // "the fire has burned 11,300 hectares", "blaze reaches 9,600 hectares", "the burned area at 7,850 hectares": the
  // area a fire has burned, however the sentence names it (a fire's area only grows)
  // (not what it burned in a spell: "burned through another 10,800 acres")
  const rel = c.start - c.sentenceStart;
  if (family === 'area' && (noun === null || FIRE_AREA.has(noun)) && FIRE_WORDS.test(c.sentence) && !INCREMENT_BEFORE.test(c.sentence.slice(Math.max(0, rel - 20), rel)) && !/^\s*(?:more|additional)\b/i.test(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 12))) {
    noun = 'burned area';
    event = 'burn';
  }
  // "184,000 customers were without power", "the storm left 95,000 homes in the dark": customers, homes and
  // households of an outage are one count, whatever verb told it (the states of rules/lexicon/synonyms.yaml)
  let state = false;
  if (family === 'count' && !c.role) {
    const st = stateAfter(c, syn, lex);
    if (st && (noun === null || st.counts.has(noun) || st.words.has(noun))) {
      noun = st.noun;
      event = st.state;
      state = true;
    }
  }
  const mods = words
    .slice(0, Math.max(0, words.length - headLen))
    .flatMap((w) => w.split('-'))
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter((w) => w.length > 2 && !IGNORED_MODS.has(w) && !lex.determiners.has(w) && !syn.event.has(w));
  const ranked = mods.some((m) => superlative(m, lex));
  const v = toBase(c.value, c.unit);
  let lo = c.low === null ? -Infinity : toBase(c.low, c.unit);
  let hi = c.high === null ? Infinity : toBase(c.high, c.unit);
  if (lo > hi) [lo, hi] = [hi, lo];
  // read at the written precision: 220,000 stands for anything that rounds to it
  const p = c.precision !== null && c.precision > 0 ? c.precision : null;
  let wlo = lo;
  let whi = hi;
  if (p !== null) {
    const half = Math.abs(toBase(c.value + p / 2, c.unit) - toBase(c.value, c.unit));
    wlo = lo - half;
    whi = hi + half;
  }
  // the predicates are needed for few claims (physical measures, by relate()): worked out on first use
  const sentence = c.sentence;
  let preds: Set<string> | undefined;
  return {
    noun,
    event,
    state,
    mods,
    family,
    people: noun !== null && PEOPLE.has(noun),
    lo,
    hi,
    wlo,
    whi,
    v,
    elapsed: isElapsed(c),
    ranked,
    preds: () => (preds ??= predicates(sentence, lex)),
    countedOnly: () => !perUnit(c) && toldDirectly(c, lex) && [...(preds ??= predicates(sentence, lex))].every((x) => lex.measuringVerbs.has(x) || lex.measuringVerbs.has(`${x}e`)),
    holder: canonicalHolder(c.holder ?? null, syn, lex),
  };
}

/**
 * The word just before the figure tells it as a count a party gave: a verb of counting or saying ("the police
 * counted 14,100", "said 6,100"), the party itself ("and the union 24,000") or a word that sets it against a rival
 * figure ("8,900 against 19,500") — not a verb of its own ("the plant employs 70,000 people"); or the word after it
 * sets a rival figure against it ("8,900 against 19,500").
 */
function toldDirectly(c: ClaimContext, lex: Lexicon): boolean {
  const prev = lastWord(c.sentence.slice(Math.max(0, c.start - c.sentenceStart - 30), c.start - c.sentenceStart));
  // ("the FCC says 45,000", "the union claims 96,000": a verb of saying in its present form)
  const verb = (w: string) => lex.measuringVerbs.has(w) || (w.length > 3 && w.endsWith('s') && lex.measuringVerbs.has(w.slice(0, -1)));
  if (prev && (verb(prev) || lex.rivalLinks.has(prev) || prev === lastWord(c.attribution ?? ''))) return true;
  return rivalAfter(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 30), lex);
}

/**
 * After a figure, a word that sets a rival figure right against it: "in Sablin, 8,900 against 19,500", "8,200 versus
 * 17,500" (not "and" or "or", which also join the items of a list).
 */
function rivalAfter(after: string, lex: Lexicon): boolean {
  const m = /^\s*([a-z]+)\.?\s+\d/i.exec(after);
  if (!m) return false;
  const w = m[1]!.toLowerCase();
  return lex.rivalLinks.has(w) && w !== 'and' && w !== 'or';
}

/** The last word of letters in s, lower case ("the union " → "union"); '' when none. */
function lastWord(s: string): string {
  let end = s.length;
  while (end > 0 && !/[a-z]/i.test(s[end - 1]!)) end--;
  let start = end;
  while (start > 0 && /[a-z]/i.test(s[start - 1]!)) start--;
  return s.slice(start, end).toLowerCase();
}

/** A superlative of a comparative the lexicon knows (`comparatives`): "largest" (larger), "biggest" (bigger). */
function superlative(w: string, lex: Lexicon): boolean {
  return w.endsWith('est') && (lex.comparatives.has(`${w.slice(0, -3)}er`) || lex.comparatives.has(`${w.slice(0, -2)}r`));
}

/** A figure told per unit of something ("about two people per square metre"): a density, not a count. */
function perUnit(c: ClaimContext): boolean {
  return /^\s*(?:[a-z]+\s+)?per\b/i.test(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 24));
}

const CROWD_CUES = new WeakMap<Lexicon, RegExp | null>();
/**
 * A count of people of a crowd's size (not "two people per square metre") in a sentence that names a crowd or its
 * counting (lexicon `crowd_nouns`, `crowd_cues`).
 */
function crowdPeople(c: ClaimContext, lex: Lexicon): boolean {
  if (familyOf(c) !== 'count' || c.value < 100) return false;
  let re = CROWD_CUES.get(lex);
  if (re === undefined) {
    const cues = [...lex.crowdNouns, ...lex.crowdCues].map((w) => escapeRe(w.trim()).replace(/\s+/g, '\\s+'));
    re = cues.length ? new RegExp(`\\b(?:${cues.join('|')})\\b`, 'i') : null;
    CROWD_CUES.set(lex, re);
  }
  return !!re && re.test(c.sentence);
}

/** "Net income" → "net profit": the longest known synonym phrase at the end of a holder is replaced by its canonical form. */
function canonicalHolder(h: string | null, syn: Synonyms, lex: Lexicon): string | null {
  if (!h) return null;
  const words = h.toLowerCase().replace(/'s\b/g, '').split(/\s+/).filter(Boolean);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const cand = lemmaPhrase(words.slice(words.length - n).join(' '), lex);
    const canon = syn.noun.get(cand);
    if (canon) return [...words.slice(0, words.length - n), canon].join(' ');
  }
  return words.join(' ');
}

function isEventWord(w: string, syn: Synonyms): boolean {
  return syn.event.has(w);
}

/** Nouns that stand for people affected by an event. */
function PEOPLE_EVENT_NOUNS(w: string): boolean {
  return /^(?:death|death toll|toll|fatality|casualty|evacuee|injury|arrest|dead|killed|wounded|injured|missing)$/.test(w);
}
