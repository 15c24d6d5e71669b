/**
 * The CLI's own strings (the rules' messages live with the rules). Every string exists in zh-TW
 * (Taiwan usage, the default) and English; `{name}` placeholders are filled from data.
 */
import type { Lang } from '../rules/index.js';

const s = (zh: string, en: string) => ({ 'zh-TW': zh, en }) as const;

export const STRINGS = {
  // errors and notices
  'err.unknownCommand': s('未知的指令「{name}」。', 'Unknown command "{name}".'),
  'err.unknownCommandNear': s('未知的指令「{name}」；您是指「{near}」嗎？', 'Unknown command "{name}"; did you mean "{near}"?'),
  'err.unknownOptionNear': s('未知的選項「{option}」；您是指「{near}」嗎？', 'Unknown option "{option}"; did you mean "{near}"?'),
  'err.unknownOption': s('未知的選項「{option}」。', 'Unknown option "{option}".'),
  'err.missingValue': s('選項 {option} 需要一個值。', 'Option {option} needs a value.'),
  'err.flagWithValue': s('選項 {option} 不接受值。', 'Option {option} takes no value.'),
  'err.badLang': s('--lang 只能是 zh-TW 或 en，收到「{value}」。', '--lang must be zh-TW or en, got "{value}".'),
  'err.badChoice': s('{option} 只能是 {choices}，收到「{value}」。', '{option} must be one of {choices}, got "{value}".'),
  'err.badToday': s('--today 要是 YYYY-MM-DD 格式的真實日期，收到「{value}」。', '--today must be a real date as YYYY-MM-DD, got "{value}".'),
  'err.badMonth': s('{option} 要是 YYYY-MM 格式的月份，收到「{value}」。', '{option} must be a month as YYYY-MM, got "{value}".'),
  'err.badInteger': s('{option} 要是 0 以上的整數，收到「{value}」。', '{option} must be a whole number ≥ 0, got "{value}".'),
  'err.badNumber': s('{option} 的數值不正確：「{value}」。', '{option} has an invalid number: "{value}".'),
  'err.badRuleSyntax': s('--rule 的格式是 規則代碼=off|info|warning|error，收到「{value}」。', '--rule takes rule-id=off|info|warning|error, got "{value}".'),
  'err.unknownRuleNear': s('沒有「{id}」這條規則；您是指「{near}」嗎？', 'There is no rule "{id}"; did you mean "{near}"?'),
  'err.unknownRule': s('沒有「{id}」這條規則；執行 partner-check rules 查看所有規則。', 'There is no rule "{id}"; run partner-check rules to list them.'),
  'err.badRuleLevel': s('規則 {id} 的等級只能是 off、info、warning 或 error，收到「{value}」。', 'The level of rule {id} must be off, info, warning or error, got "{value}".'),
  'err.noPaths': s('請指定要檢查的檔案或資料夾。', 'Name the files or folders to check.'),
  'err.noFiles': s('在指定的路徑中找不到可檢查的檔案（.xlsx、.csv、.tsv、.txt）。', 'No files to check (.xlsx, .csv, .tsv, .txt) were found under the given paths.'),
  'err.oneFile': s('請指定一個報名表檔案。', 'Name one enrollment file.'),
  'err.campaign': s('無法使用 --campaign 指定的活動設定檔（campaign/invalid-config）：', 'The campaign file given with --campaign cannot be used (campaign/invalid-config):'),
  'err.baselineUnreadable': s('無法讀取 --baseline 指定的前次報告「{file}」：{reason}', 'Cannot read the previous report given with --baseline "{file}": {reason}'),
  'err.baselineNotReport': s('「{file}」不是 partner-check 的 JSON 報告。', '"{file}" is not a partner-check JSON report.'),
  'warn.baselineMissing': s('找不到前次報告「{file}」，本次不比對（所有問題都標為新問題）。', 'The previous report "{file}" does not exist; nothing to compare (every problem is marked new).'),
  'warn.baselineNoSection': s('前次報告「{file}」沒有 baseline 區段，無法檢查已通過合約是否被更動。', 'The previous report "{file}" has no baseline section; approved contracts cannot be compared.'),
  'err.assetsDir': s('--assets 的資料夾「{dir}」不存在或不是資料夾。', '--assets "{dir}" does not exist or is not a folder.'),
  'err.outIsInput': s('輸出檔「{file}」就是要檢查的檔案「{input}」（同一個檔案，可能經由連結或資料夾），輸入檔不會被覆寫；請改用其他輸出路徑。', 'The output "{file}" is the same file as the input "{input}" (perhaps through a link or a folder); inputs are never overwritten, so choose another output path.'),
  'err.outIsDir': s('輸出路徑「{file}」是資料夾，請指定一個檔案名稱（例如 {file}/report.json）。', 'The output path "{file}" is a folder; name a file (e.g. {file}/report.json).'),
  'err.outUnusable': s('無法寫入輸出路徑「{file}」：這個位置不存在也無法建立（{reason}）。', 'Cannot write the output path "{file}": the location does not exist and cannot be made ({reason}).'),
  'err.outFifoNoReader': s('輸出路徑「{file}」是具名管道，但 {seconds} 秒內沒有程式讀取，未寫入。', 'The output path "{file}" is a named pipe and nothing read it within {seconds} s; nothing was written.'),
  'err.inputNotFile': s('「{file}」不是一般檔案（{type}），無法檢查；請指定 .xlsx 或 .csv 檔案，或用 - 從標準輸入讀取。', '"{file}" is not a regular file ({type}) and cannot be checked; name an .xlsx or .csv file, or - to read standard input.'),
  'err.stdinTooLarge': s('標準輸入超過 {mb} MB 上限，未檢查。', 'Standard input is larger than the {mb} MB limit and was not checked.'),
  'err.baselineTooDeep': s('--baseline 指定的「{file}」巢狀層數太深（超過 {depth} 層），不是 partner-check 的報告。', 'The --baseline file "{file}" is nested too deeply (more than {depth} levels); it is not a partner-check report.'),
  'err.write': s('無法寫入「{file}」：{reason}', 'Cannot write "{file}": {reason}'),
  'err.annotate': s('無法產生標註檔「{file}」：{reason}', 'Cannot write the annotated copy "{file}": {reason}'),
  'err.templateMissing': s('這個版本沒有 template 指令（範本模組尚未安裝）。', 'The template command is not available in this build (the templates module is missing).'),
  'err.badChosen': s('任選日「{value}」不是 {month} 的日期（可寫 5/6、6 或 2026-05-06）。', 'Chosen day "{value}" is not a date of {month} (write 5/6, 6 or 2026-05-06).'),
  'err.needOption': s('缺少必要的選項 {option}。', 'The option {option} is required.'),
  'err.internal': s('發生未預期的錯誤：{reason}', 'Unexpected error: {reason}'),
  'hint.help': s('執行 partner-check {command} --help 查看用法。', 'Run partner-check {command} --help for usage.'),
  'note.wrote': s('已寫入 {file}', 'Wrote {file}'),
  'err.needFiles': s('請指定至少一個檔案。', 'Name at least one file.'),
  'ring.mail': s('收件人：{to}\n主旨：{subject}\n最晚寄出日：{sendBy}（發送日 {sendDate} 前 3 個工作天）', 'To: {to}\nSubject: {subject}\nSend the e-mail by: {sendBy} (3 working days before {sendDate})'),
  'ring.skipped': s('{file} {sheet} 第 {row} 列（{shopId}）有錯誤，沒有產生信件：', '{file} {sheet} row {row} ({shopId}) has errors, so no e-mail was made:'),
  'ring.none': s('{file} 沒有環狀數據列。', '{file} has no ring-data rows.'),
  'ring.wroteCount': s('已寫入 {count} 封信件到 {dir}', 'Wrote {count} e-mails to {dir}'),
  'deadline.none': s('沒有任何期限。', 'No deadlines.'),
  'deadline.remind': s('前一個工作天提醒：{day}', 'reminder the working day before: {day}'),
  'note.annotated': s('已產生標註檔 {file}', 'Wrote the annotated copy {file}'),
  'note.fixed': s('已產生修正檔 {file}（{count} 項修正）', 'Wrote the fixed copy {file} ({count} changes)'),
  'err.fix': s('無法產生修正檔「{file}」：{reason}', 'Cannot write the fixed copy "{file}": {reason}'),
  'err.outputIsInput': s('輸出檔「{file}」就是要檢查的檔案（輸入檔不會被修改）。', 'The output "{file}" is a file being checked; inputs are never modified.'),
  'note.scheduleHasErrors': s('報名表有 {errors} 個錯誤；以下排程只含能判讀的報名資料，請先修正錯誤（partner-check validate {file}）。', 'The enrollment has {errors} errors; the schedule covers only what could be read. Fix the errors first (partner-check validate {file}).'),

  // severities and statuses
  'sev.error': s('錯誤', 'error'),
  'sev.warning': s('警告', 'warning'),
  'sev.info': s('提示', 'info'),
  'status.new': s('新', 'new'),
  'status.open': s('未解決', 'open'),

  // text report
  'report.title': s('partner-check {version} · {campaign} · 檢查日 {today}', 'partner-check {version} · {campaign} · checked as of {today}'),
  'report.sheet': s('{kind} · 標題列第 {headerRow} 列 · {rows} 列資料', '{kind} · header row {headerRow} · {rows} data rows'),
  'report.sheetUnknown': s('未辨識的工作表', 'unrecognised tab'),
  'report.sheetNoHeader': s('{kind} · 找不到標題列', '{kind} · no header row'),
  'report.workbookLevel': s('（整個檔案）', '(whole file)'),
  'report.ok': s('沒有發現問題', 'no problems found'),
  'report.row': s('第 {row} 列', 'row {row}'),
  'report.suggestion': s('建議', 'suggestion'),
  'report.encoding': s('編碼：{encoding}', 'encoding: {encoding}'),
  'report.resolved': s('已解決（前次有、本次沒有）：', 'Resolved (in the previous report, not now):'),
  'report.summary': s('共 {files} 個檔案：{errors} 個錯誤、{warnings} 個警告、{infos} 個提示', '{filesEn}: {errorsEn}, {warningsEn}, {infosEn}'),
  'report.comparison': s('與前次報告比較：{new} 個新問題、{open} 個未解決、{resolved} 個已解決', 'Compared with the previous report: {new} new, {open} open, {resolved} resolved'),
  'report.maxWarnings': s('警告數 {warnings} 超過 --max-warnings {max}。', '{warnings} warnings exceed --max-warnings {max}.'),
  'report.quietHidden': s('（--quiet：只列出錯誤）', '(--quiet: errors only)'),
  'report.notChecked': s('前次報告有、本次未檢查的檔案：{files}', 'Files in the previous report but not checked now: {files}'),

  // sheet kinds
  'kind.enrollment': s('報名表', 'Enrollment'),
  'kind.contracts': s('加碼合約', 'Contracts'),
  'kind.base-contracts': s('鋪底合約', 'Base contracts'),
  'kind.ring-data': s('環狀數據', 'Ring data'),
  'kind.ad-materials': s('廣告素材', 'Ad materials'),
  'kind.flash-deals': s('爆殺驚喜', 'Flash deals'),
  'kind.oa-binding': s('OA串接', 'OA binding'),

  // calendar
  'cal.title': s('{y} 年 {m} 月 回饋日曆', 'Rebate calendar, {monthName} {y}'),
  'cal.day': s('{d}日', '{d}'),
  'cal.reason.chosen': s('任選日{rate}%', 'chosen {rate}%'),
  'cal.reason.friday': s('週五翻倍{rate}%', 'Friday {rate}%'),
  'cal.reason.daily': s('日常鋪底{rate}%', 'daily {rate}%'),
  'cal.reasonName.chosen': s('任選日', 'chosen'),
  'cal.reasonName.friday': s('週五翻倍', 'Friday'),
  'cal.reasonName.daily': s('日常鋪底', 'daily'),
  'cal.legend': s('圖例：任選日 {chosen}% · 週五翻倍 {friday}% · 日常鋪底 {daily}% · 紅字日期為休假日', 'Legend: chosen day {chosen}% · Friday {friday}% · daily {daily}% · red dates are days off'),
  'cal.holidays': s('休假日：{list}', 'Days off: {list}'),
  'cal.chosen': s('任選日：{list}', 'Chosen days: {list}'),
  'cal.noChosen': s('任選日：無', 'Chosen days: none'),

  // schedule and cost
  'sched.title': s('{shop}（{brand}）· {plan}', '{shop} ({brand}) · {plan}'),
  'sched.contracts': s('加碼合約排程（{count} 筆）', 'Contract schedule ({count} contracts)'),
  'sched.col.start': s('開始時間', 'Start'),
  'sched.col.end': s('結束時間', 'End'),
  'sched.col.remark': s('合約備註', 'Remark'),
  'sched.col.rate': s('前台回饋%', 'Front %'),
  'sched.col.deadline': s('送審期限', 'Submit by'),
  'sched.none': s('報名表中沒有可排程的報名（需有商店代碼與有效方案）。', 'The enrollment has no row to schedule (a shop id and a valid plan are needed).'),
  'cost.title': s('CPS 成本估算', 'CPS cost estimate'),
  'cost.titleMonth': s('CPS 成本估算 · {month}', 'CPS cost estimate · {month}'),
  'cost.gmv': s('預估月業績', 'Expected monthly GMV'),
  'cost.cpsNow': s('目前 CPS {cps}% 的成本', 'CPS cost at the current {cps}%'),
  'cost.cpsPartner': s('夥伴互利 CPS {cps}% 的成本', 'CPS cost at the partner {cps}%'),
  'cost.cpsDiff': s('CPS 成本增加', 'Extra CPS cost'),
  'cost.points': s('LINE購物 出資的加碼點數（高於鋪底 {base}%）', 'Bonus points funded by LINE Shopping (above the {base}% base)'),
  'cost.pointsValue': s('若品牌自行以 AD POINTS 購買（每點 {fee} 元）', 'What the brand would pay for them as AD POINTS ({fee} per point)'),
  'cost.net': s('淨效益（點數價值 − CPS 成本增加）', 'Net benefit (points value − extra CPS cost)'),
  'cost.note': s('金額為新台幣，僅顯示時四捨五入到整數元；月業績平均分攤到當月每一天。', 'Amounts in NT$, rounded to whole dollars for display only; the monthly GMV is spread evenly over the days.'),
  'cost.total': s('合計', 'Total'),
  'cost.rateDays': s('回饋日數：{list}', 'Days by rate: {list}'),
  'cost.rateDay': s('{rate}% {days} 天', '{rate}% × {days} days'),
  'cost.pointsUnit': s('{n} 點', '{n} points'),
  'cost.missing': s('{month}：缺少{fields}，無法估算', '{month}: no estimate ({fields} missing)'),
  'cost.col.month': s('月份', 'Month'),
  'cost.col.gmv': s('預估月業績', 'GMV'),
  'cost.col.cpsNow': s('原CPS成本', 'CPS cost now'),
  'cost.col.cpsPartner': s('15%CPS成本', 'CPS cost 15%'),
  'cost.col.increase': s('CPS增加', 'Extra CPS'),
  'cost.col.points': s('LINE出資點數', 'LINE points'),
  'cost.col.saving': s('點數價值', 'Points value'),
  'cost.col.net': s('淨效益', 'Net'),
  'cost.field.monthlyGmv': s('預估月業績', 'expected monthly GMV'),
  'cost.field.baseCps': s('原CPS%', 'current CPS %'),
  'sched.problem.no-shop-id': s('缺少商店代碼', 'no shop id'),
  'sched.problem.no-plan': s('沒有有效的方案', 'no valid plan'),
  'sched.problem.bad-month': s('月份 {month} 不正確', 'bad month {month}'),
  'sched.problem.bad-chosen-day': s('任選日「{value}」不是日期', 'chosen day "{value}" is not a date'),
  'sched.problem.chosen-day-outside-months': s('任選日 {date} 不在報名的月份內，未排入', 'chosen day {date} is outside the enrolled months and was left out'),
  'sched.problem.year-not-covered': s('辦公日曆沒有 {year} 年，無法計算送審期限', 'the office calendar lacks {year}; no deadline computed'),
  'sched.problem.no-base-contract': s('{from}～{to} 沒有鋪底合約涵蓋，先以預設值（normal、2%）排程', 'no base contract covers {from}–{to}; defaults (normal, 2%) were used'),
  'sched.problems': s('注意：', 'Note:'),
  'sched.shops': s('共 {count} 家已報名商店、{contracts} 筆加碼合約', '{count} enrolled shops, {contracts} contracts'),

  // rules catalogue
  'report.repeated': s('… 共 {count} × {rule}（另有 {hidden} 筆未列出；加上 --verbose 全部列出）', '… {count} × {rule} ({hidden} more not listed; --verbose lists them all)'),
  'rules.title': s('規則目錄（{count} 條）', 'Rule catalogue ({count} rules)'),
  'rules.col.id': s('規則代碼', 'Rule'),
  'rules.col.severity': s('預設等級', 'Default'),
  'rules.col.docs': s('說明', 'Description'),

  // html and annotated copy
  'html.title': s('partner-check 檢查報告', 'partner-check report'),
  'html.summary': s('摘要', 'Summary'),
  'html.files': s('檔案', 'Files'),
  'html.violations': s('問題清單', 'Problems'),
  'html.filterSeverity': s('等級', 'Severity'),
  'html.filterRule': s('規則', 'Rule'),
  'html.filterAll': s('全部', 'All'),
  'html.chartRules': s('每條規則的問題數', 'Problems per rule'),
  'html.chartShops': s('每家商店的問題數', 'Problems per shop'),
  'html.chartOthers': s('其他', 'others'),
  'html.calendars': s('已報名商店的回饋日曆', 'Rebate calendars of enrolled shops'),
  'html.shown': s('顯示 {shown} / {total} 筆', 'Showing {shown} of {total}'),
  'html.noCalendars': s('沒有可繪製的報名資料。', 'No enrollment to draw.'),
  'col.file': s('檔案', 'File'),
  'col.sheet': s('工作表', 'Sheet'),
  'col.cell': s('儲存格', 'Cell'),
  'col.column': s('欄位', 'Column'),
  'col.rule': s('規則', 'Rule'),
  'col.severity': s('等級', 'Severity'),
  'col.message': s('說明', 'Message'),
  'col.value': s('內容', 'Value'),
  'col.suggestion': s('建議', 'Suggestion'),
  'col.status': s('狀態', 'Status'),
  'annotate.noProblems': s('沒有發現問題。', 'No problems found.'),
  'col.before': s('修正前', 'Before'),
  'col.after': s('修正後', 'After'),
  'fix.summary': s('已套用 {count} 項修正（檢查日 {today}）；其餘問題沒有可安全套用的建議，請參考標註檔。', '{count} changes applied (as of {today}); the other problems have no suggestion that is safe to apply, see the annotated copy.'),
  'fix.none': s('沒有可以安全套用的修正。', 'No change was safe to apply.'),
  'fix.note': s('partner-check 已修正：{before} → {after}', 'partner-check changed this cell: {before} → {after}'),
  'annotate.summary': s('{errors} 個錯誤、{warnings} 個警告、{infos} 個提示（檢查日 {today}）', '{errorsEn}, {warningsEn}, {infosEn} (as of {today})'),
} as const;

export type StringKey = keyof typeof STRINGS;

/** The CLI string `key` in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: StringKey, data: Readonly<Record<string, string | number>> = {}): string {
  const template: string = STRINGS[key][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? printable(String(data[name])) : whole));
}

/**
 * Data filled into the CLI's strings (file names, reasons) is printed on terminals: control
 * characters (ESC, BEL, CR, …; not line breaks and tabs) become `\xHH`, so a file name
 * cannot drive the terminal.
 * @example printable('a\u001b[31m.xlsx') === 'a\\x1b[31m.xlsx'
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const MONTH_NAMES_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** English month name, 1-based. */
export function monthNameEn(m: number): string {
  return MONTH_NAMES_EN[m - 1] ?? String(m);
}

/** English count with a plural: `count(1, 'file')` → `1 file`, `count(2, 'error')` → `2 errors`. */
export function countEn(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Data for the summary line in both languages. */
export function summaryData(s: { files: number; errors: number; warnings: number; infos: number }): Record<string, string | number> {
  return {
    ...s,
    filesEn: countEn(s.files, 'file'),
    errorsEn: countEn(s.errors, 'error'),
    warningsEn: countEn(s.warnings, 'warning'),
    infosEn: countEn(s.infos, 'info'),
  };
}

/** A number with thousands separators, e.g. 1234567 → `1,234,567`. */
export function groupDigits(n: number): string {
  const neg = n < 0;
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** `--help` texts by command, zh-TW and English. */
export const HELP = {
  main: s(
    `partner-check — 檢查 LINE購物「夥伴互利計劃」報名表與加碼合約

用法：partner-check <指令> [選項]

指令：
  validate PATH…      檢查報名表、加碼合約、鋪底合約、環狀數據（.xlsx、.csv、.tsv、.txt 或資料夾）
  calendar            畫出某月的回饋日曆（週一到週日的月曆）
  schedule 檔案       依報名表產生加碼合約排程（含送審期限與成本估算）
  cost                估算 CPS 成本與 LINE購物 出資的點數
  ring-mail 檔案…     產生環狀數據需求信（.eml）
  deadlines 檔案…     列出所有期限（文字、JSON 或 .ics 日曆）
  template …          產生空白範本與範例檔
  serve               開啟本機上傳頁面（拖放檔案即可檢查，預設 http://127.0.0.1:8080）
  rules               列出所有檢查規則

共通選項：
  --lang zh-TW|en     輸出語言（預設 zh-TW）
  --help, -h          顯示說明
  --version           顯示版本

結束代碼：0 沒有錯誤 · 1 發現錯誤（或警告超過 --max-warnings） · 2 有檔案無法讀取或指令用法錯誤
執行 partner-check <指令> --help 查看各指令的說明。
`,
    `partner-check — checks LINE Shopping Partner Mutual-Benefit Plan enrollments and bonus contracts

Usage: partner-check <command> [options]

Commands:
  validate PATH…      check enrollment, contract, base-contract and ring-data tabs (.xlsx, .csv, .tsv, .txt or folders)
  calendar            draw a month's rebate calendar (Monday-first month grid)
  schedule FILE       generate the bonus-contract schedule of an enrollment (deadlines and cost estimates)
  cost                estimate the CPS cost and the points LINE Shopping funds
  ring-mail FILE…     write the ring-data request e-mails (.eml)
  deadlines FILE…     list every deadline (text, JSON or an .ics calendar)
  template …          write blank templates and example files
  serve               start the local upload page (drop files to check them; default http://127.0.0.1:8080)
  rules               list every rule

Common options:
  --lang zh-TW|en     output language (default zh-TW)
  --help, -h          show help
  --version           show the version

Exit codes: 0 no errors · 1 errors found (or more warnings than --max-warnings) · 2 a file could not be read or the command was misused
Run partner-check <command> --help for a command's options.
`,
  ),
  validate: s(
    `用法：partner-check validate PATH… [選項]

檢查檔案（.xlsx、.csv、.tsv、.txt）與資料夾（含子資料夾，略過 . 開頭的檔案與 ~$ 暫存檔）中的
每個工作表。無法讀取的檔案會列為 workbook/unreadable，其他檔案照常檢查。

選項：
  -f, --format text|json|junit|html 報告格式（預設 text）
  -o, --out 檔案                   把報告寫入檔案（先寫暫存檔再改名，不會留下寫一半的檔案）
  --today YYYY-MM-DD               以這天當作「今天」判斷期限（預設：台北時間的今天）
  --campaign 檔案                  活動設定檔（JSON）；預設為 2026 Q2 夥伴互利計劃
  --baseline 前次報告.json         與前次 JSON 報告比較：標示新問題／未解決／已解決，並檢查已通過的合約是否被更動；
                                   JSON 報告會附上本次的 baseline 區段（供明天比對；檔案不存在時照樣寫入，即第一晚）
  --record-baseline                沒有 --baseline 時也在 JSON 報告附上 baseline 區段（預設不附，報告較小）
  --max-warnings N                 警告超過 N 個時結束代碼為 1
  --rule 規則代碼=off|info|warning|error   調整規則等級（可重複）
  --annotate 資料夾                為每個檔案產生標註檔 <檔名>.checked.xlsx（第一個工作表為「檢查結果」）
  --jobs N                         同時檢查的檔案數（工作執行緒數，預設每個 CPU 核心一個）
  --fix 資料夾                     為每個檔案產生修正檔 <檔名>.fixed.xlsx：套用可安全套用的建議（只改 CMS 仍可編輯的列），
                                   「檢查結果」列出每項修正（儲存格、修正前、修正後、規則）
  --assets 資料夾                  也在這個資料夾找表格中列出的圖片（形象圖、廣告圖片、商品圖片；可重複）；
                                   預設只找檔案旁邊。圖片的格式與尺寸由檔案內容判斷，不看副檔名
  --lang zh-TW|en                  輸出語言（預設 zh-TW）
  --wide                           文字輸出不限 80 欄（預設 80 欄或較寬的終端機寬度）
  -q, --quiet                      只列出錯誤，不顯示進度與提示訊息
  --verbose                        列出每一筆問題（預設同一規則在一個工作表超過 5 筆時只列前 3 筆與總數）
  --stdin-filename 名稱            以 - 讀標準輸入時，報告中使用的檔名（副檔名決定 CSV 或 xlsx）
  --print-config                   印出實際生效的設定（設定檔加上命令列選項，JSON）後結束
  --no-config                      不讀 partner-check.config.json／.partnercheckrc.json

PATH 可以是加引號的萬用字元（'forms/**/*.xlsx'），依排序展開。設定檔從目前資料夾往上尋找，
命令列選項優先於設定檔；見 docs/cli.md。

結束代碼：0 沒有錯誤 · 1 發現錯誤（或警告超過 --max-warnings） · 2 有檔案無法讀取或用法錯誤

範例：
  partner-check validate 報名表.xlsx
  partner-check validate /data/forms --format json --out report.json --baseline latest.json --annotate checked/
`,
    `Usage: partner-check validate PATH… [options]

Checks every tab of the files (.xlsx, .csv, .tsv, .txt) and folders (recursively; dotfiles and ~$
lock files are skipped). A file that cannot be read is reported as workbook/unreadable and the
other files are still checked.

Options:
  -f, --format text|json|junit|html report format (default text)
  -o, --out FILE                   write the report to FILE (atomically: never a half-written file)
  --today YYYY-MM-DD               the "today" of deadline rules (default: today in Asia/Taipei)
  --campaign FILE                  campaign config (JSON); default: the 2026 Q2 Partner Mutual-Benefit Plan
  --baseline REPORT.json           compare with a previous JSON report: mark problems new/open/resolved and
                                   check that approved contracts did not change; the JSON report then carries
                                   this run's baseline section (tomorrow's baseline), also when REPORT.json
                                   does not exist yet (the first night)
  --record-baseline                write the baseline section without --baseline (by default it is left out,
                                   which keeps reports small)
  --max-warnings N                 exit 1 when there are more than N warnings
  --rule RULE-ID=off|info|warning|error   change a rule's level (repeatable)
  --annotate DIR                   write an annotated copy <name>.checked.xlsx of each file (first tab 檢查結果)
  --jobs N                         files checked at once (worker threads; default one per CPU core)
  --fix DIR                        write a fixed copy <name>.fixed.xlsx of each file: every suggestion that is safe
                                   to apply, on rows the CMS still lets you edit; 檢查結果 lists each change
  --assets DIR                     also look for the pictures the sheets name (hero, ad and product images) in
                                   DIR (repeatable); by default only beside each file. Format and size come
                                   from the file's content, never its name
  --lang zh-TW|en                  output language (default zh-TW)
  --wide                           no 80-column limit (default: 80, or a wider terminal's width)
  -q, --quiet                      errors only; no progress or notices
  --verbose                        list every problem (by default a rule seen more than 5 times in a tab shows 3 and a count)
  --stdin-filename NAME            with -, the name standard input has in the report (its
                                   extension picks CSV or xlsx)
  --print-config                   print the settings in effect (config file + flags) as JSON, exit 0
  --no-config                      do not read partner-check.config.json / .partnercheckrc.json

PATH may be a quoted glob ('forms/**/*.xlsx'), expanded in sorted order. The config file is
looked up from the working directory upward; flags override it (see docs/cli.md).

Exit codes: 0 no errors · 1 errors found (or more warnings than --max-warnings) · 2 a file could not be read or misuse

Examples:
  partner-check validate enrollment.xlsx --lang en
  partner-check validate /data/forms --format json --out report.json --baseline latest.json --annotate checked/
`,
  ),
  calendar: s(
    `用法：partner-check calendar --month YYYY-MM [--chosen 日期,…] [選項]

畫出某月的回饋日曆：任選日與週五 10%、其他日子 5%，標出國定假日。

選項：
  --month YYYY-MM          月份（必填）
  --chosen 5/6,5/13,5/27   任選日（M/D、D 或 YYYY-MM-DD，以逗號分隔）
  --format text|json|html  輸出格式（預設 text）
  --out 檔案               寫入檔案
  --campaign 檔案          活動設定檔（JSON）
  --lang zh-TW|en          輸出語言
  --wide                   文字輸出不限 80 欄（預設 80 欄或較寬的終端機寬度）

範例：
  partner-check calendar --month 2026-05 --chosen 5/6,5/13,5/27
`,
    `Usage: partner-check calendar --month YYYY-MM [--chosen DATE,…] [options]

Draws a month's rebate calendar: chosen days and Fridays 10%, other days 5%, holidays marked.

Options:
  --month YYYY-MM          the month (required)
  --chosen 5/6,5/13,5/27   chosen days (M/D, D or YYYY-MM-DD, comma separated)
  --format text|json|html  output format (default text)
  --out FILE               write to FILE
  --campaign FILE          campaign config (JSON)
  --lang zh-TW|en          output language
  --wide                   no 80-column limit (default: 80, or a wider terminal's width)

Example:
  partner-check calendar --month 2026-05 --chosen 5/6,5/13,5/27 --lang en
`,
  ),
  schedule: s(
    `用法：partner-check schedule 報名表.xlsx [選項]

依報名表為每個已報名的商店產生：回饋日曆、加碼合約排程（含 D-3 送審期限）與成本估算。
--out 產生的 .xlsx 使用「加碼合約」工作表與 CMS 欄位，可直接貼到後台，也能再用 validate 檢查。

選項：
  -o, --out 合約.xlsx      把合約排程寫成 .xlsx（或 .csv）
  -f, --format text|json   輸出格式（預設 text）
  --today YYYY-MM-DD       以這天當作「今天」檢查報名表的期限（預設：台北時間的今天）
  --campaign 檔案          活動設定檔（JSON）
  --lang zh-TW|en          輸出語言
  --wide                   文字輸出不限 80 欄（預設 80 欄或較寬的終端機寬度）
  -h, --help               顯示說明
`,
    `Usage: partner-check schedule ENROLLMENT.xlsx [options]

For each enrolled shop of the enrollment: its rebate calendar, the generated bonus-contract
schedule (with D-3 submission deadlines) and a cost estimate. The .xlsx written with --out has a
加碼合約 tab with the CMS columns: paste it into the CMS, or check it again with validate.

Options:
  -o, --out contracts.xlsx write the schedule as .xlsx (or .csv)
  -f, --format text|json   output format (default text)
  --today YYYY-MM-DD       the "today" of the enrollment's deadline rules (default: today in Asia/Taipei)
  --campaign FILE          campaign config (JSON)
  --lang zh-TW|en          output language
  --wide                   no 80-column limit (default: 80, or a wider terminal's width)
  -h, --help               show this help
`,
  ),
  cost: s(
    `用法：partner-check cost --gmv 金額 --cps 百分比 [選項]

估算加入夥伴互利的 CPS 成本增加，以及 LINE購物 出資的加碼點數價值。

選項：
  --gmv 1000000            預估月業績（新台幣，必填）
  --cps 8                  目前 CPS%（必填）
  --base 2                 鋪底回饋%（預設 2）
  --month YYYY-MM          月份（預設為活動的第一個月）
  --chosen 5/6,5/13        該月的任選日
  --format text|json       輸出格式（預設 text）
  --campaign 檔案          活動設定檔（JSON）
  --lang zh-TW|en          輸出語言
  --wide                   文字輸出不限 80 欄（預設 80 欄或較寬的終端機寬度）
`,
    `Usage: partner-check cost --gmv AMOUNT --cps PERCENT [options]

Estimates the extra CPS cost of joining the plan and the value of the bonus points LINE Shopping funds.

Options:
  --gmv 1000000            expected monthly GMV in NT$ (required)
  --cps 8                  current CPS % (required)
  --base 2                 base rebate % (default 2)
  --month YYYY-MM          the month (default: the campaign's first month)
  --chosen 5/6,5/13        chosen days of that month
  --format text|json       output format (default text)
  --campaign FILE          campaign config (JSON)
  --lang zh-TW|en          output language
  --wide                   no 80-column limit (default: 80, or a wider terminal's width)
`,
  ),
  'ring-mail': s(
    `用法：partner-check ring-mail 檔案… [--out 資料夾]

為每一列沒有錯誤的環狀數據產生給 LINE購物小管家的需求信（簡報 Step 2 的範本）：收件人、主旨、六行內文，以及最晚寄出日（發送日前 3 個工作天）。有錯誤的列不產生信件，並列出原因。

選項：
  --out 資料夾             每封信寫成一個 .eml 檔（可用郵件軟體開啟後寄出）
  --today YYYY-MM-DD       檢查日（預設今天，台北時間）
  --campaign 檔案          活動設定檔（JSON）
  --lang zh-TW|en          輸出語言
`,
    `Usage: partner-check ring-mail FILE… [--out DIR]

For every ring-data row without errors, the request e-mail to LINE Shopping's 小管家 (the deck's Step 2 template): recipient, subject, the six body lines, and the latest day to send it (3 working days before the send date). Rows with errors get no e-mail; the output says why.

Options:
  --out DIR                write each e-mail as an .eml file (open it in a mail program and send)
  --today YYYY-MM-DD       the check date (default today, Taipei time)
  --campaign FILE          campaign config (JSON)
  --lang zh-TW|en          output language
`,
  ),
  deadlines: s(
    `用法：partner-check deadlines 檔案… [--format text|json|ics] [--out 檔案]

列出檔案隱含的所有期限，依時間排序：方案報名截止、每份加碼合約的 D-3 送審期限（已填寫的或依報名表產生的）、每筆環狀數據需求的寄信期限。

選項：
  --format text|json|ics   輸出格式（預設 text；ics 可匯入 Google 日曆或 Outlook，時區 Asia/Taipei，前一個工作天提醒）
  --out 檔案               寫入檔案（預設輸出到畫面）
  --campaign 檔案          活動設定檔（JSON）
  --today YYYY-MM-DD       ics 檔的產生時間（預設今天，台北時間）
  --lang zh-TW|en          輸出語言
`,
    `Usage: partner-check deadlines FILE… [--format text|json|ics] [--out FILE]

Lists every deadline the files imply, sorted by time: plan registration, each bonus contract's D-3 submission (entered or generated from the enrollment), and each ring-data request e-mail.

Options:
  --format text|json|ics   output format (default text; ics imports into Google Calendar or Outlook, time zone Asia/Taipei, reminder the working day before)
  --out FILE               write to a file (default: standard output)
  --campaign FILE          campaign config (JSON)
  --today YYYY-MM-DD       the stamp of the .ics file (default today, Taipei time)
  --lang zh-TW|en          output language
`,
  ),
  rules: s(
    `用法：partner-check rules [規則代碼] [--format text|json] [--lang zh-TW|en]

列出所有檢查規則：規則代碼、預設等級與說明。可用 validate --rule 規則代碼=等級 調整。
指定規則代碼（例如 partner-check rules contract/overlap）時，顯示該規則的說明、訊息範本與例子所在。
`,
    `Usage: partner-check rules [RULE-ID] [--format text|json] [--lang zh-TW|en]

Lists every rule: id, default severity and description. Change a level with validate --rule RULE-ID=LEVEL.
With a rule id (e.g. partner-check rules contract/overlap): that rule's docs, message templates and where its examples are.
`,
  ),
} as const;

export type HelpTopic = keyof typeof HELP;
