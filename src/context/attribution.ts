/**
 * Who said a figure: "Putin said …", "… said Civil Protection head Elena Marchetti", "according to the
 * ministry", "police estimated …". Read from the figure's sentence; pronouns ("he said") are resolved to the
 * last named source of the document by the caller.
 */
import { asciiLowerHash, asciiLowerHashOf, HashSet, isCapitalised, T_PUNCT, T_WORD, tokenizeMemo, tokLower, tokText, type Tokens } from '../extract/tokens.js';

const SPEECH = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'reported', 'reports', 'announced', 'announces', 'estimated', 'estimates',
  'claimed', 'claims', 'added', 'adds', 'noted', 'notes', 'warned', 'warns', 'stressed', 'stresses', 'wrote', 'writes', 'confirmed',
  'confirms', 'insisted', 'insists', 'assured', 'assures', 'highlighted', 'explained', 'explains', 'counted', 'recorded', 'registered',
  'tallied', 'put', 'puts', 'declared', 'declares', 'disclosed', 'revealed', 'acknowledged', 'admitted', 'argued', 'asserted', 'reckoned',
  'calculated', 'projected', 'forecast', 'predicted', 'tweeted', 'posted', 'briefed', 'informed', 'indicated', 'suggested', 'saying',
  'gave', 'gives', 'published', 'publishes', 'issued', 'issues', 'released', 'releases',
]);
/** Lower-case nouns that name a source ("police estimated", "organisers said", "officials told"). */
const SOURCE_NOUNS = new Set([
  'police', 'organisers', 'organizers', 'officials', 'official', 'authorities', 'ministry', 'government', 'army', 'military', 'rescuers',
  'spokesman', 'spokeswoman', 'spokesperson', 'agency', 'hospital', 'hospitals', 'witnesses', 'residents', 'activists', 'analysts',
  'economists', 'experts', 'company', 'firm', 'group', 'council', 'mayor', 'governor', 'minister', 'president', 'premier', 'ministry',
  'prosecutors', 'investigators', 'doctors', 'medics', 'paramedics', 'firefighters', 'volunteers', 'researchers', 'scientists', 'observers',
  'monitors', 'union', 'unions', 'statement', 'report', 'survey', 'poll', 'data', 'figures', 'census', 'service', 'office', 'bureau',
  'department', 'commission', 'committee', 'board', 'institute', 'centre', 'center', 'media', 'newspaper', 'outlet', 'broadcaster',
  'fire', 'brigade', 'coastguard', 'navy', 'troops', 'forces', 'sources', 'source', 'diplomats', 'lawmakers', 'senators', 'leaders',
]);
const TITLE_WORDS = new Set(['head', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'director', 'secretary', 'president', 'leader', 'governor', 'mayor', 'commander', 'general', 'official', 'adviser', 'advisor', 'chairman', 'chairwoman', 'ceo', 'boss', 'analyst', 'economist', 'correspondent', 'editor', 'expert', 'professor', 'deputy', 'former', 'acting']);
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tonight', 'morning', 'evening', 'afternoon', 'night', 'week', 'weekend']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
/** Words that name no one before a speech verb: "as originally reported", "as first reported". */
const NO_SOURCE = new Set(['as', 'originally', 'first', 'previously', 'initially', 'earlier', 'also', 'then', 'widely']);
const JOINERS = new Set(['of', 'the', 'for', 'and', "'", 's', '-', '&']);

export interface Attribution {
  /** The source as written ("Russian President Vladimir Putin", "the ministry", "police"). */
  text: string;
  /** A short comparable key: the last capitalised word ("putin"), or the source noun ("police"). */
  key: string;
  pronoun: boolean;
  /** Offset of the source text in the sentence. */
  at: number;
}

function lw(t: Tokens, i: number): string {
  return i >= 0 && i < t.n ? tokLower(t, i) : '';
}

function make(t: Tokens, a: number, b: number, pronoun = false): Attribution | null {
  // trim joiners at the ends
  while (a <= b && (JOINERS.has(lw(t, a)) || t.kind[a] === T_PUNCT)) a++;
  while (b >= a && (JOINERS.has(lw(t, b)) || t.kind[b] === T_PUNCT)) b--;
  if (a > b) return null;
  // ("As originally reported, …": no one is named)
  let named = false;
  for (let i = a; i <= b && !named; i++) if (!NO_SOURCE.has(lw(t, i))) named = true;
  if (!named) return null;
  const text = t.text.slice(t.start[a]!, t.end[b]!).replace(/\s+/g, ' ');
  let key = '';
  // the head of a name comes before "of"/"for": "Ministry of Reintegration of … Ukraine" → "ministry"
  let headEnd = b;
  for (let i = a; i <= b; i++) if ((lw(t, i) === 'of' || lw(t, i) === 'for') && i > a) {
    headEnd = i - 1;
    break;
  }
  // a name first ("The CGL union confederation" → cgl), else a source noun ("the city's police headquarters" → police)
  for (let i = headEnd; i >= a && !key; i--) if (isCapitalised(t, i) && lw(t, i) !== 's' && !(i === a && lw(t, i) === 'the')) key = lw(t, i);
  for (let i = headEnd; i >= a && !key; i--) if (SOURCE_NOUNS.has(lw(t, i))) key = lw(t, i);
  if (!key) {
    for (let i = b; i >= a; i--) if (t.kind[i] === T_WORD && SOURCE_NOUNS.has(lw(t, i))) {
      key = lw(t, i).replace(/izers$/, 'isers');
      break;
    }
  }
  if (!key) key = lw(t, b);
  return { text, key, pronoun, at: t.start[a]! };
}

/** Noun phrase of a source ending at token e (reading backwards), or null. */
function sourceBefore(t: Tokens, e: number): Attribution | null {
  let i = e;
  // "the ministry, which on Thursday gave …": past a time adjunct and a relative pronoun to the source
  while (i >= 1 && CALENDAR.has(lw(t, i)) && /^(?:on|last|this|next|early|late|by|since)$/.test(lw(t, i - 1))) i -= 2;
  if (i >= 1 && (lw(t, i) === 'which' || lw(t, i) === 'who') && tokText(t, i - 1) === ',') i -= 2;
  e = i;
  if (i < 0 || CALENDAR.has(lw(t, i))) return null;
  const w = lw(t, i);
  if (PRONOUNS.has(w)) return make(t, i, i, true);
  let start = -1;
  let sawName = false;
  let plain = 0;
  while (i >= 0) {
    if (isCapitalised(t, i)) {
      start = i;
      sawName = true;
      i--;
      continue;
    }
    const x = lw(t, i);
    if (t.kind[i] === T_WORD && (SOURCE_NOUNS.has(x) || TITLE_WORDS.has(x))) {
      start = i;
      i--;
      continue;
    }
    // "The CGL union confederation said", "The city's police headquarters counted": plain nouns inside a source name
    if (t.kind[i] === T_WORD && plain < 3 && x.length > 2 && !JOINERS.has(x) && !PRONOUNS.has(x) && !/^(?:and|or|but|that|which|who|when|while|as|if|then|also|has|had|have|was|were|is|are|will|would|could|not|no|a|an|in|on|at|to|by|with|from|for)$/.test(x) && (isCapitalised(t, i - 1) || SOURCE_NOUNS.has(lw(t, i - 1)) || (lw(t, i - 1) === 's' && tokText(t, i - 2) === "'") || t.kind[i - 1] === T_WORD)) {
      start = i;
      plain++;
      i--;
      continue;
    }
    // joiners inside names: "Ministry of Reintegration", "Ukraine's ministry"
    if ((JOINERS.has(x) || (t.kind[i] === T_PUNCT && tokText(t, i) === "'")) && (isCapitalised(t, i - 1) || (i - 1 >= 0 && (JOINERS.has(lw(t, i - 1)) || SOURCE_NOUNS.has(lw(t, i - 1)))))) {
      i--;
      continue;
    }
    if (x === 'the' && start >= 0) start = i;
    break;
  }
  if (start < 0) return null;
  let named = sawName;
  for (let k = start; k <= e && !named; k++) if (SOURCE_NOUNS.has(lw(t, k))) named = true;
  if (!named) return null;
  return make(t, start, e);
}

/** Noun phrase of a source starting at token s (reading forwards). */
function sourceAfter(t: Tokens, s: number, limit = 12): Attribution | null {
  let i = s;
  while (i < t.n && lw(t, i) === 'the') i++;
  const first = i;
  let last = -1;
  let steps = 0;
  while (i < t.n && steps < limit) {
    const x = lw(t, i);
    if (isCapitalised(t, i) || (t.kind[i] === T_WORD && (SOURCE_NOUNS.has(x) || TITLE_WORDS.has(x)))) last = i;
    else if (!(JOINERS.has(x) || (t.kind[i] === T_PUNCT && tokText(t, i) === "'"))) break;
    i++;
    steps++;
  }
  if (last < first) return null;
  return make(t, s, last);
}

const ESTIMATE_WORDS = new Set(['figure', 'figures', 'estimate', 'estimates', 'count', 'tally', 'number', 'claim', 'total', 'calculation', 'reckoning', 'projection', 'forecast', 'data']);

/** Qualifier words a figure may start with ("of around 23,000"), skipped back over to reach its source. */
const QUAL = new Set(['around', 'about', 'some', 'roughly', 'nearly', 'almost', 'approximately', 'just', 'over', 'under', 'more', 'than', 'least', 'at', 'up', 'to']);

/**
 * A source named in the figure's own phrase: "the police figure of around 23,000", "the unions' estimate of
 * 12,000", or a gapped clause "the ministry counted 1.05 million marchers and the unions 2.5 million".
 */
function ownSource(t: Tokens, figAt: number): Attribution | null {
  let i = 0;
  while (i < t.n && t.start[i]! < figAt) i++;
  // skip qualifier words back to the figure's start: "of around 23,000"
  let k = i - 1;
  while (k >= 0 && QUAL.has(lw(t, k))) k--;
  if (lw(t, k) === 'of' && ESTIMATE_WORDS.has(lw(t, k - 1))) {
    let j = k - 2;
    if (lw(t, j) === 's' && tokText(t, j - 1) === "'") j -= 2;
    else if (tokText(t, j) === "'") j -= 1;
    if (j >= 0 && (SOURCE_NOUNS.has(lw(t, j)) || isCapitalised(t, j))) return sourceBefore(t, j);
  }
  // a label that starts the sentence: "Police: 68,000 in Varnholm.", "The JUF: 240,000." (a source noun or an acronym)
  if (k >= 1 && tokText(t, k) === ':') {
    let j = k - 1;
    while (j > 0 && t.kind[j - 1] === T_WORD && (isCapitalised(t, j - 1) || SOURCE_NOUNS.has(lw(t, j - 1)))) j--;
    const label = t.text.slice(t.start[j]!, t.end[k - 1]!);
    const lead = t.text.slice(0, t.start[j]!);
    if (k - j <= 3 && /^[^a-z]*$/.test(lead) && !ESTIMATE_WORDS.has(lw(t, k - 1)) && (SOURCE_NOUNS.has(lw(t, k - 1)) || /(?:^|\s)[A-Z]{2,5}$/.test(label))) return make(t, j, k - 1);
  }
  // gapped: "... and the unions 2.5 million" — a source noun phrase right before the figure, after "and"/","
  if (k >= 1 && t.kind[k] === T_WORD && SOURCE_NOUNS.has(lw(t, k))) {
    let j = k;
    while (j > 0 && (lw(t, j - 1) === 'the' || t.kind[j - 1] === T_WORD && isCapitalised(t, j - 1))) j--;
    if (lw(t, j - 1) === 'and' || tokText(t, j - 1) === ',') return make(t, j, k);
  }
  return null;
}

/**
 * The attribution of a figure at offset `figAt` of `sentence`: the speech verb nearest the figure decides.
 */
export function findAttribution(sentence: string, figAt: number): Attribution | null {
  const t = tokenizeMemo(sentence);
  const own = ownSource(t, figAt);
  if (own) return own;
  let best: Attribution | null = null;
  let bestDist = Infinity;
  for (const c of speechCandidates(t)) {
    const d = Math.abs(c.at - figAt);
    if (d < bestDist) {
      best = c.cand;
      bestDist = d;
    }
  }
  return best;
}

/** asciiLowerHash of the words a source is read from: the speech verbs, "according (to)", "citing", "quoting". */
const CUE_HASHES = new HashSet([...SPEECH, 'according', 'citing', 'quoting'].map(asciiLowerHashOf));

/** The sources the speech verbs of a sentence name, in order, with the offset of each verb (read once a sentence). */
const candidatesOf = new WeakMap<Tokens, Array<{ at: number; cand: Attribution }>>();
function speechCandidates(t: Tokens): Array<{ at: number; cand: Attribution }> {
  let out = candidatesOf.get(t);
  if (out) return out;
  out = [];
  for (let i = 0; i < t.n; i++) {
    if (t.kind[i] !== T_WORD) continue;
    // (an all-ASCII word none of the cues hashes like is passed over before its lower case is made)
    const h = asciiLowerHash(t, i);
    if (h >= 0 && !CUE_HASHES.has(h)) continue;
    const w = lw(t, i);
    let cand: Attribution | null = null;
    if (w === 'according' && lw(t, i + 1) === 'to') cand = sourceAfter(t, i + 2);
    else if (SPEECH.has(w)) {
      // "X said" / "X, a spokesman, said" / "said X"
      let b = i - 1;
      while (b >= 0 && (lw(t, b) === 'also' || lw(t, b) === 'later' || lw(t, b) === 'earlier' || lw(t, b) === 'has' || lw(t, b) === 'had' || lw(t, b) === 'have' || lw(t, b) === 'previously' || lw(t, b) === 'had')) b--;
      cand = sourceBefore(t, b);
      if (!cand && (i + 1 < t.n)) cand = sourceAfter(t, i + 1);
      if (!cand) continue;
    } else if (w === 'citing' || w === 'quoting') cand = sourceAfter(t, i + 1);
    if (!cand) continue;
    out.push({ at: t.start[i]!, cand });
  }
  candidatesOf.set(t, out);
  return out;
}
