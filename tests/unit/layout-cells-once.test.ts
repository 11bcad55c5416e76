import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignedCells, runsOf, tabCells, wordCells, wordsOf } from '../../src/ingest/layout/cells.ts';
import { alignedColumns, alignedRow, tabRow } from '../../src/ingest/layout/grid.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { sourceFiles } from '../fixtures/source-files.ts';

// Issue 10, point 1: a line becomes cells in one place, src/ingest/layout/cells.ts. Every reader takes its cells from
// there; the sources (PDF glyph runs, workbook and web page grids) are the only other code that makes cells.
const INGEST = 'src/ingest';
const MAKERS = ['layout', 'sources'];
// A tab, a single space or a pattern naming tabs or white space (`/\t/`, `/\s+/`, `/\t|\s{2,}/`) as the separator.
const CUTS = [/split\('\\t'\)/, /split\(' '\)/, /split\(\/[^/]*\\[st]/, /matchAll\(\/\\S\+/];
/** Lists a module writes itself, one space between their names: no document's text. */
const OWN_LISTS = [join(INGEST, 'prefectures.ts')];

describe('line-to-cell cutting', () => {
  it('happens nowhere in the readers', () => {
    const readers = sourceFiles(INGEST).filter((f) => !MAKERS.some((m) => f.startsWith(join(INGEST, m))) && !OWN_LISTS.includes(f));
    const cuts = readers.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (CUTS.some((c) => c.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(cuts).toEqual([]);
  });

  // The table readers read their blocks' cells (tables/table-blocks.ts); only what finds a block cuts a line: the
  // region finders (a single-space title or first row is told by its words, an aligned table's end by its cells) and
  // the block stage's taking a column of prose out of aligned rows before they are cut (shared/text-column.ts). The
  // aligned header's reader cuts no line, but a cell whose labels are packed one space apart into their words.
  it('happens in the table code only where blocks are found', () => {
    const TABLES = join(INGEST, 'tables');
    const cutter = /import \{[^}]*\b(?:wordsOf|alignedCells|runsOf|wordCells|cellWords|tabCells)\b[^}]*\} from '[./]*\/layout\/cells\.ts'/;
    const cutting = sourceFiles(TABLES).filter((f) => cutter.test(readFileSync(f, 'utf8')));
    expect(cutting.map((f) => f.slice(TABLES.length + 1)).sort()).toEqual(['aligned/header.ts', 'aligned/regions.ts', 'shared/text-column.ts', 'spaced/regions.ts']);
  });

  // One line of each layout, as the samples print them (widths as in ../shared/samples' `-layout` text).
  it('cuts each layout the way its readers expect', () => {
    const [tabbed] = toSourceLines('2010101\t行政运行\t120.50\t\t');
    expect(tabCells(tabbed)).toEqual(['2010101', '行政运行', '120.50', '', '']);
    expect(wordsOf('  201 一般公共服务支出 1,234.00 56.00 ')).toEqual(['201', '一般公共服务支出', '1,234.00', '56.00']);
    const aligned = '    30207邮电费          12.00   3.50 1.25';
    expect(runsOf(aligned).map((c) => c.text)).toEqual(['30207邮电费', '12.00', '3.50 1.25']);
    expect(alignedCells(aligned)).toEqual([
      { text: '30207', start: 4, end: 9 },
      { text: '邮电费', start: 9, end: 12 },
      { text: '12.00', start: 22, end: 27 },
      { text: '3.50', start: 30, end: 34 },
      { text: '1.25', start: 35, end: 39 },
    ]);
    expect(wordCells('合计  12.00').map((c) => [c.text, c.start, c.end])).toEqual([
      ['合计', 0, 2],
      ['12.00', 4, 9],
    ]);
  });

  // A project named from its year (edz seed L550 `2023下乡援助…`, here as an aligned line): 202 would be a 类 (外交支出),
  // but a code run into its name is 3, 5 or 7 digits, and 2023 is four.
  it('keeps a year opening a name in the name, where a code run into its name is cut off', () => {
    expect(alignedCells('  2023下乡援助工作专项经费      0.56').map((c) => c.text)).toEqual(['2023下乡援助工作专项经费', '0.56']);
    expect(alignedCells('  2010301行政运行      0.56').map((c) => c.text)).toEqual(['2010301', '行政运行', '0.56']);
  });
});

describe('grid rows', () => {
  // An aligned target table and the same table tab-separated are rows of one grid: what the grid reader reads.
  const aligned = toSourceLines(
    [
      '一级指标      二级指标      三级指标            指标值',
      '产出指标      数量指标      培训人次            ≥ 300 人次',
      '                    结业人数            ≥ 280 人',
    ].join('\n'),
  );
  const tabbed = toSourceLines(['一级指标\t二级指标\t三级指标\t指标值', '产出指标\t数量指标\t培训人次\t≥ 300 人次', '\t\t结业人数\t≥ 280 人'].join('\n'));

  it('are the same from either layout', () => {
    const columns = alignedColumns(aligned[0]);
    expect(columns.labels.map((c) => c.text)).toEqual(['一级指标', '二级指标', '三级指标', '指标值']);
    expect(aligned.slice(1).map((l) => alignedRow(columns, l))).toEqual(tabbed.slice(1).map(tabRow));
    expect(tabRow(tabbed[2])).toEqual({ no: 3, cells: ['', '', '结业人数', '≥ 280 人'] });
  });
});
