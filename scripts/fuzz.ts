/**
 * `npm run fuzz`: hostile inputs through every command of the built CLI, as child processes.
 *
 *   npm run fuzz -- [--minutes 3] [--seed N] [--jobs 2] [--family name,...] [--no-huge] [--max-cases N] [--timeout 30]
 *
 * Families (test/robust/corpus.ts generates them): unicode/control/surrogate soup, digits with separators,
 * HTML soup, HTML nested up to 200,000 deep, Markdown soup and tables, JSONL with broken lines, encodings
 * (binary, invalid UTF-8, UTF-16 with and without BOM), mutations of the example articles (examples/<name>/docs),
 * mutated rule files (rules/default, examples/rules), mutated config and baseline files, suppression directives,
 * and once per run a 100 MB single line.
 *
 * Each case runs `extract`, `check` (in a random report format), `review --against`, and for rule files
 * `rules validate` / `rules list` / `check --rules`, each with a time limit (30 s). A violation is: a run still
 * going at the limit, a crash (exit code outside 0/1/2, or a signal), a stack trace or "internal error" on
 * stderr without --debug, a document error of code "internal", or -f json output (exit 0 or 1) that is not JSON
 * or does not validate against rules/schema/report.schema.json. The inputs of a violation are kept under
 * test-artifacts/fuzz/<case>/ with a repro.sh. Prints a summary (inputs tried, per-family results, slowest
 * input) and exits 1 on any violation.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/util/paths.js';
import * as C from '../test/robust/corpus.js';

const ROOT = packageRoot();
const BIN = join(ROOT, 'bin', 'numcheck.js');
const CPU_PROBE = join(ROOT, 'test', 'robust', 'cpu-probe.mjs');
const STACK = /\n\s+at .+(\(|:\d+)/;

const { values: opt } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    seed: { type: 'string' },
    jobs: { type: 'string' },
    family: { type: 'string' },
    'no-huge': { type: 'boolean', default: false },
    'max-cases': { type: 'string' },
    timeout: { type: 'string', default: '30' },
  },
});
const SEED = opt.seed !== undefined ? Number(opt.seed) : Math.floor(Math.random() * 2 ** 31);
const DEADLINE = Date.now() + Number(opt.minutes) * 60000;
const JOBS = Math.max(1, Number(opt.jobs ?? Math.max(1, Math.floor(availableParallelism() / 2))));
const TIMEOUT_MS = Number(opt.timeout) * 1000;
const MAX_CASES = opt['max-cases'] !== undefined ? Number(opt['max-cases']) : Infinity;

// ------------------------------------------------------------------------------------------------------------
// Cases

interface Cmd {
  args: string[];
  /** Output is a JSON report (-f json / jsonl of extract, check, review). */
  report?: 'json' | 'jsonl';
  /** Output is some other JSON (rules list -f json, sarif). */
  json?: boolean;
  stdin?: string | Buffer;
}

interface Case {
  family: string;
  id: string;
  files: Record<string, string | Buffer>;
  commands: Cmd[];
}

interface Ctx {
  examples: Array<{ name: string; text: string }>;
  rules: Array<{ name: string; text: string }>;
}

function loadCtx(): Ctx {
  const examples: Ctx['examples'] = [];
  for (const d of readdirSync(join(ROOT, 'examples'))) {
    const docs = join(ROOT, 'examples', d, 'docs');
    if (!existsSync(docs)) continue;
    for (const f of readdirSync(docs).sort()) examples.push({ name: f, text: readFileSync(join(docs, f), 'utf8') });
  }
  const rules: Ctx['rules'] = [];
  for (const dir of [join(ROOT, 'rules', 'default'), join(ROOT, 'examples', 'rules')]) {
    for (const f of readdirSync(dir).filter((x) => /\.ya?ml$/.test(x)).sort()) rules.push({ name: f, text: readFileSync(join(dir, f), 'utf8') });
  }
  return { examples, rules };
}

const REPORT_FORMATS = ['json', 'json', 'json', 'text', 'markdown', 'html', 'sarif', 'github', 'jsonl'] as const;

/** extract, check (a random format) and review --against over the case's files. */
function docCommands(rng: C.Rng, files: string[]): Cmd[] {
  const jobs = (): string[] => (rng.chance(0.3) ? ['--jobs', rng.pick(['1', '2'])] : []);
  const debug = (): string[] => (rng.chance(0.1) ? ['--debug'] : []);
  const fmt = rng.pick(REPORT_FORMATS);
  const cmds: Cmd[] = [
    { args: ['extract', ...files, '-f', 'json', ...jobs(), ...debug()], report: 'json' },
    { args: ['check', ...files, '-f', fmt, ...jobs(), ...debug(), ...(rng.chance(0.2) ? ['--report-unused-disable-directives'] : [])], report: fmt === 'json' ? 'json' : fmt === 'jsonl' ? 'jsonl' : undefined, json: fmt === 'sarif' },
  ];
  const against = files.length > 1 ? files.slice(1) : [join(ROOT, 'examples', 'hurricane-teodora', 'docs')];
  cmds.push({ args: ['review', files[0]!, '--against', ...against, '-f', 'json', ...debug()], report: 'json' });
  if (rng.chance(0.15)) cmds.push({ args: ['extract', '-', '--stdin-filename', files[0]!, '-f', 'json'], report: 'json', stdin: `@${files[0]}` });
  return cmds;
}

function docCase(family: string, id: string, rng: C.Rng, files: Record<string, string | Buffer>): Case {
  return { family, id, files, commands: docCommands(rng, Object.keys(files)) };
}

const pieces = (rng: C.Rng, lists: string[][], lo: number, hi: number) => C.soup(rng, lists, rng.size(lo, hi));

const FAMILIES: Record<string, (rng: C.Rng, ctx: Ctx, id: string) => Case> = {
  'text-soup': (rng, _ctx, id) =>
    docCase('text-soup', id, rng, {
      'a.txt': pieces(rng, [C.NUMBERS, C.WORDS, C.HOSTILE], 1, 3000),
      'b.md': pieces(rng, [C.NUMBERS, C.WORDS, C.HOSTILE], 1, 3000),
    }),
  'digit-separators': (rng, _ctx, id) => {
    const parts: string[] = [];
    for (let i = rng.int(1, 30); i > 0; i--) parts.push(rng.pick(['', 'Police said ', 'about ', '$', '−']) + C.digitRun(rng, rng.size(1, 3000)) + rng.pick(['', ' people', ' km', '%', ' million euros', '.', ',']));
    return docCase('digit-separators', id, rng, { 'digits.txt': parts.join(rng.pick([' ', '\n', '\n\n', ''])) });
  },
  'html-soup': (rng, _ctx, id) =>
    docCase('html-soup', id, rng, {
      'page.html': `<html><body>${rng.chance(0.5) ? '<article>' : ''}${pieces(rng, [C.NUMBERS, C.WORDS, C.HOSTILE, C.HTML], 1, 5000)}`,
      'other.htm': pieces(rng, [C.NUMBERS, C.WORDS, C.HTML], 1, 2000),
    }),
  'html-deep': (rng, _ctx, id) => docCase('html-deep', id, rng, { 'deep.html': C.deepHtml(rng, rng.size(100, 200000)), 'note.txt': 'The council said 1,200 homes were flooded.\n' }),
  'markdown-soup': (rng, _ctx, id) =>
    docCase('markdown-soup', id, rng, {
      'story.md': pieces(rng, [C.NUMBERS, C.WORDS, C.HOSTILE, C.MARKDOWN], 1, 5000) + (rng.chance(0.3) ? C.markdownTable(rng, rng.size(100, 200000)) : ''),
      'notes.markdown': pieces(rng, [C.NUMBERS, C.WORDS, C.MARKDOWN], 1, 1000),
    }),
  jsonl: (rng, _ctx, id) => docCase('jsonl', id, rng, { 'batch.jsonl': C.jsonl(rng, rng.size(1, 300), () => pieces(rng, [C.NUMBERS, C.WORDS, C.HOSTILE, rng.pick([C.HTML, C.MARKDOWN])], 0, 200)), 'a.txt': 'Police said 23,000 people marched.\n' }),
  encodings: (rng, ctx, id) => {
    const ex = rng.pick(ctx.examples);
    const files: Record<string, Buffer> = {};
    files[`enc-${ex.name}`] = C.mutateBytes(rng, Buffer.from(ex.text));
    if (rng.chance(0.4)) files['bin.txt'] = rng.bytes(rng.size(1, 20000));
    if (rng.chance(0.3)) files['empty.md'] = Buffer.from(rng.pick(['', ' ', '\ufeff', '\n\n\t', '\u00a0']));
    return docCase('encodings', id, rng, files);
  },
  'example-mutations': (rng, ctx, id) => {
    const files: Record<string, string> = {};
    for (let i = rng.int(1, 4); i > 0; i--) {
      const ex = rng.pick(ctx.examples);
      files[`${i}-${ex.name}`] = C.mutateText(rng, ex.text, rng.pick(ctx.examples).text);
    }
    return docCase('example-mutations', id, rng, files);
  },
  directives: (rng, ctx, id) => {
    const ex = ctx.examples.filter((e) => /\.(md|html)$/.test(e.name));
    const e = rng.pick(ex);
    const lines = e.text.split('\n');
    for (let i = rng.int(1, 40); i > 0; i--) {
      const d = rng.pick(['<!-- numcheck-disable-next-line -->', '<!-- numcheck-disable cross-source-mismatch -- desk -->', '<!-- numcheck-enable -->', '<!-- numcheck-disable-line unit-conversion,part-exceeds-whole -->', '<!-- numcheck-disable Bad_Id -->', '<!--numcheck-enable', '<!-- numcheck-disable-next-line -- -- --> <!-- numcheck-enable x -->', '<!-- numcheck-', '-->']);
      lines.splice(rng.int(0, lines.length), 0, rng.chance(0.3) ? d.repeat(rng.size(1, 5000)) : d);
    }
    const name = `draft.${e.name.split('.').pop()}`;
    const c = docCase('directives', id, rng, { [name]: C.mutateText(rng, lines.join('\n')), 'src.txt': rng.pick(ctx.examples).text });
    c.commands.push({ args: ['check', name, 'src.txt', '-f', 'json', '--report-unused-disable-directives'], report: 'json' });
    return c;
  },
  rules: (rng, ctx, id) => {
    const r = rng.pick(ctx.rules);
    const text = C.mutateYaml(rng, r.text);
    const doc = rng.pick(ctx.examples);
    return {
      family: 'rules',
      id,
      files: { [`rules/${r.name}`]: text, [doc.name]: doc.text },
      commands: [
        { args: ['rules', 'validate', `rules/${r.name}`] },
        { args: ['rules', 'validate', 'rules'] },
        { args: ['rules', 'list', '--rules', `rules/${r.name}`, '-f', 'json'], json: true },
        { args: ['check', doc.name, '--rules', `rules/${r.name}`, '-f', 'json'], report: 'json' },
      ],
    };
  },
  config: (rng, ctx, id) => {
    const base = 'format: json\nfailLevel: warning\nmaxWarnings: 10\nquiet: false\ndate: 2024-03-01\nignore:\n  - "*.bak"\ntolerances:\n  cross-source-mismatch:\n    tolerance: 0.05\nrules: []\n';
    const doc = rng.pick(ctx.examples);
    const cfgName = rng.pick(['.numcheckrc.yaml', '.numcheckrc.yml', '.numcheckrc.json', 'package.json']);
    let cfg = C.mutateYaml(rng, base);
    if (cfgName.endsWith('.json')) cfg = C.mutateText(rng, JSON.stringify({ format: 'json', failLevel: 'warning', tolerances: { 'cross-source-mismatch': { tolerance: 0.05 } } }, null, 2), '', C.YAML_HOSTILE);
    if (cfgName === 'package.json') cfg = `{"name": "desk", "numcheck": ${cfg}}`;
    return {
      family: 'config',
      id,
      files: { [cfgName]: cfg, [doc.name]: doc.text },
      commands: [
        { args: ['check', doc.name, '-f', 'json'], report: 'json' },
        { args: ['extract', doc.name, '-f', 'json'], report: 'json' },
        { args: ['rules', 'list', '-f', 'json'], json: true },
      ],
    };
  },
  baseline: (rng, ctx, id) => {
    const good = JSON.stringify({ version: 1, findings: [{ fingerprint: 'a1b2c3', rule: 'cross-source-mismatch', documents: ['a.md'], count: 1 }] }, null, 2);
    const docs = ctx.examples.slice(0, 3);
    const files: Record<string, string> = { 'baseline.json': rng.chance(0.8) ? C.mutateText(rng, good, '', C.YAML_HOSTILE) : rng.units(rng.size(1, 5000)) };
    for (const d of docs) files[d.name] = d.text;
    return { family: 'baseline', id, files, commands: [{ args: ['check', ...docs.map((d) => d.name), '--baseline', 'baseline.json', '-f', 'json'], report: 'json' }] };
  },
};

/** The 100 MB single line (once per run). */
function hugeCase(): Case {
  return { family: 'huge-100MB-line', id: 'huge', files: {}, commands: [{ args: ['extract', 'line.txt', '-f', 'json'], report: 'json' }] };
}

function writeHuge(dir: string): void {
  const prose = 'The council met on Tuesday and agreed a long plan for the river bank, officials said. '.repeat(11);
  const chunks: string[] = [];
  let n = 0;
  for (let i = 0; n < 100 * 1024 * 1024; i++) {
    const s = `${prose}Police counted ${1000 + i} marchers. `;
    chunks.push(s);
    n += s.length;
  }
  writeFileSync(join(dir, 'line.txt'), chunks.join(''));
}

// ------------------------------------------------------------------------------------------------------------
// Running

interface Result {
  family: string;
  caseId: string;
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  cpuMs: number | null;
  rssMb: number | null;
  violations: string[];
  /** JSON documents parsed (and reports validated) from stdout. */
  validated: number;
  /** The last line on stderr of an exit 2 (why nothing could be checked), normalised. */
  why2: string | null;
}

const schema = JSON.parse(readFileSync(join(ROOT, 'rules', 'schema', 'report.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

let rebuilding: Promise<void> | null = null;

/** dist/ can vanish under a run (another `npm run build`): rebuild once, then run again. */
function rebuild(): Promise<void> {
  rebuilding ??= new Promise<void>((resolve) => {
    const b = spawn(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    b.on('close', () => {
      rebuilding = null;
      resolve();
    });
  });
  return rebuilding;
}

async function runOne(dir: string, c: Case, cmd: Cmd): Promise<Result> {
  for (let attempt = 0; ; attempt++) {
    const r = await runOnce(dir, c, cmd);
    if (attempt < 2 && r.violations.some((v) => /Cannot find module|ERR_MODULE_NOT_FOUND/.test(v))) {
      await rebuild();
      continue;
    }
    return r;
  }
}

function runOnce(dir: string, c: Case, cmd: Cmd): Promise<Result> {
  const cpuFile = join(dir, `.cpu-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...cmd.args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: existsSync(CPU_PROBE) ? `--import=${CPU_PROBE}` : '', NUMCHECK_CPU_FILE: cpuFile, FORCE_COLOR: undefined },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let outLen = 0;
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      if (outLen < 512 * 1024 * 1024) out.push(d);
      outLen += d.length;
    });
    child.stderr.on('data', (d) => {
      if (err.length < 1 << 20) err += d;
    });
    child.stdin.on('error', () => {});
    if (cmd.stdin !== undefined) {
      const data = typeof cmd.stdin === 'string' && cmd.stdin.startsWith('@') ? readFileSync(join(dir, cmd.stdin.slice(1))) : cmd.stdin;
      child.stdin.end(data);
    } else child.stdin.end();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      let cpuMs: number | null = null;
      let rssMb: number | null = null;
      try {
        const u = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number; rss: number };
        cpuMs = (u.user + u.system) / 1000;
        rssMb = u.rss / 1048576;
        rmSync(cpuFile, { force: true });
      } catch {
        /* killed */
      }
      const v: string[] = [];
      let validated = 0;
      const debug = cmd.args.includes('--debug');
      if (timedOut) v.push(`still running after ${TIMEOUT_MS / 1000} s (killed)`);
      else if (signal) v.push(`killed by ${signal}`);
      else if (code === null || ![0, 1, 2].includes(code)) v.push(`exit code ${code}`);
      if (!debug && STACK.test(err)) v.push(`stack trace on stderr: ${err.slice(0, 400)}`);
      if (/internal error|FATAL ERROR|heap out of memory|Maximum call stack/i.test(err)) v.push(`internal error on stderr: ${err.slice(0, 400)}`);
      if (/Cannot find module|ERR_MODULE_NOT_FOUND/.test(err)) v.push(`dist/ changed under the run: ${err.slice(0, 200)}`);
      if (!timedOut && (code === 0 || code === 1) && (cmd.report || cmd.json)) {
        const stdout = Buffer.concat(out).toString('utf8');
        const docs = cmd.report === 'jsonl' ? stdout.split('\n').filter(Boolean) : [stdout];
        for (const text of docs) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch (e) {
            v.push(`stdout is not valid JSON (${(e as Error).message.slice(0, 100)}): ${text.slice(0, 200)}`);
            break;
          }
          validated++;
          if (cmd.report) {
            if (!validate(parsed)) v.push(`report does not validate against report.schema.json: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
            const internal = (parsed as { documents?: Array<{ id: string; errors: Array<{ code: string; message: string }> }> }).documents?.flatMap((d) => d.errors.filter((e) => e.code === 'internal').map((e) => `${d.id}: ${e.message}`)) ?? [];
            if (internal.length) v.push(`document errors of code "internal": ${internal.slice(0, 3).join('; ')}`);
          }
        }
      }
      const last = err.trimEnd().split('\n').pop() ?? '';
      const why2 = code === 2 ? last.replace(/^numcheck: /, '').replace(/\S*\.(?:ya?ml|json|txt|md|html?|markdown|jsonl)\b/g, '<file>').replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 90) : null;
      resolve({ family: c.family, caseId: c.id, args: cmd.args, code, signal, wallMs, cpuMs, rssMb, violations: v, validated, why2 });
    });
  });
}

/** Keep a case's inputs for a violation: test-artifacts/fuzz/<case>/, with a repro.sh. */
function keep(dir: string, c: Case, bad: Result[]): string {
  const to = join(ROOT, 'test-artifacts', 'fuzz', `${c.family}-${c.id}`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  if (c.family === 'huge-100MB-line') {
    mkdirSync(to, { recursive: true });
  } else cpSync(dir, to, { recursive: true });
  const sh = ['#!/bin/sh', `# ${c.family} case ${c.id} (seed ${SEED}); run from this folder`, ...bad.map((r) => `node ${BIN} ${r.args.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')}  # ${r.violations[0]!.slice(0, 120).replace(/\n/g, ' ')}`)];
  writeFileSync(join(to, 'repro.sh'), sh.join('\n') + '\n');
  return to;
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'dist', 'numcheck.mjs'))) throw new Error('dist/numcheck.mjs is missing: run npm run build (npm run fuzz does)');
  const ctx = loadCtx();
  const names = opt.family ? opt.family.split(',') : Object.keys(FAMILIES);
  for (const n of names) if (!(n in FAMILIES) && n !== 'huge') throw new Error(`unknown family "${n}" (${Object.keys(FAMILIES).join(', ')}, huge)`);
  const work = mkdtempSync(join(tmpdir(), 'numcheck-fuzz-'));
  const rng = new C.Rng(SEED);
  console.log(`numcheck fuzz: seed ${SEED}, ${JOBS} at a time, ${Number(opt.minutes)} min, ${TIMEOUT_MS / 1000} s per run, families: ${names.join(', ')}`);

  const stats = new Map<string, { cases: number; runs: number; violations: number; slowest: Result | null; maxRss: number; exits: number[]; reports: number }>();
  const all: Result[] = [];
  const kept: string[] = [];
  let caseNo = 0;

  const runCase = async (c: Case, write: (dir: string) => void): Promise<void> => {
    const dir = join(work, `${c.family}-${c.id}`);
    mkdirSync(dir, { recursive: true });
    write(dir);
    const results: Result[] = [];
    for (const cmd of c.commands) results.push(await runOne(dir, c, cmd));
    const s = stats.get(c.family) ?? { cases: 0, runs: 0, violations: 0, slowest: null, maxRss: 0, exits: [0, 0, 0], reports: 0 };
    s.cases++;
    for (const r of results) {
      s.runs++;
      all.push(r);
      if (r.violations.length) s.violations++;
      if (!s.slowest || r.wallMs > s.slowest.wallMs) s.slowest = r;
      s.maxRss = Math.max(s.maxRss, r.rssMb ?? 0);
      if (r.code === 0 || r.code === 1 || r.code === 2) s.exits[r.code]!++;
      s.reports += r.validated;
    }
    stats.set(c.family, s);
    const bad = results.filter((r) => r.violations.length);
    if (bad.length) {
      const at = keep(dir, c, bad);
      kept.push(at);
      for (const r of bad) console.log(`VIOLATION ${c.family} ${c.id}: numcheck ${r.args.join(' ').slice(0, 160)}\n  ${r.violations.join('\n  ')}\n  inputs: ${at}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  if (!opt['no-huge'] && (!opt.family || names.includes('huge'))) {
    console.log('100 MB single line …');
    await runCase(hugeCase(), writeHuge);
  }

  const inFlight = new Set<Promise<void>>();
  const familyNames = names.filter((n) => n !== 'huge');
  while (familyNames.length && Date.now() < DEADLINE && caseNo < MAX_CASES) {
    const fam = familyNames[caseNo % familyNames.length]!;
    const id = String(++caseNo);
    const caseRng = new C.Rng(Math.floor(rng.next() * 2 ** 31));
    let c: Case;
    try {
      c = FAMILIES[fam]!(caseRng, ctx, id);
    } catch (e) {
      console.log(`generator ${fam} failed: ${(e as Error).stack}`);
      continue;
    }
    const p = runCase(c, (dir) => {
      for (const [name, data] of Object.entries(c.files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), data);
      }
    }).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= JOBS) await Promise.race(inFlight);
    if (caseNo % 25 === 0) process.stdout.write(`  ${caseNo} cases, ${all.length} runs, ${all.filter((r) => r.violations.length).length} violations\n`);
  }
  await Promise.all(inFlight);
  rmSync(work, { recursive: true, force: true });

  // summary
  const violations = all.filter((r) => r.violations.length);
  console.log(`\n${caseNo + (stats.has('huge-100MB-line') ? 1 : 0)} inputs, ${all.length} runs, ${violations.length} violations (seed ${SEED})\n`);
  console.log('family               cases   runs  exit 0/1/2      JSON checked  violations  slowest run (wall / CPU)              max RSS');
  for (const [fam, s] of [...stats].sort()) {
    const sl = s.slowest;
    const slow = sl ? `${(sl.wallMs / 1000).toFixed(2)} s / ${sl.cpuMs === null ? '?' : (sl.cpuMs / 1000).toFixed(2) + ' s'} (${sl.args[0]} #${sl.caseId})` : '';
    console.log(`${fam.padEnd(20)} ${String(s.cases).padStart(5)} ${String(s.runs).padStart(6)}  ${s.exits.join('/').padEnd(14)} ${String(s.reports).padStart(12)} ${String(s.violations).padStart(11)}  ${slow.padEnd(38)} ${s.maxRss.toFixed(0)} MB`);
  }
  if (process.env.FUZZ_VERBOSE || opt.family) {
    console.log('\nwhy runs exited 2 (most frequent first):');
    for (const fam of [...stats.keys()].sort()) {
      const counts = new Map<string, number>();
      for (const r of all) if (r.family === fam && r.why2 !== null) counts.set(r.why2, (counts.get(r.why2) ?? 0) + 1);
      for (const [w, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  ${fam.padEnd(20)} ${String(n).padStart(4)}  ${w}`);
    }
  }
  const slowest = all.reduce<Result | null>((a, r) => (!a || r.wallMs > a.wallMs ? r : a), null);
  if (slowest) console.log(`\nslowest input: ${slowest.family} #${slowest.caseId}, numcheck ${slowest.args.join(' ').slice(0, 120)}: ${(slowest.wallMs / 1000).toFixed(2)} s wall, ${slowest.cpuMs === null ? '?' : (slowest.cpuMs / 1000).toFixed(2)} s CPU`);
  if (kept.length) console.log(`\ninputs of the violations kept in:\n  ${[...new Set(kept)].join('\n  ')}`);
  return violations.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`fuzz: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 2;
  },
);
