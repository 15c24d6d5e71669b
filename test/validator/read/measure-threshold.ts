/**
 * Measures the full and the streaming xlsx reader on generated enrollment-like workbooks of
 * growing size, to choose STREAM_THRESHOLD_BYTES (validator/read/stream-threshold.ts): time, peak RSS, and
 * the smallest V8 heap (--max-old-space-size, the knob the reader worker's resourceLimits set)
 * under which the read still succeeds. Each read runs in a fresh Node process so its numbers
 * are its own. Files go to a temp dir and are deleted.
 *
 *   npx tsx test/validator/read/measure-threshold.ts [rows…]      (default 5000 20000 50000 100000)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { readXlsxFull, readXlsxStream } from '../../../validator/read/xlsx';

const self = fileURLToPath(import.meta.url);

async function writeWorkbook(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('報名表');
  ws.addRow(['品牌名稱', '商店代碼', '聯絡信箱', '品類', '方案', '報名時間', '官網/社群曝光', '環狀數據', '任選日', '原CPS%', '鋪底回饋%', '預估月業績', '形象圖']).commit();
  const categories = ['美食保健', '美妝保養', '居家生活', '流行服飾配件', '其他'];
  for (let i = 0; i < rows; i++) {
    const row = ws.addRow([
      `品牌${i}`,
      `shop_${i}`,
      `mkt${i}@example.com`,
      categories[i % 5],
      i % 3 ? '季方案' : '5月單月方案',
      new Date(Date.UTC(2026, 2, 1 + (i % 20), 10, 0, 0)),
      i % 2 ? '是' : '否',
      i % 4 ? '是' : '否',
      '4/1、4/14、5/5',
      0.08,
      0.02,
      100000 + i,
      `img${i}.jpg`,
    ]);
    row.getCell(6).numFmt = 'yyyy/m/d hh:mm:ss';
    row.getCell(10).numFmt = '0%';
    row.getCell(11).numFmt = '0%';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

async function measureOne(reader: 'full' | 'stream', file: string): Promise<void> {
  const started = performance.now();
  const workbook = reader === 'full' ? await readXlsxFull(readFileSync(file)) : await readXlsxStream(file);
  const ms = performance.now() - started;
  const cells = workbook.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.length, 0), 0);
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cells }));
}

const HEAP_LADDER_MB = [64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536];

/** One read in a child process, optionally under a heap limit; null when it fails (OOM). */
function run(reader: 'full' | 'stream', file: string, heapMb?: number): { ms: number; maxRssMb: number } | null {
  const args = [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), '--import', 'tsx', self, '--measure', reader, file];
  try {
    return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') {
    await measureOne(process.argv[3] as 'full' | 'stream', process.argv[4]);
    return;
  }
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'partner-check-measure-'));
  try {
    for (const rows of sizes.length ? sizes : [5000, 20000, 50000, 100000]) {
      const file = path.join(dir, `rows-${rows}.xlsx`);
      await writeWorkbook(file, rows);
      const mb = (statSync(file).size / 1024 / 1024).toFixed(2);
      for (const reader of ['full', 'stream'] as const) {
        const r = run(reader, file);
        if (!r) throw new Error(`${reader} failed on ${file} with the default heap`);
        const minHeap = HEAP_LADDER_MB.find((mb) => run(reader, file, mb) !== null);
        console.log(
          `${rows} rows, ${mb} MB: ${reader.padEnd(6)} ${String(r.ms).padStart(6)} ms, peak RSS ${r.maxRssMb} MB, ` +
            `needs --max-old-space-size ${minHeap ?? `> ${HEAP_LADDER_MB.at(-1)}`} MB`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
