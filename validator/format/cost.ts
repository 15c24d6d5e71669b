/**
 * Cost estimates as text: one month in detail (`partner-check cost`) or a table of a shop's
 * months (`partner-check schedule`). Amounts are exact until here and rounded half-up to whole
 * NT$ only for display (displayNtd).
 */
import { displayNtd, roundNtd, type CostEstimate, type Lang, type Money, type ShopCosts } from '../../rules/index.js';
import { t } from '../i18n.js';
import { DEFAULT_COLUMNS, displayWidth, fitWidth, painter, wrapText } from './terminal.js';

function points(m: Money, lang: Lang): string {
  return t(lang, 'cost.pointsUnit', { n: displayNtd(m, { symbol: false }) });
}

function rateDaysLine(e: CostEstimate, lang: Lang): string {
  const list = e.rateDays.map((r) => t(lang, 'cost.rateDay', { rate: r.rate, days: r.days })).join(lang === 'en' ? ', ' : '、');
  return t(lang, 'cost.rateDays', { list });
}

/** One month's estimate, line by line. */
export function costText(e: CostEstimate, opts: { lang: Lang; color?: boolean; columns?: number }): string {
  const { lang } = opts;
  const paint = painter(opts.color === true);
  const rows: [string, string][] = [
    [t(lang, 'cost.gmv'), displayNtd(e.monthlyGmv)],
    [t(lang, 'cost.cpsNow', { cps: e.currentCps }), displayNtd(e.cpsCostCurrent)],
    [t(lang, 'cost.cpsPartner', { cps: e.partnerCps }), displayNtd(e.cpsCostPartner)],
    [t(lang, 'cost.cpsDiff'), displayNtd(e.cpsIncrease)],
    [t(lang, 'cost.points', { base: e.baseRate }), points(e.linePoints, lang)],
    [t(lang, 'cost.pointsValue', { fee: e.adPointsFee }), displayNtd(e.adPointsSaving)],
    [t(lang, 'cost.net'), displayNtd(e.net)],
  ];
  const labelWidth = Math.max(...rows.map(([l]) => displayWidth(l))) + 2;
  const valueWidth = Math.max(...rows.map(([, v]) => displayWidth(v)));
  const lines = [paint('bold', t(lang, 'cost.titleMonth', { month: e.month })), rateDaysLine(e, lang)];
  rows.forEach(([label, value], i) => {
    const text = `  ${fitWidth(label, labelWidth)}${fitWidth(value, valueWidth, 'right')}`;
    lines.push(i === rows.length - 1 ? paint(roundNtd(e.net) >= 0 ? 'green' : 'red', text) : text);
  });
  lines.push(...wrapText(t(lang, 'cost.note'), opts.columns ?? DEFAULT_COLUMNS).map((l) => paint('dim', l)));
  return lines.join('\n') + '\n';
}

/** A shop's months as a table (one row per month, a total row). */
export function shopCostTable(costs: ShopCosts, lang: Lang, columns = DEFAULT_COLUMNS): string {
  const head = ['cost.col.month', 'cost.col.gmv', 'cost.col.cpsNow', 'cost.col.cpsPartner', 'cost.col.increase', 'cost.col.points', 'cost.col.saving', 'cost.col.net'] as const;
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const m of costs.months) {
    const e = m.estimate;
    if (!e) {
      notes.push(t(lang, 'cost.missing', { month: m.month, fields: m.missing.map((f) => t(lang, `cost.field.${f}`)).join(lang === 'en' ? ', ' : '、') }));
      continue;
    }
    rows.push([m.month, displayNtd(e.monthlyGmv), displayNtd(e.cpsCostCurrent), displayNtd(e.cpsCostPartner), displayNtd(e.cpsIncrease), displayNtd(e.linePoints, { symbol: false }), displayNtd(e.adPointsSaving), displayNtd(e.net)]);
  }
  if (costs.total && costs.total.months > 1) {
    const s = costs.total;
    rows.push([t(lang, 'cost.total'), displayNtd(s.monthlyGmv), displayNtd(s.cpsCostCurrent), displayNtd(s.cpsCostPartner), displayNtd(s.cpsIncrease), displayNtd(s.linePoints, { symbol: false }), displayNtd(s.adPointsSaving), displayNtd(s.net)]);
  }
  const header = head.map((k) => t(lang, k));
  const lines: string[] = [];
  if (rows.length > 0) lines.push(...table([header, ...rows], undefined, columns));
  lines.push(...notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

/**
 * Aligns rows of cells into columns; `align` per column (default: first left, the others right).
 * A table wider than `columns` is cut into stacked parts of whole columns, each part repeating
 * the first column, so no line is wider than `columns` (unless one column pair alone is).
 */
export function table(rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[], columns = Number.POSITIVE_INFINITY): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  const alignOf = (i: number) => align?.[i] ?? (i === 0 ? 'left' : 'right');
  const parts: number[][] = [];
  let part: number[] = [0];
  let used = 2 + widths[0]!;
  for (let i = 1; i < widths.length; i++) {
    if (part.length > 1 && used + 2 + widths[i]! > columns) {
      parts.push(part);
      part = [0];
      used = 2 + widths[0]!;
    }
    part.push(i);
    used += 2 + widths[i]!;
  }
  parts.push(part);
  const out: string[] = [];
  parts.forEach((cols, p) => {
    if (p > 0) out.push('');
    for (const r of rows) out.push('  ' + cols.map((i) => fitWidth(r[i] ?? '', widths[i]!, alignOf(i))).join('  ').trimEnd());
  });
  return out;
}
