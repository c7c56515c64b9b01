/**
 * The plain data that flows between the pipeline stages:
 *
 *   ingest → Document → extract → Mention[] → context → Claim[] → align → Group[] → rules → Finding[] → report
 *
 * Offsets: every `start`/`end` on a Document, Segment or Mention is a UTF-16 index into `Document.text`
 * (the cleaned text). `Document.map` turns them into UTF-16 offsets into the file as it is on disk, which is
 * what the JSON contract (`Claim.span`) and every report show.
 */

export type DocFormat = 'text' | 'markdown' | 'html' | 'jsonl';

/** A problem with one input. It is reported in `documents[].errors` and on stderr; nothing else is lost. */
export interface DocError {
  /** Stable machine-readable code, e.g. "ENOENT", "decode", "jsonl-parse", "empty", "binary". */
  code: string;
  message: string;
  /** 1-based line in the file the problem is on, when it has one (JSONL). */
  line?: number;
}

/** A block of cleaned text: a paragraph, heading, list item, table cell, caption. */
export interface Segment {
  start: number;
  end: number;
  kind: 'paragraph' | 'heading' | 'list-item' | 'caption' | 'quote' | 'cell' | 'meta';
  /** For a table cell: which table of the document, which row (0: the first, the header) and column (0-based). */
  cell?: CellRef;
}

export interface CellRef {
  table: number;
  row: number;
  col: number;
}

/**
 * Maps offsets in the cleaned text back to UTF-16 offsets in the file on disk.
 * Implemented in src/ingest/offsets.ts as piecewise runs (binary search), so it costs O(runs), not O(chars).
 */
export interface OffsetMap {
  /** Original offset of the character at cleaned offset `i` (for a span start). */
  toOriginalStart(i: number): number;
  /** Original offset just after the character at cleaned offset `i - 1` (for a span end). */
  toOriginalEnd(i: number): number;
}

export interface Document {
  /** Unique in a run: the file's path relative to the working directory; `<file>#<line or id>` for JSONL lines; "-" or --stdin-filename for stdin. */
  id: string;
  /** The path as the user gave it (for JSONL: the .jsonl file). */
  path: string;
  format: DocFormat;
  /** Cleaned text: article body only, boilerplate and repeated paragraphs removed. */
  text: string;
  segments: Segment[];
  map: OffsetMap;
  /** The decoded file (or JSONL line) as on disk, used for line/column and quoting. Absent only if unreadable. */
  source?: string;
  /** Offset of `source` inside the file (non-zero for a JSONL line: the line's start). */
  sourceOffset?: number;
  /** Line number (1-based) of `source`'s first character in the file. */
  sourceLine?: number;
  /** Publication date YYYY-MM-DD, or null when neither metadata nor the text states one. */
  date: string | null;
  /** Where the date came from (for explanations). */
  dateSource?: 'front-matter' | 'meta' | 'json-ld' | 'header-line' | 'jsonl' | 'cli' | 'text' | 'batch' | null;
  /** The month and day of a wire dateline with no year ("BRANNICK, Oct 11 (HPS) -") in a document dated nowhere else:
   * the batch's dated documents tell its year (src/cli/common.ts). */
  datelineDay?: { month: number; day: number };
  /** The time of day the document was published, minutes after midnight as written beside its date ("Published
   * 08/11/2025 14:22 CET", a datetime "2025-11-08T17:45+01:00"), when it says; orders two reports of one day. */
  clock?: number | null;
  outlet: string | null;
  title: string | null;
  url?: string | null;
  errors: DocError[];
}

export type Qualifier = 'exact' | 'approx' | 'lower' | 'upper' | 'range';

/**
 * Dimensions are coarse families used for blocking and unit conversion:
 * count, length, area, volume, mass, speed, temperature, duration, currency, percent, pp (percentage points),
 * ratio ("three times"), rate (count per time or per population), energy, power, data, pressure, magnitude, other.
 */
export type Dimension = string;

/** One quantity found in the text, before context is attached. */
export interface Mention {
  /** Span in Document.text (UTF-16). Covers qualifier words, number, scale and unit: "more than 600", "$500 million", "1,100-km". */
  start: number;
  end: number;
  text: string;
  /** Point value in `unit`. For a range: the midpoint. For a vague amount: a value inside [low, high]. */
  value: number;
  /** Interval implied by qualifier/range/vagueness, in `unit`; null = unbounded on that side. */
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  /** Canonical unit: a mathjs unit name ("km", "mi", "degC", "km/h"), ISO 4217 code ("USD"), "percent", "pp", "count", "count/day", "count/100000", "times". */
  unit: string;
  dimension: Dimension;
  /**
   * The granularity the writer used, in `unit`: 222,000 → 1000; 220,000 → 10000; 2.4 → 0.1; "$1.2 billion" → 1e8.
   * Null when the form carries no precision (number words, vague amounts).
   */
  precision: number | null;
  /** Exact decimal string of the value as written (no precision lost for 99,999,999,999,999,999,999). */
  exact: string;
  /** How it was written. */
  form: 'digits' | 'words' | 'mixed' | 'vague' | 'fraction';
  /** Head noun of what is counted or measured, lemmatised, when the extractor saw one next to the figure ("reservist", "populated place"). */
  noun: string | null;
  /** Plain-words description of what is counted/measured, e.g. "reservists mobilised", "duration: call-up finished". */
  measure: string;
  /** Set when the figure is stated as a conversion of a neighbouring one: "1,100-km (684-mile)" → the 684-mile mention points at the 1,100-km one (index in the same mention array). */
  conversionOf?: number;
  /** Set for "X out of Y" / "X of the Y" / "Y, of which X": index of the whole. */
  partOf?: number;
  /** Set for "X, or Z%" / "Z% of Y": index of the figure this percentage is a share of. */
  shareOf?: number;
  /**
   * For a change in per cent told with the amount it is a change of ("net profit of €688m, up 7.3%", "rose 7.3% to
   * €688m"): that amount, in its unit, read at its precision; `own` when the change names what it measures itself (else
   * it took the amount's measure). Two changes told with amounts are one fact only when the amounts agree.
   */
  changeOfAmount?: { unit: string; lo: number; hi: number; own: boolean };
  /** For rates: the period or population the rate is per ("day", "100000 people"). */
  per?: string | null;
  /** True for ages ("a 38-year-old"). */
  age?: boolean;
  /** The event lemma the extractor read next to the figure ("mobilise", "retake"), if any. */
  event?: string | null;
  /** The noun phrase of what is counted, as written ("populated places", "long-range missiles"). */
  phrase?: string | null;
  /**
   * How the figure stands in its sentence: a benchmark it is compared with ("an expected 300,000", "below the
   * figure of 300,000", "a target of …") or a subset named by reference ("two of these vehicles"). Figures of
   * different roles never report the same fact.
   */
  role?: 'reference' | 'subset' | 'whole' | 'forecast' | 'history' | 'change';
  /** Who holds the figure ("Green Future" in "Green Future won 11.9%"), when a name stands right before it. */
  holder?: string | null;
  /**
   * One of several things its sentence tells apart by a name before the same head noun ("The Pellham route was 3.2 km
   * and the Skarrow route 2.4 km"): a row of a list, held by its name, never the fact of a figure that names none.
   */
  namedRow?: boolean;
}

/** Where a claim came from in the file on disk. */
export interface SourceSpan {
  start: number; // UTF-16 offset into the file on disk
  end: number;
}

export interface TimeRef {
  /** What the figure is about in time, as an interval of ISO dates (inclusive); null ends are unknown. */
  start: string | null;
  end: string | null;
  /** The words that fixed it ("on Friday", "so far this year"), or "document date". */
  text: string | null;
}

/** A mention with its context: the unit of alignment and of the JSON contract's `claims[]`. */
export interface Claim extends Mention {
  id: string;
  document: string;
  span: SourceSpan;
  line: number;
  column: number;
  /** The event/predicate lemma ("mobilise", "retake", "kill"), when found. */
  event: string | null;
  time: TimeRef | null;
  /** Location scope words ("north of the Kherson region"), null = unscoped/national. */
  scope: string | null;
  /** Who said it ("Putin", "the ministry", "police"), null when unattributed. */
  attribution: string | null;
  /** The sentence the figure is in, as in the cleaned text. */
  sentence: string;
  /** Offset of `sentence` in Document.text. */
  sentenceStart: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  id: string;
  rule: string;
  severity: Severity;
  kind: string;
  message: string;
  claims: string[];
  /** Rule-specific details (expected value, ratio, scopes ...). */
  details?: Record<string, unknown>;
  link?: string | null;
}

export interface CheckResult {
  rule: string;
  claims: string[];
  status: 'pass';
  message?: string;
}

/** The JSON contract of DESIGN.md (`--format json`). */
export interface Report {
  version: 1;
  documents: Array<{
    id: string;
    path: string;
    format: DocFormat;
    date: string | null;
    outlet: string | null;
    title: string | null;
    errors: DocError[];
  }>;
  claims: Array<Record<string, unknown>>;
  findings?: Finding[];
  checks?: CheckResult[];
}
