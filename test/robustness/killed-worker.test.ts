/**
 * Issue 12: nothing is left in the temp folder after a killed worker, and the batch goes on.
 *
 * The worker is killed in the middle of a file at the point that used to hold temporary files:
 * while the fixed copy is re-checked (the candidate copy was written to
 * `os.tmpdir()/partner-check-fix-*` and read back by a nested reader worker; a worker that died
 * there never ran its `finally`). The test-only hook PARTNER_CHECK_TEST_DIE_IN_FIX_CHECK
 * (validator/annotate.ts, set only here) makes the worker thread exit there, as one killed by its
 * heap limit or timeout would. TMPDIR is a fresh folder, so "nothing left" means it is empty.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REASONS } from '../../validator/read/reasons.js';
import type { CheckResponse } from '../../validator/serve/types.js';
import { upload } from '../serve/helpers.js';
import { ensureBuilt, REPO_ROOT, runCli, startServeChild } from './helpers/processes.js';

const MISTAKES = path.join(REPO_ROOT, 'templates', 'examples', 'mistakes.xlsx');
const HOOK = 'PARTNER_CHECK_TEST_DIE_IN_FIX_CHECK';
let root: string;

beforeAll(() => {
  ensureBuilt();
  root = mkdtempSync(path.join(os.tmpdir(), 'pc-killed-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface JsonFile {
  path: string;
  error: string | null;
  violations: Array<{ ruleId: string; message: string }>;
  meta: { detail?: string; fixes?: number };
}

describe('a worker killed in the middle of a file', () => {
  it('validate DIR --fix: that file is unreadable, the next one is checked and fixed, TMPDIR stays empty', async () => {
    const input = path.join(root, 'in');
    const tmp = path.join(root, 'tmp-cli');
    const out = path.join(root, 'out');
    mkdirSync(input);
    mkdirSync(tmp);
    copyFileSync(MISTAKES, path.join(input, 'a-dies.xlsx'));
    copyFileSync(MISTAKES, path.join(input, 'b-ok.xlsx'));
    const args = ['--fix', out, '--format', 'json', '--today', '2026-03-20', '--lang', 'en'];
    const run = await runCli(['validate', input, ...args], { TMPDIR: tmp, [HOOK]: 'a-dies' });
    const alone = await runCli(['validate', path.join(input, 'b-ok.xlsx'), ...args, '--fix', path.join(root, 'out-alone')]);
    expect(run.code, run.stderr).toBe(2);
    const files = (JSON.parse(run.stdout) as { files: JsonFile[] }).files;
    expect(files.map((f) => path.basename(f.path))).toEqual(['a-dies.xlsx', 'b-ok.xlsx']);
    const [dead, ok] = files as [JsonFile, JsonFile];
    expect(dead.error).toBe(REASONS.tooLargeOrMalformed.en);
    expect(dead.violations.map((v) => v.ruleId)).toEqual(['workbook/unreadable']);
    expect(dead.meta.detail).toBe('worker exited with code 70 before answering');
    // The batch went on: the other file's report is the one it gets alone, fixed copy included.
    const single = (JSON.parse(alone.stdout) as { files: JsonFile[] }).files[0]!;
    expect(ok.error).toBeNull();
    expect(ok.violations).toEqual(single.violations);
    expect(ok.meta.fixes).toBe(single.meta.fixes);
    expect(ok.meta.fixes).toBeGreaterThan(0);
    expect(readdirSync(out)).toEqual(['b-ok.fixed.xlsx']);
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);

  it('serve: that upload is unreadable, the next one is checked, TMPDIR is empty while it runs and after', async () => {
    const tmp = path.join(root, 'tmp-serve');
    mkdirSync(tmp);
    const server = await startServeChild(['--today', '2026-03-20', '--lang', 'en'], { TMPDIR: tmp, [HOOK]: 'dies' });
    try {
      const bytes = readFileSync(MISTAKES);
      const dead = (await upload(server.url, 'dies.xlsx', bytes)).body as CheckResponse;
      expect(dead.unreadable).toBe(REASONS.tooLargeOrMalformed.en);
      expect(dead.report.files[0]!.violations.map((v) => v.ruleId)).toEqual(['workbook/unreadable']);
      const ok = (await upload(server.url, 'ok.xlsx', bytes)).body as CheckResponse;
      expect(ok.unreadable).toBeNull();
      expect(ok.report.summary.errors).toBeGreaterThan(0);
      expect(ok.downloads.fixed).not.toBeNull();
      // Only the server's own (empty) temp root, no upload folder, no partner-check-fix-*.
      expect(readdirSync(tmp)).toEqual(['partner-check-serve']);
      expect(readdirSync(path.join(tmp, 'partner-check-serve'))).toEqual([]);
    } finally {
      await server.stop();
    }
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);
});
