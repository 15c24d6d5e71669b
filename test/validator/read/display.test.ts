import { describe, it, expect } from 'vitest';
import { displayTextFor } from '../../../validator/read/display';

const date = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => ({ type: 'date' as const, wall: Date.UTC(y, m - 1, d, h, mi, s) });

describe('displayTextFor', () => {
  it('formats numbers the way the sheet shows them', () => {
    expect(displayTextFor(0.08, '0%')).toBe('8%');
    expect(displayTextFor(0.125, '0.0%')).toBe('12.5%');
    expect(displayTextFor(1200000, '#,##0')).toBe('1,200,000');
    expect(displayTextFor(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(displayTextFor(1.2, '"NT$"#,##0.0')).toBe('NT$1.2');
    expect(displayTextFor(1500, '#,##0 "元"')).toBe('1,500 元');
    expect(displayTextFor(15, '[Red]0_)')).toBe('15');
    expect(displayTextFor(0.1 + 0.2, 'General')).toBe('0.3');
    expect(displayTextFor(46101, undefined)).toBe('46101');
    expect(displayTextFor(1234.5678, '0.00E+00')).toBe('1234.5678');
  });

  it('formats dates by their format, never by the host time zone', () => {
    expect(displayTextFor(date(2026, 3, 20, 10), 'yyyy/m/d hh:mm:ss')).toBe('2026/3/20 10:00:00');
    expect(displayTextFor(date(2026, 3, 20, 10), 'yyyy/m/d')).toBe('2026/3/20');
    expect(displayTextFor(date(1899, 12, 30, 8, 30), 'h:mm')).toBe('08:30');
    expect(displayTextFor(date(2026, 3, 20, 10, 5), undefined)).toBe('2026/3/20 10:05:00');
    expect(displayTextFor(date(2026, 3, 20), '#27')).toBe('115/3/20');
    expect(displayTextFor(date(2026, 3, 20), '[$-404]e/m/d')).toBe('115/3/20');
    expect(displayTextFor(date(2026, 3, 20), 'yyyy"年"m"月"d"日"')).toBe('2026年3月20日');
    expect(displayTextFor(date(2026, 3, 20), '#28')).toBe('115年3月20日');
    expect(displayTextFor(date(2026, 3, 20), '#30')).toBe('3/20/26');
    expect(displayTextFor(date(1899, 12, 30, 14, 5), '#34')).toBe('下午 02時05分');
  });

  it('shows booleans, errors and strings plainly', () => {
    expect(displayTextFor(true, undefined)).toBe('TRUE');
    expect(displayTextFor({ type: 'error', error: '#N/A' }, undefined)).toBe('#N/A');
    expect(displayTextFor('是', 'General')).toBe('是');
  });
});
