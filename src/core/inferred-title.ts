/**
 * What the site and the checks say of a table wherever they name it, where the source did not name it so (issue 10):
 * a title the source does not print is its kind's standard name, and a kind told from the table's contents rather than
 * read from its title is the parser's reading, which the figures, charts and checks taken from the table by its kind
 * rest on. The reader must take neither for the source's words. Empty where the source named the table.
 */
export function inferredSaying(table: { titleInferred?: boolean; kindInferred?: boolean }): string {
  if (table.titleInferred) return '标题据表格内容推定';
  return table.kindInferred ? '表的类别据表格内容推定' : '';
}

/** The saying as it follows a table's title in running text: `支出总体情况表（标题据表格内容推定）`. */
export function inferredMark(table: { titleInferred?: boolean; kindInferred?: boolean }): string {
  const saying = inferredSaying(table);
  return saying && `（${saying}）`;
}
