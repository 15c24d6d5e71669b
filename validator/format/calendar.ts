/**
 * The rebate calendar drawn as the deck's month grid: Monday first (週一 … 週日), each day with
 * its label (任選日10% / 週五翻倍10% / 日常鋪底5%), colour-coded by rate (the 10% days stand out
 * from the 5% days), holiday names written in, red only for the dates of days off. Text (terminal)
 * and HTML forms; the colours, classes and the colour key are the shared calendar style
 * (rules/compute/calendar-style.ts), the same as the add-on's sidebar and calendar tab.
 */
import { DEFAULT_CAMPAIGN, calendarCss, calendarGrid, calendarLegend as legendEntries, civil, dayClasses, type Lang, type Rates, type RebateDay, type RebateMonth } from '../../rules/index.js';
import { monthNameEn, t } from '../i18n.js';
import { escapeHtml } from './escape.js';
import { DEFAULT_COLUMNS, displayWidth, fitWidth, painter, wrapText } from './terminal.js';

/** `任選日10%` / `chosen 10%` … for a day. */
export function dayLabel(day: RebateDay, lang: Lang): string {
  return t(lang, `cal.reason.${day.reason}`, { rate: day.rate });
}

/** The day's holiday name in the output language (English from rules/data/holiday-names-en.ts), or null. */
export function holidayOf(day: Pick<RebateDay, 'holiday' | 'holidayEn'>, lang: Lang): string | null {
  return lang === 'en' ? day.holidayEn : day.holiday;
}

/** Whether a day's rate is a bonus rate (above the daily base), which the grid highlights. */
export function isBonusDay(day: RebateDay): boolean {
  return day.reason !== 'daily';
}

export function weekdayNames(lang: Lang): readonly string[] {
  return lang === 'en' ? civil.WEEKDAY_EN : civil.WEEKDAY_ZH;
}

export function monthTitle(month: string, lang: Lang): string {
  const r = civil.monthRange(month)!;
  return t(lang, 'cal.title', { y: r.y, m: r.m, monthName: monthNameEn(r.m) });
}

/** `5/6、5/13` (zh-TW) or `5/6, 5/13` (en). */
export function shortDateList(days: readonly number[], lang: Lang): string {
  return days.map(civil.shortDate).join(lang === 'en' ? ', ' : '、');
}

/** Columns per day in the full grid (labels like `週五翻倍10%` whole): 6 × 13 + 11 = 89 columns. */
const CELL_WIDTH = 13;
/** Columns per day in the compact grid (the rate moves to the date line): 6 × 11 + 10 = 76 columns. */
const COMPACT_CELL_WIDTH = 11;
/** The widest line of the full grid; narrower outputs get the compact grid. */
export const FULL_GRID_COLUMNS = 6 * CELL_WIDTH + 11;

/**
 * The month as a text grid, three lines per week (date, label, holiday). With `columns` (default
 * 80) narrower than the full grid, the compact grid: `1日 10%` over `週五翻倍`, 11 columns a day,
 * so a week never breaks before 週日; holiday names are cut to the cell and listed whole below.
 * @example calendarText(rebateCalendar('2026-05', [...]), { lang: 'zh-TW' })
 */
export function calendarText(month: RebateMonth, opts: { lang: Lang; color?: boolean; title?: string; columns?: number }): string {
  const { lang } = opts;
  const columns = opts.columns ?? DEFAULT_COLUMNS;
  const compact = columns < FULL_GRID_COLUMNS;
  const cell = compact ? COMPACT_CELL_WIDTH : CELL_WIDTH;
  const fit = (text: string) => fitWidth(text, cell - 1) + ' ';
  const paint = painter(opts.color === true);
  const lines: string[] = [];
  lines.push(paint('bold', opts.title ?? monthTitle(month.month, lang)));
  lines.push(weekdayNames(lang).map((w) => fit(w)).join('').trimEnd());
  for (const week of calendarGrid(month)) {
    // Red only for the dates of days off (the shared calendar style); bonus days green.
    const dates = week.map((d) => {
      if (!d) return ' '.repeat(cell);
      const dayNo = t(lang, 'cal.day', { d: civil.ymdFromDay(d.day).d });
      const date = d.workingDay === false ? paint('red', dayNo) : paint('bold', dayNo);
      if (!compact) return date + ' '.repeat(cell - displayWidth(dayNo));
      // The rate (green on a bonus day) follows the date; red stays for the date of a day off.
      const rate = `${d.rate}%`;
      return `${date} ${isBonusDay(d) ? paint('green', rate) : rate}${' '.repeat(Math.max(1, cell - displayWidth(dayNo) - 1 - rate.length))}`;
    });
    const labels = week.map((d) => {
      if (!d) return ' '.repeat(cell);
      const text = fit(compact ? t(lang, `cal.reasonName.${d.reason}`) : dayLabel(d, lang));
      return isBonusDay(d) ? paint('green', text) : text;
    });
    lines.push(dates.join('').trimEnd());
    lines.push(labels.join('').trimEnd());
    if (week.some((d) => d?.holiday)) {
      lines.push(week.map((d) => (d?.holiday ? paint(d.workingDay === false ? 'red' : 'bold', fit(holidayOf(d, lang)!)) : ' '.repeat(cell))).join('').trimEnd());
    }
  }
  const chosen = month.days.filter((d) => d.reason === 'chosen').map((d) => d.day);
  const tail: string[] = [];
  tail.push(chosen.length > 0 ? t(lang, 'cal.chosen', { list: shortDateList(chosen, lang) }) : t(lang, 'cal.noChosen'));
  const holidays = month.days.filter((d) => d.holiday !== null);
  if (holidays.length > 0) {
    tail.push(t(lang, 'cal.holidays', { list: holidays.map((d) => `${civil.shortDate(d.day)} ${holidayOf(d, lang)}`).join(lang === 'en' ? ', ' : '、') }));
  }
  for (const line of tail) lines.push(...wrapText(line, columns - 2, columns).map((l, i) => (i === 0 ? l : `  ${l}`)));
  return lines.join('\n');
}

/** The legend line under the grids, with the campaign's rates. */
export function calendarLegend(rates: { daily: number; friday: number; chosen: number }, lang: Lang): string {
  return t(lang, 'cal.legend', rates);
}

/** CSS the HTML grids need (inlined into the page; no external resources): layout here, colours shared. */
export const CALENDAR_CSS = `
.months{display:flex;flex-wrap:wrap;gap:0 1.25rem;align-items:flex-start}
.cal{border-collapse:collapse;margin:.5rem 0 1rem;table-layout:fixed;width:25rem;font-size:.8rem;background:#fff}
.cal caption{text-align:left;font-weight:600;padding:.25rem 0}
.cal th{padding:.3rem;font-weight:600}
.cal td{border:1px solid #d0d7de;vertical-align:top;height:3.4rem;width:14.28%;padding:.2rem .25rem}
.cal td.pad{background:#f6f8fa}
.cal .d{font-weight:700}
.cal .lbl{display:block;font-size:.72rem;margin-top:.15rem}
.cal .hol{display:block;font-size:.68rem}
.cal td.chosen .lbl{font-weight:700}
.legend span.key{display:inline-block;margin-right:.9rem}
${calendarCss()}
`;

/** The month grid as an HTML table (every text escaped); `rates` decide the colours (the campaign's). */
export function calendarHtml(month: RebateMonth, opts: { lang: Lang; title?: string; rates?: Rates }): string {
  const { lang } = opts;
  const rates = opts.rates ?? DEFAULT_CAMPAIGN.config.rates;
  const head = weekdayNames(lang).map((w) => `<th scope="col">${escapeHtml(w)}</th>`).join('');
  const rows = calendarGrid(month)
    .map((week) => {
      const cells = week.map((d) => {
        if (!d) return '<td class="pad"></td>';
        const cls = dayClasses(d, rates);
        const dayNo = civil.ymdFromDay(d.day).d;
        const hol = d.holiday !== null ? `<span class="hol">${escapeHtml(holidayOf(d, lang)!)}</span>` : '';
        return `<td class="${cls}" data-date="${d.date}" data-rate="${d.rate}"><span class="d">${escapeHtml(t(lang, 'cal.day', { d: dayNo }))}</span><span class="lbl">${escapeHtml(dayLabel(d, lang))}</span>${hol}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const title = opts.title ?? monthTitle(month.month, lang);
  return `<table class="cal" data-month="${escapeHtml(month.month)}"><caption>${escapeHtml(title)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** The HTML colour key: the shared legend (10% days, 5% days, red = day off). */
export function calendarLegendHtml(rates: Rates, lang: Lang): string {
  const items = legendEntries(rates, lang).map((e) =>
    e.bg ? `<span class="key"><span class="swatch ${e.key}"></span>${escapeHtml(e.text)}</span>` : `<span class="key off">${escapeHtml(e.text)}</span>`,
  );
  return `<p class="legend">${items.join('')}</p>`;
}

/** A whole self-contained HTML page of month grids (for `partner-check calendar --format html`). */
export function calendarPage(months: readonly RebateMonth[], opts: { lang: Lang; title: string; rates: { daily: number; friday: number; chosen: number } }): string {
  const { lang } = opts;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>body{font-family:system-ui,"Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;margin:1rem 1.5rem;color:#1f2328}${CALENDAR_CSS}</style>
</head>
<body>
<h1>${escapeHtml(opts.title)}</h1>
${calendarLegendHtml(opts.rates, lang)}
<div class="months">${months.map((m) => calendarHtml(m, { lang, rates: opts.rates })).join('\n')}</div>
</body>
</html>
`;
}

/** The JSON form of a month: its days and its Monday-first weeks (dates, null for padding). */
export function calendarJson(month: RebateMonth): { month: string; days: readonly RebateDay[]; weeks: (string | null)[][] } {
  return { month: month.month, days: month.days, weeks: calendarGrid(month).map((w) => w.map((d) => (d ? d.date : null))) };
}
