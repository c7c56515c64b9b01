/**
 * Input paths before they are read: `ignore` patterns (config file, --ignore-pattern) and a count of the
 * documents a batch holds (for the progress bar).
 *
 * Ignore semantics (gitignore-like, matched with picomatch — tinyglobby's matcher):
 *  - patterns are relative to the folder of the config file that gives them (--ignore-pattern: to the
 *    working directory);
 *  - a pattern without "/" matches a file or folder name at any depth (`drafts` = `**\/drafts`);
 *    a pattern ending in "/" matches a folder and everything under it; `*` does not cross "/", `**` does;
 *  - a file is skipped when the pattern matches its path or the path of any folder above it;
 *  - patterns apply to what folders and globs expand to; a file named explicitly on the command line is always
 *    read (so `numcheck review draft.md` never silently skips the draft);
 *  - negation ("!x") is not supported (rejected by the config reader).
 * Without any pattern, the paths are handed to ingest unchanged.
 */
import { createReadStream, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ARTICLE_EXTENSIONS } from '../ingest/document.js';
import { comparePaths } from '../util/compare.js';

export interface IgnoreSet {
  /** Folder the patterns are relative to. */
  base: string;
  patterns: string[];
  /** Where they come from, for messages: ".numcheckrc.yaml" or "--ignore-pattern". */
  origin: string;
}

/** A function telling whether an absolute file path is ignored (the pattern that matched, or null). */
export type IgnoreTest = (abs: string) => string | null;

export function ignoreTest(sets: IgnoreSet[]): IgnoreTest | null {
  const compiled = sets
    .filter((s) => s.patterns.length)
    .map((s) => ({
      base: s.base,
      matchers: s.patterns.map((p) => ({ pattern: p, match: picomatch(normalizePattern(p), { dot: true }) })),
    }));
  if (!compiled.length) return null;
  return (abs: string) => {
    for (const set of compiled) {
      const rel = relative(set.base, abs).split(sep).join('/');
      if (!rel || isAbsolute(rel)) continue;
      // the file and every folder above it (relative to the base)
      const parts = rel.split('/');
      const candidates: string[] = [];
      for (let i = 1; i <= parts.length; i++) candidates.push(parts.slice(0, i).join('/'));
      for (const m of set.matchers) if (candidates.some((c) => m.match(c))) return m.pattern;
    }
    return null;
  };
}

function normalizePattern(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  if (s.startsWith('./')) s = s.slice(2);
  const dirOnly = s.endsWith('/');
  if (dirOnly) {
    let e = s.length; // trailing slashes off (a loop: /\/+$/ costs n² on a long run of slashes)
    while (e > 0 && s.charCodeAt(e - 1) === 47) e--;
    s = s.slice(0, e);
  }
  if (s.startsWith('/')) s = s.slice(1);
  else if (!s.includes('/')) s = `**/${s}`;
  return dirOnly ? `${s}/**` : s;
}

function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((e) => lower.endsWith(e));
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split(sep).join('/');
}

export interface ExpandedInputs {
  /** What to hand to the reader: the paths as given when nothing is ignored, else folders and globs expanded. */
  paths: string[];
  /** Every article file the inputs name (absolute), after ignoring; "-" for stdin. */
  files: string[];
  /** Inputs that were left out entirely because every file they expand to is ignored (for a note on stderr). */
  allIgnored: string[];
}

/**
 * Expand folders and globs the way ingest does (article extensions, dot-entries and node_modules skipped,
 * sorted by code units) and drop ignored files. Files named explicitly, "-", and inputs that do not exist or
 * match nothing are passed through as given, so the reader reports them as it always does.
 */
export async function expandInputs(given: string[], ignored: IgnoreTest | null, cwd = process.cwd()): Promise<ExpandedInputs> {
  const paths: string[] = [];
  const files: string[] = [];
  const allIgnored: string[] = [];
  for (const p of given) {
    if (p === '-') {
      paths.push(p);
      files.push('-');
      continue;
    }
    const abs = resolve(cwd, p);
    let isDir = false;
    let exists = true;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      exists = false;
    }
    let found: string[] | null = null;
    if (exists && !isDir) {
      paths.push(p);
      files.push(abs);
      continue;
    }
    if (isDir) {
      found = (await glob(['**/*'], { cwd: abs, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false }))
        .filter(isArticleFile)
        .sort(comparePaths);
    } else if (isDynamicPattern(p)) {
      try {
        found = (await glob(p, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false }))
          .filter(isArticleFile)
          .sort(comparePaths);
      } catch {
        found = null; // an invalid glob: the reader reports it
      }
    }
    if (!found || found.length === 0) {
      paths.push(p); // missing, or nothing to read: the reader says so
      continue;
    }
    const kept = ignored ? found.filter((f) => ignored(f) === null) : found;
    files.push(...kept);
    if (!ignored) {
      paths.push(p);
      continue;
    }
    if (!kept.length) {
      allIgnored.push(p);
      continue;
    }
    if (isDir) {
      // shown as ingest shows a folder's files: the folder as given + the path under it
      for (const f of kept) {
        const under = relative(abs, f).split(sep).join('/');
        paths.push(p.endsWith('/') || p.endsWith(sep) ? p + under : `${p}/${under}`);
      }
    } else paths.push(...kept.map((f) => displayPath(f, cwd)));
  }
  return { paths, files, allIgnored };
}

/**
 * How many documents the files hold: one per file, one per non-blank line of a JSONL file (counted by
 * scanning its bytes), one for stdin. Only used to size the progress bar, so only when one may be shown.
 */
export async function countDocuments(files: string[]): Promise<number> {
  let n = 0;
  for (const f of files) {
    const lower = f.toLowerCase();
    if (f !== '-' && (lower.endsWith('.jsonl') || lower.endsWith('.ndjson'))) n += await countLines(f);
    else n += 1;
  }
  return n;
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  let content = false;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const buf = chunk as Buffer;
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i]!;
        if (b === 10) {
          if (content) lines++;
          content = false;
        } else if (b !== 13 && b !== 32 && b !== 9) content = true;
      }
    }
  } catch {
    return 1;
  }
  if (content) lines++;
  return Math.max(1, lines);
}
