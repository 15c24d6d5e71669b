/**
 * Workbooks across a worker boundary. A structured clone keeps a `ColumnarTable`'s typed arrays
 * and cells (shared cells stay shared) but not its class, so the reader worker posts each
 * columnar table as plain data and the receiving thread rebuilds it; plain tables cross as they are.
 */
import { ColumnarTable, type ColumnarTableData } from '../../rules/columnar-table';
import type { Table, Workbook } from '../../rules/model';

type Posted = Table | ColumnarTableData;

/** The workbook as posted by the reader worker. */
export function tablesToData(workbook: Workbook): Workbook {
  const tables: Posted[] = workbook.tables.map((t) => (t instanceof ColumnarTable ? t.toData() : t));
  return { tables: tables as Table[] };
}

/** The workbook as the reader worker built it. */
export function tablesFromData(workbook: Workbook): Workbook {
  const tables = (workbook.tables as readonly Posted[]).map((t) => ('columnar' in t && t.columnar === 1 ? ColumnarTable.fromData(t) : (t as Table)));
  return { tables };
}
