/**
 * What the commands accept as an input file, checked before the reader opens it: regular files
 * only. A FIFO (which would block the synchronous open forever), a device, a socket or a `/proc`
 * / `/sys` pseudo-file (size 0 though it has content) is refused with a sentence at once. `-`
 * means standard input: read as a stream up to a size limit into a private temporary file, which
 * the reader then treats like any other file.
 */
import { mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Message } from '../../rules/index.js';

/** The name `-` (standard input) has in reports. */
export const STDIN_NAME = '-';

/** Largest standard input read, in bytes (the upload page's default limit × 10). */
export const MAX_STDIN_BYTES = 100 * 1024 * 1024;

const TYPE_NAMES: Readonly<Record<string, Message>> = {
  fifo: { 'zh-TW': '具名管道 FIFO', en: 'a named pipe (FIFO)' },
  char: { 'zh-TW': '字元裝置', en: 'a character device' },
  block: { 'zh-TW': '區塊裝置', en: 'a block device' },
  socket: { 'zh-TW': 'socket', en: 'a socket' },
  pseudo: { 'zh-TW': '系統虛擬檔案 /proc、/sys', en: 'a /proc or /sys pseudo-file' },
  dir: { 'zh-TW': '資料夾', en: 'a folder' },
};

/** Why `file` is not a regular file (a reader reason for `workbook/unreadable`), or null when it is one or is missing. */
export function notRegularFileReason(file: string): Message | null {
  let st;
  let real: string;
  try {
    st = statSync(file);
    real = realpathSync(file);
  } catch {
    return null; // the reader reports a missing file
  }
  let type: string | null = null;
  if (st.isFIFO()) type = 'fifo';
  else if (st.isCharacterDevice()) type = 'char';
  else if (st.isBlockDevice()) type = 'block';
  else if (st.isSocket()) type = 'socket';
  else if (st.isDirectory()) type = 'dir';
  else if (/^\/(proc|sys)(\/|$)/.test(real)) type = 'pseudo';
  if (type === null) return null;
  const name = TYPE_NAMES[type]!;
  return {
    'zh-TW': `這不是一般檔案（${name['zh-TW']}），無法檢查；請指定 .xlsx 或 .csv 檔案，或用 - 從標準輸入讀取`,
    en: `This is not a regular file (${name.en}) and cannot be checked; name an .xlsx or .csv file, or - to read standard input`,
  };
}

export const STDIN_TOO_LARGE: Message = {
  'zh-TW': `標準輸入超過 ${MAX_STDIN_BYTES / (1024 * 1024)} MB 上限，未檢查`,
  en: `Standard input is larger than the ${MAX_STDIN_BYTES / (1024 * 1024)} MB limit and was not checked`,
};

/** Standard input saved to a private temporary file; `dispose()` removes it. */
export interface StdinFile {
  /** Where the bytes are (`…/stdin.csv`: binary workbooks are recognised by their bytes, text as CSV). */
  readonly path: string | null;
  readonly tooLarge: boolean;
  dispose(): void;
}

/** Extensions `--stdin-filename` may give the temporary file (anything else is read as CSV text). */
const STDIN_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.xlsm', '.xls', '.xlsb', '.ods', '.csv', '.tsv', '.txt']);

/**
 * The temporary file's name for standard input: `--stdin-filename`'s base name (so a CSV's tab is
 * named as the file's would be) with its extension when it is one we read, else `.csv`; `stdin.csv`
 * without the option.
 */
export function stdinTempName(stdinFilename: string | undefined): string {
  if (stdinFilename === undefined) return 'stdin.csv';
  const ext = path.extname(stdinFilename);
  const stem = path.basename(stdinFilename, ext).replace(/[\u0000-\u001F\u007F\\/]/g, '_');
  return `${stem === '' || stem === '.' || stem === '..' ? 'stdin' : stem}${STDIN_EXTENSIONS.has(ext.toLowerCase()) ? ext.toLowerCase() : '.csv'}`;
}

/** Reads `stream` (default process.stdin) to a temporary file, stopping past `limit` bytes. */
export async function readStdinToFile(stream: NodeJS.ReadableStream = process.stdin, limit = MAX_STDIN_BYTES, stdinFilename?: string): Promise<StdinFile> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'partner-check-stdin-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const chunks: Buffer[] = [];
  let bytes = 0;
  let tooLarge = false;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += b.byteLength;
      if (bytes > limit) {
        tooLarge = true;
        break;
      }
      chunks.push(b);
    }
  } catch {
    // a closed or failing stdin: what arrived is what there is
  }
  if (tooLarge) return { path: null, tooLarge, dispose };
  const file = path.join(dir, stdinTempName(stdinFilename));
  writeFileSync(file, Buffer.concat(chunks), { mode: 0o600 });
  return { path: file, tooLarge, dispose };
}
