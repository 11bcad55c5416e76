import type { Evaluation, PerformanceTarget } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import { emptyClaims, type Claims } from '../claims.ts';

export interface PerformanceResult extends Claims {
  targets: PerformanceTarget[];
  evaluation: Evaluation | null;
}

/** Finds 绩效目标表 and evaluation-report structures. `taken` holds line numbers other parsers already claimed. */
export function parsePerformance(_lines: readonly SourceLine[], _taken: ReadonlySet<number>): PerformanceResult {
  return { targets: [], evaluation: null, ...emptyClaims() };
}
