/** How many yuan one printed unit is, for readers who combine documents printed in different units. */
const FACTORS: Readonly<Record<string, number>> = { 元: 1, 千元: 1000, 万元: 10000, 百万元: 1000000, 亿元: 100000000 };

export function unitFactor(unit: string | null | undefined): number | null {
  return unit ? (FACTORS[unit.trim()] ?? null) : null;
}

/** The unit every cross-department view shows: most documents print 万元. */
export const VIEW_UNIT = '万元';

/**
 * An amount printed in one unit, in another; null when either unit is unknown and the amount cannot be converted
 * honestly. Rounded to a millionth of the target unit (a fen of 万元), which removes the float noise of the product.
 */
export function convertAmount(amount: number | null | undefined, from: string | null | undefined, to: string | null | undefined): number | null {
  const a = unitFactor(from);
  const b = unitFactor(to);
  if (amount == null || a === null || b === null) return null;
  return Math.round((amount * a) / b * 1e6) / 1e6;
}

/** An amount in 万元, so that one view has one unit whatever each document printed (元, 千元 …). */
export function inViewUnit(amount: number | null | undefined, unit: string | null | undefined): number | null {
  return convertAmount(amount, unit, VIEW_UNIT);
}
