/**
 * The cost estimate (SPEC §6) per shop and month: the rules compute it exactly
 * (estimateCosts → Money), this file only shows it — whole NT$ rounded half-up by the rules'
 * roundNtd/displayNtd, never by float arithmetic here.
 */
import { displayNtd, estimateCosts, roundNtd, type Campaign, type CostField, type Lang, type Money, type ShopCosts } from '../../rules/index.js';
import { campaign, getLang, jsonSafe } from './env.js';
import { GENERATED_TABS, freshTab } from './generated.js';
import { TEXT, tr } from './i18n.js';
import { loadWorkbook } from './check.js';

const NTD_FORMAT = '"NT$"#,##0;-"NT$"#,##0';
const TOTAL_BG = '#e8eaed';
const HEADER_BG = '#d9ead3';

/** One month (or a shop's total) as the sidebar shows it: display strings only. */
export interface CostLineView {
  readonly month: string;
  readonly missing: readonly string[];
  readonly gmv: string | null;
  readonly cpsCurrent: string | null;
  readonly cpsPartner: string | null;
  readonly cpsIncrease: string | null;
  readonly linePoints: string | null;
  readonly saving: string | null;
  readonly net: string | null;
  /** The net benefit's sign, for colouring: -1, 0, 1; null without an estimate. */
  readonly netSign: number | null;
}

export interface CostsView {
  readonly shops: readonly { readonly shopId: string; readonly months: readonly CostLineView[]; readonly total: CostLineView | null }[];
  readonly adPointsFee: number;
}

function fieldName(f: CostField, lang: Lang): string {
  return tr(f === 'monthlyGmv' ? TEXT.costFieldMonthlyGmv : TEXT.costFieldBaseCps, lang);
}

function sign(m: Money): number {
  const n = roundNtd(m);
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

export function costsView(costs: readonly ShopCosts[], c: Campaign, lang: Lang): CostsView {
  return {
    adPointsFee: c.config.adPointsFee,
    shops: costs.map((s) => ({
      shopId: s.shopId,
      months: s.months.map((m): CostLineView => {
        const e = m.estimate;
        return {
          month: m.month,
          missing: m.missing.map((f) => fieldName(f, lang)),
          gmv: e ? displayNtd(e.monthlyGmv) : null,
          cpsCurrent: e ? displayNtd(e.cpsCostCurrent) : null,
          cpsPartner: e ? displayNtd(e.cpsCostPartner) : null,
          cpsIncrease: e ? displayNtd(e.cpsIncrease) : null,
          linePoints: e ? displayNtd(e.linePoints) : null,
          saving: e ? displayNtd(e.adPointsSaving) : null,
          net: e ? displayNtd(e.net) : null,
          netSign: e ? sign(e.net) : null,
        };
      }),
      total: s.total
        ? {
            month: tr(TEXT.costTotal, lang),
            missing: [],
            gmv: displayNtd(s.total.monthlyGmv),
            cpsCurrent: displayNtd(s.total.cpsCostCurrent),
            cpsPartner: displayNtd(s.total.cpsCostPartner),
            cpsIncrease: displayNtd(s.total.cpsIncrease),
            linePoints: displayNtd(s.total.linePoints),
            saving: displayNtd(s.total.adPointsSaving),
            net: displayNtd(s.total.net),
            netSign: sign(s.total.net),
          }
        : null,
    })),
  };
}

/** google.script.run target: the cost panel's data. */
export function runGetCosts(): CostsView {
  const lang = getLang();
  const c = campaign();
  return jsonSafe(costsView(estimateCosts(loadWorkbook().workbook, { campaign: c }), c, lang));
}

type Cell = string | number;

/** The cost tab's table: header, one row per shop and month, a total row per shop; numbers are whole NT$. */
export function costTable(costs: readonly ShopCosts[], lang: Lang): { values: Cell[][]; formats: string[][]; totals: number[] } {
  const header = TEXT.costHeaders.map((h) => tr(h, lang));
  const values: Cell[][] = [header];
  const formats: string[][] = [header.map(() => '@')];
  const totals: number[] = [];
  const pct = (n: number) => n / 100;
  const pctFormat = (n: number) => (Number.isInteger(n) ? '0%' : '0.0#%');
  for (const s of costs) {
    for (const m of s.months) {
      const e = m.estimate;
      if (!e) {
        const row: Cell[] = [s.shopId, m.month, '', '', '', '', '', '', '', '', '', '', tr(TEXT.costMissing, lang, { fields: m.missing.map((f) => fieldName(f, lang)).join('、') })];
        values.push(row);
        formats.push(row.map(() => '@'));
        continue;
      }
      values.push([
        s.shopId,
        m.month,
        roundNtd(e.monthlyGmv),
        pct(e.currentCps),
        pct(e.partnerCps),
        pct(e.baseRate),
        roundNtd(e.cpsCostCurrent),
        roundNtd(e.cpsCostPartner),
        roundNtd(e.cpsIncrease),
        roundNtd(e.linePoints),
        roundNtd(e.adPointsSaving),
        roundNtd(e.net),
        '',
      ]);
      formats.push(['@', '@', NTD_FORMAT, pctFormat(e.currentCps), pctFormat(e.partnerCps), pctFormat(e.baseRate), NTD_FORMAT, NTD_FORMAT, NTD_FORMAT, '#,##0', NTD_FORMAT, NTD_FORMAT, '@']);
    }
    if (s.total) {
      const t = s.total;
      totals.push(values.length + 1);
      values.push([s.shopId, tr(TEXT.costTotal, lang), roundNtd(t.monthlyGmv), '', '', '', roundNtd(t.cpsCostCurrent), roundNtd(t.cpsCostPartner), roundNtd(t.cpsIncrease), roundNtd(t.linePoints), roundNtd(t.adPointsSaving), roundNtd(t.net), '']);
      formats.push(['@', '@', NTD_FORMAT, '@', '@', '@', NTD_FORMAT, NTD_FORMAT, NTD_FORMAT, '#,##0', NTD_FORMAT, NTD_FORMAT, '@']);
    }
  }
  return { values, formats, totals };
}

export function runEstimateCosts(options: { quiet?: boolean } = {}): { sheet: string; rows: number; shops: number } {
  const lang = getLang();
  const c = campaign();
  const loaded = loadWorkbook();
  const costs = estimateCosts(loaded.workbook, { campaign: c });
  const { values, formats, totals } = costTable(costs, lang);
  const width = values[0]!.length;
  const foot = [
    tr(TEXT.costTitle, lang, { campaign: lang === 'en' ? c.config.nameEn : c.config.name }),
    ...(costs.length === 0 ? [tr(TEXT.costNoShops, lang)] : []),
    ...TEXT.costFootnotes.map((f) => tr(f, lang, { fee: c.config.adPointsFee })),
  ];

  const sheet = freshTab(loaded.ss, GENERATED_TABS.costs);
  const table = sheet.getRange(1, 1, values.length, width);
  table.setNumberFormats(formats);
  table.setValues(values);
  const head = sheet.getRange(1, 1, 1, width);
  head.setFontWeight('bold');
  head.setBackground(HEADER_BG);
  head.setWrap(true);
  sheet.setFrozenRows(1);
  if (totals.length > 0) {
    // Total rows: bold on grey; one call per shop (O(shops), not rows).
    for (const r of totals) {
      const row = sheet.getRange(r, 1, 1, width);
      row.setFontWeight('bold');
      row.setBackground(TOTAL_BG);
    }
  }
  const notes = sheet.getRange(values.length + 2, 1, foot.length, 1);
  notes.setNumberFormat('@');
  notes.setValues(foot.map((f) => [f]));
  sheet.setColumnWidths(1, 2, 120);
  sheet.setColumnWidths(3, width - 3, 118);
  sheet.setColumnWidth(width, 220);
  sheet.activate();
  if (!options.quiet) loaded.ss.toast(tr(TEXT.toastBuilt, lang, { sheet: GENERATED_TABS.costs, rows: values.length - 1 }), tr(TEXT.addonTitle, lang), 5);
  return { sheet: GENERATED_TABS.costs, rows: values.length - 1, shops: costs.length };
}
