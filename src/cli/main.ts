/**
 * numcheck CLI (yargs). Each command's implementation is imported only when that command runs, so
 * `numcheck check draft.md` never loads what `index` or the HTML report need.
 */
import { setFlagsFromString } from 'node:v8';
import yargs, { type Argv } from 'yargs';
import { UserError } from '../util/errors.js';

export interface GlobalOptions {
  format?: string;
  outputFile?: string;
  config?: string;
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  debug?: boolean;
  date?: string;
  rules?: string[];
  jobs?: number;
  stdinFilename?: string;
  defaultRules?: boolean;
  failLevel?: 'error' | 'warning' | 'info';
  ignorePattern?: string[];
  baseline?: string;
  updateBaseline?: boolean;
  reportUnusedDisableDirectives?: boolean;
}

const FORMATS_REPORT = ['text', 'json', 'jsonl', 'markdown', 'html', 'sarif', 'github'];
const FORMATS_EXTRACT = ['json', 'jsonl', 'table', 'csv'];

function inputOptions<T>(y: Argv<T>) {
  return y
    .option('date', { type: 'string', describe: 'Publication date (YYYY-MM-DD) for documents whose metadata and text give none' })
    .option('stdin-filename', { type: 'string', describe: 'Name (and so format: .md, .html, .txt, .jsonl) of the document read from stdin with "-"' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'Worker threads for batches (default: number of CPU cores)' });
}

function outputOptions<T>(y: Argv<T>, formats: string[], dflt: string) {
  return y
    .option('format', { alias: 'f', type: 'string', choices: formats, default: undefined, describe: `Output format (default: ${dflt})` })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' });
}

function configOption<T>(y: Argv<T>) {
  return y.option('config', {
    alias: 'c',
    type: 'string',
    describe: 'Config file (default: .numcheckrc.yaml/.yml/.json or package.json "numcheck", found by walking up from the working directory)',
  });
}

function ignoreOption<T>(y: Argv<T>) {
  return y.option('ignore-pattern', {
    type: 'string',
    array: true,
    describe: 'Skip files matching this glob (relative to the working directory) when folders and globs are expanded; adds to the config\'s "ignore"',
  });
}

function ruleOptions<T>(y: Argv<T>) {
  return y
    .option('rules', { type: 'string', array: true, describe: 'Extra rule files or folders of rule files (YAML or JSON)' })
    .option('default-rules', { type: 'boolean', describe: 'Load the built-in rules under rules/default (--no-default-rules to skip them; default: yes)' });
}

function reportOptions<T>(y: Argv<T>) {
  return y
    .option('quiet', { type: 'boolean', describe: 'Report errors only (no warnings or info)' })
    .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this (default: -1, no limit)' })
    .option('fail-level', { type: 'string', choices: ['error', 'warning', 'info'], describe: 'Lowest severity that fails the run (default: error)' })
    .option('baseline', { type: 'string', describe: 'Baseline file: findings recorded in it are not reported' })
    .option('update-baseline', { type: 'boolean', describe: 'Write the current findings to the --baseline file and exit 0' })
    .option('report-unused-disable-directives', { type: 'boolean', describe: 'Report numcheck-disable comments that suppress nothing (as warnings)' });
}

const STDIN_TOKEN = '\u0000numcheck-stdin\u0000';

function restoreStdin(args: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(args)) {
    if (v === STDIN_TOKEN) args[k] = '-';
    else if (Array.isArray(v) && v.includes(STDIN_TOKEN)) args[k] = v.map((x) => (x === STDIN_TOKEN ? '-' : x));
  }
}

/**
 * V8 runs a regular expression in its bytecode interpreter once, then compiles it to machine code. chrono-node's
 * patterns are huge (every time unit × every number word, case-insensitive): compiling its two time-unit
 * patterns alone takes ~100 ms, more than checking a whole article. Interpreted, such a pattern on a short
 * window is about as fast; so a pattern is compiled only once it has run this many times (hot patterns, as in
 * a batch, still are; results do not depend on it).
 */
const REGEXP_TIER_UP_TICKS = 200;

export async function main(argv: string[]): Promise<number> {
  setFlagsFromString(`--regexp-tier-up-ticks=${REGEXP_TIER_UP_TICKS}`);
  const debug = argv.includes('--debug');
  let exit = 0;
  try {
    // yargs turns a lone "-" (stdin) into an empty string: carry it through as a token, restored before any handler
    const parser = yargs(argv.map((a) => (a === '-' ? STDIN_TOKEN : a)))
      .middleware(restoreStdin, true)
      .scriptName('numcheck')
      .usage('numcheck — find figures in news articles and flag the ones that disagree\n\nUsage: $0 <command> [options]')
      .option('debug', { type: 'boolean', describe: 'Show stack traces for errors' })
      .option('color', { type: 'boolean', describe: 'Force colours on or off (--no-color); default: only on a TTY, never with NO_COLOR, never in an -o file' })
      .command(
        'extract <paths..>',
        'List every figure in the documents (value, bounds, unit, what is counted, context)',
        (y) =>
          configOption(ignoreOption(outputOptions(inputOptions(y.positional('paths', { type: 'string', array: true, describe: 'Files, folders, globs, or - for stdin' })), FORMATS_EXTRACT, 'json'))),
        async (args) => {
          const { runExtract } = await import('./commands/extract.js');
          exit = await runExtract(args as never);
        },
      )
      .command(
        'check <paths..>',
        'Cross-check every figure across the documents and inside each one',
        (y) =>
          reportOptions(
            ruleOptions(configOption(ignoreOption(outputOptions(inputOptions(y.positional('paths', { type: 'string', array: true, describe: 'Files, folders, globs, or - for stdin' })), FORMATS_REPORT, 'text')))),
          ),
        async (args) => {
          const { runCheck } = await import('./commands/check.js');
          exit = await runCheck(args as never);
        },
      )
      .command(
        'review <draft>',
        'Check a draft against sources: only findings that involve the draft',
        (y) =>
          reportOptions(ruleOptions(configOption(ignoreOption(outputOptions(inputOptions(y.positional('draft', { type: 'string', describe: 'The draft (file or - for stdin)' })), FORMATS_REPORT, 'text')))))
            .option('against', { type: 'string', array: true, describe: 'Source files, folders or globs to check the draft against' })
            .option('against-index', { type: 'string', describe: 'A claims index built by `numcheck index` to check the draft against' }),
        async (args) => {
          const { runReview } = await import('./commands/review.js');
          exit = await runReview(args as never);
        },
      )
      .command('rules', 'Validate or list rule files', (y) =>
        y
          .command(
            'validate <files..>',
            'Validate rule files (YAML or JSON) and print every problem as file:line:col',
            (yy) => yy.positional('files', { type: 'string', array: true, describe: 'Rule files or folders' }),
            async (args) => {
              const { runRulesValidate } = await import('./commands/rules.js');
              exit = await runRulesValidate(args as never);
            },
          )
          .command(
            'list',
            'List the rules in effect (built-in, config and --rules)',
            (yy) => ruleOptions(configOption(yy)).option('format', { alias: 'f', type: 'string', choices: ['text', 'json'], describe: 'Output format (default: text)' }),
            async (args) => {
              const { runRulesList } = await import('./commands/rules.js');
              exit = await runRulesList(args as never);
            },
          )
          .demandCommand(1, 'Name a rules subcommand: validate or list'),
      )
      .command(
        'index <paths..>',
        'Store documents and their claims in an SQLite claims index for `review --against-index`',
        (y) =>
          inputOptions(y.positional('paths', { type: 'string', array: true, describe: 'Files, folders or globs to index' })).option('db', {
            type: 'string',
            demandOption: true,
            describe: 'The SQLite database file to create or extend',
          }),
        async (args) => {
          const { runIndex } = await import('./commands/index.js');
          exit = await runIndex(args as never);
        },
      )
      .demandCommand(1, 'Name a command: extract, check, review, rules or index')
      .strict()
      .recommendCommands()
      .help()
      .alias('h', 'help')
      .version()
      .wrap(Math.min(110, process.stdout.columns || 100))
      .fail((msg, err) => {
        if (err) throw err;
        throw new UserError(msg);
      });
    // yargs renders the whole help text as each command starts, for a later showHelp() (~25 ms of a 5 KB check);
    // nothing here shows help after a command has run (--help and usage errors never reach one)
    const internal = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance?.();
    if (internal && typeof internal.cacheHelpMessage === 'function') internal.cacheHelpMessage = () => {};
    await parser.parseAsync();
    return exit;
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`numcheck: ${e.message}\n`);
      if (debug && e.stack) process.stderr.write(e.stack + '\n');
      return e.exitCode;
    }
    const err = e as Error;
    process.stderr.write(`numcheck: internal error: ${err?.message ?? String(e)}\n`);
    if (debug && err?.stack) process.stderr.write(err.stack + '\n');
    else process.stderr.write('(run with --debug for the stack trace, and please report it)\n');
    return 2;
  }
}
