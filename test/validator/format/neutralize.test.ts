import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutralize, neutralizeValue } from '../../../validator/neutralize';

describe('neutralize', () => {
  it.each(['=1+1', '+31', '-5%', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")'])('prefixes %j with an apostrophe', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(neutralize(text)).toBe(`'${text}`);
  });

  it.each(["_x000D_=cmd|' /C calc'!A0", '_x0009__x000D_=1+1', '_x003D_1+1'])('decodes the OOXML escapes of %j before deciding', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(neutralize(text)).toBe(`'${text}`);
  });

  it.each(['_x0041_=1', 'a_x000D_=1', '_x00_=1'])('leaves %j (no formula lead once decoded) alone', (text) => {
    expect(neutralize(text)).toBe(text);
  });

  it.each(['好日子食品', 'goodday_food', '5/8(五)', '', "'already", ' =leading space', '10%'])('leaves %j alone', (text) => {
    expect(neutralize(text)).toBe(text);
  });

  it('only touches strings', () => {
    expect(neutralizeValue(-1)).toBe(-1);
    expect(neutralizeValue(null)).toBe(null);
    expect(neutralizeValue('-1')).toBe("'-1");
  });
});
