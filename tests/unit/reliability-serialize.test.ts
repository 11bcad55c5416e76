import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { disclosure } from '../../src/schema/disclosure.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

const SEEDS = 'content/sources';

describe('the JSON ingest writes (issue 16: big documents stay proportionate)', () => {
  it.each(readdirSync(SEEDS).map((n) => [n]))('%s: compact, without schema defaults, and read back to the same document', (name) => {
    const doc = parse(readFileSync(join(SEEDS, name), 'utf8'));
    const json = serializeDisclosure(doc);
    expect(json).not.toContain('\n');
    expect(json.length).toBeLessThan(JSON.stringify(doc).length);
    // Through the schema, as the content collection reads it: every left-out field comes back as it was.
    expect(JSON.parse(JSON.stringify(disclosure.parse(JSON.parse(json))))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it('writes line ranges compactly and the checks of one relation as one row of a block (administrative office seed)', () => {
    const doc = parse(readFileSync(join(SEEDS, 'kashgar-administrative-office-2021-budget.txt'), 'utf8'));
    const json = serializeDisclosure(doc);
    expect(json).not.toContain('"first":');
    type Block = { columns: Array<[string, string]>; status?: string; rows: Array<{ id: string; message: string; expected: unknown[]; actual?: unknown[]; lines: unknown[] }> };
    const written = JSON.parse(json) as { checks: Array<Block | { id: string }> };
    // 201 一般公共服务支出 (line 205) against its 款 20103 (lines 207–208) and 20199 (line 216), in the nine amount
    // columns of 部门收入总表: nine checks, one row of a block whose columns are those nine, one list of lines.
    const block = written.checks.find((b): b is Block => 'rows' in b && b.rows.some((r) => r.id === 't2:parent-sum:g1:201'));
    const row = block?.rows.find((r) => r.id === 't2:parent-sum:g1:201');
    expect(row?.lines).toEqual([205, [207, 208], 216]);
    expect(row?.message).toBe('201 一般公共服务支出 = 下级科目之和');
    expect(block?.columns).toHaveLength(9);
    expect(block?.columns[0]).toEqual(['total', '（合计）']);
    expect(block?.status).toBe('pass');
    // 3533.48 in 合计 and 一般公共预算, the other seven blank; the children add up to the same, so `actual` is left out.
    expect(row?.expected).toEqual([3533.48, 3533.48, 0, 0, 0, 0, 0, 0, 0]);
    expect(row?.actual).toBeUndefined();
    const checks = doc.checks.filter((c) => c.id.startsWith('t2:parent-sum:g1:201:'));
    expect(checks).toHaveLength(9);
    expect(checks[0]).toMatchObject({ id: 't2:parent-sum:g1:201:total', message: '201 一般公共服务支出 = 下级科目之和（合计）', expected: 3533.48, actual: 3533.48 });
    // A row with an amount or a blank in each column of its table writes them as a list in the columns' order
    // (财政拨款收支总表, line 503: 201 一般公共服务支出 4564.64 in 合计 and 一般公共预算, the fund columns blank); the
    // income side of the same line has the 合计 column only and keeps its key.
    const t4 = (JSON.parse(json) as { tables: Array<{ id: string; rows: Array<{ code: string | null; lines: unknown; values: unknown }> }> }).tables.find((t) => t.id === 't4');
    expect(t4?.rows.find((r) => r.code === '201')?.values).toEqual([4564.64, 4564.64, null, null]);
    expect(t4?.rows.find((r) => r.lines === 503 && r.code === null)?.values).toEqual({ total: 5005.17 });
    expect(disclosure.parse(JSON.parse(json)).tables.find((t) => t.id === 't4')?.rows.find((r) => r.code === '201')?.values).toEqual({
      total: 4564.64,
      general: 4564.64,
      fund: null,
      'state-capital': null,
    });
    expect(JSON.parse(JSON.stringify(disclosure.parse(JSON.parse(json)).checks))).toEqual(JSON.parse(JSON.stringify(doc.checks)));
  });
});

describe('the JSON ingest writes each fact once (issue 16 point 5)', () => {
  const doc = parse(readFileSync(join(SEEDS, 'kashgar-administrative-office-2021-budget.txt'), 'utf8'));
  const written = JSON.parse(serializeDisclosure(doc)) as {
    tables: Array<{ id: string; rowDefaults?: Record<string, unknown>; groups?: string[]; rows: Array<Record<string, unknown>> }>;
    targets: Array<{ indicators: Array<Record<string, unknown>> }>;
  };

  it("writes what most rows of a table share once (rowDefaults), a row's sub-unit as its place in the table's groups, and no level its code gives", () => {
    // 一般公共预算项目支出情况表 (lines 758–1082): function codes, printed for three units (行署办公室 from line 807,
    // 地区统计局, 地区信访局); most rows' amounts could not be placed in the ten 经济分类 columns.
    const t7 = written.tables.find((t) => t.id === 't7')!;
    expect(t7.groups).toEqual(['新疆维吾尔自治区喀什地区行政公署办公室', '地区统计局', '地区信访局']);
    expect(t7.rowDefaults?.codeScheme).toBe('function');
    const row201 = t7.rows.find((r) => r.code === '201' && r.group === 0)!;
    expect(row201.lines).toEqual([813, 814]);
    expect(row201).not.toHaveProperty('level');
    expect(row201).not.toHaveProperty('codeScheme');
    const read = disclosure.parse(JSON.parse(serializeDisclosure(doc))).tables.find((t) => t.id === 't7')!;
    expect(read.rows.find((r) => r.code === '201')).toMatchObject({ level: 1, codeScheme: 'function', group: '新疆维吾尔自治区喀什地区行政公署办公室' });
    // The unit's own line (807–811) has no code: its scheme is written, null, against the table's.
    expect(t7.rows.find((r) => r.lines && JSON.stringify(r.lines) === '[807,811]')).toMatchObject({ code: null, codeScheme: null, group: 0 });
  });

  it('writes the indicators under one 一级/二级指标 as one entry, and a value its parts spell out without its text', () => {
    const [first, quality] = written.targets[0].indicators;
    // Line 1771: 数量指标 维护协同办公系统 =1套.
    expect(first).toEqual({ level1: '产出指标', level2: '数量指标', name: '维护协同办公系统', value: { operator: '=', number: 1, unit: '套' }, lines: 1771 });
    // Lines 1773–1776: 质量指标 系统故障率 =0%, 维护合格率 =100%.
    expect(quality).toMatchObject({ level1: '产出指标', level2: '质量指标' });
    expect((quality.indicators as unknown[]).map((i) => (i as { name: string }).name)).toEqual(['系统故障率', '维护合格率']);
    const read = disclosure.parse(JSON.parse(serializeDisclosure(doc))).targets[0].indicators;
    expect(read[0].value).toEqual({ text: '=1套', operator: '=', number: 1, unit: '套', qualitative: null, date: null });
    expect(read[2]).toMatchObject({ level1: '产出指标', level2: '质量指标', name: '维护合格率', lines: { first: 1776, last: 1776 } });
    // Line 1781: ≤24小时 is printed with ≤, not the operator's <=: the text stays.
    expect(read.find((i) => i.name === '系统运行维护响应时间')?.value.text).toBe('≤24小时');
    expect(JSON.stringify(written.targets[0])).toContain('"text":"≤24小时"');
  });

  it("writes a finding without the rule its id begins with and the family its rule begins with", () => {
    // Lines 1662–1683, the 三公 paragraph: 因公出国（境）费增加（减少）0万元, the template's alternative wording left in.
    const findings = (JSON.parse(serializeDisclosure(doc)) as { findings: Array<Record<string, unknown>> }).findings;
    const placeholder = findings.find((f) => f.id === 'identity.placeholder:1662:增加（减少）')!;
    expect(placeholder).not.toHaveProperty('rule');
    expect(placeholder).not.toHaveProperty('family');
    expect(disclosure.parse(JSON.parse(serializeDisclosure(doc))).findings.find((f) => f.id === placeholder.id)).toMatchObject({
      rule: 'identity.placeholder',
      family: 'identity',
      stated: '增加（减少）',
      lines: [{ first: 1662, last: 1683 }],
    });
  });
});
