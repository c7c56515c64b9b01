// Bundles the CLI (and its worker) with esbuild: one file loads far faster than hundreds of ESM modules
// (mathjs alone costs ~0.6 s unbundled, ~0.1 s bundled with only the factories numcheck uses).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

/**
 * yargs's and cliui's string-width build an Intl.Segmenter (~12 ms, ICU data) and compile /^\p{RGI_Emoji}$/v (~20 ms)
 * when the module is evaluated, i.e. on every run, though they are only used to lay out --help. This plugin makes
 * both lazy: created on the first call. It fails the build if a new version of the package no longer has the lines
 * it rewrites (the lock file pins them).
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) => {
      let src = readFileSync(args.path, 'utf8');
      const swaps = [
        [/^const segmenter = new Intl\.Segmenter\(\);$/m, 'let segmenter$ = null;\nconst segmenter = { segment: (s) => (segmenter$ ??= new Intl.Segmenter()).segment(s) };'],
        [/^const rgiEmojiRegex = \/\^\\p\{RGI_Emoji\}\$\/v;$/m, "let rgiEmojiRegex$ = null;\nconst rgiEmojiRegex = { test: (s) => (rgiEmojiRegex$ ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(s) };"],
      ];
      for (const [re, to] of swaps) src = src.replace(re, () => to);
      if (/^const \w+ = new Intl\.Segmenter\(|RGI_Emoji\}\$\/v/m.test(src)) throw new Error(`lazy-string-width: ${args.path} changed; update scripts/build.mjs`);
      return { contents: src, loader: 'js' };
    });
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const entries = { numcheck: 'src/cli/main.ts', worker: 'src/cli/worker.ts', eval: 'scripts/eval.ts', bench: 'scripts/bench.ts', fuzz: 'scripts/fuzz.ts', 'units-table': 'scripts/units-table.ts' };
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
  plugins: [lazyStringWidth],
  banner: { js: "import { createRequire as __ncCreateRequire } from 'node:module'; const require = __ncCreateRequire(import.meta.url);" },
});

// The built-in data files (rules/lexicon, rules/default), parsed once here: a run reads this JSON instead of
// parsing YAML (src/lexicon/datafile.ts uses an entry only while the file's size and mtime are unchanged).
const cache = {};
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'schema') walk(p);
    } else if (/\.(ya?ml|json)$/.test(e.name)) {
      const st = statSync(p);
      cache[relative('.', p).split('\\').join('/')] = { size: st.size, mtimeMs: st.mtimeMs, data: parse(readFileSync(p, 'utf8'), { maxAliasCount: 100 }) };
    }
  }
};
walk('rules');
writeFileSync('dist/rules-cache.json', JSON.stringify(cache));

// the positions every rule asks for when it loads (its id, its check), so a run need not parse the YAML again
// for them (positions of problems still come from a parse: a built-in file has none)
{
  const { cachedPositions, parseDataText } = await import(new URL('../dist/units-table.mjs', import.meta.url).href);
  for (const [rel, e] of Object.entries(cache)) {
    if (e.data && typeof e.data === 'object' && !Array.isArray(e.data) && !('lexicon' in e.data)) {
      e.positions = cachedPositions(parseDataText(readFileSync(rel, 'utf8').replace(/^\uFEFF/, ''), rel));
    }
  }
  writeFileSync('dist/rules-cache.json', JSON.stringify(cache));
}

// mathjs's reading of every unit spelling of the built-in lexicon: a run converts from this table without creating
// a mathjs instance (~100 ms); see src/rules/units.ts
const { unitTable, getLexicon } = await import(new URL('../dist/units-table.mjs', import.meta.url).href);
writeFileSync('dist/units-cache.json', JSON.stringify(unitTable(getLexicon())));
