/**
 * Builders for test workbooks in the rules' model: a tab from column keys and rows of values,
 * with the zh-TW headers taken from the column definitions (so tests never spell headers twice).
 */
import { kindDef, tableFromValues, type Cell, type CellValue, type SheetKind, type Table, type DateValue } from '../../rules/index.js';

/** Values by column key; a full Cell when a case needs a format or display text. */
export type RowSpec = Partial<Record<string, CellValue | Cell>>;

/** A date cell's value for a Taipei wall-clock reading. */
export function dateCell(y: number, m: number, d: number, h = 0, mi = 0, s = 0): DateValue {
  return { type: 'date', wall: Date.UTC(y, m - 1, d, h, mi, s) };
}

/**
 * A tab of `kind` named `name` whose header row holds the given keys' zh-TW headers (default: all
 * columns of the kind), followed by one row per spec. `titleRows` blank-ish rows go above the header.
 */
export function kindTable(kind: SheetKind, rows: readonly RowSpec[], opts: { name?: string; keys?: readonly string[]; titleRows?: readonly (readonly CellValue[])[] } = {}): Table {
  const { keys, headers } = kindHeaders(kind, opts.keys);
  const body = rows.map((r) => keys.map((k) => r[k] ?? null));
  return tableFromValues(opts.name ?? kindDef(kind).names[0]!, [...(opts.titleRows ?? []), headers, ...body]);
}

/** The column keys of `kind` (default: all its columns, in order) and their zh-TW headers; an unknown key throws. */
export function kindHeaders(kind: SheetKind, keys?: readonly string[]): { keys: readonly string[]; headers: string[] } {
  const def = kindDef(kind);
  const all = keys ?? def.columns.map((c) => c.key);
  const headers = all.map((k) => {
    const col = def.columns.find((c) => c.key === k);
    if (!col) throw new Error(`no column ${k} in ${kind}`);
    return col.zh;
  });
  return { keys: all, headers };
}

/** A valid quarter-plan enrollment row; override what a case is about. */
export function enrollmentRow(over: RowSpec = {}): RowSpec {
  return {
    brandName: '好日子食品',
    shopId: 'goodday_food',
    contactEmail: 'mkt@goodday.example.com',
    category: '美食保健',
    plan: '季方案',
    submittedAt: '2026/3/20 10:00',
    siteExposure: '是',
    ringData: '否',
    chosenDays: '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9、6/16',
    baseCps: '8%',
    baseRate: '2%',
    monthlyGmv: 1_200_000,
    heroImage: 'goodday.jpg',
    ...over,
  };
}
