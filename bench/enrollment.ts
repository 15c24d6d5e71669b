/**
 * A valid 報名表 (enrollment) at the partner team's real scale, for issue 12's upload-server
 * target ("a valid 5 MB enrollment of 52,000 shops"): one row per shop, every value of the
 * shape the template asks for (rules/columns.ts ENROLLMENT, in its order and with its zh-TW
 * headers), cycling through the three plans of templates/examples/clean.xlsx's 報名表 with their
 * chosen days, submission times before each plan's deadline, real date cells and
 * percent-formatted fractions. Shop ids, brands and e-mail addresses are unique per row.
 *
 * Checked with `--today ENROLLMENT_TODAY` the file has no errors and no warnings; the only
 * violations are the info notes the rules give every row whose hero image cannot be looked at
 * (the web server checks no pictures).
 *
 *   npx tsx bench/enrollment.ts --shops 52000 --out bench/data
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { ENROLLMENT } from '../rules/index.js';

/** Bump when the rows change, so a cached file in bench/data is written again. */
export const ENROLLMENT_VERSION = 1;
/** The partner team's real enrollment size (issue 12). */
export const ENROLLMENT_SHOPS = 52_000;
/** Before every deadline of the 2026-Q2 campaign, inside its enrollment period. */
export const ENROLLMENT_TODAY = '2026-03-20';

/** The plans of clean.xlsx's 報名表: plan, chosen days, submitted (Taipei wall), exposure, ring data. */
const PATTERNS = [
  { plan: '季方案', chosen: '4/1、4/4、4/8、4/14、4/22、4/28、5/5、5/10、5/13、5/20、5/26、5/28、6/2、6/9、6/16、6/18、6/23、6/30', submitted: [2026, 3, 18, 10, 30], site: '是', ring: '是', category: '美食保健' },
  { plan: '5月單月方案', chosen: '5/6、5/13、5/27', submitted: [2026, 3, 19, 14, 0], site: '是', ring: '否', category: '美妝保養' },
  { plan: '6月單月方案', chosen: '6/3、6/10、6/24', submitted: [2026, 3, 20, 9, 15], site: '否', ring: '是', category: '居家生活' },
] as const;

export interface EnrollmentDataSet {
  readonly file: string;
  readonly shops: number;
  readonly bytes: number;
  readonly reused: boolean;
}

/** The cells of shop `n` (1-based), in ENROLLMENT.columns order. */
export function enrollmentRowValues(n: number): Array<string | number | Date> {
  const p = PATTERNS[n % PATTERNS.length]!;
  const id = String(n).padStart(6, '0');
  const [y, mo, d, h, mi] = p.submitted;
  // exceljs writes a Date as its UTC reading: the wall clock of Asia/Taipei, whatever the host's zone.
  const submitted = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const values: Record<string, string | number | Date> = {
    brandName: `品牌${id}`,
    shopId: `shop_${id}`,
    contactEmail: `mkt${id}@brand${id}.example.com`,
    category: p.category,
    plan: p.plan,
    submittedAt: submitted,
    siteExposure: p.site,
    ringData: p.ring,
    chosenDays: p.chosen,
    baseCps: [0.05, 0.06, 0.08, 0.1][n % 4]!,
    baseRate: 0.02,
    monthlyGmv: 100_000 * (1 + (n % 50)),
    heroImage: `shop_${id}.jpg`,
  };
  return ENROLLMENT.columns.map((c) => values[c.key]!);
}

const FORMATS: Record<string, string> = { submittedAt: 'yyyy/mm/dd hh:mm:ss', baseCps: '0%', baseRate: '0%', monthlyGmv: '#,##0' };

/** Writes the 報名表 of `shops` shops with exceljs's streaming writer (shared strings, styles). */
export async function writeEnrollmentXlsx(file: string, shops: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(ENROLLMENT.names[0]!);
  ws.columns = ENROLLMENT.columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow(ENROLLMENT.columns.map((c) => c.zh)).commit();
  for (let n = 1; n <= shops; n++) {
    const r = ws.addRow(enrollmentRowValues(n));
    ENROLLMENT.columns.forEach((c, i) => {
      const f = FORMATS[c.key];
      if (f) r.getCell(i + 1).numFmt = f;
    });
    r.commit();
  }
  ws.commit();
  await wb.commit();
}

/** Writes (or reuses, by a manifest of shops and version) `<dir>/enrollment-<shops>.xlsx`. */
export async function ensureEnrollment(dir: string, shops = ENROLLMENT_SHOPS): Promise<EnrollmentDataSet> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `enrollment-${shops}.xlsx`);
  const manifest = `${file}.manifest.json`;
  if (existsSync(file) && existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { shops: number; version: number; bytes: number };
    if (m.shops === shops && m.version === ENROLLMENT_VERSION && statSync(file).size === m.bytes) return { file, shops, bytes: m.bytes, reused: true };
  }
  await writeEnrollmentXlsx(`${file}.tmp`, shops);
  renameSync(`${file}.tmp`, file);
  const bytes = statSync(file).size;
  writeFileSync(manifest, JSON.stringify({ shops, version: ENROLLMENT_VERSION, bytes }, null, 2));
  return { file, shops, bytes, reused: false };
}

// CLI (matched by file name: bundled, this module's URL is the bundle's).
if (process.argv[1] && /[\\/]enrollment\.(ts|mjs)$/.test(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, dflt: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : dflt;
  };
  const ds = await ensureEnrollment(arg('out', 'bench/data'), Number(arg('shops', String(ENROLLMENT_SHOPS))));
  process.stdout.write(`${ds.file}: ${ds.shops} shops, ${ds.bytes} bytes${ds.reused ? ' (reused)' : ''}\n`);
}
