import { describe, expect, it } from 'vitest';
import { distKind } from '../../scripts/bench-scale.ts';

describe('what each built file is, for the per-disclosure breakdown', () => {
  it('names a disclosure’s files, its department’s and the search index’s', () => {
    expect(distKind('d/a-2021-budget/index.html')).toBe('disclosure page');
    expect(distKind('d/a-2021-budget/targets/index.html')).toBe('targets page');
    expect(distKind('d/a-2021-budget/text/index.html')).toBe('text page');
    expect(distKind('data/a-2021-budget.json')).toBe('disclosure JSON');
    expect(distKind('data/all-rows.csv.gz')).toBe('other');
    expect(distKind('sources/a-2021-budget.pdf')).toBe('original');
    expect(distKind('departments/d-0123456789ab/series.csv')).toBe('department data');
    expect(distKind('departments/d-0123456789ab/index.html')).toBe('department page');
    expect(distKind('departments/u-0123456789ab/index.html')).toBe('department page');
    expect(distKind('departments/2/index.html')).toBe('other');
    expect(distKind('compare/names/0.json')).toBe('compare name index');
    expect(distKind('compare/index.html')).toBe('other');
    expect(distKind('pagefind/fragment/zh_1a2b.pf_fragment')).toBe('search fragment');
    expect(distKind('pagefind/index/zh_1a2b.pf_index')).toBe('search index chunk');
  });
});
