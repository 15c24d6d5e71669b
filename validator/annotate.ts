/**
 * The annotated copy (`--annotate DIR`): for each checked file a new `<basename>.checked.xlsx`
 * whose first sheet 檢查結果 lists every violation (sheet, cell as an internal link, rule,
 * severity, message, suggestion), and whose violating cells are filled (red for errors, amber
 * for warnings) and carry a note with the message and suggestion.
 *
 * An .xlsx read by the full reader is copied with exceljs, so the user's layout, formats and
 * formulas stay; CSV files and very large workbooks (read by the streaming reader) are rebuilt
 * from the model. The input file is only ever read. Text copied out of user cells — into cells
 * we create and in the copied sheets — is neutralised against formula injection; the output is
 * written atomically.
 */
import type ExcelJS from 'exceljs';

/** exceljs is loaded on first use: most runs (no --annotate, no --out .xlsx) never need it. */
async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Cell as ModelCell, Lang, Severity, Workbook } from '../rules/index.js';
import { writeFileAtomic } from './fs-atomic.js';
import { summaryData, t } from './i18n.js';
import { looksLikeFormula, neutralize } from './neutralize.js';
import type { CliFileReport, CliViolation } from './format/types.js';

export const SUMMARY_SHEET = '檢查結果';

/** ARGB fills by severity; infos get a note but no fill. */
export const SEVERITY_FILL: Readonly<Record<Severity, string | null>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: null };

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export interface AnnotateInput {
  /** The file as checked (read only). */
  readonly inputPath: string;
  /** Its model, for CSV and streamed workbooks. */
  readonly workbook: Workbook;
  /** Which reader produced the model: only `full` xlsx files are copied with exceljs. */
  readonly reader: 'full' | 'stream' | 'csv' | string;
  readonly report: CliFileReport;
  readonly lang: Lang;
  readonly today: string;
}

/**
 * `<basename>.checked.xlsx`; when that name is taken in this batch, `<basename> (2).checked.xlsx` …
 * @example annotatedFileName('forms/報名表.csv', new Set()) === '報名表.checked.xlsx'
 */
export function annotatedFileName(inputPath: string, taken: Set<string>): string {
  const base = path.basename(inputPath, path.extname(inputPath));
  let name = `${base}.checked.xlsx`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).checked.xlsx`;
  taken.add(name.toLowerCase());
  return name;
}

/** Writes the annotated copy to `outPath` (atomically). */
export async function writeAnnotatedCopy(input: AnnotateInput, outPath: string): Promise<void> {
  const Excel = await loadExcelJS();
  const book = input.reader === 'full' ? await copyWorkbook(Excel, input.inputPath) : rebuildWorkbook(Excel, input.workbook);
  if (input.reader === 'full') neutralizeCopiedText(book);
  markCells(book, input.report.violations, input.lang);
  addSummarySheet(book, input);
  const buffer = await book.xlsx.writeBuffer();
  writeFileAtomic(outPath, new Uint8Array(buffer as ArrayBuffer));
}

async function copyWorkbook(Excel: typeof ExcelJS, inputPath: string): Promise<ExcelJS.Workbook> {
  const book = new Excel.Workbook();
  const bytes = readFileSync(inputPath);
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

/**
 * The copy carries the user's text cells; any that would start a formula once re-typed or saved
 * as CSV (`=…`, `+…`, `-…`, `@…`) get the leading apostrophe, like every other text we copy out
 * of a user's file (SPEC §7). Real formulas of the workbook stay formulas: they are the user's
 * own and were formulas in the input already.
 */
function neutralizeCopiedText(book: ExcelJS.Workbook): void {
  for (const ws of book.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        if (typeof v === 'string') {
          if (looksLikeFormula(v)) cell.value = neutralize(v);
          return;
        }
        if (typeof v !== 'object' || v === null || v instanceof Date) return;
        const rich = (v as ExcelJS.CellRichTextValue).richText;
        if (Array.isArray(rich) && rich.length > 0 && looksLikeFormula(rich.map((r) => r.text).join(''))) {
          cell.value = { richText: [{ ...rich[0]!, text: `'${rich[0]!.text}` }, ...rich.slice(1)] };
          return;
        }
        const link = v as ExcelJS.CellHyperlinkValue;
        if (typeof link.hyperlink === 'string' && typeof link.text === 'string' && looksLikeFormula(link.text)) {
          cell.value = { ...link, text: neutralize(link.text) };
        }
        // A hyperlink whose text is rich text (issue 11): the runs joined decide.
        const runs = (link as unknown as { text?: { richText?: ExcelJS.RichText[] } }).text?.richText;
        if (typeof link.hyperlink === 'string' && Array.isArray(runs) && runs.length > 0 && looksLikeFormula(runs.map((r) => r.text).join(''))) {
          cell.value = { ...link, text: neutralize(runs.map((r) => r.text).join('')) };
        }
      });
    });
  }
}

/** Excel's sheet-name rules: ≤ 31 characters, none of `[]:*?/\`, not blank. */
export function safeSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** The model rebuilt as a workbook: one sheet per table, user text neutralised. */
function rebuildWorkbook(Excel: typeof ExcelJS, model: Workbook): ExcelJS.Workbook {
  const book = new Excel.Workbook();
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase()]);
  for (const table of model.tables) {
    const ws = book.addWorksheet(safeSheetName(table.name, taken));
    // Keep the model's name reachable for violations that name the table.
    sheetAliases.set(ws, table.name);
    table.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        writeModelCell(ws.getCell(r + 1, c + 1), cell);
      });
    });
    const widths = new Map<number, number>();
    for (const row of table.rows.slice(0, 200)) row.forEach((cell, c) => cell && widths.set(c, Math.max(widths.get(c) ?? 8, Math.min(40, textWidth(cell.text) + 2))));
    for (const [c, w] of widths) ws.getColumn(c + 1).width = w;
  }
  return book;
}

const sheetAliases = new WeakMap<ExcelJS.Worksheet, string>();

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function writeModelCell(target: ExcelJS.Cell, cell: ModelCell): void {
  const v = cell.value;
  if (v === null) return;
  if (typeof v === 'string') target.value = neutralize(v);
  else if (typeof v === 'number' || typeof v === 'boolean') target.value = v;
  else if (v.type === 'date') {
    target.value = new Date(v.wall);
    const secs = Math.floor((v.wall % 86_400_000) / 1000);
    target.numFmt = secs === 0 ? 'yyyy/m/d' : 'yyyy/m/d hh:mm:ss';
    return;
  } else target.value = neutralize(v.error);
  if (cell.format && !cell.format.startsWith('#') && typeof v === 'number') target.numFmt = cell.format;
}

function worksheetByName(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return book.worksheets.find((ws) => ws.name === name || sheetAliases.get(ws) === name);
}

function noteText(list: readonly CliViolation[], lang: Lang): string {
  return list
    .map((v) => {
      const lines = [`[${t(lang, `sev.${v.severity}`)}] ${v.message}`];
      if (v.suggestion) lines.push(`${t(lang, 'report.suggestion')}${lang === 'en' ? ': ' : '：'}${v.suggestion.value}${v.suggestion.label ? `（${v.suggestion.label}）` : ''}`);
      lines.push(`(${v.ruleId})`);
      return lines.join('\n');
    })
    .join('\n\n');
}

function existingNote(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object' && Array.isArray((note as ExcelJS.Comment).texts)) {
    return (note as ExcelJS.Comment).texts!.map((r) => r.text).join('');
  }
  return '';
}

/** Fills every violating cell by its worst severity and gives it a note listing its violations. */
function markCells(book: ExcelJS.Workbook, violations: readonly CliViolation[], lang: Lang): void {
  const byCell = new Map<string, { sheet: string; cell: string; list: CliViolation[] }>();
  for (const v of violations) {
    if (v.sheet === null || v.cell === null) continue;
    const key = `${v.sheet}\u0001${v.cell}`;
    const entry = byCell.get(key);
    if (entry) entry.list.push(v);
    else byCell.set(key, { sheet: v.sheet, cell: v.cell, list: [v] });
  }
  for (const { sheet, cell: address, list } of byCell.values()) {
    const ws = worksheetByName(book, sheet);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = list.reduce<Severity>((w, v) => (SEVERITY_RANK[v.severity] > SEVERITY_RANK[w] ? v.severity : w), 'info');
    const fill = SEVERITY_FILL[worst];
    if (fill) {
      // A fresh style object: exceljs shares style objects between cells read from one style.
      cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill }, bgColor: { argb: fill } } };
    }
    const before = existingNote(cell);
    const text = noteText(list, lang);
    cell.note = { texts: [{ text: before ? `${before}\n\n${text}` : text }] } as ExcelJS.Comment;
  }
}

/** `'報名表'!C4`, the location of a cell in another sheet. */
export function internalLink(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * `HYPERLINK("#'報名表'!C4","C4")`: a link to a cell of this workbook that Excel and LibreOffice
 * follow. (exceljs writes its hyperlink values with an external relationship, which sends both
 * programs looking for a file; the formula avoids that.) Quotes in the sheet name are escaped,
 * so user text can never leave the string literal.
 */
export function hyperlinkFormula(sheet: string, cell: string, label: string): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  return `HYPERLINK(${quote(`#${internalLink(sheet, cell)}`)},${quote(label)})`;
}

function addSummarySheet(book: ExcelJS.Workbook, input: AnnotateInput): void {
  const { lang, report } = input;
  const taken = new Set(book.worksheets.map((ws) => ws.name.toLowerCase()));
  const name = safeSheetName(SUMMARY_SHEET, taken);
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2, tabSelected: true } as unknown as ExcelJS.WorksheetView] });
  // First tab: give it the lowest order number and make it the active tab.
  const minOrder = Math.min(...book.worksheets.filter((w) => w !== ws).map((w) => (w as unknown as { orderNo: number }).orderNo), 1);
  (ws as unknown as { orderNo: number }).orderNo = minOrder - 1;
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  for (const other of book.worksheets) {
    if (other === ws) continue;
    const views = (other.views ?? []) as Array<Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean }>;
    other.views = views.map((v) => ({ ...v, tabSelected: false })) as ExcelJS.WorksheetView[];
  }

  const counts = report.counts;
  ws.getCell('A1').value = neutralize(`${path.basename(input.inputPath)} — ${t(lang, 'annotate.summary', { ...summaryData({ files: 1, ...counts }), today: input.today })}`);
  ws.getCell('A1').font = { bold: true };
  const headers = [t(lang, 'col.sheet'), t(lang, 'col.cell'), t(lang, 'col.column'), t(lang, 'col.severity'), t(lang, 'col.rule'), t(lang, 'col.message'), t(lang, 'col.value'), t(lang, 'col.suggestion')];
  const withStatus = report.violations.some((v) => v.status !== undefined);
  if (withStatus) headers.push(t(lang, 'col.status'));
  const head = ws.getRow(2);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } };
  });
  const sheetNames = new Set(book.worksheets.map((w) => w.name));
  let r = 3;
  for (const v of report.violations) {
    const row = ws.getRow(r++);
    row.getCell(1).value = v.sheet === null ? '' : neutralize(v.sheet);
    const where = v.cell ?? (v.row !== null ? t(lang, 'report.row', { row: v.row }) : '');
    const target = v.sheet !== null ? worksheetByName(book, v.sheet) : undefined;
    if (target && sheetNames.has(target.name) && (v.cell || v.row !== null)) {
      row.getCell(2).value = { formula: hyperlinkFormula(target.name, v.cell ?? `A${v.row}`, where), result: where } as ExcelJS.CellFormulaValue;
      row.getCell(2).font = { color: { argb: 'FF0563C1' }, underline: true };
    } else {
      row.getCell(2).value = where;
    }
    row.getCell(3).value = v.column === null ? '' : neutralize(v.column);
    row.getCell(4).value = t(lang, `sev.${v.severity}`);
    const fill = SEVERITY_FILL[v.severity];
    if (fill) row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    row.getCell(5).value = v.ruleId;
    row.getCell(6).value = neutralize(v.message);
    row.getCell(7).value = v.value === undefined ? '' : neutralize(v.value);
    row.getCell(8).value = v.suggestion ? neutralize(v.suggestion.value + (v.suggestion.label ? `（${v.suggestion.label}）` : '')) : '';
    if (withStatus) row.getCell(9).value = v.status ? t(lang, `status.${v.status}`) : '';
  }
  if (report.violations.length === 0) ws.getCell('A3').value = t(lang, 'annotate.noProblems');
  const widths = [14, 10, 16, 8, 34, 70, 24, 30, 8];
  headers.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i]));
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  if (report.violations.length > 0) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + report.violations.length, column: headers.length } };
}
