import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { summarize } from '../../src/site/disclosure-summary.ts';
import { classCounts, functionItemsByClass, printedFunctionItems } from '../../src/site/function-items.ts';
import { spendingByFunctionClass } from '../../src/site/cross-department.ts';

const SOURCES = 'content/sources';
const summaries = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => summarize(parseDisclosure(readFileSync(join(SOURCES, f), 'utf8'), { file: f, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' })));

describe('the 款 and 项 a 类 page lists, from the documents’ tables', () => {
  it('takes each 款 or 项 code once, its name without the code, and no 类 nor 经济分类 row', () => {
    const rows = [
      { code: '221', name: '住房保障支出' },
      { code: '22102', name: '住房改革支出' },
      { code: '2210201', name: '2210201住房公积金' },
      { code: '2210201', name: '住房公积金' },
      { code: '30113', name: '住房公积金' },
      { code: null, name: '合计' },
    ];
    expect(printedFunctionItems([{ rows } as never])).toEqual([
      ['22102', '住房改革支出'],
      ['2210201', '住房公积金'],
    ]);
  });

  it('takes no name from a 政府采购预算表, whose rows are named for what is bought (西安 2022 L1674: 2140102 西安市交通运输局)', () => {
    const procurement = { kind: 'government-procurement', rows: [{ code: '2140102', name: '西安市交通运输局' }] };
    const spending = { kind: 'general-budget-expenditure', rows: [{ code: '2140102', name: '一般行政管理事务' }] };
    expect(printedFunctionItems([procurement, spending] as never)).toEqual([['2140102', '一般行政管理事务']]);
  });

  it('lists under 221 the 款 and 项 three seeds print, counting the documents', () => {
    // 221 02 01 住房公积金: 喀什 行政公署办公室 L231, 喀什经开区 党群工作部 L183, 喀什 扶贫开发办公室 L166, each under
    // 221 02 住房改革支出; the 巨鹿 budget and the evaluation report print no 221 row.
    expect(functionItemsByClass(summaries).get('221')).toEqual([
      { code: '22102', name: '住房改革支出', documents: 3 },
      { code: '2210201', name: '住房公积金', documents: 3 },
    ]);
    // 208 05 05 机关事业单位基本养老保险缴费支出: 喀什 行政公署办公室 L400, 喀什经开区 党群工作部 L162, 喀什 扶贫开发办公室 L149.
    expect(functionItemsByClass(summaries).get('208')).toContainEqual({ code: '2080505', name: '机关事业单位基本养老保险缴费支出', documents: 3 });
  });

  it('counts a 类 page’s departments, documents and regions, most documents first', () => {
    const counts = classCounts(spendingByFunctionClass(summaries).get('221') ?? []);
    expect(counts).toEqual({ departments: 3, documents: 3, regions: ['新疆维吾尔自治区'] });
  });
});
