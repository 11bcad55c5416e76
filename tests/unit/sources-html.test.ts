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
  const doc = parseDisclosure(read.text, { file: 'portal-budget-page.html', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding, portalFrom: read.portalFrom });
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

  it("keeps every paragraph, menu entry and footer line: the portal's own text after the article, the breadcrumbs too", async () => {
    const { read } = await page();
    const lines = read.text.split('\n').filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['喀什经济开发区党群工作部2024年单位预算公开', '发布时间：2024-02-05 来源： 浏览次数：', '一、单位职责']);
    expect(lines.slice(-10)).toEqual([
      '注：本表为<一般公共预算>支出，含上级转移支付。',
      '当前位置：首页 > 政务公开 > 预决算公开',
      '首页',
      '政务公开',
      '预决算公开',
      '栏目导航',
      '部门预算',
      '部门决算',
      '主办：喀什经济开发区管理委员会 | 网站地图',
      '新ICP备00000000号',
    ]);
    // The portal's text from the breadcrumbs on (line 38) is no part of the disclosure: kept in unparsed, saying so.
    expect(read.ok && read.portalFrom).toBe(38);
    const { doc } = await page();
    expect(doc.unparsed.map((u) => [u.lines.first, u.text])).toEqual([
      [38, '当前位置：首页 > 政务公开 > 预决算公开'],
      [39, '首页'],
      [40, '政务公开'],
      [41, '预决算公开'],
      [43, '栏目导航'],
      [44, '部门预算'],
      [45, '部门决算'],
      [47, '主办：喀什经济开发区管理委员会 | 网站地图'],
      [48, '新ICP备00000000号'],
    ]);
    expect(new Set(doc.unparsed.map((u) => u.reason))).toEqual(new Set(['网站自身的栏目、导航、附件链接或页脚文字，不属于公开的文件']));
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

// A portal article page written for this test (issue 10): no <h1> (the title a <div> repeating <title>), the article
// in a layout table beside a menu, under a top bar, a site navigation whose 部门决算 and a 上一篇 link naming a 决算
// must not make the budget one; Word-pasted cells (<p>, <span>, &nbsp;, <br>); a 附件 list, print links, 上一篇 /
// 下一篇 and a footer with 网站标识码, ICP备 and 版权所有; scripts, on* attributes and javascript: links. Amounts ours.
describe('a portal article page without <h1>, in a layout table', () => {
  async function articlePage() {
    const read = await readSource(readFileSync('tests/fixtures/formats/portal-article-page.html'));
    if (!read.ok) throw new Error(read.reason);
    const { ok: _ok, text, ...fields } = read;
    return { read, doc: parseDisclosure(text, { ...fields, file: 'portal-article-page.html', sha256: '0'.repeat(64) }) };
  }

  it('takes title, department, year and kind from the article, not from the site around it', async () => {
    const { doc } = await articlePage();
    expect([doc.title, doc.department, doc.year, doc.kind]).toEqual(['关于2025年某县市场监督管理局部门预算公开的说明', '某县市场监督管理局', 2025, 'budget']);
    // Dated by the line under its title, 发布时间：2025-02-14 10:30: the page has no 落款.
    expect(doc.publishedAt).toBe('2025-02-14');
  });

  it('reads every table, row, code and amount as written; the checks pass', async () => {
    const { doc } = await articlePage();
    expect(doc.tables.map((t) => [t.kind, t.title, t.rows.length])).toEqual([
      ['income-expenditure-summary', '表1 部门收支总表', 14],
      ['general-budget-expenditure', '表2 一般公共预算支出表', 16],
      ['three-public-expenditure', '表4 一般公共预算“三公”经费支出表', 1],
    ]);
    const [summary, general, threePublic] = doc.tables;
    expect(summary.rows.find((r) => r.name === '一、一般公共预算拨款收入')?.values).toEqual({ total: 1286.4 });
    // A cell printed &nbsp; is blank: 行政运行 has no 项目支出.
    expect(general.rows.find((r) => r.code === '2013801')?.values).toEqual({ total: 716.4, basic: 716.4, project: null });
    expect(general.rows[0]).toMatchObject({ code: null, role: 'total', values: { total: 1286.4, basic: 1016.4, project: 270 } });
    expect(threePublic.rows[0].values).toMatchObject({ total: 30, vehicles: 25, 'vehicle-operation': 25, reception: 5 });
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it("reads the narrative and the 名词解释 without the site's text; that text is in unparsed, saying whose it is", async () => {
    const { read, doc } = await articlePage();
    expect(doc.sections.map((s) => s.heading)).toEqual([
      null, '第一部分 部门概况', '一、主要职能', '二、机构设置', '第二部分 2025年部门预算情况说明', '一、收支预算总体情况', '二、“三公”经费预算情况', '第三部分 2025年部门预算表', '第四部分 名词解释',
    ]);
    expect(doc.sections.at(-1)?.paragraphs).toHaveLength(4);
    expect(doc.glossary.map((g) => [g.term, g.lines.first])).toEqual([['财政拨款收入', 72], ['基本支出', 74], ['项目支出', 76], ['“三公”经费', 78]]);
    expect(read.ok && read.portalFrom).toBe(80);
    expect(doc.unparsed).toHaveLength(19);
    expect(doc.unparsed.every((u) => u.lines.first >= 80 && u.reason === '网站自身的栏目、导航、附件链接或页脚文字，不属于公开的文件')).toBe(true);
    expect(doc.unparsed.map((u) => u.text)).toEqual(expect.arrayContaining(['当前位置：首页 > 政务公开 > 财政预决算 > 部门预算', '附件：', '2.某县市场监督管理局2025年部门预算公开.pdf', '上一篇：关于2024年某县市场监督管理局部门决算公开的说明', '网站标识码：4211250001 鄂ICP备12345678号-1 鄂公网安备 42112502000123号', '版权所有：某县人民政府 联系电话：0713-1234567']));
  });

  it('names an image in the article in a warning, not a javascript: address; none of the images around it', async () => {
    const { doc } = await articlePage();
    expect(doc.warnings.filter((w) => w.includes('图片'))).toEqual([
      '原文有 1 处图片（“三、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。 四…”之后的一处）：图片中的内容没有文字，未能读出；若是扫描的表格或文字，需要先做文字识别（OCR）',
    ]);
    const read = await readSource(
      new TextEncoder().encode('<html><body><img src="/logo.png"><h1>某县财政局2025年部门预算公开</h1><p>表3 一般公共预算基本支出表</p><p>单位：万元</p><p><img src="/uploadfiles/2025/02/jbzc.png"></p><p>表4 一般公共预算“三公”经费支出表</p></body></html>'),
    );
    expect(read.ok && read.images).toEqual([{ address: '/uploadfiles/2025/02/jbzc.png', after: '表3 一般公共预算基本支出表 单位：万元' }]);
  });

  it('lets no script, event handler, javascript: link or other markup reach any field', async () => {
    const { doc } = await articlePage();
    expect(markupIn(doc)).toEqual([]);
    expect(JSON.stringify(doc)).not.toMatch(/javascript|alert\(|onclick|onerror|onload|document\.write|getHits|setFont/i);
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

  it('titles the page by a lesser heading naming the disclosure where <title> names only the portal’s section', async () => {
    // Written for this test (probe p42, /tmp/meta): <title>政务公开</title>, the disclosure's title an <h2>.
    const result = await read(
      '<html><head><title>政务公开</title></head><body><div>您现在的位置：首页 &gt; 部门决算</div><div class="title"><h2>中共某市某区委组织部2023年度部门决算</h2></div><p>第一部分 部门概况</p></body></html>',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text.split('\n')[0]).toBe('中共某市某区委组织部2023年度部门决算');
    expect(readMetadata(toSourceLines(result.text))).toMatchObject({ department: '中共某市某区委组织部', year: 2023, kind: 'final-account' });
  });

  it('titles the page by a lesser heading naming the disclosure where the <h1> is the portal’s logo', async () => {
    // Written for this test (probe q02, /tmp/meta): <h1>某市人民政府</h1> in the header, the article's title an <h2>.
    const result = await read(
      '<html><head><title>某市人民政府</title></head><body><div class="header"><h1>某市人民政府</h1></div><div class="main"><h2>某市财政局2024年部门预算</h2><p>一、部门基本情况</p><p>某市财政局是……</p></div></body></html>',
    );
    expect(result.ok && result.text).toBe('某市财政局2024年部门预算\n\n一、部门基本情况\n\n某市财政局是……\n\n某市人民政府\n');
    if (result.ok) expect(readMetadata(toSourceLines(result.text))).toMatchObject({ department: '某市财政局', year: 2024, kind: 'budget' });
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
