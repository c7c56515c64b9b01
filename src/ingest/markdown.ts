/**
 * Markdown: YAML front matter → metadata; body → blocks (headings, paragraphs, list items, block quotes, table
 * cells) with the syntax removed and every kept character mapped back to the file.
 *
 * A small line-based reader of the CommonMark block structure: fenced code, <script>/<style> and HTML comments
 * contribute no text; link and image syntax, emphasis markers, inline-code backticks and escapes are stripped.
 * HTML comments are blanked (another stage reads `<!-- numcheck-disable... -->` directives from `doc.source`).
 */
import { parse as parseYaml } from 'yaml';
import type { DocError } from '../types.js';
import { TextAcc } from './acc.js';
import type { Draft, SegmentKind } from './blocks.js';
import { normalizeDate } from './dates.js';
import { decodeEntity } from './entities.js';

export interface FrontMatter {
  date: string | null;
  /** The raw value when it could not be read as a date. */
  rawDate?: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
}

export interface MarkdownResult {
  drafts: Draft[];
  frontMatter: FrontMatter | null;
  firstH1: string | null;
  errors: DocError[];
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

function lineCol(src: string, off: number): number {
  let n = 1;
  let i = src.indexOf('\n');
  while (i !== -1 && i < off) {
    n++;
    i = src.indexOf('\n', i + 1);
  }
  return n;
}

/** Find the front matter block: `---` on the first line (after a BOM) up to a `---` or `...` line. */
function findFrontMatter(src: string): { yamlStart: number; yamlEnd: number; bodyStart: number; toml: boolean } | null {
  const i0 = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/y;
  open.lastIndex = i0;
  const m = open.exec(src);
  if (!m) return null;
  const toml = m[1] === '+++';
  const yamlStart = i0 + m[0].length;
  const close = toml ? /^\+\+\+[ \t]*\r?$/gm : /^(?:---|\.\.\.)[ \t]*\r?$/gm;
  close.lastIndex = yamlStart;
  // the closing line must start at a line start at or after yamlStart
  let c: RegExpExecArray | null;
  while ((c = close.exec(src)) !== null) {
    if (c.index >= yamlStart) break;
  }
  if (!c) return null;
  let bodyStart = c.index + c[0].length;
  if (src.charCodeAt(bodyStart) === 13 && c[0].endsWith('\r') === false) bodyStart++;
  if (src.charCodeAt(bodyStart) === 10) bodyStart++;
  return { yamlStart, yamlEnd: c.index, bodyStart, toml };
}

function pick(obj: Record<string, unknown>, keys: string[]): unknown {
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  for (const k of keys) {
    const v = lower.get(k);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const name = (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).title;
    if (typeof name === 'string') return name.trim() || null;
  }
  if (Array.isArray(v) && v.length > 0) return asText(v[0]);
  return null;
}

function frontMatterMeta(data: unknown): FrontMatter {
  const fm: FrontMatter = { date: null, title: null, outlet: null, url: null };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fm;
  const obj = data as Record<string, unknown>;
  const d = pick(obj, ['date', 'published', 'pubdate', 'publishdate', 'publish_date', 'published_at', 'date_published', 'datepublished', 'publication_date', 'issued', 'date_issued', 'issue_date', 'released', 'release_date']);
  if (d !== undefined) {
    fm.date = normalizeDate(d);
    if (!fm.date) fm.rawDate = String(d).slice(0, 80);
  }
  fm.title = asText(pick(obj, ['title', 'headline']));
  fm.outlet = asText(pick(obj, ['outlet', 'source', 'publisher', 'site', 'site_name', 'sitename', 'publication']));
  fm.url = asText(pick(obj, ['url', 'link', 'canonical', 'canonical_url', 'permalink']));
  return fm;
}

/** Blank out HTML comments (keeping line breaks) so no stage sees their text as content. */
function maskComments(src: string, from: number): string {
  if (src.indexOf('<!--', from) === -1) return src;
  const parts: string[] = [];
  let pos = 0;
  let i = src.indexOf('<!--', from);
  while (i !== -1) {
    let end = src.indexOf('-->', i + 4);
    if (end === -1) {
      // unterminated: the comment runs to the end of its line
      end = src.indexOf('\n', i);
      if (end === -1) end = src.length;
    } else end += 3;
    parts.push(src.slice(pos, i));
    parts.push(src.slice(i, end).replace(/[^\r\n]/g, ' '));
    pos = end;
    i = src.indexOf('<!--', pos);
  }
  parts.push(src.slice(pos));
  return parts.join('');
}

const FENCE = /^ {0,3}(?:(`{3,})[^`]*$|(~{3,}))/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}>/;
const LIST = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const TASK = /^\[[ xX]\][ \t]+/;
const REFDEF = /^ {0,3}\[([^\]^\n][^\]\n]{0,998})\]:[ \t]*\S/;
const FOOTDEF = /^ {0,3}\[\^[^\]]{1,100}\]:[ \t]*/;
const RAW_BLOCK = /^ {0,3}<(script|style|pre|textarea)(?:[\s>]|$)/i;
const DELIM_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** A table delimiter row ("|---|:--:|"): every cell between pipes is dashes with optional colons. */
function isDelimiterRow(line: string): boolean {
  if (!line.includes('-') || /^ {4}/.test(line)) return false;
  const cells = line.trim().split('|');
  if (cells[0]!.trim() === '') cells.shift();
  if (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells.length > 0 && cells.every((c) => DELIM_CELL.test(c));
}

interface Para {
  kind: SegmentKind;
  /** Content ranges of the lines, in order. */
  ranges: Array<[number, number]>;
}

const SIMPLE_FM_LINE = /^([a-z][a-z_]*): (?:"([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*)"|(\d{4}-\d\d-\d\d))$/;

/**
 * The commonest front matter — lines of `key: "text"` or `key: 2024-05-01` (a string in YAML 1.2) — read
 * without the YAML library (a parse costs more than the rest of a short article); anything else: null, and the
 * YAML library reads it.
 */
export function simpleFrontMatter(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  let any = false;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = SIMPLE_FM_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (key === 'null' || key === 'true' || key === 'false' || Object.prototype.hasOwnProperty.call(out, key)) return null;
    out[key] = m[2] ?? m[3]!;
    any = true;
  }
  return any ? out : null;
}

/** Read Markdown. `src` is the whole file; offsets in the result are offsets into it. */
export function markdownBlocks(src: string): MarkdownResult {
  const errors: DocError[] = [];
  let frontMatter: FrontMatter | null = null;
  let bodyStart = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fmPos = findFrontMatter(src);
  if (fmPos) {
    bodyStart = fmPos.bodyStart;
    if (!fmPos.toml) {
      try {
        const fm = src.slice(fmPos.yamlStart, fmPos.yamlEnd);
        const data = simpleFrontMatter(fm) ?? parseYaml(fm, { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false });
        frontMatter = frontMatterMeta(data);
        if (frontMatter.rawDate !== undefined) {
          errors.push({ code: 'front-matter', message: `front matter: cannot read the date "${frontMatter.rawDate}" (expected YYYY-MM-DD)`, line: lineCol(src, fmPos.yamlStart) });
        }
      } catch (e) {
        const msg = ((e as Error).message ?? String(e)).split('\n')[0];
        const linePos = (e as { linePos?: Array<{ line: number }> }).linePos;
        const line = linePos?.[0] ? linePos[0].line + lineCol(src, fmPos.yamlStart) - 1 : lineCol(src, fmPos.yamlStart);
        errors.push({ code: 'front-matter', message: `front matter is not valid YAML: ${msg}`, line });
        frontMatter = { date: null, title: null, outlet: null, url: null };
      }
    } else frontMatter = { date: null, title: null, outlet: null, url: null };
  }

  const s = maskComments(src, bodyStart);
  const refLabels = collectRefLabels(s, bodyStart);
  const drafts: Draft[] = [];
  let firstH1: string | null = null;
  let para: Para | null = null;
  let fence: { close: RegExp } | null = null;
  let rawEnd: RegExp | null = null;
  let table: number = 0; // 0 = not in a table, else the number of header cells
  let tableId = -1; // the document's tables, counted
  let tableRow = 0;
  const n = s.length;

  const flush = () => {
    if (!para) return;
    const p = para;
    para = null;
    const acc = new TextAcc();
    for (let k = 0; k < p.ranges.length; k++) {
      const [a, b] = p.ranges[k]!;
      if (k > 0) {
        const prevEnd = p.ranges[k - 1]![1];
        acc.space(prevEnd, a);
      }
      inline(s, a, b, acc, refLabels, 0);
    }
    const piece = acc.take();
    if (piece) drafts.push({ kind: p.kind, piece });
  };

  const emit = (kind: SegmentKind, a: number, b: number) => {
    const acc = new TextAcc();
    inline(s, a, b, acc, refLabels, 0);
    const piece = acc.take();
    if (piece) drafts.push({ kind, piece });
    return piece;
  };

  let pos = bodyStart;
  while (pos <= n) {
    let eol = s.indexOf('\n', pos);
    if (eol === -1) eol = n;
    let lineEnd = eol;
    if (lineEnd > pos && s.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const next = eol + 1;
    const line = s.slice(pos, lineEnd);
    const lineStart = pos;
    pos = next;

    if (fence) {
      if (fence.close.test(line)) fence = null;
      continue;
    }
    if (rawEnd) {
      if (rawEnd.test(line)) rawEnd = null;
      continue;
    }
    const blank = !/[^ \t\f\v\u00a0\ufeff]/.test(line);
    if (blank) {
      flush();
      table = 0;
      continue;
    }
    // content start (after indentation)
    let cs = 0;
    while (cs < line.length && (line[cs] === ' ' || line[cs] === '\t' || line[cs] === '\ufeff')) cs++;
    let ce = line.length;
    while (ce > cs && /[ \t]/.test(line[ce - 1]!)) ce--;

    if (table > 0) {
      if (line.includes('|')) {
        emitCells(s, lineStart + cs, lineStart + ce, refLabels, drafts, { table: tableId, row: tableRow++ });
        continue;
      }
      table = 0;
    }
    let m: RegExpExecArray | null;
    if ((m = FENCE.exec(line))) {
      flush();
      const run = m[1] ?? m[2]!;
      fence = { close: new RegExp(`^ {0,3}${run[0] === '`' ? '`' : '~'}{${run.length},}[ \\t]*$`) };
      continue;
    }
    if ((m = RAW_BLOCK.exec(line))) {
      flush();
      const tag = m[1]!.toLowerCase();
      const endRe = new RegExp(`</${tag}\\s*>`, 'i');
      if (tag === 'pre') {
        // <pre> keeps its text (as a paragraph), its tags are stripped inline
        para = { kind: 'paragraph', ranges: [[lineStart + cs, lineStart + ce]] };
        if (!endRe.test(line)) {
          // gather until the closing tag
          while (pos <= n) {
            let e2 = s.indexOf('\n', pos);
            if (e2 === -1) e2 = n;
            let le = e2;
            if (le > pos && s.charCodeAt(le - 1) === 13) le--;
            para.ranges.push([pos, le]);
            const done = endRe.test(s.slice(pos, le));
            pos = e2 + 1;
            if (done) break;
          }
        }
        flush();
        continue;
      }
      if (!endRe.test(line)) rawEnd = endRe;
      continue;
    }
    if ((m = ATX.exec(line))) {
      flush();
      let a = m[0].length;
      let b = ce;
      // closing sequence of #s
      const tail = /[ \t]#+$/.exec(line.slice(a, b));
      if (tail) b = a + tail.index;
      else if (/^#+$/.test(line.slice(a, b))) b = a;
      while (b > a && /[ \t]/.test(line[b - 1]!)) b--;
      const piece = emit('heading', lineStart + a, lineStart + b);
      if (piece && m[1]!.length === 1 && firstH1 === null) firstH1 = piece.text;
      continue;
    }
    if (para && para.kind === 'paragraph' && SETEXT.test(line)) {
      para.kind = 'heading';
      const before = drafts.length;
      flush();
      if (line.trim().startsWith('=') && firstH1 === null && drafts.length > before) firstH1 = drafts[drafts.length - 1]!.piece.text;
      continue;
    }
    if (THEMATIC.test(line)) {
      flush();
      continue;
    }
    if (QUOTE.test(line)) {
      // strip every leading ">" (nested quotes) and one optional space after each
      let a = 0;
      for (;;) {
        while (a < line.length && (line[a] === ' ' || line[a] === '\t') && a < 4) a++;
        if (line[a] !== '>') break;
        a++;
        if (line[a] === ' ') a++;
      }
      while (a < ce && (line[a] === ' ' || line[a] === '\t')) a++;
      if (a >= ce) {
        flush();
        continue;
      }
      const atx = /^(#{1,6})(?:[ \t]+|$)/.exec(line.slice(a, ce));
      if (atx) a += atx[0].length;
      const li = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(line.slice(a, ce));
      if (li) a += li[0].length;
      if (!para || para.kind !== 'quote' || atx || li) {
        flush();
        para = { kind: 'quote', ranges: [] };
      }
      para.ranges.push([lineStart + a, lineStart + ce]);
      continue;
    }
    if ((m = LIST.exec(line))) {
      flush();
      let a = m[0].length;
      const task = TASK.exec(line.slice(a));
      if (task) a += task[0].length;
      if (a >= ce) continue;
      para = { kind: 'list-item', ranges: [[lineStart + a, lineStart + ce]] };
      continue;
    }
    if (line.includes('|') && next <= n) {
      // a table starts when the next line is a delimiter row
      let e2 = s.indexOf('\n', next);
      if (e2 === -1) e2 = n;
      let le = e2;
      if (le > next && s.charCodeAt(le - 1) === 13) le--;
      const delim = s.slice(next, le);
      if (isDelimiterRow(delim) && (delim.includes('|') || line.trimStart().startsWith('|'))) {
        flush();
        tableId++;
        tableRow = 0;
        const cells = emitCells(s, lineStart + cs, lineStart + ce, refLabels, drafts, { table: tableId, row: tableRow++ });
        table = Math.max(1, cells);
        pos = e2 + 1; // skip the delimiter row
        continue;
      }
    }
    if ((m = FOOTDEF.exec(line))) {
      flush();
      para = { kind: 'paragraph', ranges: [[lineStart + m[0].length, lineStart + ce]] };
      continue;
    }
    if (REFDEF.test(line)) {
      flush();
      continue;
    }
    // paragraph text (or lazy continuation of a list item / quote)
    if (!para) para = { kind: 'paragraph', ranges: [] };
    para.ranges.push([lineStart + cs, lineStart + ce]);
  }
  flush();
  return { drafts, frontMatter, firstH1, errors };
}

/** Labels of reference definitions ("[label]: url"), lower-cased, so "[label]" alone can be read as a link. */
function collectRefLabels(s: string, from: number): Set<string> {
  const set = new Set<string>();
  if (s.indexOf(']:', from) === -1) return set;
  // line by line: a definition starts a line
  let pos = from;
  while (pos < s.length) {
    let eol = s.indexOf('\n', pos);
    if (eol === -1) eol = s.length;
    if (s.charCodeAt(pos) === 91 || s.charCodeAt(pos) === 32) {
      const m = REFDEF.exec(s.slice(pos, eol));
      if (m) set.add(m[1]!.trim().toLowerCase().replace(/\s+/g, ' '));
    }
    pos = eol + 1;
  }
  return set;
}

/** Table cells of one row → 'cell' blocks. Returns the number of cells. */
function emitCells(s: string, a: number, b: number, refs: Set<string>, drafts: Draft[], at: { table: number; row: number }): number {
  const bounds: number[] = [a];
  let inCode = false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 96 /* ` */) inCode = !inCode;
    else if (c === 124 /* | */ && !inCode) bounds.push(i);
  }
  bounds.push(b);
  let count = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    let x = k === 0 ? bounds[k]! : bounds[k]! + 1;
    let y = bounds[k + 1]!;
    if (k === 0 && s.charCodeAt(a) === 124) x = a + 1;
    while (x < y && /[ \t]/.test(s[x]!)) x++;
    while (y > x && /[ \t]/.test(s[y - 1]!)) y--;
    if (k === 0 && bounds[1] === a) continue; // leading pipe: empty first cell
    const col = bounds[1] === a || s.charCodeAt(a) === 124 ? k - 1 : k;
    if (x >= y) continue;
    const acc = new TextAcc();
    inline(s, x, y, acc, refs, 0);
    const piece = acc.take();
    if (piece) {
      drafts.push({ kind: 'cell', piece, cell: { table: at.table, row: at.row, col } });
      count++;
    }
  }
  return count;
}

const SPECIAL_CHARS = new Uint8Array(128);
for (const c of '\\`*_~[!<&') SPECIAL_CHARS[c.charCodeAt(0)] = 1;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2000}|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,200}@[A-Za-z0-9.-]{1,200})>/y;
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,40}(?:[\s/][^<>]{0,1000})?>/y;
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;

function isWs(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\u00a0';
}

function isPunct(ch: string | undefined): boolean {
  return ch !== undefined && (ASCII_PUNCT.test(ch) || /[\p{P}\p{S}]/u.test(ch));
}

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Matching brackets and parentheses of a range, found once with a stack (backslash escapes skipped). */
class Pairs {
  private map: Map<number, number> | null = null;
  constructor(
    private readonly s: string,
    private readonly a: number,
    private readonly b: number,
  ) {}

  /** Index of the bracket closing the one at `open` (before `limit`), or -1. */
  close(open: number, limit: number): number {
    if (!this.map) this.map = this.build();
    const c = this.map.get(open);
    return c !== undefined && c < limit ? c : -1;
  }

  private build(): Map<number, number> {
    const map = new Map<number, number>();
    const sq: number[] = [];
    const par: number[] = [];
    const { s, a, b } = this;
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === 91 /* [ */) sq.push(i);
      else if (c === 93 /* ] */) {
        const o = sq.pop();
        if (o !== undefined) map.set(o, i);
      } else if (c === 40 /* ( */) par.push(i);
      else if (c === 41 /* ) */) {
        const o = par.pop();
        if (o !== undefined) map.set(o, i);
      }
    }
    return map;
  }
}

/** Inline Markdown of s[a, b) into the accumulator. */
function inline(s: string, a: number, b: number, acc: TextAcc, refs: Set<string>, depth: number, pairs = new Pairs(s, a, b)): void {
  let p = a;
  while (p < b) {
    // next syntax char within [p, b) (a regex search could run past b: quadratic over many small cells)
    let q = p;
    while (q < b) {
      const cc = s.charCodeAt(q);
      if (cc < 128 && SPECIAL_CHARS[cc]) break;
      q++;
    }
    if (q > p) acc.text(s.slice(p, q), p);
    if (q >= b) return;
    p = q;
    const c = s[p]!;
    switch (c) {
      case '\\': {
        const nx = s[p + 1];
        if (p + 1 < b && nx !== undefined && ASCII_PUNCT.test(nx)) {
          acc.decoded(nx, p, p + 2);
          p += 2;
        } else {
          acc.text('\\', p);
          p++;
        }
        continue;
      }
      case '`': {
        let k = p;
        while (k < b && s[k] === '`') k++;
        const run = k - p;
        let close = -1;
        let i = k;
        while (i < b) {
          const j = s.indexOf('`', i);
          if (j === -1 || j >= b) break;
          let e = j;
          while (e < b && s[e] === '`') e++;
          if (e - j === run) {
            close = j;
            break;
          }
          i = e;
        }
        if (close === -1) {
          acc.text(s.slice(p, k), p);
          p = k;
        } else {
          acc.text(s.slice(k, close), k); // the backticks render as nothing
          p = close + run;
        }
        continue;
      }
      case '*':
      case '_':
      case '~': {
        let k = p;
        while (k < b && s[k] === c) k++;
        const run = k - p;
        const before = p > a ? s[p - 1] : undefined;
        const after = k < b ? s[k] : undefined;
        const left = !isWs(after) && (!isPunct(after) || isWs(before) || isPunct(before));
        const right = !isWs(before) && (!isPunct(before) || isWs(after) || isPunct(after));
        const intraword = isAlnum(before) && isAlnum(after);
        let strip = (left || right) && !(c === '_' && intraword) && !(c === '~' && run < 2);
        if (c === '*' && intraword && run === 1) strip = false; // 5*3
        if (strip) p = k;
        else {
          acc.text(s.slice(p, k), p);
          p = k;
        }
        continue;
      }
      case '!': {
        if (s[p + 1] === '[') {
          const end = linkEnd(s, p + 1, b, refs, pairs);
          if (end !== null) {
            p = end.end; // images contribute no text
            continue;
          }
        }
        acc.text('!', p);
        p++;
        continue;
      }
      case '[': {
        if (s[p + 1] === '^') {
          const close = pairs.close(p, b);
          if (close !== -1 && close - p < 100 && !/\s/.test(s.slice(p, close))) {
            p = close + 1; // footnote reference
            continue;
          }
        }
        const end = depth === 0 ? linkEnd(s, p, b, refs, pairs) : null;
        if (end !== null) {
          inline(s, p + 1, end.labelEnd, acc, refs, depth + 1, pairs);
          p = end.end;
          continue;
        }
        acc.text('[', p);
        p++;
        continue;
      }
      case '<': {
        AUTOLINK.lastIndex = p;
        let mm = AUTOLINK.exec(s);
        if (mm && p + mm[0].length <= b) {
          p += mm[0].length;
          continue;
        }
        TAG.lastIndex = p;
        mm = TAG.exec(s);
        if (mm && p + mm[0].length <= b) {
          if (/^<br\b/i.test(mm[0])) acc.space(p, p + mm[0].length);
          p += mm[0].length;
          continue;
        }
        acc.text('<', p);
        p++;
        continue;
      }
      case '&': {
        ENTITY.lastIndex = p;
        const mm = ENTITY.exec(s);
        if (mm && p + mm[0].length <= b) {
          const d = decodeEntity(mm[0]);
          if (d !== mm[0]) {
            acc.decoded(d, p, p + mm[0].length);
            p += mm[0].length;
            continue;
          }
        }
        acc.text('&', p);
        p++;
        continue;
      }
      default:
        acc.text(c, p);
        p++;
    }
  }
}

/** A link at `open` ("[label](dest)", "[label][ref]", "[label]" with a defined ref): where the label ends and the link ends. */
function linkEnd(s: string, open: number, b: number, refs: Set<string>, pairs: Pairs): { labelEnd: number; end: number } | null {
  const close = pairs.close(open, b);
  if (close === -1) return null;
  const nx = s[close + 1];
  if (nx === '(' && close + 1 < b) {
    const pc = pairs.close(close + 1, b);
    if (pc === -1) return null;
    return { labelEnd: close, end: pc + 1 };
  }
  if (nx === '[' && close + 1 < b) {
    const rc = pairs.close(close + 1, b);
    if (rc !== -1 && rc - close < 1000) {
      const ref = s.slice(close + 2, rc).trim().toLowerCase().replace(/\s+/g, ' ');
      const label = s.slice(open + 1, close).trim().toLowerCase().replace(/\s+/g, ' ');
      if (refs.has(ref || label)) return { labelEnd: close, end: rc + 1 };
    }
    return null;
  }
  const label = s.slice(open + 1, close).trim().toLowerCase().replace(/\s+/g, ' ');
  if (refs.size > 0 && refs.has(label)) return { labelEnd: close, end: close + 1 };
  return null;
}
