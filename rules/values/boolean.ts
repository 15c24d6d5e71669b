/**
 * Booleans (SPEC §4.5): 是/否, Y/N, yes/no, true/false, V, ✓, ✔, ○ are yes; blank, X, ✗ are no.
 * Explicit tables, never truthiness: "0" or "no thanks" is not a yes.
 */
import type { CellValue } from '../model.js';
import { ok, fail, type ParseOutcome } from './outcome.js';

const YES = new Set(['是', 'y', 'yes', 'true', 'v', '✓', '✔', '○', '有', '要', '1', 'o', '◯']);
const NO = new Set(['否', 'n', 'no', 'false', 'x', '✗', '✘', '無', '不要', '0', '']);

/** Accepted spellings listed in messages. */
export const BOOLEAN_SPELLINGS = '是/否、Y/N、yes/no、true/false、V、✓、○、X';

/**
 * @example parseBooleanValue('V') → true; parseBooleanValue(null) → false; parseBooleanValue('maybe') → cell/invalid-enum
 */
export function parseBooleanValue(value: CellValue): ParseOutcome<boolean> {
  if (value === null) return ok(false);
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number') {
    if (value === 1) return ok(true);
    if (value === 0) return ok(false);
    return fail('cell/invalid-enum', 'boolean', { text: String(value), allowed: BOOLEAN_SPELLINGS });
  }
  if (typeof value === 'object') {
    if (value.type === 'error') return fail('cell/formula-error', 'default', { error: value.error });
    return fail('cell/invalid-enum', 'boolean', { text: 'date', allowed: BOOLEAN_SPELLINGS });
  }
  const t = value.normalize('NFKC').trim().toLowerCase();
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return fail('cell/invalid-enum', 'boolean', { text: value, allowed: BOOLEAN_SPELLINGS });
}
