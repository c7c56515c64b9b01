/**
 * Run the real pipeline (ingest → extract → context → rules) over small texts written for the tests, with the
 * built-in rules, and look findings up by the figures they involve.
 */
import { ingestText } from '../../src/ingest/index.js';
import { checkClaims, collectDefinedCurrencies, loadRuleSet, numberClaims, processDocument, rereadWithBatch, unifyDocumentCurrencies, type RuleSet } from '../../src/pipeline.js';
import type { ClaimContext } from '../../src/context/index.js';
import type { CheckResult, Finding } from '../../src/types.js';

let defaults: RuleSet | null = null;

export async function ruleSet(files: string[] = []): Promise<RuleSet> {
  if (files.length === 0) return (defaults ??= await loadRuleSet([], true));
  return loadRuleSet(files, true);
}

export interface Checked {
  claims: ClaimContext[];
  findings: Finding[];
  checks: CheckResult[];
  /** findings whose claims include figures written exactly like these texts */
  involving(...texts: string[]): Finding[];
  claim(text: string, doc?: string): ClaimContext;
}

/** docs: file name → [text, date]; the file name's extension gives the format. */
export async function check(docs: Record<string, string | [string, string]>, set?: RuleSet): Promise<Checked> {
  const rs = set ?? (await ruleSet());
  const results = Object.entries(docs).map(([name, v], i) => {
    const [text, date] = Array.isArray(v) ? v : [v, undefined];
    const doc = ingestText(text, { id: name, path: name, date });
    return processDocument(doc, i, rs.lexicon);
  });
  // (as the CLI does for a batch: a currency one document defines or shows to be money reaches the others)
  const defined = new Map<string, string>();
  const convertedIn = new Map<string, number>();
  for (const r of results) collectDefinedCurrencies(r.doc.text, rs.lexicon, defined, convertedIn);
  const claims = rereadWithBatch(results.map((r) => r.doc), numberClaims(results), defined, rs.lexicon);
  unifyDocumentCurrencies(claims, defined, rs.lexicon);
  const { findings, checks } = checkClaims(
    results.map((r) => r.doc),
    claims,
    rs,
  );
  const byText = (t: string) => claims.filter((c) => c.text === t).map((c) => c.id);
  return {
    claims,
    findings,
    checks,
    involving: (...texts: string[]) => {
      const want = texts.map(byText);
      return findings.filter((f) => want.every((ids) => ids.some((id) => f.claims.includes(id))));
    },
    claim: (text: string, doc?: string) => {
      const c = claims.find((x) => x.text === text && (!doc || x.document === doc));
      if (!c) throw new Error(`no claim "${text}" in ${claims.map((x) => x.text).join(' | ')}`);
      return c;
    },
  };
}
