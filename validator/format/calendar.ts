/**
 * The rebate calendar drawn as the deck's month grid: Monday first (週一 … 週日), each day with
 * its label (任選日10% / 週五翻倍10% / 日常鋪底5%), colour-coded by rate (the 10% days stand out
 * from the 5% days), days off marked with their holiday name. Text (terminal) and HTML forms.
 */
import { calendarGrid, civil, type Lang, type RebateDay, type RebateMonth } from '../../rules/index.js';
import { monthNameEn, t } from '../i18n.js';
import { escapeHtml } from './escape.js';
import { fitWidth, painter } from './terminal.js';

/** `任選日10%` / `chosen 10%` … for a day. */
export function dayLabel(day: RebateDay, lang: Lang): string {
  return t(lang, `cal.reason.${day.reason}`, { rate: day.rate });
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

const CELL_WIDTH = 13;

/**
 * The month as a text grid, three lines per week (date, label, holiday).
 * @example calendarText(rebateCalendar('2026-05', [...]), { lang: 'zh-TW' })
 */
export function calendarText(month: RebateMonth, opts: { lang: Lang; color?: boolean; title?: string }): string {
  const { lang } = opts;
  const paint = painter(opts.color === true);
  const lines: string[] = [];
  lines.push(paint('bold', opts.title ?? monthTitle(month.month, lang)));
  lines.push(weekdayNames(lang).map((w) => fitWidth(w, CELL_WIDTH)).join('').trimEnd());
  for (const week of calendarGrid(month)) {
    const dates = week.map((d) => {
      if (!d) return ' '.repeat(CELL_WIDTH);
      const text = fitWidth(t(lang, 'cal.day', { d: civil.ymdFromDay(d.day).d }), CELL_WIDTH);
      return d.holiday !== null ? paint('red', text) : paint('bold', text);
    });
    const labels = week.map((d) => {
      if (!d) return ' '.repeat(CELL_WIDTH);
      const text = fitWidth(dayLabel(d, lang), CELL_WIDTH);
      return isBonusDay(d) ? paint(d.reason === 'chosen' ? 'magenta' : 'red', text) : paint('green', text);
    });
    lines.push(dates.join('').trimEnd());
    lines.push(labels.join('').trimEnd());
    if (week.some((d) => d?.holiday)) {
      lines.push(week.map((d) => (d?.holiday ? paint('red', fitWidth(d.holiday, CELL_WIDTH)) : ' '.repeat(CELL_WIDTH))).join('').trimEnd());
    }
  }
  const chosen = month.days.filter((d) => d.reason === 'chosen').map((d) => d.day);
  lines.push(chosen.length > 0 ? t(lang, 'cal.chosen', { list: shortDateList(chosen, lang) }) : t(lang, 'cal.noChosen'));
  const holidays = month.days.filter((d) => d.holiday !== null);
  if (holidays.length > 0) {
    lines.push(t(lang, 'cal.holidays', { list: holidays.map((d) => `${civil.shortDate(d.day)} ${d.holiday}`).join(lang === 'en' ? ', ' : '、') }));
  }
  return lines.join('\n');
}

/** The legend line under the grids, with the campaign's rates. */
export function calendarLegend(rates: { daily: number; friday: number; chosen: number }, lang: Lang): string {
  return t(lang, 'cal.legend', rates);
}

/** CSS the HTML grids need (inlined into the page; no external resources). */
export const CALENDAR_CSS = `
.months{display:flex;flex-wrap:wrap;gap:0 1.25rem;align-items:flex-start}
.cal{border-collapse:collapse;margin:.5rem 0 1rem;table-layout:fixed;width:25rem;font-size:.8rem}
.cal caption{text-align:left;font-weight:600;padding:.25rem 0}
.cal th{background:#06c755;color:#fff;padding:.3rem;font-weight:600}
.cal td{border:1px solid #d0d7de;vertical-align:top;height:3.4rem;width:14.28%;padding:.2rem .25rem}
.cal td.pad{background:#f6f8fa}
.cal .d{font-weight:700}
.cal .lbl{display:block;font-size:.72rem;margin-top:.15rem}
.cal .hol{display:block;font-size:.68rem;color:#cf222e}
.cal td.holiday .d{color:#cf222e}
.cal td.rate-high{background:#ffe3e0}
.cal td.rate-high .lbl{color:#b42318;font-weight:600}
.cal td.rate-low{background:#eefbea}
.cal td.rate-low .lbl{color:#1a7f37}
.cal td.chosen{box-shadow:inset 0 0 0 3px #e5484d}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem;border:1px solid #d0d7de}
.legend .rate-high{background:#ffe3e0}.legend .rate-low{background:#eefbea}.legend .chosen{box-shadow:inset 0 0 0 3px #e5484d}
`;

/** The month grid as an HTML table (every text escaped). */
export function calendarHtml(month: RebateMonth, opts: { lang: Lang; title?: string }): string {
  const { lang } = opts;
  const head = weekdayNames(lang).map((w) => `<th scope="col">${escapeHtml(w)}</th>`).join('');
  const rows = calendarGrid(month)
    .map((week) => {
      const cells = week.map((d) => {
        if (!d) return '<td class="pad"></td>';
        const cls = [isBonusDay(d) ? 'rate-high' : 'rate-low', d.reason, d.holiday !== null ? 'holiday' : ''].filter(Boolean).join(' ');
        const dayNo = civil.ymdFromDay(d.day).d;
        const hol = d.holiday !== null ? `<span class="hol">${escapeHtml(d.holiday)}</span>` : '';
        return `<td class="${cls}" data-date="${d.date}" data-rate="${d.rate}"><span class="d">${escapeHtml(t(lang, 'cal.day', { d: dayNo }))}</span><span class="lbl">${escapeHtml(dayLabel(d, lang))}</span>${hol}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const title = opts.title ?? monthTitle(month.month, lang);
  return `<table class="cal" data-month="${escapeHtml(month.month)}"><caption>${escapeHtml(title)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** The HTML legend. */
export function calendarLegendHtml(rates: { daily: number; friday: number; chosen: number }, lang: Lang): string {
  const item = (cls: string, key: 'cal.reason.chosen' | 'cal.reason.friday' | 'cal.reason.daily', rate: number) =>
    `<span class="${cls}">${escapeHtml(t(lang, key, { rate }))}</span>`;
  return `<p class="legend">${item('rate-high chosen', 'cal.reason.chosen', rates.chosen)}${item('rate-high', 'cal.reason.friday', rates.friday)}${item('rate-low', 'cal.reason.daily', rates.daily)}</p>`;
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
<div class="months">${months.map((m) => calendarHtml(m, { lang })).join('\n')}</div>
</body>
</html>
`;
}

/** The JSON form of a month: its days and its Monday-first weeks (dates, null for padding). */
export function calendarJson(month: RebateMonth): { month: string; days: readonly RebateDay[]; weeks: (string | null)[][] } {
  return { month: month.month, days: month.days, weeks: calendarGrid(month).map((w) => w.map((d) => (d ? d.date : null))) };
}
