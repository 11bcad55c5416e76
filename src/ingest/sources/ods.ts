/**
 * OpenDocument spreadsheets (.ods): the format LibreOffice saves in and WPS offers beside .xlsx, and its flat form
 * (.fods: the package's parts as one XML document, LibreOffice's "Flat XML ODF Spreadsheet"). SheetJS reads their
 * cells (xls.ts) and workbook.ts makes them lines as for every workbook: merges as spans, numbers as stored. What
 * SheetJS does not read is which sheets are hidden: ODS states it in a table style (`table:display="false"`), read
 * here from the package's content.xml, or from the flat document itself.
 */
import type { SourceRead } from './index.ts';
import { readXls } from './xls.ts';

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The places (0-based, in workbook order) of the sheets a table style hides. */
export function hiddenSheets(contentXml: string): Set<number> {
  const hiding = new Set<string>();
  for (const m of contentXml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    const name = attribute(m[1], 'style:name');
    if (name && attribute(m[1], 'style:family') === 'table' && /\stable:display="false"/.test(m[2])) hiding.add(name);
  }
  const hidden = new Set<number>();
  if (hiding.size === 0) return hidden;
  // `<table:table ` or `<table:table>`, not `<table:table-row`: each opening tag is one sheet, in order.
  [...contentXml.matchAll(/<table:table[\s>]([^>]*)/g)].forEach((m, i) => {
    const style = attribute(` ${m[1]}`, 'table:style-name');
    if (style && hiding.has(style)) hidden.add(i);
  });
  return hidden;
}

/** The rows and columns (0-based) one sheet hides: `table:visibility` collapse or filter, as LibreOffice writes it. */
export interface HiddenLines {
  rows: Set<number>;
  columns: Set<number>;
}

const REPEAT_LIMIT = 10_000;

/**
 * For each sheet in workbook order, the rows and columns it hides, which SheetJS does not read from an ODS. Rows and
 * columns are counted with their repeats (LibreOffice writes a run of like rows as one, repeated); a repeat past any
 * printed table's size (the 16,376 columns after the last used one) is counted but not listed.
 */
export function hiddenLines(contentXml: string): HiddenLines[] {
  const sheets: HiddenLines[] = [];
  for (const table of contentXml.split(/<table:table[\s>]/).slice(1)) {
    const lines: HiddenLines = { rows: new Set(), columns: new Set() };
    for (const [kind, pattern, repeat] of [
      ['columns', /<table:table-column[\s/>]([^>]*)/g, 'table:number-columns-repeated'],
      ['rows', /<table:table-row[\s/>]([^>]*)/g, 'table:number-rows-repeated'],
    ] as const) {
      let at = 0;
      for (const m of table.matchAll(pattern)) {
        const n = Number(attribute(` ${m[1]}`, repeat) ?? 1) || 1;
        if (/\stable:visibility="(?:collapse|filter)"/.test(` ${m[1]}`)) for (let i = 0; i < Math.min(n, REPEAT_LIMIT); i++) lines[kind].add(at + i);
        at += n;
      }
    }
    sheets.push(lines);
  }
  return sheets;
}

export async function readOds(bytes: Uint8Array): Promise<SourceRead> {
  let hidden = new Set<number>();
  let lines: HiddenLines[] = [];
  try {
    // Loaded with the first .ods, as the other readers load their libraries: most corpora hold none.
    const { default: Zip } = await import('jszip');
    const content = await (await Zip.loadAsync(bytes)).file('content.xml')?.async('string');
    if (content) {
      hidden = hiddenSheets(content);
      lines = hiddenLines(content);
    }
  } catch {
    // A package JSZip cannot open is one SheetJS cannot read either, and says so in Chinese.
  }
  return readXls(bytes, 'ods', hidden, 'utf-8', lines);
}

/** A flat ODS, decoded as any text is (decode.ts): its table styles are in the one document. */
export function readFlatOds(text: string, encoding: string): Promise<SourceRead> {
  return readXls(text, 'fods', hiddenSheets(text), encoding, hiddenLines(text));
}
