import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
// The registry first: a rule module imported alone would reach it half-loaded (rule → engine → registry → rule).
import '../../../rules/index.js';
import { remarkFacts } from '../../../rules/checks/contract/remark-mismatch.js';

// remarkFacts scans remarks by hand; these regexes (and this reading of their matches) are what
// it must agree with, on any text.
const DATES = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\s*[-~\u2010-\u2015\u301c]\s*(\d{1,2})\/(\d{1,2}))?(?![\d/])/u;
const RATES = /(\d+(?:\.\d+)?)\s*%/gu;

function byRegex(remark: string) {
  const t = remark.normalize('NFKC');
  const m = DATES.exec(t);
  const rates = [...t.matchAll(RATES)].map((r) => Number(r[1]));
  if (!m) return { rates };
  const from = [Number(m[1]), Number(m[2])];
  const to = m[3] !== undefined ? [Number(m[3]), Number(m[4])] : from;
  return { dates: { from, to }, rates };
}

/** Characters the regexes care about (digits, separators, marks, white space of every kind, full-width forms) and some they do not. */
const PIECES = ['0', '1', '2', '5', '9', '12', '31', '123', '/', '／', '.', '．', '%', '％', '-', '~', '～', '–', '—', '‐', '〜', '_', ' ', '\u3000', '\u00a0', '\t', '\n', '\u2028', '\ufeff', '加碼', '基礎', 'a', 'x', '(', ')', '+', '１', '５', '🎉', '\u200b', 'ﬁ'];

describe('remarkFacts agrees with the DATES and RATES regexes', () => {
  it('on random text built from the characters they look at', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const remark = pieces.join('');
        expect(remarkFacts(remark)).toEqual(byRegex(remark));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (remark) => {
        expect(remarkFacts(remark)).toEqual(byRegex(remark));
      }),
      { numRuns: 5_000 },
    );
  });

  it('on the cases that backtrack', () => {
    for (const remark of ['1.2.3%', '12.5 %', '1. 5%', '5/1-5/3_加碼5%', '5/1-5/3/', '5/1-5/333', '5/123', '123/4', '1/2/3', 'x5/1 ~ 6/2', '5/1 -6/2/7 8/9', '.5/1', '5/1.5%', '15/1-5/1', '5/1-05/03']) {
      expect(remarkFacts(remark)).toEqual(byRegex(remark));
    }
  });
});
