/**
 * The HTTP side of `partner-check serve`, in process: 20 concurrent uploads of mixed fixtures
 * give the same violations as the engine; an oversized upload gets 413 (by Content-Length, by a
 * chunked body, by `Expect: 100-continue`) and the server keeps serving; every per-upload temp
 * folder is gone after its answer (also after an aborted upload); headers, downloads, errors,
 * logging; and the `serve` subcommand itself (help, misuse, --max-upload-mb, a busy port).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { HOLIDAY_NAMES_EN } from '../../rules/data/holiday-names-en.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../validator/cli.js';
import { runServe } from '../../validator/commands/serve.js';
import { startServer, type RunningServer } from '../../validator/serve/server.js';
import { SERVE_HELP } from '../../validator/serve/strings.js';
import type { CheckResponse } from '../../validator/serve/types.js';
import { CSV_FIXTURES, ENROLLMENT_Q2, EXAMPLES, PARTNER_WORKBOOK, TODAY, engineReport, legacyXlsBytes, sessionToken, tempEntries, testPrefix, upload, violationKey } from './helpers.js';

const PREFIX = testPrefix('api');
const MB = 1024 * 1024;
let server: RunningServer;
let session: string;
const logs: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0, today: TODAY, tmpPrefix: PREFIX, concurrency: 3, log: (l) => logs.push(l) });
  session = await sessionToken(server.url);
});

afterAll(async () => {
  await server?.close();
});

/** A raw request (node:http), for bodies fetch cannot send: partial, announced with Expect, …. */
function rawRequest(
  url: string,
  headers: Record<string, string>,
  write: (req: http.ClientRequest) => void,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    write(req);
  });
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('POST /api/check', () => {
  it('answers 20 concurrent uploads of mixed fixtures with the reports the engine gives (at most 3 checks at once)', async () => {
    const sources: { name: string; bytes: Buffer; file: string | null }[] = [
      ...[PARTNER_WORKBOOK, ENROLLMENT_Q2, ...CSV_FIXTURES, ...EXAMPLES].map((f) => ({ name: path.basename(f), bytes: readFileSync(f), file: f })),
      { name: 'legacy.xlsx', bytes: legacyXlsBytes(), file: null },
    ];
    const jobs = Array.from({ length: 20 }, (_, i) => sources[i % sources.length]!);
    let maxRunning = 0;
    let maxQueued = 0;
    const sampler = setInterval(() => {
      maxRunning = Math.max(maxRunning, server.limiter.running);
      maxQueued = Math.max(maxQueued, server.limiter.queued);
    }, 2);
    const answers = await Promise.all(jobs.map((j) => upload(server.url, j.name, j.bytes)));
    clearInterval(sampler);
    expect(answers.map((a) => a.status)).toEqual(jobs.map(() => 200));
    expect(maxRunning).toBeLessThanOrEqual(3);
    expect(maxQueued).toBeGreaterThan(0);

    const expected = new Map<string, string[]>();
    for (const s of sources) {
      let report;
      if (s.file) report = await engineReport(s.file, s.name);
      else {
        // The generated file is checked from a copy of our own (outside the server's prefix).
        const dir = mkdtempSync(path.join(os.tmpdir(), 'partner-check-serve-ref-'));
        writeFileSync(path.join(dir, s.name), s.bytes);
        report = await engineReport(path.join(dir, s.name), s.name);
        rmSync(dir, { recursive: true, force: true });
      }
      expected.set(s.name, report.violations.map(violationKey));
    }
    answers.forEach((a, i) => {
      const body = a.body as CheckResponse;
      expect(body.ok).toBe(true);
      expect(body.report.files[0]!.path).toBe(jobs[i]!.name);
      expect(body.report.files[0]!.violations.map(violationKey)).toEqual(expected.get(jobs[i]!.name));
    });
    // The CSV fixtures are the same rows in three encodings; the legacy file says what it is.
    const big5 = answers[jobs.findIndex((j) => j.name === 'enrollment-big5.csv')]!.body as CheckResponse;
    expect(big5.report.files[0]!.meta.encoding).toBe('big5');
    const legacy = answers[jobs.findIndex((j) => j.name === 'legacy.xlsx')]!.body as CheckResponse;
    expect(legacy.unreadable).toBe('這是舊版 Excel 97-2003 (.xls) 檔案，請在 Excel 另存為 .xlsx 後再上傳');
    expect(legacy.downloads.annotated).toBeNull();
    expect(tempEntries(PREFIX)).toEqual([]);
    // ~6 s on an idle 2-CPU machine; generous for a loaded CI runner.
  }, 120_000);

  it('answers an oversized upload with 413 and a bilingual message, and keeps serving', async () => {
    const big = Buffer.alloc(11 * MB, 0x41);
    // Announced with Content-Length (what browsers send).
    const a = await upload(server.url, 'big.xlsx', big);
    expect(a.status).toBe(413);
    expect(a.body).toEqual({
      ok: false,
      error: {
        code: 'tooLarge',
        message: {
          'zh-TW': '檔案超過上限 10 MB，無法檢查；請刪除不需要的工作表、空白列與格式後另存新檔，或拆成較小的檔案再上傳。',
          en: 'The file is larger than the 10 MB limit and was not checked; delete unneeded sheets, blank rows and formatting and save a new copy, or split it into smaller files.',
        },
      },
    });
    // Chunked, without a length: cut off at the limit while it streams. (Repeated: the rest of
    // the body must be drained whatever the timing of the dropped file writes.)
    for (let round = 0; round < 4; round++) {
      const chunked = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: { 'X-Filename': 'big.xlsx', 'X-Session': session },
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < 11; i++) c.enqueue(big.subarray(i * MB, (i + 1) * MB));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe('tooLarge');
    }
    // Expect: 100-continue: refused before the body is sent.
    let sentBody = false;
    const expectContinue = await rawRequest(`${server.url}/api/check`, { 'X-Session': session, 'X-Filename': 'big.xlsx', 'Content-Length': String(big.length), Expect: '100-continue' }, (req) => {
      req.on('continue', () => {
        sentBody = true;
        req.end(big);
      });
      req.flushHeaders();
    });
    expect(expectContinue).toMatchObject({ status: 413 });
    expect(sentBody).toBe(false);
    // Exactly at the limit is fine (the reader then says what the bytes are).
    const atLimit = await upload(server.url, 'limit.xlsx', Buffer.alloc(10 * MB, 0x41));
    expect(atLimit.status).toBe(200);
    // And a normal upload still works.
    const ok = await upload(server.url, 'partner-workbook.xlsx', readFileSync(PARTNER_WORKBOOK));
    expect(ok.status).toBe(200);
    expect((ok.body as CheckResponse).report.summary.errors).toBeGreaterThan(0);
    expect(tempEntries(PREFIX)).toEqual([]);
  });

  it('removes every temporary folder after the answer, also after a refused or aborted upload', async () => {
    expect(tempEntries(PREFIX)).toEqual([]);
    await upload(server.url, 'partner-workbook.xlsx', readFileSync(PARTNER_WORKBOOK));
    expect(tempEntries(PREFIX)).toEqual([]);
    await upload(server.url, 'legacy.xls', legacyXlsBytes());
    expect(tempEntries(PREFIX)).toEqual([]);
    await upload(server.url, 'empty.csv', new Uint8Array());
    expect(tempEntries(PREFIX)).toEqual([]);
    // Refused mid-stream.
    await rawRequest(`${server.url}/api/check`, { 'X-Session': session, 'X-Filename': 'big.csv', 'Transfer-Encoding': 'chunked' }, (req) => {
      for (let i = 0; i < 12; i++) req.write(Buffer.alloc(MB));
      req.end();
    });
    expect(tempEntries(PREFIX)).toEqual([]);
    // Aborted by the client half-way: the folder exists while the body arrives, and goes with the connection.
    const half = Buffer.alloc(MB / 2, 0x41);
    const aborted = rawRequest(`${server.url}/api/check`, { 'X-Session': session, 'X-Filename': 'half.xlsx', 'Content-Length': String(MB) }, (req) => {
      req.write(half);
      void waitFor(() => tempEntries(PREFIX).length === 1).then(() => req.destroy());
    });
    expect(await aborted).toHaveProperty('error');
    await waitFor(() => tempEntries(PREFIX).length === 0);
    // The server is fine afterwards.
    expect((await upload(server.url, 'again.xlsx', readFileSync(PARTNER_WORKBOOK))).status).toBe(200);
    expect(tempEntries(PREFIX)).toEqual([]);
  });

  it('refuses requests it cannot check with a bilingual JSON error', async () => {
    const noName = await fetch(`${server.url}/api/check`, { method: 'POST', headers: { 'X-Session': session }, body: 'a,b\n' });
    expect(noName.status).toBe(400);
    expect(await noName.json()).toMatchObject({ ok: false, error: { code: 'missingFilename', message: { en: expect.stringContaining('X-Filename') } } });
    const badLang = await fetch(`${server.url}/api/check?lang=fr`, { method: 'POST', headers: { 'X-Filename': 'a.csv', 'X-Session': session }, body: 'a,b\n' });
    expect(badLang.status).toBe(400);
    const get = await fetch(`${server.url}/api/check`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { message: { 'zh-TW': '找不到這個網址。', en: 'Not found.' } } });
    const gone = await fetch(`${server.url}/download/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'downloadGone' } });
    expect((await fetch(`${server.url}/download/../../etc/passwd`)).status).toBe(404);
  });

  it('checks in English with ?lang=en and offers the downloads with safe names', async () => {
    const name = '報名表 "Q2"/final.xlsx';
    const a = await upload(server.url, name, readFileSync(PARTNER_WORKBOOK), { lang: 'en' });
    const body = a.body as CheckResponse;
    expect(body.lang).toBe('en');
    // Folders are dropped from the name: the report calls the file by its base name.
    expect(body.file.name).toBe('final.xlsx');
    const expected = await engineReport(PARTNER_WORKBOOK, 'final.xlsx', 'en');
    expect(body.report.files[0]!.violations.map(violationKey)).toEqual(expected.violations.map(violationKey));

    const cjk = await upload(server.url, '報名表.xlsx', readFileSync(PARTNER_WORKBOOK));
    // The calendars name holidays in the check's language (rules/data/holiday-names-en.ts).
    const holidays = (r: CheckResponse) => r.shops.flatMap((s) => s.months.flatMap((m) => m.weeks.flat().flatMap((d) => (d && d.holiday !== null ? [d.holiday] : []))));
    const zhNames = holidays(cjk.body as CheckResponse);
    expect(zhNames.length).toBeGreaterThan(0);
    expect(zhNames.filter((n) => !(n in HOLIDAY_NAMES_EN))).toEqual([]);
    expect(holidays(body)).toEqual(zhNames.map((n) => HOLIDAY_NAMES_EN[n]));
    const dl = (cjk.body as CheckResponse).downloads;
    const res = await fetch(`${server.url}${dl.annotated!.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="___.checked.xlsx"; filename*=UTF-8''%E5%A0%B1%E5%90%8D%E8%A1%A8.checked.xlsx`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const json = await fetch(`${server.url}${dl.json.url}`);
    expect(json.headers.get('content-disposition')).toContain(`filename*=UTF-8''%E5%A0%B1%E5%90%8D%E8%A1%A8.report.json`);
    expect(((await json.json()) as { files: { path: string }[] }).files[0]!.path).toBe('報名表.xlsx');
    expect(dl.schedule?.name).toBe('報名表.schedule.xlsx');
  });
});

describe('the 修正檔 download', () => {
  it('is mistakes.xlsx with its safe suggestions applied, 檢查結果 listing each change', async () => {
    const mistakes = EXAMPLES.find((f) => f.endsWith('mistakes.xlsx'))!;
    const body = (await upload(server.url, 'mistakes.xlsx', readFileSync(mistakes))).body as CheckResponse;
    expect(body.downloads.fixed?.name).toBe('mistakes.fixed.xlsx');
    const res = await fetch(`${server.url}${body.downloads.fixed!.url}`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const summary = book.worksheets[0]!;
    expect(summary.name).toBe('檢查結果');
    const cells = [];
    for (let r = 3; r <= summary.rowCount; r++) cells.push(`${summary.getRow(r).getCell(1).value}!${(summary.getRow(r).getCell(2).value as { result: string }).result}`);
    expect(cells).toEqual(['加碼合約!L24', '加碼合約!K25', '加碼合約!H85', '加碼合約!E135', '環狀數據!C3', '環狀數據!D4', '環狀數據!F7']);
    expect(book.getWorksheet('加碼合約')!.getCell('K25').value).toBe(0.15);
  });
});

describe('the page and the headers', () => {
  it('serves a self-contained page whose CSP allows exactly its inline script and style', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = res.headers.get('content-security-policy')!;
    const html = await res.text();
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // No external resource: no src/href to another origin.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('<html lang="zh-TW">');
    expect(await (await fetch(`${server.url}/?lang=en`)).text()).toContain('<html lang="en">');
    // The script parses as JavaScript on its own.
    expect(() => new Function(script)).not.toThrow();
    const api = await fetch(`${server.url}/healthz`);
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await api.json()).toEqual({ ok: true });
  });

  it('logs one line per request to its log', async () => {
    const mine: string[] = [];
    const s = await startServer({ port: 0, today: TODAY, tmpPrefix: PREFIX, log: (l) => mine.push(l) });
    try {
      await fetch(`${s.url}/`);
      const a = await upload(s.url, 'x.csv', Buffer.from('a,b\n'));
      await fetch(`${s.url}${(a.body as CheckResponse).downloads.json.url}`);
      await fetch(`${s.url}/nope`);
      await waitFor(() => mine.length === 5);
      expect(mine[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z 127\.0\.0\.1 GET \/ 200 \d+B \d+ms$/);
      expect(mine[1]).toMatch(/ POST \/api\/session 200 /);
      expect(mine[2]).toMatch(/ POST \/api\/check 200 /);
      // Download ids are capabilities and are not written out in full.
      expect(mine[3]).toMatch(/ GET \/download\/\S{4}… 200 /);
      expect(mine[3]).not.toContain((a.body as CheckResponse).downloads.json.id);
      expect(mine[4]).toMatch(/ GET \/nope 404 /);
    } finally {
      await s.close();
    }
  });

  it('forgets downloads after their time to live', async () => {
    const s = await startServer({ port: 0, today: TODAY, tmpPrefix: PREFIX, downloadTtlMs: 150, log: () => {} });
    try {
      const a = (await upload(s.url, 'x.csv', Buffer.from('a,b\n'))).body as CheckResponse;
      expect((await fetch(`${s.url}${a.downloads.json.url}`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 250));
      expect((await fetch(`${s.url}${a.downloads.json.url}`)).status).toBe(404);
      expect((await fetch(`${s.url}${a.downloads.annotated!.url}`)).status).toBe(404);
      expect((await fetch(`${s.url}${a.downloads.fixed!.url}`)).status).toBe(404);
      for (const d of Object.values(a.downloads)) if (d) expect((await fetch(`${s.url}${d.url}`)).status).toBe(404);
      expect(s.store.size).toBe(0);
    } finally {
      await s.close();
    }
  });
});

describe('partner-check serve (the subcommand)', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: { write: (t: string) => (out.stdout += t) },
        stderr: { write: (t: string) => (out.stderr += t) },
        env: {},
        now: () => Date.UTC(2026, 2, 20, 2, 0, 0),
      },
    };
  };

  it('prints its help in both languages and refuses bad options (exit 2)', async () => {
    const a = io();
    expect(await main(['serve', '--help'], a.io)).toBe(0);
    expect(a.out.stdout).toBe(SERVE_HELP['zh-TW']);
    const b = io();
    expect(await main(['serve', '--help', '--lang', 'en'], b.io)).toBe(0);
    expect(b.out.stdout).toBe(SERVE_HELP.en);
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--max-upload-mb', '0'], ['--max-upload-mb', 'x'], ['--today', '2026-02-30'], ['--lang', 'fr'], ['--bogus'], ['extra']]) {
      const c = io();
      expect(await main(['serve', ...args], c.io)).toBe(2);
      expect(c.out.stderr).toContain('partner-check serve --help');
    }
    const d = io();
    expect(await main(['serve', '--campaign', '/nonexistent/campaign.json', '--port', '0'], d.io)).toBe(2);
    expect(d.out.stderr).toContain('campaign/invalid-config');
  });

  it('serves with --max-upload-mb and --lang en until stopped; a busy port is exit 2', async () => {
    const a = io();
    let seen: { tooLarge: number; ok: number; page: string; message: string } | undefined;
    const code = await runServe(['--port', '0', '--max-upload-mb', '1', '--lang', 'en', '--today', TODAY], a.io, async (s) => {
      const big = await upload(s.url, 'a.csv', Buffer.alloc(Math.round(1.5 * MB), 0x41));
      const ok = await upload(s.url, 'partner-workbook.xlsx', readFileSync(PARTNER_WORKBOOK));
      seen = {
        tooLarge: big.status,
        ok: ok.status,
        page: await (await fetch(`${s.url}/`)).text(),
        message: (big.body as { error: { message: { en: string } } }).error.message.en,
      };
      // A second server on the same port cannot start.
      const b = io();
      expect(await runServe(['--port', String(s.port)], b.io)).toBe(2);
      expect(b.out.stderr).toContain('EADDRINUSE');
    });
    expect(code).toBe(0);
    expect(seen).toMatchObject({ tooLarge: 413, ok: 200 });
    expect(seen!.message).toContain('1 MB');
    expect(seen!.page).toContain('<html lang="en">');
    expect(a.out.stderr).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+\/ \(uploads up to 1 MB; nothing is stored\)/);
    expect(a.out.stderr).toMatch(/ POST \/api\/check 413 /);
    expect(a.out.stderr).toContain('stopped');
  });
});
