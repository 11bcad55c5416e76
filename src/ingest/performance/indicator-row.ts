import type { Indicator } from '../../schema/performance.ts';
import type { LineRange } from '../../schema/common.ts';
import { parseAmount } from '../numbers.ts';
import { cleanCell } from './text.ts';
import { parseIndicatorValue, takeKeyMark } from './value.ts';

/** The cells of one indicator row, by role, as read from any layout. */
export interface RowCells {
  level1: string | null;
  level2: string | null;
  name: string;
  value: string;
  description?: string | null;
  basis?: string | null;
  previous?: string | null;
  weight?: string | null;
  rule?: string | null;
  evidence?: string | null;
  actual?: string | null;
  score?: string | null;
  deviation?: string | null;
  lines: LineRange;
}

function textOrNull(s: string | null | undefined): string | null {
  const t = s == null ? '' : cleanCell(s);
  return t === '' ? null : t;
}

/** Turns the cells of a row into an indicator: ★ taken off the name or value into `key`, the value parsed. */
export function toIndicator(row: RowCells): Indicator {
  const name = takeKeyMark(cleanCell(row.name));
  const value = takeKeyMark(cleanCell(row.value));
  const weight = row.weight ? parseAmount(cleanCell(row.weight)) : null;
  return {
    level1: textOrNull(row.level1),
    level2: textOrNull(row.level2),
    name: name.text,
    value: parseIndicatorValue(value.text),
    key: name.key || value.key,
    description: textOrNull(row.description),
    weight,
    basis: textOrNull(row.basis),
    previous: textOrNull(row.previous),
    scoringRule: textOrNull(row.rule),
    evidence: textOrNull(row.evidence),
    actual: textOrNull(row.actual),
    score: row.score ? parseAmount(cleanCell(row.score)) : null,
    deviation: textOrNull(row.deviation),
    lines: row.lines,
  };
}
