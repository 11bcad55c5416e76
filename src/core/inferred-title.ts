/** A table, or what a summary keeps of it, with the flags the parser sets (schema/table.ts). */
type Named = { titleInferred?: boolean; kindInferred?: boolean } | undefined;

/**
 * What the site and the checks say of a table wherever they name it, where the source did not name it so (issue 10):
 * a title the source does not print is its kind's standard name, and a kind told from the table's contents rather than
 * read from its title is the parser's reading, which the figures, charts and checks taken from the table by its kind
 * rest on. The reader must take neither for the source's words. Empty where the source named the table. Where the
 * site shows a figure taken from a table by its kind without printing the table's title (`titled` false: the 三公 and
 * 功能分类 comparisons), only the kind is spoken of.
 */
export function inferredSaying(table: Named, titled = true): string {
  if (titled && table?.titleInferred) return '标题据表格内容推定';
  return table?.kindInferred ? '表的类别据表格内容推定' : '';
}

/** The saying as it follows a table's title or name in running text: `支出总体情况表（标题据表格内容推定）`. */
export function inferredMark(table: Named, titled = true): string {
  const saying = inferredSaying(table, titled);
  return saying && `（${saying}）`;
}
