/**
 * Tab names that exceljs refuses (`Worksheet name … cannot include … /`) but Google Sheets allows:
 * the reader keeps them exactly, and the annotated copy is then rebuilt from the model rather than
 * loaded with exceljs (annotateReader).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { annotateReader, exceljsRefusesTabName, readFileOnce } from '../../../validator/read/read-job';
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

describe('tab names exceljs refuses', () => {
  it('reads a workbook with a "<script>…</script>" tab, keeping the name; its copy is rebuilt', async () => {
    const file = writeTemp(temp.dir, 'script-tab.xlsx', workbookWithTabs(['報名表', SCRIPT, 'a/b [1]']));
    const result = await readFileOnce(file);
    expect(result).toMatchObject({ ok: true, reader: 'xlsx' });
    if (!result.ok) return;
    expect(result.workbook.tables.map((t) => t.name)).toEqual(['報名表', SCRIPT, 'a/b [1]']);
    expect(result.workbook.tables[1].rows.map((r) => r.map((c) => c?.value))).toEqual([['商店代碼'], ['好日子', 42]]);
    expect(result.workbook.tables[1].rows[1][1]).toEqual({ value: 42, text: '42' });
    expect(annotateReader(result)).toBe('stream');
  });

  it('reads the hostile corpus file tab-name-script.xlsx', async () => {
    const file = path.join(repoRoot, 'test', 'fixtures', 'hostile', 'tab-name-script.xlsx');
    const result = await readFileOnce(file);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(result.ok && result.workbook.tables.map((t) => t.name)).toContain(SCRIPT);
  });

  it('copies workbooks with ordinary names with exceljs', async () => {
    const file = writeTemp(temp.dir, 'ordinary.xlsx', workbookWithTabs(['報名表 🎉', `O'Brien "合約"`]));
    const result = await readFileOnce(file);
    expect(result.ok && result.workbook.tables.map((t) => t.name)).toEqual(['報名表 🎉', `O'Brien "合約"`]);
    expect(annotateReader(result)).toBe('full');
  });

  it('knows which names exceljs refuses or changes', () => {
    for (const bad of [SCRIPT, 'a:b', 'a?', 'a*', 'a\\b', '[x]', "'quoted'", 'History', '', 'x'.repeat(32)]) {
      expect(exceljsRefusesTabName(bad), bad).toBe(true);
    }
    for (const ok of ['報名表', '加碼合約 (2)', `O'Brien "合約"`, 'x'.repeat(31)]) expect(exceljsRefusesTabName(ok), ok).toBe(false);
    expect(exceljsRefusesTabName('sheet1', new Set(['sheet1']))).toBe(true);
  });
});
