import { ingestText } from '../../src/ingest/index.js';
import { fixture } from './helpers.js';

/**
 * Throughput guards. The floors are far below what a quiet machine does (plain text ~100+ MB/s, see the README of
 * the ingest stage) so that a loaded CI box does not fail them, but a quadratic pass would.
 */
describe('speed', () => {
  test('plain text: 40 MB of paragraphs', () => {
    const para = 'The council voted 7 to 2 on Tuesday to build a 1.8-kilometre flood wall along the river, at a cost of 4.5 million euros, officials said. ';
    const lines: string[] = [];
    let n = 0;
    for (let k = 0; n < 40 * 1024 * 1024; k++) {
      const l = `${k} ${para.repeat(1 + (k % 4))}`;
      lines.push(l);
      n += l.length + 1;
    }
    const text = lines.join('\n');
    const t0 = performance.now();
    const doc = ingestText(text, { id: 'p.txt', path: 'p.txt' });
    const ms = performance.now() - t0;
    const mbs = text.length / 1048576 / (ms / 1000);
    console.log(`plain text: ${(text.length / 1048576).toFixed(0)} MB in ${ms.toFixed(0)} ms = ${mbs.toFixed(0)} MB/s`);
    expect(doc.segments.length).toBe(lines.length);
    expect(mbs).toBeGreaterThan(30);
  });

  test('plain text: a scraped page repeated 2,000 times (nearly all duplicates)', () => {
    const page = 'Advertisement\n' + Array.from({ length: 30 }, (_, i) => `Paragraph ${i} says “about ${i * 1000} people” were affected, officials said.`).join('\n') + '\nLEAVE A REPLY\n';
    const text = page.repeat(2000);
    const t0 = performance.now();
    const doc = ingestText(text, { id: 'r.txt', path: 'r.txt' });
    const ms = performance.now() - t0;
    console.log(`repeated page: ${(text.length / 1048576).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
    expect(doc.segments).toHaveLength(30);
    expect(ms).toBeLessThan(10000);
  });

  test('HTML: a 1 MB page', () => {
    const page = fixture('article.html');
    const body = page.slice(page.indexOf('<div class="story-body">'), page.indexOf('<div class="related-articles">'));
    const parts: string[] = [];
    let n = 0;
    for (let k = 0; n < 1024 * 1024; k++) {
      const b = body.replace(/\d+/g, (d) => String(Number(d) + k));
      parts.push(b);
      n += b.length;
    }
    const big = page.replace(body, parts.join('\n'));
    const t0 = performance.now();
    const doc = ingestText(big, { id: 'big.html', path: 'big.html' });
    const ms = performance.now() - t0;
    console.log(`HTML: ${(big.length / 1048576).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
    expect(doc.segments.length).toBeGreaterThan(parts.length * 10);
    expect(ms).toBeLessThan(20000);
  });
});
