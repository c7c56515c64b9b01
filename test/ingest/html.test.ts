import { htmlBlocks, readJsonLd } from '../../src/ingest/html.js';
import { ingestText } from '../../src/ingest/index.js';
import { defaultBoilerplate } from '../../src/ingest/lexicon.js';
import { checkOffsets, fixture, segTexts, sourceOf } from './helpers.js';

const html = (src: string, path = 'page.html') => ingestText(src, { id: path, path });

describe('HTML: a saved news page', () => {
  const src = fixture('article.html');
  const doc = html(src, 'article.html');
  const text = doc.text;

  test('keeps the article body as blocks of the right kind', () => {
    expect(doc.format).toBe('html');
    const segs = segTexts(doc);
    expect(segs[0]).toBe('River town approves €4.5 million flood wall');
    expect(doc.segments[0]!.kind).toBe('heading');
    expect(segs).toContain('The council of Lowmere voted 7 to 2 on Tuesday to build a 1.8-kilometre flood wall along the river, at a cost of €4.5\u00a0million.');
    const kinds = new Map(doc.segments.map((s) => [doc.text.slice(s.start, s.end), s.kind]));
    expect(kinds.get('How the money adds up')).toBe('heading');
    expect(kinds.get('The planned wall would run for 1.8 km (1.1 miles) along the east bank.')).toBe('caption');
    expect(kinds.get('€3 million')).toBe('cell');
    expect(kinds.get('Regional fund')).toBe('cell');
    expect(kinds.get('Construction is expected to take 18 months.')).toBe('list-item');
    expect(kinds.get('We have waited 12 years for this, said one resident.')).toBe('quote');
    expect(text).toContain('Opponents said the wall, at 4 metres high, would block the view for 200 riverside flats.');
  });

  test('drops navigation, cookie banner, share widget, ads, related links, comments, sidebar, newsletter, footer', () => {
    for (const gone of [
      'We use cookies', 'Accept all', 'Sport 24/7', 'Weather', 'Home', 'Share on Facebook', '1,204 shares', 'Advertisement',
      'Old bridge', 'See also', 'Storm damage bill', '5 things to know', '3 Comments', 'spammer99', 'Buy 1000 followers',
      'Most read', 'Town fair', 'Sign up for our newsletter', 'All rights reserved', '555-0100', 'By A. Reporter',
    ]) {
      expect(text).not.toContain(gone);
    }
  });

  test('<script>, <style>, <noscript>, <template> never contribute text', () => {
    for (const gone of ['12345', 'Script text 777', 'Style text 999', '42 more stories', '31337', 'trackingCount']) expect(text).not.toContain(gone);
  });

  test('metadata: og:title, og:site_name, og:url, article:published_time (local date of a datetime with offset)', () => {
    expect(doc.title).toBe('River town approves €4.5 million flood wall');
    expect(doc.outlet).toBe('The Valley Ledger');
    expect(doc.url).toBe('https://ledger.example/news/flood-wall');
    expect(doc.date).toBe('2024-03-05'); // 22:15 at -05:00 is already the 6th in UTC: the date as written is kept
    expect(doc.dateSource).toBe('meta');
  });

  test('a page dated only by when it was last modified (a live page) takes that date; a published date wins over it', () => {
    const live = (head: string) =>
      html(`<!DOCTYPE html><html><head>${head}<title>Live: march through the city</title></head><body><main><article>` +
        `<h1>Live: march through the city</h1><p>Police say 4,000 people have joined the march so far this afternoon.</p>` +
        `<p>Organisers put the crowd at 9,000 and say more are arriving from the station.</p></article></main></body></html>`);
    const modifiedOnly = live('<meta property="article:modified_time" content="2025-10-11T20:05:00+01:00">');
    expect(modifiedOnly.date).toBe('2025-10-11');
    expect(modifiedOnly.clock).toBe(20 * 60 + 5);
    const both = live('<meta property="article:modified_time" content="2025-10-14T09:00:00Z"><meta property="article:published_time" content="2025-10-11T12:00:00Z">');
    expect(both.date).toBe('2025-10-11');
    const ld = live('<script type="application/ld+json">{"@type":"LiveBlogPosting","dateModified":"2025-10-11T18:00:00Z"}</script>');
    expect(ld.date).toBe('2025-10-11');
    expect(live('').date).toBeNull();
  });

  test('offsets: words map to their source span; entities map to the whole reference', () => {
    checkOffsets(doc);
    expect(sourceOf(doc, '€4.5')).toBe('&euro;4.5');
    expect(sourceOf(doc, 'homes & 85')).toBe('homes &amp; 85');
    expect(sourceOf(doc, '€4.5\u00a0million.')).toBe('&euro;4.5&nbsp;million.');
    expect(sourceOf(doc, '“the biggest')).toBe('&ldquo;the biggest');
    const i = text.indexOf('1.8-kilometre');
    expect(src.slice(doc.map.toOriginalStart(i), doc.map.toOriginalEnd(i + 13))).toBe('1.8-kilometre');
  });

  test('the same page with CRLF line ends and a BOM gives the same text, offsets into that file', () => {
    const crlf = '\ufeff' + src.replace(/\n/g, '\r\n');
    const d2 = html(crlf, 'crlf.html');
    expect(d2.text).toBe(doc.text);
    checkOffsets(d2);
    const i = d2.text.indexOf('1,300 homes');
    expect(crlf.slice(d2.map.toOriginalStart(i), d2.map.toOriginalEnd(i + 11))).toBe('1,300 homes');
  });

  test('the fallback (no Readability) also finds the body and drops the boilerplate', () => {
    const r = htmlBlocks(src, defaultBoilerplate(), { readability: false });
    expect(r.selection).toBe('fallback');
    const t = r.drafts.map((d) => d.piece.text);
    expect(t).toContain('River town approves €4.5 million flood wall');
    expect(t.some((x) => x.startsWith('Engineers say the wall will protect about 1,300 homes'))).toBe(true);
    expect(t.join('\n')).not.toMatch(/cookies|Sport 24\/7|spammer99|Town fair|Storm damage bill|1,204 shares/);
    expect(htmlBlocks(src, defaultBoilerplate()).selection).toBe('readability');
  });
});

describe('HTML: a WordPress-style page (theme furniture, related posts, comment form, widgets)', () => {
  const doc = html(fixture('wordpress.html'), 'wordpress.html');

  test('only the story is left', () => {
    expect(segTexts(doc)).toEqual([
      'Lake level falls to a 30-year low',
      'The water level of Lake Mirren dropped to 2.1 metres below its average on Wednesday, the lowest reading in 30 years, the regional water board said.',
      'The board has asked the 48,000 households that draw from the lake to cut their use by a fifth until the autumn rains arrive.',
      'Farmers around the lake said irrigation had already been cut back twice this summer, and that about 600 hectares of maize were at risk.',
      'The last comparable drought, in 1994, lasted 11 weeks.',
    ]);
    checkOffsets(doc);
  });

  test('date from the <time> in the post header; outlet, canonical url', () => {
    expect(doc.date).toBe('2024-07-04');
    expect(doc.dateSource).toBe('meta');
    expect(doc.outlet).toBe('Northshore Daily');
    expect(doc.url).toBe('https://northshore.example/lake-level-low/');
  });

  test('the fallback gets the same story', () => {
    const r = htmlBlocks(fixture('wordpress.html'), defaultBoilerplate(), { readability: false });
    const t = r.drafts.map((d) => d.piece.text).filter((x) => x !== '- Advertisement -');
    expect(t).toEqual(segTexts(doc));
  });
});

describe('HTML metadata', () => {
  const page = (head: string, body = '<p>Crews have cleared 14 roads so far.</p>') => `<html><head><title>Live: storm</title>${head}</head><body><main><article><h1>Live: the storm</h1>${body}</article></main></body></html>`;
  test('a page that dates only its last update (article:modified_time) is of that day, at that hour', () => {
    const doc = html(page('<meta property="article:modified_time" content="2026-02-07T19:45:00+01:00">'));
    expect(doc.date).toBe('2026-02-07');
    expect(doc.dateSource).toBe('meta');
    expect(doc.clock).toBe(19 * 60 + 45);
  });
  test('its publication date, and a date its text gives, come before its last update', () => {
    expect(html(page('<meta property="article:published_time" content="2026-02-06T08:00:00+01:00"><meta property="article:modified_time" content="2026-02-09T10:00:00+01:00">')).date).toBe('2026-02-06');
    expect(html(page('<meta property="article:modified_time" content="2026-02-09T10:00:00+01:00">', '<p class="byline">By Ana Pell | Friday 6 February 2026</p><p>Crews have cleared 14 roads so far.</p>')).date).toBe('2026-02-06');
    expect(html(page('')).date).toBeNull();
  });

  test('JSON-LD datePublished (array, @graph; a broken block is ignored), publisher as outlet', () => {
    const doc = html(fixture('jsonld.html'), 'jsonld.html');
    expect(doc.date).toBe('2023-05-24');
    expect(doc.dateSource).toBe('json-ld');
    expect(doc.outlet).toBe('Port Weekly');
    expect(doc.title).toBe('Harbour dredging to cost twice the estimate');
    expect(doc.text).toContain('about 310,000 cubic metres');
    expect(doc.text).not.toMatch(/Front page|Tweet|Cheap pills|free spins/);
    checkOffsets(doc);
  });

  test('a <time datetime> in the article header, not one in the navigation', () => {
    const doc = html(fixture('timeonly.html'), 'timeonly.html');
    expect(doc.date).toBe('2022-03-30');
    expect(doc.dateSource).toBe('meta');
    expect(doc.outlet).toBe('Town Notes');
    expect(doc.title).toBe('Short note');
    expect(doc.text).toContain('1,450 residents');
  });

  test('meta names: date / pubdate / DC.date.issued / parsely-pub-date / sailthru.date / itemprop', () => {
    const page = (m: string) => `<html><head>${m}</head><body><article><p>The fund has 3 million dollars for 40 projects this year, officials said on Monday.</p></article></body></html>`;
    expect(html(page('<meta name="pubdate" content="20220314">')).date).toBe('2022-03-14');
    expect(html(page('<meta name="DC.date.issued" content="2021-12-01">')).date).toBe('2021-12-01');
    expect(html(page('<meta name="parsely-pub-date" content="2020-06-30T10:00:00Z">')).date).toBe('2020-06-30');
    expect(html(page('<meta name="sailthru.date" content="Tue, 14 Feb 2023 08:00:00 -0500">')).date).toBe('2023-02-14');
    expect(html(page('<meta itemprop="datePublished" content="2019-07-04">')).date).toBe('2019-07-04');
    expect(html(page('<meta name="date" content="not a date">')).date).toBeNull();
    expect(html(page('<title>T</title>')).title).toBe('T');
    expect(html(page('')).date).toBeNull();
  });

  test('JSON-LD that is invalid or odd never throws', () => {
    expect(readJsonLd(['', '{', '[1,2,', 'null', '"x"', '{"@graph": {"@graph": {"datePublished": 5}}}', '{"a": [[[[[]]]]]}']).date).toBeNull();
    expect(readJsonLd(['<!--{"@type":"Article","datePublished":"2020-02-02",}-->']).date).toBe('2020-02-02');
  });
});

describe('HTML structure', () => {
  test('blocks never run into each other; inline tags do not split a sentence', () => {
    const doc = html('<div>Intro text here<p>The <b>council</b> voted <a href="/v">7 to 2</a>.</p>tail text</div><ul><li>one</li><li>two</li></ul>');
    expect(segTexts(doc)).toEqual(['Intro text here', 'The council voted 7 to 2.', 'tail text', 'one', 'two']);
    checkOffsets(doc);
  });

  test('<br> is a space, two <br> end a block', () => {
    const doc = html('<p>Line one<br>line two<br/><br> Line three</p>');
    expect(segTexts(doc)).toEqual(['Line one line two', 'Line three']);
    expect(sourceOf(doc, 'one line')).toBe('one<br>line');
  });

  test('hidden elements and boilerplate roles are dropped', () => {
    const doc = html('<main><p>Visible text about 12 boats.</p><p hidden>Hidden 1</p><p style="display: none">Hidden 2</p><div aria-hidden="true">Hidden 3</div><div role="navigation">Nav 4</div><span class="sr-only">Screen reader 5</span></main>');
    expect(doc.text).toBe('Visible text about 12 boats.');
  });

  test('a boilerplate class on the element holding the whole article is a false alarm', () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story says ${i * 100} people attended the meeting on Monday evening.</p>`).join('');
    const doc = html(`<div class="page-wrapper with-sidebar">${body}</div><div class="sidebar"><p>Sidebar 99</p></div>`);
    expect(doc.segments).toHaveLength(6);
    expect(doc.text).not.toContain('Sidebar 99');
  });

  test('misnested and foster-parented markup still maps inside the source', () => {
    const doc = html('<table>stray 5 words<tr><td>cell 1</td></tr></table><p>a <b>b <i>c</b> d</i> e &amp f &notit; g &#x1F600; h</p>\0<p>x\0y</p>');
    checkOffsets(doc);
    expect(doc.text).toContain('a b c d e & f ¬it; g 😀 h');
  });

  test('HTML nested 10,000 deep does not overflow the stack', () => {
    const deep = '<html><body>' + '<div>'.repeat(10000) + '<p>Deep text with 42 numbers.</p>' + '</div>'.repeat(10000) + '</body></html>';
    const doc = html(deep);
    expect(doc.text).toBe('Deep text with 42 numbers.');
    expect(doc.errors).toEqual([]);
    const deepInline = '<p>' + '<span>'.repeat(20000) + 'inline 7' + '</span>'.repeat(20000) + '</p>';
    expect(html(deepInline).text).toBe('inline 7');
  });

  test('a page with nothing but chrome gives no text and no throw', () => {
    const doc = html('<html><body><nav><a href="/">Home</a></nav><footer>© 2024</footer></body></html>');
    expect(doc.text).toBe('');
    expect(doc.segments).toEqual([]);
  });
});

describe('HTML: market furniture around a business story', () => {
  test('a quote ticker and a data disclaimer are not the story', () => {
    const page = `<html><body><div class="ticker-bar">AEX 912.40 ▲0.6% · EUR/USD 1.0812</div><main><article><h1>Retailer lifts dividend</h1>
<p>The company raised its dividend to €1.35 a share after net profit rose 16% to €1.52 billion.</p>
<div class="disclaimer">We do not provide investment advice. Data delayed by at least 15 minutes.</div></article></main></body></html>`;
    const doc = ingestText(page, { id: 'm.html', path: 'm.html' });
    expect(doc.text).toContain('net profit rose 16%');
    expect(doc.text).not.toContain('912.40');
    expect(doc.text).not.toContain('15 minutes');
  });
});

describe('HTML: a byline the article extraction leaves out', () => {
  const page = (byline: string) => `<html><head><title>x</title></head><body><nav>News | Sport</nav><main><article><h1>Refinery toll rises to 13</h1>${byline}
<p>The death toll from the refinery explosion rose to 13 today as rescuers pulled another body from the wreckage of the unit.</p>
<p>One worker is still missing, three days after the blast ripped through the plant before dawn on Monday, the company said.</p>
<p>Families have demanded to know why so many outside workers were in the refinery in the middle of the night shift.</p>
</article></main><footer>© Clarion Media 2025</footer></body></html>`;

  test('its date is the document date', () => {
    const d = html(page('<p class="byline">By Rory Vance, Chief Reporter | Thursday 19 June 2025, 16:20 | <span class="shares">2.1k shares</span></p>'));
    expect(d.date).toBe('2025-06-19');
  });

  test('a date in the footer or the body is not', () => {
    const d = html(page('<p class="kicker">Exclusive</p>'));
    expect(d.date).toBeNull();
  });
});

describe('HTML: a masthead date above the article', () => {
  const page = (header: string) => `<html><head><title>x</title></head><body><header><div class="masthead"><a href="/">THE DAILY GALE</a> ${header}</div>
<nav>News | Sport | Win 5,000 dorns!</nav></header><main><article><h1>Ferry toll hits 22</h1>
<p>The death toll from the ferry disaster stood at 22 last night, the governor said, as relatives kept a vigil on the quay.</p>
<p>A further 34 people are still missing, and divers will return to the wreck at first light on Thursday, officials said.</p>
<p>The ferry was carrying 184 passengers and 17 crew when it rolled over in heavy seas off the cape on Sunday night.</p>
</article></main><footer>© 2025 Gale Media Group. Switchboard 021 700 4000.</footer></body></html>`;

  test("the page header's date line dates a page that gives no other date", () => {
    const d = html(page('<span class="price">Wednesday 8 October 2025 | Issue 31,402</span>'));
    expect(d.date).toBe('2025-10-08');
  });

  test('a header with no date line, or a date in the navigation, does not', () => {
    expect(html(page('<span class="price">Issue 31,402</span>')).date).toBeNull();
    expect(html(page('<nav>Archive: 8 October 2025</nav>')).date).toBeNull();
  });
});
