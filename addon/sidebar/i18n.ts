/** The sidebar's own words, zh-TW (default) and English. Rule messages arrive already rendered. */
export type Lang = 'zh-TW' | 'en';

const S = {
  title: ['夥伴互利檢查', 'Partner Check'],
  langToggle: ['English', '中文'],
  langToggleLabel: ['Switch to English', '切換為中文'],
  summary: ['檢查結果', 'Check result'],
  errors: ['錯誤', 'Errors'],
  warnings: ['警告', 'Warnings'],
  infos: ['提示', 'Notes'],
  filterHint: ['按數字可顯示或隱藏該類問題', 'Press a count to show or hide that kind'],
  recheck: ['重新檢查', 'Check again'],
  clearMarks: ['清除標記', 'Clear marks'],
  issues: ['問題清單', 'Issues'],
  noIssues: ['沒有發現問題 🎉', 'No issues found 🎉'],
  noneShown: ['目前的篩選沒有顯示任何項目。', 'Nothing matches the current filter.'],
  fileLevel: ['整份檔案', 'Whole file'],
  row: ['第 {row} 列', 'row {row}'],
  gotoCell: ['前往 {sheet} 的 {cell}', 'Go to {cell} on {sheet}'],
  apply: ['套用建議：{value}', 'Apply: {value}'],
  applyLabel: ['把 {cell} 改為「{value}」並重新檢查', 'Set {cell} to "{value}" and check again'],
  showMore: ['再顯示 {n} 項', 'Show {n} more'],
  sevError: ['錯誤', 'Error'],
  sevWarning: ['警告', 'Warning'],
  sevInfo: ['提示', 'Note'],
  calendar: ['回饋行事曆', 'Rebate calendar'],
  shop: ['商店', 'Shop'],
  noShops: ['尚無已報名的商店（需填商店代碼與方案）。', 'No enrolled shop yet (shop ID and plan needed).'],
  monthTitle: ['{y} 年 {m} 月', '{monthEn} {y}'],
  legendHigh: ['{rate}%：週五、任選日 (★)', '{rate}%: Fridays, chosen days (★)'],
  legendDaily: ['{rate}%：日常', '{rate}%: daily'],
  legendOff: ['紅字：放假日', 'Red: day off'],
  chosen: ['任選日', 'chosen day'],
  friday: ['週五', 'Friday'],
  daily: ['日常', 'daily'],
  dayOff: ['放假', 'day off'],
  costs: ['成本試算', 'Cost estimate'],
  runCosts: ['試算成本', 'Estimate costs'],
  costMonth: ['月份', 'Month'],
  costIncrease: ['CPS 增加', 'CPS increase'],
  costSaving: ['免點數費', 'Fee saved'],
  costNet: ['淨效益', 'Net'],
  costMissing: ['缺少：{fields}', 'Missing: {fields}'],
  costNote: ['金額四捨五入到整數元；節省 = LINE 負擔點數 × NT${fee}。', 'Whole NT$, rounded half-up; saving = LINE-funded points × NT${fee}.'],
  tools: ['工具', 'Tools'],
  insertTemplates: ['插入範本分頁', 'Insert template tabs'],
  buildCalendar: ['產生回饋行事曆分頁', 'Build calendar tab'],
  buildSchedule: ['產生加碼合約排程分頁', 'Build schedule tab'],
  buildCosts: ['產生成本試算分頁', 'Build cost tab'],
  checking: ['檢查中…', 'Checking…'],
  working: ['處理中…', 'Working…'],
  checkedAt: ['{time} 檢查完成，標記了 {marked} 格。', 'Checked at {time}; {marked} cells marked.'],
  truncated: ['（另有 {n} 項未標記在儲存格上）', ' ({n} more not marked on cells)'],
  cleared: ['已清除 {n} 格的標記。', 'Cleared the marks of {n} cells.'],
  templates: ['已新增：{created}；已存在：{skipped}', 'Added: {created}; already there: {skipped}'],
  built: ['已產生「{sheet}」（{rows} 列）。', 'Built "{sheet}" ({rows} rows).'],
  applied: ['已套用建議並重新檢查。', 'Applied and checked again.'],
  notApplied: ['儲存格已被修改，未套用；已重新檢查。', 'The cell changed meanwhile; not applied. Checked again.'],
  selectFailed: ['找不到分頁「{sheet}」。', 'Tab "{sheet}" not found.'],
  failed: ['發生錯誤：{message}', 'Something went wrong: {message}'],
  none: ['無', 'none'],
  liveCheck: ['自動檢查', 'Live check'],
  liveHint: ['開啟後，每次編輯都會重新檢查該分頁與相關分頁（此文件的所有編輯者共用此設定）。', 'When on, every edit re-checks its tab and the tabs that depend on it (one setting for everyone editing this document).'],
  liveUpdated: ['{time} 自動檢查了「{sheet}」。', 'Live check of "{sheet}" at {time}.'],
  liveBusy: ['自動檢查略過了一次編輯（另一個檢查正在進行）。', 'The live check skipped an edit (another check was running).'],
  liveBudget: ['試算表太大，自動檢查來不及在 30 秒內標記；請按「重新檢查」。', 'The spreadsheet is too large to mark within 30 s; use "Check again".'],
  protectedSkipped: ['受保護、無法編輯而未標記：', 'Protected, so not marked:'],
  protectedRange: ['{sheet} 的 {range}（{cells} 格）', '{range} on {sheet} ({cells} cells)'],
  protectedSheet: ['整個「{sheet}」分頁（{cells} 格）', 'the whole tab "{sheet}" ({cells} cells)'],
  tabs: ['分頁', 'Tabs'],
  tabRows: ['{rows} 列資料', '{rows} data rows'],
  tabRow1: ['1 列資料', '1 data row'],
  tabIssues: ['{n} 個問題', '{n} issues'],
  tabIssue1: ['1 個問題', '1 issue'],
  tabKind: ['辨識為{kind}', 'read as {kind}'],
  tabUnknown: ['無法辨識的分頁', 'not recognised'],
  tabNoHeader: ['找不到標題列', 'no header row found'],
  picturesNotChecked: ['{count} 張圖片未檢查', '{count} pictures not checked'],
  picture1NotChecked: ['1 張圖片未檢查', '1 picture not checked'],
  picturesHint: ['試算表裡只有圖片的檔名或網址，附加元件讀不到圖片檔，所以不檢查格式、尺寸與大小；請用上傳頁面或 partner-check validate --assets 檢查圖片。', 'A spreadsheet holds only the pictures’ names or addresses; the add-on cannot read picture files, so their format, size and bytes are not checked. Check them on the upload page or with partner-check validate --assets.'],
  ringMails: ['環狀數據需求信', 'Ring-data request e-mails'],
  ringMailsHint: ['每筆沒有錯誤的環狀數據列一封，依簡報 Step 2 範本；信件內容為中文。', 'One per ring-data row without errors, from the deck’s Step 2 template; the e-mail itself is in Chinese.'],
  ringMailTitle: ['{shop} · {date} {time}（{sheet} 第 {row} 列）', '{shop} · {date} {time} ({sheet} row {row})'],
  ringMailTo: ['收件者：{to}', 'To: {to}'],
  ringMailSendBy: ['最晚 {label} 寄出（發送日前 3 個工作日）', 'Send by {label} (3 working days before the send date)'],
  ringMailText: ['{shop} 的信件主旨與內文', 'Subject and body of the e-mail for {shop}'],
  copy: ['複製信件', 'Copy e-mail'],
  copyLabel: ['複製 {shop} {date} 的信件主旨與內文', 'Copy the subject and body of the e-mail for {shop} on {date}'],
  copied: ['已複製到剪貼簿。', 'Copied to the clipboard.'],
  copySelected: ['無法直接寫入剪貼簿，已選取信件文字：請按 Ctrl+C（Mac：⌘C）複製。', 'The clipboard is not available here; the text is selected: press Ctrl+C (Mac: ⌘C) to copy.'],
  openMail: ['用郵件程式開啟', 'Open in mail app'],
  openMailLabel: ['用郵件程式開啟 {shop} {date} 的信件', 'Open the e-mail for {shop} on {date} in a mail app'],
  ringMailSkipped: ['{sheet} 第 {row} 列（{shop}）有錯誤，未產生信件：', '{sheet} row {row} ({shop}) has errors, so no e-mail:'],
  buildDeadlines: ['產生期限清單分頁', 'Build deadline list tab'],
  deadlinesBuilt: ['已產生期限清單「{sheet}」（{rows} 列）。', 'Built the deadline list "{sheet}" ({rows} rows).'],
  deadlinesBuiltPlain: ['已產生期限清單分頁。', 'Built the deadline list tab.'],
  deadlinesFailed: ['無法產生期限清單：{message}', 'Could not build the deadline list: {message}'],
  nonGrid: ['非表格分頁未檢查：{tabs}', 'Not checked (no cells, e.g. chart sheets): {tabs}'],
} as const;

export type Key = keyof typeof S;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function t(lang: Lang, key: Key, data: Record<string, string | number> = {}): string {
  const pair = S[key];
  const template = lang === 'en' ? pair[1] : pair[0];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export function monthTitle(lang: Lang, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return t(lang, 'monthTitle', { y, m, monthEn: MONTHS_EN[m - 1] ?? String(m) });
}

/** `2026-05` → `5月` / `May`, for narrow tables. */
export function monthShort(lang: Lang, month: string): string {
  const m = Number(month.split('-')[1]);
  return lang === 'en' ? (MONTHS_EN[m - 1] ?? String(m)).slice(0, 3) : `${m}月`;
}

export const WEEKDAYS: Record<Lang, readonly string[]> = {
  'zh-TW': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
