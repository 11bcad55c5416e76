import type { Check } from '../../schema/common.ts';
import type { Project } from '../../schema/narrative.ts';
import type { PerformanceTarget } from '../../schema/performance.ts';
import type { Table, TableRow } from '../../schema/table.ts';
import { compareAmounts } from '../checks.ts';
import { fromScaled, sumAmounts, toScaled } from '../../core/decimal.ts';
import { convertAmount } from '../../core/units.ts';
import { compact } from './text.ts';
import { PROJECT_TEXT_KEY } from '../tables/columns.ts';
import { isDescriptionGoal } from './prose-targets.ts';

/** A project name reduced to what identifies it: no spaces or quotes, no leading year, no trailing 项目/专项/经费. */
export function projectKey(name: string): string {
  let k = compact(name).replace(/[“”"'‘’《》〈〉「」]/g, '').replace(/^\d{4}年度?/, '');
  for (let i = 0; i < 2; i++) k = withoutSuffix(k);
  return k;
}

/**
 * The name without one trailing 项目/专项/经费 word, the longest that ends it (专项资金, not 资金): what a pattern of the
 * words anchored at the end removes, asked by the name's end instead of a search from each of its characters (every
 * row of the project tables is keyed).
 */
function withoutSuffix(k: string): string {
  const word = SUFFIXES.find((w) => k.endsWith(w));
  return word ? k.slice(0, -word.length) : k;
}

/** Longest first, so that the first that ends a name is the longest. */
const SUFFIXES = ['专项资金', '工作经费', '项目经费', '项目', '专项', '经费', '资金'];

/**
 * A name as matchQuality compares it: compacted, its key, and its key's character bigrams (counted, made when first
 * asked). Every target is compared with every row of the project tables: each name is keyed once, not once a pair.
 */
interface Name {
  compact: string;
  key: string;
  bigrams?: { counts: Map<string, number>; total: number };
}

function named(name: string): Name {
  return { compact: compact(name), key: projectKey(name) };
}

function bigramsOf(name: Name): NonNullable<Name['bigrams']> {
  if (name.bigrams) return name.bigrams;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < name.key.length; i++) {
    const g = name.key.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return (name.bigrams = { counts, total: Math.max(0, name.key.length - 1) });
}

/**
 * Dice similarity of the character bigrams of two keys (a character added or dropped, 监控监测 / 监测): the bigrams
 * they share, each as often as both print it.
 */
function dice(a: Name, b: Name): number {
  const A = bigramsOf(a);
  const B = bigramsOf(b);
  if (!A.total || !B.total) return 0;
  let common = 0;
  for (const [g, n] of A.counts) common += Math.min(n, B.counts.get(g) ?? 0);
  return (2 * common) / (A.total + B.total);
}

/** The Dice similarity two keys would have were every bigram of the shorter one the longer's too. */
function sharesAtMost(a: Name, b: Name): number {
  const [m, n] = [Math.max(0, a.key.length - 1), Math.max(0, b.key.length - 1)];
  return m && n ? (2 * Math.min(m, n)) / (m + n) : 0;
}

/**
 * How well two names match: 3 = identical once compacted; 2 = same key; between 1 and 2 = one key contains the
 * other (a name cut by a line wrap, or a longer official name), higher the more of the longer key it covers;
 * 0.5 = keys that differ by a character or two (bigram similarity ≥ 0.8); 0 = no match. Containment needs four
 * characters, so that short generic names do not match everything.
 */
function matchQuality(a: Name, b: Name): number {
  if (a.compact === b.compact) return 3;
  const ka = a.key;
  const kb = b.key;
  if (!ka || !kb) return 0;
  if (ka === kb) return 2;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length >= 4 && long.includes(short)) return 1 + short.length / long.length;
  // The bigrams two keys share are at most the shorter key's: keys whose lengths are too far apart fall short of 0.8
  // by that alone, and most of a document's names are, so their bigrams are not counted.
  return sharesAtMost(a, b) >= 0.8 && dice(a, b) >= 0.8 ? 0.5 : 0;
}

/** Each candidate's names, keyed when first asked and kept for the other targets' comparisons. */
function namedOnce<T>(namesOf: (c: T) => string[]): (c: T) => readonly Name[] {
  const kept = new Map<T, Name[]>();
  return (c) => {
    let names = kept.get(c);
    if (!names) kept.set(c, (names = namesOf(c).map(named)));
    return names;
  };
}

/** The candidates of the best quality (several when a project is split over rows, or when the name is ambiguous). */
function best<T>(name: string, candidates: readonly T[], nameOf: (c: T) => readonly Name[]): { found: T[]; names: Set<string>; quality: number } {
  const own = named(name);
  let top = 0;
  let found: T[] = [];
  let names = new Set<string>();
  for (const c of candidates) {
    let q = 0;
    let matched = '';
    for (const n of nameOf(c)) {
      const m = matchQuality(own, n);
      if (m > q) [q, matched] = [m, n.compact];
    }
    if (q === 0 || q < top) continue;
    if (q > top) {
      top = q;
      found = [];
      names = new Set();
    }
    found.push(c);
    names.add(matched);
  }
  return { found, names, quality: top };
}

/**
 * The rows of a target's project: by its unit and name together where a row is named so (杭州 交通 2026's 表10 names
 * each row 单位 + 项目, `杭州市公路与港航管理服务中心日常保障运行`, six units each with a 日常保障运行), else by its name.
 */
function rowsOfTarget<T>(target: PerformanceTarget, rows: readonly T[], nameOf: (c: T) => readonly Name[]): ReturnType<typeof best<T>> {
  const byName = best(target.projectName!, rows, nameOf);
  if (!target.unitName) return byName;
  const byUnit = best(`${target.unitName}${target.projectName}`, rows, nameOf);
  return byUnit.quality >= 2 ? byUnit : byName;
}

interface ProjectRow {
  row: TableRow;
  table: Table;
}

/**
 * The tables that list projects with their amounts: the 一般公共预算项目支出表 and the 项目支出表 of every template
 * (a 部门预算's 项目支出预算情况表).
 */
const PROJECT_TABLE_KINDS: ReadonlySet<string> = new Set(['general-budget-project-expenditure', 'project-expenditure']);

/**
 * A table that lists each unit's projects under the unit (rows with a 单位编码) is left out: a department's target
 * (西安 2022: 委托咨询业务 544 万元) adds up projects its units name in their own ways (one unit's 委托咨询业务 is 9),
 * so a row of the same name is one unit's share, not the target's project, and comparing them would report a
 * difference the document does not have.
 */
function listsUnitsProjects(table: Table): boolean {
  return table.rows.some((row) => row.texts.unitCode);
}

/** Amount of a 项目支出 row in 万元: its 合计 (or 项目支出) column, else its first amount; 元 tables are converted. */
function rowAmount({ row, table }: ProjectRow): number | null {
  const v = row.values.total ?? row.values.project ?? Object.values(row.values).find((x) => x != null) ?? null;
  if (v == null) return null;
  const inYuan = table.unit != null && /元/.test(table.unit) && !/万元/.test(table.unit);
  return inYuan ? fromScaled(toScaled(v) / 10000n) : v;
}

/**
 * The targets a 项目支出 table states in prose beside each project (its 绩效目标 column, tables/shared/text-column.ts):
 * one a project, its goal that text, its funds the row's 总计 and 其他资金, its unit the 资金使用单位 row above it.
 * They are the rows themselves, so their funds are not checked against the rows.
 */
function proseTargets(tables: readonly Table[], from: number): PerformanceTarget[] {
  const out: PerformanceTarget[] = [];
  for (const table of tables) {
    let unit: string | null = null;
    for (const row of table.rows) {
      if (row.role === 'subtotal') unit = row.name;
      const goal = row.texts['performance-goal'];
      if (!goal) continue;
      out.push({
        id: `target-${from + out.length + 1}`,
        scope: 'project',
        title: `${table.title}·绩效目标`,
        unitName: unit,
        projectName: row.name,
        code: null,
        projectId: null,
        owner: null,
        funds: { total: row.values.total ?? null, fiscal: row.values.fiscal ?? null, other: row.values['other-income'] ?? null },
        goal,
        periodGoal: null,
        indicators: [],
        flag: null,
        selfEvaluation: null,
        lines: row.lines,
      });
    }
  }
  return out;
}

export interface LinkResult {
  targets: PerformanceTarget[];
  checks: Check[];
  warnings: string[];
}

/**
 * Links each project target table to its project: `projectId` from `projects[]` (matched by name, tolerating wraps
 * and a trailing 项目/专项/经费), and checks the target's 年度资金总额 against the project's amount in the 项目支出
 * table (the sum of its rows there, where a project has several). Several targets of one name matching the same
 * rows (each unit's form for a shared project: 实施公车统管费用 once per unit, its rows one per unit in a table that
 * does not say which is whose) cannot be paired with the rows one by one: their sum is checked against the rows' sum
 * instead. Targets whose project is found nowhere are reported as warnings (one for all of them where the document
 * lists no project at all) and their amount check is not checkable. The targets a 项目支出 table states in prose
 * (proseTargets) follow, linked to their projects. `projectUnit` is the unit of the projects' amounts (the
 * document's, narrative/index.ts documentUnit). Pure: the input targets are not modified.
 */
export function linkTargets(targets: readonly PerformanceTarget[], projects: readonly Project[], tables: readonly Table[], projectUnit: string | null = null): LinkResult {
  const projectTables = tables.filter((t) => PROJECT_TABLE_KINDS.has(t.kind));
  const unitsTables = projectTables.some(listsUnitsProjects);
  const rows: ProjectRow[] = projectTables
    .filter((t) => !listsUnitsProjects(t))
    .flatMap((table) => table.rows.filter((row) => row.role === 'data').map((row) => ({ row, table })));
  // Where the table has a project-name column, a row's own name is its classification (`一般行政管理事务`), not a project.
  const hasNameColumn = new Set(rows.filter((r) => r.row.texts[PROJECT_TEXT_KEY]).map((r) => r.table.id));
  // Keyed when first compared: a document whose targets name no project (half the synthetic corpus) compares none.
  const rowNames = namedOnce((r: ProjectRow) => (hasNameColumn.has(r.table.id) ? [r.row.texts[PROJECT_TEXT_KEY]].filter(Boolean) : [r.row.name]));
  const projectNames = namedOnce((p: Project) => [p.name]);
  const linkable = targets.filter((t) => t.scope === 'project' && t.projectName);
  const matchesOf = new Map(linkable.map((t) => [t, rowsOfTarget(t, rows, rowNames)]));
  // Targets that share their matched rows, several rows and several targets: keyed by the rows' lines.
  const sharers = new Map<string, PerformanceTarget[]>();
  for (const [t, m] of matchesOf) {
    if (m.found.length < 2 || m.names.size > 1) continue;
    const key = JSON.stringify(m.found.map((r) => r.row.lines));
    sharers.set(key, [...(sharers.get(key) ?? []), t]);
  }
  const shared = new Map([...sharers.values()].filter((g) => g.length > 1).flatMap((g) => g.map((t) => [t, g] as const)));
  const nothingToLink = rows.length === 0 && projects.length === 0;
  // Why a target's project has no amount to compare with: the source lists none, or none of that name.
  const notFound = !nothingToLink
    ? '（未找到该项目）'
    : unitsTables
      ? '（项目支出表按单位分列各单位的项目，无法确定对应哪些行）'
      : '（本文件没有按项目列出金额的项目支出表，也没有项目说明）';
  const checks: Check[] = [];
  const warnings: string[] = [];
  const linked = targets.map((target) => {
    const matches = matchesOf.get(target);
    if (!matches) return target;
    const name = target.projectName!;
    const projectMatches = best(name, projects, projectNames).found;
    const { found: rowMatches, names: rowMatchNames } = matches;
    const project = projectMatches.length === 1 ? projectMatches[0] : null;
    if (projectMatches.length > 1) warnings.push(`绩效目标「${name}」与多个项目同名（${projectMatches.map((p) => p.name).join('、')}），未关联`);
    const id = `performance:${target.id}:project-amount`;
    const message = `${name}：绩效目标的年度资金总额 = 项目支出表中该项目的金额`;
    const rowAmounts = rowMatches.map(rowAmount);
    const rowsTotal = rowAmounts.every((v) => v != null) ? sumAmounts(rowAmounts as number[]) : null;
    const group = shared.get(target);
    if (group) {
      checks.push({ id, status: 'not-checkable', message: `${message}（项目支出表中有 ${rowMatches.length} 行、绩效目标中有 ${group.length} 份同名，无法一一对应，合计另行核对）`, expected: null, actual: target.funds.total, lines: [target.lines] });
      if (group[0] === target) {
        const totals = group.map((t) => t.funds.total);
        checks.push(compareAmounts(`performance:${target.id}:project-amount-shared`, `${name}：${group.length} 份同名绩效目标的年度资金总额之和 = 项目支出表中同名 ${rowMatches.length} 行之和`, rowsTotal, totals.every((v) => v != null) ? sumAmounts(totals as number[]) : null, [
          ...group.map((t) => t.lines),
          ...rowMatches.map((r) => r.row.lines),
        ]));
      }
    } else if (rowMatchNames.size > 1) {
      warnings.push(`绩效目标「${name}」对应项目支出表中多个不同名称的行，金额未比较`);
      checks.push({ id, status: 'not-checkable', message: `${message}（对应多行，无法确定）`, expected: null, actual: target.funds.total, lines: [target.lines] });
    } else if (rowMatches.length > 0) {
      checks.push(compareAmounts(id, message, rowsTotal, target.funds.total, [target.lines, ...rowMatches.map((r) => r.row.lines)]));
    } else if (project && isDescriptionGoal(target)) {
      // The project's own 经费情况说明 states both its amount and this goal: the funds are that amount, not a second
      // statement of it, so there is nothing to check them against.
    } else if (project?.amount != null) {
      // A description's amount is in the document's unit (元 where its tables print 元), a target's funds in 万元.
      const described = projectUnit === null ? project.amount : convertAmount(project.amount, projectUnit, '万元');
      checks.push(compareAmounts(id, `${name}：绩效目标的年度资金总额 = 项目说明中的金额（项目支出表中未找到该项目）`, described, target.funds.total, [target.lines, project.lines]));
    } else {
      checks.push({ id, status: 'not-checkable', message: `${message}${notFound}`, expected: null, actual: target.funds.total, lines: [target.lines] });
    }
    if (!project && rowMatches.length === 0 && !nothingToLink) warnings.push(`绩效目标「${name}」在项目支出表和项目说明中都找不到同名项目`);
    return project ? { ...target, projectId: project.id } : target;
  });
  // A project whose target the table states links to the project described, where one is (by name, as above).
  const stated = proseTargets(projectTables, targets.length).map((t) => {
    const found = best(t.projectName!, projects, projectNames).found;
    return found.length === 1 ? { ...t, projectId: found[0].id } : t;
  });
  linked.push(...stated);
  if (nothingToLink && linkable.length > 0) {
    const which = linkable.length === 1 ? `绩效目标「${linkable[0].projectName}」` : `${linkable.length} 份项目绩效目标`;
    warnings.push(
      unitsTables
        ? `项目支出表按单位分列各单位的项目，无法确定${which}对应其中哪些行，资金未与项目金额核对`
        : `本文件没有按项目列出金额的项目支出表，也没有项目说明：${which}的资金无法与项目金额核对`,
    );
  }
  return { targets: linked, checks, warnings };
}
