import { describe, it, expect } from 'vitest';
import { money, displayNtd, roundNtd, sumMoney, moneyToNumber } from '../../rules/index.js';
import { add, fromDecimal, mul, ratio, toMoney, fromMoney, roundHalfUp } from '../../rules/compute/money.js';

describe('exact money', () => {
  it('reads numbers as the decimals they spell, so there is no float drift', () => {
    // In floats 0.1 + 0.2 === 0.30000000000000004 and 100 * 0.029 === 2.9000000000000004.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toMoney(add(fromDecimal(0.1), fromDecimal(0.2)))).toEqual({ num: '3', den: '10' });
    expect(toMoney(mul(fromDecimal(100), fromDecimal(0.029)))).toEqual({ num: '29', den: '10' });
    expect(money(1.3)).toEqual({ num: '13', den: '10' });
    expect(money(-0.25)).toEqual({ num: '-1', den: '4' });
  });

  it('handles the exponent forms String() produces for very large and very small numbers', () => {
    expect(money(1e21)).toEqual({ num: '1000000000000000000000', den: '1' });
    expect(money(1.5e-7)).toEqual({ num: '3', den: '20000000' });
    expect(() => money(Number.NaN)).toThrow(RangeError);
    expect(() => money(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('reduces fractions and keeps the denominator positive', () => {
    const r = ratio(BigInt(6), BigInt(-4));
    expect([r.n.toString(), r.d.toString()]).toEqual(['-3', '2']);
    expect(() => ratio(BigInt(1), BigInt(0))).toThrow(RangeError);
    expect(fromMoney({ num: '10', den: '4' })).toEqual(ratio(BigInt(5), BigInt(2)));
    expect(() => fromMoney({ num: '1.5', den: '1' })).toThrow(RangeError);
  });

  it('sums exactly, also over different denominators', () => {
    expect(sumMoney([{ num: '1', den: '3' }, { num: '1', den: '6' }, money(0.5)])).toEqual({ num: '1', den: '1' });
    expect(sumMoney([])).toEqual({ num: '0', den: '1' });
  });
});

describe('rounding for display: half away from zero, from the exact value', () => {
  it.each([
    [{ num: '1', den: '2' }, 1, 'NT$1'],
    [{ num: '-1', den: '2' }, -1, '-NT$1'],
    [{ num: '5', den: '2' }, 3, 'NT$3'],
    [{ num: '-5', den: '2' }, -3, '-NT$3'],
    [{ num: '24999', den: '10000' }, 2, 'NT$2'],
    [{ num: '-441', den: '31' }, -14, '-NT$14'],
    [{ num: '2469135', den: '2' }, 1234568, 'NT$1,234,568'],
    [{ num: '0', den: '1' }, 0, 'NT$0'],
    [{ num: '-1', den: '3' }, 0, 'NT$0'],
  ])('%j → %d, %s', (m, n, text) => {
    expect(roundNtd(m)).toBe(n);
    expect(displayNtd(m)).toBe(text);
  });

  it('never double-rounds: 0.495 is NT$0 although it is 0.50 to the cent', () => {
    expect(displayNtd(money(0.495))).toBe('NT$0');
    expect(roundHalfUp(fromDecimal(0.495))).toBe(BigInt(0));
  });

  it('can leave the currency symbol out', () => {
    expect(displayNtd(money(-1234567.4), { symbol: false })).toBe('-1,234,567');
    expect(displayNtd(money(999), { symbol: false })).toBe('999');
  });

  it('approximates as a float only on request', () => {
    expect(moneyToNumber({ num: '-441', den: '31' })).toBeCloseTo(-14.2258, 4);
    expect(moneyToNumber(money(1234.5))).toBe(1234.5);
  });
});
