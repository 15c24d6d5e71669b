/**
 * Reads the cells of one worksheet part (`xl/worksheets/sheetN.xml`) from a stream of XML
 * chunks, for the streaming reader. exceljs's own streaming worksheet parser drops facts the
 * rules need — a cached formula error (#N/A) becomes NaN, a formula's TRUE becomes 1, only the
 * last run of an inline rich string survives, `t="d"` dates and formula date results stay
 * serials — so this walks the same SAX events (exceljs's saxes helper) and keeps the raw cell:
 * its type attribute, style index, formula flag and value text. `cell-values.ts` turns a raw
 * cell into a model cell exactly as the full reader would.
 */
import parseSax from 'exceljs/lib/utils/parse-sax.js';
import { decodeA1, decodeRange, MalformedWorkbookError } from './table-builder';

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

export interface MergeRange {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetXmlSink {
  cell(cell: RawCell): void;
  merge(range: MergeRange): void;
}

/** `x:c` → `c`: some writers prefix the SpreadsheetML namespace. */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export async function parseSheetXml(chunks: AsyncIterable<unknown>, sink: SheetXmlSink): Promise<void> {
  let inSheetData = false;
  let rowIndex = -1;
  let colIndex = -1;
  // The cell being read.
  let cell: { row: number; col: number; type?: string; styleIndex: number; hasFormula: boolean } | null = null;
  let v: string | undefined;
  let inline: string | undefined;
  let target: 'v' | 'inline' | null = null;
  let inInline = false;
  let phoneticDepth = 0;

  for await (const events of parseSax(chunks)) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (target === 'v') v = (v ?? '') + event.value;
        else if (target === 'inline') inline = (inline ?? '') + event.value;
        continue;
      }
      const name = local(event.value.name);
      if (event.eventType === 'opentag') {
        const attrs = event.value.attributes;
        switch (name) {
          case 'sheetData':
            inSheetData = true;
            break;
          case 'row':
            if (!inSheetData) break;
            rowIndex = attrs.r ? Number.parseInt(attrs.r, 10) - 1 : rowIndex + 1;
            colIndex = -1;
            if (!Number.isFinite(rowIndex)) throw new MalformedWorkbookError(`bad row number "${attrs.r}"`);
            break;
          case 'c': {
            if (!inSheetData) break;
            const at = attrs.r ? decodeA1(attrs.r) : { row: rowIndex, col: colIndex + 1 };
            if (!at) throw new MalformedWorkbookError(`bad cell reference "${attrs.r}"`);
            colIndex = at.col;
            const s = attrs.s ? Number.parseInt(attrs.s, 10) : 0;
            cell = { row: at.row, col: at.col, type: attrs.t, styleIndex: Number.isFinite(s) ? s : 0, hasFormula: false };
            v = undefined;
            inline = undefined;
            break;
          }
          case 'f':
            if (cell) cell.hasFormula = true;
            break;
          case 'v':
            if (cell) target = 'v';
            break;
          case 'is':
            if (cell) inInline = true;
            break;
          case 'rPh':
            phoneticDepth++;
            break;
          case 't':
            if (cell && inInline && phoneticDepth === 0) {
              target = 'inline';
              inline ??= '';
            }
            break;
          case 'mergeCell': {
            const range = attrs.ref ? decodeRange(attrs.ref) : null;
            if (range) sink.merge({ ref: attrs.ref, ...range });
            break;
          }
          default:
            break;
        }
      } else {
        // saxes also reports a closetag for a self-closing element.
        closeTag(name);
      }
    }
  }

  function closeTag(name: string): void {
    switch (name) {
      case 'sheetData':
        inSheetData = false;
        break;
      case 'v':
      case 't':
        target = null;
        break;
      case 'is':
        inInline = false;
        break;
      case 'rPh':
        phoneticDepth = Math.max(0, phoneticDepth - 1);
        break;
      case 'c':
        if (cell) sink.cell({ ...cell, type: cell.type, v, inline });
        cell = null;
        target = null;
        inInline = false;
        break;
      default:
        break;
    }
  }
}
