/**
 * Saved HTML pages → the article's blocks, with exact offsets.
 *
 *  1. parse5 parses the page with source locations: every text node knows its span in the file.
 *  2. The tree is flattened (iteratively: 10,000-deep nesting must not overflow the stack) and pruned: tags that
 *     never hold article text, hidden elements, boilerplate roles, containers whose class/id says cookie / share /
 *     related / comment / nav ... (rules/lexicon/boilerplate.yaml).
 *  3. Which elements are the article: @mozilla/readability run on a linkedom copy of the pruned tree, each element
 *     tagged with its index (data-nc-i) and each text node remembered, so its choice maps back to parse5 nodes.
 *     When Readability fails or keeps too little, a fallback picks the article/main/articleBody container with the
 *     most text. Either way, link-heavy blocks are dropped.
 *  4. Text nodes of the kept elements are aligned with their source span (entities, CRLF, NUL) and collapsed into
 *     blocks: headings, paragraphs, list items, captions, cells, quotes — a sentence never runs across blocks.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { TextAcc } from './acc.js';
import type { Draft, SegmentKind } from './blocks.js';
import { datelineDate, isoClock, normalizeDate } from './dates.js';
import { decodeEntity, ENTITY_AT } from './entities.js';
import { classWords, matchesMarker, type Boilerplate } from './lexicon.js';
import { pieceOrigStart } from './offsets.js';

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];
type P5Text = DefaultTreeAdapterMap['textNode'];

export interface HtmlMeta {
  date: string | null;
  dateSource: 'meta' | 'json-ld' | null;
  /** The time of day beside the date, minutes after midnight (see Document.clock), or null. */
  clock: number | null;
  title: string | null;
  outlet: string | null;
  url: string | null;
  /** When the page was last updated (a live report's latest entry), with its clock: a date of last resort. */
  modified?: { date: string; clock: number | null } | null;
}

export interface HtmlResult {
  drafts: Draft[];
  meta: HtmlMeta;
  /** How the article was chosen (for tests and --debug). */
  selection: 'readability' | 'fallback' | 'none';
  warnings: string[];
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp', 'title', 'head', 'option', 'select', 'iframe', 'video', 'audio',
]);

const KIND_OF: Record<string, SegmentKind> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'list-item', dd: 'list-item', dt: 'list-item',
  td: 'cell', th: 'cell',
  figcaption: 'caption', caption: 'caption',
  blockquote: 'quote',
};

/** Elements whose text is never article text, whatever the lexicon says. */
const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'textarea', 'select', 'option', 'svg', 'math', 'iframe', 'object']);

const ARTICLE_ROOTS = new Set(['article', 'main']);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

// ---------------------------------------------------------------------------------------------------------------
// Flattened tree

interface Flat {
  /** Pre-order list of element and text nodes. */
  nodes: Array<P5Element | P5Text>;
  isText: Uint8Array;
  parent: Int32Array;
  /** Index just past the node's subtree. */
  end: Int32Array;
  depth: Int32Array;
  tag: string[];
}

function flatten(root: P5Node): Flat {
  const nodes: Array<P5Element | P5Text> = [];
  const parents: number[] = [];
  const depths: number[] = [];
  const stack: Array<{ n: P5Node; p: number; d: number }> = [{ n: root, p: -1, d: 0 }];
  while (stack.length) {
    const { n, p, d } = stack.pop()!;
    let idx = p;
    if (n.nodeName === '#text') {
      nodes.push(n as P5Text);
      parents.push(p);
      depths.push(d);
      continue;
    }
    if ('tagName' in n) {
      idx = nodes.length;
      nodes.push(n as P5Element);
      parents.push(p);
      depths.push(d);
    } else if (n.nodeName !== '#document' && n.nodeName !== '#document-fragment') continue;
    const kids = (n as { childNodes?: P5Node[] }).childNodes;
    if (!kids) continue;
    for (let k = kids.length - 1; k >= 0; k--) {
      const c = kids[k]!;
      if (c.nodeName === '#text' || 'tagName' in c) stack.push({ n: c, p: idx, d: d + 1 });
    }
  }
  const N = nodes.length;
  const isText = new Uint8Array(N);
  const parent = Int32Array.from(parents);
  const depth = Int32Array.from(depths);
  const size = new Int32Array(N).fill(1);
  const tag: string[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const n = nodes[i]!;
    if (n.nodeName === '#text') {
      isText[i] = 1;
      tag[i] = '#text';
    } else tag[i] = (n as P5Element).tagName.toLowerCase();
  }
  for (let i = N - 1; i > 0; i--) if (parent[i]! >= 0) size[parent[i]!]! += size[i]!;
  const end = new Int32Array(N);
  for (let i = 0; i < N; i++) end[i] = i + size[i]!;
  return { nodes, isText, parent, end, depth, tag };
}

function attr(el: P5Element, name: string): string | null {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------

/** Read an HTML page. `src` is the decoded file (a leading BOM is treated as a space). */
export function htmlBlocks(src: string, bp: Boilerplate, opts: { readability?: boolean } = {}): HtmlResult {
  const warnings: string[] = [];
  const input = src.charCodeAt(0) === 0xfeff ? ' ' + src.slice(1) : src;
  let doc: P5Node;
  try {
    doc = parse(input, { sourceCodeLocationInfo: true, scriptingEnabled: true });
  } catch (e) {
    warnings.push(`HTML parser failed: ${(e as Error).message}`);
    return { drafts: [], meta: emptyMeta(), selection: 'none', warnings };
  }
  const f = flatten(doc);
  const N = f.nodes.length;
  const { tag, parent, isText, end } = f;

  // --- text lengths (non-space chars) and link text, bottom-up -------------------------------------------------
  const textLen = new Float64Array(N);
  const linkLen = new Float64Array(N);
  const inNever = new Uint8Array(N);
  const inLink = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const p = parent[i]!;
    if (p >= 0) {
      inNever[i] = inNever[p]! || (NEVER_TEXT.has(tag[p]!) ? 1 : 0);
      inLink[i] = inLink[p]! || (tag[p] === 'a' ? 1 : 0);
    }
  }
  for (let i = N - 1; i >= 0; i--) {
    if (isText[i] && !inNever[i]) {
      const v = (f.nodes[i] as P5Text).value;
      const n = countNonSpace(v);
      textLen[i] = n;
      if (inLink[i]) linkLen[i] = n;
    }
    const p = parent[i]!;
    if (p >= 0) {
      textLen[p]! += textLen[i]!;
      linkLen[p]! += linkLen[i]!;
    }
  }
  let bodyIdx = -1;
  for (let i = 0; i < N; i++) if (tag[i] === 'body') {
    bodyIdx = i;
    break;
  }
  const pageText = bodyIdx >= 0 ? textLen[bodyIdx]! : N > 0 ? textLen[0]! : 0;

  // --- pruning ------------------------------------------------------------------------------------------------
  const h = bp.html;
  const drop = new Uint8Array(N);
  const inArticle = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const p = parent[i]!;
    if (p >= 0) {
      if (drop[p]) {
        drop[i] = 1;
        continue;
      }
      inArticle[i] = inArticle[p]! || (ARTICLE_ROOTS.has(tag[p]!) ? 1 : 0);
    }
    if (isText[i]) continue;
    const t = tag[i]!;
    if (t === 'html' || t === 'body') continue;
    const el = f.nodes[i] as P5Element;
    if (NEVER_TEXT.has(t) || h.dropTags.has(t) || (h.chromeTags.has(t) && !inArticle[i])) {
      drop[i] = 1;
      continue;
    }
    if (el.attrs.length === 0) continue;
    if (attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true') {
      drop[i] = 1;
      continue;
    }
    const style = attr(el, 'style');
    if (style && HIDDEN_STYLE.test(style)) {
      drop[i] = 1;
      continue;
    }
    const role = attr(el, 'role');
    if (role && h.roles.has(role.trim().toLowerCase())) {
      drop[i] = 1;
      continue;
    }
    const words = classWords(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`);
    if (words.length && matchesMarker(words, h.markers, h.exceptions)) {
      // a marker on the element that holds most of the page is a false alarm ("page has-sidebar")
      const share = pageText > 0 ? textLen[i]! / pageText : 0;
      const density = textLen[i]! > 0 ? linkLen[i]! / textLen[i]! : 0;
      if (!(share >= 0.5 && density < 0.35)) drop[i] = 1;
    }
  }

  // --- metadata -------------------------------------------------------------------------------------------------
  const meta = collectMeta(f, src);

  // --- selection ----------------------------------------------------------------------------------------------
  const fallback = fallbackRoot(f, drop, inNever, textLen, bp);
  const fallbackText = fallback.text;
  let mode: 'readability' | 'fallback' = 'fallback';
  let keepEl: Uint8Array | null = null;
  let keepText: Uint8Array | null = null;
  let maxDepth = 0;
  let depthSum = 0;
  for (let k = 0; k < N; k++) {
    const d = f.depth[k]!;
    depthSum += d;
    if (d > maxDepth) maxDepth = d;
  }
  // Readability costs ~0.5 s per MB of ordinary page, but it reads the text of every ancestor again and again:
  // on deep nesting it turns quadratic (and may recurse). Past these budgets the fallback decides.
  if (opts.readability !== false && maxDepth <= 400 && depthSum <= 600_000 && N <= 300000 && src.length <= 4_000_000) {
    try {
      const r = runReadability(f, drop, inNever);
      if (r) {
        let kept = 0;
        for (let i = 0; i < N; i++) if (isText[i] && !drop[i] && (r.texts[i] || r.els[parent[i]!])) kept += textLen[i]!;
        if (kept >= 100 && kept >= 0.25 * fallbackText) {
          mode = 'readability';
          keepEl = r.els;
          keepText = r.texts;
        }
      }
    } catch (e) {
      warnings.push(`readability failed (${(e as Error).name}); used the fallback`);
    }
  }

  // The headline (an <h1>) is kept as a heading even when the article body starts after it: the first <h1> inside
  // <article>/<main>, else the first whose text is in the page title, else the first (site logos are often <h1>s).
  let titleH1 = -1;
  {
    const norm = (x: string | null) => (x ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    const pageTitle = norm(meta.title);
    let inTitle = -1;
    let first = -1;
    for (let i = 0; i < N; i++) {
      if (tag[i] !== 'h1' || drop[i]) continue;
      if (inArticle[i]) {
        titleH1 = i;
        break;
      }
      if (first < 0) first = i;
      const t = norm(textOf(f, i, src));
      if (inTitle < 0 && t.length > 0 && pageTitle.includes(t)) inTitle = i;
    }
    if (titleH1 < 0) titleH1 = inTitle >= 0 ? inTitle : first;
  }

  // --- emission -----------------------------------------------------------------------------------------------
  const drafts: Draft[] = [];
  const acc = new TextAcc();
  const kindStack: SegmentKind[] = [];
  let blockKind: SegmentKind | null = null;
  let blockChars = 0;
  let blockLinkChars = 0;
  let lastBr = -2;
  let linkDepth = 0;
  const open: number[] = [];
  // table cells: the document's tables counted, and the row and column of the cell being read (innermost table)
  let tables = -1;
  const tableStack: Array<{ table: number; row: number; col: number }> = [];
  let cell: { table: number; row: number; col: number } | null = null;
  const flush = () => {
    const piece = acc.take();
    if (piece) {
      const kind = blockKind ?? 'paragraph';
      const linky = blockChars > 0 && blockLinkChars / blockChars > 0.5;
      // link-heavy list items and short paragraphs are navigation / related links
      if (!(linky && (kind === 'list-item' || kind === 'cell' || piece.text.length < 200))) drafts.push(kind === 'cell' && cell ? { kind, piece, cell: { ...cell } } : { kind, piece });
    }
    blockKind = null;
    blockChars = 0;
    blockLinkChars = 0;
  };
  const rootStart = mode === 'fallback' ? fallback.root : -1;
  const rootEnd = rootStart >= 0 ? end[rootStart]! : -1;
  const titleEnd = titleH1 >= 0 ? end[titleH1]! : -1;
  const exit = (e: number) => {
    const t = tag[e]!;
    if (t === 'a') linkDepth--;
    if (BLOCK_TAGS.has(t)) {
      flush();
      if (KIND_OF[t]) kindStack.pop();
    }
    if (t === 'table') tableStack.pop();
    if (t === 'td' || t === 'th') cell = null;
  };
  let i = 0;
  while (i < N) {
    while (open.length && end[open[open.length - 1]!]! <= i) exit(open.pop()!);
    if (drop[i] || inNever[i]) {
      i = end[i]!;
      continue;
    }
    if (!isText[i]) {
      const t = tag[i]!;
      if (t === 'br') {
        const loc = (f.nodes[i] as P5Element).sourceCodeLocation;
        // two <br> in a row end a block; one is a space
        if (lastBr === i - 1 || (lastBr >= 0 && onlySpaceBetween(f, lastBr, i))) flush();
        else if (loc) acc.space(loc.startOffset, loc.endOffset);
        lastBr = i;
        i++;
        continue;
      }
      if (BLOCK_TAGS.has(t)) {
        flush();
        if (KIND_OF[t]) kindStack.push(KIND_OF[t]!);
      }
      if (t === 'table') tableStack.push({ table: ++tables, row: -1, col: -1 });
      else if (t === 'tr' && tableStack.length) {
        const tb = tableStack[tableStack.length - 1]!;
        tb.row++;
        tb.col = -1;
      } else if ((t === 'td' || t === 'th') && tableStack.length) {
        const tb = tableStack[tableStack.length - 1]!;
        if (tb.row < 0) tb.row = 0;
        const span = Number((f.nodes[i] as P5Element).attrs?.find((x) => x.name === 'colspan')?.value ?? 1);
        tb.col++;
        cell = { table: tb.table, row: tb.row, col: tb.col };
        if (Number.isInteger(span) && span > 1 && span < 100) tb.col += span - 1;
      }
      if (t === 'a') linkDepth++;
      open.push(i);
      i++;
      continue;
    }
    // a text node
    const node = f.nodes[i] as P5Text;
    const p = parent[i]!;
    let included: boolean;
    if (i > titleH1 && i < titleEnd) included = true;
    else if (mode === 'readability') included = !!(keepText![i] || (p >= 0 && keepEl![p]));
    else included = rootStart < 0 || (i > rootStart && i < rootEnd);
    const loc = node.sourceCodeLocation;
    if (included && loc) {
      const before = acc.isEmpty;
      const n = emitText(src, loc.startOffset, loc.endOffset, node.value, acc);
      if (n > 0) {
        if (before && blockKind === null) blockKind = kindStack.length ? kindStack[kindStack.length - 1]! : 'paragraph';
        blockChars += n;
        if (linkDepth > 0) blockLinkChars += n;
        if (/\S/.test(node.value)) lastBr = -2;
      }
    } else if (!included && /\S/.test(node.value)) {
      // excluded text between two included runs ends the block (no sentence across a removed part)
      if (!acc.isEmpty) flush();
      lastBr = -2;
    }
    i++;
  }
  while (open.length) exit(open.pop()!);
  flush();

  // a <time datetime> in the article header
  if (!meta.date) {
    const t = articleTime(f, drop, drafts.length ? firstIncludedIndex(f, drafts, src) : N);
    if (t) {
      meta.date = normalizeDate(t);
      meta.clock = isoClock(t);
      meta.dateSource = 'meta';
    }
  }
  // a byline the article extraction left out ("By Rory Vance | Thursday 19 June 2025, 16:20 | 2.1k shares")
  if (!meta.date) {
    const b = bylineDate(f, drop, bp);
    if (b) {
      meta.date = b.date;
      meta.clock = b.clock;
      meta.dateSource = 'meta';
    }
  }
  // a masthead's date above the article ("THE DAILY GALE · Wednesday 8 October 2025 | Issue 31,402")
  if (!meta.date) {
    const m = headerDate(f, bp, drafts.length ? firstIncludedIndex(f, drafts, src) : N);
    if (m) {
      meta.date = m.date;
      meta.clock = m.clock;
      meta.dateSource = 'meta';
    }
  }
  return { drafts, meta, selection: mode, warnings };
}

function emptyMeta(): HtmlMeta {
  return { date: null, dateSource: null, clock: null, title: null, outlet: null, url: null };
}

function countNonSpace(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) n++;
  }
  return n;
}

/** A char after "<" that makes it markup rather than a literal "<" (letters, "/", "!", "?"). */
function isTagStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 33 || c === 63;
}

/**
 * A tag in the source that the text node holds as it is: the text of <plaintext> (and of raw-text elements), where
 * "<p>" is three characters, not markup. Markup never reaches a text node's value, so the value repeating the
 * whole tag at this point means it is text.
 */
function literalTag(raw: string, i: number, val: string, j: number): boolean {
  let close = raw.indexOf('>', i);
  if (close === -1 || close - i > 200) close = Math.min(raw.length, i + 200) - 1;
  // (raw text turns a NUL into U+FFFD: "<plaintext><![CDATA[\0…")
  return val.startsWith(raw.slice(i, close + 1).replace(/\0/g, '\ufffd'), j);
}

/**
 * After a NUL the parser dropped: does the source go on, past more NULs and tags that give no text (a few, close
 * by), with something that gives U+FFFD itself ("&#0;", U+FFFD)?
 */
function fffdNext(raw: string, k: number): boolean {
  for (let tags = 0; ; tags++) {
    while (raw.charCodeAt(k) === 0) k++;
    if (tags >= 8 || raw.charCodeAt(k) !== 60 || !isTagStart(raw.charCodeAt(k + 1))) break;
    const close = raw.indexOf('>', k);
    if (close === -1 || close - k > 200) break;
    k = close + 1;
  }
  const c = raw.charCodeAt(k);
  if (c === 0xfffd) return true;
  if (c !== 38) return false;
  ENTITY_AT.lastIndex = k;
  const m = ENTITY_AT.exec(raw);
  return m !== null && decodeEntity(m[0]).startsWith('\ufffd');
}

function onlySpaceBetween(f: Flat, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) {
    if (!f.isText[k]) return false;
    if (/\S/.test((f.nodes[k] as P5Text).value)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Text alignment: the decoded value of a text node against its raw source span

/**
 * Feed the text node's decoded `val` to the accumulator, mapping each char to the raw source span
 * src[start, end): plain runs map one for one, a character reference maps to its whole "&...;" span, CRLF to
 * its two chars. If the two ever disagree (foster-parented or merged text), the rest maps to the rest of the span.
 * Returns the number of non-space chars emitted.
 */
export function emitText(src: string, start: number, end: number, val: string, acc: TextAcc): number {
  let raw = src.slice(start, end);
  if (raw === val) {
    acc.text(val, start);
    return countNonSpace(val);
  }
  // parse5 sometimes starts a text node's location after a character reference that opens it ("\t&notit;" before
  // <html>): look back for the reference
  if (val.length > 0 && raw.charCodeAt(0) !== val.charCodeAt(0) && raw.charCodeAt(0) !== 13 && raw.charCodeAt(0) !== 38) {
    const amp = src.lastIndexOf('&', start);
    if (amp >= 0 && start - amp <= 40) {
      ENTITY_AT.lastIndex = amp;
      const m = ENTITY_AT.exec(src);
      if (m && amp + m[0].length > start && val.startsWith(decodeEntity(m[0]).slice(0, 1))) {
        start = amp;
        raw = src.slice(start, end);
      }
    }
  }
  let i = 0; // in raw
  let j = 0; // in val
  let runJ = 0; // start of the pending identical run (in val)
  let runI = 0;
  const flushRun = () => {
    if (j > runJ) acc.text(val.slice(runJ, j), start + runI);
    runJ = j;
    runI = i;
  };
  // Text merged across markup (a stray end tag inside the text, foster-parented table text): skip the markup.
  const resync = (): boolean => {
    if (raw.charCodeAt(i) === 60 /* < */) {
      let close: number;
      if (raw.startsWith('<!--', i)) {
        close = raw.indexOf('-->', i + 4);
        close = close === -1 ? -1 : close + 2;
      } else {
        close = raw.indexOf('>', i);
        const rawText = /^<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b/i.exec(raw.slice(i, i + 12));
        if (rawText && close !== -1) {
          const endTag = raw.toLowerCase().indexOf(`</${rawText[1]!.toLowerCase()}`, close);
          if (endTag !== -1) close = raw.indexOf('>', endTag);
        }
      }
      if (close === -1) return false;
      i = close + 1;
      return true;
    }
    if (/\s/.test(raw[i]!)) {
      i++; // whitespace the parser dropped (the newline after <pre>)
      return true;
    }
    let k = j;
    while (k < val.length && k - j < 24 && !/[\s&<]/.test(val[k]!)) k++;
    if (k === j) return false;
    const p = raw.indexOf(val.slice(j, k), i);
    const lt = raw.indexOf('<', i);
    if (p <= i || lt === -1 || lt >= p) return false;
    i = p;
    return true;
  };
  while (j < val.length) {
    if (i >= raw.length) break;
    const rc = raw.charCodeAt(i);
    const vc = val.charCodeAt(j);
    if (rc === vc && rc !== 38 /* & */ && rc !== 13 && !(rc === 60 && isTagStart(raw.charCodeAt(i + 1)) && !literalTag(raw, i, val, j))) {
      i++;
      j++;
      continue;
    }
    flushRun();
    if (rc === 13 /* \r */) {
      if (vc === 10) {
        const two = raw.charCodeAt(i + 1) === 10;
        acc.decoded('\n', start + i, start + i + (two ? 2 : 1));
        i += two ? 2 : 1;
        j++;
      } else {
        i++; // dropped
      }
    } else if (rc === 0) {
      // NUL in body text is dropped by the parser; PLAINTEXT (and other raw text) turns it into U+FFFD, which stands
      // for that one source char
      if (vc === 0xfffd && !fffdNext(raw, i + 1)) {
        acc.decoded('\ufffd', start + i, start + i + 1);
        j++;
      }
      i++;
    } else if (rc === 38) {
      ENTITY_AT.lastIndex = i;
      const m = ENTITY_AT.exec(raw);
      let done = false;
      if (m) {
        const d = decodeEntity(m[0]);
        if (d === m[0]) {
          if (val.startsWith(m[0], j)) {
            acc.text(m[0], start + i);
            i += m[0].length;
            j += m[0].length;
            done = true;
          }
        } else if (val.startsWith(d, j)) {
          // decoded part vs literal tail ("&notit;" → "¬" + "it;")
          let tail = 0;
          while (tail < d.length - 1 && tail < m[0].length - 1 && d[d.length - 1 - tail] === m[0][m[0].length - 1 - tail]) tail++;
          const dl = d.length - tail;
          const rl = m[0].length - tail;
          acc.decoded(d.slice(0, dl), start + i, start + i + rl);
          if (tail) acc.text(m[0].slice(rl), start + i + rl);
          i += m[0].length;
          j += d.length;
          done = true;
        }
      }
      if (!done && m && /^[\n\r]$/.test(decodeEntity(m[0]))) {
        i += m[0].length; // a newline reference the parser dropped (right after <pre>)
        done = true;
      }
      if (!done) {
        if (vc === 38) {
          acc.text('&', start + i);
          i++;
          j++;
        } else if (!resync()) break;
      }
    } else if (!resync()) break;
    runI = i;
    runJ = j;
  }
  flushRun();
  if (j < val.length) {
    // could not align the rest: map it as one block over the rest of the span
    const rest = val.slice(j);
    const s = Math.min(start + i, end);
    const words = rest.split(/([ \t\n\r\f]+)/);
    for (const w of words) {
      if (!w) continue;
      if (/^[ \t\n\r\f]+$/.test(w)) acc.space(s, end);
      else acc.decoded(w, s, end);
    }
  }
  return countNonSpace(val);
}

// ---------------------------------------------------------------------------------------------------------------
// Readability on a linkedom copy of the pruned tree

interface LDNode {
  nodeType: number;
  childNodes: ArrayLike<LDNode>;
  getAttribute?(n: string): string | null;
}

function runReadability(f: Flat, drop: Uint8Array, inNever: Uint8Array): { els: Uint8Array; texts: Uint8Array } | null {
  const N = f.nodes.length;
  const { document } = parseHTML('<!DOCTYPE html><html><head><title></title></head><body></body></html>') as unknown as {
    document: {
      body: unknown;
      documentElement: unknown;
      createElement(t: string): { setAttribute(n: string, v: string): void; appendChild(c: unknown): unknown };
      createTextNode(t: string): unknown;
    };
  };
  const ldOf = new Array<unknown>(N);
  const textOf = new Map<unknown, number>();
  const COPY_ATTRS = new Set(['class', 'id', 'href', 'role', 'itemprop', 'itemtype', 'itemscope', 'rel', 'src', 'alt', 'colspan', 'rowspan', 'lang', 'dir', 'datetime', 'name', 'type']);
  let bodyLd: unknown = document.body;
  let count = 0;
  for (let i = 0; i < N; i++) {
    if (drop[i] || inNever[i]) continue;
    const p = f.parent[i]!;
    const t = f.tag[i]!;
    if (t === 'html' || t === 'head') continue;
    let parentLd: unknown;
    if (p >= 0 && f.tag[p] !== 'html' && f.tag[p] !== 'head' && ldOf[p]) parentLd = ldOf[p];
    else parentLd = bodyLd;
    if (f.isText[i]) {
      const tn = document.createTextNode((f.nodes[i] as P5Text).value);
      (parentLd as { appendChild(c: unknown): unknown }).appendChild(tn);
      textOf.set(tn, i);
      continue;
    }
    if (t === 'body') {
      ldOf[i] = bodyLd;
      (bodyLd as { setAttribute(n: string, v: string): void }).setAttribute('data-nc-i', String(i));
      continue;
    }
    let el: { setAttribute(n: string, v: string): void; appendChild(c: unknown): unknown };
    try {
      el = document.createElement(/^[a-z][a-z0-9-]*$/.test(t) ? t : 'span');
    } catch {
      el = document.createElement('span');
    }
    for (const a of (f.nodes[i] as P5Element).attrs) {
      if (!COPY_ATTRS.has(a.name)) continue;
      try {
        el.setAttribute(a.name, a.value);
      } catch {
        /* an attribute linkedom refuses */
      }
    }
    el.setAttribute('data-nc-i', String(i));
    (parentLd as { appendChild(c: unknown): unknown }).appendChild(el);
    ldOf[i] = el;
    count++;
  }
  if (count === 0) return null;
  // Readability's types refer to DOM globals; the linkedom document provides what it uses.
  const reader = new Readability(document as never, {
    charThreshold: 100,
    disableJSONLD: true,
    keepClasses: true,
    serializer: (el: unknown) => el,
  } as never);
  const res = reader.parse() as { content?: unknown } | null;
  if (!res || !res.content) return null;
  const els = new Uint8Array(N);
  const texts = new Uint8Array(N);
  const stack: LDNode[] = [res.content as LDNode];
  let guard = 0;
  while (stack.length && guard++ < 2_000_000) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const idx = textOf.get(n);
      if (idx !== undefined) texts[idx] = 1;
      continue;
    }
    if (n.nodeType === 1 && n.getAttribute) {
      const v = n.getAttribute('data-nc-i');
      if (v !== null) {
        const idx = Number(v);
        if (Number.isInteger(idx) && idx >= 0 && idx < N) els[idx] = 1;
      }
    }
    const kids = n.childNodes;
    if (kids) for (let k = 0; k < kids.length; k++) stack.push(kids[k]!);
  }
  return { els, texts };
}

// ---------------------------------------------------------------------------------------------------------------
// Fallback selection

function fallbackRoot(f: Flat, drop: Uint8Array, inNever: Uint8Array, textLen: Float64Array, bp: Boilerplate): { root: number; text: number } {
  const N = f.nodes.length;
  // text that survives pruning, per element (bottom-up)
  const keptLen = new Float64Array(N);
  for (let i = N - 1; i >= 0; i--) {
    if (drop[i] || inNever[i]) continue;
    if (f.isText[i]) keptLen[i] = textLen[i]!;
    const p = f.parent[i]!;
    if (p >= 0) keptLen[p]! += keptLen[i]!;
  }
  let best = 0;
  const cands: number[] = [];
  for (let i = 0; i < N; i++) {
    if (f.isText[i] || drop[i]) continue;
    const t = f.tag[i]!;
    const el = f.nodes[i] as P5Element;
    let isCand = ARTICLE_ROOTS.has(t) || attr(el, 'role') === 'main' || attr(el, 'itemprop') === 'articleBody';
    if (!isCand && el.attrs.length && (t === 'div' || t === 'section')) {
      isCand = matchesMarker(classWords(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''} ${attr(el, 'itemprop') ?? ''}`), bp.html.content, bp.html.exceptions);
    }
    if (!isCand) continue;
    cands.push(i);
    if (keptLen[i]! > best) best = keptLen[i]!;
  }
  let pageText = 0;
  for (let i = 0; i < N; i++) if (f.parent[i] === -1) pageText += keptLen[i]!;
  if (best === 0 || best < 0.3 * pageText) return { root: -1, text: pageText };
  // the deepest container that still holds nearly all of the best one's text
  let root = -1;
  for (const c of cands) {
    if (keptLen[c]! >= 0.8 * best && (root < 0 || f.depth[c]! > f.depth[root]!)) root = c;
  }
  return { root, text: keptLen[root]! };
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata

const DATE_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'dc.date.issued', 'dcterms.issued', 'parsely-pub-date', 'sailthru.date', 'article.published',
  'article_date_original', 'original-publish-date', 'dc.date', 'dcterms.date', 'dcterms.created', 'cxenseparse:recs:publishtime',
];
/** When a page was last updated: its date only when it gives no other (a live report stamps only its latest entry). */
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified'];

function collectMeta(f: Flat, src: string): HtmlMeta {
  const metas = new Map<string, string>();
  let titleTag: string | null = null;
  let h1: string | null = null;
  let canonical: string | null = null;
  const jsonld: string[] = [];
  for (let i = 0; i < f.nodes.length; i++) {
    if (f.isText[i]) continue;
    const t = f.tag[i]!;
    const el = f.nodes[i] as P5Element;
    if (t === 'meta') {
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').trim().toLowerCase();
      const content = attr(el, 'content');
      if (key && content !== null && !metas.has(key)) metas.set(key, content.trim());
    } else if (t === 'title' && titleTag === null) {
      titleTag = textOf(f, i, src);
    } else if (t === 'h1' && h1 === null) {
      h1 = textOf(f, i, src);
    } else if (t === 'link' && canonical === null && (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      canonical = attr(el, 'href');
    } else if (t === 'script' && (attr(el, 'type') ?? '').trim().toLowerCase() === 'application/ld+json') {
      jsonld.push(textOf(f, i, src, true) ?? '');
    }
  }
  const meta = emptyMeta();
  for (const k of DATE_META) {
    const v = metas.get(k);
    if (v) {
      const d = normalizeDate(v);
      if (d) {
        meta.date = d;
        meta.clock = isoClock(v);
        meta.dateSource = 'meta';
        break;
      }
    }
  }
  const ld = readJsonLd(jsonld);
  if (!meta.date && ld.date) {
    meta.date = ld.date;
    meta.clock = ld.clock;
    meta.dateSource = 'json-ld';
  }
  for (const v of [...MODIFIED_META.map((k) => metas.get(k)), ld.modified]) {
    const d = v ? normalizeDate(v) : null;
    if (d) {
      meta.modified = { date: d, clock: isoClock(v!) };
      break;
    }
  }
  meta.title = nonEmpty(metas.get('og:title')) ?? nonEmpty(titleTag) ?? nonEmpty(h1) ?? ld.headline;
  meta.outlet = nonEmpty(metas.get('og:site_name')) ?? ld.publisher ?? nonEmpty(metas.get('application-name'));
  meta.url = nonEmpty(metas.get('og:url')) ?? nonEmpty(canonical) ?? ld.url;
  return meta;
}

function nonEmpty(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** Text content of element i (iterative), whitespace collapsed. */
function textOf(f: Flat, i: number, _src: string, raw = false): string | null {
  const parts: string[] = [];
  for (let k = i + 1; k < f.end[i]!; k++) if (f.isText[k]) parts.push((f.nodes[k] as P5Text).value);
  const s = parts.join('');
  if (raw) return s;
  return nonEmpty(s);
}

const ARTICLE_TYPES = /^(?:article|newsarticle|reportagenewsarticle|analysisnewsarticle|blogposting|liveblogposting|report|scholarlyarticle|techarticle|opinionnewsarticle|backgroundnewsarticle|socialmediaposting|webpage|creativework)$/i;

/** datePublished / publisher / headline / url from JSON-LD blocks (arrays and @graph handled; bad JSON ignored). */
export function readJsonLd(blocks: string[]): { date: string | null; clock: number | null; publisher: string | null; headline: string | null; url: string | null; modified: string | null } {
  const out = { date: null as string | null, clock: null as number | null, publisher: null as string | null, headline: null as string | null, url: null as string | null, modified: null as string | null };
  let bestRank = -1;
  for (const raw of blocks) {
    let data: unknown;
    const text = raw.trim().replace(/^<!--/, '').replace(/-->$/, '').replace(/^\s*\/\/\s*<!\[CDATA\[/, '').replace(/\/\/\s*\]\]>\s*$/, '').trim();
    if (!text) continue;
    try {
      data = JSON.parse(text);
    } catch {
      try {
        data = JSON.parse(text.replace(/,\s*([}\]])/g, '$1')); // trailing commas
      } catch {
        continue;
      }
    }
    const stack: unknown[] = [data];
    let seen = 0;
    while (stack.length && seen++ < 5000) {
      const v = stack.pop();
      if (Array.isArray(v)) {
        for (let k = v.length - 1; k >= 0; k--) stack.push(v[k]);
        continue;
      }
      if (!v || typeof v !== 'object') continue;
      const o = v as Record<string, unknown>;
      const types = ([] as unknown[]).concat(o['@type'] ?? []).map((x) => String(x));
      const rank = types.some((x) => ARTICLE_TYPES.test(x) && !/^(?:webpage|creativework)$/i.test(x)) ? 2 : types.some((x) => ARTICLE_TYPES.test(x)) ? 1 : 0;
      const dp = o.datePublished ?? o.dateCreated;
      const d = normalizeDate(Array.isArray(dp) ? dp[0] : dp);
      if (d && rank > bestRank) {
        bestRank = rank;
        out.date = d;
        out.clock = isoClock(Array.isArray(dp) ? dp[0] : dp);
        if (typeof o.headline === 'string') out.headline = nonEmpty(o.headline);
        const pub = o.publisher ?? o.sourceOrganization;
        const pname = Array.isArray(pub) ? (pub[0] as Record<string, unknown> | undefined)?.name : (pub as Record<string, unknown> | undefined)?.name;
        if (typeof pname === 'string') out.publisher = nonEmpty(pname);
        if (typeof o.url === 'string') out.url = nonEmpty(o.url);
      }
      if (!out.publisher && o.publisher && typeof o.publisher === 'object') {
        const pn = (o.publisher as Record<string, unknown>).name;
        if (typeof pn === 'string') out.publisher = nonEmpty(pn);
      }
      if (!out.headline && typeof o.headline === 'string') out.headline = nonEmpty(o.headline);
      if (!out.modified && typeof o.dateModified === 'string') out.modified = o.dateModified;
      if (o['@graph']) stack.push(o['@graph']);
      for (const key of ['mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) {
        const sub = o[key];
        if (sub && typeof sub === 'object') stack.push(sub);
      }
    }
  }
  return out;
}

/** Pre-order index of the first text node that made it into the blocks. */
function firstIncludedIndex(f: Flat, drafts: Draft[], _src: string): number {
  const off = pieceOrigStart(drafts[0]!.piece);
  for (let i = 0; i < f.nodes.length; i++) {
    if (!f.isText[i]) continue;
    const loc = (f.nodes[i] as P5Text).sourceCodeLocation;
    if (loc && loc.endOffset > off) return i;
  }
  return f.nodes.length;
}

/** Where node `i` stands on the page: inside a <header>; inside navigation, an aside or a footer (page chrome). */
function pageRegion(f: Flat, i: number): { header: boolean; chrome: boolean } {
  let header = false;
  let chrome = false;
  for (let p = f.parent[i]!, up = 0; p >= 0 && up < 200; up++, p = f.parent[p]!) {
    const t = f.tag[p];
    if (t === 'header') header = true;
    if (t === 'nav' || t === 'aside' || t === 'footer') chrome = true;
  }
  return { header, chrome };
}

/** The date of the first element classed as a byline or dateline outside page chrome, read as a dateline is. */
function bylineDate(f: Flat, drop: Uint8Array, bp: Boilerplate): { date: string; clock: number | null } | null {
  for (let i = 0; i < f.nodes.length; i++) {
    if (f.isText[i] || drop[i]) continue;
    const cls = attr(f.nodes[i] as P5Element, 'class');
    if (!cls || !/(?:^|[\s_-])(?:byline|dateline|article-date|published|pubdate)(?:$|[\s_-])/i.test(cls)) continue;
    if (pageRegion(f, i).chrome) continue;
    let text = '';
    for (let j = i + 1; j < f.end[i]! && text.length < 300; j++) if (f.isText[j]) text += (f.nodes[j] as P5Text).value;
    const d = datelineDate([text.replace(/\s+/g, ' ').trim()], bp);
    if (d) return { date: d.date, clock: d.clock };
  }
  return null;
}

/** The first line inside a page <header>, before the article text, that is read as a dateline (a masthead's date). */
function headerDate(f: Flat, bp: Boilerplate, firstText: number): { date: string; clock: number | null } | null {
  for (let i = 0; i < Math.min(firstText, f.nodes.length); i++) {
    if (!f.isText[i]) continue;
    const text = (f.nodes[i] as P5Text).value.replace(/\s+/g, ' ').trim();
    if (text.length < 8 || text.length > 160 || !/\d{4}/.test(text)) continue;
    const where = pageRegion(f, i);
    if (!where.header || where.chrome) continue;
    const d = datelineDate([text], bp);
    if (d) return { date: d.date, clock: d.clock };
  }
  return null;
}

/**
 * A `<time datetime>` that dates the article: one marked pubdate / itemprop=datePublished anywhere, else the first
 * inside a <header>, else the first before the article text (never inside dropped navigation / related blocks).
 * Its datetime attribute as written, or null.
 */
function articleTime(f: Flat, drop: Uint8Array, firstText: number): string | null {
  let inHeader: string | null = null;
  let beforeText: string | null = null;
  for (let i = 0; i < f.nodes.length; i++) {
    if (f.tag[i] !== 'time') continue;
    const el = f.nodes[i] as P5Element;
    const dt = attr(el, 'datetime');
    if (!dt) continue;
    const d = normalizeDate(dt);
    if (!d) continue;
    if (attr(el, 'pubdate') !== null || (attr(el, 'itemprop') ?? '').toLowerCase() === 'datepublished') return dt;
    const { header, chrome } = pageRegion(f, i);
    if (chrome) continue;
    if (header && !inHeader) inHeader = dt;
    if (!beforeText && i < firstText && !drop[i]) beforeText = dt;
  }
  return inHeader ?? beforeText;
}
