import { describe, expect, it } from 'vitest';
import { textColumnKeyFor } from '../../src/ingest/tables/columns.ts';
import { textLabel } from '../../src/site/table-text.ts';

describe('text columns as a reader sees them', () => {
  // One printed label for each text column the table readers keep (columns.ts TEXT_COLUMN_KEYS): a key without a
  // label of its own was shown as the key (广州 水务局 2026's 绩效目标 column was headed `performance-goal`).
  const printed = ['采购目录', '规格型号', '服务内容', '采购组织形式', '经济科目', '政府预算经济分类', '项目简介', '绩效目标', '项目类别', '备注', '年度'];
  it.each(printed)('heads the column printed %s in Chinese', (label) => {
    const key = textColumnKeyFor(label);
    expect(key).not.toBeNull();
    expect(textLabel(key!)).not.toBe(key);
    expect(textLabel(key!)).toMatch(/^[\u4e00-\u9fff（）/]+$/);
  });
  it('heads 绩效目标 as printed', () => {
    expect(textLabel(textColumnKeyFor('绩效目标')!)).toBe('绩效目标');
  });
});
