import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Table, TableRow } from '../../src/schema/table.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';

// Every expected figure below was read off the seed text by hand; comments give the source line numbers.

function parse(name: string) {
  const lines = toSourceLines(readFileSync(`content/sources/${name}.txt`, 'utf8'));
  return { layout: detectLayout(lines), ...parseTables(lines) };
}

function row(table: Table, predicate: (r: TableRow) => boolean): TableRow {
  const found = table.rows.find(predicate);
  if (!found) throw new Error(`no such row in ${table.id}`);
  return found;
}

const total = (t: Table, side?: string) => row(t, (r) => r.role === 'total' && (side ? r.texts.side === side : true));
const code = (t: Table, c: string, group?: string) => row(t, (r) => r.code === c && (group === undefined || r.group === group));

describe('kashgar poverty alleviation office 2021 (spaced, titles lost)', () => {
  const doc = parse('kashgar-poverty-alleviation-office-2021-budget');
  const t = doc.tables;

  it('finds the nine template tables in template order', () => {
    expect(doc.layout).toBe('spaced');
    expect(t.map((x) => x.kind)).toEqual([
      'income-expenditure-summary',
      'income-summary',
      'expenditure-summary',
      'fiscal-appropriation-summary',
      'general-budget-expenditure',
      'general-budget-basic-expenditure',
      'general-budget-project-expenditure',
      'three-public-expenditure',
      'government-fund-expenditure',
    ]);
    expect(t.every((x) => x.titleInferred && x.kindInferred && x.unit === '万元')).toBe(true);
    expect(t.map((x) => x.rows.length)).toEqual([40, 12, 12, 36, 12, 29, 9, 1, 0]);
  });

  it('收支总表: both sides of each line, totals (L80–L140)', () => {
    const s = t[0];
    expect(total(s, 'income').values.total).toBe(1439.48); // L140
    expect(total(s, 'expenditure').values.total).toBe(1439.48); // L140
    expect(row(s, (r) => r.name === '一般公共预算').values.total).toBe(1439.48); // L82
    expect(code(s, '208').values.total).toBe(86.86); // L94
    expect(code(s, '213').values.total).toBe(1282.76); // L104
    expect(code(s, '202').values.total).toBeNull(); // L82: 外交支出, blank
  });

  it('收入总表: the second number goes to 一般公共预算 because 收支总表 says so (L141–L168)', () => {
    const s = t[1];
    expect(total(s).values).toMatchObject({ total: 1439.48, general: 1439.48, carryover: null }); // L168
    expect(code(s, '2080505').name).toBe('机关事业单位基本养老保险缴费支出'); // L149–L152, wrapped
    expect(code(s, '2080505').values).toMatchObject({ total: 86.86, general: 86.86 });
    expect(code(s, '2130501').values).toMatchObject({ total: 837.09, general: 837.09 }); // L158
    expect(code(s, '2130501').group).toBe('喀什地区扶贫开发办公室（本级）'); // L143
  });

  it('支出总表: 基本 / 项目 decided by the sums (L169–L193)', () => {
    const s = t[2];
    expect(total(s).values).toEqual({ total: 1439.48, basic: 993.81, project: 445.67 }); // L193
    expect(code(s, '2130501').values).toEqual({ total: 837.09, basic: 837.09, project: null }); // L183
    expect(code(s, '2130502').values).toEqual({ total: 445.67, basic: null, project: 445.67 }); // L185
    expect(code(s, '21305')).toMatchObject({ level: 2, codeScheme: 'function' }); // L181 `05 扶贫`
  });

  it('财政拨款收支总表: labels of the totals line lost (L194–L256)', () => {
    const s = t[3];
    expect(total(s, 'income').values.total).toBe(1439.48); // L256
    expect(total(s, 'expenditure').values).toEqual({ total: 1439.48, general: 1439.48, fund: null, 'state-capital': null });
    expect(code(s, '213').values).toMatchObject({ total: 1282.76, general: 1282.76 }); // L220
    expect(code(s, '221').values).toMatchObject({ total: 69.87, general: 69.87 }); // L234
  });

  it('一般公共预算支出表 (L257–L281)', () => {
    const s = t[4];
    expect(total(s).values).toEqual({ total: 1439.48, basic: 993.81, project: 445.67 }); // L281
    expect(code(s, '208').values).toEqual({ total: 86.86, basic: 86.86, project: null }); // L261
    expect(code(s, '2210201').values).toEqual({ total: 69.87, basic: 69.87, project: null }); // L279
  });

  it('基本支出表: economic codes, 人员 / 公用 (L282–L340)', () => {
    const s = t[5];
    expect(total(s).values).toEqual({ total: 993.81, personnel: 945.71, public: 48.1 }); // L340
    expect(code(s, '30101')).toMatchObject({ codeScheme: 'economic', level: 2, name: '基本工资' }); // L286
    expect(code(s, '30101').values).toEqual({ total: 299.07, personnel: 299.07, public: null });
    expect(code(s, '30231').values).toEqual({ total: 4.2, personnel: null, public: 4.2 }); // L330
  });

  it('项目支出表: projects split from the 科目 name; the economic column stays open (L341–L400)', () => {
    const s = t[6];
    expect(total(s).values.total).toBe(445.67); // L400
    expect(total(s).uncertain).toContain('econ-302');
    const monitoring = row(s, (r) => r.texts['project-name'] === '防返贫致贫监测预警工作专项'); // L353–L360
    expect(monitoring).toMatchObject({ code: '2130502', name: '一般行政管理事务（扶贫）' });
    expect(monitoring.values.total).toBe(76.38);
    expect(row(s, (r) => r.texts['project-name'] === '扶贫宣传项目').values.total).toBe(110); // L392–L398
    expect(monitoring.flag).toMatch(/种填法都符合表内的合计关系/);
  });

  it('三公 table: 购置 vs 运行, open in the row alone (L403 `4.2 4.2 4.2`), decided by the 情况说明 (L731)', () => {
    // L731: 公务用车购置0万元，公务用车运行费4.20万元 — so the third 4.2 is 运行费.
    const [r] = t[7].rows;
    expect(r.values).toMatchObject({ total: 4.2, vehicles: 4.2, 'vehicle-purchase': null, 'vehicle-operation': 4.2 });
    expect(r).toMatchObject({ uncertain: [], flag: null });
    expect(doc.unparsed.find((u) => u.lines.first === 403)).toBeUndefined();
  });

  it('政府性基金表 declared empty by the 情况说明 (L404; L747–L752)', () => {
    expect(t[8]).toMatchObject({ declaredEmpty: true, rows: [] });
  });

  it('claims the table lines, not the 情况说明', () => {
    expect(doc.claimed[0]).toEqual({ first: 78, last: 140 });
    expect(doc.claimed.every((r) => r.last < 408)).toBe(true); // L408 第三部分
  });
});

describe('kashgar administrative office 2021 (spaced, titled, multi-unit)', () => {
  const doc = parse('kashgar-administrative-office-2021-budget');
  const t = doc.tables;

  it('finds 表一…表九, page continuations merged', () => {
    expect(doc.layout).toBe('spaced');
    expect(t.map((x) => x.kind)).toEqual([
      'income-expenditure-summary',
      'income-summary',
      'expenditure-summary',
      'fiscal-appropriation-summary',
      'general-budget-expenditure',
      'general-budget-basic-expenditure',
      'general-budget-project-expenditure',
      'three-public-expenditure',
      'government-fund-expenditure',
    ]);
    expect(t.map((x) => x.rows.length)).toEqual([42, 55, 55, 36, 55, 29, 33, 1, 0]);
    expect(t[1].lines).toEqual({ first: 159, last: 367 }); // 表二 at L159 and again at L324
    expect(t[6].lines).toEqual({ first: 758, last: 1082 }); // 表七 at L758 and again at L993
  });

  it('表一 收支总表 (L88–L158)', () => {
    const s = t[0];
    expect(total(s, 'income').values.total).toBe(5005.17); // L158
    expect(total(s, 'expenditure').values.total).toBe(5005.17);
    expect(code(s, '201').values.total).toBe(4564.64); // L94
    expect(code(s, '221').values.total).toBe(195.9); // L132
    expect(row(s, (r) => r.name === '小计')).toMatchObject({ role: 'subtotal', values: { total: 5005.17 } }); // L154
  });

  it('表二 收入总表: sub-unit groups, header in fragments (L159–L367)', () => {
    const s = t[1];
    expect(s.columns.map((c) => c.key)).toEqual([
      'total', 'general', 'fund', 'state-capital', 'fiscal-special', 'business', 'operating', 'other-income', 'carryover',
    ]);
    expect(total(s).values).toMatchObject({ total: 5005.17, general: 5005.17, fund: null }); // L367
    expect(row(s, (r) => r.name === '地区统计局')).toMatchObject({ role: 'subtotal', values: { total: 576.18, general: 576.18 } }); // L233
    expect(code(s, '2010308', '地区信访局').values).toMatchObject({ total: 382.81, general: 382.81 }); // L264
  });

  it('表三 支出总表 (L368–L492)', () => {
    const s = t[2];
    expect(total(s).values).toEqual({ total: 5005.17, basic: 3342.67, project: 1662.5 }); // L492
    expect(row(s, (r) => r.name === '地区信访局').values).toEqual({ total: 440.93, basic: 404.19, project: 36.75 }); // L430
    expect(code(s, '2010302', '新疆维吾尔自治区喀什地区行政公署办公室').values).toEqual({ total: 1345.48, basic: null, project: 1345.48 }); // L389–L390
  });

  it('表四 财政拨款收支总表, header fragment `算` not a row (L493–L563)', () => {
    const s = t[3];
    expect(total(s, 'expenditure').values).toMatchObject({ total: 5005.17, general: 5005.17 }); // L563
    expect(code(s, '201').values).toMatchObject({ total: 4564.64, general: 4564.64, fund: null }); // L503
    expect(s.rows.some((r) => r.name === '算')).toBe(false); // L501
  });

  it('表五 一般公共预算支出表 (L564–L688)', () => {
    const s = t[4];
    expect(total(s).values).toEqual({ total: 5005.17, basic: 3342.67, project: 1662.5 }); // L688
    expect(code(s, '2010501', '地区统计局').values).toEqual({ total: 472.26, basic: 472.26, project: null }); // L610
    expect(row(s, (r) => r.name === '地区驻京办').values).toEqual({ total: 61.39, basic: 61.39, project: null }); // L646
  });

  it('表六 基本支出表 (L689–L757)', () => {
    const s = t[5];
    expect(total(s).values).toEqual({ total: 3342.67, personnel: 2961.68, public: 380.99 }); // L757
    expect(code(s, '30226').values).toEqual({ total: 163.2, personnel: null, public: 163.2 }); // L737
    expect(code(s, '30301').values).toEqual({ total: 37.79, personnel: 37.79, public: null }); // L747
  });

  it('表七 项目支出表: projects, and rows printing a total without its breakdown (L758–L1082)', () => {
    const s = t[6];
    expect(total(s).values.total).toBe(1662.5); // L1081–L1082, `合` and `计` on two lines
    expect(row(s, (r) => r.texts['project-name'] === '驻京办业务专项').values.total).toBe(70.94); // L832–L839
    expect(row(s, (r) => r.texts['project-name'] === '喀什人民群众来访接待中心运行费用项目').values.total).toBe(24.66); // L1070–L1075
    const bare = row(s, (r) => r.lines.first === 823); // L823–L830: `… 19`, project name missing
    expect(bare.values.total).toBe(19);
    expect(bare.flag).toMatch(/不满足本行的合计关系/);
    expect(code(s, '20103', '新疆维吾尔自治区喀什地区行政公署办公室').values.total).toBe(1345.48); // L816–L821, `03` alone
  });

  it('表八 三公 and 表九 empty (L1096, L1109)', () => {
    // L1096 `63 63 63`; L1670: 公务用车购置0万元，公务用车运行费63.00万元 — the third 63 is 运行费.
    expect(t[7].rows[0].values).toMatchObject({ total: 63, vehicles: 63, 'vehicle-purchase': null, 'vehicle-operation': 63 });
    expect(t[7].rows[0].flag).toBeNull();
    expect(t[8]).toMatchObject({ declaredEmpty: true, rows: [] });
    expect(t[8].notes[0]).toMatch(/为空表/);
  });
});

describe('julu county poverty office 2021 (only 机构设置 and 固定资产)', () => {
  const doc = parse('julu-county-poverty-office-2021-budget');
  const t = doc.tables;

  it('finds the two tables', () => {
    expect(t.map((x) => [x.kind, x.rows.length])).toEqual([
      ['institution-list', 1],
      ['fixed-assets', 6],
    ]);
  });

  it('机构设置 (L86–L88)', () => {
    expect(t[0].rows[0]).toMatchObject({
      name: '巨鹿县扶贫开发办公室',
      texts: { 单位性质: '行政单位', 单位规格: '正科级', 经费保障形式: '财政拨款' },
    });
  });

  it('固定资产占用情况表 (L867–L879)', () => {
    const s = t[1];
    expect(s.unit).toBe('万元');
    expect(row(s, (r) => r.name === '资产总额').values).toEqual({ quantity: null, value: 34.860245 }); // L869
    expect(row(s, (r) => r.name.startsWith('2、车辆')).values).toEqual({ quantity: 1, value: 2.966688 }); // L875
    expect(row(s, (r) => r.name.startsWith('4、其他固定资产')).values).toEqual({ quantity: null, value: 31.893565 }); // L879
  });
});
