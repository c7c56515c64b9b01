/**
 * Bytes → text, the way the file is "on disk, decoded": a BOM is kept as char 0 (as Python's
 * `open(f, encoding='utf-8', newline='')` keeps U+FEFF), line ends are left as they are.
 */
import { isUtf8 } from 'node:buffer';
import type { DocError } from '../types.js';

/** How many leading bytes are searched for NUL to call a file binary. */
const BINARY_SNIFF = 8192;

export interface Decoded {
  text: string;
  errors: DocError[];
  /** The encoding used: utf-8, utf-16le, utf-16be, or a legacy charset declared by an HTML page. */
  encoding?: string;
}

/**
 * Decode a file's bytes.
 *  - UTF-8 with or without BOM; UTF-16LE/BE with a BOM. The BOM stays in the text as U+FEFF (char 0), so offsets
 *    count it, exactly like Python's utf-8 codec.
 *  - NUL bytes in the first 8 KB (no UTF-16 BOM): `binary` error, no text.
 *  - Invalid UTF-8: a `decode` error naming the byte offset of the first bad sequence, and the text decoded lossily
 *    (bad bytes → U+FFFD) so the rest can still be checked. Exception: an HTML page that declares a legacy charset
 *    (`<meta charset="windows-1252">`) is decoded with that charset, without an error.
 *  - Empty or whitespace-only: `empty` error (the text is still returned).
 */
export function decode(buf: Buffer, path: string): Decoded {
  const errors: DocError[] = [];
  const shown = path || '-';
  // UTF-16 with BOM
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const enc = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    let text: string;
    try {
      text = new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(buf);
    } catch {
      text = new TextDecoder(enc, { ignoreBOM: true }).decode(buf);
      errors.push({ code: 'decode', message: `${shown}: invalid ${enc.toUpperCase()} (odd byte count or unpaired surrogate); bad units were replaced with U+FFFD` });
    }
    if (isBlank(text)) errors.push(emptyError(shown, text));
    return { text, errors, encoding: enc };
  }
  const sniffEnd = Math.min(buf.length, BINARY_SNIFF);
  const nul = buf.subarray(0, sniffEnd).indexOf(0);
  if (nul !== -1) {
    return { text: '', errors: [{ code: 'binary', message: `${shown}: looks like a binary file (NUL byte at offset ${nul}); not read as text` }], encoding: undefined };
  }
  if (isUtf8(buf)) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
    if (isBlank(text)) errors.push(emptyError(shown, text));
    return { text, errors, encoding: 'utf-8' };
  }
  // Not UTF-8. An HTML page may declare its legacy charset.
  const declared = declaredCharset(buf, path);
  if (declared) {
    try {
      const text = WINDOWS_1252_LABELS.has(declared) ? decodeWindows1252(buf) : new TextDecoder(declared, { ignoreBOM: true }).decode(buf);
      if (isBlank(text)) errors.push(emptyError(shown, text));
      return { text, errors, encoding: declared };
    } catch {
      /* unsupported label: fall through */
    }
  }
  const at = firstInvalidUtf8(buf);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
  errors.push({ code: 'decode', message: `${shown}: invalid UTF-8 at byte ${at}; undecodable bytes were replaced with U+FFFD` });
  if (isBlank(text)) errors.push(emptyError(shown, text));
  return { text, errors, encoding: 'utf-8' };
}

function emptyError(shown: string, text = ''): DocError {
  return { code: 'empty', message: text.replace(/^\uFEFF/, '').length === 0 ? `${shown}: the file is empty` : `${shown}: the file holds only whitespace` };
}

/** True when the text holds nothing but whitespace (and a BOM). */
export function isBlank(text: string): boolean {
  return !/[^\s\uFEFF]/.test(text);
}

/** Byte offset of the first invalid UTF-8 sequence (only called once the buffer is known to be invalid). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

/** Labels the Encoding Standard maps to windows-1252 (Node's TextDecoder treats some of them as plain latin1). */
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'cp1252']);

// windows-1252 bytes 0x80..0x9F (0 = unassigned: kept as the C1 control, as the Encoding Standard does)
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(buf: Buffer): string {
  const latin = buf.toString('latin1');
  if (!/[\x80-\x9f]/.test(latin)) return latin;
  return latin.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

const LEGACY = new Set(['windows-1252', 'iso-8859-1', 'latin1', 'iso-8859-15', 'windows-1251', 'windows-1250', 'koi8-r', 'shift_jis', 'euc-jp', 'gbk', 'gb2312', 'gb18030', 'big5', 'euc-kr', 'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'windows-1253', 'windows-1254', 'windows-1256', 'us-ascii', 'ascii', 'cp1252']);

/** A legacy charset declared in the first 2 KB of an HTML page (`<meta charset>` or http-equiv content-type). */
function declaredCharset(buf: Buffer, path: string): string | null {
  const head = buf.subarray(0, 2048).toString('latin1');
  if (!/\.x?html?$/i.test(path) && !/<(?:!doctype html|html)\b/i.test(head)) return null;
  // "charset" inside a <meta ...> tag, then "= value" (found with indexOf: no backtracking over the head)
  const lower = head.toLowerCase();
  let label: string | null = null;
  for (let at = lower.indexOf('charset'); at !== -1 && label === null; at = lower.indexOf('charset', at + 7)) {
    if (lower.lastIndexOf('<meta', at) <= lower.lastIndexOf('>', at)) continue;
    const m = /^\s{0,20}=\s{0,20}["']?([a-z0-9_.:-]{1,40})/.exec(lower.slice(at + 7, at + 100));
    if (m) label = m[1]!;
  }
  if (!label) return null;
  if (label === 'utf-8' || label === 'utf8') return null;
  return LEGACY.has(label) ? label : null;
}
