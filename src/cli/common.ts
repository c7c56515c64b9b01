/**
 * What the extract/check/review commands share: reading documents, running the pipeline over them, writing
 * the output, and the exit code.
 */
import { writeFileSync } from 'node:fs';
import type { ClaimContext } from '../context/index.js';
import { ingestPaths } from '../ingest/paths.js';
import { getLexicon, type Lexicon } from '../lexicon/index.js';
import { collectDefinedCurrencies, rereadWithBatch, unifyDocumentCurrencies } from '../pipeline.js';
import { processOrdered, resolveJobs } from '../parallel/pool.js';
import type { Document, Finding } from '../types.js';
import { UserError } from '../util/errors.js';
import { countDocuments, expandInputs, ignoreTest, type IgnoreSet } from '../config/inputs.js';
import { progressWanted, startProgress } from './progress.js';

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

/** What a caller can ask of readAndExtract besides the documents and claims. */
export interface ExtractHooks {
  /** Called for each document once it is extracted, in input order, with its claims (ids assigned). */
  onDocument?: (doc: Document, claims: ClaimContext[], index: number) => void;
  /**
   * false: keep nothing (the returned lists stay empty, `onDocument` sees every document): for output written
   * as it comes (`extract -f jsonl`), so a batch of any size runs in bounded memory. Default true.
   */
  retain?: boolean;
  /**
   * Read again what the batch tells a document (rereadWithBatch: a year-less dateline's year, currencies other
   * documents name as money): for the commands that read documents together (check, review).
   */
  fromBatch?: boolean;
  /** Use the worker pool whatever the batch size (tests). */
  forcePool?: boolean;
}

/**
 * Read every input (never throwing for a bad document) and extract its claims, in input order. Batches run on
 * worker threads (--jobs, default the number of cores; src/parallel/pool.ts); small batches and --jobs 1 stay
 * in-process. The result is the same whatever --jobs: claim ids are assigned here, in input order.
 */
export async function readAndExtract(
  paths: string[],
  args: InputArgs,
  lex: Lexicon = getLexicon(),
  hooks: ExtractHooks = {},
): Promise<{ documents: Document[]; claims: ClaimContext[] }> {
  validateDate(args.date);
  const jobs = resolveJobs(args.jobs);
  const documents: Document[] = [];
  let claims: ClaimContext[] = [];
  const defined = new Map<string, string>();
  const convertedIn = new Map<string, number>();
  let n = 0;
  let i = 0;
  const docs = ingestPaths(paths, { date: args.date, stdinFilename: args.stdinFilename });
  for await (const r of processOrdered(docs, {
    jobs,
    lexicon: lex,
    forcePool: hooks.forcePool,
    onMode: args.debug ? (m) => process.stderr.write(`numcheck: ${m.pool ? `${m.threads} worker threads` : 'in-process'} (${m.why})\n`) : undefined,
  })) {
    for (const c of r.claims) c.id = `c${++n}`; // numberClaims, one document at a time
    reportDocErrors(r.doc);
    hooks.onDocument?.(r.doc, r.claims, i++);
    if (hooks.retain === false) continue;
    collectDefinedCurrencies(r.doc.text, lex, defined, convertedIn);
    documents.push(r.doc);
    for (const c of r.claims) claims.push(c);
  }
  if (hooks.fromBatch) claims = rereadWithBatch(documents, claims, defined, lex);
  unifyDocumentCurrencies(claims, defined, lex);
  return { documents, claims };
}

/**
 * readAndExtract with what the commands add around it: ignore patterns (config `ignore`, --ignore-pattern),
 * the config's `date`, and a progress bar on stderr for big batches (src/cli/progress.ts).
 */
export async function readInputs(
  paths: string[],
  args: InputArgs,
  run: { date?: string; ignore: IgnoreSet[] },
  opts: { lexicon?: Lexicon; format?: string; onDocument?: ExtractHooks['onDocument']; fromBatch?: boolean } = {},
): Promise<{ documents: Document[]; claims: ClaimContext[] }> {
  const date = args.date ?? run.date;
  validateDate(date);
  if (paths.some((p) => p.trim() === '')) throw new UserError('an empty path was given (use - for stdin)');
  const ignored = ignoreTest(run.ignore);
  const wantBar = progressWanted({ format: opts.format });
  let inputs = paths;
  let files: string[] | null = null;
  if (ignored || wantBar) {
    const ex = await expandInputs(paths, ignored);
    if (ignored) inputs = ex.paths;
    for (const p of ex.allIgnored) warn(`${p}: skipped: every file in it matches an ignore pattern`);
    files = ex.files;
    if (ignored && inputs.length === 0) throw new UserError('no documents to check: every input matches an ignore pattern');
  }
  const bar = wantBar && files ? await startProgress({ total: await countDocuments(files), format: opts.format }) : null;
  if (bar) setStderrLine(bar.log);
  try {
    return await readAndExtract(inputs, { ...args, date }, opts.lexicon ?? getLexicon(), {
      fromBatch: opts.fromBatch,
      onDocument: (doc, claims, index) => {
        opts.onDocument?.(doc, claims, index);
        bar?.onDocument(index + 1);
      },
    });
  } finally {
    bar?.stop();
    if (bar) setStderrLine(null);
  }
}

/** Where stderr lines go: straight to stderr, or through the progress bar while one is shown (src/cli/progress.ts). */
let stderrLine: (line: string) => void = (line) => void process.stderr.write(line);

/** Route stderr lines through `fn` (null: back to stderr). */
export function setStderrLine(fn: ((line: string) => void) | null): void {
  stderrLine = fn ?? ((line) => void process.stderr.write(line));
}

/** Write one line to stderr ("numcheck: " + text), through the progress bar when one is shown. */
export function warn(text: string): void {
  stderrLine(`numcheck: ${text}\n`);
}

/**
 * One clear line on stderr per document problem (the JSON report carries them too), naming the file once:
 * "numcheck: draft.md: cannot read draft.md: no such file or directory" is written without the repeated prefix.
 */
export function reportDocErrors(doc: Document): void {
  for (const e of doc.errors) {
    const where = e.line ? `${doc.path}:${e.line}` : doc.path;
    warn(e.message.includes(doc.path) ? e.message : `${where}: ${e.message}`);
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
