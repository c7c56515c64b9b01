/**
 * Shared by the robustness suites: run the built CLI as a child process with a time limit (what a user, a CI
 * step or the fuzzer runs), scratch folders, and "read the file on disk at a span the way a user would".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { defaultBoilerplate } from '../../src/ingest/index.js';
import type { DocFormat } from '../../src/types.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'numcheck.js');

/** A stack trace line, as Node prints them. */
export const STACK = /\n\s+at .+(\(|:\d+)/;

/** Build dist/ when it is missing (another engineer's `npm run build` may have wiped it). */
export function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'numcheck.mjs')) || !existsSync(join(ROOT, 'dist', 'worker.mjs'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child process, ms. */
  ms: number;
  timedOut: boolean;
}

function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'CI', 'GITHUB_ACTIONS', 'NUMCHECK_FORCE_POOL']) delete e[k];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete e[k];
    else e[k] = v;
  }
  return e;
}

/** Run `node bin/numcheck.js ...args` in `cwd`, killed after `timeoutMs` (default 30 s). */
export function cli(args: string[], opts: { cwd: string; input?: string | Buffer; timeoutMs?: number; env?: Record<string, string | undefined> }): CliRun {
  ensureBuilt();
  const once = (): CliRun => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      encoding: 'utf8',
      env: cleanEnv(opts.env ?? {}),
      input: opts.input ?? '',
      maxBuffer: 1 << 30,
      timeout: opts.timeoutMs ?? 30000,
      killSignal: 'SIGKILL',
    });
    const ms = performance.now() - t0;
    const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms, timedOut };
  };
  let r = once();
  if (r.code !== 0 && /Cannot find module|ERR_MODULE_NOT_FOUND/.test(r.stderr)) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    r = once();
  }
  return r;
}

/** A scratch folder (real path) holding `files` (text or bytes). */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'numcheck-robust-')));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

/** Whitespace as a reader sees it: any run of spaces (no-break, thin, zero-width included) is one space. */
export function squash(s: string): string {
  return s.replace(/[\s\u0085\u00a0\u2007\u2009\u200a\u200b\u202f\ufeff]+/g, ' ').trim();
}

/** Elements whose text a reader of the article never sees: what the boilerplate lexicon drops, and <title>. */
let noText: Set<string> | null = null; // lazily: importing this file must not compile the lexicon (regex.test.ts)
/** Elements that break the line (rendered as whitespace between their neighbours). */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'blockquote', 'pre', 'hr', 'article', 'section', 'main', 'figure', 'figcaption', 'dd', 'dt', 'dl']);

/** The text a reader sees for an HTML fragment: tags and hidden elements dropped, entities decoded, breaks as spaces. */
export function htmlText(raw: string): string {
  // parsed as a page body (not a <template> fragment): stray table tags are ignored, as a browser ignores them
  const doc = parse(raw);
  let out = '';
  const stack = [...doc.childNodes].reverse() as Array<{ nodeName: string; value?: string; childNodes?: unknown[] }>;
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out += n.value;
    else if (n.nodeName === '#break') out += ' ';
    else if ((noText ??= new Set(['title', ...defaultBoilerplate().html.dropTags])).has(n.nodeName)) continue;
    else {
      if (BREAKS.has(n.nodeName)) stack.push({ nodeName: '#break' });
      if (n.childNodes) stack.push(...([...n.childNodes].reverse() as typeof stack));
      if (BREAKS.has(n.nodeName)) out += ' ';
    }
  }
  return out;
}

/** Markdown as a reader sees it: emphasis and code markers, escapes and link syntax gone, entities decoded. */
export function markdownText(raw: string): string {
  const noSyntax = raw
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
    .replace(/\]\([^)\n]*\)/g, '')
    .replace(/\[\^[^\]\n]*\]/g, '')
    .replace(/<!--[^]*?-->/g, ' ') // ingest blanks comments (src/ingest/markdown.ts), so they part words
    .replace(/<!--[^\n]*/g, ' ') // (one left open runs to the end of its line)
    .replace(/\\([!-/:-@[-`{-~])/g, '\u0000$1')
    .replace(/~~|[*_`[\]]/g, '')
    .replace(/\u0000/g, '');
  return htmlText(noSyntax);
}

/**
 * The file on disk at a claim's span, read the way a user would: as is for plain text, with Markdown syntax
 * and entities resolved for Markdown, as rendered text for HTML, JSON-unescaped for a JSONL line (then read as
 * the line's own format). Whitespace squashed.
 */
export function readAsUser(raw: string, format: DocFormat, inner: DocFormat = 'text'): string {
  switch (format) {
    case 'text':
      return squash(raw);
    case 'markdown':
      return squash(markdownText(raw));
    case 'html':
      return squash(htmlText(raw));
    case 'jsonl': {
      let s = raw;
      try {
        s = JSON.parse(`"${raw}"`) as string;
      } catch {
        /* a span that cuts an escape: compare as is */
      }
      return readAsUser(s, inner);
    }
  }
}

/** Time a function, ms. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}
