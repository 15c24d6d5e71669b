/**
 * Collects a sheet's cells in any order and produces the model's `Table`: row i is spreadsheet
 * row i + 1, column j is column j + 1, gaps are null (empty rows are []), and trailing empties
 * are trimmed so every reader (.xlsx, CSV) yields the same shape for the same data.
 */
import type { Cell } from '../../rules/model';
import { ColumnarTableBuilder, type ColumnarTable } from '../../rules/columnar-table';

/** Excel's grid limits; anything beyond is a malformed file, not data. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A structural problem in a workbook that makes it unreadable (not a bug in the reader). */
export class MalformedWorkbookError extends Error {
  override readonly name = 'MalformedWorkbookError';
}

/**
 * The readers' builder: checks each address against Excel's grid and keeps the cells column by
 * column (`ColumnarTableBuilder`, rules/columnar-table.ts: an id per cell instead of an array of
 * cell pointers per row).
 */
export class TableBuilder {
  private readonly cells: ColumnarTableBuilder;

  constructor(readonly name: string) {
    this.cells = new ColumnarTableBuilder(name);
  }

  set(rowIndex: number, colIndex: number, cell: Cell | null): void {
    if (!(rowIndex >= 0 && rowIndex < MAX_ROWS && colIndex >= 0 && colIndex < MAX_COLUMNS)) {
      throw new MalformedWorkbookError(`sheet "${this.name}": cell (${rowIndex + 1}, ${colIndex + 1}) lies outside Excel's grid`);
    }
    this.cells.set(rowIndex, colIndex, cell);
  }

  /**
   * Empties every cell of a merged range except its top-left (master) cell, where the value
   * of a merged area lives; visits only the part of the range that holds cells, so a huge range
   * costs nothing.
   */
  clearMergedSlaves(top: number, left: number, bottom: number, right: number): void {
    const lastRow = Math.min(bottom, this.cells.rowExtent - 1);
    const lastCol = Math.min(right, this.cells.columnExtent - 1);
    for (let c = left; c <= lastCol; c++) {
      for (let r = top; r <= lastRow; r++) if (r !== top || c !== left) this.cells.clear(r, c);
    }
  }

  build(): ColumnarTable {
    return this.cells.build();
  }
}

/** `C4` → { row: 3, col: 2 } (0-based); null when it is not an A1 reference. */
export function decodeA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `A3:XFD1048576` → 0-based bounds; a single cell `B2` is a 1×1 range; null when malformed. */
export function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(':');
  const p = decodeA1(a);
  const q = decodeA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
