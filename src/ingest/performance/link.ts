import type { Check } from '../../schema/common.ts';
import type { Project } from '../../schema/narrative.ts';
import type { PerformanceTarget } from '../../schema/performance.ts';
import type { Table, TableRow } from '../../schema/table.ts';
import { compareAmounts } from '../checks.ts';
import { fromScaled, sumAmounts, toScaled } from '../../core/decimal.ts';
import { compact } from './text.ts';

/** A project name reduced to what identifies it: no spaces or quotes, no leading year, no trailing 项目/专项/经费. */
export function projectKey(name: string): string {
  let k = compact(name).replace(/[“”"'‘’《》〈〉「」]/g, '').replace(/^\d{4}年度?/, '');
  for (let i = 0; i < 2; i++) k = k.replace(/(?:专项资金|工作经费|项目经费|项目|专项|经费|资金)$/, '');
  return k;
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of the character bigrams of two keys (a character added or dropped, 监控监测 / 监测). */
function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (!A.length || !B.length) return 0;
  const pool = [...B];
  let common = 0;
  for (const g of A) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (A.length + B.length);
}

/**
 * How well two names match: 3 = identical once compacted; 2 = same key; between 1 and 2 = one key contains the
 * other (a name cut by a line wrap, or a longer official name), higher the more of the longer key it covers;
 * 0.5 = keys that differ by a character or two (bigram similarity ≥ 0.8); 0 = no match. Containment needs four
 * characters, so that short generic names do not match everything.
 */
function matchQuality(a: string, b: string): number {
  if (compact(a) === compact(b)) return 3;
  const ka = projectKey(a);
  const kb = projectKey(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 2;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length >= 4 && long.includes(short)) return 1 + short.length / long.length;
  return dice(ka, kb) >= 0.8 ? 0.5 : 0;
}

/** The candidates of the best quality (several when a project is split over rows, or when the name is ambiguous). */
function best<T>(name: string, candidates: readonly T[], nameOf: (c: T) => readonly string[]): { found: T[]; names: Set<string> } {
  let top = 0;
  let found: T[] = [];
  let names = new Set<string>();
  for (const c of candidates) {
    let q = 0;
    let matched = '';
    for (const n of nameOf(c)) {
      const m = matchQuality(name, n);
      if (m > q) [q, matched] = [m, n];
    }
    if (q === 0 || q < top) continue;
    if (q > top) {
      top = q;
      found = [];
      names = new Set();
    }
    found.push(c);
    names.add(compact(matched));
  }
  return { found, names };
}

interface ProjectRow {
  row: TableRow;
  table: Table;
}

/** Text cells that are names, not codes (`printedCode: "20 03 99"`). */
function textNames(row: TableRow): string[] {
  return Object.values(row.texts).filter((n) => n && !/^[\d\s]+$/.test(n));
}

/** Amount of a 项目支出 row in 万元: its 合计 (or 项目支出) column, else its first amount; 元 tables are converted. */
function rowAmount({ row, table }: ProjectRow): number | null {
  const v = row.values.total ?? row.values.project ?? Object.values(row.values).find((x) => x != null) ?? null;
  if (v == null) return null;
  const inYuan = table.unit != null && /元/.test(table.unit) && !/万元/.test(table.unit);
  return inYuan ? fromScaled(toScaled(v) / 10000n) : v;
}

export interface LinkResult {
  targets: PerformanceTarget[];
  checks: Check[];
  warnings: string[];
}

/**
 * Links each project target table to its project: `projectId` from `projects[]` (matched by name, tolerating wraps
 * and a trailing 项目/专项/经费), and checks the target's 年度资金总额 against the project's amount in the 项目支出
 * table (the sum of its rows there, where a project has several). Targets whose project is found nowhere are
 * reported as warnings and their amount check is not checkable. Pure: the input targets are not modified.
 */
export function linkTargets(targets: readonly PerformanceTarget[], projects: readonly Project[], tables: readonly Table[]): LinkResult {
  const rows: ProjectRow[] = tables
    .filter((t) => t.kind === 'general-budget-project-expenditure')
    .flatMap((table) => table.rows.filter((row) => row.role === 'data').map((row) => ({ row, table })));
  // Where the table has a project-name column, a row's own name is its classification (`一般行政管理事务`), not a project.
  const hasNameColumn = new Set(rows.filter((r) => textNames(r.row).length > 0).map((r) => r.table.id));
  const rowNames = (r: ProjectRow) => (hasNameColumn.has(r.table.id) ? textNames(r.row) : [r.row.name]);
  const checks: Check[] = [];
  const warnings: string[] = [];
  const linked = targets.map((target) => {
    if (target.scope !== 'project' || !target.projectName) return target;
    const name = target.projectName;
    const projectMatches = best(name, projects, (p) => [p.name]).found;
    const { found: rowMatches, names: rowMatchNames } = best(name, rows, rowNames);
    const project = projectMatches.length === 1 ? projectMatches[0] : null;
    if (projectMatches.length > 1) warnings.push(`绩效目标「${name}」与多个项目同名（${projectMatches.map((p) => p.name).join('、')}），未关联`);
    const id = `performance:${target.id}:project-amount`;
    const message = `${name}：绩效目标的年度资金总额 = 项目支出表中该项目的金额`;
    const rowAmounts = rowMatches.map(rowAmount);
    if (rowMatchNames.size > 1) {
      warnings.push(`绩效目标「${name}」对应项目支出表中多个不同名称的行，金额未比较`);
      checks.push({ id, status: 'not-checkable', message: `${message}（对应多行，无法确定）`, expected: null, actual: target.funds.total, lines: [target.lines] });
    } else if (rowMatches.length > 0) {
      const complete = rowAmounts.every((v) => v != null);
      checks.push(compareAmounts(id, message, complete ? sumAmounts(rowAmounts as number[]) : null, target.funds.total, [
        target.lines,
        ...rowMatches.map((r) => r.row.lines),
      ]));
    } else if (project?.amount != null) {
      checks.push(compareAmounts(id, `${name}：绩效目标的年度资金总额 = 项目说明中的金额（项目支出表中未找到该项目）`, project.amount, target.funds.total, [target.lines, project.lines]));
    } else {
      checks.push({ id, status: 'not-checkable', message: `${message}（未找到该项目）`, expected: null, actual: target.funds.total, lines: [target.lines] });
    }
    if (!project && rowMatches.length === 0) warnings.push(`绩效目标「${name}」在项目支出表和项目说明中都找不到同名项目`);
    return project ? { ...target, projectId: project.id } : target;
  });
  return { targets: linked, checks, warnings };
}
