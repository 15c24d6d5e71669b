/**
 * The last step from a raw worksheet cell (its `t`, style, formula flag and `<v>`/`<is>` text) to
 * a model cell: the value, dates by number format, the display text and the A1 address.
 */
import { columnLetters, type Cell, type CellValue } from '../../rules/model';
import { displayTextFor } from './display';
import { builtinIdOf, isDateFormatCode, LOCALE_DATE_FORMAT_IDS } from './number-formats';
import { isoToWall, serialToWall } from './serial-date';

/**
 * A number shown with a date format is a date serial (custom codes, built-ins, the zh-TW
 * built-in ids `#27`, formula results alike).
 */
export function applyDateFormat(value: CellValue, format: string | undefined, date1904: boolean): CellValue {
  if (typeof value !== 'number' || !format) return value;
  let isDate = dateFormats.get(format);
  if (isDate === undefined) {
    const id = builtinIdOf(format);
    isDate = id !== null ? LOCALE_DATE_FORMAT_IDS.has(id) : isDateFormatCode(format);
    if (dateFormats.size < 1000) dateFormats.set(format, isDate);
  }
  return isDate ? { type: 'date', wall: serialToWall(value, date1904) } : value;
}

/** Whether a format code is a date format, per code (a file has a handful). */
const dateFormats = new Map<string, boolean>();

/** Column letters by 0-based index, filled on first use (a sheet has a few dozen columns). */
const columnLetterCache: string[] = [];

/** `a1(row, col)` from rules/model, with the column letters computed once per column. */
export function cellAddress(row: number, col: number): string {
  let letters = columnLetterCache[col];
  if (letters === undefined) {
    letters = columnLetters(col);
    if (col < 16_384) columnLetterCache[col] = letters;
  }
  return letters + (row + 1);
}

/**
 * The model cell for a value and format at (row, col), or null for an empty cell. The same
 * object `makeCell` builds (same keys, in the same order), in one allocation. `knownAddress`:
 * the cell's A1 address when the caller already has it as a string.
 */
export function toModelCell(value: CellValue, format: string | undefined, row: number, col: number, knownAddress?: string): Cell | null {
  if (value === null) return null;
  let text: string;
  if (typeof value === 'number') {
    // A column of rates or amounts repeats a few values: one display string per (format, value)
    // instead of one per cell (memory of the model, and formatting time).
    // The cached number is shared too: a fractional value is a 16-byte heap box per cell otherwise
    // (a rates column is 0.08 on most rows). The pair is an array so the number stays boxed once.
    const hit = numberCells.get(format)?.get(value);
    if (hit !== undefined) {
      // (0 needs no box, and -0 finds 0's entry: the value itself is kept then.)
      if (value !== 0) value = hit[0];
      text = hit[1];
    } else {
      text = displayTextFor(value, format);
      remember(numberCells, format, value, [value, text] as const);
    }
  } else if (typeof value === 'object' && value.type === 'date') {
    // Dates repeat even more (a contract's start and end on every row): the value object and its
    // text are shared between cells too. Cells are never mutated, so sharing is safe.
    const hit = dateCells.get(format)?.get(value.wall);
    if (hit !== undefined) {
      value = hit.value;
      text = hit.text;
    } else {
      text = displayTextFor(value, format);
      remember(dateCells, format, value.wall, { value, text });
    }
  } else text = displayTextFor(value, format);
  const address = knownAddress ?? cellAddress(row, col);
  return format === undefined ? { value, text, address } : { value, text, address, format };
}

/** Entries per format before a cache starts over (bounded memory for a file of distinct values). */
const INTERN_MAX_ENTRIES = 65_536;
const numberCells = new Map<string | undefined, Map<number, readonly [number, string]>>();
const dateCells = new Map<string | undefined, Map<number, { value: CellValue; text: string }>>();

function remember<V>(cache: Map<string | undefined, Map<number, V>>, format: string | undefined, key: number, value: V): void {
  let byValue = cache.get(format);
  if (!byValue) {
    if (cache.size >= 1000) cache.clear();
    cache.set(format, (byValue = new Map()));
  }
  if (byValue.size >= INTERN_MAX_ENTRIES) byValue.clear();
  // -0 and 0 are one Map key but may format differently: never cache -0.
  if (!Object.is(key, -0)) byValue.set(key, value);
}

/** A worksheet cell as sheet.ts reads it, before its value is worked out. */
export interface RawCell {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  /** The `t` attribute: s, str, inlineStr, b, e, d, n or undefined (number). */
  readonly type: string | undefined;
  /** The `s` attribute (cellXfs index); 0 when absent. */
  readonly styleIndex: number;
  /** Whether the cell has an `<f>` (own or shared formula). */
  readonly hasFormula: boolean;
  /** Text of `<v>`, if any. */
  readonly v: string | undefined;
  /** Text of an inline string `<is>` (all runs, phonetic runs excluded), if any. */
  readonly inline: string | undefined;
}

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (Excel writes a pasted CR as
 * `_x000D_`); shared and inline strings are decoded here.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function nonEmpty(s: string | undefined): CellValue {
  return s === undefined || s === '' ? null : s;
}

/** A raw worksheet cell (sheet.ts) → its value, before date formats are applied. */
export function rawCellValue(raw: RawCell, sharedStrings: readonly string[]): CellValue {
  const { type, v } = raw;
  if (raw.hasFormula) {
    // A formula is judged by its cached result; without one it was never calculated.
    if (v === undefined) return null;
    if (type === 'str' || type === 'inlineStr') return nonEmpty(v);
    if (type === 'b') return Number.parseInt(v, 10) !== 0;
    if (type === 'e') return { type: 'error', error: v };
    if (type === 'd') return isoValue(v);
    return toNumber(v);
  }
  switch (type) {
    case 's': {
      if (v === undefined) return null;
      const entry = sharedStrings[Number.parseInt(v, 10)];
      return entry === undefined ? null : nonEmpty(entry);
    }
    case 'str':
      return nonEmpty(v);
    case 'inlineStr':
      return nonEmpty(raw.inline === undefined ? v : decodeOoxmlEscapes(raw.inline));
    case 'b':
      return v === undefined ? null : Number.parseInt(v, 10) !== 0;
    case 'e':
      return v === undefined ? null : { type: 'error', error: v };
    case 'd':
      return v === undefined ? null : isoValue(v);
    default:
      return v === undefined ? null : toNumber(v);
  }
}

/** `t="d"`: an ISO 8601 date/time (read as wall clock); other text stays text. */
function isoValue(v: string): CellValue {
  const wall = isoToWall(v);
  return wall === null ? nonEmpty(v) : { type: 'date', wall };
}

function toNumber(text: string): CellValue {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) ? n : null;
}
