/**
 * Word documents (.docx): offices write the 说明 and often the tables in Word, and some publish the document itself.
 * Its body is read in order as blocks (grid.ts): each paragraph a line of prose, each table a grid whose merged
 * cells (gridSpan across, vMerge down) become spans, so that the tables reach the tabbed reader with their cells
 * known, as a workbook's do. Page headers and footers are furniture and are not read, as in a PDF. Word keeps no
 * fixed pages (they depend on the fonts of the machine that opens it), so a document's lines have no page numbers.
 */
import type JSZip from 'jszip';
import type { SaxesParser, SaxesTagPlain } from 'saxes';
import { blocksText, expandGrid, joinSplitTables, type Block, type GridCell } from './grid.ts';
import type { SourceRead } from './index.ts';

/**
 * The unpacked main part is read up to this size: a ZIP entry can inflate a thousandfold (a "zip bomb"), and the
 * input limit bounds only the packed bytes. Word's XML of a 300-page budget is a few MB.
 */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;

class TooLarge extends Error {}

/** The main part's XML, inflated as a stream and given up past the limit (never inflated whole first). */
async function documentXml(entry: JSZip.JSZipObject, limit: number): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        reject(new TooLarge());
        return;
      }
      parts.push(decoder.decode(chunk, { stream: true }));
    });
    stream.on('error', reject);
    stream.on('end', () => resolve());
  });
  parts.push(decoder.decode());
  return parts.join('');
}

/** A table being read: its rows, and per grid column the cell a vertical merge started there (vMerge="restart"). */
interface TableState {
  rows: GridCell[][];
  row: GridCell[] | null;
  /** The grid column the next cell of the current row starts at (gridBefore and spans counted). */
  column: number;
  mergeStarts: Map<number, GridCell>;
  cell: { span: number; merge: 'restart' | 'continue' | null; paragraphs: string[] } | null;
}

/**
 * Elements whose text is not the document's printed text: deleted revisions, field instructions (PAGE, TOC …), the
 * fallback copy of a drawing that Word writes beside the drawing itself (mc:AlternateContent), which would print a
 * text box twice, and paragraph and run properties (a paragraph's tab stops are w:tab elements too).
 */
const SKIPPED = new Set(['w:del', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:pPr', 'w:rPr']);

function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  return (tag.attributes as Record<string, string>)[name];
}

/**
 * The body's blocks in reading order. A table inside a table cell is read as text of that cell, and a text box
 * inside a paragraph as lines of that paragraph.
 */
function bodyBlocks(xml: string, Parser: typeof SaxesParser): Block[] {
  const blocks: Block[] = [];
  const tables: TableState[] = [];
  let prose: string[] = [];
  const paragraphs: string[][] = [];
  const paragraph = (): string[] | undefined => paragraphs[paragraphs.length - 1];
  let inText = false;
  let skipped = 0;

  const flushProse = () => {
    if (prose.length > 0) blocks.push({ kind: 'text', lines: prose });
    prose = [];
  };
  /** The table whose rows are read: the outermost (an inner table's rows are not a grid of their own). */
  const grid = (): TableState | undefined => (tables.length === 1 ? tables[0] : undefined);
  /** The cell being read, which an inner table's paragraphs also go to. */
  const cell = () => tables[0]?.cell;

  const parser = new Parser({ xmlns: false });
  parser.on('opentag', (tag) => {
    if (skipped > 0 || SKIPPED.has(tag.name)) {
      if (!tag.isSelfClosing) skipped++;
      return;
    }
    const t = grid();
    switch (tag.name) {
      case 'w:tbl':
        if (tables.length === 0) flushProse();
        tables.push({ rows: [], row: null, column: 0, mergeStarts: new Map(), cell: null });
        break;
      case 'w:tr':
        if (t) {
          t.row = [];
          t.column = 0;
        }
        break;
      case 'w:gridBefore':
        // Grid columns a row leaves out before its first cell: empty slots, so later cells keep their columns.
        if (t?.row) {
          const n = Math.max(0, Math.min(100, Number(attribute(tag, 'w:val') ?? 0) || 0));
          if (n > 0) t.row.push({ text: '', rowSpan: 1, colSpan: n });
          t.column += n;
        }
        break;
      case 'w:tc':
        if (t) t.cell = { span: 1, merge: null, paragraphs: [] };
        break;
      case 'w:gridSpan':
        if (t?.cell) t.cell.span = Math.max(1, Math.min(100, Number(attribute(tag, 'w:val') ?? 1) || 1));
        break;
      case 'w:vMerge':
        if (t?.cell) t.cell.merge = attribute(tag, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        paragraphs.push([]);
        break;
      case 'w:t':
        inText = !tag.isSelfClosing;
        break;
      case 'w:tab':
      case 'w:ptab':
        paragraph()?.push(' ');
        break;
      case 'w:br':
      case 'w:cr':
        // A line break inside a paragraph: a new line in prose, a space in a cell (cell text is one line).
        paragraph()?.push('\n');
        break;
      case 'w:noBreakHyphen':
        paragraph()?.push('-');
        break;
    }
  });
  parser.on('text', (text) => {
    if (inText && skipped === 0) paragraph()?.push(text);
  });
  parser.on('closetag', (tag) => {
    if (skipped > 0) {
      skipped--;
      return;
    }
    const t = grid();
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p': {
        const text = (paragraphs.pop() ?? []).join('');
        if (paragraph()) paragraph()!.push('\n', text, '\n');
        else if (cell()) cell()!.paragraphs.push(text);
        else if (tables.length === 0) prose.push(...text.split('\n'));
        break;
      }
      case 'w:tc': {
        if (!t?.cell || !t.row) break;
        const { span, merge, paragraphs } = t.cell;
        t.cell = null;
        if (merge === 'continue' && t.mergeStarts.has(t.column)) {
          // The slots under a merged cell: the cell above spans them, and they are not listed (grid.ts's GridRows).
          t.mergeStarts.get(t.column)!.rowSpan++;
        } else {
          const cell: GridCell = { text: paragraphs.join(' '), rowSpan: 1, colSpan: span };
          t.row.push(cell);
          if (merge === 'restart') t.mergeStarts.set(t.column, cell);
          else t.mergeStarts.delete(t.column);
        }
        t.column += span;
        break;
      }
      case 'w:tr':
        if (t?.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      case 'w:tbl': {
        const done = tables.pop()!;
        if (tables.length === 0) blocks.push({ kind: 'grid', rows: expandGrid(done.rows) });
        break;
      }
    }
  });
  parser.write(xml).close();
  flushProse();
  return blocks;
}

export async function readDocx(bytes: Uint8Array, limit = MAX_DOCUMENT_XML_BYTES): Promise<SourceRead> {
  // Loaded with the first Word document, as exceljs is with the first workbook: most corpora hold none.
  const [{ default: Zip }, { SaxesParser: Parser }] = await Promise.all([import('jszip'), import('saxes')]);
  let xml: string;
  try {
    const zip = await Zip.loadAsync(bytes);
    const entry = zip.file('word/document.xml');
    if (!entry) return { ok: false, reason: '这个 Word 文档（.docx）缺少正文部分（word/document.xml），文件可能已损坏', line: null };
    xml = await documentXml(entry, limit);
  } catch (error) {
    if (error instanceof TooLarge) {
      return { ok: false, reason: `这个 Word 文档的正文解压后超过 ${limit} 字节，不是一份公开文件的大小，不予读取`, line: null };
    }
    // The library's own words (English, about ZIP internals) tell the office nothing it can act on.
    return { ok: false, reason: '无法读取这个 Word 文档（.docx）：文件已损坏、不完整或已加密', line: null };
  }
  let blocks: Block[];
  try {
    blocks = bodyBlocks(xml, Parser);
  } catch (error) {
    // saxes starts its message with the line and column of the part's XML where it stopped.
    const at = /^(\d+):(\d+):/.exec((error as Error).message);
    const where = at ? `（第 ${at[1]} 行第 ${at[2]} 列附近）` : '';
    return { ok: false, reason: `这个 Word 文档的正文（word/document.xml）不是完好的 XML${where}，无法读取`, line: null };
  }
  const text = blocksText(joinSplitTables(blocks));
  if (text === '') return { ok: false, reason: '这个 Word 文档中没有文字', line: null };
  return { ok: true, text, format: 'docx', encoding: 'utf-8', pageStarts: [] };
}
