import { describe, it, expect } from 'vitest';
import { ColumnarTable, ColumnarTableBuilder, makeCell, SHEET_KIND_DEFS, validateWorkbook, type Cell, type CellValue, type Table } from '../../rules/index.js';
import { parseSheet, rowValues, type ParsedSheet } from '../../rules/sheet/parse.js';
import { yearForCampaign } from '../../rules/engine/validate.js';
import { DEFAULT_CAMPAIGN } from '../../rules/campaign/campaign.js';
import { mulberry32 } from '../../bench/generate.js';

// A reader's columnar table is parsed once per distinct cell of a column (parse.ts,
// parseColumnarRows) and its rows read their values through the table's ids (IdRow). Rows parse
// independently and parseCell is pure, so a columnar table must give exactly what the same cells
// in row arrays give: the same rows, values, invalid keys and issues in the same order, and the
// same report. Random tabs of every sheet kind, from a pool of awkward cells, shared between
// rows as a reader shares them.

const dates = { yearFor: yearForCampaign(DEFAULT_CAMPAIGN) };
const wall = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

/** Cells any column may get: blanks, spellings, numbers in formats, dates, errors, junk. */
const POOL: readonly Cell[] = [
  makeCell(''),
  makeCell('   '),
  makeCell('\u3000'),
  makeCell('是'),
  makeCell('否'),
  makeCell('通過'),
  makeCell('待審核'),
  makeCell('活動加碼'),
  makeCell('單品加碼'),
  makeCell('normal'),
  makeCell(' 3c '),
  makeCell('5%'),
  makeCell('15%'),
  makeCell('abc'),
  makeCell('goodday_food'),
  makeCell('bloom-beauty'),
  makeCell('2026/05/01'),
  makeCell('2026/05/01 00:00:00'),
  makeCell('5/1_加碼5%'),
  makeCell('5/1★加碼5%'),
  makeCell('a@example.com'),
  makeCell('not an email'),
  makeCell('https://shopping.line.me/x'),
  makeCell('-1'),
  makeCell('1,000'),
  makeCell(0.05, '5%', '0%'),
  makeCell(0.15, '15%', '0.00%'),
  makeCell(1.5, '150%', '0%'),
  makeCell(5),
  makeCell(-3),
  makeCell(1000),
  makeCell(2.5),
  makeCell(true),
  makeCell(false),
  makeCell({ type: 'date', wall: wall(2026, 5, 1) } as CellValue, '2026/5/1', 'yyyy/m/d'),
  makeCell({ type: 'date', wall: wall(2026, 5, 1, 12) } as CellValue, '2026/5/1 12:00:00', 'yyyy/m/d hh:mm:ss'),
  makeCell({ type: 'date', wall: wall(2026, 4, 3) } as CellValue, '2026/4/3', 'yyyy/m/d'),
  makeCell({ type: 'error', error: '#N/A' }),
  makeCell(46143, '46143'),
];


/** The same cells (the same objects) as row arrays and as a columnar table. */
function bothTables(name: string, rows: readonly (readonly (Cell | null)[])[]): { plain: Table; columnar: Table } {
  const builder = new ColumnarTableBuilder(name);
  rows.forEach((row, r) => row.forEach((cell, c) => builder.set(r, c, cell)));
  const columnar = builder.build();
  // The plain table in the readers' shape (trimmed, gaps null), so only the storage differs.
  return { plain: { name, rows: columnar.rows.map((row) => row.slice()) }, columnar };
}

function parsedFacts(sheet: ParsedSheet) {
  return {
    columns: [...sheet.columns.keys()],
    rows: sheet.rows.map((r) => ({ row: r.row, values: rowValues(r, sheet), invalid: [...r.invalid].sort(), cells: Object.fromEntries([...sheet.columns.keys()].map((k) => [k, r.cells[k]])) })),
    issues: sheet.issues,
  };
}

describe('a columnar table parses as the same cells in row arrays', () => {
  for (const def of SHEET_KIND_DEFS) {
    it(`${def.kind}: random tabs`, () => {
      for (let seed = 1; seed <= 25; seed++) {
        const next = mulberry32(seed * 7919 + def.kind.length);
        const headers = def.columns.filter(() => next() < 0.85).map((c) => makeCell(c.zh));
        if (headers.length === 0) headers.push(makeCell(def.columns[0]!.zh));
        const rows: (Cell | null)[][] = [headers];
        const n = 1 + Math.floor(next() * 60);
        for (let r = 0; r < n; r++) {
          const blankRow = next() < 0.1;
          // Some rows are shorter than the header; some cells are missing.
          const width = next() < 0.2 ? Math.floor(next() * headers.length) : headers.length;
          rows.push(Array.from({ length: width }, () => (blankRow || next() < 0.1 ? null : POOL[Math.floor(next() * POOL.length)]!)));
        }
        const { plain, columnar } = bothTables(def.names[0]!, rows);
        const a = parseSheet(plain, def.kind, 0, dates);
        const b = parseSheet(columnar, def.kind, 0, dates);
        expect(parsedFacts(b), `${def.kind} seed ${seed}`).toEqual(parsedFacts(a));
        expect(validateWorkbook({ tables: [columnar] }, { today: '2026-03-20' }), `${def.kind} seed ${seed}`).toEqual(validateWorkbook({ tables: [plain] }, { today: '2026-03-20' }));
      }
    });
  }

  it('reports the same issues row by row when one cell repeats on many rows', () => {
    // One unreadable percent shared by 50 rows: its issue is parsed once and given to every row.
    const bad = makeCell('abc');
    const header = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%'].map((h) => makeCell(h));
    const row = ['S1', '活動加碼', '', '2026/05/01 00:00:00', '2026/05/01 23:59:59', 'normal', '2%', '5%', '-1', '8%'].map((v) => makeCell(v));
    const rows: (Cell | null)[][] = [header];
    for (let i = 0; i < 50; i++) rows.push([...row, bad]);
    const { plain, columnar } = bothTables('加碼合約', rows);
    const a = parseSheet(plain, 'contracts', 0, dates);
    const b = parseSheet(columnar, 'contracts', 0, dates);
    const invalidVendorBonus = b.issues.filter((i) => i.col === 10);
    expect(invalidVendorBonus.map((i) => i.row)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(b.rows.every((r) => r.invalid.has('vendorBonus'))).toBe(true);
    expect(parsedFacts(b)).toEqual(parsedFacts(a));
  });

  it('reads rows past a column\'s ids as empty, as the table does (a column shorter than the table)', () => {
    // Built by hand, not by the readers' builder (which pads every column): rows past a column's
    // ids are empty (GridColumn), and the rows that do have ids keep their cells.
    const [shopHeader, typeHeader, s1] = [makeCell('商店代碼'), makeCell('合約類型'), makeCell('S1')];
    const table = new ColumnarTable('加碼合約', 3, [
      { ids: Uint8Array.of(1, 2), cells: [null, shopHeader, s1] },
      { ids: Uint8Array.of(1, 0, 0), cells: [null, typeHeader] },
    ]);
    const plain = { name: table.name, rows: table.rows.map((row) => row.slice()) };
    expect(plain.rows).toEqual([[shopHeader, typeHeader], [s1], []]);
    const a = parseSheet(plain, 'contracts', 0, dates);
    const b = parseSheet(table, 'contracts', 0, dates);
    expect(b.rows.map((r) => [r.row, r.values.shopId])).toEqual([[2, 'S1']]);
    expect(parsedFacts(b)).toEqual(parsedFacts(a));
  });
});
