/**
 * SARIF 2.1.0 (one run) for code-scanning tools (GitHub code scanning, VS Code SARIF viewer, Azure DevOps).
 *
 * - `tool.driver.rules` come from `input.rules`; a rule a finding names but the input does not list is added
 *   (id and kind only) so every `ruleIndex` is valid. Levels: error → error, warning → warning, info → note,
 *   off → none.
 * - Each result's `locations` is its first claim, `relatedLocations` the others (each with a message: the
 *   figure, who said it, when). Regions carry startLine/startColumn/endLine/endColumn (1-based, UTF-16 code
 *   units: `run.columnKind` says so), charOffset/charLength (UTF-16 offsets in the file) and the snippet as on
 *   disk when the file's text is known.
 * - URIs are relative to cwd with forward slashes and `uriBaseId: "%SRCROOT%"` (cwd is recorded in
 *   `originalUriBaseIds`); a file outside cwd gets an absolute `file:` URI instead.
 * - `partialFingerprints["numcheck/v1"]` hashes the rule id, and the sorted (document id, normalised claim
 *   text) pairs — no line numbers, so a finding keeps its identity when text moves; duplicates get a ":n" suffix.
 * - Document errors are tool execution notifications of the invocation.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Claim, Document, Finding } from '../types.js';
import { docPath, findingClaims, indexInput, isOutside, locate, sourceParts, squash, type Index } from './common.js';
import type { RenderOptions, ReportInput, RuleInfo } from './index.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFO_URI = 'https://numcheck.dev';
const FINGERPRINT_KEY = 'numcheck/v1';

type Json = Record<string, unknown>;

function level(sev: string): 'error' | 'warning' | 'note' | 'none' {
  if (sev === 'error') return 'error';
  if (sev === 'warning') return 'warning';
  if (sev === 'off' || sev === 'none') return 'none';
  return 'note';
}

/** An absolute URI (what `helpUri`/`informationUri` must be); relative links are left out. */
function absoluteUri(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(s) ? new URL(s).href : null;
  } catch {
    return null;
  }
}

function encodePath(rel: string): string {
  return rel
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function mimeType(doc: Document): string {
  switch (doc.format) {
    case 'html':
      return 'text/html';
    case 'markdown':
      return 'text/markdown';
    case 'jsonl':
      return 'application/jsonl';
    default:
      return 'text/plain';
  }
}

/** Normalised claim text for fingerprints: NFKC, lower case, whitespace collapsed. */
function normText(s: string): string {
  return squash(s.normalize('NFKC')).trim().toLowerCase();
}

export function fingerprint(f: Finding, ix: Index): string {
  const parts = f.claims
    .map((id) => {
      const c = ix.claims.get(id);
      return c ? `${c.document}\u0001${normText(c.text)}` : `?\u0001${id}`;
    })
    .sort();
  return createHash('sha256')
    .update([f.rule, ...parts].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

export function renderSarif(input: ReportInput, opts: RenderOptions): string {
  const ix = indexInput(input);

  // artifacts: one per file (JSONL lines share their file)
  const artifacts: Json[] = [];
  const artifactIndex = new Map<string, number>();
  const artifactLocation = (doc: Document | undefined, docId: string): Json => {
    const path = docPath(doc, docId, input.cwd);
    const outside = doc ? isOutside(doc, input.cwd) : false;
    const uri = outside && doc ? pathToFileURL(resolve(input.cwd, doc.path)).href : encodePath(path);
    let index = artifactIndex.get(uri);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(uri, index);
      const loc: Json = outside ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
      const art: Json = { location: loc };
      if (doc) art.mimeType = mimeType(doc);
      artifacts.push(art);
    }
    return outside ? { uri, index } : { uri, uriBaseId: '%SRCROOT%', index };
  };
  for (const d of input.documents) artifactLocation(d, d.id);

  // rules: the input's, then any a finding names that the input does not list
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (r: RuleInfo) => {
    if (ruleIndex.has(r.id)) return;
    ruleIndex.set(r.id, rules.length);
    const rule: Json = {
      id: r.id,
      shortDescription: { text: squash(r.description || `${r.check} check`).trim() || r.id },
      defaultConfiguration: { level: level(r.severity) },
      properties: { check: r.check },
    };
    const help = absoluteUri(r.link);
    if (help) rule.helpUri = help;
    rules.push(rule);
  };
  for (const r of input.rules ?? []) addRule(r);
  if (input.command !== 'extract') {
    for (const f of input.findings) {
      if (!ruleIndex.has(f.rule)) addRule({ id: f.rule, check: f.kind, severity: f.severity, description: `${f.kind} check`, link: f.link ?? null });
    }
  }

  const physical = (c: Claim): Json => {
    const doc = ix.docs.get(c.document);
    const loc = locate(c, doc);
    const region: Json = {
      startLine: loc.line,
      startColumn: loc.column,
      endLine: loc.endLine,
      endColumn: loc.endColumn,
      charOffset: loc.charOffset,
      charLength: loc.charLength,
    };
    const src = doc?.source;
    if (src !== undefined) {
      const base = doc?.sourceOffset ?? 0;
      const s = loc.charOffset - base;
      if (s >= 0 && s + loc.charLength <= src.length) region.snippet = { text: src.slice(s, s + loc.charLength) };
    }
    return { artifactLocation: artifactLocation(doc, c.document), region };
  };
  const describe = (c: Claim): string => {
    const doc = ix.docs.get(c.document);
    return `“${squash(c.text)}” — ${sourceParts(c, doc).join(' · ')}`;
  };

  const results: Json[] = [];
  const seenPrints = new Map<string, number>();
  if (input.command !== 'extract') {
    for (const f of input.findings) {
      const claims = findingClaims(f, ix);
      const base = fingerprint(f, ix);
      const dup = seenPrints.get(base) ?? 0;
      seenPrints.set(base, dup + 1);
      const result: Json = {
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule)!,
        level: level(f.severity),
        message: { text: squash(f.message).trim() || f.rule },
      };
      if (claims.length) {
        result.locations = [{ physicalLocation: physical(claims[0]!), message: { text: describe(claims[0]!) } }];
        if (claims.length > 1) {
          result.relatedLocations = claims.slice(1).map((c, i) => ({ id: i + 1, physicalLocation: physical(c), message: { text: describe(c) } }));
        }
      }
      result.partialFingerprints = { [FINGERPRINT_KEY]: dup ? `${base}:${dup + 1}` : base };
      const props: Json = { findingId: f.id, kind: f.kind, claims: f.claims };
      if (f.details && Object.keys(f.details).length) props.details = JSON.parse(JSON.stringify(f.details)) as Json;
      result.properties = props;
      results.push(result);
    }
  }

  const notifications: Json[] = [];
  for (const d of input.documents) {
    for (const e of d.errors) {
      const n: Json = {
        level: 'error',
        message: { text: `${docPath(d, d.id, input.cwd)}: ${squash(e.message)}` },
        descriptor: { id: e.code },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(d, d.id), ...(e.line ? { region: { startLine: e.line } } : {}) } }],
      };
      notifications.push(n);
    }
  }
  const invocation: Json = { executionSuccessful: true };
  if (notifications.length) invocation.toolExecutionNotifications = notifications;
  if (opts.generatedAt && !Number.isNaN(Date.parse(opts.generatedAt))) invocation.endTimeUtc = new Date(opts.generatedAt).toISOString();

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'numcheck',
            version: opts.toolVersion,
            informationUri: INFO_URI,
            rules,
          },
        },
        invocations: [invocation],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(resolve(input.cwd)).href.replace(/\/?$/, '/') } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
