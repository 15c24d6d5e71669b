/**
 * The campaign config (SPEC §3): one zod schema, defined once. A campaign is data, not code; a
 * user may pass another file. Dates are strings in Taipei wall-clock time so the file reads the
 * way the deck prints them.
 */
import { z } from 'zod';

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
});

export type PlanConfig = z.infer<typeof PlanSchema>;
export type CampaignConfig = z.infer<typeof CampaignSchema>;
