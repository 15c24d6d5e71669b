/**
 * Decodes the text files Taiwanese users actually produce, with Node's TextDecoder only:
 * Excel's "CSV" is Big5 (CP950) on a zh-TW Windows, "CSV UTF-8" has a byte-order mark,
 * "Unicode text" is UTF-16LE with a BOM, Google Sheets and scripts write plain UTF-8.
 * The encoding is reported back so a garbled result can be explained.
 */

export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** The encoding a byte-order mark announces, or null. */
export function bomEncoding(bytes: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM, recognised by NUL bytes on one side of most code units (ASCII
 * delimiters and digits are frequent in any spreadsheet export).
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = n / 2;
  if (oddZeros >= units * 0.3 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= units * 0.3 && oddZeros === 0) return 'utf-16be';
  return null;
}

/** Whether a file's first bytes look like text in one of the encodings above (not binary). */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  const bom = bomEncoding(head);
  if (bom === 'utf-16le' || bom === 'utf-16be' || utf16WithoutBom(head)) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    // Tab, LF, VT, FF, CR and the DOS end-of-file mark are fine in text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) control++;
  }
  return control <= head.length / 100;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a whole text file: a BOM decides (and is stripped), else valid UTF-8 is UTF-8, else
 * BOM-less UTF-16 by its NUL pattern, else Big5 (WHATWG big5 covers CP950).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom === 'utf-8-bom') return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: bom };
  if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(2)), encoding: bom };
  const bomless = utf16WithoutBom(bytes);
  if (bomless) return { text: new TextDecoder(bomless).decode(bytes), encoding: bomless };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('big5').decode(bytes), encoding: 'big5' };
  }
}
