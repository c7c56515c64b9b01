/**
 * extract: text → figures (Mention[]). One linear tokenization, chrono-node on date cues only, the figure
 * grammar per block, then the links between figures of one block (conversions, part-whole, shares) and what
 * each figure counts.
 */
import { getLexicon, type Lexicon, type UnitDef } from '../lexicon/index.js';
import type { Mention, Segment } from '../types.js';
import { findDateSpans, type Span } from './dates.js';
import { describeFigure, nounLemma, placeListItem, verbLemma, type Description } from './measure.js';
import { normalizeForScan } from './normalize.js';
import { exactNumber, readDigits, readStandaloneNumeral, readWordNumber, readWords } from './numeral.js';
import { looksPluralNoun, scanBlock, type RawFigure } from './scan.js';
import { asciiLowerHashOf, HashSet, isCapitalised, T_NUM, T_PUNCT, T_WORD, tokenize, tokLower, tokText, type Tokens } from './tokens.js';
import { escapeRe } from '../util/regex.js';

export interface ExtractOptions {
  lexicon?: Lexicon;
}

/** Token index of the first token starting at or after offset `off`. */
function firstTokenAt(t: Tokens, off: number): number {
  let lo = 0;
  let hi = t.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.start[mid]! < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function extract(text: string, segments?: Segment[], opts: ExtractOptions = {}): Mention[] {
  const lex = opts.lexicon ?? getLexicon();
  const norm = normalizeForScan(text);
  const t = tokenize(norm);
  const dates = findDateSpans(t);
  const blocks: Array<[number, number]> = [];
  if (segments && segments.length) {
    for (const s of segments) {
      // a table's header cells are labels ("Q2 2025", "Rain, 24 h to 08:00 (mm)"), not figures; a first row of bare
      // numbers is data
      if (s.kind === 'cell' && s.cell?.row === 0 && /[A-Za-z]/.test(text.slice(s.start, s.end))) continue;
      const a = firstTokenAt(t, s.start);
      const b = firstTokenAt(t, s.end);
      if (b > a) blocks.push([a, b]);
    }
  } else if (t.n) blocks.push([0, t.n]);
  const out: Mention[] = [];
  for (const [from, to] of blocks) extractBlock(text, t, lex, dates, from, to, out);
  inheritCounted(out, lex, text);
  incidentParts(out, text);
  return out;
}

/**
 * "Sunday 18 May 2025 | No. 2,417 | 2.50 euros": a field of a masthead line (fields between bars, one an issue
 * number) is the paper's cover price or edition, not a figure of the news.
 */
function mastheadField(text: string, start: number, end: number): boolean {
  // (a short line only: looking no further than 200 characters either way keeps a 20 MB line linear)
  if (text.charCodeAt(start - 1) !== 124 && text.charCodeAt(start - 2) !== 124) return false;
  const back = Math.max(0, start - 201);
  const pnl = text.slice(back, start).lastIndexOf('\n');
  if (pnl < 0 && back > 0) return false;
  const ls = pnl < 0 ? 0 : back + pnl + 1;
  const win = text.slice(end, end + 201);
  const nl = win.indexOf('\n');
  const le = nl >= 0 ? end + nl : end + win.length >= text.length ? text.length : -1;
  if (le < 0 || le - ls > 200) return false;
  const before = text.slice(ls, start);
  const after = text.slice(end, le);
  if (!/\|\s*$/.test(before) || !/^\s*(?:\||$)/.test(after)) return false;
  return /\b(?:no|issue|edition|vol)\b\.?\s*[\d,.]+/i.test(text.slice(ls, le));
}

/** Does the block of tokens [from, to) talk about an earthquake (a word of the lexicon's quake_words)? */
function quakeTalk(t: Tokens, lex: Lexicon, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (t.kind[k] === T_WORD && lex.quakeWords.has(tokLower(t, k))) return true;
  return false;
}

/** The figures of the block of tokens [from, to), appended to `out` (their links are indexes into `out`). */
function extractBlock(text: string, t: Tokens, lex: Lexicon, dates: Span[], from: number, to: number, out: Mention[]): void {
  const figs = scanBlock({ t, lex, dates, from, to }).filter((f) => !mastheadField(text, f.start, f.end) && !reportingPeriod(text, f, lex) && !openingHours(text, f) && !inSlogan(text, f) && !clockInWords(text, f));
  if (!figs.length) return;
  for (const f of figs) if (!f.unit && !f.per) f.per = clauseRate(t, f, from, to);
  inferUnits(t, lex, figs, text, from < t.n ? t.start[from]! : text.length);
  // "Two magnitudes. The ASI says 5.9; the GSMC says 6.1", "a 6.1 releases twice the energy of a 5.9": in a paragraph
  // about a quake, a bare number with one decimal from 2 to 9.9 is a magnitude
  // (nothing counted after it: "says 5.9;", "a 5.9 for one", not "4.5 people"; the paragraph is read only when a
  // figure could be one)
  const mag = lex.unitsByName.get('magnitude');
  const bare = (f: RawFigure) => !f.unit && !f.per && f.form === 'digits' && f.value >= 2 && f.value < 10 && /^\d\.\d$/.test(f.exact);
  if (mag && figs.some(bare) && quakeTalk(t, lex, from, to)) {
    for (const f of figs) {
      if (!bare(f)) continue;
      const next = f.te < t.n && t.kind[f.te] === T_WORD ? tokLower(t, f.te) : null;
      if (next === null || lex.prepositions.has(next) || lex.conjunctions.has(next) || /^(?:magnitude|quake|earthquake|tremor|shock|aftershock)s?$/.test(next)) f.unit = mag;
    }
  }
  // "about 40 deaths for every 100,000 residents": the second figure is the rate's denominator, not a figure
  for (let i = 0; i + 1 < figs.length; i++) {
    const a = figs[i]!;
    const b = figs[i + 1]!;
    if (a.unit || a.per || b.unit || b.qualifier !== 'exact' || b.ts - a.te > 6) continue;
    const w1 = tokLower(t, b.ts - 1);
    const w2 = tokLower(t, b.ts - 2);
    if (w1 === 'every' || w1 === 'per' || (w1 === 'each' && w2 === 'for')) {
      a.per = exactNumber(b.value);
      figs.splice(i + 1, 1);
    }
  }
  const descs: Description[] = figs.map((f, i) => describeFigure(t, lex, f, from, to, figs[i + 1]));
  const inheritedInSentence = inheritDescriptions(text, t, lex, figs, descs, from, to);
  namedRows(text, figs, descs);
  const base = out.length;
  const links = linkFigures(t, lex, figs, to);
  // "Of the 52 people arrested, 57 were placed in custody": 57 is part of 52
  for (let i = 0; i < figs.length; i++) {
    const h = descs[i]!.ofHead;
    if (h < 0 || links[i]!.partOf !== undefined) continue;
    const w = figs.findIndex((g) => g.cs === h || (g.ts <= h && h < g.te));
    if (w >= 0 && w !== i && (figs[w]!.unit?.name ?? 'count') === 'count') links[i]!.partOf = w;
  }
  pushMentions(text, t, lex, figs, descs, inheritedInSentence, from, to, out);
  applyLinks(t, lex, figs, descs, links, from, to, out, base);
  changesOfAmounts(text, figs, out, base);
}

/**
 * "Net profit reached €688m, up 7.3%", "net interest income grew 5.9% to €2.18bn": a change in per cent is a change of
 * the amount it is told with — the one it goes "to", else the one just before it, past an earlier value ("rose to 688m
 * from 641m, a rise of 7.3%") — and, when it names nothing itself, measures what that amount measures. (Not a rate's
 * level, "rose 0.4% to 6.4%", nor across a clause or sentence end: "…to €2.18bn; costs rose 3%".)
 */
function changesOfAmounts(text: string, figs: RawFigure[], out: Mention[], base: number): void {
  for (let i = 0; i < figs.length; i++) {
    const m = out[base + i]!;
    if (m.role !== 'change' || m.dimension !== 'percent') continue;
    let j = i + 1 < figs.length && /^\s+to\s+$/.test(text.slice(figs[i]!.end, figs[i + 1]!.start)) ? i + 1 : -1;
    if (j < 0) for (let k = i - 1; k >= 0 && k >= i - 2 && j < 0; k--) if (out[base + k]!.role !== 'history') j = k;
    if (j < 0) continue;
    const o = out[base + j]!;
    const own = !!m.noun || !weakMeasure(m);
    // (an amount that names nothing is still the one a change that names its measure goes to: "lifting revenue by 18%
    // to 9.62bn ducats")
    if (o.role || o.dimension === 'percent' || ((!o.noun || weakMeasure(o)) && !(own && j === i + 1))) continue;
    const gap = text.slice(figs[Math.min(i, j)]!.end, figs[Math.max(i, j)]!.start);
    if (gap.length > 80 || /[;:!?]|\.\s/.test(gap)) continue;
    const half = (o.precision ?? 0) / 2;
    m.changeOfAmount = { unit: o.unit, lo: (o.low ?? -Infinity) - half, hi: (o.high ?? Infinity) + half, own };
    // (only a measure named before its amount, as a subject is: "sales of $18bn in April" measures no "April")
    if (own || !text.slice(Math.max(0, figs[j]!.start - 120), figs[j]!.start).toLowerCase().includes(o.measure.toLowerCase())) continue;
    inherit(m, o);
    // (the amount's holder too: "Industrial Automation had sales of €3.91bn, up 3.2%" is the division's change)
    if (!m.holder && o.holder) m.holder = o.holder;
  }
}

/**
 * "Police count 41,300 marchers in four cities; the union claims 96,000", "a third fewer than the 310,000": a count a
 * hundred times the figure before it (a count, a fraction) is no next item of a list of those, nor what a generic head
 * ("the figure of 12,400") refers to: what the small figure counts is not what the bare count counts.
 */
function muchSmaller(p: RawFigure, f: RawFigure): boolean {
  return !p.unit && p.value >= 0 && f.value >= 100 * Math.max(p.value, 1e-9);
}

/**
 * What a figure with nothing of its own counts, taken from the figures before it in its block; true for the figures
 * that a generic head compared with a figure of the same sentence makes a benchmark.
 */
function inheritDescriptions(text: string, t: Tokens, lex: Lexicon, figs: RawFigure[], descs: Description[], from: number, to: number): boolean[] {
  // "several thousand more", "the figure of 300,000": take what the previous figure of the block counts
  const inheritedInSentence: boolean[] = figs.map(() => false);
  for (let i = 1; i < figs.length; i++) {
    let d = descs[i]!;
    const f0 = figs[i]!;
    // "71 were in Castelmoro and 47 in Verlano", "Mobility €2.87 billion and Digital Services €1.46 billion",
    // "61.4%, up 3.2 percentage points": a figure with nothing of its own takes the previous figure's
    const sameSentence = !/[.!?]\s/.test(text.slice(figs[i - 1]!.end, f0.start));
    // only in a list: no verb between the two figures ("killing nine people … and leaving millions without power" is no list)
    // (or a list of places past the first item's verb: "95,000 people marched in Brannick, 30,000 in Ostrel")
    const listed = (!hasVerbBetween(t, figs[i - 1]!.te, f0.ts, lex) || placeListItem(t, lex, f0, figs[i - 1]!.te)) && f0.form !== 'vague';
    const bare = (!d.phrase || (d.weak && !descs[i - 1]!.weak)) && sameSentence && listed && (f0.unit?.name ?? 'count') === (figs[i - 1]!.unit?.name ?? 'count');
    const ppAfterPercent = f0.unit?.dimension === 'pp' && d.weak && sameSentence && figs[i - 1]!.unit?.dimension === 'percent';
    // "shot down 52 of the 64 missiles and 77 drones": a listed figure shares the verb of the one before
    // — only a list: figures of one unit joined by "and", "or" or a comma within a few words
    let joined = false;
    if (f0.ts - figs[i - 1]!.te <= 4) for (let k = figs[i - 1]!.te; k < f0.ts; k++) if (LIST_JOINERS.has(tokLower(t, k))) joined = true;
    // ("fired 64 missiles, including eight hypersonic Grom-9 missiles, and 90 drones": the last item of the list,
    // right after its "and", however long the item before)
    if (tokLower(t, f0.ts - 1) === 'and' && tokText(t, f0.ts - 2) === ',') joined = true;
    if (!d.event && listed && sameSentence && joined) {
      // (walk back one gap at a time, at most a dozen figures: a list of thousands must stay linear)
      // (within the sentence: "Five officers were injured. … police count 12,000 and the union 30,000")
      // ("64 missiles, including eight …": "including" opens a part of the list, it is no verb of its own)
      for (let k = i - 1; k >= 0 && k >= i - 12 && !hasVerbBetween(t, figs[k]!.te, k + 1 < i ? figs[k + 1]!.ts : f0.ts, lex, INCLUDING) && !/[.!?]\s/.test(text.slice(figs[k]!.end, f0.start)); k--) {
        if ((figs[k]!.unit?.name ?? 'count') !== (f0.unit?.name ?? 'count')) continue;
        if (descs[k]!.event) {
          descs[i] = d = { ...d, event: descs[k]!.event, eventWord: descs[k]!.eventWord };
          break;
        }
      }
    }
    // "1.2 million people joined marches in more than 150 towns, including 300,000 in the capital": a place's part
    // of the people counted before it, not of the places (and so is each place of a list after a colon: "131,000 people
    // demonstrated nationwide: 52,000 in Lusmarra, 23,000 in Port Alder")
    if (!d.phrase && (INCLUDING.has(tokLower(t, f0.ts - 1)) || tokText(t, f0.ts - 1) === ':') && placeAfter(t, f0, to, lex)) {
      for (let k = i - 1; k >= 0; k--) {
        const p = descs[k]!;
        if (!p.phrase || p.generic || lex.placeNouns.has(p.noun ?? '') || (figs[k]!.unit?.name ?? 'count') !== (f0.unit?.name ?? 'count')) continue;
        if (/[.!?]\s/.test(text.slice(figs[k]!.end, f0.start))) break;
        descs[i] = d = { ...d, noun: p.noun, phrase: p.phrase, event: p.event, eventWord: p.eventWord, weak: false, elliptic: false };
        break;
      }
      continue;
    }
    if (!(d.elliptic || d.generic || bare || ppAfterPercent)) continue;
    if (ppAfterPercent) {
      const p = descs[i - 1]!;
      if (p.phrase) descs[i] = { ...d, noun: p.noun, phrase: p.phrase, holder: d.holder ?? p.holder, weak: false };
      continue;
    }
    // a generic head compared with a figure of the same sentence is a benchmark ("below the figure of 300,000")
    if (d.generic && sameSentence && /\b(?:below|above|under|over|short of|than|beyond|exceed\w*|against|compared)\s+(?:the|a|an|its|their)?\s*\w*\s*$/i.test(text.slice(Math.max(figs[i - 1]!.end, f0.start - 40), f0.start))) inheritedInSentence[i] = true;
    const f = figs[i]!;
    // "Eleven more were killed": the nearest earlier figure of the same event, else the nearest
    // (the nearest few dozen: what is counted is named close by)
    let order = [...Array(Math.min(i, 40)).keys()].map((k) => i - 1 - k);
    if (d.event) order = [...order.filter((k) => descs[k]!.event === d.event), ...order.filter((k) => descs[k]!.event !== d.event)];
    // ("148,900 people are in 1,040 evacuation centres, up from 131,400": the earlier value of a change is of the
    // clause's own figure, not of one inside a phrase after a preposition)
    if (/\b(?:up|down|rising|falling|climbing|dropping)\s+from\s*$|\bcompared\s+with\s*$/i.test(text.slice(Math.max(0, f0.start - 20), f0.start))) {
      const inPhrase = (k: number) => IN_PLACE.has(tokLower(t, figs[k]!.ts - 1));
      order = [...order.filter((k) => !inPhrase(k)), ...order.filter(inPhrase)];
    }
    // "Five officers have been injured. … police count 12,000": a generic count continues the count of its size
    if (d.generic && !bare && !f0.unit && f0.value > 0) {
      // (not a difference between two counts: "a difference of 78,800. … the police's own estimate of 46,500")
      order = order.filter((k) => figs[k]!.unit || !isChange(t, figs[k]!, from, lex));
      const sized = order.filter((k) => !figs[k]!.unit && figs[k]!.value > 0 && Math.abs(Math.log10(figs[k]!.value / f0.value)) < 1);
      order = [...sized, ...order.filter((k) => !sized.includes(k))];
    }
    if (((bare && !d.event) || d.generic) && !f0.unit) order = order.filter((k) => !muchSmaller(figs[k]!, f0));
    for (const k of order) {
      const p = descs[k]!;
      const pf = figs[k]!;
      if (p.phrase && !p.generic && (pf.unit?.name ?? 'count') === (f.unit?.name ?? 'count')) {
        // a list continues the first item's kind: "Of the dead, 71 were in Castelmoro and 47 in Verlano"
        const subset = bare && (p.subset || p.ofHead >= 0);
        descs[i] = { ...d, noun: p.noun, phrase: p.phrase, event: d.event ?? p.event, eventWord: d.eventWord ?? p.eventWord, elliptic: false, generic: false, weak: false, subset: d.subset || subset };
        break;
      }
      if (bare) break;
    }
  }
  return inheritedInSentence;
}

/** A phrase that is a name and a head of lower-case words ("Pellham route", "North Basin dam"): the name and the head. */
const NAME_AND_HEAD = /^((?:[A-Z][\p{L}'’-]*\s+){1,3})([a-z][a-z-]*(?:\s[a-z][a-z-]*){0,2})$/u;

/**
 * "The Pellham route was 3.2 km and the Skarrow route 2.4 km (1.5 miles)": two figures of one sentence whose
 * things share a head but differ by the name before it are rows of a list, each held by its name; a figure left
 * with nothing of its own after "and the Skarrow route" is the Skarrow route's, not the one named before (nor is its
 * conversion in brackets).
 */
function namedRows(text: string, figs: RawFigure[], descs: Description[]): void {
  const bracketed = (k: number) => k > 0 && /^\s*\(\s*$/.test(text.slice(figs[k - 1]!.end, figs[k]!.start));
  for (let i = 1; i < figs.length; i++) {
    const b = figs[i]!;
    const gap = text.slice(figs[i - 1]!.end, b.start);
    // (the figure before, past its conversion in brackets: "3.2 km (2 miles) and the Skarrow route …")
    let p = i - 1;
    while (bracketed(p) && !descs[p]!.phrase) p--;
    const a = figs[p]!;
    if (/[.!?;:]\s/.test(text.slice(a.end, b.start)) || (a.unit?.dimension ?? 'count') !== (b.unit?.dimension ?? 'count')) continue;
    const pa = NAME_AND_HEAD.exec(descs[p]!.phrase ?? '');
    if (!pa) continue;
    const head = pa[2]!;
    const nameA = pa[1]!.trim();
    let nameB: string | null = null;
    const own = NAME_AND_HEAD.exec(descs[i]!.phrase ?? '');
    if (own && own[2] === head && descs[i]!.phrase !== descs[p]!.phrase) nameB = own[1]!.trim();
    else if (!descs[i]!.phrase || descs[i]!.phrase === descs[p]!.phrase) {
      // (the gapped clause: "… and the Skarrow route 2.4 km")
      // (spaces made single first: the pattern then has one way to read each gap)
      const g = new RegExp(`^\\)? ?,? ?(?:(?:and|but|while|whereas) )?(?:the )?((?:[A-Z][\\p{L}'’-]* ){1,3})${escapeRe(head)}$`, 'u').exec(gap.replace(/\s+/g, ' ').trim());
      if (g) nameB = g[1]!.trim();
    }
    if (!nameB || nameB === nameA) continue;
    const old = descs[i]!.phrase;
    for (let k = p; k < i; k++) descs[k] = { ...descs[k]!, phrase: k === p ? `${nameA} ${head}` : descs[k]!.phrase, holder: descs[k]!.holder ?? nameA, namedRow: true };
    descs[i] = { ...descs[i]!, phrase: `${nameB} ${head}`, holder: descs[i]!.holder ?? nameB, namedRow: true };
    // (its conversion in brackets: "2.4 km (1.5 miles)")
    for (let j = i + 1; j < figs.length && bracketed(j) && (descs[j]!.phrase === old || !descs[j]!.phrase); j++) descs[j] = { ...descs[j]!, phrase: descs[i]!.phrase, holder: descs[j]!.holder ?? nameB, namedRow: true };
  }
}

const SLOGAN_WORDS = /\b(?:placards?|banners?|signs?|slogans?|posters?|chants?|chanted|chanting|t-shirts?|graffiti|stickers?)\b[^."\u201c\u201d]{0,30}$/i;
/** 'waving placards reading "64 wells, 0 for sale"', 'Placards everywhere: "64 wells, 0 for sale", "1 drop = 1 right"' */
function inSlogan(text: string, f: RawFigure): boolean {
  const from = Math.max(0, f.start - 60);
  const seg = text.slice(from, f.start);
  const q = Math.max(seg.lastIndexOf('"'), seg.lastIndexOf('\u201c'));
  if (q < 0 || seg.lastIndexOf('\u201d') > q) return false;
  const open = from + q;
  // (an opening quote: after a space, a colon, a comma or a bracket)
  if (open > 0 && !/[\s:,(]/.test(text[open - 1]!)) return false;
  // a quotation in capitals is shouted, as on a placard: "62 NOT 64"
  const rest = text.slice(f.end, f.end + 60);
  const close = rest.search(/["\u201d]/);
  if (close >= 0) {
    const quoted = text.slice(open + 1, f.end + close);
    if (!/[a-z]/.test(quoted) && /[A-Z]{2,}[^A-Za-z]+[A-Z]{2,}|[A-Z]{3,}/.test(quoted) && !/\n/.test(quoted)) return true;
  }
  // past the slogans quoted before it in the same list
  const before = text.slice(Math.max(0, open - 160), open).replace(/["\u201c][^"\u201c\u201d]{0,60}["\u201d],? ?/g, '');
  return SLOGAN_WORDS.test(before);
}

const OPEN_BEFORE = /\b(?:open|opened|available|staffed|manned|operating|operates|operated|runs|running|run|working|works|monitored|answered)(?: for)? $/i;
/** "The helpline is open 24 hours a day", "staffed 24 hours": when a service answers, not how long anything took. */
function openingHours(text: string, f: RawFigure): boolean {
  return f.unit?.name === 'hour' && f.value === 24 && f.qualifier === 'exact' && OPEN_BEFORE.test(text.slice(Math.max(0, f.start - 20), f.start));
}

const HOUR_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight|[1-9]|1[012])\\b';
const CLOCK_MINUTES_AFTER = new RegExp(`^ (?:minutes )?past ${HOUR_WORD}|^ (?:minutes )?to ${HOUR_WORD}(?! (?:\\w+ )?(?:years?|months?|weeks?|days?|hours?|minutes?|per|percent|%|million|billion|thousand))`, 'i');
const CLOCK_HOUR_BEFORE = /\b(?:\d\d?|five|ten|twenty|twenty-five|quarter|half) past $|\b(?:at|by|until|till|around|about|after|before) (?:\d\d?|five|ten|twenty|twenty-five|quarter) to $/i;
/** "at ten past three", "by twenty to six": the clock told in words. */
function clockInWords(text: string, f: RawFigure): boolean {
  if (f.unit || f.qualifier !== 'exact' || !Number.isInteger(f.value) || f.value > 59) return false;
  const before = text.slice(Math.max(0, f.start - 20), f.start);
  if (f.value <= 12 && CLOCK_HOUR_BEFORE.test(before)) return true;
  if (!CLOCK_MINUTES_AFTER.test(text.slice(f.end, f.end + 40))) return false;
  // ("from five to ten" is a range: "to" needs a word of time before)
  return /\bpast /i.test(text.slice(f.end, f.end + 15)) || /\b(?:at|by|until|till|around|about|after|before) $/i.test(before);
}

const PERIOD_BEFORE = /(?:\b(?:the|first) |(?:^|\n)#{0,6} ?)$/i;
const PERIOD_AFTER = /^\s*(?:to|ended|ending|through|until)\s+(?:the\s+end\s+of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|^\s*of\s+(?:the|this|last)\s+(?:financial\s+|fiscal\s+)?year\b|^\s*of\s+(?:19|20)\d\d\b|^\s*and\s+(?:the\s+)?(?:first|second)\s+half\b/i;
const PERIOD_VERB_AFTER = /^,? (?:at|was|were|rose|fell|came)\b/i;
/**
 * "for the nine months, at 2.76 billion", "the first six months of the year", "## Nine months and first half": a
 * reporting period of a results report names when, not how long.
 */
function reportingPeriod(text: string, m: RawFigure, lex: Lexicon): boolean {
  if (m.unit?.name !== 'month' || !(m.value === 3 || m.value === 6 || m.value === 9 || m.value === 12) || m.qualifier !== 'exact') return false;
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  const after = text.slice(m.end, m.end + 40);
  // "The nine-month cost-to-income ratio", "nine-month earnings per share"
  if (/-month$/i.test(text.slice(m.start, m.end))) {
    const next = /^\s+([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?/.exec(after);
    return !!next && (lex.reportedNouns.has(next[1]!.toLowerCase()) || (!!next[2] && lex.reportedNouns.has(next[2].toLowerCase())));
  }
  // a heading that is the period alone: "## Nine months"
  if (/(?:^|\n)#{1,6} ?$/.test(before) && /^\s*(?:\n|$)/.test(after)) return true;
  // "Over the first nine months, net profit totalled …": the period that opens a sentence
  if (/^,/.test(after) && /(?:^|[.!?]\s+|\n)(?:over|in|for|during)\s+the\s+first\s$/i.test(text.slice(Math.max(0, m.start - 26), m.start))) return true;
  // ("for the nine months, at 2.76 billion": a verb or "at" after needs "the" before)
  if (!PERIOD_AFTER.test(after) && !(PERIOD_VERB_AFTER.test(after) && /\b(?:the|first) $/i.test(before))) return false;
  // ("first nine months", "the nine months to September"; a heading "Nine months and first half")
  return PERIOD_BEFORE.test(before) && !/\b(?:past|last|next|coming) (?:first )?$/i.test(before);
}

/** "28% of the province's ", "40 per cent of its ": a share's "of" just before a count (the count is the share's whole). */
const SHARE_OF_BEFORE = /\d\s?(?:%|per\s?cent\b|percent\b)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Za-z-]+['’]s\s+)?$/i;

/**
 * "Seven of the deaths were in Cabrenna", "40 of the homes": a count of part of a plural thing the article counts, a
 * row of its breakdown, not a count of the whole.
 */
function partitiveRow(text: string, f: RawFigure): boolean {
  // (the subject of its clause: "shot down 51 of the missiles" is the count of what was shot down, a fact of its own)
  // ("Twelve of those arrested", "two of the injured": a participle names the group as well as a plural noun does)
  return !f.unit && /^\s+of\s+(?:the|those|these)\s+(?:[a-z]+s\b(?!\s*(?:'|’))|[a-z]{3,}ed\b)/.test(text.slice(f.end, f.end + 40)) && /(?:^|[.!?:;,\n]|\b(?:and|but|while))$/.test(text.slice(Math.max(0, f.start - 8), f.start).trimEnd());
}

/** The mentions of a block's figures, with their roles and holders, appended to `out`. */
function pushMentions(text: string, t: Tokens, lex: Lexicon, figs: RawFigure[], descs: Description[], inheritedInSentence: boolean[], from: number, to: number, out: Mention[]): void {
  for (let i = 0; i < figs.length; i++) {
    const f = figs[i]!;
    const m = toMention(text, f, descs[i]!, lex);
    if (descs[i]!.subset || descs[i]!.ofHead >= 0 || (descs[i]!.ofPhrase && descs[i]!.weak === false && /^(?:of the (?:dead|injured|wounded|missing|victims|total))/i.test(text.slice(f.end, f.end + 30).trim())) || partitiveRow(text, f)) m.role = 'subset';
    else if (isPrevious(t, f, from, lex) || bracketedComparative(text, figs, i)) m.role = 'history';
    // (a change to come, "expects revenue to grow 9% to 11%", is a forecast: never compared with what happened)
    else if (isChange(t, f, from, lex)) m.role = isForecast(t, f, from, to) ? 'forecast' : 'change';
    else if (isReference(t, f, from, lex) || inheritedInSentence[i]) m.role = 'reference';
    else if (isForecast(t, f, from, to)) m.role = 'forecast';
    // ("Selene Power & Light, which serves 1.95 million customers": the population a utility or service serves is a
    // whole, never a count of what happened to part of it)
    else if (!f.unit && SERVES.has(tokLower(t, f.ts - 1))) m.role = 'whole';
    // ("28% of the province's 61,000 nurses struck": the group a share is of is a whole, not a count of the event)
    else if (!f.unit && SHARE_OF_BEFORE.test(text.slice(Math.max(0, f.start - 60), f.start))) m.role = 'whole';
    let holder = descs[i]!.holder;
    // "Green Future, whose 285,822 votes were 13.9%": the holder named is the previous figure's noun
    // (not a possessive: "half of the park's 31,000 hectares" are the park's)
    const possessive = tokText(t, f.ts - 1) === "'" || (tokLower(t, f.ts - 1) === 's' && /^['’]$/.test(tokText(t, f.ts - 2)));
    if (holder && i > 0 && !possessive && descs[i - 1]!.phrase && holder.toLowerCase() === descs[i - 1]!.phrase!.toLowerCase()) holder = out[out.length - 1]?.holder ?? descs[i - 1]!.holder ?? holder;
    // "The deficit shrinks to 7.5bn drals, or 2.1% of GDP": a share put another way is held by the same
    if (!holder && i > 0 && f.unit?.dimension === 'percent' && /^,? or $/.test(text.slice(figs[i - 1]!.end, f.start)) && out.length) holder = out[out.length - 1]!.holder ?? null;
    if (holder) m.holder = holder;
    if (descs[i]!.namedRow) m.namedRow = true;
    // "the 81-seat parliament", "a 300-bed hospital": a count written as an attribute describes a capacity
    const hyphenWord = !f.unit && tokText(t, f.te) === '-' && t.gap[f.te] === 0 && t.kind[f.te + 1] === T_WORD && t.gap[f.te + 1] === 0 ? tokLower(t, f.te + 1) : '';
    if ((f.compound || hyphenWord) && !f.unit && !m.role) {
      // "the 81-seat parliament", "a 12-storey block": a capacity; "a 50,000-troop pullback": a count of troops
      const w = (hyphenWord || (/-([a-z]+)$/i.exec(m.text)?.[1] ?? descs[i]!.noun ?? '')).toLowerCase();
      if (lex.capacityNouns.has(nounLemma(lex, w))) m.role = 'whole';
      else if (w && !m.noun) {
        m.noun = nounLemma(lex, w);
        m.phrase = w;
        m.measure = `${w}${descs[i]!.phrase ? ` ${descs[i]!.phrase}` : ''}`;
      }
    }
    // "put the magnitude at 5.9", "magnitudes seen: 5.9": a bare number whose named thing is a scale written before
    // its numbers ("magnitude 6.1") is on that scale
    if (!f.unit && m.noun && m.form !== 'vague') {
      const scale = lex.prefixWords.candidates(m.noun, m.noun)?.find((e) => e.toks.length === 1 && e.value.dimension !== 'currency');
      if (scale) {
        m.unit = scale.value.name;
        m.dimension = scale.value.dimension as Mention['dimension'];
      }
    }
    out.push(m);
  }
}

/** The links between the figures of a block (mentions out[base…]), and what flows along them. */
function applyLinks(t: Tokens, lex: Lexicon, figs: RawFigure[], descs: Description[], links: Link[], from: number, to: number, out: Mention[], base: number): void {
  for (let i = 0; i < figs.length; i++) {
    const l = links[i]!;
    const m = out[base + i]!;
    if (l.conversionOf !== undefined) m.conversionOf = base + l.conversionOf;
    if (l.partOf !== undefined) m.partOf = base + l.partOf;
    if (l.shareOf !== undefined) m.shareOf = base + l.shareOf;
  }
  // what is counted flows along links: "222,000 out of an expected 300,000 reservists", "1,100-km (684-mile) front line"
  for (let i = 0; i < figs.length; i++) {
    const m = out[base + i]!;
    const l = links[i]!;
    const other = l.conversionOf ?? l.partOf;
    if (other === undefined) continue;
    const o = out[base + other]!;
    if (l.partOf !== undefined && (descs[i]!.weak || l.possessive) && o.phrase) {
      inherit(m, o);
      continue;
    }
    if (l.conversionOf !== undefined) {
      // "winds of 195 to 215 km/h (120 to 135 mph)" are forecast, or a benchmark, together
      if (!m.role && (o.role === 'forecast' || o.role === 'reference' || o.role === 'history')) m.role = o.role;
      if (!m.holder && o.holder) m.holder = o.holder;
      else if (m.holder && !o.holder) o.holder = m.holder;
      if (weakMeasure(m) && !weakMeasure(o)) inherit(m, o);
      else if (!weakMeasure(m) && weakMeasure(o)) inherit(o, m);
      // "up to 280 mm (11 inches)": the qualifier covers the conversion too
      if (m.qualifier === 'exact' && (o.qualifier === 'upper' || o.qualifier === 'lower' || o.qualifier === 'approx')) {
        const q = o.qualifier;
        const band = o.low !== null && o.high !== null && o.value !== 0 ? (o.high - o.low) / 2 / Math.abs(o.value) : 0;
        m.qualifier = q;
        if (q === 'upper') m.low = o.low === null ? null : m.value * (o.low / o.value);
        else if (q === 'lower') m.high = null;
        else {
          m.low = m.value - Math.abs(m.value) * band;
          m.high = m.value + Math.abs(m.value) * band;
        }
      }
    } else if (!m.noun && o.noun) inherit(m, o);
  }
  // the whole of "X out of Y" counts a population, not the event of the part ("61 of the village's 240 homes were
  // destroyed", "51 of 64 missiles were intercepted"); a part of an event's total ("11 of the 14 deaths") is a subset
  for (let i = 0; i < figs.length; i++) {
    const w = links[i]!.partOf;
    if (w === undefined) continue;
    const whole = out[base + w]!;
    const part = out[base + i]!;
    // "44 bodies had been recovered, 12 of them children": the whole comes first and stays the main figure
    if (links[i]!.ofThem) {
      if (!placeAfter(t, figs[i]!, to)) part.role = 'subset';
      continue;
    }
    // "61 of the village's 240 homes": the possessive named the whole's owner, not a group the part belongs to
    if (links[i]!.possessive && part.role === 'subset') delete part.role;
    const wholeEvent = descs[w]!.event;
    // "51 of 64 missiles were intercepted": a verb after the whole with an auxiliary is the part's predicate
    const own = descs[i]!.event ?? (wholeEvent && predicateAfter(t, lex, figs[w]!, descs[w]!.eventWord, to) ? wholeEvent : null);
    // a part of a count of events ("11 of the 14 deaths", "11 of the 14 killed were children") is a subset of it;
    // a part with a verb of its own ("shot down 52 of the 64 missiles", "51 of 64 missiles were intercepted") counts
    // that event, and the whole counts the population it happened to
    const eventWhole = (!!whole.noun && lex.eventNouns.has(whole.noun)) || (!!wholeEvent && !own);
    if (!!whole.event && whole.event === part.event) whole.event = null;
    // a part with nothing said of it but its whole ("the support of 31 of the council's 51 members") is a subset too
    if (whole.role !== 'reference' && (eventWhole || (!own && !verbGoverns(t, lex, figs[i]!, from))) && (!part.role || part.role === 'change') && !placeAfter(t, figs[i]!, to)) part.role = 'subset';
    // "265,000 of the 430,000 customers who lost supply": a whole with a clause of its own states a fact itself
    if ((!whole.role || whole.role === 'forecast') && !ownClause(t, lex, figs[w]!, to)) whole.role = 'whole';
    // "six people were arrested for throwing objects, six of the 57 arrests nationwide": the same number restated
    // as a subset earlier in its sentence is that subset
    if (part.role === 'subset') {
      for (let j = i - 1; j >= 0 && j !== w; j--) {
        const prev = out[base + j]!;
        if (/[.!?;]\s/.test(t.text.slice(prev.end, part.start))) break;
        if (!prev.role && prev.value === part.value && prev.unit === part.unit && prev.partOf === undefined) prev.role = 'subset';
      }
    }
  }
}

// ("…, government says 412,000", "CountPoint made it 47,800", "police put the figure at 31,000")
const SAYS_BEFORE = /\b(?:(?:says?|said|claims?|claimed|puts?|estimates?|estimated|counts?|counted|reports?|reported)(?:\s+(?:it|the (?:figure|number|total|crowd|turnout|count))\s+at)?|(?:made|makes?)\s+it(?:\s+at)?)\s+["“‘']?(?:(?:about|around|nearly|some|almost|roughly|just|more than|over|at least)\s+)?$/i;

/** A source's name as the label of a count: "Police: 68,000 in Varnholm.", "14:05 — The JUF: 240,000." */
const SOURCE_LABEL_BEFORE = /(?:^|[.!?—–\n][ \t]*)(?:[Tt]he )?(?:[Pp]olice|[Uu]nions?|[Oo]rgani[sz]ers|(?!TOTAL\b)[A-Z]{2,5}):[ \t]?$/;

/**
 * "Saltmere police 31,500; Tallymark 44,700; FPDW 95,000", a line "Pellmouth 120,000": an item of a list labelled by
 * who counted or where — one to three capitalised words (and at most one word after them) opening its line or
 * following a semicolon, and nothing after the figure but the end of the item. (Not a total: "Total 178,000"; nor a
 * day or month: "Monday 31,500".) Scanned without a regular expression, from the figure back.
 */
function labelledItem(text: string, start: number, end: number, lex: Lexicon): boolean {
  const after = text.charCodeAt(end);
  // (the end of the item: ";", ".", a line's end or the text's — not a comma: "TG 409, reach Singapore at 7pm")
  if (end < text.length && after !== 59 && after !== 46 && after !== 10 && after !== 13) return false;
  const space = (c: number) => c === 32 || c === 9;
  const words: string[] = [];
  let k = start;
  for (;;) {
    // (one word back, past the spaces before it)
    if (!space(text.charCodeAt(k - 1)) || words.length >= 4) return false;
    while (k > 0 && space(text.charCodeAt(k - 1))) k--;
    const b = k;
    while (k > 0 && /[\p{L}'’-]/u.test(text[k - 1]!)) k--;
    if (b === k) return false;
    words.unshift(text.slice(k, b));
    let j = k;
    while (j > 0 && space(text.charCodeAt(j - 1))) j--;
    // (the item opens its line or follows a semicolon)
    if (j === 0 || text.charCodeAt(j - 1) === 10 || text.charCodeAt(j - 1) === 59) break;
  }
  // (the capitalised words first, at most one lower-case word after them)
  if (!words.slice(0, -1).every((w) => /^\p{Lu}/u.test(w)) || !/^\p{Lu}/u.test(words[0]!)) return false;
  return !words.some((w) => lex.totalNouns.has(w.toLowerCase()) || lex.notPlaces.has(w.toLowerCase()));
}

/**
 * "Police tallies so far: Castrel 29,000, Mardon 18,400 and Oskelby 12,900": an item of a list of counts by place or
 * source opened by a colon — each item one to three capitalised words and a figure, joined by commas or "and", the
 * list two items or more. Scanned back from the figure, item by item, without a regular expression over the list.
 */
function colonListItem(text: string, start: number, end: number, lex: Lexicon): boolean {
  const tail = text.slice(end, end + 6);
  const goesOn = /^(?:,|\s+and\s)/.test(tail);
  if (!goesOn && end < text.length && !/^(?:[;.\n\r]|\s+[—–]\s|\s*$)/.test(tail)) return false;
  const space = (i: number) => text.charCodeAt(i) === 32;
  let k = start;
  for (let items = 0; items < 8; items++) {
    // (the item's name: one to three capitalised words, no total, day or month)
    let j = k;
    let n = 0;
    while (n < 3) {
      let b = j;
      while (b > 0 && space(b - 1)) b--;
      let w = b;
      while (w > 0 && /[\p{L}'’-]/u.test(text[w - 1]!)) w--;
      const word = text.slice(w, b);
      if (!word || !/^\p{Lu}/u.test(word)) break;
      if (lex.totalNouns.has(word.toLowerCase()) || lex.notPlaces.has(word.toLowerCase())) return false;
      n++;
      j = w;
    }
    if (!n || !space(j - 1)) return false;
    let b = j;
    while (b > 0 && space(b - 1)) b--;
    const c = text[b - 1];
    // (not a breakdown of a figure told before, "By district: Port Ilda 160,000, …": a label that opens with a
    // preposition)
    if (c === ':') return (items > 0 || goesOn) && !breakdownLabel(text, b - 1, lex);
    if (c === ',') b--;
    else if (text.slice(b - 3, b) === 'and' && space(b - 4)) b -= 4;
    else return false;
    while (b > 0 && space(b - 1)) b--;
    // (the figure of the item before)
    let f = b;
    while (f > 0 && /[0-9,.]/.test(text[f - 1]!)) f--;
    if (f === b || !/[0-9]/.test(text[b - 1]!)) return false;
    k = f;
  }
  return false;
}

/** Does the label ending at the colon at `colon` open with a preposition ("By district:", "Per region:")? */
function breakdownLabel(text: string, colon: number, lex: Lexicon): boolean {
  let a = colon;
  while (a > 0 && colon - a < 60 && !/[.!?;\n>]/.test(text[a - 1]!)) a--;
  const first = /^\s*([\p{L}]+)/u.exec(text.slice(a, colon));
  return !!first && lex.prepositions.has(first[1]!.toLowerCase());
}

/**
 * A possessor right before a bare count names its source: "the union's 31,000", "the police's 12,800", "Tallyworks'
 * 47,300" (not a time: "this morning's 24,300", "Tuesday's 41,000", "yesterday's").
 */
const POSSESSOR_BEFORE = /(?:^|\s)(\p{L}[\p{L}-]*)(?:['\u2019]s|(?<=s)['\u2019])\s+(?:own\s+)?(?:(?:about|around|nearly|some|almost|roughly|just|more than|over|at least)\s+)?$/u;
const TIME_POSSESSOR = /\b(?:this|last|next|that|previous|the previous|a|one)\s+\p{L}+['\u2019]s?\s|\b(?:yesterday|today|tonight|tomorrow)['\u2019]s\s/iu;
function sourcePossessive(before: string, lex: Lexicon): boolean {
  const m = POSSESSOR_BEFORE.exec(before);
  return !!m && !lex.notPlaces.has(m[1]!.toLowerCase()) && !TIME_POSSESSOR.test(before.slice(Math.max(0, m.index - 12)));
}

/**
 * The words after a figure end its noun phrase: punctuation, or a word that opens no noun ("is", "against", "and"):
 * "the union's 31,000 is …", "the police's 12,800." (not "Mays' four home runs", "the city's 35 "health" stores").
 */
function endsPhrase(after: string, lex: Lexicon): boolean {
  const m = /^\s*(?:([.,;:)!?\u2013\u2014]|$)|([a-z]+)\b)/.exec(after);
  return !!m && (m[1] !== undefined || lex.auxiliaries.has(m[2]!) || lex.prepositions.has(m[2]!) || lex.conjunctions.has(m[2]!));
}

/**
 * "police put the total across Brannick and Carrow at 65,500", "Tallyworks arrived at 47,300": a figure after "at" in
 * a clause whose verb measures (lexicon `measuring_verbs`) is the measured value, whatever the words between name.
 */
function measuredAt(before: string, lex: Lexicon): boolean {
  const m = /\bat\s+(?:(?:about|around|nearly|some|almost|roughly|just|more than|over|at least)\s+)?$/i.exec(before);
  if (!m) return false;
  const clause = before.slice(0, m.index).split(/[.;:!?\d]/).pop()!;
  const words = clause.toLowerCase().split(/[^a-z]+/).filter(Boolean).slice(-10);
  return words.some((w) => lex.measuringVerbs.has(w) && !lex.auxiliaries.has(w));
}

/**
 * A count whose counted noun is a name read from before the figure, not a phrase after it: the name of who counted
 * or of a place ("put the total across Brannick and Carrow at 65,500", "is Tallyworks' 47,300"), so the count names
 * nothing it counts. Only a name inside its sentence (a capital at a sentence's start is no name: "Arrests … stand at
 * 19"), and no day or month ("since Tuesday to six").
 */
function counterRead(m: Mention, text: string, lex: Lexicon): boolean {
  if (!m.noun || !m.phrase || !/^\p{Lu}/u.test(m.phrase) || m.event || lex.notPlaces.has(m.phrase.toLowerCase())) return false;
  const before = text.slice(Math.max(0, m.start - 120), m.start);
  const at = before.lastIndexOf(m.phrase);
  if (at < 0 || text.slice(m.end, m.end + 40).includes(m.phrase)) return false;
  if (!/[\p{Ll},]\s+(?:the\s+)?$/u.test(before.slice(0, at))) return false;
  return sourcePossessive(before, lex) || measuredAt(before, lex);
}

/** Words before a share that make it an estimate of the share named before ("a figure of", "said that"). */
const ESTIMATE_BEFORE = /(?:\b(?:figure|estimate|tally|count|number)\b[^.;!?]{0,40}|\b(?:says?|said|claims?|claimed|estimated?s?|reported|reports?)\s+(?:(?:on|by)\s+\w+\s+)?(?:that\s+)?(?:just\s+|only\s+|about\s+|around\s+|some\s+)?)$/i;

/** How far back (characters) an estimate may look for what it counts. */
const COUNTED_REACH = 1200;

/**
 * "Police said 65,000 people took part. … An independent count arrived at 98,000", "At the previous strike police
 * counted 48,000 and organisers 250,000": a count that names nothing but how it was obtained (a measuring verb, a
 * generic head such as "the figure", "the unions' claim") counts what the text counted last, a few sentences back.
 */
function inheritCounted(out: Mention[], lex: Lexicon, text: string): void {
  const generic = (n: string | null) => !n || lex.genericHeads.has(n) || (n.length > 4 && n.endsWith('ed'));
  const measuring = (e: string | null | undefined) => !e || lex.measuringVerbs.has(e) || lex.measuringVerbs.has(verbLemma(lex, e) ?? e);
  // ("Police counted 14,200 people in Vesk": people with no event but the verb that counted them are as bare as "the
  // figure", and continue the crowd counted before)
  const countedPeople = (m: Mention) => !!m.event && measuring(m.event) && (m.noun === 'person' || m.noun === 'people');
  // (what an estimate can count: people — "people", "marchers", "protesters", "participants", "the crowd" — or an event)
  const peopleNoun = (m: Mention) => m.noun === 'person' || m.noun === 'people' || lex.peopleAdjectives.has(m.noun!) || lex.crowdNouns.has(m.noun!) || /(?:er|or|ist|ant|ent)$/.test(m.noun ?? '');
  const named = (m: Mention) => {
    if (m.role || m.unit !== 'count' || m.form === 'fraction' || countedPeople(m)) return false;
    // ("18,500 marched": an event with no noun names what is counted as well)
    return (!generic(m.noun) && (m.event || peopleNoun(m))) || (!m.noun && !!m.event && !measuring(m.event));
  };
  // the counts that name what they count, in text order, for looking back and ahead
  const anchors: Mention[] = [];
  // (the counts whose counted noun is a name read before them, worked out once: see counterRead)
  const counters = new Set(out.filter((m) => counterRead(m, text, lex)));
  for (const m of out) if (named(m) && !counters.has(m)) anchors.push(m);
  let a = 0;
  let lastShare: Mention | null = null;
  // (the last named amount of each currency: "… 2.6bn quells ($590m-$810m). … estimated 3.1bn quells ($970m)")
  const lastAmount = new Map<string, Mention>();
  let estimated: Mention | null = null;
  for (const m of out) {
    // "Halvard puts insured losses at 1.9bn-2.6bn quells. Stanmere Re … estimated 3.1bn quells": an amount that names
    // nothing but who estimated it is a rival estimate of the amount of its currency named last, a few sentences back
    if (m.dimension === 'currency' && !m.role) {
      const last = lastAmount.get(m.unit);
      // (and its conversion in brackets: "estimated 3.1bn quells ($970m)")
      const converts = !!estimated && /^\s*\(\s*$/.test(text.slice(estimated.end, m.start));
      estimated = null;
      if (m.noun && !generic(m.noun)) lastAmount.set(m.unit, m);
      else if (last && m.start - last.end <= COUNTED_REACH && !m.event && (converts || /^estimated\s/i.test(m.text) || ESTIMATE_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)))) {
        m.noun = last.noun;
        m.phrase = last.phrase;
        m.measure = last.measure;
        estimated = m;
      }
      continue;
    }
    // "72% of civil servants walked out … a midday figure of 24.6%", "… said that 27.1% had been on strike"
    if (m.unit === 'percent' && !m.role) {
      if (m.noun && !generic(m.noun)) lastShare = m;
      else if (lastShare && m.start - lastShare.end <= COUNTED_REACH && measuring(m.event) && ESTIMATE_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start))) {
        m.noun = lastShare.noun;
        m.phrase = lastShare.phrase;
        m.event = lastShare.event;
        m.measure = lastShare.measure;
      }
      continue;
    }
    while (a < anchors.length && anchors[a]!.start < m.start) a++;
    if (m.unit !== 'count' || m.form === 'fraction') continue;
    // ("Tallyworks arrived at 47,300", "police put the total across Brannick and Carrow at 65,500": a name read before
    // the figure is who counted or where, not what)
    const counter = counters.has(m);
    if (named(m) && !counter) continue;
    if ((!generic(counter ? null : m.noun) && !countedPeople(m)) || !measuring(m.event) || m.role === 'subset' || m.role === 'whole') continue;
    // only where the text says how the figure was obtained: a measuring verb or a generic head, or a figure
    // someone "says" ("…, government says 412,000")
    // ("The union's own estimate for the capital: 110,000", "Independent count: 47,800")
    // ("…, while Tallyview, an independent counting firm, estimated 74,500": the verb read as the figure's qualifier)
    if (!m.event && (!m.noun || counter) && !SAYS_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) && !ESTIMATE_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)) && !SOURCE_LABEL_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) && !/^estimated\s/i.test(m.text) && !(sourcePossessive(text.slice(Math.max(0, m.start - 40), m.start), lex) && endsPhrase(text.slice(m.end, m.end + 20), lex)) && !measuredAt(text.slice(Math.max(0, m.start - 100), m.start), lex) && !labelledItem(text, m.start, m.end, lex) && !colonListItem(text, m.start, m.end, lex)) continue;
    // (ahead only for a count that names nothing or only its counting: "police count 64,000", not "four warning levels")
    // (people a verb of counting counted continue a count of people: "52,300 people passed its cameras" is not the
    // "6,400 for Pavost" a line before, whatever that one was read as)
    const src = antecedentCount(anchors, a, m, !m.noun || counter || lex.measuringVerbs.has(m.noun), countedPeople(m) ? peopleNoun : undefined);
    if (!src) continue;
    m.noun = src.noun;
    m.phrase = src.phrase;
    m.event = src.event;
    m.measure = src.measure;
  }
}

const INCIDENT_AFTER = /^[^.;,:!?]{0,40}?\b(?:when|after)\s+an?\s+[a-z]/i;
// "triggering the landslide that killed three people": a figure in a relative clause of the incident
const INCIDENT_BEFORE = /\b(?:the|a|an)\s+[a-z]+\s+(?:that|which)\s+(?:[a-z]+\s+)?$/i;

/**
 * "Three people were killed. Two died when a landslide buried their house", "… the landslide that killed three": after
 * a larger count of the same event, the toll of one incident is a part of it, not a rival figure. (Alone, "12 were killed when a bus
 * plunged into a ravine" is the event itself.)
 */
function incidentParts(out: Mention[], text: string): void {
  for (let i = 1; i < out.length; i++) {
    const m = out[i]!;
    if (!m.event || m.role || m.unit !== 'count') continue;
    if (!INCIDENT_AFTER.test(text.slice(m.end, m.end + 80)) && !INCIDENT_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start))) continue;
    // (the same event, or any event a sentence or two before: "were killed … died when a …")
    for (let k = i - 1; k >= 0 && k >= i - 40; k--) {
      const o = out[k]!;
      const near = m.start - o.end < 300;
      // (a toll counts the deaths: "bringing the national death toll to five" before "the landslide that killed three")
      const toll = (m.event === 'kill' || m.event === 'die') && /\btoll\b/i.test(o.measure);
      if ((o.event ? o.event === m.event || near : (near && !!o.noun && o.noun === m.noun) || toll) && o.unit === 'count' && !o.role && o.value > m.value) {
        m.role = 'subset';
        break;
      }
    }
  }
}

/**
 * Which count a bare estimate continues: of the named counts a few sentences back, the nearest of about its size
 * ("five officers were hurt … police count 12,000" continues the marchers, not the officers); a headline, lede or key
 * point with no count of its size before it ("Police count 64,000, organisers 250,000") continues the first count of
 * its size that follows; else the nearest.
 */
function antecedentCount(anchors: Mention[], next: number, m: Mention, ahead: boolean, want?: (c: Mention) => boolean): Mention | null {
  const close = (c: Mention) => c.value > 0 && m.value > 0 && Math.abs(Math.log10(c.value / m.value)) < 1 && (!want || want(c));
  let nearest: Mention | null = null;
  for (let k = next - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const c = anchors[k]!;
    if (m.start - c.end > COUNTED_REACH) break;
    if (!want || want(c)) nearest ??= c;
    if (close(c)) return c;
  }
  if (!ahead) return nearest;
  // (a key point above the text it sums up: "3,214 readers here now … Police count 41,000" continues the marchers
  // counted below, not the readers above)
  for (let k = next, n = 0; k < anchors.length && n < 8; k++, n++) {
    const c = anchors[k]!;
    if (c.start - m.end > COUNTED_REACH) break;
    if (close(c)) return c;
  }
  return nearest;
}

/** Does a verb govern figure f ("will have 42 of the 81 seats", "taking 44 of"), skipping a qualifier before it? */
function verbGoverns(t: Tokens, lex: Lexicon, f: RawFigure, from: number): boolean {
  for (let k = f.ts - 1; k >= from && k >= f.ts - 3; k--) {
    if (t.kind[k] !== T_WORD) return false;
    const w = tokLower(t, k);
    if (w === 'have' || w === 'has' || w === 'had' || w === 'holds' || w === 'hold' || w === 'held' || w === 'won' || w === 'wins') return true;
    if (hasVerbBetween(t, k, k + 1, lex)) return true;
    if (!lex.adverbs.has(w) && w !== 'than' && w !== 'a' && w !== 'an') return false;
  }
  return false;
}

/** Is the event word after figure f the predicate of its clause ("64 missiles were intercepted"), not a reduced
 * relative or a head ("the 14 killed", "46 shelters opened")? */
function predicateAfter(t: Tokens, lex: Lexicon, f: RawFigure, word: string | null, to: number): boolean {
  if (!word) return false;
  const first = word.toLowerCase().split(/\s+/)[0]!;
  let aux = false;
  for (let k = f.te; k < to && k < f.te + 8; k++) {
    if (t.kind[k] !== T_WORD) return false;
    const w = tokLower(t, k);
    if (w === first) return aux;
    if (lex.auxiliaries.has(w)) aux = true;
  }
  return false;
}

/** A measure that says no more than the unit's dimension ("length", "count", "duration: time"). */
function weakMeasure(m: Mention): boolean {
  return m.measure === m.dimension || m.measure === 'count' || m.measure === 'duration: time' || m.measure === 'share' || m.measure === 'currency' || m.measure === 'rate';
}

function inherit(to: Mention, from: Mention): void {
  to.noun = from.noun;
  to.phrase = from.phrase;
  to.event = to.event ?? from.event;
  const prefix = to.measure.includes(':') ? to.measure.slice(0, to.measure.indexOf(':') + 1) + ' ' : '';
  const body = from.measure.includes(':') ? from.measure.slice(from.measure.indexOf(':') + 1).trim() : from.measure;
  to.measure = prefix ? prefix + body : body;
}

/** The rest of a bracket that converts money at a stated rate: "at 58 to the dollar)", "at 11.20 crowns per euro)". */
/** After a converted amount, the rate it was converted at: "at $1.16 per euro", "at 4.2 drals to the dollar". */
// (the rate may be named first: "at the company's own rate of 7.40 ducats to the euro")
const RATE_AT = /^at\s+(?:(?:the|a|an|its|their)\s+(?:[a-z'’]+\s+){0,3}rate\s+of\s+)?(?:us)?[$€£]?\d{1,4}(?:[.,]\d{1,4})?\s+(?:[a-z]+\s+)?(?:to|per)\s+(?:the\s+|one\s+|a\s+)?(?:us\s+)?(?:dollar|euro|pound|yen)\b/i;
const RATE_BRACKET = /^at\s+\d{1,4}(?:[.,]\d{1,4})?\s+(?:[a-z]+\s+)?(?:to|per)\s+(?:the\s+|one\s+|a\s+)?(?:us\s+)?(?:dollar|euro|pound|yen)\s*\)/i;

/** The words between a figure and its conversion set off by a dash: "- ", "of water - ", "of rain – ". */
const DASH_ASIDE = /^(?:of(?: [a-z]+){1,2} )?[-–—]$/;

interface Link {
  conversionOf?: number;
  partOf?: number;
  shareOf?: number;
  /** "…, 12 of them": the part follows its whole */
  ofThem?: boolean;
  /** "61 of the village's 240 homes": a possessive between part and whole */
  possessive?: boolean;
}

/** Links between figures of one block. */
function linkFigures(t: Tokens, lex: Lexicon, figs: RawFigure[], to: number): Link[] {
  // (every field present from the start: links of one shape keep the code that reads them optimised)
  const links: Link[] = figs.map(() => ({ conversionOf: undefined, partOf: undefined, shareOf: undefined, ofThem: undefined, possessive: undefined }));
  const dim = (f: RawFigure) => (f.unit ? f.unit.dimension : 'count');
  for (let i = 0; i + 1 < figs.length; i++) {
    const a = figs[i]!;
    const b = figs[i + 1]!;
    const between: string[] = [];
    for (let k = a.te; k < b.ts && between.length < 8; k++) between.push(tokLower(t, k));
    const gapText = between.join(' ');
    // conversions: "1,100-km (684-mile)", "207km/h (129mph)", "40C (104F)", "95 km, or 59 miles"
    if (a.unit && b.unit && a.unit.name !== b.unit.name && dim(a) === dim(b)) {
      // ("250,000 dorns each - around 12,500 euros -", "€40 apiece ($47)": a word that shares the amount out comes
      // between it and its conversion)
      const g = gapText.startsWith('each ') || gapText.startsWith('apiece ') ? gapText.slice(gapText.indexOf(' ') + 1) : gapText;
      // ("96,500 cubic metres of water - some 965 million litres - had been pumped": an aside between dashes)
      const dashAside = DASH_ASIDE.test(g) && t.gap[b.ts - 1]! > 0 && (b.te >= to || /^[-–—,.;)]$/.test(tokText(t, b.te)));
      if ((g === '(' && b.te < to && tokText(t, b.te) === ')') || g === ', or' || g === 'or' || g === '(or' || g === '( or' || g === '/' || g === '[' || g === '-' || dashAside) {
        links[i + 1]!.conversionOf = i;
        continue;
      }
      // "2.4bn dorins (about $41m at 58 to the dollar)": money converted at the rate the bracket states
      if (gapText === '(' && dim(a) === 'currency' && b.te < to && tokLower(t, b.te) === 'at' && RATE_BRACKET.test(t.text.slice(t.start[b.te]!, Math.min(t.text.length, t.start[b.te]! + 50)))) {
        links[i + 1]!.conversionOf = i;
        continue;
      }
      // "€1.43bn, roughly $1.23bn at $1.16 per euro": money converted after a comma, at the rate that follows
      // (or set off by a dash: "revenue of CDD 9.62bn — about €1.30bn at the company's rate of 7.40 ducats to the euro")
      if (dim(a) === 'currency' && (gapText === ',' || /^[-–—]$/.test(gapText)) && b.te < to && tokLower(t, b.te) === 'at' && RATE_AT.test(t.text.slice(t.start[b.te]!, Math.min(t.text.length, t.start[b.te]! + 60)))) {
        links[i + 1]!.conversionOf = i;
        continue;
      }
      // "3.5 billion marels, roughly $1.1 billion, arguing …", "10,000 koras, about $174, to each family": an amount in
      // another currency, only about it, set off by commas after it is its conversion
      if (dim(a) === 'currency' && gapText === ',' && b.qualifier === 'approx' && (b.te >= to || /^[,.;)]$/.test(tokText(t, b.te)))) {
        links[i + 1]!.conversionOf = i;
        continue;
      }
      // "241 km/h (130 knots, 150 mph)": two conversions in one bracket
      const c = figs[i + 2];
      if (gapText === '(' && c && c.unit && dim(c) === dim(a) && c.unit.name !== a.unit.name && c.unit.name !== b.unit.name && c.te < to && tokText(t, c.te) === ')') {
        const mid = [];
        for (let k = b.te; k < c.ts && mid.length < 3; k++) mid.push(tokLower(t, k));
        if (mid.join(' ') === ',' || mid.join(' ') === ';' || mid.join(' ') === 'or' || mid.join(' ') === ', or') {
          links[i + 1]!.conversionOf = i;
          links[i + 2]!.conversionOf = i;
          i++;
          continue;
        }
      }
    }
    // part-whole: "222,000 out of an expected 300,000", "two of the three", "45 of 120", "12 among the 45"
    if (dim(a) === 'count' && dim(b) === 'count' && !a.per && !b.per) {
      // "61 of the village's 240 homes", "3 of Kestria's 12 bases": a possessive before the whole
      const possessive = /^(?:out of|of)(?: the)?(?: [a-z]+){1,2} ['’] s$/.test(gapText);
      // "69 women among its 150 members", "12 children among the 45 dead": the part's noun before "among"
      const among = /^(?:[a-z-]+ ){1,2}among(?: the| its| their)?$/.test(gapText);
      if (possessive || among || /^(?:out of|of|of the|of its|of their|among|among the|out of the|out of a total of|out of an expected|of an expected|of a total of|of the total of|from|from the)$/.test(gapText)) {
        if (gapText !== 'from' && gapText !== 'from the') {
          links[i]!.partOf = i + 1;
          if (possessive) links[i]!.possessive = true;
          continue;
        }
      }
    }
    // shares: "312 of 1,200 schools, or 26%", "1,380 served as evacuation centres …, or 56%", "(26%)",
    // "285,822 votes were 13.9% of the valid vote" → the percentage is the share of the count before it
    // (and of a sum of money: "raked in 8.14bn valdi - more than 60% of the group's 14.62bn takings")
    if (dim(b) === 'percent' && (dim(a) === 'count' || dim(a) === 'currency') && !a.per) {
      const before = [tokLower(t, b.ts - 2), tokLower(t, b.ts - 1)].join(' ');
      const bracket = tokText(t, b.ts - 1) === '(' && between.length <= 8;
      // ("312 - about a quarter - have been declared unsafe": a share between dashes)
      const dashed = /^[-–—](?: (?:about|some|roughly|nearly|almost|around|just over|just under|more than|less than|over|under))?$/.test(gapText) && t.gap[a.te]! > 0;
      const orShare = /(?:^|\s)(?:, or|or)$/.test(before) || /^, (?:or )?(?:about|some|roughly|nearly|almost|around)$/.test(gapText) || dashed;
      const copula = /^(?:[a-z-]+ )?(?:were|was|is|are|made up|represented|represent|accounted for|account for|amounted to|equal to)$/.test(gapText);
      const sameSentence = !/[.;!?]/.test(t.text.slice(a.end, b.start));
      // "312 of 1,200 schools, or 26%": the share is of the part, not of the whole just before it
      // ("1.87 million fibre customers, up from 1.52 million, or almost 60% of its 3.14 million": the share is of the
      // level, not of the earlier value it rose from)
      const fromBefore = i > 0 && tokLower(t, a.ts - 1) === 'from' && dim(figs[i - 1]!) === 'count' && !/[.;!?]/.test(t.text.slice(figs[i - 1]!.end, a.start));
      const part = i > 0 && (links[i - 1]!.partOf === i || fromBefore) ? i - 1 : i;
      // a whole right after the share: "168,900 votes, 18.9% of the 997,400 valid votes", "The 24 victims are
      // nearly a third of the 119 people", "118,000 people were still in shelters, less than a third of the 265,000"
      const c = figs[i + 2];
      const ofGap = c ? t.text.slice(b.end, c.start).trim().toLowerCase() : '';
      // (of the same currency, or a bare amount after one: "of the group's 14.62bn")
      const sameKind = !!c && (dim(a) === 'count' ? dim(c) === 'count' : (dim(c) === 'currency' && c.unit === a.unit) || (!c.unit && /\d\s?(?:bn|mn|m|billion|million|trillion)$/i.test(t.text.slice(c.start, c.end))));
      const wholeAfter = !!c && sameKind && !c.per && c.value > a.value && /^of(?: the| all| its| their)?(?: [a-z-]+['’]s)?$/.test(ofGap);
      const gapRaw = t.text.slice(a.end, b.start).trim();
      // (a short gap, or an appositive share after a comma: the clause of the count before it)
      const apposed = /^(?:[a-z-]+ ){0,2}[a-z-]*,?$/.test(gapText) || (gapRaw.endsWith(',') && gapRaw.split(/\s+/).length <= 12);
      if (sameSentence && (bracket || orShare || copula)) {
        links[i + 1]!.shareOf = part;
        if (wholeAfter && links[part]!.partOf === undefined) links[part]!.partOf = i + 2;
      } else if (sameSentence && wholeAfter && apposed && links[i]!.partOf === undefined) {
        links[i + 1]!.shareOf = i;
        links[i]!.partOf = i + 2;
      }
    }
    // "more than 3 million people had marched, 110,000 of them in Valmont": a part of the figure before
    // (the count before, past a share between them: "21 - four in five - were taken to hospital, and 16 of them")
    let w = i;
    if (dim(b) === 'count' && dim(a) !== 'count' && i > 0 && dim(figs[i - 1]!) === 'count' && !figs[i - 1]!.per) w = i - 1;
    const wf = figs[w]!;
    if (dim(wf) === 'count' && dim(b) === 'count' && /^(?:of them|of whom|of which|of those|of these)\b/.test([tokLower(t, b.te), tokLower(t, b.te + 1)].join(' ')) && !/[.;!?]/.test(t.text.slice(wf.end, b.start))) {
      // ("54 people were treated in three hospitals, 12 of them in intensive care": not a place of a preposition)
      const pp = PLACE_PREPS.has(tokLower(t, wf.ts - 1)) && w > 0 && dim(figs[w - 1]!) === 'count' && !/[.;!?]/.test(t.text.slice(figs[w - 1]!.end, wf.start));
      links[i + 1]!.partOf = wholeThatHolds(t, figs, pp ? w - 1 : w, b);
      links[i + 1]!.ofThem = true;
      continue;
    }
    // "X, including Y": Y is part of X
    // (but "19,000 people … from six large fires, including 11,000 from the Kettle Ridge fire": Y comes from one
    // of X's things, so it is part of something else)
    if (dim(a) === 'count' && dim(b) === 'count' && /^(?:[a-z-]+ )?(?:[a-z-]+ )?, including$/.test(gapText.replace(/^(.*?)( , including)$/, '$1$2'))) {
      if (!fromOneOf(t, lex, a, b)) links[i + 1]!.partOf = wholeThatHolds(t, figs, i, b);
      else if (i > 0 && dim(figs[i - 1]!) === 'count' && !/[.;!?]/.test(t.text.slice(figs[i - 1]!.end, b.start))) links[i + 1]!.partOf = i - 1;
    }
  }
  return links;
}

/**
 * "1,150 stewards were on duty in the three cities, 700 of them in Dorrinford", "640 rescuers from 4 regions,
 * including 200 soldiers": a part named by reference that is larger than the count just before it is part of the
 * nearest earlier count of its sentence that can hold it, when there is one (else the count before it stays its whole).
 */
function wholeThatHolds(t: Tokens, figs: RawFigure[], w: number, part: RawFigure): number {
  if (figs[w]!.value >= part.value) return w;
  for (let k = w - 1; k >= 0; k--) {
    const c = figs[k]!;
    if (/[.;!?]/.test(t.text.slice(c.end, part.start))) break;
    if (!c.unit && !c.per && c.value >= part.value) return k;
  }
  return w;
}

/** "six large fires, including 11,000 from the Kettle Ridge fire": a preposition after b names one of a's things. */
function fromOneOf(t: Tokens, lex: Lexicon, a: RawFigure, b: RawFigure): boolean {
  let head = '';
  for (let k = a.te; k < b.ts && t.kind[k] === T_WORD; k++) head = nounLemma(lex, tokLower(t, k));
  const p = tokLower(t, b.te);
  if (!head || !(p === 'from' || p === 'in' || p === 'at' || p === 'of')) return false;
  for (let k = b.te + 1; k < b.te + 6 && k < t.n && t.kind[k] === T_WORD; k++) if (nounLemma(lex, tokLower(t, k)) === head) return true;
  // ("31,000 in 46 towns, including 12,500 in Calvor": one of the places, by its name)
  return (p === 'in' || p === 'at') && lex.placeNouns.has(head) && isCapitalised(t, b.te + 1);
}

/** "the 430,000 customers who lost supply": a relative clause with a verb right after the figure's noun. */
function ownClause(t: Tokens, lex: Lexicon, f: RawFigure, to: number): boolean {
  for (let k = f.te, steps = 0; k + 1 < to && steps < 4; k++, steps++) {
    if (t.kind[k] !== T_WORD) return false;
    const w = tokLower(t, k);
    if (w === 'who' || w === 'that' || w === 'which') {
      let q = k + 1;
      while (q < to && q < k + 3 && t.kind[q] === T_WORD && (lex.auxiliaries.has(tokLower(t, q)) || lex.adverbs.has(tokLower(t, q)))) q++;
      const v = tokLower(t, q);
      return q < to && t.kind[q] === T_WORD && (lex.verbForms.has(v) || (v.length > 4 && v.endsWith('ed'))) && !lex.auxiliaries.has(v);
    }
  }
  return false;
}

/** "110,000 of them in Valmont": a place named right after the figure (its part is a figure for that place). */
function placeAfter(t: Tokens, f: RawFigure, to: number, lex?: Lexicon): boolean {
  for (let k = f.te, steps = 0; k < to && steps < 6; k++, steps++) {
    const w = t.kind[k] === T_WORD ? tokLower(t, k) : tokText(t, k);
    if (w === '.' || w === ';' || w === ',') return false;
    if ((w === 'in' || w === 'at') && k + 1 < to && t.kind[k + 1] === T_WORD) {
      const c = t.text.charCodeAt(t.start[k + 1]!);
      if (c >= 65 && c <= 90) return true;
      // "in the capital", "in the north"
      if (lex && tokLower(t, k + 1) === 'the' && t.kind[k + 2] === T_WORD && lex.placeNouns.has(tokLower(t, k + 2))) return true;
      // "in the Los Angeles region", "in the Rhine valley": a name after "the"
      if (tokLower(t, k + 1) === 'the' && t.kind[k + 2] === T_WORD) {
        const c2 = t.text.charCodeAt(t.start[k + 2]!);
        if (c2 >= 65 && c2 <= 90) return true;
      }
    }
  }
  return false;
}

const LIST_JOINERS = new Set(['and', 'or', ',', 'plus']);
const INCLUDING = new Set(['including', 'includes', 'among', 'with']);

/** Is there a verb (other than an auxiliary) between two token positions? */
function hasVerbBetween(t: Tokens, a: number, b: number, lex: Lexicon, skip?: Set<string>): boolean {
  for (let k = a; k < b; k++) {
    if (t.kind[k] !== T_WORD) continue;
    const w = tokLower(t, k);
    if (lex.auxiliaries.has(w) || skip?.has(w)) continue;
    if ((lex.verbForms.has(w) && !lex.irregularPlurals.has(w)) || (w.length >= 5 && (w.endsWith('ing') || w.endsWith('ed')) && !lex.peopleAdjectives.has(w))) return true;
  }
  return false;
}

const PLACE_PREPS = new Set(['in', 'at', 'across', 'from', 'into', 'inside']);
const WARNED = new Set(['warned', 'warn', 'warns', 'warning', 'warnings']);
const FORECAST_WORDS = new Set(['if', 'unless', 'provided', 'poll', 'polls', 'polling', 'survey', 'surveys', 'will', 'would', 'could', 'may', 'might', 'should', 'shall', 'expects', 'expected', 'expect', 'forecast', 'forecasts', 'forecasting', 'predicted', 'predicts', 'predict', 'projected', 'projects', 'plans', 'planned', 'aims', 'aiming', 'targets', 'targeting', 'intends', 'hopes', 'likely', 'set', 'potentially', 'possibly', 'guidance', 'outlook', 'guides', 'guided', 'implies', 'implied', 'imply', "'ll", 'll']);
/** A survey's noun and a verb of what it found: "a poll found 58% …" is a measurement, not a forecast. */
const POLL_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys']);
const FOUND = new Set(['found', 'finds', 'showed', 'shows', 'shown']);
/** A reporting verb closes the clause a forecast word can reach back into ("who had expected calm, said 45 died"). */
const REPORTING = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'according', 'reported', 'reports', 'announced', 'confirmed', 'stated']);

/** Verbs and words before a forecast noun that make it a benchmark: "beats forecasts", "missed expectations". */
const BEATEN = new Set(['beat', 'beats', 'beating', 'missed', 'misses', 'miss', 'missing', 'topped', 'tops', 'exceeded', 'exceeds', 'above', 'below', 'than', 'past', 'outstripped', 'surpassed']);

/** Words that frame a whole clause of forecasts (isForecast looks for them further back than for other cues). */
const CLAUSE_FRAMES = new Set(['expect', 'expects', 'expected', 'forecast', 'forecasts', 'predicted', 'predicts', 'projected', 'projects', 'targets', 'targeting', 'aims', 'aiming', 'guidance', 'outlook', 'guides', 'guided', 'plans', 'intends', 'implies', 'implied']);

/** The asciiLowerHash of every word isForecast reads on its way back (REPORTING, CLAUSE_FRAMES, WARNED, FORECAST_WORDS, "long"). */
const FORECAST_CUE_HASHES = new HashSet([...REPORTING, ...CLAUSE_FRAMES, ...WARNED, ...FORECAST_WORDS, 'long'].map(asciiLowerHashOf));

/** Is token k one of . ; : ! ? (a punctuation token is one character, or a surrogate pair)? */
function isClauseStop(t: Tokens, k: number): boolean {
  if (t.end[k]! - t.start[k]! !== 1) return false;
  const c = t.text.charCodeAt(t.start[k]!);
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63;
}

/** A figure in a clause about the future or a hypothesis ("Lumbao would hit the coast with 175 km/h winds"). */
function isForecast(t: Tokens, f: RawFigure, from: number, to: number): boolean {
  // (a decimal point is no stop: "€2.31 billion")
  // (nor the points of an abbreviation: "between 2 a.m. and 4 a.m. on Saturday with winds of 215 km/h")
  const stop = (k: number) => t.kind[k] === T_PUNCT && isClauseStop(t, k) && !(t.kind[k - 1] === T_NUM && t.kind[k + 1] === T_NUM && t.gap[k] === 0 && t.gap[k + 1] === 0) && !(t.gap[k] === 0 && t.kind[k - 1] === T_WORD && t.end[k - 1]! - t.start[k - 1]! === 1 && t.text.charCodeAt(t.start[k]!) === 46);
  // (a clause that frames a long list: "expects Rosalind to reach the coast … between 2 a.m. and 4 a.m. … with sustained
  // winds of 195 to 215 km/h (120 to 135 mph) and gusts of up to 260 km/h")
  for (let k = f.ts - 1, steps = 0; k >= from && steps < 48 && !stop(k); k--, steps++) {
    // (a token that is no word, or an all-ASCII word of none of the sets below, does nothing here)
    if (t.kind[k] !== T_WORD || (t.hash[k]! >= 0 && !FORECAST_CUE_HASHES.has(t.hash[k]!))) continue;
    if (REPORTING.has(tokLower(t, k))) break;
    // beyond a short reach, only words that frame the whole clause ("expected revenue to grow by 3% to 5% … and the
    // margin to reach at least 6%")
    if (steps >= 14 && !(t.kind[k] === T_WORD && CLAUSE_FRAMES.has(tokLower(t, k)))) continue;
    // "forecasters had warned of 10 to 15 inches of rain"
    if (t.kind[k] === T_WORD && WARNED.has(tokLower(t, k)) && tokLower(t, k + 1) === 'of') return true;
    if (t.kind[k] === T_WORD && FORECAST_WORDS.has(tokLower(t, k))) {
      const w = tokLower(t, k);
      // ("beats forecasts as profit climbs 12.7%", "ahead of expectations": a benchmark beaten, not a forecast clause)
      if (BEATEN.has(tokLower(t, k - 1)) || (tokLower(t, k - 1) === 'of' && tokLower(t, k - 2) === 'ahead')) continue;
      if (w === 'set' && tokLower(t, k + 1) !== 'to') return false;
      // ("a poll found 58% of voters backing the farmers": what a survey found is a measurement, not a forecast)
      if (POLL_NOUNS.has(w) && FOUND.has(tokLower(t, k + 1))) return false;
      // "will have 42 of the 81 seats" states a consequence; "will bring winds of 150 km/h" forecasts a measure
      if ((w === 'will' || w === "'ll" || w === 'll') && !f.unit) return false;
      if (w === 'would' && !f.unit && tokLower(t, k + 1) !== 'have') return false;
      return true;
    }
    if (tokLower(t, k) === 'long' && tokLower(t, k - 1) === 'as' && tokLower(t, k + 1) === 'as') return true;
  }
  // "222,000 out of an expected 300,000": a forecast word before another figure belongs to that figure
  for (let k = f.te, steps = 0; k < to && steps < 6 && !stop(k) && t.kind[k] !== T_NUM; k++, steps++) {
    const w = t.kind[k] === T_WORD ? tokLower(t, k) : '';
    if (w === 'expected' || w === 'forecast' || w === 'predicted' || w === 'projected' || w === 'likely') return t.kind[k + 1] !== T_NUM && t.kind[k + 2] !== T_NUM;
  }
  return false;
}

const SERVES = new Set(['serves', 'served', 'serving', 'supplies', 'supplied']);

/** Prepositions of a place or container a figure can sit in: "are in 1,040 evacuation centres". */
const IN_PLACE = new Set(['in', 'into', 'across', 'among', 'inside', 'within', 'throughout']);

/** "up from 10.5%", "from 834 million", "compared with 58.2% in 2021": the earlier value of a change. */
function isPrevious(t: Tokens, f: RawFigure, from: number, lex: Lexicon): boolean {
  // (a currency code the lexicon does not know stands before the amount as a sign does: "up from MRN 12.6bn")
  const code = f.ts - 2 >= from && /^[A-Z]{3}$/.test(tokText(t, f.ts - 1)) && tokLower(t, f.ts - 2) === 'from' ? 1 : 0;
  const p1 = f.ts - 1 - code >= from ? tokLower(t, f.ts - 1 - code) : '';
  const p2 = f.ts - 2 - code >= from ? tokLower(t, f.ts - 2 - code) : '';
  if (p1 === 'from' && (p2 === 'up' || p2 === 'down' || lex.changeVerbs.has(p2) || t.kind[f.ts - 2 - code] === T_NUM || tokText(t, f.ts - 2 - code) === '%' || lex.scales.has(p2))) return true;
  if ((p1 === 'with' || p1 === 'against') && p2 === 'compared') return true;
  // "up 50% on the 70,000 it claimed then", "up 12% on last year's 3.75 billion": the base of a change
  let o = f.ts - 1;
  while (o > from && o > f.ts - 6 && BASE_DETERMINERS.has(tokLower(t, o))) o--;
  if (tokLower(t, o) === 'on' && o - 1 >= from && (tokText(t, o - 1) === '%' || tokLower(t, o - 1) === 'cent' || tokLower(t, o - 1) === 'percent')) return true;
  // "net profit of €431 million (2023: €562 million)", "(prior year: 9.4%)": the comparison year in brackets
  if (p1 === ':' && f.ts - 3 >= from && tokText(t, f.ts - 3) === '(' && /^(?:fy)?(?:19|20)\d\d$/.test(p2)) return true;
  if (p1 === ':' && f.ts - 4 >= from && tokText(t, f.ts - 4) === '(' && p2 === 'year' && (tokLower(t, f.ts - 3) === 'prior' || tokLower(t, f.ts - 3) === 'previous')) return true;
  // ("fell 6.4% to €17.40 from Tuesday's close of €18.75", "up from a previous estimate of 52,000")
  let at = f.ts - 1;
  if (p1 === 'of' && LEVEL_NOUNS.has(p2)) {
    for (let k = f.ts - 3, n = 0; k >= from && n < 5; k--, n++) {
      if (tokLower(t, k) === 'from') {
        at = k;
        break;
      }
      if (t.kind[k] === T_NUM) break;
    }
  }
  if (tokLower(t, at) === 'from') {
    const before = t.text.slice(Math.max(t.start[from]!, t.start[at]! - 80), t.start[at]!).toLowerCase().split(/[^a-z]+/);
    if (before.some((w) => lex.changeVerbs.has(w) || w === 'up' || w === 'down')) return true;
  }
  return false;
}

/**
 * "Revenue rose 14% to MRN 6.84 billion (MRN 5.99 billion)", "a margin of 17.4% (14.5%)": a figure in brackets
 * right after a figure of the same unit is the comparison period's (a conversion is in another unit).
 */
function bracketedComparative(text: string, figs: RawFigure[], i: number): boolean {
  const f = figs[i]!;
  const prev = i > 0 ? figs[i - 1]! : undefined;
  if (!prev || !f.unit || !prev.unit || f.unit.name !== prev.unit.name) return false;
  return /^ ?\( ?$/.test(text.slice(prev.end, f.start)) && /^ ?\)/.test(text.slice(f.end, f.end + 2));
}

const BASE_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'last', 'previous', 'prior', 'year', 'month', 'week', "'", 's', "'s", '’', '’s']);

/** What the earlier value of a change is named as: "from Tuesday's close of €18.75", "from a previous estimate of 52,000". */
const LEVEL_NOUNS = new Set(['close', 'level', 'figure', 'total', 'estimate', 'peak', 'high', 'low', 'price', 'value', 'count', 'tally', 'reading', 'rate']);

/**
 * "sales grew 4.8%", "up 6.1%", "6% more than a year ago": a rate of change, not a level; and "a majority of
 * one seat", "a lead of 3 points": a difference between two figures.
 */
/** After "more than" / "fewer than": a time the other count is of ("than at noon", "than on Monday", "than yesterday"). */
const THAN_WHEN = /^(?:at|on|in|during|by|yesterday|earlier|before|previously|last)$/;

function isChange(t: Tokens, f: RawFigure, from: number, lex: Lexicon): boolean {
  const p1 = f.ts - 1 >= from ? tokLower(t, f.ts - 1) : '';
  const p2 = f.ts - 2 >= from ? tokLower(t, f.ts - 2) : '';
  if (p1 === 'of' && /^(?:majority|lead|gap|difference|edge|advantage|swing)$/.test(p2)) return true;
  const n1 = f.te < t.n ? tokLower(t, f.te) : '';
  // "two more found overnight", "Eleven more were killed", "300 additional troops": an increment, not a total
  // (but "58 more cases" names what is new: a count like "58 new cases")
  if (!f.unit && (n1 === 'more' || n1 === 'additional' || n1 === 'further') && tokLower(t, f.te + 1) !== 'than' && !looksPluralNoun(t, f.te + 1, lex)) return true;
  // "nine deaths, three more than at noon", "two fewer than on Monday": the difference from another count, not a count
  if (!f.unit && (n1 === 'more' || n1 === 'fewer' || n1 === 'less') && tokLower(t, f.te + 1) === 'than' && THAN_WHEN.test(tokLower(t, f.te + 2))) return true;
  if (!f.unit) return false;
  // (points of a rate are a difference already: "4 percentage points higher than in 2021")
  if (f.unit.dimension === 'pp' || f.unit.dimension === 'bp') return false;
  if (f.unit.dimension !== 'percent') {
    // "demand was 4.5 GW, or 8.3%, higher than on Monday", "2 metres lower than in May": a measure's difference
    let k = f.te;
    if (k + 1 < t.n && tokLower(t, k) === ',' && tokLower(t, k + 1) === 'or') {
      for (k += 2; k < t.n && k < f.te + 8 && tokLower(t, k) !== ','; k++);
      k++;
    }
    return k + 1 < t.n && /^(?:higher|lower|more|less|up|down|above|below)$/.test(tokLower(t, k)) && /^(?:than|on|from)$/.test(tokLower(t, k + 1));
  }
  if (/^(?:more|less|fewer|higher|lower|up|down|above|below)$/.test(n1)) return true;
  // "a drop of 40%", "an increase of 12%", "growth of 5.8%"
  if (p1 === 'of' && (lex.changeVerbs.has(p2) || /^(?:decline|reduction|growth|gain|loss|surge|slump|plunge|rebound|hike)$/.test(p2))) return true;
  for (let k = f.ts - 1, steps = 0; k >= from && steps < 3; k--, steps++) {
    if (t.kind[k] !== T_WORD) return false;
    const w = tokLower(t, k);
    if (lex.changeVerbs.has(w) || w === 'up' || w === 'down' || w === 'by') return true;
    if (!(w === 'a' || w === 'an' || w === 'some' || w === 'about' || w === 'nearly' || w === 'almost' || w === 'roughly' || w === 'around' || w === 'by' || w === 'more' || w === 'than' || w === 'over')) return false;
  }
  return false;
}

const THRESHOLD_VERBS = new Set(['pass', 'passes', 'passed', 'exceed', 'exceeds', 'exceeded', 'top', 'tops', 'topped', 'reach', 'reaches', 'reached', 'hit', 'hits', 'surpass', 'surpasses', 'surpassed', 'above', 'below', 'over', 'under']);
const CONDITIONS = new Set(['if', 'unless', 'once', 'should', 'whenever']);
const CAPACITY_WORDS = new Set(['capacity', 'certified', 'licensed', 'designed', 'rated']);
const CAPACITY_JOINERS = new Set(['for', 'to', 'of', 'a', 'the', 'its', 'carry', 'hold', 'accommodate', 'seat', 'take']);

/**
 * "the 3.48 billion consensus", "a 2% target", "its 50,000 cap": a figure between a determiner and a benchmark noun
 * is the benchmark's size (a participle there, "its 1,200 scheduled flights", names what is counted instead).
 */
function referenceNounAfter(t: Tokens, f: RawFigure, from: number, lex: Lexicon): boolean {
  if (f.ts - 1 < from || f.te >= t.n || t.kind[f.te] !== T_WORD || t.kind[f.ts - 1] !== T_WORD) return false;
  const w = tokLower(t, f.te);
  return lex.referenceWords.has(w) && !w.endsWith('ed') && /^(?:a|an|the|its|their)$/.test(tokLower(t, f.ts - 1));
}

/** "an expected 300,000", "a target of 50,000", "the planned 1,000": a benchmark, not a count of what happened. */
function isReference(t: Tokens, f: RawFigure, from: number, lex: Lexicon): boolean {
  for (let k = f.ts - 1, steps = 0; k >= from && steps < 3; k--, steps++) {
    if (t.kind[k] !== T_WORD) break;
    const w = tokLower(t, k);
    if (lex.referenceWords.has(w)) return true;
    if (w !== 'of' && w !== 'an' && w !== 'a' && w !== 'the' && w !== 'its' && w !== 'their') break;
  }
  if (referenceNounAfter(t, f, from, lex)) return true;
  // a capacity: "certified for 240 passengers", "a capacity of 500", "licensed to carry 300"
  for (let k = f.ts - 1, steps = 0; k >= from && steps < 4; k--, steps++) {
    if (t.kind[k] !== T_WORD) break;
    const w = tokLower(t, k);
    if (CAPACITY_WORDS.has(w)) return true;
    if (!CAPACITY_JOINERS.has(w)) break;
  }
  // "would cut supply if winds passed 120 km/h", "once the river tops 5 metres": a threshold in a condition
  for (let k = f.ts - 1, steps = 0, verb = false; k >= from && steps < 8; k--, steps++) {
    if (t.kind[k] !== T_WORD) break;
    const w = tokLower(t, k);
    if (THRESHOLD_VERBS.has(w)) verb = true;
    else if (verb && CONDITIONS.has(w)) return true;
  }
  // "95% is needed to stop measles spreading", "two-thirds are required to pass": a threshold
  {
    let k = f.te;
    while (k < t.n && k < f.te + 3 && t.kind[k] === T_WORD && !/^(?:is|are|was|were|be)$/.test(tokLower(t, k))) k++;
    if (k < t.n && /^(?:is|are|was|were|be)$/.test(tokLower(t, k)) && /^(?:needed|required)$/.test(tokLower(t, k + 1)) && /^(?:to|for)$/.test(tokLower(t, k + 2))) return true;
  }
  // "the 76 seats needed for a majority", "the 60 votes required to pass": a threshold
  if (f.ts - 1 >= from && tokLower(t, f.ts - 1) === 'the') {
    for (let k = f.te, steps = 0; k + 1 < t.n && steps < 3; k++, steps++) {
      if (t.kind[k] !== T_WORD) break;
      const w = tokLower(t, k);
      if ((w === 'needed' || w === 'required') && /^(?:for|to)$/.test(tokLower(t, k + 1))) return true;
    }
  }
  return false;
}

/**
 * Units the words around a figure imply: "up 5.3 points" next to a percentage is percentage points; "from 834
 * million" after "994 million euros" is euros; "raising the retirement age from 62 to 64" is years of age.
 */
function inferUnits(t: Tokens, lex: Lexicon, figs: RawFigure[], text: string, blockStart: number): void {
  // the start of each figure's sentence, found in one forward pass from the block's start (figures come in text
  // order; a block starts a sentence), and the figures of each sentence
  const starts: number[] = [];
  const posInSentence: number[] = [];
  const bySentence = new Map<number, RawFigure[]>();
  let last = blockStart;
  let scanned = blockStart;
  for (const f of figs) {
    // (a full stop followed by a space: not the point of "5.3")
    // (a loop bounded by the figure: a search for the next stop could run on to the end of a text with none)
    for (let k = Math.max(scanned, 0); k < f.start; k++) {
      const c = text.charCodeAt(k);
      if ((c === 46 || c === 33 || c === 63) && (k + 1 >= text.length || /\s/.test(text[k + 1]!))) last = k + 1;
    }
    scanned = Math.max(scanned, f.start);
    starts.push(last);
    const list = bySentence.get(last);
    posInSentence.push(list ? list.length : 0);
    if (list) list.push(f);
    else bySentence.set(last, [f]);
  }
  const pp = lex.unitsByName.get('pp');
  const year = lex.unitsByName.get('year');
  for (let i = 0; i < figs.length; i++) {
    const f = figs[i]!;
    const ss = starts[i]!;
    // the other figures of the sentence (the nearest 24 each side: a run-on "sentence" of thousands stays linear)
    const all = bySentence.get(ss)!;
    const at = posInSentence[i]!;
    const same = all.slice(Math.max(0, at - 24), at).concat(all.slice(at + 1, at + 25));
    // "fell 5.3 points to 22.6%" is percentage points; "fell 190 points, or 2.3%" (an index) stays points
    const orPercent = /^\s*(?:,\s*)?(?:or|and|a|some)\s+(?:about\s+|nearly\s+|roughly\s+)?[\d.]+\s*(?:%|per\s*cent|percent)/i.test(text.slice(f.end, f.end + 30));
    // ("averaged 7.3 points, 3.7 rebounds": points scored stay points)
    const scored = lex.scoreVerbs.has(tokLower(t, f.ts - 1)) || (f.ts >= 2 && lex.scoreVerbs.has(tokLower(t, f.ts - 2)) && lex.adverbs.has(tokLower(t, f.ts - 1)));
    if (f.unit?.name === 'point' && pp && Math.abs(f.value) <= 100 && !orPercent && !scored && same.some((g) => g.unit?.dimension === 'percent')) f.unit = pp;
    // "(16,369.03 up 58.06 points)", "5,884, down 12 points": an index level right before its change in points
    if (!f.unit && !f.per && f.form === 'digits' && at + 1 < all.length) {
      const g = all[at + 1]!;
      let q = f.te;
      if (q < g.ts && tokText(t, q) === ',') q++;
      if (g.unit?.name === 'point' && q + 1 === g.ts && /^(?:up|down|off|higher|lower)$/.test(tokLower(t, q))) f.unit = g.unit;
    }
    millionsAmongMoney(t, lex, f, same);
    // a plain amount with its conversion in brackets: "2,435,000 yen ($22,480) … and 2,380,000 ($21,972)"
    const convAfter = at + 1 < all.length && tokText(t, f.te) === '(' && all[at + 1]!.ts === f.te + 1 && all[at + 1]!.unit?.dimension === 'currency';
    if (!f.unit && !f.per && f.value >= 1000 && (convAfter || /\b(?:thousand|million|billion|trillion|bn|mn|m|k)\b/i.test(text.slice(f.start, f.end)))) {
      // a scaled amount with no unit takes the currency of the figures beside it in its sentence
      // — not from its own conversion in brackets ("a net worth of 1.356 billion ($1.762bn)" is another currency): that
      // currency is the one of an earlier amount converted the same way ("2,435,000 yen ($22,480) … and 2,380,000
      // ($21,972)"), else unknown
      const conv = convAfter ? all[at + 1]! : null;
      if (conv) {
        for (let k = at - 1; k >= 1; k--) {
          const a = all[k - 1]!;
          const b = all[k]!;
          if (a.unit?.dimension === 'currency' && a.unit !== conv.unit && b.unit === conv.unit && tokText(t, a.te) === '(' && b.ts === a.te + 1) {
            f.unit = a.unit;
            break;
          }
        }
      } else {
        // (not a conversion in brackets: "742 million ducats ($112 million), from 455 million" is in ducats)
        const lo = Math.max(0, at - 24);
        const indexInAll = (i: number): number => (i < at - lo ? lo + i : lo + i + 1);
        const cur = [...same].reverse().find((g, k) => g.unit?.dimension === 'currency' && !isBracketConversion(t, all, indexInAll(same.length - 1 - k)));
        const others = same.filter((g) => g.unit && g.unit.dimension !== 'currency' && g.unit.dimension !== 'percent');
        if (cur && !others.length && !looksPluralNounAfter(t, f, lex)) f.unit = cur.unit;
      }
    }
    if (!f.unit && !f.age && f.form === 'digits' && !f.per) {
      const g = parallelFigure(t, all, at, f);
      if (g?.unit) {
        f.unit = g.unit;
        f.per = g.per;
      }
    }
    if (!f.unit && !f.per && !f.age && at > 0) {
      const g = ellipticUnit(t, lex, all[at - 1]!, f);
      if (g) {
        f.unit = g.unit;
        f.per = g.per;
      }
    }
    if (!f.unit && year && f.form === 'digits' && f.value >= 14 && f.value <= 110 && Number.isInteger(f.value)) {
      // "the retirement age from 62 to 64", "the voting age of 16"
      const before = text.slice(Math.max(ss, f.start - 40), f.start).toLowerCase();
      if (/\bage\s+(?:of\s+|from\s+|to\s+|at\s+|is\s+|was\s+|will\s+be\s+|would\s+be\s+)?(?:\d+\s+to\s+)?$/.test(before) || /\bage\b[^.,;]{0,12}\bfrom\s+\d+\s+to\s+$/.test(before)) {
        f.unit = year;
        f.age = true;
      }
    }
  }
}

/**
 * "The brand made 5,310m ducats; the river arm contributed 2,840m": an "m" glued to a number, in a sentence whose
 * amounts of money are written in millions or billions and which measures no length, is "million" of that money, not
 * metres.
 */
function millionsAmongMoney(t: Tokens, lex: Lexicon, f: RawFigure, same: RawFigure[]): void {
  const text = t.text;
  const gluedM = (g: RawFigure) => g.unit?.dimension === 'length' && !g.per && g.form === 'digits' && g.end - g.start >= 2 && text[g.end - 1] === 'm' && /\d/.test(text[g.end - 2]!);
  if (!gluedM(f)) return;
  // (nothing of its own after it, as after an amount: "contributed 2,840m, and …", "earned 310m last year" — not "310m tall")
  const k = f.te;
  if (k < t.n && t.kind[k] === T_WORD && !lex.prepositions.has(tokLower(t, k)) && !lex.conjunctions.has(tokLower(t, k)) && !ELLIPSIS_AFTER.has(tokLower(t, k))) return;
  // (the other figures so written are of the same kind: "2,840m, and Polar Line 1,470m")
  if (same.some((g) => g.unit?.dimension === 'length' && !gluedM(g))) return;
  const money = same.find((g) => g.unit?.dimension === 'currency' && /\d\s?(?:m|mn|bn|million|billion)\b/i.test(text.slice(g.start, g.end)));
  if (!money) return;
  const scale = (x: number) => Number((x * 1e6).toPrecision(15));
  f.value = scale(f.value);
  if (f.low !== null) f.low = scale(f.low);
  if (f.high !== null) f.high = scale(f.high);
  if (f.precision !== null) f.precision = scale(f.precision);
  f.exact = String(f.value);
  f.unit = money.unit;
}

/** all[j] is an amount in brackets right after the amount before it, its conversion: "742 million ducats ($112 million)". */
function isBracketConversion(t: Tokens, all: RawFigure[], j: number): boolean {
  const a = all[j - 1];
  const b = all[j]!;
  return !!a && a.unit?.dimension === 'currency' && b.unit?.dimension === 'currency' && a.unit !== b.unit && tokText(t, a.te) === '(' && b.ts === a.te + 1;
}

const ELLIPSIS_JOINERS = new Set(['and', 'or', 'from', 'versus', 'vs', 'against', 'while', 'whereas']);
const ELLIPSIS_AFTER = new Set(['last', 'this', 'next', 'earlier', 'before', 'previously', 'a', 'the', 'ago', 'now', 'then', 'respectively']);
/**
 * "rose to 5.2% from 4.9 in May", "a -1.4 degree angle in 2018 and 2.1 last year": a bare number that the sentence
 * sets beside the measured figure right before it, leaving its unit out — a decimal (a count is rarely one), or the
 * earlier level after "to … from"; within a few words with no verb between, of a comparable size, with no noun of
 * its own after it. The figure whose unit it takes, or null.
 */
function ellipticUnit(t: Tokens, lex: Lexicon, g: RawFigure, f: RawFigure): RawFigure | null {
  if (!g.unit || g.age || g.unit.dimension === 'duration' || g.unit.dimension === 'count' || f.form !== 'digits' || f.qualifier !== 'exact' || f.ts !== f.cs) return null;
  if (f.ts - g.te > 8 || f.ts <= g.te || !(f.value > 0 && g.value !== 0) || f.value / Math.abs(g.value) > 10 || Math.abs(g.value) / f.value > 10) return null;
  let joiner = '';
  for (let k = g.te; k < f.ts; k++) {
    // (a year between is a date: "in 2018 and 2.1 last year")
    if ((t.kind[k] === T_NUM && !(/^(?:19|20)\d\d$/.test(tokText(t, k)) && /^(?:in|of|for|since)$/.test(tokLower(t, k - 1)))) || (t.kind[k] === T_PUNCT && isClauseStop(t, k))) return null;
    if (t.kind[k] === T_WORD && ELLIPSIS_JOINERS.has(tokLower(t, k))) joiner = tokLower(t, k);
    // ("84.75 cents and the lowest is 74.07": a clause of its own, with its own verb, is left alone)
    if (t.kind[k] === T_WORD && lex.auxiliaries.has(tokLower(t, k))) return null;
  }
  if (!joiner || hasVerbBetween(t, g.te, f.ts, lex)) return null;
  const fromLevel = joiner === 'from' && tokLower(t, f.ts - 1) === 'from' && (tokLower(t, g.ts - 1) === 'to' || tokLower(t, g.ts - 1) === 'at');
  if (Number.isInteger(f.value) && !fromLevel) return null;
  // nothing of its own after it: the end, punctuation, a preposition or a time word ("2.1 last year", "4.9 in May")
  const k = f.te;
  if (k < t.n && t.kind[k] === T_WORD && !lex.prepositions.has(tokLower(t, k)) && !ELLIPSIS_AFTER.has(tokLower(t, k)) && !lex.conjunctions.has(tokLower(t, k))) return null;
  if (k < t.n && t.kind[k] === T_NUM) return null;
  return g;
}

const CONTRAST = new Set(['while', 'whereas', 'but']);
const LEVEL_BEFORE = new Set(['to', 'at', 'is', 'was', 'by', 'of']);
/**
 * "The highest forecast is 84.75 cents, while the lowest is 74.07", "DAX rose 2 percent but Nasdaq fell by 1": a
 * bare figure after "to"/"at"/"is"/"by"/"of" that ends its clause, in a clause that "while"/"whereas"/"but" sets
 * against the one before, with as many figures in each: the figure at the same place in the first clause, whose
 * unit the second leaves out.
 */
function parallelFigure(t: Tokens, all: RawFigure[], at: number, f: RawFigure): RawFigure | null {
  if (!LEVEL_BEFORE.has(tokLower(t, f.ts - 1))) return null;
  if (f.te < t.n && !(t.kind[f.te] === T_PUNCT && /^[.,;)]$/.test(tokText(t, f.te)))) return null;
  // the contrast word between the figures before f and f, nearest to f
  let c = -1;
  let first = at;
  for (let k = at - 1; k >= 0 && c < 0; k--) {
    for (let q = all[k]!.te; q < (k + 1 < all.length ? all[k + 1]!.ts : f.ts) && q < f.ts; q++) if (t.kind[q] === T_WORD && CONTRAST.has(tokLower(t, q))) c = q;
    if (c < 0) first = k;
    else first = k + 1;
  }
  if (c < 0) return null;
  const second = all.slice(first).filter((g) => g.ts > c);
  const firstClause: RawFigure[] = [];
  for (let k = first - 1; k >= 0; k--) {
    let stop = false;
    for (let q = all[k]!.te; q < all[k + 1]!.ts && !stop; q++) if (t.kind[q] === T_WORD && CONTRAST.has(tokLower(t, q))) stop = q !== c;
    if (stop) break;
    firstClause.unshift(all[k]!);
  }
  // (the second clause ends at the punctuation after f: "… to 1,333.18, on turnover of 1.23 billion shekels")
  const idx = second.indexOf(f);
  if (idx < 0 || firstClause.length !== idx + 1) return null;
  const g = firstClause[idx]!;
  return g.unit && g.unit.dimension !== 'duration' && !g.age ? g : null;
}

function looksPluralNounAfter(t: Tokens, f: RawFigure, lex: Lexicon): boolean {
  if (f.te >= t.n || t.kind[f.te] !== T_WORD) return false;
  const w = tokLower(t, f.te);
  return w.endsWith('s') && !lex.prepositions.has(w) && !lex.auxiliaries.has(w) && w !== 'was' && w !== 'is';
}

const PERIOD_ADJ: Record<string, string> = { daily: 'day', weekly: 'week', monthly: 'month', annual: 'year', yearly: 'year', hourly: 'hour', annually: 'year' };
const RATE_HEADS = new Set(['rate', 'average', 'pace', 'intake', 'tally', 'count', 'number', 'toll', 'total']);
const PERIOD_WORDS: Record<string, string> = { day: 'day', week: 'week', month: 'month', year: 'year', hour: 'hour', minute: 'minute', second: 'second', night: 'day', season: 'season' };

/**
 * A count stated as a rate by its clause: "the average daily recruitment rate … is around 1,000 people",
 * "1,000 people a day", "some 200 deaths each week".
 */
function clauseRate(t: Tokens, f: RawFigure, from: number, to: number): string | null {
  // after: up to three words of noun phrase, then "a day" / "per day" / "each day" / "every day" / "daily"
  for (let k = f.te, words = 0; k < to && words < 4; k++) {
    if (t.kind[k] !== T_WORD) break;
    const w = tokLower(t, k);
    if (PERIOD_ADJ[w] && (w === 'daily' || w === 'annually')) return PERIOD_ADJ[w]!;
    if ((w === 'a' || w === 'an' || w === 'per' || w === 'each' || w === 'every') && k + 1 < to && PERIOD_WORDS[tokLower(t, k + 1)]) {
      // "a year earlier", "a week ago" date the figure; they do not make it a rate
      const after = k + 2 < to ? tokLower(t, k + 2) : '';
      if (/^(?:earlier|ago|before|later|previously|on|after)$/.test(after)) return null;
      // "412 new cases in a week", "within a day": a count over one period, not a rate
      if ((w === 'a' || w === 'an') && /^(?:in|within|over|during|inside)$/.test(k > 0 ? tokLower(t, k - 1) : '')) return null;
      return PERIOD_WORDS[tokLower(t, k + 1)]!;
    }
    words++;
  }
  // before, in the same clause: "daily … rate/average"
  let adj: string | null = null;
  for (let k = f.ts - 1, steps = 0; k >= from && steps < 15; k--, steps++) {
    if (t.kind[k] === T_PUNCT) {
      const p = tokText(t, k);
      if (p === '.' || p === ';' || p === '!' || p === '?' || p === ':') break;
      continue;
    }
    const w = tokLower(t, k);
    if (RATE_HEADS.has(w)) {
      for (let q = k - 1; q >= Math.max(from, k - 3); q--) if (PERIOD_ADJ[tokLower(t, q)]) adj = PERIOD_ADJ[tokLower(t, q)]!;
      if (adj) return adj;
    }
  }
  return null;
}

function unitName(u: UnitDef | null): string {
  return u ? u.name : 'count';
}

function toMention(text: string, f: RawFigure, d: Description, lex: Lexicon): Mention {
  const dimension = f.unit ? f.unit.dimension : 'count';
  let unit = unitName(f.unit);
  // counts per period or population are units of their own ("count/day", "count/100000"); money or lengths
  // "a month" keep their unit and carry the period in `per`
  const rateUnit = f.per !== null && unit === 'count';
  if (rateUnit) unit = `${unit}/${f.per}`;
  // decades and centuries are reported in years
  const toYears = unit === 'decade' ? 10 : unit === 'century' ? 100 : 1;
  if (toYears !== 1) {
    unit = 'year';
    f.value *= toYears;
    f.low = f.low === null ? null : f.low * toYears;
    f.high = f.high === null ? null : f.high * toYears;
    f.precision = f.precision === null ? null : f.precision * toYears;
    f.exact = String(f.value);
  }
  let measure: string;
  const phrase = d.phrase ?? '';
  const ev = d.eventWord ? ` ${d.eventWord}` : '';
  if (f.age) measure = `age: ${phrase || 'person'}`;
  else if (d.distance) measure = phrase ? `distance: ${phrase}` : 'distance';
  else if (dimension === 'magnitude') measure = phrase ? `magnitude of ${phrase}` : 'magnitude';
  else if (dimension === 'duration') measure = `duration: ${phrase || d.eventWord || 'time'}`;
  else if (dimension === 'percent' || dimension === 'pp') measure = phrase ? (d.ofPhrase ? `share of ${phrase}` : phrase) + ev : `share${ev}`;
  else if (dimension === 'count') measure = phrase ? phrase + ev : d.eventWord ? d.eventWord : 'count';
  else measure = phrase ? phrase + ev : d.eventWord ? d.eventWord : dimension;
  const mention: Mention = {
    start: f.start,
    end: f.end,
    text: text.slice(f.start, f.end),
    value: f.value,
    low: f.low,
    high: f.high,
    qualifier: f.qualifier,
    unit,
    dimension: rateUnit ? 'rate' : dimension,
    precision: f.precision,
    exact: f.exact,
    form: f.form,
    noun: d.noun,
    measure: measure.trim(),
    per: f.per,
    age: f.age || undefined,
    event: d.event,
    phrase: d.phrase,
  };
  // "Tuesday's 6.7 quake": a decimal magnitude needs no unit word
  if (!f.unit && f.form === 'digits' && !Number.isInteger(f.value) && d.noun && /^(?:quake|earthquake|temblor|tremor|aftershock)$/.test(d.noun) && lex.unitsByName.get('magnitude')) {
    mention.unit = 'magnitude';
    mention.dimension = 'magnitude';
    mention.measure = `magnitude of ${d.phrase}`;
  }
  return mention;
}

/** Parse one numeral expression ("one hundred and three", "2 1/4", "1,674.5", "a dozen", "1.2b"); null if it is not one. */
export function parseNumber(s: string, lex: Lexicon = getLexicon()): number | null {
  const norm = normalizeForScan(s.trim());
  const t = tokenize(norm);
  if (t.n === 0) return null;
  // the whole string as one numeral (trailing sentence punctuation aside); a written ordinal is none
  if (t.kind[0] === T_WORD && readWordNumber(t, 0, lex, { standalone: true, article: true })?.ordinal) return null;
  const whole = readStandaloneNumeral(t, 0, lex);
  if (whole) {
    let e = whole.end;
    while (e < t.n && t.kind[e] === T_PUNCT && /^[.,;:!?)\]"']$/.test(tokText(t, e))) e++;
    if (e === t.n) return whole.value;
  }
  let i = 0;
  let neg = false;
  if (t.kind[0] === T_PUNCT && tokText(t, 0) === '-') {
    neg = true;
    i = 1;
  } else if (t.kind[0] === T_WORD && tokLower(t, 0) === 'minus') {
    neg = true;
    i = 1;
  }
  const figs = scanBlock({ t, lex, dates: [], from: i, to: t.n });
  if (figs.length) {
    const f = figs[0]!;
    const v = f.form === 'fraction' && f.unit?.name === 'percent' && !/%|percent|per cent/i.test(s) ? f.value / 100 : f.value;
    return neg ? -v : v;
  }
  const d = readDigits(t, i);
  if (d) return neg ? -d.value : d.value;
  const w = readWords(t, i, lex, true);
  if (w) return neg ? -w.value : w.value;
  return null;
}

export { nounLemma };
