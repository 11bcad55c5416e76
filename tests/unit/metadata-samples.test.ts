import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetadata, type Metadata } from '../../src/ingest/metadata.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

const SAMPLES = '../shared/samples';
const OTHER = `${SAMPLES}/other-provinces`;
const HAVE_SAMPLES = existsSync(SAMPLES);
const skipped = HAVE_SAMPLES ? '' : ' — skipped: ../shared/samples is absent';

type Expected = Pick<Metadata, 'department' | 'region' | 'year' | 'kind' | 'scope' | 'unit'>;

/**
 * Read off each document: the department as its cover (or, for a tables volume, its table headers) prints it, the
 * year its title gives the budget or accounts, the kind words of its title, and the unit its 单位： lines state most.
 */
const SEEDS: ReadonlyArray<readonly [file: string, where: string, expected: Expected]> = [
  ['julu-county-poverty-office-2021-budget.txt', 'title line 1 …2021 年度部门预算信息; 《河北省预决算公开操作规程》 line 2', { department: '巨鹿县扶贫开发办公室', region: ['河北省', '巨鹿县'], year: 2021, kind: 'budget', scope: 'department', unit: '万元' }],
  ['kashgar-2021-poverty-monitoring-project-evaluation.txt', 'cover line 预算单位：喀什地区乡村振兴局', { department: '喀什地区乡村振兴局', region: ['新疆维吾尔自治区', '喀什地区'], year: 2021, kind: 'performance-evaluation', scope: null, unit: '万元' }],
  ['kashgar-administrative-office-2021-budget.txt', '第一部分 heading; 编制部门（单位）：… on every table', { department: '新疆维吾尔自治区喀什地区行政公署办公室', region: ['新疆维吾尔自治区', '喀什地区'], year: 2021, kind: 'budget', scope: 'department', unit: '万元' }],
  ['kashgar-edz-party-mass-work-dept-2024-budget.txt', 'title in bold, 第二部分 2024 年单位预算公开表', { department: '新疆维吾尔自治区喀什地区喀什经济开发区党群工作部', region: ['新疆维吾尔自治区', '喀什地区'], year: 2024, kind: 'budget', scope: 'unit', unit: '万元' }],
  ['kashgar-poverty-alleviation-office-2021-budget.txt', 'title lines 1–2, 2021年部门预算情况说明', { department: '新疆维吾尔自治区喀什地区扶贫开发办公室', region: ['新疆维吾尔自治区', '喀什地区'], year: 2021, kind: 'budget', scope: 'department', unit: '万元' }],
];

const SHANGHAI: ReadonlyArray<readonly [file: string, where: string, expected: Expected]> = [
  ['shanghai-putuo-government-office-2025-department-budget.txt', '预算主管部门： line 2', { department: '上海市普陀区人民政府办公室', region: ['上海市', '普陀区'], year: 2025, kind: 'budget', scope: 'department', unit: '元' }],
  ['shanghai-putuo-government-office-2025-unit-budget.txt', '预算单位： line 2', { department: '上海市普陀区人民政府办公室', region: ['上海市', '普陀区'], year: 2025, kind: 'budget', scope: 'unit', unit: '元' }],
  ['shanghai-putuo-justice-bureau-2026-department-budget.txt', '预算主管部门： line 2', { department: '上海市普陀区司法局', region: ['上海市', '普陀区'], year: 2026, kind: 'budget', scope: 'department', unit: '元' }],
  ['shanghai-putuo-justice-bureau-2026-unit-budget.txt', '预算单位： line 2', { department: '上海市普陀区司法局', region: ['上海市', '普陀区'], year: 2026, kind: 'budget', scope: 'unit', unit: '元' }],
  ['shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt', 'title wrapped over lines 1–3', { department: '上海市普陀区规划和自然资源局', region: ['上海市', '普陀区'], year: 2024, kind: 'final-account', scope: 'department', unit: '万元' }],
  ['shanghai-putuo-social-welfare-home-2024-budget.txt', '预算单位： line 2', { department: '上海市普陀区社会福利院', region: ['上海市', '普陀区'], year: 2024, kind: 'budget', scope: 'unit', unit: '元' }],
  ['shanghai-putuo-wanli-subdistrict-2024-department-budget.txt', '预算主管部门： line 2', { department: '上海市普陀区人民政府万里街道办事处', region: ['上海市', '普陀区', '万里街道'], year: 2024, kind: 'budget', scope: 'department', unit: '元' }],
  ['shanghai-putuo-wanli-subdistrict-2025-department-budget.txt', '预算主管部门： line 2', { department: '上海市普陀区人民政府万里街道办事处', region: ['上海市', '普陀区', '万里街道'], year: 2025, kind: 'budget', scope: 'department', unit: '元' }],
];

const OTHER_PROVINCES: ReadonlyArray<readonly [file: string, where: string, expected: Expected]> = [
  ['beijing-civil-affairs-2026-notes.txt', 'title line 1; amounts in 万元 in the text, no tables', { department: '北京市民政局', region: ['北京市'], year: 2026, kind: 'budget', scope: 'department', unit: '万元' }],
  ['beijing-civil-affairs-2026-tables.txt', '部门名称 北京市民政局 (预算13表), （2026年度） under the table titles', { department: '北京市民政局', region: ['北京市'], year: 2026, kind: 'budget', scope: null, unit: '万元' }],
  ['changsha-education-2026-budget.txt', 'title lines 1–2; 单位名称： on the tables', { department: '长沙职业教育基地综合协调办公室', region: ['湖南省', '长沙市'], year: 2026, kind: 'budget', scope: 'department', unit: '万元' }],
  ['foshan-rail-transit-bureau-2019-final-accounts.txt', '2019 年佛山市轨道交通局 部门决算, page number 1 below it', { department: '佛山市轨道交通局', region: ['广东省', '佛山市'], year: 2019, kind: 'final-account', scope: 'department', unit: '万元' }],
  ['fuzhou-science-2026-budget.txt', 'cover lines 1–3: 2026 年度 / 福州市科学技术局(本级) / 单位预算', { department: '福州市科学技术局(本级)', region: ['福建省', '福州市'], year: 2026, kind: 'budget', scope: 'unit', unit: '万元' }],
  ['guangzhou-water-2026-budget.txt', 'cover lines 1–2: 2026年 / 广州市水务局部门预算', { department: '广州市水务局', region: ['广东省', '广州市'], year: 2026, kind: 'budget', scope: 'department', unit: '万元' }],
  ['hangzhou-transport-2026-budget.txt', 'cover lines 1–2', { department: '杭州市交通运输局', region: ['浙江省', '杭州市'], year: 2026, kind: 'budget', scope: 'department', unit: '万元' }],
  ['jiangsu-cppcc-office-2018-budget-tables.txt', '部门：江苏省政协办公厅 on each table, 2018年政府采购预算表 line 307', { department: '江苏省政协办公厅', region: ['江苏省'], year: 2018, kind: 'budget', scope: null, unit: '万元' }],
  ['jiangsu-cppcc-office-2018-budget.txt', 'cover lines 1–2', { department: '江苏省政协办公厅', region: ['江苏省'], year: 2018, kind: 'budget', scope: 'department', unit: '万元' }],
  ['shenzhen-water-2026-budget.txt', 'title line 1; 部门名称：深圳市水务局 on the tables', { department: '深圳市水务局', region: ['广东省', '深圳市'], year: 2026, kind: 'budget', scope: 'department', unit: '万元' }],
  ['xian-transport-2022-budget.txt', '部门综合预算 is a 部门预算', { department: '西安市交通运输局', region: ['陕西省', '西安市'], year: 2022, kind: 'budget', scope: 'department', unit: '万元' }],
  ['yantai-water-2026-budget.txt', 'title line 1', { department: '烟台市水利局', region: ['山东省', '烟台市'], year: 2026, kind: 'budget', scope: 'department', unit: '万元' }],
];

function metadataOf(path: string): Metadata {
  return readMetadata(toSourceLines(readFileSync(path, 'utf8')));
}

function pick(m: Metadata): Expected {
  return { department: m.department, region: m.region, year: m.year, kind: m.kind, scope: m.scope, unit: m.unit };
}

describe('cover metadata of every seed', () => {
  it.each(SEEDS)('%s: %s', (file, _where, expected) => {
    const m = metadataOf(`content/sources/${file}`);
    expect(pick(m)).toEqual(expected);
    expect(m.isTemplate).toBe(false);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`cover metadata of every Shanghai sample${skipped}`, () => {
  it.each(SHANGHAI)('%s: %s', (file, _where, expected) => {
    const m = metadataOf(`${SAMPLES}/${file}`);
    expect(pick(m)).toEqual(expected);
    expect(m.isTemplate).toBe(false);
  });

  it('a document in 元 records 万元 on the one table printed in 万元 (单位“三公”经费和机关运行经费预算表, line 331–332)', () => {
    const file = 'shanghai-putuo-social-welfare-home-2024-budget.txt';
    const doc = parseDisclosure(readFileSync(`${SAMPLES}/${file}`, 'utf8'), { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(doc.unit).toBe('元');
    const units = doc.tables.map((t) => t.unit);
    expect(units.filter((u) => u === '元')).toHaveLength(8);
    const inWan = doc.tables.filter((t) => t.unit === '万元');
    expect(inWan.map((t) => [t.title, t.lines.first])).toEqual([['单位“三公”经费和机关运行经费预算表', 331]]);
  });

  it('the national final-accounts template names a placeholder (上海市 XX 局), so it is a template', () => {
    const m = metadataOf(`${SAMPLES}/national-final-accounts-template.txt`);
    expect(m.department).toBe('上海市XX局');
    expect(m.isTemplate).toBe(true);
    expect(m.kind).toBe('final-account');
    expect(m.year).toBe(2024);
  });
});

describe.skipIf(!existsSync(OTHER))(`cover metadata of every other-provinces sample${skipped}`, () => {
  it.each(OTHER_PROVINCES)('%s: %s', (file, _where, expected) => {
    const m = metadataOf(`${OTHER}/${file}`);
    expect(pick(m)).toEqual(expected);
    expect(m.isTemplate).toBe(false);
  });

  it('no department keeps the year or the table number of its title', () => {
    for (const [file] of OTHER_PROVINCES) expect(metadataOf(`${OTHER}/${file}`).department).not.toMatch(/\d|年|表/);
  });
});
