/**
 * The conformance scorer itself (lib.ts), on synthetic cases and a stub extractor: overlap matching, values,
 * intervals (null = unbounded), units and the rate-numerator equivalence, per-file families for extra figures,
 * skipped results as don't-care zones, and the numeral-parsing mode.
 */
import type { Mention } from '../../src/types.js';
import { close, inFamily, runFile, type Case, type Expected, type ExtractApi, type SuiteFile } from './lib.js';

function mention(text: string, input: string, over: Partial<Mention> = {}): Mention {
  const start = input.indexOf(text);
  if (start < 0) throw new Error(`${text} not in ${input}`);
  return {
    start, end: start + text.length, text, value: 0, low: null, high: null, qualifier: 'exact', unit: 'count',
    dimension: 'count', precision: null, exact: '0', form: 'digits', noun: null, measure: '', ...over,
  };
}

function expected(input: string, text: string, over: Partial<Expected> = {}): Expected {
  const start = input.indexOf(text);
  return { text, start, end: start + text.length, value: 0, low: null, high: null, isRange: false, plusMinus: false, unitName: null, units: null, rel: 1e-6, ...over };
}

function stub(map: Record<string, Mention[]>, parse: Record<string, number | null> = {}): ExtractApi {
  return { extract: (t) => map[t] ?? [], parseNumber: (t) => (t in parse ? parse[t]! : null) };
}

const file = (id: string, kind: SuiteFile['kind'], family: SuiteFile['family'], cases: Case[]): SuiteFile => ({ id, path: id, kind, family, cases });

describe('conformance scorer', () => {
  test('tolerance is relative, zero is exact, null only equals null', () => {
    expect(close(1.0000005, 1, 1e-6)).toBe(true);
    expect(close(1.000002, 1, 1e-6)).toBe(false);
    expect(close(1e-12 * 1.0000001, 1e-12, 1e-6)).toBe(true);
    expect(close(0, 1e-12, 1e-6)).toBe(false); // not an absolute tolerance
    expect(close(null, null, 1e-6)).toBe(true);
    expect(close(0, null, 1e-6)).toBe(false);
  });

  test('currency: overlap + value + unit; a rate of the same numerator passes and is counted; an extra amount fails', () => {
    const a = 'the firm paid $ 75 million , or $ 1.40 a share , and 8 percent more .';
    const cases: Case[] = [
      {
        input: a,
        dropped: 0,
        items: [
          expected(a, '$ 75 million', { value: 75e6, units: [{ unit: 'USD', factor: 1 }] }),
          expected(a, '$ 1.40', { value: 1.4, units: [{ unit: 'USD', factor: 1 }] }),
        ],
      },
    ];
    const good = stub({
      [a]: [
        mention('paid $ 75 million', a, { value: 75e6, unit: 'USD', dimension: 'currency' }),
        mention('$ 1.40 a share', a, { value: 1.4, unit: 'USD/share', dimension: 'currency' }),
        mention('8 percent', a, { value: 8, unit: 'percent', dimension: 'percent' }), // not currency: not an extra here
      ],
    });
    const r = runFile(file('x/CurrencyModel', 'unit', 'currency', cases), good);
    expect(r).toMatchObject({ in_scope: 1, passed: 1, results_matched: 2, exact_span_matches: 0, passes_via_rate_numerator: 1 });
    const extra = stub({ [a]: [...good.extract(a), mention('$ 1', a, { value: 1, unit: 'USD', dimension: 'currency' })] });
    // "$ 1" overlaps "$ 1.40", which is already matched: it is an extra currency figure
    const r2 = runFile(file('x/CurrencyModel', 'unit', 'currency', cases), extra);
    expect(r2.passed).toBe(0);
    expect(r2.failures[0]!.problems).toEqual([expect.stringMatching(/^extra '\$ 1' 1 .* USD \(currency/)]);
    expect(r2.failure_categories).toEqual({ 'extra figure': 1 });
  });

  test('a wrong unit or value is one failure, not also an extra', () => {
    const a = 'its quarterly profit improved to 361 million pounds';
    const cases: Case[] = [{ input: a, dropped: 0, items: [expected(a, '361 million pounds', { value: 361e6, units: [{ unit: 'GBP', factor: 1 }], unitName: 'Pound' })] }];
    const r = runFile(file('x/CurrencyModel', 'unit', 'currency', cases), stub({ [a]: [mention('361 million pounds', a, { value: 361e6, unit: 'lb', dimension: 'mass' })] }));
    expect(r.failures[0]!.problems).toEqual([expect.stringMatching(/^wrong unit for '361 million pounds' 361000000 Pound: got '361 million pounds'/)]);
  });

  test('ranges: both ends, null = unbounded; an exact figure matches [x, x]; only bounds/ranges count as extra', () => {
    const a = 'up to 700 and equal to 20 and 5 more';
    const cases: Case[] = [{ input: a, dropped: 0, items: [expected(a, 'up to 700', { isRange: true, low: null, high: 700 }), expected(a, 'equal to 20', { isRange: true, low: 20, high: 20 })] }];
    const ok = [mention('up to 700', a, { value: 700, high: 700, qualifier: 'upper' }), mention('20', a, { value: 20, low: 20, high: 20 }), mention('5', a, { value: 5, low: 5, high: 5 })];
    expect(runFile(file('x/NumberRangeModel', 'range', 'range', cases), stub({ [a]: ok })).passed).toBe(1);
    const zeroLow = [mention('up to 700', a, { value: 700, low: 0, high: 700, qualifier: 'upper' }), ok[1]!];
    const r = runFile(file('x/NumberRangeModel', 'range', 'range', cases), stub({ [a]: zeroLow }));
    expect(r.passed).toBe(0);
    expect(r.failures[0]!.problems[0]).toMatch(/^wrong interval for 'up to 700' \[-∞, 700\]: got 'up to 700' 700 \[0, 700\]/);
  });

  test('a skipped result is a don\'t-care zone; a case whose results are all skipped is skipped', () => {
    const a = 'walls eight to 10 feet tall and 3 feet thick';
    const cases: Case[] = [
      { input: a, dropped: 0, items: [expected(a, '10 feet', { value: 10, units: [{ unit: 'ft', factor: 1 }] }), expected(a, '3 feet', { value: 3, units: [{ unit: 'ft', factor: 1 }] })] },
      { input: 'only eight to 10 feet', dropped: 0, items: [expected('only eight to 10 feet', '10 feet', { value: 10, units: [{ unit: 'ft', factor: 1 }] })] },
    ];
    const ours = stub({ [a]: [mention('eight to 10 feet', a, { value: 9, low: 8, high: 10, qualifier: 'range', unit: 'ft', dimension: 'length' }), mention('3 feet', a, { value: 3, unit: 'ft', dimension: 'length' })] });
    const r = runFile(file('recognizers/DimensionModel', 'unit', 'dimension', cases), ours);
    expect(r).toMatchObject({ cases_total: 2, in_scope: 1, passed: 1, results_in_scope: 1 });
    expect(r.skipped_cases).toEqual([{ input: 'only eight to 10 feet', rules: ['range-end-only'] }]);
    expect(r.skipped_results.map((s) => s.text)).toEqual(['10 feet', '10 feet']);
  });

  test('families', () => {
    const m = (over: Partial<Mention>) => mention('1', '1', over);
    expect(inFamily(m({ dimension: 'rate', unit: 'barrel/day' }), 'dimension')).toBe(true);
    expect(inFamily(m({ dimension: 'rate', unit: 'count/day' }), 'dimension')).toBe(false);
    expect(inFamily(m({ dimension: 'angle', unit: 'deg' }), 'temperature')).toBe(false);
    expect(inFamily(m({ dimension: 'duration', unit: 'year' }), 'age')).toBe(true);
    expect(inFamily(m({ qualifier: 'approx' }), 'range')).toBe(false);
  });

  test('parse mode runs parseNumber on the expected text', () => {
    const cases: Case[] = [
      { input: '2 1/4', dropped: 0, items: [expected('2 1/4', '2 1/4', { value: 2.25 })] },
      { input: 'x two thirds', dropped: 0, items: [expected('x two thirds', 'two thirds', { value: 0.666666666666667, rel: 1e-3 })] },
      { input: 'a dozen', dropped: 0, items: [expected('a dozen', 'a dozen', { value: 12 })] },
    ];
    const r = runFile(file('recognizers/NumberModel', 'parse', null, cases), stub({}, { '2 1/4': 2.25, 'two thirds': 0.66667, 'a dozen': null }));
    expect(r).toMatchObject({ in_scope: 3, passed: 2, failure_categories: { 'parse: not a number': 1 } });
  });
});
