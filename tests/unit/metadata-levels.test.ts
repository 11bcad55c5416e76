import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/ingest/metadata.ts';
import { regionOf } from '../../src/ingest/regions.ts';
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
  });
});
