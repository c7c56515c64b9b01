// Bundles the CLI (and its worker) with esbuild: one file loads far faster than hundreds of ESM modules
// (mathjs alone costs ~0.6 s unbundled, ~0.1 s bundled with only the factories numcheck uses).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const entries = { numcheck: 'src/cli/main.ts', worker: 'src/cli/worker.ts', eval: 'scripts/eval.ts', bench: 'scripts/bench.ts' };
await build({
  entryPoints: Object.fromEntries(Object.entries(entries).filter(([, f]) => existsSync(f))),
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // native or worker-spawning packages stay external
  external: ['better-sqlite3', 'piscina', 'playwright-core'],
  banner: { js: "import { createRequire as __ncCreateRequire } from 'node:module'; const require = __ncCreateRequire(import.meta.url);" },
});
