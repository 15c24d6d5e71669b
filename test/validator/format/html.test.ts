import { describe, expect, it } from 'vitest';
import { rebateCalendar, civil } from '../../../rules/index';
import { formatHtml } from '../../../validator/format/html';
import { escapeHtml, escapeXml, jsonForScript } from '../../../validator/format/escape';
import { HOSTILE, sampleReport } from './sample';

const report = sampleReport();
const calendars = {
  'b.xlsx': [
    {
      shopId: '<shop>',
      brandName: HOSTILE,
      sheet: '報名表',
      row: 2,
      planLabel: { 'zh-TW': '季方案', en: 'Quarter plan' },
      months: [rebateCalendar('2026-05', [civil.dayFromYmd(2026, 5, 6)])],
    },
  ],
};
const html = formatHtml(report, { lang: 'zh-TW', today: '2026-03-20', calendars, rates: { daily: 5, friday: 10, chosen: 10 } });

describe('formatHtml', () => {
  it('escapes file paths, sheet names, messages, values and calendar labels', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('<shop>');
    expect(html).not.toContain('a & <b>.xlsx');
    expect(html).toContain('a &amp; &lt;b&gt;.xlsx');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Notes &amp; &lt;stuff&gt;');
  });

  it('neutralises cell values shown in the table (pasting them into a sheet starts no formula)', () => {
    expect(html).toContain(`<td class="value">&#39;=cmd@@x</td>`);
  });

  it('loads nothing from outside', () => {
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).toContain(`default-src 'none'`);
  });

  it('lists every violation with its severity and rule for the client-side filter', () => {
    const rows = html.match(/<tr class="(error|warning|info)" data-severity=/g) ?? [];
    expect(rows).toHaveLength(report.files.reduce((n, f) => n + f.violations.length, 0));
    for (const rule of new Set(report.files.flatMap((f) => f.violations.map((v) => v.ruleId)))) expect(html).toContain(`<option value="${rule}">`);
  });

  it('draws the calendar Monday first, chosen day and Friday as 10%, holidays marked', () => {
    expect(html).toMatch(/<th scope="col">週一<\/th>.*<th scope="col">週日<\/th>/s);
    expect(html).toContain('class="rate-high chosen" data-date="2026-05-06" data-rate="10"');
    expect(html).toContain('class="rate-high friday holiday off" data-date="2026-05-01"');
    expect(html).toContain('class="rate-low daily" data-date="2026-05-04" data-rate="5"');
  });

  it('draws each month of rates beside its grid: one bar per day, height = rate, bonus days in the legend\'s high colour', () => {
    const fig = /<figure class="rates" data-month="2026-05"><figcaption>2026 年 5 月 每日回饋率<\/figcaption><svg[^>]*>(.*?)<\/svg><\/figure>/s.exec(html);
    expect(fig).not.toBeNull();
    // Inside the month's block, right after its grid.
    expect(html).toMatch(/<div class="month"><table class="cal"[^>]*data-month="2026-05"[\s\S]*?<\/table><figure class="rates" data-month="2026-05">/);
    const bars = [...fig![1]!.matchAll(/<rect class="([^"]+)" x="[\d.]+" y="([\d.]+)" width="9" height="(\d+)" fill="(#[0-9a-f]+)" data-date="([\d-]+)" data-rate="(\d+)">/g)];
    expect(bars).toHaveLength(31);
    const month = rebateCalendar('2026-05', [civil.dayFromYmd(2026, 5, 6)]);
    expect(bars.map((b) => [b[5], Number(b[6])])).toEqual(month.days.map((d) => [d.date, d.rate]));
    // Height = rate: 10% is the full 60 units, 5% half; the bars stand on one baseline (y + height = 68).
    for (const b of bars) {
      expect(Number(b[3])).toBe(Number(b[6]) === 10 ? 60 : 30);
      expect(Number(b[2]) + Number(b[3])).toBe(68);
    }
    const may6 = bars.find((b) => b[5] === '2026-05-06')!;
    expect([may6[1], may6[4]]).toEqual(['rate-high chosen', '#06c755']);
    const may1 = bars.find((b) => b[5] === '2026-05-01')!;
    expect([may1[1], may1[4]]).toEqual(['rate-high friday off', '#06c755']);
    const may4 = bars.find((b) => b[5] === '2026-05-04')!;
    expect([may4[1], may4[4]]).toEqual(['rate-low daily', '#bdc1c6']);
    expect(html).toContain('<title>5/6 週三 10%</title>');
  });

  it('is English with lang en', () => {
    const en = formatHtml(report, { lang: 'en', calendars });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<th scope="col">Mon</th>');
    expect(en).toContain('Quarter plan');
    expect(en).toContain('<figcaption>Daily rebate rates, May 2026</figcaption>');
  });
});

describe('escaping helpers', () => {
  it('escapes HTML and XML, and drops characters XML cannot hold', () => {
    expect(escapeHtml(`<a href='x'>&"\``)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;&#96;');
    expect(escapeXml('a\u0001b<')).toBe('a\uFFFDb&lt;');
    expect(jsonForScript({ s: '</script><!--' })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--"}');
  });
});
