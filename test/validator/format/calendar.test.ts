import { describe, expect, it } from 'vitest';
import { civil, rebateCalendar } from '../../../rules/index';
import { calendarHtml, calendarText } from '../../../validator/format/calendar';
import { displayWidth } from '../../../validator/format/terminal';

const jan = rebateCalendar('2026-01', [1, 14, 31].map((d) => civil.dayFromYmd(2026, 1, d)));

describe('calendarText', () => {
  it('reproduces the deck’s January 2026 grid, Monday first', () => {
    const lines = calendarText(jan, { lang: 'zh-TW', columns: 100 }).split('\n');
    expect(lines[0]).toBe('2026 年 1 月 回饋日曆');
    expect(lines[1].split(/\s+/)).toEqual(['週一', '週二', '週三', '週四', '週五', '週六', '週日']);
    expect(lines[2].trim().split(/\s+/)).toEqual(['1日', '2日', '3日', '4日']);
    expect(lines[3].trim().split(/\s+/)).toEqual(['任選日10%', '週五翻倍10%', '日常鋪底5%', '日常鋪底5%']);
    expect(lines[4].trim()).toBe('開國紀念日');
    const last = lines.findIndex((l) => l.startsWith('26日'));
    expect(lines[last + 1]!.trim().split(/\s+/)).toEqual(['日常鋪底5%', '日常鋪底5%', '日常鋪底5%', '日常鋪底5%', '週五翻倍10%', '任選日10%']);
  });

  it('pads the first week so the 1st falls under its weekday', () => {
    const lines = calendarText(jan, { lang: 'en' }).split('\n');
    expect(lines[2]!.indexOf('1')).toBe(lines[1]!.indexOf('Thu'));
  });

  it('colours 10% and 5% days differently when asked, red only for the dates of days off', () => {
    const coloured = calendarText(jan, { lang: 'zh-TW', color: true, columns: 100 });
    expect(coloured).toContain('\u001b[32m任選日10%');
    expect(coloured).toContain('\u001b[32m週五翻倍10%');
    expect(coloured).not.toContain('\u001b[32m日常鋪底5%');
    // 1/1 (元旦) and the weekend 1/3 are days off; 1/2 (Friday) is a working day.
    expect(coloured).toContain('\u001b[31m1日');
    expect(coloured).toContain('\u001b[31m3日');
    expect(coloured).toContain('\u001b[1m2日');
    const reds = coloured.match(/\u001b\[31m[^\u001b]*/g)!.map((x) => x.slice(5).trim());
    for (const red of reds) expect(red).toMatch(/^\d+日$|元旦|[^%]$/);
  });
});

describe('calendarText at 80 columns (the default)', () => {
  it('is the compact grid: the rate on the date line, the label without it, no line over 80 columns', () => {
    const lines = calendarText(jan, { lang: 'zh-TW' }).split('\n');
    expect(lines[1]).toBe('週一       週二       週三       週四       週五       週六       週日');
    expect(lines[2]).toBe('                                 1日 10%    2日 10%    3日 5%     4日 5%');
    expect(lines[3]).toBe('                                 任選日     週五翻倍   日常鋪底   日常鋪底');
    expect(lines[4]).toBe('                                 開國紀念日');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });

  it('keeps red for the dates of days off only: the rate after the date is green on a bonus day', () => {
    const coloured = calendarText(jan, { lang: 'zh-TW', color: true });
    expect(coloured).toContain('\u001b[31m1日\u001b[39m \u001b[32m10%\u001b[39m');
    expect(coloured).toContain('\u001b[1m2日\u001b[22m \u001b[32m10%\u001b[39m');
    expect(coloured).toContain('\u001b[31m3日\u001b[39m 5%');
  });
});

describe('calendarHtml', () => {
  it('has seven columns per week and rate classes', () => {
    const html = calendarHtml(jan, { lang: 'zh-TW' });
    const rows = html.match(/<tr>.*?<\/tr>/g)!;
    expect(rows).toHaveLength(6); // header + 5 weeks
    for (const row of rows.slice(1)) expect(row.match(/<td/g)).toHaveLength(7);
    expect(html).toContain('<td class="rate-high chosen holiday off" data-date="2026-01-01" data-rate="10">');
  });
});
