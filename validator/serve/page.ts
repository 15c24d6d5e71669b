/**
 * The single page of `partner-check serve`: self-contained (inline CSS and script, no external
 * resource), served with a Content-Security-Policy that allows exactly its own inline style and
 * script by SHA-256 hash and network access only to its own origin. Static texts are escaped
 * here; everything from a checked file is put into the DOM by the script with textContent.
 */
import { createHash } from 'node:crypto';
import { calendarLegend, civil, TOOL_VERSION, type Campaign, type Lang } from '../../rules/index.js';
import { CALENDAR_CSS } from '../format/calendar.js';
import { CHART_CSS } from '../format/chart.js';
import { OPEN_LIMIT } from '../format/html.js';
import { escapeHtml, jsonForScript } from '../format/escape.js';
import { clientMain } from './client.js';
import { errorMessage } from './http.js';
import { PAGE_STRINGS, pageStrings, fill } from './strings.js';
import type { BootData } from './types.js';

/**
 * The page on a phone (≤ 40rem, e.g. 390 px): each violation row becomes a card (message first
 * in reading order, nothing hidden), the filters and calendars shrink to the screen; and at any
 * width numbers are right-aligned and no text can push the page wider than the window.
 */
const NARROW_CSS = `
td.num,th.num,table.list td.num,table.list th.num{text-align:right;font-variant-numeric:tabular-nums}
.cal{max-width:100%}
main,.result{min-width:0;overflow-wrap:anywhere}
@media (max-width:40rem){
header.top{flex-wrap:wrap;padding:.6rem .75rem}
main{padding:.75rem .6rem 1.5rem}
.result{padding:.75rem .6rem}
.toolbar{flex-wrap:wrap}
.filters select{max-width:100%;min-width:0}
.filters label{max-width:100%}
table.violations thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
table.violations,table.violations tbody,table.violations tr,table.violations td{display:block;width:100%}
table.violations tr{border:1px solid var(--border);border-radius:.4rem;margin:.5rem 0;padding:.3rem .5rem;background:#fff}
table.violations td{border:0;padding:.1rem 0;min-width:0}
table.violations td:empty{display:none}
table.violations td.cell,table.violations td.sev{display:inline-block;width:auto;margin-right:.6rem}
td.msg,td.rule,td.value,td.sugg{min-width:0}
.cal{font-size:.68rem}
}
`;

export interface PageOptions {
  readonly lang: Lang;
  readonly campaign: Campaign;
  /** The check date shown (檢查日): --today, or today in Asia/Taipei when the page is served. */
  readonly today: string;
  readonly maxUploadBytes: number;
  readonly ttlMs: number;
}

export interface Page {
  readonly html: string;
  readonly csp: string;
}

const PAGE_CSS = `
:root{--green:#067a36;--line:#06c755;--ink:#1f2328;--muted:#57606a;--border:#d0d7de;--bg:#f6f8fa;--err:#cf222e;--warn:#9a6700;--info:#0969da;
font-family:system-ui,-apple-system,"Segoe UI","Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;color:var(--ink);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0;line-height:1.5}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.4rem .8rem;border:2px solid var(--green);z-index:10}
.skip:focus{top:.5rem}
header.top{background:#fff;border-bottom:4px solid var(--line);padding:.75rem 1.5rem;display:flex;align-items:center;justify-content:space-between;gap:1rem}
.brand{display:flex;align-items:center;gap:.75rem}
.logo{display:inline-flex;align-items:center;justify-content:center;width:2.4rem;height:2.4rem;border-radius:.6rem;background:var(--green);color:#fff;font-weight:700;font-size:1.3rem}
h1{font-size:1.35rem;margin:0}
.sub{margin:0;color:var(--muted);font-size:.9rem}
main{max-width:82rem;margin:0 auto;padding:1rem 1.5rem 2rem}
.meta{color:var(--muted)}
.small{font-size:.8rem}
:focus-visible{outline:3px solid #0550ae;outline-offset:2px}
.btn{display:inline-block;border:1px solid var(--green);border-radius:.4rem;padding:.4rem .9rem;background:#fff;color:var(--green);font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.btn:hover{background:#e9f7ef}
.btn.primary{background:var(--green);color:#fff}
.btn.primary:hover{background:#05612b}
.btn.ghost{border-color:var(--border);color:var(--muted);font-weight:500}
.btn.small{padding:.15rem .6rem;font-size:.85rem}
.lang{min-width:5.5rem}
.drop{position:relative;background:#fff;border:2px dashed #8c959f;border-radius:.8rem;padding:1.5rem;text-align:center;transition:background .15s,border-color .15s}
.drop.over{background:#e9f7ef;border-color:var(--green)}
.drop:focus-within{border-color:#0550ae}
.drop:focus-within label.btn{outline:3px solid #0550ae;outline-offset:2px}
.drop-title{font-size:1.15rem;font-weight:600;margin:.2rem 0 .6rem}
.drop p{margin:.4rem 0}
.hint{color:var(--muted);font-size:.88rem}
#file{position:absolute;width:1px;height:1px;opacity:0;overflow:hidden}
.toolbar{display:flex;justify-content:space-between;align-items:center;gap:1rem;margin:1rem 0 .25rem;min-height:2rem}
.status{color:var(--muted)}
.overall{font-weight:600;margin:.25rem 0}
.result{background:#fff;border:1px solid var(--border);border-radius:.8rem;padding:1rem 1.25rem;margin:1rem 0}
.result.failed{border-color:var(--err)}
.result-head{display:flex;align-items:center;gap:1rem;flex-wrap:wrap}
.result-head h2{font-size:1.15rem;margin:0;word-break:break-all;flex:1 1 16rem}
.badges{display:flex;gap:.4rem}
.badge{border-radius:1rem;padding:.1rem .7rem;font-size:.9rem;border:1px solid currentColor}
.badge b{font-size:1rem}
.badge.error{color:var(--err)}.badge.warning{color:var(--warn)}.badge.info{color:var(--info)}
.badge.zero{color:var(--muted)}
.busy{color:var(--muted);display:flex;align-items:center;gap:.6rem;flex-direction:row-reverse;justify-content:flex-end}
.spinner{width:1rem;height:1rem;border:3px solid #d0d7de;border-top-color:var(--green);border-radius:50%;animation:spin .8s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spinner{animation:none}.drop{transition:none}}
.alert{border-left:4px solid var(--err);background:#fff1f0;padding:.6rem 1rem;margin:.75rem 0;border-radius:.3rem}
.alert p{margin:.25rem 0 0}
.sheets{margin:.5rem 0;padding-left:1.2rem;color:var(--muted);font-size:.9rem}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.75rem 0}
.dl-title{font-weight:600;margin-right:.25rem}
.block h3{font-size:1.05rem;margin:1.25rem 0 .4rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
.filters{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:.4rem 0}
.filters label{font-weight:600}
.filters select{font:inherit;padding:.2rem .4rem;border:1px solid #8c959f;border-radius:.3rem;background:#fff;color:var(--ink)}
.shown{color:var(--muted);margin-left:.5rem}
.scroll{overflow-x:auto}
table.list{border-collapse:collapse;width:100%;font-size:.88rem}
table.list th,table.list td{border:1px solid var(--border);padding:.3rem .45rem;text-align:left;vertical-align:top}
table.list thead th{background:var(--bg);position:sticky;top:0}
th .sort{all:unset;cursor:pointer;font-weight:600;display:inline-flex;gap:.3rem;align-items:center;white-space:nowrap}
th .sort:focus-visible{outline:3px solid #0550ae;outline-offset:2px}
th .arrow{color:var(--muted);font-size:.75rem}
tr.error td.sev{color:var(--err);font-weight:600}tr.warning td.sev{color:var(--warn);font-weight:600}tr.info td.sev{color:var(--info)}
tr.error td:first-child{box-shadow:inset 3px 0 0 var(--err)}tr.warning td:first-child{box-shadow:inset 3px 0 0 #d4a72c}tr.info td:first-child{box-shadow:inset 3px 0 0 var(--info)}
td.rule,td.cell{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.82rem}
td.cell{white-space:nowrap}
td.rule{min-width:10rem;overflow-wrap:anywhere}
td.value,td.sugg,td.msg{white-space:pre-wrap;word-break:break-word}
td.value,td.sugg{min-width:8rem}
td.msg{min-width:16rem}
td.sev{white-space:nowrap}
td.sheet{min-width:4.5rem;overflow-wrap:anywhere}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.neg{color:var(--err);font-weight:600}td.pos{color:#116329;font-weight:600}
tr.total th,tr.total td{font-weight:700;background:var(--bg)}
.ok{color:#116329;font-weight:600}
.note{color:var(--muted)}
.shop{border-top:1px solid var(--border);padding-top:.5rem;margin-top:.75rem}
.shop h4{margin:.4rem 0;font-size:1rem}
.shop h5{margin:.6rem 0 .2rem;font-size:.92rem;color:var(--muted)}
details.schedule{margin:.5rem 0}
details.schedule summary{cursor:pointer;font-weight:600;color:var(--green)}
details.tab,details.mails{margin:.4rem 0}
details.tab>summary,details.mails>summary{cursor:pointer;font-weight:600;padding:.2rem 0}
details.tab>summary .n{font-weight:400;color:var(--muted)}
.month{min-width:0;max-width:100%}
.pictures{color:var(--muted);font-size:.9rem;margin:.25rem 0}
article.mail{border:1px solid var(--border);border-radius:.5rem;padding:.5rem .75rem;margin:.6rem 0;background:#fff}
article.mail .meta{margin:.1rem 0;font-size:.88rem}
pre.mail-text{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--bg);border:1px solid var(--border);border-radius:.3rem;padding:.5rem .6rem;margin:.4rem 0;font:inherit;font-size:.9rem}
.mail-actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.copied{color:#116329;font-size:.88rem}
footer{max-width:82rem;margin:0 auto;padding:0 1.5rem 2rem;color:var(--muted);font-size:.82rem}
`;


const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#067a36"/><path d="M8 17l5 5 11-12" stroke="#fff" stroke-width="4" fill="none"/></svg>',
)}`;

/**
 * The page's script: the client function called at once. `__name` is a no-op for transpilers
 * that wrap functions to keep their names (tsx), so the inlined source never depends on a
 * helper that only exists in the server's module.
 */
export function clientScript(): string {
  return `"use strict";var __name=function(f){return f};(${clientMain.toString()})();`;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function buildPage(opts: PageOptions): Page {
  const { lang } = opts;
  const S = pageStrings(lang);
  // The calendar's colours are the shared style (rules/compute/calendar-style.ts, AA contrast), not overridden here.
  const css = PAGE_CSS + CALENDAR_CSS + CHART_CSS + NARROW_CSS;
  const script = clientScript();
  const maxUploadMb = Math.round((opts.maxUploadBytes / (1024 * 1024)) * 100) / 100;
  const ttlMinutes = Math.max(1, Math.round(opts.ttlMs / 60_000));
  const boot: BootData = {
    lang,
    version: TOOL_VERSION,
    today: opts.today,
    campaign: { 'zh-TW': opts.campaign.config.name, en: opts.campaign.config.nameEn },
    maxUploadBytes: opts.maxUploadBytes,
    maxUploadMb,
    ttlMinutes,
    openLimit: OPEN_LIMIT,
    rates: opts.campaign.config.rates,
    weekdays: { 'zh-TW': [...civil.WEEKDAY_ZH], en: [...civil.WEEKDAY_EN] },
    legend: { 'zh-TW': calendarLegend(opts.campaign.config.rates, 'zh-TW'), en: calendarLegend(opts.campaign.config.rates, 'en') },
    strings: { 'zh-TW': pageStrings('zh-TW'), en: pageStrings('en') },
    tooLarge: errorMessage('tooLarge', { mb: maxUploadMb }),
  };
  const other: Lang = lang === 'en' ? 'zh-TW' : 'en';
  const i18n = (key: keyof typeof PAGE_STRINGS, tag = 'span', attrs = '') => `<${tag}${attrs} data-i18n="${key}">${escapeHtml(S[key])}</${tag}>`;
  const campaignName = lang === 'en' ? opts.campaign.config.nameEn : opts.campaign.config.name;
  const html = `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(S.title)}</title>
<link rel="icon" href="${escapeHtml(ICON)}">
<style>${css}</style>
</head>
<body>
<a class="skip" href="#results" data-i18n="skip">${escapeHtml(S.skip)}</a>
<header class="top">
<div class="brand"><span class="logo" aria-hidden="true">✓</span><div>${i18n('title', 'h1')}${i18n('subtitle', 'p', ' class="sub"')}</div></div>
<button type="button" id="lang-toggle" class="btn lang" lang="${other}" aria-label="${escapeHtml(S.langToggleLabel)}">${escapeHtml(S.langToggle)}</button>
</header>
<main>
<p class="meta" id="meta">${escapeHtml(fill(S.meta, { campaign: campaignName, today: opts.today ?? '' }))}</p>
<section class="upload" aria-labelledby="drop-title">
<div class="drop" id="drop">
${i18n('dropTitle', 'p', ' class="drop-title" id="drop-title"')}
<p>${i18n('dropOr')} <label for="file" class="btn primary" data-i18n="dropPick">${escapeHtml(S.dropPick)}</label></p>
<input type="file" id="file" name="file" multiple accept=".xlsx,.xlsm,.csv,.tsv,.txt,.xls,.xlsb,.ods,.jpg,.jpeg,.png,.webp,.gif" aria-describedby="drop-hint">
<p class="hint" id="drop-hint">${escapeHtml(fill(S.dropHint, { mb: maxUploadMb, ttl: ttlMinutes }))}</p>
</div>
</section>
<div class="toolbar"><div id="status" class="status" role="status" aria-live="polite"></div><button type="button" id="clear" class="btn ghost small" data-i18n="clear" hidden>${escapeHtml(S.clear)}</button></div>
<section id="results" tabindex="-1" aria-label="${escapeHtml(S.results)}">
<div id="overall" aria-live="polite"></div>
<div id="list"></div>
</section>
</main>
<footer><p id="footer-text">${escapeHtml(fill(S.footer, { version: TOOL_VERSION, ttl: ttlMinutes }))}</p></footer>
<script type="application/json" id="boot">${jsonForScript(boot)}</script>
<script>${script}</script>
</body>
</html>
`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(css)}`,
    "img-src data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}
