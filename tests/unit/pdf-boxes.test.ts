import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boxesOfLines } from '../../src/ingest/boxes.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { disclosure, type Disclosure } from '../../src/schema/disclosure.ts';
import type { PageBox } from '../../src/schema/common.ts';

// Issue 10, point 4: where on its PDF page a table, a row and a check's lines are printed.

const SAMPLES = '../shared/samples';
const WELFARE = 'shanghai-putuo-social-welfare-home-2024-budget';
const OFFICE = 'shanghai-putuo-government-office-2025-department-budget';
const samplesAbsent = !existsSync(`${SAMPLES}/${WELFARE}.pdf`) || !existsSync(`${SAMPLES}/${OFFICE}.pdf`);

async function parsed(name: string, ext: 'pdf' | 'txt'): Promise<Disclosure> {
  const read = await readSource(readFileSync(`${SAMPLES}/${name}.${ext}`));
  if (!read.ok) throw new Error(read.reason);
  const { format, encoding, pageStarts, lineBoxes } = read;
  return parseDisclosure(read.text, { file: `${name}.${ext}`, sha256: '0'.repeat(64), format, encoding, pageStarts, lineBoxes });
}

/** A box on `page` within `tolerance` points of the words' box that `pdftotext -bbox-layout` gives. */
function near(box: PageBox | undefined, page: number, words: [number, number, number, number], tolerance = 1) {
  expect(box?.[0]).toBe(page);
  for (let k = 0; k < 4; k++) expect(Math.abs(box![k + 1] - words[k])).toBeLessThanOrEqual(tolerance);
}

describe('boxes of line ranges', () => {
  // Lines 1–2 on page 1, lines 3–6 on page 2: line 4 a blank the layout left, line 5 the page number.
  const text = '表1 收支总表\n合计  10\n\f表1（续）\n\n- 2 -\n合计  20\n';
  const boxes = Float64Array.from([10, 20, 100, 30, 12.04, 35.01, 150.06, 45, 10, 20, 90, 30, NaN, NaN, NaN, NaN, 280, 800, 300, 812, 10, 40, 200, 52]);
  const lines = toSourceLines(text);
  const boxesOf = boxesOfLines(lines, detectLayout(lines), [3], boxes);

  it('one box a page, the union of its lines, rounded outwards to 0.1 pt', () => {
    expect(boxesOf([{ first: 1, last: 2 }])).toEqual([[1, 10, 20, 150.1, 45]]);
    expect(boxesOf([{ first: 2, last: 2 }])).toEqual([[1, 12, 35, 150.1, 45]]);
  });

  it('a range across a page break has a box on each page; blank lines and the page number are no part of it', () => {
    expect(boxesOf([{ first: 1, last: 6 }])).toEqual([
      [1, 10, 20, 150.1, 45],
      [2, 10, 20, 200, 52],
    ]);
    expect(boxesOf([{ first: 4, last: 5 }])).toBeUndefined();
  });
});

describe.skipIf(samplesAbsent)('boxes of tables, rows and checks read from a PDF', () => {
  it('the 社会福利院 2024 收入预算总表 (page 8): the table, a row and the check of that row, against pdftotext -bbox-layout', async () => {
    const doc = await parsed(WELFARE, 'pdf');
    const table = doc.tables.find((t) => t.title === '2024年预算单位收入预算总表')!;
    // From the title (y 90.15) and 编制单位 (x 102.95) to 单位：元 (x 738.32) and the 合计 row (y 516.17).
    expect(table.boxes).toHaveLength(1);
    near(table.boxes![0], 8, [102.95, 90.15, 738.32, 516.17]);
    // 208 05 05 机关事业单位基本养老保险缴费支出 767,579 767,579: from its code (x 108.82) to the 财政拨款收入 amount (x 517.19).
    const row = table.rows.find((r) => r.code === '2080505')!;
    expect(row.boxes).toHaveLength(1);
    near(row.boxes![0], 8, [108.82, 270.92, 517.19, 281.19]);
    const check = doc.checks.find((c) => c.id === `${table.id}:row:2080505:total`)!;
    expect(check.boxes).toEqual(row.boxes);
    // 208 = 20805 + 20810: its three rows, from 208's 事业收入 2,620,000 (x 588.94) down to 20810 (y 345.26).
    const parent = doc.checks.find((c) => c.id === `${table.id}:parent-sum:208:total`)!;
    near(parent.boxes![0], 8, [108.82, 206.85, 588.94, 345.26]);
  });

  it('the 区政府办公室 2025 部门收入预算总表 across pages 9 and 10: a box on each page', async () => {
    const doc = await parsed(OFFICE, 'pdf');
    const table = doc.tables.find((t) => t.title === '2025年部门收入预算总表')!;
    expect(table.boxes?.map((b) => b[0])).toEqual([9, 10]);
    // Page 9: the title (y 92.59) and 编制部门 (x 69.74), 单位：元 (x 771.74), the 2080599 row (y 509.78).
    near(table.boxes![0], 9, [69.74, 92.59, 771.74, 509.78]);
    // Page 10: the 210 row (x 75.74, y 77.74) down to 合计 (y 286.78), amounts ending at x 582.74.
    near(table.boxes![1], 10, [75.74, 77.74, 582.74, 286.78]);
    const total = table.rows.find((r) => r.role === 'total')!;
    near(total.boxes?.[0], 10, [226.74, 274.74, 582.74, 286.78]);
  });

  it('the boxes survive the compact JSON; a text source has none', async () => {
    const doc = await parsed(WELFARE, 'pdf');
    expect(disclosure.parse(JSON.parse(serializeDisclosure(doc)))).toEqual(doc);
    const text = await parsed(WELFARE, 'txt');
    expect(text.tables.length).toBeGreaterThan(0);
    expect(text.tables.some((t) => 'boxes' in t || t.rows.some((r) => 'boxes' in r))).toBe(false);
    expect(text.checks.some((c) => 'boxes' in c)).toBe(false);
  });
});
