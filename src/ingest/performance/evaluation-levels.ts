/**
 * The level names of a 评价指标体系及评分表, the vocabulary its merged level cells are placed by (level-cells.ts): the
 * national framework's (财预〔2020〕10号) 一级 names and 满意度, which reports give a 一级 cell of its own, the 一级
 * names the report's 评分汇总表 prints, and the framework's 二级 names with the parts of its 项目效益 that reports print
 * as 二级 (社会效益, 可持续影响, 满意度), each under its 一级.
 */
import type { LevelVocabulary } from './level-cells.ts';
import { compact } from './text.ts';

/** The framework's 一级 names and the 二级 names under each. */
const LEVEL2_UNDER: Readonly<Record<string, readonly string[]>> = {
  决策: ['项目立项', '绩效目标', '资金投入'],
  过程: ['资金管理', '组织实施'],
  产出: ['产出数量', '产出质量', '产出时效', '产出成本'],
  效益: ['项目效益', '经济效益', '社会效益', '生态效益', '可持续影响', '满意度', '服务对象满意度'],
  满意度: ['满意度', '服务对象满意度'],
};

const FRAMEWORK = Object.entries(LEVEL2_UNDER);

/** The vocabulary of a 评分表 whose 评分汇总表 names `knownLevel1`; a 一级 name of the report's own judges no 二级. */
export function evaluationLevels(knownLevel1: readonly string[]): LevelVocabulary {
  const names = new Set([...FRAMEWORK.flat(2), ...knownLevel1].map(compact));
  return {
    isName: (text) => names.has(compact(text)),
    standsUnder: (level1, level2) => {
      const under = LEVEL2_UNDER[compact(level1)];
      return !under || !FRAMEWORK.some(([, level2s]) => level2s.includes(compact(level2))) || under.includes(compact(level2));
    },
  };
}
