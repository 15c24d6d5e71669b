/**
 * Shared by both xlsx readers: the number format a cell reports, and the last step from a raw
 * value to a model cell. Keeping these in one place is what makes the full and the streaming
 * reader produce the same model for the same file.
 */
import { columnLetters, type Cell, type CellValue } from '../../rules/model';
import { displayTextFor } from './display';
import { joinRichText } from './exceljs-value';
import { builtinFormatRef, builtinIdOf, isDateFormatCode, LOCALE_DATE_FORMAT_IDS } from './number-formats';
import type { RawCell } from './sheet-xml';
import { isoToWall, serialToWall } from './serial-date';

/** The parts of exceljs's StylesXform (styles.xml, parsed) that the readers consult. */
export interface ExceljsStyles {
  readonly model: { readonly styles?: ReadonlyArray<{ readonly numFmtId?: number } | undefined> };
  getStyleModel(id: number): { readonly numFmt?: string } | null;
  readonly index?: { readonly model?: Readonly<Record<string, object | undefined>> };
}

/**
 * The format a cell reports: exceljs's format code when it has one, else `#<id>` for a zh-TW
 * built-in date id (which exceljs cannot name), else none.
 */
export function reportedFormat(numFmtCode: string | undefined, numFmtId: number | undefined): string | undefined {
  if (numFmtCode) return numFmtCode;
  if (numFmtId !== undefined && LOCALE_DATE_FORMAT_IDS.has(numFmtId)) return builtinFormatRef(numFmtId);
  return undefined;
}

/**
 * The format of cellXfs entry `styleIndex`, as the full reader sees it. Style 0 counts as no
 * style, because exceljs's full reader skips it (`model.styleId && …`); mirroring that keeps
 * the two readers identical (xf 0 is "General" in practice).
 */
export function formatOfStyle(styles: ExceljsStyles, styleIndex: number): string | undefined {
  if (!styleIndex) return undefined;
  const numFmtId = styles.model.styles?.[styleIndex]?.numFmtId;
  return reportedFormat(styles.getStyleModel(styleIndex)?.numFmt ?? undefined, numFmtId);
}

/**
 * A number shown with a date format is a date serial: exceljs converts those with a format
 * code; this also converts the zh-TW built-in ids (`#27`) and formula results, which exceljs's
 * streaming reader leaves as serials.
 */
export function applyDateFormat(value: CellValue, format: string | undefined, date1904: boolean): CellValue {
  if (typeof value !== 'number' || !format) return value;
  const id = builtinIdOf(format);
  const isDate = id !== null ? LOCALE_DATE_FORMAT_IDS.has(id) : isDateFormatCode(format);
  return isDate ? { type: 'date', wall: serialToWall(value, date1904) } : value;
}

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
 * object `makeCell` builds (same keys, in the same order), in one allocation.
 */
export function toModelCell(value: CellValue, format: string | undefined, row: number, col: number): Cell | null {
  if (value === null) return null;
  const text = displayTextFor(value, format);
  const address = cellAddress(row, col);
  return format === undefined ? { value, text, address } : { value, text, address, format };
}

/** A shared-strings entry as exceljs's streaming reader caches it: text, rich text or null. */
export type SharedString = string | { readonly richText: ReadonlyArray<{ readonly text?: unknown }> } | null | undefined;

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (Excel writes a pasted CR as
 * `_x000D_`); exceljs's full reader decodes them in `<t>` text, its streaming shared-strings
 * cache does not, so the streaming path decodes shared and inline strings here.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function nonEmpty(s: string | undefined): CellValue {
  return s === undefined || s === '' ? null : s;
}

/** A raw worksheet cell (sheet-xml.ts) → its value, before date formats are applied. */
export function rawCellValue(raw: RawCell, sharedStrings: readonly SharedString[]): CellValue {
  const { type, v } = raw;
  if (raw.hasFormula) {
    // A formula is judged by its cached result; without one it was never calculated.
    if (v === undefined) return null;
    if (type === 'str' || type === 'inlineStr') return nonEmpty(v);
    if (type === 'b') return Number.parseInt(v, 10) !== 0;
    if (type === 'e') return { type: 'error', error: v };
    return toNumber(v);
  }
  switch (type) {
    case 's': {
      if (v === undefined) return null;
      const entry = sharedStrings[Number.parseInt(v, 10)];
      if (entry === null || entry === undefined) return null;
      return nonEmpty(decodeOoxmlEscapes(typeof entry === 'string' ? entry : joinRichText(entry.richText)));
    }
    case 'str':
      return nonEmpty(v);
    case 'inlineStr':
      return nonEmpty(raw.inline === undefined ? v : decodeOoxmlEscapes(raw.inline));
    case 'b':
      return v === undefined ? null : Number.parseInt(v, 10) !== 0;
    case 'e':
      return v === undefined ? null : { type: 'error', error: v };
    case 'd': {
      if (v === undefined) return null;
      const wall = isoToWall(v);
      return wall === null ? nonEmpty(v) : { type: 'date', wall };
    }
    default:
      return v === undefined ? null : toNumber(v);
  }
}

function toNumber(text: string): CellValue {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) ? n : null;
}
