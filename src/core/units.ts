import { foldWidth } from './width.ts';
import { MONEY_UNIT_SOURCE } from './amounts.ts';

/**
 * The unit of amounts a line states (`单位：万元`, `金额单位：元`, `编制单位：…单位：元`, `单 位：万元`), or null: the one
 * reading of a table's unit line for every table reader and for the document's unit. Only a unit of money is one:
 * what follows it (`万元（保留两位小数）`) is not part of the unit.
 */
export function statedUnit(text: string): string | null {
  return STATED_UNIT.exec(foldWidth(text))?.[1] ?? null;
}

/**
 * The unit a column's label states in its brackets (`预算数（万元）`, `金额(元)`, `预算数（单位：万元）`), else as a line
 * would (statedUnit), or null.
 */
export function labelUnit(label: string): string | null {
  return LABEL_UNIT.exec(foldWidth(label))?.[1] ?? statedUnit(label);
}

const LABEL_UNIT = /[(（]\s*(万元|元|千元|亿元)\s*[)）]/;

/** Every unit a line states: two tables printed side by side state theirs on one line. */
export function statedUnits(text: string): string[] {
  return [...foldWidth(text).matchAll(STATED_UNITS)].map((m) => m[1]);
}

const STATED_UNIT = new RegExp(`单\\s*位\\s*[:：]\\s*(${MONEY_UNIT_SOURCE})`);
const STATED_UNITS = new RegExp(STATED_UNIT.source, 'g');
const UNIT_STATEMENT = new RegExp(`^\\s*(?:金额)?${STATED_UNIT.source}\\s*$`);

/** Whether a cell or line says nothing but the unit (`单位：万元`, `金额单位：元`): furniture of its table or form. */
export function isUnitStatement(text: string): boolean {
  return UNIT_STATEMENT.test(foldWidth(text));
}

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
