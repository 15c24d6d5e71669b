import { defineRule, msg } from '../../engine/rule.js';
import { expectedDaysIn, partnerRowsByShop, rangeLabel, rateRuns, runsOf } from '../../derive/partner-coverage.js';
import { percentText, samePercent } from '../../derive/contracts.js';
import { partnerFront } from '../../derive/partner-rates.js';

/**
 * `partner/wrong-rate`: each day a partner-plan 活動加碼 contract covers in an enrolled month must
 * carry the expected front-end rebate (chosen day 10%, else Friday 10%, else 5%, from the
 * enrollment covering that month). One violation per contract row, naming its wrong days
 * (consecutive ones as ranges) and the expected rate(s).
 *
 * The suggestion (the rate to type) is given only when every enrolled day of the contract expects
 * the same rate: then changing the cell fixes the row. When the contract mixes rates (e.g. 5/6–5/8
 * at 5% with Friday 5/8), no single rate is right and the message lists how to split it instead.
 * A split is an edit too, so on a pending (待審核) row the message says to delete the contract and
 * resubmit the pieces, on an approved (通過) row to contact the LINE購物 window (SPEC §5.3, what the
 * CMS lets a user do per status; the engine does the same for rows with a suggestion).
 * Days outside enrolled months are `partner/extra-contract`'s; a day covered twice is
 * `contract/overlap`'s (both rows are still checked here for their own rate).
 */
export default defineRule({
  meta: {
    id: 'partner/wrong-rate',
    defaultSeverity: 'error',
    scope: 'partner',
    requires: ['enrollment', 'contracts'],
    docs: msg('夥伴互利合約涵蓋日的前台回饋%與應有的回饋（任選日 10%、週五 10%、其他 5%）不符。', "A partner contract's front-end rebate differs from the expected rate of a day it covers (chosen day 10%, Friday 10%, else 5%)."),
    messages: {
      default: msg('前台回饋 {actual} 不對：{days} 應為 {expected}。', 'Front-end rebate {actual} is wrong: {daysEn} should be {expectedEn}.'),
      split: msg('前台回饋 {actual} 不對：{days} 應為 {expected}；這張合約涵蓋不同回饋的日子，請拆成：{schedule}。', 'Front-end rebate {actual} is wrong: {daysEn} should be {expectedEn}; this contract spans days of different rates, split it into: {scheduleEn}.'),
      splitPending: msg(
        '前台回饋 {actual} 不對：{days} 應為 {expected}；這張合約涵蓋不同回饋的日子。這列是待審核，後台只能檢視或刪除：請刪除後拆成 {schedule} 重新送審。',
        'Front-end rebate {actual} is wrong: {daysEn} should be {expectedEn}; this contract spans days of different rates. This row is pending review, so the CMS only lets you view or delete it: delete it and resubmit it split into {scheduleEn}.',
      ),
      splitApproved: msg(
        '前台回饋 {actual} 不對：{days} 應為 {expected}；這張合約涵蓋不同回饋的日子。這列已審核通過，後台只能檢視：如需拆成 {schedule}，請聯絡 LINE購物 窗口。',
        'Front-end rebate {actual} is wrong: {daysEn} should be {expectedEn}; this contract spans days of different rates. This row is approved, so the CMS only lets you view it: to split it into {scheduleEn}, contact your LINE Shopping representative.',
      ),
    },
    hasSuggestion: true,
  },
  check(ctx) {
    for (const rows of partnerRowsByShop(ctx).values()) {
      for (const { sheet, row, shopId, firstDay, lastDay } of rows) {
        const actual = row.values.frontRate;
        if (actual === undefined) continue;
        // SPEC §3: a base contract above the plan's rate raises the expected rate to it.
        const base = row.invalid.has('baseRate') ? undefined : row.values.baseRate;
        const days = expectedDaysIn(ctx, shopId, firstDay, lastDay).map((d) => ({ day: d.day, rate: partnerFront(d.rate, base) }));
        const wrong = days.filter((d) => !samePercent(d.rate, actual));
        if (wrong.length === 0) continue;
        const wrongRates = [...new Set(wrong.map((d) => d.rate))].sort((a, b) => a - b);
        const allRates = new Set(days.map((d) => d.rate));
        const wrongRanges = runsOf(wrong.map((d) => d.day), () => 0).map((r) => rangeLabel(r.from, r.to));
        const data = {
          shopId,
          actual: percentText(actual),
          days: wrongRanges.join('、'),
          daysEn: wrongRanges.join(', '),
          expected: wrongRates.map(percentText).join('、'),
          expectedEn: wrongRates.map(percentText).join(' or '),
        };
        if (allRates.size === 1) {
          const value = percentText(wrongRates[0]!);
          ctx.report({ sheet, row, key: 'frontRate', data, suggestion: { value, label: msg('改成 {value}', 'Use {value}') } });
        } else {
          const schedule = rateRuns(days).map((r) => `${rangeLabel(r.from, r.to)} ${percentText(r.key)}`);
          const status = row.values.status;
          const messageId = status === '待審核' ? 'splitPending' : status === '通過' ? 'splitApproved' : 'split';
          ctx.report({ sheet, row, key: 'frontRate', messageId, data: { ...data, schedule: schedule.join('、'), scheduleEn: schedule.join(', ') } });
        }
      }
    }
  },
});
