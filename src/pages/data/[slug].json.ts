import type { APIRoute, GetStaticPaths } from 'astro';
import type { Disclosure } from '../../schema/disclosure.ts';
import { allDisclosures } from '../../site/collection.ts';

export const getStaticPaths = (async () => {
  const docs = await allDisclosures();
  return docs.map((doc) => ({ params: { slug: doc.slug }, props: { doc } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: Disclosure }> = ({ props }) =>
  new Response(`${JSON.stringify(props.doc, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
