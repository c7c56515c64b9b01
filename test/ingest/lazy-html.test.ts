/**
 * The CLI reads inputs through ingest/paths.ts alone, which loads the HTML reader on the first HTML document
 * (Markdown and text runs never load linkedom and Readability). This file deliberately does not import
 * ingest/index.ts, which registers the reader up front for library users.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/ingest/paths.js';
import type { Document } from '../../src/types.js';

async function all(gen: AsyncGenerator<Document>): Promise<Document[]> {
  const out: Document[] = [];
  for await (const d of gen) out.push(d);
  return out;
}

describe('HTML reader loaded on demand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'numcheck-lazy-html-'));
  const page = '<!doctype html><html><head><title>March</title></head><body><nav>Home | Sport</nav><article><p>Organisers said 5,000 people marched on Friday.</p></article></body></html>';

  test('a JSONL batch whose first line is HTML keeps that line\'s own id (the line is read again once the reader is loaded)', async () => {
    const f = join(dir, 'batch.jsonl');
    writeFileSync(f, [JSON.stringify({ id: 'a', text: page }), JSON.stringify({ id: 'a', text: 'Police said 500 people marched.' }), JSON.stringify({ id: 'b', format: 'html', text: '<p>About 700 marched.</p>' })].join('\n') + '\n');
    const docs = await all(ingestPaths([f], { cwd: dir }));
    expect(docs.map((d) => d.id)).toEqual(['batch.jsonl#a', 'batch.jsonl#a@2', 'batch.jsonl#b']);
    expect(docs.map((d) => d.errors.length)).toEqual([0, 0, 0]);
    expect(docs[0]!.text).toBe('Organisers said 5,000 people marched on Friday.');
    expect(docs[0]!.title).toBe('March');
    expect(docs[1]!.text).toBe('Police said 500 people marched.');
    expect(docs[2]!.text).toBe('About 700 marched.');
  });

  test('an .html file and a sniffed page with another extension are read as HTML, boilerplate dropped', async () => {
    writeFileSync(join(dir, 'page.html'), page);
    writeFileSync(join(dir, 'saved.page'), page);
    const docs = await all(ingestPaths([join(dir, 'page.html'), join(dir, 'saved.page')], { cwd: dir }));
    for (const d of docs) {
      expect(d.format).toBe('html');
      expect(d.text).toBe('Organisers said 5,000 people marched on Friday.');
    }
  });
});
