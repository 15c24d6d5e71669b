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
  const b = booleanFromText(value);
  if (b === undefined) return fail('cell/invalid-enum', 'boolean', { text: value, allowed: BOOLEAN_SPELLINGS });
  return ok(b);
}

/**
 * A boolean text's meaning, or undefined when it is no accepted spelling. A column repeats a few
 * spellings: each distinct text is normalised once (a bounded cache, emptied when full).
 * @example booleanFromText(' Ｙｅｓ ') === true; booleanFromText('') === false; booleanFromText('maybe') === undefined
 */
export function booleanFromText(text: string): boolean | undefined {
  let b = booleanByText.get(text);
  if (b === undefined && !booleanByText.has(text)) {
    if (booleanByText.size >= BOOLEAN_CACHE_LIMIT) booleanByText.clear();
    const t = text.normalize('NFKC').trim().toLowerCase();
    b = YES.has(t) ? true : NO.has(t) ? false : undefined;
    if (text.length <= BOOLEAN_CACHED_LENGTH) booleanByText.set(text, b);
  }
  return b;
}

const BOOLEAN_CACHE_LIMIT = 1000;
/** Longer texts are no spelling of a boolean, and are not remembered. */
const BOOLEAN_CACHED_LENGTH = 32;
const booleanByText = new Map<string, boolean | undefined>();
