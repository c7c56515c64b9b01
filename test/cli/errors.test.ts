/** User mistakes: exit 2, the file named, a position when there is one, never a stack trace. */
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, ensureBuilt, run, scratch, STACK } from './helpers.js';

describe('inputs that cannot be read', () => {
  test('a missing file alone: exit 2, the file named on stderr, no stack trace', () => {
    const dir = scratch(['evacuation']);
    const r = run(['check', 'missing-story.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('numcheck: cannot read missing-story.md: no such file or directory\n');
    expect(r.stderr).toContain('nothing could be checked');
    expect(r.stderr).not.toMatch(STACK);
  });

  test('a missing file among readable ones is reported (stderr and the report) but the others are checked', () => {
    const dir = scratch(['evacuation']);
    const r = run(['check', 'draft.md', 'missing-story.md', 'sources/'], { cwd: dir });
    expect(r.stderr).toBe('numcheck: cannot read missing-story.md: no such file or directory\n');
    expect(r.stdout).toContain('Document errors');
    expect(r.stdout).toContain('cross-source-mismatch');
    expect(r.code).toBe(0); // a warning, below the default fail level
  });

  test('extract: the same', () => {
    const dir = scratch(['evacuation']);
    const r = run(['extract', 'nope.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.txt');
    expect(r.stderr).not.toMatch(STACK);
  });

  test('an empty path is a usage error, not "check the whole folder"', () => {
    const dir = scratch(['evacuation']);
    const r = run(['check', ''], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('an empty path');
  });

  test('bad option values: exit 2 with a message', () => {
    const dir = scratch(['evacuation']);
    for (const args of [
      ['check', 'draft.md', '--max-warnings', 'many'],
      ['check', 'draft.md', '--fail-level', 'fatal'],
      ['check', 'draft.md', '--format', 'xml'],
      ['check', 'draft.md', '--date', '2025-13-45'],
      ['check', 'draft.md', '--no-such-flag'],
      ['check', 'draft.md', '--update-baseline'],
    ]) {
      const r = run(args, { cwd: dir });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(/^numcheck: /);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('config files that cannot be used', () => {
  test('-c naming a missing file: exit 2 naming it', () => {
    const dir = scratch(['evacuation']);
    const r = run(['review', 'draft.md', '--against', 'sources/', '-c', 'desk.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('numcheck: config file not found: desk.yaml\n');
  });

  test('a config that does not parse: exit 2 with file:line:col', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'format: text\nmaxWarnings: [0\nquiet: true\n' });
    const r = run(['check', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^numcheck: \.numcheckrc\.yaml:\d+:\d+: invalid YAML: /);
    expect(r.stderr).not.toMatch(STACK);
    const json = scratch(['evacuation'], { '.numcheckrc.json': '{\n  "format": "text"\n  "quiet": true\n}\n' });
    const rj = run(['check', 'draft.md'], { cwd: json });
    expect(rj.code).toBe(2);
    expect(rj.stderr).toMatch(/^numcheck: \.numcheckrc\.json:\d+:\d+: invalid JSON: /);
    expect(rj.stderr).not.toMatch(STACK);
  });

  test('an unreadable config file: exit 2 with file:1:1', () => {
    if (process.getuid?.() === 0) return; // root reads anything
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'quiet: true\n' });
    chmodSync(join(dir, '.numcheckrc.yaml'), 0o000);
    const r = run(['check', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('numcheck: .numcheckrc.yaml:1:1: cannot read: permission denied\n');
  });

  test('an unknown key: located, with a did-you-mean; wrong values are located too', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': '# desk settings\nquiet: false\nforMat: json\nfailLevel: fatal\nmaxWarnings: lots\n' });
    const r = run(['check', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.replace(/^numcheck: /, '').split('\n').filter(Boolean).sort()).toEqual([
      '.numcheckrc.yaml:3:1: unknown key "forMat" (did you mean "format"?)',
      '.numcheckrc.yaml:4:12: failLevel must be one of "error", "warning", "info", not "fatal"',
      '.numcheckrc.yaml:5:14: maxWarnings must be a whole number',
    ]);
  });

  test('package.json "numcheck" positions point into package.json', () => {
    const dir = scratch(['evacuation'], { 'package.json': '{\n  "name": "desk",\n  "numcheck": {\n    "qiuet": true\n  }\n}\n' });
    const r = run(['check', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('numcheck: package.json:4:5: unknown key "qiuet" (did you mean "quiet"?)\n');
  });

  test('tolerances: unknown rule and unknown parameter, located, with did-you-mean', () => {
    const dir = scratch(['evacuation'], {
      '.numcheckrc.yaml': 'tolerances:\n  cross-source-mismatch:\n    tolerence: 0.2\n  unit-convertion:\n    tolerance: 0.1\n  part-exceeds-whole:\n    allow_equal: maybe\n',
    });
    const r = run(['check', 'draft.md'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.replace(/^numcheck: /, '').trimEnd().split('\n');
    expect(lines).toEqual([
      '.numcheckrc.yaml:3:5: unknown key "tolerence" in tolerances.cross-source-mismatch for check "mismatch" (did you mean "tolerance"?)',
      '.numcheckrc.yaml:4:3: tolerances: no rule "unit-convertion" is loaded (did you mean "unit-conversion"?)',
      '.numcheckrc.yaml:7:18: tolerances.part-exceeds-whole.allow_equal must be true or false',
    ]);
  });

  test('a malformed baseline: exit 2 located; a missing one: exit 2 naming it', () => {
    const dir = scratch(['evacuation'], { 'old.json': '{\n  "version": 1,\n  "findings": [{"count": 2}]\n}\n' });
    const r = run(['review', 'draft.md', '--against', 'sources/', '--baseline', 'old.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('numcheck: old.json:3:16: findings[0] needs a "fingerprint" string\n');
    const m = run(['review', 'draft.md', '--against', 'sources/', '--baseline', 'none.json'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toBe('numcheck: baseline file not found: none.json (create it with --update-baseline)\n');
  });

  test('writing the report to a folder that does not exist: exit 2', () => {
    const dir = scratch(['evacuation']);
    writeFileSync(join(dir, 'x'), '');
    const r = run(['check', 'draft.md', '-o', 'x/report.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^numcheck: cannot write x\/report\.txt: /);
  });
});

describe('a reader that stops early', () => {
  test('`numcheck extract … | head`: the closed pipe ends the run quietly (exit 141, as SIGPIPE), no EPIPE stack trace', async () => {
    ensureBuilt();
    // enough figures that the JSON is far larger than a pipe buffer, so the write is still going when the reader leaves
    const body = Array.from({ length: 4000 }, (_, i) => `Officials said ${i + 10} homes were damaged and ${i + 3} roads closed.`).join('\n');
    const dir = scratch([], { 'long.txt': body + '\n' });
    const child = spawn(process.execPath, [bin, 'extract', 'long.txt', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // what `head -1` does after its first line
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE/);
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(141);
  });
});
