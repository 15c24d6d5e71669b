/**
 * The last step from a raw worksheet cell (its `t`, style, formula flag and `<v>`/`<is>` text) to
 * a model cell: the value, dates by number format, the display text.
 */
import type { Cell, CellValue } from '../../rules/model';
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

/**
 * The model cells of one workbook read, one object per distinct content (value and format).
 * A cell does not know its address (rules/model), so every cell of a column that repeats
 * `2026/5/1`, `8%` or `已送審` is the same object: at 100k rows a contracts export has 1.4 million
 * cells but a few hundred thousand distinct ones, and the cells were most of the model's memory
 * (about 90 bytes each with their address string). The display text is worked out once per
 * distinct content too. One interner per file read, so nothing is kept from one file to the next
 * (a pool worker reads many).
 */
export class CellInterner {
  private readonly numbers = new Map<string | undefined, Map<number, Cell>>();
  private readonly dates = new Map<string | undefined, Map<number, Cell>>();
  private readonly strings = new Map<string | undefined, Map<string, Cell>>();
  private readonly others = new Map<string, Cell>();

  /** The model cell for a value shown with a format, or null for an empty cell. */
  cell(value: CellValue, format: string | undefined): Cell | null {
    if (value === null) return null;
    if (typeof value === 'number') {
      // -0 and 0 are one Map key but may display differently: -0 is never shared.
      if (Object.is(value, -0)) return newCell(value, displayTextFor(value, format), format);
      return lookup(this.numbers, format, value) ?? remember(this.numbers, format, value, newCell(value, displayTextFor(value, format), format));
    }
    if (typeof value === 'string') {
      // A long text is rarely repeated and would make a long key: its own cell.
      if (value.length > INTERN_MAX_CHARS) return newCell(value, value, format);
      return lookup(this.strings, format, value) ?? remember(this.strings, format, value, newCell(value, value, format));
    }
    if (typeof value === 'boolean' || value.type === 'error') {
      const key = `${typeof value === 'boolean' ? (value ? 'T' : 'F') : `E${value.error}`}\u0000${format ?? ''}`;
      let cell = this.others.get(key);
      if (cell === undefined) {
        cell = newCell(value, displayTextFor(value, format), format);
        if (this.others.size >= INTERN_MAX_ENTRIES) this.others.clear();
        this.others.set(key, cell);
      }
      return cell;
    }
    return lookup(this.dates, format, value.wall) ?? remember(this.dates, format, value.wall, newCell(value, displayTextFor(value, format), format));
  }
}

/** Entries per format before a cache starts over (bounded memory for a file of distinct values). */
const INTERN_MAX_ENTRIES = 65_536;
/** Longest text shared between cells. */
const INTERN_MAX_CHARS = 256;

/** Same keys in the same order as rules/model's `makeCell`. */
function newCell(value: CellValue, text: string, format: string | undefined): Cell {
  return format === undefined ? { value, text } : { value, text, format };
}

function lookup<K>(cache: Map<string | undefined, Map<K, Cell>>, format: string | undefined, key: K): Cell | undefined {
  return cache.get(format)?.get(key);
}

function remember<K>(cache: Map<string | undefined, Map<K, Cell>>, format: string | undefined, key: K, cell: Cell): Cell {
  let byValue = cache.get(format);
  if (!byValue) {
    if (cache.size >= 1000) cache.clear();
    cache.set(format, (byValue = new Map()));
  }
  if (byValue.size >= INTERN_MAX_ENTRIES) byValue.clear();
  byValue.set(key, cell);
  return cell;
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
