/**
 * Generates the hostile-file corpus test/fixtures/hostile/ (issue 8): small files that must each
 * yield either a clear `workbook/unreadable` (saying what the file really is) or ordinary
 * violations — never a crash, a hang or unbounded memory — and whose user text must come out of
 * every report and annotated copy neutralised (formula injection) and escaped (HTML).
 *
 *   npx tsx scripts/gen-hostile.ts [OUT_DIR]        (default test/fixtures/hostile)
 *
 * Everything is built byte by byte (own ZIP and CFB writers, hand-written SpreadsheetML), so the
 * output is deterministic: re-running it reproduces the committed files exactly. The 10 MB single
 * cell is not committed; tests build it with `hugeCellWorkbook()` into a temp dir.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// ZIP (no ZIP64; fixed timestamps so the bytes never change)

export interface ZipInput {
  readonly name: string;
  readonly data: string | Uint8Array;
  /** Pre-deflated body (for the decompression bomb): raw deflate bytes, CRC and size of the inflated data. */
  readonly deflated?: { readonly body: Uint8Array; readonly crc: number; readonly size: number };
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (4 << 5) | 1; // 2026-04-01

export function zip(entries: readonly ZipInput[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let body: Uint8Array;
    let crc: number;
    let size: number;
    if (e.deflated) {
      ({ body, crc, size } = e.deflated);
    } else {
      const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
      body = deflateRawSync(raw, { level: 9 });
      crc = crc32(raw);
      size = raw.length;
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(body));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(DOS_TIME, 12);
    c.writeUInt16LE(DOS_DATE, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, centralBytes, end]));
}

// ---------------------------------------------------------------------------------------------
// Compound File Binary (OLE2): the container of legacy .xls and of encrypted .xlsx

const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * A version-3 compound file with the given root-level streams (and empty storages). Streams
 * are padded to 4096 bytes so they live in regular sectors (no mini stream needed).
 */
export function cfb(streams: ReadonlyArray<{ name: string; data: Uint8Array }>, storages: readonly string[] = []): Uint8Array {
  const padded = streams.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const b = Buffer.alloc(size);
    Buffer.from(s.data).copy(b);
    return { name: s.name, data: b, size: Math.max(4096, s.data.length) };
  });
  const entries = [{ name: 'Root Entry', type: 5 }, ...padded.map((s) => ({ name: s.name, type: 2 })), ...storages.map((n) => ({ name: n, type: 1 }))];
  const dirSectors = Math.ceil((entries.length * 128) / SECTOR);
  const dataSectors = padded.reduce((n, s) => n + s.data.length / SECTOR, 0);
  const fatSectors = 1;
  const total = fatSectors + dirSectors + dataSectors;
  if (total > SECTOR / 4) throw new Error('cfb: too large for one FAT sector');

  // Sector layout: [FAT][directory…][stream data…]
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  for (let i = 0; i < dirSectors; i++) fat.writeUInt32LE(i === dirSectors - 1 ? ENDOFCHAIN : 2 + i, (1 + i) * 4);
  let next = 1 + dirSectors;
  const starts: number[] = [];
  for (const s of padded) {
    const n = s.data.length / SECTOR;
    starts.push(next);
    for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? ENDOFCHAIN : next + i + 1, (next + i) * 4);
    next += n;
  }

  const dir = Buffer.alloc(dirSectors * SECTOR);
  entries.forEach((e, i) => {
    const p = i * 128;
    const name = Buffer.from(`${e.name}\u0000`, 'utf16le');
    name.copy(dir, p);
    dir.writeUInt16LE(name.length, p + 64);
    dir.writeUInt8(e.type, p + 66);
    dir.writeUInt8(1, p + 67); // black
    // A degenerate but valid tree: the root's child is entry 1; siblings chain to the right.
    dir.writeUInt32LE(NOSTREAM, p + 68);
    dir.writeUInt32LE(i > 0 && i < entries.length - 1 ? i + 1 : NOSTREAM, p + 72);
    dir.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : NOSTREAM, p + 76);
    if (e.type === 2) {
      const k = i - 1;
      dir.writeUInt32LE(starts[k]!, p + 116);
      dir.writeUInt32LE(padded[k]!.size, p + 120);
    } else {
      dir.writeUInt32LE(e.type === 5 ? ENDOFCHAIN : 0, p + 116);
    }
  });
  for (let p = entries.length * 128; p < dir.length; p += 128) {
    dir.writeUInt32LE(NOSTREAM, p + 68);
    dir.writeUInt32LE(NOSTREAM, p + 72);
    dir.writeUInt32LE(NOSTREAM, p + 76);
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 72);
  header.writeUInt32LE(0, 76); // DIFAT[0] = FAT at sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 76 + i * 4);
  return new Uint8Array(Buffer.concat([header, fat, dir, ...padded.map((s) => s.data)]));
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetML by hand: shared strings, a date and a percent style, merges, data validations

export type XCell = string | number | boolean | null | { readonly date: string } | { readonly percent: number } | { readonly error: string };

export interface XSheet {
  readonly name: string;
  readonly rows: readonly (readonly XCell[])[];
  /** Extra XML after <sheetData> (mergeCells, dataValidations …). */
  readonly after?: string;
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`)
    .replace(/\r/g, '_x000D_');

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel serial of `YYYY-MM-DD[ HH:mm[:ss]]` read as wall-clock time. */
function serial(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`bad date ${text}`);
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return ms / 86_400_000 + 25_569;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The parts of an .xlsx holding the sheets; `sheetXml` overrides a sheet's generated XML. */
export function xlsxParts(sheets: readonly XSheet[], sheetXml: Record<number, ZipInput> = {}): ZipInput[] {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const sheetParts = sheets.map((sheet, k): ZipInput => {
    if (sheetXml[k]) return sheetXml[k]!;
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((v, c) => {
            const ref = `${colName(c)}${r + 1}`;
            if (v === null) return '';
            if (typeof v === 'string') return `<c r="${ref}" t="s"><v>${sst(v)}</v></c>`;
            if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
            if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
            if ('date' in v) return `<c r="${ref}" s="1"><v>${serial(v.date)}</v></c>`;
            if ('percent' in v) return `<c r="${ref}" s="2"><v>${v.percent / 100}</v></c>`;
            return `<c r="${ref}" t="e"><f>NA()</f><v>${xml(v.error)}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join('');
    return {
      name: `xl/worksheets/sheet${k + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${rows}</sheetData>${sheet.after ?? ''}</worksheet>`,
    };
  });
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${xml(s)}</t></si>`)
    .join('')}</sst>`;
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${sheets
        .map((s, k) => `<sheet name="${xml(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: STYLES },
    { name: 'xl/sharedStrings.xml', data: sharedStrings },
    ...sheetParts,
  ];
}

export const xlsx = (sheets: readonly XSheet[]) => zip(xlsxParts(sheets));

// ---------------------------------------------------------------------------------------------
// Content

const ENROLLMENT_HEADERS = ['品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績', '形象圖'];
const CONTRACT_HEADERS = ['商店代碼', '合約類型', '合約備註', '開始時間', '結束時間', 'Product Type Name', '商品ID', '鋪底合約%', '加碼後前台回饋%', '返點上限', 'CPS%', '廠商自行加碼%', '點數採購單價', '夥伴互利', '送審時間', '審核狀態'];

/** Formula-injection and markup payloads (OWASP CSV injection; XSS probes). */
export const PAYLOADS = {
  hyperlink: '=HYPERLINK("http://evil.example","x")',
  dde: "+cmd|' /C calc'!A0",
  at: '@SUM(1)',
  minus: '-2+3',
  tab: '\t=1+1',
  cr: '\r=1+1',
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(1)>',
  /** Text written in OOXML's escape form: Excel decodes `_x000D_` to a carriage return. */
  escapedCr: "_x000D_=cmd|' /C calc'!A0",
} as const;

/** The payload of a cell that is rich text and a hyperlink at once (issue 11). */
export const RICH_LINK_PAYLOAD = "=cmd|' /C calc'!A0";

const enrollmentRow = (over: Partial<Record<string, XCell>> = {}): XCell[] => {
  const base: Record<string, XCell> = {
    品牌名稱: '好日子食品',
    商店代碼: 'goodday_food',
    聯絡信箱: 'mkt@goodday.example.com',
    品類: '美食保健',
    方案: '季方案',
    報名時間: { date: '2026-03-20 10:00' },
    '官網/社群曝光': '是',
    環狀數據: '否',
    任選日: '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9、6/16',
    '原CPS%': { percent: 8 },
    '鋪底回饋%': { percent: 2 },
    預估月業績: 1_200_000,
    形象圖: 'goodday.jpg',
    ...over,
  };
  return ENROLLMENT_HEADERS.map((h) => base[h] ?? null);
};

const contractRow = (over: Partial<Record<string, XCell>> = {}): XCell[] => {
  const base: Record<string, XCell> = {
    商店代碼: 'goodday_food',
    合約類型: '活動加碼',
    合約備註: '4/1-4/2_加碼10%',
    開始時間: { date: '2026-04-01 00:00:00' },
    結束時間: { date: '2026-04-02 23:59:59' },
    'Product Type Name': 'normal',
    商品ID: null,
    '鋪底合約%': { percent: 2 },
    '加碼後前台回饋%': { percent: 10 },
    返點上限: -1,
    'CPS%': { percent: 15 },
    '廠商自行加碼%': { percent: 0 },
    點數採購單價: 1.2,
    夥伴互利: '是',
    送審時間: { date: '2026-03-24 10:00' },
    審核狀態: '待審核',
    ...over,
  };
  return CONTRACT_HEADERS.map((h) => base[h] ?? null);
};

/** A valid enrollment + contracts workbook whose user text is full of injection payloads. */
function formulaInjection(): Uint8Array {
  const P = PAYLOADS;
  return xlsx([
    {
      name: '報名表',
      rows: [
        [...ENROLLMENT_HEADERS, P.hyperlink, P.script],
        [...enrollmentRow({ 品牌名稱: P.hyperlink, 形象圖: P.dde }), 'x', 'y'],
        enrollmentRow({ 品牌名稱: P.script, 商店代碼: P.img, 聯絡信箱: 'a@evil.example' }),
        enrollmentRow({ 品牌名稱: P.at, 商店代碼: P.minus, 聯絡信箱: P.tab, 方案: P.hyperlink }),
        enrollmentRow({ 品牌名稱: P.cr, 商店代碼: 'shop_cr', 任選日: P.dde, 品類: P.at }),
      ],
    },
    {
      name: '加碼合約',
      rows: [
        CONTRACT_HEADERS,
        contractRow({ 合約備註: P.hyperlink }),
        contractRow({ 合約備註: P.dde, 開始時間: { date: '2026-04-03 00:00:00' }, 結束時間: { date: '2026-04-03 23:59:59' } }),
        contractRow({ 合約備註: P.at, 商店代碼: P.tab, 'Product Type Name': P.minus }),
        contractRow({ 合約備註: P.minus, 審核狀態: P.script, 合約類型: P.img }),
        contractRow({ 合約備註: P.cr, 商店代碼: P.script, 開始時間: P.hyperlink }),
      ],
    },
    // Tab names Excel accepts (no / \\ ? * : [ ]); `<script>alert(1)</script>` is in tab-name-script.xlsx.
    { name: '<script>alert(1)', rows: [[P.img, P.hyperlink], [P.dde, P.at]] },
    { name: P.img, rows: [[P.minus]] },
    { name: '=1+1', rows: [['商店代碼', P.tab]] },
    { name: '@SUM(1)', rows: [[P.cr]] },
    { name: '-2+3', rows: [[P.script]] },
  ]);
}

/**
 * A tab named `<script>alert(1)</script>`: Excel refuses `/` in tab names, but Google Sheets
 * allows it and exports it, and other tools write it too.
 */
function tabNameScript(): Uint8Array {
  return xlsx([
    { name: '報名表', rows: [ENROLLMENT_HEADERS, enrollmentRow()] },
    { name: PAYLOADS.script, rows: [[PAYLOADS.img], [PAYLOADS.hyperlink]] },
  ]);
}

/** Tab names with emoji and quotes, recognised by name (報名表 🎉) and by header (O'Brien "合約"). */
function emojiAndQuotes(): Uint8Array {
  return xlsx([
    { name: '報名表 🎉', rows: [ENROLLMENT_HEADERS, enrollmentRow(), enrollmentRow({ 商店代碼: 'goodday_food', 品牌名稱: '好日子 🎉' })] },
    { name: `O'Brien "合約"`, rows: [CONTRACT_HEADERS, contractRow({ 合約備註: '4/1-4/2_加碼10% 🎉' })] },
  ]);
}

/** A valid enrollment whose sheet carries a data validation over the whole grid. */
function wholeSheetValidation(): Uint8Array {
  return xlsx([
    {
      name: '報名表',
      rows: [ENROLLMENT_HEADERS, enrollmentRow()],
      after:
        '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation><dataValidation type="whole" operator="between" allowBlank="1" sqref="A1:XFD1048576 A1:A1048576"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>',
    },
  ]);
}

/** The ~1.6 KB merge bomb: one merge over columns A..XFD of rows 3..1048576. */
function mergeBomb(): Uint8Array {
  return xlsx([
    {
      name: '報名表',
      rows: [['夥伴互利計劃報名表'], ENROLLMENT_HEADERS.slice(0, 3)],
      after: '<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>',
    },
  ]);
}

/**
 * A workbook whose sheet XML inflates to `inflatedMb` MB from a few hundred KB: a header row,
 * then identical rows (no `r` attributes, so deflate finds one long repeat) of 50 numeric cells.
 */
export async function decompressionBomb(inflatedMb = 256): Promise<Uint8Array> {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>${CONTRACT_HEADERS.map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;
  const row = `<row>${'<c><v>1</v></c>'.repeat(50)}</row>`;
  const tail = '</sheetData></worksheet>';
  const block = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)));
  const blocks = Math.floor((inflatedMb * (1 << 20)) / block.length);
  const deflate = createDeflateRaw({ level: 9, memLevel: 9, strategy: constants.Z_DEFAULT_STRATEGY });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = crc32(head);
  let size = Buffer.byteLength(head);
  deflate.write(head);
  for (let i = 0; i < blocks; i++) {
    crc = crc32(block, crc);
    size += block.length;
    if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  const parts = xlsxParts([{ name: '加碼合約', rows: [] }], {
    0: { name: 'xl/worksheets/sheet1.xml', data: '', deflated: { body: Buffer.concat(chunks), crc, size } },
  });
  return zip(parts);
}

/**
 * An enrollment whose shop-id cell holds `mb` MB (UTF-8) of seeded pseudo-random text (CJK,
 * Latin, digits, emoji, so the file stays several MB): generated at test time, never committed.
 * Excel caps a cell at 32,767 characters; a crafted file does not. The shop id is malformed, so
 * the whole text becomes a violation's value in every report.
 */
export function hugeCellWorkbook(mb = 10): Uint8Array {
  let seed = 20_260_401;
  const rnd = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed >>> 8;
  };
  const target = mb * (1 << 20);
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < target) {
    const r = rnd();
    const kind = r % 16;
    let ch: string;
    if (kind < 9) ch = String.fromCharCode(0x4e00 + (r % 20_000)); // CJK, 3 bytes
    else if (kind < 15) ch = String.fromCharCode(0x21 + (r % 94)); // printable ASCII
    else ch = String.fromCodePoint(0x1f300 + (r % 200)); // emoji, 4 bytes
    parts.push(ch);
    bytes += Buffer.byteLength(ch);
  }
  return xlsx([{ name: '報名表', rows: [ENROLLMENT_HEADERS, enrollmentRow({ 商店代碼: parts.join('') })] }]);
}

/** A BIFF8 BOF record, as at the start of an .xls Workbook stream. */
const BIFF8_BOF = new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0xc1, 0x00, 0x00, 0x00, 0x06, 0x03, 0x00, 0x00]);

function legacyXls(): Uint8Array {
  const summary = new Uint8Array(64);
  summary.set([0xfe, 0xff, 0x00, 0x00]);
  return cfb([
    { name: 'Workbook', data: BIFF8_BOF },
    { name: '\u0005SummaryInformation', data: summary },
  ]);
}

/** An "Agile"-encrypted .xlsx: EncryptionInfo (version 4.4) and EncryptedPackage in a CFB. */
function encryptedXlsx(): Uint8Array {
  const info = Buffer.concat([
    Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
    ),
  ]);
  const pkg = Buffer.alloc(2048);
  pkg.writeUInt32LE(1500, 0);
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 131 + 7) & 0xff; // looks like ciphertext
  return cfb(
    [
      { name: 'EncryptionInfo', data: info },
      { name: 'EncryptedPackage', data: pkg },
    ],
    ['\u0006DataSpaces'],
  );
}

function htmlAsXlsx(): Uint8Array {
  return new TextEncoder().encode(
    `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta charset="utf-8"><title>報名表</title></head>\n<body><table>\n<tr>${ENROLLMENT_HEADERS.map((h) => `<td>${h}</td>`).join('')}</tr>\n<tr><td>好日子食品</td><td>goodday_food</td><td>mkt@goodday.example.com</td></tr>\n</table></body></html>\n`,
  );
}

function zipWithoutWorkbook(): Uint8Array {
  return zip([
    { name: 'readme.txt', data: '這不是活頁簿 / not a workbook\n' },
    { name: 'data/報名表.xml', data: '<rows><row><c>好日子食品</c></row></rows>' },
  ]);
}

/** A real enrollment .xlsx cut off at 60 % (an interrupted download). */
function truncatedXlsx(): Uint8Array {
  const whole = xlsx([{ name: '報名表', rows: [ENROLLMENT_HEADERS, enrollmentRow(), enrollmentRow({ 商店代碼: 'other_shop' })] }]);
  return whole.slice(0, Math.floor(whole.length * 0.6));
}

function injectionCsv(): Uint8Array {
  const P = PAYLOADS;
  const q = (s: string) => (/[",\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    [...ENROLLMENT_HEADERS, P.hyperlink],
    ['=HYPERLINK("http://evil.example","x")', 'goodday_food', 'mkt@goodday.example.com', '美食保健', '季方案', '2026/3/20 10:00', '是', '否', '4/1、4/14、4/22', '8%', '2%', '1200000', P.dde, 'x'],
    [P.script, P.img, P.tab, P.at, P.minus, '2026/3/20 10:00', '是', '否', '', '8%', '', '', P.cr, 'y'],
    [P.escapedCr, P.escapedCr, P.escapedCr, '美食保健', '季方案', '2026/3/20 10:00', '是', '否', '', '8%', '', '', P.escapedCr, 'z'],
  ];
  return new TextEncoder().encode('\ufeff' + lines.map((l) => l.map(q).join(',')).join('\r\n') + '\r\n');
}

/**
 * A cell that is both rich text (two runs) and a hyperlink, holding `=cmd|' /C calc'!A0`, and cells
 * whose stored text is OOXML-escaped (`_x005F_x000D_=…` decodes to the literal `_x000D_=…`, which
 * Excel would decode once more to a carriage return before `=`).
 */
function richTextHyperlink(): Uint8Array {
  const RICH = 'RICH-LINK-PLACEHOLDER';
  const parts = xlsxParts([
    {
      name: '報名表',
      rows: [ENROLLMENT_HEADERS, enrollmentRow({ 商店代碼: RICH, 聯絡信箱: 'ESCAPED-PLACEHOLDER', 品牌名稱: RICH })],
      after: '<hyperlinks><hyperlink ref="B2" r:id="rId1"/><hyperlink ref="A2" r:id="rId1"/></hyperlinks>',
    },
  ]);
  const rich = `<si><r><rPr><b/></rPr><t>${xml(RICH_LINK_PAYLOAD.slice(0, 5))}</t></r><r><t xml:space="preserve">${xml(RICH_LINK_PAYLOAD.slice(5))}</t></r></si>`;
  const patched = parts.map((part): ZipInput =>
    part.name === 'xl/sharedStrings.xml'
      ? {
          name: part.name,
          data: String(part.data)
            .replace(`<si><t xml:space="preserve">${RICH}</t></si>`, rich)
            .replace('ESCAPED-PLACEHOLDER', `_x005F_${xml(PAYLOADS.escapedCr)}`),
        }
      : part,
  );
  patched.push({
    name: 'xl/worksheets/_rels/sheet1.xml.rels',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://evil.example/" TargetMode="External"/></Relationships>`,
  });
  return zip(patched);
}

/** One cell choosing the same day 20,000 times (120 KB): once reported per repeat, a 3 GB crash. */
function repeatedChosenDays(): Uint8Array {
  const text = (c: XCell): string =>
    c === null ? '' : typeof c !== 'object' ? String(c) : 'date' in c ? c.date.replace(/-/g, '/') : 'percent' in c ? `${c.percent}%` : c.error;
  const row = enrollmentRow({ 任選日: Array.from({ length: 20_000 }, () => '4/1').join('、') }).map((c) => {
    const v = text(c);
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  });
  return new TextEncoder().encode(`${ENROLLMENT_HEADERS.join(',')}\r\n${row.join(',')}\r\n`);
}

/** What each committed file is and what the checker must say about it (used by the tests). */
export const CORPUS: ReadonlyArray<{ readonly file: string; readonly expect: 'unreadable' | 'readable'; readonly about: string }> = [
  { file: 'decompression-bomb.xlsx', expect: 'unreadable', about: 'sheet XML inflating to ~256 MB' },
  { file: 'emoji-and-quotes.xlsx', expect: 'readable', about: 'tab names 報名表 🎉 and O\'Brien "合約"' },
  { file: 'empty.xlsx', expect: 'unreadable', about: '0 bytes' },
  { file: 'encrypted.xlsx', expect: 'unreadable', about: 'password-protected (CFB with EncryptionInfo/EncryptedPackage)' },
  { file: 'formula-injection.csv', expect: 'readable', about: 'CSV enrollment with injection payloads' },
  { file: 'formula-injection.xlsx', expect: 'readable', about: 'valid workbook with injection payloads in tab names, headers and cells' },
  { file: 'html-as-xlsx.xlsx', expect: 'unreadable', about: 'an HTML table saved as .xlsx' },
  { file: 'legacy-xls-renamed.xlsx', expect: 'unreadable', about: 'a BIFF8 .xls (CFB) renamed to .xlsx' },
  { file: 'merge-bomb.xlsx', expect: 'unreadable', about: '<mergeCell ref="A3:XFD1048576"/>' },
  { file: 'repeated-chosen-days.csv', expect: 'readable', about: 'one cell with the same chosen day 20,000 times' },
  { file: 'richtext-hyperlink.xlsx', expect: 'readable', about: "a rich-text hyperlink cell =cmd|' /C calc'!A0 and _x000D_-escaped text" },
  { file: 'tab-name-script.xlsx', expect: 'readable', about: 'a tab named <script>alert(1)</script> (a / Excel refuses, Google Sheets allows)' },
  { file: 'truncated.xlsx', expect: 'unreadable', about: 'an .xlsx cut at 60 %' },
  { file: 'whole-sheet-validation.xlsx', expect: 'readable', about: 'data validation with sqref A1:XFD1048576' },
  { file: 'zip-without-workbook.xlsx', expect: 'unreadable', about: 'a ZIP without xl/workbook.xml' },
];

export async function generateCorpus(dir: string): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, Uint8Array> = {
    'decompression-bomb.xlsx': await decompressionBomb(),
    'emoji-and-quotes.xlsx': emojiAndQuotes(),
    'empty.xlsx': new Uint8Array(0),
    'encrypted.xlsx': encryptedXlsx(),
    'formula-injection.csv': injectionCsv(),
    'formula-injection.xlsx': formulaInjection(),
    'html-as-xlsx.xlsx': htmlAsXlsx(),
    'legacy-xls-renamed.xlsx': legacyXls(),
    'merge-bomb.xlsx': mergeBomb(),
    'repeated-chosen-days.csv': repeatedChosenDays(),
    'richtext-hyperlink.xlsx': richTextHyperlink(),
    'tab-name-script.xlsx': tabNameScript(),
    'truncated.xlsx': truncatedXlsx(),
    'whole-sheet-validation.xlsx': wholeSheetValidation(),
    'zip-without-workbook.xlsx': zipWithoutWorkbook(),
  };
  const sizes: Record<string, number> = {};
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), bytes);
    sizes[name] = bytes.length;
  }
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(process.argv[2] ?? path.join(root, 'test', 'fixtures', 'hostile'));
  const sizes = await generateCorpus(dir);
  for (const [name, size] of Object.entries(sizes)) process.stdout.write(`${String(size).padStart(9)}  ${path.relative(process.cwd(), path.join(dir, name))}\n`);
}
