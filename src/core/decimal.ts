/**
 * Exact decimal arithmetic for printed amounts. Amounts are carried as JS numbers in the data (they are printed
 * with at most a few decimals), but sums and comparisons go through scaled BigInts so that checks never drift.
 */
const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const FAST_FACTOR = 10 ** SCALE_DIGITS;
const FAST_LIMIT = 1e9;

export function toScaled(value: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // Most amounts are printed with at most SCALE_DIGITS decimals. Below FAST_LIMIT two such decimals are never the
  // same double, so when the rounded product divides back to the value, it is the very decimal the string route
  // would read, and the strings and BigInt arithmetic below can be skipped.
  const rounded = Math.round(value * FAST_FACTOR);
  if (Math.abs(value) < FAST_LIMIT && rounded / FAST_FACTOR === value) return BigInt(rounded);
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

export function sumAmounts(values: readonly number[]): number {
  return fromScaled(values.reduce((acc, v) => acc + toScaled(v), 0n));
}

export function subtractAmounts(a: number, b: number): number {
  return fromScaled(toScaled(a) - toScaled(b));
}

/** True when |a − b| ≤ tolerance, computed exactly. */
export function amountsAgree(a: number, b: number, tolerance = 0.01): boolean {
  const diff = toScaled(a) - toScaled(b);
  return (diff < 0n ? -diff : diff) <= toScaled(tolerance);
}
