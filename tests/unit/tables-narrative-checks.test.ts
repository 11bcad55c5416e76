import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/schema/common.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';
import { checkTablesAgainstNarrative } from '../../src/ingest/tables/narrative-checks.ts';
import { parseTabbedTables } from '../../src/ingest/tables/tabbed/index.ts';

function narrativeChecks(text: string, read: typeof parseTabbedTables): Check[] {
  const lines = toSourceLines(text);
  return checkTablesAgainstNarrative(lines, read(lines).tables);
}

const byId = (checks: Check[], id: string) => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('tables against the 情况说明, edz seed', () => {
  const checks = narrativeChecks(
    readFileSync('content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt', 'utf8'),
    parseTabbedTables,
  );

  it('passes where the text repeats the tables', () => {
    // L557 收支总预算 7278.68 万元 = 表1 收入总计 (L121).
    expect(byId(checks, 'narrative:total')).toMatchObject({ status: 'pass', expected: 7278.68, actual: 7278.68 });
    // L591 基本支出 539.99 万元，占 7.42% = 表3 合计 row (L254): 539.99 / 7278.68 = 7.4188 %.
    expect(byId(checks, 'narrative:expenditure-summary:basic')).toMatchObject({ status: 'pass', expected: 539.99 });
    expect(byId(checks, 'narrative:expenditure-summary:basic:share')).toMatchObject({ status: 'pass', actual: 7.42 });
    // L620 社会保障和就业支出（类）6019.36 万元，占 84.45% = 表5 row 208 (L332) of 合计 7127.71 (L379).
    expect(byId(checks, 'narrative:general-budget-expenditure:class:208')).toMatchObject({ status: 'pass', expected: 6019.36 });
    expect(byId(checks, 'narrative:general-budget-expenditure:class:208:share').status).toBe('pass');
    // L692 人员经费 444.73 万元 = 表6 合计 (L417).
    expect(byId(checks, 'narrative:general-budget-basic-expenditure:personnel')).toMatchObject({ status: 'pass', expected: 444.73 });
  });

  it('reports the source defect: the text says 7113.05 where 表4 prints 7113.0', () => {
    // L597 财政拨款收支总预算 7113.05 万元; 表4 收入总计 prints 7113.0 (L297).
    expect(byId(checks, 'narrative:fiscal-total')).toMatchObject({ status: 'fail', expected: 7113, actual: 7113.05 });
    // L601 收入预算包括：一般公共预算拨款 7113.05 万元; 表4 一般公共预算 prints 7113.0 (L267).
    expect(byId(checks, 'narrative:fiscal-appropriation-summary:general')).toMatchObject({ status: 'fail', expected: 7113, actual: 7113.05 });
    expect(checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
      'narrative:fiscal-total',
      'narrative:fiscal-appropriation-summary:general',
    ]);
  });
});

const PLANNING = '../shared/samples/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt';
const WELFARE = '../shared/samples/shanghai-putuo-social-welfare-home-2024-budget.txt';
const absent = !existsSync(PLANNING) || !existsSync(WELFARE);
if (absent) console.warn('skipping Shanghai narrative checks: ../shared/samples is not present');

describe.skipIf(absent)('tables against the 情况说明, Shanghai samples', () => {
  it('converts 元 tables to the text’s 万元', () => {
    const checks = narrativeChecks(readFileSync(WELFARE, 'utf8'), parseAlignedTables);
    // L49 收入预算1,212.12万元 = 收入预算总表 合计 12,121,164 元 (L145).
    expect(byId(checks, 'narrative:total-income')).toMatchObject({ status: 'pass', expected: 1212.1164, actual: 1212.12 });
    // L348 “三公”经费预算数为6.40万元 is compared with the 三公 table by the narrative parser (fact:three-public:table:total),
    // not a second time here.
    expect(checks.filter((c) => c.id.startsWith('narrative:three-public'))).toEqual([]);
  });

  it('joins figures wrapped over lines, and reports the text that disagrees with the tables', () => {
    const checks = narrativeChecks(readFileSync(PLANNING, 'utf8'), parseAlignedTables);
    // L586–L588 收入支出总计 / 9859.38 万元 = 收入支出决算总表 总计 (L220).
    expect(byId(checks, 'narrative:total')).toMatchObject({ status: 'pass', expected: 9859.38 });
    // L637–L639 卫生健 / 康支出（类）236.63 万元: the table prints 236.64 (L423), within rounding.
    expect(byId(checks, 'narrative:general-budget-expenditure:class:210')).toMatchObject({ status: 'pass', expected: 236.64, actual: 236.63 });
    // L785–L786 人员经费 4896.98 万元, but 基本支出决算表 prints 人员经费合计 4884.09 (L533).
    expect(byId(checks, 'narrative:general-budget-basic-expenditure:personnel')).toMatchObject({ status: 'fail', expected: 4884.09, actual: 4896.98 });
  });
});

describe('tables against the 情况说明: figures that are not the tables’ (杭州, 长沙, 佛山)', () => {
  const checks = narrativeChecks(
    [
      '（三）支出预算',
      '  2026年支出预算 665,964.37 万元，其中：基本支出 89,793.26 万元；项目支出预算 576,171.11 万元，占 86.5%。',
      '四、预算绩效管理',
      '  对 2 个项目开展重点绩效评价，涉及一般公共预算支出 120.00 万元。',
      '',
      '                     支出总表',
      '单位：万元',
      '          科目名称        合计          基本支出       项目支出',
      '合计                  665,964.37     89,793.26     576,171.11',
      '一般公共服务支出       665,964.37     89,793.26     576,171.11',
    ].join('\n'),
    parseAlignedTables,
  );

  it('项目支出预算 is the 项目支出 column, not the 支出 total', () => {
    expect(checks.filter((c) => c.id.startsWith('narrative:total-expenditure'))).toEqual([
      expect.objectContaining({ id: 'narrative:total-expenditure', status: 'pass', expected: 665964.37 }),
    ]);
    expect(byId(checks, 'narrative:expenditure-summary:project')).toMatchObject({ status: 'pass', expected: 576171.11 });
  });

  it('a share agrees within its printed rounding: 576,171.11 ÷ 665,964.37 = 86.517 % is 占 86.5%', () => {
    expect(byId(checks, 'narrative:expenditure-summary:project:share')).toMatchObject({ status: 'pass', expected: 86.516807, actual: 86.5 });
  });

  it('the funds an evaluation covered (涉及一般公共预算支出) are compared with no table', () => {
    expect(checks.filter((c) => c.id.includes(':general'))).toEqual([]);
  });
});

// 深圳 水务局 2026 -layout L390–L392: each unit's 说明 states its 在职人员经费 (深圳市水务局（本级） 5,206.17 万元); the
// 支出总表 (L2764–L4051) prints 合计 / 基本支出 / 项目支出 and no 人员经费 column. The check says the table has none.
describe('tables against the 情况说明: a figure no table prints a column for', () => {
  const checks = narrativeChecks(
    [
      '（三）支出预算',
      '  深圳市水务局（本级）预算 178,214.28 万元，包括在职人员经费 5,206.17 万元、项目支出 170,390.31 万元。',
      '',
      '                     支出总表',
      '单位：万元',
      '          科目名称        合计          基本支出       项目支出',
      '合计                  178,214.28      7,823.97     170,390.31',
    ].join('\n'),
    parseAlignedTables,
  );

  it('says which tables lack the column instead of sending the reader to one', () => {
    expect(byId(checks, 'narrative:expenditure-summary:personnel')).toMatchObject({
      status: 'not-checkable',
      message: '说明中的人员经费（人员经费5,206.17万元）= 表中人员经费一列的合计（《支出总表》没有人员经费一列）',
    });
  });
});

// A made-up 说明 whose 基本支出 is printed with a comma out of place (`89,79.26`, line 2): the core grammar reads no
// amount there, so the check compares nothing and says why, rather than reading 8979.26. 项目支出 (576,171.11) is whole.
describe('tables against the 情况说明: a figure printed out of shape', () => {
  const checks = narrativeChecks(
    [
      '（三）支出预算',
      '  2026年支出预算 665,964.37 万元，其中：基本支出 89,79.26 万元；项目支出 576,171.11 万元。',
      '',
      '                     支出总表',
      '单位：万元',
      '          科目名称        合计          基本支出       项目支出',
      '合计                  665,964.37     89,793.26     576,171.11',
    ].join('\n'),
    parseAlignedTables,
  );

  it('is not read as another amount: not checkable, the figure named', () => {
    expect(byId(checks, 'narrative:expenditure-summary:basic')).toMatchObject({
      status: 'not-checkable',
      expected: 89793.26,
      actual: null,
      message: expect.stringContaining('说明中的「89,79.26」不是完整的金额写法，无法核对'),
    });
    expect(byId(checks, 'narrative:expenditure-summary:project')).toMatchObject({ status: 'pass', actual: 576171.11 });
  });
});

// A made-up 说明 whose 基本支出 share is printed with two points (`13.4.8%`, line 2): no figure, so the share's check
// compares nothing and says why, rather than failing on NaN. 项目支出's share, 86.52 %, is 576,171.11 ÷ 665,964.37.
describe('tables against the 情况说明: a share printed out of shape', () => {
  const checks = narrativeChecks(
    [
      '（三）支出预算',
      '  2026年支出预算 665,964.37 万元，其中：基本支出 89,793.26 万元，占 13.4.8%；项目支出 576,171.11 万元，占 86.52%。',
      '',
      '                     支出总表',
      '单位：万元',
      '          科目名称        合计          基本支出       项目支出',
      '合计                  665,964.37     89,793.26     576,171.11',
    ].join('\n'),
    parseAlignedTables,
  );

  it('is not checkable, the share named; a share in shape is checked', () => {
    expect(byId(checks, 'narrative:expenditure-summary:basic:share')).toMatchObject({
      status: 'not-checkable',
      actual: null,
      message: expect.stringContaining('说明中的「13.4.8%」不是完整的百分数写法，无法核对'),
    });
    expect(byId(checks, 'narrative:expenditure-summary:basic')).toMatchObject({ status: 'pass', actual: 89793.26 });
    expect(byId(checks, 'narrative:expenditure-summary:project:share')).toMatchObject({ status: 'pass', actual: 86.52 });
  });
});

// 福州 科学技术局 2026 (other-provinces sample): the 基本支出 table prints one 预算数 column by 经济分类 (L412–L535), no
// 人员经费 / 公用经费 columns; the text (L616–L624) states 人员经费 1070.71 = 301 859.26 + 303 211.45 and 公用经费 80.68 =
// 合计 1151.39 − 1070.71 (302 商品和服务支出 alone here).
describe('人员经费 and 公用经费 of a basic-expenditure table printed by 经济分类', () => {
  const text = (personnel: string) =>
    [
      '五、一般公共预算拨款基本支出情况',
      `  2026 年度一般公共预算拨款基本支出 1151.39 万元，其中：（一）人员经费 ${personnel} 万元，主要包括：基本工资。（二）公用经费 80.68 万元，主要包括：办公费。`,
      '',
      '九、一般公共预算基本支出经济分类情况表',
      '',
      '        2026 年度一般公共预算基本支出经济分类情况表',
      '                               单位：万元',
      '科目编码                  科目名称     预算数',
      '合计                                 1151.39',
      '301      工资福利支出                      859.26',
      '30101    基本工资                        859.26',
      '302      商品和服务支出                     80.68',
      '30201    办公费                          80.68',
      '303     对个人和家庭的补助          211.45',
      '30305   生活补助                   211.45',
    ].join('\n');

  it('takes 人员经费 as 301 + 303 and 公用经费 as the rest of the 合计', () => {
    const checks = narrativeChecks(text('1070.71'), parseAlignedTables);
    expect(byId(checks, 'narrative:general-budget-basic-expenditure:personnel')).toMatchObject({ status: 'pass', expected: 1070.71 });
    expect(byId(checks, 'narrative:general-budget-basic-expenditure:public')).toMatchObject({ status: 'pass', expected: 80.68 });
    expect(byId(narrativeChecks(text('1070.00'), parseAlignedTables), 'narrative:general-budget-basic-expenditure:personnel').status).toBe('fail');
  });
});
