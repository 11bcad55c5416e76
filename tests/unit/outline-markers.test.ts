import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterMarker, bareMarker, markerOf, withoutMarker } from '../../src/core/outline.ts';
import { itemDepth, opensItem, withoutItemMarkers } from '../../src/ingest/layout/cell-text.ts';
import { isOutlineHeading } from '../../src/ingest/performance/level-state.ts';
import { headingLevel, lineMarker } from '../../src/ingest/narrative/headings.ts';
import { spelledOutside } from '../fixtures/source-files.ts';

// Issue 10, "each idea once": the outline markers (第一部分, 一、, （一）, （1）, 1.) are known in one place,
// src/core/outline.ts. Every example below is a line as printed, found by hand in the file named beside it.
describe('outline markers', () => {
  it('reads each form with its level', () => {
    // ../shared/samples/national-final-accounts-template.txt lines 6, 8, 412, 439; seeds/kashgar-2021-poverty-monitoring-project-evaluation.txt line 68.
    expect(markerOf('第一部分 上海市 XX 局概况')).toEqual({ kind: 'part', level: 1, length: 4 });
    expect(markerOf('一、主要职能')).toEqual({ kind: 'cn', level: 2, length: 2 });
    expect(markerOf('（一）一般公共预算财政拨款支出决算总体情况')).toEqual({ kind: 'paren', level: 3, length: 3 });
    expect(markerOf('（1）项目主要内容')).toEqual({ kind: 'paren-digit', level: 4, length: 3 });
    expect(markerOf('1、教育支出（类）普通教育（款）初中教育（项）')).toEqual({ kind: 'digit', level: 4, length: 2 });
  });

  it('folds width and mixed brackets', () => {
    // ../shared/samples/other-provinces/changsha-education-2026-budget.txt line 109 (full-width stop);
    // seeds/kashgar-poverty-alleviation-office-2021-budget.txt line 10 (half-width open, full-width close).
    expect(markerOf('1．机关运行经费：是指各部门的公用经费')?.kind).toBe('digit');
    expect(markerOf('(一）贯彻执行国家、自治区关于扶贫开发和水库移民扶')?.kind).toBe('paren');
  });

  it('is read from the first printed character: full-width, after a bold mark, never after other text', () => {
    // Lines written for this test: each form opened by a character that folds to its opener, and the same
    // markers behind a character no marker opens with.
    expect(markerOf('１２．培训费')).toEqual({ kind: 'digit', level: 4, length: 3 });
    expect(markerOf('（３）差旅费')?.kind).toBe('paren-digit');
    expect(markerOf('〇、其他')?.kind).toBe('cn');
    expect(markerOf('说明：一、主要职能')).toBeNull();
    expect(markerOf(' 一、主要职能')).toBeNull();
    expect(lineMarker('  **二、部门预算单位构成**')?.level).toBe(2);
    expect(headingLevel('**（三）项目支出情况**')).toBe(3);
    expect(headingLevel('  ２．机关运行经费')).toBe(4);
    expect(headingLevel('本部门 2025 年无政府采购预算')).toBeNull();
  });

  it('is no marker where a number is an amount, a year or a table number', () => {
    // seeds/kashgar-2021-poverty-monitoring-project-evaluation.txt line 391 (83.9 万户); a title's year and a table's number.
    expect(markerOf('83.9 万户 342.59 万人')).toBeNull();
    expect(markerOf('2025年部门财务收支预算总表')).toBeNull();
    expect(markerOf('表一')).toBeNull();
    expect(markerOf('一是根据所收集的资料')).toBeNull();
  });

  it('keeps a reader to the forms it accepts', () => {
    expect(markerOf('（一）因公出国（境）支出', ['cn'])).toBeNull();
    expect(afterMarker('  二、部门决算单位构成 ')).toBe('部门决算单位构成');
    expect(afterMarker('第三部分 上海市 XX 局 2024 年度部门决算情况说明', ['cn'])).toBeNull();
    expect(withoutMarker('一、财政拨款收入', ['cn'])).toBe('财政拨款收入');
    expect(withoutMarker('财政拨款收入', ['cn'])).toBe('财政拨款收入');
    expect(bareMarker('（一）')?.kind).toBe('paren');
    expect(bareMarker('（一）因公出国（境）费用')).toBeNull();
  });
});

describe('item markers of a table row', () => {
  it('number the items and their parts', () => {
    // ../shared/samples/national-final-accounts-template.txt line 14 (一、收入支出决算总表 as the item of a list);
    // ../shared/samples/other-provinces/fuzhou-science-2026-budget.txt line 544, guangzhou-water-2026-budget.txt line 576.
    expect(itemDepth('一、财政拨款收入')).toBe(1);
    expect(itemDepth('1.房屋')).toBe(2);
    expect(itemDepth('（一）因公出国（境）支出')).toBeNull();
    expect(opensItem('其中：（1）公务用车购置费')).toBe(true);
    expect(opensItem('（一）因公出国（境）支出')).toBe(true);
    expect(opensItem('（1）公务用车购置费')).toBe(false);
    expect(withoutItemMarkers('其中：（1）公务用车购置费')).toBe('公务用车购置费');
    expect(withoutItemMarkers('其中：（一）因公出国（境）支出')).toBe('因公出国（境）支出');
  });

  it('end a target table at the next heading, not at a bracketed cell', () => {
    // seeds/kashgar-2021-poverty-monitoring-project-evaluation.txt line 72.
    expect(isOutlineHeading('（2）项目实施情况')).toBe(true);
    expect(isOutlineHeading('（2）')).toBe(false);
    expect(isOutlineHeading('第二部分 上海市 XX 局 2024 年度部门决算表')).toBe(true);
  });
});

// A reader that spells a marker form itself would drift from the others (one accepting `一.`, another not).
const OWN_MARKER = [
  /(?<!表)\[一二三四五六七八九十[^\]]*\]\+?(?:\\s\*)?(?:、|\[[^\]]*、)/, // 一、 / 一.
  /第\[一二三四五六七八九十/, // 第一部分
  /\[[（(]{2}\]\\s\*\[一二三四五六七八九十|\[[（(]{2}\]\[一二三四五六七八九十/, // （一）
  /\\d(?:\+|\{1,\d\})(?:\\s\*)?\[[^\]]*、/, // 1、 / 1.
  /\[[（(]{2}\]\\d(?!\{\d\})/, // （1）
];

describe('outline markers are known in one place', () => {
  it('no reader defines its own marker pattern', () => {
    expect(spelledOutside(join('src', 'core', 'outline.ts'), OWN_MARKER)).toEqual([]);
  });
});
