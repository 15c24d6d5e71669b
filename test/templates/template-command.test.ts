/**
 * `partner-check template …` (validator/commands/template.ts): which files it writes, its usage
 * errors and exit codes, both io styles (plain functions and the CLI's stream-like io), and the
 * CLI's dispatch to it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTemplateCommand } from '../../validator/commands/template';
import { main } from '../../validator/cli';
import { CAMPAIGN_2026_Q2 } from '../../rules/index';
import { xlsxParts } from './helpers/xlsx-parts';
import { readFile } from 'node:fs/promises';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'partner-check-template-cmd-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(lang?: 'zh-TW' | 'en') {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), ...(lang ? { lang } : {}) } };
}

async function files(d: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await files(path.join(d, e.name))).map((f) => `${e.name}/${f}`));
    else out.push(e.name);
  }
  return out.sort();
}

describe('runTemplateCommand', () => {
  it('all: writes the seven templates and the examples', async () => {
    const c = capture('en');
    expect(await runTemplateCommand(['all', '--out', dir], c.io)).toBe(0);
    expect(await files(dir)).toEqual(['ad-materials.xlsx', 'base-contracts.xlsx', 'contracts.xlsx', 'enrollment.xlsx', 'examples/bloom-800x800.png', 'examples/clean.xlsx', 'examples/cozyhome-1080x1080.jpg', 'examples/cozyhome-800x800.jpg', 'examples/goodday-800x800.jpg', 'examples/goodday-card-501x816.jpg', 'examples/goodday-card-800x800.jpg', 'examples/goodday-card-big.png', 'examples/goodday-card-export.jpg', 'examples/mistakes.xlsx', 'examples/pineapple-cake-600.webp', 'examples/sun-cake-1000x800.png', 'examples/trendy-card-501x816.png', 'examples/trendy-closet.png', 'flash-deals.xlsx', 'oa-binding.xlsx', 'ring-data.xlsx']);
    expect(c.out.join('')).toMatch(/^wrote .*enrollment\.xlsx$/m);
    expect(c.err).toEqual([]);
  });

  it('all --no-examples and a single kind write only templates', async () => {
    expect(await runTemplateCommand(['all', '--no-examples', '--out', dir], capture().io)).toBe(0);
    expect(await files(dir)).toEqual(['ad-materials.xlsx', 'base-contracts.xlsx', 'contracts.xlsx', 'enrollment.xlsx', 'flash-deals.xlsx', 'oa-binding.xlsx', 'ring-data.xlsx']);
    const one = path.join(dir, 'one');
    const c = capture();
    expect(await runTemplateCommand(['ring-data', `--out=${one}`], c.io)).toBe(0);
    expect(await files(one)).toEqual(['ring-data.xlsx']);
    expect(c.out.join('')).toMatch(/^已產生 .*ring-data\.xlsx$/m);
  });

  it('prints help in the language asked for', async () => {
    const c = capture();
    expect(await runTemplateCommand(['--help', '--lang', 'en'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('Usage: partner-check template');
    const z = capture();
    expect(await runTemplateCommand(['-h'], z.io)).toBe(0);
    expect(z.out.join('')).toContain('用法：partner-check template');
  });

  it('reports misuse with exit code 2', async () => {
    for (const args of [['quarterly'], ['enrollment', 'contracts'], ['enrollment', '--no-examples'], ['--bogus'], ['all', '--out'], ['all', '--lang', 'fr']]) {
      const c = capture('en');
      expect(await runTemplateCommand([...args], c.io), args.join(' ')).toBe(2);
      expect(c.err.join(''), args.join(' ')).toMatch(/^partner-check: .+\nRun partner-check template --help for usage\.\n$/);
      expect(c.out).toEqual([]);
    }
  });

  it('exits 2 when the output folder cannot be written', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const c = capture('en');
    expect(await runTemplateCommand(['enrollment', '--out', path.join(blocker, 'sub')], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/^partner-check: Could not write to /);
  });

  it('takes the plan dropdown from --campaign, and rejects a broken campaign file', async () => {
    const campaignFile = path.join(dir, 'campaign.json');
    await writeFile(campaignFile, JSON.stringify({ ...CAMPAIGN_2026_Q2, plans: [{ ...CAMPAIGN_2026_Q2.plans[0], label: 'Q2季方案' }] }));
    expect(await runTemplateCommand(['enrollment', '--campaign', campaignFile, '--out', dir], capture().io)).toBe(0);
    const xml = xlsxParts(new Uint8Array(await readFile(path.join(dir, 'enrollment.xlsx')))).sheetXml('報名表');
    expect(xml).toContain('<formula1>&quot;Q2季方案&quot;</formula1>');
    await writeFile(campaignFile, JSON.stringify({ ...CAMPAIGN_2026_Q2, period: { start: '2026-04-01', end: '2025-06-30' } }));
    const c = capture('en');
    expect(await runTemplateCommand(['enrollment', '--campaign', campaignFile, '--out', dir], c.io)).toBe(2);
    expect(c.err.join('')).toContain('2025-06-30');
  });

  it('accepts the CLI io (stream-like writers) through partner-check main()', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {}, now: () => 0 };
    expect(await main(['template', 'contracts', '--out', dir, '--lang', 'en'], io)).toBe(0);
    expect(await files(dir)).toEqual(['contracts.xlsx']);
    expect(out.join('')).toMatch(/^wrote .*contracts\.xlsx$/m);
    expect(err).toEqual([]);
  });

  it('refuses to replace an existing file without --force, writing nothing (exit 2)', async () => {
    await writeFile(path.join(dir, 'enrollment.xlsx'), 'a 115-row schedule');
    const c = capture('en');
    expect(await runTemplateCommand(['all', '--out', dir], c.io)).toBe(2);
    expect(await files(dir)).toEqual(['enrollment.xlsx']);
    expect(await readFile(path.join(dir, 'enrollment.xlsx'), 'utf8')).toBe('a 115-row schedule');
    expect(c.out).toEqual([]);
    expect(c.err.join('')).toBe(`partner-check: Not overwriting ${path.relative(process.cwd(), path.join(dir, 'enrollment.xlsx'))} (already there); nothing was written. Add --force to replace.\n`);
    const zh = capture();
    expect(await runTemplateCommand(['enrollment', '--out', dir], zh.io)).toBe(2);
    expect(zh.err.join('')).toBe(`partner-check: ${path.relative(process.cwd(), path.join(dir, 'enrollment.xlsx'))} 已存在，未寫入任何檔案；要覆寫請加上 --force。\n`);
  });

  it('replaces existing files with --force', async () => {
    await writeFile(path.join(dir, 'enrollment.xlsx'), 'old');
    const c = capture('en');
    expect(await runTemplateCommand(['enrollment', '--out', dir, '--force'], c.io)).toBe(0);
    expect((await readFile(path.join(dir, 'enrollment.xlsx'))).subarray(0, 2).toString()).toBe('PK');
  });
});
