/**
 * The JSON contract of DESIGN.md: every report the pipeline builds validates against the schema that ships in
 * rules/schema/report.schema.json; every claim's span points into the file as it is on disk; the same input
 * gives byte-identical output. Run over the seed articles (read from ../shared at run time) and the examples.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ingestPaths } from '../../src/ingest/index.js';
import { checkClaims, numberClaims, processDocument } from '../../src/pipeline.js';
import { buildReport, formatJson } from '../../src/report/json.js';
import { ruleSet } from './helpers.js';

const SEEDS = '../shared/eval/visible/seeds/docs';
const sets = [SEEDS, ...readdirSync('examples').filter((d) => existsSync(join('examples', d, 'docs'))).map((d) => join('examples', d, 'docs'))].filter(existsSync);

async function report(dir: string): Promise<string> {
  const set = await ruleSet();
  const results = [];
  let i = 0;
  for await (const d of ingestPaths([dir])) results.push(processDocument(d, i++, set.lexicon));
  const claims = numberClaims(results);
  const docs = results.map((r) => r.doc);
  const { findings, checks } = checkClaims(docs, claims, set);
  return formatJson(buildReport(docs, claims, findings, checks));
}

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync('rules/schema/report.schema.json', 'utf8')));

describe.each(sets)('%s', (dir) => {
  let json: string;
  beforeAll(async () => {
    json = await report(dir);
  });

  test('the report validates against the JSON Schema that ships with numcheck', () => {
    const ok = validate(JSON.parse(json));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('every span points at the claim text in the file on disk, with its line and column', () => {
    const r = JSON.parse(json) as { documents: Array<{ id: string; path: string }>; claims: Array<{ document: string; span: { start: number; end: number }; text: string; line: number; column: number }> };
    const files = new Map(r.documents.map((d) => [d.id, readFileSync(d.path, 'utf8')]));
    let checked = 0;
    for (const c of r.claims) {
      const src = files.get(c.document)!;
      const onDisk = src.slice(c.span.start, c.span.end);
      // HTML entities and markup inside a figure are decoded in `text`; plain figures match exactly
      if (!/[&<]/.test(onDisk)) expect(onDisk.replace(/\s+/g, ' ')).toBe(c.text.replace(/\s+/g, ' '));
      const before = src.slice(0, c.span.start);
      const line = before.split('\n').length;
      const column = c.span.start - (before.lastIndexOf('\n') + 1) + 1;
      expect([c.line, c.column]).toEqual([line, column]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  test('the same input gives byte-identical output', async () => {
    expect(await report(dir)).toBe(json);
  });
});
