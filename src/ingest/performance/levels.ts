import { compact } from './text.ts';

/**
 * The indicator tree of the national 绩效目标 templates. 一级: 产出/效益/满意度 (and 成本 since the 2022 template);
 * the 部门整体 template uses 运行成本/管理效率/履职效能/社会效应/服务对象满意度. 二级 names are shared by all templates.
 */
const LEVEL1 = new Set([
  '产出指标', '效益指标', '满意度指标', '成本指标', '决策指标', '过程指标',
  '运行成本', '管理效率', '履职效能', '社会效应', '社会效益', '可持续发展能力', '服务对象满意度',
]);

const LEVEL2 = new Set([
  '数量指标', '质量指标', '时效指标', '成本指标', '经济成本指标', '社会成本指标', '生态环境成本指标',
  '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '满意度指标', '服务对象满意度指标',
]);

export function isLevel1(s: string): boolean {
  return LEVEL1.has(compact(s));
}

export function isLevel2(s: string): boolean {
  return LEVEL2.has(compact(s));
}

export function isLevelName(s: string): boolean {
  return isLevel1(s) || isLevel2(s);
}

/** True when `s` could be the start of a level name cut by a wrap (`成本指` + `标`, `经济成` + `本指标`). */
export function completesLevelName(head: string, tail: string): boolean {
  const joined = compact(head + tail);
  // 服务对象满意度 is a 一级 name of the 部门整体 template, and the start of the 二级 服务对象满意度指标.
  return (isLevel1(joined) && !isLevel1(head)) || (isLevel2(joined) && !isLevel2(head));
}

function longestPrefix(text: string, names: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const n of names) if (text.startsWith(n) && (best == null || n.length > best.length)) best = n;
  return best;
}

/**
 * An indicator cell printed with its 一级 and 二级 names run into its own (产出指标数量指标受理率): the names taken off
 * its front, each where it is one of the national names.
 */
export function splitLevels(text: string): { level1: string | null; level2: string | null; name: string } {
  let rest = text.trim();
  const level1 = longestPrefix(rest, LEVEL1);
  if (level1) rest = rest.slice(level1.length);
  const level2 = longestPrefix(rest, LEVEL2);
  if (level2) rest = rest.slice(level2.length);
  return { level1, level2, name: rest.trim() };
}
