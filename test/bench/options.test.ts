import { benchOptions } from '../../scripts/bench/options.js';

describe('the bench command line', () => {
  test('defaults: every section, 5 runs, a 1,000,000-article archive built afresh, align at 10k, 100k and 1M claims', () => {
    const o = benchOptions([]);
    expect(o.only).toBeNull();
    expect(o.runs).toBe(5);
    expect(o.archiveN).toBe(1000000);
    expect(o.reuseArchive).toBe(false);
    expect(o.sizes.align).toEqual([10000, 100000, 1000000]);
  });

  test('--align picks the claim counts of the align section; --quick keeps its own smaller inputs', () => {
    expect(benchOptions(['--only', 'align', '--align', '100000']).sizes.align).toEqual([100000]);
    const q = benchOptions(['--quick', '--align', '10000,20000']);
    expect(q.sizes.align).toEqual([10000, 20000]);
    expect(q.sizes.corpus).toBe(5e6);
    expect(q.runs).toBe(3);
    expect(() => benchOptions(['--align', '10k'])).toThrow(/--align takes claim counts/);
  });

  test('--reuse-archive asks the index section to measure review against the archive already built', () => {
    const o = benchOptions(['--only', 'index', '--runs', '3', '--reuse-archive']);
    expect(o.reuseArchive).toBe(true);
    expect([...o.only!]).toEqual(['index']);
    expect(o.runs).toBe(3);
  });
});
