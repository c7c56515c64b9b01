/**
 * The rule engine: runs every enabled rule over the aligned claims and returns findings (what disagrees) and
 * checks (what was compared and held). One module per concern would scatter the shared bookkeeping (which
 * rule owns a claim, grouping conflicting pairs into one finding per fact), so the checks live here together.
 *
 * Which rule applies to a claim: among the enabled rules of a check type, a rule with `select` that matches
 * the claim wins over a rule without `select`; among several, the one loaded last (user files after the
 * built-in ones) wins.
 */
import { align, atPeak, claimKey, ClaimFacts, indicesByFamily, daysApart, isoDay, relateFacts, timeRelation, type Aligned, type ClaimKey, type Synonyms } from '../align/index.js';
import type { ClaimContext } from '../context/index.js';
import { DAY_BEFORE_TEXT, daysBetween } from '../context/time.js';
import { rateBand, type Lexicon } from '../lexicon/index.js';
import type { CheckResult, Document, Finding, Severity } from '../types.js';
import { evaluateCombinations } from './combinations.js';
import { describeClaim, fmtDate, fmtMoney, fmtNumber, fmtPrecision, shortAttribution, shortDoc } from './format.js';
import { fillMessage, type CheckType, type RuleOf, type RuleSpec, type Selector, type SubSeverity } from './spec.js';
import { convert } from './units.js';
import { convertedTwins, type StatedRate, type Twin } from './cross-currency.js';
import { lemmaPhrase } from '../align/keys.js';
import { compareCodeUnits } from '../util/compare.js';
import { memoize } from '../util/memo.js';

export interface EngineInput {
  claims: ClaimContext[];
  documents: Document[];
  rules: RuleSpec[];
  lexicon: Lexicon;
  synonyms: Synonyms;
}

export interface EngineOutput {
  findings: Finding[];
  checks: CheckResult[];
}

interface Draft {
  rule: RuleSpec;
  severity: Severity;
  kind: string;
  claims: ClaimContext[];
  values: Record<string, string | number | null>;
  details: Record<string, unknown>;
}

export function runRules(input: EngineInput): EngineOutput {
  const e = new Engine(input);
  return e.run();
}

class Engine {
  private aligned: Aligned;
  private readonly drafts: Draft[] = [];
  private readonly checks: CheckResult[] = [];
  private readonly docDate = new Map<string, string | null>();
  /** each document's time of publication (Document.clock), where it states one */
  private readonly docClock = new Map<string, number>();
  private readonly byDocIndex = new Map<string, ClaimContext>();
  /** "docIndex:index" of a figure → the figures that state its conversion */
  private readonly convertedFrom = new Map<string, ClaimContext[]>();
  /** Stated conversions that do not hold ("185 km/h (135 mph)"): found by conversions(), before mismatches() runs. */
  private readonly wrongConversions = new Set<ClaimContext>();
  /** Figures a correction retracts ("Correction: an earlier update said 470 evacuation centres were open. The agency's
   * figure is 407."): compared with nothing (read once per claim, not once per block it stands in). */
  private readonly retracted = new Set<ClaimContext>();
  /** Their findings, by the figure converted and its wrong conversion (see conversionWitnesses). */
  private readonly wrongDrafts: Array<{ o: ClaimContext; c: ClaimContext; draft: Draft }> = [];
  private readonly keyOf = new Map<ClaimContext, ClaimKey>();
  /** Exchange rates the documents of the run state ("at 11.20 crowns to the euro", "4.2 drals to the dollar"): units of
   * a currency per one of a major one, keyed "CODE/EUR" and by the currency's word ("crown/EUR"), for currencies the
   * lexicon has no rates of. Each is the figure that states it ("6.90 dravos" in "($1 = 6.90 dravos)"): its value is
   * the rate, and findings name where it is stated. */
  private readonly statedRates = new Map<string, ClaimContext>();
  /** Every rate note of the run between a currency code and a major currency, in text order (see convertedTwins). */
  private readonly rateList: StatedRate[] = [];
  /** The figures that state them ("6.90 dravos" in "($1 = 6.90 dravos)"). */
  private readonly rateFigures = new Set<ClaimContext>();
  /** Converted twins of amounts (see convertedTwins): the amount each stands for and its rate. */
  private twinOf = new Map<ClaimContext, Twin>();
  /** The blocks of twins with the amounts of the currency they are converted into (indices into aligned.claims). */
  private crossBlocks: number[][] = [];
  private readonly selectorMemo = new Map<Selector, Map<ClaimContext, boolean>>();
  private readonly docText = new Map<string, string>();

  constructor(private readonly input: EngineInput) {
    this.aligned = align(input.claims, input.synonyms, input.lexicon);
    this.aligned.claims.forEach((c, i) => this.keyOf.set(c, this.aligned.keys[i]!));
    // (not a live report's: its entries run on long after the time it first went up — three figures or more read at
    // different stated hours)
    const clocks = new Map<string, Set<number>>();
    for (const c of input.claims) {
      if (c.clock == null) continue;
      const s = clocks.get(c.document);
      if (s) s.add(c.clock);
      else clocks.set(c.document, new Set([c.clock]));
    }
    for (const d of input.documents) {
      this.docDate.set(d.id, d.date);
      this.docText.set(d.id, d.text);
      if (d.clock != null && (clocks.get(d.id)?.size ?? 0) < 3) this.docClock.set(d.id, d.clock);
    }
    for (const c of input.claims) {
      this.byDocIndex.set(`${c.docIndex}:${c.index}`, c);
      if (RETRACTED.test(c.sentence.slice(Math.max(0, c.start - c.sentenceStart - 120), c.start - c.sentenceStart))) this.retracted.add(c);
      if (c.dimension === 'currency' && c.value > 0) {
        const m = RATE_AFTER.exec(c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 40));
        const to = m ? MAJOR[m[1]!.toLowerCase()] : rateNoteMajor(c);
        if (to && to !== c.unit) {
          this.rateFigures.add(c);
          if (/^[A-Z]{3}$/.test(c.unit)) this.rateList.push({ unit: c.unit, major: to, per: c.value, at: c });
          this.statedRates.set(`${c.unit}/${to}`, c);
          const word = currencyWord(c.text);
          if (word) this.statedRates.set(`${word}/${to}`, c);
        }
      }
      if (c.conversionOf === undefined) continue;
      const k = `${c.docIndex}:${c.conversionOf}`;
      const l = this.convertedFrom.get(k);
      if (l) l.push(c);
      else this.convertedFrom.set(k, [c]);
    }
    this.addTwins();
  }

  /**
   * The amount c is given as the conversion of: the one it is linked to, else the figure just before it in its sentence
   * ("38.46 billion florins, roughly €5.1 billion at the current exchange rate"), or null.
   */
  private convertsFrom(c: ClaimContext): ClaimContext | null {
    const o = this.claimAt(c, c.conversionOf);
    if (o) return o;
    const prev = this.byDocIndex.get(`${c.docIndex}:${c.index - 1}`);
    return prev && prev.sentenceStart === c.sentenceStart && prev.dimension === 'currency' ? prev : null;
  }

  /** Amounts in a currency a document states a rate for, converted into the other currency (see convertedTwins). */
  private addTwins(): void {
    const rule = this.rulesOf('mismatch').filter((r) => !r.select).pop();
    if (!this.rateList.length || !rule || rule.params.rate_tolerance === null) return;
    const a = this.aligned;
    const t = convertedTwins(a.claims, a.keys, this.rateList, this.rateFigures, rule.params.rate_tolerance, (c) => claimKey(c, this.input.synonyms, this.input.lexicon), (c) => this.convertsFrom(c));
    if (!t.twins.length) return;
    this.aligned = { ...a, claims: [...a.claims, ...t.twins], keys: [...a.keys, ...t.twinKeys], ambiguous: [...a.ambiguous, ...t.twins.map(() => false)] };
    t.twins.forEach((c, i) => this.keyOf.set(c, t.twinKeys[i]!));
    this.twinOf = t.of;
    this.crossBlocks = t.blocks;
  }

  run(): EngineOutput {
    this.conversions();
    this.partWhole();
    this.percentages();
    this.changes();
    this.pointsAsPercent();
    this.sums();
    this.shareSums();
    this.enumerations();
    this.listTotals();
    this.tableTotals();
    this.totalsAfterParts();
    this.respectiveParts();
    this.rates();
    this.mismatches();
    this.conversionWitnesses();
    this.expressions();
    return this.finish();
  }

  // ------------------------------------------------------------------ rule selection

  private readonly rulesByCheck = new Map<CheckType, RuleSpec[]>();
  private rulesOf<K extends CheckType>(check: K): RuleOf<K>[] {
    let l = this.rulesByCheck.get(check);
    if (!l) this.rulesByCheck.set(check, (l = this.input.rules.filter((r) => r.check === check && r.enabled)));
    return l as RuleOf<K>[];
  }

  /**
   * Is claim i (of the aligned claims) a count that only grows (a toll), by the words of a rule's `rising` list?
   * (memoised per list, by claim: 1 yes, 2 no)
   */
  private readonly risingMemo = new Map<string[], { words: Set<string>; memo: Uint8Array }>();
  private rising(i: number, rising: string[]): boolean {
    let r = this.risingMemo.get(rising);
    if (!r) this.risingMemo.set(rising, (r = { words: risingWords(rising, this.input.lexicon), memo: new Uint8Array(this.aligned.claims.length) }));
    const m = r.memo;
    if (!m[i]) m[i] = isRising(this.aligned.claims[i]!, this.aligned.keys[i]!, r.words, this.input.lexicon) ? 1 : 2;
    return m[i] === 1;
  }

  private matches(sel: Selector, c: ClaimContext): boolean {
    let memo = this.selectorMemo.get(sel);
    if (!memo) this.selectorMemo.set(sel, (memo = new Map()));
    const hit = memo.get(c);
    if (hit !== undefined) return hit;
    const r = matchSelector(sel, c, this.input.lexicon);
    memo.set(c, r);
    return r;
  }

  /** Per check type whose enabled rules have no `select`: the last of them (or null); undefined when one selects. */
  private readonly genericMemo = new Map<CheckType, RuleSpec | null | undefined>();
  private genericOnly(check: CheckType): RuleSpec | null | undefined {
    if (this.genericMemo.has(check)) return this.genericMemo.get(check);
    const rules = this.rulesOf(check);
    const r = rules.some((x) => x.select) ? undefined : rules.length ? rules[rules.length - 1]! : null;
    this.genericMemo.set(check, r);
    return r;
  }

  /** The rule of a check type that owns a claim (see the module comment), or null. */
  private ruleFor<K extends CheckType>(check: K, ...claims: ClaimContext[]): RuleOf<K> | null {
    const rules = this.rulesOf(check);
    // (no rule of the type selects claims: the last one owns them all — the usual case, asked for every pair of a block)
    const only = this.genericOnly(check);
    if (only !== undefined) return only as RuleOf<K> | null;
    let generic: RuleOf<K> | null = null;
    let specific: RuleOf<K> | null = null;
    for (const r of rules) {
      if (!r.select) generic = r;
      else if (claims.some((c) => this.matches(r.select!, c))) specific = r;
    }
    return specific ?? generic;
  }

  /** The claims of each sentence, in text order (grouped once), optionally only those `keep` accepts. */
  private bySentence: ClaimContext[][] | null = null;
  private sentences(keep?: (c: ClaimContext) => boolean): ClaimContext[][] {
    if (!this.bySentence) {
      const m = new Map<string, ClaimContext[]>();
      for (const c of this.input.claims) {
        const k = `${c.docIndex}:${c.sentenceStart}`;
        const l = m.get(k);
        if (l) l.push(c);
        else m.set(k, [c]);
      }
      this.bySentence = [...m.values()];
    }
    if (!keep) return this.bySentence;
    const out: ClaimContext[][] = [];
    for (const l of this.bySentence) {
      const kept = l.filter(keep);
      if (kept.length) out.push(kept);
    }
    return out;
  }

  private claimAt(c: ClaimContext, index: number | undefined): ClaimContext | null {
    if (index === undefined) return null;
    return this.byDocIndex.get(`${c.docIndex}:${index}`) ?? null;
  }

  /** describeClaim(), once per claim (a finding describes its claims in its values and again in its sources) */
  private readonly described = new Map<ClaimContext, string>();
  private describe(c: ClaimContext): string {
    let d = this.described.get(c);
    if (d === undefined) this.described.set(c, (d = describeClaim(c, this.docDate.get(c.document) ?? null)));
    return d;
  }

  /** The places of the parts its sentence splits a figure into after it ("78 homes: 44 in Bellcourt, 29 in Sarne"). */
  private placePartsMemo: Map<string, ClaimContext[]> | null = null;
  /** (each figure's places, once: asked for every pair of one scoped and one unscoped figure) */
  private readonly placePartsOf = new Map<ClaimContext, Set<string>>();
  private placeParts(c: ClaimContext): Set<string> {
    if (!this.placePartsMemo) {
      this.placePartsMemo = new Map();
      for (const x of this.input.claims) {
        if (x.role !== 'subset' || !x.scopeKey) continue;
        const k = `${x.docIndex}:${x.sentenceStart}`;
        const l = this.placePartsMemo.get(k);
        if (l) l.push(x);
        else this.placePartsMemo.set(k, [x]);
      }
    }
    let out = this.placePartsOf.get(c);
    if (out) return out;
    out = new Set<string>();
    for (const x of this.placePartsMemo.get(`${c.docIndex}:${c.sentenceStart}`) ?? []) if (x.index > c.index && x.unit === c.unit) out.add(x.scopeKey!);
    this.placePartsOf.set(c, out);
    return out;
  }

  /** Values withdrawn by a report (withdrawnOn), keyed by family and value: the latest such report's date. */
  private withdrawnMemo: Map<string, string> | null = null;
  private withdrawnValues(): Map<string, string> {
    if (this.withdrawnMemo) return this.withdrawnMemo;
    const out = (this.withdrawnMemo = new Map<string, string>());
    for (const c of this.input.claims) {
      const d = this.withdrawnOn(c);
      const k = this.keyOf.get(c);
      if (!d || !k) continue;
      const id = `${k.family}|${k.v}`;
      if (d > (out.get(id) ?? '')) out.set(id, d);
    }
    return out;
  }

  /** The date of the claim's report when the report withdraws the claim's value in its sentence or the next; else null. */
  private withdrawnOn(c: ClaimContext): string | null {
    const text = this.docText.get(c.document);
    if (!text) return null;
    const rest = text.slice(c.end, c.end + 300).split(/\n\s*\n/)[0]!;
    // the rest of its sentence, with no other figure before the words, or the next sentence when it opens on the
    // figure ("That value …", "It …")
    const stop = /[.!?](?=\s|$)/.exec(rest);
    const own = stop ? rest.slice(0, stop.index) : rest;
    const next = stop ? rest.slice(stop.index + 1).trimStart() : '';
    const w = WITHDRAWN.exec(own);
    const back = !w && /^(?:(?:that|this|the) (?:value|figure|reading|estimate|number)|it|that|this)\b/i.test(next) && WITHDRAWN.test(/^[^.!?]*/.exec(next)![0]);
    return (w && !/\d/.test(own.slice(0, w.index))) || back ? this.docDate.get(c.document) ?? null : null;
  }

  private pass(rule: RuleSpec, claims: ClaimContext[], message: string): void {
    this.checks.push({ rule: rule.id, claims: claims.map((c) => c.id), status: 'pass', message });
  }

  private add(rule: RuleSpec, severity: SubSeverity, kind: string, claims: ClaimContext[], values: Record<string, string | number | null>, details: Record<string, unknown> = {}): void {
    if (severity === 'off') return;
    this.drafts.push({ rule, severity, kind, claims, values, details });
  }

  // ------------------------------------------------------------------ conversion


  private conversions(): void {
    for (const c of this.input.claims) {
      const o = this.claimAt(c, c.conversionOf);
      if (!o) continue;
      const rule = this.ruleFor('conversion', c, o);
      if (!rule) continue;
      if (o.dimension === 'currency' && c.dimension === 'currency') {
        this.currencyConversion(rule, o, c);
        continue;
      }
      const expected = convert(o.value, o.unit, c.unit, this.input.lexicon);
      if (expected === null) continue;
      // the stated conversion must match the converted figure at the precision it was written with; a writer
      // rounding "100 km" to "60 miles" is allowed a few per cent (tolerance), temperatures one degree
      const temp = c.dimension === 'temperature';
      // a temperature is read to the degree ("41C (110F)" is wrong: 41C is 105.8F)
      // (a conversion written in words is read to the unit: "12 km (seven miles)")
      const cp = c.precision === null && !/\d/.test(c.text) && Number.isInteger(c.value) ? 1 : strictPrecision(c);
      const half = (temp && c.qualifier === 'exact' ? Math.min(cp, 1) : cp) / 2;
      const slack = temp ? 1 : rule.params.tolerance !== null ? Math.abs(expected) * rule.params.tolerance : Math.abs(expected) * 0.05;
      let ok = Math.abs(expected - c.value) <= Math.max(half, slack) + 1e-9;
      // "10C (18F) above normal", "warmer by 5C (9F)": a temperature difference converts without the offset
      const delta = !temp ? null : o.unit === 'degC' && c.unit === 'degF' ? o.value * 1.8 : o.unit === 'degF' && c.unit === 'degC' ? o.value / 1.8 : null;
      // ("1.2C (34F) above the record": a difference written as such, whose absolute reading is no excuse)
      const difference = delta !== null && (DIFFERENCE_AFTER.test(c.sentence.slice(Math.max(o.end, c.end) - c.sentenceStart)) || /\bby\s*$/i.test(o.sentence.slice(0, o.start - o.sentenceStart)));
      if (delta !== null && (difference || (!ok && DIFFERENCE_WORDS.test(o.sentence)))) {
        if (Math.abs(delta - c.value) <= Math.max(half, slack) + 1e-9) {
          this.pass(rule, [o, c], `a difference of ${o.text} = ${fmtNumber(delta, 1)} ${unitWord(c.unit)}, given as ${c.text}`);
          continue;
        }
        if (difference) {
          this.add(rule, rule.severity, 'conversion', [o, c], {
            measure: o.measure,
            value: `a difference of ${o.text}`,
            converted: c.text,
            expected: `${fmtNumber(delta, 1)} ${unitWord(c.unit)}`,
            unit: o.unit,
            target_unit: c.unit,
            values: `${this.describe(o)} vs ${this.describe(c)}`,
            why: `a difference of ${o.text} is ${fmtNumber(delta, 1)} ${unitWord(c.unit)}, not ${c.text}${ok ? ' (the conversion of a temperature, not of a difference)' : ''}`,
          }, { expected: delta, stated: c.value });
          continue;
        }
      }
      const exp = `${fmtNumber(expected, Math.abs(expected) < 10 ? 2 : 1)} ${unitWord(c.unit)}`;
      if (ok) {
        this.pass(rule, [o, c], `${o.text} = ${exp}, given as ${c.text}`);
        continue;
      }
      this.add(rule, rule.severity, 'conversion', [o, c], {
        measure: o.measure,
        value: o.text,
        converted: c.text,
        expected: exp,
        unit: o.unit,
        target_unit: c.unit,
        values: `${this.describe(o)} vs ${this.describe(c)}`,
        why: `${o.text} is ${exp}, not ${c.text}`,
      }, { expected, stated: c.value });
      this.wrongConversion(o, c);
    }
  }

  /** After the finding of a wrong conversion c of o was added: c is wrong, and the finding may name more witnesses. */
  private wrongConversion(o: ClaimContext, c: ClaimContext): void {
    this.wrongConversions.add(c);
    const d = this.drafts[this.drafts.length - 1];
    if (d && d.claims[1] === c) this.wrongDrafts.push({ o, c, draft: d });
  }

  /**
   * "6.5km (5.2 miles)" in one report, "the 6.5-km (4-mile) route" in another: a wrong stated conversion is at odds
   * with the same fact as the other reports give it too. Their figures of it that agree with the figure converted
   * (and the conversions they state) join the finding, so it names every source the wrong figure contradicts.
   */
  private conversionWitnesses(): void {
    if (!this.wrongDrafts.length) return;
    const { claims, keys, blocks } = this.aligned;
    const blockOf = new Map<ClaimContext, number>();
    const familyBlocks = new Map<string, number[]>();
    // (the blocks of the converted figures only)
    const wanted = new Set(this.wrongDrafts.map((w) => w.o));
    blocks.forEach((b, k) => {
      for (const i of b) if (wanted.has(claims[i]!)) blockOf.set(claims[i]!, k);
      const f = keys[b[0]!]!.family;
      const l = familyBlocks.get(f);
      if (l) l.push(k);
      else familyBlocks.set(f, [k]);
    });
    // (the drafts that hold each claim, kept up to date as witnesses join drafts below: a look-up, not a scan of every
    // draft per wrong conversion)
    const draftsOf = new Map<ClaimContext, Draft[]>();
    for (const d of this.drafts) for (const x of new Set(d.claims)) {
      const l = draftsOf.get(x);
      if (l) l.push(d);
      else draftsOf.set(x, [d]);
    }
    // (a family's claims by unit and value, so a figure of no named thing is set against the family's figures of about
    // its value only, not against every figure of the family)
    const families = new Map<string, WitnessIndex>();
    // (each candidate's facts once, whichever wrong conversions it is set against)
    const witnessFacts = new Map<number, ClaimFacts>();
    // (every claim of a family, in a block or alone, for the same figure told of a thing named otherwise)
    let allByFamily: Map<string, WitnessIndex> | null = null;
    for (const { o, c, draft } of this.wrongDrafts) {
      // (a converted figure that no other figure aligned with is looked for in its whole family: "the route is 4.8km
      // (3.8 miles)" told of nothing another report names, where another gives "The Tarsk route was 4.8 km")
      const k = blockOf.get(o);
      const ko = this.keyOf.get(o);
      if (!ko) continue;
      const fo = new ClaimFacts(o, ko);
      const joined = new Set(draft.claims);
      // (figures another finding already sets against the wrong one are told there, once)
      const told = new Set<ClaimContext>();
      for (const d of draftsOf.get(c) ?? []) if (d !== draft) for (const x of d.claims) told.add(x);
      // (a converted figure that names nothing — "tramped the entire 6.5km (5.2 miles)" — is the same figure of any
      // named thing of its family: "the 6.5-km (4-mile) route")
      const home = k === undefined ? [] : [k];
      const scan = ko.noun === null ? familyBlocks.get(ko.family) ?? home : home;
      let flat: number[];
      if (ko.noun === null && familyBlocks.has(ko.family)) {
        let ix = families.get(ko.family);
        if (!ix) families.set(ko.family, (ix = new WitnessIndex(scan.flatMap((b) => blocks[b]!), claims)));
        flat = ix.near(o, Math.max(strictPrecision(o) / 2, Math.abs(o.value) * 0.05) + 1e-9, this.input.lexicon);
      } else {
        flat = scan.flatMap((b) => blocks[b]!);
        // ("412mm (14 inches) of rain fell" and another report's "a total of 412 millimetres": the same figure of the
        // same family, whatever thing each names, is a witness too)
        allByFamily ??= familyIndexes(claims, keys);
        const inBlock = new Set(flat);
        for (const i of allByFamily.get(ko.family)?.near(o, strictPrecision(o) / 2 + 1e-9, this.input.lexicon) ?? []) if (!inBlock.has(i)) flat.push(i);
      }
      const before = draft.claims;
      for (const i of flat) {
        const x = claims[i]!;
        // (a converted twin of another currency's amount is no report of its own: see convertedTwins)
        if (this.wrongConversions.has(x) || joined.has(x) || told.has(x) || this.twinOf.has(x)) continue;
        const own = x.document === o.document;
        if (own && (x.unit !== o.unit || x.sentenceStart === o.sentenceStart)) continue;
        // (its value, in the converted figure's unit, is that figure's at the precision either was written to)
        const v = x.unit === o.unit ? x.value : convert(x.value, x.unit, o.unit, this.input.lexicon);
        if (v === null) continue;
        const gap = Math.abs(v - o.value);
        if (gap > Math.max(strictPrecision(o) / 2, Math.abs(o.value) * 0.05) + 1e-9) continue;
        // (the same figure again, at the precision of either, is the same fact even where nothing else names the
        // moment or the thing: "sustained winds of 185 km/h" at landfall and in the next day's report)
        const same = gap <= Math.max(strictPrecision(o), x.unit === o.unit ? strictPrecision(x) : 0) / 2 + 1e-9;
        let fx = witnessFacts.get(i);
        if (!fx) witnessFacts.set(i, (fx = new ClaimFacts(x, keys[i]!)));
        const rel = relateFacts(fo, fx);
        const loose = LOOSE_REASONS.has(rel.why) || ((ko.noun === null || keys[i]!.noun !== ko.noun) && rel.why === 'different things counted') || sameSum(o, x, rel.why);
        // (the same figure of the same thing in another report is that report's, however each dates it: "6.34 billion
        // merels ($575 million) for 2025" and the wire's "net profit of 6.34 billion merels on Thursday")
        if (rel.comparable ? !(rel.time === 'same' || rel.near || fo.static || (same && x.unit === o.unit)) : !(same && loose)) continue;
        // (in the converted figure's own report, only the same figure of the same thing told again: "€1.43bn, roughly
        // $1.23bn" and the table's "Profit before tax | 1,429")
        if (own && !(same && (rel.comparable || sameSum(o, x, rel.why)))) continue;
        joined.add(x);
        const src = this.claimAt(x, x.conversionOf);
        if (src) joined.add(src);
        for (const y of this.convertedFrom.get(`${x.docIndex}:${x.index}`) ?? []) if (!this.wrongConversions.has(y)) joined.add(y);
      }
      if (joined.size > draft.claims.length) draft.claims = [o, c, ...[...joined].filter((x) => x !== o && x !== c).sort(byPosition)];
      if (draft.claims !== before) {
        const had = new Set(before);
        for (const x of new Set(draft.claims)) if (!had.has(x)) {
          const l = draftsOf.get(x);
          if (l) l.push(draft);
          else draftsOf.set(x, [draft]);
        }
      }
    }
  }

  /** The figures of each table row, keyed "document:table:row" (built on first use). */
  private rowCells: Map<string, ClaimContext[]> | null = null;
  /** The figures of the table row a cell's figure is in, itself included ([] for a figure outside a table). */
  private rowOf(cell: ClaimContext): ClaimContext[] {
    const at = cell.cell;
    if (!at) return [];
    if (!this.rowCells) {
      this.rowCells = new Map();
      for (const c of this.input.claims) {
        if (!c.cell) continue;
        const k = `${c.docIndex}:${c.cell.table}:${c.cell.row}`;
        const l = this.rowCells.get(k);
        if (l) l.push(c);
        else this.rowCells.set(k, [c]);
      }
    }
    return this.rowCells.get(`${cell.docIndex}:${at.table}:${at.row}`) ?? [];
  }

  /**
   * Does the table row `cell` stands in have a column of a later period ("2025/26" after "2024/25") in the unit of `x`,
   * a figure dated only by its report and within `cell`'s period? Then `x`, outside that table, reports the coming
   * period (a budget, a plan), not `cell`'s. (Not an earlier column: "€512m for the quarter" where the row gives 186
   * for Q3 and 512 for nine months is a period mistaken, not another period reported.)
   */
  private rowHoldsOther(cell: ClaimContext, x: ClaimContext): boolean {
    const at = cell.cell;
    if (!at || !cell.time?.start || !cell.time.end || x.time?.text !== 'document date' || (x.cell && x.docIndex === cell.docIndex && x.cell.table === at.table)) return false;
    const day = x.time.start;
    if (!day || day < cell.time.start || day > cell.time.end) return false;
    return this.rowOf(cell).some(
      (r) => r !== cell && r.cell!.col !== at.col && !!r.time?.start && r.time.start > cell.time!.start! && r.unit === x.unit,
    );
  }

  /** "€612 million ($598 million)": the rate the two imply must be one the currencies had that year. */
  private currencyConversion(rule: RuleOf<'conversion'>, o: ClaimContext, c: ClaimContext): void {
    const when = o.time?.end ?? o.time?.start ?? this.docDate.get(o.document) ?? null;
    const year = when ? Number(when.slice(0, 4)) : null;
    const known = rateBand(this.input.lexicon, o.unit, c.unit, year);
    const stated = known ? null : this.statedBand(o, c);
    const band = known ?? stated?.band;
    if (!band || !o.value) return;
    const implied = c.value / o.value;
    // the written precision of both figures widens what the pair can imply
    const po = (o.precision ?? 0) / 2 / Math.abs(o.value);
    const pc = (c.precision ?? 0) / 2 / Math.abs(c.value || 1);
    const slack = 0.03 + po + pc;
    const ok = implied >= band[0] * (1 - slack) && implied <= band[1] * (1 + slack);
    // (a rate a document states is named with where it is stated, not dated by the year)
    const range = `${fmtNumber(band[0], 3)}–${fmtNumber(band[1], 3)} ${c.unit} per ${o.unit}${stated?.at ? ` of the rate stated as ${stated.at.text} (${shortDoc(stated.at.document)}:${stated.at.line})` : known && year ? ` in ${year}` : ''}`;
    if (ok) {
      this.pass(rule, [o, c], `${o.text} = ${c.text} implies ${fmtNumber(implied, 3)} ${c.unit} per ${o.unit}, within ${range}`);
      return;
    }
    const lo = fmtMoney(o.value * band[0], c.unit);
    const hi = fmtMoney(o.value * band[1], c.unit);
    this.add(rule, rule.severity, 'conversion', [o, c], {
      measure: o.measure,
      value: o.text,
      converted: c.text,
      expected: `${lo}–${hi}${stated?.at ? ` at the rate stated as ${stated.at.text} (${shortDoc(stated.at.document)}:${stated.at.line})` : ''}`,
      unit: o.unit,
      target_unit: c.unit,
      values: `${this.describe(o)} vs ${this.describe(c)}`,
      why: `${c.text} for ${o.text} implies ${fmtNumber(implied, 3)} ${c.unit} per ${o.unit}, outside the ${range}`,
    }, { implied, band });
    this.wrongConversion(o, c);
  }

  /**
   * The rate a conversion should show when the lexicon has none: the one its own sentence states ("about $41m at 58 to
   * the dollar"), else one a document of the run states for the currency ("translated at 11.20 crowns to the euro").
   * Units of c per unit of o, as a band of ±0.5%.
   */
  private statedBand(o: ClaimContext, c: ClaimContext): { band: [number, number]; at?: ClaimContext } | null {
    const band = (r: number, at?: ClaimContext) => ({ band: [r * 0.995, r * 1.005] as [number, number], at });
    for (const x of [c, o]) {
      const m = RATE_IN.exec(x.sentence);
      const to = m ? MAJOR[m[2]!.toLowerCase()] : undefined;
      const n = m ? Number(m[1]!.replace(/,/g, '')) : 0;
      if (to && n > 0) {
        if (to === c.unit) return band(1 / n);
        if (to === o.unit) return band(n);
      }
    }
    const per = (cur: ClaimContext, major: string) => this.statedRates.get(`${cur.unit}/${major}`) ?? this.statedRates.get(`${currencyWord(cur.text) ?? ''}/${major}`);
    const a = per(o, c.unit);
    if (a) return band(1 / a.value, a);
    const b = per(c, o.unit);
    if (b) return band(b.value, b);
    return null;
  }

  // ------------------------------------------------------------------ part-whole

  private partWhole(): void {
    for (const c of this.input.claims) {
      const w = this.claimAt(c, c.partOf);
      if (!w) continue;
      const rule = this.ruleFor('part-whole', c, w);
      if (!rule) continue;
      const partLo = c.low ?? c.value;
      const wholeHi = w.high ?? Infinity;
      const bad = rule.params.allow_equal ? partLo > wholeHi : partLo >= wholeHi;
      if (!bad) {
        this.pass(rule, [c, w], `${c.text} is within ${w.text}`);
        continue;
      }
      this.add(rule, rule.severity, 'part-whole', [c, w], {
        measure: w.measure,
        part: c.text,
        whole: w.text,
        values: `${this.describe(c)} of ${this.describe(w)}`,
        why: `the part (${c.text}) is larger than the whole (${w.text})`,
      });
    }
  }

  // ------------------------------------------------------------------ percentage

  private percentages(): void {
    for (const p of this.input.claims) {
      let a = this.claimAt(p, p.shareOf);
      let w = a ? this.claimAt(a, a.partOf) ?? this.wholeFor(p, a) : null;
      if (!a) [a, w] = this.besidePair(p) ?? [null, null];
      if (!a || !w || !w.value) continue;
      const rule = this.ruleFor('percentage', p, a, w);
      if (!rule) continue;
      const expected = (a.value / w.value) * 100;
      // ("more than 60%", "60%": written to the whole per cent; "about 60%" may be a rounder figure)
      const prec = p.qualifier === 'approx' ? p.precision ?? 1 : p.precision === null ? 1 : strictPrecision(p);
      const lo = (p.low ?? -Infinity) - prec / 2 - rule.params.tolerance_pp;
      const hi = (p.high ?? Infinity) + prec / 2 + rule.params.tolerance_pp;
      const exp = `${fmtNumber(expected, 1)}%`;
      if (expected >= lo && expected <= hi) {
        this.pass(rule, [p, a, w], `${a.text} of ${w.text} is ${exp}, stated ${p.text}`);
        continue;
      }
      this.add(rule, rule.severity, 'percentage', [p, a, w], {
        measure: w.measure,
        percent: p.text,
        expected: exp,
        part: a.text,
        whole: w.text,
        values: `${this.describe(p)}; ${a.text} of ${w.text}`,
        why: `${a.text} of ${w.text} is ${exp}, not ${p.text}`,
      }, { expected, stated: p.value });
    }
  }

  /**
   * "Nine of the 164 patients have died, a case-fatality rate of 6.5%", "12,700 of its 41,000 workers - 38% - walked
   * out", "71 escaped and 38 were trapped - almost half the shift", "nearly half of the 43 injured, 29 of them": a share
   * with no figure of its own, stated after the "X of Y" of its sentence, is of that whole, and of the part nearest to
   * it — the last count of the whole's unit before it (a part of the whole, or one listed after such a part) — with no
   * other share in between. (A share before the pair is often of another whole: "At 84%, … about 13,000 of 81,000".) Null when the sentence has no such pair, or several wholes.
   */
  private besidePair(p: ClaimContext): [ClaimContext, ClaimContext] | null {
    if (p.unit !== 'percent' || p.shareOf !== undefined || (p.role && p.role !== 'subset') || p.qualifier === 'range' || !(p.value > 0 && p.value <= 100)) return null;
    const list = this.sentenceOf(p);
    let w: ClaimContext | null = null;
    let first: ClaimContext | null = null;
    for (const x of list) {
      const whole = this.claimAt(x, x.partOf);
      if (!whole || whole.sentenceStart !== p.sentenceStart) continue;
      if (w && whole !== w) return null;
      w = whole;
      first ??= x;
    }
    if (!w || !first || w.unit !== first.unit || !(w.value > 0)) return null;
    // the parts: figures linked to the whole, and figures of its unit listed after the first of them, with no role
    const parts = list.filter((x) => x !== w && x.unit === w.unit && (x.partOf === w.index || (x.partOf === undefined && !x.role && x.start > first.start)));
    const before = parts.filter((x) => x.end <= p.start);
    const a = before[before.length - 1];
    if (!a || list.some((y) => y !== p && y.unit === 'percent' && y.start > a.start && y.start < p.start)) return null;
    // (set off as an aside or a complement: not a share that names its own thing, "well above the 30% reduction
    // requested", nor a circumstance, "taking 44 of the 81 seats, with 99.8% of ballots counted")
    const rel = p.start - p.sentenceStart;
    return SHARE_BEFORE.test(p.sentence.slice(Math.max(0, rel - 12), rel)) && SHARE_AFTER.test(p.sentence.slice(p.end - p.sentenceStart, p.end - p.sentenceStart + 12)) ? [a, w] : null;
  }

  /**
   * Does z's sentence also state x's figure, as another fact than z ("was travelling at 142 km/h as it entered the
   * curve, 62% over the 80 km/h limit" against another report's "a limit of 80 km/h")? A report that gives both
   * figures tells them apart: x is that other figure, not a rival of z.
   */
  private statesBoth(x: ClaimContext, kx: ClaimKey, z: ClaimContext): boolean {
    if (x.form === 'vague') return false;
    for (const { w, kw } of this.otherFactsOf(z)) {
      if (kw.family !== kx.family) continue;
      // (the same figure, not one a round number's precision would allow: "30,000" is not "31,000"; a conversion
      // is read at the precision written: "50 mph" is "80 km/h")
      if (x.unit === w.unit ? kx.lo <= kw.hi && kw.lo <= kx.hi : kx.wlo <= kw.whi && kw.wlo <= kx.whi) return true;
    }
    return false;
  }

  /** For statesBoth: the figures of z's sentence that it tells apart from z as other facts, once per claim. */
  private otherFacts = new Map<ClaimContext, Array<{ w: ClaimContext; kw: ClaimKey }>>();
  private otherFactsOf(z: ClaimContext): Array<{ w: ClaimContext; kw: ClaimKey }> {
    let out = this.otherFacts.get(z);
    if (out) return out;
    out = [];
    const kz = this.keyOf.get(z);
    // (not a table's row: its columns may be rival counts of one thing, "Police | Organisers")
    // (nor a vague amount: "tens of thousands" is no one figure)
    if (kz && !z.cell) {
      for (const w of this.sentenceOf(z)) {
        if (w === z || w.conversionOf === z.index || z.conversionOf === w.index) continue;
        const kw = this.keyOf.get(w);
        if (!kw || w.form === 'vague' || !toldApartInSentence(w, z)) continue;
        // (a figure z's own value would allow is no other fact)
        if (kz.wlo <= kw.whi && kw.wlo <= kz.whi) continue;
        out.push({ w, kw });
      }
    }
    this.otherFacts.set(z, out);
    return out;
  }

  /** The claims of c's sentence, in text order. */
  private sentenceIndex: Map<string, ClaimContext[]> | null = null;
  private sentenceOf(c: ClaimContext): ClaimContext[] {
    if (!this.sentenceIndex) {
      this.sentenceIndex = new Map();
      for (const l of this.sentences()) this.sentenceIndex.set(`${l[0]!.docIndex}:${l[0]!.sentenceStart}`, l);
    }
    return this.sentenceIndex.get(`${c.docIndex}:${c.sentenceStart}`) ?? [c];
  }

  /**
   * "285,822 votes were 13.9% of the valid vote": the whole the percentage is of, named elsewhere in the document
   * ("Of the 2,401,870 valid votes, …"): a count whose noun phrase is the percentage's of-phrase, larger than the part.
   */
  private wholeFor(p: ClaimContext, a: ClaimContext): ClaimContext | null {
    const of = /^share of (.+)$/.exec(p.measure ?? '')?.[1];
    if (!of) return null;
    const want = lemmaPhrase(of.replace(/^(?:the|its|their|all)\s+/, ''), this.input.lexicon);
    const cands = this.input.claims.filter(
      (w) => w.document === p.document && w !== a && w.unit === 'count' && w.value > a.value && w.phrase && lemmaPhrase(w.phrase, this.input.lexicon) === want,
    );
    const values = new Set(cands.map((w) => w.value));
    return values.size === 1 ? cands[0]! : null;
  }

  // ------------------------------------------------------------------ changes

  /**
   * Changes stated with both ends in one sentence: "a margin of 11.8%, up 1.8 percentage points from 10.5%"
   * (the points must be the difference) and "net profit rose 14% to €612 million from €537 million" (the
   * percentage must be the relative change).
   */
  private changes(): void {
    for (const list of this.sentences()) {
      const pps = list.filter((c) => c.unit === 'pp');
      const pcts = list.filter((c) => c.unit === 'percent' && c.role !== 'change' && c.qualifier !== 'range');
      // two levels of one thing, the second introduced as the earlier one ("from 10.5%", "than in 2021, when 58.2% voted")
      const earlierSecond = pcts.length === 2 && (pcts.some((c) => c.role === 'history') || /\b(?:from|than|when|compared)\b/i.test(pcts[1]!.sentence.slice(pcts[0]!.end - pcts[0]!.sentenceStart, pcts[1]!.start - pcts[1]!.sentenceStart)));
      if (pps.length === 1 && pcts.length === 2 && earlierSecond) {
        const pp = pps[0]!;
        const [x, y] = pcts as [ClaimContext, ClaimContext];
        const rule = this.ruleFor('percentage', pp, x, y);
        if (rule) {
          const diff = Math.abs(x.value - y.value);
          const slack = ((pp.precision ?? 0) + (x.precision ?? 0) + (y.precision ?? 0)) / 2 + 1e-9;
          const cur = x.role === 'history' ? y : x;
          const prev = cur === x ? y : x;
          // ("almost five points" is 4.5 to 5 points: the interval the writer gave, not its rounded value)
          const within = pp.low !== null && pp.high !== null && pp.qualifier !== 'exact' && diff >= Math.min(Math.abs(pp.low), Math.abs(pp.high)) - slack && diff <= Math.max(Math.abs(pp.low), Math.abs(pp.high)) + slack;
          if (within || Math.abs(Math.abs(pp.value) - diff) <= slack) this.pass(rule, [cur, prev, pp], `${cur.text} − ${prev.text} = ${fmtNumber(diff, 2)} points, stated ${pp.text}`);
          else {
            this.add(rule, rule.severity, 'percentage-points', [cur, prev, pp], {
              measure: cur.measure,
              percent: pp.text,
              expected: `${fmtNumber(diff, 2)} percentage points`,
              part: cur.text,
              whole: prev.text,
              values: `${this.describe(cur)}, ${prev.text} before, a change of ${pp.text}`,
              why: `${cur.text} against ${prev.text} is a change of ${fmtNumber(diff, 2)} percentage points, not ${pp.text}`,
              message: `${capitalise(measureName(cur))}: ${cur.text} against ${prev.text} is a change of ${fmtNumber(diff, 2)} percentage points, not ${pp.text}`,
            }, { expected: diff, stated: pp.value });
          }
        }
      }
      const rates = list.filter((c) => c.unit === 'percent' && c.role === 'change');
      if (rates.length === 1) {
        const r = rates[0]!;
        // (levels in per cent too: "the gross margin jumped 1.9% to 47.6% from 45.7%" is a 4.2% rise, or 1.9 points)
        const prevs = list.filter((c) => c.role === 'history' && c.unit !== 'pp' && c.qualifier === 'exact');
        // (of several earlier values, the one the change is "from": "deaths have risen 50%, from 7 on Monday to 12")
        const prev = prevs.length === 1 ? prevs[0]! : prevs.find((c) => c.start > r.end && CHANGE_FROM.test(between(r, c)));
        if (prev) {
          // (the new level may be a bound or a round figure: "soared 150% … from 38,000 to nearly 85,000")
          let curs = list.filter((c) => c !== prev && c.unit === prev.unit && !c.role && c.qualifier !== 'range');
          // (or a level the change would bring: "a rise of 5.5%, which would lift the wage from 2,860 to 3,071")
          if (!curs.length) curs = list.filter((c) => c !== prev && c.unit === prev.unit && c.role === 'forecast' && c.qualifier !== 'range' && c.start > prev.end);
          // (of several levels, the one the change goes "to": "rose 28% to 1.02 billion from 840 million, and operating
          // profit reached 1.46 billion")
          // (and from that value: not "rose 4.9% to 12.7 billion and net profit reached 1.49 billion, up from 1.42 billion")
          // (or the change told after both: "net profit climbed to 688 million from 641 million, a rise of 10.7%" beside
          // another amount of the sentence)
          if (curs.length > 1) curs = curs.filter((c) => (c.start > prev.end && CHANGE_TO.test(between(prev, c))) || (c.start > r.end && c.end <= prev.start && CHANGE_TO.test(between(r, c)) && LEVEL_FROM.test(between(c, prev))) || levelThenFrom(c, prev, r));
          // (the change of the same thing as the levels: "EBIT up 16.1% …; EBIT margin of 10.2% (2023: 9.4%)" is no
          // change of the margin)
          const nr = this.keyOf.get(r)?.noun;
          const nc = curs.length === 1 ? this.keyOf.get(curs[0]!)?.noun : null;
          // (nor a change of another thing of the sentence: "profits leapt 13.5%, while its revenue swelled to 14.62bn,
          // up from 13.85bn")
          if (curs.length === 1 && prev.value && !(nr && nc && nr !== nc && (prev.unit === 'percent' || (PEOPLE_OR_MONEY_NOUN.test(nr) && PEOPLE_OR_MONEY_NOUN.test(nc))))) {
            const cur = curs[0]!;
            const rule = this.ruleFor('percentage', r, cur, prev);
            if (rule) {
              const ch = ((cur.value - prev.value) / Math.abs(prev.value)) * 100;
              // the figures' own rounding widens the change they imply
              // (two amounts of one comparison are written to one precision: "to 65 million, up 75% from 40 million" —
              // the 40 is no rounded 35 to 45 million beside the 65)
              const fine = cur.precision && prev.precision && cur.unit === prev.unit ? Math.min(cur.precision, prev.precision) : null;
              const pc = (fine ?? cur.precision ?? 0) / 2;
              const pv = (fine ?? prev.precision ?? 0) / 2;
              // ("nearly 85,000" is within a tenth below it, "more than 85,000" within a tenth above, "about 85,000" a
              // twentieth either side)
              const v = cur.value;
              const [cLo, cHi] = cur.qualifier === 'upper' ? [Math.min(v * 0.9, v - pc), v] : cur.qualifier === 'lower' ? [v, Math.max(v * 1.1, v + pc)] : cur.qualifier === 'approx' ? [Math.min(v * 0.95, v - pc), Math.max(v * 1.05, v + pc)] : [v - pc, v + pc];
              const lo = ((cLo - (prev.value + pv)) / Math.abs(prev.value + pv)) * 100;
              const hi = ((cHi - (prev.value - pv)) / Math.abs(prev.value - pv || 1)) * 100;
              // (a whole per cent stated exactly is no rounded ten: "up 50%" is not 45% to 55%)
              const half = (r.qualifier === 'exact' ? Math.min(r.precision ?? 1, 1) : r.precision ?? 1) / 2;
              const stated = Math.abs(r.value);
              const ok = stated >= Math.min(Math.abs(lo), Math.abs(hi)) - half - 1e-9 && stated <= Math.max(Math.abs(lo), Math.abs(hi)) + half + 1e-9;
              const pointsAsPercent = cur.unit === 'percent' && Math.abs(Math.abs(cur.value - prev.value) - stated) <= half + pc + pv + 1e-9;
              if (ok) this.pass(rule, [prev, cur, r], `${prev.text} → ${cur.text} is a change of ${fmtNumber(ch, 1)}%, stated ${r.text}`);
              else {
                this.add(rule, rule.severity, 'percent-change', [prev, cur, r], {
                  measure: cur.measure,
                  percent: r.text,
                  expected: `${fmtNumber(ch, 1)}%`,
                  part: cur.text,
                  whole: prev.text,
                  values: `${this.describe(r)}: ${prev.text} → ${cur.text}`,
                  why: pointsAsPercent ? `from ${prev.text} to ${cur.text} is ${fmtNumber(cur.value - prev.value, 2)} percentage points, a change of ${fmtNumber(ch, 1)}% — ${r.text} gives the points as per cent` : `from ${prev.text} to ${cur.text} is a change of ${fmtNumber(ch, 1)}%, not ${r.text}`,
                  message: pointsAsPercent ? `${capitalise(measureName(cur))}: from ${prev.text} to ${cur.text} is a ${cur.value < prev.value ? 'fall' : 'rise'} of ${fmtNumber(Math.abs(cur.value - prev.value), 2)} percentage points (${fmtNumber(Math.abs(ch), 1)}% in relative terms), not ${r.text}` : `${capitalise(measureName(cur))}: from ${prev.text} to ${cur.text} is a change of ${fmtNumber(ch, 1)}%, not ${r.text}`,
                }, { expected: ch, stated: r.value });
              }
            }
          }
        }
      }
    }
  }

  /**
   * "The margin widened 1.1% to 37.0%" and "the margin reached 37.0%, up 1.1 percentage points": a change in per cent
   * and one in points of the same size whose sentences name the same level of the rate are one change, however
   * differently the two name the rate, its holder or its period.
   */
  private sameLevel(r: ClaimContext, p: ClaimContext): boolean {
    const lp = this.levelsBeside(p);
    if (!lp.length) return false;
    return this.levelsBeside(r).some((a) => lp.some((b) => Math.abs(a.value - b.value) <= Math.max(a.precision ?? 0, b.precision ?? 0) / 2 + 1e-9));
  }

  /**
   * The levels of a rate in x's sentence besides x ("rose 1.9% to 47.6% from 45.7%": 47.6% and 45.7%); for a table
   * cell, in its row ("| Load factor (%) | 88.4 | 86.5 | +1.9 pp |": a cell is a sentence of its own).
   */
  private levelsBeside(x: ClaimContext): ClaimContext[] {
    return (x.cell ? this.rowOf(x) : this.sentenceOf(x)).filter((c) => c !== x && c.unit === 'percent' && c.role !== 'change' && c.qualifier === 'exact');
  }

  /**
   * A change of a rate given in points in one place and as the same number in per cent in another: "the EBITDA
   * margin rose 1.1 percentage points" and "the EBITDA margin was up 1.1%". A change in points is not a change in
   * per cent (1.1 points on a 28% margin is a 3.9% rise), so one of the two misstates it.
   */
  private pointsAsPercent(): void {
    const { claims, keys } = this.aligned;
    const pps: number[] = [];
    const pcts: number[] = [];
    claims.forEach((c, i) => {
      if (pointsOf(c) !== null && c.qualifier !== 'range' && c.value) pps.push(i);
      else if (c.unit === 'percent' && c.role === 'change' && c.qualifier !== 'range' && c.value) pcts.push(i);
    });
    if (!pps.length || !pcts.length) return;
    for (const i of pcts) {
      const r = claims[i]!;
      // every statement of the change in points it contradicts (the release, its table, another paper)
      const points: ClaimContext[] = [];
      for (const j of pps) {
        const p = claims[j]!;
        if (p.docIndex === r.docIndex && p.sentenceStart === r.sentenceStart) continue;
        const pv = pointsOf(p)!;
        const half = ((r.precision ?? 0.1) + (p.precision ?? 0.1) * (pv / p.value)) / 2;
        if (Math.abs(Math.abs(r.value) - Math.abs(pv)) > half / 2 + 1e-9) continue;
        // the same rate of the same holder, at the same time (compared as the points they claim to be: "rose 1.1
        // points" names no change role)
        const rel = relateFacts(new ClaimFacts({ ...r, role: p.role }, { ...keys[i]!, family: keys[j]!.family }), new ClaimFacts(p, keys[j]!));
        if ((rel.comparable && (rel.time === 'same' || rel.near) && rel.scope !== 'different') || this.sameLevel(r, p)) points.push(p);
      }
      if (!points.length) continue;
      const p = points[0]!;
      const rule = this.ruleFor('percentage', r, ...points);
      if (!rule) continue;
      // (with the levels told beside the per cent, which show the change is one of points: "to 47.6% from 45.7%")
      this.add(rule, rule.severity, 'percentage-points', [r, ...this.levelsBeside(r), ...points], {
        measure: p.measure,
        percent: r.text,
        expected: p.text,
        part: r.text,
        whole: p.text,
        values: `${this.describe(r)}; ${points.map((x) => this.describe(x)).join('; ')}`,
        why: `${p.text} is a change in points; ${r.text} gives it as a change in per cent`,
        message: `${capitalise(measureName(p))}: the change is given as ${p.text} and as ${r.text}; a change in percentage points is not a change in per cent`,
      }, { expected: p.value, stated: r.value });
    }
  }

  // ------------------------------------------------------------------ sum

  private sums(): void {
    const rulesExist = this.rulesOf('sum').length > 0;
    if (!rulesExist) return;
    for (const block of this.aligned.blocks) {
      // per document: totals (no place named) against parts (distinct places) of one event
      const byDoc = new Map<string, ClaimContext[]>();
      for (const i of block) {
        const c = this.aligned.claims[i]!;
        let l = byDoc.get(c.document);
        if (!l) byDoc.set(c.document, (l = []));
        l.push(c);
      }
      for (const [, list] of [...byDoc.entries()].sort((x, y) => compareCodeUnits(x[0], y[0]))) {
        if (list.length < 3) continue;
        // the total nearest the places is the one the breakdown refers to (a headline restates it): each breakdown is
        // checked once, against it
        const scoped = list.filter((c) => c.scopeKey);
        const anchor = scoped.length ? scoped.reduce((s, c) => s + c.span.start, 0) / scoped.length : 0;
        const totals = list
          .filter((c) => c.qualifier !== 'lower' && c.form !== 'vague' && !c.role)
          .sort((x, y) => Math.abs(x.span.start - anchor) - Math.abs(y.span.start - anchor) || x.span.start - y.span.start);
        const checked = new Set<string>();
        for (const t of totals) {
          const kt = this.keyOf.get(t)!;
          if (this.placeWithinWhole(t, list)) continue;
          const parts = new Map<string, ClaimContext>();
          for (const c of list) {
            // ("nationwide" is the whole, never one of its parts)
            if (c === t || !c.scopeKey || c.scopeKey === t.scopeKey || c.scopeKey === 'national' || c.form === 'vague' || c.qualifier === 'upper' || c.qualifier === 'approx') continue;
            if (c.role && c.role !== 'subset') continue;
            // (the rows of one list are siblings: "Tolvio: 14,800" is no total of "Sarrat: 8,300" below it)
            if (t.list !== undefined && t.scopeKey && c.list === t.list) continue;
            // (a live report's entries at other times of the day are no breakdown of this one: "16:10 – Police: 31,000 in
            // the capital", "17:05 – … 47,800 marched in Kessenburg")
            if (c.clock != null && t.clock != null && c.clock !== t.clock) continue;
            // ("12 confirmed dead: seven in Ambry, three in Calloway …": parts of the total told with them, checked there)
            if (c.role === 'subset' && list.some((o) => o !== c && !o.role && !o.scopeKey && o.sentenceStart === c.sentenceStart && o.value > c.value && o.span.start < c.span.start)) continue;
            // police counts are parts of the police total, not of the organisers' claim
            if (this.rivalSources(c, t)) continue;
            if (this.brokenOutOfOther(c, t)) continue;
            const kc = this.keyOf.get(c)!;
            if (kc.event !== kt.event || kc.noun !== kt.noun || c.sentenceStart === t.sentenceStart) continue;
            const tr = timeRelation(c, t, kc, kt);
            if (tr === 'earlier' || tr === 'later') continue;
            // a "part" as large as the total is no part of it: the total restated with its place ("87 homes in Sierra Calva")
            if ((c.low ?? c.value) >= (t.high ?? Infinity)) continue;
            if (!parts.has(c.scopeKey)) parts.set(c.scopeKey, c);
          }
          // one figure given for a place and for what it is ("42,000 in Aldreth", "42,000 in the capital") is one part
          for (const [key, c] of [...parts]) {
            if (!this.input.lexicon.placeNouns.has(key)) continue;
            for (const o of parts.values()) if (o !== c && o.value === c.value && !this.input.lexicon.placeNouns.has(o.scopeKey!)) parts.delete(key);
          }
          // (and one figure given for one place named more and less fully, "126 in Vellmark's Dravenna region" and "126 in
          // the Dravenna region of western Vellmark": every name of the one is in the other)
          const names = (k: string) => k.split(' ').filter((w) => !this.input.lexicon.placeNouns.has(w));
          for (const [key, c] of [...parts]) {
            const mine = names(key);
            for (const [k2, o] of parts) if (k2 !== key && o.value === c.value && mine.length > 0 && mine.every((w) => names(k2).includes(w))) { parts.delete(key); break; }
          }
          // the parts of one total come from one source
          const attributed = [...parts.values()].filter((c) => c.attributionKey && !this.input.lexicon.genericSources.has(c.attributionKey));
          if (attributed.some((c) => this.rivalSources(c, attributed[0]!))) continue;
          if (parts.size < 2) continue;
          const ps = [...parts.values()];
          const partsKey = `${fmtNumber(t.value)}|${ps.map((c) => c.span.start).join(',')}`;
          if (checked.has(partsKey)) continue;
          checked.add(partsKey);
          const rule = this.ruleFor('sum', t, ...ps);
          if (!rule) continue;
          const sum = ps.reduce((s, c) => s + (c.low ?? c.value), 0);
          const limit = (t.high ?? Infinity) * (1 + rule.params.tolerance) + (t.precision ?? 0) / 2;
          if (sum <= limit) {
            this.pass(rule, [...ps, t], `parts ${ps.map((c) => c.text).join(' + ')} = ${fmtNumber(sum)} ≤ ${t.text}`);
            continue;
          }
          this.add(rule, rule.severity, 'sum', [...ps, t], {
            measure: t.measure,
            parts: ps.map((c) => `${c.text} in ${c.scope}`).join(' + '),
            total: t.text,
            expected: fmtNumber(sum),
            difference: fmtNumber(sum - t.value),
            values: `${ps.map((c) => this.describe(c)).join(' + ')} vs ${this.describe(t)}`,
            why: `the parts add up to ${fmtNumber(sum)}, more than the total of ${t.text}`,
          }, { sum, total: t.value });
        }
      }
    }
  }

  /**
   * A total of one named place that its document also counts inside a larger whole ("41,300 nationwide", "12,800 in the
   * capital"): the other places it names are its siblings, not its parts.
   */
  private placeWithinWhole(t: ClaimContext, list: ClaimContext[]): boolean {
    if (!t.scopeKey || t.scopeKey === 'national') return false;
    const kt = this.keyOf.get(t)!;
    return list.some((o) => {
      if (o === t || (o.scopeKey && o.scopeKey !== 'national') || o.role || o.form === 'vague' || o.qualifier === 'upper' || (o.low ?? o.value) <= (t.high ?? t.value) * 1.5) return false;
      const ko = this.keyOf.get(o)!;
      if (ko.event !== kt.event || ko.noun !== kt.noun) return false;
      const tr = timeRelation(o, t, ko, kt);
      return tr !== 'earlier' && tr !== 'later';
    });
  }

  /**
   * A figure its sentence gives as a part of another, larger figure ("put turnout at 96,000, of whom 31,000 were in
   * Ardenza"): a part of that figure, not of a total that differs from it.
   */
  private brokenOutOfOther(c: ClaimContext, t: ClaimContext): boolean {
    for (const o of this.sentenceOf(c)) {
      if (o === c || o === t || o.span.start >= c.span.start || o.unit !== c.unit || o.value <= c.value) continue;
      if (Math.abs(o.value - t.value) <= Math.max(t.precision ?? 0, o.precision ?? 0)) continue;
      const between = c.sentence.slice(o.end - c.sentenceStart, c.start - c.sentenceStart);
      if (BROKEN_OUT.test(between)) return true;
    }
    return false;
  }

  /** Two figures from two named sources ("police count 18,000", "the union says 45,000"); "officials" rival no one. */
  private rivalSources(a: ClaimContext, b: ClaimContext): boolean {
    const x = a.attributionKey;
    const y = b.attributionKey;
    const generic = this.input.lexicon.genericSources;
    return !!(x && y && x !== y && !generic.has(x) && !generic.has(y));
  }

  /** "Europe generated 46% of revenue, the Americas 29% and Asia-Pacific 27%": shares of one whole cannot pass 100%. */
  private shareSums(): void {
    if (!this.rulesOf('sum').length) return;
    for (const list of this.sentences((c) => !(c.unit !== 'percent' || c.role || c.qualifier === 'lower' || c.qualifier === 'range' || !c.holder))) {
      const holders = new Map<string, ClaimContext>();
      for (const c of list) if (!holders.has(c.holder!.toLowerCase())) holders.set(c.holder!.toLowerCase(), c);
      const parts = [...holders.values()];
      if (parts.length < 2) continue;
      const rule = this.ruleFor('sum', ...parts);
      if (!rule) continue;
      const sum = parts.reduce((x, c) => x + (c.low ?? c.value), 0);
      const slack = parts.reduce((x, c) => x + (c.precision ?? 0) / 2, 0);
      if (sum <= 100 + slack + 1e-9) continue;
      this.add(rule, rule.severity, 'sum', parts, {
        measure: parts[0]!.measure,
        parts: parts.map((c) => `${c.text} (${c.holder})`).join(' + '),
        total: '100%',
        expected: `${fmtNumber(sum, 1)}%`,
        message: `Shares of one whole add up to ${fmtNumber(sum, 1)}%, more than 100%: ${parts.map((c) => `${c.text} (${c.holder})`).join(' + ')}`,
        difference: `${fmtNumber(sum - 100, 1)} points`,
        values: parts.map((c) => this.describe(c)).join(' + '),
        why: `shares of one whole add up to ${fmtNumber(sum, 1)}%, more than 100%`,
      }, { sum });
    }
    this.partitionSums();
  }

  /**
   * "58% of teachers struck, 38% worked normally and 9% were on authorised leave": the shares after the first, with
   * no whole of their own, split the first one's whole, so together they cannot pass 100%.
   */
  private partitionSums(): void {
    for (const list of this.sentences((c) => c.unit === 'percent' && !c.role && c.qualifier === 'exact')) {
      if (list.length < 3) continue;
      list.sort(byPosition);
      const after = (c: ClaimContext) => c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 30);
      const before = (c: ClaimContext) => c.sentence.slice(Math.max(0, c.start - c.sentenceStart - 6), c.start - c.sentenceStart);
      for (let i = 0; i + 2 < list.length; i++) {
        if (!/^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?[a-z]/i.test(after(list[i]!))) continue;
        const run = [list[i]!];
        for (let j = i + 1; j < list.length; j++) {
          const c = list[j]!;
          const gap = c.sentence.slice(run[run.length - 1]!.end - c.sentenceStart, c.start - c.sentenceStart);
          if (!/(?:,|\band)\s*$/.test(before(c)) || /\d/.test(gap) || /^\s+(?:of|in|from|on)\b/i.test(after(c)) || /[;:]/.test(gap)) break;
          run.push(c);
        }
        if (run.length < 3) continue;
        const rule = this.ruleFor('sum', ...run);
        if (!rule) continue;
        const sum = run.reduce((x, c) => x + c.value, 0);
        const slack = run.reduce((x, c) => x + (c.precision ?? 1) / 2, 0);
        if (sum <= 100 + slack + 1e-9) continue;
        this.add(rule, rule.severity, 'sum', run, {
          measure: run[0]!.measure,
          parts: run.map((c) => c.text).join(' + '),
          total: '100%',
          expected: `${fmtNumber(sum, 1)}%`,
          message: `Shares of one whole add up to ${fmtNumber(sum, 1)}%, more than 100%: ${run.map((c) => c.text).join(' + ')}`,
          difference: `${fmtNumber(sum - 100, 1)} points`,
          values: run.map((c) => this.describe(c)).join(' + '),
          why: `shares of one whole add up to ${fmtNumber(sum, 1)}%, more than 100%`,
        }, { sum });
        i += run.length - 1;
      }
    }
  }

  /**
   * "In all, 1,400 firefighters are on the ground: 900 from …, 350 from … and 250 from …": a total followed by
   * its breakdown in one sentence must equal the sum of the parts (at least cover it, after "including").
   */
  private enumerations(): void {
    if (!this.rulesOf('sum').length) return;
    for (const list of this.sentences()) {
      if (list.length < 3) continue;
      for (let i = 0; i < list.length - 2; i++) {
        const t = list[i]!;
        if (t.qualifier !== 'exact' || t.role === 'reference') continue;
        const after = t.sentence.slice(t.end - t.sentenceStart, list[i + 1]!.start - t.sentenceStart);
        // ("58 (week 37: 47; week 36: 39)": a colon inside a bracket labels other values, not a breakdown of 58)
        const colon = !after.includes('(') && (/:\s*$/.test(after) || /[:;]\s*(?:[a-z]+\s+){0,2}$/.test(after));
        const including = /\b(?:including|includes|include|included|comprising|comprises|of whom|of which|among them|made up of|consisting of|consists of)\b/i.test(after);
        // "Of the 396 people on board, 26 are dead, 118 injured, four missing and 256 unhurt": parts of the lead figure
        const ofLead = /^\W*of\s+(?:the|its|their|all|these|those)\s*$/i.test(t.sentence.slice(0, t.start - t.sentenceStart)) && /^[^,;:.]{0,60},\s*$/.test(after);
        if (!colon && !including && !ofLead) continue;
        if (t.role === 'whole' && !ofLead) continue;
        // ("Of the 26 men rescued, 21 were taken to hospital, and 16 of them are still there": a part of a part is no
        // part of the whole's breakdown)
        const listed = breakdownOf(t, list.slice(i + 1), ofLead).filter((c) => c.unit === t.unit && c.qualifier === 'exact' && c.role !== 'history');
        const parts = listed.filter((c) => c.partOf === undefined || !listed.some((o) => o !== c && o.index === c.partOf));
        if (parts.length < 2) continue;
        const kt = this.keyOf.get(t)!;
        // money is broken down by purpose ("$1.2 billion, including $400 million for … and $900 million in …")
        // (the parts of "Of the 396 people on board, …" are of those people, however each is worded)
        if (!ofLead && !/^[A-Z]{3}$/.test(kt.family) && !parts.every((c) => { const k = this.keyOf.get(c)!; return k.noun === kt.noun || k.noun === null; })) continue;
        const rule = this.ruleFor('sum', t, ...parts);
        if (!rule) continue;
        const tol = sumTolerance(rule, t);
        const exhaustive = (colon && /\b(?:in all|in total|all told|altogether|overall|total)\b/i.test(t.sentence.slice(0, t.start - t.sentenceStart + 40))) || ((ofLead || colon) && nearTotal(parts, t));
        this.partsAgainstTotal(rule, parts, t, exhaustive, tol);
      }
    }
    this.ofThoseBreakdowns();
  }

  /**
   * "The 6 p.m. briefing put the number evacuated at 9,300. Of those, 4,100 are from Brenholm, 3,200 from Lisk and
   * 1,600 from Hennow": a sentence that opens "Of those" breaks down the last figure of the sentence before.
   */
  private ofThoseBreakdowns(): void {
    const lists = this.sentences();
    for (let n = 1; n < lists.length; n++) {
      const list = lists[n]!;
      const first = list[0]!;
      if (!OF_THOSE.test(first.sentence)) continue;
      const prevList = lists[n - 1]!;
      const last = prevList[prevList.length - 1]!;
      if (last.docIndex !== first.docIndex || first.sentenceStart - (last.sentenceStart + last.sentence.length) > 3) continue;
      const t = last;
      if (t.qualifier !== 'exact' || (t.role && t.role !== 'whole') || t.dimension === 'percent') continue;
      const parts = list.filter((c) => c.unit === t.unit && c.qualifier === 'exact' && !c.role);
      if (parts.length < 2 || parts.length !== list.filter((c) => c.unit === t.unit).length) continue;
      const rule = this.ruleFor('sum', t, ...parts);
      if (!rule) continue;
      const tol = sumTolerance(rule, t);
      this.partsAgainstTotal(rule, parts, t, nearTotal(parts, t), tol);
    }
  }

  /**
   * A total then its parts, each of a thing the sentence named before: "Karsby and Portmere airports together cancelled
   * 318 flights on Monday, 212 and 96 respectively". The parts must add up to the total.
   */
  private respectiveParts(): void {
    if (!this.rulesOf('sum').length) return;
    for (const list of this.sentences()) {
      for (let i = 0; i + 2 < list.length; i++) {
        const t = list[i]!;
        const [a, b] = [list[i + 1]!, list[i + 2]!];
        if (t.qualifier !== 'exact' || a.qualifier !== 'exact' || b.qualifier !== 'exact' || t.role === 'change' || a.unit !== t.unit || b.unit !== t.unit) continue;
        const s = t.sentence;
        const before = s.slice(0, t.start - t.sentenceStart);
        const between = s.slice(t.end - t.sentenceStart, a.start - t.sentenceStart);
        const join = s.slice(a.end - t.sentenceStart, b.start - t.sentenceStart);
        const after = s.slice(b.end - t.sentenceStart, b.end - t.sentenceStart + 20);
        if (!TOGETHER.test(before) || !/^\s*and\s*$/.test(join) || !/^\s*respectively\b/i.test(after) || !/,\s*$/.test(between) || /\d/.test(between)) continue;
        const rule = this.ruleFor('sum', t, a, b);
        if (!rule) continue;
        this.partsAgainstTotal(rule, [a, b], t, true, sumTolerance(rule, t));
      }
    }
  }

  /**
   * Parts named first, then their total: "12 helicopters and 6 air tankers, 14 aircraft in all, were dropping water".
   * The total must be what the parts add up to.
   */
  private totalsAfterParts(): void {
    if (!this.rulesOf('sum').length) return;
    for (const list of this.sentences()) {
      for (let i = 2; i < list.length; i++) {
        const t = list[i]!;
        if (t.qualifier !== 'exact' || t.role === 'reference' || t.role === 'forecast') continue;
        const rest = t.sentence.slice(t.end - t.sentenceStart, t.end - t.sentenceStart + 40);
        // ("168 passengers and 14 crew - 186 souls - aboard": a total set off by dashes after its parts)
        const dashed = /\s[-–—]\s?$/.test(t.sentence.slice(Math.max(0, t.start - t.sentenceStart - 3), t.start - t.sentenceStart)) && DASHED_AFTER.test(rest);
        if (!IN_ALL.test(rest) && !dashed) continue;
        // the run of figures just before it, joined by commas and "and"
        const parts: ClaimContext[] = [];
        for (let j = i - 1; j >= 0; j--) {
          const c = list[j]!;
          const next = parts.length ? parts[parts.length - 1]! : t;
          const gap = t.sentence.slice(c.end - t.sentenceStart, next.start - t.sentenceStart);
          if (c.unit !== t.unit || c.qualifier !== 'exact' || !(next === t ? totalJoin(gap) : partJoin(gap))) break;
          parts.push(c);
        }
        if (parts.length < 2) continue;
        parts.reverse();
        const rule = this.ruleFor('sum', t, ...parts);
        if (!rule) continue;
        this.partsAgainstTotal(rule, parts, t, true, sumTolerance(rule, t));
      }
    }
  }

  /**
   * A table closed by one total row ("Old Town 17, Harbour 12, Velde 9, Castel Hill 3, Total 43"): in each column the
   * rows above the total must add up to it.
   */
  private tableTotals(): void {
    if (!this.rulesOf('sum').length) return;
    const byColumn = new Map<string, ClaimContext[]>();
    for (const c of this.input.claims) {
      const cell = c.cell;
      if (!cell || cell.totalRow === null || cell.row > cell.totalRow) continue;
      const k = `${c.docIndex}|${cell.table}|${cell.col}`;
      const l = byColumn.get(k);
      if (l) l.push(c);
      else byColumn.set(k, [c]);
    }
    for (const list of byColumn.values()) {
      const t = list.find((c) => c.cell!.row === c.cell!.totalRow);
      if (!t || t.qualifier !== 'exact' || t.role === 'change') continue;
      // (a column of rates by row closed by the whole's rate is no sum: "Pellmouth 41.8 … Drennick 36.0 … National 34.6"
      // in a "% on strike" column; only shares of one whole add up, to 100)
      if (t.unit === 'percent' && Math.abs(t.value - 100) > 1) continue;
      // ("Mobile 14.82 / of which postpaid 6.14 / of which prepaid 8.68": a row "of which" breaks down the row above)
      const rows = list.filter((c) => c !== t && !SUB_ROW.test(c.measure ?? ''));
      const parts = rows.filter((c) => c.unit === t.unit && c.qualifier === 'exact' && c.role !== 'change' && c.role !== 'history');
      // (every row of the column must be a plain figure in the total's unit, or the column is no breakdown)
      if (parts.length < 2 || parts.length !== rows.length) continue;
      const rule = this.ruleFor('sum', t, ...parts);
      if (!rule) continue;
      this.partsAgainstTotal(rule, parts, t, true, sumTolerance(rule, t, parts));
    }
  }

  /**
   * A list of labelled amounts closed by a labelled total ("- National government: €1.2 billion", "- European Union:
   * €450 million", "- City: €1.5 billion", "Total: €3.35 billion"): the items must add up to the total.
   */
  private listTotals(): void {
    if (!this.rulesOf('sum').length) return;
    const claims = this.input.claims;
    const labelled = (c: ClaimContext) => {
      const before = c.sentence.slice(0, c.start - c.sentenceStart);
      const after = c.sentence.slice(c.end - c.sentenceStart);
      return LIST_LABEL.test(before) && LIST_VALUE_REST.test(after) ? before : null;
    };
    for (let i = 0; i < claims.length; i++) {
      const t = claims[i]!;
      const label = labelled(t);
      if (!label || !TOTAL_LABEL.test(label) || t.qualifier !== 'exact') continue;
      const parts: ClaimContext[] = [];
      for (let j = i - 1; j >= 0; j--) {
        const c = claims[j]!;
        const next = parts.length ? parts[parts.length - 1]! : t;
        if (c.docIndex !== t.docIndex || c.unit !== t.unit || next.sentenceStart - (c.sentenceStart + c.sentence.length) > 4) break;
        const l = labelled(c);
        if (!l || TOTAL_LABEL.test(l) || c.qualifier !== 'exact' || c.sentenceStart === next.sentenceStart) break;
        if (SUB_ROW.test(l)) continue;
        parts.push(c);
      }
      if (parts.length < 2) continue;
      parts.reverse();
      const rule = this.ruleFor('sum', t, ...parts);
      if (!rule) continue;
      const tol = sumTolerance(rule, t, parts);
      this.partsAgainstTotal(rule, parts, t, true, tol, t.dimension === 'currency' ? (x) => fmtMoney(x, t.unit, 3) : undefined, 'listed amounts');
    }
  }

  /**
   * Stated parts against their stated total: a check that held, or a finding. Exhaustive parts must make the total;
   * others must not pass it.
   */
  private partsAgainstTotal(rule: RuleOf<'sum'>, parts: ClaimContext[], t: ClaimContext, exhaustive: boolean, tol: number, amount: (x: number) => string = (x) => fmtNumber(x), partsWord = 'parts'): void {
    const sum = parts.reduce((x, c) => x + c.value, 0);
    const list = parts.map((c) => c.text).join(' + ');
    if (exhaustive ? Math.abs(sum - t.value) <= tol : sum <= t.value + tol) {
      this.pass(rule, [...parts, t], `${list} = ${amount(sum)}, ${exhaustive ? 'the' : 'within the'} total of ${t.text}`);
      return;
    }
    this.add(rule, rule.severity, 'sum', [...parts, t], {
      measure: t.measure,
      parts: list,
      total: t.text,
      expected: amount(sum),
      difference: amount(sum - t.value),
      values: `${list} vs ${this.describe(t)}`,
      why: `the ${partsWord} add up to ${amount(sum)}, ${sum > t.value ? 'more' : 'less'} than the total of ${t.text}`,
    }, { sum, total: t.value });
  }

  // ------------------------------------------------------------------ rate

  private rates(): void {
    if (!this.rulesOf('rate').length) return;
    const byDoc = new Map<string, ClaimContext[]>();
    for (const c of this.input.claims) {
      let l = byDoc.get(c.document);
      if (!l) byDoc.set(c.document, (l = []));
      l.push(c);
    }
    for (const [, list] of [...byDoc.entries()].sort((x, y) => compareCodeUnits(x[0], y[0]))) {
      this.perCapita(list);
      const rates = list.filter((c) => c.dimension === 'rate' && /^count\/(day|week|month|year)$/.test(c.unit));
      if (!rates.length) continue;
      for (const r of rates) {
        const kr = this.keyOf.get(r)!;
        const per = r.unit.split('/')[1]!;
        const perDays = per === 'day' ? 1 : per === 'week' ? 7 : per === 'month' ? 30.436875 : 365.2425;
        for (const t of list) {
          if (t === r || t.unit !== 'count' || !t.time || !t.time.start || !t.time.end || t.time.text === 'document date') continue;
          const kt = this.keyOf.get(t)!;
          if (!kr.noun || kr.noun !== kt.noun || (kr.event && kt.event && kr.event !== kt.event)) continue;
          const days = daysBetween(t.time.start, t.time.end) + 1;
          const rule = this.ruleFor('rate', r, t);
          if (!rule || days < rule.params.min_period_days) continue;
          const expLo = (r.low ?? r.value) * (days / perDays);
          const expHi = (r.high ?? r.value) * (days / perDays);
          const tol = rule.params.tolerance;
          const ok = (t.high ?? Infinity) >= expLo * (1 - tol) && (t.low ?? t.value) <= expHi * (1 + tol);
          const period = `${days} days (${fmtDate(t.time.start)} to ${fmtDate(t.time.end)})`;
          const expected = fmtNumber((r.value * days) / perDays, 0);
          if (ok) {
            this.pass(rule, [r, t], `${r.text} a ${per} over ${period} ≈ ${expected}, stated ${t.text}`);
            continue;
          }
          this.add(rule, rule.severity, 'rate', [r, t], {
            measure: t.measure,
            rate: `${r.text} a ${per}`,
            total: t.text,
            period,
            expected,
            values: `${this.describe(r)} vs ${this.describe(t)}`,
            why: `${r.text} a ${per} over ${period} is about ${expected}, not ${t.text}`,
          }, { expected: (r.value * days) / perDays, stated: t.value, days });
        }
      }
    }
  }

  /**
   * "412 cases … With a population of 1.38 million, the rate is 39.9 per 100,000": a rate per so many people must be
   * the count of the same thing over the population the article gives (here 29.9).
   */
  private perCapita(list: ClaimContext[]): void {
    const pops = list.filter((c) => c.unit === 'count' && c.value > 0 && /^population$/i.test(c.measure ?? '') && c.form !== 'vague');
    if (!pops.length) return;
    for (const r of list) {
      const per = /^count\/(\d+)$/.exec(r.unit);
      if (!per || r.role) continue;
      const base = Number(per[1]);
      const kr = this.keyOf.get(r)!;
      if (!kr.noun) continue;
      // the population nearest the rate, and the nearest count of the same thing before it, in the same place
      const pop = pops.reduce<ClaimContext | null>((b, p) => (!b || Math.abs(p.span.start - r.span.start) < Math.abs(b.span.start - r.span.start) ? p : b), null)!;
      if (Math.abs(pop.span.start - r.span.start) > 600) continue;
      let count: ClaimContext | null = null;
      for (const t of list) {
        if (t.unit !== 'count' || t.role || t === pop || t.span.start > r.span.start || r.span.start - t.span.start > 1500 || t.form === 'vague') continue;
        if (this.keyOf.get(t)!.noun !== kr.noun || (t.scopeKey && r.scopeKey && t.scopeKey !== r.scopeKey)) continue;
        if (!count || t.span.start > count.span.start) count = t;
      }
      if (!count) continue;
      const rule = this.ruleFor('rate', r, count, pop);
      if (!rule) continue;
      const expected = (count.value / pop.value) * base;
      // the figures' written precision and the rule's tolerance
      const lo = ((count.low ?? count.value) / (pop.high ?? pop.value)) * base;
      const hi = ((count.high ?? count.value) / (pop.low ?? pop.value)) * base;
      const tol = rule.params.tolerance;
      const half = (r.precision ?? 0) / 2;
      const ok = (r.high ?? r.value) + half >= lo * (1 - tol) && (r.low ?? r.value) - half <= hi * (1 + tol);
      const shown = `${fmtNumber(expected, expected < 100 ? 1 : 0)} per ${fmtNumber(base)}`;
      if (ok) {
        this.pass(rule, [count, pop, r], `${count.text} over a population of ${pop.text} is ${shown}, stated ${r.text}`);
        continue;
      }
      this.add(rule, rule.severity, 'rate', [count, pop, r], {
        measure: r.measure,
        rate: `${r.text} per ${fmtNumber(base)}`,
        total: count.text,
        period: `a population of ${pop.text}`,
        expected: shown,
        values: `${this.describe(count)} / ${this.describe(pop)} vs ${this.describe(r)}`,
        why: `${count.text} over a population of ${pop.text} is ${shown}, not ${r.text}`,
      }, { expected, stated: r.value });
    }
  }

  // ------------------------------------------------------------------ mismatch and scope

  /** Is a figure dated the day its document came out, and no other time ("document date", "on Saturday morning")? */
  private ofItsDay(c: ClaimContext): boolean {
    return !!c.time?.start && c.time.start === c.time.end && c.time.start === this.docDate.get(c.document);
  }

  private mismatches(): void {
    const { claims, keys, blocks, ambiguous } = this.aligned;
    interface Edge {
      a: ClaimContext;
      b: ClaimContext;
      rule: RuleSpec;
      severity: SubSeverity;
      kind: string;
      why: string;
    }
    const edges: Edge[] = [];
    const passes = new Map<RuleSpec, Set<ClaimContext>[]>();
    const twins = this.twinOf;
    for (const block of this.crossBlocks.length ? [...blocks, ...this.crossBlocks] : blocks) {
      // (a block of converted twins: only a twin and an amount of the other currency are compared, the rest are
      // compared in their own blocks)
      const cross = !!twins.size && block.some((i) => twins.has(claims[i]!));
      const agree: ClaimContext[][] = [];
      const firstEdge = edges.length;
      // (pairs of figures where one report states both, as two facts: see statesBoth)
      const told: ClaimContext[][] = [];
      // each claim's rank among its document's claims in this block: a document with hundreds of figures of one
      // thing (a scraped table, a generated page) compares each with its WINDOW nearest, so the work stays linear
      const rank = new Int32Array(block.length);
      const perDoc = new Map<number, number>();
      for (let x = 0; x < block.length; x++) {
        const d = claims[block[x]!]!.docIndex;
        const r = perDoc.get(d) ?? 0;
        rank[x] = r;
        perDoc.set(d, r + 1);
      }
      const facts = block.map((i) => new ClaimFacts(claims[i]!, keys[i]!));
      // (each figure's window test once per block, not once per pair)
      const windows = block.map((i) => isWindow(claims[i]!));
      // two figures of different places stated together ("58 arrested nationwide, 37 of them in the capital"): the
      // document explains their scopes, and other reports of the same two figures need no scope note
      const together = new Map<string, ClaimFacts[]>();
      for (const f of facts) {
        const k = `${f.docIndex}:${f.claim.sentenceStart}`;
        const l = together.get(k);
        if (l) l.push(f);
        else together.set(k, [f]);
      }
      // a figure its own report corrects later on ("Correction: net profit was 1.94bn, not the figure we gave at
      // 07:04"; "… 1.94bn, not 1.49bn as first reported"): withdrawn, compared with nothing
      const corrected = new Set<ClaimContext>();
      for (let x = 0; x < block.length; x++) {
        const f = facts[x]!;
        if (!CORRECTION.test(f.claim.sentence)) continue;
        for (let y = 0; y < block.length; y++) {
          const g = facts[y]!;
          if (g === f || g.docIndex !== f.docIndex || g.key.v === f.key.v || g.claim.unit !== f.claim.unit) continue;
          const same = g.claim.sentenceStart === f.claim.sentenceStart;
          if (same ? !/\bnot\s+(?:the\s+)?$/i.test(g.claim.sentence.slice(Math.max(0, g.claim.start - g.claim.sentenceStart - 12), g.claim.start - g.claim.sentenceStart)) : g.claim.start > f.claim.start) continue;
          if (same || relateFacts(f, g).comparable) corrected.add(g.claim);
        }
      }
      const explained = new Set<string>();
      for (const l of together.values()) for (const f of l) for (const g of l) if (f.key.v < g.key.v && (f.claim.scopeKey || g.claim.scopeKey) && f.claim.scopeKey !== g.claim.scopeKey) explained.add(`${f.key.v}|${g.key.v}`);
      // a value a report withdraws ("Some early reports gave … 946 hPa. That value … should not be used", "the 3.4 m
      // reported on Tuesday … has been withdrawn"): the reports of it up to that report's date are explained
      // (whatever it is named there: "the landfall pressure as 946 hPa" and "the pressure at its centre was 946 hPa")
      const withdrawn = this.withdrawnValues();
      // (what rules a figure out of every pair on its own — corrected, retracted, a window — read once per figure: the
      // pair tests below skip it before any other test)
      const dead = new Uint8Array(block.length);
      for (let x = 0; x < block.length; x++) {
        const c = facts[x]!.claim;
        if (corrected.has(c) || this.retracted.has(c) || windows[x]) dead[x] = 1;
      }
      for (let x = 0; x < block.length; x++) {
        if (dead[x]) continue;
        for (let y = x + 1; y < block.length; y++) {
          if (dead[y]) continue;
          const fa = facts[x]!;
          const fb = facts[y]!;
          // (an amount converted at a stated rate meets only amounts named with the same words: "losses" in one
          // currency and "insured losses" in another are two estimates of two things)
          if (cross && (twins.has(fa.claim) === twins.has(fb.claim) || !sameWords(fa.key.mods, fb.key.mods))) continue;
          if (fa.docIndex === fb.docIndex && rank[y]! - rank[x]! > WINDOW) continue;
          const a = fa.claim;
          const b = fb.claim;
          const ka = fa.key;
          const kb = fb.key;
          // (a month apart: neither one fact nor an update of one — skip before the full relation)
          if (daysApart(fa, fb) > 32) continue;
          // (corrected, retracted: see dead above)
          // ("had fallen … in the 12 hours to 9 a.m.", "412mm fell in just 24 hours": the window of another figure of
          // its sentence, not a fact of its own: see dead above)
          let rel = relateFacts(fa, fb);
          if (!rel.comparable) continue;
          // (a rate is of its day: amounts in two currencies are compared through it only as figures of one time)
          if (cross && rel.time !== 'same') continue;
          // a figure its own article uses for several facts is compared only by its named holder
          // (but its figure at the peak is the peak another report gives)
          if ((ambiguous[block[x]!] || ambiguous[block[y]!]) && !(fa.named && fb.named) && !(atPeak(a) && atPeak(b))) continue;
          const rule = this.ruleFor('mismatch', a, b);
          if (!rule) continue;
          const p = rule.params;
          if (rel.crossDocument ? !p.across_documents : !p.within_document) continue;
          if (!p.vague && (a.form === 'vague' || b.form === 'vague')) continue;
          // "78 homes have been destroyed: 44 in Bellcourt, 29 in Sarne and 9 in Hollin Mill" and another report's "41
          // homes have been destroyed" in Sarne: a place the whole is split into in its sentence is a part of it
          if (rel.scope === 'one') {
            const [whole, part] = a.scopeKey ? [b, a] : [a, b];
            if (this.placeParts(whole).has(part.scopeKey!)) continue;
          }
          if (withdrawn.size && ka.v !== kb.v) {
            // (a report of no date is not known to come before; a conversion goes with the figure it converts:
            // "a surge of 3.4 metres (11 feet)")
            const old = [a, b].find((c) => {
              const src = c.conversionOf != null ? this.byDocIndex.get(`${c.docIndex}:${c.conversionOf}`) : undefined;
              const k = this.keyOf.get(src ?? c);
              const on = k ? withdrawn.get(`${k.family}|${k.v}`) : undefined;
              const d = this.docDate.get(c.document);
              return !!on && !!d && d <= on;
            });
            if (old) {
              this.pass(rule, [a, b], `${old.text} was withdrawn by a later report`);
              continue;
            }
          }
          // ("29.90" under "2024/25" in a row that reads "31.15" under "2025/26", and another report's "31.15" of the
          // same line: that report gives the other column's figure)
          if (this.rowHoldsOther(a, b) || this.rowHoldsOther(b, a)) continue;
          // linked figures are checked by their own rules
          if (!rel.crossDocument && (a.conversionOf === b.index || b.conversionOf === a.index || a.partOf === b.index || b.partOf === a.index)) continue;
          // (people missing go down as they are found: figures of different dates are updates either way, and so
          // are two figures of one article — a live report gives each new count)
          // (but "67 people have been hospitalised", "76 have now needed hospital treatment": a count so far only grows)
          // (nor is a varying count of an undated report comparable: when it was counted is not known)
          // (but two readings at the peak are one value: the peak does not move)
          if ((rel.time === 'earlier' || rel.time === 'later' || rel.time === 'unknown' || !rel.crossDocument) && (this.rising(block[x]!, p.varying) || this.rising(block[y]!, p.varying)) && !(cumulative(a) && cumulative(b)) && !(atPeak(a) && atPeak(b))) {
            const [early, late] = rel.time === 'earlier' ? [a, b] : [b, a];
            this.pass(rule, [early, late], `${late.text} updates ${early.text} (${fmtDate(early.time?.start)} → ${fmtDate(late.time?.start)})`);
            continue;
          }
          // (a varying count read at a stated hour, and another report's count of the same day with none: two readings
          // of the day — "Mon 13 Apr, 08:00 | 38 missing" and Monday evening's "44 people remain missing")
          if (rel.time === 'same' && rel.crossDocument && (a.clock != null) !== (b.clock != null) && (this.rising(block[x]!, p.varying) || this.rising(block[y]!, p.varying)) && !(cumulative(a) && cumulative(b))) {
            const [timed, whole] = a.clock != null ? [a, b] : [b, a];
            // (but not one of the part of the day the hour is in: "on Saturday morning" and a 09:15 entry)
            if (whole.dayClock == null) {
              this.pass(rule, [timed, whole], `${timed.text} and ${whole.text} are readings of the same day at different times`);
              continue;
            }
          }
          // ("58 new cases in week 38", "412 new cases in a week": counts of new ones are counted afresh, they do not grow)
          const rising = (this.rising(block[x]!, p.rising) || this.rising(block[y]!, p.rising) || (cumulative(a) && cumulative(b))) && !newOnes(a) && !newOnes(b);
          // (a count so far in a report of unknown date, and another report's: which came first is not known, so a
          // different count is no conflict — as a varying count of an undated report is compared with nothing)
          if (rising && rel.time === 'unknown' && rel.crossDocument && (!this.docDate.get(a.document) || !this.docDate.get(b.document))) {
            this.pass(rule, [a, b], `${a.text} and ${b.text} are counts so far, one in a report of unknown date`);
            continue;
          }
          // (a record only grows: "Tuesday's record 42.9C", Wednesday's "new national record of 43.8C" are two days
          // even where a static reading of two reports would be one)
          // (but not two counts of one past moment: "before landfall, 1,240 were evacuated")
          if (rising && rel.time === 'same' && rel.crossDocument && !(fa.anchor && fa.anchor === fb.anchor) && a.time?.text === 'document date' && b.time?.text === 'document date' && a.time.start && b.time?.start && a.time.start !== b.time.start) {
            rel = { ...rel, time: a.time.start < b.time.start ? 'earlier' : 'later', near: true };
          }
          // "leaving 14 officers injured yesterday" in Sunday's paper and Saturday's "Twelve officers were injured": the
          // day is the event's, the count is as of the later report (a count read at a stated hour stays that reading)
          // (so is a day a later report names: a table row "27 September | 43" in the next day's release)
          const past = (c: ClaimContext) => DAY_BEFORE_TEXT.test(c.time?.text ?? '') || (!!c.cell && c.time?.text !== 'document date' && c.clock == null && !!c.time?.end && c.time.end < (this.docDate.get(c.document) ?? ''));
          if (rising && rel.time === 'same' && rel.crossDocument && a.time?.start === b.time?.start && past(a) !== past(b)) {
            const other = past(a) ? b : a;
            if (other.time?.text === 'document date') rel = { ...rel, time: other === b ? 'later' : 'earlier', near: true };
          }
          // two reports of one day, each count as of its publication: "14 hurt" in a wire published at 14:22 and "17
          // injured" in a paper's story of 17:45 (each undated but by its document, neither read at a stated hour)
          // (and a figure of such a report against a live report's entry stamped with its hour: the 10:45 wire's
          // "61,500 evacuated" and a 14:05 entry's "72,300 people have been evacuated")
          // (of one place: a capital's count and the nation's are told apart by their scopes and sizes, not by their hours)
          if (rising && rel.time === 'same' && (rel.scope === 'same' || (rel.scope === 'one' && pointRatio(ka, kb) < 1.5)) && rel.crossDocument && (a.clock == null || b.clock == null) && a.time?.start === b.time?.start) {
            // (an hour its sentence names before the report's: "rose to 14 on Thursday, the agency said at its 6 p.m. briefing")
            // (not the hour of the event: "were injured this morning")
            const ca = a.clock ?? (this.ofItsDay(a) ? (reportHour(a.sentence) ? a.dayClock : null) ?? this.docClock.get(a.document) : undefined);
            const cb = b.clock ?? (this.ofItsDay(b) ? (reportHour(b.sentence) ? b.dayClock : null) ?? this.docClock.get(b.document) : undefined);
            if (ca !== undefined && cb !== undefined && ca !== cb) rel = { ...rel, time: ca < cb ? 'earlier' : 'later', near: true };
          }
          // a live report's stamped entry below another report's count of the same day: a reading on the way up
          // (within one report, the part of the day a sentence names orders its counts as well: the headline's "41" and
          // "at an 11 a.m. briefing … 23 dead")
          const ta = a.clock ?? (rel.crossDocument ? null : a.dayClock);
          const tb = b.clock ?? (rel.crossDocument ? null : b.dayClock);
          // (not two sums of money from two named sources: "the ministry puts damage at 1.8 billion" and the institute's
          // "higher estimate of 3.2 to 3.6 billion" are rival estimates, not readings on the way up)
          const rivalSums = /^[A-Z]{3}$/.test(ka.family) && !!a.attributionKey && !!b.attributionKey && a.attributionKey !== b.attributionKey;
          if (rising && rel.time === 'same' && (ta != null) !== (tb != null) && !rivalSums) {
            const [timed, whole, kt, kw] = ta != null ? [a, b, ka, kb] : [b, a, kb, ka];
            // (a live report's headline gives its latest count: below another report's count of the day, it conflicts)
            // (nor below a count of the same part of the day: a 6 p.m. entry and "Wednesday evening's briefing")
            const sameHour = whole.dayClock != null && Math.abs(whole.dayClock - (timed.clock ?? timed.dayClock!)) < 180;
            if (kt.whi < kw.wlo && !timed.latest && !sameHour) {
              this.pass(rule, [timed, whole], `${timed.text} is an earlier reading of the day than ${whole.text}`);
              continue;
            }
          }
          // (but a later report's level after a change — "has raised its fund to 12 million" — is the new level, not
          // a misreport of the earlier one)
          // (one report's figures of a measure that does not only grow, told for two different days — "2.7 GW on
          // Wednesday", "2.6 GW on Thursday": its writer gives both, two readings, not a misreport of one)
          if (!rel.crossDocument && (rel.time === 'earlier' || rel.time === 'later') && !rising && a.time?.start !== b.time?.start) continue;
          if ((rel.time === 'earlier' || rel.time === 'later') && rel.near && !rising) {
            const late = rel.time === 'earlier' ? b : a;
            const w = late.sentence.slice(Math.max(0, late.start - late.sentenceStart - 70), late.start - late.sentenceStart);
            if (/\bto\s+$/i.test(w) && CHANGED.test(w)) continue;
          }
          // ("78 homes destroyed", then "40 homes have been destroyed" in Dunvale: a lower count of a named place after
          // one of no place is a part of it, not a fall — told apart by scope below, as two counts of one day are)
          const partOf = (x: ClaimContext, kx: ClaimKey, y: ClaimContext, ky: ClaimKey) => !!x.scopeKey && x.scopeKey !== 'national' && !y.scopeKey && kx.whi < ky.wlo && pointRatio(kx, ky) >= 1.5;
          const scopedFall = rising && rel.scope === 'one' && ka.family === 'count' && (rel.time === 'earlier' ? partOf(b, kb, a, ka) : partOf(a, ka, b, kb));
          if ((rel.time === 'earlier' || rel.time === 'later') && !(rel.near && !rising) && !scopedFall) {
            if (!rising || rel.scope === 'different') continue; // different times: different facts
            const [early, late, ke, kl] = rel.time === 'earlier' ? [a, b, ka, kb] : [b, a, kb, ka];
            // a toll is updated over days, not years: far apart in time, two tolls are two events
            const gap = early.time?.end && late.time?.start ? Math.round(isoDay(late.time.start) - isoDay(early.time.end)) : 0;
            if (gap > 30 || pointRatio(ka, kb) > 3) continue;
            if (kl.whi >= ke.wlo) {
              if (p.update_severity !== 'off') edges.push({ a: early, b: late, rule, severity: p.update_severity, kind: 'update', why: `${late.text} is a later figure than ${early.text}: an update` });
              else this.pass(rule, [early, late], `${late.text} updates ${early.text} (${fmtDate(early.time?.start)} → ${fmtDate(late.time?.start)})`);
            } else {
              edges.push({ a: early, b: late, rule, severity: rule.severity, kind: 'decrease', why: `the later report (${fmtDate(late.time?.start)}) gives a lower figure than the earlier one (${fmtDate(early.time?.start)}), though this count only grows` });
            }
            continue;
          }
          const tol = p.tolerance * Math.max(Math.abs(ka.v), Math.abs(kb.v));
          // figures in different units (185 km/h, 115 mph) agree when they agree at the precision written
          const crossUnit = a.unit !== b.unit;
          // ("provisions fell 22.8%" and a table's "−22.8%": one fall, told by its verb or by its sign)
          const [neg, pos] = ka.v < 0 ? [ka, kb] : [kb, ka];
          const posClaim = pos === ka ? a : b;
          const fallen = neg.v < 0 && pos.v > 0 && -neg.v === pos.v && FALL_BEFORE.test(posClaim.sentence.slice(Math.max(0, posClaim.start - posClaim.sentenceStart - 30), posClaim.start - posClaim.sentenceStart));
          const consistent = fallen || (crossUnit ? ka.wlo - tol <= kb.whi && kb.wlo - tol <= ka.whi : ka.lo - tol <= kb.hi && kb.lo - tol <= ka.hi);
          if (consistent) {
            agree.push([a, b]);
            continue;
          }
          // a storm's extreme with no hour of its own ("maximum sustained wind: 116 knots", "minimum central pressure:
          // 948 hPa") and a reading at a stated hour within it: one moment of the storm, not a rival of its extreme
          if (withinExtreme(a, b, ka, kb) || withinExtreme(b, a, kb, ka)) continue;
          // the other report states both figures, as two facts of one sentence: no rival of either
          if (this.statesBoth(a, ka, b) || this.statesBoth(b, kb, a)) {
            told.push([a, b]);
            continue;
          }
          const ratio = pointRatio(ka, kb);
          const attrA = a.attributionKey;
          const attrB = b.attributionKey;
          // rival estimates are of people, money or events — not of a building's storeys
          // (and so are shares of one named group, within a factor of three: "28% of teachers struck, the ministry
          // said"; the union's "65%")
          const estimable = ka.people || (!!ka.event && !!kb.event) || /^[A-Z]{3}$/.test(ka.family) || (SHARE_FAMILY.test(ka.family) && !!ka.noun && ka.noun === kb.noun && ratio <= 3);
          const differentSources = !!(attrA && attrB && attrA !== attrB) && a.form !== 'vague' && b.form !== 'vague' && estimable;
          // scopes: a regional figure next to a national one is not a contradiction
          const scopeRule = this.ruleFor('scope', a, b);
          // (a share for one place next to a share with no place: "turnout in the constituency was 66.8%", "turnout was 71.3%")
          if (rel.scope === 'different' || (rel.scope === 'one' && ((ratio >= 1.5 && !differentSources && ka.family === 'count') || SHARE_FAMILY.test(ka.family)))) {
            // (two counts of a passing state, "without power", are told for a place and a moment: only at the peak is
            // the moment the same)
            const stateMoments = !!ka.state && !!kb.state && !(atPeak(a) && atPeak(b));
            if (scopeRule && ka.event && kb.event && !stateMoments && ratio >= scopeRule.params.min_ratio && ratio <= scopeRule.params.max_ratio && !explained.has(`${Math.min(ka.v, kb.v)}|${Math.max(ka.v, kb.v)}`)) {
              const sa = a.scope ?? 'no place given';
              const sb = b.scope ?? 'no place given';
              edges.push({ a, b, rule: scopeRule, severity: scopeRule.severity, kind: 'scope', why: `${a.text} is for ${sa}, ${b.text} for ${sb}` });
            }
            continue;
          }
          // too far apart to be one fact misreported (shares: 33% and 99.8% are not one share misread)
          // ("58 new cases in week 38", "412 new cases in a week": counts of one period may be far apart and still one fact)
          const onePeriod = periodOfCount(a) !== null && periodOfCount(a) === periodOfCount(b);
          if (ratio > (differentSources || onePeriod ? 10 : SHARE_FAMILY.test(ka.family) ? 2 : 3)) continue;
          const rounding = ka.wlo <= kb.whi && kb.wlo <= ka.whi;
          if (differentSources && !rounding) {
            edges.push({ a, b, rule, severity: p.attribution_severity, kind: 'sources', why: `different sources give different figures: ${shortAttribution(a.attribution!)} says ${a.text}, ${shortAttribution(b.attribution!)} says ${b.text}` });
          } else if (rounding) {
            // ("€3.36bn" for 3,364 in a table of € million: three significant digits or more restate the figure; "220,000"
            // for 222,000 rounds it away)
            const coarse = (a.precision ?? 0) / Math.abs(a.value || 1) >= (b.precision ?? 0) / Math.abs(b.value || 1) ? a : b;
            // ("€1.43bn" for €1,429 million: a decimal before a scale word restates the figure in bigger units; a bare
            // "31,500" for 31,460 is a rounding of it however many digits it keeps)
            const restated = SCALED_DECIMAL.test(coarse.text) ? 0.01 : 0;
            // ("a 2.8-metre (9ft) surge" beside "2.8 m (9.2 ft)": a conversion that holds rounds as its writer chose)
            if ((coarse.precision !== null && coarse.value && coarse.precision / Math.abs(coarse.value) <= restated) || (a.conversionOf !== undefined && !this.wrongConversions.has(a)) || (b.conversionOf !== undefined && !this.wrongConversions.has(b))) {
              agree.push([a, b]);
              continue;
            }
            edges.push({ a, b, rule, severity: p.rounding_severity, kind: 'rounding', why: roundingWhy(a, b) });
          } else {
            edges.push({ a, b, rule, severity: rule.severity, kind: 'mismatch', why: '' }); // (worded when reported)
          }
        }
      }
      // a figure that agrees with one fact is that fact, not a rival of another fact told apart from it
      if ((agree.length || told.length) && edges.length > firstEdge) {
        const kept = dropIdentified(edges.slice(firstEdge), agree, facts, told, (c) => this.keyOf.get(c));
        edges.length = firstEdge;
        edges.push(...kept);
      }
      // one check per block for figures that agree
      if (agree.length) {
        const rule = this.ruleFor('mismatch', agree[0]![0], agree[0]![1]);
        if (rule) {
          let l = passes.get(rule);
          if (!l) passes.set(rule, (l = []));
          const set = new Set<ClaimContext>();
          for (const [a, b] of agree) {
            set.add(a);
            set.add(b);
          }
          l.push(set);
        }
      }
    }
    for (const [rule, sets] of passes) for (const s of sets) {
      const list = [...new Set([...s].map((c) => twins.get(c)?.of ?? c))].sort(byPosition);
      this.pass(rule, list, `${list[0]!.measure}: ${list.map((c) => c.text).join(', ')} agree`);
    }
    // one finding per connected group of conflicting figures (one fact), whatever the kinds of its conflicts:
    // the most severe conflict names the rule, the kind and the severity
    const groups = new Map<string, Edge[]>([['all', edges.filter((e) => e.severity !== 'off')]]);
    for (const [, list] of groups) {
      const parent = new Map<ClaimContext, ClaimContext>();
      const find = (c: ClaimContext): ClaimContext => {
        let r = c;
        while (parent.get(r) && parent.get(r) !== r) r = parent.get(r)!;
        let x = c;
        while (parent.get(x) && parent.get(x) !== r) {
          const n = parent.get(x)!;
          parent.set(x, r);
          x = n;
        }
        return r;
      };
      for (const e of list) {
        if (!parent.has(e.a)) parent.set(e.a, e.a);
        if (!parent.has(e.b)) parent.set(e.b, e.b);
        const ra = find(e.a);
        const rb = find(e.b);
        if (ra !== rb) parent.set(rb, ra);
      }
      const comps = new Map<ClaimContext, Edge[]>();
      // (a converted twin and the amount it stands for are one figure: one finding)
      for (const [t, { of }] of twins) if (parent.has(t) && parent.has(of) && find(t) !== find(of)) parent.set(find(t), find(of));
      for (const e of list) {
        const r = find(e.a);
        let l = comps.get(r);
        if (!l) comps.set(r, (l = []));
        l.push(e);
      }
      for (const es of comps.values()) {
        const members = new Set<ClaimContext>();
        for (const e of es) {
          members.add(e.a);
          members.add(e.b);
        }
        const cl = [...new Set([...members].map((c) => twins.get(c)?.of ?? c))].sort(byPosition);
        const rank = (e: Edge) => (e.severity === 'error' ? 3 : e.severity === 'warning' ? 2 : e.severity === 'info' ? 1 : 0) * 10 + KIND_RANK[e.kind]!;
        es.sort((x, y) => rank(y) - rank(x));
        const e0 = es[0]!;
        // one explanation per kind of conflict: "€621m and €612 million cannot both be right (1% apart)"
        const whys: string[] = [];
        for (const kind of [...new Set(es.map((e) => e.kind))]) {
          const ofKind = es.filter((e) => e.kind === kind);
          if (kind === 'mismatch' && ofKind.length > 1) {
            // one text per distinct value: "€621m and €612 million", not also "612 million euros"
            const byValue = new Map<number, string>();
            // (each figure once: a figure in many conflicts is sorted once, not once per conflict)
            for (const c of [...new Set(ofKind.flatMap((e) => [e.a, e.b]))].sort(byPosition)) if (!byValue.has(this.keyOf.get(c)!.v)) byValue.set(this.keyOf.get(c)!.v, c.text);
            const texts = [...byValue.values()];
            const maxDiff = Math.max(...ofKind.map((e) => relDiff(this.keyOf.get(e.a)!, this.keyOf.get(e.b)!)));
            whys.push(texts.length === 2 ? `${texts[0]} and ${texts[1]} cannot both be right (${fmtNumber(maxDiff * 100, 0)}% apart)` : `${texts.join(', ')} cannot all be right (up to ${fmtNumber(maxDiff * 100, 0)}% apart)`);
          } else for (const w of new Set(ofKind.map((e) => e.why || `${e.a.text} and ${e.b.text} cannot both be right (${fmtNumber(relDiff(this.keyOf.get(e.a)!, this.keyOf.get(e.b)!) * 100, 0)}% apart)`))) whys.push(w);
        }
        let why = whys.length <= 3 ? whys.join('; ') : `${whys.slice(0, 3).join('; ')}; and ${whys.length - 3} more`;
        const rated = ratesNamed([...members].sort(byPosition), twins);
        if (rated) why += ` (${rated})`;
        const values = cl.map((c) => this.describe(c)).join(' vs ');
        const v: Record<string, string | number | null> = {
          measure: measureName(cl[0]!),
          values,
          why,
          kind: e0.kind,
          difference: es.length === 1 ? `${fmtNumber(relDiff(this.keyOf.get(e0.a)!, this.keyOf.get(e0.b)!) * 100, 1)}%` : null,
          attributions: [...new Set(cl.map((c) => c.attribution).filter(Boolean))].join(', ') || null,
          dates: [...new Set(cl.map((c) => fmtDate(c.time?.start ?? this.docDate.get(c.document) ?? null)).filter(Boolean))].join(', ') || null,
          scopes: [...new Set(cl.map((c) => c.scope ?? 'no place given'))].join(' vs '),
          ratio: fmtNumber(Math.max(...cl.map((c) => Math.abs(c.value))) / Math.max(1e-9, Math.min(...cl.map((c) => Math.abs(c.value)))), 1),
        };
        // the stated conversions of the conflicting figures point at the same fact: "€1.52bn ($1.64bn)"
        const withConversions = new Set(cl);
        for (const c of cl) {
          const o = this.claimAt(c, c.conversionOf);
          if (o) withConversions.add(o);
          for (const x of this.convertedFrom.get(`${c.docIndex}:${c.index}`) ?? []) withConversions.add(x);
        }
        this.add(e0.rule, e0.severity, e0.kind, [...withConversions].sort(byPosition), v, { kind: e0.kind });
      }
    }
  }

  // ------------------------------------------------------------------ expression

  private expressions(): void {
    for (const rule of this.rulesOf('expression')) {
      const p = rule.params;
      const pools: ClaimContext[][] = [];
      if (p.within === 'all') pools.push(this.input.claims.filter((c) => !rule.select || this.matches(rule.select, c)));
      else if (p.within === 'document') {
        const byDoc = new Map<string, ClaimContext[]>();
        for (const c of this.input.claims) {
          if (rule.select && !this.matches(rule.select, c)) continue;
          let l = byDoc.get(c.document);
          if (!l) byDoc.set(c.document, (l = []));
          l.push(c);
        }
        pools.push(...byDoc.values());
      } else for (const b of this.aligned.blocks) pools.push(b.map((i) => this.aligned.claims[i]!).filter((c) => !rule.select || this.matches(rule.select, c)));
      for (const pool of pools) {
        const cands = new Map<string, ClaimContext[]>();
        for (const [name, sel] of Object.entries(p.variables)) cands.set(name, pool.filter((c) => this.matches(sel, c)));
        const run = evaluateCombinations(p.compiled, cands, (c) => c.value, p.max_combinations);
        for (const r of run.results) {
          const bound = [...r.binding.values()];
          const names = Object.fromEntries([...r.binding.entries()].map(([k, c]) => [k, c.text]));
          if (r.result.ok && r.result.value) {
            this.pass(rule, bound, `${p.expression} holds for ${Object.entries(names).map(([k, v]) => `${k} = ${v}`).join(', ')}`);
            continue;
          }
          const why = r.result.ok ? `${p.expression} does not hold for ${Object.entries(names).map(([k, v]) => `${k} = ${v}`).join(', ')}` : `${p.expression} could not be evaluated: ${r.result.problem}`;
          this.add(rule, rule.severity, 'expression', bound, {
            ...names,
            expression: p.expression,
            measure: bound[0]?.measure ?? '',
            values: bound.map((c) => this.describe(c)).join(', '),
            why,
          });
        }
      }
    }
  }

  // ------------------------------------------------------------------ output

  private finish(): EngineOutput {
    const drafts = this.drafts.slice().sort((x, y) => byPosition(x.claims[0]!, y.claims[0]!) || compareCodeUnits(x.rule.id, y.rule.id) || compareCodeUnits(x.kind, y.kind));
    const findings: Finding[] = drafts.map((d, i) => {
      const values: Record<string, string | number | null> = { rule: d.rule.id, severity: d.severity, sources: d.claims.map((c) => this.describe(c)).join('; '), ...d.values };
      const own = typeof d.values.message === 'string' ? d.values.message : null;
      const message = own ?? (d.rule.message ? fillMessage(d.rule.message, values) : `${values.measure}: ${values.values}. ${values.why}`);
      const f: Finding = { id: `F${i + 1}`, rule: d.rule.id, severity: d.severity as Severity, kind: d.kind, message: capitalise(message), claims: d.claims.map((c) => c.id), details: d.details };
      if (d.rule.link) f.link = d.rule.link;
      return f;
    });
    // (each check's claim list joined once, not once per comparison)
    const checks = this.checks
      .map((c) => ({ c, claims: c.claims.join(',') }))
      .sort((a, b) => compareCodeUnits(a.claims, b.claims) || compareCodeUnits(a.c.rule, b.c.rule))
      .map((x) => x.c);
    return { findings, checks };
  }
}

const SHARE_FAMILY = /^(?:percent|pp)$/;
/**
 * Two figures of one sentence that the sentence itself tells apart: by their roles (a limit, an earlier level, a
 * whole) or their times ("six on Wednesday morning, 11 that evening") — not rival counts of one thing ("police said
 * 84,000, the union 260,000"). (Not by their places: a place named for one figure of a sentence is often its own
 * rival's too.)
 */
function toldApartInSentence(w: ClaimContext, z: ClaimContext): boolean {
  if ((w.role ?? 'value') !== (z.role ?? 'value')) return true;
  return !!w.time && !!z.time && (w.time.start !== z.time.start || w.time.text !== z.time.text || (w.clock ?? null) !== (z.clock ?? null));
}
/**
 * Why two figures are two facts for certain (not only that their words fail to pin one fact down): who holds them,
 * where they were read, which column or period or span of a table or report they are of.
 */
const APART_REASONS = new Set(['readings of different places', 'different reporting periods', 'amounts over different spans', 'a restated figure and the one first reported']);
/**
 * The conflicts of a block less those of a figure with a fact it does not report: x agrees with y, and y and z are
 * two facts for certain (two rows of one table, readings of two places, figures of two periods or spans), so x is
 * y's figure and its difference from z is no conflict. "The 241 km/h gust recorded at Cabo Lumen"
 * beside a table of gusts by station: it is the Cabo Lumen row's figure, not a rival of every other row.
 */
function dropIdentified<E extends { a: ClaimContext; b: ClaimContext }>(es: E[], agree: ClaimContext[][], facts: ClaimFacts[], told: ClaimContext[][], keyOf: (c: ClaimContext) => ClaimKey | undefined): E[] {
  const factOf = new Map<ClaimContext, ClaimFacts>(facts.map((f) => [f.claim, f]));
  const partners = new Map<ClaimContext, ClaimContext[]>();
  for (const [a, b] of agree) {
    if (a!.form === 'vague' || b!.form === 'vague') continue;
    for (const [x, y] of [[a!, b!], [b!, a!]] as const) {
      const l = partners.get(x);
      if (l) l.push(y);
      else partners.set(x, [y]);
    }
  }
  const apart = (y: ClaimContext, z: ClaimContext): boolean => {
    const fy = factOf.get(y);
    const fz = factOf.get(z);
    if (!fy || !fz) return false;
    const rel = relateFacts(fy, fz);
    // (two rows of one table are two facts; two holders told in prose may be two sources of one fact)
    const rows = !!y.cell && !!z.cell && y.cell.table === z.cell.table && y.document === z.document && rel.why === 'held by different parties';
    return !rel.comparable && (APART_REASONS.has(rel.why) || rows);
  };
  const identified = (x: ClaimContext, z: ClaimContext) => (partners.get(x) ?? []).some((y) => y !== z && apart(y, z));
  // (x is told apart from z by a report that states both: nor is it a rival of z's other reports)
  const toldApart = new Map<ClaimContext, ClaimContext[]>();
  for (const [a, b] of told) {
    for (const [x, z] of [[a!, b!], [b!, a!]] as const) {
      const l = toldApart.get(x);
      if (l) l.push(z);
      else toldApart.set(x, [z]);
    }
  }
  const sameValue = (p: ClaimContext, q: ClaimContext) => {
    const kp = keyOf(p);
    const kq = keyOf(q);
    return !!kp && !!kq && kp.wlo <= kq.whi && kq.wlo <= kp.whi;
  };
  const apartByReport = (x: ClaimContext, c: ClaimContext) => (toldApart.get(x) ?? []).some((z) => sameValue(z, c));
  return es.filter((e) => !identified(e.a, e.b) && !identified(e.b, e.a) && !apartByReport(e.a, e.b) && !apartByReport(e.b, e.a));
}
/** Why two figures are not comparable, when the reason is only that their words do not pin the fact down. */
const LOOSE_REASONS = new Set(['different moments or events', 'nothing named to compare']);
/** Why two sums are not related when only the words for what they are or who holds them differ. */
const SUM_NAMING_REASONS = new Set(['different things measured', 'held by different parties']);
/**
 * The same sum of money, in the same currency, told of a thing named otherwise ("sales of 18.4 billion crowns", "revenue
 * of CDK 18.40 billion"; "a profit of €1.43bn", "profit before tax of €1,429 million"): for a witness of a wrong
 * conversion, its figure is what matters (the caller has checked the values are the same at their precision).
 */
function sameSum(o: ClaimContext, x: ClaimContext, why: string): boolean {
  return o.dimension === 'currency' && x.unit === o.unit && SUM_NAMING_REASONS.has(why);
}
/** The words between a change and the earlier value it is from ("rose 50%, from 7"), and between either and the level
 * it reaches ("rose 28% to 1.02 billion", "fell by almost a third, to €431m", "from 7 on Monday to 12"). */
const CHANGE_FROM = /^[\s,]*(?:from|on)\s+(?:the\s+|a\s+)?$/;
const CHANGE_TO = /^[\s,–—-]*[^,;:.]{0,30}?\bto\s+$/;
/** The words between a level and the earlier value it is compared with ("to €431m from €562m"). */
const LEVEL_FROM = /^[^,;:.]{0,30}?\bfrom\s+$/;
/**
 * "climbed to 688 million from 641 million, a rise of 10.7%": a level reached ("to" right before it), then the earlier
 * value it is compared with ("from"), then the change — the change follows both levels.
 */
function levelThenFrom(c: ClaimContext, prev: ClaimContext, r: ClaimContext): boolean {
  return c.end <= prev.start && r.start > prev.end && LEVEL_FROM.test(between(c, prev)) && /\bto\s+$/.test(c.sentence.slice(0, c.start - c.sentenceStart));
}
/** The text of a sentence between two of its claims. */
function between(x: ClaimContext, y: ClaimContext): string {
  return x.sentence.slice(x.end - x.sentenceStart, y.start - y.sentenceStart);
}
/** What may follow a share that stands for a part ("- 38% -", "more than half of them", "almost half the shift"). */
const SHARE_AFTER = /^(?:\s*[-–—,;:.)]|\s+(?:of|the)\b|\s*$)/;
/** What may come before such a share: an aside's mark, or a verb or "of" that makes it a complement ("a rate of 6.5%"). */
const SHARE_BEFORE = /(?:[-–—,;:(]|\b(?:of|or|is|are|was|were))\s*$/;
/** Figures of one thing in one document further apart than this (in that document's figures of it) are not compared. */
const WINDOW = 64;

/** Words that make a temperature a difference ("10C above normal", "5C warmer", "a rise of 2C"). */
const DIFFERENCE_WORDS = /\b(?:above|below|higher|lower|warmer|cooler|colder|hotter|more|less|rise|rises|rose|increase|increased|drop|dropped|fall|fell|up|down|than|by|difference|anomaly|hike|jump|jumped)\b/i;
/** A fall told by its verb just before the figure: "fell 22.8%", "was down by 3%", "declined some 4%". */
/** A sentence that corrects a figure given earlier in its report (see mismatches). */
const CORRECTION = /\bcorrection\s*:|\b(?:we\s+have\s+)?corrected\s+(?:the|this|an|our)\b|\bnot\s+the\s+(?:figure|number|total|amount)\s+(?:we|I|it)\s+(?:gave|reported|published|used|quoted)\b|\ban\s+earlier\s+version\s+of\s+this\b|\bnot\s+\S{1,30}(?:\s+\S{1,20})?\s+as\s+(?:we\s+)?(?:first|earlier|previously|originally|wrongly|mistakenly)\s+(?:reported|stated|said|given)\b/i;
const FALL_BEFORE = /\b(?:fell|falls?|falling|dropped|drops?|declined|declines?|decreased|decreases?|slipped|slid|shrank|eased|down|lower)\s+(?:by\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$/i;
/** The period a count of new ones is counted over, as its clause names it: "in week 38", "in a single week" → week. */
const COUNT_PERIOD = /\b(?:in|during|over)\s+(?:a\s+single\s+|a\s+|one\s+|the\s+(?:past\s+|last\s+)?)?(week|day|month)\b|\b(week|day|month)\s+\d{1,2}\b/i;
const periodMemo = new WeakMap<ClaimContext, string | null>();
function periodOfCount(c: ClaimContext): string | null {
  let r = periodMemo.get(c);
  if (r === undefined) periodMemo.set(c, (r = readPeriodOfCount(c)));
  return r;
}
function readPeriodOfCount(c: ClaimContext): string | null {
  if (c.unit !== 'count' || !NEW_ONES.test(c.measure ?? '')) return null;
  const from = c.span.start - c.sentenceStart;
  const m = COUNT_PERIOD.exec(c.sentence.slice(from, from + 80));
  return m ? (m[1] ?? m[2]!).toLowerCase() : null;
}

/** "have been hospitalised", "have now needed hospital treatment", "in total", "so far": a count of all to date. */
const CUMULATIVE = /\b(?:ha(?:ve|s)\s+(?:now\s+|so\s+far\s+|since\s+)?(?:been|needed|required)|in\s+total|so\s+far|to\s+date|cumulative)\b/i;
const cumulativeMemo = new WeakMap<ClaimContext, boolean>();
function cumulative(c: ClaimContext): boolean {
  let r = cumulativeMemo.get(c);
  if (r === undefined) cumulativeMemo.set(c, (r = readCumulative(c)));
  return r;
}
function readCumulative(c: ClaimContext): boolean {
  // (the figure's own clause: "76 have now needed hospital treatment, and six are in intensive care")
  const from = c.span.start - c.sentenceStart;
  const rest = c.sentence.slice(from);
  const stop = rest.search(/[,;.]\s/);
  const clause = c.sentence.slice(0, from) + (stop < 0 ? rest : rest.slice(0, stop));
  // ("540 flights were cancelled today": a count of the day so far, in a report published during it)
  return (CUMULATIVE.test(clause) || (c.dimension === 'count' && TODAY.test(clause))) && !/\b(?:still|remain|remains|remained|currently|are\s+in|is\s+in)\b/i.test(rest.slice(0, stop < 0 ? rest.length : stop));
}
/** An hour a report was given at: "at its 6 p.m. briefing", "the 18:00 bulletin". */
const REPORT_HOUR = /\b(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*[ap]\.?m\.?\s+(?:briefing|bulletin|update|advisory|press conference|news conference|statement)\b|\b(?:[01]?\d|2[0-3])[:.][0-5]\d\s+(?:briefing|bulletin|update|advisory)\b/i;
/** REPORT_HOUR.test(sentence), once per sentence */
const reportHour = memoize((sentence) => REPORT_HOUR.test(sentence));
const TODAY = /\b(?:today|so far this (?:morning|afternoon|evening))\b/i;

/** Right after a temperature and its conversion: a difference ("1.2C (2.2F) above the record", "warmer"). */
const DIFFERENCE_AFTER = /^\s*(?:\)\s*)?(?:above|below|higher|lower|warmer|cooler|colder|hotter|more|less)\b/i;

const SCALED_DECIMAL = /\d\.\d+\s?(?:bn|billion|mn|mln|m|million|trillion|tn)\b/i;
/** The major currencies a stated rate is given against. */
const MAJOR: Record<string, string> = { dollar: 'USD', 'us dollar': 'USD', euro: 'EUR', pound: 'GBP', yen: 'JPY' };
/** After an amount: "… to the euro", "per US dollar". */
const RATE_AFTER = /^\s*(?:to|per|for)\s+(?:(?:the|one|a|each)\s+)?(us dollar|dollar|euro|pound|yen)\b/i;
/** In a sentence: "at 58 to the dollar", "at 11.20 crowns to the euro". */
const RATE_IN = /\bat\s+(\d{1,4}(?:[.,]\d{1,4})?)\s+(?:[a-z]+\s+)?(?:to|per)\s+(?:the|one|a)\s+(us dollar|dollar|euro|pound|yen)\b/i;
/** Before an amount, a rate note's one unit of a major currency: "($1 = 6.90 dravos)", "€1 = 7.50 florins". */
const RATE_NOTE_BEFORE = /(?:^|[\s(\[])(?:US)?([$€£¥])\s?1(?:\.0{1,2})?\s*=\s*$/;
const MAJOR_SIGN: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
/** After an amount, the one unit of a major currency it equals: "MRL 8.40 = US$1". */
const RATE_NOTE_AFTER = /^\s*=\s*(?:US|U\.S\.)?\s?([$€£¥])\s?1(?:\.0{1,2})?(?![\d.,]*\d)/;
/**
 * The major currency a rate note gives an amount per one unit of ("$1 = 6.90 dravos", "MRL 8.40 = US$1": USD), or
 * undefined.
 */
function rateNoteMajor(c: ClaimContext): string | undefined {
  const at = c.start - c.sentenceStart;
  const end = c.end - c.sentenceStart;
  const m = RATE_NOTE_BEFORE.exec(c.sentence.slice(Math.max(0, at - 12), at)) ?? RATE_NOTE_AFTER.exec(c.sentence.slice(end, end + 14));
  return m ? MAJOR_SIGN[m[1]!] : undefined;
}
/** Two lists hold the same words. */
function sameWords(a: string[], b: string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((w) => y.has(w));
}
/**
 * The amounts of a finding converted through a stated rate, with the rate and where it is stated: "48.6bn dravos is
 * about $7.04bn at the rate stated as 6.90 dravos (wire.txt:41)" (each amount once, at most three), or ''.
 */
function ratesNamed(members: ClaimContext[], twins: Map<ClaimContext, Twin>): string {
  const out = new Set<string>();
  for (const c of members) {
    const t = twins.get(c);
    if (t) out.add(`${t.of.text} is about ${fmtMoney(c.value, c.unit)} at the rate stated as ${t.rate.at.text} (${shortDoc(t.rate.at.document)}:${t.rate.at.line})`);
  }
  const l = [...out];
  return l.length <= 3 ? l.join('; ') : `${l.slice(0, 3).join('; ')}; and ${l.length - 3} more`;
}
/** The currency word an amount is written with ("5.49 billion crowns" → "crown"), or null for a sign or a code. */
function currencyWord(text: string): string | null {
  const w = text.trim().split(/[^A-Za-z]/).pop() ?? '';
  if (w.length < 3 || /^(?:billion|million|thousand|bn|mn|trillion)$/i.test(w)) return null;
  return w.toLowerCase().replace(/s$/, '');
}

const KIND_RANK: Record<string, number> = { mismatch: 6, sources: 5, decrease: 4, rounding: 3, scope: 2, update: 1 };

/** What a finding is about, in words: the claim's measure, or who holds it when the measure names only a unit. */
function measureName(c: ClaimContext): string {
  const weak = !c.measure || c.measure === c.dimension || /^(?:count|currency|share|length|area|duration: time|rate)$/.test(c.measure);
  if (weak && c.holder) return c.dimension === 'percent' ? `${c.holder}'s share` : c.holder;
  return c.measure || c.dimension;
}

/** A duration that is the window another figure of its sentence is measured over (see mismatches). */
function isWindow(c: ClaimContext): boolean {
  if (c.dimension !== 'duration') return false;
  const at = c.start - c.sentenceStart;
  if (!WINDOW_BEFORE.test(c.sentence.slice(Math.max(0, at - 30), at))) return false;
  return /\d/.test(c.sentence.slice(0, at)) || /\d/.test(c.sentence.slice(c.end - c.sentenceStart));
}
const WINDOW_BEFORE = /\b(?:in|over|within|during)\s+(?:just\s+|only\s+)?(?:the\s+)?(?:past\s+|last\s+|first\s+|previous\s+)?$/i;
/** What a correction says an earlier version wrongly gave, right before the figure it retracts ("an earlier update said", "an earlier version of this story incorrectly reported", "as previously reported"). */
const RETRACTED = /\b(?:an?|the|our)\s+(?:earlier|previous|initial|original)\s+(?:version|update|report|story|article|post|edition|entry|bulletin)(?:\s+of\s+(?:this|the)\s+\w+)?\s+(?:\w+ly\s+)?(?:said|stated|reported|gave|put|had|misstated|quoted|listed|described)\b[^.;:!?]{0,80}$/i;
/** Words that withdraw a figure just given ("should not be used", "has been withdrawn"). */
const WITHDRAWN = /\b(?:should not be used|(?:is|was|were|has been|have been) (?:withdrawn|retracted))\b/i;
const CHANGED = /\b(?:raised|increased|lifted|boosted|topped up|cut|reduced|lowered|trimmed|revised|doubled|tripled)\b/i;
const EXTREME_MAX = /\b(?:max(?:imum)?|peak|highest|strongest)\b/i;
const EXTREME_MIN = /\b(?:min(?:imum)?|lowest)\b/i;
const AT_PEAK = /^[^.;:,]{0,30}?\bat (?:the|its) (?:peak|height)\b/i;
const PEAK_BEFORE = /\bat (?:the|its) (?:peak|height)\b[^.;:\d]{0,60}$/i;
const EXTREME_AFTER = /^(?:\s*\([^()]{0,40}\))?,\s+(?:the|its)\s+(lowest|highest|strongest|peak|minimum|maximum)\b/i;
/**
 * The figures after a total that break it down: "Of the 33 dead, 27 were brought ashore here (24 at A and 3 at B) and 6
 * there" — the bracketed 24 and 3 break down the 27, not the 33; and a breakdown of the lead figure ends at a semicolon
 * ("Of the 31 arrested in the city, 19 have been charged; 38 were detained nationwide").
 */
function breakdownOf(t: ClaimContext, after: ClaimContext[], ofLead: boolean): ClaimContext[] {
  const out: ClaimContext[] = [];
  let prev = t;
  let depth = 0;
  for (const c of after) {
    const between = c.sentence.slice(prev.end - c.sentenceStart, c.start - c.sentenceStart);
    if (ofLead && between.includes(';') && depth === 0) break;
    for (const ch of between) depth += ch === '(' ? 1 : ch === ')' && depth > 0 ? -1 : 0;
    prev = c;
    if (depth === 0) out.push(c);
  }
  return out;
}

/** Is y, read at a stated hour, within x, an extreme (maximum or minimum) given with no hour? */
function withinExtreme(x: ClaimContext, y: ClaimContext, kx: ClaimKey, ky: ClaimKey): boolean {
  if (x.clock != null) return false;
  const ex = extremeFacts(x);
  const ey = extremeFacts(y);
  // ("131,000 households at the peak": a count's peak, and any lower count of it, with or without an hour)
  if (ex.atPeak && ky.v <= kx.v && !ey.max && !ey.atPeak) return true;
  // ("the highest individual wave, 14.6 m" and a buoy's "waves of about 9 metres": a reading well below the storm's
  // maximum — not one just below it, "a surge of 2.5 metres" for the highest surge of 2.6 m, which misreports it)
  const yExtreme = ey.max || ey.min;
  if (!yExtreme && pointRatio(kx, ky) >= 1.2 && ((ex.max && ky.v <= kx.v) || (ex.min && ky.v >= kx.v))) return true;
  if (y.clock == null) return false;
  // (or the words after it say so: "to 941 hPa (27.79 inHg), the lowest reading of the storm")
  if (yExtreme) return false;
  return (ex.afterMax && ky.v <= kx.v) || (ex.afterMin && ky.v >= kx.v);
}

/** What withinExtreme() reads of one claim, once per claim (it runs for every pair that does not agree). */
interface ExtremeFacts {
  /** AT_PEAK in the 80 characters after the figure */
  atPeak: boolean;
  /** EXTREME_MAX / EXTREME_MIN in its measure */
  max: boolean;
  min: boolean;
  /** in its measure and the words after it (EXTREME_AFTER) */
  afterMax: boolean;
  afterMin: boolean;
}
const extremeMemo = new WeakMap<ClaimContext, ExtremeFacts>();
function extremeFacts(c: ClaimContext): ExtremeFacts {
  let r = extremeMemo.get(c);
  if (r) return r;
  const rest = c.sentence.slice(c.end - c.sentenceStart, c.end - c.sentenceStart + 80);
  const m = c.measure ?? '';
  const after = EXTREME_AFTER.exec(rest);
  const mx = `${m} ${after ? after[1] : ''}`;
  // ("At the peak of the operation, on Thursday night, 700 rescuers …": the words before it say so, with no figure between)
  const before = c.sentence.slice(Math.max(0, c.start - c.sentenceStart - 80), c.start - c.sentenceStart);
  r = { atPeak: AT_PEAK.test(rest) || PEAK_BEFORE.test(before), max: EXTREME_MAX.test(m), min: EXTREME_MIN.test(m), afterMax: EXTREME_MAX.test(mx), afterMin: EXTREME_MIN.test(mx) };
  extremeMemo.set(c, r);
  return r;
}

/** A change in points, in percentage points: "1.9 pp" is 1.9, "60 basis points" 0.6; null for any other unit. */
function pointsOf(c: ClaimContext): number | null {
  return c.unit === 'pp' ? c.value : c.unit === 'basis_point' ? c.value / 100 : null;
}

function capitalise(s: string): string {
  return s.length ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function byPosition(a: ClaimContext, b: ClaimContext): number {
  return a.docIndex - b.docIndex || a.index - b.index;
}

function pointRatio(a: ClaimKey, b: ClaimKey): number {
  const x = Math.abs(a.v);
  const y = Math.abs(b.v);
  const lo = Math.min(x, y);
  const hi = Math.max(x, y);
  return lo === 0 ? (hi === 0 ? 1 : Infinity) : hi / lo;
}

function relDiff(a: ClaimKey, b: ClaimKey): number {
  const m = Math.max(Math.abs(a.v), Math.abs(b.v));
  return m === 0 ? 0 : Math.abs(a.v - b.v) / m;
}

function roundingWhy(a: ClaimContext, b: ClaimContext): string {
  const [coarse, fine] = (a.precision ?? 0) >= (b.precision ?? 0) ? [a, b] : [b, a];
  if (coarse.precision && coarse.precision > (fine.precision ?? 0)) {
    return `${coarse.text} is ${fine.text} rounded to ${fmtPrecision(coarse.precision)}: they agree at the precision written, but they are not the same number`;
  }
  return `${a.text} and ${b.text} agree only once read at the precision they were written with`;
}

/**
 * The precision a figure was written with, keeping two significant digits: "684" → 1, "220,000" → 10,000,
 * "20" → 1 (a two-digit figure ending in 0 is not taken as rounded to the ten).
 */
function strictPrecision(c: ClaimContext): number {
  if (c.precision === null) return 0;
  if (c.precision <= 1) return c.precision;
  const digits = Math.floor(Math.log10(Math.abs(c.value) || 1)) + 1;
  return Math.min(c.precision, Math.pow(10, Math.max(0, digits - 2)));
}

function unitWord(u: string): string {
  const names: Record<string, string> = { mi: 'miles', km: 'km', mph: 'mph', 'km/h': 'km/h', degF: '°F', degC: '°C', ft: 'feet', m: 'metres', in: 'inches', mm: 'mm', cm: 'cm', acre: 'acres', hectare: 'hectares', kg: 'kg', lb: 'lb', tonne: 'tonnes' };
  return names[u] ?? u;
}

/** A measure of new ones only: "new cases", "new infections", "newly confirmed". */
// (not "a new national record", "a new high": a record is a level, not a count of new ones)
/** A row or list item that breaks down the one above it: "of which postpaid", "o/w fibre", "incl. VAT". */
const SUB_ROW = /^[\s*•·–+-]*(?:of which|of whom|o\/w|incl\.|including|thereof|among them)\b/i;
/** Nouns of results ("profits leapt 13.5%, while its revenue swelled to 14.62bn"): a change of one is no change of another. */
const PEOPLE_OR_MONEY_NOUN = /^(?:profit|revenue|sale|earnings|income|turnover|ebitda|ebit|cost|dividend|margin|debt|loss)$/;
const NEW_ONES = /\b(?:new|newly)\b(?!\s+(?:national\s+|all-time\s+|heat\s+)?(?:record|high|peak|low)\b)/i;
/** NEW_ONES.test(c.measure), once per measure (asked for every comparable pair) */
const newOnesOf = memoize((measure) => NEW_ONES.test(measure));
const newOnes = (c: ClaimContext): boolean => newOnesOf(c.measure ?? '');

/** A list line's label up to its figure: "- European Union: ", "City of Corvale: ". */
const LIST_LABEL = /^[\s*•·–-]{0,4}[A-Za-z][^:\d]{0,58}:\s{0,3}$/;
/** What may follow the figure on such a line: nothing, a full stop, or a bracketed note. */
const LIST_VALUE_REST = /^\s{0,3}(?:[.;]\s{0,3})?(?:\([^()]{0,80}\)\s{0,3}[.;]?)?$/;
/** After a total: "14 aircraft in all", "€3.35bn in total", "20 altogether". */
/** Words that join the things a total is of: "together", "combined", "between them". */
const TOGETHER = /\b(?:together|combined|between them|jointly)\b/i;
/** Words that set a figure out as part of the one before it: "96,000, of whom 31,000", "41,300, including 12,800". */
const BROKEN_OUT = /^[^.;:]{0,40}\b(?:of whom|of which|including|among them|among whom)\b[^.;:]{0,30}$/i;
const IN_ALL = /^\s*(?:[a-z-]+\s+){0,3}(?:in all|in total|all told|altogether|combined)\b/i;
/** After a total set off by dashes: "… 14 crew - 186 souls - aboard". */
const DASHED_AFTER = /^ (?:[a-z-]+ ){1,3}[-–—](?: |$)/i;

/** Between the last part and its total: "… six air tankers, 14 aircraft in all", "… seven crew - 193 souls in all". */
function totalJoin(gap: string): boolean {
  return /^((?:[a-z-]+\s+){0,3}[a-z-]+)?\s*(?:,|-|–|—|\(|:)$/.test(gap.trim().toLowerCase()) || partJoin(gap);
}

/** Between listed parts: "12 helicopters and 6 air tankers, " (a short noun phrase, then a comma, "and" or "plus"). */
function partJoin(gap: string): boolean {
  let g = gap.trim().toLowerCase();
  const joiner = g.endsWith(',') ? ',' : / and$|^and$/.test(g) ? 'and' : / plus$|^plus$/.test(g) ? 'plus' : '';
  if (!joiner) return false;
  g = g.slice(0, g.length - joiner.length).trimEnd();
  if (g.endsWith(',')) g = g.slice(0, -1).trimEnd();
  if (!g) return true;
  const words = g.split(' ');
  return words.length <= 4 && words.every((w) => /^[a-z-]+$/.test(w));
}
const TOTAL_LABEL = /^[\s*•·–-]{0,4}(?:total|in total|overall|grand total|total cost|total funding|all sources)\b/i;

/** The words of a `rising` list as isRising() matches them: lower-cased and lemmatised (phrases word by word too). */
function risingWords(rising: string[], lex: Lexicon): Set<string> {
  return new Set(
    rising.flatMap((r) => {
      const low = r.toLowerCase();
      const words = low.split(/[^a-z]+/).filter(Boolean);
      return words.length > 1 ? [low, lemmaPhrase(r, lex), words.map((w) => lemmaPhrase(w, lex)).join(' ')] : [low, lemmaPhrase(r, lex)];
    }),
  );
}

/** Does the claim's event, counted thing or a word (or a run of words) of its measure name one of `rising` (risingWords)? */
function isRising(c: ClaimContext, k: ClaimKey, rising: Set<string>, lex: Lexicon): boolean {
  if (k.event && rising.has(k.event)) return true;
  if (c.event && rising.has(c.event)) return true;
  if (k.noun && rising.has(k.noun)) return true;
  const lemmas = (c.measure ?? '').toLowerCase().split(/[^a-z]+/).filter(Boolean).map((w) => lemmaPhrase(w, lex));
  for (const w of lemmas) if (rising.has(w)) return true;
  // (several words: "air tanker", "in hospital" must appear in the measure in that order)
  const phrase = ` ${lemmas.join(' ')} `;
  for (const r of rising) if (r.includes(' ') && phrase.includes(` ${r} `)) return true;
  return false;
}

/** Does a claim satisfy a rule's selector? (Every condition given must hold.) */
export function matchSelector(sel: Selector, c: ClaimContext, lex: Lexicon): boolean {
  if (sel.unit && !sel.unit.some((u) => u.toLowerCase() === c.unit.toLowerCase())) return false;
  if (sel.dimension && !sel.dimension.some((d) => d.toLowerCase() === c.dimension.toLowerCase())) return false;
  if (sel.measure) {
    const m = ` ${(c.measure ?? '').toLowerCase().split(/[^a-z]+/).filter(Boolean).map((w) => lemmaPhrase(w, lex)).join(' ')} `;
    if (!sel.measure.some((w) => m.includes(` ${lemmaPhrase(w, lex)} `))) return false;
  }
  if (sel.event) {
    const ev = (c.event ?? '').toLowerCase();
    if (!ev || !sel.event.some((w) => lemmaPhrase(w, lex) === lemmaPhrase(ev, lex) || w.toLowerCase() === ev)) return false;
  }
  if (sel.attribution) {
    const a = (c.attribution ?? '').toLowerCase();
    if (!a || !sel.attribution.some((w) => a.includes(w.toLowerCase()))) return false;
  }
  if (sel.pattern && !sel.pattern.test(c.sentence)) return false;
  return true;
}

export type { Aligned };

const OF_THOSE = /^\W*(?:of|among)\s+(?:those|them|these|the total|this total|that number|this number|whom)\s*,/i;

/**
 * A breakdown whose parts come to 90% of its total or more ("71 escaped and 38 were trapped" of 112) was meant to
 * cover it: the parts must add up. One that covers less names some of the parts only ("40 critical, 12 serious").
 */
function nearTotal(parts: ClaimContext[], t: ClaimContext): boolean {
  const sum = parts.reduce((x, c) => x + c.value, 0);
  return t.value > 0 && sum >= 0.9 * t.value;
}

/** The claims of each unit family but counts (in claim order), each family's in a WitnessIndex. */
function familyIndexes(claims: ClaimContext[], keys: ClaimKey[]): Map<string, WitnessIndex> {
  return new Map([...indicesByFamily(keys)].filter(([f]) => f !== 'count').map(([f, l]) => [f, new WitnessIndex(l, claims)]));
}

/**
 * How far parts may miss their total: the rule's tolerance, or half the total's rounding step (or a listed part's,
 * when `parts` are figures written to a step of their own: table cells, listed amounts).
 */
function sumTolerance(rule: RuleOf<'sum'>, t: ClaimContext, parts: ClaimContext[] = []): number {
  return Math.max(rule.params.tolerance * t.value, (t.precision ?? 0) / 2, ...parts.map((c) => (c.precision ?? 0) / 2));
}

/**
 * The claims of one unit family (by their index into the aligned claims, in the order a scan of the family's blocks
 * meets them), sorted by value per unit: near() gives, in that scan order, every claim whose value converted to a
 * figure's unit may lie within `tol` of the figure's value — a superset of those conversionWitnesses() keeps (it
 * still tests each exactly), without converting every claim of the family.
 */
class WitnessIndex {
  private readonly byUnit = new Map<string, { values: Float64Array; order: Int32Array }>();
  /** claims whose value is not a finite number: always candidates (their gap is not a number either) */
  private readonly always: number[] = [];

  constructor(private readonly flat: number[], claims: ClaimContext[]) {
    const units = new Map<string, number[]>();
    flat.forEach((i, g) => {
      const x = claims[i]!;
      if (!Number.isFinite(x.value)) this.always.push(g);
      else {
        const l = units.get(x.unit);
        if (l) l.push(g);
        else units.set(x.unit, [g]);
      }
    });
    for (const [u, gs] of units) {
      gs.sort((p, q) => claims[flat[p]!]!.value - claims[flat[q]!]!.value);
      this.byUnit.set(u, { values: Float64Array.from(gs, (g) => claims[flat[g]!]!.value), order: Int32Array.from(gs) });
    }
  }

  near(o: ClaimContext, tol: number, lex: Lexicon): number[] {
    if (!Number.isFinite(o.value) || !Number.isFinite(tol)) return this.flat;
    const gs: number[] = [...this.always];
    for (const [u, { values, order }] of this.byUnit) {
      // the window in this unit (conversions are affine: increasing, or the whole unit is taken)
      let lo = u === o.unit ? o.value - tol : convert(o.value - tol, o.unit, u, lex);
      let hi = u === o.unit ? o.value + tol : convert(o.value + tol, o.unit, u, lex);
      let from = 0;
      let to = values.length;
      if (lo !== null && hi !== null && Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi) {
        const slack = (Math.abs(lo) + Math.abs(hi)) * 1e-7 + 1e-9;
        lo -= slack;
        hi += slack;
        from = lowerBound(values, lo);
        to = lowerBound(values, hi);
        while (to < values.length && values[to]! <= hi) to++;
      }
      for (let j = from; j < to; j++) gs.push(order[j]!);
    }
    gs.sort((p, q) => p - q);
    return gs.map((g) => this.flat[g]!);
  }
}


/** The first index of a sorted array whose value is not below x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}
