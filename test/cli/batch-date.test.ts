/**
 * A wire story dated only by a year-less dateline ("BRANNICK, Oct 11 (HPS) - …") takes its year from the other
 * documents of the batch, and its "on Saturday" then resolves as theirs do.
 */
import { describe, expect, test } from '@jest/globals';
import { ingestText } from '../../src/ingest/index.js';
import { yearFromNeighbours } from '../../src/ingest/dates.js';
import { run, scratch } from './helpers.js';

const WIRE = [
  'Tenants march against rent rises',
  '',
  'By A. Writer, Coastline Press',
  '',
  'MARLOW, Oct 11 (CP) - About 4,000 tenants marched through Marlow on Saturday against rent rises, police said.',
  '',
  'Organisers said 9,000 people took part.',
].join('\n');
const REPORT = ['---', 'title: Policing of the rent march', 'date: 2025-10-12', '---', '', 'Police counted 4,200 marchers in Marlow on Saturday.'].join('\n');

interface Out {
  documents: Array<{ path: string; date: string | null }>;
  claims: Array<{ text: string; document: string; time: { start: string | null } | null }>;
}

function check(files: Record<string, string>, names: string[]): Out {
  const dir = scratch([], files);
  const r = run(['check', ...names, '-f', 'json', '--jobs', '1'], { cwd: dir });
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  return JSON.parse(r.stdout) as Out;
}

describe('a year-less wire dateline', () => {
  test('is kept as a month and day when nothing else dates the text', () => {
    const doc = ingestText(WIRE, { id: 'w', path: 'w.txt' });
    expect(doc.date).toBeNull();
    expect(doc.datelineDay).toEqual({ month: 10, day: 11 });
    // a month and day in the body is no dateline
    expect(ingestText('Tenants marched.\n\nThey met on Oct 11 to plan it.', { id: 'b', path: 'b.txt' }).datelineDay).toBeUndefined();
  });

  test('takes the year of the nearest dated document, across a new year too', () => {
    expect(yearFromNeighbours({ month: 10, day: 11 }, ['2025-10-12', '2025-10-14'])).toBe('2025-10-11');
    expect(yearFromNeighbours({ month: 12, day: 31 }, ['2026-01-02'])).toBe('2025-12-31');
    expect(yearFromNeighbours({ month: 1, day: 2 }, ['2025-12-30'])).toBe('2026-01-02');
    // no dated document within a month: the year stays unknown
    expect(yearFromNeighbours({ month: 6, day: 1 }, ['2025-10-12'])).toBeNull();
    expect(yearFromNeighbours({ month: 2, day: 29 }, ['2024-03-01'])).toBe('2024-02-29');
    expect(yearFromNeighbours({ month: 2, day: 29 }, ['2025-03-01'])).toBeNull(); // no 29 February near it
  });

  test('in a checked batch, the wire is dated and its "on Saturday" resolves to that day', () => {
    const out = check({ 'wire.txt': WIRE, 'report.md': REPORT }, ['wire.txt', 'report.md']);
    expect(out.documents.map((d) => d.date)).toEqual(['2025-10-11', '2025-10-12']);
    const wire = out.claims.filter((c) => c.document === out.documents[0]!.path);
    expect(wire.find((c) => c.text.endsWith('4,000'))?.time?.start).toBe('2025-10-11');
    // claim ids stay in run order
    const ids = out.claims.map((c) => (c as unknown as { id: string }).id);
    expect(ids).toEqual(ids.map((_, i) => `c${i + 1}`));
  });

  test('extract reads each document on its own: the wire stays undated there', () => {
    const dir = scratch([], { 'wire.txt': WIRE, 'report.md': REPORT });
    const out = JSON.parse(run(['extract', 'wire.txt', 'report.md', '-f', 'json'], { cwd: dir }).stdout) as Out;
    expect(out.documents.map((d) => d.date)).toEqual([null, '2025-10-12']);
  });

  test('alone, or beside documents of another season, the wire stays undated', () => {
    expect(check({ 'wire.txt': WIRE }, ['wire.txt']).documents[0]!.date).toBeNull();
    const spring = REPORT.replace('2025-10-12', '2025-04-02');
    expect(check({ 'wire.txt': WIRE, 'report.md': spring }, ['wire.txt', 'report.md']).documents[0]!.date).toBeNull();
  });
});
