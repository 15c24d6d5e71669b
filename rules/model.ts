/**
 * The workbook model the rules engine reads. Adapters (validator/read for exceljs and CSV,
 * addon/server for the Apps Script spreadsheet service) turn their cells into this shape; the engine never sees a
 * library object.
 *
 * Times are Asia/Taipei wall-clock values stored as "wall milliseconds": the number
 * `Date.UTC(y, m - 1, d, h, mi, s)` for the wall-clock reading y-m-d h:mi:s. Only `getUTC*`
 * and integer arithmetic touch them, so the host's TZ never matters.
 */

/** A date cell's value: wall-clock milliseconds (see above). */
export interface DateValue {
  readonly type: 'date';
  readonly wall: number;
}

/** A formula whose result is an error (#N/A, #REF!, #VALUE! …). */
export interface ErrorValue {
  readonly type: 'error';
  readonly error: string;
}

/**
 * A cell's raw value. Rich text arrives joined into a string; a formula arrives as its result.
 * `null` is an empty cell.
 */
export type CellValue = string | number | boolean | null | DateValue | ErrorValue;

/**
 * A cell's content. Where it is is where it sits in `Table.rows` (row i, column j): a cell does
 * not know its own address, so equal cells can be one object. The .xlsx and CSV readers share
 * them (a contracts export repeats a few dates, rates and statuses on every row: one object per
 * distinct content instead of one per cell) and store a tab as a `ColumnarTable`
 * (rules/columnar-table.ts: an id per cell, a dictionary per column). Cells are never mutated.
 */
export interface Cell {
  /** Raw value (a formula's cached result). */
  readonly value: CellValue;
  /** What the user sees (display text); '' when unknown or empty. */
  readonly text: string;
  /** Number format code where known (e.g. `yyyy/m/d hh:mm:ss`, `0%`, or a built-in id as `#27`). */
  readonly format?: string;
}

/**
 * One tab. `rows[i][j]` is spreadsheet row i + 1, column j + 1; missing or empty cells may be
 * `null`/`undefined` (rows may be ragged).
 */
export interface Table {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | null | undefined>>;
  /**
   * The same cells without row arrays, where the table keeps them so (the .xlsx and CSV reader's
   * `ColumnarTable`, the engine's edited copies): the engine reads cells through it
   * (`tableCell`, `tableRowCount` in rules/columnar-table.ts) and never builds `rows`.
   */
  readonly grid?: CellGrid;
}

/** A table's cells by 0-based row and column, without row arrays. */
export interface CellGrid {
  /** `rows.length`. */
  readonly rowCount: number;
  /** The widest row's length (or more). */
  readonly columnCount: number;
  /** The cell at (r, c); null when empty or outside the table. */
  cell(r: number, c: number): Cell | null;
  /** Column c as ids and their cells, where the grid stores it so (the parser reads it directly). */
  column(c: number): GridColumn | undefined;
}

/**
 * One column of a columnar table: `cells[ids[r]]` is row r's cell; id 0 is the empty cell
 * (`cells[0]` is null); rows past `ids.length` are empty. Equal cells share one id.
 */
export interface GridColumn {
  readonly ids: Uint8Array | Uint16Array | Int32Array;
  readonly cells: ReadonlyArray<Cell | null>;
}

export interface Workbook {
  readonly tables: readonly Table[];
}

/** Column index (0-based) → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based row and column → A1 address: (3, 2) → `C4`. */
export function a1(rowIndex: number, colIndex: number): string {
  return columnLetters(colIndex) + String(rowIndex + 1);
}

/** Builds a cell; convenient for adapters and tests. */
export function makeCell(value: CellValue, text?: string, format?: string): Cell {
  const t = text ?? displayText(value);
  return format === undefined ? { value, text: t } : { value, text: t, format };
}

/** A plain display text for a raw value, used when the source gives none. */
export function displayText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value.type === 'error') return value.error;
  const d = new Date(value.wall);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs === 0 ? date : `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * Builds a table from plain values (strings, numbers, booleans, null, DateValue, ErrorValue),
 * row by row. Used by tests and by adapters whose source has no display text.
 */
export function tableFromValues(name: string, rows: ReadonlyArray<ReadonlyArray<CellValue | Cell>>): Table {
  return {
    name,
    rows: rows.map((row) => row.map((v) => (isCell(v) ? v : v === null ? null : makeCell(v)))),
  };
}

function isCell(v: CellValue | Cell): v is Cell {
  return typeof v === 'object' && v !== null && 'value' in v;
}
