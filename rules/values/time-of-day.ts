/**
 * Times of day (`HH:mm`, `HH:mm:ss`, `20點`, a time cell, or a fraction of a day with a time
 * format), as seconds since midnight.
 */
import type { CellValue } from '../model.js';
import { MS_PER_DAY } from '../time/civil.js';
import { ok, fail, type ParseOutcome } from './outcome.js';

/** @example parseTimeValue('20:00') → 72000; parseTimeValue(0.5) → 43200 */
export function parseTimeValue(value: CellValue): ParseOutcome<number> {
  if (value === null) return fail('cell/required');
  if (typeof value === 'number') {
    if (value >= 0 && value < 1) return ok(Math.round(value * 86400));
    return fail('cell/invalid-date', 'time', { text: String(value) });
  }
  if (typeof value === 'object') {
    if (value.type === 'error') return fail('cell/formula-error', 'default', { error: value.error });
    return ok(Math.round((value.wall - Math.floor(value.wall / MS_PER_DAY) * MS_PER_DAY) / 1000));
  }
  if (typeof value === 'boolean') return fail('cell/invalid-date', 'time', { text: String(value) });
  const t = value.normalize('NFKC').trim();
  const m = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\s*[點点時](?:\s*(\d{1,2})\s*分)?)$/.exec(t);
  if (!m) return fail('cell/invalid-date', 'time', { text: value });
  const h = Number(m[1]);
  const mi = Number(m[2] ?? m[4] ?? 0);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return fail('cell/invalid-date', 'time', { text: value });
  return ok(h * 3600 + mi * 60 + s);
}
