import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { sniffFile, type SniffResult } from '../../../validator/read/sniff';
import { compoundFile, FIXTURES, mergeBombXlsx, zipWithoutWorkbook } from './helpers/fixtures';
import { writeZip } from './helpers/zip-writer';

const utf8 = (s: string) => new TextEncoder().encode(s);

function expectUnreadable(result: SniffResult, kind: string, zh: RegExp, en: RegExp): void {
  expect(result.kind).toBe(kind);
  expect(result.readable).toBe(false);
  if (result.readable) return;
  expect(result.reason['zh-TW']).toMatch(zh);
  expect(result.reason.en).toMatch(en);
}

describe('sniffFile', () => {
  it('accepts real workbooks, whatever their name says', () => {
    const bytes = readFileSync(FIXTURES.enrollmentXlsx);
    expect(sniffFile(bytes, 'enrollment.xlsx')).toEqual({ kind: 'xlsx', readable: true });
    expect(sniffFile(bytes, 'misnamed.csv')).toEqual({ kind: 'xlsx', readable: true });
    expect(sniffFile(mergeBombXlsx(), 'bomb.xlsx')).toEqual({ kind: 'xlsx', readable: true });
  });

  it('accepts text files named .csv, .tsv or .txt in any of the supported encodings', () => {
    expect(sniffFile(readFileSync(FIXTURES.big5Csv), 'a.csv')).toEqual({ kind: 'csv', readable: true });
    expect(sniffFile(readFileSync(FIXTURES.utf8BomCsv), 'a.CSV')).toEqual({ kind: 'csv', readable: true });
    expect(sniffFile(readFileSync(FIXTURES.utf16Txt), 'a.txt')).toEqual({ kind: 'csv', readable: true });
    expect(sniffFile(utf8('a\tb\n'), 'a.tsv')).toEqual({ kind: 'csv', readable: true });
  });

  it('an empty file', () => {
    expectUnreadable(sniffFile(new Uint8Array(0), 'a.xlsx'), 'empty', /空的/, /empty/);
  });

  it('a legacy .xls renamed to .xlsx (compound file with a Workbook stream)', () => {
    const result = sniffFile(compoundFile(['Workbook', '\u0005SummaryInformation']), 'renamed.xlsx');
    expectUnreadable(result, 'xls', /Excel 97-2003 \(\.xls\).*另存為 \.xlsx/, /legacy Excel 97-2003 \.xls.*save it as \.xlsx/);
    expect(sniffFile(compoundFile(['Book']), 'old.xlsx').kind).toBe('xls'); // Excel 5/95 stream name
  });

  it('a password-protected .xlsx (compound file with EncryptionInfo / EncryptedPackage)', () => {
    const result = sniffFile(compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'locked.xlsx');
    expectUnreadable(result, 'encrypted-ooxml', /密碼/, /password/);
  });

  it('another compound file (e.g. a .doc) is not called an .xls', () => {
    expectUnreadable(sniffFile(compoundFile(['WordDocument']), 'x.xlsx'), 'ole-other', /不是 Excel/, /not an Excel workbook/);
  });

  it('HTML saved with a spreadsheet name, with BOM and leading whitespace', () => {
    expectUnreadable(sniffFile(utf8('\ufeff\r\n  <!DOCTYPE html><html><body><table></table>'), 'report.xlsx'), 'html', /HTML/, /HTML/);
    expect(sniffFile(utf8('<html xmlns:x="urn:schemas-microsoft-com:office:excel">'), 'export.xls').kind).toBe('html');
    expect(sniffFile(utf8('<table><tr><td>1</td></tr></table>'), 'export.csv').kind).toBe('html');
    expect(sniffFile(new Uint8Array(Buffer.from('\ufeff<html>', 'utf16le')), 'u.xlsx').kind).toBe('html');
  });

  it('Excel 2003 XML spreadsheets', () => {
    const xml = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">';
    expectUnreadable(sniffFile(utf8(xml), 'a.xlsx'), 'xml-spreadsheet-2003', /2003 XML/, /2003 XML/);
  });

  it('text renamed to .xlsx, and text with an unsupported extension', () => {
    expectUnreadable(sniffFile(utf8('品牌名稱,商店代碼\n好日子,goodday\n'), 'enrollment.xlsx'), 'text-as-spreadsheet', /純文字/, /plain-text/);
    expectUnreadable(sniffFile(utf8('a,b\n'), 'data.dat'), 'unsupported-text', /純文字/, /plain-text/);
  });

  it('a ZIP without a workbook, and other ZIP-based formats', () => {
    expectUnreadable(sniffFile(zipWithoutWorkbook(), 'a.xlsx'), 'zip-without-workbook', /ZIP.*沒有 Excel 活頁簿/, /ZIP archive without an Excel workbook/);
    expect(sniffFile(writeZip([{ name: 'xl/workbook.bin', data: 'x' }]), 'a.xlsx').kind).toBe('xlsb');
    expect(sniffFile(writeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: '<x/>' }]), 'a.xlsx').kind).toBe('ods');
    expect(sniffFile(writeZip([{ name: 'word/document.xml', data: '<x/>' }]), 'a.xlsx').kind).toBe('office-document');
  });

  it('a truncated .xlsx (no central directory) is a damaged file, not a workbook', () => {
    const whole = readFileSync(FIXTURES.enrollmentXlsx);
    expectUnreadable(sniffFile(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.xlsx'), 'corrupt-zip', /損毀/, /damaged/);
  });

  it('PDF and unknown binary files', () => {
    expect(sniffFile(utf8('%PDF-1.7\n...'), 'a.xlsx').kind).toBe('pdf');
    expectUnreadable(sniffFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), 'a.csv'), 'unknown-binary', /無法辨識/, /Unrecognised/);
  });
});
