import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/schema/disclosure.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { economicCodesByName } from '../../src/ingest/tables/shared/economic-names.ts';
import { ECONOMIC_CODES, listedNames } from '../../src/review/data/classification-codes.ts';
import { comparableName } from '../../src/core/code-names.ts';

const rows = (...names: string[]) => names.map((name) => ({ name, open: !/^合计$/.test(name) }));
const codes = (...names: string[]) => economicCodesByName(rows(...names))?.map((c) => c?.code ?? null) ?? null;

describe('economic codes by name (tables printing no code)', () => {
  it('names each 类 and each 款 under the 类 it follows, loosely as the review compares names', () => {
    expect(codes('合计', '工资福利支出', '基本工资', '津贴补贴', '商品和服务支出', '维修(护)费', '对个人和家庭的补助', '其他对个人和家庭补助')).toEqual([
      null,
      '301',
      '30101',
      '30102',
      '302',
      '30213',
      '303',
      '30399',
    ]);
  });

  it('reads a 款 by the 类 above it only: 办公设备购置 under 资本性支出 is 31002; 办公费 there is no 款 of it', () => {
    expect(codes('商品和服务支出', '办公费', '资本性支出', '办公设备购置', '办公费')).toEqual(['302', '30201', '310', '31002', null]);
  });

  it('reads 其他支出 after 399 其他支出 as its 款 (39999), not a second 类', () => {
    expect(codes('工资福利支出', '基本工资', '其他支出', '其他支出')).toEqual(['301', '30101', '399', '39999']);
  });

  it('names the 款 of 309, 311, 312 and 313 (资本性支出（基本建设）, 对企业补助, 对社会保障基金补助) under their 类', () => {
    expect(codes('资本性支出（基本建设）', '办公设备购置', '对企业补助', '费用补贴', '对社会保障基金补助', '对机关事业单位职业年金的补助')).toEqual([
      '309',
      '30902',
      '312',
      '31204',
      '313',
      '31304',
    ]);
  });

  it('takes the 政府预算 scheme where a 类 only it has is named: 工资福利支出 under 505 is 50501', () => {
    const found = economicCodesByName(rows('机关工资福利支出', '工资奖金津补贴', '对事业单位经常性补助', '工资福利支出', '商品和服务支出'));
    expect(found?.map((c) => c && `${c.scheme}:${c.code}`)).toEqual([
      'government-economic:501',
      'government-economic:50101',
      'government-economic:505',
      'government-economic:50501',
      'government-economic:50502',
    ]);
  });

  it('leaves a row naming no 类 nor 款 of its 类 without a code (a unit, or a local name: the caller decides)', () => {
    expect(codes('某某局（本级）', '工资福利支出', '基本工资', '某某中心', '工资福利支出', '绩效奖励')).toEqual([null, '301', '30101', null, '301', null]);
  });

  it('names nothing where fewer than two 类 are named, or a 类 twice under one heading', () => {
    expect(codes('工资福利支出', '基本工资', '津贴补贴')).toBeNull();
    expect(codes('工资福利支出', '基本工资', '商品和服务支出', '工资福利支出')).toBeNull();
    expect(codes('办公费', '印刷费', '差旅费')).toBeNull();
  });
});

// `pdftotext -layout` texts of ../shared/samples/other-provinces; each value below was read off the cited line.
const DIR = '../shared/samples/other-provinces';
const absent = !existsSync(DIR);
if (absent) console.warn(`skipping the economic names of other provinces' tables: ${DIR} is not present`);

/** `collapsed`: every run of spaces made one, as text copied out of a PDF viewer is (the single-space reader's). */
function parse(name: string, collapsed = false): Disclosure {
  const file = `${DIR}/${name}.txt`;
  const text = readFileSync(file, 'utf8');
  return parseDisclosure(collapsed ? text.replace(/ {2,}/g, ' ') : text, { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
}

const row = (d: Disclosure, line: number) => d.tables.flatMap((t) => t.rows).find((r) => r.lines.first === line);
const check = (d: Disclosure, id: string) => d.checks.find((c) => c.id === id);

describe.skipIf(absent)(`the national list against a disclosure printing all of it${absent ? ' — skipped: samples absent' : ''}`, () => {
  it('福州 科技局 2026 一般公共预算基本支出经济分类表 L416–L529: every printed 款 of 部门预算支出经济分类 is listed, under its printed name', () => {
    const lines = readFileSync(`${DIR}/fuzhou-science-2026-budget.txt`, 'utf8').split('\n').slice(415, 529);
    const printed = lines.flatMap((l) => /^(3\d{2}(?:\d{2})?) +(\S+)/.exec(l)?.slice(1) ?? []);
    const pairs = Array.from({ length: printed.length / 2 }, (_, i) => [printed[2 * i], printed[2 * i + 1]] as const);
    // 106 lines of codes: 10 类 and 96 款 (L416 301 工资福利支出 … L529 39999 其他支出).
    expect(pairs).toHaveLength(106);
    const unlisted = pairs.filter(([code, name]) => !listedNames(ECONOMIC_CODES[code] ?? []).some((n) => comparableName(n.name) === comparableName(name)));
    expect(unlisted).toEqual([]);
  });
});

describe.skipIf(absent)(`economic codes of tables printing none${absent ? ' — skipped: samples absent' : ''}`, () => {
  it('杭州 交通运输局 2026 表6 一般公共预算基本支出预算表 (L853–L897): each 类 the sum of its 款 by code', () => {
    const d = parse('hangzhou-transport-2026-budget');
    expect(row(d, 854)).toMatchObject({ name: '工资福利支出', code: '301', codeScheme: 'economic', level: 1, texts: { codeFrom: '原文未印编码，按支出经济分类的科目名称确定' } });
    expect(row(d, 855)).toMatchObject({ name: '基本工资', code: '30101', level: 2 });
    expect(row(d, 895)).toMatchObject({ name: '其他对个人和家庭的补助', code: '30399' });
    // L896 资本性支出 360.60 over L897 办公设备购置 360.60: 31002, not 30902 (资本性支出（基本建设）'s).
    expect(row(d, 897)).toMatchObject({ name: '办公设备购置', code: '31002' });
    // L854 63,983.80 against L855–L865 (10,588.60 + 7,060.99 + 3,583.71 + 21,301.11 + 3,991.22 + 2,022.66 + 2,401.90 +
    // 149.80 + 4,524.89 + 203.12 + 8,155.81 = 63,983.81).
    expect(check(d, 't6:parent-sum:301:total')).toMatchObject({ status: 'pass', expected: 63983.8, actual: 63983.81 });
  });

  it('广州 水务局 2026 部门预算基本支出预算表 (L631–): each unit over its 类, the units checked against them', () => {
    const d = parse('guangzhou-water-2026-budget');
    expect(row(d, 632)).toMatchObject({ name: '广州市水务局（本级）', code: null, role: 'subtotal' });
    expect(row(d, 633)).toMatchObject({ name: '工资福利支出', code: '301', group: '广州市水务局（本级）' });
    const id = d.tables.find((t) => t.rows.some((r) => r.lines.first === 632))!.id;
    // L632 7,995.71 = L633 5,790.71 + L634 683.86 + L635 1,521.14.
    expect(check(d, `${id}:group-sum:g1:total`)).toMatchObject({ status: 'pass', expected: 7995.71, actual: 7995.71 });
    // L631 合计 30,245.68, the units' sum.
    expect(check(d, `${id}:total-sum:total`)).toMatchObject({ status: 'pass', expected: 30245.68 });
  });

  it("广州, spaces collapsed: a unit's name ended below its amounts (L636–L638 `…事务` / amounts / `中心`) is the unit's, not the 类 row's after it", () => {
    const d = parse('guangzhou-water-2026-budget', true);
    expect(row(d, 636)).toMatchObject({ name: '广州市南部水网流域事务中心', role: 'subtotal', values: { total: 814.42 } });
    // L639 工资福利支出 739.42 under its unit: L636 814.42 against L639 739.42 + L640 74.99 = 814.41, within rounding.
    expect(row(d, 639)).toMatchObject({ name: '工资福利支出', code: '301', group: '广州市南部水网流域事务中心' });
    const id = d.tables.find((t) => t.rows.some((r) => r.lines.first === 636))!.id;
    expect(check(d, `${id}:group-sum:g2:total`)).toMatchObject({ status: 'pass', expected: 814.42, actual: 814.41 });
  });
});
