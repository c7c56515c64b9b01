/**
 * `npm run eval` (src/eval/run.ts) prints exactly what ../shared/eval/run_eval.py prints, given the same checker:
 * a stand-in checker (fixtures/fake-checker.mjs) turns the gold into a perfect or flawed report, crashes, or prints
 * broken JSON. Also: exit codes of --min/--max, --json, defaults, usage errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { runEval, type EvalIO } from '../../src/eval/run.js';
import { FAKE_CHECKER, cleanup, HAVE_PYTHON, HAVE_SEEDS, ROOT, SHARED_EVAL, notePythonMissing, tmp } from './helpers.js';

const describeSeeds = HAVE_SEEDS ? describe : describe.skip;
afterAll(cleanup);

function ours(args: string[], env: Record<string, string> = {}, cwd = ROOT): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: EvalIO = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    cwd,
    root: ROOT,
    env: { ...process.env, NUMCHECK: `node ${FAKE_CHECKER}`, PROJECT: ROOT, ...env },
  };
  const code = runEval(args, io);
  return { code, out, err };
}

function reference(args: string[], env: Record<string, string>): { code: number; out: string } {
  const r = spawnSync('python3', [join(SHARED_EVAL, 'run_eval.py'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NUMCHECK: `node ${FAKE_CHECKER}`, PROJECT: ROOT, ...env },
  });
  return { code: r.status ?? -1, out: r.stdout };
}

const VISIBLE = join(SHARED_EVAL, 'visible');

describeSeeds('eval runner vs run_eval.py on the visible set', () => {
  test.each([
    ['perfect', ['--errors', '3']],
    ['flawed', ['--errors', '10', '--min', 'extract_f1=0.9', '--max', 'trap_hits=0']],
    ['empty', ['--errors', '2']],
    ['garbage', ['--errors', '1', '--min', 'extract_p=0']],
  ])('checker mode %s', (mode, extra) => {
    const env = { FAKE_MODE: mode };
    const got = ours([VISIBLE, ...extra], env);
    if (mode === 'perfect') expect(got.out).toMatch(/^seeds: \{"extract_p": 1\.0, "extract_r": 1\.0, "extract_f1": 1\.0, .*\}\nvisible micro: \{.*"clusters": 1, "crashed": 0\}\n$/);
    if (mode === 'empty') expect(got.out).toContain('seeds: checker failed: Expecting value: line 1 column 1 (char 0) numcheck: internal error: something broke\n');
    if (mode === 'garbage') expect(got.out).toContain('seeds: checker failed: Expecting value: line 1 column 30 (char 29) \n');
    expect(got.code).toBe(mode === 'perfect' ? 0 : 1);
    if (!HAVE_PYTHON) return notePythonMissing();
    const ref = reference(['visible', ...extra], env);
    expect(got.out).toBe(ref.out);
    expect(got.code).toBe(ref.code);
  });

  test('--min/--max gate the exit code, per set or scoped with SET:KEY', () => {
    expect(ours([VISIBLE, '--min', 'extract_f1=0.99'], { FAKE_MODE: 'perfect' }).code).toBe(0);
    const miss = ours([VISIBLE, '--min', 'extract_f1=0.99', 'disc_f1=0.4'], { FAKE_MODE: 'flawed' });
    expect(miss.code).toBe(1);
    expect(miss.err).toBe('eval: visible: extract_f1 0.971 < min 0.99\n');
    expect(ours([VISIBLE, '--max', 'trap_hits=0'], { FAKE_MODE: 'flawed' }).code).toBe(1);
    expect(ours([VISIBLE, '--max', 'other:trap_hits=0'], { FAKE_MODE: 'flawed' }).code).toBe(0);
    expect(ours([VISIBLE, '--max', 'visible:trap_hits=0'], { FAKE_MODE: 'flawed' }).code).toBe(1);
  });

  test('--json writes every metric, error and summary', () => {
    const file = join(tmp('evaljson'), 'out/eval.json');
    const r = ours([VISIBLE, '--json', file], { FAKE_MODE: 'flawed' });
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8'));
    expect(j.ok).toBe(true);
    expect(j.sets[0].label).toBe('visible');
    expect(j.sets[0].micro).toMatchObject({ extract_f1: 0.971, trap_hits: 1, clusters: 1, crashed: 0 });
    expect(j.sets[0].clusters[0].metrics).toMatchObject({ claims: 52, matched: 50, spurious: 1, trap_hits: 1 });
    expect(j.sets[0].clusters[0].metrics.errors.length).toBeGreaterThan(3);
  });

  test('no SET_DIR: the visible set plus the dev-eval fixtures and examples when they hold clusters', () => {
    const r = ours([], { FAKE_MODE: 'perfect' });
    expect(r.out).toMatch(/^seeds: /);
    expect(r.out).toContain('\nvisible micro: ');
    const dev = join(ROOT, 'test/fixtures/dev-eval');
    if (existsSync(dev)) expect(r.out).toContain('dev-eval micro: ');
  });
});

describe('eval runner on clusters of its own', () => {
  test('a cluster folder given directly is a set of one; a BOM in a document does not shift anything', () => {
    const set = tmp('evalset');
    const c = join(set, 'bom-cluster');
    mkdirSync(join(c, 'docs'), { recursive: true });
    writeFileSync(join(c, 'docs/a.txt'), '\uFEFF\u{1F4F0} 5 killed, about 300 injured.\n');
    writeFileSync(
      join(c, 'gold.json'),
      JSON.stringify({
        documents: [{ file: 'docs/a.txt', date: null, date_in_text: false }],
        figures: [
          { id: 'a1', file: 'docs/a.txt', surface: '5', occurrence: 1, value: 5, low: 5, high: 5, qualifier: 'exact', unit: 'count', measure: 'killed' },
          { id: 'a2', file: 'docs/a.txt', surface: 'about 300', occurrence: 1, value: 300, low: 270, high: 330, qualifier: 'approx', unit: 'count', measure: 'injured' },
        ],
        relations: [],
        traps: [],
      }),
    );
    const asSet = ours([set], { FAKE_MODE: 'perfect' });
    const asCluster = ours([c], { FAKE_MODE: 'perfect' });
    expect(asSet.out).toMatch(/^bom-cluster: \{"extract_p": 1\.0, "extract_r": 1\.0, "extract_f1": 1\.0/);
    expect(asSet.out).toContain(`\n${set.split('/').pop()} micro: `);
    expect(asCluster.out.split('\n')[0]).toBe(asSet.out.split('\n')[0]);
    expect(asCluster.out).toContain('\nbom-cluster micro: ');
  });

  test('relative SET_DIRs resolve from the caller\'s directory; a missing one is a usage error', () => {
    const set = tmp('evalrel');
    if (HAVE_SEEDS) cpSync(join(SHARED_EVAL, 'visible'), join(set, 'copy'), { recursive: true });
    const r = ours(['copy'], { FAKE_MODE: 'perfect' }, set);
    if (HAVE_SEEDS) expect(r.out).toContain('copy micro: ');
    const bad = ours(['does-not-exist'], {}, set);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no such folder');
  });

  test('usage errors exit 2; --help exits 0', () => {
    expect(ours(['--min']).code).toBe(2);
    expect(ours(['--min', 'bogus_key=1']).err).toContain('unknown figure "bogus_key"');
    expect(ours(['--errors', 'x']).code).toBe(2);
    expect(ours(['--frobnicate']).code).toBe(2);
    const h = ours(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('usage: npm run eval');
  });
});
