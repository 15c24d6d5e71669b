/**
 * The page's script, written as one self-contained function so TypeScript checks it; the server
 * inlines `clientMain.toString()` into the page (a CSP hash allows exactly that script). It must
 * not use anything outside its own body: only the DOM, `fetch`, and the boot data the server
 * put into `<script type="application/json" id="boot">`.
 *
 * Every value that came from a user's file reaches the DOM through `textContent` or
 * `setAttribute` on data-* attributes; the script never assigns HTML.
 */
import type { BarChartLayout, RateMonthLayout } from '../format/chart.js';
import type { BootData, CalendarMonthView, CheckResponse, CostRowView, ErrorResponse, JsonViolation, RingMailView, ShopView } from './types.js';

export function clientMain(): void {
  type Lang = 'zh-TW' | 'en';
  type Msg = { 'zh-TW': string; en: string };
  interface Entry {
    readonly key: number;
    readonly file: File;
    /** Pictures picked or dropped together with the file (sent along, matched by name). */
    readonly pictures: readonly File[];
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
  /** The check date of the latest answer (the server's, Asia/Taipei), else the one the page was served with. */
  let checkDate: string = boot.today ?? taipeiToday(Date.now());
  /** Files the sheets may name as pictures (SPEC §4.9): sent along with the workbooks, never checked alone. */
  const PICTURE = /\.(jpe?g|png|webp|gif)$/i;
  const MAX_PICTURES = 40;
  const SVG_NS = 'http://www.w3.org/2000/svg';

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
    $('meta').textContent = S('meta', { campaign: boot.campaign[lang], today: checkDate });
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
    const all = Array.from(files);
    // Pictures go along with every workbook of the same pick or drop (matched by name, like --assets).
    const pictures = all.filter((f) => PICTURE.test(f.name) && f.size <= boot.maxUploadBytes).slice(0, MAX_PICTURES);
    const books = all.filter((f) => !PICTURE.test(f.name));
    if (books.length === 0) {
      announce(S('picturesAlone'));
      return;
    }
    // The newest batch goes on top (in the order it was picked), where the user is looking.
    const anchor = list.firstChild;
    for (const file of books) {
      const key = nextKey++;
      const section = el('section', { class: 'result', attrs: { 'aria-labelledby': `r${key}-title`, 'data-file': file.name } });
      const entry: Entry = { key, file, pictures, section, seq: 0, busy: false, result: null, error: null };
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
      // The body is the file, then the pictures in order; X-Pictures names them with their sizes.
      const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'X-Filename': encodeURIComponent(entry.file.name) };
      if (entry.pictures.length > 0) headers['X-Pictures'] = encodeURIComponent(JSON.stringify(entry.pictures.map((p) => [p.name, p.size])));
      const payload = entry.pictures.length > 0 ? new Blob([entry.file, ...entry.pictures]) : entry.file;
      const send = async () =>
        fetch(`/api/check?lang=${encodeURIComponent(lang)}`, {
          method: 'POST',
          headers: { ...headers, 'X-Session': await sessionToken() },
          body: payload,
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
    if (result && /^\d{4}-\d{2}-\d{2}$/.test(result.today)) {
      checkDate = result.today;
      applyChrome();
    }
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
      // Pictures the sheets name but that were not sent along: say how to have them checked here.
      if (r.pictures.sent === 0 && file.violations.some((v) => v.ruleId === 'asset/not-checked')) section.appendChild(el('p', { class: 'pictures hint-pictures', text: S('picturesAlone') }));
      if (r.pictures.sent > 0) {
        const used = r.pictures.used.join(lang === 'en' ? ', ' : '、');
        section.appendChild(el('p', { class: 'pictures', text: r.pictures.used.length > 0 ? S('pictures', { sent: r.pictures.sent, used }) : S('picturesNone', { sent: r.pictures.sent }) }));
      }
    }
    section.appendChild(downloads(r));
    if (r.annotateError) section.appendChild(el('p', { class: 'note', text: S('annotateFailed', { reason: r.annotateError }) }));
    // An unreadable file has one problem, already shown above: no table, no shops.
    if (r.unreadable !== null) return;
    const charts = chartsBlock(r);
    if (charts) section.appendChild(charts);
    section.appendChild(violationsBlock(file.violations));
    const ring = ringBlock(r);
    if (ring) section.appendChild(ring);
    section.appendChild(shopsBlock(r.shops, r.shopsTotal ?? r.shops.length));
  }

  // ---------------------------------------------------------------- charts (inline SVG, built as DOM)

  function svgEl(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | null)[]): SVGElement {
    const node = document.createElementNS(SVG_NS, tag) as SVGElement;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    for (const c of children) if (c) node.appendChild(c);
    return node;
  }
  function svgText(tag: string, text: string, attrs: Record<string, string | number> = {}): SVGElement {
    const node = svgEl(tag, attrs);
    node.textContent = text;
    return node;
  }

  /** The same drawing as validator/format/chart.ts's barChartSvg, from the layout the server sent. */
  function barChart(l: BarChartLayout, key: string): HTMLElement {
    const svg = svgEl('svg', { viewBox: `0 0 ${l.width} ${l.height}`, width: '100%', role: 'img', 'aria-label': l.title });
    for (const b of l.bars) {
      svg.appendChild(
        svgEl(
          'g',
          { class: 'bar', 'data-label': b.label, 'data-value': b.value },
          svgText('title', `${b.label}: ${b.value}`),
          svgText('text', b.shortLabel, { x: l.labelWidth - 6, y: b.y + 15, 'text-anchor': 'end' }),
          svgEl('rect', { x: l.labelWidth, y: b.y + 3, width: b.width, height: l.rowHeight - 6, rx: 2 }),
          svgText('text', String(b.value), { class: 'n', x: l.width - 4, y: b.y + 15, 'text-anchor': 'end' }),
        ),
      );
    }
    const fig = el('figure', { class: 'chart', attrs: { 'data-chart': key } }, el('figcaption', { text: l.title }));
    fig.appendChild(svg);
    return fig;
  }

  function chartsBlock(r: CheckResponse): HTMLElement | null {
    if (!r.charts.rules && !r.charts.shops) return null;
    const box = el('div', { class: 'charts' });
    if (r.charts.rules) box.appendChild(barChart(r.charts.rules, 'rules'));
    if (r.charts.shops) box.appendChild(barChart(r.charts.shops, 'shops'));
    return el('div', { class: 'block' }, el('h3', { text: S('charts') }), box);
  }

  /** The same drawing as validator/format/chart.ts's rateMonthSvg: one bar per day, height = rate. */
  function rateChart(l: RateMonthLayout): HTMLElement {
    const left = l.bars.length > 0 ? l.bars[0]!.x - 1.5 : 30;
    const svg = svgEl(
      'svg',
      { viewBox: `0 0 ${l.width} ${l.height}`, width: '100%', role: 'img', 'aria-label': l.title },
      svgEl('line', { class: 'axis', x1: left - 2, y1: l.baseY, x2: l.width - 2, y2: l.baseY }),
      svgText('text', `${l.top}%`, { class: 'scale', x: left - 4, y: l.topY + 4, 'text-anchor': 'end' }),
      svgText('text', '0', { class: 'scale', x: left - 4, y: l.baseY, 'text-anchor': 'end' }),
    );
    for (const b of l.bars) {
      svg.appendChild(svgEl('rect', { class: b.cls, x: b.x, y: b.y, width: b.width, height: b.height, fill: b.fill, 'data-date': b.date, 'data-rate': b.rate }, svgText('title', b.tip)));
      if (b.day === 1 || (b.day - 1) % 7 === 0) svg.appendChild(svgText('text', String(b.day), { class: 'tick', x: b.x + b.width / 2, y: l.baseY + 12, 'text-anchor': 'middle' }));
    }
    const fig = el('figure', { class: 'rates', attrs: { 'data-month': l.month } }, el('figcaption', { text: l.title }));
    fig.appendChild(svg);
    return fig;
  }

  // ---------------------------------------------------------------- ring-data e-mails

  function ringBlock(r: CheckResponse): HTMLElement | null {
    if (r.ringMails.length === 0 && r.ringSkipped.length === 0) return null;
    const block = el('div', { class: 'block ring' }, el('h3', { text: S('ringMails', { count: r.ringMails.length }) }));
    // A few e-mails are shown at once; more start collapsed, like a long tab of problems.
    if (r.ringMails.length > 0) {
      const list = el('details', { class: 'mails' }, el('summary', { text: S('ringMailsList') }));
      list.open = r.ringMails.length <= 3;
      for (const m of r.ringMails) list.appendChild(mailCard(m));
      block.appendChild(list);
    }
    for (const sk of r.ringSkipped) {
      block.appendChild(el('p', { class: 'note', text: S('ringSkipped', { sheet: sk.sheet, row: sk.row, shopId: sk.shopId ?? '—' }) }));
      const ul = el('ul', { class: 'note' });
      for (const x of sk.reasons) ul.appendChild(el('li', { text: `${x.cell ?? ''} ${x.message} (${x.ruleId})`.trim() }));
      block.appendChild(ul);
    }
    return block;
  }

  function mailCard(m: RingMailView): HTMLElement {
    const text = `${S('ringTo', { to: m.to })}\n${S('ringSubject', { subject: m.subject })}\n\n${m.body}`;
    const pre = el('pre', { class: 'mail-text', text });
    const done = el('span', { class: 'copied', attrs: { 'aria-live': 'polite' } });
    const copy = el('button', { class: 'btn small', text: S('ringCopy'), attrs: { type: 'button', 'data-copy': String(m.row), 'aria-label': S('ringCopyLabel', { row: m.row }) } });
    copy.addEventListener('click', () => {
      const selectText = (): boolean => {
        const range = document.createRange();
        range.selectNodeContents(pre);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        try {
          return document.execCommand('copy');
        } catch {
          return false;
        }
      };
      const report = (ok: boolean) => {
        done.textContent = ok ? S('ringCopied') : S('ringCopyFailed');
      };
      // The Clipboard API needs a secure context (https or localhost); elsewhere the text is selected and copied the old way.
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => report(true), () => report(selectText()));
      else report(selectText());
    });
    const actions = el('div', { class: 'mail-actions' }, copy);
    // Only a mailto: link to one address, subject and body percent-encoded (what rules' ringMailto builds).
    if (/^mailto:[^\s?&]+\?subject=[^\s&]*&body=[^\s&]*$/.test(m.mailto)) actions.appendChild(el('a', { class: 'btn small', text: S('ringMailto'), attrs: { href: m.mailto, 'data-mailto': String(m.row) } }));
    if (m.eml && /^\/download\/[A-Za-z0-9_-]+$/.test(m.eml.url)) actions.appendChild(el('a', { class: 'btn small ghost', text: S('ringEml'), attrs: { href: m.eml.url, download: m.eml.name, 'data-download': 'eml' } }));
    actions.appendChild(done);
    return el(
      'article',
      { class: 'mail', attrs: { 'data-row': String(m.row), 'data-shop': m.shopId } },
      el('p', { class: 'meta', text: `${S('ringWhere', { sheet: m.sheet, row: m.row })} · ${m.sendDate} ${m.sendTime}` }),
      m.sendByLabel ? el('p', { class: 'meta', text: S('ringSendBy', { sendBy: m.sendByLabel }) }) : null,
      pre,
      actions,
    );
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
    link(r.downloads.html, S('dlHtml'), S('dlHtmlHint'), 'html');
    link(r.downloads.junit, S('dlJunit'), S('dlJunitHint'), 'junit');
    link(r.downloads.ics, S('dlIcs'), S('dlIcsHint', { count: r.deadlineCount }), 'ics');
    link(r.downloads.deadlinesCsv, S('dlCsv'), S('dlCsvHint', { count: r.deadlineCount }), 'deadlines-csv');
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

  /**
   * The problems, one table per tab inside a <details> (open when it has at most boot.openLimit
   * rows, like the HTML report), so one long file cannot make the page endless. The filters and
   * the sort apply to every tab's table at once.
   */
  function violationsBlock(violations: readonly JsonViolation[]): HTMLElement {
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
      sheet: () => 0,
      cell: (a, b) => (a.v.row ?? 0) - (b.v.row ?? 0) || columnNumber(a.v.cell) - columnNumber(b.v.cell),
      severity: (a, b) => SEV_RANK[a.v.severity]! - SEV_RANK[b.v.severity]!,
      rule: (a, b) => collator.compare(a.v.ruleId, b.v.ruleId),
      message: (a, b) => collator.compare(a.v.message, b.v.message),
      value: (a, b) => collator.compare(a.v.value ?? '', b.v.value ?? ''),
      suggestion: (a, b) => collator.compare(a.sugg, b.sugg),
    };
    const columns = ['sheet', 'cell', 'severity', 'rule', 'message', 'value', 'suggestion'];
    let sortKey = '';
    let sortDir = 1;
    const ths: HTMLTableCellElement[] = [];

    // The tabs in report order (the first problem of each decides its place).
    const groups: { sheet: string | null; rows: Row[]; details: HTMLDetailsElement; tbody: HTMLElement; n: HTMLElement }[] = [];
    for (const row of rows) {
      let g = groups.find((x) => x.sheet === row.v.sheet);
      if (!g) {
        g = { sheet: row.v.sheet, rows: [], details: el('details', { class: 'tab' }), tbody: el('tbody'), n: el('span', { class: 'n' }) };
        groups.push(g);
      }
      g.rows.push(row);
    }

    const apply = () => {
      let total = 0;
      for (const g of groups) {
        const sorted = [...g.rows].sort((a, b) => (sortKey ? sortDir * compare[sortKey]!(a, b) : 0) || a.idx - b.idx);
        for (const row of sorted) g.tbody.appendChild(row.tr);
        let n = 0;
        for (const row of g.rows) {
          const ok = (!sevSelect.value || row.v.severity === sevSelect.value) && (!ruleSelect.value || row.v.ruleId === ruleSelect.value);
          row.tr.hidden = !ok;
          if (ok) n++;
        }
        total += n;
        g.details.hidden = n === 0;
        g.n.textContent = n === g.rows.length ? `(${n})` : `(${n} / ${g.rows.length})`;
      }
      shown.textContent = S('shown', { shown: total, total: rows.length });
      ths.forEach((th) => {
        const key = th.getAttribute('data-sort')!;
        if (key === sortKey) th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
        else th.removeAttribute('aria-sort');
        th.querySelector('.arrow')!.textContent = key === sortKey ? (sortDir > 0 ? '▲' : '▼') : '↕';
      });
    };
    for (const g of groups) {
      const headRow = el('tr');
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
      const name = g.sheet ?? S('tabWhole');
      g.details.open = g.rows.length <= boot.openLimit;
      g.details.setAttribute('data-sheet', g.sheet ?? '');
      g.details.appendChild(el('summary', { text: `${name} ` }, g.n));
      const table = el('table', { class: 'list violations' }, el('caption', { class: 'sr-only', text: `${S('problems')} · ${name} · ${S('sortHint')}` }), el('thead', {}, headRow), g.tbody);
      g.details.appendChild(el('div', { class: 'scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': `${S('problems')} · ${name}` } }, table));
      block.appendChild(g.details);
    }
    sevSelect.addEventListener('change', apply);
    ruleSelect.addEventListener('change', apply);
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
      // Each month: the grid, and beside it the month's rates as one bar per day.
      for (const m of shop.months) months.appendChild(el('div', { class: 'month' }, calendarTable(m), rateChart(m.rates)));
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
      keys.forEach((k, i) => head.appendChild(el('th', { class: i === 0 ? '' : 'num', text: S(`cost.col.${k}`), attrs: { scope: 'col' } })));
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
      for (const k of keys) head.appendChild(el('th', { class: k === 'rate' ? 'num' : '', text: S(`sched.col.${k}`), attrs: { scope: 'col' } }));
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
