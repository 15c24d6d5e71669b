/**
 * The check: read every tab (one batch read each), hand the workbook to the shared rules engine,
 * mark the violating cells, and return a JSON-safe report shaped like one file entry of SPEC §7
 * (`path`, `error`, `sheets`, `violations`, `counts`, `meta`). The add-on adds its facts under
 * `meta` (language, today, time zone, shops, marks); nothing about a rule is decided here.
 */
import {
  RULES,
  analyseWorkbook,
  SHEET_KINDS,
  countViolations,
  kindDef,
  ringMailsForWorkbook,
  ringMailto,
  shopPlans,
  validateWorkbook,
  type FileReport,
  type Lang,
  type ReportViolation,
  type SheetKind,
  type Workbook,
  type RingMail,
  type WorkbookAnalysis,
} from '../../rules/index.js';
import { campaign, getLang, jsonSafe, nowTaipei, todayTaipei } from './env.js';
import { isGeneratedTab } from './generated.js';
import { decodeA1, planMarks, updateMarks, type Mark, type ProtectedSkip, type TabForMarks } from './marks.js';
import { gridToTable, isGridSheet, readTab, wallConverter, type ReadTab } from './read.js';
import { TEXT, tr } from './i18n.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ShopSummary {
  readonly shopId: string;
  readonly months: readonly string[];
}

/**
 * A ring-data request e-mail as the sidebar shows it (SPEC §6, built by rules/compute/ring-mail.ts
 * like the CLI's `ring-mail`): the subject and the deck's six body lines, and its `mailto:` link.
 * The e-mail itself is always zh-TW (it goes to LINE購物小管家 in the deck's wording).
 */
export type RingMailView = Omit<RingMail, 'brand'> & { readonly mailto: string };

export interface RingMailSkipView {
  readonly sheet: string;
  readonly row: number;
  readonly shopId: string | null;
  /** The row's errors (already rendered in the user's language, secrets masked by the engine). */
  readonly reasons: readonly { readonly ruleId: string; readonly cell: string | null; readonly message: string }[];
}

export interface AddonMeta {
  readonly skippedRules: FileReport['meta']['skippedRules'];
  readonly today: string;
  readonly checkedAt: string;
  readonly lang: Lang;
  readonly timeZone: string;
  readonly campaign: string;
  /** 'workbook' for checkWorkbook, 'sheet' for checkActiveSheet (then `sheet` names the tab). */
  readonly scope: 'workbook' | 'sheet';
  readonly sheet: string | null;
  /** Generated tabs left out of the check. */
  readonly excludedTabs: readonly string[];
  /** Tabs without cells (chart sheets: getType() is not GRID), left out. */
  readonly nonGridTabs: readonly string[];
  readonly shops: readonly ShopSummary[];
  /** Every sheet kind's name in the report's language (`報名表` / `Enrollment` …), for the tab list. */
  readonly kindTitles: Readonly<Record<SheetKind, string>>;
  /** The ring-data e-mails of the whole workbook (rows with errors get none: `skipped` says why). */
  readonly ringMails: { readonly mails: readonly RingMailView[]; readonly skipped: readonly RingMailSkipView[] };
  readonly marks: {
    readonly marked: number;
    readonly cleared: number;
    readonly truncated: number;
    /** Protected ranges (range null: a whole protected sheet) where marks could not be written. */
    readonly protected: readonly ProtectedSkip[];
  };
}

export interface AddonReport extends Omit<FileReport, 'meta'> {
  readonly meta: AddonMeta;
}

export interface LoadedWorkbook {
  readonly ss: Spreadsheet;
  readonly timeZone: string;
  /** Every tab's sheet and id (generated and chart ones too: their stored state is kept in step). */
  readonly all: readonly { readonly sheet: Sheet; readonly id: number; readonly name: string }[];
  /** The tabs handed to the rules. */
  readonly tabs: readonly ReadTab[];
  readonly workbook: Workbook;
  readonly excluded: readonly string[];
  readonly nonGrid: readonly string[];
}

/** Reads every grid tab but the generated ones: O(tabs) service calls. */
export function loadWorkbook(ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): LoadedWorkbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const toWall = wallConverter(timeZone);
  const all: { sheet: Sheet; id: number; name: string }[] = [];
  const tabs: ReadTab[] = [];
  const excluded: string[] = [];
  const nonGrid: string[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (!isGridSheet(sheet)) {
      all.push({ sheet, id: sheet.getSheetId(), name });
      nonGrid.push(name);
      continue;
    }
    if (isGeneratedTab(name)) {
      all.push({ sheet, id: sheet.getSheetId(), name });
      excluded.push(name);
      continue;
    }
    const tab = readTab(sheet);
    all.push({ sheet, id: tab.id, name });
    tabs.push(tab);
  }
  const workbook: Workbook = { tables: tabs.map((t) => gridToTable(t.name, t.grid, toWall)) };
  return { ss, timeZone, all, tabs, workbook, excluded, nonGrid };
}

export function forMarks(tab: ReadTab): TabForMarks {
  const rows = tab.grid.values.length;
  const cols = rows > 0 ? (tab.grid.values[0]?.length ?? 0) : 0;
  return { sheet: tab.sheet, id: tab.id, name: tab.name, range: tab.range, rows, cols };
}

export interface CheckOptions {
  /** No toast (the sidebar shows the result itself). */
  readonly quiet?: boolean;
}

/** Runs the check over the workbook; `activeOnly` reports and marks the active tab only. */
export function runCheck(activeOnly: boolean, options: CheckOptions = {}): AddonReport {
  const lang = getLang();
  const loaded = loadWorkbook();
  const activeName = activeOnly ? loaded.ss.getActiveSheet().getName() : null;
  const report = checkAndMark(loaded, activeName === null ? null : new Set([activeName]), lang, { scope: activeName === null ? 'workbook' : 'sheet', sheet: activeName });
  if (!options.quiet) loaded.ss.toast(tr(TEXT.toastChecked, lang, report.counts), tr(TEXT.addonTitle, lang), 5);
  return report;
}

/**
 * Validates the whole workbook, then reports and marks the tabs named in `only` (every tab when
 * null). `waitMs` bounds the wait for the document lock.
 */
export function checkAndMark(
  loaded: LoadedWorkbook,
  only: ReadonlySet<string> | null,
  lang: Lang,
  where: { scope: 'workbook' | 'sheet'; sheet: string | null },
  opts: { waitMs?: number } = {},
): AddonReport {
  const { ss } = loaded;
  const today = todayTaipei();
  const c = campaign();
  // One analysis (parsing every tab) serves the check, the shop list and the ring-data e-mails:
  // a live check runs on every edit, inside Apps Script's time budget.
  const analysis = analyseWorkbook(loaded.workbook, c);
  const full = validateWorkbook(loaded.workbook, { campaign: c, today, lang, path: ss.getName(), analysis });
  const violations: readonly ReportViolation[] = only === null ? full.violations : full.violations.filter((v) => v.sheet !== null && only.has(v.sheet));

  const { bySheet, truncated: cappedOut } = planMarks(violations, lang);
  const scopeTabs = loaded.tabs.filter((t) => only === null || only.has(t.name));
  const wanted = new Map<number, ReadonlyMap<string, Mark>>();
  for (const t of scopeTabs) {
    const marks = bySheet.get(t.name);
    if (marks) wanted.set(t.id, marks);
  }
  const outcome = updateMarks(scopeTabs.map(forMarks), wanted, loaded.all.map((t) => t.id), lang, opts);

  const counts = countViolations(violations);
  const report: AddonReport = {
    path: full.path,
    error: full.error,
    sheets: full.sheets,
    violations,
    counts,
    meta: {
      skippedRules: full.meta.skippedRules,
      today,
      checkedAt: nowTaipei(),
      lang,
      timeZone: loaded.timeZone,
      campaign: c.id,
      scope: where.scope,
      sheet: where.sheet,
      excludedTabs: loaded.excluded,
      nonGridTabs: loaded.nonGrid,
      shops: shopPlans(analysis, { campaign: c }).map((p) => ({ shopId: p.shopId, months: p.months.map((m) => m.month) })),
      kindTitles: kindTitles(lang),
      // From the whole workbook's violations, whatever tabs this check reports: a ring-data row's
      // errors decide whether it gets an e-mail.
      ringMails: ringMailViews(loaded.workbook, full.violations, c, analysis),
      marks: { marked: outcome.marked, cleared: outcome.cleared, truncated: cappedOut, protected: outcome.protectedRanges },
    },
  };
  return jsonSafe(report);
}

function kindTitles(lang: Lang): Record<SheetKind, string> {
  const out = {} as Record<SheetKind, string>;
  for (const k of SHEET_KINDS) out[k] = kindDef(k).title[lang];
  return out;
}

function ringMailViews(workbook: Workbook, violations: readonly ReportViolation[], c: ReturnType<typeof campaign>, analysis: WorkbookAnalysis): AddonMeta['ringMails'] {
  const { mails, skipped } = ringMailsForWorkbook(workbook, violations, { campaign: c, analysis });
  return {
    mails: mails.map((m) => ({
      sheet: m.sheet,
      row: m.row,
      shopId: m.shopId,
      to: m.to,
      subject: m.subject,
      lines: m.lines,
      sendDate: m.sendDate,
      sendTime: m.sendTime,
      sendBy: m.sendBy,
      sendByLabel: m.sendByLabel,
      mailto: ringMailto(m),
    })),
    skipped: skipped.map((s) => ({ sheet: s.sheet, row: s.row, shopId: s.shopId, reasons: s.reasons })),
  };
}

/** Removes every mark the add-on made, on every grid tab, restoring backgrounds and notes. */
export function runClearMarks(options: CheckOptions = {}): { cleared: number; protected: readonly ProtectedSkip[] } {
  const lang = getLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const scope: TabForMarks[] = [];
  const ids: number[] = [];
  for (const sheet of ss.getSheets()) {
    const id = sheet.getSheetId();
    ids.push(id);
    if (!isGridSheet(sheet)) continue;
    const range = sheet.getDataRange();
    scope.push({ sheet, id, name: sheet.getName(), range, rows: range.getNumRows(), cols: range.getNumColumns() });
  }
  const outcome = updateMarks(scope, new Map(), ids, lang);
  if (!options.quiet) ss.toast(tr(TEXT.toastCleared, lang, { cells: outcome.cleared }), tr(TEXT.addonTitle, lang), 5);
  return { cleared: outcome.cleared, protected: outcome.protectedRanges };
}

/**
 * The tabs whose violations can change when a tab of `kind` changes: itself, and every kind a rule
 * reads together with it (the rules' `meta.requires`), so nothing about the dependencies is
 * written twice.
 */
export function dependentKinds(kind: SheetKind): Set<SheetKind> {
  const out = new Set<SheetKind>([kind]);
  for (const rule of RULES) if (rule.meta.requires.includes(kind)) for (const k of rule.meta.requires) out.add(k);
  return out;
}

/** A1 references the sidebar may ask for: a cell (`C4`), a cell range (`A2:C4`) or whole rows (`5:5`). */
export function isSafeA1(ref: unknown): ref is string {
  return typeof ref === 'string' && /^(?:[A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?|\d{1,7}:\d{1,7})$/.test(ref);
}

/** Moves the cursor to a cell of a tab (the sidebar's violation buttons). */
export function runSelectCell(sheetName: unknown, ref: unknown): boolean {
  if (typeof sheetName !== 'string' || !isSafeA1(ref)) return false;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return false;
  sheet.activate();
  sheet.getRange(ref).activate();
  return true;
}

/**
 * Text the user would type, made safe to put into a cell with setValue: a leading `=` (or `+`,
 * `@`, or `-` not starting a number) would turn it into a formula, so it is kept as text.
 */
export function neutralise(value: string): string {
  if (/^[=+@]/.test(value) || /^-(?![\d.])/.test(value)) return `'${value}`;
  return value;
}

export interface ApplyResult {
  readonly applied: boolean;
  /** Why not: the tab or cell is gone, or the cell changed since the check (`expected` differs). */
  readonly reason: 'no-sheet' | 'bad-cell' | 'changed' | null;
  readonly report: AddonReport;
}

/**
 * Puts a suggestion into its cell, then checks again. With `expected` (the cell's text when the
 * report was made), a cell edited in the meantime is left alone.
 */
export function runApplySuggestion(sheetName: unknown, ref: unknown, value: unknown, expected?: unknown): ApplyResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = typeof sheetName === 'string' ? ss.getSheetByName(sheetName) : null;
  let reason: ApplyResult['reason'] = null;
  if (!sheet) reason = 'no-sheet';
  else if (typeof ref !== 'string' || !decodeA1(ref) || typeof value !== 'string') reason = 'bad-cell';
  else {
    const range = sheet.getRange(ref);
    if (typeof expected === 'string' && range.getDisplayValue() !== expected) reason = 'changed';
    else range.setValue(neutralise(value));
  }
  return { applied: reason === null, reason, report: runCheck(false, { quiet: true }) };
}
