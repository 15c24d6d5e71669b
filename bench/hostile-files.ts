/**
 * The hostile files of issue 12's robustness targets, built in memory (nothing committed), shared
 * by the bench (bench/robustness.mjs) and the tests (test/robustness/limits.test.ts):
 *
 * - `mediaBombXlsx()`: a valid one-tab 報名表 whose embedded picture `xl/media/image1.png` (drawn
 *   on the tab through a drawing part, as Excel stores a picture) inflates to 1 GiB; the file is
 *   about 1 MB.
 * - `mergeBombs()`: 3 KB workbooks whose one merged range covers A3:XFD1048576 (17 billion cells),
 *   written plainly, in a renamed part (`sheet1.xml.bak`), in a nested folder
 *   (`xl/xl/worksheets/`), and with the range entity-encoded (`&#65;3:XFD1048576`).
 *
 * The SpreadsheetML is written by the reader tests' own builder (test/validator/read/helpers).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { buildXlsx, si } from '../test/validator/read/helpers/xlsx-builder.js';

export const GIB = 1024 ** 3;

/**
 * Raw deflate of `total` zero bytes, built from one deflated 16 MiB chunk repeated: the chunk is
 * flushed with Z_FULL_FLUSH (it ends on a byte boundary, its blocks are not final and refer to
 * nothing before it), so copies of it concatenate into one valid stream, closed by an empty
 * final block. Takes well under a second instead of deflating 1 GiB.
 */
export function deflatedZeros(total: number): { body: Buffer; size: number; crc: number } {
  const CHUNK = 16 * 1024 * 1024;
  if (total % CHUNK !== 0) throw new Error(`deflatedZeros: ${total} is not a multiple of ${CHUNK}`);
  const zeros = Buffer.alloc(CHUNK);
  const chunk = deflateRawSync(zeros, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < total / CHUNK; i++) crc = crc32(zeros, crc);
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return { body: Buffer.concat([...Array.from({ length: total / CHUNK }, () => chunk), finalEmptyBlock]), size: total, crc };
}

/** The rows of the media bomb's 報名表 (header and one shop), as the tests expect them back. */
export const MEDIA_BOMB_ROWS = [
  ['品牌名稱', '商店代碼', '聯絡信箱', '方案', '報名時間', '官網/社群曝光', '環狀數據', '原CPS%'],
  ['好日子食品', 'goodday_food', 'mkt@goodday.example.com', '季方案', '2026/3/18 10:30', '是', '是', '8%'],
] as const;

const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A valid 報名表 with a 1 GiB embedded picture (about 1 MB on disk). */
export function mediaBombXlsx(): Uint8Array {
  const strings = MEDIA_BOMB_ROWS.flat();
  const cells = (r: number) =>
    MEDIA_BOMB_ROWS[r - 1]!.map((_, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="s"><v>${(r - 1) * MEDIA_BOMB_ROWS[0].length + c}</v></c>`).join('');
  const drawing =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<xdr:wsDr xmlns:xdr="${DRAWING_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}"><xdr:oneCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="7620000" cy="7620000"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="hero"/><xdr:cNvPicPr/></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
  return buildXlsx({
    sharedStrings: strings.map((s) => si(s)),
    sheets: [{ name: '報名表', sheetData: `<row r="1">${cells(1)}</row><row r="2">${cells(2)}</row>` }],
    extraEntries: [
      { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rIdD" Type="${REL_NS}/drawing" Target="../drawings/drawing1.xml"/></Relationships>` },
      { name: 'xl/drawings/drawing1.xml', data: drawing },
      { name: 'xl/drawings/_rels/drawing1.xml.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rIdImg" Type="${REL_NS}/image" Target="../media/image1.png"/></Relationships>` },
      { name: 'xl/media/image1.png', data: '', deflated: deflatedZeros(GIB) },
    ],
  });
}

export interface MergeBomb {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The merged range every bomb covers, as the reason names it (decoded). */
export const MERGE_BOMB_RANGE = 'A3:XFD1048576';

/** The bombs' workbook without the merge: what `validate` costs for a 3 KB file at all (start-up). */
export function tinyWorkbook(): Uint8Array {
  return buildXlsx({
    sharedStrings: [si('品牌名稱'), si('x')],
    sheets: [{ name: '報名表', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c></row>' }],
  });
}

export function mergeBombs(): MergeBomb[] {
  const variants: Array<[name: string, part: string | undefined, ref: string]> = [
    ['literal', undefined, MERGE_BOMB_RANGE],
    ['renamed', 'xl/worksheets/sheet1.xml.bak', MERGE_BOMB_RANGE],
    ['nested', 'xl/xl/worksheets/sheet1.xml', MERGE_BOMB_RANGE],
    ['entity-encoded', undefined, '&#65;3:XFD1048576'],
  ];
  return variants.map(([name, part, ref]) => ({
    name,
    bytes: buildXlsx({
      sharedStrings: [si('品牌名稱'), si('x')],
      sheets: [{ name: '報名表', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c></row>', merges: [ref], ...(part ? { path: part } : {}) }],
    }),
  }));
}
