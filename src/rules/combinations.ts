/**
 * Evaluating a compiled expression over bindings of its variables to claims. Kept apart from expr.ts so the
 * engine can run expression rules without loading the mathjs parser (only compiling an expression needs it).
 */
import type { CompiledExpression, ExprResult } from './expr.js';

/** At most this many bindings are ever evaluated for one rule and pool. */
export const EXPR_MAX_COMBINATIONS = 10_000;

export interface CombinationResult<T> {
  binding: ReadonlyMap<string, T>;
  result: ExprResult;
}

export interface CombinationRun<T> {
  results: CombinationResult<T>[];
  /** Bindings evaluated. */
  evaluated: number;
  /** All possible bindings (product of the candidate counts; may exceed what was evaluated). */
  total: number;
  /** True when max_combinations stopped the run before every binding was tried. */
  truncated: boolean;
}

/**
 * Evaluate an expression over every binding of its variables to candidate items (claims), in a stable order,
 * stopping after `maxCombinations` bindings. A binding never binds one item to two variables. A variable the
 * expression does not use is not enumerated. With a variable that has no candidates there is nothing to evaluate.
 */
export function evaluateCombinations<T>(
  compiled: CompiledExpression,
  candidates: ReadonlyMap<string, readonly T[]>,
  valueOf: (item: T) => number,
  maxCombinations: number,
): CombinationRun<T> {
  const names = compiled.uses;
  const lists = names.map((n) => candidates.get(n) ?? []);
  const total = lists.reduce((t, l) => t * l.length, 1);
  const results: CombinationResult<T>[] = [];
  const limit = Math.max(0, Math.min(maxCombinations, EXPR_MAX_COMBINATIONS));
  if (total === 0) return { results, evaluated: 0, total: 0, truncated: false };
  const idx = new Array<number>(names.length).fill(0);
  let visited = 0;
  let evaluated = 0;
  for (;;) {
    if (visited >= limit) break;
    visited++;
    const items = idx.map((i, k) => lists[k]![i]!);
    if (new Set(items).size === items.length) {
      const scope = new Map<string, number>();
      const binding = new Map<string, T>();
      names.forEach((n, k) => {
        binding.set(n, items[k]!);
        scope.set(n, valueOf(items[k]!));
      });
      results.push({ binding, result: compiled.evaluate(scope) });
      evaluated++;
    }
    // odometer
    let k = names.length - 1;
    while (k >= 0) {
      idx[k]!++;
      if (idx[k]! < lists[k]!.length) break;
      idx[k] = 0;
      k--;
    }
    if (k < 0) return { results, evaluated, total, truncated: false };
  }
  return { results, evaluated, total, truncated: visited < total };
}
