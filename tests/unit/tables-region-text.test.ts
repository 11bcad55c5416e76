import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredEmptyKinds, declaresEmpty, endsTablePart, isCompilerLine, TableNotes } from '../../src/ingest/tables/shared/region-text.ts';
import { statedUnit, statedUnits } from '../../src/core/units.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// The words around a table, as the three readers (aligned, tabbed, spaced) all read them. Every line is printed in a
// source: the file and line are given with it.
describe('shared region text', () => {
  it('reads the unit a table states, also run on to the department line', () => {
    // 杭州市交通运输局 2026 部门预算, 表1 收支预算总表 (pdftotext -raw, line 482): extraction glued the unit to the name.
    expect(statedUnit('部门名称：杭州市交通运输局单位：万元')).toBe('万元');
    // 西安市交通运输局 2022 部门预算 (pdftotext -raw, line 338).
    expect(statedUnit('预算单位：西安市交通运输局 金额单位：万元')).toBe('万元');
    // content/sources/julu-county-poverty-office-2021-budget.txt line 865: a compiler line without a unit.
    expect(statedUnit('编制部门：巨鹿县扶贫开发办公室 截止时间：2020 年 12 月 31 日')).toBeNull();
    // ../shared/samples/shanghai-putuo-government-office-2025-unit-budget.txt line 127: the compiler line is not the unit,
    // and the document's unit counts each statement once (core/units.ts statedUnits, metadata readUnit).
    expect(statedUnits('编制单位：上海市普陀区人民政府办公室                                单位：元')).toEqual(['元']);
  });

  it('finds the table a note or the 情况说明 declares empty', () => {
    // content/sources/kashgar-administrative-office-2021-budget.txt line 1109.
    const note = '备注：新疆维吾尔自治区喀什地区行政公署办公室2021年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。';
    expect(declaresEmpty(note)).toBe(true);
    expect([...declaredEmptyKinds([note])]).toEqual(['government-fund-expenditure']);
    // The same statement in the 情况说明, wrapped over lines 1690 and 1693.
    expect([...declaredEmptyKinds(['使用政府性基金预算拨款安排的支出，政府性基金预算支出', '', '情况表为空表。'])]).toEqual([
      'government-fund-expenditure',
    ]);
  });

  it('takes a compiler line by any label of the bodies\' vocabulary, a bare 部门：/单位： only before a body or a unit', () => {
    // foshan-rail-transit-bureau-2019-final-accounts.txt line 93 (and 18 more, one over each table): label 部门：.
    expect(isCompilerLine('部门： 佛山市轨道交通局                                                           单位：万元')).toBe(true);
    expect(isCompilerLine('部门： 佛山市轨道交通局')).toBe(true);
    // The labels the other documents print, as made-up lines.
    for (const line of ['编制部门：某县财政局', '编制单位：（盖章）', '单位名称：某县财政局', '预算单位：某县财政局 金额单位：万元', '填报单位：某县财政局', '主管部门：某县财政局', '预算主管部门（单位）：某县财政局', '单位：万元', '单位：元']) {
      expect(isCompilerLine(line), line).toBe(true);
    }
    // Not a column header, a table row or a sentence that opens with 部门/单位.
    for (const line of ['部门\t单位名称\t金额', '部门经济分类科目\t合计', '单位：个', '部门：负责全市轨道交通行业管理，组织拟订发展政策。', '部门预算收支总表']) {
      expect(isCompilerLine(line), line).toBe(false);
    }
  });
});

const FOSHAN = '../shared/samples/other-provinces/foshan-rail-transit-bureau-2019-final-accounts.txt';
describe.skipIf(!existsSync(FOSHAN))('the 部门： line over each table of a real document', () => {
  it('佛山市轨道交通局 2019 决算: every table has its unit, the department is the labelled one', () => {
    const text = readFileSync(FOSHAN, 'utf8');
    const lines = text.split('\n');
    // Lines 93, 127, 166 … 670: 19 lines `部门： 佛山市轨道交通局 … 单位：万元`, each a compiler line.
    const labelled = lines.flatMap((l, i) => (/^部门：/.test(l) ? [i + 1] : []));
    expect(labelled.slice(0, 3)).toEqual([93, 127, 166]);
    expect(labelled).toHaveLength(19);
    expect(labelled.every((n) => isCompilerLine(lines[n - 1]))).toBe(true);
    const doc = parseDisclosure(text, { file: FOSHAN, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.department).toBe('佛山市轨道交通局');
    expect(doc.tables.map((t) => t.unit)).toEqual(Array(8).fill('万元'));
    // 表2 收入决算表 (lines 188-246, its second page from 228): line 240 `221 住房保障支出 60.87 60.87 …`, its code a code and not a name.
    expect(doc.tables[1].rows.find((r) => r.lines.first === 240)).toMatchObject({ code: '221', name: '住房保障支出' });
  });
});


// The notes under a table, as the aligned and single-space finders end a table at them (shared TableNotes). Lines
// from the other provinces' `-layout` text (/tmp/in/optxt) and the 上海 final accounts template (plain pdftotext).
describe('the notes under a table', () => {
  const taken = (lines: string[], opensRow = false) => {
    const notes = new TableNotes();
    return lines.map((l) => notes.take(l, () => opensRow));
  };

  it('runs a note on over the line its sentence goes on in, and stops after the full stop', () => {
    // fuzhou-science-2026-budget.txt L380-L381, then the next part's heading (L387, after the page number).
    expect(taken(['备注：本单位 2026 年没有使用国有资本经营预算拨款安排的支', '出。', '八、一般公共预算支出经济分类情况表'])).toEqual([true, true, false]);
    // foshan-rail-transit-bureau-2019-final-accounts.txt L622-L623.
    expect(
      taken([
        '注：本表反映部门本年度财政拨款“三公”经费支出情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前',
        '年度结转资金安排的实际支出。本表金额转换为万元时，因四舍五入可能存在尾差。',
        '表8',
      ]),
    ).toEqual([true, true, false]);
  });

  it('runs on over a line ending in a colon and the statement it introduces', () => {
    // national-final-accounts-template.txt L618-L620.
    expect(
      taken([
        '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。',
        '无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：',
        '说明：上海市 XX 局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
      ]),
    ).toEqual([true, true, true]);
  });

  it('takes neither the next table’s number nor a row after an open note, nor anything before a note', () => {
    // jiangsu-cppcc-office-2018-budget-tables.txt L268-L269 (`-layout`): the next table's number under the note.
    expect(taken(['注：本部门无该项目', '公开11表'])).toEqual([true, false]);
    expect(taken(['注：单位为万元', '合计 10.00'], true)).toEqual([true, false]);
    expect(taken(['本单位无政府性基金预算收支', '注：单位为万元'])).toEqual([false, true]);
  });

  it('opens with a short line saying the table is empty, 注： or not; a longer one is a paragraph', () => {
    // Made up: the statement a Word document prints under an empty table, and a 情况说明's sentence over 80 characters.
    expect(taken(['本表无数据。', '三、其他重要事项的情况说明'])).toEqual([true, false]);
    const paragraph = `本单位2026年没有使用政府性基金预算拨款安排的支出，${'故政府性基金预算支出情况表为空表，'.repeat(4)}特此说明。`;
    expect(paragraph.length).toBeGreaterThan(80);
    expect(taken([paragraph])).toEqual([false]);
    expect(taken(['不涉及'], true)).toEqual([false]);
  });

  it('where a line is a whole paragraph (tab-separated text), runs a note on over no line for its missing full stop', () => {
    const notes = new TableNotes(false);
    expect(['注：本表无数据的项目不列示', '三、其他重要事项的情况说明'].map((l) => notes.take(l, () => false))).toEqual([true, false]);
  });
});

// Where a document's tables stop, as the aligned and single-space finders both ask (shared endsTablePart). Lines from the
// other provinces' `pdftotext -raw` text (/tmp/in/opraw), plain pdftotext (/tmp/in/opdef, /tmp/in/shdef).
describe('the line where the tables stop', () => {
  it('is a target form’s title or a heading of the prose after the tables', () => {
    for (const line of [
      '十二、项目支出绩效目标表', // beijing-civil-affairs-2026-notes.txt L23
      '预算表12 项目支出绩效目标表', // beijing-civil-affairs-2026-tables.txt (-layout) L679, trimmed
      '第三部分', // fuzhou-science-2026-budget.txt (-layout) L551, trimmed
      '第一部分 2026 年度部门预算情况说明', // beijing-civil-affairs-2026-notes.txt L4
      '六、名词解释', // beijing-civil-affairs-2026-notes.txt L10
      '三、部门收支总体情况', // changsha-education-2026-budget.txt L46
      '二、一般公共预算拨款支出情况', // fuzhou-science-2026-budget.txt L498
    ]) {
      expect(endsTablePart(line), line).toBe(true);
    }
  });

  it('is not an item of a table printed without its amounts, nor a header naming a 说明 column', () => {
    for (const line of [
      '七、文化旅游体育与传媒支', // foshan-rail-transit-bureau-2019-final-accounts.txt L246, the label wrapped (出 L247)
      '二十一、灾害防治及应急管理支', // the same, L104
      '三、单位预留机动经费', // jiangsu-cppcc-office-2018-budget-tables.txt (opdef) L50, its amount L52
      '二、政府性基金', // shanghai-putuo-government-office-2025-unit-budget.txt (shdef) L678
      '编码 预算金额 说明', // xian-transport-2022-budget.txt L1225, the 政府采购 table's header
      '注：本项目绩效目标详见项目支出绩效表。', // made up: a sentence naming a form is no title
      '注：各项目的绩效目标详见项目支出绩效目标表。', // made up: a note naming the target tables stays the table's
    ]) {
      expect(endsTablePart(line), line).toBe(false);
    }
  });
});
