import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readWorkbookFile, runReaderWorker } from '../../../validator/read/guarded';
import { REASONS } from '../../../validator/read/reasons';
import { readXlsxFull } from '../../../validator/read/xlsx';
import { compoundFile, FIXTURES, makeTempDir, mergeBombXlsx, repoRoot, writeTemp } from './helpers/fixtures';
import { buildXlsx, si } from './helpers/xlsx-builder';

let temp: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  // `npm test` builds first; a direct `npx vitest run test/validator/read` may not have.
  if (!existsSync(path.join(repoRoot, 'dist', 'validator', 'worker.mjs'))) {
    execFileSync(process.execPath, ['scripts/build.mjs', 'validator'], { cwd: repoRoot, stdio: 'inherit' });
  }
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

describe('readWorkbookFile: readable files', () => {
  it('reads an .xlsx with the full reader in a worker, giving the same model as in-process', async () => {
    const result = await readWorkbookFile(FIXTURES.enrollmentXlsx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reader).toBe('full');
    expect(result.encoding).toBeUndefined();
    expect(result.workbook).toEqual(await readXlsxFull(readFileSync(FIXTURES.enrollmentXlsx)));
  });

  it('uses the streaming reader above the size threshold, with the same model', async () => {
    const full = await readWorkbookFile(FIXTURES.partnerWorkbookXlsx);
    const stream = await readWorkbookFile(FIXTURES.partnerWorkbookXlsx, { streamThresholdBytes: 1000 });
    expect(full.ok && full.reader).toBe('full');
    expect(stream.ok && stream.reader).toBe('stream');
    expect(stream.ok && stream.workbook).toEqual(full.ok && full.workbook);
  });

  it('reads CSV and Unicode text, reporting the encoding', async () => {
    const big5 = await readWorkbookFile(FIXTURES.big5Csv);
    const utf16 = await readWorkbookFile(FIXTURES.utf16Txt);
    expect(big5).toMatchObject({ ok: true, reader: 'csv', encoding: 'big5' });
    expect(utf16).toMatchObject({ ok: true, reader: 'csv', encoding: 'utf-16le' });
    expect(big5.ok && big5.workbook.tables[0].rows[0][0]?.value).toBe('品牌名稱');
  });

  it('never modifies the input file', async () => {
    const copy = path.join(temp.dir, 'copy.xlsx');
    copyFileSync(FIXTURES.enrollmentXlsx, copy);
    const before = { bytes: readFileSync(copy), mtimeMs: statSync(copy).mtimeMs };
    expect((await readWorkbookFile(copy)).ok).toBe(true);
    expect((await readWorkbookFile(copy, { streamThresholdBytes: 0 })).ok).toBe(true);
    expect(readFileSync(copy).equals(before.bytes)).toBe(true);
    expect(statSync(copy).mtimeMs).toBe(before.mtimeMs);
  });

  it('reads a file with many merged cells with the streaming reader instead of rejecting it', async () => {
    const bytes = buildXlsx({
      sharedStrings: [si('標題')],
      sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', merges: ['A1:C100000'] }],
    });
    const result = await readWorkbookFile(writeTemp(temp.dir, 'tall-merge.xlsx', bytes));
    expect(result).toMatchObject({ ok: true, reader: 'stream' });
    expect(result.ok && result.workbook.tables[0].rows.map((r) => r.map((c) => c?.value))).toEqual([['標題']]);
  });
});

describe('readWorkbookFile: unreadable files', () => {
  it('explains a renamed .xls without starting a parser', async () => {
    const result = await readWorkbookFile(writeTemp(temp.dir, 'old.xlsx', compoundFile(['Workbook'])));
    expect(result).toEqual({ ok: false, reason: REASONS.legacyXls, detail: 'file content is xls' });
  });

  it('explains HTML, empty and missing files', async () => {
    expect(await readWorkbookFile(writeTemp(temp.dir, 'page.xlsx', '<!DOCTYPE html><html></html>'))).toMatchObject({ ok: false, reason: REASONS.html });
    expect(await readWorkbookFile(writeTemp(temp.dir, 'empty.csv', ''))).toMatchObject({ ok: false, reason: REASONS.empty });
    expect(await readWorkbookFile(path.join(temp.dir, 'nope.xlsx'))).toMatchObject({ ok: false, reason: REASONS.fileNotFound });
  });

  it('reports a workbook whose XML is broken as damaged, with the parser error as detail', async () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1"><v>1</v></row>' }] });
    const result = await readWorkbookFile(writeTemp(temp.dir, 'broken.xlsx', bytes));
    expect(result).toMatchObject({ ok: false, reason: REASONS.corruptXlsx });
    expect(!result.ok && result.detail).toBeTruthy();
  });
});

describe('merge bomb', () => {
  it('is rejected quickly by the pre-check with a reason naming the sheet and range; the next file still reads', async () => {
    const bomb = writeTemp(temp.dir, 'bomb.xlsx', mergeBombXlsx());
    expect(statSync(bomb).size).toBeLessThan(4096);
    const started = Date.now();
    const result = await readWorkbookFile(bomb);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason['zh-TW']).toContain('報名表');
    expect(result.reason['zh-TW']).toContain('A3:XFD1048576');
    expect(result.reason.en).toContain('A3:XFD1048576');
    expect((await readWorkbookFile(FIXTURES.enrollmentXlsx)).ok).toBe(true);
  });

  it('without the pre-check, the worker guard still turns it into ok:false and this process survives', async () => {
    const bomb = writeTemp(temp.dir, 'bomb-unguarded.xlsx', mergeBombXlsx());
    const started = Date.now();
    const result = await runReaderWorker(
      { filePath: bomb, kind: 'xlsx', streamThresholdBytes: Number.MAX_SAFE_INTEGER, unguardedFullReader: true },
      { maxOldGenerationSizeMb: 128, timeoutMs: 45_000 },
    );
    expect(Date.now() - started).toBeLessThan(50_000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([REASONS.tooLargeOrMalformed, REASONS.timedOut]).toContainEqual(result.reason);
    expect((await readWorkbookFile(FIXTURES.enrollmentXlsx)).ok).toBe(true);
  }, 60_000);
});

describe('worker limits', () => {
  it('terminates a read that exceeds the timeout', async () => {
    const result = await readWorkbookFile(FIXTURES.partnerWorkbookXlsx, { timeoutMs: 1 });
    expect(result).toEqual({ ok: false, reason: REASONS.timedOut, detail: 'reading took longer than 1 ms' });
  });
});

describe('whole-sheet data validations', () => {
  it('counts the cells of a sqref list, whole columns included', async () => {
    const { sqrefCells } = await import('../../../validator/read/merge-precheck.js');
    expect(sqrefCells('A2:A2000 C2:D2000')).toBe(1999 + 2 * 1999);
    expect(sqrefCells('A:A')).toBe(1_048_576);
    expect(sqrefCells('A1:XFD1048576')).toBe(16_384 * 1_048_576);
    expect(sqrefCells('B7')).toBe(1);
  });
});
