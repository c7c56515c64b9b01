import { readFileSync } from 'node:fs';
import { decode, ingestText } from '../../src/ingest/index.js';
import { checkOffsets, describeSeeds, seedPath, segTexts, sourceOf } from './helpers.js';

function ingestSeed(prefix: string) {
  const path = seedPath(prefix);
  const d = decode(readFileSync(path), path);
  return ingestText(d.text, { id: prefix, path, errors: d.errors });
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

describeSeeds('real seeds (read from ../shared at run time)', () => {
  test('000: the article repeated 8 times keeps only its first copy', () => {
    const doc = ingestSeed('000_');
    const src = doc.source!;
    expect(count(src, '222,000')).toBe(8);
    expect(count(doc.text, '222,000')).toBe(1);
    expect(count(doc.text, '300,000')).toBe(1);
    expect(doc.segments).toHaveLength(27);
    // the kept figure points at the first copy in the file
    const i = doc.text.indexOf('222,000');
    expect(doc.map.toOriginalStart(i)).toBe(src.indexOf('222,000'));
    checkOffsets(doc, { allowDecoded: false });
  });

  test('001: the " date 2022-10-14" header line is metadata, not text', () => {
    const doc = ingestSeed('001_');
    expect(doc.date).toBe('2022-10-14');
    expect(doc.dateSource).toBe('header-line');
    expect(doc.text.startsWith('After the air attacks')).toBe(true);
    expect(doc.text).not.toContain('2022-10-14');
    expect(doc.map.toOriginalStart(0)).toBe(doc.source!.indexOf('After the air'));
    expect(doc.text).toContain('220,000 reservists');
    checkOffsets(doc, { allowDecoded: false });
  });

  test("a readers' comments section at the end is dropped with its comments", () => {
    const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: the ministry said ${i + 2} schools stayed shut on Thursday, officials said.`).join('\n\n');
    const doc = ingestText(`${body}\n\nReaders' comments (3)\nAnon - 3 Oct 2025\n412,000 on a weekday is a lot of people actually\n`, { id: 'c.txt', path: 'c.txt' });
    expect(doc.text).toContain('Paragraph 11');
    expect(doc.text).not.toContain('412,000');
  });

  test('share, follow and page-feedback lines with counts are dropped; the article is kept', () => {
    const text = 'The union said 4,000 nurses marched in Brisso on Friday.\n\nShare this article: Facebook | X | WhatsApp (2.1k)\n\nFollow PCP on social media: @PCPnews (1.2m followers)\n\nWas this page useful? · 1,024 people found this useful\n\nSubscribe to the Tidende from NOK 99 a month · Read tomorrow: 6 pages on the result\n\nMost read on ACP\n1. Markets slip 2% as oil jumps\n2. Cup final: 3 things we learned\n\nPolice put the crowd at 2,500.\n';
    const doc = ingestText(text, { id: 's.txt', path: 's.txt' });
    for (const gone of ['2.1k', '1.2m followers', '1,024', 'NOK 99', 'Markets slip']) expect(doc.text).not.toContain(gone);
    for (const kept of ['4,000 nurses', 'crowd at 2,500']) expect(doc.text).toContain(kept);
  });

  test('002: "See also" links, breadcrumb and comment-form furniture are dropped', () => {
    const doc = ingestSeed('002_');
    const t = doc.text;
    for (const gone of ['See also', 'Logan Square', 'Times Square', 'billions of dollars', 'Advertisement', 'RELATED ARTICLES', 'LEAVE A REPLY', 'Please enter', 'Most Popular', 'Recent Comments', 'HomeTop']) {
      expect(t).not.toContain(gone);
    }
    for (const kept of ['190,000 new volunteers', 'around 1,000 people', 'nearly 550,000', 'Russia expands its ranks']) expect(t).toContain(kept);
    // the headline appears once (the breadcrumb that glued it to "HomeTop Stories" is gone)
    expect(count(t, 'Putin rejects ceasefire in Ukraine')).toBe(1);
    checkOffsets(doc, { allowDecoded: false });
  });

  test('003: "Connect with us", lone "Published"/"on" and the comment form are dropped', () => {
    const doc = ingestSeed('003_');
    const segs = segTexts(doc);
    for (const gone of ['Connect with us', 'Published', 'on', 'Continue Reading', 'Click to comment', 'Leave a Reply']) expect(segs).not.toContain(gone);
    expect(doc.text).not.toContain('Your email address will not be published');
    expect(doc.text).toContain('a total of 1,053 cases');
    expect(doc.text).toContain('Russia not interested in halting Ukraine war');
    checkOffsets(doc, { allowDecoded: false });
  });

  test('004: the recent-comments widget ("admin in: <title>" + comment) is dropped', () => {
    const doc = ingestSeed('004_');
    for (const gone of ['admin in:', 'Great article', 'viagra', 'Hello there', 'Muslim Brotherhood']) expect(doc.text).not.toContain(gone);
    expect(doc.text).toContain('$500 million');
    expect(doc.text.endsWith('Mykolaiv, Kharkiv and Sumy.')).toBe(true);
    checkOffsets(doc, { allowDecoded: false });
  });

  test('dates: none of 000/002/003/004 states one at the top; --date fills in', () => {
    for (const p of ['000_', '002_', '003_', '004_']) {
      const doc = ingestSeed(p);
      expect(doc.date).toBeNull();
      const withCli = ingestText(doc.source!, { id: p, path: seedPath(p), date: '2024-07-04' });
      expect(withCli.date).toBe('2024-07-04');
      expect(withCli.dateSource).toBe('cli');
    }
    // metadata beats --date
    const d1 = ingestText(ingestSeed('001_').source!, { id: '1', path: seedPath('001_'), date: '2030-01-01' });
    expect(d1.date).toBe('2022-10-14');
  });

  test('cleaning is idempotent: ingesting the cleaned text removes nothing more', () => {
    for (const p of ['000_', '001_', '002_', '003_', '004_']) {
      const doc = ingestSeed(p);
      const again = ingestText(doc.text, { id: 'again', path: 'again.txt' });
      expect(again.text).toBe(doc.text);
      expect(again.segments.map((s) => [s.start, s.end])).toEqual(doc.segments.map((s) => [s.start, s.end]));
    }
  });

  test('a BOM and CRLF line ends: offsets still point into the file as on disk', () => {
    const raw = readFileSync(seedPath('001_'), 'utf8');
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(raw.replace(/\n/g, '\r\n'), 'utf8')]);
    const d = decode(buf, 'crlf.txt');
    const doc = ingestText(d.text, { id: 'crlf.txt', path: 'crlf.txt' });
    expect(doc.source!.charCodeAt(0)).toBe(0xfeff);
    expect(doc.map.toOriginalStart(0)).toBe(1 + raw.indexOf('After the air'));
    const i = doc.text.indexOf('220,000');
    expect(doc.source!.slice(doc.map.toOriginalStart(i), doc.map.toOriginalEnd(i + 7))).toBe('220,000');
    checkOffsets(doc, { allowDecoded: false });
  });
});

describe('plain text', () => {
  test('wrapped lines of a paragraph are joined; the break maps to the newline', () => {
    const src = 'Officials said that about\n1,300 homes had been\nflooded in the storm.\n\nBudget details\nThe town will pay 1.5 million euros.\n';
    const doc = ingestText(src, { id: 'w.txt', path: 'w.txt' });
    expect(segTexts(doc)).toEqual(['Officials said that about 1,300 homes had been flooded in the storm.', 'Budget details', 'The town will pay 1.5 million euros.']);
    expect(doc.segments.map((s) => s.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(sourceOf(doc, 'about 1,300')).toBe('about\n1,300');
    checkOffsets(doc);
  });

  test('CRLF and lone CR line ends', () => {
    const doc = ingestText('First line here.\r\nSecond line here.\rThird line.\r\n', { id: 'c.txt', path: 'c.txt' });
    expect(segTexts(doc)).toEqual(['First line here.', 'Second line here.', 'Third line.']);
    checkOffsets(doc, { allowDecoded: false });
  });

  test('repeated paragraphs: whitespace, case and quote style do not matter; short lines may repeat', () => {
    const p1 = 'The minister said “about 300 drones” had been bought this year.';
    const p2 = 'the  minister said "about 300 drones" had been bought   this year.';
    const src = ['Reuters', p1, 'Reuters', 'Another paragraph with enough words to count.', p2, p1].join('\n');
    const doc = ingestText(src, { id: 'd.txt', path: 'd.txt' });
    expect(segTexts(doc)).toEqual(['Reuters', p1, 'Reuters', 'Another paragraph with enough words to count.']);
  });

  test('dedupe is linear: 20,000 distinct paragraphs sharing their first 64 characters', () => {
    const head = 'According to the latest figures released by the regional authority, ';
    const lines: string[] = [];
    for (let i = 0; i < 20000; i++) lines.push(`${head}${i} people were affected in district ${i % 97}.`);
    lines.push(lines[5]!);
    const t0 = performance.now();
    const doc = ingestText(lines.join('\n'), { id: 'l.txt', path: 'l.txt' });
    expect(performance.now() - t0).toBeLessThan(10000);
    expect(doc.segments).toHaveLength(20000);
  });

  test('"RELATED ARTICLES" takes the headline links after it; a late comment section takes the rest', () => {
    const src = [
      'The wall will cost 4.5 million euros, the council said on Tuesday.',
      'RELATED ARTICLES',
      'Storm damage bill reaches 20 million',
      '5 things to know about the river',
      'Work is due to start within six months, officials added.',
      'Engineers expect the project to take 18 months in total.',
      '3 Comments',
      'Great story. I think it will cost 10 million at least.',
      'Nobody asked us, 200 residents signed a petition.',
    ].join('\n\n');
    const doc = ingestText(src, { id: 'r.txt', path: 'r.txt' });
    expect(segTexts(doc)).toEqual([
      'The wall will cost 4.5 million euros, the council said on Tuesday.',
      'Work is due to start within six months, officials added.',
      'Engineers expect the project to take 18 months in total.',
    ]);
  });

  test('furniture lines: advertisement, newsletter, cookies, share, counters, quote delays, "Updated N minutes ago"', () => {
    const lines = [
      'Advertisement',
      '- Advertisement -',
      'Sign up for our newsletter',
      'Sign up for our daily newsletter to get 5 stories every morning.',
      'We use cookies to improve your experience on our site.',
      'Share this article',
      'Share on Facebook',
      '1,204 shares',
      'Updated 5 minutes ago',
      'Delayed 15 minutes',
      'Quotes delayed at least 15 minutes. Market data provided by an exchange.',
      '© 2024 Example Media. All rights reserved.',
      'Most Popular',
      'Continue Reading',
      'https://example.com/story/12345',
      'The index fell 2.5% to 4,100 points on Friday, its lowest close in 3 months.',
    ];
    const doc = ingestText(lines.join('\n'), { id: 'f.txt', path: 'f.txt' });
    expect(segTexts(doc)).toEqual(['The index fell 2.5% to 4,100 points on Friday, its lowest close in 3 months.']);
  });

  test('furniture patterns never take article sentences that merely start the same way', () => {
    const lines = [
      'Related measures were taken by the ministry, which hired 40 inspectors.',
      'Comments by the mayor drew 300 complaints in two days.',
      'Published figures show 12,000 people moved away last year.',
      'Sponsored by the state, the program cost 2 million dollars.',
      'Home prices rose 4% in March.',
    ];
    const doc = ingestText(lines.join('\n'), { id: 'k.txt', path: 'k.txt' });
    expect(segTexts(doc)).toEqual(lines);
  });

  test('publication date from a dateline or byline at the top, never from the body', () => {
    const wire = ingestText('WASHINGTON, March 3, 2024 (Reuters) - The Senate voted 51 to 49 on Sunday.\nMore text here follows.', { id: 'a', path: 'a.txt' });
    expect(wire.date).toBe('2024-03-03');
    expect(wire.dateSource).toBe('text');
    expect(wire.segments[0]!.kind).toBe('paragraph');

    const byline = ingestText('Council approves wall\n\nPublished: 14 October 2022\n\nThe council voted 7 to 2.', { id: 'b', path: 'b.txt' });
    expect(byline.date).toBe('2022-10-14');
    expect(byline.segments.map((s) => s.kind)).toEqual(['heading', 'meta', 'paragraph']);

    const updated = ingestText('Updated Oct. 14, 2022 10:02 am\n\nPublished Oct. 12, 2022\n\nText of the story.', { id: 'c', path: 'c.txt' });
    expect(updated.date).toBe('2022-10-12'); // the first-publication date wins over "Updated"

    // a date line right under a long headline is a line of its own, not the end of a wrapped headline
    const underHeadline = ingestText('World / Weather\n\nFloods cut off three valley towns as the river breaks its banks\n20 October 2024\n\nThe river rose 4 metres overnight.', { id: 'e', path: 'e.txt' });
    expect(underHeadline.date).toBe('2024-10-20');
    // while a sentence wrapped just before its date still reads as one sentence (and dates nothing)
    const wrapped = ingestText('The river that flooded three valley towns broke its banks on the\n20 October 2024 after rain.', { id: 'f', path: 'f.txt' });
    expect(wrapped.date).toBeNull();
    expect(wrapped.segments).toHaveLength(1);

    // the words a byline line may hold around its date ("published", "updated", "by") are not prose
    const outletLine = ingestText('Harbour Wire, published 3 March 2024 09:15\n\nDockers walked out at the port.', { id: 'o', path: 'o.txt' });
    expect(outletLine.date).toBe('2024-03-03');
    const proseLine = ingestText('Harbour workers were told on 3 March 2024\n\nDockers walked out at the port.', { id: 'p', path: 'p.txt' });
    expect(proseLine.date).toBeNull();

    const body = ingestText('The council met again.\n\nIt last voted on October 14, 2022 on the matter.\n\nMore.', { id: 'd', path: 'd.txt' });
    expect(body.date).toBeNull();

    // a wire's filing line: "Filed 21 Mar 2024 09:15 local | Ref ..." (not a verb "filed" in the story)
    const filed = ingestText('HARBOUR WIRE\nFiled 21 Mar 2024 09:15 local | Ref HW-0321-77\n\nDockers walk out\n\nThe union filed its notice on Monday.', { id: 'g', path: 'g.txt' });
    expect(filed.date).toBe('2024-03-21');
    const filedStory = ingestText('Dockers walk out\n\nThe union filed 12 March 2024 as the start of the strike in its notice.', { id: 'h', path: 'h.txt' });
    expect(filedStory.date).toBeNull();

    // a numeric date on a header line: read when day and month cannot be swapped, or the dateline tells them apart
    const numeric = ingestText('EASTERN NEWSWIRE - GENERAL NEWS\nFiled: 15/09/2026 21:30 local (GMT+9)\nSlug: STORM/UPDATE 4\n\nStorm kills six\n\nPORT ALDER, Sept 15 (ENW) - The storm hit on Tuesday.', { id: 'k', path: 'k.txt' });
    expect(numeric.date).toBe('2026-09-15');
    const hinted = ingestText('EASTERN NEWSWIRE\nFiled: 09/10/2026 08:00\n\nPORT ALDER, Oct 9 (ENW) - The strike went on.', { id: 'l', path: 'l.txt' });
    expect(hinted.date).toBe('2026-10-09');
    const ambiguous = ingestText('EASTERN NEWSWIRE\nFiled: 09/10/2026 08:00\n\nThe strike went on.', { id: 'm', path: 'm.txt' });
    expect(ambiguous.date).toBeNull();

    // an official notice: the hour it was issued before its date
    const issued = ingestText('Situation report No. 7\n\nIssued 18:00, Wednesday 16 September 2026. Figures as at 15:00.\n\nThe storm weakened.', { id: 'i', path: 'i.txt' });
    expect(issued.date).toBe('2026-09-16');
    const issuedStory = ingestText('Storm weakens\n\nThe service issued 14 warnings on 16 September 2026.', { id: 'j', path: 'j.txt' });
    expect(issuedStory.date).toBeNull();

    const noYear = ingestText('Published: 14 October\n\nThe council met.', { id: 'e', path: 'e.txt' });
    expect(noYear.date).toBeNull();

    // --date beats a guess from the text
    const cli = ingestText('WASHINGTON, March 3, 2024 (Reuters) - Text.', { id: 'f', path: 'f.txt', date: '2024-03-04' });
    expect(cli.date).toBe('2024-03-04');
    expect(cli.dateSource).toBe('cli');
  });

  test('date lines of fields: a date among separators, a headline run into its date line, dotted day-first dates', () => {
    const d = (text: string) => ingestText(text, { id: 'x', path: 'x.txt' }).date;
    expect(d('ACW | Asia Coast Wire\nHome / Weather\n07 October 2025 - 18:20 local time\n\nThe storm strengthened on Tuesday.')).toBe('2025-10-07');
    expect(d('NORTHERN TIMES\nRegional news for the north · Monday 22 September 2025 · Page 1 of 4\n\nThe vote was close.')).toBe('2025-09-22');
    expect(d('WIRE - Business\nJuly 24, 2025 9:47 AM GMT+2 | Updated 2 hours ago\n\nThe company beat forecasts.')).toBe('2025-07-24');
    expect(d('Talks open without a deal\n11 June 2025 | 16:40 GMT | By Daniel Osei\n\nThe talks opened on Wednesday.')).toBe('2025-06-11');
    expect(d('Strike paralyses the country\n02.10.2025 - 19:48\n\nTrains stood idle.')).toBe('2025-10-02');
    // a wire's urgent line with its local hour; a numeric date both ways round that the dateline below settles
    expect(d('OCEAN WIRE\nURGENT - 09/09/2025 10:45 local (02:45 GMT)\n\nStorm hits coast\n\nPORT ALDIS, Sept 9 (OW) - The storm hit.')).toBe('2025-09-09');
    const kp = ingestText('KP Wire - Transport\nPublished 08/11/2025 14:22 CET | Updated 15:05 CET\n\nJet lands safely\n\nLANMOUTH, Kaldoria, Nov 8 (KP) - A jet landed.', { id: 'x', path: 'x.txt' });
    expect(kp.date).toBe('2025-11-08');
    expect(kp.clock).toBe(14 * 60 + 22);
    // (--date of another day: the hour beside the text's date is not that day's)
    const other = ingestText('KP Wire - Transport\nPublished 08/11/2025 14:22 CET\n\nJet lands safely\n\nLANMOUTH, Kaldoria, Nov 8 (KP) - A jet landed.', { id: 'x', path: 'x.txt', date: '2025-11-09' });
    expect(other.date).toBe('2025-11-09');
    expect(other.clock ?? null).toBeNull();
    expect(d('KP Wire - Transport\nPublished 08/11/2025 14:22 CET\n\nJet lands safely\n\nLANMOUTH, Kaldoria, Aug 11 (KP) - A jet landed.')).toBe('2025-08-11');
    // (without a dateline to settle it, 08/11 stays unknowable)
    expect(d('KP Wire - Transport\nPublished 08/11/2025 14:22 CET\n\nJet lands safely\n\nA jet landed at the airport.')).toBeNull();
    // a date inside a sentence of prose is no date line
    expect(d('Opinion\nWhy the vote on 22 September 2025 - and its aftermath - matters for everyone in the region today\n\nText.')).toBeNull();
  });

  test('empty and whitespace-only text', () => {
    const doc = ingestText('  \n\t\n', { id: 'e.txt', path: 'e.txt' });
    expect(doc.text).toBe('');
    expect(doc.segments).toEqual([]);
    expect(doc.errors.map((e) => e.code)).toEqual(['empty']);
  });

  test('format from the extension, HTML sniffed for unknown ones', () => {
    expect(ingestText('# Title\n\nText.', { id: 'a.md', path: 'a.md' }).format).toBe('markdown');
    expect(ingestText('<p>x</p>', { id: 'a.htm', path: 'a.htm' }).format).toBe('html');
    expect(ingestText('<!DOCTYPE html><p>x</p>', { id: 'page', path: 'page' }).format).toBe('html');
    expect(ingestText('  <html><body><p>x</p></body></html>', { id: 'p.php', path: 'p.php' }).format).toBe('html');
    expect(ingestText('<!DOCTYPE html><p>x</p>', { id: 'a.txt', path: 'a.txt' }).format).toBe('text');
    expect(ingestText('plain', { id: '-', path: '-' }).format).toBe('text');
  });
});

describe('more page furniture', () => {
  test('"Related coverage:" takes the links after it; a briefing sign-up and a print teaser go', () => {
    const body = ['The quake killed 112 people, officials said.', 'Schools will stay closed for at least another week.'];
    const src = [body[0], 'Sign up for our 5-minute morning briefing', body[1], 'Tomorrow: 10 pages of reader letters', 'Related coverage:\nMorvana earthquake: a timeline of the first 48 hours\nHow seismologists measure an earthquake'].join('\n\n');
    const doc = ingestText(src, { id: 'f.txt', path: 'f.txt' });
    expect(segTexts(doc)).toEqual(body);
  });
});

describe('comment sections', () => {
  test('a late "14 reactions" opens the readers\' comments: the rest goes', () => {
    const body = ['Brandvik to close 40 stores', 'The retailer said it would close 40 of its 310 stores by June.', 'About 1,400 jobs are affected, the company said.', 'Its shares fell 4% in early trading.', 'Analysts expect further cuts next year.'];
    const src = [...body, '14 reactions', 'Henk - 6 March 2025 14:02', 'They made 1.5 billion profit and still close stores??'].join('\n\n');
    const doc = ingestText(src, { id: 'r.txt', path: 'r.txt' });
    expect(segTexts(doc)).toEqual(body);
  });

  test('a comment count under the headline goes alone; the article after it stays', () => {
    const src = ['Ferry fares to rise', '12 Comments', 'New timetable from April', 'The operator said fares would rise by 8% from April, adding about 1.20 euros to a return ticket.', 'It carried 1.2 million passengers last year.', 'Costs rose 14% in the same period, it said.'].join('\n\n');
    const doc = ingestText(src, { id: 'c.txt', path: 'c.txt' });
    expect(segTexts(doc)).toEqual(['Ferry fares to rise', 'New timetable from April', 'The operator said fares would rise by 8% from April, adding about 1.20 euros to a return ticket.', 'It carried 1.2 million passengers last year.', 'Costs rose 14% in the same period, it said.']);
  });
});

describeSeeds('the seed folder through ingestPaths', () => {
  test('five documents, sorted, ids relative to cwd, every offset into the file', async () => {
    const { ingestPaths } = await import('../../src/ingest/index.js');
    const { SEEDS_DIR } = await import('./helpers.js');
    const docs = [];
    for await (const d of ingestPaths(['.'], { cwd: SEEDS_DIR })) docs.push(d);
    expect(docs.map((d) => d.id.slice(0, 4))).toEqual(['000_', '001_', '002_', '003_', '004_']);
    for (const d of docs) {
      expect(d.errors).toEqual([]);
      expect(d.format).toBe('text');
      expect(readFileSync(`${SEEDS_DIR}/${d.id}`, 'utf8')).toBe(d.source);
      checkOffsets(d, { allowDecoded: false });
    }
  });
});
