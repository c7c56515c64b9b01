/**
 * JSONL: one article per line, `{id, text, date?, outlet?, url?, title?, format?}`.
 *
 * The `text` string is decoded here character by character (rather than trusting JSON.parse's value) so every
 * decoded char maps to its JSON-escaped span in the line: `\n` → 2 chars, `\u00e9` → 6, a surrogate pair written as
 * two escapes → one escape per UTF-16 unit.
 */
import { MapBuilder, RunMap } from './offsets.js';

/** Where the value of the top-level key `key` (a JSON string) is in `line`: [start, end) including the quotes. */
export function locateStringValue(line: string, key: string): { start: number; end: number } | null {
  let i = 0;
  const n = line.length;
  const ws = () => {
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else break;
    }
  };
  /** Skip a string starting at i (a quote); returns its end (after the closing quote). */
  const skipString = (): number => {
    let k = i + 1;
    for (;;) {
      const q = line.indexOf('"', k);
      if (q === -1) return n;
      // count backslashes before the quote
      let b = q - 1;
      while (b >= k && line.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) return q + 1;
      k = q + 1;
    }
  };
  ws();
  if (line[i] !== '{') return null;
  i++;
  let found: { start: number; end: number } | null = null;
  for (;;) {
    ws();
    if (i >= n || line[i] === '}') break;
    if (line[i] === ',') {
      i++;
      continue;
    }
    if (line[i] !== '"') return found;
    const ks = i;
    i = skipString();
    let name: string;
    try {
      name = JSON.parse(line.slice(ks, i)) as string;
    } catch {
      return found;
    }
    ws();
    if (line[i] !== ':') return found;
    i++;
    ws();
    const vs = i;
    // skip the value (strings, nested objects/arrays, literals) without recursion
    if (line[i] === '"') {
      i = skipString();
      if (name === key) found = { start: vs, end: i }; // the last duplicate wins, as in JSON.parse
      continue;
    }
    let depth = 0;
    while (i < n) {
      const c = line[i]!;
      if (c === '"') {
        i = skipString();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
      i++;
    }
    if (name === key) found = null; // not a string
  }
  return found;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decode the JSON string literal line[start, end) (with quotes) into its text, with a map from the text to offsets
 * `base + index in line`.
 */
export function decodeJsonString(line: string, start: number, end: number, base: number): { text: string; map: RunMap } {
  const b = new MapBuilder();
  let i = start + 1;
  const stop = end - 1;
  while (i < stop) {
    const bs = line.indexOf('\\', i);
    const runEnd = bs === -1 || bs >= stop ? stop : bs;
    if (runEnd > i) b.copy(line.slice(i, runEnd), base + i);
    if (runEnd >= stop) break;
    const e = line[runEnd + 1]!;
    if (e === 'u') {
      const hex = line.slice(runEnd + 2, runEnd + 6);
      const cp = /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : 0xfffd;
      b.decoded(String.fromCharCode(cp), base + runEnd, base + runEnd + 6);
      i = runEnd + 6;
    } else {
      b.decoded(SIMPLE_ESCAPES[e] ?? e, base + runEnd, base + runEnd + 2);
      i = runEnd + 2;
    }
  }
  return b.finish(base + start + 1);
}
