import type { APIRoute, GetStaticPaths } from 'astro';
import { departmentCompareFiles } from '../../../site/collection.ts';
import type { CompareDepartment } from '../../../site/compare-data.ts';

/** The compare view's data of every department (src/site/compare-data.ts), one file per number. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await departmentCompareFiles()).map((file, i) => ({ params: { file: String(i) }, props: { file } }));

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { file: Record<string, CompareDepartment> }).file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
