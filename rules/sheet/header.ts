/**
 * Header matching and sheet-kind recognition (SPEC §4). A tab's kind comes from its name, or
 * failing that from its header row: the kind whose columns match best with all required columns
 * present. The header row is the first of the first 20 rows whose cells match known headers.
 */
import type { Cell, Table } from '../model.js';
import { tableRow, tableRowCount } from '../columnar-table.js';
import type { SheetKind } from '../types.js';
import { SHEET_KIND_DEFS, type SheetKindDef, type ColumnDef } from '../columns.js';
import { normalizeText, normalizeCompact } from '../text/normalize.js';

export const HEADER_SEARCH_ROWS = 20;

/** Header text of a cell (rich text arrives joined). */
export function cellText(cell: Cell | null | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v === null) return cell.text ?? '';
  return cell.text || String(typeof v === 'object' ? '' : v);
}

type HeaderIndex = Map<string, ColumnDef>;

const HEADER_INDEX = new Map<SheetKind, HeaderIndex>(
  SHEET_KIND_DEFS.map((def) => {
    const idx: HeaderIndex = new Map();
    for (const col of def.columns) {
      for (const name of [col.zh, col.en, col.key, ...col.aliases]) {
        const k = normalizeText(name);
        if (!idx.has(k)) idx.set(k, col);
        const c = normalizeCompact(name);
        if (!idx.has(c)) idx.set(c, col);
      }
    }
    return [def.kind, idx];
  }),
);

/**
 * Candidate spellings of one header cell: the whole text, each line (templates write the zh-TW
 * header and the English one on two lines), and each without required-markers or notes in
 * brackets (`品牌名稱*`, `返點上限（點）`).
 */
function headerCandidates(text: string): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    const t = normalizeText(s);
    if (!t) return;
    out.push(t, t.replace(/\s+/g, ''));
    const bare = t.replace(/^\*+|\*+$/g, '').replace(/\s*[(（][^()（）]*[)）]\s*$/, '').replace(/\s*\*+$/, '').trim();
    if (bare && bare !== t) out.push(bare, bare.replace(/\s+/g, ''));
  };
  add(text);
  const lines = text.split(/\r?\n/);
  if (lines.length > 1) for (const l of lines) add(l);
  return out;
}

/** Which column of `kind` a header text names, if any. */
export function matchHeader(kind: SheetKind, text: string): ColumnDef | undefined {
  const idx = HEADER_INDEX.get(kind);
  if (!idx) return undefined;
  for (const c of headerCandidates(text)) {
    const hit = idx.get(c);
    if (hit) return hit;
  }
  return undefined;
}

/** The kind a tab's name says, if any. @example kindFromSheetName(' 加碼合約 ') === 'contracts' */
export function kindFromSheetName(name: string): SheetKind | undefined {
  const n = normalizeCompact(name);
  for (const def of SHEET_KIND_DEFS) if (def.names.some((x) => normalizeCompact(x) === n)) return def.kind;
  // Names with a suffix or prefix, like 加碼合約-5月 or 5月報名表: the longest contained name wins.
  let best: { kind: SheetKind; len: number } | undefined;
  for (const def of SHEET_KIND_DEFS) {
    for (const x of def.names) {
      const k = normalizeCompact(x);
      if (k.length >= 2 && n.includes(k) && (!best || k.length > best.len)) best = { kind: def.kind, len: k.length };
    }
  }
  return best?.kind;
}

interface RowMatch {
  readonly matched: number;
  readonly requiredPresent: boolean;
}

function scoreRow(def: SheetKindDef, row: ReadonlyArray<Cell | null | undefined>): RowMatch {
  const seen = new Set<string>();
  for (const cell of row) {
    const t = cellText(cell);
    if (!t.trim()) continue;
    const col = matchHeader(def.kind, t);
    if (col) seen.add(col.key);
  }
  const requiredPresent = def.columns.every((c) => !c.required || seen.has(c.key));
  return { matched: seen.size, requiredPresent };
}

export interface HeaderLocation {
  readonly kind: SheetKind;
  /** 0-based row index of the header. */
  readonly rowIndex: number;
}

/**
 * Finds the header row of a tab whose kind is known: the first of the first 20 rows with at
 * least two matching headers (or one, for a one-column kind).
 */
export function findHeaderRow(table: Table, kind: SheetKind): number | undefined {
  const def = SHEET_KIND_DEFS.find((d) => d.kind === kind)!;
  const limit = Math.min(HEADER_SEARCH_ROWS, tableRowCount(table));
  for (let r = 0; r < limit; r++) {
    const { matched } = scoreRow(def, tableRow(table, r));
    if (matched >= Math.min(2, def.columns.length)) return r;
  }
  return undefined;
}

/**
 * Recognises a tab: by name first, else by the best-matching header row with every required
 * column present. Returns `nameKind` separately so a tab named like a kind without a header
 * can be reported as `sheet/no-header`.
 */
export function recogniseTable(table: Table): { location?: HeaderLocation; nameKind?: SheetKind } {
  const nameKind = kindFromSheetName(table.name);
  if (nameKind) {
    const rowIndex = findHeaderRow(table, nameKind);
    return rowIndex === undefined ? { nameKind } : { nameKind, location: { kind: nameKind, rowIndex } };
  }
  const limit = Math.min(HEADER_SEARCH_ROWS, tableRowCount(table));
  for (let r = 0; r < limit; r++) {
    let best: { kind: SheetKind; matched: number } | undefined;
    for (const def of SHEET_KIND_DEFS) {
      const s = scoreRow(def, tableRow(table, r));
      if (s.requiredPresent && s.matched >= 2 && (!best || s.matched > best.matched)) best = { kind: def.kind, matched: s.matched };
    }
    if (best) return { location: { kind: best.kind, rowIndex: r } };
  }
  return {};
}
