import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { looksLikeMarkdown } from '../../src/ingest/sources/text-formats.ts';

// Converter output written for this test, in the shape each converter writes (issue 10): a 某县市场监督管理局 budget
// whose amounts are ours, 功能分类 201/208 summing to the 合计 row.
async function parsed(markdown: string) {
  const read = await readSource(new TextEncoder().encode(markdown), 'x.md');
  if (!read.ok) throw new Error(read.reason);
  expect(read.format).toBe('markdown');
  const { ok: _ok, text, ...fields } = read;
  const doc = parseDisclosure(text, { ...fields, file: 'x.md', sha256: '0'.repeat(64) });
  return { text, doc };
}

const MARKER_PAGE = '{3}------------------------------------------------';
const HEAD = '| 科目编码 | 科目名称 | 合计 | 基本<br>支出 | 项目<br>支出 |\n|---|---|---|---|---|';
const marker = (repeatHeader: boolean) =>
  [
    '{0}------------------------------------------------',
    '# 关于2025年某县市场监督管理局部门预算公开的说明',
    '**表2 一般公共预算支出表**',
    '单位：万元',
    `${HEAD}\n|  | 合计 | 1,106.40 | 836.40 | 270.00 |\n| 201 | 一般公共服务支出 | 986.40 | 716.40 | 270.00 |\n| 20138 | 市场监督管理事务 | 986.40 | 716.40 | 270.00 |\n| 2013801 | 行政运行 | 716.40 | 716.40 | 0.00 |`,
    MARKER_PAGE,
    `${repeatHeader ? `${HEAD}\n` : '| 2013804 | 市场主体管理 | 150.00 | 0.00 | 150.00 |\n|---|---|---|---|---|\n'}${repeatHeader ? '| 2013804 | 市场主体管理 | 150.00 | 0.00 | 150.00 |\n' : ''}| 2013812 | 药品事务 | 120.00 | 0.00 | 120.00 |\n| 208 | 社会保障和就业支出 | 120.00 | 120.00 | 0.00 |\n| 20805 | 行政事业单位养老支出 | 120.00 | 120.00 | 0.00 |\n| 2080505 | 机关事业单位基本养老保险缴费支出 | 120.00 | 120.00 | 0.00 |`,
    '注：本表“行政运行\\|事业运行”按功能分类列示。',
  ].join('\n\n') + '\n';

describe("marker's page markers", () => {
  for (const repeatHeader of [true, false]) {
    it(`are no text, and the table cut at one goes on over it (${repeatHeader ? 'its header printed again' : 'no header on the next page'})`, async () => {
      const { text, doc } = await parsed(marker(repeatHeader));
      expect(text).not.toMatch(/\{\d+\}-/);
      expect(doc.title).toBe('关于2025年某县市场监督管理局部门预算公开的说明');
      expect(doc.department).toBe('某县市场监督管理局');
      expect(doc.tables.map((t) => [t.kind, t.title, t.rows.length])).toEqual([['general-budget-expenditure', '表2 一般公共预算支出表', 9]]);
      const [table] = doc.tables;
      expect(table.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '201', '20138', '2013801', '2013804', '2013812', '208', '20805', '2080505']);
      expect(table.rows.find((r) => r.code === '2013804')?.values).toEqual({ total: 150, basic: 0, project: 150 });
      // The escaped pipe is the pipe the note prints.
      expect(table.notes).toEqual(['注：本表“行政运行|事业运行”按功能分类列示。']);
      expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    });
  }
});

describe('an image where a converter read no text', () => {
  it("is named in a warning with the lines before it (MinerU's scanned table)", async () => {
    const { doc } = await parsed(
      '# 关于2025年某县市场监督管理局部门预算公开的说明\n\n表4 一般公共预算“三公”经费支出表\n\n单位：万元\n\n![](images/5b1c0e7d.jpg)\n\n# 第四部分 名词解释\n\n一、基本支出：指为保障机构正常运转而发生的人员经费和公用经费。\n',
    );
    expect(doc.warnings).toContain(
      '原文有 1 处图片（“表4 一般公共预算“三公”经费支出表 单位：万元”之后的 images/5b1c0e7d.jpg）：图片中的内容没有文字，未能读出；若是扫描的表格或文字，需要先做文字识别（OCR）',
    );
  });

  it("is named where docling leaves only a comment, and where marker's picture stands first", async () => {
    const { doc } = await parsed('![](_page_0_Picture_1.jpeg)\n\n## 第一部分 部门概况\n\n## 一、主要职能\n\n## 二、机构设置\n\n<!-- image -->\n');
    expect(doc.warnings).toContain(
      '原文有 2 处图片（文件开头的 _page_0_Picture_1.jpeg；“一、主要职能 二、机构设置”之后的一处）：图片中的内容没有文字，未能读出；若是扫描的表格或文字，需要先做文字识别（OCR）',
    );
  });
});

// pandoc's tables, which remark does not read: tests/fixtures/formats/pandoc-budget.md, written for this test as
// pandoc pads (display width): 表1 and 表2 grid tables, 表3 a multiline table whose 30108 name wraps onto a second
// line, 表4 a grid table whose 公务用车购置及运行费 spans three columns and 合计 two header rows.
describe("pandoc's grid, multiline and simple tables", () => {
  const fixture = () => parsed(readFileSync('tests/fixtures/formats/pandoc-budget.md', 'utf8'));

  it('are read as tables: every row, code and amount as written, the checks pass', async () => {
    const { text, doc } = await fixture();
    expect(text).not.toMatch(/\+---|\+===|^-{3,}$/m);
    expect(doc.tables.map((t) => [t.kind, t.title, t.rows.length])).toEqual([
      ['income-expenditure-summary', '表1 部门收支总表', 14],
      ['general-budget-expenditure', '表2 一般公共预算支出表', 16],
      ['general-budget-basic-expenditure', '表3 一般公共预算基本支出表', 17],
      ['three-public-expenditure', '表4 一般公共预算“三公”经费支出表', 1],
    ]);
    const [summary, general, basic, threePublic] = doc.tables;
    expect(summary.rows.find((r) => r.name === '支出总计')?.values).toEqual({ total: 1286.4 });
    expect(general.rows.find((r) => r.code === '2013804')?.values).toEqual({ total: 150, basic: 0, project: 150 });
    expect(basic.rows.find((r) => r.code === '30108')).toMatchObject({ name: '机关事业单位基本养老保险缴费', values: { total: 80, personnel: 80, public: 0 } });
    expect(threePublic.columns.map((c) => c.key)).toEqual(['total', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception']);
    expect(threePublic.rows[0].values).toEqual({ total: 30, 'outbound-travel': 0, vehicles: 25, 'vehicle-purchase': 0, 'vehicle-operation': 25, reception: 5 });
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.unparsed).toEqual([]);
    expect(doc.glossary.map((g) => g.term)).toEqual(['财政拨款收入', '基本支出', '项目支出', '“三公”经费']);
  });

  it('are evidence of Markdown by themselves: a grid table with no heading', () => {
    expect(looksLikeMarkdown('表4 “三公”经费支出表\n\n+-------+-------+\n| 合计  | 小计  |\n+=======+=======+\n| 30.00 | 25.00 |\n+-------+-------+\n')).toBe(true);
    expect(looksLikeMarkdown('合计 + 小计\n---------- 30.00\n')).toBe(false);
  });

  it('reads a simple table, a row a line, as its cells', async () => {
    const { text } = await parsed('# 表2 一般公共预算支出表\n\n# 单位：万元\n\n科目编码   科目名称                 合计\n---------- ------------------------ --------\n201        一般公共服务支出         986.40\n20138      市场监督管理事务         986.40\n\n# 名词解释\n');
    expect(text.split('\n').filter((l) => l.includes('\t'))).toEqual(['科目编码\t科目名称\t合计', '201\t一般公共服务支出\t986.40', '20138\t市场监督管理事务\t986.40']);
  });
});

// docling writes a merged cell's text in every slot it covers; the amounts are ours (30.00 = 0.00 + 25.00 + 5.00).
describe("docling's merged header cells, written in every slot", () => {
  it('are one cell each: the 三公 table keys 公务用车购置及运行费 over its 小计, and its checks pass', async () => {
    const { doc } = await parsed(
      [
        '## 关于2025年某县市场监督管理局部门预算公开的说明',
        '2025年“三公”经费预算30.00万元，其中：因公出国（境）费0.00万元，公务用车购置及运行费25.00万元，公务接待费5.00万元。',
        '表4 一般公共预算“三公”经费支出表',
        '单位：万元',
        '| 合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务用车购置及运行费 | 公务用车购置及运行费 | 公务接待费 |\n|---|---|---|---|---|---|\n| 合计 | 因公出国（境）费 | 小计 | 公务用车购置费 | 公务用车运行费 | 公务接待费 |\n| 30.00 | 0.00 | 25.00 | 0.00 | 25.00 | 5.00 |',
        '<!-- image -->',
      ].join('\n\n') + '\n',
    );
    const [table] = doc.tables;
    expect(table.columns.map((c) => c.key)).toEqual(['total', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception']);
    // The body's repeated amounts (25.00 twice, 0.00 twice) stay amounts.
    expect(table.rows[0].values).toEqual({ total: 30, 'outbound-travel': 0, vehicles: 25, 'vehicle-purchase': 0, 'vehicle-operation': 25, reception: 5 });
    // The sentence's 公务用车购置及运行费 is checked against the table's (not-checkable while that column had no key).
    expect(doc.checks.filter((c) => c.id.startsWith('fact:three-public')).map((c) => [c.id, c.status])).toEqual([
      ['fact:three-public:sum-of-parts', 'pass'],
      ['fact:three-public:table:total', 'pass'],
      ['fact:three-public:table:outbound-travel', 'pass'],
      ['fact:three-public:table:vehicles', 'pass'],
      ['fact:three-public:table:reception', 'pass'],
    ]);
  });
});
