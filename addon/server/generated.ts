/**
 * Tabs the add-on generates (calendar, schedule, costs, deadlines). They are never checked: the schedule
 * carries the contracts columns and would otherwise be read as a second contracts tab (every
 * generated contract "overlapping" the real ones). The names are fixed in both languages, so the
 * add-on finds its tabs again whatever language the user picked; renaming a generated tab makes
 * it an ordinary tab (e.g. to paste it into 加碼合約).
 */
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
