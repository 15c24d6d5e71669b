/**
 * The LibreOffice fixture workbook, read with exceljs, in two independent forms:
 *
 * - `grids(timeZone)`: what Google Sheets would hand the add-on if the same workbook lived in a
 *   spreadsheet set to `timeZone` — date cells as the instants whose reading in that zone is the
 *   cell's wall clock, display texts, number formats;
 * - `model()`: the rules' workbook model built straight from exceljs (dates as wall ms, never via
 *   an instant), i.e. what the CLI engine validates.
 *
 * Comparing the add-on's report on the first with validateWorkbook on the second checks the whole
 * adapter (time zones included) against the engine.
 */
import ExcelJS from 'exceljs';
import { makeCell, type Cell, type CellValue, type Table, type Workbook } from '../../../rules/index.js';
import { instantOfWall, type GridInput } from '../fakes/gas.js';

import { PARTNER_WORKBOOK_XLSX } from '../../helpers/partner-workbook.js';

/** The LibreOffice fixture, in `../shared` beside the repo. */
export const PARTNER_WORKBOOK = PARTNER_WORKBOOK_XLSX;

/** What Google Sheets reports as the number format of an unformatted cell. */
export const SHEETS_GENERAL = '0.###############';

interface RawCell {
  value: CellValue;
  display: string;
  format: string;
}

function joinRich(v: { richText: { text?: unknown }[] }): string {
  return v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

function rawValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  // exceljs: a Date carries the wall clock in its UTC fields.
  if (v instanceof Date) return { type: 'date', wall: Math.round(v.getTime() / 1000) * 1000 };
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return joinRich(o as { richText: { text?: unknown }[] }) || null;
  if ('formula' in o || 'sharedFormula' in o) return rawValue(o.result);
  if (typeof o.error === 'string') return { type: 'error', error: o.error };
  if ('text' in o) return rawValue(o.text);
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text Google Sheets would show for a value with a format (the formats the fixture uses). */
function displayOf(value: CellValue, format: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (/%/.test(format)) return `${Math.round(value * 100)}%`;
    if (format === '#,##0') return Math.round(value).toLocaleString('en-US');
    return String(value);
  }
  if (value.type === 'error') return value.error;
  const d = new Date(value.wall);
  const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  if (!/h/i.test(format)) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export async function readFixture(file = PARTNER_WORKBOOK) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: { name: string; cells: RawCell[][] }[] = [];
  for (const ws of wb.worksheets) {
    const cells: RawCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const format = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : SHEETS_GENERAL;
        const value = rawValue(cell.value);
        while (cells.length < r) cells.push([]);
        const line = cells[r - 1]!;
        while (line.length < c) line.push({ value: null, display: '', format: SHEETS_GENERAL });
        line[c - 1] = { value, display: displayOf(value, format), format };
      });
    });
    const width = Math.max(0, ...cells.map((l) => l.length));
    for (const l of cells) while (l.length < width) l.push({ value: null, display: '', format: SHEETS_GENERAL });
    sheets.push({ name: ws.name, cells });
  }

  return {
    names: sheets.map((s) => s.name),
    /** Google-Sheets-shaped grids for a spreadsheet in `timeZone`. */
    grids(timeZone: string): { name: string; grid: GridInput }[] {
      return sheets.map((s) => ({
        name: s.name,
        grid: {
          values: s.cells.map((l) =>
            l.map((x) => {
              if (x.value === null) return '';
              if (typeof x.value === 'object') return x.value.type === 'date' ? instantOfWall(x.value.wall, timeZone) : x.display;
              return x.value;
            }),
          ),
          display: s.cells.map((l) => l.map((x) => x.display)),
          formats: s.cells.map((l) => l.map((x) => x.format)),
        },
      }));
    },
    /** The rules' model, straight from exceljs. */
    model(): Workbook {
      return {
        tables: sheets.map(
          (s): Table => ({
            name: s.name,
            rows: s.cells.map((l, r) => l.map((x, c): Cell | null => (x.value === null ? null : makeCell(x.value, x.display, x.format)))),
          }),
        ),
      };
    },
  };
}
