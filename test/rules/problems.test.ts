/**
 * Every class of mistake in a rule file is reported at the right file:line:col, with a message that names what is
 * wrong — never a stack trace, and every problem of every file at once.
 */
import { join } from 'node:path';
import { loadRules, validateRuleFiles } from '../../src/rules/load.js';
import { DataFileError } from '../../src/util/errors.js';
import { problemsOf, tempFolder } from './helpers.js';

const expr = (expression: string, vars = 'a: {measure: x}') =>
  `check: expression\nparams:\n  variables:\n    ${vars.split('\n').join('\n    ')}\n  expression: ${JSON.stringify(expression)}\n`;

describe('schema violations', () => {
  test('unknown top-level key, with a suggestion', async () => {
    expect(await problemsOf('r.yaml', 'check: mismatch\nseverty: error\n')).toEqual(['2:1: unknown key "severty" (did you mean "severity"?)']);
  });

  test('unknown key with nothing close lists the known keys', async () => {
    expect(await problemsOf('r.yaml', 'check: scope\nparams:\n  frobnicate: 2\n')).toEqual([
      '3:3: unknown key "frobnicate" in params for check "scope" (known: min_ratio, max_ratio)',
    ]);
  });

  test('unknown key in select', async () => {
    expect(await problemsOf('r.yaml', 'check: mismatch\nselect:\n  measure: crowd\n  units: count\n')).toEqual([
      '4:3: unknown key "units" in select (did you mean "unit"?)',
    ]);
  });

  test('wrong enum value', async () => {
    expect(await problemsOf('r.yaml', 'check: mismatch\nseverity: critical\n')).toEqual([
      '2:11: severity must be one of "error", "warning", "info", not "critical"',
    ]);
  });

  test('misspelt check', async () => {
    expect(await problemsOf('r.yaml', 'check: mismach\n')).toEqual([
      '1:8: check must be one of "mismatch", "scope", "conversion", "part-whole", "percentage", "sum", "rate", "expression", not "mismach" (did you mean "mismatch"?)',
    ]);
  });

  test('missing check', async () => {
    expect(await problemsOf('r.yaml', '# my rule\nseverity: error\nmessage: hi\n')).toEqual(['2:1: missing required key "check"']);
  });

  test('a param of another check is an unknown key for this check', async () => {
    expect(await problemsOf('r.yaml', 'check: scope\nparams:\n  tolerance: 0.1\n  min_ratio: 0.5\n')).toEqual([
      '3:3: unknown key "tolerance" in params for check "scope" (known: min_ratio, max_ratio)',
      '4:14: params.min_ratio must be >= 1',
    ]);
  });

  test('a misspelt param is named, with the check', async () => {
    expect(await problemsOf('r.yaml', 'check: mismatch\nparams:\n  tolerence: 0.1\n')).toEqual([
      '3:3: unknown key "tolerence" in params for check "mismatch" (did you mean "tolerance"?)',
    ]);
  });

  test('wrong param types and ranges', async () => {
    expect(
      await problemsOf(
        'r.yaml',
        'check: mismatch\nparams:\n  tolerance: -1\n  vague: "yes"\n  update_severity: never\n  rising: [dead, dead]\n',
      ),
    ).toEqual([
      '3:14: params.tolerance must be >= 0',
      '4:10: params.vague must be true or false',
      '5:20: params.update_severity must be one of "error", "warning", "info", "off", not "never"',
      '6:18: params.rising lists "dead" twice',
    ]);
    expect(await problemsOf('r.yaml', 'check: rate\nparams:\n  min_period_days: 2.5\n')).toEqual(['3:20: params.min_period_days must be a whole number']);
  });

  test('select values', async () => {
    expect(await problemsOf('r.yaml', 'check: sum\nselect:\n  measure: 3\n  unit: []\n  dimension: " count"\n')).toEqual([
      '3:12: select.measure must be a string or a list of strings',
      '4:9: select.unit must have at least 1 item',
      '5:14: select.dimension must not start or end with spaces',
    ]);
  });

  test('id and link', async () => {
    expect(await problemsOf('r.yaml', 'id: Crowd_Estimates\ncheck: sum\nlink: see docs\n')).toEqual([
      '1:5: id must be kebab-case: lower-case letters and digits joined by single hyphens (e.g. crowd-estimates)',
      '3:7: link must be an http:// or https:// address without spaces',
    ]);
  });

  test('a file name that is no id', async () => {
    expect(await problemsOf('Crowd Estimates.yaml', '# crowd\ncheck: sum\n')).toEqual([
      '2:1: the file name "Crowd Estimates.yaml" does not give a valid rule id (lower-case letters and digits joined by hyphens, e.g. crowd-estimates): rename the file or add an "id:" key',
    ]);
    expect(await problemsOf('Crowd Estimates.yaml', 'id: crowd\ncheck: sum\n')).toEqual([]);
  });

  test('expression rules need params', async () => {
    expect(await problemsOf('r.yaml', 'check: expression\n')).toEqual(['1:1: missing required key "params"']);
    expect(await problemsOf('r.yaml', 'check: expression\nparams:\n  expression: "1 < 2"\n')).toEqual(['3:3: params: missing required key "variables"']);
  });

  test('empty file, a list, a scalar', async () => {
    expect(await problemsOf('r.yaml', '')).toEqual(['1:1: the file is empty: a rule needs at least a "check:" key (see docs/rules.md)']);
    expect(await problemsOf('r.yaml', '- check: sum\n')).toEqual(['1:1: a rule file must be a mapping of keys (check:, severity:, ...), not a list']);
    expect(await problemsOf('r.yaml', 'mismatch\n')).toEqual(['1:1: a rule file must be a mapping of keys (check:, severity:, ...), not a single value']);
  });

  test('JSON rule files get positions too', async () => {
    expect(await problemsOf('r.json', '{\n  "check": "mismatch",\n  "params": {"vague": "yes", "tolerance": 2}\n}\n')).toEqual([
      '3:23: params.vague must be true or false',
      '3:43: params.tolerance must be <= 1',
    ]);
  });
});

describe('syntax', () => {
  test('invalid YAML', async () => {
    const ps = await problemsOf('r.yaml', 'check: mismatch\nparams: [1, 2\nseverity: info\n');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/^\d+:\d+: invalid YAML: /);
    expect(await problemsOf('r.yaml', 'check: mismatch\n  severity: info\n')).toContain('1:8: invalid YAML: Nested mappings are not allowed in compact mappings');
  });

  test('invalid JSON', async () => {
    expect(await problemsOf('r.json', '{\n  "check": "mismatch",\n  "severity": "info",,\n}\n')).toEqual([expect.stringMatching(/^3:\d+: invalid JSON: /)]);
  });

  test('duplicate key, YAML and JSON', async () => {
    expect(await problemsOf('r.yaml', 'check: mismatch\nseverity: info\nseverity: error\n')).toEqual(['3:1: invalid YAML: Map keys must be unique']);
    expect(await problemsOf('r.json', '{"check": "sum",\n "check": "rate"}\n')).toEqual(['2:2: invalid JSON: Map keys must be unique']);
  });
});

describe('regular expressions', () => {
  test('a pattern that does not compile', async () => {
    expect(await problemsOf('r.yaml', 'check: mismatch\nselect:\n  pattern: "(police"\n')).toEqual([
      '3:12: select.pattern: is not a valid regular expression: Unterminated group',
    ]);
  });

  test('a pattern that can backtrack catastrophically (ReDoS)', async () => {
    expect(await problemsOf('r.yaml', "check: mismatch\nselect:\n  pattern: '(\\w+\\s?)+$'\n")).toEqual([
      '3:12: select.pattern: has a repetition inside a repetition ("\\w+" inside "(\\w+\\s?)+"): matching can take exponential time; rewrite it without nesting (e.g. (a+)+ → a+)',
    ]);
  });

  test('backreferences, overlong patterns, unsupported inline flags', async () => {
    expect(await problemsOf('r.yaml', "check: sum\nselect:\n  pattern: '(a)\\1'\n")).toEqual([
      '3:12: select.pattern: uses a backreference (\\1): backreferences can make matching take exponential time and are not allowed',
    ]);
    expect(await problemsOf('r.yaml', `check: sum\nselect:\n  pattern: '${'a'.repeat(501)}'\n`)).toEqual([
      '3:12: select.pattern: is 501 characters long; the limit is 500',
    ]);
    expect(await problemsOf('r.yaml', "check: sum\nselect:\n  pattern: '(?x)police'\n")).toEqual([
      '3:12: select.pattern: inline flag "x" is not supported (only (?i), (?m) and (?s))',
    ]);
    expect(await problemsOf('r.yaml', "check: sum\nselect:\n  pattern: 'police(?i)said'\n")).toEqual([
      '3:12: select.pattern: inline flags such as (?i) are only supported at the very start of the pattern',
    ]);
  });

  test('patterns in expression variables are checked too', async () => {
    expect(await problemsOf('r.yaml', expr('a > 1', "a: {pattern: '(x|xy)*z'}"))).toEqual([
      expect.stringMatching(/^4:18: params\.variables\.a\.pattern: has alternatives that can match the same text inside the repetition "\(x\|xy\)\*"/),
    ]);
  });

  test('a good pattern compiles with its inline flags', async () => {
    const dir = tempFolder({ 'r.yaml': "check: mismatch\nselect:\n  pattern: '(?i)police|organi[sz]ers'\n" });
    const { rules } = await loadRules({ useDefaults: false, files: [dir] });
    const p = rules[0]!.select!.pattern!;
    expect(p).toMatchObject({ source: '(?i)police|organi[sz]ers', js: 'police|organi[sz]ers', flags: 'ui' });
    expect(p.test('ORGANISERS said 100,000')).toBe(true);
    expect(p.test('officials said')).toBe(false);
  });
});

describe('expressions', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['forbidden function import', 'import({}, {}) or a > 1', /^5:3: params\.expression: function "import" is not allowed \(allowed: abs, min, max, round, floor, ceil, sqrt, sum, mean\)$/],
    ['forbidden function evaluate', 'evaluate("1") > a', /function "evaluate" is not allowed/],
    ['forbidden function createUnit', 'createUnit("foo") > a', /function "createUnit" is not allowed/],
    ['prototype access', 'a.constructor > 1', /^5:3: params\.expression: property access and indexing are not allowed \("a\.constructor"\)$/],
    ['__proto__ indexing', 'a["__proto__"] > 1', /property access and indexing are not allowed/],
    ['assignment', 'a = 1', /^5:3: params\.expression: assignment is not allowed \("a = 1"\)/],
    ['function definition', 'f(x) = a', /defining functions is not allowed/],
    ['overlong expression', 'a + '.repeat(300) + 'a > 1', /^5:3: params\.expression: is 1,205 characters long; the limit is 1,000$/],
    ['too many nodes', Array.from({ length: 120 }, () => 'a').join(' + ') + ' > 1', /is too large: more than 200 operations and values/],
    ['a number, not a condition', 'a * 2', /computes a number, but it must be a condition/],
    ['unknown name', 'a + b > 1', /unknown name "b": the variables are a/],
    ['syntax error', 'a + > 1', /^5:3: params\.expression: syntax error: /],
  ];
  test.each(cases)('%s', async (_name, source, re) => {
    const ps = await problemsOf('r.yaml', expr(source));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(re);
  });

  test('variable names: identifiers, not reserved, all used', async () => {
    expect(await problemsOf('r.yaml', expr('c > 1', 'a-b: {measure: x}\nsum: {measure: y}\nc: {mesure: z}'))).toEqual([
      '4:5: params.variables: variable name "a-b" must be an identifier: letters, digits and _, not starting with a digit',
      '5:5: params.variables: variable name "sum" is reserved (a function, keyword or constant); choose another name',
      '6:9: unknown key "mesure" in params.variables.c (did you mean "measure"?)',
    ]);
    expect(await problemsOf('r.yaml', expr('a > 1', 'a: {measure: x}\nb: {measure: y}'))).toEqual(['5:5: params.variables: "b" is not used in the expression']);
    expect(await problemsOf('r.yaml', expr('a > 1', '__proto__: {measure: x}'))).toEqual([
      '4:5: params.variables: variable name "__proto__" is reserved (a function, keyword or constant); choose another name',
    ]);
  });

  test('the evaluation budget: max_combinations × expression size', async () => {
    const big = Array.from({ length: 60 }, () => 'a').join(' + ') + ' > 1'; // 121 nodes
    const ps = await problemsOf('r.yaml', expr(big).replace('  expression:', '  max_combinations: 10000\n  expression:'));
    expect(ps).toEqual(['5:21: params.max_combinations: 10000 combinations × 121 expression nodes exceeds the evaluation budget of 1,000,000; use at most 8264']);
    expect(await problemsOf('r.yaml', expr('a > 1').replace('  expression:', '  max_combinations: 20000\n  expression:'))).toEqual([
      '5:21: params.max_combinations must be <= 10000',
    ]);
  });
});

describe('messages', () => {
  test('unknown placeholders and stray braces', async () => {
    expect(await problemsOf('r.yaml', 'check: sum\nmessage: "{totl} {"\n')).toEqual([
      '2:10: message: unclosed "{" at character 8 (write {{ for a literal brace)',
      '2:10: message: unknown placeholder {totl} for check "sum" (did you mean "total"?) (known: {rule}, {severity}, {measure}, {values}, {why}, {sources}, {parts}, {total}, {expected}, {difference})',
    ]);
    expect(await problemsOf('r.yaml', 'check: sum\nmessage: "{{literal}} {total}"\n')).toEqual([]);
  });

  test('expression messages may name the variables', async () => {
    expect(await problemsOf('r.yaml', 'message: "{a} is too big ({expression})"\n' + expr('a < 10'))).toEqual([]);
    expect(await problemsOf('r.yaml', 'message: "{b}"\n' + expr('a < 10'))).toEqual([expect.stringMatching(/^1:10: message: unknown placeholder \{b\}/)]);
  });
});

describe('several files', () => {
  test('problems from all files are collected before anything is thrown', async () => {
    const dir = tempFolder({ 'a.yaml': 'check: sum\nseverity: loud\n', 'sub/b.yaml': 'check: nope\n', 'c.yaml': 'check: rate\n', 'notes.txt': 'ignored' });
    const err = await loadRules({ useDefaults: true, files: [dir] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFileError);
    const ps = (err as DataFileError).problems.map((p) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column}`);
    expect(ps).toEqual(['a.yaml:2:11', 'sub/b.yaml:1:8']);
    expect((err as DataFileError).message.split('\n')).toHaveLength(2);
  });

  test('duplicate ids between user files name both files', async () => {
    const dir = tempFolder({ 'a.yaml': 'id: crowd\ncheck: sum\n', 'b.yaml': 'check: rate\nid: crowd\n' });
    const res = await validateRuleFiles([dir]);
    expect(res.map((r) => r.problems.length)).toEqual([0, 1]);
    const p = res[1]!.problems[0]!;
    expect([p.line, p.column]).toEqual([2, 5]);
    expect(p.message).toBe(`duplicate rule id "crowd": also defined in ${join(dir, 'a.yaml')}:1:5 (ids must be unique; a file may only replace a built-in rule)`);
    await expect(loadRules({ useDefaults: false, files: [dir] })).rejects.toThrow(/duplicate rule id "crowd"/);
  });

  test('a user file replaces the built-in rule with its id, in its place', async () => {
    const dir = tempFolder({ 'mine.yaml': 'id: scope-difference\ncheck: scope\nenabled: false\nparams: {min_ratio: 3}\n' });
    const builtin = (await loadRules({ useDefaults: true })).rules;
    const { rules } = await loadRules({ useDefaults: true, files: [dir] });
    expect(rules.map((r) => r.id)).toEqual(builtin.map((r) => r.id));
    const scope = rules.find((r) => r.id === 'scope-difference')!;
    expect(scope).toMatchObject({ builtin: false, enabled: false, severity: 'warning', params: { min_ratio: 3 } });
  });

  test('files and folders: sorted, recursive, each file once; missing paths and empty folders reported', async () => {
    const dir = tempFolder({ 'z.yaml': 'check: sum\n', 'a/b.yml': 'check: rate\n', 'a/c.json': '{"check": "scope"}', '.hidden/x.yaml': 'nope: 1\n', 'empty/readme.md': 'x' });
    const { rules } = await loadRules({ useDefaults: false, files: [dir, join(dir, 'z.yaml')] });
    expect(rules.map((r) => r.id)).toEqual(['b', 'c', 'z']);
    const err = (await loadRules({ useDefaults: false, files: [join(dir, 'empty'), join(dir, 'nothere'), join(dir, 'empty', 'readme.md')] }).catch((e: unknown) => e)) as DataFileError;
    expect(err.problems.map((p) => p.message)).toEqual([
      'no rule files (.yaml, .yml or .json) in this folder',
      'no such file or folder',
      'not a rule file: the name must end in .yaml, .yml or .json',
    ]);
  });

  test('relative paths resolve against cwd', async () => {
    const dir = tempFolder({ 'r/x.yaml': 'check: sum\n' });
    const { rules } = await loadRules({ useDefaults: false, files: ['r'], cwd: dir });
    expect(rules.map((r) => r.id)).toEqual(['x']);
  });
});

describe('defaults applied', () => {
  test('severity, enabled, params, attribution_severity follows severity, select words become lists', async () => {
    const dir = tempFolder({
      'm.yaml': 'check: mismatch\nseverity: error\nselect:\n  measure: crowd\n  unit: [count]\n',
      'e.yaml': expr('a >= 0'),
      'p.yaml': 'check: percentage\nparams: {tolerance_pp: 1}\n',
    });
    const { rules } = await loadRules({ useDefaults: false, files: [dir] });
    const [e, m, p] = rules;
    expect(m).toMatchObject({
      id: 'm',
      check: 'mismatch',
      severity: 'error',
      enabled: true,
      builtin: false,
      line: 1,
      select: { measure: ['crowd'], unit: ['count'] },
      params: { tolerance: 0, rounding_severity: 'info', update_severity: 'off', attribution_severity: 'error', within_document: true, across_documents: true, vague: true },
    });
    expect(m!.check === 'mismatch' && m!.params.rising).toContain('death toll');
    expect(e).toMatchObject({ check: 'expression', severity: 'warning', params: { within: 'document', max_combinations: 1000, expression: 'a >= 0', variables: { a: { measure: ['x'] } } } });
    expect(p).toMatchObject({ params: { tolerance_pp: 1 } });
  });
});

describe('lexicon files', () => {
  test('unknown lexicon names the known ones', async () => {
    const [p] = await problemsOf('l.yaml', 'lexicon: synonym\nentries: []\n');
    expect(p).toMatch(/^1:10: unknown lexicon "synonym" \(did you mean "synonyms"\?\): lexicon files extend one of .*synonyms/);
  });

  test('synonym entries are validated with positions', async () => {
    expect(
      await problemsOf('l.yaml', 'lexicon: synonyms\nentries:\n  - [a]\n  - [b, b]\n  - {events: [x, y], note: 1}\n  - [c, d]\n  - [d, "e  f"]\n'),
    ).toEqual([
      '3:5: entries[0] must have at least 2 items',
      '4:9: entries[1] lists "b" twice',
      '5:22: unknown key "note" in entries[2]',
      '7:9: entries[4][1] must be a word or phrase without leading, trailing or double spaces',
    ]);
  });

  test('a state entry names what it counts', async () => {
    expect(await problemsOf('l.yaml', 'lexicon: synonyms\nentries:\n  - states: [without power]\n  - {states: [in the dark], counts: [home, customer]}\n')).toEqual([
      '3:5: entries[0] must have property counts when property states is present',
    ]);
  });

  test('a word in two sets of one kind is reported where it repeats', async () => {
    expect(await problemsOf('l.yaml', 'lexicon: synonyms\nentries:\n  - [crowd, protester]\n  - events: [kill, die]\n  - [marcher, Crowd]\n  - events: [die, perish]\n')).toEqual([
      '5:15: "Crowd" is already in the synonym set on line 3: merge the two sets or drop one "Crowd"',
      '6:14: "die" is already in the event set on line 4: merge the two sets or drop one "die"',
    ]);
  });

  test('lexicons come back from loadRules with their file', async () => {
    const dir = tempFolder({ 'syn.yaml': 'lexicon: synonyms\nentries:\n  - [polling station, polling place]\n', 'r.yaml': 'check: sum\n' });
    const { rules, lexicons } = await loadRules({ useDefaults: false, files: [dir] });
    expect(rules.map((r) => r.id)).toEqual(['r']);
    expect(lexicons).toEqual([
      {
        name: 'synonyms',
        entries: [['polling station', 'polling place']],
        file: join(dir, 'syn.yaml'),
        path: join(dir, 'syn.yaml'),
        data: { lexicon: 'synonyms', entries: [['polling station', 'polling place']] },
      },
    ]);
  });
});
