import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../validator/format/json';
import { compareWithPrevious, previousReportFromJson } from '../../../validator/baseline';
import { sampleReport } from './sample';

describe('formatJson', () => {
  const report = sampleReport();
  const text = formatJson(report, { lang: 'zh-TW' });
  const json = JSON.parse(text);

  it('puts the SPEC §7 fields first, in order', () => {
    expect(Object.keys(json)).toEqual(['tool', 'version', 'campaign', 'files', 'summary']);
    expect(Object.keys(json.files[0]).slice(0, 4)).toEqual(['path', 'error', 'sheets', 'violations']);
    const withBoth = json.files[0].violations.find((v: { suggestion?: unknown; value?: unknown }) => v.suggestion && v.value);
    expect(Object.keys(withBoth).slice(0, 9)).toEqual(['ruleId', 'severity', 'sheet', 'row', 'column', 'cell', 'message', 'value', 'suggestion']);
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['a & <b>.xlsx', 'b.xlsx']);
  });

  it('is deterministic', () => {
    expect(formatJson(sampleReport(), { lang: 'zh-TW' })).toBe(text);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('adds status, resolved and comparison after a --baseline comparison', () => {
    const prev = previousReportFromJson(json);
    if (prev.kind !== 'ok') throw new Error(prev.kind);
    const { files, comparison } = compareWithPrevious(report.files, prev.report);
    const out = JSON.parse(formatJson({ ...report, files, comparison }, { lang: 'en' }));
    expect(Object.keys(out)).toEqual(['tool', 'version', 'campaign', 'files', 'summary', 'comparison']);
    expect(out.files[0].violations.every((v: { status: string }) => v.status === 'open')).toBe(true);
    expect(out.files[0].resolved).toEqual([]);
  });
});
