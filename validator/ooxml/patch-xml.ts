/**
 * Text-level edits of SpreadsheetML parts for package patching (patch.ts): everything outside
 * the spans we touch stays byte for byte as the user's writer wrote it (no XML re-serialisation,
 * which would reorder attributes, drop namespaces or unknown extensions).
 *
 * - styles.xml: cell formats cloned from a cell's own format plus a fill, fonts and fills added;
 * - a worksheet: the `s` of chosen cells, a cell's value (fixes), `<legacyDrawing>`;
 * - comments and their VML drawing (legacy notes, shown by Excel, LibreOffice and Google Sheets);
 * - workbook.xml (a new first tab), .rels files, [Content_Types].xml.
 */
import { columnLetters } from '../../rules/model.js';
import { decodeEntities } from './xml.js';

/** Attributes of every `<tag …>` element (any namespace prefix), entity-decoded. */
export function elementsAttributes(xml: string, tag: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const element = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g');
  for (const m of xml.matchAll(element)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
} as const;
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped (they cannot come from a valid workbook).
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}


/** `B3` → row 3, column 2 (1-based); null when not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** 1-based column → letters: 1 → A, 27 → AA. */
export function colLetters(col: number): string {
  return columnLetters(col - 1);
}

/** A relationship target → ZIP entry name, relative to the part that owns the .rels. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ownerPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target written relative to the owner part's folder. */
export function relativeTarget(ownerPart: string, part: string): string {
  const from = ownerPart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return elementsAttributes(xml, 'Relationship').map((a) => ({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' }));
}

/** Adds relationships (fresh ids `rIdPc1`, `rIdPc2` …) to a .rels part or a new one; returns the ids. */
export function addRelationships(xml: string | undefined, rels: readonly { type: string; target: string }[]): { xml: string; ids: string[] } {
  const base = xml ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const taken = new Set(parseRels(base).map((r) => r.id));
  const ids: string[] = [];
  let n = 1;
  const elements = rels
    .map((r) => {
      while (taken.has(`rIdPc${n}`)) n++;
      const id = `rIdPc${n}`;
      taken.add(id);
      ids.push(id);
      return `<Relationship Id="${id}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`;
    })
    .join('');
  return { xml: insertBeforeClose(base, 'Relationships', elements), ids };
}

/** Inserts `content` before the last `</tag>` (any prefix); expands a self-closing root. */
function insertBeforeClose(xml: string, tag: string, content: string): string {
  const close = new RegExp(`</((?:[\\w.-]+:)?)${tag}\\s*>(?![\\s\\S]*</(?:[\\w.-]+:)?${tag}\\s*>)`);
  const m = close.exec(xml);
  if (m) return xml.slice(0, m.index) + content + xml.slice(m.index);
  const self = new RegExp(`<((?:[\\w.-]+:)?)${tag}\\b([^>]*?)\\s*/>`).exec(xml);
  if (!self) throw new Error(`xml: no <${tag}> element`);
  return `${xml.slice(0, self.index)}<${self[1]}${tag}${self[2]}>${content}</${self[1]}${tag}>${xml.slice(self.index + self[0].length)}`;
}

/** Adds Override entries (and Default entries for extensions) to [Content_Types].xml. */
export function addContentTypes(xml: string, overrides: readonly { part: string; type: string }[], defaults: readonly { ext: string; type: string }[] = []): string {
  const haveDefaults = new Set(elementsAttributes(xml, 'Default').map((a) => (a.Extension ?? '').toLowerCase()));
  const haveOverrides = new Set(elementsAttributes(xml, 'Override').map((a) => a.PartName ?? ''));
  let add = '';
  for (const d of defaults) if (!haveDefaults.has(d.ext.toLowerCase())) add += `<Default Extension="${escapeXml(d.ext)}" ContentType="${escapeXml(d.type)}"/>`;
  for (const o of overrides) if (!haveOverrides.has(`/${o.part}`)) add += `<Override PartName="/${escapeXml(o.part)}" ContentType="${escapeXml(o.type)}"/>`;
  return add ? insertBeforeClose(xml, 'Types', add) : xml;
}

/**
 * The prefix (with colon) the root element binds to the relationships namespace; adds a binding
 * to the root when it has none (openpyxl declares it on each <sheet> instead, out of our scope).
 */
function relationshipPrefix(xml: string, root: string): { xml: string; prefix: string } {
  const rootTag = new RegExp(`<((?:[\\w.-]+:)?)${root}\\b[^>]*>`).exec(xml);
  if (!rootTag) throw new Error(`xml: no <${root}> element`);
  for (const ns of [REL_NS, REL_NS_STRICT]) {
    const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${ns.replace(/[./]/g, '\\$&')}["']`).exec(rootTag[0]);
    if (m) return { xml, prefix: `${m[1]}:` };
  }
  // `r` as every writer spells it (readers such as exceljs look for `r:id`), unless the root uses `r` otherwise.
  const prefix = /\sxmlns:r\s*=/.test(rootTag[0]) ? 'pcr' : 'r';
  const at = rootTag.index + 1 + rootTag[1]!.length + root.length;
  return { xml: `${xml.slice(0, at)} xmlns:${prefix}="${REL_NS}"${xml.slice(at)}`, prefix: `${prefix}:` };
}

// ---------------------------------------------------------------------------------------------
// styles.xml

export interface StyleRequest {
  /** The cell's current `s` (cellXfs index). */
  readonly base: number;
  /** ARGB fill, e.g. FFFFC7CE. */
  readonly fill: string;
}

export interface SummaryStyles {
  readonly header: number;
  readonly link: number;
  readonly wrap: number;
  readonly title: number;
  readonly fill: ReadonlyMap<string, number>;
}

const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export function defaultStylesXml(): string {
  return DEFAULT_STYLES;
}

interface Block {
  readonly prefix: string;
  /** Where the block's children start and end (between the open and close tags). */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly openStart: number;
  readonly openEnd: number;
  readonly items: string[];
}

function findBlock(xml: string, tag: string, item: string): Block | null {
  const open = new RegExp(`<((?:[\\w.-]+:)?)${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const prefix = open[1]!;
  const openEnd = open.index + open[0].length;
  if (open[2] === '/') return { prefix, innerStart: openEnd, innerEnd: openEnd, openStart: open.index, openEnd, items: [] };
  const closeRe = new RegExp(`</${prefix.replace('.', '\\.')}${tag}\\s*>`, 'g');
  closeRe.lastIndex = openEnd;
  const close = closeRe.exec(xml);
  if (!close) return null;
  const inner = xml.slice(openEnd, close.index);
  const itemRe = new RegExp(`<(?:[\\w.-]+:)?${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${item}\\s*>)`, 'g');
  return { prefix, innerStart: openEnd, innerEnd: close.index, openStart: open.index, openEnd, items: inner.match(itemRe) ?? [] };
}

function setAttr(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, `$1"${value}"`);
  return startTag.replace(/^(<[\w.:-]+)/, `$1 ${name}="${value}"`);
}

/** Rewrites one block: appends items, sets count (text edits from the end keep earlier offsets valid). */
function appendToBlock(xml: string, tag: string, block: Block, items: readonly string[]): string {
  if (items.length === 0) return xml;
  const total = block.items.length + items.length;
  const content = items.join('');
  const openTag = xml.slice(block.openStart, block.openEnd);
  if (openTag.endsWith('/>')) {
    const opened = setAttr(openTag.replace(/\s*\/>$/, '>'), 'count', String(total));
    return xml.slice(0, block.openStart) + opened + content + `</${block.prefix}${tag}>` + xml.slice(block.openEnd);
  }
  return xml.slice(0, block.openStart) + setAttr(openTag, 'count', String(total)) + xml.slice(block.openEnd, block.innerEnd) + content + xml.slice(block.innerEnd);
}

const fillXml = (p: string, argb: string) => `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor rgb="${argb}"/></${p}patternFill></${p}fill>`;

/**
 * Adds, per request, a clone of cellXfs[base] with the fill; and (optionally) the formats the
 * summary tab uses. Returns the new xml and the index of each request's format (`base|fill`).
 */
export function addStyles(xml: string, requests: readonly StyleRequest[], summaryFills: readonly string[] | null): { xml: string; map: Map<string, number>; summary: SummaryStyles | null } {
  let out = xml;
  // fonts (summary: bold, link)
  let fonts = findBlock(out, 'fonts', 'font');
  let boldFont = 0;
  let linkFont = 0;
  if (summaryFills) {
    if (!fonts) throw new Error('styles: no <fonts>');
    const p = fonts.prefix;
    const name = /<(?:[\w.-]+:)?name\s+val="([^"]*)"/.exec(fonts.items[0] ?? '')?.[1] ?? 'Calibri';
    boldFont = fonts.items.length;
    linkFont = boldFont + 1;
    out = appendToBlock(out, 'fonts', fonts, [
      `<${p}font><${p}b/><${p}sz val="11"/><${p}name val="${name}"/></${p}font>`,
      `<${p}font><${p}u/><${p}sz val="11"/><${p}color rgb="FF0563C1"/><${p}name val="${name}"/></${p}font>`,
    ]);
  }
  // fills
  const fills = findBlock(out, 'fills', 'fill');
  if (!fills) throw new Error('styles: no <fills>');
  const wanted = [...new Set([...requests.map((r) => r.fill), ...(summaryFills ?? [])])].sort();
  const fillIndex = new Map<string, number>();
  wanted.forEach((argb, i) => fillIndex.set(argb, fills.items.length + i));
  out = appendToBlock(out, 'fills', fills, wanted.map((a) => fillXml(fills.prefix, a)));
  // cellXfs
  const xfs = findBlock(out, 'cellXfs', 'xf');
  if (!xfs || xfs.items.length === 0) throw new Error('styles: no <cellXfs>');
  const p = xfs.prefix;
  const added: string[] = [];
  const map = new Map<string, number>();
  const keys = [...new Set(requests.map((r) => `${r.base}|${r.fill}`))].sort();
  for (const key of keys) {
    const [baseText, fill] = key.split('|') as [string, string];
    const base = Number(baseText);
    const xf = xfs.items[base < xfs.items.length ? base : 0]!;
    const start = /^<[^>]*?(?=\/?>)/.exec(xf)![0];
    const cloned = setAttr(setAttr(start, 'fillId', String(fillIndex.get(fill)!)), 'applyFill', '1') + xf.slice(start.length);
    map.set(key, xfs.items.length + added.length);
    added.push(cloned);
  }
  let summary: SummaryStyles | null = null;
  if (summaryFills) {
    const at = () => xfs.items.length + added.length;
    const xf = (attrs: string, inner = '') => (inner ? `<${p}xf numFmtId="0" borderId="0" ${attrs}>${inner}</${p}xf>` : `<${p}xf numFmtId="0" borderId="0" ${attrs}/>`);
    const header = at();
    added.push(xf(`fontId="${boldFont}" fillId="${fillIndex.get(summaryFills[0]!)}" applyFont="1" applyFill="1"`));
    const title = at();
    added.push(xf(`fontId="${boldFont}" fillId="0" applyFont="1"`));
    const link = at();
    added.push(xf(`fontId="${linkFont}" fillId="0" applyFont="1"`));
    const wrap = at();
    added.push(xf(`fontId="0" fillId="0" applyAlignment="1"`, `<${p}alignment vertical="top" wrapText="1"/>`));
    const fill = new Map<string, number>();
    for (const argb of summaryFills.slice(1)) {
      fill.set(argb, at());
      added.push(xf(`fontId="0" fillId="${fillIndex.get(argb)}" applyFill="1"`));
    }
    summary = { header, title, link, wrap, fill };
  }
  out = appendToBlock(out, 'cellXfs', xfs, added);
  return { xml: out, map, summary };
}

/** The `s` of every cell format in cellXfs (how many there are), for clamping bad indexes. */
export function cellXfsCount(xml: string): number {
  return findBlock(xml, 'cellXfs', 'xf')?.items.length ?? 0;
}

// ---------------------------------------------------------------------------------------------
// worksheets

export type CellWrite = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'string'; readonly value: string };

export interface StyleContext {
  /** The cell's `s` (0 when it has none). */
  readonly current: number;
  /** For a cell without its own `s`: the style of its row (customFormat) or column, if any. */
  readonly inherited: number | null;
  /** Whether the cell holds a number (its format changes what it shows). */
  readonly numeric: boolean;
}

export interface CellPatch {
  /**
   * New `s` from the cell's current one. A cell without its own `s` under a styled column or
   * row (`inherited`) is shown by LibreOffice in that style, by Excel and exceljs in format 0:
   * giving a number such a cell any `s` changes what one of them shows.
   */
  readonly style?: (cell: StyleContext) => number;
  /** A new value (fix copies). Formula cells are never overwritten (reported in `skipped`). */
  readonly write?: CellWrite;
}

export interface SheetPatchResult {
  readonly xml: string;
  /** Cells whose write was refused (formula cells). */
  readonly skipped: ReadonlySet<string>;
}

const CELL_RE = /<((?:[\w.-]+:)?)c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c\s*>)/g;
const ROW_RE = /<((?:[\w.-]+:)?)row\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row\s*>)/g;

const attrOf = (attrs: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);

function formatNumber(n: number): string {
  // Shortest round-trip text; never exponent-free issues for the values fixes write (percents, serials, integers).
  return String(n);
}

function buildCell(p: string, address: string, s: number, write: CellWrite | undefined): string {
  const style = s > 0 ? ` s="${s}"` : '';
  if (!write) return `<${p}c r="${address}"${style}/>`;
  if (write.kind === 'number') return `<${p}c r="${address}"${style}><${p}v>${formatNumber(write.value)}</${p}v></${p}c>`;
  return `<${p}c r="${address}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(write.value)}</${p}t></${p}is></${p}c>`;
}

function patchRow(p: string, inner: string, cells: ReadonlyMap<number, { address: string; patch: CellPatch }>, skipped: Set<string>, styleAt: (col: number) => number): string {
  const inheritedAt = (col: number) => (styleAt(col) > 0 ? styleAt(col) : null);
  const seen = new Set<number>();
  let col = 0;
  const pieces: string[] = [];
  let last = 0;
  const pending = [...cells.entries()].sort((a, b) => a[0] - b[0]);
  let next = 0;
  const flushBefore = (c: number) => {
    let out = '';
    while (next < pending.length && pending[next]![0] < c) {
      const [pc, { address, patch }] = pending[next++]!;
      if (!seen.has(pc)) out += buildCell(p, address, patch.style ? patch.style({ current: 0, inherited: inheritedAt(pc), numeric: false }) : 0, patch.write);
    }
    return out;
  };
  for (const m of inner.matchAll(CELL_RE)) {
    const attrs = m[2]!;
    const r = attrOf(attrs, 'r');
    const pos = r ? parseA1(r[1] ?? r[2] ?? '') : null;
    col = pos ? pos.col : col + 1;
    pieces.push(inner.slice(last, m.index), flushBefore(col));
    last = m.index! + m[0].length;
    const target = cells.get(col);
    if (!target) {
      pieces.push(m[0]);
      continue;
    }
    seen.add(col);
    const sAttr = attrOf(attrs, 's');
    const current = sAttr ? Number(sAttr[1] ?? sAttr[2]) || 0 : 0;
    const body = m[4] ?? '';
    const t = attrOf(attrs, 't');
    const type = t ? (t[1] ?? t[2]) : 'n';
    const numeric = (type === 'n' || type === 'd') && /<(?:[\w.-]+:)?v\b/.test(body);
    const s = target.patch.style ? target.patch.style({ current, inherited: sAttr ? null : inheritedAt(col), numeric }) : current;
    if (target.patch.write && /<(?:[\w.-]+:)?f\b/.test(body)) skipped.add(target.address);
    if (target.patch.write && !skipped.has(target.address)) {
      pieces.push(buildCell(m[1]!, target.address, s, target.patch.write));
    } else {
      const start = `<${m[1]}c${attrs}`;
      const restyled = s === current ? start : setAttr(start, 's', String(s));
      pieces.push(restyled + m[3]!);
    }
  }
  pieces.push(flushBefore(Number.MAX_SAFE_INTEGER), inner.slice(last));
  return pieces.join('');
}

/** Applies cell patches to a worksheet part; adds `<legacyDrawing>` when `legacyDrawingRelId` is given. */
export function patchSheetXml(xml: string, patches: ReadonlyMap<string, CellPatch>, legacyDrawingRelId?: string): SheetPatchResult {
  const skipped = new Set<string>();
  const byRow = new Map<number, Map<number, { address: string; patch: CellPatch }>>();
  for (const [address, patch] of patches) {
    const pos = parseA1(address);
    if (!pos) continue;
    let row = byRow.get(pos.row);
    if (!row) byRow.set(pos.row, (row = new Map()));
    row.set(pos.col, { address, patch });
  }
  let out = xml;
  if (byRow.size > 0) {
    const open = /<((?:[\w.-]+:)?)sheetData\b([^>]*?)(\/?)>/.exec(out);
    if (!open) throw new Error('sheet: no <sheetData>');
    const p = open[1]!;
    let innerStart = open.index + open[0].length;
    let innerEnd: number;
    if (open[3] === '/') {
      out = `${out.slice(0, open.index)}<${p}sheetData${open[2]}></${p}sheetData>${out.slice(innerStart)}`;
      innerStart = open.index + `<${p}sheetData${open[2]}>`.length;
      innerEnd = innerStart;
    } else {
      innerEnd = out.indexOf(`</${p}sheetData>`, innerStart);
      if (innerEnd < 0) throw new Error('sheet: unterminated <sheetData>');
    }
    const inner = out.slice(innerStart, innerEnd);
    const colStyles = elementsAttributes(out.slice(0, open.index), 'col')
      .filter((c) => Number(c.style) > 0)
      .map((c) => ({ min: Number(c.min), max: Number(c.max), style: Number(c.style) }));
    const colStyle = (col: number) => colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    let nextRow = 0;
    const newRows = (before: number) => {
      let s = '';
      while (nextRow < rows.length && rows[nextRow]! < before) {
        const r = rows[nextRow++]!;
        if (!seenRows.has(r)) s += `<${p}row r="${r}">${patchRow(p, '', byRow.get(r)!, skipped, colStyle)}</${p}row>`;
      }
      return s;
    };
    const seenRows = new Set<number>();
    const pieces: string[] = [];
    let last = 0;
    let rowNumber = 0;
    for (const m of inner.matchAll(ROW_RE)) {
      const r = attrOf(m[2]!, 'r');
      rowNumber = r ? Number(r[1] ?? r[2]) : rowNumber + 1;
      pieces.push(inner.slice(last, m.index), newRows(rowNumber));
      last = m.index! + m[0].length;
      const cells = byRow.get(rowNumber);
      if (!cells) {
        pieces.push(m[0]);
        continue;
      }
      seenRows.add(rowNumber);
      const rowInner = m[4] ?? '';
      // `spans` is an optional hint of the row's column range; cells we add may fall outside it.
      const rowAttrs = m[2]!.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '').replace(/\s*$/, '');
      const rowStyle = attrOf(m[2]!, 's');
      const rowS = rowStyle !== null && /\scustomFormat\s*=\s*["'](?:1|true)["']/.test(m[2]!) ? Number(rowStyle[1] ?? rowStyle[2]) || 0 : 0;
      pieces.push(`<${m[1]}row${rowAttrs}>${patchRow(p, rowInner, cells, skipped, rowS > 0 ? () => rowS : colStyle)}</${m[1]}row>`);
    }
    pieces.push(inner.slice(last), newRows(Number.MAX_SAFE_INTEGER));
    out = out.slice(0, innerStart) + pieces.join('') + out.slice(innerEnd);
  }
  if (legacyDrawingRelId) out = insertWorksheetChild(out, 'legacyDrawing', legacyDrawingRelId);
  return { xml: out, skipped };
}

/** Worksheet children that come after `<legacyDrawing>` (CT_Worksheet's sequence). */
const AFTER_LEGACY_DRAWING = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

function insertWorksheetChild(xml: string, tag: string, relId: string): string {
  const rel = relationshipPrefix(xml, 'worksheet');
  const src = rel.xml;
  const rootPrefix = /<((?:[\w.-]+:)?)worksheet\b/.exec(src)?.[1] ?? '';
  const element = `<${rootPrefix}${tag} ${rel.prefix}id="${relId}"/>`;
  // Walk the worksheet's direct children after </sheetData> (the rest is small).
  const dataEnd = src.search(/<\/(?:[\w.-]+:)?sheetData\s*>|<(?:[\w.-]+:)?sheetData\b[^>]*\/>/);
  const tagRe = /<(\/?)((?:[\w.-]+:)?)([\w.-]+)\b[^>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
  tagRe.lastIndex = Math.max(0, dataEnd);
  let depth = 0;
  let started = dataEnd < 0;
  for (let m = tagRe.exec(src); m; m = tagRe.exec(src)) {
    if (m[3] === undefined) continue;
    if (!started) {
      // The first match is the sheetData end itself.
      started = true;
      continue;
    }
    const closing = m[1] === '/';
    if (closing) {
      if (depth === 0) return src.slice(0, m.index) + element + src.slice(m.index); // </worksheet>
      depth--;
      continue;
    }
    if (depth === 0 && AFTER_LEGACY_DRAWING.has(m[3])) return src.slice(0, m.index) + element + src.slice(m.index);
    if (m[4] !== '/') depth++;
  }
  throw new Error('sheet: no </worksheet>');
}

// ---------------------------------------------------------------------------------------------
// comments and VML

export const NOTE_AUTHOR = 'partner-check';

/**
 * Adds notes to a comments part (or a new one). A cell that already has a comment keeps it,
 * with our text appended below; other cells get a new comment. Returns the cells that got a
 * new comment (they need a VML shape).
 */
export function mergeComments(xml: string | undefined, notes: ReadonlyMap<string, string>): { xml: string; added: string[] } {
  let out =
    xml ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';
  const p = /<((?:[\w.-]+:)?)comments\b/.exec(out)?.[1] ?? '';
  const authors = findBlock(out, 'authors', 'author');
  let authorId: number;
  if (!authors) throw new Error('comments: no <authors>');
  const existingAuthor = authors.items.findIndex((a) => decodeEntities(a.replace(/<[^>]*>/g, '')) === NOTE_AUTHOR);
  if (existingAuthor >= 0) authorId = existingAuthor;
  else {
    authorId = authors.items.length;
    const open = out.slice(authors.openStart, authors.openEnd);
    const item = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    out = open.endsWith('/>')
      ? out.slice(0, authors.openStart) + `<${p}authors>${item}</${p}authors>` + out.slice(authors.openEnd)
      : out.slice(0, authors.innerEnd) + item + out.slice(authors.innerEnd);
  }
  const added: string[] = [];
  let appendNew = '';
  for (const [address, text] of notes) {
    const run = (t: string) => `<${p}r><${p}t xml:space="preserve">${escapeXml(t)}</${p}t></${p}r>`;
    const re = new RegExp(`<((?:[\\w.-]+:)?)comment\\b[^>]*?\\sref\\s*=\\s*["']${address}["'][^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?comment\\s*>`);
    const m = re.exec(out);
    if (m) {
      const textClose = m[0].search(/<(?:[\w.-]+:)?rPh\b|<\/(?:[\w.-]+:)?text\s*>/);
      if (textClose >= 0) {
        const at = m.index + textClose;
        out = out.slice(0, at) + run(`\n\n${text}`) + out.slice(at);
        continue;
      }
    }
    added.push(address);
    appendNew += `<${p}comment ref="${address}" authorId="${authorId}"><${p}text>${run(text)}</${p}text></${p}comment>`;
  }
  if (appendNew) out = insertBeforeClose(out.replace(new RegExp(`<((?:[\\w.-]+:)?)commentList\\s*/>`), `<$1commentList></$1commentList>`), 'commentList', appendNew);
  return { xml: out, added };
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, address: string, lines: number): string {
  const pos = parseA1(address)!;
  const r0 = pos.row - 1;
  const c0 = pos.col - 1;
  const height = Math.min(30, Math.max(4, Math.ceil(lines * 1.2)));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:260pt;height:${height * 15}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c0 + 1}, 15, ${Math.max(0, r0 - 1)}, 10, ${c0 + 5}, 15, ${Math.max(0, r0 - 1) + height}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`
  );
}

/** The highest `o:idmap data` of the given VML parts (each drawing needs its own block of shape ids). */
export function maxIdmap(vmls: readonly string[]): number {
  let max = 0;
  for (const v of vmls) for (const m of v.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) for (const n of m[1]!.split(/[ ,]+/)) max = Math.max(max, Number(n) || 0);
  return max;
}

/** Adds hidden note shapes for `cells` to a VML drawing (or a new one with idmap block `block`). */
export function addNoteShapes(vml: string | undefined, cells: readonly { address: string; lines: number }[], block: number): string {
  if (vml === undefined) {
    let id = block * 1024;
    const shapes = cells.map((c) => noteShape(++id, c.address, c.lines)).join('');
    return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}${shapes}</xml>`;
  }
  let id = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) id = Math.max(id, Number(m[1]));
  if (id === 0) id = maxIdmap([vml]) * 1024;
  const shapes = (vml.includes('"_x0000_t202"') ? '' : SHAPETYPE) + cells.map((c) => noteShape(++id, c.address, c.lines)).join('');
  const at = vml.lastIndexOf('</xml>');
  if (at < 0) throw new Error('vml: no </xml>');
  return vml.slice(0, at) + shapes + vml.slice(at);
}

// ---------------------------------------------------------------------------------------------
// workbook.xml

export interface SheetRef {
  readonly name: string;
  readonly part: string;
  /** 0-based position in <sheets>. */
  readonly index: number;
}

/** The workbook's tabs in order, with their worksheet parts (chartsheets and others included by part). */
export function workbookSheets(workbookPart: string, workbookXml: string, relsXml: string | undefined): SheetRef[] {
  const targets = new Map(parseRels(relsXml).map((r) => [r.id, resolveTarget(workbookPart, r.target)]));
  return elementsAttributes(workbookXml, 'sheet').map((a, index) => {
    const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
    return { name: a.name ?? '', part: targets.get(rid) ?? '', index };
  });
}

/**
 * Inserts a tab first in <sheets>. Sheet-scoped defined names (localSheetId) and the active tab
 * shift by one so they keep pointing at the user's tabs; the user's active tab stays active.
 */
export function insertFirstSheet(xml: string, name: string, relId: string): string {
  const rel = relationshipPrefix(xml, 'workbook');
  let out = rel.xml;
  const ids = elementsAttributes(out, 'sheet').map((a) => Number(a.sheetId) || 0);
  const sheetId = Math.max(0, ...ids) + 1;
  const sheets = /<((?:[\w.-]+:)?)sheets\b[^>]*>/.exec(out);
  if (!sheets) throw new Error('workbook: no <sheets>');
  const p = sheets[1]!;
  out = out.slice(0, sheets.index + sheets[0].length) + `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rel.prefix}id="${relId}"/>` + out.slice(sheets.index + sheets[0].length);
  out = out.replace(/(<(?:[\w.-]+:)?definedName\b[^>]*?\slocalSheetId\s*=\s*")(\d+)(")/g, (_, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`);
  const view = /<((?:[\w.-]+:)?)workbookView\b[^>]*?\/?>/.exec(out);
  if (view) {
    const tag = view[0];
    const active = /\sactiveTab\s*=\s*"(\d+)"/.exec(tag);
    let next = setAttr(tag, 'activeTab', String((active ? Number(active[1]) : 0) + 1));
    if (/\sfirstSheet\s*=/.test(next)) next = setAttr(next, 'firstSheet', '0');
    out = out.slice(0, view.index) + next + out.slice(view.index + tag.length);
  } else {
    out = out.slice(0, sheets.index) + `<${p}bookViews><${p}workbookView activeTab="1"/></${p}bookViews>` + out.slice(sheets.index);
  }
  return out;
}
