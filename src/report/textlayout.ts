/**
 * Terminal layout helpers: display width (wide CJK/emoji count 2, combining marks 0), stripping control and
 * bidi-override characters from hostile text, and word-wrapping "rich" text (runs with a highlight flag)
 * so a highlighted figure can wrap and still be styled.
 */

/** Control characters (C0, DEL, C1) and bidi overrides/isolates: never sent to a terminal from document text. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(s: string): string {
  return s.replace(/[\t\n\r]/g, ' ').replace(UNSAFE, '\uFFFD');
}

function cpWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x0591 && cp <= 0x05bd) ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Columns a plain (ANSI-free) string occupies in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cpWidth(ch.codePointAt(0)!);
  return w;
}

/** Cut a plain string to at most `width` columns, ending with "…" when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = cpWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

export interface Run {
  text: string;
  hl?: boolean;
}

interface Cell {
  ch: string;
  w: number;
  hl: boolean;
}

/** A wrapped line: its runs (consecutive cells of one style merged) and its display width. */
export interface RichLine {
  runs: Run[];
  width: number;
}

/**
 * Greedy word wrap of rich text to `width` columns. Words longer than a line are broken. Spaces at a break
 * are dropped. Highlight flags follow their characters across breaks.
 */
export function wrapRich(runs: Run[], width: number): RichLine[] {
  const w = Math.max(8, width);
  const cells: Cell[] = [];
  for (const r of runs) for (const ch of r.text) cells.push({ ch, w: cpWidth(ch.codePointAt(0)!), hl: !!r.hl });
  // words: maximal non-space sequences
  const words: Cell[][] = [];
  let cur: Cell[] = [];
  for (const c of cells) {
    if (c.ch === ' ') {
      if (cur.length) words.push(cur);
      cur = [];
    } else cur.push(c);
  }
  if (cur.length) words.push(cur);

  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let lw = 0;
  const flush = () => {
    lines.push(line);
    line = [];
    lw = 0;
  };
  for (let word of words) {
    const ww = word.reduce((s, c) => s + c.w, 0);
    const space = line.length ? 1 : 0;
    if (lw + space + ww <= w) {
      if (space) {
        // the space between two highlighted cells stays highlighted
        const hl = line[line.length - 1]!.hl && word[0]!.hl;
        line.push({ ch: ' ', w: 1, hl });
        lw++;
      }
      line.push(...word);
      lw += ww;
      continue;
    }
    if (line.length) flush();
    while (word.reduce((s, c) => s + c.w, 0) > w) {
      let k = 0;
      let kw = 0;
      while (k < word.length && kw + word[k]!.w <= w) kw += word[k++]!.w;
      if (k === 0) k = 1;
      lines.push(word.slice(0, k));
      word = word.slice(k);
    }
    line.push(...word);
    lw = word.reduce((s, c) => s + c.w, 0);
  }
  if (line.length || lines.length === 0) flush();

  return lines.map((cs) => {
    const out: Run[] = [];
    let width = 0;
    for (const c of cs) {
      width += c.w;
      const last = out[out.length - 1];
      if (last && !!last.hl === c.hl) last.text += c.ch;
      else out.push(c.hl ? { text: c.ch, hl: true } : { text: c.ch });
    }
    return { runs: out, width };
  });
}

/** Plain word wrap. */
export function wrapPlain(s: string, width: number): string[] {
  return wrapRich([{ text: s }], width).map((l) => l.runs.map((r) => r.text).join(''));
}
