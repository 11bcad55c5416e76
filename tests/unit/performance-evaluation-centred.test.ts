import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { ems, tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// A 评分表 as a browser prints a web page's table: every cell vertically centred in its row and left-aligned, the
// header's labels centred in theirs (`一级` over `指标`, `分` over `值` wrapped, 三级指标 on the middle line). Each row
// is two text lines high; a cell of one line (一级, 分值, 得分, 得分率) stands halfway between them, a cell of three
// (可持 / 续影 / 响) a line over and under. Written for this test; its figures add up (5 + 4 + 9 = 18).
const SIZE = 10;
const LINE = 14;
/** Each column's left edge (points); a header label is centred between it and the next one's. */
const LEFT = [40, 80, 130, 220, 340, 450, 490, 530, 580];

const label = (text: string, column: number, y: number, left = LEFT): PlacedText => ({
  text,
  x: (left[column] + left[column + 1]) / 2 - (ems(text) * SIZE) / 2,
  y,
  size: SIZE,
});

/** A cell's lines, centred on `middle`, each from the column's left edge (plus its padding). */
function cell(lines: readonly string[], column: number, middle: number, left = LEFT): PlacedText[] {
  const top = middle - ((lines.length - 1) * LINE) / 2;
  return lines.map((text, i) => ({ text, x: left[column] + 4, y: top + i * LINE, size: SIZE }));
}

const HEADER = 130;
const header = [
  label('一级', 0, HEADER - LINE / 2), label('指标', 0, HEADER + LINE / 2),
  label('二级', 1, HEADER - LINE / 2), label('指标', 1, HEADER + LINE / 2),
  label('三级指标', 2, HEADER), label('指标解释', 3, HEADER), label('评分标准', 4, HEADER),
  label('分', 5, HEADER - LINE / 2), label('值', 5, HEADER + LINE / 2),
  label('得', 6, HEADER - LINE / 2), label('分', 6, HEADER + LINE / 2),
  label('得分率', 7, HEADER),
];

type Row = [string[], string[], string[], string[], string[], string, string, string];
const rows: Row[] = [
  [['决策'], ['项目', '立项'], ['立项依据', '充分性'], ['立项是否符合', '发展规划。'], ['符合规划得满分。'], '5', '5', '100.00%'],
  [['决策'], ['绩效', '目标'], ['绩效目标', '合理性'], ['目标是否明确。'], ['明确得满分，', '否则扣1分。'], '5', '4', '80.00%'],
  [['效益'], ['可持', '续影', '响'], ['长效机制', '健全性'], ['机制是否健全。'], ['健全得满分。'], '10', '9', '90.00%'],
];

const ROW_HEIGHT = 3 * LINE;
const body = rows.flatMap((row, k) => {
  const middle = HEADER + 2 * LINE + k * ROW_HEIGHT;
  return row.flatMap((c, column) => cell(typeof c === 'string' ? [c] : c, column, middle));
});
const totalAt = HEADER + 2 * LINE + rows.length * ROW_HEIGHT;
const total = [cell(['合计'], 0, totalAt), cell(['20'], 5, totalAt), cell(['18'], 6, totalAt), cell(['90.00%'], 7, totalAt)].flat();

const page = [
  { text: '某县2023年度困难群众救助项目绩效评价报告', x: 40, y: 40, size: SIZE },
  { text: '附件：绩效评价指标体系及评分表', x: 40, y: 90, size: SIZE },
  ...header,
  ...body,
  ...total,
];

describe('a 评分表 whose cells a PDF centres in their rows', async () => {
  const read = await readSource(tinyPdf([page]));
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, warnings } = parsePerformance(toSourceLines(read.text), new Set(), undefined, true);

  it('reads one indicator a row: its 一级, 二级 and 三级 names, 指标解释, 评分标准, 分值 and 得分', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.rule, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', '立项是否符合发展规划。', '符合规划得满分。', 5, 5],
      ['决策', '绩效目标', '绩效目标合理性', '目标是否明确。', '明确得满分，否则扣1分。', 5, 4],
      ['效益', '可持续影响', '长效机制健全性', '机制是否健全。', '健全得满分。', 10, 9],
    ]);
    expect(warnings.filter((w) => w.includes('评分表'))).toEqual([]);
  });

  it('reads the 分值 of the 合计 row (5 + 5 + 10 = 20) and keeps every line of the table as printed', () => {
    const checks = parsePerformance(toSourceLines(read.text), new Set(), undefined, true).checks;
    expect(checks.find((c) => c.id === 'evaluation:indicator-weights-sum')?.status).toBe('pass');
    const printed = evaluation!.printed.map((p) => p.text).join('\n');
    for (const piece of ['可持', '续影', '响', '充分性', '否则扣1分。']) expect(printed).toContain(piece);
  });
});

// The same table as a Word or web page table prints it, its 一级 and 二级 cells merged over the first two rows, each
// printed once between them (决策; 项目 / 立项): each cell spans the rows it is centred on (level-cells.ts, as a target
// form's), and the framework's names (项目立项) join a cell's wrapped pieces.
const between = HEADER + 2 * LINE + ROW_HEIGHT / 2;
const mergedPage = page
  .filter((t) => !['决策', '项目', '立项', '绩效', '目标'].includes(t.text))
  .concat(cell(['决策'], 0, between), cell(['项目', '立项'], 1, between));

describe('a centred 评分表 whose 一级 and 二级 cells are merged over rows', async () => {
  const read = await readSource(tinyPdf([mergedPage]));
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, warnings } = parsePerformance(toSourceLines(read.text), new Set(), undefined, true);

  it('gives each row the cells over it, and its own names and figures', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.rule, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', '符合规划得满分。', 5, 5],
      ['决策', '项目立项', '绩效目标合理性', '明确得满分，否则扣1分。', 5, 4],
      ['效益', '可持续影响', '长效机制健全性', '健全得满分。', 10, 9],
    ]);
    expect(warnings.filter((w) => w.includes('评分表'))).toEqual([]);
  });
});

// 一级 cells printed where they centre as well over either grouping of the rows: 决策 between the first two rows and
// 效益 between the last two, so the middle row may be either's, and its 二级 (成效, no name of the national framework)
// does not say whose. Every row is read, the middle one's 一级 left open (not given one it may not have), and every
// line is kept as printed.
describe('a centred 评分表 whose merged cells do not say which rows they span', async () => {
  const unsure = page
    .filter((t) => !['决策', '效益', '绩效', '目标'].includes(t.text))
    .concat(cell(['决策'], 0, between), cell(['效益'], 0, between + ROW_HEIGHT), cell(['成效'], 1, HEADER + 2 * LINE + ROW_HEIGHT));
  const read = await readSource(tinyPdf([unsure]));
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, warnings } = parsePerformance(toSourceLines(read.text), new Set(), undefined, true);

  it('reads every row, leaves the middle row\'s 一级 and names it, and keeps the lines (was no row read)', () => {
    const indicators = evaluation!.indicators;
    // The names and figures each row prints (the page above: 5 / 5, 5 / 4, 10 / 9); 成效 on the middle row's own line.
    expect(indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 5, 5],
      [null, '成效', '绩效目标合理性', 5, 4],
      ['效益', '可持续影响', '长效机制健全性', 10, 9],
    ]);
    expect(warnings).toContain(`评分表第 ${indicators[1].lines.first} 行指标的一级指标未能读出：跨行合并的单元格在文本中偏离其各行的正中，可属“决策”，也可属“效益”，原文逐行保留`);
    expect(warnings).not.toContain('评分表的一级、二级指标单元格跨行合并，未能确定各行所属的指标，原文逐行保留');
    const printed = evaluation!.printed.map((p) => p.text).join('\n');
    for (const piece of ['决策', '效益', '成效', '立项依据', '充分性', '否则扣1分。']) expect(printed).toContain(piece);
  });
});

// probeEval10's report A with its level cells merged over rows (rowspan), printed by Chromium, then `pdftotext
// -layout`: the header and the 决策 rows, and a 合计 written for them (4 + 3 + 3 + 2 + 2 + 1 = 15; 13.5). The merged
// cells are printed once, 决策 on the sixth line, 项目 / 立项 on the second and third; the rows' other lines stand
// above and below their figures unevenly. The first row prints its figures on the table's first line, but 决策 is
// printed below it (line 10), not beside it: the cells are centred in their rows, not set at their tops, and the 三级
// names and 指标解释 are cut a column at a time (each name's two pieces around its figures: 立项依据充分 / 性 on
// lines 5–6, 绩效指标明确 / 性 on 11–12). Read as a table set at the rows' tops, they were not read.
const layoutText = [
  '某市2023年度城乡居民医疗救助项目支出绩效评价报告',
  '附件：某市2023年度城乡居民医疗救助项目绩效评价指标体系及评分表',
  ' 一级 二级 三级指标               指标解释                      评分标准            分 得 得分率',
  ' 指标 指标                                                              值 分',
  '         立项依据充分 项目立项是否符合法律法规、相关政策、发展规划以 ①符合国家法律法规和国民经济发展规划（2分）； 4 4 100.00%',
  '    项目 性        及部门职责，用以反映和考核项目立项依据情况。 ②与部门职责范围相符（2分）。',
  '    立项 立项程序规范 项目申请、设立过程是否符合相关要求，用以反映和 ①按规定程序申请设立（1.5分）；②审批文件、材 3 3 100.00%',
  '         性      考核项目立项的规范情况。            料符合要求（1.5分）。',
  '         绩效目标合理 项目所设定的绩效目标是否依据充分，是否符合客观 ①有绩效目标（1分）；②与实际工作内容相关（1 3 2.5 83.33%',
  '决策 绩效    性      实际。                     分）；③与预算确定的资金量相匹配（1分）。',
  '    目标 绩效指标明确 依据绩效目标设定的绩效指标是否清晰、细化、可衡 ①分解为具体指标（1分）；②指标清晰、可衡量 2 1.5 75.00%',
  '         性      量。                      （1分）。',
  '         预算编制科学 项目预算编制是否经过科学论证、有明确标准。 ①经过科学论证（1分）；②预算额度测算依据充分 2 1.5 75.00%',
  '    资金 性                                （1分）。',
  '    投入 资金分配合理 项目预算资金分配是否有测算依据，与补助对象实际 分配依据充分、额度合理的得满分，否则酌情扣 1 1 100.00%',
  '         性      是否相适应。                  分。',
  '合计                                                              15 13.5 90.00%',
].join('\n');

describe('a -layout 评分表 whose level cells are merged over rows', () => {
  const { evaluation, warnings } = parsePerformance(toSourceLines(layoutText), new Set());

  it('reads each row\'s figures, the 一级 and 二级 cells it is centred under, its 三级 name and 指标解释', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 4, 4], ['决策', '项目立项', '立项程序规范性', 3, 3],
      ['决策', '绩效目标', '绩效目标合理性', 3, 2.5], ['决策', '绩效目标', '绩效指标明确性', 2, 1.5],
      ['决策', '资金投入', '预算编制科学性', 2, 1.5], ['决策', '资金投入', '资金分配合理性', 1, 1],
    ]);
    // Lines 5–6 and 15–16 of the text.
    expect(evaluation!.indicators[0].description).toBe('项目立项是否符合法律法规、相关政策、发展规划以及部门职责，用以反映和考核项目立项依据情况。');
    expect(evaluation!.indicators[5].description).toBe('项目预算资金分配是否有测算依据，与补助对象实际是否相适应。');
    expect(warnings).toContain('评分表的单元格在文本中只隔一个空格，各行读出一级、二级指标、三级指标名称、指标解释、分值和得分，评分标准未能读出，原文逐行保留');
  });
});

/** Column edges and header of a 评分表 in the order 一级 二级 三级 分值 评分标准 得分, 一级 wrapped in its narrow column. */
const left = [40, 80, 140, 230, 270, 500, 540];
const headerB = [
  label('一级', 0, HEADER - LINE / 2, left), label('指标', 0, HEADER + LINE / 2, left),
  label('二级指标', 1, HEADER, left), label('三级指标', 2, HEADER, left), label('分值', 3, HEADER, left),
  label('评分标准', 4, HEADER, left), label('得分', 5, HEADER, left),
];

// A 评分表 in the order 一级 二级 三级 分值 评分标准 得分 (no 得分率: the 分值 stands before the 评分标准, the 得分 last),
// its cells centred, 决策 and 项目立项 merged over the first two rows and printed once between them, 一级 wrapped over
// two lines in its narrow column (`一级` over `指标`). Written for this test: 4 + 3 + 5 = 12; 4 + 2.5 + 4 = 10.5.
describe('a centred 评分表 whose 得分 closes it and 评分标准 stands between 分值 and 得分', async () => {
  const rowsB: Array<[string[], string[], string, string[], string]> = [
    [['立项依据', '充分性'], ['4'], '①符合发展规划（2分）；', ['②与部门职责相符（2分）。'], '4'],
    [['立项程序', '规范性'], ['3'], '①按规定程序申请（1.5分）；', ['②审批文件齐全（1.5分）。'], '2.5'],
  ].map(([name, weight, rule1, rule2, score]) => [name as string[], weight as string[], rule1 as string, rule2 as string[], score as string]);
  const middleOf = (k: number) => HEADER + 2 * LINE + k * ROW_HEIGHT;
  const body = rowsB.flatMap(([name, [weight], rule1, [rule2], score], k) => [
    ...cell(name, 2, middleOf(k), left), ...cell([weight], 3, middleOf(k), left),
    ...cell([rule1, rule2], 4, middleOf(k), left), ...cell([score], 5, middleOf(k), left),
  ]);
  const third = [
    ...cell(['效益'], 0, middleOf(2), left), ...cell(['可持续', '影响'], 1, middleOf(2), left), ...cell(['长效机制', '健全性'], 2, middleOf(2), left),
    ...cell(['5'], 3, middleOf(2), left), ...cell(['机制健全得满分。'], 4, middleOf(2), left), ...cell(['4'], 5, middleOf(2), left),
  ];
  const merged = [...cell(['决策'], 0, middleOf(0.5), left), ...cell(['项目', '立项'], 1, middleOf(0.5), left)];
  const total = [...cell(['合计'], 0, middleOf(3), left), ...cell(['12'], 3, middleOf(3), left), ...cell(['10.5'], 5, middleOf(3), left)];
  const read = await readSource(tinyPdf([[
    { text: '某县2023年度困难群众救助项目绩效评价报告', x: 40, y: 40, size: SIZE },
    { text: '附件：绩效评价指标体系及评分表', x: 40, y: 90, size: SIZE },
    ...headerB, ...body, ...third, ...merged, ...total,
  ]]));
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, checks, warnings } = parsePerformance(toSourceLines(read.text), new Set(), undefined, true);

  it('reads each row by its 分值 and 得分 columns, the 评分标准 between them, the merged cells over their rows', () => {
    expect(evaluation!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.rule, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 4, '①符合发展规划（2分）；②与部门职责相符（2分）。', 4],
      ['决策', '项目立项', '立项程序规范性', 3, '①按规定程序申请（1.5分）；②审批文件齐全（1.5分）。', 2.5],
      ['效益', '可持续影响', '长效机制健全性', 5, '机制健全得满分。', 4],
    ]);
    expect(warnings.filter((w) => w.includes('评分表'))).toEqual([]);
    expect(checks.find((c) => c.id === 'evaluation:indicator-weights-sum')?.status).toBe('pass');
  });
});

// The same table cut by a page break after its first row, as Chromium prints a merged cell cut so: 决策 and 项目 /
// 立项 at the top of their first part, on page 1 only, the header printed again on page 2 over 立项程序规范性 and
// 长效机制健全性. A cut cell is centred on its rows of its own page; those of the next page are told by the cells
// printed there.
describe('a centred 评分表 whose merged cells a page break cuts', async () => {
  const middleOf = (k: number) => HEADER + 2 * LINE + k * ROW_HEIGHT;
  const row = (k: number, name: string[], weight: string, rule: string[], score: string) => [
    ...cell(name, 2, middleOf(k), left), ...cell([weight], 3, middleOf(k), left), ...cell(rule, 4, middleOf(k), left), ...cell([score], 5, middleOf(k), left),
  ];
  const first = [
    { text: '某县2023年度困难群众救助项目绩效评价报告', x: 40, y: 40, size: SIZE },
    { text: '附件：绩效评价指标体系及评分表', x: 40, y: 90, size: SIZE },
    ...headerB,
    ...row(0, ['立项依据', '充分性'], '4', ['①符合发展规划（2分）；', '②与部门职责相符（2分）。'], '4'),
    ...cell(['决策'], 0, middleOf(0) - LINE, left), ...cell(['项目', '立项'], 1, middleOf(0) - LINE / 2, left),
  ];
  const second = [
    ...headerB,
    ...row(0, ['立项程序', '规范性'], '3', ['①按规定程序申请（1.5分）；', '②审批文件齐全（1.5分）。'], '2.5'),
    ...row(1, ['长效机制', '健全性'], '5', ['机制健全得满分。'], '4'),
    ...cell(['效益'], 0, middleOf(1), left), ...cell(['可持续', '影响'], 1, middleOf(1), left),
    ...cell(['合计'], 0, middleOf(2), left), ...cell(['12'], 3, middleOf(2), left), ...cell(['10.5'], 5, middleOf(2), left),
  ];
  const read = await readSource(tinyPdf([first, second]));
  if (!read.ok) throw new Error(read.reason);
  const lines = toSourceLines(read.text);
  const { evaluation, warnings } = parsePerformance(lines, new Set(), undefined, true);

  it('reads the rows, and gives the first row of page 2 the cut cells, the one under it being centred on its own row (were 效益 / 可持续影响, then none)', () => {
    const indicators = evaluation!.indicators;
    expect(indicators.map((i) => [i.name, i.weight, i.score])).toEqual([['立项依据充分性', 4, 4], ['立项程序规范性', 3, 2.5], ['长效机制健全性', 5, 4]]);
    expect([indicators[0].level1, indicators[0].level2, indicators[2].level1, indicators[2].level2]).toEqual(['决策', '项目立项', '效益', '可持续影响']);
    // 效益 and 可持续 / 影响 are centred on 长效机制健全性 alone (middleOf(1) on page 2): with 立项程序规范性 (middleOf(0))
    // they would stand half a row off their rows' middle. 立项程序规范性 is the cut cells' (决策 / 项目立项, as in the
    // unbroken table above), where 决策 and 项目 / 立项 stand on page 1 whatever rows of page 2 they span.
    expect([indicators[1].level1, indicators[1].level2]).toEqual(['决策', '项目立项']);
    // Its figures' line (分值 3, 得分 2.5) is still named as a row a page break parts from its cells.
    const figures = lines.find((l) => /^\s*3\s.*\s2\.5$/.test(l.text))!.no;
    expect(warnings).toContain(`评分表第 ${figures} 行在新的一页上，其上没有本页的一级、二级指标单元格，跨页合并的单元格所跨的行按居中位置推定，请核对原文`);
    expect(warnings.filter((w) => w.includes('指标未能读出'))).toEqual([]);
  });
});
