/**
 * The example workbooks in templates/examples/: four tabs (報名表, 加碼合約, 鋪底合約, 環狀數據)
 * filled for a few shops across the quarter and the May/June monthly plans.
 *
 * - `clean.xlsx` has zero violations of any severity when checked with today = 2026-03-20: every
 *   enrolled month is covered by partner contracts generated with the rules' own schedule
 *   generator (rules/compute/schedule.ts) from the enrollment and the base contracts, ring-data
 *   sends fall once per enrolled month for shops that committed to it, and every chosen-day
 *   allowance is used without Fridays.
 * - `mistakes.xlsx` is the same with typical mistakes. Each mistake carries a cell note
 *   `錯誤示範：<rule id> — …` on the cell the rule blames; the test compares those labels with
 *   the violations in both directions.
 *
 * Cells are written the way a user types them into the template (a date becomes a date cell, `8%`
 * a percent cell, `-1` a number), so the examples also exercise the templates' number formats.
 */
import type ExcelJS from 'exceljs';
import path from 'node:path';
import {
  DEFAULT_CAMPAIGN,
  civil,
  templateSpec,
  yearForCampaign,
  type Campaign,
  type ColumnType,
  type SheetKind,
  type TemplateSheetSpec,
} from '../rules/index.js';
import { parseDateText } from '../rules/values/date.js';
import { parsePercentValue } from '../rules/values/percent.js';
import { parseTimeValue } from '../rules/values/time-of-day.js';
import { parseNumberValue } from '../rules/values/number.js';
import { generateSchedule, scheduleToRows, type BaseContractTerms } from '../rules/compute/schedule.js';
import { addDataSheet, newWorkbook, workbookBytes } from './build.js';
import { writeFileAtomic } from '../validator/fs-atomic.js';
import { jpegFile, pdfFile, pngFile, webpFile } from './images.js';

/** The date the examples are written for: `partner-check validate templates/examples --today 2026-03-20`. */
export const EXAMPLES_TODAY = '2026-03-20';

/** How a mistake note starts; the rule id follows. */
export const MISTAKE_PREFIX = '錯誤示範：';

export interface MistakeLabel {
  readonly ruleId: string;
  readonly zh: string;
  readonly en: string;
}

/** One example cell: text as typed, optionally a raw value, a number format, and mistakes. */
export interface ExampleCell {
  readonly text: string;
  /** A raw value written as is (e.g. 0.08 with a General format), instead of converting `text`. */
  readonly raw?: number;
  /** Number format overriding the column's. */
  readonly numFmt?: string;
  readonly mistakes?: readonly MistakeLabel[];
}

export type ExampleValue = string | ExampleCell;
export type ExampleRow = Record<string, ExampleValue>;

/** A column that is not part of the kind (a brand's own column), appended after the known ones. */
export interface ExtraColumn {
  readonly header: string;
  readonly width: number;
  readonly mistakes?: readonly MistakeLabel[];
  /** Values by data row index. */
  readonly values: readonly string[];
}

export interface ExampleSheet {
  readonly kind: SheetKind;
  readonly rows: ExampleRow[];
  readonly extraColumns?: readonly ExtraColumn[];
  /** Mistakes labelled on a header cell (by column key), e.g. `asset/not-checked`. */
  readonly headerMistakes?: Readonly<Record<string, readonly MistakeLabel[]>>;
}

export interface ExampleWorkbook {
  readonly fileName: string;
  readonly sheets: readonly ExampleSheet[];
}

/**
 * The pictures the examples name, written beside them (templates/examples/) so that
 * `partner-check validate templates/examples` checks them: real files of the right and the wrong
 * sizes, and a PDF named .jpg.
 */
export const EXAMPLE_PICTURES: Readonly<Record<string, () => Buffer>> = {
  'goodday-800x800.jpg': () => jpegFile(800, 800),
  'bloom-800x800.png': () => pngFile(800, 800),
  'cozyhome-800x800.jpg': () => jpegFile(800, 800),
  'trendy-closet.png': () => pngFile(800, 800),
  'goodday-card-501x816.jpg': () => jpegFile(501, 816),
  'trendy-card-501x816.png': () => pngFile(501, 816),
  'pineapple-cake-600.webp': () => webpFile(600, 600),
  // Wrong ones, for mistakes.xlsx.
  'cozyhome-1080x1080.jpg': () => jpegFile(1080, 1080),
  'goodday-card-800x800.jpg': () => jpegFile(800, 800),
  'goodday-card-big.png': () => pngFile(501, 816, 2_300_000),
  'goodday-card-export.jpg': () => pdfFile(),
  'sun-cake-1000x800.png': () => pngFile(1000, 800),
};

/** The note text of a list of mistakes. */
export function mistakeNote(mistakes: readonly MistakeLabel[]): string {
  return mistakes.map((m) => `${MISTAKE_PREFIX}${m.ruleId} — ${m.zh}\nMistake: ${m.ruleId} — ${m.en}`).join('\n\n');
}

/** The rule ids a note labels, in order (one per `錯誤示範：` line). */
export function mistakeRuleIds(note: string): string[] {
  return [...note.matchAll(/錯誤示範：([a-z]+\/[a-z0-9-]+)/g)].map((m) => m[1]!);
}

// ---------------------------------------------------------------------------------------------
// The data

interface Shop {
  brandName: string;
  shopId: string;
  contactEmail: string;
  category: string;
  plan: string;
  submittedAt: string;
  siteExposure: '是' | '否';
  ringData: '是' | '否';
  chosenDays: string;
  baseCps: string;
  baseRate: string;
  monthlyGmv: string;
  heroImage: string;
}

const ENROLLMENTS: readonly Shop[] = [
  {
    brandName: '好日子食品',
    shopId: 'goodday_food',
    contactEmail: 'mkt@goodday.example.com, ec@goodday.example.com',
    category: '美食保健',
    plan: '季方案',
    submittedAt: '2026/3/18 10:30',
    siteExposure: '是',
    ringData: '是',
    chosenDays: '4/1、4/4、4/8、4/14、4/22、4/28、5/5、5/10、5/13、5/20、5/26、5/28、6/2、6/9、6/16、6/18、6/23、6/30',
    baseCps: '8%',
    baseRate: '2%',
    monthlyGmv: '1,200,000',
    heroImage: 'goodday-800x800.jpg',
  },
  {
    brandName: '花漾美妝',
    shopId: 'bloom_beauty',
    contactEmail: 'hello@bloom-beauty.example.com',
    category: '美妝保養',
    plan: '5月單月方案',
    submittedAt: '2026/3/19 14:00',
    siteExposure: '是',
    ringData: '否',
    chosenDays: '5/6、5/13、5/27',
    baseCps: '10%',
    baseRate: '2%',
    monthlyGmv: '800,000',
    heroImage: 'bloom-800x800.png',
  },
  {
    brandName: '暖窩家居',
    shopId: 'cozy_home',
    contactEmail: 'line@cozyhome.example.com',
    category: '居家生活',
    plan: '6月單月方案',
    submittedAt: '2026/3/20 09:15',
    siteExposure: '否',
    ringData: '是',
    chosenDays: '6/3、6/10、6/24',
    baseCps: '6%',
    baseRate: '2%',
    monthlyGmv: '2,500,000',
    heroImage: 'cozyhome-800x800.jpg',
  },
  {
    brandName: '潮流衣櫃',
    shopId: 'trendy_closet',
    contactEmail: 'ec@trendycloset.example.com, pr@trendycloset.example.com',
    category: '流行服飾配件',
    plan: '5月單月方案',
    submittedAt: '2026/3/17 16:20',
    siteExposure: '是',
    ringData: '是',
    chosenDays: '5/4、5/7、5/12、5/19、5/21、5/28',
    baseCps: '9%',
    baseRate: '2%',
    monthlyGmv: '1,500,000',
    heroImage: 'trendy-closet.png',
  },
  {
    brandName: '潮流衣櫃',
    shopId: 'trendy_closet',
    contactEmail: 'ec@trendycloset.example.com, pr@trendycloset.example.com',
    category: '流行服飾配件',
    plan: '6月單月方案',
    submittedAt: '2026/3/17 16:25',
    siteExposure: '是',
    ringData: '是',
    chosenDays: '6/1、6/4、6/11、6/15、6/22、6/29',
    baseCps: '9%',
    baseRate: '2%',
    monthlyGmv: '1,500,000',
    heroImage: 'trendy-closet.png',
  },
];

/** 鋪底合約 rows: [shopId, productType, baseRate, cps, pointPrice, start, end]. */
const BASE_CONTRACTS: readonly (readonly [string, string, string, string, string, string, string])[] = [
  ['goodday_food', 'normal', '2%', '8%', '1.2', '2026/01/01 00:00:00', '2026/12/31 23:59:59'],
  ['bloom_beauty', 'normal', '2%', '10%', '1.2', '2025/06/01 00:00:00', '2026/05/31 23:59:59'],
  ['cozy_home', 'normal', '2%', '6%', '1.2', '2026/01/01 00:00:00', '2026/12/31 23:59:59'],
  ['cozy_home', '3c', '1%', '1%', '', '2026/01/01 00:00:00', '2026/12/31 23:59:59'],
  ['trendy_closet', 'normal', '2%', '9%', '1.2', '2026/01/01 00:00:00', '2026/12/31 23:59:59'],
];

/** 環狀數據 rows: [shopId, sendDate, sendTime, audience, sendCap, excludeBuyers, excludeRecent, requestedAt]. */
const RING_SENDS: readonly (readonly [string, string, string, string, string, string, string, string])[] = [
  ['goodday_food', '2026/4/14', '20:00', '通發型', '100000', '近3個月', '是', '2026/3/19 11:00'],
  ['goodday_food', '2026/5/10', '12:00', '通發型', '150000', '否', '否', '2026/3/19 11:00'],
  ['goodday_food', '2026/6/18', '20:00', '通發型', '100000', '近10天', '是', '2026/3/19 11:00'],
  ['trendy_closet', '2026/5/12', '19:00', '通發型', '80000', '近半年', '是', '2026/3/17 17:00'],
  ['trendy_closet', '2026/6/11', '', '通發型', '80000', '近3個月', '是', '2026/3/17 17:00'],
  ['cozy_home', '2026/6/24', '21:00', '通發型', '200000', '近3個月', '否', '2026/3/20 09:30'],
];

/** 廣告素材 rows: a submitted shop card and one not yet uploaded (due 5/12). */
const ADS: readonly ExampleRow[] = [
  { shopId: 'goodday_food', slot: '品牌館商店牌卡', image: 'goodday-card-501x816.jpg', start: '2026/4/24 00:00', end: '2026/4/24 23:59', url: 'https://buy.line.me/u/goodday_food', submittedAt: '2026/3/19 14:00', status: '待審核' },
  { shopId: 'trendy_closet', slot: '品牌館商店牌卡', image: 'trendy-card-501x816.png', start: '2026/5/15 00:00', end: '2026/5/17 23:59', url: 'https://trendy-closet.example.com/line?utm_source=line', submittedAt: '', status: '' },
];

/** 爆殺驚喜 rows of one batch: two product pages and one product entered by hand. */
const dealBase = { shopId: 'goodday_food', batch: '4月第1批', start: '2026/4/24 00:00:00', end: '2026/4/24 23:59:59', submittedAt: '2026/3/19 15:00', status: '待審核' };
const DEALS: readonly ExampleRow[] = [
  { ...dealBase, productUrl: 'https://buy.line.me/product/goodday_food/100234', productName: '', image: '', webPrice: '480', promoPrice: '399' },
  { ...dealBase, productUrl: 'https://buy.line.me/product/goodday_food/100871', productName: '', image: '', webPrice: '350', promoPrice: '299' },
  { ...dealBase, productUrl: '', productName: '好日子鳳梨酥禮盒（預購）', image: 'pineapple-cake-600.webp', webPrice: '1,200', promoPrice: '990' },
];

/** OA串接 rows of the three shops that send ring data (fake channels and secrets). */
const OA: readonly ExampleRow[] = [
  { shopId: 'goodday_food', channelId: '1657000001', channelSecret: '3f9a1c0e5b7d4e2a8c6b0d1e2f3a4b5c', botBasicId: '@goodday', notifyEmails: 'mkt@goodday.example.com,ec@goodday.example.com', liveConsent: '是' },
  { shopId: 'trendy_closet', channelId: '1657000002', channelSecret: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5', botBasicId: '@trendy.closet', notifyEmails: 'ops@trendy-closet.example.com', liveConsent: '否' },
  { shopId: 'cozy_home', channelId: '1657000003', channelSecret: '00ff11ee22dd33cc44bb55aa66997788', botBasicId: '@cozyhome', notifyEmails: 'hello@cozyhome.example.com', liveConsent: '' },
];

/** goodday_food's April contracts were already submitted and await review. */
const SUBMITTED = { shopId: 'goodday_food', month: '2026-04', submittedAt: '2026/3/19 15:00', status: '待審核' } as const;

/** Wall ms of an example date-time text (`2026/01/01 00:00:00`). */
function wallOf(text: string, campaign: Campaign): number {
  const r = parseDateText(text, { yearFor: yearForCampaign(campaign) });
  if (!r.ok) throw new Error(`example date ${text} does not parse`);
  return civil.wallOfDay(r.value.day, r.value.seconds ?? 0);
}

/** The days of a chosen-days text (`4/1、4/14`, campaign year; weekday marks allowed). */
function chosenDayNumbers(list: string, campaign: Campaign): number[] {
  return list
    .split('、')
    .filter((item) => item.trim() !== '')
    .map((item) => {
      const r = parseDateText(item, { yearFor: yearForCampaign(campaign) });
      if (!r.ok) throw new Error(`example chosen day ${item} does not parse`);
      return r.value.day;
    });
}

function enrollmentRow(s: Shop): ExampleRow {
  return { ...s };
}

function baseRow(b: (typeof BASE_CONTRACTS)[number]): ExampleRow {
  const [shopId, productType, baseRate, cps, pointPrice, start, end] = b;
  return { shopId, productType, baseRate, cps, pointPrice, start, end };
}

function baseTerms(b: (typeof BASE_CONTRACTS)[number], campaign: Campaign): BaseContractTerms {
  const [shopId, productType, baseRate, cps, pointPrice, start, end] = b;
  return {
    shopId,
    productType,
    baseRate: Number(baseRate.replace('%', '')),
    cps: Number(cps.replace('%', '')),
    ...(pointPrice ? { pointPrice: Number(pointPrice) } : {}),
    start: wallOf(start, campaign),
    end: wallOf(end, campaign),
  };
}

function ringRow(r: (typeof RING_SENDS)[number]): ExampleRow {
  const [shopId, sendDate, sendTime, audience, sendCap, excludeBuyers, excludeRecent, requestedAt] = r;
  return { shopId, sendDate, sendTime, audience, sendCap, excludeBuyers, excludeRecent, requestedAt };
}

/** Partner contracts for the enrollments, from the rules' schedule generator (SPEC §6). */
function contractRows(shops: readonly Shop[], campaign: Campaign): ExampleRow[] {
  const base = BASE_CONTRACTS.map((b) => baseTerms(b, campaign));
  const rows: ExampleRow[] = [];
  for (const s of shops) {
    const plan = campaign.findPlan(s.plan);
    if (!plan) continue;
    const schedule = generateSchedule(
      // Chosen days outside the plan (a mistake of the mistakes example) get no contract.
      { shopId: s.shopId, months: plan.months, chosenDays: chosenDayNumbers(s.chosenDays, campaign).filter((d) => plan.months.includes(civil.monthKeyOfDay(d))) },
      { campaign, baseContracts: base },
    );
    if (schedule.problems.length > 0) throw new Error(`example schedule of ${s.shopId}: ${JSON.stringify(schedule.problems)}`);
    for (const r of scheduleToRows(schedule)) {
      const row: ExampleRow = { ...r };
      if (s.shopId === SUBMITTED.shopId && r.start!.startsWith(SUBMITTED.month.replace('-', '/'))) {
        row.submittedAt = SUBMITTED.submittedAt;
        row.status = SUBMITTED.status;
      }
      rows.push(row);
    }
  }
  return rows;
}

/** The clean example: zero violations with today 2026-03-20. */
export function cleanExample(campaign: Campaign = DEFAULT_CAMPAIGN): ExampleWorkbook {
  return {
    fileName: 'clean.xlsx',
    sheets: [
      { kind: 'enrollment', rows: ENROLLMENTS.map(enrollmentRow) },
      { kind: 'contracts', rows: contractRows(ENROLLMENTS, campaign) },
      { kind: 'base-contracts', rows: BASE_CONTRACTS.map(baseRow) },
      { kind: 'ring-data', rows: RING_SENDS.map(ringRow) },
      { kind: 'ad-materials', rows: ADS.map((r) => ({ ...r })) },
      { kind: 'flash-deals', rows: DEALS.map((r) => ({ ...r })) },
      { kind: 'oa-binding', rows: OA.map((r) => ({ ...r })) },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Mistakes

const mk = (ruleId: string, zh: string, en: string): MistakeLabel => ({ ruleId, zh, en });

function cellOf(v: ExampleValue | undefined): ExampleCell {
  return typeof v === 'object' ? v : { text: v ?? '' };
}

/** Sets a cell (text and/or raw value) and labels it with mistakes. */
function mark(row: ExampleRow, key: string, change: Partial<ExampleCell>, ...mistakes: MistakeLabel[]): void {
  const cur = cellOf(row[key]);
  row[key] = { ...cur, ...change, mistakes: [...(cur.mistakes ?? []), ...mistakes] };
}

function textOf(v: ExampleValue | undefined): string {
  return cellOf(v).text;
}

function findIndex(rows: readonly ExampleRow[], pred: (r: ExampleRow) => boolean, what: string): number {
  const i = rows.findIndex(pred);
  if (i < 0) throw new Error(`example row not found: ${what}`);
  return i;
}

function contractAt(rows: readonly ExampleRow[], shopId: string, remark: string, productType = 'normal'): number {
  return findIndex(rows, (r) => textOf(r.shopId) === shopId && textOf(r.remark) === remark && textOf(r.productType) === productType, `${shopId} ${remark} ${productType}`);
}

/** The example with typical mistakes, each labelled with the rule that catches it. */
export function mistakesExample(campaign: Campaign = DEFAULT_CAMPAIGN): ExampleWorkbook {
  // Enrollment mistakes that change the schedule are made before the contracts are generated:
  // a brand sets its contracts up from what it enrolled.
  const shops = ENROLLMENTS.map((s) => ({ ...s }));
  const goodday = shops[0]!;
  const bloom = shops[1]!;
  const cozy = shops[2]!;
  goodday.chosenDays = goodday.chosenDays.replace('6/18', '6/12');
  bloom.chosenDays = '5/6、5/13、5/27、6/3';
  cozy.chosenDays = '6/3、6/10、6/17、6/24';
  cozy.submittedAt = '2026/5/21 17:30';

  const enrollment: ExampleRow[] = shops.map(enrollmentRow);
  const [eGood, eBloom, eCozy, eTrendyMay, eTrendyJune] = enrollment as [ExampleRow, ExampleRow, ExampleRow, ExampleRow, ExampleRow];
  mark(eGood, 'contactEmail', { text: 'mkt@goodday.example.com、ec@goodday' }, mk('cell/invalid-email', '第二個信箱少了網域（.example.com）', 'the second address lacks its domain'));
  mark(eGood, 'chosenDays', {}, mk('enrollment/chosen-day-on-friday', '6/12 是週五，本來就是 10%，任選日浪費了', '6/12 is a Friday, already 10%: the chosen day is wasted'));
  mark(eGood, 'baseCps', { raw: 0.08, numFmt: 'General' }, mk('cell/ambiguous-percent', '填成 0.08 而不是 8%，會被當成 8% 但請確認', 'typed 0.08 instead of 8%; read as 8%, please confirm'));
  mark(eGood, 'ringData', {}, mk('ring/missing-monthly-send', '承諾發送環狀數據，但 6 月沒有發送', 'committed to ring data but nothing is sent in June'));
  mark(eBloom, 'chosenDays', {}, mk('enrollment/chosen-day-outside-plan', '5月單月方案選了 6/3', 'a May plan with a chosen day in June (6/3)'));
  mark(eCozy, 'submittedAt', {}, mk('enrollment/late-registration', '6月單月方案 5/21 17:00 截止，晚了 30 分鐘', 'the June plan closed 5/21 17:00; 30 minutes late'));
  mark(eCozy, 'chosenDays', {}, mk('enrollment/too-many-chosen-days', '只承諾環狀數據，每月只能選 3 天，這裡選了 4 天', 'ring data only allows 3 chosen days a month; 4 are listed'));
  mark(eCozy, 'shopId', {}, mk('partner/missing-day', '6/27-6/30 的合約結束時間打錯，這幾天沒有夥伴互利合約', 'the 6/27-6/30 contract has a mistyped end, so those days have no partner contract'));
  mark(eTrendyMay, 'chosenDays', { text: '5/4、5/7(三)、5/12、5/19、5/21、5/28' }, mk('cell/weekday-mismatch', '5/7 是週四，不是週三', '5/7 is a Thursday, not a Wednesday'));
  mark(eTrendyMay, 'shopId', {}, mk('partner/missing-day', '漏設 5/12 任選日的加碼合約', 'the 5/12 chosen-day contract is missing'));
  mark(eTrendyJune, 'category', { text: '服飾' }, mk('cell/invalid-enum', '品類請從選單選擇（流行服飾配件）', 'pick the category from the list (流行服飾配件)'));
  const sunny: ExampleRow = {
    brandName: '晴天服飾',
    shopId: 'sunny fashion',
    contactEmail: 'hi@sunny-fashion.example.com',
    category: '流行服飾配件',
    plan: '4月單月方案',
    submittedAt: '2026/3/16 11:00',
    siteExposure: '是',
    ringData: '否',
    chosenDays: '',
    baseCps: '12%',
    baseRate: '2%',
    monthlyGmv: '300,000',
    heroImage: '',
  };
  mark(sunny, 'shopId', {}, mk('enrollment/invalid-shop-id', '商店代碼不能有空格（應為 sunny_fashion）', 'no spaces in a shop id (sunny_fashion)'));
  mark(sunny, 'plan', {}, mk('enrollment/unknown-plan', '沒有4月單月方案', 'there is no April-only plan'));
  mark(sunny, 'heroImage', {}, mk('enrollment/missing-hero-image', '沒有形象圖，LINE購物 無法製作曝光素材', 'no hero image: LINE Shopping cannot make the exposure materials'));
  mark(eCozy, 'heroImage', { text: 'cozyhome-1080x1080.jpg' }, mk('enrollment/hero-image-size', '形象圖是 1080×1080，須為 800×800', 'the hero image is 1080×1080; it must be 800×800'));
  mark(eBloom, 'heroImage', { text: 'https://cdn.bloom-beauty.example.com/line/hero-800.png' });
  enrollment.push(sunny);
  const salesContact: ExtraColumn = {
    header: '業務窗口',
    width: 12,
    mistakes: [mk('sheet/unknown-column', '自行加的欄位不會被檢查（僅提示）', 'a column of your own is ignored (info only)')],
    values: ['Amy', 'Amy', 'Ben', 'Cindy', 'Cindy', 'Ben'],
  };

  const contracts = contractRows(shops, campaign);
  // goodday_food
  {
    const i = contractAt(contracts, 'goodday_food', '4/18-4/21_加碼5%');
    const first = { ...contracts[i]! };
    const second = { ...contracts[i]! };
    first.end = '2026/04/20 23:59:59';
    first.remark = '4/18-4/20_加碼5%';
    second.start = '2026/04/20 00:00:00';
    second.remark = '4/20-4/21_加碼5%';
    mark(second, 'start', {}, mk('contract/overlap', '與上一列重疊（4/20 重複）', 'overlaps the row above (4/20 twice)'));
    contracts.splice(i, 1, first, second);
  }
  {
    const r = contracts[contractAt(contracts, 'goodday_food', '4/24_加碼10%')]!;
    r.remark = '4/24_加碼5%';
    mark(r, 'frontRate', { text: '5%' }, mk('partner/wrong-rate', '4/24 是週五，應為 10%', '4/24 is a Friday: 10%'));
  }
  mark(contracts[contractAt(contracts, 'goodday_food', '4/14_加碼10%')]!, 'remark', { text: '【任選日】4/14_加碼10%' }, mk('contract/remark-special-chars', '備註勿填特殊符號（【】）', 'no special symbols (【】) in remarks'));
  mark(contracts[contractAt(contracts, 'goodday_food', '5/5_加碼10%')]!, 'vendorBonus', { text: '8%' }, mk('contract/partner-vendor-bonus', '夥伴互利由 LINE購物支付點數，廠商自行加碼應為 0%', 'LINE Shopping funds partner points: vendor bonus 0%'));
  mark(contracts[contractAt(contracts, 'goodday_food', '5/6-5/7_加碼5%')]!, 'cps', { text: '8%' }, mk('contract/partner-cps', '夥伴互利合約的 CPS 應為 15%', 'a partner contract’s CPS is 15%'));
  {
    const i = contractAt(contracts, 'goodday_food', '5/30-5/31_加碼5%');
    const j = contractAt(contracts, 'goodday_food', '6/1_加碼5%');
    const r = contracts[i]!;
    r.end = '2026/06/01 23:59:59';
    r.remark = '5/30-6/1_加碼5%';
    mark(r, 'start', {}, mk('partner/crosses-month', '一份合約橫跨 5 月與 6 月，請以月份拆開', 'one contract spans May and June; split it by month'));
    contracts.splice(j, 1);
  }
  {
    const own: ExampleRow = {
      shopId: 'goodday_food',
      contractType: '活動加碼',
      remark: '3/23-3/24_全館加碼8%',
      start: '2026/03/23 00:00:00',
      end: '2026/03/24 23:59:59',
      productType: 'normal',
      productId: '',
      baseRate: '2%',
      frontRate: '8%',
      rebateCap: '-1',
      cps: '8%',
      vendorBonus: '6%',
      pointPrice: '1.2',
      partnerPlan: '否',
      submittedAt: '2026/3/19 10:00',
      status: '待審核',
    };
    mark(own, 'submittedAt', {}, mk('contract/late-submission', '3/23 開始的合約最晚 3/18 送審（D-3 工作日）', 'a contract starting 3/23 is due by 3/18 (D-3 working days)'));
    contracts.unshift(own);
  }
  // bloom_beauty
  {
    const own: ExampleRow = {
      shopId: 'bloom_beauty',
      contractType: '單品加碼',
      remark: '5/15-5/17_精華液加碼8%',
      start: '2026/05/15 00:00:00',
      end: '2026/05/17 23:59:59',
      productType: 'normal',
      productId: '',
      baseRate: '2%',
      frontRate: '8%',
      rebateCap: '200',
      cps: '10%',
      vendorBonus: '6%',
      pointPrice: '1.2',
      partnerPlan: '否',
      submittedAt: '',
      status: '',
    };
    mark(own, 'productId', {}, mk('contract/missing-product-id', '單品加碼必須填商品ID', 'a single-product bonus needs its product id'));
    const last = contracts.map((r) => textOf(r.shopId)).lastIndexOf('bloom_beauty');
    const june: ExampleRow = { ...contracts[last]!, remark: '6/1-6/4_加碼5%', start: '2026/06/01 00:00:00', end: '2026/06/04 23:59:59', frontRate: '5%' };
    mark(
      june,
      'start',
      {},
      mk('partner/extra-contract', '只報名 5 月，6 月不是夥伴互利期間', 'enrolled for May only; June is outside the plan'),
      mk('contract/no-base-contract', '鋪底合約到 5/31 就結束，6 月沒有鋪底合約', 'the base contract ends 5/31; June has none'),
    );
    contracts.splice(last + 1, 0, own, june);
  }
  // cozy_home
  contracts.splice(contractAt(contracts, 'cozy_home', '6/5_加碼10%', '3c'), 1);
  mark(contracts[contractAt(contracts, 'cozy_home', '6/5_加碼10%')]!, 'productType', {}, mk('contract/product-types-mismatch', '鋪底合約有 normal 與 3c，這份只設了 normal', 'the base contracts have normal and 3c; this contract only normal'));
  mark(contracts[contractAt(contracts, 'cozy_home', '6/6-6/9_加碼5%', '3c')]!, 'baseRate', { text: '2%' }, mk('contract/base-rate-mismatch', '3c 的鋪底合約% 是 1%', 'the 3c base rate is 1%'));
  for (const t of ['normal', '3c']) {
    const r = contracts[contractAt(contracts, 'cozy_home', '6/27-6/30_加碼5%', t)]!;
    if (t === 'normal') mark(r, 'end', { text: '2026/06/20 23:59:59' }, mk('contract/end-before-start', '結束時間打錯（6/30 打成 6/20）', 'mistyped end (6/20 instead of 6/30)'));
    else r.end = '2026/06/20 23:59:59';
  }
  // trendy_closet
  contracts.splice(contractAt(contracts, 'trendy_closet', '5/12_加碼10%'), 1);
  mark(contracts[contractAt(contracts, 'trendy_closet', '6/22_加碼10%')]!, 'end', { text: '2026/06/22 23:59:00' }, mk('contract/not-whole-day', '結束時間應為 23:59:59', 'should end at 23:59:59'));

  const ring: ExampleRow[] = RING_SENDS.map(ringRow);
  const [rGoodApr, rGoodMay, rGoodJune, rTrendyMay, rTrendyJune, rCozy] = ring as [ExampleRow, ExampleRow, ExampleRow, ExampleRow, ExampleRow, ExampleRow];
  mark(rGoodApr, 'sendTime', { text: '20:30' }, mk('ring/invalid-time', '只能整點發送', 'sends go out on the hour only'));
  mark(rGoodMay, 'audience', { text: '自訂受眾' }, mk('ring/audience', '受眾僅限通發型', 'the audience can only be 通發型'));
  mark(rTrendyMay, 'sendDate', {}, mk('ring/no-bonus-active', '5/12 沒有加碼合約（漏設），不能發送', 'no bonus contract on 5/12 (it is missing)'));
  mark(rTrendyJune, 'sendCap', { text: '0' }, mk('ring/invalid-cap', '發送人數上限須為正整數', 'the cap must be a positive whole number'));
  mark(rCozy, 'excludeBuyers', { text: '近1個月' }, mk('ring/exclude-buyers-window', '只能選 否、近10天、近3個月、近半年', 'only 否, 近10天, 近3個月 or 近半年'));
  const late: ExampleRow = {
    shopId: 'goodday_food',
    sendDate: '2026/3/24',
    sendTime: '20:00',
    audience: '通發型',
    sendCap: '50000',
    excludeBuyers: '否',
    excludeRecent: '是',
    requestedAt: '2026/3/20 09:00',
  };
  mark(late, 'requestedAt', {}, mk('ring/late-request', '3/24 發送最晚須在 3/19 提出（3 個工作天前）', 'a 3/24 send must be requested by 3/19 (3 working days ahead)'));
  mark(rCozy, 'shopId', {}, mk('ring/no-oa-binding', 'cozy_home 有環狀數據發送，但 OA串接 沒有它的資料', 'cozy_home sends ring data but has no OA binding row'));
  const ringRows = [late, rGoodApr, rGoodMay, rTrendyMay, rTrendyJune, rCozy];

  // 廣告素材
  const ad = (over: ExampleRow = {}): ExampleRow => ({ ...ADS[0]!, ...over });
  const ads: ExampleRow[] = [ad(), ad(), ad(), ad(), ad(), ad(), ad(), ad(), ad(), ad({ image: 'https://cdn.goodday.example.com/card.jpg' })];
  mark(ads[1]!, 'image', { text: 'goodday-card-800x800.jpg' }, mk('ad/image-size', '圖片是 800×800，牌卡須為 501×816', 'the picture is 800×800; the card needs 501×816'));
  mark(ads[2]!, 'image', { text: 'goodday-card-big.png' }, mk('ad/image-too-large', '圖片檔超過 2 MB', 'the picture file is over 2 MB'));
  mark(ads[3]!, 'image', { text: 'goodday-card-export.jpg' }, mk('ad/image-unreadable', '副檔名是 .jpg，內容其實是 PDF', 'named .jpg but really a PDF'));
  mark(ads[4]!, 'url', { text: 'https://lihi.cc/Ab3dE' }, mk('ad/short-url', '廣告網址禁用短網址', 'short URLs are not allowed'));
  mark(ads[5]!, 'url', { text: 'buy.line.me/u/goodday_food' }, mk('ad/invalid-url', '少了 https://', 'https:// is missing'));
  mark(ads[6]!, 'url', { text: `https://goodday.example.com/line?${'utm_campaign=partner_2026q2&'.repeat(20)}x=1` }, mk('ad/url-too-long', '網址超過 512 字元', 'the URL is over 512 characters'));
  mark(ads[7]!, 'end', { text: '2026/4/23 23:59' }, mk('ad/end-before-start', '曝光結束早於開始', 'the exposure ends before it starts'));
  mark(ads[8]!, 'submittedAt', { text: '2026/4/22 10:00' }, mk('ad/late-submission', '4/22 曝光最晚須在 4/17 上稿', 'an ad exposed 4/22 is due by 4/17'));
  mark(ads[8]!, 'start', { text: '2026/4/22 00:00' }, mk('ad/not-future', '曝光開始早於上稿時間：請設定未來時間', 'the exposure starts before the upload: set a future time'));
  mark(ads[8]!, 'end', { text: '2026/4/22 23:59' });

  // 爆殺驚喜
  const deal = (over: ExampleRow = {}): ExampleRow => ({ ...DEALS[0]!, ...over });
  const page = (id: number) => `https://buy.line.me/product/goodday_food/${id}`;
  const batch2 = { batch: '4月第2批' };
  const deals: ExampleRow[] = [
    deal(),
    deal({ productUrl: page(100871) }),
    deal({ productUrl: page(100872) }),
    deal({ productUrl: page(100873) }),
    deal({ productUrl: page(100874) }),
    deal({ productUrl: page(100875) }),
    deal({ ...batch2, productUrl: page(100234) }),
    deal({ ...batch2, productUrl: page(100234) }),
    deal({ ...batch2, productUrl: 'https://buy.line.me/s/鳳梨酥' }),
    deal({ ...batch2, productUrl: '', productName: '太陽餅禮盒', image: 'sun-cake-1000x800.png' }),
    deal({ batch: '4月第3批', productUrl: '', productName: '好日子禮盒（預購）', image: '' }),
    deal({ batch: '4月第3批', productUrl: page(100900) }),
    deal({ batch: '4月第3批', productUrl: page(100901) }),
  ];
  mark(deals[5]!, 'productUrl', {}, mk('deal/too-many-products', '同一批提報了 6 筆，一次最多 5 筆', 'six products in one batch; at most 5'));
  mark(deals[7]!, 'productUrl', {}, mk('deal/duplicate-product', '同一批重複提報同一商品', 'the same product twice in one batch'));
  mark(deals[8]!, 'productUrl', {}, mk('deal/invalid-product-url', '這是搜尋頁，不是商品頁', 'a search page, not a product page'));
  mark(deals[9]!, 'image', {}, mk('deal/image-not-square', '商品圖片 1000×800 不是正方形', 'the 1000×800 picture is not square'));
  mark(deals[10]!, 'image', {}, mk('deal/manual-product-incomplete', '自行新增商品須提供商品圖片', 'a product entered by hand needs a picture'));
  mark(deals[11]!, 'promoPrice', { text: '480' }, mk('deal/no-discount', '優惠價等於網路價，前台不會顯示優惠', 'the promo price equals the web price: no markdown shows'));
  mark(deals[12]!, 'end', { text: '2026/4/23 23:59:59' }, mk('deal/end-before-start', '優惠結束早於開始', 'the deal ends before it starts'));

  // OA串接 (cozy_home's row is missing: ring/no-oa-binding)
  const oas: ExampleRow[] = [{ ...OA[0]! }, { ...OA[1]! }, { ...OA[0]!, shopId: 'bloom_beauty' }, { ...OA[1]!, shopId: 'sunny_fashion', channelId: '1657000005' }];
  mark(oas[0]!, 'channelId', { text: '165700001' }, mk('oa/invalid-channel-id', 'Channel ID 少了一位數（須 10 位）', 'the Channel ID lacks a digit (10 are needed)'));
  mark(oas[0]!, 'notifyEmails', { text: 'mkt@goodday.example.com、ec@goodday.example.com' }, mk('oa/notify-emails', '須以半形逗號分隔，不可用頓號', 'separate with half-width commas, not 、'));
  mark(oas[1]!, 'botBasicId', { text: 'Trendy.Closet' }, mk('oa/invalid-basic-id', '少了 @，且須小寫', 'the @ is missing and it must be lower-case'));
  mark(oas[2]!, 'channelId', { text: '1657000002' }, mk('oa/duplicate-channel', '與 trendy_closet 的 Channel ID 相同', 'the same Channel ID as trendy_closet'));
  mark(oas[3]!, 'channelSecret', { text: 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d' }, mk('oa/invalid-channel-secret', 'Channel secret 少了一個字元（須 32 個）', 'the channel secret lacks a character (32 are needed)'));
  void rGoodJune; // goodday_food's June send is the missing one (ring/missing-monthly-send)

  return {
    fileName: 'mistakes.xlsx',
    sheets: [
      { kind: 'enrollment', rows: enrollment, extraColumns: [salesContact], headerMistakes: { heroImage: [mk('asset/not-checked', '花漾美妝的形象圖是網址，無法檢查尺寸（僅提示）', 'bloom_beauty names its hero image by a web address, so its size cannot be checked (info only)')] } },
      { kind: 'contracts', rows: contracts },
      { kind: 'base-contracts', rows: BASE_CONTRACTS.map(baseRow) },
      { kind: 'ring-data', rows: ringRows },
      { kind: 'ad-materials', rows: ads, headerMistakes: { image: [mk('asset/not-checked', '最後一列的圖片是網址，無法檢查尺寸（僅提示）', 'the last row names a web address, so its size cannot be checked (info only)')] } },
      { kind: 'flash-deals', rows: deals },
      { kind: 'oa-binding', rows: oas },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * A cell's value as a spreadsheet stores what the user typed into a column of this type: date
 * texts become date cells, `8%` the fraction 0.08 (shown by the column's `0%` format), `20:00` a
 * time, `1,200,000` a number — read with the rules' own parsers; anything else stays text.
 */
function typedValue(type: ColumnType, text: string, campaign: Campaign): ExcelJS.CellValue {
  switch (type) {
    case 'datetime':
    case 'date': {
      const r = parseDateText(text, { yearFor: yearForCampaign(campaign) });
      return r.ok ? new Date(civil.wallOfDay(r.value.day, r.value.seconds ?? 0)) : text;
    }
    case 'time': {
      const r = parseTimeValue(text);
      return r.ok ? r.value / 86_400 : text;
    }
    case 'percent': {
      const r = parsePercentValue(text, undefined);
      return r.ok && text.trim().endsWith('%') ? r.value / 100 : text;
    }
    case 'integer':
    case 'money':
    case 'number': {
      const r = parseNumberValue(text);
      return r.ok ? r.value : text;
    }
    default:
      return text;
  }
}

function writeSheet(wb: ExcelJS.Workbook, spec: TemplateSheetSpec, sheet: ExampleSheet, campaign: Campaign): void {
  const ws = addDataSheet(wb, spec);
  sheet.rows.forEach((row, i) => {
    const r = ws.getRow(spec.firstDataRow + i);
    for (const col of spec.columns) {
      const cell = r.getCell(col.index + 1);
      const c = cellOf(row[col.key]);
      if (c.raw !== undefined) cell.value = c.raw;
      else if (c.text !== '') cell.value = typedValue(col.type, c.text, campaign);
      if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
      if (c.mistakes?.length) cell.note = { texts: [{ text: mistakeNote(c.mistakes) }], editAs: 'absolute' } as ExcelJS.Comment;
    }
  });
  for (const [key, mistakes] of Object.entries(sheet.headerMistakes ?? {})) {
    const col = spec.columns.find((c) => c.key === key)!;
    const head = ws.getRow(spec.headerRow).getCell(col.index + 1);
    head.note = { texts: [{ text: `${col.note}\n\n${mistakeNote(mistakes)}` }], editAs: 'absolute' } as ExcelJS.Comment;
  }
  sheet.extraColumns?.forEach((extra, k) => {
    const index = spec.columns.length + k + 1;
    ws.getColumn(index).width = extra.width;
    const head = ws.getRow(spec.headerRow).getCell(index);
    head.value = extra.header;
    head.style = { font: { bold: true }, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } };
    if (extra.mistakes?.length) head.note = { texts: [{ text: mistakeNote(extra.mistakes) }], editAs: 'absolute' } as ExcelJS.Comment;
    extra.values.forEach((v, i) => {
      ws.getRow(spec.firstDataRow + i).getCell(index).value = v;
    });
  });
}

/** An example as a workbook: its tabs in SPEC order, styled like the templates. */
export function buildExampleWorkbook(example: ExampleWorkbook, campaign: Campaign = DEFAULT_CAMPAIGN): ExcelJS.Workbook {
  const wb = newWorkbook();
  for (const sheet of example.sheets) writeSheet(wb, templateSpec(sheet.kind, campaign), sheet, campaign);
  return wb;
}

/** Every example, in a stable order. */
export function examples(campaign: Campaign = DEFAULT_CAMPAIGN): readonly ExampleWorkbook[] {
  return [cleanExample(campaign), mistakesExample(campaign)];
}

/** Writes the examples into `outDir` (e.g. templates/examples); returns the paths written. */
export async function writeExamples(outDir: string, campaign: Campaign = DEFAULT_CAMPAIGN): Promise<string[]> {
  const written: string[] = [];
  for (const ex of examples(campaign)) {
    const file = path.join(outDir, ex.fileName);
    writeFileAtomic(file, await workbookBytes(buildExampleWorkbook(ex, campaign)));
    written.push(file);
  }
  for (const [name, bytes] of Object.entries(EXAMPLE_PICTURES)) {
    const file = path.join(outDir, name);
    writeFileAtomic(file, bytes());
    written.push(file);
  }
  return written;
}
