/**
 * Turns the bytes of an input file into text, or explains why it cannot. Pure: the CLI reads the file, this decides.
 * Disclosures arrive in UTF-8 (with or without BOM), GB18030/GBK (older Chinese Windows tools), or UTF-16.
 */
export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: string; line: number | null };

/** Larger inputs are not disclosures; refusing them keeps memory bounded in a batch. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

const BINARY_SIGNATURES: ReadonlyArray<readonly [string, number[]]> = [
  ['a PDF file (extract its text first, e.g. `pdftotext -layout`)', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a ZIP archive (DOCX/XLSX/OFD are ZIP files)', [0x50, 0x4b, 0x03, 0x04]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an OLE document (DOC/XLS/WPS)', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM shows up as NUL bytes in every other position for mostly-ASCII/CJK text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The 1-based line of the first byte sequence that is not valid UTF-8, for the error message. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = text.indexOf('\uFFFD');
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

function firstControlLine(text: string): number | null {
  const m = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : null;
}

/** Share of characters that are CJK; real disclosures are mostly Chinese, mis-decoded bytes rarely are. */
function cjkShare(text: string): number {
  const sample = text.slice(0, 20000);
  const cjk = sample.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const letters = sample.replace(/\s/g, '').length;
  return letters === 0 ? 0 : cjk / letters;
}

export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty', line: null };
  if (bytes.length > MAX_INPUT_BYTES) {
    return { ok: false, reason: `the file is ${bytes.length} bytes, over the ${MAX_INPUT_BYTES}-byte limit for one disclosure`, line: null };
  }
  for (const [what, signature] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) return { ok: false, reason: `this is ${what}, not text`, line: null };
  }

  let decoded: { text: string; encoding: string } | null = null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode(bytes.subarray(3), 'utf-8');
    if (text === null) return { ok: false, reason: 'invalid UTF-8 after a UTF-8 byte-order mark', line: firstInvalidUtf8Line(bytes.subarray(3)) };
    decoded = { text, encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(bytes.subarray(2), encoding);
    if (text === null) return { ok: false, reason: `invalid ${encoding.toUpperCase()} after its byte-order mark`, line: null };
    decoded = { text, encoding };
  } else {
    const utf16 = guessUtf16(bytes);
    const utf16Text = utf16 ? tryDecode(bytes, utf16) : null;
    if (utf16 && utf16Text !== null) decoded = { text: utf16Text, encoding: utf16 };
    else {
      const utf8 = tryDecode(bytes, 'utf-8');
      if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8' };
      else {
        const gb = tryDecode(bytes, 'gb18030');
        if (gb !== null && cjkShare(gb) > 0.2) decoded = { text: gb, encoding: 'gb18030' };
        else {
          return {
            ok: false,
            reason: 'the text is neither UTF-8, UTF-16 nor GB18030/GBK (invalid byte sequence)',
            line: firstInvalidUtf8Line(bytes),
          };
        }
      }
    }
  }

  const controlLine = firstControlLine(decoded.text);
  if (controlLine !== null) {
    return { ok: false, reason: 'binary data (control characters) in the text: not a text extraction', line: controlLine };
  }
  if (decoded.text.trim() === '') return { ok: false, reason: 'the file holds only white space', line: null };
  return { ok: true, ...decoded };
}
