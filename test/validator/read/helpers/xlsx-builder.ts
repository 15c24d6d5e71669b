/**
 * Builds small .xlsx files from raw SpreadsheetML for reader tests. Real spreadsheet
 * applications write things exceljs's own writer never does (built-in zh-TW date format ids
 * without a format code, inline rich strings, cached formula errors, absurd merges), so the
 * tests write the XML themselves.
 */
import { writeZip, type ZipEntryInput } from './zip-writer';

export interface SheetSpec {
  readonly name: string;
  /** The inner XML of `<sheetData>`: `<row r="1"><c r="A1" …>…</c></row>…`. */
  readonly sheetData: string;
  /** `ref` values of `<mergeCell>` elements. */
  readonly merges?: readonly string[];
  /** A `<dimension ref>` to write, e.g. `A1:C3`. */
  readonly dimension?: string;
  /** Zip path of the part; default `xl/worksheets/sheet<n>.xml`. */
  readonly path?: string;
}

export interface XlsxSpec {
  readonly sheets: readonly SheetSpec[];
  /** Inner XML of each `<si>` element, in index order. */
  readonly sharedStrings?: readonly string[];
  /** Custom number formats `<numFmt numFmtId formatCode>`. */
  readonly numFmts?: ReadonlyArray<{ readonly id: number; readonly code: string }>;
  /** numFmtId of each cellXfs entry, in style-index order; index 0 should stay 0 (General). */
  readonly cellXfNumFmtIds?: readonly number[];
  readonly date1904?: boolean;
  /** Extra zip entries (e.g. to add noise). */
  readonly extraEntries?: readonly ZipEntryInput[];
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Shared-string inner XML for plain text. */
export function si(text: string): string {
  return `<t xml:space="preserve">${escapeXml(text)}</t>`;
}

export function buildXlsx(spec: XlsxSpec): Uint8Array {
  const sheetPaths = spec.sheets.map((s, i) => s.path ?? `xl/worksheets/sheet${i + 1}.xml`);
  const contentTypes =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheetPaths
      .map((p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('') +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    (spec.sharedStrings
      ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
      : '') +
    `</Types>`;
  const rootRels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    `</Relationships>`;
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (spec.date1904 ? `<workbookPr date1904="1"/>` : `<workbookPr/>`) +
    `<sheets>` +
    spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`).join('') +
    `</sheets></workbook>`;
  const workbookRels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheetPaths
      .map((p, i) => `<Relationship Id="rIdS${i + 1}" Type="${REL_NS}/worksheet" Target="${p.replace(/^xl\//, '')}"/>`)
      .join('') +
    `<Relationship Id="rIdStyles" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    (spec.sharedStrings ? `<Relationship Id="rIdSst" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    `</Relationships>`;
  const xfIds = spec.cellXfNumFmtIds ?? [0];
  const numFmts = spec.numFmts ?? [];
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<styleSheet xmlns="${MAIN_NS}">` +
    (numFmts.length
      ? `<numFmts count="${numFmts.length}">` +
        numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join('') +
        `</numFmts>`
      : '') +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfIds.length}">` +
    xfIds
      .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`)
      .join('') +
    `</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`;
  const entries: ZipEntryInput[] = [
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
    { name: 'xl/styles.xml', data: styles },
  ];
  if (spec.sharedStrings) {
    entries.push({
      name: 'xl/sharedStrings.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<sst xmlns="${MAIN_NS}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">` +
        spec.sharedStrings.map((s) => `<si>${s}</si>`).join('') +
        `</sst>`,
    });
  }
  spec.sheets.forEach((s, i) => {
    entries.push({
      name: sheetPaths[i],
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        (s.dimension ? `<dimension ref="${s.dimension}"/>` : '') +
        `<sheetData>${s.sheetData}</sheetData>` +
        (s.merges && s.merges.length
          ? `<mergeCells count="${s.merges.length}">` + s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('') + `</mergeCells>`
          : '') +
        `</worksheet>`,
    });
  });
  entries.push(...(spec.extraEntries ?? []));
  return writeZip(entries);
}
