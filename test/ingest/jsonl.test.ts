import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ingestPaths, ingestText } from '../../src/ingest/index.js';
import { decodeJsonString, locateStringValue } from '../../src/ingest/jsonl.js';
import type { Document } from '../../src/types.js';
import { checkOffsets, FIXTURES, segTexts, sourceOf } from './helpers.js';

async function all(gen: AsyncGenerator<Document>): Promise<Document[]> {
  const out: Document[] = [];
  for await (const d of gen) out.push(d);
  return out;
}

describe('JSON string offsets', () => {
  test('locate the top-level "text" value (the last duplicate wins, nested keys ignored)', () => {
    const line = '{"meta":{"text":"inner"},"te\\u0078t":"first","arr":["text",{"text":1}],"text":"last"}';
    const loc = locateStringValue(line, 'text')!;
    expect(line.slice(loc.start, loc.end)).toBe('"last"');
    expect(locateStringValue('{"text": 5}', 'text')).toBeNull();
    expect(locateStringValue('[1]', 'text')).toBeNull();
  });

  test('each decoded char maps to its escaped span', () => {
    const line = '{"text":"a\\nb\\"c\\u00e9\\ud83d\\ude00d"}';
    const loc = locateStringValue(line, 'text')!;
    const { text, map } = decodeJsonString(line, loc.start, loc.end, 100);
    expect(text).toBe('a\nb"c\u00e9\ud83d\ude00d');
    const span = (i: number) => line.slice(map.toOriginalStart(i) - 100, map.toOriginalEnd(i + 1) - 100);
    expect(span(0)).toBe('a');
    expect(span(1)).toBe('\\n');
    expect(span(3)).toBe('\\"');
    expect(span(5)).toBe('\\u00e9');
    expect(span(6)).toBe('\\ud83d');
    expect(span(7)).toBe('\\ude00');
    expect(span(8)).toBe('d');
  });
});

describe('JSONL files', () => {
  const file = join(FIXTURES, 'batch.jsonl');
  const raw = readFileSync(file, 'utf8');
  let docs: Document[];
  beforeAll(async () => {
    docs = await all(ingestPaths([file], { cwd: FIXTURES }));
  });

  test('one document per non-blank line, ids <file>#<id or line>, repeated ids made unique', () => {
    expect(docs.map((d) => d.id)).toEqual([
      'batch.jsonl#a1',
      'batch.jsonl#2',
      'batch.jsonl#4',
      'batch.jsonl#a1@5',
      'batch.jsonl#6',
      'batch.jsonl#7',
      'batch.jsonl#md',
      'batch.jsonl#nodate',
      'batch.jsonl#notext',
    ]);
    expect(docs.every((d) => d.format === 'jsonl' && d.path === file)).toBe(true);
  });

  test('a broken line is a document with a jsonl-parse error naming the line; the others are read', () => {
    const broken = docs[1]!;
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]!.code).toBe('jsonl-parse');
    expect(broken.errors[0]!.line).toBe(2);
    expect(broken.errors[0]!.message).toMatch(/batch\.jsonl:2: invalid JSON/);
    expect(broken.text).toBe('');
    expect(docs[4]!.errors[0]!.code).toBe('jsonl-parse'); // an array, not an object
    expect(docs[8]!.errors[0]!.message).toMatch(/no "text" string/);
    expect(docs[2]!.errors).toEqual([]);
  });

  test('fields: date, outlet, title, url; the text cleaned like any text', () => {
    const a = docs[0]!;
    expect(a.date).toBe('2024-03-01');
    expect(a.dateSource).toBe('jsonl');
    expect(a.outlet).toBe('Wire Service');
    expect(a.title).toBe('Fares rise');
    expect(segTexts(a)).toEqual(['Line one says "222,000" people came.', 'Café prices rose to €5.\tTabbed.', 'Emoji 😀 then 7 more.', 'Last line / with a slash, 40 km.']);
    expect(docs[2]!.outlet).toBe('Harbour Radio');
    expect(docs[2]!.url).toBe('https://x.example/boats');
  });

  test('source, sourceOffset and sourceLine locate the line in the file', () => {
    for (const d of docs) {
      expect(raw.slice(d.sourceOffset!, d.sourceOffset! + d.source!.length)).toBe(d.source);
      expect(raw.split('\n')[d.sourceLine! - 1]).toBe(d.source);
    }
  });

  test('offsets point at the JSON-escaped text in the .jsonl file', () => {
    const a = docs[0]!;
    checkOffsets(a);
    const i = a.text.indexOf('"222,000"');
    expect(raw.slice(a.map.toOriginalStart(i), a.map.toOriginalEnd(i + 9))).toBe('\\"222,000\\"');
    expect(sourceOf(a, 'Café')).toBe('Caf\\u00e9');
    expect(sourceOf(a, '€5.')).toBe('\\u20ac5.');
    expect(sourceOf(a, '😀')).toBe('\\ud83d\\ude00');
    expect(sourceOf(a, ' / ')).toBe(' \\/ ');
    for (const d of docs) checkOffsets(d);
  });

  test('HTML and Markdown inside a line are read as such, offsets still into the file', () => {
    const h = docs[5]!;
    expect(h.text).toBe('HTML inside with 12 & 13 boats.');
    expect(sourceOf(h, '12 & 13')).toBe('12 &amp; 13');
    const m = docs[6]!;
    expect(segTexts(m)).toEqual(['Head 5', 'Body 7 here.']);
    expect(m.date).toBe('2020-05-05');
    expect(m.title).toBe('Inner');
    checkOffsets(m);
    const n = docs[7]!;
    expect(n.date).toBe('2019-09-09');
    expect(n.text).toBe('Header line inside a JSONL text, 3 items.');
  });

  test('CRLF line ends and a BOM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-jsonl-'));
    const f = join(dir, 'crlf.jsonl');
    const content = '\ufeff' + raw.replace(/\n/g, '\r\n');
    writeFileSync(f, content);
    const d2 = await all(ingestPaths([f], { cwd: dir }));
    expect(d2.map((d) => d.id)).toEqual(docs.map((d) => d.id.replace('batch.jsonl', 'crlf.jsonl')));
    for (const d of d2) {
      expect(content.slice(d.sourceOffset!, d.sourceOffset! + d.source!.length)).toBe(d.source);
      checkOffsets(d);
    }
    const a = d2[0]!;
    const i = a.text.indexOf('222,000');
    expect(content.slice(a.map.toOriginalStart(i), a.map.toOriginalEnd(i + 7))).toBe('222,000');
  });

  test('ingestText with format jsonl reads one line', () => {
    const d = ingestText('{"id":"x","text":"One line, 4 words."}', { id: 'f.jsonl', path: 'f.jsonl', format: 'jsonl', sourceOffset: 50, sourceLine: 3 });
    expect(d.id).toBe('f.jsonl#x');
    expect(d.sourceLine).toBe(3);
    expect(d.map.toOriginalStart(0)).toBe(50 + 18);
  });

  test('streamed: documents come out before the whole input is read', async () => {
    let produced = 0;
    function* lines() {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield Buffer.from(`{"id":"n${i}","text":"Record ${i} says ${i * 3} boats left port."}\n`);
      }
    }
    const stdin = Readable.from(lines(), { objectMode: false });
    let n = 0;
    for await (const d of ingestPaths(['-'], { stdin, stdinFilename: 'batch.ndjson' })) {
      expect(d.id).toBe(`batch.ndjson#n${n}`);
      if (++n === 1000) break;
    }
    expect(n).toBe(1000);
    expect(produced).toBeLessThan(50_000);
  });

  test('a large file runs in bounded memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-jsonl-big-'));
    const f = join(dir, 'big.jsonl');
    const para = 'The committee said about 1,300 homes had been flooded and 85 businesses closed. ';
    const parts: string[] = [];
    for (let i = 0; i < 40_000; i++) parts.push(JSON.stringify({ id: i, text: `${i}: ${para.repeat(10)}` }));
    writeFileSync(f, parts.join('\n') + '\n'); // ~34 MB
    const base = process.memoryUsage().heapUsed;
    let max = 0;
    let n = 0;
    for await (const d of ingestPaths([f], { cwd: dir })) {
      n++;
      if (n % 2000 === 0) max = Math.max(max, process.memoryUsage().heapUsed - base);
      if (n === 39_999) expect(d.id).toBe('big.jsonl#39998');
    }
    expect(n).toBe(40_000);
    // holding every document would take well over 150 MB (text, source and map per line)
    expect(max).toBeLessThan(150 * 1024 * 1024);
  });
});
