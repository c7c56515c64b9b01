import { createHash } from 'node:crypto';
import { render, type ReportInput } from '../../src/report/index.js';
import { buildDoc, cleanFixture, fixture, makeClaim } from './fixtures.js';

const html = (input: ReportInput = fixture(), generatedAt?: string) =>
  render('html', input, { color: false, toolVersion: '0.1.0', generatedAt });

function between(s: string, open: RegExp, close: string): string[] {
  const out: string[] = [];
  let m: RegExpExecArray | null;
  const re = new RegExp(open.source, 'g');
  while ((m = re.exec(s))) {
    const end = s.indexOf(close, m.index + m[0].length);
    out.push(s.slice(m.index + m[0].length, end));
  }
  return out;
}

describe('HTML report', () => {
  test('one self-contained file: inline style and script only, no external references', async () => {
    const out = await html();
    expect(out.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(out.match(/<script\b/g)).toHaveLength(1);
    expect(out.match(/<style\b/g)).toHaveLength(1);
    expect(out).not.toMatch(/<link\b/i);
    expect(out).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(out).not.toMatch(/\ssrc=/i);
    expect(out).not.toMatch(/<(img|iframe|object|embed|video|audio)\b/i);
    const [css] = between(out, /<style>/, '</style>');
    const [js] = between(out, /<script>/, '</script>');
    for (const code of [css!, js!]) {
      expect(code).not.toMatch(/https?:\/\//);
      expect(code).not.toMatch(/@import|url\(/);
    }
    expect(js).not.toMatch(/fetch\(|XMLHttpRequest|import\(/);
  });

  test('a Content-Security-Policy allows exactly the inline style and script, by hash', async () => {
    const out = await html();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(out)![1]!.replace(/&#39;/g, "'");
    const [css] = between(out, /<style>/, '</style>');
    const [js] = between(out, /<script>/, '</script>');
    const hash = (s: string) => createHash('sha256').update(s).digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${hash(css!)}'`);
    expect(csp).toContain(`script-src 'sha256-${hash(js!)}'`);
  });

  test('document text is escaped: an article’s <script> appears as text', async () => {
    const out = await html();
    expect(out).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(out).not.toContain('alert("pwned")');
  });

  test('hostile attribution, outlet, title, ids and messages are escaped everywhere', async () => {
    const input = fixture();
    const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    input.claims[0]!.attribution = evil;
    input.claims[0]!.measure = evil;
    input.documents[0]!.title = evil;
    input.documents[0]!.outlet = evil;
    input.documents[0]!.url = 'javascript:alert(3)';
    input.findings[0]!.message = evil;
    input.findings[0]!.id = evil;
    input.findings[0]!.rule = evil;
    const out = await html(input);
    expect(out).not.toMatch(/<img/i);
    expect(out.match(/<script\b/g)).toHaveLength(1);
    expect(out).not.toContain('javascript:');
    expect(out).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  test('a card per finding with a stable data-finding id, focusable, with severity, rule and message', async () => {
    const input = fixture();
    const out = await html(input);
    const cards = out.match(/<article class="finding[^>]*>/g)!;
    expect(cards).toHaveLength(input.findings.length);
    for (const f of input.findings) {
      expect(out.match(new RegExp(`data-finding="${f.id}"`, 'g'))).toHaveLength(1);
    }
    for (const c of cards) expect(c).toContain('tabindex="0"');
    expect(out).toContain('<span class="badge sev-error">error</span> <code class="rule">cross-source-mismatch</code>');
    expect(out).toContain('<p class="msg" id="finding-4-msg">41,000 of about 82,000 is half (50%); the article does not say so.</p>');
    // the sources, figure highlighted, with file:line:col, attribution, outlet and date
    expect(out).toContain('Kyiv says <strong class="fig">some 300,000</strong> men have been mobilised.');
    expect(out).toContain('>docs/moscow-times.md:9:46</a> · Putin · The Moscow Times · 2022-10-28');
  });

  test('every claim is marked once in its document, with a tooltip', async () => {
    const input = fixture();
    const out = await html(input);
    const marks = out.match(/<mark [^>]*>/g)!;
    expect(marks).toHaveLength(input.claims.length);
    for (const c of input.claims) {
      const m = marks.filter((x) => x.includes(`data-claim="${c.id}"`));
      expect(m).toHaveLength(1);
      expect(m[0]).toContain('tabindex="0"');
    }
    expect(out.match(/<\/mark>/g)).toHaveLength(input.claims.length);
    // the tooltip of "more than 600": value, low–high, unit, measure, time, attribution
    const tip = /<mark id="(m\d+)" data-claim="c8"[^>]*>more than 600<span class="tip" role="tooltip" id="\1-tip">(.*?)<\/span><\/mark>/.exec(out)!;
    expect(tip).not.toBeNull();
    const text = tip[2]!.replace(/<[^>]+>/g, ' ');
    for (const s of ['value 600 count', 'low–high 600 – ∞', 'measure settlements recaptured', 'time 2022-10-28', 'scope across the country', 'attribution the general staff', 'scope-mismatch (warning)']) {
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    }
  });

  test('document text keeps its segments as paragraphs', async () => {
    const out = await html();
    expect(out).toContain('<p class="seg-heading">Shoigu reports end of mobilisation</p>');
    expect(out).toContain('<p>Engineers are also surveying a <mark');
  });

  test('nested and crossing claims still give one well-formed mark each; unlocatable claims are listed', async () => {
    const b = buildDoc({
      id: 'n.txt',
      path: 'n.txt',
      format: 'text',
      file: 'Police put the crowd at between 40,000 and 50,000 people on Saturday.\n',
      pieces: [{ text: 'Police put the crowd at between 40,000 and 50,000 people on Saturday.', kind: 'paragraph' }],
      date: '2023-01-01',
      outlet: null,
      title: null,
    });
    const range = makeClaim(b, { id: 'r', figure: 'between 40,000 and 50,000', value: 45000, low: 40000, high: 50000, qualifier: 'range', measure: 'crowd' });
    const inner = makeClaim(b, { id: 'i', figure: '40,000', value: 40000, measure: 'crowd' });
    const crossing = makeClaim(b, { id: 'x', figure: '50,000 people', value: 50000, measure: 'crowd' });
    const lost = { ...makeClaim(b, { id: 'lost', figure: 'Saturday', value: 1, measure: 'day' }), start: 500, end: 510 };
    const out = await html({ documents: [b.doc], claims: [range, inner, crossing, lost], findings: [], checks: [], command: 'extract', cwd: '/x' });
    expect(out.match(/<mark /g)).toHaveLength(4);
    expect(out.match(/<\/mark>/g)).toHaveLength(4);
    const para = between(out, /<p>Police/, '</p>\n')[0]!.replace(/<span class="tip".*?<\/span><\/span>/g, '');
    expect(para).toMatch(/<mark [^>]*data-claim="r"[^>]*>between <mark [^>]*data-claim="i"[^>]*>40,000<\/mark> and <mark [^>]*data-claim="x"[^>]*>50,000<\/mark><\/mark> people/);
    expect(out).toContain('Figures not located in a document’s text');
    expect(out).toMatch(/data-claim="lost"/);
  });

  test('header summary counts; light and dark colour schemes; no timestamp unless given', async () => {
    const out = await html();
    expect(out).toContain('<p class="summary bad">✖ 5 problems (2 errors, 2 warnings, 1 info) in 4 documents, 12 figures checked; 1 document error</p>');
    expect(out).toContain('<li class="c-error"><span class="num">2</span> errors</li>');
    expect(out).toContain('<li><span class="num">3</span> checks passed</li>');
    expect(out).toContain('@media (prefers-color-scheme:dark)');
    expect(out).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await html(fixture(), '2024-05-01T12:00:00Z')).toContain('2024-05-01T12:00:00Z');
    expect(await html(cleanFixture())).toContain('<p class="summary">✔ no problems in 3 documents (12 figures, 3 checks passed)</p>');
  });

  test('document errors are listed with their file', async () => {
    const out = await html();
    expect(out).toContain('<code>sources/missing.txt</code> no such file or directory <code class="rule">ENOENT</code>');
  });

  test('deterministic', async () => {
    expect(await html()).toBe(await html());
  });
});
