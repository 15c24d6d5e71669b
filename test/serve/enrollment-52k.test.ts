/**
 * Issue 12: the upload server checks a valid enrollment of 52,000 shops (about 5 MB, the partner
 * team's real scale; bench/enrollment.ts, cached in the gitignored bench/data/) with a peak RSS
 * of at most 400 MB — the server process with its worker threads, measured from outside on
 * `partner-check serve` itself — and the report covers every shop. The page draws the first
 * MAX_PAGE_SHOPS shops (validator/serve/check.ts) and says how many there are.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureEnrollment, ENROLLMENT_SHOPS, ENROLLMENT_TODAY } from '../../bench/enrollment.js';
import { MAX_PAGE_SHOPS } from '../../validator/serve/check.js';
import type { CheckResponse } from '../../validator/serve/types.js';
import { ensureBuilt, REPO_ROOT, startServeChild, type ServeChild } from '../robustness/helpers/processes.js';
import { upload } from './helpers.js';

let server: ServeChild;
let tmp: string;
let bytes: Buffer;

beforeAll(async () => {
  ensureBuilt();
  const data = await ensureEnrollment(path.join(REPO_ROOT, 'bench', 'data'), ENROLLMENT_SHOPS);
  bytes = readFileSync(data.file);
  // The server's own temp folder (os.tmpdir() follows TMPDIR), to see that nothing stays in it.
  tmp = mkdtempSync(path.join(os.tmpdir(), 'pc-52k-'));
  server = await startServeChild(['--today', ENROLLMENT_TODAY], { TMPDIR: tmp });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a valid enrollment of 52,000 shops through the upload server', () => {
  it('is checked whole, with a peak RSS of at most 400 MB, and leaves no upload behind', async () => {
    expect(bytes.length).toBeGreaterThan(4_500_000);
    expect(bytes.length).toBeLessThan(5_500_000);
    const before = server.peakRssMb();
    const answer = await upload(server.url, '報名表-52000.xlsx', bytes);
    const peak = server.peakRssMb();
    expect(answer.status).toBe(200);
    const body = answer.body as CheckResponse;
    expect(body.unreadable).toBeNull();
    expect(body.report.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 1 });
    const file = body.report.files[0]!;
    expect(file.sheets).toEqual([{ name: '報名表', kind: 'enrollment', headerRow: 1, rows: ENROLLMENT_SHOPS }]);
    // The one note: the hero images are not at hand (the server checks no pictures).
    expect(file.violations.map((v) => [v.ruleId, v.severity, v.sheet, v.cell, (v as { data?: unknown }).data])).toEqual([
      ['asset/not-checked', 'info', '報名表', 'M1', { count: ENROLLMENT_SHOPS, first: 'shop_000001.jpg' }],
    ]);
    expect(body.shopsTotal).toBe(ENROLLMENT_SHOPS);
    expect(body.shops.map((s) => s.shopId)).toEqual(Array.from({ length: MAX_PAGE_SHOPS }, (_, i) => `shop_${String(i + 1).padStart(6, '0')}`));
    // Shops cycle through the May plan, the June plan and the quarter plan (bench/enrollment.ts).
    expect(body.shops.slice(0, 3).map((s) => s.months.map((m) => m.month))).toEqual([['2026-05'], ['2026-06'], ['2026-04', '2026-05', '2026-06']]);
    expect(body.downloads.annotated).not.toBeNull();
    expect(body.downloads.fixed).not.toBeNull();
    expect(body.downloads.schedule).not.toBeNull();
    // The answer is the size of a page, not of 52,000 calendars.
    expect(JSON.stringify(body).length).toBeLessThan(3_000_000);
    expect(peak, `peak RSS ${peak.toFixed(1)} MB (idle ${before.toFixed(1)} MB)`).toBeLessThanOrEqual(400);
    expect(readdirSync(path.join(tmp, 'partner-check-serve'))).toEqual([]);
  }, 240_000);
});
