/**
 * The templates open in a real spreadsheet application: LibreOffice converts each to CSV and
 * the CSV starts with the two-line header row. The clean example also shows that the number
 * formats render as intended (dates as yyyy/mm/dd hh:mm:ss, percents as 8%).
 *
 * LibreOffice is required, not optional: `npm test` installs it when missing
 * (scripts/test-tools.mjs; SOFFICE_PATH overrides where it is), and without it this test fails
 * with a message saying so. Each run
 * uses its own temporary LibreOffice profile, so parallel runs do not clash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { templateSpecs } from '../../rules/index';
import { requireTool } from '../../scripts/test-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TIMEOUT_MS = 90_000;
const FILES = [...templateSpecs().map((s) => path.join(root, 'templates', s.fileName)), path.join(root, 'templates/examples/clean.xlsx')];

/** Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

let outDir: string;
let conversion: { code: number | null; output: string };

beforeAll(async () => {
  const soffice = requireTool('soffice');
  const probe = spawnSync(soffice, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) throw new Error(`LibreOffice (${soffice}) could not be run: ${probe.error.message}`);
  outDir = await mkdtemp(path.join(tmpdir(), 'partner-check-lo-'));
  const profile = pathToFileURL(path.join(outDir, 'profile')).href;
  conversion = await new Promise((resolve, reject) => {
    // 44,34,76: comma-separated, double-quoted, UTF-8.
    const child = spawn(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, ...FILES], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`soffice did not finish within ${TIMEOUT_MS / 1000} s:\n${output}`));
    }, TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}, TIMEOUT_MS + 30_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function csvOf(file: string): Promise<string[][]> {
  const csv = path.join(outDir, `${path.basename(file, '.xlsx')}.csv`);
  expect(existsSync(csv), `LibreOffice wrote no ${path.basename(csv)}:\n${conversion.output}`).toBe(true);
  return parseCsv(await readFile(csv, 'utf8'));
}

describe('LibreOffice opens the templates', () => {
  it('converts every file successfully', () => {
    expect(conversion.code, conversion.output).toBe(0);
  });

  for (const spec of templateSpecs()) {
    it(`${spec.fileName}: the CSV starts with the header row`, async () => {
      const rows = await csvOf(path.join(root, 'templates', spec.fileName));
      expect(rows[0]).toEqual(spec.columns.map((c) => c.header));
      expect(rows.slice(1).every((r) => r.every((f) => f === ''))).toBe(true);
    });
  }

  it('examples/clean.xlsx: dates, percents and amounts render with the template formats', async () => {
    const rows = await csvOf(path.join(root, 'templates/examples/clean.xlsx'));
    const enrollment = templateSpecs()[0]!;
    expect(rows[0]).toEqual(enrollment.columns.map((c) => c.header));
    const col = (key: string) => enrollment.columns.find((c) => c.key === key)!.index;
    const goodday = rows.find((r) => r[col('shopId')] === 'goodday_food')!;
    expect(goodday[col('submittedAt')]).toBe('2026/03/18 10:30:00');
    expect(goodday[col('baseCps')]).toBe('8%');
    expect(goodday[col('monthlyGmv')]).toBe('1,200,000');
    expect(goodday[col('chosenDays')]).toMatch(/^4\/1、4\/4、/);
  });
});
