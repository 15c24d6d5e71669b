/**
 * The one .xlsx reader. It streams the package (validator/ooxml/package.ts) part by part through
 * one XML tokenizer and produces the rules' model, the same for every run of the same file:
 *
 * 1. `_rels/.rels` → the workbook part (the `officeDocument` relationship, any name or folder);
 * 2. the workbook's relationships → worksheets, shared strings and styles, by relationship type,
 *    with relative or absolute targets; nothing is found by a name pattern, and parts no rule
 *    needs (media, themes, drawings, comments) are never inflated;
 * 3. workbook.xml → tab names and order, `date1904` (`1`, `true` or `on`);
 * 4. styles.xml → each cell style's number format (custom codes, built-ins, zh-TW ids 27–36 and
 *    50–58 reported as `#<id>`);
 * 5. sharedStrings.xml → each string, rich-text runs joined, phonetic runs and the whitespace
 *    between elements (Gnumeric pretty-prints) left out, `_xHHHH_` escapes decoded;
 * 6. each worksheet, in tab order → cells (sheet.ts).
 * Part order inside the ZIP never matters: parts are read in this order by name.
 *
 * Limits (validator/ooxml/limits.ts) stop hostile files early; the caller reports them as
 * `workbook/unreadable`. No temporary files; the file is opened once.
 */
import { DEFAULT_LIMITS, LimitError, type PackageLimits } from '../ooxml/limits';
import { OoxmlPackage, type Relationship } from '../ooxml/package';
import type { Table, Workbook } from '../../rules/model';
import { builtinFormatRef, BUILTIN_FORMAT_CODES, LOCALE_DATE_FORMAT_IDS } from './number-formats';
import { readSheet, type SheetFacts, type SheetSink } from './sheet';
import { TableBuilder } from './table-builder';
import { CellInterner, decodeOoxmlEscapes } from './cell-values';

export interface XlsxReadResult {
  readonly workbook: Workbook;
  /** Facts the annotated copy needs to choose how to copy the file. */
  readonly facts: WorkbookFacts;
}

export interface WorkbookFacts {
  readonly sheets: number;
  readonly cells: number;
  readonly merges: number;
  readonly mergedCells: number;
  readonly validatedCells: number;
}

export interface SheetInfo {
  readonly name: string;
  /** Absolute part name of the worksheet. */
  readonly part: string;
}

/** What the workbook part and its relationships say, before any worksheet is read. */
export interface WorkbookInfo {
  readonly workbookPart: string;
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  /** Number format per cellXfs index (undefined: no format). */
  readonly formats: ReadonlyArray<string | undefined>;
  readonly sharedStrings: readonly string[];
}

/** Reads a file's workbook into the model. */
export async function readXlsxFile(filePath: string, limits: PackageLimits = DEFAULT_LIMITS): Promise<XlsxReadResult> {
  const pkg = OoxmlPackage.open(filePath, limits);
  try {
    return await readXlsxPackage(pkg);
  } finally {
    pkg.close();
  }
}

/** Reads .xlsx bytes into the model (tests, templates). */
export async function readXlsxBytes(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): Promise<Workbook> {
  return (await readXlsxPackage(OoxmlPackage.fromBytes(bytes, limits))).workbook;
}

export async function readXlsxPackage(pkg: OoxmlPackage): Promise<XlsxReadResult> {
  const info = await readWorkbookInfo(pkg);
  const tables: Table[] = [];
  const totals = { cells: 0, merges: 0, mergedCells: 0, validatedCells: 0 };
  const cells = new CellInterner(info);
  for (const sheet of info.sheets) {
    const builder = new TableBuilder(sheet.name);
    const sink: SheetSink = {
      cell: (row, col, cell) => builder.set(row, col, cell),
      merge: (top, left, bottom, right) => builder.clearMergedSlaves(top, left, bottom, right),
    };
    const facts: SheetFacts = await readSheet(pkg, sheet, info, sink, totals, cells);
    totals.cells = facts.cellsSoFar;
    tables.push(builder.build());
  }
  return { workbook: { tables }, facts: { sheets: info.sheets.length, ...totals } };
}

/** Steps 1–5 of the header. */
export async function readWorkbookInfo(pkg: OoxmlPackage): Promise<WorkbookInfo> {
  const workbookPart = (await pkg.relationships('')).find((r) => r.type === 'officeDocument' && !r.external)?.target ?? 'xl/workbook.xml';
  if (!pkg.has(workbookPart)) throw new MissingPartError(`the workbook part ${workbookPart} is missing`);
  const rels = await pkg.relationships(workbookPart);
  const relById = new Map<string, Relationship>(rels.map((r) => [r.id, r]));

  let date1904 = false;
  const declared: Array<{ name: string; rId: string }> = [];
  await pkg.parseXml(workbookPart, {
    open(name, tag) {
      if (name === 'workbookPr') date1904 = xmlBoolean(tag.attr('date1904'));
      else if (name === 'sheet') {
        const sheetName = tag.attr('name');
        const rId = tag.attr('id');
        if (sheetName !== undefined && rId !== undefined) declared.push({ name: sheetName, rId });
      }
    },
  });
  const sheets: SheetInfo[] = [];
  for (const s of declared) {
    const rel = relById.get(s.rId);
    // Chart sheets and dialog sheets hold no cells; a dangling relationship is skipped.
    if (!rel || rel.external || rel.type !== 'worksheet' || !pkg.has(rel.target)) continue;
    sheets.push({ name: s.name, part: rel.target });
  }
  const partOf = (type: string) => rels.find((r) => r.type === type && !r.external && pkg.has(r.target))?.target;
  const stylesPart = partOf('styles');
  const stringsPart = partOf('sharedStrings');
  const formats = stylesPart ? await readFormats(pkg, stylesPart) : [];
  const sharedStrings = stringsPart ? await readSharedStrings(pkg, stringsPart) : [];
  return { workbookPart, sheets, date1904, formats, sharedStrings };
}

/** The workbook relationship or part is missing: a ZIP that is not a workbook after all. */
export class MissingPartError extends Error {
  override readonly name = 'MissingPartError';
}

/** xsd:boolean: `1`/`true`; also `on`, which some writers emit. */
export function xmlBoolean(v: string | undefined): boolean {
  if (v === undefined) return false;
  const s = v.trim().toLowerCase();
  return s === '1' || s === 'true' || s === 'on';
}

/**
 * The format of each cellXfs entry. xf 0 counts as no format (it is the default "General" in
 * every writer), as do numFmtId 0 entries; other built-in ids get their standard code, the
 * zh-TW locale ids `#<id>`.
 */
async function readFormats(pkg: OoxmlPackage, part: string): Promise<Array<string | undefined>> {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let section = '';
  await pkg.parseXml(part, {
    open(name, tag, xml) {
      xml.wantText = false;
      if (name === 'numFmts' || name === 'cellXfs' || name === 'cellStyleXfs' || name === 'dxfs') section = name;
      else if (name === 'numFmt' && section === 'numFmts') {
        const id = Number.parseInt(tag.attr('numFmtId') ?? '', 10);
        const code = tag.attr('formatCode');
        if (Number.isFinite(id) && code !== undefined) codes.set(id, code);
      } else if (name === 'xf' && section === 'cellXfs') {
        const id = Number.parseInt(tag.attr('numFmtId') ?? '0', 10);
        xfs.push(Number.isFinite(id) ? id : 0);
      }
    },
    close(name) {
      if (name === section) section = '';
    },
  });
  return xfs.map((id, index) => {
    if (index === 0 || id === 0) return undefined;
    const code = codes.get(id) ?? BUILTIN_FORMAT_CODES[id];
    if (code) return code;
    return LOCALE_DATE_FORMAT_IDS.has(id) ? builtinFormatRef(id) : undefined;
  });
}

/** Every `<si>`: the text of its `<t>` elements outside phonetic runs, joined. */
async function readSharedStrings(pkg: OoxmlPackage, part: string): Promise<string[]> {
  const out: string[] = [];
  const max = pkg.limits.maxStringChars;
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  await pkg.parseXml(part, {
    open(name, _tag, xml) {
      if (name === 'si') current = '';
      else if (name === 't') inT = current !== null && phonetic === 0;
      else if (name === 'rPh') phonetic++;
      xml.wantText = inT;
    },
    close(name, xml) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && current !== null) {
        out.push(decodeOoxmlEscapes(current));
        current = null;
      }
      xml.wantText = inT;
    },
    text(text) {
      if (!inT || current === null) return;
      current += text;
      if (current.length > max) throw new LimitError('string-chars', `a shared string is longer than ${max} characters`);
    },
  });
  return out;
}
