/**
 * RFC 4180 parsing of delimited text (comma or tab): quoted fields with `""` escapes and line
 * breaks inside, CRLF, LF or CR line ends. Lenient where Excel is: a quote inside an unquoted
 * field is literal, an unterminated quote runs to the end of the file.
 */

export type Delimiter = ',' | '\t';

/** Rows of raw field strings. A line break inside a quoted field becomes `\n`. */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  // Whether the current line has started (so a final line without a line end still counts).
  let lineOpen = false;

  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '' && !fieldStartedUnquoted(text, i, delimiter)) {
      // Quoted field: read to the closing quote.
      i++;
      lineOpen = true;
      for (;;) {
        if (i >= n) break;
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r') {
          field += '\n';
          i += text[i + 1] === '\n' ? 2 : 1;
          continue;
        }
        field += q;
        i++;
      }
      // Anything between the closing quote and the next delimiter is kept, as Excel does.
      while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') field += text[i++];
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      lineOpen = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      lineOpen = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    lineOpen = true;
    i++;
  }
  if (lineOpen || field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A quote opens a quoted field only at the start of a field. */
function fieldStartedUnquoted(text: string, i: number, delimiter: Delimiter): boolean {
  if (i === 0) return false;
  const prev = text[i - 1];
  return !(prev === delimiter || prev === '\n' || prev === '\r');
}
