import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { pageGeometry } from '../../src/ingest/page-geometry.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Issue 10: a 项目支出绩效自评表 a browser printed with narrow columns (Chromium, this test's page after a print of a web
// page's form): its header row over six lines at the foot of page 1, 偏差原因分析及改进措施 wrapped two characters a
// line, 年度指标值, 实际完成值, 分值 and 得分 over two lines centred between the others; the grid's label 绩效指标 in a
// column of its own left of 一级指标; the rows on page 2, the first drawn without a rule above it (its top border is
// page 1's last rule). The names and figures are made up.

/** Points, y downwards from the top of the page (tests/fixtures/tiny-pdf.ts): the columns' rules. */
const X = [40, 70, 130, 190, 300, 340, 380, 405, 430, 470];
const PITCH = 12;

/** Pieces of a cell a line each, from baseline `y`, starting at the cell's left edge and a little in. */
function lines(pieces: readonly string[], column: number, y: number): PlacedText[] {
  return pieces.map((text, i) => ({ text, x: X[column] + 2, y: y + i * PITCH }));
}

const page1: PlacedText[] = [
  { text: '项目支出绩效自评表', x: 200, y: 620 },
  { text: '项目名称', x: 40, y: 650 },
  { text: '农村饮水安全维修养护项目', x: 130, y: 650 },
  { text: '实施单位', x: 40, y: 680 },
  { text: '某县农村供水服务站', x: 130, y: 680 },
  // The header row, 700–780.
  ...lines(['绩效', '指标'], 0, 734),
  ...lines(['一级指标'], 1, 740),
  ...lines(['二级指标'], 2, 740),
  ...lines(['三级指标'], 3, 740),
  ...lines(['年度指', '标值'], 4, 734),
  ...lines(['实际完', '成值'], 5, 734),
  ...lines(['分', '值'], 6, 734),
  ...lines(['得', '分'], 7, 734),
  ...lines(['偏差', '原因', '分析', '及改', '进措', '施'], 8, 710),
];
const page2: PlacedText[] = [
  // 40–80: cut from page 1 at its top rule.
  ...lines(['产出指标'], 1, 64),
  ...lines(['数量指标'], 2, 64),
  ...lines(['维修养护工程数量'], 3, 64),
  ...lines(['≥30处'], 4, 64),
  ...lines(['28处'], 5, 64),
  ...lines(['20'], 6, 64),
  ...lines(['18'], 7, 64),
  ...lines(['顺延'], 8, 64),
  // 80–120.
  ...lines(['效益指标'], 1, 104),
  ...lines(['社会效益指标'], 2, 104),
  ...lines(['受益人口'], 3, 104),
  ...lines(['≥2万人'], 4, 104),
  ...lines(['1.9万人'], 5, 104),
  ...lines(['15'], 6, 104),
  ...lines(['14'], 7, 104),
  // 120–160: the 总分 row.
  ...lines(['总分'], 1, 144),
  ...lines(['35'], 6, 144),
  ...lines(['32'], 7, 144),
];

/** PDF space: y upwards, the page 842 pt high. */
const y = (top: number) => 842 - top;
const across = (top: number, from = X[0]) => `${from} ${y(top)} m ${X[X.length - 1]} ${y(top)} l S`;
const walls = (top: number, bottom: number) => X.map((x) => `${x} ${y(top)} m ${x} ${y(bottom)} l S`).join(' ');
// The label's column is one cell over the rows: no rule across it between them.
const rules1 = `0.5 w ${across(700)} ${across(780)} ${walls(700, 780)}`;
const rules2 = `0.5 w ${across(80, X[1])} ${across(120, X[1])} ${across(160)} ${walls(40, 160)}`;

async function read(drawn: boolean) {
  const source = await readSource(tinyPdf([page1, page2], drawn ? [rules1, rules2] : []));
  if (!source.ok) throw new Error(source.reason);
  const geometry = source.lineBoxes && source.pageRules ? pageGeometry(source.pageStarts, source.lineBoxes, source.pageRules, source.lineGlyphs) : undefined;
  return parsePerformance(toSourceLines(source.text), new Set(), geometry).targets;
}

describe('a 绩效自评表 whose header row a browser printed over six lines, its rows on the next page', () => {
  it('reads its columns by the cells the page draws, the grid’s label apart, and the row the page break cut as a row', async () => {
    const [target, ...rest] = await read(true);
    expect(rest).toEqual([]);
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text ?? null, i.actual, i.weight, i.score, i.deviation])).toEqual([
      ['产出指标', '数量指标', '维修养护工程数量', '≥30处', '28处', 20, 18, '顺延'],
      ['效益指标', '社会效益指标', '受益人口', '≥2万人', '1.9万人', 15, 14, null],
    ]);
    expect(target.selfEvaluation).toMatchObject({ totalWeight: 35, totalScore: 32 });
  });
});
