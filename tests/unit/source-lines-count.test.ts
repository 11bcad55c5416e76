import { describe, expect, it } from 'vitest';
import { printedLineCount } from '../../src/ingest/source-lines.ts';

describe('printedLineCount (the corpus report\'s non-blank lines)', () => {
  it('counts the lines between line feeds that print anything, as trimming each line would', () => {
    // Five lines: a title, a line of an ideographic space and a carriage return (blank), an empty line, a line with
    // a tab before its amount, and a last line without a line feed. Three print something.
    expect(printedLineCount('部门预算公开\n\u3000\r\n\n\t1,234.56\n合计')).toBe(3);
    // A byte-order mark and a form feed are white space: a line of them alone is blank.
    expect(printedLineCount('\uFEFF\n\f\n')).toBe(0);
    expect(printedLineCount('')).toBe(0);
    // A carriage return does not end a line here: two texts joined by it are one line.
    expect(printedLineCount('一\r二\n')).toBe(1);
  });
});
