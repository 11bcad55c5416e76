/**
 * Above this many indicators, a disclosure's 绩效目标 have their own page (`d/<slug>/targets/`) and the disclosure
 * page lists the target tables with links; below it they are on the disclosure page, which saves a page and its
 * search fragment (static hosts limit a site's files). An indicator card is 33–40 bytes gzip (measured on the
 * synthetic corpus: 718 indicators made a 25 KB targets page, 263 made 12 KB), so 300 indicators are ~12 KB of the
 * 60 KB a page may weigh, as a long 正文 is held to ~14 KB (text-page.ts); most budgets print under 200.
 */
export const TARGETS_PAGE_INDICATORS = 300;

export function targetsHaveOwnPage(indicators: number): boolean {
  return indicators > TARGETS_PAGE_INDICATORS;
}

/** The site path of a disclosure's targets page, when it has one. */
export function targetsPagePath(slug: string): string {
  return `d/${slug}/targets/`;
}
