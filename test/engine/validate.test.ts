import { describe, it, expect } from 'vitest';
import { validateWorkbook, RULE_IDS } from '../../rules/index.js';
import { kindTable, enrollmentRow } from '../helpers/tables.js';
import { jpg, pictures } from '../helpers/pictures.js';

/** The helper row's hero image, at hand and 800×800 (as the CLI would read it beside the file). */
const HERO = pictures({ 'goodday.jpg': jpg(800, 800) });

describe('validateWorkbook', () => {
  it('a clean enrollment has no violations at all', () => {
    const r = validateWorkbook({ tables: [kindTable('enrollment', [enrollmentRow()])] }, { today: '2026-03-20', ...HERO });
    expect(r.violations).toEqual([]);
    expect(r.counts).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(r.sheets).toEqual([{ name: '報名表', kind: 'enrollment', headerRow: 1, rows: 1 }]);
  });

  it('severities are set by config, like ESLint (off / info / warning / error)', () => {
    const tables = [kindTable('enrollment', [enrollmentRow({ baseCps: '16%', shopId: 'bad id' })])];
    const ids = (sev: Record<string, 'off' | 'info' | 'warning' | 'error'>) =>
      validateWorkbook({ tables }, { today: '2026-03-20', severities: sev, ...HERO }).violations.map((v) => [v.ruleId, v.severity]);
    expect(ids({})).toEqual([
      ['enrollment/invalid-shop-id', 'error'],
      ['enrollment/base-cps-at-or-above-partner', 'warning'],
    ]);
    expect(ids({ 'enrollment/invalid-shop-id': 'off', 'enrollment/base-cps-at-or-above-partner': 'error' })).toEqual([
      ['enrollment/base-cps-at-or-above-partner', 'error'],
    ]);
  });

  it('orders violations by sheet, row, column, rule id — deterministically', () => {
    const tables = [
      kindTable('enrollment', [
        enrollmentRow({ shopId: 'x y', contactEmail: 'bad@@x', baseCps: '16%' }),
        enrollmentRow({ shopId: 'other', plan: '4月', chosenDays: null }),
      ]),
    ];
    const a = validateWorkbook({ tables }, { today: '2026-03-20', ...HERO });
    const b = validateWorkbook({ tables }, { today: '2026-03-20', ...HERO });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.violations.map((v) => `${v.row}:${v.cell}:${v.ruleId}`)).toEqual([
      '2:B2:enrollment/invalid-shop-id',
      '2:C2:cell/invalid-email',
      '2:J2:enrollment/base-cps-at-or-above-partner',
      '3:E3:enrollment/unknown-plan',
    ]);
  });

  it('renders in English on request; every violation carries its message id and data', () => {
    const tables = [kindTable('enrollment', [enrollmentRow({ plan: '4月單月方案' })])];
    const en = validateWorkbook({ tables }, { today: '2026-03-20', lang: 'en', ...HERO }).violations;
    expect(en.map((v) => v.message)).toEqual(['"4月單月方案" is not a plan of this campaign; choose one of: 季方案 (Quarter plan (Apr–Jun)), 5月單月方案 (May monthly plan), 6月單月方案 (June monthly plan).']);
    expect(en[0]).toMatchObject({ messageId: 'default', data: { plan: '4月單月方案' }, column: '方案', value: '4月單月方案' });
  });

  it('lists rules skipped for a missing tab once, in metadata, not as violations', () => {
    const r = validateWorkbook({ tables: [kindTable('enrollment', [enrollmentRow()])] }, { today: '2026-03-20' });
    const skipped = r.meta.skippedRules.map((s) => s.ruleId);
    for (const id of skipped) expect(RULE_IDS).toContain(id);
    expect(r.meta.skippedRules.every((s) => s.missing.length > 0 && !s.missing.includes('enrollment'))).toBe(true);
  });

  it('never throws on hostile cell values', () => {
    const weird = ['\u0000', '=1+1', '😀'.repeat(1000), { type: 'error', error: '#DIV/0!' }, Number.NaN, Infinity, -0, true, { type: 'date', wall: Number.NaN }];
    const rows = weird.map((w) => Object.fromEntries(Object.keys(enrollmentRow()).map((k) => [k, w])));
    expect(() => validateWorkbook({ tables: [kindTable('enrollment', rows as never)] }, { today: '2026-03-20' })).not.toThrow();
  });
});
