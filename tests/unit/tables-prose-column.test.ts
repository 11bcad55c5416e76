import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/schema/disclosure.ts';
import type { Table, TableRow } from '../../src/schema/table.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { centredPieces } from '../../src/ingest/tables/shared/text-column.ts';

// A 部门预算项目支出及其他支出预算表 whose last column, 绩效目标, is prose wrapped over many lines right of the amounts,
// centred on each project's amount line, and whose header is printed again on every page. The fixture is lines
// 720–796 of ../shared/samples/other-provinces/guangzhou-water-2026-budget.txt (its pages 22–23), as printed: fixture
// line n is the sample's line n + 719. Every expected value was read off the cited sample lines.
const FIXTURE = 'tests/fixtures/prose-column-guangzhou.txt';
const SAMPLE = '../shared/samples/other-provinces/guangzhou-water-2026-budget.txt';
const absent = !existsSync(SAMPLE);
if (absent) console.warn(`skipping the 广州 sample's prose column test: ${SAMPLE} is not present`);

function parse(file: string): Disclosure {
  return parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
}

function projectTable(d: Disclosure): Table {
  const t = d.tables.find((x) => x.title === '部门预算项目支出及其他支出预算表');
  if (!t) throw new Error('no 项目支出 table');
  return t;
}

function row(t: Table, name: string): TableRow {
  const found = t.rows.filter((r) => r.name === name);
  if (found.length !== 1) throw new Error(`${found.length} rows named ${name}`);
  return found[0];
}

const amounts = (r: TableRow) => [r.values.total, r.values.general, r.values.fund, r.values['state-capital'], r.values['fiscal-special'], r.values['other-income']];

describe('a table with a prose column (绩效目标) right of its amounts', () => {
  const d = parse(FIXTURE);
  const t = projectTable(d);

  it('reads every project of both pages, the prose lines and the header printed again included', () => {
    expect(t.lines).toEqual({ first: 1, last: 796 - 719 });
    expect(t.columns.map((c) => c.key)).not.toContain('c9'); // 绩效目标 is no amount column
    expect(t.rows.map((r) => r.name)).toEqual([
      '合计',
      '广州市水务局',
      '因公出国（境）经费',
      '专项工作经费',
      '车船运行维护费',
      '其他运行经费',
      '污水处理费征收工作经费', // L745 `污水处理费征收工作经` / L746 amounts / L747 `费`
      '广州市水务科研及信息化项目技术评审工作经费',
      '水务立法法律服务诉讼等工作经费', // page 23: L768 / L769 amounts / L770, under the header printed again
      '广州市违法排水行为有奖举报办法奖励经费',
      '广州市水务局绩效管理、审计、政府采购、财会检查咨询费', // L781–783, three pieces
      '水务专项项目经费评审工作经费',
      '水政执法业务综合工作经费',
    ]);
    expect(d.sections.filter((s) => s.lines.first <= 796 - 719)).toEqual([]);
    expect(d.unparsed).toEqual([]);
  });

  it('keys 财政拨款 / 合计 as the group’s total, and checks both identities of the header on every row', () => {
    // L723–L727: 总计 | 财政拨款 {合计, 一般公共预算, 政府性基金预算, 国有资本经营预算} | 财政专户拨款 | 其他资金.
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special', 'other-income']);
    // L728: 合计 269,939.51 269,939.51 19,716.07 250,223.44 0.00 0.00 0.00.
    expect(row(t, '合计').values).toMatchObject({ total: 269939.51, fiscal: 269939.51, general: 19716.07, fund: 250223.44 });
    // 总计 = 财政拨款 + 财政专户拨款 + 其他资金 and 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算, on all 13 rows.
    const rowChecks = d.checks.filter((c) => c.id.startsWith(`${t.id}:row:`));
    expect(rowChecks).toHaveLength(2 * 13);
    expect(rowChecks.every((c) => c.status === 'pass')).toBe(true);
    expect(new Set(rowChecks.map((c) => c.id.split(':').pop()))).toEqual(new Set(['fiscal', 'total']));
    // The total is named 总计 as printed: the standard 合计 would name 财政拨款's column.
    expect(rowChecks.find((c) => c.id.endsWith(':total'))?.message).toBe('合计：总计 = 财政拨款 + 财政专户管理资金 + 其他收入');
    // L744–L748: 污水处理费征收工作经费 is all 政府性基金预算, 2,376.48 of 财政拨款.
    expect(row(t, '污水处理费征收工作经费').values.fiscal).toBe(2376.48);
  });

  it("gives each project its amounts and its 绩效目标, wrapped above and below its amount line", () => {
    // L730–734: two lines of text above the amount line L732, two below.
    const trip = row(t, '因公出国（境）经费');
    expect(amounts(trip)).toEqual([22.06, 22.06, 0, 0, 0, 0]);
    expect(trip.texts['performance-goal']).toBe('通过组织我局工作人员开展因公临时出国（境）访问，学习借鉴国际水务在建设、管理等方面的先进经验，为科学推进水务“十五五”规划建设、对标国际先进水平提供支撑。');
    expect(trip.lines).toEqual({ first: 730 - 719, last: 734 - 719 });
    // L738–740: the middle line of the text printed on the amount line, one space after the last 0.00.
    expect(row(t, '车船运行维护费').texts['performance-goal']).toBe('依法依需对广州水政公务执法船及01、02无动力趸船开展年审、购买保险、维修，并缴纳车船税，船舶加油、运输油料等，确保船舶设施正常运转率达100%。');
    // L744–748: 2,376.48 from 政府性基金预算.
    const sewage = row(t, '污水处理费征收工作经费');
    expect(amounts(sewage)).toEqual([2376.48, 0, 2376.48, 0, 0, 0]);
    expect(sewage.texts['performance-goal']).toBe('委托广州市自来水有限公司、穗云自来水有限公司代征中心城区污水处理费，保障污水处理费有效收取，力争实现应收尽收。');
    // L764–774: five lines above L769, five below.
    const legal = row(t, '水务立法法律服务诉讼等工作经费');
    expect(amounts(legal)).toEqual([64.73, 64.73, 0, 0, 0, 0]);
    expect(legal.texts['performance-goal']).toMatch(/^1、通过法律顾问出具法律意见，推进局系统依法行政工作；2、通过合同合法性审查.*切实提升工作人员依法行政的规范性与合规水平。$/);
    expect(legal.lines).toEqual({ first: 764 - 719, last: 774 - 719 });
    // Each 绩效目标 is the target of its project (issue 11 point 5: targets stated only in prose), under its unit.
    expect(d.targets).toHaveLength(11);
    const target = d.targets.find((x) => x.projectName === '因公出国（境）经费')!;
    expect(target).toMatchObject({ scope: 'project', unitName: '广州市水务局', funds: { total: 22.06, fiscal: 22.06, other: 0 }, lines: trip.lines, indicators: [] });
    expect(target.goal).toBe(trip.texts['performance-goal']);
    // The header's labels are no project's text.
    expect(t.rows.some((r) => /财政专|户拨款/.test(r.texts['performance-goal'] ?? ''))).toBe(false);
  });
});

describe('centredPieces: the lines of tall cells centred on their rows', () => {
  it('gives the lines between two rows as many to the upper as it had above, the rest to the lower', () => {
    // Rows at 3, 7, 10; text on 1, 2 (above 3), 4, 5 (below 3), 6 (above 7), 8 (below 7), 10 (on 10), 11.
    expect(centredPieces([3, 7, 10], [1, 2, 4, 5, 6, 8, 10, 11])).toEqual([[1, 2, 4, 5], [6, 8], [10, 11]]);
    expect(centredPieces([3], [])).toEqual([[]]);
  });
});

describe.skipIf(absent)(`the 广州 水务局 2026 sample's 表12${absent ? ' — skipped: sample absent' : ''}`, () => {
  it('reads its ~40 pages as one table of projects, each with its 绩效目标', () => {
    const d = parse(SAMPLE);
    const t = projectTable(d);
    // From the title (L720) to the note under the last project (L2758).
    expect(t.lines).toEqual({ first: 720, last: 2758 });
    // 257 projects print a 绩效目标; 合计 and the 13 units (资金使用单位) print none.
    expect(t.rows.filter((r) => r.texts['performance-goal']).length).toBe(257);
    // L2751–2757: `广州市河涌监测中心` / 189.28 … / `2026-2027年信息化运维项目`, text around it.
    const last = row(t, '广州市河涌监测中心2026-2027年信息化运维项目');
    expect(amounts(last)).toEqual([189.28, 189.28, 0, 0, 0, 0]);
    expect(last.texts['performance-goal']).toMatch(/^通过对广州市河涌监测中心“智慧水务”8个业务系统运维、通信链路租赁保障.*实现全年网络安全零事故。$/);
    // 总计 = 财政拨款 + 财政专户拨款 + 其他资金 and 财政拨款 / 合计 = the three funds hold on all 270 rows, 合计 and the
    // units included; 表11 (L625–L712), printing the same header, has them on its 54 rows.
    expect(t.rows).toHaveLength(270);
    for (const [title, rows] of [['部门预算项目支出及其他支出预算表', 270], ['部门预算基本支出预算表', 54]] as const) {
      const id = d.tables.find((x) => x.title === title)!.id;
      const checks = d.checks.filter((c) => c.id.startsWith(`${id}:row:`));
      expect(checks).toHaveLength(2 * rows);
      expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
    }
    // No paragraph of the 正文 is made of the table's lines any more (`20.00 20.00 … 编制项目 河等4条…`).
    expect(d.sections.filter((s) => s.lines.first >= 720 && s.lines.last <= 2758)).toEqual([]);
  });
});

describe('a figure of the 绩效目标 text justified into a cell of its own', () => {
  // As `pdftotext -layout` prints a dense 项目支出表 at another character pitch (the 广州 sample's PDF with
  // `-fixed 3`, its L870: `水源保护区             12   户企业资…`): the goal text, justified, spreads a bare 12 far right
  // of the amounts. The table prints every amount with two decimals, so the 12 is the text's, and the lines of text
  // starting left of where it ends are still the goal column's, not prose closing the table.
  const text = [
    '                              部门预算项目支出及其他支出预算表',
    '单位名称：某局                                                                       单位：万元',
    '                                                   财政拨款',
    '   支出项目类别          总计           合计          一般公共预算      政府性基金预算                  绩效目标',
    '      合计              98.65          98.65            98.65             0.00',
    '                                                                                     完成南洲水厂水源保护区内企业',
    '    水源补偿评估费      22.65          22.65            22.65             0.00          资产的评估，涉及',
    '                                                                                     水源保护区      12       户企业',
    '                                                                                     资产，为拆迁工作提供支撑。',
    '    用水环境研究        76.00          76.00            76.00             0.00          完成研究报告，提出补短板建议。',
    '',
  ].join('\n');
  const d = parseDisclosure(text, { file: 'prose-figure.txt', sha256: 'b'.repeat(64), format: 'text', encoding: 'utf-8' });
  const t = projectTable(d);

  it('keeps the rows after it in the table, with the figure in the goal text', () => {
    expect(t.rows.map((r) => r.name)).toEqual(['合计', '水源补偿评估费', '用水环境研究']);
    expect(row(t, '用水环境研究').values.total).toBe(76);
    expect(row(t, '水源补偿评估费').texts['performance-goal']).toContain('12');
    expect(d.checks.filter((c) => c.id.startsWith(`${t.id}:`) && c.status === 'fail')).toEqual([]);
    expect(d.sections.filter((s) => s.lines.first >= 5)).toEqual([]);
  });
});
