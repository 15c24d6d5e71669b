/**
 * One worksheet part, streamed: `<c>` elements become model cells (value, display text, format;
 * one shared object per distinct content, see `CellInterner`) handed to a sink as they are parsed, `<mergeCell>`s are checked against the limits and
 * passed on, `<dataValidation sqref>` is only counted (the rules never need validations, so a
 * whole-column dropdown costs nothing). What ECMA-376 lets a writer emit is honoured: `t="s"`,
 * `str`, `inlineStr` (all runs, phonetic runs excluded), `b`, `e`, `d` (ISO 8601), `n`; formulas
 * (own or shared) by their cached `<v>`; rows and cells without `r`.
 */
import type { Cell } from '../../rules/model';
import { LimitError } from '../ooxml/limits';
import type { OoxmlPackage } from '../ooxml/package';
import type { XmlHandler, XmlTag, XmlTokenizer } from '../ooxml/xml';
import { CellInterner, type RawCell } from './cell-values';
import { decodeRange, MalformedWorkbookError, MAX_COLUMNS, MAX_ROWS } from './table-builder';
import type { SheetInfo, WorkbookInfo } from './xlsx';

export interface SheetSink {
  /** A cell with a value (empty cells are not reported), in document order. */
  cell(row: number, col: number, cell: Cell): void;
  /** A merged range (0-based, inclusive), after the sheet's cells. */
  merge(top: number, left: number, bottom: number, right: number): void;
}

export interface SheetFacts {
  /** Cells with a value in this file so far (this sheet included). */
  readonly cellsSoFar: number;
}

interface Totals {
  cells: number;
  merges: number;
  mergedCells: number;
  validatedCells: number;
}

/** `cells`: the workbook's interner (one per file read, shared by its sheets). */
export async function readSheet(pkg: OoxmlPackage, sheet: SheetInfo, info: WorkbookInfo, sink: SheetSink, totals: Totals, cells = new CellInterner(info)): Promise<SheetFacts> {
  const parser = new SheetParser(sheet.name, info, sink, pkg.limits, totals, cells);
  await pkg.parseXml(sheet.part, parser);
  return { cellsSoFar: totals.cells };
}

const enum Target {
  None,
  V,
  Inline,
}

class SheetParser implements XmlHandler, RawCell {
  // RawCell, reused for every cell.
  row = 0;
  col = 0;
  type: string | undefined = undefined;
  styleIndex = 0;
  hasFormula = false;
  v: string | undefined = undefined;
  inline: string | undefined = undefined;

  private inSheetData = false;
  private inCell = false;
  private inInline = false;
  private phonetic = 0;
  private target = Target.None;
  private rowIndex = -1;
  private colIndex = -1;
  private readonly span = { start: 0, end: 0 };

  constructor(
    private readonly sheetName: string,
    private readonly info: WorkbookInfo,
    private readonly sink: SheetSink,
    private readonly limits: { readonly maxCells: number; readonly maxMergedCells: number; readonly maxTotalMergedCells: number; readonly maxStringChars: number },
    private readonly totals: Totals,
    private readonly cells: CellInterner,
  ) {}

  open(name: string, tag: XmlTag, xml: XmlTokenizer): void {
    switch (name) {
      case 'c': {
        if (!this.inSheetData) return;
        const span = this.span;
        const ref = tag.attrSpan('r', span);
        if (ref !== undefined) {
          if (!decodeA1Into(ref, span.start, span.end, this)) throw new MalformedWorkbookError(`sheet "${this.sheetName}": bad cell reference "${ref.slice(span.start, span.end)}"`);
        } else {
          this.row = this.rowIndex;
          this.col = this.colIndex + 1;
        }
        if (this.row < 0 || this.row >= MAX_ROWS || this.col >= MAX_COLUMNS) {
          throw new MalformedWorkbookError(`sheet "${this.sheetName}": cell (${this.row + 1}, ${this.col + 1}) lies outside Excel's grid`);
        }
        this.colIndex = this.col;
        const s = tag.attrSpan('s', span);
        const si = s === undefined ? 0 : styleIndexOf(s, span.start, span.end);
        this.styleIndex = si >= 0 ? si : 0;
        this.type = tag.attr('t');
        this.hasFormula = false;
        this.v = undefined;
        this.inline = undefined;
        this.inCell = true;
        if (tag.selfClosing) return;
        return;
      }
      case 'v':
        if (this.inCell) {
          this.target = Target.V;
          xml.wantText = true;
        }
        return;
      case 'f':
        if (this.inCell) this.hasFormula = true;
        return;
      case 'row': {
        if (!this.inSheetData) return;
        const r = tag.attr('r');
        this.rowIndex = r === undefined ? this.rowIndex + 1 : Number.parseInt(r, 10) - 1;
        if (!(this.rowIndex >= 0 && this.rowIndex < MAX_ROWS)) throw new MalformedWorkbookError(`sheet "${this.sheetName}": bad row number "${r}"`);
        this.colIndex = -1;
        return;
      }
      case 'is':
        if (this.inCell) this.inInline = true;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (this.inCell && this.inInline && this.phonetic === 0) {
          this.target = Target.Inline;
          this.inline ??= '';
          xml.wantText = true;
        }
        return;
      case 'sheetData':
        this.inSheetData = true;
        xml.wantText = false;
        return;
      case 'mergeCell':
        this.mergeCell(tag.attr('ref'));
        return;
      case 'dataValidation': {
        const sqref = tag.attr('sqref');
        if (sqref !== undefined) this.totals.validatedCells += sqrefCells(sqref);
        return;
      }
      default:
        return;
    }
  }

  close(name: string, xml: XmlTokenizer): void {
    switch (name) {
      case 'c':
        if (this.inCell) this.emitCell();
        this.inCell = false;
        this.inInline = false;
        this.target = Target.None;
        xml.wantText = false;
        return;
      case 'v':
      case 't':
        this.target = Target.None;
        xml.wantText = false;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic = Math.max(0, this.phonetic - 1);
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
      default:
        return;
    }
  }

  text(text: string): void {
    if (this.target === Target.V) this.v = this.v === undefined ? text : this.v + text;
    else if (this.target === Target.Inline) this.inline += text;
    else return;
    const length = this.target === Target.V ? this.v!.length : this.inline!.length;
    if (length > this.limits.maxStringChars) {
      throw new LimitError('string-chars', `sheet "${this.sheetName}": a cell holds more than ${this.limits.maxStringChars} characters`);
    }
  }

  private emitCell(): void {
    const cell = this.cells.cellOf(this);
    if (cell === null) return;
    if (++this.totals.cells > this.limits.maxCells) {
      throw new LimitError('cells', `the workbook has more than ${this.limits.maxCells} cells with a value`);
    }
    this.sink.cell(this.row, this.col, cell);
  }

  private mergeCell(ref: string | undefined): void {
    if (ref === undefined) return;
    const range = decodeRange(ref.trim());
    if (!range) return;
    const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    const { maxMergedCells, maxTotalMergedCells } = this.limits;
    if (cells > maxMergedCells) {
      throw new LimitError('merged-cells', `merged range ${ref} covers ${cells} cells`, { sheet: this.sheetName, range: ref.trim(), cells });
    }
    this.totals.merges++;
    this.totals.mergedCells += cells;
    if (this.totals.mergedCells > maxTotalMergedCells) {
      throw new LimitError('total-merged-cells', `merged ranges cover more than ${maxTotalMergedCells} cells`, { sheet: this.sheetName, range: ref.trim(), cells: this.totals.mergedCells });
    }
    this.sink.merge(range.top, range.left, range.bottom, range.right);
  }
}

/** Cells covered by a space-separated list of ranges (`A2:A2000 C2:C2000`); whole columns and rows count in full. */
export function sqrefCells(sqref: string): number {
  let cells = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    if (!part) continue;
    const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(part);
    const rows = /^\$?(\d+):\$?(\d+)$/.exec(part);
    const ref = cols ? `${cols[1]}1:${cols[2]}1048576` : rows ? `A${rows[1]}:XFD${rows[2]}` : part.replace(/\$/g, '');
    const range = decodeRange(ref.includes(':') ? ref : `${ref}:${ref}`);
    if (range) cells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
  }
  return cells;
}

/**
 * `C4` at [start, end) of `src` → at.row = 3, at.col = 2 (0-based), without a regex or an object
 * (this runs for every cell); false when it is not an A1 reference (optional `$`s, either case,
 * 1–3 letters, 1–7 digits).
 */
function decodeA1Into(src: string, start: number, end: number, at: { row: number; col: number }): boolean {
  let i = start;
  if (i < end && src.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const lettersStart = i;
  for (; i < end; i++) {
    let code = src.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return false;
  if (i < end && src.charCodeAt(i) === 36) i++; // $
  let row = 0;
  const digitsStart = i;
  for (; i < end; i++) {
    const code = src.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
  }
  const digits = i - digitsStart;
  if (digits < 1 || digits > 7) return false;
  at.row = row - 1;
  at.col = col - 1;
  return true;
}

/** `Number.parseInt(s, 10)` of the `s` attribute at [start, end) of `src`; plain digits without cutting a string. */
function styleIndexOf(src: string, start: number, end: number): number {
  if (end - start > 0 && end - start <= 9) {
    let n = 0;
    let i = start;
    for (; i < end; i++) {
      const code = src.charCodeAt(i);
      if (code < 48 || code > 57) break;
      n = n * 10 + (code - 48);
    }
    if (i === end) return n;
  }
  return Number.parseInt(src.slice(start, end), 10);
}
