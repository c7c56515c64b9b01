import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { render, type ReportInput } from '../../src/report/index.js';
import { FILES, fixture } from './fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMA_FILE = join(here, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The official SARIF 2.1.0 schema is written in draft-04 (`id`, `$schema` draft-04); ajv speaks draft-07,
 * and for this schema the only difference that matters is the root `id` keyword, which becomes `$id`.
 * One of its patterns (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, for `language`) is not a valid regular
 * expression with the `u` flag, so patterns are compiled without it (`unicodeRegExp: false`).
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const addFormats = ((addFormatsModule as Json).default ?? addFormatsModule) as (a: Ajv) => void;
  addFormats(ajv);
  return ajv.compile(schema);
}
const validate = sarifValidator();

async function sarif(input: ReportInput = fixture()): Promise<Json> {
  const s = await render('sarif', input, { color: false, toolVersion: '0.1.0' });
  return JSON.parse(s);
}

function expectValid(doc: Json) {
  const ok = validate(doc);
  if (!ok) throw new Error('SARIF schema errors:\n' + JSON.stringify(validate.errors, null, 2));
}

describe('SARIF 2.1.0', () => {
  test('validates against the official SARIF 2.1.0 schema', async () => {
    expectValid(await sarif());
    // and a broken document does not (the validator really checks)
    const bad = await sarif();
    bad.runs[0].results[0].level = 'fatal';
    expect(validate(bad)).toBe(false);
  });

  test('one run; driver with name, version, informationUri and rules from the input', async () => {
    const s = await sarif();
    expect(s.version).toBe('2.1.0');
    expect(s.runs).toHaveLength(1);
    const d = s.runs[0].tool.driver;
    expect(d.name).toBe('numcheck');
    expect(d.version).toBe('0.1.0');
    expect(d.informationUri).toMatch(/^https:\/\//);
    expect(d.rules.map((r: Json) => r.id)).toEqual(['cross-source-mismatch', 'cross-source-rounding', 'scope-mismatch', 'unit-conversion', 'share-implied']);
    const [mismatch, rounding, scope, , implied] = d.rules;
    expect(mismatch).toMatchObject({
      shortDescription: { text: 'Figures for one fact disagree across sources' },
      helpUri: 'https://numcheck.dev/rules/cross-source-mismatch',
      defaultConfiguration: { level: 'error' },
    });
    expect(rounding.defaultConfiguration.level).toBe('warning');
    expect(rounding.helpUri).toBeUndefined();
    expect(scope.helpUri).toBeUndefined(); // a relative link is not a valid helpUri
    expect(implied.defaultConfiguration.level).toBe('note'); // added for a finding whose rule the input did not list
  });

  test('results: ruleId, ruleIndex, level, message, first claim as location, the others as related locations', async () => {
    const s = await sarif();
    const run = s.runs[0];
    expect(run.results).toHaveLength(5);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results.map((r: Json) => r.level)).toEqual(['warning', 'error', 'warning', 'error', 'note']);
    const mismatch = run.results.find((r: Json) => r.ruleId === 'cross-source-mismatch');
    expect(mismatch.message.text).toBe('The sources disagree on reservists mobilised: 222,000 (Putin) vs some 300,000 (Kyiv), 35% apart.');
    expect(mismatch.locations).toHaveLength(1);
    expect(mismatch.locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'docs/moscow-times.md', uriBaseId: '%SRCROOT%' });
    expect(mismatch.relatedLocations).toHaveLength(1);
    expect(mismatch.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('sources/feed.jsonl');
    expect(mismatch.relatedLocations[0].message.text).toBe('“some 300,000” — Kyiv · Kyiv Independent · 2022-10-27');
    expect(mismatch.properties).toMatchObject({ findingId: 'f2', kind: 'cross-source', claims: ['c1', 'c12'] });
  });

  test('regions are 1-based UTF-16 code units (columnKind utf16CodeUnits) with char offsets into the file', async () => {
    const s = await sarif();
    const run = s.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    const scope = run.results.find((r: Json) => r.ruleId === 'scope-mismatch');
    // "more than 600" comes after a flag emoji: 2 code points, 4 UTF-16 code units
    const region = scope.relatedLocations[0].physicalLocation.region;
    const file = FILES['sources/tass.txt'];
    const line6 = file.split('\n')[5]!;
    expect(region.startLine).toBe(6);
    expect(region.startColumn).toBe(line6.indexOf('more than 600') + 1);
    expect(region.startColumn).toBe(39);
    expect([...line6.slice(0, region.startColumn - 1)].length).toBe(36); // code points differ: it really is UTF-16
    expect(region.endLine).toBe(6);
    expect(region.endColumn).toBe(52);
    expect(file.slice(region.charOffset, region.charOffset + region.charLength)).toBe('more than 600');
    expect(region.snippet.text).toBe('more than 600');
    // a JSONL line: offsets into the whole .jsonl file
    const jl = scope.locations[0].physicalLocation.region;
    expect(FILES['sources/feed.jsonl'].slice(jl.charOffset, jl.charOffset + jl.charLength)).toBe('75');
  });

  test('URIs are relative to cwd with forward slashes; a file outside cwd gets a file: URI; artifacts listed', async () => {
    const input = fixture();
    input.documents[1]!.path = '/elsewhere/wire copy.txt';
    const s = await sarif(input);
    expectValid(s);
    const run = s.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/newsroom/');
    expect(run.artifacts.map((a: Json) => a.location.uri)).toEqual([
      'docs/moscow-times.md',
      'file:///elsewhere/wire%20copy.txt',
      'sources/feed.jsonl',
      'sources/missing.txt',
    ]);
    const conv = run.results.find((r: Json) => r.ruleId === 'unit-conversion');
    expect(conv.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/wire%20copy.txt', index: 1 });
  });

  test('document errors are tool execution notifications', async () => {
    const s = await sarif();
    const n = s.runs[0].invocations[0].toolExecutionNotifications;
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ level: 'error', descriptor: { id: 'ENOENT' }, message: { text: 'sources/missing.txt: no such file or directory' } });
  });

  test('partialFingerprints are stable across runs and edits elsewhere, and differ between findings', async () => {
    const a = await sarif();
    const prints = a.runs[0].results.map((r: Json) => r.partialFingerprints['numcheck/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{32}$/);
    // same input again
    const b = await sarif();
    expect(b.runs[0].results.map((r: Json) => r.partialFingerprints['numcheck/v1'])).toEqual(prints);
    // text added above the figures: lines, columns and offsets move, the fingerprints do not
    const moved = fixture();
    for (const c of moved.claims) {
      c.line += 3;
      c.span = { start: c.span.start + 40, end: c.span.end + 40 };
    }
    moved.findings.reverse();
    const m = await sarif(moved);
    expect(m.runs[0].results.map((r: Json) => r.partialFingerprints['numcheck/v1']).reverse()).toEqual(prints);
    // a different figure is a different finding
    const changed = fixture();
    changed.claims.find((c) => c.id === 'c7')!.text = '230,000';
    const c2 = await sarif(changed);
    expect(c2.runs[0].results[0].partialFingerprints['numcheck/v1']).not.toBe(prints[0]);
    expect(c2.runs[0].results[1].partialFingerprints['numcheck/v1']).toBe(prints[1]);
  });

  test('two identical findings get distinct fingerprints', async () => {
    const input = fixture();
    input.findings.push({ ...input.findings[0]!, id: 'f1-again' });
    const s = await sarif(input);
    const prints = s.runs[0].results.map((r: Json) => r.partialFingerprints['numcheck/v1']);
    expect(prints[5]).toBe(`${prints[0]}:2`);
  });

  test('extract: no results, still valid', async () => {
    const s = await sarif({ ...fixture(), command: 'extract' });
    expectValid(s);
    expect(s.runs[0].results).toEqual([]);
  });
});
