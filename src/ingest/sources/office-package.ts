import { startsWith, ZIP_SIGNATURE } from '../decode.ts';

/**
 * A ZIP archive whose bytes show each of `texts`: entry names, and an entry stored uncompressed (ODS's `mimetype`),
 * are readable in the archive without unpacking it.
 */
export function zipShows(bytes: Uint8Array, texts: readonly string[]): boolean {
  if (!startsWith(bytes, ZIP_SIGNATURE)) return false;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return texts.every((t) => view.includes(t, 0, 'latin1'));
}

/**
 * An Office Open XML package (a workbook, a Word document): a ZIP archive whose entries include [Content_Types].xml
 * and the format's main part (the part list itself is compressed).
 */
export function isOfficePackage(bytes: Uint8Array, mainPart: string): boolean {
  return zipShows(bytes, ['[Content_Types].xml', mainPart]);
}
