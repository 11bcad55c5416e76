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
      { coded: true, level: 1, name: '一般公共服务支出', total: false, amounts: [100] },
      { coded: false, level: null, name: '政府办公厅（室）及相关机构事务', total: false, amounts: [100] },
      { coded: true, level: 3, name: '行政运行', total: false, amounts: [100] },
      { coded: false, level: null, name: '其他交通运输支出', total: false, amounts: [30] },
      { coded: true, level: 1, name: '住房保障支出', total: false, amounts: [20] },
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

// A table printing no code and no 合计 (深圳 收入总表, 基本支出总表): the department's row opens it. Fixture lines: L4
// 示例局 360.00 | 300.00 | 50.00 | 10.00 = L5 本级 200.00 | 200.00 | 0.00 | 0.00 + L6 示例监测站 100.00 | 60.00 | 30.00 |
// 10.00 + L7 示例服务保障部 60.00 | 40.00 | 20.00 | 0.00, column by column; 示例服务保障部 ends in no unit word.
const UNCODED = [
  '                          收入总表',
  '单位：万元',
  '   预算单位              收入总计      一般公共预算拨款      事业收入      上年结转',
  '示例局                     360.00          300.00           50.00         10.00',
  '   示例局（本级）          200.00          200.00            0.00          0.00',
  '   示例监测站              100.00           60.00           30.00         10.00',
  '   示例服务保障部           60.00           40.00           20.00          0.00',
].join('\n');

const candidate = (name: string, ...amounts: number[]): UnitCandidate => ({ coded: false, level: null, name, total: false, amounts });

describe('a table printing no code: the department’s row is its total where the units add up to it', () => {
  it('aligned and single-space text: the first row is the department, the rows after it its units, checked per column', () => {
    for (const t of [parseAlignedTables(toSourceLines(UNCODED)).tables[0], parseSpacedTables(toSourceLines(UNCODED.replace(/ +/g, ' '))).tables[0]]) {
      expect(t.rows.map((r) => [r.name, r.role, r.group])).toEqual([
        ['示例局', 'total', null],
        ['示例局（本级）', 'subtotal', '示例局（本级）'],
        ['示例监测站', 'subtotal', '示例监测站'],
        ['示例服务保障部', 'subtotal', '示例服务保障部'],
      ]);
      expect(checkTables([t]).filter((c) => c.id.includes(':total-sum:')).map((c) => [c.id, c.status, c.expected, c.actual])).toEqual([
        ['t1:total-sum:total', 'pass', 360, 360],
        ['t1:total-sum:general', 'pass', 300, 300],
        ['t1:total-sum:business', 'pass', 50, 50],
        ['t1:total-sum:carryover', 'pass', 10, 10],
      ]);
    }
  });

  it('a first row that adds up the rows after it in its 合计 alone is no department (L4 printed 360.00 300.00 55.00 5.00)', () => {
    const [t] = parseAlignedTables(toSourceLines(UNCODED.replace('50.00         10.00', '55.00          5.00'))).tables;
    expect(t.rows.map((r) => r.role)).toEqual(['data', 'data', 'data', 'data']);
    expect(checkTables([t]).filter((c) => c.id.includes(':total-sum:'))).toEqual([]);
  });

  it('units over rows of their own (基本支出总表): the rows named as units add up to the department', () => {
    // 示例局 100 = 本级 70 + 示例监测站 30; 工资福利支出 50 = 基本工资 50 and so on under each.
    const rows = [
      candidate('示例局', 100, 100),
      candidate('示例局（本级）', 70, 70),
      candidate('工资福利支出', 50, 50),
      candidate('基本工资', 50, 50),
      candidate('商品和服务支出', 20, 20),
      candidate('办公费', 20, 20),
      candidate('示例监测站（示例检测中心）', 30, 30),
      candidate('工资福利支出', 30, 30),
      candidate('基本工资', 30, 30),
    ];
    const { role, group } = readUnits(rows);
    expect(role).toEqual(['department', 'unit', null, null, null, null, 'unit', null, null]);
    expect(group.slice(5, 8)).toEqual(['示例局（本级）', '示例监测站（示例检测中心）', '示例监测站（示例检测中心）']);
    // A second unit named otherwise (示例服务保障部) leaves 本级 alone named as a unit: no department is read.
    expect(readUnits(rows.map((r, i) => (i === 6 ? { ...r, name: '示例服务保障部' } : r))).role.every((r) => r === null)).toBe(true);
  });

  it('aligned: each unit printing no code is the total of its 类, named by the economic classification (基本支出总表)', () => {
    // L4 示例局 100.00 = L5 本级 70.00 + L10 示例监测站 30.00; L5 = L6 工资福利支出 (301) 50.00 + L9 商品和服务支出 (302)
    // 20.00; L6 = L7 基本工资 (30101) 30.00 + L8 津贴补贴 (30102) 20.00; L10 = L11 工资福利支出 30.00.
    const text = [
      '                          基本支出总表',
      '单位：万元',
      '   支出项目类别              总计        一般公共预算拨款',
      '示例局                     100.00          100.00',
      '   示例局（本级）           70.00           70.00',
      '     工资福利支出           50.00           50.00',
      '       基本工资             30.00           30.00',
      '       津贴补贴             20.00           20.00',
      '     商品和服务支出         20.00           20.00',
      '   示例监测站               30.00           30.00',
      '     工资福利支出           30.00           30.00',
    ].join('\n');
    const [t] = parseAlignedTables(toSourceLines(text)).tables;
    expect(t.rows.map((r) => r.role)).toEqual(['total', 'subtotal', 'data', 'data', 'data', 'data', 'subtotal', 'data']);
    expect(t.rows.map((r) => r.code)).toEqual([null, null, '301', '30101', '30102', '302', null, '301']);
    expect(t.rows[2].texts.codeFrom).toBe('原文未印编码，按支出经济分类的科目名称确定');
    const checks = checkTables([t]);
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(checks.filter((c) => /:(?:total|group|parent)-sum:.*:total$|:total-sum:total$/.test(c.id)).map((c) => [c.id, c.expected, c.actual])).toEqual([
      ['t1:parent-sum:g1:301:total', 50, 50],
      ['t1:group-sum:g1:total', 70, 70],
      ['t1:group-sum:g2:total', 30, 30],
      ['t1:total-sum:total', 100, 100],
    ]);
  });

  it('a list of zeros heads nothing (深圳 国有资本经营预算支出表 L7474–L7500: every unit 0.00)', () => {
    const { role } = readUnits([candidate('示例局', 0, 0), candidate('示例局（本级）', 0, 0), candidate('示例监测站', 0, 0)]);
    expect(role).toEqual([null, null, null]);
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
  it('收入总表 and 基本支出总表 print no code: the department’s row is checked against its 13 units, column by column', () => {
    const t2 = table('t2');
    // L2710 深圳市水务局 857,808.76 | 723,488.70 | 134,022.00 | … | 298.06; L2712 本级 178,214.28 … L2753–L2755 智慧水务 5,397.13.
    expect(rowAt(t2, 2710)).toMatchObject({ name: '深圳市水务局', role: 'total', group: null, values: { total: 857808.76, carryover: 298.06 } });
    expect(t2.rows.filter((r) => r.role === 'subtotal')).toHaveLength(13);
    expect(rowAt(t2, 2729)).toMatchObject({ name: '深圳市深圳河湾流域管理中心（深圳市治理深圳河办公室）', role: 'subtotal', values: { total: 237632.33 } });
    const check = (id: string) => d.checks.find((c) => c.id === id);
    // The 13 units' 收入总计 add to 857,808.77, their 政府性基金 to 134,022.01 (尾数误差, L2756); 上年结余 6.19 (L2718) + 291.87 (L2754).
    expect(check('t2:total-sum:total')).toMatchObject({ status: 'pass', expected: 857808.76, actual: 857808.77 });
    expect(check('t2:total-sum:fund')).toMatchObject({ status: 'pass', expected: 134022, actual: 134022.01 });
    expect(check('t2:total-sum:carryover')).toMatchObject({ status: 'pass', expected: 298.06, actual: 298.06 });
    expect(d.checks.filter((c) => c.id.startsWith('t2:total-sum:'))).toHaveLength(11);
    // The 收支总表's 收入总计 (L2691 857,808.76) against the 收入总表's, now that it has a total row.
    expect(check('x:summary-vs-income:total')).toMatchObject({ status: 'pass', expected: 857808.76, actual: 857808.76 });
    // 基本支出总表: L4067 深圳市水务局 46,138.79 = L4068 本级 7,823.97 + … + L4677 智慧水务 1,628.51; the rows between are theirs.
    const t4 = table('t4');
    expect(rowAt(t4, 4067)).toMatchObject({ role: 'total', values: { total: 46138.79 } });
    expect(t4.rows.filter((r) => r.role === 'subtotal').map((r) => r.lines.first)).toEqual([4068, 4118, 4176, 4219, 4276, 4316, 4374, 4415, 4472, 4513, 4575, 4619, 4677]);
    expect(rowAt(t4, 4069)).toMatchObject({ name: '工资福利支出', role: 'data', group: '深圳市水务局（本级）', values: { total: 5525.33 } });
    expect(check('t4:total-sum:total')).toMatchObject({ status: 'pass', expected: 46138.79, actual: 46138.79 });
    // Each unit is the total of its 类, named by the economic classification: 本级 7,823.97 = L4069 工资福利支出 (301)
    // 5,525.33 + L4081 商品和服务支出 (302) 897.48 + L4113 对个人和家庭的补助 (303) 1,361.17 + L4116 资本性支出 (310) 40.00
    // (7,823.98); L4069 = its nine 款 L4070–L4080 (1,038.83 + 2,341.79 + 484.50 + 357.53 + 178.77 + 145.51 + 4.48 +
    // 419.72 + 554.20).
    expect(rowAt(t4, 4116)).toMatchObject({ code: '310', codeScheme: 'economic', level: 1 });
    expect(check('t4:group-sum:g1:total')).toMatchObject({ status: 'pass', expected: 7823.97, actual: 7823.98 });
    expect(check('t4:parent-sum:g1:301:total')).toMatchObject({ status: 'pass', expected: 5525.33, actual: 5525.33 });
    // 深圳市水文水质中心 (L4276): its 类 add up to it; its 商品和服务支出 L4304 127.04 against its 款 L4305–L4313 making
    // 127.06 is the source's own 0.02, as in 表8 (L6384).
    expect(check('t4:group-sum:g5:total')).toMatchObject({ status: 'pass', expected: 1478.71 });
    expect(check('t4:parent-sum:g5:302:total')).toMatchObject({ status: 'fail', expected: 127.04, actual: 127.06 });
    // 项目支出总表: L4743–L4745 本级 170,390.31 = its six projects L4746–L4759 (166.80 + 5,340.10 + 9,503.54 + 117,921.68
    // + 35,927.64 + 1,530.55).
    expect(check('t5:group-sum:g1:total')).toMatchObject({ status: 'pass', expected: 170390.31, actual: 170390.31 });
  });
});
