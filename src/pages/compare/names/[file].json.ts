import type { APIRoute, GetStaticPaths } from 'astro';
import { departmentNameIndex } from '../../../site/collection.ts';
import type { NameFile } from '../../../site/department-names.ts';

/** The compare picker's name index (src/site/department-names.ts), one file per number. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await departmentNameIndex()).map((file, i) => ({ params: { file: String(i) }, props: { file } }));

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { file: NameFile }).file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
