import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { threePublicByDisclosure } from '../../src/site/cross-department.ts';

const PLANNING = '../shared/samples/shanghai-putuo-planning-resources-bureau-2024-final-accounts.txt';

function parse(file: string) {
  return parseDisclosure(readFileSync(file, 'utf8'), { file, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
}

describe('/three-public/: 预算 against 决算, figures as the table prints them', () => {
  it.skipIf(!existsSync(PLANNING))('a 决算 that prints 预算数 and 决算数 gives both, none taken from the text (L546)', () => {
    // L546: 合计 2.85 0.39, 因公出国 0.00 0.00, 公务用车 小计/购置/运行 0.00 …, 公务接待费 2.85 0.39 (万元).
    const [entry] = threePublicByDisclosure([parse(PLANNING)]);
    expect(entry.stages.map((s) => [s.label, s.values.total, s.values.reception, s.values['outbound-travel'], s.fromText.size])).toEqual([
      ['预算', 2.85, 2.85, 0, 0],
      ['决算', 0.39, 0.39, 0, 0],
    ]);
  });

  it('without a 三公 table every figure comes from the text, marked so (巨鹿扶贫办 prints none)', () => {
    // julu: “三公”经费预算安排 1.96 万元; 公务用车购置及运行费 1.96 万元; no 三公 table is printed.
    const [entry] = threePublicByDisclosure([parse('content/sources/julu-county-poverty-office-2021-budget.txt')]);
    expect(entry.stages).toHaveLength(1);
    expect(entry.stages[0].label).toBe('预算');
    expect(entry.stages[0].values.total).toBe(1.96);
    expect(entry.table).toBeNull();
    expect([...entry.stages[0].fromText].sort()).toEqual(['outbound-travel', 'reception', 'total', 'vehicle-operation', 'vehicle-purchase', 'vehicles']);
  });
});
