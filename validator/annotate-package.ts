/**
 * The marks of an annotated (or fixed) copy as a package patch: for each marked tab, fills
 * (cellXfs cloned from the cell's own format plus a fill), notes (legacy comments + VML; a
 * user's own comment keeps its text and gets ours below), and, for fix copies, new cell values;
 * plus one new first tab. Everything else of the user's package is copied as stored (patch.ts).
 */
import type { CellPatch, CellWrite, StyleContext, SummaryStyles } from './ooxml/patch-xml.js';
import {
  addContentTypes,
  addNoteShapes,
  addRelationships,
  addStyles,
  cellXfsCount,
  CONTENT_TYPE,
  defaultStylesXml,
  insertFirstSheet,
  maxIdmap,
  mergeComments,
  parseRels,
  patchSheetXml,
  REL_TYPE,
  relativeTarget,
  relsPathOf,
  resolveTarget,
  workbookSheets,
} from './ooxml/patch-xml.js';
import { newSheetXml, type NewCell } from './ooxml/patch-new-sheet.js';
import type { PackagePatch, PackageReader, PartEdit } from './ooxml/patch.js';

/** A value a fix writes: a number, text, or a wall-clock date-time (a serial in the workbook's date system). */
export type FixValue = CellWrite | { readonly kind: 'wall'; readonly wall: number };

export interface SheetMarks {
  /** ARGB fill per A1 address. */
  readonly fills: ReadonlyMap<string, string>;
  /** Note text per A1 address. */
  readonly notes: ReadonlyMap<string, string>;
  /** New values (fix copies). */
  readonly writes?: ReadonlyMap<string, FixValue>;
}

/** A cell of the new first tab; `style` names one of the summary formats (or an ARGB fill). */
export interface SummaryCell {
  readonly text: string;
  readonly style?: 'header' | 'title' | 'link' | 'wrap' | { readonly fill: string };
  readonly formula?: string;
}

export interface SummaryTab {
  readonly name: string;
  readonly rows: readonly (readonly (SummaryCell | null)[])[];
  readonly widths: readonly number[];
  /** Fills the tab uses: the header's first, then the others. */
  readonly fills: readonly string[];
}

export interface PackageMarks {
  /** By tab name as in workbook.xml. */
  readonly sheets: ReadonlyMap<string, SheetMarks>;
  readonly summary: SummaryTab;
}

export interface MarkedPackage {
  readonly patch: PackagePatch;
  /** Writes refused (formula cells), by tab. */
  readonly skipped: ReadonlyMap<string, ReadonlySet<string>>;
  /** Tab names as the package has them. */
  readonly sheetNames: readonly string[];
}

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const STRICT_OFFICE_DOCUMENT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument';
/** Small parts (workbook, rels, styles, comments, VML) are read with this cap. */
const MAX_SMALL_PART = 64 * 1024 * 1024;
const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

/** The package's tab names (workbook.xml order), without patching anything. */
export function packageSheetNames(pkg: PackageReader): string[] {
  return packageSheetParts(pkg).map(([, name]) => name);
}

/** Each tab's worksheet part and name, in workbook order, e.g. `['xl/worksheets/sheet1.xml', '報名表']`. */
export function packageSheetParts(pkg: PackageReader): Array<[part: string, name: string]> {
  const { workbookPart, workbookXml, workbookRels } = workbookOf(pkg);
  return workbookSheets(workbookPart, workbookXml, workbookRels).map((s) => [s.part, s.name]);
}

function workbookOf(pkg: PackageReader) {
  const root = parseRels(pkg.text('_rels/.rels', MAX_SMALL_PART));
  const office = root.find((r) => r.type === OFFICE_DOCUMENT || r.type === STRICT_OFFICE_DOCUMENT);
  const workbookPart = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const workbookXml = pkg.text(workbookPart, MAX_SMALL_PART);
  if (workbookXml === undefined) throw new Error(`no workbook part ${workbookPart}`);
  const workbookRelsPath = relsPathOf(workbookPart);
  return { workbookPart, workbookXml, workbookRelsPath, workbookRels: pkg.text(workbookRelsPath, MAX_SMALL_PART) };
}

function unusedName(pkg: PackageReader, taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = make(n);
    if (!pkg.has(name) && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function markPackage(pkg: PackageReader, marks: PackageMarks): MarkedPackage {
  const edits = new Map<string, PartEdit>();
  const added = new Map<string, Uint8Array>();
  const newNames = new Set<string>();
  const overrides: { part: string; type: string }[] = [];
  const defaults: { ext: string; type: string }[] = [];
  const { workbookPart, workbookXml, workbookRelsPath, workbookRels } = workbookOf(pkg);
  const sheets = workbookSheets(workbookPart, workbookXml, workbookRels);
  const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);
  const serial = (wall: number) => (wall - (date1904 ? EPOCH_1904 : EPOCH_1900)) / 86_400_000;
  const toWrite = (v: FixValue): CellWrite => (v.kind === 'wall' ? { kind: 'number', value: serial(v.wall) } : v);

  const wbRels: { type: string; target: string }[] = [];
  // styles
  const stylesRel = parseRels(workbookRels).find((r) => r.type === REL_TYPE.styles);
  let stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : undefined;
  let stylesXml = stylesPart ? pkg.text(stylesPart, MAX_SMALL_PART) : undefined;
  const stylesExisted = stylesXml !== undefined;
  if (stylesXml === undefined) {
    stylesPart = unusedName(pkg, newNames, (n) => (n === 1 ? 'xl/styles.xml' : `xl/styles${n}.xml`));
    stylesXml = defaultStylesXml();
    wbRels.push({ type: REL_TYPE.styles, target: relativeTarget(workbookPart, stylesPart) });
    overrides.push({ part: stylesPart, type: CONTENT_TYPE.styles });
  }
  const xfCount = cellXfsCount(stylesXml);

  // Pass 1: the current `s` of every cell we fill (the fill is added to the cell's own format).
  const targets: { sheet: (typeof sheets)[number]; marks: SheetMarks; xml: string }[] = [];
  const requests: { base: number; fill: string }[] = [];
  const baseOf = new Map<string, number>();
  for (const [name, m] of marks.sheets) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet || !sheet.part || !pkg.has(sheet.part)) continue;
    if (m.fills.size === 0 && m.notes.size === 0 && (m.writes?.size ?? 0) === 0) continue;
    const xml = new TextDecoder().decode(pkg.read(sheet.part));
    const probe = new Map(
      [...m.fills.keys()].map((a) => [a, { style: (c: StyleContext) => (baseOf.set(`${name}\u0001${a}`, baseFormat(c, xfCount)), c.current) }]),
    );
    patchSheetXml(xml, probe);
    for (const [a, fill] of m.fills) {
      const base = baseOf.get(`${name}\u0001${a}`) ?? 0;
      if (base >= 0) requests.push({ base, fill });
    }
    targets.push({ sheet, marks: m, xml });
  }
  const styled = addStyles(stylesXml, requests, marks.summary.fills);
  edits.set(stylesPart!, bytes(styled.xml));
  if (!stylesExisted) {
    edits.delete(stylesPart!);
    added.set(stylesPart!, bytes(styled.xml));
  }

  // Pass 2: the marked tabs, their comments and VML.
  const allVml = pkg.entries.filter((e) => e.name.toLowerCase().endsWith('.vml')).map((e) => pkg.text(e.name, MAX_SMALL_PART) ?? '');
  let nextBlock = maxIdmap(allVml) + 1;
  const skipped = new Map<string, ReadonlySet<string>>();
  for (const { sheet, marks: m, xml } of targets) {
    const relsPath = relsPathOf(sheet.part);
    let relsXml = pkg.text(relsPath, MAX_SMALL_PART);
    const rels = parseRels(relsXml);
    const patches = new Map<string, CellPatch>();
    for (const [a, fill] of m.fills) {
      // A cell shown in its column's or row's style keeps having no `s` of its own: no fill, the note marks it.
      const base = baseOf.get(`${sheet.name}\u0001${a}`) ?? 0;
      if (base < 0) continue;
      const index = styled.map.get(`${base}|${fill}`)!;
      patches.set(a, { style: () => index });
    }
    for (const [a, v] of m.writes ?? []) patches.set(a, { ...patches.get(a), write: toWrite(v) });
    let legacyRelId: string | undefined;
    const newRels: { type: string; target: string }[] = [];
    if (m.notes.size > 0) {
      const commentsRel = rels.find((r) => r.type === REL_TYPE.comments);
      const vmlRel = rels.find((r) => r.type === REL_TYPE.vmlDrawing);
      const commentsPart = commentsRel ? resolveTarget(sheet.part, commentsRel.target) : unusedName(pkg, newNames, (n) => `xl/comments${n}.xml`);
      const merged = mergeComments(commentsRel ? pkg.text(commentsPart, MAX_SMALL_PART) : undefined, m.notes);
      if (commentsRel && pkg.has(commentsPart)) edits.set(commentsPart, bytes(merged.xml));
      else {
        added.set(commentsPart, bytes(merged.xml));
        overrides.push({ part: commentsPart, type: CONTENT_TYPE.comments });
        if (!commentsRel) newRels.push({ type: REL_TYPE.comments, target: relativeTarget(sheet.part, commentsPart) });
      }
      const shapes = merged.added.map((a) => ({ address: a, lines: m.notes.get(a)!.split('\n').length }));
      const vmlPart = vmlRel ? resolveTarget(sheet.part, vmlRel.target) : unusedName(pkg, newNames, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      if (vmlRel && pkg.has(vmlPart)) {
        if (shapes.length > 0) edits.set(vmlPart, bytes(addNoteShapes(pkg.text(vmlPart, MAX_SMALL_PART), shapes, nextBlock++)));
      } else {
        added.set(vmlPart, bytes(addNoteShapes(undefined, shapes, nextBlock++)));
        defaults.push({ ext: vmlPart.slice(vmlPart.lastIndexOf('.') + 1), type: CONTENT_TYPE.vml });
        if (!vmlRel) newRels.push({ type: REL_TYPE.vmlDrawing, target: relativeTarget(sheet.part, vmlPart) });
      }
    }
    if (newRels.length > 0) {
      const r = addRelationships(relsXml, newRels);
      relsXml = r.xml;
      const vmlIndex = newRels.findIndex((x) => x.type === REL_TYPE.vmlDrawing);
      if (vmlIndex >= 0) legacyRelId = r.ids[vmlIndex];
      if (pkg.has(relsPath)) edits.set(relsPath, bytes(relsXml));
      else added.set(relsPath, bytes(relsXml));
    }
    const patched = patchSheetXml(xml, patches, legacyRelId);
    skipped.set(sheet.name, patched.skipped);
    edits.set(sheet.part, bytes(patched.xml));
  }

  // The new first tab.
  const summaryPart = unusedName(pkg, newNames, (n) => `xl/worksheets/sheet${n}.xml`);
  added.set(summaryPart, bytes(newSheetXml({ rows: marks.summary.rows.map((row) => row.map((c) => (c ? newCell(c, styled.summary!) : null))), widths: marks.summary.widths, frozenRows: 2 })));
  overrides.push({ part: summaryPart, type: CONTENT_TYPE.worksheet });
  wbRels.unshift({ type: REL_TYPE.worksheet, target: relativeTarget(workbookPart, summaryPart) });
  const wr = addRelationships(workbookRels, wbRels);
  edits.set(workbookRelsPath, bytes(wr.xml));
  edits.set(workbookPart, bytes(insertFirstSheet(workbookXml, marks.summary.name, wr.ids[0]!)));
  const types = pkg.text('[Content_Types].xml', MAX_SMALL_PART);
  if (types === undefined) throw new Error('no [Content_Types].xml');
  edits.set('[Content_Types].xml', bytes(addContentTypes(types, overrides, defaults)));
  return { patch: { edits, added }, skipped, sheetNames: sheets.map((s) => s.name) };
}

/**
 * The format a marked cell's fill is added to: its own; for a cell without one, its column's or
 * row's (what LibreOffice shows it in) — except for a number there, which Excel and exceljs show
 * in format 0 and LibreOffice in the column's: any `s` would change one of them, so it gets no
 * fill (-1), only the note.
 */
function baseFormat(c: StyleContext, xfCount: number): number {
  const clamp = (s: number) => (s < xfCount ? s : 0);
  if (c.inherited === null) return clamp(c.current);
  return c.numeric ? -1 : clamp(c.inherited);
}

function newCell(c: SummaryCell, styles: SummaryStyles): NewCell {
  const style =
    c.style === undefined ? undefined : typeof c.style === 'string' ? styles[c.style] : styles.fill.get(c.style.fill);
  return { text: c.text, ...(style !== undefined ? { style } : {}), ...(c.formula ? { formula: c.formula } : {}) };
}
