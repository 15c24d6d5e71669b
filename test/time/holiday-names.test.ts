/**
 * Holiday names in English (issue 13): every name the office calendar uses — the bundled copy and
 * the shared CSV it is made from — has an English name, and the calendar outputs use it with
 * `--lang en`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOLIDAY_NAMES_EN } from '../../rules/data/holiday-names-en.js';
import { civil, holidayNameIn, rebateCalendar } from '../../rules/index.js';
import { calendarHtml, calendarText } from '../../validator/format/calendar.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function namesOf(csvPath: string): string[] {
  const lines = readFileSync(csvPath, 'utf8').split(/\r?\n/).slice(1).filter((l) => l.trim());
  return [...new Set(lines.map((l) => l.split(',')[3]!))].sort();
}

describe('HOLIDAY_NAMES_EN', () => {
  for (const csv of ['rules/data/tw-office-calendar.csv', '../shared/data/tw-office-calendar.csv']) {
    it(`has an English name for every name in ${csv}, and nothing else`, () => {
      const names = namesOf(path.resolve(ROOT, csv));
      expect(names.length).toBeGreaterThan(10);
      for (const n of names) expect(HOLIDAY_NAMES_EN[n], n).toMatch(/^[A-Z][A-Za-z’' /-]+$/);
      expect(Object.keys(HOLIDAY_NAMES_EN).sort()).toEqual(names);
    });
  }

  it('holidayNameIn picks the language; an unknown name stays as written', () => {
    expect(holidayNameIn('端午節', 'en')).toBe('Dragon Boat Festival');
    expect(holidayNameIn('端午節', 'zh-TW')).toBe('端午節');
    expect(holidayNameIn('某某節', 'en')).toBe('某某節');
  });
});

describe('rebate calendar and its outputs name holidays in the chosen language', () => {
  const april = rebateCalendar('2026-04', [civil.dayFromYmd(2026, 4, 1)]);

  it('each day carries both names', () => {
    const byDate = new Map(april.days.map((d) => [d.date, d]));
    expect(byDate.get('2026-04-03')).toMatchObject({ holiday: '補假', holidayEn: 'Make-up day off' });
    expect(byDate.get('2026-04-04')).toMatchObject({ holiday: '兒童節', holidayEn: 'Children’s Day' });
    expect(byDate.get('2026-04-05')).toMatchObject({ holiday: '清明節', holidayEn: 'Tomb Sweeping Day' });
    expect(byDate.get('2026-04-07')).toMatchObject({ holiday: null, holidayEn: null });
  });

  it('calendarText in English lists English names, in zh-TW the zh-TW ones', () => {
    const en = calendarText(april, { lang: 'en', columns: 100 });
    const tail = en.split('\n').at(-1)!;
    expect(tail).toContain('4/3 Make-up day off, 4/4 Children’s Day, 4/5 Tomb Sweeping Day, 4/6 Make-up day off');
    expect(en).not.toMatch(/[補兒清]/);
    const zh = calendarText(april, { lang: 'zh-TW', columns: 100 });
    expect(zh).toContain('4/3 補假、4/4 兒童節、4/5 清明節、4/6 補假');
  });

  it('calendarHtml in English writes the English name in the cell', () => {
    const html = calendarHtml(april, { lang: 'en' });
    expect(html).toMatch(/data-date="2026-04-05"[^>]*>.*?<span class="hol">Tomb Sweeping Day<\/span><\/td>/);
    expect(html).not.toContain('清明節');
  });
});
