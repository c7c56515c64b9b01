/**
 * The restricted expression language of `check: expression` rules.
 *
 * mathjs is used only to *parse* (a parse-only instance built from parseDependencies: no evaluate, import,
 * createUnit ... exist in it). The syntax tree is then checked against a whitelist and compiled into plain
 * JavaScript closures over numbers and booleans; mathjs never evaluates anything. What is allowed:
 *
 *   - number constants (finite) and true / false
 *   - the rule's variable names (each stands for one claim's value, a number)
 *   - + - * / ^, unary - and +, parentheses
 *   - == != < <= > >= (also chained: 0 <= a <= b), and / or / not, the conditional c ? x : y
 *   - the functions abs, min, max, round, floor, ceil, sqrt, sum, mean
 *
 * Everything else — property access and indexing, assignment, function definitions, strings, arrays, objects,
 * ranges, units, several statements, any other function (import, evaluate, parse, createUnit ...) — is a
 * load-time error. The expression is typed: it must be a condition (boolean), arithmetic takes numbers, and/or/not
 * take conditions. Runtime problems (a variable without a value, division by zero, overflow) are returned as
 * problems, never thrown. Evaluation reads variables from a Map (no prototype chain) and allocates nothing but
 * numbers.
 */
import { create, parseDependencies } from 'mathjs';

export const EXPR_MAX_CHARS = 1000;
export const EXPR_MAX_NODES = 200;
export const EXPR_MAX_DEPTH = 40;
/** max_combinations × node count may not exceed this: the worst-case work per document/group. */
export const EXPR_EVAL_BUDGET = 1_000_000;
export { EXPR_MAX_COMBINATIONS } from './combinations.js';
import { EXPR_MAX_COMBINATIONS } from './combinations.js';

export const EXPR_FUNCTIONS = ['abs', 'min', 'max', 'round', 'floor', 'ceil', 'sqrt', 'sum', 'mean'] as const;
type FnName = (typeof EXPR_FUNCTIONS)[number];

/** Names a variable may not have: the functions, mathjs keywords and constants, and JavaScript object internals. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set<string>([
  ...EXPR_FUNCTIONS,
  'and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'end',
  'true', 'false', 'null', 'undefined', 'NaN', 'Infinity',
  'e', 'E', 'pi', 'PI', 'i', 'tau', 'phi',
  'constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
  'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString',
]);

/** A problem found while compiling; `message` is meant for `file:line:col: params.expression: <message>`. */
export class ExprError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExprError';
  }
}

export type ExprResult = { ok: true; value: boolean } | { ok: false; problem: string };

export interface CompiledExpression {
  readonly source: string;
  /** The variables the expression uses (a subset of the rule's variables), sorted. */
  readonly uses: readonly string[];
  /** Size of the syntax tree: the cost of one evaluation. */
  readonly nodes: number;
  /** Evaluate with one number per variable. Never throws. */
  evaluate(scope: ReadonlyMap<string, number>): ExprResult;
}

type Scope = ReadonlyMap<string, number>;
type Val = number | boolean;
type Ty = 'number' | 'boolean';
interface Compiled {
  ty: Ty;
  fn: (s: Scope) => Val;
}

/** A runtime problem: caught by `evaluate` and returned as `{ ok: false }`. */
class EvalProblem extends Error {}

/* mathjs node shapes (only what is read here; the objects come from mathjs's parser). */
interface MNode {
  type: string;
  [k: string]: unknown;
}

let parser: ((expr: string) => MNode) | null = null;
function parseOnly(expr: string): MNode {
  if (!parser) {
    const m = create({ parseDependencies }) as unknown as { parse: (e: string) => MNode };
    const parse = m.parse;
    parser = (e) => parse(e);
  }
  return parser(expr);
}

const OP_WORDS: Record<string, string> = {
  mod: 'modulo (mod, %)',
  xor: 'xor',
  bitAnd: 'bitwise &',
  bitOr: 'bitwise |',
  bitXor: 'bitwise ^|',
  bitNot: 'bitwise ~',
  leftShift: 'shift <<',
  rightArithShift: 'shift >>',
  rightLogShift: 'shift >>>',
  to: 'unit conversion (to, in)',
  factorial: 'factorial (!)',
  ctranspose: 'transpose (\')',
  transpose: 'transpose',
  dotMultiply: '.*',
  dotDivide: './',
  dotPow: '.^',
  nullish: '??',
};

function describe(n: MNode): string {
  try {
    const s = (n as unknown as { toString(): string }).toString();
    return s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return n.type;
  }
}

/**
 * Compile an expression for the given variable names. Throws ExprError with a readable reason when the
 * expression is too long, does not parse, uses anything outside the whitelist, or is not a condition.
 */
export function compileExpression(source: string, variables: readonly string[]): CompiledExpression {
  if (typeof source !== 'string') throw new ExprError('must be a string');
  if (source.length > EXPR_MAX_CHARS) {
    throw new ExprError(`is ${source.length.toLocaleString('en-US')} characters long; the limit is ${EXPR_MAX_CHARS.toLocaleString('en-US')}`);
  }
  if (!source.trim()) throw new ExprError('is empty');
  // Bound the nesting before mathjs's recursive-descent parser sees it.
  let depth = 0;
  let maxDepth = 0;
  for (const c of source) {
    if (c === '(' || c === '[' || c === '{') maxDepth = Math.max(maxDepth, ++depth);
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  if (maxDepth > EXPR_MAX_DEPTH) throw new ExprError(`nests brackets ${maxDepth} deep; the limit is ${EXPR_MAX_DEPTH}`);
  const varSet = new Set(variables);
  let root: MNode;
  try {
    root = parseOnly(source);
  } catch (e) {
    if (e instanceof RangeError) throw new ExprError('is nested too deeply');
    throw new ExprError(`syntax error: ${(e as Error).message}`);
  }
  const uses = new Set<string>();
  let nodes = 0;

  const compile = (n: MNode, level: number): Compiled => {
    if (++nodes > EXPR_MAX_NODES) throw new ExprError(`is too large: more than ${EXPR_MAX_NODES} operations and values`);
    if (level > EXPR_MAX_NODES) throw new ExprError('is nested too deeply');
    switch (n.type) {
      case 'ConstantNode': {
        const v = n.value;
        if (typeof v === 'boolean') return { ty: 'boolean', fn: () => v };
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) throw new ExprError(`${describe(n)} is not a finite number`);
          return { ty: 'number', fn: () => v };
        }
        if (typeof v === 'string') throw new ExprError(`strings are not allowed (${JSON.stringify(v).slice(0, 40)})`);
        throw new ExprError(`${String(v)} is not allowed: use numbers, true or false`);
      }
      case 'SymbolNode': {
        const name = String(n.name);
        if (varSet.has(name)) {
          uses.add(name);
          return {
            ty: 'number',
            fn: (s) => {
              const v = s.get(name);
              if (typeof v !== 'number') throw new EvalProblem(`variable "${name}" has no value`);
              if (!Number.isFinite(v)) throw new EvalProblem(`variable "${name}" is not a finite number`);
              return v;
            },
          };
        }
        if ((EXPR_FUNCTIONS as readonly string[]).includes(name)) throw new ExprError(`function "${name}" must be called, e.g. ${name}(x)`);
        const known = variables.length ? `the variables are ${variables.join(', ')}` : 'the rule defines no variables';
        throw new ExprError(`unknown name "${name}": ${known}`);
      }
      case 'ParenthesisNode':
        return compile(n.content as MNode, level + 1);
      case 'OperatorNode':
        return compileOperator(n, level);
      case 'RelationalNode': {
        const conds = n.conditionals as string[];
        const params = (n.params as MNode[]).map((p) => expectTy(compile(p, level + 1), 'number', p, 'a comparison'));
        const cmps = conds.map((c) => comparator(c, n));
        return {
          ty: 'boolean',
          fn: (s) => {
            let left = params[0]!.fn(s) as number;
            for (let i = 0; i < cmps.length; i++) {
              const right = params[i + 1]!.fn(s) as number;
              if (!cmps[i]!(left, right)) return false;
              left = right;
            }
            return true;
          },
        };
      }
      case 'ConditionalNode': {
        const c = expectTy(compile(n.condition as MNode, level + 1), 'boolean', n.condition as MNode, 'the condition of ? :');
        const a = compile(n.trueExpr as MNode, level + 1);
        const b = compile(n.falseExpr as MNode, level + 1);
        if (a.ty !== b.ty) throw new ExprError(`both branches of "${describe(n)}" must be numbers or both conditions`);
        return { ty: a.ty, fn: (s) => (c.fn(s) ? a.fn(s) : b.fn(s)) };
      }
      case 'FunctionNode': {
        const fnNode = n.fn as MNode;
        if (fnNode.type !== 'SymbolNode') {
          throw new ExprError(`calling "${describe(fnNode)}" is not allowed: only the functions ${EXPR_FUNCTIONS.join(', ')} may be called`);
        }
        const name = String(fnNode.name);
        if (!(EXPR_FUNCTIONS as readonly string[]).includes(name)) {
          throw new ExprError(`function "${name}" is not allowed (allowed: ${EXPR_FUNCTIONS.join(', ')})`);
        }
        const args = (n.args as MNode[]).map((a) => expectTy(compile(a, level + 1), 'number', a, `function ${name}`));
        return compileFunction(name as FnName, args);
      }
      case 'AccessorNode':
      case 'IndexNode':
        throw new ExprError(`property access and indexing are not allowed ("${describe(n)}")`);
      case 'AssignmentNode':
        throw new ExprError(`assignment is not allowed ("${describe(n)}"): write a condition such as "a + b <= c", and == to compare`);
      case 'FunctionAssignmentNode':
        throw new ExprError(`defining functions is not allowed ("${describe(n)}")`);
      case 'ObjectNode':
        throw new ExprError('objects {...} are not allowed');
      case 'ArrayNode':
        throw new ExprError('arrays [...] are not allowed');
      case 'RangeNode':
        throw new ExprError(`ranges are not allowed ("${describe(n)}")`);
      case 'BlockNode':
        throw new ExprError('only one expression is allowed (no ";" or line breaks between statements)');
      default:
        throw new ExprError(`${n.type} is not allowed`);
    }
  };

  const expectTy = (c: Compiled, ty: Ty, node: MNode, where: string): Compiled => {
    if (c.ty !== ty) {
      throw new ExprError(
        ty === 'number'
          ? `${where} needs a number, but "${describe(node)}" is a condition`
          : `${where} needs a condition (true/false), but "${describe(node)}" is a number`,
      );
    }
    return c;
  };

  const compileOperator = (n: MNode, level: number): Compiled => {
    const fnName = String(n.fn);
    const args = n.args as MNode[];
    if (n.implicit) throw new ExprError(`write multiplication with "*" ("${describe(n)}"); units and implicit multiplication are not allowed`);
    if (n.isPercentage) throw new ExprError(`percent signs are not allowed ("${describe(n)}"): write 50 / 100 or 0.5`);
    const num = (i: number) => expectTy(compile(args[i]!, level + 1), 'number', args[i]!, `operator ${String(n.op)}`);
    const bool = (i: number) => expectTy(compile(args[i]!, level + 1), 'boolean', args[i]!, `"${String(n.op)}"`);
    switch (fnName) {
      case 'unaryMinus': {
        const a = num(0);
        return { ty: 'number', fn: (s) => -(a.fn(s) as number) };
      }
      case 'unaryPlus':
        return num(0);
      case 'add':
      case 'subtract':
      case 'multiply':
      case 'divide':
      case 'pow': {
        const a = num(0);
        const b = num(1);
        const what = describe(n);
        return { ty: 'number', fn: (s) => arith(fnName, a.fn(s) as number, b.fn(s) as number, what) };
      }
      case 'equal':
      case 'unequal':
      case 'smaller':
      case 'smallerEq':
      case 'larger':
      case 'largerEq': {
        const a = num(0);
        const b = num(1);
        const cmp = comparator(fnName, n);
        return { ty: 'boolean', fn: (s) => cmp(a.fn(s) as number, b.fn(s) as number) };
      }
      case 'and': {
        const a = bool(0);
        const b = bool(1);
        return { ty: 'boolean', fn: (s) => (a.fn(s) as boolean) && (b.fn(s) as boolean) };
      }
      case 'or': {
        const a = bool(0);
        const b = bool(1);
        return { ty: 'boolean', fn: (s) => (a.fn(s) as boolean) || (b.fn(s) as boolean) };
      }
      case 'not': {
        const a = bool(0);
        return { ty: 'boolean', fn: (s) => !(a.fn(s) as boolean) };
      }
      default:
        throw new ExprError(`operator ${OP_WORDS[fnName] ?? String(n.op)} is not allowed`);
    }
  };

  let top: Compiled;
  try {
    top = compile(root, 0);
  } catch (e) {
    if (e instanceof RangeError) throw new ExprError('is nested too deeply');
    throw e;
  }
  if (top.ty !== 'boolean') {
    throw new ExprError(`computes a number, but it must be a condition that holds (true) or not, e.g. "dead + injured <= casualties"`);
  }
  const fn = top.fn;
  return Object.freeze({
    source,
    uses: Object.freeze([...uses].sort()),
    nodes,
    evaluate(scope: ReadonlyMap<string, number>): ExprResult {
      try {
        return { ok: true, value: fn(scope) as boolean };
      } catch (e) {
        if (e instanceof EvalProblem) return { ok: false, problem: e.message };
        return { ok: false, problem: `evaluation failed: ${(e as Error)?.message ?? String(e)}` };
      }
    },
  });
}

function finite(v: number, what: string): number {
  if (Number.isNaN(v)) throw new EvalProblem(`"${what}" has no numeric result`);
  if (!Number.isFinite(v)) throw new EvalProblem(`"${what}" overflows`);
  return v;
}

function arith(op: string, a: number, b: number, what: string): number {
  switch (op) {
    case 'add':
      return finite(a + b, what);
    case 'subtract':
      return finite(a - b, what);
    case 'multiply':
      return finite(a * b, what);
    case 'divide':
      if (b === 0) throw new EvalProblem(`division by zero in "${what}"`);
      return finite(a / b, what);
    default:
      if (a < 0 && !Number.isInteger(b)) throw new EvalProblem(`"${what}": a negative number to a fractional power`);
      if (a === 0 && b < 0) throw new EvalProblem(`division by zero in "${what}"`);
      return finite(a ** b, what);
  }
}

/** mathjs's default tolerances for comparing numbers (config.relTol / absTol), so 0.1 + 0.2 == 0.3 holds. */
const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;
function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const diff = Math.abs(a - b);
  return diff <= ABS_TOL || diff <= REL_TOL * Math.max(Math.abs(a), Math.abs(b));
}

function comparator(name: string, n: MNode): (a: number, b: number) => boolean {
  switch (name) {
    case 'equal':
      return nearlyEqual;
    case 'unequal':
      return (a, b) => !nearlyEqual(a, b);
    case 'smaller':
      return (a, b) => a < b && !nearlyEqual(a, b);
    case 'smallerEq':
      return (a, b) => a <= b || nearlyEqual(a, b);
    case 'larger':
      return (a, b) => a > b && !nearlyEqual(a, b);
    case 'largerEq':
      return (a, b) => a >= b || nearlyEqual(a, b);
    default:
      throw new ExprError(`comparison ${name} is not allowed ("${describe(n)}")`);
  }
}

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const y = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(y)) / f;
}

function compileFunction(name: FnName, args: Compiled[]): Compiled {
  const arity = (min: number, max: number) => {
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} or ${max}`;
      throw new ExprError(`function ${name} takes ${want} argument${max === 1 || (max === Infinity && min === 1) ? '' : 's'}, not ${args.length}`);
    }
  };
  const one = (f: (x: number) => number): Compiled => {
    arity(1, 1);
    const a = args[0]!;
    return { ty: 'number', fn: (s) => f(a.fn(s) as number) };
  };
  const many = (f: (xs: number[]) => number): Compiled => {
    arity(1, Infinity);
    return { ty: 'number', fn: (s) => f(args.map((a) => a.fn(s) as number)) };
  };
  switch (name) {
    case 'abs':
      return one(Math.abs);
    case 'floor':
      return one(Math.floor);
    case 'ceil':
      return one(Math.ceil);
    case 'sqrt':
      return one((x) => {
        if (x < 0) throw new EvalProblem(`square root of a negative number (${x})`);
        return Math.sqrt(x);
      });
    case 'round': {
      arity(1, 2);
      const [a, d] = args;
      return {
        ty: 'number',
        fn: (s) => {
          const digits = d ? (d.fn(s) as number) : 0;
          if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw new EvalProblem(`round: the number of decimals must be a whole number from 0 to 15, not ${digits}`);
          return roundHalfAway(a!.fn(s) as number, digits);
        },
      };
    }
    case 'min':
      return many((xs) => Math.min(...xs));
    case 'max':
      return many((xs) => Math.max(...xs));
    case 'sum':
      return many((xs) => finite(xs.reduce((t, x) => t + x, 0), 'sum'));
    case 'mean':
      return many((xs) => finite(xs.reduce((t, x) => t + x, 0), 'mean') / xs.length);
  }
}

/** Why a variable name cannot be used, or null when it can. */
export function variableNameProblem(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `variable name "${name}" must be an identifier: letters, digits and _, not starting with a digit`;
  if (RESERVED_NAMES.has(name)) return `variable name "${name}" is reserved (a function, keyword or constant); choose another name`;
  return null;
}

export { evaluateCombinations, type CombinationResult, type CombinationRun } from './combinations.js';
