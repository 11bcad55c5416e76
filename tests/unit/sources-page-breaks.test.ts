import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withPageBreaks } from '../../src/ingest/sources/page-breaks.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { parseDisclosure, sourceInfo } from '../../src/ingest/parse-disclosure.ts';

describe('page breaks of a plain text that prints page numbers and no form feed', () => {
  it('opens the line after each printed page number with a form feed, every line and its text kept', () => {
    const text = ['表1', '合计  10.00', '', '- 1 -', '', '表1（续）', '行政运行  10.00', '第 2 页 共 3 页', '表2', '- 3 -', ''].join('\n');
    const { text: paged, breaks } = withPageBreaks(text);
    // After `- 1 -` (L4) the next printed line is L6; after `第 2 页 共 3 页` (L8), L9; `- 3 -` ends the text.
    expect(breaks).toBe(2);
    expect(paged.split('\n')).toEqual(['表1', '合计  10.00', '', '- 1 -', '', '\f表1（续）', '行政运行  10.00', '第 2 页 共 3 页', '\f表2', '- 3 -', '']);
  });

  it('leaves a text with a form feed, or fewer than two page numbers by shape, as it is', () => {
    for (const text of ['表1\n- 1 -\n\f表2\n- 2 -\n表3', '表1\n- 1 -\n表2']) expect(withPageBreaks(text)).toEqual({ text, breaks: 0 });
  });

  /** Pages of twelve lines: content, a blank line, the page's number printed `indent` in, the next page's title. */
  const pages = (indent: string, numbers: number[], blankAbove = numbers.map(() => true)) =>
    numbers.flatMap((n, k) => [`表${k + 1}`, ...Array.from({ length: 9 }, (_, j) => `行${j}  1.00`), ...(blankAbove[k] ? [''] : []), `${indent}${n}`]).join('\n');

  it('takes bare numbers counting up by one, away from the margin and a page apart, for the pages', () => {
    const { text, breaks } = withPageBreaks(pages(' '.repeat(40), [3, 4, 5, 6]));
    expect(breaks).toBe(3);
    expect(text.split('\n').filter((l) => l.startsWith('\f'))).toEqual(['\f表2', '\f表3', '\f表4']);
    // A number straight under the page's last row goes on with a run (`4` here), never starts one.
    expect(withPageBreaks(pages(' '.repeat(40), [3, 4, 5], [true, false, true])).breaks).toBe(2);
    expect(withPageBreaks(pages(' '.repeat(40), [3, 4, 5], [false, true, true])).breaks).toBe(0);
  });

  it('takes no bare numbers at the margin (a 序号 printed one cell a line), out of order, or fewer than three', () => {
    for (const text of [pages('', [1, 2, 3, 4]), pages(' '.repeat(40), [3, 5, 7, 9]), pages(' '.repeat(40), [3, 4])]) expect(withPageBreaks(text)).toEqual({ text, breaks: 0 });
  });
});

// `pdftotext -layout` text of ../shared/samples/other-provinces (read, not committed).
const GUANGZHOU = '../shared/samples/other-provinces/guangzhou-water-2026-budget.txt';
const absent = !existsSync(GUANGZHOU);
if (absent) console.warn(`skipping the form-feed-less copy of a real disclosure: ${GUANGZHOU} is not present`);

const FOSHAN = '../shared/samples/other-provinces/foshan-rail-transit-bureau-2019-final-accounts.txt';

describe.skipIf(absent || !existsSync(FOSHAN))(`a real disclosure's text without its form feeds, bare page numbers${absent ? ' — skipped: samples absent' : ''}`, () => {
  it('佛山 轨道交通局 2019 决算, form feeds removed: its bare page numbers give the pages back, and no page number is a row', async () => {
    const printed = readFileSync(FOSHAN, 'utf8');
    const read = await readSource(new TextEncoder().encode(printed.replace(/\f/g, '')), FOSHAN);
    if (!read.ok) throw new Error(read.reason);
    // 31 form feeds, each under the page's number `1` … `31`, right-aligned; the last opens an empty page.
    expect(read.pageBreaks).toBe(30);
    const doc = parseDisclosure(read.text, sourceInfo(read, FOSHAN, 'a'.repeat(64), undefined));
    // L224 `8`, page 8's number under 收入决算表's last row (L219 2140199 16.15): no row of its own.
    expect(doc.tables.flatMap((t) => t.rows).filter((r) => r.lines.first === 224)).toEqual([]);
    expect(doc.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(doc.checks.filter((c) => c.status === 'pass')).toHaveLength(329);
  });
});

describe.skipIf(absent)(`a real disclosure's text without its form feeds${absent ? ' — skipped: samples absent' : ''}`, () => {
  it('广州 水务局 2026, form feeds removed: its page numbers (`-5-` …) give the pages back, and the tables read as printed', async () => {
    const printed = readFileSync(GUANGZHOU, 'utf8');
    const parse = async (text: string) => {
      const read = await readSource(new TextEncoder().encode(text), GUANGZHOU);
      if (!read.ok) throw new Error(read.reason);
      return parseDisclosure(read.text, sourceInfo(read, GUANGZHOU, 'a'.repeat(64), undefined));
    };
    const withFeeds = await parse(printed);
    const without = await parse(printed.replace(/\f/g, ''));
    // The print's 76 form feeds: 73 open the line after a printed `-N-` (L41 and before follow the unnumbered cover and
    // contents; L3012, after `- 74 -`, opens an empty last page). Each of the 73 is put back, none elsewhere.
    expect(without.warnings[0]).toContain('推定了 73 处换页');
    // L720 部门预算项目支出及其他支出预算表: 270 rows over its pages (L728 合计 269,939.51).
    const projects = without.tables.find((t) => t.lines.first === 720)!;
    expect(projects.rows).toHaveLength(270);
    expect(projects.rows.find((r) => r.lines.first === 728)?.values.total).toBe(269939.51);
    expect(without.tables.map((t) => [t.kind, t.rows.length])).toEqual(withFeeds.tables.map((t) => [t.kind, t.rows.length]));
    expect(without.checks.filter((c) => c.status === 'pass')).toHaveLength(withFeeds.checks.filter((c) => c.status === 'pass').length);
  });
});
