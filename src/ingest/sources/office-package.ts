import { startsWith } from '../decode.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * An Office Open XML package (a workbook, a Word document): a ZIP archive whose entries include [Content_Types].xml
 * and the format's main part. Entry names are stored uncompressed in the archive, so the bytes show them without
 * unpacking (the part list itself is compressed).
 */
export function isOfficePackage(bytes: Uint8Array, mainPart: string): boolean {
  if (!startsWith(bytes, ZIP)) return false;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.includes('[Content_Types].xml', 0, 'latin1') && view.includes(mainPart, 0, 'latin1');
}
