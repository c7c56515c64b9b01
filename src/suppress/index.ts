/**
 * Inline suppressions applied to findings (directive syntax: directives.ts).
 *
 * A finding is suppressed when one of its claims starts at a place a directive of *that claim's document*
 * covers for the finding's rule (ESLint: a directive acts on the locations in its own file). Which documents'
 * directives count is the caller's choice: `check` honours directives in every document; `review` only those
 * in the draft, so a cross-source finding is suppressed by the draft's comment next to the draft's figure, and
 * nothing in a source can hide a problem from the draft's reviewer.
 */
import type { Claim, Document, Finding } from '../types.js';
import { suggestion } from '../config/suggest.js';
import { covering, names, parseDirectives, type Directive } from './directives.js';

export { parseDirectives, type Directive } from './directives.js';

export interface DirectiveWarning {
  document: string;
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: Finding[];
  /** Every directive read, by document id. */
  directives: Map<string, Directive[]>;
  /** Rule ids each directive suppressed something for (directives that suppressed nothing are absent). */
  used: Map<Directive, Set<string>>;
}

/** The directives of one document, and warnings about rule ids they name that are not loaded. */
export function readDirectives(doc: Document, knownRules: string[]): { directives: Directive[]; warnings: DirectiveWarning[] } {
  const parsed = parseDirectives(doc);
  const warnings: DirectiveWarning[] = parsed.problems.map((p) => ({ document: doc.id, path: doc.path, ...p }));
  const known = new Set(knownRules);
  for (const d of parsed.directives) {
    for (const id of d.rules) {
      if (!known.has(id)) {
        warnings.push({ document: doc.id, path: doc.path, line: d.line, column: d.column, message: `numcheck-${d.kind}: no rule "${id}" is loaded${suggestion(id, knownRules)}` });
      }
    }
  }
  return { directives: parsed.directives, warnings };
}

/**
 * Drop the findings that the directives suppress.
 * @param directives by document id: only the documents whose directives count (all for check, the draft for review)
 */
export function applyDirectives(findings: Finding[], claims: Claim[], directives: Map<string, Directive[]>): SuppressionResult {
  const used = new Map<Directive, Set<string>>();
  if (![...directives.values()].some((l) => l.length)) return { kept: findings, suppressed: [], directives, used };
  const byId = new Map(claims.map((c) => [c.id, c]));
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    let hit = false;
    for (const id of f.claims) {
      const c = byId.get(id);
      const ds = c ? directives.get(c.document) : undefined;
      if (!c || !ds) continue;
      for (const d of covering(c, f.rule, ds)) {
        hit = true;
        let set = used.get(d);
        if (!set) used.set(d, (set = new Set()));
        set.add(f.rule);
      }
    }
    (hit ? suppressed : kept).push(f);
  }
  return { kept, suppressed, directives, used };
}

export interface UnusedDirective {
  directive: Directive;
  /** The rule ids it names that suppressed nothing (empty: it names none, i.e. all rules). */
  rules: string[];
  message: string;
}

/** Directives (other than enable) that suppressed nothing, or name rules that suppressed nothing; in file order. */
export function unusedDirectives(r: SuppressionResult, documentOrder: string[]): UnusedDirective[] {
  const out: UnusedDirective[] = [];
  for (const docId of documentOrder) {
    for (const d of r.directives.get(docId) ?? []) {
      if (d.kind === 'enable') continue;
      const used = r.used.get(d);
      if (d.rules.length === 0) {
        if (!used) out.push({ directive: d, rules: [], message: `Unused numcheck-${d.kind} directive (no problems were reported)` });
        continue;
      }
      const unused = d.rules.filter((id) => !used?.has(id));
      if (unused.length) {
        out.push({ directive: d, rules: unused, message: `Unused numcheck-${d.kind} directive (no problems were reported from ${unused.map((u) => `"${u}"`).join(', ')})` });
      }
    }
  }
  return out;
}

/** Unused directives as warning findings (for the report formats that show findings without claims). */
export function unusedDirectiveFindings(list: UnusedDirective[]): Finding[] {
  return list.map((u, i) => ({
    id: `U${i + 1}`,
    rule: 'unused-disable-directive',
    severity: 'warning' as const,
    kind: 'unused-directive',
    message: `${u.directive.path}:${u.directive.line}:${u.directive.column}: ${u.message}`,
    claims: [],
    details: { document: u.directive.document, line: u.directive.line, column: u.directive.column, directive: u.directive.text },
  }));
}

export { names };
