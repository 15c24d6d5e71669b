/**
 * Collects a sheet's cells in any order and produces the model's `Table`: row i is spreadsheet
 * row i + 1, column j is column j + 1, gaps are null (empty rows are []), and trailing empties
 * are trimmed so every reader (full, streaming, CSV) yields the same shape for the same data.
 */
import type { Cell, Table } from '../../rules/model';

/** Excel's grid limits; anything beyond is a malformed file, not data. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A structural problem in a workbook that makes it unreadable (not a bug in the reader). */
export class MalformedWorkbookError extends Error {
  override readonly name = 'MalformedWorkbookError';
}

export class TableBuilder {
  private readonly rows: Array<Array<Cell | null> | undefined> = [];

  constructor(readonly name: string) {}

  set(rowIndex: number, colIndex: number, cell: Cell | null): void {
    if (!(rowIndex >= 0 && rowIndex < MAX_ROWS && colIndex >= 0 && colIndex < MAX_COLUMNS)) {
      throw new MalformedWorkbookError(`sheet "${this.name}": cell (${rowIndex + 1}, ${colIndex + 1}) lies outside Excel's grid`);
    }
    let row = this.rows[rowIndex];
    if (!row) {
      if (cell === null) return;
      row = this.rows[rowIndex] = [];
    }
    row[colIndex] = cell;
  }

  /**
   * Empties every cell of a merged range except its top-left (master) cell, where the value
   * of a merged area lives; visits only cells that exist, so a huge range costs nothing.
   */
  clearMergedSlaves(top: number, left: number, bottom: number, right: number): void {
    const lastRow = Math.min(bottom, this.rows.length - 1);
    for (let r = top; r <= lastRow; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const lastCol = Math.min(right, row.length - 1);
      for (let c = left; c <= lastCol; c++) {
        if ((r !== top || c !== left) && row[c]) row[c] = null;
      }
    }
  }

  build(): Table {
    const out: Array<Array<Cell | null>> = [];
    let lastNonEmpty = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const src = this.rows[r];
      let width = src ? src.length : 0;
      while (width > 0 && !src![width - 1]) width--;
      // The row arrays are trimmed and their gaps filled in place, not copied: at 100k rows a
      // copy is 100k arrays more at the moment memory peaks. The builder is done with them.
      let row: Array<Cell | null>;
      if (src && width > 0) {
        src.length = width;
        for (let c = 0; c < width; c++) if (src[c] === undefined) src[c] = null;
        row = src;
      } else row = [];
      out.push(row);
      if (width > 0) lastNonEmpty = r;
    }
    out.length = lastNonEmpty + 1;
    return { name: this.name, rows: out };
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
