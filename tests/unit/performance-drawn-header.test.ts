import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { pageGeometry } from '../../src/ingest/page-geometry.ts';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { tinyPdf, type PlacedText } from '../fixtures/tiny-pdf.ts';

// Issue 11 item 5: a one-project form whose indicator grid is drawn in cells narrower than their labels, as
// LibreOffice prints 喀什经济开发区党群工作部's 2024 forms again (its 稳就业保障项目: `一` / `级` / `指` / `标` in the
// first header cell, `指` / `标` / `值` in the value's, the values `>` / `=` / `5` / `1` / `8` / `人` a character a
// line). The page written here is made up: its grid is the seed's layout with other names and values.

/** Points, y downwards from the top of the page (tests/fixtures/tiny-pdf.ts). */
const LEFT = [40, 60, 80, 240, 262, 284, 310];
const [HEADER_TOP, HEADER_BOTTOM, ROW_RULE, BOTTOM] = [200, 260, 310, 360];
const PITCH = 12;

/** Each character on a line of its own, down the middle of the cell from `left` to `right`, from baseline `y`. */
function down(text: string, left: number, right: number, y: number): PlacedText[] {
  return [...text].map((ch, i) => ({ text: ch, x: (left + right) / 2 - (/[\x20-\x7e]/.test(ch) ? 2.5 : 5), y: y + i * PITCH }));
}

/** Pieces of a cell a line each, centred in the cell (a value `≥30` / `人` wrapped at its width). */
function lines(pieces: readonly string[], left: number, right: number, y: number): PlacedText[] {
  return pieces.map((text, i) => {
    const width = [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 5 : 10), 0);
    return { text, x: (left + right) / 2 - width / 2, y: y + i * PITCH };
  });
}

const page: PlacedText[] = [
  { text: '项目支出绩效目标表', x: 130, y: 80 },
  { text: '预算单位', x: 40, y: 120 },
  { text: '某县示范园区管理委员会', x: 120, y: 120 },
  { text: '项目名称', x: 40, y: 140 },
  { text: '技能培训项目', x: 120, y: 140 },
  { text: '项目总体目标', x: 40, y: 170 },
  { text: '开展技能培训，提高就业率。', x: 120, y: 170 },
  // The header row: every label but 三级指标 wrapped a character a line in its cell.
  ...down('一级指标', LEFT[0], LEFT[1], 212),
  ...down('二级指标', LEFT[1], LEFT[2], 212),
  { text: '三级指标', x: 140, y: 230 },
  ...down('指标值', LEFT[3], LEFT[4], 218),
  ...down('分值', LEFT[4], LEFT[5], 224),
  ...down('佐证', LEFT[5], LEFT[6], 224),
  // 产出指标 and 数量指标 drawn over both rows (no rule across their columns between the rows).
  ...down('产出指标', LEFT[0], LEFT[1], 280),
  ...down('数量指标', LEFT[1], LEFT[2], 280),
  { text: '培训人次', x: 85, y: 275 },
  ...lines(['≥3', '00', '人'], LEFT[3], LEFT[4], 274),
  ...lines(['60'], LEFT[4], LEFT[5], 280),
  ...down('台账', LEFT[5], LEFT[6], 278),
  { text: '发放教材', x: 85, y: 325 },
  ...lines(['≥5', '0册'], LEFT[3], LEFT[4], 326),
  ...lines(['40'], LEFT[4], LEFT[5], 330),
  ...down('清单', LEFT[5], LEFT[6], 328),
];

/** PDF space: y upwards, the page 842 pt high. */
const y = (top: number) => 842 - top;
const rules = [
  ...[HEADER_TOP, HEADER_BOTTOM, BOTTOM].map((t) => `${LEFT[0]} ${y(t)} m ${LEFT[6]} ${y(t)} l S`),
  // Between the two rows only right of the level columns.
  `${LEFT[2]} ${y(ROW_RULE)} m ${LEFT[6]} ${y(ROW_RULE)} l S`,
  ...LEFT.map((x) => `${x} ${y(HEADER_TOP)} m ${x} ${y(BOTTOM)} l S`),
].join(' ');

async function targets(drawn: boolean) {
  const read = await readSource(tinyPdf([page], drawn ? [`0.5 w ${rules}`] : []));
  if (!read.ok) throw new Error(read.reason);
  const geometry = read.lineBoxes && read.pageRules ? pageGeometry(read.pageStarts, read.lineBoxes, read.pageRules, read.lineGlyphs) : undefined;
  return { text: read.text, glyphs: read.lineGlyphs, targets: parsePerformance(toSourceLines(read.text), new Set(), geometry).targets };
}

describe('an indicator grid whose header cells wrap a character a line (issue 11 item 5)', () => {
  it('reads the header and the rows by the cells the page draws', async () => {
    const { text, glyphs, targets: [target, ...rest] } = await targets(true);
    // No line of the text is a header: each prints a character or two of each label.
    expect(text).not.toMatch(/指标值/);
    // Where each character begins is kept: `一` and `二`, 10 pt wide, stand in the middles of their cells, 40–60 and 60–80.
    const first = text.split('\n').findIndex((l) => l.trim() === '一   二');
    expect([...glyphs![first]!].filter((x) => !Number.isNaN(x))).toEqual([45, 65]);
    expect(rest).toEqual([]);
    expect(target.projectName).toBe('技能培训项目');
    expect(target.indicators.map((i) => [i.level1, i.level2, i.name, i.value?.text, i.weight, i.evidence])).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥300人', 60, '台账'],
      ['产出指标', '数量指标', '发放教材', '≥50册', 40, '清单'],
    ]);
    // Each row holds every line it prints on (the last, `0册 单`, is line 38): what is kept as printed is the form's
    // fields and the header's pieces, no piece of a row.
    expect(target.lines).toEqual({ first: 1, last: 38 });
    expect(target.printed!.filter((p) => p.lines.first > 22)).toEqual([]);
  });

  it('is not read from the text alone: without the rules the characters of a label belong to no cell', async () => {
    const { targets: found } = await targets(false);
    expect(found).toEqual([]);
  });
});
