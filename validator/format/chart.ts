/**
 * Small charts as inline SVG (no external assets, no script):
 * - horizontal bar charts, one bar per item, the label left, the count right-aligned at the bar's
 *   end (the per-rule and per-shop violation counts);
 * - a shop's month of rebate rates, one bar per day, height = rate, coloured as the calendar's
 *   colour key (bonus days as the legend's high tier, daily-base days grey), days off outlined red.
 * The geometry is computed by pure layout functions: the HTML report renders it as SVG text here,
 * the upload page's script draws the same layout with createElementNS (the server sends it). Every
 * label is HTML-escaped; the charts scale to their container (viewBox, width 100%), so they never
 * cause horizontal scrolling.
 */
import { CALENDAR_COLOURS, civil, rateTier, type Rates } from '../../rules/index.js';
import { escapeHtml } from './escape.js';

export interface BarItem {
  readonly label: string;
  readonly value: number;
}

/** Units of the viewBox. The whole chart is 420 wide so its 13-unit text stays readable when a phone shrinks it to ~350 px. */
const ROW = 22;
const LABEL_WIDTH = 224;
const BAR_WIDTH = 156;
const VALUE_WIDTH = 40;
/** Labels longer than this are cut with `…` (the whole label is the bar's tooltip). */
const LABEL_CHARS = 26;

/** Counts of `keys` as bar items, largest first, ties by label. */
export function countItems(keys: readonly string[]): BarItem[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** One bar of a bar chart, in viewBox units. */
export interface BarLayout {
  readonly label: string;
  /** The label as drawn (long ones cut with `…`; the whole label is the bar's tooltip). */
  readonly shortLabel: string;
  readonly value: number;
  readonly y: number;
  readonly width: number;
}

export interface BarChartLayout {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly rowHeight: number;
  readonly bars: readonly BarLayout[];
}

/**
 * The geometry of the bar chart of `items` (at most `max` bars; the rest summed into one `others` bar).
 * @example barChartLayout([{ label: 'cell/invalid-email', value: 12 }], { title: '每條規則' }).bars[0].width === 156
 */
export function barChartLayout(items: readonly BarItem[], opts: { readonly title: string; readonly max?: number; readonly others?: string }): BarChartLayout {
  const max = opts.max ?? 12;
  const shown = items.length > max ? [...items.slice(0, max - 1), { label: opts.others ?? '…', value: items.slice(max - 1).reduce((n, i) => n + i.value, 0) }] : [...items];
  const top = Math.max(1, ...shown.map((i) => i.value));
  return {
    title: opts.title,
    width: LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH,
    height: shown.length * ROW + 4,
    labelWidth: LABEL_WIDTH,
    rowHeight: ROW,
    bars: shown.map((item, i) => ({
      label: item.label,
      shortLabel: item.label.length > LABEL_CHARS ? `${item.label.slice(0, LABEL_CHARS - 1)}…` : item.label,
      value: item.value,
      y: i * ROW + 2,
      width: Math.max(1, Math.round((item.value / top) * BAR_WIDTH)),
    })),
  };
}

/**
 * The bar chart of `items` as an inline-SVG figure.
 * @example barChartSvg([{ label: 'cell/invalid-email', value: 12 }], { title: '每條規則' })
 */
export function barChartSvg(items: readonly BarItem[], opts: { readonly title: string; readonly max?: number; readonly others?: string }): string {
  const l = barChartLayout(items, opts);
  const bars = l.bars
    .map(
      (b) =>
        `<g class="bar"><title>${escapeHtml(b.label)}: ${b.value}</title>` +
        `<text x="${l.labelWidth - 6}" y="${b.y + 15}" text-anchor="end">${escapeHtml(b.shortLabel)}</text>` +
        `<rect x="${l.labelWidth}" y="${b.y + 3}" width="${b.width}" height="${l.rowHeight - 6}" rx="2"></rect>` +
        `<text class="n" x="${l.width - 4}" y="${b.y + 15}" text-anchor="end">${b.value}</text></g>`,
    )
    .join('');
  return `<figure class="chart"><figcaption>${escapeHtml(l.title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" width="100%" role="img" aria-label="${escapeHtml(l.title)}">${bars}</svg></figure>`;
}

// ------------------------------------------------------------------ a month of rebate rates

/** What the rate picture needs of a day (a RebateDay or the page's CalendarDayView). */
export interface RateDay {
  readonly date: string;
  readonly rate: number;
  readonly reason: string;
  readonly workingDay: boolean | null;
  readonly holiday: string | null;
}

export interface RateBar {
  readonly date: string;
  /** Day of the month. */
  readonly day: number;
  readonly rate: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The fill: the calendar's colour of the day's rate tier. */
  readonly fill: string;
  /** `rate-high friday off`-style classes (tier, reason, day off). */
  readonly cls: string;
  /** The bar's tooltip: `5/1 週五 10%`. */
  readonly tip: string;
}

export interface RateMonthLayout {
  readonly month: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** The baseline's y and the top rate's y (the scale: `top` % at `topY`). */
  readonly baseY: number;
  readonly topY: number;
  readonly top: number;
  readonly bars: readonly RateBar[];
}

const RATE_SLOT = 12;
const RATE_BAR = 9;
const RATE_LEFT = 30;
const RATE_TOP = 8;
const RATE_PLOT = 60;
const RATE_BOTTOM = 16;

/** A bonus day's bar is the deck's LINE green; a daily-base day's the grid's grey, both outlined (the legend's swatch colours are too pale for a bar). */
const RATE_FILL: Record<'high' | 'daily' | 'other', string> = { high: '#06c755', daily: '#bdc1c6', other: '#8ab4f8' };

/**
 * One bar per day of the month, height proportional to the rate (0 … the month's highest rate,
 * at least the campaign's high rate), filled by the rate's tier as the calendar's colour key.
 * @example rateMonthLayout('2026-05', days, rates, '2026 年 5 月').bars.length === 31
 */
export function rateMonthLayout(month: string, days: readonly RateDay[], rates: Rates, title: string, weekdays: readonly string[] = civil.WEEKDAY_ZH): RateMonthLayout {
  const top = Math.max(1, rates.friday, rates.chosen, ...days.map((d) => d.rate));
  const baseY = RATE_TOP + RATE_PLOT;
  const bars = days.map((d, i) => {
    const day = Number(d.date.slice(8, 10));
    const h = Math.max(d.rate > 0 ? 1 : 0, Math.round((d.rate / top) * RATE_PLOT));
    const tier = rateTier(d.rate, rates);
    const weekday = weekdays[civil.isoWeekday(civil.dayFromIso(d.date)!) - 1] ?? '';
    const cls = [tier === 'high' ? 'rate-high' : tier === 'daily' ? 'rate-low' : 'rate-other', d.reason, d.workingDay === false ? 'off' : ''].filter(Boolean).join(' ');
    return {
      date: d.date,
      day,
      rate: d.rate,
      x: RATE_LEFT + i * RATE_SLOT + (RATE_SLOT - RATE_BAR) / 2,
      y: baseY - h,
      width: RATE_BAR,
      height: h,
      fill: RATE_FILL[tier],
      cls,
      tip: `${Number(d.date.slice(5, 7))}/${day} ${weekday} ${d.rate}%${d.holiday ? ` ${d.holiday}` : ''}`,
    };
  });
  return { month, title, width: RATE_LEFT + Math.max(28, days.length) * RATE_SLOT + 4, height: baseY + RATE_BOTTOM, baseY, topY: RATE_TOP, top, bars };
}

/** Which days get a number under the axis: the 1st and every 7th day after it, so 31 labels never crowd. */
export function rateTickDays(layout: RateMonthLayout): number[] {
  return layout.bars.map((b) => b.day).filter((d) => d === 1 || (d - 1) % 7 === 0);
}

/** The month of rates as an inline-SVG figure (what the HTML report draws beside the grid). */
export function rateMonthSvg(l: RateMonthLayout): string {
  const ticks = new Set(rateTickDays(l));
  const axis =
    `<line class="axis" x1="${RATE_LEFT - 2}" y1="${l.baseY}" x2="${l.width - 2}" y2="${l.baseY}"></line>` +
    `<text class="scale" x="${RATE_LEFT - 4}" y="${l.topY + 4}" text-anchor="end">${l.top}%</text>` +
    `<text class="scale" x="${RATE_LEFT - 4}" y="${l.baseY}" text-anchor="end">0</text>`;
  const bars = l.bars
    .map(
      (b) =>
        `<rect class="${b.cls}" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.fill}" data-date="${b.date}" data-rate="${b.rate}"><title>${escapeHtml(b.tip)}</title></rect>` +
        (ticks.has(b.day) ? `<text class="tick" x="${b.x + b.width / 2}" y="${l.baseY + 12}" text-anchor="middle">${b.day}</text>` : ''),
    )
    .join('');
  return `<figure class="rates" data-month="${escapeHtml(l.month)}"><figcaption>${escapeHtml(l.title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" width="100%" role="img" aria-label="${escapeHtml(l.title)}">${axis}${bars}</svg></figure>`;
}

/** CSS of the charts (inlined by the pages that draw them). */
export const CHART_CSS = `
.charts{display:flex;flex-wrap:wrap;gap:1rem 2rem}
.chart{margin:.5rem 0;flex:1 1 20rem;max-width:30rem;min-width:0}
.chart figcaption,.rates figcaption{font-weight:600;margin-bottom:.25rem}
.chart svg,.rates svg{display:block;height:auto;font-size:13px;font-family:inherit}
.chart rect{fill:#06c755}
.chart text{fill:#1f2328}
.chart text.n{font-variant-numeric:tabular-nums}
.rates{margin:.5rem 0 1rem;width:25rem;max-width:100%;min-width:0}
.rates figcaption{font-size:.85rem}
.rates svg{font-size:9px}
.rates rect{stroke:#5f6368;stroke-width:.6}
.rates rect.off{stroke:${CALENDAR_COLOURS.offInk};stroke-width:1.2}
.rates .axis{stroke:#5f6368;stroke-width:1}
.rates text{fill:#3c4043}
`;
