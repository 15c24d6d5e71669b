import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { tableFromValues } from '../../../rules/index.js';

ruleTester('sheet/unknown-column', {
  valid: [{ name: 'only known columns', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: 'a memo column is noted and ignored',
      tables: [
        tableFromValues('報名表', [
          ['品牌名稱', '商店代碼', '備忘', '聯絡信箱', '方案', '報名時間', '官網/社群曝光', '環狀數據', '原CPS%'],
          ['好日子食品', 'goodday_food', '=HYPERLINK("x")', 'a@b.tw', '季方案', '2026/3/20', '是', '否', '8%'],
        ]),
      ],
      problems: [{ row: 1, cell: 'C1', data: { header: '備忘' } }],
    },
  ],
});
