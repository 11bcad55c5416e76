import type { Disclosure } from '../schema/disclosure.ts';
import { SERIES_CSV_HEADER } from './department-view.ts';
import { ROW_FIELDS } from './rows.ts';
import { unitFactor } from '../core/units.ts';
import { disclosureDataPath } from './paths.ts';

/**
 * A Frictionless Data Package describing the downloads, in pieces so that it can be written to disk one disclosure
 * at a time: `datapackageHead` up to the resources, then `disclosureResource` per disclosure. Paths are relative
 * to datapackage.json at the site's root. Every amount comes with its unit and factor (10000 for 万元); `phase` names
 * the document kind as printed.
 */
export function datapackageHead(homepage: string | undefined): object {
  return {
    profile: 'data-package',
    name: 'budget-disclosures',
    title: '部门预决算公开文件（结构化数据）',
    description: '由各部门公开的预算、决算与绩效评价文件解析而来；金额按原表单位记录，factor 为换算为元的倍数。',
    homepage,
    licenses: [{ name: 'other-pd', title: '政府信息公开文件，按原文发布' }],
  };
}

const ROW_TYPES: Readonly<Record<string, string>> = { year: 'integer', value: 'number', factor: 'number' };

/**
 * The first resource: the corpus-wide long table, gzip-compressed (a tenth of its size: each row repeats its
 * document's and table's names), since it grows with the corpus; data tools read .csv.gz as they read .csv.
 */
export const ALL_ROWS_RESOURCE = {
  name: 'all-rows',
  path: 'data/all-rows.csv.gz',
  compression: 'gz',
  title: '全部表格的全部数值（长表）',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8-sig',
  profile: 'tabular-data-resource',
  schema: { fields: ROW_FIELDS.map((name) => ({ name, type: ROW_TYPES[name] ?? 'string' })) },
};

/**
 * Every department's yearly series in one file (src/pages/data/department-series.csv.gz.ts): a file per department
 * was one of the five files a disclosure may add to the site (issue 15); a department page offers its own lines as a
 * download made into the page (department-view.ts `seriesCsvHref`).
 */
export const DEPARTMENT_SERIES_RESOURCE = {
  name: 'department-series',
  path: 'data/department-series.csv.gz',
  compression: 'gz',
  title: '各部门历年数据（万元）',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8-sig',
  profile: 'tabular-data-resource',
  schema: {
    fields: SERIES_CSV_HEADER.map((name, i) => ({ name, type: i === 3 ? 'integer' : i >= 6 && i <= 8 ? 'number' : 'string' })),
  },
};

/**
 * A disclosure's resource: its JSON, gzip-compressed, which holds every table. A table's CSV is made in the reader's
 * browser from it (src/site/table-csv.ts), not published as a file of its own; data/all-rows.csv.gz has every table
 * value as rows.
 */
export function disclosureResource(doc: Pick<Disclosure, 'slug' | 'title' | 'kind' | 'year' | 'unit'>): object {
  return {
    name: `disclosure-${doc.slug}`,
    path: disclosureDataPath(doc.slug),
    compression: 'gz',
    title: doc.title,
    format: 'json',
    mediatype: 'application/json',
    phase: doc.kind,
    year: doc.year,
    unit: doc.unit,
    factor: unitFactor(doc.unit),
  };
}
