/**
 * Secrets (SPEC §4.8): the OA channel secret never appears whole in any output. The engine masks
 * every rendered violation (message, value, data, suggestion), so every front end — text, JSON,
 * JUnit, HTML, the upload page, the sidebar, the annotated copy's result tab — gets masked text.
 * The user's own cell in an annotated copy is left as it was (the annotator copies cells, not
 * violations).
 */
import type { MessageData, ReportViolation } from '../types.js';
import type { ParsedSheet } from '../sheet/parse.js';
import { cellText } from '../sheet/header.js';
import { a1 } from '../model.js';
import { tableRow, tableRowCount } from '../columnar-table.js';

/** Shortest text searched for inside other texts; shorter secrets are masked only in their own cell. */
const MIN_SEARCHED = 6;

/**
 * A secret as it may be shown: its first 4 and last 4 characters; nothing of a value of 8
 * characters or fewer.
 * @example maskSecret('38b4c2f0e1d24a7b9c3e5f6a7b8c6a47') === '38b4…6a47'
 * @example maskSecret('abc') === '…'
 */
export function maskSecret(text: string): string {
  const t = text.trim();
  const chars = [...t];
  if (chars.length <= 8) return '…';
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`;
}

export interface Secrets {
  /** Secret texts to replace wherever they occur, longest first. */
  readonly texts: readonly string[];
  /** `sheet\u0000A1` of every secret cell: a violation on it never shows the cell's value. */
  readonly cells: ReadonlySet<string>;
}

/** What a channel secret looks like: 32 hexadecimal characters. */
const SECRET_LIKE = /^[0-9a-f]{32}$/i;

/**
 * The secret cells of parsed tabs (columns marked `secret`), plus any cell of a tab holding such a
 * column that looks like a channel secret (32 hex characters) — a secret pasted into the wrong
 * column is still a secret.
 */
export function secretsOf(sheets: readonly ParsedSheet[]): Secrets {
  const texts = new Set<string>();
  const cells = new Set<string>();
  for (const sheet of sheets) {
    if (![...sheet.columns.values()].some((b) => b.def.secret)) continue;
    const table = sheet.table;
    const rowCount = tableRowCount(table);
    for (let r = 0; r < rowCount; r++) {
      const row = tableRow(table, r);
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        const t = cell ? cellText(cell).trim() : '';
        if (cell && SECRET_LIKE.test(t)) {
          texts.add(t);
          cells.add(`${sheet.name}\u0000${a1(r, c)}`);
        }
      }
    }
    for (const bound of sheet.columns.values()) {
      if (!bound.def.secret) continue;
      for (const row of sheet.rows) {
        const cell = row.cells[bound.def.key];
        if (!cell) continue;
        cells.add(`${sheet.name}\u0000${a1(row.row - 1, bound.index)}`);
        for (const raw of [cellText(cell), cell.text]) {
          for (const t of [raw, raw.trim(), raw.trim().normalize('NFKC')]) if (t.length >= MIN_SEARCHED) texts.add(t);
        }
      }
    }
  }
  return { texts: [...texts].sort((a, b) => b.length - a.length), cells };
}

function maskText(text: string, secrets: Secrets): string {
  let out = text;
  for (const s of secrets.texts) if (out.includes(s)) out = out.split(s).join(maskSecret(s));
  return out;
}

/** The violation with every secret masked; the same object when there is nothing to mask. */
export function maskViolation(v: ReportViolation, secrets: Secrets): ReportViolation {
  if (secrets.cells.size === 0) return v;
  const onSecretCell = v.sheet !== null && v.cell !== null && secrets.cells.has(`${v.sheet}\u0000${v.cell}`);
  const data: MessageData = {};
  for (const [k, x] of Object.entries(v.data)) data[k] = typeof x === 'string' ? maskText(x, secrets) : x;
  const out: { -readonly [K in keyof ReportViolation]: ReportViolation[K] } = { ...v, message: maskText(v.message, secrets), data };
  if (v.value !== undefined) out.value = onSecretCell ? maskSecret(v.value) : maskText(v.value, secrets);
  if (v.suggestion) {
    out.suggestion = {
      value: maskText(v.suggestion.value, secrets),
      ...(v.suggestion.label !== undefined ? { label: maskText(v.suggestion.label, secrets) } : {}),
    };
  }
  return out;
}
