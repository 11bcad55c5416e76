import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { alignedCells } from '../../src/ingest/layout/cells.ts';

// Tables extracted at another character pitch than the PDF's (`pdftotext -layout -fixed N`): a label prints in fewer
// or more columns than it covers, so a group label stands further from the labels it heads than at the default pitch.

function parse(lines: readonly string[]) {
  return parseDisclosure(lines.join('\n') + '\n', { file: 'pitch.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
}

// 广州 水务局 2026 部门预算 表11 部门预算基本支出预算表, `pdftotext -layout -fixed 4` of the published PDF, lines 624–636:
// 财政拨款 at 104–108 over 合计 (72–74), 一般公共预算 (90–96), 政府性基金预算 (111–118) and 国有资本经营预算 (133–141),
// 8 columns right of the first member's end and 3 left of the second's start.
const GUANGZHOU_T11 = [
  "",
  "                                                                                       部门预算基本支出预算表",
  "",
  "           单位名称：广州市水务局                                                                                                                                                                   单位：万元",
  "            支出项目类别（资金使用                                                                                 财政拨款",
  "                                                  总计                                                                                                          财政专户拨款                   其他资金",
  "                      单位）                                               合计                一般公共预算               政府性基金预算               国有资本经营预算",
  "                       合计                           30,245.68              30,245.68             30,245.68                    0.00                   0.00                   0.00                  0.00",
  "            广州市水务局（本级）                               7,995.71               7,995.71               7,995.71                   0.00                   0.00                   0.00                  0.00",
  "              工资福利支出                                 5,790.71               5,790.71               5,790.71                   0.00                   0.00                   0.00                  0.00",
  "              商品和服务支出                                   683.86                 683.86                683.86                   0.00                   0.00                   0.00                  0.00",
  "              对个人和家庭的补助                              1,521.14               1,521.14               1,521.14                   0.00                   0.00                   0.00                  0.00",
  "            广州市南部水网流域事务"
];

describe('a template group standing far from its members', () => {
  it('heads the members printed lower on both sides of it, and is no column of its own (广州 表11 at pitch 4)', () => {
    const t = parse(GUANGZHOU_T11).tables.find((x) => x.title === '部门预算基本支出预算表');
    expect(t?.columns.map((c) => [c.key, c.parent ?? null])).toEqual([
      ['total', null],
      ['fiscal', 'total'],
      ['general', 'fiscal'],
      ['fund', 'fiscal'],
      ['state-capital', 'fiscal'],
      ['fiscal-special', 'total'],
      ['other-income', 'total'],
    ]);
    // L631 `合计  30,245.68  30,245.68  30,245.68  0.00  0.00  0.00  0.00`
    const total = t!.rows.find((r) => r.name === '合计')!;
    expect(total.values).toEqual({ total: 30245.68, fiscal: 30245.68, general: 30245.68, fund: 0, 'state-capital': 0, 'fiscal-special': 0, 'other-income': 0 });
    // L634 `商品和服务支出  683.86  683.86  683.86  0.00 …`
    const goods = t!.rows.find((r) => r.name === '商品和服务支出')!;
    expect([goods.values.total, goods.values.fiscal, goods.values.general, goods.values.fund]).toEqual([683.86, 683.86, 683.86, 0]);
  });
});

// 广州 水务局 2026 部门预算 表12 部门预算项目支出及其他支出预算表, `pdftotext -layout -fixed 6`, lines 708–737 (the last
// rows of 表11 first, so that the excerpt reads as aligned text): the rows' last amounts end at 103 (L732 `0.00` at
// 99–103), the 绩效目标 text of a line alone starts at 91 or 92 (L730–L731).
const GUANGZHOU_T12 = [
  "          工资福利支出                    1,785.08       1,785.08       1,785.08          0.00           0.00           0.00            0.00",
  "          商品和服务支出                    111.41         111.41         111.41           0.00           0.00           0.00            0.00",
  "          对个人和家庭的补助                   89.43          89.43          89.43           0.00           0.00           0.00            0.00",
  "          资本性支出                        2.20           2.20           2.20           0.00           0.00           0.00            0.00",
  "       注：金额转化为万元时，四舍五入可能存在尾差。",
  "",
  "",
  "",
  "",
  "                                                                    - 22 -",
  "\f                                                                                                                                 表12",
  "",
  "                                                     部门预算项目支出及其他支出预算表",
  "",
  "       单位名称：广州市水务局                                                                                                         单位：万元",
  "                                                       财政拨款",
  "        支出项目类别（资金使用单                                                           财政专   其他资",
  "                                总计               一般公共预      政府性基金     国有资本经                                  绩效目标",
  "                位）                        合计                                   户拨款     金",
  "                                                     算        预算       营预算",
  "                合计            269,939.51269,939.51 19,716.07250,223.44     0.00   0.00  0.00",
  "        广州市水务局                210,767.40210,767.40  2,728.76208,038.64     0.00   0.00  0.00",
  "                                                                                            通过组织我局工作人员开展因公临时出国（境）访问，",
  "                                                                                           学习借鉴国际水务在建设、管理等方面的先进经验，为",
  "           因公出国（境）经费              22.06     22.06     22.06      0.00      0.00   0.00  0.00",
  "                                                                                           科学推进水务“十五五”规划建设、对标国际先进水平",
  "                                                                                           提供支撑。",
  "                                                                                            通过安排市纪委派驻组工作经费保障市纪委派驻组办",
  "           专项工作经费                  5.00      5.00      5.00      0.00      0.00   0.00  0.00",
  "                                                                                           公、办案所需，保障相关工作顺利推进。"
];

describe('a prose column whose text starts left of where the amounts end', () => {
  it('reads a line of text alone below the first row, right of where the amounts begin, as the prose column (广州 表12 at pitch 6)', () => {
    const t = parse(GUANGZHOU_T12).tables.find((x) => x.title === '部门预算项目支出及其他支出预算表');
    expect(t?.rows.slice(2).map((r) => r.name)).toEqual(['因公出国（境）经费', '专项工作经费']);
    // L732 `因公出国（境）经费  22.06  22.06  22.06  0.00  0.00  0.00  0.00`, its text on L730–L731 and L733–L734.
    const travel = t!.rows[2];
    expect(travel.values.total).toBe(22.06);
    expect(travel.texts?.['performance-goal']).toBe(
      '通过组织我局工作人员开展因公临时出国（境）访问，学习借鉴国际水务在建设、管理等方面的先进经验，为科学推进水务“十五五”规划建设、对标国际先进水平提供支撑。',
    );
  });
});

// 烟台 水利局 2026 部门预算 基本支出预算情况表, `pdftotext -layout -fixed 3`, lines 839–850: each wrapped label's rest
// stands right of its first piece's end, not under it (`一般公共预` at 144–149 over `算` at 150–151, `政府性基金` at
// 163–168 over `预算` at 168–170, `政拨款结` at 239–243 over `余` at 244–245).
const YANTAI_BASIC = [
  "                                                                                                                         基本支出预算情况表",
  "           部门（单位）：烟台市水利局                                                                                                                                                                                                                                       单位：万元",
  "",
  "           科目编码                                            科目编码                                                                                            财政拨款",
  "                          部门预算支出经济分类                                     政府预算支出经济分类                                                                                                                      财政专户管                                 使用非财",
  "                                      科目                                              科目                       合计                               一般公共预              政府性基金              国有资本经                 理资金              单位资金              政拨款结            上年结转",
  "             类      款                                       类      款                                                              小计                  算                 预算               营预算                                                        余",
  "",
  "                          合计                                                                                     3,883.30           3,883.30           3,883.30",
  "",
  "            301           工资福利支出                           501           机关工资福利支出                                1,273.59           1,273.59           1,273.59",
  ""
];

describe('a wrapped label whose rest stands beside its end', () => {
  it('joins the rest to the label it wraps, and keeps the group over it (烟台 基本支出预算情况表 at pitch 3)', () => {
    const t = parse(YANTAI_BASIC).tables.find((x) => x.title === '基本支出预算情况表');
    expect(t?.columns.map((c) => [c.key, c.label, c.parent ?? null])).toEqual([
      ['total', '合计', null],
      ['fiscal', '财政拨款小计', 'total'],
      ['general', '一般公共预算', 'fiscal'],
      ['fund', '政府性基金预算', 'fiscal'],
      ['state-capital', '国有资本经营预算', 'fiscal'],
      ['fiscal-special', '财政专户管理资金', 'total'],
      ['unit-funds', '单位资金', 'total'],
      ['non-fiscal-balance', '使用非财政拨款结余', 'total'],
      ['carryover', '上年结转', 'total'],
    ]);
    // L849 `301  工资福利支出  501  机关工资福利支出  1,273.59  1,273.59  1,273.59`
    const wages = t!.rows.find((r) => r.code === '301')!;
    expect([wages.values.total, wages.values.fiscal, wages.values.general, wages.values.fund]).toEqual([1273.59, 1273.59, 1273.59, null]);
  });
});

// 烟台 水利局 2026 部门预算 项目支出预算情况表 (公开表11), `pdftotext -layout -fixed 4`, lines 1023–1039: its second page,
// the header printed again, its rows' amounts ending at 124, where `政府性基金` starts (124–129), 7 past the end of
// `一般公共预` / `算` (111–117); the page prints no amount further right that would say which of the two they are.
const YANTAI_T11_PAGE2 = [
  "                                                                                                                                                                                                  公开表11",
  "",
  "                                                                                          项目支出预算情况表",
  "        部门（单位）：烟台市水利局                                                                                                                                                                           单位：万元",
  "",
  "                                                                                                                       财政拨款",
  "                                                                                                                                                       财政专户管                      使用非财政",
  "                                 项目名称                                   项目类别            合计                     一般公共预        政府性基金         国有资本经          理资金         单位资金          拨款结余         上年结转",
  "                                                                                                      小计            算           预算          营预算",
  "        宫家岛橡胶坝大修工程                                                    特定目标类                373.37       373.37        373.37",
  "",
  "        实施公车统管费用                                                      其他运转类                  3.00         3.00          3.00",
  "",
  "        老岚水库移民安置工作管理费                                                 特定目标类                 45.00        45.00         45.00",
  "",
  "        老岚水库移民安置竣工技术预验收及2026年度移民后期扶持实施情况监督                            特定目标类                 30.00        30.00         30.00",
  "        评估",
];

describe('right-aligned amounts ending where the next label starts', () => {
  it('are the column before it: an amount set flush right ends past its own label\'s start (烟台 表11 page 2 at pitch 4)', () => {
    const t = parse(YANTAI_T11_PAGE2).tables.find((x) => x.title === '项目支出预算情况表');
    // L1032 `宫家岛橡胶坝大修工程  特定目标类  373.37  373.37  373.37`
    const dam = t!.rows.find((r) => r.name === '宫家岛橡胶坝大修工程')!;
    expect([dam.values.total, dam.values.fiscal, dam.values.general, dam.values.fund]).toEqual([373.37, 373.37, 373.37, null]);
    // L1036 `老岚水库移民安置工作管理费  特定目标类  45.00  45.00  45.00`
    const resettlement = t!.rows.find((r) => r.name === '老岚水库移民安置工作管理费')!;
    expect([resettlement.values.total, resettlement.values.general, resettlement.values.fund]).toEqual([45, 45, null]);
  });
});

// 普陀 司法局 2026 部门预算 “三公”经费和机关运行经费预算表, `pdftotext -layout -fixed 4`, lines 338–353 (the last rows
// of the table before first, so that the excerpt reads as aligned text): the label
// `机关运行经费预算` (169–177) alone on its line, its rest `数` two lines down at 180–181, right of its end; the line
// between prints nothing over them.
const PUTUO_THREE_PUBLIC = [
  "                    310                      资本性支出                                                                                   36600.00                       0.00                36600.00",
  "                    310             02       办公设备购置                                                                                  36600.00                       0.00                36600.00",
  "                                                                合计                                                              25741666.44               23563342.00                2178324.44",
  "                                                          2026年部门“三公”经费和机关运行经费预算表",
  "                 编制部门：上海市普陀区司法局                                                                                                                                                      单位:万元",
  "",
  "                                                                               “三公”经费预算数",
  "                                                                                                                                                                         机关运行经费预算",
  "                                                                                                                    公务用车购置及运行费",
  "                                                                                                                                                                                    数",
  "                          合计                 因公出国(境)费                   公务接待费",
  "                                                                                                      小计                      购置费                      运行费",
  "",
  "",
  "",
  "                                   10.81                         0                     0.83                     9.98                         0                     9.98                  217.83",
];

describe('a wrapped label whose rest stands beside its end two lines down', () => {
  it('joins the rest to the label, one column (普陀 “三公” table at pitch 4)', () => {
    const t = parse(PUTUO_THREE_PUBLIC).tables.find((x) => x.title === '2026年部门“三公”经费和机关运行经费预算表');
    expect(t?.columns.map((c) => c.key)).toEqual(['total', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'operating-costs']);
    expect(t!.columns.find((c) => c.key === 'operating-costs')?.label).toBe('机关运行经费预算数');
    // L353 `10.81  0  0.83  9.98  0  9.98  217.83`
    expect(t!.rows[0].values).toEqual({ total: 10.81, 'outbound-travel': 0, reception: 0.83, vehicles: 9.98, 'vehicle-purchase': 0, 'vehicle-operation': 9.98, 'operating-costs': 217.83 });
  });
});

// 广州 水务局 2026 部门预算 表3 本年支出总体情况表, `pdftotext -layout -fixed 4`, lines 305–316: `对附属单位补助支` at
// 158–166 shares its line with the row-name group `功能分类科目`, its rest `出` at 167–168 two lines down, the line
// between printing nothing over them (`事业单位经营支出` ends at 145, `上缴上级支出` starts at 182).
const GUANGZHOU_T3_PITCH4 = [
  "",
  "                                                                                          本年支出总体情况表",
  "",
  "           单位名称：广州市水务局                                                                                                                                                                   单位：万元",
  "                                   功能分类科目                                                                                                                     对附属单位补助支",
  "                                                                                   合计                基本支出                 项目支出           事业单位经营支出                                     上缴上级支出",
  "                  科目编码                            科目名称                                                                                                                 出",
  "                                                    合计                             300,185.19            30,245.68           269,939.51                  0.00                 0.00                0.00",
  "            201                     一般公共服务支出                                              5.00                 0.00                 5.00                 0.00                 0.00                0.00",
  "            20111                      纪检监察事务                                             5.00                 0.00                 5.00                 0.00                 0.00                0.00",
  "            2011105                       派驻派出机构                                          5.00                 0.00                 5.00                 0.00                 0.00                0.00",
  "            208                     社会保障和就业支出                                        4,454.29             4,454.29                  0.00                 0.00                 0.00                0.00",
];

// 广州 表2 收入总体情况表, `pdftotext -layout -fixed 3`, lines 275–287: `政府性基金` at 117–122, its rest `预算` at 122–124
// two lines down; `预算` alone is the total's word, the two together the fund's column.
const GUANGZHOU_T2_PITCH3 = [
  "                                                                                                                             收入总体情况表",
  "",
  "              单位名称：广州市水务局                                                                                                                                                                                                                             单位：万元",
  "                                                                                                                   财政拨款收入                                   财政专户拨款收入                                其他资金收入",
  "                                                                                                                                                                                                                                                 附属单",
  "                                                                                                                                                                                                         事业单                        上级补                       上年结",
  "                                      单位名称                                         合计             一般公共预              政府性基金              国有资本经                              其他专户            事业收                        其他收                        位上缴",
  "                                                                                                                                                           教育收费                                          位经营                        助收入                       转结余",
  "                                                                                                        算                 预算               营预算                             收入拨款                入                         入                         收入",
  "                                                                                                                                                                                                          收入",
  "                                         合计                                     300,185.19          49,961.75         250,223.44                   0.00            0.00            0.00         0.00          0.00         0.00         0.00          0.00         0.00",
  "                广州市水务局                                                          218,763.11          10,724.46         208,038.64                   0.00            0.00            0.00         0.00          0.00         0.00         0.00          0.00         0.00",
  "                广州市南部水网流域事务中心                                                      1,255.78           1,255.78                  0.00               0.00            0.00            0.00         0.00          0.00         0.00         0.00          0.00         0.00",
];

// 广州 表12 部门预算项目支出及其他支出预算表, `pdftotext -layout -fixed 4`, lines 720–733 (the 绩效目标 text of the first
// project cut short): `支出项目类别（资金使用单` at 12–24, beside `财政专` and `其他资` on its line, its rest `位）` at 24–26
// two lines down, under `总计` … printed between.
const GUANGZHOU_T12_PITCH4 = [
  "                                                                               部门预算项目支出及其他支出预算表",
  "",
  "           单位名称：广州市水务局                                                                                                                                                                   单位：万元",
  "                                                                                   财政拨款",
  "            支出项目类别（资金使用单                                                                                               财政专      其他资",
  "                                                总计                        一般公共预          政府性基金          国有资本经                                                      绩效目标",
  "                        位）                                     合计                                                      户拨款         金",
  "                                                                               算             预算            营预算",
  "                        合计                   269,939.51     269,939.51       19,716.07     250,223.44            0.00      0.00     0.00",
  "            广州市水务局                           210,767.40     210,767.40        2,728.76     208,038.64            0.00      0.00     0.00",
  "                                                                                                                                          通过组织我局工作人员开展因公临时出国（境）访问，",
  "                                                                                                                                         学习借鉴国际水务在建设、管理等方面的先进经验，为",
  "                 因公出国（境）经费                         22.06           22.06          22.06           0.00           0.00      0.00     0.00",
  "                                                                                                                                         科学推进水务“十五五”规划建设、对标国际先进水平",
];

describe('a wrapped label beside other labels, its rest two lines down past its end', () => {
  it('joins the rest to the label where the line between prints nothing over them (广州 表3 at pitch 4)', () => {
    const t = parse(GUANGZHOU_T3_PITCH4).tables.find((x) => x.title === '本年支出总体情况表');
    expect(t?.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'operating', 'subsidy-to-affiliated', 'remit-superior']);
    // L313 `201  一般公共服务支出  5.00  0.00  5.00  0.00  0.00  0.00`
    const general = t!.rows.find((r) => r.code === '201')!;
    expect(general.values).toEqual({ total: 5, basic: 0, project: 5, operating: 0, 'subsidy-to-affiliated': 0, 'remit-superior': 0 });
  });

  it("takes the row-name label's closing bracket as its rest: no amount column (广州 表12 at pitch 4)", () => {
    const t = parse(GUANGZHOU_T12_PITCH4).tables.find((x) => x.title === '部门预算项目支出及其他支出预算表');
    expect(t?.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special', 'other-income']);
    // L732 `因公出国（境）经费  22.06  22.06  22.06  0.00  0.00  0.00  0.00`
    const travel = t!.rows.find((r) => r.name === '因公出国（境）经费')!;
    expect([travel.values.total, travel.values.fiscal, travel.values.general, travel.values.fund]).toEqual([22.06, 22.06, 22.06, 0]);
  });

  it("reads a label on into the total's word that ends its name, one column (广州 表2 at pitch 3)", () => {
    const t = parse(GUANGZHOU_T2_PITCH3).tables.find((x) => x.title === '收入总体情况表');
    expect(t?.columns.map((c) => c.key)).toEqual([
      'total', 'general', 'fund', 'state-capital', 'education-fees', 'special-account-other', 'business', 'operating',
      'other-income', 'subsidy-from-superior', 'affiliated', 'carryover',
    ]);
    // L286 `广州市水务局  218,763.11  10,724.46  208,038.64  0.00 …`
    const bureau = t!.rows.find((r) => r.name === '广州市水务局')!;
    expect([bureau.values.total, bureau.values.general, bureau.values.fund, bureau.values['state-capital']]).toEqual([218763.11, 10724.46, 208038.64, 0]);
  });
});

describe('amounts printed with no space between them', () => {
  it("cuts them where the last one's decimals say each ends, and marks the pieces glued", () => {
    // 杭州 交通运输局 2026 收入总表, `pdftotext -layout -fixed 6` L602: `合计  665964.37648105.52  221,493.00`.
    const cells = alignedCells('   合计          665964.37648105.52         221,493.00');
    expect(cells.map((c) => [c.text, c.start, c.end, c.glued ?? false])).toEqual([
      ['合计', 3, 5, false],
      ['665964.37', 15, 24, true],
      ['648105.52', 24, 33, true],
      ['221,493.00', 42, 52, false],
    ]);
    // 西安 交通运输局 2022 “三公”经费表, `-fixed 4` L2150: a sign opens the next amount.
    expect(alignedCells('  0.0040.49 77.00 -1.65133.00').map((c) => c.text)).toEqual(['0.00', '40.49', '77.00', '-1.65', '133.00']);
  });

  it('leaves a word that is no run of such amounts whole (a date, a version, an address)', () => {
    expect(alignedCells('x 2024.01.15 1.2.3 192.168.1.1').map((c) => c.text)).toEqual(['x 2024.01.15 1.2.3 192.168.1.1']);
  });

  it('cuts whole amounts grouped by thousands after each one\'s last group of three', () => {
    // 普陀 社会福利院 2024 基本支出经济分类预算表 in 元, `pdftotext -layout -fixed 6` L330:
    // `合计  9,501,1647,380,214 2,120,950` (as printed: 9,501,164 7,380,214 2,120,950).
    const cells = alignedCells('                                                        合计                       9,501,1647,380,214 2,120,950');
    expect(cells.map((c) => [c.text, c.glued ?? false])).toEqual([
      ['合计', false],
      ['9,501,164', true],
      ['7,380,214', true],
      ['2,120,950', false],
    ]);
    // L278 `工资福利支出  6,958,4146,958,414`; the last may be under a thousand.
    expect(alignedCells('  6,958,4146,958,414 x 3,580,522500').map((c) => c.text)).toEqual(['6,958,414', '6,958,414', 'x', '3,580,522', '500']);
    // One under a thousand before another could end after any of its digits: left whole.
    expect(alignedCells('  12345,678').map((c) => c.text)).toEqual(['12345,678']);
  });

  it("cuts an amount run on into the next cell's code where the line's amounts say where it ends", () => {
    // 普陀 规划资源局 2024 一般公共预算财政拨款基本支出决算表, `pdftotext -layout -fixed 6` L466–L467 (as printed:
    // `301 工资福利支出 4816.14 302 商品和服务支出 440.90`, `30101 基本工资 537.64 30201 办公费 84.62`).
    const line = '           30101      基本工资                     537.6430201      办公费                  84.62';
    expect(alignedCells(line).map((c) => [c.text, c.glued ?? false])).toEqual([
      ['30101', false],
      ['基本工资', false],
      ['537.64', true],
      ['30201', false],
      ['办公费', false],
      ['84.62', false],
    ]);
    expect(alignedCells('           301      工资福利支出                    4816.14302      商品和服务支出                440.90').map((c) => c.text)).toEqual(['301', '工资福利支出', '4816.14', '302', '商品和服务支出', '440.90']);
    // Amounts printed to six places, or digits past them that are no code, are left as printed.
    expect(alignedCells('  2,983.944000  2,983.944000').map((c) => c.text)).toEqual(['2,983.944000', '2,983.944000']);
    expect(alignedCells('  537.6412345  84.62').map((c) => c.text)).toEqual(['537.6412345', '84.62']);
  });
});

// 杭州 交通运输局 2026 表5 一般公共预算支出预算表, `pdftotext -layout -fixed 6`, lines 792–810: 合计's 合计 and 基本支出
// 小计 glued (L802 `432,513.7082,479.29`), its 项目支出 pushed onto the lines around it (L801 `350,034.4` at 85–94, one
// column into 14,902.37 at 77–86; L803 `2`).
const HANGZHOU_T5 = [
  "",
  "                                                 28",
  "\f                表5：2026年市级部门一般公共预算支出预算表",
  "       部门名称：杭州市交通运输局单位：万元",
  "                                                                  基本支出",
  "                   功能分类科目名称                    合计                            日常公用    项目支出",
  "                                                          小计      人员经费",
  "                                                                              支出",
  "                         **                      1         2          3        4        5",
  "                                                                                     350,034.4",
  "       合计                                      432,513.7082,479.29 67,627.51 14,902.37",
  "                                                                                            2",
  "       一般公共服务支出                                6,701.98                               6,701.98",
  "         社会工作事务                                   1.98                                   1.98",
  "           其他社会工作事务支出                             1.98                                   1.98",
  "         其他一般公共服务支出                            6,700.00                               6,700.00",
  "           其他一般公共服务支出                          6,700.00                               6,700.00",
  "        国防支出                                     18.00                                  18.00",
  "         国防动员                                    18.00                                  18.00"
];

describe('a total row squeezed at a coarse pitch', () => {
  it('reads its glued amounts and the amount wrapped around its line (杭州 表5 at pitch 6)', () => {
    const t = parse(HANGZHOU_T5).tables.find((x) => x.title === '表5：2026年市级部门一般公共预算支出预算表');
    const total = t?.rows.find((r) => r.name === '合计');
    expect(total?.values).toEqual({ total: 432513.7, basic: 82479.29, personnel: 67627.51, public: 14902.37, project: 350034.42 });
    expect(t?.rows.some((r) => r.name === '')).toBe(false);
  });
});

// 佛山 轨道交通局 2019 部门决算 表3 支出决算表, `pdftotext -layout -fixed 3` of the published PDF, lines 253–266:
// `对附属单位补助` alone on L256 at 231–237, its rest `支出` two lines down at 240–241, right of its end; `支出` is a side
// title by itself, but with the label it names the template's 对附属单位补助支出.
const FOSHAN_T3 = [
  "                                                                                                                               支出决算表",
  "                        部门：         佛山市轨道交通局                                                                                                                                                                                                    单位：万元",
  "                                             项         目",
  "                                                                                                                                                                                                                                       对附属单位补助",
  "                        功能分类                                                         本年支出合计                            基本支出                         项目支出                      上缴上级支出                           经营支出",
  "                                                        科目名称                                                                                                                                                                                    支出",
  "                        科目编码",
  "                                                栏次                                             1                             2                            3                             4                            5                             6",
  "",
  "                                                            合计                                   1668.14                        746.39                        921.75                           0.00                         0.00                          0.00",
  "",
  "                        208                    社会保障和就业支出                                            76.23                         76.23                          0.00                          0.00                         0.00                          0.00",
  "",
  "                        20805                  行政事业单位离退休                                            76.23                         76.23                          0.00                          0.00                         0.00                          0.00",
];

describe('a wrapped label whose rest two lines down is a word that names a column by itself', () => {
  it('joins the rest where the two together name a column of the template (佛山 支出决算表 at pitch 3)', () => {
    const t = parse(FOSHAN_T3).tables.find((x) => x.title === '支出决算表');
    expect(t?.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'remit-superior', 'operating', 'subsidy-to-affiliated']);
    // L266 `208  社会保障和就业支出  76.23  76.23  0.00  0.00  0.00  0.00`
    const r = t!.rows.find((x) => x.code === '208')!;
    expect(r.values).toEqual({ total: 76.23, basic: 76.23, project: 0, 'remit-superior': 0, operating: 0, 'subsidy-to-affiliated': 0 });
  });
});

// 深圳 水务局 2026 部门预算 表9 财政拨款“三公”经费支出表: each item (总计, 因公出国(境)费, 公务接待费, 公务用车 小计 /
// 购置费 / 运行维护费) over 一般公共预算 / 政府性基金预算 / 国有资本经营预算. `pdftotext -layout -fixed 3`, lines
// 7224–7233 (trailing spaces cut): 公务用车购置费 at 370–377 reaches none of its columns (`政府性基金` / `预算` at
// 373–378 / 378–380), 公务用车运行维护费 at 428–437 stands 5.5 columns left of its block's middle (414–462).
const SHENZHEN_THREE_PUBLIC_PF3 = [
  "                                                                                                                                                                                                                       财政拨款“三公”经费支出表",
  "          部门名称：深圳市水务局                                                                                                                                                                                                                                                                                                                                                                                                                                                  单位：万元",
  "",
  "                                                                                                                                                                                                                                                                                                                                                                         公务用车购置及运行维护费",
  "                                                                                                                                    总计                                                   因公出国(境)费                                                         公务接待费",
  "                                   预算单位                                                年度                                                                                                                                                                                                                                   小计                                                    公务用车购置费                                                   公务用车运行维护费",
  "",
  "                                                                                                          一般公共预                政府性基金               国有资本经                一般公共预               政府性基金                国有资本经               一般公共预                政府性基金               国有资本经                一般公共预               政府性基金                国有资本经               一般公共预                政府性基金                国有资本经               一般公共预                政府性基金               国有资本经",
  "                                                                                                                 算                  预算                 营预算                    算                  预算                 营预算                     算                  预算                 营预算                     算                 预算                 营预算                     算                  预算                 营预算                     算                  预算                 营预算",
  "          深圳市水务局                                                              2025 年                             382.64                  0.00                0.00                 5.20                0.00                 0.00               14.07                 0.00                 0.00             363.37                  0.00                0.00               65.97                 0.00                 0.00             297.40                  0.00                0.00",
];
// The same lines at `-fixed 4`: `国有资本经` at 110–115 over `营预算` at 113–116 sticks out past the piece above it, so
// that the first block's third label reads as a piece over its rest, the others' as one label.
const SHENZHEN_THREE_PUBLIC_PF4 = [
  "                                                                                                                                                                 财政拨款“三公”经费支出表",
  "       部门名称：深圳市水务局                                                                                                                                                                                                                                                                                                                                    单位：万元",
  "",
  "                                                                                                                                                                                                                                                                               公务用车购置及运行维护费",
  "                                                                                                   总计                                      因公出国(境)费                                        公务接待费",
  "                          预算单位                                   年度                                                                                                                                                                          小计                                      公务用车购置费                                     公务用车运行维护费",
  "",
  "                                                                                一般公共预          政府性基金          国有资本经           一般公共预          政府性基金           国有资本经          一般公共预          政府性基金           国有资本经          一般公共预           政府性基金          国有资本经          一般公共预           政府性基金          国有资本经           一般公共预          政府性基金          国有资本经",
  "                                                                                     算             预算            营预算               算             预算            营预算               算             预算            营预算               算             预算            营预算               算              预算            营预算               算             预算            营预算",
  "       深圳市水务局                                             2025 年                     382.64            0.00           0.00           5.20            0.00           0.00          14.07            0.00           0.00         363.37            0.00            0.00          65.97           0.00            0.00         297.40            0.00           0.00",
];

describe('items each broken down by fund, printed narrower than their blocks', () => {
  it.each([
    ['pitch 3', SHENZHEN_THREE_PUBLIC_PF3],
    ['pitch 4', SHENZHEN_THREE_PUBLIC_PF4],
  ])('key every column by its item and fund (深圳 “三公” table at %s)', (_, lines) => {
    const t = parse(lines).tables.find((x) => x.title === '财政拨款“三公”经费支出表');
    const items = ['total', 'outbound-travel', 'reception', 'vehicles', 'vehicle-purchase', 'vehicle-operation'];
    expect(t?.columns.map((c) => c.key)).toEqual(items.flatMap((i) => [`${i}.general`, `${i}.fund`, `${i}.state-capital`]));
    // L7233 `深圳市水务局  2025 年  382.64  0.00  0.00  5.20 … 14.07 … 363.37 … 65.97 … 297.40  0.00  0.00`
    const row = t!.rows.find((r) => r.name === '深圳市水务局')!;
    expect(row.texts?.year).toBe('2025 年');
    expect(items.map((i) => row.values[`${i}.general`])).toEqual([382.64, 5.2, 14.07, 363.37, 65.97, 297.4]);
    expect(items.map((i) => row.values[`${i}.fund`])).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

// 烟台 水利局 2026 部门预算 公开表4 财政拨款收支总体情况表, `pdftotext -layout -fixed 4`, lines 510–526: the expenditure
// side's 预算数 at 153–156 over 总计 (123–125), 一般公共预算 (139–145), 政府性基金预算 (159–166) and 国有资本经营预算
// (179–187), 8 columns right of 一般公共预算's end and 3 left of 政府性基金预算's start.
const YANTAI_T4_PF4 = [
  "                                                                                       财政拨款收支总体情况表",
  "            部门（单位）：烟台市水利局                                                                                                                                                                   单位：万元",
  "                                         收    入                                                                                        支   出",
  "                                                                                                                                                         预算数",
  "                           项目                              预算数                                项目",
  "                                                                                                                           总计              一般公共预算              政府性基金预算             国有资本经营预算",
  "            一、一般公共预算收入                                              7,132.41  一、一般公共服务支出",
  "            二、政府性基金预算收入                                                25.22  二、外交支出",
  "            三、国有资本经营预算收入                                                      三、公共安全支出",
  "                                                                              四、教育支出                                              6.20                 6.20",
  "                                                                              五、科学技术支出",
  "                                                                              六、文化旅游体育与传媒支出",
  "                                                                              七、社会保障和就业支出                                       622.55               622.55",
  "                                                                              八、卫生健康支出                                          237.16               237.16",
  "                                                                              九、节能环保支出",
  "                                                                              十、城乡社区支出                                           25.22                                      25.22",
  "                                                                              十一、农林水支出                                        5,977.95             5,977.95",
];

describe('a label centred over its side\'s amount labels, far from the nearest', () => {
  it('heads them and is no column of its own (烟台 财政拨款收支总体情况表 at pitch 4)', () => {
    const t = parse(YANTAI_T4_PF4).tables.find((x) => x.title === '财政拨款收支总体情况表');
    expect(t?.columns.map((c) => c.key)).toEqual(['total', 'general', 'fund', 'state-capital']);
    // L522 `七、社会保障和就业支出  622.55  622.55`; L525 `十、城乡社区支出  25.22  25.22` (the second under 政府性基金预算)
    const byName = (name: string) => t!.rows.find((r) => r.name === name)!.values;
    expect(byName('七、社会保障和就业支出')).toEqual({ total: 622.55, general: 622.55, fund: null, 'state-capital': null });
    expect(byName('十、城乡社区支出')).toEqual({ total: 25.22, general: null, fund: 25.22, 'state-capital': null });
  });
});

// 烟台 水利局 2026 一般公共预算“三公”经费支出情况表, `pdftotext -layout -fixed 4`, lines 780–789: 公务用车购置及运行维护费
// at 53–65 opens 小计 at 49–51 left of it and is centred over it and 公务用车购置 / 经费 (60–67), not over 公务用车运行 /
// 维护费 (75–82), which the template puts under it too.
const YANTAI_THREE_PUBLIC_PF4 = [
  "                                                                             一般公共预算“三公”经费支出情况表",
  "            部门（单位）：烟台市水利局                                                                                                                                                                   单位：万元",
  "",
  "                                                   2025年预算数                                                                                      2026年预算数",
  "                                                     公务用车购置及运行维护费                                                                                  公务用车购置及运行维护费",
  "                               因公出国                                                                                         因公出国",
  "                 合计           （境）经费                         公务用车购置         公务用车运行           公务接待费              合计          （境）经费                          公务用车购置         公务用车运行           公务接待费",
  "                                                 小计              经费            维护费                                                             小计              经费            维护费",
  "",
  "                      17.67                           13.40                          13.40           4.27           14.20                           10.20                          10.20           4.00",
];

describe('a template group printed narrower than the block it heads, a 小计 off it', () => {
  it('heads its members beside the block its label is centred over (烟台 “三公” table at pitch 4)', () => {
    const t = parse(YANTAI_THREE_PUBLIC_PF4).tables.find((x) => x.title === '一般公共预算“三公”经费支出情况表');
    const parent = (key: string) => t?.columns.find((c) => c.key === key)?.parent;
    expect([parent('vehicle-purchase-previous'), parent('vehicle-operation-previous')]).toEqual(['vehicles-previous', 'vehicles-previous']);
    expect([parent('vehicle-purchase'), parent('vehicle-operation')]).toEqual(['vehicles', 'vehicles']);
    // L789 `17.67  13.40  13.40  4.27  14.20  10.20  10.20  4.00`: the second 13.40 at 85–90 and 10.20 at 179–184 under
    // 公务用车运行维护费, as the default -layout text and the 说明's 公务用车运行维护费10.2万元 read them
    const [row] = t!.rows;
    expect([row.values['vehicles-previous'], row.values['vehicle-purchase-previous'], row.values['vehicle-operation-previous']]).toEqual([13.4, null, 13.4]);
    expect([row.values.vehicles, row.values['vehicle-purchase'], row.values['vehicle-operation']]).toEqual([10.2, null, 10.2]);
  });
});

// 杭州 交通运输局 2026 表3 2026年市级部门支出预算总表, `pdftotext -layout -fixed 3`, lines 650–665: 合计's 项目支出
// wraps its last digit, `576,171.1` at 196–205 on L658 over `1` at 209–210 on L660, past the first part's end by more
// than it would be at the PDF's pitch (the 说明, L139: 576,171.11万元).
const HANGZHOU_T3_PF3 = [
  "\f                                                                                         表3：2026年市级部门支出预算总表",
  "               部门名称：杭州市交通运输局单位:万元",
  "                                                                                                                                                                     基本支出                                                                                   对附属单",
  "                                                                                                                                                                                                                       事业单位                上缴上",
  "                                                       功能分类科目名称                                                                       总计                                       日常公用支                项目支出                                                    位补助支",
  "                                                                                                                                                           人员支出                                                        经营支出                级支出",
  "                                                                                                                                                                                     出                                                                           出",
  "                                                                   **                                                                    1                       2                     3                  4                  5                 6                  7",
  "                                                                                                                                                                                                    576,171.1",
  "               合计                                                                                                                     665,964.37            73,924.43              15868.83",
  "                                                                                                                                                                                                                 1",
  "               一般公共服务支出                                                                                                                 6,701.98                                                      6,701.98",
  "                  社会工作事务                                                                                                                       1.98                                                         1.98",
  "                     其他社会工作事务支出                                                                                                                1.98                                                         1.98",
  "                  其他一般公共服务支出                                                                                                            6,700.00                                                      6,700.00",
  "                     其他一般公共服务支出                                                                                                         6,700.00                                                      6,700.00",
];

describe("an amount's wrapped digit printed right of its end at a finer pitch", () => {
  it('completes the amount (杭州 表3 at pitch 3)', () => {
    const t = parse(HANGZHOU_T3_PF3).tables.find((x) => x.title === '表3：2026年市级部门支出预算总表');
    const total = t!.rows.find((r) => r.name === '合计')!;
    expect([total.values.total, total.values.personnel, total.values.public, total.values.project, total.values.operating]).toEqual([
      665964.37, 73924.43, 15868.83, 576171.11, null,
    ]);
  });
});

// 深圳 水务局 2026 项目支出总表, `pdftotext -layout -fixed 6`, lines 4730–4745: 深圳市水务局's 合计 wraps its last digit
// (`811,669.9` at 27–36 on L4740 over `7` at 34–35 on L4742) around the row's line L4741, whose first amount,
// `677,349.91` at 37–47, starts right where the wrapped amount's first part ends.
const SHENZHEN_T5_PF6 = [
  "                                                                                    项目支出总表",
  "     部门名称：深圳市水务局                                                                                                                                                      单位：万元",
  "",
  "                                                                                                     2026 年预算",
  "",
  "          支出项目类别                                  财政拨款                                                               单位资金",
  "                                                                         财政专户                                                                                     上年结余、",
  "                           总计         一般公共     政府性基金预       国有资本经营                                  事业单位            上级补助             附属单位",
  "                                                                         管理资金        事业收入                                                           其他收入             结转",
  "                                      预算拨款        算拨款        预算拨款                                   经营收入              收入             上缴收入",
  "                           811,669.9",
  "     深圳市水务局                          677,349.91  134,022.00        0.00      0.00          0.00            0.00             0.00            0.00          0.00           298.06",
  "                                  7",
  "        深圳市水务局（本           170,390.3",
  "                                     134,462.68   35,927.64        0.00      0.00          0.00            0.00             0.00            0.00          0.00             0.00",
  "     级）                           1",
];

describe("an amount's wrapped digit joined to it", () => {
  it('leaves the amount ending where its first part does, apart from the row it joins (深圳 项目支出总表 at pitch 6)', () => {
    const t = parse(SHENZHEN_T5_PF6).tables.find((x) => x.title === '项目支出总表');
    const row = t!.rows.find((r) => r.name === '深圳市水务局')!;
    expect([row.values.total, row.values.general, row.values.fund, row.values.carryover]).toEqual([811669.97, 677349.91, 134022, 298.06]);
    expect(t!.rows.filter((r) => r.name === '')).toEqual([]);
  });
});

// 深圳 水务局 2026 收入总表, `pdftotext -layout -fixed 3`, lines 2700–2712: labels wrapped in cells two lines high, their
// rests two lines down right of their ends, the line between printing other columns' labels elsewhere (`一般公共预算`
// at 92–98 over `拨款` at 99–101, `政府性基金预算` at 117–124 over `拨款` at 125–127, `附属单位上缴` at 275–281 over
// `收入` at 282–284).
const SHENZHEN_T2_PF3 = [
  "                                                                                                                                                                           收入总表",
  "          部门名称：深圳市水务局                                                                                                                                                                                                                                                                                                                       单位：万元",
  "",
  "                                                                                                                                                                                                        本年收入",
  "",
  "                                                                                                                          财政拨款                                                                                                                              单位资金                                                                          上年结余",
  "                             预算单位                                    收入总计                                                                                                 财政专户管理                                                                                                                                                            、结转",
  "                                                                                            一般公共预算                   政府性基金预算                   国有资本经营预                           资金                                            事业单位经营                                              附属单位上缴",
  "                                                                                                                                                                                                        事业收入                                             上级补助收入                                                 其他收入",
  "                                                                                                   拨款                        拨款                      算拨款                                                                             收入                                                   收入",
  "          深圳市水务局                                                        857,808.76                723,488.70                134,022.00                          0.00                      0.00                      0.00                      0.00                      0.00                       0.00                      0.00                   298.06",
  "",
  "                深圳市水务局（本级）                                              178,214.28                142,286.64                  35,927.64                         0.00                      0.00                      0.00                      0.00                      0.00                       0.00                      0.00                      0.00",
];

describe('a wrapped label among others whose rest stands beside its end two lines down', () => {
  it('joins the rest, even a rest that names a side, where the two make a column (深圳 收入总表 at pitch 3)', () => {
    const t = parse(SHENZHEN_T2_PF3).tables.find((x) => x.title === '收入总表');
    expect(t?.columns.map((c) => c.key)).toEqual([
      'total', 'general', 'fund', 'state-capital', 'fiscal-special', 'business', 'operating', 'subsidy-from-superior', 'affiliated', 'other-income', 'carryover',
    ]);
    // L2710 `深圳市水务局  857,808.76  723,488.70  134,022.00  0.00 … 0.00  298.06`
    const row = t!.rows.find((r) => r.name === '深圳市水务局')!;
    expect([row.values.total, row.values.general, row.values.fund, row.values.affiliated, row.values.carryover]).toEqual([857808.76, 723488.7, 134022, 0, 298.06]);
  });
});

// 烟台 水利局 2026 公开表2 收入总体情况表, `pdftotext -layout -fixed 5`, lines 293–314: figures print wider than they
// are and push right, L304's 25.22 at 72–77 touching 国有资本经 / 营预算收入 at 77–82, a column no row prints in;
// 一般公共预算's amounts end at 67–68, nearer the end of 政府性基金 / 预算收入 (67–72) than their own label's (57–62).
const YANTAI_T2_PF5 = [
  "                                                                               收入总体情况表",
  "   部门（单位）：烟台市水利局                                                                                                                                             单位：万元",
  "      科目编码                                                   财政拨款收入",
  "",
  "                                                                                       财政专户管     事业收入     事业单位经                上级补助收     附属单位上     使用非财政",
  "                       科目名称             合计                                                       （不含教育                其他收入                                   上年结转",
  "                                                         一般公共预     政府性基金     国有资本经     理资金收入                营收入                   入        缴收入      拨款结余",
  "    类   款    项                                    小计                                              收费）",
  "                                                           算收入      预算收入     营预算收入",
  "",
  "",
  "                合  计                    7,157.63  7,157.63  7,132.41    25.22",
  "",
  "    205         教育支出                       6.20      6.20      6.20",
  "",
  "        08        进修及培训                    6.20      6.20      6.20",
  "",
  "             03    培训支出                    6.20      6.20      6.20",
  "",
  "    208         社会保障和就业支出                 622.55    622.55    622.55",
  "",
  "        05        行政事业单位养老支出              622.55    622.55    622.55",
];

/** A row's 合计, 财政拨款 小计 and the three budgets' amounts in 烟台's 收入总体情况表 as read from `lines`, by its name. */
function fiscalAmounts(lines: readonly string[]) {
  const t = parse(lines).tables.find((x) => x.title === '收入总体情况表');
  return (name: string) => {
    const v = t!.rows.find((r) => r.name === name)!.values;
    return [v.total, v.fiscal, v.general, v.fund, v['state-capital']];
  };
}

describe('amounts at a coarser pitch reaching the label of a column no row prints in', () => {
  it('still read the columns off where the amounts end (烟台 收入总体情况表 at pitch 5)', () => {
    const values = fiscalAmounts(YANTAI_T2_PF5);
    // L304 `合 计  7,157.63  7,157.63  7,132.41  25.22`; L312 `208 社会保障和就业支出  622.55  622.55  622.55`
    expect(values('合计')).toEqual([7157.63, 7157.63, 7132.41, 25.22, null]);
    expect(values('社会保障和就业支出')).toEqual([622.55, 622.55, 622.55, null, null]);
  });
});

// The same table at `-fixed 6`, lines 293–328: L304 prints 合计's first three amounts glued (`7,157.637,157.637,132.41`
// at 34–58), and 25.22 at 60–65 overlaps 国有资本经 / 营预算收入 at 64–69, a column no row prints in; L326's 1.84 at
// 53–57 ends where 一般公共预算's amounts do, nearer 政府性基金 (56–61) by its centre.
const YANTAI_T2_PF6 = [
  "                                                                  收入总体情况表",
  "   部门（单位）：烟台市水利局                                                                                                                   单位：万元",
  "     科目编码                                          财政拨款收入",
  "",
  "                                                                         财政专户管    事业收入   事业单位经            上级补助收   附属单位上   使用非财政",
  "                   科目名称          合计                                              （不含教育            其他收入                             上年结转",
  "                                                一般公共预   政府性基金   国有资本经    理资金收入             营收入               入      缴收入    拨款结余",
  "   类   款   项                              小计                                      收费）",
  "                                                 算收入     预算收入   营预算收入",
  "",
  "",
  "             合  计                 7,157.637,157.637,132.41  25.22",
  "",
  "   205       教育支出                   6.20    6.20     6.20",
  "",
  "       08      进修及培训                6.20    6.20     6.20",
  "",
  "           03   培训支出                6.20    6.20     6.20",
  "",
  "   208       社会保障和就业支出             622.55  622.55  622.55",
  "",
  "       05      行政事业单位养老支出          622.55  622.55  622.55",
  "",
  "           01   行政单位离退休            141.86  141.86  141.86",
  "",
  "           02   事业单位离退休            99.04    99.04   99.04",
  "",
  "           05   机关事业单位基本养老保        335.81  335.81  335.81",
  "             险缴费支出",
  "                机关事业单位职业年金缴",
  "           06                      44.00    44.00   44.00",
  "             费支出",
  "",
  "           99   其他行政事业单位养老支         1.84    1.84     1.84",
  "             出",
  "",
];

describe('amounts glued together and amounts reaching past the next label at a coarser pitch', () => {
  it('read the columns off where the amounts printed apart end (烟台 收入总体情况表 at pitch 6)', () => {
    const values = fiscalAmounts(YANTAI_T2_PF6);
    expect(values('合计')).toEqual([7157.63, 7157.63, 7132.41, 25.22, null]);
    // L326 `99 其他行政事业单位养老支  1.84  1.84  1.84` / L327 `出`
    expect(values('其他行政事业单位养老支出')).toEqual([1.84, 1.84, 1.84, null, null]);
  });
});

// 普陀 规划资源局 2024 部门决算 财政拨款“三公”经费支出决算表, `pdftotext -layout -fixed 4` of the published PDF, lines
// 505–522 (the last rows of the table before it first, so that the excerpt's layout reads as the document's): each item
// label prints narrower than its cell, centred between its 预算数 and 决算数 and over neither (L515 合计 at 35–37, L519
// 预算数 at 27–30 and 决算数 at 41–44).
const PUTUO_FINAL_THREE_PUBLIC = [
  "                                                                                31021           文物和陈列品购置                         0.00",
  "                                                                                31022           无形资产购置                           0.00",
  "                                                                                31099           其他资本性支出                          0.00",
  "                           人员经费合计                                    4884.09                公用经费合计                             480.66",
  "                      注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
  "\f                                                                                      财政拨款“三公”经费支出决算表",
  "                                                                                                                                                                           单位：万元",
  "                                                                                            财政拨款“三公”经费",
  "                                                                                                       公务用车购置及运行维护费",
  "                                                            因公出国",
  "                                   合计                                                                            公务用车                       公务用车                      公务接待费",
  "                                                            （境）费                         小计",
  "                                                                                                                  购置费                      运行维护费",
  "",
  "                           预算数           决算数          预算数           决算数          预算数           决算数          预算数          决算数           预算数          决算数           预算数          决算数",
  "",
  "                               2.85          0.39         0.00          0.00         0.00          0.00         0.00          0.00         0.00         0.00          2.85         0.39",
  "                  注：本表反映部门本年度“三公”经费支出预决算情况。",
];

describe('an item label centred between its 预算数 and 决算数, over neither', () => {
  it('heads the pair beside it (普陀 规划资源局 “三公” 决算表 at pitch 4)', () => {
    const t = parse(PUTUO_FINAL_THREE_PUBLIC).tables.find((x) => x.title === '财政拨款“三公”经费支出决算表');
    expect(t?.columns.map((c) => c.key)).toEqual([
      'total-budget', 'total-actual', 'outbound-travel-budget', 'outbound-travel-actual', 'vehicles-budget', 'vehicles-actual',
      'vehicle-purchase-budget', 'vehicle-purchase-actual', 'vehicle-operation-budget', 'vehicle-operation-actual', 'reception-budget', 'reception-actual',
    ]);
    // L521 `2.85  0.39  0.00 … 2.85  0.39`
    expect(t!.rows[0].values['total-budget']).toBe(2.85);
    expect(t!.rows[0].values['reception-actual']).toBe(0.39);
  });
});
