/**
 * Issue 12's hostile-file targets, through the built CLI and the real upload server:
 *
 * - a 1 MB file whose embedded picture inflates to 1 GiB costs ≤ 200 MB: the picture is never
 *   inflated (not by the reader, not by the annotated copy, which copies the part as stored, not
 *   by the pictures check, which only reads pictures beside the file);
 * - merge bombs, plain, renamed (`sheet1.xml.bak`), nested (`xl/xl/worksheets/`) and
 *   entity-encoded (`&#65;3:XFD1048576`), are refused as workbook/unreadable naming the range.
 *
 * Time bounds. The targets (≤ 2 s) are measured by the bench (bench/robustness.mjs), which
 * records met/actual. Here the reader is timed in this process against the real 2 s (it is what
 * the target is about: refusing the file, no process or worker start-up), and the whole CLI
 * process gets 10 s: on the shared 2-core machine, with several test files and other work
 * running, starting node, the bundle and a worker thread alone has taken 1.5–2.5 s at a load of
 * 10, so a 2 s bound around the process would fail for reasons that are not the file's.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_BOMB_ROWS, MERGE_BOMB_RANGE, mediaBombXlsx, mergeBombs } from '../../bench/hostile-files.js';
import { readXlsxFile } from '../../validator/read/xlsx.js';
import { readFileOnce } from '../../validator/read/read-job.js';
import type { CheckResponse } from '../../validator/serve/types.js';
import { upload } from '../serve/helpers.js';
import { ensureBuilt, runCli, startServeChild, type ServeChild } from './helpers/processes.js';

const PROCESS_BOUND_MS = 10_000;
let dir: string;
let mediaFile: string;
let mediaBytes: Uint8Array;
let server: ServeChild;
let serverTmp: string;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'pc-limits-'));
  mediaBytes = mediaBombXlsx();
  mediaFile = path.join(dir, 'media-bomb.xlsx');
  writeFileSync(mediaFile, mediaBytes);
  for (const b of mergeBombs()) writeFileSync(path.join(dir, `merge-${b.name}.xlsx`), b.bytes);
  serverTmp = mkdtempSync(path.join(os.tmpdir(), 'pc-limits-serve-'));
  server = await startServeChild(['--today', '2026-03-20', '--lang', 'en'], { TMPDIR: serverTmp });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  for (const d of [dir, serverTmp]) if (d) rmSync(d, { recursive: true, force: true });
});

const values = (rows: readonly (readonly ({ value: unknown } | null | undefined)[])[]) => rows.map((r) => r.map((c) => c?.value));

describe('a 1 MB file whose picture inflates to 1 GiB', () => {
  it('is about 1 MB, and its picture really is 1 GiB', async () => {
    expect(mediaBytes.length).toBeGreaterThan(1_000_000);
    expect(mediaBytes.length).toBeLessThan(1_200_000);
    const { OoxmlPackage } = await import('../../validator/ooxml/package.js');
    const pkg = OoxmlPackage.fromBytes(mediaBytes);
    expect(pkg.entry('xl/media/image1.png')).toMatchObject({ uncompressedSize: 1024 ** 3, method: 8 });
  });

  it('reads in this process in ≤ 2 s without inflating the picture (the package counts every inflated byte)', async () => {
    const { OoxmlPackage } = await import('../../validator/ooxml/package.js');
    const { readXlsxPackage } = await import('../../validator/read/xlsx.js');
    const pkg = OoxmlPackage.open(mediaFile);
    const inflated: string[] = [];
    const stream = pkg.stream.bind(pkg);
    pkg.stream = (part: string) => {
      inflated.push(part);
      return stream(part);
    };
    const started = performance.now();
    const read = await readXlsxPackage(pkg);
    const ms = performance.now() - started;
    pkg.close();
    expect(values(read.workbook.tables[0]!.rows)).toEqual(MEDIA_BOMB_ROWS);
    expect(inflated.sort()).toEqual(['_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(ms).toBeLessThan(2_000);
    expect((await readFileOnce(mediaFile)).ok).toBe(true);
    expect((await readXlsxFile(mediaFile)).workbook.tables).toHaveLength(1);
  });

  it('is checked by the CLI, annotated copy included, at ≤ 200 MB peak RSS', async () => {
    const out = path.join(dir, 'annotated');
    const run = await runCli(['validate', mediaFile, '--format', 'json', '--today', '2026-03-20', '--annotate', out]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { files: Array<{ error: unknown; sheets: unknown; violations: Array<{ ruleId: string }> }> };
    expect(report.files[0]!.error).toBeNull();
    expect(report.files[0]!.sheets).toEqual([{ name: '報名表', kind: 'enrollment', headerRow: 1, rows: 1 }]);
    expect(report.files[0]!.violations.map((v) => v.ruleId)).toEqual(['enrollment/missing-hero-image', 'enrollment/unused-chosen-days', 'enrollment/unused-chosen-days', 'enrollment/unused-chosen-days']);
    expect(readdirSync(out)).toEqual(['media-bomb.checked.xlsx']);
    expect(run.peakRssMb, `peak ${run.peakRssMb} MB`).toBeLessThanOrEqual(200);
    expect(run.wallMs).toBeLessThan(PROCESS_BOUND_MS);
  }, 60_000);

  it('is checked by the upload server (copies, schedule) at ≤ 200 MB peak RSS', async () => {
    const started = performance.now();
    const answer = await upload(server.url, 'media-bomb.xlsx', mediaBytes);
    const ms = performance.now() - started;
    expect(answer.status).toBe(200);
    const body = answer.body as CheckResponse;
    expect(body.unreadable).toBeNull();
    expect(body.report.summary).toEqual({ files: 1, errors: 0, warnings: 4, infos: 0 });
    // The copies keep the picture as stored: about the size of the upload, not 1 GiB.
    expect(body.downloads.annotated!.bytes).toBeLessThan(1_200_000);
    expect(body.downloads.fixed!.bytes).toBeLessThan(1_200_000);
    const peak = server.peakRssMb();
    expect(peak, `peak ${peak} MB`).toBeLessThanOrEqual(200);
    expect(ms).toBeLessThan(PROCESS_BOUND_MS);
  }, 60_000);
});

describe('merge bombs', () => {
  const reason = (range: string) => `Sheet "報名表" has an absurdly large merged range ${range}`;

  it('are refused by the reader in ≤ 2 s each, wherever the part is and however the range is written', async () => {
    for (const b of mergeBombs()) {
      const file = path.join(dir, `merge-${b.name}.xlsx`);
      const started = performance.now();
      const read = await readFileOnce(file);
      const ms = performance.now() - started;
      expect(read.ok, b.name).toBe(false);
      if (read.ok) continue;
      expect(read.reason.en, b.name).toContain(reason(MERGE_BOMB_RANGE));
      expect(ms, b.name).toBeLessThan(2_000);
    }
  });

  it('are workbook/unreadable with the reason through the CLI (exit 2) and the upload server', async () => {
    for (const b of mergeBombs()) {
      const file = path.join(dir, `merge-${b.name}.xlsx`);
      const run = await runCli(['validate', file, '--format', 'json', '--lang', 'en']);
      expect(run.code, b.name).toBe(2);
      const v = (JSON.parse(run.stdout) as { files: Array<{ violations: Array<{ ruleId: string; message: string }> }> }).files[0]!.violations;
      expect(v.map((x) => x.ruleId), b.name).toEqual(['workbook/unreadable']);
      expect(v[0]!.message, b.name).toContain(reason(MERGE_BOMB_RANGE));
      expect(run.wallMs, b.name).toBeLessThan(PROCESS_BOUND_MS);
      const answer = await upload(server.url, `${b.name}.xlsx`, b.bytes);
      const body = answer.body as CheckResponse;
      expect(body.report.files[0]!.violations.map((x) => x.ruleId), b.name).toEqual(['workbook/unreadable']);
      expect(body.unreadable, b.name).toContain(reason(MERGE_BOMB_RANGE));
    }
  }, 120_000);
});
