/**
 * Row builders shared by the rule tests, on top of `tables.ts`: a May-plan and a quarter-plan
 * enrollment of goodday_food, its partner-plan 活動加碼 contracts and the correct May 2026 schedule
 * for it, a ring-data send request, and a workbook of such tabs. Each builder gives a valid row;
 * a case overrides only what it is about.
 */
import type { Table } from '../../rules/index.js';
import { kindTable, enrollmentRow, dateCell, type RowSpec } from './tables.js';

/** A May-plan (5月單月方案) enrollment of goodday_food, submitted 2026/4/20 10:00, with chosen days 5/6, 5/13, 5/27 (all Wednesdays). */
export function mayEnrollmentRow(over: RowSpec = {}): RowSpec {
  return enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、5/13、5/27', submittedAt: '2026/4/20 10:00', ...over });
}

/** The same enrollment on the quarter plan (季方案): chosen days 4/1, 4/14, 4/22, May's three, 6/2, 6/9, 6/16. */
export function quarterEnrollmentRow(over: RowSpec = {}): RowSpec {
  return mayEnrollmentRow({ plan: '季方案', chosenDays: '4/1、4/14、4/22、5/6、5/13、5/27、6/2、6/9、6/16', ...over });
}

/**
 * A partner-plan (夥伴互利 是) 活動加碼 row of goodday_food covering days `firstDay`..`lastDay` of
 * `month` 2026 (00:00:00 to 23:59:59) at a front-end rebate of `rate`% over a 2% base, CPS 15%,
 * vendor 0%, no rebate cap, point price 1.2; remark `m/a-m/b_加碼r%`; no submission time or status.
 */
export function partnerContractRow(month: number, firstDay: number, lastDay: number, rate: number, over: RowSpec = {}): RowSpec {
  return {
    shopId: 'goodday_food',
    contractType: '活動加碼',
    remark: `${month}/${firstDay}-${month}/${lastDay}_加碼${rate}%`,
    start: dateCell(2026, month, firstDay),
    end: dateCell(2026, month, lastDay, 23, 59, 59),
    productType: 'normal',
    baseRate: '2%',
    frontRate: `${rate}%`,
    rebateCap: -1,
    cps: '15%',
    vendorBonus: '0%',
    pointPrice: 1.2,
    partnerPlan: '是',
    ...over,
  };
}

/** Consecutive days `firstDay`..`lastDay` of one month at one rebate `rate`%. */
export type DayRun = readonly [firstDay: number, lastDay: number, rate: number];

/**
 * The correct May 2026 schedule of `mayEnrollmentRow` (chosen days 5/6, 5/13, 5/27) as runs of
 * days: Fridays 1, 8, 15, 22, 29 and the chosen days at 10%, every other day at 5%.
 */
export const MAY_2026_RUNS: readonly DayRun[] = [
  [1, 1, 10], [2, 5, 5], [6, 6, 10], [7, 7, 5], [8, 8, 10], [9, 12, 5], [13, 13, 10], [14, 14, 5],
  [15, 15, 10], [16, 21, 5], [22, 22, 10], [23, 26, 5], [27, 27, 10], [28, 28, 5], [29, 29, 10], [30, 31, 5],
];

/** One `partnerContractRow` per run, in `month` 2026. */
export function scheduleRows(runs: readonly DayRun[], month: number): RowSpec[] {
  return runs.map(([a, b, rate]) => partnerContractRow(month, a, b, rate));
}

/** The May 2026 contract rows of `runs` (default: the whole correct schedule, 16 rows). */
export function mayScheduleRows(runs: readonly DayRun[] = MAY_2026_RUNS): RowSpec[] {
  return scheduleRows(runs, 5);
}

/** A valid ring-data (環狀數據) request of goodday_food: a broadcast on 2026/5/12 at 20:00 to at most 100000, requested 5/6 10:00. */
export function ringSendRow(over: RowSpec = {}): RowSpec {
  return {
    shopId: 'goodday_food',
    sendDate: '2026/5/12',
    sendTime: '20:00',
    audience: '通發型',
    sendCap: 100000,
    excludeBuyers: '近3個月',
    excludeRecent: '是',
    requestedAt: dateCell(2026, 5, 6, 10),
    ...over,
  };
}

/** The rows of each tab of a test workbook, by sheet kind. */
export interface WorkbookRows {
  readonly enrollment?: readonly RowSpec[];
  readonly contracts?: readonly RowSpec[];
  readonly baseContracts?: readonly RowSpec[];
  readonly ring?: readonly RowSpec[];
  readonly ads?: readonly RowSpec[];
  readonly deals?: readonly RowSpec[];
  readonly oa?: readonly RowSpec[];
}

const KIND_OF = { enrollment: 'enrollment', contracts: 'contracts', baseContracts: 'base-contracts', ring: 'ring-data', ads: 'ad-materials', deals: 'flash-deals', oa: 'oa-binding' } as const;

/**
 * A workbook with one `kindTable` per tab given (default names and all columns), in the order the
 * keys are written: `workbookOf({ ring, contracts })` puts the ring-data tab first.
 */
export function workbookOf(tabs: WorkbookRows): Table[] {
  return (Object.keys(tabs) as (keyof WorkbookRows)[]).flatMap((key) => {
    const rows = tabs[key];
    return rows === undefined ? [] : [kindTable(KIND_OF[key], rows)];
  });
}

/** A valid 廣告素材 row of goodday_food: a shop card exposed 2026/5/8, uploaded 5/4 10:00 (D-3 is 5/5). */
export function adRow(over: RowSpec = {}): RowSpec {
  return {
    shopId: 'goodday_food',
    slot: '品牌館商店牌卡',
    image: 'card.jpg',
    start: dateCell(2026, 5, 8),
    end: dateCell(2026, 5, 8, 23, 59),
    url: 'https://buy.line.me/u/goodday_food',
    submittedAt: dateCell(2026, 5, 4, 10),
    status: '待審核',
    ...over,
  };
}

/** A valid 爆殺驚喜 row of goodday_food: product 1001 (or `product`), NT$480 → NT$399 on 2026/5/8, batch B1. */
export function dealRow(over: RowSpec = {}, product: string | number = 1001): RowSpec {
  return {
    shopId: 'goodday_food',
    batch: 'B1',
    productUrl: `https://buy.line.me/product/goodday_food/${product}`,
    productName: null,
    image: null,
    webPrice: 480,
    promoPrice: 399,
    start: dateCell(2026, 5, 8),
    end: dateCell(2026, 5, 8, 23, 59, 59),
    submittedAt: dateCell(2026, 5, 1, 10),
    status: '待審核',
    ...over,
  };
}

/** A test channel secret (32 hex characters); not a real one. */
export const TEST_SECRET = '38b4c2f0e1d24a7b9c3e5f6a7b8c6a47';

/** A valid OA串接 row of goodday_food. */
export function oaRow(over: RowSpec = {}): RowSpec {
  return {
    shopId: 'goodday_food',
    channelId: '1234567890',
    channelSecret: TEST_SECRET,
    botBasicId: '@goodday',
    notifyEmails: 'mkt@goodday.example.com,ops@goodday.example.com',
    liveConsent: '是',
    ...over,
  };
}
