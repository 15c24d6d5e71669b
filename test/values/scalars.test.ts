import { describe, it, expect } from 'vitest';
import { parseBooleanValue } from '../../rules/values/boolean.js';
import { splitList } from '../../rules/values/list.js';
import { parseEmailsValue, isEmail } from '../../rules/values/email.js';
import { parseIntegerValue, parseMoneyValue, parseNumberValue } from '../../rules/values/number.js';
import { parseTimeValue } from '../../rules/values/time-of-day.js';
import { parseEnumValue } from '../../rules/values/enum.js';
import { STATUS_OPTIONS, CATEGORY_OPTIONS } from '../../rules/columns.js';

describe('parseBooleanValue', () => {
  it.each(['是', 'Y', 'y', 'yes', 'YES', 'true', 'V', 'v', '✓', '✔', '○', true, 1])('%j is yes', (v) => {
    expect(parseBooleanValue(v)).toEqual({ ok: true, value: true, issues: [] });
  });
  it.each(['否', 'N', 'no', 'false', 'X', 'x', '✗', '', null, false, 0])('%j is no', (v) => {
    expect(parseBooleanValue(v)).toEqual({ ok: true, value: false, issues: [] });
  });
  it.each(['maybe', '可能', 2])('%j is neither', (v) => {
    const r = parseBooleanValue(v);
    expect(!r.ok && r.issues[0]).toMatchObject({ ruleId: 'cell/invalid-enum', messageId: 'boolean' });
  });
});

describe('splitList', () => {
  it('splits on every separator of SPEC §4.5', () => {
    expect(splitList('4/1、4/14，4/22;4/28；4/29\n4/30, 5/1')).toEqual(['4/1', '4/14', '4/22', '4/28', '4/29', '4/30', '5/1']);
    expect(splitList(' , ')).toEqual([]);
  });
});

describe('e-mails', () => {
  it.each(['mkt@goodday.example.com', 'a.b+tag@example.com.tw'])('%s is an address', (e) => expect(isEmail(e)).toBe(true));
  it.each(['trend@@example.com', 'no-at.example.com', 'a@b', 'a b@example.com', 'a..b@example.com'])('%s is not', (e) => expect(isEmail(e)).toBe(false));
  it('reads 1–5 addresses', () => {
    expect(parseEmailsValue('ops@homegoods.example.com, boss@homegoods.example.com')).toEqual({ ok: true, value: ['ops@homegoods.example.com', 'boss@homegoods.example.com'], issues: [] });
    const six = Array.from({ length: 6 }, (_, i) => `a${i}@example.com`).join(',');
    expect(parseEmailsValue(six)).toMatchObject({ ok: false, issues: [{ ruleId: 'cell/invalid-email', messageId: 'tooMany', data: { count: 6, max: 5 } }] });
    expect(parseEmailsValue('trend@@example.com')).toMatchObject({ ok: false, issues: [{ ruleId: 'cell/invalid-email', data: { text: 'trend@@example.com' } }] });
  });
});

describe('numbers', () => {
  it.each([
    ['1.2e+06', 1_200_000],
    ['NT$1,200,000', 1_200_000],
    ['300000', 300_000],
    ['１２０', 120],
    ['80,000元', 80_000],
    [500000, 500_000],
  ])('money %j → %s', (v, n) => expect(parseMoneyValue(v)).toEqual({ ok: true, value: n, issues: [] }));
  it('rejects negative money and text', () => {
    expect(parseMoneyValue('-5')).toMatchObject({ ok: false, issues: [{ ruleId: 'cell/invalid-number', messageId: 'negative' }] });
    expect(parseMoneyValue('lots')).toMatchObject({ ok: false, issues: [{ ruleId: 'cell/invalid-number', messageId: 'default' }] });
  });
  it('integers', () => {
    expect(parseIntegerValue('-1')).toEqual({ ok: true, value: -1, issues: [] });
    expect(parseIntegerValue('100,000')).toEqual({ ok: true, value: 100_000, issues: [] });
    expect(parseIntegerValue('1.5')).toMatchObject({ ok: false, issues: [{ ruleId: 'cell/invalid-number', messageId: 'integer' }] });
    expect(parseNumberValue('1.2')).toEqual({ ok: true, value: 1.2, issues: [] });
    // A phone-like string stays text elsewhere; as a number it is just a number.
    expect(parseNumberValue({ type: 'error', error: '#REF!' })).toMatchObject({ ok: false, issues: [{ ruleId: 'cell/formula-error' }] });
  });
});

describe('times of day', () => {
  it.each([
    ['20:00', 72000],
    ['8:00', 28800],
    ['２０：００', 72000],
    ['20點', 72000],
    ['20:30:15', 73815],
    [0.5, 43200],
  ])('%j → %s s', (v, s) => expect(parseTimeValue(v)).toEqual({ ok: true, value: s, issues: [] }));
  it.each(['25:00', 'noon', '20:60'])('rejects %j', (v) => expect(parseTimeValue(v).ok).toBe(false));
});

describe('enums', () => {
  it('matches values, English labels and aliases after normalisation', () => {
    expect(parseEnumValue('approved', STATUS_OPTIONS)).toEqual({ ok: true, value: '通過', issues: [] });
    expect(parseEnumValue(' 審核通過 ', STATUS_OPTIONS)).toEqual({ ok: true, value: '通過', issues: [] });
    expect(parseEnumValue('美妝保養', CATEGORY_OPTIONS)).toEqual({ ok: true, value: '美妝保養', issues: [] });
  });
  it('lists the allowed values when nothing matches', () => {
    expect(parseEnumValue('3C家電', CATEGORY_OPTIONS)).toMatchObject({ ok: false, issues: [{ ruleId: 'cell/invalid-enum', data: { text: '3C家電', allowed: '美食保健、美妝保養、居家生活、流行服飾配件、其他' } }] });
  });
});
