/**
 * Turns a recognised tab into typed rows: binds header cells to column definitions (reporting
 * missing, duplicate and unknown columns), then parses each cell by its column's type. Every
 * malformed cell becomes a `cell/*` issue; nothing here throws on user data.
 */
import type { Cell, CellValue, Table } from '../model.js';
import { a1 } from '../model.js';
import type { SheetKind, MessageData, Suggestion } from '../types.js';
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
  readonly values: ValuesByKind[K];
  /** Raw cells by column key. */
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
  if (!cell) return true;
  const v = cell.value;
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
        issues.push(...r.issues);
        if (r.ok) out.push({ day: r.value.day, text: item });
      }
      return { ok: true, value: out, issues };
    }
  }
}

/** quickValue's answer for a cell it leaves to parseCell. */
const SLOW: unique symbol = Symbol('parse the cell in full');

/**
 * The value parseCell gives the cell, for the usual cells that parse cleanly without any issue
 * (a text, a known enum or boolean spelling, a finite number, a percent-formatted fraction, a
 * date cell), without allocating an outcome; `SLOW` for every other cell, which parseCell then
 * parses (and reports). Every branch is parseCell's own path for that value, so the two agree.
 */
function quickValue(def: ColumnDef, cell: Cell): unknown {
  const v = cell.value;
  switch (def.type) {
    case 'text':
      return typeof v === 'string' ? v.trim() : SLOW;
    case 'enum': {
      if (typeof v !== 'string') return SLOW;
      const hit = lookupFor(def)(v);
      return hit === undefined ? SLOW : hit;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      if (typeof v !== 'string') return SLOW;
      const b = booleanFromText(v);
      return b === undefined ? SLOW : b;
    }
    case 'percent': {
      if (typeof v !== 'number' || !Number.isFinite(v) || !isPercentFormat(cell.format)) return SLOW;
      const p = cleanPercent(v * 100);
      return p >= 0 && p <= 100 ? p : SLOW;
    }
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? v : SLOW;
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : SLOW;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : SLOW;
    case 'date':
    case 'datetime': {
      if (typeof v !== 'object' || v === null || v.type !== 'date' || !Number.isFinite(v.wall)) return SLOW;
      // parseDateValue's date cell: its day and its seconds (always given, so dateOnly never applies).
      const day = Math.floor(v.wall / MS_PER_DAY);
      if (def.type === 'date') return day;
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
  const columns = bindColumns(kind, table.rows[headerIndex] ?? [], headerRow, issues);
  const bound = [...columns.values()];
  const view = cellsView(bound);
  const blank = blankValues(bound);
  const rows: ParsedRow<K>[] = [];
  for (let r = headerIndex + 1; r < table.rows.length; r++) {
    const row = parseRow<K>(table.rows[r] ?? [], r + 1, bound, view, blank, dates, issues);
    if (row) rows.push(row);
  }
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
  const view = cellsView(bound);
  const blank = blankValues(bound);
  const rows: ParsedRow<K>[] = [];
  const issues: SheetIssue[] = [];
  for (const r of [...changed].sort((a, b) => a - b)) {
    const row = parseRow<K>(edited.rows[r] ?? [], r + 1, bound, view, blank, dates, issues);
    if (row) rows.push(row);
  }
  return { rows, issues };
}

/** One row's values, or undefined for a row blank in every bound column; its issues go to `issues`. */
function parseRow<K extends SheetKind>(raw: ReadonlyArray<Cell | null | undefined>, rowNo: number, bound: readonly BoundColumn[], view: CellsView, blank: Readonly<Record<string, undefined>>, dates: DateParseOptions, issues: SheetIssue[]): ParsedRow<K> | undefined {
  let blankRow = true;
  for (let i = 0; i < bound.length; i++) {
    if (!isBlank(raw[bound[i]!.index])) {
      blankRow = false;
      break;
    }
  }
  if (blankRow) return undefined;
  const values: Record<string, unknown> = { ...blank };
  let invalid: Set<string> | undefined;
  for (let b = 0; b < bound.length; b++) {
    const col = bound[b]!;
    const cell = raw[col.index] ?? undefined;
    if (isBlank(cell)) {
      if (col.def.type === 'boolean') {
        // SPEC §4.5: a blank boolean is "no" — except where blank has its own meaning (partnerPlan: infer).
        if (col.def.key !== 'partnerPlan') values[col.def.key] = false;
      } else if (col.def.required) {
        issues.push({ ruleId: 'cell/required', messageId: 'default', data: { column: col.header }, row: rowNo, col: col.index, header: col.header });
        (invalid || (invalid = new Set<string>())).add(col.def.key);
      }
      continue;
    }
    const quick = quickValue(col.def, cell!);
    if (quick !== SLOW) {
      values[col.def.key] = quick;
      continue;
    }
    const out = parseCell(col.def, cell!, dates);
    if (out.issues.length > 0) for (const i of out.issues) {
      if (i.ruleId === 'cell/invalid-number' && col.def.invalidValueRule) continue; // the column's own rule reports it
      issues.push({ ruleId: i.ruleId, messageId: i.messageId ?? 'default', data: { column: col.header, ...(i.data ?? {}) }, row: rowNo, col: col.index, header: col.header, ...(i.suggestion ? { suggestion: i.suggestion } : {}) });
    }
    if (out.ok) values[col.def.key] = out.value;
    else (invalid || (invalid = new Set<string>())).add(col.def.key);
  }
  return { row: rowNo, values: values as ValuesByKind[K], cells: new view(raw), invalid: invalid ?? NO_INVALID };
}

/**
 * Every bound key, undefined, in column order: each row's values start as a copy of it, so every
 * row of a tab has one shape (the rules read \`row.values.x\` at sites that then see one shape,
 * not dozens: rows differ in which cells are blank) and no property is added row by row. A blank
 * or unreadable cell's key holds undefined, as reading a missing key gives.
 */
function blankValues(bound: readonly BoundColumn[]): Readonly<Record<string, undefined>> {
  const out: Record<string, undefined> = {};
  for (const col of bound) out[col.def.key] = undefined;
  return out;
}

type CellsView = new (raw: ReadonlyArray<Cell | null | undefined>) => Readonly<Record<string, Cell | undefined>>;

const RAW = Symbol('raw cells');

/**
 * A row's `cells` by column key, read through to the row's cell array instead of copied into an
 * object per row (one small object per row instead of one property per bound column: the 100k-row
 * engine benchmark spends much of its time allocating and collecting). One class per parsed tab,
 * so every access site sees one shape. The keys are enumerable getters on the prototype
 * (`for…in` lists them; `Object.keys` does not — nothing reads `cells` but by key).
 */
function cellsView(bound: readonly BoundColumn[]): CellsView {
  class RowCells {
    readonly [RAW]: ReadonlyArray<Cell | null | undefined>;
    constructor(raw: ReadonlyArray<Cell | null | undefined>) {
      this[RAW] = raw;
    }
  }
  for (const col of bound) {
    const index = col.index;
    Object.defineProperty(RowCells.prototype, col.def.key, {
      get(this: RowCells) {
        return this[RAW][index] ?? undefined;
      },
      enumerable: true,
    });
  }
  return RowCells as unknown as CellsView;
}
