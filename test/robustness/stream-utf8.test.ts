/**
 * Found by the benchmark (issue 8): on a 100k-row 加碼合約 file the streaming reader turned
 * `加碼` into `��碼` in a few dozen remarks, so `contract/remark-special-chars` fired on clean
 * rows. exceljs's parse-sax decodes each inflated chunk on its own (`bufferToString(chunk)`), so a
 * multi-byte UTF-8 character split across two chunks becomes two U+FFFD (exceljs issues #2063,
 * #2084, #2316). Large files are exactly the ones read by streaming, and zh-TW text is 3 bytes a
 * character, so this test builds a workbook whose shared strings and inline strings are long runs
 * of CJK text (many chunk boundaries fall inside a character) and requires the reader
 * to return every string intact (issue 12: the one reader decodes each part with one streaming
 * decoder; the expected strings are computed from the rows written).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxFile } from '../../validator/read/xlsx.js';
import { xlsx, xlsxParts, zip } from '../../scripts/gen-hostile.js';
import type { Workbook } from '../../rules/index.js';

const ROWS = 4000;
const HEADERS = ['商店代碼', '合約備註', '品牌名稱'];
/** Row r's texts: 3-byte characters with 1-byte ones at varying offsets, so splits land everywhere. */
const remark = (r: number) => `${(r % 12) + 1}/${(r % 28) + 1}-${(r % 12) + 1}/${(r % 28) + 2}_加碼${(r % 10) + 1}%`;
const brand = (r: number) => `好日子食品${'臺'.repeat(r % 7)}股份有限公司${r}號店`;

let dir: string;
let sharedFile: string;
let inlineFile: string;

function strings(workbook: Workbook): string[] {
  const out: string[] = [];
  for (const t of workbook.tables) for (const row of t.rows) for (const c of row) if (c && typeof c.value === 'string') out.push(c.value);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'partner-check-utf8-'));
  const rows = [HEADERS, ...Array.from({ length: ROWS }, (_, r) => [`shop_${r}`, remark(r), brand(r)])];
  sharedFile = path.join(dir, 'shared-strings.xlsx');
  writeFileSync(sharedFile, xlsx([{ name: '加碼合約', rows }]));
  // The same rows as inline strings in the sheet XML (the path sheet.ts reads).
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheetXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  inlineFile = path.join(dir, 'inline-strings.xlsx');
  writeFileSync(inlineFile, zip(xlsxParts([{ name: '加碼合約', rows: [] }], { 0: { name: 'xl/worksheets/sheet1.xml', data: sheetXml } })));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the xlsx reader keeps multi-byte text intact across chunk boundaries', () => {
  for (const [what, file] of [
    ['shared strings', () => sharedFile],
    ['inline strings', () => inlineFile],
  ] as const) {
    it(`${what}: no U+FFFD, and exactly the strings written`, async () => {
      const streamed = strings((await readXlsxFile(file())).workbook);
      const broken = streamed.filter((s) => s.includes('\uFFFD'));
      expect(broken.slice(0, 5), `${broken.length} of ${streamed.length} strings broken`).toEqual([]);
      expect(streamed.length).toBe(3 * (ROWS + 1));
      expect(streamed).toEqual([HEADERS, ...Array.from({ length: ROWS }, (_, r) => [`shop_${r}`, remark(r), brand(r)])].flat());
      expect(streamed).toContain(remark(ROWS - 1));
      expect(streamed).toContain(brand(ROWS - 1));
    });
  }
});
