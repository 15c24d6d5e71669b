/**
 * Decides what a file really is from its bytes, before any parser runs. Users rename files
 * (.xls → .xlsx), systems export HTML or text with an .xlsx name, and an encrypted workbook
 * looks like an .xls; handing any of these to exceljs gives a cryptic error or worse, so only
 * a real OOXML workbook goes to the xlsx readers and only text goes to the CSV reader.
 */
import path from 'node:path';
import { memorySource, openFileSource, type ByteSource } from '../ooxml/byte-source';
import { cfbEntryNames, hasCfbSignature } from './cfb';
import { REASONS, type ReadFailureReason } from './reasons';
import { bomEncoding, looksLikeText, utf16WithoutBom } from './text-decode';
import { readZipDirectory, type ZipDirectory } from '../ooxml/zip';

export type UnreadableKind =
  | 'empty'
  | 'xls'
  | 'encrypted-ooxml'
  | 'ole-other'
  | 'xlsb'
  | 'ods'
  | 'office-document'
  | 'zip-without-workbook'
  | 'corrupt-zip'
  | 'html'
  | 'xml-spreadsheet-2003'
  | 'pdf'
  | 'text-as-spreadsheet'
  | 'unsupported-text'
  | 'unknown-binary';

export type SniffResult =
  | { readonly kind: 'xlsx' | 'csv'; readonly readable: true }
  | { readonly kind: UnreadableKind; readonly readable: false; readonly reason: ReadFailureReason };

/** Extensions whose files the CSV reader accepts. */
export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.csv', '.txt', '.tsv']);

const HEAD_BYTES = 8192;

/** What `bytes` (the whole file) really is; `fileName` only matters for text files. */
export function sniffFile(bytes: Uint8Array, fileName: string): SniffResult {
  return sniffSource(memorySource(bytes), fileName);
}

/** Like `sniffFile`, reading only the parts of the file it needs (head, ZIP directory). */
export function sniffPath(filePath: string): SniffResult {
  const src = openFileSource(filePath);
  try {
    return sniffSource(src, filePath);
  } finally {
    src.close();
  }
}

/**
 * `zipDirectory` lets a caller that already holds the package (validator/ooxml/package.ts) share
 * its one parsed central directory with the sniffer.
 */
export function sniffSource(src: ByteSource, fileName: string, zipDirectory: () => ZipDirectory | null = () => readZipDirectory(src)): SniffResult {
  if (src.size === 0) return unreadable('empty', REASONS.empty);
  const head = src.read(0, HEAD_BYTES);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(zipDirectory());
  if (hasCfbSignature(head)) return sniffCfb(src);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return unreadable('pdf', REASONS.pdf); // %PDF-
  if (!looksLikeText(head)) return unreadable('unknown-binary', REASONS.unknownBinary);

  const markup = markupKind(headText(head));
  if (markup === 'html') return unreadable('html', REASONS.html);
  if (markup === 'xml-spreadsheet-2003') return unreadable('xml-spreadsheet-2003', REASONS.xmlSpreadsheet2003);
  if (TEXT_EXTENSIONS.has(path.extname(fileName).toLowerCase())) return { kind: 'csv', readable: true };
  if (/^\.(xls[xmb]?|xlt[xm]?)$/i.test(path.extname(fileName))) {
    return unreadable('text-as-spreadsheet', REASONS.textAsSpreadsheet);
  }
  return unreadable('unsupported-text', REASONS.unsupportedText);
}

function sniffZip(dir: ZipDirectory | null): SniffResult {
  if (!dir) return unreadable('corrupt-zip', REASONS.corruptZip);
  const names = new Set(dir.entries.map((e) => e.name.replace(/\\/g, '/').replace(/^\//, '')));
  if (names.has('xl/workbook.xml')) {
    // The reader locates parts through the central directory: it needs an intact archive.
    return dir.complete ? { kind: 'xlsx', readable: true } : unreadable('corrupt-zip', REASONS.corruptZip);
  }
  if (names.has('xl/workbook.bin')) return unreadable('xlsb', REASONS.xlsb);
  if (names.has('mimetype') && names.has('content.xml')) return unreadable('ods', REASONS.ods);
  if (names.has('word/document.xml') || names.has('ppt/presentation.xml')) {
    return unreadable('office-document', REASONS.wordOrPowerPoint);
  }
  if (!dir.complete) return unreadable('corrupt-zip', REASONS.corruptZip);
  return unreadable('zip-without-workbook', REASONS.zipWithoutWorkbook);
}

function sniffCfb(src: ByteSource): SniffResult {
  const names = cfbEntryNames(src);
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) {
    return unreadable('encrypted-ooxml', REASONS.encrypted);
  }
  if (names.has('Workbook') || names.has('Book')) return unreadable('xls', REASONS.legacyXls);
  return unreadable('ole-other', REASONS.otherOle);
}

/** The first few hundred characters of a text head, decoded enough to look for markup. */
function headText(head: Uint8Array): string {
  const bom = bomEncoding(head);
  const utf16 = bom === 'utf-16le' || bom === 'utf-16be' ? bom : utf16WithoutBom(head);
  const text = utf16 ? new TextDecoder(utf16).decode(head.subarray(0, 2048)) : new TextDecoder('latin1').decode(head.subarray(0, 2048));
  return text.replace(/^[\ufeff\u00ef\u00bb\u00bf\s]+/, '').toLowerCase();
}

function markupKind(text: string): 'html' | 'xml-spreadsheet-2003' | null {
  if (/^<(!doctype\s+html|html|table|head|body|meta|style)\b/.test(text) || text.startsWith('<!doctype')) return 'html';
  if (text.startsWith('<?xml') || text.startsWith('<!--')) {
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet') || /<\?mso-application\s+progid="excel\.sheet"/.test(text)) {
      return 'xml-spreadsheet-2003';
    }
    if (/<(html|table)\b/.test(text)) return 'html';
  }
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function unreadable(kind: UnreadableKind, reason: ReadFailureReason): SniffResult {
  return { kind, readable: false, reason };
}
