/**
 * The add-on's entry points. Every export of this module becomes a top-level function of
 * Code.js (addon/build.mjs writes `function onOpen(e) { return PartnerCheck.onOpen.apply(…) }` for
 * each), because Apps Script finds triggers, menu handlers and google.script.run targets only as
 * top-level functions. The names are a contract with the sidebar and the menu: export nothing
 * else from here.
 *
 * Loading the bundle calls no service (onOpen may run in AuthMode.NONE, where most services
 * throw); everything happens inside these functions.
 */
import type { Lang } from '../../rules/index.js';
import { getLang, isLang, saveLang } from './env.js';
import { TEXT, tr } from './i18n.js';
import { runApplySuggestion, runCheck, runClearMarks, runSelectCell, type AddonReport, type ApplyResult, type CheckOptions } from './check.js';
import { runInsertTemplates, type TemplatesResult } from './templates.js';
import { runBuildCalendarSheet, runGetCalendar, type CalendarView } from './calendar-sheet.js';
import { runBuildScheduleSheet, type ScheduleSheetResult } from './schedule-sheet.js';
import { runEstimateCosts, runGetCosts, type CostsView } from './cost-sheet.js';
import { runBuildDeadlineSheet, type DeadlineSheetResult } from './deadline-sheet.js';
import { runGetLiveStatus, runOnEdit, runSetLiveCheck, type LiveStatus } from './live.js';
import type { ProtectedSkip } from './marks.js';

interface OpenEvent {
  readonly authMode?: unknown;
}

/** Menu and sidebar calls pass either nothing, an event object, or the sidebar's options. */
function options(arg: unknown): CheckOptions {
  return typeof arg === 'object' && arg !== null && (arg as { quiet?: unknown }).quiet === true ? { quiet: true } : {};
}

/**
 * Builds the add-on menu. In AuthMode.NONE (the add-on not yet used in this document) nothing but
 * the menu may be touched, so the labels are zh-TW; otherwise the user's language.
 */
export function onOpen(e?: OpenEvent): void {
  let lang: Lang = 'zh-TW';
  if (!(e && String(e.authMode) === 'NONE')) lang = getLang();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(tr(TEXT.menuOpenSidebar, lang), 'showSidebar')
    .addItem(tr(TEXT.menuCheckWorkbook, lang), 'checkWorkbook')
    .addItem(tr(TEXT.menuCheckActiveSheet, lang), 'checkActiveSheet')
    .addItem(tr(TEXT.menuClearMarks, lang), 'clearMarks')
    .addSeparator()
    .addItem(tr(TEXT.menuInsertTemplates, lang), 'insertTemplates')
    .addItem(tr(TEXT.menuCalendar, lang), 'buildCalendarSheet')
    .addItem(tr(TEXT.menuSchedule, lang), 'buildScheduleSheet')
    .addItem(tr(TEXT.menuCosts, lang), 'estimateCosts')
    .addItem(tr(TEXT.menuDeadlines, lang), 'buildDeadlineSheet')
    .addToUi();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(tr(TEXT.addonTitle, getLang()));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Checks every tab, marks the violating cells, returns the report (SPEC §7 file entry, JSON-safe). */
export function checkWorkbook(opts?: unknown): AddonReport {
  return runCheck(false, options(opts));
}

/** Checks with the whole workbook as context, but reports and marks the active tab only. */
export function checkActiveSheet(opts?: unknown): AddonReport {
  return runCheck(true, options(opts));
}

export function clearMarks(opts?: unknown): { cleared: number; protected: readonly ProtectedSkip[] } {
  return runClearMarks(options(opts));
}

/**
 * Simple trigger: with 自動檢查 on for this document, re-checks the edited tab (and the tabs whose
 * rules read it) and updates their marks. Does nothing in AuthMode.NONE or when switched off.
 */
export function onEdit(e?: unknown): void {
  runOnEdit(e as Parameters<typeof runOnEdit>[0]);
}

/** Sidebar: switch 自動檢查 on or off for this document. */
export function setLiveCheck(on: unknown): LiveStatus {
  return runSetLiveCheck(on);
}

/** Sidebar (polled while open): whether 自動檢查 is on, and what its last run did. */
export function getLiveStatus(): LiveStatus {
  return runGetLiveStatus();
}

export function insertTemplates(opts?: unknown): TemplatesResult {
  return runInsertTemplates(options(opts));
}

export function buildCalendarSheet(opts?: unknown): { sheet: string; rows: number; shops: number } {
  return runBuildCalendarSheet(options(opts));
}

export function buildScheduleSheet(opts?: unknown): ScheduleSheetResult {
  return runBuildScheduleSheet(options(opts));
}

export function estimateCosts(opts?: unknown): { sheet: string; rows: number; shops: number } {
  return runEstimateCosts(options(opts));
}

/** Menu and sidebar: the 期限清單 tab, every deadline of the spreadsheet's tabs, sorted (SPEC §6). */
export function buildDeadlineSheet(opts?: unknown): DeadlineSheetResult {
  return runBuildDeadlineSheet(options(opts));
}

/** Sidebar: move the cursor to a cell (`C4`), a range, or a row (`5:5`) of a tab. */
export function selectCell(sheet: unknown, a1: unknown): boolean {
  return runSelectCell(sheet, a1);
}

/** Sidebar: put a suggestion into its cell and check again. */
export function applySuggestion(sheet: unknown, a1: unknown, value: unknown, expected?: unknown): ApplyResult {
  return runApplySuggestion(sheet, a1, value, expected);
}

/** Sidebar: the rebate calendar preview of one shop. */
export function getCalendar(shopId: unknown): CalendarView {
  return runGetCalendar(shopId);
}

/** Sidebar: the cost panel. */
export function getCosts(): CostsView {
  return runGetCosts();
}

export function getSettings(): { lang: Lang } {
  return { lang: getLang() };
}

export function setLanguage(lang: unknown): { lang: Lang } {
  if (!isLang(lang)) throw new Error(`unknown language ${String(lang)}`);
  saveLang(lang);
  return { lang };
}
