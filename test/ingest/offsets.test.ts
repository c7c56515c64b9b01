import { composeMaps, fileLineColumn, LineIndex, lineColumn, MapBuilder, RunMap } from '../../src/ingest/offsets.js';
import { ingestText } from '../../src/ingest/index.js';

describe('MapBuilder / RunMap', () => {
  test('copies map one for one, decoded chars map to their whole span', () => {
    // source: "a &amp; b"  → cleaned "a & b"
    const b = new MapBuilder();
    b.copy('a ', 0);
    b.decoded('&', 2, 7);
    b.copy(' b', 7);
    const { text, map } = b.finish();
    expect(text).toBe('a & b');
    expect(map.toOriginalStart(0)).toBe(0);
    expect(map.toOriginalStart(2)).toBe(2);
    expect(map.toOriginalEnd(3)).toBe(7);
    expect(map.toOriginalStart(3)).toBe(7);
    expect(map.toOriginalStart(4)).toBe(8);
    expect(map.toOriginalEnd(5)).toBe(9);
    expect(map.size).toBe(3);
  });

  test('adjacent copies merge into one run; separators map to an empty span', () => {
    const b = new MapBuilder();
    b.copy('abc', 10);
    b.copy('def', 13);
    b.synthetic('\n\n', 16);
    b.copy('xyz', 40);
    const { text, map } = b.finish();
    expect(text).toBe('abcdef\n\nxyz');
    expect(map.size).toBe(3);
    expect(map.toOriginalStart(5)).toBe(15);
    expect(map.toOriginalStart(6)).toBe(16);
    expect(map.toOriginalEnd(8)).toBe(16);
    expect(map.toOriginalStart(8)).toBe(40);
    expect(map.toOriginalEnd(11)).toBe(43);
    // out of range is clamped
    expect(map.toOriginalStart(999)).toBe(43);
    expect(map.toOriginalEnd(0)).toBe(10);
    expect(map.toOriginalStart(-5)).toBe(10);
  });

  test('an empty map answers its origin', () => {
    const m = RunMap.empty(7);
    expect(m.toOriginalStart(0)).toBe(7);
    expect(m.toOriginalEnd(3)).toBe(7);
  });

  test('compose maps cleaned → intermediate → file (JSONL escapes under a text map)', () => {
    // file: {"text":"a\nb"} ; intermediate "a\nb" (3 chars) ; the escape \n (2 chars) is at file 10..12
    const base = new MapBuilder();
    base.copy('a', 9);
    base.decoded('\n', 10, 12);
    base.copy('b', 12);
    const baseMap = base.finish(9).map;
    // cleaned: "a b" where the space stands for the newline
    const inner = new MapBuilder();
    inner.copy('a', 0);
    inner.decoded(' ', 1, 2);
    inner.copy('b', 2);
    const composed = composeMaps(inner.finish().map, baseMap, 0);
    expect(composed.toOriginalStart(0)).toBe(9);
    expect(composed.toOriginalStart(1)).toBe(10);
    expect(composed.toOriginalEnd(2)).toBe(12);
    expect(composed.toOriginalStart(2)).toBe(12);
    expect(composed.toOriginalEnd(3)).toBe(13);
  });

  test('a 100 MB single-line file costs O(runs), not O(chars)', () => {
    const big = 'x'.repeat(100 * 1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    const doc = ingestText(big, { id: 'big.txt', path: 'big.txt' });
    const after = process.memoryUsage().heapUsed;
    const map = doc.map as RunMap;
    expect(map.size).toBe(1);
    expect(doc.text.length).toBe(big.length);
    expect(doc.map.toOriginalStart(50_000_000)).toBe(50_000_000);
    // a per-char Int32Array would be 400 MB; allow for the text itself and noise
    expect(after - before).toBeLessThan(250 * 1024 * 1024);
  });
});

describe('lineColumn', () => {
  test('1-based lines and UTF-16 columns; \\n, \\r\\n and lone \\r end lines', () => {
    const s = 'ab\ncd\r\nef\rg😀h';
    expect(lineColumn(s, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(s, 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(s, 5)).toEqual({ line: 2, column: 3 }); // the \r of \r\n
    expect(lineColumn(s, 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(s, 10)).toEqual({ line: 4, column: 1 });
    expect(lineColumn(s, 13)).toEqual({ line: 4, column: 4 }); // after the surrogate pair
  });

  test('the index is built once per source', () => {
    const s = 'line\n'.repeat(200_000);
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) lineColumn(s, (i * 7919) % s.length);
    expect(performance.now() - t0).toBeLessThan(10000);
    expect(lineColumn(s, 5 * 1234 + 2)).toEqual({ line: 1235, column: 3 });
    expect(new LineIndex(s).lineCount).toBe(200_001);
  });

  test('fileLineColumn adds the JSONL line position', () => {
    const doc = { source: '{"text":"x"}', sourceOffset: 100, sourceLine: 7 };
    expect(fileLineColumn(doc, 109)).toEqual({ line: 7, column: 10 });
  });
});
