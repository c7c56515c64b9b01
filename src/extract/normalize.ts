/**
 * Same-length normalisation before tokenizing: other digit scripts become ASCII digits, typographic
 * dashes, minus signs, quotes and percent signs become their ASCII forms. Every character keeps its index,
 * so spans found in the normalised text are spans in the original.
 */
const MAP = new Map<number, string>([
  [0x066b, '.'], // Arabic decimal separator
  [0x066c, ','], // Arabic thousands separator
  [0x066a, '%'], // Arabic percent sign
  [0xff05, '%'],
  [0x2212, '-'], // minus sign
  [0x2012, '-'], // figure dash
  [0x2013, '-'], // en dash
  [0x2010, '-'],
  [0x2011, '-'],
  [0xfe63, '-'],
  [0xff0d, '-'],
  [0x2018, "'"],
  [0x2019, "'"],
  [0x02bc, "'"],
  [0x201b, "'"],
  [0x2032, "'"],
  [0x201c, '"'],
  [0x201d, '"'],
  [0x201e, '"'],
  [0xff0c, ','],
  [0xff0e, '.'],
]);

/** Zero code points of digit blocks that map to 0-9. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0xff10];

// One pass; characters outside these ranges are left alone (the regex has no nested quantifiers).
const RE = /[\u0660-\u0669\u066a-\u066c\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\uff10-\uff19\uff05\u2212\u2012\u2013\u2010\u2011\ufe63\uff0d\u2018\u2019\u02bc\u201b\u2032\u201c\u201d\u201e\uff0c\uff0e]/g;

function replace(ch: string): string {
  const c = ch.charCodeAt(0);
  const m = MAP.get(c);
  if (m) return m;
  for (const z of DIGIT_ZEROS) if (c >= z && c <= z + 9) return String.fromCharCode(48 + c - z);
  return ch;
}

// footnote markers glued to a word ("operating profit¹ rose"): spaces, so the word ends there ("km²", "m³" keep theirs:
// a unit is shorter than four letters)
const FOOTNOTE = /(?<=[A-Za-z]{4})[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+/g;

/** Any character RE or FOOTNOTE rewrites: a text with none (most texts) is its own normalisation, in one pass. */
const ANY = /[\u0660-\u0669\u066a-\u066c\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\uff10-\uff19\uff05\u2212\u2012\u2013\u2010\u2011\ufe63\uff0d\u2018\u2019\u02bc\u201b\u2032\u201c\u201d\u201e\uff0c\uff0e\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/;

export function normalizeForScan(text: string): string {
  if (!ANY.test(text)) return text;
  const out = text.replace(RE, replace);
  return out.includes('\u00b9') || /[\u00b2\u00b3\u2070\u2074-\u2079]/.test(out) ? out.replace(FOOTNOTE, (m) => ' '.repeat(m.length)) : out;
}
