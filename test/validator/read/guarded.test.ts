import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readWorkbookFile, runReaderWorker } from '../../../validator/read/guarded';
import { REASONS } from '../../../validator/read/reasons';
import { readXlsxFile } from '../../../validator/read/xlsx';
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
  it('reads an .xlsx in a worker, giving the same model as in-process', async () => {
    const result = await readWorkbookFile(FIXTURES.enrollmentXlsx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reader).toBe('xlsx');
    expect(result.encoding).toBeUndefined();
    expect(result.workbook).toEqual((await readXlsxFile(FIXTURES.enrollmentXlsx)).workbook);
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
    expect(readFileSync(copy).equals(before.bytes)).toBe(true);
    expect(statSync(copy).mtimeMs).toBe(before.mtimeMs);
  });

  it('reads a file with a tall merged range instead of rejecting it', async () => {
    const bytes = buildXlsx({
      sharedStrings: [si('標題')],
      sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', merges: ['A1:C100000'] }],
    });
    const result = await readWorkbookFile(writeTemp(temp.dir, 'tall-merge.xlsx', bytes));
    expect(result).toMatchObject({ ok: true, reader: 'xlsx' });
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
  it("is rejected quickly by the reader's merge limit with a reason naming the sheet and range; the next file still reads", async () => {
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

  it('is refused wherever the sheet part sits and however the range is encoded (found via the relationships, decoded first)', async () => {
    for (const [name, part, ref] of [
      ['renamed', 'xl/worksheets/sheet1.xml.bak', 'A3:XFD1048576'],
      ['nested', 'xl/xl/worksheets/sheet1.xml', 'A3:XFD1048576'],
      ['entity-encoded', 'xl/worksheets/sheet1.xml', '&#65;3:XFD1048576'],
    ] as const) {
      const bytes = buildXlsx({ sheets: [{ name: '報名表', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>', merges: [ref], path: part }] });
      const started = Date.now();
      const result = await readWorkbookFile(writeTemp(temp.dir, `bomb-${name}.xlsx`, bytes));
      expect(Date.now() - started, name).toBeLessThan(2_000 + 3_000); // worker start-up on a loaded machine
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.reason.en, name).toContain('A3:XFD1048576');
    }
  });

  it('a worker that runs out of memory comes back as ok:false and this process survives', async () => {
    const result = await runReaderWorker({ filePath: FIXTURES.partnerWorkbookXlsx }, { maxOldGenerationSizeMb: 1, timeoutMs: 45_000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([REASONS.tooLargeOrMalformed, REASONS.timedOut]).toContainEqual(result.reason);
    expect((await readWorkbookFile(FIXTURES.enrollmentXlsx)).ok).toBe(true);
  }, 60_000);
});

describe('parts no rule needs', () => {
  it('are never inflated: a 1 MB file whose media part inflates to 1 GiB reads in well under 2 s', async () => {
    // 1 GiB of zeros, deflated chunk by chunk (never held inflated).
    const { createDeflateRaw, crc32 } = await import('node:zlib');
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const deflate = createDeflateRaw({ level: 9 });
    const parts: Buffer[] = [];
    deflate.on('data', (b: Buffer) => parts.push(b));
    let crc = 0;
    for (let i = 0; i < 16; i++) {
      crc = crc32(zeros, crc);
      if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
    }
    await new Promise((r) => deflate.end(r));
    const body = Buffer.concat(parts);
    const bytes = buildXlsx({
      sharedStrings: [si('商店代碼')],
      sheets: [{ name: '報名表', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      extraEntries: [{ name: 'xl/media/image1.png', data: '', deflated: { body, size: 1024 ** 3, crc } }],
    });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const file = writeTemp(temp.dir, 'media-bomb.xlsx', bytes);
    const started = Date.now();
    const result = await readWorkbookFile(file, { maxOldGenerationSizeMb: 128 });
    expect(Date.now() - started).toBeLessThan(2_000 + 3_000); // + worker start-up on a loaded machine
    expect(result.ok && result.workbook.tables.map((t) => t.rows.map((r) => r.map((c) => c?.value)))).toEqual([[['商店代碼']]]);
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
    const { sqrefCells } = await import('../../../validator/read/sheet.js');
    expect(sqrefCells('A2:A2000 C2:D2000')).toBe(1999 + 2 * 1999);
    expect(sqrefCells('A:A')).toBe(1_048_576);
    expect(sqrefCells('A1:XFD1048576')).toBe(16_384 * 1_048_576);
    expect(sqrefCells('B7')).toBe(1);
  });
});
