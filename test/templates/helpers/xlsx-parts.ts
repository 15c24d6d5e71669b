/**
 * Reads the parts of an .xlsx the template tests look at, straight from the zip: each sheet's
 * XML by tab name, and the cell notes (comments) by tab name. Notes are read from the comments
 * parts rather than through exceljs, which drops the note of a cell that has no value (the
 * "missing product id" mistake is exactly such a cell).
 */
import { readZip, type ZipEntry } from '../../../templates/zip';

export interface XlsxParts {
  readonly entries: readonly ZipEntry[];
  text(name: string): string | undefined;
  /** Tab names in workbook order. */
  readonly sheetNames: readonly string[];
  /** The worksheet XML of a tab. */
  sheetXml(name: string): string;
  /** Cell notes of a tab: A1 address → note text. */
  notes(name: string): ReadonlyMap<string, string>;
}

const decoder = new TextDecoder();

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
}

/** Resolves a relationship target relative to the part that owns the .rels file. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function rels(text: string | undefined, owner: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const tag of text?.match(/<Relationship\b[^>]*>/g) ?? []) {
    out.set(attr(tag, 'Id')!, { type: attr(tag, 'Type') ?? '', target: resolve(owner, attr(tag, 'Target') ?? '') });
  }
  return out;
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export function xlsxParts(bytes: Uint8Array): XlsxParts {
  const entries = readZip(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (name: string) => {
    const e = byName.get(name);
    return e ? decoder.decode(e.data) : undefined;
  };
  const wbRels = rels(text('xl/_rels/workbook.xml.rels'), 'xl/workbook.xml');
  const sheets = (text('xl/workbook.xml')?.match(/<sheet\b[^>]*>/g) ?? []).map((tag) => ({
    name: attr(tag, 'name')!,
    part: wbRels.get(attr(tag, 'r:id')!)!.target,
  }));
  const partOf = (name: string) => {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s.part;
  };
  return {
    entries,
    text,
    sheetNames: sheets.map((s) => s.name),
    sheetXml: (name) => text(partOf(name)) ?? '',
    notes: (name) => {
      const part = partOf(name);
      const out = new Map<string, string>();
      for (const rel of rels(text(relsPath(part)), part).values()) {
        if (!rel.type.endsWith('/comments')) continue;
        for (const m of (text(rel.target) ?? '').matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g)) {
          const ref = attr(m[1]!, 'ref')!;
          const body = [...m[2]!.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1]!)).join('');
          out.set(ref, body);
        }
      }
      return out;
    },
  };
}
