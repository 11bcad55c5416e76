import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/schema/table.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';
import { alignedHeader } from '../../src/ingest/tables/aligned/header.ts';
import { alignedCells, isAmountCell } from '../../src/ingest/layout/cells.ts';

// Small `pdftotext -layout` fixtures, one per failure class of the text route (issue 10, point 6). Each is written
// the way the samples print it; the expected values are the fixture's own numbers.
const parse = (text: string): Table[] => parseAlignedTables(toSourceLines(text)).tables;

// 杭州交通 2026 表2 收入预算总表's header (hangzhou-transport-2026-budget.txt L591–L599), as printed.
const HANGZHOU_T2_HEADER = [
  '                                                                         本年收入                                                                       上年结转结余',
  '',
  '                                                                   国有资   财政专                事业单                                                    政府性             财政专',
  '    单位名称       总计                         一般公共        政府性基                                           上级补   附属单位    其他                   一般公                 国有资本         单位资',
  '                             小计                                    本经营   户管理    事业收入        位经营                                小计                  基金预             户管理',
  '                                            预算         金预算                                           助收入   上缴收入    收入                   共预算                 经营预算         金',
  '                                                                   预算    资金                     收入                                                  算              资金',
  '',
  '     **          1             2             3            4         5     6        7            8     9     10      11          12        13        14       15     16    17',
];

describe('aligned text: failure classes of pdftotext -layout', () => {
  // A PDF that LibreOffice wrote from a Word document prints the 编制单位 paragraph and its 单位 in one run (no gap to
  // cut it at); that long run was taken for the first line of prose, and the table ended before its header.
  // The same PDF sets amounts flush left in their cells, three columns left of the labels over them: a whole number
  // there was read as a code run into the row's name (就业管理事务8, its 合计 empty).
  it('a whole number set flush left under the first amount column is an amount, not part of the name', () => {
    const [t] = parse(
      [
        '单位支出总体情况表',
        '单位：万元',
        // 合计 at column 60, 基本支出 at 72, 项目支出 at 86; each column's amounts from 57, 69 and 83.
        '   功能分类科目编码         功能分类科目名称                                合计          基本支出          项目支出',
        '208                 社会保障和就业支出                            6157.25     511.78        5645.48',
        '208   01    06      就业管理事务                               8                         8',
        '208   05    01      行政单位离退休                              1           1',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values])).toEqual([
      ['208', '社会保障和就业支出', { total: 6157.25, basic: 511.78, project: 5645.48 }],
      ['2080106', '就业管理事务', { total: 8, basic: null, project: 8 }],
      ['2080501', '行政单位离退休', { total: 1, basic: 1, project: null }],
    ]);
  });

  // The same kind of PDF written from the 喀什地区行政公署办公室 seed (its tables as a Word document) wraps each label
  // of 收入总体情况表 in a narrow column: 政府性基 / 金预算拨 / 款. The lone 款 was taken for the 款 of 类 款 项: the
  // real 款 column became a column of other codes (every 款 code lost: 03 not 20103), the label stayed 政府性基, and
  // 国有资本经营预算, a label of two lines between two of three, was read as their group and lost its column.
  // The PDF itself, laid out from its glyphs, sets that 款 a column left of 金预算拨, touching no label.
  it.each([
    // Under its label the 款 joins it; a column off, the label stays without it (政府性基金预算拨), as printed above.
    ['under its label', '                                                                 款             费）', '政府性基金预算拨款'],
    ['a column left of its label', '                                                                款              费）', '政府性基金预算拨'],
  ])('a lone 款 ending a wrapped amount label (%s) is not the code’s 款, and a shorter wrapped label is no group', (_, wrapped, label) => {
    const [t] = parse(
      [
        '部门（单位）收入总体情况表',
        '编制部门（单位）：新疆维吾尔自治区喀什地区行政公署办公室 单位：万元',
        '科目编码             科目名称                        总计        一般公共      政府性基   国有资本   财政专户   事业收入',
        '                                                       预算拨款      金预算拨   经营预算   （教育收',
        wrapped,
        '类      款    项',
        '201              一般公共服务支出                    3533.48   3533.48',
        '       03        政府办公厅（室）及相关机构事务             3273.48   3273.48',
        '201    03   01   行政运行（政府办公厅（室）及相关机构事务）       1928      1928',
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.label)).toEqual([
      '总计',
      '一般公共预算拨款',
      label,
      '国有资本经营预算',
      '财政专户(教育收费)',
      '事业收入',
    ]);
    expect(t.rows.map((r) => [r.code, r.values.total, r.values.general])).toEqual([
      ['201', 3533.48, 3533.48],
      ['20103', 3273.48, 3273.48],
      ['2010301', 1928, 1928],
    ]);
  });

  it('a 编制单位 line with its unit run on belongs to the table, it is not prose', () => {
    const [t] = parse(
      [
        '一般公共预算支出情况表',
        '编制单位：新疆维吾尔自治区某地区某开发区某某工作部单位：万元',
        '功能分类科目名称                 合计     基本支出    项目支出',
        '一般公共服务支出                 296.67              296.67',
        '  政府办公厅（室）及相关机构事务  296.67              296.67',
      ].join('\n'),
    );
    expect(t).toMatchObject({ kind: 'general-budget-expenditure', unit: '万元' });
    expect(t.rows.map((r) => [r.name, r.values.total, r.values.project])).toEqual([
      ['一般公共服务支出', 296.67, 296.67],
      ['政府办公厅（室）及相关机构事务', 296.67, 296.67],
    ]);
  });

  it('an amount line printed above its label, its last digit wrapped below, joins the labelled row', () => {
    const [t] = parse(
      [
        '                     一般公共预算支出表',
        '单位：万元',
        '          科目名称        合计          基本支出       项目支出',
        '                                                 350,034.4',
        '合计                  432,513.70      82,479.29',
        '                                                        2',
        '一般公共服务支出       6,701.98                      6,701.98',
      ].join('\n'),
    );
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]).toMatchObject({ name: '合计', role: 'total', values: { total: 432513.7, basic: 82479.29, project: 350034.42 } });
    expect(t.rows[0].lines).toEqual({ first: 4, last: 5 });
    expect(t.rows[1]).toMatchObject({ code: '201', values: { total: 6701.98, basic: null, project: 6701.98 } });
  });

  it('header labels one space apart split into their columns; 财政拨款 over one of them heads all three', () => {
    const [t] = parse(
      [
        '                          收入总表',
        '单位：万元',
        '  项目        合计                财政拨款                    事业收入',
        '                       一般公共预算 政府性基金预算 国有资本经营预算',
        '合计         120.00      100.00        15.00           0.00       5.00',
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'general', 'fund', 'state-capital', 'business']);
    expect(t.rows[0].values).toEqual({ total: 120, general: 100, fund: 15, 'state-capital': 0, business: 5 });
  });

  // The 喀什经济开发区党群工作部 2024 seed reprinted by LibreOffice and read by pdftotext -layout (its 单位收入总体情况表):
  // the narrow cell wraps 非财政拨款结转结余 and the text prints it `非财政 拨款结转 结余`, one space between the pieces,
  // as it prints two labels side by side. Taken for three labels, the pieces made three columns keyed by place.
  it('a label printed with spaces where its cell wrapped it is one column: its pieces are no labels, the whole is', () => {
    const [t] = parse(
      [
        '                          收入总表',
        '单位：万元',
        '  项目        合计       财政拨款结转    非财政 拨款结转 结余',
        '合计         120.00          100.00            20.00',
      ].join('\n'),
    );
    expect(t.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['carryover-fiscal', '财政拨款结转'],
      ['carryover-non-fiscal', '非财政拨款结转结余'],
    ]);
    expect(t.rows[0].values).toEqual({ total: 120, 'carryover-fiscal': 100, 'carryover-non-fiscal': 20 });
  });

  // Written after 烟台 水利局's 收入总体情况表 (its text L295–302), which prints labels wrapped down their cells one space
  // apart (`事业收入 事业单位经` on L296, its rest `营收入` on L300; `上级补助收 附属单位上 使用非财政` on L297). Together
  // the pieces name a label too (事业收入…, by its start), but 事业收入 and 上级补助收 each name one: the pieces are
  // labels of their own, their rests wrapped below them.
  it('labels one space apart whose pieces name labels stay apart, though together they name one', () => {
    const [t] = parse(
      [
        '                   收入总表',
        '单位：万元',
        '  项目            合计         事业收入 事业单位经 上级补助收',
        '                                营收入   入',
        '合计            60.00       10.00 20.00 30.00',
      ].join('\n'),
    );
    expect(t.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['business', '事业收入'],
      ['operating', '事业单位经营收入'],
      ['subsidy-from-superior', '上级补助收入'],
    ]);
    expect(t.rows[0].values).toEqual({ total: 60, business: 10, operating: 20, 'subsidy-from-superior': 30 });
  });

  it('a 三公 table with each item broken down by fund: the item centred over its funds heads them all', () => {
    const [t] = parse(
      [
        '                     财政拨款“三公”经费支出表',
        '单位：万元',
        '                                                                                                                                     公务用车购置及运行费',
        '                         合计                       因公出国（境）费                      公务接待费                        小计                       公务用车购置费                     公务用车运行费',
        '单位名称             一般公共预算        政府性基金         一般公共预算        政府性基金         一般公共预算        政府性基金         一般公共预算        政府性基金         一般公共预算        政府性基金         一般公共预算        政府性基金',
        '合计                  40.50          3.00         10.00          0.00          4.00          1.00         26.50          2.00         20.00          0.00          6.50          2.00',
      ].join('\n'),
    );
    const items = ['total', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation'];
    expect(t.columns.map((c) => c.key)).toEqual(items.flatMap((item) => [`${item}.general`, `${item}.fund`]));
    expect(t.columns[2].label).toBe('因公出国(境)费一般公共预算');
    expect(t.rows[0].values).toMatchObject({ 'total.general': 40.5, 'total.fund': 3, 'vehicles.general': 26.5, 'vehicle-operation.fund': 2 });
  });

  it('the single row of a 三公 table: blank cells left blank, amounts under their labels', () => {
    const [t] = parse(
      [
        '                    “三公”经费支出表',
        '单位：万元',
        '                                         公务用车购置及运行费',
        '   合计     因公出国（境）费         小计        公务用车购置费    公务用车运行费     公务接待费',
        '  28.50                              26.00                           26.00          2.50',
      ].join('\n'),
    );
    expect(t.kind).toBe('three-public-expenditure');
    expect(t.rows).toHaveLength(1);
    // 合计 = 出国 + 车辆小计 + 接待 (28.50 = 0 + 26.00 + 2.50); 小计 = 购置 + 运行 (26.00 = 0 + 26.00).
    expect(t.rows[0].values).toMatchObject({ total: 28.5, vehicles: 26, 'vehicle-operation': 26, reception: 2.5 });
    expect(t.rows[0].values['vehicle-purchase'] ?? null).toBeNull();
    expect(t.rows[0].values['outbound-travel'] ?? null).toBeNull();
  });

  it('项 digits glued to the name (`01行政运行`) are the 项 code, and a 款 printed without its 类 is a 款', () => {
    const [t] = parse(
      [
        '                     支出总表',
        '单位：万元',
        ' 类    款    项      科目名称          合计        基本支出      项目支出',
        '208               社会保障和就业支出    30.00       30.00',
        '      05          行政事业单位养老支出  30.00       30.00',
        '            01行政单位离退休            30.00       30.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name])).toEqual([
      ['208', '社会保障和就业支出'],
      ['20805', '行政事业单位养老支出'],
      ['2080501', '行政单位离退休'],
    ]);
  });

  // Chromium's print of a 2016 收入预算总表 (probe, issue 10): its code header `类 款 项` one narrow cell (1–6) over
  // wider code columns, the 项 digits at 12–13 one space before the name. Names never start with digits: after the
  // row's 类 and 款 the piece is the 项's, whatever the header's labels say.
  it('项 digits one space before the name, after the row’s 类 and 款 cells, are the 项 code', () => {
    const [t] = parse(
      [
        '                                              收入预算总表',
        '编制单位：某县农业局                                                                                            单位：万元',
        '  科目编码                  科目名称      合计         公共财政拨款         政府性基金拨款      事业收入       事业单位经营收入   其他收入   上年结转',
        ' 类 款 项',
        '                         合计       1,615.00      1,455.00          100.00   40.00                        20.00',
        ' 208           社会保障和就业支出            110.00        110.00',
        ' 208   05      行政事业单位离退休            110.00        110.00',
        ' 208   05   01 归口管理的行政单位离退休          30.00         30.00',
        ' 208   05   05 机关事业单位基本养老保险缴费支出      80.00         80.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values.total, r.values.general])).toEqual([
      [null, '合计', 1615, 1455],
      ['208', '社会保障和就业支出', 110, 110],
      ['20805', '行政事业单位离退休', 110, 110],
      ['2080501', '归口管理的行政单位离退休', 30, 30],
      ['2080505', '机关事业单位基本养老保险缴费支出', 80, 80],
    ]);
  });

  it('a 类 name wrapped above its code line keeps the code', () => {
    const [t] = parse(
      [
        '                     支出总表',
        '单位：万元',
        '  科目编码      科目名称          合计        基本支出      项目支出',
        '               一般公共服务支出     6.00        6.00',
        '201',
        '20103          政府办公厅（室）及   6.00        6.00',
        '               相关机构事务',
        '2010301        行政运行             6.00        6.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values.total])).toEqual([
      ['201', '一般公共服务支出', 6],
      ['20103', '政府办公厅（室）及相关机构事务', 6],
      ['2010301', '行政运行', 6],
    ]);
  });

  it('header labels drawn left of their amounts (CJK one position per letter): the full rows place the columns', () => {
    const [t] = parse(
      [
        '                     支出总表',
        '单位：万元',
        '科目编码           科目名称          合计            基本支出            项目支出       上缴上级支出',
        '             合计               1100.00              100.00      1000.00        0.00',
        ' 201        一般公共服务支出          1100.00              100.00      1000.00',
        '2010101           行政运行         100.00              100.00',
        '2010102     一般行政管理事务          1000.00                          1000.00',
      ].join('\n'),
    );
    // 行政运行's 100.00 ends at 57, nearer 项目支出 (59–63) than 基本支出 (43–47) by the labels; the 合计 row prints
    // every column and puts 基本支出's amounts at 51–57.
    expect(t.rows.map((r) => [r.code, r.values.basic, r.values.project, r.values['remit-superior']])).toEqual([
      [null, 100, 1000, 0],
      ['201', 100, 1000, null],
      ['2010101', 100, null, null],
      ['2010102', null, 1000, null],
    ]);
  });

  it('a template group drawn over the edge of a column it does not head: 小计 = 购置 + 运行, not 因公出国 + 购置', () => {
    // 公务用车购置及运行维护费 (24–36) starts over the end of `（境）经费` (15–20, within reach) and ends before 公务用车运行.
    const header = [
      '                        公务用车购置及运行维护费',
      '               因公出国',
      '  合计           （境）经费                公务用车购置 公务用车运行     公务接待费',
      '                       小计             经费    维护费',
    ];
    const { columns, identities } = alignedHeader(header.map(alignedCells), null);
    expect(columns.map((c) => c.key)).toEqual(['total', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception']);
    expect(identities).toEqual([
      { whole: 2, parts: [3, 4] },
      { whole: 0, parts: [1, 2, 5] },
    ]);
    const [t] = parse(['                    “三公”经费支出表', '单位：万元', ...header, '       17.67                13.40             13.40      4.27'].join('\n'));
    expect(t.rows[0].values).toMatchObject({ total: 17.67, vehicles: 13.4, 'vehicle-operation': 13.4, reception: 4.27 });
  });

  it('a lone 合计 in the header band, labels wrapped below it, heads the total column: the row under it is data', () => {
    const { tables, unparsed } = parseAlignedTables(
      toSourceLines(
        [
          '                          收入总表',
          '单位：万元',
          '                        财政拨款                   单位资金',
          '   合计',
          '              一般公共预算          政府性基金预           事业收入',
          '                资金              算资金',
          ' 1,000.00      900.00          50.00          50.00',
        ].join('\n'),
      ),
    );
    expect(unparsed).toEqual([]);
    expect(tables[0].rows).toHaveLength(1);
    expect(tables[0].rows[0].values).toMatchObject({ total: 1000, general: 900, fund: 50 });
  });

  // 上海's 决算 prints 本年支出's sub-labels in the cells of the total row under the header (规划资源局 2024 决算
  // samples/…final-accounts.txt lines 548–562, the national template's lines 339–354 alike): `合计` under 项目 is the
  // table's only row, empty as the 说明 declares, not a label heading a column.
  it('a total under the row-name label, sub-labels beside it, is the empty table’s total row; the labels stay the header’s', () => {
    const [t] = parse(
      [
        '\f                           政府性基金预算财政拨款收入支出决算表',
        '                                                            单位：万元',
        '         项目',
        '                   年初结转和                                  年末结转和',
        '  功能分类                       本年收入           本年支出',
        '          科目名称      结余                                      结余',
        '  科目编码',
        '',
        '         合计                           合计    基本支出   项目支出',
        '',
        '',
        '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。',
        '说明：上海市普陀区规划和自然资源局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.label)).toEqual(['年初结转和结余', '本年收入', '本年支出合计', '本年支出基本支出', '本年支出项目支出', '年末结转和结余']);
    expect(t.rows.map((r) => [r.name, r.role, r.lines.first])).toEqual([['合计', 'total', 9]]);
    expect(Object.values(t.rows[0].values).every((v) => v === null)).toBe(true);
    expect(t.declaredEmpty).toBe(true);
  });

  it('period blocks (上年 | 本年 | 增减) printed far from their columns: equal blocks, each opening with its 合计', () => {
    const [t] = parse(
      [
        '                     “三公”经费预算表',
        '单位：万元',
        '    上年预算数                                   本年预算数                                   增减',
        '  合计     因公出国（境）费     公务接待费     合计     因公出国（境）费     公务接待费     合计     因公出国（境）费     公务接待费',
        '10.00         4.00      6.00  12.00         5.00      7.00   2.00         1.00      1.00',
      ].join('\n'),
    );
    // The labels stand left of their blocks (本年预算数 nearer 上年's 公务接待费 than 本年's); each block opens with 合计.
    expect(t.columns.map((c) => c.key)).toEqual([
      'total-previous', 'outbound-travel-previous', 'reception-previous', 'total', 'outbound-travel', 'reception', 'c7', 'c8', 'c9',
    ]);
    expect(t.columns[3].label).toBe('本年预算数合计');
    expect(t.rows[0].values).toMatchObject({ 'total-previous': 10, total: 12, 'outbound-travel': 5, reception: 7, c7: 2, c9: 1 });
  });
});

describe('aligned text: failure classes met in the other provinces’ samples', () => {
  it('a page number on the last line of a page (a form feed opens the next) is no cell; a wrapped digit or a code there is', () => {
    const [t] = parse(
      [
        '                         24',
        '\f                     支出总表',
        '单位：万元',
        '          科目名称        合计          人员经费       项目支出',
        '就业补助                  12.13                          12.13',
        ' 高技能人才培养补助        12.13                          12.13',
        '                         25',
        '\f卫生健康支出              437,000.0',
        '                          0',
        '\f                  一般公共服务支出   3.00          3.00',
        '201',
        '\f20101          人大事务            3.00          3.00',
      ].join('\n'),
    );
    // 25 follows the 24 that ends the page before; 0 ends 437,000.0, and no page around 201 ends with 200 or 202.
    expect(t.rows.map((r) => [r.code, r.name, r.values.total, r.values.personnel, r.values.project])).toEqual([
      [null, '就业补助', 12.13, null, 12.13],
      [null, '高技能人才培养补助', 12.13, null, 12.13],
      [null, '卫生健康支出', 437000, null, null],
      ['201', '一般公共服务支出', 3, 3, null],
      ['20101', '人大事务', 3, 3, null],
    ]);
  });

  // Rows of a browser's print of a 一般公共预算支出表 (long2 of issue 10, its fourth page), one column a character.
  const SPLIT_ROWS = [
    '         巩固脱贫攻坚成果衔接 2,151.28',
    '  21305',
    '         乡村振兴                  320.86   171.45   1,658.97',
    '',
    ' 2130504 农村基础设施建设     400.56   320.86    79.70        0.00',
    ' 2130505 生产发展       1,321.80     0.00    57.13   1,264.67',
    '         其他巩固脱贫攻坚成果 428.92',
    ' 2130599',
    '         衔接乡村振兴支出                0.00    34.62    394.30',
  ];

  // A browser's print of a 一般公共预算支出表 (issue 10, cells centred over their height): a name of two lines puts the
  // row's 合计 on its first line, the code alone on the middle line and the other amounts on its last. Values as the
  // HTML the PDF was printed from gives them; 21305 = 2130504 + 2130505 + 2130599 in every column (2,151.28 =
  // 400.56 + 1,321.80 + 428.92), and each row's 合计 = 人员经费 + 公用经费 + 项目支出 (428.92 = 0.00 + 34.62 + 394.30).
  it('a wrapped name whose amounts are printed on its first and last lines, the code between, is one row', () => {
    const [t] = parse(
      [
        '                       表5 一般公共预算支出表',
        '                                                单位：万元',
        '科目编码 科目名称                          基本支出',
        '                           合计   人员经费  公用经费    项目支出',
        ...SPLIT_ROWS,
        '',
        ' 21307   农村综合改革        87.52     0.00    87.52        0.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values, r.lines])).toEqual([
      ['21305', '巩固脱贫攻坚成果衔接乡村振兴', { total: 2151.28, personnel: 320.86, public: 171.45, project: 1658.97 }, { first: 5, last: 7 }],
      ['2130504', '农村基础设施建设', { total: 400.56, personnel: 320.86, public: 79.7, project: 0 }, { first: 9, last: 9 }],
      ['2130505', '生产发展', { total: 1321.8, personnel: 0, public: 57.13, project: 1264.67 }, { first: 10, last: 10 }],
      ['2130599', '其他巩固脱贫攻坚成果衔接乡村振兴支出', { total: 428.92, personnel: 0, public: 34.62, project: 394.3 }, { first: 11, last: 13 }],
      ['21307', '农村综合改革', { total: 87.52, personnel: 0, public: 87.52, project: 0 }, { first: 15, last: 15 }],
    ]);
  });

  // The same rows on a later page printed narrower than the header's (long2): fitted to the header's columns, 2,151.28
  // and 320.86 overlap, and the 合计 alone on its line was read under 人员经费. Rows 213 and 21301 are written for the
  // fixture so that its sums hold (213 = 21301 + 21305: 2,238.80 = 87.52 + 2,151.28); the others are the HTML's.
  it('the first and last lines of such a row are joined on a page fitted to the header, the 合计 in its column', () => {
    const [t] = parse(
      [
        '                                                 表5 一般公共预算支出表',
        '                                                                        单位：万元',
        '  科目编码             科目名称          基本支出',
        '                            合计 人员经费 公用经费 项目支出',
        '  213       农林水支出        2,238.80   320.86   258.97   1,658.97',
        '  21301     农业农村            87.52     0.00    87.52        0.00',
        '  2130101   行政运行            87.52     0.00    87.52        0.00',
        `\f${SPLIT_ROWS[0]}`,
        ...SPLIT_ROWS.slice(1),
      ].join('\n'),
    );
    expect(t.rows.slice(3).map((r) => [r.code, r.name, r.values, r.lines])).toEqual([
      ['21305', '巩固脱贫攻坚成果衔接乡村振兴', { total: 2151.28, personnel: 320.86, public: 171.45, project: 1658.97 }, { first: 8, last: 10 }],
      ['2130504', '农村基础设施建设', { total: 400.56, personnel: 320.86, public: 79.7, project: 0 }, { first: 12, last: 12 }],
      ['2130505', '生产发展', { total: 1321.8, personnel: 0, public: 57.13, project: 1264.67 }, { first: 13, last: 13 }],
      ['2130599', '其他巩固脱贫攻坚成果衔接乡村振兴支出', { total: 428.92, personnel: 0, public: 34.62, project: 394.3 }, { first: 14, last: 16 }],
    ]);
  });

  it('a name wrapped around its amount line in a tall cell keeps the amount wrapped at the cell’s top', () => {
    const [t] = parse(
      [
        '                         项目支出总表',
        '单位：万元',
        '  支出项目类别        总计          一般公共预算拨款      政府性基金预算拨款',
        '     水务局（本      170,390.3',
        '                                 134,462.68          35,927.64',
        '级）                   1',
        '       水务发展资金     5,340.10     5,340.10              0.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, r.values, r.lines])).toEqual([
      ['水务局（本级）', { total: 170390.31, general: 134462.68, fund: 35927.64 }, { first: 4, last: 6 }],
      ['水务发展资金', { total: 5340.1, general: 5340.1, fund: 0 }, { first: 7, last: 7 }],
    ]);
  });

  // 深圳 项目支出总表 -layout L4903–L4911: a unit's name over three lines, its amounts on the middle one beside its
  // second piece, the first piece at the units' indent above; the row above ends in a short piece.
  it('a name printed over three lines, its amounts on the middle one, takes its first piece from the line above', () => {
    const [t] = parse(
      [
        '                         项目支出总表',
        '单位：万元',
        '  支出项目类别        总计          一般公共预算拨款      政府性基金预算拨款',
        '       污水处理服务费',
        '                 35,927.64       0.00             35,927.64',
        '（政府性基金）',
        '     深圳市深圳河湾流域',
        '管理中心（深圳市治理深     235,419.25    182,653.26         52,765.99',
        '圳河办公室）',
        '       水务发展资金     2,370.28     2,370.28              0.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, r.values, r.lines, r.flag])).toEqual([
      ['污水处理服务费（政府性基金）', { total: 35927.64, general: 0, fund: 35927.64 }, { first: 4, last: 6 }, null],
      ['深圳市深圳河湾流域管理中心（深圳市治理深圳河办公室）', { total: 235419.25, general: 182653.26, fund: 52765.99 }, { first: 7, last: 9 }, null],
      ['水务发展资金', { total: 2370.28, general: 2370.28, fund: 0 }, { first: 10, last: 10 }, null],
    ]);
  });

  it('a piece between two amount lines stays a row of its own, flagged, where the name above may go on in it', () => {
    const [t] = parse(
      [
        '                         项目支出总表',
        '单位：万元',
        '  支出项目类别        总计          一般公共预算拨款      政府性基金预算拨款',
        // The name above fills its cell to column 16, past where the piece ends (14): it may go on in the piece.
        '       水务工程建设与运行   562.54       562.54                 0.00',
        '       深圳市深圳河湾',
        '管理中心（深圳市治理深     235,419.25    182,653.26         52,765.99',
        '圳河办公室）',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, r.values.total, r.lines, r.flag])).toEqual([
      ['水务工程建设与运行', 562.54, { first: 4, last: 4 }, null],
      ['深圳市深圳河湾', null, { first: 5, last: 5 }, '「深圳市深圳河湾」印在两行金额之间，不能确定是上一行名称的末尾还是下一行名称的开头'],
      ['管理中心（深圳市治理深圳河办公室）', 235419.25, { first: 6, last: 7 }, null],
    ]);
  });

  // 杭州 表10 -layout L986–L999: the 单位名称 cell wrapped above and below the line printing the row's 项目名称 and
  // amounts; every other row prints both cells on its amount line.
  it('a cell of the first name column wrapped around a line that leaves it empty is that line’s row’s', () => {
    const [t] = parse(
      [
        '                       表10：2026年市级部门项目支出预算表',
        '部门名称：杭州市交通运输局                                                   单位：万元',
        '     单位名称                    项目名称         总计        一般公共预算     单位资金',
        '杭州市交通运输行政执法队      交通执法综合业务                 1,377.12        1,377.12',
        '杭州技师学院（杭州交通高级技工',
        '                  日常保障运行                       210.00        160.00           50.00',
        '学校）',
        '杭州技师学院（杭州交通高级技工',
        '                  校园校舍建设                   6,700.00       6,700.00',
        '学校）',
        '杭州汽车高级技工学校        技校教育条件保障支撑                   564.00        564.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, r.values.total, r.lines])).toEqual([
      ['杭州市交通运输行政执法队交通执法综合业务', 1377.12, { first: 4, last: 4 }],
      ['杭州技师学院（杭州交通高级技工学校）日常保障运行', 210, { first: 5, last: 7 }],
      ['杭州技师学院（杭州交通高级技工学校）校园校舍建设', 6700, { first: 8, last: 10 }],
      ['杭州汽车高级技工学校技校教育条件保障支撑', 564, { first: 11, last: 11 }],
    ]);
  });

  // 烟台 财政拨款收支总体情况表 (PDF route): items printing no amount above and below one that prints some.
  it('lines opening with an outline marker are items of their own, not pieces of a name wrapped around an amount line', () => {
    const [t] = parse(
      [
        '                         项目支出总表',
        '单位：万元',
        '  支出项目类别        总计          一般公共预算拨款      政府性基金预算拨款',
        '     三、公共安全支出',
        '四、教育支出               6.20         6.20',
        '五、科学技术支出',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, r.values.total, r.lines])).toEqual([
      ['三、公共安全支出', null, { first: 4, last: 4 }],
      ['四、教育支出', 6.2, { first: 5, last: 5 }],
      ['五、科学技术支出', null, { first: 6, last: 6 }],
    ]);
  });

  // 北京 预算11表 -layout L546–L552: the 二级 cell wrapped around a line printing the 一级 and 三级 cells and the amount.
  it('a middle column wrapped around its row’s line is read between the cells left and right of it', () => {
    const [t] = parse(
      [
        '               预算11表 财政拨款政府购买服务明细表',
        '                                              金额单位：万元',
        '      一级             二级               三级                  预算金额',
        '02-政府履职辅助性服务   0201-法律服务      法律咨询服务           40.000000',
        '               0202-课题研究和社会调查',
        '02-政府履职辅助性服务                  课题研究服务          145.600000',
        '               服务',
        '02-政府履职辅助性服务   0203-会计审计服务    审计服务             10.000000',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, Object.values(r.values), r.lines])).toEqual([
      ['02-政府履职辅助性服务0201-法律服务法律咨询服务', [40], { first: 4, last: 4 }],
      ['02-政府履职辅助性服务0202-课题研究和社会调查服务课题研究服务', [145.6], { first: 5, last: 7 }],
      ['02-政府履职辅助性服务0203-会计审计服务审计服务', [10], { first: 8, last: 8 }],
    ]);
  });

  // 北京 预算03表 -layout L200–L207 (PDF page 7: each 2080505 cell prints `2080505-机关事业单位基本养老保险缴费` /
  // `支出` on two lines, amounts 1,686.524358 and 1,367.350216). The `支出` under the first row's amounts is that
  // name's end: the next row's name opens with its code, so nothing of it is printed above the code.
  it('a name piece above a row whose code opens its name cell (`2080505-…`) ends the name above', () => {
    const [t] = parse(
      [
        '                                                 预算03表 支出总表',
        '                                                                                                                      金额单位：万元',
        '      支出功能分类科目        政府支出经济分类科目        部门支出经济分类科目              合计           基本支出           项目支出',
        '2080502-事业单位离退休         50905-离退休费          30302-退休费                 576.633200      576.633200',
        '2080505-机关事业单位基本养老保险缴费',
        '                       50102-社会保障缴费         30108-机关事业单位基本养老保险缴费    1,686.524358    1,686.524358',
        '支出',
        '2080505-机关事业单位基本养老保险缴费',
        '                       50501-工资福利支出         30108-机关事业单位基本养老保险缴费    1,367.350216    1,367.350216',
        '支出',
        '2080506-机关事业单位职业年金缴费支出 50102-社会保障缴费         30109-职业年金缴费              850.762179      850.762179',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values.total, r.lines])).toEqual([
      ['2080502', '事业单位离退休', 576.6332, { first: 4, last: 4 }],
      ['2080505', '机关事业单位基本养老保险缴费支出', 1686.524358, { first: 5, last: 7 }],
      ['2080505', '机关事业单位基本养老保险缴费支出', 1367.350216, { first: 8, last: 10 }],
      ['2080506', '机关事业单位职业年金缴费支出', 850.762179, { first: 11, last: 11 }],
    ]);
  });

  // 北京 预算11表 -layout L612–L618 (PDF page 24: rows 21.000000, 251.300000 and 4.000000 of 0208 and 0209). The 0209
  // row's 二级 and 三级 cells wrap onto the line above its amount, one space apart: one long run of words, no
  // sentence, the amounts on the next line. The table went on; it ended there, and its last 30 rows became prose.
  it('a row’s cells wrapped above its amounts one space apart are no prose: the table goes on', () => {
    const [t] = parse(
      [
        '               预算11表 财政拨款政府购买服务明细表',
        '                                              金额单位：万元',
        '      一级             二级               三级                  预算金额',
        '02-政府履职辅助性服务   0208-咨询服务    咨询服务                21.000000',
        '               0209-机关工作人员培训服 其他适合通过市场化方式提供的',
        '02-政府履职辅助性服务                                   251.300000',
        '               务              机关工作人员培训服务',
        '               0209-机关工作人员培训服',
        '02-政府履职辅助性服务                  机关工作人员技术业务培训服务    4.000000',
        '               务',
      ].join('\n'),
    );
    expect(t.lines).toEqual({ first: 1, last: 10 });
    expect(t.rows.map((r) => [Object.values(r.values), r.lines])).toEqual([
      [[21], { first: 4, last: 4 }],
      [[251.3], { first: 5, last: 7 }],
      [[4], { first: 8, last: 10 }],
    ]);
    expect(t.rows[2].name).toBe('02-政府履职辅助性服务0209-机关工作人员培训服务机关工作人员技术业务培训服务');
    // The two cells printed one space apart on L613 are two columns' pieces: each goes on under it on L615 (`务`,
    // `机关工作人员培训服务`), as the PDF prints the cells (0209-机关工作人员培训服务 | 其他适合通过市场化方式提供的
    // 机关工作人员培训服务).
    expect(t.rows[1].name).toBe('02-政府履职辅助性服务0209-机关工作人员培训服务其他适合通过市场化方式提供的机关工作人员培训服务');
  });

  // 上海 普陀区政府办公室 2025 单位预算 -layout L238–L255 (PDF 财政拨款收支预算总表): the income side's first item, its
  // amount and the expenditure side's first item one space apart. The three were one cell (the 201 row lost, 支出总计
  // 91,016,775.35 against 8,919,977.93 of the other rows).
  it('an amount between a name and an outline-numbered item one space apart ends one side’s row', () => {
    const [t] = parse(
      [
        '                             2025年预算单位财政拨款收支预算总表',
        '编制单位：上海市普陀区人民政府办公室                                                                    单位：元',
        '',
        '       财政拨款收入                                          财政拨款支出',
        '',
        '     项目         预算数              项目           合计           一般公共预算          政府性基金预算 国有资本经营预算',
        '',
        '一、一般公共预算资金 91,016,775.35 一、一般公共服务支出        82,096,797.42   82,096,797.42',
        '',
        '二、政府性基金                      二、社会保障和就业支出    4,213,779.28    4,213,779.28',
        '',
        '三、国有资本经营预算                   三、卫生健康支出       1,097,073.43    1,097,073.43',
        '                             四、住房保障支出       3,609,125.22    3,609,125.22',
        '',
        '   收入总计      91,016,775.35      支出总计       91,016,775.35   91,016,775.35',
      ].join('\n'),
    );
    expect(t.rows.filter((r) => r.lines.first === 8).map((r) => [r.texts.side, r.name, r.values.total])).toEqual([
      ['income', '一、一般公共预算资金', 91016775.35],
      ['expenditure', '一、一般公共服务支出', 82096797.42],
    ]);
    // The four 类 rows add up to 支出总计 91,016,775.35 (82,096,797.42 + 4,213,779.28 + 1,097,073.43 + 3,609,125.22).
    expect(t.rows.filter((r) => r.texts.side === 'expenditure' && r.role === 'data').map((r) => r.values.total)).toEqual([
      82096797.42, 4213779.28, 1097073.43, 3609125.22,
    ]);
  });

  // 北京 预算11表 -layout L659–L661 (PDF page 25: `0211-后勤服务` | `其他适合通过市场化方式提供的后勤服务` | 13.900000). On
  // that page the wrapped 三级 cell's pieces stand, as the page is fitted to the header, inside the row's 二级 cell:
  // here the 二级 cell is printed wide enough to reach under them. Whose the pieces are is not read; they are said to be
  // uncertain, not left as two plain rows.
  it('pieces above and below a row, inside a cell of its line, are flagged rather than joined', () => {
    const [t] = parse(
      [
        '               预算11表 财政拨款政府购买服务明细表',
        '                                              金额单位：万元',
        '      一级             二级               三级                  预算金额',
        '                         其他适合通过市场化方式提供的',
        '02-政府履职辅助性服务   0211-后勤服务和其他辅助服务              13.900000',
        '                         后勤服务',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.name, r.values.total ?? null, r.lines.first, r.flag !== null])).toEqual([
      ['其他适合通过市场化方式提供的', null, 4, true],
      ['02-政府履职辅助性服务0211-后勤服务和其他辅助服务', 13.9, 5, false],
      ['后勤服务', null, 6, true],
    ]);
    expect(t.rows[0].flag).toBe(
      '「其他适合通过市场化方式提供的」和「后勤服务」印在「02-政府履职辅助性服务0211-后勤服务和其他辅助服务」一行的上下，像是某一单元格折行的文字，不能确定属于哪一行哪一列',
    );
  });

  it('years listed at the start of a project name (`2020、2021…`) are part of the name, no code', () => {
    const [t] = parse(
      [
        '                    专项业务经费支出表',
        '金额单位：万元',
        '序号          单位（项目）名称                      项目金额',
        ' 1            合计                                  122.00',
        ' 2            2020、2021提前退养人员养老保险补差       82.00',
        ' 3            2022年度绿色货运配送示范工程创建         40.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values])).toEqual([
      [null, '合计', { c1: 122 }],
      [null, '2020、2021提前退养人员养老保险补差', { c1: 82 }],
      [null, '2022年度绿色货运配送示范工程创建', { c1: 40 }],
    ]);
  });
});

describe('aligned text: header labels packed into one run', () => {
  // 烟台 政府采购预算表 L1053–L1056: `一般公共预 政府性基金 国有资本经` one space apart at 61–78, closer than the
  // amounts under them are wide; every amount there is 一般公共预算's (the PDF's columns), 60.00 printed at 70–75.
  const header = [
    '                                     政府采购预算表',
    '单位：万元',
    '      科目编码                                                            财政拨款',
    '                                                                                 财政专户管          使用非财政',
    '                               科目名称   合计                     一般公共预 政府性基金 国有资本经    理资金    单位资金    拨款结余   上年结转',
    '类      款     项                                   小计            算    预算    营预算',
  ];

  it('amounts under a run narrower than they are wide take its columns in order from the first', () => {
    const [t] = parse(
      [
        ...header,
        '                  合   计               1,171.15   1,171.15       1,171.15',
        '213               农林水支出               1,171.15   1,171.15       1,171.15',
        '       03          水利                 1,171.15   1,171.15       1,171.15',
        '             01       行政运行            1,111.15   1,111.15       1,111.15',
        '             08       水利前期工作             60.00      60.00             60.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.values.total, r.values.general, r.values.fund, r.values['state-capital']])).toEqual([
      [null, 1171.15, 1171.15, null, null],
      ['213', 1171.15, 1171.15, null, null],
      ['21303', 1171.15, 1171.15, null, null],
      ['2130301', 1111.15, 1111.15, null, null],
      ['2130308', 60, 60, null, null],
    ]);
  });

  it('nothing under the run’s first label: the labels keep their places (三公’s 购置 | 运行, 13.40 under 运行)', () => {
    // 烟台 L786–L792, the 2025 block alone.
    const [t] = parse(
      [
        '                     一般公共预算“三公”经费支出情况表',
        '单位：万元',
        '                        公务用车购置及运行维护费',
        '               因公出国',
        '  合计           （境）经费                公务用车购置 公务用车运行     公务接待费',
        '                       小计             经费    维护费',
        '       17.67                13.40             13.40      4.27',
      ].join('\n'),
    );
    expect(t.rows[0].values).toMatchObject({ total: 17.67, vehicles: 13.4, 'vehicle-operation': 13.4, reception: 4.27 });
    expect(t.rows[0].values['vehicle-purchase'] ?? null).toBeNull();
  });
});

describe('aligned text: a run of labels one space apart, each wrapped onto a line below', () => {
  // 广州水务 2026 收入总体情况表 (L278–L284): `一般公共预 政府性基金 国有资本经` over `算  预算  营预算`, and `其他专户
  // 事业收` over `收入拨款  入`. The run printed its labels closer than their columns are apart: 预算 stands under
  // 国有资本经, 营预算 past the run, 入 past 事业收. Overlap paired nothing right (`国有资本经预算`, `营预算`, `事业收`,
  // `入` keyed by position); the rests in order do, each label with its rest naming a template column.
  it('joins each label to the piece of the same rank below it, where the rest prints', () => {
    const [t] = parse(
      [
        '                                        收入总体情况表',
        '单位名称：某某局                                                                                        单位：万元',
        '                                    财政拨款收入',
        '    单位名称            合计        一般公共预 政府性基金 国有资本经                         其他专户 事业收              其他收',
        '                                算          预算          营预算              收入拨款     入             入',
        '    合计          125.00      70.00      30.00       20.00               0.00     5.00         0.00',
        '某某局             100.00      60.00      20.00       15.00               0.00     5.00         0.00',
        '某某中心             25.00      10.00      10.00        5.00               0.00     0.00         0.00',
      ].join('\n'),
    );
    expect(t.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['general', '一般公共预算'],
      ['fund', '政府性基金预算'],
      ['state-capital', '国有资本经营预算'],
      ['special-account-other', '其他专户收入拨款'],
      ['business', '事业收入'],
      ['other-income', '其他收入'],
    ]);
    expect(t.rows.map((r) => [r.name, r.values.total, r.values.general, r.values.fund, r.values['state-capital'], r.values.business])).toEqual([
      ['合计', 125, 70, 30, 20, 5],
      ['某某局', 100, 60, 20, 15, 5],
      ['某某中心', 25, 10, 10, 5, 0],
    ]);
  });

  // 长沙教育 2026 收入总体情况表 (L171–L175): the rests of `财政专户管理 事业单位经营 上级补助收` are two lines down, under
  // a line whose labels stand right of the run (其它收入, 上年结转); `上级补助收` lost its `入` (keyed `c6` as 入).
  // 财政专户管理 over 事业收入 names a column as 事业收入 does: a group over its one column, which the tree reads as such.
  it('looks past a line of other labels right of the run; a group over its one column stays a stack', () => {
    const h = alignedHeader(
      [
        '                                        本级财政拨款',
        '                                                            财政专户管理 事业单位经营 上级补助收',
        ' 类    款    项        功能科目       合计                                               其它收入    上年结转',
        '                                                             事业收入   服务收入    入',
        '                                      金额        其中:经费拨款',
      ].map(alignedCells),
      null,
    );
    expect(h.columns.slice(3).map((c) => [c.key, c.label])).toEqual([
      ['fiscal-special', '财政专户管理事业收入'],
      ['operating', '事业单位经营服务收入'],
      ['subsidy-from-superior', '上级补助收入'],
      ['other-income', '其它收入'],
      ['carryover', '上年结转'],
    ]);
  });

  // A 部门支出总表 with narrow columns printed to PDF by Chromium (issue 10), lines 21–28 of its `pdftotext -layout`:
  // the rests are packed one space apart too (`合计 出`, `出 级支出`), 出 a single letter, so the line's cells did
  // not fit the run (`合计 出` left of it), and 对附属单位补助支出 wraps over three lines. 基本支出 was read as
  // 基本支合计出 and 上缴上级支出 with 项目支出: three columns for the rows' five amounts, every amount unplaced.
  it('finds the rests packed one space apart in their turn, and a label wrapped over three lines', () => {
    const [t] = parse(
      [
        '                                            表3 部门支出总表',
        '                                                                             单位：万元',
        '科目编                     基本支 项目支 上缴上 对附属',
        ' 码       科目名称        合计 出    出 级支出 单位补',
        '                                    助支出',
        '        合计        1,450.30   350.30 1,000.00   0.00   100.00',
        '208     社会保障和就业支出 150.30     150.30     0.00   0.00     0.00',
        '        行政事业单位养老支 150.30',
        '20805',
        '        出                    150.30     0.00   0.00     0.00',
        '',
        '213     农林水支出     1,200.00   100.00 1,000.00   0.00   100.00',
        '2130199 其他农业农村支出  1,100.00     0.00 1,000.00   0.00   100.00',
      ].join('\n'),
    );
    expect(t.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['basic', '基本支出'],
      ['project', '项目支出'],
      ['remit-superior', '上缴上级支出'],
      ['subsidy-to-affiliated', '对附属单位补助支出'],
    ]);
    expect(t.rows.map((r) => [r.code, r.name, Object.values(r.values)])).toEqual([
      [null, '合计', [1450.3, 350.3, 1000, 0, 100]],
      ['208', '社会保障和就业支出', [150.3, 150.3, 0, 0, 0]],
      ['20805', '行政事业单位养老支出', [150.3, 150.3, 0, 0, 0]],
      ['213', '农林水支出', [1200, 100, 1000, 0, 100]],
      ['2130199', '其他农业农村支出', [1100, 0, 1000, 0, 100]],
    ]);
  });
});

describe('aligned headers: a label over one column that names a column of its own', () => {
  // 广州水务 2026 收入总体情况表 (L278–L284): 其他资金收入, no group of the national template, is printed over
  // `事业单 / 位经营 / 收入` alone; it was read as the first piece of that label (`其他资金收入事业单位经营收入`, keyed as
  // 其他收入, and the real 其他收入 beside it keyed by place). 政府性基金预算 over 财政拨款 (佛山 决算 L320–L322) is one
  // label: the fund over the template group it belongs to.
  it('heads no part of the column when both name columns and neither is the other’s group in the template', () => {
    const columns = (lines: string[]) => alignedHeader(lines.map(alignedCells), null).columns.map((c) => [c.key, c.label]);
    expect(
      columns([
        '                         财政拨款收入               其他资金收入',
        '                                                事业单',
        '    单位名称       合计     一般公共预算   政府性基金预算   事业收入   位经营    其他收入   上年结转',
        '                                                收入',
      ]),
    ).toEqual([
      ['total', '合计'],
      ['general', '一般公共预算'],
      ['fund', '政府性基金预算'],
      ['business', '事业收入'],
      ['operating', '事业单位经营收入'],
      ['other-income', '其他收入'],
      ['carryover', '上年结转'],
    ]);
    expect(
      columns([
        '                       一般公共预算      政府性基金预算',
        '    项   目     合计     财政拨款         财政拨款',
      ]),
    ).toEqual([
      ['total', '合计'],
      ['general', '一般公共预算财政拨款'],
      ['fund', '政府性基金预算财政拨款'],
    ]);
  });
});

describe('aligned headers: a label over no other label, between two columns printed lower', () => {
  // Written after 西安 2022 支出总表 (L496–L501): 部门拨款 (line 2, chars 22–26) stands between 小计 (line 4, 18–20)
  // and `其中：专项 / 资金列入 / 的项目` (28–33), over neither, and names no group of the template. The row's
  // amounts: 1700.00 at 7–14 (合计), 1500.00 at 16–23 (under 小计 and 部门拨款 both), 900.00 at 27–33, 200.00 at 37–43.
  const header = [
    '                              收入预算',
    '                      部门拨款',
    '  单位名称    合计                其中：专项     事业收入',
    '                  小计        资金列入',
    '                            的项目',
  ].map(alignedCells);
  const row = '  本级   1700.00  1500.00    900.00    200.00';
  const read = (rows: string[]) => alignedHeader(header, null, () => rows.flatMap((r) => alignedCells(r).filter(isAmountCell)));
  const labels = (rows: string[]) => read(rows).columns.map((c) => c.label);

  it('is the group of the columns beside it where every amount under it stands under one of them', () => {
    const h = read([row]);
    expect(h.columns.map((c) => c.label)).toEqual(['合计', '部门拨款小计', '其中:专项资金列入的项目', '事业收入']);
    // 合计 = 小计 + 事业收入; the 其中 column is a part of 小计 the checks leave out.
    expect(h.identities).toEqual([{ whole: 0, parts: [1, 3] }]);
    expect(h.positions.map((p) => [p.start, p.end])).toEqual([[10, 12], [18, 20], [28, 32], [38, 42]]);
  });

  it('stays a column where a row prints an amount under it alone, or the rows print none to tell', () => {
    // 0.00 at 21–25: under 部门拨款 (22–26), clear of 小计 (18–20) and of 其中 (28–33).
    expect(labels([row, '  本级   1700.00       0.00'])).toEqual(['合计', '小计', '部门拨款', '其中:专项资金列入的项目', '事业收入']);
    expect(labels([])).toEqual(['合计', '小计', '部门拨款', '其中:专项资金列入的项目', '事业收入']);
  });
});

describe('aligned headers: a rest tied to its label by a bracket or by the row-name label it ends', () => {
  // 西安交通 2022 收支总表 (L353–L356) and 政府性基金收支表 (L1226–L1230): row-name labels of the expenditure panels
  // centred down the header, their rests two lines below past the 预算数 labels between: `部门预算支出经济科目（按` /
  // `大类）` (a bracket left open), `政府预算支出经济分类科目` / `（按大类）` (a piece opening with a bracket), and
  // `政府预算支出经济分类科` / `目（按大类）` (a piece ending the row-name label, set within it). The pieces were amount
  // columns of their own (`大类)`, `(按大类)`, `预算数目(按大类)`), empty in every row.
  it('joins the rests to the row-name labels; the amount columns are the four 预算数', () => {
    const labels = (lines: string[]) => alignedHeader(lines.map(alignedCells), null).columns.map((c) => c.label);
    expect(
      labels([
        '           收           入                                             支                 出',
        '序号                                                               部门预算支出经济科目（按                     政府预算支出经济分类科目',
        '           项   目           预算数        支出功能分科目（按大类）    预算数                              预算数                        预算数',
        '                                                                      大类）                            （按大类）',
      ]),
    ).toEqual(['预算数', '预算数', '预算数', '预算数']);
    expect(
      labels([
        '     收           入                           支             出',
        '序号',
        '                                            部门预算支出经济分类科目         政府预算支出经济分类科',
        '      项   目     预算数   支出功能分类科目（按大类）   预算数                  预算数                   预算数',
        '                                               （按大类）                目（按大类）',
      ]),
    ).toEqual(['预算数', '预算数', '预算数', '预算数']);
  });
});

describe('aligned headers: the row-name labels of a table printing codes and names beside its amount', () => {
  // Written after 西安交通 2022 财政拨款结转资金支出表 (L1651–L1656): `预算单位代 / 码` over the unit codes, and
  // `功能分类科 / 目代码`, `功能分类科 / 目名称` wrapped down their cells, the line between blank under them. 预算单位代码
  // was an amount label (STUB knows 编码, UNIT_CODE 代码), and 金额, one label over it on that side, took it in
  // (`金额预算单位代码`); `目名称` ended in 名称 and was taken for a label of its own, so the header read as two
  // sides (功能分类科 | 功能分类科 …) instead of one list beside a second classification's names.
  it('the unit-code label is the row’s; `目名称` ends the row-name label above it', () => {
    const h = alignedHeader(
      [
        '      预算单位代                            功能分类科   功能分类科',
        '序号            预算单位名称     预算项目名称   金额                                 备注',
        '        码                               目代码     目名称',
      ].map(alignedCells),
      'lists',
    );
    expect(h.columns).toEqual([{ key: 'total', label: '金额', side: null }]);
    expect(h.twoSided).toBe(false);
    expect(h.unitCodes.map((c) => c.text)).toEqual(['预算单位代码']);
    expect(h.nameColumns.map((c) => c.text)).toEqual(['预算单位名称', '预算项目名称', '功能分类科目名称']);
  });
});

describe('aligned headers: a lone label over the header, a group or the table’s name', () => {
  // 长沙教育 2026 收入总体情况表 (L171–L175): 本级财政拨款, alone over the header, is centred in the gap between 金额
  // and 其中:经费拨款, 合计 left of them and six columns right; it was dropped as the table's name, and 金额 named
  // nothing. 上海 普陀区政府办公室 2025 收入预算总表's 收入预算 (its text L131–L134) stands in a gap too, but in the
  // middle of the header: it names the table.
  it('heads the two columns it is centred between, off the header’s middle; in the middle it names the table', () => {
    const labels = (lines: string[]) => alignedHeader(lines.map(alignedCells), 'lists').columns.map((c) => c.label);
    expect(
      labels([
        '                                                 本级财政拨款',
        '  类    款    项          功能科目      合计                                     其他收入      事业收入      上年结转',
        '                                             金额         其中:经费拨款',
      ]),
    ).toEqual(['合计', '本级财政拨款金额', '其中:经费拨款', '其他收入', '事业收入', '上年结转']);
    expect(
      labels([
        '                       项目                                     收入预算',
        '                        功能分类科目名称         合计           财政拨款收入        事业收入          其他收入',
      ]),
    ).toEqual(['合计', '财政拨款收入', '事业收入', '其他收入']);
  });
});

describe('aligned headers: printed column numbers and groups side by side over the header', () => {
  // 杭州交通 2026 表2 收入预算总表 (L591–L599), as printed: `国有资本 / 经营预算` stands between 政府性基金预算 and
  // 财政专户管理资金, whose last pieces are lower, so it was read as their group; `事业单 / 位经营 / 收入` prints its
  // last piece past the others, a leaf of its own (`事业单位经营` | `收入`). Column 15 under 国有资本经营预算 makes it a
  // column; the 17 numbers then put 事业单位经营 and 收入 in column 8. 本年收入 and 上年结转结余, printed over one
  // column each, are the groups of the 小计s left of them: 本年收入 heads 小计 … 其他收入, 上年结转结余 小计 … 单位资金.
  it('a label over a column number is a column; each label over the header opens the 小计 left of it', () => {
    const h = alignedHeader(HANGZHOU_T2_HEADER.map(alignedCells),
      'lists',
    );
    expect(h.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '总计'],
      ['income', '本年收入小计'],
      ['general', '一般公共预算'],
      ['fund', '政府性基金预算'],
      ['state-capital', '国有资本经营预算'],
      ['fiscal-special', '财政专户管理资金'],
      ['business', '事业收入'],
      ['operating', '事业单位经营收入'],
      ['subsidy-from-superior', '上级补助收入'],
      ['affiliated', '附属单位上缴收入'],
      ['other-income', '其他收入'],
      ['carryover', '上年结转结余小计'],
      ['c13', '一般公共预算'],
      ['c14', '政府性基金预算'],
      ['c15', '国有资本经营预算'],
      ['c16', '财政专户管理资金'],
      ['unit-funds', '单位资金'],
    ]);
    expect(h.identities).toEqual([
      { whole: 1, parts: [2, 3, 4, 5, 6, 7, 8, 9, 10] },
      { whole: 11, parts: [12, 13, 14, 15, 16] },
      { whole: 0, parts: [1, 11] },
    ]);
  });

  // The PDF route's print of the same header (杭州 表2, the PDF's text L577–L585): 上年结转结余 stands between the tops
  // of `政府性 / 基金预 / 算` and `国有资本 / 经营预算`, over neither. Over no label, it was read as a column of its own,
  // its number nearest 政府性基金预算's, and the two became one column (`上年结转结余政府性基金预算`).
  it('a label over the header heads the block from its 小计 though it stands over none of the block’s labels', () => {
    const h = alignedHeader(
      [
        '                                            本年收入                                            上年结转结余',
        '',
        '                                                                                        政府性                   财政专',
        '    单位名称        总计                      一般公共预算              事业收入              一般公                  国有资本                 单位资',
        '                            小计                                        小计                基金预                   户管理',
        '                                                                              共预算                  经营预算                  金',
        '                                                                                          算                   资金',
        '',
        '     **         1            2            3                   4        5        6         7          8          9         10',
      ].map(alignedCells),
      'lists',
    );
    const labels = ['总计', '本年收入小计', '一般公共预算', '事业收入', '上年结转结余小计', '一般公共预算', '政府性基金预算'];
    expect(h.columns.map((c) => c.label)).toEqual([...labels, '国有资本经营预算', '财政专户管理资金', '单位资金']);
    expect(h.columns[4].key).toBe('carryover');
    expect(h.identities).toEqual([
      { whole: 1, parts: [2, 3] },
      { whole: 4, parts: [5, 6, 7, 8, 9] },
      { whole: 0, parts: [1, 4] },
    ]);
  });

  // The same without the wrapping: each label over the header, centred over its block but reaching into one column
  // only, is the group of the 小计 nearest left of it (it was read as that one column's first piece: `本年收入政府性基金`).
  it('two labels over the header each head the block from the 小计 left of them', () => {
    const h = alignedHeader(
      [
        '                                     本年收入                                        上年结转结余',
        '   合计           小计       一般公共预算     政府性基金      事业收入       其他收入         小计      一般公共预算       单位资金',
      ].map(alignedCells),
      'lists',
    );
    expect(h.columns.map((c) => c.label)).toEqual([
      '合计', '本年收入小计', '一般公共预算', '政府性基金', '事业收入', '其他收入', '上年结转结余小计', '一般公共预算', '单位资金',
    ]);
    expect(h.identities).toContainEqual({ whole: 1, parts: [2, 3, 4, 5] });
  });
});

describe('aligned text: a summary printing expenditure twice', () => {
  it('收入 | 支出 by 功能分类 | 支出 by 支出用途: the third panel is a second list of the expenditure side', () => {
    // 江苏 公开01表 L5–L31, fewer 类 rows: each expenditure panel adds up to 支出合计 10,150.48, printed once across both.
    const [t] = parse(
      [
        '                               收支预算总表',
        '部门：江苏省政协办公厅                                                                     单位：万元',
        '            收入                                            支出',
        '                                        功能分类                            支出用途',
        '    项目名称           金额',
        '                                功能科目名称            金额               项目名称          金额',
        '一、财政拨款           10,070.48   一、一般公共服务支出         7,827.46       一、基本支出          5,678.17',
        ' 1.一般公共预算        10,070.48   二、外交支出                            二、项目支出          3,314.68',
        ' 2.政府性基金预算                   三、国防支出                            三、单位预留机动经费      1,157.63',
        '二、财政专户管理资金                   四、公共安全支出',
        '三、其他资金             80.00     八、社会保障和就业支出         823.76',
        '                             十八、住房保障支出          1,499.26',
        '   当年收入小计        10,150.48                     当年支出小计                          10,150.48',
        '   上年结转资金                                      结转下年资金',
        '    收入合计         10,150.48                      支出合计                           10,150.48',
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.key)).toEqual(['total']);
    const side = (s: string) => t.rows.filter((r) => r.texts.side === s).map((r) => [r.code, r.name, r.values.total, r.texts.panel ?? null]);
    expect(side('income')).toEqual([
      [null, '一、财政拨款', 10070.48, null],
      [null, '1.一般公共预算', 10070.48, null],
      [null, '2.政府性基金预算', null, null],
      [null, '二、财政专户管理资金', null, null],
      [null, '三、其他资金', 80, null],
      [null, '当年收入小计', 10150.48, null],
      [null, '上年结转资金', null, null],
      [null, '收入合计', 10150.48, null],
    ]);
    expect(side('expenditure')).toEqual([
      ['201', '一、一般公共服务支出', 7827.46, null],
      ['202', '二、外交支出', null, null],
      ['203', '三、国防支出', null, null],
      ['204', '四、公共安全支出', null, null],
      ['208', '八、社会保障和就业支出', 823.76, null],
      ['221', '十八、住房保障支出', 1499.26, null],
      [null, '当年支出小计', 10150.48, null],
      [null, '结转下年资金', null, null],
      [null, '支出合计', 10150.48, null],
      [null, '一、基本支出', 5678.17, '支出用途'],
      [null, '二、项目支出', 3314.68, '支出用途'],
      [null, '三、单位预留机动经费', 1157.63, '支出用途'],
    ]);
  });
});

describe('aligned text: an amount run into the other side’s outline item', () => {
  // 长沙 教育 2026 财政拨款收支总体情况表 (-layout L205–L241), fewer 类 rows: the income item's amount touches the
  // expenditure side's next item by one space (L212 `656.73 1、一般公共服务支出`), its marker a digit.
  it('is the income item’s amount, and the expenditure item keeps its name whole', () => {
    const [t] = parse(
      [
        '                               2026年财政拨款收支总体情况表',
        '单位名称：长沙职业教育基地综合协调办公室                                                                      单位：万元',
        '         收        入                             支                  出',
        '',
        '         项目            金   额               项目       合计            一般公共预算        政府性基金预算 国有资本经营预算',
        '',
        '一、本年收入                     656.73 一、本年支出                 656.73        656.73',
        '1、一般公共预算拨款收入               656.73 1、一般公共服务支出',
        '2、政府性基金预算拨款收入                  2、外交支出',
        '                               4、教育支出                    656.73        656.73',
        '二、上年结转                                 二、结转下年',
        '         收 入 总 计              656.73             支 出 总 计            656.73        656.73',
      ].join('\n'),
    );
    const side = (s: string) => t.rows.filter((r) => r.texts.side === s).map((r) => [r.code, r.name, r.values.total ?? null]);
    expect(side('income')).toEqual([
      [null, '一、本年收入', 656.73],
      [null, '1、一般公共预算拨款收入', 656.73],
      [null, '2、政府性基金预算拨款收入', null],
      [null, '二、上年结转', null],
      [null, '收入总计', 656.73],
    ]);
    expect(side('expenditure')).toEqual([
      [null, '一、本年支出', 656.73],
      ['201', '1、一般公共服务支出', null],
      ['202', '2、外交支出', null],
      ['205', '4、教育支出', 656.73],
      [null, '二、结转下年', null],
      [null, '支出总计', 656.73],
    ]);
  });
});

describe('aligned text: a header titled 收入 | 支出 is a summary’s', () => {
  // Written after 西安交通 2022 政府性基金收支表 (L1223–L1230): a table whose kind is no summary prints `收 入 | 支 出`
  // over its halves and 支出 as three lists. Read as two lists side by side, every panel's amounts were a column of
  // their own and the second panel's names joined the first's (`城乡社区支出商品和服务支出`).
  it('its rows take their sides and its later expenditure lists their panels', () => {
    const [t] = parse(
      [
        '                         2022年政府性基金收支表',
        '单位：万元',
        '     收           入                         支             出',
        '      项   目          预算数    支出功能分类科目       预算数     部门预算支出经济分类科目     预算数',
        '一、政府性基金预算拨款       50.00    城乡社区支出            50.00     商品和服务支出             30.00',
        '                                                       资本性支出               20.00',
        '     收入合计            50.00    支出合计              50.00',
      ].join('\n'),
    );
    expect(t.kind).toBe('government-fund-expenditure');
    expect(t.columns).toEqual([{ key: 'total', label: '预算数' }]);
    expect(t.rows.map((r) => [r.name, r.values.total, r.texts.side, r.texts.panel ?? null])).toEqual([
      ['一、政府性基金预算拨款', 50, 'income', null],
      ['城乡社区支出', 50, 'expenditure', null],
      ['收入合计', 50, 'income', null],
      ['支出合计', 50, 'expenditure', null],
      ['商品和服务支出', 30, 'expenditure', '支出第2栏'],
      ['资本性支出', 20, 'expenditure', '支出第2栏'],
    ]);
  });
});

describe('aligned text: a continued page printing its header again', () => {
  // The 司法局 2026 部门预算 sample's text (一般公共预算支出功能分类预算表, lines 261–267): the page after the form feed
  // prints the header again over its rows. Its labels were joined to the names of the rows nearest them
  // (其他行政事业单位养老支出项目一般公共预算支出功能分类科目编码, 类款项功能分类科目名称合计基本支出项目支出卫生健康支出);
  // they are kept as printed lines instead.
  it('a header printed again over a continued page’s rows is no row’s words', () => {
    const [t] = parse(
      [
        '2026年部门一般公共预算支出功能分类预算表',
        '编制部门：上海市普陀区司法局                                                           单位：元',
        '                        项目                           一般公共预算支出',
        '功能分类科目编码',
        '                         功能分类科目名称     合计              基本支出           项目支出',
        '类     款    项',
        '208             社会保障和就业支出              3343704.00       3343704.00           0.00',
        '208   05        行政事业单位养老支出             3343704.00       3343704.00           0.00',
        '208   05   99   其他行政事业单位养老支出               6440.00         6440.00           0.00',
        '\f                        项目                        一般公共预算支出',
        '功能分类科目编码',
        '                         功能分类科目名称   合计             基本支出           项目支出',
        '类     款    项',
        '210             卫生健康支出               1149678.00      1149678.00           0.00',
        '210   11        行政事业单位医疗             1149678.00      1149678.00           0.00',
      ].join('\n'),
    );
    expect(t.rows.map((r) => [r.code, r.name, r.values.total, r.values.basic, r.values.project])).toEqual([
      ['208', '社会保障和就业支出', 3343704, 3343704, 0],
      ['20805', '行政事业单位养老支出', 3343704, 3343704, 0],
      ['2080599', '其他行政事业单位养老支出', 6440, 6440, 0],
      ['210', '卫生健康支出', 1149678, 1149678, 0],
      ['21011', '行政事业单位医疗', 1149678, 1149678, 0],
    ]);
    // No row holds the repeated header's lines 10–13.
    expect(t.rows.map((r) => r.lines.first)).toEqual([7, 8, 9, 14, 15]);
    expect(t.rows.every((r) => r.lines.first === r.lines.last)).toBe(true);
  });
});

describe('aligned headers: a template group printed over its first member only', () => {
  // 广州水务 2026 收入总体情况表 (L278–L282): 财政专户拨款收入 is printed over 教育收费 alone, 其他专户收入拨款 beside it.
  // Read as the first piece of 教育收费's label (`财政专户拨款收入教育收费`, keyed as the group): the group's members
  // in the template (教育收费, 其他专户收入拨款) are its columns, as 财政拨款's are.
  it('heads its members beside the one it is printed over', () => {
    const h = alignedHeader(
      [
        '                  财政拨款收入        财政专户拨款收入',
        '   合计        一般公共预算   政府性基金预算    教育收费   其他专户收入拨款   事业收入',
      ].map(alignedCells),
      'lists',
    );
    expect(h.columns.map((c) => c.key)).toEqual(['total', 'general', 'fund', 'education-fees', 'special-account-other', 'business']);
    expect(h.columns[3].label).toBe('教育收费');
  });
});

describe('aligned headers: 财政拨款 over its own 合计', () => {
  const keys = (lines: string[]) => alignedHeader(lines.map(alignedCells), null);
  // 财政拨款 / 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算; 总计 = 财政拨款 + 财政专户拨款 + 其他资金.
  const identities = [
    { whole: 1, parts: [2, 3, 4] },
    { whole: 0, parts: [1, 5, 6] },
  ];
  // 广州水务 2026 部门预算基本支出预算表 (L628–L630, PDF page 22): 总计 | 财政拨款 {合计, 一般公共预算, 政府性基金预算,
  // 国有资本经营预算} | 财政专户拨款 | 其他资金. 财政拨款 is printed over 一般公共预算 alone; its 合计 was keyed by place
  // (c2), and 总计 was read as the sum of it and the funds it totals.
  it('takes the 合计 after a 总计 as the group’s total: 总计 = 财政拨款 + 财政专户拨款 + 其他资金', () => {
    const h = keys([
      '支出项目类别（资金使用                                       财政拨款',
      '              总计                                                                  财政专户拨款      其他资金',
      '       单位）                  合计            一般公共预算         政府性基金预算     国有资本经营预算',
    ]);
    expect(h.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special', 'other-income']);
    expect(h.identities).toEqual(identities);
  });

  // The same header over 表12 部门预算项目支出及其他支出预算表 (L723–L727, PDF page 25): the funds' labels wrapped
  // (`一般公共预` / `算`), 财政拨款 centred over its four columns falls in the gap between 一般公共预 and 政府性基金,
  // touching neither.
  it('finds the group from the gap between two of its members', () => {
    const h = keys([
      '                                                 财政拨款',
      '支出项目类别（资金使用单                                                                    财政专 其他资',
      '                   总计                      一般公共预        政府性基金        国有资本经                                   绩效目标',
      '      位）                        合计                                              户拨款     金',
      '                                             算            预算          营预算',
    ]);
    expect(h.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '总计'],
      ['fiscal', '财政拨款合计'],
      ['general', '一般公共预算'],
      ['fund', '政府性基金预算'],
      ['state-capital', '国有资本经营预算'],
      ['fiscal-special', '财政专户拨款'],
      ['other-income', '其他资金'],
    ]);
    expect(h.identities).toEqual(identities);
  });

  // 收入总体情况表 (L278–L284, PDF page 9): 合计 opens the amounts, drawn the header's height beside 财政拨款收入 — the
  // table's total, not the group's (its 300,185.19 is the 财政拨款 sum only because the department has no other income).
  it('leaves a 合计 opening the amounts the table’s total', () => {
    const h = keys([
      '                                             财政拨款收入                       财政专户拨款收入              其他资金收入',
      '                                                                                                                           附属单',
      '                                                                                                   事业单             上级补             上年结',
      '         单位名称            合计          一般公共预 政府性基金 国有资本经                             其他专户 事业收                其他收             位上缴',
      '                                                                          教育收费                     位经营             助收入             转结余',
      '                                       算          预算          营预算                  收入拨款     入               入              收入',
      '                                                                                                   收入',
    ]);
    expect(h.columns.slice(0, 4).map((c) => c.key)).toEqual(['total', 'general', 'fund', 'state-capital']);
  });
});

describe('aligned headers: labels wrapped down their cells', () => {
  // A header three lines high centres each cell's text down it: a label wrapped in its cell prints its first piece on
  // the first line and its rest on the last, with the one-line labels of its neighbours between (规划和自然资源局 2024
  // 决算 L225–227 and L283–287: 附属单位 / 上缴收入, 对附属单位补 / 助支出; 福州 2026 支出预算总表: 事业单位经营 /
  // 支出). The upper piece alone on the first line was taken for the table's name and dropped, the column keyed
  // `c6` as 上缴收入; a label printed between two such rests (上缴上级支出) was taken for their group.
  it('a label wrapped in a cell centred down the header joins its rest two lines below', () => {
    const income = alignedHeader(
      [
        '                                                                         附属单位',
        '  功能分类                    本年收入合计      财政拨款收入      上级补助收入   事业收入   经营收入          其他收入',
        '                 科目名称                                                    上缴收入',
      ].map(alignedCells),
      'lists',
    );
    expect(income.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '本年收入合计'],
      ['fiscal', '财政拨款收入'],
      ['subsidy-from-superior', '上级补助收入'],
      ['business', '事业收入'],
      ['operating', '经营收入'],
      ['affiliated', '附属单位上缴收入'],
      ['other-income', '其他收入'],
    ]);
    const expenditure = alignedHeader(
      [
        '                                                                        事业单位经营                对附属单位补',
        '科目编码           科目名称          合计            基本支出            项目支出                    上缴上级支出',
        '                                                                          支出                    助支出',
      ].map(alignedCells),
      'lists',
    );
    expect(expenditure.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['basic', '基本支出'],
      ['project', '项目支出'],
      ['operating', '事业单位经营支出'],
      ['remit-superior', '上缴上级支出'],
      ['subsidy-to-affiliated', '对附属单位补助支出'],
    ]);
  });

  // The same centring where nothing names the whole label (年末结转和 / 结余, 政府性基金 决算): the rest set right
  // under its first piece and naming nothing alone is its rest (规划和自然资源局 2024 决算 L551–553).
  it('a rest set under its first piece joins it though the two name no template column', () => {
    const h = alignedHeader(
      [
        '                   年初结转和                                  年末结转和',
        '  功能分类                       本年收入           本年支出',
        '          科目名称      结余                                      结余',
      ].map(alignedCells),
      'lists',
    );
    expect(h.columns.map((c) => c.label)).toContain('年末结转和结余');
    expect(h.columns.map((c) => c.label)).toContain('年初结转和结余');
  });

  // 规划和自然资源局 2024 决算 政府性基金预算财政拨款收入支出决算表 (L551–556, as the national template L342–347):
  // 本年支出 is printed over 基本支出 only, yet heads 合计 | 基本支出 | 项目支出 as the template's group does.
  it('本年支出 printed over one of its columns heads its 合计, 基本支出 and 项目支出', () => {
    const h = alignedHeader(
      [
        '         项目',
        '                   年初结转和                                  年末结转和',
        '  功能分类                       本年收入           本年支出',
        '          科目名称      结余                                      结余',
        '  科目编码',
        '         合计                           合计    基本支出   项目支出',
      ].map(alignedCells),
      'lists',
    );
    const labels = h.columns.map((c) => c.label);
    expect(labels).toEqual(expect.arrayContaining(['本年支出合计', '本年支出基本支出', '本年支出项目支出']));
    expect(h.columns.find((c) => c.label === '本年支出基本支出')?.key).toBe('basic');
    expect(h.columns.find((c) => c.label === '本年支出项目支出')?.key).toBe('project');
    // Its 合计 is 本年支出's (`本年支出合计` alone would be a 支出决算表's total), beside the balance's columns.
    expect(h.columns.map((c) => c.key)).toEqual(['opening-balance', 'income', 'expenditure', 'basic', 'project', 'closing-balance']);
  });

  // 北京 预算05表 (L268–273): 项目支出 is centred over 项目支出总数 and 扣除基建项目后预 / 算数, a label wrapped down its
  // cell. Between a label of the lowest line and one wrapped down to it, it is their group, not a seventh column.
  it('a group label between a label and a wrapped label level with it heads both', () => {
    const h = alignedHeader(
      [
        '                                                             基本支出                                   项目支出',
        '  科目编码             科目名称       合计                                                                           扣除基建项目后预',
        '                                              小计             人员经费           公用经费          项目支出总数',
        '                                                                                                              算数',
      ].map(alignedCells),
      'lists',
    );
    expect(h.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['basic', '基本支出小计'],
      ['personnel', '基本支出人员经费'],
      ['public', '基本支出公用经费'],
      ['project', '项目支出总数'],
      ['c6', '扣除基建项目后预算数'],
    ]);
  });

  // The same header as the PDF route lays it out (北京 预算05表, the PDF's page 5): 项目支出 reaches into
  // 扣除基建项目后预 / 算数 from the gap beside it, centred over that column and 项目支出总数. It heads both, and its
  // total 项目支出总数 is no sum of 扣除基建项目后预算数 (what is left of it): the row total = 基本支出 + 项目支出总数.
  it('a group label reaching into one column from the gap heads that column and its neighbour', () => {
    const h = alignedHeader(
      [
        '                                                                                                    基本支出                                              项目支出',
        '     科目编码                      科目名称                          合计',
        '                                                                                                                                                         扣除基建项目后预',
        '                                                                                 小计                 人员经费                公用经费               项目支出总数',
        '                                                                                                                                                                算数',
      ].map(alignedCells),
      'lists',
    );
    expect(h.columns.map((c) => c.key)).toEqual(['total', 'basic', 'personnel', 'public', 'project', 'c6']);
    expect(h.identities).toEqual([
      { whole: 1, parts: [2, 3] },
      { whole: 0, parts: [1, 4] },
    ]);
  });

  // 深圳 2026 收入总表 (L2703–2709): under 财政拨款, 一般公共预算 / 拨款 and 政府性基金预算 / 拨款 beside
  // 国有资本经营预 / 算拨款, printed one space after 政府性基金预算. The narrower 财政拨款 over the run is its group,
  // not a piece of a stack: the run's labels join their rests and 国有资本经营预算拨款 is a column (was `算拨款`).
  it('a run of labels one space apart joins their rests under a narrower group label', () => {
    const h = alignedHeader(
      [
        '                                                                                         本年收入',
        '                                                财政拨款                                                              单位资金                              上年结余',
        '        预算单位        收入总计                                                   财政专户管理                                                                   、结转',
        '                                 一般公共预算        政府性基金预算 国有资本经营预               资金                    事业单位经营                   附属单位上缴',
        '                                                                                         事业收入                    上级补助收入                   其他收入',
        '                                   拨款            拨款           算拨款                                    收入                       收入',
      ].map(alignedCells),
      'lists',
    );
    expect(h.columns.map((c) => [c.key, c.label]).slice(0, 5)).toEqual([
      ['total', '收入总计'],
      ['general', '一般公共预算拨款'],
      ['fund', '政府性基金预算拨款'],
      ['state-capital', '国有资本经营预算拨款'],
      ['fiscal-special', '财政专户管理资金'],
    ]);
  });

  // pdftotext -layout of a LibreOffice PDF of the 喀什地区扶贫开发办公室 2021 seed (表七, L291–293 of its text; the
  // page's form feed taken off the first): each label wraps in its narrow cell. 资本性支 / 出 stands between
  // 资本性支 / 出（基本 / 建设） and 对企业补 / 助（基本 / 建设）, whose last pieces are on the lowest line: it was read as
  // their group, and 资本性支出 and 对企业补助 lost their columns (9 columns where the seed prints 11). Its neighbours'
  // first pieces stand on its own first piece's line: they are its peers, not its members.
  it('a wrapped label beside labels wrapped further down is a column, not their group', () => {
    const h = alignedHeader(
      [
        '科目编码      科目名称               项目支出     工资福利   商品和服   对个人和   债务利息   资本性支   资本性支    对企业补     对企业补   对社会保    其他支出',
        '                             合计       支出     务支出    家庭的补   及费用支   出（基本   出       助（基本     助      障基金补',
        '                                                    助      出      建设）            建设）             助',
      ].map(alignedCells),
      null,
    );
    expect(h.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '项目支出合计'],
      ['econ-301', '工资福利支出'],
      ['econ-302', '商品和服务支出'],
      ['econ-303', '对个人和家庭的补助'],
      ['econ-307', '债务利息及费用支出'],
      ['econ-309', '资本性支出(基本建设)'],
      ['econ-310', '资本性支出'],
      ['econ-311', '对企业补助(基本建设)'],
      ['econ-312', '对企业补助'],
      ['econ-313', '对社会保障基金补助'],
      ['econ-399', '其他支出'],
    ]);
  });
});

describe('aligned headers: a group centred over its block, off its 小计', () => {
  // 江苏政协 2018 “三公”经费、会议费、培训费支出预算表 (tables -layout L236–250): “三公”经费 is centred over 小计 |
  // 因公出国（境）费 | 公务用车… | 公务接待费, printed above 公务用车购置及运行维护费 only, beside 合计, 会议费 and 培训费.
  // The lone 小计 line was read as the table's first row (every value null), and “三公”经费, alone on the first line,
  // as the table's name.
  it('a lone 小计 beside 合计 opens the group centred over its block', () => {
    const [t] = parse(
      [
        '              “三公”经费、会议费、培训费支出预算表',
        '部门：江苏省政协办公厅                                                                 单位：万元',
        '',
        '',
        '',
        '                                 “三公”经费',
        '',
        '                                 公务用车购置及运行维护费',
        '    合计                 因公出国                          公务接          会议费      培训费',
        '              小计',
        '                       （境）费               公务用车 公务用车运 待费',
        '                                 小计',
        '                                           购置费 行维护费',
        '',
        '   1,656.86   675.10    106.00   156.60         156.60   412.50   884.16   97.60',
      ].join('\n'),
    );
    expect(t.columns.map((c) => [c.key, c.label])).toEqual([
      ['total', '合计'],
      ['three-public', '“三公”经费小计'],
      ['outbound-travel', '因公出国(境)费'],
      ['vehicles', '公务用车购置及运行维护费小计'],
      ['vehicle-purchase', '公务用车购置费'],
      ['vehicle-operation', '公务用车运行维护费'],
      ['reception', '公务接待费'],
      ['meeting', '会议费'],
      ['training', '培训费'],
    ]);
    expect(t.rows.map((r) => r.values)).toEqual([
      {
        total: 1656.86, 'three-public': 675.1, 'outbound-travel': 106, vehicles: 156.6, 'vehicle-purchase': null,
        'vehicle-operation': 156.6, reception: 412.5, meeting: 884.16, training: 97.6,
      },
    ]);
  });

});

describe('aligned text: text columns set flush left', () => {
  // 江苏 政协办公厅 2018 公开12表 政府采购预算表 as the PDF route prints it (PDF page 12, its text L232–L247): the
  // labels, 17 pt, are centred in their cells; the 采购物品名称 cell is wider than 经济科目's, and its names are set
  // flush left from column 72. 复印机 (72–75) has its middle nearer 经济科目 (58–62) than 采购物品名称 (85–91),
  // 台式计算机（20万以下） (72–84) nearer 采购物品名称: each piece was placed by its own middle, and 复印机 and 家具用具
  // were read as 经济科目 with no name. The pieces that start at one place are one column's: the widest says which.
  it('a short piece goes to the column of the widest piece that starts where it starts', () => {
    const [t] = parse(
      [
        '                                                      2018年政府采购预算表',
        '      部门：江苏省政协办公厅                                                                                                                                              单位：万元',
        '          采购品目大类                   专项名称                   经济科目                       采购物品名称                         采购组织形式                            总计',
        '合计                                                                                                                                                 1,281.76',
        '一、货物A                                                                                                                                               355.67',
        '                          办公设备购置费               办公设备购置                                                                                              300.00',
        '                                                                        台式计算机（20万以下）                    分散自行组织                                      18.00',
        '                                                                        便携式计算机（20万以下）                   分散自行组织                                      12.00',
        '                                                                        复印机                             分散自行组织                                       7.00',
        '                                                                        其他办公设备                          分散自行组织                                      10.00',
        '                                                                        家具用具                            分散自行组织                                      198.00',
      ].join('\n'),
    );
    expect(t.rows.slice(3).map((r) => [r.name, r.texts, r.values.total])).toEqual([
      ['台式计算机（20万以下）', { 'procurement-method': '分散自行组织' }, 18],
      ['便携式计算机（20万以下）', { 'procurement-method': '分散自行组织' }, 12],
      ['复印机', { 'procurement-method': '分散自行组织' }, 7],
      ['其他办公设备', { 'procurement-method': '分散自行组织' }, 10],
      ['家具用具', { 'procurement-method': '分散自行组织' }, 198],
    ]);
    // 办公设备购置 (48–54) starts where no other piece does: its own middle places it, under 经济科目.
    expect(t.rows[2].texts).toEqual({ 'economic-subject': '办公设备购置' });
  });
});

describe('aligned text: an empty table', () => {
  // 北京民政 2026 预算08表 (tables -layout L470–478; the PDF route prints the same): no rows but its total, its name
  // spread over the cell (`合    计`) and no amounts. Read as a header line, it made a column of its own (`计`, or
  // `合计` keyed c2 beside the real 合计) and the table had no rows.
  it('a total row spread letter by letter, with no amounts, is the table’s total row', () => {
    const [t] = parse(
      [
        '                预算08表 国有资本经营预算支出表',
        '                                           金额单位：万元',
        '',
        '       功能分类科目                       预算数',
        '',
        '科目编码       科目名称          合计         基本支出   项目支出',
        '',
        '',
        '           合    计',
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
    expect(t.rows.map((r) => [r.name, r.role, r.values])).toEqual([['合计', 'total', { total: null, basic: null, project: null }]]);
  });
});

describe('aligned text: the old 8-table set and the national 决算 set (issue 10 probe)', () => {
  // A 2016 收入预算总表 printed by Chromium: every amount some 5 columns right of its label's end, and no row fills
  // every column. 100.00 alone on the 21366 rows (67–73) is nearer 事业收入 (73–77) than 政府性基金拨款 (60–67) by
  // itself; the rows printing it beside 40.00 (ending at 81, 事业收入's) show that amounts ending at 72–73 are the fund's.
  it('an amount alone on its row takes the column whose right edge it shares with the other rows’ amounts', () => {
    const [t] = parse(
      [
        '                                              收入预算总表',
        '编制单位：某县农业局                                                                                            单位：万元',
        '  科目编码                  科目名称      合计         公共财政拨款         政府性基金拨款      事业收入       事业单位经营收入   其他收入   上年结转',
        ' 类 款 项',
        '                         合计       1,315.00      1,155.00          100.00   40.00                        20.00',
        ' 213           农林水支出              1,315.00      1,155.00           100.00   40.00                        20.00',
        ' 213   01      农业                 1,215.00      1,155.00                    40.00                        20.00',
        ' 213   01   04 事业运行                 400.00        360.00                    40.00',
        ' 213   01   06 科技转化与推广服务            815.00        795.00                                                 20.00',
        ' 213   66      大中型水库库区基金支出          100.00                         100.00',
        ' 213   66   01 基础设施建设和经济发展          100.00                         100.00',
      ].join('\n'),
    );
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'general', 'fund', 'business', 'operating', 'other-income', 'carryover']);
    expect(t.rows.map((r) => [r.code, r.values.total, r.values.general, r.values.fund, r.values.business, r.values.carryover])).toEqual([
      [null, 1315, 1155, 100, 40, 20],
      ['213', 1315, 1155, 100, 40, 20],
      ['21301', 1215, 1155, null, 40, 20],
      ['2130104', 400, 360, null, 40, null],
      ['2130106', 815, 795, null, null, 20],
      ['21366', 100, null, 100, null, null],
      ['2136601', 100, null, 100, null, null],
    ]);
  });

  // A 2023 部门决算's 三公 table: 预算数 and 决算数 each over 合计, 因公出国（境）费, 公务用车购置及运行费 (小计, 购置费,
  // 运行费) and 公务接待费. Under 预算数 the labels are packed one space apart, `因公出国（境）费 小计`, a bracket before
  // the last letter: read as one label, 预算数 had eleven columns for the row's twelve amounts, all left unplaced.
  it('labels one space apart after a bracketed letter are two columns: a 三公 决算 row’s twelve amounts placed', () => {
    const [t] = parse(
      [
        '                                  一般公共预算财政拨款“三公”经费支出决算表',
        '部门：某县农业农村局                                                                                        单位：万元',
        '                      预算数                                                    决算数',
        '                      公务用车购置及运行费',
        ' 合计 因公出国（境）费 小计 公务用车购置费                    公务接待费     合计    因公出国（境）费          公务用车购置及运行费',
        '                                公务用车运行费                                小计 公务用车购置费 公务用车运行费 公务接待费',
        '  1     2        3      4          5         6        7        8        9      10       11       12',
        ' 52.00     6.00 36.00      0.00      36.00     10.00 41.50        5.20 31.80      0.00     31.80    4.50',
        '注：本表反映部门本年度“三公”经费支出预决算情况。',
      ].join('\n'),
    );
    expect(t.kind).toBe('three-public-expenditure');
    expect(t.columns.map((c) => c.key)).toEqual([
      'total-budget',
      'outbound-travel-budget',
      'vehicles-budget',
      'vehicle-purchase-budget',
      'vehicle-operation-budget',
      'reception-budget',
      'total-actual',
      'outbound-travel-actual',
      'vehicles-actual',
      'vehicle-purchase-actual',
      'vehicle-operation-actual',
      'reception-actual',
    ]);
    // 合计 = 出国 + 小计 + 接待 (52.00 = 6.00 + 36.00 + 10.00; 41.50 = 5.20 + 31.80 + 4.50), 小计 = 购置 + 运行.
    expect(t.rows.map((r) => t.columns.map((c) => r.values[c.key]))).toEqual([[52, 6, 36, 0, 36, 10, 41.5, 5.2, 31.8, 0, 31.8, 4.5]]);
  });

  // An amount printed across the border of two columns' windows is either's as far as its place says; where the
  // row's identities close both ways (合计 = 一般公共预算 + 政府性基金 + 事业收入), it is flagged and left out, not
  // given to the nearer by a character. Header labels: 合计 28–30, 一般公共预算 40–46, 政府性基金 55–60, 事业收入 70–74.
  const between = (total: string[]) =>
    parseAlignedTables(
      toSourceLines(
        [
          '收入预算总表',
          '单位：万元',
          '单位名称                        合计          一般公共预算         政府性基金          事业收入',
          ...total,
          // 40.00 at 70–75: its right edge within 事业收入's window.
          '某某局                     100.00           60.00                        40.00',
          // 30.00 at 55–60: within 政府性基金's.
          '某某中心                    50.00           20.00          30.00',
          // 40.00 at 62–67: seven positions from 政府性基金's window and seven from 事业收入's, no other row ending there.
          '某某所                      70.00           30.00                40.00',
        ].join('\n'),
      ),
    );

  it('an amount between two column windows whose row closes either way is flagged, not placed', () => {
    const { tables, unparsed } = between([]);
    const [t] = tables;
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'general', 'fund', 'business']);
    // Fixture lines 4 and 5: each amount inside its window is placed, unflagged.
    expect(t.rows[0]).toMatchObject({ values: { total: 100, general: 60, fund: null, business: 40 }, flag: null, uncertain: [] });
    expect(t.rows[1]).toMatchObject({ values: { total: 50, general: 20, fund: 30, business: null }, flag: null, uncertain: [] });
    // Fixture line 6: 70.00 = 30.00 + 40.00 with 40.00 under 政府性基金 or under 事业收入.
    expect(t.rows[2].values).toEqual({ total: 70, general: 30, fund: null, business: null });
    expect(t.rows[2].uncertain).toEqual(['fund', 'business']);
    expect(t.rows[2].flag).toContain('2 种填法');
    expect(unparsed).toEqual([
      { lines: { first: 6, last: 6 }, text: '40.00', reason: expect.stringContaining('政府性基金预算、事业收入中的任一列') },
    ]);
  });

  it('an amount between two column windows is placed where the total row decides, without a flag', () => {
    // 合计 政府性基金 70.00 = 30.00 + 40.00 and 事业收入 40.00 = 某某局's alone: 某某所's 40.00 is 政府性基金's.
    const { tables, unparsed } = between(['合计                       220.00          110.00          70.00          40.00']);
    const [t] = tables;
    expect(t.rows.map((r) => [r.name, r.values, r.flag])).toEqual([
      ['合计', { total: 220, general: 110, fund: 70, business: 40 }, null],
      ['某某局', { total: 100, general: 60, fund: null, business: 40 }, null],
      ['某某中心', { total: 50, general: 20, fund: 30, business: null }, null],
      ['某某所', { total: 70, general: 30, fund: 40, business: null }, null],
    ]);
    expect(unparsed).toEqual([]);
  });

});

describe('aligned text: a later page printed squeezed', () => {
  // A later page of a wide table that `pdftotext -layout` prints squeezed sets its amounts 3 characters apart whatever
  // their distance on the page (杭州 表2 p. 25: 4,390.27 ends at x 410.6 and the next amount starts at 597.5, yet
  // they stand 8 characters apart in the text, the page number between them): no fit of their places tells their
  // columns, and a row's own sums leave 事业收入 among 国有资本经营预算 … 其他收入. A list of a department's units
  // states its parents by their amounts alone: the department is the sum of its units in every column, and that
  // decides the row. The title and header are 杭州 表2's (L589–L599); the rows are written
  // here: 本级 600.00 = 595.00 + 5.00, 研究中心 250.00 = 100.00 + 150.00 (事业收入), and on the second page
  // 发展保障中心 150.00 = 145.00 (100.00 + 20.00 + 25.00) + 5.00 (一般公共预算 5.00); the department 1000.00, 990.00,
  // 600.00, 170.00 = 150.00 + 20.00, 事业收入 175.00 = 150.00 + 25.00, 其他收入 45.00, 上年结转 10.00 = 5.00 + 5.00.
  it('a row of a squeezed later page is placed by its department\'s sums where its places say nothing', () => {
    const [t] = parse(
      [
        '\f                                                          表2：2026年市级部门收入预算总表',
        '部门名称：杭州市交通运输局单位：万元',
        ...HANGZHOU_T2_HEADER,
        '',
        '合计              1000.00       990.00         600.00       170.00                  175.00                             45.00     10.00     10.00',
        '市交通运输局          1000.00       990.00         600.00       170.00                  175.00                             45.00     10.00     10.00',
        '    市交通运输局本级     600.00       595.00         400.00       150.00                                                     45.00      5.00      5.00',
        '    市交通规划研究中心    250.00       250.00         100.00                               150.00',
        '',
        '                             23',
        '\f 市交通运输发展保障中心   150.00   145.00   100.00   20.00   25.00   5.00   5.00',
      ].join('\n'),
    );
    const row = t.rows.find((r) => r.name === '市交通运输发展保障中心')!;
    expect(row.values).toMatchObject({
      total: 150,
      income: 145,
      general: 100,
      fund: 20,
      'state-capital': null,
      'fiscal-special': null,
      business: 25,
      'other-income': null,
      carryover: 5,
      c13: 5,
      c14: null,
    });
  });
});

describe('aligned text: a name wrapped over a page break', () => {
  // 杭州 表2 -layout L634–L640 (and the PDF route's L620–L625): `杭州市综合` / its amounts / `交通运输研究`, the page's
  // number `23`, and over the page break `中心`, the end of the name. The title, header and the amounts' places are
  // 杭州 表2's (L589–L599, L635); the names and amounts are written here. The fixture's lines:
  // L13 合计 3,000.00; L15–L17 `市交通运输` / 1,000.00 / `综合行政执法`; L19–L21 `市综合交通` / 1,500.00 / `lastPiece`;
  // L23 the page number 23; L24 `\f` + `pageTop`; L25–L27 `市交通运输` / `发展保障` with 500.00 / `中心` (L642–L644).
  const amounts = (v: string) => `               ${v}       ${v}                                          ${v}`;
  const table = (lastPiece: string, pageTop: string) =>
    parse(
      [
        '\f                                                          表2：2026年市级部门收入预算总表',
        '部门名称：杭州市交通运输局单位：万元',
        ...HANGZHOU_T2_HEADER,
        '',
        '合计' + amounts('3,000.00').slice(2),
        '',
        '    市交通运输',
        amounts('1,000.00'),
        '综合行政执法',
        '',
        '    市综合交通',
        amounts('1,500.00'),
        lastPiece,
        '',
        '                                                                                           23',
        '\f' + pageTop,
        ' 市交通运输',
        '发展保障' + amounts('  500.00').slice(4),
        '中心',
      ].join('\n'),
    )[0];

  it('a piece opening the next page, narrower than the next name\'s line under it, ends the name before the break, whose last line is full', () => {
    const t = table('运输研究发展', '中心');
    expect(t.rows.map((r) => [r.name, r.values.total, r.values.business, r.lines, r.flag])).toEqual([
      ['合计', 3000, 3000, { first: 13, last: 13 }, null],
      ['市交通运输综合行政执法', 1000, 1000, { first: 15, last: 17 }, null],
      ['市综合交通运输研究发展中心', 1500, 1500, { first: 19, last: 24 }, null],
      ['市交通运输发展保障中心', 500, 500, { first: 25, last: 27 }, null],
    ]);
  });

  it('a piece wider than the line under it may open the next name: it stays a row of its own, flagged', () => {
    const t = table('运输研究发展', '交通运输中心');
    expect(t.rows.map((r) => [r.name, r.values.total, r.lines, r.flag])).toEqual([
      ['合计', 3000, { first: 13, last: 13 }, null],
      ['市交通运输综合行政执法', 1000, { first: 15, last: 17 }, null],
      ['市综合交通运输研究发展', 1500, { first: 19, last: 21 }, null],
      ['交通运输中心', null, { first: 24, last: 24 }, '「交通运输中心」印在新一页的顶端，不能确定是上一页末行「市综合交通运输研究发展」名称的末尾还是下一行名称的开头'],
      // The piece fills its line (6, as 综合行政执法): the name above may go on in the next one too, whose owner is not
      // certain either (names-around.ts).
      ['市交通运输', null, { first: 25, last: 25 }, '「市交通运输」印在两行金额之间，不能确定是上一行名称的末尾还是下一行名称的开头'],
      ['发展保障中心', 500, { first: 26, last: 27 }, null],
    ]);
  });

  it('a name whose last line ends short is whole: the piece over the page break is not joined to it', () => {
    const t = table('研究院', '中心');
    expect(t.rows.map((r) => [r.name, r.lines, r.flag])).toEqual([
      ['合计', { first: 13, last: 13 }, null],
      ['市交通运输综合行政执法', { first: 15, last: 17 }, null],
      ['市综合交通研究院', { first: 19, last: 21 }, null],
      ['中心', { first: 24, last: 24 }, null],
      ['市交通运输发展保障中心', { first: 25, last: 27 }, null],
    ]);
  });
});
