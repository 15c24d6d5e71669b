import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { unreadableFileReport, buildReport } from '../../../rules/index';
import { formatJunit } from '../../../validator/format/junit';
import type { CliReport } from '../../../validator/format/types';
import { sampleFile } from './sample';

function parse(xml: string): { suites: string[]; cases: string[]; failures: number } {
  const out = { suites: [] as string[], cases: [] as string[], failures: 0 };
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'testsuite') out.suites.push(String(tag.attributes['name']));
    if (tag.name === 'testcase') out.cases.push(String(tag.attributes['name']));
    if (tag.name === 'failure') out.failures++;
  });
  parser.write(xml).close();
  return out;
}

describe('formatJunit', () => {
  it('is well-formed XML even with control characters and markup in the data', () => {
    const broken = unreadableFileReport('bad "file" <1>\u0007.xlsx', { 'zh-TW': '壞掉\u0000了 & <x>', en: 'broken' }, 'zh-TW');
    const report = buildReport('2026-Q2', [sampleFile('ok.xlsx'), broken]) as CliReport;
    const xml = formatJunit(report, { lang: 'zh-TW' });
    const parsed = parse(xml);
    expect(parsed.suites).toEqual(['bad "file" <1>\uFFFD.xlsx', 'ok.xlsx']);
    expect(parsed.cases).toEqual(['（整個檔案）', '報名表', 'Notes & <stuff>']);
    expect(parsed.failures).toBe(2);
    expect(xml).toMatch(/<testsuites name="partner-check" tests="3" failures="2"/);
  });
});
