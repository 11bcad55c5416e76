import type { APIRoute } from 'astro';
import type { Disclosure } from '../schema/disclosure.ts';
import { allDisclosures } from '../site/collection.ts';
import { groupDepartments } from '../site/departments.ts';
import { SERIES_CSV_HEADER } from '../site/department-view.ts';
import { tableCsvHeader } from '../site/csv.ts';
import { ROW_FIELDS, fiscalPhase } from '../site/rows.ts';
import { unitFactor } from '../core/units.ts';

/**
 * A Frictionless Data Package describing the downloads. Paths are relative to this file at the site's root. Amount
 * fields carry the Fiscal Data Package properties: currency, factor (10000 for 万元), and phase (a budget is
 * `approved` spending, final accounts `executed`); `phase` on each resource names the document kind as printed.
 */
export const GET: APIRoute = async ({ site }) => {
  const docs = await allDisclosures();
  const measure = (unit: string | null, kind: Disclosure['kind']) => {
    const phase = fiscalPhase(kind);
    return { type: 'number', currency: 'CNY', factor: unitFactor(unit), unit, ...(phase ? { phase } : {}) };
  };
  const rowTypes: Record<string, string> = { year: 'integer', value: 'number', factor: 'number' };
  const descriptor = {
    profile: 'data-package',
    name: 'budget-disclosures',
    title: '部门预决算公开文件（结构化数据）',
    description: '由各部门公开的预算、决算与绩效评价文件解析而来；金额按原表单位记录，factor 为换算为元的倍数。',
    homepage: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
    licenses: [{ name: 'other-pd', title: '政府信息公开文件，按原文发布' }],
    resources: [
      {
        name: 'all-rows',
        path: 'data/all-rows.csv',
        title: '全部表格的全部数值（长表）',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        profile: 'tabular-data-resource',
        schema: {
          fields: ROW_FIELDS.map((name) => ({ name, type: rowTypes[name] ?? 'string' })),
        },
      },
      ...groupDepartments(docs).map((department) => ({
        name: `department-${department.identity.slug}`,
        path: `departments/${department.identity.slug}/series.csv`,
        title: `${department.identity.name} · 历年数据（万元）`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        profile: 'tabular-data-resource',
        schema: {
          fields: SERIES_CSV_HEADER.map((name, i) => ({ name, type: i === 2 ? 'integer' : i >= 5 && i <= 7 ? 'number' : 'string' })),
        },
      })),
      ...docs.map((doc) => ({
        name: `disclosure-${doc.slug}`,
        path: `data/${doc.slug}.json`,
        title: doc.title,
        format: 'json',
        mediatype: 'application/json',
        phase: doc.kind,
        year: doc.year,
        unit: doc.unit,
        factor: unitFactor(doc.unit),
      })),
      ...docs.flatMap((doc) =>
        doc.tables.map((table) => {
          const { fixed, textKeys, columns } = tableCsvHeader(table);
          const unit = table.unit ?? doc.unit;
          return {
            name: `${doc.slug}-${table.id}`,
            path: `d/${doc.slug}/${table.id}.csv`,
            title: `${doc.title} · ${table.title}`,
            format: 'csv',
            mediatype: 'text/csv',
            encoding: 'utf-8-sig',
            profile: 'tabular-data-resource',
            phase: doc.kind,
            year: doc.year,
            unit,
            factor: unitFactor(unit),
            schema: {
              fields: [
                ...[...fixed, ...textKeys].map((name) => ({ name, type: 'string' })),
                ...columns.map((name) => ({ name, ...measure(unit, doc.kind) })),
              ],
            },
          };
        }),
      ),
    ],
  };
  return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
