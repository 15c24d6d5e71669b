/**
 * A CSV input as an .xlsx to annotate: one tab per table, cells with real types where the
 * column's type and the text agree unambiguously — numbers, percents (`8%` → 0.08 shown `0%`),
 * dates and date-times and times with the templates' formats (TEMPLATE_NUMBER_FORMATS) — so
 * re-checking the copy gives the CSV's own violations. Everything else stays text: header rows,
 * unknown columns, cells with a violation (their message quotes the text as written), text the
 * parser reads in a way the typed cell would not (`5/8(五)`, ROC years, `15` in a percent column).
 * Text is neutralised against formula injection (`=…` → `'=…`), as everything the tool writes.
 */
import { a1, analyseWorkbook, TEMPLATE_NUMBER_FORMATS, type Campaign, type ColumnType, type ReportViolation, type Workbook } from '../rules/index.js';
import { safeSheetName, SUMMARY_SHEET } from './annotate.js';
import { neutralize } from './neutralize.js';

type Typed = { value: number | Date; numFmt?: string };

function decimalsOf(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

/** The typed value of `text` in a column of `type`, or null to keep it as text. */
export function typedValue(type: ColumnType, text: string): Typed | null {
  const s = text.trim();
  if (s !== text) return null;
  switch (type) {
    case 'percent': {
      const m = /^(\d{1,3}(?:\.\d{1,4})?)%$/.exec(s);
      if (!m) return null;
      const d = decimalsOf(m[1]!);
      return { value: Number(m[1]) / 100, numFmt: d === 0 ? '0%' : `0.${'0'.repeat(d)}%` };
    }
    case 'integer':
    case 'money':
    case 'number': {
      // Canonical numbers only: `007` or `1e3` would not read back as written.
      if (!/^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,6})?$/.test(s) || String(Number(s)) !== s) return null;
      return { value: Number(s), ...(type === 'money' ? { numFmt: TEMPLATE_NUMBER_FORMATS.money! } : {}) };
    }
    case 'date':
    case 'datetime': {
      const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
      if (!m) return null;
      const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
      const wall = Date.UTC(y, mo - 1, d, h, mi, se);
      const back = new Date(wall);
      if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
      const hasTime = m[4] !== undefined;
      if (type === 'date' && hasTime) return null;
      if (type === 'datetime' && !hasTime) return null;
      return { value: back, numFmt: type === 'date' ? TEMPLATE_NUMBER_FORMATS.date! : TEMPLATE_NUMBER_FORMATS.datetime! };
    }
    case 'time': {
      const m = /^(\d{2}):(\d{2})$/.exec(s);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
      return { value: new Date(Date.UTC(1899, 11, 30, Number(m[1]), Number(m[2]))), numFmt: TEMPLATE_NUMBER_FORMATS.time! };
    }
    default:
      return null;
  }
}

export async function typedCsvWorkbook(
  workbook: Workbook,
  violations: readonly ReportViolation[],
  campaign: Campaign | undefined,
): Promise<{ bytes: Uint8Array; names: Map<string, string> }> {
  const Excel = (await import('exceljs')).default;
  const book = new Excel.Workbook();
  const analysis = analyseWorkbook(workbook, campaign);
  const blamed = new Set(violations.filter((v) => v.cell !== null).map((v) => `${v.sheet}\u0001${v.cell}`));
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase()]);
  const names = new Map<string, string>();
  for (const table of workbook.tables) {
    const name = safeSheetName(table.name, taken);
    names.set(table.name, name);
    const ws = book.addWorksheet(name);
    const parsed = analysis.sheets.find((s) => s.table === table);
    const typeOfColumn = new Map<number, ColumnType>();
    for (const c of parsed?.columns.values() ?? []) typeOfColumn.set(c.index, c.def.type);
    const widths = new Map<number, number>();
    table.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell || cell.value === null) return;
        const target = ws.getCell(r + 1, c + 1);
        const text = typeof cell.value === 'string' ? cell.value : cell.text;
        const type = parsed && r + 1 > parsed.headerRow ? typeOfColumn.get(c) : undefined;
        const typed = type && !blamed.has(`${table.name}\u0001${a1(r, c)}`) ? typedValue(type, text) : null;
        if (typed) {
          target.value = typed.value;
          if (typed.numFmt) target.numFmt = typed.numFmt;
        } else {
          target.value = neutralize(text);
        }
        if (r < 200) widths.set(c, Math.max(widths.get(c) ?? 8, Math.min(40, textWidth(text) + 2)));
      });
    });
    for (const [c, w] of widths) ws.getColumn(c + 1).width = w;
  }
  const buffer = await book.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), names };
}

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}
