/**
 * The example workbooks (templates/examples/): clean.xlsx has no violation of any severity on
 * 2026-03-20; mistakes.xlsx yields exactly the mistakes its cell notes label — the labels (rule
 * id + cell, read from the notes) and the violations (rule id + cell) are compared both ways.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_IDS, analyseWorkbook, validateWorkbook, type FileReport } from '../../rules/index';
import { readPictures } from '../../validator/pictures';
import { readXlsxBytes as readXlsxFull } from '../../validator/read/xlsx';
import { EXAMPLES_TODAY, mistakeRuleIds } from '../../templates/examples';
import { xlsxParts } from './helpers/xlsx-parts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TABS = ['報名表', '加碼合約', '鋪底合約', '環狀數據', '廣告素材', '爆殺驚喜', 'OA串接'];
const KINDS = ['enrollment', 'contracts', 'base-contracts', 'ring-data', 'ad-materials', 'flash-deals', 'oa-binding'];

/** Loads an example and checks it the way the CLI does: with the pictures written beside it. */
async function load(name: string) {
  const dir = path.join(root, 'templates/examples');
  const bytes = new Uint8Array(await readFile(path.join(dir, name)));
  const workbook = await readXlsxFull(bytes);
  const pictures = readPictures(analyseWorkbook(workbook), { besideDir: dir });
  return { bytes, workbook, pictures, report: validateWorkbook(workbook, { today: EXAMPLES_TODAY, path: name, pictures }) };
}

function describeViolations(report: FileReport): string {
  return report.violations.map((v) => `${v.ruleId} ${v.sheet}!${v.cell ?? `row ${v.row}`}: ${v.message}`).join('\n');
}

/** `rule sheet!cell` of every violation; a violation without a cell is keyed by its row. */
function violationKeys(report: FileReport): string[] {
  return report.violations.map((v) => `${v.ruleId} ${v.sheet}!${v.cell ?? `row${v.row ?? ''}`}`).sort();
}

function labelKeys(bytes: Uint8Array): string[] {
  const parts = xlsxParts(bytes);
  const out: string[] = [];
  for (const sheet of parts.sheetNames) for (const [ref, note] of parts.notes(sheet)) for (const id of mistakeRuleIds(note)) out.push(`${id} ${sheet}!${ref}`);
  return out.sort();
}

describe('templates/examples/clean.xlsx', () => {
  it('holds all seven tabs, recognised by kind', async () => {
    const { report } = await load('clean.xlsx');
    expect(report.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual(TABS.map((t, i) => [t, KINDS[i], 1]));
    expect(report.sheets.every((s) => s.rows > 0)).toBe(true);
    expect(report.meta.skippedRules).toEqual([]);
  });

  it(`has zero violations of any severity on ${EXAMPLES_TODAY}`, async () => {
    const { report } = await load('clean.xlsx');
    expect(report.violations, describeViolations(report)).toEqual([]);
  });

  it('carries no mistake labels', async () => {
    const { bytes } = await load('clean.xlsx');
    expect(labelKeys(bytes)).toEqual([]);
  });
});

describe('templates/examples/mistakes.xlsx', () => {
  it('holds the same seven tabs', async () => {
    const { report } = await load('mistakes.xlsx');
    expect(report.sheets.map((s) => s.name)).toEqual(TABS);
    expect(report.sheets.map((s) => s.kind)).toEqual(KINDS);
  });

  it('labels only rules that exist', async () => {
    const { bytes } = await load('mistakes.xlsx');
    const ids = [...new Set(labelKeys(bytes).map((k) => k.split(' ')[0]!))];
    expect(ids.filter((id) => !RULE_IDS.includes(id))).toEqual([]);
    // A broad tour: mistakes of every family.
    for (const family of ['cell/', 'sheet/', 'enrollment/', 'contract/', 'partner/', 'ring/', 'ad/', 'deal/', 'oa/', 'asset/']) expect(ids.some((id) => id.startsWith(family)), family).toBe(true);
  });

  it('labels every ad, deal, OA and picture rule (but deal/pinned-changed, which needs a baseline)', async () => {
    const { bytes } = await load('mistakes.xlsx');
    const ids = new Set(labelKeys(bytes).map((k) => k.split(' ')[0]!));
    const wanted = RULE_IDS.filter((id) => /^(ad|deal|oa|asset)\//.test(id) || ['enrollment/missing-hero-image', 'enrollment/hero-image-size', 'ring/no-oa-binding'].includes(id));
    expect(wanted.filter((id) => !ids.has(id))).toEqual(['deal/pinned-changed']);
  });

  it('yields exactly its labelled mistakes (rule id and cell, both directions)', async () => {
    const { bytes, report } = await load('mistakes.xlsx');
    const labels = labelKeys(bytes);
    const found = violationKeys(report);
    const unlabelled = found.filter((k, i) => found.indexOf(k) === i && found.filter((x) => x === k).length > labels.filter((x) => x === k).length);
    const unfound = labels.filter((k, i) => labels.indexOf(k) === i && labels.filter((x) => x === k).length > found.filter((x) => x === k).length);
    expect({ unlabelled, unfound }, describeViolations(report)).toEqual({ unlabelled: [], unfound: [] });
    expect(found).toEqual(labels);
  });
});
