/**
 * The add-on's own words (menu, toasts, generated tabs). Rule messages are not here: they come
 * rendered from the rules module in the chosen language.
 */
import type { Lang, Message } from '../../rules/index.js';

const m = (zh: string, en: string): Message => ({ 'zh-TW': zh, en });

export const TEXT = {
  addonTitle: m('夥伴互利檢查', 'Partner Check'),
  menuOpenSidebar: m('開啟檢查面板', 'Open checker'),
  menuCheckWorkbook: m('檢查所有分頁', 'Check all tabs'),
  menuCheckActiveSheet: m('檢查目前分頁', 'Check this tab'),
  menuClearMarks: m('清除檢查標記', 'Clear marks'),
  menuInsertTemplates: m('插入範本分頁', 'Insert template tabs'),
  menuCalendar: m('產生回饋行事曆', 'Build rebate calendar'),
  menuSchedule: m('產生加碼合約排程', 'Build contract schedule'),
  menuCosts: m('產生成本試算', 'Estimate costs'),
  menuDeadlines: m('產生期限清單', 'List deadlines'),

  toastChecked: m('錯誤 {errors}、警告 {warnings}、提示 {infos}', '{errors} errors, {warnings} warnings, {infos} notes'),
  toastCleared: m('已清除 {cells} 格的檢查標記', 'Cleared the marks of {cells} cells'),
  toastTemplates: m('已新增：{created}；已存在未更動：{skipped}', 'Added: {created}; already there, left alone: {skipped}'),
  toastBuilt: m('已產生「{sheet}」（{rows} 列）', 'Built "{sheet}" ({rows} rows)'),
  none: m('無', 'none'),
  busy: m('另一個檢查正在進行，請稍後再試。', 'Another check is running; try again in a moment.'),

  noteHeader: m('⚑ partner-check 檢查結果', '⚑ partner-check'),
  severityError: m('錯誤', 'Error'),
  severityWarning: m('警告', 'Warning'),
  suggestion: m('建議', 'Suggestion'),

  calendarTitle: m('回饋行事曆 — {campaign}', 'Rebate calendar — {campaign}'),
  calendarMonth: m('{shop} · {y} 年 {m} 月', '{shop} · {monthEn} {y}'),
  calendarNoShops: m('找不到已報名的商店：請先在「報名表」填寫商店代碼與方案。', 'No enrolled shop found: fill in the shop ID and plan on the enrollment tab first.'),

  scheduleDeadline: m('送審期限', 'Submit by'),
  scheduleDeadlineNote: m(
    '開始日前 {lead} 個工作天（D-{lead}）的 23:59:59，台灣時間。紅底：期限已過。',
    'Submit by 23:59:59 (Taiwan time), {lead} working days before the start (D-{lead}). Red: the deadline has passed.',
  ),
  scheduleNoShops: m('找不到已報名的商店，沒有可排程的合約。', 'No enrolled shop found: nothing to schedule.'),
  scheduleProblems: m('注意事項：', 'Notes:'),

  deadlineHeaders: [m('期限', 'Deadline'), m('類別', 'Kind'), m('項目', 'What is due'), m('商店代碼', 'Shop ID'), m('來源', 'Source'), m('提醒日', 'Remind on')],
  deadlineHeaderNote: m(
    '每個期限是當天可送出的最後一刻（台灣時間），依時間排序；提醒日是前一個工作天。紅底：期限已過。',
    'Each deadline is the last moment allowed (Taiwan time), sorted by time; the reminder is the working day before. Red: the deadline has passed.',
  ),
  deadlineYearsNotCovered: m('辦公日曆沒有 {years} 年，這些年份的期限未列出。', 'The office calendar has no {years}: deadlines in those years are not listed.'),
  deadlineKinds: {
    registration: m('方案報名', 'Plan registration'),
    contract: m('加碼合約送審', 'Contract submission'),
    'generated-contract': m('加碼合約送審（依報名表排程）', 'Contract submission (from the enrollment)'),
    'ring-request': m('環狀數據需求', 'Ring-data request'),
    'ad-material': m('廣告素材上稿', 'Ad material upload'),
  },
  deadlineRow: m('「{sheet}」第 {row} 列', '"{sheet}" row {row}'),
  deadlineCampaign: m('活動方案', 'Campaign plans'),
  deadlineGenerated: m('依報名表產生的排程', 'Schedule generated from the enrollment'),

  costTitle: m('成本試算 — {campaign}', 'Cost estimate — {campaign}'),
  costHeaders: [
    m('商店代碼', 'Shop ID'),
    m('月份', 'Month'),
    m('預估月業績', 'Expected GMV'),
    m('原CPS%', 'Current CPS %'),
    m('夥伴CPS%', 'Partner CPS %'),
    m('鋪底回饋%', 'Base rebate %'),
    m('原CPS成本', 'CPS cost now'),
    m('夥伴CPS成本', 'CPS cost on the plan'),
    m('CPS增加', 'CPS increase'),
    m('LINE購物負擔點數', 'Points funded by LINE'),
    m('免AD POINTS費節省', 'AD POINTS fee saved'),
    m('淨效益', 'Net benefit'),
    m('備註', 'Notes'),
  ],
  costTotal: m('合計', 'Total'),
  costMissing: m('缺少：{fields}', 'Missing: {fields}'),
  costFieldMonthlyGmv: m('預估月業績', 'expected monthly GMV'),
  costFieldBaseCps: m('原CPS%', 'current CPS %'),
  costFootnotes: [
    m('預估月業績平均分配到當月每一天；1 LINE POINT = NT$1。', 'Monthly GMV is spread evenly over the days; 1 LINE POINT = NT$1.'),
    m('LINE購物負擔點數 = Σ 每日業績 ×（當日回饋% − 鋪底回饋%）。', 'Points funded by LINE = Σ day GMV × (day rate − base rebate).'),
    m('免AD POINTS費節省 = 點數 × NT${fee}；淨效益 = 節省 − CPS增加。金額四捨五入到整數元。', 'AD POINTS fee saved = points × NT${fee}; net = saving − CPS increase. Amounts rounded half-up to whole NT$.'),
  ],
  costNoShops: m('找不到已報名的商店，沒有可試算的月份。', 'No enrolled shop found: nothing to estimate.'),

  templateHelp: m('{column}：請從清單選擇（{values}）', '{column}: pick from the list ({values})'),
} as const;

export function tr(msg: Message, lang: Lang, data: Record<string, string | number> = {}): string {
  const template = msg[lang] ?? msg['zh-TW'];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthEn(m: number): string {
  return MONTHS_EN[m - 1] ?? String(m);
}
