/**
 * `partner-check schedule` output: per enrolled shop its rebate calendar, the generated contract
 * schedule with D-3 deadlines, and the cost estimate (text); the same as JSON; and the schedule
 * as a contracts tab (加碼合約, CMS columns) in .xlsx or .csv.
 */
import type ExcelJS from 'exceljs';

/** exceljs is loaded on first use: most runs (no --annotate, no --out .xlsx) never need it. */
async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
import { CONTRACTS, civil, roundNtd, scheduleToRows, type Lang, type Money, type Schedule, type ScheduleProblem, type ShopCosts } from '../../rules/index.js';
import { t } from '../i18n.js';
import { neutralize } from '../neutralize.js';
import { calendarJson, calendarText } from './calendar.js';
import { shopCostTable, table } from './cost.js';
import { DEFAULT_COLUMNS, painter, terminalSafe, wrapText } from './terminal.js';
import type { ShopCalendar } from './types.js';

export interface ShopSchedule {
  readonly shopId: string;
  readonly calendar: ShopCalendar | undefined;
  readonly schedule: Schedule;
  readonly costs: ShopCosts | undefined;
}

export function problemText(p: ScheduleProblem, lang: Lang): string {
  const data: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) data[k] = v;
  return t(lang, `sched.problem.${p.code}`, data);
}

export function scheduleText(shops: readonly ShopSchedule[], opts: { lang: Lang; color?: boolean; columns?: number }): string {
  const { lang } = opts;
  const columns = opts.columns ?? DEFAULT_COLUMNS;
  const paint = painter(opts.color === true);
  const out: string[] = [];
  const contracts = shops.reduce((n, s) => n + s.schedule.contracts.length, 0);
  for (const shop of shops) {
    const cal = shop.calendar;
    const title = t(lang, 'sched.title', { shop: terminalSafe(shop.shopId), brand: terminalSafe(cal?.brandName ?? '—'), plan: terminalSafe(cal?.planLabel[lang] ?? '') });
    out.push(paint('bold', `■ ${title}`), '');
    for (const m of cal?.months ?? []) out.push(calendarText(m, { lang, color: opts.color === true, columns }), '');
    out.push(paint('bold', t(lang, 'sched.contracts', { count: shop.schedule.contracts.length })));
    const rows = [
      [t(lang, 'sched.col.start'), t(lang, 'sched.col.end'), t(lang, 'sched.col.remark'), t(lang, 'sched.col.rate'), t(lang, 'sched.col.deadline')],
      // The deadline with its weekday, as in the messages (issue 13).
      ...shop.schedule.contracts.map((c) => [c.start, c.end, c.remark, `${c.rate}%`, c.submitByWall === null ? '—' : civil.deadlineLabel(c.submitByWall, lang)]),
    ];
    out.push(...table(rows, ['left', 'left', 'left', 'right', 'left'], columns).map((l, i) => (i === 0 ? paint('dim', l) : l)));
    if (shop.schedule.problems.length > 0) {
      out.push(paint('yellow', t(lang, 'sched.problems')));
      for (const p of shop.schedule.problems) out.push(...wrapText(problemText(p, lang), columns - 4).map((l, i) => paint('yellow', `${i === 0 ? '  - ' : '    '}${l}`)));
    }
    if (shop.costs) {
      out.push('', paint('bold', t(lang, 'cost.title')), shopCostTable(shop.costs, lang, columns), ...wrapText(t(lang, 'cost.note'), columns).map((l) => paint('dim', l)));
    }
    out.push('');
  }
  out.push(shops.length === 0 ? t(lang, 'sched.none') : t(lang, 'sched.shops', { count: shops.length, contracts }));
  return out.join('\n') + '\n';
}

function isMoney(x: unknown): x is Money {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 2 && typeof (x as Money).num === 'string' && typeof (x as Money).den === 'string';
}

/** Adds the display value (whole NT$) to every exact amount: `{ num, den, ntd }`. */
export function withDisplayAmounts(value: unknown): unknown {
  if (isMoney(value)) return { ...value, ntd: roundNtd(value) };
  if (Array.isArray(value)) return value.map(withDisplayAmounts);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDisplayAmounts(v)]));
  return value;
}

export function scheduleJson(shops: readonly ShopSchedule[], head: { tool: string; version: string; campaign: string; file: string }): string {
  const body = {
    ...head,
    shops: shops.map((s) => ({
      shopId: s.shopId,
      brandName: s.calendar?.brandName ?? null,
      plan: s.calendar?.planLabel ?? null,
      calendar: (s.calendar?.months ?? []).map(calendarJson),
      schedule: { ...s.schedule, chosenDays: s.schedule.chosenDays.map(civil.isoDate) },
      costs: s.costs ? withDisplayAmounts(s.costs) : null,
    })),
    rows: scheduleToRows(shops.map((s) => s.schedule)),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/** The cell value of a generated contracts row: numbers for numeric columns, neutralised text otherwise. */
function cellValue(key: string, text: string): string | number | null {
  if (text === '') return null;
  const def = CONTRACTS.columns.find((c) => c.key === key);
  if (def && (def.type === 'integer' || def.type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return neutralize(text);
}

/** The schedule as an .xlsx with one 加碼合約 tab (zh-TW CMS headers). */
export async function scheduleXlsx(schedules: readonly Schedule[]): Promise<Uint8Array> {
  const Excel = await loadExcelJS();
  const book = new Excel.Workbook();
  const ws = book.addWorksheet(CONTRACTS.names[0]!, { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = CONTRACTS.columns;
  ws.columns = cols.map((c) => ({ key: c.key, width: Math.max(c.width, 10) }));
  const head = ws.getRow(1);
  cols.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.zh;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  });
  scheduleToRows(schedules).forEach((row, r) => {
    const line = ws.getRow(r + 2);
    cols.forEach((c, i) => {
      const v = cellValue(c.key, row[c.key] ?? '');
      if (v !== null) line.getCell(i + 1).value = v;
    });
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The schedule as CSV (UTF-8 with BOM, CRLF, the way Excel in Taiwan opens it correctly). */
export function scheduleCsv(schedules: readonly Schedule[]): string {
  const cols = CONTRACTS.columns;
  const lines = [cols.map((c) => csvField(c.zh)).join(',')];
  for (const row of scheduleToRows(schedules)) {
    lines.push(
      cols
        .map((c) => {
          const v = cellValue(c.key, row[c.key] ?? '');
          return csvField(v === null ? '' : String(v));
        })
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
