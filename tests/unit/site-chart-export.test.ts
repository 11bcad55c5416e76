import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/site/chart-data.ts';
import { chartCsv, chartFileName, chartSvg } from '../../src/site/chart-export.ts';

// 基本支出 3342.67 and 项目支出 1662.5 of the administrative office's 支出总体情况表 (seed line 492), with a hostile label.
const spec: ChartSpec = {
  id: 'basic-project',
  title: '基本支出与项目支出',
  unit: '万元',
  type: 'bar',
  labels: ['基本支出', '=1+<script>'],
  series: [{ label: '金额', values: [3342.67, 1662.5] }],
  source: '部门（单位）支出总体情况表',
  total: 5005.17,
};

describe('chart downloads', () => {
  it('gives the printed figures as CSV, formula-looking labels escaped', () => {
    expect(chartCsv(spec)).toBe('\uFEFF"类别","金额（万元）"\r\n"基本支出",3342.67\r\n"\'=1+<script>",1662.5\r\n');
  });

  it('heads the labels with what they are where the chart says so: the years of a department', () => {
    // 支出合计 1439.48 (seed line 193) and its re-dated copy ×1.5, as on the department page.
    const years: ChartSpec = { ...spec, labels: ['2021年', '2022年'], category: '年度', series: [{ label: '支出合计', values: [1439.48, 2159.22] }] };
    expect(chartCsv(years)).toBe('\uFEFF"年度","支出合计（万元）"\r\n"2021年",1439.48\r\n"2022年",2159.22\r\n');
  });

  it('draws an SVG whose text is escaped, with the figures and the source', () => {
    const svg = chartSvg(spec);
    expect(svg).toContain('>3342.67<');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('数据来源：部门（单位）支出总体情况表');
    expect(chartFileName(spec, 'svg')).toBe('基本支出与项目支出.svg');
  });
});
