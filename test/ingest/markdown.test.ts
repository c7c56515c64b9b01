import { ingestText } from '../../src/ingest/index.js';
import { checkOffsets, fixture, segTexts, sourceOf } from './helpers.js';

const md = (src: string, path = 'a.md') => ingestText(src, { id: path, path });

describe('Markdown', () => {
  const src = fixture('draft.md');
  const doc = md(src, 'draft.md');

  test('a post footer that opens with its comment count is dropped with what follows', () => {
    const doc = ingestText('---\ntitle: Line 4\ndate: 2025-10-16\n---\n\nThe line costs roughly €140 million per kilometre.\n\n**58 comments** · [Subscribe via RSS](https://x.example/feed) · [Support this blog on Patreon: €3/month](https://p.example/r)\n\nGreat post, 5 stars\n', { id: 'b.md', path: 'b.md' });
    expect(doc.text).toContain('€140 million');
    for (const gone of ['58 comments', '€3/month', '5 stars']) expect(doc.text).not.toContain(gone);
  });

  test('front matter gives date, title, outlet and url; it is not text', () => {
    expect(doc.format).toBe('markdown');
    expect(doc.date).toBe('2024-02-19');
    expect(doc.dateSource).toBe('front-matter');
    expect(doc.title).toBe('Ferry fares to rise by 8%');
    expect(doc.outlet).toBe('Island Gazette');
    expect(doc.url).toBe('https://gazette.example/ferry-fares');
    expect(doc.text).not.toMatch(/transport|Island Gazette|tags/);
    expect(doc.errors).toEqual([]);
  });

  test('blocks: headings, paragraphs, list items, quotes, cells; syntax stripped', () => {
    const segs = segTexts(doc);
    const kinds = new Map(doc.segments.map((s) => [doc.text.slice(s.start, s.end), s.kind]));
    expect(segs[0]).toBe('Ferry fares to rise by 8% from April');
    expect(kinds.get('Ferry fares to rise by 8% from April')).toBe('heading');
    expect(segs).toContain("The island's ferry operator will raise fares by 8 per cent from 1 April, adding about €1.20 to a return ticket, the operator said on Monday.");
    expect(kinds.get('What changes')).toBe('heading');
    expect(kinds.get('A return ticket rises from €15 to €16.20.')).toBe('list-item');
    expect(kinds.get('Season tickets go up by €40 a year.')).toBe('list-item');
    expect(kinds.get('Children under 5 still travel free.')).toBe('list-item');
    expect(kinds.get('"We carried 1.2 million passengers last year," the operator\'s chief said. Costs rose 14% in the same period.')).toBe('quote');
    expect(kinds.get('€16.20')).toBe('cell');
    expect(kinds.get('Car')).toBe('cell');
    expect(segs).toContain('Fuel accounts for ~30% of costs & wages for 45%, according to the *annual* report.');
    expect(segs).toContain('Use inline HTML sparingly; snake_case_names stay whole and 5*3 is 15.');
    expect(kinds.get('Setext heading here')).toBe('heading');
    expect(segs).toContain('The annual report covers 12 months to December.');
  });

  test('dropped: comments, images, URLs, code, script, boilerplate lines, reference definitions', () => {
    for (const gone of ['numcheck-disable', 'desk', '450 seats', 'ferry.jpg', 'https://', 'press release', '999', '777', 'Advertisement', 'See also', '6 sailings', 'unused', '|', '---']) {
      expect(doc.text).not.toContain(gone);
    }
    // the directive is still in the source for the suppression reader
    expect(doc.source).toContain('<!-- numcheck-disable-next-line cross-source');
  });

  test('offsets: every word maps back into the file; syntax sits outside the words', () => {
    checkOffsets(doc);
    expect(sourceOf(doc, '8 per cent')).toBe('8 per cent');
    expect(sourceOf(doc, 'operator said')).toBe('operator said');
    expect(sourceOf(doc, 'about €1.20')).toBe('about\n€1.20');
    expect(sourceOf(doc, 'costs & wages')).toBe('costs &amp; wages');
    expect(sourceOf(doc, '*annual*')).toBe('\\*annual\\*');
    const i = doc.text.indexOf('1.2 million');
    expect(doc.map.toOriginalStart(i)).toBe(src.indexOf('1.2 million'));
  });

  test('CRLF and a BOM', () => {
    const crlf = '\ufeff' + src.replace(/\n/g, '\r\n');
    const d2 = md(crlf, 'crlf.md');
    expect(d2.text).toBe(doc.text);
    expect(d2.date).toBe('2024-02-19');
    checkOffsets(d2);
  });

  test('front matter keys: published / source / link; bad YAML is reported, the body still read', () => {
    const a = md('---\npublished: "March 3, 2024"\nsource: {name: Wire Service}\nlink: https://x.example/a\n---\nBody text with 3 figures.\n');
    expect(a.date).toBe('2024-03-03');
    expect(a.outlet).toBe('Wire Service');
    expect(a.url).toBe('https://x.example/a');
    expect(a.text).toBe('Body text with 3 figures.');
    // an official report's "issued" date, with its hour and zone
    expect(md('---\ntitle: Situation report\nissued: 2026-09-16T18:00+08:00\n---\nBody with 2 figures.\n').date).toBe('2026-09-16');
    const bad = md('---\ntitle: [unclosed\ndate: 2024-01-01\n---\nStill 5 words of body here.\n');
    expect(bad.text).toBe('Still 5 words of body here.');
    expect(bad.errors.map((e) => e.code)).toEqual(['front-matter']);
    expect(bad.errors[0]!.line).toBeGreaterThanOrEqual(2);
    const noClose = md('---\nNot front matter after all, 4 words.');
    expect(noClose.text).toBe('Not front matter after all, 4 words.');
  });

  test('YAML front matter is data only: no tags executed, aliases bounded', () => {
    const evil = md('---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: !!js/function "function(){ return 1 }"\n---\nBody.\n');
    expect(evil.text).toBe('Body.');
  });

  test('a "date YYYY-MM-DD" header line works in Markdown too', () => {
    const d = md('date 2023-05-24 The council met.\n\nMore text.');
    expect(d.date).toBe('2023-05-24');
    expect(d.dateSource).toBe('header-line');
    expect(segTexts(d)).toEqual(['The council met.', 'More text.']);
  });

  test('links: inline, reference, autolinks; brackets that are not links stay', () => {
    const d = md('See [the report][r] and <https://example.com/x> or [this](http://a.b/(c)) — [in the spring] it said.\n\n[r]: http://r.example\n');
    expect(segTexts(d)).toEqual(['See the report and or this — [in the spring] it said.']);
    checkOffsets(d);
  });
});
