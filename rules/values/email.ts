/**
 * E-mail lists: 1–5 addresses separated like any list (SPEC §4.1).
 */
import type { CellValue } from '../model.js';
import { splitList } from './list.js';
import { ok, fail, type ParseOutcome } from './outcome.js';

export const MAX_EMAILS = 5;

/** A deliberately plain address check: one @, a dotted domain, no spaces or doubled dots. */
const EMAIL_RE = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** @example isEmail('mkt@goodday.example.com') === true; isEmail('trend@@example.com') === false */
export function isEmail(text: string): boolean {
  return EMAIL_RE.test(text) && !text.includes('..') && !text.startsWith('.');
}

export function parseEmailsValue(value: CellValue): ParseOutcome<string[]> {
  if (value === null) return fail('cell/required');
  if (typeof value === 'object' && value.type === 'error') return fail('cell/formula-error', 'default', { error: value.error });
  const text = typeof value === 'string' ? value : String(value);
  const items = splitList(text.normalize('NFKC'));
  if (items.length === 0) return fail('cell/required');
  if (items.length > MAX_EMAILS) return fail('cell/invalid-email', 'tooMany', { count: items.length, max: MAX_EMAILS });
  const bad = items.find((e) => !isEmail(e));
  if (bad !== undefined) return fail('cell/invalid-email', 'default', { text: bad });
  return ok(items);
}
