/**
 * What the extract/check/review commands share: reading documents, running the pipeline over them, writing
 * the output, and the exit code.
 */
import { writeFileSync } from 'node:fs';
import type { ClaimContext } from '../context/index.js';
import { ingestPaths } from '../ingest/index.js';
import { getLexicon, type Lexicon } from '../lexicon/index.js';
import { numberClaims, processDocument, type DocResult } from '../pipeline.js';
import type { Document, Finding } from '../types.js';
import { UserError } from '../util/errors.js';

export interface InputArgs {
  date?: string;
  stdinFilename?: string;
  jobs?: number;
  debug?: boolean;
}

export const TOOL_VERSION = '0.1.0';

export function validateDate(date: string | undefined): void {
  if (date === undefined) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UserError(`--date must be a date written YYYY-MM-DD, not "${date}"`);
  }
}

/** Read every input (never throwing for a bad document) and extract its claims, in input order. */
export async function readAndExtract(paths: string[], args: InputArgs, lex: Lexicon = getLexicon()): Promise<{ documents: Document[]; claims: ClaimContext[] }> {
  validateDate(args.date);
  const results: DocResult[] = [];
  let i = 0;
  for await (const doc of ingestPaths(paths, { date: args.date, stdinFilename: args.stdinFilename })) {
    results.push(processDocument(doc, i++, lex));
    reportDocErrors(doc);
  }
  const claims = numberClaims(results);
  return { documents: results.map((r) => r.doc), claims };
}

/** One clear line on stderr per document problem (the JSON report carries them too). */
export function reportDocErrors(doc: Document): void {
  for (const e of doc.errors) {
    const where = e.line ? `${doc.path}:${e.line}` : doc.path;
    process.stderr.write(`numcheck: ${where}: ${e.message}\n`);
  }
}

/** Exit 2 when nothing at all could be read (every input failed). */
export function assertSomethingRead(documents: Document[]): void {
  if (documents.length === 0) throw new UserError('no documents to check');
  if (documents.every((d) => d.errors.length > 0 && !d.text)) throw new UserError('nothing could be checked: every input failed (see the errors above)');
}

export function writeOutput(text: string, outputFile: string | undefined): void {
  if (outputFile) {
    try {
      writeFileSync(outputFile, text);
    } catch (e) {
      throw new UserError(`cannot write ${outputFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else process.stdout.write(text);
}

export interface ExitPolicy {
  failLevel: 'error' | 'warning' | 'info';
  maxWarnings?: number;
}

/** ESLint-style: 1 when a finding reaches the fail level or warnings exceed --max-warnings, else 0. */
export function exitCodeFor(findings: Finding[], p: ExitPolicy): number {
  const rank = { info: 0, warning: 1, error: 2 } as const;
  const fail = rank[p.failLevel];
  if (findings.some((f) => rank[f.severity] >= fail)) return 1;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (p.maxWarnings !== undefined && p.maxWarnings >= 0 && warnings > p.maxWarnings) return 1;
  return 0;
}
