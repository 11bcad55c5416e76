import { describe, expect, it } from 'vitest';
import { toSourceLines } from '../../src/ingest/source-lines.ts';
import { claimedSet } from '../../src/ingest/claims.ts';
import { parseTables } from '../../src/ingest/tables/index.ts';
import { proseBlocks, proseLeft } from '../../src/ingest/layout/prose-blocks.ts';
import { detectLayout } from '../../src/ingest/layout/detect.ts';
import { buildProseSections } from '../../src/ingest/narrative/sections.ts';

/**
 * Issue 10 point 1: the layout stage's prose blocks are the runs of lines that no grid holds. A small document as
 * `pdftotext -layout` prints it: a heading and a paragraph (L1–L4), the 三公 table of the conformance fixtures
 * (L6–L10: title, compiler and unit line, two header lines, the row), a heading and a paragraph after it (L12, L14),
 * and the page's number (L16).
 */
const TEXT = [
  '一、部门基本情况',
  '',
  '某县某局主要负责全县的某项工作，内设机构3个，下属',
  '单位1个',
  '',
  '                          一般公共预算“三公”经费支出情况表',
  '编制部门：某县某局                                                                       单位：万元',
  '                                      公务用车购置及运行费',
  '   合计         因公出国（境）费                  小计      公务用车购置费         公务用车运行费         公务接待费',
  '  30.50               0.00             28.00         20.00            8.00         2.50',
  '',
  '二、“三公”经费支出情况说明',
  '',
  '2024年“三公”经费预算30.50万元。',
  '',
  '                                          - 2 -',
].join('\n');

describe('prose blocks', () => {
  const lines = toSourceLines(TEXT);
  const tables = parseTables(lines);
  const blocks = proseBlocks(lines, claimedSet(tables.claimed), detectLayout(lines));

  it('are the runs of lines around the table the table reader took', () => {
    expect(tables.tables.map((t) => t.title)).toEqual(['一般公共预算“三公”经费支出情况表']);
    expect(blocks.map((b) => b.lines)).toEqual([
      { first: 1, last: 5 },
      { first: 11, last: 16 },
    ]);
    // Every line of a run is a row, blank ones too, in print order.
    expect(blocks.map((b) => b.rows.map((r) => r.line.no))).toEqual([
      [1, 2, 3, 4, 5],
      [11, 12, 13, 14, 15, 16],
    ]);
  });

  it('mark the page number as furniture, as a grid block does (L16)', () => {
    const furniture = blocks.flatMap((b) => b.rows.filter((r) => r.furniture).map((r) => r.line.no));
    expect(furniture).toEqual([16]);
  });

  it('are what the sections are read from: the table is in neither', () => {
    const sections = buildProseSections(blocks).map((s) => s.section);
    expect(sections.map((s) => [s.heading, s.paragraphs, s.lines])).toEqual([
      ['一、部门基本情况', ['某县某局主要负责全县的某项工作，内设机构3个，下属单位1个'], { first: 1, last: 4 }],
      ['二、“三公”经费支出情况说明', ['2024年“三公”经费预算30.50万元。'], { first: 12, last: 14 }],
    ]);
  });

  it('leave out a run with nothing printed, and a document without grids is one block', () => {
    const plain = toSourceLines('一、概况\n\n正文。\n');
    expect(proseBlocks(plain, new Set(), detectLayout(plain)).map((b) => b.lines)).toEqual([{ first: 1, last: 3 }]);
    expect(proseBlocks(plain, new Set([2, 3]), detectLayout(plain))).toHaveLength(1);
  });

  it('lose a later reader\'s lines as if the tables had held them: made once, cut where a target reader took lines', () => {
    // Say a target reader took the second heading (L12): the block after the table is cut there, its blank L11 left
    // alone is no block, the paragraph (L13–L16) keeps its page number marked furniture, the first block is as it was.
    const left = proseLeft(blocks, new Set([12]));
    expect(left.map((b) => b.lines)).toEqual([
      { first: 1, last: 5 },
      { first: 13, last: 16 },
    ]);
    expect(left).toEqual(proseBlocks(lines, new Set([...claimedSet(tables.claimed), 12]), detectLayout(lines)));
    expect(left.flatMap((b) => b.rows.filter((r) => r.furniture).map((r) => r.line.no))).toEqual([16]);
  });
});
