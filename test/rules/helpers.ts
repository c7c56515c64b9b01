import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { validateRuleFiles } from '../../src/rules/load.js';

/** A fresh temporary folder holding the given files (relative path → text). */
export function tempFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'numcheck-rules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The problems of one rule file, as "line:col: message". */
export async function problemsOf(name: string, text: string): Promise<string[]> {
  const dir = tempFolder({ [name]: text });
  const res = await validateRuleFiles([join(dir, name)]);
  expect(res).toHaveLength(1);
  for (const p of res[0]!.problems) expect(p.file).toBe(res[0]!.file);
  return res[0]!.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}
