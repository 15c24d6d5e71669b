/**
 * The generated contract schedule (SPEC §6) in the contracts columns, ready to enter into the CMS:
 * the rows are the rules' (schedulesForWorkbook → scheduleToRows), cell text exactly as a brand
 * types it; one extra column at the end gives each contract's D-3 submission deadline with its
 * weekday (`2026/03/27(五) 23:59:59`), red when it has passed. Cells are plain text (`@`), so nothing is reinterpreted by the spreadsheet's locale.
 */
import { civil, kindDef, scheduleToRows, schedulesForWorkbook, templateSpec, type Lang, type Schedule, type ScheduleProblem } from '../../rules/index.js';
import { campaign, getLang, todayTaipei } from './env.js';
import { GENERATED_TABS, freshTab, writeTextTable } from './generated.js';
import { TEXT, tr } from './i18n.js';
import { loadWorkbook } from './check.js';
import { OPTIONAL_HEADER_BG, REQUIRED_HEADER_BG } from './templates.js';

export interface ScheduleSheetResult {
  readonly sheet: string;
  /** Contract rows written (one per contract and product type). */
  readonly rows: number;
  readonly contracts: number;
  readonly shops: number;
  /** Rows whose deadline has already passed. */
  readonly overdue: number;
  readonly problems: readonly string[];
}

/** Problems of the generator, in words. */
export function describeProblem(shopId: string, p: ScheduleProblem, lang: Lang): string {
  const en = lang === 'en';
  switch (p.code) {
    case 'no-shop-id':
      return en ? 'a row has no shop ID' : '有一列沒有商店代碼';
    case 'no-plan':
      return en ? `${shopId}: no plan` : `${shopId}：沒有方案`;
    case 'bad-month':
      return en ? `${shopId}: bad month ${p.month}` : `${shopId}：月份 ${p.month} 有誤`;
    case 'bad-chosen-day':
      return en ? `${shopId}: chosen day ${p.value} is not a date` : `${shopId}：任選日 ${p.value} 不是日期`;
    case 'chosen-day-outside-months':
      return en ? `${shopId}: chosen day ${p.date} is outside the enrolled months (ignored)` : `${shopId}：任選日 ${p.date} 不在報名月份內（已略過）`;
    case 'year-not-covered':
      return en
        ? `${shopId}: the office calendar has no ${p.year} (covers ${p.covered.join(', ')}); deadlines left blank`
        : `${shopId}：辦公日曆沒有 ${p.year} 年（涵蓋 ${p.covered.join('、')}），送審期限空白`;
    case 'no-base-contract':
      return en
        ? `${shopId}: no base contract covers ${p.from}..${p.to}; defaults used`
        : `${shopId}：${p.from}～${p.to} 沒有鋪底合約涵蓋，已用預設值`;
  }
}

/** The rows of the tab: header (contracts columns + deadline) and one row per contract line. */
export function scheduleTable(schedules: readonly Schedule[], todayDay: number, lang: Lang = 'zh-TW'): { values: string[][]; overdue: boolean[] } {
  const keys = kindDef('contracts').columns.map((c) => c.key);
  const values: string[][] = [];
  const overdue: boolean[] = [];
  for (const s of schedules) {
    const rows = scheduleToRows(s);
    // scheduleToRows emits one row per contract and product-type line, in that order.
    const deadlines: { text: string; day: number | null }[] = [];
    for (const contract of s.contracts) for (let i = 0; i < contract.lines.length; i++) deadlines.push({ text: contract.submitByWall === null ? '' : civil.deadlineLabel(contract.submitByWall, lang), day: contract.submitByDay });
    if (deadlines.length !== rows.length) throw new Error(`schedule of ${s.shopId}: ${rows.length} rows but ${deadlines.length} contract lines`);
    rows.forEach((row, i) => {
      values.push([...keys.map((k) => row[k] ?? ''), deadlines[i]!.text]);
      overdue.push(deadlines[i]!.day !== null && deadlines[i]!.day! < todayDay);
    });
  }
  return { values, overdue };
}

export function runBuildScheduleSheet(options: { quiet?: boolean } = {}): ScheduleSheetResult {
  const lang = getLang();
  const c = campaign();
  const loaded = loadWorkbook();
  const schedules = schedulesForWorkbook(loaded.workbook, { campaign: c });
  const today = civil.dayFromIso(todayTaipei())!;
  const { values, overdue } = scheduleTable(schedules, today, lang);
  const problems = schedules.flatMap((s) => s.problems.map((p) => describeProblem(s.shopId, p, lang)));

  const spec = templateSpec('contracts', c);
  const lead = c.config.contractLeadWorkingDays;
  const header = [...spec.columns.map((col) => col.zh), tr(TEXT.scheduleDeadline, lang)];
  const headerNotes = [...spec.columns.map((col) => col.note), tr(TEXT.scheduleDeadlineNote, lang, { lead })];
  if (schedules.length === 0) headerNotes[0] = `${tr(TEXT.scheduleNoShops, lang)}\n\n${headerNotes[0]}`;
  else if (problems.length > 0) headerNotes[0] = `${tr(TEXT.scheduleProblems, lang)}\n• ${problems.join('\n• ')}\n\n${headerNotes[0]}`;
  const width = header.length;

  const sheet = freshTab(loaded.ss, GENERATED_TABS.schedule);
  writeTextTable(sheet, {
    header,
    notes: headerNotes,
    headerBackgrounds: [...spec.columns.map((col) => (col.required ? REQUIRED_HEADER_BG : OPTIONAL_HEADER_BG)), REQUIRED_HEADER_BG],
    values,
    overdue,
    deadlineColumn: width,
  });
  spec.columns.forEach((col) => sheet.setColumnWidth(col.index + 1, col.widthPx));
  sheet.setColumnWidth(width, 160);
  sheet.activate();
  if (!options.quiet) loaded.ss.toast(tr(TEXT.toastBuilt, lang, { sheet: GENERATED_TABS.schedule, rows: values.length }), tr(TEXT.addonTitle, lang), 5);
  return {
    sheet: GENERATED_TABS.schedule,
    rows: values.length,
    contracts: schedules.reduce((n, s) => n + s.contracts.length, 0),
    shops: schedules.length,
    overdue: overdue.filter(Boolean).length,
    problems,
  };
}
