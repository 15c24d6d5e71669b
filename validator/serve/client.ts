/**
 * The page's script, written as one self-contained function so TypeScript checks it; the server
 * inlines `clientMain.toString()` into the page (a CSP hash allows exactly that script). It must
 * not use anything outside its own body: only the DOM, `fetch`, and the boot data the server
 * put into `<script type="application/json" id="boot">`.
 *
 * Every value that came from a user's file reaches the DOM through `textContent` or
 * `setAttribute` on data-* attributes; the script never assigns HTML.
 */
import type { BootData, CalendarMonthView, CheckResponse, CostRowView, ErrorResponse, JsonViolation, ShopView } from './types.js';

export function clientMain(): void {
  type Lang = 'zh-TW' | 'en';
  type Msg = { 'zh-TW': string; en: string };
  interface Entry {
    readonly key: number;
    readonly file: File;
    readonly section: HTMLElement;
    seq: number;
    busy: boolean;
    result: CheckResponse | null;
    error: Msg | null;
  }

  /** Today in Asia/Taipei (UTC+8, no DST) as YYYY-MM-DD whatever the browser's time zone: the server's check date. */
  const taipeiToday = (epochMs: number): string => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
  const boot = JSON.parse(document.getElementById('boot')!.textContent ?? '{}') as BootData;
  const params = new URLSearchParams(location.search);
  let lang: Lang = params.get('lang') === 'en' ? 'en' : params.get('lang') === 'zh-TW' ? 'zh-TW' : boot.lang;
  const entries: Entry[] = [];
  let nextKey = 1;

  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const input = $<HTMLInputElement>('file');
  const drop = $<HTMLElement>('drop');
  const list = $<HTMLElement>('list');
  const overall = $<HTMLElement>('overall');
  const status = $<HTMLElement>('status');
  const toggle = $<HTMLButtonElement>('lang-toggle');
  const clearBtn = $<HTMLButtonElement>('clear');

  function fill(template: string, data?: Record<string, string | number>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (data && name in data ? String(data[name]) : whole));
  }
  function S(key: string, data?: Record<string, string | number>): string {
    const table = boot.strings[lang];
    return fill(table[key] ?? key, data);
  }

  /** `el('td', { class: 'x', text: 'y', attrs: { 'data-a': 'b' } }, child…)`: text only via textContent. */
  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: { class?: string; text?: string; attrs?: Record<string, string> } = {},
    ...children: (Node | null | undefined | false)[]
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (props.class) node.className = props.class;
    if (props.text !== undefined) node.textContent = props.text;
    if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) node.setAttribute(k, v);
    for (const c of children) if (c) node.appendChild(c);
    return node;
  }

  /** `3 個錯誤` / `1 error`, `3 errors`. */
  function count(n: number, noun: 'file' | 'error' | 'warning' | 'info'): string {
    return S(`count.${noun}${n === 1 ? '' : 's'}`, { n });
  }
  function countsText(c: { errors: number; warnings: number; infos: number }): string {
    return [count(c.errors, 'error'), count(c.warnings, 'warning'), count(c.infos, 'info')].join(S('countsSep'));
  }

  function announce(text: string): void {
    status.textContent = text;
  }

  // ---------------------------------------------------------------- page chrome and language

  function applyChrome(): void {
    document.documentElement.lang = lang;
    document.title = S('title');
    document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
      node.textContent = S(node.getAttribute('data-i18n')!);
    });
    const other: Lang = lang === 'en' ? 'zh-TW' : 'en';
    toggle.textContent = S('langToggle');
    toggle.setAttribute('lang', other);
    toggle.setAttribute('aria-label', S('langToggleLabel'));
    $('meta').textContent = S('meta', { campaign: boot.campaign[lang], today: boot.today ?? taipeiToday(Date.now()) });
    $('drop-hint').textContent = S('dropHint', { mb: boot.maxUploadMb, ttl: boot.ttlMinutes });
    $('footer-text').textContent = S('footer', { version: boot.version, ttl: boot.ttlMinutes });
    $('results').setAttribute('aria-label', S('results'));
    clearBtn.hidden = entries.length === 0;
  }

  toggle.addEventListener('click', () => {
    lang = lang === 'en' ? 'zh-TW' : 'en';
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url.pathname + url.search);
    applyChrome();
    const withFiles = entries.filter((e) => e.result !== null || e.busy || e.error !== null);
    if (withFiles.length > 0) announce(S('recheckLang', { count: withFiles.length }));
    // The report's messages come from the rules in one language: check the files again.
    for (const e of entries) {
      if (e.error && e.result === null && !e.busy && e.file.size > boot.maxUploadBytes) render(e);
      else void check(e);
    }
    renderOverall();
  });

  // ---------------------------------------------------------------- picking and dropping files

  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) addFiles(input.files);
    input.value = '';
  });
  ['dragenter', 'dragover'].forEach((type) =>
    drop.addEventListener(type, (ev) => {
      ev.preventDefault();
      drop.classList.add('over');
    }),
  );
  ['dragleave', 'dragend'].forEach((type) => drop.addEventListener(type, () => drop.classList.remove('over')));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('over');
    const files = (ev as DragEvent).dataTransfer?.files;
    if (files && files.length > 0) addFiles(files);
  });
  // A file dropped next to the zone must not make the browser navigate away from the results.
  window.addEventListener('dragover', (ev) => ev.preventDefault());
  window.addEventListener('drop', (ev) => ev.preventDefault());

  clearBtn.addEventListener('click', () => {
    entries.splice(0, entries.length);
    list.replaceChildren();
    renderOverall();
    applyChrome();
    input.focus();
  });

  function addFiles(files: FileList): void {
    // The newest batch goes on top (in the order it was picked), where the user is looking.
    const anchor = list.firstChild;
    for (const file of Array.from(files)) {
      const key = nextKey++;
      const section = el('section', { class: 'result', attrs: { 'aria-labelledby': `r${key}-title`, 'data-file': file.name } });
      const entry: Entry = { key, file, section, seq: 0, busy: false, result: null, error: null };
      entries.push(entry);
      list.insertBefore(section, anchor);
      if (file.size > boot.maxUploadBytes) {
        entry.error = boot.tooLarge;
        render(entry);
      } else {
        void check(entry);
      }
    }
    applyChrome();
    renderOverall();
  }

  /** The upload API's per-session token (POST /api/session, same origin only). */
  let token: string | null = null;
  async function sessionToken(): Promise<string> {
    if (token === null) {
      const res = await fetch('/api/session', { method: 'POST' });
      const body = (await res.json()) as { token?: string };
      token = typeof body.token === 'string' ? body.token : '';
    }
    return token;
  }

  async function check(entry: Entry): Promise<void> {
    const seq = ++entry.seq;
    entry.busy = true;
    render(entry);
    let result: CheckResponse | null = null;
    let error: Msg | null = null;
    try {
      const send = async () =>
        fetch(`/api/check?lang=${encodeURIComponent(lang)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', 'X-Filename': encodeURIComponent(entry.file.name), 'X-Session': await sessionToken() },
          body: entry.file,
        });
      let res = await send();
      let body = (await res.json().catch(() => null)) as CheckResponse | ErrorResponse | null;
      if (res.status === 403 && body && !body.ok && body.error.code === 'badSession') {
        // The session expired (or the server restarted): get a new one and try once more.
        token = null;
        res = await send();
        body = (await res.json().catch(() => null)) as CheckResponse | ErrorResponse | null;
      }
      if (body && body.ok) result = body;
      else if (body && !body.ok) error = body.error.message;
      else error = { 'zh-TW': `HTTP ${res.status}`, en: `HTTP ${res.status}` };
    } catch {
      error = { 'zh-TW': boot.strings['zh-TW'].networkError!, en: boot.strings.en.networkError! };
    }
    if (seq !== entry.seq || !entries.includes(entry)) return; // a newer check (language toggle) or a removal won
    entry.busy = false;
    entry.result = result;
    entry.error = error;
    render(entry);
    renderOverall();
    if (result && result.unreadable !== null) {
      announce(S('announceUnreadable', { name: entry.file.name }));
    } else if (result) {
      const c = result.report.summary;
      announce(S('announceDone', { name: entry.file.name, counts: countsText(c) }));
    } else {
      announce(S('announceFailed', { name: entry.file.name }));
    }
  }

  // ---------------------------------------------------------------- rendering

  function renderOverall(): void {
    const done = entries.map((e) => e.result).filter((r): r is CheckResponse => r !== null);
    if (done.length === 0) {
      overall.replaceChildren();
      return;
    }
    const sum = { files: entries.length, errors: 0, warnings: 0, infos: 0 };
    for (const r of done) {
      sum.errors += r.report.summary.errors;
      sum.warnings += r.report.summary.warnings;
      sum.infos += r.report.summary.infos;
    }
    overall.replaceChildren(el('p', { class: 'overall', text: S('overall', { files: count(sum.files, 'file'), counts: countsText(sum) }) }));
  }

  function render(entry: Entry): void {
    const { section, file } = entry;
    const title = el('h2', { text: file.name, attrs: { id: `r${entry.key}-title` } });
    const remove = el('button', { class: 'btn ghost small', text: S('remove'), attrs: { type: 'button', 'aria-label': S('removeLabel', { name: file.name }) } });
    remove.addEventListener('click', () => {
      const i = entries.indexOf(entry);
      if (i >= 0) entries.splice(i, 1);
      section.remove();
      renderOverall();
      applyChrome();
      input.focus();
    });
    const head = el('div', { class: 'result-head' }, title, counts(entry), remove);
    section.replaceChildren(head);
    section.setAttribute('aria-busy', entry.busy ? 'true' : 'false');
    if (entry.busy) {
      section.appendChild(el('p', { class: 'busy', text: S('checkingFile', { name: file.name }) }, el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } })));
      return;
    }
    if (entry.error) {
      section.classList.add('failed');
      section.appendChild(el('div', { class: 'alert', attrs: { role: 'alert' } }, el('strong', { text: S('uploadFailed') }), el('p', { text: entry.error[lang] })));
      return;
    }
    if (entry.result) renderResult(section, entry.result);
  }

  function counts(entry: Entry): HTMLElement | null {
    const r = entry.result;
    if (!r || entry.busy) return null;
    const c = r.report.summary;
    const badge = (sev: string, n: number) =>
      el('span', { class: `badge ${sev}${n === 0 ? ' zero' : ''}`, attrs: { 'data-count': sev } }, el('b', { text: String(n) }), document.createTextNode(` ${S(`badge.${sev}${n === 1 ? '' : 's'}`)}`));
    return el('div', { class: 'badges' }, badge('error', c.errors), badge('warning', c.warnings), badge('info', c.infos));
  }

  function renderResult(section: HTMLElement, r: CheckResponse): void {
    section.classList.remove('failed');
    const file = r.report.files[0]!;
    if (r.unreadable !== null) {
      section.appendChild(el('div', { class: 'alert', attrs: { role: 'alert' } }, el('strong', { text: S('unreadable') }), el('p', { class: 'unreadable-reason', text: r.unreadable })));
    } else {
      const sheets = el('ul', { class: 'sheets' });
      for (const sh of file.sheets) {
        const kind = sh.kind ? S(`kind.${sh.kind}`) : '';
        // `報名表：報名表 · …` says the kind twice; name it once when the tab is named like its kind.
        const name = sh.name === kind ? '' : sh.name;
        const text = !sh.kind
          ? S('sheetUnknown', { name: sh.name })
          : sh.headerRow === null
            ? S(name ? 'sheetNoHeader' : 'sheetNoHeaderSame', { name, kind })
            : S(name ? 'sheetLine' : 'sheetLineSame', { name, kind, headerRow: sh.headerRow, rows: sh.rows });
        sheets.appendChild(el('li', { text }));
      }
      section.appendChild(sheets);
    }
    section.appendChild(downloads(r));
    if (r.annotateError) section.appendChild(el('p', { class: 'note', text: S('annotateFailed', { reason: r.annotateError }) }));
    // An unreadable file has one problem, already shown above: no table, no shops.
    if (r.unreadable !== null) return;
    section.appendChild(violationsBlock(file.violations, file.sheets.map((s) => s.name)));
    section.appendChild(shopsBlock(r.shops, r.shopsTotal ?? r.shops.length));
  }

  function downloads(r: CheckResponse): HTMLElement {
    const box = el('div', { class: 'downloads' }, el('span', { class: 'dl-title', text: S('downloads') }));
    const link = (d: CheckResponse['downloads']['json'] | null, label: string, hint: string, cls: string) => {
      if (!d || !/^\/download\/[A-Za-z0-9_-]+$/.test(d.url)) return;
      box.appendChild(el('a', { class: `btn ${cls}`, text: label, attrs: { href: d.url, download: d.name, title: hint, 'data-download': cls } }));
    };
    link(r.downloads.annotated, S('dlAnnotated'), S('dlAnnotatedHint'), 'annotated');
    link(r.downloads.fixed, S('dlFixed'), S('dlFixedHint'), 'fixed');
    link(r.downloads.schedule, S('dlSchedule'), S('dlScheduleHint'), 'schedule');
    link(r.downloads.json, S('dlJson'), S('dlJsonHint'), 'json');
    return box;
  }

  // ---------------------------------------------------------------- violations table

  const SEV_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

  function columnNumber(cell: string | null): number {
    const m = cell ? /^([A-Z]+)/.exec(cell) : null;
    if (!m) return 0;
    let n = 0;
    for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }

  function violationsBlock(violations: readonly JsonViolation[], sheetNames: readonly string[]): HTMLElement {
    const block = el('div', { class: 'block' }, el('h3', { text: S('problems') }));
    if (violations.length === 0) {
      block.appendChild(el('p', { class: 'ok', text: S('noProblems') }));
      return block;
    }
    const uid = `v${Math.random().toString(36).slice(2, 8)}`;
    const sevSelect = el('select', { attrs: { id: `${uid}-sev` } }, el('option', { text: S('filterAll'), attrs: { value: '' } }));
    for (const sev of ['error', 'warning', 'info']) {
      const n = violations.filter((v) => v.severity === sev).length;
      if (n > 0) sevSelect.appendChild(el('option', { text: `${S(`sev.${sev}`)} (${n})`, attrs: { value: sev } }));
    }
    const ruleSelect = el('select', { attrs: { id: `${uid}-rule` } }, el('option', { text: S('filterAll'), attrs: { value: '' } }));
    for (const rule of [...new Set(violations.map((v) => v.ruleId))].sort()) {
      const n = violations.filter((v) => v.ruleId === rule).length;
      ruleSelect.appendChild(el('option', { text: `${rule} (${n})`, attrs: { value: rule } }));
    }
    const shown = el('span', { class: 'shown', attrs: { 'aria-live': 'polite' } });
    const filters = el(
      'div',
      { class: 'filters' },
      el('label', { attrs: { for: `${uid}-sev` }, text: S('filterSeverity') }),
      sevSelect,
      el('label', { attrs: { for: `${uid}-rule` }, text: S('filterRule') }),
      ruleSelect,
      shown,
    );
    block.appendChild(filters);

    const sheetOrder = (name: string | null) => (name === null ? -1 : sheetNames.indexOf(name));
    const collator = new Intl.Collator(lang, { numeric: true });
    const rows = violations.map((v, idx) => {
      const where = v.cell ?? (v.row !== null ? S('row', { row: v.row }) : S('wholeFile'));
      const sugg = v.suggestion ? v.suggestion.value + (v.suggestion.label ? `\n${v.suggestion.label}` : '') : '';
      const tr = el(
        'tr',
        { class: v.severity, attrs: { 'data-severity': v.severity, 'data-rule': v.ruleId, 'data-cell': `${v.sheet ?? ''}!${v.cell ?? ''}` } },
        el('td', { class: 'sheet', text: v.sheet ?? '' }),
        el('td', { class: 'cell', text: where }),
        el('td', { class: 'sev', text: S(`sev.${v.severity}`) }),
        el('td', { class: 'rule', text: v.ruleId }),
        el('td', { class: 'msg', text: v.message }),
        el('td', { class: 'value', text: v.value ?? '' }),
        el('td', { class: 'sugg', text: sugg }),
      );
      return { tr, v, idx, sugg };
    });
    type Row = (typeof rows)[number];
    const compare: Record<string, (a: Row, b: Row) => number> = {
      sheet: (a, b) => sheetOrder(a.v.sheet) - sheetOrder(b.v.sheet),
      cell: (a, b) => sheetOrder(a.v.sheet) - sheetOrder(b.v.sheet) || (a.v.row ?? 0) - (b.v.row ?? 0) || columnNumber(a.v.cell) - columnNumber(b.v.cell),
      severity: (a, b) => SEV_RANK[a.v.severity]! - SEV_RANK[b.v.severity]!,
      rule: (a, b) => collator.compare(a.v.ruleId, b.v.ruleId),
      message: (a, b) => collator.compare(a.v.message, b.v.message),
      value: (a, b) => collator.compare(a.v.value ?? '', b.v.value ?? ''),
      suggestion: (a, b) => collator.compare(a.sugg, b.sugg),
    };
    const columns = ['sheet', 'cell', 'severity', 'rule', 'message', 'value', 'suggestion'];
    const tbody = el('tbody');
    const headRow = el('tr');
    let sortKey = '';
    let sortDir = 1;
    const ths: HTMLTableCellElement[] = [];
    const apply = () => {
      const sorted = [...rows].sort((a, b) => (sortKey ? sortDir * compare[sortKey]!(a, b) : 0) || a.idx - b.idx);
      for (const row of sorted) tbody.appendChild(row.tr);
      let n = 0;
      for (const row of rows) {
        const ok = (!sevSelect.value || row.v.severity === sevSelect.value) && (!ruleSelect.value || row.v.ruleId === ruleSelect.value);
        row.tr.hidden = !ok;
        if (ok) n++;
      }
      shown.textContent = S('shown', { shown: n, total: rows.length });
      ths.forEach((th) => {
        const key = th.getAttribute('data-sort')!;
        if (key === sortKey) th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
        th.querySelector('.arrow')!.textContent = key === sortKey ? (sortDir > 0 ? '▲' : '▼') : '↕';
      });
    };
    for (const key of columns) {
      const button = el('button', { class: 'sort', attrs: { type: 'button' } }, document.createTextNode(S(`col.${key}`)), el('span', { class: 'arrow', attrs: { 'aria-hidden': 'true' } }));
      const th = el('th', { attrs: { scope: 'col', 'data-sort': key } }, button);
      button.addEventListener('click', () => {
        if (sortKey === key) sortDir = -sortDir;
        else {
          sortKey = key;
          sortDir = 1;
        }
        apply();
      });
      ths.push(th);
      headRow.appendChild(th);
    }
    sevSelect.addEventListener('change', apply);
    ruleSelect.addEventListener('change', apply);
    const table = el('table', { class: 'list violations' }, el('caption', { class: 'sr-only', text: `${S('problems')} · ${S('sortHint')}` }), el('thead', {}, headRow), tbody);
    block.appendChild(el('div', { class: 'scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': S('problems') } }, table));
    apply();
    return block;
  }

  // ---------------------------------------------------------------- shops: calendar, cost, schedule

  function shopsBlock(shops: readonly ShopView[], total: number): HTMLElement {
    const block = el('div', { class: 'block' }, el('h3', { text: `${S('shops')} (${total})` }));
    if (shops.length === 0) {
      block.appendChild(el('p', { class: 'note', text: S('noShops') }));
      return block;
    }
    if (total > shops.length) block.appendChild(el('p', { class: 'note', text: S('shopsOmitted', { total, shown: shops.length }) }));
    // The shared colour key (rules' calendarLegend, sent in the boot data).
    const legend = el('p', { class: 'legend' });
    for (const e of boot.legend[lang]) {
      legend.appendChild(e.bg ? el('span', { class: 'key' }, el('span', { class: `swatch ${e.key}` }), document.createTextNode(e.text)) : el('span', { class: 'key off', text: e.text }));
    }
    block.appendChild(legend);
    for (const shop of shops) {
      const brand = shop.brandName ? (lang === 'en' ? ` (${shop.brandName})` : `（${shop.brandName}）`) : '';
      const art = el(
        'article',
        { class: 'shop', attrs: { 'data-shop': shop.shopId } },
        el('h4', { text: `${shop.shopId}${brand} · ${shop.plan}` }, el('small', { class: 'meta', text: ` ${S('shopWhere', { sheet: shop.sheet, row: shop.row })}` })),
      );
      art.appendChild(el('h5', { text: S('calendar') }));
      const months = el('div', { class: 'months' });
      for (const m of shop.months) months.appendChild(calendarTable(m));
      art.appendChild(months);
      art.appendChild(el('h5', { text: S('cost') }));
      art.appendChild(costTable(shop));
      art.appendChild(scheduleDetails(shop));
      block.appendChild(art);
    }
    return block;
  }

  function calendarTable(m: CalendarMonthView): HTMLElement {
    const head = el('tr');
    for (const w of boot.weekdays[lang]) head.appendChild(el('th', { text: w, attrs: { scope: 'col' } }));
    const body = el('tbody');
    for (const week of m.weeks) {
      const tr = el('tr');
      for (const d of week) {
        if (!d) {
          tr.appendChild(el('td', { class: 'pad' }));
          continue;
        }
        tr.appendChild(
          el(
            'td',
            { class: d.cls, attrs: { 'data-date': d.date, 'data-rate': String(d.rate) } },
            el('span', { class: 'd', text: d.dayText }),
            el('span', { class: 'lbl', text: d.label }),
            d.holiday !== null ? el('span', { class: 'hol', text: d.holiday }) : null,
          ),
        );
      }
      body.appendChild(tr);
    }
    return el('table', { class: 'cal', attrs: { 'data-month': m.month } }, el('caption', { text: m.title }), el('thead', {}, head), body);
  }

  function costTable(shop: ShopView): HTMLElement {
    const box = el('div', { class: 'cost' });
    const c = shop.costs;
    if (!c || (c.rows.length === 0 && c.notes.length === 0)) {
      box.appendChild(el('p', { class: 'note', text: S('noCost') }));
      return box;
    }
    if (c.rows.length > 0) {
      const keys: (keyof CostRowView)[] = ['month', 'gmv', 'cpsNow', 'cpsPartner', 'increase', 'points', 'saving', 'net'];
      const head = el('tr');
      for (const k of keys) head.appendChild(el('th', { text: S(`cost.col.${k}`), attrs: { scope: 'col' } }));
      const body = el('tbody');
      const addRow = (row: CostRowView, total: boolean) => {
        const tr = el('tr', { class: total ? 'total' : '' });
        keys.forEach((k, i) => {
          const text = String(row[k]);
          if (i === 0) tr.appendChild(el('th', { text, attrs: { scope: 'row' } }));
          else tr.appendChild(el('td', { class: `num${k === 'net' ? (row.negative ? ' neg' : ' pos') : ''}`, text }));
        });
        body.appendChild(tr);
      };
      for (const row of c.rows) addRow(row, false);
      if (c.total) addRow(c.total, true);
      box.appendChild(el('div', { class: 'scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': `${shop.shopId} ${S('cost')}` } }, el('table', { class: 'list costs' }, el('thead', {}, head), body)));
    }
    for (const n of c.notes) box.appendChild(el('p', { class: 'note', text: n }));
    box.appendChild(el('p', { class: 'meta small', text: S('costNote') }));
    return box;
  }

  function scheduleDetails(shop: ShopView): HTMLElement {
    const det = el('details', { class: 'schedule' }, el('summary', { text: S('schedule', { count: shop.schedule.contracts.length }) }));
    if (shop.schedule.contracts.length > 0) {
      const keys = ['start', 'end', 'remark', 'rate', 'deadline'];
      const head = el('tr');
      for (const k of keys) head.appendChild(el('th', { text: S(`sched.col.${k}`), attrs: { scope: 'col' } }));
      const body = el('tbody');
      for (const c of shop.schedule.contracts) {
        body.appendChild(el('tr', {}, el('td', { text: c.start }), el('td', { text: c.end }), el('td', { text: c.remark }), el('td', { class: 'num', text: `${c.rate}%` }), el('td', { text: c.submitBy ?? '—' })));
      }
      det.appendChild(el('div', { class: 'scroll' }, el('table', { class: 'list' }, el('thead', {}, head), body)));
    }
    if (shop.schedule.problems.length > 0) {
      const ul = el('ul', { class: 'note' });
      for (const p of shop.schedule.problems) ul.appendChild(el('li', { text: p }));
      det.appendChild(el('p', { class: 'note', text: S('schedProblems') }));
      det.appendChild(ul);
    }
    return det;
  }

  applyChrome();
}
