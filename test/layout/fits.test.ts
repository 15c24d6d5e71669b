/**
 * The HTML report and the upload page at 390 px (a phone) and 1,280 px (a desktop) in headless
 * Chromium: no horizontal scroll (`document.documentElement.scrollWidth <= window.innerWidth`),
 * every violation's message visible, numbers right-aligned, long tabs collapsed (<details>), the
 * per-rule bar chart drawn as inline SVG. Screenshots go to test/screenshots (gitignored) for a
 * human to judge.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { requireTool } from '../../scripts/test-tools.mjs';
import { startServer, type RunningServer } from '../../validator/serve/server.js';
import { CHROMIUM_ARGS, PARTNER_WORKBOOK, TODAY, testPrefix } from '../serve/helpers.js';
import { REPO_ROOT, runCli } from '../validator/cli/helpers.js';

const SHOTS = path.join(REPO_ROOT, 'test', 'screenshots');
const MISTAKES = path.join(REPO_ROOT, 'templates', 'examples', 'mistakes.xlsx');
const CLEAN = path.join(REPO_ROOT, 'templates', 'examples', 'clean.xlsx');
/** The example's pictures (hero, ad and product images), chosen together with it. */
const PICTURES = readdirSync(path.join(REPO_ROOT, 'templates', 'examples')).filter((f) => /\.(jpe?g|png|webp)$/.test(f)).map((f) => path.join(REPO_ROOT, 'templates', 'examples', f));
const WIDTHS = [390, 1280] as const;
let browser: Browser;
let server: RunningServer;
let report = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const run = await runCli(['validate', PARTNER_WORKBOOK, path.join(REPO_ROOT, 'templates/examples/mistakes.xlsx'), '--today', TODAY, '--format', 'html']);
  report = run.stdout;
  browser = await chromium.launch({ executablePath: requireTool('chromium'), args: CHROMIUM_ARGS });
  server = await startServer({ port: 0, today: TODAY, tmpPrefix: testPrefix('layout'), log: () => {} });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

describe('the HTML report', () => {
  it('has the bar chart, tabs as <details> (a long one collapsed) and right-aligned counts', () => {
    expect(report).toContain('<div class="charts" id="charts"><figure class="chart"><figcaption>每條規則的問題數</figcaption><svg');
    expect(report).not.toMatch(/<(link|img)\b/);
    expect(report).toMatch(/<details class="tab" open><summary>[^<]*mistakes\.xlsx · 報名表 <span class="n">\(\d+\)<\/span><\/summary>/);
    expect(report).toContain('<td class="num">');
    // Each shop's month of rates beside its grid: one bar per day of the month.
    const april = /<figure class="rates" data-month="2026-04">.*?<\/figure>/s.exec(report);
    expect(april).not.toBeNull();
    expect(april![0].match(/<rect class="rate-[a-z]+ [a-z]+( off)?" /g)).toHaveLength(30);
  });

  for (const width of WIDTHS) {
    it(`at ${width} px: no horizontal scroll, messages visible, numbers right-aligned`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.setContent(report, { waitUntil: 'load' });
      await noHorizontalScroll(page);
      const firstMessage = page.locator('details[open] table.vt tbody tr td:nth-child(6)').first();
      expect(await firstMessage.isVisible()).toBe(true);
      const box = await firstMessage.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(await page.locator('#files td.num').first().evaluate((el) => getComputedStyle(el).textAlign)).toBe('right');
      expect(await page.locator('#charts svg rect').count()).toBeGreaterThan(1);
      for (const fig of await page.locator('figure.rates').all()) {
        const b = await fig.boundingBox();
        expect(b!.x + b!.width).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: path.join(SHOTS, `report-${width}.png`), fullPage: true });
      await page.close();
    }, 60_000);
  }
});

describe('the upload page', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px with a checked file: no horizontal scroll, the message column shown, the rule filter within the page`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}/`);
      // The example with a mistake of every kind (ad materials, 爆殺驚喜, OA binding too) and the clean
      // one (its ring-data rows get their e-mails), with their pictures, chosen together.
      await page.setInputFiles('#file', [MISTAKES, CLEAN, ...PICTURES]);
      await page.waitForFunction(() => document.querySelectorAll('section.result article.shop').length >= 2 && document.querySelectorAll('section.result[aria-busy=true]').length === 0);
      await noHorizontalScroll(page);
      const sheetList = await page.$$eval('section.result[data-file="mistakes.xlsx"] ul.sheets li', (lis) => lis.map((li) => li.textContent));
      for (const kind of ['廣告素材', '爆殺驚喜', 'OA串接']) expect(sheetList.some((t) => t!.startsWith(kind))).toBe(true);
      expect(await page.locator('section.result[data-file="mistakes.xlsx"] figure.chart[data-chart=rules] svg g.bar').count()).toBe(12);
      expect(await page.locator('section.result figure.rates svg rect').count()).toBeGreaterThan(27);
      expect(await page.locator('section.result[data-file="clean.xlsx"] article.mail').count()).toBeGreaterThan(0);
      for (const sel of ['figure.chart', 'figure.rates', 'article.mail', 'table.cal', 'details.tab']) {
        for (const node of await page.locator(`section.result ${sel}`).all()) {
          const b = await node.boundingBox();
          if (b) expect(b.x + b.width, sel).toBeLessThanOrEqual(width);
        }
      }
      expect(await page.locator('section.result table.costs td.num').first().evaluate((el) => getComputedStyle(el).textAlign)).toBe('right');
      expect(await page.locator('section.result table.costs th.num').first().evaluate((el) => getComputedStyle(el).textAlign)).toBe('right');
      const msg = page.locator('section.result details.tab[open] table.violations tbody tr td.msg').first();
      expect(await msg.isVisible()).toBe(true);
      const box = await msg.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      for (const select of await page.locator('section.result select').all()) {
        const b = await select.boundingBox();
        if (b) expect(b.x + b.width).toBeLessThanOrEqual(width);
      }
      await page.screenshot({ path: path.join(SHOTS, `upload-${width}.png`), fullPage: true });
      await page.close();
    }, 60_000);
  }
});

it('the screenshots are ignored by git', () => {
  expect(readFileSync(path.join(REPO_ROOT, '.gitignore'), 'utf8')).toContain('test/screenshots/*.png');
});
