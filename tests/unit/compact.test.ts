import { describe, expect, it } from 'vitest';
import { compact } from '../../src/core/width.ts';

// Texts written for this test: compact (core/width.ts) keeps a text with nothing to fold or drop as it is, drops
// every white space and folds full-width ASCII.
describe('compact', () => {
  it('leaves a text with nothing to fold or drop as it is', () => {
    expect(compact('一般公共服务支出')).toBe('一般公共服务支出');
    expect(compact('2010301')).toBe('2010301');
    expect(compact('A1(x)')).toBe('A1(x)');
  });

  it('drops every white space and folds full-width ASCII', () => {
    expect(compact('收   入')).toBe('收入');
    expect(compact('项目资金（万元）')).toBe('项目资金(万元)');
    expect(compact('ＡＢ１')).toBe('AB1');
    expect(compact('\u00a0基本\u3000支出\t')).toBe('基本支出');
    expect(compact('1、其他')).toBe('1、其他');
  });

  it('drops the white space outside ASCII that extraction leaves, as `\\s` reads it', () => {
    // A byte order mark, a line separator, a narrow no-break space, a medium mathematical space, an en quad.
    expect(compact('合\ufeff计\u2028')).toBe('合计');
    expect(compact('基本\u202f支出\u205f')).toBe('基本支出');
    expect(compact('\u2000项目')).toBe('项目');
  });
});
