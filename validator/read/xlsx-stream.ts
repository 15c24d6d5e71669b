/**
 * The streaming xlsx reader, for files too large for the full reader. exceljs's
 * `stream.xlsx.WorkbookReader` reads the ZIP, workbook, relationships, shared strings and
 * styles (`styles: 'cache'`, without which dates come back as numbers); each worksheet part's
 * XML is then read by sheet-xml.ts, which keeps what exceljs's streaming cell parser loses
 * (formula errors and booleans, inline rich text, zh-TW built-in date ids). Memory: the model
 * plus shared strings, never a DOM of the workbook.
 *
 * Worksheets that arrive in the ZIP before styles.xml are spooled to a temporary file and read
 * once the styles are known (exceljs itself does this only for shared strings).
 *
 * UTF-8: exceljs's SAX helper decodes every inflated chunk on its own, so a multi-byte character
 * split across two chunks became two U+FFFD (`加碼` → `��碼`; exceljs issues #2063, #2084,
 * #2316). Every part is therefore handed to the SAX parser as text decoded by one streaming
 * decoder per part (`setEncoding('utf8')` on the ZIP entry for the parts exceljs parses itself —
 * workbook, relationships, shared strings, styles — and `utf8Chunks` for worksheet XML); the
 * helper passes strings through untouched.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Table, Workbook } from '../../rules/model';
import { applyDateFormat, formatOfStyle, rawCellValue, toModelCell, type ExceljsStyles, type SharedString } from './cell-values';
import { parseSheetXml } from './sheet-xml';
import { TableBuilder } from './table-builder';

/** The parts of exceljs's WorkbookReader used here (public fields of its instance). */
interface WorkbookReaderState {
  readonly sharedStrings?: readonly SharedString[];
  readonly styles: ExceljsStyles;
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
  readonly model?: { readonly sheets?: ReadonlyArray<{ readonly name: string; readonly rId: string }> };
  readonly workbookRels?: ReadonlyArray<{ readonly Id: string; readonly Target: string }>;
  on(event: 'entry', listener: (entry: { type: string; id?: string }) => void): void;
  parse(): AsyncIterable<{ eventType: string; value: unknown }>;
}

/** exceljs 4.4 WorkbookReader internals that receive a part's ZIP entry stream (wrapped below). */
type EntryMethod = (this: unknown, entry: { setEncoding(encoding: BufferEncoding): unknown }) => unknown;
type WorksheetMethod = (this: unknown, iterator: AsyncIterable<unknown>, sheetNo: string) => unknown;
interface WorkbookReaderInternals {
  _parseRels: EntryMethod;
  _parseWorkbook: EntryMethod;
  _parseSharedStrings: EntryMethod;
  _parseStyles: EntryMethod;
  _parseWorksheet: WorksheetMethod;
}

/**
 * Makes this one reader instance decode each part as a whole (see the header): the entry streams
 * of the small parts and of shared strings emit strings decoded by Node's StringDecoder, and
 * worksheet chunks go through `utf8Chunks`. Throws if exceljs's internals moved (pinned 4.4.0).
 */
function decodePartsAsUtf8(reader: WorkbookReaderInternals): void {
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const) {
    const original = reader[name];
    if (typeof original !== 'function') throw new Error(`exceljs WorkbookReader.${name} is missing`);
    reader[name] = function (this: unknown, entry) {
      entry.setEncoding('utf8');
      return original.call(this, entry);
    };
  }
  const parseWorksheet = reader._parseWorksheet;
  if (typeof parseWorksheet !== 'function') throw new Error('exceljs WorkbookReader._parseWorksheet is missing');
  reader._parseWorksheet = function (this: unknown, iterator, sheetNo) {
    return parseWorksheet.call(this, utf8Chunks(iterator), sheetNo);
  };
}

/**
 * A part's chunks (Buffers, byte arrays or strings) as text, decoded by one streaming decoder
 * so that a character split across chunks is joined, not replaced by U+FFFD.
 */
export async function* utf8Chunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const text = decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

interface WorksheetEvent {
  readonly iterator: AsyncIterable<unknown>;
}

interface ParsedSheet {
  readonly sheetNo: string;
  readonly table: Table;
}

export async function readXlsxStream(input: string | Readable): Promise<Workbook> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  }) as unknown as WorkbookReaderState;
  decodePartsAsUtf8(reader as unknown as WorkbookReaderInternals);

  let stylesSeen = false;
  let currentSheetNo = '';
  reader.on('entry', (entry) => {
    if (entry.type === 'styles') stylesSeen = true;
    if (entry.type === 'worksheet') currentSheetNo = String(entry.id);
  });

  const parsed: ParsedSheet[] = [];
  const spooled: Array<{ sheetNo: string; file: string }> = [];
  let spoolDir: string | undefined;
  try {
    for await (const { eventType, value } of reader.parse()) {
      if (eventType !== 'worksheet') continue;
      const { iterator } = value as WorksheetEvent;
      const sheetNo = currentSheetNo;
      if (stylesSeen) {
        parsed.push({ sheetNo, table: await readSheet(iterator, reader, sheetNo) });
      } else {
        spoolDir ??= await mkdtemp(path.join(tmpdir(), 'partner-check-sheet-'));
        const file = path.join(spoolDir, `sheet${sheetNo}.xml`);
        await pipeline(iterator, createWriteStream(file, { encoding: 'utf8' }));
        spooled.push({ sheetNo, file });
      }
    }
    for (const { sheetNo, file } of spooled) {
      parsed.push({ sheetNo, table: await readSheet(createReadStream(file, { encoding: 'utf8' }), reader, sheetNo) });
    }
  } finally {
    if (spoolDir) await rm(spoolDir, { recursive: true, force: true });
  }
  return { tables: inWorkbookOrder(parsed, reader) };
}

async function readSheet(chunks: AsyncIterable<unknown>, reader: WorkbookReaderState, sheetNo: string): Promise<Table> {
  const table = new TableBuilder(sheetName(reader, sheetNo));
  const date1904 = Boolean(reader.properties?.model?.date1904);
  const sharedStrings = reader.sharedStrings ?? [];
  // Format per style index, looked up once (null: the style has no format).
  const formats = new Map<number, string | null>();
  const formatOf = (styleIndex: number): string | undefined => {
    let format = formats.get(styleIndex);
    if (format === undefined) {
      format = formatOfStyle(reader.styles, styleIndex) ?? null;
      formats.set(styleIndex, format);
    }
    return format ?? undefined;
  };
  const merges: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  await parseSheetXml(chunks, {
    cell(raw) {
      const format = formatOf(raw.styleIndex);
      const value = applyDateFormat(rawCellValue(raw, sharedStrings), format, date1904);
      table.set(raw.row, raw.col, toModelCell(value, format, raw.row, raw.col));
    },
    merge(range) {
      merges.push(range);
    },
  });
  // Like the full reader: a merged area's value lives in its top-left cell only.
  for (const m of merges) table.clearMergedSlaves(m.top, m.left, m.bottom, m.right);
  return table.build();
}

/** The sheet's tab name, via the workbook relationships (targets may be absolute). */
function sheetName(reader: WorkbookReaderState, sheetNo: string): string {
  return sheetEntry(reader, sheetNo)?.name ?? `Sheet${sheetNo}`;
}

function sheetEntry(reader: WorkbookReaderState, sheetNo: string) {
  const wanted = `worksheets/sheet${sheetNo}.xml`;
  const rel = reader.workbookRels?.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === wanted);
  return rel ? reader.model?.sheets?.find((s) => s.rId === rel.Id) : undefined;
}

/** Tables in tab order (workbook.xml), as the full reader returns them. */
function inWorkbookOrder(parsed: ParsedSheet[], reader: WorkbookReaderState): Table[] {
  const sheets = reader.model?.sheets ?? [];
  const position = (p: ParsedSheet) => {
    const entry = sheetEntry(reader, p.sheetNo);
    const i = entry ? sheets.indexOf(entry) : -1;
    return i < 0 ? sheets.length + Number(p.sheetNo) : i;
  };
  return [...parsed].sort((a, b) => position(a) - position(b)).map((p) => p.table);
}
