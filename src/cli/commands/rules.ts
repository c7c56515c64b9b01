/**
 * `numcheck rules validate <files..>` and `numcheck rules list`.
 *
 * validate: every file (folders expanded) is checked on its own; prints "file: ok" or each problem as
 * file:line:col: message on stdout, a one-line summary on stderr; exit 0 when all are valid, 2 otherwise.
 * list: the rules in effect (built-in, config file, --rules; later files replace built-ins with their id; the
 * config's `tolerances` applied) as a table or JSON.
 * Colour (text only): on a TTY unless --no-color / NO_COLOR; never when the output is not process.stdout.
 */
import pc from 'picocolors';
import { applyTolerances } from '../../config/index.js';
import { resolveRunOptions } from '../../config/options.js';
import { shouldColor } from '../../report/index.js';
import { formatProblem, UserError } from '../../util/errors.js';
import { loadRules, validateRuleFiles } from '../../rules/load.js';
import { ruleToJSON } from '../../rules/spec.js';

export interface Io {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}
const stdio: Io = { out: process.stdout, err: process.stderr };

/** Colours for the text output: as shouldColor decides for stdout; for any other sink only with --color. */
function colors(io: Io, flag: boolean | undefined) {
  const on = io.out === process.stdout ? shouldColor({ flag, isTTY: !!process.stdout.isTTY, env: process.env }) : flag === true;
  return pc.createColors(on);
}

export interface RulesValidateArgs {
  files?: string[];
  color?: boolean;
}

export async function runRulesValidate(args: RulesValidateArgs, io: Io = stdio): Promise<number> {
  const files = args.files ?? [];
  if (!files.length) throw new UserError('name at least one rule file or folder to validate');
  const results = await validateRuleFiles(files);
  const c = colors(io, args.color);
  const lines: string[] = [];
  let badFiles = 0;
  let problems = 0;
  for (const r of results) {
    if (!r.problems.length) lines.push(`${r.file}: ${c.green('ok')}`);
    else {
      badFiles++;
      problems += r.problems.length;
      lines.push(...r.problems.map((p) => (c.isColorSupported ? `${c.red(`${p.file}:${p.line}:${p.column}`)}: ${p.message}` : formatProblem(p))));
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
  color?: boolean;
}

export async function runRulesList(args: RulesListArgs, io: Io = stdio): Promise<number> {
  const run = await resolveRunOptions({ config: args.config, rules: args.rules, defaultRules: args.noDefaultRules === true ? false : args.defaultRules });
  const { rules, lexicons } = await loadRules({ files: run.rules, useDefaults: run.defaultRules });
  await applyTolerances(run.config, rules);
  if (args.format === 'json') {
    io.out.write(JSON.stringify({ rules: rules.map(ruleToJSON), lexicons: lexicons.map((l) => ({ name: l.name, file: l.file })) }, null, 2) + '\n');
    return 0;
  }
  if (args.format !== undefined && args.format !== 'text') throw new UserError(`unknown format "${args.format}" for rules list (text or json)`);
  const header = ['ID', 'CHECK', 'SEVERITY', 'ENABLED', 'SOURCE'];
  const rows = rules.map((r) => [r.id, r.check, r.severity, r.enabled ? 'yes' : 'no', `${r.builtin ? '(built-in) ' : ''}${r.file}:${r.line}`]);
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const c = colors(io, args.color);
  const lines = table.map((row, r) => {
    const line = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
    return r === 0 ? c.bold(line) : line;
  });
  if (!rules.length) lines.push('(no rules)');
  if (lexicons.length) {
    lines.push('', 'Lexicon extensions:');
    for (const l of lexicons) lines.push(`  ${l.name.padEnd(12)}  ${l.file}`);
  }
  io.out.write(lines.join('\n') + '\n');
  return 0;
}
