import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lostText } from '../fixtures/content-check.ts';
import { caseText, parse, type Mutation } from '../fixtures/fuzz/disclosure-mutations.ts';
import { readSource } from '../../src/ingest/sources/index.ts';

/**
 * Cases `npm run fuzz -- --sources DIR` found with other provinces' texts as its seeds (synthetic copies of
 * ../shared/samples/other-provinces, names and amounts changed), rebuilt here from the samples themselves.
 */
const FILE = '../shared/samples/other-provinces/beijing-civil-affairs-2026-tables.txt';
const PDF = FILE.replace(/\.txt$/, '.pdf');
const GUANGZHOU = '../shared/samples/other-provinces/guangzhou-water-2026-budget.pdf';
const XIAN = '../shared/samples/other-provinces/xian-transport-2022-budget.txt';
const JIANGSU = '../shared/samples/other-provinces/jiangsu-cppcc-office-2018-budget-tables.txt';
const YANTAI = '../shared/samples/other-provinces/yantai-water-2026-budget.txt';
const absent = ![FILE, PDF, GUANGZHOU, XIAN, JIANGSU, YANTAI].every(existsSync);
if (absent) console.warn('skipping the fuzz cases of the samples: ../shared/samples/other-provinces is not complete');

describe.skipIf(absent)('fuzz cases of the other provinces’ texts', () => {
  // Seed 658340130: 北京 民政局's 预算01表 header (L1–6) printed again under the title 预算03表 支出总表 (L45), so that
  // 03表's rows (L52– `2050802-干部教育  50501-工资福利支出  30101-基本工资  290.658800  290.658800`) are read as rows
  // of a 收支总表. The income side's name lost its code 2050802: no income row has a code, and the code was dropped.
  it('keeps a code printed on a summary’s income side in the row’s name', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    const text = [...lines.slice(0, 45), ...lines.slice(0, 6), ...lines.slice(45, 60)].join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    // L52 of the sample is L58 here, after the six lines printed again.
    const income = doc.tables.flatMap((t) => t.rows).filter((r) => r.lines.first === 58 && r.texts.side === 'income');
    expect(income.map((r) => [r.code, r.name])).toEqual([[null, '2050802 干部教育']]);
  });

  // Seed 840011401, over the samples as the PDF reader reads them: `表一` put inside the amount of 9119-北京市救助管理总站
  // 项目尾款 where its cell is printed again after a page break (pdftotext -layout L2772 `9119-北京市救助管  41.712636
  // 41.712636`). The text in the amount's column reads as no amount, and it was in no field.
  it('keeps as printed a line whose many-project amount reads as none', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    expect(lines[2771]).toMatch(/^9119-北京市救助管\s+41\.712636\s+41\.712636$/);
    lines[2771] = lines[2771].replace('41.712636', '41表一.712636');
    const text = lines.join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const target = doc.targets.find((t) => t.projectName?.startsWith('9119-'))!;
    expect(target.funds.total).toBe(41.712636); // L2765, its first print
    expect(target.printed!.some((p) => p.lines.first === 2772 && p.text.includes('41表一.712636'))).toBe(true);
  });

  // Seed 1611738402, over the samples as the PDF reader reads them: the first fifth of 北京 民政局's tables, its first
  // line `预算01表 收支总表` given the code 000000 and moved to the window's end, into the rows of 4522-慈善北京文化建设服务
  // printed again after a page break. 000000 stood in the code column of rows that continue the project, whose code
  // is 11000023T00000206, and was in no field.
  it('keeps as printed a line whose code in a many-project table is not its project’s', async () => {
    const read = await readSource(new Uint8Array(readFileSync(PDF)), 'beijing-civil-affairs-2026-tables.pdf');
    if (!read.ok) throw new Error(read.reason);
    const seeds = [{ name: 'beijing', lines: read.text.split('\n') }];
    const mutations: Mutation[] = [{ op: 'code', at: 0, code: '000000' }, { op: 'swap', at: 0, to: 0.9835873388042203 }];
    const text = caseText(seeds, { seed: 0, from: 0, length: 0.2112571286883214, mutations });
    const moved = text.split('\n').findIndex((l) => l.startsWith('000000')) + 1;
    expect(text.split('\n')[moved - 1]).toMatch(/^000000\s+预算01表 收支总表$/);
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const target = doc.targets.find((t) => t.lines.first <= moved && t.lines.last >= moved)!;
    expect([target.projectName, target.code]).toEqual(['4522-慈善北京文化建设服务', '11000023T00000206']);
    expect(target.printed!.some((p) => p.lines.first === moved && p.text.startsWith('000000'))).toBe(true);
  }, 60_000);

  // Seed 860980278, over the samples as the PDF reader reads them: `09` put at the left of the line of 广州 水务局's
  // 部门预算项目支出及其他支出预算表 where 水文情报预报工作经费's 绩效目标 begins (`通过发布水文情报…`). With the goal
  // column taken out, the 09 stood alone between blank lines, and was dropped as a page number. Furniture is now read
  // from the line as printed, so the 09 is a code piece of the row, flagged as one that cannot be put together.
  it('reads a number left of a table’s prose column as the row’s, not as a page number', async () => {
    const read = await readSource(new Uint8Array(readFileSync(GUANGZHOU)), 'guangzhou-water-2026-budget.pdf');
    if (!read.ok) throw new Error(read.reason);
    const mutations: Mutation[] = [{ op: 'code', at: 0.8344988344988344, code: '09' }];
    const text = caseText([{ name: 'guangzhou', lines: read.text.split('\n') }], { seed: 0, from: 0, length: 0.27163232963549927, mutations });
    const at = text.split('\n').findIndex((l) => /^09\s+通过发布水文情报/.test(l)) + 1;
    expect(at).toBeGreaterThan(0);
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const rows = doc.tables.flatMap((t) => t.rows).filter((r) => r.lines.first <= at && r.lines.last >= at);
    expect(rows.map((r) => [r.name, r.flag])).toEqual([
      ['水政码头运行维护费', '所印科目编码「09」无法确定地拼合'],
      ['水文情报预报工作经费', null],
    ]);
  }, 60_000);

  // Seed 455912336: a line of 合计 printed 1,000 times put into 北京 民政局's 预算表12, among the rows of 4522-慈善北京
  // 文化建设服务 printed again after a page break (before the code line L748 of the -layout text). Its words are all
  // header words, so the reader set it aside as a header printed again, and, no header following, it was in no field.
  it('reads a line of header words that heads nothing as a line of the many-project table', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    expect(lines[747]).toBe('11000023T00000206');
    const text = [...lines.slice(0, 747), '合计'.repeat(1000), ...lines.slice(747)].join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const target = doc.targets.find((t) => t.lines.first <= 748 && t.lines.last >= 748)!;
    expect(target.projectName).toBe('4522-慈善北京文化建设服务');
  });

  // Seed 1792108756, over the samples as the PDF reader reads them: 西安 交通运输局's text cut off under 表6 and the
  // first line of its title, which the reader prints without -layout's blank line between (-layout L707 `\f表6`, L709).
  // The title's line went on the name of 表5's last row (L706 `37  2210203  购房补贴  378.80  378.80`), whose lines then
  // held `表6`, passed over as a table's number and in no field.
  it('keeps as printed a table’s number that falls within a row’s lines', () => {
    const lines = readFileSync(XIAN, 'utf8').split('\n');
    expect(lines[706]).toBe('\f表6');
    const text = [...lines.slice(0, 707), lines[708]].join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const table = doc.tables.find((t) => t.lines.first <= 707 && t.lines.last >= 707)!;
    expect(table.title).toBe('2022年部门综合预算一般公共预算支出明细表（按功能科目分）');
    expect(table.rows.some((r) => r.code === '2210203' && r.lines.first <= 707 && r.lines.last >= 707)).toBe(true);
    expect(table.printed!.filter((p) => p.lines.first === 707).map((p) => p.text)).toEqual(['表6']);
  });

  // Seed 774918686, over synthetic copies: 江苏 政协办公厅's 收入预算总表 cut off at the top of the next page (L60
  // `\f公开03表`) and a line of `1 ` printed 1,000 times put after it: the amounts of the last row (L59
  // `其中：动用上年结转和结余资金`), whose lines then held 公开03表, in no field.
  it('keeps as printed the next table’s number inside the last row of a table', () => {
    const lines = readFileSync(JIANGSU, 'utf8').split('\n');
    expect([lines[58].trim(), lines[59]]).toEqual(['其中：动用上年结转和结余资金', '\f公开03表']);
    const text = [...lines.slice(0, 60), '1 '.repeat(1000)].join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const table = doc.tables.find((t) => t.lines.first <= 60 && t.lines.last >= 60)!;
    expect(table.printed!.filter((p) => p.lines.first === 60).map((p) => p.text)).toEqual(['公开03表']);
  });

  // Seed 2144959623, over the samples as the PDF reader reads them: 北京 民政局's tables cut off after the first
  // indicator of 预算13表 部门整体支出绩效目标表 (-layout L2898). The goal's label 整体绩效目标 shares L2888 with a line of
  // the goal, which the goal holds without it; in the whole document the label printed again by the indicators (L2907)
  // happened to be in the target's printed text, so that only a cut-off text showed it was in no field.
  it('keeps as printed the label printed on a line of a 部门整体 form’s goal', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    expect(lines[2887]).toMatch(/^\s+整体绩效目标\s+署，立足职责定位/);
    const text = lines.slice(0, 2898).join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const target = doc.targets.find((t) => t.lines.first <= 2888 && t.lines.last >= 2888)!;
    expect(target.scope).toBe('organization');
    expect(target.goal).toMatch(/^以习近平新时代中国特色社会主义思想为指导.*立足职责定位.*推动首都民政事业高质量发展。$/);
    expect(target.printed!.filter((p) => p.lines.first === 2888).map((p) => p.text)).toEqual(['整体绩效目标']);
  });

  // Seed 444137717, over the samples at `pdftotext -layout -fixed 5`: 北京 民政局's first two lines joined
  // (`预算01表 收支总表 … 金额单位：万元`) and moved among the rows of 9978-儿童福利和保护工作服务 in 预算12表 (-layout
  // L694, the project's amount line). The reader passed the line over as the page's title and unit repeated, but it
  // stood within an indicator's lines (成年孤儿安置评估工作启动时间, L694–L696), and was in no field.
  it('keeps as printed a title and unit line a many-project table passes over within a row’s lines', () => {
    const lines = readFileSync(FILE, 'utf8').split('\n');
    expect(lines[693]).toMatch(/^9978-儿童福利和保\s+18\.853800/);
    const moved = `${lines[0]}${lines[1].slice(lines[0].length)}`;
    expect(moved.trim()).toMatch(/^预算01表 收支总表\s+金额单位：万元$/);
    const text = [...lines.slice(0, 694), moved, ...lines.slice(694)].join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const target = doc.targets.find((t) => t.lines.first <= 695 && t.lines.last >= 695)!;
    expect(target.projectName).toBe('9978-儿童福利和保护工作服务');
    expect(target.printed!.filter((p) => p.lines.first === 695).map((p) => p.text)).toEqual([moved.trim()]);
  });

  // Seed 999930805, over the samples at `pdftotext -layout -fixed 4`: 烟台's cover line, a `:` put before it, moved
  // under the 合计 row of 一般公共预算基本支出情况表 (-layout L663), a table of two classifications side by side. After
  // the colon the reader took `2026年…` for the second classification's code (four digits), and a line joining a row
  // kept none of what it printed of that classification.
  it('keeps with the row what a line joining it prints of a crosswalk table’s second classification', () => {
    const lines = readFileSync(YANTAI, 'utf8').split('\n');
    expect(lines[662].trim()).toMatch(/^合计\s+3,883\.30\s+3,619\.06\s+264\.24$/);
    const text = [...lines.slice(0, 663), '     :    2026年烟台市水利局部门预算', ...lines.slice(663)].join('\n');
    const doc = parse(text);
    expect(lostText(text, doc)).toEqual([]);
    const total = doc.tables.flatMap((t) => t.rows).find((r) => r.lines.first === 663)!;
    expect(total.values).toEqual({ basic: 3883.3, personnel: 3619.06, public: 264.24 });
    expect(Object.values(total.texts)).toContain('2026年烟台市水利局部门预算');
  });
});
