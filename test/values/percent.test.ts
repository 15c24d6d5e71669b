import { describe, it, expect } from 'vitest';
import { parsePercentValue } from '../../rules/values/percent.js';

describe('parsePercentValue (SPEC §4.5)', () => {
  it.each([
    ['15%', undefined, 15],
    ['１５％', undefined, 15],
    ['８％', undefined, 8],
    [' 2.5 % ', undefined, 2.5],
    [0.15, '0%', 15],
    [0.07, '0%', 7],
    [0.08, '0.00%', 8],
    [15, undefined, 15],
    [15, 'General', 15],
    ['10', undefined, 10],
    [0, undefined, 0],
    [1, undefined, 1],
    [100, undefined, 100],
    ['0%', undefined, 0],
  ])('%j (format %j) → %s', (value, format, expected) => {
    const r = parsePercentValue(value, format);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe(expected);
      expect(r.issues).toEqual([]);
    }
  });

  it.each([
    [0.15, 15],
    ['0.15', 15],
    [0.5, 50],
  ])('a plain %j in (0,1) is read as a fraction and flagged', (value, expected) => {
    const r = parsePercentValue(value, undefined);
    expect(r.ok && r.value).toBe(expected);
    expect(r.ok && r.issues.map((i) => i.ruleId)).toEqual(['cell/ambiguous-percent']);
  });

  it.each([
    ['abc', 'default'],
    ['15%%', 'default'],
    [150, 'range'],
    ['-1%', 'range'],
    [1.5, 'range'],
  ])('rejects %j (%s)', (value, messageId) => {
    const r = parsePercentValue(value, value === 1.5 ? '0%' : undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ ruleId: 'cell/invalid-percent', messageId });
  });
});
