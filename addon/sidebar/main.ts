/**
 * The sidebar: summary counts (which double as severity filters), the tabs with the sheet kind
 * each was recognised as, the violations grouped by tab (each a button that moves the cursor to
 * its cell, with a one-click suggestion where the rules computed one), the ring-data request
 * e-mails, the rebate calendar preview of a shop, the cost panel, and the sheet builders.
 * Everything from a sheet is put into the page as text (dom.ts), never parsed as HTML.
 */
import { api, type AddonReport, type CalendarView, type CostsView, type DeadlineSheetResult, type LiveStatus, type ProtectedSkip, type RingMailView } from './api.js';
import { append, byId, clear, el } from './dom.js';
import { WEEKDAYS, monthShort, monthTitle, t, type Key, type Lang } from './i18n.js';
import { calendarCss } from '../../rules/compute/calendar-style.js';

type Violation = AddonReport['violations'][number];
type Severity = Violation['severity'];

const PAGE = 200;

const state = {
  lang: 'zh-TW' as Lang,
  report: null as AddonReport | null,
  show: { error: true, warning: true, info: true } as Record<Severity, boolean>,
  limit: PAGE,
  shop: '',
  costs: null as CostsView | null,
  busy: 0,
  live: { enabled: false, seq: 0 },
  poll: 0 as number,
};

/** How often the open sidebar asks whether a live check ran (google.script.run, one property read). */
const POLL_MS = 5000;

function tr(key: Key, data?: Record<string, string | number>): string {
  return t(state.lang, key, data);
}

function setStatus(text: string, bad = false): void {
  const s = byId('status');
  s.textContent = text;
  s.classList.toggle('bad', bad);
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Runs a server call with the page marked busy and its buttons disabled. */
async function busy<T>(label: string, job: () => Promise<T>): Promise<T | undefined> {
  state.busy++;
  byId('main').setAttribute('aria-busy', 'true');
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-action]'))) b.disabled = true;
  setStatus(label);
  try {
    return await job();
  } catch (e) {
    setStatus(tr('failed', { message: errorText(e) }), true);
    return undefined;
  } finally {
    state.busy--;
    if (state.busy === 0) {
      byId('main').removeAttribute('aria-busy');
      for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-action]'))) b.disabled = false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Static texts

function applyLanguage(): void {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-Hant-TW';
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    node.textContent = tr(node.dataset.i18n as Key);
  }
  document.title = tr('title');
  const toggle = byId<HTMLButtonElement>('lang-toggle');
  toggle.textContent = tr('langToggle');
  toggle.setAttribute('aria-label', tr('langToggleLabel'));
  toggle.lang = state.lang === 'en' ? 'zh-Hant-TW' : 'en';
}

// ---------------------------------------------------------------------------------------------
// Report

function renderReport(): void {
  const r = state.report;
  for (const sev of ['error', 'warning', 'info'] as const) {
    const btn = byId(`count-${sev}`);
    const n = r ? r.counts[sev === 'error' ? 'errors' : sev === 'warning' ? 'warnings' : 'infos'] : null;
    btn.querySelector('.n')!.textContent = n === null ? '–' : String(n);
    btn.setAttribute('aria-pressed', String(state.show[sev]));
  }
  renderTabs();
  renderIssues();
  renderRingMails();
  renderShops();
  renderSkipped(r ? r.meta.marks.protected : [], r ? r.meta.nonGridTabs : []);
}

/** Protected ranges left unmarked, and tabs without cells left unchecked. */
function renderSkipped(ranges: readonly ProtectedSkip[], nonGrid: readonly string[]): void {
  const box = byId('skipped');
  clear(box);
  if (ranges.length > 0) {
    const ul = el('ul');
    for (const p of ranges) append(ul, el('li', {}, p.range === null ? tr('protectedSheet', { sheet: p.sheet, cells: p.cells }) : tr('protectedRange', { sheet: p.sheet, range: p.range, cells: p.cells })));
    append(box, el('p', {}, tr('protectedSkipped')), ul);
  }
  if (nonGrid.length > 0) append(box, el('p', { className: 'hint' }, tr('nonGrid', { tabs: nonGrid.join('、') })));
}

// ---------------------------------------------------------------------------------------------
// Tabs: what each tab was recognised as, its rows and issues, and its pictures left unchecked

/** Picture counts per tab from the `asset/not-checked` infos (the add-on never has the files at hand). */
function picturesNotChecked(r: AddonReport): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of r.violations) {
    if (v.ruleId !== 'asset/not-checked' || v.sheet === null) continue;
    const n = Number(v.data['count']);
    out.set(v.sheet, (out.get(v.sheet) ?? 0) + (Number.isFinite(n) ? n : 0));
  }
  return out;
}

function renderTabs(): void {
  const box = byId('tabs');
  clear(box);
  const r = state.report;
  const hint = byId('pictures-hint');
  hint.hidden = true;
  if (!r) return;
  const issues = new Map<string, number>();
  for (const v of r.violations) if (v.sheet !== null && v.ruleId !== 'asset/not-checked') issues.set(v.sheet, (issues.get(v.sheet) ?? 0) + 1);
  const pictures = picturesNotChecked(r);
  for (const s of r.sheets) {
    const kind = s.kind === null ? null : r.meta.kindTitles[s.kind];
    const read = kind === null ? null : tr('tabKind', { kind });
    const what = read === null ? tr('tabUnknown') : s.headerRow === null ? `${read} · ${tr('tabNoHeader')}` : read;
    const facts: string[] = [];
    if (s.headerRow !== null) facts.push(s.rows === 1 ? tr('tabRow1') : tr('tabRows', { rows: s.rows }));
    const n = issues.get(s.name) ?? 0;
    if (n > 0) facts.push(n === 1 ? tr('tabIssue1') : tr('tabIssues', { n }));
    const pics = pictures.get(s.name) ?? 0;
    append(
      box,
      el(
        'li',
        { className: kind === null ? 'tab unknown' : 'tab', 'data-kind': s.kind ?? 'unknown' },
        el('span', { className: 'tab-name' }, s.name),
        el('span', { className: 'tab-kind' }, what),
        facts.length > 0 ? el('span', { className: 'tab-facts' }, facts.join(' · ')) : null,
        pics > 0 ? el('span', { className: 'tab-pictures' }, pics === 1 ? tr('picture1NotChecked') : tr('picturesNotChecked', { count: pics })) : null,
      ),
    );
  }
  hint.hidden = pictures.size === 0;
}

// ---------------------------------------------------------------------------------------------
// Ring-data request e-mails (SPEC §6): text with a copy button, and a mailto: link

/** The e-mail as text: the subject, a blank line, the deck's six body lines. */
function ringMailText(m: RingMailView): string {
  return `${m.subject}\n\n${m.lines.join('\n')}`;
}

/**
 * Copies the text of a textarea. Apps Script serves the sidebar in a sandboxed iframe whose
 * permissions policy may refuse the asynchronous clipboard, so the fallback selects the text
 * (and tries the older copy command): the user can always press Ctrl+C.
 */
async function copyFrom(area: HTMLTextAreaElement): Promise<'copied' | 'selected'> {
  const text = area.value;
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Refused (permissions policy, no focus): fall back to selecting.
  }
  area.focus();
  area.select();
  area.setSelectionRange(0, text.length);
  try {
    if (document.execCommand('copy')) return 'copied';
  } catch {
    // Not supported: the selection stays for the user to copy.
  }
  return 'selected';
}

/** `2026-05-07` → `5/7 (Thu)`: the English twin of the rules' `5/7(四)` (a civil date: no time zone involved). */
function dayLabelEn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const monday0 = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${m}/${d} (${WEEKDAYS.en[monday0]})`;
}

function ringMailItem(m: RingMailView, i: number): HTMLElement {
  const id = `ring-mail-${i}`;
  const area = el('textarea', { id, className: 'mail-text', readonly: true, rows: m.lines.length + 2, spellcheck: 'false', 'aria-label': tr('ringMailText', { shop: m.shopId }) }, ringMailText(m));
  const result = el('p', { className: 'hint copy-result', role: 'status' });
  const copy = el('button', { type: 'button', className: 'copy', 'aria-label': tr('copyLabel', { shop: m.shopId, date: m.sendDate }) }, tr('copy'));
  copy.addEventListener('click', () => {
    void copyFrom(area).then((how) => {
      result.textContent = tr(how === 'copied' ? 'copied' : 'copySelected');
    });
  });
  // target=_blank: the sidebar's sandboxed iframe must not navigate itself to the mail app.
  const open = el('a', { className: 'mailto', href: m.mailto, target: '_blank', rel: 'noopener', 'aria-label': tr('openMailLabel', { shop: m.shopId, date: m.sendDate }) }, tr('openMail'));
  return el(
    'article',
    { className: 'mail', 'data-sheet': m.sheet, 'data-row': m.row },
    el('h3', {}, tr('ringMailTitle', { shop: m.shopId, date: m.sendDate, time: m.sendTime, sheet: m.sheet, row: m.row })),
    el('p', { className: 'hint' }, tr('ringMailTo', { to: m.to })),
    m.sendByLabel && m.sendBy ? el('p', { className: 'hint send-by' }, tr('ringMailSendBy', { label: state.lang === 'en' ? dayLabelEn(m.sendBy) : m.sendByLabel })) : null,
    area,
    el('div', { className: 'actions' }, copy, open),
    result,
  );
}

function renderRingMails(): void {
  const card = byId('ring-mails-card');
  const box = byId('ring-mails');
  clear(box);
  const rm = state.report?.meta.ringMails;
  const mails = rm?.mails ?? [];
  const skipped = rm?.skipped ?? [];
  card.hidden = mails.length === 0 && skipped.length === 0;
  mails.forEach((m, i) => append(box, ringMailItem(m, i)));
  if (skipped.length > 0) {
    const ul = el('ul', { className: 'mail-skipped' });
    for (const s of skipped) {
      append(
        ul,
        el(
          'li',
          {},
          tr('ringMailSkipped', { sheet: s.sheet, row: s.row, shop: s.shopId ?? '' }),
          el('span', { className: 'reasons' }, s.reasons.map((x) => x.message).join(' ')),
        ),
      );
    }
    append(box, ul);
  }
}

// ---------------------------------------------------------------------------------------------
// 自動檢查: the switch, and polling for live runs while the sidebar is open

function showLive(s: LiveStatus): void {
  state.live.enabled = s.enabled;
  byId<HTMLInputElement>('live-toggle').checked = s.enabled;
  if (s.last) state.live.seq = Math.max(state.live.seq, s.last.seq);
  if (state.poll) window.clearInterval(state.poll);
  state.poll = s.enabled ? window.setInterval(() => void poll(), POLL_MS) : 0;
}

async function poll(): Promise<void> {
  if (state.busy > 0 || document.hidden) return;
  let s: LiveStatus;
  try {
    s = await api.getLiveStatus();
  } catch {
    return;
  }
  const last = s.last;
  if (!s.enabled) {
    showLive(s);
    return;
  }
  if (!last || last.seq <= state.live.seq) return;
  state.live.seq = last.seq;
  if (last.skipped) {
    setStatus(tr(last.skipped === 'busy' ? 'liveBusy' : 'liveBudget'), true);
    return;
  }
  // Reload the list (the marks are already up to date): a quiet check of the workbook.
  state.report = await api.checkWorkbook();
  renderReport();
  setStatus(tr('liveUpdated', { time: last.at.slice(11, 16), sheet: last.sheet }));
}

function sevLabel(sev: Severity): string {
  return tr(sev === 'error' ? 'sevError' : sev === 'warning' ? 'sevWarning' : 'sevInfo');
}

/** Where a violation points: its cell, else its row, else nothing. */
function target(v: Violation): string | null {
  if (v.cell) return v.cell;
  if (v.row !== null) return `${v.row}:${v.row}`;
  return null;
}

function renderIssues(): void {
  const box = byId('issues');
  clear(box);
  const r = state.report;
  if (!r) return;
  if (r.violations.length === 0) {
    append(box, el('p', { className: 'empty' }, tr('noIssues')));
    return;
  }
  const visible = r.violations.filter((v) => state.show[v.severity]);
  if (visible.length === 0) {
    append(box, el('p', { className: 'empty' }, tr('noneShown')));
    return;
  }
  const groups = new Map<string, Violation[]>();
  for (const v of visible) {
    const k = v.sheet ?? '';
    const list = groups.get(k);
    if (list) list.push(v);
    else groups.set(k, [v]);
  }
  let shown = 0;
  for (const [sheet, list] of groups) {
    if (shown >= state.limit) break;
    const ul = el('ul', { className: 'list' });
    for (const v of list) {
      if (shown >= state.limit) break;
      append(ul, issueItem(v));
      shown++;
    }
    append(
      box,
      el('details', { className: 'group', open: true }, el('summary', {}, el('h3', {}, sheet || tr('fileLevel')), el('span', { className: 'badge' }, String(list.length))), ul),
    );
  }
  if (shown < visible.length) {
    const more = el('button', { type: 'button', className: 'more' }, tr('showMore', { n: Math.min(PAGE, visible.length - shown) }));
    more.addEventListener('click', () => {
      state.limit += PAGE;
      renderIssues();
    });
    append(box, more);
  }
}

function issueItem(v: Violation): HTMLLIElement {
  const where = target(v);
  const meta = el(
    'span',
    { className: 'meta' },
    el('span', { className: 'sev' }, sevLabel(v.severity)),
    v.cell ? el('span', { className: 'cell' }, v.cell) : v.row !== null ? el('span', { className: 'cell' }, tr('row', { row: v.row })) : null,
    v.column ? el('span', { className: 'col' }, v.column) : null,
  );
  const body: Node[] = [meta, el('span', { className: 'msg' }, v.message)];
  const li = el('li', { className: `item ${v.severity}` });
  if (v.sheet && where) {
    const go = el('button', { type: 'button', className: 'goto', title: tr('gotoCell', { sheet: v.sheet, cell: where }) }, ...body);
    const sheet = v.sheet;
    go.addEventListener('click', () => {
      void api.selectCell(sheet, where).then(
        (ok) => {
          if (!ok) setStatus(tr('selectFailed', { sheet }), true);
        },
        (e) => setStatus(tr('failed', { message: errorText(e) }), true),
      );
    });
    append(li, go);
  } else {
    append(li, el('div', { className: 'static' }, ...body));
  }
  if (v.suggestion && v.sheet && v.cell) {
    const { value } = v.suggestion;
    const sheet = v.sheet;
    const cell = v.cell;
    const apply = el(
      'button',
      { type: 'button', className: 'apply', 'data-action': 'apply', 'aria-label': tr('applyLabel', { cell, value }), title: v.suggestion.label ?? null },
      tr('apply', { value }),
    );
    apply.addEventListener('click', () => {
      void busy(tr('working'), async () => {
        const res = await api.applySuggestion(sheet, cell, value, v.value);
        state.report = res.report;
        renderReport();
        setStatus(tr(res.applied ? 'applied' : 'notApplied'), !res.applied);
      });
    });
    append(li, apply);
  }
  return li;
}

// ---------------------------------------------------------------------------------------------
// Calendar preview

function renderShops(): void {
  const select = byId<HTMLSelectElement>('shop-select');
  const shops = state.report?.meta.shops ?? [];
  const keep = shops.some((s) => s.shopId === state.shop) ? state.shop : (shops[0]?.shopId ?? '');
  clear(select);
  for (const s of shops) append(select, el('option', { value: s.shopId }, s.shopId));
  select.disabled = shops.length === 0;
  if (shops.length === 0) {
    state.shop = '';
    const cal = byId('calendar');
    clear(cal);
    append(cal, el('p', { className: 'empty' }, tr('noShops')));
    return;
  }
  select.value = keep;
  if (keep !== state.shop || byId('calendar').childElementCount === 0) {
    state.shop = keep;
    void loadCalendar();
  }
}

async function loadCalendar(): Promise<void> {
  const shop = state.shop;
  if (!shop) return;
  try {
    const view = await api.getCalendar(shop);
    if (state.shop === shop) renderCalendar(view);
  } catch (e) {
    setStatus(tr('failed', { message: errorText(e) }), true);
  }
}

function reasonText(reason: string): string {
  return tr(reason === 'chosen' ? 'chosen' : reason === 'friday' ? 'friday' : 'daily');
}

function renderCalendar(view: CalendarView): void {
  const box = byId('calendar');
  clear(box);
  for (const month of view.months) {
    // Weekday headers are never red: red is for days off only (the shared calendar style).
    const head = el('tr', {}, ...WEEKDAYS[state.lang].map((d) => el('th', { scope: 'col' }, d)));
    const body = el('tbody');
    for (const week of month.weeks) {
      const tr_ = el('tr');
      for (const d of week) {
        if (!d) {
          append(tr_, el('td'));
          continue;
        }
        // The holiday's name in the sidebar's language (rules/data/holiday-names-en.ts).
        const holiday = state.lang === 'en' ? (d.holidayEn ?? d.holiday) : d.holiday;
        const described = [d.date, `${d.rate}%`, reasonText(d.reason), holiday ?? '', d.workingDay === false ? tr('dayOff') : ''].filter(Boolean).join(' · ');
        append(
          tr_,
          el(
            'td',
            { className: d.cls, title: described, 'data-date': d.date },
            el('span', { className: 'd', 'aria-hidden': 'true' }, String(d.d)),
            el('span', { className: 'r', 'aria-hidden': 'true' }, `${d.rate}%`),
            holiday ? el('span', { className: 'hol', 'aria-hidden': 'true' }, holiday) : null,
            el('span', { className: 'sr-only' }, described),
          ),
        );
      }
      append(body, tr_);
    }
    append(box, el('table', { className: 'cal' }, el('caption', {}, `${view.shopId} · ${monthTitle(state.lang, month.month)}`), el('thead', {}, head), body));
  }
  // The colour key, as every calendar output shows it (rules/compute/calendar-style.ts, sent by the server).
  const legend = el('ul', { className: 'legend' });
  for (const entry of view.legend) {
    append(legend, el('li', { className: entry.bg ? null : 'off' }, entry.bg ? el('span', { className: `swatch ${entry.key}` }) : null, entry.text));
  }
  append(box, legend);
}

// ---------------------------------------------------------------------------------------------
// Costs

function renderCosts(): void {
  const box = byId('costs');
  clear(box);
  const view = state.costs;
  if (!view) return;
  if (view.shops.length === 0) {
    append(box, el('p', { className: 'empty' }, tr('noShops')));
    return;
  }
  const wrap = el('div', { className: 'cost' });
  for (const shop of view.shops) {
    const rows = [...shop.months, ...(shop.total ? [shop.total] : [])];
    const body = el('tbody');
    rows.forEach((m, i) => {
      const isTotal = shop.total !== null && i === rows.length - 1;
      const label = isTotal ? m.month : monthShort(state.lang, m.month);
      if (m.net === null) {
        append(body, el('tr', {}, el('th', { scope: 'row', title: m.month }, label), el('td', { colspan: 3, className: 'missing' }, tr('costMissing', { fields: m.missing.join('、') }))));
        return;
      }
      append(
        body,
        el(
          'tr',
          { className: isTotal ? 'total' : null },
          el('th', { scope: 'row', title: isTotal ? null : m.month }, label),
          el('td', {}, m.cpsIncrease ?? ''),
          el('td', {}, m.saving ?? ''),
          el('td', { className: m.netSign === null ? null : m.netSign < 0 ? 'neg' : 'pos' }, m.net),
        ),
      );
    });
    append(
      wrap,
      el('h3', {}, shop.shopId),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, tr('costMonth')), el('th', { scope: 'col' }, tr('costIncrease')), el('th', { scope: 'col' }, tr('costSaving')), el('th', { scope: 'col' }, tr('costNet')))),
        body,
      ),
    );
  }
  append(wrap, el('p', { className: 'hint' }, tr('costNote', { fee: view.adPointsFee })));
  append(box, wrap);
}

// ---------------------------------------------------------------------------------------------
// Actions

async function check(): Promise<void> {
  await busy(tr('checking'), async () => {
    const report = await api.checkWorkbook();
    state.report = report;
    state.limit = PAGE;
    renderReport();
    setStatus(checkedStatus());
  });
}

function checkedStatus(): string {
  const r = state.report;
  if (!r) return '';
  const time = r.meta.checkedAt.slice(11, 16);
  return tr('checkedAt', { time, marked: r.meta.marks.marked }) + (r.meta.marks.truncated > 0 ? tr('truncated', { n: r.meta.marks.truncated }) : '');
}

function on(id: string, handler: () => void): void {
  const node = byId(id);
  node.setAttribute('data-action', id);
  node.addEventListener('click', handler);
}

function wire(): void {
  // The skip link moves focus itself: the sidebar lives in an iframe, and a plain #fragment link
  // must not navigate anything.
  const skip = document.querySelector<HTMLAnchorElement>('a.skip');
  skip?.addEventListener('click', (e) => {
    e.preventDefault();
    byId('issues-heading').focus();
  });
  on('recheck', () => void check());
  byId<HTMLInputElement>('live-toggle').addEventListener('change', (e) => {
    const on = (e.target as HTMLInputElement).checked;
    void busy(tr('working'), async () => showLive(await api.setLiveCheck(on)));
  });
  on('clear-marks', () =>
    void busy(tr('working'), async () => {
      const r = await api.clearMarks();
      setStatus(tr('cleared', { n: r.cleared }));
      renderSkipped(r.protected, state.report ? state.report.meta.nonGridTabs : []);
    }),
  );
  on('lang-toggle', () =>
    void busy(tr('working'), async () => {
      const next: Lang = state.lang === 'en' ? 'zh-TW' : 'en';
      const r = await api.setLanguage(next);
      state.lang = r.lang;
      applyLanguage();
      renderReport();
      if (state.shop) void loadCalendar();
      // Rule messages and cell notes are rendered on the server: check again in the new language.
      state.report = await api.checkWorkbook();
      renderReport();
      if (state.costs) {
        state.costs = await api.getCosts();
        renderCosts();
      }
      setStatus(checkedStatus());
    }),
  );
  for (const sev of ['error', 'warning', 'info'] as const) {
    byId(`count-${sev}`).addEventListener('click', () => {
      state.show[sev] = !state.show[sev];
      state.limit = PAGE;
      renderReport();
    });
  }
  byId<HTMLSelectElement>('shop-select').addEventListener('change', (e) => {
    state.shop = (e.target as HTMLSelectElement).value;
    void loadCalendar();
  });
  on('run-costs', () =>
    void busy(tr('working'), async () => {
      state.costs = await api.getCosts();
      renderCosts();
      setStatus(checkedStatus());
    }),
  );
  const none = () => tr('none');
  on('tool-templates', () =>
    void busy(tr('working'), async () => {
      const r = await api.insertTemplates();
      setStatus(tr('templates', { created: r.created.join('、') || none(), skipped: r.skipped.join('、') || none() }));
    }),
  );
  const builder = (id: string, run: () => Promise<{ sheet: string; rows: number }>) =>
    on(id, () =>
      void busy(tr('working'), async () => {
        const r = await run();
        setStatus(tr('built', { sheet: r.sheet, rows: r.rows }));
      }),
    );
  builder('tool-calendar', api.buildCalendarSheet);
  builder('tool-schedule', api.buildScheduleSheet);
  builder('tool-costs', api.estimateCosts);
  // 期限清單: buildDeadlineSheet writes the tab (addon/server/); its failures get their own words.
  on('tool-deadlines', () =>
    void busy(tr('working'), async () => {
      let r: DeadlineSheetResult | null | undefined;
      try {
        r = await api.buildDeadlineSheet();
      } catch (e) {
        setStatus(tr('deadlinesFailed', { message: errorText(e) }), true);
        return;
      }
      const sheet = r && typeof r.sheet === 'string' ? r.sheet : null;
      const rows = r && typeof r.rows === 'number' ? r.rows : null;
      setStatus(sheet !== null && rows !== null ? tr('deadlinesBuilt', { sheet, rows }) : tr('deadlinesBuiltPlain'));
    }),
  );
}

async function start(): Promise<void> {
  // The calendar's colours come from the one shared style, not from sidebar.css.
  append(document.head, el('style', { id: 'calendar-style' }, calendarCss()));
  wire();
  try {
    const s = await api.getSettings();
    state.lang = s.lang === 'en' ? 'en' : 'zh-TW';
  } catch {
    state.lang = 'zh-TW';
  }
  applyLanguage();
  await check();
  try {
    showLive(await api.getLiveStatus());
  } catch {
    // Without the status the switch stays off; checking by hand still works.
  }
}

void start();
