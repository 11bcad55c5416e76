import { describe, expect, it } from 'vitest';
import { buildSections } from '../../src/ingest/narrative/sections.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { narrativeOf, SAMPLES, samplesPresent, seed } from './narrative-seed.ts';

/** A line as wide as the page, so that the wrap width is known. */
const full = '经评价组核查，本项目按计划完成了全部建设内容，各项资金均按照规定用途使用，未发现挪用';

function sectionsOf(text: string, taken: number[] = []) {
  const lines = toSourceLines(text);
  return buildSections(lines, new Set(taken), detectLayout(lines));
}

describe('sections and paragraphs', () => {
  it('rejoins lines broken mid-sentence and mid-number, with a blank line between every wrapped line', () => {
    const text = [
      '一、关于新疆维吾尔自治区喀什地区扶贫开发办公室',
      '',
      '2021年收入预算情况说明',
      '',
      '新疆维吾尔自治区喀什地区扶贫开发办公室收入预算1439.4',
      '',
      '8万元，其中：',
    ].join('\n');
    const [s] = sectionsOf(text);
    expect(s.heading).toBe('一、关于新疆维吾尔自治区喀什地区扶贫开发办公室2021年收入预算情况说明');
    expect(s.paragraphs).toEqual(['新疆维吾尔自治区喀什地区扶贫开发办公室收入预算1439.48万元，其中：']);
    expect(s.lines).toEqual({ first: 1, last: 7 });
  });

  it('drops page numbers and cleans Markdown-ish artefacts', () => {
    const text = [
      '（二）一般公共预算当年拨款结构情况',
      '- 1.一般公共服务（类）293.14 万元，占 4.11%。',
      '- 2.公共安全支出（类）186.48 万元，占 2.62%。',
      '<p>**该项目按期完成**喀什地区防返贫致贫监测预警工作。</p>',
      '- 37 -',
    ].join('\n');
    const [s] = sectionsOf(text);
    expect(s.paragraphs).toEqual(['1.一般公共服务（类）293.14 万元，占 4.11%。', '2.公共安全支出（类）186.48 万元，占 2.62%。', '该项目按期完成喀什地区防返贫致贫监测预警工作。']);
  });

  it('ends a paragraph at a bracketed remark after a full stop, and at a table (evaluation seed 359, 454 / 508)', () => {
    // Lines as wide as the page (40) set the wrap width; the two short ones are wider than two thirds of it, so only
    // their sentence end or the table under them ends their paragraph.
    const text = [
      full, full, full, full, '情况。',
      '（1）相关培训费用9.952万元。（分值2分，得分2分）',
      '经查阅相关支付凭证，该指标不扣分，得2分。',
      '附件 1：喀什地区2021年度专项项目绩效评价指标综合评分表',
      '一级指标\t二级指标\t三级指标',
      '附件 2：调查问卷结果分析报告',
    ].join('\n');
    const [s] = sectionsOf(text, [9]);
    expect(s.paragraphs.slice(1)).toEqual([
      '（1）相关培训费用9.952万元。（分值2分，得分2分）',
      '经查阅相关支付凭证，该指标不扣分，得2分。',
      '附件 1：喀什地区2021年度专项项目绩效评价指标综合评分表',
      '附件 2：调查问卷结果分析报告',
    ]);
  });

  it('keeps each row of a form that no table took apart from the next (evaluation seed 607–608)', () => {
    const text = [
      full, full, full, full, '情况，',
      '项目名称\t防返贫致贫监测预警工作专项项目\t项目性质\t\t1.新建 ☐ 2.连续性项目 ☑ 3.改造 ☐',
      '计划投资额\t56.38 万元\t本期实际投资额\t\t56.38 万元',
      '\t资金已全部到位。',
    ].join('\n');
    const [s] = sectionsOf(text);
    expect(s.paragraphs).toEqual([
      `${full.repeat(4)}情况，`,
      '项目名称 防返贫致贫监测预警工作专项项目 项目性质 1.新建 ☐ 2.连续性项目 ☑ 3.改造 ☐',
      '计划投资额 56.38 万元 本期实际投资额 56.38 万元',
      '资金已全部到位。',
    ]);
  });

  it('starts paragraphs at indentation and leaves out lines the tables took', () => {
    const text = ['    一、主要职能', '    第一段的开头，', '接着写完。', '表格行 1 2 3', '    第二段。'].join('\n');
    const [s] = sectionsOf(text, [4]);
    expect(s.paragraphs).toEqual(['第一段的开头，接着写完。', '第二段。']);
  });

  it('kashgar-administrative-office: the outline of 第三部分 with stable ids', () => {
    const { sections } = seed('kashgar-administrative-office-2021-budget');
    const ids = sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
    // Lines 1–3: `第一部分 …部门` wrapped onto `（单位）概况`.
    expect(sections.find((s) => s.lines.first === 1)?.heading).toBe('第一部分 新疆维吾尔自治区喀什地区行政公署办公室部门（单位）概况');
    // Lines 1662–1664 and the paragraph of 1666–1672, rejoined.
    const threePublic = sections.find((s) => s.lines.first === 1662)!;
    expect(threePublic.heading).toBe('八、关于新疆维吾尔自治区喀什地区行政公署办公室2021年一般公共预算“三公”经费预算情况说明');
    expect(threePublic.level).toBe(2);
    expect(threePublic.paragraphs[0]).toBe(
      '新疆维吾尔自治区喀什地区行政公署办公室2021年一般公共预算“三公”经费数为63.00万元，其中：因公出国（境）费0万元，公务用车购置0万元，公务用车运行费63.00万元，公务接待费0万元。',
    );
    expect(seed('kashgar-administrative-office-2021-budget').sections.map((s) => s.id)).toEqual(ids);
  });

  it('keeps a 目录\'s page numbers after its titles, and its entries out of the headings (evaluation report, lines 35–50)', () => {
    const { sections } = seed('kashgar-2021-poverty-monitoring-project-evaluation');
    const contents = sections.find((s) => s.id === 'contents')!;
    expect(contents.lines).toEqual({ first: 35, last: 50 });
    expect(contents.paragraphs.slice(0, 3)).toEqual(['一、基本情况 1', '(一) 项目概况 1', '(二) 绩效目标 3']);
    expect(contents.paragraphs).toHaveLength(14);
    // The chapters themselves: 一、基本情况 at line 56, its （一）项目概况 at 58.
    expect(sections.filter((s) => s.heading === '一、基本情况').map((s) => s.lines.first)).toEqual([56]);
    expect(sections.find((s) => s.lines.first === 58)?.heading).toBe('（一）项目概况');
  });

  it('glossary entries after `名词解释：` are list items, not headings', () => {
    const { sections } = seed('kashgar-poverty-alleviation-office-2021-budget');
    const glossary = sections.find((s) => s.heading === '第四部分 名词解释')!;
    expect(glossary.paragraphs[0]).toBe('名词解释：');
    expect(glossary.paragraphs[1]).toBe('一、财政拨款：指由一般公共预算、政府性基金预算安排的财政拨款数。'); // 1290–1292
  });

  it.skipIf(!samplesPresent)('shanghai welfare home (samples absent: skipped): centred titles without markers are headings', () => {
    const { sections } = narrativeOf(`${SAMPLES}/shanghai-putuo-social-welfare-home-2024-budget.txt`);
    expect(sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['上海市普陀区社会福利院主要职能', '名词解释', '2024年单位预算编制说明']));
  });
});

const summary = (s: { id: string; heading: string | null; lines: { first: number; last: number } }) => [s.id, s.heading, s.lines.first, s.lines.last];

describe('a document\'s 目录', () => {
  it('is one section of its entries without their leaders, the chapters after it keeping their headings (上海 普陀 司法局 2026, L4–L24)', () => {
    // The 目录 of shanghai-putuo-justice-bureau-2026-department-budget.txt as its -layout text prints it (leaders
    // shortened): titles and dot leaders, no page numbers, the 表 entries indented under 五、; then the first chapter.
    const text = [
      '上海市普陀区2026年区级部门预算',
      '',
      '    预算主管部门：上海市普陀区司法局',
      '                        目 录',
      '',
      '',
      '一、部门主要职能   ……………………………………',
      '二、部门机构设置   ……………………………………',
      '三、名词解释 ………………………………………',
      '五、部门预算表 ……………………………………',
      '  1. 2026年部门财务收支预算总表 …………………………',
      '  3. 2026年部门支出预算总表 ………………………………',
      '  4．2026年部门财政拨款收支预算总表 ……………………',
      '七、项目经费情况说明 ……………………………………',
      '                      上海市普陀区司法局主要职能',
      '',
      '上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门，主要职责是：',
    ].join('\n');
    const sections = sectionsOf(text);
    expect(sections.map(summary)).toEqual([
      ['s0', null, 1, 3],
      ['contents', '目 录', 4, 14],
      ['s1', '上海市普陀区司法局主要职能', 15, 17],
    ]);
    expect(sections[1].paragraphs).toEqual([
      '一、部门主要职能',
      '二、部门机构设置',
      '三、名词解释',
      '五、部门预算表',
      '1. 2026年部门财务收支预算总表',
      '3. 2026年部门支出预算总表',
      '4．2026年部门财政拨款收支预算总表',
      '七、项目经费情况说明',
    ]);
  });

  it('keeps a printed page number, a group title without one, and a title wrapped before its leader (杭州 交通 2026, L3–L29)', () => {
    // As hangzhou-transport-2026-budget.txt prints it: blank lines between entries, `一、部门概况` over its entries
    // with no leader, page numbers after the leaders; the wrapped entry is written for this test.
    const text = [
      '                                     目录',
      '',
      '一、部门概况',
      ' （一）主要职能.......................................... 2',
      '',
      ' （二）机构设置情况.................................. 4',
      '',
      ' （三）一般公共预算“三公”经费预算情况',
      '说明................11',
      '二、2026年部门预算安排情况说明',
      '本部门2026年收入预算合计100万元，其中：财政拨款收入100万元。',
    ].join('\n');
    const sections = sectionsOf(text);
    expect(sections[0].id).toBe('contents');
    expect(sections[0].paragraphs).toEqual(['一、部门概况', '（一）主要职能 2', '（二）机构设置情况 4', '（三）一般公共预算“三公”经费预算情况说明 11']);
    expect(sections[0].lines).toEqual({ first: 1, last: 9 });
    // The chapter title after the last entry is the document's own heading, the first of its outline.
    expect(sections.slice(1).map(summary)).toEqual([['s0-1', '二、2026年部门预算安排情况说明', 10, 11]]);
  });

  it('reads entries whose page number follows a tab, without a leader (喀什 防返贫 评价报告 2021, L35–L40)', () => {
    const text = ['目 录', '', '一、基本情况\t1', '(一) 项目概况\t1', '(二) 绩效目标\t3', '二、绩效评价工作开展情况\t6', '', '喀什地区 2021 年度防返贫致贫监测预警工作专项项目绩效评价报告'].join('\n');
    const [contents] = sectionsOf(text);
    expect(contents.paragraphs).toEqual(['一、基本情况 1', '(一) 项目概况 1', '(二) 绩效目标 3', '二、绩效评价工作开展情况 6']);
    expect(contents.lines).toEqual({ first: 1, last: 6 });
  });

  it('reads bare titles as its entries where the first chapter repeats the first of them (西安 交通 2022, L3–L21)', () => {
    // xian-transport-2022-budget.txt as -layout prints it: no leader, no page; `第一部分   部门概况` (L21) is the chapter.
    const text = [
      '                    目 录',
      '第一部分 部门概况',
      '一、部门主要职责及机构设置',
      '二、2022 年部门工作任务',
      '第二部分 收支情况',
      '五、2022 年部门预算收支说明',
      '第四部分   公开报表',
      '西安市交通运输局 2022 年部门综合预算公开报表',
      '                  第一部分   部门概况',
      '',
      '  一、部门主要职责及机构设置',
      '  西安市交通运输局是西安市政府的组成部门，主管全市辖区内的国省干线公路。',
    ].join('\n');
    const sections = sectionsOf(text);
    expect(sections[0].id).toBe('contents');
    expect(sections[0].lines).toEqual({ first: 1, last: 8 });
    expect(sections[0].paragraphs).toEqual([
      '第一部分 部门概况',
      '一、部门主要职责及机构设置',
      '二、2022 年部门工作任务',
      '第二部分 收支情况',
      '五、2022 年部门预算收支说明',
      '第四部分 公开报表',
      '西安市交通运输局 2022 年部门综合预算公开报表',
    ]);
    expect(sections.slice(1).map((s) => [s.id, s.heading])).toEqual([['s1', '第一部分 部门概况'], ['s1-1', '一、部门主要职责及机构设置']]);
  });

  it('joins a leader printed on a line of its own to the title above it (上海 普陀 司法局 2026, plain pdftotext, L4–L12)', () => {
    const text = ['目 录', '一、部门主要职能', '二、部门机构设置', '', '…………………………………………', '…………………………………………', '', '三、名词解释 ……………………………', '上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门，主要职责是：'].join('\n');
    const [contents] = sectionsOf(text);
    expect(contents.paragraphs).toEqual(['一、部门主要职能', '二、部门机构设置', '三、名词解释']);
    expect(contents.lines).toEqual({ first: 1, last: 8 });
  });

  it('ends at the note under its bare titles, the first chapter titled otherwise than the first entry (长沙 教育 2026, L4–L24)', () => {
    // changsha-education-2026-budget.txt as -layout prints it (other-provinces): no leader, no page; the note on a
    // page of its own (L24), then `第一部分 部门预算公开说明` (L25), not `第一部分 2026 年部门预算说明` (L5).
    const text = [
      '长沙职业教育基地综合协调办公室',
      '',
      '  2026 年部门预算公开',
      '\f             目   录',
      '第一部分 2026 年部门预算说明',
      '一、部门基本概况',
      '二、部门预算单位构成',
      '三、部门收支总体情况',
      '四、一般公共预算拨款支出',
      '五、政府性基金预算支出',
      '六、其他重要事项的情况说明',
      '七、名词解释',
      '第二部分 2026 年部门预算表',
      '1、部门收支总表',
      '2、部门收入总表',
      '3、部门支出总表',
      '4、财政拨款收支总表',
      '5、一般公共预算支出表',
      '6、一般公共预算基本支出表',
      '7、一般公共预算“三公”经费支出表',
      '8、政府性基金预算支出表',
      '9、项目支出绩效目标表',
      '10、部门整体支出绩效目标表',
      '\f注：以上部门预算报表中，空表表示本部门无相关收支情况',
      '\f       第一部分 部门预算公开说明',
      '',
      '',
      '  一、部门基本概况',
      '  （一）职能职责',
      '  (1)贯彻执行国家、省、市有关发展职业教育的方针政策，',
    ].join('\n');
    const sections = sectionsOf(text);
    expect(sections.map(summary)).toEqual([
      ['s0', null, 1, 3],
      ['contents', '目 录', 4, 24],
      ['s1', '第一部分 部门预算公开说明', 25, 25],
      ['s1-1', '一、部门基本概况', 28, 28],
      ['s1-1-1', '（一）职能职责', 29, 30],
    ]);
    const contents = sections[1].paragraphs;
    expect(contents).toHaveLength(20);
    expect([contents[0], contents[8], contents[18]]).toEqual(['第一部分 2026 年部门预算说明', '第二部分 2026 年部门预算表', '10、部门整体支出绩效目标表']);
    expect(contents[19]).toBe('注：以上部门预算报表中，空表表示本部门无相关收支情况');
  });

  it('is no 目录 where no entry follows its heading', () => {
    const sections = sectionsOf(['某市某某局2026年部门预算', '目录', '', '第一部分 部门概况', '一、主要职责', '某市某某局负责全市某某工作。'].join('\n'));
    expect(sections.map((s) => s.id)).not.toContain('contents');
    expect(sections.map((s) => s.heading)).toEqual([null, '第一部分 部门概况', '一、主要职责']);
  });
});
