/**
 * Terminal text helpers: ANSI colours (only when asked), removal of control characters a user's
 * cell could smuggle into a terminal (escape sequences), and display width for aligning CJK text
 * (full-width characters take two columns).
 */
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

/** Whether a code point takes two terminal columns (East Asian Wide/Fullwidth). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Terminal columns a (colour-free) string takes. @example displayWidth('週一') === 4 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
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
