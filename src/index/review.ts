/**
 * `numcheck review draft.md --against-index archive.sqlite`: the draft's claims against an archive that is
 * never loaded. For each claim of the draft, only the archived claims that align() could put in its block are
 * read (an indexed look-up on the blocking key and a time window), then the normal rule engine runs on the
 * draft plus those claims, and only findings that involve the draft are reported, as `review --against` does.
 *
 * What is read for a draft claim with key (family, noun, event) and time T:
 *  - the same blocking key (family|noun; for shares and money, whose blocks span the family, the same family
 *    with the same noun, no noun, or a noun that is one of the holder's words);
 *  - events: the same event or none (claims of different events are never compared); people counted with no
 *    event are compared with nothing, so nothing is read for them;
 *  - time: claims whose time is unknown, or within WINDOW_DAYS of T (an interval that starts more than
 *    LOOKBACK_DAYS before the window is not looked up) (the engine compares figures of different
 *    dates only as near reports, ≤ 3 days, or as updates of a rising count, ≤ 30 days); for static measures
 *    (a length, an area …, compared whatever the dates) no time limit.
 * The one case the look-up can miss: two figures anchored to the same named moment ("before landfall") more
 * than WINDOW_DAYS apart, which the engine would still compare.
 */
import { claimKey, type ClaimKey } from '../align/keys.js';
import { canRelate, ClaimFacts, isStatic, relateFacts } from '../align/index.js';
import { checkClaims, loadRuleSet } from '../pipeline.js';
import { UserError } from '../util/errors.js';
import type { ClaimContext } from '../context/index.js';
import type { Document } from '../types.js';
import { readAndExtract, type InputArgs } from '../cli/common.js';
import { openForRead, rowToClaim, rowToDocument, SUBJECT_FAMILIES, blockKey, type ClaimRow, type DocRow, type DB } from './store.js';

export const WINDOW_DAYS = 31;
/** Rows read per draft claim at most (the most recent first): a cap against a block that spans the archive. */
export const MAX_ROWS_PER_CLAIM = 300;

export interface ReviewIndexArgs extends InputArgs {
  draft: string;
  againstIndex: string;
  rules?: string[];
  defaultRules?: boolean;
}

export interface ReviewIndexResult {
  documents: Document[];
  claims: ClaimContext[];
  findings: ReturnType<typeof checkClaims>['findings'];
  checks: ReturnType<typeof checkClaims>['checks'];
  rules: Awaited<ReturnType<typeof loadRuleSet>>['rules'];
  /** Archived rows read, and the milliseconds the look-up took. */
  stats: { rows: number; read: number; documents: number; lookupMs: number };
}

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

function holderWords(h: string | null | undefined): string[] {
  const stop = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'of', 'and', 'in', 'for', 'company', 'group', 'total', 'overall']);
  const out = new Set<string>();
  for (const w of (h ?? '').toLowerCase().split(/[^a-z0-9]+/)) if (w.length > 2 && !stop.has(w)) {
      out.add(w);
      out.add(w.replace(/(?:'s|s)$/, ''));
    }
  return [...out];
}

/** Look-ups of one review, by query (draft claims that share a key and a time ask the same question). */
const queryMemo = new WeakMap<DB, Map<string, number[]>>();
/** Prepared statements of one database, by SQL text. */
const statements = new WeakMap<DB, Map<string, ReturnType<DB['prepare']>>>();

function statement(db: DB, sql: string): ReturnType<DB['prepare']> {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

/** Intervals longer than this (a whole year, "since 2013") are looked up only this far back. */
export const LOOKBACK_DAYS = 366;

/**
 * The rowids of the archived rows align() could put in a block with draft claim `c` (key `k`), ascending. Every
 * query is a range on one index — (bkey | family+noun, time_start, time_end, event) — and reads the index only:
 * one query for the dated rows inside the time window, one for the undated rows, per blocking key. A claim that
 * relate() could compare with nothing (canRelate) is not looked up.
 */
export function candidateIds(db: DB, c: ClaimContext, k: ClaimKey, limit = MAX_ROWS_PER_CLAIM): number[] {
  if (k.family === 'count' && (k.people || !k.noun) && !k.event) return [];
  if (!k.noun && k.family === 'count') return [];
  if (!canRelate(c, k)) return [];
  // the blocking keys: family|noun; for shares and money, the family with the noun, no noun, or a holder's word
  const keys: Array<{ sql: string; params: unknown[] }> = [];
  if (SUBJECT_FAMILIES.test(k.family)) {
    const nouns = [...new Set([k.noun, ...holderWords(c.holder)].filter((x): x is string => !!x))];
    keys.push({ sql: `family = ? AND noun IS NULL`, params: [k.family] });
    for (const n of nouns) keys.push({ sql: `family = ? AND noun = ?`, params: [k.family, n] });
  } else keys.push({ sql: `bkey = ?`, params: [blockKey(k)] });
  const ev = k.event ? { sql: ` AND (event IS NULL OR event = ?)`, params: [k.event] } : { sql: '', params: [] };
  const t = c.time;
  const ids: number[] = [];
  const pick = (sql: string, params: unknown[]) => {
    const memo = `${sql}\u0000${JSON.stringify(params)}`;
    let m = queryMemo.get(db);
    if (!m) queryMemo.set(db, (m = new Map()));
    let hit = m.get(memo);
    if (!hit) m.set(memo, (hit = statement(db, sql).pluck().all(...params) as number[]));
    for (const id of hit) ids.push(id);
  };
  for (const key of keys) {
    if (!isStatic(k) && t?.start) {
      const lo = shift(t.start, -WINDOW_DAYS);
      const hi = shift(t.end ?? t.start, WINDOW_DAYS);
      // dated, starting inside the window: nearest first (past the cap the nearest in time are kept)
      pick(`SELECT rowid FROM claims WHERE ${key.sql} AND time_start >= ? AND time_start <= ?${ev.sql} ORDER BY abs(julianday(time_start) - julianday(?)), rowid DESC LIMIT ?`, [
        ...key.params, lo, hi, ...ev.params, t.start, limit,
      ]);
      // dated, starting before the window and lasting into it ("so far this year", "in 2024")
      pick(`SELECT rowid FROM claims WHERE ${key.sql} AND time_start >= ? AND time_start < ? AND time_end >= ?${ev.sql} ORDER BY time_start DESC, rowid DESC LIMIT ?`, [
        ...key.params, shift(lo, -LOOKBACK_DAYS), lo, lo, ...ev.params, limit,
      ]);
      // undated (no publication date, no time in the sentence): comparable at any time
      pick(`SELECT rowid FROM claims WHERE ${key.sql} AND time_start IS NULL${ev.sql} ORDER BY rowid DESC LIMIT ?`, [...key.params, ...ev.params, limit]);
    } else {
      // the most recent first, the undated last (SQLite sorts NULL below every value, so last in DESC order): the
      // index gives the rows in time_start order, so only ties are sorted, not the whole block
      pick(`SELECT rowid FROM claims WHERE ${key.sql}${ev.sql} ORDER BY time_start DESC, rowid DESC LIMIT ?`, [...key.params, ...ev.params, limit]);
    }
  }
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The rows of `ids` (with their document's id as doc_id), in one query. */
export function fetchRows(db: DB, ids: number[]): Map<number, ClaimRow & { doc_id: string }> {
  const out = new Map<number, ClaimRow & { doc_id: string }>();
  if (!ids.length) return out;
  const rows = statement(
    db,
    `SELECT claims.*, documents.id AS doc_id FROM claims JOIN documents ON documents.rowid = claims.doc WHERE claims.rowid IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as Array<ClaimRow & { doc_id: string }>;
  for (const r of rows) out.set(r.rowid!, r);
  return out;
}

/** The archived rows align() could put in a block with draft claim `c` (key `k`), in rowid order. */
export function candidateRows(db: DB, c: ClaimContext, k: ClaimKey, limit = MAX_ROWS_PER_CLAIM): ClaimRow[] {
  const ids = candidateIds(db, c, k, limit);
  const rows = fetchRows(db, ids);
  return ids.map((id) => rows.get(id)).filter((r): r is ClaimRow & { doc_id: string } => !!r);
}

export async function reviewAgainstIndex(args: ReviewIndexArgs): Promise<ReviewIndexResult> {
  const db = await openForRead(args.againstIndex);
  try {
    const set = await loadRuleSet(args.rules ?? [], args.defaultRules !== false);
    const { documents: drafts, claims: draftClaims } = await readAndExtract([args.draft], { ...args, jobs: 1 }, set.lexicon);
    const draftDoc = drafts[0];
    if (!draftDoc || drafts.every((d) => d.errors.length > 0 && !d.text)) throw new UserError(`cannot read the draft ${args.draft}`);
    const t0 = performance.now();
    // archived rows for every draft claim, each row once; of the rows the look-up returns, only those align()
    // relates to a draft claim (relate(): comparable) are kept, so the engine never works on archived figures that
    // could only meet each other
    const rows = new Map<number, ClaimRow>();
    const seen = new Map<number, { claim: ClaimContext; key: ClaimKey } | null>();
    const draftDocIds = new Set(drafts.map((d) => d.id));
    // (each claim's facts for relate() once, not once per pair: relate(a, b) is relateFacts of fresh facts of both)
    const facts = new Map<ClaimContext, ClaimFacts>();
    const factsOf = (x: ClaimContext, kx: ClaimKey) => {
      let f = facts.get(x);
      if (!f) facts.set(x, (f = new ClaimFacts(x, kx)));
      return f;
    };
    // the candidates of every draft claim first, then all their rows in one query
    const wanted = draftClaims.map((c) => {
      const k = claimKey(c, set.synonyms, set.lexicon);
      return { c, k, ids: candidateIds(db, c, k) };
    });
    const fetched = fetchRows(db, [...new Set(wanted.flatMap((w) => w.ids))].sort((a, b) => a - b));
    for (const { c, k, ids } of wanted) {
      for (const id of ids) {
        const r = fetched.get(id);
        if (!r || rows.has(r.rowid!)) continue;
        let e = seen.get(r.rowid!);
        if (e === undefined) {
          const docId = (r as ClaimRow & { doc_id: string }).doc_id;
          if (draftDocIds.has(docId)) e = null; // the draft itself, indexed earlier
          else {
            const claim = rowToClaim(r, docId, -1);
            e = { claim, key: claimKey(claim, set.synonyms, set.lexicon) };
          }
          seen.set(r.rowid!, e);
        }
        if (e && relateFacts(factsOf(c, k), factsOf(e.claim, e.key)).comparable) rows.set(r.rowid!, r);
      }
    }
    // their documents, in index order; the draft is document 0
    const docIds = [...new Set([...rows.values()].map((r) => r.doc))].sort((a, b) => a - b);
    const docRows = new Map<number, DocRow>();
    const getDoc = db.prepare(`SELECT rowid, id, path, format, date, outlet, title, url, errors FROM documents WHERE rowid = ?`);
    for (const id of docIds) {
      const d = getDoc.get(id) as DocRow | undefined;
      if (d) docRows.set(id, d);
    }
    const lookupMs = performance.now() - t0;
    const documents: Document[] = [...drafts];
    const claims: ClaimContext[] = [...draftClaims];
    let n = draftClaims.length;
    const byDoc = new Map<number, ClaimRow[]>();
    for (const r of rows.values()) {
      let l = byDoc.get(r.doc);
      if (!l) byDoc.set(r.doc, (l = []));
      l.push(r);
    }
    for (const id of docIds) {
      const dr = docRows.get(id);
      if (!dr || dr.id === draftDoc.id) continue; // the draft itself indexed earlier: its own claims are here already
      const docIndex = documents.length;
      documents.push(rowToDocument(dr));
      for (const r of byDoc.get(id)!.sort((a, b) => a.idx - b.idx)) {
        const c = rowToClaim(r, dr.id, docIndex);
        c.id = `c${++n}`;
        claims.push(c);
      }
    }
    const { findings, checks } = checkClaims(documents, claims, set);
    const draftIds = new Set(draftClaims.map((c) => c.id));
    return {
      documents,
      claims,
      findings: findings.filter((f) => f.claims.some((id) => draftIds.has(id))),
      checks: checks.filter((c) => c.claims.some((id) => draftIds.has(id))),
      rules: set.rules,
      stats: { rows: rows.size, read: seen.size, documents: documents.length - 1, lookupMs },
    };
  } finally {
    db.close();
  }
}
