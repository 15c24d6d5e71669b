/**
 * One calendar style everywhere: the same month (May 2026, chosen days 5/6, 5/13, 5/27) drawn by
 * the add-on's sidebar, the add-on's calendar tab, the upload page and the HTML report, each in
 * headless Chromium (the calendar tab rendered from the fake spreadsheet's cells), shows every day
 * in the same background and date colour — the shared style of rules/compute/calendar-style.ts —
 * and the same colour key. Writes test/screenshots/calendar-{sidebar,sheet,serve,report}.png for a
 * human to compare.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CALENDAR_COLOURS, DEFAULT_CAMPAIGN, calendarLegend, dayStyle, rebateCalendar, civil } from '../../rules/index.js';
import * as addon from '../../addon/server/main.js';
import { GENERATED_TABS } from '../../addon/server/generated.js';
import { createFakeGas, installGlobals, type FakeGas } from '../addon/fakes/gas.js';
import { enrollment, kindGrid } from '../addon/helpers/sheets.js';
import { ensureAddonBuilt } from '../addon/helpers/bundle.js';
import { kindHeaders } from '../helpers/tables.js';
import { formatHtml } from '../../validator/format/html.js';
import { shopCalendars } from '../../validator/commands/calendar.js';
import { readWorkbookFile } from '../../validator/read/guarded.js';
import { startServer, type RunningServer } from '../../validator/serve/server.js';
import { validateWorkbook, type Workbook } from '../../rules/index.js';
import { CHROMIUM_ARGS, REPO_ROOT, TODAY, testPrefix } from '../serve/helpers.js';
import { requireTool } from '../../scripts/test-tools.mjs';

const MONTH = '2026-05';
const SHOP = 'cal_shop';
const ROW = enrollment({ shopId: SHOP, brandName: '日曆品牌', plan: '5月單月方案', chosenDays: '5/6、5/13、5/27', siteExposure: '是', submittedAt: '2026/4/1 10:00' });
const SHOTS = path.join(REPO_ROOT, 'test', 'screenshots');

/** date → [background, date colour] as `#rrggbb`. */
type Colours = Record<string, [string, string]>;

const rates = DEFAULT_CAMPAIGN.config.rates;
const expected: Colours = Object.fromEntries(
  rebateCalendar(MONTH, [civil.dayFromIso('2026-05-06')!, civil.dayFromIso('2026-05-13')!, civil.dayFromIso('2026-05-27')!], DEFAULT_CAMPAIGN).days.map((d) => {
    const s = dayStyle(d, rates);
    return [d.date, [s.bg, s.ink]];
  }),
);

let browser: Browser;
let server: RunningServer;
let dir: string;
let xlsx: string;
let gas: FakeGas;

function rgbToHex(css: string): string {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) return css;
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

/** Each day's background and date colour in a page's `td[data-date]` grid for MONTH. */
async function domColours(page: Page, scope: string): Promise<Colours> {
  const list = await page.$$eval(`${scope} td[data-date^="${MONTH}"]`, (tds) =>
    tds.map((td) => [td.getAttribute('data-date')!, getComputedStyle(td).backgroundColor, getComputedStyle(td.querySelector('.d')!).color] as const),
  );
  return Object.fromEntries(list.map(([d, bg, ink]) => [d, [rgbToHex(bg), rgbToHex(ink)]]));
}

async function legendTexts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((t) => t.trim());
}

async function withFake<T>(fn: () => T): Promise<T> {
  const uninstall = installGlobals(gas);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(Date.UTC(2026, 3, 1, 2)));
  try {
    return fn();
  } finally {
    vi.useRealTimers();
    uninstall();
  }
}

beforeAll(async () => {
  const CHROMIUM = requireTool('chromium');
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(path.join(os.tmpdir(), 'partner-check-calstyle-'));
  // The same enrollment as an .xlsx (upload page, HTML report) and as a Google Sheet (add-on).
  const { keys, headers } = kindHeaders('enrollment');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('報名表');
  ws.addRow(headers);
  ws.addRow(keys.map((k) => ROW[k] ?? ''));
  xlsx = path.join(dir, 'calendar.xlsx');
  writeFileSync(xlsx, Buffer.from(await book.xlsx.writeBuffer()));
  gas = createFakeGas({ timeZone: 'Asia/Taipei', files: { Sidebar: '<!DOCTYPE html>' } });
  gas.addSheet('報名表', kindGrid('enrollment', [ROW]));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  server = await startServer({ port: 0, today: TODAY, tmpPrefix: testPrefix('calstyle'), log: () => undefined });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('one calendar style across the four outputs', () => {
  const seen: Record<string, Colours> = {};
  const legends: Record<string, string[]> = {};
  const key = calendarLegend(rates, 'zh-TW').map((e) => e.text);

  it('the add-on sidebar', async () => {
    const html = (await ensureAddonBuilt()).html;
    const report = await withFake(() => addon.checkWorkbook({ quiet: true }));
    const calendar = await withFake(() => addon.getCalendar(SHOP));
    const page = await browser.newPage({ viewport: { width: 300, height: 1100 } });
    await page.route('**/*', (r) => (r.request().url() === 'https://sidebar.test/' ? r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : r.abort()));
    await page.addInitScript(
      ([rep, cal]) => {
        const serve: Record<string, () => unknown> = { getSettings: () => ({ lang: 'zh-TW' }), checkWorkbook: () => rep, getCalendar: () => cal, getLiveStatus: () => ({ enabled: false, last: null }) };
        const runner = (ok?: (v: unknown) => void): Record<string, unknown> => {
          const r: Record<string, unknown> = { withSuccessHandler: (f: (v: unknown) => void) => runner(f), withFailureHandler: () => runner(ok) };
          for (const n of Object.keys(serve)) r[n] = () => setTimeout(() => ok && ok(serve[n]!()), 1);
          return r;
        };
        (window as unknown as { google: unknown }).google = { script: { run: runner() } };
      },
      [report, calendar] as const,
    );
    await page.goto('https://sidebar.test/');
    await page.waitForSelector(`#calendar td[data-date="${MONTH}-01"]`);
    seen.sidebar = await domColours(page, '#calendar');
    legends.sidebar = await legendTexts(page, '#calendar .legend li');
    await page.locator('#calendar').screenshot({ path: path.join(SHOTS, 'calendar-sidebar.png') });
    await page.close();
    expect(seen.sidebar).toEqual(expected);
    expect(legends.sidebar).toEqual(key);
  });

  it('the add-on calendar tab', async () => {
    await withFake(() => addon.buildCalendarSheet({ quiet: true }));
    const sheet = gas.sheet(GENERATED_TABS.calendar);
    // Find the May grid: the row after 週一…週日 below the month title.
    let title = 0;
    for (let r = 1; r < 200 && !title; r++) if (String(sheet._peek(r, 1).value).endsWith('2026 年 5 月')) title = r;
    expect(title).toBeGreaterThan(0);
    const colours: Colours = {};
    const rows: string[] = [];
    for (let r = 1; r <= title + 8; r++) {
      const cells: string[] = [];
      for (let c = 1; c <= 7; c++) {
        const cell = sheet._peek(r, c);
        const text = String(cell.value);
        const day = r > title + 1 ? /^(\d+)/.exec(text) : null;
        if (day) colours[`${MONTH}-${day[1]!.padStart(2, '0')}`] = [cell.background, cell.fontColor];
        const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');
        cells.push(`<td style="background:${cell.background};color:${cell.fontColor};font-weight:${cell.fontWeight}">${esc}</td>`);
      }
      rows.push(`<tr>${cells.join('')}</tr>`);
    }
    seen.sheet = colours;
    legends.sheet = [2, 3, 4].map((r) => String(sheet._peek(r, 2).value));
    expect([2, 3].map((r) => sheet._peek(r, 1).background)).toEqual([CALENDAR_COLOURS.high, CALENDAR_COLOURS.daily]);
    expect(sheet._peek(4, 2).fontColor).toBe(CALENDAR_COLOURS.offInk);
    // The tab as Sheets would show it, for the screenshot.
    const page = await browser.newPage({ viewport: { width: 760, height: 700 } });
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><style>td{width:96px;height:52px;border:1px solid #e2e2e2;text-align:center;font:12px Arial,"Noto Sans TC",sans-serif;vertical-align:middle}table{border-collapse:collapse}</style><table>${rows.join('')}</table>`);
    await page.screenshot({ path: path.join(SHOTS, 'calendar-sheet.png'), fullPage: true });
    await page.close();
    expect(seen.sheet).toEqual(expected);
    expect(legends.sheet).toEqual(key);
  });

  it('the upload page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${server.url}/`);
    await page.setInputFiles('#file', xlsx);
    await page.waitForSelector(`table.cal[data-month="${MONTH}"]`);
    seen.serve = await domColours(page, `table.cal[data-month="${MONTH}"]`);
    legends.serve = await legendTexts(page, '.legend .key');
    await page.locator(`table.cal[data-month="${MONTH}"]`).screenshot({ path: path.join(SHOTS, 'calendar-serve.png') });
    await page.close();
    expect(seen.serve).toEqual(expected);
    expect(legends.serve).toEqual(key);
  });

  it('the HTML report', async () => {
    const read = await readWorkbookFile(xlsx);
    if (!read.ok) throw new Error(JSON.stringify(read.reason));
    const workbook = read.workbook as Workbook;
    const file = { ...validateWorkbook(workbook, { today: TODAY, path: 'calendar.xlsx' }), path: 'calendar.xlsx' };
    const html = formatHtml(
      { tool: 'partner-check', version: '0', campaign: DEFAULT_CAMPAIGN.id, files: [file], summary: { files: 1, errors: file.counts.errors, warnings: file.counts.warnings, infos: file.counts.infos } } as never,
      { lang: 'zh-TW', today: TODAY, calendars: { 'calendar.xlsx': shopCalendars(workbook, DEFAULT_CAMPAIGN) }, rates },
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.setContent(html);
    seen.report = await domColours(page, `table.cal[data-month="${MONTH}"]`);
    legends.report = await legendTexts(page, '#calendars .legend .key');
    await page.locator(`table.cal[data-month="${MONTH}"]`).screenshot({ path: path.join(SHOTS, 'calendar-report.png') });
    await page.close();
    expect(seen.report).toEqual(expected);
    expect(legends.report).toEqual(key);
  });

  it('all four agree, and red marks days off only', () => {
    expect(Object.keys(seen).sort()).toEqual(['report', 'serve', 'sheet', 'sidebar']);
    for (const c of Object.values(seen)) expect(c).toEqual(seen.sidebar);
    // May 2026: 5/1 勞動節 and the weekends are days off (red); 5/6 a chosen Wednesday is not.
    expect(seen.sidebar!['2026-05-01']).toEqual([CALENDAR_COLOURS.high, CALENDAR_COLOURS.offInk]);
    expect(seen.sidebar!['2026-05-02']).toEqual([CALENDAR_COLOURS.daily, CALENDAR_COLOURS.offInk]);
    expect(seen.sidebar!['2026-05-06']).toEqual([CALENDAR_COLOURS.high, CALENDAR_COLOURS.ink]);
    expect(seen.sidebar!['2026-05-04']).toEqual([CALENDAR_COLOURS.daily, CALENDAR_COLOURS.ink]);
    const red = Object.entries(seen.sidebar!).filter(([, [, ink]]) => ink === CALENDAR_COLOURS.offInk).map(([d]) => d);
    expect(red).toEqual(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-09', '2026-05-10', '2026-05-16', '2026-05-17', '2026-05-23', '2026-05-24', '2026-05-30', '2026-05-31']);
  });
});
