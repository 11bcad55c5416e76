import { describe, expect, it } from 'vitest';
import { holdsQuery, normalizeQuery, presentResult, queryVariants, settledOrder } from '../../src/site/search-ui.ts';

describe('search query folding', () => {
  it('joins a classification code typed with spaces, in half or full width', () => {
    expect(normalizeQuery('208 05 05')).toBe('2080505');
    expect(normalizeQuery('２０８　０５　０５')).toBe('2080505');
    expect(normalizeQuery('201 03')).toBe('20103');
    expect(normalizeQuery('2080505')).toBe('2080505');
  });

  it('turns brackets of either width into word breaks', () => {
    expect(normalizeQuery('行政运行（政府办公厅（室）及相关机构事务）')).toBe('行政运行 政府办公厅 室 及相关机构事务');
    expect(normalizeQuery('行政运行(政府办公厅(室)及相关机构事务)')).toBe('行政运行 政府办公厅 室 及相关机构事务');
    expect(normalizeQuery('“三公”经费')).toBe('三公 经费');
  });

  it('leaves years and amounts alone', () => {
    expect(normalizeQuery('2021 年 40 万元')).toBe('2021 年 40 万元');
  });
});

describe('search result presentation', () => {
  const data = {
    url: '/d/x/',
    excerpt: 'page',
    meta: { title: '某部门2021年部门预算', 部门: '某部门', 'amount@project-p4-h': '40 万元' },
    sub_results: [
      { title: '某部门2021年部门预算', url: '/d/x/', excerpt: 'root', locations: [1] },
      { title: '正文', url: '/d/x/#text-h', excerpt: 'a', anchor: { id: 'text-h' }, locations: [1, 2, 3, 4] },
      { title: '公开表', url: '/d/x/#tables-h', excerpt: 'b', anchor: { id: 'tables-h' }, locations: [5, 6] },
      { title: '绩效目标', url: '/d/x/#targets-h', excerpt: 'c', anchor: { id: 'targets-h' }, locations: [7, 8, 9] },
      { title: '电子政务项目', url: '/d/x/#project-p4-h', excerpt: 'd', anchor: { id: 'project-p4-h' }, locations: [10] },
    ],
  };

  it('puts the section whose heading is the query first, with its amount, and keeps three sections', () => {
    const shown = presentResult(data, normalizeQuery('电子政务项目'));
    expect(shown.tier).toBe(0);
    expect(shown.sections.map((s) => s.title)).toEqual(['电子政务项目（40 万元）', '正文', '绩效目标']);
    expect(shown.tags).toEqual([['部门', '某部门']]);
  });

  it("shows a department's tags in the order a disclosure's are shown: 年度, 类型, then the rest", () => {
    // A department page's metadata as Pagefind returns it, in its keys' code order (文 U+6587 before 类 U+7C7B).
    const department = { url: '/departments/d-1/', excerpt: '', meta: { title: '某部门', 年度: '2021', 文件: '1 份（预算）', 类型: '部门' } };
    expect(presentResult(department, '某部门').tags).toEqual([['年度', '2021'], ['类型', '部门'], ['文件', '1 份（预算）']]);
  });

  it('ranks a page by its title when no heading matches, sections by hits', () => {
    const shown = presentResult(data, '某部门');
    expect(shown.tier).toBe(1);
    expect(shown.sections.map((s) => s.url)).toEqual(['/d/x/#text-h', '/d/x/#targets-h', '/d/x/#tables-h']);
  });
});

describe('query variants', () => {
  // Pagefind keeps width as printed: a page printing ＰＰＰ is found only by ＰＰＰ (tried on a two-page index).
  it('also searches letters and digits in full width, and only when there are any', () => {
    expect(queryVariants('PPP项目')).toEqual(['PPP项目', 'ＰＰＰ项目']);
    expect(queryVariants('2080505')).toEqual(['2080505', '２０８０５０５']);
    expect(queryVariants('电子政务项目')).toEqual(['电子政务项目']);
  });
});

describe('the order results are drawn in, as their fragments come in', () => {
  // Tiers: 0 a section heading holds the query, 1 the title does, 2 neither; undefined: the fragment is still loading.
  it('draws a first result whose section heading holds the query before the others are in', () => {
    expect(settledOrder([0, undefined, undefined])).toEqual([0]);
    expect(settledOrder([0, 2, undefined, 0])).toEqual([0]);
    expect(settledOrder([0, 0, undefined])).toEqual([0, 1]);
  });

  it('waits while a page still loading could come first, then puts heading matches first, title matches next', () => {
    expect(settledOrder([2, undefined])).toEqual([]);
    expect(settledOrder([undefined, 0])).toEqual([]);
    expect(settledOrder([2, 1, 0, 2])).toEqual([2, 1, 0, 3]);
    expect(settledOrder([1, 2, 2, 2])).toEqual([0, 1, 2, 3]);
  });

  it('only ever extends what is on screen as more come in', () => {
    const arrivals: Array<[number, number]> = [[3, 2], [0, 0], [2, 0], [1, 2]];
    const tiers: Array<number | undefined> = [undefined, undefined, undefined, undefined];
    let shown: number[] = [];
    for (const [i, tier] of arrivals) {
      tiers[i] = tier;
      const next = settledOrder(tiers);
      expect(next.slice(0, shown.length)).toEqual(shown);
      shown = next;
    }
    expect(shown).toEqual([0, 2, 1, 3]);
  });
});

describe('a sharded site’s catalog answers a query only with pages that hold it', () => {
  // Lines of the bundled corpus's catalog records (the 喀什 行政公署办公室 budget's summary, a 正文 heading of the
  // 扶贫开发办公室 budget): they name 人员工资 (基本支出) but not 人员工资增加, a phrase of the 正文 only, for which
  // Pagefind still returns the 行政公署办公室 record by 人员 and 工资.
  const record = '其中基本支出（人员工资和日常运转）3,342.67 万元，占 66.8%；\n4.住房保障支出（类）住房改革支出（款）住房公积金';

  it('holds every word of the query, whatever the width, brackets and spacing', () => {
    expect(holdsQuery(record, normalizeQuery('住房公积金'))).toBe(true);
    expect(holdsQuery(record, normalizeQuery('住房改革支出(款)'))).toBe(true);
    expect(holdsQuery(record, normalizeQuery('人员工资　住房公积金'))).toBe(true);
  });

  it('does not hold a phrase whose characters are only scattered in it', () => {
    expect(holdsQuery(record, normalizeQuery('人员工资增加'))).toBe(false);
    expect(holdsQuery(record, normalizeQuery('住房公积金 工会经费'))).toBe(false);
  });
});
