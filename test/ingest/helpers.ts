import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFragment } from 'parse5';
import type { Document } from '../../src/types.js';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(HERE, 'fixtures');
export const ROOT = join(HERE, '..', '..');

/** The real scraped seed articles (third-party text: read at run time, never copied into the project). */
export const SEEDS_DIR = process.env.NUMCHECK_SEEDS ?? join(ROOT, '..', 'shared', 'eval', 'visible', 'seeds', 'docs');
export const haveSeeds = existsSync(SEEDS_DIR);
export const describeSeeds = haveSeeds ? describe : describe.skip;

export function seedPath(prefix: string): string {
  const f = readdirSync(SEEDS_DIR).find((n) => n.startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return join(SEEDS_DIR, f);
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const NO_TEXT = new Set(['script', 'style', 'svg', 'math', 'template', 'noscript', 'title', 'textarea', 'select', 'head', 'iframe', 'object']);

/** Decode a raw source span to what it stands for, per format (for words that contain entities / escapes). */
function decodeRaw(raw: string, format: Document['format']): string {
  if (format === 'html' || format === 'markdown') {
    const frag = parseFragment(raw.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
    let out = '';
    const stack = [...frag.childNodes].reverse() as Array<{ nodeName: string; value?: string; childNodes?: unknown[] }>;
    while (stack.length) {
      const n = stack.pop()!;
      if (n.nodeName === '#text') out += n.value;
      else if (NO_TEXT.has(n.nodeName)) continue; // what ingest never shows
      else if (n.childNodes) stack.push(...([...n.childNodes].reverse() as typeof stack));
    }
    return out.replace(/[ \t\n\r\f]+/g, ' ');
  }
  if (format === 'jsonl') {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  }
  return raw;
}

/** Markdown syntax that may sit inside a mapped span between kept characters (emphasis markers, link tails). */
function stripMarkdown(s: string): string {
  return s.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\]\([^)]*\)/g, '').replace(/\[\^[^\]]*\]/g, '').replace(/<!--[^]*?-->/g, '').replace(/~~|[*_`[\]\\]/g, '');
}

/**
 * The offset property: for every word of the cleaned text, the source span the map gives equals the word, or
 * decodes to it (entities, escapes). Also: every mapped offset is inside the source, and starts never decrease.
 * Returns the number of words checked.
 */
export function checkOffsets(doc: Document, opts: { allowDecoded?: boolean } = {}): number {
  const source = doc.source ?? '';
  const so = doc.sourceOffset ?? 0;
  let checked = 0;
  let prev = -1;
  for (const seg of doc.segments) {
    expect(seg.start).toBeGreaterThanOrEqual(0);
    expect(seg.end).toBeLessThanOrEqual(doc.text.length);
    expect(seg.start).toBeLessThan(seg.end);
    const text = doc.text.slice(seg.start, seg.end);
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const s = seg.start + m.index;
      const e = s + m[0].length;
      const os = doc.map.toOriginalStart(s) - so;
      const oe = doc.map.toOriginalEnd(e) - so;
      expect(os).toBeGreaterThanOrEqual(0);
      expect(oe).toBeLessThanOrEqual(source.length);
      expect(os).toBeLessThanOrEqual(oe);
      expect(os).toBeGreaterThanOrEqual(prev);
      prev = os;
      const raw = source.slice(os, oe);
      if (raw !== m[0]) {
        if (opts.allowDecoded === false) expect(raw).toBe(m[0]);
        const dec = decodeRaw(doc.format === 'markdown' ? stripMarkdown(raw) : raw, doc.format);
        const want = doc.format === 'markdown' ? stripMarkdown(m[0]) : m[0];
        // a JSONL line may hold HTML or Markdown: its text is unescaped, then decoded as such
        const inner = doc.format === 'jsonl' ? decodeRaw(stripMarkdown(dec), 'html') : null;
        if (dec !== want && inner !== stripMarkdown(want)) throw new Error(`word ${JSON.stringify(m[0])} at ${s} maps to ${JSON.stringify(raw)} (${os}..${oe}) in ${doc.id}`);
      }
      checked++;
    }
  }
  return checked;
}

/** Text of each segment. */
export function segTexts(doc: Document): string[] {
  return doc.segments.map((s) => doc.text.slice(s.start, s.end));
}

/** Source span of a substring of the cleaned text (first occurrence). */
export function sourceOf(doc: Document, needle: string, from = 0): string {
  const i = doc.text.indexOf(needle, from);
  if (i < 0) throw new Error(`${JSON.stringify(needle)} not in cleaned text of ${doc.id}`);
  const so = doc.sourceOffset ?? 0;
  return (doc.source ?? '').slice(doc.map.toOriginalStart(i) - so, doc.map.toOriginalEnd(i + needle.length) - so);
}
