import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { joinStackedRows } from '../../src/ingest/layout/stacked.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { parseSpacedTables } from '../../src/ingest/tables/spaced/index.ts';
import { parseStackedTables } from '../../src/ingest/tables/stacked.ts';
import { halvesInRuns } from '../../src/ingest/tables/spaced/derived-columns.ts';
import { rowMarks } from '../../src/ingest/tables/shared/header-rows.ts';
import type { Table } from '../../src/schema/table.ts';
import { lostText } from '../fixtures/content-check.ts';
import { parse, unaccounted } from '../fixtures/fuzz/disclosure-mutations.ts';
import { BROKEN_ORDER } from '../fixtures/stacked-broken-order.ts';

/**
 * Issue 10: text extracted in reading order (plain `pdftotext`, a browser's PDF viewer) prints a table one cell a line.
 * A table of our own, printed that way: header labels one a line, blank lines between cells, a name wrapped over two
 * lines (20103), empty cells printing nothing (the 项目支出 of 20101 and 2010101, the 基本支出 of 20103 and 2010350).
 * Its figures add up: 合计 2,300.00 = 201 1,500.00 + 208 800.00; 201 = 20101 1,000.00 + 20103 500.00 in each column.
 */
const STACKED = [
  '2026年部门支出预算总表', // 1
  '单位：万元',
  '',
  '科目编码',
  '',
  '科目名称',
  '',
  '合计',
  '',
  '基本支出', // 10
  '',
  '项目支出',
  '',
  '合计',
  '',
  '2,300.00',
  '',
  '1,800.00',
  '',
  '500.00', // 20
  '',
  '201',
  '',
  '一般公共服务支出',
  '',
  '1,500.00',
  '',
  '1,000.00',
  '',
  '500.00', // 30
  '',
  '20101',
  '',
  '人大事务',
  '',
  '1,000.00',
  '',
  '1,000.00',
  '',
  '2010101', // 40
  '',
  '行政运行',
  '',
  '1,000.00',
  '',
  '1,000.00',
  '',
  '20103',
  '',
  '政府办公厅（室）及相关机构', // 50
  '事务',
  '',
  '500.00',
  '',
  '500.00',
  '',
  '2010350',
  '',
  '事业运行',
  '', // 60
  '500.00',
  '',
  '500.00',
  '',
  '208',
  '',
  '社会保障和就业支出',
  '',
  '800.00',
  '', // 70
  '800.00',
  '',
  '20805',
  '',
  '行政事业单位养老支出',
  '',
  '800.00',
  '',
  '800.00',
  '', // 80
  '2080505',
  '',
  '机关事业单位基本养老保险缴费支出',
  '',
  '800.00',
  '',
  '800.00',
];

function rowsOf(table: Table): Array<[string, Record<string, number | null>, [number, number]]> {
  return table.rows.map((r) => [r.code ?? r.name, r.values, [r.lines.first, r.lines.last]]);
}

describe('tables printed one cell a line (stacked)', () => {
  it('decides the layout from lines of one amount outnumbering lines of two, and not the same rows one a line', () => {
    expect(detectLayout(toSourceLines(STACKED.join('\n')))).toBe('stacked');
    const single = ['2026年部门支出预算总表', '单位：万元', '科目编码 科目名称 合计 基本支出 项目支出', '合计 2,300.00 1,800.00 500.00', '201 一般公共服务支出 1,500.00 1,000.00 500.00'];
    expect(detectLayout(toSourceLines(single.join('\n')))).toBe('spaced');
  });

  it('joins each row from its code to its last amount, keeping every line number', () => {
    const joined = joinStackedRows(toSourceLines(STACKED.join('\n')));
    expect(joined.lines).toHaveLength(STACKED.length);
    expect(joined.joined.slice(0, 3)).toEqual([
      { first: 14, last: 20 },
      { first: 22, last: 30 },
      { first: 32, last: 38 },
    ]);
    expect(joined.lines[47].text).toBe('20103 政府办公厅（室）及相关机构 事务 500.00 500.00');
    expect(joined.loose).toEqual([]);
  });

  it('reads the rows in the template columns, each amount where the identities put it', () => {
    const [table] = parseTables(toSourceLines(STACKED.join('\n'))).tables;
    expect(table.kind).toBe('expenditure-summary');
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project']);
    expect(rowsOf(table)).toEqual([
      ['合计', { total: 2300, basic: 1800, project: 500 }, [14, 20]],
      ['201', { total: 1500, basic: 1000, project: 500 }, [22, 30]],
      ['20101', { total: 1000, basic: 1000, project: null }, [32, 38]],
      ['2010101', { total: 1000, basic: 1000, project: null }, [40, 46]],
      ['20103', { total: 500, basic: null, project: 500 }, [48, 55]],
      ['2010350', { total: 500, basic: null, project: 500 }, [57, 63]],
      ['208', { total: 800, basic: 800, project: null }, [65, 71]],
      ['20805', { total: 800, basic: 800, project: null }, [73, 79]],
      ['2080505', { total: 800, basic: 800, project: null }, [81, 87]],
    ]);
    expect(table.rows.find((r) => r.code === '20103')?.name).toBe('政府办公厅（室）及相关机构事务');
  });

  it('loses no line: each is in a row covering it, the table as printed, or unparsed', () => {
    const text = STACKED.join('\n');
    const doc = parse(text);
    expect(unaccounted(text, doc).lost).toEqual([]);
    expect(lostText(text, doc)).toEqual([]);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('places no amount whose row is not known: after the header, a code printed after its name, a 序号 among amounts', () => {
    // The header's last label and the first amounts (`合计` printed after its amount, 福州 表9 L816-L823); a 类 code
    // after its name among amounts of no decimals (上海 社会福利院 2024 L926-L932); the next row's 序号 after a row's
    // amounts (西安 L4023-L4029).
    const lines = ['科目编码', '科目名称', '预算数', '1151.39', '合计', '301', '工资福利支出', '859.26', '30101', '基本工资', '181.95', '16', '30102', '津贴补贴', '209.34'];
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.loose.map((l) => l.text)).toEqual(['1151.39', '181.95', '16']);
    expect(joined.totals.map((l) => l.text)).toEqual(['合计']);
    expect(joined.lines.map((l) => l.text).filter((t) => t !== '')).toEqual([
      '科目编码',
      '科目名称',
      '预算数',
      '301 工资福利支出 859.26',
      '30101 基本工资',
      '30102 津贴补贴 209.34',
    ]);
    const shanghai = ['其他工资福利支出', '354,964', '354,964', '商品和服务支出', '302', '2,120,950', '2,120,950', '302', '01', '办公费', '69,000', '69,000'];
    const read = joinStackedRows(toSourceLines(['301', '99', ...shanghai].join('\n')));
    expect(read.lines.map((l) => l.text).filter((t) => t !== '')).toEqual(['301 99 其他工资福利支出 354,964 354,964', '商品和服务支出', '302 01 办公费 69,000 69,000']);
    expect(read.loose.map((l) => l.text)).toEqual(['302', '2,120,950', '2,120,950']);
  });
});


describe('a table printed one cell a line whose reading order broke', () => {
  const text = BROKEN_ORDER.join('\n');
  const { tables, unparsed } = parseTables(toSourceLines(text));
  const table = tables[0];
  const row = (name: string) => table.rows.find((r) => r.code === name || r.name === name)!;

  it('leaves unplaced the amounts of two rows that hold only when the later one\'s last amount is the earlier one\'s', () => {
    expect(row('合计').values).toEqual({ total: null, basic: null, project: null });
    expect(row('2010102').values).toEqual({ total: null, basic: null, project: null });
    expect(row('合计').flag).toMatch(/阅读顺序/);
    const mixed = unparsed.filter((u) => /两行就都相合/.test(u.reason));
    expect(mixed.map((u) => [u.text, u.lines.first])).toEqual([
      ['600.00 360.00', 8],
      ['200.00 200.00 240.00', 25],
    ]);
  });

  it('keeps a row failing its identity that no other row\'s amounts explain: the department\'s figure, for the checks', () => {
    for (const code of ['20805', '2080505']) {
      expect(row(code).values).toEqual({ total: 100, basic: 60, project: 45 });
      expect(row(code).flag).not.toMatch(/阅读顺序/);
    }
  });

  it('loses no line', () => {
    const doc = parse(text);
    expect(unaccounted(text, doc).lost).toEqual([]);
    expect(lostText(text, doc)).toEqual([]);
  });
});

describe('a table printing every cell, zeros too, whose codes print apart from its names', () => {
  // Our own, as 上海 万里街道 2025 部门预算 prints its 支出预算总表 (plain pdftotext L1380-L1553): the codes together
  // above the header's last labels, then each name and its three amounts (`统计信息事务` / `438,300` / `0` /
  // `438,300`). Figures: 201 5,000,000 = 3,000,000 + 2,000,000; 20103 likewise; 行政运行 3,000,000 basic only,
  // 一般行政管理事务 2,000,000 project only.
  const lines = ['2025年部门支出预算总表', '单位：元', '项目', '功能分类科目编码', '功能分类科目名称', '201', '201', '03', '合计', '基本支出', '项目支出',
    '5,000,000', '3,000,000', '2,000,000', // 12-14: after the header, the first row's name not known
    '政府办公厅（室）及相关机构事务', '5,000,000', '3,000,000', '2,000,000',
    '行政运行', '3,000,000', '3,000,000', '0',
    '一般行政管理事务', '2,000,000', '0', '2,000,000', '注：本表无其他数据'];

  it('joins a name and a run of as many amounts as the table\'s rows print even after amounts went loose', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    // The codes no row took are loose too (a number left would read as an amount).
    expect(joined.loose.map((l) => l.no)).toEqual([6, 7, 8, 12, 13, 14]);
    expect(joined.lines.filter((l) => /\d$/.test(l.text)).map((l) => [l.no, l.text])).toEqual([
      [15, '政府办公厅（室）及相关机构事务 5,000,000 3,000,000 2,000,000'],
      [19, '行政运行 3,000,000 3,000,000 0'],
      [23, '一般行政管理事务 2,000,000 0 2,000,000'],
    ]);
  });

  it('keeps loose the amounts after codes printed among a header\'s labels, as many as a row\'s amounts', () => {
    // As 万里街道 2024 收入预算总表 L347-L372 prints `07` / `02` / `02` / `02` / `02` among its header's labels, as
    // many as its rows print amounts, then `其他收入` and the first row's amounts.
    const parted = [...lines.slice(0, 10), '07', '02', '02', ...lines.slice(10)];
    const joined = joinStackedRows(toSourceLines(parted.join('\n')));
    expect(joined.lines.find((l) => l.text.startsWith('项目支出'))?.text).toBe('项目支出');
    expect(joined.loose.map((l) => l.text)).toContain('5,000,000');
    expect(joined.lines.find((l) => l.no === 18)?.text).toBe('政府办公厅（室）及相关机构事务 5,000,000 3,000,000 2,000,000');
  });

  it('keeps them loose where the table prints no zeros, but for rows whose 合计 is the sum of the amounts after it', () => {
    // Its rows' counts of amounts do not show its columns; 行政运行 `3,000,000` / `3,000,000` is a row's 合计 and its
    // part. 政府办公厅（室）… prints more amounts than any other row of its page (three): it may hold another's.
    const noZeros = lines.map((l) => (l === '0' ? '' : l));
    const joined = joinStackedRows(toSourceLines(noZeros.join('\n')));
    expect(joined.lines.filter((l) => /\d$/.test(l.text)).map((l) => l.no)).toEqual([19, 23]);
    expect(joined.loose.map((l) => l.no)).toEqual([6, 7, 8, 12, 13, 14, 16, 17, 18]);
  });
});

describe('the single-space reader given rows another stage joined', () => {
  // 广州 表3 through plain pdftotext (L821-L885): row 2080502 printed no amount of its own (its and three other rows'
  // 24 amounts went loose), then `死亡抚恤` and its six amounts, the -layout text's L327 2080801 死亡抚恤.
  const lines = toSourceLines(['2026年部门支出总表', '单位：万元', '科目编码 科目名称 合计 基本支出 项目支出', '2080502 事业单位离退休', '死亡抚恤 50.00 50.00 0.00'].join('\n'));
  const rows = (starts?: Set<number>) => parseSpacedTables(lines, starts).tables[0].rows.map((r) => [r.code, r.name]);

  it('runs no row on into a joined row: the line before is a row of its own, not the first of its name', () => {
    expect(rows(new Set([4, 5]))).toEqual([
      ['2080502', '事业单位离退休'],
      [null, '死亡抚恤'],
    ]);
    // Unjoined, the two lines read as one row wrapped over two.
    expect(rows()).toEqual([['2080502', '事业单位离退休死亡抚恤']]);
  });
});

describe('a parent row printing no amount, its amounts gone loose', () => {
  // 上海 社会福利院 2024 基本支出经济分类表 (plain pdftotext L808-L924): 301 工资福利支出 prints none of its amounts
  // there, and 30102 津贴补贴 prints `225,600` twice, 合计 and 人员经费 (the -layout text's L282). Read as zeros, a 类
  // printing nothing would put every 款's second amount in 公用经费 (its 人员经费 0 = the sum of theirs), the 合计 column
  // failing. Under 301 the class decides (人员经费 by definition); under 302, whose 款 may be either, nothing does.
  const read = (rows: string[]) =>
    parseSpacedTables(toSourceLines(['2024年一般公共预算基本支出经济分类预算表', '单位：元', '经济分类科目编码 经济分类科目名称 合计 人员经费 公用经费', ...rows].join('\n'))).tables[0];

  it("sums no column to it: each 款's second amount stays open between 人员经费 and 公用经费", () => {
    const table = read(['302 商品和服务支出', '30201 办公费 225,600 225,600', '30202 印刷费 3,580,522 3,580,522']);
    expect(table.rows.slice(1).map((r) => [r.code, r.values])).toEqual([
      ['30201', { total: 225600, personnel: null, public: null }],
      ['30202', { total: 3580522, personnel: null, public: null }],
    ]);
  });

  it("puts a 301 款's second amount under 人员经费, as the -layout text prints it", () => {
    const table = read(['301 工资福利支出', '30102 津贴补贴 225,600 225,600', '30107 绩效工资 3,580,522 3,580,522']);
    expect(table.rows.slice(1).map((r) => [r.code, r.values])).toEqual([
      ['30102', { total: 225600, personnel: 225600, public: null }],
      ['30107', { total: 3580522, personnel: 3580522, public: null }],
    ]);
  });
});

describe('a row printing no amount in text printed one cell a line', () => {
  // 福州 2026 支出预算总表 (plain pdftotext L492-L532): 2210203 购房补贴's amounts went loose (41.38 / 41.38, the
  // -layout text's L269), and 22102 住房改革支出 prints 126.38 twice, 合计 and 基本支出 (-layout L266). Read as 0,
  // 购房补贴 leaves no 基本支出 that 72.08 and 12.92 could make 126.38 with, and 22102's would be put in 项目支出.
  const lines = toSourceLines(
    ['2026 年度支出预算总表', '单位：万元', '科目编码 科目名称 合计 基本支出 项目支出', '22102 住房改革支出 126.38 126.38', '2210201 住房公积金 72.08 72.08', '2210202 提租补贴 12.92 12.92', '2210203 购房补贴'].join('\n'),
  );
  const first = (emptyUnknown: boolean) => parseSpacedTables(lines, new Set(), emptyUnknown).tables[0].rows[0].values;

  it('is not known to be empty: no sum takes it for 0, and the amounts beside it stay open', () => {
    expect(first(true)).toEqual({ total: 126.38, basic: null, project: null });
    // Single-space text prints a row's every filled cell: a row printing none is empty there.
    expect(first(false)).toEqual({ total: 126.38, basic: null, project: 126.38 });
  });
});

/**
 * The samples' PDFs through plain `pdftotext` (poppler; 22.12 here): the text route of a document copied in reading
 * order. Generated here, not committed: the PDFs are third-party documents (../shared/samples).
 */
const PDF = '../shared/samples/other-provinces/shenzhen-water-2026-budget.pdf';
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
const readingOrder = pdftotext && existsSync(PDF);
if (!readingOrder) console.warn(`skipping stacked tests on ${PDF}: ${pdftotext ? 'the sample is absent' : 'pdftotext is not installed'}`);

describe.skipIf(!readingOrder)(`深圳市水务局 2026 through plain pdftotext${readingOrder ? '' : ' (skipped: pdftotext or the sample is absent)'}`, () => {
  const text = readingOrder ? spawnSync('pdftotext', [PDF, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout : '';

  it('is read as stacked, its tables failing no check', () => {
    expect(detectLayout(toSourceLines(text))).toBe('stacked');
    const doc = parse(text);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(unaccounted(text, doc).lost).toEqual([]);
  });

  it('reads 表7 一般公共预算支出表（按功能分类）: 213 农林水支出 as the -layout text prints it', () => {
    // L23030-L23038: `213` / `农林水支出` / `20,747.92` / `4,260.52` / `16,487.39`, a blank line between each; the
    // -layout text prints the row `213 农林水支出 20,747.92 4,260.52 16,487.39` (合计, 基本支出, 项目支出).
    const tables = parseTables(toSourceLines(text)).tables;
    const table = tables.find((t) => t.kind === 'general-budget-expenditure')!;
    const row = table.rows.find((r) => r.code === '213' && r.lines.first === 23030)!;
    expect([row.name, row.values, row.lines]).toEqual(['农林水支出', { total: 20747.92, basic: 4260.52, project: 16487.39 }, { first: 23030, last: 23038 }]);
  });

  it('reads 表3 支出总表 213 in nine columns: the header\'s 支出总计 and 小计 given back, the 政府采购项目 band after the template\'s', () => {
    // L3385-L3405: `213` / `农林水支出` / nine amounts (20,747.92 … 629.23); the header (L2794-L2834) prints its labels one
    // a line, wrapped (`事业单位` / `对附属单位` / `经营支出` / `补助支出`), 支出总计 and 小计 among them. The -layout text L2865
    // prints `213 农林水支出 20,747.92 4,260.52 16,487.39 0.00 0.00 0.00 7,954.24 1,689.98 629.23` under 支出总计 | 基本支出 |
    // 项目支出 | 事业单位经营支出 | 对附属单位补助支出 | 上缴上级支出 | 政府采购项目 小计 | 其中 | 其中.
    const table = parseTables(toSourceLines(text)).tables.find((t) => t.kind === 'expenditure-summary')!;
    const row = table.rows.find((r) => r.code === '213' && r.lines.first === 3385)!;
    expect(row.lines).toEqual({ first: 3385, last: 3405 });
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'remit-superior', 'operating', 'subsidy-to-affiliated', 'c7', 'c8', 'c9']);
    expect(Object.values(row.values)).toEqual([20747.92, 4260.52, 16487.39, 0, 0, 0, 7954.24, 1689.98, 629.23]);
  });

  it('reads 表2 收入总表 in the eleven columns of its rows: the header\'s right-hand labels printed after the page\'s rows', () => {
    // L2359-L2376 print the header's left-hand labels, L2643-L2665 the rest after the page's last row (`其他收入`,
    // `上级补助收入`, `算拨款`, `上年结余`, `财政专户管理` …); L2444-L2466 `深圳市东江水源工程管理处` and eleven amounts, as the
    // -layout text's L2716 prints the row: 35,786.06 35,786.06 and nine 0.00, under 收入总计 | 一般公共预算拨款 | 政府性基金预算
    // 拨款 | 国有资本经营预算拨款 | 财政专户管理资金 | 事业收入 | 事业单位经营收入 | 上级补助收入 | 附属单位上缴收入 | 其他收入 |
    // 上年结余、结转 (L2705-L2710).
    const table = parseTables(toSourceLines(text)).tables.find((t) => t.kind === 'income-summary')!;
    expect(table.columns.map((c) => c.key)).toEqual([
      'total', 'general', 'fund', 'state-capital', 'fiscal-special', 'business', 'operating', 'subsidy-from-superior', 'affiliated',
      'other-income', 'carryover',
    ]);
    const row = table.rows.find((r) => r.lines.first === 2444)!;
    expect([row.name, Object.values(row.values)]).toEqual(['深圳市东江水源工程管理处', [35786.06, 35786.06, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
    // L2468-L2490: 40,877.97 = 40,871.78 + 6.19 上年结余、结转 (-layout L2718).
    expect(Object.values(table.rows.find((r) => r.lines.first === 2468)!.values)).toEqual([40877.97, 40871.78, 0, 0, 0, 0, 0, 0, 0, 0, 6.19]);
    // Page 2 prints its header again and one run of 33 amounts (L2707-L2771), three rows of eleven as page 1 prints them,
    // their names among the header's labels (L2682-L2686): the last, 深圳市智慧水务综合指挥调度和保障中心's 5,397.13 = 5,105.26 +
    // 291.87 (-layout L2754), a row without a name.
    const last = table.rows.find((r) => r.lines.first === 2751)!;
    expect([last.name, Object.values(last.values)]).toEqual(['', [5397.13, 5105.26, 0, 0, 0, 0, 0, 0, 0, 0, 291.87]]);
  });

  it('reads 表9 三公 by item and fund: the funds\' labels wrapped in every cell, the first row after the header', () => {
    // L31047-L31117: 一般公共预 / 政府性基金 / 国有资本经 six times, then 算 / 预算 / 营预算 six times; L31119 `2025 年` and
    // its 18 amounts (L31121-L31155), as the -layout text's L7232 prints them: 382.64 0.00 0.00 | 5.20 … | 14.07 … |
    // 363.37 … | 65.97 … | 297.40 …. 65.97 and 297.40 sum to 363.37 either way round: 公务用车购置费 and 运行维护费,
    // one a line in the header (L31043-L31045), are ordered by no identity, and stay open.
    const table = parseTables(toSourceLines(text)).tables.find((t) => t.kind === 'three-public-expenditure')!;
    expect(table.columns).toHaveLength(18);
    const row = table.rows.find((r) => r.lines.first === 31119)!;
    expect([row.name, Object.values(row.values)]).toEqual([
      '2025年',
      [382.64, 0, 0, 5.2, 0, 0, 14.07, 0, 0, 363.37, 0, 0, null, 0, 0, null, 0, 0],
    ]);
  });

  it('gives a 款\'s or 项\'s code no row took a row of its own, its cells unknown, so that its parent\'s sum is not taken without it', () => {
    // L5419-L5420 `2080505` / `2080506`, printed together after the header of page 70, their names after them (L5422-
    // L5425) and their 18 amounts after the header's last labels (L5434-L5468): no row is certain of them. 20805
    // (L5335, 176.41) = 2080502 37.74 + 2080505 102.02 + 2080506 36.66 in the -layout text (L2914-L2920).
    const doc = parse(text);
    const table = doc.tables.find((t) => t.kind === 'expenditure-summary')!;
    const lost = table.rows.filter((r) => r.lines.first === 5419 || r.lines.first === 5420);
    expect(lost.map((r) => [r.code, r.name, Object.values(r.values).every((v) => v === null), r.flag !== null])).toEqual([
      ['2080505', '', true, true],
      ['2080506', '', true, true],
    ]);
    const check = doc.checks.find((c) => c.id === `${table.id}:parent-sum:g2:20805:total`);
    expect(check?.status).toBe('not-checkable');
  });
});

/** Another sample through plain `pdftotext`, generated as above where poppler and the sample are present. */
function readingOrderText(pdf: string): string | null {
  if (!pdftotext || !existsSync(pdf)) return null;
  return spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
}

const GUANGZHOU = readingOrderText('../shared/samples/other-provinces/guangzhou-water-2026-budget.pdf');
const PLANNING = readingOrderText('../shared/samples/shanghai-putuo-planning-resources-bureau-2024-final-accounts.pdf');

describe.skipIf(GUANGZHOU === null || PLANNING === null)('a header printed one label a line, its total first', () => {
  it('reads 广州 表3 本年支出总体情况表 in the six columns its header names, every row printing all six with zeros', () => {
    // L700-L711: `合计` / `基本支出` / `项目支出` / `事业单位经营支出` / `对附属单位补助支` / `出` / `上缴上级支出`; the
    // total row L713-L725 `合计` / 300,185.19 / 30,245.68 / 269,939.51 / 0.00 / 0.00 / 0.00; 20805 L789-L803
    // `行政事业单位养老支出` / 4,404.29 / 4,404.29 / 0.00 / 0.00 / 0.00 / 0.00. The -layout text prints the same rows.
    const table = parseTables(toSourceLines(GUANGZHOU!)).tables.find((t) => t.kind === 'expenditure-summary')!;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'basic', 'project', 'operating', 'subsidy-to-affiliated', 'remit-superior']);
    const total = table.rows.find((r) => r.lines.first === 713)!;
    expect([total.name, total.values]).toEqual([
      '合计',
      { total: 300185.19, basic: 30245.68, project: 269939.51, operating: 0, 'subsidy-to-affiliated': 0, 'remit-superior': 0 },
    ]);
    const row = table.rows.find((r) => r.code === '20805')!;
    expect([row.name, row.values, row.lines]).toEqual([
      '行政事业单位养老支出',
      { total: 4404.29, basic: 4404.29, project: 0, operating: 0, 'subsidy-to-affiliated': 0, 'remit-superior': 0 },
      { first: 789, last: 803 },
    ]);
    expect(parse(GUANGZHOU!).checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('finds all twelve of 广州\'s tables, whose unit lines print under the line naming the unit (and a header label)', () => {
    // L126-L131 `表1` / `收支总体情况表` / `单位名称：广州市水务局` / `单位：万元`; L2376-L2383 `表11` / `部门预算基本支出预算表` /
    // `单位名称：广州市水务局` / `支出项目类别（资金使用` / `单位）` / `单位：万元`. The table of contents (L10-L21) names the twelve.
    const tables = parseTables(toSourceLines(GUANGZHOU!)).tables;
    expect(tables.map((t) => t.lines.first)).toEqual([126, 303, 688, 1412, 1571, 1863, 2035, 2149, 2236, 2347, 2376, 3310]);
  });

  it('keeps a header of fewer labels than its columns out where rows print no zeros (an empty cell prints nothing)', () => {
    // 收入决算表 L228 `本年收入合计` / L230 `财政拨款收入`, and 208 L239-L245 prints two amounts (754.75 twice): the
    // header's other labels (上级补助收入 … 其他收入) print later, their empty cells nothing, so two labels do not
    // show two columns. The template's columns stand; the second 754.75 is not placed.
    const table = parseTables(toSourceLines(PLANNING!)).tables.find((t) => t.title === '收入决算表')!;
    expect(table.columns.length).toBe(9);
    const row = table.rows.find((r) => r.code === '208')!;
    expect([row.values.total, Object.values(row.values).filter((v) => v !== null).length, row.lines]).toEqual([754.75, 1, { first: 239, last: 245 }]);
  });
});

describe('a row printed whole after amounts went loose: its first amount the sum of the others', () => {
  // Our own, as 西安 表5 (plain pdftotext L1608-L1660) prints its 一般公共预算支出明细表: the header cut by the total
  // row's amounts (`合计` / `人员经费支出` / `74868.33` / `17739.88` / `公用经费支出` / …), then `教育支出` / `179.17` /
  // `91.39` / `87.78` (179.17 = 91.39 + 87.78), then `社会保障和就业支出` / `1983.46` / `1901.46` and the next row's
  // name before its last amount (`82.00`, printed after `行政事业单位养老支出`'s `1886.00` / `1886.00`).
  const lines = ['2022年一般公共预算支出表', '单位：万元', '功能科目名称', '合计', '基本支出', '300.00', '200.00', '项目支出', '100.00',
    '教育支出', '179.17', '91.39', '87.78', // 10-13
    '社会保障和就业支出', '1983.46', '1901.46', // 14-16
    '行政事业单位养老支出', '1886.00', '1886.00', '82.00', // 17-20
    '企业改革补助', '82.00', '82.00', // 21-23
    '行政单位医疗', '74.24']; // 24-25

  it('joins it: reading order holds within it, whatever broke before', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.lines.filter((l) => /\d$/.test(l.text)).map((l) => [l.no, l.text])).toEqual([
      [10, '教育支出 179.17 91.39 87.78'],
      [21, '企业改革补助 82.00 82.00'],
    ]);
  });

  it('keeps loose the runs that do not sum so, and one amount alone, which shows nothing', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.loose.map((l) => l.no)).toEqual([6, 7, 9, 15, 16, 18, 19, 20, 25]);
  });
});

const XIAN = readingOrderText('../shared/samples/other-provinces/xian-transport-2022-budget.pdf');
const HANGZHOU = readingOrderText('../shared/samples/other-provinces/hangzhou-transport-2026-budget.pdf');

describe.skipIf(XIAN === null || HANGZHOU === null)('a header naming 人员经费 and 公用经费 cut by amounts', () => {
  it('places only the 合计 of 西安 表5\'s rows: the columns read (合计, 基本支出, 项目支出) are not the table\'s', () => {
    // L1624-L1630 `教育支出` / `179.17` / `91.39` / `87.78`; the -layout text prints 91.39 under 公用经费支出 and
    // 87.78 under 专项业务经费支出, 人员经费支出 empty.
    const { tables, unparsed } = parseTables(toSourceLines(XIAN!));
    const row = tables.flatMap((t) => t.rows).find((r) => r.name === '教育支出' && r.lines.first === 1624)!;
    expect([row.values, row.lines]).toEqual([{ total: 179.17, basic: null, project: null }, { first: 1624, last: 1630 }]);
    expect(unparsed.filter((u) => u.lines.first === 1624).map((u) => u.text)).toEqual(['91.39', '87.78']);
  });

  it('does not read 杭州 表3\'s 人员支出 and 日常公用支出 as 基本支出 and 项目支出', () => {
    // L1102-L1108 `行政事业单位养老支出` / `9,856.98` / `9,854.88` / `2.10`; -layout L677 prints 9,854.88 under 人员支出
    // and 2.10 under 日常公用支出, 项目支出 empty.
    const doc = parse(HANGZHOU!);
    const row = doc.tables.flatMap((t) => t.rows).find((r) => r.lines.first === 1102)!;
    expect([row.name, row.values.total, row.values.basic, row.values.project]).toEqual(['行政事业单位养老支出', 9856.98, null, null]);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });
});

describe('a table of 项 rows only, each printing its 合计 and one of 基本支出 / 项目支出', () => {
  // Our own, as 北京 民政局 2026 预算03表 prints its rows in reading order (plain pdftotext L170-L178 `2050802-干部教育` /
  // `50501-工资福利支出` / `30101-基本工资` / `290.658800` / `290.658800`; L310-L316 `30214-租赁费` / `136.000000`, its
  // 项目支出 printed with the column's others at L462-L464; the 合计 row L1881-L1889 prints all three): one row per 项 and
  // 经济分类 款, no 类 or 款 row. The total is the sum of every row, so its 基本支出 6,572.794886 and 项目支出 147.450300
  // decide which column each second amount is in: 290.658800 + 6,282.136086 and 136.000000 + 11.450300, no other subset.
  const rows = (second: string) => [
    '2026年支出总表', '单位：万元', '功能分类科目', '部门支出经济分类科目', '合计', '基本支出', '项目支出',
    '2050802-干部教育', '30101-基本工资', '290.658800', '290.658800', // 15-21
    '2050802-干部教育', '30214-租赁费', second, second, // 23-29
    '2080201-行政运行', '30102-津贴补贴', '6,282.136086', '6,282.136086', // 31-37
    '2080201-行政运行', '31002-办公设备购置', '11.450300', '11.450300', // 39-45
    '合计', '6,720.245186', '6,572.794886', '147.450300', // 47-53
  ];
  const read = (second: string) => parseStackedTables(toSourceLines(rows(second).join('\n\n'))).tables[0].rows.map((r) => [r.lines.first, r.values]);

  it('places each second amount where the total row\'s 基本支出 and 项目支出 take it, the subset being unique', () => {
    expect(read('136.000000')).toEqual([
      [15, { total: 290.6588, basic: 290.6588, project: null }],
      [23, { total: 136, basic: null, project: 136 }],
      [31, { total: 6282.136086, basic: 6282.136086, project: null }],
      [39, { total: 11.4503, basic: null, project: 11.4503 }],
      [47, { total: 6720.245186, basic: 6572.794886, project: 147.4503 }],
    ]);
  });

  it('leaves open the second amounts the totals do not decide: two rows of the same figure, either of which may be 基本支出', () => {
    // 30214 printing 290.658800 too: 基本支出 6,572.794886 is 290.658800 + 6,282.136086 whichever of the two it is.
    const open = read('290.658800').filter(([first]) => first === 15 || first === 23);
    expect(open).toEqual([
      [15, { total: 290.6588, basic: null, project: null }],
      [23, { total: 290.6588, basic: null, project: null }],
    ]);
  });
});

describe('a “三公” table printed one item a row, its header cut by amounts', () => {
  // Our own, as 广州 2026 表8 prints in reading order (plain pdftotext L2151-L2207): `项目` / `行政经费` / `合计` /
  // `一般公共预算` / `政府性基金预算` / `国有资本经营预算`, amounts of rows whose names print later, then
  // `1.公务用车购置费` / `96.00` / `96.00` / `0.00` / `0.00` (-layout L578: 合计 96.00, 一般公共预算 96.00). Its columns
  // read as the template's items, 96.00 would be 因公出国（境）费.
  const lines = ['财政拨款安排的行政经费及“三公”经费预算表', '单位：万元', '项目', '行政经费', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算',
    '1.公务用车购置费', '96.00', '96.00', '0.00', '0.00'];

  it('places only the row\'s 合计, its other amounts unparsed as printed', () => {
    const { tables, unparsed } = parseStackedTables(toSourceLines(lines.join('\n')));
    const row = tables[0].rows.find((r) => r.name === '1.公务用车购置费')!;
    expect(Object.entries(row.values).filter(([, v]) => v !== null)).toEqual([['total', 96]]);
    expect(unparsed.filter((u) => u.lines.first === 9).map((u) => u.text)).toContain('96.00');
  });
});

describe('a table printing its codes in 类 / 款 / 项 columns, one cell a line', () => {
  // Our own, as 烟台 2026 支出总体情况表 prints in reading order (plain pdftotext L711-L816): the header's `类` / `款` /
  // `项` labels; each 项 opens with its own two digits (`01` / `行政单位离退休` / `141.86` / `141.86`, the -layout text
  // printing `01` in the 项 column), the 类 and 款 of the page printed together at its foot; `99`'s row followed by
  // the next 类's amounts (`1.84` / `1.84` / `237.16` / `237.16`).
  const header = ['支出总体情况表', '单位：万元', '科目编码', '科目名称', '类', '款', '合计', '基本支出', '项目支出', '结转下年', '项'];
  const body = [
    '社会保障和就业支出', '622.55', '622.55', // 12-14
    '行政事业单位养老支出', '622.55', '622.55', // 15-17
    '01', '行政单位离退休', '141.86', '141.86', // 18-21
    '02', '事业单位离退休', '99.04', '99.04', // 22-25
    '99', '其他行政事业单位养老支出', '1.84', '1.84', '237.16', '237.16', // 26-31
    '行政事业单位医疗', '237.16', '237.16', // 32-34
    '01', '行政单位医疗', '58.13', '58.13', // 35-38
  ];
  const read = (lines: string[]) => parseStackedTables(toSourceLines(lines.join('\n')));

  it('opens a row at a 项\'s two digits, which it does not take for a code: 款 or 项, the print does not show', () => {
    const { tables, unparsed } = read([...header, ...body]);
    const rows = tables[0].rows.filter((r) => r.lines.first >= 18).map((r) => [r.lines.first, r.code, r.name, r.values.total]);
    expect(rows).toEqual([
      [18, null, '行政单位离退休', 141.86],
      [22, null, '事业单位离退休', 99.04],
      [26, null, '其他行政事业单位养老支出', null],
      [32, null, '行政事业单位医疗', 237.16],
      [35, null, '行政单位医疗', 58.13],
    ]);
    expect(unparsed.filter((u) => /^\d{2}$/.test(u.text)).map((u) => [u.lines.first, u.text])).toEqual([[18, '01'], [22, '02'], [26, '99'], [35, '01']]);
  });

  it('keeps loose the amounts after a 项 that do not show one row printed whole (the next 类\'s after its own)', () => {
    const { unparsed } = read([...header, ...body]);
    expect(unparsed.filter((u) => u.lines.first >= 28 && u.lines.first <= 31).map((u) => u.text)).toEqual(['1.84', '1.84', '237.16', '237.16']);
  });

  it('takes two digits for no code where the header prints no 类 / 款 / 项 columns', () => {
    const { tables } = read([...header.filter((l) => !/^[类款项]$/.test(l)), ...body]);
    expect(tables[0].rows.some((r) => r.name === '行政单位离退休' && r.values.total !== null)).toBe(false);
  });
});

describe('a table printing every cell, zeros too, its header\'s labels printed around its 合计', () => {
  // Our own, as 上海 万里街道 2025 部门预算 prints its 收入预算总表 through plain pdftotext (L243-L343): the labels of
  // the wrapped header in reading order, 合计 among them after three others (`财政拨款收入` / `事业单位` / `经营收入` /
  // `事业收入` / `合计` / `其他收入`), where the -layout text prints 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入.
  // Every row prints its five amounts, zeros too: 合计 = 财政拨款收入, the other three 0.
  const header = ['2025年部门收入预算总表', '单位：元', '项目', '功能分类科目编码', '功能分类科目名称', '财政拨款收入', '事业单位', '经营收入', '事业收入', '合计', '其他收入']; // 1-11
  const row = (code: string, name: string, amount: string) => [code, name, amount, amount, '0', '0', '0'];
  const body = [
    ...row('201', '一般公共服务支出', '5,000,000'), // 12-18
    ...row('20103', '政府办公厅（室）及相关机构事务', '5,000,000'), // 19-25
    ...row('2010301', '行政运行', '3,000,000'), // 26-32
    ...row('2010350', '事业运行', '2,000,000'), // 33-39
  ];
  const keys = (lines: string[]) => parseStackedTables(toSourceLines(lines.join('\n'))).tables[0].columns.map((c) => c.key);

  it('reads the columns the whole header names, in the template\'s order, its 合计 given back as their total', () => {
    const { tables, unparsed } = parseStackedTables(toSourceLines([...header, ...body].join('\n')));
    expect(tables[0].columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'business', 'operating', 'other-income']);
    expect(tables[0].rows.map((r) => [r.code, r.values])).toEqual([
      ['201', { total: 5000000, fiscal: 5000000, business: 0, operating: 0, 'other-income': 0 }],
      ['20103', { total: 5000000, fiscal: 5000000, business: 0, operating: 0, 'other-income': 0 }],
      ['2010301', { total: 3000000, fiscal: 3000000, business: 0, operating: 0, 'other-income': 0 }],
      ['2010350', { total: 2000000, fiscal: 2000000, business: 0, operating: 0, 'other-income': 0 }],
    ]);
    expect(unparsed).toEqual([]);
  });

  it('takes no band over the columns for one of them: a label that is no column of the kind\'s template', () => {
    // `一般公共预算支出` over an expenditure table's 合计 / 基本支出 / 项目支出 names 一般公共预算, a source of funds.
    const expenditure = ['2025年部门支出预算总表', '单位：元', '功能分类科目编码', '一般公共预算支出', '基本支出', '合计', '项目支出'];
    const rows = [...row('201', '一般公共服务支出', '5,000,000').slice(0, 5), ...row('20103', '政府办公厅（室）及相关机构事务', '5,000,000').slice(0, 5),
      ...row('2010301', '行政运行', '3,000,000').slice(0, 5), ...row('2010350', '事业运行', '2,000,000').slice(0, 5)];
    expect(keys([...expenditure, ...rows])).toEqual(['total', 'basic', 'project']);
  });

  it('cuts a run of twice a row\'s amounts into two rows, the first the name\'s, and runs no label after it into the row before', () => {
    // 20199 prints ten amounts, its own and another row's (万里街道 2024 收入预算总表 L490-L529: `204` / `一般行政管理事务`
    // / ten amounts, the first five 一般行政管理事务's 135,200, the others 公共安全支出's 1,633,000, -layout L244-L247,
    // its name printed elsewhere); `公共安全支出` after them is a row of its own, not a piece of 20199's name. The
    // second five (L47-L51: 2,000 / 2,000 / 0 / 0 / 0, 合计 = 财政拨款收入) are a row whose name is not known.
    const twice = ['20199', '其他一般公共服务支出', ...row('', '', '1,000').slice(2), ...row('', '', '2,000').slice(2), '公共安全支出']; // 40-52
    const lines = [...header, ...body, ...twice, ...row('2040601', '行政运行', '2,000')]; // 53-59
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.loose.map((l) => l.no)).toEqual([47, 48, 49, 50, 51]);
    expect(joined.nameless.map((block) => block.map((l) => l.no))).toEqual([[47, 48, 49, 50, 51]]);
    const { tables, unparsed } = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(tables[0].columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'business', 'operating', 'other-income']);
    expect(tables[0].rows.slice(4).map((r) => [r.lines.first, r.code, r.name, r.values.total, r.flag !== null])).toEqual([
      [40, '20199', '其他一般公共服务支出', 1000, false],
      [47, null, '', 2000, true],
      // Not known to be empty: the nameless row's name may be its.
      [52, null, '公共安全支出', null, true],
      [53, '2040601', '行政运行', 2000, false],
    ]);
    expect(tables[0].rows[5].values).toEqual({ total: 2000, fiscal: 2000, business: 0, operating: 0, 'other-income': 0 });
    expect(unparsed.filter((u) => u.lines.first >= 40 && u.lines.last <= 52)).toEqual([]);
  });

  it('gives a name after two codes of different branches neither code, and the row before its own amounts', () => {
    // 万里街道 2024 收入预算总表 plain pdftotext L494-L529: `市场监督管理事务` / its five amounts (135,200 / 135,200 / 0 / 0 / 0)
    // / `201` / `38` / `02` / `204` / `一般行政管理事务` / ten amounts; the -layout text (L244-L247) prints 201 38
    // 市场监督管理事务, then 201 38 02 一般行政管理事务 and 204 公共安全支出 with 135,200 and 1,633,000.
    const lines = [...header, ...body, ...row('', '市场监督管理事务', '135,200').slice(1), '201', '38', '02', '204', '一般行政管理事务', // 40-50
      ...row('', '', '135,200').slice(2), ...row('', '', '1,633,000').slice(2)]; // 51-60
    const { tables, unparsed } = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(tables[0].rows.slice(4).map((r) => [r.lines.first, r.code, r.name, r.values.total])).toEqual([
      [40, null, '市场监督管理事务', 135200],
      [46, null, '一般行政管理事务', null],
    ]);
    expect(unparsed.filter((u) => u.lines.first >= 46 && u.lines.first <= 49).map((u) => u.text)).toEqual(['201', '38', '02', '204']);
  });

  it('gives a 类 code after another row\'s code its row where the names that follow print the 类\'s own name', () => {
    // 深圳 2026 支出总表 plain pdftotext L8675-L8680: `2121401` / `213` / `污水处理设施建设和运` / `营` / `农林水支出`, the
    // two rows' codes and then their names (-layout L3697-L3700: 2121401 污水处理设施建设和运营, 213 农林水支出). Giving 213
    // to no row, 21303 after it went under the 213 of the unit before.
    const lines = [...header, ...body, '2121401', '213', '污水处理设施建设和运', '营', '农林水支出', '10,000', '10,000', '0', '0', '0']; // 40-49
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.chained).toEqual([]);
    expect(joined.lines[40].text).toBe('213 污水处理设施建设和运 营 农林水支出 10,000 10,000 0 0 0');
    expect(joined.loose.map((l) => l.no)).toContain(40);
  });

  it('gives a name after a code and its own child the child\'s code, as where the parent is not printed', () => {
    // 万里街道 2024 plain pdftotext L782-L792: `208` / `05` / `208` / `05` / `01` / `行政单位离退休` (-layout L255: 2080501).
    const lines = [...header, ...body, '201', '03', ...row('2010301', '行政运行', '3,000,000')]; // 40-41, 42-48
    const { tables } = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(tables[0].rows.slice(4).map((r) => [r.lines.first, r.code, r.name])).toEqual([[42, '2010301', '行政运行']]);
  });
});

describe('several rows\' amounts after one name, their names printed at the page\'s foot', () => {
  // Our own, as 广州 2026 部门预算基本支出预算表 (表11) prints through plain pdftotext: a unit's row, its 经济分类 rows,
  // every cell printed, zeros too (总计 = 财政拨款合计 + 财政专户拨款 + 其他资金; 合计 = 一般公共预算 + 政府性基金预算 +
  // 国有资本经营预算). L2448-L2490 print `商品和服务支出` and then three rows' amounts, 683.86, 1,521.14 and 814.42 (seven
  // each; the -layout text's L634-L638: 商品和服务支出, 对个人和家庭的补助, 广州市南部水网流域事务中心); the two names come at
  // the page's foot (L2704-L2706), before `- 20 -` and the header the next page repeats, whose rows of those names
  // (L2741 on) were then stopped as header labels. Here: 合计 600.00 = 甲单位 400.00 + 乙单位 200.00; 甲单位 = 300.00 +
  // 60.00 + 40.00; 乙单位 = 150.00 + 50.00; after 商品和服务支出 (L39) the amounts of 60.00, 40.00 (对个人和家庭的补助) and
  // 200.00 (乙单位), those two names at L77-L78.
  const header = ['支出项目类别（资金使用', '单位）', '财政拨款', '总计', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算', '财政专户拨款', '其他资金'];
  const cells = (amount: string, general = amount) => [amount, amount, general, '0.00', '0.00', '0.00', '0.00'];
  const page = (third: string[], foot = ['对个人和家庭的补助', '乙单位']) => [
    '表11', '部门预算基本支出预算表', '单位名称：某某局', '单位：万元', ...header, // 1-14
    '合计', ...cells('600.00'), // 15-22
    '甲单位', ...cells('400.00'), // 23-30
    '工资福利支出', ...cells('300.00'), // 31-38
    '商品和服务支出', ...cells('60.00'), ...cells('40.00'), ...third, // 39-60
    '工资福利支出', ...cells('150.00'), // 61-68
    '商品和服务支出', ...cells('50.00'), // 69-76
    ...foot, '- 2 -', // 77-79
    ...header, // 80-89
    '丙单位', ...cells('90.00'), // 90-97
    '工资福利支出', ...cells('70.00'), // 98-105
    '对个人和家庭的补助', ...cells('20.00'), // 106-113
  ];
  const lines = page(cells('200.00'));
  // The foot's two lines make one name (neither a class's nor a row's name, one under the other), not two.
  const runOn = page(cells('200.00'), ['乙单位', '丁单位']);

  it('gives each row after the first the name the page\'s foot prints for it, in order, where it prints one each', () => {
    // L77 `对个人和家庭的补助` (a class's name, 303) and L78 `乙单位`: two names for the two runs L47-L53 and L54-L60.
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.nameless).toEqual([]);
    expect([joined.lines[46].text, joined.lines[76].text, joined.lines[77].text]).toEqual(['对个人和家庭的补助 40.00 40.00 40.00 0.00 0.00 0.00 0.00', '', '']);
    const { tables, unparsed } = parseStackedTables(toSourceLines(lines.join('\n')));
    const rows = tables[0].rows.filter((r) => r.lines.first >= 39 && r.lines.last <= 78);
    expect(rows.map((r) => [r.lines.first, r.lines.last, r.name, r.values.total, r.values.general, r.values['other-income'], r.flag])).toEqual([
      [39, 46, '商品和服务支出', 60, 60, 0, null],
      [47, 53, '对个人和家庭的补助', 40, 40, 0, null],
      [54, 60, '乙单位', 200, 200, 0, null],
      [61, 68, '工资福利支出', 150, 150, 0, null],
      [69, 76, '商品和服务支出', 50, 50, 0, null],
    ]);
    expect(unparsed.filter((u) => u.lines.first >= 39 && u.lines.last <= 79)).toEqual([]);
    // The foot's lines stay the table's printed text.
    expect(parseTables(toSourceLines(lines.join('\n')), 'stacked').tables[0].printed?.filter((p) => p.lines.first >= 77 && p.lines.first <= 78).map((p) => p.text)).toEqual(['对个人和家庭的补助', '乙单位']);
  });

  it('joins a name wrapped over lines at the foot, and takes a blank line for two cells\' border', () => {
    // L77-L79 `对个人和家庭的补助` / `乙单位某某事务` / `中心`: the two lines after the class's name one name, wrapped.
    const wrapped = joinStackedRows(toSourceLines(page(cells('200.00'), ['对个人和家庭的补助', '乙单位某某事务', '中心']).join('\n')));
    expect(wrapped.lines[53].text).toBe('乙单位某某事务 中心 200.00 200.00 200.00 0.00 0.00 0.00 0.00');
    // L77-L79 `乙单位` / blank / `丙单位`: two cells, the blank line between them.
    const apart = joinStackedRows(toSourceLines(page(cells('200.00'), ['乙单位', '', '丙单位']).join('\n')));
    expect([apart.lines[46].text, apart.lines[53].text]).toEqual(['乙单位 40.00 40.00 40.00 0.00 0.00 0.00 0.00', '丙单位 200.00 200.00 200.00 0.00 0.00 0.00 0.00']);
  });

  it('gives the name the first row\'s amounts and takes each other row\'s as a row without a name, flagged', () => {
    const joined = joinStackedRows(toSourceLines(runOn.join('\n')));
    expect(joined.nameless.map((block) => [block[0].no, block[block.length - 1].no])).toEqual([[47, 53], [54, 60]]);
    const { tables, unparsed } = parseStackedTables(toSourceLines(runOn.join('\n')));
    const rows = tables[0].rows.filter((r) => r.lines.first >= 39 && r.lines.last <= 76);
    expect(rows.map((r) => [r.lines.first, r.lines.last, r.name, r.values.total, r.values.general, r.values['other-income']])).toEqual([
      [39, 46, '商品和服务支出', 60, 60, 0],
      [47, 53, '', 40, 40, 0],
      [54, 60, '', 200, 200, 0],
      [61, 68, '工资福利支出', 150, 150, 0],
      [69, 76, '商品和服务支出', 50, 50, 0],
    ]);
    expect(rows.map((r) => r.flag !== null)).toEqual([false, true, true, false, false]);
    expect(unparsed.filter((u) => u.lines.first >= 39 && u.lines.last <= 76)).toEqual([]);
  });

  it('stops no row of the next page at a name printed at the foot of the page before', () => {
    const { tables } = parseStackedTables(toSourceLines(lines.join('\n')));
    const row = tables[0].rows.find((r) => r.lines.first === 106);
    expect([row?.name, row?.lines.last, row?.values.total]).toEqual(['对个人和家庭的补助', 113, 20]);
  });

  it('takes every row of a run after the header, name or not, for a row without a name', () => {
    // As 深圳 2026 收入总表 plain pdftotext L2378-L2442: after the header's last label, 33 amounts, 深圳市水务局's,
    // 本级's and 水务工程质量安全监督站's eleven each (-layout L2710-L2715), the names printed after them. Here `丙单位`
    // (L90) is the header run's last line, which a header's label may be too: no row is known to be its. 丙单位 90.00 =
    // 工资福利支出 70.00 (its name not printed) + 对个人和家庭的补助 20.00; 丁单位 30.00 = 工资福利支出 30.00.
    const run = [...lines.slice(0, 89), '丙单位', ...cells('90.00'), ...cells('70.00'), // 90, 91-97, 98-104
      '对个人和家庭的补助', ...cells('20.00'), '丁单位', ...cells('30.00'), '工资福利支出', ...cells('30.00')]; // 105-128
    const joined = joinStackedRows(toSourceLines(run.join('\n')));
    expect(joined.nameless.filter((b) => b[0].no > 89).map((b) => [b[0].no, b[b.length - 1].no])).toEqual([[91, 97], [98, 104]]);
  });

  it('leaves unplaced, saying why, a row\'s amounts that do not hold the row\'s identities in printed order', () => {
    // 合计 200.00 over 一般公共预算 150.00 and nothing else (L54-L60): no row prints so.
    const { tables, unparsed } = parseStackedTables(toSourceLines(page(cells('200.00', '150.00'), ['乙单位', '丁单位']).join('\n')));
    expect(tables[0].rows.filter((r) => r.lines.first >= 47 && r.lines.first <= 60)).toEqual([
      expect.objectContaining({ name: '', values: expect.objectContaining({ total: 40 }) }),
    ]);
    const left = unparsed.filter((u) => u.lines.first >= 54 && u.lines.last <= 60);
    expect(left.map((u) => [u.lines.first, u.text])).toEqual([[54, '200.00'], [55, '200.00'], [56, '150.00'], [57, '0.00'], [58, '0.00'], [59, '0.00'], [60, '0.00']]);
    expect(left.every((u) => u.reason.includes('名称没有印在它们之前'))).toBe(true);
    // The row whose name the foot of the page prints with the others may be this one: not known to be empty.
    expect(tables[0].rows.find((r) => r.lines.first === 77)?.flag).not.toBeNull();
  });
});

describe('a code printed apart from its name, before the header a later page repeats', () => {
  // 深圳 2026 表8 through plain pdftotext (L30288-L30306): `30399` / `其他对个人和家庭的补助` / `310` / `支出总计` /
  // `基本支出` / `项目支出`, 310 资本性支出's code, its name printed after the header.
  const lines = ['一般公共预算支出表（按经济分类）', '单位：万元', '科目编码', '科目名称', '支出总计', '基本支出', '项目支出', // 1-7
    '303', '对个人和家庭的补助', '257.80', '257.80', '0.00', // 8-12
    '30399', '其他对个人和家庭的补助', '310', '支出总计', '基本支出', '项目支出', // 13-18
    '资本性支出', '870.92', '0.00', '870.92']; // 19-22

  it('ends the name before it: the code is no piece of the name, nor an amount of its row', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.lines[12].text).toBe('30399 其他对个人和家庭的补助');
    expect(joined.loose.map((l) => l.text)).toContain('310');
  });
});

describe('a header printed one label a line, its last labels without a header word', () => {
  // Our own, as 广州 2026 表11 部门预算基本支出预算表 prints its header through plain pdftotext (L2384-L2398): `财政拨款`
  // / `总计` / `合计` / `一般公共预算` / `政府性基金预算` / `国有资本经营预算` / `财政专户拨款` / `其他资金`, the last two
  // naming columns of the template without 预算 / 收入 / 支出 in them. Every row prints its seven amounts, zeros too:
  // 总计 = 财政拨款 (合计) + 财政专户拨款 + 其他资金, 财政拨款 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算.
  const lines = ['部门预算基本支出预算表', '单位：万元', '支出项目类别', '财政拨款', '总计', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算', '财政专户拨款', '其他资金', // 1-11
    '合计', '300.00', '280.00', '280.00', '0.00', '0.00', '20.00', '0.00', // 12-19
    '单位甲', '200.00', '180.00', '180.00', '0.00', '0.00', '20.00', '0.00', // 20-27
    '工资福利支出', '150.00', '150.00', '150.00', '0.00', '0.00', '0.00', '0.00', // 28-35
    '单位乙', '100.00', '100.00', '100.00', '0.00', '0.00', '0.00', '0.00']; // 36-43

  it('reads them as the header\'s, not as the first row\'s name, and the seven columns they name', () => {
    const [table] = parseStackedTables(toSourceLines(lines.join('\n'))).tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special', 'other-income']);
    expect(table.rows.map((r) => [r.lines.first, r.name, r.values.total, r.values.general, r.values['fiscal-special']])).toEqual([
      [12, '合计', 300, 280, 20],
      [20, '单位甲', 200, 180, 20],
      [28, '工资福利支出', 150, 150, 0],
      [36, '单位乙', 100, 100, 0],
    ]);
  });

  it('takes such a label for the header\'s only in a table whose template has that column', () => {
    // A 收支总表's item (`三、单位资金`, `上年结转`) names a column of other tables; a table of no known kind says nothing.
    const rows = (texts: string[]) => texts.map((text, i) => ({ line: { no: i + 1, text, raw: text }, cells: [{ text }], furniture: false }));
    const printed = rows(['科目名称', '合计', '其他资金', '1.00']);
    expect(rowMarks(printed as never, 'basic-expenditure').headerRows).toBe(3);
    expect(rowMarks(printed as never, 'income-expenditure-summary').headerRows).toBe(2);
    expect(rowMarks(printed as never).headerRows).toBe(2);
  });
});

describe("codes in brackets, one cell a line, on a table's later page", () => {
  // 广州 水务局 2026 表6 through plain pdftotext (L1965-L2031): `- 14 -`, the header again (`部门预算支出经济科目` /
  // `预算`), then `[30228]工会经费` / `324.64` and the rest. Made-up figures in that layout: 合计 130.00 = 301 100.00 +
  // 302 30.00, 301 = 30101 100.00, 302 = 30201 30.00.
  const text = [
    '一般公共预算基本支出情况表（按经济分类科目）', '单位：万元', '', '部门预算支出经济科目', '', '预算', '', '合计', '', '130.00', '',
    '[301]工资福利支出', '', '100.00', '', '[30101]基本工资', '', '100.00', '', '- 14 -', '', '部门预算支出经济科目', '', '预算', '',
    '[302]商品和服务支出', '', '30.00', '', '[30201]办公费', '', '30.00',
  ].join('\n');

  it('starts a row at each, after the header printed again as before it', () => {
    const [table] = parseStackedTables(toSourceLines(text)).tables;
    expect(table.columns.map((c) => [c.key, c.label])).toEqual([['total', '预算']]);
    expect(table.rows.map((r) => [r.code ?? r.name, r.values.total])).toEqual([
      ['合计', 130],
      ['301', 100],
      ['30101', 100],
      ['302', 30],
      ['30201', 30],
    ]);
  });
});

describe('a header printed one label a line, wrapped labels in pieces, two groups over their members', () => {
  // Our own, with 深圳 2026 表4 基本支出总表's header as plain pdftotext prints it (L10848-L10893, the unit's name left
  // out): reading order goes along each printed line of the header, so a label's pieces stand apart (`国有资本经` L11 /
  // `营预算拨款` L14, `事业单位` L18 / `经营收入` L21), 总计 and 小计 among them; the -layout text (L4062-L4066) prints
  // 总计 | 财政拨款 {小计, 一般公共预算拨款, 政府性基金预算拨款, 国有资本经营预算拨款} | 财政专户管理资金 | 单位资金
  // {事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入} | 上年结余、结转: twelve columns, 单位资金 a
  // heading only. Every row prints its twelve amounts, zeros too: 总计 = 小计 + 财政专户管理资金 + 上年结余、结转 (the
  // 单位资金 sources 0), 小计 = 一般公共 + 政府性基金 + 国有资本经营; 合计 = 单位甲 + 单位乙 in each column.
  const none = ['0.00', '0.00', '0.00', '0.00', '0.00'];
  const lines = ['基本支出总表', '单位：万元', '财政拨款', '支出项目类别', '总计', '小计', '单位资金', '财政专户', '一般公共', '政府性基金', // 1-10
    '国有资本经', '预算拨款', '预算拨款', '营预算拨款', '管理资金', '事业收入', '上年结余、', '事业单位', '上级补助', '附属单位', // 11-20
    '经营收入', '收入', '上缴收入', '其他收入', '结转', // 21-25
    '合计', '300.00', '250.00', '200.00', '30.00', '20.00', '30.00', ...none, '20.00', // 26-38
    '单位甲', '200.00', '180.00', '180.00', '0.00', '0.00', '20.00', ...none, '0.00', // 39-51
    '工资福利支出', '150.00', '150.00', '150.00', '0.00', '0.00', '0.00', ...none, '0.00', // 52-64
    '单位乙', '100.00', '70.00', '20.00', '30.00', '20.00', '10.00', ...none, '20.00']; // 65-77

  it('gives its 总计 back as the header\'s and reads the twelve columns the joined pieces name', () => {
    const { tables, unparsed } = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(tables[0].columns.map((c) => c.key)).toEqual([
      'total', 'fiscal', 'general', 'fund', 'state-capital', 'fiscal-special',
      'business', 'operating', 'subsidy-from-superior', 'affiliated', 'other-income', 'carryover',
    ]);
    expect(tables[0].rows.map((r) => [r.lines.first, r.name, r.values.total, r.values.fiscal, r.values['state-capital'], r.values.carryover])).toEqual([
      [26, '合计', 300, 250, 20, 20],
      [39, '单位甲', 200, 180, 0, 0],
      [52, '工资福利支出', 150, 150, 0, 0],
      [65, '单位乙', 100, 70, 20, 20],
    ]);
    expect(unparsed).toEqual([]);
  });

  it('gives back no 合计 from a header whose template labels only a code\'s row holds', () => {
    // As 上海 万里街道 2024 一般公共预算支出功能分类预算表 plain pdftotext L2371-L2468: the codes printed among the header's
    // labels, `基本支出` / `项目支出` / `项` after `201` / `29` (L15-L19 here), then `合计`, the 07 / 02 / 02 pieces and the
    // first row's amounts. The -layout text prints 合计 over the column of 基本支出 | 项目支出 and no 合计 row; the
    // labels stand in a row of their own here, which names no column: 合计 gives nothing to read a row from.
    const printed = ['2024年部门一般公共预算支出功能分类预算表', '单位：元', '项目', '一般公共预算支出', '功能分类科目编码', '功能分类科目名称', // 1-6
      '类', '款', '一般公共服务支出', '05', '201', '05', '201', '29', '201', '29', '基本支出', '项目支出', '项', '201', '201', '合计', // 7-22
      '07', '02', '02', '300', '0', '300', '统计信息事务', '100', '0', '100', '专项普查活动', '100', '0', '100', // 23-36
      '群众团体事务', '200', '0', '200', '一般行政管理事务', '200', '0', '200']; // 37-44
    const { tables } = parseStackedTables(toSourceLines(printed.join('\n')));
    // The rows after the header's last labels (L15-L19 stay as the reader takes them): none at L22.
    expect(tables[0].rows.filter((r) => r.lines.first > 19).map((r) => [r.lines.first, r.name, r.values.total])).toEqual([
      [29, '统计信息事务', 100],
      [33, '专项普查活动', 100],
      [37, '群众团体事务', 200],
      [41, '一般行政管理事务', 200],
    ]);
  });
});

describe('a list of one amount a row, one cell a line, its 合计 printed in the header', () => {
  // Our own, as 北京 民政局 2026 预算11表 财政拨款政府购买服务明细表 prints through plain pdftotext (L3876-L4214): the
  // header's `合` and `计` apart (L3882, L3888), the 合计 300.500000 after it, then each row's 一级 / 二级 / 三级 and its
  // one amount; the 二级 cell of row 19 wraps, its last piece `务` printed after the 三级 (as L4318-L4325, whose row the
  // -layout text prints whole, `02-政府履职辅助性服务 0207-评审、评估和评价服务 评估和评价服务 44.100000`, L566). The
  // rows add up: 50.000000 + 100.250000 + 30.000000 + 70.250000 + 50.000000 = 300.500000.
  const lines = ['2026年财政拨款政府购买服务明细表', '单位：万元', '指导性目录', '预算金额', '一级', '合', '二级', '三级', '计', // 1-9
    '300.500000', // 10
    '01-公共服务', '0101-公共安全服务', '安全风险评估服务', '50.000000', // 11-14
    '01-公共服务', '0104-社会保障服务', '养老服务', '100.250000', // 15-18
    '02-政府履职辅助性服务', '0207-评审、评估和评价服', '评审服务', '务', '30.000000', // 19-23
    '02-政府履职辅助性服务', '0208-咨询服务', '咨询服务', '70.250000', // 24-27
    '02-政府履职辅助性服务', '0208-咨询服务', '咨询服务', '50.000000']; // 28-31

  it('joins each row of its labels to its amount, reading order holding row by row, the catalogue\'s levels cells of their own', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.lines.filter((l) => /\d$/.test(l.text)).map((l) => [l.no, l.text])).toEqual([
      [11, '01-公共服务 0101-公共安全服务 安全风险评估服务 50.000000'],
      [15, '01-公共服务 0104-社会保障服务 养老服务 100.250000'],
      [19, '02-政府履职辅助性服务 0207-评审、评估和评价服 评审服务 务 30.000000'],
      [24, '02-政府履职辅助性服务 0208-咨询服务 咨询服务 70.250000'],
      [28, '02-政府履职辅助性服务 0208-咨询服务 咨询服务 50.000000'],
    ]);
  });

  it('keeps loose the 合计 after the header, whose labels are no row\'s name', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.loose.map((l) => [l.no, l.text])).toEqual([[10, '300.500000']]);
  });

  it('keeps loose the amount after a name longer than a row\'s: four lines after codes that are no catalogue\'s levels', () => {
    // Row 19's lines again, its 二级 code `0307` no level under its 一级 `02`: four lines of a name, no row's.
    const unnested = [...lines.slice(0, 19), '0307-评审、评估和评价服', ...lines.slice(20)];
    const joined = joinStackedRows(toSourceLines(unnested.join('\n')));
    expect(joined.loose.map((l) => [l.no, l.text])).toEqual([
      [10, '300.500000'],
      [23, '30.000000'],
    ]);
  });

  it('does not read a two-sided table so, which prints each side\'s rows in their own order', () => {
    // As 北京 2026 预算01表 收支总表 (opdef L75-L100; -layout L34-L35 prints 上年结转结余 3,555.801664 and 年终结转结余
    // 1,776.860854): `本年支出合计` / `3,555.801664 年终结转结余` is no row of 本年支出合计's.
    const twoSided = ['2026年收支总表', '单位：万元', '收入', '支出', '项目', '预算数', '项目', '预算数', // 1-8
      '二十二、灾害防治及应急管理支出', '12.500000', '二十三、其他支出', '8.250000', // 9-12
      '本年收入合计', '上年结转结余', '67,538.364392', '本年支出合计', '3,555.801664 年终结转结余', // 13-17
      '收入总计', '71,094.166056', '69,317.305202', '1,776.860854', '支出总计', '71,094.166056']; // 18-23
    const joined = joinStackedRows(toSourceLines(twoSided.join('\n')));
    expect(joined.lines.filter((l) => l.text.includes('本年支出合计'))).toEqual([]);
    expect(joined.loose.filter((l) => l.no === 17).map((l) => l.text)).toEqual(['3,555.801664']);
  });

  it('does not read a table printing its empty cells so: a zero alone, or a label naming a column, is no row of one amount', () => {
    // 上海 普陀 规划资源局 2024 基本支出决算表 (shdef L1175-L1190: `电费` / `邮电费` / `236.63` / `取暖费` / `0.00`) and 福州
    // 2026 收入预算总表 (opdef L304-L317: `政府性基` / `金预算拨` / `款收入` / `0.00`), each after amounts went loose.
    const zeros = ['2026年部门收入预算总表', '单位：万元', '单位名称', '合计', '一般公共预算', '国有资本', '其他收入', '70.00', // 1-8
      '某单位', '70.00', '事业收入', '0.00', '上级补助收入', '0.00', '附属单位上缴收入', '0.00', '其他收入', '0.00']; // 9-18
    const joined = joinStackedRows(toSourceLines(zeros.join('\n')));
    expect(joined.lines.filter((l) => /\d$/.test(l.text))).toEqual([]);
  });
});

describe('a “三公” table whose header wraps every fund\'s label, printed one cell a line', () => {
  // Our own, as 深圳 水务局 2026 表9 prints through plain pdftotext (L31018-L31155): each item's columns by fund, the
  // funds' labels wrapped in their cells, so that the first lines of all of them come first (L31047-L31081, here 8-13)
  // and then the second lines (L31083-L31117, here 14-19); the -layout text prints them as two header lines
  // (L7230-L7231). The units' names stand in the header (L31027-L31033, here 4-5), their rows named by year, as the
  // -layout text's L7232-L7239 print them. Each row's 合计 is the sum of its items in each fund: 30.00 = 10.00 +
  // 20.00, 12.50 = 5.00 + 7.50, 8.00 = 0.00 + 8.00, 4.00 = 4.00 + 0.00; the 政府性基金预算 columns are 0.00.
  const lines = ['2026年财政拨款“三公”经费支出表', '单位：万元', '合计', '某局', '某中心', '因公出国（境）费', '公务接待费', // 1-7
    '一般公共预', '政府性基', '一般公共预', '政府性基', '一般公共预', '政府性基', // 8-13
    '算', '金预算', '算', '金预算', '算', '金预算', // 14-19
    '2025 年', '30.00', '0.00', '10.00', '0.00', '20.00', '0.00', // 20-26
    '2026 年', '12.50', '0.00', '5.00', '0.00', '7.50', '0.00', // 27-33
    '2025 年', '8.00', '0.00', '0.00', '0.00', '8.00', '0.00', // 34-40
    '2026 年', '4.00', '0.00', '4.00', '0.00', '0.00', '0.00']; // 41-47

  it('joins the halves pairwise into the funds\' labels and reads each item\'s column by fund', () => {
    const table = parseStackedTables(toSourceLines(lines.join('\n'))).tables[0];
    expect(table.kind).toBe('three-public-expenditure');
    expect(table.columns.map((c) => c.key)).toEqual([
      'total.general', 'total.fund', 'outbound-travel.general', 'outbound-travel.fund', 'reception.general', 'reception.fund',
    ]);
  });

  it('reads the first row after the header, whose name follows the halves, and the later rows of the same name', () => {
    const read = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(read.tables[0].rows.map((r) => [r.lines.first, r.name, Object.values(r.values)])).toEqual([
      [20, '2025年', [30, 0, 10, 0, 20, 0]],
      [27, '2026年', [12.5, 0, 5, 0, 7.5, 0]],
      [34, '2025年', [8, 0, 0, 0, 8, 0]],
      [41, '2026年', [4, 0, 4, 0, 0, 0]],
    ]);
    expect(read.unparsed).toEqual([]);
  });

  it('takes no name after the header where more lines follow its last label than a name prints', () => {
    // Four lines after the last halves: no row's name, its amounts stay loose.
    const long = [...lines.slice(0, 19), '某', '局', '本', '级', ...lines.slice(20)];
    const joined = joinStackedRows(toSourceLines(long.join('\n')));
    expect(joined.loose.map((l) => l.no)).toEqual([24, 25, 26, 27, 28, 29]);
  });

  it('leaves to the header a label its next page prints again before the first row\'s name', () => {
    // As 深圳 2026 基本支出总表 prints `结转` of `上年结余、` / `结转` last in its header on every page (L10892, L11386):
    // here too, a piece no column's label is known by, before each page's first row. Pages of three and four rows.
    const header = [...lines.slice(2, 19), '结转'];
    const rows = lines.slice(19);
    const twoPages = [lines[0], lines[1], ...header, ...rows.slice(0, 21), '- 1 -', lines[0], lines[1], ...header, ...rows.slice(7), ...rows.slice(14, 21)];
    const table = parseStackedTables(toSourceLines(twoPages.join('\n'))).tables[0];
    expect(table.rows.map((r) => [r.name, Object.values(r.values)])).toEqual([
      ['2025年', [30, 0, 10, 0, 20, 0]],
      ['2026年', [12.5, 0, 5, 0, 7.5, 0]],
      ['2025年', [8, 0, 0, 0, 8, 0]],
      ['2026年', [12.5, 0, 5, 0, 7.5, 0]],
      ['2025年', [8, 0, 0, 0, 8, 0]],
      ['2026年', [4, 0, 4, 0, 0, 0]],
      ['2025年', [8, 0, 0, 0, 8, 0]],
    ]);
  });

  it('joins no halves whose pairs are not labels: the columns stay unread', () => {
    // `政府性基` with `预算`: 政府性基预算 names no column.
    const unpaired = lines.map((l) => (l === '金预算' ? '预算' : l));
    const table = parseStackedTables(toSourceLines(unpaired.join('\n'))).tables[0];
    expect(table.columns.some((c) => c.key.includes('.'))).toBe(false);
  });
});

describe('a header\'s labels that reading order printed among the rows', () => {
  // Our own, as 上海 普陀 司法局 2026 单位预算 prints its 基本支出 table through plain pdftotext (L1339-L1391): the first
  // row's name and amounts (`工资福利支出`, L7-L10 here) among the header's labels, then the header's `款` (L11), the
  // first row's code `301` and two more of the header's labels (L12-L14), then the rows. The -layout text (L268-L273)
  // prints `类 款` and 一般公共预算基本支出 over 合计 / 人员经费 / 公用经费 as the header, and `301 工资福利支出`.
  // Figures: 301 300.00 = 30101 100.00 + 30102 200.00, all 人员经费.
  const lines = ['2026年一般公共预算基本支出部门预算经济分类预算表', '单位：元', '经济分类科目编码', '类', '部门经济分类科目名称', '合计', // 1-6
    '工资福利支出', '300.00', '300.00', '0.00', // 7-10
    '款', '301', '一般公共预算基本支出', '公用经费', // 11-14
    '301', '01', '基本工资', '100.00', '100.00', '0.00', // 15-20
    '301', '02', '津贴补贴', '200.00', '200.00', '0.00']; // 21-26

  it('makes no row of them, nor of the code printed before them, which is left loose', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.lines.filter((l) => l.no >= 11 && l.no <= 14 && l.text !== '')).toEqual([]);
    expect(joined.loose.map((l) => [l.no, l.text])).toEqual([[12, '301']]);
    const { tables } = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(tables[0].rows.map((r) => [r.lines.first, r.code, r.name, r.values.total, r.values.personnel])).toEqual([
      [7, null, '工资福利支出', 300, 300],
      [15, '30101', '基本工资', 100, 100],
      [21, '30102', '津贴补贴', 200, 200],
    ]);
  });
});

describe('a list of one amount a row, one cell a line, the header\'s one amount label a total\'s name', () => {
  // Our own, as 江苏 政协 2018 公开12表 政府采购预算表 prints through plain pdftotext (opdef L786-L806): the total row's
  // name `合计` (L4 here) after the header's first label, the header's `总计` (L10) just before the total row's amount,
  // then rows of one amount each. The -layout text (L310-L316) prints `采购品目大类 专项名称 经济科目 采购物品名称
  // 采购组织形式 总计` and `合计 1,281.76`. Figures: 100.00 = 一、货物A 60.00 + 三、服务C 40.00; 60.00 = 40.00 + 20.00.
  const lines = ['2018年政府采购预算表', '部门：某单位', '采购品目大类', '合计', '单位：万元', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计', // 1-10
    '100.00', '一、货物A', '60.00', '办公设备购置费', '办公设备购置', '60.00', '台式计算机', '分散自行组织', '40.00', // 11-19
    '复印机', '分散自行组织', '20.00', '三、服务C', '40.00', '会议服务', '分散自行组织', '40.00']; // 20-27

  it('gives the total\'s name no row took back to the header as its one amount column\'s, and reads every row\'s amount', () => {
    const { tables, unparsed } = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(tables[0].columns.map((c) => c.key)).toEqual(['total']);
    // Which of 合计 and 总计 is the row's the print does not show; the row at L10 is the total row either way.
    expect(tables[0].rows.map((r) => [r.lines.first, r.name, r.values.total])).toEqual([
      [10, '总计', 100],
      [12, '一、货物A', 60],
      [14, '办公设备购置费办公设备购置', 60],
      [17, '台式计算机分散自行组织', 40],
      [20, '复印机分散自行组织', 20],
      [23, '三、服务C', 40],
      [25, '会议服务分散自行组织', 40],
    ]);
    expect(unparsed).toEqual([]);
  });

  it('gives no total\'s name back where a label of the header names the one amount', () => {
    // As 福州 2026 基本支出经济分类情况表 (opdef L813-L834): `预算数`, then the total row's amount before its name `合计`.
    // Figures: 300.00 = 301 200.00 + 302 100.00; 302 = 30201 100.00.
    const named = ['2026年度一般公共预算基本支出经济分类情况表', '单位：万元', '科目编码', '科目名称', '预算数', '300.00', '合计', // 1-7
      '301', '工资福利支出', '200.00', '302', '商品和服务支出', '100.00', '30201', '办公费', '100.00']; // 8-16
    const { tables } = parseStackedTables(toSourceLines(named.join('\n')));
    expect(tables[0].columns.map((c) => c.key)).toEqual(['total']);
    expect(tables[0].rows.map((r) => [r.code, r.values.total])).toEqual([['301', 200], ['302', 100], ['30201', 100]]);
  });

  it('reads the same list where a line holds the whole header (single-space text), its one amount under 总计', () => {
    const spaced = ['2018年政府采购预算表', '单位：万元', '采购品目大类 专项名称 经济科目 采购物品名称 采购组织形式 总计', '合计 100.00', // 1-4
      '一、货物A 60.00', '办公设备购置费 办公设备购置 60.00', '台式计算机 分散自行组织 40.00', '复印机 分散自行组织 20.00']; // 5-8
    const { tables } = parseSpacedTables(toSourceLines(spaced.join('\n')));
    expect(tables[0].columns.map((c) => c.key)).toEqual(['total']);
    expect(tables[0].rows.map((r) => [r.lines.first, r.values.total])).toEqual([[4, 100], [5, 60], [6, 60], [7, 40], [8, 20]]);
  });
});

describe('runs of a header\'s labels that reading order printed among the rows', () => {
  // Our own, as 西安 2022 表7 (plain pdftotext L3640-L3646: `合计` / `人员经费支出` / `公用经费支出` / `备注` between
  // 214's codes and 2140101, the -layout text's header L926) and 福州 2026 支出总表 (L534-L545: `事业单位经营` / `支出` /
  // `上缴上级支出`, then `单位：万元` / `对附属单位补` / `助支出`, their 0.00s loose) print them. Figures: 214 30.00 =
  // 2140101 10.00 + 2140102 20.00, 人员经费支出 + 公用经费支出 each row.
  const lines = ['2022年一般公共预算基本支出明细表', '单位：万元', '功能科目编码', '功能科目名称', '合计', '人员经费支出', '公用经费支出', // 1-7
    '214', '交通运输支出', '30.00', '25.00', '5.00', // 8-12
    '合计', '人员经费支出', '公用经费支出', '备注', // 13-16
    '2140101', '行政运行', '10.00', '8.00', '2.00', // 17-21
    '事业单位经营', '支出', '上缴上级支出', // 22-24
    '2140102', '一般行政管理事务', '20.00', '17.00', '3.00']; // 25-29

  it('makes no row of them: they are the table\'s printed text', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.lines.filter((l) => ((l.no >= 14 && l.no <= 16) || (l.no >= 22 && l.no <= 24)) && l.text !== '')).toEqual([]);
    const { tables } = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(tables[0].rows.map((r) => [r.lines.first, r.code, r.name, r.values.total, r.values.personnel, r.values.public])).toEqual([
      [8, '214', '交通运输支出', 30, 25, 5],
      [17, '2140101', '行政运行', 10, 8, 2],
      [25, '2140102', '一般行政管理事务', 20, 17, 3],
    ]);
  });

  it('makes no row of them after the last row either: the table runs on over them and the amounts among them', () => {
    // As 福州 L532-L546 after 2210203's row (L524-L530) and before the next table's title (L548): the page's number,
    // the labels, the 合计 row's 0.00s of their columns among them (-layout L248), here L30-L39, the next title L40.
    const after = [...lines, '- 11 -', '事业单位经营', '支出', '上缴上级支出', '0.00', '0.00', '单位：万元', '对附属单位补', '助支出', '0.00', // 30-39
      '2022年政府性基金预算支出表', '单位：万元', '功能科目编码', '功能科目名称', '合计', '215', '资源勘探工业信息等支出', '5.00']; // 40-47
    const { tables, unparsed } = parseStackedTables(toSourceLines(after.join('\n')));
    expect(tables[0].lines).toEqual({ first: 1, last: 39 });
    expect(tables[0].rows.map((r) => r.lines.first)).toEqual([8, 17, 25]);
    expect(unparsed.filter((u) => u.lines.first >= 30 && u.lines.first <= 39).map((u) => [u.lines.first, u.text])).toEqual([[34, '0.00'], [35, '0.00'], [39, '0.00']]);
    const printed = parseTables(toSourceLines(after.join('\n')), 'stacked').tables[0].printed ?? [];
    expect(printed.filter((p) => p.lines.first >= 30).map((p) => p.text)).toEqual(['事业单位经营', '支出', '上缴上级支出', '单位：万元', '对附属单位补', '助支出']);
  });

  it('makes no row of a header\'s label alone after the last row, its amounts the table\'s', () => {
    // As 上海 普陀 政府办公室 2025 部门预算 L938-L946: the 合计 row's 91,016,775.35 / 24,606,775.35, `合计`, `项目支出`, its
    // 66,410,000.00, the next title (-layout L176: 合计 | 基本支出 | 项目支出 the header). Here L30-L34, the next title L35.
    const after = [...lines, '30.00', '25.00', '合计', '公用经费支出', '5.00', // 30-34
      '2022年政府性基金预算支出表', '单位：万元', '功能科目编码', '功能科目名称', '合计', '215', '资源勘探工业信息等支出', '5.00']; // 35-42
    const { tables, unparsed } = parseStackedTables(toSourceLines(after.join('\n')));
    expect([tables[0].lines, tables[0].rows.map((r) => r.lines.first)]).toEqual([{ first: 1, last: 34 }, [8, 17, 25]]);
    const left = unparsed.filter((u) => u.lines.first >= 30 && u.lines.first <= 34).sort((a, b) => a.lines.first - b.lines.first);
    expect(left.map((u) => [u.lines.first, u.text])).toEqual([[30, '30.00'], [31, '25.00'], [32, '合计'], [34, '5.00']]);
  });

  it('makes no row of the header\'s last label printed at a page\'s foot', () => {
    // As 西安 2022 表6 prints `备注` (its header's last column) after each page's last row (L2275, L2551 …), then the
    // page's number and the header the next page repeats. Here `备注` L30, `- 2 -` L31, the header L32-L38, 2140104 L39.
    const paged = [...lines, '备注', '- 2 -', ...lines.slice(0, 7), '2140104', '公路建设', '40.00', '40.00', '0.00']; // 30-43
    const { tables } = parseStackedTables(toSourceLines(paged.join('\n')));
    expect(tables[0].rows.map((r) => [r.lines.first, r.code, r.name])).toEqual([
      [8, '214', '交通运输支出'],
      [17, '2140101', '行政运行'],
      [25, '2140102', '一般行政管理事务'],
      [39, '2140104', '公路建设'],
    ]);
  });

  it('keeps a row whose name is no header\'s label alone: a wrapped name\'s tail may be one', () => {
    const named = [...lines.slice(0, 21), '其他交通', '运输支出', ...lines.slice(24)]; // 22-23, 24-28
    const joined = joinStackedRows(toSourceLines(named.join('\n')));
    expect(joined.lines.filter((l) => l.no >= 22 && l.no <= 23).map((l) => l.text)).toEqual(['其他交通', '运输支出']);
  });
});

describe('a code printed before the header\'s labels, another 类\'s name after them', () => {
  // Our own, as 上海 普陀 司法局 2026 单位预算 一般公共预算支出功能分类表 prints through plain pdftotext (L1196-L1219):
  // `221` / `一般公共预算支出` / `合计` / `基本支出` / `项目支出` / `卫生健康支出` / its three amounts, then
  // `行政事业单位医疗` and its. The -layout text (L145-L148) prints `210 卫生健康支出 982,692.00 982,692.00 0.00` and
  // 221 住房保障支出 three rows below: 221 is no code of 卫生健康支出 (210), which takes the amounts.
  const lines = ['2026年一般公共预算支出功能分类预算表', '单位：元', '功能分类科目编码', '功能分类科目名称', '项目', // 1-5
    '208', '社会保障和就业支出', '6,160.00', '6,160.00', '0.00', // 6-10
    '221', '一般公共预算支出', '合计', '基本支出', '项目支出', // 11-15
    '卫生健康支出', '982,692.00', '982,692.00', '0.00', // 16-19
    '行政事业单位医疗', '982,692.00', '982,692.00', '0.00']; // 20-23

  it('gives 221 no row and the name after the labels its amounts', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.loose.map((l) => [l.no, l.text])).toEqual([[11, '221']]);
    expect(joined.lines[15].text).toBe('卫生健康支出 982,692.00 982,692.00 0.00');
    expect(joined.lines.filter((l) => l.no >= 12 && l.no <= 15 && l.text !== '')).toEqual([]);
  });
});

describe('a header whose right-hand labels reading order printed after the page\'s rows', () => {
  // Our own, as 深圳 水务局 2026 收入总表 (表2) prints through plain pdftotext (L2353-L2665): the header's left-hand labels
  // before the rows (L2359-L2376), every cell printed with zeros, and the labels of the columns on the right after the
  // page's last row and number (L2643-L2665: `收入` / `、结转` / `其他收入` / … `上年结余`); the -layout text prints the
  // header whole (L2705-L2710) over eleven amounts a row. Here seven: 收入总计 | 一般公共预算 | 政府性基金预算 | 事业收入 |
  // 事业单位经营收入 (wrapped: `事业单位经营` / `收入`, L33-L34) | 其他收入 | 上年结余. Each row's 收入总计 is the sum of the
  // others: 300.00 = 200.00 + 50.00 + 50.00, 120.00 = 120.00, 80.00 = 60.00 + 20.00.
  const lines = ['2026年部门收入总表', '单位：万元', '单位名称', '收入总计', '一般公共预算', '政府性基金预算', '事业收入', // 1-7
    '某局', '300.00', '200.00', '50.00', '0.00', '0.00', '0.00', '50.00', // 8-15
    '某中心', '120.00', '120.00', '0.00', '0.00', '0.00', '0.00', '0.00', // 16-23
    '某所', '80.00', '60.00', '20.00', '0.00', '0.00', '0.00', '0.00', // 24-31
    '- 1 -', '事业单位经营', '收入', '其他收入', '上年结余']; // 32-36

  it('reads the seven columns the labels before and after the rows name, as many as each row prints', () => {
    const read = parseStackedTables(toSourceLines(lines.join('\n')));
    const table = read.tables[0];
    expect(table.kind).toBe('income-summary');
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'general', 'fund', 'business', 'operating', 'other-income', 'carryover']);
    expect(table.rows.map((r) => [r.lines.first, r.name, Object.values(r.values)])).toEqual([
      [8, '某局', [300, 200, 50, 0, 0, 0, 50]],
      [16, '某中心', [120, 120, 0, 0, 0, 0, 0]],
      [24, '某所', [80, 60, 20, 0, 0, 0, 0]],
    ]);
    expect(read.unparsed).toEqual([]);
  });

  it('makes no row of the labels after the rows, and loses no line', () => {
    const text = lines.join('\n');
    expect(parseStackedTables(toSourceLines(text)).tables[0].rows.some((r) => r.lines.last >= 33)).toBe(false);
    const doc = parse(text);
    expect(unaccounted(text, doc).lost).toEqual([]);
    expect(lostText(text, doc)).toEqual([]);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('reads no columns from them where they and the labels before name fewer columns than a row prints', () => {
    // Without `上年结余` (L36) six columns are named against seven amounts a row: the columns stay the template's, and
    // a row's amounts after its 合计 stay unplaced (the first, 300.00, is the 合计 whatever the columns).
    const read = parseStackedTables(toSourceLines(lines.slice(0, 35).join('\n')));
    expect(read.tables[0].columns.map((c) => c.key)).not.toEqual(['total', 'general', 'fund', 'business', 'operating', 'other-income']);
    expect(read.tables[0].rows[0].values.general).toBeNull();
    expect(read.unparsed.map((u) => [u.lines.first, u.text]).slice(0, 1)).toEqual([[8, '200.00 50.00 0.00 0.00 0.00 50.00']]);
  });
});

describe('a header row\'s cells wrapped, the first halves of several printed on one line', () => {
  // Our own, as 烟台 水利局 2026 公开表10 基本支出预算情况表 prints through plain pdftotext (L2521-L2543): the first row's
  // code and name, its 政府预算经济分类 code `501`, then the header's `财政拨款` / `合计` / `小计` and its wrapped labels,
  // `财政专户管` / `一般公共预 政府性基金 国有资本经` / `理资金` / `算` / `预算` / `营预算` (L2532-L2537; the -layout text's
  // L842-L843 prints them over 财政专户管理资金 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算), then three amounts.
  const lines = ['2026年基本支出预算情况表', '单位：万元', '科目编码', '科目名称', // 1-4
    '301', '工资福利支出', '501', // 5-7
    '财政拨款', '合计', '小计', '财政专户管', '一般公共预 政府性基金 国有资本经', '理资金', '算', '预算', '营预算', // 8-16
    '300.00', '300.00', '300.00', // 17-19
    '30101', '基本工资', '100.00', '100.00', '100.00', // 20-24
    '30102', '津贴补贴', '200.00', '200.00', '200.00']; // 25-29

  it('pairs each first half with the second half as far down', () => {
    const words = lines.slice(10, 16).map((l) => l.split(' '));
    expect(halvesInRuns(words).map(([[l1, w1], [l2, w2]]) => words[l1][w1] + words[l2][w2])).toEqual([
      '财政专户管理资金', '一般公共预算', '政府性基金预算', '国有资本经营预算',
    ]);
  });

  it('takes the header\'s lines set among the rows for the header\'s, no row\'s name, its 合计 and 小计 no total row\'s', () => {
    const joined = joinStackedRows(toSourceLines(lines.join('\n')));
    expect(joined.lines.filter((l) => l.no >= 8 && l.no <= 16 && l.text !== '')).toEqual([]);
    const read = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(read.tables[0].rows.map((r) => [r.lines.first, r.code, r.name])).toEqual([
      [5, '301', '工资福利支出'],
      [20, '30101', '基本工资'],
      [25, '30102', '津贴补贴'],
    ]);
    expect(read.unparsed.filter((u) => u.lines.first >= 8 && u.lines.first <= 16)).toEqual([]);
  });
});

describe('a table\'s later page printing too few rows to show how many amounts a row prints', () => {
  // Our own, as 广州 水务局 2026 本年支出总体情况表 prints through plain pdftotext (L1006-L1036): `2120816` /
  // `农业农村生态环境支出`, then its six amounts and the next row's six (L1022-L1032, 21214's, whose code and name follow
  // them), the -layout text's L337-L338. Page 1 (L1-L27) prints every cell, zeros too, three amounts a row; page 2
  // (L28-L45) prints its header again and one run of six: 208 50.00 = 50.00 + 0.00, and 20805's 50.00 / 50.00 / 0.00.
  const header = ['2026年部门支出总表', '单位：万元', '科目编码', '科目名称', '合计', '基本支出', '项目支出'];
  const lines = [...header, // 1-7
    '201', '一般公共服务支出', '300.00', '100.00', '200.00', // 8-12
    '20101', '人大事务', '100.00', '100.00', '0.00', // 13-17
    '20103', '政府办公厅（室）及相关机构事务', '200.00', '0.00', '200.00', // 18-22
    '20199', '其他一般公共服务支出', '0.00', '0.00', '0.00', // 23-27
    '- 1 -', ...header, // 28-35
    '208', '社会保障和就业支出', '50.00', '50.00', '0.00', '50.00', '50.00', '0.00', // 36-43
    '20805', '行政事业单位养老支出']; // 44-45

  it('cuts the run into rows of as many amounts as the page before prints, the first the name\'s', () => {
    const read = parseStackedTables(toSourceLines(lines.join('\n')));
    expect(read.tables[0].rows.filter((r) => r.lines.first >= 36 && r.lines.last <= 43).map((r) => [r.lines, r.code, Object.values(r.values)])).toEqual([
      [{ first: 36, last: 40 }, '208', [50, 50, 0]],
      [{ first: 41, last: 43 }, null, [50, 50, 0]],
    ]);
    expect(read.unparsed.filter((u) => u.lines.first >= 36 && u.lines.first <= 43)).toEqual([]);
  });

  it('carries no count where the page before prints no zeros: an empty cell there printed nothing', () => {
    const noZeros = lines.map((l, i) => (i >= 7 && i <= 26 && l === '0.00' ? '' : l));
    const read = parseStackedTables(toSourceLines(noZeros.join('\n')));
    const row = read.tables[0].rows.find((r) => r.code === '208')!;
    expect(Object.values(row.values)).toEqual([null, null, null]);
  });
});
