/**
 * Exact decimal arithmetic for printed amounts. Amounts are carried as JS numbers in the data (they are printed
 * with at most a few decimals), but sums and comparisons go through scaled BigInts so that checks never drift.
 */
const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const FAST_FACTOR = 10 ** SCALE_DIGITS;
const FAST_LIMIT = 1e9;

/**
 * The scaled value as a whole double where the value is an amount of at most SCALE_DIGITS decimals below FAST_LIMIT,
 * else null. Below FAST_LIMIT two such decimals are never the same double, so when the rounded product divides back
 * to the value, it is the very decimal the string route of toScaled would read.
 */
function quickScaled(value: number): number | null {
  const rounded = Math.round(value * FAST_FACTOR);
  // `+ 0` turns −0 into 0, as a BigInt has it: a difference of two zeros is then 0, not −0.
  return Math.abs(value) < FAST_LIMIT && rounded / FAST_FACTOR === value ? rounded + 0 : null;
}

export function toScaled(value: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // Most amounts are printed so: the strings and BigInt arithmetic below can then be skipped.
  const quick = quickScaled(value);
  if (quick !== null) return BigInt(quick);
  const [mantissa, exponent] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const fractionDigits = (mantissa.split('.')[1] ?? '').length - Number(exponent);
  const shift = SCALE_DIGITS - fractionDigits;
  let scaled = BigInt(digits);
  if (shift >= 0) scaled *= 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    const rest = scaled % divisor;
    scaled /= divisor;
    if (rest * 2n >= divisor) scaled += 1n;
  }
  return negative ? -scaled : scaled;
}

const EXACT_LIMIT = BigInt(Number.MAX_SAFE_INTEGER);

export function fromScaled(scaled: bigint): number {
  // A scaled value that is an exact double divides to the double nearest the decimal, as reading the decimal's
  // digits does (IEEE division and parsing both round the exact value to nearest), without building the string.
  if (scaled <= EXACT_LIMIT && scaled >= -EXACT_LIMIT) return Number(scaled) / FAST_FACTOR;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
  return Number(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
}

// Scaled amounts are whole numbers. Where each is quick (quickScaled) and every sum or difference stays a safe
// integer, doubles add them exactly, as BigInts do, and divide back as fromScaled does: the same result without a
// BigInt made for every amount of every check (tables of thousands of cells are summed column by column).

export function sumAmounts(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) {
    const scaled = quickScaled(v);
    if (scaled === null || !Number.isSafeInteger((sum += scaled))) return fromScaled(values.reduce((acc, x) => acc + toScaled(x), 0n));
  }
  return sum / FAST_FACTOR;
}

export function subtractAmounts(a: number, b: number): number {
  const sa = quickScaled(a);
  const sb = quickScaled(b);
  if (sa !== null && sb !== null) return (sa - sb) / FAST_FACTOR;
  return fromScaled(toScaled(a) - toScaled(b));
}

/** True when |a − b| ≤ tolerance, computed exactly. */
export function amountsAgree(a: number, b: number, tolerance = 0.01): boolean {
  const sa = quickScaled(a);
  const sb = quickScaled(b);
  const st = quickScaled(tolerance);
  if (sa !== null && sb !== null && st !== null) return Math.abs(sa - sb) <= st;
  const diff = toScaled(a) - toScaled(b);
  return (diff < 0n ? -diff : diff) <= toScaled(tolerance);
}
