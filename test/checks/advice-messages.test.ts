/**
 * Issue 13's message wording, rendered whole in both languages: months as `2026 年 5 月` /
 * `May 2026` (never `2026-05`), every deadline with its weekday (`2025/11/28(五) 23:59:59` /
 * `Fri 2025/11/28 23:59:59`), allowances phrased as what the brand can do, English plurals
 * (1 chosen day / 2 chosen days), and a late registration naming the plan still open.
 */
import { describe, expect, it } from 'vitest';
import { runRule } from '../helpers/rule-tester.js';
import { dateCell, enrollmentRow, kindTable, type RowSpec } from '../helpers/tables.js';
import { adRow, mayEnrollmentRow, mayScheduleRows, partnerContractRow, ringSendRow, workbookOf } from '../helpers/rows.js';
import { contractsTab, partnerRow } from './contract/contract-rows.js';
import type { Table } from '../../rules/index.js';

interface MessageCase {
  readonly name: string;
  readonly ruleId: string;
  readonly tables: readonly Table[];
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

const enrollment = (rows: readonly RowSpec[]): Table[] => [kindTable('enrollment', rows)];
const may = (over: RowSpec) => enrollmentRow({ plan: '5月單月方案', submittedAt: '2026/4/20 10:00', ...over });

function check(c: MessageCase): void {
  it(`${c.ruleId}: ${c.name}`, () => {
    const zh = runRule(c.ruleId, { name: c.name, tables: c.tables }).map((v) => v.message);
    const en = runRule(c.ruleId, { name: c.name, tables: c.tables, options: { lang: 'en' } }).map((v) => v.message);
    expect(zh).toEqual(c.zh);
    expect(en).toEqual(c.en);
  });
}

describe('months are written 2026 年 5 月 / May 2026', () => {
  const cases: MessageCase[] = [
    {
      name: 'quarter plan, then June again',
      ruleId: 'enrollment/duplicate-shop',
      tables: enrollment([enrollmentRow(), enrollmentRow({ plan: '6月單月方案', submittedAt: '2026/5/1', chosenDays: '6/4' })]),
      zh: ['商店「goodday_food」的 2026 年 6 月 已在「報名表」第 2 列報名過，不可重複報名。'],
      en: ['Shop "goodday_food" is already enrolled for June 2026 at "報名表" row 2.'],
    },
    {
      name: 'a quarter plan with sends only in May',
      ruleId: 'ring/missing-monthly-send',
      tables: workbookOf({ enrollment: [enrollmentRow({ ringData: '是' })], ring: [ringSendRow(), ringSendRow({ sendDate: '2026/5/27' })] }),
      zh: ['商店「goodday_food」報名時承諾每月發送環狀數據，但 2026 年 4 月 沒有任何發送。', '商店「goodday_food」報名時承諾每月發送環狀數據，但 2026 年 6 月 沒有任何發送。'],
      en: ['Shop "goodday_food" committed to a monthly ring-data push but has no send in April 2026.', 'Shop "goodday_food" committed to a monthly ring-data push but has no send in June 2026.'],
    },
    {
      name: 'a June day on the May plan',
      ruleId: 'enrollment/chosen-day-outside-plan',
      tables: enrollment([may({ chosenDays: '5/6、5/13、6/3' })]),
      zh: ['任選日「6/3」不在5月單月方案的月份（2026 年 5 月）內。'],
      en: ['Chosen day "6/3" is outside the May monthly plan months (May 2026).'],
    },
    {
      name: 'a June contract of a May-only shop',
      ruleId: 'partner/extra-contract',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [...mayScheduleRows(), partnerContractRow(6, 1, 1, 5)] }),
      zh: ['夥伴互利合約的 6/1 不在商店「goodday_food」的報名月份（2026 年 5 月）內。'],
      en: ['The partner contract covers 6/1, outside the enrolled months of shop "goodday_food" (May 2026).'],
    },
    {
      name: '4/29–5/2 spans April and May',
      ruleId: 'partner/crosses-month',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: [partnerContractRow(5, 1, 2, 10, { start: dateCell(2026, 4, 29) })] }),
      zh: ['夥伴互利合約 4/29-5/2 跨越 2026 年 4 月、2026 年 5 月；任選日與方案都以月為單位，請依月份拆成：4/29-4/30、5/1-5/2。'],
      en: ['The partner contract 4/29-5/2 spans April 2026, May 2026; chosen days and plans are per month, so split it into: 4/29-4/30, 5/1-5/2.'],
    },
    {
      name: 'the last two days of May are missing',
      ruleId: 'partner/missing-day',
      tables: workbookOf({ enrollment: [mayEnrollmentRow()], contracts: mayScheduleRows().slice(0, -1) }),
      zh: ['商店「goodday_food」2026 年 5 月 的 5/30-5/31（2 天）沒有夥伴互利活動加碼合約；需補上：5/30-5/31_加碼5%。'],
      en: ['Shop "goodday_food" has no partner-plan campaign-wide contract for 5/30-5/31 (2 days) of May 2026; add: 5/30-5/31_加碼5%.'],
    },
  ];
  cases.forEach(check);
});

describe('deadlines carry their weekday', () => {
  const cases: MessageCase[] = [
    {
      name: 'deck: a Wed 2025-12-03 start submitted Sat 2025-11-29',
      ruleId: 'contract/late-submission',
      tables: [contractsTab([partnerRow(1, 1, 10, { remark: '12/3_加碼10%', start: dateCell(2025, 12, 3), end: dateCell(2025, 12, 3, 23, 59, 59), submittedAt: dateCell(2025, 11, 29) })])],
      zh: ['2025/12/03 00:00:00 開始的合約最晚須在 2025/11/28(五) 23:59:59 前送審，但送審時間是 2025/11/29 00:00:00。'],
      en: ['A contract starting 2025/12/03 00:00:00 must be submitted by Fri 2025/11/28 23:59:59, but it was submitted at 2025/11/29 00:00:00.'],
    },
    {
      name: 'Fri 5/8 uploaded Wed 5/6',
      ruleId: 'ad/late-submission',
      tables: workbookOf({ ads: [adRow({ submittedAt: dateCell(2026, 5, 6, 9) })] }),
      zh: ['2026/05/08 00:00:00 開始曝光的素材最晚須在 2026/05/05(二) 23:59:59 前上稿，但上稿時間是 2026/05/06 09:00:00。'],
      en: ['An ad exposed from 2026/05/08 00:00:00 must be uploaded by Tue 2026/05/05 23:59:59, but it was uploaded at 2026/05/06 09:00:00.'],
    },
    {
      name: 'Tue 5/12 requested on Fri 5/8',
      ruleId: 'ring/late-request',
      tables: workbookOf({ ring: [ringSendRow({ requestedAt: dateCell(2026, 5, 8) })] }),
      zh: ['2026/05/12 發送的環狀數據最晚須在 2026/05/07(四) 23:59:59 前提出，但需求提出時間是 2026/05/08 00:00:00；最早可改在 2026/05/13 發送。'],
      en: ['A ring-data push on 2026/05/12 must be requested by Thu 2026/05/07 23:59:59, but it was requested at 2026/05/08 00:00:00; the earliest possible send date is 2026/05/13.'],
    },
    {
      name: 'sent Thu 5/28 09:00: 6/1 needed its contract by Wed 5/27',
      ruleId: 'enrollment/chosen-day-too-soon',
      tables: enrollment([enrollmentRow({ plan: '6月單月方案', submittedAt: '2026/5/28 09:00', chosenDays: '6/1、6/2、6/9' })]),
      zh: ['任選日「6/1」的加碼合約最晚須在 2026/05/27(三) 23:59:59 前送審，但報名時間是 2026/05/28 09:00:00，來不及設定。'],
      en: ['Chosen day "6/1" needs its contract submitted by Wed 2026/05/27 23:59:59, but the form was sent at 2026/05/28 09:00:00: too late.'],
    },
    {
      name: 'a late May form names the June plan still open; a late June form has none left',
      ruleId: 'enrollment/late-registration',
      tables: enrollment([
        enrollmentRow({ plan: '5月單月方案', chosenDays: '5/6、5/13、5/27', submittedAt: '2026/4/21 17:01' }),
        enrollmentRow({ shopId: 'late_shop', plan: '6月單月方案', chosenDays: '6/3、6/10、6/17', submittedAt: '2026/5/21 17:01' }),
      ]),
      zh: [
        '5月單月方案的報名截止時間是 2026/04/21(二) 17:00:00，這筆在 2026/04/21 17:01:00 報名，已逾期；仍可報名6月單月方案（截止 2026/05/21(四) 17:00:00），請改選該方案。',
        '6月單月方案的報名截止時間是 2026/05/21(四) 17:00:00，這筆在 2026/05/21 17:01:00 報名，已逾期。',
      ],
      en: [
        'The May monthly plan closed at Tue 2026/04/21 17:00:00; this form was sent at 2026/04/21 17:01:00, too late. The June monthly plan is still open (until Thu 2026/05/21 17:00:00): choose it instead.',
        'The June monthly plan closed at Thu 2026/05/21 17:00:00; this form was sent at 2026/05/21 17:01:00, too late.',
      ],
    },
  ];
  cases.forEach(check);
});

describe('allowances say what the brand can do, with English plurals', () => {
  const cases: MessageCase[] = [
    {
      name: 'one over, two over, and none allowed',
      ruleId: 'enrollment/too-many-chosen-days',
      tables: enrollment([
        may({ chosenDays: '5/6, 5/14, 5/21, 5/26' }),
        may({ shopId: 's2', chosenDays: '5/6, 5/14, 5/21, 5/26, 5/27' }),
        may({ shopId: 's3', siteExposure: '否', ringData: '否', chosenDays: '5/13' }),
      ]),
      zh: [
        '2026 年 5 月 選了 4 個任選日，但依推廣承諾每月可選 3 天：請刪去 1 天。',
        '2026 年 5 月 選了 5 個任選日，但依推廣承諾每月可選 3 天：請刪去 2 天。',
        '2026 年 5 月 選了 1 個任選日，但沒有勾選推廣承諾，就沒有任選日：勾選「官網/社群曝光」或「環狀數據」其中一項，每月可選 3 天；兩項都做可選 6 天。否則請清空任選日。',
      ],
      en: [
        'May 2026 has 4 chosen days, but the promotion commitment allows 3 chosen days a month: remove 1 chosen day.',
        'May 2026 has 5 chosen days, but the promotion commitment allows 3 chosen days a month: remove 2 chosen days.',
        'May 2026 has 1 chosen day, but without a promotion commitment there are no chosen days: commit to site/social exposure or ring-data pushes for 3 a month, both for 6; otherwise clear the chosen days.',
      ],
    },
    {
      name: '1 of 3, 2 of 3, 5 of 6',
      ruleId: 'enrollment/unused-chosen-days',
      tables: enrollment([may({ chosenDays: '5/6' }), may({ shopId: 's2', chosenDays: '5/6, 5/13' }), may({ shopId: 's3', ringData: '是', chosenDays: '5/6, 5/13, 5/20, 5/27, 5/28' })]),
      zh: [
        '2026 年 5 月 可選 3 個任選日，目前只選了 1 個；未選的天數不能留到下個月。',
        '2026 年 5 月 可選 3 個任選日，目前只選了 2 個；未選的天數不能留到下個月。',
        '2026 年 5 月 可選 6 個任選日，目前只選了 5 個；未選的天數不能留到下個月。',
      ],
      en: [
        'May 2026 allows 3 chosen days but only 1 is chosen; unused days do not carry over.',
        'May 2026 allows 3 chosen days but only 2 are chosen; unused days do not carry over.',
        'May 2026 allows 6 chosen days but only 5 are chosen; unused days do not carry over.',
      ],
    },
  ];
  cases.forEach(check);
});

describe('no message of any rule prints a bare YYYY-MM month', () => {
  it('every message template and the month data the rules fill in', async () => {
    const { RULES } = await import('../../rules/index.js');
    for (const r of RULES) for (const m of Object.values(r.meta.messages)) for (const text of [m['zh-TW'], m.en]) expect(text, r.meta.id).not.toMatch(/\d{4}-\d{2}(?!-)/);
  });
});
