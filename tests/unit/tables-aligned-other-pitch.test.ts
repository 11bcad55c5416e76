import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Tables extracted at another character pitch than the PDF's (`pdftotext -layout -fixed N`): a label prints in fewer
// or more columns than it covers, so a group label stands further from the labels it heads than at the default pitch.

function parse(lines: readonly string[]) {
  return parseDisclosure(lines.join('\n') + '\n', { file: 'pitch.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
}

// 广州 水务局 2026 部门预算 表11 部门预算基本支出预算表, `pdftotext -layout -fixed 4` of the published PDF, lines 624–636:
// 财政拨款 at 104–108 over 合计 (72–74), 一般公共预算 (90–96), 政府性基金预算 (111–118) and 国有资本经营预算 (133–141),
// 8 columns right of the first member's end and 3 left of the second's start.
const GUANGZHOU_T11 = [
  "",
  "                                                                                       部门预算基本支出预算表",
  "",
  "           单位名称：广州市水务局                                                                                                                                                                   单位：万元",
  "            支出项目类别（资金使用                                                                                 财政拨款",
  "                                                  总计                                                                                                          财政专户拨款                   其他资金",
  "                      单位）                                               合计                一般公共预算               政府性基金预算               国有资本经营预算",
  "                       合计                           30,245.68              30,245.68             30,245.68                    0.00                   0.00                   0.00                  0.00",
  "            广州市水务局（本级）                               7,995.71               7,995.71               7,995.71                   0.00                   0.00                   0.00                  0.00",
  "              工资福利支出                                 5,790.71               5,790.71               5,790.71                   0.00                   0.00                   0.00                  0.00",
  "              商品和服务支出                                   683.86                 683.86                683.86                   0.00                   0.00                   0.00                  0.00",
  "              对个人和家庭的补助                              1,521.14               1,521.14               1,521.14                   0.00                   0.00                   0.00                  0.00",
  "            广州市南部水网流域事务"
];

describe('a template group standing far from its members', () => {
  it('heads the members printed lower on both sides of it, and is no column of its own (广州 表11 at pitch 4)', () => {
    const t = parse(GUANGZHOU_T11).tables.find((x) => x.title === '部门预算基本支出预算表');
    expect(t?.columns.map((c) => [c.key, c.parent ?? null])).toEqual([
      ['total', null],
      ['fiscal', 'total'],
      ['general', 'fiscal'],
      ['fund', 'fiscal'],
      ['state-capital', 'fiscal'],
      ['fiscal-special', 'total'],
      ['other-income', 'total'],
    ]);
    // L631 `合计  30,245.68  30,245.68  30,245.68  0.00  0.00  0.00  0.00`
    const total = t!.rows.find((r) => r.name === '合计')!;
    expect(total.values).toEqual({ total: 30245.68, fiscal: 30245.68, general: 30245.68, fund: 0, 'state-capital': 0, 'fiscal-special': 0, 'other-income': 0 });
    // L634 `商品和服务支出  683.86  683.86  683.86  0.00 …`
    const goods = t!.rows.find((r) => r.name === '商品和服务支出')!;
    expect([goods.values.total, goods.values.fiscal, goods.values.general, goods.values.fund]).toEqual([683.86, 683.86, 683.86, 0]);
  });
});
