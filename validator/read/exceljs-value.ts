/**
 * exceljs cell values → the model's CellValue. exceljs hands back numbers, strings, booleans,
 * Dates (wall clock in UTC fields), rich text, formula objects with a cached result, error
 * objects and hyperlink objects; the rules only ever see the plain value a user would see.
 */
import type { CellValue } from '../../rules/model';
import { exceljsDateToWall } from './serial-date';

interface RichTextRun {
  readonly text?: unknown;
}

/** Joins rich-text runs into the plain string the cell shows. */
export function joinRichText(runs: readonly RichTextRun[]): string {
  return runs.map((r) => (typeof r.text === 'string' ? r.text : r.text == null ? '' : String(r.text))).join('');
}

export function fromExceljsValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { type: 'date', wall: exceljsDateToWall(v) };
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return fromExceljsValue(joinRichText(o.richText as RichTextRun[]));
  // A formula (own or shared) is judged by its cached result; no result = never calculated.
  if ('formula' in o || 'sharedFormula' in o) return fromExceljsValue(o.result);
  if (typeof o.error === 'string') return { type: 'error', error: o.error };
  // Hyperlink: { text, hyperlink }, where text may itself be rich text.
  if ('text' in o) return fromExceljsValue(o.text);
  return null;
}
