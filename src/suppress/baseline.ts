/**
 * Baseline files, for adopting numcheck on an archive: `--update-baseline` records the current findings,
 * `--baseline FILE` drops the findings recorded in it, so only new ones are reported.
 *
 *   {
 *     "version": 1,
 *     "tool": "numcheck",
 *     "findings": [
 *       { "fingerprint": "…", "rule": "cross-source-mismatch", "documents": ["a.md", "b.html"],
 *         "figures": ["1,240", "1,420"], "count": 1 }
 *     ]
 *   }
 *
 * A finding is identified by the fingerprint the SARIF report gives it (src/report/sarif.ts `fingerprint`):
 * a hash of the rule id and the sorted (document id, normalised claim text) pairs — the claim text carries the
 * figure as written, so editing a figure makes a new finding, while moving text (line shifts) keeps it.
 * Document ids are recorded relative to the baseline file's folder, so the file works from any working
 * directory. `count` is how many findings share a fingerprint (the same figures twice in one text);
 * `rule`, `documents` and `figures` are for people reading the file. Entries are sorted: the file is
 * byte-identical for the same findings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { displayPath, positionOf, readDataFile } from '../lexicon/datafile.js';
import { indexInput } from '../report/common.js';
import { fingerprint } from '../report/sarif.js';
import type { Claim, Document, Finding } from '../types.js';
import { DataFileError, UserError, type FileProblem } from '../util/errors.js';
import { documentId } from '../ingest/paths.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  documents: string[];
  figures: string[];
  count: number;
}

export interface BaselineContext {
  documents: Document[];
  claims: Claim[];
  /** The baseline file (absolute or relative to cwd). */
  file: string;
  cwd?: string;
}

/** Fingerprints of the findings, in order, with document ids relative to the baseline's folder. */
export function fingerprints(findings: Finding[], ctx: BaselineContext): string[] {
  const cwd = ctx.cwd ?? process.cwd();
  const base = dirname(resolve(cwd, ctx.file));
  const rebased = new Map<string, string>();
  for (const d of ctx.documents) rebased.set(d.id, rebaseId(d, base, cwd));
  const claims = ctx.claims.map((c) => ({ ...c, document: rebased.get(c.document) ?? c.document }));
  const ix = indexInput({ documents: ctx.documents, claims, findings, checks: [], command: 'check', cwd });
  return findings.map((f) => fingerprint(f, ix));
}

/** A document id relative to `base` instead of the working directory ("-" and ids outside any file kept). */
function rebaseId(d: Document, base: string, cwd: string): string {
  if (d.id === '-') return d.id;
  const fileId = documentId(d.path, cwd);
  if (d.id !== fileId && !d.id.startsWith(`${fileId}#`)) return d.id;
  const abs = resolve(cwd, fileId);
  let rel = relative(base, abs);
  if (!rel || isAbsolute(rel)) rel = abs;
  return rel.split(sep).join('/') + d.id.slice(fileId.length);
}

/** The baseline entries for these findings, sorted. */
export function baselineEntries(findings: Finding[], ctx: BaselineContext): BaselineEntry[] {
  const prints = fingerprints(findings, ctx);
  const cwd = ctx.cwd ?? process.cwd();
  const base = dirname(resolve(cwd, ctx.file));
  const docIds = new Map(ctx.documents.map((d) => [d.id, rebaseId(d, base, cwd)]));
  const claims = new Map(ctx.claims.map((c) => [c.id, c]));
  const byPrint = new Map<string, BaselineEntry>();
  findings.forEach((f, i) => {
    const fp = prints[i]!;
    const hit = byPrint.get(fp);
    if (hit) {
      hit.count++;
      return;
    }
    const cs = f.claims.map((id) => claims.get(id)).filter((c): c is Claim => !!c);
    byPrint.set(fp, {
      fingerprint: fp,
      rule: f.rule,
      documents: [...new Set(cs.map((c) => docIds.get(c.document) ?? c.document))].sort(cmp),
      figures: cs.map((c) => c.text.replace(/\s+/g, ' ').trim()).sort(cmp),
      count: 1,
    });
  });
  return [...byPrint.values()].sort(
    (a, b) => cmp(a.rule, b.rule) || cmp(a.documents.join('\n'), b.documents.join('\n')) || cmp(a.figures.join('\n'), b.figures.join('\n')) || cmp(a.fingerprint, b.fingerprint),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatBaseline(entries: BaselineEntry[]): string {
  return JSON.stringify({ version: BASELINE_VERSION, tool: 'numcheck', findings: entries }, null, 2) + '\n';
}

export function writeBaseline(file: string, entries: BaselineEntry[]): void {
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, formatBaseline(entries));
  } catch (e) {
    throw new UserError(`cannot write the baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Read a baseline: fingerprint → count. A missing or malformed file is a user error (exit 2), located. */
export function readBaseline(file: string): Map<string, number> {
  const parsed = (() => {
    try {
      return readDataFile(file);
    } catch (e) {
      if (e instanceof DataFileError && /cannot read: no such file/.test(e.message)) {
        throw new UserError(`baseline file not found: ${displayPath(file)} (create it with --update-baseline)`);
      }
      throw e;
    }
  })();
  const shown = displayPath(parsed.file);
  const problems: FileProblem[] = [];
  const at = (pointer: string, message: string) => {
    const pos = positionOf(parsed, pointer);
    problems.push({ file: shown, line: pos.line, column: pos.column, message });
  };
  const data = parsed.data as Record<string, unknown> | null;
  const counts = new Map<string, number>();
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    at('', 'a baseline is a JSON object with "version" and "findings" (write one with --update-baseline)');
  } else if (data.version !== BASELINE_VERSION) {
    at('/version', `baseline version ${JSON.stringify(data.version ?? null)} is not supported (this numcheck reads version ${BASELINE_VERSION}); rewrite it with --update-baseline`);
  } else if (!Array.isArray(data.findings)) {
    at('/findings', '"findings" must be a list');
  } else {
    data.findings.forEach((e: unknown, i: number) => {
      const entry = e as Record<string, unknown> | null;
      if (!entry || typeof entry !== 'object' || typeof entry.fingerprint !== 'string' || !entry.fingerprint) {
        at(`/findings/${i}`, `findings[${i}] needs a "fingerprint" string`);
        return;
      }
      const n = entry.count === undefined ? 1 : entry.count;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
        at(`/findings/${i}/count`, `findings[${i}].count must be a whole number of at least 1`);
        return;
      }
      counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + n);
    });
  }
  if (problems.length) throw new DataFileError(problems);
  return counts;
}

/** Split findings into those the baseline records (up to its count per fingerprint) and new ones. */
export function applyBaseline(findings: Finding[], counts: Map<string, number>, ctx: BaselineContext): { kept: Finding[]; baselined: Finding[] } {
  const prints = fingerprints(findings, ctx);
  const left = new Map(counts);
  const kept: Finding[] = [];
  const baselined: Finding[] = [];
  findings.forEach((f, i) => {
    const n = left.get(prints[i]!) ?? 0;
    if (n > 0) {
      left.set(prints[i]!, n - 1);
      baselined.push(f);
    } else kept.push(f);
  });
  return { kept, baselined };
}
