/**
 * Seeded generator of realistic 加碼合約 (contract-schedule) data for the benchmark: many shops,
 * each with a timeline of non-overlapping campaign-wide contracts, one row per product type.
 *
 * - ~40 % of shops are partner-plan shops (夥伴互利): their contracts follow the deck's schedule
 *   for the enrolled months of 2026 Q2 (chosen days and Fridays 10 %, other days 5 %, runs of
 *   equal rate that never cross a month), CPS 15 %, vendor bonus 0; `enrollmentTable` gives the
 *   matching 報名表 for the in-memory conformance measurement.
 * - the rest run ordinary bonus campaigns of 1–14 days between 2025-02 and 2027-11 with front
 *   rate = base + vendor bonus, CPS 5–12 %, a few single-product (單品加碼) contracts.
 * - about 0.3 % of rows carry one realistic defect (a special character in the remark, a wrong
 *   vendor bonus, a rebate cap of 0, a percent above 100, end before start, a partner contract
 *   at CPS 12 %, an overlapping start), so the report has something to say.
 *
 * Dates are whole days (00:00:00 – 23:59:59, Asia/Taipei wall time); submittedAt is 20 calendar
 * days before the start, always before the D-3 deadline. Validate with `--today 2025-01-02`.
 *
 * The same rows are written as .xlsx (exceljs streaming writer, shared strings, real date cells,
 * percent-formatted fractions) and as .csv (`YYYY/MM/DD HH:mm:ss`, `15%`), and can be turned into
 * the rules' in-memory model directly (`contractTable`).
 *
 *   npx tsx bench/generate.ts --rows 10000 --seed 20260401 --out bench/data
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { ColumnarTableBuilder, CONTRACTS, ENROLLMENT, makeCell, type Cell, type CellValue, type Table } from '../rules/index.js';

/** Bump when the generated data changes, so cached files in bench/data are regenerated. */
export const GENERATOR_VERSION = 5;
export const DEFAULT_SEED = 20260401;
/** "today" that makes every unsubmitted contract of the data set timely. */
export const BENCH_TODAY = '2025-01-02';

export const DATE_FORMAT = 'yyyy/mm/dd hh:mm:ss';
export const PERCENT_FORMAT = '0%';
export const PERCENT_FORMAT_1 = '0.0%';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ContractRow {
  shopId: string;
  contractType: string;
  remark: string;
  /** Wall ms (Date.UTC of the Taipei wall reading). */
  start: number;
  end: number;
  productType: string;
  productId: string | null;
  /** Percent points (2 = 2 %). */
  baseRate: number;
  frontRate: number;
  rebateCap: number;
  cps: number;
  vendorBonus: number;
  pointPrice: number | null;
  partnerPlan: string | null;
  submittedAt: number | null;
  status: string | null;
}

/** Column keys in CONTRACTS order (all 16 columns). */
export const KEYS = CONTRACTS.columns.map((c) => c.key) as (keyof ContractRow)[];
export const HEADERS = CONTRACTS.columns.map((c) => c.zh);
const PERCENT_KEYS = new Set(['baseRate', 'frontRate', 'cps', 'vendorBonus']);
const DATE_KEYS = new Set(['start', 'end', 'submittedAt']);

const DAY = 86_400_000;
const wallDay = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const dayOf = (wall: number) => Math.floor(wall / DAY);
const ymd = (day: number) => {
  const t = new Date(day * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const md = (day: number) => `${ymd(day).m}/${ymd(day).d}`;

const PRODUCT_TYPE_SETS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0.65, ['normal']],
  [0.1, ['3c']],
  [0.15, ['beauty', 'food']],
  [0.1, ['3c', 'home', 'fashion']],
];
const STATUS: ReadonlyArray<readonly [number, string | null]> = [
  [0.5, '通過'],
  [0.2, '待審核'],
  [0.2, null],
  [0.05, '草稿'],
  [0.05, '不通過'],
];
/** A partner schedule is set up as a whole; its contracts are not rejected one by one. */
const PARTNER_STATUS: ReadonlyArray<readonly [number, string | null]> = [
  [0.6, '通過'],
  [0.25, '待審核'],
  [0.1, null],
  [0.05, '草稿'],
];

function pick<T>(rnd: () => number, table: ReadonlyArray<readonly [number, T]>): T {
  let x = rnd();
  for (const [p, v] of table) {
    if (x < p) return v;
    x -= p;
  }
  return table[table.length - 1]![1];
}

interface Contract {
  shopId: string;
  contractType: string;
  remark: string;
  start: number;
  end: number;
  types: readonly string[];
  productIds: readonly (string | null)[];
  baseRate: number;
  frontRate: number;
  cps: number;
  vendorBonus: number;
  pointPrice: number | null;
  partnerPlan: string | null;
  status: string | null;
  submittedAt: number | null;
}

function statusAndSubmission(rnd: () => number, start: number, table = STATUS): { status: string | null; submittedAt: number | null } {
  const status = pick(rnd, table);
  if (status === null || status === '草稿') return { status, submittedAt: null };
  const hour = 9 + Math.floor(rnd() * 9);
  return { status, submittedAt: start - 20 * DAY + hour * 3_600_000 + Math.floor(rnd() * 4) * 900_000 };
}

function remarkFor(startDay: number, endDay: number, rate: number): string {
  return startDay === endDay ? `${md(startDay)}_加碼${rate}%` : `${md(startDay)}-${md(endDay)}_加碼${rate}%`;
}

/** A partner shop's enrollment row (報名表), consistent with its schedule. */
export interface EnrollmentRow {
  brandName: string;
  shopId: string;
  contactEmail: string;
  category: string;
  plan: string;
  /** Wall ms. */
  submittedAt: number;
  siteExposure: string;
  ringData: string;
  chosenDays: string;
  /** Percent points. */
  baseCps: number;
  baseRate: number;
  monthlyGmv: number;
  heroImage: string;
}

const CATEGORIES = ['美食保健', '美妝保養', '居家生活', '流行服飾配件', '其他'];

/**
 * The partner-plan schedule of one shop (SPEC §6): runs of equal rate within each enrolled
 * month, and the enrollment that asks for it.
 */
function partnerShop(rnd: () => number, shopId: string, shopNo: number): { contracts: Contract[]; enrollment: EnrollmentRow } {
  const types = pick(rnd, PRODUCT_TYPE_SETS);
  const baseRate = rnd() < 0.8 ? 2 : 3;
  const pointPrice = rnd() < 0.9 ? 1.2 : 1;
  const months = rnd() < 0.7 ? [4, 5, 6] : rnd() < 0.5 ? [5] : [6];
  const allowance = rnd() < 0.4 ? 6 : 3;
  const exposure = allowance === 6 || rnd() < 0.5;
  const out: Contract[] = [];
  const chosenAll: number[] = [];
  for (const m of months) {
    const first = dayOf(wallDay(2026, m, 1));
    const last = dayOf(wallDay(2026, m + 1, 1)) - 1;
    const candidates: number[] = [];
    for (let d = first; d <= last; d++) if (isoWeekday(d) !== 5) candidates.push(d);
    const chosen = new Set<number>();
    while (chosen.size < allowance) chosen.add(candidates[Math.floor(rnd() * candidates.length)]!);
    chosenAll.push(...[...chosen].sort((a, b) => a - b));
    const rateOf = (d: number) => (chosen.has(d) || isoWeekday(d) === 5 ? 10 : 5);
    let runStart = first;
    for (let d = first; d <= last; d++) {
      if (d === last || rateOf(d + 1) !== rateOf(d)) {
        const rate = rateOf(d);
        const start = runStart * DAY;
        out.push({
          shopId,
          contractType: '活動加碼',
          remark: remarkFor(runStart, d, rate),
          start,
          end: d * DAY + DAY - 1000,
          types,
          productIds: types.map(() => null),
          baseRate,
          frontRate: rate,
          cps: 15,
          vendorBonus: 0,
          pointPrice,
          partnerPlan: '是',
          ...statusAndSubmission(rnd, start, PARTNER_STATUS),
        });
        runStart = d + 1;
      }
    }
  }
  const plan = months.length === 3 ? '季方案' : `${months[0]}月單月方案`;
  const submitted = months.length === 3 ? wallDay(2026, 3, 16) : wallDay(2026, months[0]! - 1, 14);
  const enrollment: EnrollmentRow = {
    brandName: `品牌${shopNo}`,
    shopId,
    contactEmail: `mkt${shopNo}@brand${shopNo}.example.com`,
    category: CATEGORIES[shopNo % CATEGORIES.length]!,
    plan,
    submittedAt: submitted + (9 + Math.floor(rnd() * 8)) * 3_600_000,
    siteExposure: exposure ? '是' : '否',
    ringData: allowance === 6 || !exposure ? '是' : '否',
    chosenDays: chosenAll.map(md).join('、'),
    baseCps: [5, 6, 8, 10][Math.floor(rnd() * 4)]!,
    baseRate,
    monthlyGmv: 100_000 * (1 + Math.floor(rnd() * 50)),
    heroImage: `${shopId}.jpg`,
  };
  return { contracts: out, enrollment };
}

/** Ordinary bonus campaigns of one shop, 2025-02 .. 2027-11, never overlapping. */
function regularShop(rnd: () => number, shopId: string, shopNo: number): Contract[] {
  const types = pick(rnd, PRODUCT_TYPE_SETS);
  const baseRate = [1, 1.5, 2, 2, 2, 3][Math.floor(rnd() * 6)]!;
  const cps = [5, 6, 8, 8, 10, 12][Math.floor(rnd() * 6)]!;
  const pointPrice = rnd() < 0.1 ? null : rnd() < 0.85 ? 1.2 : 1;
  const partnerPlan = rnd() < 0.7 ? null : '否';
  const out: Contract[] = [];
  let day = dayOf(wallDay(2025, 2, 3)) + Math.floor(rnd() * 60);
  const lastDay = dayOf(wallDay(2027, 11, 30));
  let n = 0;
  while (day < lastDay) {
    const len = 1 + Math.floor(rnd() * 14);
    const endDay = Math.min(day + len - 1, lastDay);
    const vendorBonus = [1, 2, 3, 4, 5, 6, 8][Math.floor(rnd() * 7)]!;
    const frontRate = baseRate + vendorBonus;
    const single = rnd() < 0.1;
    const start = day * DAY;
    const rowTypes = single ? [types[0]!, types[0]!] : types;
    out.push({
      shopId,
      contractType: single ? '單品加碼' : '活動加碼',
      remark: single ? `${md(day)}-${md(endDay)}_單品加碼${frontRate}%` : remarkFor(day, endDay, frontRate),
      start,
      end: endDay * DAY + DAY - 1000,
      types: rowTypes,
      productIds: single ? rowTypes.map((_, i) => `P${shopNo}${String(n).padStart(4, '0')}${i}`) : types.map(() => null),
      baseRate,
      frontRate,
      cps,
      vendorBonus,
      pointPrice,
      partnerPlan,
      ...statusAndSubmission(rnd, start),
    });
    n++;
    day = endDay + 1 + Math.floor(rnd() * 21);
  }
  return out;
}

/** Applies one realistic defect to a row (about 0.3 % of rows). */
function defect(rnd: () => number, row: ContractRow): void {
  switch (Math.floor(rnd() * 7)) {
    case 0:
      row.remark = `${row.remark}!!`;
      break;
    case 1:
      row.vendorBonus += 1;
      break;
    case 2:
      row.rebateCap = 0;
      break;
    case 3:
      row.frontRate = 150;
      break;
    case 4:
      row.end = row.start - 1000;
      break;
    case 5:
      row.cps = row.partnerPlan === '是' ? 12 : row.cps;
      row.remark = `${row.remark} (CPS)`;
      break;
    default:
      row.start -= 2 * DAY;
      break;
  }
}

/**
 * Exactly `count` contract rows, deterministic for a seed. `onEnrollment` receives the enrollment
 * of each partner shop whose contracts appear (wholly or partly) in the rows.
 */
export function* contractRows(count: number, seed = DEFAULT_SEED, onEnrollment?: (e: EnrollmentRow) => void): Generator<ContractRow> {
  const rnd = mulberry32(seed);
  let emitted = 0;
  for (let shopNo = 1; emitted < count; shopNo++) {
    const shopId = `shop_${String(shopNo).padStart(6, '0')}`;
    let contracts: Contract[];
    if (rnd() < 0.4) {
      const p = partnerShop(rnd, shopId, shopNo);
      contracts = p.contracts;
      onEnrollment?.(p.enrollment);
    } else {
      contracts = regularShop(rnd, shopId, shopNo);
    }
    for (const c of contracts) {
      for (let i = 0; i < c.types.length && emitted < count; i++) {
        const row: ContractRow = {
          shopId: c.shopId,
          contractType: c.contractType,
          remark: c.remark,
          start: c.start,
          end: c.end,
          productType: c.types[i]!,
          productId: c.productIds[i] ?? null,
          baseRate: c.baseRate,
          frontRate: c.frontRate,
          rebateCap: rnd() < 0.9 ? -1 : 1000 * (1 + Math.floor(rnd() * 50)),
          cps: c.cps,
          vendorBonus: c.vendorBonus,
          pointPrice: c.pointPrice,
          partnerPlan: c.partnerPlan,
          submittedAt: c.submittedAt,
          status: c.status,
        };
        if (rnd() < 0.003) defect(rnd, row);
        emitted++;
        yield row;
      }
    }
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** `2026/04/01 00:00:00` for a wall value. */
export function wallText(wall: number): string {
  const t = new Date(wall);
  return `${t.getUTCFullYear()}/${pad2(t.getUTCMonth() + 1)}/${pad2(t.getUTCDate())} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}`;
}

const percentFormat = (points: number) => (Number.isInteger(points) ? PERCENT_FORMAT : PERCENT_FORMAT_1);

/** The row as exceljs cell values (Date for dates, fractions for percents) and their formats. */
function xlsxValue(row: ContractRow, key: keyof ContractRow): { value: unknown; format?: string } {
  const v = row[key];
  if (v === null) return { value: null };
  if (DATE_KEYS.has(key)) return { value: new Date(v as number), format: DATE_FORMAT };
  if (PERCENT_KEYS.has(key)) return { value: Math.round((v as number) * 1000) / 100000, format: percentFormat(v as number) };
  return { value: v };
}

/** The row as CSV fields (dates `YYYY/MM/DD HH:mm:ss`, percents `15%`). */
export function csvFields(row: ContractRow): string[] {
  return KEYS.map((key) => {
    const v = row[key];
    if (v === null) return '';
    if (DATE_KEYS.has(key)) return wallText(v as number);
    if (PERCENT_KEYS.has(key)) return `${v}%`;
    return String(v);
  });
}

function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',') + '\r\n';
}

/**
 * The rules' model of one 加碼合約 tab holding the rows (what an xlsx reader would produce), and
 * optionally a 報名表 tab enrolling the partner shops among them (for the partner-conformance
 * rules, which need both).
 */
export function contractTable(count: number, seed = DEFAULT_SEED, enrollments?: EnrollmentRow[]): Table {
  const rows: (Cell | null)[][] = [HEADERS.map((h, c) => makeCell(h))];
  let r = 1;
  for (const row of contractRows(count, seed, enrollments ? (e) => enrollments.push(e) : undefined)) {
    const cells: (Cell | null)[] = [];
    KEYS.forEach((key, c) => {
      const v = row[key];
      if (v === null) {
        cells.push(null);
        return;
      }
      let value: CellValue;
      let text: string;
      let format: string | undefined;
      if (DATE_KEYS.has(key)) {
        value = { type: 'date', wall: v as number };
        text = wallText(v as number);
        format = DATE_FORMAT;
      } else if (PERCENT_KEYS.has(key)) {
        value = Math.round((v as number) * 1000) / 100000;
        text = `${v}%`;
        format = percentFormat(v as number);
      } else {
        value = v as string | number;
        text = String(v);
      }
      cells.push(makeCell(value, text, format));
    });
    rows.push(cells);
    r++;
  }
  return { name: CONTRACTS.names[0]!, rows };
}

/**
 * `table` in the shape the project's readers give the engine (validator/read/cell-values.ts and
 * table-builder.ts): equal cells are one object, and the tab is a columnar table (an id per
 * cell, a dictionary per column). The engine benchmark runs on this, the model `validate` checks.
 */
export function asReaderTable(table: Table): Table {
  const interned = new Map<string, Cell>();
  const builder = new ColumnarTableBuilder(table.name);
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      const v = cell.value;
      const key = `${v === null ? 'null' : typeof v === 'object' ? (v.type === 'date' ? `d${v.wall}` : `e${v.error}`) : `${typeof v}${String(v)}`}\u0000${cell.text}\u0000${cell.format ?? ''}`;
      let shared = interned.get(key);
      if (shared === undefined) {
        if (interned.size >= 65_536) interned.clear();
        shared = cell;
        interned.set(key, cell);
      }
      builder.set(r, c, shared);
    }),
  );
  return builder.build();
}

/** The 報名表 tab of the given enrollments, as real cells (dates, percent-formatted fractions). */
export function enrollmentTable(enrollments: readonly EnrollmentRow[]): Table {
  const def = ENROLLMENT.columns;
  const rows: (Cell | null)[][] = [def.map((c, i) => makeCell(c.zh))];
  enrollments.forEach((e, k) => {
    const r = k + 1;
    rows.push(
      def.map((c, i) => {
        const v = e[c.key as keyof EnrollmentRow];
        if (c.key === 'submittedAt') return makeCell({ type: 'date', wall: v as number }, wallText(v as number), DATE_FORMAT);
        if (c.type === 'percent') return makeCell((v as number) / 100, `${v}%`, PERCENT_FORMAT);
        return makeCell(v as string | number);
      }),
    );
  });
  return { name: ENROLLMENT.names[0]!, rows };
}

export interface DataSet {
  readonly rows: number;
  readonly seed: number;
  readonly xlsx: string;
  readonly csv: string;
  readonly xlsxBytes: number;
  readonly csvBytes: number;
  readonly reused: boolean;
  readonly generateMs: number;
}

/** Size label: 10000 → 10k, 1000000 → 1m. */
export function sizeLabel(rows: number): string {
  if (rows % 1_000_000 === 0) return `${rows / 1_000_000}m`;
  if (rows % 1000 === 0) return `${rows / 1000}k`;
  return String(rows);
}

/**
 * Writes (or reuses) `<dir>/contracts-<size>-s<seed>.xlsx` and `.csv`. A manifest next to them
 * records rows, seed and GENERATOR_VERSION; files are reused only when all three match.
 */
export async function ensureDataSet(dir: string, rows: number, seed = DEFAULT_SEED): Promise<DataSet> {
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `contracts-${sizeLabel(rows)}-s${seed}`);
  const manifestFile = `${base}.manifest.json`;
  const xlsx = `${base}.xlsx`;
  const csv = `${base}.csv`;
  if (existsSync(manifestFile) && existsSync(xlsx) && existsSync(csv)) {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { rows: number; seed: number; version: number; xlsxBytes: number; csvBytes: number };
    if (m.rows === rows && m.seed === seed && m.version === GENERATOR_VERSION) {
      return { rows, seed, xlsx, csv, xlsxBytes: m.xlsxBytes, csvBytes: m.csvBytes, reused: true, generateMs: 0 };
    }
  }
  const started = performance.now();
  await writeXlsx(`${xlsx}.tmp`, rows, seed);
  renameSync(`${xlsx}.tmp`, xlsx);
  await writeCsv(`${csv}.tmp`, rows, seed);
  renameSync(`${csv}.tmp`, csv);
  const { statSync } = await import('node:fs');
  const xlsxBytes = statSync(xlsx).size;
  const csvBytes = statSync(csv).size;
  writeFileSync(manifestFile, JSON.stringify({ rows, seed, version: GENERATOR_VERSION, xlsxBytes, csvBytes }, null, 2));
  return { rows, seed, xlsx, csv, xlsxBytes, csvBytes, reused: false, generateMs: Math.round(performance.now() - started) };
}

export async function writeXlsx(file: string, rows: number, seed = DEFAULT_SEED): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(CONTRACTS.names[0]!);
  ws.columns = CONTRACTS.columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow(HEADERS).commit();
  for (const row of contractRows(rows, seed)) {
    const r = ws.addRow(KEYS.map((k) => xlsxValue(row, k).value));
    KEYS.forEach((k, i) => {
      const f = xlsxValue(row, k).format;
      if (f) r.getCell(i + 1).numFmt = f;
    });
    r.commit();
  }
  ws.commit();
  await wb.commit();
}

export async function writeCsv(file: string, rows: number, seed = DEFAULT_SEED): Promise<void> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  // No BOM: tableschema-js would take it as part of the first header.
  await write(csvLine(HEADERS));
  let buf = '';
  for (const row of contractRows(rows, seed)) {
    buf += csvLine(csvFields(row));
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  out.end();
  await once(out, 'close');
}

// CLI: npx tsx bench/generate.ts --rows N [--seed S] [--out DIR]. (Matched by file name, not by
// import.meta.url: bundled into bench/measure.mjs, this module's URL is the bundle's.)
if (process.argv[1] && /[\\/]generate\.(ts|mjs)$/.test(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, dflt: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : dflt;
  };
  const ds = await ensureDataSet(arg('out', 'bench/data'), Number(arg('rows', '10000')), Number(arg('seed', String(DEFAULT_SEED))));
  process.stdout.write(JSON.stringify(ds) + '\n');
}
