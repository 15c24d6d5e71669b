/**
 * The public API of the rules module. Pure TypeScript: no Node, no Apps Script, no clock. The
 * validator (validator/), the add-on (addon/) and the templates (templates/) import only this.
 */
export * from './types.js';
export * from './model.js';
export { ColumnarTable, ColumnarTableBuilder, EditedTable, tableCell, tableRow, tableRowCount } from './columnar-table.js';
export type { ColumnarTableData } from './columnar-table.js';
export { SHEET_KIND_DEFS, ENROLLMENT, CONTRACTS, BASE_CONTRACTS, RING_DATA, AD_MATERIALS, FLASH_DEALS, OA_BINDING, kindDef } from './columns.js';
export type { ColumnDef, ColumnType, EnumOption, SheetKindDef } from './columns.js';
export { validateWorkbook, analyseWorkbook, yearForCampaign } from './engine/validate.js';
export type { ValidateOptions, WorkbookAnalysis } from './engine/validate.js';
export { renderMessage, renderViolation, fillTemplate } from './engine/render.js';
export type { Rule, RuleContext } from './engine/rule.js';
export type { Baseline, BaselineContract, BaselineDeal, BaselineEnrollment } from './engine/baseline.js';
export { baselineFromWorkbook, baselineFromAnalysis, baselineFromReport, BaselineSchema } from './derive/baseline.js';
export type { BaselineReadResult } from './derive/baseline.js';
export { RULES, RULES_BY_ID, RULE_IDS } from './registry.js';
export { loadCampaign, DEFAULT_CAMPAIGN } from './campaign/campaign.js';
export type { Campaign, Plan, CampaignLoadResult } from './campaign/campaign.js';
export { CampaignSchema } from './campaign/schema.js';
export type { CampaignConfig } from './campaign/schema.js';
export { CAMPAIGN_2026_Q2 } from './campaign/default-2026q2.js';
export { rebateCalendar, calendarGrid, expectedRate } from './compute/rebate-calendar.js';
export type { RebateDay, RebateMonth, RebateReason } from './compute/rebate-calendar.js';
export { generateSchedule, scheduleToRows, schedulesForWorkbook } from './compute/schedule.js';
export type { Schedule, ScheduleInput, ScheduleRequest, ScheduleOptions, ScheduleProblem, ScheduledContract, ContractLine, ContractRowText } from './compute/schedule.js';
export { shopPlans } from './compute/enrollment-plan.js';
export type { ShopPlan, PlannedMonth, BaseContractTerms } from './compute/enrollment-plan.js';
export { estimateCost, estimateCosts } from './compute/cost.js';
export type { CostInput, CostEstimate, RateDays, MonthCost, ShopCosts, CostTotal, CostField } from './compute/cost.js';
export { displayNtd, roundNtd, money, sumMoney, moneyToNumber } from './compute/money.js';
export type { Money } from './compute/money.js';
export { unreadableFileReport, buildReport, countViolations, TOOL_VERSION } from './report.js';
export * as civil from './time/civil.js';
export { isWorkingDay, holidayName, holidayNameIn, nthWorkingDayBefore, submissionDeadlineDay, submissionDeadlineWall, TW_OFFICE_CALENDAR, YearNotCoveredError } from './time/office-calendar.js';
export type { OfficeCalendar } from './time/office-calendar.js';
export { normalizeText } from './text/normalize.js';
export { isWebAddress } from './derive/pictures.js';
export { maskSecret } from './engine/secrets.js';
export * from './template-spec.js';
export { CALENDAR_COLOURS, CHOSEN_MARK, calendarCss, calendarLegend, dayClasses, dayStyle, rateTier } from './compute/calendar-style.js';
export type { DayStyle, LegendEntry, RateTier, Rates } from './compute/calendar-style.js';
export { ringMailsForWorkbook, ringMailOf, ringMailBody, ringMailto, weekdayLabel, RING_MAIL_LABELS } from './compute/ring-mail.js';
export type { RingMail, RingMailSkip, RingMails } from './compute/ring-mail.js';
export { deadlinesForWorkbook, weekdayLabelEn } from './compute/deadlines.js';
export type { Deadline, DeadlineKind, Deadlines } from './compute/deadlines.js';
export { tooManyChosenDaysData } from './checks/enrollment/too-many-chosen-days.js';
