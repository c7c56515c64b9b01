/**
 * `numcheck check <paths..>`: cross-check every figure across the documents and inside each one.
 * `numcheck review <draft> --against <paths..>` (review.ts) shares everything here but keeps only findings
 * that involve the draft.
 *
 * After the rules run, in order: inline numcheck-disable directives (check: in every document; review: in the
 * draft), then --update-baseline (record and stop) or --baseline (drop recorded findings), then
 * --report-unused-disable-directives (warnings), then --quiet (errors only), then the report and the exit code.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClaimContext } from '../../context/index.js';
import { applyTolerances } from '../../config/index.js';
import { resolveRunOptions, type CliFlags, type RunOptions } from '../../config/options.js';
import { checkClaims, loadRuleSet } from '../../pipeline.js';
import { render, shouldColor, type ReportFormat } from '../../report/index.js';
import { applyDirectives, readDirectives, unusedDirectiveFindings, unusedDirectives, type Directive, type UnusedDirective } from '../../suppress/index.js';
import type { CheckResult, Document, Finding } from '../../types.js';
import { UserError } from '../../util/errors.js';
import { tuneJit } from '../../util/jit.js';
import { displayPath } from '../../lexicon/datafile.js';
import { assertSomethingRead, exitCodeFor, readInputs, TOOL_VERSION, warn, writeOutput, type InputArgs } from '../common.js';

export interface CheckArgs extends InputArgs, CliFlags {
  paths: string[];
  format?: string;
  outputFile?: string;
  color?: boolean;
}

export interface Checked {
  documents: Document[];
  claims: ClaimContext[];
  findings: Finding[];
  checks: CheckResult[];
  rules: Awaited<ReturnType<typeof loadRuleSet>>['rules'];
  /** numcheck-disable directives by document id, read as each document came in (before any text is dropped). */
  directives?: Map<string, Directive[]>;
}

/** The run's options (flags over config) plus the baseline, read before any document so a bad one fails fast. */
export interface Prepared extends RunOptions {
  baselineCounts: Map<string, number> | null;
}

const REPORT_FORMATS = ['text', 'json', 'jsonl', 'markdown', 'html', 'sarif', 'github'];

export async function prepare(args: CheckArgs): Promise<Prepared> {
  const run = await resolveRunOptions(args, { reportFormat: true });
  if (run.format !== undefined && !REPORT_FORMATS.includes(run.format)) throw new UserError(`unknown format "${run.format}" (${REPORT_FORMATS.join(', ')})`);
  // (the baseline code and node:crypto load only when a baseline is in use)
  const baselineCounts = run.baseline && !run.updateBaseline ? (await import('../../suppress/baseline.js')).readBaseline(run.baseline) : null;
  return { ...run, baselineCounts };
}

/** Load rules (and the config's tolerances), read the documents, run the rules. */
export async function checkPaths(paths: string[], args: CheckArgs, prepared?: Prepared): Promise<Checked> {
  const run = prepared ?? (await prepare(args));
  const set = await loadRuleSet(run.rules, run.defaultRules);
  await applyTolerances(run.config, set.rules);
  const ruleIds = set.rules.map((r) => r.id);
  const directives = new Map<string, Directive[]>();
  const { documents, claims } = await readInputs(paths, args, run, {
    lexicon: set.lexicon,
    format: run.format ?? 'text',
    fromBatch: true,
    onDocument: (doc) => {
      const { directives: ds, warnings } = readDirectives(doc, ruleIds);
      for (const w of warnings) warn(`${w.path}:${w.line}:${w.column}: ${w.message}`);
      if (ds.length) directives.set(doc.id, ds);
    },
  });
  assertSomethingRead(documents);
  const { findings, checks } = checkClaims(documents, claims, set);
  return { documents, claims, findings, checks, rules: set.rules, directives };
}

/**
 * Suppress, baseline, report, exit code.
 * @param directiveDocs ids of the documents whose directives count (default: all)
 */
export async function report(command: 'check' | 'review', r: Checked, args: CheckArgs, prepared?: Prepared, directiveDocs?: Set<string>): Promise<number> {
  const run = prepared ?? (await prepare(args));
  const cwd = process.cwd();

  // 1. inline directives
  let directives = r.directives;
  if (!directives) {
    // a caller that read the documents itself (review --against-index): read the directives now
    directives = new Map();
    const ids = r.rules.map((x) => x.id);
    for (const d of r.documents) {
      if (directiveDocs && !directiveDocs.has(d.id)) continue;
      const { directives: ds, warnings } = readDirectives(d, ids);
      for (const w of warnings) warn(`${w.path}:${w.line}:${w.column}: ${w.message}`);
      if (ds.length) directives.set(d.id, ds);
    }
  }
  const scoped = directiveDocs ? new Map([...directives].filter(([id]) => directiveDocs.has(id))) : directives;
  const sup = applyDirectives(r.findings, r.claims, scoped);
  let findings = sup.kept;

  // 2. baseline
  const ctx = { documents: r.documents, claims: r.claims, file: run.baseline ?? '', cwd };
  if (run.updateBaseline) {
    const { baselineEntries, writeBaseline } = await import('../../suppress/baseline.js');
    const entries = baselineEntries(findings, ctx);
    writeBaseline(run.baseline!, entries);
    const n = entries.reduce((s, e) => s + e.count, 0);
    warn(`baseline ${displayPath(run.baseline!)} written: ${n} finding${n === 1 ? '' : 's'} recorded`);
    return 0;
  }
  let baselined = 0;
  if (run.baselineCounts) {
    const { applyBaseline } = await import('../../suppress/baseline.js');
    const b = applyBaseline(findings, run.baselineCounts, ctx);
    findings = b.kept;
    baselined = b.baselined.length;
  }

  // 3. unused directives, 4. --quiet
  let unused: UnusedDirective[] = run.reportUnused ? unusedDirectives(sup, r.documents.map((d) => d.id)) : [];
  if (run.quiet) {
    findings = findings.filter((f) => f.severity === 'error');
    unused = [];
  }
  const unusedFindings = unusedDirectiveFindings(unused);

  // 5. the report
  const format = (run.format ?? 'text') as ReportFormat | 'jsonl';
  const color = args.outputFile ? args.color === true : shouldColor({ flag: args.color, isTTY: !!process.stdout.isTTY, env: process.env });
  const width = args.outputFile ? 100 : process.stdout.columns || 100;
  const counts = { suppressed: sup.suppressed.length, baselined };
  const note = suppressedNote(counts);
  let out: string;
  if (format === 'jsonl') {
    // one line per document: its claims and the findings that involve them
    out = '';
    const { buildReport } = await import('../../report/json.js');
    const { groupByDocument } = await import('./extract.js');
    const byDoc = groupByDocument(r.claims);
    for (const d of r.documents) {
      const cl = byDoc.get(d.id) ?? [];
      const ids = new Set(cl.map((c) => c.id));
      const line: Record<string, unknown> = { ...buildReport([d], cl, findings.filter((f) => f.claims.some((id) => ids.has(id))), r.checks.filter((k) => k.claims.some((id) => ids.has(id)))) };
      const mine = unused.filter((u) => u.directive.document === d.id);
      if (mine.length) line.unusedDirectives = mine.map(unusedEntry);
      out += JSON.stringify(line) + '\n';
    }
  } else if (format === 'json') {
    const { buildReport, formatJson } = await import('../../report/json.js');
    const base = buildReport(r.documents, r.claims, findings, r.checks);
    const sev = (s: string) => findings.filter((f) => f.severity === s).length;
    const full = {
      ...base,
      ...(run.reportUnused ? { unusedDirectives: unused.map(unusedEntry) } : {}),
      summary: { errors: sev('error'), warnings: sev('warning'), info: sev('info'), suppressed: counts.suppressed, baselined, unusedDirectives: unused.length },
    };
    out = formatJson(full as typeof base);
  } else {
    if (!['text', 'markdown', 'html', 'sarif', 'github'].includes(format)) throw new UserError(`unknown format "${format}"`);
    const withUnused = format === 'github' ? findings : [...findings, ...unusedFindings];
    out = await render(
      format as ReportFormat,
      {
        documents: r.documents,
        claims: r.claims,
        findings: withUnused,
        checks: r.checks,
        rules: r.rules.map((x) => ({ id: x.id, check: x.check, severity: x.severity, description: x.description, link: x.link ?? null })),
        command,
        cwd,
      },
      { color, toolVersion: TOOL_VERSION, quiet: run.quiet, width },
    );
    if (format === 'github' && unused.length) {
      // located annotations (the renderer only locates findings through their claims)
      const { escapeData, escapeProperty } = await import('../../report/github.js');
      const lines = out.replace(/\n$/, '').split('\n');
      const summary = lines.pop()!;
      for (const u of unused) {
        const d = u.directive;
        lines.push(`::warning file=${escapeProperty(d.path)},line=${d.line},col=${d.column},title=${escapeProperty('numcheck unused-disable-directive')}::${escapeData(u.message)}`);
      }
      out = [...lines, summary].join('\n') + '\n';
    }
    if (format === 'sarif' && unused.length) out = await locateUnusedInSarif(out, unused, r.documents, cwd);
    if (note && out) {
      if (format === 'text') out += (color ? `\x1b[2m  (${note})\x1b[22m` : `  (${note})`) + '\n';
      else if (format === 'markdown') out += `\n_${note[0]!.toUpperCase()}${note.slice(1)}._\n`;
      else if (format === 'github') out += `numcheck: ${note}\n`;
    }
  }
  writeOutput(out, args.outputFile);
  return exitCodeFor([...findings, ...unusedFindings], { failLevel: run.failLevel, maxWarnings: run.maxWarnings });
}

/**
 * Give the unused-directive results of a SARIF report their location (the comment in the draft): the renderer
 * locates results through claims, and code scanning drops results without a location.
 */
async function locateUnusedInSarif(text: string, unused: UnusedDirective[], documents: Document[], cwd: string): Promise<string> {
  const { docPath, isOutside } = await import('../../report/common.js');
  const sarif = JSON.parse(text) as { runs: Array<{ artifacts: Array<{ location: { uri: string } }>; results: Array<Record<string, unknown>> }> };
  const run = sarif.runs[0]!;
  const docs = new Map(documents.map((d) => [d.id, d]));
  const located = unusedDirectiveFindings(unused).map((f, i) => ({ id: f.id, u: unused[i]! }));
  run.results = run.results.map((res) => {
    const hit = located.find((l) => (res.properties as { findingId?: string } | undefined)?.findingId === l.id);
    const doc = hit ? docs.get(hit.u.directive.document) : undefined;
    if (!hit || !doc) return res;
    const d = hit.u.directive;
    const outside = isOutside(doc, cwd);
    const uri = outside ? pathToFileURL(resolve(cwd, doc.path)).href : docPath(doc, doc.id, cwd).split('/').map(encodeURIComponent).join('/');
    const index = run.artifacts.findIndex((a) => a.location.uri === uri);
    const artifactLocation: Record<string, unknown> = outside ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
    if (index >= 0) artifactLocation.index = index;
    const region = { startLine: d.line, startColumn: d.column, endLine: d.endLine, charOffset: d.start, charLength: d.end - d.start, snippet: { text: d.text } };
    const { ruleId, ruleIndex, level, message, ...rest } = res;
    return { ruleId, ruleIndex, level, message, locations: [{ physicalLocation: { artifactLocation, region } }], ...rest };
  });
  return JSON.stringify(sarif, null, 2) + '\n';
}

function unusedEntry(u: UnusedDirective): Record<string, unknown> {
  const d = u.directive;
  return { document: d.document, line: d.line, column: d.column, directive: d.text, kind: d.kind, rules: u.rules, severity: 'warning', message: u.message };
}

function suppressedNote(c: { suppressed: number; baselined: number }): string {
  const parts: string[] = [];
  const n = (k: number) => `${k} finding${k === 1 ? '' : 's'}`;
  if (c.suppressed) parts.push(`${n(c.suppressed)} suppressed by numcheck-disable comments`);
  if (c.baselined) parts.push(`${n(c.baselined)} recorded in the baseline`);
  return parts.length ? `not shown: ${parts.join('; ')}` : '';
}

export async function runCheck(args: CheckArgs): Promise<number> {
  // in-process runs too (--jobs 1, batches too small for the pool): the rule engine's pairwise loop tiers up
  // like the extractor (see util/jit.ts)
  tuneJit();
  const run = await prepare(args);
  const r = await checkPaths(args.paths, args, run);
  return report('check', r, args, run);
}
