/** The default campaign, built from the deck (SPEC §3). The deck's "2025.06.30" end is a typo. */
import type { CampaignConfig } from './schema.js';
import { AD_MATERIAL_DEFAULTS, FLASH_DEALS_DEFAULTS, HERO_IMAGE_DEFAULTS, URL_RULES_DEFAULTS } from './material-defaults.js';

export const CAMPAIGN_2026_Q2: CampaignConfig = {
  id: '2026-Q2',
  name: '夥伴互利計劃 2026 Q2',
  nameEn: 'Partner Mutual-Benefit Plan 2026 Q2',
  period: { start: '2026-04-01', end: '2026-06-30' },
  plans: [
    {
      id: 'quarter',
      label: '季方案',
      labelEn: 'Quarter plan (Apr–Jun)',
      aliases: ['4-6月季方案', '4-6月', 'Q2', 'Q2季方案', 'quarter plan', 'quarterly'],
      months: ['2026-04', '2026-05', '2026-06'],
      deadline: '2026-03-23T23:59:59',
    },
    {
      id: '2026-05',
      label: '5月單月方案',
      labelEn: 'May monthly plan',
      aliases: ['5月', '5月方案', '5月單月', 'May', 'May plan', 'May monthly'],
      months: ['2026-05'],
      deadline: '2026-04-21T17:00:00',
    },
    {
      id: '2026-06',
      label: '6月單月方案',
      labelEn: 'June monthly plan',
      aliases: ['6月', '6月方案', '6月單月', 'June', 'June plan', 'June monthly'],
      months: ['2026-06'],
      deadline: '2026-05-21T17:00:00',
    },
  ],
  partnerCps: 15,
  rates: { daily: 5, friday: 10, chosen: 10 },
  chosenDayAllowance: { none: 0, one: 3, both: 6 },
  contractLeadWorkingDays: 3,
  ringData: { leadWorkingDays: 3, firstHour: 8, lastHour: 22, defaultTime: '08:00', mailTo: 'lspsmb@linecorp.com' },
  pointPrice: 1.2,
  adPointsFee: 1.3,
  defaultBaseRate: 2,
  adMaterial: AD_MATERIAL_DEFAULTS,
  flashDeals: FLASH_DEALS_DEFAULTS,
  heroImage: HERO_IMAGE_DEFAULTS,
  urls: URL_RULES_DEFAULTS,
};
