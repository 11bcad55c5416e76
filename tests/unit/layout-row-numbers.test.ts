import { describe, expect, it } from 'vitest';
import { rowNumberColumns, withoutRowNumbers } from '../../src/ingest/layout/row-numbers.ts';

// Which cells of an aligned line are its printed row number (layout/row-numbers.ts). The header, as the probe's
// LibreOffice print of a 收入支出决算总表 sets it: 项目 at 11–13, 行次 at 34–36, 金额 at 40–42.
const label = { text: '行次', start: 34, end: 36 };
const [column] = rowNumberColumns([label], [{ start: 11, end: 13 }, label, { start: 40, end: 42 }]);
const cell = (text: string, start: number) => ({ text, start, end: start + text.length });

describe('a 行次 column', () => {
  it('reaches halfway to the centres of the columns beside it', () => {
    // Centres 12, 35 and 41.
    expect([column.from, column.to]).toEqual([23.5, 38]);
  });

  it('takes a number printed left of its label, and one under it, as the row\'s number', () => {
    const { segs, numbers } = withoutRowNumbers([cell('本年收入合计', 0), cell('24', 29), cell('2,895.55', 40)], [column]);
    expect(segs.map((s) => s.text)).toEqual(['本年收入合计', '2,895.55']);
    expect(numbers.map((n) => n.number.text)).toEqual(['24']);
    expect(withoutRowNumbers([cell('7', 35)], [column]).numbers.map((n) => n.number.text)).toEqual(['7']);
  });

  it('leaves a whole amount set flush left under 金额, nearer its label, an amount', () => {
    const { segs, numbers } = withoutRowNumbers([cell('八、其他收入', 0), cell('8', 40)], [column]);
    expect(segs.map((s) => s.text)).toEqual(['八、其他收入', '8']);
    expect(numbers).toEqual([]);
  });

  it('takes one number a line: a second in its column stays a cell of the line', () => {
    const { segs, numbers } = withoutRowNumbers([cell('25', 29), cell('26', 33)], [column]);
    expect(numbers.map((n) => n.number.text)).toEqual(['25']);
    expect(segs.map((s) => s.text)).toEqual(['26']);
  });
});
