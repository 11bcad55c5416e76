import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { readSource } from '../../src/ingest/sources/index.ts';
import { twoPeriodPdf } from '../fixtures/three-public-periods/pdf.ts';

/**
 * A 三公 table printing two periods side by side (2025年预算数 | 2026年预算数, 上年预算数 | 本年预算数 in a budget,
 * 预算数 | 决算数 in final accounts), each with 合计, 因公出国（境）费, 公务用车购置及运行费 (小计, 购置费, 运行费) and
 * 公务接待费, its header over two to five lines as `pdftotext -layout` prints it (each label where its cell puts it,
 * a CJK letter one position), and the same table as a PDF. Each fixture was written by hand; the amounts are its own.
 */
const ITEMS = ['total', 'outbound-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception'];
const YEARS = [...ITEMS.map((k) => `${k}-previous`), ...ITEMS];
const STAGES = [...ITEMS.map((k) => `${k}-budget`), ...ITEMS.map((k) => `${k}-actual`)];

const parse = (text: string, file: string) =>
  parseDisclosure(text, { file, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
const fixture = (name: string) =>
  parse(readFileSync(new URL(`../fixtures/three-public-periods/${name}.txt`, import.meta.url), 'utf8'), `${name}.txt`);

/** The table's keys and its one row, and the identities its checks ran, each with its status. */
function read(doc: ReturnType<typeof parse>) {
  expect(doc.tables).toHaveLength(1);
  const [table] = doc.tables;
  expect(table.kind).toBe('three-public-expenditure');
  expect(table.rows).toHaveLength(1);
  return {
    keys: table.columns.map((c) => c.key),
    values: table.rows[0].values,
    checks: doc.checks.filter((c) => c.id.startsWith('t1:row:')).map((c) => `${c.id.split(':').pop()}:${c.status}`).sort(),
    unparsed: doc.unparsed.length,
  };
}

const row = (keys: readonly string[], amounts: readonly number[]) => Object.fromEntries(keys.map((k, i) => [k, amounts[i]]));
/** 合计 = 出国 + 车辆 + 接待 and 车辆 = 购置 + 运行, in each period, all passing. */
const identities = (totals: readonly string[], vehicles: readonly string[]) => [...totals, ...vehicles].map((k) => `${k}:pass`).sort();
const YEAR_CHECKS = identities(['total-previous', 'total'], ['vehicles-previous', 'vehicles']);
const STAGE_CHECKS = identities(['total-budget', 'total-actual'], ['vehicles-budget', 'vehicles-actual']);

describe('a 三公 table of two periods', () => {
  it.each([
    ['two-lines', YEARS, [20, 5, 12, 0, 12, 3, 18.4, 4, 11.6, 0, 11.6, 2.8], YEAR_CHECKS],
    ['three-lines-final', STAGES, [9.6, 1.2, 6, 2, 4, 2.4, 8.75, 0, 6.35, 2, 4.35, 2.4], STAGE_CHECKS],
    ['four-lines', YEARS, [7.3, 0, 5.3, 0, 5.3, 2, 6.9, 0, 5.1, 0, 5.1, 1.8], YEAR_CHECKS],
    ['five-lines', YEARS, [12.5, 0, 10, 0, 10, 2.5, 11.8, 0, 9.5, 0, 9.5, 2.3], YEAR_CHECKS],
    ['five-lines-final', STAGES, [12.5, 0, 10, 0, 10, 2.5, 11.8, 0, 9.5, 0, 9.5, 2.3], STAGE_CHECKS],
  ] as const)('%s: each amount under its label, the identities of both periods checked', (name, keys, amounts, checks) => {
    expect(read(fixture(name))).toEqual({ keys, values: row(keys, amounts), checks, unparsed: 0 });
  });

  const AMOUNTS = ['7.30', '0.00', '5.30', '0.00', '5.30', '2.00', '6.90', '0.00', '5.10', '0.00', '5.10', '1.80'];
  it.each([
    [['2025年预算数', '2026年预算数'], YEARS, YEAR_CHECKS],
    [['预算数', '决算数'], STAGES, STAGE_CHECKS],
  ] as const)('as a PDF under %j: labels centred down their cells', async (periods, keys, checks) => {
    const source = await readSource(twoPeriodPdf(periods, AMOUNTS));
    if (!source.ok) throw new Error(source.reason);
    expect(read(parse(source.text, 'three-public.pdf'))).toEqual({ keys, values: row(keys, AMOUNTS.map(Number)), checks, unparsed: 0 });
  });
});
