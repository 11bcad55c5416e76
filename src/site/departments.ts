/**
 * One department across documents: which disclosures are the same body's, and what each year's figures were.
 * A 部门 (consolidated) document and a 单位 (one unit) document of the same body are two related entities, never
 * merged, since their totals cover different things. Pure: pages and downloads call it with the parsed documents'
 * summaries (disclosure-summary.ts), which carry each year's figures, so that no department page reads a document.
 */
import { createHash } from 'node:crypto';
import type { Disclosure, DisclosureSansChecks } from '../schema/disclosure.ts';
import type { Table } from '../schema/table.ts';
import type { DisclosureSummary } from './disclosure-summary.ts';
import { functionClassAmounts } from './chart-data.ts';
import { threePublicByDisclosure } from './cross-department.ts';
import { convertAmount, inViewUnit } from '../core/units.ts';
import { spendingTable } from './totals.ts';
import { zhCompare } from './zh-compare.ts';

export type Scope = 'department' | 'unit';

export const SCOPE_LABELS: Readonly<Record<Scope, string>> = { department: '部门', unit: '单位' };

/**
 * A name as the same body prints it in any year: full-width letters and digits folded, spacing and brackets'
 * width ignored, so that "上海市 XX 局" and "上海市XX局" are one name.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
}

/**
 * 单位 documents state it in the title (单位预算 / 单位决算); everything else (部门预算, 部门决算, evaluation reports
 * of a department's project) speaks for the department as a whole.
 */
export function scopeOf(doc: Pick<Disclosure, 'title'>): Scope {
  return /单位(?:预|决)算/.test(normaliseName(doc.title)) ? 'unit' : 'department';
}

/**
 * The department's full name with its administrative chain in front: documents print "普陀区司法局" in one year and
 * "上海市普陀区司法局" in another; the region the parser read tells which chain is meant.
 */
function qualifiedName(doc: Pick<Disclosure, 'department' | 'region'>): string {
  let name = normaliseName(doc.department);
  const region = doc.region.map(normaliseName);
  for (let i = region.length - 1; i >= 0; i--) {
    if (name.startsWith(region[i])) {
      return [...region.slice(0, i), name].join('');
    }
  }
  return [...region, name].join('');
}

export interface DepartmentIdentity {
  /** What documents of one entity share: qualified name and scope. */
  key: string;
  /** Stable across builds and corpora: derived from the key only. */
  slug: string;
  name: string;
  scope: Scope;
  region: string[];
}

export function departmentIdentity(doc: Pick<Disclosure, 'department' | 'region' | 'title'>): DepartmentIdentity | null {
  if (normaliseName(doc.department) === '') return null;
  return { ...identityOf(`${qualifiedName(doc)}|${scopeOf(doc)}`, doc.region), name: doc.department.trim() };
}

function identityOf(key: string, region: string[]): DepartmentIdentity {
  const [name, scope] = key.split('|') as [string, Scope];
  const slug = `${scope === 'unit' ? 'u' : 'd'}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
  return { key, slug, name, scope, region };
}

/** Amounts of one year's document, in 万元 whatever the document printed, so that years and documents compare. */
export interface YearFigures {
  income: number | null;
  expenditure: number | null;
  basic: number | null;
  project: number | null;
  threePublic: number | null;
  /** 功能分类 类 code → amount. */
  byClass: Map<string, number>;
  /**
   * Whether a figure was taken from a table whose kind the parser told from its contents (core/inferred-title.ts):
   * the page says so of the year, since the figure is the parser's reading of which table holds it.
   */
  kindInferred: boolean;
}

export const FIGURE_LABELS: ReadonlyArray<readonly [Exclude<keyof YearFigures, 'byClass' | 'kindInferred'>, string]> = [
  ['income', '收入合计'],
  ['expenditure', '支出合计'],
  ['basic', '基本支出'],
  ['project', '项目支出'],
  ['threePublic', '“三公”经费'],
];

function yearFigures(doc: DisclosureSansChecks): YearFigures {
  const used = new Set<Table>();
  const note = (table: Table, value: number | null): number | null => {
    if (value != null) used.add(table);
    return value;
  };
  const spent = (column: 'total' | 'basic' | 'project'): number | null => {
    const found = spendingTable(doc, column);
    return found ? note(found.table, inViewUnit(found.total.values[column], found.table.unit ?? doc.unit)) : null;
  };
  const incomeOf = (kind: string, rowName?: RegExp): number | null => {
    const table = doc.tables.find((t) => t.kind === kind);
    if (!table) return null;
    const row = table.rows.find((r) => r.role === 'total' && r.group === null && (!rowName || rowName.test(r.name)));
    return note(table, inViewUnit(row?.values.total, table.unit ?? doc.unit));
  };
  const classes = functionClassAmounts(doc);
  const byClass = new Map<string, number>();
  for (const [code, amount] of classes?.amounts ?? []) {
    const wan = inViewUnit(amount, classes!.unit);
    if (wan != null) byClass.set(code, wan);
  }
  if (byClass.size > 0) used.add(classes!.table);
  // In 万元 already; the document's own figures are its last stage (a 决算 may print the 预算数 before them).
  const threePublic = threePublicByDisclosure([doc])[0]?.stages.at(-1)?.values.total ?? null;
  return {
    income: incomeOf('income-summary') ?? incomeOf('income-expenditure-summary', /收入/),
    expenditure: spent('total'),
    basic: spent('basic'),
    project: spent('project'),
    threePublic,
    byClass,
    kindInferred: [...used].some((t) => t.kindInferred),
  };
}

/** The year's figures as a summary keeps them: the 类 amounts as [code, amount] pairs, in the order found. */
export type StoredFigures = Omit<YearFigures, 'byClass'> & { byClass: Array<[string, number]> };

export function storedFigures(doc: DisclosureSansChecks): StoredFigures {
  const figures = yearFigures(doc);
  return { ...figures, byClass: [...figures.byClass] };
}

function figuresOf(doc: DepartmentDoc): YearFigures {
  return { ...doc.figures, byClass: new Map(doc.figures.byClass) };
}

/**
 * What grouping reads of a document: its summary, which carries the former names the document states
 * (`statedFormerNames`), so that listings group departments without holding every document.
 */
export type GroupedDoc = Pick<DisclosureSummary, 'slug' | 'title' | 'department' | 'region' | 'year' | 'kind' | 'formerNames'>;

/**
 * What a department's pages read of each of its documents: the document's summary, into which `summarize` put the
 * year's figures, the facts that state a figure, the 三公 pairs a 决算 prints and the staff. A department page then
 * reads no document in full: with its CSV and the execution ranking, that was two or three full reads of every
 * document a build (docs/benchmarks.md, "astro build: CPU a disclosure").
 */
export type DepartmentDoc = Pick<
  DisclosureSummary,
  'slug' | 'title' | 'department' | 'region' | 'year' | 'kind' | 'unit' | 'formerNames' | 'figures' | 'figureFacts' | 'printedThreePublic' | 'staff'
>;

export interface Department<D extends GroupedDoc = DepartmentDoc> {
  identity: DepartmentIdentity;
  /** Newest year first, then budget before final account. */
  docs: D[];
  /** The other scope's entity of the same body (部门 ↔ 单位), when the site has it. */
  relatedSlug: string | null;
}

const KIND_ORDER: Readonly<Record<Disclosure['kind'], number>> = { budget: 0, 'final-account': 1, 'performance-target': 2, 'performance-evaluation': 3, other: 4 };

const BODY = '[^，。；、\\s“”]{2,30}?(?:局|办公室|办|委员会|委|厅|署|处|中心|院|所|站|部|会|队|馆)';
const RENAMED = new RegExp(`(?:由|原)(${BODY})(?:正式)?(?:更名|改名|名称变更|变更名称)为(${BODY})(?=[，。；）)\\s]|$)`, 'g');

/**
 * Former names that a document states of its own department ("原喀什地区扶贫开发办公室更名为喀什地区乡村振兴局"):
 * documents published under the old name belong to the same entity. Only a statement whose new name is the
 * document's own department counts, so that a sentence about another body never merges two departments.
 */
export function statedFormerNames(doc: Pick<Disclosure, 'department' | 'region' | 'sections'>): string[] {
  const own = qualifiedName(doc);
  const names: string[] = [];
  for (const section of doc.sections) {
    for (const paragraph of section.paragraphs) {
      for (const m of normaliseName(paragraph).matchAll(RENAMED)) {
        if (qualifiedName({ department: m[2], region: doc.region }) === own) names.push(qualifiedName({ department: m[1], region: doc.region }));
      }
    }
  }
  return names;
}

/** Every department of the corpus, in a stable order; documents without a department name are left out. */
export function groupDepartments<D extends GroupedDoc>(docs: readonly D[]): Array<Department<D>> {
  const byKey = new Map<string, Department<D>>();
  // A former name maps to the key of the department that states it, whichever year the renaming document is.
  const renamed = new Map<string, string>();
  for (const doc of docs) {
    const identity = departmentIdentity(doc);
    if (!identity) continue;
    for (const former of doc.formerNames) renamed.set(`${former}|${identity.scope}`, identity.key);
  }
  for (const doc of docs) {
    let identity = departmentIdentity(doc);
    if (!identity) continue;
    const current = renamed.get(identity.key);
    if (current) identity = byKey.get(current)?.identity ?? identityOf(current, doc.region);
    const entry = byKey.get(identity.key) ?? { identity, docs: [], relatedSlug: null };
    entry.docs.push(doc);
    byKey.set(identity.key, entry);
  }
  for (const entry of byKey.values()) {
    entry.docs.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.slug.localeCompare(b.slug));
    // Shown under the name its newest document prints, also where older ones print a former name.
    entry.identity = { ...entry.identity, name: entry.docs[0].department.trim() };
    const [name, scope] = entry.identity.key.split('|');
    entry.relatedSlug = byKey.get(`${name}|${scope === 'unit' ? 'department' : 'unit'}`)?.identity.slug ?? null;
  }
  return [...byKey.values()].sort((a, b) => zhCompare(a.identity.key, b.identity.key));
}

export interface Change {
  amount: number;
  /** Per cent of the earlier year's figure; null where that was zero. */
  percent: number | null;
}

export function changeBetween(earlier: number | null, later: number | null): Change | null {
  if (earlier == null || later == null) return null;
  const amount = Math.round((later - earlier) * 10000) / 10000;
  return { amount, percent: earlier === 0 ? null : Math.round((amount / earlier) * 1000) / 10 };
}

export interface HistoryYear {
  year: number;
  doc: DepartmentDoc;
  figures: YearFigures;
  /** Against the previous year of the same kind on the site, figure by figure. */
  changes: Partial<Record<Exclude<keyof YearFigures, 'byClass'>, Change | null>>;
}

/** One kind's series (budgets, or final accounts), oldest year first, each year against the one before it. */
export function history(department: Department, kind: Disclosure['kind']): HistoryYear[] {
  const years = department.docs
    .filter((d) => d.kind === kind && d.year != null)
    .sort((a, b) => a.year! - b.year!)
    .filter((d, i, all) => i === 0 || all[i - 1].year !== d.year);
  const result: HistoryYear[] = [];
  for (const doc of years) {
    const figures = figuresOf(doc);
    const previous = result.at(-1);
    const changes: HistoryYear['changes'] = {};
    if (previous && previous.year === doc.year! - 1) {
      for (const [key] of FIGURE_LABELS) changes[key] = changeBetween(previous.figures[key], figures[key]);
    }
    result.push({ year: doc.year!, doc, figures, changes });
  }
  return result;
}

/** A change the text states (比上年增加/减少 …) set against the previous year's own document. */
export interface StatedChangeCheck {
  doc: DepartmentDoc;
  previous: DepartmentDoc;
  factId: string;
  label: string;
  stated: number;
  /** This year's figure less the previous document's figure, in the fact's unit. */
  computed: number;
  agrees: boolean;
  lines: { first: number; last: number };
  message: string;
}

/**
 * Every stated change whose figure the previous year's document of the same kind also states (the same fact id):
 * the statement holds when this year's figure less last year's equals the stated change, to the printed cent.
 */
export function statedChangeChecks(department: Department): StatedChangeCheck[] {
  const checks: StatedChangeCheck[] = [];
  for (const doc of department.docs) {
    const previous = department.docs.find((d) => d.kind === doc.kind && d.year != null && d.year === (doc.year ?? 0) - 1);
    if (!previous) continue;
    for (const fact of doc.figureFacts) {
      if (fact.change == null || fact.value == null) continue;
      const before = previous.figureFacts.find((f) => f.id === fact.id && f.value != null);
      if (!before) continue;
      const beforeValue = before.unit === fact.unit ? before.value! : convertAmount(before.value!, before.unit, fact.unit);
      if (beforeValue == null) continue;
      const computed = Math.round((fact.value - beforeValue) * 100) / 100;
      const agrees = Math.abs(computed - fact.change) < 0.005 + 1e-9;
      const unit = fact.unit ?? '';
      checks.push({
        doc,
        previous,
        factId: fact.id,
        label: fact.label,
        stated: fact.change,
        computed,
        agrees,
        lines: fact.lines,
        message: agrees
          ? `${fact.label}：${doc.year}年文件称比上年${describe(fact.change, unit)}，与${previous.year}年文件所列 ${beforeValue}${unit} 相符。`
          : `${fact.label}：${doc.year}年文件称比上年${describe(fact.change, unit)}，但${previous.year}年文件所列为 ${beforeValue}${unit}，按两份文件计算实为${describe(computed, unit)}。`,
      });
    }
  }
  return checks;
}

function describe(change: number, unit: string): string {
  if (change === 0) return '持平';
  return `${change > 0 ? '增加' : '减少'} ${Math.abs(change)}${unit}`;
}

/** One line of a 决算 set against its budget: the 决算 table's own 预算数 column, or that year's 预算 document. */
export interface ExecutionRow {
  label: string;
  code: string | null;
  budget: number | null;
  actual: number | null;
  /** 决算数 / 预算数 in per cent, one decimal; null where either is missing or the budget is zero. */
  rate: number | null;
  /** Where the budget figure comes from. */
  budgetSource: 'printed' | 'budget-document';
}

export function executionRate(budget: number | null, actual: number | null): number | null {
  return budget == null || actual == null || budget === 0 ? null : Math.round((actual / budget) * 1000) / 10;
}

const THREE_PUBLIC_ITEMS: ReadonlyArray<readonly [string, string]> = [
  ['total', '“三公”经费合计'],
  ['outbound-travel', '因公出国（境）费'],
  ['vehicles', '公务用车购置及运行费'],
  ['vehicle-purchase', '其中：公务用车购置费'],
  ['vehicle-operation', '其中：公务用车运行费'],
  ['reception', '公务接待费'],
];

/** The 三公 items a 决算's table prints as 预算数/决算数 column pairs, in 万元 (none in a table without such pairs). */
export function printedThreePublic(doc: DisclosureSansChecks): Array<{ label: string; budget: number | null; actual: number | null }> {
  const items: Array<{ label: string; budget: number | null; actual: number | null }> = [];
  const table = doc.tables.find((t) => t.kind === 'three-public-expenditure');
  const printed = table?.rows.find((r) => r.group === null && (r.role === 'total' || table.rows.length === 1));
  if (table && printed) {
    for (const [item, label] of THREE_PUBLIC_ITEMS) {
      const budget = inViewUnit(printed.values[`${item}-budget`], table.unit ?? doc.unit);
      const actual = inViewUnit(printed.values[`${item}-actual`], table.unit ?? doc.unit);
      if (budget == null && actual == null) continue;
      items.push({ label, budget, actual });
    }
  }
  return items;
}

/**
 * A final account against its budget, in 万元: the 三公 items from the 决算 table's 预算数/决算数 column pairs, and,
 * where the site has the same department's 预算 of the same year, the totals and each 功能分类 类 joined from it.
 */
export function budgetAgainstActual(department: Department, finalAccount: DepartmentDoc): ExecutionRow[] {
  const rows: ExecutionRow[] = finalAccount.printedThreePublic.map(({ label, budget, actual }) => ({
    label,
    code: null,
    budget,
    actual,
    rate: executionRate(budget, actual),
    budgetSource: 'printed',
  }));
  const budgetDoc = department.docs.find((d) => d.kind === 'budget' && d.year === finalAccount.year);
  if (budgetDoc) {
    const planned = figuresOf(budgetDoc);
    const spent = figuresOf(finalAccount);
    for (const [key, label] of FIGURE_LABELS) {
      if (key === 'threePublic' && rows.length > 0) continue;
      if (planned[key] == null && spent[key] == null) continue;
      rows.push({ label, code: null, budget: planned[key], actual: spent[key], rate: executionRate(planned[key], spent[key]), budgetSource: 'budget-document' });
    }
    for (const code of [...new Set([...planned.byClass.keys(), ...spent.byClass.keys()])].sort()) {
      const budget = planned.byClass.get(code) ?? null;
      const actual = spent.byClass.get(code) ?? null;
      rows.push({ label: code, code, budget, actual, rate: executionRate(budget, actual), budgetSource: 'budget-document' });
    }
  }
  return rows;
}

/** For the site-wide ranking: each final account's overall execution rate, from the best figure it has. */
export interface DepartmentExecution {
  department: Department;
  finalAccount: DepartmentDoc;
  row: ExecutionRow;
}

export function executionRanking(departments: readonly Department[]): DepartmentExecution[] {
  const ranked: DepartmentExecution[] = [];
  for (const department of departments) {
    for (const doc of department.docs.filter((d) => d.kind === 'final-account')) {
      const rows = budgetAgainstActual(department, doc);
      const row = rows.find((r) => r.label === '支出合计' && r.rate != null) ?? rows.find((r) => r.rate != null);
      if (row) ranked.push({ department, finalAccount: doc, row });
    }
  }
  return ranked.sort(byExecutionRate);
}

type Ranked = { department: { identity: DepartmentIdentity }; row: ExecutionRow };

/** Highest rate first; a tie in department order, so that the ranking is stable. */
export function byExecutionRate(a: Ranked, b: Ranked): number {
  return b.row.rate! - a.row.rate! || a.department.identity.key.localeCompare(b.department.identity.key);
}
