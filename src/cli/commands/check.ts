/**
 * `numcheck check <paths..>`: cross-check every figure across the documents and inside each one.
 * `numcheck review <draft> --against <paths..>` (review.ts) shares everything here but keeps only findings
 * that involve the draft.
 */
import type { ClaimContext } from '../../context/index.js';
import { checkClaims, loadRuleSet } from '../../pipeline.js';
import { render, shouldColor, type ReportFormat } from '../../report/index.js';
import type { CheckResult, Document, Finding } from '../../types.js';
import { UserError } from '../../util/errors.js';
import { assertSomethingRead, exitCodeFor, readAndExtract, TOOL_VERSION, writeOutput, type InputArgs } from '../common.js';

export interface CheckArgs extends InputArgs {
  paths: string[];
  format?: string;
  outputFile?: string;
  config?: string;
  rules?: string[];
  defaultRules?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  failLevel?: 'error' | 'warning' | 'info';
  color?: boolean;
}

export interface Checked {
  documents: Document[];
  claims: ClaimContext[];
  findings: Finding[];
  checks: CheckResult[];
  rules: Awaited<ReturnType<typeof loadRuleSet>>['rules'];
}

/** Load rules, read the documents, run the rules. */
export async function checkPaths(paths: string[], args: CheckArgs): Promise<Checked> {
  const set = await loadRuleSet(args.rules ?? [], args.defaultRules !== false);
  const { documents, claims } = await readAndExtract(paths, args, set.lexicon);
  assertSomethingRead(documents);
  const { findings, checks } = checkClaims(documents, claims, set);
  return { documents, claims, findings, checks, rules: set.rules };
}

export async function report(command: 'check' | 'review', r: Checked, args: CheckArgs): Promise<number> {
  let findings = r.findings;
  if (args.quiet) findings = findings.filter((f) => f.severity === 'error');
  const format = (args.format ?? 'text') as ReportFormat | 'jsonl';
  const color = args.outputFile ? args.color === true : shouldColor({ flag: args.color, isTTY: !!process.stdout.isTTY, env: process.env });
  let out: string;
  if (format === 'jsonl') {
    // one line per document: its claims and the findings that involve them
    out = '';
    const { buildReport } = await import('../../report/json.js');
    for (const d of r.documents) {
      const cl = r.claims.filter((c) => c.document === d.id);
      const ids = new Set(cl.map((c) => c.id));
      out += JSON.stringify(buildReport([d], cl, findings.filter((f) => f.claims.some((id) => ids.has(id))), r.checks.filter((k) => k.claims.some((id) => ids.has(id))))) + '\n';
    }
  } else {
    if (!['text', 'json', 'markdown', 'html', 'sarif', 'github'].includes(format)) throw new UserError(`unknown format "${format}"`);
    out = await render(
      format as ReportFormat,
      {
        documents: r.documents,
        claims: r.claims,
        findings,
        checks: r.checks,
        rules: r.rules.map((x) => ({ id: x.id, check: x.check, severity: x.severity, description: x.description, link: x.link ?? null })),
        command,
        cwd: process.cwd(),
      },
      { color, toolVersion: TOOL_VERSION, quiet: args.quiet, width: process.stdout.columns || 100 },
    );
  }
  writeOutput(out, args.outputFile);
  return exitCodeFor(findings, { failLevel: args.failLevel ?? 'error', maxWarnings: args.maxWarnings });
}

export async function runCheck(args: CheckArgs): Promise<number> {
  const r = await checkPaths(args.paths, args);
  return report('check', r, args);
}
