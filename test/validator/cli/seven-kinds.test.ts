/**
 * End to end: `partner-check validate` on one workbook holding all seven sheet kinds, with real
 * JPEG, PNG and WebP files (and a PDF renamed .jpg) beside it and under --assets. Every planted
 * mistake is reported at its cell, nothing else is (so the clean rows are clean), and no output of
 * any format — text, JSON, JUnit, HTML, the annotated copy's 檢查結果 tab — holds a channel secret.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { schedulesForWorkbook, scheduleToRows, tableFromValues } from '../../../rules/index.js';
import { runCli, tempDir, writeWorkbook } from './helpers.js';
import { BAD_SECRET, SECRET, STRAY_SECRET, ad, deal, enroll, oa, rowsOf, type Row } from '../../helpers/brand-pack.js';
import { jpegFile, pdfFile, pngFile, webpFile } from '../../../templates/images.js';

const ENROLLMENT = [enroll('goodday_food', '好日子食品', 'hero-ok.jpg'), enroll('bloom_beauty', '花漾美妝', 'hero-bad.png'), enroll('home_goods', '居家好物', null)];

const base = (shopId: string): Row => ({ shopId, productType: 'normal', baseRate: '2%', cps: '8%', pointPrice: 1.2, start: '2026/1/1 00:00:00', end: '2026/12/31 23:59:59' });

const ring = (shopId: string): Row => ({ shopId, sendDate: '2026/6/10', sendTime: '20:00', audience: '通發型', sendCap: 100000, excludeBuyers: '近3個月', excludeRecent: '是', requestedAt: '2026/6/1 10:00' });

const ADS = [
  ad(), // 2 clean
  ad({ image: 'card-wide.png' }), // 3 816×501
  ad({ image: 'card-big.png' }), // 4 over 2 MB
  ad({ image: 'card-pdf.jpg' }), // 5 a PDF named .jpg
  ad({ url: 'https://bit.ly/3gDdAy' }), // 6
  ad({ url: 'buy.line.me/u/goodday_food' }), // 7
  ad({ url: `https://goodday.example.com/?q=${'x'.repeat(580)}` }), // 8
  ad({ end: '2026/6/11 23:59' }), // 9
  ad({ submittedAt: '2026/6/10 10:00' }), // 10 late
  ad({ submittedAt: '2026/6/12 09:00' }), // 11 not future (and late)
  ad({ image: 'https://cdn.example.com/card.jpg' }), // 12 not at hand
];

const DEALS = [
  deal(), // 2 clean
  deal({ productUrl: null, productName: '鳳梨酥', image: 'cake-square.webp' }), // 3 clean, entered by hand
  deal({ productUrl: null, productName: '太陽餅', image: 'cake-wide.webp' }), // 4 not square
  deal({ productUrl: null, image: 'cake-square.webp' }), // 5 no name
  deal(), // 6 duplicate of row 2
  deal({}, 1006), // 7 the sixth product of B1
  deal({ batch: 'B2', productUrl: 'https://buy.line.me/s/鳳梨酥' }), // 8
  deal({ batch: 'B2', productUrl: 'https://reurl.cc/AbCd' }), // 9
  deal({ batch: 'B2', promoPrice: 480 }, 2001), // 10
  deal({ batch: 'B2', end: '2026/6/11 23:59:59' }, 2002), // 11
];

const OA = [
  oa(), // 2 clean
  oa({ shopId: 'farm_market', channelId: '123456789', channelSecret: 'c'.repeat(32) }), // 3
  oa({ shopId: 'morning_cafe', channelId: '1234567891', channelSecret: BAD_SECRET }), // 4
  oa({ shopId: 'home_goods', channelId: '1234567892', channelSecret: 'd'.repeat(32), botBasicId: 'HomeGoods' }), // 5
  oa({ shopId: 'home_goods2', channelId: '1234567893', channelSecret: 'e'.repeat(32), notifyEmails: 'a@home.example.com、b@home.example.com' }), // 6
  oa({ shopId: 'other_shop', channelSecret: 'f'.repeat(32) }), // 7 same channel as row 2
  oa({ shopId: 'stray_shop', channelId: '1234567894', channelSecret: '0'.repeat(32), botBasicId: STRAY_SECRET }), // 8
];

/** [sheet, cell or null, rule id] of every planted mistake, in report order. */
const EXPECTED: [string, string | null, string][] = [
  ['報名表', 'M3', 'enrollment/hero-image-size'],
  ['報名表', 'M4', 'enrollment/missing-hero-image'],
  ['環狀數據', 'A3', 'ring/no-oa-binding'],
  ['廣告素材', 'C1', 'asset/not-checked'], // row 12's picture is a URL: one info for the tab, on the column's header
  ['廣告素材', 'C3', 'ad/image-size'],
  ['廣告素材', 'C4', 'ad/image-too-large'],
  ['廣告素材', 'C5', 'ad/image-unreadable'],
  ['廣告素材', 'F6', 'ad/short-url'],
  ['廣告素材', 'F7', 'ad/invalid-url'],
  ['廣告素材', 'F8', 'ad/url-too-long'],
  ['廣告素材', 'E9', 'ad/end-before-start'],
  ['廣告素材', 'G10', 'ad/late-submission'],
  ['廣告素材', 'D11', 'ad/not-future'],
  ['廣告素材', 'G11', 'ad/late-submission'],
  ['爆殺驚喜', 'E4', 'deal/image-not-square'],
  ['爆殺驚喜', 'D5', 'deal/manual-product-incomplete'],
  ['爆殺驚喜', 'C6', 'deal/duplicate-product'],
  ['爆殺驚喜', 'C7', 'deal/too-many-products'],
  ['爆殺驚喜', 'C8', 'deal/invalid-product-url'],
  ['爆殺驚喜', 'C9', 'deal/invalid-product-url'],
  ['爆殺驚喜', 'G10', 'deal/no-discount'],
  ['爆殺驚喜', 'I11', 'deal/end-before-start'],
  ['OA串接', 'B3', 'oa/invalid-channel-id'],
  ['OA串接', 'C4', 'oa/invalid-channel-secret'],
  ['OA串接', 'D5', 'oa/invalid-basic-id'],
  ['OA串接', 'E6', 'oa/notify-emails'],
  ['OA串接', 'B7', 'oa/duplicate-channel'],
  ['OA串接', 'D8', 'oa/invalid-basic-id'],
];

let tmp: ReturnType<typeof tempDir>;
let book: string;
let pics: string;

beforeAll(async () => {
  tmp = tempDir('partner-check-seven-');
  pics = path.join(tmp.dir, 'pictures');
  mkdirSync(pics);
  // Hero pictures beside the workbook; the rest under --assets.
  writeFileSync(path.join(tmp.dir, 'hero-ok.jpg'), jpegFile(800, 800));
  writeFileSync(path.join(tmp.dir, 'hero-bad.png'), pngFile(1000, 800));
  writeFileSync(path.join(pics, 'card-ok.jpg'), jpegFile(501, 816));
  writeFileSync(path.join(pics, 'card-wide.png'), pngFile(816, 501));
  writeFileSync(path.join(pics, 'card-big.png'), pngFile(501, 816, 2_300_000));
  writeFileSync(path.join(pics, 'card-pdf.jpg'), pdfFile());
  writeFileSync(path.join(pics, 'cake-square.webp'), webpFile(600, 600));
  writeFileSync(path.join(pics, 'cake-wide.webp'), webpFile(640, 480));
  // The contract schedule the tool itself generates for the enrollments (SPEC §6: zero violations).
  const enrollmentRows = rowsOf('enrollment', ENROLLMENT);
  const schedules = schedulesForWorkbook({ tables: [tableFromValues('報名表', enrollmentRows as never)] });
  const contractRows = scheduleToRows(schedules).map((r) => r as unknown as Row);
  book = path.join(tmp.dir, 'brand-pack.xlsx');
  await writeWorkbook(book, {
    報名表: enrollmentRows,
    加碼合約: rowsOf('contracts', contractRows),
    鋪底合約: rowsOf('base-contracts', ['goodday_food', 'bloom_beauty', 'home_goods'].map(base)),
    環狀數據: rowsOf('ring-data', [ring('goodday_food'), ring('bloom_beauty')]),
    廣告素材: rowsOf('ad-materials', ADS),
    爆殺驚喜: rowsOf('flash-deals', DEALS),
    OA串接: rowsOf('oa-binding', OA),
  });
}, 60_000);

afterAll(() => tmp.cleanup());

describe('validate: all seven kinds with pictures', () => {
  it('recognises every tab and reports each planted mistake at its cell, nothing else', async () => {
    const run = await runCli(['validate', book, '--assets', pics, '--format', 'json', '--today', '2026-03-20']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const file = report.files[0];
    expect(file.sheets.map((s: { kind: string }) => s.kind)).toEqual(['enrollment', 'contracts', 'base-contracts', 'ring-data', 'ad-materials', 'flash-deals', 'oa-binding']);
    expect(file.violations.map((v: { sheet: string; cell: string | null; ruleId: string }) => [v.sheet, v.cell, v.ruleId])).toEqual(EXPECTED);
    const byRule = (id: string) => file.violations.filter((v: { ruleId: string }) => v.ruleId === id);
    expect(byRule('enrollment/hero-image-size')[0].data).toEqual({ name: 'hero-bad.png', width: 1000, height: 800, expected: '800×800' });
    expect(byRule('ad/image-size')[0].data).toMatchObject({ width: 816, height: 501 });
    expect(byRule('ad/image-unreadable')[0].data).toMatchObject({ name: 'card-pdf.jpg' });
    expect(byRule('deal/image-not-square')[0].data).toMatchObject({ width: 640, height: 480 });
    expect(byRule('asset/not-checked')[0].data).toEqual({ count: 1, first: 'https://cdn.example.com/card.jpg' });
    expect(byRule('oa/invalid-basic-id')[0].suggestion.value).toBe('@homegoods');
  }, 60_000);

  it('without --assets the pictures in the folder are not at hand: asset/not-checked once per tab', async () => {
    const run = await runCli(['validate', book, '--format', 'json', '--today', '2026-03-20']);
    const v = JSON.parse(run.stdout).files[0].violations.filter((x: { ruleId: string }) => x.ruleId === 'asset/not-checked');
    expect(v.map((x: { sheet: string; data: unknown }) => [x.sheet, x.data])).toEqual([
      ['廣告素材', { count: 11, first: 'card-ok.jpg' }],
      ['爆殺驚喜', { count: 3, first: 'cake-square.webp' }],
    ]);
  }, 60_000);

  it('a missing --assets folder is a usage error', async () => {
    const run = await runCli(['validate', book, '--assets', path.join(tmp.dir, 'nope')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--assets');
  }, 60_000);

  it('no output of any format, nor the annotated copy’s 檢查結果 tab, holds a channel secret; the user’s cell is kept', async () => {
    const outputs: string[] = [];
    for (const [format, lang] of [['text', 'zh-TW'], ['text', 'en'], ['json', 'en'], ['junit', 'zh-TW'], ['html', 'zh-TW']] as const) {
      const run = await runCli(['validate', book, '--assets', pics, '--format', format, '--lang', lang, '--today', '2026-03-20', '--record-baseline']);
      outputs.push(run.stdout, run.stderr);
    }
    const annotated = path.join(tmp.dir, 'annotated');
    const run = await runCli(['validate', book, '--assets', pics, '--annotate', annotated, '--today', '2026-03-20', '--quiet']);
    outputs.push(run.stdout, run.stderr);
    const joined = outputs.join('\n');
    expect(joined).toContain('9f1e…2e1f'); // the masked form is shown
    for (const secret of [SECRET, BAD_SECRET, STRAY_SECRET]) expect(joined).not.toContain(secret);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(annotated, 'brand-pack.checked.xlsx'));
    const results: string[] = [];
    copy.getWorksheet('檢查結果')!.eachRow((row) => row.eachCell((c) => results.push(String(c.text))));
    expect(results.join('\n')).toContain('9f1e…2e1f');
    for (const secret of [SECRET, BAD_SECRET, STRAY_SECRET]) expect(results.join('\n')).not.toContain(secret);
    const oaTab = copy.getWorksheet('OA串接')!;
    expect(oaTab.getCell('C2').text).toBe(SECRET);
    expect(oaTab.getCell('C4').text).toBe(BAD_SECRET);
    expect(readFileSync(book).length).toBeGreaterThan(0);
  }, 120_000);
});
