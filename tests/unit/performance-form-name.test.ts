import { describe, expect, it } from 'vitest';
import { readHeader } from '../../src/ingest/performance/header.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { readFormFields } from '../../src/ingest/performance/form-fields.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { cell, docx, para, row, table } from '../fixtures/docx.ts';

// A 项目支出绩效目标表 as a Word table (项目名称 | 城管执法, 主管部门 | 青山区城市管理局, the funds, the goal, then the
// indicator grid) under its title and its unit's line, the form a county office (青山区城市管理局 2025) prints. Its
// project is 城管执法: the unit's line over the form is no part of it, nor is the next row's label and value.
const GOAL = '开展城市管理综合执法，查处违法违规行为，保持市容环境整洁有序。';

// The form printed to PDF by LibreOffice and read by `pdftotext -layout`: 单位：万元 stands right, on the line above
// 项目名称's, nearer to its value's column than to any label.
const LAYOUT = [
  '             2025 年项目支出绩效目标表',
  '                                    单位：万元',
  ' 项目名称    城管执法',
  ' 主管部门    青山区城市管理局',
  '项目资金（万',
  '          年度资金总额                        500.00',
  '  元）',
  `年度绩效目标   ${GOAL}`,
  ' 一级指标      二级指标         三级指标        指标值',
  '                   巡查道路里程         ≥1200 公里',
  '           数量指标',
  '                   查处违法案件数         ≥800 件',
  '产出指标       质量指标    案件办结率            ≥95%',
  '           时效指标     投诉处置时限          ≤48 小时',
  '           成本指标     项目总成本           ≤500 万元',
  '          社会效益指标    市容环境秩序改善         明显改善',
  '效益指标',
  '         可持续影响指标    长效管理机制           持续健全',
  '         服务对象满意度指',
  '满意度指标               市民满意度            ≥90%',
  '            标',
].join('\n');

const grid = [
  ['产出指标', '数量指标', '巡查道路里程', '≥1200公里'],
  ['', '', '查处违法案件数', '≥800件'],
  ['', '质量指标', '案件办结率', '≥95%'],
  ['', '时效指标', '投诉处置时限', '≤48小时'],
  ['', '成本指标', '项目总成本', '≤500万元'],
  ['效益指标', '社会效益指标', '市容环境秩序改善', '明显改善'],
  ['', '可持续影响指标', '长效管理机制', '持续健全'],
  ['满意度指标', '服务对象满意度指标', '市民满意度', '≥90%'],
];

const WORD = [
  para('2025年项目支出绩效目标表'),
  para('单位：万元'),
  table(
    [
      row([cell('项目名称'), cell('城管执法', { span: 3 })]),
      row([cell('主管部门'), cell('青山区城市管理局', { span: 3 })]),
      row([cell('项目资金（万元）'), cell('年度资金总额'), cell('500.00', { span: 2 })]),
      row([cell('年度绩效目标'), cell(GOAL, { span: 3 })]),
      row([cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('指标值')]),
      ...grid.map((r) => row(r.map((t) => cell(t)))),
    ],
    4,
  ),
].join('');

const expected = { projectName: '城管执法', funds: { total: 500, fiscal: null, other: null }, goal: GOAL };

describe('the project a 项目支出绩效目标表 names', () => {
  it('is its 项目名称 cell in the layout text, the unit’s line over the form no part of it', () => {
    const [target] = parsePerformance(toSourceLines(LAYOUT), new Set()).targets;
    expect(target).toMatchObject(expected);
    expect(target.indicators).toHaveLength(8);
  });

  it('leaves the unit’s line to no field of the form', () => {
    const fields = readFormFields(toSourceLines(LAYOUT.split('\n').slice(1, 4).join('\n')))!;
    expect(fields.get('projectName')).toEqual({ text: '城管执法', lines: { first: 2, last: 2 } });
    expect(fields.get('department')).toEqual({ text: '青山区城市管理局', lines: { first: 3, last: 3 } });
  });

  it('is its 项目名称 cell in the Word table, the next row’s 主管部门 starting a field of its own', async () => {
    const read = await readSource(await docx(WORD));
    if (!read.ok) throw new Error(read.reason);
    const [target] = parsePerformance(toSourceLines(read.text), new Set()).targets;
    expect(target).toMatchObject(expected);
    expect(target.indicators).toHaveLength(8);
  });

  // A group's label merged down the form's first column (项目基本信息 over three rows, a Word table's merged cell): the
  // rows under the first print their first cell empty, and a label in them starts its own field.
  it('ends where a row under a merged first cell prints the next label', () => {
    const lines = ['项目基本信息\t项目名称\t城管执法', '\t主管部门\t青山区城市管理局', '\t实施单位\t青山区城市管理执法大队'];
    expect(readHeader(toSourceLines(lines.join('\n')), null).projectName).toBe('城管执法');
  });
});
