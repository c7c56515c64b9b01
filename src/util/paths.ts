import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/**
 * The package root (the folder holding package.json and rules/), found by walking up from this module.
 * Works from src/ (ts-jest), dist/ (the esbuild bundle) and node_modules/numcheck.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('numcheck: cannot find the package root (package.json with rules/)');
    dir = up;
  }
}

/** Absolute path of a file under the package's rules/ folder. */
export function rulesPath(...parts: string[]): string {
  return join(packageRoot(), 'rules', ...parts);
}
