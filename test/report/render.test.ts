import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { REPORT_FORMATS, render } from '../../src/report/index.js';
import { buildReport, formatJson } from '../../src/report/json.js';
import { fixture } from './fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

describe('render()', () => {
  test('json delegates to the contract serializer and validates against the shipped schema', async () => {
    const input = fixture();
    const out = await render('json', input, { color: true, toolVersion: '0.1.0' });
    expect(out).toBe(formatJson(buildReport(input.documents, input.claims, input.findings, input.checks)));
    const schema = JSON.parse(readFileSync(join(root, 'rules/schema/report.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate(JSON.parse(out))).toBe(true);
    const extract = JSON.parse(await render('json', { ...input, command: 'extract' }, { color: false, toolVersion: '0.1.0' }));
    expect(extract.findings).toBeUndefined();
    expect(validate(extract)).toBe(true);
  });

  test('every format is deterministic: same input, byte-identical output', async () => {
    for (const f of REPORT_FORMATS) {
      const a = await render(f, fixture(), { color: true, toolVersion: '0.1.0', width: 100 });
      const b = await render(f, fixture(), { color: true, toolVersion: '0.1.0', width: 100 });
      expect(a).toBe(b);
      expect(a.endsWith('\n')).toBe(true);
    }
  });

  test('only the text format uses colour', async () => {
    for (const f of REPORT_FORMATS.filter((x) => x !== 'text')) {
      const out = await render(f, fixture(), { color: true, toolVersion: '0.1.0' });
      expect(out).not.toContain('\u001b');
    }
  });

  test('an unknown format is an error', async () => {
    await expect(render('yaml' as never, fixture(), { color: false, toolVersion: 'x' })).rejects.toThrow(/unknown report format/);
  });

  test('formats are loaded lazily: the text path imports nothing the HTML, SARIF or Markdown path needs', () => {
    // follow static imports (not `await import()`) from index.ts and text.ts
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(join(root, 'src/report', file), 'utf8');
      for (const m of src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1]!;
        if (spec.startsWith('./')) walk(spec.slice(2).replace(/\.js$/, '.ts'));
        else seen.add(spec);
      }
    };
    walk('index.ts');
    expect([...seen].sort()).toEqual(['index.ts']);
    walk('text.ts');
    expect([...seen].sort()).toEqual(['common.ts', 'index.ts', 'node:path', 'picocolors', 'text.ts', 'textlayout.ts']);
    const index = readFileSync(join(root, 'src/report/index.ts'), 'utf8');
    for (const m of ['text', 'json', 'markdown', 'html', 'sarif', 'github']) expect(index).toContain(`await import('./${m}.js')`);
  });
});
