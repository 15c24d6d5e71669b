import { describe, it, expect } from 'vitest';
import { parseDateText, parseDateValue, isDateFormat } from '../../rules/values/date.js';
import { dayFromYmd } from '../../rules/time/civil.js';

const opts = { yearFor: () => 2026 };
const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d);

describe('parseDateText (SPEC §4.5 forms)', () => {
  it.each([
    ['2026/5/8', day(2026, 5, 8), undefined],
    ['2026-05-08', day(2026, 5, 8), undefined],
    ['2026.5.8', day(2026, 5, 8), undefined],
    ['5/8', day(2026, 5, 8), undefined],
    ['2026年5月8日', day(2026, 5, 8), undefined],
    ['5月8日', day(2026, 5, 8), undefined],
    ['115/5/8', day(2026, 5, 8), undefined],
    ['民國115年5月8日', day(2026, 5, 8), undefined],
    ['２０２６／５／８', day(2026, 5, 8), undefined],
    ['５/８', day(2026, 5, 8), undefined],
    ['5/8(五)', day(2026, 5, 8), undefined],
    ['5/8（五）', day(2026, 5, 8), undefined],
    ['5/8(Fri)', day(2026, 5, 8), undefined],
    ['5/8 (週五)', day(2026, 5, 8), undefined],
    ['2026/3/20 10:00', day(2026, 3, 20), 36000],
    ['2026/05/08 23:59:59', day(2026, 5, 8), 86399],
    ['2026-05-08T08:30', day(2026, 5, 8), 30600],
    ['20260508', day(2026, 5, 8), undefined],
    // Google Forms' zh-TW and English timestamps (SPEC §4.5)
    ['2026/5/21 下午 5:00:00', day(2026, 5, 21), 61200],
    ['2026/5/21 上午 9:05:00', day(2026, 5, 21), 32700],
    ['2026/5/21 上午 12:30:00', day(2026, 5, 21), 1800],
    ['2026/5/21 下午 12:30:00', day(2026, 5, 21), 45000],
    ['2026/5/21 下午5:00', day(2026, 5, 21), 61200],
    ['2026/5/21 5:00:00 PM', day(2026, 5, 21), 61200],
    ['2026/5/21 12:00 AM', day(2026, 5, 21), 0],
    ['2026/5/21 8:15 am', day(2026, 5, 21), 29700],
  ])('%s', (text, expectedDay, seconds) => {
    const r = parseDateText(text, opts);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual({ day: expectedDay, seconds });
      expect(r.issues).toEqual([]);
    }
  });

  it.each(['2026/2/30', '5/32', 'next Friday', '2026/5/8 25:00', '13/1', '5/8(火)', '', '2026//5', '2026/5/21 下午 13:00:00', '2026/5/21 下午 0:30', '2026/5/21 下午 5:00 PM'])('rejects %j', (text) => {
    const r = parseDateText(text, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.ruleId).toBe('cell/invalid-date');
  });

  it('flags a weekday mark that disagrees with the date, and keeps the date', () => {
    const r = parseDateText('5/8(四)', opts);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.day).toBe(day(2026, 5, 8));
      expect(r.issues).toEqual([{ ruleId: 'cell/weekday-mismatch', messageId: 'default', data: expect.objectContaining({ mark: '四', actual: '五', date: '2026/5/8' }) }]);
    }
  });

  it('takes the year for M/D from the campaign', () => {
    const r = parseDateText('1/5', { yearFor: (m) => (m < 4 ? 2027 : 2026) });
    expect(r.ok && r.value.day).toBe(day(2027, 1, 5));
  });
});

describe('parseDateValue (cells)', () => {
  it('reads date cells as wall clock', () => {
    const r = parseDateValue({ type: 'date', wall: Date.UTC(2026, 2, 20, 10, 0, 0) }, 'yyyy/m/d hh:mm:ss', opts);
    expect(r.ok && r.value).toEqual({ day: day(2026, 3, 20), seconds: 36000 });
  });

  it.each([
    ['a LibreOffice date-time serial', 46101.4166666667, 'yyyy/m/d\\ hh:mm:ss', day(2026, 3, 20), 36000],
    ['a zh-TW built-in format id 27 read back as a number', 46150, '#27', day(2026, 5, 8), 0],
    ['a zh-TW built-in format id 31', 46150, '#31', day(2026, 5, 8), 0],
    ['a plausible serial without any format', 46150, undefined, day(2026, 5, 8), 0],
    ['23:59:59 stays 23:59:59 (no rounding into the next day)', 46143.9999884259, 'yyyy/m/d hh:mm:ss', day(2026, 5, 1), 86399],
  ])('%s', (_n, serial, format, expectedDay, seconds) => {
    const r = parseDateValue(serial, format, opts);
    expect(r.ok && r.value).toEqual({ day: expectedDay, seconds });
  });

  it('does not read a number formatted as a number as a date', () => {
    const r = parseDateValue(46150, '#,##0', opts);
    expect(r.ok).toBe(false);
  });

  it('reports formula errors', () => {
    const r = parseDateValue({ type: 'error', error: '#N/A' }, undefined, opts);
    expect(!r.ok && r.issues[0]!.ruleId).toBe('cell/formula-error');
  });

  it.each([
    ['yyyy/m/d', true],
    ['[$-404]e/m/d', true],
    ['0%', false],
    ['#,##0', false],
    ['General', false],
    ['"yes"0', false],
    ['#14', true],
    ['#9', false],
  ])('isDateFormat(%j) = %s', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});
