/**
 * Test data for the add-on: tabs as Google Sheets would hold them (values with instants for
 * dates, display texts, number formats), built from the shared column definitions.
 */
import type { SheetKind } from '../../../rules/index.js';
import { enrollmentRow, kindHeaders } from '../../helpers/tables.js';
import { instantOfWall, type GridInput } from '../fakes/gas.js';

/** A date cell of a spreadsheet in `timeZone` showing the wall clock y-m-d h:mi:s. */
export function dateIn(timeZone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date {
  return instantOfWall(Date.UTC(y, m - 1, d, h, mi, s), timeZone);
}

export type RowValues = Partial<Record<string, unknown>>;

/** A tab of `kind`: the zh-TW header row (all columns, or `keys`) and one row per entry. */
export function kindGrid(kind: SheetKind, rows: readonly RowValues[], keys?: readonly string[]): GridInput & { values: unknown[][] } {
  const { keys: cols, headers } = kindHeaders(kind, keys);
  return { values: [headers, ...rows.map((r) => cols.map((k) => (r[k] === undefined ? '' : r[k])))] };
}

/** A valid quarter-plan enrollment row (text cells as a brand types them): `enrollmentRow` of test/helpers/tables.ts. */
export function enrollment(over: RowValues = {}): RowValues {
  return { ...enrollmentRow(), ...over };
}
