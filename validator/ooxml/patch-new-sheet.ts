/**
 * A new worksheet part written from scratch for package patching (the 檢查結果 tab): inline
 * strings (so sharedStrings.xml stays the user's), our own HYPERLINK formulas with their cached
 * result, column widths and a frozen header. The caller neutralises user text before it gets here.
 */
import { colLetters, escapeXml } from './patch-xml.js';

export interface NewCell {
  readonly text: string;
  /** cellXfs index. */
  readonly style?: number;
  /** A formula (without `=`) whose cached text result is `text`. */
  readonly formula?: string;
}

export interface NewSheet {
  readonly rows: readonly (readonly (NewCell | null)[])[];
  readonly widths: readonly number[];
  /** Rows frozen at the top. */
  readonly frozenRows: number;
}

export function newSheetXml(sheet: NewSheet): string {
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const frozen = sheet.frozenRows;
  const view = frozen > 0
    ? `<sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          if (!cell) return '';
          const ref = `${colLetters(c + 1)}${r + 1}`;
          const s = cell.style ? ` s="${cell.style}"` : '';
          if (cell.formula) return `<c r="${ref}"${s} t="str"><f>${escapeXml(cell.formula)}</f><v>${escapeXml(cell.text)}</v></c>`;
          if (cell.text === '') return cell.style ? `<c r="${ref}"${s}/>` : '';
          return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.text)}</t></is></c>`;
        })
        .join('');
      return cells ? `<row r="${r + 1}">${cells}</row>` : '';
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}
