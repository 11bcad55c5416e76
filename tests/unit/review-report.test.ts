import { describe, expect, it } from 'vitest';
import { htmlReport, jsonReport, textReport } from '../../src/review/report.ts';
import { check, doc } from './review-fixtures.ts';

// 上海市普陀区司法局 2026 单位预算, 支出预算总表 (../shared/samples, -layout text L160–L167): 行政运行 prints 合计
// 14,348,853.34 = 基本支出 14,348,853.34 beside 项目支出 64,840,547.00, which the office's own checklist lists as
// 合计与分项之和不相等. The parse fails the row's check and its 款's; the review report must show both.
const reported = (checks: ReturnType<typeof check>[]) => ({
  findings: [],
  ...doc({
    checks,
    source: { file: 'unit-budget.pdf', sha256: '0'.repeat(64), format: 'pdf', encoding: 'utf-8', lineCount: 400, pageStarts: [100, 150, 200] },
  }),
});

const row = check({ id: 't3:row:2040601:total', status: 'fail', message: '2040601 行政运行：合计 = 基本支出 + 项目支出', expected: 14348853.34, actual: 79189400.34, lines: [{ first: 162, last: 162 }] });
const parent = check({
  id: 't3:parent-sum:20406:project',
  status: 'fail',
  message: '20406 司法 = 下级科目之和（项目支出）',
  expected: 64840547,
  actual: 129681094,
  lines: [161, 162, 163, 164, 165, 166, 167].map((n) => ({ first: n, last: n })),
});
const narrative = check({ id: 'narrative:fiscal-total', status: 'fail', message: '说明中的财政拨款收支总额 = 表中', expected: 1, actual: 2, lines: [{ first: 20, last: 20 }] });
const passed = check({ id: 't3:row:2040604:total', status: 'pass', message: '2040604 基层司法业务', lines: [{ first: 163, last: 163 }] });

describe('review report: failed arithmetic checks', () => {
  it('lists each failed table check with both figures, its page and its lines joined', () => {
    const text = textReport(reported([row, parent, narrative, passed]));
    expect(text).toContain('【计算校验未通过】（2 项');
    expect(text).toContain('[第 3 页，第 162 行] 2040601 行政运行：合计 = 基本支出 + 项目支出：应为 14,348,853.34，实为 79,189,400.34，相差 64,840,547');
    expect(text).toContain('[第 3 页，第 161–167 行] 20406 司法 = 下级科目之和（项目支出）：应为 64,840,547，实为 129,681,094');
    // The narrative's checks are reported as findings by the figures rules, not twice.
    expect(text).not.toContain('财政拨款收支总额');
    expect(text).not.toContain('未发现问题');
  });

  it('puts them in the HTML and JSON reports too, and says nothing was found only when nothing failed', () => {
    const d = reported([row, passed]);
    expect(htmlReport(d)).toContain('计算校验未通过（1 项');
    expect(JSON.parse(jsonReport(d)).failedChecks.map((c: { id: string }) => c.id)).toEqual(['t3:row:2040601:total']);
    expect(textReport(reported([passed]))).toContain('未发现问题。');
  });
});
