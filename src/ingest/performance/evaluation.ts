import type { Evaluation } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import type { Claims } from '../claims.ts';

export interface EvaluationResult extends Omit<Claims, 'unparsed'> {
  evaluation: Evaluation;
}

export function parseEvaluation(_lines: readonly SourceLine[], _taken: ReadonlySet<number>): EvaluationResult | null {
  return null;
}
