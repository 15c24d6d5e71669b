/**
 * The 期限清單 tab (SPEC §6 "Deadlines"): every deadline the active spreadsheet's tabs imply —
 * plan registration, each contract's D-3 submission (entered, or generated from the enrollment),
 * each ring-data request and each ad material — one row each, sorted by time, from the rules'
 * deadlinesForWorkbook (the same list `partner-check deadlines` prints). Deadlines already past
 * (their day before today, Taipei) are red. Cells are plain text (`@`), so the spreadsheet's
 * locale reinterprets nothing; the tab is generated, so it is never checked.
 */
import { civil, deadlinesForWorkbook, type Deadline, type Lang } from '../../rules/index.js';
import { campaign, getLang, todayTaipei } from './env.js';
import { GENERATED_TABS, freshTab, writeTextTable } from './generated.js';
import { TEXT, tr } from './i18n.js';
import { loadWorkbook } from './check.js';
import { REQUIRED_HEADER_BG } from './templates.js';

export interface DeadlineSheetResult {
  readonly sheet: string;
  /** Deadline rows written. */
  readonly rows: number;
  /** Rows whose deadline has already passed. */
  readonly overdue: number;
  /** Years the office calendar lacks: their deadlines are not listed (never guessed). */
  readonly yearsNotCovered: readonly number[];
}

/** Where a deadline comes from, in words: the tab and row, the campaign's plans, or the generated schedule. */
function sourceOf(d: Deadline, lang: Lang): string {
  if (d.sheet !== null && d.row !== null) return tr(TEXT.deadlineRow, lang, { sheet: d.sheet, row: d.row });
  return tr(d.kind === 'registration' ? TEXT.deadlineCampaign : TEXT.deadlineGenerated, lang);
}

/**
 * The tab's body rows (without the header): deadline with its weekday, kind, what is due, shop,
 * source and reminder day, in the list's order; `overdue[i]` when row i's day is before today.
 * @example deadlineTable(list, day, 'zh-TW').values[0] → ['2026/03/23(一) 23:59:59', '方案報名', '季方案報名截止', '', '活動方案', '2026-03-20']
 */
export function deadlineTable(list: readonly Deadline[], todayDay: number, lang: Lang): { values: string[][]; overdue: boolean[] } {
  const values = list.map((d) => [civil.deadlineLabel(d.wall, lang), tr(TEXT.deadlineKinds[d.kind], lang), d.title[lang], d.shopId ?? '', sourceOf(d, lang), d.remindOn ?? '']);
  const overdue = list.map((d) => civil.dayOfWall(d.wall) < todayDay);
  return { values, overdue };
}

export function runBuildDeadlineSheet(options: { quiet?: boolean } = {}): DeadlineSheetResult {
  const lang = getLang();
  const loaded = loadWorkbook();
  const { deadlines, yearsNotCovered } = deadlinesForWorkbook(loaded.workbook, { campaign: campaign() });
  const today = civil.dayFromIso(todayTaipei())!;
  const { values, overdue } = deadlineTable(deadlines, today, lang);

  const header = TEXT.deadlineHeaders.map((h) => tr(h, lang));
  const notes = header.map(() => '');
  notes[0] = tr(TEXT.deadlineHeaderNote, lang);
  if (yearsNotCovered.length > 0) notes[0] = `${tr(TEXT.deadlineYearsNotCovered, lang, { years: yearsNotCovered.join(lang === 'en' ? ', ' : '、') })}\n\n${notes[0]}`;

  const sheet = freshTab(loaded.ss, GENERATED_TABS.deadlines);
  // Only the deadline column is coloured, as on the schedule tab.
  writeTextTable(sheet, { header, notes, headerBackgrounds: header.map(() => REQUIRED_HEADER_BG), values, overdue, deadlineColumn: 1 });
  [190, 170, 360, 140, 170, 100].forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  sheet.activate();
  if (!options.quiet) loaded.ss.toast(tr(TEXT.toastBuilt, lang, { sheet: GENERATED_TABS.deadlines, rows: values.length }), tr(TEXT.addonTitle, lang), 5);
  return { sheet: GENERATED_TABS.deadlines, rows: values.length, overdue: overdue.filter(Boolean).length, yearsNotCovered };
}
