/** Baselines for adopting numcheck on an archive: record today's findings, report only new ones from then on. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, scratch } from './helpers.js';

const ARCHIVE = ['check', 'draft.md', 'sources/', '--max-warnings', '0'];

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

describe('--baseline / --update-baseline', () => {
  test('round trip: record, then nothing is reported; line shifts do not bring findings back; an edited figure is new', () => {
    const dir = scratch(['evacuation']);
    expect(run(ARCHIVE, { cwd: dir }).code).toBe(1);

    const up = run([...ARCHIVE, '--baseline', '.numcheck-baseline.json', '--update-baseline'], { cwd: dir });
    expect(up.code).toBe(0);
    expect(up.stdout).toBe('');
    expect(up.stderr).toBe('numcheck: baseline .numcheck-baseline.json written: 1 finding recorded\n');
    const file = JSON.parse(readFileSync(join(dir, '.numcheck-baseline.json'), 'utf8'));
    expect(file).toEqual({
      version: 1,
      tool: 'numcheck',
      findings: [{ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), rule: 'cross-source-mismatch', documents: ['draft.md', 'sources/office-bulletin.md'], figures: ['1,240', '1,420'], count: 1 }],
    });

    const after = run([...ARCHIVE, '--baseline', '.numcheck-baseline.json'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('1 finding recorded in the baseline');

    // lines move: a new paragraph above the figure, and the source's figure moves to another line
    edit(join(dir, 'draft.md'), '# Flooding along the Marrow river\n', '# Flooding along the Marrow river\n\nResidents were told to leave before dawn.\n\n');
    edit(join(dir, 'sources', 'office-bulletin.md'), '# Emergency office bulletin\n', '# Emergency office bulletin\n\nIssued at 6 am.\n\n');
    const shifted = run([...ARCHIVE, '--baseline', '.numcheck-baseline.json', '-f', 'json'], { cwd: dir });
    expect(shifted.code).toBe(0);
    expect(JSON.parse(shifted.stdout).summary).toMatchObject({ warnings: 0, baselined: 1 });

    // the draft's figure is edited: a new finding, reported
    edit(join(dir, 'draft.md'), '1,240', '1,250');
    const edited = run([...ARCHIVE, '--baseline', '.numcheck-baseline.json', '-f', 'json'], { cwd: dir });
    expect(edited.code).toBe(1);
    const report = JSON.parse(edited.stdout);
    expect(report.summary).toMatchObject({ warnings: 1, baselined: 0 });
    expect(report.findings[0].message).toContain('1,250');
  });

  test('the file is deterministic and sorted, and works from another working directory', () => {
    const dir = scratch(['evacuation'], {
      'sources/wire.md': '# Wire\n\nThe county emergency office said 1,310 people were evacuated from riverside homes on Monday.\n\nThe river rose 3 metres (15 feet) above its usual level.\n',
    });
    run([...ARCHIVE, '--baseline', 'ci/baseline.json', '--update-baseline'], { cwd: dir });
    const first = readFileSync(join(dir, 'ci', 'baseline.json'), 'utf8');
    run([...ARCHIVE, '--baseline', 'ci/baseline.json', '--update-baseline'], { cwd: dir });
    expect(readFileSync(join(dir, 'ci', 'baseline.json'), 'utf8')).toBe(first);
    const entries = JSON.parse(first).findings as Array<{ rule: string; documents: string[]; figures: string[] }>;
    expect(entries.length).toBeGreaterThan(1);
    const keys = entries.map((e) => [e.rule, e.documents.join('\n'), e.figures.join('\n')].join('\t'));
    expect([...keys].sort()).toEqual(keys);
    // document ids are recorded relative to the baseline's folder
    expect(entries[0]!.documents[0]).toMatch(/^\.\.\//);
    // from a sub-folder, with paths written differently, the same findings are recognised
    const sub = run(['check', '../draft.md', '../sources', '--baseline', 'baseline.json', '--max-warnings', '0'], { cwd: join(dir, 'ci') });
    expect(sub.code).toBe(0);
  });

  test('the config can name the baseline; review and check share fingerprints', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'baseline: .numcheck-baseline.json\nmaxWarnings: 0\n' });
    expect(run(['check', 'draft.md', 'sources/', '--update-baseline'], { cwd: dir }).code).toBe(0);
    expect(run(['review', 'draft.md', '--against', 'sources/'], { cwd: dir }).code).toBe(0);
    expect(run(['review', 'draft.md', '--against', 'sources/', '--baseline', 'other.json', '--update-baseline'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'other.json'), 'utf8')).toBe(readFileSync(join(dir, '.numcheck-baseline.json'), 'utf8'));
  });

  test('a finding suppressed inline is not recorded', () => {
    const dir = scratch(['evacuation']);
    edit(join(dir, 'draft.md'), 'The county emergency office said 1,240', '<!-- numcheck-disable-next-line -->\nThe county emergency office said 1,240');
    run(['check', 'draft.md', 'sources/', '--baseline', 'b.json', '--update-baseline'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).findings).toEqual([]);
  });
});
