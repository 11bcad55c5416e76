import type { APIRoute, GetStaticPaths } from 'astro';
import { allDisclosures } from '../../site/collection.ts';
import { sourceBytes, sourceContentType, sourceFileName } from '../../site/sources.ts';

/** The original files, byte for byte, so that every figure on the site can be checked against what was published. */
export const getStaticPaths = (async () => {
  const docs = await allDisclosures();
  return docs.flatMap((doc) => {
    const bytes = sourceBytes(doc);
    return bytes ? [{ params: { file: sourceFileName(doc) }, props: { bytes, type: sourceContentType(doc) } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ bytes: Buffer; type: string }> = ({ props }) =>
  new Response(new Uint8Array(props.bytes), { headers: { 'Content-Type': props.type, 'X-Content-Type-Options': 'nosniff' } });
