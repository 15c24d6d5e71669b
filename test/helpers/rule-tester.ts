/**
 * A RuleTester in the style of ESLint's: tables of valid and invalid cases; each invalid case
 * lists the exact problems the rule must report (rule id, row, cell, and optionally messageId,
 * data, suggestion). Only the rule under test is looked at, so other rules' findings never make a
 * case pass or fail; a rule missing from the registry fails every invalid case.
 */
import { describe, it, expect } from 'vitest';
import { RULES_BY_ID, validateWorkbook, type Table, type ValidateOptions, type ReportViolation } from '../../rules/index.js';

export interface ExpectedProblem {
  readonly row: number | null;
  readonly cell: string | null;
  readonly messageId?: string;
  readonly data?: Record<string, string | number>;
  readonly suggestion?: string;
  readonly sheet?: string;
  readonly column?: string | null;
}

export interface Case {
  readonly name: string;
  readonly tables: readonly Table[];
  readonly options?: Partial<ValidateOptions>;
}

export interface InvalidCase extends Case {
  readonly problems: readonly ExpectedProblem[];
}

export function runRule(ruleId: string, c: Case): ReportViolation[] {
  const report = validateWorkbook({ tables: c.tables }, { today: '2026-03-20', ...c.options });
  return report.violations.filter((v) => v.ruleId === ruleId);
}

function shape(v: ReportViolation, e: ExpectedProblem) {
  const out: Record<string, unknown> = { row: v.row, cell: v.cell };
  if (e.messageId !== undefined) out['messageId'] = v.messageId;
  if (e.data !== undefined) out['data'] = Object.fromEntries(Object.keys(e.data).map((k) => [k, v.data[k]]));
  if (e.suggestion !== undefined) out['suggestion'] = v.suggestion?.value;
  if (e.sheet !== undefined) out['sheet'] = v.sheet;
  if (e.column !== undefined) out['column'] = v.column;
  return out;
}

export function ruleTester(ruleId: string, cases: { valid: readonly Case[]; invalid: readonly InvalidCase[] }): void {
  describe(ruleId, () => {
    it('is registered', () => {
      expect(RULES_BY_ID.has(ruleId)).toBe(true);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(ruleId, c)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = runRule(ruleId, c);
        expect(got.length, JSON.stringify(got.map((v) => [v.row, v.cell, v.message]))).toBe(c.problems.length);
        got.forEach((v, i) => {
          const e = c.problems[i]!;
          const want: Record<string, unknown> = { row: e.row, cell: e.cell };
          if (e.messageId !== undefined) want['messageId'] = e.messageId;
          if (e.data !== undefined) want['data'] = e.data;
          if (e.suggestion !== undefined) want['suggestion'] = e.suggestion;
          if (e.sheet !== undefined) want['sheet'] = e.sheet;
          if (e.column !== undefined) want['column'] = e.column;
          expect(shape(v, e)).toEqual(want);
          // Every message renders in both languages without leftover placeholders.
          expect(v.message).not.toMatch(/\{\w+\}/);
          const en = validateWorkbook({ tables: c.tables }, { today: '2026-03-20', ...c.options, lang: 'en' }).violations.filter((x) => x.ruleId === ruleId)[i]!;
          expect(en.message).not.toMatch(/\{\w+\}/);
          expect(en.message).not.toBe(v.message);
        });
      });
    }
  });
}
