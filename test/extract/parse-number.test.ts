/**
 * parseNumber: one numeral read on its own — digits with scales and suffixes, powers, number words with fractions
 * and decimals, digits and words mixed, signs.
 */
import { parseNumber } from '../../src/extract/index.js';

const cases: Array<[string, number]> = [
  // suffixes and scale words after digits, at any spacing
  ['1.2b', 1.2e9],
  ['10G', 1e10],
  ['2.33 k', 2330],
  ['- 10  k', -10000],
  ['1MM', 1e6],
  ['1,674.5 G', 1.6745e12],
  ['1,674,200.5 M', 1.6742005e12],
  ['10 tln', 1e13],
  ['2.12 hundred', 212],
  ['322 hundred', 32200],
  ['3 dozens', 36],
  ['five dozs', 60],
  // separators and decimals
  ['12,34,567.89', 1234567.89],
  ['1 234 567', 1234567],
  ['.08', 0.08],
  ['.23456000', 0.23456],
  // powers
  ['1.1^23', Math.pow(1.1, 23)],
  ['2.5^-1', 0.4],
  ['-1.1^--23', -Math.pow(1.1, 23)],
  ['1.3x10^6', 1.3e6],
  ['6.23x10^-4', 6.23e-4],
  // whole numbers in words, and mixed with digits
  ['fifty - two', 52],
  ['fifty   two', 52],
  ['hundred thousand', 100000],
  ['three hundred and two dozens', 324],
  ['three lakh crore', 3e12],
  ['two  thousand  and  two hundred', 2200],
  ['3 hundred and 21', 321],
  ['4 thousand 3 hundred and 21', 4321],
  ['6 crore and two hundred', 60000200],
  ['nought', 0],
  ['naught', 0],
  // signs
  ['negative one', -1],
  ['minus five point five', -5.5],
  ['- 1 4/5', -1.8],
  // decimals in words
  ['two hundred point zero three', 200.03],
  ['two hundred point seventy-one', 200.71],
  ['nine point nought four', 9.04],
  ['nought point eleven', 0.11],
  // fractions
  ['2  1/4', 2.25],
  ['a half', 0.5],
  ['half', 0.5],
  ['one eighth', 0.125],
  ['one-eighth', 0.125],
  ['five - eighths', 0.625],
  ['a hundredth', 0.01],
  ['a trillionth', 1e-12],
  ['a hundred trillionths', 1e-10],
  ['twenty and three fifths', 20.6],
  ['twenty-three fifths', 4.6],
  ['twenty and three and three fifths', 23.6],
  ['one and a fourth', 1.25],
  ['one hundred and three quarters', 100.75],
  ['two hundred and fifty-four hundredths', 200.54],
  ['one hundred and thirty-two fifths', 26.4],
  ['one hundred thirty fifths', 100 / 35],
  ['one hundred thirty-fifths', 100 / 35],
  ['twenty twenty fifths', 0.8],
  ['a twenty-first', 1 / 21],
  ['one one hundred and fifth', 1 / 105],
  ['one hundred one thousand fifths', 100 / 1005],
  ['ninety - five hundred fifths', 1900],
  // fractions of scales
  ['half million', 500000],
  ['quarter million', 250000],
  ['half a  dozen', 6],
  ['two thirds of a million', 2e6 / 3],
  ['one million and a half', 1.5e6],
  ['3 million and a half', 3.5e6],
  ['five and a half million', 5.5e6],
  ['one billion and a half million', 1.0005e9],
  ['one billion and three quarters million', 1.00075e9],
  ['five billion and three quarters', 5.75e9],
];

describe('parseNumber', () => {
  test.each(cases)('%s', (s, want) => {
    const got = parseNumber(s);
    expect(got).not.toBeNull();
    expect(got!).toBeCloseTo(want, Math.abs(want) < 1 ? 12 : 6 - Math.floor(Math.log10(Math.abs(want) || 1)));
  });

  test('trailing sentence punctuation is no part of the numeral', () => {
    expect(parseNumber('one hundred and six.')).toBe(106);
  });

  test('what is not a numeral gives null', () => {
    expect(parseNumber('hello')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('the')).toBeNull();
  });

  test('ordinals are no numbers', () => {
    expect(parseNumber('twenty-first')).toBeNull();
    expect(parseNumber('the fifth')).toBeNull();
  });
});
