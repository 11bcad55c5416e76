import type { APIRoute, GetStaticPaths } from 'astro';
import type { Disclosure } from '../../schema/disclosure.ts';
import { basename } from 'node:path';
import { allSummaries } from '../../site/collection.ts';
import { sourceBytes, sourcePath } from '../../site/sources.ts';

/** The original files, byte for byte, so that every figure on the site can be checked against what was published. */
export const getStaticPaths = (async () =>
  (await allSummaries()).flatMap((doc) =>
    sourcePath(doc) ? [{ params: { file: basename(doc.source.file) }, props: { doc: { source: doc.source } } }] : [],
  )) satisfies GetStaticPaths;

// The bytes are read when the file is written, not held for every path at once.
export const GET: APIRoute<{ doc: { source: Pick<Disclosure['source'], 'file' | 'sha256' | 'format'> } }> = ({ props }) =>
  new Response(new Uint8Array(sourceBytes(props.doc)!), {
    headers: { 'Content-Type': props.doc.source.format === 'pdf' ? 'application/pdf' : 'text/plain' },
  });
