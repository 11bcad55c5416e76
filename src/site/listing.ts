/**
 * Listings that stay readable, and under the page budget (issue 15: every page under 60 KB gzip), however large the
 * corpus: a list of documents, projects or departments is split into pages of a fixed size (Astro's `paginate`), an
 * index page links into them by group, and the sitemap is split into parts. Pure: pages call these with summaries.
 */

/**
 * Entries one page of a listing holds. At N = 300, 200 entries of the largest listings (documents, 三公 rows,
 * downloads) are 10–25 KiB gzip, well under the budget and still one scroll for a reader looking for a name.
 */
export const LISTING_PAGE_SIZE = 200;

/** The page (1 = the first) that the entry at `index` of a listing lands on. */
export function pageOfIndex(index: number, pageSize: number = LISTING_PAGE_SIZE): number {
  return Math.floor(index / pageSize) + 1;
}

/**
 * A listing page's path from its first page's (`documents/`): the first page has no number, as Astro's `paginate`
 * names it for a `[...page]` route, so that links to the listing from before it was split keep working.
 */
export function listingPagePath(first: string, page: number): string {
  return page <= 1 ? first : `${first.replace(/\/?$/, '/')}${page}/`;
}

/** What a listing page's title adds to the listing's name: nothing on the first page, `（第 n 页）` on the others. */
export function pageTitle(name: string, page: number): string {
  return page > 1 ? `${name}（第 ${page} 页）` : name;
}

/**
 * The page numbers page navigation shows: the first, the last and those around the current one, null where
 * numbers are left out, so that a listing of 50 pages is a dozen links on a phone, not 50.
 */
export function pageWindow(current: number, last: number, around = 2): Array<number | null> {
  const shown: Array<number | null> = [];
  for (let page = 1; page <= last; page++) {
    const distance = Math.abs(page - current);
    // A gap of one page is shown as that page: an ellipsis would take the same room.
    const fillsGap = distance === around + 1 && (page === 2 || page === last - 1);
    if (page === 1 || page === last || distance <= around || fillsGap) shown.push(page);
    else if (shown.at(-1) !== null) shown.push(null);
  }
  return shown;
}

/** The anchor of a group (a province) on a listing page, from its label: stable across builds and pages. */
export function groupAnchor(label: string): string {
  return `g-${label.replace(/\s+/g, '-')}`;
}

export interface GroupPages<T> {
  key: string;
  /** The group's first entry, for what the index shows of it. */
  first: T;
  count: number;
  /** The pages the group's entries span (one group may run over several pages, or share one with others). */
  firstPage: number;
  lastPage: number;
}

/**
 * Runs of entries with the same key in a listing already sorted by it, with the pages each run spans: what an index
 * page (regions of the document list) needs to link into the paginated listing.
 */
export function groupPages<T>(items: readonly T[], keyOf: (item: T) => string, pageSize: number = LISTING_PAGE_SIZE): Array<GroupPages<T>> {
  const groups: Array<GroupPages<T>> = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last?.key === key) {
      last.count++;
      last.lastPage = pageOfIndex(i, pageSize);
    } else groups.push({ key, first: item, count: 1, firstPage: pageOfIndex(i, pageSize), lastPage: pageOfIndex(i, pageSize) });
  });
  return groups;
}

/**
 * URLs one sitemap file lists. The protocol allows 50,000 (and 50 MB); 10,000 keeps each file near 1 MB, so that no
 * file of the site grows with the corpus: more pages make more parts, listed by a sitemap index.
 */
export const SITEMAP_URLS = 10_000;

/** The sitemap's parts: one when everything fits (sitemap.xml is then the list itself), else several. */
export function sitemapParts<T>(paths: readonly T[], max: number = SITEMAP_URLS): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < paths.length; i += max) parts.push(paths.slice(i, i + max));
  return parts.length > 0 ? parts : [[]];
}
