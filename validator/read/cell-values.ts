/**
 * The last step from a raw worksheet cell (its `t`, style, formula flag and `<v>`/`<is>` text) to
 * a model cell: the value, dates by number format, the display text.
 */
import { makeCell, type Cell, type CellValue } from '../../rules/model';
import type { WorkbookInfo } from './xlsx';
import { displayTextFor } from './display';
import { builtinIdOf, isDateFormatCode, LOCALE_DATE_FORMAT_IDS } from './number-formats';
import { isoToWall, serialToWall } from './serial-date';

/**
 * Whether a number shown with this format is a date serial (custom codes, built-ins, the zh-TW
 * built-in ids `#27`, formula results alike).
 */
function isDateFormat(format: string): boolean {
  const id = builtinIdOf(format);
  return id !== null ? LOCALE_DATE_FORMAT_IDS.has(id) : isDateFormatCode(format);
}

/**
 * The model cells of one workbook read, one object per distinct content (value and format).
 * A cell does not know its address (rules/model), so every cell of a column that repeats
 * `2026/5/1`, `8%` or `已送審` is the same object: at 100k rows a contracts export has 1.4 million
 * cells but a few hundred thousand distinct ones, and the cells were most of the model's memory
 * (about 90 bytes each with their address string). The display text is worked out once per
 * distinct content too. One interner per file read, so nothing is kept from one file to the next
 * (a pool worker reads many). Everything is looked up by cell style (`s`), which fixes the
 * format: shared strings by their index, numbers and dates by value.
 */
export class CellInterner {
  private readonly styles: Array<StyleCells | undefined> = [];

  constructor(private readonly info: Pick<WorkbookInfo, 'formats' | 'date1904' | 'sharedStrings'>) {}

  /** The model cell of a raw worksheet cell, or null for an empty one. */
  cellOf(raw: RawCell): Cell | null {
    if (raw.type === 's' && !raw.hasFormula && raw.v !== undefined) {
      // The usual text cell: one lookup by shared-string index, no hashing of the text.
      const index = sharedStringIndex(raw.v);
      if (index >= 0 && index < this.info.sharedStrings.length) return this.sharedCell(raw.styleIndex, index);
    }
    const style = this.style(raw.styleIndex);
    const value = rawCellValue(raw, this.info.sharedStrings);
    if (typeof value === 'number') return this.numberIn(style, value);
    return this.cell(value, style);
  }

  /**
   * `cellOf` of a `t="s"` cell without a formula whose `<v>` is shared-string `index`
   * (0 <= index < the number of shared strings): the sheet parser's fast path, no `<v>` string.
   */
  sharedCell(styleIndex: number, index: number): Cell | null {
    const style = this.style(styleIndex);
    const known = style.sst[index];
    if (known !== undefined) return known;
    const text = this.info.sharedStrings[index]!;
    return (style.sst[index] = text === '' ? null : makeCell(text, text, style.format));
  }

  /** `cellOf` of a number cell (no `t`, or `t="n"`, no formula) whose `<v>` reads as the finite `value`. */
  numberCell(styleIndex: number, value: number): Cell | null {
    return this.numberIn(this.style(styleIndex), value);
  }

  private numberIn(style: StyleCells, value: number): Cell | null {
    if (style.isDate) {
      // A date seen before is found by its wall clock without a value object for it.
      const wall = serialToWall(value, this.info.date1904);
      return style.dates.get(wall) ?? this.cell({ type: 'date', wall }, style);
    }
    return this.cell(value, style);
  }

  private style(index: number): StyleCells {
    let style = this.styles[index];
    if (style === undefined) {
      const format = index === 0 ? undefined : this.info.formats[index];
      style = { format, isDate: !!format && isDateFormat(format), sst: [], numbers: new Map(), dates: new Map(), strings: new Map(), others: new Map() };
      if (index < MAX_STYLES) this.styles[index] = style;
    }
    return style;
  }

  private cell(value: CellValue, style: StyleCells): Cell | null {
    const { format } = style;
    if (value === null) return null;
    if (typeof value === 'number') {
      // -0 and 0 are one Map key but may display differently: -0 is never shared.
      if (Object.is(value, -0)) return makeCell(value, displayTextFor(value, format), format);
      return style.numbers.get(value) ?? remember(style.numbers, value, makeCell(value, displayTextFor(value, format), format));
    }
    if (typeof value === 'string') {
      // A long text is rarely repeated and would make a long key: its own cell.
      if (value.length > INTERN_MAX_CHARS) return makeCell(value, value, format);
      return style.strings.get(value) ?? remember(style.strings, value, makeCell(value, value, format));
    }
    if (typeof value === 'boolean' || value.type === 'error') {
      const key = typeof value === 'boolean' ? (value ? 'T' : 'F') : `E${value.error}`;
      return style.others.get(key) ?? remember(style.others, key, makeCell(value, displayTextFor(value, format), format));
    }
    return style.dates.get(value.wall) ?? remember(style.dates, value.wall, makeCell(value, displayTextFor(value, format), format));
  }
}

/** The cells of one cell style (`s`), by content. */
interface StyleCells {
  readonly format: string | undefined;
  readonly isDate: boolean;
  /** By shared-string index (null: an empty string). */
  readonly sst: Array<Cell | null>;
  readonly numbers: Map<number, Cell>;
  readonly dates: Map<number, Cell>;
  readonly strings: Map<string, Cell>;
  readonly others: Map<string, Cell>;
}

/** Entries per map before it starts over (bounded memory for a file of distinct values). */
export const INTERN_MAX_ENTRIES = 65_536;
/** Longest text shared between cells. */
const INTERN_MAX_CHARS = 256;
/** Cell styles remembered (Excel's own limit is 64,000). */
const MAX_STYLES = 65_536;

/** `<v>` of a `t="s"` cell as an index: plain digits only, else -1 (then the general path decides). */
function sharedStringIndex(v: string): number {
  const n = v.length;
  if (n === 0 || n > 9) return -1;
  let index = 0;
  for (let i = 0; i < n; i++) {
    const code = v.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    index = index * 10 + (code - 48);
  }
  return index;
}

/** Puts `cell` in `cache` under `key`, starting the cache over when it is full; returns `cell`. */
export function remember<K>(cache: Map<K, Cell>, key: K, cell: Cell): Cell {
  if (cache.size >= INTERN_MAX_ENTRIES) cache.clear();
  cache.set(key, cell);
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
