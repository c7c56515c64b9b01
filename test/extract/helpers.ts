/** Small helpers for the extractor tests: the figures of a text as plain objects, and the one figure of a text. */
import { extract } from '../../src/extract/index.js';
import type { Mention } from '../../src/types.js';

export interface Fig {
  text: string;
  value: number;
  low: number | null;
  high: number | null;
  unit: string;
  qualifier: Mention['qualifier'];
  dimension: string;
}

export function figs(text: string): Fig[] {
  return extract(text).map((m) => ({ text: m.text, value: m.value, low: m.low, high: m.high, unit: m.unit, qualifier: m.qualifier, dimension: m.dimension }));
}

/** The only figure of the text (fails when there are none or several). */
export function one(text: string): Fig {
  const all = figs(text);
  if (all.length !== 1) throw new Error(`expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(all.map((f) => f.text))}`);
  return all[0]!;
}

/** The texts of the figures of a text. */
export function texts(text: string): string[] {
  return extract(text).map((m) => m.text);
}
