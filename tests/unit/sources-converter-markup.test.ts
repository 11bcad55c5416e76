import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { inlineHtmlText } from '../../src/ingest/sources/inline-html.ts';
import { latexText, mathText } from '../../src/ingest/sources/latex.ts';
import { lostText } from '../fixtures/content-check.ts';
import { markupIn } from './sources-markup.ts';

// Issue 11: what a PDF converter leaves of a form's tick boxes (`<input type="checkbox"/>`) and of formulas (LaTeX)
// reaches the reader as the text the form and the formula print.

/** Each input beside the text it must read as. */
function readsAs(read: (text: string) => string, cases: ReadonlyArray<readonly [string, string]>): void {
  expect(cases.map(([input]) => read(input))).toEqual(cases.map(([, text]) => text));
}

describe('LaTeX a converter writes, as the text it prints', () => {
  it('reads operators, fractions, sums and \\text as plain text', () => {
    readsAs(mathText, [
      ['(56.38/56.38) \\times 100\\% = 100\\%', '(56.38/56.38)×100%=100%'],
      [
        '\\frac{\\sum \\text{样本数} (\\text{“满意”} \\times 1.0 + \\text{“不满意”} \\times 0)}{\\text{总样本数}} \\times 100\\%',
        '(∑样本数(“满意”×1.0+“不满意”×0))/总样本数×100%',
      ],
      ['\\frac{1}{2}', '1/2'],
      ['\\leq 100\\%', '≤100%'],
      ['\\ge 95\\%', '≥95%'],
      ['1{,}200', '1,200'],
      ['100 \\mathrm{m}^{2}', '100m²'],
      ['\\text{total count}', 'total count'],
    ]);
  });

  it('finds formulas by pandoc’s rule and drops the spaces a converter puts around them in Chinese text', () => {
    readsAs(latexText, [
      ['即 $(56.38/56.38) \\times 100\\% = 100\\%$ ，项目', '即(56.38/56.38)×100%=100%，项目'],
      ['满意度 = $\\frac{a}{b}$', '满意度 = a/b'],
      ['\t项目预算完成率\t$\\leq 100\\%$\t预算支出标准', '\t项目预算完成率\t≤100%\t预算支出标准'],
      // Not formulas: a dollar before a space or after one, or a closing dollar before a digit.
      ['$5 和 $6', '$5 和 $6'],
      ['US$5 与 $x$5', 'US$5 与 $x$5'],
    ]);
  });
});

describe('HTML a converter leaves in a line of text', () => {
  it('reads tick boxes as ☑/☐ where they stand, before or after their option, and keeps the line one line', () => {
    readsAs(inlineHtmlText, [
      ['法人类型\t<input checked="" type="checkbox"/> 事业法人； <input type="checkbox"/> 企业法人', '法人类型\t☑ 事业法人； ☐ 企业法人'],
      ['1.新建 <input type="checkbox"/> 2.连续性项目 <input checked="" type="checkbox"/>', '1.新建 ☐ 2.连续性项目 ☑'],
      ['<input type="radio" checked>是 <input type="radio">否', '☑是 ☐否'],
      ['主要绩效\t<p>该项目按期完成。</p> <p>1.积极发现问题。</p>', '主要绩效\t该项目按期完成。 1.积极发现问题。'],
      ['a<br>b &amp; c', 'a b & c'],
    ]);
  });

  it('leaves a line as printed where a parse would lose text', () => {
    const printed = ['a < 5%', '<p>a<b', '<p>abc <b级 def</p>', '<template>x</template>y'];
    expect(printed.map(inlineHtmlText)).toEqual(printed);
  });

  it('leaves a line of more tags than a converter writes as printed, instead of failing its document', () => {
    // 50,000 nested tags overflowed the parser's stack: the whole file failed with 「Maximum call stack size exceeded」.
    const hostile = `${'<b>'.repeat(50_000)}x`;
    expect(inlineHtmlText(hostile)).toBe(hostile);
    expect(inlineHtmlText(`${'<b>'.repeat(100)}x`)).toBe('x');
  });
});

describe('a converter’s Markdown form with tick boxes and formulas (tests/fixtures/formats/converted-form.md)', () => {
  // Written for this test: a 绩效目标表 whose 单位基本情况 part ticks 机关法人 and 连续性项目, indicator values in LaTeX,
  // and a 测算说明 paragraph with a formula.
  const FIXTURE = 'tests/fixtures/formats/converted-form.md';

  async function form() {
    const read = await readSource(readFileSync(FIXTURE));
    if (!read.ok) throw new Error(read.reason);
    return { read, doc: parseDisclosure(read.text, { file: 'converted-form.md', sha256: '0'.repeat(64), format: read.format, encoding: read.encoding }) };
  }

  it('keeps which options the form ticks (lines 6 and 7)', async () => {
    const { doc } = await form();
    const printed = Object.fromEntries((doc.targets[0].printed ?? []).map((p) => [p.lines.first, p.text]));
    expect(printed[6]).toBe('法人类型\t☑ 机关法人； ☐ 事业法人； ☐ 其它');
    expect(printed[7]).toBe('项目性质\t1.新建 ☐ 2.连续性项目 ☑ 3.改造 ☐');
  });

  it('reads LaTeX indicator values as numbers with their comparison (lines 12–14)', async () => {
    const { doc } = await form();
    expect(doc.targets[0].indicators.map((i) => [i.name, i.value.text, i.value.operator, i.value.number, i.value.unit, i.lines.first])).toEqual([
      ['培训农户人数', '≥300人', '>=', 300, '人', 12],
      ['项目预算完成率', '≤100%', '<=', 100, '%', 13],
      ['农户满意度', '≥95%', '>=', 95, '%', 14],
    ]);
  });

  it('writes the formulas of the prose as text (line 16), and lets no markup reach any field', async () => {
    const { read, doc } = await form();
    expect(doc.sections.find((s) => s.heading === '三、测算说明')?.paragraphs).toEqual([
      '项目预算执行率为(45.60/48.00)×100%=95%，满意度按满意户数/调查户数×100%计算。',
    ]);
    expect(markupIn(doc)).toEqual([]);
    expect(JSON.stringify(doc)).not.toMatch(/<input|\\times|\\frac|\\text|\\[lg]eq?\b|\$/);
    expect(lostText(read.text, doc)).toEqual([]);
  });
});

describe('the same in a tab-separated text file from a converter (as the evaluation seed)', () => {
  const text = [
    '项目支出绩效目标表',
    '单位名称\t示例县农业农村局',
    '法人类型\t<input checked="" type="checkbox"/> 机关法人； <input type="checkbox"/> 事业法人',
    '一级指标\t二级指标\t三级指标\t指标值',
    '产出指标\t成本指标\t项目预算完成率\t$\\leq 100\\%$',
    '满意度指标\t满意度指标\t农户满意度\t$\\geq 95\\%$',
  ].join('\n');
  const doc = parseDisclosure(text, { file: 'form.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });

  it('reads the tick boxes and the values as the Markdown form is read (lines 3, 5, 6)', () => {
    expect((doc.targets[0].printed ?? []).find((p) => p.lines.first === 3)?.text).toBe('法人类型\t☑ 机关法人； ☐ 事业法人');
    expect(doc.targets[0].indicators.map((i) => [i.value.text, i.value.operator, i.value.number, i.lines.first])).toEqual([
      ['≤100%', '<=', 100, 5],
      ['≥95%', '>=', 95, 6],
    ]);
    expect(markupIn(doc)).toEqual([]);
    expect(lostText(text, doc)).toEqual([]);
  });
});
