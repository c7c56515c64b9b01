import { ingestText } from '../../src/ingest/index.js';
import { fixture } from './helpers.js';

/**
 * Large inputs are read whole and correctly. Speed is the benchmark's job (`npm run bench`), and linear time on
 * hostile input is test/robust/linear.test.ts's; here jest's time limit only catches a pass that never ends.
 */
describe('large inputs', () => {
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
    const doc = ingestText(text, { id: 'p.txt', path: 'p.txt' });
    expect(doc.segments.length).toBe(lines.length);
    const last = doc.segments[lines.length - 1]!;
    expect(doc.text.slice(last.start, last.end)).toBe(lines[lines.length - 1]!.trim());
  });

  test('plain text: a scraped page repeated 2,000 times (nearly all duplicates)', () => {
    const page = 'Advertisement\n' + Array.from({ length: 30 }, (_, i) => `Paragraph ${i} says “about ${i * 1000} people” were affected, officials said.`).join('\n') + '\nLEAVE A REPLY\n';
    const text = page.repeat(2000);
    const doc = ingestText(text, { id: 'r.txt', path: 'r.txt' });
    expect(doc.segments).toHaveLength(30);
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
    const doc = ingestText(big, { id: 'big.html', path: 'big.html' });
    expect(doc.segments.length).toBeGreaterThan(parts.length * 10);
  });
});
