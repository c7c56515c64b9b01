/**
 * The config file — the one reader of it (check, review, extract and `rules list` all come here).
 *
 * Where: `-c/--config FILE`, or the first of .numcheckrc.yaml, .numcheckrc.yml, .numcheckrc.json, package.json
 * with a "numcheck" key found in the working directory or, walking up, in a parent folder (up to the
 * filesystem root). A config named with --config must exist (exit 2 naming it); package.json files without a
 * "numcheck" key, or that cannot be parsed, are passed over while walking up.
 *
 * What: validated against rules/schema/config.schema.json (ajv, through src/lexicon/datafile.ts), so every
 * problem is `file:line:col: message`; unknown keys are errors, with a did-you-mean. Paths (`rules`,
 * `baseline`) and `ignore` patterns are relative to the config file's folder. `tolerances` (rule id →
 * parameter overrides) can only be checked once the rules are loaded: `applyTolerances` validates each entry
 * against that rule's check parameters with the rule schema (src/rules/load.ts `explainErrors`), still located
 * in the config file.
 *
 * Command-line flags override the config (merged by the CLI, src/cli/common.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap } from 'yaml';
import { displayPath, positionOf, readDataFile, validatorFor, type ParsedDataFile } from '../lexicon/datafile.js';
import { explainErrors } from '../rules/load.js';
import type { RuleSpec } from '../rules/spec.js';
import { DataFileError, UserError, type FileProblem } from '../util/errors.js';
import { suggestion } from './suggest.js';

export const CONFIG_FILE_NAMES = ['.numcheckrc.yaml', '.numcheckrc.yml', '.numcheckrc.json'] as const;

export type ReportFormatName = 'text' | 'json' | 'jsonl' | 'markdown' | 'html' | 'sarif' | 'github';
export type FailLevel = 'error' | 'warning' | 'info';

export interface NumcheckConfig {
  /** Absolute path of the config file; null when there is none. */
  file: string | null;
  /** Folder relative paths and ignore patterns are resolved against: the config file's folder (or cwd). */
  dir: string;
  /** Extra rule files/folders, absolute. */
  rules: string[];
  defaultRules?: boolean;
  format?: ReportFormatName;
  failLevel?: FailLevel;
  maxWarnings?: number;
  quiet?: boolean;
  /** rule id → parameter overrides, as written (checked by applyTolerances). */
  tolerances: Record<string, Record<string, unknown>>;
  /** Glob patterns of input files to skip, relative to `dir`. */
  ignore: string[];
  date?: string;
  /** Baseline file, absolute. */
  baseline?: string;
  reportUnusedDisableDirectives?: boolean;
  /** The parsed config, rooted at the config object (for locating problems found later). */
  parsed?: ParsedDataFile;
}

export interface LoadConfigOptions {
  /** -c/--config as given (relative to cwd). */
  config?: string;
  /** Where discovery starts (default process.cwd()). */
  cwd?: string;
}

/** The config file in effect: `--config`, else the first found walking up from `cwd`; null when none. */
export function findConfigFile(cwd: string): { file: string; inPackage: boolean } | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (isFile(p)) return { file: p, inPackage: false };
    }
    const pkg = join(dir, 'package.json');
    if (isFile(pkg)) {
      try {
        // JSON.parse first: most package.json files hold no "numcheck" key, and the located parse costs ~15 ms
        const text = readFileSync(pkg, 'utf8');
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          data = readDataFile(pkg).data;
        }
        if (data && typeof data === 'object' && !Array.isArray(data) && 'numcheck' in data) return { file: pkg, inPackage: true };
      } catch {
        /* an unreadable package.json is not our config */
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Read, validate and resolve the config. Throws UserError / DataFileError (exit 2) for every user mistake. */
export async function loadConfig(opts: LoadConfigOptions = {}): Promise<NumcheckConfig> {
  const cwd = resolve(opts.cwd ?? process.cwd());
  let found: { file: string; inPackage: boolean } | null;
  if (opts.config !== undefined) {
    if (opts.config === '') throw new UserError('--config needs a file name');
    const file = resolve(cwd, opts.config);
    if (!existsSync(file)) throw new UserError(`config file not found: ${opts.config}`);
    if (!isFile(file)) throw new UserError(`config file is not a file: ${opts.config}`);
    found = { file, inPackage: basename(file) === 'package.json' };
  } else found = findConfigFile(cwd);
  if (!found) return { file: null, dir: cwd, rules: [], tolerances: {}, ignore: [] };

  const { file, inPackage } = found;
  const parsed = readDataFile(file);
  let view = parsed;
  if (inPackage) {
    const pkg = parsed.data;
    if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg) || !('numcheck' in pkg)) {
      throw new DataFileError([{ file: displayPath(file), line: 1, column: 1, message: 'package.json has no "numcheck" key to read the config from' }]);
    }
    view = subView(parsed, '/numcheck');
  }
  const dir = dirname(file);
  const empty: NumcheckConfig = { file, dir, rules: [], tolerances: {}, ignore: [], parsed: view };
  if (view.data === null || view.data === undefined) return empty;

  const validate = await validatorFor('config');
  await topLevelKeys();
  if (!validate(view.data)) {
    const problems = explainErrors(view, validate.errors ?? [], displayPath(file), {});
    throw new DataFileError(problems.map((p) => withDidYouMean(p)));
  }
  const raw = view.data as Record<string, unknown>;
  const list = (v: unknown): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : (v as string[]));

  // patterns we cannot honour are errors, not silently different behaviour
  const ignore = list(raw.ignore);
  const bad: FileProblem[] = [];
  ignore.forEach((p, i) => {
    if (p.trim().startsWith('!')) {
      const pos = positionOf(view, typeof raw.ignore === 'string' ? '/ignore' : `/ignore/${i}`);
      bad.push({ file: displayPath(file), line: pos.line, column: pos.column, message: `ignore: negated patterns ("${p}") are not supported; list only what to skip` });
    }
  });
  if (typeof raw.date === 'string' && Number.isNaN(Date.parse(`${raw.date}T00:00:00Z`))) {
    const pos = positionOf(view, '/date');
    bad.push({ file: displayPath(file), line: pos.line, column: pos.column, message: `date "${raw.date}" is not a calendar date` });
  }
  if (bad.length) throw new DataFileError(bad);

  const cfg: NumcheckConfig = {
    ...empty,
    rules: list(raw.rules).map((r) => resolve(dir, r)),
    tolerances: (raw.tolerances as Record<string, Record<string, unknown>> | undefined) ?? {},
    ignore,
  };
  if (typeof raw.defaultRules === 'boolean') cfg.defaultRules = raw.defaultRules;
  if (typeof raw.format === 'string') cfg.format = raw.format as ReportFormatName;
  if (typeof raw.failLevel === 'string') cfg.failLevel = raw.failLevel as FailLevel;
  if (typeof raw.maxWarnings === 'number') cfg.maxWarnings = raw.maxWarnings;
  if (typeof raw.quiet === 'boolean') cfg.quiet = raw.quiet;
  if (typeof raw.date === 'string') cfg.date = raw.date;
  if (typeof raw.baseline === 'string') cfg.baseline = resolve(dir, raw.baseline);
  if (typeof raw.reportUnusedDisableDirectives === 'boolean') cfg.reportUnusedDisableDirectives = raw.reportUnusedDisableDirectives;
  return cfg;
}

/** The keys the config schema allows at a JSON pointer (for "did you mean"). */
let configKeys: string[] | null = null;
async function topLevelKeys(): Promise<string[]> {
  if (!configKeys) {
    const v = await validatorFor('config');
    const schema = v.schema as { properties?: Record<string, unknown> };
    configKeys = Object.keys(schema.properties ?? {});
  }
  return configKeys;
}

function withDidYouMean(p: FileProblem): FileProblem {
  const m = /^unknown key "(.+)"$/.exec(p.message);
  if (!m || !configKeys) return p;
  const hint = suggestion(m[1]!, configKeys.filter((k) => k !== '$schema'));
  return { ...p, message: p.message + (hint || ` (known: ${configKeys.filter((k) => k !== '$schema').join(', ')})`) };
}

/**
 * Apply `tolerances` to the loaded rules (in place). Each entry must name a loaded rule, and its parameters are
 * validated with the rule schema for that rule's check — every problem located in the config file.
 * Expression rules cannot be tuned here (their variables and expression are compiled by the loader): write a
 * rule file with the same id instead.
 */
export async function applyTolerances(config: NumcheckConfig, rules: RuleSpec[]): Promise<void> {
  const entries = Object.entries(config.tolerances);
  if (!entries.length || !config.parsed || !config.file) return;
  await topLevelKeys();
  const view = config.parsed;
  const shown = displayPath(config.file);
  const problems: FileProblem[] = [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  const validate = await validatorFor('rule');
  const updates: Array<[RuleSpec, Record<string, unknown>]> = [];
  for (const [id, params] of entries) {
    const rule = byId.get(id);
    if (!rule) {
      const pos = positionOf(view, '/tolerances', id);
      const hint = suggestion(id, [...byId.keys()]);
      problems.push({ file: shown, line: pos.line, column: pos.column, message: `tolerances: no rule "${id}" is loaded${hint || ` (rules: ${[...byId.keys()].join(', ') || 'none'})`}` });
      continue;
    }
    if (rule.check === 'expression') {
      const pos = positionOf(view, '/tolerances', id);
      problems.push({ file: shown, line: pos.line, column: pos.column, message: `tolerances: "${id}" is an expression rule; change its params in a rule file with the same id` });
      continue;
    }
    const candidate = { check: rule.check, params };
    if (!validate(candidate)) {
      const local = ruleView(view, id, rule.check);
      for (const p of explainErrors(local, validate.errors ?? [], shown, { check: rule.check, isRule: true })) {
        problems.push({ ...p, message: p.message.replace(/\bparams(?=[.\s:]|$)/, `tolerances.${id}`) });
      }
      continue;
    }
    updates.push([rule, params]);
  }
  if (problems.length) throw new DataFileError(problems);
  for (const [rule, params] of updates) {
    (rule as { params: unknown }).params = { ...(rule.params as unknown as Record<string, unknown>), ...structuredClone(params) };
  }
}

/* ------------------------------------------------------------------------------------------------------------ */

/** The parsed file seen from the node at `pointer` (positions stay those of the whole file). */
function subView(parsed: ParsedDataFile, pointer: string): ParsedDataFile {
  const node = nodeAt(parsed, pointer);
  const doc = parsed.doc.clone();
  doc.contents = (node ?? null) as never;
  let data: unknown = parsed.data;
  for (const seg of pointer.split('/').slice(1)) data = data && typeof data === 'object' ? (data as Record<string, unknown>)[seg] : undefined;
  return { file: parsed.file, data, doc: doc as ParsedDataFile['doc'], lines: parsed.lines };
}

/** A view shaped like a rule file — {check, params: <the tolerances entry>} — for the rule schema's messages. */
function ruleView(view: ParsedDataFile, id: string, check: string): ParsedDataFile {
  const node = nodeAt(view, `/tolerances/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar('check'), new Scalar(check)));
  map.items.push(new Pair(new Scalar('params'), node ?? null));
  const doc = view.doc.clone();
  doc.contents = map as never;
  const data = { check, params: (view.data as { tolerances: Record<string, unknown> }).tolerances[id] };
  return { file: view.file, data, doc: doc as ParsedDataFile['doc'], lines: view.lines };
}

function nodeAt(parsed: ParsedDataFile, pointer: string): unknown {
  let node: unknown = parsed.doc.contents;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === seg);
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(seg)) node = node.items[Number(seg)];
    else return undefined;
  }
  return node;
}
