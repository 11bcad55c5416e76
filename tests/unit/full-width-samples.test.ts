import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { checkCounts } from '../../src/schema/common.ts';

// A word processor (Word, WPS) prints figures in full-width digits (`２０５０８０３`, `１７９.１７`). The samples' -layout
// text with every ASCII digit made full-width, nothing else changed, reads as the ASCII print reads: the same tables,
// rows, codes, amounts and checks, each text kept as printed.
const DIR = '../shared/samples/other-provinces';
const absent = !existsSync(DIR);
const skipped = absent ? ' — skipped: ../shared/samples/other-provinces is absent' : '';

const fullWidth = (text: string) => text.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A parsed value with its strings' full-width digits made ASCII: what the ASCII print's reading holds. */
function asciiDigits<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) as T;
  if (Array.isArray(value)) return value.map(asciiDigits) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asciiDigits(v)])) as T;
  return value;
}

function bothPrints(name: string) {
  const file = `${DIR}/${name}`;
  const text = readFileSync(file, 'utf8');
  const parse = (t: string) => parseDisclosure(t, { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
  return { ascii: parse(text), wide: parse(fullWidth(text)) };
}

describe.skipIf(absent)(`a sample printed in full-width digits reads as its ASCII print${skipped}`, () => {
  it('西安 交通运输局 2022: the 序号 and codes of its tables, no line left unread', () => {
    const { ascii, wide } = bothPrints('xian-transport-2022-budget.txt');
    // -layout L632: ` 4            2050803   培训支出    179.17    91.39    87.78` (序号 4; 合计, 公用经费, 专项业务经费).
    const table = wide.tables.find((t) => t.kind === 'general-budget-expenditure')!;
    const row = table.rows.find((r) => r.lines.first === 632)!;
    expect([row.code, row.name, row.values, row.texts.rowNumber]).toEqual(['2050803', '培训支出', { total: 179.17, personnel: null, public: 91.39, c4: 87.78 }, '４']);
    expect(wide.unparsed).toEqual([]);
    expect(checkCounts(wide.checks)).toEqual(checkCounts(ascii.checks));
    expect(checkCounts(wide.checks)).toMatchObject({ pass: 378, fail: 0 });
    expect(asciiDigits(wide.tables)).toEqual(ascii.tables);
    expect(asciiDigits(wide.targets)).toEqual(ascii.targets);
  });

  it("北京 民政局 2026 tables: codes joined to names by a hyphen, a target's project code and funds", () => {
    const { ascii, wide } = bothPrints('beijing-civil-affairs-2026-tables.txt');
    // -layout L52: `2050802-干部教育  50501-工资福利支出  30101-基本工资  290.658800  290.658800`.
    const row = wide.tables.flatMap((t) => t.rows).find((r) => r.lines.first === 52)!;
    expect([row.code, row.name, row.values.total, row.values.basic, row.texts['economic-subject']]).toEqual(['2050802', '干部教育', 290.6588, 290.6588, fullWidth('30101-基本工资')]);
    // L693-L694: `11000022T00000048` over `9978-儿童福利和保  18.853800  18.853800`.
    const target = wide.targets.find((t) => t.lines.first <= 693 && t.lines.last >= 694)!;
    expect([target.code, target.funds.total, target.funds.fiscal]).toEqual([fullWidth('11000022T00000048'), 18.8538, 18.8538]);
    expect(checkCounts(wide.checks)).toEqual(checkCounts(ascii.checks));
    expect(asciiDigits(wide.tables)).toEqual(ascii.tables);
    expect(asciiDigits(wide.targets)).toEqual(ascii.targets);
  });
});
