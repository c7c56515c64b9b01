/** The progress bar: stderr only, only on a TTY, only for more than 20 documents, never for JSON. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROGRESS_MIN_DOCUMENTS, startProgress } from '../../src/cli/progress.js';
import { bin, ensureBuilt, run, scratch } from './helpers.js';

function fakeTTY(): NodeJS.WriteStream & { text: () => string } {
  let out = '';
  return {
    isTTY: true,
    columns: 100,
    rows: 30,
    write(s: string) {
      out += s;
      return true;
    },
    on() {
      return this;
    },
    removeListener() {
      return this;
    },
    text: () => out,
  } as unknown as NodeJS.WriteStream & { text: () => string };
}

function batch(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= n; i++) files[`batch/story-${String(i).padStart(2, '0')}.md`] = `# Story ${i}\n\nThe office said ${100 + i} people were evacuated on Monday.\n`;
  return files;
}

describe('startProgress', () => {
  test('no bar: not a TTY, 20 documents or fewer, JSON output', async () => {
    const pipe = { ...fakeTTY(), isTTY: false } as unknown as NodeJS.WriteStream;
    expect(await startProgress({ total: 500, stream: pipe })).toBeNull();
    expect(await startProgress({ total: PROGRESS_MIN_DOCUMENTS, stream: fakeTTY() })).toBeNull();
    expect(await startProgress({ total: 500, stream: fakeTTY(), format: 'json' })).toBeNull();
    expect(await startProgress({ total: 500, stream: fakeTTY(), format: 'jsonl' })).toBeNull();
  });

  test('a bar counting documents on a TTY, cleared at the end; lines logged meanwhile are kept whole', async () => {
    const tty = fakeTTY();
    const bar = (await startProgress({ total: 21, stream: tty, format: 'sarif' }))!;
    expect(bar).not.toBeNull();
    for (let i = 1; i <= 21; i++) bar.onDocument(i);
    bar.log('numcheck: x.md: cannot read x.md\n');
    bar.onDocument(22); // more documents than counted: the total grows
    bar.stop();
    const text = tty.text();
    expect(text).toContain('21/21 documents');
    expect(text).toContain('22/22 documents');
    expect(text).toContain('\r\x1b[Knumcheck: x.md: cannot read x.md\n');
  });
});

describe('through the CLI', () => {
  test('a batch of 25 in a pipe: nothing on stderr', () => {
    const dir = scratch([], batch(25));
    const r = run(['check', 'batch/'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('in 25 documents');
  });

  const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
  (script ? test : test.skip)('on a terminal: the bar on stderr, the report untouched', () => {
    ensureBuilt();
    const dir = scratch([], batch(25));
    const cmd = `'${process.execPath}' '${bin}' check batch/ > report.txt`;
    const r = spawnSync(script!, ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, TERM: 'xterm' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('25/25 documents'); // the terminal saw the bar (stderr)
    const report = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(report).not.toContain('documents\x1b');
    expect(report).not.toMatch(/\d+\/25/);
    expect(report).toContain('in 25 documents');
    // -f json on a terminal: no bar at all
    const json = spawnSync(script!, ['-qec', `'${process.execPath}' '${bin}' check batch/ -f json > report.json`, '/dev/null'], { cwd: dir, encoding: 'utf8' });
    expect(json.stdout).not.toContain('/25 documents');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).documents).toHaveLength(25);
  });
});
