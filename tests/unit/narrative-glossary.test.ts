import { describe, expect, it } from 'vitest';
import { narrativeOf, narrativeOfText, SAMPLES, samplesPresent, seed } from './narrative-seed.ts';

function definitionOf(result: ReturnType<typeof seed>, term: string): string | undefined {
  return result.glossary.find((g) => g.term === term)?.definition;
}

describe('名词解释', () => {
  it('kashgar-administrative-office: 8 terms 一、…八、, definitions wrapped over lines and across a page number (2558–2621)', () => {
    const r = seed('kashgar-administrative-office-2021-budget');
    expect(r.glossary.map((g) => g.term)).toEqual([
      '财政拨款',
      '一般公共预算',
      '财政专户管理资金',
      '其他资金',
      '基本支出',
      '项目支出',
      '“三公”经费',
      '机关运行经费',
    ]);
    expect(definitionOf(r, '财政拨款')).toBe('指由一般公共预算、政府性基金预算安排的财政拨款数。'); // 2558–2560
    // 2604–2610: `- 46 -` between 公务接待 and （含外宾接待）支出。
    expect(definitionOf(r, '“三公”经费')).toMatch(/公务接待费指单位按规定开支的各类公务接待（含外宾接待）支出。$/);
    expect(r.glossary[6].lines).toEqual({ first: 2592, last: 2610 });
  });

  it('kashgar-poverty-alleviation-office: 8 terms (1290–1341)', () => {
    const r = seed('kashgar-poverty-alleviation-office-2021-budget');
    expect(r.glossary).toHaveLength(8);
    expect(definitionOf(r, '其他资金')).toBe('包括事业收入、事业经营收入、其他收入等。'); // 1302–1304
    expect(definitionOf(r, '基本支出')).toBe('包括人员经费、商品和服务支出（定额）。其中，人员经费包括工资福利支出、对个人和家庭的补助。'); // 1306–1310
  });

  it('kashgar-edz-party-mass-work-dept: 8 terms, one line each (1645–1659)', () => {
    const r = seed('kashgar-edz-party-mass-work-dept-2024-budget');
    expect(r.glossary).toHaveLength(8);
    expect(definitionOf(r, '财政拨款')).toBe('指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。'); // 1645
    expect(definitionOf(r, '一般公共预算')).toBe('包括公共财政拨款（补助）资金、专项收入。'); // 1647
  });

  it('julu-county-poverty-office: 10 terms numbered 1、…10、 (883–921)', () => {
    const r = seed('julu-county-poverty-office-2021-budget');
    expect(r.glossary.map((g) => g.term)).toEqual([
      '一般公共预算拨款收入',
      '事业收入',
      '其他收入',
      '基本支出',
      '项目支出',
      '上缴上级支出',
      '“三公”经费',
      '机关运行费',
      '上年结转',
      '事业单位经营支出',
    ]);
    expect(definitionOf(r, '一般公共预算拨款收入')).toBe('指县级财政当年拨付的资金。'); // 883
    expect(definitionOf(r, '事业单位经营支出')).toBe('指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。'); // 919–921
  });

  it('the evaluation report has no glossary', () => {
    expect(seed('kashgar-2021-poverty-monitoring-project-evaluation').glossary).toEqual([]);
  });

  it.skipIf(!samplesPresent)('shanghai welfare home (samples absent: skipped): 名词解释 before the tables, numbered （一）', () => {
    const r = narrativeOf(`${SAMPLES}/shanghai-putuo-social-welfare-home-2024-budget.txt`);
    // Lines 33–46, a centred title then （一）…（四）.
    expect(r.glossary.map((g) => g.term)).toEqual(['基本支出预算', '项目支出预算', '“三公”经费', '机关运行经费']);
    expect(definitionOf(r, '机关运行经费')).toBe('指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。');
  });

  it.skipIf(!samplesPresent)('shanghai final accounts (samples absent: skipped): 11 terms, one broken over odd layout lines (972–976)', () => {
    const r = narrativeOf(`${SAMPLES}/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt`);
    expect(r.glossary).toHaveLength(11);
    expect(definitionOf(r, '其他收入')).toBe('指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。');
  });

  // Plain text (no indentation), wrapped at 24 characters as a narrow PDF column prints; terms are 功能分类 paths.
  const LONG_TERMS = [
    '三、名词解释', // 1
    '1.财政拨款收入：指本级财政部门当年拨付的财政预算资', // 2
    '金。', // 3
    '2.一般公共服务支出（类）其他一般公共服务支出', // 4
    '（款）其他一般公共服务支出（项）：反映除上述项目以', // 5
    '外的其他一般公共服务支出。', // 6
    '3.教育支出（类）其他教育支出（款）其他教育支出', // 7
    '（项）：反映除上述项目以外其他用于教育方面的支出。', // 8
    '4.社会保障和就业支出（类）行政事业单位养老支出', // 9
    '- 18 -', // 10: the page's number
    '（款）机关事业单位职业年金缴费支出（项）：反映机关', // 11
    '事业单位实施养老保险制度由单位实际缴纳的职业年金支', // 12
    '出（含职业年金补记支出）。', // 13
    '四、预算公开表', // 14
  ].join('\n');

  it('a term as long as a whole 类/款/项 path is read by its shape, also where its colon wrapped onto the next line', () => {
    const r = narrativeOfText(LONG_TERMS);
    expect(r.glossary.map((g) => [g.term, g.lines])).toEqual([
      ['财政拨款收入', { first: 2, last: 3 }],
      ['一般公共服务支出（类）其他一般公共服务支出（款）其他一般公共服务支出（项）', { first: 4, last: 6 }],
      // Lines 7–8: the term's last word `（项）` opens line 8 — not a term of its own.
      ['教育支出（类）其他教育支出（款）其他教育支出（项）', { first: 7, last: 8 }],
      ['社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）', { first: 9, last: 13 }],
    ]);
    expect(r.glossary[3].definition).toBe('反映机关事业单位实施养老保险制度由单位实际缴纳的职业年金支出（含职业年金补记支出）。'); // 11–13
  });

  it('an unnumbered term whose colon ends its line takes the definition the next line opens (`事业收入：` / `指…`)', () => {
    const r = narrativeOfText(
      [
        '第四部分 名词解释', // 1
        '财政拨款收入：指财政当年拨付的资金。包括一般公共预', // 2
        '算财政拨款和政府性基金预算财政拨款。', // 3
        '事业收入：', // 4
        '指事业单位开展专业业务活动及辅助活动所取得', // 5
        '的收入。', // 6
        '结余分配：', // 7
        '指事业单位按规定从非财政补助结余中分配的事', // 8
        '业基金和职工福利基金等。', // 9
      ].join('\n'),
    );
    expect(r.glossary.map((g) => [g.term, g.definition, g.lines])).toEqual([
      ['财政拨款收入', '指财政当年拨付的资金。包括一般公共预算财政拨款和政府性基金预算财政拨款。', { first: 2, last: 3 }],
      ['事业收入', '指事业单位开展专业业务活动及辅助活动所取得的收入。', { first: 4, last: 6 }],
      ['结余分配', '指事业单位按规定从非财政补助结余中分配的事业基金和职工福利基金等。', { first: 7, last: 9 }],
    ]);
  });

  it('a definition left open goes on into the next paragraph even where it is shaped as a term (the term printed twice)', () => {
    const r = narrativeOfText(
      [
        '三、名词解释', // 1
        '1.教育支出（类）普通教育（款）职业教育（项）：', // 2: the definition opens on the next line
        '教育', // 3
        '支出（类）普通教育（款）职业教育（项）：', // 4: the term again, as printed
        '反映各部门举办的职业学校教育支出。', // 5
      ].join('\n'),
    );
    expect(r.glossary).toEqual([
      {
        term: '教育支出（类）普通教育（款）职业教育（项）',
        definition: '教育支出（类）普通教育（款）职业教育（项）：反映各部门举办的职业学校教育支出。',
        lines: { first: 2, last: 5 },
      },
    ]);
  });

  it('plain text: the title 名词解释 alone on its line, told by the item （一） after it, heads the glossary', () => {
    const r = narrativeOfText(
      [
        '具体包括： 1. 本部', // 1
        '2. 法律援助中心', // 2
        '', // 3
        '名词解释', // 4
        '（一）财政拨款收入：是本级财政部门拨付的资金。', // 5
        '（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。', // 6
        '', // 7
        '2026年部门预算编制说明', // 8
      ].join('\n'),
    );
    expect(r.glossary.map((g) => [g.term, g.lines])).toEqual([
      ['财政拨款收入', { first: 5, last: 5 }],
      ['事业收入', { first: 6, last: 6 }],
    ]);
  });
});
