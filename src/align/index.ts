/**
 * align: claims → blocks of candidate same-fact claims, and the relation between two claims of a block.
 * Blocking key = unit family + canonical counted thing, so the work grows with the number of claims, not its
 * square: only claims of one block are ever compared, and large blocks are split by event and time bucket.
 */
import type { ClaimContext } from '../context/index.js';
import type { Lexicon } from '../lexicon/index.js';
import { claimKey, type ClaimKey, type Synonyms } from './keys.js';

export { buildSynonyms, claimKey, type ClaimKey, type Synonyms } from './keys.js';

export interface Aligned {
  claims: ClaimContext[];
  keys: ClaimKey[];
  /** indices into claims; each block's claims share family and counted thing */
  blocks: number[][];
}

/** Blocks larger than this are split further by event and month, so pairwise work stays bounded. */
const MAX_BLOCK = 400;

export function align(claims: ClaimContext[], syn: Synonyms, lex: Lexicon): Aligned {
  const keys = claims.map((c) => claimKey(c, syn, lex));
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < claims.length; i++) {
    const k = keys[i]!;
    if (!k.noun && k.family === 'count') continue; // a bare count of nothing named cannot be aligned
    const bk = `${k.family}|${k.noun ?? '-'}`;
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
  return { claims, keys, blocks };
}

export type TimeRelation = 'same' | 'earlier' | 'later' | 'unknown';

export interface Relation {
  /** the two claims can report the same fact (events, modifiers, time all compatible, or a rising count over time) */
  comparable: boolean;
  why: string;
  /** time of a relative to b */
  time: TimeRelation;
  /** both unscoped or equal; different; only one has a scope */
  scope: 'same' | 'different' | 'one';
  crossDocument: boolean;
}

function day(s: string): number {
  return Date.parse(`${s}T00:00:00Z`) / 86400000;
}

/**
 * A static measure does not change from day to day (an area, a distance, a magnitude, a population); a dynamic
 * one does (people deployed, aircraft in service, a toll, a price, a share). Two reports dated differently
 * compare a static measure, never a dynamic one.
 */
export function isStatic(k: ClaimKey): boolean {
  return !k.event && !/^(?:count|rate:.*|percent|pp|[A-Z]{3}|USc|GBX)$/.test(k.family);
}

/**
 * How the times of two claims relate. Explicit time expressions must overlap; two times that only come from
 * the documents' dates are "the same" when the dates are equal, or whatever the dates when the measure is static.
 */
export function timeRelation(a: ClaimContext, b: ClaimContext, ka?: ClaimKey, kb?: ClaimKey): TimeRelation {
  const ta = a.time;
  const tb = b.time;
  if (!ta || !tb || !ta.start || !tb.start) return 'unknown';
  const softA = ta.text === 'document date';
  const softB = tb.text === 'document date';
  if (softA && softB && ka && kb && isStatic(ka) && isStatic(kb)) return 'same';
  const as = day(ta.start);
  const ae = day(ta.end ?? ta.start);
  const bs = day(tb.start);
  const be = day(tb.end ?? tb.start);
  if (ae < bs) return 'earlier';
  if (be < as) return 'later';
  return 'same';
}

export function relate(a: ClaimContext, b: ClaimContext, ka: ClaimKey, kb: ClaimKey): Relation {
  const crossDocument = a.document !== b.document;
  const scope: Relation['scope'] = a.scopeKey === b.scopeKey ? 'same' : a.scopeKey && b.scopeKey ? 'different' : 'one';
  const base = { crossDocument, scope, time: 'unknown' as TimeRelation };
  if (ka.family !== kb.family || ka.noun !== kb.noun) return { ...base, comparable: false, why: 'different things counted' };
  if (a.role === 'subset' || b.role === 'subset') return { ...base, comparable: false, why: 'a subset named by reference' };
  if ((a.role ?? 'value') !== (b.role ?? 'value')) return { ...base, comparable: false, why: 'figures of different roles (a benchmark, a whole, a forecast, an actual figure)' };
  if (a.holder && b.holder && a.holder.toLowerCase() !== b.holder.toLowerCase()) return { ...base, comparable: false, why: 'held by different parties' };
  if (!crossDocument && a.sentenceStart === b.sentenceStart) return { ...base, comparable: false, why: 'same sentence (a change or comparison stated together)' };
  if (ka.event && kb.event && ka.event !== kb.event) return { ...base, comparable: false, why: 'different events' };
  if ((ka.people || !ka.noun) && (!ka.event || ka.event !== kb.event)) return { ...base, comparable: false, why: 'people counted for different or unknown events' };
  if (ka.mods.length && kb.mods.length && !ka.mods.some((m) => kb.mods.includes(m))) return { ...base, comparable: false, why: 'different kinds of the counted thing' };
  if ((ka.elapsed || kb.elapsed) && crossDocument) {
    // "15 months ago" depends on when each article was written: comparable only for articles of one date
    if (!(a.time?.start && b.time?.start && a.time.start === b.time.start)) return { ...base, comparable: false, why: 'elapsed time counted from different dates' };
  }
  const time = timeRelation(a, b, ka, kb);
  return { ...base, time, comparable: true, why: '' };
}
