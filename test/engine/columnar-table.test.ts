import { describe, it, expect } from 'vitest';
import { ColumnarTable, ColumnarTableBuilder, EditedTable, makeCell, tableCell, tableFromValues, tableRow, tableRowCount, validateWorkbook, type Cell } from '../../rules/index.js';
import { mulberry32 } from '../../bench/generate.js';

// rules/columnar-table.ts: the readers' table keeps an id per cell and a dictionary per column
// instead of an array of cell pointers per row. These tests pin that its `rows` are exactly what
// the array builder gave (the shape every reader promises), that ids widen past 8 and 16 bits,
// and that a check reads cells without ever building `rows`.

/** The array builder the readers used before: the reference for `rows`. */
function arrayRows(ops: readonly ['set', number, number, Cell | null][] | readonly (['set', number, number, Cell | null] | ['clear', number, number])[]): (Cell | null)[][] {
  const rows: ((Cell | null)[] | undefined)[] = [];
  for (const op of ops) {
    const [what, r, c] = op;
    if (what === 'clear') {
      const row = rows[r];
      if (row && row[c]) row[c] = null;
      continue;
    }
    const cell = op[3] as Cell | null;
    let row = rows[r];
    if (!row) {
      if (cell === null) continue;
      row = rows[r] = [];
    }
    row[c] = cell;
  }
  const out: (Cell | null)[][] = [];
  let last = -1;
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r];
    let width = src ? src.length : 0;
    while (width > 0 && !src![width - 1]) width--;
    const row: (Cell | null)[] = [];
    for (let c = 0; c < width; c++) row.push(src![c] ?? null);
    out.push(row);
    if (width > 0) last = r;
  }
  out.length = last + 1;
  return out;
}


describe('ColumnarTableBuilder', () => {
  it('gives the rows the array builder gave: gaps null, empty rows [], trailing empties trimmed', () => {
    const a = makeCell('a');
    const b = makeCell(2);
    const builder = new ColumnarTableBuilder('t');
    builder.set(0, 0, a);
    builder.set(0, 3, b);
    builder.set(2, 1, a);
    builder.set(3, 5, b);
    builder.set(3, 5, null); // emptied again: row 4 is empty
    builder.set(6, 0, null); // beyond every row: nothing
    const table = builder.build();
    expect(table.rows).toEqual([[a, null, null, b], [], [null, a]]);
    expect(table.rowCount).toBe(3);
    expect(tableRowCount(table)).toBe(3);
    expect(tableCell(table, 0, 3)).toBe(b);
    expect(tableCell(table, 0, 2)).toBeNull();
    expect(tableCell(table, 9, 9)).toBeNull();
    expect(tableRow(table, 2)).toEqual([null, a]);
    expect(tableRow(table, 1)).toEqual([]);
  });

  it('matches the array builder for random sets and clears in any order', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = mulberry32(seed);
      const pool = Array.from({ length: 1 + Math.floor(next() * 600) }, (_, i) => makeCell(i % 3 === 0 ? `s${i}` : i));
      const ops: (['set', number, number, Cell | null] | ['clear', number, number])[] = [];
      const n = Math.floor(next() * 3000);
      for (let k = 0; k < n; k++) {
        const r = Math.floor(next() * 300);
        const c = Math.floor(next() * 12);
        const x = next();
        if (x < 0.1) ops.push(['clear', r, c]);
        else ops.push(['set', r, c, x < 0.2 ? null : pool[Math.floor(next() * pool.length)]!]);
      }
      const builder = new ColumnarTableBuilder('t');
      for (const op of ops) {
        if (op[0] === 'clear') builder.clear(op[1], op[2]);
        else builder.set(op[1], op[2], op[3]);
      }
      const table = builder.build();
      const expected = arrayRows(ops);
      expect(table.rows, `seed ${seed}`).toEqual(expected);
      for (let r = 0; r < expected.length; r++) expect(tableRow(table, r)).toEqual(expected[r]);
    }
  });

  it('shares one id per equal cell and widens the ids past 255 and 65,535 distinct cells', () => {
    const builder = new ColumnarTableBuilder('t');
    const cells = Array.from({ length: 70_000 }, (_, i) => makeCell(i));
    const repeated = makeCell('same');
    for (let r = 0; r < 70_000; r++) {
      builder.set(r, 0, cells[r]!);
      builder.set(r, 1, repeated);
      builder.set(r, 2, cells[r % 300]!);
    }
    const table = builder.build();
    expect(table.column(0)!.ids).toBeInstanceOf(Int32Array);
    expect(table.column(1)!.ids).toBeInstanceOf(Uint8Array);
    expect(table.column(1)!.cells).toEqual([null, repeated]);
    expect(table.column(2)!.ids).toBeInstanceOf(Uint16Array);
    expect(table.column(2)!.cells.length).toBe(301);
    for (const r of [0, 254, 255, 256, 65_534, 65_535, 65_536, 69_999]) {
      expect(tableCell(table, r, 0)).toBe(cells[r]);
      expect(tableCell(table, r, 1)).toBe(repeated);
      expect(tableCell(table, r, 2)).toBe(cells[r % 300]);
    }
    expect(table.rowCount).toBe(70_000);
  });

  it('survives a structured clone as data (a worker answer)', () => {
    const a = makeCell('a');
    const builder = new ColumnarTableBuilder('t');
    builder.set(0, 0, a);
    builder.set(1, 2, a);
    const table = builder.build();
    const copy = ColumnarTable.fromData(structuredClone(table.toData()));
    expect(copy.rows).toEqual(table.rows);
    expect(copy.name).toBe('t');
    // Shared cells stay shared in the clone.
    expect(tableCell(copy, 0, 0)).toBe(tableCell(copy, 1, 2));
  });
});

describe('EditedTable', () => {
  it('replaces a few rows and reads every other cell from its base', () => {
    const base = new ColumnarTableBuilder('t');
    const a = makeCell('a');
    const b = makeCell('b');
    base.set(0, 0, a);
    base.set(1, 0, a);
    base.set(1, 1, b);
    const table = base.build();
    const edited = new EditedTable(table, new Map([[1, [b]]]));
    expect(edited.name).toBe('t');
    expect(tableCell(edited, 0, 0)).toBe(a);
    expect(tableCell(edited, 1, 0)).toBe(b);
    expect(tableCell(edited, 1, 1)).toBeNull();
    expect(edited.rows).toEqual([[a], [b]]);
    expect(table.rowsBuilt).toBe(false);
  });

  it('works over a plain table too', () => {
    const table = tableFromValues('t', [['x', 'y'], ['z']]);
    const edited = new EditedTable(table, new Map([[3, [makeCell('w')]]]));
    expect(tableRowCount(edited)).toBe(4);
    expect(edited.rows.map((r) => r.map((c) => c?.text ?? null))).toEqual([['x', 'y'], ['z'], [], ['w']]);
  });
});

describe('a check on a columnar table', () => {
  it('never builds its rows, and reports as on the same table of arrays', () => {
    const plain = tableFromValues('加碼合約', [
      ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%', '審核狀態'],
      ['S1', '活動加碼', '5/1_加碼5%', '2026/05/01 00:00:00', '2026/05/01 23:59:59', 'normal', '2%', '5%', '-1', '8%', '2%', ''],
      ['S1', '活動加碼', '5/1★加碼5%', '2026/05/01 00:00:00', '2026/05/01 23:59:59', 'normal', '2%', '5%', '-1', '8%', '3%', ''],
      ['S2', '活動加碼', '', 'not a date', '2026/05/02 12:30:00', '3c', 0.015, 0.04, 1000, 0.15, '1%', ''],
    ]);
    const builder = new ColumnarTableBuilder(plain.name);
    plain.rows.forEach((row, r) => row.forEach((cell, c) => builder.set(r, c, cell ?? null)));
    const columnar = builder.build();
    const opts = { today: '2026-03-20' };
    const expected = validateWorkbook({ tables: [plain] }, opts);
    expect(expected.violations.length).toBeGreaterThan(3);
    expect(validateWorkbook({ tables: [columnar] }, opts)).toEqual(expected);
    expect(columnar.rowsBuilt).toBe(false);
  });
});
