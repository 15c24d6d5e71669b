/** The partner plan's rates against a base contract (SPEC §3), shared by the schedule and the rules. */
import type { Campaign } from '../campaign/campaign.js';

/**
 * SPEC §3: the CMS never lets a contract go below its base contract, so on a partner-plan day the
 * front-end rebate is max(plan rate, base rate) and the CPS max(15%, base CPS).
 * @example partnerFront(5, 6) === 6; partnerCps(campaign, 16) === 16; partnerCps(campaign, 8) === 15
 */
export function partnerFront(dayRate: number, baseRate: number | undefined): number {
  return baseRate !== undefined && baseRate > dayRate ? baseRate : dayRate;
}

/** max(15%, base CPS). */
export function partnerCps(campaign: Campaign, baseCps: number | undefined): number {
  const plan = campaign.config.partnerCps;
  return baseCps !== undefined && baseCps > plan ? baseCps : plan;
}

