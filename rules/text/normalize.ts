/**
 * Text normalisation shared by header matching and enum matching (SPEC §4): trim, NFKC
 * (full-width → half-width, ％ → %), case folding, runs of white space folded to one space.
 *
 * @example normalizeText('  ＣＰＳ％ ') === 'cps%'
 */
export function normalizeText(text: string): string {
  // Rules normalise the same few values (product types, statuses, headers) once per row: short
  // texts are remembered (a bounded cache, emptied when full, so memory stays flat).
  if (text.length > NORMALIZED_MAX_LENGTH) return normalizeTextNow(text);
  let out = normalized.get(text);
  if (out === undefined) {
    if (normalized.size >= NORMALIZED_MAX_ENTRIES) normalized.clear();
    out = normalizeTextNow(text);
    normalized.set(text, out);
  }
  return out;
}

const NORMALIZED_MAX_LENGTH = 64;
const NORMALIZED_MAX_ENTRIES = 4096;
const normalized = new Map<string, string>();

function normalizeTextNow(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Like normalizeText but drops all white space; for values such as `5 月單月方案`. */
export function normalizeCompact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Full-width digits and punctuation → ASCII (NFKC), keeping case. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}
