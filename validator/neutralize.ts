/**
 * Formula-injection neutralisation (CSV/formula injection, OWASP): text copied out of a user's
 * file into a cell we create (annotated copies, generated schedules, CSV and HTML outputs) must
 * never start a formula when a spreadsheet opens it. A leading `=`, `+`, `-`, `@`, tab or carriage
 * return gets an apostrophe in front, the way a user would type text that looks like a formula.
 */
const FORMULA_LEADS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Whether a spreadsheet could read `text` as the start of a formula. Leading OOXML escapes
 * (`_x000D_`, which Excel decodes to a carriage return when it reads the file) are decoded first.
 */
export function looksLikeFormula(text: string): boolean {
  if (text.length === 0) return false;
  if (FORMULA_LEADS.has(text[0]!)) return true;
  const decoded = decodeLeadingEscapes(text);
  return decoded !== text && decoded.length > 0 && FORMULA_LEADS.has(decoded[0]!);
}

/** `_x000D_=1` → `\r=1`: the `_xHHHH_` escapes at the start of `text` decoded. */
export function decodeLeadingEscapes(text: string): string {
  const m = /^(?:_x[0-9A-Fa-f]{4}_)+/.exec(text);
  if (!m) return text;
  return m[0].replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) + text.slice(m[0].length);
}

/**
 * Returns `text` safe to put into a spreadsheet cell as a string.
 * @example neutralize('=HYPERLINK("http://x")') === `'=HYPERLINK("http://x")`
 * @example neutralize('好日子食品') === '好日子食品'
 */
export function neutralize(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Neutralises strings and leaves other values (numbers, booleans, dates, null) alone. */
export function neutralizeValue<T>(value: T): T | string {
  return typeof value === 'string' ? neutralize(value) : value;
}
