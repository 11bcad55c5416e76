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

/** Both levels' names, listed once for the wrapped-name tests asked of every cell of a grid's level columns. */
const LEVEL_NAMES = [...LEVEL1, ...LEVEL2];

/**
 * The 一级 names of the project template each standard 二级 name stands under: 成本指标 under 产出指标 before the 2022
 * template, a 一级 name of its own since, over 经济/社会/生态环境成本指标.
 */
const PROJECT_LEVEL1: Readonly<Record<string, readonly string[]>> = {
  数量指标: ['产出指标'],
  质量指标: ['产出指标'],
  时效指标: ['产出指标'],
  成本指标: ['产出指标', '成本指标'],
  经济成本指标: ['成本指标'],
  社会成本指标: ['成本指标'],
  生态环境成本指标: ['成本指标'],
  经济效益指标: ['效益指标'],
  社会效益指标: ['效益指标'],
  生态效益指标: ['效益指标'],
  可持续影响指标: ['效益指标'],
  满意度指标: ['满意度指标'],
  服务对象满意度指标: ['满意度指标'],
};

const PROJECT_TEMPLATE_LEVEL1 = new Set(Object.values(PROJECT_LEVEL1).flat());

/**
 * False when both are names of the project template and the 二级 name does not stand under the 一级 one there
 * (社会效益指标 under 产出指标). Names of other templates (部门整体's 运行成本, 社会效应) are not judged.
 */
export function standsUnder(level1: string, level2: string): boolean {
  const parents = PROJECT_LEVEL1[compact(level2)];
  if (!parents) return true;
  const name1 = compact(level1);
  return !PROJECT_TEMPLATE_LEVEL1.has(name1) || parents.includes(name1);
}

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

/**
 * True when `s` is the start of a level name cut by a wrap and no name itself (`满意度指`, `服务对象满意`, `经济效益`):
 * the rest is printed on a later line of its column.
 */
export function startsLevelName(s: string): boolean {
  const c = compact(s);
  if (c.length < 2 || isLevelName(c)) return false;
  for (const n of LEVEL_NAMES) if (n.startsWith(c)) return true;
  return false;
}

/** True when `s` is the end of a level name cut by a wrap and no name itself (`标`, `指标`, `意度指标`). */
export function endsLevelName(s: string): boolean {
  const c = compact(s);
  if (c.length === 0 || isLevelName(c)) return false;
  for (const n of LEVEL_NAMES) if (n.endsWith(c)) return true;
  return false;
}

/** A cell of the 二级 column printed with the 三级 name run into it (质量指标质量合格率): the 二级 name and the rest. */
export function splitLevel2(text: string): { level2: string | null; name: string } {
  const t = text.trim();
  const level2 = longestPrefix(t, LEVEL2);
  return { level2, name: level2 ? t.slice(level2.length).trim() : t };
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
