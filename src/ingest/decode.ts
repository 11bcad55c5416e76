/**
 * Turns the bytes of an input file into text, or explains why it cannot. Pure: the CLI reads the file, this decides.
 * Disclosures arrive in UTF-8 (with or without BOM), GB18030/GBK (older Chinese Windows tools), or UTF-16.
 */
export type Decoded =
  | { ok: true; text: string; encoding: string }
  /** `notText`: the bytes are no text in any encoding read here, nor a format a signature names. */
  | { ok: false; reason: string; line: number | null; notText?: true };

/**
 * Larger inputs are not one disclosure (the largest seed is 113 KB). The parse takes time and memory in proportion
 * (README, 'Big documents': measured figures for an 8 MB text), so this bounds both for each file of a batch.
 */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/**
 * Why a file is no text, by its first bytes, in the words the office that builds the site reads (the CLI, its report).
 * A PDF never gets here: sources/index.ts reads it as a PDF.
 */
export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * OFD, the national standard for fixed-layout documents that some portals publish instead of PDF, is a ZIP package
 * whose entry file is OFD.xml (GB/T 33190); its name is stored in ASCII in the package's headers.
 */
const OFD_ENTRY = [...'OFD.xml'].map((c) => c.charCodeAt(0));
const OFD_REASON = '这是 OFD 版式文档，本工具不读取这种格式：请用 OFD 阅读器（如数科阅读器、福昕阅读器）另存为 PDF 后再导入';

/**
 * An OpenDocument package other than a spreadsheet (which sources/ods.ts reads): its `mimetype` entry, stored
 * uncompressed first in the package, names a text document (.odt), a presentation (.odp), a drawing.
 */
const OPEN_DOCUMENT = [...'mimetypeapplication/vnd.oasis.opendocument.'].map((c) => c.charCodeAt(0));
const OPEN_DOCUMENT_REASON = '这是 OpenDocument 文档（.odt 文字文档等，LibreOffice 或 WPS 保存的格式），本工具不读取这种格式：请另存为 .docx 或 PDF（表格另存为 .ods 或 .xlsx）后再导入';

function containsAscii(bytes: Uint8Array, ascii: readonly number[]): boolean {
  for (let i = bytes.indexOf(ascii[0]); i >= 0; i = bytes.indexOf(ascii[0], i + 1)) {
    if (ascii.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

function isOfd(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_SIGNATURE) && containsAscii(bytes, OFD_ENTRY);
}

const BINARY_SIGNATURES: ReadonlyArray<readonly [string, number[]]> = [
  ['这是 PNG 图片，不是文本：扫描件需要先做文字识别', [0x89, 0x50, 0x4e, 0x47]],
  ['这是 JPEG 图片，不是文本：扫描件需要先做文字识别', [0xff, 0xd8, 0xff]],
  ['这是 ZIP 压缩包，不是文本，也不是 .docx、.xlsx 或 .ods：一批文件的压缩包请先解压，再导入其中的文件；其他文档请另存为 PDF、.docx 或 .xlsx 后再导入', ZIP_SIGNATURE],
  ['这是 RAR 压缩包，不是文本：请先解压，再导入其中的文件', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['这是 7z 压缩包，不是文本：请先解压，再导入其中的文件', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['这是 gzip 压缩文件，不是文本：请先解压，再导入其中的文件', [0x1f, 0x8b]],
  ['这是 GIF 图片，不是文本：扫描件需要先做文字识别', [0x47, 0x49, 0x46, 0x38]],
  // Scanners save TIFF, in either byte order.
  ['这是 TIFF 图片，不是文本：扫描件需要先做文字识别', [0x49, 0x49, 0x2a, 0x00]],
  ['这是 TIFF 图片，不是文本：扫描件需要先做文字识别', [0x4d, 0x4d, 0x00, 0x2a]],
  // A legacy .xls is read before this (sources/xls.ts); every other OLE file is refused: no reader here keeps a Word
  // table's merged cells (README, "what is refused"). WPS 文字 saves its .wps in this format too.
  ['这是旧版 Word 或 WPS 文档（.doc、.wps 等旧版 Office 格式），本工具不读取这种格式：请在 Word 或 WPS 中另存为 .docx 或 PDF（表格另存为 .xlsx）后再导入', [0xd0, 0xcf, 0x11, 0xe0]],
  // Word's "RTF" saved under a .doc name (as portals often publish it) would otherwise be read as its markup.
  ['这是 RTF 文档，本工具不读取这种格式：请在 Word 或 WPS 中另存为 .docx 或 PDF 后再导入', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

/** Why a file over the size limit is not read; the CLI says it before reading the file. */
export function oversizeReason(size: number): string {
  return `文件有 ${size} 字节，超过一份公开文件 ${MAX_INPUT_BYTES} 字节的上限`;
}

/** Whether a file opens with a format's signature bytes (every reader of bytes recognises formats by them). */
export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * Share of characters a disclosure is made of: CJK ideographs and punctuation, full-width forms, printable ASCII,
 * white space. Bytes read with the wrong UTF-16 byte order (or UTF-16 read as anything else) land mostly elsewhere.
 */
function plausibleShare(text: string): number {
  const sample = text.slice(0, 20000);
  if (sample.length === 0) return 0;
  const plausible = sample.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u0020-\u007e\t\n\r\f\u00b7\u2010-\u2027]/g)?.length ?? 0;
  return plausible / sample.length;
}

/**
 * UTF-16 without a byte-order mark: the byte order whose text reads as a disclosure. Only tried on bytes with NULs
 * (every line break is one in UTF-16), because pairs of ASCII letters also form valid CJK code points.
 */
function guessUtf16(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes.length % 2 !== 0) return null;
  let best: { text: string; encoding: string; share: number } | null = null;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = tryDecode(bytes, encoding);
    const share = text === null ? 0 : plausibleShare(text);
    if (text !== null && share > 0.9 && (!best || share > best.share)) best = { text, encoding, share };
  }
  return best && { text: best.text, encoding: best.encoding };
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 4096).includes(0);
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

/**
 * The 3,755 most frequent hanzi (GB 2312 level 1: rows 0xB0–0xD7), read from the GB18030 decoder itself rather than
 * from a table: the characters ordinary Chinese text is mostly made of.
 */
const COMMON_HANZI: ReadonlySet<string> = (() => {
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  return new Set(new TextDecoder('gb18030').decode(new Uint8Array(bytes)));
})();

const ORDINARY_CHARACTER = /[\u0021-\u007e\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7]/;
const OTHER = 0;
const ORDINARY = 1;
const SPACE = 2;

/**
 * What ordinaryShare makes of each UTF-16 unit: white space, ordinary or other. A table, since every character of a
 * document's opening is asked; filled from the same tests, so that it answers as they do.
 */
const CHARACTER_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    table[c] = /\s/.test(ch) ? SPACE : ORDINARY_CHARACTER.test(ch) || COMMON_HANZI.has(ch) ? ORDINARY : OTHER;
  }
  return table;
})();

/**
 * Share of a text's non-space characters that ordinary Chinese text is made of: printable ASCII, CJK and full-width
 * punctuation, and common hanzi. GB18030 bytes that happen to be valid UTF-8 read as Latin-1 symbols, Greek,
 * Cyrillic, Hangul or rare hanzi, and score low.
 */
export function ordinaryShare(text: string): { share: number; counted: number } {
  let ordinary = 0;
  let counted = 0;
  const sample = text.slice(0, 20000);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    const kind = CHARACTER_CLASS[c];
    if (kind === SPACE) continue;
    counted++;
    if (kind === ORDINARY) ordinary++;
    // A character beyond U+FFFF is one character (a surrogate pair), and not an ordinary one.
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length) {
      const next = sample.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return { share: counted === 0 ? 0 : ordinary / counted, counted };
}

/**
 * Valid UTF-8 is still GB18030 when that reading is ordinary Chinese and the UTF-8 reading is not (mojibake): the
 * encoding is decided on that evidence, not on validity alone (issue 16). Too little text decides nothing.
 */
function gb18030Instead(bytes: Uint8Array, utf8: string): string | null {
  if (!/[^\x00-\x7f]/.test(utf8)) return null;
  const asUtf8 = ordinaryShare(utf8);
  if (asUtf8.counted < 8 || asUtf8.share >= 0.9) return null;
  const gb = tryDecode(bytes, 'gb18030');
  if (gb === null) return null;
  const asGb = ordinaryShare(gb);
  return asGb.share >= 0.95 && asGb.share - asUtf8.share >= 0.2 ? gb : null;
}

/** Share of characters that are CJK; real disclosures are mostly Chinese, mis-decoded bytes rarely are. */
export function cjkShare(text: string): number {
  const sample = text.slice(0, 20000);
  const cjk = sample.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const letters = sample.replace(/\s/g, '').length;
  return letters === 0 ? 0 : cjk / letters;
}

/** Why a file is no text, when its first bytes are those of a format that is not (an image, an archive, …). */
export function binaryReason(bytes: Uint8Array): string | null {
  if (isOfd(bytes)) return OFD_REASON;
  if (startsWith(bytes, ZIP_SIGNATURE) && containsAscii(bytes.subarray(0, 4096), OPEN_DOCUMENT)) return OPEN_DOCUMENT_REASON;
  return BINARY_SIGNATURES.find(([, signature]) => startsWith(bytes, signature))?.[0] ?? null;
}

export function decodeInput(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: '文件是空的', line: null };
  if (bytes.length > MAX_INPUT_BYTES) return { ok: false, reason: oversizeReason(bytes.length), line: null };
  const binary = binaryReason(bytes);
  if (binary !== null) return { ok: false, reason: binary, line: null };

  let decoded: { text: string; encoding: string } | null = null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode(bytes.subarray(3), 'utf-8');
    if (text === null) return { ok: false, reason: '文件以 UTF-8 的字节顺序标记开头，其后却不是有效的 UTF-8 文本', line: firstInvalidUtf8Line(bytes.subarray(3)) };
    decoded = { text, encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(bytes.subarray(2), encoding);
    if (text === null) return { ok: false, reason: `文件以 ${encoding.toUpperCase()} 的字节顺序标记开头，其后却不是有效的 ${encoding.toUpperCase()} 文本`, line: null };
    decoded = { text, encoding };
  } else {
    const utf16 = hasNul(bytes) ? guessUtf16(bytes) : null;
    const utf8 = utf16 ? null : tryDecode(bytes, 'utf-8');
    const gbInstead = utf8 === null ? null : gb18030Instead(bytes, utf8);
    if (utf16) decoded = utf16;
    else if (gbInstead !== null) decoded = { text: gbInstead, encoding: 'gb18030' };
    else if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8' };
    else {
      const gb = tryDecode(bytes, 'gb18030');
      // Mostly Chinese, or ordinary Chinese text however much ASCII surrounds it: a GBK web page or XML export is
      // mostly markup (older portals and finance systems still write GBK).
      if (gb !== null && (cjkShare(gb) > 0.2 || ordinaryShare(gb).share >= 0.95)) decoded = { text: gb, encoding: 'gb18030' };
      else {
        return {
          ok: false,
          reason: '文本的编码既不是 UTF-8、UTF-16，也不是 GB18030/GBK（有无效的字节序列）',
          line: firstInvalidUtf8Line(bytes),
          notText: true,
        };
      }
    }
  }

  const controlLine = firstControlLine(decoded.text);
  if (controlLine !== null) {
    return { ok: false, reason: '文本中有二进制数据（控制字符）：不是提取出的文本', line: controlLine, notText: true };
  }
  if (decoded.text.trim() === '') return { ok: false, reason: '文件里只有空白', line: null };
  return { ok: true, ...decoded };
}
