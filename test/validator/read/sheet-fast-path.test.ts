/**
 * The worksheet parser reads the common `<c>` shapes on a fast path (sheet.ts `fastTag`) and
 * everything else on the general tokenizer path. The two must agree exactly: each cell below is
 * read as written and again as `<x:c xmlns:x=…>`, which the fast path never takes (a prefix), and
 * the tables (or the errors) must be the same, -0 included.
 */
import { describe, it, expect } from 'vitest';
import type { Workbook } from '../../../rules/model';
import { readXlsxBytes } from '../../../validator/read/xlsx';
import { buildXlsx, si } from './helpers/xlsx-builder';

/** Forces the general path: every `<c>` and `<row>` gets a prefix (and its declaration). */
function generalOnly(sheetData: string): string {
  return sheetData
    .replace(/<(c|row)(?=[\s>/])/g, '<x:$1 xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
    .replace(/<\/(c|row)>/g, '</x:$1>');
}

function spec(sheetData: string) {
  return {
    sharedStrings: [si('first'), si('second'), si(''), si('a&b')],
    // 1: a date, 2: a percent, 3: a time of day.
    cellXfNumFmtIds: [0, 14, 10, 21],
    sheets: [{ name: 'S', sheetData }],
  };
}

/** The workbook as comparable text (-0 kept apart from 0), or the error it fails with. */
async function outcome(sheetData: string): Promise<string> {
  try {
    const wb: Workbook = await readXlsxBytes(buildXlsx(spec(sheetData)));
    return JSON.stringify(wb, (_k, v: unknown) => (Object.is(v, -0) ? '-0' : v));
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
}

const NUMBERS = [
  '0', '-0', '1', '-1', '007', '0.1', '0.01', '1.2', '-0.0', '46035', '46045.99998842593', '46045.64583333333',
  '0.30000000000000004', '9007199254740991', '9007199254740992', '9007199254740993', '900719925474099.3',
  '123456789012345678901234', '0.0000000000000000000001', '0.00000000000000000000001', '1.7976931348623157e308',
  '1e5', '1E-3', '-1.5e-7', ' 1', '1 ', '+1', '.5', '5.', '1.5.3', '-', '', 'abc', '1e999', 'NaN', 'Infinity',
  '&#49;', '1&amp;', '0x10',
];

const CELLS = [
  // The shapes of Excel, openpyxl, XlsxWriter, LibreOffice, SheetJS.
  '<c r="B1" t="s"><v>1</v></c>',
  '<c r="B1" s="2" t="s"><v>0</v></c>',
  '<c r="B1" t="s" s="1"><v>1</v></c>',
  '<c s="2" r="B1"><v>0.08</v></c>',
  '<c r="B1" s="1" t="n"><v>46035</v></c>',
  '<c r="B1" s="3"><v>0.5</v></c>',
  '<c r="B1" s="1"/>',
  '<c r="B1" s="1"></c>',
  '<c r="B1"><v></v></c>',
  '<c r="B1" t="s"><v>2</v></c>',
  '<c r="B1" t="s"><v>3</v></c>',
  '<c r="B1" t="s"><v>4</v></c>',
  '<c r="B1" t="s"><v>01</v></c>',
  '<c r="B1" t="s"><v> 1</v></c>',
  '<c r="B1" t="s"><v>1234567890</v></c>',
  '<c r="B1" t="s"><v>-1</v></c>',
  '<c r="B1" t="s"/>',
  '<c r="B1" t="str"><v>text &amp; more</v></c>',
  '<c r="B1" t="str"><v>plain</v></c>',
  '<c r="B1" t="b"><v>1</v></c>',
  '<c r="B1" t="b"><v>0</v></c>',
  '<c r="B1" t="e"><v>#N/A</v></c>',
  '<c r="B1" t="d"><v>2026-05-08T10:00:00</v></c>',
  '<c r="B1" t="inlineStr"><is><t>inline</t></is></c>',
  '<c r="B1" t="inlineStr"><v>inline v</v></c>',
  '<c r="B1" t=""><v>5</v></c>',
  '<c r="B1" t="x"><v>5</v></c>',
  '<c r="B1"><f>1+1</f><v>2</v></c>',
  '<c r="B1" t="s"><f>A1</f><v>1</v></c>',
  '<c r="B1"><v>1</v><extLst/></c>',
  '<c r="B1"><v/></c>',
  // Unusual spellings.
  '<c r="B1" cm="1" vm="2"><v>3</v></c>',
  '<c  r="B1"\n\ts="2"\r\n t="n" ><v>0.25</v></c>',
  '<c r="B1"s="2"><v>0.25</v></c>',
  "<c r='B1' s='2'><v>0.25</v></c>",
  '<c r = "B1"><v>1</v></c>',
  '<c r="b1"><v>1</v></c>',
  '<c r="$B$1"><v>1</v></c>',
  '<c r="B1" s="x"><v>1</v></c>',
  '<c r="B1" s=""><v>1</v></c>',
  '<c r="B1" s="&#50;"><v>0.5</v></c>',
  '<c r="B1" s="99"><v>1</v></c>',
  '<c r="B1" s="0002"><v>0.5</v></c>',
  '<c r="B1" t="&#115;"><v>1</v></c>',
  '<c r="B1" x:t="s" xmlns:x="urn:x"><v>1</v></c>',
  '<c r="B1" r="C1"><v>1</v></c>',
  '<c r="B1" s="1" s="2"><v>1</v></c>',
  '<c r="B1" t="s" t="n"><v>1</v></c>',
  '<c r="B1"><v>1</v ></c>',
  '<c r="B1"><v>1</v></c >',
  '<c r="B1"><v><![CDATA[7]]></v></c>',
  '<c r="B1"><!-- c --><v>7</v></c>',
  '<c r="B1"> <v>7</v> </c>',
  '<c><v>1</v></c>',
  '<c/>',
  '<c r="XFD1"><v>1</v></c>',
  '<c r="XFE1"><v>1</v></c>',
  '<c r="ZZZZ1"><v>1</v></c>',
  '<c r="B0"><v>1</v></c>',
  '<c r="B1048576"><v>1</v></c>',
  '<c r="B1048577"><v>1</v></c>',
  '<c r="B12345678"><v>1</v></c>',
  '<c r="1"><v>1</v></c>',
  '<c r="B"><v>1</v></c>',
  '<c r="B1x"><v>1</v></c>',
  '<c r="A1"><v>1</v></c>',
  ...NUMBERS.map((v) => `<c r="B1"><v>${v}</v></c>`),
  ...NUMBERS.map((v) => `<c r="B1" s="1"><v>${v}</v></c>`),
  ...NUMBERS.map((v) => `<c r="B1" t="n" s="2"><v>${v}</v></c>`),
];

describe('the worksheet fast path', () => {
  it('reads every cell shape exactly as the general path does', async () => {
    for (const cell of CELLS) {
      // The cell between two others, the last without `r` (it follows the one before).
      const sheetData = `<row r="1"><c r="A1" t="s"><v>0</v></c>${cell}<c t="s"><v>1</v></c></row><row><c s="1"><v>46035.5</v></c></row>`;
      const fast = await outcome(sheetData);
      const general = await outcome(generalOnly(sheetData));
      expect(fast, cell).toBe(general);
    }
  });

  it('reads every row shape exactly as the general path does', async () => {
    const ROWS = [
      '<row r="2">', '<row r="2" spans="1:3" x14ac:dyDescent="0.25">', '<row>', '<row spans="1:3">', '<row  r="7"\n ht="20" customHeight="1">',
      '<row r="3" x:r="5" xmlns:x="urn:x">', '<row x:r="5" r="3" xmlns:x="urn:x">', '<row xmlns:r="urn:r" r="5">', '<row r="5" r="6">', '<row xmlns:r="5">', '<row x:r="5" xmlns:x="urn:x">',
      '<row r="0">', '<row r="abc">', '<row r="4x">', "<row r=' 4'>", "<row r='4'>", '<row r="&#52;">', '<row r="1048576">', '<row r="1048577">',
      '<row r="12345678">', '<row r="">', '<row r = "4">', '<row r="2"/><row r="5">', '<row r="1">',
    ];
    for (const row of ROWS) {
      const sheetData = `<row r="1"><c r="A1" t="s"><v>0</v></c></row>${row}<c r="B${row.includes('r="1"') ? 1 : 9}"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`;
      const fast = await outcome(sheetData);
      const general = await outcome(generalOnly(sheetData));
      expect(fast, row).toBe(general);
    }
  });

  it('agrees with the general path across chunk boundaries of a streamed sheet', async () => {
    // Over 4 MB inflated, so the sheet streams in chunks (256 KB) and cells are cut at their ends.
    const shapes = [
      (r: number) => `<c r="A${r}" t="s"><v>${r % 4}</v></c>`,
      (r: number) => `<c r="B${r}" s="1"><v>${46000 + (r % 97) + (r % 7) / 8}</v></c>`,
      (r: number) => `<c r="C${r}" s="2"><v>0.0${r % 10}</v></c>`,
      (r: number) => `<c r="D${r}"><v>-${r % 13}</v></c>`,
      (r: number) => `<c r="E${r}" t="str"><v>t&amp;${r % 5}</v></c>`,
      (r: number) => `<c r="F${r}"><f>D${r}*2</f><v>${-2 * (r % 13)}</v></c>`,
      (r: number) => `<c r="G${r}" t="inlineStr"><is><t>i${r % 3}</t></is></c>`,
      (r: number) => `<c r="H${r}" s="3"/>`,
      (r: number) => `<c s="3"><v>0.${r % 1000}</v></c>`,
    ];
    const rows: string[] = [];
    for (let r = 1; r <= 40_000; r++) rows.push(`<row r="${r}" spans="1:9">${shapes.map((f) => f(r)).join(r % 3 === 0 ? '\n' : '')}</row>`);
    const sheetData = rows.join('');
    expect(sheetData.length).toBeGreaterThan(5 << 20);
    const fast = await outcome(sheetData);
    expect(fast.startsWith('{')).toBe(true);
    expect(fast).toBe(await outcome(generalOnly(sheetData)));
  }, 60_000);
});
