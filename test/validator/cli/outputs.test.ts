/**
 * Report outputs through the CLI: --out writes atomically (same bytes as stdout, no temporary
 * file left, an old report replaced), --format html is self-contained and escapes every value
 * from the file, --format junit is well-formed XML with one testcase per file and sheet.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_ENROLLMENT, ENROLLMENT_HEADER, FIXTURES, runCli, tempDir, writeWorkbook, type CliRun } from './helpers';

const tmp = tempDir();
const hostile = path.join(tmp.dir, 'hostile.xlsx');
const outDir = path.join(tmp.dir, 'reports');
const outFile = path.join(outDir, 'report.json');
const TODAY = ['--today', '2026-03-20'];
const partnerWorkbook = path.join(FIXTURES, 'libreoffice', 'partner-workbook.xlsx');

let stdoutRun: CliRun;
let outRun: CliRun;
let html: CliRun;
let junit: CliRun;

beforeAll(async () => {
  await writeWorkbook(hostile, {
    報名表: [
      ENROLLMENT_HEADER,
      ['<script>alert("brand")</script>', '<img src=x onerror=alert(1)>', 'a@b.example.com', '美食保健', '季方案', '2026/3/20 10:00', '是', '否', '4/1、4/14、4/22、5/5、5/12、5/19、6/2、6/9、6/16', '8%', '2%', 1000],
      ...CLEAN_ENROLLMENT.slice(1),
    ],
    '<i onmouseover=x>tab': [['"quoted" & <tagged>']],
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(outFile, '{"old": true}\n');
  [stdoutRun, outRun, html, junit] = await Promise.all([
    runCli(['validate', partnerWorkbook, '--format', 'json', ...TODAY]),
    runCli(['validate', partnerWorkbook, '--format', 'json', '--out', outFile, ...TODAY]),
    runCli(['validate', hostile, partnerWorkbook, '--format', 'html', ...TODAY]),
    runCli(['validate', hostile, partnerWorkbook, '--format', 'junit', ...TODAY]),
  ]);
});

afterAll(() => tmp.cleanup());

describe('--out', () => {
  it('writes the same bytes as stdout, replaces the old report and leaves no temporary file', () => {
    expect(outRun.code).toBe(1);
    expect(outRun.stdout).toBe('');
    expect(readFileSync(outFile, 'utf8')).toBe(stdoutRun.stdout);
    expect(readdirSync(outDir)).toEqual(['report.json']);
  });
});

describe('--format html', () => {
  const page = () => html.stdout;

  it('is one self-contained page: no external resources, a CSP that forbids them', () => {
    expect(html.code).toBe(1);
    expect(page()).toMatch(/^<!DOCTYPE html>/);
    expect(page()).toContain(`content="default-src 'none'`);
    expect(page()).not.toMatch(/<(script|img|link|iframe)[^>]*\s(src|href)=/i);
    expect(page()).not.toMatch(/url\(/);
  });

  it('escapes every value from the file', () => {
    expect(page()).not.toContain('<script>alert');
    expect(page()).not.toContain('<img src=x');
    expect(page()).not.toContain('<i onmouseover');
    expect(page()).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page()).toContain('&lt;i onmouseover=x&gt;tab');
    // Only the page's own two script blocks exist.
    expect(page().match(/<script/g)).toHaveLength(2);
  });

  it('has the summary, the filterable violations table and the month grids Monday first', () => {
    expect(page()).toContain('id="f-sev"');
    expect(page()).toContain('id="f-rule"');
    expect(page()).toMatch(/data-severity="error" data-rule="partner\/missing-day"/);
    const grid = /<table class="cal"[^>]*>.*?<\/thead>/s.exec(page())![0];
    const heads = [...grid.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual(['週一', '週二', '週三', '週四', '週五', '週六', '週日']);
    expect(page()).toContain('data-date="2026-05-01" data-rate="10"');
    expect(page()).toMatch(/class="rate-high friday holiday off" data-date="2026-05-01"/);
    expect(page()).toMatch(/class="rate-low daily off" data-date="2026-05-02" data-rate="5"/);
    expect(page()).toContain('<span class="hol">勞動節</span>');
  });
});

describe('--format junit', () => {
  it('is well-formed XML with one testcase per file and sheet', () => {
    expect(junit.code).toBe(1);
    const cases: string[] = [];
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      if (tag.name === 'testcase') cases.push(String(tag.attributes['name']));
    });
    parser.write(junit.stdout).close();
    // Files are reported in path order; where the temp dir sorts depends on the machine.
    const hostileCases = ['報名表', '<i onmouseover=x>tab'];
    const fixtureCases = ['報名表', '加碼合約', '鋪底合約', '環狀數據'];
    const hostileFirst = path.resolve(hostile) < path.resolve(partnerWorkbook);
    expect(cases).toEqual(hostileFirst ? [...hostileCases, ...fixtureCases] : [...fixtureCases, ...hostileCases]);
    expect(junit.stdout).toContain('<failure message=');
  });
});
