/**
 * Tab names that exceljs's full reader refuses (`Worksheet name … cannot include … /`) but Google
 * Sheets allows: the file must still be read (by the streaming reader) with the name kept exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fullReaderRefusesTabName, runReadJob } from '../../../validator/read/read-job';
import { readXlsxFull } from '../../../validator/read/xlsx';
import { readFileSync } from 'node:fs';
import { makeTempDir, repoRoot, writeTemp } from './helpers/fixtures';
import { buildXlsx, si } from './helpers/xlsx-builder';

const SCRIPT = '<script>alert(1)</script>';

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

function workbookWithTabs(names: string[]): Uint8Array {
  return buildXlsx({
    sharedStrings: [si('商店代碼'), si('好日子')],
    sheets: names.map((name) => ({ name, sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>42</v></c></row>' })),
  });
}

describe('tab names the full reader refuses', () => {
  it('the full reader itself rejects a "/" in a tab name (why the fallback exists)', async () => {
    const file = writeTemp(temp.dir, 'refused.xlsx', workbookWithTabs([SCRIPT]));
    await expect(readXlsxFull(readFileSync(file))).rejects.toThrow(/cannot include/);
  });

  it('reads a workbook with a "<script>…</script>" tab via the streaming reader, keeping the name', async () => {
    const file = writeTemp(temp.dir, 'script-tab.xlsx', workbookWithTabs(['報名表', SCRIPT, 'a/b [1]']));
    const result = await runReadJob({ filePath: file, kind: 'xlsx', streamThresholdBytes: 4 * 1024 * 1024 });
    expect(result).toMatchObject({ ok: true, reader: 'stream' });
    if (!result.ok) return;
    expect(result.workbook.tables.map((t) => t.name)).toEqual(['報名表', SCRIPT, 'a/b [1]']);
    expect(result.workbook.tables[1].rows.map((r) => r.map((c) => c?.value))).toEqual([['商店代碼'], ['好日子', 42]]);
    expect(result.workbook.tables[1].rows[1][1]).toEqual({ value: 42, text: '42', address: 'B2' });
  });

  it('falls back to the streaming reader when the full reader throws the tab-name error', async () => {
    // unguardedFullReader skips the pre-checks (merges and tab names), so the full reader runs and throws.
    const file = writeTemp(temp.dir, 'fallback.xlsx', workbookWithTabs([SCRIPT]));
    const result = await runReadJob({ filePath: file, kind: 'xlsx', streamThresholdBytes: 4 * 1024 * 1024, unguardedFullReader: true });
    expect(result).toMatchObject({ ok: true, reader: 'stream' });
    expect(result.ok && result.workbook.tables.map((t) => t.name)).toEqual([SCRIPT]);
  });

  it('reads the hostile corpus file tab-name-script.xlsx', async () => {
    const file = path.join(repoRoot, 'test', 'fixtures', 'hostile', 'tab-name-script.xlsx');
    const result = await runReadJob({ filePath: file, kind: 'xlsx', streamThresholdBytes: 4 * 1024 * 1024 });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.ok && result.workbook.tables.map((t) => t.name)).toContain(SCRIPT);
  });

  it('keeps ordinary names on the full reader', async () => {
    const file = writeTemp(temp.dir, 'ordinary.xlsx', workbookWithTabs(['報名表 🎉', `O'Brien "合約"`]));
    const result = await runReadJob({ filePath: file, kind: 'xlsx', streamThresholdBytes: 4 * 1024 * 1024 });
    expect(result).toMatchObject({ ok: true, reader: 'full' });
    expect(result.ok && result.workbook.tables.map((t) => t.name)).toEqual(['報名表 🎉', `O'Brien "合約"`]);
  });

  it('knows which names exceljs refuses or changes', () => {
    for (const bad of [SCRIPT, 'a:b', 'a?', 'a*', 'a\\b', '[x]', "'quoted'", 'History', '', 'x'.repeat(32)]) {
      expect(fullReaderRefusesTabName(bad), bad).toBe(true);
    }
    for (const ok of ['報名表', '加碼合約 (2)', `O'Brien "合約"`, 'x'.repeat(31)]) expect(fullReaderRefusesTabName(ok), ok).toBe(false);
    expect(fullReaderRefusesTabName('sheet1', new Set(['sheet1']))).toBe(true);
  });
});
