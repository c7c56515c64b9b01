/** Shared by the eval tests: where the reference material is, python3 detection, and synthetic reports from gold. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldSpan, readText } from '../../src/eval/score.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_EVAL = resolve(ROOT, '../shared/eval');
export const SEEDS = join(SHARED_EVAL, 'visible/seeds');
export const FAKE_CHECKER = join(ROOT, 'test/eval/fixtures/fake-checker.mjs');

export const HAVE_SEEDS = existsSync(join(SEEDS, 'gold.json'));
export const HAVE_PYTHON = (() => {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[0])'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === '3';
})();

let noted = false;
/** Say once, visibly, that the comparison with the Python reference is skipped. */
export function notePythonMissing(): void {
  if (noted || HAVE_PYTHON) return;
  noted = true;
  console.warn('NOTE: python3 not found: the TypeScript scorer is checked against fixed numbers only, not against score.py');
}

const made: string[] = [];
/** A fresh temporary folder, removed by `cleanup()`. */
export function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `numcheck-${prefix}-`));
  made.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Runs `python3 score.py CLUSTER REPORT` on a report object; returns its stdout. */
export function pythonScore(cluster: string, report: unknown): string {
  const dir = tmp('pyscore');
  const file = join(dir, 'report.json');
  writeFileSync(file, JSON.stringify(report));
  const r = spawnSync('python3', [join(SHARED_EVAL, 'score.py'), cluster, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`score.py failed: ${r.stderr}`);
  return r.stdout;
}

export interface GoldFigure {
  id: string;
  file: string;
  surface: string;
  occurrence?: number;
  value: number;
  low: number | null;
  high: number | null;
  qualifier: string;
  unit: string;
  measure: string;
}

export interface Gold {
  documents: Array<{ file: string; date: string | null; date_in_text?: boolean }>;
  figures: GoldFigure[];
  relations?: Array<{ a: string; b: string; verdict: string; kind: string }>;
  traps?: Array<{ file: string; surface: string; occurrence?: number }>;
}

export type Claim = Record<string, unknown> & { id: string; document: string; span: { start: number; end: number } };
export interface Report {
  version: 1;
  documents: Array<Record<string, unknown>>;
  claims: Claim[];
  findings: Array<{ id: string; rule: string; severity: string; kind: string; message: string; claims: string[] }>;
}

/** A perfect report for a cluster: every gold figure as a claim (ids "c-<fig id>"), every discrepancy found, gold dates. */
export function perfectReport(cluster: string, gold: Gold): Report {
  const texts = new Map(gold.documents.map((d) => [d.file, readText(join(cluster, d.file))]));
  const docId = (f: string) => `doc-${gold.documents.findIndex((d) => d.file === f)}`;
  const claims: Claim[] = [];
  for (const g of gold.figures) {
    const sp = goldSpan(texts.get(g.file)!, g.surface, g.occurrence ?? 1);
    if (!sp) continue;
    claims.push({
      id: `c-${g.id}`,
      document: docId(g.file),
      span: { start: sp[0], end: sp[1] },
      text: g.surface,
      value: g.value,
      low: g.low,
      high: g.high,
      qualifier: g.qualifier,
      unit: g.unit,
      measure: g.measure,
    });
  }
  return {
    version: 1,
    documents: gold.documents.map((d, i) => ({ id: `doc-${i}`, path: join(cluster, d.file), format: 'text', date: d.date, outlet: null, title: null, errors: [] })),
    claims,
    findings: (gold.relations ?? [])
      .filter((r) => r.verdict === 'discrepancy')
      .map((r, i) => ({ id: `f${i}`, rule: 'cross-source', severity: 'warning', kind: r.kind, message: `${r.a} vs ${r.b}`, claims: [`c-${r.a}`, `c-${r.b}`] })),
  };
}
