/**
 * The CSV / text reader: Excel's "CSV" (Big5 on a zh-TW Windows), "CSV UTF-8" (with BOM),
 * "Unicode text" (UTF-16LE, tab separated), Google Sheets' UTF-8 and .tsv files. Every cell
 * stays a raw string — "0912345678" keeps its leading zero, "2026-05-08" is not turned into a
 * date here — because the rules parse each column by its meaning; empty cells are null.
 * The table is named after the file; the engine recognises its kind by the header row.
 */
import path from 'node:path';
import { makeCell, type Cell, type Workbook } from '../../rules/model';
import { parseDelimited, type Delimiter } from './delimited-text';
import { remember } from './cell-values';
import { TableBuilder } from './table-builder';
import { decodeText, type TextEncodingName } from './text-decode';

export interface CsvReadResult {
  readonly workbook: Workbook;
  readonly encoding: TextEncodingName;
}

export function readCsv(bytes: Uint8Array, name: string): CsvReadResult {
  const { text, encoding } = decodeText(bytes);
  const delimiter = chooseDelimiter(text, encoding, name);
  const table = new TableBuilder(tableName(name));
  // Equal fields share one cell, as the .xlsx reader's do: the columnar table then stores an id
  // per field. Bounded like the .xlsx reader's interning.
  const interned = new Map<string, Cell>();
  parseDelimited(text, delimiter).forEach((fields, r) => {
    fields.forEach((field, c) => {
      if (field === '') return table.set(r, c, null);
      table.set(r, c, interned.get(field) ?? remember(interned, field, makeCell(field, field)));
    });
  });
  return { workbook: { tables: [table.build()] }, encoding };
}

/** `exports/報名表.csv` → `報名表`. */
export function tableName(fileName: string): string {
  const base = path.basename(fileName);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

/**
 * Tab for Excel's "Unicode text" (UTF-16) and .tsv files, or when the header line has tabs
 * and no commas; otherwise comma. A UTF-16 file whose header has commas and no tabs is comma
 * separated (some tools write UTF-16 CSV).
 */
export function chooseDelimiter(text: string, encoding: TextEncodingName, fileName: string): Delimiter {
  const header = firstLine(text);
  const hasTab = header.includes('\t');
  const hasComma = header.includes(',');
  if (hasTab && !hasComma) return '\t';
  if (hasComma && !hasTab) return ',';
  if (encoding === 'utf-16le' || encoding === 'utf-16be' || path.extname(fileName).toLowerCase() === '.tsv') return '\t';
  return ',';
}

/** The first line, outside quotes. */
function firstLine(text: string): string {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}
