/**
 * What follows a table's title wherever the site names the table, where the source printed none and the title is
 * its kind's standard name (issue 10): the reader must not take it for the source's words.
 */
export function inferredMark(table: { titleInferred: boolean }): string {
  return table.titleInferred ? '（标题据表格内容推定）' : '';
}
