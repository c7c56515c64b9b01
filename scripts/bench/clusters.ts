/**
 * Generated clusters of cross-source articles for `check`: 3–5 articles per event, each telling some of the
 * event's figures — the same, rounded ("about 12,000"), bounded ("more than 12,000"), converted ("40 km (25
 * miles)", now and then wrongly), attributed to different sources, or simply different (a disagreement) —
 * between filler sentences of real press text (Brown corpus, section A). Seeded: the same files every run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, rng, sourceArticles, type Article } from './corpus.js';

type R = () => number;

const SYL1 = ['Har', 'Ves', 'Mor', 'Cal', 'Bren', 'Ost', 'Lind', 'Tar', 'Kel', 'Mar', 'Dun', 'Sel', 'Ash', 'Vel', 'Cor', 'Rav', 'Pell', 'Gar', 'Nor', 'Wick'];
const SYL2 = ['low', 'terby', 'vana', 'dera', 'wick', 'mark', 'ford', 'holm', 'stead', 'bury', 'mere', 'vale', 'ton', 'ridge', 'field', 'haven', 'port', 'more', 'ley', 'gate'];
const OUTLETS = ['Meridian Wire', 'The Courier', 'Daily Ledger', 'Evening Post', 'Valley Times', 'Channel 9 News', 'The Observer', 'Northern Herald'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pick<T>(r: R, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function fmt(n: number, decimals = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Round to two significant digits. */
function round2(n: number): number {
  const p = Math.pow(10, Math.max(0, Math.floor(Math.log10(Math.abs(n) || 1)) - 1));
  return Math.round(n / p) * p;
}

interface Fact {
  /** Sentence templates: {v} the figure, {place}, {day}, {src}. */
  templates: string[];
  value: number;
  kind: 'count' | 'km' | 'hectare' | 'musd' | 'percent' | 'kmh' | 'mm';
  sources: string[];
  rising?: boolean;
}

function figure(r: R, f: Fact, mode: 'exact' | 'round' | 'bound' | 'differ' | 'convert' | 'badconvert', v: number): string {
  switch (f.kind) {
    case 'count': {
      const x = mode === 'round' || mode === 'bound' ? round2(v) : Math.round(v);
      const s = fmt(x);
      return mode === 'round' ? `about ${s}` : mode === 'bound' ? `more than ${s}` : s;
    }
    case 'km': {
      const x = mode === 'round' ? round2(v) : Math.round(v);
      if (mode === 'convert' || mode === 'badconvert') {
        const mi = Math.round((x / 1.609344) * (mode === 'badconvert' ? 1.3 : 1));
        return `${fmt(x)} km (${fmt(mi)} miles)`;
      }
      return `${mode === 'round' ? 'about ' : ''}${fmt(x)} km`;
    }
    case 'hectare': {
      const x = Math.round(v);
      if (mode === 'convert' || mode === 'badconvert') return `${fmt(x)} hectares (${fmt(Math.round(x * 2.47105 * (mode === 'badconvert' ? 1.4 : 1)))} acres)`;
      return `${mode === 'round' ? 'some ' : ''}${fmt(mode === 'round' ? round2(x) : x)} hectares`;
    }
    case 'musd':
      return mode === 'round' ? `about $${fmt(round2(v))} million` : `$${fmt(v, 1)} million`;
    case 'percent':
      return mode === 'round' ? `about ${fmt(Math.round(v))}%` : `${fmt(v, 1)}%`;
    case 'kmh': {
      const x = Math.round(v);
      if (mode === 'convert' || mode === 'badconvert') return `${x} km/h (${Math.round((x / 1.609344) * (mode === 'badconvert' ? 1.25 : 1))} mph)`;
      return `${x} km/h`;
    }
    case 'mm':
      return `${Math.round(v)} mm`;
  }
}

function eventFacts(r: R, kind: string): Fact[] {
  const big = (lo: number, hi: number) => Math.round(lo + r() * (hi - lo));
  switch (kind) {
    case 'protest':
      return [
        { kind: 'count', value: big(2000, 90000), sources: ['police', 'organisers', 'the city council'], templates: ['{v} people marched through central {place} on {day}, {src} said.', 'According to {src}, {v} protesters gathered in {place} on {day}.', 'The crowd was put at {v} by {src}.'] },
        { kind: 'count', value: big(5, 120), sources: ['police'], templates: ['{src} said {v} people were arrested.', 'A total of {v} arrests were made, {src} said.'] },
        { kind: 'count', value: big(300, 4000), sources: ['the interior ministry', 'police'], templates: ['Some {v} officers were deployed in {place}, {src} said.', '{src} deployed {v} officers across the city.'] },
        { kind: 'km', value: big(3, 12), sources: ['organisers'], templates: ['The march covered {v} through the old town.'] },
      ];
    case 'flood':
    case 'storm':
      return [
        { kind: 'count', value: big(3, 250), rising: true, sources: ['the civil protection agency', 'officials', 'the health ministry'], templates: ['The death toll rose to {v} on {day}, {src} said.', 'At least {v} people have been killed, according to {src}.', '{src} said {v} people had died in {place}.'] },
        { kind: 'count', value: big(1000, 400000), sources: ['the regional government', 'the Red Cross'], templates: ['{v} people were evacuated from their homes in {place}, {src} said.', 'Authorities evacuated {v} residents, {src} said.'] },
        { kind: 'count', value: big(100, 20000), sources: ['officials'], templates: ['{v} homes were destroyed or damaged.', 'Officials said {v} houses had been damaged.'] },
        { kind: 'kmh', value: big(90, 260), sources: ['the weather service'], templates: ['Winds reached {v} as the storm made landfall near {place}.', 'Gusts of {v} were recorded, {src} said.'] },
        { kind: 'mm', value: big(80, 600), sources: ['the weather service'], templates: ['{v} of rain fell in 24 hours, {src} said.'] },
      ];
    case 'fire':
      return [
        { kind: 'hectare', value: big(500, 90000), sources: ['fire officials', 'the forestry agency'], templates: ['The fire has burned {v} near {place}, {src} said.', 'Some {v} have been scorched so far, according to {src}.'] },
        { kind: 'count', value: big(100, 3000), sources: ['the fire service'], templates: ['{v} firefighters are battling the blaze, {src} said.', 'The fire service said {v} firefighters were on the ground.'] },
        { kind: 'count', value: big(50, 3000), sources: ['officials'], templates: ['{v} buildings have been destroyed, {src} said.'] },
        { kind: 'km', value: big(5, 60), sources: ['officials'], templates: ['The fire front stretches for {v}.'] },
      ];
    case 'results':
      return [
        { kind: 'musd', value: 50 + r() * 5000, sources: ['the company'], templates: ['{place} Holdings reported revenue of {v} for the quarter.', 'Quarterly revenue at {place} Holdings reached {v}, the company said.'] },
        { kind: 'musd', value: 5 + r() * 600, sources: ['the company'], templates: ['Net profit was {v}.', 'The group posted a net profit of {v} on {day}.'] },
        { kind: 'count', value: big(800, 90000), sources: ['the company'], templates: ['The company employs {v} people.', '{place} Holdings has {v} employees worldwide.'] },
        { kind: 'percent', value: 5 + r() * 30, sources: ['analysts'], templates: ['Its operating margin was {v}.'] },
      ];
    default:
      // election
      return [
        { kind: 'percent', value: 40 + r() * 40, sources: ['the electoral commission'], templates: ['Turnout was {v}, the electoral commission said.', 'The electoral commission put turnout at {v}.'] },
        { kind: 'count', value: big(50000, 3000000), sources: ['the electoral commission'], templates: ['{v} votes were cast in {place}.', 'A total of {v} ballots were counted.'] },
        { kind: 'count', value: big(5, 120), sources: ['the electoral commission'], templates: ['The ruling party won {v} seats in the {place} assembly.'] },
      ];
  }
}

const TITLES: Record<string, string[]> = {
  protest: ['Thousands march in {place}', 'Protest fills the streets of {place}'],
  flood: ['Floods hit {place}', '{place} floods: toll rises'],
  storm: ['Storm batters {place}', 'Storm makes landfall near {place}'],
  fire: ['Wildfire near {place} spreads', 'Firefighters battle {place} blaze'],
  results: ['{place} Holdings reports results', '{place} Holdings quarterly results'],
  election: ['{place} votes', 'Results of the {place} election'],
};

export interface ClusterFiles {
  dir: string;
  articles: number;
  events: number;
  bytes: number;
}

/** Articles for `events` events (3–5 each). */
export function generateClusters(events: number, seed = 21, filler?: string[]): Article[] {
  const r = rng(seed);
  const fill = filler ?? sourceArticles().brownNews.filter((s) => s.length > 40 && s.length < 400);
  const out: Article[] = [];
  const kinds = ['protest', 'flood', 'storm', 'fire', 'results', 'election'];
  for (let e = 0; e < events; e++) {
    const kind = kinds[e % kinds.length]!;
    const place = pick(r, SYL1) + pick(r, SYL2) + (e >= 400 ? ` ${pick(r, SYL1)}${pick(r, SYL2)}` : '');
    const facts = eventFacts(r, kind);
    const base = Date.UTC(2015, 0, 1) + Math.floor(r() * 3650) * 86400000;
    const n = 3 + Math.floor(r() * 3);
    for (let a = 0; a < n; a++) {
      const dayOffset = Math.floor(r() * 3);
      const dateMs = base + dayOffset * 86400000;
      const date = new Date(dateMs).toISOString().slice(0, 10);
      const day = DAYS[new Date(base).getUTCDay()]!;
      const sentences: string[] = [];
      for (const f of facts) {
        if (r() < 0.25) continue;
        const x = r();
        const mode = x < 0.4 ? 'exact' : x < 0.55 ? 'round' : x < 0.62 ? 'bound' : x < 0.8 ? 'differ' : x < 0.95 ? 'convert' : 'badconvert';
        let v = f.value;
        if (mode === 'differ') v = f.value * (r() < 0.5 ? 1 + 0.1 + r() * 0.4 : 1 - 0.1 - r() * 0.3);
        if (f.rising) v = f.value * (1 + dayOffset * 0.2);
        const fig = figure(r, f, mode === 'convert' || mode === 'badconvert' ? (f.kind === 'km' || f.kind === 'hectare' || f.kind === 'kmh' ? mode : 'exact') : mode, v);
        const t = pick(r, f.templates);
        const src = pick(r, f.sources);
        let s = t.replace('{v}', fig).replace('{place}', place).replace('{day}', day).replace('{src}', src);
        s = s[0]!.toUpperCase() + s.slice(1);
        sentences.push(s);
      }
      // filler: real press sentences, between and after the figures
      const paras: string[] = [];
      let fi = 0;
      const fillN = 8 + Math.floor(r() * 14);
      const parts: string[] = [];
      for (let k = 0; k < fillN; k++) parts.push(pick(r, fill));
      for (const s of sentences) parts.splice(Math.floor(r() * (parts.length + 1)), 0, s);
      while (fi < parts.length) {
        const len = 2 + Math.floor(r() * 3);
        paras.push(parts.slice(fi, fi + len).join(' '));
        fi += len;
      }
      const title = pick(r, TITLES[kind]!).replace('{place}', place);
      out.push({ name: `ev${String(e).padStart(5, '0')}-${a}`, date, text: paras.join('\n\n'), outlet: pick(r, OUTLETS), title });
    }
  }
  return out;
}

/** Write clusters of ≥ minBytes as .md articles with front matter. */
export function buildClusters(minBytes: number): ClusterFiles {
  const dir = join(BENCH_DIR, `clusters-${Math.round(minBytes / 1e6)}mb`);
  const manifest = join(dir, '.manifest.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as ClusterFiles;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const filler = sourceArticles().brownNews.filter((s) => s.length > 40 && s.length < 400);
  // ~2.6 KB an article, ~4 articles an event
  let events = Math.max(10, Math.ceil(minBytes / 10500));
  let arts = generateClusters(events, 21, filler);
  let bytes = arts.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  while (bytes < minBytes) {
    events = Math.ceil(events * (minBytes / bytes) * 1.02);
    arts = generateClusters(events, 21, filler);
    bytes = arts.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  }
  for (const a of arts) writeFileSync(join(dir, `${a.name}.md`), `---\ntitle: ${JSON.stringify(a.title)}\ndate: ${a.date}\noutlet: ${JSON.stringify(a.outlet)}\n---\n\n# ${a.title}\n\n${a.text}\n`);
  const info: ClusterFiles = { dir, articles: arts.length, events, bytes };
  writeFileSync(manifest, JSON.stringify(info));
  return info;
}
