/**
 * Rule specs: what a rule file (rules/default/*.yaml, or a user's own) says, with every default applied.
 * The loader (load.ts) validates the file against rules/schema/rule.schema.json and turns it into a RuleSpec;
 * the engine runs RuleSpecs. Parameter names keep the spelling of the files (snake_case), so the docs,
 * the files and the code use one vocabulary. Reference: docs/rules.md.
 */
import type { Severity } from '../types.js';
import type { CompiledExpression } from './expr.js';

export type CheckType = 'mismatch' | 'scope' | 'conversion' | 'part-whole' | 'percentage' | 'sum' | 'rate' | 'expression';
export const CHECK_TYPES: readonly CheckType[] = ['mismatch', 'scope', 'conversion', 'part-whole', 'percentage', 'sum', 'rate', 'expression'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A severity, or "off" to drop that kind of finding. */
export type SubSeverity = Severity | 'off';

/** Longest `select.pattern` accepted. */
export const MAX_PATTERN_LENGTH = 500;
/**
 * A pattern is matched against at most this many characters of a sentence, so a pattern that passes the static
 * ReDoS screen (at worst quadratic) stays cheap even on a run-on "sentence". Use `RulePattern.test`.
 */
export const MAX_PATTERN_INPUT = 4000;

export interface RulePattern {
  /** As written in the file, e.g. "(?i)police|organi[sz]ers". */
  source: string;
  /** The JavaScript source (the leading inline flags removed). */
  js: string;
  /** JavaScript flags: always "u", plus i/m/s from a leading (?i)/(?m)/(?s). */
  flags: string;
  regex: RegExp;
  /** Whether the pattern matches somewhere in `text` (its first MAX_PATTERN_INPUT characters). */
  test(text: string): boolean;
}

/**
 * Which claims a rule (or an expression variable) applies to; every condition given must hold. Each word list
 * matches when the claim's field contains any of the words (measure, event: whole words after lemmatisation,
 * case-insensitive; unit, dimension: equal, case-insensitive; attribution: contains the words, case-insensitive).
 */
export interface Selector {
  measure?: string[];
  event?: string[];
  unit?: string[];
  dimension?: string[];
  attribution?: string[];
  /** A regular expression searched in the claim's sentence. */
  pattern?: RulePattern;
}

export interface MismatchParams {
  /** Relative difference |a−b| / max(|a|,|b|) still treated as consistent (0.05 = 5 %). */
  tolerance: number;
  /** Severity of figures that agree only once each is widened to the precision it was written with. */
  rounding_severity: SubSeverity;
  /** Severity of a later, larger figure of a rising count (an update, not a conflict). */
  update_severity: SubSeverity;
  /** Measures/events that only grow (death tolls ...): lemmas, matched like `select.measure`. */
  rising: string[];
  /** Measures that change either way over time (people missing, stranded, in hospital): figures of different dates are updates. */
  varying: string[];
  /** Severity of differing figures from different named sources (police vs organisers). Default: the rule's severity. */
  attribution_severity: SubSeverity;
  within_document: boolean;
  across_documents: boolean;
  /** Whether vague amounts ("dozens", "hundreds of thousands") take part. */
  vague: boolean;
  /**
   * Amounts in two currencies are compared through a rate a document of the run states ("($1 = 6.90 dravos)"), each
   * converted amount read as anything within this relative tolerance of its value (rates differ between outlets and
   * days); null: amounts in different currencies are never compared.
   */
  rate_tolerance: number | null;
}

export interface ScopeParams {
  /** Report a scope difference only when the larger figure is at least this many times the smaller. */
  min_ratio: number;
  /** ... and at most this many times: one dead and "more than 5,000 in the city" are not one statistic over two areas. */
  max_ratio: number;
}

export interface ConversionParams {
  /** Relative tolerance; null = the precision the writer used (684 mi is right for anything in [683.5, 684.5)). */
  tolerance: number | null;
}

export interface PartWholeParams {
  /** Whether a part equal to its whole ("all 300 of the 300") is fine. */
  allow_equal: boolean;
}

export interface PercentageParams {
  /** Percentage points a stated share may be off the computed one. */
  tolerance_pp: number;
}

export interface SumParams {
  /** Relative tolerance between the parts' sum and the stated total. */
  tolerance: number;
}

export interface RateParams {
  /** Relative tolerance between a stated rate and total ÷ period. */
  tolerance: number;
  /** Periods shorter than this (days) are not checked: daily averages over a few days are too noisy. */
  min_period_days: number;
}

export type ExpressionScope = 'document' | 'group' | 'all';

export interface ExpressionParams {
  /** name → selector; in the order written. */
  variables: Record<string, Selector>;
  /** The expression as written. */
  expression: string;
  /** Claims bound together come from one document, one aligned group, or anywhere in the run. */
  within: ExpressionScope;
  /** At most this many variable bindings are evaluated per document/group (the rest are skipped and reported). */
  max_combinations: number;
  /** The expression compiled by the restricted evaluator (src/rules/expr.ts). */
  compiled: CompiledExpression;
}

export interface ParamsByCheck {
  mismatch: MismatchParams;
  scope: ScopeParams;
  conversion: ConversionParams;
  'part-whole': PartWholeParams;
  percentage: PercentageParams;
  sum: SumParams;
  rate: RateParams;
  expression: ExpressionParams;
}

export interface RuleBase {
  id: string;
  severity: Severity;
  /** Message template; see MESSAGE_PLACEHOLDERS and fillMessage. */
  message?: string;
  link?: string;
  description?: string;
  enabled: boolean;
  select?: Selector;
  /** The file the rule came from, as shown in problems (relative to the working directory when inside it). */
  file: string;
  /** Line of the `check` key in that file (1-based). */
  line: number;
  /** True for the rules shipped in rules/default/. */
  builtin: boolean;
}

/** A rule, discriminated on `check`: `if (r.check === 'mismatch') r.params.tolerance`. */
export type RuleSpec = { [K in CheckType]: RuleBase & { check: K; params: ParamsByCheck[K] } }[CheckType];
export type RuleOf<K extends CheckType> = Extract<RuleSpec, { check: K }>;

/** Measures that go up and down over days; the default of `mismatch.params.varying`. */
export const DEFAULT_VARYING: readonly string[] = [
  'missing', 'unaccounted', 'stranded', 'trapped', 'hospitalised', 'hospitalized', 'in hospital', 'sheltering', 'shelter', 'outage',
  'containment', 'contained', 'firefighter', 'personnel', 'crew', 'aircraft', 'helicopter', 'air tanker', 'deploy', 'assign',
  'send', 'dispatch', 'soldier', 'rescuer', 'rescue worker', 'search dog', 'sniffer dog', 'diver', 'volunteer', 'excavator', 'evacuation centre', 'evacuation center',
  'relief camp', 'vessel', 'boat', 'ship', 'ambulance',
];

/** Measures and events that only grow; the default of `mismatch.params.rising`. */
export const DEFAULT_RISING: readonly string[] = [
  'kill', 'killed', 'dead', 'death', 'death toll', 'die', 'fatality', 'casualty', 'injure', 'injured', 'wound', 'wounded',
  'arrest', 'arrested', 'detain', 'detained', 'rescue', 'rescued', 'pull', 'pulled', 'evacuate', 'evacuated', 'evacuee', 'displaced', 'refugee', 'case',
  'infection', 'hospitalisation', 'hospitalization', 'admit to hospital', 'burn', 'burned', 'burnt', 'destroy', 'destroyed', 'damage', 'damaged', 'inspect', 'inspected',
  'flood', 'flooded', 'displace', 'affect', 'affected', 'national record', 'heat record', 'all time high', 'record high',
];

export const DEFAULT_PARAMS: { [K in Exclude<CheckType, 'expression'>]: ParamsByCheck[K] } & {
  expression: Pick<ExpressionParams, 'within' | 'max_combinations'>;
} = {
  mismatch: {
    tolerance: 0,
    rounding_severity: 'info',
    update_severity: 'off',
    rising: [...DEFAULT_RISING],
    varying: [...DEFAULT_VARYING],
    attribution_severity: 'warning', // replaced by the rule's severity when not given
    within_document: true,
    across_documents: true,
    vague: true,
    rate_tolerance: 0.05,
  },
  scope: { min_ratio: 1, max_ratio: 100 },
  conversion: { tolerance: null },
  'part-whole': { allow_equal: true },
  percentage: { tolerance_pp: 0.5 },
  sum: { tolerance: 0.01 },
  rate: { tolerance: 0.15, min_period_days: 7 },
  expression: { within: 'document', max_combinations: 1000 },
};

/**
 * Placeholders a message template may use, per check (expression rules may also use `{<variable>}` for each
 * variable's value). The engine fills them with fillMessage; an unknown placeholder is a load-time error.
 */
export const COMMON_PLACEHOLDERS = ['rule', 'severity', 'measure', 'values', 'why', 'sources'] as const;
export const MESSAGE_PLACEHOLDERS: Record<CheckType, readonly string[]> = {
  mismatch: [...COMMON_PLACEHOLDERS, 'kind', 'difference', 'attributions', 'dates'],
  scope: [...COMMON_PLACEHOLDERS, 'scopes', 'ratio'],
  conversion: [...COMMON_PLACEHOLDERS, 'value', 'converted', 'expected', 'unit', 'target_unit'],
  'part-whole': [...COMMON_PLACEHOLDERS, 'part', 'whole'],
  percentage: [...COMMON_PLACEHOLDERS, 'percent', 'expected', 'part', 'whole'],
  sum: [...COMMON_PLACEHOLDERS, 'parts', 'total', 'expected', 'difference'],
  rate: [...COMMON_PLACEHOLDERS, 'rate', 'total', 'period', 'expected'],
  expression: [...COMMON_PLACEHOLDERS, 'expression'],
};

/** The placeholders used in a template ({{ and }} are literal braces). Returns null names for a malformed brace. */
export function templatePlaceholders(template: string): { names: string[]; error: string | null } {
  const names: string[] = [];
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '{') {
      if (template[i + 1] === '{') {
        i++;
        continue;
      }
      const end = template.indexOf('}', i + 1);
      if (end < 0) return { names, error: `unclosed "{" at character ${i + 1} (write {{ for a literal brace)` };
      const name = template.slice(i + 1, end);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { names, error: `"{${name}}" is not a placeholder name (write {{ and }} for literal braces)` };
      names.push(name);
      i = end;
    } else if (c === '}') {
      if (template[i + 1] === '}') {
        i++;
        continue;
      }
      return { names, error: `unmatched "}" at character ${i + 1} (write }} for a literal brace)` };
    }
  }
  return { names, error: null };
}

/** Fill a template: {name} → values[name] (left as is when absent), {{ → {, }} → }. */
export function fillMessage(template: string, values: Record<string, string | number | null | undefined>): string {
  return template.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const v = values[name!];
    return v === undefined || v === null ? m : String(v);
  });
}

/** A rule as plain JSON (for `rules list -f json`): the pattern as written, no compiled expression. */
export function ruleToJSON(rule: RuleSpec): Record<string, unknown> {
  const sel = (s: Selector | undefined) => (s ? { ...s, ...(s.pattern ? { pattern: s.pattern.source } : {}) } : undefined);
  let params: Record<string, unknown> = { ...rule.params };
  if (rule.check === 'expression') {
    const p = rule.params;
    params = {
      variables: Object.fromEntries(Object.entries(p.variables).map(([k, v]) => [k, sel(v)])),
      expression: p.expression,
      within: p.within,
      max_combinations: p.max_combinations,
    };
  }
  const out: Record<string, unknown> = { id: rule.id, check: rule.check, severity: rule.severity, enabled: rule.enabled };
  if (rule.message !== undefined) out.message = rule.message;
  if (rule.link !== undefined) out.link = rule.link;
  if (rule.description !== undefined) out.description = rule.description;
  if (rule.select) out.select = sel(rule.select);
  out.params = params;
  out.file = rule.file;
  out.line = rule.line;
  out.builtin = rule.builtin;
  return out;
}
