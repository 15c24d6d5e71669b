/**
 * The reader's limits: what no real 報名表 or 加碼合約 export reaches, so that a hostile or broken
 * file stops early with a clear reason instead of exhausting memory or time. Counted while the
 * parts stream and applied to decoded values (after XML entity decoding: `ref="&#65;3:XFD1048576"`
 * is the range A3:XFD1048576), wherever the part sits in the package (found through the
 * relationships, never by name).
 */

export interface PackageLimits {
  /** Inflated bytes of one part (a 1,000,000-row export's sheet XML is about 1 GB). */
  readonly maxPartBytes: number;
  /** Inflated bytes of all parts read from one file. */
  readonly maxTotalBytes: number;
  /** Cells with a value, over all sheets (1,000,000 rows × 16 columns). */
  readonly maxCells: number;
  /** Cells covered by one merged range (16 whole columns). */
  readonly maxMergedCells: number;
  /** Cells covered by all merged ranges of the file. */
  readonly maxTotalMergedCells: number;
  /** Characters of one string (a cell's text, an attribute, a shared string). */
  readonly maxStringChars: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxPartBytes: 2 * 1024 ** 3,
  maxTotalBytes: 3 * 1024 ** 3,
  maxCells: 16_000_000,
  maxMergedCells: 16 * 1_048_576,
  maxTotalMergedCells: 64 * 1_048_576,
  maxStringChars: 32 * 1024 * 1024,
};

export type LimitKind = 'part-bytes' | 'total-bytes' | 'cells' | 'merged-cells' | 'total-merged-cells' | 'string-chars';

/** A limit was reached: the file is reported unreadable with this reason. */
export class LimitError extends Error {
  override readonly name = 'LimitError';
  constructor(
    readonly kind: LimitKind,
    message: string,
    /** For merged ranges: the sheet, the range as decoded and its cell count. */
    readonly merge?: { readonly sheet: string; readonly range: string; readonly cells: number },
  ) {
    super(message);
  }
}
