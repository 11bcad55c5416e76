import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { latexText } from '../../src/ingest/sources/latex.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { markupIn } from './sources-markup.ts';

// Converter output written for this test from the EDZ seed's 表5 rows (功能分类 204/205/210/221) and its
// 财政拨款“三公”经费支出情况表 layout (the seed's is empty; the amounts here are ours): `#` on every paragraph, the
// 表5 split at a page break into two HTML tables that both print the three header rows, a GFM pipe table, LaTeX.
const FIXTURE = 'tests/fixtures/formats/converted-budget.md';

async function converted() {
  const read = await readSource(readFileSync(FIXTURE));
  if (!read.ok) throw new Error(read.reason);
  const doc = parseDisclosure(read.text, { file: 'converted-budget.md', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding });
  return { read, doc, lines: read.text.split('\n') };
}

describe('Markdown from a PDF converter', () => {
  it('reads `#` as an outline hint: the heading text is a line, and the title is the cover’s lines', async () => {
    const { read, doc, lines } = await converted();
    expect(read.format).toBe('markdown');
    expect(lines.slice(0, 3)).toEqual(['喀什经济开发区党群工作部', '', '2024 年单位预算公开']);
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([]);
    expect(doc.title).toBe('喀什经济开发区党群工作部2024 年单位预算公开');
    expect(doc.department).toBe('喀什经济开发区党群工作部');
    expect(doc.year).toBe(2024);
  });

  it('reads LaTeX numbers as the numbers printed', async () => {
    const { read } = await converted();
    expect(read.text).toContain('2024 年一般公共预算支出239.70万元，比上年增加26.64万元，增长12.50%，其中：基本支出28.22万元，占11.77%；');
    expect(read.text).toContain('备注：“三公”经费比上年减少0.80万元，下降20%。');
    expect(latexText('完成率 $\\geq 95\\%$，得分 $\\mathbf{18.5}$ 分，共 $1{,}200$ 户')).toBe('完成率≥95%，得分18.5分，共1,200户');
    // A formula that is more than a number is its text too (issue 11: no LaTeX reaches the page).
    expect(latexText('公式 $a+b$ 不是数')).toBe('公式a+b不是数');
  });

  it('joins the table split at a page break, leaving out its repeated header rows', async () => {
    const { lines } = await converted();
    expect(lines.filter((l) => l.startsWith('项目\t'))).toHaveLength(1);
    const first = lines.indexOf('204\t\t\t公共安全支出\t186.48\t\t186.48');
    expect(lines.slice(first + 7, first + 9)).toEqual(['205\t08\t03\t培训支出\t25.00\t\t25.00', '210\t\t\t卫生健康支出\t11.21\t11.21\t']);
  });

  it('parses both tables, the HTML one and the GFM one', async () => {
    const { doc } = await converted();
    expect(doc.tables.map((t) => [t.kind, t.unit, t.rows.length])).toEqual([
      ['general-budget-expenditure', '万元', 16],
      ['three-public-expenditure', '万元', 6],
    ]);
    const [expenditure, threePublic] = doc.tables;
    expect(expenditure.rows.find((r) => r.code === '2210201')?.values).toEqual({ total: 17.01, basic: 17.01, project: null });
    expect(expenditure.rows.at(-1)).toMatchObject({ role: 'total', values: { total: 239.7, basic: 28.22, project: 211.48 } });
    expect(threePublic.rows.find((r) => r.name === '公务接待费')?.values).toMatchObject({ total: 1.2 });
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('lets no markup reach any field', async () => {
    const { doc } = await converted();
    expect(markupIn(doc)).toEqual([]);
  });
});

describe('format detection keeps plain text plain', () => {
  it('reads every bundled seed as text, whatever Markdown-like or HTML-like fragments it holds', async () => {
    for (const name of readdirSync('content/sources').filter((n) => n.endsWith('.txt'))) {
      const read = await readSource(readFileSync(`content/sources/${name}`));
      expect([name, read.ok && read.format]).toEqual([name, 'text']);
    }
  });

  it('needs a delimiter row, or headings together with HTML tables, to read Markdown', async () => {
    const read = async (s: string) => {
      const r = await readSource(new TextEncoder().encode(s));
      return r.ok && r.format;
    };
    expect(await read('# 一、主要职能\n\n负责…\n\n# 二、机构设置\n')).toBe('text');
    expect(await read('项目 | 金额\n--- | ---\n合计 | 1\n')).toBe('markdown');
    expect(await read('# 表一\n\n<table><tr><td>合计</td><td>1</td></tr></table>\n')).toBe('markdown');
    expect(await read('\uFEFF  <!-- x --><!DOCTYPE html><html><body><p>部门预算</p></body></html>')).toBe('html');
    expect(await read('说明：<p>标签出现在文本中间</p>不是网页')).toBe('text');
  });

  it('reads a converted report with `#` on its headings and no table as Markdown: no `#` reaches a field', async () => {
    const withoutTable = readFileSync('tests/fixtures/formats/converted-evaluation-prose.md', 'utf8').replace(/<table>.*<\/table>\n/s, '');
    const read = await readSource(new TextEncoder().encode(withoutTable));
    expect(read.ok && read.format).toBe('markdown');
    if (!read.ok) return;
    const doc = parseDisclosure(read.text, { file: 'x.md', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding });
    // Line 1 of the fixture: `# 示例市2024年度城乡社区公共卫生服务补助项目绩效评价报告`.
    expect(doc.title).toBe('示例市2024年度城乡社区公共卫生服务补助项目绩效评价报告');
    expect(read.text).not.toMatch(/^#/m);
  });
});
