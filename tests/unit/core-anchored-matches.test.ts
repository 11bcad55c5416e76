import { describe, expect, it } from 'vitest';
import { anchoredMatches } from '../../src/core/anchored-matches.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';

/** The 情况说明's `名称（201类）` pattern as the review reads it: a name of 2–30 characters, the 类 6–34 after its start. */
const NAMED = String.raw`([\u4e00-\u9fa5][\u4e00-\u9fa5、]{1,29}?)[（(](\d{3})类[）)]`;

const searched = (text: string) => [...text.matchAll(new RegExp(NAMED, 'g'))].map((m) => [m.index, m[0]]);
const anchored = (text: string) => [...anchoredMatches(text, new RegExp(NAMED, 'y'), '类', 6, 34)].map((m) => [m.index, m[0]]);

describe('anchoredMatches', () => {
  it('finds what a global search finds, names holding 类 and matches back to back included', () => {
    const text = '一般公共服务支出（201类）社会保障和就业支出(208类)，类别类（205类）（210类）卫生健康支出（210类）';
    expect(anchored(text)).toEqual(searched(text));
    expect(anchored(text).map(([, m]) => m)).toEqual(['一般公共服务支出（201类）', '社会保障和就业支出(208类)', '类别类（205类）', '卫生健康支出（210类）']);
  });

  it('agrees with a global search on texts drawn from the pattern\'s own characters', () => {
    const random = seededRandom(20261204);
    const pieces = ['类', '支出', '、', '（', '（201类）', '(208类)', '（201', '类）', '）', '教育', '，', ' ', '类别'];
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(anchored(text)).toEqual(searched(text));
    }
  });
});
