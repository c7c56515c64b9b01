/**
 * Hostile input families, shared by the robustness suites (test/robust) and the fuzzer (scripts/fuzz.ts): token
 * lists, a seeded random source, generators of whole inputs and mutators of real ones. No jest here.
 */

export const NUMBERS = [
  '1,300', '4.5 million', '5 000', '5\u00a0000', '5\u202f000', '5\u2009000', '\u221212', '-40', '3/4', '½', '\u0663\u0665\u0660', '12%', '50\u066a',
  'more than 600', 'about 300', '$500 million', '1,100-km (684-mile)', 'between 40,000 and 50,000', '62-68', '1e308', '99,999,999,999,999,999,999',
  '1.234,5', '3,5 %', 'eight', 'two hundred and fifty', 'dozens', '2.4 km', '€16.20', '1,1,1,1,1', '1.1.1.1', '0.000', '222,000 reservists',
  '75 settlements', '38-year-old', '5.3 points', '40 per 100,000', '1 000 000', '١٢٣', '٣٫٥', '10 out of 12', '30%, or 1,200', '00', '.5', '5.',
];
export const WORDS = [
  ' ', ' ', ' ', '\n', '\n\n', '. ', ', ', 'people', ' homes were flooded', 'The council said ', 'Putin said ', ' reservists', ' were killed',
  ' on Friday', ' of the ', ' out of ', ' in Kherson', ' according to police', 'He said ', ' up ', ' to ', ' from ', ' and ', ' (', ')', '"', '“', '”',
  ' km', ' miles', ' per day', ' percent', ' euros', 'Advertisement', 'See also ', '2024-03-01', ' March 3, 2024 ', 'COVID-19 ', 'F-16 ', '11:40am ',
];
export const HOSTILE = [
  '\u0000', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u00ad', '\u200b', '\u200e', '\u200f', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd',
  '\ud800', '\udfff', '\ud83d\ude00', 'e\u0301', '\u0661', '\u06f5', '\uff15', '\r', '\r\n', '\t', '\f', '\v', '𝟓', '①', 'Ⅻ',
];
export const HTML = [
  '<p>', '</p>', '<div>', '</div>', '<br>', '<h1>', '</h1>', '<li>', '<ul>', '<table><tr><td>', '</td><td>', '</td></tr></table>', '<b>', '</b>', '<i>',
  '</i>', '<span>', '</span>', '<a href="x">', '</a>', '&amp;', '&nbsp;', '&#8722;', '&#x2009;', '&#37;', '&#x1F600;', '&#0;', '&notit;', '&', '<',
  '>', '<!-- c -->', '<script>1,000</script>', '<style>p{}</style>', '<nav>9 links</nav>', '<article>', '</article>', '<sup>2</sup>', '<pre>',
  '<meta property="article:published_time" content="2024-01-01">', '<![CDATA[', '<svg><p>', '<template>', '<plaintext>',
];
export const MARKDOWN = [
  '# ', '## ', '**', '*', '_', '__', '~~', '`', '```\n', '[', ']', '](http://x)', '![a](b.png)', '> ', '- ', '1. ', '| ', ' | ', '|---|---|\n', '\\',
  '&amp;', '&nbsp;', '&#37;', '<!-- x -->', '<br>', '<https://x.y>', '[^1]', '---\ntitle: t\ndate: 2024-01-01\n---\n', '    ', '===\n',
  '<!-- numcheck-disable-next-line -->\n', '<!-- numcheck-disable cross-source-mismatch -- why -->', '<!-- numcheck-enable -->', '<!-- numcheck-disable-line x,y',
];
export const YAML_HOSTILE = [
  '', '~', 'null', '[]', '{}', '-1', '1e999', '0x10', '.inf', '.nan', 'true', "'", '"', '&a x', '*a', '!!binary aGk=', '!!js/function "x"', '? x', '|', '>-',
  '\t', '  ', '\n', '- ', ': ', '#', '%YAML 1.2\n---\n', '...', '\u0000', '\ufeff', '"(a+)+$"', '"(?i)(x|x)*y"', '"[" ', '1e308 * 1e308', 'x ^ 99999',
  'sum(1..)', 'import("fs")', '"' + 'a'.repeat(600) + '"', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
];

/** mulberry32: a small seeded PRNG (reproducible fuzz runs). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [a, b]. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A size between a and b, log-uniform (small sizes often, big ones sometimes). */
  size(a: number, b: number): number {
    return Math.round(Math.exp(Math.log(a) + this.next() * (Math.log(b) - Math.log(a))));
  }
  /** Random UTF-16 units (any: lone surrogates and controls included). */
  units(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
      const k = this.next();
      s += String.fromCharCode(k < 0.5 ? this.int(0x20, 0x7e) : k < 0.6 ? this.int(0, 0x1f) : k < 0.8 ? this.int(0x80, 0x7ff) : k < 0.9 ? this.int(0xd800, 0xdfff) : this.int(0x800, 0xffff));
    }
    return s;
  }
  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.int(0, 255);
    return b;
  }
}

/** A string of `n` tokens drawn from the lists (and a few random units). */
export function soup(rng: Rng, lists: string[][], n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.chance(0.1) ? rng.units(rng.int(1, 6)) : rng.pick(rng.pick(lists));
  return s;
}

/** Digits with separators: "1,1,1", "1 000 000", "12.345.678", mixed, with hostile separators. */
export function digitRun(rng: Rng, digits: number): string {
  const seps = [',', '.', ' ', '\u00a0', '\u202f', '\u2009', "'", '\u2019', '\u066c', '_', ',', '-', '/', ':'];
  const sep = rng.pick(seps);
  const group = rng.int(1, 4);
  const digit = () => (rng.chance(0.9) ? String(rng.int(0, 9)) : rng.pick(['\u0663', '\u06f5', '\uff15', '𝟓']));
  let s = '';
  for (let i = 0; i < digits; i++) {
    if (i > 0 && i % group === 0) s += rng.chance(0.95) ? sep : rng.pick(seps);
    s += digit();
  }
  return s;
}

/** HTML nested `depth` deep, closed or not, with a paragraph of prose at the bottom. */
export function deepHtml(rng: Rng, depth: number): string {
  const tags = ['div', 'span', 'b', 'i', 'section', 'p', 'li', 'ul', 'table', 'td', 'a', 'em', 'blockquote', 'article', 'nav', 'font'];
  const open: string[] = [];
  let s = '<html><body>';
  for (let i = 0; i < depth; i++) {
    const t = rng.chance(0.8) ? 'div' : rng.pick(tags);
    open.push(t);
    s += rng.chance(0.1) ? `<${t} class="c${i % 7}">` : `<${t}>`;
  }
  s += '<p>The council said 1,300 homes were flooded on Friday, officials said.</p>';
  if (rng.chance(0.7)) while (open.length) s += `</${open.pop()}>`;
  return s + (rng.chance(0.5) ? '</body></html>' : '');
}

/** A Markdown table of about `chars` characters. */
export function markdownTable(rng: Rng, chars: number): string {
  const rows = ['| Region | Homes | Cost |', '|---|---:|:---|'];
  let n = 40;
  for (let i = 0; n < chars; i++) {
    const r = `| ${rng.pick(['North', 'South', 'R' + i, '**Total**', '`x`'])} | ${rng.int(0, 99)},${String(rng.int(0, 999)).padStart(3, '0')} | €${rng.int(0, 9)}.${rng.int(0, 9)} million |${rng.chance(0.05) ? ' extra |' : ''}`;
    rows.push(r);
    n += r.length + 1;
  }
  return rows.join('\n') + '\n';
}

/** JSONL with good, broken and odd lines. */
export function jsonl(rng: Rng, lines: number, text: () => string): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const k = rng.next();
    if (k < 0.55) out.push(JSON.stringify({ id: rng.chance(0.2) ? 'dup' : `d${i}`, text: text(), ...(rng.chance(0.3) ? { date: rng.pick(['2024-01-02', '2024-13-45', 'yesterday', 42]) } : {}), ...(rng.chance(0.2) ? { format: rng.pick(['markdown', 'html', 'pdf', 7]) } : {}) }));
    else if (k < 0.65) out.push(JSON.stringify({ id: `d${i}`, text: rng.pick([42, null, ['a'], { a: 1 }, '', '   ']) }));
    else if (k < 0.72) out.push(JSON.stringify(text()).slice(0, rng.int(0, 20)));
    else if (k < 0.78) out.push('');
    else if (k < 0.84) out.push(rng.units(rng.int(1, 40)));
    else if (k < 0.9) out.push('[' + '{"a":'.repeat(rng.int(1, 3000)) + '1' + '}'.repeat(rng.int(0, 3000)) + ']');
    else out.push(JSON.stringify({ text: text(), id: rng.units(5), outlet: rng.units(8), title: '\u0000' }).replace(/\\u0000/, rng.pick(['\\u0000', '\\ud800', '\\uDC00x', '\\u12'])));
  }
  return out.join(rng.chance(0.2) ? '\r\n' : '\n') + (rng.chance(0.5) ? '\n' : '');
}

/** Mutate a text: delete, duplicate, insert hostile tokens, splice in a piece of `other`. */
export function mutateText(rng: Rng, s: string, other = '', tokens: string[] = [...HOSTILE, ...HTML, ...MARKDOWN, ...NUMBERS]): string {
  const rounds = rng.int(1, 8);
  for (let r = 0; r < rounds; r++) {
    const at = rng.int(0, s.length);
    const len = rng.int(0, Math.min(200, s.length - at));
    switch (rng.int(0, 6)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + len);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at, at + len).repeat(rng.int(2, 50)) + s.slice(at + len);
        break;
      case 2:
        s = s.slice(0, at) + rng.pick(tokens) + s.slice(at);
        break;
      case 3:
        s = s.slice(0, at) + rng.units(rng.int(1, 20)) + s.slice(at);
        break;
      case 4: {
        const o = rng.int(0, other.length);
        s = s.slice(0, at) + other.slice(o, o + rng.int(0, 2000)) + s.slice(at);
        break;
      }
      case 5: {
        const lines = s.split('\n');
        const i = rng.int(0, lines.length - 1);
        const j = rng.int(0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        s = lines.join('\n');
        break;
      }
      default:
        s = s.slice(0, at) + digitRun(rng, rng.int(1, 40)) + s.slice(at);
    }
  }
  return s;
}

/** Mutate bytes: flip, truncate, insert invalid UTF-8, re-encode as UTF-16. */
export function mutateBytes(rng: Rng, b: Buffer): Buffer {
  const k = rng.int(0, 5);
  if (k === 0 && b.length) {
    const c = Buffer.from(b);
    for (let i = rng.int(1, 10); i > 0; i--) c[rng.int(0, c.length - 1)] = rng.int(0, 255);
    return c;
  }
  if (k === 1) return b.subarray(0, rng.int(0, b.length));
  if (k === 2) {
    const at = rng.int(0, b.length);
    return Buffer.concat([b.subarray(0, at), Buffer.from(rng.pick([[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0]])), b.subarray(at)]);
  }
  if (k === 3) {
    const u = Buffer.from(b.toString('utf8'), 'utf16le');
    const be = rng.chance(0.5);
    if (be) for (let i = 0; i + 1 < u.length; i += 2) [u[i], u[i + 1]] = [u[i + 1]!, u[i]!];
    const bom = rng.chance(0.8) ? Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0);
    return Buffer.concat([bom, u, rng.chance(0.3) ? Buffer.from([0x41]) : Buffer.alloc(0)]);
  }
  if (k === 4) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
  return Buffer.concat([b, rng.bytes(rng.int(1, 64))]);
}

/** Mutate a YAML rule or config file: lines dropped/duplicated, values replaced by hostile ones, indentation broken. */
export function mutateYaml(rng: Rng, s: string): string {
  const lines = s.split('\n');
  const rounds = rng.int(1, 5);
  for (let r = 0; r < rounds; r++) {
    const i = rng.int(0, Math.max(0, lines.length - 1));
    const line = lines[i] ?? '';
    switch (rng.int(0, 7)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2: {
        const c = line.indexOf(':');
        if (c >= 0) lines[i] = `${line.slice(0, c + 1)} ${rng.pick(YAML_HOSTILE)}`;
        break;
      }
      case 3:
        lines[i] = (rng.chance(0.5) ? ' ' : '\t') + line;
        break;
      case 4:
        lines.splice(i, 0, `${rng.pick(['id', 'check', 'severity', 'params', 'select', 'pattern', 'expression', 'extends', 'tolerance', 'x'])}: ${rng.pick(YAML_HOSTILE)}`);
        break;
      case 5:
        // a "billion laughs" alias bomb
        lines.push('bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]');
        for (let k = 1; k < 9; k++) lines.push(`bomb${k}: &b${k} [${Array(10).fill(`*b${k - 1}`).join(', ')}]`);
        break;
      case 6:
        lines[i] = mutateText(rng, line, '', YAML_HOSTILE);
        break;
      default: {
        // a regex field with a catastrophic pattern, or a hostile expression
        lines.push(rng.chance(0.5) ? `select:\n  pattern: "${rng.pick(['(a+)+$', '(\\\\s*,\\\\s*)*x', '(?i)(a|a)*b', '[', '(?<x>a)\\\\k<x>', '(?=a)*', '.{0,99999}'])}"` : `  expression: ${rng.pick(['dead + injured <= casualties', '1 / 0', 'dead ^ 1e9', 'import({}, {})', 'evaluate("1")', 'f(x) = f(x)', 'dead'.repeat(500), '((((((((((1))))))))))'.repeat(50)])}`);
      }
    }
  }
  return lines.join('\n');
}
