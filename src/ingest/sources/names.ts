/**
 * Which files of a folder are read, and the output names of files of one name in several formats: what the CLI's main
 * thread needs of the sources, in a module of its own so that it does not load the readers, which only its parse
 * workers run (docs/benchmarks.md).
 */

/** File name endings that a folder given to the CLI is searched for; single files are read whatever their name. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.txt', '.pdf', '.xlsx', '.xls', '.ods', '.fods', '.csv', '.docx', '.html', '.htm', '.md'];

/**
 * File name endings of formats that disclosures are published in but that are not read (legacy Word and WPS
 * documents and workbooks, OFD, archives of a batch) and that a folder is searched for too, so that the batch names
 * each with its reason rather than passing over it in silence; the bytes decide, so a `.doc` that is a web page or a
 * Word 2007 document is read as one.
 */
export const REFUSED_EXTENSIONS: readonly string[] = ['.doc', '.wps', '.et', '.ofd', '.zip', '.rar', '.7z'];

/**
 * The files of a folder to read: a text file beside the PDF of the same name (`x.txt` next to `x.pdf`) is that PDF's
 * extracted text, the same disclosure, so only the PDF, the original, is read.
 */
export function originalsOnly(names: readonly string[]): string[] {
  const pdfs = new Set(names.filter((n) => n.toLowerCase().endsWith('.pdf')).map((n) => n.slice(0, -4)));
  return names.filter((n) => !(n.toLowerCase().endsWith('.txt') && pdfs.has(n.slice(0, -4))));
}

/** Why a folder's `x.txt` beside `x.pdf` is not read (originalsOnly). */
export function extractedTextReason(name: string): string {
  return `与 ${name.slice(0, -4)}.pdf 同名，视为该 PDF 提取出的文字：只读取 PDF 原件`;
}

/**
 * Files of a folder that are nobody's document and are passed over without a word: dot files, and what Windows and
 * Office keep hidden (thumbnail caches, folder settings, the `~$` owner file beside a document open in Word or Excel).
 */
export function isHiddenFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * Formats by how exactly they hold a disclosure's figures: a workbook's cells are the numbers themselves (a CSV's are
 * a workbook's cells without their merges), a PDF prints them, a Word document types them (its tables' cells are
 * known, but a PDF is what offices publish as the document of record), a portal page or a converter's Markdown is made from one of those, a text file is extracted.
 * A `.doc` or `.wps` that is read at all is a web page or text saved under that name.
 */
const EXACTEST_FIRST: readonly string[] = ['.xlsx', '.xls', '.ods', '.fods', '.csv', '.pdf', '.docx', '.html', '.htm', '.md', ...REFUSED_EXTENSIONS, '.txt'];

export function extensionOf(path: string): string {
  const m = /\.[^./\\]+$/.exec(path);
  return m ? m[0].toLowerCase() : '';
}

/**
 * Files of one name in several formats (x.xlsx and x.pdf in one folder) would get one output name. A file of the
 * same name is not always the same disclosure (the 司法局's x.xlsx beside x.pdf is the district's checklist of the
 * PDF, not its tables), so each is read on its own: the exactest format keeps the name, each other one gets its
 * extension added (x-pdf). Returns those other files with the suffix of their output name.
 */
export function sameNameSuffixes(paths: readonly string[]): Map<string, { suffix: string; keeps: string }> {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const ext = extensionOf(path);
    if (!EXACTEST_FIRST.includes(ext)) continue;
    const key = path.slice(0, path.length - ext.length);
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  const out = new Map<string, { suffix: string; keeps: string }>();
  for (const files of groups.values()) {
    const [first, ...rest] = [...files].sort((a, b) => EXACTEST_FIRST.indexOf(extensionOf(a)) - EXACTEST_FIRST.indexOf(extensionOf(b)));
    for (const f of rest) out.set(f, { suffix: `-${extensionOf(f).slice(1)}`, keeps: first });
  }
  return out;
}
