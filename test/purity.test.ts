/**
 * rules/ is pure: it bundles for Apps Script (ES2019, no Node, no globals of a host), never reads
 * the clock, and never imports I/O. Enforced on the source and on the bundle.
 */
import { describe, it, expect } from 'vitest';
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('rules/ purity', () => {
  it('no source file imports Node, exceljs or Apps Script, or reads the clock', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(path.join(root, 'rules'))) {
      const src = readFileSync(file, 'utf8');
      const bad = [
        /from ['"](node:[^'"]+|fs|path|os|child_process|worker_threads|exceljs|url|crypto)['"]/,
        /\brequire\(/,
        /\bprocess\./,
        /\b(SpreadsheetApp|Utilities|HtmlService|PropertiesService|Session)\./,
        /Date\.now\(/,
        /new Date\(\)/,
      ].filter((re) => re.test(src));
      if (bad.length) offenders.push(`${path.relative(root, file)}: ${bad.map(String).join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('bundles to an ES2019 script with no Node references', async () => {
    const out = await build({
      absWorkingDir: root,
      entryPoints: ['rules/index.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'Rules',
      platform: 'neutral',
      target: 'es2019',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bprocess\./);
    expect(code).not.toMatch(/["']node:/);
    // The bundle runs in a bare V8 context (like Apps Script) and validates a workbook there.
    const { runInNewContext } = await import('node:vm');
    const sandbox: Record<string, unknown> = { result: null };
    runInNewContext(`${code}\nthis.result = Rules.validateWorkbook({ tables: [Rules.tableFromValues('報名表', [['品牌名稱','商店代碼'], ['x','bad id']])] }, { today: '2026-03-20' }).violations.map(v => v.ruleId);`, sandbox);
    expect(sandbox['result']).toContain('enrollment/invalid-shop-id');
  });
});
