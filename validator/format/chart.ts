/**
 * Small horizontal bar charts as inline SVG (no external assets, no script): one bar per item,
 * the label left, the count right-aligned at the bar's end. Used for the per-rule and per-shop
 * violation counts of the HTML report. Every label is HTML-escaped; the chart scales to its
 * container (viewBox, width 100%), so it never causes horizontal scrolling.
 */
import { escapeHtml } from './escape.js';

export interface BarItem {
  readonly label: string;
  readonly value: number;
}

const ROW = 22;
const LABEL_WIDTH = 240;
const BAR_WIDTH = 300;
const VALUE_WIDTH = 60;

/** Counts of `keys` as bar items, largest first, ties by label. */
export function countItems(keys: readonly string[]): BarItem[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * The bar chart of `items` (at most `max` bars; the rest summed into one `others` bar).
 * @example barChartSvg([{ label: 'cell/invalid-email', value: 12 }], { title: '每條規則' })
 */
export function barChartSvg(items: readonly BarItem[], opts: { readonly title: string; readonly max?: number; readonly others?: string }): string {
  const max = opts.max ?? 12;
  const shown = items.length > max ? [...items.slice(0, max - 1), { label: opts.others ?? '…', value: items.slice(max - 1).reduce((n, i) => n + i.value, 0) }] : [...items];
  const top = Math.max(1, ...shown.map((i) => i.value));
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const height = shown.length * ROW + 4;
  const bars = shown
    .map((item, i) => {
      const y = i * ROW + 2;
      const w = Math.max(1, Math.round((item.value / top) * BAR_WIDTH));
      const label = escapeHtml(item.label.length > 34 ? `${item.label.slice(0, 33)}…` : item.label);
      return (
        `<g class="bar"><title>${escapeHtml(item.label)}: ${item.value}</title>` +
        `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${label}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${w}" height="${ROW - 6}" rx="2"></rect>` +
        `<text class="n" x="${width - 4}" y="${y + 15}" text-anchor="end">${item.value}</text></g>`
      );
    })
    .join('');
  return `<figure class="chart"><figcaption>${escapeHtml(opts.title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(opts.title)}">${bars}</svg></figure>`;
}

/** CSS of the charts (inlined by the pages that draw them). */
export const CHART_CSS = `
.charts{display:flex;flex-wrap:wrap;gap:1rem 2rem}
.chart{margin:.5rem 0;flex:1 1 22rem;max-width:40rem;min-width:0}
.chart figcaption{font-weight:600;margin-bottom:.25rem}
.chart svg{display:block;height:auto;font-size:13px;font-family:inherit}
.chart rect{fill:#06c755}
.chart text{fill:#1f2328}
.chart text.n{font-variant-numeric:tabular-nums}
`;
