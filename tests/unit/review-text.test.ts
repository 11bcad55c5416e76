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

  it('reports a reason given without its full stop where the next paragraph starts a sentence of its own', () => {
    // 司法局 2026 部门预算 line 96–97 (its office's checklist: 后面漏了个句号), and 烟台水务局 2026 lines 1123–1127.
    const [f] = review('财政拨款收入支出增加的主要原因是工作量增加', '财政拨款支出主要内容如下：');
    expect(f).toMatchObject({ rule: 'text.full-stop', severity: '错误', stated: '入支出增加的主要原因是工作量增加', lines: [{ first: 10, last: 11 }] });
    expect(f.message).toBe('句末缺少句号：“…入支出增加的主要原因是工作量增加”之后没有句号，下一段“财政拨款支出主要内容如下：”另起一句。');
    expect(review('比上年减少3.47万元，下降19.64％。主要原因是公务用车运行维护费减少', '其中：', '1.因公出国（境）费0万元。')[0]).toMatchObject({ rule: 'text.full-stop' });
    // The last paragraph of a section, before the next section's numbered heading.
    const sections = [section(10, null, '主要用于：行政单位的基本支出'), section(11, '二、机关运行经费预算', '机关运行经费预算为217.83万元。')];
    expect(textRules(ctx({ sections }))[0]).toMatchObject({ rule: 'text.full-stop', lines: [{ first: 10, last: 10 }] });
  });

  it('does not report a sentence the parser split across paragraphs, a heading, or a reason that ends with its mark', () => {
    expect(review('主要原因是：业务量增', '加。主要原因是：部分人员退休。')).toEqual([]);
    expect(review('主要原因是工作量增加；', '其中：')).toEqual([]);
    expect(review('二、机关运行经费预算', '（一）机关运行经费预算为217.83万元。')).toEqual([]);
    expect(review('资金分配情况：业务委托费用60万元，办公经费17.04万元', '资金执行时间：2021年4月-2021年12月')).toEqual([]);
  });
});
