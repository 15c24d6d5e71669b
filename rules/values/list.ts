/**
 * Lists (chosen days, e-mails): items separated by `,` `，` `、` `;` `；` or line breaks.
 * @example splitList('4/1、4/14，4/22') → ['4/1', '4/14', '4/22']
 */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
