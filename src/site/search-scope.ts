/**
 * What of a built page Pagefind leaves out of the index and the fragments (scripts/index-search.ts passes these as
 * its excludeSelectors, and cuts what they match out of the pages it hands over: search-markup.ts), beside the
 * data-pagefind-ignore attributes of the templates. Said here, once per kind of element, instead of by an attribute
 * on each of a big page's thousands of cells and paragraphs.
 *
 * A search finds a disclosure by its title, summary and headings (table titles, project names with their amounts,
 * target tables, 正文 headings, glossary terms), its department and its subordinate units: what a result shows
 * (issue 15 point 6); and by the words of its 正文, the prose a reader quotes (a policy, a programme, a sentence of
 * the 情况说明) that no table holds. A classification (住房公积金, 2210201) is found on its 类's page, which lists the
 * 款 and 项 the documents print (src/pages/functions/[code]/), not on every table row that names it: the rows'
 * codes and names were a fifth of the words Pagefind indexed, and its CPU grows with the words (docs/benchmarks.md,
 * "Table rows out of the full-text index"). Its words in the index and fragments are
 * a tenth of what a disclosure publishes (synthetic corpus of 100: 194 → 215 KiB a disclosure; docs/benchmarks.md),
 * and a search that misses the words of the document it publishes is not full-text search. Left out, since a
 * fragment holds every word it indexes and a first search fetches the fragments of the pages it shows:
 * - of a table, all but its title: the table itself (rows, caption, column headers), the line of unit and source
 *   lines under the title, the scroll hint, the permalink and the line of checks;
 * - the indicator cards of the 绩效目标 and a 绩效自评表's funds table (the target table's title stays), the
 *   definitions beside the glossary terms (each term's own page has them), and the list of duties in the 概况;
 * - on a glossary term's page, the documents that use each wording (见于…): their titles are their own pages' titles,
 *   and listed there they made every term a result for a department's name;
 * - the 正文's paragraphs that its 名词解释 holds as entries (src/site/glossary-paragraphs.ts): the same few
 *   definitions in nearly every document, a tenth of a disclosure page's words; a definition's wording is found on its
 *   term's page, and the document by the term, which its 名词解释 list keeps;
 * - what repeats on the page or on another page: the table of contents (the section headings, and the count of
 *   checks that failed), the summary's line about the checks, and a long 正文's outline on the disclosure page,
 *   whose headings its text page holds.
 */
export const EXCLUDED_FROM_SEARCH = [
  '.data-table table',
  '.data-table > p.muted',
  '.data-table .scroll-hint',
  '.data-table .permalink',
  '.data-table .table-checks',
  '.target > dl',
  '.target > p',
  '.target ul',
  '.target > .table-scroll',
  '#glossary dd',
  '#overview ol',
  '.definition .muted',
  '#text .in-glossary',
  'nav.toc',
  '.summary a',
  '.text-outline',
];
