import { describe, expect, it } from 'vitest';
import { identityRules } from '../../src/review/identity.ts';
import { ctx, section, table } from './review-fixtures.ts';

describe('identity: placeholders', () => {
  it('finds nothing in a text with the department named', () => {
    expect(identityRules(ctx({ sections: [section(1, '上海市普陀区测试局2024年度部门决算', '本部门2024年度收入总计100.00万元。')] }))).toEqual([]);
  });

  it('reports XX left in a name and a template option left undecided, with their line', () => {
    const findings = identityRules(ctx({ sections: [section(5, null, '上海市XX局2024年度收入支出总计增加（减少）3.00万元。')] }));
    expect(findings.map((f) => [f.rule, f.stated, f.lines[0].first])).toEqual([
      ['identity.placeholder', 'XX', 5],
      ['identity.placeholder', '增加（减少）', 5],
    ]);
    expect(findings.every((f) => f.severity === '错误')).toBe(true);
  });
});

describe('identity: year', () => {
  it('accepts table titles of the document year', () => {
    expect(identityRules(ctx({ tables: [table({ kind: 'income-summary', first: 10, last: 20, title: '2024年度收入决算表' })] }))).toEqual([]);
  });

  it('reports a table title copied from the year before', () => {
    const [f] = identityRules(ctx({ tables: [table({ kind: 'income-summary', first: 10, last: 20, title: '2023年度收入决算表' })] }));
    expect(f).toMatchObject({ rule: 'identity.year', severity: '错误', stated: 2023, expected: 2024, lines: [{ first: 10, last: 10 }] });
  });

  it('accepts 截至 the end of the year in a 决算, reports a date two years off', () => {
    expect(identityRules(ctx({ sections: [section(3, null, '截至2024年12月31日，共有车辆2辆。')] }))).toEqual([]);
    const [f] = identityRules(ctx({ sections: [section(3, null, '截至2022年12月31日，共有车辆2辆。')] }));
    expect(f).toMatchObject({ rule: 'identity.date', stated: 2022, expected: 2024 });
  });

  it('reads a year printed in full-width digits (a Word print) as the ASCII one', () => {
    const [title] = identityRules(ctx({ tables: [table({ kind: 'income-summary', first: 10, last: 20, title: '２０２３年度收入决算表' })] }));
    expect(title).toMatchObject({ rule: 'identity.year', stated: 2023, expected: 2024 });
    const [date] = identityRules(ctx({ sections: [section(3, null, '截至２０２２年１２月３１日，共有车辆２辆。')] }));
    expect(date).toMatchObject({ rule: 'identity.date', stated: 2022, expected: 2024 });
  });

  it('accepts 截至 the end of the year before in a budget', () => {
    expect(identityRules(ctx({ kind: 'budget', year: 2025, sections: [section(3, null, '截至2024年12月31日，共有车辆2辆。')] }))).toEqual([]);
  });
});

describe('identity: department', () => {
  it('accepts the cover label naming the department, with or without its region', () => {
    expect(identityRules(ctx({ sections: [section(1, null, '预算主管部门：上海市普陀区测试局', '编制部门：测试局')] }))).toEqual([]);
  });

  it('reports a label naming another body', () => {
    const [f] = identityRules(ctx({ sections: [section(1, null, '预算主管部门：上海市普陀区民政局')] }));
    expect(f).toMatchObject({ rule: 'identity.department', severity: '错误', stated: '上海市普陀区民政局', expected: '上海市普陀区测试局' });
  });

  it('reads a labelled name as the ingest does: the seal left out, up to the next field', () => {
    // kashgar-2021-poverty-monitoring-project-evaluation.txt line 600 prints `填报单位：（公章）喀什地区乡村振兴局 填报时间：…`.
    const [f] = identityRules(ctx({ sections: [section(1, null, '填报单位：（公章）上海市普陀区民政局 填报时间：2022-08-15')] }));
    expect(f).toMatchObject({ rule: 'identity.department', stated: '上海市普陀区民政局' });
  });

  it('reads the labels of the ingest vocabulary (填报单位：), not a word that ends in one (项目承担单位：)', () => {
    // kashgar-administrative-office-2021-budget.txt line 1564 names the body that carries out a project, not the document's.
    const findings = identityRules(
      ctx({ sections: [section(1, null, '填报单位：上海市普陀区民政局', '项目承担单位：喀什地区政务服务和公共资源管理局')] }),
    );
    expect(findings.map((f) => [f.message, f.stated])).toEqual([
      ['填报单位写的是“上海市普陀区民政局”，本文件的部门是“上海市普陀区测试局”。', '上海市普陀区民政局'],
    ]);
  });
});

describe('identity: a 单位预算 that speaks of 部门预算', () => {
  // 司法局 2026 单位预算 L335 (its office's checklist: 这是“单位预算”材料 … 建议统一改为“单位预算安排”).
  const text = '2026年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆。';
  it('is a 提示 in a unit budget, and nothing in a department budget or for the classification’s own name', () => {
    const [f] = identityRules(ctx({ scope: 'unit', sections: [section(335, null, text)] }));
    expect(f).toMatchObject({ rule: 'identity.scope', severity: '提示', stated: '部门预算', expected: '单位预算', lines: [{ first: 335, last: 335 }] });
    expect(identityRules(ctx({ scope: 'department', sections: [section(335, null, text)] }))).toEqual([]);
    expect(identityRules(ctx({ scope: 'unit', sections: [section(20, null, '一般公共预算基本支出部门预算经济分类预算表')] }))).toEqual([]);
  });
});
