/**
 * The options a run uses: the command-line flags, then the config file, then the defaults (a flag given on
 * the command line always wins, like ESLint). `rules` add up: the config's files first, then --rules.
 */
import { resolve } from 'node:path';
import { UserError } from '../util/errors.js';
import { displayPath } from '../lexicon/datafile.js';
import { loadConfig, type FailLevel, type NumcheckConfig } from './index.js';
import type { IgnoreSet } from './inputs.js';

/** The flags the commands share (as yargs gives them: undefined when not given). */
export interface CliFlags {
  config?: string;
  rules?: string[];
  defaultRules?: boolean;
  format?: string;
  quiet?: boolean;
  maxWarnings?: number;
  failLevel?: FailLevel;
  date?: string;
  ignorePattern?: string[];
  baseline?: string;
  updateBaseline?: boolean;
  reportUnusedDisableDirectives?: boolean;
}

export interface RunOptions {
  config: NumcheckConfig;
  /** Rule files/folders, absolute: the config's, then --rules. */
  rules: string[];
  defaultRules: boolean;
  /** Report format (check/review: text when neither flag nor config says). */
  format?: string;
  failLevel: FailLevel;
  /** undefined or -1: no limit. */
  maxWarnings?: number;
  quiet: boolean;
  date?: string;
  ignore: IgnoreSet[];
  /** Baseline file, absolute. */
  baseline?: string;
  updateBaseline: boolean;
  reportUnused: boolean;
}

export interface ResolveOptions {
  cwd?: string;
  /** Whether the config's `format` applies (check and review; extract and rules list have formats of their own). */
  reportFormat?: boolean;
}

export async function resolveRunOptions(flags: CliFlags, opts: ResolveOptions = {}): Promise<RunOptions> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  if (flags.maxWarnings !== undefined && (!Number.isInteger(flags.maxWarnings) || flags.maxWarnings < -1)) {
    throw new UserError(`--max-warnings must be a whole number (-1 for no limit), not "${String(flags.maxWarnings)}"`);
  }
  const config = await loadConfig({ config: flags.config, cwd });
  const ignore: IgnoreSet[] = [];
  if (config.file && config.ignore.length) ignore.push({ base: config.dir, patterns: config.ignore, origin: displayPath(config.file) });
  const cliIgnore = (flags.ignorePattern ?? []).filter((p) => p.trim() !== '');
  for (const p of cliIgnore) if (p.trim().startsWith('!')) throw new UserError(`--ignore-pattern: negated patterns ("${p}") are not supported`);
  if (cliIgnore.length) ignore.push({ base: cwd, patterns: cliIgnore, origin: '--ignore-pattern' });
  const baseline = flags.baseline !== undefined ? resolve(cwd, flags.baseline) : config.baseline;
  if (flags.baseline === '') throw new UserError('--baseline needs a file name');
  if (flags.updateBaseline && !baseline) throw new UserError('--update-baseline needs a baseline file: --baseline FILE (or "baseline:" in the config file)');
  const run: RunOptions = {
    config,
    rules: [...config.rules, ...(flags.rules ?? []).map((r) => resolve(cwd, r))],
    defaultRules: flags.defaultRules ?? config.defaultRules ?? true,
    failLevel: flags.failLevel ?? config.failLevel ?? 'error',
    quiet: flags.quiet ?? config.quiet ?? false,
    ignore,
    updateBaseline: flags.updateBaseline === true,
    reportUnused: flags.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives ?? false,
  };
  const format = flags.format ?? (opts.reportFormat ? config.format : undefined);
  if (format !== undefined) run.format = format;
  const maxWarnings = flags.maxWarnings ?? config.maxWarnings;
  if (maxWarnings !== undefined) run.maxWarnings = maxWarnings;
  const date = flags.date ?? config.date;
  if (date !== undefined) run.date = date;
  if (baseline !== undefined) run.baseline = baseline;
  return run;
}
