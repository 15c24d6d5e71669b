/**
 * The add-on's server code (addon/server) against the in-memory fake of the Apps Script services:
 * reading (spreadsheet time zone, error values, "today"), marks (and their exact removal),
 * the call budget, the template tabs, the calendar / schedule / cost tabs, the menu and the
 * sidebar's calls. Runs under any host TZ: nothing may depend on it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  civil,
  deadlinesForWorkbook,
  estimateCosts,
  kindDef,
  roundNtd,
  scheduleToRows,
  schedulesForWorkbook,
  templateSpecs,
  validateWorkbook,
  type Workbook,
} from '../../rules/index.js';
import * as addon from '../../addon/server/main.js';
import { loadWorkbook } from '../../addon/server/check.js';
import { ERROR_BG, EXTENT_KEY, MAX_MARKED_CELLS, NOTE_MARKER, WARNING_BG } from '../../addon/server/marks.js';
import { GENERATED_TABS } from '../../addon/server/generated.js';
import { RATE_COLOURS, DAY_OFF_COLOUR } from '../../addon/server/calendar-sheet.js';
import { REQUIRED_HEADER_BG, OPTIONAL_HEADER_BG } from '../../addon/server/templates.js';
import { createFakeGas, installGlobals, type FakeGas, type FakeSheetImpl } from './fakes/gas.js';
import { dateIn, enrollment, kindGrid } from './helpers/sheets.js';

let gas: FakeGas;
let uninstall: (() => void) | undefined;

function setup(timeZone = 'Asia/Taipei'): FakeGas {
  uninstall?.();
  gas = createFakeGas({ timeZone, files: { Sidebar: '<!DOCTYPE html><title>sidebar</title>' } });
  uninstall = installGlobals(gas);
  return gas;
}

/** Taipei wall clock → the instant, for vi.setSystemTime. */
function taipeiNow(y: number, m: number, d: number, h = 10): Date {
  return new Date(Date.UTC(y, m - 1, d, h - 8));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(taipeiNow(2026, 3, 20));
});

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  vi.useRealTimers();
});

/** Every cell's background and note, for exact before/after comparisons. */
function snapshot(sheet: FakeSheetImpl): Record<string, { bg: string; note: string }> {
  const out: Record<string, { bg: string; note: string }> = {};
  for (const [k, c] of sheet._cells) out[k] = { bg: c.background, note: c.note };
  return out;
}

function cell(sheet: FakeSheetImpl, a1: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return sheet._peek(Number(m[2]), col);
}

describe('reading the sheet', () => {
  it('turns a date cell of a New York spreadsheet into the wall clock it shows, via the spreadsheet zone', () => {
    setup('America/New_York');
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment({ submittedAt: dateIn('America/New_York', 2026, 5, 8, 10, 0) })]));
    expect(gas.ss._sheets[0]!._display(gas.sheet('報名表')._peek(2, 6))).toBe('2026/5/8 10:00:00');

    const loaded = loadWorkbook();
    const submitted = loaded.workbook.tables[0]!.rows[1]![5]!;
    expect(submitted.value).toEqual({ type: 'date', wall: civil.wallFrom(2026, 5, 8, 10, 0, 0) });
    expect(submitted.text).toBe('2026/5/8 10:00:00');
    const zones = gas.rec.calls.filter((c) => c.service === 'Utilities' && c.method === 'formatDate').map((c) => c.args[1]);
    expect(zones.length).toBeGreaterThan(0);
    expect(new Set(zones)).toEqual(new Set(['America/New_York']));
  });

  it('compares deadlines on the wall clock: 23:30 on the deadline day in New York is in time', () => {
    setup('America/New_York');
    gas.addSheet(
      '報名表',
      kindGrid('enrollment', [
        enrollment({ shopId: 'in_time', submittedAt: dateIn('America/New_York', 2026, 3, 23, 23, 30) }),
        enrollment({ shopId: 'too_late', submittedAt: dateIn('America/New_York', 2026, 3, 24, 0, 30) }),
      ]),
    );
    const report = addon.checkWorkbook({ quiet: true });
    const late = report.violations.filter((v) => v.ruleId === 'enrollment/late-registration').map((v) => v.cell);
    // A conversion through Taipei time would read row 2 as 2026-03-24 11:30 and call it late.
    expect(late).toEqual(['F3']);
  });

  it('reads every wall clock right across a DST change, with a few formatDate calls per day', () => {
    setup('America/New_York');
    // 2026-03-08: New York clocks jump from 02:00 to 03:00; 11-01: back from 02:00 to 01:00.
    const times: [number, number, number, number, number][] = [];
    for (const [m, d] of [
      [3, 7],
      [3, 8],
      [3, 9],
      [11, 1],
    ] as const)
      for (const h of [0, 1, 3, 4, 9, 12, 18, 23]) for (const mi of [0, 30]) times.push([2026, m, d, h, mi]);
    const rows = times.map(([y, m, d, h, mi]) => [dateIn('America/New_York', y, m, d, h, mi)]);
    gas.addSheet('times', { values: [['when'], ...rows] });
    const table = loadWorkbook().workbook.tables[0]!;
    times.forEach(([y, m, d, h, mi], i) => expect(table.rows[i + 1]![0]!.value).toEqual({ type: 'date', wall: civil.wallFrom(y, m, d, h, mi) }));

    // Ordinary days: about two formatDate calls per UTC day, however many cells.
    setup('America/New_York');
    const many = Array.from({ length: 480 }, (_, i) => [dateIn('America/New_York', 2026, 5, 1 + Math.floor(i / 24), i % 24, 15)]);
    gas.addSheet('many', { values: [['when'], ...many] });
    const t2 = loadWorkbook().workbook.tables[0]!;
    many.forEach((_, i) => expect(t2.rows[i + 1]![0]!.value).toEqual({ type: 'date', wall: civil.wallFrom(2026, 5, 1 + Math.floor(i / 24), i % 24, 15) }));
    expect(gas.rec.count('Utilities', 'formatDate')).toBeLessThanOrEqual(2 * 21);
  });

  it('rounds sub-second noise of date serials to the shown second', () => {
    setup('Asia/Taipei');
    const noisy = new Date(dateIn('Asia/Taipei', 2026, 5, 1, 23, 59, 59).getTime() - 0.4);
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment({ submittedAt: new Date(Math.floor(noisy.getTime())) })]));
    const v = loadWorkbook().workbook.tables[0]!.rows[1]![5]!.value;
    expect(v).toEqual({ type: 'date', wall: civil.wallFrom(2026, 5, 1, 23, 59, 59) });
  });

  it('maps error results shown by getDisplayValues to formula errors', () => {
    setup();
    const grid = kindGrid('enrollment', [enrollment({ baseCps: '#N/A' })]);
    gas.addSheet('報名表', { values: grid.values, display: grid.values.map((r) => r.map((v) => (typeof v === 'string' ? v : undefined))) });
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.violations.filter((v) => v.ruleId === 'cell/formula-error').map((v) => [v.cell, v.value])).toEqual([['J2', '#N/A']]);
  });

  it('takes "today" in Asia/Taipei, not in the spreadsheet zone', () => {
    setup('America/Los_Angeles');
    vi.setSystemTime(new Date(Date.UTC(2026, 2, 23, 16, 30))); // Taipei 3/24 00:30, Los Angeles 3/23 09:30
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment()]));
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.meta.today).toBe('2026-03-24');
    expect(report.meta.timeZone).toBe('America/Los_Angeles');
    expect(gas.rec.calls.some((c) => c.service === 'Utilities' && c.args[1] === 'Asia/Taipei' && c.args[2] === 'yyyy-MM-dd')).toBe(true);
  });

  it('returns a JSON-safe SPEC §7 file entry (no Date, no undefined) equal to the engine on the same model', () => {
    setup();
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment({ contactEmail: 'bad@@x', chosenDays: '4/3、4/14' })]));
    const report = addon.checkWorkbook({ quiet: true });
    expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
    expect(Object.keys(report).sort()).toEqual(['counts', 'error', 'meta', 'path', 'sheets', 'violations']);
    for (const v of report.violations) expect(Object.keys(v)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'sheet', 'row', 'column', 'cell', 'message']));
    const engine = validateWorkbook(loadWorkbook().workbook as Workbook, { today: '2026-03-20', path: 'Partner workbook' });
    expect(report.violations).toEqual(JSON.parse(JSON.stringify(engine.violations)));
    expect(report.counts).toEqual(engine.counts);
  });
});

describe('marks', () => {
  function markedWorkbook() {
    setup();
    const sheet = gas.addSheet(
      '報名表',
      kindGrid('enrollment', [
        enrollment({ chosenDays: '4/3、4/14、4/22、5/5、5/12、5/19、6/2、6/9、6/16' }), // 4/3 is a Friday: warning on I2
        enrollment({ shopId: 'second_shop', contactEmail: 'bad@@example.com' }), // error on C3
      ]),
    );
    cell(sheet, 'C3').background = '#00ff00'; // the user's own colour on a cell that will be marked
    cell(sheet, 'C3').note = 'my own note';
    cell(sheet, 'A1').note = 'header note of the user';
    cell(sheet, 'B2').background = '#cfe2f3';
    return sheet;
  }

  it('marks errors red and warnings amber with a note holding the message, the suggestion and the user note', () => {
    const sheet = markedWorkbook();
    const report = addon.checkWorkbook({ quiet: true });
    const email = report.violations.find((v) => v.ruleId === 'cell/invalid-email')!;
    expect(email.cell).toBe('C3');
    expect(cell(sheet, 'C3').background).toBe(ERROR_BG);
    const note = cell(sheet, 'C3').note;
    expect(note.startsWith(NOTE_MARKER)).toBe(true);
    expect(note).toContain(email.message);
    expect(note.endsWith('my own note')).toBe(true);

    const friday = report.violations.find((v) => v.ruleId === 'enrollment/chosen-day-on-friday')!;
    expect(friday.cell).toBe('I2');
    expect(cell(sheet, 'I2').background).toBe(WARNING_BG);
    expect(cell(sheet, 'I2').note).toContain(friday.suggestion!.label!);
    // Infos are listed, not painted; untouched cells keep theirs.
    expect(cell(sheet, 'B2').background).toBe('#cfe2f3');
    expect(cell(sheet, 'A1').note).toBe('header note of the user');
    expect(report.meta.marks).toEqual({ marked: 2, cleared: 0, truncated: 0, protected: [] });
    // The user's fill is named in the note of the cell it belongs to; only the marked extent is kept elsewhere.
    expect(note.split('\n')[0]).toBe(`${NOTE_MARKER} 檢查結果 · 原底色 #00ff00`);
    expect(cell(sheet, 'I2').note.split('\n')[0]).toBe(`${NOTE_MARKER} 檢查結果`);
    expect(gas.docProps.getProperties()).toEqual({ [EXTENT_KEY]: JSON.stringify({ '0': [3, 9] }) });
  });

  it('a re-check replaces only its own marks, restoring what a fixed cell had', () => {
    const sheet = markedWorkbook();
    addon.checkWorkbook({ quiet: true });
    sheet._cell(3, 3).value = 'fixed@example.com';
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.violations.some((v) => v.ruleId === 'cell/invalid-email')).toBe(false);
    expect(cell(sheet, 'C3').background).toBe('#00ff00');
    expect(cell(sheet, 'C3').note).toBe('my own note');
    expect(cell(sheet, 'I2').background).toBe(WARNING_BG);
    expect(report.meta.marks).toMatchObject({ marked: 1, cleared: 1 });
  });

  it('clearMarks restores every background and note exactly', () => {
    const sheet = markedWorkbook();
    const before = snapshot(sheet);
    addon.checkWorkbook({ quiet: true });
    addon.checkWorkbook({ quiet: true }); // twice: marks over marks must not stack
    expect(cell(sheet, 'C3').note.split(NOTE_MARKER)).toHaveLength(2);
    const r = addon.clearMarks({ quiet: true });
    expect(r.cleared).toBe(2);
    const after = snapshot(sheet);
    for (const [k, v] of Object.entries(after)) expect({ k, ...v }).toEqual({ k, ...(before[k] ?? { bg: '#ffffff', note: '' }) });
    expect(gas.docProps.getKeys()).toEqual([]);
  });

  it("never takes back a colour or note the user set on a marked cell afterwards", () => {
    const sheet = markedWorkbook();
    addon.checkWorkbook({ quiet: true });
    cell(sheet, 'I2').background = '#ff00ff';
    cell(sheet, 'C3').note = 'rewritten by the user';
    addon.clearMarks({ quiet: true });
    expect(cell(sheet, 'I2').background).toBe('#ff00ff');
    expect(cell(sheet, 'C3').note).toBe('rewritten by the user');
    // Our note replaced by the user's makes the cell theirs, fill and all (the note named its old fill).
    expect(cell(sheet, 'C3').background).toBe(ERROR_BG);
  });

  it('clearMarks restores everything even when the document properties were wiped', () => {
    const sheet = markedWorkbook();
    const before = snapshot(sheet);
    addon.checkWorkbook({ quiet: true });
    gas.docProps.setProperties({}, true);
    addon.clearMarks({ quiet: true });
    const after = snapshot(sheet);
    expect(after['3,3']).toEqual({ bg: '#00ff00', note: 'my own note' }); // fill and note come back from the mark itself
    expect(after['2,9']).toEqual(before['2,9'] ?? { bg: '#ffffff', note: '' });
  });

  it('serialises concurrent runs with the document lock', () => {
    markedWorkbook();
    gas.lock.held = true; // another execution holds it
    expect(() => addon.checkWorkbook({ quiet: true })).toThrow(/另一個檢查正在進行/);
    gas.lock.held = false;
    addon.checkWorkbook({ quiet: true });
    expect(gas.lock.held).toBe(false); // released after the run
    expect(gas.rec.names((c) => c.service === 'Lock')).toEqual(['Lock.tryLock', 'Lock.tryLock', 'Lock.releaseLock']);
  });

  it('runs unlocked when LockService.getDocumentLock() gives null (no document to lock)', () => {
    const sheet = markedWorkbook();
    (gas.globals.LockService as unknown as { getDocumentLock: () => null }).getDocumentLock = () => null;
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.meta.marks.marked).toBe(2);
    expect(cell(sheet, 'C3').background).toBe(ERROR_BG);
    expect(addon.clearMarks({ quiet: true }).cleared).toBe(2);
  });

  it('writes notes in the chosen language', () => {
    const sheet = markedWorkbook();
    addon.setLanguage('en');
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.meta.lang).toBe('en');
    expect(cell(sheet, 'C3').note).toContain('Error: ');
    expect(cell(sheet, 'C3').note).toContain(report.violations.find((v) => v.cell === 'C3')!.message);
    expect(() => addon.setLanguage('fr')).toThrow(/unknown language/);
  });

  it('checkActiveSheet reports and marks the active tab only, keeping the marks of the others', () => {
    setup();
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment({ contactEmail: 'bad@@example.com' })]));
    gas.addSheet('環狀數據', kindGrid('ring-data', [{ shopId: 'goodday_food', sendDate: '2026/4/14', sendTime: '20:30', audience: '通發型', sendCap: 1000, excludeBuyers: '否', excludeRecent: '是', requestedAt: '2026/4/1 10:00' }]));
    addon.checkWorkbook({ quiet: true });
    expect(cell(gas.sheet('報名表'), 'C2').background).toBe(ERROR_BG);
    gas.sheet('報名表')._cell(2, 3).value = 'ok@example.com';
    gas.ss._active = gas.sheet('環狀數據');
    const report = addon.checkActiveSheet({ quiet: true });
    expect(report.meta.scope).toBe('sheet');
    expect(new Set(report.violations.map((v) => v.sheet))).toEqual(new Set(['環狀數據']));
    expect(cell(gas.sheet('環狀數據'), 'C2').background).toBe(ERROR_BG); // ring/invalid-time
    expect(cell(gas.sheet('報名表'), 'C2').background).toBe(ERROR_BG); // untouched: another tab
  });
});

describe('service-call budget', () => {
  function callsFor(rows: number): { first: string[]; again: string[]; marked: number } {
    setup();
    const list = Array.from({ length: rows }, (_, i) =>
      enrollment({ shopId: `shop_${String(i).padStart(5, '0')}`, contactEmail: i % 2 ? 'bad@@example.com' : 'ok@example.com', chosenDays: i % 3 ? '4/3' : '' }),
    );
    gas.addSheet('報名表', kindGrid('enrollment', list));
    gas.addSheet('環狀數據', kindGrid('ring-data', []));
    gas.addSheet('memo', { values: [['free text']] });
    gas.rec.reset();
    const r1 = addon.checkWorkbook({ quiet: true });
    const first = gas.rec.names((c) => ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].includes(c.service));
    gas.rec.reset();
    addon.checkWorkbook({ quiet: true });
    const again = gas.rec.names((c) => ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].includes(c.service));
    uninstall?.();
    uninstall = undefined;
    return { first, again, marked: r1.meta.marks.marked };
  }

  it('makes the same Spreadsheet calls for 10 rows as for 5,000 (one read, one setBackgrounds, one setNotes per tab)', () => {
    const small = callsFor(10);
    const big = callsFor(5000);
    expect(big.marked).toBeGreaterThan(2000);
    expect(big.first).toEqual(small.first);
    expect(big.again).toEqual(small.again);
    expect(small.first.filter((n) => n === 'Range.getValues')).toHaveLength(3);
    expect(small.first.filter((n) => n === 'Range.setBackgrounds')).toHaveLength(1);
    expect(small.first.filter((n) => n === 'Range.setNotes')).toHaveLength(1);
    expect(small.first.length).toBeLessThan(40);
  }, 120_000);

  it('caps the marks and says so', () => {
    setup();
    const list = Array.from({ length: MAX_MARKED_CELLS + 10 }, (_, i) => enrollment({ shopId: `s${i}`, contactEmail: 'bad@@example.com' }));
    gas.addSheet('報名表', kindGrid('enrollment', list));
    const r = addon.checkWorkbook({ quiet: true });
    expect(r.meta.marks.marked + r.meta.marks.truncated).toBeGreaterThanOrEqual(MAX_MARKED_CELLS + 10);
    expect(r.meta.marks.truncated).toBeGreaterThanOrEqual(10);
    expect(r.violations.filter((v) => v.ruleId === 'cell/invalid-email')).toHaveLength(MAX_MARKED_CELLS + 10);
  }, 120_000);
});

describe('insertTemplates', () => {
  it('adds the four kinds as validated tabs from the shared column definitions', () => {
    setup();
    gas.addSheet('工作表1');
    const r = addon.insertTemplates({ quiet: true });
    const specs = templateSpecs();
    expect(r.created).toEqual(specs.map((s) => s.sheetName));
    for (const spec of specs) {
      const sheet = gas.sheet(spec.sheetName);
      expect(sheet._frozenRows).toBe(1);
      spec.columns.forEach((col, i) => {
        const head = sheet._peek(1, i + 1);
        expect(head.value).toBe(kindDef(spec.kind).columns[i]!.zh);
        expect(head.note).toContain(col.en);
        expect(head.note).toContain(col.help['zh-TW']);
        expect(head.background).toBe(col.required ? REQUIRED_HEADER_BG : OPTIONAL_HEADER_BG);
        expect(head.fontWeight).toBe('bold');
        expect(sheet._columnWidths.get(i + 1)).toBe(col.widthPx);
        for (const row of [spec.firstDataRow, spec.lastDataRow]) {
          const c = sheet._peek(row, i + 1);
          expect(c.format).toBe(col.numberFormat ?? '');
          if (col.dropdown) expect(c.validation).toMatchObject({ criteria: 'VALUE_IN_LIST', values: col.dropdown.values, showDropdown: true });
          else expect(c.validation).toBeNull();
        }
        expect(sheet._peek(spec.lastDataRow + 1, i + 1).validation).toBeNull(); // bounded
      });
      const def = kindDef(spec.kind);
      for (const col of def.columns) {
        if (col.type === 'enum' || col.type === 'boolean') expect(spec.columns.find((c) => c.key === col.key)!.dropdown).not.toBeNull();
      }
    }
    // Nothing else was touched, and a second run leaves the tabs alone.
    expect(gas.sheet('工作表1')._cells.size).toBe(0);
    const again = addon.insertTemplates({ quiet: true });
    expect(again).toEqual({ created: [], skipped: specs.map((s) => s.sheetName) });
  });

  it('the inserted tabs are recognised and clean', () => {
    setup();
    addon.insertTemplates({ quiet: true });
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual(templateSpecs().map((s) => [s.sheetName, s.kind, 1]));
    expect(report.violations.filter((v) => v.severity !== 'info')).toEqual([]);
  });
});

describe('the generated tabs', () => {
  function enrolled() {
    setup();
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment(), enrollment({ shopId: 'bloom_beauty', plan: '5月單月方案', siteExposure: '否', chosenDays: '', monthlyGmv: '' })]));
    gas.addSheet('鋪底合約', kindGrid('base-contracts', [{ shopId: 'goodday_food', productType: 'normal', baseRate: '2%', cps: '8%', pointPrice: 1.2, start: '2026/1/1 00:00:00', end: '2026/12/31 23:59:59' }]));
    return loadWorkbook().workbook;
  }

  it('buildCalendarSheet draws each shop and month Monday first, colour-coded by rate, holidays marked', () => {
    enrolled();
    const r = addon.buildCalendarSheet({ quiet: true });
    expect(r).toMatchObject({ sheet: GENERATED_TABS.calendar, shops: 2 });
    const sheet = gas.sheet(GENERATED_TABS.calendar);
    const texts = [...sheet._cells.entries()].map(([k, c]) => [k, String(c.value)] as const);
    const find = (text: string) => texts.find(([, v]) => v === text)?.[0];
    const april = find('goodday_food · 2026 年 4 月')!;
    const aprilRow = Number(april.split(',')[0]);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => sheet._peek(aprilRow + 1, c).value)).toEqual(['週一', '週二', '週三', '週四', '週五', '週六', '週日']);
    // 2026-04-01 is a Wednesday and a chosen day; 4/3 a Friday and a day off (補假).
    const week1 = [1, 2, 3, 4, 5, 6, 7].map((c) => sheet._peek(aprilRow + 2, c));
    expect(week1.map((c) => c.value)).toEqual(['', '', '1 ★\n10%', '2\n5%', '3\n10%\n補假', '4\n5%\n兒童節', '5\n5%\n清明節']);
    expect(week1.map((c) => c.background)).toEqual(['#ffffff', '#ffffff', RATE_COLOURS.high, RATE_COLOURS.daily, RATE_COLOURS.high, RATE_COLOURS.daily, RATE_COLOURS.daily]);
    expect(week1[4]!.fontColor).toBe(DAY_OFF_COLOUR);
    expect(week1[4]!.note).toBe('補假');
    expect(week1[3]!.fontColor).not.toBe(DAY_OFF_COLOUR);
    expect(find('bloom_beauty · 2026 年 5 月')).toBeDefined();
    expect(find('goodday_food · 2026 年 6 月')).toBeDefined();
    // The generated tab is never checked.
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.meta.excludedTabs).toEqual([GENERATED_TABS.calendar]);
    expect(report.sheets.map((s) => s.name)).not.toContain(GENERATED_TABS.calendar);
    // Rebuilding reuses the tab.
    addon.buildCalendarSheet({ quiet: true });
    expect(gas.ss._sheets.filter((s) => s._name === GENERATED_TABS.calendar)).toHaveLength(1);
  });

  it('buildCalendarSheet in English names the holidays in English (cell and note)', () => {
    enrolled();
    gas.userProps.setProperty('partnerCheck.lang', 'en');
    addon.buildCalendarSheet({ quiet: true });
    const sheet = gas.sheet(GENERATED_TABS.calendar);
    const cells = [...sheet._cells.values()];
    const april3 = cells.find((c) => String(c.value).startsWith('3\n10%\n'))!;
    expect(april3.value).toBe('3\n10%\nMake-up day off');
    expect(april3.note).toBe('Make-up day off');
    expect(cells.map((c) => String(c.value)).filter((v) => v.endsWith('\n5%\nTomb Sweeping Day'))).toHaveLength(1);
    expect(cells.some((c) => /[補兒清勞端]/.test(String(c.value)))).toBe(false);
  });

  it('getCalendar gives the sidebar one shop’s months as weeks', () => {
    enrolled();
    const view = addon.getCalendar('bloom_beauty');
    expect(view.found).toBe(true);
    expect(view.months.map((m) => m.month)).toEqual(['2026-05']);
    const first = view.months[0]!.weeks[0]!;
    expect(first.slice(0, 4)).toEqual([null, null, null, null]); // May 1st 2026 is a Friday
    expect(first[4]).toMatchObject({ date: '2026-05-01', d: 1, rate: 10, reason: 'friday', holiday: '勞動節', holidayEn: 'Labour Day', workingDay: false });
    expect(addon.getCalendar('nobody')).toMatchObject({ found: false, months: [] });
  });

  it('buildScheduleSheet writes the generated schedule in the contracts columns with deadlines', () => {
    const wb = enrolled();
    vi.setSystemTime(taipeiNow(2026, 4, 20));
    const r = addon.buildScheduleSheet({ quiet: true });
    const schedules = schedulesForWorkbook(wb);
    const expectedRows = scheduleToRows(schedules);
    expect(r.rows).toBe(expectedRows.length);
    const sheet = gas.sheet(GENERATED_TABS.schedule);
    const cols = kindDef('contracts').columns;
    expect(cols.map((_, i) => sheet._peek(1, i + 1).value)).toEqual(cols.map((c) => c.zh));
    expect(sheet._peek(1, cols.length + 1).value).toBe('送審期限');
    expect(sheet._frozenRows).toBe(1);
    expectedRows.forEach((row, i) => {
      expect(cols.map((c, j) => sheet._peek(i + 2, j + 1).value)).toEqual(cols.map((c) => row[c.key]));
    });
    const first = schedules[0]!.contracts[0]!;
    expect(first.submitBy).toBe('2026/03/27 23:59:59');
    expect(sheet._peek(2, cols.length + 1).value).toBe('2026/03/27(五) 23:59:59');
    expect(sheet._peek(2, 4).format).toBe('@');
    // Deadlines before "today" (2026-04-20) are red.
    const deadlineCells = expectedRows.map((_, i) => sheet._peek(i + 2, cols.length + 1));
    const overdue = deadlineCells.filter((c) => c.background === ERROR_BG).length;
    expect(overdue).toBe(r.overdue);
    expect(overdue).toBeGreaterThan(0);
    expect(deadlineCells.every((c) => (c.background === ERROR_BG) === (String(c.value) < '2026/04/20'))).toBe(true);
    // The schedule is not read as a second contracts tab.
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.violations.some((v) => v.sheet === GENERATED_TABS.schedule)).toBe(false);
  });

  it('buildDeadlineSheet lists every deadline of the tabs, sorted, with weekdays, red when past (期限清單)', () => {
    enrolled();
    gas.addSheet('環狀數據', kindGrid('ring-data', [{ shopId: 'goodday_food', sendDate: '2026/5/12', sendTime: '20:00', audience: '通發型', sendCap: 100000, excludeBuyers: '近3個月', excludeRecent: '是', requestedAt: '2026/5/6 10:00' }]));
    gas.addSheet('廣告素材', kindGrid('ad-materials', [{ shopId: 'bloom_beauty', slot: '品牌館商店牌卡', image: 'card.jpg', start: '2026/5/8 00:00', end: '2026/5/8 23:59', url: 'https://buy.line.me/u/bloom_beauty', submittedAt: '', status: '' }]));
    vi.setSystemTime(taipeiNow(2026, 4, 20));
    const r = addon.buildDeadlineSheet({ quiet: true });
    const expected = deadlinesForWorkbook(loadWorkbook().workbook).deadlines;
    expect(r).toEqual({ sheet: GENERATED_TABS.deadlines, rows: expected.length, overdue: expected.filter((d) => d.at < '2026/04/20').length, yearsNotCovered: [] });
    expect(r.rows).toBeGreaterThan(20);
    const sheet = gas.sheet(GENERATED_TABS.deadlines);
    const row = (n: number) => [1, 2, 3, 4, 5, 6].map((c) => sheet._peek(n, c).value);
    expect(row(1)).toEqual(['期限', '類別', '項目', '商店代碼', '來源', '提醒日']);
    expect(sheet._frozenRows).toBe(1);
    expect(row(2)).toEqual(['2026/03/23(一) 23:59:59', '方案報名', '季方案報名截止', '', '活動方案', '2026-03-20']);
    const rows = Array.from({ length: r.rows }, (_, i) => row(i + 2));
    // Sorted by time: the deadline column's text sorts as the times do.
    const ats = rows.map((x) => String(x[0]).replace(/\(.\)/, ''));
    expect([...ats].sort()).toEqual(ats);
    expect(rows).toContainEqual(['2026/05/05(二) 23:59:59', '廣告素材上稿', 'bloom_beauty 廣告素材（5/8 曝光）上稿截止', 'bloom_beauty', '「廣告素材」第 2 列', '2026-05-04']);
    expect(rows).toContainEqual(['2026/05/07(四) 23:59:59', '環狀數據需求', 'goodday_food 環狀數據 5/12 發送需求寄信截止', 'goodday_food', '「環狀數據」第 2 列', '2026-05-06']);
    expect(rows).toContainEqual(['2026/04/21(二) 17:00:00', '方案報名', '5月單月方案報名截止', '', '活動方案', '2026-04-20']);
    // No contracts tab: the enrollment's contracts come from the generated schedule (4/1 is a chosen day, due Fri 3/27).
    expect(rows).toContainEqual(['2026/03/27(五) 23:59:59', '加碼合約送審（依報名表排程）', 'goodday_food 加碼合約「4/1_加碼10%」送審截止', 'goodday_food', '依報名表產生的排程', '2026-03-26']);
    expect(sheet._peek(2, 3).format).toBe('@');
    // Only the deadline column is red, and only for days before today (2026-04-20).
    rows.forEach((x, i) => {
      expect(sheet._peek(i + 2, 1).background === ERROR_BG, String(x[0])).toBe(String(x[0]) < '2026/04/20');
      expect(sheet._peek(i + 2, 3).background).not.toBe(ERROR_BG);
    });
    // The generated tab is never checked; rebuilding reuses it.
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.meta.excludedTabs).toContain(GENERATED_TABS.deadlines);
    addon.buildDeadlineSheet({ quiet: true });
    expect(gas.ss._sheets.filter((t) => t._name === GENERATED_TABS.deadlines)).toHaveLength(1);
  });

  it('buildDeadlineSheet in English', () => {
    enrolled();
    gas.userProps.setProperty('partnerCheck.lang', 'en');
    addon.buildDeadlineSheet({ quiet: true });
    const sheet = gas.sheet(GENERATED_TABS.deadlines);
    const row = (n: number) => [1, 2, 3, 4, 5, 6].map((c) => sheet._peek(n, c).value);
    expect(row(1)).toEqual(['Deadline', 'Kind', 'What is due', 'Shop ID', 'Source', 'Remind on']);
    expect(row(2)).toEqual(['Mon 2026/03/23 23:59:59', 'Plan registration', 'Quarter plan (Apr–Jun): registration closes', '', 'Campaign plans', '2026-03-20']);
  });

  it('estimateCosts writes whole-NT$ amounts per shop and month from the rules', () => {
    const wb = enrolled();
    const r = addon.estimateCosts({ quiet: true });
    const costs = estimateCosts(wb);
    const sheet = gas.sheet(GENERATED_TABS.costs);
    const good = costs.find((c) => c.shopId === 'goodday_food')!;
    expect(r.shops).toBe(2);
    const may = good.months.find((m) => m.month === '2026-05')!.estimate!;
    const rowOf = (shop: string, month: string) => {
      for (let row = 2; row < 20; row++) if (sheet._peek(row, 1).value === shop && sheet._peek(row, 2).value === month) return row;
      throw new Error(`no row ${shop} ${month}`);
    };
    const row = rowOf('goodday_food', '2026-05');
    expect([3, 7, 8, 9, 10, 11, 12].map((c) => sheet._peek(row, c).value)).toEqual(
      [may.monthlyGmv, may.cpsCostCurrent, may.cpsCostPartner, may.cpsIncrease, may.linePoints, may.adPointsSaving, may.net].map(roundNtd),
    );
    expect(sheet._peek(row, 4).value).toBeCloseTo(0.08);
    const total = rowOf('goodday_food', '合計');
    expect(sheet._peek(total, 12).value).toBe(roundNtd(good.total!.net));
    expect(sheet._peek(total, 1).fontWeight).toBe('bold');
    // bloom_beauty left its GMV blank: the row says what is missing.
    const bloom = rowOf('bloom_beauty', '2026-05');
    expect(sheet._peek(bloom, 13).value).toBe('缺少：預估月業績');
    const view = addon.getCosts();
    expect(view.shops.find((s) => s.shopId === 'goodday_food')!.total!.net).toMatch(/^-?NT\$[\d,]+$/);
  });
});

describe('menu, sidebar and sidebar calls', () => {
  it('onOpen in AuthMode.NONE builds the zh-TW menu and touches nothing else', () => {
    setup();
    gas.userProps.setProperty('partnerCheck.lang', 'en');
    gas.rec.reset();
    addon.onOpen({ authMode: { toString: () => 'NONE' } });
    expect(new Set(gas.rec.calls.map((c) => c.service))).toEqual(new Set(['SpreadsheetApp', 'Ui', 'Menu']));
    const menu = gas.ui.menus[0]!;
    expect(menu.added).toBe(true);
    const items = menu.items.filter((i): i is { label: string; fn: string } => i !== 'separator');
    expect(items.map((i) => i.fn)).toEqual(['showSidebar', 'checkWorkbook', 'checkActiveSheet', 'clearMarks', 'insertTemplates', 'buildCalendarSheet', 'buildScheduleSheet', 'estimateCosts', 'buildDeadlineSheet']);
    expect(items[0]!.label).toBe('開啟檢查面板');
    for (const i of items) expect(typeof (addon as Record<string, unknown>)[i.fn]).toBe('function');
  });

  it('onInstall / onOpen in LIMITED mode use the saved language', () => {
    setup();
    gas.userProps.setProperty('partnerCheck.lang', 'en');
    addon.onInstall({ authMode: 'LIMITED' });
    expect((gas.ui.menus[0]!.items[0] as { label: string }).label).toBe('Open checker');
  });

  it('showSidebar serves Sidebar.html with a title', () => {
    setup();
    addon.showSidebar();
    expect(gas.rec.calls.find((c) => c.service === 'HtmlService')!.args).toEqual(['Sidebar']);
    expect(gas.ui.sidebars[0].title).toBe('夥伴互利檢查');
  });

  it('selectCell moves the cursor; nonsense is refused', () => {
    setup();
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment()]));
    gas.addSheet('加碼合約', kindGrid('contracts', []));
    expect(addon.selectCell('報名表', 'C2')).toBe(true);
    expect(gas.ss._active!._name).toBe('報名表');
    expect(gas.ss._activeRange).toBe('C2');
    expect(addon.selectCell('報名表', '5:5')).toBe(true);
    expect(addon.selectCell('nope', 'A1')).toBe(false);
    expect(addon.selectCell('報名表', '=A1')).toBe(false);
    expect(addon.selectCell('報名表', { a1: 'A1' })).toBe(false);
  });

  it('applySuggestion puts the value in and checks again; a changed cell is left alone', () => {
    setup();
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment({ shopId: 'trend wear' })]));
    const before = addon.checkWorkbook({ quiet: true });
    const v = before.violations.find((x) => x.ruleId === 'enrollment/invalid-shop-id')!;
    expect(v.suggestion!.value).toBe('trend_wear');
    const stale = addon.applySuggestion(v.sheet, v.cell, v.suggestion!.value, 'something else');
    expect(stale.applied).toBe(false);
    expect(stale.reason).toBe('changed');
    const res = addon.applySuggestion(v.sheet, v.cell, v.suggestion!.value, v.value);
    expect(res.applied).toBe(true);
    expect(cell(gas.sheet('報名表'), 'B2').value).toBe('trend_wear');
    expect(res.report.violations.some((x) => x.ruleId === 'enrollment/invalid-shop-id')).toBe(false);
    expect(cell(gas.sheet('報名表'), 'B2').background).toBe('#ffffff');
    expect(JSON.parse(JSON.stringify(res))).toStrictEqual(res);
  });

  it('applySuggestion never writes a formula', () => {
    setup();
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment()]));
    addon.applySuggestion('報名表', 'M2', '=IMPORTXML("http://x","//a")');
    expect(gas.rec.calls.filter((c) => c.method === 'setValue').map((c) => c.args[0])).toEqual([`'=IMPORTXML("http://x","//a")`]);
    expect(cell(gas.sheet('報名表'), 'M2').value).toBe('=IMPORTXML("http://x","//a")');
    expect(addon.applySuggestion('報名表', 'A1:B2', 'x').reason).toBe('bad-cell');
    expect(addon.applySuggestion('nope', 'A1', 'x').reason).toBe('no-sheet');
  });

  it('the menu commands toast a summary when not called quietly', () => {
    setup();
    gas.addSheet('報名表', kindGrid('enrollment', [enrollment({ contactEmail: 'x' })]));
    addon.checkWorkbook();
    expect(gas.ss._toasts.at(-1)!.message).toMatch(/^錯誤 1、警告 \d+、提示 \d+$/);
    addon.clearMarks();
    expect(gas.ss._toasts.at(-1)!.message).toBe('已清除 1 格的檢查標記');
  });
});

describe('marks that survive edits, tabs it cannot read, protected cells', () => {
  /** A workbook with the user's own fills and notes, on marked and unmarked cells alike. */
  function userWorkbook(g: FakeGas): FakeSheetImpl {
    const sheet = g.addSheet(
      '報名表',
      kindGrid('enrollment', [
        enrollment({ shopId: 'shop_c', contactEmail: 'bad@@example.com' }), // C2 error
        enrollment({ shopId: 'shop_a' }),
        enrollment({ shopId: 'shop_e', contactEmail: 'also@@bad' }), // C4 error
        enrollment({ shopId: 'shop_b', chosenDays: '4/3、4/14' }), // I5 warning
        enrollment({ shopId: 'shop_d' }),
      ]),
    );
    const paint = (a1: string, bg: string | null, note: string | null) => {
      if (bg) cell(sheet, a1).background = bg;
      if (note) cell(sheet, a1).note = note;
    };
    paint('C2', '#00ff00', 'note on a marked cell');
    paint('C4', '#cfe2f3', null);
    paint('I5', null, 'chosen days agreed by phone');
    paint('B3', '#fff2cc', 'unmarked cell note');
    paint('A6', '#d9ead3', null);
    return sheet;
  }

  /** Two identical spreadsheets: one checked before the edits and cleared after, one only edited. */
  function twins() {
    const a = createFakeGas({ timeZone: 'Asia/Taipei' });
    const b = createFakeGas({ timeZone: 'Asia/Taipei' });
    return { a, b, sa: userWorkbook(a), sb: userWorkbook(b) };
  }

  function withGas<T>(g: FakeGas, fn: () => T): T {
    uninstall?.();
    gas = g;
    uninstall = installGlobals(g);
    return fn();
  }

  const edits: [string, (s: FakeSheetImpl) => void][] = [
    ['rows inserted above the marks', (s) => s._proxy.insertRowsBefore(3, 2)],
    ['a marked row deleted and another shifted up', (s) => s._proxy.deleteRows(2, 1)],
    ['the data sorted by shop id', (s) => s._proxy.getRange('A2:M6').sort({ column: 2, ascending: false })],
    ['a marked cell cut and pasted elsewhere', (s) => s._proxy.getRange('C4').moveTo(s._proxy.getRange('P9'))],
    [
      'all of it, then checked again',
      (s) => {
        s._proxy.insertRowsBefore(2, 1);
        s._proxy.getRange('A3:M7').sort(2);
        s._proxy.deleteRows(5, 1);
        s._proxy.getRange('I3').moveTo(s._proxy.getRange('O20'));
      },
    ],
  ];

  for (const [what, edit] of edits) {
    it(`restores every user fill and note after ${what}`, () => {
      const { a, b, sa, sb } = twins();
      withGas(a, () => {
        const r = addon.checkWorkbook({ quiet: true });
        expect(r.meta.marks.marked).toBe(3);
        expect(cell(sa, 'C2').background).toBe(ERROR_BG);
      });
      edit(sa);
      edit(sb);
      withGas(a, () => {
        if (what.endsWith('checked again')) addon.checkWorkbook({ quiet: true });
        addon.clearMarks({ quiet: true });
      });
      const norm = (x: Record<string, { bg: string; note: string }>) =>
        Object.fromEntries(Object.entries(x).filter(([, v]) => v.bg !== '#ffffff' || v.note !== ''));
      expect(norm(snapshot(sa))).toEqual(norm(snapshot(sb)));
      // And the user's things are really there (the twins could both have lost them).
      const fills = Object.values(snapshot(sb)).map((v) => v.bg).filter((c) => c !== '#ffffff');
      expect(fills.length).toBeGreaterThanOrEqual(3);
    });
  }

  it('checks, clears and builds around a chart sheet (getType() OBJECT)', () => {
    setup();
    userWorkbook(gas);
    gas.addChartSheet('圖表1');
    gas.addSheet('加碼合約', kindGrid('contracts', []));
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.meta.nonGridTabs).toEqual(['圖表1']);
    expect(report.sheets.map((s) => s.name)).toEqual(['報名表', '加碼合約']);
    expect(report.violations.filter((v) => v.ruleId === 'cell/invalid-email').map((v) => v.cell)).toEqual(['C2', 'C4']);
    const cells = new Set(report.violations.filter((v) => v.severity !== 'info' && v.cell).map((v) => `${v.sheet}!${v.cell}`));
    expect(report.meta.marks.marked).toBe(cells.size);
    expect(addon.checkActiveSheet({ quiet: true }).meta.scope).toBe('sheet');
    expect(addon.clearMarks({ quiet: true }).cleared).toBe(cells.size);
    expect(addon.buildCalendarSheet({ quiet: true }).shops).toBe(5);
    expect(addon.buildScheduleSheet({ quiet: true }).shops).toBe(5);
    expect(addon.estimateCosts({ quiet: true }).shops).toBe(5);
    expect(addon.insertTemplates({ quiet: true }).created).toEqual(['鋪底合約', '環狀數據', '廣告素材', '爆殺驚喜', 'OA串接']);
    // The fake really refuses cell calls on a chart sheet: the add-on never made one.
    expect(() => gas.sheet('圖表1')._proxy.getDataRange()).toThrow(/not supported on a sheet of type OBJECT/);
    const chartCalls = gas.rec.calls.filter((c) => c.service === 'Sheet' && c.method === 'getDataRange').length;
    expect(chartCalls).toBeGreaterThan(0);
  });

  it('skips a protected range the user may not edit, marks the rest, lists it, and clears the rest', () => {
    setup();
    const ring = gas.addSheet('環狀數據', kindGrid('ring-data', [{ shopId: 'shop_a', sendDate: '2026/4/14', sendTime: '20:30', audience: '通發型', sendCap: 1000, excludeBuyers: '否', excludeRecent: '是', requestedAt: '2026/4/1 10:00' }]));
    const sheet = userWorkbook(gas);
    sheet._protect('B4:D4', { description: 'finance only' }); // holds C4, an error cell
    sheet._protect('I1:I3', { warningOnly: true }); // warning-only: scripts may write
    const before = snapshot(sheet);
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.violations.filter((v) => v.severity !== 'info').map((v) => `${v.sheet}!${v.cell}`)).toEqual(
      expect.arrayContaining(['報名表!C2', '報名表!C4', '報名表!I5', '環狀數據!C2']),
    );
    expect(report.meta.marks.protected).toEqual([{ sheet: '報名表', range: 'B4:D4', cells: 1 }]);
    expect(report.meta.marks.marked).toBe(3); // C2, I5 and the ring-data tab's C2
    expect(cell(sheet, 'C2').background).toBe(ERROR_BG);
    expect(cell(sheet, 'I5').background).toBe(WARNING_BG);
    expect(cell(sheet, 'C4')).toMatchObject({ background: '#cfe2f3', note: '' });
    expect(cell(ring, 'C2').background).toBe(ERROR_BG);
    // The write went around the protected cell, in a few rectangles (not one per row).
    expect(gas.rec.count('Range', 'setNotes')).toBeLessThanOrEqual(6);
    const cleared = addon.clearMarks({ quiet: true });
    expect(cleared.cleared).toBe(3);
    expect(snapshot(sheet)).toEqual(before);
  });

  it('on a protected sheet, marks only its unprotected ranges', () => {
    setup();
    const sheet = userWorkbook(gas);
    sheet._protect(null, { unprotected: ['C2:C3'] });
    const report = addon.checkWorkbook({ quiet: true });
    expect(report.meta.marks.protected).toEqual([{ sheet: '報名表', range: null, cells: 2 }]);
    expect(cell(sheet, 'C2').background).toBe(ERROR_BG);
    expect(cell(sheet, 'C4').background).toBe('#cfe2f3');
    expect(cell(sheet, 'I5').note).toBe('chosen days agreed by phone');
  });
});

describe('自動檢查 (live check, simple onEdit trigger)', () => {
  function editEvent(sheet: FakeSheetImpl, a1: string, authMode = 'LIMITED') {
    return { authMode: { toString: () => authMode }, range: sheet._proxy.getRange(a1), source: gas.ss._proxy };
  }

  function liveWorkbook(rows = 3) {
    setup();
    const list = Array.from({ length: rows }, (_, i) => enrollment({ shopId: `shop_${String(i).padStart(4, '0')}`, contactEmail: i === 1 ? 'bad@@example.com' : 'ok@example.com' }));
    const enr = gas.addSheet('報名表', kindGrid('enrollment', list));
    const con = gas.addSheet('加碼合約', kindGrid('contracts', [{ shopId: 'shop_0000', contractType: '活動加碼', remark: '4/1_加碼10%', start: '2026/04/01 00:00:00', end: '2026/04/01 23:59:59', productType: 'normal', baseRate: '2%', frontRate: '10%', rebateCap: -1, cps: '12%', vendorBonus: '0%' }]));
    gas.addSheet('memo', { values: [['free text']] });
    return { enr, con };
  }

  it('is off until switched on per document, and does nothing in AuthMode.NONE', () => {
    const { enr } = liveWorkbook();
    expect(addon.getLiveStatus()).toEqual({ enabled: false, last: null });
    addon.onEdit(editEvent(enr, 'C3'));
    expect(cell(enr, 'C3').background).toBe('#ffffff');
    expect(addon.setLiveCheck(true).enabled).toBe(true);
    expect(gas.docProps.getProperty('partnerCheck.live')).toBe('on');
    const none = editEvent(enr, 'C3', 'NONE');
    gas.rec.reset();
    addon.onEdit(none);
    expect(gas.rec.calls).toEqual([]);
    expect(() => addon.setLiveCheck('yes')).toThrow(/true or false/);
  });

  it('updates the marks of the edited row, and of the tabs whose rules read it', () => {
    const { enr, con } = liveWorkbook();
    addon.setLiveCheck(true);
    addon.onEdit(editEvent(enr, 'C3'));
    expect(cell(enr, 'C3').background).toBe(ERROR_BG);
    // partner/missing-day on B2..B4 (the enrollment read with the contracts), and on the contracts
    // tab contract/vendor-bonus-mismatch on L2: the dependent tab was marked by an edit of the enrollment.
    expect(['B2', 'B3', 'B4'].map((a) => cell(enr, a).background)).toEqual([ERROR_BG, ERROR_BG, ERROR_BG]);
    expect(cell(con, 'L2').note).toContain(NOTE_MARKER);
    expect(cell(con, 'L2').background).toBe(ERROR_BG);
    let status = addon.getLiveStatus();
    expect(status.last).toMatchObject({ sheet: '報名表', skipped: null, seq: 1, marked: 5 });
    // The enrollment's rules read the contracts (and more): those tabs are re-marked too; memo is not.
    expect(status.last!.tabs).toEqual(['加碼合約', '報名表']);

    // The user fixes C3 and breaks C4: one edit event each.
    enr._cell(3, 3).value = 'fixed@example.com';
    addon.onEdit(editEvent(enr, 'C3'));
    expect(cell(enr, 'C3')).toMatchObject({ background: '#ffffff', note: '' });
    enr._cell(4, 3).value = 'broken@@';
    addon.onEdit(editEvent(enr, 'C4'));
    expect(cell(enr, 'C4').background).toBe(ERROR_BG);
    expect(cell(enr, 'C4').note).toContain(NOTE_MARKER);
    status = addon.getLiveStatus();
    expect(status.last).toMatchObject({ seq: 3, marked: 5 });
    expect(cell(enr, 'C3').background).toBe('#ffffff');
    // Switched off: edits are left alone.
    addon.setLiveCheck(false);
    enr._cell(4, 3).value = 'ok@example.com';
    addon.onEdit(editEvent(enr, 'C4'));
    expect(cell(enr, 'C4').background).toBe(ERROR_BG);
  });

  it('an edit on a generated or chart tab does nothing; a busy lock is recorded, not thrown', () => {
    const { enr } = liveWorkbook();
    addon.setLiveCheck(true);
    gas.addChartSheet('圖表1');
    addon.buildCalendarSheet({ quiet: true });
    gas.rec.reset();
    addon.onEdit(editEvent(gas.sheet(GENERATED_TABS.calendar), 'A1'));
    expect(gas.rec.count('Range', 'setNotes')).toBe(0);
    gas.lock.held = true;
    addon.onEdit(editEvent(enr, 'C3'));
    expect(addon.getLiveStatus().last).toMatchObject({ skipped: 'busy', marked: 0 });
    gas.lock.held = false;
  });

  it('re-checks a 2,000-row tab within the 30 s simple-trigger limit, with O(tabs) service calls', () => {
    const run = (rows: number) => {
      const { enr } = liveWorkbook(rows);
      addon.setLiveCheck(true);
      gas.rec.reset();
      const t0 = performance.now();
      addon.onEdit(editEvent(enr, 'C3'));
      const cpuMs = performance.now() - t0;
      const names = gas.rec.names((c) => c.service !== 'Utilities');
      const engine = validateWorkbook(loadWorkbook().workbook, { today: '2026-03-20' });
      const cells = new Set(engine.violations.filter((v) => v.severity !== 'info' && v.cell && v.sheet !== 'memo').map((v) => `${v.sheet}!${v.cell}`));
      return { names, serviceMs: gas.rec.serviceMs(), cpuMs, marked: addon.getLiveStatus().last!.marked, expected: cells.size };
    };
    const small = run(10);
    const big = run(2000);
    expect(big.names).toEqual(small.names); // the same calls, whatever the row count
    expect(big.names.length).toBeLessThan(60);
    // Every enrolled shop lacks partner-plan days (column B), C3 is bad, L2 on the contracts tab.
    expect(big.marked).toBe(big.expected);
    expect(big.marked).toBeGreaterThan(2000);
    // The fake's clock (CALL_COST per call and per cell) plus the real computing time.
    expect(big.serviceMs + big.cpuMs).toBeLessThan(30_000);
  }, 120_000);
});
