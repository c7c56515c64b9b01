/**
 * The bench's command line (scripts/bench.ts):
 *
 *   --quick            smaller inputs (5 MB corpus, 2 MB clusters, align 10k and 100k, a 50,000-article archive), 3 runs
 *   --only a,b         the sections to run (floors, extract, check, startup, jobs, align, stream, index)
 *   --runs N           runs per measure (default 5, 3 with --quick)
 *   --archive N        articles in the generated archive of the index section (default 1,000,000)
 *   --align N,N        claim counts of the align section (default 10000,100000,1000000)
 *   --reuse-archive    the index section reuses .bench/archive-N.sqlite when it exists: neither the corpus index nor
 *                      the archive is built again, only review --against-index is measured
 */
export interface BenchOptions {
  quick: boolean;
  only: Set<string> | null;
  runs: number;
  archiveN: number;
  reuseArchive: boolean;
  sizes: { corpus: number; clusters: number; big: number; align: number[] };
}

export function benchOptions(argv: string[]): BenchOptions {
  const value = (flag: string) => argv.find((x, i) => argv[i - 1] === flag);
  const quick = argv.includes('--quick');
  const onlyArg = value('--only');
  const sizes = quick ? { corpus: 5e6, clusters: 2e6, big: 20e6, align: [10000, 100000] } : { corpus: 20e6, clusters: 10e6, big: 200e6, align: [10000, 100000, 1000000] };
  const alignArg = value('--align');
  if (alignArg) {
    const ns = alignArg.split(',').map(Number);
    if (ns.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`--align takes claim counts separated by commas (got ${alignArg})`);
    sizes.align = ns;
  }
  return {
    quick,
    only: onlyArg ? new Set(onlyArg.split(',')) : null,
    runs: Number(value('--runs') ?? (quick ? 3 : 5)),
    archiveN: Number(value('--archive') ?? (quick ? 50000 : 1000000)),
    reuseArchive: argv.includes('--reuse-archive'),
    sizes,
  };
}
