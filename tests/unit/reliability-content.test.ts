import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lostText } from '../fixtures/content-check.ts';
import { parse, unaccounted } from '../fixtures/fuzz/disclosure-mutations.ts';

/**
 * Nothing read is dropped (issue 16), checked by content: every non-blank line's words and numbers are in a field
 * whose line range covers the line, or in `unparsed` (tests/fixtures/content-check.ts, which shares no code with
 * the parser). The fuzz suite applies the same check to every case.
 */
const SEEDS = 'content/sources';
const SAMPLES = '../shared/samples';

function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => join(dir, n));
}

describe('content check: every seed', () => {
  it.each(textFiles(SEEDS).map((f) => [f]))('%s: every line is held by a field that covers it', (file) => {
    const text = readFileSync(file, 'utf8');
    const doc = parse(text);
    expect(unaccounted(text, doc).lost).toEqual([]);
    expect(lostText(text, doc)).toEqual([]);
  });

  it('开发区 seed: the contact and the two fund sources of the 整体绩效目标表 are kept (lines 1031, 1034, 1035)', () => {
    const doc = parse(readFileSync(join(SEEDS, 'kashgar-edz-party-mass-work-dept-2024-budget.txt'), 'utf8'));
    const target = doc.targets.find((t) => t.lines.first <= 1031 && t.lines.last >= 1035)!;
    expect(target.funds.fiscal).toBe(7127.71);
    const printed = Object.fromEntries((target.printed ?? []).map((p) => [p.lines.first, p.text]));
    expect(printed[1031]).toBe('部门（单位）联系人\t\t迪丽努尔\t联系电话：\t18099566638');
    expect(printed[1034]).toBe('财政资金（ ）\t上级安排\t1986.24');
    expect(printed[1035]).toBe('本级安排\t5141.47');
  });
});

const samples = existsSync(SAMPLES) ? textFiles(SAMPLES) : [];

describe.skipIf(samples.length === 0)(`content check: every sample in ${SAMPLES}${samples.length ? '' : ' (skipped: the folder is absent)'}`, () => {
  // The known losses this test once allowed (words of wrapped indicator cells of 福州, 西安 and 烟台's target tables)
  // are gone: no line of any sample may be lost.
  it.each(samples.map((f) => [relative(SAMPLES, f)]))('%s: no line lost', (name) => {
    const text = readFileSync(join(SAMPLES, name), 'utf8');
    const doc = parse(text);
    expect(unaccounted(text, doc).lost).toEqual([]);
    expect(lostText(text, doc)).toEqual([]);
  });
});

// A coarse character pitch (`pdftotext -layout -fixed 6`) prints neighbouring amounts with no space between; the
// parser cuts them apart (layout/cells.ts), and the checker reads such a run as the amounts it is made of.
describe('content check: amounts printed with no space between', () => {
  const row = (values: Record<string, number>, name = '') => ({ rows: [{ name, values, lines: { first: 1, last: 1 } }] });

  it('holds a run of amounts where a covering field holds each (北京 2026 at 6 pt: 290.658800290.658800)', () => {
    expect(lostText('合计 290.658800290.658800', row({ a: 290.6588, b: 290.6588 }, '合计'))).toEqual([]);
    expect(lostText('合计 0.0040.49', row({ a: 0, b: 40.49 }, '合计'))).toEqual([]);
    // 普陀 社会福利院 2024 at 6 pt: whole yuan with thousands' commas, `6,958,4146,958,414`.
    expect(lostText('工资福利支出 6,958,4146,958,414', row({ a: 6958414, b: 6958414 }, '工资福利支出'))).toEqual([]);
    // 普陀 规划资源局 2024 at 6 pt: an amount and the next row's code, `4816.14302`.
    expect(lostText('工资福利支出 4816.14302', { rows: [...row({ a: 4816.14 }, '工资福利支出').rows, { name: '302 商品和服务支出', values: {}, lines: { first: 1, last: 1 } }] })).toEqual([]);
  });

  it('still calls lost an amount of the run that no covering field holds', () => {
    expect(lostText('合计 0.0040.49', row({ a: 0 }, '合计')).map((l) => l.missing)).toEqual([['0.0040', '49']]);
  });
});

describe('content check: numbers alone on a line', () => {
  it('keeps a number that stands alone inside prose: 预算为 / 128 / 万元', () => {
    const text = '一、收支预算总体情况\n按照综合预算的原则，2021年本部门收支总预算为\n128\n万元，比上年增加。\n';
    const doc = parse(text);
    expect(doc.sections.flatMap((s) => s.paragraphs).join('')).toContain('2021年本部门收支总预算为128万元');
    expect(lostText(text, doc)).toEqual([]);
  });

  it('drops a page number only between page breaks (blank lines, a form feed, the edge of the text)', () => {
    const text = '一、收支预算总体情况\n本部门收支总预算为128万元。\n\n37\n\f二、收入预算情况说明\n收入预算为128万元。\n\n- 38 -\n';
    const doc = parse(text);
    const kept = JSON.stringify(doc.sections);
    expect(kept).not.toMatch(/"37"|- 38 -/);
    expect(doc.unparsed).toEqual([]);
    expect(lostText(text, doc)).toEqual([]);
  });

  // 杭州交通运输局 2026 line 374: `14` on page 14's last line, inside the sentence `…均实` / `行绩效目标管理…` that runs
  // on to page 15; pages 13 and 15 end with 13 and 15.
  it('drops a page number printed on its page’s last line inside a sentence, where the pages around it are numbered on', () => {
    const text =
      '一、预算绩效情况说明\n本部门项目支出共计24个。\n13\n\f2026年本部门其他运转类项目均实\n                  14\n\f行绩效目标管理，涉及资金568,368.51万元。\n15\n\f';
    const doc = parse(text);
    expect(doc.sections.flatMap((s) => s.paragraphs).join('')).toContain('2026年本部门其他运转类项目均实行绩效目标管理');
    expect(JSON.stringify(doc.sections)).not.toMatch(/"1[345]"/);
    expect(lostText(text, doc)).toEqual([]);
  });

  // `pdftotext -raw` prints a page's number first on its page (佛山 2019 `\f2`, `\f3`), and its default order prints it
  // on the page's last line with a blank line before the next page (福州 2026 `4`, then a blank line, then `\f…`).
  // The parser reads both as the pages' numbers by the numbers around them; the checker does now too.
  it('drops a page number printed first on its page, or last with a blank line before the next, where the pages around are numbered on', () => {
    const raw = '一、收支预算总体情况\n本部门收支总预算为128万元。\n\f2\n二、收入预算情况说明\n收入预算为128万元。\n\f3\n三、支出预算情况说明\n支出预算为128万元。';
    const def = '一、收支预算总体情况\n本部门收支总预算为128万元。\n3\n\n\f二、收入预算情况说明\n收入预算为128万元。\n4\n\n\f三、支出预算情况说明\n支出预算为128万元。\n5\n\n\f';
    for (const text of [raw, def]) {
      const doc = parse(text);
      expect(JSON.stringify(doc.sections)).not.toMatch(/"[2-5]"/);
      expect(doc.unparsed).toEqual([]);
      expect(lostText(text, doc)).toEqual([]);
    }
  });

  // `npm run fuzz` over the samples' default-order texts (seeds 1626579582, 1394973768): 杭州 2026 cut off after 24.9 %,
  // its `21` (L672) printed amid its page's cells. The parser reads it as the page's number (page-furniture.ts
  // continuesPageNumbers); the checker, which had no rule for a number amid its page, called it lost.
  it('reads a number amid its page as the page’s where the pages around carry on to a page numbered at its edge', () => {
    const section = (first: number, last: number, paragraphs: string[]) => ({ heading: '', paragraphs, lines: { first, last } });
    const text = '收入预算。\n\n1\n\f支出预算。\n2\n合计。\n\n\f结余。\n\n3\n\f';
    const doc = { sections: [section(1, 3, ['收入预算。']), section(4, 7, ['支出预算。', '合计。']), section(8, 10, ['结余。'])] };
    expect(lostText(text, doc)).toEqual([]);
    // A column's numbers printed amid every page (栏次) reach no page numbered at its edge: they are content.
    const columns = '表头\n1\n2\n3\n合计\n\f表头\n1\n2\n3\n合计\n\f表头\n1\n2\n3\n合计';
    const none = { sections: [section(1, 15, ['表头', '合计'])] };
    expect(lostText(columns, none).map((l) => l.no)).toEqual([2, 3, 4, 7, 8, 9, 12, 13, 14]);
  });

  // Found by `npm run fuzz` (seed 2039775883, over the samples as the PDF reader reads them): a text of one line,
  // `0 <p>`. A converter's markup is no text (source-lines.ts), so the parser reads a page number; so does the checker.
  it('reads a page number wrapped in a converter’s markup as one, in the parser and in the checker alike', () => {
    for (const text of ['0 <p>', '\n<p>12</p>\n']) {
      const doc = parse(text);
      expect(doc.sections).toEqual([]);
      expect(doc.unparsed).toEqual([]);
      expect(lostText(text, doc)).toEqual([]);
    }
  });

  // Found by `npm run fuzz -- --seed 1002`: a digit at the very top of the text, then a line of invisible characters
  // only. Both the parser and the checker read that as a page number between page breaks.
  // And by `--seed 1005`: a page number followed by invisible characters on its own line.
  it.each([['page-number-before-invisible-line.txt'], ['page-number-with-invisible-characters.txt']])(
    'reads invisible characters as nothing, in the parser and in the checker alike (%s)',
    (name) => {
      const text = readFileSync(`tests/fixtures/fuzz/${name}`, 'utf8');
      const doc = parse(text);
      expect(unaccounted(text, doc).lost).toEqual([]);
      expect(lostText(text, doc)).toEqual([]);
    },
  );
});
