/** How many yuan one printed unit is, for readers who combine documents printed in different units. */
const FACTORS: Readonly<Record<string, number>> = { 元: 1, 千元: 1000, 万元: 10000, 百万元: 1000000, 亿元: 100000000 };

export function unitFactor(unit: string | null | undefined): number | null {
  return unit ? (FACTORS[unit.trim()] ?? null) : null;
}
