import { isPageNumber } from '../page-furniture.ts';

/**
 * The page breaks of a plain text that prints its page numbers but no form feed. `pdftotext` opens each page after
 * the first with a form feed, and every reader knows a page turned by it: a table's header repeated over its next
 * page, a page number printed last on a page, a target form going on over a page. Text from another extractor (or
 * copied out of a viewer) loses them, and then a table's repeated header reads as its rows and a long table ends at
 * its first page turn (广州 水务局 2026's 项目支出表 without its form feeds: 9 rows of 270).
 * Where the text holds no form feed at all, a line printing a page number by its shape (`- 5 -`, `第5页`, `第 5 页
 * 共 40 页`: page-furniture.ts isPageNumber) ends its page, as disclosures print it at the foot, and the next printed
 * line opens the next page with a form feed, as `pdftotext` would have printed it. A bare number (`5`) is not enough
 * to tell a page's: a table's cell prints one alike. Two such numbers at least, so that one number-shaped line is
 * not taken for the document's way of printing pages. Nothing printed changes: the line numbers stay, and each line
 * keeps its text after the form feed.
 */
export function withPageBreaks(text: string): { text: string; breaks: number } {
  if (text.includes('\f')) return { text, breaks: 0 };
  const lines = text.split('\n');
  const feet = lines.flatMap((line, i) => (isPageNumber(line.trim()) ? [i] : []));
  if (feet.length < 2) return { text, breaks: 0 };
  let breaks = 0;
  for (const foot of feet) {
    let next = foot + 1;
    while (next < lines.length && lines[next].trim() === '') next++;
    // The text's last page ends with its number; a number straight under another (`- 5 -` / `第5页`) is the same foot.
    if (next >= lines.length || isPageNumber(lines[next].trim())) continue;
    lines[next] = `\f${lines[next]}`;
    breaks++;
  }
  return { text: lines.join('\n'), breaks };
}
