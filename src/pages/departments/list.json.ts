import type { APIRoute } from 'astro';
import { allDepartments } from '../../site/collection.ts';
import { SCOPE_LABELS } from '../../site/departments.ts';

/** Names and slugs only, for the compare view's picker: a few dozen bytes a department. */
export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify(
      (await allDepartments()).map((d) => ({ slug: d.identity.slug, name: `${d.identity.name}（${SCOPE_LABELS[d.identity.scope]}）` })),
    ),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
