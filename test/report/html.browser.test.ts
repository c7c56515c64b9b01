/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (no browser download), a fresh
 * profile, no network. Loads the report from a file:// URL, clicks finding cards and checks that their figures
 * light up in the documents and are scrolled into view, that keyboard and tooltips work, that the article's
 * <script> never runs, that nothing is fetched, and that text has enough contrast in light and dark mode.
 * Leaves test-artifacts/html-report.png (and .html) behind for a human look.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { render } from '../../src/report/index.js';
import { fixture } from './fixtures.js';

// Browser globals used inside page.evaluate callbacks (they run in Chromium, not Node). Declared here, module
// scoped, so the project's Node-only `lib` stays as it is for everyone else.
interface DomEl {
  parentElement: DomEl | null;
}
declare const window: { innerWidth: number; innerHeight: number; scrollTo(x: number, y: number): void };
declare const document: {
  activeElement: { getAttribute(name: string): string | null } | null;
  querySelector(selector: string): DomEl | null;
  body: DomEl;
};
declare function getComputedStyle(el: DomEl): { color: string; backgroundColor: string };

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(here, '../../test-artifacts');

let context: BrowserContext;
let page: Page;
let profile: string;
const requests: string[] = [];
const problems: string[] = [];
const dialogs: string[] = [];

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const p = await context.newPage();
  await p.emulateMedia({ colorScheme });
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await p.goto(pathToFileURL(join(ARTIFACTS, 'html-report.html')).href);
  return p;
}

/** Fraction of the element's box inside the viewport (1 = fully visible). */
async function inViewport(p: Page, selector: string): Promise<number> {
  return p.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, window.innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0));
    return r.width * r.height > 0 ? (w * h) / (r.width * r.height) : 0;
  });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the HTML report's browser test cannot run. ` +
        'Install it with: apt-get update && apt-get install -y chromium (the Debian package; .ci/run does this).',
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const input = fixture();
  // a long article so that figures really have to be scrolled to
  const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of background reporting with no figures in it at all.`).join('\n\n');
  const first = input.documents[0]!;
  first.text = first.text + '\n\n' + filler;
  const html = await render('html', input, { color: false, toolVersion: '0.1.0' });
  writeFileSync(join(ARTIFACTS, 'html-report.html'), html);

  profile = mkdtempSync(join(tmpdir(), 'numcheck-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    offline: true,
    viewport: { width: 1280, height: 900 },
  });
  // nothing but the report file itself may be loaded
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page = await open();
}, 60000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('HTML report in Chromium', () => {
  test('the finding cards are visible', async () => {
    const cards = page.locator('.finding[data-finding]');
    expect(await cards.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await cards.nth(i).isVisible()).toBe(true);
    expect(await page.locator('.summary').innerText()).toContain('5 problems (2 errors, 2 warnings, 1 info)');
    expect(await page.locator('mark[data-claim]').count()).toBe(12);
  });

  test('clicking a card highlights its figures in the documents and scrolls the first into view', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const card = page.locator('[data-finding="f4"]'); // unit conversion: 1,100 km vs 648 miles, far down the page
    expect(await inViewport(page, 'mark[data-claim="c9"]')).toBe(0);
    expect(await page.locator('mark.active').count()).toBe(0);
    await card.click();
    expect(await card.getAttribute('class')).toContain('active');
    expect(await card.getAttribute('aria-current')).toBe('true');
    for (const id of ['c9', 'c10']) {
      const cls = (await page.getAttribute(`mark[data-claim="${id}"]`, 'class')) ?? '';
      expect(cls.split(' ')).toContain('active');
    }
    expect((await page.getAttribute('mark[data-claim="c9"]', 'class'))!.split(' ')).toContain('current');
    expect(await inViewport(page, 'mark[data-claim="c9"]')).toBe(1);
    expect(await inViewport(page, 'mark[data-claim="c10"]')).toBe(1); // same sentence
    // only this finding's figures are active
    expect(await page.locator('mark.active').count()).toBe(2);
    expect(await page.locator('.finding.active').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png') });
  });

  test('figures in different documents: the first is scrolled to, clicking again moves to the next', async () => {
    const card = page.locator('[data-finding="f1"]'); // 222,000 (The Moscow Times) vs 220,000 (TASS)
    await card.click();
    expect(await page.locator('mark.active').count()).toBe(2);
    expect(await inViewport(page, 'mark[data-claim="c1"]')).toBe(1);
    await card.click();
    expect((await page.getAttribute('mark[data-claim="c7"]', 'class'))!.split(' ')).toEqual(expect.arrayContaining(['active', 'current']));
    expect(await inViewport(page, 'mark[data-claim="c7"]')).toBe(1);
    // a location link in a card goes to that figure
    await page.locator('[data-finding="f3"] a.loc[data-claim="c8"]').click();
    expect((await page.getAttribute('mark[data-claim="c8"]', 'class'))!.split(' ')).toContain('current');
    expect(await inViewport(page, 'mark[data-claim="c8"]')).toBe(1);
  });

  test('keyboard: Tab reaches a card, Enter activates it, Escape clears', async () => {
    await page.keyboard.press('Escape');
    expect(await page.locator('mark.active').count()).toBe(0);
    // the cards are in the tab order: first card, its two source links, then the next card
    await page.locator('[data-finding="f2"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-finding'))).toBe('f1');
    await page.locator('[data-finding="f5"]').focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-finding'))).toBe('f5');
    await page.keyboard.press('Enter');
    expect(await page.locator('mark.active').count()).toBe(2);
    expect(await inViewport(page, 'mark[data-claim="c3"]')).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.locator('.finding.active').count()).toBe(0);
  });

  test('hovering or focusing a figure shows its tooltip', async () => {
    const tip = page.locator('mark[data-claim="c12"] > .tip');
    expect(await tip.isVisible()).toBe(false);
    await page.locator('mark[data-claim="c12"]').hover();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/250,000 – 350,000/);
    await page.mouse.move(0, 0);
    await page.locator('mark[data-claim="c2"]').focus();
    expect(await page.locator('mark[data-claim="c2"] > .tip').isVisible()).toBe(true);
  });

  test('the article’s <script> is text, nothing ran, nothing was fetched, no errors', async () => {
    expect(await page.locator('#documents').innerText()).toContain('<script>alert("pwned")</script>');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('text and badges have sufficient contrast in light and dark mode', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const p = scheme === 'light' ? page : await open('dark');
      const ratios = await p.evaluate(() => {
        const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: number[]) => {
          const [r, g, b] = c.map((v) => {
            const x = v / 255;
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const bgOf = (el: DomEl | null): string => {
          while (el) {
            const b = getComputedStyle(el).backgroundColor;
            if (b && !/rgba\(.*,\s*0\)$/.test(b) && b !== 'transparent') return b;
            el = el.parentElement;
          }
          return 'rgb(255,255,255)';
        };
        const ratio = (sel: string) => {
          const el = document.querySelector(sel)!;
          const a = lum(rgb(getComputedStyle(el).color));
          const b = lum(rgb(bgOf(el)));
          return { sel, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        };
        return ['body', '.badge.sev-error', '.badge.sev-warning', '.badge.sev-info', '.msg', '.source figcaption', 'mark[data-claim]', '.fig', '.rule'].map(ratio);
      });
      for (const r of ratios) expect({ scheme, sel: r.sel, ok: r.ratio >= 4.5 }).toEqual({ scheme, sel: r.sel, ok: true });
      if (scheme === 'dark') {
        const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(bg).toBe('rgb(13, 17, 23)');
        await p.close();
      }
    }
  });
});
