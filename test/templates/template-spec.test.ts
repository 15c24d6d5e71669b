/**
 * rules/template-spec.ts: every template column comes from the column definitions and the
 * campaign — headers the rules' header matcher recognises, dropdowns over a bounded range with the
 * values the rules accept, number formats that parse back as the same value.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE_CONTRACTS,
  CAMPAIGN_2026_Q2,
  CONTRACTS,
  DEFAULT_CAMPAIGN,
  ENROLLMENT,
  RING_DATA,
  SHEET_KIND_DEFS,
  TEMPLATE_FIRST_DATA_ROW,
  TEMPLATE_LAST_DATA_ROW,
  dropdownsByColumn,
  loadCampaign,
  templateSpec,
  templateSpecs,
} from '../../rules/index';
import { matchHeader, kindFromSheetName } from '../../rules/sheet/header';
import { parsePercentValue } from '../../rules/values/percent';
import { isDateFormat } from '../../rules/values/date';
import { parseBooleanValue } from '../../rules/values/boolean';

describe('templateSpec', () => {
  it('has one spec per kind, named with the zh-TW tab name, with every column in order', () => {
    const specs = templateSpecs();
    expect(specs.map((s) => [s.kind, s.sheetName, s.fileName])).toEqual([
      ['enrollment', '報名表', 'enrollment.xlsx'],
      ['contracts', '加碼合約', 'contracts.xlsx'],
      ['base-contracts', '鋪底合約', 'base-contracts.xlsx'],
      ['ring-data', '環狀數據', 'ring-data.xlsx'],
      ['ad-materials', '廣告素材', 'ad-materials.xlsx'],
      ['flash-deals', '爆殺驚喜', 'flash-deals.xlsx'],
      ['oa-binding', 'OA串接', 'oa-binding.xlsx'],
    ]);
    for (const spec of specs) {
      const def = SHEET_KIND_DEFS.find((d) => d.kind === spec.kind)!;
      expect(spec.columns.map((c) => c.key)).toEqual(def.columns.map((c) => c.key));
      expect(spec.columns.map((c) => c.letter)).toEqual(def.columns.map((_, i) => String.fromCharCode(65 + i)));
      expect(kindFromSheetName(spec.sheetName)).toBe(spec.kind);
      for (const c of spec.columns) {
        const col = def.columns[c.index]!;
        expect(c.header).toBe(`${col.zh}\n${col.en}`);
        expect(c.width).toBe(col.width);
        expect(c.required).toBe(col.required);
        expect(c.example).toBe(col.example);
        // The two-line header resolves to its own column.
        expect(matchHeader(spec.kind, c.header)?.key).toBe(c.key);
        // The note carries the help in both languages.
        expect(c.note).toContain(col.help['zh-TW']);
        expect(c.note).toContain(col.help.en);
      }
    }
  });

  it('offers dropdowns for enum and boolean columns, plans, audience and exclude-buyers windows', () => {
    expect(dropdownsByColumn('enrollment')).toEqual({
      category: ['美食保健', '美妝保養', '居家生活', '流行服飾配件', '其他'],
      plan: ['季方案', '5月單月方案', '6月單月方案'],
      siteExposure: ['是', '否'],
      ringData: ['是', '否'],
    });
    expect(dropdownsByColumn('contracts')).toEqual({
      contractType: ['活動加碼', '單品加碼'],
      partnerPlan: ['是', '否'],
      status: ['待審核', '通過', '不通過', '草稿'],
    });
    expect(dropdownsByColumn('base-contracts')).toEqual({});
    expect(dropdownsByColumn('ring-data')).toEqual({
      audience: ['通發型'],
      excludeBuyers: ['否', '近10天', '近3個月', '近半年'],
      excludeRecent: ['是', '否'],
    });
  });

  it('takes the plan dropdown from the campaign it is given', () => {
    const loaded = loadCampaign({ ...CAMPAIGN_2026_Q2, plans: [{ ...CAMPAIGN_2026_Q2.plans[0]!, label: 'Q2季方案' }] });
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    expect(dropdownsByColumn('enrollment', loaded.campaign).plan).toEqual(['Q2季方案']);
    expect(templateSpec('enrollment', loaded.campaign).instructions.intro.some((l) => l['zh-TW'].includes('Q2季方案'))).toBe(true);
  });

  it('bounds every dropdown to rows 2–2000 of its own column, never a whole column', () => {
    expect([TEMPLATE_FIRST_DATA_ROW, TEMPLATE_LAST_DATA_ROW]).toEqual([2, 2000]);
    for (const spec of templateSpecs()) {
      for (const c of spec.columns) {
        if (c.dropdown) expect(c.dropdown.range).toBe(`${c.letter}2:${c.letter}2000`);
      }
    }
  });

  it('only offers dropdown values the rules accept', () => {
    const plan = templateSpec('enrollment').columns.find((c) => c.key === 'plan')!;
    for (const v of plan.dropdown!.values) expect(DEFAULT_CAMPAIGN.findPlan(v)).toBeDefined();
    for (const spec of templateSpecs()) {
      for (const c of spec.columns) {
        if (c.type === 'boolean') for (const v of c.dropdown!.values) expect(parseBooleanValue(v).ok).toBe(true);
      }
    }
  });

  it('uses number formats that parse back as the typed value', () => {
    const fmt = (kind: 'enrollment' | 'contracts' | 'ring-data', key: string) => templateSpec(kind).columns.find((c) => c.key === key)!.numberFormat;
    expect(fmt('contracts', 'start')).toBe('yyyy/mm/dd hh:mm:ss');
    expect(fmt('enrollment', 'submittedAt')).toBe('yyyy/mm/dd hh:mm:ss');
    expect(fmt('ring-data', 'sendDate')).toBe('yyyy/m/d');
    expect(fmt('ring-data', 'sendTime')).toBe('hh:mm');
    expect(fmt('contracts', 'cps')).toBe('0%');
    expect(fmt('enrollment', 'chosenDays')).toBe('@');
    expect(fmt('enrollment', 'shopId')).toBe('@');
    for (const spec of templateSpecs()) {
      for (const c of spec.columns) {
        if (c.type === 'percent') {
          // A cell formatted 0% holding 0.15 is 15%, as the rules read it.
          const r = parsePercentValue(0.15, c.numberFormat!);
          expect(r.ok && r.value).toBe(15);
          expect(r.issues).toEqual([]);
        }
        if (c.type === 'datetime' || c.type === 'date' || c.type === 'time') expect(isDateFormat(c.numberFormat!)).toBe(true);
      }
    }
  });

  it('explains every column on the instructions sheet, in both languages', () => {
    for (const [kind, def] of [['enrollment', ENROLLMENT], ['contracts', CONTRACTS], ['base-contracts', BASE_CONTRACTS], ['ring-data', RING_DATA]] as const) {
      const ins = templateSpec(kind).instructions;
      expect(ins.sheetName).toBe('說明');
      expect(ins.rows.map((r) => r.column)).toEqual(def.columns.map((c) => c.zh));
      expect(ins.rows.map((r) => r.columnEn)).toEqual(def.columns.map((c) => c.en));
      for (const line of ins.intro) {
        expect(line['zh-TW']).not.toBe('');
        expect(line.en).not.toBe('');
      }
    }
    const enrollmentIntro = templateSpec('enrollment').instructions.intro.map((l) => l['zh-TW']).join('\n');
    expect(enrollmentIntro).toContain('季方案（報名截止 2026/3/23 23:59:59）');
    expect(enrollmentIntro).toContain('5月單月方案（報名截止 2026/4/21 17:00）');
  });
});
