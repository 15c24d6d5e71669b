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
import { decodeRange, MalformedWorkbookError } from './table-builder';

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
  /**
   * One cell. The object is reused for the next cell (one allocation per sheet instead of one
   * per cell): read it during the call, do not keep it.
   */
  cell(cell: RawCell): void;
  merge(range: MergeRange): void;
}

/** `x:c` → `c`: some writers prefix the SpreadsheetML namespace. */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** The mutable form of RawCell that the parser fills and hands to the sink, cell after cell. */
interface RawCellSlot {
  row: number;
  col: number;
  type: string | undefined;
  styleIndex: number;
  hasFormula: boolean;
  v: string | undefined;
  inline: string | undefined;
}

export async function parseSheetXml(chunks: AsyncIterable<unknown>, sink: SheetXmlSink): Promise<void> {
  let inSheetData = false;
  let rowIndex = -1;
  let colIndex = -1;
  // The cell being read (`inCell`), in the one slot reused for every cell.
  const cell: RawCellSlot = { row: 0, col: 0, type: undefined, styleIndex: 0, hasFormula: false, v: undefined, inline: undefined };
  let inCell = false;
  let target: 'v' | 'inline' | null = null;
  let inInline = false;
  let phoneticDepth = 0;

  for await (const events of parseSax(chunks)) {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (event.eventType === 'text') {
        if (target === 'v') cell.v = cell.v === undefined ? event.value : cell.v + event.value;
        else if (target === 'inline') cell.inline = cell.inline === undefined ? event.value : cell.inline + event.value;
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
            const ref = attrs.r;
            if (ref) {
              if (!decodeA1Into(ref, cell)) throw new MalformedWorkbookError(`bad cell reference "${ref}"`);
            } else {
              cell.row = rowIndex;
              cell.col = colIndex + 1;
            }
            colIndex = cell.col;
            const s = attrs.s ? Number.parseInt(attrs.s, 10) : 0;
            cell.type = attrs.t;
            cell.styleIndex = Number.isFinite(s) ? s : 0;
            cell.hasFormula = false;
            cell.v = undefined;
            cell.inline = undefined;
            inCell = true;
            break;
          }
          case 'f':
            if (inCell) cell.hasFormula = true;
            break;
          case 'v':
            if (inCell) target = 'v';
            break;
          case 'is':
            if (inCell) inInline = true;
            break;
          case 'rPh':
            phoneticDepth++;
            break;
          case 't':
            if (inCell && inInline && phoneticDepth === 0) {
              target = 'inline';
              cell.inline ??= '';
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
        if (inCell) sink.cell(cell);
        inCell = false;
        target = null;
        inInline = false;
        break;
      default:
        break;
    }
  }
}

/**
 * `C4` → at.row = 3, at.col = 2 (0-based), without a regex or an object (this runs for every
 * cell); false (and `at` unspecified) when it is not an A1 reference. Accepts exactly what
 * table-builder's `decodeA1` accepts: optional `$`s, 1–3 letters of either case, 1–7 digits.
 */
function decodeA1Into(ref: string, at: { row: number; col: number }): boolean {
  const n = ref.length;
  let i = 0;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const lettersStart = i;
  for (; i < n; i++) {
    let code = ref.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  const letters = i - lettersStart;
  if (letters < 1 || letters > 3) return false;
  if (i < n && ref.charCodeAt(i) === 36) i++; // $
  let row = 0;
  const digitsStart = i;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
  }
  const digits = i - digitsStart;
  if (digits < 1 || digits > 7) return false;
  at.row = row - 1;
  at.col = col - 1;
  return true;
}
