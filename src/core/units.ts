/** How many yuan one printed unit is, for readers who combine documents printed in different units. */
const FACTORS: Readonly<Record<string, number>> = { 元: 1, 千元: 1000, 万元: 10000, 百万元: 1000000, 亿元: 100000000 };

export function unitFactor(unit: string | null | undefined): number | null {
  return unit ? (FACTORS[unit.trim()] ?? null) : null;
}

/** The unit every cross-department view shows: most documents print 万元. */
export const VIEW_UNIT = '万元';

/**
 * An amount in 万元, so that one view has one unit whatever each document printed (元, 千元 …); null when the
 * document's unit is unknown and the amount cannot be converted honestly.
 */
export function inViewUnit(amount: number | null | undefined, unit: string | null | undefined): number | null {
  const factor = unitFactor(unit);
  if (amount == null || factor === null) return null;
  return Math.round((amount * factor) / 10000 * 1e6) / 1e6;
}
