import { describe, expect, it } from 'vitest';
import { isGridLabel, roleOfHeader, rolesOfLine } from '../../src/ingest/performance/header-roles.ts';

// The labels of the national templates (财政部 项目支出绩效目标申报表, 部门整体支出绩效目标申报表, 绩效自评表, 评价指标
// 体系) and the provinces' prints of them, each with the column it names, written for this test.
describe('the column a header label names', () => {
  it('reads the target and its neighbours apart: the value, last year’s figure, the actual, the weight', () => {
    const labels: Array<[string, string | null]> = [
      ['指标值', 'value'], ['年度指标值', 'value'], ['全年指标值', 'value'], ['中期指标值', 'value'], ['目标值', 'value'],
      ['指标值（包含数字及文字描述）', 'value'],
      ['上年完成值', 'previous'], ['上年实际完成值', 'previous'], ['上年指标值', 'previous'], ['历史值', 'previous'],
      ['上 年 完 成 值', 'previous'],
      ['实际完成值', 'actual'], ['完成值', 'actual'], ['全年实际完成值', 'actual'],
      ['分值', 'weight'], ['权重', 'weight'], ['标准分值', 'weight'], ['指标分值权重', 'weight'], ['权重（%）', 'weight'],
      ['得分', 'score'], ['实际得分', 'score'], ['评分', 'score'],
    ];
    expect(labels.map(([label]) => [label, roleOfHeader(label)])).toEqual(labels);
  });

  it('names the other columns of the templates, and nothing for a head of a wrapped label', () => {
    const labels: Array<[string, string | null]> = [
      ['一级指标', 'level1'], ['二级指标', 'level2'], ['三级指标', 'name'], ['指标内容', 'name'],
      ['指标性质', 'operator'], ['指标方向', 'operator'], ['指标值类型', 'operator'], ['度量单位', 'unit'], ['计量单位', 'unit'],
      ['指标解释', 'description'], ['指标值内容', 'description'], ['指标描述', 'description'],
      ['指标值设定依据及数据来源', 'basis'], ['指标值确定依据', 'basis'], ['评（扣）分标准', 'rule'], ['指标赋分规则', 'rule'],
      ['佐证资料', 'evidence'], ['偏差原因分析及改进措施', 'deviation'], ['评分过程', 'process'], ['扣分原因', 'deduction'],
      ['备注', 'other'], ['项目名称', 'project'], ['单位名称', 'project'], ['项目', null], ['预算数（单位：万元）', 'amount'], ['单位编码', 'code'], ['年度目标', 'goal'],
      ['资金总额', 'amount'], ['一般公共预算', 'amount'],
      ['指标值类', null], ['指标值设', null], ['上年度尾款', null],
    ];
    expect(labels.map(([label]) => [label, roleOfHeader(label)])).toEqual(labels);
  });
});

describe('the columns a header line names', () => {
  it('reads tab-separated and aligned cells whole, single-space words each', () => {
    expect([...rolesOfLine('一 级 指 标\t二 级 指 标\t三 级 指 标\t指 标 值\t上 年 完 成 值')]).toEqual(['level1', 'level2', 'name', 'value', 'previous']);
    expect([...rolesOfLine('一级指标    二级指标    三级指标    年度指标值    分值')]).toEqual(['level1', 'level2', 'name', 'value', 'weight']);
    expect([...rolesOfLine('一级指标 二级指标 指标内容 指标值 备注')]).toEqual(['level1', 'level2', 'name', 'value', 'other']);
  });
});

describe('the label of an indicator grid as a whole', () => {
  it('is 绩效指标 or a province’s spelling of it (福州’s 绩效目标指标), and names no column', () => {
    const labels: Array<[string, boolean]> = [
      ['绩效指标', true], ['绩 效 指 标', true], ['绩效目标指标', true], ['年度绩效指标', true],
      ['一级指标', false], ['绩效目标', false], ['绩效指标性质', false], ['本年绩效指标值', false], ['绩效', false], ['标指标', false],
    ];
    expect(labels.map(([label]) => [label, isGridLabel(label)])).toEqual(labels);
    expect(['绩效指标', '绩效目标指标', '年度绩效指标'].map(roleOfHeader)).toEqual([null, null, null]);
  });
});
