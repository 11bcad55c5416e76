import type { APIRoute, GetStaticPaths } from 'astro';
import type { Disclosure } from '../../schema/disclosure.ts';
import { basename } from 'node:path';
import { allDisclosures } from '../../site/collection.ts';
import { sourceBytes } from '../../site/sources.ts';

/** The original files, byte for byte, so that every figure on the site can be checked against what was published. */
export const getStaticPaths = (async () => {
  const docs = await allDisclosures();
  return docs.flatMap((doc) => {
    const bytes = sourceBytes(doc);
    return bytes ? [{ params: { file: basename(doc.source.file) }, props: { bytes, format: doc.source.format } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ bytes: Buffer; format: Disclosure['source']['format'] }> = ({ props }) =>
  new Response(new Uint8Array(props.bytes), {
    headers: { 'Content-Type': props.format === 'pdf' ? 'application/pdf' : 'text/plain' },
  });
