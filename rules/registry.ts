/**
 * The explicit rule registry, sorted by id. A rule exists for the engine only when it is listed
 * here; test/meta.test.ts fails when a rule file is missing from this list, lacks a test, or
 * lacks a message in either language.
 */
import type { Rule } from './engine/rule.js';
import calendarYearNotCovered from './checks/calendar/year-not-covered.js';
import campaignInvalidConfig from './checks/campaign/invalid-config.js';
import cellAmbiguousPercent from './checks/cell/ambiguous-percent.js';
import cellFormulaError from './checks/cell/formula-error.js';
import cellInvalidDate from './checks/cell/invalid-date.js';
import cellInvalidEmail from './checks/cell/invalid-email.js';
import cellInvalidEnum from './checks/cell/invalid-enum.js';
import cellInvalidNumber from './checks/cell/invalid-number.js';
import cellInvalidPercent from './checks/cell/invalid-percent.js';
import cellRequired from './checks/cell/required.js';
import cellWeekdayMismatch from './checks/cell/weekday-mismatch.js';
import enrollmentBaseCpsAtOrAbovePartner from './checks/enrollment/base-cps-at-or-above-partner.js';
import enrollmentChosenDayOnFriday from './checks/enrollment/chosen-day-on-friday.js';
import enrollmentChosenDayOutsidePlan from './checks/enrollment/chosen-day-outside-plan.js';
import enrollmentChosenDayTooSoon from './checks/enrollment/chosen-day-too-soon.js';
import enrollmentDuplicateChosenDay from './checks/enrollment/duplicate-chosen-day.js';
import enrollmentDuplicateShop from './checks/enrollment/duplicate-shop.js';
import enrollmentInvalidShopId from './checks/enrollment/invalid-shop-id.js';
import enrollmentLateRegistration from './checks/enrollment/late-registration.js';
import enrollmentNoPromotionCommitment from './checks/enrollment/no-promotion-commitment.js';
import enrollmentTooManyChosenDays from './checks/enrollment/too-many-chosen-days.js';
import enrollmentUnknownPlan from './checks/enrollment/unknown-plan.js';
import enrollmentUnusedChosenDays from './checks/enrollment/unused-chosen-days.js';
import sheetDuplicateColumn from './checks/sheet/duplicate-column.js';
import sheetMissingColumn from './checks/sheet/missing-column.js';
import sheetNoHeader from './checks/sheet/no-header.js';
import sheetUnknownColumn from './checks/sheet/unknown-column.js';
import workbookUnknownSheet from './checks/workbook/unknown-sheet.js';
import workbookUnreadable from './checks/workbook/unreadable.js';

const LIST: Rule[] = [
  calendarYearNotCovered,
  campaignInvalidConfig,
  cellAmbiguousPercent,
  cellFormulaError,
  cellInvalidDate,
  cellInvalidEmail,
  cellInvalidEnum,
  cellInvalidNumber,
  cellInvalidPercent,
  cellRequired,
  cellWeekdayMismatch,
  enrollmentBaseCpsAtOrAbovePartner,
  enrollmentChosenDayOnFriday,
  enrollmentChosenDayOutsidePlan,
  enrollmentChosenDayTooSoon,
  enrollmentDuplicateChosenDay,
  enrollmentDuplicateShop,
  enrollmentInvalidShopId,
  enrollmentLateRegistration,
  enrollmentNoPromotionCommitment,
  enrollmentTooManyChosenDays,
  enrollmentUnknownPlan,
  enrollmentUnusedChosenDays,
  sheetDuplicateColumn,
  sheetMissingColumn,
  sheetNoHeader,
  sheetUnknownColumn,
  workbookUnknownSheet,
  workbookUnreadable,
];

/** Every rule, sorted by id (the order rules run in). */
export const RULES: readonly Rule[] = [...LIST].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
