/**
 * --jobs N runs batches on worker threads; the output must be byte-identical to --jobs 1. Small batches stay
 * in-process, so the pool is forced here (NUMCHECK_FORCE_POOL=1) on a batch of a dozen documents. The CLI is
 * run as a process from the bundle (dist/, built when missing) so the worker and the main thread are one build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../../src/extract/index.js';
import { extendLexicon, getLexicon } from '../../src/lexicon/index.js';
import { lexiconFromWire, lexiconToWire } from '../../src/parallel/wire.js';
import { processOrdered, resolveJobs } from '../../src/parallel/pool.js';
import { ingestText } from '../../src/ingest/index.js';
import { streamExtractJsonl } from '../../src/parallel/stream.js';
import { packageRoot } from '../../src/util/paths.js';

const root = packageRoot();
const bin = join(root, 'bin', 'numcheck.js');

function ensureBuilt(): void {
  if (!existsSync(join(root, 'dist', 'numcheck.mjs')) || !existsSync(join(root, 'dist', 'worker.mjs'))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
}

function batch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'numcheck-jobs-'));
  const fixtures = join(root, 'test', 'fixtures', 'dev-eval');
  for (const event of readdirSync(fixtures)) {
    const docs = join(fixtures, event, 'docs');
    if (!existsSync(docs)) continue;
    for (const f of readdirSync(docs)) copyFileSync(join(docs, f), join(dir, `${event}-${f}`));
  }
  // a JSONL batch too: documents from one file, line numbers in ids
  const lines = [
    { id: 'a', text: 'Police said 12,000 people marched on Saturday. Organisers put the crowd at 40,000.', date: '2024-03-02', outlet: 'Wire' },
    { id: 'b', text: 'About 15,000 people marched through the city on Saturday, police said.', date: '2024-03-02' },
    { text: 'The 1,100-km (684-mile) pipeline cost $2.4 billion.' },
    'not json',
  ];
  writeFileSync(join(dir, 'zz-batch.jsonl'), lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return dir;
}

function run(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--jobs', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = batch();
  });

  test('check -f json: --jobs 2 (pool forced) is byte-identical to --jobs 1', () => {
    const one = run(['check', dir, '-f', 'json', '--jobs', '1']);
    const two = run(['check', dir, '-f', 'json', '--jobs', '2', '--debug'], { NUMCHECK_FORCE_POOL: '1' });
    expect(two.stderr).toContain('2 worker threads');
    expect(one.code).toBe(two.code);
    expect(JSON.parse(one.stdout).claims.length).toBeGreaterThan(100);
    expect(two.stdout).toBe(one.stdout);
    // document errors are reported once per document, in input order, whatever the threads
    expect(two.stderr.replace(/^numcheck: 2 worker threads.*\n/m, '')).toBe(one.stderr);
  });

  test('extract -f jsonl and text report: identical too', () => {
    for (const args of [['extract', dir, '-f', 'jsonl'], ['check', dir, '--no-color']]) {
      const one = run([...args, '--jobs', '1']);
      const two = run([...args, '--jobs', '2'], { NUMCHECK_FORCE_POOL: '1' });
      expect(two.stdout).toBe(one.stdout);
    }
  });

  test('streamed extract -f jsonl (src/parallel/stream.ts) writes the lines extract -f jsonl prints', async () => {
    const cli = run(['extract', dir, '-f', 'jsonl', '--jobs', '1']);
    const out = join(mkdtempSync(join(tmpdir(), 'numcheck-stream-')), 'out.jsonl');
    const stderr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write; // document errors are reported on stderr
    try {
      const stats = await streamExtractJsonl([dir], { jobs: 1, outputFile: out });
      expect(stats.documents).toBe(cli.stdout.trim().split('\n').length);
    } finally {
      process.stderr.write = stderr;
    }
    expect(readFileSync(out, 'utf8')).toBe(cli.stdout);
  });

  test('--jobs must be a positive whole number', () => {
    const r = run(['extract', dir, '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a whole number/);
    expect(resolveJobs(undefined)).toBeGreaterThanOrEqual(1);
  });
});

describe('pool decisions (in-process API)', () => {
  test('a small batch stays in-process, in input order', async () => {
    const docs = ['It cost $5 million.', 'Some 300 people came.', 'The 12 km road.'].map((t, i) => ingestText(t, { id: `d${i}.txt`, path: `d${i}.txt` }));
    const modes: string[] = [];
    const out = [];
    for await (const r of processOrdered(docs, { jobs: 2, onMode: (m) => modes.push(m.why) })) out.push(r);
    expect(modes).toEqual(['small batch']);
    expect(out.map((r) => r.doc.id)).toEqual(['d0.txt', 'd1.txt', 'd2.txt']);
    expect(out.map((r) => r.claims[0]?.docIndex)).toEqual([0, 1, 2]);
  });

  test('a lexicon extended by user files survives the trip to a worker (PhraseIndex rebuilt)', () => {
    const ext = extendLexicon([{ name: 'units', data: { lexicon: 'units', entries: [{ name: 'furlong', dimension: 'length', mathjs: '201.168 m', words: ['furlong', 'furlongs'] }] } }]);
    expect(lexiconToWire(getLexicon())).toBeNull();
    const wire = lexiconToWire(ext)!;
    const back = lexiconFromWire(structuredClone(wire));
    const text = 'The horse ran 8 furlongs and 3 km.';
    const strip = (ms: ReturnType<typeof extract>) => JSON.stringify(ms);
    expect(strip(extract(text, [], { lexicon: back }))).toBe(strip(extract(text, [], { lexicon: ext })));
    expect(extract(text, [], { lexicon: back }).map((m) => m.unit)).toContain('furlong');
  });

  test('a lexicon used before it is sent reads the same on the other side (its word-hash tables made again there)', () => {
    const ext = extendLexicon([{ name: 'units', data: { lexicon: 'units', entries: [{ name: 'furlong', dimension: 'length', mathjs: '201.168 m', words: ['furlong', 'furlongs'] }] } }]);
    const text = 'The horse ran 8 furlongs and 3 km, about $5 million, a dozen people.';
    const here = JSON.stringify(extract(text, [], { lexicon: ext }));
    const back = lexiconFromWire(structuredClone(lexiconToWire(ext)!));
    expect(JSON.stringify(extract(text, [], { lexicon: back }))).toBe(here);
  });
});
