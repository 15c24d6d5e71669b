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
        xml.fastTags = true;
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
        if (this.inCell) this.emitCell(this.cells.cellOf(this));
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
        xml.fastTags = false;
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

  /**
   * The common cells — `<c r="B7" s="3" t="s"><v>12</v></c>`, `<c r="D7"><v>46035.5</v></c>`,
   * `<c r="E7" s="1"/>`, one after another — parsed straight from the input: `r` into row and
   * column, `s` into a number, `t` compared in place, a shared-string index or a plain decimal
   * read from `<v>` without a string for it, and no tag object. Every other shape (a prefix, an
   * entity, single quotes, spaces around `=`, an `<f>`, `<is>`, whitespace, a cut at the end of
   * the chunk, a bad reference) goes to the general path untouched, which also raises its errors.
   * Returns the position after the last cell consumed, or -1 when none was.
   */
  /** Where the last `quotedDigits` stopped: the closing quote. */
  private digitsEnd = 0;

  /**
   * The value of the 1–`max` decimal digits at `start` when a `"` follows them (its position in
   * `digitsEnd`), else -1: the fast paths' `r` and `s` values.
   */
  private quotedDigits(buf: string, start: number, max: number): number {
    let q = start;
    let value = 0;
    for (; q < buf.length; q++) {
      const d = buf.charCodeAt(q) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (q - start < 1 || q - start > max || q >= buf.length || buf.charCodeAt(q) !== 34) return -1;
    this.digitsEnd = q;
    return value;
  }

  fastTag(buf: string, lt: number): number {
    if (this.inCell) return -1;
    const n = buf.length;
    let consumed = -1;
    let p = lt;
    // One pass over each cell's characters: values are parsed as they are scanned.
    for (;;) {
      if (p + 3 < n && buf.charCodeAt(p) === 60 && buf.charCodeAt(p + 1) === 47) {
        const next = this.fastRow(buf, p);
        if (next < 0) return consumed;
        consumed = p = next;
        continue;
      }
      // `<c` then a space, `>` or `/`.
      if (p + 3 >= n || buf.charCodeAt(p) !== 60 || buf.charCodeAt(p + 1) !== 99) return consumed;
      let c = buf.charCodeAt(p + 2);
      if (c !== 32 && c !== 62 && c !== 47) return consumed;
      let i = p + 2;
      let hasRef = false;
      let row = 0;
      let col = 0;
      let style = 0;
      let sSeen = false;
      // 0: no `t`; 1: `t="s"`; 2: `t="n"`; 3: another value at [tStart, tEnd).
      let tKind = 0;
      let tStart = 0;
      let tEnd = 0;
      let selfClosing = false;
      for (;;) {
        while (c === 32 || c === 10 || c === 9 || c === 13) {
          if (++i >= n) return consumed;
          c = buf.charCodeAt(i);
        }
        if (c === 62) {
          i++;
          break;
        }
        if (c === 47) {
          if (i + 1 >= n || buf.charCodeAt(i + 1) !== 62) return consumed;
          selfClosing = true;
          i += 2;
          break;
        }
        let q: number;
        if (i + 2 < n && buf.charCodeAt(i + 1) === 61 && buf.charCodeAt(i + 2) === 34 && (c === 114 || c === 115 || c === 116)) {
          q = i + 3;
          if (c === 114) {
            // `r`: 1–3 capital letters, 1–7 digits (lower case and `$`s: the general path).
            if (hasRef) return consumed;
            hasRef = true;
            const letters = q;
            let colN = 0;
            for (; q < n; q++) {
              const d = buf.charCodeAt(q) - 65;
              if (d < 0 || d > 25) break;
              colN = colN * 26 + d + 1;
            }
            if (q - letters < 1 || q - letters > 3) return consumed;
            const rowN = this.quotedDigits(buf, q, 7);
            if (rowN < 0) return consumed;
            q = this.digitsEnd;
            row = rowN - 1;
            col = colN - 1;
          } else if (c === 115) {
            // `s`: 1–9 digits.
            if (sSeen) return consumed;
            sSeen = true;
            style = this.quotedDigits(buf, q, 9);
            if (style < 0) return consumed;
            q = this.digitsEnd;
          } else {
            if (tKind !== 0) return consumed;
            tStart = q;
            q = quoteAt(buf, q);
            if (q < 0) return consumed;
            const t0 = buf.charCodeAt(tStart);
            const len = q - tStart;
            if (len === 1 && t0 === 115) tKind = 1;
            else if (len === 1 && t0 === 110) tKind = 2;
            else {
              // `inlineStr` needs `<is>`: the general path.
              if (len === 0 || (len === 9 && t0 === 105)) return consumed;
              tKind = 3;
              tEnd = q;
            }
          }
        } else {
          // Another attribute (ignored, as the general path ignores it): a plain name, `="`, a value.
          const nameStart = i;
          while (c !== 61) {
            if (c <= 32 || c === 58 || c === 62 || c === 47 || c === 34 || c === 39) return consumed;
            if (++i >= n) return consumed;
            c = buf.charCodeAt(i);
          }
          if (i === nameStart || i + 1 >= n || buf.charCodeAt(i + 1) !== 34) return consumed;
          // A one-letter `r`, `s` or `t` would have been taken above.
          q = quoteAt(buf, i + 2);
          if (q < 0) return consumed;
        }
        i = q + 1;
        if (i >= n) return consumed;
        c = buf.charCodeAt(i);
      }
      // Content: nothing, or exactly `<v>text</v>`, then `</c>`.
      let vStart = -1;
      let vEnd = -1;
      // The value read from `<v>` as it was scanned: a shared-string index (t="s") or a number; -1/NaN: none.
      let index = -1;
      let number = NaN;
      if (!selfClosing) {
        if (i + 2 < n && buf.charCodeAt(i) === 60 && buf.charCodeAt(i + 1) === 118 && buf.charCodeAt(i + 2) === 62) {
          vStart = i + 3;
          let k = vStart;
          if (tKind === 1) {
            let value = 0;
            for (; k < n; k++) {
              const d = buf.charCodeAt(k) - 48;
              if (d < 0 || d > 9) break;
              value = value * 10 + d;
            }
            if (k > vStart && k - vStart <= 9) index = value;
          } else if (tKind !== 3) {
            number = this.plainDecimal(buf, vStart);
            k = this.decimalEnd;
          }
          // Anything left before `<` (then read by the general cell path) must hold no `&`.
          for (;;) {
            if (k >= n) return consumed;
            const v = buf.charCodeAt(k);
            if (v === 60) break;
            if (v === 38) return consumed;
            index = -1;
            number = NaN;
            k++;
          }
          vEnd = k;
          if (k + 3 >= n || buf.charCodeAt(k + 1) !== 47 || buf.charCodeAt(k + 2) !== 118 || buf.charCodeAt(k + 3) !== 62) return consumed;
          i = k + 4;
        }
        if (i + 3 >= n || buf.charCodeAt(i) !== 60 || buf.charCodeAt(i + 1) !== 47 || buf.charCodeAt(i + 2) !== 99 || buf.charCodeAt(i + 3) !== 62) return consumed;
        i += 4;
        if (vEnd - vStart > this.limits.maxStringChars) return consumed;
      }
      if (!hasRef) {
        row = this.rowIndex;
        col = this.colIndex + 1;
      }
      // Off the grid: the general path reports it.
      if (row < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return consumed;
      // The whole cell is read: from here on it is this cell's, as the general path would do it.
      this.row = row;
      this.col = col;
      this.colIndex = col;
      this.styleIndex = style;
      let cell: Cell | null | undefined;
      if (index >= 0) {
        if (index < this.info.sharedStrings.length) cell = this.cells.sharedCell(style, index);
      } else if (number === number) cell = this.cells.numberCell(style, number);
      if (cell === undefined) {
        this.type = tKind === 0 ? undefined : tKind === 1 ? 's' : tKind === 2 ? 'n' : buf.slice(tStart, tEnd);
        this.hasFormula = false;
        this.v = vEnd > vStart ? buf.slice(vStart, vEnd) : undefined;
        this.inline = undefined;
        cell = this.cells.cellOf(this);
      }
      this.emitCell(cell);
      consumed = p = i;
    }
  }

  /**
   * `</row><row r="8" …>` between two rows (a close and an open: the depth stays), as the
   * general path would take it: `r` (plain digits) or the next row, columns from the start. A
   * self-closing row, a prefixed name answering for `r`, an entity, single quotes: -1.
   */
  private fastRow(buf: string, p: number): number {
    const n = buf.length;
    // `</row><row` then a space or `>`.
    if (p + 11 >= n || buf.charCodeAt(p + 2) !== 114 || buf.charCodeAt(p + 3) !== 111 || buf.charCodeAt(p + 4) !== 119 || buf.charCodeAt(p + 5) !== 62) return -1;
    if (buf.charCodeAt(p + 6) !== 60 || buf.charCodeAt(p + 7) !== 114 || buf.charCodeAt(p + 8) !== 111 || buf.charCodeAt(p + 9) !== 119) return -1;
    let i = p + 10;
    let c = buf.charCodeAt(i);
    if (c !== 32 && c !== 62) return -1;
    let row = -1;
    for (;;) {
      while (c === 32 || c === 10 || c === 9 || c === 13) {
        if (++i >= n) return -1;
        c = buf.charCodeAt(i);
      }
      if (c === 62) {
        i++;
        break;
      }
      // An attribute: a name (its local part after any prefix), `="`, a value.
      let local = i;
      while (c !== 61) {
        if (c <= 32 || c === 62 || c === 47 || c === 34 || c === 39) return -1;
        if (c === 58) local = i + 1;
        if (++i >= n) return -1;
        c = buf.charCodeAt(i);
      }
      if (i === local || i + 1 >= n || buf.charCodeAt(i + 1) !== 34) return -1;
      const isR = i - local === 1 && buf.charCodeAt(local) === 114;
      let q = i + 2;
      if (isR) {
        // Only an unprefixed `r` is read here (`xmlns:r` is no attribute, `x:r` is: the general path).
        if (row >= 0 || buf.charCodeAt(local - 1) === 58) return -1;
        const value = this.quotedDigits(buf, q, 7);
        if (value < 0) return -1;
        q = this.digitsEnd;
        row = value - 1;
        if (row < 0 || row >= MAX_ROWS) return -1;
      } else {
        q = quoteAt(buf, q);
        if (q < 0) return -1;
      }
      i = q + 1;
      if (i >= n) return -1;
      c = buf.charCodeAt(i);
    }
    if (row < 0) {
      row = this.rowIndex + 1;
      if (!(row >= 0 && row < MAX_ROWS)) return -1;
    }
    this.rowIndex = row;
    this.colIndex = -1;
    return i;
  }

  /** Where `plainDecimal` stopped. */
  private decimalEnd = 0;

  /**
   * `Number.parseFloat` of the plain decimal (`-?digits(.digits)?`) at `start` of `src`, read up
   * to the first character that cannot continue it (left in `decimalEnd`), or NaN when it is
   * not one (the caller then parses the string). Exact: with the digits as an integer m < 2^53
   * and at most 22 decimals, m and 10^k are both exact doubles, and one IEEE division rounds
   * m / 10^k correctly, as parseFloat does.
   */
  private plainDecimal(src: string, start: number): number {
    const n = src.length;
    let i = start;
    const negative = i < n && src.charCodeAt(i) === 45;
    if (negative) i++;
    let m = 0;
    const intStart = i;
    for (; i < n; i++) {
      const d = src.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
    }
    let decimals = 0;
    let ok = i > intStart;
    if (i < n && src.charCodeAt(i) === 46) {
      const fracStart = ++i;
      for (; i < n; i++) {
        const d = src.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        m = m * 10 + d;
      }
      decimals = i - fracStart;
      if (decimals === 0 || decimals > 22) ok = false;
    }
    this.decimalEnd = i;
    // Below 2^53 every partial sum was exact (they only grow); at or above it one may not have been.
    if (!ok || m >= 9007199254740992) return NaN;
    const value = decimals === 0 ? m : m / POW10[decimals]!;
    return negative ? -value : value;
  }

  private emitCell(cell: Cell | null): void {
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

/** 10^0 … 10^22: every one exactly a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The closing `"` of an attribute value from `start`, or -1 at a `&` or `<` (the general path) or the end of the input. */
function quoteAt(src: string, start: number): number {
  const n = src.length;
  for (let q = start; q < n; q++) {
    const v = src.charCodeAt(q);
    if (v === 34) return q;
    if (v === 38 || v === 60) return -1;
  }
  return -1;
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
