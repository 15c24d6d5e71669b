/**
 * The explicit rule registry, sorted by id. A rule exists for the engine only when it is listed
 * here; test/meta.test.ts fails when a rule file is missing from this list, lacks a test, or
 * lacks a message in either language.
 */
import type { Rule } from './engine/rule.js';
import adEndBeforeStart from './checks/ad/end-before-start.js';
import adImageSize from './checks/ad/image-size.js';
import adImageTooLarge from './checks/ad/image-too-large.js';
import adImageUnreadable from './checks/ad/image-unreadable.js';
import adInvalidUrl from './checks/ad/invalid-url.js';
import adLateSubmission from './checks/ad/late-submission.js';
import adNotFuture from './checks/ad/not-future.js';
import adShortUrl from './checks/ad/short-url.js';
import adUrlTooLong from './checks/ad/url-too-long.js';
import assetNotChecked from './checks/asset/not-checked.js';
import calendarYearNotCovered from './checks/calendar/year-not-covered.js';
import campaignInvalidConfig from './checks/campaign/invalid-config.js';
import campaignTodayOutsidePeriod from './checks/campaign/today-outside-period.js';
import cellAmbiguousPercent from './checks/cell/ambiguous-percent.js';
import cellFormulaError from './checks/cell/formula-error.js';
import cellInvalidDate from './checks/cell/invalid-date.js';
import cellInvalidEmail from './checks/cell/invalid-email.js';
import cellInvalidEnum from './checks/cell/invalid-enum.js';
import cellInvalidNumber from './checks/cell/invalid-number.js';
import cellInvalidPercent from './checks/cell/invalid-percent.js';
import cellRequired from './checks/cell/required.js';
import cellWeekdayMismatch from './checks/cell/weekday-mismatch.js';
import contractApprovedChanged from './checks/contract/approved-changed.js';
import contractBaseRateMismatch from './checks/contract/base-rate-mismatch.js';
import contractChosenDaysChanged from './checks/contract/chosen-days-changed.js';
import contractCpsBelowBase from './checks/contract/cps-below-base.js';
import contractCpsChanged from './checks/contract/cps-changed.js';
import contractDuplicateProductType from './checks/contract/duplicate-product-type.js';
import contractEndBeforeStart from './checks/contract/end-before-start.js';
import contractFrontBelowBase from './checks/contract/front-below-base.js';
import contractFundingNegative from './checks/contract/funding-negative.js';
import contractInvalidRebateCap from './checks/contract/invalid-rebate-cap.js';
import contractLateSubmission from './checks/contract/late-submission.js';
import contractMissingProductId from './checks/contract/missing-product-id.js';
import contractNoBaseContract from './checks/contract/no-base-contract.js';
import contractNotWholeDay from './checks/contract/not-whole-day.js';
import contractOverlap from './checks/contract/overlap.js';
import contractPartnerCps from './checks/contract/partner-cps.js';
import contractPartnerVendorBonus from './checks/contract/partner-vendor-bonus.js';
import contractPendingChanged from './checks/contract/pending-changed.js';
import contractPointPriceMismatch from './checks/contract/point-price-mismatch.js';
import contractProductTypesMismatch from './checks/contract/product-types-mismatch.js';
import contractRemarkMismatch from './checks/contract/remark-mismatch.js';
import contractRemarkSpecialChars from './checks/contract/remark-special-chars.js';
import contractVendorBonusMismatch from './checks/contract/vendor-bonus-mismatch.js';
import dealDuplicateProduct from './checks/deal/duplicate-product.js';
import dealEndBeforeStart from './checks/deal/end-before-start.js';
import dealImageNotSquare from './checks/deal/image-not-square.js';
import dealInvalidProductUrl from './checks/deal/invalid-product-url.js';
import dealManualProductIncomplete from './checks/deal/manual-product-incomplete.js';
import dealNoDiscount from './checks/deal/no-discount.js';
import dealPinnedChanged from './checks/deal/pinned-changed.js';
import dealTooManyProducts from './checks/deal/too-many-products.js';
import enrollmentBaseCpsAtOrAbovePartner from './checks/enrollment/base-cps-at-or-above-partner.js';
import enrollmentChosenDayOnFriday from './checks/enrollment/chosen-day-on-friday.js';
import enrollmentChosenDayOutsidePlan from './checks/enrollment/chosen-day-outside-plan.js';
import enrollmentChosenDayTooSoon from './checks/enrollment/chosen-day-too-soon.js';
import enrollmentDuplicateChosenDay from './checks/enrollment/duplicate-chosen-day.js';
import enrollmentDuplicateShop from './checks/enrollment/duplicate-shop.js';
import enrollmentHeroImageSize from './checks/enrollment/hero-image-size.js';
import enrollmentInvalidShopId from './checks/enrollment/invalid-shop-id.js';
import enrollmentLateRegistration from './checks/enrollment/late-registration.js';
import enrollmentMissingHeroImage from './checks/enrollment/missing-hero-image.js';
import enrollmentNoPromotionCommitment from './checks/enrollment/no-promotion-commitment.js';
import enrollmentTooManyChosenDays from './checks/enrollment/too-many-chosen-days.js';
import enrollmentUnknownPlan from './checks/enrollment/unknown-plan.js';
import enrollmentUnusedChosenDays from './checks/enrollment/unused-chosen-days.js';
import oaDuplicateChannel from './checks/oa/duplicate-channel.js';
import oaInvalidBasicId from './checks/oa/invalid-basic-id.js';
import oaInvalidChannelId from './checks/oa/invalid-channel-id.js';
import oaInvalidChannelSecret from './checks/oa/invalid-channel-secret.js';
import oaNotifyEmails from './checks/oa/notify-emails.js';
import partnerCrossesMonth from './checks/partner/crosses-month.js';
import partnerExtraContract from './checks/partner/extra-contract.js';
import partnerMissingDay from './checks/partner/missing-day.js';
import partnerWrongRate from './checks/partner/wrong-rate.js';
import ringAudience from './checks/ring/audience.js';
import ringExcludeBuyersWindow from './checks/ring/exclude-buyers-window.js';
import ringInvalidCap from './checks/ring/invalid-cap.js';
import ringInvalidTime from './checks/ring/invalid-time.js';
import ringLateRequest from './checks/ring/late-request.js';
import ringMissingMonthlySend from './checks/ring/missing-monthly-send.js';
import ringNoBonusActive from './checks/ring/no-bonus-active.js';
import ringNoOaBinding from './checks/ring/no-oa-binding.js';
import sheetDuplicateColumn from './checks/sheet/duplicate-column.js';
import sheetMissingColumn from './checks/sheet/missing-column.js';
import sheetNoHeader from './checks/sheet/no-header.js';
import sheetUnknownColumn from './checks/sheet/unknown-column.js';
import workbookUnknownSheet from './checks/workbook/unknown-sheet.js';
import workbookUnreadable from './checks/workbook/unreadable.js';

const LIST: Rule[] = [
  adEndBeforeStart,
  adImageSize,
  adImageTooLarge,
  adImageUnreadable,
  adInvalidUrl,
  adLateSubmission,
  adNotFuture,
  adShortUrl,
  adUrlTooLong,
  assetNotChecked,
  calendarYearNotCovered,
  campaignInvalidConfig,
  campaignTodayOutsidePeriod,
  cellAmbiguousPercent,
  cellFormulaError,
  cellInvalidDate,
  cellInvalidEmail,
  cellInvalidEnum,
  cellInvalidNumber,
  cellInvalidPercent,
  cellRequired,
  cellWeekdayMismatch,
  contractApprovedChanged,
  contractBaseRateMismatch,
  contractChosenDaysChanged,
  contractCpsBelowBase,
  contractCpsChanged,
  contractDuplicateProductType,
  contractEndBeforeStart,
  contractFrontBelowBase,
  contractFundingNegative,
  contractInvalidRebateCap,
  contractLateSubmission,
  contractMissingProductId,
  contractNoBaseContract,
  contractNotWholeDay,
  contractOverlap,
  contractPartnerCps,
  contractPartnerVendorBonus,
  contractPendingChanged,
  contractPointPriceMismatch,
  contractProductTypesMismatch,
  contractRemarkMismatch,
  contractRemarkSpecialChars,
  contractVendorBonusMismatch,
  dealDuplicateProduct,
  dealEndBeforeStart,
  dealImageNotSquare,
  dealInvalidProductUrl,
  dealManualProductIncomplete,
  dealNoDiscount,
  dealPinnedChanged,
  dealTooManyProducts,
  enrollmentBaseCpsAtOrAbovePartner,
  enrollmentChosenDayOnFriday,
  enrollmentChosenDayOutsidePlan,
  enrollmentChosenDayTooSoon,
  enrollmentDuplicateChosenDay,
  enrollmentDuplicateShop,
  enrollmentHeroImageSize,
  enrollmentInvalidShopId,
  enrollmentLateRegistration,
  enrollmentMissingHeroImage,
  enrollmentNoPromotionCommitment,
  enrollmentTooManyChosenDays,
  enrollmentUnknownPlan,
  enrollmentUnusedChosenDays,
  oaDuplicateChannel,
  oaInvalidBasicId,
  oaInvalidChannelId,
  oaInvalidChannelSecret,
  oaNotifyEmails,
  partnerCrossesMonth,
  partnerExtraContract,
  partnerMissingDay,
  partnerWrongRate,
  ringAudience,
  ringExcludeBuyersWindow,
  ringInvalidCap,
  ringInvalidTime,
  ringLateRequest,
  ringMissingMonthlySend,
  ringNoBonusActive,
  ringNoOaBinding,
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
