/** Colour: --color/--no-color, NO_COLOR and the TTY decide, in every command; -o files never get colour unless --color. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESC, run, runInProcess, scratch } from './helpers.js';

const REVIEW = ['review', 'draft.md', '--against', 'sources/'];

describe('colour', () => {
  test('on a terminal the text report is coloured; --no-color and NO_COLOR turn it off', async () => {
    const dir = scratch(['evacuation']);
    const tty = await runInProcess(REVIEW, { cwd: dir, tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toMatch(ESC);
    const noColor = await runInProcess([...REVIEW, '--no-color'], { cwd: dir, tty: true });
    expect(noColor.stdout).toContain('cross-source-mismatch');
    expect(noColor.stdout).not.toMatch(ESC);
    const env = await runInProcess(REVIEW, { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(env.stdout).toContain('cross-source-mismatch');
    expect(env.stdout).not.toMatch(ESC);
    // the same report either way
    for (const out of [tty.stdout.replace(/\x1b\[[0-9;]*m/g, ''), noColor.stdout, env.stdout]) {
      expect(out).toContain('draft.md:8:34');
      expect(out).toContain('✖ 1 problem (0 errors, 1 warning, 0 info) in 2 documents');
    }
  });

  test('a pipe gets no colour; --no-color wins even over FORCE_COLOR; --color forces it', () => {
    const dir = scratch(['evacuation']);
    expect(run(REVIEW, { cwd: dir }).stdout).not.toMatch(ESC);
    expect(run([...REVIEW, '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ESC);
    expect(run(REVIEW, { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toMatch(ESC);
    expect(run([...REVIEW, '--color'], { cwd: dir }).stdout).toMatch(ESC);
  });

  test('-o writes the file, without colour even on a terminal; --color puts colour in it', async () => {
    const dir = scratch(['evacuation']);
    const r = await runInProcess([...REVIEW, '-o', 'report.txt'], { cwd: dir, tty: true });
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(text).toContain('cross-source-mismatch');
    expect(text).toMatch(/✖ 1 problem/);
    expect(text).not.toMatch(ESC);
    await runInProcess([...REVIEW, '-o', 'coloured.txt', '--color'], { cwd: dir, tty: false });
    expect(readFileSync(join(dir, 'coloured.txt'), 'utf8')).toMatch(ESC);
    const sarif = run([...REVIEW, '-f', 'sarif', '-o', 'numcheck.sarif'], { cwd: dir });
    expect(sarif.code).toBe(0);
    expect(sarif.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'numcheck.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
  });

  test('-o output is the same bytes whatever the terminal width', async () => {
    const dir = scratch(['evacuation']);
    const cols = process.stdout.columns;
    try {
      (process.stdout as { columns?: number }).columns = 60;
      await runInProcess([...REVIEW, '-o', 'narrow.txt'], { cwd: dir, tty: true });
      (process.stdout as { columns?: number }).columns = 200;
      await runInProcess([...REVIEW, '-o', 'wide.txt'], { cwd: dir, tty: true });
    } finally {
      (process.stdout as { columns?: number }).columns = cols;
    }
    expect(readFileSync(join(dir, 'narrow.txt'), 'utf8')).toBe(readFileSync(join(dir, 'wide.txt'), 'utf8'));
  });

  test('extract -f table, rules list and rules validate follow the same switches', async () => {
    const dir = scratch(['evacuation'], { 'bad-rule.yaml': 'check: sum\nseverity: loud\n' });
    for (const args of [['extract', 'draft.md', '-f', 'table'], ['rules', 'list'], ['rules', 'validate', 'bad-rule.yaml']]) {
      const tty = await runInProcess(args, { cwd: dir, tty: true });
      expect({ args, coloured: ESC.test(tty.stdout) }).toEqual({ args, coloured: true });
      const off = await runInProcess([...args, '--no-color'], { cwd: dir, tty: true });
      expect({ args, coloured: ESC.test(off.stdout) }).toEqual({ args, coloured: false });
      const env = await runInProcess(args, { cwd: dir, tty: true, env: { NO_COLOR: 'yes' } });
      expect({ args, coloured: ESC.test(env.stdout) }).toEqual({ args, coloured: false });
    }
    await runInProcess(['extract', 'draft.md', '-f', 'table', '-o', 'figures.txt'], { cwd: dir, tty: true });
    expect(existsSync(join(dir, 'figures.txt'))).toBe(true);
    expect(readFileSync(join(dir, 'figures.txt'), 'utf8')).not.toMatch(ESC);
  });
});
