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

  it('reports a reason announced and not given, and not a reason that is given or only named', () => {
    // 司法局 2026 单位预算 (its office's checklist: 这句话残缺，无下文) and 社会福利院 2024 print this sentence.
    const [f] = review('公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。其中：公务用车购置费0万元。');
    expect(f).toMatchObject({ rule: 'text.unfinished', severity: '错误', stated: '原因是。' });
    expect(review('主要原因是：业务量增加。', '认真查找原因。', '主要用于：退休人员支出。')).toEqual([]);
  });
});
