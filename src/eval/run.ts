/**
 * `npm run eval`: a TypeScript port of ../shared/eval/run_eval.py over one or more sets of clusters.
 *
 *   npm run eval -- [SET_DIR ...] [--errors N] [--min KEY=VALUE ...] [--max KEY=VALUE ...] [--json FILE]
 *   npm run eval -- --score CLUSTER_DIR REPORT_JSON      (score.py's command line: one report, metrics JSON)
 *
 * For every cluster (a folder of a set holding gold.json + docs/) it runs the checker as a child process,
 * `node bin/numcheck.js check <docs...> --format json` (or $NUMCHECK, split like a shell would, as run_eval.py
 * does), parses its stdout (exit codes 0 and 1 are both fine), scores it, and prints exactly what run_eval.py
 * prints: one line per cluster with its summary, the first N errors, and a micro-averaged line per set.
 * `--min` / `--max` make the exit code 1 when a micro figure misses its bound (or a checker crashed), for CI
 * gates; `SET:KEY=VALUE` scopes a bound to the set whose label is SET. What failed is said on stderr, so stdout
 * stays identical to run_eval.py's.
 *
 * Defaults: ../shared/eval/visible (relative to the repo root), test/fixtures/dev-eval and examples when they
 * exist and hold clusters. A set's label is its folder name ("visible"), as run_eval.py prints it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { PyError, compareCodePoints, dumps, loads, pyFloat, pyItem, pyListSlice, pySlice, pyStr, pyStrRepr, shlexSplit, type PyValue } from './py.js';
import {
  addTotals,
  forDumps,
  loadJson,
  pyBasename,
  pyJoin,
  score,
  scoreOutput,
  summary,
  type Metrics,
  type Totals,
} from './score.js';

export interface EvalIO {
  /** stdout / stderr writers (a whole line, newline included, per call). */
  out(s: string): void;
  err(s: string): void;
  /** Where relative SET_DIR arguments are resolved from (the user's working directory). */
  cwd: string;
  /** The repo root: default sets are found from it and the checker runs in it (unless $PROJECT says otherwise). */
  root: string;
  env: Record<string, string | undefined>;
}

const USAGE = `usage: npm run eval -- [SET_DIR ...] [--errors N] [--min KEY=VALUE ...] [--max KEY=VALUE ...] [--json FILE]
       npm run eval -- --score CLUSTER_DIR REPORT_JSON

  SET_DIR   a folder of clusters (each a folder with gold.json and docs/), or one cluster folder.
            Default: ../shared/eval/visible, test/fixtures/dev-eval and examples (those that exist).
  --errors N          print the first N errors of each cluster
  --min KEY=VALUE     exit 1 unless the micro figure KEY >= VALUE in every set (SET:KEY=VALUE: only that set)
  --max KEY=VALUE     exit 1 unless the micro figure KEY <= VALUE
  --json FILE         also write every metric, error and summary to FILE
  --score C R         score one report R (JSON) against cluster C and print score.py's output
  KEYS: extract_p extract_r extract_f1 value_acc unit_acc qualifier_acc measure_hit trap_hits disc_p disc_r
        disc_f1 consistent_flagged date_acc clusters crashed
  The checker is $NUMCHECK if set, else "node bin/numcheck.js" run in $PROJECT or the repo root.
`;

const SUMMARY_KEYS = [
  'extract_p', 'extract_r', 'extract_f1', 'value_acc', 'unit_acc', 'qualifier_acc', 'measure_hit', 'trap_hits',
  'disc_p', 'disc_r', 'disc_f1', 'consistent_flagged', 'date_acc', 'clusters', 'crashed',
];

interface Bound {
  set: string | null;
  key: string;
  value: number;
}

interface Options {
  sets: string[];
  show: number;
  mins: Bound[];
  maxs: Bound[];
  json: string | null;
  score: [string, string] | null;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = { sets: [], show: 0, mins: [], maxs: [], json: null, score: null };
  for (let i = 0; i < argv.length; ) {
    const a = argv[i]!;
    if (a === '--errors') {
      const n = argv[i + 1];
      if (n === undefined || !/^[+-]?\d+$/.test(n.trim())) throw new UsageError(`--errors needs a whole number, got ${n ?? 'nothing'}`);
      o.show = Number(n.trim());
      i += 2;
    } else if (a === '--min' || a === '--max') {
      const book = a === '--min' ? o.mins : o.maxs;
      i += 1;
      let n = 0;
      while (i < argv.length && argv[i]!.includes('=')) {
        const s = argv[i]!;
        const eq = s.indexOf('=');
        const k = s.slice(0, eq);
        let value: number;
        try {
          value = pyFloat(s.slice(eq + 1));
        } catch {
          throw new UsageError(`${a} ${s}: not a number`);
        }
        const colon = k.indexOf(':');
        book.push(colon < 0 ? { set: null, key: k, value } : { set: k.slice(0, colon), key: k.slice(colon + 1), value });
        i += 1;
        n += 1;
      }
      if (n === 0) throw new UsageError(`${a} needs KEY=VALUE`);
    } else if (a === '--json') {
      const f = argv[i + 1];
      if (f === undefined) throw new UsageError('--json needs a file name');
      o.json = f;
      i += 2;
    } else if (a === '--score') {
      const c = argv[i + 1];
      const r = argv[i + 2];
      if (c === undefined || r === undefined) throw new UsageError('--score needs CLUSTER_DIR and REPORT_JSON');
      o.score = [c, r];
      i += 3;
    } else if (a === '-h' || a === '--help') {
      throw new UsageError('');
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else {
      o.sets.push(a);
      i += 1;
    }
  }
  for (const b of [...o.mins, ...o.maxs]) {
    if (!SUMMARY_KEYS.includes(b.key)) throw new UsageError(`unknown figure "${b.key}" (known: ${SUMMARY_KEYS.join(', ')})`);
  }
  return o;
}

/** run_eval.py's `checker(cwd)`. */
function checkerCommand(cwd: string, env: EvalIO['env']): string[] {
  const e = env.NUMCHECK;
  if (e) return shlexSplit(e);
  for (const cand of ['bin/numcheck.js', 'bin/numcheck', 'dist/cli.js', 'dist/src/cli.js']) {
    try {
      if (statSync(pyJoin(cwd, cand)).isFile()) return ['node', cand];
    } catch {
      /* not there */
    }
  }
  return ['npx', '--no-install', 'numcheck'];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Where strict UTF-8 decoding fails, with CPython's wording ("can't decode byte 0xff in position 3: invalid start byte"). */
function utf8Problem(buf: Uint8Array): string {
  const n = buf.length;
  for (let i = 0; i < n; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return `'utf-8' codec can't decode byte 0x${b.toString(16).padStart(2, '0')} in position ${i}: invalid start byte`;
    let j = i + 1;
    for (let k = 0; k < need; k++, j++) {
      const first = k === 0;
      if (j >= n) return i === n - 1 ? `'utf-8' codec can't decode byte 0x${b.toString(16).padStart(2, '0')} in position ${i}: unexpected end of data` : `'utf-8' codec can't decode bytes in position ${i}-${n - 1}: unexpected end of data`;
      const c = buf[j]!;
      if (c < (first ? lo : 0x80) || c > (first ? hi : 0xbf)) {
        return j - i === 1 ? `'utf-8' codec can't decode byte 0x${b.toString(16).padStart(2, '0')} in position ${i}: invalid continuation byte` : `'utf-8' codec can't decode bytes in position ${i}-${j - 1}: invalid continuation byte`;
      }
    }
    i = j;
  }
  return "'utf-8' codec can't decode the output";
}

/** Python's text-mode decoding of a child's output: strict UTF-8, universal newlines. */
function decodeOutput(buf: Buffer | null | undefined): string {
  if (!buf) return '';
  let s: string;
  try {
    s = strictUtf8.decode(buf);
  } catch {
    throw new PyError('UnicodeDecodeError', utf8Problem(buf));
  }
  return s.replace(/\r\n?/g, '\n');
}

/** The clusters of a set: sorted sub-folders holding gold.json (glob "*": dot folders excluded), or the folder itself. */
export function listClusters(setDir: string): string[] {
  if (existsSync(pyJoin(setDir, 'gold.json'))) return [setDir];
  let names: string[];
  try {
    names = readdirSync(setDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.'))
    .map((n) => pyJoin(setDir, n))
    .filter((p) => {
      try {
        return statSync(pyJoin(p, 'gold.json')).isFile();
      } catch {
        return false;
      }
    })
    .sort(compareCodePoints);
}

export interface ClusterResult {
  cluster: string;
  dir: string;
  crashed: boolean;
  error: string | null;
  metrics: Metrics;
  summary: Record<string, number>;
}

export interface SetResult {
  label: string;
  dir: string;
  clusters: ClusterResult[];
  micro: Record<string, number>;
  ok: boolean;
  failed: string[];
}

function stripSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** Runs and scores one set, printing run_eval.py's lines. Throws PyError when the scorer itself fails (as Python would). */
function runSet(setDir: string, label: string, o: Options, io: EvalIO): SetResult {
  const cwd = io.env.PROJECT ?? io.root;
  const cmd = checkerCommand(cwd, io.env);
  const clusters = listClusters(setDir);
  const total: Partial<Totals> = {};
  const results: ClusterResult[] = [];
  let crashed = 0;
  /** stderr of the last checker run that completed (Python's `r` outlives the loop iteration that set it). */
  let lastStderr: string | undefined;
  for (const c of clusters) {
    const gold = loadJson(pyJoin(c, 'gold.json'));
    const docList = pyItem(gold, 'documents');
    if (!Array.isArray(docList)) throw new PyError('TypeError', `'documents' of ${pyJoin(c, 'gold.json')} is not a list`);
    const docs = docList.map((d) => pyJoin(c, pyStr(pyItem(d, 'file'))));
    let report: PyValue = {};
    let error: string | null = null;
    try {
      const args = [...cmd.slice(1), 'check', ...docs, '--format', 'json'];
      const r = spawnSync(cmd[0]!, args, { cwd, env: io.env as NodeJS.ProcessEnv, timeout: 120_000, maxBuffer: 1 << 30 });
      if (r.error) {
        const code = (r.error as NodeJS.ErrnoException).code;
        if (code === 'ETIMEDOUT') throw new PyError('TimeoutExpired', `Command '[${[cmd[0]!, ...args].map(pyStrRepr).join(', ')}]' timed out after 120 seconds`);
        if (code === 'ENOENT') throw new PyError('FileNotFoundError', `[Errno 2] No such file or directory: ${pyStrRepr(cmd[0]!)}`);
        throw new PyError('OSError', r.error.message);
      }
      const stdout = decodeOutput(r.stdout);
      const stderr = decodeOutput(r.stderr);
      lastStderr = stderr;
      report = loadsReport(stdout);
    } catch (e) {
      crashed += 1;
      const msg = e instanceof Error ? e.message : String(e);
      const tail = lastStderr !== undefined ? pySlice(lastStderr, -300) : msg;
      error = msg;
      io.out(`${pyBasename(c)}: checker failed: ${msg} ${tail}\n`);
      report = {};
    }
    const m = score(c, report);
    addTotals(total, m);
    const s = summary(m) as unknown as Record<string, number>;
    io.out(`${pyBasename(c)}: ${dumps(forDumps(s))}\n`);
    for (const e of pyListSlice(m.errors, 0, o.show)) io.out(`    ${e}\n`);
    results.push({ cluster: pyBasename(c), dir: c, crashed: error !== null, error, metrics: m, summary: s });
  }
  const micro: Record<string, number> = Object.keys(total).length ? { ...(summary(total as Totals) as unknown as Record<string, number>) } : {};
  micro.clusters = clusters.length;
  micro.crashed = crashed;
  const failed: string[] = [];
  if (crashed) failed.push(`${crashed} checker run(s) crashed`);
  const applies = (b: Bound) => b.set === null || b.set === label;
  for (const b of o.mins.filter(applies)) if (!((micro[b.key] ?? 0) >= b.value)) failed.push(`${b.key} ${micro[b.key] ?? 0} < min ${b.value}`);
  for (const b of o.maxs.filter(applies)) if (!((micro[b.key] ?? 0) <= b.value)) failed.push(`${b.key} ${micro[b.key] ?? 0} > max ${b.value}`);
  io.out(`${label} micro: ${dumps(forDumps(micro))}\n`);
  for (const f of failed) io.err(`eval: ${label}: ${f}\n`);
  return { label, dir: setDir, clusters: results, micro, ok: failed.length === 0, failed };
}

/** Python `json.loads(r.stdout)` — a JSON value that is not an object is reported as a checker failure. */
function loadsReport(stdout: string): PyValue {
  const v = loads(stdout);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new PyError('AttributeError', `the checker printed a JSON ${Array.isArray(v) ? 'array' : typeof v}, not an object`);
  }
  return v;
}

/** The default sets, as absolute paths: the visible gold, the dev-eval fixtures and the examples. */
export function defaultSets(root: string): string[] {
  return [resolve(root, '../shared/eval/visible'), resolve(root, 'test/fixtures/dev-eval'), resolve(root, 'examples')];
}

export function runEval(argv: string[], io: EvalIO): number {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.err(`eval: ${e.message}\n\n`);
      if (e.message) io.err(USAGE);
      else io.out(USAGE);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  try {
    if (o.score) {
      const [c, r] = o.score;
      const report = loadJson(isAbsolute(r) ? r : resolve(io.cwd, r));
      io.out(scoreOutput(score(isAbsolute(c) ? c : resolve(io.cwd, c), report)) + '\n');
      return 0;
    }
    const explicit = o.sets.length > 0;
    const dirs = explicit ? o.sets.map((s) => stripSlash(isAbsolute(s) ? s : resolve(io.cwd, s))) : defaultSets(io.root);
    const results: SetResult[] = [];
    for (const dir of dirs) {
      if (!explicit && listClusters(dir).length === 0) continue; // a default set that is absent or empty
      if (explicit && !existsSync(dir)) {
        io.err(`eval: no such folder: ${dir}\n`);
        return 2;
      }
      results.push(runSet(dir, pyBasename(dir), o, io));
    }
    if (results.length === 0) io.err('eval: no clusters found (give a SET_DIR)\n');
    for (const b of [...o.mins, ...o.maxs]) {
      if (b.set !== null && !results.some((r) => r.label === b.set)) io.err(`eval: warning: no set labelled "${b.set}" (bound ${b.set}:${b.key})\n`);
    }
    const ok = results.every((r) => r.ok);
    if (o.json) {
      const file = isAbsolute(o.json) ? o.json : resolve(io.cwd, o.json);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ version: 1, ok, sets: results }, null, 2) + '\n');
    }
    return ok ? 0 : 1;
  } catch (e) {
    if (e instanceof PyError) {
      // score.py raised: run_eval.py would die with a traceback and exit 1
      io.err(`eval: the scorer failed: ${e.pyType}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Keys of the micro line (for callers that want to read a bound's figure). */
export const MICRO_KEYS: readonly string[] = SUMMARY_KEYS;
