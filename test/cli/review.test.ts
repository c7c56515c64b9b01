/**
 * The pre-publication step: `numcheck review draft.md --against sources/` fails the step when the draft
 * disagrees with a source, and passes once the editor records, in the draft, that the figure was checked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, scratch, STACK } from './helpers.js';

const DIRECTIVE = '<!-- numcheck-disable-next-line cross-source-mismatch -- confirmed with the desk -->';

function addBefore(file: string, needle: string, line: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(needle)) throw new Error(`${needle} not in ${file}`);
  writeFileSync(file, text.replace(needle, `${line}\n${needle}`));
}

describe('review --max-warnings 0 (the pre-publication gate)', () => {
  test('exits 1 when the draft disagrees with a source, naming both files and figures', () => {
    const dir = scratch(['evacuation']);
    const r = run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('cross-source-mismatch');
    expect(r.stdout).toContain('draft.md:8:34');
    expect(r.stdout).toContain('sources/office-bulletin.md:8:34');
    expect(r.stdout).toMatch(/«1,240»/);
    expect(r.stdout).toMatch(/«1,420»/);
    expect(r.stdout).toMatch(/1 problem \(0 errors, 1 warning, 0 info\)/);
  });

  test('without --max-warnings a warning does not fail the step (fail level: error)', () => {
    const dir = scratch(['evacuation']);
    expect(run(['review', 'draft.md', '--against', 'sources/'], { cwd: dir }).code).toBe(0);
    expect(run(['review', 'draft.md', '--against', 'sources/', '--fail-level', 'warning'], { cwd: dir }).code).toBe(1);
  });

  test('exits 0 once the line carries numcheck-disable-next-line, and says a finding was suppressed', () => {
    const dir = scratch(['evacuation']);
    addBefore(join(dir, 'draft.md'), 'The county emergency office said 1,240', DIRECTIVE);
    const r = run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems');
    expect(r.stdout).toContain('1 finding suppressed by numcheck-disable comments');
    const json = run(['review', 'draft.md', '--against', 'sources/', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(json.stdout);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, suppressed: 1 });
  });

  test('a directive for another rule, or on the wrong line, suppresses nothing', () => {
    const dir = scratch(['evacuation']);
    addBefore(join(dir, 'draft.md'), 'The county emergency office said 1,240', '<!-- numcheck-disable-next-line unit-conversion -->');
    expect(run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    const dir2 = scratch(['evacuation']);
    addBefore(join(dir2, 'draft.md'), '# Flooding along the Marrow river', DIRECTIVE);
    expect(run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir2 }).code).toBe(1);
  });

  test('a disable … enable range and disable-line work too', () => {
    const dir = scratch(['evacuation']);
    const draft = join(dir, 'draft.md');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('Monday.', 'Monday. <!-- numcheck-disable-line -->'));
    expect(run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir }).code).toBe(0);
    const dir2 = scratch(['evacuation']);
    addBefore(join(dir2, 'draft.md'), '# Flooding', '<!-- numcheck-disable cross-source-mismatch -->');
    expect(run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir2 }).code).toBe(0);
    addBefore(join(dir2, 'draft.md'), 'The county emergency office said 1,240', '<!-- numcheck-enable cross-source-mismatch -->');
    expect(run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir2 }).code).toBe(1);
  });

  test("in review, a comment in a source does not hide the draft's problem", () => {
    const dir = scratch(['evacuation']);
    addBefore(join(dir, 'sources', 'office-bulletin.md'), 'The county emergency office said 1,420', DIRECTIVE);
    expect(run(['review', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    // …while check honours directives in every document
    expect(run(['check', 'draft.md', 'sources/', '--max-warnings', '0'], { cwd: dir }).code).toBe(0);
  });

  test('the draft from stdin with --stdin-filename: format and id from the name', () => {
    const dir = scratch(['evacuation']);
    const draft = readFileSync(join(dir, 'draft.md'), 'utf8');
    const r = run(['review', '-', '--stdin-filename', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir, input: draft });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('draft.md:8:34');
    const json = JSON.parse(run(['review', '-', '--stdin-filename', 'draft.md', '--against', 'sources/', '-f', 'json'], { cwd: dir, input: draft }).stdout);
    expect(json.documents[0]).toMatchObject({ id: 'draft.md', format: 'markdown', title: 'Flooding along the Marrow river', date: '2025-03-04' });
    // and a directive in the piped draft counts
    const withDirective = draft.replace('The county emergency office said 1,240', `${DIRECTIVE}\nThe county emergency office said 1,240`);
    const ok = run(['review', '-', '--stdin-filename', 'draft.md', '--against', 'sources/', '--max-warnings', '0'], { cwd: dir, input: withDirective });
    expect(ok.code).toBe(0);
  });

  test('a draft that cannot be read is exit 2, named on stderr, without a stack trace', () => {
    const dir = scratch(['evacuation']);
    const r = run(['review', 'draft-v2.md', '--against', 'sources/'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('numcheck: cannot read draft-v2.md: no such file or directory');
    expect(r.stderr).toContain('cannot read the draft draft-v2.md');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('--report-unused-disable-directives', () => {
  test('reports a directive that suppressed nothing as a warning with its location (and --max-warnings 0 fails)', () => {
    const dir = scratch(['evacuation']);
    addBefore(join(dir, 'draft.md'), 'Crews reinforced the levee', '<!-- numcheck-disable-next-line cross-source-mismatch -- old note -->');
    const quiet = run(['review', 'draft.md', '--against', 'sources/', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(quiet.stdout).unusedDirectives).toBeUndefined();
    const r = run(['review', 'draft.md', '--against', 'sources/', '--report-unused-disable-directives', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report.unusedDirectives).toEqual([
      {
        document: 'draft.md',
        line: 10,
        column: 1,
        directive: '<!-- numcheck-disable-next-line cross-source-mismatch -- old note -->',
        kind: 'disable-next-line',
        rules: ['cross-source-mismatch'],
        severity: 'warning',
        message: 'Unused numcheck-disable-next-line directive (no problems were reported from "cross-source-mismatch")',
      },
    ]);
    expect(report.summary.unusedDirectives).toBe(1);
    const text = run(['review', 'draft.md', '--against', 'sources/', '--report-unused-disable-directives'], { cwd: dir });
    expect(text.stdout).toContain('draft.md:10:1: Unused numcheck-disable-next-line directive');
    const gate = run(['review', 'draft.md', '--against', 'sources/', '--report-unused-disable-directives', '--max-warnings', '1'], { cwd: dir });
    expect(gate.code).toBe(1); // the mismatch and the unused directive: 2 warnings
    const gh = run(['review', 'draft.md', '--against', 'sources/', '--report-unused-disable-directives', '-f', 'github'], { cwd: dir });
    expect(gh.stdout).toContain('::warning file=draft.md,line=10,col=1,title=numcheck unused-disable-directive::Unused numcheck-disable-next-line');
    const sarif = JSON.parse(run(['review', 'draft.md', '--against', 'sources/', '--report-unused-disable-directives', '-f', 'sarif'], { cwd: dir }).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'unused-disable-directive');
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'draft.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 1, snippet: { text: '<!-- numcheck-disable-next-line cross-source-mismatch -- old note -->' } },
    });
  });

  test('a used directive is not reported; one naming a used and an unused rule reports the unused one', () => {
    const dir = scratch(['evacuation']);
    addBefore(join(dir, 'draft.md'), 'The county emergency office said 1,240', '<!-- numcheck-disable-next-line cross-source-mismatch, unit-conversion -->');
    const r = run(['review', 'draft.md', '--against', 'sources/', '--report-unused-disable-directives', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report.findings).toEqual([]);
    expect(report.unusedDirectives.map((u: { rules: string[] }) => u.rules)).toEqual([['unit-conversion']]);
  });

  test('a directive naming a rule that does not exist is warned about on stderr, with a did-you-mean', () => {
    const dir = scratch(['evacuation']);
    addBefore(join(dir, 'draft.md'), 'The county emergency office said 1,240', '<!-- numcheck-disable-next-line cross-source-mismach -->');
    const r = run(['review', 'draft.md', '--against', 'sources/'], { cwd: dir });
    expect(r.stderr).toBe('numcheck: draft.md:8:1: numcheck-disable-next-line: no rule "cross-source-mismach" is loaded (did you mean "cross-source-mismatch"?)\n');
  });
});
