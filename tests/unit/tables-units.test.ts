import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/schema/disclosure.ts';
import type { Table, TableRow } from '../../src/schema/table.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseAlignedTables } from '../../src/ingest/tables/aligned/index.ts';
import { parseTabbedTables } from '../../src/ingest/tables/tabbed/index.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';
import { checkTables } from '../../src/ingest/tables/table-checks.ts';
import { readUnits, type UnitCandidate } from '../../src/ingest/tables/shared/unit-groups.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Tables printed per unit (issue 17, point 3): the department's row, then each unit's row followed by its own
// 类 / 款 / 项 rows. Fixture values are the fixture's own numbers.

const PER_UNIT = [
  '                          支出总表',
  '单位：万元',
  '   预算单位      科目编码     科目名称                支出总计      基本支出      项目支出',
  '示例局                                              300.00       100.00       200.00',
  '   示例局（本级）                                   200.00        50.00       150.00',
  '              201        一般公共服务支出           200.00        50.00       150.00',
  '              20101      人大事务                   200.00        50.00       150.00',
  '              2010101    行政运行                    50.00        50.00         0.00',
  '              2010102    一般行政管理事务           150.00         0.00       150.00',
  '   示例监测单位                                     100.00        50.00        50.00',
  '              201        一般公共服务支出            60.00        10.00        50.00',
  '              20101      人大事务                    60.00        10.00        50.00',
  '              2010101    行政运行                    10.00        10.00         0.00',
  '              2010102    一般行政管理事务            50.00         0.00        50.00',
  '              208        社会保障和就业支出          40.00        40.00         0.00',
  '              20805      行政事业单位养老支出        40.00        40.00         0.00',
  '              2080505    机关事业单位基本养老保险    40.00        40.00         0.00',
].join('\n');

function statuses(tables: readonly Table[], prefix: string): string[] {
  return checkTables(tables)
    .filter((c) => c.id.includes(prefix))
    .map((c) => `${c.id} ${c.status}`);
}

describe('tables printed per unit', () => {
  it('aligned: each unit heads its rows; parent sums run within a unit; unit = its 类, department = its units', () => {
    const [t] = parseAlignedTables(toSourceLines(PER_UNIT)).tables;
    expect(t.rows).toHaveLength(14);
    expect(t.rows[0]).toMatchObject({ name: '示例局', role: 'total', group: null, values: { total: 300 } });
    // 示例监测单位 ends in no unit word: its amounts (100.00 = 60.00 + 40.00, its 类 rows) make it a unit.
    expect(t.rows[1]).toMatchObject({ name: '示例局（本级）', role: 'subtotal', group: '示例局（本级）' });
    expect(t.rows[6]).toMatchObject({ name: '示例监测单位', role: 'subtotal', group: '示例监测单位', lines: { first: 10, last: 10 } });
    expect(t.rows[7]).toMatchObject({ code: '201', group: '示例监测单位', values: { total: 60 } });
    const checks = checkTables([t]);
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
    // 201 and 20101 repeat in both units: each is checked against its own unit's children.
    expect(statuses([t], 'parent-sum:').filter((s) => s.endsWith(':total pass'))).toEqual([
      't1:parent-sum:g1:201:total pass',
      't1:parent-sum:g1:20101:total pass',
      't1:parent-sum:g2:201:total pass',
      't1:parent-sum:g2:20101:total pass',
      't1:parent-sum:g2:208:total pass',
      't1:parent-sum:g2:20805:total pass',
    ]);
    expect(statuses([t], 'group-sum:')).toHaveLength(6);
    expect(checks.find((c) => c.id === 't1:total-sum:total')).toMatchObject({ status: 'pass', message: '示例局 = 各单位之和（合计）', expected: 300, actual: 300 });
  });

  it('tabbed: the same reading, from the shared draft stage (units named in the 科目名称 column)', () => {
    const text = [
      '支出总表',
      '单位：万元',
      '科目编码\t科目名称\t支出总计\t基本支出\t项目支出',
      '\t示例局\t300.00\t100.00\t200.00',
      '\t示例局（本级）\t200.00\t50.00\t150.00',
      '201\t一般公共服务支出\t200.00\t50.00\t150.00',
      '20101\t人大事务\t200.00\t50.00\t150.00',
      '2010101\t行政运行\t50.00\t50.00\t0.00',
      '2010102\t一般行政管理事务\t150.00\t0.00\t150.00',
      '\t示例监测单位\t100.00\t50.00\t50.00',
      '201\t一般公共服务支出\t60.00\t10.00\t50.00',
      '20101\t人大事务\t60.00\t10.00\t50.00',
      '2010101\t行政运行\t10.00\t10.00\t0.00',
      '2010102\t一般行政管理事务\t50.00\t0.00\t50.00',
      '208\t社会保障和就业支出\t40.00\t40.00\t0.00',
      '20805\t行政事业单位养老支出\t40.00\t40.00\t0.00',
      '2080505\t机关事业单位基本养老保险缴费支出\t40.00\t40.00\t0.00',
    ].join('\n');
    const [t] = parseTabbedTables(toSourceLines(text)).tables;
    expect(t.rows.map((r) => [r.name, r.role, r.group])).toContainEqual(['示例监测单位', 'subtotal', '示例监测单位']);
    expect(t.rows.find((r) => r.name === '示例局')).toMatchObject({ role: 'total' });
    expect(checkTables([t]).filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('spaced: the same reading, before the amounts are placed', () => {
    const text = [
      '部门支出总体情况表',
      '编制单位：示例局 单位：万元',
      '项目 合计 基本支出 项目支出',
      '科目编码 科目名称',
      '示例局 300 100 200',
      '示例局本级 200 50 150',
      '201 一般公共服务支出 200 50 150',
      '201 01 人大事务 200 50 150',
      '201 01 01 行政运行 50 50',
      '201 01 02 一般行政管理事务 150 150',
      '示例监测单位 100 50 50',
      '201 一般公共服务支出 60 10 50',
      '201 01 人大事务 60 10 50',
      '201 01 01 行政运行 10 10',
      '201 01 02 一般行政管理事务 50 50',
      '208 社会保障和就业支出 40 40',
      '208 05 行政事业单位养老支出 40 40',
      '208 05 05 机关事业单位基本养老保险缴费支出 40 40',
    ].join('\n');
    const [t] = parseSpacedTables(toSourceLines(text)).tables;
    expect(t.rows.map((r) => [r.name, r.role, r.group]).slice(0, 2)).toEqual([
      ['示例局', 'total', null],
      ['示例局本级', 'subtotal', '示例局本级'],
    ]);
    expect(t.rows.find((r) => r.name === '示例监测单位')).toMatchObject({ role: 'subtotal', group: '示例监测单位', values: { total: 100, basic: 50, project: 50 } });
    // 208 prints 40 40: the unit's 基本支出 50 = 10 + 40 (within 示例监测单位) places the second 40.
    expect(t.rows.find((r) => r.code === '208')).toMatchObject({ group: '示例监测单位', values: { total: 40, basic: 40, project: null } });
    const checks = checkTables([t]);
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(checks.find((c) => c.id === 't1:total-sum:total')).toMatchObject({ status: 'pass', expected: 300 });
  });

  it('an uncoded 款 (杭州 prints names without codes) is no unit: it does not add up to the 类 after it', () => {
    const rows: UnitCandidate[] = [
      { coded: true, level: 1, name: '一般公共服务支出', total: false, amount: 100 },
      { coded: false, level: null, name: '政府办公厅（室）及相关机构事务', total: false, amount: 100 },
      { coded: true, level: 3, name: '行政运行', total: false, amount: 100 },
      { coded: false, level: null, name: '其他交通运输支出', total: false, amount: 30 },
      { coded: true, level: 1, name: '住房保障支出', total: false, amount: 20 },
    ];
    const { role, group } = readUnits(rows);
    expect(role).toEqual([null, null, null, null, null]);
    expect(group).toEqual([null, null, null, null, null]);
  });

  it('a unit name wrapped around its amount line is one row; a column label repeated on a continued page is header', () => {
    const page = (rows: string[]) => [
      '                          支出总表',
      '单位：万元',
      '   预算单位      科目编码     科目名称                支出总计      基本支出      采购项目',
      '                                                              资金规模',
      ...rows,
    ];
    const text = [
      ...page([
        '   示例局（本级）                                   200.00        50.00       150.00',
        '              201        一般公共服务支出           200.00        50.00       150.00',
      ]),
      '',
      ...page([
        '   示例水务工程质量安全监',
        '                                                    100.00        50.00        50.00',
        '督站',
        '              201        一般公共服务支出           100.00        50.00        50.00',
      ]),
    ].join('\n');
    const [t] = parseAlignedTables(toSourceLines(text)).tables;
    expect(t.columns.map((c) => c.label)).toEqual(['支出总计', '基本支出', expect.stringContaining('资金规模')]);
    expect(t.rows.map((r) => r.name)).toEqual(['示例局（本级）', '一般公共服务支出', '示例水务工程质量安全监督站', '一般公共服务支出']);
    expect(t.rows[2]).toMatchObject({ role: 'subtotal', values: { total: 100 }, lines: { first: 12, last: 14 } });
    expect(t.rows[3]).toMatchObject({ code: '201', group: '示例水务工程质量安全监督站' });
  });
});

const FILE = '../shared/samples/other-provinces/shenzhen-water-2026-budget.txt';
const absent = !existsSync(FILE);
if (absent) console.warn(`skipping 深圳 per-unit tests: ${FILE} is not present`);

describe.skipIf(absent)('深圳市水务局 2026: 支出总表 and the tables after it print per unit', () => {
  let d: Disclosure;
  const table = (id: string) => d.tables.find((t) => t.id === id)!;
  const rowAt = (t: Table, line: number): TableRow => {
    const found = t.rows.filter((r) => r.lines.first === line);
    if (found.length !== 1) throw new Error(`${found.length} rows on line ${line}`);
    return found[0];
  };
  it('reads the department, its units and their 类 rows', () => {
    d = parseDisclosure(readFileSync(FILE, 'utf8'), { file: FILE, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    const t3 = table('t3');
    expect(t3.title).toBe('支出总表');
    // L2779 深圳市水务局 857,808.76 = the 13 units; L2781 本级 178,214.28 = its 类 205 … 221.
    expect(rowAt(t3, 2779)).toMatchObject({ name: '深圳市水务局', role: 'total', group: null, values: { total: 857808.76, project: 811669.97 } });
    expect(rowAt(t3, 2781)).toMatchObject({ name: '深圳市水务局（本级）', role: 'subtotal', values: { total: 178214.28, basic: 7823.97 } });
    expect(t3.rows.filter((r) => r.role === 'subtotal')).toHaveLength(13);
    // L2902–L2904: `深圳市水务工程质量安全监` / 3,687.57 … / `督站`, then L2905 205 教育支出 4.80 of that unit.
    expect(rowAt(t3, 2902)).toMatchObject({ name: '深圳市水务工程质量安全监督站', role: 'subtotal', values: { total: 3687.57 }, lines: { first: 2902, last: 2904 } });
    expect(rowAt(t3, 2905)).toMatchObject({ code: '205', name: '教育支出', group: '深圳市水务工程质量安全监督站', values: { total: 4.8 } });
    // The header's `目资金规模` / `模` (L2777–L2778, again on every page) is the label's end, not rows.
    expect(t3.rows.filter((r) => /^(?:目资金规模|模)$/.test(r.name) || r.name.includes('模缴费'))).toEqual([]);
    expect(rowAt(t3, 2819)).toMatchObject({ code: '2080506', name: '机关事业单位职业年金缴费支出', values: { total: 178.77 } });
    expect(t3.columns.map((c) => c.label)).toContain('其中:2026年政府采购项目中预留给中小企业的项目资金规模');
  });

  it('decides the per-unit checks; the failures are the source’s rounding (尾数误差, L2756)', () => {
    const decided = d.checks.filter((c) => c.id.startsWith('t3:') && c.status !== 'not-checkable');
    expect(decided.length).toBeGreaterThan(700);
    expect(d.checks.find((c) => c.id === 't3:total-sum:total')).toMatchObject({ status: 'pass', expected: 857808.76 });
    expect(d.checks.find((c) => c.id === 't3:group-sum:g1:total')).toMatchObject({ status: 'pass', expected: 178214.28 });
    const failed = d.checks.filter((c) => c.status === 'fail');
    // L6384 302 商品和服务支出 基本支出 127.04, its 款 add to 127.06; 项目支出 of the units add to 811,669.95 (L2779 811,669.97).
    expect(failed.map((c) => c.id)).toContain('t8:parent-sum:g5:302:basic');
    expect(failed.map((c) => c.id)).toContain('t3:total-sum:project');
    for (const c of failed) expect(Math.abs(Number(c.expected) - Number(c.actual))).toBeLessThanOrEqual(0.02 + 1e-9);
    // The 情况说明 per unit (L390 深圳市水务局（本级）… 项目支出 170,390.31 万元) is compared with that unit's row.
    const stated = d.checks.find((c) => c.id.startsWith('narrative:') && c.lines[0]?.first === 394 && c.id.includes(':project'));
    expect(stated).toMatchObject({ status: 'pass', expected: 170390.31, actual: 170390.31 });
  });
});
