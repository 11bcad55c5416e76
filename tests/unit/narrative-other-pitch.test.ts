import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { fact, narrativeOfText } from './narrative-seed.ts';

// Prose extracted at a finer character pitch than the PDF's (`pdftotext -layout -fixed 4`): a paragraph's first-line
// indentation of two ideographs prints eight columns deep, past a margin of 22. 深圳 水务局 2026 部门预算, lines
// 1776–1786 (trailing spaces cut).
const SHENZHEN_PROCUREMENT_PF4 = [
  "",
  "",
  "                                       第四部分                       政府采购预算情况",
  "",
  "                              深圳市水务局纳入                        2026     年部门预算的政府采购项目共有",
  "",
  "                      62,615.54         万元，其中：货物类项目                                 1,936.78        万元、工程类项",
  "",
  "                      目 1,213.76 万元、服务类项目 59,465.00 万元。",
  "",
  "",
];

describe('a paragraph indented from a deep margin', () => {
  it('opens a paragraph, not a centred title: its indentation counts from the margin (深圳 政府采购 at pitch 4)', () => {
    const d = parseDisclosure(SHENZHEN_PROCUREMENT_PF4.join('\n') + '\n', { file: 'pitch.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(d.sections.map((s) => s.heading)).toEqual(['第四部分 政府采购预算情况']);
    // L1780 `深圳市水务局纳入  2026  年部门预算的政府采购项目共有` / L1782 `62,615.54  万元，其中：货物类项目 …`
    const total = d.facts.find((f) => f.id === 'procurement.total');
    expect(total?.value).toBe(62615.54);
  });
});


// Prose extracted at a finer character pitch than the PDF's (`pdftotext -layout -fixed 4`): the page's margin and a
// paragraph's first-line indent print many columns wide, and words stand apart where the PDF spaced them.

// 佛山 轨道交通局 2019 部门决算, 第三部分 三、, `pdftotext -layout -fixed 4` of the published PDF, lines 762–784: the
// margin is 19 columns, a paragraph's first line stands 10 further in (L772 `佛山市轨道交通局 … 支出决` at 29, its words
// 25 columns apart), a heading 8 (L771 `（一）…总体情况说明` at 27).
const FOSHAN_3_PUBLIC = [
  "                   元。其中：一般公共预算财政拨款支出                                                   1668.14 万元，比年初预",
  "                   算数增加 1668.14 万元，增长 0%；主要是因为我局去年预算数",
  "",
  "                   为    0，因此增长率为                       0% ；政府性基金预算财政拨款支出                                             0 万元，",
  "",
  "                   比年初预算数增加                         0 万元，主要是因为我局为新成立单位，无年",
  "                   初预算数。",
  "                           三、        2019 年度一般公共预算财政拨款“三公”经费支出决",
  "                   算情况说明",
  "                           （一）“三公”经费财政拨款支出决算总体情况说明",
  "                             佛山市轨道交通局                         2019 年度“三公”经费财政拨款支出决",
  "                   算为       0.16 万元，完成预算                          0 万元的           0% 。其中：因公出国（境）",
  "                   费支出决算为                   0 万元，完成预算 0 万元的                                0% ；公务用车购置及",
  "                   运行费支出决算为                         0 万元，完成预算                       0 万元的          0% ；公务接待费",
  "                   支出决算为                0.16 万元，完成预算                          0 万元的          0% 。",
  "                             2019 年度“三公”经费支出决算大于 预算数的主要情况：",
  "                   因为我局为                2019 年新成立单位，成立时间晚于预算数制定时间，",
  "                   预算数为 0，因此，“三公”经费支出的决算数大于预算数。",
  "                           （二）“三公”经费财政拨款支出决算具体情况说明",
  "                             2019 年“三公”经费财政拨款支出决算中，因公出国（境）",
  "                   费    0 万元，占              0% ；公务用车购置及运行费支出                                         0 万元 ；公务接",
  "                   待费支出 0.16 万元，占                             100.0% 。具体情况如下：",
  "                           1.因公出国（境）费支出                                0 万元。全年使用财政拨款安排局",
];

describe('a paragraph whose first line stands in as far as a title did at the default pitch', () => {
  it('opens a paragraph under its heading, not a section of its own (佛山 “三公” 说明 at pitch 4)', () => {
    const d = narrativeOfText(FOSHAN_3_PUBLIC.join('\n') + '\n');
    const headings = d.sections.map((s) => s.heading);
    expect(headings).toContain('（一）“三公”经费财政拨款支出决算总体情况说明');
    expect(headings.some((h) => h?.startsWith('佛山市轨道交通局'))).toBe(false);
    const s = d.sections.find((x) => x.heading === '（一）“三公”经费财政拨款支出决算总体情况说明')!;
    // L772–L773 `佛山市轨道交通局  2019 年度“三公”经费财政拨款支出决` / `算为  0.16 万元，完成预算 …`
    expect(s.paragraphs[0]).toMatch(/^佛山市轨道交通局 2019 年度“三公”经费财政拨款支出决算为 0\.16 万元/);
    const total = fact(d, 'three-public.total');
    expect(total?.value).toBe(0.16);
    expect(total?.lines).toEqual({ first: 11, last: 12 }); // L772–L773
  });
});
