/** The config file: found walking up, flags override it, every key has an effect, one reader for every command. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findConfigFile, loadConfig } from '../../src/config/index.js';
import { expandInputs, ignoreTest } from '../../src/config/inputs.js';
import { run, scratch } from './helpers.js';

const REVIEW = ['review', 'draft.md', '--against', 'sources/'];

describe('discovery', () => {
  test('found walking up from the working directory; the nearest wins; paths relative to the config file', async () => {
    const dir = scratch(['evacuation'], {
      '.numcheckrc.yaml': 'format: json\nrules: desk-rules\n',
      'desk-rules/crowd.yaml': 'check: mismatch\nseverity: error\nselect:\n  measure: [protester]\n',
      'team/story/notes.txt': 'nothing here\n',
      'team/.numcheckrc.json': '{"quiet": true}\n',
    });
    const deep = join(dir, 'team', 'story');
    expect(findConfigFile(deep)).toEqual({ file: join(dir, 'team', '.numcheckrc.json'), inPackage: false });
    expect(findConfigFile(join(dir, 'desk-rules'))).toEqual({ file: join(dir, '.numcheckrc.yaml'), inPackage: false });
    const cfg = await loadConfig({ cwd: join(dir, 'desk-rules') });
    expect(cfg.rules).toEqual([join(dir, 'desk-rules')]);
    expect(cfg.format).toBe('json');

    // from a sub-folder without its own config: the parent's format (json) and rules apply
    const sub = join(dir, 'desk-rules');
    const r = run(['review', '../draft.md', '--against', '../sources/'], { cwd: sub });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ warnings: 1 });
    const list = run(['rules', 'list', '-f', 'json'], { cwd: sub });
    expect(JSON.parse(list.stdout).rules.map((x: { id: string }) => x.id)).toContain('crowd');
  });

  test('.yaml before .yml before .json before package.json in one folder; package.json without "numcheck" is passed over', () => {
    const dir = scratch([], { 'a/package.json': '{"name": "x"}', 'a/b/package.json': '{"name": "y", "numcheck": {"quiet": true}}', '.numcheckrc.json': '{}' });
    expect(findConfigFile(join(dir, 'a'))?.file).toBe(join(dir, '.numcheckrc.json'));
    expect(findConfigFile(join(dir, 'a', 'b'))).toEqual({ file: join(dir, 'a', 'b', 'package.json'), inPackage: true });
    writeFileSync(join(dir, 'a', 'b', '.numcheckrc.yml'), 'quiet: false\n');
    expect(findConfigFile(join(dir, 'a', 'b'))?.file).toBe(join(dir, 'a', 'b', '.numcheckrc.yml'));
    writeFileSync(join(dir, 'a', 'b', '.numcheckrc.yaml'), 'quiet: false\n');
    expect(findConfigFile(join(dir, 'a', 'b'))?.file).toBe(join(dir, 'a', 'b', '.numcheckrc.yaml'));
  });

  test('-c names the config explicitly (any name, package.json too); discovery is then skipped', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'format: json\n', 'ci/numcheck.yaml': 'maxWarnings: 0\n', 'pkg/package.json': '{"numcheck": {"failLevel": "warning"}}' });
    const viaFile = run([...REVIEW, '-c', 'ci/numcheck.yaml'], { cwd: dir });
    expect(viaFile.code).toBe(1);
    expect(viaFile.stdout).toMatch(/^people evacuated/); // text: the discovered config's json is not used
    const viaPkg = run([...REVIEW, '-c', 'pkg/package.json', '-f', 'text'], { cwd: dir });
    expect(viaPkg.code).toBe(1);
  });
});

describe('loadConfig', () => {
  test('values resolved (paths relative to the config file); a wrong type is located; --config must exist', async () => {
    const dir = scratch([], { 'desk/.numcheckrc.yaml': 'rules: [../r, more.yaml]\nbaseline: b.json\nignore: old/\nmaxWarnings: 3\n' });
    const cfg = await loadConfig({ cwd: join(dir, 'desk') });
    expect(cfg).toMatchObject({ file: join(dir, 'desk', '.numcheckrc.yaml'), dir: join(dir, 'desk'), rules: [join(dir, 'r'), join(dir, 'desk', 'more.yaml')], baseline: join(dir, 'desk', 'b.json'), ignore: ['old/'], maxWarnings: 3 });
    const none = await loadConfig({ cwd: '/' });
    expect(none).toMatchObject({ file: null, rules: [], ignore: [], tolerances: {} });
    writeFileSync(join(dir, 'desk', '.numcheckrc.yaml'), 'rules: 3\n');
    await expect(loadConfig({ cwd: join(dir, 'desk') })).rejects.toThrow(`${join('desk', '.numcheckrc.yaml')}:1:8: rules must be a string or a list of strings`);
    await expect(loadConfig({ cwd: dir, config: 'nope.yaml' })).rejects.toThrow('config file not found: nope.yaml');
  });
});

describe('flags override the config', () => {
  test('format, maxWarnings, failLevel, quiet', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'format: json\nmaxWarnings: 0\n' });
    const cfg = run(REVIEW, { cwd: dir });
    expect(cfg.code).toBe(1);
    expect(() => JSON.parse(cfg.stdout)).not.toThrow();
    const flags = run([...REVIEW, '-f', 'text', '--max-warnings', '-1'], { cwd: dir });
    expect(flags.code).toBe(0);
    expect(flags.stdout).toContain('⚠ warning  cross-source-mismatch');

    writeFileSync(join(dir, '.numcheckrc.yaml'), 'failLevel: warning\nquiet: true\n');
    const quiet = run(REVIEW, { cwd: dir });
    expect(quiet.stdout).toBe(''); // --quiet: errors only, nothing at all when there are none
    expect(quiet.code).toBe(0); // the warning is not reported, so it does not fail the run
    const loud = run([...REVIEW, '--no-quiet'], { cwd: dir });
    expect(loud.code).toBe(1);
    expect(run([...REVIEW, '--no-quiet', '--fail-level', 'error'], { cwd: dir }).code).toBe(0);
  });

  test('defaultRules: false in the config, --default-rules on the command line', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'defaultRules: false\nrules: [mine.yaml]\n', 'mine.yaml': 'check: sum\n' });
    const off = run(['rules', 'list', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(off.stdout).rules.map((r: { id: string }) => r.id)).toEqual(['mine']);
    const on = run(['rules', 'list', '-f', 'json', '--default-rules'], { cwd: dir });
    expect(JSON.parse(on.stdout).rules.map((r: { id: string }) => r.id)).toContain('cross-source-mismatch');
    expect(run([...REVIEW, '--max-warnings', '0'], { cwd: dir }).code).toBe(0); // no mismatch rule loaded
    expect(run([...REVIEW, '--max-warnings', '0', '--default-rules'], { cwd: dir }).code).toBe(1);
  });

  test('date: the config gives the date of undated documents; --date overrides', () => {
    const dir = scratch([], { 'story.txt': 'Officials said 300 homes were flooded on Monday.\n', '.numcheckrc.yaml': 'date: 2024-05-01\n' });
    const fromConfig = JSON.parse(run(['extract', 'story.txt'], { cwd: dir }).stdout);
    expect(fromConfig.documents[0].date).toBe('2024-05-01');
    const fromFlag = JSON.parse(run(['extract', 'story.txt', '--date', '2024-06-01'], { cwd: dir }).stdout);
    expect(fromFlag.documents[0].date).toBe('2024-06-01');
  });
});

describe('tolerances', () => {
  test('a tolerance override changes what is flagged, and rules list shows it', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'tolerances:\n  cross-source-mismatch:\n    tolerance: 0.2\n' });
    expect(run([...REVIEW, '--max-warnings', '0'], { cwd: dir }).code).toBe(0); // 1,240 vs 1,420 is 13 % apart
    const list = JSON.parse(run(['rules', 'list', '-f', 'json'], { cwd: dir }).stdout);
    const rule = list.rules.find((r: { id: string }) => r.id === 'cross-source-mismatch');
    expect(rule.params.tolerance).toBe(0.2);
    expect(rule.params.rounding_severity).toBe('info'); // the other params keep the rule file's values
  });
});

describe('ignore', () => {
  test('patterns relative to the config file skip files when folders are expanded; named files are always read', () => {
    const dir = scratch(['evacuation'], {
      '.numcheckrc.yaml': 'ignore:\n  - sources/archive/\n  - "*.draft.md"\n',
      'sources/archive/old-bulletin.md': '# Old\n\nThe county emergency office said 900 people were evacuated from riverside homes on Monday.\n',
      'sources/notes.draft.md': 'The county emergency office said 1,100 people were evacuated from riverside homes on Monday.\n',
    });
    const json = JSON.parse(run([...REVIEW, '-f', 'json'], { cwd: dir }).stdout);
    expect(json.documents.map((d: { id: string }) => d.id)).toEqual(['draft.md', 'sources/office-bulletin.md']);
    const named = JSON.parse(run(['review', 'draft.md', '--against', 'sources/', 'sources/notes.draft.md', '-f', 'json'], { cwd: dir }).stdout);
    expect(named.documents.map((d: { id: string }) => d.id)).toEqual(['draft.md', 'sources/office-bulletin.md', 'sources/notes.draft.md']);
    const cli = JSON.parse(run([...REVIEW, '-f', 'json', '--ignore-pattern', 'office-*'], { cwd: dir }).stdout);
    expect(cli.documents.map((d: { id: string }) => d.id)).toEqual(['draft.md']);
  });

  test('a folder whose files are all ignored is noted on stderr; nothing left at all is exit 2', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'ignore: sources\n' });
    const r = run(['check', 'sources/'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sources/: skipped: every file in it matches an ignore pattern');
    expect(r.stderr).toContain('no documents to check');
  });

  test('matching: names at any depth, folders with a trailing slash, ** across folders, ids as ingest gives them', async () => {
    const dir = scratch([], { 'a/x.md': 'a', 'a/b/y.md': 'b', 'a/b/c/z.txt': 'c', 'a/keep.html': 'd', 'a/node_modules/n.md': 'e' });
    const test = (patterns: string[]) => ignoreTest([{ base: dir, patterns, origin: 't' }]);
    const ex = async (patterns: string[], paths = ['a']) => (await expandInputs(paths, test(patterns), dir)).paths;
    expect(await ex(['b'])).toEqual(['a/keep.html', 'a/x.md']);
    expect(await ex(['a/b/'])).toEqual(['a/keep.html', 'a/x.md']);
    expect(await ex(['**/*.md'])).toEqual(['a/b/c/z.txt', 'a/keep.html']);
    expect(await ex(['*.md'])).toEqual(['a/b/c/z.txt', 'a/keep.html']); // no slash: a name at any depth
    expect(await ex(['/x.md'])).toEqual(['a/b/c/z.txt', 'a/b/y.md', 'a/keep.html', 'a/x.md']); // anchored to the base
    expect(await ex(['a/*.md'])).toEqual(['a/b/c/z.txt', 'a/b/y.md', 'a/keep.html']); // * does not cross /
    expect(await ex(['nothing'], ['a/'])).toEqual(['a/b/c/z.txt', 'a/b/y.md', 'a/keep.html', 'a/x.md']);
    expect(await ex(['x.md'], ['a/**/*.md'])).toEqual(['a/b/y.md']);
    expect((await expandInputs(['a', '-'], null, dir)).paths).toEqual(['a', '-']); // nothing to ignore: unchanged
  });

  test('negated patterns are refused rather than silently misread', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'ignore:\n  - archive/\n  - "!archive/keep.md"\n' });
    const r = run(REVIEW, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('numcheck: .numcheckrc.yaml:3:5: ignore: negated patterns ("!archive/keep.md") are not supported; list only what to skip\n');
  });
});

describe('one config reader', () => {
  test('rules list, check, review and extract all read the same file', () => {
    const dir = scratch(['evacuation'], { '.numcheckrc.yaml': 'rules: [mine]\nignore: [ignored/]\n', 'mine/a.yaml': 'check: rate\n', 'ignored/x.md': 'The office said 5 people were evacuated.\n' });
    expect(JSON.parse(run(['rules', 'list', '-f', 'json'], { cwd: dir }).stdout).rules.map((r: { id: string }) => r.id)).toContain('a');
    const ex = JSON.parse(run(['extract', '.'], { cwd: dir }).stdout);
    expect(ex.documents.map((d: { id: string }) => d.id)).toEqual(['draft.md', 'sources/office-bulletin.md']);
    const broken = readFileSync(join(dir, '.numcheckrc.yaml'), 'utf8') + 'colour: true\n';
    writeFileSync(join(dir, '.numcheckrc.yaml'), broken);
    for (const args of [['rules', 'list'], ['check', 'draft.md'], REVIEW, ['extract', 'draft.md']]) {
      const r = run(args, { cwd: dir });
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr: 'numcheck: .numcheckrc.yaml:3:1: unknown key "colour" (known: rules, defaultRules, format, failLevel, maxWarnings, quiet, tolerances, ignore, date, baseline, reportUnusedDisableDirectives)\n' });
    }
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', '.numcheckrc.yaml'), '');
    expect(run(['check', '../draft.md'], { cwd: join(dir, 'empty') }).code).toBe(0); // an empty config is no settings
  });
});
