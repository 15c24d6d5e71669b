/**
 * The strings of `partner-check serve`: the page's own texts (sent to the browser in both
 * languages, so the language toggle switches the page at once), the server's bilingual error
 * messages and the command's help. The report's messages come from the rules (in the language
 * the check ran in); the CLI's shared strings (validator/i18n.ts) are reused where they fit.
 */
import type { Lang } from '../../rules/index.js';
import { STRINGS, type StringKey } from '../i18n.js';

const s = (zh: string, en: string) => ({ 'zh-TW': zh, en }) as const;

/** The CLI's strings under the same keys: the cost table reads the same on the page and in a terminal. */
function pick<K extends StringKey>(...keys: K[]): Record<K, (typeof STRINGS)[K]> {
  return Object.fromEntries(keys.map((k) => [k, STRINGS[k]])) as Record<K, (typeof STRINGS)[K]>;
}

/** Texts of the page, by key; `{name}` placeholders are filled in the browser. */
export const PAGE_STRINGS = {
  title: s('partner-check 報名表檢查', 'partner-check file checker'),
  subtitle: s('LINE購物 夥伴互利計劃：報名表與加碼合約檢查', 'LINE Shopping Partner Mutual-Benefit Plan: enrollment and bonus-contract check'),
  meta: s('{campaign} · 檢查日 {today}', '{campaign} · checked as of {today}'),
  skip: s('跳到檢查結果', 'Skip to the results'),
  results: s('檢查結果', 'Results'),
  langToggle: s('English', '中文'),
  langToggleLabel: s('Switch the page to English', '切換為中文'),
  dropTitle: s('把 .xlsx 或 .csv 檔案拖曳到這裡', 'Drop .xlsx or .csv files here'),
  dropOr: s('或', 'or'),
  dropPick: s('選擇檔案…', 'Choose files…'),
  dropHint: s(
    '可一次選多個檔案，每個檔案上限 {mb} MB；工作表引用的圖片（.jpg、.png、.webp）一起選，會依檔名檢查尺寸與格式。檔案只在檢查時暫存，檢查完立即刪除；下載連結 {ttl} 分鐘內有效。',
    'Several files at once, at most {mb} MB each; choose the pictures the sheets name (.jpg, .png, .webp) together with them to have their size and format checked. Files are kept only while they are checked and deleted right after; download links work for {ttl} minutes.',
  ),
  clear: s('清除結果', 'Clear results'),
  checking: s('檢查中…', 'Checking…'),
  checkingFile: s('正在檢查「{name}」…', 'Checking "{name}"…'),
  recheckLang: s('正在以中文重新檢查 {count} 個檔案…', 'Re-checking {count} files in English…'),
  announceDone: s('「{name}」檢查完成：{counts}', '"{name}" checked: {counts}'),
  announceUnreadable: s('「{name}」無法讀取', '"{name}" cannot be read'),
  announceFailed: s('「{name}」無法檢查', '"{name}" could not be checked'),
  overall: s('共 {files}：{counts}', '{files}: {counts}'),
  'count.file': s('{n} 個檔案', '{n} file'),
  'count.files': s('{n} 個檔案', '{n} files'),
  'count.error': s('{n} 個錯誤', '{n} error'),
  'count.errors': s('{n} 個錯誤', '{n} errors'),
  'count.warning': s('{n} 個警告', '{n} warning'),
  'count.warnings': s('{n} 個警告', '{n} warnings'),
  'count.info': s('{n} 個提示', '{n} info'),
  'count.infos': s('{n} 個提示', '{n} infos'),
  countsSep: s('、', ', '),
  'badge.error': s('錯誤', 'error'),
  'badge.errors': s('錯誤', 'errors'),
  'badge.warning': s('警告', 'warning'),
  'badge.warnings': s('警告', 'warnings'),
  'badge.info': s('提示', 'info'),
  'badge.infos': s('提示', 'infos'),
  'sev.error': s('錯誤', 'error'),
  'sev.warning': s('警告', 'warning'),
  'sev.info': s('提示', 'info'),
  sheetLine: s('{name}：{kind} · 標題列第 {headerRow} 列 · {rows} 列資料', '{name}: {kind} · header row {headerRow} · {rows} data rows'),
  sheetLineSame: s('{kind} · 標題列第 {headerRow} 列 · {rows} 列資料', '{kind} · header row {headerRow} · {rows} data rows'),
  sheetNoHeaderSame: s('{kind} · 找不到標題列', '{kind} · no header row'),
  sheetNoHeader: s('{name}：{kind} · 找不到標題列', '{name}: {kind} · no header row'),
  sheetUnknown: s('{name}：未辨識的工作表', '{name}: unrecognised tab'),
  'kind.enrollment': s('報名表', 'Enrollment'),
  'kind.contracts': s('加碼合約', 'Contracts'),
  'kind.base-contracts': s('鋪底合約', 'Base contracts'),
  'kind.ring-data': s('環狀數據', 'Ring data'),
  'kind.ad-materials': s('廣告素材', 'Ad materials'),
  'kind.flash-deals': s('爆殺驚喜', 'Flash deals'),
  'kind.oa-binding': s('OA串接', 'OA binding'),
  downloads: s('下載', 'Downloads'),
  dlAnnotated: s('標註檔 (.xlsx)', 'Annotated copy (.xlsx)'),
  dlAnnotatedHint: s('問題儲存格已上色並加上註解，第一個工作表「檢查結果」列出所有問題', 'Problem cells are filled and carry a note; the first tab 檢查結果 lists every problem'),
  dlFixed: s('修正檔 (.xlsx)', 'Fixed copy (.xlsx)'),
  dlFixedHint: s('套用可安全套用的建議（只改 CMS 仍可編輯的列），第一個工作表「檢查結果」列出每項修正', 'Every suggestion that is safe to apply, on rows the CMS still lets you edit; the first tab 檢查結果 lists each change'),
  dlSchedule: s('加碼合約排程 (.xlsx)', 'Contract schedule (.xlsx)'),
  dlScheduleHint: s('依報名表產生、可貼進 CMS 的加碼合約', 'The bonus contracts generated from the enrollment, ready for the CMS'),
  dlJson: s('JSON 報告', 'JSON report'),
  dlJsonHint: s('與 partner-check validate --format json 相同的格式', 'The same format as partner-check validate --format json'),
  dlHtml: s('HTML 報告', 'HTML report'),
  dlHtmlHint: s('與 partner-check validate --format html 相同', 'The same as partner-check validate --format html'),
  dlJunit: s('JUnit XML', 'JUnit XML'),
  dlJunitHint: s('與 partner-check validate --format junit 相同，給 CI 用', 'The same as partner-check validate --format junit, for CI'),
  dlIcs: s('期限 (.ics)', 'Deadlines (.ics)'),
  dlIcsHint: s('{count} 個期限，可匯入 Google 日曆或 Outlook（與 partner-check deadlines --format ics 相同）', '{count} deadlines for Google Calendar or Outlook (the same as partner-check deadlines --format ics)'),
  dlCsv: s('期限 (.csv)', 'Deadlines (.csv)'),
  dlCsvHint: s('{count} 個期限的清單，可用試算表開啟', 'The {count} deadlines as a list a spreadsheet opens'),
  pictures: s('一起上傳 {sent} 張圖片，工作表有用到並已檢查：{used}', '{sent} pictures sent along; named in the sheets and checked: {used}'),
  picturesNone: s('一起上傳 {sent} 張圖片，但工作表沒有用到其中任何一張。', '{sent} pictures sent along, but the sheets name none of them.'),
  picturesAlone: s('圖片要和引用它們的 .xlsx 檔案一起拖曳或選取，才會檢查尺寸與格式。', 'Drop or choose pictures together with the workbook that names them to have their size and format checked.'),
  charts: s('問題統計', 'Problem counts'),
  tabWhole: s('整份檔案', 'Whole file'),
  ringMails: s('環狀數據發送需求信（{count} 封）', 'Ring-data request e-mails ({count})'),
  ringMailsList: s('逐封信件（可複製、用郵件程式開啟或下載 .eml）', 'Each e-mail (copy it, open it in your mail app or download the .eml)'),
  ringTo: s('收件者：{to}', 'To: {to}'),
  ringSubject: s('主旨：{subject}', 'Subject: {subject}'),
  ringSendBy: s('最晚 {sendBy} 寄出（發送日前 3 個工作天）', 'Send by {sendBy} (3 working days before the send date)'),
  ringWhere: s('{sheet} 第 {row} 列', '{sheet} row {row}'),
  ringCopy: s('複製信件內容', 'Copy the e-mail'),
  ringCopyLabel: s('複製第 {row} 列的信件主旨與內容', 'Copy the subject and body of the e-mail of row {row}'),
  ringCopied: s('已複製', 'Copied'),
  ringCopyFailed: s('無法自動複製，已選取文字，請按 Ctrl+C', 'Could not copy: the text is selected, press Ctrl+C'),
  ringMailto: s('用郵件程式開啟', 'Open in your mail app'),
  ringEml: s('下載 .eml', 'Download .eml'),
  ringSkipped: s('{sheet} 第 {row} 列（{shopId}）有錯誤，沒有產生信件：', '{sheet} row {row} ({shopId}) has errors, so no e-mail:'),
  rates: s('每日回饋率', 'Daily rebate rates'),
  annotateFailed: s('無法產生標註檔：{reason}', 'The annotated copy could not be written: {reason}'),
  unreadable: s('無法讀取這個檔案', 'This file cannot be read'),
  uploadFailed: s('上傳失敗', 'Upload failed'),
  networkError: s('無法連線到伺服器，請確認 partner-check serve 仍在執行。', 'Cannot reach the server; make sure partner-check serve is still running.'),
  problems: s('問題清單', 'Problems'),
  filterSeverity: s('等級', 'Severity'),
  filterRule: s('規則', 'Rule'),
  filterAll: s('全部', 'All'),
  shown: s('顯示 {shown} / {total} 筆', 'Showing {shown} of {total}'),
  sortHint: s('點欄位名稱可排序', 'Select a column heading to sort'),
  noProblems: s('沒有發現問題。', 'No problems found.'),
  'col.sheet': s('工作表', 'Sheet'),
  'col.cell': s('儲存格', 'Cell'),
  'col.severity': s('等級', 'Severity'),
  'col.rule': s('規則', 'Rule'),
  'col.message': s('說明', 'Message'),
  'col.value': s('內容', 'Value'),
  'col.suggestion': s('建議', 'Suggestion'),
  row: s('第 {row} 列', 'row {row}'),
  wholeFile: s('（整個檔案）', '(whole file)'),
  shops: s('已報名商店', 'Enrolled shops'),
  noShops: s('這個檔案沒有可繪製日曆的報名資料（需有商店代碼與有效方案）。', 'This file has no enrollment to draw (a shop id and a valid plan are needed).'),
  shopsOmitted: s(
    '這個檔案共有 {total} 家報名商店；頁面與合約排程下載只含前 {shown} 家。其餘商店的日曆與排程請用 partner-check schedule 產生（檢查結果已包含全部商店）。',
    'This file enrolls {total} shops; the page and the schedule download cover the first {shown}. Use partner-check schedule for the others (the check itself covers every shop).',
  ),
  shopWhere: s('{sheet} 第 {row} 列', '{sheet} row {row}'),
  calendar: s('回饋日曆', 'Rebate calendar'),
  legendChosen: s('任選日 {rate}%', 'chosen day {rate}%'),
  legendFriday: s('週五翻倍 {rate}%', 'Friday {rate}%'),
  legendDaily: s('日常鋪底 {rate}%', 'daily {rate}%'),
  legendHoliday: s('紅字日期為休假日', 'red dates are days off'),
  cost: s('CPS 成本估算（每月）', 'CPS cost estimate (per month)'),
  ...pick('cost.col.month', 'cost.col.gmv', 'cost.col.cpsNow', 'cost.col.cpsPartner', 'cost.col.increase', 'cost.col.points', 'cost.col.saving', 'cost.col.net'),
  costNote: STRINGS['cost.note'],
  noCost: s('沒有可估算的月份。', 'No month to estimate.'),
  schedule: s('加碼合約排程（{count} 筆）', 'Contract schedule ({count} contracts)'),
  'sched.col.start': s('開始時間', 'Start'),
  'sched.col.end': s('結束時間', 'End'),
  'sched.col.remark': s('合約備註', 'Remark'),
  'sched.col.rate': s('前台回饋%', 'Front %'),
  'sched.col.deadline': s('送審期限', 'Submit by'),
  schedProblems: s('注意：', 'Note:'),
  remove: s('移除', 'Remove'),
  removeLabel: s('移除「{name}」的結果', 'Remove the result of "{name}"'),
  footer: s('partner-check {version} · 檔案不會被保存：上傳的檔案檢查完即刪除，下載內容只暫存在記憶體中 {ttl} 分鐘。', 'partner-check {version} · Nothing is stored: uploads are deleted once checked, downloads stay in memory for {ttl} minutes only.'),
} as const;

export type PageStringKey = keyof typeof PAGE_STRINGS;

/** The page strings of one language, as the browser receives them. */
export function pageStrings(lang: Lang): Record<PageStringKey, string> {
  const out = {} as Record<PageStringKey, string>;
  for (const key of Object.keys(PAGE_STRINGS) as PageStringKey[]) out[key] = PAGE_STRINGS[key][lang];
  return out;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** The server's error messages (JSON bodies of 4xx/5xx answers carry both languages). */
export const SERVER_ERRORS = {
  tooLarge: s(
    '檔案超過上限 {mb} MB，無法檢查；請刪除不需要的工作表、空白列與格式後另存新檔，或拆成較小的檔案再上傳。',
    'The file is larger than the {mb} MB limit and was not checked; delete unneeded sheets, blank rows and formatting and save a new copy, or split it into smaller files.',
  ),
  missingFilename: s('缺少 X-Filename 標頭（上傳檔案的檔名，需以 encodeURIComponent 編碼）。', 'The X-Filename header (the uploaded file name, encodeURIComponent-encoded) is missing.'),
  badLang: s('lang 只能是 zh-TW 或 en。', 'lang must be zh-TW or en.'),
  badPictures: s(
    'X-Pictures 標頭不正確：需為 encodeURIComponent 編碼的 JSON [[檔名, 位元組數], …]，最多 {max} 張圖片，每張不超過 {mb} MB。',
    'The X-Pictures header is wrong: it must be encodeURIComponent-encoded JSON [[name, bytes], …], at most {max} pictures of at most {mb} MB each.',
  ),
  busy: s('伺服器忙碌中（同時檢查的檔案太多），請稍後再試。', 'The server is busy (too many files being checked at once); try again in a moment.'),
  notFound: s('找不到這個網址。', 'Not found.'),
  downloadGone: s('下載連結已過期或不存在；請重新上傳檔案以產生新的下載。', 'This download has expired or does not exist; upload the file again to get a new one.'),
  methodNotAllowed: s('不支援這個 HTTP 方法。', 'This HTTP method is not allowed here.'),
  aborted: s('上傳中斷。', 'The upload was interrupted.'),
  internal: s('伺服器發生未預期的錯誤，上傳的檔案已刪除；請再試一次。', 'Unexpected server error; the uploaded file was deleted. Please try again.'),
  foreignHost: s('這個伺服器不接受這個主機名稱（Host）的請求；若經由反向代理或其他名稱連線，請以 --allow-host 指定該名稱。', 'This server does not answer requests for this host name (Host); when it is reached through a proxy or another name, start it with --allow-host NAME.'),
  foreignOrigin: s('拒絕來自其他網站（Origin）的請求：只有本伺服器自己的頁面可以上傳檔案。', 'Requests from another web site (Origin) are refused: only this server\'s own page may upload files.'),
  badSession: s('缺少或無效的工作階段權杖（X-Session）；請重新整理頁面，或先以 POST /api/session 取得權杖。', 'The session token (X-Session) is missing or invalid; reload the page, or get one with POST /api/session first.'),
  clientBusy: s('您同時上傳的檔案太多，請等前面的檔案檢查完再試。', 'Too many uploads from you at once; wait for the earlier ones to finish and try again.'),
  timeout: s('上傳的檔案沒有在時限內傳完，已中止；請再試一次。', 'The upload did not arrive in time and was dropped; please try again.'),
} as const;

export type ServerErrorKey = keyof typeof SERVER_ERRORS;

/** The `partner-check serve --help` text. */
export const SERVE_HELP = s(
  `用法：partner-check serve [選項]

啟動一個網頁檢查服務：在瀏覽器拖曳報名表或加碼合約檔案（.xlsx、.csv），以與 validate 相同的
規則檢查，顯示問題清單、回饋日曆與成本估算，並可下載標註檔、加碼合約排程與 JSON 報告。
上傳的檔案只在檢查時暫存，檢查完立即刪除；下載內容只暫存在記憶體中 10 分鐘。

選項：
  --port N               監聽的埠號（預設 8080；0 = 任一空閒埠）
  --host 位址            綁定的位址（預設 127.0.0.1，只有本機能連；給團隊使用請放在有驗證的反向代理之後）
  --allow-host 名稱      也接受這個主機名稱（Host）的請求，例如反向代理的對外名稱；可重複（預設只接受監聽位址）
  --max-upload-mb N      每個上傳檔案的大小上限（MB，預設 10）；超過回應 HTTP 413
  --lang zh-TW|en        網頁與報告的預設語言（預設 zh-TW；網頁上可切換）
  --today YYYY-MM-DD     以這天當作「今天」判斷期限（預設：每次檢查時台北時間的今天）
  --campaign 檔案        活動設定檔（JSON）；預設為 2026 Q2 夥伴互利計劃
  --help, -h             顯示說明

API：POST /api/session 取得權杖；POST /api/check（本文為檔案內容，標頭 X-Filename 為 encodeURIComponent
編碼的檔名，X-Session 為權杖）、
GET /download/:id。說明見 docs/serve.md。按 Ctrl+C 停止。
`,
  `Usage: partner-check serve [options]

Starts a web checker: drop enrollment or contract files (.xlsx, .csv) in a browser; they are
checked with the same rules as validate, and the page shows the problems, the rebate calendars
and the cost estimate, with downloads of the annotated copy, the contract schedule and the JSON
report. Uploads exist only while they are checked and are deleted right after; downloads are
kept in memory for 10 minutes.

Options:
  --port N               port to listen on (default 8080; 0 = any free port)
  --host ADDRESS         address to bind (default 127.0.0.1, this machine only; for a team, put it behind a reverse proxy with authentication)
  --allow-host NAME      also answer requests for this host name (Host), e.g. a reverse proxy's public name; repeatable (default: the listen address only)
  --max-upload-mb N      size limit of one uploaded file in MB (default 10); larger uploads get HTTP 413
  --lang zh-TW|en        default language of the page and the reports (default zh-TW; the page has a toggle)
  --today YYYY-MM-DD     check deadlines as of this day (default: today in Taipei, at each check)
  --campaign FILE        campaign configuration (JSON); default: the 2026 Q2 Partner Mutual-Benefit Plan
  --help, -h             show this help

API: POST /api/session for a token; POST /api/check (the body is the file, the X-Filename header
its encodeURIComponent-encoded name, X-Session the token), GET /download/:id. See docs/serve.md. Press Ctrl+C to stop.
`,
);
