import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';

/** The rows of a text's one table printed on `line`: side, name, amount and flag. */
function rowsOn(raw: string[], line: number) {
  const [table] = parseTables(toSourceLines(raw.join('\n'))).tables;
  return table.rows.filter((r) => r.lines.first === line).map((r) => [r.texts.side, r.name, r.values.total, r.flag]);
}

describe('a 收支总表 line printing an income item and an expenditure item with no number or amount between them', () => {
  /**
   * `pdftotext -raw` of 烟台市水利局 2026 公开表1 收支总体情况表 (../shared/samples/other-provinces/yantai-water-2026-budget.pdf,
   * -raw L117-L148, the 类 lines between L129 and L143 left out): the items under 本年收入合计 print no number, and
   * two of their lines print an income item and the expenditure item beside it one space apart (L145, L146).
   */
  const yantai = [
    '公开表1', // 1 (L117)
    '收支总体情况表',
    '部门（单位）：烟台市水利局 单位：万元',
    '收 入 支 出',
    '项目 预算数 项目 预算数', // 5
    '一、财政拨款收入 7,157.63 一、一般公共服务支出',
    '一般公共预算收入 7,132.41 二、外交支出',
    '政府性基金预算收入 25.22 三、公共安全支出',
    '国有资本经营预算收入 四、教育支出 6.20',
    '二、财政专户管理资金收入 五、科学技术支出', // 10
    '三、事业收入（不含教育收费） 六、文化旅游体育与传媒支出',
    '四、事业单位经营收入 七、社会保障和就业支出 622.55',
    '五、其他收入 八、卫生健康支出 237.16',
    '十、城乡社区支出 25.22',
    '十一、农林水支出 5,977.95', // 15
    '十七、住房保障支出 288.55',
    '十九、国有资本经营预算支出',
    '本 年 收 入 合 计 7,157.63 本 年 支 出 合 计 7,157.63',
    '上级补助收入',
    '附属单位上缴收入 对附属单位的补助支出', // 20 (L145)
    '使用非财政拨款结余 上缴上级支出',
    '上年结转 结转下年',
    '收 入 总 计 7,157.63 支 出 总 计 7,157.63',
  ];

  it('parts them after the income item the column vocabulary names (烟台 -raw L145, L146)', () => {
    expect(rowsOn(yantai, 20)).toEqual([
      ['income', '附属单位上缴收入', null, null],
      ['expenditure', '对附属单位的补助支出', null, null],
    ]);
    expect(rowsOn(yantai, 21)).toEqual([
      ['income', '使用非财政拨款结余', null, null],
      ['expenditure', '上缴上级支出', null, null],
    ]);
    // A 类 whose name holds an income item's (国有资本经营预算 + 支出) is one name.
    expect(rowsOn(yantai, 17)).toEqual([['expenditure', '十九、国有资本经营预算支出', null, null]]);
    expect(rowsOn(yantai, 19)).toEqual([['income', '上级补助收入', null, null]]);
  });

  it('parts them printed with no space between', () => {
    const glued = yantai.map((l, i) => (i === 19 ? '附属单位上缴收入对附属单位的补助支出' : l));
    expect(rowsOn(glued, 20)).toEqual([
      ['income', '附属单位上缴收入', null, null],
      ['expenditure', '对附属单位的补助支出', null, null],
    ]);
  });

  /**
   * `pdftotext -raw` of 杭州市交通运输局 2026 表1 收支预算总表 (../shared/samples/other-provinces/hangzhou-transport-2026-budget.pdf,
   * -raw L481-L496): the expenditure side prints 类, 款 and 项 names without codes, the income side its items numbered
   * or not, and where an income item prints no amount the expenditure item's name follows it one space apart. The
   * amounts at the lines' ends are the expenditure items' (-layout L532-L537 prints them in the right-hand column).
   */
  const hangzhou = [
    '表1：2026年市级部门收支预算总表', // 1 (L481)
    '部门名称：杭州市交通运输局单位：万元',
    '收入 支出',
    '项目 预算数 项目 预算数',
    '一、财政拨款 636376.38 一般公共服务支出 6651.38', // 5
    '一般公共预算 414883.38 社会工作事务 1.98',
    '政府性基金预算 221,493.00 其他社会工作事务支出 1.98',
    '国有资本经营预算 其他一般公共服务支出 6,700.00', // 8 (L488)
    '二、财政专户管理资金 其他一般公共服务支出 6,700.00',
    '三、事业收入 9,680.97 国防支出 18.00', // 10
    '四、事业单位经营收入 国防动员 18.00',
    '五、上级补助收入 交通战备 18.00',
    '六、附属单位上缴收入 教育支出 24,310.26', // 13 (L493)
    '七、其他收入 2,048.18 职业教育 24,280.26',
    '城乡社区支出 437,000.00', // 15
    '国有土地使用权出让收入 安排的支出 211,000.00',
    '土地出让收入 城乡社区支出 5.00',
    '一、一般公共预算财政拨款收入 支出 决算数 9,746.50',
  ];

  it('parts them where the expenditure item is a 款 or 项 printed without its code (杭州 -raw L488-L493)', () => {
    expect([8, 9, 11, 12, 13].map((line) => rowsOn(hangzhou, line))).toEqual([
      [
        ['income', '国有资本经营预算', null, null],
        ['expenditure', '其他一般公共服务支出', 6700, null],
      ],
      [
        ['income', '二、财政专户管理资金', null, null],
        ['expenditure', '其他一般公共服务支出', 6700, null],
      ],
      [
        ['income', '四、事业单位经营收入', null, null],
        ['expenditure', '国防动员', 18, null],
      ],
      [
        ['income', '五、上级补助收入', null, null],
        ['expenditure', '交通战备', 18, null],
      ],
      [
        ['income', '六、附属单位上缴收入', null, null],
        ['expenditure', '教育支出', 24310.26, null],
      ],
    ]);
  });

  it('parts the carry-over lines numbered on both sides (长沙 教育 2026 -raw L147, L216)', () => {
    // 长沙职业教育基地综合协调办公室 2026 (../shared/samples/other-provinces/changsha-education-2026-budget.pdf): the
    // 收支总体情况表's `七、上年结转 六、结余分配` and the 财政拨款收支总体情况表's `二、上年结转 二、结转下年`, whose
    // expenditure items end in no 支出 (-layout L159 and L240 print them in the right-hand column).
    const changsha = ['收支总体情况表', '单位：万元', '收 入 支 出', '项目 金 额 项目 金 额', '一、本级财政拨款收入 656.73 一、基本支出 656.73', '七、上年结转 六、结余分配', '二、上年结转 二、结转下年'];
    expect([6, 7].map((line) => rowsOn(changsha, line))).toEqual([
      [
        ['income', '七、上年结转', null, null],
        ['expenditure', '六、结余分配', null, null],
      ],
      [
        ['income', '二、上年结转', null, null],
        ['expenditure', '二、结转下年', null, null],
      ],
    ]);
  });

  it('keeps one name a space cuts whole, and flags a line it cannot part for certain', () => {
    // Lines 16 to 18 are written for this test: a 项 whose name holds 收入 (as 杭州 -raw L515 prints it, a space put
    // in); words ending as an income item that the vocabulary does not name, an expenditure item after them; and an
    // income item with the header's 支出 and 决算数 run into its line (上海 规划资源局 2024 决算 in plain pdftotext
    // joins them so, L126-L130), whose amount stays its own.
    expect(rowsOn(hangzhou, 16)).toEqual([['expenditure', '国有土地使用权出让收入安排的支出', 211000, null]]);
    expect(rowsOn(hangzhou, 17)).toEqual([
      ['expenditure', '土地出让收入城乡社区支出', 5, '本行可能并排印着收入项目和支出项目，中间没有编号或金额，无法确定从哪里分开，整行按一个项目读取'],
    ]);
    expect(rowsOn(hangzhou, 18)).toEqual([['income', '一、一般公共预算财政拨款收入支出决算数', 9746.5, null]]);
  });
});
