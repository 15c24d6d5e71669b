/**
 * Number formats as the readers need them: which cells hold dates, and which format code to
 * report. Excel's built-in East-Asian date formats (ids 27–36 and 50–58, e.g. zh-TW
 * `[$-404]e/m/d` = ROC year) are stored as a bare numFmtId with no format code in the file;
 * exceljs knows no code for them and returns the serial as a plain number. The readers report
 * such a cell as a date with the format `#<id>` so the rules (and a human) know what it was.
 */

/** Built-in ids whose meaning depends on the locale; in zh-TW all are dates or times. */
export const LOCALE_DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** The `format` reported for a locale built-in id: `#27`. */
export function builtinFormatRef(numFmtId: number): string {
  return `#${numFmtId}`;
}

/** `27` for `#27`, else null. */
export function builtinIdOf(format: string | undefined): number | null {
  const m = format ? /^#(\d+)$/.exec(format) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Whether exceljs treats a format code as a date: the same test exceljs applies
 * (`utils.isDateFmt`), so cells are converted exactly as before the reader became our own.
 */
export function isDateFormatCode(format: string | undefined): boolean {
  if (!format) return false;
  const stripped = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(stripped);
}

/** Whether a cell with this format (code or `#id`) holds a date or time serial. */
export function isDateLikeFormat(format: string | undefined): boolean {
  const id = builtinIdOf(format);
  return id !== null ? LOCALE_DATE_FORMAT_IDS.has(id) : isDateFormatCode(format);
}

/**
 * Format codes equivalent to the zh-TW built-ins (exceljs's own zh-tw table). exceljs writes a
 * cell whose style had numFmtId 27 back with numFmtId 0 (General), so a copy saved by exceljs
 * shows the dates as serial numbers; a writer (e.g. of annotated copies) should set
 * `cell.numFmt = ZH_TW_FORMAT_CODES[id]` for cells the readers reported as `#<id>`.
 */
export const ZH_TW_FORMAT_CODES: Readonly<Record<number, string>> = {
  27: '[$-404]e/m/d',
  28: '[$-404]e"年"m"月"d"日"',
  29: '[$-404]e"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'hh"時"mm"分"',
  33: 'hh"時"mm"分"ss"秒"',
  34: '上午/下午 hh"時"mm"分"',
  35: '上午/下午 hh"時"mm"分"ss"秒"',
  36: '[$-404]e/m/d',
  50: '[$-404]e/m/d',
  51: '[$-404]e"年"m"月"d"日"',
  52: '上午/下午 hh"時"mm"分"',
  53: '上午/下午 hh"時"mm"分"ss"秒"',
  54: '[$-404]e"年"m"月"d"日"',
  55: '上午/下午 hh"時"mm"分"',
  56: '上午/下午 hh"時"mm"分"ss"秒"',
  57: '[$-404]e/m/d',
  58: '[$-404]e"年"m"月"d"日"',
};

/** How zh-TW Excel shows each locale built-in: which parts and in which style. */
export type ZhTwBuiltinStyle =
  | 'roc-slash' // 115/3/20
  | 'roc-cjk' // 115年3月20日
  | 'mdy' // 3/20/26
  | 'ymd-cjk' // 2026年3月20日
  | 'hm-cjk' // 10時00分
  | 'hms-cjk' // 10時00分00秒
  | 'ampm-hm-cjk' // 上午 10時00分
  | 'ampm-hms-cjk'; // 上午 10時00分00秒

export const ZH_TW_BUILTIN_STYLES: Readonly<Record<number, ZhTwBuiltinStyle>> = {
  27: 'roc-slash', 36: 'roc-slash', 50: 'roc-slash', 57: 'roc-slash',
  28: 'roc-cjk', 29: 'roc-cjk', 51: 'roc-cjk', 54: 'roc-cjk', 58: 'roc-cjk',
  30: 'mdy',
  31: 'ymd-cjk',
  32: 'hm-cjk',
  33: 'hms-cjk',
  34: 'ampm-hm-cjk', 52: 'ampm-hm-cjk', 55: 'ampm-hm-cjk',
  35: 'ampm-hms-cjk', 53: 'ampm-hms-cjk', 56: 'ampm-hms-cjk',
};

/**
 * The codes of ECMA-376's built-in number formats (Part 1, §18.8.30) that carry no code in the
 * file; the locale ids (27–36, 50–58) are reported as `#<id>` instead (above).
 */
export const BUILTIN_FORMAT_CODES: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
