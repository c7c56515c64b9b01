/** `numcheck rules validate` and `numcheck rules list`: output, exit codes, and no stack traces for user mistakes. */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { runRulesList, runRulesValidate, type Io } from '../../src/cli/commands/rules.js';
import { main } from '../../src/cli/main.js';
import { packageRoot, rulesPath } from '../../src/util/paths.js';
import { tempFolder } from './helpers.js';

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: { write: (s: string) => (out += s) },
    err: { write: (s: string) => (err += s) },
    stdout: () => out,
    stderr: () => err,
  };
}

/** Run the real CLI entry, capturing what it writes. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('rules validate', () => {
  test('all valid: "file: ok" per file, exit 0', async () => {
    const dir = tempFolder({ 'a.yaml': 'check: sum\n', 'b.json': '{"check": "rate"}\n', 'syn.yaml': 'lexicon: synonyms\nentries:\n  - [a, b]\n' });
    const io = capture();
    expect(await runRulesValidate({ files: [dir] }, io)).toBe(0);
    expect(io.stdout()).toBe([join(dir, 'a.yaml'), join(dir, 'b.json'), join(dir, 'syn.yaml')].map((f) => `${f}: ok`).join('\n') + '\n');
    expect(io.stderr()).toBe('');
  });

  test('some invalid: every problem as file:line:col: message, a summary on stderr, exit 2', async () => {
    const dir = tempFolder({ 'a.yaml': 'check: sum\n', 'b.yaml': 'check: sum\nseverity: loud\nextra: 1\n', 'c.yaml': 'check: [\n' });
    const io = capture();
    expect(await runRulesValidate({ files: [dir] }, io)).toBe(2);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe(`${join(dir, 'a.yaml')}: ok`);
    expect(lines[1]).toBe(`${join(dir, 'b.yaml')}:2:11: severity must be one of "error", "warning", "info", not "loud"`);
    expect(lines[2]).toBe(`${join(dir, 'b.yaml')}:3:1: unknown key "extra"`.replace('"extra"', '"extra" (known: id, check, severity, message, link, description, enabled, select, params)'));
    expect(lines[3]).toMatch(new RegExp(`^${join(dir, 'c.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML: `));
    expect(io.stderr()).toMatch(/^\d+ problems in 2 of 3 files\n$/);
  });

  test('a missing file is a problem, not a crash', async () => {
    const io = capture();
    expect(await runRulesValidate({ files: ['/nonexistent/rules.yaml'] }, io)).toBe(2);
    expect(io.stdout()).toBe('/nonexistent/rules.yaml:1:1: no such file or folder\n');
  });

  test('the built-in rules, the lexicon and the examples validate', async () => {
    const io = capture();
    expect(await runRulesValidate({ files: [rulesPath('default'), rulesPath('lexicon', 'synonyms.yaml'), join(packageRoot(), 'examples', 'rules')] }, io)).toBe(0);
    expect(io.stdout()).not.toMatch(/:\d+:\d+: /);
  });

  test('through the CLI: exit codes 0 and 2, no stack trace', async () => {
    const dir = tempFolder({ 'ok.yaml': 'check: sum\n', 'bad.yaml': 'check: expression\nparams:\n  variables: {a: {measure: x}}\n  expression: a.constructor\n' });
    const ok = await cli(['rules', 'validate', join(dir, 'ok.yaml')]);
    expect(ok).toEqual({ code: 0, stdout: `${join(dir, 'ok.yaml')}: ok\n`, stderr: '' });
    const bad = await cli(['rules', 'validate', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(`${join(dir, 'bad.yaml')}:4:3: params.expression: property access and indexing are not allowed ("a.constructor")`);
    expect(bad.stdout + bad.stderr).not.toMatch(/\n\s+at /);
    const none = await cli(['rules', 'validate']);
    expect(none.code).toBe(2);
  });
});

describe('rules list', () => {
  test('a table of the built-in rules', async () => {
    const io = capture();
    expect(await runRulesList({}, io)).toBe(0);
    const lines = io.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CHECK\s+SEVERITY\s+ENABLED\s+SOURCE$/);
    expect(lines.find((l) => l.startsWith('cross-source-mismatch '))).toMatch(/^cross-source-mismatch\s+mismatch\s+warning\s+yes\s+\(built-in\) \S*rules[\\/]default[\\/]cross-source-mismatch\.yaml:4$/);
    expect(lines.find((l) => l.startsWith('part-exceeds-whole '))).toMatch(/part-whole\s+error/);
  });

  test('with --rules: user rules after the built-ins, lexicon extensions listed', async () => {
    const io = capture();
    expect(await runRulesList({ rules: [join(packageRoot(), 'examples', 'rules')] }, io)).toBe(0);
    const out = io.stdout();
    expect(out).toMatch(/\ncrowd-estimates\s+mismatch\s+warning\s+yes\s+\S*crowd-estimates\.yaml:5\n/);
    expect(out).toMatch(/casualty-arithmetic\s+expression/);
    expect(out).toMatch(/Lexicon extensions:\n\s+synonyms\s+\S*newsroom-synonyms\.yaml/);
  });

  test('--no-default-rules and JSON', async () => {
    const dir = tempFolder({ 'crowd.yaml': "check: mismatch\nselect:\n  pattern: '(?i)police'\nparams: {tolerance: 0.25}\n" });
    for (const args of [{ noDefaultRules: true }, { defaultRules: false }]) {
      const io = capture();
      expect(await runRulesList({ ...args, rules: [dir], format: 'json' }, io)).toBe(0);
      const json = JSON.parse(io.stdout());
      expect(json.rules).toHaveLength(1);
      expect(json.rules[0]).toMatchObject({ id: 'crowd', check: 'mismatch', severity: 'warning', enabled: true, builtin: false, select: { pattern: '(?i)police' }, params: { tolerance: 0.25 } });
      expect(json.lexicons).toEqual([]);
    }
  });

  test('rule problems surface as a DataFileError, printed by the CLI without a stack trace', async () => {
    const dir = tempFolder({ 'bad.yaml': 'check: sum\nparams: {tolerance: 5}\n' });
    await expect(runRulesList({ rules: [dir] }, capture())).rejects.toThrow(`${join(dir, 'bad.yaml')}:2:21: params.tolerance must be <= 1`);
    const res = await cli(['rules', 'list', '--rules', dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`numcheck: ${join(dir, 'bad.yaml')}:2:21: params.tolerance must be <= 1\n`);
  });

  test('the CLI passes --no-default-rules and -f json through', async () => {
    const dir = tempFolder({ 'mine.yaml': 'check: sum\n' });
    const res = await cli(['rules', 'list', '--no-default-rules', '--rules', dir, '-f', 'json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).rules.map((r: { id: string }) => r.id)).toEqual(['mine']);
  });
});

