/**
 * The anchors of a disclosure page, each made in one place: what its own links, the check panel, other pages, a
 * table's pages of its own and search results (Pagefind's sub-results and the catalog's sections) link to.
 */

/** A table's section. */
export function tableAnchor(tableId: string): string {
  return `table-${tableId}`;
}

/** A table's heading, where a search result's section for the table lands. */
export function tableTitleAnchor(tableId: string): string {
  return `${tableAnchor(tableId)}-title`;
}

/** A table row: `t3-L173`, the table id and the first line of the row, stable across rebuilds of one document. */
export function rowAnchor(tableId: string, firstLine: number): string {
  return `${tableId}-L${firstLine}`;
}

/** The table and first line a row anchor names, or null for any other anchor. */
export function anchoredRow(anchor: string): { tableId: string; firstLine: number } | null {
  const m = /^(.+)-L(\d+)$/.exec(anchor);
  return m && { tableId: m[1], firstLine: Number(m[2]) };
}

/** A project's section: its targets, the project directory and an evaluation report link to it. */
export function projectAnchor(projectId: string): string {
  return `project-${projectId}`;
}

/** A project's heading, where a search result's section for the project lands. */
export function projectHeadingAnchor(projectId: string): string {
  return `${projectAnchor(projectId)}-h`;
}

/** A 正文 section, on the disclosure page or on its text page. */
export function sectionAnchor(sectionId: string): string {
  return `sec-${sectionId}`;
}
