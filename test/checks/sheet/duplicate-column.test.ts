import { ruleTester } from '../../helpers/rule-tester.js';
import { kindTable, enrollmentRow } from '../../helpers/tables.js';
import { tableFromValues } from '../../../rules/index.js';

ruleTester('sheet/duplicate-column', {
  valid: [{ name: 'each column once', tables: [kindTable('enrollment', [enrollmentRow()])] }],
  invalid: [
    {
      name: 'Shop ID written twice, once in English',
      tables: [
        tableFromValues('報名表', [
          ['品牌名稱', '商店代碼', '聯絡信箱', '方案', '報名時間', '官網/社群曝光', '環狀數據', '原CPS%', 'Shop ID'],
          ['好日子食品', 'goodday_food', 'a@b.tw', '季方案', '2026/3/20', '是', '否', '8%', 'goodday_food'],
        ]),
      ],
      problems: [{ row: 1, cell: 'I1', data: { header: 'Shop ID', first: '商店代碼', firstCell: 'B1' } }],
    },
  ],
});
