/**
 * Helpers for the CLI tests: run the built CLI as a process (what a user or a CI step runs), or the CLI entry
 * in-process with stdout/stderr captured (for what needs a fake TTY), in a scratch folder holding fixtures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { jest } from '@jest/globals';
import { main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/util/paths.js';

export const root = packageRoot();
export const bin = join(root, 'bin', 'numcheck.js');
export const fixtures = join(root, 'test', 'cli', 'fixtures');

/** Build dist/ when it is missing (another test run may have removed it). */
export function ensureBuilt(): void {
  if (!existsSync(join(root, 'dist', 'numcheck.mjs'))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
}

/** A scratch folder (real path, so displayed paths are stable) with the named fixture folders copied in and extra files written. */
export function scratch(copy: string[] = [], files: Record<string, string> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'numcheck-cli-')));
  for (const f of copy) cpSync(join(fixtures, f), dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a run: no colour forcing from the test runner, no CI variables leaking in. */
function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.FORCE_COLOR;
  delete e.NO_COLOR;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete e[k];
    else e[k] = v;
  }
  return e;
}

/** Run `node bin/numcheck.js args` in `cwd`. */
export function run(args: string[], opts: { cwd: string; env?: Record<string, string | undefined>; input?: string }): Run {
  ensureBuilt();
  let r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd, encoding: 'utf8', env: cleanEnv(opts.env ?? {}), input: opts.input ?? '', maxBuffer: 64 << 20 });
  if (r.status !== 0 && /Cannot find module|ERR_MODULE_NOT_FOUND/.test(r.stderr ?? '')) {
    // dist/ was rebuilt under us: build and run again
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd, encoding: 'utf8', env: cleanEnv(opts.env ?? {}), input: opts.input ?? '', maxBuffer: 64 << 20 });
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Run the CLI entry in-process in `cwd`, capturing stdout/stderr; `tty` makes stdout look like a terminal.
 * The environment is cleaned of colour variables and `env` applied for the duration.
 */
export async function runInProcess(args: string[], opts: { cwd: string; tty?: boolean; env?: Record<string, string | undefined> }): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  const savedTTY = process.stdout.isTTY;
  const savedCwd = process.cwd();
  const savedEnv = { ...process.env };
  try {
    process.chdir(opts.cwd);
    for (const k of Object.keys(process.env)) if (!(k in cleanEnv(opts.env ?? {}))) delete process.env[k];
    Object.assign(process.env, cleanEnv(opts.env ?? {}));
    (process.stdout as { isTTY?: boolean }).isTTY = opts.tty ?? false;
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    (process.stdout as { isTTY?: boolean }).isTTY = savedTTY;
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
    o.mockRestore();
    e.mockRestore();
  }
}

/** A stack trace line, as Node prints them. */
export const STACK = /\n\s+at .+(\(|:\d+)/;

/** ANSI escape sequences. */
export const ESC = /\x1b\[/;
