/**
 * Files the site publishes gzip-compressed (a disclosure's JSON, the search catalog's files), read in the browser. A
 * host that sends such a file with Content-Encoding: gzip has the browser unpack it already, so the bytes are
 * unpacked here only when they still start with gzip's magic number.
 */
export async function gunzippedText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
