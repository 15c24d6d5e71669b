/**
 * Small facts about an .xlsx package read straight from its ZIP, without exceljs: which part
 * holds which sheet. Used by the merge pre-check to name the sheet in its message.
 */
import type { ByteSource } from './byte-source';
import { readZipEntry, type ZipEntry } from './zip';

/** workbook.xml and its rels are kilobytes; anything far larger is not worth reading here. */
const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e],
  );
}

/** Attributes of every `<tag …>` element (any namespace prefix), entity-decoded. */
export function elementsAttributes(xml: string, tag: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const element = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g');
  for (const m of xml.matchAll(element)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]] = decodeXmlText(a[2] ?? a[3] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/** Zip path of each worksheet part → its tab name, e.g. `xl/worksheets/sheet1.xml` → `報名表`. */
export function worksheetNamesByPart(src: ByteSource, entries: readonly ZipEntry[]): Map<string, string> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  const names = new Map<string, string>();
  if (!workbook || !rels) return names;
  const utf8 = new TextDecoder('utf-8');
  const targets = new Map<string, string>();
  for (const rel of elementsAttributes(utf8.decode(readZipEntry(src, rels, MAX_SMALL_PART_BYTES)), 'Relationship')) {
    if (rel.Id && rel.Target) targets.set(rel.Id, partPath(rel.Target));
  }
  for (const sheet of elementsAttributes(utf8.decode(readZipEntry(src, workbook, MAX_SMALL_PART_BYTES)), 'sheet')) {
    const rId = Object.entries(sheet).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const target = rId ? targets.get(rId) : undefined;
    if (target && sheet.name !== undefined) names.set(target, sheet.name);
  }
  return names;
}

/** A relationship target of workbook.xml → zip path (`worksheets/a.xml` or `/xl/worksheets/a.xml`). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}
