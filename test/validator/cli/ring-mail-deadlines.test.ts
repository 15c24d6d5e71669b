/**
 * `partner-check ring-mail` and `partner-check deadlines` (SPEC §6, §7): the e-mails open in a
 * standard mail parser (mailparser) with the deck's subject and six body lines; the .ics parses
 * with node-ical and every event lies at the right Taipei time, whatever the host TZ.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import ical from 'node-ical';
import { FIXTURES, REPO_ROOT, runCli, runMain, tempDir } from './helpers.js';

const WORKBOOK = path.join(FIXTURES, 'libreoffice', 'partner-workbook.xlsx');
/** The clean example has a 廣告素材 tab: goodday_food exposed Fri 4/24, trendy_closet Fri 5/15. */
const WITH_ADS = path.join(REPO_ROOT, 'templates', 'examples', 'clean.xlsx');

describe('ring-mail', () => {
  it('writes one .eml per valid ring-data row, in the deck’s wording, and says why the others got none', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runMain(['ring-mail', WORKBOOK, '--today', '2026-04-20', '--out', dir]);
      expect(r.code).toBe(1); // two rows have errors
      expect(readdirSync(dir)).toEqual(['2026-05-12_goodday_food_r2.eml']);
      const mail = await simpleParser(readFileSync(path.join(dir, '2026-05-12_goodday_food_r2.eml')));
      expect(mail.subject).toBe('【好日子食品】2026/05/12_環狀數據發送需求');
      expect((mail.to as { text: string }).text).toBe('lspsmb@linecorp.com');
      expect(mail.text!.trim().split(/\r?\n/)).toEqual([
        '發送環狀品牌：好日子食品',
        '發送環狀日期/時間：2026/05/12 20:00',
        '發送環狀受眾：通發型',
        '發送人數上限：100000',
        '是否排除買家：是（近3個月）',
        '是否排除近期發送受眾：是',
      ]);
      expect(r.stdout).toContain('最晚寄出日：5/7(四)');
      expect(r.stdout).toContain('環狀數據 第 3 列（goodday_food）有錯誤，沒有產生信件：');
      expect(r.stdout).toContain('ring/invalid-time');
      expect(r.stdout).toContain('mailto:lspsmb@linecorp.com?subject=%E3%80%90');
    } finally {
      cleanup();
    }
  });

  it('is byte-identical run after run', async () => {
    const a = tempDir();
    const b = tempDir();
    try {
      await runMain(['ring-mail', WORKBOOK, '--today', '2026-04-20', '--out', a.dir]);
      await runMain(['ring-mail', WORKBOOK, '--today', '2026-04-20', '--out', b.dir]);
      const name = '2026-05-12_goodday_food_r2.eml';
      expect(readFileSync(path.join(a.dir, name)).equals(readFileSync(path.join(b.dir, name)))).toBe(true);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('needs a file', async () => {
    expect((await runMain(['ring-mail'])).code).toBe(2);
  });
});

describe('deadlines', () => {
  it('lists every deadline sorted, with weekdays', async () => {
    const r = await runMain(['deadlines', WORKBOOK, '--today', '2026-04-20']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^3\/23\(一\) 23:59  季方案報名截止/);
    expect(lines.some((l) => l.startsWith('5/7(四) 23:59  goodday_food 環狀數據 5/12 發送需求寄信截止'))).toBe(true);
    const json = JSON.parse((await runMain(['deadlines', WORKBOOK, '--today', '2026-04-20', '--format', 'json'])).stdout) as { deadlines: { at: string }[] };
    const ats = json.deadlines.map((d) => d.at);
    expect([...ats].sort()).toEqual(ats);
  });

  for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
    it(`writes an .ics that node-ical reads with every event at its Taipei last minute (host TZ ${tz})`, async () => {
      const { dir, cleanup } = tempDir();
      try {
        const out = path.join(dir, 'deadlines.ics');
        const r = await runCli(['deadlines', WORKBOOK, '--today', '2026-04-20', '--format', 'ics', '--out', out], { env: { TZ: tz } });
        expect(r.code).toBe(0);
        const text = readFileSync(out, 'utf8');
        expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Taipei');
        const json = JSON.parse((await runMain(['deadlines', WORKBOOK, '--today', '2026-04-20', '--format', 'json'])).stdout) as { deadlines: { at: string; remindOn: string | null }[] };
        const events = Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
        expect(events).toHaveLength(json.deadlines.length);
        events.forEach((e, i) => {
          const at = json.deadlines[i]!.at; // YYYY/MM/DD HH:mm:ss, Taipei
          const [y, mo, d, h, mi] = at.split(/[/ :]/).map(Number) as [number, number, number, number, number];
          expect(e!.start.getTime(), `${e!.summary}`).toBe(Date.UTC(y, mo - 1, d, h - 8, mi));
        });
        // One alarm per event, one working day before: Mon 2026-03-23 → the Friday before (3 days).
        const triggers = [...text.matchAll(/^TRIGGER:(.*)\r$/gm)].map((m) => m[1]);
        expect(triggers).toHaveLength(events.length);
        expect(triggers.every((x) => /^-P\d+D$/.test(x!))).toBe(true);
        expect(triggers[0]).toBe('-P3D');
        expect(json.deadlines[0]!.remindOn).toBe('2026-03-20');
      } finally {
        cleanup();
      }
    });
  }
});

describe('deadlines: ad materials (品牌館牌卡, 於 3 個工作日前上稿完成)', () => {
  const ad1 = 'goodday_food 廣告素材（4/24 曝光）上稿截止';
  const ad2 = 'trendy_closet 廣告素材（5/15 曝光）上稿截止';

  it('text: each ad at 23:59 of the 3rd working day before its exposure, sorted among the contracts', async () => {
    const r = await runMain(['deadlines', WITH_ADS, '--today', '2026-03-20']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(/  \(.*\)$/, ''));
    const i = lines.indexOf(`4/21(二) 23:59  ${ad1}`);
    expect(i).toBeGreaterThan(0);
    expect(lines.slice(i - 1, i + 2)).toEqual(['4/21(二) 23:59  goodday_food 加碼合約 「4/24_加碼10%」 送審截止', `4/21(二) 23:59  ${ad1}`, '4/22(三) 23:59  goodday_food 加碼合約 「4/25-4/27_加碼5%」 送審截止']);
    expect(lines).toContain(`5/12(二) 23:59  ${ad2}`);
    const en = (await runMain(['deadlines', WITH_ADS, '--today', '2026-03-20', '--lang', 'en'])).stdout.split('\n');
    expect(en).toContain('Tue 4/21 23:59  goodday_food: upload the ad material for the 4/24 exposure  (' + WITH_ADS + ' 廣告素材 row 2)');
  });

  it('json: kind ad-material with its sheet, row and reminder day', async () => {
    const json = JSON.parse((await runMain(['deadlines', WITH_ADS, '--today', '2026-03-20', '--format', 'json'])).stdout) as { deadlines: Record<string, unknown>[] };
    const ads = json.deadlines.filter((d) => d['kind'] === 'ad-material');
    expect(ads).toEqual([
      { kind: 'ad-material', at: '2026/04/21 23:59:59', dayLabel: '4/21(二)', dayLabelEn: 'Tue 4/21', remindOn: '2026-04-20', shopId: 'goodday_food', title: { 'zh-TW': ad1, en: 'goodday_food: upload the ad material for the 4/24 exposure' }, sheet: '廣告素材', row: 2, file: WITH_ADS },
      { kind: 'ad-material', at: '2026/05/12 23:59:59', dayLabel: '5/12(二)', dayLabelEn: 'Tue 5/12', remindOn: '2026-05-11', shopId: 'trendy_closet', title: { 'zh-TW': ad2, en: 'trendy_closet: upload the ad material for the 5/15 exposure' }, sheet: '廣告素材', row: 3, file: WITH_ADS },
    ]);
    const ats = json.deadlines.map((d) => String(d['at']));
    expect([...ats].sort()).toEqual(ats);
  });

  it('ics: node-ical reads both ad events at 23:59 Taipei (15:59 UTC), host TZ America/Los_Angeles', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'deadlines.ics');
      const r = await runCli(['deadlines', WITH_ADS, '--today', '2026-03-20', '--format', 'ics', '--out', out], { env: { TZ: 'America/Los_Angeles' } });
      expect(r.code).toBe(0);
      const events = Object.values(ical.sync.parseICS(readFileSync(out, 'utf8'))).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
      const ads = events.filter((e) => String(e.summary).includes('廣告素材'));
      expect(ads.map((e) => [String(e.summary), e.start.toISOString()])).toEqual([
        [ad1, '2026-04-21T15:59:00.000Z'],
        [ad2, '2026-05-12T15:59:00.000Z'],
      ]);
    } finally {
      cleanup();
    }
  });
});
