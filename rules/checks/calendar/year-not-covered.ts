import { defineRule, msg } from '../../engine/rule.js';

/**
 * `calendar/year-not-covered`: a date needs working days of a year the office calendar lacks.
 * Reported by the engine's `deadlineDay`/`workingDay` helpers whenever a rule asks about such a
 * year (so the rule that needed it names the cell); this file holds its meta and messages.
 */
export default defineRule({
  meta: {
    id: 'calendar/year-not-covered',
    defaultSeverity: 'error',
    scope: 'calendar',
    requires: [],
    docs: msg('日期所在年份不在辦公日曆表內，無法計算工作日。', 'A date needs working days of a year the office calendar lacks.'),
    messages: {
      default: msg(
        '{year} 年不在行政機關辦公日曆表內（目前涵蓋 {covered} 年），無法計算工作日期限。',
        'The office calendar does not cover {year} (it covers {coveredEn}); working-day deadlines cannot be computed.',
      ),
    },
    hasSuggestion: false,
  },
  check: () => {
    // Reported through ctx.deadlineDay / ctx.workingDay by the rules that need working days.
  },
});
