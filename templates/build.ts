/**
 * Renders the template specs (rules/template-spec.ts) as .xlsx with exceljs: one data tab per
 * kind (frozen two-line header, widths, header notes, bounded dropdowns, number formats) and a
 * 說明 (instructions) tab. Output is deterministic — fixed document dates and creator, fixed zip
 * entry timestamps — so regenerating unchanged templates gives identical files and a test can
 * tell when the committed ones are stale against the column definitions. Files are written
 * atomically (validator/fs-atomic.ts).
 */
import type ExcelJS from 'exceljs';
import path from 'node:path';
import { readZip, writeZip } from './zip.js';
import { writeFileAtomic } from '../validator/fs-atomic.js';
import { lazyModule } from '../validator/lazy-module.js';
import {
  DEFAULT_CAMPAIGN,
  SHEET_KINDS,
  templateSpec,
  type Campaign,
  type SheetKind,
  type TemplateColumnSpec,
  type TemplateSheetSpec,
} from '../rules/index.js';

/** Document properties of every generated file (no clock: the files must be reproducible). */
export const GENERATED_BY = 'partner-check';
export const GENERATED_AT = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));

const GREEN = 'FF06C755'; // LINE green: required columns
const GREY = 'FFD9D9D9'; // optional columns
const WHITE = 'FFFFFFFF';
const BLACK = 'FF000000';
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** exceljs keeps sheet-level data validations in a model that its typings do not declare. */
interface SheetValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/** exceljs writes the templates; loaded when one is built (a `validate` run never needs it). */
const excel = lazyModule<typeof ExcelJS>('exceljs');

/** A new workbook with the fixed document properties. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new (excel().Workbook)();
  wb.creator = GENERATED_BY;
  wb.lastModifiedBy = GENERATED_BY;
  wb.created = GENERATED_AT;
  wb.modified = GENERATED_AT;
  wb.calcProperties = { fullCalcOnLoad: false };
  return wb;
}

/** An Excel list formula: `"是,否"` (the file format always separates with commas). */
export function listFormula(values: readonly string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

function headerStyle(col: TemplateColumnSpec): Partial<ExcelJS.Style> {
  return {
    font: { bold: true, color: { argb: col.required ? WHITE : BLACK } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: col.required ? GREEN : GREY } },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
    border: BORDER,
  };
}

/**
 * Adds a kind's data tab: header row 1 (zh-TW, then English on a second line; frozen), widths,
 * per-column number formats, header notes, and list validations over rows 2–2000.
 */
export function addDataSheet(wb: ExcelJS.Workbook, spec: TemplateSheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheetName, {
    properties: { tabColor: { argb: GREEN } },
    views: [{ state: 'frozen', xSplit: 0, ySplit: spec.headerRow, topLeftCell: `A${spec.firstDataRow}`, activeCell: `A${spec.firstDataRow}` }],
  });
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: c.width, style: c.numberFormat ? { numFmt: c.numberFormat } : {} }));
  const header = ws.getRow(spec.headerRow);
  header.height = 34;
  for (const c of spec.columns) {
    const cell = header.getCell(c.index + 1);
    cell.value = c.header;
    cell.style = headerStyle(c);
    cell.note = { texts: [{ text: c.note }], editAs: 'absolute' } as ExcelJS.Comment;
  }
  const validations = (ws as unknown as { dataValidations: SheetValidations }).dataValidations;
  for (const c of spec.columns) {
    if (!c.dropdown) continue;
    const zh = c.dropdown.values.join('、');
    validations.add(c.dropdown.range, {
      type: 'list',
      allowBlank: true,
      formulae: [listFormula(c.dropdown.values)],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.zh.slice(0, 32),
      error: `建議從選單選擇：${zh} / Please pick from the list.`.slice(0, 225),
    });
  }
  return ws;
}

/** Adds the 說明 tab: title, guidance, and one row per column with format, help and example. */
export function addInstructionsSheet(wb: ExcelJS.Workbook, spec: TemplateSheetSpec): ExcelJS.Worksheet {
  const ins = spec.instructions;
  const ws = wb.addWorksheet(ins.sheetName);
  ws.columns = [16, 22, 14, 34, 46, 22, 26, 60].map((width) => ({ width, style: { alignment: { vertical: 'top', wrapText: true } } }));
  let r = 1;
  const put = (values: string[], style?: Partial<ExcelJS.Style>) => {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      if (style) cell.style = { ...cell.style, ...style };
    });
    return row;
  };
  put([ins.title['zh-TW']], { font: { bold: true, size: 14 }, alignment: { vertical: 'top', wrapText: false } });
  put([ins.title.en], { font: { italic: true }, alignment: { vertical: 'top', wrapText: false } });
  r++;
  const plain: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: false } };
  ins.intro.forEach((line, i) => put([`${i + 1}. ${line['zh-TW']}`], plain));
  r++;
  ins.intro.forEach((line, i) => put([`${i + 1}. ${line.en}`], { ...plain, font: { italic: true } }));
  r++;
  const head = put(
    ins.tableHeader.map((h) => `${h['zh-TW']}\n${h.en}`),
    { font: { bold: true, color: { argb: WHITE } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: GREEN } }, border: BORDER },
  );
  head.height = 32;
  for (const row of ins.rows) {
    put(
      [
        row.column,
        row.columnEn,
        row.requirement['zh-TW'],
        row.format['zh-TW'],
        row.help['zh-TW'],
        row.example,
        row.options,
        `${row.help.en} (${row.requirement.en}; ${row.format.en})`,
      ],
      { border: BORDER },
    );
  }
  return ws;
}

/** One kind's template workbook: the data tab, then 說明. */
export function buildTemplateWorkbook(kind: SheetKind, campaign: Campaign = DEFAULT_CAMPAIGN): ExcelJS.Workbook {
  const spec = templateSpec(kind, campaign);
  const wb = newWorkbook();
  addDataSheet(wb, spec);
  addInstructionsSheet(wb, spec);
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Note boxes, deterministic bytes, atomic output

/** Target size of a note box in pixels (Excel otherwise opens every note as a 2×4-cell box). */
const NOTE_WIDTH_PX = 340;

const columnPx = (ws: ExcelJS.Worksheet, col0: number) => Math.round((ws.getColumn(col0 + 1).width ?? 8.43) * 7 + 5);
const rowPx = (ws: ExcelJS.Worksheet, row0: number) => Math.round((ws.getRow(row0 + 1).height ?? 15) * (4 / 3));

/** Rough rendered width of a line: CJK and full-width characters are about twice as wide. */
function textPx(line: string): number {
  let w = 0;
  for (const ch of line) w += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 13 : 7;
  return w;
}

function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/**
 * The VML anchor (`col, dx, row, dy, col, dx, row, dy`, offsets in pixels) of a note box to the
 * right of cell (row0, col0), wide enough for NOTE_WIDTH_PX and tall enough for its text.
 */
function noteAnchor(ws: ExcelJS.Worksheet, row0: number, col0: number, text: string): { anchor: number[]; widthPt: number; heightPt: number } {
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(textPx(l) / (NOTE_WIDTH_PX - 24))), 0);
  const height = lines * 17 + 16;
  const left = col0 + 1;
  const leftOff = 12;
  let c = left;
  let restW = NOTE_WIDTH_PX + leftOff;
  while (restW > columnPx(ws, c)) restW -= columnPx(ws, c++);
  const top = row0;
  const topOff = 4;
  let r = top;
  let restH = height + topOff;
  while (restH > rowPx(ws, r)) restH -= rowPx(ws, r++);
  return { anchor: [left, leftOff, top, topOff, c, restW, r, restH], widthPt: Math.round(NOTE_WIDTH_PX * 0.75 * 10) / 10, heightPt: Math.round(height * 0.75 * 10) / 10 };
}

/** Resizes every note box of one sheet's VML drawing to fit its text. */
function sizeNoteBoxes(vml: string, ws: ExcelJS.Worksheet): string {
  return vml.replace(/<v:shape [\s\S]*?<\/v:shape>/g, (shape) => {
    const at = /<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/.exec(shape);
    if (!at) return shape;
    const row0 = Number(at[1]);
    const col0 = Number(at[2]);
    const box = noteAnchor(ws, row0, col0, noteText(ws.getCell(row0 + 1, col0 + 1).note));
    return shape
      .replace(/width:[\d.]+pt;height:[\d.]+pt/, `width:${box.widthPt}pt;height:${box.heightPt}pt`)
      .replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${box.anchor.join(', ')}</x:Anchor>`);
  });
}

/**
 * The workbook as .xlsx bytes: exceljs's output with note boxes sized to their text, re-zipped
 * with fixed entry times, so the same workbook always gives the same bytes.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  // Folder entries (`xl/`) carry nothing a spreadsheet needs; they are left out.
  const parts = readZip(new Uint8Array(buf as ArrayBuffer)).filter((e) => !e.name.endsWith('/'));
  const entries = parts.map((e) => {
    const vml = /^xl\/drawings\/vmlDrawing(\d+)\.vml$/.exec(e.name);
    const ws = vml ? wb.getWorksheet(Number(vml[1])) : undefined;
    if (!ws) return e;
    return { name: e.name, data: new TextEncoder().encode(sizeNoteBoxes(new TextDecoder().decode(e.data), ws)) };
  });
  return writeZip(entries);
}

/** Writes the templates of `kinds` into `outDir`; returns the paths written. */
export async function writeTemplates(outDir: string, kinds: readonly SheetKind[] = SHEET_KINDS, campaign: Campaign = DEFAULT_CAMPAIGN): Promise<string[]> {
  const written: string[] = [];
  for (const kind of kinds) {
    const file = path.join(outDir, templateSpec(kind, campaign).fileName);
    writeFileAtomic(file, await workbookBytes(buildTemplateWorkbook(kind, campaign)));
    written.push(file);
  }
  return written;
}
