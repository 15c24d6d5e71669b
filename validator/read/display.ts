/**
 * The display text of a cell: what the user sees in Excel, close enough to recognise the cell
 * in a report ("8%" rather than 0.08, "2026/3/20 10:00:00" rather than a serial or a
 * host-TZ `Date.toString()`). exceljs's `cell.text` is neither (it is `String(value)`, and for
 * dates the host's local time), so the readers compute it here from value and format.
 * This is not a full Excel number formatter: percent, fixed decimals, thousands separators,
 * literal text, dates and times, and zh-TW built-in date formats.
 */
import { displayText, type CellValue } from '../../rules/model';
import { builtinIdOf, ZH_TW_BUILTIN_STYLES, type ZhTwBuiltinStyle } from './number-formats';

export function displayTextFor(value: CellValue, format: string | undefined): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return displayText(value);
  if (typeof value === 'number') return formatNumber(value, format);
  if (value.type === 'error') return value.error;
  return formatDate(value.wall, format);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** What a (non-built-in) date format shows, worked out once per format code. */
interface DateLayout {
  readonly hasDate: boolean;
  readonly hasTime: boolean;
  readonly rocYear: boolean;
  readonly cjkDate: boolean;
  readonly seconds: boolean;
}

/** Per format code: a zh-TW built-in style, or the layout of a custom code. A sheet has a handful. */
const dateLayouts = new Map<string, ZhTwBuiltinStyle | DateLayout>();

function dateLayoutOf(format: string): ZhTwBuiltinStyle | DateLayout {
  let layout = dateLayouts.get(format);
  if (layout === undefined) {
    const id = builtinIdOf(format);
    const style = id !== null ? ZH_TW_BUILTIN_STYLES[id] : undefined;
    if (style) {
      layout = style;
    } else {
      // Which parts the format shows; `e` is the ROC/era year, `g` the era name.
      const code = stripLiterals(firstSection(format));
      layout = {
        hasDate: /[ydeg]/i.test(code),
        hasTime: /[hs]/i.test(code),
        // `e` without `y` is the ROC year in a zh-TW format (`[$-404]e/m/d` → 115/3/20).
        rocYear: /e/i.test(code) && !/y/i.test(code),
        cjkDate: /年/.test(format) && /月/.test(format),
        seconds: /s/i.test(code),
      };
    }
    if (dateLayouts.size < 1000) dateLayouts.set(format, layout);
  }
  return layout;
}

function formatDate(wall: number, format: string | undefined): string {
  if (!format) return displayText({ type: 'date', wall });
  const d = new Date(wall);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const layout = dateLayoutOf(format);
  if (typeof layout === 'string') return formatZhTwBuiltin(layout, { y, mo, day, h, mi, s });

  const year = layout.rocYear ? y - 1911 : y;
  const date = layout.cjkDate ? `${year}年${mo}月${day}日` : `${year}/${mo}/${day}`;
  const time = layout.seconds ? `${pad(h)}:${pad(mi)}:${pad(s)}` : `${pad(h)}:${pad(mi)}`;
  if (layout.hasDate && layout.hasTime) return `${date} ${time}`;
  if (layout.hasTime) return time;
  return date;
}

function formatZhTwBuiltin(
  style: ZhTwBuiltinStyle,
  t: { y: number; mo: number; day: number; h: number; mi: number; s: number },
): string {
  const roc = t.y - 1911;
  const ampm = `${t.h < 12 ? '上午' : '下午'} ${pad(t.h % 12 === 0 ? 12 : t.h % 12)}`;
  switch (style) {
    case 'roc-slash':
      return `${roc}/${t.mo}/${t.day}`;
    case 'roc-cjk':
      return `${roc}年${t.mo}月${t.day}日`;
    case 'mdy':
      return `${t.mo}/${t.day}/${pad(t.y % 100)}`;
    case 'ymd-cjk':
      return `${t.y}年${t.mo}月${t.day}日`;
    case 'hm-cjk':
      return `${pad(t.h)}時${pad(t.mi)}分`;
    case 'hms-cjk':
      return `${pad(t.h)}時${pad(t.mi)}分${pad(t.s)}秒`;
    case 'ampm-hm-cjk':
      return `${ampm}時${pad(t.mi)}分`;
    case 'ampm-hms-cjk':
      return `${ampm}時${pad(t.mi)}分${pad(t.s)}秒`;
  }
}

/** The first `;` section of a format code (positive numbers), quotes respected. */
function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === '\\') i++;
    else if (c === ';' && !inQuote) return format.slice(0, i);
  }
  return format;
}

/** A format code without quoted text, escapes and `[...]` sections: only its placeholders. */
function stripLiterals(code: string): string {
  return code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*]/g, '');
}

/** Excel's General: integers as is, other numbers to 10 significant digits without float noise. */
function general(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** How a number format shows numbers, worked out once per format code. */
type NumberLayout =
  | { readonly general: true }
  | {
      readonly general: false;
      /** The section's literal text before and after the digits (`renderAround`). */
      readonly before: string;
      readonly after: string;
      readonly percent: boolean;
      readonly decimals: number;
      readonly grouping: boolean;
    };

const GENERAL: NumberLayout = { general: true };
const numberLayouts = new Map<string, NumberLayout>();

function numberLayoutOf(format: string): NumberLayout {
  let layout = numberLayouts.get(format);
  if (layout === undefined) {
    layout = GENERAL;
    if (!/^(general|@)$/i.test(format) && builtinIdOf(format) === null) {
      const section = firstSection(format);
      const placeholders = stripLiterals(section);
      if (/[0#?]/.test(placeholders) && !/e[+-]/i.test(placeholders) && !/\//.test(placeholders)) {
        const dot = placeholders.indexOf('.');
        const [before, after] = literalsAround(section);
        layout = {
          general: false,
          before,
          after,
          percent: /%/.test(placeholders),
          decimals: dot < 0 ? 0 : (placeholders.slice(dot + 1).match(/[0#?]/g) ?? []).length,
          grouping: /[0#?],[0#?]/.test(placeholders),
        };
      }
    }
    if (numberLayouts.size < 1000) numberLayouts.set(format, layout);
  }
  return layout;
}

function formatNumber(n: number, format: string | undefined): string {
  if (!format) return general(n);
  const layout = numberLayoutOf(format);
  if (layout.general) return general(n);
  const scaled = layout.percent ? n * 100 : n;
  let digits = Math.abs(scaled).toFixed(layout.decimals);
  if (layout.grouping) {
    const [int, frac] = digits.split('.');
    digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  const sign = scaled < 0 && Number(digits.replace(/,/g, '')) !== 0 ? '-' : '';
  return sign + layout.before + digits + layout.after;
}

/**
 * Where the formatted digits go among the format's literal text (`"NT$"#,##0`, `0.0"%"`,
 * `#,##0 元`): the text before the first placeholder and the text after it, dropping
 * colour/locale sections and padding marks. Without any placeholder, all text goes after.
 */
function literalsAround(section: string): [string, string] {
  let out = '';
  let before: string | null = null;
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (c === '\\') {
      out += section[i + 1] ?? '';
      i++;
    } else if (c === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (c === '_' || c === '*') {
      i++; // `_x` pads with the width of x, `*x` repeats x: no visible text
    } else if (/[0#?.,]/.test(c)) {
      if (before === null) {
        before = out;
        out = '';
      }
    } else {
      out += c;
    }
  }
  return before === null ? ['', out] : [before, out];
}
