/**
 * Percent values in percent points (15 means 15%), per SPEC §4.5:
 * `15%` and `１５％`; a number formatted as percent is a fraction (0.15 → 15); a plain number is
 * percent points (15 → 15), except that a plain number strictly between 0 and 1 is read as a
 * fraction and flagged `cell/ambiguous-percent`. The result must lie in 0..100.
 */
import type { CellValue } from '../model.js';
import { ok, fail, type ParseOutcome, type CellIssue } from './outcome.js';

/** Rounds away binary noise (0.07 * 100 = 7.000000000000001) to 6 decimals. */
export function cleanPercent(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** isPercentFormat by format string: a sheet has a handful of formats, so this stays small. */
const percentFormatCache = new Map<string, boolean>();
const FORMAT_CACHE_LIMIT = 1000;

/** Whether a number format shows a percent (`0%`, `0.0%`, the built-ins #9 and #10). */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  if (format === '#9' || format === '#10') return true; // built-in 0% and 0.00%
  let hit = percentFormatCache.get(format);
  if (hit === undefined) {
    hit = /%/.test(format.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
    if (percentFormatCache.size < FORMAT_CACHE_LIMIT) percentFormatCache.set(format, hit);
  }
  return hit;
}

function fromPlain(n: number, text: string): ParseOutcome<number> {
  if (n > 0 && n < 1) {
    const v = cleanPercent(n * 100);
    const issue: CellIssue = { ruleId: 'cell/ambiguous-percent', messageId: 'default', data: { text, percent: `${v}%` } };
    return ok(v, [issue]);
  }
  return inRange(cleanPercent(n), text);
}

function inRange(v: number, text: string): ParseOutcome<number> {
  if (v < 0 || v > 100) return fail('cell/invalid-percent', 'range', { text });
  return ok(v);
}

/**
 * @example parsePercentValue(0.15, '0%') → 15
 * @example parsePercentValue('８％', undefined) → 8
 * @example parsePercentValue(0.15, undefined) → 15 with cell/ambiguous-percent
 */
export function parsePercentValue(value: CellValue, format: string | undefined): ParseOutcome<number> {
  if (value === null) return fail('cell/required');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('cell/invalid-percent', 'default', { text: String(value) });
    if (isPercentFormat(format)) return inRange(cleanPercent(value * 100), `${cleanPercent(value * 100)}%`);
    return fromPlain(value, String(value));
  }
  if (typeof value === 'object') {
    if (value.type === 'error') return fail('cell/formula-error', 'default', { error: value.error });
    return fail('cell/invalid-percent', 'default', { text: 'date' });
  }
  if (typeof value === 'boolean') return fail('cell/invalid-percent', 'default', { text: String(value) });
  const text = value.normalize('NFKC').trim().replace(/\s+/g, '');
  const withSign = /^([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)%$/.exec(text);
  if (withSign) return inRange(cleanPercent(Number(withSign[1])), value);
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return fromPlain(Number(text), value);
  return fail('cell/invalid-percent', 'default', { text: value });
}
