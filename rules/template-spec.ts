/**
 * What a blank template looks like, per sheet kind and column, derived from the column
 * definitions (columns.ts) and the campaign: header lines, header note, dropdown values, number
 * format, width, example, and the instructions (說明) sheet. Pure data with no spreadsheet
 * library: the xlsx generator (templates/build.ts) and the add-on's insertTemplates() both render
 * it, so Excel templates and Google Sheets templates cannot drift apart.
 *
 * @example templateSpec('enrollment').columns[0].header === '品牌名稱\nBrand'
 * @example templateSpec('ring-data').columns.find((c) => c.key === 'excludeBuyers')!.dropdown!.values
 *   → ['否', '近10天', '近3個月', '近半年']
 */
import type { Message, SheetKind } from './types.js';
import { SHEET_KINDS } from './types.js';
import { columnLetters } from './model.js';
import { AUDIENCE_OPTIONS, EXCLUDE_BUYERS_OPTIONS, kindDef, type ColumnDef, type ColumnType, type EnumOption } from './columns.js';
import type { Campaign } from './campaign/campaign.js';
import { DEFAULT_CAMPAIGN } from './campaign/campaign.js';

/** 1-based row of the header in every template. */
export const TEMPLATE_HEADER_ROW = 1;
/** First and last 1-based rows that carry dropdowns: a bounded range, never a whole column. */
export const TEMPLATE_FIRST_DATA_ROW = 2;
export const TEMPLATE_LAST_DATA_ROW = 2000;

/** The instructions tab of every template. */
export const INSTRUCTIONS_SHEET: Message = { 'zh-TW': '說明', en: 'Instructions' };

/** File name of each kind's template (in `templates/`). */
export const TEMPLATE_FILE_NAMES: Readonly<Record<SheetKind, string>> = {
  enrollment: 'enrollment.xlsx',
  contracts: 'contracts.xlsx',
  'base-contracts': 'base-contracts.xlsx',
  'ring-data': 'ring-data.xlsx',
  'ad-materials': 'ad-materials.xlsx',
  'flash-deals': 'flash-deals.xlsx',
  'oa-binding': 'oa-binding.xlsx',
};

/**
 * Number format per column type, chosen to match how the rules parse cells: a `0%` cell holding
 * 0.15 is read as 15% (and a typed text `15%` also works), date cells carry a date format, and
 * text-like columns are `@` so a spreadsheet never turns `4/1、4/14` or a shop code into a date or
 * a number. `null` = General. Google Sheets understands the same codes.
 */
export const TEMPLATE_NUMBER_FORMATS: Readonly<Record<ColumnType, string | null>> = {
  text: '@',
  emails: '@',
  enum: '@',
  boolean: '@',
  dateList: '@',
  datetime: 'yyyy/mm/dd hh:mm:ss',
  date: 'yyyy/m/d',
  time: 'hh:mm',
  percent: '0%',
  integer: '0',
  money: '#,##0',
  number: null,
};

/** The two answers offered for boolean columns (the rules accept more spellings: Y/N, V, ✓ …). */
export const BOOLEAN_DROPDOWN: readonly EnumOption[] = [
  { value: '是', en: 'yes' },
  { value: '否', en: 'no' },
];

/** Where a dropdown's values come from. */
export type DropdownSource = 'enum' | 'boolean' | 'plan' | 'audience' | 'exclude-buyers';

export interface TemplateDropdown {
  readonly source: DropdownSource;
  /** The canonical values offered, in order (what the rules store). */
  readonly values: readonly string[];
  /** English label of each value, same order. */
  readonly valuesEn: readonly string[];
  /**
   * A1 range the list applies to, bounded (`D2:D2000`). The list is a warning, not a stop:
   * the rules also accept aliases (`Y`, `V`, `food`, `Q2` …), which a strict list would refuse.
   */
  readonly range: string;
}

export interface TemplateColumnSpec {
  readonly key: string;
  /** 0-based column index. */
  readonly index: number;
  /** Column letters, e.g. `A`. */
  readonly letter: string;
  readonly zh: string;
  readonly en: string;
  /** The header cell's text: zh-TW and English on two lines (the header matcher tries each line). */
  readonly header: string;
  readonly required: boolean;
  readonly type: ColumnType;
  /** Number format for the data cells, or null for General. */
  readonly numberFormat: string | null;
  /** Width in characters (Excel's unit). */
  readonly width: number;
  /** Width in pixels for Google Sheets (about 7 px per character plus padding). */
  readonly widthPx: number;
  readonly dropdown: TemplateDropdown | null;
  /** The column's input help (columns.ts). */
  readonly help: Message;
  /** What kind of value goes in, in plain words (e.g. "百分比，請連同 % 輸入"). */
  readonly formatHint: Message;
  readonly requirement: Message;
  readonly example: string;
  /** The header note: zh-TW block, a blank line, the English block. */
  readonly note: string;
}

export interface InstructionsRow {
  readonly column: string;
  readonly columnEn: string;
  readonly requirement: Message;
  readonly format: Message;
  readonly help: Message;
  readonly example: string;
  /** Dropdown values, joined (`是、否`), or ''. */
  readonly options: string;
}

export interface InstructionsSpec {
  /** The tab name (說明). */
  readonly sheetName: string;
  readonly title: Message;
  /** General guidance, one paragraph per line. */
  readonly intro: readonly Message[];
  /** Headings of the column table. */
  readonly tableHeader: readonly Message[];
  readonly rows: readonly InstructionsRow[];
}

export interface TemplateSheetSpec {
  readonly kind: SheetKind;
  /** The data tab's name: the kind's zh-TW name (報名表, 加碼合約, 鋪底合約, 環狀數據). */
  readonly sheetName: string;
  readonly sheetNameEn: string;
  readonly title: Message;
  readonly fileName: string;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly columns: readonly TemplateColumnSpec[];
  readonly instructions: InstructionsSpec;
}

const m = (zh: string, en: string): Message => ({ 'zh-TW': zh, en });

function optionsDropdown(source: DropdownSource, options: readonly EnumOption[], range: string): TemplateDropdown {
  return { source, values: options.map((o) => o.value), valuesEn: options.map((o) => o.en), range };
}

/**
 * The dropdown of one column, or null: enum columns offer their options, booleans 是/否, the
 * enrollment plan the campaign's plan labels, ring data's audience 通發型 and its exclude-buyers
 * windows.
 */
export function columnDropdown(kind: SheetKind, col: ColumnDef, index: number, campaign: Campaign = DEFAULT_CAMPAIGN): TemplateDropdown | null {
  const letter = columnLetters(index);
  const range = `${letter}${TEMPLATE_FIRST_DATA_ROW}:${letter}${TEMPLATE_LAST_DATA_ROW}`;
  if (col.type === 'enum' && col.options) return optionsDropdown('enum', col.options, range);
  if (col.type === 'boolean') return optionsDropdown('boolean', BOOLEAN_DROPDOWN, range);
  if (kind === 'enrollment' && col.key === 'plan') {
    return { source: 'plan', values: campaign.plans.map((p) => p.label), valuesEn: campaign.plans.map((p) => p.labelEn), range };
  }
  if (kind === 'ring-data' && col.key === 'audience') return optionsDropdown('audience', AUDIENCE_OPTIONS, range);
  if (kind === 'ring-data' && col.key === 'excludeBuyers') return optionsDropdown('exclude-buyers', EXCLUDE_BUYERS_OPTIONS, range);
  return null;
}

/** A column type in plain words. */
export function formatHint(col: ColumnDef): Message {
  switch (col.type) {
    case 'text':
      return m('文字', 'text');
    case 'emails':
      return m('電子信箱，最多 5 個，以逗號分隔', 'e-mail addresses, up to 5, comma separated');
    case 'enum':
      return m('從下拉選單選擇', 'pick from the list');
    case 'boolean':
      return col.key === 'partnerPlan'
        ? m('是／否；空白表示由系統判斷', 'yes (是) / no (否); blank = inferred')
        : m('是／否；空白視為「否」', 'yes (是) / no (否); blank = no');
    case 'dateList':
      return m('日期清單，以頓號「、」或逗號分隔，例如 5/6、5/13', 'dates separated by 、 or commas, e.g. 5/6, 5/13');
    case 'percent':
      return m('百分比，請連同 % 一起輸入，例如 15%', 'a percentage; type the % sign, e.g. 15%');
    case 'integer':
      return m('整數', 'a whole number');
    case 'money':
      return m('新台幣金額（整數）', 'an amount in NT$');
    case 'number':
      return m('數字', 'a number');
    case 'datetime':
      return m('日期與時間：年/月/日 時:分:秒（24 小時制，台灣時間）', 'date and time: yyyy/mm/dd hh:mm:ss (24-hour, Taiwan time)');
    case 'date':
      return m('日期：年/月/日', 'a date: yyyy/m/d');
    case 'time':
      return m('時間：時:分（24 小時制）', 'a time: hh:mm (24-hour)');
  }
}

function requirementOf(col: ColumnDef): Message {
  if (col.required) return col.type === 'boolean' ? m('必填欄位（空白視為否）', 'required column (blank = no)') : m('必填', 'required');
  return m('選填', 'optional');
}

function noteText(col: ColumnDef, hint: Message, requirement: Message, dropdown: TemplateDropdown | null): string {
  const zh = [`${col.zh}（${requirement['zh-TW']}）`, col.help['zh-TW'], `格式：${hint['zh-TW']}`];
  const en = [`${col.en} (${requirement.en})`, col.help.en, `Format: ${hint.en}`];
  if (dropdown) {
    zh.push(`選項：${dropdown.values.join('、')}`);
    en.push(`Options: ${dropdown.values.map((v, i) => `${v} (${dropdown.valuesEn[i]})`).join(', ')}`);
  }
  if (col.example) {
    zh.push(`範例：${col.example}`);
    en.push(`Example: ${col.example}`);
  }
  return `${zh.join('\n')}\n\n${en.join('\n')}`;
}

function wall(text: string): string {
  // `2026-03-23T23:59:59` → `2026/3/23 23:59:59`; `…T17:00:00` → `… 17:00`.
  const mt = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!mt) return text;
  const [, y, mo, d, h, mi, s] = mt;
  const time = s && s !== '00' ? `${h}:${mi}:${s}` : `${h}:${mi}`;
  return `${y}/${Number(mo)}/${Number(d)} ${time}`;
}

function kindIntro(kind: SheetKind, campaign: Campaign): Message[] {
  const c = campaign.config;
  switch (kind) {
    case 'enrollment': {
      const plans = campaign.plans.map((p) => `${p.label}（報名截止 ${wall(p.deadline)}）`).join('、');
      const plansEn = campaign.plans.map((p) => `${p.labelEn} (deadline ${wall(p.deadline)})`).join(', ');
      return [
        m(`方案：${plans}。`, `Plans: ${plansEn}.`),
        m(
          `參加期間 CPS 調整為 ${c.partnerCps}%；LINE購物支付點數回饋：日常 ${c.rates.daily}%、每週五 ${c.rates.friday}%、任選日 ${c.rates.chosen}%。`,
          `While enrolled your CPS is ${c.partnerCps}%; LINE Shopping funds the rebate: ${c.rates.daily}% daily, ${c.rates.friday}% every Friday, ${c.rates.chosen}% on chosen days.`,
        ),
        m(
          `任選日每月可選天數：官網/社群曝光或環狀數據其一 ${c.chosenDayAllowance.one} 天、兩者皆有 ${c.chosenDayAllowance.both} 天、都沒有 ${c.chosenDayAllowance.none} 天；不可跨月使用，避開週五（週五已是 ${c.rates.friday}%）。`,
          `Chosen days per month: ${c.chosenDayAllowance.one} with site/social exposure or ring data, ${c.chosenDayAllowance.both} with both, ${c.chosenDayAllowance.none} with neither; they do not carry over, and Fridays are already ${c.rates.friday}%.`,
        ),
      ];
    }
    case 'contracts':
      return [
        m('每個 Product Type 一列；商店代碼、合約類型、開始、結束與備註相同的列屬於同一份合約。', 'One row per product type; rows with the same shop, type, start, end and remark form one contract.'),
        m(
          `合約最晚須在開始日前 ${c.contractLeadWorkingDays} 個工作天（D-${c.contractLeadWorkingDays}）送審；同一商店的活動加碼合約時間不可重疊。`,
          `Submit each contract at least ${c.contractLeadWorkingDays} working days before it starts (D-${c.contractLeadWorkingDays}); one shop's campaign-wide contracts must not overlap.`,
        ),
        m(
          `夥伴互利合約：CPS ${c.partnerCps}%、廠商自行加碼 0%、返點上限 -1（無上限），前台回饋依日期為 ${c.rates.daily}% 或 ${c.rates.friday}%。`,
          `Partner-plan contracts: CPS ${c.partnerCps}%, vendor bonus 0%, rebate cap -1 (unlimited), front-end rebate ${c.rates.daily}% or ${c.rates.friday}% by day.`,
        ),
      ];
    case 'base-contracts':
      return [
        m('鋪底（導購）合約由 CMS 帶入；加碼合約的鋪底合約%、Product Type 與 CPS 下限都以它為準。', 'Base (guided-purchase) contracts come from the CMS; bonus contracts take their base rate, product types and minimum CPS from them.'),
      ];
    case 'ring-data':
      return [
        m(
          `最晚須在發送日前 ${c.ringData.leadWorkingDays} 個工作天以 email 提出需求；發送時間 ${String(c.ringData.firstHour).padStart(2, '0')}:00–${String(c.ringData.lastHour).padStart(2, '0')}:00 整點，不指定為 ${c.ringData.defaultTime}。`,
          `Request by e-mail at least ${c.ringData.leadWorkingDays} working days before the send date; send on the hour between ${String(c.ringData.firstHour).padStart(2, '0')}:00 and ${String(c.ringData.lastHour).padStart(2, '0')}:00, default ${c.ringData.defaultTime}.`,
        ),
        m('承諾發送環狀數據的商店，每個報名月份至少發送一次，且發送日須有加碼合約。', 'A shop that committed to ring data sends at least once in each enrolled month, on a day with a bonus contract.'),
        m('發送前須先完成 OA 串接（見 OA串接 範本）。', 'The OA binding must be set up before any send (see the OA binding template).'),
      ];
    case 'ad-materials': {
      const a = c.adMaterial;
      return [
        m(
          `圖片尺寸 ${a.image.width}×${a.image.height} px、大小 ${Math.round((a.image.maxBytes ?? 0) / 1048576)} MB 以內，格式 ${a.image.formats.join('、').toUpperCase()}；須使用規範套版。`,
          `Picture ${a.image.width}×${a.image.height} px, at most ${Math.round((a.image.maxBytes ?? 0) / 1048576)} MB, ${a.image.formats.join(', ').toUpperCase()}; use the official layout.`,
        ),
        m(
          `於曝光開始前 ${a.leadWorkingDays} 個工作天上稿完成；曝光時間須為未來時間。廣告網址最多 ${a.maxUrlLength} 字元，禁用短網址。`,
          `Upload ${a.leadWorkingDays} working days before the exposure starts, which must be in the future. The ad URL has at most ${a.maxUrlLength} characters; no short URLs.`,
        ),
      ];
    }
    case 'flash-deals':
      return [
        m(
          `一次最多提報 ${c.flashDeals.maxProductsPerSubmission} 筆商品；商品連結限 LINE購物站內商品頁，不接受短網址、搜尋頁或館別連結。`,
          `At most ${c.flashDeals.maxProductsPerSubmission} products per submission; product links must be LINE Shopping product pages (no short, search or category links).`,
        ),
        m('自行新增商品（隱形賣場、預約賣場）不填商品連結，但須填商品名稱與正方形商品圖片。已釘選的商品無法修改。', 'Products entered by hand (hidden or pre-order shops) leave the URL blank but need a name and a square picture. Pinned products cannot be edited.'),
      ];
    case 'oa-binding':
      return [
        m('在 LINE Official Account Manager > 設定 > Messaging API 取得 Channel ID、Channel secret 與 Channel bot search ID（基本 ID）。', 'Find the Channel ID, channel secret and bot basic ID in LINE Official Account Manager > Settings > Messaging API.'),
        m('Channel secret 是密鑰：partner-check 的報告只顯示前 4 與後 4 碼。通知 email 最多 5 個，以半形逗號分隔。', 'The channel secret is a secret: partner-check reports show only its first and last 4 characters. Up to 5 notice e-mails, separated by half-width commas.'),
      ];
  }
}

function instructions(kind: SheetKind, campaign: Campaign, columns: readonly TemplateColumnSpec[]): InstructionsSpec {
  const def = kindDef(kind);
  return {
    sheetName: INSTRUCTIONS_SHEET['zh-TW'],
    title: m(`${def.title['zh-TW']}填寫說明 — ${campaign.config.name}`, `${def.title.en}: how to fill it in — ${campaign.config.nameEn}`),
    intro: [
      m(`第 ${TEMPLATE_HEADER_ROW} 列是欄位名稱（中文與英文），請勿修改；從第 ${TEMPLATE_FIRST_DATA_ROW} 列開始填寫，一列一筆。`, `Row ${TEMPLATE_HEADER_ROW} holds the column names (Chinese and English); keep it. Fill in from row ${TEMPLATE_FIRST_DATA_ROW}, one record per row.`),
      m('綠色欄位必填，灰色欄位選填；把滑鼠移到欄位名稱上可看到填寫說明。', 'Green columns are required, grey ones optional; hover over a column name for help.'),
      m('有下拉選單的欄位請從選單挑選。百分比請連同 % 一起輸入（例如 15%）。', 'Pick from the list where a column has one. Type percentages with the % sign (e.g. 15%).'),
      m('日期請寫成 年/月/日（例如 2026/5/8），時間用 24 小時制；所有時間都是台灣時間。', 'Write dates as yyyy/m/d (e.g. 2026/5/8) and times in 24-hour form; all times are Taiwan time.'),
      ...kindIntro(kind, campaign),
      m('填好後請用 partner-check 檢查，或交給 LINE購物夥伴團隊。', 'When done, check it with partner-check or send it to the LINE Shopping partner team.'),
    ],
    tableHeader: [m('欄位', 'Column'), m('英文欄位', 'English'), m('必填', 'Required'), m('格式', 'Format'), m('說明', 'Help'), m('範例', 'Example'), m('選項', 'Options'), m('English help', 'English help')],
    rows: columns.map((c) => ({
      column: c.zh,
      columnEn: c.en,
      requirement: c.requirement,
      format: c.formatHint,
      help: c.help,
      example: c.example,
      options: c.dropdown ? c.dropdown.values.join('、') : '',
    })),
  };
}

/** The template of one sheet kind. */
export function templateSpec(kind: SheetKind, campaign: Campaign = DEFAULT_CAMPAIGN): TemplateSheetSpec {
  const def = kindDef(kind);
  const columns = def.columns.map((col, index): TemplateColumnSpec => {
    const dropdown = columnDropdown(kind, col, index, campaign);
    const hint = formatHint(col);
    const requirement = requirementOf(col);
    return {
      key: col.key,
      index,
      letter: columnLetters(index),
      zh: col.zh,
      en: col.en,
      header: `${col.zh}\n${col.en}`,
      required: col.required,
      type: col.type,
      numberFormat: TEMPLATE_NUMBER_FORMATS[col.type],
      width: col.width,
      widthPx: Math.round(col.width * 7 + 12),
      dropdown,
      help: col.help,
      formatHint: hint,
      requirement,
      example: col.example,
      note: noteText(col, hint, requirement, dropdown),
    };
  });
  return {
    kind,
    sheetName: def.names[0]!,
    sheetNameEn: def.title.en,
    title: def.title,
    fileName: TEMPLATE_FILE_NAMES[kind],
    headerRow: TEMPLATE_HEADER_ROW,
    firstDataRow: TEMPLATE_FIRST_DATA_ROW,
    lastDataRow: TEMPLATE_LAST_DATA_ROW,
    columns,
    instructions: instructions(kind, campaign, columns),
  };
}

/** Every kind's template, in SPEC order (enrollment, contracts, base contracts, ring data). */
export function templateSpecs(campaign: Campaign = DEFAULT_CAMPAIGN): readonly TemplateSheetSpec[] {
  return SHEET_KINDS.map((k) => templateSpec(k, campaign));
}

/** Dropdown values by column key, for one kind (what the add-on's insertTemplates() needs). */
export function dropdownsByColumn(kind: SheetKind, campaign: Campaign = DEFAULT_CAMPAIGN): Readonly<Record<string, readonly string[]>> {
  const out: Record<string, readonly string[]> = {};
  for (const c of templateSpec(kind, campaign).columns) if (c.dropdown) out[c.key] = c.dropdown.values;
  return out;
}
