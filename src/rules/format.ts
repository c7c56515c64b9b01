/** Plain-words formatting for finding messages: numbers, dates, and one claim's source. */
import { basename } from 'node:path';
import type { ClaimContext } from '../context/index.js';
import { memoize } from '../util/memo.js';

/** 1234567.891 → "1,234,567.9"; deterministic (no locale). */
export function fmtNumber(x: number, maxDecimals = 1): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const neg = x < 0;
  const f = Math.pow(10, maxDecimals);
  const r = Math.round(Math.abs(x) * f) / f;
  const [i, d] = r.toFixed(maxDecimals).split('.');
  const int = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const dec = d ? d.replace(/0+$/, '') : '';
  return (neg ? '-' : '') + int + (dec ? `.${dec}` : '');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-10-14" → "14 Oct 2022" */
export function fmtDate(iso: string | null | undefined): string | null {
  return iso ? wordDate(iso) : null;
}
// (once per date: the engine words a date for every update it lists)
const wordDate = memoize((iso) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}, 10000);

/** The granularity of a written precision in words: 10000 → "the nearest 10,000". */
export function fmtPrecision(p: number): string {
  return p >= 1 ? `the nearest ${fmtNumber(p, 0)}` : `${fmtNumber(p, 6)}`;
}

export function shortDoc(id: string): string {
  const b = basename(id.split('#')[0]!);
  return id.includes('#') ? `${b}#${id.split('#').slice(1).join('#')}` : b;
}

/** "222,000 (000_5dfba178dfe30224.txt:5, Putin, 14 Oct 2022)" */
export function describeClaim(c: ClaimContext, docDate: string | null): string {
  const bits = [`${shortDoc(c.document)}:${c.line}`];
  if (c.attribution) bits.push(shortAttribution(c.attribution));
  const when = c.time && c.time.text !== 'document date' && c.time.start ? fmtDate(c.time.start) : fmtDate(docDate);
  if (when) bits.push(when);
  return `${c.text} (${bits.join(', ')})`;
}

/** "Russian President Vladimir Putin" → "Vladimir Putin"; long organisation names are kept to 6 words. */
export function shortAttribution(a: string): string {
  const words = a.split(/\s+/);
  if (words.length <= 3) return a;
  return words.slice(0, 6).join(' ') + (words.length > 6 ? '…' : '');
}

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', CNY: 'CN¥' };

/** 630360000, "USD" → "$630.4 million" */
export function fmtMoney(x: number, code: string, digits?: number): string {
  const sym = SYMBOLS[code];
  const abs = Math.abs(x);
  const [v, scale] = abs >= 1e12 ? [x / 1e12, ' trillion'] : abs >= 1e9 ? [x / 1e9, ' billion'] : abs >= 1e6 ? [x / 1e6, ' million'] : [x, ''];
  const num = fmtNumber(v, digits ?? (scale ? 1 : 2));
  return sym ? `${sym}${num}${scale}` : `${num}${scale} ${code}`;
}
