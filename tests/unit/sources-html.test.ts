import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/ingest/metadata.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { expandGrid } from '../../src/ingest/sources/grid.ts';
import { markupIn } from './sources-markup.ts';

// A portal page written for this test: the EDZ seed's 一般公共预算支出情况表 rows (表5, 功能分类 204/205/210/221)
// inside a nested layout table, with scripts, styles, comments, template directives and &nbsp;.
const FIXTURE = 'tests/fixtures/formats/portal-budget-page.html';

async function page() {
  const bytes = readFileSync(FIXTURE);
  const read = await readSource(bytes);
  if (!read.ok) throw new Error(read.reason);
  const doc = parseDisclosure(read.text, { file: 'portal-budget-page.html', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding });
  return { read, doc };
}

describe('an HTML portal page', () => {
  it('is recognised from its markup and titled by its main heading, not by a template directive', async () => {
    const { read, doc } = await page();
    expect(read.format).toBe('html');
    expect(read.text.split('\n')[0]).toBe('喀什经济开发区党群工作部2024年单位预算公开');
    expect(doc.title).toBe('喀什经济开发区党群工作部2024年单位预算公开');
    expect(doc.department).toBe('喀什经济开发区党群工作部');
    expect(doc.year).toBe(2024);
  });

  it('drops scripts, styles, comments, hidden text and server-template tags; decodes entities', async () => {
    const { read } = await page();
    for (const gone of ['document.write', 'float: left', '头部', '广告', 'article', 'site.id', '内部备注', '分享到', '请启用']) {
      expect(read.text).not.toContain(gone);
    }
    expect(read.text).toContain('当前位置：首页 > 政务公开 > 预决算公开');
    expect(read.text).toContain('注：本表为<一般公共预算>支出，含上级转移支付。');
    expect(read.text).not.toMatch(/\u00a0|&nbsp;|&gt;/);
  });

  it('reads only the innermost table as a grid: the layout table and its menu become lines', async () => {
    const { read } = await page();
    const tabbed = read.text.split('\n').filter((l) => l.includes('\t'));
    expect(tabbed).toHaveLength(19); // 3 header rows + 15 rows + 合计
    expect(tabbed[0]).toBe('项目\t\t\t\t一般公共预算支出\t\t');
    expect(tabbed[1]).toBe('功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出');
    expect(tabbed[2]).toBe('类\t款\t项\t\t\t\t');
    expect(read.text).toMatch(/^栏目导航\n部门预算\n部门决算$/m);
  });

  it("keeps every paragraph, menu entry and footer line: the portal's own text after the article", async () => {
    const { read } = await page();
    const lines = read.text.split('\n').filter(Boolean);
    expect(lines.slice(0, 4)).toEqual([
      '喀什经济开发区党群工作部2024年单位预算公开',
      '当前位置：首页 > 政务公开 > 预决算公开',
      '发布时间：2024-02-05 来源： 浏览次数：',
      '一、单位职责',
    ]);
    expect(lines.slice(-9)).toEqual([
      '注：本表为<一般公共预算>支出，含上级转移支付。',
      '首页',
      '政务公开',
      '预决算公开',
      '栏目导航',
      '部门预算',
      '部门决算',
      '主办：喀什经济开发区管理委员会 | 网站地图',
      '新ICP备00000000号',
    ]);
  });

  it('parses the table from the grid: codes, amounts, total, and the checks pass', async () => {
    const { doc } = await page();
    expect(doc.tables).toHaveLength(1);
    const [table] = doc.tables;
    expect([table.kind, table.unit, table.rows.length]).toEqual(['general-budget-expenditure', '万元', 16]);
    expect(table.rows.find((r) => r.code === '2101103')?.values).toEqual({ total: 2.55, basic: 2.55, project: null });
    expect(table.rows.find((r) => r.code === '2040299')?.values).toEqual({ total: 166.48, basic: null, project: 166.48 });
    expect(table.rows.at(-1)).toMatchObject({ code: null, role: 'total', values: { total: 239.7, basic: 28.22, project: 211.48 } });
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('reads the same table under a numbered title whose 一 opens the title (表5 一般公共预算…, 表五一般公共预算…)', async () => {
    for (const number of ['表5 ', '表五', '表五 ']) {
      const html = readFileSync(FIXTURE, 'utf8').replace('<strong>一般公共预算支出情况表</strong>', `<strong>${number}一般公共预算支出情况表</strong>`);
      const read = await readSource(new TextEncoder().encode(html));
      if (!read.ok) throw new Error(read.reason);
      const doc = parseDisclosure(read.text, { file: 'portal-budget-page.html', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding });
      expect(doc.tables.map((t) => [t.kind, t.title, t.rows.length])).toEqual([['general-budget-expenditure', `${number}一般公共预算支出情况表`.trim(), 16]]);
    }
  });

  it('lets no markup reach any field of the parsed disclosure', async () => {
    const { doc } = await page();
    expect(markupIn(doc)).toEqual([]);
  });
});

describe('HTML pages without a main heading, or without text', () => {
  const read = (html: string) => readSource(new TextEncoder().encode(html));

  it("titles the page by the part of <title> that names the disclosure; the portal's name is read last, with the portal's text", async () => {
    const result = await read('<html><head><title>某区财政局2025年部门预算公开_某区人民政府网</title></head><body><div><p>{{content}}</p><p>一、部门职责</p></div></body></html>');
    expect(result.ok && result.text).toBe('某区财政局2025年部门预算公开\n\n一、部门职责\n\n某区人民政府网\n');
    if (result.ok) expect(readMetadata(toSourceLines(result.text)).title).toBe('某区财政局2025年部门预算公开');
    const first = await read('<html><head><title>某区人民政府网 - 某区财政局2025年部门决算</title></head><body><p>正文</p></body></html>');
    expect(first.ok && first.text).toBe('某区财政局2025年部门决算\n\n正文\n\n某区人民政府网\n');
  });

  it('refuses a page with no readable text, in Chinese', async () => {
    const result = await read('<!DOCTYPE html><html><body><script>var a = 1;</script>{{ body }}</body></html>');
    expect(result).toMatchObject({ ok: false, reason: '这个网页中没有可读的正文文字' });
  });
});

describe('grid expansion shared by every grid source', () => {
  it('places a spanned cell at its top-left and leaves the covered slots empty', () => {
    const c = (text: string, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan });
    expect(expandGrid([[c('A', 2), c('B', 1, 2)], [c('C'), c('D')], [c('E'), c('F', 1, 1000)]])).toEqual([
      ['A', 'B', '', ...Array(98).fill('')],
      ['', 'C', 'D', ...Array(98).fill('')],
      ['E', 'F', ...Array(99).fill('')],
    ]);
  });
});
