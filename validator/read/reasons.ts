/**
 * Why a file cannot be read, in both report languages. A reason says what the file really is
 * and what the user should do, because "cannot open file" alone sends people back to the
 * partner team; the partner-check report shows it under `workbook/unreadable`.
 */
import type { Message } from '../../rules/types';

/** A bilingual explanation of an unreadable file (zh-TW first, Taiwan usage). */
export type ReadFailureReason = Message;

export const REASONS = {
  empty: {
    'zh-TW': '檔案是空的（0 位元組），請確認上傳的是存檔後的完整檔案',
    en: 'The file is empty (0 bytes); make sure you upload the complete, saved file',
  },
  legacyXls: {
    'zh-TW': '這是舊版 Excel 97-2003 (.xls) 檔案，請在 Excel 另存為 .xlsx 後再上傳',
    en: 'This is a legacy Excel 97-2003 .xls file; save it as .xlsx and upload again',
  },
  encrypted: {
    'zh-TW': '這個 Excel 檔案有密碼保護（已加密），無法讀取；請在 Excel 移除密碼（檔案 › 資訊 › 保護活頁簿 › 以密碼加密，清空密碼）並存檔後再上傳',
    en: 'This Excel file is password-protected (encrypted) and cannot be read; remove the password in Excel (File › Info › Protect Workbook › Encrypt with Password, clear it), save and upload again',
  },
  otherOle: {
    'zh-TW': '這是舊版 Office 97-2003 格式的檔案，但不是 Excel 活頁簿；請上傳 .xlsx 或 .csv 檔',
    en: 'This is a legacy Office 97-2003 file but not an Excel workbook; upload an .xlsx or .csv file',
  },
  xlsb: {
    'zh-TW': '這是 Excel 二進位活頁簿 (.xlsb)，無法讀取；請在 Excel 另存為 .xlsx 後再上傳',
    en: 'This is an Excel binary workbook (.xlsb), which cannot be read; save it as .xlsx and upload again',
  },
  ods: {
    'zh-TW': '這是 OpenDocument 試算表 (.ods)；請另存為 .xlsx 後再上傳',
    en: 'This is an OpenDocument spreadsheet (.ods); save it as .xlsx and upload again',
  },
  wordOrPowerPoint: {
    'zh-TW': '這是 Word 或 PowerPoint 文件，不是 Excel 活頁簿；請上傳報名表或合約的 .xlsx 檔',
    en: 'This is a Word or PowerPoint document, not an Excel workbook; upload the enrollment or contract .xlsx file',
  },
  zipWithoutWorkbook: {
    'zh-TW': '這是 ZIP 壓縮檔，但裡面沒有 Excel 活頁簿（檔案可能已損毀或只是改了副檔名）；請在 Excel 重新另存為 .xlsx 後再上傳',
    en: 'This is a ZIP archive without an Excel workbook inside (the file may be damaged or merely renamed); save it again as .xlsx in Excel and upload again',
  },
  corruptZip: {
    'zh-TW': '檔案看起來是 .xlsx，但壓縮結構已損毀（可能下載或複製不完整）；請重新下載或在 Excel 重新存檔後再上傳',
    en: 'The file looks like an .xlsx but its ZIP structure is damaged (perhaps an incomplete download or copy); download it again or re-save it in Excel',
  },
  html: {
    'zh-TW': '這其實是網頁 (HTML) 檔，只是副檔名是試算表（常見於系統匯出的「Excel」報表）；請用 Excel 開啟後另存為 .xlsx 再上傳',
    en: 'This is actually a web page (HTML) with a spreadsheet extension (common for system "Excel" exports); open it in Excel, save it as .xlsx and upload again',
  },
  xmlSpreadsheet2003: {
    'zh-TW': '這是 Excel 2003 XML 試算表，不是 .xlsx；請用 Excel 開啟後另存為 .xlsx 再上傳',
    en: 'This is an Excel 2003 XML spreadsheet, not an .xlsx; open it in Excel, save it as .xlsx and upload again',
  },
  pdf: {
    'zh-TW': '這是 PDF 檔，無法檢查；請上傳原始的 .xlsx 或 .csv 檔',
    en: 'This is a PDF file and cannot be checked; upload the original .xlsx or .csv file',
  },
  textAsSpreadsheet: {
    'zh-TW': '這是純文字檔（可能是 CSV），副檔名卻是 Excel；請把副檔名改成 .csv，或用 Excel 另存為 .xlsx 後再上傳',
    en: 'This is a plain-text file (perhaps CSV) with an Excel extension; rename it to .csv, or save it as .xlsx in Excel, and upload again',
  },
  unsupportedText: {
    'zh-TW': '這是純文字檔，但副檔名不是 .csv、.tsv 或 .txt；請另存為 .csv 或 .xlsx 後再上傳',
    en: 'This is a plain-text file without a .csv, .tsv or .txt extension; save it as .csv or .xlsx and upload again',
  },
  unknownBinary: {
    'zh-TW': '無法辨識的檔案格式（不是 .xlsx 或 .csv）；請在 Excel 另存為 .xlsx 後再上傳',
    en: 'Unrecognised file format (neither .xlsx nor .csv); save it as .xlsx in Excel and upload again',
  },
  tooLargeOrMalformed: {
    'zh-TW': '檔案太大或結構異常，無法開啟；請刪除不需要的工作表、空白列與格式後另存新檔，或拆成較小的檔案再上傳',
    en: 'The file is too large or malformed and cannot be opened; delete unneeded sheets, blank rows and formatting and save a new copy, or split it into smaller files',
  },
  timedOut: {
    'zh-TW': '讀取檔案逾時（檔案太大或結構異常）；請刪除不需要的工作表、空白列與格式後另存新檔，或拆成較小的檔案再上傳',
    en: 'Reading the file timed out (too large or malformed); delete unneeded sheets, blank rows and formatting and save a new copy, or split it into smaller files',
  },
  corruptXlsx: {
    'zh-TW': '無法解析這個 .xlsx 檔（內容已損毀或不符合格式）；請在 Excel 開啟並重新另存為 .xlsx 後再上傳',
    en: 'This .xlsx file could not be parsed (damaged or non-conforming content); open it in Excel, save it again as .xlsx and upload again',
  },
  csvOverLimits: {
    'zh-TW': '這個 CSV 檔的列數或欄數超過試算表的上限（1,048,576 列、16,384 欄），無法檢查；請拆成較小的檔案，或刪除多餘的欄位後再上傳',
    en: "This CSV file has more rows or columns than a spreadsheet can hold (1,048,576 rows, 16,384 columns) and cannot be checked; split it into smaller files or delete the extra columns and upload again",
  },
  fileNotFound: {
    'zh-TW': '找不到檔案或沒有讀取權限',
    en: 'The file does not exist or cannot be read (permissions)',
  },
} as const satisfies Record<string, ReadFailureReason>;

/** The reason for an absurd merged-cell range (a "merge bomb"), naming the sheet and range. */
export function absurdMergeReason(sheet: string, range: string, cells: number): ReadFailureReason {
  const count = cells.toLocaleString('en-US');
  return {
    'zh-TW': `工作表「${sheet}」的合併儲存格 ${range} 範圍異常大（約 ${count} 格），檔案結構異常，無法開啟；請取消這個合併儲存格並另存新檔後再上傳`,
    en: `Sheet "${sheet}" has an absurdly large merged range ${range} (about ${count} cells); the file is malformed and cannot be opened. Unmerge it, save a new copy and upload again`,
  };
}
