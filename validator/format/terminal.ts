/**
 * Terminal text helpers: ANSI colours (only when asked), removal of control characters a user's
 * cell could smuggle into a terminal (escape sequences), and display width for aligning CJK text
 * (full-width characters take two columns).
 */
import stringWidth from 'string-width';

export type Colour = 'red' | 'yellow' | 'green' | 'cyan' | 'magenta' | 'gray' | 'bold' | 'dim' | 'redBg' | 'yellowBg' | 'greenBg';

const CODES: Record<Colour, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  magenta: [35, 39],
  gray: [90, 39],
  bold: [1, 22],
  dim: [2, 22],
  redBg: [41, 49],
  yellowBg: [43, 49],
  greenBg: [42, 49],
};

/** A painter: `paint('red', text)` colours when enabled, returns the text unchanged otherwise. */
export function painter(enabled: boolean): (colour: Colour, text: string) => string {
  return (colour, text) => {
    if (!enabled || text === '') return text;
    const [open, close] = CODES[colour];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

/**
 * Makes user text safe to print: control characters (ESC, BEL, …) become visible `�`; line
 * breaks and tabs become spaces so one violation stays on its line.
 * @example terminalSafe('a\u001b[31mb\nc') === 'a�[31mb c'
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\t\n\r]+/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD');
}

/**
 * Terminal columns a string takes, measured by the `string-width` package (East Asian Wide and
 * Fullwidth characters, emoji, combining marks; ANSI colour codes count zero).
 * @example displayWidth('週一') === 4
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The width terminal output is laid out for when nothing else is known. */
export const DEFAULT_COLUMNS = 80;

/**
 * The columns terminal tables may use: 80, or the terminal's width when it is wider (stdout is a
 * TTY that reports `columns`), or unlimited with `--wide`.
 */
export function outputColumns(opts: { readonly wide?: boolean; readonly columns?: number | undefined }): number {
  if (opts.wide === true) return Number.POSITIVE_INFINITY;
  return Math.max(DEFAULT_COLUMNS, opts.columns ?? 0);
}

/**
 * Breaks plain text into lines of at most `width` columns (the first line `first` columns):
 * at spaces, between CJK characters, and inside a word only when the word alone is too long.
 * @example wrapText('任選日：4/1、4/4', 10) → ['任選日：4/', '1、4/4']
 */
export function wrapText(text: string, width: number, first = width): string[] {
  const tokens = text.match(/[\u0020]+|[\u0021-\u024F]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let w = 0;
  let limit = Math.max(1, first);
  let lastStart = 0;
  const flush = () => {
    lines.push(line.trimEnd());
    line = '';
    w = 0;
    lastStart = 0;
    limit = Math.max(1, width);
  };
  for (const token of tokens) {
    const tw = displayWidth(token);
    if (/^ +$/.test(token)) {
      if (w + tw <= limit) {
        line += token;
        w += tw;
      } else if (w > 0) flush();
      continue;
    }
    if (w + tw <= limit) {
      lastStart = line.length;
      line += token;
      w += tw;
      continue;
    }
    if (w > 0 && /^[、，。；：！？）」』]$/.test(token) && lastStart > 0) {
      // No line starts with closing punctuation: the word before it moves down too.
      const moved = line.slice(lastStart);
      line = line.slice(0, lastStart);
      flush();
      line = moved + token;
      w = displayWidth(line);
      continue;
    }
    if (w > 0 && tw <= Math.max(1, width)) {
      flush();
      line = token;
      w = tw;
      continue;
    }
    for (const ch of token) {
      const cw = displayWidth(ch);
      if (w + cw > limit && w > 0) flush();
      line += ch;
      w += cw;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Pads (or cuts) `text` to exactly `width` columns. */
export function fitWidth(text: string, width: number, align: 'left' | 'right' | 'center' = 'left'): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  const pad = width - w;
  if (align === 'right') return ' '.repeat(pad) + out;
  if (align === 'center') return ' '.repeat(Math.floor(pad / 2)) + out + ' '.repeat(pad - Math.floor(pad / 2));
  return out + ' '.repeat(pad);
}
