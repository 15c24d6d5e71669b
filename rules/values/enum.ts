/**
 * Enum cells: matched after normalisation against each option's value, English label and aliases.
 */
import type { CellValue } from '../model.js';
import type { EnumOption } from '../columns.js';
import { normalizeCompact } from '../text/normalize.js';
import { ok, fail, type ParseOutcome } from './outcome.js';

export function enumLookup(options: readonly EnumOption[]): (text: string) => string | undefined {
  const map = new Map<string, string>();
  for (const o of options) for (const s of [o.value, o.en, ...(o.aliases ?? [])]) map.set(normalizeCompact(s), o.value);
  // Cells of an enum column repeat a few spellings: normalise each distinct text once (bounded).
  const seen = new Map<string, string | undefined>();
  return (text) => {
    if (seen.has(text)) return seen.get(text);
    const hit = map.get(normalizeCompact(text));
    if (seen.size < 1000) seen.set(text, hit);
    return hit;
  };
}

/** @example parseEnumValue('approved', STATUS_OPTIONS) → '通過' */
export function parseEnumValue(value: CellValue, options: readonly EnumOption[], lookup = enumLookup(options)): ParseOutcome<string> {
  if (value === null) return fail('cell/required');
  if (typeof value === 'object') {
    if (value.type === 'error') return fail('cell/formula-error', 'default', { error: value.error });
    return fail('cell/invalid-enum', 'default', { text: 'date', allowed: options.map((o) => o.value).join('、') });
  }
  const hit = lookup(String(value));
  if (hit === undefined) return fail('cell/invalid-enum', 'default', { text: String(value), allowed: options.map((o) => o.value).join('、'), allowedEn: options.map((o) => `${o.value} (${o.en})`).join(', ') });
  return ok(hit);
}
