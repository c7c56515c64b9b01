// Preloaded into a CLI child process (NODE_OPTIONS=--import=<this file>) by test/robust/linear.test.ts and
// scripts/fuzz.ts: at exit, writes the process's CPU time (all threads, µs) to $NUMCHECK_CPU_FILE, so that timing
// tests measure the work done rather than the wall clock of a loaded machine.
import { writeFileSync } from 'node:fs';

const file = process.env.NUMCHECK_CPU_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.cpuUsage();
      writeFileSync(file, JSON.stringify({ user: u.user, system: u.system, rss: process.memoryUsage.rss() }));
    } catch {
      /* best effort */
    }
  });
}
