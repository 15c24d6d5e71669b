/**
 * The engine: recognise tabs, parse rows, run every registered rule, and build the SPEC §7
 * per-file report. Pure: "today" and the campaign are inputs; nothing here touches I/O.
 */
import type { Table, Workbook } from '../model.js';
import { a1 } from '../model.js';
import { EditedTable, tableCell } from '../columnar-table.js';
import type { FileReport, Lang, MessageData, PictureFacts, ReportViolation, Severity, SeveritySetting, SheetKind, SheetSummary, Violation } from '../types.js';
import { SHEET_KINDS } from '../types.js';
import type { Campaign } from '../campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from '../campaign/campaign.js';
import { recogniseTable } from '../sheet/header.js';
import { parseRowsAt, parseSheet, reparseRows, type ParsedSheet, type ParsedRow, type SheetIssue } from '../sheet/parse.js';
import { TW_OFFICE_CALENDAR, isWorkingDay, nthWorkingDayBefore, YearNotCoveredError, type OfficeCalendar } from '../time/office-calendar.js';
import { dayFromYmd, ymdFromDay, isoDate } from '../time/civil.js';
import type { Baseline } from './baseline.js';
import type { ReportInput, RuleContext, TableIssue, Rule } from './rule.js';
import { RULES, RULES_BY_ID } from '../registry.js';
import { renderViolation } from './render.js';
import { countViolations } from '../report.js';
import { settleSuggestions, type CollectedViolation } from './suggestions.js';
import { maskViolation, secretsOf } from './secrets.js';
import { appendAll } from './append-all.js';

export interface ValidateOptions {
  readonly campaign?: Campaign;
  /** Problems of a campaign file that failed to load (reported as `campaign/invalid-config`). */
  readonly campaignProblems?: readonly string[];
  /** "Today" as `YYYY-MM-DD` or a day number (Asia/Taipei). Required for deadline rules on unsubmitted rows. */
  readonly today: string | number;
  readonly lang?: Lang;
  /** Severity overrides by rule id, like ESLint's config. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  readonly baseline?: Baseline;
  /** The file's path, for the report. */
  readonly path?: string;
  readonly calendar?: OfficeCalendar;
  /**
   * The workbook's `analyseWorkbook(workbook, campaign)` when the caller already has it (e.g. to
   * build the baseline from the same parse); it must come from this workbook and campaign.
   */
  readonly analysis?: WorkbookAnalysis;
  /**
   * Pictures at hand (SPEC §4.9): what the caller read from the files named in image columns,
   * keyed by the cell text. Omit it where no file can be at hand (the add-on): every picture is
   * then reported once per tab as `asset/not-checked`.
   */
  readonly pictures?: PictureFacts;
}

/** The campaign's year for `M/D` dates: the year that puts the date inside the period. */
export function yearForCampaign(campaign: Campaign): (m: number, d: number) => number {
  const startY = ymdFromDay(campaign.periodStart).y;
  const endY = ymdFromDay(campaign.periodEnd).y;
  return (m, d) => {
    for (let y = startY; y <= endY; y++) {
      const day = dayFromYmd(y, m, d);
      if (day >= campaign.periodStart && day <= campaign.periodEnd) return y;
    }
    return startY;
  };
}

export interface WorkbookAnalysis {
  readonly sheets: readonly ParsedSheet[];
  readonly summaries: readonly SheetSummary[];
  readonly tableIssues: readonly TableIssue[];
}

/** What the rules read of an analysis (the post-pass gives them no summaries). */
type RuleInput = Pick<WorkbookAnalysis, 'sheets' | 'tableIssues'>;

/** Recognises and parses every tab (no rules run). Shared by validation, calendars and schedules. */
export function analyseWorkbook(workbook: Workbook, campaign: Campaign = DEFAULT_CAMPAIGN): WorkbookAnalysis {
  const dates = { yearFor: yearForCampaign(campaign) };
  const sheets: ParsedSheet[] = [];
  const summaries: SheetSummary[] = [];
  const tableIssues: TableIssue[] = [];
  for (const table of workbook.tables) {
    const rec = recogniseTable(table);
    if (!rec.location) {
      if (rec.nameKind) tableIssues.push({ ruleId: 'sheet/no-header', sheet: table.name, data: { sheet: table.name, kind: rec.nameKind } });
      else tableIssues.push({ ruleId: 'workbook/unknown-sheet', sheet: table.name, data: { sheet: table.name } });
      summaries.push({ name: table.name, kind: rec.nameKind ?? null, headerRow: null, rows: 0 });
      continue;
    }
    const parsed = parseSheet(table, rec.location.kind, rec.location.rowIndex, dates);
    sheets.push(parsed);
    summaries.push({ name: table.name, kind: parsed.kind, headerRow: parsed.headerRow, rows: parsed.rows.length });
  }
  return { sheets, summaries, tableIssues };
}

/**
 * What the suggestion post-pass needs of `analyseWorkbook(edited, campaign)`, for a copy of `base`
 * whose tables share every unchanged row array with it (the post-pass edits a few cells): only
 * the changed rows are parsed again. The post-pass only asks which rules blame the edited cells,
 * and the contract rules relate rows only through their shop (contract groups, overlaps,
 * duplicates, base contracts, the baseline's match key and the partner rules are all per shop).
 * So when every edit is on a contracts tab, the contracts tabs are cut down to the shops whose
 * rows were edited (every other tab whole): the edited cells are blamed exactly as in the whole
 * workbook, at the cost of the few shops touched. Otherwise the tabs are whole, as a full
 * analysis gives them; a tab whose header is no longer found at the same place, or whose header
 * rows changed, is analysed from scratch.
 */
function reanalyseEdited(edited: Workbook, base: Workbook, analysis: WorkbookAnalysis, campaign: Campaign): RuleInput {
  if (edited.tables.length !== base.tables.length || analysis.summaries.length !== base.tables.length) return analyseWorkbook(edited, campaign);
  const dates = { yearFor: yearForCampaign(campaign) };
  const parsedByTable = new Map(analysis.sheets.map((s) => [s.table, s]));
  const edits: { parsed: ParsedSheet; table: Table; changed: Set<number> }[] = [];
  for (let i = 0; i < edited.tables.length; i++) {
    const table = edited.tables[i]!;
    const was = base.tables[i]!;
    if (table === was) continue;
    const parsed = parsedByTable.get(was);
    if (!parsed) return analyseWorkbook(edited, campaign);
    const rec = recogniseTable(table);
    if (!rec.location || rec.location.kind !== parsed.kind || rec.location.rowIndex !== parsed.headerRow - 1) return analyseWorkbook(edited, campaign);
    // editedWorkbook's copies name their replaced rows; anything else is analysed from scratch.
    if (!(table instanceof EditedTable) || table.base !== was) return analyseWorkbook(edited, campaign);
    const changed = new Set(table.replaced.keys());
    edits.push({ parsed, table, changed });
  }
  const byParsed = new Map(edits.map((e) => [e.parsed, e]));
  const headerTouched = edits.some((e) => [...e.changed].some((r) => r < e.parsed.headerRow));
  if (headerTouched || edits.length === 0 || !edits.every((e) => e.parsed.kind === 'contracts' && e.parsed.columns.has('shopId'))) {
    const sheets = analysis.sheets.map((s) => {
      const e = byParsed.get(s);
      if (!e) return s;
      return [...e.changed].some((r) => r < s.headerRow) ? parseSheet(e.table, s.kind, s.headerRow - 1, dates) : reparseRows(s, e.table, e.changed, dates);
    });
    return { sheets, tableIssues: analysis.tableIssues };
  }
  // Every edit is on a contracts tab: the shops of the edited rows, before and after the edit.
  const shops = new Set<string>();
  const fresh = new Map<ParsedSheet, { rows: ParsedRow[]; issues: SheetIssue[] }>();
  for (const e of edits) {
    const again = parseRowsAt(e.parsed, e.table, e.changed, dates);
    fresh.set(e.parsed, again);
    for (const row of again.rows) addShop(shops, row);
    for (const r of e.changed) {
      const row = rowAt(e.parsed.rows, r + 1);
      if (row) addShop(shops, row);
    }
  }
  const sheets = analysis.sheets.map((s) => (s.kind === 'contracts' ? shopRows(s, shops, byParsed.get(s), fresh.get(s)) : s));
  return { sheets, tableIssues: analysis.tableIssues };
}

function addShop(shops: Set<string>, row: ParsedRow): void {
  const shopId = (row.values as { shopId?: string }).shopId;
  if (shopId !== undefined) shops.add(shopId);
}

/** The parsed row of spreadsheet row `rowNo` (rows ascending by row number), by binary search. */
function rowAt(rows: readonly ParsedRow[], rowNo: number): ParsedRow | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid]!.row;
    if (r === rowNo) return rows[mid];
    if (r < rowNo) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * A contracts tab cut down to the rows of `shops` and, when the tab was edited, its changed rows
 * as parsed again: every changed row is kept, whatever its shop. Issues follow the kept rows (the
 * header's always stay), in row order.
 */
function shopRows(sheet: ParsedSheet, shops: ReadonlySet<string>, edit: { table: Table; changed: ReadonlySet<number> } | undefined, fresh: { rows: readonly ParsedRow[]; issues: readonly SheetIssue[] } | undefined): ParsedSheet {
  // One pass over the tab's rows (in row order already), not an index of every row by shop: the
  // index held a list per shop of all 1m rows of a large export through the whole post-pass.
  const rows: ParsedRow[] = [];
  const all = sheet.rows;
  for (let i = 0; i < all.length; i++) {
    const row = all[i]!;
    const shopId = (row.values as { shopId?: string }).shopId;
    if (shopId !== undefined && shops.has(shopId) && !edit?.changed.has(row.row - 1)) rows.push(row);
  }
  if (fresh) {
    appendAll(rows, fresh.rows);
    rows.sort((a, b) => a.row - b.row);
  }
  const kept = new Set(rows.map((r) => r.row));
  const keep = (issue: SheetIssue) => issue.row === null || issue.row <= sheet.headerRow || kept.has(issue.row);
  let issues = sheet.issues.filter((issue) => keep(issue) && !(edit && issue.row !== null && edit.changed.has(issue.row - 1)));
  if (fresh) {
    // Stable: the header's issues first, then by row, as a full parse lists them.
    issues = [...issues, ...fresh.issues.filter(keep)].sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  }
  return { ...sheet, table: edit ? edit.table : sheet.table, rows, issues };
}

function todayDay(today: string | number): number {
  if (typeof today === 'number') return today;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new TypeError(`today must be YYYY-MM-DD, got ${today}`);
  return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}


/**
 * Validates a workbook and returns its SPEC §7 file entry.
 * @example validateWorkbook({ tables: [tableFromValues('報名表', rows)] }, { today: '2026-03-20' })
 */
export function validateWorkbook(workbook: Workbook, options: ValidateOptions): FileReport {
  const campaign = options.campaign ?? DEFAULT_CAMPAIGN;
  const lang = options.lang ?? 'zh-TW';
  const today = todayDay(options.today);
  const analysis = options.analysis ?? analyseWorkbook(workbook, campaign);
  const sheetOrder = new Map(workbook.tables.map((t, i) => [t.name, i]));
  const first = runRules(analysis, options, campaign, today, lang);
  // One cell, one suggestion, and only suggestions the CMS lets the user follow (SPEC §5.3).
  const violations = settleSuggestions(first.violations, analysis, (edited) => runRules(reanalyseEdited(edited, workbook, analysis, campaign), options, campaign, today, lang).violations, workbook);
  const { skippedRules } = first;

  violations.sort((a, b) => {
    const sa = a.v.sheet === null ? -1 : sheetOrder.get(a.v.sheet) ?? 1e9;
    const sb = b.v.sheet === null ? -1 : sheetOrder.get(b.v.sheet) ?? 1e9;
    if (sa !== sb) return sa - sb;
    const ra = a.v.row ?? -1;
    const rb = b.v.row ?? -1;
    if (ra !== rb) return ra - rb;
    const ca = a.col ?? -1;
    const cb = b.col ?? -1;
    if (ca !== cb) return ca - cb;
    if (a.v.ruleId !== b.v.ruleId) return a.v.ruleId < b.v.ruleId ? -1 : 1;
    // Same rule and cell: keep the order the rule reported in (Array.prototype.sort is stable).
    return 0;
  });

  const kept = violations.length > MAX_VIOLATIONS_PER_FILE ? violations.slice(0, MAX_VIOLATIONS_PER_FILE) : violations;
  // OA channel secrets never leave the engine whole (SPEC §4.8).
  const secrets = secretsOf(analysis.sheets);
  const rendered: ReportViolation[] = kept.map(({ v, repeats }) => {
    const r = maskViolation(renderViolation(v, RULES_BY_ID.get(v.ruleId)!.meta, lang), secrets);
    return repeats > 1 ? { ...r, message: `${r.message}${lang === 'en' ? ` (reported once; occurs ${repeats} times)` : `（同樣的問題共 ${repeats} 次，只列一次）`}` } : r;
  });
  const counts = countViolations(rendered);
  const omitted = violations.length - kept.length;
  return {
    path: options.path ?? '',
    error: null,
    sheets: analysis.summaries,
    violations: rendered,
    counts,
    meta: { skippedRules, today: isoDate(today), ...(omitted > 0 ? { omittedViolations: omitted } : {}) },
  };
}

/** Runs every registered rule over a parsed workbook: the violations in report order of the rules. */
function runRules(analysis: RuleInput, options: ValidateOptions, campaign: Campaign, today: number, lang: Lang): { violations: CollectedViolation[]; skippedRules: { ruleId: string; missing: SheetKind[] }[] } {
  const ctx = new RunContext(analysis, options, campaign, today, lang);
  const present = new Set(analysis.sheets.map((s) => s.kind));
  const skippedRules: { ruleId: string; missing: SheetKind[] }[] = [];
  for (const rule of RULES) {
    const sev = ctx.severityOf(rule.meta.id);
    if (sev === 'off') continue;
    const missing = rule.meta.requires.filter((k) => !present.has(k));
    if (missing.length > 0) {
      skippedRules.push({ ruleId: rule.meta.id, missing });
      continue;
    }
    ctx.current = rule;
    ctx.currentSeverity = sev;
    rule.check(ctx);
    ctx.current = undefined;
  }
  return { violations: ctx.violations, skippedRules };
}

/**
 * The context of one rules run. A class, not an object of fresh closures: the rules' optimised
 * code calls `ctx.report`, `ctx.rows` … and a new closure per run is a new call target, which
 * deoptimised every rule's check at the start of every validation (`--trace-deopt`: "wrong call
 * target"), so each run went back to the interpreter, boxing numbers and allocating iterator
 * results. Prototype methods are the same functions every run.
 */
class RunContext implements RuleContext {
  readonly calendar: OfficeCalendar;
  readonly baseline: Baseline | undefined;
  readonly pictures: PictureFacts | undefined;
  readonly sheetIssues: { sheet: ParsedSheet; issue: SheetIssue }[] = [];
  readonly tableIssues: readonly TableIssue[];
  readonly campaignProblems: readonly string[];
  readonly violations: CollectedViolation[] = [];
  current: Rule | undefined = undefined;
  currentSeverity: Severity = 'error';
  private readonly repeatIndex = new Map<string, number>();
  private readonly byKind = new Map<SheetKind, ParsedSheet[]>(SHEET_KINDS.map((k) => [k, []]));
  private readonly rowsCache = new Map<SheetKind, { sheet: ParsedSheet; row: ParsedRow }[]>();
  private readonly memoStore = new Map<string, unknown>();
  private readonly deadlines = new Map<number, number>();
  private readonly reportedYears = new Set<string>();

  constructor(
    analysis: RuleInput,
    private readonly options: ValidateOptions,
    readonly campaign: Campaign,
    readonly today: number,
    private readonly lang: Lang,
  ) {
    this.calendar = options.calendar ?? TW_OFFICE_CALENDAR;
    this.baseline = options.baseline;
    this.pictures = options.pictures;
    this.tableIssues = analysis.tableIssues;
    this.campaignProblems = options.campaignProblems ?? [];
    for (const s of analysis.sheets) this.byKind.get(s.kind)!.push(s);
    for (const s of analysis.sheets) for (const issue of s.issues) this.sheetIssues.push({ sheet: s, issue });
  }

  severityOf(id: string): SeveritySetting {
    return this.options.severities?.[id] ?? RULES_BY_ID.get(id)?.meta.defaultSeverity ?? 'error';
  }

  sheets<K extends SheetKind>(kind: K): readonly ParsedSheet<K>[] {
    return (this.byKind.get(kind) ?? []) as unknown as readonly ParsedSheet<K>[];
  }

  rows<K extends SheetKind>(kind: K): readonly { sheet: ParsedSheet<K>; row: ParsedRow<K> }[] {
    let r = this.rowsCache.get(kind);
    if (!r) {
      r = [];
      for (const sheet of this.byKind.get(kind) ?? []) {
        const rows = sheet.rows;
        for (let i = 0; i < rows.length; i++) r.push({ sheet, row: rows[i]! });
      }
      this.rowsCache.set(kind, r);
    }
    return r as unknown as readonly { sheet: ParsedSheet<K>; row: ParsedRow<K> }[];
  }

  report(input: ReportInput): void {
    if (this.current) this.push(this.current, this.currentSeverity, input);
  }

  deadlineDay(startDay: number, lead: number, where: { sheet: ParsedSheet; row: ParsedRow; key: string }): number | undefined {
    // Many rows share a start day: each (day, lead) is counted back once per run. Failures are
    // not remembered, so every row whose year is not covered is still reported.
    const k = startDay * 1024 + lead;
    const cacheable = Number.isInteger(startDay) && Number.isInteger(lead) && lead >= 0 && lead < 1024;
    const known = cacheable ? this.deadlines.get(k) : undefined;
    if (known !== undefined) return known;
    try {
      const day = nthWorkingDayBefore(startDay, lead, this.calendar);
      if (cacheable) this.deadlines.set(k, day);
      return day;
    } catch (e) {
      this.yearProblem(e, where);
      return undefined;
    }
  }

  workingDay(day: number, where: { sheet: ParsedSheet; row: ParsedRow; key: string }): boolean | undefined {
    try {
      return isWorkingDay(day, this.calendar);
    } catch (e) {
      this.yearProblem(e, where);
      return undefined;
    }
  }

  memo<T>(key: string, compute: () => T): T {
    if (!this.memoStore.has(key)) this.memoStore.set(key, compute());
    return this.memoStore.get(key) as T;
  }

  private yearProblem(e: unknown, where: { sheet: ParsedSheet; row: ParsedRow; key: string }): void {
    if (!(e instanceof YearNotCoveredError)) throw e;
    const k = `${where.sheet.name}|${where.row.row}|${where.key}|${e.year}`;
    if (this.reportedYears.has(k)) return;
    this.reportedYears.add(k);
    const sev = this.severityOf('calendar/year-not-covered');
    if (sev === 'off') return;
    this.push(RULES_BY_ID.get('calendar/year-not-covered')!, sev, {
      sheet: where.sheet,
      row: where.row,
      key: where.key,
      data: { year: e.year, covered: e.covered.join('、'), coveredEn: e.covered.join(', ') },
    });
  }

  private push(rule: Rule, severity: Severity, input: ReportInput): void {
    const lang = this.lang;
    const sheet = input.sheet;
    const rowNo = input.row == null ? null : typeof input.row === 'number' ? input.row : input.row.row;
    let column: string | null = null;
    let col: number | null = input.col ?? null;
    let value: string | undefined;
    if (sheet && 'columns' in sheet && input.key) {
      const bound = sheet.columns.get(input.key);
      if (bound) {
        column = bound.header;
        col = bound.index;
      }
    }
    if (sheet && 'table' in sheet && col !== null && rowNo !== null) {
      const cell = tableCell(sheet.table, rowNo - 1, col);
      if (cell && cell.text !== '') value = echo(cell.text, lang);
      if (column === null) {
        const h = tableCell(sheet.table, sheet.headerRow - 1, col);
        column = h ? (typeof h.value === 'string' ? h.value : h.text) || null : null;
      }
    }
    const data = echoData(input.data ?? {}, lang);
    const messageId = input.messageId ?? 'default';
    // A violation repeated exactly (same rule, cell, message data: e.g. one date chosen 20,000
    // times) is reported once, with its count.
    const key = `${rule.meta.id}\u0001${messageId}\u0001${sheet ? sheet.name : ''}\u0001${rowNo}\u0001${col}\u0001${JSON.stringify(data)}`;
    const seen = this.repeatIndex.get(key);
    if (seen !== undefined) {
      this.violations[seen]!.repeats++;
      return;
    }
    this.repeatIndex.set(key, this.violations.length);
    const v: Violation = {
      ruleId: rule.meta.id,
      messageId,
      data,
      severity,
      sheet: sheet ? sheet.name : null,
      row: rowNo,
      column,
      cell: col !== null && rowNo !== null ? a1(rowNo - 1, col) : null,
      ...(value !== undefined ? { value } : {}),
      ...(input.suggestion ? { suggestion: input.suggestion } : {}),
    };
    this.violations.push({ v, col, repeats: 1 });
  }
}

/**
 * Reports are bounded by construction: at most this many violations per file (the report's
 * `meta.omittedViolations` says how many more there were), each echoing at most ECHO_MAX
 * characters of a cell.
 */
export const MAX_VIOLATIONS_PER_FILE = 50_000;
export const ECHO_MAX = 300;

/** A cell's text as echoed in a report: cut to ECHO_MAX characters, its full length noted. */
export function echo(text: string, lang: Lang): string {
  if (text.length <= ECHO_MAX) return text;
  let head = text.slice(0, ECHO_MAX);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1); // never half a surrogate pair
  const n = text.length.toLocaleString('en-US');
  return `${head}…${lang === 'en' ? ` (${n} characters in all)` : `（共 ${n} 字）`}`;
}

function echoData(data: MessageData, lang: Lang): MessageData {
  let out: Record<string, MessageData[string]> | undefined;
  for (const [k, v] of Object.entries(data)) {
    if (typeof v === 'string' && v.length > ECHO_MAX) (out ??= { ...data })[k] = echo(v, lang);
  }
  return out ?? data;
}
