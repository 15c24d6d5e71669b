import { describe, expect, it } from 'vitest';
import { civil, rebateCalendar } from '../../../rules/index';
import { barChartLayout, barChartSvg, countItems, rateMonthLayout, rateMonthSvg, rateTickDays } from '../../../validator/format/chart';

const RATES = { daily: 5, friday: 10, chosen: 10 };

describe('bar charts', () => {
  it('counts keys largest first, ties by label', () => {
    expect(countItems(['b', 'a', 'b', 'c', 'a', 'b'])).toEqual([
      { label: 'b', value: 3 },
      { label: 'a', value: 2 },
      { label: 'c', value: 1 },
    ]);
  });

  it('draws at most `max` bars, the rest summed into one "others" bar; widths proportional to the largest', () => {
    const items = Array.from({ length: 15 }, (_, i) => ({ label: `rule/${String(i).padStart(2, '0')}`, value: 15 - i }));
    const l = barChartLayout(items, { title: 'T', max: 12, others: '其他' });
    expect(l.bars).toHaveLength(12);
    expect(l.bars.at(-1)).toMatchObject({ label: '其他', value: 4 + 3 + 2 + 1 });
    expect(l.bars[0]!.width).toBe(156);
    expect(l.bars[1]!.width).toBe(Math.round((14 / 15) * 156));
    expect(l.bars.map((b) => b.y)).toEqual(l.bars.map((_, i) => i * 22 + 2));
    const svg = barChartSvg(items, { title: 'T', max: 12, others: '其他' });
    expect(svg.match(/<rect /g)).toHaveLength(12);
    expect(svg).toContain('<title>其他: 10</title>');
  });

  it('cuts long labels (the tooltip keeps them whole) and escapes them', () => {
    const long = 'enrollment/chosen-day-outside-plan';
    const l = barChartLayout([{ label: long, value: 1 }], { title: 't' });
    expect(l.bars[0]!.shortLabel).toBe('enrollment/chosen-day-out…');
    expect(barChartSvg([{ label: '<b>&', value: 2 }], { title: '<x>' })).toContain('<title>&lt;b&gt;&amp;: 2</title>');
  });
});

describe('the month of rates', () => {
  it('has one bar per day, height = rate, tier colours, days off marked', () => {
    const month = rebateCalendar('2026-05', [civil.dayFromYmd(2026, 5, 6)]);
    const l = rateMonthLayout('2026-05', month.days, RATES, 'May');
    expect(l.bars).toHaveLength(31);
    expect(l.bars.map((b) => b.height)).toEqual(month.days.map((d) => (d.rate === 10 ? 60 : 30)));
    expect(l.bars.every((b) => b.y + b.height === l.baseY)).toBe(true);
    expect(l.bars[5]).toMatchObject({ date: '2026-05-06', fill: '#06c755', cls: 'rate-high chosen', tip: '5/6 週三 10%' });
    expect(l.bars[0]).toMatchObject({ cls: 'rate-high friday off' });
    expect(l.bars[3]).toMatchObject({ fill: '#bdc1c6', cls: 'rate-low daily' });
    expect(rateTickDays(l)).toEqual([1, 8, 15, 22, 29]);
    const svg = rateMonthSvg(l);
    expect(svg.match(/<rect /g)).toHaveLength(31);
    expect(svg.match(/<text class="tick"/g)).toHaveLength(5);
  });
});
