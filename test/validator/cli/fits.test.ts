/**
 * Output that fits (issue 17): every line of the README examples' commands is at most 80
 * display columns (string-width: CJK = 2) at the default; the full calendar grid comes back with
 * --wide or on a wider terminal; the calendar never breaks before 週日; text wraps without
 * starting a line with 、; the progress bar has an ETA, never exceeds a 60-column terminal with
 * Chinese file names, and redraws in place.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../../validator/commands/validate';
import { table } from '../../../validator/format/cost';
import { wrapText } from '../../../validator/format/terminal';
import { CLEAN_ENROLLMENT, REPO_ROOT, runCli, runMain, tempDir, writeWorkbook } from './helpers';

const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const COMMANDS = [...README.matchAll(/```console\n\$ npx partner-check ([^\n]*)/g)].map((m) => m[1]!.split(/\s+/));
const EXTRA = [
  ['schedule', 'templates/examples/clean.xlsx', '--today', '2026-03-20'],
  ['schedule', 'templates/examples/mistakes.xlsx', '--today', '2026-03-20'],
  ['validate', 'templates/examples/mistakes.xlsx', '--today', '2026-03-20', '--verbose'],
];
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

describe('terminal tables fit in 80 columns', () => {
  it('the README has the validate, calendar and cost examples', () => {
    expect(COMMANDS.map((c) => c[0])).toEqual(['validate', 'calendar', 'cost']);
  });

  for (const args of [...COMMANDS, ...EXTRA]) {
    for (const lang of ['zh-TW', 'en']) {
      it(`${args.join(' ')} --lang ${lang}: every line ≤ 80 columns`, async () => {
        const run = await runCli([...args, '--lang', lang]);
        expect(run.stdout.split('\n').length).toBeGreaterThan(5);
        for (const line of run.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
      });
    }
  }

  it('validate --wide keeps every violation on one line (wider than 80)', async () => {
    const run = await runCli([...COMMANDS[0]!, '--wide']);
    expect(widest(run.stdout)).toBeGreaterThan(80);
    expect(run.stdout).toContain('    C2      錯誤  「聯絡信箱 Contact email」的「ec@goodday」不是有效的電子信箱。  cell/invalid-email\n');
  });

  it('the calendar: compact grid at 80 with 週日 on the weekday line, full grid with --wide or a 100-column terminal', async () => {
    const narrow = (await runMain(['calendar', '--month', '2026-05', '--chosen', '5/6,5/13,5/27'])).stdout.split('\n');
    expect(narrow[1]).toBe('週一       週二       週三       週四       週五       週六       週日');
    expect(narrow[2]).toBe('                                            1日 10%    2日 5%     3日 5%');
    expect(narrow[3]).toBe('                                            週五翻倍   日常鋪底   日常鋪底');
    const wide = (await runMain(['calendar', '--month', '2026-05', '--chosen', '5/6,5/13,5/27', '--wide'])).stdout.split('\n');
    expect(wide[3]).toBe('                                                    週五翻倍10%  日常鋪底5%   日常鋪底5%');
    const tty = await runMain(['calendar', '--month', '2026-05'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(tty.stdout.split('\n')[3]).toBe(wide[3]);
  });

  it('a table wider than the columns is stacked in parts that repeat the first column', () => {
    const rows = [
      ['月份', 'aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'],
      ['2026-05', '1', '2', '3'],
    ];
    expect(table(rows, undefined, 34)).toEqual(['  月份     aaaaaaaaaa  bbbbbbbbbb', '  2026-05           1           2', '', '  月份     cccccccccc', '  2026-05           3']);
    expect(table(rows)).toHaveLength(2);
  });

  it('wrapText breaks CJK and words within the width, never before 、', () => {
    expect(wrapText('任選日：4/1、4/4、4/8', 10)).toEqual(['任選日：', '4/1、4/4、', '4/8']);
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    for (const l of wrapText('商店「goodday_food」報名時承諾每月發送環狀數據，但 2026 年 6 月 沒有任何發送。', 20)) expect(stringWidth(l)).toBeLessThanOrEqual(20);
  });
});

describe('the progress bar', () => {
  const tmp = tempDir();
  const names = ['好日子食品四月報名表', '花漾美妝報名表很長很長很長很長的名字', '居家生活', '第四個檔案'];
  const files = names.map((n) => path.join(tmp.dir, `${n}.xlsx`));
  beforeAll(async () => {
    await writeWorkbook(files[0]!, { 報名表: CLEAN_ENROLLMENT });
    for (const f of files.slice(1)) copyFileSync(files[0]!, f);
  });
  afterAll(() => tmp.cleanup());

  it('on a 60-column TTY: each redraw erases the line, stays within 59 columns, shows an ETA; done() clears it', () => {
    let written = '';
    let clock = 1_000_000;
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (written += t), isTTY: true, columns: 60 }, env: {}, now: () => clock };
    const progress = createProgress(io, files.length, false);
    for (const f of files) {
      clock += 2_000;
      progress.tick(f);
    }
    progress.done();
    const frames = written.split('\r\u001b[K');
    expect(frames[0]).toBe('');
    expect(frames.at(-1)).toBe('');
    expect(written).not.toContain('\n');
    const shown = frames.slice(1, -1);
    expect(shown).toHaveLength(4);
    for (const f of shown) expect(stringWidth(f), f).toBeLessThanOrEqual(59);
    expect(shown[0]).toBe('[#####..............] 1/4 ETA 0:06 好日子食品四月報名表.xls');
    expect(shown[1]).toBe('[##########.........] 2/4 ETA 0:04 花漾美妝報名表很長很長很');
    expect(shown[3]).toMatch(/^\[#{19}\] 4\/4 ETA 0:00 第四個檔案\.xlsx$/);
  });

  it('the real run on a 60-column TTY writes the bar on stderr within 59 columns', async () => {
    const run = await runMain(['validate', tmp.dir, '--format', 'json', '--today', '2026-03-20'], { tty: true, columns: 60 });
    expect(run.code).toBe(0);
    const frames = run.stderr.split('\r\u001b[K').filter((f) => f !== '');
    expect(frames.length).toBeGreaterThanOrEqual(4);
    for (const f of frames) expect(stringWidth(f)).toBeLessThanOrEqual(59);
    expect(frames.some((f) => f.includes('ETA '))).toBe(true);
  });
});
