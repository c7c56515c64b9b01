/**
 * Property tests over the whole pipeline (ingest → extract → context → rules) on hostile strings: unicode,
 * lone surrogates, control characters, digits with every separator, HTML-ish and Markdown-ish soup.
 *
 *  - nothing throws, and no document comes back with an internal error;
 *  - every claim's span lies inside its document, line/column agree with it, and the file at the span, read the
 *    way a user would (Markdown syntax and HTML entities resolved), is the claim's `text`;
 *  - removing repeated paragraphs is idempotent;
 *  - the same input gives the same output (in-process, and byte-identical JSON from the built CLI, including
 *    --jobs 2 on the worker pool against --jobs 1).
 *
 * Longer runs of the same properties: `npm run fuzz` (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultBoilerplate, ingestText } from '../../src/ingest/index.js';
import { dedupeKey } from '../../src/ingest/blocks.js';
import { checkClaims, loadRuleSet, numberClaims, processDocument, type RuleSet } from '../../src/pipeline.js';
import type { DocFormat, Document } from '../../src/types.js';
import { HOSTILE, HTML, MARKDOWN as MD, NUMBERS, WORDS } from './corpus.js';
import { cli, readAsUser, scratch, squash } from './helpers.js';

const piece = (lists: string[][]) =>
  fc.oneof(
    ...lists.map((l) => ({ weight: 3, arbitrary: fc.constantFrom(...l) })),
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9][0-9,. \u00a0\u202f\u2009'’-]{0,14}$/) },
  );
const soup = (lists: string[][], maxLength = 60) => fc.array(piece(lists), { maxLength }).map((a) => a.join(''));

const ARB: Record<Exclude<DocFormat, 'jsonl'>, fc.Arbitrary<string>> = {
  text: soup([NUMBERS, WORDS, HOSTILE]),
  markdown: soup([NUMBERS, WORDS, HOSTILE, MD]),
  html: soup([NUMBERS, WORDS, HOSTILE, HTML]),
};

/** NUMCHECK_ROBUST_RUNS=20 multiplies every property's runs (a longer hunt than CI's). */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.NUMCHECK_ROBUST_RUNS ?? '1')));

let rules: RuleSet;
beforeAll(async () => {
  rules = await loadRuleSet([], true);
});

/** True when the cleaned-text span [start, end) is not inside one segment. */
function crossesBlocks(doc: Document, start: number, end: number): boolean {
  const seg = doc.segments.find((g) => g.start <= start && start < g.end);
  return !seg || end > seg.end;
}

/** JSON with every non-ASCII char escaped (invisible spaces show). */
const show = (x: unknown) => JSON.stringify(x).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Runs the whole pipeline on one input; checks every invariant; returns the claims as JSON (for determinism). */
function pipeline(input: string, format: DocFormat, inner: DocFormat = 'text'): string {
  const path = `p.${format === 'markdown' ? 'md' : format === 'text' ? 'txt' : format}`;
  const doc = ingestText(input, { id: path, path, format });
  const r = processDocument(doc, 0, rules.lexicon);
  expect(doc.errors.filter((e) => e.code === 'internal')).toEqual([]);
  const claims = numberClaims([r]);
  const source = doc.source ?? '';
  const off = doc.sourceOffset ?? 0;
  for (const c of claims) {
    const where = `${show(c.text)} in ${show(input)}`;
    if (!(c.span.start >= off && c.span.start <= c.span.end && c.span.end <= off + source.length)) throw new Error(`span ${c.span.start}-${c.span.end} outside the document (${off}+${source.length}): ${where}`);
    if (c.text.length === 0) throw new Error(`empty claim text: ${where}`);
    // line and column of span.start, counted on the source
    const before = source.slice(0, c.span.start - off);
    const lines = before.split(/\r\n|\r|\n/);
    const line = (doc.sourceLine ?? 1) + lines.length - 1;
    if (c.line !== line) throw new Error(`line ${c.line}, expected ${line}: ${where}`);
    // a figure read across two blocks (extract's bug, see the test.failing below) quotes what lies between them
    if (crossesBlocks(doc, c.start, c.end)) continue;
    const raw = source.slice(c.span.start - off, c.span.end - off);
    const read = readAsUser(raw, format, inner);
    if (read !== squash(c.text)) throw new Error(`the file at ${c.span.start}-${c.span.end} reads ${show(read)} (raw ${show(raw)}), the claim says ${show(c.text)}; input ${show(input)}`);
  }
  const { findings, checks } = checkClaims([doc], claims, rules);
  for (const f of findings) for (const id of f.claims) if (!claims.some((c) => c.id === id)) throw new Error(`finding ${f.id} names unknown claim ${id}`);
  return JSON.stringify({ claims: claims.map(({ sentence, ...c }) => ({ ...c, sentence: sentence.length })), findings, checks });
}

describe('the pipeline never throws and its spans point at the claim on disk', () => {
  for (const format of ['text', 'markdown', 'html'] as const) {
    test(`${format} soup`, () => {
      fc.assert(
        fc.property(ARB[format], (s) => {
          const a = pipeline(s, format);
          expect(pipeline(s, format)).toBe(a);
        }),
        { numRuns: runs(250) },
      );
    });
  }

  // inputs the soups found once (kept so they are tried on every run)
  test.each([['html', '<plaintext><![CDATA[\u0000\u06f5'], ['html', '<plaintext><![CDATA[\u0000 5 people']] as const)('%s %j', (format, input) => {
    expect(() => pipeline(input, format)).not.toThrow();
  });

  test('JSONL lines carrying text, Markdown or HTML', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('text', 'markdown', 'html' as const).chain((inner) => ARB[inner].map((text) => [inner, text] as const)),
        ([inner, text]) => {
          const line = JSON.stringify(inner === 'text' ? { id: 'a', text } : { id: 'a', text, format: inner });
          pipeline(line, 'jsonl', inner);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  test('arbitrary strings (any UTF-16, lone surrogates included), every format', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom<DocFormat>('text', 'markdown', 'html', 'jsonl'), (s, format) => {
        pipeline(s, format);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('a figure never spans two blocks', () => {
  // FAILS because of src/extract (not this suite's to fix): a rate, range or unit is read across the block
  // separator, so the claim's text holds "\n\n" and its span on disk takes in the markup between the blocks.
  // Found by the soups above; each input below is one paragraph/list item/element boundary.
  test.failing.each([
    ['html', '40 per 100,000<p> homes were flooded'],
    ['markdown', '1,300\n5. per day'],
    ['html', '0\u00a0-<plaintext>1,300'],
  ] as const)('%s %j', (format, input) => {
    const doc = ingestText(input, { id: 'x', path: 'x', format });
    const { claims } = processDocument(doc, 0, rules.lexicon);
    expect(claims.filter((c) => crossesBlocks(doc, c.start, c.end)).map((c) => c.text)).toEqual([]);
  });
});

describe('repeated paragraphs', () => {
  const para = fc.oneof(
    fc.constantFrom(
      'The council said 1,300 homes were flooded on Friday, officials said.',
      'Police said about 23,000 people marched; organisers said 110,000.',
      'More than 600 settlements were retaken across the country, the ministry said.',
      'short line 5',
      'Advertisement',
      'See also  Logan Square welcomes families',
    ),
    soup([NUMBERS, WORDS], 20),
  );
  const page = fc.array(para, { minLength: 1, maxLength: 12 }).chain((ps) =>
    fc.array(fc.nat({ max: ps.length - 1 }), { maxLength: 20 }).map((picks) => [...ps, ...picks.map((i) => ps[i]!)]),
  );

  /** The blocks ingest compares (src/ingest/blocks.ts): minChars characters or minWords words, whitespace collapsed. */
  const { minChars, minWords } = defaultBoilerplate().dedupe;
  function longSegments(doc: Document): string[] {
    return doc.segments.map((s) => squash(doc.text.slice(s.start, s.end))).filter((t) => t.length >= minChars || t.split(' ').length >= minWords);
  }

  test.each([
    ['text', '\n\n'],
    ['markdown', '\n\n'],
    ['html', ''],
  ] as const)('%s: no repeated paragraph survives, and cleaning the cleaned text again changes nothing', (format, sep) => {
    fc.assert(
      fc.property(page, fc.constantFrom('', '\n', '  ', '\r\n'), (ps, noise) => {
        const body = format === 'html' ? `<html><body><article>${ps.map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>${noise}`).join('')}</article></body></html>` : ps.map((p) => p + noise).join(sep);
        const doc = ingestText(body, { id: 'd', path: 'd', format });
        const keys = longSegments(doc).map(dedupeKey);
        expect(new Set(keys).size).toBe(keys.length);
        const again = ingestText(doc.text, { id: 'e', path: 'e', format: 'text' });
        expect(again.text).toBe(doc.text);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe('the built CLI: spans into the files on disk, byte-identical output, --jobs 2 = --jobs 1', () => {
  test('a batch of generated documents', () => {
    const seed = 20240601;
    const files: Record<string, string> = {};
    const formats = ['text', 'markdown', 'html'] as const;
    for (let i = 0; i < 12; i++) {
      const format = formats[i % 3]!;
      const [s] = fc.sample(ARB[format], { numRuns: 1, seed: seed + i });
      const name = `doc${String(i).padStart(2, '0')}.${format === 'markdown' ? 'md' : format === 'text' ? 'txt' : 'html'}`;
      // a realistic paragraph first, so every document holds figures
      const lead = 'The council said 1,300 homes were flooded and 4.5 million euros were spent, officials said.';
      files[name] = format === 'html' ? `<html><body><article><p>${lead}</p>${s}</article></body></html>` : `${lead}\n\n${s}`;
    }
    files['batch.jsonl'] = Object.entries(files)
      .slice(0, 4)
      .map(([k, v]) => JSON.stringify({ id: k, text: v, ...(k.endsWith('.md') ? { format: 'markdown' } : {}) }))
      .join('\n');
    const dir = scratch(files);
    writeFileSync(join(dir, 'extra.txt'), 'Police said about 23,000 people marched; organisers said 110,000.\n');

    const one = cli(['extract', '.', '-f', 'json', '--jobs', '1'], { cwd: dir });
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    const again = cli(['extract', '.', '-f', 'json', '--jobs', '1'], { cwd: dir });
    expect(again.stdout).toBe(one.stdout);
    const pooled = cli(['extract', '.', '-f', 'json', '--jobs', '2'], { cwd: dir, env: { NUMCHECK_FORCE_POOL: '1' } });
    expect(pooled.code).toBe(0);
    expect(pooled.stdout).toBe(one.stdout);

    const report = JSON.parse(one.stdout) as { documents: Array<{ id: string; path: string; format: DocFormat }>; claims: Array<{ document: string; span: { start: number; end: number }; text: string }> };
    expect(report.claims.length).toBeGreaterThan(20);
    const docs = new Map(report.documents.map((d) => [d.id, d]));
    for (const c of report.claims) {
      const d = docs.get(c.document)!;
      const onDisk = readFileSync(join(dir, d.path), 'utf8');
      expect(c.span.end).toBeLessThanOrEqual(onDisk.length);
      const raw = onDisk.slice(c.span.start, c.span.end);
      // a JSONL line holds one of the generated files: read it as that file's format
      const inner: DocFormat = /\.md$/.test(c.document) ? 'markdown' : /\.html$/.test(c.document) ? 'html' : 'text';
      expect({ id: c.document, at: c.span, read: readAsUser(raw, d.format, inner) }).toEqual({ id: c.document, at: c.span, read: squash(c.text) });
    }

    const check1 = cli(['check', '.', '-f', 'json', '--jobs', '1'], { cwd: dir });
    expect([0, 1]).toContain(check1.code);
    const check2 = cli(['check', '.', '-f', 'json', '--jobs', '2'], { cwd: dir, env: { NUMCHECK_FORCE_POOL: '1' } });
    expect(check2.code).toBe(check1.code);
    expect(check2.stdout).toBe(check1.stdout);
  }, 60000);
});
