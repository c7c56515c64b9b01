/**
 * The static ReDoS screen used at run time (compilePattern/screenPattern) checked against the `recheck` ReDoS
 * checker (a dev dependency): everything recheck finds exponential or polynomial of degree ≥ 3 is rejected, and
 * the patterns a desk would really write are accepted.
 */
import fc from 'fast-check';
import { compilePattern, screenPattern } from '../../src/rules/load.js';

type Verdict = { status: string; complexity?: { type: string; degree?: number } };
// recheck's native binary answers in ~10 ms; its default backend selection is far slower under jest.
process.env.RECHECK_BACKEND ??= 'native';
const { checkSync } = await import('recheck');
function recheck(js: string, flags = 'u'): Verdict {
  return checkSync(js, flags, { timeout: 20000, checker: 'automaton' }) as unknown as Verdict;
}
/** What recheck calls dangerous enough to reject: exponential, or polynomial of degree 3 or more. */
function dangerous(v: Verdict): boolean {
  if (v.status !== 'vulnerable') return false;
  return v.complexity?.type === 'exponential' || (v.complexity?.type === 'polynomial' && (v.complexity.degree ?? 0) >= 3);
}

const SAFE = [
  'police',
  '(?i)police|organi[sz]ers',
  '\\bpolice\\b.*\\bsaid\\b',
  'police.*said',
  '(?i)\\b(?:protest|rall(?:y|ies)|march|demonstrat)',
  '\\d+\\s*(?:people|persons)',
  '^According to',
  '(?i)\\b(?:killed|dead|deaths?)\\b',
  'ministry of (?:defen[cs]e|health)',
  '[A-Z][a-z]+ said',
  '(?:\\d{1,3},){2}\\d{3}',
  '\\p{Lu}\\p{Ll}+ said',
  'Kherson|Kharkiv|Donetsk',
  '(?<=police )said',
  'said(?! no)',
  'organis(?:er|ation)s?',
  '(?i)^(?:the )?(?:interior|defen[cs]e) ministry',
  '\\$\\d+(?:\\.\\d+)? (?:million|billion)',
  '(?s)according to.*police',
  'in the (?:north|south|east|west) of',
  '^.*police.*said',
  '\\d+,\\d+',
];

const DANGEROUS = [
  '^(a+)+$',
  '(a|a)*b',
  '(\\w|\\d)+$',
  '(x+x+)+y',
  '(\\w+\\s?)+$',
  '(\\.|[^"])*"',
  'a.*b.*c',
  '.*a.*b',
  '\\s*\\s*$',
  '.*.*=.*',
  '(a*)*b',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
  '(\\d{1,3},?)+$',
  '^(\\w+\\s?)*$',
  '(?:a|ab)*c',
  '(?:a?){25}a{25}',
  '(?:\\w+\\.)+\\w+@',
  '(?i)(?:police|poll)+x',
  '\\d+\\d*x',
  '(?:a.*)b.*c',
];

describe('static ReDoS screen', () => {
  test.each(SAFE)('accepts %s (recheck agrees it is not dangerous)', (p) => {
    const r = compilePattern(p);
    expect(r).not.toHaveProperty('problem');
    if ('pattern' in r) expect(dangerous(recheck(r.pattern.js, r.pattern.flags))).toBe(false);
  });

  test.each(DANGEROUS)('rejects %s (recheck finds it dangerous or it is a known ReDoS shape)', (p) => {
    const r = compilePattern(p);
    expect(r).toHaveProperty('problem');
  });

  test('recheck confirms the dangerous list (bounded-repetition shapes excepted)', () => {
    for (const p of DANGEROUS) {
      if (/\{\d+\}/.test(p) && p.includes('?){')) continue; // (a?){25}a{25}: exponential in 25, recheck may call it safe
      const js = p.replace(/^\(\?i\)/, '');
      const v = recheck(js, p.startsWith('(?i)') ? 'ui' : 'u');
      if (p === '(?:\\w+\\.)+\\w+@' || p === '(?i)(?:police|poll)+x' || p === '(?:a|ab)*c') continue; // conservative rejections
      expect({ p, dangerous: dangerous(v) }).toEqual({ p, dangerous: true });
    }
  });

  test('random patterns: whatever recheck finds exponential or polynomial of degree ≥ 3, the screen rejects', () => {
    const atom = fc.constantFrom('a', 'b', 'ab', '.', '\\d', '\\w', '\\s', '[ab]', '[^a]', 'x');
    const quant = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}');
    const leaf = fc.tuple(atom, quant).map(([a, q]) => (q && a.length > 1 && !a.startsWith('\\') && !a.startsWith('[') ? `(?:${a})${q}` : a + q));
    const gen = (depth: number): fc.Arbitrary<string> =>
      depth === 0
        ? leaf
        : fc.oneof(
            leaf,
            fc.tuple(fc.array(gen(depth - 1), { minLength: 1, maxLength: 2 }), quant).map(([xs, q]) => `(?:${xs.join('')})${q}`),
            fc.tuple(fc.array(gen(depth - 1), { minLength: 2, maxLength: 2 }), quant).map(([xs, q]) => `(?:${xs.join('|')})${q}`),
          );
    const pattern = fc.tuple(fc.array(gen(2), { minLength: 1, maxLength: 2 }), fc.constantFrom('', '$', 'z')).map(([xs, end]) => xs.join('') + end);
    let exponential = 0;
    fc.assert(
      fc.property(pattern, (p) => {
        const v = checkSync(p, 'u', { timeout: 1000 }) as unknown as Verdict;
        if (dangerous(v)) {
          if (v.complexity?.type === 'exponential') exponential++;
          expect({ p, screen: screenPattern(p, 'u') !== null }).toEqual({ p, screen: true });
        }
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(exponential).toBeGreaterThan(10); // the generator does produce exponential patterns
  });

  test('a pattern only sees the first 4,000 characters of a sentence', () => {
    const r = compilePattern('police');
    if (!('pattern' in r)) throw new Error('expected a pattern');
    expect(r.pattern.test('x'.repeat(3990) + 'police')).toBe(true);
    expect(r.pattern.test('x'.repeat(4000) + 'police')).toBe(false);
  });

  test('patterns the screen passes run fast on hostile input', () => {
    for (const p of SAFE) {
      const r = compilePattern(p);
      if (!('pattern' in r)) throw new Error(p);
      const t0 = performance.now();
      for (const hostile of ['a'.repeat(4000), ' '.repeat(4000) + '!', 'police '.repeat(600), '1,'.repeat(2000)]) r.pattern.test(hostile);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
});
