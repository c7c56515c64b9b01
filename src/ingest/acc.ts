/**
 * Accumulates the text of one block from pieces of source, collapsing whitespace the way a renderer does:
 * runs of whitespace become one space (mapped to the whole run), leading and trailing whitespace is dropped.
 */
import { MapBuilder, type Piece } from './offsets.js';

/** ASCII whitespace (what HTML and Markdown collapse); no-break spaces are content ("5\u00a0000"). */
const WS = /[ \t\n\r\f\v]+/g;
/** Whitespace that text() does not keep as it is: any but a single space between two other chars. */
const LOOSE_WS = /[\t\n\r\f\v]| {2}|^ | $/;

export class TextAcc {
  private b = new MapBuilder();
  private pendS = -1;
  private pendE = -1;
  /** The pending whitespace is exactly one ordinary space at pendS (then it is copied, keeping runs merged). */
  private pendPlain = false;
  private has = false;

  get isEmpty(): boolean {
    return !this.has;
  }

  /** Source text `s` found at `orig` (identical to the source). */
  text(s: string, orig: number): void {
    const n = s.length;
    if (n === 0) return;
    // words between single spaces, as most prose is: the spaces are kept as they are, so the text is copied whole
    // (what the loop below does a word and a space at a time, with the same text and the same merged run)
    if (!LOOSE_WS.test(s)) {
      this.content(s, orig);
      return;
    }
    WS.lastIndex = 0;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = WS.exec(s)) !== null) {
      if (m.index > last) this.content(s.slice(last, m.index), orig + last);
      this.space(orig + m.index, orig + m.index + m[0].length, m[0] === ' ');
      last = m.index + m[0].length;
    }
    if (last < n) this.content(last === 0 ? s : s.slice(last), orig + last);
  }

  /** Content that is the source verbatim (no whitespace inside, or only single spaces that stay as they are). */
  private content(s: string, orig: number): void {
    this.flushSpace();
    this.b.copy(s, orig);
    this.has = true;
  }

  /** A decoded char (entity, escape) standing for the source span [s, e). Whitespace results collapse. */
  decoded(str: string, s: number, e: number): void {
    if (str.length === 0) return;
    if (/^[ \t\n\r\f\v]+$/.test(str)) {
      this.space(s, e, false);
      return;
    }
    this.flushSpace();
    this.b.decoded(str, s, e);
    this.has = true;
  }

  /** Whitespace (or something that renders as a space: a <br>, a line join) over the source span [s, e). */
  space(s: number, e: number, plain = false): void {
    if (this.pendS === -1) {
      this.pendS = s;
      this.pendE = e;
      this.pendPlain = plain && e - s === 1;
    } else {
      this.pendS = Math.min(this.pendS, s);
      this.pendE = Math.max(this.pendE, e);
      this.pendPlain = false;
    }
  }

  /** Forget pending whitespace (e.g. at a hidden boundary). */
  dropSpace(): void {
    this.pendS = -1;
  }

  private flushSpace(): void {
    if (this.pendS === -1) return;
    if (this.has) {
      if (this.pendPlain) this.b.copy(' ', this.pendS);
      else this.b.decoded(' ', this.pendS, this.pendE);
    }
    this.pendS = -1;
  }

  /** The block so far (trailing whitespace dropped), or null when it holds nothing; the accumulator is reset. */
  take(): Piece | null {
    this.pendS = -1;
    if (!this.has) return null;
    const p = this.b.piece();
    this.b = new MapBuilder();
    this.has = false;
    return p;
  }
}
