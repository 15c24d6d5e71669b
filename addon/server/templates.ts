/**
 * insertTemplates(): empty, validated tabs for the four sheet kinds, rendered from the shared
 * template spec (rules/template-spec.ts, itself derived from the column definitions) — the same
 * spec the Excel templates use, so the two cannot drift apart.
 *
 * Per tab: the zh-TW header row (English and the help in each header's note), frozen; required
 * columns green, optional grey (as the spec's instructions say); column widths; number formats
 * and dropdowns (requireValueInList, a warning rather than a stop, since the rules accept aliases)
 * over the bounded data rows of the spec. An existing tab of that name is never touched.
 */
import { templateSpecs, type Lang, type TemplateSheetSpec } from '../../rules/index.js';
import { campaign, getLang } from './env.js';
import { TEXT, tr } from './i18n.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const REQUIRED_HEADER_BG = '#d9ead3';
export const OPTIONAL_HEADER_BG = '#efefef';

export interface TemplatesResult {
  readonly created: readonly string[];
  readonly skipped: readonly string[];
}

export function runInsertTemplates(options: { quiet?: boolean } = {}): TemplatesResult {
  const lang = getLang();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const created: string[] = [];
  const skipped: string[] = [];
  let first: Sheet | null = null;
  for (const spec of templateSpecs(campaign())) {
    if (ss.getSheetByName(spec.sheetName)) {
      skipped.push(spec.sheetName);
      continue;
    }
    const sheet = ss.insertSheet(spec.sheetName, ss.getSheets().length);
    renderTemplate(sheet, spec, lang);
    created.push(spec.sheetName);
    first = first ?? sheet;
  }
  if (first) first.activate();
  if (!options.quiet) {
    const none = tr(TEXT.none, lang);
    ss.toast(tr(TEXT.toastTemplates, lang, { created: created.join('、') || none, skipped: skipped.join('、') || none }), tr(TEXT.addonTitle, lang), 5);
  }
  return { created, skipped };
}

/** Draws one template tab on an empty sheet. */
export function renderTemplate(sheet: Sheet, spec: TemplateSheetSpec, lang: Lang): void {
  const cols = spec.columns;
  const n = cols.length;
  const dataRows = spec.lastDataRow - spec.firstDataRow + 1;
  // A new tab has 1000 rows; the spec's dropdowns reach further.
  const maxRows = sheet.getMaxRows();
  if (maxRows < spec.lastDataRow) sheet.insertRowsAfter(maxRows, spec.lastDataRow - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols < n) sheet.insertColumnsAfter(maxCols, n - maxCols);

  const header = sheet.getRange(spec.headerRow, 1, 1, n);
  header.setValues([cols.map((c) => c.zh)]);
  header.setNotes([cols.map((c) => c.note)]);
  header.setBackgrounds([cols.map((c) => (c.required ? REQUIRED_HEADER_BG : OPTIONAL_HEADER_BG))]);
  header.setFontWeight('bold');
  header.setVerticalAlignment('middle');
  header.setWrap(true);
  sheet.setFrozenRows(spec.headerRow);

  for (const c of cols) {
    sheet.setColumnWidth(c.index + 1, c.widthPx);
    const data = sheet.getRange(spec.firstDataRow, c.index + 1, dataRows, 1);
    if (c.numberFormat) data.setNumberFormat(c.numberFormat);
    if (c.dropdown) {
      const values = c.dropdown.values;
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList([...values], true)
        .setAllowInvalid(true)
        .setHelpText(tr(TEXT.templateHelp, lang, { column: lang === 'en' ? c.en : c.zh, values: values.join(lang === 'en' ? ', ' : '、') }))
        .build();
      data.setDataValidation(rule);
    }
  }
}

export type { Spreadsheet };
