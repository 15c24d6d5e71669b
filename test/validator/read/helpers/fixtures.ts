/**
 * Paths of the committed real-application fixtures (`../shared/fixtures`
 * from the repo root) and generators for the odd files the reader tests need, written to a
 * temp dir at test time instead of committed binaries.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildXlsx, si } from './xlsx-builder';
import { writeZip } from './zip-writer';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const sharedFixtures = path.resolve(repoRoot, '..', 'shared', 'fixtures');

export const FIXTURES = {
  enrollmentXlsx: path.join(sharedFixtures, 'libreoffice', 'enrollment-2026q2.xlsx'),
  partnerWorkbookXlsx: path.join(sharedFixtures, 'libreoffice', 'partner-workbook.xlsx'),
  big5Csv: path.join(sharedFixtures, 'csv', 'enrollment-big5.csv'),
  utf8BomCsv: path.join(sharedFixtures, 'csv', 'enrollment-utf8-bom.csv'),
  utf16Txt: path.join(sharedFixtures, 'csv', 'enrollment-utf16le.txt'),
} as const;

/** A fresh temp dir and a function that removes it. */
export function makeTempDir(prefix = 'partner-check-read-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/**
 * A workbook whose cells use Excel's zh-TW built-in date formats, stored as bare numFmtIds
 * with no format code (as zh-TW Excel writes them): style 1 = id 27 (`115/3/20`), style 2 =
 * id 31 (`2026年3月20日`), style 3 = id 33 (`10時00分00秒`), style 4 = id 14 (`mm-dd-yy`),
 * plus a formula whose cached result uses id 27.
 */
export function builtinDateFormatsXlsx(): Uint8Array {
  return buildXlsx({
    sharedStrings: [si('報名時間')],
    cellXfNumFmtIds: [0, 27, 31, 33, 14],
    sheets: [
      {
        name: '報名表',
        sheetData:
          '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
          '<row r="2"><c r="A2" s="1"><v>46101.416666666664</v></c><c r="B2" s="2"><v>46101</v></c>' +
          '<c r="C2" s="3"><v>0.4166666666666667</v></c><c r="D2" s="4"><v>46101</v></c>' +
          '<c r="E2" s="1"><f>A2+1</f><v>46102.416666666664</v></c></row>',
      },
    ],
  });
}

/**
 * Cells exceljs's readers treat differently unless handled: rich and inline strings, `_x000D_`
 * escapes, formula errors/booleans/strings/dates, shared formulas, cached errors, booleans, a
 * merged area whose slave cell has its own (hidden) content, an empty shared string.
 */
export function quirksXlsx(): Uint8Array {
  return buildXlsx({
    sharedStrings: [
      si('master'),
      '<r><t>4/1</t></r><r><rPr><b/></rPr><t>、4/14</t></r>',
      si('line1_x000D_\nline2'),
      '<t/>',
      si('hidden slave text'),
    ],
    numFmts: [{ id: 164, code: 'yyyy/m/d' }],
    cellXfNumFmtIds: [0, 164, 9, 3],
    sheets: [
      {
        name: '加碼合約',
        sheetData:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>4</v></c><c r="C1" t="s"><v>1</v></c>' +
          '<c r="D1" t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line</t></r></is></c>' +
          '<c r="E1" t="s"><v>2</v></c><c r="F1" t="s"><v>3</v></c></row>' +
          '<row r="2"><c r="A2" t="e"><f>VLOOKUP(1,Z1:Z2,2,FALSE)</f><v>#N/A</v></c><c r="B2" t="b"><f>1=1</f><v>1</v></c>' +
          '<c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D2" s="1"><f>DATE(2026,5,8)</f><v>46150</v></c>' +
          '<c r="E2" s="2"><f t="shared" ref="E2:E3" si="0">0.05*3</f><v>0.15</v></c><c r="F2"><f>1/0</f></c><c r="G2"><v>1</v></c></row>' +
          '<row r="3"><c r="A3" t="e"><v>#REF!</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" s="3"><v>1234567.5</v></c>' +
          '<c r="E3" s="2"><f t="shared" si="0"/><v>0.15</v></c></row>',
        merges: ['A1:B1'],
      },
      { name: '空白', sheetData: '' },
    ],
  });
}

/** The merge bomb: a tiny sheet whose one merge covers A3:XFD1048576 (17 billion cells). */
export function mergeBombXlsx(): Uint8Array {
  return buildXlsx({
    sharedStrings: [si('品牌名稱'), si('x')],
    sheets: [
      {
        name: '報名表',
        sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c></row>',
        merges: ['A3:XFD1048576'],
      },
    ],
  });
}

/** A valid ZIP that holds no workbook (someone zipped a folder and named it .xlsx). */
export function zipWithoutWorkbook(): Uint8Array {
  return writeZip([
    { name: 'readme.txt', data: '報名表在另一個檔案' },
    { name: 'images/logo.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
  ]);
}

/**
 * A minimal but well-formed OLE compound file (v3, 512-byte sectors): FAT in sector 0, the
 * directory in sector 1 holding a root entry and the given streams (empty). Enough to be a
 * legacy .xls ("Workbook") or an encrypted OOXML package ("EncryptionInfo", "EncryptedPackage").
 */
export function compoundFile(streamNames: readonly string[]): Uint8Array {
  const SECTOR = 512;
  const entries = ['Root Entry', ...streamNames];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = Buffer.alloc(SECTOR * (2 + dirSectors));
  // Header.
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x003e, 24); // minor version
  out.writeUInt16LE(0x0003, 26); // major version 3
  out.writeUInt16LE(0xfffe, 28); // byte order
  out.writeUInt16LE(9, 30); // sector shift: 512
  out.writeUInt16LE(6, 32); // mini sector shift: 64
  out.writeUInt32LE(1, 44); // number of FAT sectors
  out.writeUInt32LE(1, 48); // first directory sector
  out.writeUInt32LE(0x1000, 56); // mini stream cutoff
  out.writeUInt32LE(0xfffffffe, 60); // first mini FAT sector: none
  out.writeUInt32LE(0xfffffffe, 68); // first DIFAT sector: none
  out.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) out.writeUInt32LE(0xffffffff, 76 + i * 4);
  // FAT (sector 0 of the file body, at offset 512).
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) out.writeUInt32LE(0xffffffff, fat + i * 4);
  out.writeUInt32LE(0xfffffffd, fat); // sector 0 is the FAT itself
  for (let s = 1; s <= dirSectors; s++) out.writeUInt32LE(s === dirSectors ? 0xfffffffe : s + 1, fat + s * 4);
  // Directory entries.
  entries.forEach((name, i) => {
    const p = SECTOR * 2 + i * 128;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(out, p);
    out.writeUInt16LE(utf16.length, p + 64);
    out[p + 66] = i === 0 ? 5 : name.startsWith('\u0006') ? 1 : 2; // root, storage, stream
    out[p + 67] = 1; // black
    out.writeUInt32LE(0xffffffff, p + 68); // left sibling
    out.writeUInt32LE(i >= 1 && i < entries.length - 1 ? i + 1 : 0xffffffff, p + 72); // right sibling
    out.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : 0xffffffff, p + 76); // child
    out.writeUInt32LE(0xfffffffe, p + 116); // starting sector: none
  });
  return new Uint8Array(out);
}
