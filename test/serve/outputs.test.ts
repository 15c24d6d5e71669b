/**
 * What the upload API sends besides the report, checked against the CLI's own code: the ring-data
 * e-mails (text, mailto: and .eml, as `partner-check ring-mail`), the 期限 downloads (.ics and CSV,
 * as `partner-check deadlines`), the check date (Asia/Taipei on the server's clock, also in the
 * page), pictures sent together with the workbook (matched by name like `--assets DIR`), and no
 * full OA channel secret in anything the server sends.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import ical from 'node-ical';
import {
  DEFAULT_CAMPAIGN,
  analyseWorkbook,
  deadlinesForWorkbook,
  ringMailBody,
  ringMailsForWorkbook,
  ringMailto,
  scheduleToRows,
  schedulesForWorkbook,
  tableFromValues,
  validateWorkbook,
} from '../../rules/index.js';
import { deadlinesIcs } from '../../validator/commands/deadlines.js';
import { readPictures } from '../../validator/pictures.js';
import { readWorkbookFile } from '../../validator/read/guarded.js';
import { startServer, type RunningServer } from '../../validator/serve/server.js';
import type { CheckResponse, DownloadLink } from '../../validator/serve/types.js';
import { jpegFile, pdfFile, pngFile, webpFile } from '../../templates/images.js';
import { tempDir, writeWorkbook } from '../validator/cli/helpers.js';
import { BAD_SECRET, SECRET, STRAY_SECRET, ad, deal, enroll, oa, rowsOf, type Row } from '../helpers/brand-pack.js';
import { PARTNER_WORKBOOK, sessionToken, testPrefix, violationKey } from './helpers.js';

const PREFIX = testPrefix('outputs');
/** The day the fixture's ring-data rows are still ahead (as the CLI's ring-mail test uses). */
const TODAY = '2026-04-20';
let server: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0, today: TODAY, tmpPrefix: PREFIX, log: (l) => logs.push(l) });
});
afterAll(async () => {
  await server?.close();
});

/** Uploads `bytes` as `name` with pictures sent along (the page's X-Pictures protocol). */
async function uploadWith(base: string, name: string, bytes: Uint8Array, pictures: readonly [string, Uint8Array][] = [], lang = 'zh-TW'): Promise<{ status: number; text: string; body: CheckResponse }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'X-Filename': encodeURIComponent(name), 'X-Session': await sessionToken(base) };
  if (pictures.length > 0) headers['X-Pictures'] = encodeURIComponent(JSON.stringify(pictures.map(([n, b]) => [n, b.byteLength])));
  const res = await fetch(`${base}/api/check?lang=${lang}`, { method: 'POST', headers, body: new Blob([new Uint8Array(bytes), ...pictures.map(([, b]) => new Uint8Array(b))]) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as CheckResponse };
}

async function download(base: string, d: DownloadLink): Promise<Buffer> {
  const res = await fetch(`${base}${d.url}`);
  expect(res.status, d.name).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('ring-data e-mails and deadlines', () => {
  it('sends each valid ring-data row’s e-mail as ring-mail builds it: text, mailto: and an .eml a mail parser reads', async () => {
    const { status, body } = await uploadWith(server.url, 'partner-workbook.xlsx', readFileSync(PARTNER_WORKBOOK));
    expect(status).toBe(200);
    const read = await readWorkbookFile(PARTNER_WORKBOOK);
    if (!read.ok) throw new Error('fixture unreadable');
    const report = validateWorkbook(read.workbook, { campaign: DEFAULT_CAMPAIGN, today: TODAY, lang: 'zh-TW', path: 'partner-workbook.xlsx' });
    const expected = ringMailsForWorkbook(read.workbook, report.violations, { campaign: DEFAULT_CAMPAIGN });
    expect(expected.mails).toHaveLength(1);
    expect(body.ringMails.map(({ eml: _e, ...m }) => m)).toEqual(
      expected.mails.map((m) => ({ sheet: m.sheet, row: m.row, shopId: m.shopId, to: m.to, subject: m.subject, body: ringMailBody(m), mailto: ringMailto(m), sendDate: m.sendDate, sendTime: m.sendTime, sendByLabel: m.sendByLabel })),
    );
    const mail = body.ringMails[0]!;
    expect(mail).toMatchObject({ row: 2, shopId: 'goodday_food', to: 'lspsmb@linecorp.com', subject: '【好日子食品】2026/05/12_環狀數據發送需求', sendByLabel: '5/7(四)' });
    // The mailto: link carries the subject and the CRLF body percent-encoded, nothing raw.
    const url = new URL(mail.mailto);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('lspsmb@linecorp.com');
    expect(url.searchParams.get('subject')).toBe(mail.subject);
    expect(url.searchParams.get('body')).toBe(mail.body.replace(/\n/g, '\r\n'));
    expect(mail.mailto).not.toMatch(/[\s【】]/);
    // The .eml download: the deck's subject and six body lines.
    expect(mail.eml!.name).toBe('2026-05-12_goodday_food_r2.eml');
    const parsed = await simpleParser(await download(server.url, mail.eml!));
    expect(parsed.subject).toBe('【好日子食品】2026/05/12_環狀數據發送需求');
    expect((parsed.to as { text: string }).text).toBe('lspsmb@linecorp.com');
    expect(parsed.text!.trim().split(/\r?\n/)).toEqual(['發送環狀品牌：好日子食品', '發送環狀日期/時間：2026/05/12 20:00', '發送環狀受眾：通發型', '發送人數上限：100000', '是否排除買家：是（近3個月）', '是否排除近期發送受眾：是']);
    // The rows with errors get none, with the reasons.
    expect(body.ringSkipped.map((s) => [s.sheet, s.row, s.shopId])).toEqual(expected.skipped.map((s) => [s.sheet, s.row, s.shopId]));
    expect(body.ringSkipped.find((s) => s.row === 3)!.reasons.map((r) => r.ruleId)).toContain('ring/invalid-time');
  });

  it('offers the deadlines as .ics (the deadlines command’s file) and CSV, every event at its Taipei time', async () => {
    const { body } = await uploadWith(server.url, 'partner-workbook.xlsx', readFileSync(PARTNER_WORKBOOK));
    const read = await readWorkbookFile(PARTNER_WORKBOOK);
    if (!read.ok) throw new Error('fixture unreadable');
    const list = deadlinesForWorkbook(read.workbook, { campaign: DEFAULT_CAMPAIGN }).deadlines.map((d) => ({ ...d, file: 'partner-workbook.xlsx' }));
    expect(list.length).toBeGreaterThan(10);
    expect(body.deadlineCount).toBe(list.length);
    expect(body.downloads.ics!.name).toBe('partner-workbook.deadlines.ics');
    const ics = (await download(server.url, body.downloads.ics!)).toString('utf8');
    expect(ics).toBe(deadlinesIcs(list, 'zh-TW', TODAY, DEFAULT_CAMPAIGN));
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Taipei');
    const events = Object.values(ical.sync.parseICS(ics)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(list.length);
    events.forEach((e, i) => {
      const [y, mo, d, h, mi] = list[i]!.at.split(/[/ :]/).map(Number) as [number, number, number, number, number];
      expect(e.start.getTime()).toBe(Date.UTC(y, mo - 1, d, h - 8, mi));
    });

    expect(body.downloads.deadlinesCsv!.name).toBe('partner-workbook.deadlines.csv');
    const csv = (await download(server.url, body.downloads.deadlinesCsv!)).toString('utf8');
    expect(csv.startsWith('\uFEFF期限,星期,項目,商店代碼,檔案,工作表,列,提醒日\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(list.length + 1);
    expect(lines[1]).toBe(`${list[0]!.at},${list[0]!.dayLabel},${list[0]!.title['zh-TW']},,partner-workbook.xlsx,,,${list[0]!.remindOn}`);
    expect(lines).toContain('2026/05/07 23:59:59,5/7(四),goodday_food 環狀數據 5/12 發送需求寄信截止,goodday_food,partner-workbook.xlsx,環狀數據,2,2026-05-06');
  });

  it('the HTML and JUnit downloads are the report of the same file', async () => {
    const { body } = await uploadWith(server.url, 'partner-workbook.xlsx', readFileSync(PARTNER_WORKBOOK));
    const html = (await download(server.url, body.downloads.html)).toString('utf8');
    const junit = (await download(server.url, body.downloads.junit)).toString('utf8');
    expect(body.downloads.html.name).toBe('partner-workbook.report.html');
    expect((html.match(/<tr class="(error|warning|info)" data-severity=/g) ?? []).length).toBe(body.report.files[0]!.violations.length);
    expect(html).toContain('<figure class="rates" data-month="2026-04">');
    expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="partner-check"/);
    expect((junit.match(/<failure /g) ?? []).length).toBeGreaterThan(0);
  });
});

describe('the check date', () => {
  it('is the Taipei date on the server’s clock, in the page and in every answer (2026-05-20T23:30Z is 2026-05-21)', async () => {
    const s = await startServer({ port: 0, tmpPrefix: PREFIX, now: () => Date.parse('2026-05-20T23:30:00Z'), log: () => {} });
    try {
      const page = await (await fetch(`${s.url}/`)).text();
      expect(page).toContain('<p class="meta" id="meta">夥伴互利計劃 2026 Q2 · 檢查日 2026-05-21</p>');
      expect(page).toContain('"today":"2026-05-21"');
      const en = await (await fetch(`${s.url}/?lang=en`)).text();
      expect(en).toContain('checked as of 2026-05-21');
      const { body } = await uploadWith(s.url, 'x.csv', Buffer.from('a,b\n'));
      expect(body.today).toBe('2026-05-21');
    } finally {
      await s.close();
    }
  });
});

// ------------------------------------------------------------------------ pictures and secrets

/** The fake secrets planted in the OA binding tab. */
const SECRETS = [SECRET, BAD_SECRET, STRAY_SECRET];

/** The pictures the page sends along (real files of each format, right and wrong sizes, a renamed PDF). */
const PICTURES: [string, Buffer][] = [
  ['hero-ok.jpg', jpegFile(800, 800)],
  ['hero-bad.png', pngFile(1000, 800)],
  ['card-ok.jpg', jpegFile(501, 816)],
  ['card-wide.png', pngFile(816, 501)],
  ['card-big.png', pngFile(501, 816, 2_300_000)],
  ['card-pdf.jpg', pdfFile()],
  ['cake-square.webp', webpFile(600, 600)],
  ['cake-wide.webp', webpFile(640, 480)],
  ['unused.png', pngFile(10, 10)],
];

let tmp: ReturnType<typeof tempDir>;
let book: Buffer;
let picsDir: string;

beforeAll(async () => {
  tmp = tempDir('partner-check-serve-pics-');
  picsDir = path.join(tmp.dir, 'pictures');
  mkdirSync(picsDir);
  for (const [name, bytes] of PICTURES) writeFileSync(path.join(picsDir, name), bytes);
  const enrollmentRows = rowsOf('enrollment', [enroll('goodday_food', '好日子食品', 'hero-ok.jpg'), enroll('bloom_beauty', '花漾美妝', 'hero-bad.png')]);
  const schedules = schedulesForWorkbook({ tables: [tableFromValues('報名表', enrollmentRows as never)] });
  const file = path.join(tmp.dir, 'brand-pack.xlsx');
  await writeWorkbook(file, {
    報名表: enrollmentRows,
    加碼合約: rowsOf('contracts', scheduleToRows(schedules).map((r) => r as unknown as Row)),
    廣告素材: rowsOf('ad-materials', [ad(), ad({ image: 'card-wide.png' }), ad({ image: 'card-big.png' }), ad({ image: 'card-pdf.jpg' }), ad({ image: 'https://cdn.example.com/card.jpg' })]),
    爆殺驚喜: rowsOf('flash-deals', [deal(), deal({ productUrl: null, productName: '鳳梨酥', image: 'cake-square.webp' }), deal({ productUrl: null, productName: '太陽餅', image: 'cake-wide.webp' }, 1002)]),
    OA串接: rowsOf('oa-binding', [
      oa(),
      oa({ shopId: 'morning_cafe', channelId: '1234567891', channelSecret: BAD_SECRET }),
      oa({ shopId: 'stray_shop', channelId: '1234567894', channelSecret: '0'.repeat(32), botBasicId: STRAY_SECRET }),
    ]),
  });
  book = readFileSync(file);
}, 60_000);

afterAll(() => tmp?.cleanup());

/** What validate --assets DIR reports for the workbook with the pictures in DIR (the engine's own answer). */
async function engineWithAssets(name: string) {
  const file = path.join(tmp.dir, 'brand-pack.xlsx');
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error('unreadable');
  const pictures = readPictures(analyseWorkbook(read.workbook, DEFAULT_CAMPAIGN), { assetDirs: [picsDir] });
  return validateWorkbook(read.workbook, { campaign: DEFAULT_CAMPAIGN, today: '2026-03-20', lang: 'zh-TW', path: name, pictures });
}

describe('pictures sent together with the workbook', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ port: 0, today: '2026-03-20', tmpPrefix: PREFIX, log: (l) => logs.push(l) });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('are matched by name like --assets: size rules fire, asset/not-checked only for the web address', async () => {
    const { status, body } = await uploadWith(s.url, 'brand-pack.xlsx', book, PICTURES);
    expect(status).toBe(200);
    const v = body.report.files[0]!.violations;
    const at = (rule: string) => v.filter((x) => x.ruleId === rule).map((x) => `${x.sheet}!${x.cell}`);
    expect(at('enrollment/hero-image-size')).toEqual(['報名表!M3']);
    expect(at('ad/image-size')).toEqual(['廣告素材!C3']);
    expect(at('ad/image-too-large')).toEqual(['廣告素材!C4']);
    expect(at('ad/image-unreadable')).toEqual(['廣告素材!C5']);
    expect(at('deal/image-not-square')).toEqual(['爆殺驚喜!E4']);
    expect(v.filter((x) => x.ruleId === 'asset/not-checked').map((x) => [x.sheet, x.cell])).toEqual([['廣告素材', 'C1']]);
    // Exactly what validate --assets reports for the same workbook and pictures.
    const engine = await engineWithAssets('brand-pack.xlsx');
    expect(v.map(violationKey)).toEqual(engine.violations.map(violationKey));
    expect(body.pictures).toEqual({ sent: PICTURES.length, used: ['cake-square.webp', 'cake-wide.webp', 'card-big.png', 'card-ok.jpg', 'card-pdf.jpg', 'card-wide.png', 'hero-bad.png', 'hero-ok.jpg'] });
    expect(body.file.bytes).toBe(book.byteLength);
  });

  it('without them every picture tab says asset/not-checked, as in the add-on', async () => {
    const { body } = await uploadWith(s.url, 'brand-pack.xlsx', book);
    expect(body.report.files[0]!.violations.filter((x) => x.ruleId === 'asset/not-checked').map((x) => x.sheet)).toEqual(['報名表', '廣告素材', '爆殺驚喜']);
    expect(body.pictures).toEqual({ sent: 0, used: [] });
  });

  it('refuses a malformed X-Pictures header or a body shorter than the pictures it announces', async () => {
    const token = await sessionToken(s.url);
    const post = (pictures: string, bytes: Uint8Array) =>
      fetch(`${s.url}/api/check`, { method: 'POST', headers: { 'X-Filename': 'a.xlsx', 'X-Session': token, 'X-Pictures': pictures }, body: new Blob([new Uint8Array(bytes)]) });
    for (const bad of ['not json', encodeURIComponent('[["a.jpg",-1]]'), encodeURIComponent(JSON.stringify(Array.from({ length: 41 }, (_, i) => [`${i}.jpg`, 1])))]) {
      const res = await post(bad, book);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('badPictures');
    }
    const short = await post(encodeURIComponent('[["a.jpg",5000]]'), Buffer.alloc(100));
    expect(short.status).toBe(400);
  });

  it('nothing the upload page sends holds a full channel secret: page, answers, every download, logs', async () => {
    const sent: [string, string][] = [];
    for (const lang of ['zh-TW', 'en']) sent.push([`page ${lang}`, await (await fetch(`${s.url}/?lang=${lang}`)).text()]);
    let masked = false;
    for (const lang of ['zh-TW', 'en']) {
      const { text, body } = await uploadWith(s.url, 'brand-pack.xlsx', book, PICTURES, lang);
      sent.push([`answer ${lang}`, text]);
      masked ||= text.includes('9f1e…2e1f');
      const links: DownloadLink[] = [...Object.values(body.downloads).filter((d): d is DownloadLink => d !== null), ...body.ringMails.flatMap((m) => (m.eml ? [m.eml] : []))];
      expect(links.map((d) => d.name.split('.').slice(1).join('.')).sort()).toEqual(['checked.xlsx', 'deadlines.csv', 'deadlines.ics', 'fixed.xlsx', 'junit.xml', 'report.html', 'report.json', 'schedule.xlsx']);
      for (const d of links) {
        const bytes = await download(s.url, d);
        if (!d.name.endsWith('.xlsx')) {
          sent.push([d.name, bytes.toString('utf8')]);
          continue;
        }
        // A workbook: every part, unzipped. The user's own cells stay as they were (SPEC §4.8), so
        // each secret the user typed may occur exactly once, in its own cell, and nowhere else.
        const zip = await JSZip.loadAsync(bytes);
        const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => `${f.name}\n${await f.async('string')}`));
        const all = parts.join('\n');
        if (d.name.endsWith('.schedule.xlsx')) {
          sent.push([d.name, all]);
          continue;
        }
        for (const secret of SECRETS) expect(all.split(secret).length - 1, `${d.name} ${secret}`).toBe(1);
        const copy = new ExcelJS.Workbook();
        await copy.xlsx.load(bytes as unknown as ExcelJS.Buffer);
        const oaTab = copy.getWorksheet('OA串接')!;
        expect([oaTab.getCell('C2').text, oaTab.getCell('C3').text, oaTab.getCell('D4').text]).toEqual(SECRETS);
        const results: string[] = [];
        copy.getWorksheet('檢查結果')!.eachRow((row) => row.eachCell((c) => results.push(String(c.text))));
        copy.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => c.note && results.push(JSON.stringify(c.note)))));
        sent.push([`${d.name} 檢查結果 and notes`, results.join('\n')]);
      }
    }
    sent.push(['logs', logs.join('\n')]);
    expect(masked).toBe(true); // the secret is shown, masked
    for (const [what, text] of sent) for (const secret of SECRETS) expect(text.includes(secret), `${what} holds ${secret}`).toBe(false);
  }, 120_000);
});
