/** `numcheck extract <paths..>`: every figure with its value, bounds, unit and context. */
import { buildReport, claimEntry, formatJson } from '../../report/json.js';
import { assertSomethingRead, readAndExtract, writeOutput, type InputArgs } from '../common.js';

export interface ExtractArgs extends InputArgs {
  paths: string[];
  format?: 'json' | 'jsonl' | 'table' | 'csv';
  outputFile?: string;
}

const CSV_COLUMNS = ['id', 'document', 'line', 'column', 'text', 'value', 'low', 'high', 'qualifier', 'unit', 'dimension', 'measure', 'attribution', 'scope', 'time'] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function runExtract(args: ExtractArgs): Promise<number> {
  const { documents, claims } = await readAndExtract(args.paths, args);
  assertSomethingRead(documents);
  const format = args.format ?? 'json';
  let out: string;
  if (format === 'json') out = formatJson(buildReport(documents, claims));
  else if (format === 'jsonl') {
    out = documents
      .map((d) => JSON.stringify({ ...buildReport([d], claims.filter((c) => c.document === d.id)), version: 1 }))
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
    for (const d of documents) {
      lines.push(`${d.path}${d.date ? `  (${d.date})` : ''}`);
      for (const e of d.errors) lines.push(`  ! ${e.message}`);
      for (const c of claims.filter((x) => x.document === d.id)) {
        const range = c.qualifier === 'exact' ? '' : ` [${c.low ?? '−∞'} … ${c.high ?? '∞'}]`;
        lines.push(`  ${`${c.line}:${c.column}`.padEnd(9)} ${c.text.padEnd(24)} ${String(c.value)}${range} ${c.unit}  — ${c.measure}${c.attribution ? ` (${c.attribution})` : ''}`);
      }
    }
    out = lines.join('\n') + '\n';
  }
  writeOutput(out, args.outputFile);
  return 0;
}
