/** Units read from the figures around a figure: points next to a share, money of a sentence, rates per period. */
import { figs } from './helpers.js';

const unitOf = (text: string, figure: string) => figs(text).find((f) => f.text === figure)?.unit;

describe('points next to a percentage', () => {
  test('a change of a share in points is percentage points, also after a decimal in the sentence', () => {
    expect(unitOf('Its share fell 5.3 points to 22.6%.', '5.3 points')).toBe('pp');
    expect(unitOf('Turnout was 61.4%, up 3.2 points.', '3.2 points')).toBe('pp');
  });

  test('an index move in points stays points', () => {
    expect(unitOf('The index fell 190 points, or 2.3%, to 7,410.', '190 points')).toBe('point');
    expect(unitOf('The Dow lost 512 points as bond yields rose 4%.', '512 points')).toBe('point');
  });
});
