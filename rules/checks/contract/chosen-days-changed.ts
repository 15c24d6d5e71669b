import { defineRule, msg } from '../../engine/rule.js';
import type { BaselineContract } from '../../engine/baseline.js';
import { enrollmentsOf, type Enrollment } from '../../derive/enrollments.js';
import { CAMPAIGN_BONUS, rangeText, samePercent, STATUS_APPROVED, STATUS_PENDING } from '../../derive/contracts.js';
import { isoDate, monthKeyOfDay, monthsData, shortDate, wallOfDay } from '../../time/civil.js';

/**
 * Whether a baseline contract is a submitted partner-plan contract: a 活動加碼 contract at the
 * plan's CPS (the baseline keeps no partner flag, so the CPS decides, as for a blank 夥伴互利
 * cell) with a submission time or a pending/approved status.
 * @example isSubmittedPartnerContract({ contractType: '活動加碼', cps: 15, status: '待審核', submittedAt: null, … }, 15) === true
 */
export function isSubmittedPartnerContract(c: BaselineContract, partnerCps: number): boolean {
  if (c.contractType !== CAMPAIGN_BONUS || c.cps === null || !samePercent(c.cps, partnerCps)) return false;
  return c.submittedAt !== null || c.status === STATUS_PENDING || c.status === STATUS_APPROVED;
}

/** The first contract of a list that touches a day (any part of it), or undefined. */
function contractOnDay(contracts: readonly BaselineContract[], day: number): BaselineContract | undefined {
  const from = wallOfDay(day);
  const to = wallOfDay(day, 86_399);
  return contracts.find((c) => c.start <= to && c.end >= from);
}

/**
 * `contract/chosen-days-changed`: chosen days "cannot change once their bonus contract has been
 * submitted" (送審加碼合約後則不得更改). With a baseline, every chosen day of a baseline enrollment
 * whose partner contract had been submitted must still be a chosen day of the shop now.
 * Reported on the shop's current enrollment row (the one enrolled for that month, else its first),
 * as `default` (moved) when the month now has other chosen days, else `vanished`. Silent without a baseline
 * or when the shop has no enrollment row now.
 */
export default defineRule({
  meta: {
    id: 'contract/chosen-days-changed',
    defaultSeverity: 'error',
    scope: 'contracts',
    requires: ['enrollment'],
    docs: msg('（有基準時）加碼合約已送審的任選日被更改或刪除。', 'With a baseline: a chosen day whose contract was already submitted moved or vanished.'),
    messages: {
      default: msg(
        '任選日 {day} 的加碼合約（{contract}）已送審，任選日不得更改，但現在 {month} 改選了 {now}。',
        'Chosen day {day} already has a submitted bonus contract ({contract}) and cannot change, yet {monthEn} now has {nowEn} instead.',
      ),
      vanished: msg(
        '任選日 {day} 的加碼合約（{contract}）已送審，任選日不得更改，但它已不在任選日中。',
        'Chosen day {day} already has a submitted bonus contract ({contract}) and cannot change, yet it is no longer a chosen day.',
      ),
    },
    hasSuggestion: false,
  },
  check(ctx) {
    const baseline = ctx.baseline;
    if (!baseline) return;
    const partnerCps = ctx.campaign.config.partnerCps;
    const submittedByShop = new Map<string, BaselineContract[]>();
    for (const c of baseline.contracts) {
      if (!isSubmittedPartnerContract(c, partnerCps)) continue;
      (submittedByShop.get(c.shopId) ?? submittedByShop.set(c.shopId, []).get(c.shopId)!).push(c);
    }
    const baselineDays = new Map<string, Set<number>>();
    for (const e of baseline.enrollments) {
      const set = baselineDays.get(e.shopId) ?? baselineDays.set(e.shopId, new Set()).get(e.shopId)!;
      for (const d of e.chosenDays) set.add(d);
    }
    const current = new Map<string, Enrollment[]>();
    for (const e of enrollmentsOf(ctx)) {
      if (e.shopId === undefined) continue;
      (current.get(e.shopId) ?? current.set(e.shopId, []).get(e.shopId)!).push(e);
    }

    for (const [shopId, days] of baselineDays) {
      const now = current.get(shopId);
      const contracts = submittedByShop.get(shopId);
      if (!now || !contracts) continue;
      const nowDays = new Set(now.flatMap((e) => e.chosenDays.map((i) => i.day)));
      for (const day of [...days].sort((a, b) => a - b)) {
        if (nowDays.has(day)) continue;
        const contract = contractOnDay(contracts, day);
        if (!contract) continue;
        const month = monthKeyOfDay(day);
        const target = now.find((e) => e.months.includes(month)) ?? now[0]!;
        const replacements = target.chosenDays.filter((i) => monthKeyOfDay(i.day) === month && !days.has(i.day));
        const data = { day: `${shortDate(day)}`, date: isoDate(day), ...monthsData([month], 'month'), contract: rangeText(contract.start, contract.end) };
        if (replacements.length > 0) {
          const texts = replacements.map((i) => i.text);
          ctx.report({ sheet: target.sheet, row: target.row, key: 'chosenDays', messageId: 'default', data: { ...data, now: texts.join('、'), nowEn: texts.join(', ') } });
        } else {
          ctx.report({ sheet: target.sheet, row: target.row, key: 'chosenDays', messageId: 'vanished', data });
        }
      }
    }
  },
});
