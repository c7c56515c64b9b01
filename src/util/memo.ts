/**
 * fn with its answers kept by argument: for pure functions asked the same question over and over (a sentence, a
 * measure, a date). The cache is emptied whenever it holds `cap` answers, so its memory stays bounded in long runs.
 */
export function memoize<T>(fn: (key: string) => T, cap = 100000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let r = cache.get(key);
    if (r === undefined && !cache.has(key)) {
      r = fn(key);
      if (cache.size >= cap) cache.clear();
      cache.set(key, r);
    }
    return r as T;
  };
}
