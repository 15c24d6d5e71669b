/**
 * The full (in-memory) xlsx reader: exceljs's `Workbook().xlsx.load`. Best for small and
 * medium files; above STREAM_THRESHOLD_BYTES the streaming reader uses far less memory.
 *
 * Two things exceljs does not give directly are recovered here:
 * - zh-TW built-in date formats (numFmtId 27–36, 50–58) have no format code, so exceljs returns
 *   the serial as a plain number with no numFmt. The parsed styles (exceljs's StylesXform) are
 *   captured by wrapping `reconcile` on this one workbook's xlsx instance (not the prototype,
 *   so nothing else in the process changes), and a cell's style object — shared by identity
 *   with the styles cache — leads back to its numFmtId.
 * - exceljs copies a merged area's value into every slave cell; the model keeps it only in the
 *   master (top-left) cell, as the sheet shows it.
 */
import ExcelJS from 'exceljs';
import type { Table, Workbook } from '../../rules/model';
import { applyDateFormat, reportedFormat, toModelCell, type ExceljsStyles } from './cell-values';
import { fromExceljsValue } from './exceljs-value';
import { TableBuilder } from './table-builder';

interface ReconcilingXlsx {
  reconcile(model: { styles?: ExceljsStyles }, options: unknown): void;
}

export async function readXlsxFull(buffer: Uint8Array | ArrayBuffer): Promise<Workbook> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const workbook = new ExcelJS.Workbook();
  let styles: ExceljsStyles | undefined;
  const xlsx = workbook.xlsx as unknown as ReconcilingXlsx;
  const reconcile = xlsx.reconcile;
  xlsx.reconcile = function (this: ReconcilingXlsx, model, options) {
    styles = model.styles;
    return reconcile.call(this, model, options);
  };
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const date1904 = Boolean(workbook.properties?.date1904);
  const numFmtIds = numFmtIdsByStyleObject(styles);
  return { tables: workbook.worksheets.map((ws) => sheetToTable(ws, numFmtIds, date1904)) };
}

/** Style object (as shared by exceljs between its cache and the cells) → numFmtId. */
function numFmtIdsByStyleObject(styles: ExceljsStyles | undefined): Map<object, number> {
  const ids = new Map<object, number>();
  const cache = styles?.index?.model ?? {};
  for (const [index, styleObject] of Object.entries(cache)) {
    const numFmtId = styles?.model.styles?.[Number(index)]?.numFmtId;
    if (styleObject && numFmtId !== undefined) ids.set(styleObject, numFmtId);
  }
  return ids;
}

function sheetToTable(ws: ExcelJS.Worksheet, numFmtIds: Map<object, number>, date1904: boolean): Table {
  const table = new TableBuilder(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // a slave of a merged area
      const format = reportedFormat(cell.numFmt || undefined, numFmtIds.get(cell.style));
      const value = applyDateFormat(fromExceljsValue(cell.value), format, date1904);
      table.set(rowNumber - 1, colNumber - 1, toModelCell(value, format, rowNumber - 1, colNumber - 1));
    });
  });
  return table.build();
}
