import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { statedBands } from '../../src/ingest/performance/evaluation-checks.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { alignedCells } from '../../src/ingest/layout/cells.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { BROKEN_ORDER } from '../fixtures/stacked-broken-order.ts';

/**
 * Bounded work per document (issue 16): the inputs that stalled or crashed the parser, each measured in CPU time of
 * this thread as a ratio to parsing a normal seed, never against a wall clock. Each hostile input is a few times
 * the seed's size; linear parsing costs a few times the seed's time, the quadratic regexes cost hundreds of times
 * (112,000 digits took 23.6 s against the seed's 0.4 s), so a generous ratio still tells the two apart on a busy
 * machine.
 */
const SEED = 'content/sources/kashgar-administrative-office-2021-budget.txt';
const EVALUATION = 'content/sources/kashgar-2021-poverty-monitoring-project-evaluation.txt';
const RATIO = 40;

function parse(text: string) {
  return parseDisclosure(text, { file: 'hostile.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
}

/** CPU microseconds this thread spends in `run`, the least of three runs (noise only ever adds). */
function cpu(run: () => void): number {
  let least = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.threadCpuUsage();
    run();
    const used = process.threadCpuUsage(start);
    least = Math.min(least, used.user + used.system);
  }
  return least;
}

const seedText = readFileSync(SEED, 'utf8');
const baseline = cpu(() => parse(seedText));

function insertLine(text: string, at: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(at, 0, line);
  return lines.join('\n');
}

/** An aligned (`pdftotext -layout`) document: a 收支总体情况表 of 30 rows, columns apart by runs of spaces. */
function alignedDocument(extraRow: string): string {
  const rows = Array.from({ length: 30 }, (_, i) => `    一般公共服务支出${i}          ${(100 + i).toFixed(2)}          ${(40 + i).toFixed(2)}          ${(60).toFixed(2)}`);
  return ['          部门收支总体情况表', '                                        单位：万元', '    项目          合计          基本支出          项目支出', ...rows, extraRow, ''].join('\n');
}

describe(`bounded CPU time on hostile inputs (ratio to parsing ${SEED}, at most ${RATIO}×)`, () => {
  it('an evaluation report with one line of 200,000 digits (the grade-band regexes were quadratic)', () => {
    const text = insertLine(readFileSync(EVALUATION, 'utf8'), 40, '1'.repeat(200_000));
    expect(cpu(() => parse(text)) / baseline).toBeLessThan(RATIO);
  });

  it('the grade bands of a line of 1,000,000 digits followed by 分以上为优 (the regex alone)', () => {
    const lines = toSourceLines(`${'9'.repeat(1_000_000)}分以上为优，80-89分为良`);
    let bands: ReturnType<typeof statedBands> = null;
    expect(cpu(() => (bands = statedBands(lines))) / baseline).toBeLessThan(RATIO);
    // The long run is no score (more than three digits); the band stated after it is still read.
    expect(bands).toBeNull();
  });

  it('a label followed by 20,000 single-spaced amounts inside an aligned table (segments recursed per amount)', () => {
    const hostile = `    合计 ${Array.from({ length: 20_000 }, (_, i) => `${i}.00`).join(' ')}`;
    const text = alignedDocument(hostile);
    expect(cpu(() => parse(text)) / baseline).toBeLessThan(RATIO);
  });

  it('cuts 100,000 single-spaced amounts after a label without exhausting the stack, each amount its own cell', () => {
    const segments = alignedCells(`合计 ${'1.00 '.repeat(100_000).trim()}`);
    expect(segments).toHaveLength(100_001);
    expect(segments[0]).toEqual({ text: '合计', start: 0, end: 2 });
    expect(segments[100_000]).toEqual({ text: '1.00', start: 3 + 5 * 99_999, end: 3 + 5 * 99_999 + 4 });
  });

  it.each([
    ['digits', '1'],
    ['commas', ','],
    ['full-width brackets', '（'],
    ['outline markers', '（一）'],
    ['amounts with tabs', '12.34\t'],
    ['codes', '2130501 '],
    ['stated bands', '100分以上为优，'],
  ])('a 200,000-character line of %s in a budget seed (digits: an amount of 200,000 digits used to crash as Infinity)', (_, unit) => {
    const text = insertLine(seedText, 300, unit.repeat(Math.ceil(200_000 / unit.length)));
    expect(cpu(() => parse(text)) / baseline).toBeLessThan(RATIO);
  });

  // `npm run fuzz` over the samples' `pdftotext` default texts (seed 1124447700): 西安's with a line of 5,573 amounts
  // took 5.8 s of CPU. The reading of rows whose order broke (tables/stacked.ts withOrderBroken) tried every count of
  // a failing row's amounts against every earlier failing row; this table with a line of 5,000 took 214 times its
  // time alone, now 3 times.
  it('reads a line of 5,000 amounts under a table printed one cell a line within a few times the table alone', () => {
    const alone = BROKEN_ORDER.join('\n');
    const text = [...BROKEN_ORDER, '1 '.repeat(5000).trim()].join('\n');
    // The table alone takes a few milliseconds, under the clock's grain: timed ten times over.
    const tenAlone = cpu(() => {
      for (let i = 0; i < 10; i++) parseTables(toSourceLines(alone));
    });
    expect((10 * cpu(() => parseTables(toSourceLines(text)))) / tenAlone).toBeLessThan(RATIO);
  });
});
