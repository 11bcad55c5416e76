import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Disclosure } from '../schema/disclosure.ts';

const SOURCES_DIR = 'content/sources';

type Format = Disclosure['source']['format'];

/** What publishing an original needs of a disclosure: a full one, or its summary. */
export type SourceRef = Pick<Disclosure, 'slug'> & { source: Pick<Disclosure['source'], 'file' | 'sha256' | 'format' | 'encoding'> };

/**
 * How each accepted format is published: the extension decides how a static host serves the file (it ignores the
 * route's Content-Type), so markup sources (HTML, Markdown) are published as plain text, never as pages whose
 * scripts would run on the site's origin.
 */
const PUBLISHED: Readonly<Record<Format, { extension: string; type: string | null; label: string }>> = {
  text: { extension: '.txt', type: null, label: '原始文本' },
  html: { extension: '.txt', type: null, label: '原始网页（文本）' },
  markdown: { extension: '.txt', type: null, label: '原始 Markdown（文本）' },
  pdf: { extension: '.pdf', type: 'application/pdf', label: '原始 PDF' },
  xlsx: { extension: '.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: '原始 Excel 工作簿' },
  xls: { extension: '.xls', type: 'application/vnd.ms-excel', label: '原始 Excel 工作簿（.xls）' },
  ods: { extension: '.ods', type: 'application/vnd.oasis.opendocument.spreadsheet', label: '原始 ODS 工作簿' },
  // The type LibreOffice registers for flat ODS: not an XML type, so no browser renders the file as a page.
  fods: { extension: '.fods', type: 'application/vnd.oasis.opendocument.spreadsheet-flat-xml', label: '原始 ODS 工作簿（.fods）' },
  csv: { extension: '.csv', type: 'text/csv', label: '原始 CSV 表格' },
  docx: { extension: '.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: '原始 Word 文档' },
};

/** Text (CSV too) is served in the encoding ingest read it in (the bytes are the original's), UTF-8 unless found otherwise. */
const TEXT_CHARSETS = new Set(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']);

/**
 * The bytes of a disclosure's original file, when the bundled copy is a regular file (never a link, which could
 * point anywhere) and the very file that was parsed (same SHA-256); otherwise null, so that the site publishes
 * only what ingest accepted and never a source that differs from the data.
 */
export function sourceBytes(doc: SourceRef): Buffer | null {
  const path = join(SOURCES_DIR, basename(doc.source.file));
  try {
    if (!lstatSync(path).isFile()) return null;
  } catch {
    return null;
  }
  const bytes = readFileSync(path);
  return createHash('sha256').update(bytes).digest('hex') === doc.source.sha256 ? bytes : null;
}

/** The published file name: the document's slug (safe in any URL) with the extension of its format. */
export function sourceFileName(doc: SourceRef): string {
  return `${doc.slug}${PUBLISHED[doc.source.format].extension}`;
}

/** The Content-Type of the published original. */
export function sourceContentType(doc: SourceRef): string {
  const encoding = doc.source.encoding.replace(/-bom$/, '');
  const charset = TEXT_CHARSETS.has(encoding) ? encoding : 'utf-8';
  const { type } = PUBLISHED[doc.source.format];
  // A CSV is text too, in the encoding it was read in (often GBK).
  return type === null || type.startsWith('text/') ? `${type ?? 'text/plain'}; charset=${charset}` : type;
}

/** What a link to the original says it is, and the type it announces (the host serves the file by its extension). */
export function sourceLink(doc: SourceRef): { label: string; type: string } {
  const { label, type } = PUBLISHED[doc.source.format];
  return { label, type: type ?? 'text/plain' };
}

/** The site path of the original file (`sources/<slug>.<ext>`), or null when it is not served. */
export function sourcePath(doc: SourceRef): string | null {
  return sourceBytes(doc) ? `sources/${sourceFileName(doc)}` : null;
}
