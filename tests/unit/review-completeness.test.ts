import { describe, expect, it } from 'vitest';
import { completenessRules } from '../../src/review/completeness.ts';
import type { TableKind } from '../../src/schema/table.ts';
import { ctx, section, table } from './review-fixtures.ts';

const NINE: TableKind[] = [
  'income-expenditure-summary', 'income-summary', 'expenditure-summary', 'fiscal-appropriation-summary', 'general-budget-expenditure',
  'general-budget-basic-expenditure', 'three-public-expenditure', 'government-fund-expenditure', 'state-capital-expenditure',
];

/** The chapters of the national 决算 template, in a few words each. */
const PROSE = [
  section(1, '第一部分 部门概况', '一、主要职能：负责全区规划和自然资源管理。', '二、机构设置：本部门由局机关和2家事业单位组成。'),
  section(10, '第三部分 情况说明', '“三公”经费财政拨款支出决算为0.39万元。', '机关运行经费支出123.45万元。', '政府采购支出总额为100.00万元。', '截至2024年12月31日，本部门共有车辆2辆，国有资产占用情况如上。', '预算绩效管理工作开展情况：全部项目开展绩效自评。'),
  section(30, '第四部分 名词解释', '一、财政拨款收入：指本年度从本级财政部门取得的财政拨款。'),
];

const tables = (kinds: TableKind[]) => kinds.map((kind, i) => table({ kind, first: 100 + i * 20, last: 110 + i * 20, declaredEmpty: kind === 'state-capital-expenditure', rows: [] }));

describe('completeness', () => {
  it('finds nothing missing in a 决算 with the nine tables (one declared empty) and every chapter', () => {
    const findings = completenessRules(ctx({ sections: PROSE, tables: tables(NINE).map((t) => (t.declaredEmpty ? t : { ...t, rows: [{ code: null, codeScheme: null, level: null, name: '合计', values: { total: 1 }, texts: {}, group: null, role: 'total', flag: null, uncertain: [], lines: t.lines }] })) }));
    expect(findings).toEqual([]);
  });

  it('reports the missing “三公” table of a 决算 by its name, as an 错误', () => {
    const findings = completenessRules(ctx({ sections: PROSE, tables: tables(NINE.filter((k) => k !== 'three-public-expenditure')) }));
    const missing = findings.find((f) => f.id === 'completeness.table:three-public-expenditure');
    expect(missing).toMatchObject({ severity: '错误', expected: '财政拨款“三公”经费支出决算表' });
  });

  it('makes a missing table the text says has nothing in it (本部门无政府性基金预算…) a 提示', () => {
    const prose = [...PROSE, section(40, null, '本部门无政府性基金预算财政拨款收入和支出。')];
    const findings = completenessRules(ctx({ sections: prose, tables: tables(NINE.filter((k) => k !== 'government-fund-expenditure')) }));
    expect(findings.filter((f) => f.rule === 'completeness.table').map((f) => [f.id, f.severity])).toEqual([['completeness.table:government-fund-expenditure', '提示']]);
  });

  it('reports a missing 政府采购 说明 and a missing 名词解释', () => {
    const prose = [PROSE[0], section(10, '第三部分 情况说明', '“三公”经费财政拨款支出决算为0.39万元。', '机关运行经费支出123.45万元。', '国有资产占用情况。', '预算绩效管理工作开展情况。')];
    const ids = completenessRules(ctx({ sections: prose, tables: tables(NINE) })).map((f) => f.id);
    expect(ids).toContain('completeness.chapter:procurement');
    expect(ids).toContain('completeness.chapter:glossary');
  });

  it('gives one 提示, not nine errors, for a volume without tables (公开表 published separately)', () => {
    const findings = completenessRules(ctx({ sections: PROSE, tables: [] }));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['completeness.tables-volume', '提示']]);
  });
});
