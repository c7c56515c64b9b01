/**
 * `numcheck rules validate <files..>` and `numcheck rules list`.
 *
 * validate: every file (folders expanded) is checked on its own; prints "file: ok" or each problem as
 * file:line:col: message on stdout, a one-line summary on stderr; exit 0 when all are valid, 2 otherwise.
 * list: the rules in effect (built-in, config file, --rules; later files replace built-ins with their id) as a
 * table or JSON.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataFileError, formatProblem, UserError } from '../../util/errors.js';
import { displayPath, positionOf, readDataFile } from '../../lexicon/datafile.js';
import { loadRules, validateRuleFiles } from '../../rules/load.js';
import { ruleToJSON } from '../../rules/spec.js';

export interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}
const stdio: Io = { out: process.stdout, err: process.stderr };

export interface RulesValidateArgs {
  files?: string[];
}

export async function runRulesValidate(args: RulesValidateArgs, io: Io = stdio): Promise<number> {
  const files = args.files ?? [];
  if (!files.length) throw new UserError('name at least one rule file or folder to validate');
  const results = await validateRuleFiles(files);
  const lines: string[] = [];
  let badFiles = 0;
  let problems = 0;
  for (const r of results) {
    if (!r.problems.length) lines.push(`${r.file}: ok`);
    else {
      badFiles++;
      problems += r.problems.length;
      lines.push(...r.problems.map(formatProblem));
    }
  }
  if (lines.length) io.out.write(lines.join('\n') + '\n');
  if (badFiles) {
    io.err.write(`${problems} problem${problems === 1 ? '' : 's'} in ${badFiles} of ${results.length} file${results.length === 1 ? '' : 's'}\n`);
    return 2;
  }
  return 0;
}

export interface RulesListArgs {
  config?: string;
  rules?: string[];
  /** --no-default-rules, as yargs passes it (defaultRules: false) or spelled out. */
  noDefaultRules?: boolean;
  defaultRules?: boolean;
  format?: string;
}

export async function runRulesList(args: RulesListArgs, io: Io = stdio): Promise<number> {
  const cfg = readConfigRules(args.config, process.cwd());
  const useDefaults = !(args.noDefaultRules === true || args.defaultRules === false || cfg.defaultRules === false);
  const files = [...cfg.rules, ...(args.rules ?? []).map((r) => resolve(r))];
  const { rules, lexicons } = await loadRules({ files, useDefaults });
  if (args.format === 'json') {
    io.out.write(JSON.stringify({ rules: rules.map(ruleToJSON), lexicons: lexicons.map((l) => ({ name: l.name, file: l.file })) }, null, 2) + '\n');
    return 0;
  }
  if (args.format !== undefined && args.format !== 'text') throw new UserError(`unknown format "${args.format}" for rules list (text or json)`);
  const header = ['ID', 'CHECK', 'SEVERITY', 'ENABLED', 'SOURCE'];
  const rows = rules.map((r) => [r.id, r.check, r.severity, r.enabled ? 'yes' : 'no', `${r.builtin ? '(built-in) ' : ''}${r.file}:${r.line}`]);
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const lines = table.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
  if (!rules.length) lines.push('(no rules)');
  if (lexicons.length) {
    lines.push('', 'Lexicon extensions:');
    for (const l of lexicons) lines.push(`  ${l.name.padEnd(12)}  ${l.file}`);
  }
  io.out.write(lines.join('\n') + '\n');
  return 0;
}

const CONFIG_NAMES = ['.numcheckrc.yaml', '.numcheckrc.yml', '.numcheckrc.json'];

/**
 * The rule settings of the config file: `rules` (a path or list of paths, relative to the config file) and
 * `defaultRules` (false = do not load the built-in rules). The file is --config, or the first
 * .numcheckrc.yaml/.yml/.json or package.json with a "numcheck" key found walking up from `cwd`.
 * Other keys belong to the rest of the config and are not looked at here.
 */
export function readConfigRules(configPath: string | undefined, cwd: string): { rules: string[]; defaultRules?: boolean; file: string | null } {
  let file: string | null = null;
  let inPackage = false;
  if (configPath) {
    file = resolve(cwd, configPath);
    if (!existsSync(file)) throw new UserError(`config file not found: ${configPath}`);
    inPackage = file.endsWith('package.json');
  } else {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      const hit = CONFIG_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
      if (hit) {
        file = hit;
        break;
      }
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg)) {
        try {
          const data = readDataFile(pkg).data as Record<string, unknown> | null;
          if (data && typeof data === 'object' && 'numcheck' in data) {
            file = pkg;
            inPackage = true;
            break;
          }
        } catch {
          /* an unreadable package.json is not our config */
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (!file) return { rules: [], file: null };
  const parsed = readDataFile(file);
  const root = inPackage ? (parsed.data as Record<string, unknown>)?.numcheck : parsed.data;
  const base = inPackage ? '/numcheck' : '';
  if (root === null || root === undefined) return { rules: [], file };
  const problem = (pointer: string, message: string) => {
    const pos = positionOf(parsed, pointer);
    return new DataFileError([{ file: displayPath(file!), line: pos.line, column: pos.column, message }]);
  };
  if (typeof root !== 'object' || Array.isArray(root)) throw problem(base, 'the config must be a mapping of keys');
  const cfg = root as Record<string, unknown>;
  const dir = dirname(file);
  let rules: string[] = [];
  if (typeof cfg.rules === 'string') rules = [cfg.rules];
  else if (Array.isArray(cfg.rules) && cfg.rules.every((r) => typeof r === 'string')) rules = cfg.rules as string[];
  else if (cfg.rules !== undefined) throw problem(`${base}/rules`, 'rules must be a path or a list of paths to rule files or folders');
  if (cfg.defaultRules !== undefined && typeof cfg.defaultRules !== 'boolean') throw problem(`${base}/defaultRules`, 'defaultRules must be true or false');
  return { rules: rules.map((r) => resolve(dir, r)), ...(typeof cfg.defaultRules === 'boolean' ? { defaultRules: cfg.defaultRules } : {}), file };
}
