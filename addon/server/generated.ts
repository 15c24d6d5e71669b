/**
 * Tabs the add-on generates (calendar, schedule, costs, deadlines). They are never checked: the schedule
 * carries the contracts columns and would otherwise be read as a second contracts tab (every
 * generated contract "overlapping" the real ones). The names are fixed in both languages, so the
 * add-on finds its tabs again whatever language the user picked; renaming a generated tab makes
 * it an ordinary tab (e.g. to paste it into 加碼合約).
 */
import { ERROR_BG } from './marks.js';

export const GENERATED_TABS = {
  calendar: '回饋行事曆 · partner-check',
  schedule: '合約排程 · partner-check',
  costs: '成本試算 · partner-check',
  deadlines: '期限清單 · partner-check',
} as const;

const NAMES = new Set<string>(Object.values(GENERATED_TABS));

export function isGeneratedTab(name: string): boolean {
  return NAMES.has(name);
}

/** The generated tab `name`, emptied for a rebuild (kept, so its position and id stay), or a new one at the end. */
export function freshTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(name);
  if (existing && String(existing.getType()) !== 'GRID') {
    // A chart sheet carrying the generated name: never ours to clear.
    throw new Error(`「${name}」is not a grid sheet (a chart sheet?): rename it to rebuild this tab.`);
  }
  if (existing) {
    existing.clear();
    existing.clearNotes();
    existing.setFrozenRows(0);
    return existing;
  }
  return ss.insertSheet(name, ss.getSheets().length);
}

/**
 * Writes a generated tab's table: a bold, frozen header row with its notes and backgrounds, then
 * the rows as plain text (`@`, so Sheets never turns `2026/05/01 00:00:00` or `5%` into numbers),
 * and the overdue rows' deadline cell coloured (only that column: the rest stays readable).
 */
export function writeTextTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: {
    readonly header: readonly string[];
    readonly notes: readonly string[];
    readonly headerBackgrounds: readonly string[];
    readonly values: readonly (readonly (string | number)[])[];
    readonly overdue: readonly boolean[];
    /** 1-based column of the deadline. */
    readonly deadlineColumn: number;
  },
): void {
  const width = table.header.length;
  const head = sheet.getRange(1, 1, 1, width);
  head.setValues([[...table.header]]);
  head.setNotes([[...table.notes]]);
  head.setBackgrounds([[...table.headerBackgrounds]]);
  head.setFontWeight('bold');
  sheet.setFrozenRows(1);
  if (table.values.length === 0) return;
  const body = sheet.getRange(2, 1, table.values.length, width);
  body.setNumberFormat('@');
  body.setValues(table.values.map((row) => [...row]));
  if (table.overdue.some(Boolean)) sheet.getRange(2, table.deadlineColumn, table.values.length, 1).setBackgrounds(table.overdue.map((o) => [o ? ERROR_BG : null]));
}
