import { describe, expect, it } from 'vitest';
import { governmentBudgetNote, readMetadata } from '../../src/ingest/metadata.ts';
import { regionOf } from '../../src/ingest/regions.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

/**
 * Probe covers written for these tests in the way `pdftotext -layout` prints a cover and the opening of its 说明: the
 * names are real places, the bodies typical ones; each expectation is what the cover and the quoted 说明 line say.
 */
const meta = (text: string) => readMetadata(toSourceLines(text));

const CONTENTS = '\n\n                          目    录\n\n     第一部分  部门概况\n     第二部分  部门预算表\n\f';

describe('a county-level city whose name does not carry its prefecture', () => {
  it('gets the prefecture where the 说明 writes the chain (湖南省长沙市宁乡市, line 9)', () => {
    const m = meta(
      `\n                      宁乡市教育局\n\n                     2025年部门预算\n${CONTENTS}第一部分  部门概况\n一、部门职责\n    宁乡市教育局是宁乡市人民政府主管全市教育工作的工作部门，机关位于湖南省长沙市宁乡市玉潭街道。\n`,
    );
    expect(m).toMatchObject({
      title: '宁乡市教育局2025年部门预算',
      kind: 'budget',
      scope: 'department',
      department: '宁乡市教育局',
      region: ['湖南省', '长沙市', '宁乡市'],
      year: 2025,
    });
  });

  it('is the county-level city alone, under the province the text names, where no prefecture is written before it', () => {
    // 金华市 is named (line 5), but not as 义乌市's prefecture: nothing says which prefecture 义乌市 is in.
    const m = meta('          义乌市财政局2025年部门预算\n\n一、部门职责\n    根据《浙江省预算审查监督条例》编制。\n    参照金华市财政局的做法，……\n');
    expect(m.region).toEqual(['浙江省', '义乌市']);
    // With no province or prefecture in the text, the city itself is all the region there is.
    expect(meta('        昆山市教育局\n      2025年单位预算\n目 录\n').region).toEqual(['昆山市']);
  });

  it('takes the prefecture only where one alone is written before it', () => {
    expect(regionOf('昆山市张浦镇人民政府', '江苏省苏州市昆山市张浦镇')).toEqual(['江苏省', '苏州市', '昆山市', '张浦镇']);
    // Two prefectures before the same name (福州市 and 南京市 each have a 鼓楼区): which one is meant is not known.
    expect(regionOf('鼓楼区教育局', '与福州市鼓楼区、南京市鼓楼区交流')).toEqual(['鼓楼区']);
    // 马鞍山市 ends in 鞍山市 (辽宁省): the longer name written is the prefecture.
    expect(regionOf('含山县财政局', '安徽省马鞍山市含山县')).toEqual(['安徽省', '马鞍山市', '含山县']);
    expect(regionOf('含山县财政局', '马鞍山市含山县')).toEqual(['安徽省', '马鞍山市', '含山县']);
    // A prefecture of another province than the name's own is not its prefecture.
    expect(regionOf('湖南省宁乡市教育局', '长春市宁乡市')).toEqual(['湖南省', '宁乡市']);
  });
});

describe('county-level divisions of every kind', () => {
  it('矿区 is a district (阳泉市矿区, 井陉矿区, 峰峰矿区), a 矿区管理 body is no place', () => {
    expect(meta('   阳泉市矿区财政局2024年度部门决算\n目录\n').region).toEqual(['山西省', '阳泉市', '矿区']);
    expect(meta('   井陉矿区教育局2024年部门预算\n目录\n    井陉矿区教育局是河北省石家庄市井陉矿区人民政府的工作部门。\n').region).toEqual([
      '河北省',
      '石家庄市',
      '井陉矿区',
    ]);
    expect(regionOf('邯郸市峰峰矿区人民政府办公室', '')).toEqual(['河北省', '邯郸市', '峰峰矿区']);
    expect(regionOf('鄂尔多斯市某某矿区管理委员会', '')).toEqual(['内蒙古自治区', '鄂尔多斯市']);
  });

  it('林区, 特区 and 新区 are districts; a development zone’s 管委会 is in its city, the zone no level of its own', () => {
    expect(regionOf('神农架林区财政局', '')).toEqual(['湖北省', '神农架林区']);
    expect(regionOf('贵州省六盘水市六枝特区教育局', '')).toEqual(['贵州省', '六盘水市', '六枝特区']);
    expect(regionOf('上海市浦东新区财政局', '')).toEqual(['上海市', '浦东新区']);
    expect(regionOf('苏州工业园区管理委员会', '江苏省苏州市')).toEqual(['江苏省', '苏州市']);
    expect(regionOf('成都高新技术产业开发区管理委员会', '四川省成都市')).toEqual(['四川省', '成都市']);
  });

  it('旗, 自治旗 and 自治县, also those whose peoples make the name long', () => {
    expect(regionOf('鄂尔多斯市达拉特旗财政局', '')).toEqual(['内蒙古自治区', '鄂尔多斯市', '达拉特旗']);
    expect(regionOf('莫力达瓦达斡尔族自治旗教育局', '内蒙古自治区呼伦贝尔市莫力达瓦达斡尔族自治旗')).toEqual([
      '内蒙古自治区',
      '呼伦贝尔市',
      '莫力达瓦达斡尔族自治旗',
    ]);
    expect(regionOf('兴安盟科尔沁右翼前旗教育局', '')).toEqual(['内蒙古自治区', '兴安盟', '科尔沁右翼前旗']);
    expect(regionOf('宜昌市长阳土家族自治县财政局', '')).toEqual(['湖北省', '宜昌市', '长阳土家族自治县']);
    expect(regionOf('临沧市双江拉祜族佤族布朗族傣族自治县财政局', '')).toEqual(['云南省', '临沧市', '双江拉祜族佤族布朗族傣族自治县']);
    expect(regionOf('重庆市酉阳土家族苗族自治县财政局', '')).toEqual(['重庆市', '酉阳土家族苗族自治县']);
    expect(regionOf('包头市达尔罕茂明安联合旗财政局', '')).toEqual(['内蒙古自治区', '包头市', '达尔罕茂明安联合旗']);
  });
});

describe('a government’s own budget is no department’s', () => {
  const cover = '\n                长沙市2025年市本级预算\n\n                      目    录\n   一、2025年市本级一般公共预算收入表\n   二、2025年市本级一般公共预算支出表\n';

  it('is of kind 其他 (other), with no 部门/单位 scope, whatever its text says of 部门预算', () => {
    const m = meta(`${cover}\n    市直各部门部门预算另行公开。\n`);
    expect(m).toMatchObject({ title: '长沙市2025年市本级预算', kind: 'other', scope: null, region: ['湖南省', '长沙市'], year: 2025 });
    expect(meta('关于长沙市2024年预算执行情况与2025年预算草案的报告\n').kind).toBe('other');
    // The level's 区 after a district is the district's own: 船山区 stays whole.
    expect(meta('   关于2024年遂宁市船山区本级预算的说明\n')).toMatchObject({ kind: 'other', region: ['四川省', '遂宁市', '船山区'] });
    expect(meta('   宁乡市2025年政府预算公开\n目 录\n').kind).toBe('other');
    expect(meta('   2024年度某县财政总决算\n目录\n').kind).toBe('other');
  });

  it('a department’s titles stay a department’s: 区级部门预算, 政府性基金预算, a bureau’s own 本级', () => {
    expect(meta('上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区司法局\n').kind).toBe('budget');
    expect(meta('某市人民政府办公室2025年部门预算\n目录\n').kind).toBe('budget');
    expect(meta('2026 年度福州市科学技术局(本级)单位预算\n目录\n')).toMatchObject({ kind: 'budget', scope: 'unit' });
    expect(meta('某县教育局2025年政府性基金预算支出表\n').kind).toBe('budget');
    expect(meta('一般公共预算基本支出表（按政府预算支出经济分类）\n').kind).toBe('budget');
  });

  it('says why in Chinese, and its tables do not make it a department budget', () => {
    const text = `${cover}\f\n            2025年市本级一般公共预算支出表\n                                            单位：万元\n    科目编码      科目名称         预算数\n    201           一般公共服务支出   1,000.00\n`;
    const doc = parseDisclosure(text, { file: 'changsha.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.kind).toBe('other');
    expect(doc.warnings).toContain('“长沙市2025年市本级预算”是一级政府本身的预算或决算（政府预算），不是部门或单位的预算、决算公开：种类记为“其他”');
  });

  it('its 绩效 forms are of their own kind, a checklist about it is a checklist: neither is told it is a government budget', () => {
    expect(governmentBudgetNote('长沙市2025年市本级项目支出绩效目标表')).toBeNull();
    expect(meta('长沙市2025年市本级项目支出绩效目标表\n').kind).toBe('performance-target');
    expect(governmentBudgetNote('2025年市本级预算公开情况检查表')).toBeNull();
    expect(governmentBudgetNote('2024年度某县财政总决算')).not.toBeNull();
  });
});

describe('部门（单位）决算, 单位预算 against 部门预算, and the year of each kind', () => {
  it('部门（单位） is no part of the department, and names no scope by itself', () => {
    const m = meta('     某市某区民政局2024年度部门（单位）决算\n\n   目  录\n');
    expect(m).toMatchObject({ department: '某市某区民政局', kind: 'final-account', scope: null, year: 2024 });
    // The tables' part says which (第二部分 2024年度部门决算表).
    expect(meta('     某市某区民政局2024年度部门（单位）决算\n\n   目  录\n第二部分 2024年度部门决算表\n').scope).toBe('department');
  });

  it('the title’s 部门预算 or 单位预算 decides the scope, before the cover’s label', () => {
    expect(meta('某县教育局2025年单位预算\n目 录\n').scope).toBe('unit');
    expect(meta('某县教育局2025年部门预算\n预算单位：某县教育局\n目 录\n').scope).toBe('department');
  });

  it('a 决算 is of the year its title gives it (2024年度), not of the 预算 year the text goes on to name', () => {
    const account = meta('  某县教育局\n  2024年度部门决算\n目 录\n  2025年部门预算已于2025年1月公开。\n  2025年5月30日\n');
    expect(account).toMatchObject({ kind: 'final-account', year: 2024, yearSpan: null, publishedAt: '2025-05-30' });
    const budget = meta('  某县教育局2025年部门预算\n目 录\n  与2024年度部门决算相比，……\n');
    expect(budget).toMatchObject({ kind: 'budget', year: 2025, yearSpan: null });
    expect(meta('  某县教育局二〇二四年度部门决算\n目 录\n').year).toBe(2024);
  });
});
