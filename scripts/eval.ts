/**
 * `npm run eval` entry point (bundled by scripts/build.mjs into dist/eval.mjs): see src/eval/run.ts.
 *
 *   npm run eval -- [SET_DIR ...] [--errors N] [--min KEY=VALUE ...] [--max KEY=VALUE ...] [--json FILE]
 */
import { runEval } from '../src/eval/run.js';
import { packageRoot } from '../src/util/paths.js';

function root(): string {
  try {
    return packageRoot();
  } catch {
    return process.cwd(); // bundled somewhere else: the working directory stands in for the repo root
  }
}

const code = runEval(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  // npm runs scripts in the package folder; INIT_CWD is where the user typed the command
  cwd: process.env.INIT_CWD ?? process.cwd(),
  root: root(),
  env: process.env,
});
process.exitCode = code;
