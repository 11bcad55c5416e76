import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { pinTotals } from '../../src/ingest/tables/spaced/constraints.ts';
import type { RawRow } from '../../src/ingest/tables/spaced/rows.ts';

// Written for this test, after a portal page printed to PDF by Chromium and read by `pdftotext -layout`: a 收支总表
// whose income item 三、国有资本经营预算拨款收入 prints no amount (its cell empty), the expenditure item
// 三、农林水支出 1,200.00 beside it on line 12. Each side is its own row, the income one without an amount. The page
// prints most cells a single space apart (the text is read as single-space text, as the page's was).
const text = [
  '某县农业农村局2025年部门预算公开', // 1
  '第一部分 部门概况',
  '一、主要职能',
  '贯彻落实国家关于农业农村工作的方针政策。',
  '第二部分 2025年部门预算表', // 5
  '                                  表1 部门收支总表',
  '编制单位：某县农业农村局      单位：万元',
  '收入                      支出',
  '项目             预算数 项目             预算数', // 9
  '一、一般公共预算拨款收入 1,250.30 一、一般公共服务支出 0.00',
  '二、政府性基金预算拨款收入 200.00 二、社会保障和就业支出 150.30',
  '三、国有资本经营预算拨款收入          三、农林水支出   1,200.00',
  '四、事业收入         0.00     四、住房保障支出  100.00',
  '本年收入合计         1,450.30 本年支出合计    1,450.30', // 14
  '',
  '上年结转           0.00     结转下年      0.00',
  '',
  '收入总计           1,450.30 支出总计      1,450.30',
].join('\n');

describe('a 收支总表 line whose income item prints no amount', () => {
  it('is read as the income row without an amount and the expenditure row with its own', () => {
    const doc = parseDisclosure(text, { file: 't.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    const [table] = doc.tables;
    expect(table.rows.filter((r) => r.lines.first === 12).map((r) => [r.texts?.side, r.name, r.values.total])).toEqual([
      ['income', '三、国有资本经营预算拨款收入', null],
      ['expenditure', '三、农林水支出', 1200],
    ]);
    expect(table.rows.filter((r) => r.texts?.side === 'income').map((r) => r.name)).toEqual([
      '一、一般公共预算拨款收入',
      '二、政府性基金预算拨款收入',
      '三、国有资本经营预算拨款收入',
      '四、事业收入',
      '本年收入合计',
      '上年结转',
      '收入总计',
    ]);
  });

  /**
   * `pdftotext -raw` of 北京市民政局 2026 预算01表 收支总表 (../shared/samples/other-provinces/beijing-civil-affairs-2026-tables.pdf,
   * -raw L1-L13): items 三、 四、 六、 七、 and 八、 of the income side print no amount, and the expenditure item beside
   * them its own or none. Line 7 of the lines below is written for this test: a dash where 四、 prints no amount.
   */
  it('parts a -raw line at the numbered expenditure item, with or without amounts on either side', () => {
    const raw = [
      '预算01表 收支总表',
      '金额单位：万元',
      '收 入 支 出',
      '项 目 预算数 项 目 预算数',
      '一、一般公共预算拨款收入 66,197.668103 一、一般公共服务支出',
      '三、国有资本经营预算拨款收入 三、国防支出',
      '四、财政专户管理资金收入 - 四、公共安全支出',
      '五、事业收入 150.000000 五、教育支出 2,430.586195',
      '八、事业单位经营收入 八、社会保障和就业支出 62,866.330654',
      '九、其他收入 382.419289 九、卫生健康支出 3,110.216493',
      '十、节能环保支出',
    ];
    const [table] = parseTables(toSourceLines(raw.join('\n'))).tables;
    expect(table.rows.map((r) => [r.texts.side, r.name, r.values.total])).toEqual([
      ['income', '一、一般公共预算拨款收入', 66197.668103],
      ['expenditure', '一、一般公共服务支出', null],
      ['income', '三、国有资本经营预算拨款收入', null],
      ['expenditure', '三、国防支出', null],
      ['income', '四、财政专户管理资金收入', null],
      ['expenditure', '四、公共安全支出', null],
      ['income', '五、事业收入', 150],
      ['expenditure', '五、教育支出', 2430.586195],
      ['income', '八、事业单位经营收入', null],
      ['expenditure', '八、社会保障和就业支出', 62866.330654],
      ['income', '九、其他收入', 382.419289],
      ['expenditure', '九、卫生健康支出', 3110.216493],
      ['expenditure', '十、节能环保支出', null],
    ]);
  });

  /**
   * `pdftotext -raw` of 长沙职业教育基地综合协调办公室 2026 财政拨款收支总体情况表 (../shared/samples/other-provinces/
   * changsha-education-2026-budget.pdf, -raw L185-L193): both sides number their items 1、 2、 …; the expenditure side
   * prints 合计 and one column a fund.
   */
  it('parts a line at the expenditure item numbered as the income item is (1、 … 1、)', () => {
    const raw = [
      '2026年财政拨款收支总体情况表',
      '单位名称：长沙职业教育基地综合协调办公室 单位：万元',
      '收 入 支 出',
      '项目 金 额 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算',
      '一、本年收入 656.73 一、本年支出 656.73 656.73',
      '1、一般公共预算拨款收入 656.73 1、一般公共服务支出',
      '2、政府性基金预算拨款收入 2、外交支出',
      '3、国有资本经营预算拨款收入 3、公共安全支出',
      '4、教育支出 656.73 656.73',
    ];
    const [table] = parseTables(toSourceLines(raw.join('\n'))).tables;
    expect(table.rows.slice(2).map((r) => [r.texts.side, r.name, r.values.total])).toEqual([
      ['income', '1、一般公共预算拨款收入', 656.73],
      ['expenditure', '1、一般公共服务支出', null],
      ['income', '2、政府性基金预算拨款收入', null],
      ['expenditure', '2、外交支出', null],
      ['income', '3、国有资本经营预算拨款收入', null],
      ['expenditure', '3、公共安全支出', null],
      ['expenditure', '4、教育支出', 656.73],
    ]);
  });
});

/** A row of a 收入总表 as the spaced reader gives it: its name and amounts. */
function row(name: string, amounts: number[], role: RawRow['role'] = 'data'): RawRow {
  const numbers = amounts.map((value) => ({ text: String(value), value }));
  return { first: 1, last: 1, code: null, scheme: null, level: null, name, fragments: [name], numbers, role, group: null, side: null, texts: {} };
}

/**
 * 烟台市水利局 2026 (../shared/samples/other-provinces/yantai-water-2026-budget.pdf, -raw): the 收支总体情况表 (L122-L148)
 * prints 财政拨款收入 7,157.63, 一般公共预算收入 7,132.41, 政府性基金预算收入 25.22 and no amount for 国有资本经营预算收入,
 * 财政专户管理资金收入, 事业收入, 事业单位经营收入, 其他收入 and 上年结转; the 收入总体情况表's 合计 (L178) prints
 * 7,157.63 7,157.63 7,132.41 25.22 (合计, 财政拨款 小计, 一般公共预算收入, 政府性基金预算收入).
 */
describe('收入总表 合计 fixed to the 收支总表 income items', () => {
  const known = new Map([
    ['total', 7157.63],
    ['fiscal', 7157.63],
    ['general', 7132.41],
    ['fund', 25.22],
    ['state-capital', 0],
    ['fiscal-special', 0],
    ['business', 0],
    ['operating', 0],
    ['other-income', 0],
    ['carryover', 0],
  ]);
  const rows = [row('合计', [7157.63, 7157.63, 7132.41, 25.22], 'total'), row('教育支出', [6.2, 6.2, 6.2])];

  it('fixes every column it knows where the columns read leave the row room for its amounts', () => {
    const keys = ['total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special', 'business', 'operating', 'other-income', 'carryover'];
    expect(pinTotals(rows, known, keys).map((p) => [keys[p.parts[0].column], p.target])).toEqual(keys.map((k) => [k, known.get(k)]));
  });

  it('fixes no column at 0 where the columns read are too few for the row (the -raw header read as 7 of 13 columns)', () => {
    const keys = ['total', 'fiscal-special', 'business', 'operating', 'other-income', 'carryover', 'state-capital'];
    expect(pinTotals(rows, known, keys).map((p) => [keys[p.parts[0].column], p.target])).toEqual([['total', 7157.63]]);
  });
});
