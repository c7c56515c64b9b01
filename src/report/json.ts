/**
 * The JSON contract of DESIGN.md: `{version, documents, claims, findings?, checks?}`.
 * Key order is fixed and arrays keep pipeline order, so the same input gives byte-identical output.
 */
import type { CheckResult, Claim, Document, Finding, Report } from '../types.js';

export function documentEntry(d: Document): Report['documents'][number] & { url?: string | null } {
  const e: Report['documents'][number] & { url?: string | null } = {
    id: d.id,
    path: d.path,
    format: d.format,
    date: d.date,
    outlet: d.outlet,
    title: d.title,
    errors: d.errors,
  };
  if (d.url) e.url = d.url;
  return e;
}

/** A number that JSON can carry: NaN/Infinity become null (unbounded), -0 becomes 0. */
function num(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}

export function claimEntry(c: Claim): Record<string, unknown> {
  const e: Record<string, unknown> = {
    id: c.id,
    document: c.document,
    span: { start: c.span.start, end: c.span.end },
    line: c.line,
    column: c.column,
    text: c.text,
    value: num(c.value),
    low: num(c.low),
    high: num(c.high),
    exact: c.exact,
    precision: num(c.precision),
    qualifier: c.qualifier,
    unit: c.unit,
    dimension: c.dimension,
    measure: c.measure,
    event: c.event,
    time: c.time,
    scope: c.scope,
    attribution: c.attribution,
    sentence: c.sentence,
  };
  if (c.per) e.per = c.per;
  if (c.age) e.age = true;
  return e;
}

export function buildReport(documents: Document[], claims: Claim[], findings?: Finding[], checks?: CheckResult[]): Report {
  const r: Report = {
    version: 1,
    documents: documents.map(documentEntry),
    claims: claims.map(claimEntry),
  };
  if (findings) r.findings = findings;
  if (checks) r.checks = checks;
  return r;
}

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
