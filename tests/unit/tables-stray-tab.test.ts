import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/schema/disclosure.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

/**
 * A `-layout` text with a few stray lines of tabs (a hand-edited copy, a converter's indent) is still read in its own
 * layout: in a document not tab-separated throughout, the grid reader's tables stand only where one has a row of texts
 * a tab separates (tables/index.ts). Found by `npm run fuzz` (seeds 2143713395 and 142690925): tabs in the first line,
 * or the first four (the title, 目 录, 第一部分 部门概况), of 西安市交通运输局's 2022 budget sent every standard table's
 * title to the grid reader as a table of no rows, 42 tables instead of 13, and a row whose name ran over 1,000 lines.
 */
const FILE = '../shared/samples/other-provinces/xian-transport-2022-budget.txt';
const absent = !existsSync(FILE);
if (absent) console.warn(`skipping the stray-tab tests: ${FILE} is not present`);

function parse(text: string): Disclosure {
  return parseDisclosure(text, { file: FILE, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
}

/** The text with the runs of spaces of lines `from`–`to` (1-based) made tabs, as the fuzz run's `tabs` mutation does. */
function tabbed(text: string, from: number, to = from): string {
  const lines = text.split('\n');
  for (let i = from - 1; i < to; i++) lines[i] = lines[i].replace(/ +/g, '\t');
  return lines.join('\n');
}

const shape = (d: Disclosure) => d.tables.map((t) => [t.kind, t.lines.first, t.lines.last, t.rows.length]);

describe.skipIf(absent)('a stray tab in a -layout text (西安市交通运输局 2022 部门综合预算)', () => {
  const text = absent ? '' : readFileSync(FILE, 'utf8');
  const untouched = absent ? null : parse(text);

  it('reads the untouched text: L1215 is a row of the 一般公共预算基本支出明细表 titled at L1016', () => {
    expect(untouched!.tables).toHaveLength(13);
    const table = untouched!.tables.find((t) => t.lines.first <= 1215 && t.lines.last >= 1215)!;
    expect([table.kind, table.lines.first]).toEqual(['general-budget-basic-expenditure', 1016]);
    // L1215: `85  31299  其他对企业补助  50799  其他对企业补助`, no amount.
    const row = table.rows.find((r) => r.lines.first === 1215)!;
    expect([row.code, row.name, row.texts['crosswalk-code']]).toEqual(['31299', '其他对企业补助', '50799']);
  });

  // L1: the document's title, indented; L1–4: with it `目  录` and `第一部分  部门概况`; L1017:
  // `（按支出经济分类科目-不含上年结转）` under the table's title.
  it.each([[1, 1], [1, 4], [1017, 1017]])('reads the same tables with the spaces of L%i–%i made tabs', (from, to) => {
    const doc = parse(tabbed(text, from, to));
    expect(shape(doc)).toEqual(shape(untouched!));
    expect(doc.unparsed).toEqual(untouched!.unparsed);
  });
});
