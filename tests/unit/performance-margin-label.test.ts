import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';

// A 项目支出绩效目标表 written for this test (issue 10) as a portal page prints it: 绩效指标 one cell down the left of
// the indicator rows (rowspan), 产出指标 over three rows, the 年度目标 a cell spanning the columns, read by its label
// (the joined header's text names 绩效目标 labels only: taking 年度目标 there misread other provinces' wrapped labels). Its tab-separated
// text is what a web page's or a workbook's grid becomes (sources/grid.ts).
const TEXT = [
  '表5 2025年项目支出绩效目标表',
  '',
  '单位：万元',
  '',
  '项目名称\t市场主体登记注册服务\t\t\t',
  '主管部门\t某县市场监督管理局\t实施单位\t某县市场监督管理局\t',
  '项目资金（万元）\t年度资金总额\t150.00\t\t',
  '年度目标\t完成全年市场主体登记注册，提升登记便利度，优化营商环境。\t\t\t',
  '绩效指标\t一级指标\t二级指标\t三级指标\t指标值',
  '\t产出指标\t数量指标\t登记注册市场主体数\t≥3000户',
  '\t\t质量指标\t登记材料差错率\t≤1%',
  '\t\t时效指标\t办结时限\t≤3个工作日',
  '\t效益指标\t社会效益指标\t营商环境改善程度\t明显改善',
  '\t满意度指标\t服务对象满意度指标\t办事群众满意度\t≥95%',
  '',
].join('\n');

const td = (text: string, rowspan = 1, colspan = 1) => `<td rowspan="${rowspan}" colspan="${colspan}">${text}</td>`;
const HTML = `<html><head><title>项目支出绩效目标表</title></head><body><h1>某县市场监督管理局2025年部门预算公开</h1>
<p>表5 2025年项目支出绩效目标表</p><p>单位：万元</p><table>
<tr>${td('项目名称')}${td('市场主体登记注册服务', 1, 4)}</tr>
<tr>${td('主管部门')}${td('某县市场监督管理局')}${td('实施单位')}${td('某县市场监督管理局', 1, 2)}</tr>
<tr>${td('项目资金（万元）')}${td('年度资金总额')}${td('150.00', 1, 3)}</tr>
<tr>${td('年度目标')}${td('完成全年市场主体登记注册，提升登记便利度，优化营商环境。', 1, 4)}</tr>
<tr>${td('绩效指标', 6)}${td('一级指标')}${td('二级指标')}${td('三级指标')}${td('指标值')}</tr>
<tr>${td('产出指标', 3)}${td('数量指标')}${td('登记注册市场主体数')}${td('≥3000户')}</tr>
<tr>${td('质量指标')}${td('登记材料差错率')}${td('≤1%')}</tr>
<tr>${td('时效指标')}${td('办结时限')}${td('≤3个工作日')}</tr>
<tr>${td('效益指标')}${td('社会效益指标')}${td('营商环境改善程度')}${td('明显改善')}</tr>
<tr>${td('满意度指标')}${td('服务对象满意度指标')}${td('办事群众满意度')}${td('≥95%')}</tr>
</table></body></html>`;

async function target(bytes: string) {
  const read = await readSource(new TextEncoder().encode(bytes));
  if (!read.ok) throw new Error(read.reason);
  const { ok: _ok, text, ...fields } = read;
  const doc = parseDisclosure(text, { ...fields, file: 'x', sha256: '0'.repeat(64) });
  expect(doc.targets).toHaveLength(1);
  return doc.targets[0];
}

describe('绩效指标 printed down the left margin of a target grid', () => {
  for (const [route, source] of [['tab-separated text', TEXT], ['a web page, the label a rowspan', HTML]] as const) {
    it(`heads no column: each row's 一级, 二级 and 三级 names as printed (${route})`, async () => {
      const t = await target(source);
      expect(t.title).toBe('表5 2025年项目支出绩效目标表');
      expect([t.projectName, t.funds.total, t.goal]).toEqual(['市场主体登记注册服务', 150, '完成全年市场主体登记注册，提升登记便利度，优化营商环境。']);
      expect(t.indicators.map((i) => [i.level1, i.level2, i.name, i.value.text ?? i.value.qualitative])).toEqual([
        ['产出指标', '数量指标', '登记注册市场主体数', '≥3000户'],
        ['产出指标', '质量指标', '登记材料差错率', '≤1%'],
        ['产出指标', '时效指标', '办结时限', '≤3个工作日'],
        ['效益指标', '社会效益指标', '营商环境改善程度', '明显改善'],
        ['满意度指标', '服务对象满意度指标', '办事群众满意度', '≥95%'],
      ]);
    });
  }
});
