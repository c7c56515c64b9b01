/** Directive semantics and baseline matching, on documents built in memory. */
import { ingestText } from '../../src/ingest/index.js';
import { applyBaseline, baselineEntries } from '../../src/suppress/baseline.js';
import { applyDirectives, parseDirectives, unusedDirectives } from '../../src/suppress/index.js';
import type { Claim, Document, Finding } from '../../src/types.js';

function md(text: string, path = 'draft.md'): Document {
  return ingestText(text, { id: path, path });
}

/** A claim at a line (and offset) of a document — just what the directives look at. */
function claim(id: string, doc: Document, needle: string): Claim {
  const src = doc.source!;
  const start = src.indexOf(needle);
  if (start < 0) throw new Error(`${needle} not in ${doc.id}`);
  const line = src.slice(0, start).split('\n').length;
  return { id, document: doc.id, span: { start, end: start + needle.length }, line, column: 1, text: needle } as unknown as Claim;
}

function finding(id: string, rule: string, claims: string[]): Finding {
  return { id, rule, severity: 'warning', kind: 'discrepancy', message: id, claims };
}

describe('parseDirectives', () => {
  test('kinds, rule ids (commas or spaces), the reason after " -- ", positions', () => {
    const doc = md('Intro.\n\n<!-- numcheck-disable-next-line cross-source-mismatch, unit-conversion -- checked with the desk -->\nFigure 12.\n  <!--numcheck-disable-line-->\n<!-- numcheck-disable scope-difference part-exceeds-whole -->\n<!-- numcheck-enable -->\n');
    const { directives, problems } = parseDirectives(doc);
    expect(problems).toEqual([]);
    expect(directives.map((d) => [d.kind, d.rules, d.reason, d.line, d.column, d.target])).toEqual([
      ['disable-next-line', ['cross-source-mismatch', 'unit-conversion'], 'checked with the desk', 3, 1, 4],
      ['disable-line', [], null, 5, 3, null],
      ['disable', ['scope-difference', 'part-exceeds-whole'], null, 6, 1, null],
      ['enable', [], null, 7, 1, null],
    ]);
  });

  test('next-line skips blank lines and lines holding only directives (so they stack)', () => {
    const doc = md('<!-- numcheck-disable-next-line a-rule -->\n\n<!-- numcheck-disable-next-line b-rule -->\n\nThe figure 12.\n');
    expect(parseDirectives(doc).directives.map((d) => d.target)).toEqual([5, 5]);
  });

  test('not directives: inside fenced code, front matter, HTML <script>; other comments; a reason without ids', () => {
    const md1 = md('---\ntitle: "<!-- numcheck-disable -->"\n---\n\n```html\n<!-- numcheck-disable -->\n```\n\n<!-- numcheck is great -->\n<!-- numcheck-disabled -->\n<!-- numcheck-disable -- all of it, on purpose -->\n');
    const ds = parseDirectives(md1).directives;
    expect(ds.map((d) => [d.kind, d.rules, d.reason, d.line])).toEqual([['disable', [], 'all of it, on purpose', 11]]);
    const html = ingestText('<html><body><script>var s = "<!-- numcheck-disable -->";</script><p>12 people.</p><!-- numcheck-disable-line --></body></html>', { id: 'a.html', path: 'a.html' });
    expect(parseDirectives(html).directives.map((d) => d.kind)).toEqual(['disable-line']);
    const txt = ingestText('<!-- numcheck-disable -->\n12 people.\n', { id: 'a.txt', path: 'a.txt' });
    expect(parseDirectives(txt).directives).toEqual([]); // plain text has no comments
  });

  test('a word that is not a rule id is reported (someone forgot the " -- " before the reason)', () => {
    const { directives, problems } = parseDirectives(md('<!-- numcheck-disable-next-line cross-source-mismatch confirmed by Desk -->\nx\n'));
    expect(directives[0]!.rules).toEqual(['cross-source-mismatch', 'confirmed', 'by']);
    expect(problems).toEqual([{ line: 1, column: 1, message: 'numcheck-disable-next-line: "Desk" is not a rule id (rule ids are kebab-case; write the reason after " -- ")' }]);
  });
});

describe('applyDirectives', () => {
  const text = [
    'A 10 here.', // 1
    '<!-- numcheck-disable -->', // 2
    'B 20 here.', // 3
    '<!-- numcheck-enable rule-x -->', // 4
    'C 30 here.', // 5
    '<!-- numcheck-enable -->', // 6
    'D 40 here. <!-- numcheck-disable-line rule-y -->', // 7
    '',
  ].join('\n');
  const doc = md(text);
  const other = md('E 50 elsewhere.\n', 'source.md');
  const claims = [claim('a', doc, 'A 10'), claim('b', doc, 'B 20'), claim('c', doc, 'C 30'), claim('d', doc, 'D 40'), claim('e', other, 'E 50')];
  const ds = new Map([[doc.id, parseDirectives(doc).directives]]);

  test('ranges: "disable" then "enable rule-x" keeps other rules disabled until "enable"', () => {
    const fs = [finding('x-b', 'rule-x', ['b']), finding('x-c', 'rule-x', ['c']), finding('y-c', 'rule-y', ['c']), finding('y-a', 'rule-y', ['a']), finding('y-d', 'rule-y', ['d']), finding('x-d', 'rule-x', ['d'])];
    const r = applyDirectives(fs, claims, ds);
    expect(r.suppressed.map((f) => f.id)).toEqual(['x-b', 'y-c', 'y-d']);
    expect(r.kept.map((f) => f.id)).toEqual(['x-c', 'y-a', 'x-d']);
  });

  test('a cross-document finding is suppressed by a directive at any of its claims in a counted document', () => {
    const r = applyDirectives([finding('f', 'rule-x', ['e', 'b'])], claims, ds);
    expect(r.suppressed).toHaveLength(1);
    const none = applyDirectives([finding('f', 'rule-x', ['e', 'a'])], claims, ds);
    expect(none.suppressed).toHaveLength(0);
  });

  test('unused: directives (and named rule ids) that suppressed nothing, in file order', () => {
    const r = applyDirectives([finding('y-d', 'rule-y', ['d'])], claims, ds);
    expect(unusedDirectives(r, [doc.id]).map((u) => [u.directive.line, u.rules, u.message])).toEqual([[2, [], 'Unused numcheck-disable directive (no problems were reported)']]);
  });
});

describe('baseline matching', () => {
  test('count: as many findings as recorded with one fingerprint are dropped, the rest reported', () => {
    const doc = md('The office said 12 people left. The office said 12 people left.\n');
    const a = { ...claim('a', doc, '12'), text: '12' } as Claim;
    const ctx = { documents: [doc], claims: [a], file: 'baseline.json', cwd: '/tmp' };
    const twice = [finding('f1', 'rule-x', ['a']), finding('f2', 'rule-x', ['a'])];
    const entries = baselineEntries(twice, ctx);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.count).toBe(2);
    const counts = new Map([[entries[0]!.fingerprint, 1]]);
    const r = applyBaseline([...twice, finding('f3', 'rule-x', ['a'])], counts, ctx);
    expect(r.baselined.map((f) => f.id)).toEqual(['f1']);
    expect(r.kept.map((f) => f.id)).toEqual(['f2', 'f3']);
    // another rule on the same figures is another finding
    expect(applyBaseline([finding('g', 'rule-y', ['a'])], new Map([[entries[0]!.fingerprint, 5]]), ctx).kept).toHaveLength(1);
  });
});
