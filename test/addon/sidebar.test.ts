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
const RING_MAIL_SCREENSHOT = path.join(ROOT, 'test', 'screenshots', 'sidebar-ring-mail.png');
const MISTAKES_XLSX = path.join(ROOT, 'templates', 'examples', 'mistakes.xlsx');
const CLEAN_XLSX = path.join(ROOT, 'templates', 'examples', 'clean.xlsx');
/** The examples are written for today = 2026-03-20 (templates/examples.ts): 10:00 in Taipei. */
const EXAMPLES_NOW = new Date(Date.UTC(2026, 2, 20, 2, 0, 0));

type Lang = 'zh-TW' | 'en';
interface Fixtures {
  lang: Lang;
  /** buildDeadlineSheet's answer, or the message it fails with. */
  deadlines?: { result?: unknown; error?: string };
  reports: Record<Lang, unknown>;
  calendars: Record<Lang, Record<string, unknown>>;
  costs: Record<Lang, unknown>;
}

type Grid = { values: unknown[][]; display?: string[][]; formats?: string[][] };

interface ServerRun {
  /** The workbook file (the LibreOffice fixture by default). */
  readonly file?: string;
  /** "Now" on the server (the LibreOffice fixture's checks are written for 2026-05-10 10:00 Taipei). */
  readonly now?: Date;
  /** Edits a tab's grid before it goes into the fake spreadsheet. */
  readonly edit?: (name: string, grid: Grid) => void;
  /** Runs after the fixtures were taken, with the fakes still installed (to inspect what was written). */
  readonly after?: (gas: ReturnType<typeof createFakeGas>) => void;
}

/** Runs the real server code on a workbook to get what google.script.run would return. */
async function serverFixtures(run: ServerRun = {}): Promise<Fixtures> {
  const fx = await readFixture(run.file);
  const gas = createFakeGas({ timeZone: 'Asia/Taipei', name: 'partner-workbook' });
  for (const { name, grid } of fx.grids('Asia/Taipei')) {
    run.edit?.(name, grid as Grid);
    gas.addSheet(name, grid);
  }
  const uninstall = installGlobals(gas);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(run.now ?? new Date(Date.UTC(2026, 4, 10, 2, 0, 0)));
  try {
    const out: Fixtures = { lang: 'zh-TW', reports: {} as Fixtures['reports'], calendars: { 'zh-TW': {}, en: {} }, costs: {} as Fixtures['costs'] };
    for (const lang of ['zh-TW', 'en'] as const) {
      addon.setLanguage(lang);
      const report = addon.checkWorkbook({ quiet: true });
      out.reports[lang] = report;
      for (const s of report.meta.shops) out.calendars[lang][s.shopId] = addon.getCalendar(s.shopId);
      out.costs[lang] = addon.getCosts();
    }
    run.after?.(gas);
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
    // The fake of the server function another module writes (addon/server/): its answer or failure.
    buildDeadlineSheet: () => {
      if (fixtures.deadlines?.error !== undefined) throw new Error(fixtures.deadlines.error);
      return fixtures.deadlines?.result;
    },
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
          if (ok) ok(value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
        }, 5);
      };
    }
    return r;
  };
  w.google = { script: { run: runner() } };
}

let fixtures: Fixtures;
/** templates/examples/mistakes.xlsx (all seven sheet kinds), checked on the examples' date 2026-03-20. */
let sevenKinds: Fixtures;
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
  sevenKinds = await serverFixtures({ file: MISTAKES_XLSX, now: EXAMPLES_NOW });
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
    expect(await apr3.locator('.hol').textContent()).toBe('補假');
    // In English the holiday is named in English (rules/data/holiday-names-en.ts).
    const en = await openSidebar({ ...fixtures, lang: 'en' });
    await en.waitForSelector('#calendar table.cal');
    const enApr3 = en.locator('#calendar table.cal').first().locator('td[title^="2026-04-03"]');
    expect(await enApr3.locator('.hol').textContent()).toBe('Make-up day off');
    expect(await enApr3.getAttribute('title')).toContain('Make-up day off');
    await en.close();
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

  it('shows each valid ring-data row’s e-mail as text, with a copy button and a mailto: link', async () => {
    const page = await openSidebar();
    await page.waitForSelector('#ring-mails .mail');
    expect(await page.isVisible('#ring-mails-card')).toBe(true);
    // The fixture's 環狀數據 row 2 (goodday_food, 2026/05/12 20:00): the deck's subject and six body lines.
    const subject = '【好日子食品】2026/05/12_環狀數據發送需求';
    const lines = [
      '發送環狀品牌：好日子食品',
      '發送環狀日期/時間：2026/05/12 20:00',
      '發送環狀受眾：通發型',
      '發送人數上限：100000',
      '是否排除買家：是（近3個月）',
      '是否排除近期發送受眾：是',
    ];
    const text = `${subject}\n\n${lines.join('\n')}`;
    const mails = page.locator('#ring-mails .mail');
    expect(await mails.count()).toBe(1);
    const mail = mails.first();
    expect(await mail.getAttribute('data-row')).toBe('2');
    expect(await mail.locator('h3').textContent()).toBe('goodday_food · 2026-05-12 20:00（環狀數據 第 2 列）');
    expect(await mail.locator('.send-by').textContent()).toBe('最晚 5/7(四) 寄出（發送日前 3 個工作日）');
    expect(await mail.locator('textarea').inputValue()).toBe(text);
    expect(await mail.locator('textarea').textContent()).toBe(text);

    const href = (await mail.locator('a.mailto').getAttribute('href'))!;
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('lspsmb@linecorp.com');
    expect(url.searchParams.get('subject')).toBe(subject);
    expect(url.searchParams.get('body')).toBe(lines.join('\r\n') + '\r\n');
    expect(await mail.locator('a.mailto').getAttribute('target')).toBe('_blank');

    // The rows with errors get no e-mail, and the sidebar says why.
    expect(await page.locator('#ring-mails .mail-skipped li').evaluateAll((els) => els.map((e) => e.firstChild!.textContent))).toEqual([
      '環狀數據 第 3 列（goodday_food）有錯誤，未產生信件：',
      '環狀數據 第 4 列（home-goods）有錯誤，未產生信件：',
    ]);
    expect(await page.locator('#ring-mails .mail-skipped li').first().locator('.reasons').textContent()).toContain('發送時間 20:30 不是整點');
    // For a human to look at: the e-mail card alone (the full-page shot uses the seven-kinds example, whose ring rows all have errors).
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('#ring-mails-card').screenshot({ path: RING_MAIL_SCREENSHOT });

    // Copy: the clipboard gets exactly the text shown.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(SIDEBAR_URL).origin });
    await mail.locator('button.copy').click();
    await page.waitForFunction(() => document.querySelector('#ring-mails .copy-result')!.textContent !== '');
    expect(await mail.locator('.copy-result').textContent()).toBe('已複製到剪貼簿。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await context.clearPermissions();
    await page.close();

    // In English the sidebar's words change; the e-mail stays in the deck's Chinese.
    const en = await openSidebar({ ...fixtures, lang: 'en' });
    await en.waitForSelector('#ring-mails .mail');
    expect(await en.textContent('#ring-mails-heading')).toBe('Ring-data request e-mails');
    expect(await en.textContent('#ring-mails .mail h3')).toBe('goodday_food · 2026-05-12 20:00 (環狀數據 row 2)');
    expect(await en.textContent('#ring-mails .send-by')).toBe('Send by 5/7 (Thu) (3 working days before the send date)');
    expect(await en.textContent('#ring-mails button.copy')).toBe('Copy e-mail');
    expect(await en.textContent('#ring-mails a.mailto')).toBe('Open in mail app');
    expect(await en.locator('#ring-mails textarea').inputValue()).toBe(text);
    await en.close();
  });

  it('when the sandboxed iframe refuses the clipboard, selects the e-mail’s text for Ctrl+C', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 300, height: 900 });
    await page.addInitScript(() => {
      // As in Apps Script's iframe without clipboard-write: the async clipboard rejects, execCommand copies nothing.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } });
      document.execCommand = () => false;
    });
    await page.addInitScript(installStub, fixtures);
    await page.goto(SIDEBAR_URL, { waitUntil: 'load' });
    await page.waitForSelector('#ring-mails .mail');
    const area = page.locator('#ring-mails textarea').first();
    await page.click('#ring-mails button.copy');
    await page.waitForFunction(() => document.querySelector('#ring-mails .copy-result')!.textContent !== '');
    expect(await page.textContent('#ring-mails .copy-result')).toBe('無法直接寫入剪貼簿，已選取信件文字：請按 Ctrl+C（Mac：⌘C）複製。');
    const sel = await area.evaluate((t: HTMLTextAreaElement) => ({ focused: document.activeElement === t, start: t.selectionStart, end: t.selectionEnd, selected: t.value.slice(t.selectionStart, t.selectionEnd) }));
    expect(sel.focused).toBe(true);
    expect(sel.selected).toBe(await area.inputValue());
    expect(sel.selected.startsWith('【好日子食品】2026/05/12_環狀數據發送需求\n\n發送環狀品牌：好日子食品\n')).toBe(true);
    await page.close();
  });

  it('builds the 期限清單 tab with buildDeadlineSheet, and says so (or why not) in both languages', async () => {
    const ok = { ...fixtures, deadlines: { result: { sheet: '期限清單 · partner-check', rows: 14 } } };
    let page = await openSidebar(ok);
    expect(await page.textContent('#tool-deadlines')).toBe('產生期限清單分頁');
    await page.click('#tool-deadlines');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('期限清單「'));
    expect(await page.textContent('#status')).toBe('已產生期限清單「期限清單 · partner-check」（14 列）。');
    expect(await page.getAttribute('#status', 'class')).toBe('status');
    expect((await calls(page)).filter((c) => c.name === 'buildDeadlineSheet')).toEqual([{ name: 'buildDeadlineSheet', args: [{ quiet: true }] }]);
    await page.close();

    page = await openSidebar({ ...ok, lang: 'en' });
    expect(await page.textContent('#tool-deadlines')).toBe('Build deadline list tab');
    await page.click('#tool-deadlines');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Built the deadline'));
    expect(await page.textContent('#status')).toBe('Built the deadline list "期限清單 · partner-check" (14 rows).');
    await page.close();

    const failing = { ...fixtures, deadlines: { error: 'Exception: 找不到商店' } };
    page = await openSidebar(failing);
    await page.click('#tool-deadlines');
    await page.waitForFunction(() => document.querySelector('#status')!.classList.contains('bad'));
    expect(await page.textContent('#status')).toBe('無法產生期限清單：Exception: 找不到商店');
    await page.close();
    page = await openSidebar({ ...failing, lang: 'en' });
    await page.click('#tool-deadlines');
    await page.waitForFunction(() => document.querySelector('#status')!.classList.contains('bad'));
    expect(await page.textContent('#status')).toBe('Could not build the deadline list: Exception: 找不到商店');
    await page.close();
  });

  it('lists all seven sheet kinds, their violations, and the pictures it cannot check', async () => {
    const page = await openSidebar(sevenKinds);
    const tabs = page.locator('#tabs li');
    expect(await tabs.evaluateAll((els) => els.map((e) => [e.querySelector('.tab-name')!.textContent, e.getAttribute('data-kind'), e.querySelector('.tab-kind')!.textContent]))).toEqual([
      ['報名表', 'enrollment', '辨識為報名表'],
      ['加碼合約', 'contracts', '辨識為加碼合約'],
      ['鋪底合約', 'base-contracts', '辨識為鋪底合約'],
      ['環狀數據', 'ring-data', '辨識為環狀數據'],
      ['廣告素材', 'ad-materials', '辨識為廣告素材'],
      ['爆殺驚喜', 'flash-deals', '辨識為爆殺驚喜'],
      ['OA串接', 'oa-binding', '辨識為OA串接'],
    ]);
    const pictures = await tabs.evaluateAll((els) => els.map((e) => e.querySelector('.tab-pictures')?.textContent ?? null));
    expect(pictures).toEqual(['5 張圖片未檢查', null, null, null, '10 張圖片未檢查', '1 張圖片未檢查', null]);
    expect(await page.isVisible('#pictures-hint')).toBe(true);
    expect(await page.textContent('#pictures-hint')).toContain('附加元件讀不到圖片檔');
    expect(await tabs.nth(4).locator('.tab-facts').textContent()).toBe('10 列資料 · 6 個問題');
    expect(await tabs.nth(6).locator('.tab-facts').textContent()).toBe('4 列資料 · 5 個問題');

    // The new kinds' violations, grouped under their tabs, each at its cell.
    const cellsOf = (sheet: string) =>
      page.locator('#issues details.group', { has: page.locator(`summary h3:text-is("${sheet}")`) }).locator('.item .cell').allTextContents();
    expect(await cellsOf('廣告素材')).toEqual(['C1', 'F6', 'F7', 'F8', 'E9', 'D10', 'G10']);
    expect(await cellsOf('爆殺驚喜')).toEqual(['E1', 'C7', 'C9', 'C10', 'E12', 'G13', 'I14']);
    expect(await cellsOf('OA串接')).toEqual(['B2', 'E2', 'D3', 'B4', 'C5']);
    const ad = page.locator('#issues .item', { hasText: '短網址服務 lihi.cc' });
    expect(await ad.locator('.cell').textContent()).toBe('F6');
    const notChecked = page.locator('#issues details.group', { has: page.locator('summary h3:text-is("廣告素材")') }).locator('.item.info').first();
    expect(await notChecked.locator('.msg').textContent()).toBe('這個分頁有 10 張圖片（例如「goodday-card-501x816.jpg」），這裡無法讀取圖片檔案，未檢查格式、尺寸與檔案大小。');
    const secret = page.locator('#issues .item', { hasText: 'Channel secret（' });
    expect(await secret.locator('.msg').textContent()).toBe('Channel secret（a0b1…3c4d，31 個字元）不是 32 個十六進位字元（0–9、a–f）；請重新從 Messaging API 頁面複製。');
    // Every row of 環狀數據 has an error there: no e-mail, six reasons.
    expect(await page.locator('#ring-mails .mail').count()).toBe(0);
    expect(await page.locator('#ring-mails .mail-skipped li').count()).toBe(6);
    await page.close();

    const en = await openSidebar({ ...sevenKinds, lang: 'en' });
    expect(await en.locator('#tabs .tab-kind').allTextContents()).toEqual(['read as Enrollment', 'read as Contracts', 'read as Base contracts', 'read as Ring data', 'read as Ad materials', 'read as Flash deals', 'read as OA binding']);
    expect(await en.locator('#tabs li').nth(4).locator('.tab-pictures').textContent()).toBe('10 pictures not checked');
    expect(await en.locator('#tabs li').nth(5).locator('.tab-pictures').textContent()).toBe('1 picture not checked');
    await en.close();

    // A tab no kind fits, and a tab named like a kind without its header row.
    const odd = JSON.parse(JSON.stringify(sevenKinds)) as Fixtures;
    (odd.reports['zh-TW'] as { sheets: unknown[] }).sheets.push({ name: '備忘', kind: null, headerRow: null, rows: 0 }, { name: 'OA串接 (2)', kind: 'oa-binding', headerRow: null, rows: 0 });
    const page2 = await openSidebar(odd);
    const last = await page2.locator('#tabs li').evaluateAll((els) => els.slice(-2).map((e) => [e.className, e.textContent]));
    expect(last).toEqual([
      ['tab unknown', '備忘無法辨識的分頁'],
      ['tab', 'OA串接 (2)辨識為OA串接 · 找不到標題列'],
    ]);
    await page2.close();
  });

  it('never shows, returns or writes a full OA channel secret (payload, DOM, marks and notes, every tab)', async () => {
    // A full, valid channel secret in 商店 goodday_food's own cell, and the same secret where rules
    // quote and fix cells: one character too long, upper-cased in the bot ID column, inside the e-mail list.
    const SECRET = '5e0c7a9b1d3f42e68a0b2c4d6e8f1a3b';
    const planted = new Map<string, string>([
      ['C2', SECRET],
      ['C3', `${SECRET}0`],
      ['D4', SECRET.toUpperCase()],
      ['E4', `hello@cozyhome.example.com；${SECRET}`],
    ]);
    const leaks: string[] = [];
    const has = (text: unknown) => String(text).toLowerCase().includes(SECRET);
    let built: unknown[] = [];
    const f = await serverFixtures({
      file: CLEAN_XLSX,
      now: EXAMPLES_NOW,
      edit: (name, grid) => {
        if (name !== 'OA串接') return;
        for (const [a1, v] of planted) {
          const r = Number(a1.slice(1)) - 1;
          const c = a1.charCodeAt(0) - 65;
          grid.values[r]![c] = v;
          if (grid.display) grid.display[r]![c] = v;
        }
      },
      after: (gas) => {
        // Every other server answer the sidebar gets, and every tab the add-on writes.
        built = [addon.buildCalendarSheet({ quiet: true }), addon.buildScheduleSheet({ quiet: true }), addon.estimateCosts({ quiet: true }), addon.getLiveStatus(), addon.clearMarks({ quiet: true })];
        built.push(addon.checkWorkbook({ quiet: true }), addon.checkActiveSheet({ quiet: true }));
        built.push(addon.applySuggestion('OA串接', 'D3', '@trendy.closet', '@trendy.closet'));
        for (const s of gas.ss._sheets) {
          for (const [k, c] of s._cells) {
            const [r, col] = k.split(',').map(Number) as [number, number];
            const a1 = `${String.fromCharCode(64 + col)}${r}`;
            const own = s._name === 'OA串接' && planted.has(a1);
            if (has(c.note)) leaks.push(`note ${s._name}!${a1}`);
            if (!own && (has(c.value) || has(c.display ?? ''))) leaks.push(`value ${s._name}!${a1}`);
          }
        }
        for (const store of [gas.docProps, gas.userProps]) for (const [k, v] of store._data) if (has(v)) leaks.push(`property ${k}`);
        // The marks were written from these violations: the notes of the cells that rules blamed.
        const notes = [...gas.sheet('OA串接')._cells.entries()].filter(([, c]) => c.note.startsWith('⚑ partner-check')).map(([k]) => k);
        if (notes.length === 0) leaks.push('no marks written on OA串接 (nothing was tested)');
      },
    });
    expect(leaks).toEqual([]);
    for (const x of built) expect(has(JSON.stringify(x))).toBe(false);
    for (const lang of ['zh-TW', 'en'] as const) {
      const payload = JSON.stringify([f.reports[lang], f.calendars[lang], f.costs[lang]]);
      expect(has(payload)).toBe(false);
      // The rules did see the planted secret: each place is reported, masked as first 4 … last 4.
      const r = f.reports[lang] as { violations: { ruleId: string; sheet: string; cell: string; message: string; value?: string }[] };
      const oa = r.violations.filter((v) => v.sheet === 'OA串接').map((v) => [v.ruleId, v.cell, v.value]);
      expect(oa).toEqual([
        ['oa/invalid-channel-secret', 'C3', '5e0c…a3b0'],
        ['oa/invalid-basic-id', 'D4', '5E0C…1A3B'],
        ['oa/notify-emails', 'E4', 'hello@cozyhome.example.com；5e0c…1a3b'],
      ]);
    }
    // The sidebar showing those reports: its text, its HTML, every field's value.
    for (const lang of ['zh-TW', 'en'] as const) {
      const page = await openSidebar({ ...f, lang });
      const text = await page.evaluate(() => document.body.innerText + '\n' + document.documentElement.outerHTML + '\n' + Array.from(document.querySelectorAll('textarea, input')).map((e) => (e as HTMLInputElement).value).join('\n'));
      expect(has(text)).toBe(false);
      expect(text).toContain('5e0c…a3b0');
      await page.close();
    }
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

  it('takes a screenshot for a human to judge (test/screenshots/sidebar.png): all seven sheet kinds', async () => {
    const page = await openSidebar(sevenKinds);
    expect(await page.locator('#tabs li').count()).toBe(7);
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
