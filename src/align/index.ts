/**
 * align: claims → blocks of candidate same-fact claims, and the relation between two claims of a block.
 * Blocking key = unit family + canonical counted thing, so the work grows with the number of claims, not its
 * square: only claims of one block are ever compared, and large blocks are split by event and time bucket.
 */
import type { ClaimContext } from '../context/index.js';
import { plain } from '../context/scope.js';
import { PERIOD_TEXT } from '../context/time.js';
import type { Lexicon } from '../lexicon/index.js';
import { claimKey, type ClaimKey, type Synonyms } from './keys.js';
import { memoize } from '../util/memo.js';

export { buildSynonyms, claimKey, indicesByFamily, type ClaimKey, type Synonyms } from './keys.js';

export interface Aligned {
  claims: ClaimContext[];
  keys: ClaimKey[];
  /** indices into claims; each block's claims share family and counted thing */
  blocks: number[][];
  /**
   * Per claim: its document gives three or more clearly different values for the same counted thing with no
   * holder to tell them apart ("52 seats", "41 seats", "26 seats", "the 76 seats needed"): in that document the
   * words name several facts, so the claim is compared only with figures of the same named holder.
   */
  ambiguous: boolean[];
}

/** Families whose figures are compared by holder (a party's share, a segment's revenue) within one block. */
const SUBJECT_FAMILIES = /^(?:percent|pp|[A-Z]{3}|USc|GBX)$/;

const SUBJECT_STOP = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'of', 'and', 'in', 'for', 'company', 'group', 'total', 'overall',
  // the period is the claim's time, not part of what holds the figure ("second-quarter net income")
  'first', 'second', 'third', 'fourth', 'quarter', 'quarterly', 'half', 'full', 'year', 'annual', 'fiscal', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'fy']);

/** Content words of a holder, lower-cased and singular-ish. */
const SUBJECT_WORDS = new Map<string, Set<string>>();
const RATE_HOLDER = /^(\d+(?:\.\d+)?)%/;
const NO_WORDS: Set<string> = new Set();
/** The content words of a holder (memoised: read-only sets shared between calls). */
function subjectWords(h: string | null | undefined): Set<string> {
  if (!h) return NO_WORDS;
  let out = SUBJECT_WORDS.get(h);
  if (out) return out;
  out = new Set<string>();
  // a rate that holds a sum ("the 9% demand would cost …", "the 3.5% offer"): the rate alone tells it apart
  const rate = RATE_HOLDER.exec(h);
  if (rate) out.add(`${rate[1]}%`);
  else for (const w of h.toLowerCase().split(/[^a-z0-9]+/)) if (w.length > 2 && !SUBJECT_STOP.has(w)) out.add(w.replace(/(?:'s|s)$/, ''));
  if (SUBJECT_WORDS.size > 100000) SUBJECT_WORDS.clear();
  SUBJECT_WORDS.set(h, out);
  return out;
}

/** A set of words in one canonical string: two holders with equal signatures have the same words. */
function signatureOf(words: Set<string>): string {
  return [...words].sort().join(' ');
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * "Halvern Bank's net profit rose to €1.43bn" and a results table's row "Net profit": the row of a table names a
 * measure of whoever the table reports on, so an owner's measure is that row when the words after the owner are
 * the row's.
 */
function ownRow(a: ClaimFacts, b: ClaimFacts): boolean {
  const cell = b.claim.cell;
  if (!cell || a.claim.cell || cell.col === 0) return false;
  const h = a.claim.holder ?? '';
  const k = h.search(/'s?\s/);
  if (k <= 0) return false;
  const own = subjectWords(h.slice(k).replace(/^'s?\s+/, ''));
  return own.size > 0 && signatureOf(own) === b.holderSignature;
}

/**
 * Two ages of one person named more or less fully ("Teacher Ilse Marrow, 43" and "Ilse Marrow, 34"): the shorter
 * name, of two words or more, is all in the longer.
 */
function samePerson(a: ClaimFacts, b: ClaimFacts): boolean {
  if (!a.claim.measure?.startsWith('age') || !b.claim.measure?.startsWith('age')) return false;
  const [small, big] = a.holderWords.size <= b.holderWords.size ? [a.holderWords, b.holderWords] : [b.holderWords, a.holderWords];
  if (small.size < 2) return false;
  for (const w of small) if (!big.has(w)) return false;
  return true;
}

/** Blocks larger than this are split further by event and month, so pairwise work stays bounded. */
const MAX_BLOCK = 400;

export function align(claims: ClaimContext[], syn: Synonyms, lex: Lexicon): Aligned {
  const keys = claims.map((c) => claimKey(c, syn, lex));
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < claims.length; i++) {
    const k = keys[i]!;
    if (!k.noun && k.family === 'count') continue; // a bare count of nothing named cannot be aligned
    // shares and money are compared by who holds them as much as by what they are of: one block per family
    const bk = SUBJECT_FAMILIES.test(k.family) ? k.family : `${k.family}|${k.noun ?? '-'}`;
    let b = byKey.get(bk);
    if (!b) byKey.set(bk, (b = []));
    b.push(i);
  }
  const blocks: number[][] = [];
  for (const b of [...byKey.keys()].sort()) {
    const idx = byKey.get(b)!;
    if (idx.length < 2) continue;
    if (idx.length <= MAX_BLOCK) {
      blocks.push(idx);
      continue;
    }
    // split: event, then the month of the claim's time
    const sub = new Map<string, number[]>();
    for (const i of idx) {
      const c = claims[i]!;
      const sk = `${keys[i]!.event ?? '-'}|${c.time?.start?.slice(0, 7) ?? '-'}`;
      let s = sub.get(sk);
      if (!s) sub.set(sk, (s = []));
      s.push(i);
    }
    for (const s of [...sub.keys()].sort()) {
      const list = sub.get(s)!;
      for (let k = 0; k < list.length; k += MAX_BLOCK) if (list.length - k >= 2) blocks.push(list.slice(k, k + MAX_BLOCK));
    }
  }
  return { claims, keys, blocks, ambiguous: ambiguousClaims(claims, keys, blocks) };
}

/** A holder that tells figures apart: for counts a proper name ("Green Future", "the National Front"). */
export function namedHolder(c: ClaimContext, k: ClaimKey): string | null {
  const h = c.holder;
  if (!h || !k.holder) return null;
  // the source of the figure is no holder ("Police reported 23,000", "The ministry recorded 41")
  if (c.attribution && overlaps(subjectWords(h), subjectWords(c.attribution))) return null;
  if (SUBJECT_FAMILIES.test(k.family)) return k.holder;
  return /^[A-Z]/.test(h.replace(/^(?:the|a|an)\s+/i, '')) || RATE_HOLDER.test(h) ? k.holder : null;
}

/** See Aligned.ambiguous. Counts of people (tolls, crowds) are updated within an article, not several facts. */
function ambiguousClaims(claims: ClaimContext[], keys: ClaimKey[], blocks: number[][]): boolean[] {
  const out = new Array<boolean>(claims.length).fill(false);
  for (const block of blocks) {
    if (keys[block[0]!]!.family !== 'count') continue;
    const byDoc = new Map<number, number[]>();
    for (const i of block) {
      const k = keys[i]!;
      if (k.people || namedHolder(claims[i]!, k)) continue;
      let l = byDoc.get(claims[i]!.docIndex);
      if (!l) byDoc.set(claims[i]!.docIndex, (l = []));
      l.push(i);
    }
    for (const l of byDoc.values()) {
      // the most values that are pairwise different even at their written precision (greedy by upper end)
      const iv = l.filter((i) => !claims[i]!.role && claims[i]!.form !== 'vague').map((i) => [keys[i]!.wlo, keys[i]!.whi] as const).sort((x, y) => x[1] - y[1]);
      let n = 0;
      let end = -Infinity;
      for (const [lo, hi] of iv) {
        if (lo > end) {
          n++;
          end = hi;
        }
      }
      if (n >= 3) for (const i of l) out[i] = true;
    }
  }
  return out;
}

export type TimeRelation = 'same' | 'earlier' | 'later' | 'unknown';

/** A figure read at the peak of what it counts ("at the peak", "at its peak"): one value, whichever report gives it. */
export function atPeak(x: { intraday: string | null }): boolean {
  return !!x.intraday && /\bpeak\b/.test(x.intraday);
}

export interface Relation {
  /** the two claims can report the same fact (events, modifiers, time all compatible, or a rising count over time) */
  comparable: boolean;
  /**
   * The times differ, but by at most three days, one of them only from a document's date, and neither describes
   * a passing state ("now"): an event dated in one report ("on Wednesday evening") and told again in the next
   * days' reports, or a finished event's result (seats won, a profit), is the same fact — unless it is a count
   * that keeps growing (a toll), whose later figure is an update.
   */
  near: boolean;
  why: string;
  /** time of a relative to b */
  time: TimeRelation;
  /** both unscoped or equal; different; only one has a scope */
  scope: 'same' | 'different' | 'one';
  crossDocument: boolean;
}

/** An ISO date ("2026-10-17") as days since 1970 (each date read once: asked for every pair). */
export const isoDay = memoize((s) => Date.parse(`${s}T00:00:00Z`) / 86400000);

const ANCHOR = /\b(before|after|at|during|since|until|ahead of)\s+(?:the\s+)?(landfall|the storm|storm|the typhoon|typhoon|the hurricane|hurricane|the cyclone|cyclone|the quake|quake|earthquake|the vote|vote|election|polls closed|the march|march|impact|the attack|attack|the blast|blast|the fire|the flood|flood|dawn|noon|midnight)\b/i;
/** Moments that name the same thing: a storm's arrival is its landfall. */
const ANCHOR_SAME: Record<string, string> = { landfall: 'storm', typhoon: 'storm', hurricane: 'storm', cyclone: 'storm', impact: 'storm', quake: 'earthquake', vote: 'election', 'polls closed': 'election' };

/** A moment a sentence anchors its figures to ("before landfall"), normalised. */
const ANCHORS = new Map<string, string | null>();
export function anchorOf(sentence: string): string | null {
  let r = ANCHORS.get(sentence);
  if (r !== undefined) return r;
  const m = ANCHOR.exec(sentence);
  r = m ? `${m[1]!.toLowerCase()} ${ANCHOR_SAME[m[2]!.toLowerCase().replace(/^the\s+/, '')] ?? m[2]!.toLowerCase().replace(/^the\s+/, '')}` : null;
  if (ANCHORS.size > 50000) ANCHORS.clear();
  ANCHORS.set(sentence, r);
  return r;
}

/** The fields of a claim the pairwise tests read: ClaimFacts copies them. */
type PairFields = Pick<ClaimContext, 'document' | 'docIndex' | 'scopeKey' | 'role' | 'sentenceStart' | 'attributionKey' | 'snapshot' | 'intraday' | 'time'>;

/**
 * What the pairwise tests (daysApart, timeRelation, relate) read of one claim, worked out once: the engine relates
 * every pair of a block, so per-claim work done per pair (day numbers, holder words, regular expressions) would be
 * repeated for each of the claim's hundreds of pairs. What only some pairs need is worked out on first use. The
 * claim fields the tests read are copied too: claims come in many shapes, one class reads faster.
 */
export class ClaimFacts implements PairFields {
  readonly document: string;
  readonly docIndex: number;
  readonly scopeKey: string | null;
  readonly role: ClaimContext['role'];
  /** a row of a table that closes with a total row ("Old Town | 17" above "Total | 43") */
  readonly breakdown: boolean;
  readonly sentenceStart: number;
  readonly attributionKey: string | null;
  readonly snapshot: boolean;
  readonly intraday: string | null;
  /** the live-report entry stamp or clock time of the claim's sentence (minutes after midnight) */
  readonly clock: number | null;
  /** or the hour (part of the day) its time expression names */
  readonly dayClock: number | null;
  /** the hour is a part of the day only ("on Saturday morning"), not a clock time */
  readonly clockRough: boolean;
  readonly time: ClaimContext['time'];
  /** the claim's time has a start */
  readonly dated: boolean;
  /** day numbers of its start and end (NaN when undated, or for a date that does not parse) */
  readonly startDay: number;
  readonly endDay: number;
  /** the time is only the document's date */
  readonly soft: boolean;
  /** isStatic(key) */
  readonly static: boolean;
  /** a reading (READING) of a stated moment: at a clock time ("in its 6 p.m. advisory"), in a part of the day, or "now" */
  readonly moment: boolean;
  /** the key's family is compared by holder (SUBJECT_FAMILIES) */
  readonly subjectFamily: boolean;
  private anchorMemo: string | null | undefined = undefined;
  private namedMemo: string | null | undefined = undefined;
  private wordsMemo: Set<string> | undefined = undefined;
  private signatureMemo: string | undefined = undefined;
  private headMemo: string | null | undefined = undefined;
  private periodMemo: boolean | undefined = undefined;

  constructor(readonly claim: ClaimContext, readonly key: ClaimKey) {
    this.document = claim.document;
    this.docIndex = claim.docIndex;
    this.scopeKey = claim.scopeKey;
    this.role = claim.role;
    this.breakdown = (!!claim.cell && claim.cell.totalRow !== null && claim.cell.row < claim.cell.totalRow) || !!claim.namedRow;
    this.sentenceStart = claim.sentenceStart;
    this.attributionKey = claim.attributionKey;
    this.snapshot = claim.snapshot;
    this.intraday = claim.intraday;
    this.clock = claim.clock ?? null;
    this.dayClock = claim.dayClock ?? null;
    this.clockRough = this.clock == null && this.dayClock != null && !/\d/.test(claim.time?.text ?? '');
    const t = (this.time = claim.time);
    this.dated = !!t?.start;
    this.startDay = this.dated ? isoDay(t!.start!) : NaN;
    this.endDay = this.dated ? isoDay(t!.end ?? t!.start!) : NaN;
    this.soft = t?.text === 'document date';
    this.static = isStatic(key);
    this.moment = READING.test(key.family) && (this.clock != null || this.dayClock != null || !!this.intraday || !!this.snapshot);
    this.subjectFamily = SUBJECT_FAMILIES.test(key.family);
  }

  /** anchorOf(the claim's sentence) */
  get anchor(): string | null {
    if (this.anchorMemo === undefined) this.anchorMemo = anchorOf(this.claim.sentence);
    return this.anchorMemo;
  }

  /** namedHolder(claim, key) */
  get named(): string | null {
    if (this.namedMemo === undefined) this.namedMemo = namedHolder(this.claim, this.key);
    return this.namedMemo;
  }

  /** The content words of the named holder. */
  get holderWords(): Set<string> {
    if (this.wordsMemo === undefined) this.wordsMemo = subjectWords(this.named);
    return this.wordsMemo;
  }

  /** holderWords sorted and joined: two claims have the same holder words when these are equal. */
  get holderSignature(): string {
    if (this.signatureMemo === undefined) this.signatureMemo = signatureOf(this.holderWords);
    return this.signatureMemo;
  }

  /** The last word of the key's holder, singular-ish ("the Sierra Calva natural park" → "park"), or null. */
  get holderHead(): string | null {
    if (this.headMemo === undefined) this.headMemo = this.key.holder ? this.key.holder.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '') : null;
    return this.headMemo;
  }

  /** The time, with a start and an end, is a reporting period (a quarter, a half, a calendar year, or whole months:
   * "July to September", a "First nine months" heading). */
  get period(): boolean {
    if (this.periodMemo === undefined) {
      const t = this.time;
      this.periodMemo = !!t?.start && !!t.end && ((!!t.text && PERIOD_TEXT.test(t.text)) || (t.start.endsWith('-01-01') && t.end.endsWith('-12-31') && t.start.slice(0, 4) === t.end.slice(0, 4)) || wholeMonths(t.start, t.end));
    }
    return this.periodMemo;
  }
}

/**
 * Days between two claims' times when both are dated and they cannot be one moment (no shared anchor, not two
 * static measures dated only by their documents); 0 otherwise. A cheap test before relate(): figures more than a
 * month apart never report one fact, nor one update.
 */
export function daysApart(a: ClaimFacts, b: ClaimFacts): number {
  if (!a.dated || !b.dated) return 0;
  if (a.soft && b.soft && a.static && b.static && !(a.moment && b.moment)) return 0;
  const gap = Math.max(b.startDay - a.endDay, a.startDay - b.endDay);
  if (gap <= 0) return 0;
  // (a period's results and another report's undated figure published within 100 days of its end: see relate())
  const [hard, soft] = a.soft ? [b, a] : [a, b];
  if (a.subjectFamily && soft.soft && !hard.soft && hard.endDay <= soft.startDay && soft.startDay - hard.endDay <= 100) return 0;
  const anchor = a.anchor;
  return anchor && anchor === b.anchor ? 0 : gap;
}

/**
 * A static measure does not change from day to day (an area, a distance, a magnitude, a population); a dynamic
 * one does (people deployed, aircraft in service, a toll, a price, a share). Two reports dated differently
 * compare a static measure, never a dynamic one.
 */
export function isStatic(k: ClaimKey): boolean {
  // a quake's magnitude is one property of the event, whatever verb reports it
  if (k.family === 'magnitude') return true;
  return !k.event && !/^(?:count|rate:.*|percent|pp|[A-Z]{3}|USc|GBX)$/.test(k.family);
}

/** Physical measures read at a moment, that change from one reading to the next: a wind speed, an air pressure. */
const READING = /^(?:speed|pressure)$/;

/**
 * How the times of two claims relate. Explicit time expressions must overlap; two times that only come from
 * the documents' dates are "the same" when the dates are equal, or whatever the dates when the measure is static.
 */
export function timeRelation(a: ClaimContext, b: ClaimContext, ka: ClaimKey, kb: ClaimKey): TimeRelation {
  return timeBetween(new ClaimFacts(a, ka), new ClaimFacts(b, kb));
}

function timeBetween(a: ClaimFacts, b: ClaimFacts): TimeRelation {
  if (!a.dated || !b.dated) return 'unknown';
  // (but two readings each of its own moment are of their own days: Thursday's 6 p.m. advisory and Friday's "now")
  if (a.soft && b.soft && a.static && b.static && !(a.moment && b.moment)) return 'same';
  // both anchored to the same moment: "before landfall", "at the height of the storm"
  const anchorA = a.anchor;
  if (anchorA && anchorA === b.anchor) return 'same';
  // both read at the peak of what they count: the peak is one moment, whichever day reports it
  if (atPeak(a) && atPeak(b)) return 'same';
  if (a.endDay < b.startDay) return 'earlier';
  if (b.endDay < a.startDay) return 'later';
  return 'same';
}

/** Two static measures (not counts) of one thing named by the head of its holder ("the park's 31,000 hectares"). */
function sameThing(a: ClaimFacts, b: ClaimFacts): boolean {
  return a.static && b.static && a.key.family !== 'count' && !!a.key.holder && a.holderHead === b.holderHead;
}

/** "up from 17 on Tuesday": an earlier value with its own date states the figure of that date. */
function datedHistory(x: ClaimFacts, y: ClaimFacts): boolean {
  return x.role === 'history' && !y.role && !!x.time?.start && x.time.text !== 'document date' && x.time.start === y.time?.start && x.time.end === y.time?.end;
}

/**
 * A count of people that names no event but the party that told it ("in Kelmor, the police counted 14,100 and the
 * union 24,000", "the police said 6,100 people and the organisers 15,000") is that party's count of the people of
 * the event the other figure names ("11,400 marched"): rival estimates are told by who counted, not by what they
 * counted — when its sentence tells nothing but the counting. (Not a count said by no one, "61,000 people work for the
 * railway", nor one whose sentence tells what the people did or were: "the 267 people on that ship", "a group of
 * about 150 people threw bottles".)
 */
function rivalCountOfEvent(x: Pick<ClaimFacts, 'attributionKey'>, kx: ClaimKey, ky: ClaimKey): boolean {
  return kx.people && !kx.event && !!ky.event && ky.people && !!x.attributionKey && kx.countedOnly();
}

/**
 * x is the total row of a table ("Total | 41,300" under a "Police count" column) and y a figure with no role, both
 * counting one named event ("the union said 96,000 marched"): the total is that event's count, told by another source
 * or at another time — unless y is told for a place of its own, a part of the total ("23 of the arrests were in
 * Brannick"). (Other wholes — "12 of the 26 dead", "the 14-storey block", the customers a utility serves — keep their
 * role.)
 */
function wholeOfOneEvent(x: ClaimFacts, y: ClaimFacts): boolean {
  if (x.role !== 'whole' || y.role || x.key.family !== 'count' || !x.key.event || x.key.event !== y.key.event) return false;
  const cell = x.claim.cell;
  if (!cell || cell.totalRow !== cell.row) return false;
  return !y.scopeKey || y.scopeKey === 'national' || y.scopeKey === x.scopeKey;
}

/** From the first of a month to the last day of a month (two months or more): "July to September", "January-September". */
function wholeMonths(start: string, end: string): boolean {
  if (!start.endsWith('-01') || start.length !== 10 || end.length !== 10) return false;
  const d = new Date(`${end}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1 && end.slice(0, 7) !== start.slice(0, 7);
}

/** A reporting period (a quarter, a half, a full year) and another period of other extent. */
function differentPeriods(a: ClaimFacts, b: ClaimFacts): boolean {
  const ta = a.time;
  const tb = b.time;
  if (!ta?.start || !tb?.start || !ta.end || !tb.end) return false;
  if (!a.period && !b.period) return false;
  if (ta.start === tb.start && ta.end === tb.end) return false;
  return (a.period || a.endDay - a.startDay > 31) && (b.period || b.endDay - b.startDay > 31);
}

const NOT_COMPARABLE = new Map<string, Relation>();
/** One shared, frozen relation per reason two claims are not comparable (relate() runs for every pair of a block). */
function notComparable(why: string): Relation {
  let r = NOT_COMPARABLE.get(why);
  if (!r) NOT_COMPARABLE.set(why, (r = Object.freeze({ comparable: false, near: false, why, time: 'unknown', scope: 'same', crossDocument: false }) as Relation));
  return r;
}

/**
 * False when relate(a, b, ka, kb) is "not comparable" whatever b is: what claim a rules out on its own (the tests
 * of relate() below that depend on a only). `review --against-index` skips the look-up of such a claim.
 */
export function canRelate(a: ClaimContext, ka: ClaimKey): boolean {
  const ha = subjectWords(namedHolder(a, ka));
  if (SUBJECT_FAMILIES.test(ka.family)) {
    // no holder and no named thing: relate() needs one or the other on a's side
    if (!ha.size && ka.noun === null) return false;
  } else if (ka.noun === null) {
    // nothing named: only a shared holder, or the same physical thing (static, a's own holder), makes one fact
    if (!ha.size && !(isStatic(ka) && ka.family !== 'count' && !!ka.holder)) return false;
  }
  if (a.role === 'subset') return false;
  if (ka.family === 'count' && (ka.people || !ka.noun) && !ka.event && !(ka.people && a.attributionKey && ka.countedOnly())) return false;
  return true;
}

export function relate(a: ClaimContext, b: ClaimContext, ka: ClaimKey, kb: ClaimKey): Relation {
  return relateFacts(new ClaimFacts(a, ka), new ClaimFacts(b, kb));
}

/** The hours of the parts of the day, minutes after midnight ("evening": 17:00–22:00). */
const DAY_PARTS: Record<string, [number, number]> = { morning: [300, 720], afternoon: [720, 1080], evening: [1020, 1320], night: [1200, 1440] };

/** Is a clock ("@19:00") within the part of the day a moment names ("sunday evening")? One count told two ways: "by
 * Sunday evening 17 had died" and "at the 7 p.m. briefing on Sunday, 19" (a price read at 11:40 and "in morning trade"
 * may still be two readings: only counts are matched so). */
function clockInPart(clock: string, moment: string): boolean {
  const c = /^@(\d\d):(\d\d)$/.exec(clock);
  const part = /\b(morning|afternoon|evening|night)$/.exec(moment);
  if (!c || !part) return false;
  const m = Number(c[1]) * 60 + Number(c[2]);
  const [lo, hi] = DAY_PARTS[part[1]!]!;
  return m >= lo && m <= hi;
}

const PLACE_READING = /^(?:speed|pressure|temperature|length)$/;
/** One claim names its place (scope), the other is held by a capitalised name that is not that place. */
function placeApart(a: ClaimFacts, b: ClaimFacts): boolean {
  const [s, h] = a.claim.scopeKey && !b.claim.scopeKey ? [a, b] : b.claim.scopeKey && !a.claim.scopeKey ? [b, a] : [null, null];
  if (!s || !h || !h.claim.holder || !/^[A-Z]/.test(h.claim.holder)) return false;
  const place = plain(h.claim.holder.toLowerCase());
  return !s.claim.scopeKey!.includes(place) && !place.includes(s.claim.scopeKey!);
}

/**
 * x is a table row named for a place ("Varnholm | 68,000") and y, of no holder, is told for that place alone ("68,000
 * in Varnholm", not "in Brekka, Hallmo and Osterfjord").
 */
function rowOfPlace(x: ClaimFacts, y: ClaimFacts): boolean {
  if (!x.claim.cell || !x.holderWords.size || y.holderWords.size || !y.scopeKey || x.holderSignature !== signatureOf(subjectWords(y.scopeKey))) return false;
  const s = y.claim.sentence;
  const at = y.claim.scope ? s.indexOf(y.claim.scope) : -1;
  return at < 0 || !PLACE_LIST_AFTER.test(s.slice(at + y.claim.scope!.length, at + y.claim.scope!.length + 40));
}
const PLACE_LIST_AFTER = /^\s*(?:,|and|or)\s+(?:the\s+)?[A-Z]/;

/**
 * Can two changes be of one fact, by the amounts they are told with? "Net profit of €688m, up 10.7%" and "net profit
 * rose 7.3% to 688 million": yes, the amounts agree; "revenue rose 11.4% to €4.82bn" and "automotive revenue grew 15.2%
 * to €2.06bn": no. A change that only took its amount's measure ("sales of €3.91bn, up 3.2%", a division's) is no
 * report of a change told with no amount ("on an organic basis, sales grew 4.8%").
 */
function changesOfOneAmount(x: ClaimContext['changeOfAmount'], y: ClaimContext['changeOfAmount']): boolean {
  if (x && y) return x.unit === y.unit && x.lo <= y.hi && y.lo <= x.hi;
  return !(x && !x.own) && !(y && !y.own);
}

/** relate() of two claims' facts (the engine keeps one ClaimFacts per claim for all its pairs). */
export function relateFacts(a: ClaimFacts, b: ClaimFacts): Relation {
  const ka = a.key;
  const kb = b.key;
  if (ka.family !== kb.family) return notComparable('different units');
  if (!changesOfOneAmount(a.claim.changeOfAmount, b.claim.changeOfAmount)) return notComparable('changes of different amounts');
  // ("186 mm in the 48 hours to Sunday" and "more than 8 inches in four days": rain over two spans)
  if (a.claim.window && b.claim.window && a.claim.window !== b.claim.window) return notComparable('amounts over different spans');
  // ("from a restated KDC 4.87 billion" and "as originally reported, … KDC 4.96 billion": one year on two bases)
  if (a.claim.basis && b.claim.basis && a.claim.basis !== b.claim.basis) return notComparable('a restated figure and the one first reported');
  // for counts only a named holder ("Green Future won 9 seats") tells figures apart; shares and money go by any subject
  const ha = a.holderWords;
  const hb = b.holderWords;
  const sameHolder = ha.size > 0 && hb.size > 0 && (a.holderSignature === b.holderSignature || ownRow(a, b) || ownRow(b, a) || samePerson(a, b));
  if (ha.size && hb.size && !sameHolder) return notComparable('held by different parties');
  // a reading at a named station and a table row named for another place: "a gust of 163 km/h at Vik Point" and
  // "Karsby | highest gust | 118"
  if (PLACE_READING.test(ka.family) && placeApart(a, b)) return notComparable('readings of different places');
  // a row of a breakdown is a part: only the same row elsewhere is its fact (or the figure told for the row's place)
  const placeRow = rowOfPlace(a, b) || rowOfPlace(b, a);
  if (!placeRow && ((a.breakdown && !hb.size) || (b.breakdown && !ha.size))) return notComparable('a row of a breakdown and a figure of no row');
  if (a.subjectFamily) {
    // a share or a sum of money is the same fact when held by the same party (and of the same thing, if named),
    // or, with no holder on either side, of the same named thing; with a holder on one side only, the other's
    // named thing must be what the holder names ("net profit was €621m" and "Net profit rose 14% to €612m")
    const nounsOk = ka.noun === null || kb.noun === null || ka.noun === kb.noun;
    let ok: boolean;
    if (ha.size && hb.size) ok = sameHolder && nounsOk;
    else if (!ha.size && !hb.size) ok = ka.noun !== null && ka.noun === kb.noun && (ka.event === kb.event || !ka.event || !kb.event);
    else {
      // "net profit was €621m" (holder) and "a net profit of €612m" (named), not "operating profit"
      const [hs, other] = ha.size ? [ha, kb] : [hb, ka];
      // every word of a named thing of several ("net profit") in the holder
      const nounWords = other.noun === null ? [] : other.noun.split(' ').map((w) => w.replace(/s$/, ''));
      ok = nounWords.length > 0 && nounWords.every((w) => hs.has(w));
      if (ok && other.mods.length) {
        const rest = [...hs].filter((w) => !nounWords.includes(w));
        ok = rest.length === 0 || other.mods.some((m) => rest.includes(m));
      }
    }
    if (!ok) return notComparable('different things measured');
  } else {
    if (ka.noun !== kb.noun) return notComparable('different things counted');
    // with nothing named (a duration, an age, a distance), only the same holder makes two figures one fact
    // (a physical measure of a thing named by its head: "the Sierra Calva natural park, which covers …" and "the
    // park's 31,000 hectares")
    // (a price per unit names what it prices: "122 million euros per kilometre" and "€140 million per kilometre")
    // (not a sum per period: "310 million euros a year" and "830 million euros a year" may be any two costs)
    const price = /^[A-Z]{3}\//.test(ka.family) && !/\/(?:year|month|week|day|hour|minute|quarter|annum)s?$/.test(ka.family);
    if (ka.noun === null && !(ha.size && hb.size && overlaps(ha, hb)) && !sameThing(a, b) && !price) return notComparable('nothing named to compare');
  }
  if (a.static && b.static && ka.family !== 'count' && ka.family !== 'magnitude') {
    // physical measures of one thing at different moments ("peaked at sea with 195 km/h", "made landfall with
    // 185 km/h"): the clauses must share a predicate when both have one
    // (a named duration is its own thing: "open 14 months late" and "slipped …, a 16-month delay" are one delay)
    const namedDuration = ka.family === 'duration' && !!ka.noun && ka.noun === kb.noun;
    const pa = ka.preds();
    const pb = kb.preds();
    if (pa.size && pb.size && !overlaps(pa, pb) && !namedDuration) return notComparable('different moments or events');
  }
  if (a.role === 'subset' || b.role === 'subset') return notComparable('a subset named by reference');
  // (most pairs are told apart above, by what they measure: the rest of the relation is worked out from here)
  const crossDocument = a.document !== b.document;
  if ((a.role ?? 'value') !== (b.role ?? 'value') && !datedHistory(a, b) && !datedHistory(b, a) && !wholeOfOneEvent(a, b) && !wholeOfOneEvent(b, a)) return notComparable('figures of different roles (a benchmark, a whole, a forecast, an actual figure)');
  // a target is its setter's own ("a price target of 44 florins", said one analyst; another's is 31): only one
  // party's targets are one fact
  if (ka.noun === 'target' && kb.noun === 'target' && (a.attributionKey ?? '') !== (b.attributionKey ?? '')) return notComparable('targets set by different parties');
  // two columns of one table ("Growth | Adj. EBIT margin") hold different measures
  const ca0 = a.claim.cell;
  const cb0 = b.claim.cell;
  if (!crossDocument && ca0 && cb0 && ca0.table === cb0.table && ca0.col !== cb0.col) return notComparable('different columns of one table');
  if (!crossDocument && a.sentenceStart === b.sentenceStart && !(a.attributionKey && b.attributionKey && a.attributionKey !== b.attributionKey)) {
    return notComparable('same sentence (a change or comparison stated together)');
  }
  if (ka.event && kb.event && ka.event !== kb.event && ka.family !== 'magnitude') return notComparable('different events');
  // "rose 7.3% by mid-morning" and "up 6.9% at 11.40am": two readings of a moving price
  // "161 km/h at landfall" and "about 110 km/h by the afternoon": readings of what varies (winds, temperatures,
  // prices, passing states) at different moments; a budget voted "on Wednesday evening" is one budget
  const varying = a.snapshot || b.snapshot || /^(?:speed|temperature|pressure|percent)$/.test(ka.family);
  // ("at 1.40am" and "at landfall" in a report that says it made landfall at 01:40 are one moment)
  const clockOf = (x: string) => /@\d\d:\d\d/.exec(x)?.[0] ?? x;
  // ("divers recovered four bodies during the afternoon" and "the toll rose to 17": a count over a part of the day
  // counts what happened in it, not the total so far)
  const spanCount = (x: ClaimFacts) => ka.family === 'count' && /^during\b/.test(x.intraday ?? '');
  if (spanCount(a) !== spanCount(b)) return notComparable('a count over a part of the day and a total');
  if (a.intraday && b.intraday && clockOf(a.intraday) !== clockOf(b.intraday) && !(ka.family === 'count' && (clockInPart(clockOf(a.intraday), b.intraday) || clockInPart(clockOf(b.intraday), a.intraday))) && varying) return notComparable('two readings at different moments');
  // a physical reading at a named moment ("at landfall") and one published on another day without one
  // (a moment of the event, not a clock time: "a gust of 241 km/h at 2.40am" is the gust another report tells of)
  const eventMoment = (x: ClaimFacts) => !!x.intraday && /landfall|peak|height|outset/.test(x.intraday);
  if (crossDocument && varying && !a.snapshot && !b.snapshot && !a.intraday !== !b.intraday && (eventMoment(a) || eventMoment(b)) && a.time?.text === 'document date' && b.time?.text === 'document date' && a.time.start !== b.time.start) return notComparable('a reading at a named moment and one of another day');
  // (but a passing state at its peak is the peak, whichever day reports it: "184,300 customers had lost power at the
  // peak" on Tuesday, "at its peak the outage left 184,000 customers without electricity" on Friday)
  if (crossDocument && a.snapshot && b.snapshot && a.time?.start !== b.time?.start && !(atPeak(a) && atPeak(b))) return notComparable('two passing states reported at different times');
  if (ka.family === 'count' && (ka.people || !ka.noun) && (!ka.event || ka.event !== kb.event) && !rivalCountOfEvent(a, ka, kb) && !rivalCountOfEvent(b, kb, ka)) return notComparable('people counted for different or unknown events');
  if (ka.mods.length && kb.mods.length && !ka.mods.some((m) => kb.mods.includes(m))) return notComparable('different kinds of the counted thing');
  // ("the four largest cities" and "the three cities" it names: a ranked few and a set of its own)
  if (ka.family === 'count' && !!ka.ranked !== !!kb.ranked) return notComparable('a ranked few and a count of all');
  // "48,210 personal votes won" and "36,600 ballots": a kind and an event on one side only — too little in common
  if (ka.family === 'count' && !ka.mods.length !== !kb.mods.length && !ka.event !== !kb.event && (ka.mods.length ? ka.event : kb.event)) return notComparable('a kind and an event named on one side only');
  if ((ka.elapsed || kb.elapsed) && crossDocument) {
    // "15 months ago" depends on when each article was written: comparable only for articles of one date
    if (!(a.time?.start && b.time?.start && a.time.start === b.time.start)) return notComparable('elapsed time counted from different dates');
  }
  // "In the first half, net income was €1,771 million" and the second quarter's €938m, or revenue "in 2024":
  // two periods, two facts (a period and a moment in it, "net cash at 30 June", can be one)
  if (differentPeriods(a, b)) return notComparable('different reporting periods');
  let time = timeBetween(a, b);
  // two entries of live reports of one date: their stamps order them ("11:50 — 12 detained", "16:45 — 38 arrested")
  // ("21 this morning", "24 tonight"; "Tue 14 Apr, 11:00" in a briefing table)
  // (an earlier value is of the hour its words name, not of the entry that quotes it: "11 dead, up from seven this
  // morning" in a 17:05 entry)
  const hour = (x: ClaimFacts) => (x.role === 'history' && x.dayClock != null ? x.dayClock : x.clock) ?? x.dayClock;
  const ca = hour(a);
  const cb = hour(b);
  // (a part of the day is rough: "on Saturday morning" and a 09:15 entry may be one reading)
  if (time === 'same' && ca != null && cb != null && Math.abs(ca - cb) >= (a.clockRough || b.clockRough ? 180 : 1) && a.time?.start === b.time?.start) time = ca < cb ? 'earlier' : 'later';
  let near = false;
  if ((time === 'earlier' || time === 'later') && a.time?.start && b.time?.start && (a.time.text === 'document date' || b.time.text === 'document date') && !a.snapshot && !b.snapshot) {
    const gap = Math.abs(a.startDay - b.startDay);
    // results of a period (a quarter's profit) are reported weeks after the period they name
    const [hard, soft] = a.soft ? [b, a] : [a, b];
    const periodReport = a.subjectFamily && !hard.soft && hard.endDay <= soft.startDay && soft.startDay - hard.endDay <= 100;
    // (two readings, each of its own moment, are never the same one: "in its 6 p.m. advisory" and "Fri 00:00")
    near = (gap <= 3 && !(a.moment && b.moment)) || periodReport;
    // (a reading of what varies dated to another day than the other report's: "951 millibars at 2:15 a.m. Saturday"
    // and Friday's "a central pressure of 948 hPa" are two readings)
    if (varying && a.time.text !== b.time.text && (a.time.text !== 'document date' || b.time.text !== 'document date') && a.time.start !== b.time.start) near = false;
  }
  const scope: Relation['scope'] = a.scopeKey === b.scopeKey ? 'same' : a.scopeKey && b.scopeKey ? 'different' : 'one';
  return { crossDocument, scope, time, near, comparable: true, why: '' };
}
