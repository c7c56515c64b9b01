/**
 * V8 tiering for numcheck's workload. The extractor is a few large functions (the figure grammar's parseAt,
 * readCore, trapAt …) with many rarely taken paths: with V8's default interrupt budget they are optimised
 * before those paths have run, deoptimised when one does, and optimised again — dozens of times over a batch
 * (parseAt ~28 times over 20 MB of news text, ~0.1 s of compiler time each), on background threads that take
 * the other core. A larger budget optimises later, on fuller type feedback: a batch spends about half the
 * compiler time (-11% CPU in all for `extract --jobs 1`, -19% for `--jobs 2`, where every worker thread tiers
 * up on its own), and a short run compiles less of what it runs only briefly. Results do not depend on it.
 *
 * The flag is process-wide (worker threads share it), so it is set once, before the work starts.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default is 66 KB of bytecode (Node 20, V8 11.3). */
export const INTERRUPT_BUDGET = 540 * 1024;

let done = false;

export function tuneJit(): void {
  if (done) return;
  done = true;
  // a flag this V8 does not know would be reported on stderr: only for the V8 versions known to have it
  const major = Number(process.versions.v8.split('.')[0]);
  if (!(major >= 11 && major <= 13)) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
