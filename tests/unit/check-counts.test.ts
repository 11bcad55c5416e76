import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { checkCounts, checkList } from '../../src/schema/common.ts';
import { readValidatedDisclosure, readValidatedSummarySource } from '../../src/site/disclosure-file.ts';
import { summarize } from '../../src/site/disclosure-summary.ts';
import { parse } from '../fixtures/fuzz/disclosure-mutations.ts';

// Checks written for this test in the compact form ingest writes (common.ts compactChecks): two on their own, and a
// block of three rows over two columns, the first row taking the block's status, the second its own for both
// columns, the third one for each column.
const COMPACT = [
  { id: 'narrative:a', status: 'pass', message: '说明中的收入', expected: 1 },
  { id: 'narrative:b', status: 'fail', message: '说明中的支出', expected: 1, actual: 2 },
  {
    columns: [['total', '（合计）'], ['basic', '（基本支出）']],
    status: 'pass',
    rows: [
      { id: 't2:parent-sum:201', message: '201 = 下级科目之和', expected: [1, 2] },
      { id: 't2:parent-sum:202', message: '202 = 下级科目之和', status: 'fail', expected: [1, 2], actual: [3, 4] },
      { id: 't2:parent-sum:203', message: '203 = 下级科目之和', status: ['pass', 'not-checkable'], expected: [1, null] },
    ],
  },
];

describe('how many checks have each status, counted without reading the checks', () => {
  it('counts a block row for each of its columns, by its own status or the block’s', () => {
    expect(checkCounts(COMPACT)).toEqual({ pass: 4, fail: 3, 'not-applicable': 0, 'not-checkable': 1 });
  });

  it('counts the checks as the schema reads them alike', () => {
    const read = checkList.parse(COMPACT);
    expect(read).toHaveLength(8);
    expect(checkCounts(read)).toEqual({ pass: 4, fail: 3, 'not-applicable': 0, 'not-checkable': 1 });
  });

  it('gives the summary of a seed read without its checks (the content loader) as of the whole document', () => {
    const json = serializeDisclosure(parse(readFileSync('content/sources/kashgar-administrative-office-2021-budget.txt', 'utf8')));
    const whole = readValidatedDisclosure(JSON.parse(json));
    const source = readValidatedSummarySource(json);
    expect((source.checks as object[]).some((c) => 'columns' in c)).toBe(true);
    expect(JSON.stringify(summarize(source))).toBe(JSON.stringify(summarize(whole)));
  });
});
