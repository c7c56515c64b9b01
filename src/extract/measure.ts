/**
 * What a figure counts or measures, read from the words around it without a tagger: the noun phrase after
 * the figure ("75 populated places"), an of-phrase ("hundreds of settlements", "a third of the region"), or
 * the subject before it ("the death toll rose to 45", "turnout was 62%"); plus the event verb ("were fired",
 * "retaking", "have been called up"). Function-word lists come from rules/lexicon/words.yaml.
 */
import type { Lexicon } from '../lexicon/index.js';
import { isCapitalised, pastAppositive, T_NUM, T_PUNCT, T_WORD, tokLower, tokText, type Tokens } from './tokens.js';
import type { RawFigure } from './scan.js';

export interface Description {
  /** head noun lemma ("place", "reservist") */
  noun: string | null;
  /** the noun phrase as written ("populated places") */
  phrase: string | null;
  /** event lemma ("retake", "mobilise") */
  event: string | null;
  /** the event verb as written ("mobilised") */
  eventWord: string | null;
  /** the phrase came from an of-phrase after a share/vague amount */
  ofPhrase: boolean;
  /** "several thousand more", "two others": what is counted is the previous figure's */
  elliptic: boolean;
  /** the phrase is a generic head ("the figure of 300,000", "a total of 45") */
  generic: boolean;
  /** a length that is a distance ("9 miles south-east of …", "120 km away") */
  distance: boolean;
  /** "two of these vehicles", "three of them", "two other firefighters": a subset of something named before */
  subset: boolean;
  /** the phrase was found far from the figure (subject of the clause, a total noun): links may override it */
  weak: boolean;
  /** who holds the figure: "Green Future won 11.9%", "Mobility €2.87 billion", "the Regional Union 8.3%" */
  holder: string | null;
  /** "Of the 52 people arrested, 57 …": the token where the named whole starts (for a part-whole link) */
  ofHead: number;
  /** one of several things its sentence tells apart by name ("The Pellham route was 3.2 km and the Skarrow route 2.4 km") */
  namedRow?: boolean;
}

/** The dimension named right after a length: depth, altitude, height, width or length (and how many tokens name it). */
function lengthDimension(t: Tokens, q: number): { word: string; n: number } | null {
  const w = lw(t, q);
  if (w === 'underground' || w === 'deep') return { word: 'depth', n: 1 };
  if ((w === 'below' || w === 'beneath' || w === 'under') && (lw(t, q + 1) === 'ground' || lw(t, q + 1) === 'surface' || (lw(t, q + 1) === 'the' && (lw(t, q + 2) === 'surface' || lw(t, q + 2) === 'ground')))) return { word: 'depth', n: lw(t, q + 1) === 'the' ? 3 : 2 };
  if (w === 'above' && lw(t, q + 1) === 'sea' && lw(t, q + 2) === 'level') return { word: 'altitude', n: 3 };
  if (w === 'high' || w === 'tall') return { word: 'height', n: 1 };
  if (w === 'wide' || w === 'across') return { word: 'width', n: 1 };
  if (w === 'long') return { word: 'length', n: 1 };
  return null;
}

const DISTANCE_NEXT = new Set(['away', 'from', 'off', 'outside', 'inland', 'offshore', 'beyond', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west', 'upstream', 'downstream', 'behind', 'ahead', 'short', 'inside', 'into', 'closer', 'nearer', 'further', 'farther']);
const EVENT_SKIP = new Set(['up', 'another', 'some', 'further', 'additional', 'extra', 'new', 'fresh', 'total', 'combined', 'record', 'estimated', 'whopping', 'mere', 'just', 'only', 'over', 'nearly', 'almost', 'around', 'about']);
const POPULATION_PLACES = new Set(['town', 'city', 'village', 'province', 'country', 'region', 'district', 'municipality', 'island', 'community', 'state', 'nation', 'county', 'area', 'settlement', 'capital', 'suburb', 'neighbourhood', 'neighborhood', 'metropolis']);
/** Common verbs in -s that follow a singular subject noun ("the budget means", "the report shows"). */
const S_VERBS = new Set(['means', 'shows', 'says', 'includes', 'remains', 'needs', 'seems', 'adds', 'goes', 'comes', 'makes', 'takes', 'gives', 'covers', 'requires', 'represents', 'accounts', 'stands', 'amounts', 'faces', 'sees', 'leaves', 'brings', 'puts', 'plans', 'aims', 'expects', 'costs', 'rises', 'falls', 'grows', 'reaches', 'totals', 'exceeds', 'suggests', 'indicates', 'estimates', 'counts', 'affects', 'involves', 'allows', 'provides', 'contains', 'keeps', 'marks', 'hits', 'tops']);

const SUBSET_MODS = new Set(['other', 'another', 'remaining', 'further', 'additional', 'extra', 'more']);
/** Verbs a holder does something with its figure by ("Green Future won 11.9%", "revenue grew 6% to …"). */
const HOLDING_VERBS = new Set(['account', 'accounting', 'receive', 'rise', 'grow', 'fall', 'increase', 'reach', 'total', 'totals', 'stand', 'stood', 'stands', 'won', 'wins', 'win', 'took', 'takes', 'take', 'got', 'gets', 'get', 'has', 'had', 'have', 'received', 'receives', 'secured', 'secures', 'captured', 'captures', 'grew', 'grows', 'rose', 'rises', 'fell', 'falls', 'reported', 'reports', 'posted', 'posts', 'generated', 'generates', 'earned', 'earns', 'made', 'makes', 'lost', 'loses', 'scored', 'scores', 'polled', 'polls', 'dropped', 'drops', 'increased', 'decreased', 'climbed', 'slipped', 'gained', 'gains', 'accounted', 'accounts', 'brought', 'brings', 'collected', 'raised', 'raises', 'spent', 'spends', 'owns', 'owned', 'holds', 'held', 'controls', 'controlled', 'contributed', 'contributes', 'added', 'adds', 'is', 'was', 'are', 'were', 'reached', 'reaches', 'totalled', 'totaled', 'hit', 'hits']);
const NOT_HOLDERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'with', 'by', 'for', 'from', 'of', 'to', 'and', 'but', 'as', 'after', 'before', 'since', 'while', 'when', 'if', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'it', 'they', 'he', 'she', 'we', 'i', 'there', 'here', 'about', 'around', 'some', 'nearly', 'almost', 'more', 'less', 'over', 'under', 'up', 'down', 'just', 'only', 'also', 'meanwhile', 'however', 'overall', 'inland', 'offshore', 'nationwide', 'elsewhere', 'overseas', 'abroad', 'separately', 'overnight', 'together', 'alone', 'all', 'both', 'each', 'last', 'next', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** "Of the dead, 71 …": the noun phrase after a sentence-initial "Of the", ending at a comma before the figure. */
function leadingOf(t: Tokens, ts: number, from: number, lex: Lexicon): { words: string[]; head: number } | null {
  if (tokText(t, ts - 1) !== ',') return null;
  // find "Of" at the start of the clause
  let k = ts - 2;
  let steps = 0;
  // (a comma or point between digits belongs to a number: "Of the 2,140 schools")
  const inNumber = (q: number) => t.kind[q - 1] === T_NUM && t.kind[q + 1] === T_NUM && t.gap[q] === 0 && t.gap[q + 1] === 0;
  while (k >= from && steps < 14 && !((tokText(t, k) === ',' || tokText(t, k) === '.') && !inNumber(k)) && lw(t, k) !== 'of') {
    k--;
    steps++;
  }
  if (lw(t, k) !== 'of' || !(k === from || /^[.;:!?"]$/.test(tokText(t, k - 1)) || t.nl[k])) return null;
  let q = k + 1;
  while (q < ts - 1 && isWord(t, q) && lex.determiners.has(lw(t, q))) q++;
  const head = q;
  while (q < ts - 1 && t.kind[q] === T_NUM) q++;
  while (q < ts - 1 && !isWord(t, q)) q++;
  const np = npForward(t, q, lex, ts - 1);
  let words = np.words;
  if (words.length === 1 && lex.peopleAdjectives.has(words[0]!.toLowerCase())) words = ['people', words[0]!];
  if (!words.length) return null;
  return { words, head };
}

/**
 * "Ulmara's strongest gust, 234 km/h (165 mph), was measured": the noun phrase a measurement stands in apposition to —
 * a comma before the figure, a comma after it and its bracketed conversion, the phrase a
 * lower-case noun phrase that is no prepositional phrase ("In Tolvio, 287 mm …") and no list ("120 km/h, 140 km/h").
 */
function appositiveOwner(t: Tokens, f: RawFigure, lex: Lexicon, from: number, to: number): string[] | null {
  if (tokText(t, f.ts - 1) !== ',' || f.ts - 2 < from || !isWord(t, f.ts - 2)) return null;
  let e = f.te;
  if (tokText(t, e) === '(') {
    let q = e + 1;
    while (q < to && q < e + 12 && tokText(t, q) !== ')' && tokText(t, q) !== '(') q++;
    if (tokText(t, q) !== ')') return null;
    e = q + 1;
  }
  if (e >= to || tokText(t, e) !== ',') return null;
  const np = npBackwardAt(t, f.ts - 2, lex, from);
  // (a name is no measured thing: "…, Tolvio, 287 mm")
  // (nor a generic head: "The old record, 157 km/h, was set in 1999" names no measured thing of its own)
  if (!np.words.length || isCapitalised(t, f.ts - 2) || lex.genericHeads.has(lw(t, f.ts - 2))) return null;
  const before = np.start - 1;
  // (the phrase opens its clause, after a determiner or a possessive: not "In Tolvio," or "winds of 120 km/h, 140 km/h")
  if (before >= from && isWord(t, before) && !lex.determiners.has(lw(t, before))) return null;
  if (before >= from && !isWord(t, before) && !/^[.;:!?"“(]$/.test(tokText(t, before))) return null;
  return np.words;
}

/** Is a place ("in Valmont") named shortly after the figure? */
function placeFollows(t: Tokens, k: number, to: number): boolean {
  for (let i = k, steps = 0; i < to && steps < 8; i++, steps++) {
    const p = tokText(t, i);
    if (p === '.' || p === ';' || p === ',') return false;
    if ((lw(t, i) === 'in' || lw(t, i) === 'at' || lw(t, i) === 'from') && i + 1 < to) {
      const c = t.text.charCodeAt(t.start[i + 1]!);
      if (c >= 65 && c <= 90) return true;
    }
  }
  return false;
}

/**
 * Who holds a figure — the subject of its clause: "Green Future won 11.9%", "The centre-right alliance took
 * 34.8%", "Mobility €2.87 billion" (a list), "Green Future, whose 285,822 votes", "The Liberals' 2 seats",
 * "With 34.8% of the vote, the Civic Alliance gets …".
 */
function holderOf(t: Tokens, f: RawFigure, from: number, lex: Lexicon): string | null {
  let i = f.ts - 1;
  // "the 9% demand would cost about 1.05 billion", "the offer of 3.5%, which it says would cost 410 million": what a
  // sum costs is told apart by the rate in its subject
  if (!f.unit || f.unit.dimension === 'currency') {
    let v = i;
    while (v >= from && v > i - 3 && isWord(t, v) && !COST_VERBS.has(lw(t, v))) v--;
    if (v >= from && COST_VERBS.has(lw(t, v))) {
      // ("The union wants a 9% rise. Ministers say that would cost …", "… offer of 3.5%. It would cost …": a pronoun
      // subject is the rate of the sentence before)
      let s0 = v - 1;
      while (s0 > from && s0 > v - 3 && lex.auxiliaries.has(lw(t, s0))) s0--;
      // (the subject of its sentence, or of what someone says: not a relative "a bridge that will cost")
      const pronoun = /^(?:it|that|this)$/.test(lw(t, s0)) && (s0 === from || tokText(t, s0 - 1) === '.' || /^(?:says?|said)$/.test(lw(t, s0 - 1)));
      for (let k = v - 1, n = 0, stops = 0; k > from && n < (pronoun ? 40 : 14); k--, n++) {
        const p = tokText(t, k);
        if (p === '.' || p === ';' || p === ':') {
          // (a pronoun's rate is in the sentence before: one full stop is passed, and any decimal point)
          const decimal = p === '.' && t.gap[k + 1] === 0 && t.kind[k + 1] === T_NUM;
          if (!pronoun || (!decimal && ++stops > 1)) break;
        }
        if (p === '%' && t.kind[k - 1] === T_NUM) {
          // (the whole number: "3.5%" is three tokens before the sign)
          let s0 = k - 1;
          while (s0 - 1 > from && t.gap[s0] === 0 && (t.kind[s0 - 1] === T_NUM || tokText(t, s0 - 1) === '.' || tokText(t, s0 - 1) === ',')) s0--;
          const after = isWord(t, k + 1) && !isFunctionWord(lex, lw(t, k + 1)) ? ` ${lw(t, k + 1)}` : '';
          return `${t.text.slice(t.start[s0]!, t.end[k]!)}${after}`;
        }
      }
    }
  }
  // "Primary schools: 36.0% of teachers on strike": a list label holds the share its line gives
  if (tokText(t, i) === ':' && f.unit?.dimension === 'percent' && lw(t, f.te) === 'of') {
    const lab = labelBefore(t, i, lex, from);
    if (lab.length) return lab.join(' ');
  }
  // "The Liberals' 2 seats": a possessive right before the figure
  if (tokText(t, i) === "'" || (lw(t, i) === 's' && tokText(t, i - 1) === "'")) {
    const k = tokText(t, i) === "'" ? i - 1 : i - 2;
    const np = npBackward(t, k, lex, from);
    if (np.length) return np.join(' ');
  }
  // "Green Future, whose 285,822 votes"; "the park, which covers 31,000 hectares"
  const rel = lw(t, i) === 'whose' ? i : (lw(t, i - 1) === 'which' || lw(t, i - 1) === 'that') && tokText(t, i - 2) === ',' && isWord(t, i) ? i - 1 : -1;
  if (rel >= 0) {
    i = rel;
    let k = i - 1;
    if (tokText(t, k) === ',') k--;
    const np = npBackward(t, k, lex, from);
    return np.length ? np.join(' ') : null;
  }
  // "With 34.8% of the vote, the Civic Alliance gets 42 seats"
  if (lw(t, i) === 'with' && (i === from || /^[.;:!?"]$/.test(tokText(t, i - 1)))) {
    let k = f.te;
    while (k < t.n && k < f.te + 12 && tokText(t, k) !== ',') k++;
    k++;
    while (k < t.n && isWord(t, k) && lex.determiners.has(lw(t, k))) k++;
    const np = npForward(t, k, lex, Math.min(t.n, k + 6));
    return np.words.length ? np.words.join(' ') : null;
  }
  // "the automotive supplier unit, where margins have fallen to about 4%": the place of a relative clause
  for (let k = f.ts - 1, n = 0; k >= from && n < 10; k--, n++) {
    const p = tokText(t, k);
    if (p === '.' || p === ';') break;
    if (lw(t, k) === 'where' && tokText(t, k - 1) === ',') {
      const np = npBackward(t, k - 2, lex, from);
      if (np.length) return np.join(' ');
      break;
    }
  }
  // "the Home & DIY division, with 310 stores and €8.15bn in sales": the phrase the with-apposition describes
  for (let k = f.ts - 1, n = 0; k > from && n < 12; k--, n++) {
    const p = tokText(t, k);
    if (p === '.' || p === ';' || p === ':' || (p === ',' && lw(t, k + 1) !== 'with')) break;
    if (isWord(t, k) && lex.verbForms.has(lw(t, k))) break;
    if (lw(t, k) === 'with' && tokText(t, k - 1) === ',') {
      const np = npBackward(t, k - 2, lex, from);
      if (np.length) return np.join(' ');
      break;
    }
  }
  let steps = 0;
  // skip "to", another figure, "down 5.3 points", commas: "fell to 22.6%, down 5.3 points, and 23 seats"
  while (i >= from && steps < 14) {
    const w = lw(t, i);
    const p = tokText(t, i);
    // past the period of a change: "fell by 1.07 billion crowns in six months, to 7.85 billion"
    if (SPAN_UNITS.has(w) && (t.kind[i - 1] === T_NUM || lex.cardinals.has(lw(t, i - 1)))) {
      let k = i - 2;
      while (k >= from && (lw(t, k) === 'the' || lw(t, k) === 'past' || lw(t, k) === 'last' || lw(t, k) === 'first')) k--;
      if (k >= from && SPAN_PREPS.has(lw(t, k))) {
        steps += i - k + 1;
        i = k - 1;
        continue;
      }
    }
    // (a currency's code before its amount is the figure's unit, as a sign is: "up from VLD 2.52 billion")
    // (and the unit word of a figure before it: "by 1.07 billion crowns in six months, to …")
    const unitWord = (lex.scales.has(lw(t, i - 1)) || t.kind[i - 1] === T_NUM) && currencyWord(t, i, lex);
    if (unitWord || t.kind[i] === T_NUM || p === '%' || p === ',' || (p === '.' && t.kind[i - 1] === T_NUM) || HOLDER_SKIP.has(w) || lex.scales.has(w) || p === '€' || p === '$' || p === '£' || (t.kind[i + 1] === T_NUM && /^[A-Z]{3}$/.test(p))) {
      i--;
      steps++;
      continue;
    }
    break;
  }
  if (i < from || !isWord(t, i)) return null;
  // "China alone accounts for about 11%": the phrasal verb's particle
  if (lw(t, i) === 'for' && /^account(?:s|ed|ing)?$/.test(lw(t, i - 1))) i--;
  // "net income came in at €983 million"
  if (lw(t, i) === 'in' && /^(?:came|comes|come|coming)$/.test(lw(t, i - 1))) {
    i -= 2;
    while (i >= from && isWord(t, i) && (lex.adverbs.has(lw(t, i)) || lex.auxiliaries.has(lw(t, i)))) i--;
    const sb = subjectBackward(t, i, lex, from);
    return sb.words.length ? sb.words.join(' ') : null;
  }
  // "Teravia's budget trims the deficit to 2.1%": the object of a change verb holds the figure
  if (isWord(t, i) && !HOLDING_VERBS.has(lw(t, i)) && !lex.changeVerbs.has(lw(t, i)) && !isFunctionWord(lex, lw(t, i))) {
    let v = i - 1;
    // (a hyphenated word is one: "grew pre-tax profit by 9.0%")
    while (v >= from && v >= i - 3 && ((isWord(t, v) && !lex.changeVerbs.has(lw(t, v)) && !isFunctionWord(lex, lw(t, v))) || (tokText(t, v) === '-' && t.gap[v] === 0 && t.gap[v + 1] === 0 && isWord(t, v - 1)))) v--;
    while (v >= from && isWord(t, v) && lex.determiners.has(lw(t, v))) v--;
    if (v >= from && isWord(t, v) && lex.changeVerbs.has(lw(t, v)) && OBJECT_CHANGE.has(lw(t, v))) {
      const np = npBackward(t, i, lex, v + 1);
      if (np.length) return np.join(' ');
    }
    // "Climate Solutions grew revenue by 8.0%": a named subject's own measure, grown by the figure
    if (v > from && isWord(t, v) && OWN_GROWTH.has(lw(t, v)) && lw(t, f.ts - 1) === 'by' && isCapitalised(t, v - 1)) {
      const np = npBackward(t, i, lex, v + 1);
      const subject = npBackward(t, v - 1, lex, from);
      if (np.length && subject.length) return [...subject, ...np].join(' ');
    }
  }
  let viaVerb = false;
  if (HOLDING_VERBS.has(lw(t, i)) || COPULAR_HOLDING.has(lw(t, i)) || (lex.changeVerbs.has(lw(t, i)) && !NOT_HOLDING_CHANGE.has(lw(t, i)))) {
    i--;
    viaVerb = true;
    while (i >= from && isWord(t, i) && (lex.adverbs.has(lw(t, i)) || lw(t, i) === 'together' || lw(t, i) === 'alone' || lex.auxiliaries.has(lw(t, i)))) i--;
  }
  if (viaVerb) {
    // "Public debt, the minister says, falls to 58.3%": past a reporting aside
    if (tokText(t, i) === ',') {
      let k = i - 1;
      let reporting = false;
      while (k >= from && k >= i - 7 && tokText(t, k) !== ',') {
        if (REPORTING_ASIDE.has(lw(t, k))) reporting = true;
        k--;
      }
      if (reporting && k > from && tokText(t, k) === ',') i = k - 1;
    }
    i = pastAppositive(t, i, from);
    // "The remote mountain district of Dravik alone lost 2,450 buildings": the place an area word names
    if (isCapitalised(t, i)) {
      let k = i;
      while (k > from && isCapitalised(t, k - 1) && i - k < 4) k--;
      if (lw(t, k - 1) === 'of' && isWord(t, k - 2) && lex.areaWords.has(lw(t, k - 2))) return t.text.slice(t.start[k]!, t.end[i]!);
    }
    // the subject, past prepositional phrases: "The death toll from Tuesday's earthquake climbed to 247"
    const sb = subjectBackward(t, i, lex, from);
    // ("The coatings unit, which …, saw revenue slip 3%": the measure is the object of "saw", its holder that verb's subject)
    const whose = sb.words.length ? experiencer(t, i, lex, from) : null;
    if (whose) return [...whose, ...sb.words].join(' ');
    return sb.words.length ? sb.words.join(' ') : null;
  }
  // "Net profit was €3,106 million and profit before tax €4,200 million": a second subject whose verb the clause
  // leaves out, after a first figure
  if (isWord(t, i) && !isCapitalised(t, i) && !isVerbish(lex, lw(t, i)) && !lex.changeVerbs.has(lw(t, i))) {
    const np = npBackwardAt(t, i, lex, from);
    let words = np.words;
    let s = np.start;
    // ("profit before tax", "earnings per share": a measure with its own preposition)
    if (words.length && /^(?:before|after|per)$/.test(lw(t, s - 1)) && isWord(t, s - 2)) {
      const more = npBackwardAt(t, s - 2, lex, from);
      if (more.words.length) {
        words = [...more.words, tokText(t, s - 1), ...words];
        s = more.start;
      }
    }
    let j = s - 1;
    while (j > from && isWord(t, j) && lex.determiners.has(lw(t, j))) j--;
    // (a clause with a verb before it: not a list of labels, "SDP 39.0%, NF 18.7%, others 12.1%")
    if (words.length && j > from && (lw(t, j) === 'and' || tokText(t, j) === ',')) {
      let figure = false;
      for (let k = j - 1; k >= from; k--) {
        if (t.kind[k] === T_NUM) figure = true;
        else if (figure && isWord(t, k) && (lex.verbForms.has(lw(t, k)) || lex.changeVerbs.has(lw(t, k)) || lex.auxiliaries.has(lw(t, k)))) return words.join(' ');
      }
    }
  }
  // a capitalised name right before the figure (a list: "the Regional Union 8.3% and 5 seats"), or before "on"
  // ("ahead of the Civic Alliance on 25.1%")
  if (lw(t, i) === 'on' && i > from && isCapitalised(t, i - 1) && !NOT_HOLDERS.has(lw(t, i - 1))) i--;
  const words: string[] = [];
  while (i >= from && words.length < 6) {
    if (!isWord(t, i)) {
      if (tokText(t, i) === '-' && t.gap[i] === 0) {
        i--;
        continue;
      }
      break;
    }
    const c = t.text.charCodeAt(t.start[i]!);
    const cap = c >= 65 && c <= 90;
    const w = lw(t, i);
    // ("the Greens of Marrowen 14.0%": a name with "of" inside)
    if (!cap && (w === 'of' || w === 'for') && words.length && i > from && isCapitalised(t, i - 1) && !NOT_HOLDERS.has(lw(t, i - 1))) {
      words.unshift(tokText(t, i));
      i--;
      continue;
    }
    if (!cap || NOT_HOLDERS.has(w)) break;
    words.unshift(tokText(t, i));
    i--;
  }
  // (the place of the item before is not this item's holder: its own place is)
  if (words.length && placeListItem(t, lex, f, from)) return ownPlaceAfter(t, f, lex);
  return words.length ? words.join(' ') : null;
}

/**
 * "Police counted 11,400 marchers in Kelmor, 8,900 in Sablin and 8,200 in Trevik", "14,000 for Pellham and 9,500 for
 * Skarrow": is count f an item of a list of places — after a place preposition and a name, a comma or "and", and
 * followed by the same preposition? (Not a place put first, "In Orrin Bay, 3,900 according to police", nor a list of
 * labels, "Mobility €2.87 billion, Digital Services €1.46 billion".)
 */
export function placeListItem(t: Tokens, lex: Lexicon, f: RawFigure, from: number): boolean {
  if (f.unit || f.te >= t.n || !isWord(t, f.te)) return false;
  const w = lw(t, f.te);
  if (!lex.placePrepositions.has(w) && !lex.figurePlacePrepositions.has(w)) return false;
  let k = f.ts - 1;
  if (lw(t, k) === 'and') k--;
  if (tokText(t, k) === ',') k--;
  if (lw(t, k) === 'and') k--;
  let n = 0;
  for (; k >= from && n < 4 && isCapitalised(t, k) && !NOT_HOLDERS.has(lw(t, k)); k--) n++;
  while (k >= from && isWord(t, k) && lex.determiners.has(lw(t, k))) k--;
  return n > 0 && k >= from && lw(t, k) === w;
}

/** The place named after list item f's preposition ("8,900 in Sablin", "11 in the village of Castrel"): the item's own,
 * null if none is capitalised. */
function ownPlaceAfter(t: Tokens, f: RawFigure, lex: Lexicon): string | null {
  let e = f.te + 1;
  while (e < t.n && isWord(t, e) && lex.determiners.has(lw(t, e))) e++;
  // ("11 in the village of Castrel")
  if (isWord(t, e) && lex.placeNouns.has(lw(t, e)) && lw(t, e + 1) === 'of') e += 2;
  const words: string[] = [];
  for (; e < t.n && words.length < 4 && isCapitalised(t, e) && !NOT_HOLDERS.has(lw(t, e)); e++) words.push(tokText(t, e));
  return words.length ? words.join(' ') : null;
}

const REPORTING_ASIDE = new Set(['says', 'said', 'say', 'added', 'adds', 'argues', 'argued', 'notes', 'noted', 'insists', 'insisted', 'claims', 'claimed', 'estimates', 'estimated', 'believes', 'reckons', 'expects', 'admits', 'admitted', 'warns', 'warned']);
/** "Spending equals about 31% of GDP": verbs that join a subject to its figure like "was". */
const COPULAR_HOLDING = new Set(['equals', 'equalled', 'equaled', 'equal', 'represents', 'represented', 'amounts', 'amounted', 'comes', 'came', 'hovers', 'hovered', 'remains', 'remained', 'sits', 'sat']);
/** Change words that are no verb of a subject ("up", "down") or say nothing of who holds ("went", "moved"). */
const NOT_HOLDING_CHANGE = new Set(['up', 'down', 'went', 'moved', 'changed', 'lower', 'raise', 'cut', 'reduce']);
/** Change verbs whose object is the thing changed ("trims the deficit to 2.1%", "cut its forecast to 1.2%"). */
const OWN_GROWTH = new Set(['grew', 'grows', 'increased', 'increases', 'expanded', 'expands']);
const OBJECT_CHANGE = new Set(['trims', 'trimmed', 'trim', 'cuts', 'cut', 'raises', 'raised', 'lowers', 'lowered', 'lifts', 'lifted', 'reduces', 'reduced', 'boosts', 'boosted', 'slashed', 'slashes', 'hiked', 'hikes', 'revised', 'revises', 'upgraded', 'downgraded']);

/** Is token k a currency's word on its own ("crowns", "euros")? */
function currencyWord(t: Tokens, k: number, lex: Lexicon): boolean {
  return isWord(t, k) && !!lex.units.candidates(tokText(t, k), lw(t, k))?.some((e) => e.toks.length === 1 && e.value.unit.dimension === 'currency');
}

const SPAN_UNITS = new Set(['days', 'weeks', 'months', 'years', 'quarters', 'hours']);
const SPAN_PREPS = new Set(['in', 'over', 'within', 'during', 'for']);
const HOLDER_SKIP = new Set(['to', 'per', 'cent', 'percent', 'by', 'and', 'down', 'up', 'points', 'point', 'percentage', 'from', 'or', 'about', 'around', 'some', 'nearly', 'almost', 'just', 'only', 'roughly', 'over', 'under', 'more', 'than', 'less', 'at', 'least', 'most', 'a', 'an', 'the', 'euros', 'dollars', 'pounds', 'million', 'billion']);

const COMPASS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);
const COMPARATIVE_BEFORE = new Set(['than', 'versus', 'vs', 'against', 'compared', 'from']);

/**
 * The subject of the clause that ends before a figure: "the number of people killed by Hurricane Teodora
 * rose to seven" → "people killed"; "the civilian death toll in the city … at" → "civilian death toll".
 * Walks back over "preposition + noun phrase" chunks to the leftmost noun phrase; a generic head ("number",
 * "total") followed by "of X" yields X.
 */
function subjectBackward(t: Tokens, k: number, lex: Lexicon, floor: number): { words: string[]; event: { lemma: string; word: string } | null } {
  let i = pastAppositive(t, k, floor);
  let best: string[] = [];
  let event: { lemma: string; word: string } | null = null;
  for (let chunks = 0; chunks < 4 && i >= floor; chunks++) {
    // a period between subject and verb: "Operating profit for July to September rose to …"
    i = skipPeriodPhrase(t, i, lex, floor);
    // an optional participle right before (reading backwards): "people killed by …"
    let ev: { lemma: string; word: string } | null = null;
    const w0 = lw(t, i);
    if (isWord(t, i) && w0.length > 4 && (w0.endsWith('ed') || lex.verbForms.has(w0)) && !lex.auxiliaries.has(w0) && !lex.changeVerbs.has(w0) && chunks > 0) {
      const lemma = verbLemma(lex, w0);
      if (lemma) ev = { lemma, word: tokText(t, i) };
      i--;
    } else if (chunks === 0 && isWord(t, i) && /(?:ed|seen|shown)$/.test(w0) && lex.measuringVerbs.has(w0) && isWord(t, i - 1) && !isFunctionWord(lex, lw(t, i - 1))) {
      // "The highest storm surge measured was 2.6 m": the thing measured, not the measuring
      i--;
    }
    // ("250,000 took part across the country and 110,000 in Castrel": read back past the places, the phrase ends a
    // phrasal verb; what it did is the figure's event, and no noun is named)
    const phrasal = isWord(t, i) ? phrasalEndingAt(t, i, lex, floor) : null;
    if (phrasal) return { words: [], event: phrasal };
    const at = npBackwardAt(t, i, lex, floor);
    const np = at.words;
    if (!np.length) break;
    // q is the token before the phrase
    let q = at.start - 1;
    while (q >= floor && isWord(t, q) && lex.determiners.has(lw(t, q))) q--;
    const head = np[np.length - 1]!.toLowerCase();
    if (best.length && lex.genericHeads.has(head)) {
      // "number of people killed": keep the inner phrase
      break;
    }
    best = np;
    if (ev) event = ev;
    else if (chunks > 0) event = null;
    const prep = lw(t, q);
    if (q >= floor && isWord(t, q) && (prep === 'of' || prep === 'in' || prep === 'by' || prep === 'from' || prep === 'for' || prep === 'across' || prep === 'at' || prep === 'on' || prep === 'among')) {
      i = q - 1;
      while (i >= floor && isWord(t, i) && lex.determiners.has(lw(t, i))) i--;
      continue;
    }
    // ("Net profit attributable to shareholders rose …": whose share of the measure it is, not what is measured)
    if (q > floor && prep === 'to' && lw(t, q - 1) === 'attributable' && isWord(t, q - 2)) {
      i = q - 2;
      continue;
    }
    // ("Profit before tax was …", "Income after tax rose …": a measure with its own preposition is one subject)
    if (q >= floor && (prep === 'before' || prep === 'after') && np.length === 1 && /^tax(?:es|ation)?$/.test(head) && isWord(t, q - 1)) {
      const more = npBackwardAt(t, q - 1, lex, floor);
      if (more.words.length) best = [...more.words, tokText(t, q), ...np];
    }
    break;
  }
  return { words: best, event };
}

/** Verbs whose subject undergoes what their object does: "the division saw sales fall", "the unit has seen orders rise". */
const EXPERIENCING = new Set(['saw', 'see', 'sees', 'seen', 'seeing']);
/**
 * "The Paints arm, which serves builders, saw sales drop 4% to …": the measure phrase ending at k is the object of
 * "saw"; the subject of "saw" (past a relative clause between commas, itself holding commas) holds the figure. Null
 * when no such verb stands before the phrase, or its subject names nothing (no capital past the sentence's start).
 */
function experiencer(t: Tokens, k: number, lex: Lexicon, from: number): string[] | null {
  const np = npBackwardAt(t, k, lex, from);
  let v = np.start - 1;
  while (v >= from && isWord(t, v) && lex.determiners.has(lw(t, v))) v--;
  if (v < from || !EXPERIENCING.has(lw(t, v))) return null;
  let s = v - 1;
  while (s >= from && isWord(t, s) && (lex.auxiliaries.has(lw(t, s)) || lex.adverbs.has(lw(t, s)))) s--;
  if (tokText(t, s) === ',') {
    // the comma that opens the clause: the nearest one before a relative pronoun or an article
    let c = -1;
    for (let q = s - 1, n = 0; q > from && n < 30; q--, n++) {
      const p = tokText(t, q);
      if (p === '.' || p === ';' || p === ':') break;
      if (p === ',' && /^(?:which|who|whose|the|a|an|its)$/.test(lw(t, q + 1)) && isWord(t, q - 1)) {
        c = q;
        break;
      }
    }
    if (c < 0) return null;
    s = c - 1;
  }
  const at = npBackwardAt(t, s, lex, from);
  // (a named division, region or product line — a capital past the sentence's first word: not "Analysts saw sales
  // fall", "It saw revenue rise")
  let named = false;
  for (let q = Math.max(at.start, from + 1); q <= s; q++) if (isCapitalised(t, q) && !/^[.!?:;"“]$/.test(tokText(t, q - 1))) named = true;
  return at.words.length && named ? at.words : null;
}

const COST_VERBS = new Set(['cost', 'costs', 'costing']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const PERIOD_WORDS = new Set(['quarter', 'half', 'first', 'second', 'third', 'fourth', 'final', 'last', 'nine', 'six', 'three', 'twelve', 'months', 'month', 'year', 'fiscal', 'financial', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'fy']);
const PERIOD_GLUE = new Set(['to', 'through', 'and', 'until', 'the', '-', '–', 'of']);
const PERIOD_PREPS = new Set(['for', 'in', 'during', 'over', 'between', 'from']);
/**
 * Reading back from k: "for July to September", "in the third quarter", "for the nine months to September 2025" — a
 * period phrase after a preposition. The token before the preposition, or k itself when there is none.
 */
function skipPeriodPhrase(t: Tokens, k: number, lex: Lexicon, floor: number): number {
  let i = k;
  let dated = false;
  for (let n = 0; i >= floor && n < 10; n++, i--) {
    const w = lw(t, i);
    if (MONTHS.has(w) || /^q[1-4]$|^h[12]$/.test(w) || w === 'quarter' || w === 'half' || w === 'months') dated = true;
    else if (t.kind[i] === T_NUM && /^(?:19|20)\d\d$/.test(tokText(t, i))) dated = true;
    else if (!(PERIOD_WORDS.has(w) || PERIOD_GLUE.has(w))) break;
  }
  if (!dated || i < floor || !PERIOD_PREPS.has(lw(t, i)) || i === k) return k;
  // "the quarter" alone as the subject ("The quarter brought …") is no phrase after a preposition
  return i - 1 >= floor && isWord(t, i - 1) && !lex.determiners.has(lw(t, i - 1)) ? i - 1 : k;
}

const CARRYING = new Set(['carrying', 'transporting', 'ferrying', 'holding', 'evacuating']);
/** An auxiliary between the phrase and its verb ("191 people were rescued"): the verb is the figure's. */
function predicateAfter(t: Tokens, k: number, lex: Lexicon, to: number): boolean {
  return k < to && isWord(t, k) && lex.auxiliaries.has(lw(t, k));
}

const SKIP_BEFORE = new Set(['to', 'at', 'of', 'by', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'amounted', 'amounts', 'came', 'come', 'comes', 'set', 'pegged', 'stood', 'stands', 'stand', 'reached', 'reach', 'reaches', 'hit', 'hits', 'totalled', 'totaled', 'totals', 'topped', 'tops', 'exceeded', 'exceeds', 'passed', 'surpassed', 'numbered', 'numbers', 'put', 'puts', 'estimated', 'estimates', 'now', 'already', 'had', 'has', 'have', 'will', 'would', 'could', 'than', 'some', 'around', 'about', 'approximately', 'nearly', 'almost', 'still', 'just', 'only', 'also', 'remains', 'remained', 'remain', 'stable', 'and', 'or', 'currently', 'officially', 'reportedly', 'an', 'a', 'the', 'over', 'under', 'below', 'above', 'least', 'most', 'up', 'down', 'roughly', 'nearly', 'more', 'fewer', 'less', 'closer', 'nearer', 'close', 'near', 'worth']);
const NP_STOP = new Set(['cent', 'percent', 'pct', 'back', 'away', 'out', 'off', 'home', 'forward', 'aside', 'apart', 'nationwide', 'nationally', 'countrywide', 'worldwide', 'statewide', 'overall', 'altogether', 'alone', 'respectively', 'apiece', 'each', 'next', 'last', 'this', 'today', 'yesterday', 'tomorrow', 'tonight', 'overnight', 'higher', 'lower', 'bigger', 'smaller', 'greater', 'larger', 'fewer', 'more', 'less', 'up', 'down', 'ahead', 'behind', 'earlier', 'later', 'ago', 'said', 'says', 'say', 'told', 'according', 'added', 'reported', 'announced', 'noted', 'stressed', 'warned', 'claimed', 'wrote', 'explained']);
const TITLE_STOP = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'governor', 'spokesman', 'spokeswoman', 'spokesperson']);

function isWord(t: Tokens, i: number): boolean {
  return i >= 0 && i < t.n && t.kind[i] === T_WORD;
}
function lw(t: Tokens, i: number): string {
  return i >= 0 && i < t.n ? tokLower(t, i) : '';
}

export function isFunctionWord(lex: Lexicon, w: string): boolean {
  return lex.determiners.has(w) || lex.prepositions.has(w) || lex.conjunctions.has(w) || lex.pronouns.has(w) || lex.auxiliaries.has(w);
}

/** Lemma of a verb form, or null when the word is not recognisably a verb. */
export function verbLemma(lex: Lexicon, w: string): string | null {
  const irr = lex.verbForms.get(w);
  if (irr) return irr;
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ed')) {
    let s = w.slice(0, -2);
    if (/([bdfgklmnprt])\1$/.test(s) && !s.endsWith('ll') && !s.endsWith('ss')) s = s.slice(0, -1);
    else if (/(?:[^aeiou][vcsz]|[^aeiouy]l|at|it|[^o]ur|ut|iz|is|os|ag|ng|rg|[^aeiouq]u|ueu)$/.test(s) && !/(ss|ll|eat|oat)$/.test(s)) s += 'e';
    return s;
  }
  if (w.length > 5 && w.endsWith('ing')) {
    let s = w.slice(0, -3);
    if (/([bdfgklmnprt])\1$/.test(s) && !s.endsWith('ll') && !s.endsWith('ss')) s = s.slice(0, -1);
    else if (/(?:[^aeiou][vcsz]|at|it|[^o]ur|ut|iz|is|os|ag|ng|rg)$/.test(s) && !/(ss|ll|eat|oat)$/.test(s)) s += 'e';
    return s;
  }
  return null;
}

/** Singular lemma of a noun ("places" → "place", "casualties" → "casualty", "people" → "person"). */
export function nounLemma(lex: Lexicon, w: string): string {
  const lw0 = w.toLowerCase();
  const irr = lex.irregularPlurals.get(lw0);
  if (irr) return irr;
  if (lw0.length > 4 && lw0.endsWith('ies')) return lw0.slice(0, -3) + 'y';
  if (lw0.length > 4 && /(?:ches|shes|xes|sses|zzes)$/.test(lw0)) return lw0.slice(0, -2);
  if (lw0.length > 3 && lw0.endsWith('s') && !lw0.endsWith('ss') && !lw0.endsWith('us') && !lw0.endsWith('is')) return lw0.slice(0, -1);
  return lw0;
}

function isVerbish(lex: Lexicon, w: string): boolean {
  return lex.verbForms.has(w) || (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing')));
}

/** Read a noun phrase forward from k: modifiers and nouns, hyphen-joined words, up to 5 words. */
/** Does a phrasal verb ("stopped work", "walked out", "shot down") start at token i? */
function phrasalAt(t: Tokens, i: number, lex: Lexicon): boolean {
  const cands = lex.phrasalVerbs.candidates(tokText(t, i), lw(t, i));
  if (!cands) return false;
  for (const e of cands) {
    let ok = true;
    for (let q = 0; q < e.toks.length && ok; q++) if (lw(t, i + q) !== e.toks[q]!.text) ok = false;
    if (ok) return true;
  }
  return false;
}

/** The phrasal verb of two or three words that ends at token i ("took part", "shot down"), if any. */
function phrasalEndingAt(t: Tokens, i: number, lex: Lexicon, floor: number): { lemma: string; word: string } | null {
  for (let n = 3; n >= 2; n--) {
    const a = i - n + 1;
    if (a < floor || !isWord(t, a)) continue;
    const cands = lex.phrasalVerbs.candidates(tokText(t, a), lw(t, a));
    if (!cands) continue;
    for (const e of cands) {
      if (e.toks.length !== n) continue;
      let ok = true;
      for (let q = 0; q < n; q++) if (lw(t, a + q) !== e.toks[q]!.text) ok = false;
      if (ok) return { lemma: e.value, word: e.toks.map((x) => x.text).join(' ') };
    }
  }
  return null;
}

/** A word in plural form ("units", "people"): its singular lemma differs from it. */
function pluralForm(lex: Lexicon, w: string): boolean {
  const l = w.toLowerCase();
  return lex.irregularPlurals.has(l) || nounLemma(lex, l) !== l;
}

/**
 * Number agreement of the figure the phrase follows: 'one' after 1 ("one proposal asks …": a word in -s after the
 * singular head is its verb), 'many' after a whole count above 1 ("13 units whilst …": the plural head ends the
 * phrase unless another plural follows, "5 sales figures"; "1,385,710 lightning strikes": the first plural is the
 * head, not a verb in -s), null when unknown.
 */
export type Agreement = 'one' | 'many' | null;

function npForward(t: Tokens, k: number, lex: Lexicon, limit: number, agree: Agreement = null): { words: string[]; end: number; verbAfter: number } {
  const words: string[] = [];
  let i = k;
  let plural = false;
  // "250,000 took part", "3,000 walked out": a phrasal verb right after the figure is its verb, not a noun phrase
  if (isWord(t, k) && phrasalAt(t, k, lex)) return { words, end: k, verbAfter: k };
  while (i < limit && words.length < 5) {
    if (!isWord(t, i)) break;
    if (i > k && t.nl[i]) break;
    const w = lw(t, i);
    if (isFunctionWord(lex, w) || lex.adverbs.has(w) || NP_STOP.has(w) || lex.cardinals.has(w) || lex.scales.has(w)) break;
    if (w.endsWith('ly') && w.length > 4) break;
    // "40k cheaper than …", "£3,000 dearer": a comparative right after the figure is no noun
    if (!words.length && lex.comparatives.has(w)) break;
    const pl = pluralForm(lex, w);
    // agreement: after a plural head only another plural continues the phrase ("13 units whilst", "11 members bound
    // by"); after "one" + a singular noun a word in -s is the verb ("One proposal asks")
    // (states after people stay: "people dead", "people remain missing", "miners alive")
    if (agree === 'many' && plural && !pl && !lex.peopleAdjectives.has(w) && !lex.postnominalStates.has(w) && !STATE_LEAD.has(w)) break;
    if (agree === 'one' && words.length && !plural && pl && !lex.irregularPlurals.has(w)) break;
    // the first plural after a whole count above 1 is the head noun, not a verb ("1,385,710 lightning strikes")
    const headNoun = agree === 'many' && !plural && pl && !lex.irregularPlurals.has(w) && words.length > 0;
    // a verb after the head noun ends the phrase: "people took part", "households lost power", "people joined
    // Wednesday's march" (an -ed word followed by a determiner or a name is a verb, not a modifier)
    // ("the two sides published very different numbers": before an adverb too)
    if (!headNoun && words.length && (lex.verbForms.has(w) && !lex.irregularPlurals.has(w) || (w.endsWith('ed') && (isFunctionWord(lex, lw(t, i + 1)) || isCapitalised(t, i + 1) || lex.adverbs.has(lw(t, i + 1)) || /^(?:very|quite|much|far|widely|sharply|strongly)$/.test(lw(t, i + 1)))))) break;
    // a phrasal verb after the head noun: "civil servants stopped work", "workers walked out"
    if (!headNoun && words.length && phrasalAt(t, i, lex)) break;
    // proper nouns after the first word end the phrase unless hyphen-joined ("Iranian-made")
    let word = tokText(t, i);
    let j = i + 1;
    // dotted abbreviations: "U.S.", "U.K."
    while (word.length <= 2 && j + 1 < limit && tokText(t, j) === '.' && t.gap[j] === 0 && t.kind[j + 1] === T_WORD && t.gap[j + 1] === 0 && tokText(t, j + 1).length <= 2) {
      word += '.' + tokText(t, j + 1);
      j += 2;
    }
    if (j < limit && tokText(t, j) === '.' && t.gap[j] === 0 && word.includes('.')) {
      word += '.';
      j++;
    }
    while (j + 1 < limit && t.kind[j] === T_PUNCT && tokText(t, j) === '-' && t.gap[j] === 0 && t.gap[j + 1] === 0 && t.kind[j + 1] === T_WORD) {
      word += '-' + tokText(t, j + 1);
      j += 2;
    }
    // "the budget means for residents", "the report shows": a verb in -s after a singular noun, before a function word
    if (!headNoun && words.length && S_VERBS.has(word.toLowerCase()) && !/s$/i.test(words[words.length - 1]!)) break;
    words.push(word);
    if (pl) plural = true;
    i = j;
    // possessive "'s" ends the phrase
    if (i < limit && tokText(t, i) === "'") break;
  }
  // a trailing verb form is the event, not part of the phrase: "drones launched", "places retaken"
  let verbAfter = -1;
  while (words.length > 1) {
    const last = words[words.length - 1]!.toLowerCase();
    if (isVerbish(lex, last) && !lex.irregularPlurals.has(last) && !(agree === 'many' && pluralForm(lex, last))) {
      words.pop();
      verbAfter = k + words.length; // approximate index (hyphens make it inexact; only used as a flag)
    } else break;
  }
  // a phrase made only of a verb form is no phrase ("were killed")
  if (words.length === 1 && lex.verbForms.has(words[0]!.toLowerCase())) return { words: [], end: k, verbAfter: k };
  // nor a verb form and the name it takes as its object ("gusts of 150 km/h hit Marsk airport")
  if (words.length > 1 && lex.verbForms.has(words[0]!.toLowerCase()) && !lex.irregularPlurals.has(words[0]!.toLowerCase()) && /^[A-Z]/.test(words[1]!)) return { words: [], end: k, verbAfter: k };
  // "1,380 served as evacuation centres": a past-tense verb right after the figure, not a noun
  if (words.length === 1) {
    const w = words[0]!.toLowerCase();
    const nx = lw(t, i);
    if (w.endsWith('ed') && !lex.peopleAdjectives.has(w) && (isFunctionWord(lex, nx) || !isWord(t, i))) return { words: [], end: k, verbAfter: k };
  }
  return { words, end: i, verbAfter };
}

/** Read a noun phrase backwards ending at k (inclusive). */
function npBackward(t: Tokens, k: number, lex: Lexicon, floor: number): string[] {
  return npBackwardAt(t, k, lex, floor).words;
}

/** The noun phrase ending at k and the token where it starts. */
function npBackwardAt(t: Tokens, k: number, lex: Lexicon, floor: number): { words: string[]; start: number } {
  const words: string[] = [];
  let i = k;
  while (i >= floor && words.length < 4) {
    // a possessive modifier: "Tuesday's earthquake", "the company's revenue"
    if (isWord(t, i) && lw(t, i) === 's' && tokText(t, i - 1) === "'" && t.gap[i] === 0 && t.gap[i - 1] === 0 && isWord(t, i - 2)) {
      if (!words.length) break;
      const owner = tokText(t, i - 2);
      if (isFunctionWord(lex, owner.toLowerCase())) break;
      words.unshift(`${owner}'s`);
      i -= 3;
      continue;
    }
    if (!isWord(t, i)) {
      if (tokText(t, i) === '-' && t.gap[i] === 0 && isWord(t, i - 1) && words.length) {
        words[0] = tokText(t, i - 1) + '-' + words[0];
        i -= 2;
        continue;
      }
      break;
    }
    const w = lw(t, i);
    if (isFunctionWord(lex, w) || lex.adverbs.has(w) || NP_STOP.has(w) || TITLE_STOP.has(w) || lex.cardinals.has(w)) break;
    const ingNoun = lex.ingNouns.has(w);
    if (words.length && isVerbish(lex, w) && !w.endsWith('ing') && !ingNoun) break;
    // "U.S. sales": a dotted abbreviation read backwards (S . U)
    if (w.length <= 2 && tokText(t, i - 1) === '.' && isWord(t, i - 2) && tokText(t, i - 2).length <= 2 && t.gap[i] === 0) {
      words.unshift(`${tokText(t, i - 2)}.${tokText(t, i)}.`);
      i -= 3;
      continue;
    }
    if ((lex.changeVerbs.has(w) || lex.verbForms.has(w)) && !ingNoun) break;
    // the head read first: "is investing a total of 200 million" (a verb in -ing before its object's determiner), "rose 0.6% to end at 27,349" (an infinitive of a level verb), "£40k cheaper" (a comparative)
    if (!words.length && !ingNoun && w.endsWith('ing') && lex.determiners.has(lw(t, i + 1))) break;
    if (!words.length && lw(t, i - 1) === 'to' && lex.levelVerbs.has(w)) break;
    if (!words.length && lex.comparatives.has(w)) break;
    words.unshift(tokText(t, i));
    if (i > floor && t.nl[i]) break;
    i--;
  }
  return { words, start: i + 1 };
}

/** Where the run of capitalised words ending at token k starts ("Port Alder" read back from "Alder"). */
function npStartBack(t: Tokens, k: number): number {
  let i = k;
  while (i - 1 >= 0 && isCapitalised(t, i - 1)) i--;
  return i;
}

/** The event verb after a noun phrase: aux chain then a verb form ("have been called up", "were fired"). */
function eventAfter(t: Tokens, k: number, lex: Lexicon, limit: number): { lemma: string; word: string } | null {
  let i = k;
  let aux = 0;
  // ("were slightly hurt", "were seriously injured": an adverb in -ly after the auxiliary)
  while (i < limit && isWord(t, i) && (lex.auxiliaries.has(lw(t, i)) || lex.adverbs.has(lw(t, i)) || lw(t, i) === 'not' || (aux > 0 && /^[a-z]{3,}ly$/.test(lw(t, i)) && lex.auxiliaries.has(lw(t, i - 1)))) && aux < 5) {
    i++;
    aux++;
  }
  if (!isWord(t, i) || i >= limit) return null;
  // ("SEVENTEEN people are now known to have died", "are feared to have drowned", "are believed to be trapped")
  if (HEDGED.has(lw(t, i)) && lw(t, i + 1) === 'to' && (lw(t, i + 2) === 'have' || lw(t, i + 2) === 'be') && i + 3 < limit && isWord(t, i + 3)) {
    i += lw(t, i + 3) === 'been' ? 4 : 3;
    if (!isWord(t, i) || i >= limit) return null;
  }
  const pv = lex.phrasalVerbs.candidates(tokText(t, i), lw(t, i));
  if (pv) {
    for (const e of pv) {
      let ok = true;
      for (let q = 0; q < e.toks.length; q++) if (lw(t, i + q) !== e.toks[q]!.text) ok = false;
      if (ok) return { lemma: e.value, word: e.toks.map((x) => x.text).join(' ') };
    }
  }
  const w = lw(t, i);
  if (aux === 0 && !(w.endsWith('ed') || lex.verbForms.has(w) || w.endsWith('ing'))) return null;
  const lemma = verbLemma(lex, w);
  if (!lemma || NP_STOP.has(w)) return null;
  return { lemma, word: tokText(t, i) };
}

/** Participles that hedge the event after them: "known to have died", "feared to have drowned", "believed to be trapped". */
const HEDGED = new Set(['known', 'believed', 'thought', 'feared', 'reported', 'confirmed', 'said', 'understood', 'presumed', 'estimated']);

/** The event verb before a figure: "retaking 75", "destroyed eight", "killing at least 45". */
function eventBefore(t: Tokens, k: number, lex: Lexicon, floor: number): { lemma: string; word: string } | null {
  let i = k;
  // skip determiners and adverbs: "killing at least", "destroyed all"
  while (i >= floor && isWord(t, i) && (lex.determiners.has(lw(t, i)) || EVENT_SKIP.has(lw(t, i)))) i--;
  if (!isWord(t, i)) return null;
  // a phrasal verb ending right here: "shot down 52", "called up 222,000", "took part"
  const phrasal = phrasalEndingAt(t, i, lex, floor);
  if (phrasal) return phrasal;
  const w = lw(t, i);
  // ("including 11,000", "excluding 40": a part or an exception, no event)
  // ("free cash flow reached €510m", "sales came in at …": a verb of level, not an event)
  if (NP_STOP.has(w) || lex.auxiliaries.has(w) || lex.changeVerbs.has(w) || LEVEL_VERBS.has(w) || w === 'including' || w === 'excluding' || w === 'included') return null;
  if (!(lex.verbForms.has(w) || (w.length > 4 && (w.endsWith('ed') || w.endsWith('ing'))))) return null;
  const lemma = verbLemma(lex, w);
  return lemma ? { lemma, word: tokText(t, i) } : null;
}

const COME = new Set(['came', 'come', 'comes']);
const LEVEL_VERBS = new Set(['reached', 'reach', 'reaches', 'stood', 'stands', 'stand', 'totalled', 'totaled', 'totals', 'amounted', 'amounts', 'numbered', 'came', 'come', 'comes']);
const STATE_LEAD = new Set(['still', 'now', 'currently', 'remain', 'remained', 'remains', 'being', 'treated', 'cared', 'for', 'receiving', 'treatment', 'sleeping', 'staying', 'housed', 'sheltering', 'sheltered']);
const CARE_STATES = new Set(['hospital', 'intensive', 'critical']);
const SHELTERS = new Set(['shelters', 'centres', 'centers', 'camps']);
/** "97 shelters", "131 public shelters", "evacuation centres": places people shelter in, after "in" (plural: "the
 * Competence Centre" is no shelter). */
function shelterAt(t: Tokens, q: number, lex: Lexicon): boolean {
  if (lex.cardinals.has(lw(t, q))) q++;
  while (t.kind[q] === T_NUM || ((tokText(t, q) === ',' || tokText(t, q) === '.') && t.kind[q + 1] === T_NUM && t.gap[q + 1] === 0)) q++;
  for (let n = 0; n < 3 && isWord(t, q); n++, q++) if (SHELTERS.has(lw(t, q))) return true;
  return false;
}
const LIGHT_VERBS = new Set(['make', 'carry out', 'conduct', 'perform']);
const LABEL_VALUE_END = new Set(['(', ';', ',', '.', '|']);
const LIST_BULLETS = new Set(['-', '*', '•', '–', '—', '·']);

/**
 * The words of a label that runs from the start of its block (after a list bullet) to the colon at `colon`: up to
 * a comma, a bracket or a preposition ("New cases in week 38" → New cases; "Number of arrests" → arrests). Nothing
 * when the label holds a number ("Week 37: 47") or is longer than a short noun phrase.
 */
function labelBefore(t: Tokens, colon: number, lex: Lexicon, from: number): string[] {
  let s = from;
  while (s < colon && t.kind[s] === T_PUNCT && LIST_BULLETS.has(tokText(t, s))) s++;
  if (colon - s > 10 || colon <= s) return [];
  const words: string[] = [];
  for (let i = s; i < colon; i++) {
    if (!isWord(t, i)) {
      const p = tokText(t, i);
      if (p === ',' || p === '(') break;
      if (p === '-' && t.gap[i] === 0) continue;
      return [];
    }
    const w = lw(t, i);
    if (words.length && w === 'of' && words.length === 1 && lex.genericHeads.has(words[0]!.toLowerCase())) {
      words.length = 0;
      continue;
    }
    if (lex.prepositions.has(w) || lex.conjunctions.has(w)) break;
    if (lex.determiners.has(w) || lex.auxiliaries.has(w)) return [];
    words.push(tokText(t, i));
  }
  return words.length <= 5 ? words : [];
}

/** "the last eight arrests", "the first 20 patients": a subset picked by its order. */
const ORDER_PICKS = new Set(['last', 'first', 'final']);

const CLAUSE_WORDS = new Set(['when', 'after', 'as', 'where', 'who', 'which', 'that', 'since', 'in', 'on', 'at', 'from', 'by', 'without', 'with', 'across', 'among', 'under', 'for']);

/**
 * A sentence that opens with "The (total) number of X …" and reaches the figure through a clause or phrases: X, with
 * its event ("people killed"). Null when the sentence opens otherwise.
 */
function numberOfSubject(t: Tokens, b: number, lex: Lexicon, from: number, to: number): { words: string[]; event: { lemma: string; word: string } | null } | null {
  let s = b;
  for (let steps = 0; s > from && steps < 40; s--, steps++) {
    if (t.kind[s - 1] === T_PUNCT && /^[.!?;:]$/.test(tokText(t, s - 1))) break;
  }
  let q = s;
  if (lw(t, q) === 'the') q++;
  if (lw(t, q) === 'total') q++;
  if (lw(t, q) !== 'number' || lw(t, q + 1) !== 'of') return null;
  const np = npForward(t, q + 2, lex, to);
  if (!np.words.length || np.end > b) return null;
  // only past a clause or a phrase: "the number of people killed has risen to 19" is read the usual way
  if (!CLAUSE_WORDS.has(lw(t, np.end)) && !CLAUSE_WORDS.has(lw(t, np.end + 1))) return null;
  let event = eventAfter(t, np.end, lex, to);
  if (!event && np.verbAfter >= 0) event = findVerbAfterPhrase(t, q + 2, np.words.length, lex, to);
  return { words: np.words, event };
}

const DEMONSTRATIVES = new Set(['these', 'those', 'them', 'this', 'that']);

export function describeFigure(t: Tokens, lex: Lexicon, f: RawFigure, from: number, to: number, next: RawFigure | undefined): Description {
  let k = f.te;
  // skip a parenthetical conversion: "1,100-km (684-mile) front line"
  if (k < to && tokText(t, k) === '(' && next && next.ts === k + 1 && tokText(t, next.te) === ')') k = next.te + 1;
  let ofPhrase = false;
  // "280 mm of rain", "a third of the region", "hundreds of settlements", "€30 million of aid"
  const share = f.form === 'vague' || f.form === 'fraction' || f.unit !== null;
  // ("two of Johnson's deputies": a possessive name is a determiner)
  const possessiveAt = (q: number) => isCapitalised(t, q) && tokText(t, q + 1) === "'" && lw(t, q + 2) === 's' && t.gap[q + 1] === 0 && t.gap[q + 2] === 0;
  const partitive = f.unit === null && lw(t, k) === 'of' && isWord(t, k + 1) && (lex.determiners.has(lw(t, k + 1)) || lw(t, k + 1) === 'them' || possessiveAt(k + 1));
  if ((share || partitive) && lw(t, k) === 'of') {
    k++;
    ofPhrase = true;
    while (k < to && (isWord(t, k) ? lex.determiners.has(lw(t, k)) : tokText(t, k) === '"' || tokText(t, k) === "'")) k++;
    if (partitive && possessiveAt(k) && isWord(t, k + 3)) k += 3;
    // "36.4% of the country's 412,000 state-school teachers": a share of the thing counted after the possessive and
    // its count
    if (share && f.unit?.dimension === 'percent' && isWord(t, k) && tokText(t, k + 1) === "'" && lw(t, k + 2) === 's' && t.gap[k + 1] === 0 && t.gap[k + 2] === 0 && t.kind[k + 3] === T_NUM) {
      let q = k + 3;
      while (q < to && (t.kind[q] === T_NUM || ((tokText(t, q) === ',' || tokText(t, q) === '.') && t.gap[q] === 0 && t.kind[q + 1] === T_NUM))) q++;
      if (isWord(t, q)) k = q;
    }
  } else if (f.unit?.dimension === 'currency' && (lw(t, k) === 'in' || lw(t, k) === 'for') && isWord(t, k + 1) && !lex.determiners.has(lw(t, k + 1))) {
    k++;
  }
  let distance = false;
  // "640 metres underground", "1,920ft below the surface", "1,140 metres above sea level", "420 metres (1,640ft) wide":
  // the dimension the length is of
  let dimension: { word: string; n: number; at: number } | null = null;
  if (f.unit?.dimension === 'length') {
    // "9 miles south-east of Castelmoro", "120 km away", "190 km from the capital"
    let q = k;
    if (tokText(t, q) === '(' ) {
      // "190 km (118 miles) away": skip a parenthesis
      while (q < to && tokText(t, q) !== ')' && q - k < 8) q++;
      q++;
    }
    const nx = lw(t, q);
    const dim = lengthDimension(t, q);
    if (dim) dimension = { ...dim, at: q };
    else if (DISTANCE_NEXT.has(nx)) distance = true;
    // "… to the north", "… to the south-east of the city"
    else if (nx === 'to' && (COMPASS.has(lw(t, q + 1).split('-')[0]!) || (lw(t, q + 1) === 'the' && COMPASS.has(lw(t, q + 2).split('-')[0]!)))) distance = true;
  }
  const agree: Agreement = f.unit !== null || ofPhrase || f.ratio || f.compound || (f.form !== 'digits' && f.form !== 'words' && f.form !== 'mixed') || f.low !== f.high
    ? null : f.value === 1 ? 'one' : f.value > 1 && Number.isInteger(f.value) ? 'many' : null;
  // "three more bodies were recovered", "58 more cases": an increment whose own noun follows the increment word
  const increment = incrementNoun(t, f, k, lex);
  if (increment) k++;
  let np = dimension ? { words: [dimension.word], end: dimension.at + dimension.n, verbAfter: -1 } : distance ? { words: [] as string[], end: k, verbAfter: -1 } : npForward(t, k, lex, to, agree);
  let words = np.words;
  // "Price: 23580 Engine: 1.0 litre": in a list of labels and values the word before the next colon is the next label
  if (words.length && tokText(t, np.end) === ':' && tokText(t, f.ts - 1) === ':') {
    words = [];
    np = { words: [], end: k, verbAfter: -1 };
  }
  // ("winds of 185 km/h (135 mph) gusts of 230 km/h": a noun right before "of" and the next figure is that figure's)
  if (words.length && f.unit !== null && f.unit.dimension !== 'currency' && f.unit.dimension !== 'percent' && lw(t, np.end) === 'of' && t.kind[np.end + 1] === T_NUM) {
    words = [];
    np = { words: [], end: k, verbAfter: -1 };
  }
  // "68,400 people who … and 95,800 who have been unemployed": "who" counts persons (weakly: a list still names them,
  // "12,000 marchers … and 15,000 who left early")
  let whoPeople = false;
  // (not "infants under two who, he argued, …": an age bound)
  if (!words.length && !distance && f.unit === null && !ofPhrase && lw(t, k) === 'who' && isWord(t, k + 1) && (f.form === 'digits' || f.form === 'words' || f.form === 'mixed') && f.value > 1 && (f.qualifier === 'exact' || f.qualifier === 'approx')) {
    words = ['people'];
    np = { words, end: k + 1, verbAfter: -1 };
    whoPeople = true;
  }
  // "the 12 page document", "a 3 cylinder engine": after a whole count above 1 a phrase with no plural in it is a
  // compound modifier; the count is of its first noun (pages, cylinders), not of the head it describes
  // (plain lower-case nouns only, the phrase ending at punctuation, a function word or a verb: not "eight hypersonic Grom-9
  // missiles", "7 too many")
  // (a scaled amount is no compound count: "a 114.2 billion dral budget" is drals)
  if (agree === 'many' && words.length >= 2 && !lex.scales.has(lw(t, f.te - 1)) && words.every((w) => /^[a-z]{3,}$/.test(w) && !lex.adverbs.has(w) && !isVerbish(lex, w) && !w.endsWith('ly')) && !words.some((w) => pluralForm(lex, w))
    && (!isWord(t, np.end) || isFunctionWord(lex, lw(t, np.end)) || isVerbish(lex, lw(t, np.end))) && t.kind[np.end] !== T_NUM) words = words.slice(0, 1);
  let weak = false;
  // "Of the dead, 71 were in Castelmoro", "Of the 52 people arrested, 57 …": the counted thing leads the sentence
  const lead = !words.length && f.unit === null ? leadingOf(t, f.ts, from, lex) : null;
  if (lead) {
    words = lead.words;
    ofPhrase = true;
  }
  // "police said 31,000 marched", "31,000 were arrested": a bare count that is the subject of its verb
  let event = words.length ? eventAfter(t, np.end, lex, to) : f.unit === null && !distance && !lead && isWord(t, k) ? eventAfter(t, lw(t, k) === 'who' ? k + 1 : k, lex, to) : null;
  // ("40,000 protested and 3,000 marched": a bare count after "and" with a verb of its own opens a clause; the verb
  // before it is no subject of it)
  const ownClause = !words.length && !!event && lw(t, f.ts - 1) === 'and';
  // "54 still in hospital", "six are in intensive care": people in a state of care (it goes up and down)
  // ("45 people remain in hospital", "patients still in intensive care")
  const peopleOnly = (words.length === 1 || (words.length === 2 && STATE_LEAD.has(words[1]!.toLowerCase()))) && /^(?:people|patients|persons)$/i.test(words[0]!);
  // ("14,600 remain in 97 shelters": a state word is no counted thing)
  const stateOnly = words.length === 1 && STATE_LEAD.has(words[0]!.toLowerCase());
  if (f.unit === null && !distance && (!words.length || peopleOnly || stateOnly)) {
    const from0 = words.length && !stateOnly ? np.end : k;
    let q = from0;
    while (q < to && q < from0 + 5 && isWord(t, q) && (STATE_LEAD.has(lw(t, q)) || lex.auxiliaries.has(lw(t, q)))) q++;
    // ("being treated in three hospitals")
    const place = lw(t, q) === 'in' && (t.kind[q + 1] === T_NUM || lex.cardinals.has(lw(t, q + 1))) && lw(t, q + 2) === 'hospitals' ? 'hospital' : lw(t, q) === 'in' ? lw(t, q + 1) : '';
    if (CARE_STATES.has(place) || place === 'hospitals') {
      words = [stateOnly ? 'people' : words[0] ?? 'people', 'in', place.startsWith('hospital') ? 'hospital' : `${place} care`];
      event = { lemma: words.slice(1).join(' '), word: '' };
    } else if (lw(t, q) === 'in' && (q > from0 || words.length) && shelterAt(t, q + 1, lex)) {
      // "14,600 remain in 97 shelters", "148,900 people are in evacuation centres": people sheltering (up and down)
      words = [stateOnly ? 'people' : words[0] ?? 'people', 'in', 'shelters'];
      event = { lemma: 'shelter', word: '' };
    } else if (words.length && ((lw(t, q) === 'on' && lw(t, q + 1) === 'board') || lw(t, q) === 'aboard')) {
      // "252 people were on board", "at least 290 people were aboard": the people a vessel carried
      words = [words[0]!, 'on', 'board'];
      event = { lemma: 'on board', word: '' };
    }
  }
  if (words.length && np.verbAfter >= 0 && !event) {
    // the popped trailing verb form
    const vw = findVerbAfterPhrase(t, k, words.length, lex, to);
    if (vw) event = vw;
  }
  // "More than 6,000 homes and 18,000 hectares (44,000 acres) of farmland were flooded": the verb of a coordinated
  // subject is each part's event
  if (!event && words.length && f.unit === null && lw(t, np.end) === 'and' && (t.kind[np.end + 1] === T_NUM || lex.cardinals.has(lw(t, np.end + 1)))) {
    let depth = 0;
    for (let q = np.end + 2; q < to && q < np.end + 16; q++) {
      const p = tokText(t, q);
      if (p === '(') depth++;
      else if (p === ')') depth--;
      else if ((p === ',' || p === '.') && t.gap[q + 1] === 0 && t.kind[q + 1] === T_NUM) continue;
      else if (depth === 0 && (p === ',' || p === '.' || p === ';' || p === ':' || lw(t, q) === 'and')) break;
      else if (depth === 0 && isWord(t, q) && (lex.auxiliaries.has(lw(t, q)) || lex.verbForms.has(lw(t, q)))) {
        // (what they were doing is no event of theirs: "12 helicopters and 6 air tankers were dropping water")
        const ev = eventAfter(t, q, lex, to);
        if (ev && !ev.word.toLowerCase().endsWith('ing')) event = ev;
        break;
      }
    }
  }
  if (!words.length && !distance) {
    weak = true;
    // subject before: "the death toll rose to 45", "turnout was 62%", "revenue of $1.2 billion"
    let b = f.ts - 1;
    let skipped = 0;
    // ("sales came in at €6.4bn": "in" only after "came")
    // ("a buyback worth 2 billion", not "a net worth of 1.356 billion")
    const skippable = (k: number) => isWord(t, k) && ((SKIP_BEFORE.has(lw(t, k)) && !(lw(t, k) === 'worth' && lw(t, k - 1) === 'net')) || lex.changeVerbs.has(lw(t, k)) || lex.adverbs.has(lw(t, k)) || (lw(t, k) === 'in' && COME.has(lw(t, k - 1))));
    while (b >= from && skipped < 6 && skippable(b)) {
      b--;
      skipped++;
    }
    // "Net profit climbed 16% to €1.25 billion (from €1.08 billion)": past the change to the subject of its verb
    // ("fell by almost a third, to €431m")
    // (and the period of the change, and the amount's currency word: "fell by 1.07 billion crowns in six months, to")
    const amountTok = (k: number) => t.kind[k] === T_NUM || /^(?:%|\.|,|€|\$|£|¥)$/.test(tokText(t, k)) || /^(?:percent|per|cent|pct|points?|percentage|bn|billion|million|m|by|a|an|almost|nearly|about|around|roughly|some|more|than|half|thirds?|quarters?|fifths?|tenths?)$/.test(lw(t, k))
      || (isWord(t, k) && (SPAN_UNITS.has(lw(t, k)) || lex.cardinals.has(lw(t, k)) || /^(?:in|over|the|past|last)$/.test(lw(t, k)))) || currencyWord(t, k, lex);
    if (b >= from && amountTok(b) && (lw(t, b + 1) === 'to' || lw(t, b + 1) === 'from')) {
      let c = b;
      let steps = 0;
      while (c >= from && steps < 12 && amountTok(c)) {
        c--;
        steps++;
      }
      let verb = false;
      while (c >= from && steps < 18 && skippable(c)) {
        if (lex.changeVerbs.has(lw(t, c)) || lw(t, c) === 'up' || lw(t, c) === 'down') verb = true;
        c--;
        steps++;
      }
      if (verb && c < b) {
        b = c;
        skipped = Math.max(skipped, 1);
      }
    }
    // ("around 25k or 40k cheaper": the scale of the figure before is no subject)
    const scaleOfFigure = isWord(t, b) && t.kind[b - 1] === T_NUM && (lex.scales.has(lw(t, b)) || t.gap[b] === 0);
    // ("police counted 52,000 in Paris and 131,000 across the country": a place passed by "and" names no subject)
    // ("9,800 for Lirenne and 6,400 for Pavost": a place told for the figure before, too)
    const placePrep = npStartBack(t, b) - 1;
    const passedPlace = lw(t, f.ts - 1) === 'and' && isCapitalised(t, b) && (lex.placePrepositions.has(lw(t, placePrep)) || (lex.figurePlacePrepositions.has(lw(t, placePrep)) && t.kind[placePrep - 1] === T_NUM));
    if ((skipped > 0 || lw(t, f.ts - 1) === 'of') && !scaleOfFigure && !passedPlace && !ownClause) {
      const back = subjectBackward(t, b, lex, from);
      if (back.words.length) {
        words = back.words;
        ofPhrase = false;
        if (back.event && !event) event = back.event;
      } else if (back.event && !event) event = back.event;
      // "The number of people killed when the express fell from the viaduct has risen to 19": the sentence's
      // subject, past the clause inside it
      if (skipped > 0) {
        const subj = numberOfSubject(t, b, lex, from, to);
        if (subj) {
          words = subj.words;
          ofPhrase = false;
          if (subj.event) event = subj.event;
        }
      }
    }
  }
  // "Ulmara's strongest gust, 234 km/h (165 mph), was measured …", "Its top speed, 300 km/h, is …": a measurement
  // set between commas right after a noun phrase is that phrase's value (an appositive)
  if (!words.length && !distance && f.unit !== null && f.unit.dimension !== 'currency' && f.unit.dimension !== 'percent') {
    const ap = appositiveOwner(t, f, lex, from, to);
    if (ap) words = ap;
  }
  // "- Hospitalised, cumulative: 67", "New cases in week 38: 58", "Arrests: 57": a label before a colon at the start
  // of its line names what the figure counts
  // (a value list, not a headline's question: "Strike day in Caldorra: 65,000 or 300,000?" takes the body's meaning)
  // ("Rain at the Mirovel station: 308 mm in the 72 hours to 06:00", "Revenue: €4.8 billion in the quarter": a label
  // names a measurement or an amount even when its line goes on)
  // ("- Participants: 31,000 in 46 towns", "Tractors: 5,200 nationwide": a count whose line goes on with its place)
  const placeNext = f.unit === null && f.te < to && t.nl[f.te] !== 1 && (lex.placePrepositions.has(lw(t, f.te)) || lex.figurePlacePrepositions.has(lw(t, f.te)) || lex.nationalWords.has(lw(t, f.te)));
  if (!words.length && !distance && tokText(t, f.ts - 1) === ':' && (f.te >= to || t.nl[f.te] === 1 || LABEL_VALUE_END.has(tokText(t, f.te)) || (f.unit !== null && f.unit.dimension !== 'percent') || placeNext)) {
    const lab = labelBefore(t, f.ts - 1, lex, from);
    const last = lab.length ? lab[lab.length - 1]!.toLowerCase() : '';
    const named = f.unit !== null || nounLemma(lex, last) !== last || lex.peopleAdjectives.has(last) || lex.eventNouns.has(last) || lex.totalNouns.has(last);
    if (lab.length && named) words = lab;
  }
  if (!words.length && f.unit === null) {
    // "put the civilian death toll in the city … at more than 5,000": a total noun earlier in the sentence
    for (let b = f.ts - 1, steps = 0; b >= from && steps < 30; b--, steps++) {
      if (!isWord(t, b)) {
        const p = tokText(t, b);
        if (p === '.' || p === '!' || p === '?' || p === ';') break;
        continue;
      }
      if (lex.totalNouns.has(lw(t, b))) {
        const back = npBackward(t, b, lex, from);
        if (back.length) words = back;
        break;
      }
    }
  }
  // "an airliner carrying 191 people made an emergency landing": the verb after is the airliner's
  if (event && CARRYING.has(lw(t, f.ts - 1)) && !predicateAfter(t, np.end, lex, to)) event = null;
  // ("walked the 4.5-kilometre route", "followed a 6.5 km route": a measurement inside its noun's phrase; the verb
  // before is done with the thing, not an event of its size)
  if (!event && !sizeModifier(t, f, words.length, lex)) event = eventBefore(t, f.ts - 1, lex, from);
  // "one dead", "45 injured": adjectives standing for people
  if (words.length === 1 && lex.peopleAdjectives.has(words[0]!.toLowerCase()) && f.unit === null) {
    const adj = words[0]!;
    words = ['people', adj];
    if (!event) event = { lemma: verbLemma(lex, adj.toLowerCase()) ?? adj.toLowerCase(), word: '' };
  }
  // "home to about 610,000 people", "a town of 9,000 residents": a population
  if (words.length && f.unit === null && /^(?:people|residents|inhabitants|persons|souls)$/i.test(words[words.length - 1]!)) {
    const p1 = lw(t, f.ts - 1);
    const p2 = lw(t, f.ts - 2);
    if ((p1 === 'to' && p2 === 'home') || (p1 === 'of' && POPULATION_PLACES.has(p2)) || p1 === 'population' || p2 === 'population') words = ['population'];
  }
  const phrase = words.length ? words.join(' ') : null;
  const head = words.length ? words[words.length - 1]! : null;
  const headLemma = head ? nounLemma(lex, head.split('-').pop()!) : null;
  // "police made 75 arrests", "carried out 40 evacuations": a light verb; the event is the noun's
  if (event && LIGHT_VERBS.has(event.lemma) && headLemma && lex.eventNouns.has(headLemma)) event = null;
  const nx = lw(t, f.te);
  const pv = lw(t, f.ts - 1);
  const comparative = !words.length && (COMPARATIVE_BEFORE.has(pv) || (pv === 'from' && (lw(t, f.ts - 2) === 'up' || lw(t, f.ts - 2) === 'down')));
  return {
    // ("an average of 1,500": the statistic describes the figure, but nothing counted is named)
    noun: words[0] === 'people' && words.length === 2 ? 'person' : headLemma !== null && words.length === 1 && lex.statisticHeads.has(headLemma) ? null : headLemma,
    phrase,
    event: event ? event.lemma : null,
    eventWord: event && event.word ? event.word : null,
    ofPhrase,
    elliptic: comparative || (!words.length && (nx === 'more' || nx === 'others' || nx === 'other' || nx === 'additional' || nx === 'further')),
    distance,
    // "two of these vehicles": a subset named by reference; "arrested 12 of the protesters" counts arrests
    // ("the last eight arrests were made after midnight": some of the arrests, picked by their order)
    subset: (partitive && t.kind[f.te + 2] !== T_NUM && !placeFollows(t, f.te, to) && (!event || DEMONSTRATIVES.has(lw(t, f.te + 1)))) || (words.length > 1 && SUBSET_MODS.has(words[0]!.toLowerCase()))
      || (f.unit === null && ORDER_PICKS.has(lw(t, f.ts - 1)) && lw(t, f.ts - 2) === 'the' && words.length > 0)
      // ("two more people have died", "Eleven more were found": an increment, not the count it adds to)
      || (f.unit === null && !words.length && INCREMENT_WORDS.has(nx) && lw(t, f.te + 1) !== 'than')
      || (increment && words.length > 0),
    weak: weak || !words.length || whoPeople,
    holder: holderOf(t, f, from, lex),
    ofHead: lead ? lead.head : -1,
    generic: headLemma !== null && lex.genericHeads.has(head!.toLowerCase()),
  };
}

/**
 * A bare count right before "more", "additional" or "further" and then a content word ("three more bodies", "two
 * further cases"): the increment word is no noun of its own; the count's noun is the word after it. Not before
 * "than", a function word or a verb ("two more were found").
 */
function incrementNoun(t: Tokens, f: RawFigure, k: number, lex: Lexicon): boolean {
  if (f.unit !== null || k !== f.te || !INCREMENT_WORDS.has(lw(t, k)) || !isWord(t, k + 1)) return false;
  const w = lw(t, k + 1);
  return w !== 'than' && !NP_STOP.has(w) && !isFunctionWord(lex, w) && !isVerbish(lex, w) && !lex.adverbs.has(w);
}
const INCREMENT_WORDS = new Set(['more', 'additional', 'further']);

/**
 * A physical measurement that modifies the noun after it, after a determiner ("the 4.5-kilometre route", "a 42-metre
 * tower"): not money, shares, durations or counts.
 */
function sizeModifier(t: Tokens, f: RawFigure, nWords: number, lex: Lexicon): boolean {
  const d = f.unit?.dimension;
  return !!d && nWords > 0 && !NOT_SIZES.has(d) && isWord(t, f.ts - 1) && lex.determiners.has(lw(t, f.ts - 1));
}
const NOT_SIZES = new Set(['currency', 'percent', 'pp', 'bp', 'duration', 'count']);

function findVerbAfterPhrase(t: Tokens, k: number, nWords: number, lex: Lexicon, to: number): { lemma: string; word: string } | null {
  // walk the phrase again to the token after its last kept word, then read the verb there
  let i = k;
  let count = 0;
  while (i < to && count < nWords) {
    if (isWord(t, i)) count++;
    i++;
    while (i + 1 < to && tokText(t, i) === '-' && t.gap[i] === 0 && isWord(t, i + 1) && t.gap[i + 1] === 0) i += 2;
  }
  if (!isWord(t, i)) return null;
  const w = lw(t, i);
  const lemma = verbLemma(lex, w);
  return lemma ? { lemma, word: tokText(t, i) } : null;
}

export { T_NUM };
