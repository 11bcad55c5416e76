/**
 * What a decoded text says it is, for each format that is text: a web page, Excel 2003's XML Spreadsheet, a flat
 * OpenDocument spreadsheet, a converter's Markdown. Kept apart from the readers, as signatures.ts is for the binary
 * formats, so that choosing a reader loads none: a batch of plain texts never loads the HTML, workbook or Markdown
 * parsers (sources/index.ts).
 */
import { ODS_MIMETYPE } from './signatures.ts';

/** A page, not text that mentions a tag: it opens (after BOM, white space and comments) with document markup. */
export function looksLikeHtml(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').replace(/^(?:\s|<!--[\s\S]*?-->)+/, '').slice(0, 200).toLowerCase();
  return /^<(?:!doctype\s+html|html|head|body|meta|title|table)[\s>]/.test(head);
}

/**
 * Excel 2003's XML Spreadsheet: an XML document whose root is a Workbook in the spreadsheet namespace (usually
 * announced by `<?mso-application progid="Excel.Sheet"?>`), not a web page.
 */
export function looksLikeSpreadsheetXml(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4000);
  return head.startsWith('<?xml') && /<(?:\w+:)?Workbook\b/.test(head) && head.includes('urn:schemas-microsoft-com:office:spreadsheet');
}

/**
 * A flat ODS: an XML document whose root is office:document with office:mimetype naming the spreadsheet type (the
 * standard requires the attribute on that root; a flat text document, .fodt, names its own type). The root element
 * carries every namespace of the document, a few kilobytes in LibreOffice's files, so its whole tag is read.
 */
export function looksLikeFlatOds(text: string): boolean {
  const root = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<office:document\s([^>]*)>/.exec(text.slice(0, 65536));
  return root !== null && new RegExp(`\\soffice:mimetype=(["'])${ODS_MIMETYPE.replace(/\./g, '\\.')}\\1`).test(` ${root[1]}`);
}

/** A GFM table's delimiter row (`| --- | :---: |`): no plain-text extraction prints one. */
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}:?\s*\|\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/m;
const ATX_HEADING = /^#{1,6}[ \t]+\S/m;
const HTML_TABLE = /<table[\s>]/i;
const ATX_HEADINGS = /^#{1,6}[ \t]+\S/gm;
/** Text extracted from a PDF never opens a line with `# `; a converter opens every heading it guessed with one. */
const HEADINGS_OF_A_CONVERTER = 3;

/** A line that is only an image, `![](images/x.jpg)`: a converter writes a region it read no text from as one. */
const IMAGE_LINE = /^!\[[^\]\n]*\]\([^()\s]+\)[ \t]*$/m;

/** A pandoc grid table's top border over its first row: no extraction of a PDF draws one. */
const GRID_BORDER = /^\+(?:[-=]{3,}\+){2,}[ \t]*\n\|/m;

/**
 * Markdown only on clear evidence: a pipe table's delimiter row, a pandoc grid table, `#` headings together with HTML
 * tables or a converter's image, or a converter's `#` on several headings.
 */
export function looksLikeMarkdown(text: string): boolean {
  // The row needs `---`; without one the pattern is not tried, since on lines of layout padding it backtracks.
  if (text.includes('---') && DELIMITER_ROW.test(text)) return true;
  if (text.includes('+---') && GRID_BORDER.test(text)) return true;
  if (text.includes('![') && ATX_HEADING.test(text) && IMAGE_LINE.test(text)) return true;
  if (ATX_HEADING.test(text) && HTML_TABLE.test(text)) return true;
  return (text.match(ATX_HEADINGS)?.length ?? 0) >= HEADINGS_OF_A_CONVERTER;
}
