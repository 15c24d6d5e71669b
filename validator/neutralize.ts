/**
 * Formula-injection neutralisation (CSV/formula injection, OWASP): text copied out of a user's
 * file into a cell we create (annotated copies, generated schedules, CSV and HTML outputs) must
 * never start a formula when a spreadsheet opens it. A leading `=`, `+`, `-`, `@`, tab or carriage
 * return gets an apostrophe in front, the way a user would type text that looks like a formula.
 */
const FORMULA_LEADS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether a spreadsheet could read `text` as the start of a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_LEADS.has(text[0]!);
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
