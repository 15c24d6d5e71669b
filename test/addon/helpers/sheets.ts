/**
 * Test data for the add-on: tabs as Google Sheets would hold them (values with instants for
 * dates, display texts, number formats), built from the shared column definitions.
 */
import { kindDef, type SheetKind } from '../../../rules/index.js';
import { instantOfWall, type GridInput } from '../fakes/gas.js';

/** A date cell of a spreadsheet in `timeZone` showing the wall clock y-m-d h:mi:s. */
export function dateIn(timeZone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date {
  return instantOfWall(Date.UTC(y, m - 1, d, h, mi, s), timeZone);
}

export type RowValues = Partial<Record<string, unknown>>;

/** A tab of `kind`: the zh-TW header row (all columns, or `keys`) and one row per entry. */
export function kindGrid(kind: SheetKind, rows: readonly RowValues[], keys?: readonly string[]): GridInput & { values: unknown[][] } {
  const def = kindDef(kind);
  const cols = keys ?? def.columns.map((c) => c.key);
  const header = cols.map((k) => {
    const c = def.columns.find((x) => x.key === k);
    if (!c) throw new Error(`no column ${k} in ${kind}`);
    return c.zh;
  });
  return { values: [header, ...rows.map((r) => cols.map((k) => (r[k] === undefined ? '' : r[k])))] };
}

/** A valid quarter-plan enrollment row (text cells as a brand types them). */
export function enrollment(over: RowValues = {}): RowValues {
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
