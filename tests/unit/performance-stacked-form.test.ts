import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { readStackedForm, stackedHeader } from '../../src/ingest/performance/stacked-form.ts';
import { isPageFurnitureAt } from '../../src/ingest/page-furniture.ts';
import { toSourceLines, type SourceLine } from '../../src/ingest/source-lines.ts';

// A project 绩效目标表 as plain `pdftotext` prints a form of narrow cells: one cell a line, blank lines between them,
// the header's labels one a line, the 度量单位 at the end of the 评分标准's second line, a 二级 name wrapped around a
// row's name, the level cells after the rows, and a row whose name is printed after its cells. Written after the
// layout of 长沙's form (opdef changsha-education-2026-budget L940–1227), with other names and figures.
const form = [
  '2026年项目支出绩效目标表', // 1
  '单位名称：某区图书馆', // 2
  '',
  '单位：万元', // 4
  '绩效指标', // 5
  '',
  '单位编码', // 7
  '',
  '单位（项目）名称', // 9
  '',
  '资金总额', // 11
  '',
  '绩效目标', // 13
  '一级指标 二级指标', // 14
  '',
  '三级指标', // 16
  '',
  '指标值', // 18
  '',
  '指标值内容', // 20
  '',
  '评（扣）分标准', // 22
  '',
  '度量单位', // 24
  '',
  '指标值类型', // 26
  '',
  '备注', // 28
  '',
  '购书册数', // 30
  '',
  '5000', // 32
  '',
  '全年新购图书册数', // 34
  '',
  '每少100册扣1分；少于', // 36
  '4000册不得分 册', // 37
  '',
  '≥', // 39
  '',
  '20', // 41
  '',
  '数量指', // 43
  '借阅人次', // 44
  '标', // 45
  '',
  '12', // 47
  '',
  '全年借阅万人次', // 49
  '',
  '每少1万人次扣2分 万人次', // 51
  '',
  '＝', // 53
  '',
  '10', // 55
  '',
  '95', // 57
  '',
  '读者满意度调查', // 59
  '',
  '低于95%每点扣1分 %', // 61
  '',
  '≥', // 63
  '',
  '10', // 65
  '',
  '产出指标', // 67
  '',
  '读者满意度', // 69
].join('\n');

const lines = toSourceLines(form);

/** The page furniture of `text`'s lines as the layout stage marks it in text printed one cell a line. */
const furnitureOf = (text: readonly SourceLine[]) => (line: SourceLine) => isPageFurnitureAt(text, line.no, 'stacked');

describe('a 绩效目标表 printed one cell a line', () => {
  it('knows the header by the template labels each a cell of its own, after 三级指标 (L16–28)', () => {
    expect(stackedHeader(lines.slice(15))).toEqual({
      cells: ['value', 'description', 'rule', 'unit', 'operator', 'other'],
      otherLabel: '备注',
      end: 13,
    });
    // The labels on one line are the header of another layout; a list of names under 三级指标 is no such header.
    expect(stackedHeader(toSourceLines('三级指标 指标值 指标值内容'))).toBeNull();
    expect(stackedHeader(toSourceLines('三级指标\n借阅人次\n指标值\n12'))).toBeNull();
  });

  it('reads each row from its name to its 备注, the unit taken off the 评分标准 line it ends', () => {
    const read = readStackedForm(lines.slice(15), furnitureOf(lines))!;
    expect(read.indicators.map((i) => [i.name, i.value.text, i.description, i.scoringRule, i.lines])).toEqual([
      ['购书册数', '≥5000册', '全年新购图书册数；备注：20', '每少100册扣1分；少于4000册不得分', { first: 30, last: 41 }],
      ['借阅人次', '＝12万人次', '全年借阅万人次；备注：10', '每少1万人次扣2分', { first: 43, last: 55 }],
    ]);
    expect(read.indicators.map((i) => [i.level1, i.level2])).toEqual([[null, null], [null, null]]);
    expect(read.last).toBe(69);
  });

  it('keeps unparsed the level cells and a row whose name is not printed before its cells', () => {
    const read = readStackedForm(lines.slice(15), furnitureOf(lines))!;
    expect(read.unparsed.map((u) => [u.lines.first, u.lines.last, u.text])).toEqual([
      [43, 43, '数量指'],
      [45, 45, '标'],
      [57, 65, '95\n读者满意度调查\n低于95%每点扣1分 %\n≥\n10'],
      [67, 67, '产出指标'],
      [69, 69, '读者满意度'],
    ]);
    expect(read.flags).toEqual(['表格逐格印出，一级、二级指标名称无法对应到各行，留在未解析文本中']);
  });

  it('is read so within the whole text', () => {
    // The layout is the document's (layout/detect.ts): this form alone, with no money amount, reads as single-space
    // text, where a bare number between blank lines (the 备注 `20`) is a page's.
    const [target] = parsePerformance(lines, new Set(), undefined, false, 'stacked').targets;
    expect(target.title).toBe('2026年项目支出绩效目标表');
    expect(target.indicators.map((i) => i.name)).toEqual(['购书册数', '借阅人次']);
  });

  it('drops a page number inside a row, its cells parted there (a page break after 5000)', () => {
    const paged = toSourceLines(
      [
        '三级指标', // 1
        '',
        '指标值', // 3
        '',
        '指标值内容', // 5
        '',
        '评（扣）分标准', // 7
        '',
        '度量单位', // 9
        '',
        '指标值类型', // 11
        '',
        '备注', // 13
        '',
        '购书册数', // 15
        '',
        '5000', // 17
        '',
        '3', // 19: page 3's number, page 4 ending with 4
        '\f全年新购图书册数', // 20
        '',
        '每少100册扣1分 册', // 22
        '',
        '≥', // 24
        '',
        '20', // 26
        '',
        '4', // 28
        '\f单位负责人：某某', // 29
      ].join('\n'),
    );
    const read = readStackedForm(paged.slice(0, 28), furnitureOf(paged))!;
    expect(read.indicators.map((i) => [i.name, i.value.text, i.description, i.scoringRule, i.lines])).toEqual([
      ['购书册数', '≥5000册', '全年新购图书册数；备注：20', '每少100册扣1分', { first: 15, last: 26 }],
    ]);
    expect(read.unparsed).toEqual([]);
    expect(read.last).toBe(26);
  });

  // The 部门整体 form's header in another order, two labels wrapped over two lines, the unit printed with the value, a
  // 备注 printed before its row, and a row whose 指标解释 and 评分标准 are printed line by line into one another. Written
  // after the layout of 长沙's (opdef changsha-education-2026-budget L1261–1344), with other names and figures.
  const organization = toSourceLines(
    [
      '三级指标', // 1
      '',
      '指标值类', // 3
      '型', // 4
      '',
      '指标值', // 6
      '',
      '计量', // 8
      '单位', // 9
      '',
      '指标解释', // 11
      '',
      '评（扣）分标准', // 13
      '',
      '备注', // 15
      '',
      '经济成本', // 17
      '图书购置', // 18
      '指标', // 19
      '',
      '≤', // 21
      '',
      '80 万元', // 23
      '',
      '反映图书购置成本控制情况', // 25
      '',
      '超出预算10%不得分，超出', // 27
      '5%得5分。', // 28
      '',
      '10', // 30
      '',
      '8', // 32
      '',
      '场馆使用次数', // 34
      '',
      '≥', // 36
      '',
      '160 次', // 38
      '',
      '全年提供场馆不少于', // 40
      '全年提供场馆次数', // 41
      '160次，每少2%扣1分', // 42
      '',
      '借阅人次', // 44
      '',
      '≥', // 46
      '',
      '12 万人次', // 48
      '',
      '全年借阅人次', // 50
      '',
      '每少1万人次扣2分', // 52
      '',
      '7', // 54
    ].join('\n'),
  );

  it('reads a header of another order by its labels, the unit with the cell before it (指标值 then 计量单位)', () => {
    expect(stackedHeader(organization)).toEqual({
      cells: ['operator', 'value', 'unit', 'description', 'rule', 'other'],
      otherLabel: '备注',
      end: 15,
    });
    const read = readStackedForm(organization, furnitureOf(organization))!;
    expect(read.indicators.map((i) => [i.name, i.value.text, i.description, i.scoringRule, i.lines])).toEqual([
      ['图书购置', '≤80万元', '反映图书购置成本控制情况；备注：10', '超出预算10%不得分，超出5%得5分。', { first: 17, last: 30 }],
      ['借阅人次', '≥12万人次', '全年借阅人次；备注：7', '每少1万人次扣2分', { first: 44, last: 54 }],
    ]);
    // The 备注 printed before its row, and the row whose text cells run into one another: no cells of a row.
    expect(read.unparsed.map((u) => [u.lines.first, u.lines.last])).toEqual([
      [17, 17],
      [19, 19],
      [32, 32],
      [34, 34],
      [36, 36],
      [38, 38],
      [40, 42],
    ]);
  });
});
