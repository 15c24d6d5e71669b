/**
 * A `Table` stored column by column: per column, the distinct cells it holds (its dictionary)
 * and, per row, the place of the row's cell in it (an id; 0 = empty), in the narrowest typed
 * array that fits (8, 16 or 32 bits). A contracts export repeats a few dates, rates and statuses
 * on every row, so a row costs about 26 bytes instead of an array of 16 cell pointers (176 bytes):
 * the 1,000,000-row bench file's model went from 223 MB to about 75 MB (docs/performance.md,
 * issue 12). `rows` is still there for the code that wants arrays (copies, tests): it is built
 * the first time it is read. The engine reads cells through `tableCell`/`tableRowCount` and the
 * parser reads ids and dictionaries directly (`CellGrid.column`), so a check never builds it.
 *
 * Pure: no Node or Apps Script API (the validator's TableBuilder and tests build these).
 */
import type { Cell, CellGrid, GridColumn, Table } from './model.js';

type Ids = Uint8Array | Uint16Array | Int32Array;

/** The narrowest id array that holds ids up to `maxId`, `length` long, with `from`'s ids copied. */
function idArray(maxId: number, length: number, from?: Ids): Ids {
  const out = maxId <= 0xff ? new Uint8Array(length) : maxId <= 0xffff ? new Uint16Array(length) : new Int32Array(length);
  if (from) out.set(from.length <= length ? from : from.subarray(0, length));
  return out;
}

/**
 * A column's dictionary is indexed (cell → id) up to this many entries; past it, a cell is added
 * unless it repeats the column's previous one. A column of mostly distinct cells (product ids)
 * then costs an id and a pointer per row, not a map entry per row while it is read.
 */
const INDEXED_CELLS = 65_536;

/** One column while a table is built: its ids so far, its dictionary, and the dictionary's index. */
class ColumnBuilder {
  ids: Ids = new Uint8Array(0);
  /** Entry 0 is the empty cell. */
  readonly cells: (Cell | null)[] = [null];
  private index: Map<Cell, number> | undefined = new Map();
  private lastCell: Cell | null = null;
  private lastId = 0;

  set(r: number, cell: Cell | null): void {
    let id = 0;
    if (cell !== null) {
      if (cell === this.lastCell) id = this.lastId;
      else {
        const known = this.index?.get(cell);
        if (known !== undefined) id = known;
        else {
          id = this.cells.length;
          this.cells.push(cell);
          if (this.index !== undefined) {
            if (this.index.size < INDEXED_CELLS) this.index.set(cell, id);
            else this.index = undefined;
          }
        }
        this.lastCell = cell;
        this.lastId = id;
      }
    }
    let ids = this.ids;
    if (r >= ids.length) {
      if (id === 0) return;
      // Doubling, from 1,024 rows: amortised O(1) per row.
      ids = this.ids = idArray(this.cells.length - 1, Math.max(1024, r + 1, ids.length * 2), ids);
    } else if ((id > 0xff && ids instanceof Uint8Array) || (id > 0xffff && ids instanceof Uint16Array)) {
      ids = this.ids = idArray(id, ids.length, ids);
    }
    ids[r] = id;
  }

  clear(r: number): void {
    if (r < this.ids.length) this.ids[r] = 0;
  }

  /** Rows with a cell: the last one + 1. */
  extent(): number {
    const ids = this.ids;
    let n = ids.length;
    while (n > 0 && ids[n - 1] === 0) n--;
    return n;
  }

  /** The column, its ids cut (or padded) to `rowCount` rows. */
  done(rowCount: number): GridColumn {
    this.index = undefined;
    this.lastCell = null;
    const ids = this.ids.length === rowCount ? this.ids : idArray(this.cells.length - 1, rowCount, this.ids);
    return { ids, cells: this.cells };
  }
}

/**
 * Collects cells in any order (the reader's `set`, a merged area's `clear`) and builds a
 * `ColumnarTable` whose `rows` equal what the array builder gave: row i is spreadsheet row
 * i + 1, gaps are null, empty rows are [], trailing empties are trimmed.
 * @example
 * const b = new ColumnarTableBuilder('加碼合約'); b.set(0, 0, makeCell('店家ID')); b.build().rows // [[{ value: '店家ID', text: '店家ID' }]]
 */
export class ColumnarTableBuilder {
  private readonly columns: (ColumnBuilder | undefined)[] = [];

  constructor(readonly name: string) {}

  /** Sets 0-based (r, c); both checked by the caller (within the sheet's grid). */
  set(r: number, c: number, cell: Cell | null): void {
    let col = this.columns[c];
    if (col === undefined) {
      if (cell === null) return;
      while (this.columns.length < c) this.columns.push(undefined);
      col = this.columns[c] = new ColumnBuilder();
    }
    col.set(r, cell);
  }

  /** Empties (r, c). */
  clear(r: number, c: number): void {
    this.columns[c]?.clear(r);
  }

  /** Rows that hold a cell (the last one + 1) and columns that do. */
  get rowExtent(): number {
    let n = 0;
    for (const col of this.columns) if (col) n = Math.max(n, col.ids.length);
    return n;
  }

  get columnExtent(): number {
    return this.columns.length;
  }

  build(): ColumnarTable {
    let rowCount = 0;
    for (const col of this.columns) if (col) rowCount = Math.max(rowCount, col.extent());
    let width = this.columns.length;
    const done: (GridColumn | undefined)[] = this.columns.map((col) => col?.done(rowCount));
    // A column left with no cell (every one cleared by a merge) is no column.
    while (width > 0 && (done[width - 1] === undefined || done[width - 1]!.ids.every((id) => id === 0))) width--;
    done.length = width;
    return new ColumnarTable(this.name, rowCount, done);
  }
}

const EMPTY_COLUMN: GridColumn = { ids: new Uint8Array(0), cells: [null] };

/** See the module comment. Never mutated once built. */
export class ColumnarTable implements Table, CellGrid {
  private materialized: ReadonlyArray<ReadonlyArray<Cell | null>> | undefined;
  private readonly cols: readonly GridColumn[];

  constructor(
    readonly name: string,
    readonly rowCount: number,
    columns: readonly (GridColumn | undefined)[],
  ) {
    this.cols = columns.map((c) => c ?? EMPTY_COLUMN);
  }

  get grid(): CellGrid {
    return this;
  }

  get columnCount(): number {
    return this.cols.length;
  }

  column(c: number): GridColumn | undefined {
    return this.cols[c];
  }

  cell(r: number, c: number): Cell | null {
    const col = this.cols[c];
    if (col === undefined || r < 0 || r >= col.ids.length) return null;
    return col.cells[col.ids[r]!]!;
  }

  /** Row r as the array builder gave it (trimmed, gaps null). */
  row(r: number): ReadonlyArray<Cell | null> {
    return gridRow(this, r);
  }

  /** Every row as an array: built once, when first asked for (copies, tests), never by a check. */
  get rows(): ReadonlyArray<ReadonlyArray<Cell | null>> {
    if (this.materialized === undefined) {
      const out: ReadonlyArray<Cell | null>[] = new Array(this.rowCount);
      for (let r = 0; r < this.rowCount; r++) out[r] = this.row(r);
      this.materialized = out;
    }
    return this.materialized;
  }

  /** Whether `rows` has been built (tests pin that a check never builds it). */
  get rowsBuilt(): boolean {
    return this.materialized !== undefined;
  }

  /** Plain data that survives a structured clone (a worker's answer); `fromData` rebuilds the table. */
  toData(): ColumnarTableData {
    return { columnar: 1, name: this.name, rowCount: this.rowCount, columns: this.cols };
  }

  static fromData(data: ColumnarTableData): ColumnarTable {
    return new ColumnarTable(data.name, data.rowCount, data.columns);
  }
}

export interface ColumnarTableData {
  readonly columnar: 1;
  readonly name: string;
  readonly rowCount: number;
  readonly columns: readonly GridColumn[];
}

/**
 * A table with a few rows replaced (the engine's suggested edits, SPEC §5.3): every other cell
 * is the base table's, and the replaced rows are known without comparing every row.
 */
export class EditedTable implements Table, CellGrid {
  private materialized: ReadonlyArray<ReadonlyArray<Cell | null | undefined>> | undefined;

  constructor(
    readonly base: Table,
    /** 0-based row → its new cells. */
    readonly replaced: ReadonlyMap<number, ReadonlyArray<Cell | null | undefined>>,
  ) {}

  get name(): string {
    return this.base.name;
  }

  get grid(): CellGrid {
    return this;
  }

  get rowCount(): number {
    let n = tableRowCount(this.base);
    for (const r of this.replaced.keys()) if (r >= n) n = r + 1;
    return n;
  }

  get columnCount(): number {
    let n = this.base.grid ? this.base.grid.columnCount : 0;
    if (!this.base.grid) for (const row of this.base.rows) n = Math.max(n, row.length);
    for (const row of this.replaced.values()) n = Math.max(n, row.length);
    return n;
  }

  /** Edited cells are not in a dictionary: the parser reads them one by one. */
  column(): GridColumn | undefined {
    return undefined;
  }

  cell(r: number, c: number): Cell | null {
    const row = this.replaced.get(r);
    if (row !== undefined) return row[c] ?? null;
    return tableCell(this.base, r, c);
  }

  get rows(): ReadonlyArray<ReadonlyArray<Cell | null | undefined>> {
    if (this.materialized === undefined) {
      // The base's rows one by one: its own `rows` (a columnar base's cache) is not built.
      const rows: ReadonlyArray<Cell | null | undefined>[] = new Array(this.rowCount);
      for (let r = 0; r < rows.length; r++) rows[r] = this.replaced.get(r) ?? tableRow(this.base, r);
      this.materialized = rows;
    }
    return this.materialized;
  }
}

/** How many rows a table has (`rows.length`, without building `rows`). */
export function tableRowCount(table: Table): number {
  return table.grid ? table.grid.rowCount : table.rows.length;
}

/** The cell at 0-based (r, c), or null (empty or outside), without building `rows`. */
export function tableCell(table: Table, r: number, c: number): Cell | null {
  const grid = table.grid;
  if (grid) return grid.cell(r, c);
  return table.rows[r]?.[c] ?? null;
}

/** Row r as an array (gaps null), without building every row. */
export function tableRow(table: Table, r: number): ReadonlyArray<Cell | null | undefined> {
  const grid = table.grid;
  return grid ? gridRow(grid, r) : (table.rows[r] ?? []);
}

/** Row r of a grid as an array, trimmed after its last cell, gaps null. */
function gridRow(grid: CellGrid, r: number): (Cell | null)[] {
  let width = grid.columnCount;
  while (width > 0 && grid.cell(r, width - 1) === null) width--;
  const out: (Cell | null)[] = new Array(width);
  for (let c = 0; c < width; c++) out[c] = grid.cell(r, c);
  return out;
}
