/** The stages of one parse, by the names a reader sees. */
export const STAGE_NAMES = {
  metadata: '封面信息',
  tables: '表格',
  performance: '绩效目标与评价',
  narrative: '正文',
  linking: '绩效目标与项目的对应',
} as const;

export type Stage = keyof typeof STAGE_NAMES;

export interface StageFailure {
  stage: Stage;
  message: string;
  /** The source line the exception names (a numeric `line` on the error), where it names one. */
  line: number | null;
}

const FAILURE_PREFIX = '解析出错（';

/**
 * Runs one stage; an exception becomes a failure of that stage and its empty result, so that a parser bug met on
 * one document costs that stage's structure, never the document or the batch.
 */
export function runStage<T>(stage: Stage, run: () => T, empty: () => T, failures: StageFailure[]): T {
  try {
    return run();
  } catch (error) {
    const line = (error as { line?: unknown } | null)?.line;
    failures.push({
      stage,
      message: error instanceof Error ? error.message : String(error),
      line: typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : null,
    });
    return empty();
  }
}

/** The warning a failed stage leaves on its document. */
export function failureWarning(f: StageFailure): string {
  return `${FAILURE_PREFIX}${STAGE_NAMES[f.stage]}${f.line ? `，第 ${f.line} 行` : ''}）：${f.message}。这一部分的结果为空，其余部分照常解析`;
}

export function isFailureWarning(warning: string): boolean {
  return warning.startsWith(FAILURE_PREFIX);
}

/** Why a line nothing placed is unparsed when a stage failed: the stage that should have read it is named. */
export function failureReason(failures: readonly StageFailure[]): string {
  return `${failures.map((f) => STAGE_NAMES[f.stage]).join('、')}解析出错，此行未能归类`;
}
