/**
 * Turns a recognised tab into typed rows: binds header cells to column definitions (reporting
 * missing, duplicate and unknown columns), then parses each cell by its column's type. Every
 * malformed cell becomes a `cell/*` issue; nothing here throws on user data.
 */
import type { Cell, CellGrid, CellValue, GridColumn, Table } from '../model.js';
import { tableCell, tableRow, tableRowCount } from '../columnar-table.js';
import { a1 } from '../model.js';
import { SHEET_KINDS, type SheetKind, type MessageData, type Suggestion } from '../types.js';
import { kindDef, type ColumnDef } from '../columns.js';
import type { ValuesByKind } from './rows.js';
import { cellText, matchHeader } from './header.js';
import { parseDateValue, parseDateText, type DateParseOptions } from '../values/date.js';
import { cleanPercent, isPercentFormat, parsePercentValue } from '../values/percent.js';
import { booleanFromText, parseBooleanValue } from '../values/boolean.js';
import { parseEmailsValue } from '../values/email.js';
import { parseIntegerValue, parseMoneyValue, parseNumberValue } from '../values/number.js';
import { parseTimeValue } from '../values/time-of-day.js';
import { parseEnumValue, enumLookup } from '../values/enum.js';
import { splitList } from '../values/list.js';
import { ok, type ParseOutcome, type CellIssue } from '../values/outcome.js';
import { MS_PER_DAY, wallOfDay } from '../time/civil.js';
import { appendAll } from '../engine/append-all.js';

export interface BoundColumn {
  readonly def: ColumnDef;
  /** 0-based column index. */
  readonly index: number;
  /** The header as the user wrote it. */
  readonly header: string;
}

/** A problem found while reading a sheet, before any rule runs. */
export interface SheetIssue {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: MessageData;
  /** 1-based row, or null. */
  readonly row: number | null;
  /** 0-based column index, or null. */
  readonly col: number | null;
  readonly header: string | null;
  readonly suggestion?: Suggestion;
}

export interface ParsedRow<K extends SheetKind = SheetKind> {
  /** 1-based spreadsheet row. */
  readonly row: number;
  /**
   * Parsed values by column key (undefined where blank or unreadable). Read them by key or by
   * destructuring: the engine's rows are views over column stores (RowStore below), so spreading,
   * `Object.keys`, `JSON.stringify` or a structured clone do not see the values; `rowValues(row,
   * sheet)` gives a plain copy.
   */
  readonly values: ValuesByKind[K];
  /** Raw cells by column key (a view made on each read: compare cells, not views). */
  readonly cells: Readonly<Record<string, Cell | undefined>>;
  /** Keys whose cells could not be parsed (so rules skip them rather than guess). */
  readonly invalid: ReadonlySet<string>;
}

export interface ParsedSheet<K extends SheetKind = SheetKind> {
  readonly table: Table;
  readonly name: string;
  readonly kind: K;
  /** 1-based header row. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, BoundColumn>;
  readonly rows: readonly ParsedRow<K>[];
  readonly issues: readonly SheetIssue[];
}

function isBlank(cell: Cell | null | undefined): boolean {
  return !cell || isBlankValue(cell.value);
}

function isBlankValue(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  if (v.length === 0) return true;
  // Only a string that starts with white space can be blank: trim just those (ASCII fast path).
  const c = v.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return v.trim() === '';
}

/** `invalid` of a row whose cells all parsed: shared, never mutated (rows get their own set lazily). */
const NO_INVALID: ReadonlySet<string> = new Set<string>();

function bindColumns(kind: SheetKind, headerCells: ReadonlyArray<Cell | null | undefined>, headerRow: number, issues: SheetIssue[]): Map<string, BoundColumn> {
  const bound = new Map<string, BoundColumn>();
  headerCells.forEach((cell, index) => {
    const header = cellText(cell).trim();
    if (!header) return;
    const def = matchHeader(kind, header);
    if (!def) {
      issues.push({ ruleId: 'sheet/unknown-column', messageId: 'default', data: { header }, row: headerRow, col: index, header });
      return;
    }
    const first = bound.get(def.key);
    if (first) {
      issues.push({
        ruleId: 'sheet/duplicate-column',
        messageId: 'default',
        data: { header, first: first.header, firstCell: a1(headerRow - 1, first.index) },
        row: headerRow,
        col: index,
        header,
      });
      return;
    }
    bound.set(def.key, { def, index, header });
  });
  for (const def of kindDef(kind).columns) {
    if (def.required && !bound.has(def.key)) {
      issues.push({ ruleId: 'sheet/missing-column', messageId: 'default', data: { column: def.zh, columnEn: def.en }, row: headerRow, col: null, header: null });
    }
  }
  return bound;
}

function textValue(value: CellValue, cell: Cell): ParseOutcome<string> {
  if (typeof value === 'object' && value !== null) {
    if (value.type === 'error') return { ok: false, issues: [{ ruleId: 'cell/formula-error', messageId: 'default', data: { error: value.error } }] };
    return ok(cell.text || '');
  }
  if (typeof value === 'number') return ok(Number.isInteger(value) ? String(value) : cell.text || String(value));
  return ok(String(value).trim());
}

/** Per-kind parser cache: enum lookups are built once per column, not per cell. */
const lookups = new Map<ColumnDef, (t: string) => string | undefined>();
function lookupFor(def: ColumnDef) {
  let l = lookups.get(def);
  if (!l) {
    l = enumLookup(def.options ?? []);
    lookups.set(def, l);
  }
  return l;
}

function parseCell(def: ColumnDef, cell: Cell, dates: DateParseOptions): ParseOutcome<unknown> {
  const v = cell.value;
  switch (def.type) {
    case 'text':
      return textValue(v, cell);
    case 'emails':
      return parseEmailsValue(v);
    case 'enum':
      return parseEnumValue(v, def.options ?? [], lookupFor(def));
    case 'boolean':
      return parseBooleanValue(v);
    case 'percent':
      return parsePercentValue(v, cell.format);
    case 'integer':
      return parseIntegerValue(v);
    case 'money':
      return parseMoneyValue(v);
    case 'number':
      return parseNumberValue(v);
    case 'time':
      return parseTimeValue(v);
    case 'date': {
      const r = parseDateValue(v, cell.format, dates);
      return r.ok ? ok(r.value.day, r.issues) : r;
    }
    case 'datetime': {
      const r = parseDateValue(v, cell.format, dates);
      if (!r.ok) return r;
      const secs = r.value.seconds ?? (def.dateOnly === 'endOfDay' ? 86_399 : 0);
      return ok(wallOfDay(r.value.day, secs), r.issues);
    }
    case 'dateList': {
      if (typeof v === 'object' && v !== null) {
        if (v.type === 'error') return { ok: false, issues: [{ ruleId: 'cell/formula-error', messageId: 'default', data: { error: v.error } }] };
        return ok([{ day: Math.floor(v.wall / 86_400_000), text: cell.text }]);
      }
      const items = typeof v === 'number' ? [cell.text || String(v)] : splitList(String(v ?? ''));
      const issues: CellIssue[] = [];
      const out: { day: number; text: string }[] = [];
      for (const item of items) {
        const r = parseDateText(item, dates);
        appendAll(issues, r.issues);
        if (r.ok) out.push({ day: r.value.day, text: item });
      }
      return { ok: true, value: out, issues };
    }
  }
}

/** quickString's and quickOther's answer for a cell they leave to parseCell. */
const SLOW: unique symbol = Symbol('parse the cell in full');

/** How a column's usual cells are read without parseCell (ColumnPlan.code). */
const Q_TEXT = 0;
const Q_ENUM = 1;
const Q_BOOLEAN = 2;
const Q_PERCENT = 3;
const Q_INTEGER = 4;
const Q_MONEY = 5;
const Q_NUMBER = 6;
const Q_DATE = 7;
const Q_DATETIME = 8;
/** Every cell goes to parseCell. */
const Q_FULL = 9;

function quickCode(def: ColumnDef): number {
  switch (def.type) {
    case 'text':
      return Q_TEXT;
    case 'enum':
      return Q_ENUM;
    case 'boolean':
      return Q_BOOLEAN;
    case 'percent':
      return Q_PERCENT;
    case 'integer':
      return Q_INTEGER;
    case 'money':
      return Q_MONEY;
    case 'number':
      return Q_NUMBER;
    case 'date':
      return Q_DATE;
    case 'datetime':
      return Q_DATETIME;
    default:
      return Q_FULL;
  }
}

/**
 * One bound column as parseRowsInto reads it: decided once per column rather than per cell (its
 * parser as a small number, its enum lookup), plus what the column's cells repeat (the last enum
 * text and its meaning, the last number format and whether it is a percent): a column holds a few
 * statuses and formats, so most cells are answered by one comparison.
 */
class ColumnPlan {
  readonly def: ColumnDef;
  readonly index: number;
  readonly code: number;
  readonly required: boolean;
  /** SPEC §4.5: a blank boolean is "no" — except where blank has its own meaning (partnerPlan: infer). */
  readonly blankIsFalse: boolean;
  readonly lookup: ((t: string) => string | undefined) | undefined;
  lastText: string | undefined = undefined;
  lastMeaning: unknown = SLOW;
  lastFormat: string | undefined = undefined;
  lastIsPercent = false;
  constructor(readonly col: BoundColumn) {
    this.def = col.def;
    this.index = col.index;
    this.code = quickCode(col.def);
    this.required = col.def.required === true;
    this.blankIsFalse = col.def.type === 'boolean' && col.def.key !== 'partnerPlan';
    this.lookup = col.def.type === 'enum' ? lookupFor(col.def) : undefined;
  }

  /** isPercentFormat(format), remembered for the column's last format. */
  isPercent(format: string | undefined): boolean {
    if (format === this.lastFormat && format !== undefined) return this.lastIsPercent;
    const p = isPercentFormat(format);
    this.lastFormat = format;
    this.lastIsPercent = p;
    return p;
  }
}

/**
 * The value parseCell gives a non-blank string cell, for the usual cells that parse cleanly
 * without any issue (a text, a known enum or boolean spelling), without allocating an outcome;
 * `SLOW` for every other cell, which parseCell then parses (and reports). Every branch is
 * parseCell's own path for that value, so the two agree.
 */
function quickString(plan: ColumnPlan, v: string): unknown {
  switch (plan.code) {
    case Q_TEXT: {
      // `v.trim()`; a string that starts and ends with printable ASCII has nothing to trim.
      const a = v.charCodeAt(0);
      const z = v.charCodeAt(v.length - 1);
      return a > 32 && a < 127 && z > 32 && z < 127 ? v : v.trim();
    }
    case Q_ENUM:
    case Q_BOOLEAN: {
      if (v === plan.lastText) return plan.lastMeaning;
      const hit = plan.code === Q_ENUM ? plan.lookup!(v) : booleanFromText(v);
      const meaning = hit === undefined ? SLOW : hit;
      plan.lastText = v;
      plan.lastMeaning = meaning;
      return meaning;
    }
    default:
      return SLOW;
  }
}

/** quickString's counterpart for a cell whose value is not a string (nor null). */
function quickOther(plan: ColumnPlan, cell: Cell, v: CellValue): unknown {
  switch (plan.code) {
    case Q_BOOLEAN:
      return typeof v === 'boolean' ? v : SLOW;
    case Q_PERCENT: {
      if (typeof v !== 'number' || !Number.isFinite(v) || !plan.isPercent(cell.format)) return SLOW;
      const p = cleanPercent(v * 100);
      return p >= 0 && p <= 100 ? p : SLOW;
    }
    case Q_INTEGER:
      return typeof v === 'number' && Number.isInteger(v) ? v : SLOW;
    case Q_MONEY:
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : SLOW;
    case Q_NUMBER:
      return typeof v === 'number' && Number.isFinite(v) ? v : SLOW;
    case Q_DATE:
    case Q_DATETIME: {
      if (typeof v !== 'object' || v === null || v.type !== 'date' || !Number.isFinite(v.wall)) return SLOW;
      // parseDateValue's date cell: its day and its seconds (always given, so dateOnly never applies).
      const day = Math.floor(v.wall / MS_PER_DAY);
      if (plan.code === Q_DATE) return day;
      return wallOfDay(day, Math.round((v.wall - day * MS_PER_DAY) / 1000));
    }
    default:
      return SLOW;
  }
}

/**
 * Parses the rows below `headerIndex` (0-based). Blank rows are skipped; trailing data beyond the
 * known columns is ignored (its header was reported as unknown).
 */
export function parseSheet<K extends SheetKind>(table: Table, kind: K, headerIndex: number, dates: DateParseOptions): ParsedSheet<K> {
  const issues: SheetIssue[] = [];
  const headerRow = headerIndex + 1;
  const columns = bindColumns(kind, tableRow(table, headerIndex), headerRow, issues);
  const bound = [...columns.values()];
  const rowCount = tableRowCount(table);
  const rows = hasIdColumns(table)
    ? parseColumnarRows<K>(table, headerIndex + 1, rowCount, bound, dates, issues)
    : parseRowsInto<K>(table, { from: headerIndex + 1, to: rowCount }, bound, dates, issues);
  return { table, name: table.name, kind, headerRow, columns, rows, issues };
}

/**
 * `parseSheet(edited, …)` for a table that differs from `parsed.table` only in the rows at
 * `changed` (0-based indices below the header; the caller checked that the header is found at
 * the same place): only those rows are parsed again, every other row and issue is reused. Rows
 * parse independently of each other, so the result equals a full parse (the engine re-validates
 * suggested edits this way, SPEC §5.3).
 */
export function reparseRows<K extends SheetKind>(parsed: ParsedSheet<K>, edited: Table, changed: ReadonlySet<number>, dates: DateParseOptions): ParsedSheet<K> {
  const changedRowNos = new Set<number>();
  for (const r of changed) changedRowNos.add(r + 1);
  const { rows: freshSorted, issues: freshIssues } = parseRowsAt(parsed, edited, changed, dates);
  // The unchanged rows with the fresh ones merged in by row number (both lists ascending), in one
  // indexed pass.
  const merged: ParsedRow<K>[] = [];
  const old = parsed.rows;
  let i = 0;
  for (let k = 0; k < old.length; k++) {
    const row = old[k]!;
    if (changedRowNos.has(row.row)) continue;
    while (i < freshSorted.length && freshSorted[i]!.row < row.row) merged.push(freshSorted[i++]!);
    merged.push(row);
  }
  while (i < freshSorted.length) merged.push(freshSorted[i++]!);
  // Issues come in row order (the header's first): drop the changed rows', merge the fresh ones in.
  const kept = parsed.issues.filter((issue) => issue.row === null || !changedRowNos.has(issue.row));
  const issues: SheetIssue[] = [];
  let j = 0;
  for (const issue of kept) {
    while (j < freshIssues.length && issue.row !== null && freshIssues[j]!.row! < issue.row) issues.push(freshIssues[j++]!);
    issues.push(issue);
  }
  while (j < freshIssues.length) issues.push(freshIssues[j++]!);
  return { ...parsed, table: edited, rows: merged, issues };
}

/**
 * The rows of `edited` at `changed` (0-based indices below the header) parsed with `parsed`'s
 * columns: the rows in ascending order (blank ones left out) and their issues, in row order.
 */
export function parseRowsAt<K extends SheetKind>(parsed: ParsedSheet<K>, edited: Table, changed: ReadonlySet<number>, dates: DateParseOptions): { rows: ParsedRow<K>[]; issues: SheetIssue[] } {
  const bound = [...parsed.columns.values()];
  const issues: SheetIssue[] = [];
  const rows = parseRowsInto<K>(edited, [...changed].sort((a, b) => a - b), bound, dates, issues);
  return { rows, issues };
}

/**
 * Parses the rows at `candidates` (0-based, ascending; or every row of a range) of `table`: the
 * rows (blank ones left out) in order, their issues appended to `issues` in row order, then
 * column order. Row by row (reading the cells column by column was twice as slow: every row's
 * cell array is visited once per column). The blank rows are found first, so that the store is
 * made at its size. A reader's columnar table goes to parseColumnarRows instead.
 */
function parseRowsInto<K extends SheetKind>(table: Table, candidates: readonly number[] | { readonly from: number; readonly to: number }, bound: readonly BoundColumn[], dates: DateParseOptions, issues: SheetIssue[]): ParsedRow<K>[] {
  // Row arrays, else the grid's cells one by one (an edited copy of a columnar table).
  const grid = table.grid;
  const arrayRows = grid === undefined ? table.rows : undefined;
  const list = Array.isArray(candidates) ? (candidates as readonly number[]) : undefined;
  const range = list === undefined ? (candidates as { readonly from: number; readonly to: number }) : undefined;
  const count = list !== undefined ? list.length : Math.max(0, range!.to - range!.from);
  const gridRow = (r: number) => bound.map((col) => grid!.cell(r, col.index));
  // The rows that are not blank in every bound column.
  const kept: number[] = [];
  for (let k = 0; k < count; k++) {
    const r = list !== undefined ? list[k]! : range!.from + k;
    if (arrayRows !== undefined) {
      const raw = arrayRows[r];
      if (raw == null) continue;
      for (let i = 0; i < bound.length; i++) {
        if (!isBlank(raw[bound[i]!.index])) {
          kept.push(r);
          break;
        }
      }
    } else if (gridRow(r).some((cell) => !isBlank(cell))) kept.push(r);
  }
  // A range of rows is stored densely (row r at r - from); a list of rows (an edit's few) by index.
  const store = range !== undefined ? new RowStore(bound, table, count, undefined, range.from) : new RowStore(bound, table, kept.length, undefined, 0, Int32Array.from(kept, (r) => r + 1));
  const plans = bound.map((col) => new ColumnPlan(col));
  const rows: ParsedRow<K>[] = new Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const r = kept[k]!;
    const at = range !== undefined ? r - range.from : k;
    const raw = arrayRows !== undefined ? arrayRows[r]! : undefined;
    const cells = raw === undefined ? gridRow(r) : undefined;
    let invalid: Set<string> | undefined;
    for (let b = 0; b < plans.length; b++) {
      const plan = plans[b]!;
      const cell = raw !== undefined ? raw[plan.index] : cells![b];
      // isBlank(cell), then the quick parse: the cell and its value are read once.
      const v = cell == null ? null : cell.value;
      if (isBlankValue(v)) {
        if (plan.code === Q_BOOLEAN) {
          if (plan.blankIsFalse) store.set(b, at, false);
        } else if (plan.required) {
          issues.push({ ...requiredIssue(plan.col), row: r + 1 });
          (invalid || (invalid = new Set<string>())).add(plan.def.key);
        }
        continue;
      }
      const quick = typeof v === 'string' ? quickString(plan, v) : quickOther(plan, cell!, v!);
      if (quick !== SLOW) {
        store.set(b, at, quick);
        continue;
      }
      const col = plan.col;
      const def = plan.def;
      const out = parseCell(def, cell!, dates);
      if (out.issues.length > 0) for (const i of cellIssues(col, out.issues)) issues.push({ ...i, row: r + 1 });
      if (out.ok) store.set(b, at, out.value);
      else (invalid || (invalid = new Set<string>())).add(def.key);
    }
    rows[k] = store.row(r + 1, invalid ?? NO_INVALID) as ParsedRow<K>;
  }
  return rows;
}

/** The `cell/required` issue of a blank cell in a required column (its row added by the caller). */
function requiredIssue(col: BoundColumn): Omit<SheetIssue, 'row'> {
  return { ruleId: 'cell/required', messageId: 'default', data: { column: col.header }, col: col.index, header: col.header };
}

/** A cell's parse issues as sheet issues of its column (their row added by the caller). */
function cellIssues(col: BoundColumn, found: readonly CellIssue[]): Omit<SheetIssue, 'row'>[] {
  const out: Omit<SheetIssue, 'row'>[] = [];
  for (const i of found) {
    if (i.ruleId === 'cell/invalid-number' && col.def.invalidValueRule) continue; // the column's own rule reports it
    out.push({ ruleId: i.ruleId, messageId: i.messageId ?? 'default', data: { column: col.header, ...(i.data ?? {}) }, col: col.index, header: col.header, ...(i.suggestion ? { suggestion: i.suggestion } : {}) });
  }
  return out;
}

/** Whether every column of the table is stored as ids and a dictionary (a reader's ColumnarTable). */
function hasIdColumns(table: Table): boolean {
  const grid = table.grid;
  if (grid === undefined) return false;
  for (let c = 0; c < grid.columnCount; c++) if (grid.column(c) === undefined) return false;
  return true;
}

/** What parsing one distinct cell of a column gave, when it was not simply a value. */
interface CellTrouble {
  /** Issues as the row would get them, without the row number. */
  readonly issues: readonly Omit<SheetIssue, 'row'>[];
  readonly invalid: boolean;
}

/** IdColumn.state bits. */
const ID_BLANK = 1;
const ID_TROUBLED = 2;

/**
 * A bound column of a columnar table, parsed once per distinct cell: `decoded[id]` is the value
 * every row with that cell gets, `state[id]` whether it is blank or brings issues. The parsed
 * rows keep the table's ids and these values instead of a value per row (RowStore.ids/decoded).
 */
class IdColumn {
  readonly ids: Uint8Array | Uint16Array | Int32Array;
  readonly dict: ReadonlyArray<Cell | null>;
  readonly state: Uint8Array;
  readonly decoded: unknown[];
  readonly troubles = new Map<number, CellTrouble>();
  constructor(
    readonly plan: ColumnPlan,
    column: GridColumn | undefined,
    rowCount: number,
    private readonly dates: DateParseOptions,
  ) {
    // Every row needs an id: rows past a column's ids are empty (GridColumn), and so is a column
    // past the last one. The readers' columns are padded already; any other is padded here.
    this.ids = column !== undefined && column.ids.length >= rowCount ? column.ids : padIds(column?.ids, rowCount);
    this.dict = column?.cells ?? [null];
    this.state = new Uint8Array(this.dict.length);
    this.decoded = new Array<unknown>(this.dict.length).fill(undefined);
    // Every distinct cell parsed up front (a few thousand in a column of 100k rows; parsing has no
    // effect but its result), so a column none of whose cells brings an issue is never visited again.
    let troubled = false;
    for (let id = 0; id < this.dict.length; id++) {
      const state = this.parse(id);
      this.state[id] = state;
      if ((state & ID_TROUBLED) !== 0) troubled = true;
    }
    this.troubled = troubled;
  }

  /** Whether some cell of the column brings an issue or is unreadable. */
  readonly troubled: boolean;

  /** Parses cell `id` (its value into `decoded`, its issues into `troubles`): its state bits. */
  private parse(id: number): number {
    const plan = this.plan;
    const col = plan.col;
    const cell = this.dict[id] ?? null;
    const v = cell === null ? null : cell.value;
    let state = 0;
    if (isBlankValue(v)) {
      state |= ID_BLANK;
      if (plan.code === Q_BOOLEAN) {
        if (plan.blankIsFalse) this.decoded[id] = false;
      } else if (plan.required) {
        this.troubles.set(id, { issues: [requiredIssue(col)], invalid: true });
        state |= ID_TROUBLED;
      }
    } else {
      const quick = typeof v === 'string' ? quickString(plan, v) : quickOther(plan, cell!, v!);
      if (quick !== SLOW) this.decoded[id] = quick;
      else {
        const def = plan.def;
        const out = parseCell(def, cell!, this.dates);
        const issues = cellIssues(col, out.issues);
        if (out.ok) this.decoded[id] = out.value;
        if (issues.length > 0 || !out.ok) {
          this.troubles.set(id, { issues, invalid: !out.ok });
          state |= ID_TROUBLED;
        }
      }
    }
    return state;
  }
}

/** `ids` (none: an empty column) padded with 0 (the empty cell) to `length`. */
function padIds(ids: Uint8Array | Uint16Array | Int32Array | undefined, length: number): Uint8Array | Uint16Array | Int32Array {
  if (ids === undefined) return new Uint8Array(length);
  const out = new (ids.constructor as Uint8ArrayConstructor | Uint16ArrayConstructor | Int32ArrayConstructor)(length);
  out.set(ids.subarray(0, Math.min(ids.length, length)));
  return out;
}

/**
 * parseRowsInto for a table whose columns are all stored as ids (a reader's ColumnarTable), rows
 * `from` to `to` (0-based, end excluded): each distinct cell of a column is parsed once, and the
 * rows read their values through the table's ids. The same rows, values and issues (in the same
 * order) as parseRowsInto: rows parse independently and parseCell is pure.
 */
function parseColumnarRows<K extends SheetKind>(table: Table, from: number, to: number, bound: readonly BoundColumn[], dates: DateParseOptions, issues: SheetIssue[]): ParsedRow<K>[] {
  const grid = table.grid!;
  const columns = bound.map((col) => new IdColumn(new ColumnPlan(col), grid.column(col.index), to, dates));
  // The rows that are not blank in every bound column (an Int32Array: no growing list of 1m numbers).
  const kept = new Int32Array(Math.max(0, to - from));
  let keptCount = 0;
  for (let r = from; r < to; r++) {
    for (let b = 0; b < columns.length; b++) {
      const column = columns[b]!;
      if ((column.state[column.ids[r]!]! & ID_BLANK) === 0) {
        kept[keptCount++] = r;
        break;
      }
    }
  }
  const store = new RowStore(bound, table, 0, columns);
  // Only the columns with an issue somewhere are read row by row.
  const troubled = columns.filter((column) => column.troubled);
  const rows: ParsedRow<K>[] = new Array(keptCount);
  for (let at = 0; at < keptCount; at++) {
    const r = kept[at]!;
    let invalid: Set<string> | undefined;
    for (let b = 0; b < troubled.length; b++) {
      const column = troubled[b]!;
      const id = column.ids[r]!;
      if ((column.state[id]! & ID_TROUBLED) === 0) continue;
      const trouble = column.troubles.get(id)!;
      for (const i of trouble.issues) issues.push({ ...i, row: r + 1 });
      if (trouble.invalid) (invalid || (invalid = new Set<string>())).add(column.plan.def.key);
    }
    rows[at] = store.row(r + 1, invalid ?? NO_INVALID) as ParsedRow<K>;
  }
  return rows;
}

/** How a column's values are held: numbers (NaN = absent), booleans (0/1, 2 = absent), or anything. */
type ColumnKind = 'number' | 'boolean' | 'any';

function columnKind(def: ColumnDef): ColumnKind {
  switch (def.type) {
    case 'date':
    case 'datetime':
    case 'percent':
    case 'integer':
    case 'money':
    case 'number':
    case 'time':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'any';
  }
}

/**
 * Every column key of every sheet kind, numbered once: a row store's columns sit at their key's
 * number, so one row class serves every tab (below).
 */
const KEY_SLOTS: ReadonlyMap<string, number> = (() => {
  const out = new Map<string, number>();
  for (const kind of SHEET_KINDS) for (const def of kindDef(kind).columns) if (!out.has(def.key)) out.set(def.key, out.size);
  return out;
})();

/**
 * The row's own members: a column key with one of these names would hide them (or be hidden), so
 * columns.ts must never define one (checked here, when the module loads, and in
 * test/engine/row-store.test.ts).
 */
export const ROW_MEMBER_NAMES: readonly string[] = ['row', 'values', 'cells', 'invalid'];
for (const key of KEY_SLOTS.keys()) {
  if (ROW_MEMBER_NAMES.includes(key)) throw new Error(`rules/columns.ts: column key "${key}" clashes with a parsed row's own member`);
}

/** Absent, in a boolean column. */
const NO_BOOLEAN = 2;

/**
 * A parsed tab's values, column by column: a Float64Array per number column (NaN = absent), a
 * Uint8Array per boolean column (2 = absent) and an array per other column, indexed by the row's
 * place in the store. A tab of 100k rows is then not 100k values objects, 100k cells views and a
 * boxed number per date and rate: the engine benchmark spent much of its time allocating and
 * collecting those (docs/performance.md, issue 12). A number or boolean column that is ever
 * given something else (no parser does) becomes an array column, so nothing is ever lost.
 */
class RowStore {
  readonly numbers: (Float64Array | undefined)[] = [];
  readonly booleans: (Uint8Array | undefined)[] = [];
  readonly values: (unknown[] | undefined)[] = [];
  /** A columnar table's columns: row r's value at slot j is `decoded[j][ids[j][r]]` (rows are then placed by table row). */
  readonly ids: (Uint8Array | Uint16Array | Int32Array | undefined)[] = [];
  readonly decoded: (unknown[] | undefined)[] = [];
  /** Store slot of each bound column (by bound index). */
  private readonly slots: number[];
  readonly cellsView: CellsView;

  /**
   * `size`: how many rows the store holds; row `rowNo`'s values are at `rowNo - 1 - from`, or,
   * with `rowNos` (ascending), at its index there. A columnar store: every table row, from 0.
   */
  constructor(
    bound: readonly BoundColumn[],
    readonly table: Table,
    private readonly size: number,
    byId?: readonly IdColumn[],
    private readonly from = 0,
    private readonly rowNos?: Int32Array,
  ) {
    for (let j = 0; j < KEY_SLOTS.size; j++) {
      this.numbers.push(undefined);
      this.booleans.push(undefined);
      this.values.push(undefined);
      this.ids.push(undefined);
      this.decoded.push(undefined);
    }
    this.slots = bound.map((b) => KEY_SLOTS.get(b.def.key)!);
    for (let k = 0; k < bound.length; k++) {
      const j = this.slots[k]!;
      if (byId !== undefined) {
        this.ids[j] = byId[k]!.ids;
        this.decoded[j] = byId[k]!.decoded;
        continue;
      }
      const kind = columnKind(bound[k]!.def);
      if (kind === 'number') this.numbers[j] = new Float64Array(this.size).fill(NaN);
      else if (kind === 'boolean') this.booleans[j] = new Uint8Array(this.size).fill(NO_BOOLEAN);
      // Filled, so that the arrays stay packed (a write far past the end would make one sparse).
      else this.values[j] = new Array<unknown>(this.size).fill(undefined);
    }
    this.cellsView = cellsView(bound);
  }

  /** Sets bound column b of the row at `at`. */
  set(b: number, at: number, value: unknown): void {
    const j = this.slots[b]!;
    const numbers = this.numbers[j];
    if (numbers !== undefined) {
      if (typeof value === 'number' && value === value) {
        numbers[at] = value;
        return;
      }
      this.toValues(j);
    } else {
      const booleans = this.booleans[j];
      if (booleans !== undefined) {
        if (typeof value === 'boolean') {
          booleans[at] = value ? 1 : 0;
          return;
        }
        this.toValues(j);
      }
    }
    this.values[j]![at] = value;
  }

  /** Row `rowNo` (its values set or to be set at `atOf(rowNo)`). */
  row(rowNo: number, invalid: ReadonlySet<string>): ParsedRow {
    if (invalid.size > 0) (this.invalidRows ??= new Map()).set(rowNo, invalid);
    return new StoredRow(rowNo, this) as unknown as ParsedRow;
  }

  /** Where row `rowNo`'s values are (see the constructor). */
  atOf(rowNo: number): number {
    const rowNos = this.rowNos;
    if (rowNos === undefined) return rowNo - 1 - this.from;
    let lo = 0;
    let hi = rowNos.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rowNos[mid]! < rowNo) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The invalid keys of the store's rows that have any, by row number (few rows have). */
  private invalidRows: Map<number, ReadonlySet<string>> | undefined;

  invalidOf(rowNo: number): ReadonlySet<string> {
    return this.invalidRows?.get(rowNo) ?? NO_INVALID;
  }

  /** Turns column slot j into an array column (a value its typed array cannot hold). */
  private toValues(j: number): void {
    const numbers = this.numbers[j];
    const booleans = this.booleans[j];
    const out = new Array<unknown>(this.size).fill(undefined);
    for (let i = 0; i < this.size; i++) {
      if (numbers) {
        const x = numbers[i]!;
        out[i] = x !== x ? undefined : x;
      } else {
        const x = booleans![i]!;
        out[i] = x === NO_BOOLEAN ? undefined : x === 1;
      }
    }
    this.numbers[j] = undefined;
    this.booleans[j] = undefined;
    this.values[j] = out;
  }

}

const STORE = Symbol('row store');

/**
 * A parsed row: its row number and its store (40 bytes: its place in the store follows from its
 * row number, and its invalid keys, rarely any, are kept by the store). One class for every tab,
 * every store (columnar or not) and every run, with a getter per column key on its prototype, so
 * a rule reads `row.values.start` as before and every access site sees one shape (a class per tab would give each validation new
 * shapes and the rules' property caches would go megamorphic; a second class for columnar rows
 * deoptimised the rules whenever the suggestion post-pass brought rows of the other).
 * `row.values` is the row itself; `row.cells` is a view over the row's cells, made when asked for
 * (few rules read cells).
 */
class StoredRow {
  readonly row: number;
  readonly [STORE]: RowStore;
  constructor(row: number, store: RowStore) {
    this.row = row;
    this[STORE] = store;
  }
  get values(): this {
    return this;
  }
  /** Kept by the store: few rows have any. */
  get invalid(): ReadonlySet<string> {
    return this[STORE].invalidOf(this.row);
  }
  get cells(): Readonly<Record<string, Cell | undefined>> {
    const store = this[STORE];
    return new store.cellsView(store.table, this.row - 1);
  }
}

/** A row's value at slot j, whatever kind of column the slot is in its store. */
function storedValue(row: StoredRow, j: number): unknown {
  const store = row[STORE];
  const ids = store.ids[j];
  if (ids !== undefined) return store.decoded[j]![ids[store.atOf(row.row)]!];
  const numbers = store.numbers[j];
  if (numbers !== undefined) {
    const x = numbers[store.atOf(row.row)]!;
    return x !== x ? undefined : x;
  }
  const booleans = store.booleans[j];
  if (booleans !== undefined) {
    const x = booleans[store.atOf(row.row)]!;
    return x === NO_BOOLEAN ? undefined : x === 1;
  }
  const values = store.values[j];
  return values === undefined ? undefined : values[store.atOf(row.row)];
}

/**
 * The kind of column a key is in every sheet kind that has it, or 'mixed'. A key's getter first
 * tries the store array its kind uses (one load and a check, on the rules' hottest path), then
 * storedValue, which also serves columns an odd value turned into an array column.
 */
const KEY_KINDS: ReadonlyMap<string, ColumnKind | 'mixed'> = (() => {
  const out = new Map<string, ColumnKind | 'mixed'>();
  for (const kind of SHEET_KINDS) {
    for (const def of kindDef(kind).columns) {
      const k = columnKind(def);
      const seen = out.get(def.key);
      out.set(def.key, seen === undefined || seen === k ? k : 'mixed');
    }
  }
  return out;
})();

for (const [key, j] of KEY_SLOTS) {
  const kind = KEY_KINDS.get(key);
  const get =
    kind === 'number'
      ? function (this: StoredRow) {
          const store = this[STORE];
          const ids = store.ids[j];
          if (ids !== undefined) return store.decoded[j]![ids[store.atOf(this.row)]!];
          const numbers = store.numbers[j];
          if (numbers === undefined) return storedValue(this, j);
          const x = numbers[store.atOf(this.row)]!;
          return x !== x ? undefined : x;
        }
      : kind === 'any'
        ? function (this: StoredRow) {
            const store = this[STORE];
            const ids = store.ids[j];
            if (ids !== undefined) return store.decoded[j]![ids[store.atOf(this.row)]!];
            const values = store.values[j];
            return values === undefined ? storedValue(this, j) : values[store.atOf(this.row)];
          }
        : function (this: StoredRow) {
            return storedValue(this, j);
          };
  Object.defineProperty(StoredRow.prototype, key, { get, enumerable: true });
}

/**
 * A parsed row's values as a plain object (every bound key; undefined where blank or unreadable),
 * for tests and callers that compare or copy rows whole.
 * @example rowValues(sheet.rows[0], sheet) → { shopId: 'S1', start: 20089, … }
 */
export function rowValues<K extends SheetKind>(row: ParsedRow<K>, sheet: Pick<ParsedSheet<K>, 'columns'>): ValuesByKind[K] {
  const out: Record<string, unknown> = {};
  const v = row.values as Record<string, unknown>;
  for (const key of sheet.columns.keys()) out[key] = v[key];
  return out as ValuesByKind[K];
}

type CellsView = new (table: Table, r: number) => Readonly<Record<string, Cell | undefined>>;

const TABLE = Symbol('table');
const ROW_INDEX = Symbol('row index');

/**
 * A row's `cells` by column key, read through to the table instead of copied into an object per
 * row. One class per parsed tab, so every access site sees one shape. The keys are enumerable
 * getters on the prototype (`for…in` lists them; `Object.keys` does not — nothing reads `cells`
 * but by key).
 */
function cellsView(bound: readonly BoundColumn[]): CellsView {
  class RowCells {
    readonly [TABLE]: Table;
    readonly [ROW_INDEX]: number;
    constructor(table: Table, r: number) {
      this[TABLE] = table;
      this[ROW_INDEX] = r;
    }
  }
  for (const col of bound) {
    const index = col.index;
    Object.defineProperty(RowCells.prototype, col.def.key, {
      get(this: RowCells) {
        return tableCell(this[TABLE], this[ROW_INDEX], index) ?? undefined;
      },
      enumerable: true,
    });
  }
  return RowCells as unknown as CellsView;
}
