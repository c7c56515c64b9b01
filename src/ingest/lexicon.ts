/**
 * The boilerplate lexicon (rules/lexicon/boilerplate.yaml), compiled for use. The file is validated against
 * rules/schema/lexicon-boilerplate.schema.json by the test suite (and by `loadBoilerplateValidated` for users'
 * own copies); at run time the built-in file is read once, synchronously, because ingestText is synchronous.
 */
import { loadTrusted, loadValidated } from '../lexicon/datafile.js';
import { rulesPath } from '../util/paths.js';

export type LineAction = 'drop' | 'next' | 'list' | 'tail';

/** The file as written. */
export interface BoilerplateData {
  lexicon: 'boilerplate';
  description?: string;
  lines: {
    maxLength?: number;
    tailFraction?: number;
    patterns: Array<{ id: string; pattern: string; flags?: string; action?: LineAction; count?: number; note?: string }>;
  };
  headerLine?: Array<{ pattern: string; flags?: string }>;
  dateline?: { prefixes?: string[]; primary?: string[]; maxOffset?: number; maxBlocks?: number };
  dedupe?: { minChars?: number; minWords?: number };
  html: {
    dropTags?: string[];
    chromeTags?: string[];
    roles?: string[];
    classMarkers?: string[];
    classExceptions?: string[];
    contentMarkers?: string[];
  };
}

export interface LinePattern {
  id: string;
  re: RegExp;
  action: LineAction;
  count: number;
}

export interface MarkerSet {
  exact: Set<string>;
  prefixes: string[];
}

export interface Boilerplate {
  maxLength: number;
  tailFraction: number;
  patterns: LinePattern[];
  /** Each pattern group with the same flags joined into one alternation, for a fast "no match" answer. */
  prefilters: RegExp[];
  headerLine: RegExp[];
  dateline: { prefixes: string[]; primary: Set<string>; maxOffset: number; maxBlocks: number };
  dedupe: { minChars: number; minWords: number };
  html: {
    dropTags: Set<string>;
    chromeTags: Set<string>;
    roles: Set<string>;
    markers: MarkerSet;
    exceptions: Set<string>;
    content: MarkerSet;
  };
}

function markerSet(list: string[] | undefined): MarkerSet {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const m of list ?? []) {
    const w = m.toLowerCase();
    if (w.endsWith('*')) prefixes.push(w.slice(0, -1));
    else exact.add(w);
  }
  return { exact, prefixes };
}

/** Turn the data into matchers. Throws on an invalid regular expression (naming its id). */
export function compileBoilerplate(data: BoilerplateData): Boilerplate {
  const patterns: LinePattern[] = [];
  const groups = new Map<string, string[]>();
  for (const p of data.lines.patterns) {
    let re: RegExp;
    try {
      re = new RegExp(p.pattern, p.flags ?? '');
    } catch (e) {
      throw new Error(`boilerplate lexicon: pattern "${p.id}" is not a valid regular expression: ${(e as Error).message}`);
    }
    patterns.push({ id: p.id, re, action: p.action ?? 'drop', count: p.count ?? 1 });
    // Patterns anchored at the start are combined under one leading ^ (so the engine tries position 0 only).
    const f = (isStartAnchored(p.pattern) ? '^' : '') + (p.flags ?? '');
    let g = groups.get(f);
    if (!g) groups.set(f, (g = []));
    g.push(`(?:${p.pattern})`);
  }
  const prefilters: RegExp[] = [];
  for (const [key, parts] of groups) {
    const anchored = key.startsWith('^');
    const flags = anchored ? key.slice(1) : key;
    try {
      prefilters.push(new RegExp(anchored ? `^(?:${parts.join('|')})` : parts.join('|'), flags));
    } catch {
      // a pattern that cannot be combined (e.g. it uses back-references): test the group one by one
      for (const part of parts) prefilters.push(new RegExp(part, flags));
    }
  }
  const dl = data.dateline ?? {};
  return {
    maxLength: data.lines.maxLength ?? 300,
    tailFraction: data.lines.tailFraction ?? 0.5,
    patterns,
    prefilters,
    headerLine: (data.headerLine ?? []).map((h) => new RegExp(h.pattern, h.flags ?? '')),
    dateline: {
      prefixes: (dl.prefixes ?? []).map((p) => p.toLowerCase()),
      primary: new Set((dl.primary ?? []).map((p) => p.toLowerCase())),
      maxOffset: dl.maxOffset ?? 1500,
      maxBlocks: dl.maxBlocks ?? 6,
    },
    dedupe: { minChars: data.dedupe?.minChars ?? 30, minWords: data.dedupe?.minWords ?? 5 },
    html: {
      dropTags: new Set(data.html.dropTags ?? []),
      chromeTags: new Set(data.html.chromeTags ?? []),
      roles: new Set((data.html.roles ?? []).map((r) => r.toLowerCase())),
      markers: markerSet(data.html.classMarkers),
      exceptions: new Set((data.html.classExceptions ?? []).map((w) => w.toLowerCase())),
      content: markerSet(data.html.contentMarkers),
    },
  };
}

/** True when the pattern starts with ^ and has no alternative outside parentheses. */
function isStartAnchored(p: string): boolean {
  if (!p.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

let builtIn: Boilerplate | null = null;

/** Absolute path of the built-in lexicon file. */
export function boilerplatePath(): string {
  return rulesPath('lexicon', 'boilerplate.yaml');
}

/** The built-in lexicon, read and compiled once. */
export function defaultBoilerplate(): Boilerplate {
  if (!builtIn) builtIn = compileBoilerplate(loadTrusted<BoilerplateData>(boilerplatePath()));
  return builtIn;
}

/** Read, validate (file:line:col errors) and compile a boilerplate lexicon file, e.g. a desk's own copy. */
export async function loadBoilerplate(file: string): Promise<Boilerplate> {
  return compileBoilerplate(await loadValidated<BoilerplateData>(file, 'lexicon-boilerplate'));
}

// ---------------------------------------------------------------------------------------------------------------

const WS_RUN = /[\s\u200b]+/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;

/** Anything normLine would change: whitespace other than single inner spaces, curly quotes. */
const NEEDS_NORM = /[^\S ]|\u200b| {2}|^ | $|[\u2018-\u201f\u2032\u2033\u00b4`\u00ab\u00bb]/;

/** The form line patterns are tried on: whitespace collapsed to single spaces, trimmed, straight quotes. */
export function normLine(s: string): string {
  if (!NEEDS_NORM.test(s)) return s;
  let t = s.replace(WS_RUN, ' ').trim();
  if (/[\u2018-\u201f\u2032\u2033\u00b4`\u00ab\u00bb]/.test(t)) t = t.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  return t;
}

/**
 * The first line pattern matching the (raw) text, or null. Long texts are never boilerplate lines. `cache` holds
 * answers for one document (scraped pages repeat the same lines many times); it is not kept across documents,
 * since its keys are slices that would keep whole sources alive.
 */
export function matchLine(bp: Boilerplate, text: string, cache?: Map<string, LinePattern | null>): LinePattern | null {
  if (text.length > bp.maxLength * 4) return null;
  // normalising only shrinks runs of whitespace: a long line without any is not a candidate
  if (text.length > bp.maxLength && !looseSpace(text)) return null;
  if (!cache) return matchLineUncached(bp, text);
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const r = matchLineUncached(bp, text);
  if (cache.size >= 20000) cache.clear();
  cache.set(text, r);
  return r;
}


/** A character that the regular-expression class \s matches. */
function isRegExpSpace(c: number): boolean {
  // (printable ASCII first: two comparisons for most characters)
  if (c > 32 && c < 0xa0) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Two whitespace characters in a row (the regular expression engine scans a long paragraph faster than a loop). */
const SPACE_PAIR = /\s\s/;

/** /\s\s|^\s|\s$/.test(s): the ends by hand, then one scan for a pair (a long paragraph is tested for every document). */
function looseSpace(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (isRegExpSpace(s.charCodeAt(0)) || isRegExpSpace(s.charCodeAt(n - 1))) return true;
  return SPACE_PAIR.test(s);
}

function matchLineUncached(bp: Boilerplate, text: string): LinePattern | null {
  const norm = normLine(text);
  if (norm.length === 0 || norm.length > bp.maxLength) return null;
  let hit = false;
  for (const f of bp.prefilters) {
    if (f.test(norm)) {
      hit = true;
      break;
    }
  }
  if (!hit) return null;
  for (const p of bp.patterns) if (p.re.test(norm)) return p;
  return null;
}

/** Words of a class or id attribute: split at non-alphanumerics and camelCase humps, lower-cased. */
export function classWords(value: string): string[] {
  if (!value) return [];
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function matchesMarker(words: string[], set: MarkerSet, exceptions?: Set<string>): boolean {
  for (const w of words) {
    if (exceptions?.has(w)) continue;
    if (set.exact.has(w)) return true;
    for (const p of set.prefixes) if (w.startsWith(p)) return true;
  }
  return false;
}
