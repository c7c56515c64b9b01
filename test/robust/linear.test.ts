/**
 * Linear time on adversarial inputs, through the built CLI: 100,000 digits with separators ("1,1,1,…",
 * "1.1.1…", "1 000 000 …"), a 1 MB run of spaces, of punctuation, of hyphens, a 1 MB single line of prose with
 * figures, 10,000 nested HTML elements (closed and unclosed), a 1 MB Markdown table.
 *
 * Each family runs at its full size (must finish: CPU ≤ 10 s, wall ≤ 30 s) and at 1/4 and 1/2 of it; the work
 * (CPU time of the child, all threads, minus the CLI's start-up) may grow at most 3× per doubling — quadratic
 * growth is 4× — so the test catches a quadratic pass without depending on the machine's speed. CPU time comes
 * from test/robust/cpu-probe.mjs, preloaded into the child, so a loaded machine does not make it flaky.
 *
 * Families that fail because of code other engineers own are test.failing (see KNOWN_SLOW); they run first, all
 * at once, killed after 12 s. The measurements are written to test-artifacts/robust-linear.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ensureBuilt, ROOT, scratch } from './helpers.js';

const CPU_BOUND_MS = 10000;
const WALL_BOUND_MS = 30000;
const MAX_RATIO = 3;
/** Work below this (ms of CPU beyond start-up) is noise (start-up alone varies by 0.1-0.2 s between runs on a CI machine): ratios are taken on at least this much. */
const FLOOR_MS = 300;

interface Family {
  name: string;
  command: 'extract' | 'check';
  ext: 'txt' | 'md' | 'html';
  /** Full size, in the family's unit (digits, characters, elements). */
  full: number;
  gen: (n: number) => string;
}

const prose = (n: number): string => {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const p = `The council met on Tuesday and agreed a plan for the river bank, officials said. Police counted ${1000 + i} marchers. `;
    parts.push(p);
    len += p.length;
  }
  return parts.join('');
};
const MB = 1024 * 1024;

const FAMILIES: Family[] = [
  { name: 'digits with commas "1,1,1,…" (100,000 digits)', command: 'extract', ext: 'txt', full: 100000, gen: (n) => '1,'.repeat(n - 1) + '1' },
  { name: 'digits with dots "1.1.1…" (100,000 digits)', command: 'extract', ext: 'txt', full: 100000, gen: (n) => '1.'.repeat(n - 1) + '1' },
  { name: 'digits with spaces "1 000 000 …" (100,000 digits)', command: 'extract', ext: 'txt', full: 100000, gen: (n) => '1' + ' 000'.repeat(Math.floor((n - 1) / 3)) },
  { name: 'digits with narrow no-break spaces (100,000 digits)', command: 'extract', ext: 'txt', full: 100000, gen: (n) => '1' + '\u202f000'.repeat(Math.floor((n - 1) / 3)) },
  { name: 'a 1 MB run of spaces', command: 'extract', ext: 'txt', full: MB, gen: (n) => `The council said ${' '.repeat(n)} 1,300 homes were flooded.` },
  { name: 'a 1 MB run of punctuation', command: 'extract', ext: 'txt', full: MB, gen: (n) => `Police said 5 ${'!?.,;:'.repeat(n / 6)} 1,300 homes.` },
  { name: 'a 1 MB run of hyphens between figures', command: 'extract', ext: 'txt', full: MB, gen: (n) => `Police said 5${'-'.repeat(n)}5 homes.` },
  { name: 'a 1 MB run of digits', command: 'extract', ext: 'txt', full: MB, gen: (n) => `The total was ${'9'.repeat(n)} euros.` },
  { name: 'a 1 MB single line of prose with figures (extract)', command: 'extract', ext: 'txt', full: MB, gen: prose },
  { name: 'a 1 MB single line of prose with figures (check)', command: 'check', ext: 'txt', full: MB, gen: prose },
  { name: '10,000 nested HTML elements', command: 'extract', ext: 'html', full: 10000, gen: (n) => `<html><body>${'<div>'.repeat(n)}<p>The council said 1,300 homes were flooded.</p>${'</div>'.repeat(n)}</body></html>` },
  { name: '10,000 unclosed nested HTML elements', command: 'extract', ext: 'html', full: 10000, gen: (n) => `<html><body>${'<div><b>'.repeat(n / 2)}<p>The council said 1,300 homes were flooded.` },
  {
    name: 'a 1 MB Markdown table',
    command: 'extract',
    ext: 'md',
    full: MB,
    gen: (n) => {
      const rows = ['| Region | Homes | Cost |', '|---|---|---|'];
      let len = 40;
      for (let i = 0; len < n; i++) {
        const r = `| R${i} | ${i * 13},000 | €${i}.5 million |`;
        rows.push(r);
        len += r.length + 1;
      }
      return rows.join('\n') + '\n';
    },
  },
];

/**
 * Families too slow because of code this suite's owner does not own: a test.failing each (it starts to fail,
 * and must become a plain test, once fixed). Measured figures are in the report of issue 6.
 */
const KNOWN_SLOW: Record<string, string> = {
  // (none now: "digits with commas" took ~13 s of CPU for 100,000 digits, ~7 s once context read each sentence once
  // for all its figures, then 11-20 s again on slower CI machines: its 100,000 claims fell into V8's slow dictionary
  // properties, built by spreading each figure and adding twenty fields one by one. Claims built with every field in
  // one shape take ~5 s of CPU on this machine.)
};

interface Run {
  size: number;
  bytes: number;
  wallMs: number;
  cpuMs: number | null;
  code: number | null;
  timedOut: boolean;
  stderr: string;
}

let dir = '';
let baseCpu = 0;

/** Run the CLI on `text` (written to a file); resolves with wall and CPU time. */
function measure(f: Family, size: number, timeoutMs: number, tag = ''): Promise<Run> {
  const text = f.gen(size);
  const file = join(dir, `${f.name.replace(/[^a-z0-9]+/gi, '-')}-${size}${tag}.${f.ext}`);
  writeFileSync(file, text);
  const cpuFile = `${file}.cpu.json`;
  rmSync(cpuFile, { force: true });
  const args = [BIN, f.command, file, '--jobs', '1', '-f', 'json', '-o', `${file}.out.json`];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: dir,
      env: { ...process.env, NODE_OPTIONS: `--import=${join(ROOT, 'test', 'robust', 'cpu-probe.mjs')}`, NUMCHECK_CPU_FILE: cpuFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      let cpuMs: number | null = null;
      try {
        const u = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
        cpuMs = (u.user + u.system) / 1000;
      } catch {
        /* killed */
      }
      rmSync(file, { force: true });
      rmSync(`${file}.out.json`, { force: true });
      resolve({ size, bytes: Buffer.byteLength(text), wallMs, cpuMs, code, timedOut, stderr });
    });
  });
}

const results = new Map<string, Run[]>();
const slowResults = new Map<string, Run>();

beforeAll(async () => {
  ensureBuilt();
  dir = scratch();
  // start-up cost of the CLI (one tiny file), subtracted from every measurement
  const base: number[] = [];
  for (let i = 0; i < 2; i++) base.push((await measure({ ...FAMILIES[0]!, gen: () => 'x' }, 1, WALL_BOUND_MS, `-base${i}`)).cpuMs ?? 0);
  baseCpu = Math.min(...base);
  // the known-slow families: all at once, at full size, killed after 12 s (they fail either way)
  const slow = FAMILIES.filter((f) => f.name in KNOWN_SLOW);
  const runs = await Promise.all(slow.map((f) => measure(f, f.full, 12000)));
  slow.forEach((f, i) => slowResults.set(f.name, runs[i]!));
}, 60000);

afterAll(() => {
  const fmt = (r: Run) => `${(r.bytes / 1024).toFixed(0)} KB: ${r.timedOut ? 'killed' : `exit ${r.code}`}, wall ${(r.wallMs / 1000).toFixed(2)} s, CPU ${r.cpuMs === null ? '?' : (r.cpuMs / 1000).toFixed(2) + ' s'}`;
  const lines = [`# Linear-time families (CLI start-up CPU ${(baseCpu / 1000).toFixed(2)} s, subtracted for ratios)`, ''];
  for (const f of FAMILIES) {
    const rs = results.get(f.name) ?? (slowResults.has(f.name) ? [slowResults.get(f.name)!] : []);
    lines.push(`- ${f.name} (\`numcheck ${f.command}\`)${f.name in KNOWN_SLOW ? ` — KNOWN SLOW (${KNOWN_SLOW[f.name]})` : ''}`);
    for (const r of rs) lines.push(`  - ${fmt(r)}`);
  }
  const note = lines.join('\n') + '\n';
  try {
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'test-artifacts', 'robust-linear.md'), note);
  } catch {
    /* read-only checkout */
  }
  console.log(note);
});

const work = (r: Run) => Math.max(FLOOR_MS, (r.cpuMs ?? Infinity) - baseCpu);
/** Growth of the work per doubling, quarter → half → full. */
const ratiosOf = ([quarter, half, full]: Run[]) => {
  const r = [work(half!) / work(quarter!), work(full!) / work(half!)];
  return { ratios: r.map((x) => Math.round(x * 100) / 100), ok: r.every((x) => x < MAX_RATIO) };
};

describe('adversarial inputs run in linear time (numcheck extract/check)', () => {
  for (const f of FAMILIES) {
    if (f.name in KNOWN_SLOW) {
      // FAILS because of code other engineers own (KNOWN_SLOW says whose): it does not finish within the bound
      test.failing(`${f.name} (known slow: ${KNOWN_SLOW[f.name]})`, () => {
        const r = slowResults.get(f.name)!;
        expect(r.timedOut).toBe(false);
        expect(r.cpuMs!).toBeLessThanOrEqual(CPU_BOUND_MS);
      });
      continue;
    }
    test(f.name, async () => {
      const full = await measure(f, f.full, WALL_BOUND_MS);
      const runs: Run[] = [full];
      results.set(f.name, runs);
      expect({ timedOut: full.timedOut, code: full.code }).toEqual({ timedOut: false, code: f.command === 'check' ? expect.any(Number) : 0 });
      expect(full.stderr).not.toMatch(/\n\s+at /);
      expect(full.cpuMs!).toBeLessThanOrEqual(CPU_BOUND_MS);
      const quarter = await measure(f, Math.round(f.full / 4), WALL_BOUND_MS);
      const half = await measure(f, Math.round(f.full / 2), WALL_BOUND_MS);
      runs.unshift(quarter, half);
      let sizes = [quarter, half, full];
      let ratios = ratiosOf(sizes);
      if (!ratios.ok) {
        // One run slowed by the machine (a GC pause, another process) can fake a 3x step; a quadratic pass cannot
        // hide from a second run. Each size runs again and keeps its faster run.
        const again = await Promise.all([4, 2, 1].map((d) => measure(f, Math.round(f.full / d), WALL_BOUND_MS, '-again')));
        runs.push(...again);
        sizes = sizes.map((r, i) => ((again[i]!.cpuMs ?? Infinity) < (r.cpuMs ?? Infinity) ? again[i]! : r));
        ratios = ratiosOf(sizes);
      }
      expect({ family: f.name, cpu: sizes.map((r) => r.cpuMs), startUp: baseCpu, ...ratios }).toEqual(expect.objectContaining({ ok: true }));
    }, 3 * WALL_BOUND_MS + 10000);
  }
});
