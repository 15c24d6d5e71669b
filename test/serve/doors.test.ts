/**
 * The doors of `partner-check serve` (issue 11): a cross-site Origin, `Origin: null` and a
 * foreign Host (DNS rebinding) get 403 before one byte of the body is read; the upload API wants a
 * session token; 64 stalled bodies from one client leave other clients served and are dropped;
 * one session's uploads never evict another session's downloads; no temporary file survives a
 * SIGKILL and a restart.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../validator/serve/server.js';
import { DownloadStore } from '../../validator/serve/store.js';
import { PARTNER_WORKBOOK, REPO_ROOT, TODAY, sessionToken, tempEntries, testPrefix, upload } from './helpers.js';

const PREFIX = testPrefix('doors');
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, today: TODAY, tmpPrefix: PREFIX, log: () => {}, bodyIdleMs: 1500, bodyTimeoutMs: 4000 });
});

afterAll(async () => {
  await server?.close();
});

/**
 * A raw POST written by hand on a socket: headers, then `body` (maybe only part of what
 * Content-Length announces, or nothing with `sendBody: false` — a server that waited for the
 * body would then never answer). Resolves with the status and the raw answer once the server
 * closes the connection.
 */
function rawPost(headers: Record<string, string>, body: Buffer, opts: { localAddress?: string; sendBody?: boolean } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (data += c));
    socket.on('error', () => {});
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (!m) reject(new Error(`no answer: ${JSON.stringify(data.slice(0, 200))}`));
      else resolve({ status: Number(m[1]), text: data });
    });
    socket.on('connect', () => {
      const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      socket.write(`POST /api/check HTTP/1.1\r\n${head}\r\n`);
      if (opts.sendBody !== false) socket.write(body);
    });
  });
}

describe('Host and Origin', () => {
  it('answers 403 to a cross-site Origin, Origin: null and a foreign Host without reading the body', async () => {
    const token = await sessionToken(server.url);
    const own = `127.0.0.1:${server.port}`;
    const base = { 'X-Filename': 'a.csv', 'X-Session': token, 'Content-Length': String(10 * 1024 * 1024) };
    for (const [headers, code] of [
      [{ ...base, Host: own, Origin: 'http://evil.example' }, 'foreignOrigin'],
      [{ ...base, Host: own, Origin: 'null' }, 'foreignOrigin'],
      [{ ...base, Host: `evil.example:${server.port}` }, 'foreignHost'],
      [{ ...base, Host: `evil.example:${server.port}`, Origin: `http://evil.example:${server.port}` }, 'foreignHost'],
    ] as const) {
      // The body is never sent: a server that waited for it would never answer.
      const a = await rawPost(headers, Buffer.alloc(0), { sendBody: false });
      expect(a.status, JSON.stringify(headers)).toBe(403);
      expect(a.text).toContain(`"code":"${code}"`);
    }
  });

  it('answers its own page origin, localhost and names given with --allow-host', async () => {
    const token = await sessionToken(server.url);
    const body = Buffer.from('a,b\n');
    const own = await rawPost({ Host: `127.0.0.1:${server.port}`, Origin: `http://127.0.0.1:${server.port}`, 'X-Filename': 'a.csv', 'X-Session': token, 'Content-Length': String(body.length), Connection: 'close' }, body);
    expect(own.status).toBe(200);
    const local = await rawPost({ Host: `localhost:${server.port}`, 'X-Filename': 'a.csv', 'X-Session': token, 'Content-Length': String(body.length), Connection: 'close' }, body);
    expect(local.status).toBe(200);
    const named = await startServer({ port: 0, today: TODAY, tmpPrefix: PREFIX, log: () => {}, allowHosts: ['checker.example.com'] });
    try {
      const res = await new Promise<number>((resolve) => {
        http.get({ host: '127.0.0.1', port: named.port, path: '/healthz', headers: { Host: 'checker.example.com' } }, (r) => resolve(r.statusCode!)).end();
      });
      expect(res).toBe(200);
    } finally {
      await named.close();
    }
  });
});

describe('sessions', () => {
  it('refuses an upload without a valid session token (403 badSession)', async () => {
    const none = await fetch(`${server.url}/api/check`, { method: 'POST', headers: { 'X-Filename': 'a.csv' }, body: 'a,b\n' });
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('badSession');
    const made = await fetch(`${server.url}/api/check`, { method: 'POST', headers: { 'X-Filename': 'a.csv', 'X-Session': 'AAAAAAAAAAAAAAAAAAAAAA' }, body: 'a,b\n' });
    expect(made.status).toBe(403);
  });

  it("keeps downloads per session: 300 uploads of one session never evict another session's link", () => {
    const store = new DownloadStore({ maxEntries: 100, maxEntriesPerSession: 20 });
    try {
      const mine = store.put({ bytes: new Uint8Array(10), name: 'mine.json', contentType: 'application/json' }, 'alice');
      for (let i = 0; i < 300; i++) store.put({ bytes: new Uint8Array(10), name: `x${i}`, contentType: 'application/json' }, 'mallory');
      expect(store.get(mine)?.name).toBe('mine.json');
      expect(store.size).toBe(21);
    } finally {
      store.clear();
    }
  });
});

describe('bounded answers', () => {
  it('answers one cell with 20,000 repeated chosen days with a small report', async () => {
    const header = '品牌名稱,商店代碼,聯絡信箱,品類,方案,報名時間,官網/社群曝光,環狀數據,任選日,原CPS%,鋪底回饋%,預估月業績';
    const days = Array.from({ length: 20_000 }, () => '4/1').join('、');
    const csv = Buffer.from(`${header}\n好日子,goodday_food,a@b.example,美食保健,季方案,2026/3/20 10:00,是,否,"${days}",8%,2%,100000\n`);
    const res = await fetch(`${server.url}/api/check?lang=en`, { method: 'POST', headers: { 'X-Filename': 'repeats.csv', 'X-Session': await sessionToken(server.url) }, body: csv });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.length).toBeLessThan(5 * 1024 * 1024);
    const body = JSON.parse(text) as { report: { files: { violations: { ruleId: string; message: string }[] }[] } };
    const dup = body.report.files[0]!.violations.filter((v) => v.ruleId === 'enrollment/duplicate-chosen-day');
    expect(dup.map((v) => v.message)).toEqual(['Chosen day "4/1" is the same date as "4/1" (2026-04-01); pick another day. (reported once; occurs 19999 times)']);
  }, 60_000);
});

describe('stalled bodies', () => {
  it('drops bodies that stall, and 64 of them from one client leave other clients served', async () => {
    const token = await sessionToken(server.url);
    const stalled: Promise<{ status: number; text: string }>[] = [];
    for (let i = 0; i < 64; i++) {
      // Announces 1 MB, sends 10 bytes, then nothing.
      stalled.push(rawPost({ Host: `127.0.0.1:${server.port}`, 'X-Filename': `s${i}.csv`, 'X-Session': token, 'Content-Length': String(1024 * 1024) }, Buffer.from('a,b\n1,2\n12'), { localAddress: '127.0.0.2' }));
    }
    await new Promise((r) => setTimeout(r, 300));
    // Another client (another address) is served at once.
    const started = performance.now();
    const other = await upload(server.url, 'partner-workbook.xlsx', readFileSync(PARTNER_WORKBOOK));
    expect(other.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(15_000);
    const answers = await Promise.all(stalled);
    const statuses = answers.map((a) => a.status);
    // Past its own limit a client is told at once (429); the rest are dropped when they stall (408).
    expect(new Set(statuses)).toEqual(new Set([408, 429]));
    expect(statuses.filter((s) => s === 408).length).toBe(32);
    await new Promise((r) => setTimeout(r, 100));
    expect(tempEntries(PREFIX)).toEqual([]);
  }, 30_000);
});

describe('temporary files', () => {
  it('leaves none after a SIGKILL mid-upload and a restart', async () => {
    const prefix = testPrefix('doors-kill');
    expect(existsSync(path.join(REPO_ROOT, 'dist', 'validator', 'worker.mjs'))).toBe(true);
    const script = `
      const { startServer } = await import(${JSON.stringify(path.join(REPO_ROOT, 'validator', 'serve', 'server.ts'))});
      const s = await startServer({ port: 0, tmpPrefix: ${JSON.stringify(prefix)}, log: () => {} });
      console.log(s.port);`;
    const dir = path.join(os.tmpdir(), prefix.replace(/-+$/, ''));
    mkdirSync(path.join(REPO_ROOT, 'node_modules', '.cache'), { recursive: true });
    const file = path.join(REPO_ROOT, 'node_modules', '.cache', `doors-kill-${process.pid}.mts`);
    writeFileSync(file, script);
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    const tokenRes = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST' });
    const token = ((await tokenRes.json()) as { token: string }).token;
    const req = http.request({ host: '127.0.0.1', port, path: '/api/check', method: 'POST', headers: { 'X-Filename': 'half.csv', 'X-Session': token, 'Content-Length': String(1024 * 1024) } });
    req.on('error', () => {});
    req.write(Buffer.alloc(64 * 1024, 0x41));
    const until = Date.now() + 5000;
    while (readdirSync(dir).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir).length).toBe(1);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    req.destroy();
    // The killed server's folder is still there; the next start removes it.
    expect(readdirSync(dir).length).toBe(1);
    const next = await startServer({ port: 0, tmpPrefix: prefix, log: () => {} });
    try {
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      await next.close();
      rmSync(file, { force: true });
    }
    // Closed, the last server also removes the (empty) shared folder itself.
    expect(existsSync(dir)).toBe(false);
  }, 30_000);
});
