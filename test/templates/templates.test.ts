/**
 * The committed templates (templates/*.xlsx) and examples (templates/examples/*.xlsx):
 * - not stale: regenerating them through the CLI's template command gives the same parts (sheet
 *   XML, styles, shared strings, notes, validations, document properties);
 * - read back by the validator's reader, each template is recognised as its kind with every
 *   column bound and no sheet/* problem;
 * - the saved XML carries the frozen header, widths, formats, notes and bounded dropdowns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { analyseWorkbook, templateSpecs, validateWorkbook, type TemplateSheetSpec } from '../../rules/index';
import { readXlsxBytes as readXlsxFull } from '../../validator/read/xlsx';
import { runTemplateCommand } from '../../validator/commands/template';
import { xlsxParts } from './helpers/xlsx-parts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMMITTED = [
  'enrollment.xlsx',
  'contracts.xlsx',
  'base-contracts.xlsx',
  'ring-data.xlsx',
  'examples/clean.xlsx',
  'examples/mistakes.xlsx',
];
const REGENERATE = 'npm run templates (or npx tsx scripts/gen-templates.ts)';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'partner-check-templates-'));
  const out: string[] = [];
  const code = await runTemplateCommand(['all', '--out', tmp], { stdout: (s) => out.push(s), stderr: (s) => out.push(s), lang: 'en' });
  if (code !== 0) throw new Error(`template all failed (${code}): ${out.join('')}`);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function bytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}

describe('committed templates are up to date', () => {
  for (const name of COMMITTED) {
    it(`templates/${name} matches a fresh generation`, async () => {
      const committed = xlsxParts(await bytes(path.join(root, 'templates', name)));
      const fresh = xlsxParts(await bytes(path.join(tmp, name)));
      const stale = `templates/${name} is stale against the column definitions; regenerate with ${REGENERATE}`;
      expect(committed.entries.map((e) => e.name), stale).toEqual(fresh.entries.map((e) => e.name));
      for (const e of fresh.entries) expect(committed.text(e.name), `${stale} (part ${e.name} differs)`).toBe(fresh.text(e.name));
    });
  }

  it('generation is deterministic: a second run gives identical bytes', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'partner-check-templates-'));
    try {
      const code = await runTemplateCommand(['all', '--out', again], { stdout: () => undefined, stderr: () => undefined });
      expect(code).toBe(0);
      for (const name of COMMITTED) expect(Buffer.compare(Buffer.from(await bytes(path.join(again, name))), Buffer.from(await bytes(path.join(tmp, name)))), name).toBe(0);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});

describe.each(templateSpecs().map((spec) => [spec.fileName, spec] as const))('template %s', (fileName, spec: TemplateSheetSpec) => {
  const file = path.join(root, 'templates', fileName);

  it('reads back as its kind with every column bound and no sheet problems', async () => {
    const workbook = await readXlsxFull(await bytes(file));
    expect(workbook.tables.map((t) => t.name)).toEqual([spec.sheetName, '說明']);
    const analysis = analyseWorkbook(workbook);
    expect(analysis.summaries[0]).toEqual({ name: spec.sheetName, kind: spec.kind, headerRow: 1, rows: 0 });
    const sheet = analysis.sheets.find((s) => s.name === spec.sheetName)!;
    expect([...sheet.columns.keys()]).toEqual(spec.columns.map((c) => c.key));
    for (const c of spec.columns) expect(sheet.columns.get(c.key)).toMatchObject({ index: c.index, header: c.header });
    expect(sheet.issues).toEqual([]);
    // The instructions tab is not mistaken for a data tab: it is only noted as an unknown tab.
    expect(analysis.tableIssues).toEqual([{ ruleId: 'workbook/unknown-sheet', sheet: '說明', data: { sheet: '說明' } }]);
    const report = validateWorkbook(workbook, { today: '2026-03-20' });
    expect(report.violations.map((v) => `${v.ruleId} ${v.sheet}`)).toEqual(['workbook/unknown-sheet 說明']);
  });

  it('saves bounded dropdowns, a frozen header row, widths and notes in the sheet XML', async () => {
    const parts = xlsxParts(await bytes(file));
    expect(parts.sheetNames).toEqual([spec.sheetName, '說明']);
    const xml = parts.sheetXml(spec.sheetName);
    const validations = [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
      sqref: /sqref="([^"]*)"/.exec(m[1]!)![1],
      type: /type="([^"]*)"/.exec(m[1]!)?.[1],
      formula: /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2]!)?.[1],
    }));
    const dropdowns = spec.columns.filter((c) => c.dropdown);
    expect(validations).toEqual(
      dropdowns.map((c) => ({ sqref: `${c.letter}2:${c.letter}2000`, type: 'list', formula: `&quot;${c.dropdown!.values.join(',')}&quot;` })),
    );
    for (const v of validations) {
      expect(v.sqref).toMatch(/^[A-Z]+2:[A-Z]+2000$/);
      expect(v.sqref).not.toMatch(/^[A-Z]+:[A-Z]+$|1048576/);
    }
    expect(xml).not.toMatch(/sqref="[A-Z]+:[A-Z]+"|sqref="[A-Z]+\d*:[A-Z]+1048576"/);
    expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    const notes = parts.notes(spec.sheetName);
    expect([...notes.keys()]).toEqual(spec.columns.map((c) => `${c.letter}1`));
    for (const c of spec.columns) expect(notes.get(`${c.letter}1`)).toBe(c.note);
    // Note boxes are sized for their text (exceljs alone opens each as a 2×4-cell box).
    const vml = parts.entries.find((e) => /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(e.name))!;
    const shapes = new TextDecoder().decode(vml.data).match(/<v:shape [\s\S]*?<\/v:shape>/g)!;
    expect(shapes).toHaveLength(spec.columns.length);
    for (const shape of shapes) {
      expect(shape).toContain('width:255pt;');
      const [left, , top, , right, , bottom] = /<x:Anchor>([^<]*)<\/x:Anchor>/.exec(shape)![1]!.split(',').map(Number);
      expect(right! - left!).toBeGreaterThanOrEqual(1); // at least one more column (wide URL columns need fewer)
      expect(bottom! - top!).toBeGreaterThanOrEqual(5);
    }
  });

  it('has the header, widths and number formats cell by cell (exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await bytes(file)) as unknown as ExcelJS.Buffer);
    expect(wb.creator).toBe('partner-check');
    expect(wb.created.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const ws = wb.getWorksheet(spec.sheetName)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const c of spec.columns) {
      const cell = ws.getCell(1, c.index + 1);
      expect(cell.value).toBe(c.header);
      expect(cell.alignment?.wrapText).toBe(true);
      const col = ws.getColumn(c.index + 1);
      expect(col.width).toBe(c.width);
      expect(col.numFmt ?? null).toBe(c.numberFormat);
    }
    const ins = wb.getWorksheet('說明')!;
    const rows: string[][] = [];
    ins.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    for (const r of spec.instructions.rows) {
      const hit = rows.find((x) => x[0] === r.column && x[1] === r.columnEn);
      expect(hit, r.column).toBeDefined();
      expect(hit!.slice(2, 7)).toEqual([r.requirement['zh-TW'], r.format['zh-TW'], r.help['zh-TW'], r.example, r.options]);
      expect(hit![7]).toContain(r.help.en);
    }
  });
});
