/**
 * A dependency loaded on first use instead of when the bundle starts. exceljs (templates and
 * schedules), nodemailer's MailComposer (ring-data e-mails), ics (deadline calendars) and
 * image-size (pictures named in a sheet) cost 26, 11, 9 and 7 MB of RSS in every thread that loads them (measured with `process.memoryUsage()`
 * around a bare `import`), and a `validate` run — the main thread and each pool worker — never
 * needs them. Node's own `require`, from this module's place, so the bundle (esbuild, packages
 * external) and the sources under vitest resolve the same installed package.
 *
 * @example const excel = lazyModule<typeof import('exceljs')>('exceljs'); new (excel().Workbook)()
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
