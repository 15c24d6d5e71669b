/**
 * Package patching (validator/ooxml/patch*.ts): parts we do not change are copied as stored —
 * a 1 GiB picture is never inflated — and the text edits touch only what they must.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { markPackage } from '../../../validator/annotate-package';
import { openPackage, patchPackage, type PackageReader } from '../../../validator/ooxml/patch';
import { insertFirstSheet, mergeComments, patchSheetXml } from '../../../validator/ooxml/patch-xml';
import { memorySource } from '../../../validator/ooxml/byte-source';
import { entryDataStart } from '../../../validator/ooxml/zip';
import { readZip } from '../../../templates/zip';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GIB = 1024 * 1024 * 1024;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** 1 GiB of zeros, deflated block by block (never 1 GiB in memory): about 1 MB. */
async function deflatedZeros(size: number): Promise<{ data: Uint8Array; crc: number }> {
  const block = Buffer.alloc(8 * 1024 * 1024);
  let crc = 0;
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => (deflate.on('end', resolve), deflate.on('error', reject)));
  for (let written = 0; written < size; written += block.length) {
    crc = crc32(block, crc);
    if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { data: new Uint8Array(Buffer.concat(chunks)), crc };
}

/** `zip` with one more deflated entry appended (its compressed bytes given), as a ZIP writer would. */
function withEntry(zip: Uint8Array, name: string, compressed: Uint8Array, crc: number, size: number): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = v.getUint16(end + 10, true);
  const cdSize = v.getUint32(end + 12, true);
  const cdStart = v.getUint32(end + 16, true);
  const nameBytes = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, compressed.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, compressed.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, cdStart, true);
  central.set(nameBytes, 46);
  const newCdStart = cdStart + local.length + compressed.length;
  const eocd = zip.slice(end);
  const ev = new DataView(eocd.buffer);
  ev.setUint16(8, count + 1, true);
  ev.setUint16(10, count + 1, true);
  ev.setUint32(12, cdSize + central.length, true);
  ev.setUint32(16, newCdStart, true);
  const parts = [zip.subarray(0, cdStart), local, compressed, zip.subarray(cdStart, cdStart + cdSize), central, eocd];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const part of parts) (out.set(part, p), (p += part.length));
  return out;
}

/** A reader that records which parts were inflated. */
function recording(pkg: PackageReader, names: string[]): PackageReader {
  return { ...pkg, read: (name, max) => (names.push(name), pkg.read(name, max)), text: (name, max) => (names.push(name), pkg.text(name, max)) };
}

describe('patchPackage', () => {
  it('copies a 1 GiB media part as stored: never inflated, same compressed bytes, CRC and sizes', async () => {
    const clean = new Uint8Array(readFileSync(path.join(ROOT, 'templates', 'examples', 'clean.xlsx')));
    const huge = await deflatedZeros(GIB);
    const input = withEntry(clean, 'xl/media/image1.png', huge.data, huge.crc, GIB);
    const inflated: string[] = [];
    const src = memorySource(input);
    const pkg = recording(openPackage(src), inflated);
    const sheet = pkg.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.name;
    const marked = markPackage(pkg, {
      sheets: new Map([['報名表', { fills: new Map([['B2', 'FFFFC7CE']]), notes: new Map([['B2', '註解']]) }]]),
      summary: { name: '檢查結果', rows: [[{ text: 'x', style: 'title' }]], widths: [10], fills: ['FFE2EFDA'] },
    });
    const out = patchPackage(pkg, marked.patch).bytes();
    expect(inflated).not.toContain('xl/media/image1.png');
    expect(inflated).toContain(sheet);
    expect(out.length).toBeLessThan(input.length + 64 * 1024);
    const copy = openPackage(memorySource(out));
    const before = pkg.entries.find((e) => e.name === 'xl/media/image1.png')!;
    const after = copy.entries.find((e) => e.name === 'xl/media/image1.png')!;
    expect(after.uncompressedSize).toBe(GIB);
    expect(after.compressedSize).toBe(before.compressedSize);
    const a = entryDataStart(src, before);
    const b = entryDataStart(memorySource(out), after);
    expect(Buffer.compare(Buffer.from(out.subarray(b, b + after.compressedSize)), Buffer.from(input.subarray(a, a + before.compressedSize)))).toBe(0);
    const crcAt = (bytes: Uint8Array, offset: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset + 14, true);
    expect(crcAt(out, after.localHeaderOffset)).toBe(huge.crc);
  }, 120_000);

  it('writes the same bytes run after run, and chunks() equals bytes()', () => {
    const clean = new Uint8Array(readFileSync(path.join(ROOT, 'templates', 'examples', 'clean.xlsx')));
    const pkg = openPackage(memorySource(clean));
    const patch = { edits: new Map([['xl/workbook.xml', (old: Uint8Array) => old]]), added: new Map([['xl/extra.xml', new TextEncoder().encode('<a/>')]]) };
    const one = patchPackage(pkg, patch);
    const two = patchPackage(pkg, patch);
    expect(Buffer.compare(Buffer.from(one.bytes()), Buffer.from(two.bytes()))).toBe(0);
    expect(Buffer.compare(Buffer.concat([...one.chunks()]), Buffer.from(one.bytes()))).toBe(0);
    const parts = readZip(one.bytes());
    expect(parts.map((p) => p.name)).toEqual([...pkg.entries.map((e) => e.name), 'xl/extra.xml']);
    expect(new TextDecoder().decode(parts.at(-1)!.data)).toBe('<a/>');
  });
});

describe('patchSheetXml', () => {
  const sheet = (data: string) => `<worksheet xmlns="m" xmlns:r="${REL}"><cols><col min="3" max="3" style="7"/></cols><sheetData>${data}</sheetData><pageMargins/><tableParts count="0"/></worksheet>`;
  const fill = (s: number) => ({ style: () => s });

  it('restyles cells, inserts missing cells and rows in order, and never touches a value', () => {
    const xml = sheet('<row r="2" spans="1:4"><c r="A2" s="1" t="s"><v>0</v></c><c r="D2"><v>5</v></c></row><row r="5"><c r="B5"/></row>');
    const out = patchSheetXml(xml, new Map([['A2', fill(9)], ['B2', fill(8)], ['A3', fill(7)], ['C6', fill(6)]]), 'rIdPc2').xml;
    expect(out).toBe(
      sheet('<row r="2"><c r="A2" s="9" t="s"><v>0</v></c><c r="B2" s="8"/><c r="D2"><v>5</v></c></row><row r="3"><c r="A3" s="7"/></row><row r="5"><c r="B5"/></row><row r="6"><c r="C6" s="6"/></row>').replace(
        '<tableParts',
        '<legacyDrawing r:id="rIdPc2"/><tableParts',
      ),
    );
  });

  it('tells the format callback when a cell shows its column style (no own s) and whether it is a number', () => {
    const seen: unknown[] = [];
    const xml = sheet('<row r="1"><c r="C1"><v>0.08</v></c><c r="D1" s="2" t="s"><v>1</v></c></row>');
    patchSheetXml(xml, new Map(['C1', 'D1', 'C2'].map((a) => [a, { style: (c: unknown) => (seen.push([a, c]), 0) }])));
    expect(seen).toEqual([
      ['C1', { current: 0, inherited: 7, numeric: true }],
      ['D1', { current: 2, inherited: null, numeric: false }],
      ['C2', { current: 0, inherited: 7, numeric: false }],
    ]);
  });

  it('writes fixes as numbers or inline strings and refuses to overwrite a formula', () => {
    const xml = sheet('<row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" s="4"><v>0.08</v></c></row>');
    const res = patchSheetXml(xml, new Map([['A1', { write: { kind: 'string', value: 'a<b' } }], ['B1', { write: { kind: 'number', value: 3 } }], ['C1', { write: { kind: 'number', value: 0.15 } }]]));
    expect(res.skipped).toEqual(new Set(['B1']));
    expect(res.xml).toBe(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">a&lt;b</t></is></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" s="4"><v>0.15</v></c></row>'));
  });
});

describe('comments and workbook.xml', () => {
  it("appends the tool's note below a user's own comment and adds new comments for other cells", () => {
    const xml = '<comments xmlns="m"><authors><author>Amy</author></authors><commentList><comment ref="B3" authorId="0"><text><t>老客戶</t></text></comment></commentList></comments>';
    const out = mergeComments(xml, new Map([['B3', '[錯誤] x'], ['C4', '[警告] y']]));
    expect(out.added).toEqual(['C4']);
    expect(out.xml).toBe(
      '<comments xmlns="m"><authors><author>Amy</author><author>partner-check</author></authors><commentList>' +
        '<comment ref="B3" authorId="0"><text><t>老客戶</t><r><t xml:space="preserve">\n\n[錯誤] x</t></r></text></comment>' +
        '<comment ref="C4" authorId="1"><text><r><t xml:space="preserve">[警告] y</t></r></text></comment></commentList></comments>',
    );
  });

  it('puts the new tab first and shifts sheet-scoped names and the active tab', () => {
    const xml =
      `<workbook xmlns="m" xmlns:r="${REL}"><bookViews><workbookView activeTab="1" firstSheet="1"/></bookViews><sheets><sheet name="a" sheetId="4" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">b!$A$1</definedName></definedNames></workbook>`;
    expect(insertFirstSheet(xml, '檢查結果', 'rIdPc1')).toBe(
      `<workbook xmlns="m" xmlns:r="${REL}"><bookViews><workbookView activeTab="2" firstSheet="0"/></bookViews><sheets><sheet name="檢查結果" sheetId="5" r:id="rIdPc1"/><sheet name="a" sheetId="4" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">b!$A$1</definedName></definedNames></workbook>`,
    );
  });
});
