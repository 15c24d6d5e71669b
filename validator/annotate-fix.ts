/**
 * Which suggestions a fixed copy applies (`--fix`), and how each is written into its cell.
 *
 * A suggestion is a candidate when it names one cell of a known column on a data row the CMS
 * still lets the user edit (SPEC §5.3: new, draft or rejected — never pending 待審核 or approved
 * 通過), and its text can be written the way the cell holds values (a number cell gets a number,
 * a date cell a date, text stays text). One cell, one suggestion: when several violations of a
 * cell suggest something, the one of the worst severity wins, then the lowest rule id; the
 * other violations of that cell count as resolved by it only when they suggest the same value.
 *
 * `chooseSuggestion` is the one place that decides per cell; when the engine guarantees one
 * suggestion per cell and status-aware suggestions itself (issue 13), point it at that.
 * Whatever is picked here is still verified by re-checking the copy (annotate.ts).
 */
import { analyseWorkbook, columnLetters, type Campaign, type Cell, type ColumnType, type ReportViolation, type Severity, type Workbook, type WorkbookAnalysis } from '../rules/index.js';
import type { FixValue } from './annotate-package.js';

export interface FixCandidate {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly column: string;
  /** The winning violation's rule. */
  readonly ruleId: string;
  readonly message: string;
  /** Every rule at this cell the change is meant to resolve. */
  readonly resolves: readonly string[];
  /** What the cell showed, and the suggestion's text. */
  readonly before: string;
  readonly after: string;
  readonly value: FixValue;
}

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };
/** Statuses whose rows the CMS no longer lets the user edit (SPEC §5.3). */
const LOCKED_STATUSES: ReadonlySet<string> = new Set(['待審核', '通過']);

/** One suggestion per cell, deterministically (see the file comment). */
export function chooseSuggestion(atCell: readonly ReportViolation[]): ReportViolation | undefined {
  return [...atCell]
    .filter((v) => v.suggestion !== undefined)
    .sort((a, b) => RANK[b.severity] - RANK[a.severity] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))[0];
}

export function pickFixes(violations: readonly ReportViolation[], workbook: Workbook | WorkbookAnalysis, campaign: Campaign | undefined): FixCandidate[] {
  // Without a suggestion there is nothing to fix: no second parse of a big clean file.
  if (!violations.some((v) => v.suggestion !== undefined)) return [];
  const analysis = 'sheets' in workbook ? workbook : analyseWorkbook(workbook, campaign);
  const byCell = new Map<string, ReportViolation[]>();
  for (const v of violations) {
    if (v.sheet === null || v.cell === null || v.row === null) continue;
    const key = `${v.sheet}\u0001${v.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), v]);
  }
  const out: FixCandidate[] = [];
  for (const list of byCell.values()) {
    const chosen = chooseSuggestion(list);
    if (!chosen || !chosen.suggestion) continue;
    const sheet = analysis.sheets.find((s) => s.name === chosen.sheet);
    const row = sheet?.rows.find((r) => r.row === chosen.row);
    if (!sheet || !row) continue;
    const status = (row.values as { status?: unknown }).status;
    if (typeof status === 'string' && LOCKED_STATUSES.has(status)) continue;
    const bound = [...sheet.columns.values()].find((c) => `${columnLetters(c.index)}${chosen.row}` === chosen.cell);
    if (!bound) continue;
    const cell = row.cells[bound.def.key];
    const value = fixValue(bound.def.type, cell, chosen.suggestion.value);
    if (!value) continue;
    const resolves = list.filter((v) => v.suggestion?.value === chosen.suggestion!.value).map((v) => v.ruleId);
    out.push({
      sheet: chosen.sheet!,
      cell: chosen.cell!,
      row: chosen.row!,
      column: chosen.column ?? bound.header,
      ruleId: chosen.ruleId,
      message: chosen.message,
      resolves: [...new Set(resolves)],
      before: cell?.text ?? '',
      after: chosen.suggestion.value,
      value,
    });
  }
  return out;
}

const isNumberCell = (cell: Cell | undefined) => typeof cell?.value === 'number' || (typeof cell?.value === 'object' && cell?.value !== null && cell.value.type === 'date');

/**
 * The suggestion as the cell should hold it, or null when it cannot be written safely (a
 * formula result, an error value, text the column's type does not read).
 */
export function fixValue(type: ColumnType, cell: Cell | undefined, suggestion: string): FixValue | null {
  const v = cell?.value;
  if (typeof v === 'object' && v !== null && v.type === 'error') return null;
  const asText: FixValue = { kind: 'string', value: suggestion };
  switch (type) {
    case 'percent': {
      const m = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(suggestion.trim());
      if (!m) return null;
      if (typeof v !== 'number') return asText;
      const points = Number(m[1]);
      return cell?.format?.includes('%') ? { kind: 'number', value: Math.round(points * 1e8) / 1e10 } : { kind: 'number', value: points };
    }
    case 'integer':
    case 'money':
    case 'number': {
      if (!/^-?\d+(?:\.\d+)?$/.test(suggestion.trim())) return null;
      return { kind: 'number', value: Number(suggestion) };
    }
    case 'date':
    case 'datetime': {
      const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(suggestion.trim());
      if (!m) return null;
      if (!isNumberCell(cell)) return asText;
      return { kind: 'wall', wall: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) };
    }
    case 'time': {
      const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(suggestion.trim());
      if (!m) return null;
      if (!isNumberCell(cell)) return asText;
      return { kind: 'wall', wall: Date.UTC(1899, 11, 30, Number(m[1]), Number(m[2]), Number(m[3] ?? 0)) };
    }
    default:
      return asText;
  }
}
