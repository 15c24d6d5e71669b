import { describe, it, expect } from 'vitest';
import { rebateCalendar, calendarGrid } from '../../rules/index.js';
import { dayFromYmd } from '../../rules/time/civil.js';

describe('rebate calendar (SPEC §6)', () => {
  const jan = rebateCalendar('2026-01', [dayFromYmd(2026, 1, 1), dayFromYmd(2026, 1, 14), dayFromYmd(2026, 1, 31)]);

  it("reproduces the deck's January 2026 grid with chosen days 1, 14, 31", () => {
    // The deck's grid, Monday first; each cell as "day:rate".
    const label = (d: { date: string; rate: number } | null) => (d ? `${Number(d.date.slice(8))}:${d.rate}` : '');
    expect(calendarGrid(jan).map((w) => w.map(label))).toEqual([
      ['', '', '', '1:10', '2:10', '3:5', '4:5'],
      ['5:5', '6:5', '7:5', '8:5', '9:10', '10:5', '11:5'],
      ['12:5', '13:5', '14:10', '15:5', '16:10', '17:5', '18:5'],
      ['19:5', '20:5', '21:5', '22:5', '23:10', '24:5', '25:5'],
      ['26:5', '27:5', '28:5', '29:5', '30:10', '31:10', ''],
    ]);
  });

  it('says why each day has its rate, and marks holidays and working days', () => {
    expect(jan.days[0]).toEqual({ date: '2026-01-01', day: dayFromYmd(2026, 1, 1), weekday: 4, rate: 10, reason: 'chosen', holiday: '開國紀念日', holidayEn: 'Founding Day of the ROC', workingDay: false });
    expect(jan.days[1]).toMatchObject({ date: '2026-01-02', reason: 'friday', rate: 10, holiday: null, workingDay: true });
    expect(jan.days[2]).toMatchObject({ date: '2026-01-03', reason: 'daily', rate: 5, workingDay: false });
    expect(jan.days.filter((d) => d.reason === 'chosen').map((d) => d.date)).toEqual(['2026-01-01', '2026-01-14', '2026-01-31']);
    expect(jan.days.filter((d) => d.reason === 'friday').map((d) => d.date.slice(8))).toEqual(['02', '09', '16', '23', '30']);
  });

  it('a chosen day on a Friday is reported as chosen (one reason per day)', () => {
    const may = rebateCalendar('2026-05', [dayFromYmd(2026, 5, 8)]);
    expect(may.days[7]).toMatchObject({ date: '2026-05-08', reason: 'chosen', rate: 10 });
    expect(may.days[0]).toMatchObject({ date: '2026-05-01', reason: 'friday', holiday: '勞動節', workingDay: false });
  });

  it('outside the office calendar the working-day flag is null, not a guess', () => {
    expect(rebateCalendar('2028-01', []).days[0]!.workingDay).toBeNull();
  });
});
