import { describe, expect, it } from 'vitest';
import type { GlossaryEntry, Section } from '../../src/schema/narrative.ts';
import { glossaryParagraphs, isGlossarySection } from '../../src/site/glossary-paragraphs.ts';

/**
 * The 名词解释 of the 喀什 行政公署办公室 budget (content/sources/kashgar-administrative-office-2021-budget.txt,
 * lines 2553–2633) as ingest reads it, four of its eight entries: the line 名词解释：, entries 一, 二, 七 (over the
 * page break "- 46 -") and 八, and the signature and date after the last entry (lines 2623–2625).
 */
const SANGONG =
  '指自治区本级部门（单位）用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费指单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运行费指单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费指单位按规定开支的各类公务接待（含外宾接待）支出。';
const OPERATING =
  '指各部门（单位）的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用。';
const glossarySection: Section = {
  id: 's4',
  heading: '第四部分 名词解释',
  level: 1,
  paragraphs: [
    '名词解释：',
    '一、财政拨款：指由一般公共预算、政府性基金预算安排的财政拨款数。',
    '二、一般公共预算：包括公共财政拨款（补助）资金、专项收入。',
    `七、“三公”经费：${SANGONG}`,
    `八、机关运行经费：${OPERATING}`,
    '新疆维吾尔自治区喀什地区行政公署办公室2021年04月15日',
  ],
  lines: { first: 2553, last: 2633 },
};
const glossary: GlossaryEntry[] = [
  { term: '财政拨款', definition: '指由一般公共预算、政府性基金预算安排的财政拨款数。', lines: { first: 2558, last: 2560 } },
  { term: '一般公共预算', definition: '包括公共财政拨款（补助）资金、专项收入。', lines: { first: 2563, last: 2565 } },
  { term: '“三公”经费', definition: SANGONG, lines: { first: 2592, last: 2610 } },
  { term: '机关运行经费', definition: OPERATING, lines: { first: 2613, last: 2621 } },
];
/** A 情况说明 paragraph that says a definition's words: not the 名词解释, so it stays indexed. */
const prose: Section = {
  id: 's1-2',
  heading: '三、机关运行经费安排情况',
  level: 2,
  paragraphs: [`机关运行经费：${OPERATING}`],
  lines: { first: 900, last: 904 },
};

describe('glossaryParagraphs: the 正文 paragraphs its 名词解释 holds as entries', () => {
  it('marks each entry, not the line 名词解释：, the signature and date, or the same words outside the 名词解释', () => {
    const held = glossaryParagraphs({ sections: [prose, glossarySection], glossary });
    expect([...held.keys()]).toEqual(['s4']);
    expect([...held.get('s4')!]).toEqual([1, 2, 3, 4]);
  });

  it('marks the rest of a definition that a paragraph break cut off, as ingest joins it to the entry', () => {
    // A hand-made split of entry 一: ingest appends the unnumbered paragraph to the open definition.
    const split = { ...glossarySection, paragraphs: ['一、财政拨款：指由一般公共预算、', '政府性基金预算安排的财政拨款数。'] };
    expect([...glossaryParagraphs({ sections: [split], glossary }).get('s4')!]).toEqual([0, 1]);
  });

  it('finds the 名词解释 sections by an entry’s first line or by the heading', () => {
    expect(isGlossarySection(glossarySection, glossary)).toBe(true);
    expect(isGlossarySection(prose, glossary)).toBe(false);
    expect(isGlossarySection({ ...glossarySection, heading: '八、专业名词解释', lines: { first: 1, last: 2 } }, [])).toBe(true);
  });

  it('marks nothing in a document without glossary entries', () => {
    expect(glossaryParagraphs({ sections: [glossarySection], glossary: [] }).size).toBe(0);
  });
});
