import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import type { TableRow } from '../../src/schema/table.ts';
import { anchorHref } from '../../src/site/check-panel.ts';
import { ROWS_A_PAGE, rowPage, tablePagePath, tablePlan } from '../../src/site/table-pages.ts';

const DIR = '../shared/samples/other-provinces';
const absent = !existsSync(DIR);
if (absent) console.warn(`skipping the table pages' sample tests: ${DIR} is not present`);

function parse(name: string) {
  const file = `${DIR}/${name}.txt`;
  return parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
}

/** A table of `n` rows, each with a 绩效目标 sentence of 40 characters no other row repeats, its first line `10 + 3i`. */
function proseTable(id: string, n: number) {
  let seed = 7;
  const char = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return String.fromCharCode(0x4e00 + ((seed >>> 8) % 20000));
  };
  const rows = Array.from({ length: n }, (_, i) => ({
    name: `项目${i}`,
    code: null,
    texts: { goal: Array.from({ length: 40 }, char).join('') },
    values: { total: 100 + i, general: 100 + i },
    lines: { first: 10 + 3 * i, last: 12 + 3 * i },
  }));
  return { id, rows: rows as unknown as TableRow[] };
}

describe('tables on pages of their own (table-pages.ts)', () => {
  it.skipIf(absent)("moves 广州 水务局 2026's project table off its disclosure page, and nothing of 深圳's", () => {
    const guangzhou = parse('guangzhou-water-2026-budget');
    const plan = tablePlan(guangzhou.tables);
    expect([...plan.keys()]).toHaveLength(1);
    const moved = guangzhou.tables.find((t) => plan.has(t.id))!;
    // Source L720: 部门预算项目支出及其他支出预算表, whose rows print a 绩效目标 sentence each (L725: its column header).
    expect(moved.title).toBe('部门预算项目支出及其他支出预算表');
    expect(moved.lines.first).toBe(720);
    expect(plan.get(moved.id)).toEqual([{ from: 0, to: moved.rows.length }]);
    expect(tablePlan(parse('shenzhen-water-2026-budget').tables).size).toBe(0);
  });

  it('cuts a table heavier than a page between rows, in order, every row on one page', () => {
    const table = proseTable('t5', 3000);
    const spans = tablePlan([table]).get('t5')!;
    // 40 characters drawn from 20,000 do not compress below ~14 bits each: ~88 bytes a sentence, ~100 with the row's
    // name, amounts and markup, so 3,000 rows are ~300 KB: 8 pages of ROWS_A_PAGE (40,000), the last one part full.
    expect(ROWS_A_PAGE).toBe(40_000);
    expect(spans).toHaveLength(8);
    expect(spans[0].from).toBe(0);
    expect(spans[spans.length - 1].to).toBe(3000);
    for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBe(spans[i - 1].to);
    for (const s of spans.slice(0, -1)) {
      expect(s.to - s.from).toBeGreaterThan(350);
      expect(s.to - s.from).toBeLessThan(450);
    }
  });

  it('keeps small tables on the page and links a moved row to the page that holds it', () => {
    const small = proseTable('t1', 20);
    const big = proseTable('t2', 3000);
    const plan = tablePlan([small, big]);
    expect([...plan.keys()]).toEqual(['t2']);
    const spans = plan.get('t2')!;
    const row = spans[2].from + 5;
    const anchor = `t2-L${10 + 3 * row}`;
    expect(rowPage(plan, [small, big], anchor)).toEqual({ tableId: 't2', page: 3 });
    expect(rowPage(plan, [small, big], 't1-L13')).toBeNull();
    expect(rowPage(plan, [small, big], 't2-L11')).toBeNull(); // no row starts on line 11
    const row3 = (a: string) => {
      const at = rowPage(plan, [small, big], a);
      return at && `/${tablePagePath('x', at.tableId, at.page)}`;
    };
    expect(anchorHref(anchor, { text: null, targets: null, row: row3 })).toBe(`/d/x/t/t2/3/#${anchor}`);
    expect(anchorHref('t1-L13', { text: null, targets: null, row: row3 })).toBe('#t1-L13');
    expect(tablePagePath('x', 't2')).toBe('d/x/t/t2/');
  });
});
