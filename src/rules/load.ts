/**
 * Loading rule files: the built-in rules/default/*.yaml and the user's own files and folders.
 *
 * Every file is parsed with positions (src/lexicon/datafile.ts), validated against rules/schema/rule.schema.json
 * (or, for a lexicon extension file — one with a top-level `lexicon:` key — against
 * rules/schema/lexicon-<name>.schema.json), and then checked beyond what a schema can say: the id, message
 * placeholders, regular expressions (compiled, and statically screened for catastrophic backtracking) and
 * expressions (compiled by the restricted evaluator in expr.ts). Problems from all files are collected and
 * thrown together as one DataFileError, each as file:line:col: message.
 *
 * Order and overrides: built-in rules first, then the user's paths in the order given (a folder's files sorted,
 * recursively). A user rule with the id of a built-in rule replaces it (on purpose: that is how a desk tunes a
 * built-in); two user files with one id, or two built-in files, are an error naming both files.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Severity } from '../types.js';
import { DataFileError, type FileProblem } from '../util/errors.js';
import { rulesPath } from '../util/paths.js';
import { displayPath, positionOf, readDataFile, validatorFor, type ParsedDataFile } from '../lexicon/datafile.js';
import {
  CHECK_TYPES,
  DEFAULT_PARAMS,
  MAX_PATTERN_INPUT,
  MAX_PATTERN_LENGTH,
  MESSAGE_PLACEHOLDERS,
  templatePlaceholders,
  type CheckType,
  type RulePattern,
  type RuleSpec,
  type Selector,
} from './spec.js';

export const RULE_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface LoadedLexicon {
  name: string;
  /** The file's `entries` (undefined for lexicons whose files are keyed sections instead). */
  entries: unknown;
  /** As shown in problems (relative to the working directory when inside it). */
  file: string;
  /** The path the file was read from (absolute). */
  path: string;
  /** The whole parsed file, validated against its lexicon schema. */
  data: Record<string, unknown>;
}

export interface LoadRulesOptions {
  /** Rule files or folders of rule files (resolved against `cwd`). */
  files?: string[];
  /** Load the built-in rules in rules/default/ first. */
  useDefaults: boolean;
  /** Folder relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

export interface LoadedRules {
  rules: RuleSpec[];
  lexicons: LoadedLexicon[];
}

/** Load and validate rules; throws DataFileError listing every problem in every file. */
export async function loadRules(sources: LoadRulesOptions): Promise<LoadedRules> {
  const files: SourceFile[] = [];
  const problems: FileProblem[] = [];
  if (sources.useDefaults) files.push(...expandPaths([rulesPath('default')], process.cwd(), true, problems));
  files.push(...expandPaths(sources.files ?? [], sources.cwd ?? process.cwd(), false, problems));
  const results: FileResult[] = [];
  for (const f of files) results.push(await loadFile(f));
  const { rules, lexicons, problems: more } = combine(results);
  problems.push(...more);
  if (problems.length) throw new DataFileError(problems);
  return { rules, lexicons };
}

export interface FileValidation {
  /** As shown in problems. */
  file: string;
  problems: FileProblem[];
  kind: 'rule' | 'lexicon' | null;
}

/**
 * Validate rule and lexicon files one by one (for `numcheck rules validate`): the result of every file, plus
 * problems that involve several files (duplicate ids) attached to the later file. Never throws for a user mistake.
 */
export async function validateRuleFiles(paths: string[], cwd = process.cwd()): Promise<FileValidation[]> {
  const pathProblems: FileProblem[] = [];
  const files = expandPaths(paths, cwd, false, pathProblems);
  const results: FileResult[] = [];
  for (const f of files) results.push(await loadFile(f));
  const { crossProblems: cross } = combine(results);
  const out: FileValidation[] = [];
  for (const p of pathProblems) out.push({ file: p.file, problems: [p], kind: null });
  for (const r of results) {
    const extra = cross.filter((p) => p.file === r.shown);
    out.push({ file: r.shown, problems: [...r.problems, ...extra], kind: r.rule ? 'rule' : r.lexicon ? 'lexicon' : null });
  }
  return out;
}

/** The lexicons that extension files can extend: every rules/schema/lexicon-<name>.schema.json. */
export function knownLexicons(): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(rulesPath('schema'))
      .map((f) => /^lexicon-([a-z][a-z0-9-]*)\.schema\.json$/.exec(f)?.[1])
      .filter((n): n is string => !!n);
  } catch {
    /* no schema folder: no lexicons */
  }
  return names.sort();
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Files                                                                                                        */

interface SourceFile {
  path: string;
  builtin: boolean;
}

function isRuleFileName(name: string): boolean {
  return RULE_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** Files and folders (recursive; .yaml/.yml/.json; sorted; hidden entries skipped) → files, each once. */
function expandPaths(paths: string[], cwd: string, builtin: boolean, problems: FileProblem[]): SourceFile[] {
  const out: SourceFile[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    let key = p;
    try {
      key = realpathSync(p);
    } catch {
      /* keep p */
    }
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path: p, builtin });
  };
  const walk = (dir: string): string[] => {
    const found: string[] = [];
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: displayPath(dir), line: 1, column: 1, message: `cannot read folder: ${(e as Error).message}` });
      return found;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) found.push(...walk(p));
      else if (isFile && isRuleFileName(e.name)) found.push(p);
    }
    return found;
  };
  for (const given of paths) {
    const p = resolve(cwd, given);
    let st: import('node:fs').Stats;
    try {
      st = statSync(p);
    } catch {
      problems.push({ file: displayPath(p), line: 1, column: 1, message: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(p).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (!found.length) problems.push({ file: displayPath(p), line: 1, column: 1, message: 'no rule files (.yaml, .yml or .json) in this folder' });
      found.forEach(add);
    } else if (!isRuleFileName(p)) {
      problems.push({ file: displayPath(p), line: 1, column: 1, message: 'not a rule file: the name must end in .yaml, .yml or .json' });
    } else add(p);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* One file                                                                                                     */

interface FileResult {
  path: string;
  shown: string;
  builtin: boolean;
  problems: FileProblem[];
  rule?: RuleSpec;
  lexicon?: LoadedLexicon;
  /** Position of the id (for duplicate-id problems). */
  idAt?: { line: number; column: number };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

async function loadFile(src: SourceFile): Promise<FileResult> {
  const shown = displayPath(src.path);
  const res: FileResult = { path: src.path, shown, builtin: src.builtin, problems: [] };
  let parsed: ParsedDataFile;
  try {
    parsed = readDataFile(src.path);
  } catch (e) {
    if (e instanceof DataFileError) {
      res.problems.push(...e.problems);
      return res;
    }
    throw e;
  }
  const at = (pointer: string, key?: string) => positionOf(parsed, pointer, key);
  const problem = (pos: { line: number; column: number }, message: string) =>
    res.problems.push({ file: shown, line: pos.line, column: pos.column, message });

  const data = parsed.data;
  if (data === null || data === undefined) {
    problem({ line: 1, column: 1 }, 'the file is empty: a rule needs at least a "check:" key (see docs/rules.md)');
    return res;
  }
  if (!isObj(data)) {
    problem(at(''), `a rule file must be a mapping of keys (check:, severity:, ...), not ${Array.isArray(data) ? 'a list' : 'a single value'}`);
    return res;
  }
  if ('lexicon' in data) {
    await loadLexiconFile(parsed, data, res, problem, at);
    return res;
  }
  await loadRuleFile(parsed, data, res, problem, at);
  sortProblems(res.problems);
  return res;
}

function sortProblems(ps: FileProblem[]): void {
  ps.sort((a, b) => a.line - b.line || a.column - b.column);
}

type ProblemFn = (pos: { line: number; column: number }, message: string) => void;
type AtFn = (pointer: string, key?: string) => { line: number; column: number };

async function loadLexiconFile(parsed: ParsedDataFile, data: Obj, res: FileResult, problem: ProblemFn, at: AtFn): Promise<void> {
  const name = data.lexicon;
  const known = knownLexicons();
  if (typeof name !== 'string' || !known.includes(name)) {
    problem(
      at('/lexicon'),
      `unknown lexicon ${JSON.stringify(name)}${suggest(String(name), known)}: lexicon files extend one of ${known.join(', ') || '(none installed)'}`,
    );
    return;
  }
  // built-in files unchanged since the build were validated by the test suite: skip loading ajv for them
  const trusted = res.builtin && parsed.fromCache;
  const validate = trusted ? null : await validatorFor(`lexicon-${name}`);
  if (validate && !validate(data)) {
    res.problems.push(...explainErrors(parsed, validate.errors ?? [], res.shown, {}));
    sortProblems(res.problems);
    return;
  }
  if (name === 'synonyms') checkSynonymOverlaps(data.entries as unknown[], problem, at);
  sortProblems(res.problems);
  if (!res.problems.length) res.lexicon = { name, entries: data.entries, file: res.shown, path: resolve(res.path), data };
}

/** A word in two sets of the same kind would silently merge them: report it where it appears the second time. */
function checkSynonymOverlaps(entries: unknown[], problem: ProblemFn, at: AtFn): void {
  const where = { measures: new Map<string, number>(), events: new Map<string, number>() };
  entries.forEach((entry, i) => {
    const isEvents = isObj(entry);
    const words = (isEvents ? (entry.events as string[]) : (entry as string[])) ?? [];
    const seen = isEvents ? where.events : where.measures;
    words.forEach((w, j) => {
      const key = w.toLowerCase();
      const prev = seen.get(key);
      if (prev !== undefined && prev !== i) {
        const prevLine = at(isEvents ? `/entries/${prev}/events` : `/entries/${prev}`).line;
        problem(
          at(isEvents ? `/entries/${i}/events/${j}` : `/entries/${i}/${j}`),
          `"${w}" is already in the ${isEvents ? 'event' : 'synonym'} set on line ${prevLine}: merge the two sets or drop one "${w}"`,
        );
      } else seen.set(key, i);
    });
  });
}

async function loadRuleFile(parsed: ParsedDataFile, data: Obj, res: FileResult, problem: ProblemFn, at: AtFn): Promise<void> {
  const trusted = res.builtin && parsed.fromCache;
  const validate = trusted ? null : await validatorFor('rule');
  const schemaOk = validate ? validate(data) : true;
  const check = typeof data.check === 'string' && (CHECK_TYPES as readonly string[]).includes(data.check) ? (data.check as CheckType) : null;
  if (!schemaOk) res.problems.push(...explainErrors(parsed, validate?.errors ?? [], res.shown, { check, isRule: true }));

  // The id: given, or the file name.
  let id: string;
  if (typeof data.id === 'string') {
    id = data.id;
    res.idAt = at('/id');
  } else {
    id = basename(res.path, extname(res.path));
    res.idAt = { line: 1, column: 1 };
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problem(
        at('', 'check'),
        `the file name "${basename(res.path)}" does not give a valid rule id (lower-case letters and digits joined by hyphens, e.g. crowd-estimates): rename the file or add an "id:" key`,
      );
    }
  }

  // Regular expressions: in select and in every expression variable.
  const patterns = new Map<string, RulePattern>();
  const checkSelector = (sel: unknown, pointer: string) => {
    if (!isObj(sel) || typeof sel.pattern !== 'string') return;
    const r = compilePattern(sel.pattern);
    if ('problem' in r) problem(at(`${pointer}/pattern`), `${dotted(pointer + '/pattern')}: ${r.problem}`);
    else patterns.set(pointer, r.pattern);
  };
  checkSelector(data.select, '/select');

  // Message placeholders.
  const params = isObj(data.params) ? data.params : undefined;
  const varNames = check === 'expression' && params && isObj(params.variables) ? Object.keys(params.variables) : [];
  if (typeof data.message === 'string' && check) {
    const { names, error } = templatePlaceholders(data.message);
    if (error) problem(at('/message'), `message: ${error}`);
    const allowed = [...MESSAGE_PLACEHOLDERS[check], ...varNames];
    for (const n of names) {
      if (!allowed.includes(n)) {
        problem(at('/message'), `message: unknown placeholder {${n}} for check "${check}"${suggest(n, allowed)} (known: ${allowed.map((a) => `{${a}}`).join(', ')})`);
      }
    }
  }

  // Expression rules: variable names, selectors, the expression itself, the evaluation budget.
  let compiled: import('./expr.js').CompiledExpression | undefined;
  if (check === 'expression' && params) {
    const expr = await import('./expr.js');
    const vars = isObj(params.variables) ? params.variables : {};
    let namesOk = true;
    for (const [name, sel] of Object.entries(vars)) {
      const why = expr.variableNameProblem(name);
      if (why) {
        namesOk = false;
        problem(at('/params/variables', name), `params.variables: ${why}`);
      }
      checkSelector(sel, `/params/variables/${escapePointer(name)}`);
    }
    if (typeof params.expression === 'string' && namesOk) {
      const exprAt = at('/params', 'expression');
      try {
        compiled = expr.compileExpression(params.expression, Object.keys(vars));
      } catch (e) {
        if (!(e instanceof expr.ExprError)) throw e;
        problem(exprAt, `params.expression: ${e.message}`);
      }
      if (compiled) {
        for (const name of Object.keys(vars)) {
          if (!compiled.uses.includes(name)) problem(at('/params/variables', name), `params.variables: "${name}" is not used in the expression`);
        }
        const max = typeof params.max_combinations === 'number' ? params.max_combinations : DEFAULT_PARAMS.expression.max_combinations;
        if (max * compiled.nodes > expr.EXPR_EVAL_BUDGET) {
          const fits = Math.max(1, Math.floor(expr.EXPR_EVAL_BUDGET / compiled.nodes));
          problem(
            params.max_combinations !== undefined ? at('/params/max_combinations') : exprAt,
            `params.max_combinations: ${max} combinations × ${compiled.nodes} expression nodes exceeds the evaluation budget of ${expr.EXPR_EVAL_BUDGET.toLocaleString('en-US')}; use at most ${fits}`,
          );
        }
      }
    }
  }

  if (res.problems.length || !schemaOk || !check) return;
  res.rule = buildRule(data, check, id, patterns, compiled, res, at('', 'check').line);
}

function buildRule(
  data: Obj,
  check: CheckType,
  id: string,
  patterns: Map<string, RulePattern>,
  compiled: import('./expr.js').CompiledExpression | undefined,
  res: FileResult,
  line: number,
): RuleSpec {
  const severity = (data.severity as Severity | undefined) ?? 'warning';
  const given = (isObj(data.params) ? data.params : {}) as Obj;
  const selector = (raw: unknown, pointer: string): Selector => {
    const s = raw as Obj;
    const out: Selector = {};
    for (const k of ['measure', 'event', 'unit', 'dimension', 'attribution'] as const) {
      const v = s[k];
      if (typeof v === 'string') out[k] = [v];
      else if (Array.isArray(v)) out[k] = [...(v as string[])];
    }
    const p = patterns.get(pointer);
    if (p) out.pattern = p;
    return out;
  };
  let params: unknown;
  if (check === 'expression') {
    const vars = given.variables as Obj;
    params = {
      variables: Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, selector(v, `/params/variables/${escapePointer(k)}`)])),
      expression: given.expression as string,
      within: (given.within as string | undefined) ?? DEFAULT_PARAMS.expression.within,
      max_combinations: (given.max_combinations as number | undefined) ?? DEFAULT_PARAMS.expression.max_combinations,
      compiled: compiled!,
    };
  } else {
    const defaults = structuredClone(DEFAULT_PARAMS[check]) as unknown as Obj;
    if (check === 'mismatch') defaults.attribution_severity = severity;
    params = { ...defaults, ...structuredClone(given) };
  }
  const rule = {
    id,
    check,
    severity,
    enabled: (data.enabled as boolean | undefined) ?? true,
    params,
    file: res.shown,
    line,
    builtin: res.builtin,
  } as RuleSpec;
  if (typeof data.message === 'string') rule.message = data.message;
  if (typeof data.link === 'string') rule.link = data.link;
  if (typeof data.description === 'string') rule.description = data.description;
  if (isObj(data.select)) rule.select = selector(data.select, '/select');
  return rule;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Across files: ids, overrides                                                                                 */

function combine(results: FileResult[]): { rules: RuleSpec[]; lexicons: LoadedLexicon[]; problems: FileProblem[]; crossProblems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const crossProblems: FileProblem[] = [];
  const byId = new Map<string, FileResult>();
  const order: string[] = [];
  const lexicons: LoadedLexicon[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    if (r.lexicon) lexicons.push(r.lexicon);
    if (!r.rule) continue;
    const prev = byId.get(r.rule.id);
    if (!prev) {
      byId.set(r.rule.id, r);
      order.push(r.rule.id);
    } else if (prev.builtin && !r.builtin) {
      byId.set(r.rule.id, r); // a user rule replaces the built-in rule with its id, in the built-in's place
    } else {
      const pos = r.idAt ?? { line: 1, column: 1 };
      crossProblems.push({
        file: r.shown,
        line: pos.line,
        column: pos.column,
        message: `duplicate rule id "${r.rule.id}": also defined in ${prev.shown}:${prev.idAt?.line ?? 1}:${prev.idAt?.column ?? 1} (ids must be unique; a file may only replace a built-in rule)`,
      });
    }
  }
  problems.push(...crossProblems);
  return { rules: order.map((id) => byId.get(id)!.rule!), lexicons, problems, crossProblems };
}

/* ------------------------------------------------------------------------------------------------------------ */
/* ajv errors → readable, located problems                                                                      */

let ruleSchema: Obj | null = null;
function ruleSchemaJson(): Obj {
  if (!ruleSchema) ruleSchema = JSON.parse(readFileSync(rulesPath('schema', 'rule.schema.json'), 'utf8')) as Obj;
  return ruleSchema;
}

const PARAM_DEFS: Record<CheckType, string> = {
  mismatch: 'mismatchParams',
  scope: 'scopeParams',
  conversion: 'conversionParams',
  'part-whole': 'partWholeParams',
  percentage: 'percentageParams',
  sum: 'sumParams',
  rate: 'rateParams',
  expression: 'expressionParams',
};

/** The keys a rule file may have at a pointer (for "did you mean"); null when unknown. */
function knownKeysAt(pointer: string, check: CheckType | null): string[] | null {
  const s = ruleSchemaJson();
  const defs = s.definitions as Record<string, Obj>;
  const keys = (o: unknown) => (isObj(o) && isObj(o.properties) ? Object.keys(o.properties) : null);
  if (pointer === '') return keys(s);
  if (pointer === '/select' || /^\/params\/variables\/[^/]+$/.test(pointer)) return keys(defs.selector);
  if (pointer === '/params' && check) return keys(defs[PARAM_DEFS[check]]);
  return null;
}

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}
function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** "/params/variables/dead/measure" → "params.variables.dead.measure"; "/entries/3/0" → "entries[3][0]". */
function dotted(pointer: string): string {
  let out = '';
  for (const seg of pointer.split('/').slice(1).map(unescapePointer)) out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping of keys',
  array: 'a list',
  null: 'null',
};

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? (t as string[]) : [String(t)];
  if (list.length === 2 && list.includes('string') && list.includes('array')) return 'a string or a list of strings';
  if (list.length === 2 && list.includes('array') && list.includes('object')) return 'a list or a mapping';
  return list.map((x) => TYPE_WORDS[x] ?? x).join(' or ');
}

function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const seg of pointer.split('/').slice(1).map(unescapePointer)) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (isObj(v)) v = v[seg];
    else return undefined;
  }
  return v;
}

function patternHint(pointer: string, isRule: boolean): string {
  const last = pointer.split('/').pop() ?? '';
  if (isRule && pointer === '/id') return 'must be kebab-case: lower-case letters and digits joined by single hyphens (e.g. crowd-estimates)';
  if (isRule && pointer === '/link') return 'must be an http:// or https:// address without spaces';
  if (/^\d+$/.test(last) || !isRule) return 'must be a word or phrase without leading, trailing or double spaces';
  return 'must not start or end with spaces';
}

interface ExplainContext {
  check?: CheckType | null;
  isRule?: boolean;
}

/** Like datafile.ajvProblems, with messages written for rule authors: the key named, the check named, "did you mean". */
export function explainErrors(parsed: ParsedDataFile, errors: ErrorObject[], shown: string, ctx: ExplainContext): FileProblem[] {
  const out: FileProblem[] = [];
  const seen = new Set<string>();
  const check = ctx.check ?? null;
  for (const e of errors) {
    let key: string | undefined;
    let msg: string;
    let pointer = e.instancePath;
    const where = dotted(e.instancePath);
    const subject = where || '(top level)';
    switch (e.keyword) {
      case 'if':
      case 'anyOf':
      case 'oneOf':
      case 'propertyNames':
        continue;
      case 'additionalProperties': {
        key = String((e.params as { additionalProperty: string }).additionalProperty);
        const known = ctx.isRule ? knownKeysAt(e.instancePath, check) : null;
        const forCheck = ctx.isRule && e.instancePath === '/params' && check ? ` for check "${check}"` : '';
        const hint = known ? (suggest(key, known) || ` (known: ${known.join(', ') || 'none'})`) : '';
        msg = `unknown key "${key}"${where ? ` in ${where}` : ''}${forCheck}${hint}`;
        break;
      }
      case 'required':
        msg = `${where ? `${where}: ` : ''}missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
        break;
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
        const value = valueAt(parsed.data, e.instancePath);
        const hint = typeof value === 'string' ? suggest(value, allowed.map(String)) : '';
        msg = `${subject} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${value !== undefined ? `, not ${JSON.stringify(value)}` : ''}${hint}`;
        break;
      }
      case 'const':
        msg = `${subject} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
        break;
      case 'type':
        msg = `${subject} must be ${typeWords((e.params as { type: unknown }).type)}`;
        break;
      case 'pattern':
        if (e.propertyName !== undefined && ctx.isRule) continue; // variable names: checked with a better message
        if (e.propertyName !== undefined) {
          key = e.propertyName;
          msg = `${subject}: "${e.propertyName}" is not a valid name`;
        } else msg = `${subject} ${patternHint(e.instancePath, !!ctx.isRule)}`;
        break;
      case 'uniqueItems': {
        const { i, j } = e.params as { i: number; j: number };
        const value = valueAt(parsed.data, `${e.instancePath}/${j}`);
        pointer = `${e.instancePath}/${Math.max(i, j)}`;
        msg = `${subject} lists ${JSON.stringify(value)} twice`;
        break;
      }
      case 'minItems':
        msg = `${subject} must have at least ${plural((e.params as { limit: number }).limit, 'item')}`;
        break;
      case 'maxItems':
        msg = `${subject} may have at most ${plural((e.params as { limit: number }).limit, 'item')}`;
        break;
      case 'minProperties':
        msg = `${subject} must have at least ${plural((e.params as { limit: number }).limit, where === 'params.variables' ? 'variable' : 'key')}`;
        break;
      case 'maxProperties':
        msg = `${subject} may have at most ${plural((e.params as { limit: number }).limit, where === 'params.variables' ? 'variable' : 'key')}`;
        break;
      case 'minLength':
        msg = (e.params as { limit: number }).limit === 1 ? `${subject} must not be empty` : `${subject} ${e.message}`;
        break;
      case 'maxLength':
        msg = `${subject} is longer than ${(e.params as { limit: number }).limit} characters`;
        break;
      default:
        msg = `${subject} ${e.message ?? 'is invalid'}`;
    }
    const pos = positionOf(parsed, pointer, key);
    const id = `${pos.line}:${pos.column}:${msg}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ file: shown, line: pos.line, column: pos.column, message: msg });
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** " (did you mean "x"?)" when a known word is close to `word`. */
function suggest(word: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(best.length / 3)) && best !== word ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Regular expressions                                                                                          */

/**
 * Compile a `select.pattern`: a JavaScript regular expression, searched (not anchored) in the claim's sentence,
 * with optional leading inline flags (?i), (?m), (?s) as in Vale/Go/PCRE. Rejected: patterns longer than 500
 * characters, syntax errors, backreferences, and patterns the static ReDoS screen flags (see screenPattern).
 */
export function compilePattern(source: string): { pattern: RulePattern } | { problem: string } {
  if (source.length > MAX_PATTERN_LENGTH) return { problem: `is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}` };
  let js = source;
  let flags = 'u';
  const inline = /^\(\?([a-zA-Z]+)\)/.exec(js);
  if (inline) {
    for (const f of inline[1]!) {
      if (!'ims'.includes(f)) return { problem: `inline flag "${f}" is not supported (only (?i), (?m) and (?s))` };
      if (!flags.includes(f)) flags += f;
    }
    js = js.slice(inline[0].length);
  }
  if (/\(\?[a-zA-Z-]+[):]/.test(js)) return { problem: 'inline flags such as (?i) are only supported at the very start of the pattern' };
  let regex: RegExp;
  try {
    regex = new RegExp(js, flags);
  } catch (e) {
    const m = (e as Error).message.replace(/^Invalid regular expression: /, '').replace(/^\/.*\/[a-z]*: /, '');
    return { problem: `is not a valid regular expression: ${m}` };
  }
  const why = screenPattern(js, flags);
  if (why) return { problem: why };
  const cut = MAX_PATTERN_INPUT;
  const pattern: RulePattern = {
    source,
    js,
    flags,
    regex,
    test(text: string) {
      regex.lastIndex = 0;
      return regex.test(text.length > cut ? text.slice(0, cut) : text);
    },
  };
  return { pattern };
}

type CharPred = (c: string) => boolean;
type RNode =
  | { t: 'char'; pred: CharPred }
  | { t: 'seq'; items: RNode[] }
  | { t: 'alt'; alts: RNode[] }
  | { t: 'group'; body: RNode; look: boolean; src?: string }
  | { t: 'quant'; body: RNode; min: number; max: number; src: string }
  | { t: 'assert'; start: boolean }
  | { t: 'backref'; src: string };

/** Characters tried when deciding whether two character sets overlap. */
const SAMPLE: string[] = (() => {
  const s: string[] = [];
  for (let c = 0; c < 128; c++) s.push(String.fromCharCode(c));
  s.push(...'\u00a0\u2009\u202f\u2028éÉüÜßçñ’‘“”«»–—…€£¥°ЖжЯя中日😀'.match(/./gsu)!);
  return s;
})();
const ANY: CharPred = () => true;
/** Quantifiers allowing this many repetitions or more count as unbounded. */
const UNBOUNDED = 100;

/** Parses a pattern that already compiled, for the screen below. */
class PatternParser {
  private i = 0;
  private cache = new Map<string, CharPred>();
  constructor(
    private readonly src: string,
    private readonly flags: string,
  ) {}

  parse(): RNode {
    return this.alt();
  }

  private charNode(atom: string): RNode {
    let pred = this.cache.get(atom);
    if (!pred) {
      let re: RegExp | null = null;
      try {
        re = new RegExp(`^(?:${atom})$`, this.flags.replace(/[gmy]/g, ''));
      } catch {
        re = null;
      }
      pred = re ? (c: string) => re!.test(c) : ANY;
      this.cache.set(atom, pred);
    }
    return { t: 'char', pred };
  }

  private alt(): RNode {
    const alts = [this.seq()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private seq(): RNode {
    const items: RNode[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const start = this.i;
      const node = this.quant(this.atom(), start);
      if (node.t === 'group') node.src = this.src.slice(start, this.i);
      items.push(node);
    }
    return { t: 'seq', items };
  }

  private atom(): RNode {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let look = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      const body = this.alt();
      this.i++; // ')'
      return { t: 'group', body, look };
    }
    if (c === '[') {
      const start = this.i++;
      if (s[this.i] === '^') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return this.charNode(s.slice(start, this.i));
    }
    if (c === '\\') {
      const start = this.i++;
      const e = s[this.i]!;
      if (/[1-9]/.test(e)) {
        while (/\d/.test(s[this.i] ?? '')) this.i++;
        return { t: 'backref', src: s.slice(start, this.i) };
      }
      if (e === 'k' && s[this.i + 1] === '<') {
        this.i = s.indexOf('>', this.i) + 1;
        return { t: 'backref', src: s.slice(start, this.i) };
      }
      if (e === 'b' || e === 'B') {
        this.i++;
        return { t: 'assert', start: false };
      }
      if ((e === 'p' || e === 'P') && s[this.i + 1] === '{') this.i = s.indexOf('}', this.i) + 1;
      else if (e === 'u') this.i += s[this.i + 1] === '{' ? s.indexOf('}', this.i) - this.i + 1 : 5;
      else if (e === 'x') this.i += 3;
      else if (e === 'c') this.i += 2;
      else this.i += e.length;
      return this.charNode(s.slice(start, this.i));
    }
    if (c === '.') {
      this.i++;
      return this.charNode('.');
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'assert', start: c === '^' };
    }
    const ch = String.fromCodePoint(s.codePointAt(this.i)!);
    this.i += ch.length;
    return this.charNode(ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  }

  private quant(atom: RNode, start: number): RNode {
    const s = this.src;
    let min: number;
    let max: number;
    const c = s[this.i];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (s[this.i] === '?') this.i++;
    return { t: 'quant', body: atom, min, max, src: s.slice(start, this.i) };
  }
}

function nullable(n: RNode): boolean {
  switch (n.t) {
    case 'char':
    case 'backref':
      return false;
    case 'seq':
      return n.items.every(nullable);
    case 'alt':
      return n.alts.some(nullable);
    case 'group':
      return n.look || nullable(n.body);
    case 'quant':
      return n.min === 0 || nullable(n.body);
    case 'assert':
      return true;
  }
}

/** The sets of the characters a node can start with. */
function firstChars(n: RNode): CharPred[] {
  switch (n.t) {
    case 'char':
      return [n.pred];
    case 'backref':
      return [ANY];
    case 'seq': {
      const out: CharPred[] = [];
      for (const it of n.items) {
        out.push(...firstChars(it));
        if (!nullable(it)) break;
      }
      return out;
    }
    case 'alt':
      return n.alts.flatMap(firstChars);
    case 'group':
      return n.look ? [] : firstChars(n.body);
    case 'quant':
      return firstChars(n.body);
    case 'assert':
      return [];
  }
}

/** The sets of all the characters a node can match. */
function allChars(n: RNode): CharPred[] {
  switch (n.t) {
    case 'char':
      return [n.pred];
    case 'backref':
      return [ANY];
    case 'seq':
      return n.items.flatMap(allChars);
    case 'alt':
      return n.alts.flatMap(allChars);
    case 'group':
      return n.look ? [] : allChars(n.body);
    case 'quant':
      return allChars(n.body);
    case 'assert':
      return [];
  }
}

function overlaps(a: CharPred[], b: CharPred[]): boolean {
  if (!a.length || !b.length) return false;
  return SAMPLE.some((c) => a.some((p) => p(c)) && b.some((p) => p(c)));
}

/**
 * A cheap static screen for catastrophic backtracking, run on every pattern before anything is matched
 * (the `recheck` checker is used in the tests to keep this screen honest). Rejects:
 *  - backreferences;
 *  - a variable repetition or optional part inside an unbounded (or ≥ 10 times) repetition ((a+)+, (\w+\s?)*,
 *    (\d{1,3},?)+, (a?){25}), and an unbounded repetition inside any repetition ((a+){2});
 *  - alternatives that can start with the same character, or match empty text, inside an unbounded repetition
 *    ((a|ab)*, (\.|[^"])*);
 *  - unbounded repetitions in a row (or groups holding one) that can trade characters, two unanchored or three
 *    anchored (a.*b.*c, \s*\s*$, ^.*a.*b.*c): polynomial time of degree ≥ 3.
 * Cautious by design: it rejects some patterns that are in fact fast. The test suite checks it against recheck on
 * random patterns (no exponential or degree ≥ 3 pattern slips through) and on the patterns desks write.
 * Returns the reason, or null when the pattern passes.
 */
export function screenPattern(js: string, flags: string): string | null {
  let tree: RNode;
  try {
    tree = new PatternParser(js, flags).parse();
  } catch {
    return 'is too complex to check for catastrophic backtracking';
  }
  let problem: string | null = null;
  const fail = (why: string) => {
    if (!problem) problem = why;
  };
  const isRepeat = (q: { max: number }) => q.max > 1;
  const isUnbounded = (q: { max: number }) => q.max >= UNBOUNDED;

  type Quant = RNode & { t: 'quant' };
  /** outer: the innermost enclosing repetition; big: the innermost enclosing repetition of ≥ 10 or unbounded. */
  const visit = (n: RNode, outer: Quant | null, big: Quant | null): void => {
    if (problem) return;
    switch (n.t) {
      case 'backref':
        return fail(`uses a backreference (${n.src}): backreferences can make matching take exponential time and are not allowed`);
      case 'seq':
        chain(n, n === tree);
        return n.items.forEach((it) => visit(it, outer, big));
      case 'alt':
        return n.alts.forEach((a) => visit(a, outer, big));
      case 'group':
        return visit(n.body, outer, big);
      case 'quant': {
        if (n.min !== n.max) {
          const around = big ?? (isUnbounded(n) ? outer : null);
          if (around) {
            return fail(
              n.max <= 1
                ? `has an optional part inside a repetition ("${n.src}" inside "${around.src}"): matching can take exponential time`
                : `has a repetition inside a repetition ("${n.src}" inside "${around.src}"): matching can take exponential time; rewrite it without nesting (e.g. (a+)+ → a+)`,
            );
          }
        }
        if (isUnbounded(n)) altsOverlap(n.body, n);
        const rep = isRepeat(n);
        return visit(n.body, rep ? n : outer, rep && n.max >= 10 ? n : big);
      }
      default:
        return;
    }
  };

  // Alternatives that can match the same text inside an unbounded repetition.
  const altsOverlap = (n: RNode, q: RNode & { t: 'quant' }): void => {
    if (problem) return;
    if (n.t === 'alt') {
      const firsts = n.alts.map(firstChars);
      for (let i = 0; i < n.alts.length; i++) {
        if (nullable(n.alts[i]!)) return fail(`has an alternative that matches empty text inside the repetition "${q.src}": matching can take exponential time`);
        for (let j = i + 1; j < n.alts.length; j++) {
          if (overlaps(firsts[i]!, firsts[j]!)) {
            return fail(`has alternatives that can match the same text inside the repetition "${q.src}": matching can take exponential time; make the alternatives start differently`);
          }
        }
      }
      n.alts.forEach((a) => altsOverlap(a, q));
    } else if (n.t === 'seq') n.items.forEach((it) => altsOverlap(it, q));
    else if (n.t === 'group' && !n.look) altsOverlap(n.body, q);
    else if (n.t === 'quant') altsOverlap(n.body, q);
  };

  // Unbounded repetitions in a row that can trade characters: each adds a degree to the matching time.
  let anchored = false;
  const chain = (seq: RNode & { t: 'seq' }, root: boolean): void => {
    if (problem) return;
    let run = 0;
    let last: CharPred[] | null = null;
    const srcs: string[] = [];
    // Groups without alternatives are part of the sequence: (?:a.*)b.* has two .* in a row.
    const flat: RNode[] = [];
    const flatten = (items: RNode[]) => {
      for (const it of items) {
        if (it.t === 'group' && !it.look && it.body.t === 'seq') flatten(it.body.items);
        else flat.push(it);
      }
    };
    flatten(seq.items);
    for (const it of flat) {
      if (hasUnbounded(it)) {
        // An unbounded repetition, or a group holding one: it continues the run when it can start with a character
        // the run's last repetition could also take.
        const set = allChars(it);
        if (last && overlaps(last, firstChars(it))) run++;
        else {
          run = 1;
          srcs.length = 0;
        }
        srcs.push(it.t === 'quant' || it.t === 'group' ? it.src ?? '(…)' : '(…)');
        last = set;
        const degree = run + (root && anchored ? 0 : 1);
        if (degree >= 3) {
          return fail(
            `has ${run} unbounded repetitions in a row that can match the same characters (${srcs.join(' … ')}): matching can take polynomial time on long sentences; use fewer .* / \\w+ in a row, or several select conditions`,
          );
        }
      } else if (!nullable(it)) {
        const set = allChars(it);
        if (last && !overlaps(last, set)) {
          run = 0;
          last = null;
          srcs.length = 0;
        }
      }
    }
  };
  const hasUnbounded = (n: RNode): boolean => {
    switch (n.t) {
      case 'quant':
        return isUnbounded(n) || hasUnbounded(n.body);
      case 'seq':
        return n.items.some(hasUnbounded);
      case 'alt':
        return n.alts.some(hasUnbounded);
      case 'group':
        return !n.look && hasUnbounded(n.body);
      default:
        return false;
    }
  };
  const firstItem = tree.t === 'seq' ? tree.items[0] : undefined;
  anchored = !!firstItem && firstItem.t === 'assert' && firstItem.start && !flags.includes('m');
  visit(tree, null, null);
  return problem;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Synonyms                                                                                                     */

export interface SynonymSets {
  /** Sets of words naming the same counted thing, lower-cased. */
  measures: string[][];
  /** Sets of predicates reporting the same event, lower-cased. */
  events: string[][];
  /** Sets of phrases putting counted things in one state, with the nouns counted alike in it, lower-cased. */
  states: { states: string[]; counts: string[] }[];
}

/**
 * The synonym sets in effect: rules/lexicon/synonyms.yaml plus the entries of every `lexicon: synonyms`
 * extension file among `extensions` (from loadRules). Sets sharing a word are merged.
 */
export async function loadSynonyms(extensions: LoadedLexicon[] = []): Promise<SynonymSets> {
  const res = await loadFile({ path: rulesPath('lexicon', 'synonyms.yaml'), builtin: true });
  if (res.problems.length) throw new DataFileError(res.problems);
  const all = [res.lexicon!, ...extensions.filter((l) => l.name === 'synonyms')];
  const measures: string[][] = [];
  const events: string[][] = [];
  const states: { states: string[]; counts: string[] }[] = [];
  const lower = (ws: unknown) => (ws as string[]).map((w) => w.toLowerCase());
  for (const lex of all) {
    for (const entry of lex.entries as unknown[]) {
      if (Array.isArray(entry)) measures.push(lower(entry));
      else if (isObj(entry) && Array.isArray(entry.events)) events.push(lower(entry.events));
      else if (isObj(entry) && Array.isArray(entry.states)) states.push({ states: lower(entry.states), counts: Array.isArray(entry.counts) ? lower(entry.counts) : [] });
    }
  }
  return { measures: mergeSets(measures), events: mergeSets(events), states };
}

function mergeSets(sets: string[][]): string[][] {
  const out: Set<string>[] = [];
  for (const s of sets) {
    const hits = out.filter((o) => s.some((w) => o.has(w)));
    const merged = new Set<string>(s);
    for (const h of hits) {
      h.forEach((w) => merged.add(w));
      out.splice(out.indexOf(h), 1);
    }
    out.push(merged);
  }
  return out.map((s) => [...s]);
}
