/**
 * SpreadsheetApp → the rules' workbook model (rules/model.ts).
 *
 * One read per tab: `getDataRange()` and, on that one range, `getValues()`, `getDisplayValues()`
 * and `getNumberFormats()` — batch calls only, so a check costs the same number of service calls
 * for 10 rows as for 5,000.
 *
 * Dates: `getValues()` hands back instants (Date objects). The wall-clock reading the user sees is
 * that instant in the SPREADSHEET's time zone, so it is read back with
 * `Utilities.formatDate(date, spreadsheetTz, …)` — never the script's zone, never the host's —
 * and becomes `{ type: 'date', wall }`. SPEC §2 then treats that reading as Asia/Taipei time.
 *
 * Errors: a formula error (#N/A, #REF! …) shows in `getDisplayValues()`; it becomes
 * `{ type: 'error' }` so the rules report `cell/formula-error`.
 */
import { civil, makeCell, type Cell, type CellValue, type Table } from '../../rules/index.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The error values Google Sheets displays. */
export const ERROR_DISPLAY = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;

export interface Grid {
  readonly values: readonly (readonly unknown[])[];
  readonly display: readonly (readonly string[])[];
  readonly formats: readonly (readonly string[])[];
}

/** One tab as read: the range the data occupies and its three batch reads. */
export interface ReadTab {
  readonly sheet: Sheet;
  readonly name: string;
  readonly id: number;
  readonly range: Range;
  readonly grid: Grid;
}

/**
 * Whether a tab has cells: a chart moved to its own tab is a sheet of type OBJECT, where
 * getDataRange() and every other cell method throw. (Enums print their name.)
 */
export function isGridSheet(sheet: Sheet): boolean {
  return String(sheet.getType()) === 'GRID';
}

export function readTab(sheet: Sheet): ReadTab {
  const range = sheet.getDataRange();
  return {
    sheet,
    name: sheet.getName(),
    id: sheet.getSheetId(),
    range,
    grid: { values: range.getValues(), display: range.getDisplayValues(), formats: range.getNumberFormats() },
  };
}

/** Works across realms (Apps Script, node:vm): `instanceof Date` would not. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/**
 * Instant → wall ms of its reading in `timeZone`. Cached per instant: a column of equal dates
 * costs one formatDate. Rounded to whole seconds first (serials carry sub-second float noise, and
 * formatDate truncates: 23:59:58.9996 must read 23:59:59).
 */
export function wallConverter(timeZone: string): (date: Date) => number {
  const readings = new Map<number, number>();
  /** The zone's reading of one instant, as wall ms (one formatDate per distinct instant). */
  const read = (ms: number): number => {
    let wall = readings.get(ms);
    if (wall === undefined) {
      const text = Utilities.formatDate(new Date(ms), timeZone, 'yyyy-MM-dd HH:mm:ss');
      const m = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
      if (!m) throw new Error(`Utilities.formatDate gave an unexpected reading: ${text}`);
      wall = civil.wallFrom(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
      readings.set(ms, wall);
    }
    return wall;
  };
  // The zone's offset is constant over a UTC day unless a transition (DST) falls inside it; when
  // the offsets at both ends agree, every instant of that day shares it. A column of dates then
  // costs about two formatDate calls per distinct day, not one per cell.
  const dayOffsets = new Map<number, number | null>();
  return (date) => {
    const ms = Math.round(date.getTime() / 1000) * 1000;
    const day = Math.floor(ms / civil.MS_PER_DAY);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = day * civil.MS_PER_DAY;
      const end = start + civil.MS_PER_DAY - 1000;
      const a = read(start) - start;
      offset = read(end) - end === a ? a : null;
      dayOffsets.set(day, offset);
    }
    return offset === null ? read(ms) : ms + offset;
  };
}

/** One sheet value (with its display text) → the model's raw value; null for an empty cell. */
export function toCellValue(v: unknown, text: string, toWall: (d: Date) => number): CellValue {
  const shown = text.trim();
  if (ERROR_DISPLAY.test(shown) && (v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === shown))) {
    return { type: 'error', error: shown };
  }
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : text || null;
  if (typeof v === 'boolean') return v;
  if (isDate(v)) return { type: 'date', wall: toWall(v) };
  return text === '' ? null : text;
}

/** The grid of one tab → a model Table (row i = spreadsheet row i + 1). */
export function gridToTable(name: string, grid: Grid, toWall: (d: Date) => number): Table {
  const rows: (Cell | null)[][] = [];
  for (let r = 0; r < grid.values.length; r++) {
    const values = grid.values[r] ?? [];
    const display = grid.display[r] ?? [];
    const formats = grid.formats[r] ?? [];
    const row: (Cell | null)[] = new Array(values.length);
    for (let c = 0; c < values.length; c++) {
      const text = display[c] ?? '';
      const value = toCellValue(values[c], text, toWall);
      if (value === null) {
        row[c] = null;
        continue;
      }
      const format = formats[c];
      row[c] = makeCell(value, text, format ? format : undefined);
    }
    rows.push(row);
  }
  return { name, rows };
}
