/**
 * A resolved campaign: the validated config plus the numbers rules need (day numbers, wall
 * deadlines, a plan lookup by normalised label). `loadCampaign` is the only way in; it reports
 * its own misconfiguration as `campaign/invalid-config` data instead of throwing.
 */
import { CampaignSchema, type CampaignConfig, type PlanConfig } from './schema.js';
import { CAMPAIGN_2026_Q2 } from './default-2026q2.js';
import { dayFromIso, monthRange, dayFromYmd, isValidYmd } from '../time/civil.js';
import { normalizeCompact } from '../text/normalize.js';

export interface Plan extends PlanConfig {
  /** Registration deadline, wall ms (inclusive). */
  readonly deadlineWall: number;
  readonly monthRanges: readonly { readonly key: string; readonly first: number; readonly last: number }[];
}

export interface Campaign {
  readonly config: CampaignConfig;
  readonly id: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly plans: readonly Plan[];
  /** Finds a plan by id, label or alias (normalised). */
  findPlan(text: string): Plan | undefined;
  /** Chosen-day allowance for a commitment: exposure and/or ring data. */
  allowance(siteExposure: boolean, ringData: boolean): number;
}

export type CampaignLoadResult =
  | { readonly ok: true; readonly campaign: Campaign }
  | { readonly ok: false; readonly problems: readonly string[] };

function parseWallDateTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * Validates and resolves a campaign config (parsed JSON).
 * @example loadCampaign({ ...CAMPAIGN_2026_Q2, period: { start: '2026-04-01', end: '2025-06-30' } })
 *   → { ok: false, problems: ['period ends (2025-06-30) before it starts (2026-04-01)'] }
 */
export function loadCampaign(input: unknown): CampaignLoadResult {
  const parsed = CampaignSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  const config = parsed.data;
  const problems: string[] = [];
  const periodStart = dayFromIso(config.period.start);
  const periodEnd = dayFromIso(config.period.end);
  if (periodStart === undefined) problems.push(`period.start: not a real date (${config.period.start})`);
  if (periodEnd === undefined) problems.push(`period.end: not a real date (${config.period.end})`);
  const periodOk = periodStart !== undefined && periodEnd !== undefined && periodEnd >= periodStart;
  if (periodStart !== undefined && periodEnd !== undefined && periodEnd < periodStart) {
    problems.push(`period ends (${config.period.end}) before it starts (${config.period.start})`);
  }
  if (config.ringData.lastHour < config.ringData.firstHour) {
    problems.push(`ringData: lastHour ${config.ringData.lastHour} is before firstHour ${config.ringData.firstHour}`);
  }
  const plans: Plan[] = [];
  const seen = new Set<string>();
  for (const p of config.plans) {
    if (seen.has(p.id)) problems.push(`plans: duplicate plan id ${p.id}`);
    seen.add(p.id);
    const deadlineWall = parseWallDateTime(p.deadline);
    if (deadlineWall === undefined) problems.push(`plans.${p.id}.deadline: not a real date-time (${p.deadline})`);
    const monthRanges: { key: string; first: number; last: number }[] = [];
    for (const key of p.months) {
      const r = monthRange(key);
      if (!r) {
        problems.push(`plans.${p.id}.months: bad month ${key}`);
        continue;
      }
      if (periodOk && (r.first < periodStart! || r.last > periodEnd!)) {
        problems.push(`plans.${p.id}.months: ${key} lies outside the period ${config.period.start}..${config.period.end}`);
      }
      monthRanges.push({ key, first: r.first, last: r.last });
    }
    plans.push({ ...p, deadlineWall: deadlineWall ?? 0, monthRanges });
  }
  if (problems.length > 0 || periodStart === undefined || periodEnd === undefined) return { ok: false, problems };

  const lookup = new Map<string, Plan>();
  for (const p of plans) {
    for (const name of [p.id, p.label, p.labelEn, ...p.aliases]) {
      const k = normalizeCompact(name);
      if (!lookup.has(k)) lookup.set(k, p);
    }
  }
  const campaign: Campaign = {
    config,
    id: config.id,
    periodStart,
    periodEnd,
    plans,
    findPlan: (text) => lookup.get(normalizeCompact(text)),
    allowance: (site, ring) =>
      site && ring ? config.chosenDayAllowance.both : site || ring ? config.chosenDayAllowance.one : config.chosenDayAllowance.none,
  };
  return { ok: true, campaign };
}

function mustLoad(config: CampaignConfig): Campaign {
  const r = loadCampaign(config);
  if (!r.ok) throw new Error(`built-in campaign is invalid: ${r.problems.join('; ')}`);
  return r.campaign;
}

/** The default campaign (SPEC §3). */
export const DEFAULT_CAMPAIGN: Campaign = mustLoad(CAMPAIGN_2026_Q2);

/** The year a campaign's `M/D` dates default to: the period's start year. */
export function campaignYear(c: Campaign): number {
  return new Date(c.periodStart * 86_400_000).getUTCFullYear();
}

