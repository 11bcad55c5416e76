import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/schema/disclosure.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import {
  budgetAgainstActual,
  departmentIdentity,
  groupDepartments,
  history,
  normaliseName,
  scopeOf,
  statedChangeChecks,
  statedFormerNames,
} from '../../src/site/departments.ts';
import { departmentSeries, seriesCsvRows } from '../../src/site/department-view.ts';
import { summarize } from '../../src/site/disclosure-summary.ts';

// Two years of one 街道 (万里街道 2024 and 2025 部门预算) and a 决算, read from ../shared/samples; the expected
// figures are read off the cited lines of the `.txt` files.
const SAMPLES = '../shared/samples';
const WANLI_2024 = `${SAMPLES}/shanghai-putuo-wanli-subdistrict-2024-department-budget.txt`;
const WANLI_2025 = `${SAMPLES}/shanghai-putuo-wanli-subdistrict-2025-department-budget.txt`;
const PLANNING = `${SAMPLES}/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt`;
const absent = ![WANLI_2024, WANLI_2025, PLANNING].every(existsSync);
if (absent) console.warn(`skipping department history tests: ${SAMPLES} is not present`);

const parse = (file: string): Disclosure =>
  parseDisclosure(readFileSync(file, 'utf8'), { file: file.split('/').pop()!, sha256: 'c'.repeat(64), format: 'text', encoding: 'utf-8' });

describe('department identity', () => {
  it('folds spacing and full-width forms, and keeps 部门 and 单位 documents apart', () => {
    expect(normaliseName('上海市 XX 局（本级）')).toBe('上海市XX局(本级)');
    expect(normaliseName('ＡＢ２０２５')).toBe('AB2025');
    expect(scopeOf({ title: '上海市普陀区司法局2026年区级单位预算' })).toBe('unit');
    expect(scopeOf({ title: '上海市普陀区司法局2026年区级部门预算' })).toBe('department');
    const dept = departmentIdentity({ department: '普陀区司法局', region: ['上海市', '普陀区'], title: '2026年部门预算' })!;
    const again = departmentIdentity({ department: '上海市普陀区 司法局', region: ['上海市', '普陀区'], title: '2027年部门预算' })!;
    const unit = departmentIdentity({ department: '上海市普陀区司法局', region: ['上海市', '普陀区'], title: '2026年单位预算' })!;
    expect(again.slug).toBe(dept.slug);
    expect(unit.slug).not.toBe(dept.slug);
    expect(dept.slug).toMatch(/^d-[0-9a-f]{12}$/);
    expect(unit.slug).toMatch(/^u-[0-9a-f]{12}$/);
    const docs = [dept, unit].map((id, i) => ({ department: id.name, region: id.region, title: i === 0 ? '部门预算' : '单位预算' }));
    const groups = groupDepartments(docs.map((d, i) => ({ ...d, slug: `x${i}`, kind: 'budget' as const, year: 2026, formerNames: [] })));
    expect(groups).toHaveLength(2);
    expect(groups[0].relatedSlug).toBe(groups[1].identity.slug);
  });
});

describe('a department renamed between years', () => {
  // Grouping reads the former names a document's summary records (statedFormerNames, as summarize does).
  const doc = (year: number, department: string, text: string) => {
    const region = ['新疆维吾尔自治区', '喀什地区'];
    const sections = [{ id: 's', heading: null, level: 1, paragraphs: [text], lines: { first: 1, last: 1 } }] as unknown as Disclosure['sections'];
    return { slug: `doc-${year}`, title: `${year}年部门预算`, kind: 'budget' as const, year, department, region, formerNames: statedFormerNames({ department, region, sections }) };
  };

  it('joins the documents under the former name that the newer one states, and shows the current name', () => {
    const old = doc(2021, '新疆维吾尔自治区喀什地区扶贫开发办公室', '主要职能：……');
    const renamed = doc(2022, '喀什地区乡村振兴局', '2021年，原喀什地区扶贫开发办公室更名为喀什地区乡村振兴局。');
    const groups = groupDepartments([old, renamed]);
    expect(groups).toHaveLength(1);
    expect(groups[0].identity.name).toBe('喀什地区乡村振兴局');
    expect(groups[0].docs.map((d) => d.year)).toEqual([2022, 2021]);
  });

  it('does not join on a sentence about another body', () => {
    const old = doc(2021, '新疆维吾尔自治区喀什地区扶贫开发办公室', '……');
    const other = doc(2022, '喀什地区民政局', '原喀什地区扶贫开发办公室更名为喀什地区乡村振兴局。');
    expect(groupDepartments([old, other])).toHaveLength(2);
  });
});

// The department pages read each document's summary (departments.ts DepartmentDoc), as these tests do.
describe.skipIf(absent)('one 街道 over two years (万里街道 2024 and 2025 部门预算)', () => {
  const docs = absent ? [] : [parse(WANLI_2024), parse(WANLI_2025)].map(summarize);
  const [department] = absent ? [] : groupDepartments(docs);

  it('recognises both years as one department', () => {
    expect(groupDepartments(docs)).toHaveLength(1);
    expect(department.docs.map((d) => d.year)).toEqual([2025, 2024]);
  });

  it('sets the years side by side in 万元 with the change: 支出合计 156,211,123 元 (2024 L488) → 189,767,551 元 (2025 L447)', () => {
    const years = history(department, 'budget');
    expect(years.map((y) => y.figures.expenditure)).toEqual([15621.1123, 18976.7551]);
    expect(years[1].changes.expenditure).toEqual({ amount: 3355.6428, percent: 21.5 });
    expect(years[0].changes.expenditure).toBeUndefined();
    const [series] = departmentSeries(department);
    expect(series.rows.find((r) => r.id === 'expenditure')?.values).toEqual([15621.1123, 18976.7551]);
    const csv = seriesCsvRows(department).filter((r) => r[4] === '支出合计');
    expect(csv.map((r) => [r[1], r[3], r[6], r[7]])).toEqual([
      [department.identity.slug, 2024, 15621.1123, null],
      [department.identity.slug, 2025, 18976.7551, 3355.6428],
    ]);
  });

  it('checks the 2025 text "三公经费 37.91万元，比2024年预算减少10万元" (L755) against 2024\'s 47.91 (L798)', () => {
    const checks = statedChangeChecks(department);
    const total = checks.find((c) => c.factId === 'three-public.total')!;
    expect(total).toMatchObject({ stated: -10, computed: -10, agrees: true });
    expect(checks.every((c) => c.agrees)).toBe(true);
  });

  it('reports a stated change that the previous year\'s document contradicts, with both figures', () => {
    const altered = structuredClone(docs[1]);
    altered.figureFacts.find((f) => f.id === 'three-public.total')!.change = -12;
    const [planted] = groupDepartments([docs[0], altered]);
    const total = statedChangeChecks(planted).find((c) => c.factId === 'three-public.total')!;
    expect(total.agrees).toBe(false);
    expect(total.message).toBe('“三公”经费：2025年文件称比上年减少 12万元，但2024年文件所列为 47.91万元，按两份文件计算实为减少 10万元。');
  });
});

describe.skipIf(absent)('budget against actual (规划和自然资源局 2024 决算)', () => {
  it('reads 预算数/决算数 pairs of the 三公 table (L546: 合计 2.85 / 0.39, 公务接待费 2.85 / 0.39)', () => {
    const doc = summarize(parse(PLANNING));
    const [department] = groupDepartments([doc]);
    const rows = budgetAgainstActual(department, doc);
    expect(rows.find((r) => r.label === '“三公”经费合计')).toMatchObject({ budget: 2.85, actual: 0.39, rate: 13.7, budgetSource: 'printed' });
    expect(rows.find((r) => r.label === '公务接待费')).toMatchObject({ budget: 2.85, actual: 0.39, rate: 13.7 });
  });
});
