import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Workbook } from '../../../rules/model';
import { chooseDelimiter, readCsv, tableName } from '../../../validator/read/csv';
import { parseDelimited } from '../../../validator/read/delimited-text';
import { decodeText } from '../../../validator/read/text-decode';
import { FIXTURES } from './helpers/fixtures';

const values = (wb: Workbook) => wb.tables[0].rows.map((r) => r.map((c) => (c ? c.value : null)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readCsv on the Excel-saved fixtures', () => {
  const big5 = readCsv(readFileSync(FIXTURES.big5Csv), FIXTURES.big5Csv);
  const bom = readCsv(readFileSync(FIXTURES.utf8BomCsv), FIXTURES.utf8BomCsv);
  const utf16 = readCsv(readFileSync(FIXTURES.utf16Txt), FIXTURES.utf16Txt);

  it('detects each encoding', () => {
    expect(big5.encoding).toBe('big5');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(utf16.encoding).toBe('utf-16le');
  });

  it('decodes all three to the same cell strings', () => {
    expect(values(big5.workbook)).toEqual(values(bom.workbook));
    expect(values(utf16.workbook)).toEqual(values(bom.workbook));
  });

  it('keeps every cell a raw string, with the BOM stripped and quoted commas inside one cell', () => {
    const t = bom.workbook.tables[0];
    expect(t.name).toBe('enrollment-utf8-bom');
    expect(t.rows[0][0]).toEqual({ value: '品牌名稱', text: '品牌名稱' });
    expect(t.rows[0]).toHaveLength(13);
    expect(t.rows[1][5]?.value).toBe('2026/3/20 10:00');
    expect(t.rows[1][9]?.value).toBe('8%');
    expect(t.rows[1][11]?.value).toBe('1.2e+06');
    expect(t.rows[2][8]?.value).toBe('5/8(五), 5/14, 5/21, 5/22');
    expect(t.rows[3][2]?.value).toBe('ops@homegoods.example.com, boss@homegoods.example.com');
    expect(t.rows[6][9]?.value).toBe('８％');
    expect(t.rows[3][10]).toBeNull(); // empty → null
    expect(t.rows).toHaveLength(8);
    expect(big5.workbook.tables[0].name).toBe('enrollment-big5');
    expect(utf16.workbook.tables[0].name).toBe('enrollment-utf16le');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 without BOM as utf-8 and UTF-16BE with BOM', () => {
    expect(decodeText(utf8('商店代碼,a'))).toEqual({ text: '商店代碼,a', encoding: 'utf-8' });
    const be = new Uint8Array([0xfe, 0xff, 0x55, 0x46, 0x00, 0x2c, 0x00, 0x61]); // 商,a
    expect(decodeText(be)).toEqual({ text: '商,a', encoding: 'utf-16be' });
  });

  it('falls back to Big5 for bytes that are not UTF-8', () => {
    // 品牌 in Big5 (CP950): AB 7E B5 50
    expect(decodeText(new Uint8Array([0xab, 0x7e, 0xb5, 0x50]))).toEqual({ text: '品牌', encoding: 'big5' });
  });

  it('recognises UTF-16LE without a BOM by its NUL bytes', () => {
    const bytes = new Uint8Array(Buffer.from('shop_id\tbrand\r\nabc\tdef\r\n', 'utf16le'));
    expect(decodeText(bytes)).toEqual({ text: 'shop_id\tbrand\r\nabc\tdef\r\n', encoding: 'utf-16le' });
  });
});

describe('parseDelimited (RFC 4180)', () => {
  it('handles quotes, escaped quotes, CRLF/LF/CR and quoted line breaks', () => {
    const text = 'a,"b ""quoted""","multi\r\nline"\r\nc,d\ne,f\rg,"h,i"';
    expect(parseDelimited(text, ',')).toEqual([
      ['a', 'b "quoted"', 'multi\nline'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h,i'],
    ]);
  });

  it('keeps empty fields, ignores one final line break, keeps blank lines inside', () => {
    expect(parseDelimited('a,,b,\r\n\r\nc\r\n', ',')).toEqual([['a', '', 'b', ''], [''], ['c']]);
    expect(parseDelimited('', ',')).toEqual([]);
  });

  it('is lenient like Excel: a quote inside an unquoted field is literal; an unclosed quote runs to the end', () => {
    expect(parseDelimited('5"5,x\n"open,y', ',')).toEqual([['5"5', 'x'], ['open,y']]);
  });
});

describe('delimiter and table name', () => {
  it('uses tab for UTF-16 text and .tsv, or a header with tabs and no commas', () => {
    expect(chooseDelimiter('a\tb\n', 'utf-8', 'x.csv')).toBe('\t');
    expect(chooseDelimiter('a,b\n', 'utf-8', 'x.csv')).toBe(',');
    expect(chooseDelimiter('品牌名稱\n', 'utf-16le', 'x.txt')).toBe('\t');
    expect(chooseDelimiter('品牌名稱\n', 'utf-8', 'x.tsv')).toBe('\t');
    expect(chooseDelimiter('品牌名稱\n', 'utf-8', 'x.csv')).toBe(',');
    expect(chooseDelimiter('a, b\tc\n', 'utf-8', 'x.csv')).toBe(',');
  });

  it('names the table after the file, without directory or extension', () => {
    expect(tableName('/data/exports/報名表.csv')).toBe('報名表');
    expect(tableName('contracts.2026.tsv')).toBe('contracts.2026');
  });

  it('never guesses types: phone numbers, dates, numbers and booleans stay strings', () => {
    const { workbook, encoding } = readCsv(utf8('商店代碼,電話,日期,數字,布林\nshop_1,0912345678,2026-05-08,007,TRUE\n'), 'x.csv');
    expect(encoding).toBe('utf-8');
    expect(values(workbook)[1]).toEqual(['shop_1', '0912345678', '2026-05-08', '007', 'TRUE']);
  });
});
