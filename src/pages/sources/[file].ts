import type { APIRoute, GetStaticPaths } from 'astro';
import { allSummaries } from '../../site/collection.ts';
import { sourceBytes, sourceContentType, sourceFileName, type SourceRef } from '../../site/sources.ts';

/** The original files, byte for byte, so that every figure on the site can be checked against what was published. */
export const getStaticPaths = (async () =>
  (await allSummaries()).flatMap((doc) =>
    sourceBytes(doc) ? [{ params: { file: sourceFileName(doc) }, props: { doc: { slug: doc.slug, source: doc.source } } }] : [],
  )) satisfies GetStaticPaths;

// The bytes are read again when the file is written, not held for every path at once.
export const GET: APIRoute<{ doc: SourceRef }> = ({ props }) =>
  new Response(new Uint8Array(sourceBytes(props.doc)!), {
    headers: { 'Content-Type': sourceContentType(props.doc), 'X-Content-Type-Options': 'nosniff' },
  });
