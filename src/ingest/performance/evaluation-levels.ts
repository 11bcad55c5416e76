/**
 * The level names of a 评价指标体系及评分表, the vocabulary its level columns' wrapped pieces are joined by
 * (level-cells.ts): the national framework's (财预〔2020〕10号) 一级 names and 满意度, which reports give a 一级 cell of
 * its own, the 一级 names the report's 评分汇总表 prints, and the framework's 二级 names with the parts of its 项目效益
 * that reports print as 二级 (社会效益, 可持续影响, 满意度).
 */
import type { IsLevelName } from './level-cells.ts';
import { NATIONAL_LEVEL1 } from './evaluation-spaced.ts';
import { compact } from './text.ts';

const LEVEL2 = [
  '项目立项', '绩效目标', '资金投入', '资金管理', '组织实施', '产出数量', '产出质量', '产出时效', '产出成本', '项目效益',
  '经济效益', '社会效益', '生态效益', '可持续影响', '满意度', '服务对象满意度',
];

/** Whether a text is a whole level name of a 评分表 whose 评分汇总表 names `knownLevel1`. */
export function evaluationLevelName(knownLevel1: readonly string[]): IsLevelName {
  const names = new Set([...NATIONAL_LEVEL1, '满意度', ...knownLevel1, ...LEVEL2].map(compact));
  return (text) => names.has(compact(text));
}
