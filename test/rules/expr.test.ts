/**
 * The restricted expression language: evaluation semantics, runtime problems reported (never thrown), and the
 * escape attempts of mathjs's security history rejected when the rule is loaded.
 */
import { compileExpression, evaluateCombinations, ExprError, variableNameProblem, EXPR_FUNCTIONS } from '../../src/rules/expr.js';
import { problemsOf } from './helpers.js';

const run = (source: string, scope: Record<string, number> = {}, vars = Object.keys(scope)) =>
  compileExpression(source, vars).evaluate(new Map(Object.entries(scope)));

describe('evaluation', () => {
  test('true and false', () => {
    expect(run('dead + injured <= casualties', { dead: 12, injured: 28, casualties: 40 })).toEqual({ ok: true, value: true });
    expect(run('dead + injured <= casualties', { dead: 12, injured: 31, casualties: 40 })).toEqual({ ok: true, value: false });
    expect(run('true', {}, [])).toEqual({ ok: true, value: true });
    expect(run('not (1 > 2)', {}, [])).toEqual({ ok: true, value: true });
  });

  test('operators and precedence', () => {
    expect(run('-a^2 == -4', { a: 2 })).toEqual({ ok: true, value: true });
    expect(run('2^-1 == 0.5 and 7 / 2 == 3.5 and +a - 1 == 1', { a: 2 })).toEqual({ ok: true, value: true });
    expect(run('a > 1 or b > 1', { a: 0, b: 2 })).toEqual({ ok: true, value: true });
    expect(run('a > 1 and b > 1', { a: 0, b: 2 })).toEqual({ ok: true, value: false });
    expect(run('(a > b ? a : b) == 5', { a: 5, b: 3 })).toEqual({ ok: true, value: true });
    expect(run('a > 0 ? b > 0 : b < 0', { a: -1, b: -2 })).toEqual({ ok: true, value: true });
  });

  test('comparisons tolerate floating-point noise, like mathjs', () => {
    expect(run('a + b == 0.3', { a: 0.1, b: 0.2 })).toEqual({ ok: true, value: true });
    expect(run('a + b <= 0.3 and a + b >= 0.3 and not (a + b < 0.3) and a + b != 0.31', { a: 0.1, b: 0.2 })).toEqual({ ok: true, value: true });
  });

  test('chained comparisons', () => {
    expect(run('0 <= share <= 100', { share: 74 })).toEqual({ ok: true, value: true });
    expect(run('0 <= share <= 100', { share: 120 })).toEqual({ ok: true, value: false });
    expect(run('a < b < c', { a: 1, b: 3, c: 2 })).toEqual({ ok: true, value: false });
  });

  test('the whitelisted functions', () => {
    const ok = (s: string, scope: Record<string, number>) => expect(run(s, scope)).toEqual({ ok: true, value: true });
    ok('abs(a) == 3', { a: -3 });
    ok('min(a, b, 2) == 1 and max(a, b) == 4', { a: 1, b: 4 });
    ok('sum(a, b, c) == 6 and mean(a, b, c) == 2', { a: 1, b: 2, c: 3 });
    ok('round(a) == 3 and round(b) == -3 and round(c, 2) == 1.01', { a: 2.5, b: -2.5, c: 1.005 });
    ok('floor(a) == 2 and ceil(a) == 3 and sqrt(b) == 4', { a: 2.5, b: 16 });
    expect([...EXPR_FUNCTIONS].sort()).toEqual(['abs', 'ceil', 'floor', 'max', 'mean', 'min', 'round', 'sqrt', 'sum']);
  });

  test('runtime problems are reported, never thrown', () => {
    const c = compileExpression('a / b > 1', ['a', 'b']);
    expect(c.evaluate(new Map([['a', 1], ['b', 0]]))).toEqual({ ok: false, problem: 'division by zero in "a / b"' });
    expect(c.evaluate(new Map([['a', 1]]))).toEqual({ ok: false, problem: 'variable "b" has no value' });
    expect(c.evaluate(new Map([['a', 1], ['b', Number.NaN]]))).toEqual({ ok: false, problem: 'variable "b" is not a finite number' });
    expect(c.evaluate(new Map<string, number>([['a', 1], ['b', '2' as unknown as number]]))).toEqual({ ok: false, problem: 'variable "b" has no value' });
    expect(run('a ^ b > 1', { a: 10, b: 400 })).toEqual({ ok: false, problem: '"a ^ b" overflows' });
    expect(run('a * b > 1', { a: 1e200, b: 1e200 })).toEqual({ ok: false, problem: '"a * b" overflows' });
    expect(run('sqrt(a) > 1', { a: -4 })).toEqual({ ok: false, problem: 'square root of a negative number (-4)' });
    expect(run('a ^ 0.5 > 1', { a: -4 })).toEqual({ ok: false, problem: '"a ^ 0.5": a negative number to a fractional power' });
    expect(run('round(a, b) > 1', { a: 2, b: 1.5 })).toMatchObject({ ok: false, problem: expect.stringMatching(/^round: the number of decimals/) });
  });

  test('short-circuit: a branch not taken cannot fail', () => {
    expect(run('b == 0 or a / b > 1', { a: 1, b: 0 })).toEqual({ ok: true, value: true });
    expect(run('b != 0 ? a / b > 1 : false', { a: 1, b: 0 })).toEqual({ ok: true, value: false });
  });

  test('variables are read from the Map only, never from a prototype chain', () => {
    const c = compileExpression('a > 1', ['a']);
    const proto = Object.prototype as unknown as Record<string, unknown>;
    proto.a = 5;
    try {
      expect(c.evaluate(new Map())).toEqual({ ok: false, problem: 'variable "a" has no value' });
    } finally {
      delete proto.a;
    }
    expect(() => compileExpression('toString > 1', [])).toThrow('unknown name "toString": the rule defines no variables');
    expect(() => compileExpression('constructor > 1', ['a'])).toThrow('unknown name "constructor": the variables are a');
  });

  test('compiled expressions are frozen and report their size and variables', () => {
    const c = compileExpression('b + a <= 2 * a', ['a', 'b', 'c']);
    expect(c.uses).toEqual(['a', 'b']);
    expect(c.nodes).toBe(7);
    expect(Object.isFrozen(c)).toBe(true);
  });
});

describe('typing and limits', () => {
  const bad: Array<[string, RegExp]> = [
    ['a + 1', /computes a number/],
    ['a and 1 > 0', /"and" needs a condition \(true\/false\), but "a" is a number/],
    ['(a > 1) + 1 > 0', /operator \+ needs a number, but "\(a > 1\)" is a condition/],
    ['a > 1 ? a : a > 2', /both branches/],
    ['abs(a > 1) > 0', /function abs needs a number/],
    ['abs(a, a) > 0', /function abs takes 1 argument, not 2/],
    ['max() > 0', /function max takes at least 1 argument, not 0/],
    ['abs > 0', /function "abs" must be called/],
    ['2 a > 1', /write multiplication with "\*"/],
    ['5 cm > a', /write multiplication with "\*"/],
    ['50% > a', /percent signs are not allowed/],
    ['a mod 2 == 0', /operator modulo \(mod, %\) is not allowed/],
    ['a! > 1', /operator factorial \(!\) is not allowed/],
    ['a xor a', /operator xor is not allowed/],
    ['a to cm', /operator unit conversion/],
    ["a' > 1", /transpose/],
    ['a ?? 1 > 0', /\?\?/],
    ['a & 1 > 0', /bitwise/],
    ['"5" > a', /strings are not allowed/],
    ['null > a', /null is not allowed/],
    ['NaN > a', /is not a finite number/],
    ['1e400 > a', /is not a finite number/],
    ['pi > a', /unknown name "pi"/],
    ['[1, 2] > a', /arrays \[\.\.\.\] are not allowed/],
    ['{x: 1} > a', /objects \{\.\.\.\} are not allowed/],
    ['1:3 > a', /ranges are not allowed/],
    ['a > 1; a > 2', /only one expression is allowed/],
    ['a > 1\na > 2', /only one expression is allowed/],
    ['', /is empty/],
    ['   ', /is empty/],
    ['('.repeat(41) + 'a > 1' + ')'.repeat(41), /nests brackets 41 deep; the limit is 40/],
    ['a + '.repeat(250) + 'a > 1', /is 1,005 characters long; the limit is 1,000/],
  ];
  test.each(bad)('rejects %j', (source, re) => {
    let err: unknown;
    try {
      compileExpression(source, ['a']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExprError);
    expect((err as Error).message).toMatch(re);
  });

  test('deeply nested unary operators do not overflow the stack', () => {
    expect(() => compileExpression('-'.repeat(900) + 'a > 1', ['a'])).toThrow(ExprError);
  });

  test('variable names', () => {
    expect(variableNameProblem('dead')).toBeNull();
    expect(variableNameProblem('dead_2')).toBeNull();
    for (const n of ['2x', 'a-b', 'a.b', '', 'ünï']) expect(variableNameProblem(n)).toMatch(/must be an identifier/);
    for (const n of ['sum', 'and', 'mod', 'true', 'e', 'pi', 'constructor', '__proto__', 'toString', 'end']) expect(variableNameProblem(n)).toMatch(/is reserved/);
  });
});

/**
 * Escape attempts from mathjs's security history (issues #821 and #822, the security test suite of mathjs,
 * PR #3255 — import/createUnit/reviver —, the 11.9.1 FunctionNode/SymbolNode advisory, and the 15.2.0 advisories
 * CVE-2026-41139 (an object with length/reduce as an index) and CVE-2026-40897 (setting .map on an array)).
 * Every one must be rejected when the rule is compiled: nothing is evaluated. The payloads set a global canary
 * instead of printing, so a successful escape would fail the last test.
 */
const CANARY = 'globalThis.__numcheckHacked = 1';
const ATTACKS: Array<[string, string]> = [
  ['Function via cos.constructor', `cos.constructor("${CANARY}")()`],
  ['Function via [].map.constructor', `f=[].map.constructor("${CANARY}"); f()`],
  ['Function via sqrt.constructor', `f=sqrt.constructor("${CANARY}"); f()`],
  ['Function via call/apply', `f=[].map.constructor.call(null, "${CANARY}"); f()`],
  ['Function via apply', `f=[].map.constructor.apply(null, ["${CANARY}"]); f()`],
  ['class constructor', '[].constructor()'],
  ['bare constructor symbol', 'constructor'],
  ['bare toString symbol', 'toString'],
  ['constructor by index', `f=[].map["constructor"]("${CANARY}"); f()`],
  ['disguised constructor', `prop="constructor"; f=[].map[prop]("${CANARY}"); f()`],
  ['concatenated constructor', `f=[].map[concat("constr", "uctor")]("${CANARY}"); f()`],
  ['Function via bind', `f=[].map.constructor.bind()("${CANARY}"); f()`],
  ['#821 (1) _data.map(cos.constructor)', '["//","a/*\\nreturn process.mainModule.require"]._data.map(cos.constructor)[1]()("child_process").execSync("ps >&2")'],
  ['#821 (2) import override', 'import({matrix:cos.constructor},{override:1});x=["process.mainModule.require(\\"child_process\\").execSync(\\"ps >&2\\")"];x()'],
  ['#821 (3) isRange subset', 'a=["process.mainModule.require(\\"child_process\\").execSync(\\"ps >&2\\")"]._data;a.isRange=true;x={subset:cos.constructor}[a];x()'],
  ['#822 Object.assign on cos.constructor', '{}.constructor.assign(cos.constructor, {binding: cos.bind})\n{}.constructor.assign(cos.constructor, {bind: null})\ncos.constructor.binding()("' + CANARY + '")()'],
  ['unicode-disguised constructor', 'a.co\u006Estructor'],
  ['escaped constructor in index', 'a["co\\u006Estructor"]'],
  ['constructor assignment', 'a.constructor = 2'],
  ['object literal with constructor', 'a = {"constructor": 2}'],
  ['getOwnPropertyDescriptor via parser()', `p = parser()\np.evaluate("", [])\no = p.get("constructor")\nc = o.getOwnPropertyDescriptor(o.__proto__, "constructor")\nf = c.value("${CANARY}")\nf()`],
  ['getOwnPropertyDescriptor via evaluate', `O = {}.constructor\nd = O.getOwnPropertyDescriptor(O.__proto__, "constructor")\nf = evaluate("value", d)("${CANARY}")\nf()`],
  ['specially encoded constructor', `f=[].map["\\u0063onstructor"]("${CANARY}"); f()`],
  ['forbidden object keys', '{hasOwnProperty: 2}'],
  ['AssignmentNode.prototype._compile', `{}.constructor.assign(expression.node.AssignmentNode.prototype, {_compile: "".toString.bind("${CANARY}")})\nevaluate("a = 2")`],
  ['__defineGetter__ on _compile', `expression.node.AssignmentNode.prototype.__defineGetter__("_compile", {}.valueOf.bind("".toString.bind("${CANARY}"))); evaluate("a = 2")`],
  ['custom compiled SymbolNode', 's={};s.__proto__=expression.node.SymbolNode["prototype"];expression.node.SymbolNode.apply(s,["\\");},\\"exec\\":function(a){return global.eval}};//"]._data);s.compile().exec()("' + CANARY + '")'],
  ['evaluate via parse and name', `x=parse("cos");x.name = "\\");},\\"evaluate\\": function(a) {return global.eval}};//a"; x.compile().evaluate()("${CANARY}")`],
  ['evaluate via function.syntax', `cos.syntax="global.eval";s=unit("5 cm");s.units=[]._data;s.value=cos;s._compile=s.toString;expression.node.Node.prototype.compile.call(s).evaluate()("${CANARY}")`],
  ['evaluate via clone', `expression.node.ConstantNode.prototype.clone.call({"value":"evaluate"}).evaluate()("${CANARY}")`],
  ['replacing _compile', `c(x,y)="${CANARY}";expression.node.Node.prototype.compile.apply({_compile:c}).evaluate()`],
  ['restricted properties via subset', `f()=false;g()={length:3};h()={"0":0,"1":0,"2":0};j(x)=[x("constructor")];k(x)={map:j};i={isIndex:true,isScalar:f,size:g,min:h,max:h,dimension:k};f=subset(subset([[[0]]],i),index(1,1,1))("${CANARY}");f()`],
  ['setter via evaluate', `scope={}; setter = evaluate("f(obj, name, newValue, assign) = (obj[name] = newValue)", scope); o = parse("1"); setter(o, "value", "evaluate", subset); scope.obj.compile().evaluate()("${CANARY}")`],
  ['subset of parse', `subset(parse("1"), index("value"), "evaluate").compile().evaluate()("${CANARY}")`],
  ['fake node via map', 'badValue = {"isNode": true, "_compile": evaluate("f(a, b) = \\"evaluate\\"")}; x = evaluate("f(child, path, parent) = path ==\\"value\\" ? newChild : child", {"newChild": badValue}); parse("x = 1").map(x).compile().evaluate()("' + CANARY + '")'],
  ['local validateSafeMethod', `evaluate("f(validateSafeMethod)=cos.constructor(\\"return evaluate\\")()")(evaluate("f(x,y)=0"))("${CANARY}")`],
  ['chain', `f=chain("a(){return evaluate;};function b").typed({"":f()=0}).done();g=f();g("${CANARY}")`],
  ['chain create import', 'evilMath=chain().create().done();evilMath.import({"_compile":f(a,b,c)="evaluate","isNode":f()=true}); parse("(1)").map(g(a,b,c)=evilMath.chain()).compile().evaluate()("' + CANARY + '")'],
  ['function name with code', '[]["(){}+globalThis.__numcheckHacked=1;function a"]()=0'],
  ['__proto__ access', '{}.__proto__'],
  ['property of an object', 'obj.constructor'],
  ['import (PR #3255)', 'import({x: 1}, {override: true})'],
  ['createUnit (PR #3255)', 'createUnit("hack")'],
  ['reviver (PR #3255)', 'reviver("x", {"mathjs": "Unit"})'],
  ['evaluate', 'evaluate("1 + 1") > 1'],
  ['parse', 'parse("1") > 1'],
  ['compile', 'compile("1") > 1'],
  ['simplify', 'simplify("x + x") > 1'],
  ['derivative', 'derivative("x^2", "x") > 1'],
  ['config', 'config({number: "BigNumber"}) > 1'],
  ['typed', 'typed({"number": f}) > 1'],
  ['CVE-2026-41139 shape: object index with length/reduce', 'f(x)=x; m=[1,2]; m[{length: 1, reduce: f}]'],
  ['CVE-2026-40897 shape: setting .map on an array', 'a=[1,2]; a.map=cos.constructor; a + 1'],
  ['11.9.1 shape: method via FunctionNode', 'a.toString.constructor("' + CANARY + '")()'],
  ['function definition', 'f(x) = x'],
  ['plain assignment', 'a = 1'],
];

describe('mathjs escape attempts are rejected at load time', () => {
  test.each(ATTACKS)('%s', (_name, payload) => {
    let err: unknown;
    try {
      compileExpression(payload, ['a', 'x', 'f', 'obj']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExprError);
  });

  test.each(ATTACKS.filter(([, p]) => /[;\n]/.test(p)))('%s: each statement alone is rejected too', (_name, payload) => {
    for (const stmt of payload.split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
      expect(() => compileExpression(stmt, ['a', 'x', 'f', 'obj'])).toThrow(ExprError);
    }
  });

  test('in a rule file: the problem points at the expression key', async () => {
    const rule = (e: string) => `check: expression\nparams:\n  variables:\n    a: {measure: x}\n  expression: ${JSON.stringify(e)}\n`;
    for (const [, payload] of ATTACKS.slice(0, 5)) {
      const ps = await problemsOf('attack.yaml', rule(payload));
      expect(ps).toHaveLength(1);
      expect(ps[0]).toMatch(/^5:3: params\.expression: /);
    }
  });

  test('no payload ran', () => {
    expect((globalThis as Record<string, unknown>).__numcheckHacked).toBeUndefined();
  });
});

describe('evaluateCombinations', () => {
  interface C {
    id: string;
    v: number;
  }
  const c = (id: string, v: number): C => ({ id, v });

  test('every binding, in order, one claim never bound twice', () => {
    const expr = compileExpression('a <= b', ['a', 'b']);
    const x = c('x', 1);
    const y = c('y', 5);
    const z = c('z', 3);
    const r = evaluateCombinations(expr, new Map([['a', [x, y]], ['b', [x, z]]]), (t) => t.v, 100);
    expect(r.total).toBe(4);
    expect(r.evaluated).toBe(3); // (x, x) is skipped
    expect(r.truncated).toBe(false);
    expect(r.results.map((res) => [res.binding.get('a')!.id, res.binding.get('b')!.id, res.result])).toEqual([
      ['x', 'z', { ok: true, value: true }],
      ['y', 'x', { ok: true, value: false }],
      ['y', 'z', { ok: true, value: false }],
    ]);
  });

  test('max_combinations stops the run and says so', () => {
    const expr = compileExpression('a + b + c > 0', ['a', 'b', 'c']);
    const list = Array.from({ length: 30 }, (_, i) => c(`c${i}`, i));
    const r = evaluateCombinations(expr, new Map([['a', list], ['b', list], ['c', list]]), (t) => t.v, 1000);
    expect(r.total).toBe(27000);
    expect(r.truncated).toBe(true);
    expect(r.evaluated).toBeLessThanOrEqual(1000);
    const capped = evaluateCombinations(expr, new Map([['a', list], ['b', list], ['c', list]]), (t) => t.v, 1e9);
    expect(capped.evaluated).toBeLessThanOrEqual(10000);
  });

  test('a variable without candidates: nothing to evaluate; runtime problems come back per binding', () => {
    const expr = compileExpression('a / b > 1', ['a', 'b']);
    expect(evaluateCombinations(expr, new Map([['a', [c('x', 1)]]]), (t) => t.v, 10)).toEqual({ results: [], evaluated: 0, total: 0, truncated: false });
    const r = evaluateCombinations(expr, new Map([['a', [c('x', 1)]], ['b', [c('y', 0)]]]), (t) => t.v, 10);
    expect(r.results[0]!.result).toEqual({ ok: false, problem: 'division by zero in "a / b"' });
  });
});
