/**
 * HTML character references, decoded by parse5 itself (so Markdown and HTML agree with the HTML standard,
 * including legacy references without a semicolon), cached.
 */
import { parseFragment } from 'parse5';

const cache = new Map<string, string>();

/** Decode a character reference as it would be decoded in HTML text ("&amp;" → "&", "&notit;" → "¬it;"). */
export function decodeEntity(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  let out = raw;
  try {
    const frag = parseFragment(raw);
    const first = frag.childNodes[0] as { nodeName: string; value?: string } | undefined;
    if (first && first.nodeName === '#text' && frag.childNodes.length === 1) out = first.value ?? raw;
  } catch {
    out = raw;
  }
  if (cache.size > 5000) cache.clear();
  // a fresh copy as the key: a long match may be a slice that would keep a whole page alive
  cache.set(raw.length >= 13 ? raw.split('').join('') : raw, out);
  return out;
}

/** A character reference at `i` in `s`: "&name;", "&#123;", "&#x1F;" (semicolon optional, as in HTML). */
export const ENTITY_AT = /&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[A-Za-z][A-Za-z0-9]{0,31});?/y;
