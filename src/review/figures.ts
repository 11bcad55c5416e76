/**
 * Stated figures against the tables: 三公经费 and its parts, 机关运行经费, 政府采购, the totals, 基本/项目支出, 人员/公用经费
 * and per-类 amounts the 情况说明 repeats (compared by the narrative checks, whose failures are turned into findings
 * here), and the per-项 决算 paragraphs of a final account. A table cell left empty while the text states a figure
 * is an error. Figures are compared in 万元; a difference of exactly 10,000 is a units finding, one within the printed
 * precision a rounding one.
 */
import type { Check, LineRange } from '../schema/common.ts';
import type { Finding } from '../schema/review.ts';
import type { Table, TableRow } from '../schema/table.ts';
import { FUNCTION_CLASSES } from '../core/codes.ts';
import { factLabel } from '../ingest/narrative/facts.ts';
import { makeFinding, shown, type ReviewContext } from './context.ts';
import { compareFigures, decimalsOf, differenceFinding } from './rounding.ts';
import { budgetActualStatements } from './statements.ts';
import { tenThousandOff, toWan } from './units.ts';
import { hasDigit } from '../core/width.ts';

const NARRATIVE_LABELS: Readonly<Record<string, string>> = {
  total: '收支总额',
  'fiscal-total': '财政拨款收支总额',
  'total-income': '收入总额',
  'total-expenditure': '支出总额',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public: '公用经费',
  general: '一般公共预算支出',
};

function contains(outer: LineRange, inner: LineRange): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

function tableOfCheck(ctx: ReviewContext, check: Check): Table | null {
  return ctx.doc.tables.find((t) => check.lines.some((l) => contains(t.lines, l))) ?? null;
}

/** Whether the table's own arithmetic holds: when it does not, its figures may be misread and a finding is unsure. */
function tableConsistent(ctx: ReviewContext, table: Table): boolean {
  return !ctx.doc.checks.some((c) => c.status === 'fail' && c.id.startsWith(`${table.id}:`));
}

/** “三公” table: the total is the sum of its parts as read; otherwise the columns were not read with certainty. */
function threePublicConsistent(table: Table): boolean {
  const row = table.rows.find((r) => r.role === 'total') ?? (table.rows.length === 1 ? table.rows[0] : null);
  if (!row) return false;
  const v = (k: string) => row.values[`${k}-actual`] ?? row.values[k] ?? null;
  const parts = [v('outbound-travel'), v('vehicles'), v('reception')];
  const total = v('total');
  if (total == null || parts.some((p) => p == null)) return true;
  return Math.abs(total - parts.reduce((a, b) => a! + b!, 0)!) <= 0.015;
}

interface Described {
  label: string;
  /** Both sides in 万元. */
  text: number;
  inTable: number;
  table: Table | null;
}

function describeFact(ctx: ReviewContext, check: Check): Described | null {
  const key = /^fact:(three-public|operating-costs):table:(.+)$/.exec(check.id);
  if (!key || typeof check.expected !== 'number' || typeof check.actual !== 'number') return null;
  const factId = key[1] === 'operating-costs' ? 'operating-costs' : `three-public.${key[2]}`;
  const fact = ctx.doc.facts.find((f) => f.id === factId);
  const table = tableOfCheck(ctx, check);
  const text = toWan(check.actual, fact?.unit ?? '万元');
  const inTable = toWan(check.expected, table?.unit ?? '万元');
  return { label: fact?.label ?? factLabel(factId), text, inTable, table };
}

function describeNarrative(ctx: ReviewContext, check: Check): Described | null {
  if (typeof check.expected !== 'number' || typeof check.actual !== 'number' || check.id.endsWith(':share') || /:share:\d+$/.test(check.id)) return null;
  // The id ends in the rule (general) or the 类 code (class:205), then :2, :3 … where the text states the figure again.
  const parts = check.id.split(':');
  if (/^\d+$/.test(parts[parts.length - 1]) && parts[parts.length - 2] !== 'class') parts.pop();
  const last = parts[parts.length - 1];
  const cls = parts[parts.length - 2] === 'class' ? FUNCTION_CLASSES[last] ?? last : null;
  const label = cls ? `${cls}（类）` : NARRATIVE_LABELS[last] ?? last;
  return { label, text: check.actual, inTable: check.expected, table: tableOfCheck(ctx, check) };
}

function fromChecks(ctx: ReviewContext): Finding[] {
  const findings: Finding[] = [];
  for (const check of ctx.doc.checks) {
    if (check.status !== 'fail' || check.id === LISTED_PROJECTS) continue;
    const d = check.id.startsWith('fact:') ? describeFact(ctx, check) : check.id.startsWith('narrative:') ? describeNarrative(ctx, check) : null;
    if (!d) continue;
    const where = d.table ? d.table.title : '表中';
    const both = `正文${d.label}为${shown(d.text)}万元，${where}为${shown(d.inTable)}万元`;
    if (tenThousandOff(d.text, d.inTable)) {
      findings.push(
        makeFinding(ctx.doc, {
          rule: 'units.figure',
          family: 'units',
          severity: '错误',
          key: check.id,
          message: `${both}（换算为万元后），正好相差一万倍：元与万元用错。`,
          stated: d.text,
          expected: d.inTable,
          lines: check.lines,
        }),
      );
      continue;
    }
    const agreement = compareFigures(d.text, d.inTable);
    if (agreement === 'agree') continue;
    if (agreement === 'rounding') {
      findings.push(differenceFinding(ctx.doc, agreement, { rule: 'figures.table', family: 'figures', key: check.id, message: both, stated: d.text, expected: d.inTable, lines: check.lines }));
      continue;
    }
    const sure = d.table === null || (tableConsistent(ctx, d.table) && (d.table.kind !== 'three-public-expenditure' || threePublicConsistent(d.table)));
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'figures.table',
        family: 'figures',
        severity: sure ? '错误' : '提示',
        key: check.id,
        message: sure ? `${both}，两者不符。` : `${both}，两者不符；该表自身的合计也不平，表中读数可能有误，请人工核对。`,
        stated: d.text,
        expected: d.inTable,
        lines: check.lines,
      }),
    );
  }
  return findings;
}

const LISTED_PROJECTS = 'narrative:listed-projects:sum';

/**
 * A sentence that states the 项目支出 and lists projects with their amounts (narrative/listed-projects.ts): both
 * figures are the text's own, so it is a sum the text gets wrong, not a table the text disagrees with. The unit is the
 * one the sentence prints, which the listed projects keep.
 */
function listedProjectFindings(ctx: ReviewContext): Finding[] {
  const check = ctx.doc.checks.find((c) => c.id === LISTED_PROJECTS);
  if (!check || check.status !== 'fail' || typeof check.expected !== 'number' || typeof check.actual !== 'number') return [];
  const span = check.lines[0];
  const listed = ctx.doc.projects.find((p) => span && contains(span, p.lines));
  const unit = /万元$|元$/.exec(listed?.scale ?? '')?.[0] ?? '';
  // Where the sentence lists its 主要 projects, the check is only that they do not exceed the total.
  const main = check.actual > check.expected && check.message.includes('不超过');
  return [
    makeFinding(ctx.doc, {
      rule: 'figures.sum',
      family: 'figures',
      severity: '错误',
      key: check.id,
      message: main
        ? `正文项目支出为${shown(check.expected)}${unit}，所列主要项目金额之和为${shown(check.actual)}${unit}，超过了项目支出总额。`
        : `正文项目支出为${shown(check.expected)}${unit}，所列各项目金额之和为${shown(check.actual)}${unit}，两者不符。`,
      stated: check.expected,
      expected: check.actual,
      lines: check.lines,
    }),
  ];
}

/** Sums stated in the text (“三公” = its parts, 政府采购 = 货物 + 工程 + 服务) that do not add up. */
function sumFindings(ctx: ReviewContext): Finding[] {
  const findings: Finding[] = [];
  for (const check of ctx.doc.checks) {
    if (check.status !== 'fail' || !/^fact:.*:(?:sum-of-parts|vehicles-sum)$/.test(check.id)) continue;
    if (typeof check.expected !== 'number' || typeof check.actual !== 'number') continue;
    const what = check.id.includes('procurement') ? '政府采购' : check.id.includes('vehicles') ? '公务用车购置及运行费' : '“三公”经费';
    // The sum is as precise as its least precise part as printed (0.8 beside 9.98).
    const parts = ctx.doc.facts.filter((f) => f.value && check.lines.some((l) => l.first === f.lines.first && l.last === f.lines.last));
    const partDecimals = Math.min(2, ...parts.map((f) => decimalsOf(f.value!)));
    const agreement = compareFigures(check.expected, check.actual, decimalsOf(check.expected), partDecimals);
    if (agreement === 'agree') continue;
    findings.push(
      differenceFinding(ctx.doc, agreement, {
        rule: 'figures.sum',
        family: 'figures',
        key: check.id,
        message: `正文${what}合计为${shown(check.expected)}，所列各项之和为${shown(check.actual)}`,
        stated: check.expected,
        expected: check.actual,
        lines: check.lines,
      }),
    );
  }
  return findings;
}

/**
 * Whether a row printed amounts the reader left out of its cells (more than the columns read, or none that the
 * identities could place: reported as unparsed on the row's lines): a cell of it without a figure is unread, not
 * empty.
 */
function hasAmountsLeftOut(ctx: ReviewContext, row: TableRow): boolean {
  return ctx.doc.unparsed.some((u) => u.lines.first <= row.lines.last && u.lines.last >= row.lines.first && hasDigit(u.text));
}

/** A “三公” figure the text states whose cell in the table is empty (not declared empty, not an uncertain placement). */
function emptiedCells(ctx: ReviewContext): Finding[] {
  const findings: Finding[] = [];
  for (const check of ctx.doc.checks) {
    // A blank cell often stands for zero: only a figure other than 0 makes an empty cell a contradiction. (Asked of
    // every check of the document, tens of thousands: the id is read only of the few that can be such a figure.)
    if (check.status !== 'not-checkable' || typeof check.actual !== 'number' || check.actual === 0 || check.expected !== null) continue;
    const key = /^fact:three-public:table:(.+)$/.exec(check.id)?.[1];
    if (!key) continue;
    const table = tableOfCheck(ctx, check);
    if (!table || table.declaredEmpty) continue;
    const row = table.rows.find((r) => check.lines.some((l) => l.first === r.lines.first && l.last === r.lines.last));
    const column = [`${key}-actual`, key].find((k) => row && k in row.values);
    if (!row || !column || row.values[column] != null || row.uncertain.includes(column) || hasAmountsLeftOut(ctx, row)) continue;
    const fact = ctx.doc.facts.find((f) => f.id === `three-public.${key}`);
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'figures.empty-cell',
        family: 'figures',
        severity: '错误',
        key: check.id,
        message: `正文${fact?.label ?? key}为${shown(check.actual)}${fact?.unit ?? '万元'}，${table.title}中此项为空。`,
        stated: check.actual,
        expected: null,
        lines: check.lines,
      }),
    );
  }
  return findings;
}

function plain(name: string): string {
  return name.replace(/\s/g, '').replace(/[（(].*?[）)]/g, '').replace(/^[\d.、]+/, '');
}

/** The 项 row a 决算 paragraph names (…（类）…（款）…（项）): its name, under a 款 of the named name. */
function itemRow(table: Table, kuan: string, xiang: string): TableRow | null {
  const byCode = new Map(table.rows.filter((r) => r.code).map((r) => [r.code!, r]));
  return (
    table.rows.find((r) => {
      if (r.level !== 3 || !r.code || plain(r.name) !== plain(xiang)) return false;
      const parent = byCode.get(r.code.slice(0, 5));
      return !parent || plain(parent.name) === plain(kuan);
    }) ?? null
  );
}

/** Per-项 决算 paragraphs: the 支出决算 figure they state against the 一般公共预算财政拨款支出决算表 row. */
function itemFindings(ctx: ReviewContext): Finding[] {
  if (ctx.doc.kind !== 'final-account') return [];
  const table = ctx.doc.tables.find((t) => t.kind === 'general-budget-expenditure' && t.rows.length > 0);
  if (!table) return [];
  const findings: Finding[] = [];
  for (const s of budgetActualStatements(ctx)) {
    if (!s.names) continue;
    const row = itemRow(table, s.names.kuan, s.names.xiang);
    if (!row) continue;
    const column = ['actual', 'total-actual', 'total'].find((k) => k in row.values);
    if (!column) continue;
    const inTable = row.values[column];
    const stated = toWan(s.actual.value, s.unit);
    const label = `${s.names.xiang}（项，${row.code}）`;
    if (inTable == null) {
      if (row.uncertain.includes(column) || hasAmountsLeftOut(ctx, row)) continue;
      findings.push(
        makeFinding(ctx.doc, {
          rule: 'figures.empty-cell',
          family: 'figures',
          severity: '错误',
          key: `item:${row.code}`,
          message: `正文${label}支出决算为${s.actual.text}${s.unit}，${table.title}中此行为空。`,
          stated,
          lines: [...s.lines, row.lines],
        }),
      );
      continue;
    }
    const value = toWan(inTable, table.unit);
    if (tenThousandOff(stated, value)) {
      findings.push(
        makeFinding(ctx.doc, { rule: 'units.figure', family: 'units', severity: '错误', key: `item:${row.code}`, message: `正文${label}支出决算为${s.actual.text}${s.unit}，${table.title}为${shown(inTable)}${table.unit ?? ''}，正好相差一万倍：元与万元用错。`, stated, expected: value, lines: [...s.lines, row.lines] }),
      );
      continue;
    }
    const agreement = compareFigures(stated, value, s.actual.decimals);
    if (agreement === 'agree') continue;
    findings.push(
      differenceFinding(ctx.doc, agreement, {
        rule: 'figures.item',
        family: 'figures',
        key: `item:${row.code}`,
        message: `正文${label}支出决算为${s.actual.text}${s.unit}，${table.title}为${shown(value)}万元`,
        stated,
        expected: value,
        lines: [...s.lines, row.lines],
      }),
    );
  }
  return findings;
}

export function figureRules(ctx: ReviewContext): Finding[] {
  return [...fromChecks(ctx), ...sumFindings(ctx), ...listedProjectFindings(ctx), ...emptiedCells(ctx), ...itemFindings(ctx)];
}
