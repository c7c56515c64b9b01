import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import { loadValidated } from '../../src/lexicon/datafile.js';
import { boilerplatePath, compileBoilerplate, defaultBoilerplate, loadBoilerplate, type BoilerplateData } from '../../src/ingest/lexicon.js';
import { classWords, matchLine, matchesMarker } from '../../src/ingest/lexicon.js';
import { DataFileError } from '../../src/util/errors.js';

describe('rules/lexicon/boilerplate.yaml', () => {
  let data: BoilerplateData;
  beforeAll(async () => {
    data = await loadValidated<BoilerplateData>(boilerplatePath(), 'lexicon-boilerplate');
  });

  test('validates against rules/schema/lexicon-boilerplate.schema.json', () => {
    expect(data.lexicon).toBe('boilerplate');
    expect(data.lines.patterns.length).toBeGreaterThan(20);
    expect(() => compileBoilerplate(data)).not.toThrow();
  });

  test('pattern ids are unique', () => {
    const ids = data.lines.patterns.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every regular expression runs in linear time (ReDoS check)', () => {
    const all = [...data.lines.patterns.map((p) => ({ id: p.id, pattern: p.pattern, flags: p.flags ?? '' })), ...(data.headerLine ?? []).map((h, i) => ({ id: `headerLine[${i}]`, pattern: h.pattern, flags: h.flags ?? '' }))];
    const bad: string[] = [];
    for (const p of all) {
      const r = checkSync(p.pattern, p.flags, { timeout: 10000 });
      // only a proven vulnerability fails: recheck answers 'unknown' when its time runs out on a loaded machine
      // (test/robust/regex.test.ts treats it the same way)
      if (r.status === 'vulnerable') bad.push(`${p.id}: ${r.status}${r.attack ? ` (attack ${JSON.stringify(r.attack.pattern)})` : ''}`);
    }
    expect(bad).toEqual([]);
  }, 120000);

  test('a broken copy is reported with file:line:col', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-lex-'));
    const f = join(dir, 'boilerplate.yaml');
    writeFileSync(f, 'lexicon: boilerplate\nlines:\n  patterns:\n    - id: Bad_Id\n      pattern: "^x$"\n      action: explode\nhtml: {}\nextra: 1\n');
    const err = await loadBoilerplate(f).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DataFileError);
    const msg = (err as DataFileError).message;
    expect(msg).toMatch(/boilerplate\.yaml:4:\d+: .*id/);
    expect(msg).toMatch(/boilerplate\.yaml:6:\d+: .*action must be one of/);
    expect(msg).toMatch(/boilerplate\.yaml:8:1: unknown key "extra"/);
  });

  test('a desk can load its own copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-lex-'));
    const f = join(dir, 'mine.yaml');
    writeFileSync(f, 'lexicon: boilerplate\nlines:\n  patterns:\n    - id: house-promo\n      pattern: "^Read the Gazette every day$"\n      flags: i\nhtml:\n  dropTags: [aside]\n');
    const bp = await loadBoilerplate(f);
    expect(matchLine(bp, 'read the gazette  every day')?.id).toBe('house-promo');
    expect(matchLine(bp, 'Advertisement')).toBeNull();
  });
});

describe('matching', () => {
  const bp = defaultBoilerplate();

  test('lines are normalised before matching (whitespace, no-break spaces, curly quotes)', () => {
    expect(matchLine(bp, '  See also\u00a0 Logan Square welcomes families  ')?.id).toBe('see-also');
    expect(matchLine(bp, 'Editor’s Picks')?.id).toBe('related-header');
    expect(matchLine(bp, 'A long article paragraph that mentions advertisement in passing.')).toBeNull();
  });

  test('class words and markers', () => {
    expect(classWords('relatedLinks share-bar  nav_main')).toEqual(['related', 'links', 'share', 'bar', 'nav', 'main']);
    const { markers, exceptions } = bp.html;
    expect(matchesMarker(classWords('article__related-stories'), markers, exceptions)).toBe(true);
    expect(matchesMarker(classWords('cookieConsentBanner'), markers, exceptions)).toBe(true);
    expect(matchesMarker(classWords('commentary-body'), markers, exceptions)).toBe(false);
    expect(matchesMarker(classWords('canvas address heading'), markers, exceptions)).toBe(false);
    expect(matchesMarker(classWords('ad-slot'), markers, exceptions)).toBe(true);
  });
});

describe('regular expressions in the ingest code', () => {
  test('every regex literal in src/ingest runs in linear time (ReDoS check)', async () => {
    const ts = (await import('typescript')).default;
    const { readdirSync, readFileSync } = await import('node:fs');
    const { ROOT } = await import('./helpers.js');
    const dir = join(ROOT, 'src', 'ingest');
    const bad: string[] = [];
    let n = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const sf = ts.createSourceFile(f, readFileSync(join(dir, f), 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (node: import('typescript').Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const t = node.getText();
          const i = t.lastIndexOf('/');
          // g and y do not change what a pattern can match from one start; recheck assumes any start
          const r = checkSync(t.slice(1, i), t.slice(i + 1).replace(/[gy]/g, ''), { timeout: 10000 });
          n++;
          if (r.status === 'vulnerable') bad.push(`${f}: ${t} (${r.status})`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(n).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  }, 180000);
});
