import { describe, it, expect } from 'vitest';
import { ruleTester } from '../../helpers/rule-tester.js';
import { brandRow, contractsTab, partnerRow } from './contract-rows.js';
import { cleanRemark, isRemarkChar, specialChars } from '../../../rules/checks/contract/remark-special-chars.js';

describe('remark characters', () => {
  it('allows letters, digits, CJK, spaces, the listed punctuation, their full-width forms and 、', () => {
    for (const ch of [...'aZ09加碼ａ１ _-/%()+.,:~＿－／％（）＋．，：～、', '\u3000']) expect(isRemarkChar(ch), ch).toBe(true);
  });
  it('rejects emoji, symbols and other punctuation', () => {
    for (const ch of ['🎉', '★', '!', '！', '#', '@', '&', '*', '。', '「', '\n', '①']) expect(isRemarkChar(ch), ch).toBe(false);
  });
  it('lists the distinct special characters, invisible ones by code point', () => {
    expect(specialChars('5/12_加碼10% 🎉!🎉')).toEqual(['🎉', '!']);
    expect(specialChars('a\tb')).toEqual(['U+0009']);
  });
  it('cleans a remark', () => {
    expect(cleanRemark('5/12_加碼10% 🎉')).toBe('5/12_加碼10%');
    expect(cleanRemark('★ 5/1 ★ 加碼')).toBe('5/1 加碼');
  });
  it('keeps range marks as - and turns line breaks into a space (SPEC §5.3)', () => {
    for (const mark of ['–', '—', '〜', '→', '―', '−', '⇒']) expect(cleanRemark(`5/1${mark}5/3_加碼5%`), mark).toBe('5/1-5/3_加碼5%');
    expect(cleanRemark('5/1-5/3\n加碼5%')).toBe('5/1-5/3 加碼5%');
    expect(cleanRemark('5/1-5/3\r\n\r\n加碼5%')).toBe('5/1-5/3 加碼5%');
  });
});

ruleTester('contract/remark-special-chars', {
  valid: [
    { name: 'the deck: 1/1-1/2_加碼10%', tables: [contractsTab([partnerRow(1, 2, 10, { remark: '1/1-1/2_加碼10%' })])] },
    { name: 'the deck: 12/1_5%(基礎2%+店家支付3%)', tables: [contractsTab([brandRow(1, { remark: '12/1_5%(基礎2%+店家支付3%)', frontRate: '5%', vendorBonus: '3%' })])] },
    { name: 'full-width forms and 、', tables: [contractsTab([partnerRow(1, 2, 10, { remark: '５／１－５／２＿加碼１０％（全館、限時）' })])] },
    { name: 'the CMS example ECAC_7.26_20250723 ET', tables: [contractsTab([partnerRow(1, 2, 10, { remark: 'ECAC_7.26_20250723 ET' })])] },
  ],
  invalid: [
    {
      name: 'fixture row 9: an emoji',
      tables: [contractsTab([partnerRow(12, 12, 10, { remark: '5/12_加碼10% 🎉' })])],
      problems: [{ row: 2, cell: 'C2', messageId: 'default', data: { chars: '🎉', cleaned: '5/12_加碼10%' }, suggestion: '5/12_加碼10%' }],
    },
    {
      name: 'one violation for a two-row contract',
      tables: [contractsTab([partnerRow(1, 1, 10, { remark: '5/1★加碼10%!' }), partnerRow(1, 1, 10, { remark: '5/1★加碼10%!', productType: '3c' })])],
      problems: [{ row: 2, cell: 'C2', data: { chars: '★ !' }, suggestion: '5/1加碼10%' }],
    },
    {
      name: 'issue 13: an en dash range keeps its range (5/1–5/3_加碼5% → 5/1-5/3_加碼5%, never 5/15/3_加碼5%)',
      tables: [contractsTab([partnerRow(1, 3, 5, { remark: '5/1–5/3_加碼5%' })])],
      problems: [{ row: 2, cell: 'C2', messageId: 'default', data: { chars: '–', cleaned: '5/1-5/3_加碼5%' }, suggestion: '5/1-5/3_加碼5%' }],
    },
    {
      name: 'issue 13: 〜, — and → ranges too, one violation each',
      tables: [contractsTab([partnerRow(1, 3, 5, { remark: '5/1〜5/3_加碼5%' }), partnerRow(4, 4, 5, { remark: '5/4—5/4_加碼5%' }), partnerRow(5, 5, 5, { remark: '5/5→5/5_加碼5%' })])],
      problems: [
        { row: 2, cell: 'C2', data: { chars: '〜' }, suggestion: '5/1-5/3_加碼5%' },
        { row: 3, cell: 'C3', data: { chars: '—' }, suggestion: '5/4-5/4_加碼5%' },
        { row: 4, cell: 'C4', data: { chars: '→' }, suggestion: '5/5-5/5_加碼5%' },
      ],
    },
    {
      name: 'issue 13: a line break is reported (by code point), never dropped silently; it becomes a space',
      tables: [contractsTab([partnerRow(1, 3, 5, { remark: '5/1-5/3\n加碼5%' })])],
      problems: [{ row: 2, cell: 'C2', data: { chars: 'U+000A', cleaned: '5/1-5/3 加碼5%' }, suggestion: '5/1-5/3 加碼5%' }],
    },
    {
      name: 'nothing but symbols',
      tables: [contractsTab([partnerRow(1, 1, 10, { remark: '★★★' })])],
      problems: [{ row: 2, cell: 'C2', messageId: 'nothingLeft', data: { chars: '★' } }],
    },
    {
      name: 'a row that forms no contract (unreadable start) is still checked',
      tables: [contractsTab([partnerRow(1, 1, 10, { remark: '#1', start: 'soon' })])],
      problems: [{ row: 2, cell: 'C2', suggestion: '1' }],
    },
  ],
});
