import type { APIRoute, GetStaticPaths } from 'astro';
import { allDepartments, loadDepartment } from '../../../site/collection.ts';
import { compareData } from '../../../site/compare-data.ts';
import type { Department } from '../../../site/departments.ts';
import type { DisclosureSummary } from '../../../site/disclosure-summary.ts';

export const getStaticPaths = (async () =>
  (await allDepartments()).map((department) => ({ params: { slug: department.identity.slug }, props: { department } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ department: Department<DisclosureSummary> }> = async ({ props }) =>
  new Response(JSON.stringify(compareData(await loadDepartment(props.department))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
