/**
 * Exact money arithmetic for the cost estimate (SPEC §6): amounts are exact rationals of NT$,
 * computed with BigInt so no binary-float drift ever creeps in (0.1 + 0.2, 1000 × 7.1%, a month's
 * GMV spread over 31 days …). Inputs that arrive as JS numbers (a GMV of 1200000.5, a CPS of
 * 7.5%) are read through their shortest decimal spelling (`String(x)`), i.e. exactly as the user
 * typed them. Rounding happens only for display: half away from zero ("half-up" in the
 * accounting sense, Java's HALF_UP) to whole NT$.
 *
 * A {@link Money} is plain, JSON-safe data: a reduced fraction whose numerator and denominator
 * are decimal integer strings. Bundles to ES2019: BigInt is only ever created with `BigInt(…)`
 * (never a `1n` literal), which Apps Script's V8 runtime supports.
 */

/** An exact amount of NT$: `num / den`, reduced, `den > 0`, both decimal integer strings. */
export interface Money {
  readonly num: string;
  readonly den: string;
}

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const TEN = BigInt(10);

/** An exact rational, for internal arithmetic. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

function abs(x: bigint): bigint {
  return x < ZERO ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== ZERO) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function pow10(k: number): bigint {
  let r = ONE;
  for (let i = 0; i < k; i++) r *= TEN;
  return r;
}

/** A reduced ratio with a positive denominator. */
export function ratio(n: bigint, d: bigint = ONE): Ratio {
  if (d === ZERO) throw new RangeError('division by zero');
  if (n === ZERO) return { n: ZERO, d: ONE };
  const sign = d < ZERO ? -ONE : ONE;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/**
 * The exact decimal value of a finite JS number, read from its shortest round-trip spelling.
 * @example fromDecimal(1.3) → 13/10 (not 1.3000000000000000444…); fromDecimal(7.1) → 71/10
 */
export function fromDecimal(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(x));
  if (!m) throw new RangeError(`cannot read ${x} as a decimal`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0') - frac.length;
  let n = BigInt(`${m[1]}${m[2]}${frac}`);
  let d = ONE;
  if (exp >= 0) n *= pow10(exp);
  else d = pow10(-exp);
  return ratio(n, d);
}

export function add(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return ratio(a.n * b.n, a.d * b.d);
}

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.n === ZERO) throw new RangeError('division by zero');
  return ratio(a.n * b.d, a.d * b.n);
}

export function cmp(a: Ratio, b: Ratio): number {
  const x = a.n * b.d - b.n * a.d;
  return x < ZERO ? -1 : x > ZERO ? 1 : 0;
}

export function maxRatio(a: Ratio, b: Ratio): Ratio {
  return cmp(a, b) >= 0 ? a : b;
}

export function fromInt(n: number): Ratio {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  return ratio(BigInt(n));
}

/** A percent in percent points (15 → 15%) as the exact fraction it stands for (15 → 3/20). */
export function percentRatio(points: number): Ratio {
  return div(fromDecimal(points), fromInt(100));
}

export const ZERO_RATIO: Ratio = { n: ZERO, d: ONE };

/** Ratio → the JSON-safe {@link Money}. */
export function toMoney(r: Ratio): Money {
  const x = ratio(r.n, r.d);
  return { num: x.n.toString(), den: x.d.toString() };
}

/** {@link Money} → ratio. @throws RangeError when the strings are not integers or den is 0. */
export function fromMoney(m: Money): Ratio {
  if (!/^-?\d+$/.test(m.num) || !/^-?\d+$/.test(m.den)) throw new RangeError(`malformed money ${m.num}/${m.den}`);
  return ratio(BigInt(m.num), BigInt(m.den));
}

/** An exact amount from a JS number of NT$. @example money(1000) → { num: '1000', den: '1' } */
export function money(ntd: number): Money {
  return toMoney(fromDecimal(ntd));
}

/** Exact sum of amounts. */
export function sumMoney(items: readonly Money[]): Money {
  let s = ZERO_RATIO;
  for (const m of items) s = add(s, fromMoney(m));
  return toMoney(s);
}

/** Rounds a ratio to an integer, half away from zero. @example roundHalfUp(5/2) → 3; roundHalfUp(-5/2) → -3 */
export function roundHalfUp(r: Ratio): bigint {
  const x = ratio(r.n, r.d);
  const a = abs(x.n);
  let q = a / x.d;
  if (TWO * (a % x.d) >= x.d) q += ONE;
  return x.n < ZERO ? -q : q;
}

/**
 * Whole NT$, rounded half away from zero from the exact value (never from an already-rounded one).
 * @example roundNtd({ num: '1', den: '2' }) === 1; roundNtd({ num: '-1', den: '2' }) === -1
 */
export function roundNtd(m: Money): number {
  return Number(roundHalfUp(fromMoney(m)));
}

/** A float approximation, for charts and sorting only — never for a displayed amount. */
export function moneyToNumber(m: Money): number {
  const r = fromMoney(m);
  // Integer part exactly, the remainder as a float: precise for any realistic amount.
  const q = r.n / r.d;
  const rem = r.n - q * r.d;
  return Number(q) + Number(rem) / Number(r.d);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The display form of an amount: whole NT$, rounded half away from zero, thousands separated.
 * @example displayNtd(money(1234.5)) === 'NT$1,235'
 * @example displayNtd(money(-14.2)) === '-NT$14'
 * @example displayNtd(money(150), { symbol: false }) === '150'
 */
export function displayNtd(m: Money, opts: { readonly symbol?: boolean } = {}): string {
  const q = roundHalfUp(fromMoney(m));
  const neg = q < ZERO;
  const digits = groupThousands(abs(q).toString());
  const body = opts.symbol === false ? digits : `NT$${digits}`;
  return neg ? `-${body}` : body;
}
