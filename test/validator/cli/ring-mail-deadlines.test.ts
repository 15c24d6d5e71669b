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
import { FIXTURES, runCli, runMain, tempDir } from './helpers.js';

const WORKBOOK = path.join(FIXTURES, 'libreoffice', 'partner-workbook.xlsx');

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
