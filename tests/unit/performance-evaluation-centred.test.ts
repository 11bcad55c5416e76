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

const label = (text: string, column: number, y: number): PlacedText => ({
  text,
  x: (LEFT[column] + LEFT[column + 1]) / 2 - (ems(text) * SIZE) / 2,
  y,
  size: SIZE,
});

/** A cell's lines, centred on `middle`, each from the column's left edge (plus its padding). */
function cell(lines: readonly string[], column: number, middle: number): PlacedText[] {
  const top = middle - ((lines.length - 1) * LINE) / 2;
  return lines.map((text, i) => ({ text, x: LEFT[column] + 4, y: top + i * LINE, size: SIZE }));
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

// The same table with its 一级 cell merged over the first two rows, printed once between them: which rows it spans no
// line says, so no row is read (not one given a 一级 it may not have), and every line is kept as printed.
describe('a centred 评分表 whose 一级 cell is merged over rows', async () => {
  const merged = page.filter((t) => t.text !== '决策').concat(cell(['决策'], 0, HEADER + 2 * LINE + ROW_HEIGHT / 2));
  const read = await readSource(tinyPdf([merged]));
  if (!read.ok) throw new Error(read.reason);
  const { evaluation, warnings } = parsePerformance(toSourceLines(read.text), new Set(), undefined, true);

  it('reads no row, says why, and keeps the lines', () => {
    expect(evaluation!.indicators).toEqual([]);
    expect(warnings).toContain('评分表的一级、二级指标单元格跨行合并，未能确定各行所属的指标，原文逐行保留');
    const printed = evaluation!.printed.map((p) => p.text).join('\n');
    for (const piece of ['决策', '立项依据', '充分性', '否则扣1分。']) expect(printed).toContain(piece);
  });
});
