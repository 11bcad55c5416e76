import { describe, expect, it } from 'vitest';
import { zhCompare } from '../../src/site/zh-compare.ts';

describe('zhCompare: Chinese collation made once', () => {
  it('orders names by their pinyin, digits first and Latin letters after the Han, as localeCompare with zh-CN does', () => {
    const names = ['上海市', '北京市', '广州市', '喀什地区', '巨鹿县', '杭州市', '西安市', '2024年', 'XX局'];
    expect([...names].sort(zhCompare)).toEqual(['2024年', '北京市', '广州市', '杭州市', '巨鹿县', '喀什地区', '上海市', '西安市', 'XX局']);
    expect([...names].sort(zhCompare)).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });
});
