import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextPiece } from './runs.ts';
import type { PageRules } from './rules.ts';
import type { Matrix } from './turn.ts';

/**
 * What the reader asks of a PDF library (index.ts): pdf.js, or PDFium (pdfium.ts). Everything after it (turn, runs,
 * lines, layout, rules) is the reader's own, so both libraries are read by the same rules.
 */
/** A dense A3 table page holds about 10,000 characters; far more is a drawing or a broken content stream. */
export const MAX_PAGE_CHARS = 200_000;

/** The name of the error a layer throws for a page of more characters than MAX_PAGE_CHARS, before reading them all. */
export const PAGE_TOO_LONG = 'PageTooLong';

/** The name of the error PDFium's layer throws for a page whose text its text page left out (pdfium.ts dropsText). */
export const TEXT_DROPPED = 'TextDropped';

export interface TextLayer {
  pageCount: number;
  /** Page `p` (1-based); throws where the library cannot read it. */
  page(p: number): Promise<LayerPage>;
  /** Whether page `p` paints an image: asked of pages without text only. */
  paintsImage(p: number): Promise<boolean>;
  destroy(): Promise<void>;
}

export interface LayerPage {
  /** PDF user space to the page as a viewer shows it (points, origin top left, y downwards; pdf.js's viewport). */
  viewport: { transform: Matrix; width: number; height: number };
  /** Text items as pdf.js makes them, their matrices in PDF user space. */
  items: TextPiece[];
  /** The page's ruling lines in `frame` (user space to the frame the page is read in). */
  rules(frame: Matrix): Promise<PageRules>;
  close(): void;
}

/** The PDF libraries the reader can read with. */
export type PdfLibrary = 'pdfjs' | 'pdfium';

/**
 * PDFium unless the environment asks for pdf.js (`PDF_TEXT_LAYER=pdfjs`): it reads the same text in a third of the
 * CPU (docs/benchmarks.md, "PDFium against pdf.js"); pdf.js reads again what PDFium could not (index.ts readPdf).
 */
export function chosenLibrary(): PdfLibrary {
  return process.env.PDF_TEXT_LAYER === 'pdfjs' ? 'pdfjs' : 'pdfium';
}

/**
 * Whether PDFium's package and its WebAssembly are installed. Without them every PDF is read by pdf.js, the fallback
 * for a file PDFium cannot read, and nothing else would tell the office that its run is three times slower: a
 * node_modules copied before PDFium was a dependency did so for a whole corpus. Asked by the CLI, not the reader.
 */
export function pdfiumInstalled(resolve: (specifier: string) => string = import.meta.resolve): boolean {
  try {
    return existsSync(fileURLToPath(resolve('@embedpdf/pdfium/pdfium.wasm')));
  } catch {
    return false;
  }
}
