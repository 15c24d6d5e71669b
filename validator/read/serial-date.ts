/**
 * Spreadsheet date serials and exceljs Date objects → wall milliseconds (rules/model.ts).
 * A serial is a wall-clock reading with no time zone; exceljs turns it into a Date whose UTC
 * fields carry that reading, so only `getTime()` is used here, never a local-time getter, and
 * the host's TZ cannot matter.
 */

/** Days from the 1900 serial epoch (1899-12-30, with Excel's leap-year bug) to 1970-01-01. */
const EPOCH_1900_TO_UNIX_DAYS = 25569;
/** The 1904 date system (old Mac workbooks) counts from 1904-01-01. */
const DATE1904_OFFSET_DAYS = 1462;

/** Rounds to whole seconds: sheets show seconds, and serials carry float noise below that. */
function roundToSecond(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}

/**
 * Serial → wall ms. The millisecond step mirrors exceljs's `excelToDate` exactly, so the
 * streaming reader (which converts serials itself) and the full reader agree to the bit.
 */
export function serialToWall(serial: number, date1904: boolean): number {
  const ms = Math.round((serial - EPOCH_1900_TO_UNIX_DAYS + (date1904 ? DATE1904_OFFSET_DAYS : 0)) * 24 * 3600 * 1000);
  return roundToSecond(ms);
}

/** A Date from exceljs (wall-clock reading in its UTC fields) → wall ms. */
export function exceljsDateToWall(date: Date): number {
  return roundToSecond(date.getTime());
}

/**
 * An ISO 8601 cell value (`t="d"`, written by a few generators) → wall ms, reading the
 * clock fields as written and ignoring any zone suffix. Null when it is not ISO 8601.
 */
export function isoToWall(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m.slice(1);
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return roundToSecond(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
}
