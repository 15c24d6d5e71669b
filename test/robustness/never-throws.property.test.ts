/**
 * Robustness (issue 8): whatever a workbook holds, validateWorkbook returns a report — every
 * problem is a violation, never an exception. Tables are random: tab names drawn from the real
 * kind names (and decorated ones) mixed with junk, emoji and markup; a header row drawn from the
 * real header names (zh-TW, English, aliases, decorated) mixed with junk; cells of every value the
 * model allows — strings (huge, emoji, control characters, lone surrogates, rich-text-joined runs,
 * formula-looking), numbers (NaN, ±Infinity, -0, huge, serial-like), dates (valid, NaN, out of
 * range), booleans, error values, null — with random display texts and number formats, in ragged,
 * sparse rows. Each violation must name a registered rule, a severity, a message, a sheet of the
 * workbook (or null), a positive row (or null) and a valid A1 cell (or null).
 *
 * Seeded (a failure prints the seed and the counterexample), 1,000+ cases per property.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import {
  RULE_IDS,
  SHEET_KIND_DEFS,
  makeCell,
  validateWorkbook,
  type Cell,
  type CellValue,
  type FileReport,
  type Lang,
  type SeveritySetting,
  type Table,
  type Workbook,
} from '../../rules/index.js';

const SEED = 8_2026_0401;
const RUNS = 1000;

const RULES = new Set(RULE_IDS);
const SEVERITIES = new Set(['error', 'warning', 'info']);
/** A1 within Excel's grid: columns A..XFD, rows 1..1048576. */
const A1 = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

function validA1(cell: string): boolean {
  const m = A1.exec(cell);
  if (!m) return false;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col <= 16_384 && Number(m[2]) <= 1_048_576;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const realHeaders = [...new Set(SHEET_KIND_DEFS.flatMap((d) => d.columns.flatMap((c) => [c.zh, c.en, c.key, ...c.aliases])))];
const realTabNames = [...new Set(SHEET_KIND_DEFS.flatMap((d) => d.names))];

const controlChar = fc.constantFrom('\u0000', '\u0001', '\t', '\r', '\n', '\r\n', '\u000b', '\u001b', '\u007f', '\u0085', '\u200b', '\u200e', '\u202e', '\u2028', '\ufeff', '\ufffd', '\ud800', '\udfff');
const emoji = fc.constantFrom('🎉', '👨‍👩‍👧‍👦', '🇹🇼', '🏳️‍🌈', '👍🏽', '🀄', '㊗️', '\u{1F600}', '𠮷');
const markup = fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; DROP TABLE x; --", '{{7*7}}', '${process.exit()}', '%s%s%n', '../../etc/passwd');
const formulaLike = fc.constantFrom('=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '=1/0', '\t=1', '\r=1', '=A1', '#N/A');
/** Values a user would type into the known columns, so rows reach the deeper rules too. */
const plausible = fc.constantFrom(
  '好日子食品', 'goodday_food', 'shop_01', 'mkt@example.com', 'a@b.co, c@d.co', '美食保健', '季方案', '5月單月方案', '6月單月方案', '4月單月方案',
  '2026/3/20 10:00', '2026/5/8', '5/8(五)', '5/8(四)', '115/5/8', '2026年5月8日', '２０２６／５／８', '2027/12/31 23:59:59', '2024/12/31', '2099/1/1',
  '是', '否', 'Y', 'N', '✓', 'X', '4/1、4/14、4/22', '5/1,5/2;5/3', '8%', '15%', '１５％', '0.15', '150%', '-1%', '2', '-1', '1000', '1.2', '0',
  '活動加碼', '單品加碼', '1/1-1/2_加碼10%', '5/2_加碼10%!!', 'normal', '3c', '待審核', '通過', '不通過', '草稿', '通發型', '近10天', '近半年', '20:00', '07:30', '100000',
);

const stringValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: plausible, weight: 6 },
  // Rich text arrives joined: runs of mixed pieces.
  { arbitrary: fc.array(fc.oneof(plausible, emoji, controlChar, fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')), weight: 3 },
  { arbitrary: fc.oneof(markup, formulaLike, emoji), weight: 2 },
);

/** Huge strings (up to 200k characters); rare, as they are slow to generate and to parse. */
const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(plausible, emoji, markup, fc.constant('長')), fc.integer({ min: 1000, max: 200_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));

const numberValue: fc.Arbitrary<number> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1, -1, 0.15, 15, 1e308, -1e308, 5e-324, 46_000.5, 46_113, 2 ** 53, Number.MAX_SAFE_INTEGER + 2),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.integer({ min: 36_526, max: 73_050 }).map((n) => n + 0.25), // plausible Excel serials
);

const wallValue: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => Math.floor(ms / 1000) * 1000),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 8.64e15, -8.64e15, 8.64e15 + 1, 1e20, -1),
  fc.double(),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: stringValue, weight: 80 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: numberValue, weight: 30 },
  { arbitrary: wallValue.map((wall) => ({ type: 'date' as const, wall })), weight: 20 },
  { arbitrary: fc.boolean(), weight: 10 },
  { arbitrary: fc.oneof(fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'), fc.string({ maxLength: 10 })).map((error) => ({ type: 'error' as const, error })), weight: 10 },
  { arbitrary: fc.constant(null), weight: 30 },
);

const formatArb: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('General', '@', '0%', '0.00%', '#9', '#10', '#14', '#27', '#31', '#58', 'yyyy/m/d', 'yyyy/mm/dd hh:mm:ss', 'hh:mm', '[h]:mm', '0.00', '#,##0', '"%"0', '[$-404]e/m/d', '[Red]0%;-0%', ''),
  fc.string({ maxLength: 12 }),
);

/** A cell, usually with the model's display text, sometimes with a random one. */
const cellArb = (row: number, col: number): fc.Arbitrary<Cell | null | undefined> =>
  fc.oneof(
    { arbitrary: fc.tuple(cellValue, formatArb).map(([v, f]) => makeCell(v, undefined, f)), weight: 6 },
    { arbitrary: fc.tuple(cellValue, fc.oneof(stringValue, fc.constant('')), formatArb).map(([v, t, f]) => makeCell(v, t, f)), weight: 2 },
    { arbitrary: fc.constantFrom(null, undefined), weight: 2 },
  );

const headerText: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom(...realHeaders), weight: 8 },
  // Decorated real headers: required markers, notes, case, full width, two-line templates.
  { arbitrary: fc.tuple(fc.constantFrom(...realHeaders), fc.constantFrom('*', ' *', '（必填）', '(點)', '\n', ' ', '\t')).map(([h, d]) => (d === '\n' ? `${h}\n${h}` : `${h}${d}`)), weight: 2 },
  { arbitrary: fc.constantFrom(...realHeaders).map((h) => h.toUpperCase().replace(/[0-9A-Za-z%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))), weight: 1 },
  { arbitrary: stringValue, weight: 2 },
  { arbitrary: numberValue, weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const tabName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...realTabNames), weight: 5 },
  { arbitrary: fc.tuple(fc.constantFrom(...realTabNames), fc.constantFrom('-5月', ' 🎉', ' (2)', '（副本）', '5月')).map(([n, s]) => (s === '5月' ? `${s}${n}` : `${n}${s}`)), weight: 2 },
  { arbitrary: fc.constantFrom('報名表 🎉', `O'Brien "合約"`, '<script>alert(1)</script>', '=HYPERLINK("x")', 'Sheet1', '工作表1', ''), weight: 2 },
  { arbitrary: fc.string({ maxLength: 31 }), weight: 2 },
  { arbitrary: hugeString.map((h) => h.slice(0, 5000)), weight: 1 },
);

/** A tab: optional title rows, a header row, ragged sparse data rows. */
const tableArb: fc.Arbitrary<Table> = fc
  .record({
    name: tabName,
    titleRows: fc.integer({ min: 0, max: 2 }),
    width: fc.integer({ min: 0, max: 18 }),
    dataRows: fc.integer({ min: 0, max: 12 }),
  })
  .chain(({ name, titleRows, width, dataRows }) => {
    const rows: fc.Arbitrary<(Cell | null | undefined)[]>[] = [];
    for (let r = 0; r < titleRows + 1 + dataRows; r++) {
      const isHeader = r === titleRows;
      const rowWidth = isHeader ? fc.constant(width) : fc.integer({ min: 0, max: width + 2 });
      rows.push(
        rowWidth.chain((w) => {
          const cells: fc.Arbitrary<Cell | null | undefined>[] = [];
          for (let c = 0; c < w; c++) cells.push(isHeader ? fc.oneof(headerText.map((v) => makeCell(v)), fc.constant(null)) : cellArb(r, c));
          return fc.tuple(...cells);
        }),
      );
    }
    return fc.tuple(...rows).map((rs): Table => ({ name, rows: rs }));
  });

const workbookArb: fc.Arbitrary<Workbook> = fc.array(tableArb, { minLength: 0, maxLength: 4 }).map((tables) => ({ tables }));

const optionsArb = fc.record({
  today: fc.oneof(
    fc.integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
    fc.constantFrom('2026-03-20', '2024-06-30', '2028-01-05', '1999-12-31'),
  ),
  lang: fc.constantFrom<Lang>('zh-TW', 'en'),
  severities: fc.dictionary(fc.constantFrom(...RULE_IDS), fc.constantFrom<SeveritySetting>('off', 'error', 'warning', 'info'), { maxKeys: 5 }),
});

/**
 * The report's shape, checked with plain comparisons (vitest's `expect` costs tens of
 * microseconds a call, too slow for every violation of 1,000 workbooks); throws on a problem.
 */
function checkReport(workbook: Workbook, report: FileReport): void {
  const problems: string[] = [];
  const names = new Set(workbook.tables.map((t) => t.name));
  if (report.error !== null) problems.push(`error ${report.error}`);
  if (!Array.isArray(report.violations)) problems.push('violations is not an array');
  if (report.sheets.length !== workbook.tables.length) problems.push(`${report.sheets.length} sheet summaries for ${workbook.tables.length} tabs`);
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const v of report.violations) {
    const at = `${v.ruleId} ${v.sheet}!${v.cell}`;
    if (!RULES.has(v.ruleId)) problems.push(`unregistered rule ${v.ruleId}`);
    if (!SEVERITIES.has(v.severity)) problems.push(`${at}: severity ${String(v.severity)}`);
    if (typeof v.message !== 'string' || v.message.length === 0) problems.push(`${at}: no message`);
    if (v.cell !== null && !validA1(v.cell)) problems.push(`${at}: bad cell ${v.cell}`);
    if (v.row !== null && !(Number.isInteger(v.row) && v.row >= 1)) problems.push(`${at}: bad row ${v.row}`);
    if (v.sheet !== null && !names.has(v.sheet)) problems.push(`${at}: unknown sheet`);
    if (v.cell !== null && v.row !== null && A1.exec(v.cell)?.[2] !== String(v.row)) problems.push(`${at}: cell and row ${v.row} disagree`);
    if (v.severity === 'error') counts.errors++;
    else if (v.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  if (report.counts.errors !== counts.errors || report.counts.warnings !== counts.warnings || report.counts.infos !== counts.infos) {
    problems.push(`counts ${JSON.stringify(report.counts)} ≠ ${JSON.stringify(counts)}`);
  }
  if (problems.length > 0) throw new Error(`bad report:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

describe('validateWorkbook never throws (property)', () => {
  it(`turns every problem of ${RUNS} random workbooks into violations`, () => {
    fc.assert(
      fc.property(workbookArb, optionsArb, (workbook, options) => {
        const report = validateWorkbook(workbook, options);
        checkReport(workbook, report);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`handles ${RUNS} single known-kind tabs with real headers and hostile cells`, () => {
    // Every tab is a known kind with its full real header row, so every row reaches the rules.
    const knownTab = fc
      .record({ def: fc.constantFrom(...SHEET_KIND_DEFS), rows: fc.integer({ min: 1, max: 10 }), english: fc.boolean() })
      .chain(({ def, rows, english }) => {
        const header = def.columns.map((c, i) => makeCell(english ? c.en : c.zh));
        const body = Array.from({ length: rows }, (_, k) => fc.tuple(...def.columns.map((_, c) => cellArb(k + 1, c))));
        return fc.tuple(...body).map((rs): Table => ({ name: def.names[0]!, rows: [header, ...rs] }));
      });
    fc.assert(
      fc.property(fc.array(knownTab, { minLength: 1, maxLength: 4 }), optionsArb, (tables, options) => {
        const workbook = { tables };
        checkReport(workbook, validateWorkbook(workbook, options));
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});
