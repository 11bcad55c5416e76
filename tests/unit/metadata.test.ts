import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/ingest/metadata.ts';
import { regionOf } from '../../src/ingest/regions.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

const meta = (path: string) => readMetadata(toSourceLines(readFileSync(path, 'utf8')));
const SAMPLES = '../shared/samples';

// Each expectation was read off the document's first lines and its closing 落款 date.
describe('metadata of the seeds', () => {
  it('kashgar-poverty-alleviation-office: title on lines 1–3, date on line 1345', () => {
    expect(meta('content/sources/kashgar-poverty-alleviation-office-2021-budget.txt')).toEqual({
      title: '新疆维吾尔自治区喀什地区扶贫开发办公室2021年预算公开',
      kind: 'budget',
      department: '新疆维吾尔自治区喀什地区扶贫开发办公室',
      region: ['新疆维吾尔自治区', '喀什地区'],
      year: 2021,
      publishedAt: '2021-04-15',
      unit: '万元',
    });
  });

  it('kashgar-administrative-office: no title page, so the title comes from 第一部分 and 第二部分 2021年部门预算公开表', () => {
    const m = meta('content/sources/kashgar-administrative-office-2021-budget.txt');
    expect(m.title).toBe('新疆维吾尔自治区喀什地区行政公署办公室2021年部门预算');
    expect(m.department).toBe('新疆维吾尔自治区喀什地区行政公署办公室');
    expect(m.region).toEqual(['新疆维吾尔自治区', '喀什地区']);
    expect(m.publishedAt).toBe('2021-04-15');
  });

  it('julu-county: the province comes from the text (《河北省预决算公开操作规程》), not the title', () => {
    const m = meta('content/sources/julu-county-poverty-office-2021-budget.txt');
    expect(m.department).toBe('巨鹿县扶贫开发办公室');
    expect(m.region).toEqual(['河北省', '巨鹿县']);
    expect(m.year).toBe(2021);
    expect(m.publishedAt).toBeNull();
  });

  it('kashgar-edz: title in **bold** markup over two lines, date on the last line', () => {
    const m = meta('content/sources/kashgar-edz-party-mass-work-dept-2024-budget.txt');
    expect(m.title).toBe('新疆维吾尔自治区喀什地区喀什经济开发区党群工作部 2024 年预算公开');
    expect(m.year).toBe(2024);
    expect(m.publishedAt).toBe('2024-04-25');
  });

  it('the evaluation report is a performance evaluation dated by its closing line 644', () => {
    const m = meta('content/sources/kashgar-2021-poverty-monitoring-project-evaluation.txt');
    expect(m.kind).toBe('performance-evaluation');
    expect(m.year).toBe(2021);
    expect(m.publishedAt).toBe('2022-09-07');
  });
});

describe.skipIf(!existsSync(SAMPLES))(`metadata of the Shanghai samples${existsSync(SAMPLES) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  it('final accounts in 万元 of a district bureau, title wrapped over three lines', () => {
    const m = meta(`${SAMPLES}/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt`);
    expect(m.kind).toBe('final-account');
    expect(m.department).toBe('上海市普陀区规划和自然资源局');
    expect(m.region).toEqual(['上海市', '普陀区']);
    expect(m.year).toBe(2024);
  });

  it('a unit budget whose tables are in 元', () => {
    const m = meta(`${SAMPLES}/shanghai-putuo-social-welfare-home-2024-budget.txt`);
    expect(m.kind).toBe('budget');
    expect(m.unit).toBe('元');
  });
});

describe('regions', () => {
  it('reads province, prefecture and county from a department name', () => {
    expect(regionOf('广西壮族自治区南宁市青秀区教育局', '')).toEqual(['广西壮族自治区', '南宁市', '青秀区']);
    expect(regionOf('北京市财政局', '')).toEqual(['北京市']);
  });
  it('never takes the department for a place', () => {
    expect(regionOf('新疆维吾尔自治区喀什地区扶贫开发办公室', '')).toEqual(['新疆维吾尔自治区', '喀什地区']);
  });
});
