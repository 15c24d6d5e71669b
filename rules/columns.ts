/**
 * Column definitions: the single source of truth for every sheet kind (SPEC §4). The header
 * parser, the cell parsers, the messages, the templates and the add-on all read these lists.
 */
import type { Message, SheetKind } from './types.js';

export type ColumnType =
  | 'text'
  | 'emails'
  | 'enum'
  | 'datetime'
  | 'date'
  | 'time'
  | 'boolean'
  | 'dateList'
  | 'percent'
  | 'integer'
  | 'money'
  | 'number';

export interface EnumOption {
  /** Canonical value (the zh-TW label as the CMS shows it). */
  readonly value: string;
  readonly en: string;
  /** Other spellings accepted (normalised before comparing). */
  readonly aliases?: readonly string[];
}

export interface ColumnDef {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Other header spellings accepted. */
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  /** Whether the column must exist and (for non-boolean columns) its cells be filled. */
  readonly required: boolean;
  readonly options?: readonly EnumOption[];
  /**
   * The rule that owns every malformed value of this column (SPEC §5.3 `contract/invalid-rebate-cap`,
   * §5.5 `ring/invalid-cap`): the parser then reports no `cell/invalid-number` for it, and the rule
   * reports the cell instead, with a suggestion where one can be read from the text.
   */
  readonly invalidValueRule?: string;
  /** For `datetime` columns: what a date without a time means. */
  readonly dateOnly?: 'startOfDay' | 'endOfDay';
  /** Input help shown as header notes and on the instructions sheet. */
  readonly help: Message;
  /** An example value, as a user would type it. */
  readonly example: string;
  /** Column width in characters, for templates. */
  readonly width: number;
  /** A secret (the OA channel secret): never shown whole in any output (SPEC §4.8). */
  readonly secret?: boolean;
  /** The cell names a picture (SPEC §4.9). */
  readonly picture?: boolean;
}

export interface SheetKindDef {
  readonly kind: SheetKind;
  /** Tab names (zh-TW first, then English, then aliases). */
  readonly names: readonly string[];
  readonly title: Message;
  readonly columns: readonly ColumnDef[];
}

export const CATEGORY_OPTIONS: readonly EnumOption[] = [
  { value: '美食保健', en: 'Food & health', aliases: ['food', 'food & health'] },
  { value: '美妝保養', en: 'Beauty & skincare', aliases: ['beauty', 'beauty & skincare'] },
  { value: '居家生活', en: 'Home & living', aliases: ['home', 'home & living'] },
  { value: '流行服飾配件', en: 'Fashion & accessories', aliases: ['fashion', 'fashion & accessories'] },
  { value: '其他', en: 'Other', aliases: ['other'] },
];

export const CONTRACT_TYPE_OPTIONS: readonly EnumOption[] = [
  { value: '活動加碼', en: 'Campaign-wide bonus', aliases: ['campaign', 'campaign bonus', '全站加碼'] },
  { value: '單品加碼', en: 'Single-product bonus', aliases: ['product', 'single product', 'product bonus'] },
];

export const STATUS_OPTIONS: readonly EnumOption[] = [
  { value: '待審核', en: 'pending', aliases: ['審核中'] },
  { value: '通過', en: 'approved', aliases: ['已審核', '審核通過', '已通過'] },
  { value: '不通過', en: 'rejected', aliases: ['審核不通過', '未通過'] },
  { value: '草稿', en: 'draft' },
];

export const AUDIENCE_OPTIONS: readonly EnumOption[] = [{ value: '通發型', en: 'broadcast (all OA friends)', aliases: ['broadcast'] }];

export const EXCLUDE_BUYERS_OPTIONS: readonly EnumOption[] = [
  { value: '否', en: 'no', aliases: ['no', 'n', '不排除'] },
  { value: '近10天', en: 'last 10 days', aliases: ['10天', '近十天', 'last 10 days'] },
  { value: '近3個月', en: 'last 3 months', aliases: ['3個月', '近三個月', 'last 3 months'] },
  { value: '近半年', en: 'last 6 months', aliases: ['半年', '近6個月', '近六個月', 'last 6 months', 'last half year'] },
];

/** 廣告素材 版位: the CMS's slot list (the deck shows one slot for brand self-service ads). */
export const AD_SLOT_OPTIONS: readonly EnumOption[] = [
  { value: '品牌館商店牌卡', en: 'Brand hall shop card', aliases: ['品牌館商店牌卡(501x816)', '品牌館商店牌卡(501*816)', '品牌館牌卡', '商店牌卡', 'brand hall shop card', 'shop card'] },
];

/** 廣告素材 審核狀態 (the ad CMS has no drafts). */
export const AD_STATUS_OPTIONS: readonly EnumOption[] = STATUS_OPTIONS.filter((o) => o.value !== '草稿');

/** 爆殺驚喜 審核狀態: pending, or pinned (已釘選: no more edits). */
export const DEAL_STATUS_OPTIONS: readonly EnumOption[] = [
  { value: '待審核', en: 'pending', aliases: ['審核中'] },
  { value: '已釘選', en: 'pinned', aliases: ['釘選', 'pinned'] },
];

const m = (zh: string, en: string): Message => ({ 'zh-TW': zh, en });

export const ENROLLMENT: SheetKindDef = {
  kind: 'enrollment',
  names: ['報名表', 'Enrollment', 'Enrolment', '報名', '夥伴互利報名表'],
  title: m('報名表', 'Enrollment'),
  columns: [
    { key: 'brandName', zh: '品牌名稱', en: 'Brand', aliases: ['品牌', 'brand name'], type: 'text', required: true, help: m('品牌的中文或英文名稱。', "The brand's name."), example: '好日子食品', width: 16 },
    { key: 'shopId', zh: '商店代碼', en: 'Shop ID', aliases: ['商店id', '店家代碼', 'shop code'], type: 'text', required: true, help: m('LINE購物後台的商店代碼：2–40 個英文字母、數字、底線或連字號。', 'Your LINE Shopping shop code: 2–40 letters, digits, _ or -.'), example: 'goodday_food', width: 18 },
    { key: 'contactEmail', zh: '聯絡信箱', en: 'Contact email', aliases: ['email', 'e-mail', '聯絡email', '聯絡人信箱'], type: 'emails', required: true, help: m('1–5 個電子信箱，以逗號分隔。', '1–5 e-mail addresses, comma separated.'), example: 'mkt@goodday.example.com', width: 28 },
    { key: 'category', zh: '品類', en: 'Category', aliases: ['商品品類'], type: 'enum', required: false, options: CATEGORY_OPTIONS, help: m('從下拉選單選擇品類。', 'Pick the category from the list.'), example: '美食保健', width: 14 },
    { key: 'plan', zh: '方案', en: 'Plan', aliases: ['報名方案', '參加方案'], type: 'text', required: true, help: m('季方案（4–6月）、5月單月方案或6月單月方案；沒有4月單月方案。', 'Quarter plan (Apr–Jun), May or June monthly plan; there is no April-only plan.'), example: '季方案', width: 14 },
    { key: 'submittedAt', zh: '報名時間', en: 'Submitted at', aliases: ['報名日期', 'submitted'], type: 'datetime', required: true, dateOnly: 'startOfDay', help: m('送出報名的日期與時間，例如 2026/3/20 10:00。', 'When the form was sent, e.g. 2026/3/20 10:00.'), example: '2026/3/20 10:00', width: 18 },
    { key: 'siteExposure', zh: '官網/社群曝光', en: 'Site or social exposure', aliases: ['官網社群曝光', '品牌官網/社群曝光', 'site exposure', 'social exposure'], type: 'boolean', required: true, help: m('是否在品牌官網或社群曝光本活動：是／否。', 'Will you promote the plan on your site or social media? yes/no.'), example: '是', width: 14 },
    { key: 'ringData', zh: '環狀數據', en: 'Ring data push', aliases: ['發送環狀數據', 'ring data'], type: 'boolean', required: true, help: m('是否每月發送環狀數據：是／否。', 'Will you send a ring-data push every month? yes/no.'), example: '是', width: 12 },
    { key: 'chosenDays', zh: '任選日', en: 'Chosen days', aliases: ['任選日期', 'chosen dates'], type: 'dateList', required: false, help: m('每月任選的 10% 回饋日，例如 5/6、5/13、5/27；不可跨月使用。', 'Your 10% days, e.g. 5/6, 5/13, 5/27; they do not carry over between months.'), example: '4/1、4/14、4/22', width: 30 },
    { key: 'baseCps', zh: '原CPS%', en: 'Current CPS %', aliases: ['原cps', '目前cps%', '現行cps%', 'current cps'], type: 'percent', required: true, help: m('目前的 CPS 比例，例如 8%。', 'Your current CPS, e.g. 8%.'), example: '8%', width: 10 },
    { key: 'baseRate', zh: '鋪底回饋%', en: 'Base rebate %', aliases: ['鋪底%', '鋪底合約%', 'base rate %'], type: 'percent', required: false, help: m('鋪底合約的回饋比例；空白時以 2% 計。', 'Your base-contract rebate; blank means 2%.'), example: '2%', width: 10 },
    { key: 'monthlyGmv', zh: '預估月業績', en: 'Expected monthly GMV', aliases: ['月業績', '預估業績', 'monthly gmv'], type: 'money', required: false, help: m('預估每月業績（新台幣），用來估算成本。', 'Expected monthly sales in NT$, for the cost estimate.'), example: '1,200,000', width: 14 },
    { key: 'heroImage', zh: '形象圖', en: 'Hero image', aliases: ['圖片', 'image'], type: 'text', required: false, picture: true, help: m('800×800 無字形象圖或白背圖的檔名或網址。', 'File name or URL of an 800×800 picture without text.'), example: 'goodday.jpg', width: 20 },
  ],
};

export const CONTRACTS: SheetKindDef = {
  kind: 'contracts',
  names: ['加碼合約', 'Contracts', '活動合約', '行銷活動合約', 'Bonus contracts'],
  title: m('加碼合約', 'Contracts'),
  columns: [
    { key: 'shopId', zh: '商店代碼', en: 'Shop ID', aliases: ['商店id', 'shop code'], type: 'text', required: true, help: m('商店代碼。', 'Shop code.'), example: 'goodday_food', width: 18 },
    { key: 'contractType', zh: '合約類型', en: 'Contract type', aliases: ['活動類型', 'type'], type: 'enum', required: true, options: CONTRACT_TYPE_OPTIONS, help: m('活動加碼（全館）或單品加碼。', 'Campaign-wide (活動加碼) or single-product (單品加碼).'), example: '活動加碼', width: 12 },
    { key: 'remark', zh: '合約備註', en: 'Remark', aliases: ['備註', 'note'], type: 'text', required: true, help: m('例如 1/1-1/2_加碼10%；勿填特殊符號。', 'e.g. 1/1-1/2_加碼10%; no special symbols.'), example: '1/1-1/2_加碼10%', width: 22 },
    { key: 'start', zh: '開始時間', en: 'Start', aliases: ['合約開始時間', '活動開始時間', 'start time'], type: 'datetime', required: true, dateOnly: 'startOfDay', help: m('例如 2026/05/01 00:00:00。', 'e.g. 2026/05/01 00:00:00.'), example: '2026/05/01 00:00:00', width: 20 },
    { key: 'end', zh: '結束時間', en: 'End', aliases: ['合約結束時間', '活動結束時間', 'end time'], type: 'datetime', required: true, dateOnly: 'endOfDay', help: m('例如 2026/05/02 23:59:59；只填日期視為當天 23:59:59。', 'e.g. 2026/05/02 23:59:59; a date alone means 23:59:59 that day.'), example: '2026/05/02 23:59:59', width: 20 },
    { key: 'productType', zh: 'Product Type Name', en: 'Product type', aliases: ['product type', '商品類型'], type: 'text', required: true, help: m('與鋪底合約相同的 Product Type，例如 normal、3c。', 'The base contract’s product type, e.g. normal, 3c.'), example: 'normal', width: 12 },
    { key: 'productId', zh: '商品ID', en: 'Product ID', aliases: ['商品編號', 'product id'], type: 'text', required: false, help: m('單品加碼必填。', 'Required for single-product bonuses.'), example: '', width: 14 },
    { key: 'baseRate', zh: '鋪底合約%', en: 'Base rate %', aliases: ['舖底合約%', '鋪底%', 'base rate'], type: 'percent', required: true, help: m('鋪底合約的回饋比例，例如 2%。', 'The base contract’s rebate, e.g. 2%.'), example: '2%', width: 10 },
    { key: 'frontRate', zh: '加碼後前台回饋%', en: 'Front-end rebate %', aliases: ['前台回饋%', 'front rate'], type: 'percent', required: true, help: m('消費者看到的回饋比例，例如 10%。', 'The rebate shoppers see, e.g. 10%.'), example: '10%', width: 12 },
    { key: 'rebateCap', zh: '返點上限', en: 'Rebate cap (points)', aliases: ['返點上限(點)', 'rebate cap'], type: 'integer', required: true, invalidValueRule: 'contract/invalid-rebate-cap', help: m('-1 為無上限，或正整數點數。', '-1 for unlimited, or a positive whole number of points.'), example: '-1', width: 10 },
    { key: 'cps', zh: 'CPS%', en: 'CPS %', aliases: ['cps'], type: 'percent', required: true, help: m('夥伴互利合約為 15%。', '15% on partner-plan contracts.'), example: '15%', width: 8 },
    { key: 'vendorBonus', zh: '廠商自行加碼%', en: 'Vendor bonus %', aliases: ['廠商自行加碼', '廠商加碼%', 'vendor bonus'], type: 'percent', required: true, help: m('一般合約＝前台回饋%−鋪底%；夥伴互利合約為 0%。', 'Normal contracts: front-end − base; partner contracts: 0%.'), example: '0%', width: 12 },
    { key: 'pointPrice', zh: '點數採購單價', en: 'Point unit price', aliases: ['點數單價', 'point price'], type: 'number', required: false, help: m('例如 1.2。', 'e.g. 1.2.'), example: '1.2', width: 10 },
    { key: 'partnerPlan', zh: '夥伴互利', en: 'Partner plan', aliases: ['夥伴互利合約', 'partner'], type: 'boolean', required: false, help: m('是否為夥伴互利合約；空白時依 CPS 15% 且已報名判斷。', 'Partner-plan contract? Blank: inferred from CPS 15% and enrollment.'), example: '是', width: 10 },
    { key: 'submittedAt', zh: '送審時間', en: 'Submitted at', aliases: ['提交時間', 'submitted'], type: 'datetime', required: false, dateOnly: 'startOfDay', help: m('送審的日期時間；空白表示尚未送審。', 'When it was submitted; blank = not yet.'), example: '2026/04/24 15:00', width: 18 },
    { key: 'status', zh: '審核狀態', en: 'Status', aliases: ['狀態'], type: 'enum', required: false, options: STATUS_OPTIONS, help: m('待審核、通過、不通過或草稿；空白表示新合約。', 'pending, approved, rejected or draft; blank = new.'), example: '待審核', width: 10 },
  ],
};

export const BASE_CONTRACTS: SheetKindDef = {
  kind: 'base-contracts',
  names: ['鋪底合約', 'Base contracts', '舖底合約', '導購合約', '鋪底導購合約'],
  title: m('鋪底合約', 'Base contracts'),
  columns: [
    { key: 'shopId', zh: '商店代碼', en: 'Shop ID', aliases: ['商店id', 'shop code'], type: 'text', required: true, help: m('商店代碼。', 'Shop code.'), example: 'goodday_food', width: 18 },
    { key: 'productType', zh: 'Product Type Name', en: 'Product type', aliases: ['product type', '商品類型'], type: 'text', required: true, help: m('例如 normal、3c。', 'e.g. normal, 3c.'), example: 'normal', width: 12 },
    { key: 'baseRate', zh: '鋪底合約%', en: 'Base rate %', aliases: ['舖底合約%', '鋪底%', 'base rate'], type: 'percent', required: true, help: m('鋪底回饋比例。', 'Base rebate.'), example: '2%', width: 10 },
    { key: 'cps', zh: 'CPS%', en: 'CPS %', aliases: ['cps'], type: 'percent', required: true, help: m('鋪底合約的 CPS。', 'The base contract’s CPS.'), example: '8%', width: 8 },
    { key: 'pointPrice', zh: '點數採購單價', en: 'Point unit price', aliases: ['點數單價', 'point price'], type: 'number', required: false, help: m('例如 1.2。', 'e.g. 1.2.'), example: '1.2', width: 10 },
    { key: 'start', zh: '開始時間', en: 'Start', aliases: ['start time'], type: 'datetime', required: true, dateOnly: 'startOfDay', help: m('鋪底合約開始時間。', 'Start of the base contract.'), example: '2026/01/01 00:00:00', width: 20 },
    { key: 'end', zh: '結束時間', en: 'End', aliases: ['end time'], type: 'datetime', required: true, dateOnly: 'endOfDay', help: m('鋪底合約結束時間。', 'End of the base contract.'), example: '2026/12/31 23:59:59', width: 20 },
  ],
};

export const RING_DATA: SheetKindDef = {
  kind: 'ring-data',
  names: ['環狀數據', 'Ring data', '環狀數據發送', 'Ring data requests'],
  title: m('環狀數據', 'Ring data'),
  columns: [
    { key: 'shopId', zh: '商店代碼', en: 'Shop ID', aliases: ['商店id', 'shop code', '發送環狀品牌'], type: 'text', required: true, help: m('商店代碼。', 'Shop code.'), example: 'goodday_food', width: 18 },
    { key: 'sendDate', zh: '發送日期', en: 'Send date', aliases: ['發送環狀日期', 'date'], type: 'date', required: true, help: m('發送日期，例如 2026/5/12。', 'Send date, e.g. 2026/5/12.'), example: '2026/5/12', width: 12 },
    { key: 'sendTime', zh: '發送時間', en: 'Send time', aliases: ['時間', 'time'], type: 'time', required: false, help: m('08:00–22:00 整點，24 小時制；空白為 08:00。', 'On the hour between 08:00 and 22:00; blank = 08:00.'), example: '20:00', width: 10 },
    { key: 'audience', zh: '發送受眾', en: 'Audience', aliases: ['發送環狀受眾', '受眾'], type: 'text', required: true, help: m('僅限通發型（全 OA 有效好友，曾與 LINE購物互動過）。', 'Only 通發型 (all OA friends who interacted with LINE Shopping).'), example: '通發型', width: 10 },
    { key: 'sendCap', zh: '發送人數上限', en: 'Send cap', aliases: ['人數上限', 'cap'], type: 'integer', required: true, invalidValueRule: 'ring/invalid-cap', help: m('正整數。', 'A positive whole number.'), example: '100000', width: 12 },
    { key: 'excludeBuyers', zh: '排除買家', en: 'Exclude buyers', aliases: ['是否排除買家'], type: 'text', required: true, help: m('否、近10天、近3個月或近半年（不可自訂區間）。', 'no, last 10 days, last 3 months or last 6 months (no custom range).'), example: '近3個月', width: 12 },
    { key: 'excludeRecent', zh: '排除近期發送受眾', en: 'Exclude recent audiences', aliases: ['是否排除近期發送受眾', 'exclude recent'], type: 'boolean', required: true, help: m('是否排除近 3 個月曾發送過的受眾：是／否。', 'Exclude audiences sent to in the last 3 months? yes/no.'), example: '是', width: 14 },
    { key: 'requestedAt', zh: '需求提出時間', en: 'Requested at', aliases: ['提出時間', 'requested'], type: 'datetime', required: true, dateOnly: 'startOfDay', help: m('寄信給 LINE購物小管家的日期時間。', 'When you e-mailed the request.'), example: '2026/5/6 10:00', width: 18 },
  ],
};

export const AD_MATERIALS: SheetKindDef = {
  kind: 'ad-materials',
  names: ['廣告素材', 'Ad materials', '廣告素材上傳', '品牌館牌卡'],
  title: m('廣告素材', 'Ad materials'),
  columns: [
    { key: 'shopId', zh: '商店代碼', en: 'Shop ID', aliases: ['商店id', 'shop code'], type: 'text', required: true, help: m('商店代碼。', 'Shop code.'), example: 'goodday_food', width: 18 },
    { key: 'slot', zh: '版位', en: 'Slot', aliases: ['廣告版位', 'placement'], type: 'enum', required: true, options: AD_SLOT_OPTIONS, help: m('從下拉選單選擇版位（品牌館商店牌卡）。', 'Pick the slot (brand hall shop card).'), example: '品牌館商店牌卡', width: 16 },
    { key: 'image', zh: '廣告圖片', en: 'Image', aliases: ['圖片', '素材', 'ad image'], type: 'text', required: true, picture: true, help: m('501×816 px、2 MB 以內的圖片檔名、路徑或網址（須使用規範套版）。', 'File name, path or URL of a 501×816 px picture of at most 2 MB (use the official layout).'), example: 'goodday-card.jpg', width: 22 },
    { key: 'start', zh: '曝光開始', en: 'Exposure start', aliases: ['曝光開始時間', '開始時間', 'start'], type: 'datetime', required: true, dateOnly: 'startOfDay', help: m('曝光開始的日期時間，須為未來時間，例如 2026/5/8 00:00。', 'When the exposure starts (in the future), e.g. 2026/5/8 00:00.'), example: '2026/5/8 00:00', width: 18 },
    { key: 'end', zh: '曝光結束', en: 'Exposure end', aliases: ['曝光結束時間', '結束時間', 'end'], type: 'datetime', required: true, dateOnly: 'endOfDay', help: m('曝光結束的日期時間，例如 2026/5/8 23:59；只填日期視為當天 23:59:59。', 'When the exposure ends, e.g. 2026/5/8 23:59; a date alone means 23:59:59 that day.'), example: '2026/5/8 23:59', width: 18 },
    { key: 'url', zh: '廣告網址', en: 'Ad URL', aliases: ['網址', '連結', 'url', 'link'], type: 'text', required: true, help: m('完整的 http(s) 網址，最多 512 字元；禁用短網址。', 'A full http(s) URL of at most 512 characters; no short URLs.'), example: 'https://buy.line.me/u/goodday_food', width: 30 },
    { key: 'submittedAt', zh: '上稿時間', en: 'Submitted at', aliases: ['上稿日期', '提交時間', 'submitted'], type: 'datetime', required: false, dateOnly: 'startOfDay', help: m('上稿的日期時間；須在曝光前 3 個工作天完成。空白表示尚未上稿。', 'When it was uploaded; due 3 working days before the exposure. Blank = not yet.'), example: '2026/5/4 10:00', width: 18 },
    { key: 'status', zh: '審核狀態', en: 'Status', aliases: ['狀態'], type: 'enum', required: false, options: AD_STATUS_OPTIONS, help: m('待審核、通過或不通過；空白表示新素材。', 'pending, approved or rejected; blank = new.'), example: '待審核', width: 10 },
  ],
};

export const FLASH_DEALS: SheetKindDef = {
  kind: 'flash-deals',
  names: ['爆殺驚喜', 'Flash deals', '爆殺驚喜提品', '爆殺商品', 'Flash deal submissions'],
  title: m('爆殺驚喜', 'Flash deals'),
  columns: [
    { key: 'shopId', zh: '商店代碼', en: 'Shop ID', aliases: ['商店id', 'shop code'], type: 'text', required: true, help: m('商店代碼。', 'Shop code.'), example: 'goodday_food', width: 18 },
    { key: 'batch', zh: '提報批次', en: 'Batch', aliases: ['批次', 'submission'], type: 'text', required: false, help: m('同一批提報的代號；空白時，同一商店、同一提報時間的列視為同一批（每批最多 5 筆）。', 'A name for one submission; blank: rows of one shop with the same submission time are one batch (at most 5 products each).'), example: '5月第1批', width: 12 },
    { key: 'productUrl', zh: '商品連結', en: 'Product URL', aliases: ['商品網址', '商品頁網址', 'product link', 'url'], type: 'text', required: false, help: m('LINE購物站內的商品頁網址；不接受短網址、搜尋頁或館別連結。空白表示自行新增商品（隱形賣場、預約賣場）。', 'A buy.line.me product-page URL (no short, search or category links). Blank = a product entered by hand (hidden or pre-order shops).'), example: 'https://buy.line.me/product/goodday_food/1001', width: 30 },
    { key: 'productName', zh: '商品名稱', en: 'Product name', aliases: ['品名', '商品標題', 'name'], type: 'text', required: false, help: m('自行新增商品必填。', 'Required for products entered by hand.'), example: '好日子鳳梨酥 12 入', width: 24 },
    { key: 'image', zh: '商品圖片', en: 'Product image', aliases: ['圖片', 'image'], type: 'text', required: false, picture: true, help: m('正方形圖片的檔名、路徑或網址；自行新增商品必填。', 'File name, path or URL of a square picture; required for products entered by hand.'), example: 'pineapple-cake.png', width: 22 },
    { key: 'webPrice', zh: '網路價', en: 'Web price', aliases: ['原價', '售價', 'price'], type: 'money', required: true, help: m('匯入當下的官網售價（新台幣）。', 'The web shop price (NT$).'), example: '480', width: 10 },
    { key: 'promoPrice', zh: '商品優惠價', en: 'Promo price', aliases: ['優惠價', '活動價', 'promo'], type: 'money', required: true, help: m('上檔當天的活動價格（新台幣），低於網路價時前台以優惠價顯示。', 'The price on the deal day (NT$); shown when below the web price.'), example: '399', width: 10 },
    { key: 'start', zh: '優惠開始', en: 'Deal start', aliases: ['優惠開始時間', '開始時間', 'start'], type: 'datetime', required: true, dateOnly: 'startOfDay', help: m('優惠開始的日期時間。', 'When the deal starts.'), example: '2026/5/8 00:00', width: 18 },
    { key: 'end', zh: '優惠結束', en: 'Deal end', aliases: ['優惠結束時間', '結束時間', 'end'], type: 'datetime', required: true, dateOnly: 'endOfDay', help: m('優惠結束的日期時間；只填日期視為當天 23:59:59。', 'When the deal ends; a date alone means 23:59:59 that day.'), example: '2026/5/8 23:59:59', width: 18 },
    { key: 'submittedAt', zh: '提報時間', en: 'Submitted at', aliases: ['提報日期', 'submitted'], type: 'datetime', required: false, dateOnly: 'startOfDay', help: m('提報的日期時間。', 'When it was submitted.'), example: '2026/5/1 10:00', width: 18 },
    { key: 'status', zh: '審核狀態', en: 'Status', aliases: ['狀態'], type: 'enum', required: false, options: DEAL_STATUS_OPTIONS, help: m('待審核或已釘選；空白表示新提報。已釘選的商品無法再修改。', 'pending or pinned; blank = new. Pinned products can no longer be edited.'), example: '待審核', width: 10 },
  ],
};

export const OA_BINDING: SheetKindDef = {
  kind: 'oa-binding',
  names: ['OA串接', 'OA binding', 'OA綁定', '夥伴帳號設定', '環狀數據綁定'],
  title: m('OA串接', 'OA binding'),
  columns: [
    { key: 'shopId', zh: '商店代碼', en: 'Shop ID', aliases: ['商店id', 'shop code'], type: 'text', required: true, help: m('商店代碼。', 'Shop code.'), example: 'goodday_food', width: 18 },
    { key: 'channelId', zh: 'Channel ID', en: 'Channel ID', aliases: ['channelid', '頻道id'], type: 'text', required: true, help: m('LINE Official Account Manager > 設定 > Messaging API 的 Channel ID（10 位數字）。', 'The Channel ID from LINE Official Account Manager > Settings > Messaging API (10 digits).'), example: '1234567890', width: 14 },
    { key: 'channelSecret', zh: 'Channel secret', en: 'Channel secret', aliases: ['channelsecret', '頻道密鑰'], type: 'text', required: true, secret: true, help: m('Messaging API 的 Channel secret（32 個十六進位字元）；這是密鑰，報告只會顯示前 4 與後 4 碼。', 'The Messaging API channel secret (32 hexadecimal characters); it is a secret: reports show only its first and last 4.'), example: '0123456789abcdef0123456789abcdef', width: 30 },
    { key: 'botBasicId', zh: 'Channel bot search ID', en: 'Bot basic ID', aliases: ['basic id', '基本id', 'bot basic id', 'bot search id'], type: 'text', required: true, help: m('官方帳號的基本 ID，以 @ 開頭，例如 @abc123。', "The OA's basic ID, starting with @, e.g. @abc123."), example: '@goodday', width: 16 },
    { key: 'notifyEmails', zh: '環狀不足額通知 email', en: 'Low-balance notice e-mails', aliases: ['環狀不足額通知email', '不足額通知email', '通知email', 'notice e-mails', 'notify emails'], type: 'text', required: true, help: m('1–5 個電子信箱，以半形逗號「,」分隔。', '1–5 e-mail addresses separated by half-width commas (,).'), example: 'mkt@goodday.example.com,ops@goodday.example.com', width: 30 },
    { key: 'liveConsent', zh: '直播後行銷訊息推送', en: 'Post-live push consent', aliases: ['直播後推送', 'live consent'], type: 'boolean', required: false, help: m('是否同意直播後推送行銷訊息：是／否。', 'Allow marketing pushes after a live stream? yes/no.'), example: '是', width: 14 },
  ],
};

export const SHEET_KIND_DEFS: readonly SheetKindDef[] = [ENROLLMENT, CONTRACTS, BASE_CONTRACTS, RING_DATA, AD_MATERIALS, FLASH_DEALS, OA_BINDING];

export function kindDef(kind: SheetKind): SheetKindDef {
  const def = SHEET_KIND_DEFS.find((d) => d.kind === kind);
  if (!def) throw new Error(`unknown sheet kind ${kind}`);
  return def;
}
