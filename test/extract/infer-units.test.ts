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

describe('a unit left out in a contrasted clause', () => {
  test('"…, while the lowest is 74.07" takes the unit of the figure at its place in the clause before', () => {
    expect(unitOf('The highest forecast is 84.75 cents, while the lowest is 74.07.', '74.07')).toBe('USc');
    expect(unitOf('The DAX increased by 2 percent but the Nasdaq decreased by 1.', '1')).toBe('percent');
    expect(unitOf('The index edged down 0.03% to a close of 1,463.87 points, while the TA-125 climbed 0.1% to 1,333.18, on turnover of 1.23 billion shekels.', '1,333.18')).toBe('point');
  });
  test('unchanged: a subject count, a noun after the figure, no contrast word, clauses of different length', () => {
    expect(unitOf('The firm lost $5m while 300 were laid off.', '300')).toBe('count');
    expect(unitOf('The firm lost $5m while it cut staff to 300 workers.', '300')).toBe('count');
    expect(unitOf('The highest forecast is 84.75 cents and the lowest is 74.07.', '74.07')).toBe('count');
    expect(unitOf('Shares fell 3% to 84 cents and 2% to 90 cents, while the index rose to 74.', '74')).toBe('count');
  });
});
