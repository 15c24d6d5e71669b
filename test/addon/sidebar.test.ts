/**
 * The built dist/addon/Sidebar.html in headless Chromium (found by scripts/test-tools.mjs: CHROMIUM_PATH or PATH; driven by
 * playwright-core), with google.script.run stubbed to serve reports the real server code produced
 * from the LibreOffice fixture. Checks rendering, the selectCell / applySuggestion calls, the
 * language toggle, filters, calendar and cost panels, escaping, keyboard focus and colour
 * contrast, and takes test/screenshots/sidebar.png. No network: every request is refused.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as addon from '../../addon/server/main.js';
import { createFakeGas, installGlobals } from './fakes/gas.js';
import { readFixture } from './helpers/xlsx-fixture.js';
import { ROOT, ensureAddonBuilt } from './helpers/bundle.js';
import { requireTool } from '../../scripts/test-tools.mjs';

/** Where the page is served from (a route answers it; any other request is refused and recorded). */
const SIDEBAR_URL = 'https://sidebar.partner-check.test/';
const SCREENSHOT = path.join(ROOT, 'test', 'screenshots', 'sidebar.png');

type Lang = 'zh-TW' | 'en';
interface Fixtures {
  lang: Lang;
  reports: Record<Lang, unknown>;
  calendars: Record<Lang, Record<string, unknown>>;
  costs: Record<Lang, unknown>;
}

/** Runs the real server code on the fixture workbook to get what google.script.run would return. */
async function serverFixtures(): Promise<Fixtures> {
  const fx = await readFixture();
  const gas = createFakeGas({ timeZone: 'Asia/Taipei', name: 'partner-workbook' });
  for (const { name, grid } of fx.grids('Asia/Taipei')) gas.addSheet(name, grid);
  const uninstall = installGlobals(gas);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(Date.UTC(2026, 4, 10, 2, 0, 0)));
  try {
    const out: Fixtures = { lang: 'zh-TW', reports: {} as Fixtures['reports'], calendars: { 'zh-TW': {}, en: {} }, costs: {} as Fixtures['costs'] };
    for (const lang of ['zh-TW', 'en'] as const) {
      addon.setLanguage(lang);
      const report = addon.checkWorkbook({ quiet: true });
      out.reports[lang] = report;
      for (const s of report.meta.shops) out.calendars[lang][s.shopId] = addon.getCalendar(s.shopId);
      out.costs[lang] = addon.getCosts();
    }
    return out;
  } finally {
    vi.useRealTimers();
    uninstall();
  }
}

/** The google.script.run stub, installed in the page before any of its scripts run. */
function installStub(fixtures: Fixtures): void {
  const w = window as unknown as Record<string, unknown>;
  const calls: { name: string; args: unknown[] }[] = [];
  w.__calls = calls;
  let lang = fixtures.lang;
  let live: { enabled: boolean; last: Record<string, unknown> | null } = { enabled: false, last: null };
  // A live run on the server: the next poll of getLiveStatus sees a new sequence number.
  w.__liveRun = (sheet: string) => {
    const seq = ((live.last?.seq as number | undefined) ?? 0) + 1;
    live = { ...live, last: { at: '2026-05-10 10:05:00', sheet, tabs: [sheet], counts: { errors: 1, warnings: 0, infos: 0 }, marked: 1, skipped: null, seq } };
  };
  const serve: Record<string, (...args: unknown[]) => unknown> = {
    getLiveStatus: () => live,
    setLiveCheck: (on) => {
      live = { ...live, enabled: on === true };
      return live;
    },
    getSettings: () => ({ lang }),
    setLanguage: (l) => {
      lang = l as Lang;
      return { lang };
    },
    checkWorkbook: () => fixtures.reports[lang],
    checkActiveSheet: () => fixtures.reports[lang],
    clearMarks: () => ({ cleared: 30 }),
    selectCell: () => true,
    applySuggestion: () => ({ applied: true, reason: null, report: fixtures.reports[lang] }),
    getCalendar: (id) => fixtures.calendars[lang][id as string] ?? { shopId: id, found: false, months: [], legend: [] },
    getCosts: () => fixtures.costs[lang],
    insertTemplates: () => ({ created: ['報名表', '加碼合約'], skipped: ['鋪底合約'] }),
    buildCalendarSheet: () => ({ sheet: '回饋行事曆 · partner-check', rows: 80, shops: 5 }),
    buildScheduleSheet: () => ({ sheet: '合約排程 · partner-check', rows: 120, contracts: 120, shops: 5, overdue: 3, problems: [] }),
    estimateCosts: () => ({ sheet: '成本試算 · partner-check', rows: 12, shops: 5 }),
  };
  const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => runner(f, fail),
      withFailureHandler: (f: (e: unknown) => void) => runner(ok, f),
    };
    for (const name of Object.keys(serve)) {
      r[name] = (...args: unknown[]) => {
        calls.push({ name, args });
        setTimeout(() => {
          let value: unknown;
          try {
            value = serve[name]!(...args);
          } catch (e) {
            if (fail) fail(e);
            return;
          }
          if (ok) ok(JSON.parse(JSON.stringify(value)));
        }, 5);
      };
    }
    return r;
  };
  w.google = { script: { run: runner() } };
}

let fixtures: Fixtures;
let html: string;
let context: BrowserContext;
let userDataDir: string;
const requests: string[] = [];

async function openSidebar(f: Fixtures = fixtures): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 300, height: 900 });
  await page.addInitScript(installStub, f);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  (page as unknown as { __errors: string[] }).__errors = errors;
  await page.goto(SIDEBAR_URL, { waitUntil: 'load' });
  await page.waitForSelector('#issues .item');
  return page;
}

function calls(page: Page): Promise<{ name: string; args: unknown[] }[]> {
  return page.evaluate(() => (window as unknown as { __calls: { name: string; args: unknown[] }[] }).__calls);
}

beforeAll(async () => {
  const CHROMIUM = requireTool('chromium');
  html = (await ensureAddonBuilt()).html;
  fixtures = await serverFixtures();
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'partner-check-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === SIDEBAR_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    requests.push(url);
    return route.abort();
  });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('Sidebar.html in Chromium', () => {
  it('renders the summary and the violations grouped by tab, without any request', async () => {
    const page = await openSidebar();
    const report = fixtures.reports['zh-TW'] as { counts: Record<string, number>; violations: { sheet: string }[] };
    expect(await page.textContent('#count-error .n')).toBe(String(report.counts.errors));
    expect(await page.textContent('#count-warning .n')).toBe(String(report.counts.warnings));
    expect(await page.textContent('#count-info .n')).toBe(String(report.counts.infos));
    expect(await page.locator('#issues .item').count()).toBe(report.violations.length);
    const groups = await page.locator('#issues details.group summary h3').allTextContents();
    expect(groups).toEqual([...new Set(report.violations.map((v) => v.sheet))]);
    expect(await page.textContent('#status')).toMatch(/檢查完成，標記了 \d+ 格/);
    await page.waitForFunction(() => (window as unknown as { __calls: { name: string }[] }).__calls.some((c) => c.name === 'getLiveStatus'));
    expect(await calls(page)).toEqual([
      { name: 'getSettings', args: [] },
      { name: 'checkWorkbook', args: [{ quiet: true }] },
      { name: 'getCalendar', args: ['goodday_food'] },
      { name: 'getLiveStatus', args: [] },
    ]);
    expect(requests).toEqual([]);
    expect((page as unknown as { __errors: string[] }).__errors).toEqual([]);
    await page.close();
  });

  it('a click on a violation calls selectCell with its sheet and cell', async () => {
    const page = await openSidebar();
    const item = page.locator('#issues .item', { hasText: 'trend@@example.com' });
    await item.locator('button.goto').click();
    const c = (await calls(page)).filter((x) => x.name === 'selectCell');
    expect(c).toEqual([{ name: 'selectCell', args: ['報名表', 'C5'] }]);
    // A row-level violation without a cell selects its row.
    await page.close();
  });

  it('applies a suggestion with one click, sending the cell text it was computed from', async () => {
    const page = await openSidebar();
    const item = page.locator('#issues .item', { hasText: 'trend wear' });
    await item.locator('button.apply').click();
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('已套用'));
    const c = (await calls(page)).filter((x) => x.name === 'applySuggestion');
    expect(c).toEqual([{ name: 'applySuggestion', args: ['報名表', 'B5', 'trend_wear', 'trend wear'] }]);
    await page.close();
  });

  it('switches the language both ways', async () => {
    const page = await openSidebar();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-TW');
    expect(await page.textContent('#issues-heading')).toBe('問題清單');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('#issues-heading')!.textContent === 'Issues');
    await page.waitForFunction(() => document.querySelector('#issues .msg')!.textContent!.match(/^[\x20-\x7e]/) !== null);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#lang-toggle')).toBe('中文');
    expect(await page.textContent('#recheck')).toBe('Check again');
    const en = fixtures.reports.en as { violations: { message: string }[] };
    expect(await page.locator('#issues .msg').first().textContent()).toBe(en.violations[0]!.message);
    expect((await calls(page)).filter((x) => x.name === 'setLanguage')).toEqual([{ name: 'setLanguage', args: ['en'] }]);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('#issues-heading')!.textContent === '問題清單');
    await page.close();
  });

  it('filters by severity from the counts', async () => {
    const page = await openSidebar();
    const report = fixtures.reports['zh-TW'] as { counts: Record<string, number> };
    await page.click('#count-error');
    expect(await page.getAttribute('#count-error', 'aria-pressed')).toBe('false');
    expect(await page.locator('#issues .item').count()).toBe(report.counts.warnings! + report.counts.infos!);
    expect(await page.locator('#issues .item.error').count()).toBe(0);
    await page.click('#count-error');
    expect(await page.locator('#issues .item.error').count()).toBe(report.counts.errors);
    await page.close();
  });

  it('previews a shop’s rebate calendar Monday first, and shows the cost panel', async () => {
    const page = await openSidebar();
    await page.waitForSelector('#calendar table.cal');
    const heads = await page.locator('#calendar table.cal').first().locator('thead th').allTextContents();
    expect(heads).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(await page.locator('#calendar table.cal caption').allTextContents()).toEqual(['goodday_food · 2026 年 4 月', 'goodday_food · 2026 年 5 月', 'goodday_food · 2026 年 6 月']);
    // 2026-04-03 (Fri) is a day off at 10%.
    const apr3 = page.locator('#calendar table.cal').first().locator('td[title^="2026-04-03"]');
    expect(await apr3.getAttribute('class')).toBe('rate-high friday holiday off');
    await page.selectOption('#shop-select', 'bloom_beauty');
    await page.waitForFunction(() => document.querySelector('#calendar caption')?.textContent === 'bloom_beauty · 2026 年 5 月');
    expect((await calls(page)).filter((x) => x.name === 'getCalendar').map((x) => x.args[0])).toEqual(['goodday_food', 'bloom_beauty']);

    await page.click('#run-costs');
    await page.waitForSelector('#costs table');
    expect(await page.locator('#costs h3').allTextContents()).toEqual(['goodday_food', 'bloom_beauty', 'home-goods', 'farm_market', 'morning_cafe']);
    expect(await page.locator('#costs tr.total').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('switches 自動檢查 on and, while open, refreshes itself after a live run', async () => {
    const page = await openSidebar();
    await page.waitForFunction(() => (window as unknown as { __calls: { name: string }[] }).__calls.some((c) => c.name === 'getLiveStatus'));
    expect(await page.isChecked('#live-toggle')).toBe(false);
    expect(await page.textContent('label[for="live-toggle"]')).toBe('自動檢查');
    await page.check('#live-toggle');
    await page.waitForFunction(() => (window as unknown as { __calls: { name: string }[] }).__calls.some((c) => c.name === 'setLiveCheck'));
    const checksBefore = (await calls(page)).filter((c) => c.name === 'checkWorkbook').length;
    await page.evaluate(() => (window as unknown as { __liveRun: (s: string) => void }).__liveRun('報名表'));
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('自動檢查了「報名表」'), undefined, { timeout: 12_000 });
    const c = await calls(page);
    expect(c.filter((x) => x.name === 'setLiveCheck')).toEqual([{ name: 'setLiveCheck', args: [true] }]);
    expect(c.filter((x) => x.name === 'checkWorkbook').length).toBe(checksBefore + 1);
    await page.uncheck('#live-toggle');
    await page.waitForFunction(() => (window as unknown as { __calls: { name: string; args: unknown[] }[] }).__calls.some((x) => x.name === 'setLiveCheck' && x.args[0] === false));
    await page.close();
  }, 30_000);

  it('lists protected ranges it could not mark and tabs it could not read', async () => {
    const f = JSON.parse(JSON.stringify(fixtures)) as Fixtures;
    const r = f.reports['zh-TW'] as { meta: { marks: { protected: unknown[] }; nonGridTabs: string[] } };
    r.meta.marks.protected = [{ sheet: '報名表', range: 'B4:D4', cells: 2 }, { sheet: '加碼合約', range: null, cells: 5 }];
    r.meta.nonGridTabs = ['圖表1'];
    const page = await openSidebar(f);
    expect(await page.locator('#skipped li').allTextContents()).toEqual(['報名表 的 B4:D4（2 格）', '整個「加碼合約」分頁（5 格）']);
    expect(await page.textContent('#skipped .hint')).toBe('非表格分頁未檢查：圖表1');
    await page.close();
  });

  it('runs the sheet builders from the tools', async () => {
    const page = await openSidebar();
    await page.click('#tool-schedule');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('合約排程'));
    await page.click('#tool-templates');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('已新增'));
    const names = (await calls(page)).map((c) => c.name);
    expect(names).toContain('buildScheduleSheet');
    expect(names).toContain('insertTemplates');
    await page.close();
  });

  it('treats everything from a sheet as text', async () => {
    const evil = JSON.parse(JSON.stringify(fixtures)) as Fixtures;
    const r = evil.reports['zh-TW'] as { violations: { sheet: string; message: string; column: string }[]; meta: { shops: { shopId: string }[] } };
    r.violations[0]!.sheet = '<img src=x onerror="window.__pwned=1">';
    r.violations[0]!.message = '<b>bold?</b><script>window.__pwned=2</script>';
    r.violations[0]!.column = '"><svg onload="window.__pwned=3">';
    r.meta.shops[0]!.shopId = '<i>shop</i>';
    const page = await openSidebar(evil);
    expect(await page.locator('#issues img, #issues b, #issues svg, #issues script, #shop-select i').count()).toBe(0);
    expect(await page.locator('#issues h3').first().textContent()).toBe('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('#issues .msg').first().textContent()).toBe('<b>bold?</b><script>window.__pwned=2</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('is keyboard usable with a visible focus ring, and its text meets WCAG AA contrast', async () => {
    const page = await openSidebar();
    await page.keyboard.press('Tab'); // skip link
    expect(await page.evaluate(() => document.activeElement!.className)).toBe('skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('lang-toggle');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The skip link jumps to the issues without navigating.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('issues-heading');
    expect(page.url()).toBe(SIDEBAR_URL);
    // Every focusable control is a real control with an accessible name.
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, select, a[href]'))
        .filter((e) => !(e.getAttribute('aria-label') || e.textContent!.trim() || (e.id && document.querySelector(`label[for="${e.id}"]`))))
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    await page.click('#run-costs');
    await page.waitForSelector('#costs table');

    const failures = await page.evaluate(() => {
      const parse = (c: string) => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
        return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : { r: 0, g: 0, b: 0, a: 0 };
      };
      const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (e: Element | null): { r: number; g: number; b: number } => {
        for (let n = e; n; n = n.parentElement) {
          const c = parse(getComputedStyle(n).backgroundColor);
          if (c.a > 0.5) return c;
        }
        return { r: 255, g: 255, b: 255 };
      };
      const out: string[] = [];
      for (const e of Array.from(document.querySelectorAll('body *'))) {
        const own = Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
        if (!own) continue;
        const s = getComputedStyle(e);
        if (s.visibility === 'hidden' || s.display === 'none' || e.closest('.sr-only, .skip') || (e as HTMLElement).offsetParent === null) continue;
        const fg = lum(parse(s.color));
        const bg = lum(background(e));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const large = parseFloat(s.fontSize) >= 18.66 && parseInt(s.fontWeight, 10) >= 700;
        if (ratio < (large ? 3 : 4.5) && !(e as HTMLButtonElement).disabled) out.push(`${e.tagName}.${e.className} "${e.textContent!.trim().slice(0, 20)}" ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(failures).toEqual([]);
    await page.close();
  });

  it('takes a screenshot for a human to judge (test/screenshots/sidebar.png)', async () => {
    const page = await openSidebar();
    await page.waitForSelector('#calendar table.cal');
    await page.click('#run-costs');
    await page.waitForSelector('#costs table');
    await page.evaluate(() => window.scrollTo(0, 0)); // the header is sticky: shoot from the top
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    await page.close();
  });
});
