/**
 * Amounts in two currencies compared through a rate the batch states. Alignment blocks money by currency, so "aid of
 * 40m dravos" in one report and "about €5.2m" for the same aid in another are never compared. Where a document states
 * a rate between the two ("($1 = 6.90 dravos)", "at 7.50 dravos to the euro"), each amount in the one currency gets a
 * converted twin in the other, and a block of its own holds the twins with the amounts of the other currency: the
 * mismatch rule then relates them (same thing counted, holder, period, role) as it relates any two figures, and a
 * finding between a twin and an amount names the rate and where it is stated.
 */
import type { ClaimContext } from '../context/index.js';
import { indicesByFamily, type ClaimKey } from '../align/index.js';

/** A rate a document states: `per` units of `unit` make one unit of `major`, stated by the figure `at`. */
export interface StatedRate {
  unit: string;
  major: string;
  per: number;
  at: ClaimContext;
}

/** A converted twin: the amount it stands for, and the rate it was converted at. */
export interface Twin {
  of: ClaimContext;
  rate: StatedRate;
}

/** Blocks larger than this are cut by the month of their figures' time, then in slices (as align does). */
const MAX_BLOCK = 400;

/**
 * The converted twins of the amounts in a currency a stated rate converts, their keys, and one block per rate of the
 * twins with the figures of the other currency (indices into `claims` followed by the twins, in the order returned).
 * `tolerance` widens each twin's interval either way (rates differ between outlets and days); `rateFigures` are the
 * figures that state the rates, never converted themselves. Deterministic: rates and claims are taken in input order.
 */
export function convertedTwins(
  claims: ClaimContext[],
  keys: ClaimKey[],
  rates: StatedRate[],
  rateFigures: Set<ClaimContext>,
  tolerance: number,
  keyOf: (c: ClaimContext) => ClaimKey,
  convertsFrom: (c: ClaimContext) => ClaimContext | null,
): { twins: ClaimContext[]; twinKeys: ClaimKey[]; of: Map<ClaimContext, Twin>; blocks: number[][] } {
  const twins: ClaimContext[] = [];
  const twinKeys: ClaimKey[] = [];
  const of = new Map<ClaimContext, Twin>();
  const blocks: number[][] = [];
  const byFamily = indicesByFamily(keys);
  const done = new Set<string>();
  for (const rate of rates) {
    const pair = `${rate.unit}/${rate.major}`;
    if (done.has(pair) || !(rate.per > 0)) continue;
    done.add(pair);
    const from = (byFamily.get(rate.unit) ?? []).filter((i) => claims[i]!.dimension === 'currency' && !rateFigures.has(claims[i]!));
    // (an amount a document gives as the conversion of one in the first currency — "38.46 billion florins, roughly €5.1
    // billion" — stands for that amount, which is compared with the others in their own currency)
    const to = (byFamily.get(rate.major) ?? []).filter((i) => !rateFigures.has(claims[i]!) && convertsFrom(claims[i]!)?.unit !== rate.unit);
    if (!from.length || !to.length) continue;
    const start = claims.length + twins.length;
    for (const i of from) {
      const c = claims[i]!;
      const f = 1 / rate.per;
      const twin: ClaimContext = {
        ...c,
        unit: rate.major,
        value: c.value * f,
        low: c.low === null ? null : c.low * f,
        high: c.high === null ? null : c.high * f,
        precision: c.precision === null ? null : c.precision * f,
      };
      const k = keyOf(twin);
      // (a rate differs between outlets and days: the twin stands for anything within the tolerance of its value)
      const widen = (x: number, down: boolean) => (Number.isFinite(x) ? x * (down === x >= 0 ? 1 - tolerance : 1 + tolerance) : x);
      twinKeys.push({ ...k, lo: widen(k.lo, true), hi: widen(k.hi, false), wlo: widen(k.wlo, true), whi: widen(k.whi, false) });
      twins.push(twin);
      of.set(twin, { of: c, rate });
    }
    const idx = [...to, ...from.map((_, n) => start + n)];
    const all = (n: number) => (n < claims.length ? claims[n]! : twins[n - claims.length]!);
    if (idx.length <= MAX_BLOCK) {
      blocks.push(idx);
      continue;
    }
    const byMonth = new Map<string, number[]>();
    for (const n of idx) {
      const m = all(n).time?.start?.slice(0, 7) ?? '-';
      const l = byMonth.get(m);
      if (l) l.push(n);
      else byMonth.set(m, [n]);
    }
    for (const m of [...byMonth.keys()].sort()) {
      const l = byMonth.get(m)!;
      for (let k = 0; k < l.length; k += MAX_BLOCK) {
        const b = l.slice(k, k + MAX_BLOCK);
        // (a slice of twins only, or of amounts only, has nothing to compare here)
        if (b.some((n) => n < start) && b.some((n) => n >= start)) blocks.push(b);
      }
    }
  }
  return { twins, twinKeys, of, blocks };
}
