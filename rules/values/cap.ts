/**
 * Reading what a user meant by a cap cell that is not a plain whole number (SPEC §5.3 返點上限,
 * §5.5 發送人數上限): `無上限`, `不限`, `-1 點` mean -1 (unlimited); `200點`, `200 points`,
 * `100,000人` mean the number. Anything else has no reading (no suggestion).
 */
import type { Cell } from '../model.js';

const UNLIMITED = /^(無上限|不限|無限|無限制|沒有上限|不設限|unlimited|no\s*limit|none)$/i;
const NUMBER_WITH_UNIT = /^([+-]?\d+)\s*(點|點數|pts?|points?|人|位)?$/i;

/** The raw text of a cap cell, as the user typed it (a number as it is shown). */
export function capText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (typeof cell.value === 'string') return cell.value.trim();
  return cell.text !== '' ? cell.text : String(cell.value ?? '');
}

/**
 * The whole number a cap text spells, or undefined.
 * @example readCap('無上限') === -1; readCap('-1 點') === -1; readCap('200點') === 200; readCap('1.5') === undefined
 */
export function readCap(text: string, unlimited: boolean): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (unlimited && UNLIMITED.test(t)) return -1;
  const m = NUMBER_WITH_UNIT.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}
