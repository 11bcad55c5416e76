import { describe, expect, it } from 'vitest';
import { textRules } from '../../src/review/text.ts';
import { ctx, section } from './review-fixtures.ts';

const review = (...paragraphs: string[]) => textRules(ctx({ sections: [section(10, null, ...paragraphs)] }));

describe('text', () => {
  it('finds nothing in clean prose, with balanced brackets across wrapped paragraphs', () => {
    expect(review('根据《预算法》（2018年修正）的规定，', '公开“三公”经费（含公务接待费）。')).toEqual([]);
  });

  it('reports doubled punctuation', () => {
    const [f] = review('主要用于运行维护等方面的支出。。2025年当年预算执行情况良好。');
    expect(f).toMatchObject({ rule: 'text.punctuation', severity: '错误', stated: '。。', lines: [{ first: 10, last: 10 }] });
  });

  it('reports a repeated word; a two-character one is a 提示 (在职人员人员经费 is two words), a unit an 错误', () => {
    expect(review('主要用于用于福州市科技局本级科技项目。')[0]).toMatchObject({ rule: 'text.repeated-word', severity: '提示' });
    expect(review('比上年增加314.25万元万元。')[0]).toMatchObject({ rule: 'text.repeated-word', severity: '错误' });
    expect(review('完成生态产品价值实现试点技术支撑技术支撑项目。')[0]).toMatchObject({ severity: '错误' });
  });

  it('reports an unclosed bracket and a quotation mark closed twice', () => {
    expect(review('其中:因公出境)费0万元。')[0]).toMatchObject({ rule: 'text.brackets', severity: '错误' });
    expect(review('开展“人民调解协议书检查”、优秀调解案例”活动。')[0]).toMatchObject({ rule: 'text.brackets' });
  });
});
