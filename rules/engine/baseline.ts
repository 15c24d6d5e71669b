/**
 * What the baseline rules compare against: the contracts and enrollments of a previous run.
 * Built from a previous JSON report (its `baseline` section, written by the CLI) or from a
 * previous workbook (see `baselineFromWorkbook`).
 */
export interface BaselineContract {
  readonly shopId: string;
  readonly contractType: string;
  readonly productType: string;
  readonly remark: string;
  /** Wall ms. */
  readonly start: number;
  readonly end: number;
  readonly status: string | null;
  readonly submittedAt: number | null;
  readonly frontRate: number | null;
  readonly baseRate: number | null;
  readonly cps: number | null;
  readonly vendorBonus: number | null;
  readonly rebateCap: number | null;
  readonly productId: string | null;
}

export interface BaselineEnrollment {
  readonly shopId: string;
  readonly plan: string | null;
  /** Day numbers. */
  readonly chosenDays: readonly number[];
}

/** A 爆殺驚喜 row of a previous run (for `deal/pinned-changed`). */
export interface BaselineDeal {
  readonly shopId: string;
  readonly batch: string | null;
  readonly productUrl: string | null;
  readonly productName: string | null;
  readonly image: string | null;
  readonly webPrice: number | null;
  readonly promoPrice: number | null;
  /** Wall ms. */
  readonly start: number | null;
  readonly end: number | null;
  readonly status: string | null;
}

export interface Baseline {
  readonly contracts: readonly BaselineContract[];
  readonly enrollments: readonly BaselineEnrollment[];
  /** 爆殺驚喜 rows; absent in reports written before flash deals were checked. */
  readonly deals?: readonly BaselineDeal[];
}
