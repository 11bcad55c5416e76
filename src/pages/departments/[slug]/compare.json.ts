import type { APIRoute, GetStaticPaths } from 'astro';
import { allDisclosures } from '../../../site/collection.ts';
import { compareData } from '../../../site/compare-data.ts';
import { type Department, groupDepartments } from '../../../site/departments.ts';

export const getStaticPaths = (async () =>
  groupDepartments(await allDisclosures()).map((department) => ({ params: { slug: department.identity.slug }, props: { department } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ department: Department }> = ({ props }) =>
  new Response(JSON.stringify(compareData(props.department)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
