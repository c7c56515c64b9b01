/**
 * Orderings that do not depend on the machine's locale (String.prototype.localeCompare follows ICU's default
 * locale and costs ~10 ms to initialise the collator on first use): plain UTF-16 code-unit order.
 */
import { sep } from 'node:path';

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paths in code-unit order with the platform separator read as "/", so the order is the same on every OS. */
export function comparePaths(a: string, b: string): number {
  return compareCodeUnits(a.split(sep).join('/'), b.split(sep).join('/'));
}
