/**
 * Numbers, integers and NT$ amounts. Text may carry thousands separators, `NT$`/`$`/`元`, and
 * full-width digits; `1.2e+06` (how some exports write big numbers) is read as 1,200,000.
 */
import type { CellValue } from '../model.js';
import { ok, fail, type ParseOutcome } from './outcome.js';

function numberFrom(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const t = value
    .normalize('NFKC')
    .trim()
    .replace(/^(nt\$|ntd|\$)\s*/i, '')
    .replace(/\s*(元|ntd)$/i, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

function guard(value: CellValue): ParseOutcome<never> | undefined {
  if (value === null) return fail('cell/required');
  if (typeof value === 'object' && value.type === 'error') return fail('cell/formula-error', 'default', { error: value.error });
  return undefined;
}

/** Any finite number. @example parseNumberValue('1.2') → 1.2 */
export function parseNumberValue(value: CellValue): ParseOutcome<number> {
  const g = guard(value);
  if (g) return g;
  const n = numberFrom(value);
  if (n === undefined) return fail('cell/invalid-number', 'default', { text: String(typeof value === 'object' ? 'date' : value) });
  return ok(n);
}

/** A whole number. @example parseIntegerValue('100,000') → 100000; parseIntegerValue('1.5') → cell/invalid-number */
export function parseIntegerValue(value: CellValue): ParseOutcome<number> {
  const r = parseNumberValue(value);
  if (!r.ok) return r;
  if (!Number.isInteger(r.value)) return fail('cell/invalid-number', 'integer', { text: String(value) });
  return r;
}

/** An NT$ amount ≥ 0. @example parseMoneyValue('NT$1,200,000') → 1200000 */
export function parseMoneyValue(value: CellValue): ParseOutcome<number> {
  const r = parseNumberValue(value);
  if (!r.ok) return r;
  if (r.value < 0) return fail('cell/invalid-number', 'negative', { text: String(value) });
  return r;
}
