/**
 * The pipeline as plain function calls: documents → claims (extract + context), then rules → findings.
 * The CLI, the worker threads and the tests all go through here.
 */
import { buildSynonyms, type Synonyms } from './align/index.js';
import { contextualise, type ClaimContext } from './context/index.js';
import { extract } from './extract/index.js';
import { convertedOnce, definedCurrencies, derivedCurrencyCode, evidencedDocumentCurrencies, extendLexicon, getLexicon, moneyCodeOf, withDocumentCurrencies, type Lexicon } from './lexicon/index.js';
import { runRules } from './rules/engine.js';
import { loadRules, loadSynonyms, type LoadedLexicon } from './rules/load.js';
import type { RuleSpec } from './rules/spec.js';
import type { CheckResult, Document, Finding } from './types.js';
import { yearFromNeighbours } from './ingest/dates.js';
import { escapeRe } from './util/regex.js';
import { readDataFile } from './lexicon/datafile.js';
import { prepareUnits } from './rules/units.js';

export interface DocResult {
  doc: Document;
  claims: ClaimContext[];
}

/** Extract and contextualise one document. Never throws: a failure becomes a document error. */
export function processDocument(doc: Document, docIndex: number, base: Lexicon = getLexicon(), batchCurrencies?: ReadonlyMap<string, string>): DocResult {
  if (!doc.text) return { doc, claims: [] };
  try {
    const lex = withDocumentCurrencies(doc.text, base, batchCurrencies);
    const mentions = extract(doc.text, doc.segments, { lexicon: lex });
    return { doc, claims: contextualise(doc, mentions, docIndex, lex) };
  } catch (e) {
    doc.errors.push({ code: 'internal', message: `could not extract figures: ${(e as Error).message}` });
    return { doc, claims: [] };
  }
}

/** Claim ids in run order: c1, c2, … (the same for --jobs 1 and --jobs N). */
export function numberClaims(results: DocResult[]): ClaimContext[] {
  const all: ClaimContext[] = [];
  let n = 0;
  for (const r of results) for (const c of r.claims) {
    c.id = `c${++n}`;
    all.push(c);
  }
  return all;
}

/** "VLN 49bn", "MRN 12.6bn": an amount written after a code of the batch's currencies, or null when it has none. */
function codesBeforeAmounts(batch: ReadonlyMap<string, string>): RegExp | null {
  const codes = [...new Set(batch.values())].filter((c) => /^[A-Z]{3}$/.test(c));
  return codes.length ? new RegExp(`(?<![A-Za-z])(${codes.join('|')}) ?\\d`, 'g') : null;
}

/** "400,000 marels", "2.1 billion marels": an amount written before one of `words` (a regex alternation of words). */
function amountBefore(words: string, flags: string): RegExp {
  return new RegExp(`\\d(?:\\s*(?:billion|million|thousand|bn|mn|m))?\\s+(${words})s?\\b`, flags);
}

/**
 * What the batch tells about a document that its own text does not, and the document extracted again with it (once,
 * whatever it learns):
 *  - a wire story dated only by a year-less dateline ("BRANNICK, Oct 11 (HPS) - …") takes the year of the batch's dated
 *    documents when one of them is within a month of that day (src/ingest/dates.ts yearFromNeighbours), so its "on
 *    Saturday" and "yesterday" resolve as in the others;
 *  - amounts in a currency only other documents name as money ("will pay 400,000 marels (about €4,650)", where another
 *    states "8.6 marels to the euro") read as that money, under the code the batch gives it (`batch`, from
 *    collectDefinedCurrencies).
 * Returns every claim in run order, numbered again (as if this had been known from the start); `claims` itself when no
 * document was read again.
 */
export function rereadWithBatch(documents: Document[], claims: ClaimContext[], batch: ReadonlyMap<string, string>, lex: Lexicon = getLexicon()): ClaimContext[] {
  const dated = documents.map((d) => d.date).filter((d): d is string => d !== null);
  const stems = [...batch.keys()].filter((w) => /^[a-z]+$/.test(w));
  const amountOf = stems.length ? amountBefore(stems.join('|'), 'gi') : null;
  const codes = codesBeforeAmounts(batch);
  const redone = new Map<number, ClaimContext[]>();
  documents.forEach((doc, i) => {
    if (!doc.text || doc.text.length < 2) return;
    const date = !doc.date && doc.datelineDay && dated.length ? yearFromNeighbours(doc.datelineDay, dated) : null;
    if (date) {
      doc.date = date;
      doc.dateSource = 'batch';
    }
    const need = amountOf ? batchCurrencies(doc.text, amountOf, batch, lex, codes) : null;
    if (date || need) redone.set(i, processDocument(doc, i, lex, need ?? undefined).claims);
  });
  if (!redone.size) return claims;
  const out: ClaimContext[] = [];
  let k = 0;
  for (let i = 0; i < documents.length; i++) {
    const own: ClaimContext[] = [];
    while (k < claims.length && claims[k]!.docIndex === i) own.push(claims[k++]!);
    for (const c of redone.get(i) ?? own) out.push(c);
  }
  out.forEach((c, j) => (c.id = `c${j + 1}`));
  return out;
}

/** The batch's currencies a text gives amounts in without knowing them as the batch does (word → code), or null. */
function batchCurrencies(text: string, amountOf: RegExp, batch: ReadonlyMap<string, string>, lex: Lexicon, codes: RegExp | null): Map<string, string> | null {
  const named = new Set<string>();
  for (const m of text.matchAll(amountOf)) named.add(m[1]!.toLowerCase());
  // ("almost VLN 49bn", "VLN 188bn to VLN 194bn" in a paper that never says what VLN is: the batch's code, read as a
  // prefix from the start so its qualifier and range hold)
  if (codes) for (const m of text.matchAll(codes)) for (const [stem, code] of batch) if (code === m[1] && /^[a-z]+$/.test(stem)) named.add(stem);
  if (!named.size) return null;
  const own = new Map([...evidencedDocumentCurrencies(text, lex), ...definedCurrencies(text, lex)]);
  const need = new Map([...named].filter((w) => own.get(w) !== batch.get(w)).map((w) => [w, batch.get(w)!]));
  return need.size ? need : null;
}

/**
 * Add the currencies `text` names with their code ("Ardic lumens (LMN)") to `into` (the first code of a stem wins), and
 * those it shows to be money without one ("at 8.6 marels to the euro": MAR, the code derived from the word), so a
 * document of the batch that only says "400,000 marels" reads them as that money too; a stated code wins over a
 * derived one, whichever document comes first.
 */
export function collectDefinedCurrencies(text: string | undefined, lex: Lexicon, into: Map<string, string>, convertedIn: Map<string, number>): void {
  if (!text) return;
  for (const [stem, code] of definedCurrencies(text, lex)) if (!into.has(stem) || into.get(stem) === derivedCurrencyCode(stem)) into.set(stem, code);
  for (const [stem, code] of evidencedDocumentCurrencies(text, lex)) if (!into.has(stem)) into.set(stem, code);
  // ("2.9 billion crowns ($390m)" in one report, "2.4 billion crowns, or $320m" in another: two documents that each
  // convert the word into money once show it to be money, as one that does so twice does; `convertedIn` counts them)
  for (const stem of convertedOnce(text, lex)) {
    const n = (convertedIn.get(stem) ?? 0) + 1;
    convertedIn.set(stem, n);
    if (n === 2 && !into.has(stem)) into.set(stem, derivedCurrencyCode(stem));
  }
}

/**
 * A currency code one document of a batch defines applies to the same currency in the others: where a text only
 * said "2.36bn lumens ($690m)", its figures in LUM (the derived code) become LMN, so they meet the release's.
 */
export function unifyDocumentCurrencies(claims: ClaimContext[], defined: Map<string, string>, lex: Lexicon): void {
  if (!defined.size) return;
  // ("Net debt was 14.58 billion crowns" in a paper that never says which crowns, where the company's report defines
  // "Caldric crowns (CDK)": the count of crowns is an amount of that currency)
  const amountOf = new Map<string, RegExp>();
  for (const c of claims) {
    if (c.unit !== 'count' || !c.noun || c.per) continue;
    const code = defined.get(c.noun);
    if (!code) continue;
    // (the word after this figure or, for "from 17.35 billion a year earlier", after an amount of its sentence)
    let after = amountOf.get(c.noun);
    if (!after) amountOf.set(c.noun, (after = amountBefore(escapeRe(c.noun), 'i')));
    if (!after.test(c.sentence)) continue;
    c.unit = code;
    c.dimension = 'currency';
    moneyNotNoun(c);
  }
  // ("5.12 billion florins" in a wire that never says which florins, where the release defines "Anskari florins
  // (ANF)": its figures read as the lexicon's florin become ANF)
  for (const [stem, code] of defined) {
    const known = moneyCodeOf(lex, stem);
    if (!known || known === code) continue;
    const word = new RegExp(`\\b${stem}s?\\b`, 'i');
    for (const c of claims) if (c.unit === known && word.test(c.text)) c.unit = code;
  }
  // ("ANF 900 million" in a trade paper that never defines ANF, where the release does: the code before the digits
  // says which money it is, whatever the paper's own reading)
  const codes = [...new Set(defined.values())];
  const inText = new RegExp(`(?<![A-Za-z])(${codes.join('|')}) ?\\d`);
  const justBefore = new RegExp(`(?<![A-Za-z])(${codes.join('|')}) ?$`);
  for (const c of claims) {
    if (c.unit === 'percent') continue;
    const rel = c.start - c.sentenceStart;
    const m = inText.exec(c.text) ?? (/^\d/.test(c.text) ? justBefore.exec(c.sentence.slice(Math.max(0, rel - 5), rel)) : null);
    if (!m) continue;
    c.unit = m[1]!;
    c.dimension = 'currency';
  }
  const rename = new Map<string, string>();
  for (const [stem, code] of defined) {
    const derived = derivedCurrencyCode(stem);
    if (derived !== code && !lex.units.candidates(derived, derived) && !lex.prefixes.candidates(derived, derived.toLowerCase())) rename.set(derived, code);
  }
  if (!rename.size) return;
  for (const c of claims) {
    if (!c.unit || c.unit === 'count' || c.unit === 'percent') continue;
    const parts = c.unit.split('/');
    let changed = false;
    for (let k = 0; k < parts.length; k++) {
      const to = rename.get(parts[k]!);
      if (to) {
        parts[k] = to;
        changed = true;
      }
    }
    if (changed) c.unit = parts.join('/');
  }
}

/**
 * A count of a currency's word read as an amount of that currency: the word is its unit, not what it counts ("400,000
 * marels pay" measures what is paid, as "400,000 marels" read as money in a text that knows the word).
 */
function moneyNotNoun(c: ClaimContext): void {
  const words = new Set([c.noun!.toLowerCase(), `${c.noun!.toLowerCase()}s`]);
  const rest = c.measure ? c.measure.split(' ').filter((w) => !words.has(w.toLowerCase())).join(' ') : '';
  c.noun = null;
  c.measure = rest || 'currency';
}

export interface RuleSet {
  rules: RuleSpec[];
  lexicons: LoadedLexicon[];
  lexicon: Lexicon;
  synonyms: Synonyms;
}

/** Load rule files (built-in unless disabled, then the user's) and the lexicons they extend. */
export async function loadRuleSet(files: string[], useDefaults: boolean, cwd?: string): Promise<RuleSet> {
  const loaded = await loadRules({ files, useDefaults, cwd });
  // units files carry `entries`; numbers and words files are keyed sections: read them whole
  const lexicon = extendLexicon(
    loaded.lexicons
      .filter((l) => l.name === 'units' || l.name === 'numbers' || l.name === 'words' || l.name === 'rates')
      .map((l) => ({ name: l.name, data: l.entries !== undefined ? { lexicon: l.name, entries: l.entries } : readDataFile(l.file).data })),
  );
  const syn = await loadSynonyms(loaded.lexicons);
  await prepareUnits(lexicon);
  return { rules: loaded.rules, lexicons: loaded.lexicons, lexicon, synonyms: buildSynonyms(syn, lexicon) };
}

export function checkClaims(documents: Document[], claims: ClaimContext[], set: RuleSet): { findings: Finding[]; checks: CheckResult[] } {
  return runRules({ claims, documents, rules: set.rules, lexicon: set.lexicon, synonyms: set.synonyms });
}
