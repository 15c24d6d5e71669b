import { describe, it, expect } from 'vitest';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';
import { ringSendRow, workbookOf } from '../../helpers/rows.js';

ruleTester('ring/exclude-buyers-window', {
  valid: [
    { name: 'the four options', tables: workbookOf({ ring: [ringSendRow({ excludeBuyers: '否' }), ringSendRow({ excludeBuyers: '近10天' }), ringSendRow({ excludeBuyers: '近3個月' }), ringSendRow({ excludeBuyers: '近半年' })] }) },
    { name: 'aliases: 近三個月, 近6個月, full-width digits, English', tables: workbookOf({ ring: [ringSendRow({ excludeBuyers: '近三個月' }), ringSendRow({ excludeBuyers: '近6個月' }), ringSendRow({ excludeBuyers: '近１０天' }), ringSendRow({ excludeBuyers: 'last 10 days' })] }) },
  ],
  invalid: [
    {
      name: 'a custom month (the fixture’s 近1個月): the shortest window covering it is suggested',
      tables: workbookOf({ ring: [ringSendRow({ excludeBuyers: '近1個月' })] }),
      problems: [{ row: 2, cell: 'F2', column: '排除買家', data: { text: '近1個月', allowed: '否、近10天、近3個月、近半年' }, suggestion: '近3個月' }],
    },
    {
      name: 'short, long and spelled-out windows',
      tables: workbookOf({ ring: [ringSendRow({ excludeBuyers: '近5天' }), ringSendRow({ excludeBuyers: '近一年' }), ringSendRow({ excludeBuyers: '最近兩週' }), ringSendRow({ excludeBuyers: '近4個月' })] }),
      problems: [
        { row: 2, cell: 'F2', suggestion: '近10天' },
        { row: 3, cell: 'F3', suggestion: '近半年' },
        { row: 4, cell: 'F4', suggestion: '近3個月' },
        { row: 5, cell: 'F5', suggestion: '近半年' },
      ],
    },
    { name: '是 without a window', tables: workbookOf({ ring: [ringSendRow({ excludeBuyers: '是' })] }), problems: [{ row: 2, cell: 'F2', data: { text: '是' } }] },
  ],
});

describe('ring/exclude-buyers-window suggestions', () => {
  it('suggests nothing when the text is no window at all', () => {
    const [v] = runRule('ring/exclude-buyers-window', { name: 'yes', tables: workbookOf({ ring: [ringSendRow({ excludeBuyers: '是' })] }) });
    expect(v?.suggestion).toBeUndefined();
  });
});
