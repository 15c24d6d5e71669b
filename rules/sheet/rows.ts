/** Typed rows of each sheet kind, as the cell parsers leave them (absent = blank or invalid). */

export interface ChosenDayItem {
  readonly day: number;
  /** The item as the user wrote it, e.g. `5/8(五)`. */
  readonly text: string;
}

export interface EnrollmentValues {
  brandName?: string;
  shopId?: string;
  contactEmail?: string[];
  category?: string;
  plan?: string;
  /** Wall ms. */
  submittedAt?: number;
  siteExposure?: boolean;
  ringData?: boolean;
  chosenDays?: ChosenDayItem[];
  baseCps?: number;
  baseRate?: number;
  monthlyGmv?: number;
  heroImage?: string;
}

export interface ContractValues {
  shopId?: string;
  contractType?: string;
  remark?: string;
  start?: number;
  end?: number;
  productType?: string;
  productId?: string;
  baseRate?: number;
  frontRate?: number;
  rebateCap?: number;
  cps?: number;
  vendorBonus?: number;
  pointPrice?: number;
  /** undefined = blank (infer). */
  partnerPlan?: boolean;
  submittedAt?: number;
  status?: string;
}

export interface BaseContractValues {
  shopId?: string;
  productType?: string;
  baseRate?: number;
  cps?: number;
  pointPrice?: number;
  start?: number;
  end?: number;
}

export interface RingValues {
  shopId?: string;
  /** Day number. */
  sendDate?: number;
  /** Seconds since midnight; undefined = blank (08:00). */
  sendTime?: number;
  audience?: string;
  sendCap?: number;
  excludeBuyers?: string;
  excludeRecent?: boolean;
  requestedAt?: number;
}

export interface AdMaterialValues {
  shopId?: string;
  slot?: string;
  image?: string;
  start?: number;
  end?: number;
  url?: string;
  submittedAt?: number;
  status?: string;
}

export interface FlashDealValues {
  shopId?: string;
  batch?: string;
  productUrl?: string;
  productName?: string;
  image?: string;
  webPrice?: number;
  promoPrice?: number;
  start?: number;
  end?: number;
  submittedAt?: number;
  status?: string;
}

export interface OaBindingValues {
  shopId?: string;
  channelId?: string;
  channelSecret?: string;
  botBasicId?: string;
  notifyEmails?: string;
  liveConsent?: boolean;
}

export interface ValuesByKind {
  enrollment: EnrollmentValues;
  contracts: ContractValues;
  'base-contracts': BaseContractValues;
  'ring-data': RingValues;
  'ad-materials': AdMaterialValues;
  'flash-deals': FlashDealValues;
  'oa-binding': OaBindingValues;
}
