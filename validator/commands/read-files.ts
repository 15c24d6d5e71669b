/** Reads each named workbook in turn for the commands that take FILE… (ring-mail, deadlines). */
import { unreadableFileReport, type Lang, type Workbook } from '../../rules/index.js';
import { readWorkbookFile } from '../read/guarded.js';
import type { CliIo } from '../args.js';

/**
 * Calls `each(file, workbook)` for every readable file, in order; an unreadable one is reported on
 * stderr (the rules' `workbook/unreadable` message) and counted.
 */
export async function forEachWorkbook(files: readonly string[], lang: Lang, io: CliIo, each: (file: string, workbook: Workbook) => void): Promise<number> {
  let unreadable = 0;
  for (const file of files) {
    const read = await readWorkbookFile(file);
    if (!read.ok) {
      unreadable++;
      io.stderr.write(`partner-check: ${file}: ${unreadableFileReport(file, read.reason, lang).violations[0]!.message}\n`);
      continue;
    }
    each(file, read.workbook);
  }
  return unreadable;
}
