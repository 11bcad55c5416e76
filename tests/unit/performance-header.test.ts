import { describe, expect, it } from 'vitest';
import { projectFromTitle, readHeader } from '../../src/ingest/performance/header.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// 北京 民政局 2026 tables volume, L2932–L2945: a 市对区转移支付 target table heads its funds 年度金额, not 年度资金总额.
describe('the funds of a 转移支付 target table', () => {
  it('reads 年度金额 as the year’s total', () => {
    const lines = toSourceLines(
      [
        '         社会福利彩票公益金专项转',
        '转移支付名称   移支付-养老服务补助-老年   市级主管部门                              北京市民政局',
        '          人养老服务补贴津贴方向',
        '',
        '         年度金额：                                   62400.000000',
        '',
        '          其中：中央财政资金                               0.000000',
        ' 资金情况',
        ' （万元）',
        '             市级财政资金                              62400.000000',
        '',
        '             其他资金                                 0.000000',
      ].join('\n'),
    );
    expect(readHeader(lines, '北京市社会福利彩票公益金专项转移支付绩效目标表').funds).toEqual({ total: 62400, fiscal: 62400, other: 0 });
  });
});

// A target table's title names its kind, not a project, whatever year or table number it opens with: 长沙 教育 2026's
// `2026年项目支出绩效目标表` (L358) and 北京 民政 2026's `预算表12 项目支出绩效目标表` (tables L679). A title naming a
// project keeps the year the name opens with (a name as 喀什 行政公署办公室 2021 prints one, L1589).
describe('the project a title names', () => {
  it('is none for a table of a kind, the project for a project’s title', () => {
    expect(projectFromTitle('2026年项目支出绩效目标表')).toBeNull();
    expect(projectFromTitle('预算表12 项目支出绩效目标表')).toBeNull();
    expect(projectFromTitle('2021年第七次全国人口普查项目绩效目标表')).toBe('2021年第七次全国人口普查项目');
  });
});

// 西安 交通运输局 2022's 部门整体支出绩效目标表 (附表15), its runs of spaces made one (L2469–2472) and read raw (pdftotext
// -raw, L2297–2303): the unit's line is followed by the labels of the table of tasks under it, joined without a space.
describe('the unit a 部门整体 form names', () => {
  it('ends where the labels of the table under it begin', () => {
    const unit = (lines: string[]) => readHeader(toSourceLines(lines.join('\n')), '2022年部门整体支出绩效目标表').unitName;
    expect(unit(['部门（单位）名称 西安市交通运输局', '预算金额（万元）', '任务名称 主要内容', '总额 财政拨款 其他资金'])).toBe('西安市交通运输局');
    expect(unit(['部门（单位）名称 西安市交通运输局', '年度', '主要', '任务', '任务名称 主要内容', '预算金额（万元）'])).toBe('西安市交通运输局');
  });
});

// The national project form's units, read one space apart (`pdftotext -raw`), in forms written for this test after
// 西安 交通 2022's (主管部门 only), 烟台 水利 2026's (主管部门及代码 beside 实施单位) and 福州 科技 2026's (实施单位 wrapped
// around its label's line).
describe('the unit a project form names', () => {
  const unitOf = (text: string) => readHeader(toSourceLines(text), '项目支出绩效目标表').unitName;
  it('is its 实施单位', () => {
    expect(unitOf(['项目名称 河道清淤', '主管部门及代码 118_某市水利局 实施单位 某市河道管理中心', '项目资金', '年度资金总额 30.00'].join('\n'))).toBe('某市河道管理中心');
  });
  it('is its 主管部门 where it prints no 实施单位', () => {
    expect(unitOf(['项目名称 办公场所租赁', '主管部门 某市交通运输局', '资金金额', '（万元）', '实施期资金总额 78'].join('\n'))).toBe('某市交通运输局');
  });
  it('is not read where the 实施单位 is wrapped around its label’s line: a piece of it is another name', () => {
    expect(unitOf(['项目名称 科普活动', '某市科学', '主管部门 某市科学技术局 实施单位 技术局', '资金总额 80.00'].join('\n'))).toBeNull();
    expect(unitOf(['项目名称 科普活动', '主管部门 某市科学技术局 实施单位', '某市科学', '技术局', '资金总额 80.00'].join('\n'))).toBeNull();
  });
});
