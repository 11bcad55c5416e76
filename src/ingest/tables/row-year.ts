import type { TableRow } from '../../schema/table.ts';
import { foldFigures } from '../../core/width.ts';

/**
 * The year a row of a table printed a row a unit and year names (深圳 三公: `2025 年`, `2026 年`, then `增减变化金额`):
 * in its 年度 cell where the reader found that column (`texts.year`), else at the end of its name
 * (`深圳市水务局2025 年`); 0 for a row naming none.
 */
export function rowYear(row: TableRow): number {
  return Number(/(\d{4})\s*年$/.exec(foldFigures((row.texts.year ?? row.name).trim()))?.[1] ?? 0);
}
