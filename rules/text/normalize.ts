/**
 * Text normalisation shared by header matching and enum matching (SPEC §4): trim, NFKC
 * (full-width → half-width, ％ → %), case folding, runs of white space folded to one space.
 *
 * @example normalizeText('  ＣＰＳ％ ') === 'cps%'
 */
export function normalizeText(text: string): string {
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
