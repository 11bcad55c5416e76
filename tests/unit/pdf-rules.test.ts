import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/ingest/sources/index.ts';
import { rulesOf, type RuleOps } from '../../src/ingest/sources/pdf/rules.ts';
import { tinyPdf } from '../fixtures/tiny-pdf.ts';

// The ruling lines of a PDF page (issue 10 point 3, issue 11 point 5): in the line boxes' space, points from the top
// left corner, y downwards. The test pages are 842 pt high: PDF y 700 is 142 down from the top.

const round = (v: number) => Math.round(v * 10) / 10;
const rounded = <T extends object>(rules: T[]) => rules.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v as number)])));

/** Three mentions of 指标: a page of performance indicators, the pages rules are read on. */
const indicatorText = [
  { text: '产出指标', x: 72, y: 100 },
  { text: '效益指标', x: 72, y: 120 },
  { text: '满意度指标', x: 72, y: 140 },
];

describe('ruling lines of a PDF page', () => {
  it('reads stroked segments and rectangles, under the transform they are drawn with, and thin filled rectangles', async () => {
    const drawing = [
      // Moved 10 right and 20 up: a segment from (50, 700) to (250, 700) lies from x 60 to 260 at y 842 − 720 = 122.
      'q 1 0 0 1 10 20 cm 0.5 w 50 700 m 250 700 l S',
      // A rectangle of no height is one rule (drawn there and back): x 110 to 310, y 842 − 620 = 222.
      '100 600 200 0 re S Q',
      // A filled rectangle 0.8 pt high is a rule along its middle (y 842 − 500.4 = 341.6); one 0.8 pt wide, a vertical one.
      '50 500 200 0.8 re f 60 400 0.8 100 re f',
      // No rules: a filled box (a background), a slanted segment, a clipping path, a curve.
      '300 300 100 100 re f 0 0 m 10 10 l S 50 50 100 100 re W n 0 100 m 50 150 100 150 150 100 c S',
      // Cells drawn one by one along one line: their top sides are one rule from x 400 to 500 (y 842 − 200 = 642).
      '400 180 50 20 re S 450 180 50 20 re S',
    ].join('\n');
    // Page 2 prints its line below every rule, page 3 above some.
    const read = await readSource(tinyPdf([indicatorText, [{ text: '说明', x: 72, y: 700 }], [{ text: '说明', x: 72, y: 100 }]], [drawing, drawing, drawing]));
    if (!read.ok) throw new Error(read.reason);
    const [first, second, third] = read.pageRules!;
    expect(rounded(first!.horizontal)).toEqual([
      { y: 122, x0: 60, x1: 260 },
      { y: 222, x0: 110, x1: 310 },
      { y: 341.6, x0: 50, x1: 250 },
      { y: 642, x0: 400, x1: 500 },
      { y: 662, x0: 400, x1: 500 },
    ]);
    expect(rounded(first!.vertical)).toEqual([
      { x: 60.4, y0: 342, y1: 442 },
      { x: 400, y0: 642, y1: 662 },
      { x: 450, y0: 642, y1: 662 },
      { x: 500, y0: 642, y1: 662 },
    ]);
    // A page without indicators is not read for rules (only the tables of indicators use them), unless the page before
    // was and its last line stands in a drawn grid (above a rule), which may go on: page 2 is read, page 3 is not.
    expect(second).toEqual(first);
    expect(third).toBeNull();
  });

  it('on a page printed sideways, in the frame its text reads upright in, as its line boxes are', async () => {
    // Running up the portrait page, a text at (x, y) of the turned page is drawn at PDF (y, x) (tests/fixtures/tiny-pdf.ts):
    // a segment up the page at PDF x 100 from y 50 to 250 is a rule across the turned page at y 100 from x 50 to 250, and
    // one across the page at PDF y 400 from x 300 to 500 a rule down it at x 400 from y 300 to 500.
    const sideways = indicatorText.map((t) => ({ ...t, sideways: true }));
    const read = await readSource(tinyPdf([sideways], ['0.5 w 100 50 m 100 250 l S 300 400 m 500 400 l S']));
    if (!read.ok) throw new Error(read.reason);
    expect(rounded(read.pageRules![0]!.horizontal)).toEqual([{ y: 100, x0: 50, x1: 250 }]);
    expect(rounded(read.pageRules![0]!.vertical)).toEqual([{ x: 400, y0: 300, y1: 500 }]);
    // The first indicator's box: from x 72 along its 4 em at 10 pt, its glyphs 8.5 pt above and 1.5 pt below the baseline 100.
    expect([...read.lineBoxes!.slice(0, 4)]).toEqual([72, 91.5, 112, 101.5]);
  });

  it('follows a form XObject’s matrix, and reads no rules of a page drawing more segments than a table has', () => {
    const ops: RuleOps = {
      save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
      stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27,
    };
    // pdf.js's path commands: 0 moveTo, 1 lineTo. The viewport flips the page (842 pt high) to y downwards.
    const segment = [91, [20, [[0, 0, 0, 1, 100, 0]], null]] as const;
    const viewport = [1, 0, 0, -1, 0, 842];
    const list = (entries: ReadonlyArray<readonly [number, unknown]>) => ({ fnArray: entries.map((e) => e[0]), argsArray: entries.map((e) => e[1]) });
    const inForm = list([[74, [[2, 0, 0, 2, 10, 100], null]], segment, [75, []], segment]);
    expect(rounded(rulesOf(inForm, ops, viewport).horizontal)).toEqual([
      { y: 742, x0: 10, x1: 210 },
      { y: 842, x0: 0, x1: 100 },
    ]);
    const drawing = list(Array.from({ length: 20_001 }, () => segment));
    expect(rulesOf(drawing, ops, viewport)).toEqual({ horizontal: [], vertical: [] });
  });
});

const SAMPLE = '../shared/samples/other-provinces/beijing-civil-affairs-2026-tables.pdf';

describe.skipIf(!existsSync(SAMPLE))('ruling lines of 北京 民政局 预算表12 as published', () => {
  it('page 26: rules across the whole table close the projects, rules across the indicator columns only part their rows', async () => {
    const read = await readSource(new Uint8Array(readFileSync(SAMPLE)));
    if (!read.ok) throw new Error(read.reason);
    // Pages 1–25 are the budget tables (预算表1–11), no indicators: not read.
    expect(read.pageRules!.slice(0, 25).every((r) => r == null)).toBe(true);
    const page = read.pageRules![25]!;
    // The table's frame runs from x 37.7 to 803.3. Across it: the header's rules, then the rules under
    // 9978-儿童福利和保护工作服务 (its six rows end with 符合安置条件孤儿社会回归率) and under 9984-和谐婚姻家庭建设服务
    // (its seven end with 群众满意度); 4522-慈善北京文化建设服务 below is not closed on the page.
    expect(page.horizontal.filter((r) => r.x0 < 40 && r.x1 > 800).map((r) => round(r.y))).toEqual([48.2, 63.5, 85.1, 103.5, 146.9, 281.9, 424.3]);
    // The indicator columns begin at x 404.7 (一级指标); each indicator row is closed there, the page's last at y 532.7.
    const rows = page.horizontal.filter((r) => round(r.x0) === 404.7);
    expect(rows.map((r) => round(r.y)).slice(-3)).toEqual([448.1, 497, 532.7]);
  });
});
