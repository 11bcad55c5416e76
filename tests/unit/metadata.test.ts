import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindOfTables, readLabels, readMetadata } from '../../src/ingest/metadata.ts';
import { regionOf } from '../../src/ingest/regions.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

const meta = (path: string) => readMetadata(toSourceLines(readFileSync(path, 'utf8')));
const SAMPLES = '../shared/samples';

// Each expectation was read off the document's first lines and its closing 落款 date.
describe('metadata of the seeds', () => {
  it('kashgar-poverty-alleviation-office: title on lines 1–3, date on line 1345', () => {
    expect(meta('content/sources/kashgar-poverty-alleviation-office-2021-budget.txt')).toEqual({
      title: '新疆维吾尔自治区喀什地区扶贫开发办公室2021年预算公开',
      kind: 'budget',
      // 第三部分 2021年部门预算情况说明 (line 408): the title says only 预算公开.
      scope: 'department',
      department: '新疆维吾尔自治区喀什地区扶贫开发办公室',
      isTemplate: false,
      region: ['新疆维吾尔自治区', '喀什地区'],
      year: 2021,
      yearSpan: null,
      publishedAt: '2021-04-15',
      unit: '万元',
    });
  });

  it('kashgar-administrative-office: no title page, so the title comes from 第一部分 and 第二部分 2021年部门预算公开表', () => {
    const m = meta('content/sources/kashgar-administrative-office-2021-budget.txt');
    expect(m.title).toBe('新疆维吾尔自治区喀什地区行政公署办公室2021年部门预算');
    expect(m.department).toBe('新疆维吾尔自治区喀什地区行政公署办公室');
    expect(m.region).toEqual(['新疆维吾尔自治区', '喀什地区']);
    expect(m.publishedAt).toBe('2021-04-15');
  });

  it('julu-county: the province comes from the text (《河北省预决算公开操作规程》), not the title', () => {
    const m = meta('content/sources/julu-county-poverty-office-2021-budget.txt');
    expect(m.department).toBe('巨鹿县扶贫开发办公室');
    expect(m.region).toEqual(['河北省', '巨鹿县']);
    expect(m.year).toBe(2021);
    expect(m.publishedAt).toBeNull();
  });

  it('kashgar-edz: title in **bold** markup over two lines, date on the last line', () => {
    const m = meta('content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt');
    expect(m.title).toBe('新疆维吾尔自治区喀什地区喀什经济开发区党群工作部 2024 年预算公开');
    expect(m.year).toBe(2024);
    expect(m.publishedAt).toBe('2024-04-25');
  });

  it('the evaluation report is a performance evaluation dated by its closing line 644', () => {
    const m = meta('content/sources/kashgar-2021-poverty-monitoring-project-evaluation.txt');
    expect(m.kind).toBe('performance-evaluation');
    expect(m.year).toBe(2021);
    expect(m.publishedAt).toBe('2022-09-07');
  });
});

describe.skipIf(!existsSync(SAMPLES))(`metadata of the Shanghai samples${existsSync(SAMPLES) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  it('final accounts in 万元 of a district bureau, title wrapped over three lines', () => {
    const m = meta(`${SAMPLES}/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt`);
    expect(m.kind).toBe('final-account');
    expect(m.department).toBe('上海市普陀区规划和自然资源局');
    expect(m.region).toEqual(['上海市', '普陀区']);
    expect(m.year).toBe(2024);
  });

  it('a unit budget whose tables are in 元', () => {
    const m = meta(`${SAMPLES}/shanghai-putuo-social-welfare-home-2024-budget.txt`);
    expect(m.kind).toBe('budget');
    expect(m.unit).toBe('元');
  });
});

const lines = (text: string) => toSourceLines(text);

describe('cover conventions', () => {
  it('a labelled cover line names the department, not the title that names the region and year', () => {
    const m = readMetadata(lines('某某市某某区2025年区级单位预算\n   预算单位：某市某区某某局\n目 录'));
    expect(m.department).toBe('某市某区某某局');
    expect(m.scope).toBe('unit');
    expect(m.isTemplate).toBe(true); // 某某 is a placeholder
  });

  it('a portal page printed to PDF: the navigation trail above the title is no title, and its 预决算 no kind', () => {
    // Written for this test after a portal page printed from Chromium: the trail, then the page's heading.
    const m = readMetadata(lines('首页 > 政务公开 > 财政预决算\n某县农业农村局2025年部门预算公开\n发布时间：2025-02-10\n第一部分 部门概况'));
    expect(m).toMatchObject({ title: '某县农业农村局2025年部门预算公开', kind: 'budget', department: '某县农业农村局', year: 2025 });
    expect(readMetadata(lines('当前位置：首页 > 部门决算\n某市民政局2024年度部门决算\n目录')).title).toBe('某市民政局2024年度部门决算');
  });

  it('a 绩效自评报告 is an evaluation report, and its kind words are no part of the department', () => {
    const m = readMetadata(lines('2025年度成都市武侯区卫生健康局部门整体支出绩效自评报告\n一、部门概况'));
    expect(m).toMatchObject({ kind: 'performance-evaluation', department: '成都市武侯区卫生健康局', year: 2025 });
  });

  it('a checklist of a published budget is not the budget (the 司法局 2026 workbooks in ../shared/samples, row 1)', () => {
    const m = readMetadata(lines('2026年度普陀区部门预算公开情况检查表\n部门名称: 上海市普陀区司法局\n2026年度部门预算公开检查内容 符合要求 问题截图'));
    expect(m).toMatchObject({ kind: 'other', department: '上海市普陀区司法局', year: 2026 });
    expect(readMetadata(lines('2024年度部门决算公开自查表\n单位名称：某市某局')).kind).toBe('other');
  });

  it('a volume of tables whose title names no kind is a budget or an account by its tables’ titles', () => {
    expect(kindOfTables(['收支预算总表', '收入预算总表', '支出预算总表'])).toBe('budget');
    expect(kindOfTables(['收入支出决算总表', '支出决算表'])).toBe('final-account');
    expect(kindOfTables(['机构设置情况表'])).toBeNull();
  });

  it('a volume whose table titles name no kind either is a budget or an account by its tables’ columns', () => {
    // A portal's CSV of 部门收支总表 (probe p43, /tmp/meta), as the CSV reader prints it: cells tab-separated.
    const sheet = (a: string, b: string) =>
      `部门收支总表\n部门：某市某区教育体育局\t\t\t单位：万元\n收入\t\t支出\t\n项目\t${a}\t项目\t${b}\n一、一般公共预算拨款收入\t1,000.00\t一、教育支出\t1,000.00\n`;
    const parse = (text: string) => parseDisclosure(text, { file: 'sheet.csv', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    const budget = parse(sheet('2024年预算数', '2024年预算数'));
    expect([budget.title, budget.kind, budget.department, budget.year]).toEqual(['部门收支总表', 'budget', '某市某区教育体育局', 2024]);
    // An account's columns name 决算数, whatever 预算数 beside it.
    expect(parse(sheet('年初预算数', '决算数').replace('部门收支总表', '收入支出总表')).kind).toBe('final-account');
  });

  it('in single-space text a 名称 label stands one space from its value (北京 预算13表 L2881, as pdftotext -raw prints it)', () => {
    const m = readMetadata(lines('预算01表 收支总表\n金额单位：万元\n部门名称 某市某某局'));
    expect(m.department).toBe('某市某某局');
    // Without 名称, one space is no label: `单位 万元` names no department.
    expect(readMetadata(lines('预算01表 收支总表\n单位 万元')).department).toBe('');
  });

  it('in text printed one cell a line a 名称 label alone takes the one body beside it (北京 预算13表 plain pdftotext L13759-L13761)', () => {
    // Reading order prints the value before its label there: `北京市民政局` / `部门名称`.
    const m = readMetadata(lines('预算01表 收支总表\n金额单位：万元\n预算13表 部门整体支出绩效目标表\n（2026年度）\n某市某某局\n\n部门名称\n\n预算支出总额'));
    expect(m.department).toBe('某市某某局');
    // Bodies on both sides: which one it names is not known.
    expect(readMetadata(lines('预算01表 收支总表\n某市某某局\n部门名称\n某市某某中心')).department).toBe('');
  });

  it('a 2025 budget printed in 2024 is a 2025 budget: the year attached to 预算 in the title wins', () => {
    const m = readMetadata(lines('2025年广州市水务局部门预算\n目录\n2024年12月30日'));
    expect(m.year).toBe(2025);
    expect(m.publishedAt).toBe('2024-12-30');
    expect(m.department).toBe('广州市水务局');
  });

  it('years in Chinese numerals or full-width digits read alike; a title 关于… names the body after it', () => {
    const m = readMetadata(lines('关于某市某某局二〇二五年部门预算的说明\n目录'));
    expect(m.year).toBe(2025);
    expect(m.department).toBe('某市某某局');
    expect(readMetadata(lines('２０２６年某市某某局部门预算\n目录')).department).toBe('某市某某局');
  });

  it('a report covering several years records the span and is dated by its last year', () => {
    const m = readMetadata(lines('某项目2021—2024年度绩效评价报告\n被评价单位：杭州市西湖区农业农村局'));
    expect(m.yearSpan).toEqual({ from: 2021, to: 2024 });
    expect(m.year).toBe(2024);
    expect(m.department).toBe('杭州市西湖区农业农村局');
    expect(m.region).toEqual(['浙江省', '杭州市', '西湖区']);
  });

  it('a tables volume: department from the table headers (部门：…  单位：万元), year from a table title', () => {
    const m = readMetadata(
      lines('公开01表\n   收支预算总表\n部门：某省某某厅            单位：万元\n\n   2019年政府采购预算表\n部门：某省某某厅       单位：万元'),
    );
    expect(m.department).toBe('某省某某厅');
    expect(m.year).toBe(2019);
    expect(m.unit).toBe('万元');
  });

  it('every labelled name of a line, each up to the next label, seals left out', () => {
    // kashgar-2021-poverty-monitoring-project-evaluation.txt line 600: the name, then another field's label after a space.
    expect(readLabels('填报单位：（公章）喀什地区乡村振兴局 填报时间：2022-08-15')).toEqual([{ label: '填报单位', value: '喀什地区乡村振兴局' }]);
    expect(readLabels('编制部门：某县财政局 预算单位：某县民政局    单位：万元')).toEqual([
      { label: '编制部门', value: '某县财政局' },
      { label: '预算单位', value: '某县民政局' },
    ]);
    // A label starts a word: 项目承担单位： (kashgar-administrative-office-2021-budget.txt line 1564) is no 单位：.
    expect(readLabels('项目承担单位：喀什地区政务服务和公共资源管理局')).toEqual([]);
  });

  it('a cover label whose name went to the next line', () => {
    expect(readMetadata(lines('某某区2025年区级部门预算\n预算主管部门：\n  某市某区某某局\n目 录')).department).toBe('某市某区某某局');
  });

  it('a title that names no body and no labelled line: no department rather than a table title', () => {
    expect(readMetadata(lines('2026 年度部门收支总表\n   单位：万元\n')).department).toBe('');
  });

  it('a cover lost to the extraction: department from the first part heading, year from the text', () => {
    const m = readMetadata(lines('目 录\n第一部分 某市某某局概况\n第二部分 部门预算表\n\n第一部分 某市某某局概况\n一、主要职责\n某市某某局2026年部门预算收入合计100万元。'));
    expect(m.title).toBe('（无标题）');
    expect(m.department).toBe('某市某某局');
    expect(m.year).toBe(2026);
  });

  it('a 单位：万元 line is a unit of measure, never a department', () => {
    const m = readMetadata(lines('预算01表 收支总表\n    单位：万元\n'));
    expect(m.department).toBe('');
  });

  it('部门综合预算 is a 部门预算', () => {
    expect(readMetadata(lines('西安市某某局 2022 年部门综合预算\n目 录')).scope).toBe('department');
  });

  // The fixtures below were written after the probe covers in /tmp/meta/src (pdftotext -layout style, names changed).
  it('a letter-spaced title reads as words: 部 门 预 算 is a 部门预算, 2 0 2 4 年 度 a year', () => {
    const m = readMetadata(lines('\n      某省某市某区教育局\n\n        部    门    预    算\n\n           二〇二四年\n\n        目    录\n'));
    expect(m).toMatchObject({ title: '某省某市某区教育局部门预算二〇二四年', kind: 'budget', scope: 'department', year: 2024 });
    const f = readMetadata(lines('        某市某区民政局\n        2 0 2 4 年 度 部 门 决 算\n'));
    expect(f).toMatchObject({ title: '某市某区民政局2024年度部门决算', kind: 'final-account', year: 2024, department: '某市某区民政局' });
    // Words of several characters keep their spacing: only runs of single characters are joined.
    expect(readMetadata(lines('某市人民政府办公室\n2024 年 部 门 预 算')).title).toBe('某市人民政府办公室2024 年部门预算');
  });

  it('a cover’s page number and a 目 / 录 printed a line each are no part of the title', () => {
    // foshan-rail-transit-bureau-2019-final-accounts.pdf by plain pdftotext, lines 1–7; by pdftotext -raw, lines 1–4.
    expect(readMetadata(lines('2019 年佛山市轨道交通局 部门决算\n\n1\n\n目\n\n录\n\n第一部分 佛山市轨道交通局 概况')).title).toBe('2019 年佛山市轨道交通局 部门决算');
    expect(readMetadata(lines('1\n2019 年佛山市轨道交通局部门决算\n2\n目 录')).title).toBe('2019 年佛山市轨道交通局部门决算');
  });

  it('an attachment’s number over the title (附件1, 附件：) is no part of it', () => {
    expect(readMetadata(lines('附件1\n\n\n      某市某区水利局2024年部门预算\n\n   目  录\n'))).toMatchObject({ title: '某市某区水利局2024年部门预算', department: '某市某区水利局' });
    expect(readMetadata(lines('附件：\n   2023年度某市某区财政局部门决算\n')).title).toBe('2023年度某市某区财政局部门决算');
  });

  it('a body writing 关于 its own disclosure is named by the words before 关于', () => {
    expect(readMetadata(lines('  某市某区财政局关于2023年度部门决算的说明\n一、部门基本情况')).department).toBe('某市某区财政局');
  });

  it('a form names its year in a field (预算年度：2024, 填报年度 tab 2025) where its title has none', () => {
    expect(readMetadata(lines('        收支预算总表\n  预算年度：2024            单位：万元\n  部门名称：某市某区教育局')).year).toBe(2024);
    expect(readMetadata(lines('项目支出绩效目标表\n填报年度\t2025\n主管部门：某市某局')).year).toBe(2025);
    // 上年度 is the year before the form's, not its field.
    expect(readMetadata(lines('项目支出绩效目标表\n上年度 2023\n主管部门：某市某局')).year).toBeNull();
  });

  it('a form’s 主管部门 cell without a colon names the body, also with further fields on its line', () => {
    const form = '        项目支出绩效目标表\n          （2024年度）\n项目名称        农村公路养护工程\n主管部门        某县交通运输局               实施单位        某县公路建设养护中心\n';
    expect(readMetadata(lines(form))).toMatchObject({ department: '某县交通运输局', kind: 'performance-target', year: 2024 });
    // A workbook's row, its cells tab-separated.
    expect(readLabels('主管部门\t某县教育局\t实施单位\t某县第二中学')).toEqual([{ label: '主管部门', value: '某县教育局' }]);
    // A header row of field names names no body.
    expect(readLabels('项目名称        主管部门        实施单位        资金')).toEqual([]);
  });

  it('an evaluation’s 委托单位 names the department only where no other cover label does', () => {
    const cover = (labels: string) => `   2023年度城区绿化养护项目\n        绩效评价报告\n${labels}      评价机构：某某项目管理有限公司\n`;
    expect(readMetadata(lines(cover('      委托单位：某市财政局\n      项目单位：某市城市管理局\n'))).department).toBe('某市城市管理局');
    const alone = readMetadata(lines(cover('      委托单位：某县农业农村局\n')));
    expect(alone).toMatchObject({ department: '某县农业农村局', kind: 'performance-evaluation', year: 2023 });
  });

  it('a 绩效评估报告 is an evaluation report, its title ending before the labelled lines', () => {
    const m = readMetadata(lines('  2023年度乡村振兴衔接资金项目绩效评估报告\n  被评价单位：某州乡村振兴局'));
    expect(m).toMatchObject({ title: '2023年度乡村振兴衔接资金项目绩效评估报告', kind: 'performance-evaluation', department: '某州乡村振兴局' });
  });

  it('a seal between a label and its colon (单位名称（盖章）：, 填报单位（公章）：) is no part of the label', () => {
    expect(readMetadata(lines('        2023年度部门决算\n  单位名称（盖章）：某市某区民政局\n  单位负责人：张某某')).department).toBe('某市某区民政局');
    expect(readLabels('填报单位（公章）：某市某区文化旅游局    填报日期：2024年3月')).toEqual([{ label: '填报单位', value: '某市某区文化旅游局' }]);
  });

  it('the budget system’s code before a labelled name is no part of it ([101001]某局, 104001-某局)', () => {
    expect(readLabels('单位名称：[101001]某市某区财政局          单位：万元')).toEqual([{ label: '单位名称', value: '某市某区财政局' }]);
    expect(readLabels('部门：104001-某市某区教育体育局      金额单位：万元')).toEqual([{ label: '部门', value: '某市某区教育体育局' }]);
    // A code alone names no body.
    expect(readLabels('部门：101')).toEqual([]);
  });

  it('a tables volume: the title ends at the labelled line, and a table’s title names no department', () => {
    const m = readMetadata(lines('              一般公共预算支出表\n  部门：104001-某市某区教育体育局        金额单位：万元\n'));
    expect(m).toMatchObject({ title: '一般公共预算支出表', department: '某市某区教育体育局' });
    expect(readMetadata(lines('              一般公共预算支出表\n  金额单位：万元\n')).department).toBe('');
  });

  it('部门收支预算 is a 部门预算 of the body before it', () => {
    expect(readMetadata(lines('  某市某区卫生健康局2024年部门收支预算\n一、部门基本情况'))).toMatchObject({ department: '某市某区卫生健康局', scope: 'department', year: 2024 });
  });

  it('中学, 大学 and …局机关 end a body’s name', () => {
    expect(readLabels('单位：某市第一中学')).toEqual([{ label: '单位', value: '某市第一中学' }]);
    expect(readLabels('部门：某区交通运输局机关')).toEqual([{ label: '部门', value: '某区交通运输局机关' }]);
  });

  it('a volume of 绩效目标表 alone is a performance-target document', () => {
    const m = readMetadata(lines('北京市某某局2026年项目支出绩效目标表\n'));
    expect(m.kind).toBe('performance-target');
    expect(m.department).toBe('北京市某某局');
  });
});

describe('regions', () => {
  it('the chain goes down to the 街道 and skips a party prefix', () => {
    expect(regionOf('上海市普陀区人民政府万里街道办事处', '')).toEqual(['上海市', '普陀区', '万里街道']);
    expect(regionOf('中共上海市普陀区委员会办公室', '')).toEqual(['上海市', '普陀区']);
    expect(regionOf('河北省邢台市巨鹿县某某镇人民政府', '')).toEqual(['河北省', '邢台市', '巨鹿县', '某某镇']);
  });
  it('a city gives its province even where the document never names it', () => {
    expect(regionOf('深圳市水务局', '')).toEqual(['广东省', '深圳市']);
    expect(regionOf('吉林市财政局', '')).toEqual(['吉林省', '吉林市']);
    expect(regionOf('海南藏族自治州财政局', '')).toEqual(['青海省', '海南藏族自治州']);
  });
  it('an autonomous prefecture written as its place and 州 (黔东南州) is that prefecture, named in full', () => {
    expect(regionOf('贵州省黔东南州凯里市财政局', '')).toEqual(['贵州省', '黔东南苗族侗族自治州', '凯里市']);
    expect(regionOf('海南州共和县教育局', '')).toEqual(['青海省', '海南藏族自治州', '共和县']);
    expect(regionOf('伊犁州霍城县财政局', '')).toEqual(['新疆维吾尔自治区', '伊犁哈萨克自治州', '霍城县']);
    expect(regionOf('海南省海口市财政局', '')).toEqual(['海南省', '海口市']);
  });
  it('Xinjiang’s 巴州, 博州 and 克州 are those prefectures; 巴州区 is 巴中市’s district', () => {
    expect(regionOf('巴州财政局', '')).toEqual(['新疆维吾尔自治区', '巴音郭楞蒙古自治州']);
    expect(regionOf('博州教育局', '')).toEqual(['新疆维吾尔自治区', '博尔塔拉蒙古自治州']);
    expect(regionOf('克州民政局', '')).toEqual(['新疆维吾尔自治区', '克孜勒苏柯尔克孜自治州']);
    expect(regionOf('巴中市巴州区财政局', '')).toEqual(['四川省', '巴中市', '巴州区']);
  });
  it('a short city name counts only where the document also writes the full name', () => {
    expect(regionOf('长沙职业教育基地综合协调办公室', '……长沙市……')).toEqual(['湖南省', '长沙市']);
    expect(regionOf('中山大学附属医院', '')).toEqual([]);
  });
  it('CPPCC and democratic-party prefixes name the body, not the place', () => {
    expect(regionOf('中国人民政治协商会议杭州市委员会办公厅', '')).toEqual(['浙江省', '杭州市']);
    expect(regionOf('中国民主同盟上海市委员会', '')).toEqual(['上海市']);
  });
  it('districts named as written: 沙市区 (a 市 before 区), 东城区 and 桃城区 (城区 is no place only alone)', () => {
    expect(regionOf('荆州市沙市区财政局', '')).toEqual(['湖北省', '荆州市', '沙市区']);
    expect(regionOf('北京市东城区教育委员会', '')).toEqual(['北京市', '东城区']);
    expect(regionOf('衡水市桃城区农业农村局', '')).toEqual(['河北省', '衡水市', '桃城区']);
    expect(regionOf('衡水市城区管理局', '')).toEqual(['河北省', '衡水市']);
  });
  it('a bureau’s district branch is the bureau’s, and 自治区 alone names no place', () => {
    expect(regionOf('广州市公安局天河区分局', '')).toEqual(['广东省', '广州市']);
    expect(regionOf('自治区财政厅', '')).toEqual([]);
  });
  it('城乡建设局 is not a 乡', () => {
    expect(regionOf('杭州市城乡建设委员会', '')).toEqual(['浙江省', '杭州市']);
  });

  it('reads province, prefecture and county from a department name', () => {
    expect(regionOf('广西壮族自治区南宁市青秀区教育局', '')).toEqual(['广西壮族自治区', '南宁市', '青秀区']);
    expect(regionOf('北京市财政局', '')).toEqual(['北京市']);
  });
  it('never takes the department for a place', () => {
    expect(regionOf('新疆维吾尔自治区喀什地区扶贫开发办公室', '')).toEqual(['新疆维吾尔自治区', '喀什地区']);
  });
});
