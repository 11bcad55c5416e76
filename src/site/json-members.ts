/**
 * Some members of a JSON object read from the file's bytes, without decoding or parsing the rest: the shard plan
 * needs a disclosure's slug, region and year, and decoding and parsing the whole file (~150 KB of UTF-8 a synthetic
 * disclosure) for them cost ~2 CPU-ms a file on one core before any shard could start (20 s at N = 10,000); the
 * site's downloads need its tables and what names it, a third of its bytes (scripts/downloads-integration.ts); a
 * disclosure's targets and text pages need their own part of it (collection.ts).
 *
 * Only the top level is read: every member's value is skipped by its brackets and strings (JSON's structural
 * characters are ASCII, and a UTF-8 sequence never holds an ASCII byte, so the bytes need no decoding), and a wanted
 * value is decoded and parsed alone. A key given twice takes its last value, as JSON.parse does. What is skipped is
 * not checked: a file broken inside a value it does not read passes here, and fails where it is read in full.
 * Returns null for bytes that are not one object as far as they are read (the caller reads them in full, for
 * JSON.parse's own message).
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

export function jsonMembers(bytes: Buffer, keys: readonly string[]): Record<string, unknown> | null {
  const wanted = new Set(keys);
  const out: Record<string, unknown> = {};
  const skipSpace = (at: number) => {
    while (at < bytes.length && isSpace(bytes[at])) at++;
    return at;
  };
  // The index after a string's closing quote; `at` is its opening quote.
  const stringEnd = (at: number) => {
    let i = at + 1;
    for (;;) {
      i = bytes.indexOf(QUOTE, i);
      if (i < 0) return -1;
      let slashes = 0;
      while (bytes[i - 1 - slashes] === BACKSLASH) slashes++;
      if (slashes % 2 === 0) return i + 1;
      i++;
    }
  };
  // The index after the value starting at `at`.
  const valueEnd = (at: number) => {
    const first = bytes[at];
    if (first === QUOTE) return stringEnd(at);
    if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
      let i = at;
      while (i < bytes.length && bytes[i] !== COMMA && bytes[i] !== CLOSE_OBJECT && bytes[i] !== CLOSE_ARRAY && !isSpace(bytes[i])) i++;
      return i;
    }
    let depth = 0;
    for (let i = at; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === QUOTE) {
        i = stringEnd(i) - 1;
        if (i < 0) return -1;
      } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth++;
      else if ((b === CLOSE_OBJECT || b === CLOSE_ARRAY) && --depth === 0) return i + 1;
    }
    return -1;
  };
  const parse = (from: number, to: number): { value: unknown } | null => {
    try {
      return { value: JSON.parse(bytes.toString('utf8', from, to)) };
    } catch {
      return null;
    }
  };

  let at = skipSpace(0);
  // Anything before the object, a byte-order mark included, is refused, as JSON.parse refuses it.
  if (bytes[at] !== OPEN_OBJECT) return null;
  at = skipSpace(at + 1);
  if (bytes[at] === CLOSE_OBJECT) return skipSpace(at + 1) === bytes.length ? out : null;
  for (;;) {
    if (bytes[at] !== QUOTE) return null;
    const keyEnd = stringEnd(at);
    if (keyEnd < 0) return null;
    const key = parse(at, keyEnd);
    if (!key) return null;
    at = skipSpace(keyEnd);
    if (bytes[at] !== COLON) return null;
    at = skipSpace(at + 1);
    const end = valueEnd(at);
    if (end < 0 || end === at) return null;
    if (wanted.has(key.value as string)) {
      const value = parse(at, end);
      if (!value) return null;
      out[key.value as string] = value.value;
    }
    at = skipSpace(end);
    if (bytes[at] === CLOSE_OBJECT) return skipSpace(at + 1) === bytes.length ? out : null;
    if (bytes[at] !== COMMA) return null;
    at = skipSpace(at + 1);
  }
}
