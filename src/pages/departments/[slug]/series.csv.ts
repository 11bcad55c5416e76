import type { APIRoute, GetStaticPaths } from 'astro';
import { allDepartments } from '../../../site/collection.ts';
import { toCsv } from '../../../site/csv.ts';
import type { Department } from '../../../site/departments.ts';
import type { DisclosureSummary } from '../../../site/disclosure-summary.ts';
import { SERIES_CSV_HEADER, seriesCsvRows } from '../../../site/department-view.ts';

/** A department's figures by year, as a spreadsheet opens them (UTF-8 with BOM, formula-looking cells escaped). */
export const getStaticPaths = (async () =>
  (await allDepartments()).map((department) => ({ params: { slug: department.identity.slug }, props: { department } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ department: Department<DisclosureSummary> }> = async ({ props }) =>
  new Response(toCsv(SERIES_CSV_HEADER, seriesCsvRows(props.department)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
