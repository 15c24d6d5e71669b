/**
 * parse(format(x)) = x for the value parsers (SPEC §4.5), over random values and every accepted
 * written form:
 *
 * - dates (rules/values/date.ts parseDateText): `YYYY/M/D`, zero-padded, `-` and `.` separators,
 *   `M/D` (year from the campaign), `YYYY年M月D日`, `M月D日`, ROC `115/5/8` and `民國115年5月8日`,
 *   `YYYYMMDD`, full-width digits and separators, weekday marks that agree (`(五)`, `（週五）`,
 *   `(星期五)`, `(Fri)`, `(Friday)`), and an optional `HH:mm` / `HH:mm:ss`; a mark that disagrees
 *   still parses and is flagged `cell/weekday-mismatch`.
 * - percents (rules/values/percent.ts parsePercentValue): `N%`, `N %`, full-width `Ｎ％`, a
 *   percent-formatted fraction (0.15 with `0%`, `0.00%`, built-ins `#9`/`#10`), a plain number
 *   ≥ 1 as percent points, and a plain number in (0, 1) as a fraction with `cell/ambiguous-percent`.
 *
 * Seeded; 1,000+ cases per property.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDateText } from '../../rules/values/date.js';
import { cleanPercent, parsePercentValue } from '../../rules/values/percent.js';
import { dayFromYmd, daysInMonth, isoWeekday } from '../../rules/time/civil.js';

const SEED = 8_2026_0520;
const RUNS = 1500;

const ZH_WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];
const EN_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** ASCII → full width (digits, `/`, `-`, `.`, `:`, `(`, `)`, `%`, letters). */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

interface DateCase {
  y: number;
  m: number;
  d: number;
  time: { h: number; mi: number; s: number | undefined } | undefined;
}

/** Years 1921–2099: ROC years 10–188 are written with 2 or 3 digits. */
const dateCase: fc.Arbitrary<DateCase> = fc
  .record({ y: fc.integer({ min: 1921, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), dRaw: fc.integer({ min: 1, max: 31 }) })
  .chain(({ y, m, dRaw }) =>
    fc.record({
      y: fc.constant(y),
      m: fc.constant(m),
      d: fc.constant(Math.min(dRaw, daysInMonth(y, m))),
      time: fc.option(fc.record({ h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }) }), { nil: undefined }),
    }),
  );

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

type Form = (c: DateCase) => string;
const FORMS: Record<string, Form> = {
  slash: ({ y, m, d }) => `${y}/${m}/${d}`,
  slashPadded: ({ y, m, d }) => `${y}/${pad(m)}/${pad(d)}`,
  iso: ({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`,
  dash: ({ y, m, d }) => `${y}-${m}-${d}`,
  dot: ({ y, m, d }) => `${y}.${m}.${d}`,
  monthDay: ({ m, d }) => `${m}/${d}`,
  cjk: ({ y, m, d }) => `${y}年${m}月${d}日`,
  cjkMonthDay: ({ m, d }) => `${m}月${d}日`,
  roc: ({ y, m, d }) => `${y - 1911}/${m}/${d}`,
  rocCjk: ({ y, m, d }) => `民國${y - 1911}年${m}月${d}日`,
  compact: ({ y, m, d }) => `${y}${pad(m)}${pad(d)}`,
};
const FORMS_WITHOUT_MARKS = new Set(['compact']);

type Mark = (weekday: number) => string;
const MARKS: Record<string, Mark> = {
  zh: (w) => `(${ZH_WEEKDAY[w - 1]})`,
  zhWeek: (w) => `(週${ZH_WEEKDAY[w - 1]})`,
  zhWeekFull: (w) => `（週${ZH_WEEKDAY[w - 1]}）`,
  zhXingqi: (w) => ` (星期${ZH_WEEKDAY[w - 1]})`,
  enShort: (w) => `(${EN_SHORT[w - 1]})`,
  enLong: (w) => ` (${EN_LONG[w - 1]})`,
  enLower: (w) => `(${EN_SHORT[w - 1]!.toLowerCase()}.)`,
};

const writtenDate = fc.record({
  c: dateCase,
  form: fc.constantFrom(...Object.keys(FORMS)),
  mark: fc.option(fc.constantFrom(...Object.keys(MARKS)), { nil: undefined }),
  wide: fc.boolean(),
  timeSep: fc.constantFrom(' ', '  ', 'T'),
});

function write(w: { c: DateCase; form: string; mark: string | undefined; wide: boolean; timeSep: string }, weekday: number): string {
  const { c } = w;
  let text = FORMS[w.form]!(c);
  if (w.mark !== undefined && !FORMS_WITHOUT_MARKS.has(w.form)) text += MARKS[w.mark]!(weekday);
  if (c.time !== undefined && w.form !== 'compact') {
    text += `${w.timeSep}${pad(c.time.h)}:${pad(c.time.mi)}${c.time.s === undefined ? '' : `:${pad(c.time.s)}`}`;
  }
  return w.wide ? fullWidth(text) : text;
}

const expectedSeconds = (c: DateCase, form: string) =>
  c.time === undefined || form === 'compact' ? undefined : c.time.h * 3600 + c.time.mi * 60 + (c.time.s ?? 0);

describe('dates: parseDateText(format(x)) = x (property)', () => {
  it(`reads back ${RUNS} dates in every accepted form`, () => {
    fc.assert(
      fc.property(writtenDate, (w) => {
        const day = dayFromYmd(w.c.y, w.c.m, w.c.d);
        const text = write(w, isoWeekday(day));
        const r = parseDateText(text, { yearFor: () => w.c.y });
        expect(r.ok, text).toBe(true);
        if (!r.ok) return;
        expect(r.value.day, text).toBe(day);
        expect(r.value.seconds, text).toBe(expectedSeconds(w.c, w.form));
        // A mark that agrees raises nothing.
        expect(r.issues, text).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`flags ${RUNS} weekday marks that disagree, still reading the date`, () => {
    fc.assert(
      fc.property(
        writtenDate.filter((w) => !FORMS_WITHOUT_MARKS.has(w.form)),
        fc.constantFrom(...Object.keys(MARKS)),
        fc.integer({ min: 1, max: 6 }),
        (w, mark, shift) => {
          const day = dayFromYmd(w.c.y, w.c.m, w.c.d);
          const wrong = ((isoWeekday(day) - 1 + shift) % 7) + 1;
          const text = write({ ...w, mark }, wrong);
          const r = parseDateText(text, { yearFor: () => w.c.y });
          expect(r.ok, text).toBe(true);
          if (!r.ok) return;
          expect(r.value.day, text).toBe(day);
          expect(r.issues.map((i) => i.ruleId), text).toEqual(['cell/weekday-mismatch']);
        },
      ),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});

/** Percent points with up to 4 decimals, 0..100. */
const percentPoints = fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 10_000);

/** How JavaScript writes the number, or a fixed-decimals variant (`15.50`). */
const numberText = (p: number, fixed: number | undefined) => (fixed === undefined ? String(p) : p.toFixed(Math.max(fixed, decimals(p))));
const decimals = (p: number) => (String(p).split('.')[1] ?? '').length;

describe('percents: parsePercentValue(format(x)) = x (property)', () => {
  it(`reads back ${RUNS} percents written as text`, () => {
    fc.assert(
      fc.property(
        percentPoints,
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fc.constantFrom('%', ' %', '％'),
        fc.boolean(),
        fc.constantFrom('', ' ', '\t'),
        (p, fixed, sign, wide, around) => {
          let text = `${numberText(p, fixed)}${sign}`;
          if (wide) text = fullWidth(text);
          text = `${around}${text}${around}`;
          const r = parsePercentValue(text, undefined);
          expect(r.ok, text).toBe(true);
          if (!r.ok) return;
          expect(r.value, text).toBe(p);
          expect(r.issues, text).toEqual([]);
        },
      ),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  it(`reads back ${RUNS} percent-formatted fractions`, () => {
    fc.assert(
      fc.property(percentPoints, fc.constantFrom('0%', '0.00%', '0.0%', '#9', '#10', '0.00"%"%', '[Red]0%'), (p, format) => {
        const fraction = p / 100;
        const r = parsePercentValue(fraction, format);
        expect(r.ok, `${fraction} ${format}`).toBe(true);
        if (!r.ok) return;
        expect(r.value).toBe(p);
        expect(r.issues).toEqual([]);
      }),
      { seed: SEED + 3, numRuns: RUNS },
    );
  });

  it(`reads ${RUNS} plain numbers: ≥ 1 as percent points, in (0, 1) as a flagged fraction`, () => {
    fc.assert(
      fc.property(percentPoints, fc.boolean(), (p, asText) => {
        const r = parsePercentValue(asText ? String(p) : p, undefined);
        expect(r.ok, String(p)).toBe(true);
        if (!r.ok) return;
        if (p > 0 && p < 1) {
          // Ambiguous: read as a fraction (0.15 → 15 %) and flagged.
          expect(r.value).toBe(cleanPercent(p * 100));
          expect(r.issues.map((i) => i.ruleId)).toEqual(['cell/ambiguous-percent']);
        } else {
          expect(r.value).toBe(p); // percent points
          expect(r.issues).toEqual([]);
        }
      }),
      { seed: SEED + 4, numRuns: RUNS },
    );
  });

  it(`rejects ${RUNS} percents outside 0..100`, () => {
    fc.assert(
      fc.property(
        // Hundredths of a percent point: above 100 or below 0.
        fc.oneof(fc.integer({ min: 10_001, max: 1_000_000 }), fc.integer({ min: -1_000_000, max: -1 })).map((k) => k / 100),
        fc.constantFrom('text', 'fraction'),
        (p, how) => {
          const r = how === 'text' ? parsePercentValue(`${p}%`, undefined) : parsePercentValue(p / 100, '0%');
          expect(r.ok).toBe(false);
          expect(r.issues.map((i) => i.ruleId)).toEqual(['cell/invalid-percent']);
        },
      ),
      { seed: SEED + 5, numRuns: RUNS },
    );
  });
});
