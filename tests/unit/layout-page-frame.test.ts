import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/schema/table.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';
import { pageFrame } from '../../src/ingest/layout/page-frame.ts';
import { levelsOf } from '../fixtures/target-levels.ts';

// A table continued on a later page that `pdftotext -layout` sets on a grid of its own (layout/page-frame.ts): how
// the page is matched to the header's, through the readers that read it (a budget table, a form), and the matching
// of a form's page by its cells that say their column, alone.
const parse = (text: string): Table[] => parseAlignedTables(toSourceLines(text)).tables;
/** The header's columns as centres, where a frame from the cells that say their column puts them on the page. */
const saidCentres = (centres: number[], said: (number[] | undefined)[]) => {
  const frame = pageFrame({ columns: centres.map((c) => ({ start: c, end: c })) }, { said });
  return frame && 'moves' in frame ? frame.moves[0][0].map((w) => w.start) : null;
};

describe('a form’s page placed by the cells that say their column', () => {
  it('moves each column to where most of its cells stand, the others in proportion between two', () => {
    // Columns at 10, 20, 30, 40: the 一级 names stand at 6 and the 二级 names at 16 (4 left), the 三级 column says
    // nothing, the 指标值 column's signs stand at 42 (2 right); 三级, halfway from 20 to 40, moves halfway from −4 to +2.
    expect(saidCentres([10, 20, 30, 40], [[6, 6, 6], [16, 16], undefined, [42, 42]])).toEqual([6, 16, 29, 42]);
    // Left or right of every column that says where it stands, a column moves as its nearest such one.
    expect(saidCentres([10, 20, 30], [undefined, [17, 17], undefined])).toEqual([7, 17, 27]);
  });

  it('takes a column’s place only where most of its cells agree (a level name printed in the neighbour column)', () => {
    // Two of four names at 20, two at 8: no majority within a character of the median; one name alone says nothing.
    expect(saidCentres([10, 20], [[8, 8, 20, 20], [23]])).toBeNull();
    expect(saidCentres([10, 20], [[8, 8, 20], [23]])).toEqual([8, 18]);
  });
});

describe('a form continued on a page laid out apart', () => {
  // 福州's L651 form (a header wrapped around its line aside): the grid goes on over a page break, and the next page
  // prints its columns 4–9 characters left of where the header stands, the 二级 names under the header's 一级 column.
  const overPage = [
    '        河道保洁项目绩效目标表', // 1
    '',
    ' 项目名称                  河道保洁项目',
    '',
    '    一级指标    二级指标        三级指标            指标值', // 5
    '',
    '    成本指标       经济成本指标       保洁作业成本控制率           ≤100%',
    '',
    '                        7',
    '\f                   保洁河道长度              ≥120公里', // 10
    '       数量指标',
    '                   保洁作业天数              ≥300天',
    '产出指标   质量指标        河面漂浮物清除率            ≥95%',
    '       时效指标        问题处置及时率             ≥90%',
    '效益指标  生态效益指标       河道水面整洁度             持续提升', // 15
    '满意度指标  满意度指标       沿岸居民满意度             ≥90%',
    '备注',
  ].join('\n');

  it('reads a page after the header’s with its columns moved to where its level names stand', () => {
    expect(levelsOf(overPage)).toEqual([
      ['成本指标', '经济成本指标', '保洁作业成本控制率', '≤100%'],
      ['产出指标', '数量指标', '保洁河道长度', '≥120公里'],
      ['产出指标', '数量指标', '保洁作业天数', '≥300天'],
      ['产出指标', '质量指标', '河面漂浮物清除率', '≥95%'],
      ['产出指标', '时效指标', '问题处置及时率', '≥90%'],
      ['效益指标', '生态效益指标', '河道水面整洁度', '持续提升'],
      ['满意度指标', '满意度指标', '沿岸居民满意度', '≥90%'],
    ]);
  });
});

describe('aligned text: a table continued on a page set at another scale', () => {
  it('reads the page’s cells stretched to the header’s columns (杭州 表3 p. 2: 0.8 times as wide)', () => {
    // The header's page puts 总计 / 人员支出 / 日常公用支出 / 项目支出 amounts' right edges at 46, 62, 73 and 87; the
    // next page (after the form feed) at 36, 48, 59 and 69, and one-amount rows there sit nearer 日常公用支出.
    const [t] = parse(
      [
        '                             支出总表',
        '单位：万元',
        '            功能分类科目名称            总计           人员支出     日常公用支出     项目支出',
        '合计                                  1,450.00         200.00      50.00          1,200.00',
        '教育支出                              1,150.00         200.00      50.00            900.00',
        ' 职业教育                             1,150.00         200.00      50.00            900.00',
        '\f 一般行政管理事务              927.00                             927.00',
        ' 超长期特别国债安排的支出      100.00                             100.00',
        ' 公路水路运输                  150.00       40.00      10.00     100.00',
        ' 其他交通运输支出              200.00                             200.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, r.values.total, r.values.personnel, r.values.public, r.values.project])).toEqual([
      ['合计', 1450, 200, 50, 1200],
      ['教育支出', 1150, 200, 50, 900],
      ['职业教育', 1150, 200, 50, 900],
      ['一般行政管理事务', 927, null, null, 927],
      ['超长期特别国债安排的支出', 100, null, null, 100],
      ['公路水路运输', 150, 40, 10, 100],
      ['其他交通运输支出', 200, null, null, 200],
    ]);
  });
});

describe('aligned text: a continued page laid out on its own', () => {
  // pdftotext -layout of the PDF that LibreOffice wrote from the 万里街道 2025 部门预算 sample (its 收入预算总表, text
  // lines 185–205): after the form feed the page is squeezed, not scaled. 类 / 款 / 项 stand at 0, 6 and 11 (0, 11
  // and 17 on the header's page), the names at 16 (27), the amounts start at 35, 47, 59, 63 and 67 (58, 71, 81, 88
  // and 104). Read in the header's columns, the page's first two amounts ran into the names (统战事务119100119100),
  // its zeros filled 合计 and 财政拨款收入, and each 项 code was read as a 款 (the 项 rows lost their codes).
  it('each column of the page is the header page’s column of the same rank', () => {
    const [t] = parse(
      [
        '2025 年部门收入预算总表',
        '编制部门：上海市普陀区人民政府万里街道办事处                   单位：元',
        '科目编码                       科目名称                           合计           财政拨款收入    事业收入   事业单位经营          其他收入',
        '                                                                                        收入',
        '类          款     项',
        '201                        一般公共服务支出                       3296600      3296600   0      0               0',
        '           05              统计信息事务                         438300       438300    0      0               0',
        '201        05    07        专项普查活动                         438300       438300    0      0               0',
        '\f      34        统战事务               119100      119100      0   0   0',
        '201   34   02   一般行政管理事务           119100      119100      0   0   0',
        '204             公共安全支出             2878025     2878025     0   0   0',
        '      06        司法                 300000      300000      0   0   0',
        '204   06   07   公共法律服务             300000      300000      0   0   0',
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.label)).toEqual(['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    expect(t.rows.map((r) => [r.code, r.name, Object.values(r.values)])).toEqual([
      ['201', '一般公共服务支出', [3296600, 3296600, 0, 0, 0]],
      ['20105', '统计信息事务', [438300, 438300, 0, 0, 0]],
      ['2010507', '专项普查活动', [438300, 438300, 0, 0, 0]],
      ['20134', '统战事务', [119100, 119100, 0, 0, 0]],
      ['2013402', '一般行政管理事务', [119100, 119100, 0, 0, 0]],
      ['204', '公共安全支出', [2878025, 2878025, 0, 0, 0]],
      ['20406', '司法', [300000, 300000, 0, 0, 0]],
      ['2040607', '公共法律服务', [300000, 300000, 0, 0, 0]],
    ]);
  });

  // The 万里街道 2024 sample's own text (收入预算总表, lines 345–350): the 合计 row alone on the table's last page, its
  // amounts where the page sets them. Its columns are not the header page's (no codes), so the page was read in the
  // header's columns as printed, the first 0 taken into the name (合计0) and 其他收入 left empty.
  it('a page of other columns than the header page’s, with an amount for each column, takes them in order', () => {
    const [t] = parse(
      [
        '2024年部门收入预算总表',
        '编制部门：上海市普陀区人民政府万里街道办事处                                                                单位：元',
        '                   项目                                          收入预算',
        '功能分类科目编码                                                                  事业单位',
        '                       功能分类科目名称        合计         财政拨款收入       事业收入                  其他收入',
        '类     款    项                                                              经营收入',
        '201             一般公共服务支出              2,932,700    2,932,700          0          0          0',
        '221   03   99   其他城乡社区住宅支出              2,177,200    2,177,200          0          0          0',
        '\f合计   156,211,123   156,211,123   0   0   0',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, Object.values(r.values)])).toEqual([
      ['一般公共服务支出', [2932700, 2932700, 0, 0, 0]],
      ['其他城乡社区住宅支出', [2177200, 2177200, 0, 0, 0]],
      ['合计', [156211123, 156211123, 0, 0, 0]],
    ]);
  });

  // pdftotext -layout of the PDF that LibreOffice wrote from the 喀什经济开发区党群工作部 2024 sample (its 一般公共预算支出情况表,
  // text lines 371–421): the header ends its page, the rows start the next, where 类 / 款 / 项 stand at 0, 6 and 11
  // (the labels at 0, 11 and 19) and the amounts start at 38, 48 and 57 (合计 at 56, 基本支出 at 61, 项目支出 at 68).
  // No row of the header's page says where its columns print: read in the labels' places, a 项目支出 amount was
  // a 基本支出 one and the 款 and 项 codes fell into one piece (培训支出 without its code 2050803).
  it('a page after a header without rows puts its amounts and codes under the header’s columns in order', () => {
    const [t] = parse(
      [
        '一般公共预算支出情况表',
        '编制单位：新疆维吾尔自治区喀什地区喀什经济开发区党群工作部',
        '单位：万元',
        '项目                          一般公共预算支出',
        '功能分类科目编码                    功能分类科目名称                         合计   基本支出   项目支出',
        '类          款       项',
        '\f205             教育支出                  25                 25',
        '205   08        进修及培训                 25                 25',
        '205   08   03   培训支出                  25                 25',
        '208             社会保障和就业支出             6019.36   511.78   5507.59',
        '208   05   06   机关事业单位职业年金缴费支出        12.72     12.72',
        '208   07        就业补助                  2954               2954',
        '208   07   02   职业培训补贴                152                152',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values.total, r.values.basic, r.values.project])).toEqual([
      ['205', '教育支出', 25, null, 25],
      ['20508', '进修及培训', 25, null, 25],
      ['2050803', '培训支出', 25, null, 25],
      ['208', '社会保障和就业支出', 6019.36, 511.78, 5507.59],
      ['2080506', '机关事业单位职业年金缴费支出', 12.72, 12.72, null],
      ['20807', '就业补助', 2954, null, 2954],
      ['2080702', '职业培训补贴', 152, null, 152],
    ]);
  });
});

describe('aligned text: a continued page whose codes stand where no amount does', () => {
  // pdftotext -layout of the PDF that LibreOffice 7.4 wrote from the 喀什地区扶贫开发办公室 seed as a Word document (its
  // 收支总体情况表 with the expenditure code in a cell of its own): the table goes on over a page break (\f) with
  // rows whose income side prints no amount, so that page's numbers are the codes 203 … 208 and one 86.86. Taken for
  // amounts, the codes fitted the income column better on a grid 0.7 times as wide, the page was stretched, and each
  // code became the income row's amount (政府性基金预算 203) while the expenditure names ran together.
  it('does not judge the page’s scale by the codes before names', () => {
    const [t] = parse(
      [
        '收支总体情况表',
        '编制部门：新疆维吾尔自治区喀什地区扶贫开发办公室 单位：万元',
        '收入                                         支出',
        '项目                               预算数       功能分类              预算数',
        '财政拨款（补助）                         1439.48   201    一般公共服务支出',
        '一般公共预算                           1439.48   202    外交支出',
        '\f政府性基金预算                                        203            国防支出',
        '国有资本经营预算                                       204            公共安全支出',
        '财政专户（教育收费）                                     205            教育支出',
        '事业收入                                           206            科学技术支出',
        '事业单位经营收入                                       207            文化旅游体育与传媒支出',
        '单位其他资金收入                                       208            社会保障和就业支出                       86.86',
      ].join('\n'),
    );
    const side = (s: string) => t.rows.filter((r) => r.texts.side === s).map((r) => [r.code, r.name, r.values.total]);
    expect(side('income')).toEqual([
      [null, '财政拨款（补助）', 1439.48],
      [null, '一般公共预算', 1439.48],
      [null, '政府性基金预算', null],
      [null, '国有资本经营预算', null],
      [null, '财政专户（教育收费）', null],
      [null, '事业收入', null],
      [null, '事业单位经营收入', null],
      [null, '单位其他资金收入', null],
    ]);
    expect(side('expenditure')).toEqual([
      ['201', '一般公共服务支出', null],
      ['202', '外交支出', null],
      ['203', '国防支出', null],
      ['204', '公共安全支出', null],
      ['205', '教育支出', null],
      ['206', '科学技术支出', null],
      ['207', '文化旅游体育与传媒支出', null],
      ['208', '社会保障和就业支出', 86.86],
    ]);
  });
});

describe('aligned text: a continued page fitted to where the header’s page prints its amounts', () => {
  // The geometry of 北京 民政 2026 预算06表 (-layout text L392–L460), values of our own: the labels 合计 / 人员经费 /
  // 公用经费 stand at 46–48, 61–65 and 76–80, the header page's amounts end at 57–58, 72–73 and 87–88. The next page
  // (line 13 on) ends them at 55–56, 71 and 86–87. Fitted to the labels, that page was squeezed (北京's p. 16: 0.92
  // times as wide), its 合计 row's amounts, the one row printing all three, became the windows, and every 人员经费
  // amount ending at 72–73 on the header's page was read as 公用经费 (30107 绩效工资 in the source).
  it('keeps each amount in the column it prints under', () => {
    const [t] = parse(
      [
        '                           预算06表 一般公共预算基本支出表', // 1
        '                                                                             金额单位：万元',
        '',
        '                                                             预算数',
        '       政府支出经济分类科目              部门支出经济分类科目', // 5
        '                                              合计             人员经费           公用经费',
        '',
        '50101-工资奖金津补贴       30101-基本工资                1,000.000000   1,000.000000',
        '50101-工资奖金津补贴       30107-绩效工资                 200.000000     200.000000',
        '50102-社会保障缴费        30109-职业年金缴费               100.000000     100.000000', // 10
        '50201-办公经费          30201-办公费                  120.000000                     120.000000',
        '50201-办公经费          30202-印刷费                    11.000000                    11.000000',
        '\f50299-其他商品和服务支出      30299-其他商品和服务支出          400.000000                     400.000000',
        '50901-社会福利和救助       30304-抚恤金                300.000000      300.000000',
        '50901-社会福利和救助       30305-生活补助                 3.000000        3.000000', // 15
        '50901-社会福利和救助       30309-奖励金                 18.000000       18.000000',
        '50999-其他对个人和家庭补助     30399-其他对个人和家庭的补助     1,000.000000    1,000.000000',
        '                                   合   计   3,152.000000    2,621.000000     531.000000', // 18
      ].join('\n'),
    );
    // 合计 3,152 = the ten rows; 人员经费 2,621 = 1,000 + 200 + 100 + 300 + 3 + 18 + 1,000; 公用经费 531 = 120 + 11 + 400.
    expect(t.rows.map((r) => [r.texts['economic-subject'] ?? r.name, r.values.total, r.values.personnel, r.values.public])).toEqual([
      ['30101-基本工资', 1000, 1000, null],
      ['30107-绩效工资', 200, 200, null],
      ['30109-职业年金缴费', 100, 100, null],
      ['30201-办公费', 120, null, 120],
      ['30202-印刷费', 11, null, 11],
      ['30299-其他商品和服务支出', 400, null, 400],
      ['30304-抚恤金', 300, 300, null],
      ['30305-生活补助', 3, 3, null],
      ['30309-奖励金', 18, 18, null],
      ['30399-其他对个人和家庭的补助', 1000, 1000, null],
      ['合计', 3152, 2621, 531],
    ]);
  });
});

describe('aligned text: a continued page squeezed where the header’s page prints columns no row fills', () => {
  // The geometry of 杭州 交通运输局 2026 表10 (-layout text L964–L1010), values of our own: the header's six amount
  // columns, its 合计 (line 8) filling 总计 / 一般公共预算 / 政府性基金 / 单位资金 (right edges 51, 67, 82 and 108) and
  // leaving 国有资本经营预算 and 财政专户管理资金 blank. The next page (line 11 on) prints only what its rows fill, its
  // amounts ending at 44, 53, 65 and 75–76: its 单位资金 stood nearest 国有资本经营预算 once stretched, and was read so.
  it('reads the page’s columns as the columns its 合计 fills, in order', () => {
    const [t] = parse(
      [
        '                       项目支出预算表', // 1
        '部门名称：某某局                                                                                                        单位：万元',
        '                                                                      财政拨款收入',
        '                                                                                            财政专户',
        '     单位名称                    项目名称         总计                                         国有资本          单位资金', // 5
        '                                                        一般公共预算          政府性基金               管理资金',
        '                                                                                     经营预算',
        '                  合计                       1,000.00          600.00         300.00                    100.00',
        '某某局               日常保障运行                     500.00          450.00                                    50.00',
        '某某局               公路养护                       300.00          100.00         200.00', // 10
        '\f某某中心            日常保障运行                 70.00    50.00                 20.00',
        '某某中心            课题研究                   30.00                           30.00',
        '某某中心            重大项目建设                100.00               100.00', // 13
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'general', 'fund', 'state-capital', 'fiscal-special', 'unit-funds']);
    // 合计 1,000 = 500 + 300 + 70 + 30 + 100; 一般公共预算 600 = 450 + 100 + 50; 政府性基金 300 = 200 + 100;
    // 单位资金 100 = 50 + 20 + 30.
    const values = (r: Table['rows'][number]) => t.columns.map((c) => r.values[c.key]);
    expect(t.rows.map((r) => [r.lines.first, values(r)])).toEqual([
      [8, [1000, 600, 300, null, null, 100]],
      [9, [500, 450, null, null, null, 50]],
      [10, [300, 100, 200, null, null, null]],
      [11, [70, 50, null, null, null, 20]],
      [12, [30, null, null, null, null, 30]],
      [13, [100, null, 100, null, null, null]],
    ]);
  });
});
