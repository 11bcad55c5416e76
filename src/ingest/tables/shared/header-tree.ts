import { bandStage, columnKeyFor, columnKeys, isPositionalKey, namesUnknownPart, positionalKey, templateMembers, templateSubtotalKey, type ColumnIdentity } from '../columns.ts';
import type { DraftColumn, Side } from './table-draft.ts';
import { holdsTotalWord } from '../../../core/totals.ts';

/**
 * Multi-line column headers as a tree: a label whose cell spans several columns (财政拨款 over 小计 / 一般公共预算 /
 * …, 基本支出 over 人员经费 / 公用经费) is a group; the leaves are the amount columns. The tree gives the row
 * identities: a group's 小计/合计 column is the sum of its other columns, and the table's first (total) column is the
 * sum of the top-level units.
 */

/** Labels of the row-name area (项目, 科目编码, 功能分类科目名称, 类/款/项 …), which are not amount columns. */
export const STUB = /^(?:收入|支出|采购)?项目$|分类|科目|编码|名称$|^[类款项]{1,3}$|内容$|预算单位$|^单位$|^年度$|类别$|大类$|^[一二三]级$|^(?:行次|栏次|序号|备注|说明)$/;

interface HeaderNode {
  label: string;
  col: number | null;
  children: HeaderNode[];
}

/** A group's own total printed as one of its columns (项目支出 over 项目支出总数 / 扣除基建项目后预算数). */
const isGroupTotal = (label: string): boolean => holdsTotalWord(label) || /总数$/.test(label);
/**
 * A column stating what is left of its group's total after a deduction (扣除基建项目后预算数): no part of its sum.
 * (其中 is not such a mark: `其中：基本支出` beside 项目支出 under 小计 is one of the parts.)
 */
const SUBSET = /^扣除/;
const STAGE = /^(预算|决算)数?$/;

/** `grid[r][c]`: the header label of row r at cell c ('' when empty), spaces already removed. */
function nodesIn(grid: readonly (readonly string[])[], r: number, a: number, b: number): HeaderNode[] {
  if (a > b) return [];
  if (r >= grid.length) {
    const leaves: HeaderNode[] = [];
    for (let c = a; c <= b; c++) leaves.push({ label: '', col: c, children: [] });
    return leaves;
  }
  const row = grid[r];
  const starts: number[] = [];
  for (let c = a; c <= b; c++) if (row[c]) starts.push(c);
  if (starts.length === 0) return nodesIn(grid, r + 1, a, b);
  const nodes: HeaderNode[] = [...nodesIn(grid, r + 1, a, starts[0] - 1)];
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] - 1 : b;
    const below = hasLabels(grid, r + 1, s, end) ? nodesIn(grid, r + 1, s, end) : [];
    const labelled = below.filter((n) => n.label || n.children.length > 0);
    if (labelled.length <= 1 && end === s) {
      nodes.push({ label: labelled[0]?.label ? labelled[0].label : row[s], col: s, children: [] });
    } else if (labelled.length === 0) {
      nodes.push({ label: row[s], col: s, children: [] });
    } else {
      nodes.push({ label: row[s], col: null, children: below.filter((n) => n.label || n.children.length > 0) });
    }
  });
  return nodes;
}

function hasLabels(grid: readonly (readonly string[])[], r: number, a: number, b: number): boolean {
  for (let i = r; i < grid.length; i++) for (let c = a; c <= b; c++) if (grid[i][c]) return true;
  return false;
}

interface Leaf {
  col: number;
  label: string;
  /** The label of the group the leaf sits in, for leaves whose own label repeats under several groups. */
  group: string | null;
  keyLabel: string;
  key: string | null;
}

/** Whether the nodes print both a 预算(数) and a 决算(数): the stage pair under an item (三公 final accounts). */
function bothStages(nodes: readonly HeaderNode[]): boolean {
  return ['预算', '决算'].every((s) => nodes.some((n) => STAGE.exec(n.label)?.[1] === s));
}

/** The columns whose sum a node stands for, and the identities inside it. */
function walk(
  node: HeaderNode,
  leaves: Leaf[],
  identities: ColumnIdentity<number>[],
  group: string | null,
  stagePairs: boolean,
  /** Whether `group` heads every column of the table (本年支出 over a 支出总表's 合计 | 基本支出 | 项目支出). */
  banner = false,
): number[] {
  if (node.col != null && node.children.length === 0) {
    // Labels that say which amount of the group the column is, not what (金额 under 本级财政拨款), take its name.
    const generic = holdsTotalWord(node.label) || /^(?:人员经费|公用经费|基本支出|项目支出|金额)$/.test(node.label);
    // A 预算 or 决算 is a stage only beside the other one; alone it is the end of its group's label wrapped onto
    // the line below (政府性基金 / 预算 is 政府性基金预算, no 预算数 of 政府性基金).
    const stage = stagePairs ? STAGE.exec(node.label) : null;
    const wrapped = !stagePairs && group !== null && STAGE.test(node.label);
    const groupKey = group ? columnKeyFor(group) : null;
    leaves.push({
      col: node.col,
      label: group && (generic || stage || wrapped) ? `${group}${node.label}` : node.label,
      group,
      // A group's 小计 takes the group's key, unless the two together name a column of their own (the 三公 subtotal
      // `一般公共预算拨款安排的“三公”经费预算 / 小计` is no 一般公共预算 column). The template group's own subtotal is
      // the group's beside other columns (本年支出 / 合计 beside the balances of a 收入支出决算表), the table's total
      // where the group heads them all (支出总表).
      keyLabel:
        group && holdsTotalWord(node.label)
          ? columnKeyFor(`${group}${node.label}`) && (banner || !templateSubtotalKey(group, node.label)) ? `${group}${node.label}` : group
          : wrapped ? `${group}${node.label}` : node.label,
      // 预算数 / 决算数 pairs under each item (三公 final accounts) keep the item's key.
      key: stage && groupKey ? `${groupKey}-${stage[1] === '预算' ? 'budget' : 'actual'}` : null,
    });
    return [node.col];
  }
  // A 小计 heading its own 预算数/决算数 pair is the subtotal of the group it sits in.
  const childGroup = group && holdsTotalWord(node.label) ? `${group}${node.label}` : node.label || group;
  const pairs = bothStages(node.children);
  const sums = node.children.map((child) => ({ child, cols: walk(child, leaves, identities, childGroup, pairs, group === null && banner) }));
  const subtotal = sums.find((s) => s.child.col != null && s.child.children.length === 0 && isGroupTotal(s.child.label));
  if (subtotal) {
    // Nor is a column of an unknown part of some column beside it (西安 2022 收入总表 -layout L457-L463: 一般公共预算拨款
    // over 小计 and `其中：专项资金列入部门预算项目`), as the checks leave it out (table-checks.ts rowIdentities).
    const parts = sums.filter((s) => s !== subtotal && !SUBSET.test(s.child.label) && !namesUnknownPart(s.child.label)).flatMap((s) => s.cols);
    if (parts.length > 0) identities.push({ whole: subtotal.child.col!, parts });
    return [subtotal.child.col!];
  }
  return sums.flatMap((s) => s.cols);
}

export interface HeaderColumns {
  /** Cell index of each amount column, in order. */
  cells: number[];
  columns: DraftColumn[];
  identities: ColumnIdentity<number>[];
}

/**
 * Amount columns of one side (or the whole table) from the header grid, restricted to cells `a..b`. Identities are
 * expressed in indices of the returned columns, offset by `offset` (the columns of an earlier side).
 */
export function headerColumns(
  grid: readonly (readonly string[])[],
  a: number,
  b: number,
  side: Side | null,
  offset: number,
): HeaderColumns {
  let top = nodesIn(grid, 0, a, b).filter((n) => n.label || n.children.length > 0);
  // A single label over every column that is no group of the template (一般公共预算支出, 本年政府性基金预算支出, 决算数)
  // names the table, not a group, as the aligned reader reads it (aligned/header.ts): a workbook merges it over them all.
  if (top.length === 1 && top[0].children.length > 0 && !templateMembers(top[0].label)) top = top[0].children;
  // 预算数 | 决算数 each over the same items (a 决算's 三公 table, 全年预算数 | 决算数 over 合计 | 基本支出 | 项目支出): each
  // block's columns are its items', the stage their suffix, as the aligned reader keys them (aligned/header.ts).
  const stages = top.map((n) => (n.children.length > 0 ? bandStage(n.label) : null));
  if (top.length === 2 && stages[0] && stages[1] && stages[0] !== stages[1]) {
    const blocks: HeaderColumns[] = [];
    for (const [k, band] of top.entries()) {
      const block = columnsOf(band.children, side, offset + blocks.reduce((n, p) => n + p.columns.length, 0));
      const columns = block.columns.map((c) => ({ ...c, key: isPositionalKey(c.key) ? c.key : `${c.key}-${stages[k]}`, label: `${band.label}${c.label}` }));
      blocks.push({ ...block, columns });
    }
    return { cells: blocks.flatMap((p) => p.cells), columns: blocks.flatMap((p) => p.columns), identities: blocks.flatMap((p) => p.identities) };
  }
  return columnsOf(top, side, offset);
}

/** The amount columns under the nodes `top` and the identities among them, indexed from `offset`. */
function columnsOf(top: readonly HeaderNode[], side: Side | null, offset: number): HeaderColumns {
  const leaves: Leaf[] = [];
  const identities: ColumnIdentity<number>[] = [];
  // Asked once of the top nodes, not once for each of them (a flat header's labels are all top nodes).
  const pairs = bothStages(top);
  const units = top.map((n) => walk(n, leaves, identities, null, pairs, top.length === 1));
  if (top.length >= 2 && top[0].col != null && top[0].children.length === 0 && holdsTotalWord(top[0].label)) {
    identities.push({ whole: top[0].col, parts: units.slice(1).flat() });
  }
  // A table whose every column is one item's part of a breakdown (一般公共预算 under 总计, 因公出国(境)费 …): each column
  // is named with its item. A label repeated in only some groups may be a misread header, and keeps its print.
  const count = new Map<string, number>();
  for (const l of leaves) count.set(l.label, (count.get(l.label) ?? 0) + 1);
  const repeated = leaves.filter((l) => l.group && count.get(l.label)! > 1 && !l.label.startsWith(l.group));
  // Their keys join the item's and the breakdown's (`reception.general`) when both are known and that names each once.
  const joined = repeated.map((l) => {
    const item = columnKeyFor(l.group!);
    const own = columnKeyFor(l.label);
    return item && own && !l.key ? `${item}.${own}` : null;
  });
  if (repeated.length === leaves.length && leaves.length > 0 && joined.every((k) => k !== null) && new Set(joined).size === joined.length) {
    repeated.forEach((l, i) => {
      l.key = joined[i];
      l.label = `${l.group}${l.label}`;
    });
  }
  leaves.sort((x, y) => x.col - y.col);
  const keys = columnKeys(leaves.map((l) => l.keyLabel));
  const cells = leaves.map((l) => l.col);
  const index = (cell: number) => offset + cells.indexOf(cell);
  return {
    cells,
    columns: leaves.map((l, i) => ({
      key:
        l.key && leaves.filter((x) => x.key === l.key).length === 1
          ? l.key
          : columnKeyFor(l.keyLabel) ? keys[i] : positionalKey(offset + i + 1),
      label: l.label,
      side,
    })),
    identities: identities.map((id) => ({ whole: index(id.whole), parts: id.parts.map(index) })),
  };
}
