/**
 * `numcheck extract <paths..>`: every figure with its value, bounds, unit and context.
 * From the config file it takes `date` and `ignore` (its `format` is for check and review); `table` output is
 * coloured on a TTY (--color/--no-color, NO_COLOR), never in a file written with -o unless --color.
 */
import pc from 'picocolors';
import { resolveRunOptions } from '../../config/options.js';
import { shouldColor } from '../../report/index.js';
import { buildReport, claimEntry, formatJson } from '../../report/json.js';
import { tuneJit } from '../../util/jit.js';
import { assertSomethingRead, readInputs, writeOutput, type InputArgs } from '../common.js';

export interface ExtractArgs extends InputArgs {
  paths: string[];
  format?: 'json' | 'jsonl' | 'table' | 'csv';
  outputFile?: string;
  config?: string;
  ignorePattern?: string[];
  color?: boolean;
}

const CSV_COLUMNS = ['id', 'document', 'line', 'column', 'text', 'value', 'low', 'high', 'qualifier', 'unit', 'dimension', 'measure', 'attribution', 'scope', 'time'] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Claims by document id, in their order (one pass: a filter per document is quadratic in a large batch). */
export function groupByDocument<T extends { document: string }>(claims: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const c of claims) {
    const l = m.get(c.document);
    if (l) l.push(c);
    else m.set(c.document, [c]);
  }
  return m;
}

export async function runExtract(args: ExtractArgs): Promise<number> {
  // in-process runs too (--jobs 1, batches too small for the pool), as check does: the extractor's large functions
  // are otherwise re-optimised over and over (see util/jit.ts)
  tuneJit();
  const run = await resolveRunOptions({ config: args.config, date: args.date, ignorePattern: args.ignorePattern });
  const format = args.format ?? 'json';
  const { documents, claims } = await readInputs(args.paths, args, run, { format });
  assertSomethingRead(documents);
  const color = args.outputFile ? args.color === true : shouldColor({ flag: args.color, isTTY: !!process.stdout.isTTY, env: process.env });
  const paint = pc.createColors(color);
  let out: string;
  if (format === 'json') out = formatJson(buildReport(documents, claims));
  else if (format === 'jsonl') {
    const byDoc = groupByDocument(claims);
    out = documents
      .map((d) => JSON.stringify({ ...buildReport([d], byDoc.get(d.id) ?? []), version: 1 }))
      .join('\n') + '\n';
  } else if (format === 'csv') {
    const rows = [CSV_COLUMNS.join(',')];
    for (const c of claims) {
      const e = claimEntry(c);
      rows.push(CSV_COLUMNS.map((k) => csvCell(k === 'time' ? (c.time ? `${c.time.start ?? ''}..${c.time.end ?? ''}` : '') : e[k])).join(','));
    }
    out = rows.join('\n') + '\n';
  } else {
    const lines: string[] = [];
    const byDoc = groupByDocument(claims);
    for (const d of documents) {
      lines.push(`${paint.bold(d.path)}${d.date ? paint.dim(`  (${d.date})`) : ''}`);
      for (const e of d.errors) lines.push(`  ${paint.red('!')} ${e.message}`);
      for (const x of byDoc.get(d.id) ?? []) {
        const range = x.qualifier === 'exact' ? '' : ` [${x.low ?? '−∞'} … ${x.high ?? '∞'}]`;
        lines.push(`  ${paint.dim(`${x.line}:${x.column}`.padEnd(9))} ${paint.yellow(x.text.padEnd(24))} ${String(x.value)}${range} ${x.unit}  — ${x.measure}${x.attribution ? ` (${x.attribution})` : ''}`);
      }
    }
    out = lines.join('\n') + '\n';
  }
  writeOutput(out, args.outputFile);
  return 0;
}
