/**
 * The built-in vocabulary files (rules/lexicon/{numbers,units,words}.yaml) validate against their schemas, and the
 * fields the extractor reads from them compile into the lexicon.
 */
import { loadValidated } from '../../src/lexicon/datafile.js';
import { getLexicon } from '../../src/lexicon/index.js';
import { rulesPath } from '../../src/util/paths.js';

describe('built-in lexicon files', () => {
  for (const name of ['numbers', 'units', 'words']) {
    test(`${name}.yaml validates against rules/schema/lexicon-${name}.schema.json`, async () => {
      await expect(loadValidated(rulesPath('lexicon', `${name}.yaml`), `lexicon-${name}`)).resolves.toBeTruthy();
    });
  }

  test('fraction, dozen, sign and point words compile', () => {
    const lex = getLexicon();
    expect(lex.ordinals.get('fifth')).toBe(5);
    expect(lex.ordinals.get('hundredth')).toBe(100);
    expect(lex.dozenWords.has('dozens')).toBe(true);
    expect(lex.negativeWords.has('minus')).toBe(true);
    expect(lex.pointWords.has('point')).toBe(true);
    expect(lex.scaleAbbrevs.get('T')).toMatchObject({ value: 1e12, money: true });
    expect(lex.scaleAbbrevs.get('b')).toMatchObject({ value: 1e9, strict: true });
  });

  test('names with numbers, street types and glued nouns compile', () => {
    const lex = getLexicon();
    expect(lex.nameHeads.candidates('S', 's')!.some((e) => e.toks.map((t) => t.text).join('') === 's&p')).toBe(true);
    expect(lex.streetTypes.has('Rd')).toBe(true);
    expect(lex.gluedNouns.has('cyl')).toBe(true);
  });

  test('unit fields compile: part_of, after_scale, context, factor, glued symbols', () => {
    const lex = getLexicon();
    expect(lex.unitsByName.get('USc')!.partOf).toEqual({ unit: 'USD', factor: 0.01 });
    expect(lex.unitsByName.get('lb')!.afterScale).toBe('GBP');
    expect(lex.unitsByName.get('deg')!.context!.def.dimension).toBe('temperature');
    const musd = lex.units.candidates('MUSD', 'musd')!.find((e) => e.caseSensitive)!;
    expect(musd.value.factor).toBe(1e6);
    expect(musd.value.unit).toBe(lex.unitsByName.get('USD'));
    const c = lex.units.candidates('C', 'c')!.find((e) => e.caseSensitive && e.toks.length === 1)!;
    expect(c.value.bare).toBe(false);
  });
});
