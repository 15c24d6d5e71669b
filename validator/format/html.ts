/**
 * A self-contained HTML report: no external resources (a Content-Security-Policy forbids them),
 * a summary, the violations table with a client-side filter by severity and rule, and each
 * enrolled shop's rebate calendar as the deck's month grid. Every value from a file is
 * HTML-escaped; cell values are also neutralised, so pasting the table into a spreadsheet cannot
 * start a formula.
 */
import { civil, DEFAULT_CAMPAIGN, type Lang, type Severity } from '../../rules/index.js';
import { monthNameEn, t } from '../i18n.js';
import { neutralize } from '../neutralize.js';
import { CALENDAR_CSS, calendarHtml, calendarLegendHtml, weekdayNames } from './calendar.js';
import { barChartSvg, CHART_CSS, countItems, rateMonthLayout, rateMonthSvg } from './chart.js';
import { escapeHtml, jsonForScript } from './escape.js';
import type { CliReport, CliViolation, FormatContext, ShopCalendar } from './types.js';

const DEFAULT_RATES = DEFAULT_CAMPAIGN.config.rates;

const PAGE_CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;color:#1f2328}
body{margin:0 auto;max-width:80rem;padding:1rem 1.5rem 3rem;line-height:1.45}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #06c755;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}h4{font-size:.95rem;margin:1rem 0 .2rem}
.meta{color:#57606a}
.cards{display:flex;gap:.75rem;flex-wrap:wrap}
.card{border:1px solid #d0d7de;border-radius:.5rem;padding:.5rem 1rem;min-width:7rem}
.card b{display:block;font-size:1.6rem}
.card.error b{color:#cf222e}.card.warning b{color:#9a6700}.card.info b{color:#0969da}
table.list{border-collapse:collapse;width:100%;font-size:.9rem}
table.list th,table.list td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}
table.list th{background:#f6f8fa;position:sticky;top:0}
tr.error td.sev{color:#cf222e;font-weight:600}tr.warning td.sev{color:#9a6700;font-weight:600}tr.info td.sev{color:#0969da}
td.rule,td.cell{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap}
td.value,td.sugg{white-space:pre-wrap;word-break:break-word;min-width:9rem}
td.file{overflow-wrap:anywhere;min-width:10rem;max-width:16rem;font-size:.8rem}
td.sheet,td.sev{white-space:nowrap}
.filters{display:flex;gap:1rem;align-items:center;margin:.5rem 0;flex-wrap:wrap}
.status-new{color:#8250df;font-weight:600}
.ok{color:#1a7f37}
*,*::before,*::after{box-sizing:border-box}
table.list td.num,table.list th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scroll{overflow-x:auto;max-width:100%}
table.list td{overflow-wrap:anywhere}
.filters label{max-width:100%}
.filters select{max-width:100%}
details.tab{margin:.6rem 0}
details.tab>summary{cursor:pointer;font-weight:600;padding:.25rem 0}
details.tab>summary .n{font-weight:400;color:#57606a}
.cal{max-width:100%}
.month{min-width:0;max-width:100%}
h3,h4,summary,.meta,td.file{overflow-wrap:anywhere}
@media (max-width:40rem){
body{padding:.5rem .75rem 2rem}
td.file,td.value,td.sugg{min-width:0;max-width:none}
table.vt thead{display:none}
table.vt,table.vt tbody,table.vt tr,table.vt td{display:block;width:100%}
table.vt tr{border:1px solid #d0d7de;border-radius:.4rem;margin:.5rem 0;padding:.25rem .4rem}
table.vt td{border:0;padding:.1rem 0;white-space:normal}
table.vt td:empty{display:none}
table.vt td::before{font-weight:600;color:#57606a}
.cal{font-size:.7rem}
}
`;

const FILTER_SCRIPT = `
(function(){
  var sev=document.getElementById('f-sev'),rule=document.getElementById('f-rule'),out=document.getElementById('shown');
  var rows=[].slice.call(document.querySelectorAll('table.vt tbody tr'));
  var tpl=JSON.parse(document.getElementById('i18n').textContent);
  function apply(){
    var n=0;
    rows.forEach(function(r){
      var ok=(!sev.value||r.getAttribute('data-severity')===sev.value)&&(!rule.value||r.getAttribute('data-rule')===rule.value);
      r.hidden=!ok; if(ok)n++;
    });
    out.textContent=tpl.shown.replace('{shown}',n).replace('{total}',rows.length);
  }
  sev.addEventListener('change',apply);rule.addEventListener('change',apply);apply();
})();
`;

export function formatHtml(report: CliReport, ctx: FormatContext): string {
  const { lang } = ctx;
  const title = t(lang, 'html.title');
  const s = report.summary;
  const cards = (['error', 'warning', 'info'] as const)
    .map((sev) => `<div class="card ${sev}"><b>${sev === 'error' ? s.errors : sev === 'warning' ? s.warnings : s.infos}</b>${escapeHtml(t(lang, `sev.${sev}`))}</div>`)
    .join('');
  const fileRows = report.files
    .map(
      (f) =>
        `<tr><td class="file">${escapeHtml(f.path)}</td><td class="num">${f.counts.errors}</td><td class="num">${f.counts.warnings}</td><td class="num">${f.counts.infos}</td><td>${escapeHtml(
          f.error ?? f.sheets.map((sh) => sh.name).join(lang === 'en' ? ', ' : '、'),
        )}</td></tr>`,
    )
    .join('\n');
  const all = report.files.flatMap((f) => f.violations.map((v) => ({ path: f.path, v })));
  const rules = [...new Set(all.map((x) => x.v.ruleId))].sort();
  const withStatus = all.some((x) => x.v.status !== undefined);
  const labels = [...(withStatus ? [t(lang, 'col.status')] : []), ...(['col.file', 'col.sheet', 'col.cell', 'col.severity', 'col.rule', 'col.message', 'col.value', 'col.suggestion'] as const).map((k) => t(lang, k))];
  const sevOptions = (['error', 'warning', 'info'] as Severity[]).map((sev) => `<option value="${sev}">${escapeHtml(t(lang, `sev.${sev}`))}</option>`).join('');
  const ruleOptions = rules.map((r) => `<option value="${escapeHtml(r)}">${escapeHtml(r)}</option>`).join('');
  const head = ['col.file', 'col.sheet', 'col.cell', 'col.severity', 'col.rule', 'col.message', 'col.value', 'col.suggestion'] as const;
  const headCells = [...(withStatus ? (['col.status'] as const) : []), ...head].map((k) => `<th scope="col">${escapeHtml(t(lang, k))}</th>`).join('');
  const calendars = calendarsSection(report, ctx);
  const violationTables = tabGroups(all)
    .map((g, i) => {
      const rows = g.items.map(({ path, v }) => violationRow(path, v, lang, withStatus)).join('\n');
      const name = `${g.path}${g.sheet !== null ? ` · ${g.sheet}` : ''}`;
      // A long tab starts collapsed so one file cannot make the page endless; short ones are open.
      return `<details class="tab"${g.items.length <= OPEN_LIMIT ? ' open' : ''}><summary>${escapeHtml(name)} <span class="n">(${g.items.length})</span></summary>\n<div class="scroll"><table class="list vt"${i === 0 ? ' id="vt"' : ''}><thead><tr>${headCells}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></div></details>`;
    })
    .join('\n');
  const comparison = report.comparison
    ? `<p>${escapeHtml(t(lang, 'report.comparison', { new: report.comparison.new, open: report.comparison.open, resolved: report.comparison.resolved }))}</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}${CALENDAR_CSS}${CHART_CSS}${cardLabelsCss(labels, lang)}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t(lang, 'report.title', { version: report.version, campaign: ctx.campaignName ?? report.campaign, today: ctx.today ?? '' }))}</p>
<section id="summary">
<h2>${escapeHtml(t(lang, 'html.summary'))}</h2>
<div class="cards"><div class="card"><b>${s.files}</b>${escapeHtml(t(lang, 'html.files'))}</div>${cards}</div>
${comparison}
<div class="scroll"><table class="list" id="files"><thead><tr><th scope="col">${escapeHtml(t(lang, 'col.file'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'sev.error'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'sev.warning'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'sev.info'))}</th><th scope="col">${escapeHtml(t(lang, 'col.sheet'))}</th></tr></thead>
<tbody>
${fileRows}
</tbody></table></div>
${chartsHtml(all, lang)}
</section>
<section id="violations">
<h2>${escapeHtml(t(lang, 'html.violations'))}</h2>
<div class="filters">
<label>${escapeHtml(t(lang, 'html.filterSeverity'))} <select id="f-sev"><option value="">${escapeHtml(t(lang, 'html.filterAll'))}</option>${sevOptions}</select></label>
<label>${escapeHtml(t(lang, 'html.filterRule'))} <select id="f-rule"><option value="">${escapeHtml(t(lang, 'html.filterAll'))}</option>${ruleOptions}</select></label>
<span id="shown">${escapeHtml(t(lang, 'html.shown', { shown: all.length, total: all.length }))}</span>
</div>
${violationTables}
${all.length === 0 ? `<p class="ok">${escapeHtml(t(lang, 'report.ok'))}</p>` : ''}
</section>
${calendars}
<script type="application/json" id="i18n">${jsonForScript({ shown: t(lang, 'html.shown') })}</script>
<script>${FILTER_SCRIPT}</script>
</body>
</html>
`;
}

function violationRow(path: string, v: CliViolation, lang: Lang, withStatus: boolean): string {
  const where = v.cell ?? (v.row !== null ? t(lang, 'report.row', { row: v.row }) : '');
  const sugg = v.suggestion ? neutralize(v.suggestion.value) + (v.suggestion.label ? `\n${v.suggestion.label}` : '') : '';
  const status = withStatus ? `<td class="status-${v.status ?? 'open'}">${escapeHtml(t(lang, `status.${v.status ?? 'open'}`))}</td>` : '';
  return (
    `<tr class="${v.severity}" data-severity="${v.severity}" data-rule="${escapeHtml(v.ruleId)}">${status}` +
    `<td class="file">${escapeHtml(path)}</td><td class="sheet">${escapeHtml(v.sheet ?? '')}</td><td class="cell">${escapeHtml(where)}</td>` +
    `<td class="sev">${escapeHtml(t(lang, `sev.${v.severity}`))}</td><td class="rule">${escapeHtml(v.ruleId)}</td>` +
    `<td>${escapeHtml(v.message)}</td><td class="value">${escapeHtml(neutralize(v.value ?? ''))}</td><td class="sugg">${escapeHtml(sugg)}</td></tr>`
  );
}

/**
 * On a phone each violation row is a card; these rules label its fields (`檔案：…`) by column
 * position. The labels are the tool's own strings (no user text), quoted as CSS strings.
 */
function cardLabelsCss(labels: readonly string[], lang: Lang): string {
  const colon = lang === 'en' ? ': ' : '：';
  const rules = labels.map((l, i) => `table.vt td:nth-child(${i + 1})::before{content:${JSON.stringify(l + colon).replace(/</g, '\\3c ')}}`);
  return `@media (max-width:40rem){${rules.join('')}}`;
}

/** A tab with more violations than this starts collapsed in the report. */
export const OPEN_LIMIT = 20;

interface TabGroup {
  readonly path: string;
  readonly sheet: string | null;
  readonly items: { path: string; v: CliViolation }[];
}

/** The violations grouped by file and tab, in report order. */
function tabGroups(all: readonly { path: string; v: CliViolation }[]): TabGroup[] {
  const groups = new Map<string, TabGroup>();
  for (const x of all) {
    const key = JSON.stringify([x.path, x.v.sheet]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { path: x.path, sheet: x.v.sheet, items: [] }));
    g.items.push(x);
  }
  return [...groups.values()];
}

/** The per-rule and per-shop bar charts (inline SVG); shops are the violations' `shopId`. */
function chartsHtml(all: readonly { path: string; v: CliViolation }[], lang: Lang): string {
  if (all.length === 0) return '';
  const rules = barChartSvg(countItems(all.map((x) => x.v.ruleId)), { title: t(lang, 'html.chartRules'), others: t(lang, 'html.chartOthers') });
  const shopKeys = all.map((x) => x.v.data['shopId']).filter((s): s is string => typeof s === 'string' && s !== '');
  const shops = shopKeys.length > 0 ? barChartSvg(countItems(shopKeys), { title: t(lang, 'html.chartShops'), others: t(lang, 'html.chartOthers') }) : '';
  return `<div class="charts" id="charts">${rules}${shops}</div>`;
}

function calendarsSection(report: CliReport, ctx: FormatContext): string {
  const { lang } = ctx;
  const byFile = ctx.calendars ?? {};
  const parts: string[] = [];
  for (const f of report.files) {
    const shops = byFile[f.path] ?? [];
    if (shops.length === 0) continue;
    parts.push(`<h3>${escapeHtml(f.path)}</h3>`);
    for (const shop of shops) parts.push(shopCalendarHtml(shop, lang, ctx.rates));
  }
  const body = parts.length > 0 ? parts.join('\n') : `<p>${escapeHtml(t(lang, 'html.noCalendars'))}</p>`;
  const rates = ctx.rates;
  return `<section id="calendars">\n<h2>${escapeHtml(t(lang, 'html.calendars'))}</h2>\n${rates ? calendarLegendHtml(rates, lang) : ''}\n${body}\n</section>`;
}

function shopCalendarHtml(shop: ShopCalendar, lang: Lang, rates: FormatContext['rates']): string {
  const brand = shop.brandName ? (lang === 'en' ? ` (${shop.brandName})` : `（${shop.brandName}）`) : '';
  const where = `${shop.sheet} ${t(lang, 'report.row', { row: shop.row })}`;
  const head = `<h4>${escapeHtml(shop.shopId + brand)} · ${escapeHtml(shop.planLabel[lang])} <small class="meta">${escapeHtml(where)}</small></h4>`;
  // Each month: the deck's grid, and beside it the month's rates as one bar per day.
  const months = shop.months.map((m) => `<div class="month">${calendarHtml(m, { lang, rates })}${rateMonthSvg(rateMonthLayout(m.month, m.days, rates ?? DEFAULT_RATES, ratesTitle(m.month, lang), weekdayNames(lang)))}</div>`);
  return `${head}\n<div class="months">${months.join('\n')}</div>`;
}

/** `2026 年 5 月 每日回饋率` / `Daily rebate rates, May 2026` (the rate picture's caption). */
export function ratesTitle(month: string, lang: Lang): string {
  const r = civil.monthRange(month)!;
  return lang === 'en' ? `Daily rebate rates, ${monthNameEn(r.m)} ${r.y}` : `${r.y} 年 ${r.m} 月 每日回饋率`;
}
