/**
 * The campaign config (SPEC §3): one zod schema, defined once. A campaign is data, not code; a
 * user may pass another file. Dates are strings in Taipei wall-clock time so the file reads the
 * way the deck prints them.
 */
import { z } from 'zod';
import { AD_MATERIAL_DEFAULTS, FLASH_DEALS_DEFAULTS, HERO_IMAGE_DEFAULTS, URL_RULES_DEFAULTS } from './material-defaults.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, 'expected YYYY-MM-DDTHH:mm[:ss] (Asia/Taipei)');
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const percent = z.number().min(0).max(100);

export const PlanSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  /** Other ways a brand may write the plan (e.g. `4-6月季方案`, `Q2`). */
  aliases: z.array(z.string()).default([]),
  months: z.array(monthKey).min(1),
  /** Registration deadline, inclusive, Taipei wall clock. */
  deadline: isoDateTime,
});

const host = z
  .string()
  .min(1)
  .regex(/^[a-z0-9.-]+$/, 'expected a lower-case host name such as bit.ly');
/** A pattern applied to the pathname of a WHATWG-parsed URL (never to the raw text). */
const pathPattern = z.string().min(1).refine((p) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');
const pixels = z.number().int().positive();

/** Picture requirements: exact pixel size (or square), byte limit, accepted formats. */
const PictureRuleSchema = z.object({
  width: pixels.optional(),
  height: pixels.optional(),
  maxBytes: z.number().int().positive().optional(),
  /** Formats as image-size names them: jpg, png, gif, webp. */
  formats: z.array(z.string().min(1)).min(1),
});

/**
 * URL rules (SPEC §3): shortener hosts and LINE購物's own page patterns. A host matches itself and
 * its subdomains; path patterns are regular expressions tested against `new URL(text).pathname`.
 */
export const UrlRulesSchema = z.object({
  shortenerHosts: z.array(host).min(1),
  lineShopping: z.object({
    hosts: z.array(host).min(1),
    productPaths: z.array(pathPattern).min(1),
    searchPaths: z.array(pathPattern),
    /** Query parameters that make any page a search (e.g. `?q=`). */
    searchParams: z.array(z.string().min(1)).default([]),
    categoryPaths: z.array(pathPattern),
  }),
});

export const CampaignSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  period: z.object({ start: isoDay, end: isoDay }),
  plans: z.array(PlanSchema).min(1),
  partnerCps: percent,
  rates: z.object({ daily: percent, friday: percent, chosen: percent }),
  /** Chosen days per month by promotion commitments (none / one of them / both). */
  chosenDayAllowance: z.object({
    none: z.number().int().min(0),
    one: z.number().int().min(0),
    both: z.number().int().min(0),
  }),
  contractLeadWorkingDays: z.number().int().min(0),
  ringData: z.object({
    leadWorkingDays: z.number().int().min(0),
    firstHour: z.number().int().min(0).max(23),
    lastHour: z.number().int().min(0).max(23),
    defaultTime: z.string().regex(/^\d{2}:\d{2}$/),
    /** Where ring-data request e-mails go (SPEC §3: LINE購物小管家). */
    mailTo: z.string().email().default('lspsmb@linecorp.com'),
  }),
  pointPrice: z.number().positive(),
  adPointsFee: z.number().positive(),
  defaultBaseRate: percent,
  /** 廣告素材 (品牌館商店牌卡): picture, lead time, URL length. */
  adMaterial: z
    .object({
      image: PictureRuleSchema,
      leadWorkingDays: z.number().int().min(0),
      maxUrlLength: z.number().int().positive(),
    })
    .default(AD_MATERIAL_DEFAULTS),
  /** 爆殺驚喜 submissions. */
  flashDeals: z
    .object({
      maxProductsPerSubmission: z.number().int().positive(),
      image: PictureRuleSchema.extend({ square: z.boolean() }),
    })
    .default(FLASH_DEALS_DEFAULTS),
  /** 報名表 形象圖. */
  heroImage: PictureRuleSchema.default(HERO_IMAGE_DEFAULTS),
  urls: UrlRulesSchema.default(URL_RULES_DEFAULTS),
});

export type PictureRule = z.infer<typeof PictureRuleSchema>;
export type UrlRules = z.infer<typeof UrlRulesSchema>;
export type PlanConfig = z.infer<typeof PlanSchema>;
export type CampaignConfig = z.infer<typeof CampaignSchema>;
