/**
 * The small parts of `partner-check serve`: the in-memory download store (time to live, bounds),
 * the check limiter, Content-Disposition for CJK and hostile names, upload names, and the page's
 * inlined script.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN } from '../../rules/index.js';
import { displayNameOf } from '../../validator/serve/check.js';
import { contentDisposition } from '../../validator/serve/http.js';
import { BusyError, Limiter } from '../../validator/serve/limiter.js';
import { buildPage, clientScript } from '../../validator/serve/page.js';
import { decodeFilename, diskNameOf } from '../../validator/serve/server.js';
import { DOWNLOAD_ID, DownloadStore } from '../../validator/serve/store.js';
import { PAGE_STRINGS } from '../../validator/serve/strings.js';

const item = (n: number, name = 'a.xlsx') => ({ bytes: new Uint8Array(n), name, contentType: 'application/octet-stream' });

describe('DownloadStore', () => {
  it('hands out unguessable ids and forgets entries after their time to live', () => {
    let now = 1_000;
    const store = new DownloadStore({ ttlMs: 600_000, now: () => now });
    const id = store.put(item(10));
    expect(id).toMatch(DOWNLOAD_ID);
    expect(store.put(item(1))).not.toBe(id);
    expect(store.get(id)?.bytes.byteLength).toBe(10);
    now += 599_999;
    expect(store.get(id)).toBeDefined();
    now += 1;
    expect(store.get(id)).toBeUndefined();
    store.sweep();
    expect(store.size).toBe(0);
    expect(store.totalBytes).toBe(0);
    expect(store.get('../etc/passwd')).toBeUndefined();
    store.clear();
  });

  it('stays within its count and byte bounds by dropping the oldest entries', () => {
    const store = new DownloadStore({ maxEntries: 3, maxBytes: 100 });
    const ids = [store.put(item(10)), store.put(item(10)), store.put(item(10)), store.put(item(10))];
    expect(store.size).toBe(3);
    expect(store.get(ids[0]!)).toBeUndefined();
    expect(store.get(ids[3]!)).toBeDefined();
    const big = store.put(item(95));
    expect(store.totalBytes).toBeLessThanOrEqual(100);
    expect(store.get(big)).toBeDefined();
    // One download larger than the whole budget still downloads once.
    const huge = store.put(item(500));
    expect(store.get(huge)?.bytes.byteLength).toBe(500);
    expect(store.size).toBe(1);
    store.clear();
  });
});

describe('Limiter', () => {
  it('runs at most `concurrency` tasks at once, in order, and refuses when the queue is full', async () => {
    const limiter = new Limiter(2, 3);
    let running = 0;
    let max = 0;
    const order: number[] = [];
    const release: (() => void)[] = [];
    const task = (i: number) =>
      limiter.run(async () => {
        running++;
        max = Math.max(max, running);
        order.push(i);
        await new Promise<void>((r) => release.push(r));
        running--;
        return i;
      });
    const all = [0, 1, 2, 3, 4].map(task);
    await expect(task(5)).rejects.toBeInstanceOf(BusyError);
    expect(limiter.running).toBe(2);
    expect(limiter.queued).toBe(3);
    while (order.length < 5 || release.length > 0) {
      await new Promise((r) => setTimeout(r, 1));
      release.shift()?.();
    }
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(max).toBe(2);
    expect(limiter.running).toBe(0);
  });

  it('frees the slot of a task that throws', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'ok')).toBe('ok');
    expect(limiter.running).toBe(0);
  });
});

describe('names', () => {
  it('Content-Disposition: an ASCII fallback and the RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('報名表.checked.xlsx')).toBe(`attachment; filename="___.checked.xlsx"; filename*=UTF-8''%E5%A0%B1%E5%90%8D%E8%A1%A8.checked.xlsx`);
    expect(contentDisposition('plain report.json')).toBe(`attachment; filename="plain report.json"; filename*=UTF-8''plain%20report.json`);
    const hostile = contentDisposition('a"b\\c/d\r\nSet-Cookie: x=1;\u0000.xlsx');
    expect(hostile).not.toMatch(/[\r\n\u0000]/);
    expect(hostile.match(/filename="([^"]*)"/)![1]).toBe('a_b_c_d__Set-Cookie_ x_1__.xlsx');
    expect(decodeURIComponent(hostile.split("UTF-8''")[1]!)).toBe('a_b_c_d__Set-Cookie: x=1;_.xlsx');
    expect(contentDisposition('.hidden')).toContain('filename="_hidden"');
  });

  it('upload names lose their folders and control characters; long names fit a file system', () => {
    expect(displayNameOf('C:\\Users\\amy\\報名表.xlsx')).toBe('報名表.xlsx');
    expect(displayNameOf('../../etc/passwd')).toBe('passwd');
    expect(displayNameOf('a\u0000b\nc.csv')).toBe('abc.csv');
    expect(displayNameOf('..')).toBe('upload');
    expect(displayNameOf('')).toBe('upload');
    const long = `${'報'.repeat(150)}.csv`;
    const disk = diskNameOf(long);
    expect(Buffer.byteLength(disk)).toBeLessThanOrEqual(200);
    expect(disk.endsWith('.csv')).toBe(true);
    expect(diskNameOf('enrollment-big5.csv')).toBe('enrollment-big5.csv');
    // X-Filename: percent-encoded (the page), raw UTF-8 seen as Latin-1 (curl), or broken.
    expect(decodeFilename(encodeURIComponent('報名表 Q2.xlsx'))).toBe('報名表 Q2.xlsx');
    expect(decodeFilename(Buffer.from('報名表.xlsx', 'utf8').toString('latin1'))).toBe('報名表.xlsx');
    expect(decodeFilename('100%.csv')).toBe('100%.csv');
    expect(decodeFilename('  ')).toBeUndefined();
    expect(decodeFilename(undefined)).toBeUndefined();
  });
});

describe('the page', () => {
  it('inlines a script that stands alone and strings that exist in both languages', () => {
    const script = clientScript();
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    for (const [key, m] of Object.entries(PAGE_STRINGS)) {
      expect(m['zh-TW'], key).not.toBe('');
      expect(m.en, key).not.toBe('');
      // The same placeholders in both languages.
      const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(holes(m.en), key).toEqual(holes(m['zh-TW']));
    }
    const page = buildPage({ lang: 'en', campaign: DEFAULT_CAMPAIGN, today: '2026-05-21', maxUploadBytes: 5 * 1024 * 1024, ttlMs: 600_000 });
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('at most 5 MB each');
    expect(page.html).toContain('checked as of 2026-05-21');
    expect(page.csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-/);
  });
});
