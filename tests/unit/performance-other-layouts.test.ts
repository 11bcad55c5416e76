import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

// A 绩效目标表 as `pdftotext -layout` prints it: columns aligned by runs of spaces, 一级/二级 printed once,
// a wrapped 三级 cell on a line of its own. Built after the national template; no seed has this layout.
const text = [
  '                         项目支出绩效目标表',
  '预算单位          某区社会福利院',
  '项目名称          养老服务补贴项目',
  '项目资金（万元）  年度资金总额：  262.00     其中：财政拨款   262.00     其他资金   0',
  '项目总体目标      保障入住老人基本生活。',
  '一级指标    二级指标      三级指标                    指标值        指标值设置依据      分值权重',
  '产出指标    数量指标      入住老人数                  ≥300人        计划标准            20',
  '                  护理员培训                  ≥4次          计划标准            10',
  '            时效指标      补贴发放及时率              =100%         计划标准            10',
  '效益指标    社会效益指标  老人生活质量                有效提升      计划标准            30',
  '满意度指标  满意度指标    入住老人及家属满            ≥90%          问卷调查            30',
  '                  意度',
  '注：本表数据来源于单位预算。此行为说明文字，不属于表格内容，应当留在叙述部分中显示出来。',
].join('\n');

describe('aligned (pdftotext -layout) target table', () => {
  const r = parsePerformance(toSourceLines(text), new Set());
  it('reads the header block and the rows by column position', () => {
    expect(r.targets).toHaveLength(1);
    const t = r.targets[0];
    expect(t).toMatchObject({ unitName: '某区社会福利院', projectName: '养老服务补贴项目', funds: { total: 262, fiscal: 262, other: 0 } });
    expect(t.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.weight])).toEqual([
      ['产出指标', '数量指标', '入住老人数', '≥300人', 20],
      ['产出指标', '数量指标', '护理员培训', '≥4次', 10],
      ['产出指标', '时效指标', '补贴发放及时率', '=100%', 10],
      ['效益指标', '社会效益指标', '老人生活质量', '有效提升', 30],
      ['满意度指标', '满意度指标', '入住老人及家属满意度', '≥90%', 30],
    ]);
    expect(r.checks[0].status).toBe('pass');
  });
  it('ends the table before the note that follows it', () => {
    expect(r.claimed).toEqual([{ first: 1, last: 12 }]);
  });
});

// A 项目支出绩效自评表 (final accounts) as a tab-separated extraction, after the national template.
const selfEvaluation = [
  '项目支出绩效自评表',
  '项目名称\t社区养老服务项目',
  '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
  '产出指标\t数量指标\t服务老人数\t≥300人\t286人\t20\t18\t部分老人迁出',
  '\t时效指标\t完成时间\t2024年12月\t2024年12月\t10\t10\t',
  '满意度指标\t服务对象满意度指标\t老人满意度\t≥90%\t95%\t10\t10\t',
].join('\n');

describe('绩效自评表 (targets with actuals and scores)', () => {
  const r = parsePerformance(toSourceLines(selfEvaluation), new Set());
  it('keeps 实际完成值, 得分 and 偏差原因 beside the target', () => {
    expect(r.targets).toHaveLength(1);
    expect(r.targets[0].projectName).toBe('社区养老服务项目');
    expect(r.targets[0].indicators.map((i) => [i.name, i.value.text, i.actual, i.weight, i.score, i.deviation])).toEqual([
      ['服务老人数', '≥300人', '286人', 20, 18, '部分老人迁出'],
      ['完成时间', '2024年12月', '2024年12月', 10, 10, null],
      ['老人满意度', '≥90%', '95%', 10, 10, null],
    ]);
  });
});

// A 项目支出绩效目标表 that prints last year's figure (上年完成值) beside the target, as many provinces do, written for
// this test: the target is the 指标值 column's, the figure beside it is kept as `previous`, never read as the value
// nor run into it. The same rows aligned (`pdftotext -layout`) and tab-separated, and with the value's column
// labelled 年度指标值 after the figure's.
const withPrevious = {
  aligned: [
    '项目支出绩效目标表',
    '项目名称          社区养老服务补贴',
    '一级指标    二级指标        三级指标              上年完成值      指标值',
    '产出指标    数量指标        服务老年人数          1150人          ≥1200人',
    '            质量指标        服务合格率            97%             ≥98%',
    '效益指标    社会效益指标    老年人生活质量        有所改善        明显改善',
    '满意度指标  服务对象满意度  服务对象满意度        92%             ≥95%',
  ],
  tabbed: [
    '项目支出绩效目标表',
    '项目名称\t社区养老服务补贴',
    '一级指标\t二级指标\t三级指标\t上年完成值\t指标值',
    '产出指标\t数量指标\t服务老年人数\t1150人\t≥1200人',
    '\t质量指标\t服务合格率\t97%\t≥98%',
    '效益指标\t社会效益指标\t老年人生活质量\t有所改善\t明显改善',
    '满意度指标\t服务对象满意度\t服务对象满意度\t92%\t≥95%',
  ],
  annual: [
    '项目支出绩效目标表',
    '项目名称          社区养老服务补贴',
    '一级指标    二级指标        三级指标              年度指标值      上年实际完成值',
    '产出指标    数量指标        服务老年人数          ≥1200人         1150人',
    '            质量指标        服务合格率            ≥98%            97%',
    '效益指标    社会效益指标    老年人生活质量        明显改善        有所改善',
    '满意度指标  服务对象满意度  服务对象满意度        ≥95%            92%',
  ],
};

describe('a target table printing 上年完成值 beside 指标值', () => {
  for (const [layout, lines] of Object.entries(withPrevious)) {
    it(`reads the value from the target's column and keeps last year's figure apart (${layout})`, () => {
      const r = parsePerformance(toSourceLines(lines.join('\n')), new Set());
      expect(r.targets.map((t) => t.projectName)).toEqual(['社区养老服务补贴']);
      expect(r.targets[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.previous, i.lines.first])).toEqual([
        ['产出指标', '数量指标', '服务老年人数', '≥1200人', '1150人', 4],
        ['产出指标', '质量指标', '服务合格率', '≥98%', '97%', 5],
        ['效益指标', '社会效益指标', '老年人生活质量', '明显改善', '有所改善', 6],
        ['满意度指标', '服务对象满意度', '服务对象满意度', '≥95%', '92%', 7],
      ]);
      expect(r.targets[0].indicators[0].value).toMatchObject({ operator: '>=', number: 1200, unit: '人' });
      expect(r.unparsed).toEqual([]);
    });
  }
});

// A tab-separated 绩效目标表 that prints the value's sign and unit in columns of their own (指标性质, 度量单位) and a
// 备注, as the table of many projects does, written for this test. Unknown to the grid reader, those columns made its
// header no header: line 4 was kept only as printed, line 5 read `≥ 98 %` without its 一级.
const signAndUnit = [
  '项目支出绩效目标表',
  '项目名称\t社区养老服务补贴',
  '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t备注',
  '产出指标\t数量指标\t服务老年人数\t≥\t1200\t人\t新增',
  '\t质量指标\t服务合格率\t≥\t98\t%\t',
];

describe('a tab-separated target table with 指标性质, 度量单位 and 备注 columns', () => {
  it('reads sign, value and unit as one value, the 备注 into the description under its label', () => {
    const r = parsePerformance(toSourceLines(signAndUnit.join('\n')), new Set());
    expect(r.targets[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value.text, i.value.number, i.value.unit, i.description, i.lines.first])).toEqual([
      ['产出指标', '数量指标', '服务老年人数', '≥1200人', 1200, '人', '备注：新增', 4],
      ['产出指标', '质量指标', '服务合格率', '≥98%', 98, '%', null, 5],
    ]);
  });
});

describe('target forms read from the prose blocks no other reader took', () => {
  // Two 绩效自评表 of the template above (L2–L6, L8–L11), and between them a row-like line another reader holds (L7):
  // the first form ends where its block does, and the second is a form of its own.
  const text = [
    '一、项目绩效情况',
    '项目支出绩效自评表',
    '项目名称\t社区养老服务项目',
    '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
    '产出指标\t数量指标\t服务老人数\t≥300人\t286人\t20\t18\t部分老人迁出',
    '\t时效指标\t完成时间\t2024年12月\t2024年12月\t10\t10\t',
    '\t质量指标\t验收合格率\t100%\t100%\t10\t10\t',
    '项目支出绩效自评表',
    '项目名称\t老年食堂项目',
    '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
    '产出指标\t数量指标\t供餐人次\t≥5000人次\t5200人次\t20\t20\t',
  ].join('\n');

  it('end a form at a line another reader took, and start the next form after it', () => {
    const r = parsePerformance(toSourceLines(text), new Set([7]));
    expect(r.targets.map((t) => [t.projectName, t.indicators.map((i) => i.name), t.lines])).toEqual([
      ['社区养老服务项目', ['服务老人数', '完成时间'], { first: 2, last: 6 }],
      ['老年食堂项目', ['供餐人次'], { first: 8, last: 11 }],
    ]);
  });
});
