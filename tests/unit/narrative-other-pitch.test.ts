import { describe, expect, it } from 'vitest';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';

// Prose extracted at a finer character pitch than the PDF's (`pdftotext -layout -fixed 4`): a paragraph's first-line
// indentation of two ideographs prints eight columns deep, past a margin of 22. 深圳 水务局 2026 部门预算, lines
// 1776–1786 (trailing spaces cut).
const SHENZHEN_PROCUREMENT_PF4 = [
  "",
  "",
  "                                       第四部分                       政府采购预算情况",
  "",
  "                              深圳市水务局纳入                        2026     年部门预算的政府采购项目共有",
  "",
  "                      62,615.54         万元，其中：货物类项目                                 1,936.78        万元、工程类项",
  "",
  "                      目 1,213.76 万元、服务类项目 59,465.00 万元。",
  "",
  "",
];

describe('a paragraph indented from a deep margin', () => {
  it('opens a paragraph, not a centred title: its indentation counts from the margin (深圳 政府采购 at pitch 4)', () => {
    const d = parseDisclosure(SHENZHEN_PROCUREMENT_PF4.join('\n') + '\n', { file: 'pitch.txt', sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });
    expect(d.sections.map((s) => s.heading)).toEqual(['第四部分 政府采购预算情况']);
    // L1780 `深圳市水务局纳入  2026  年部门预算的政府采购项目共有` / L1782 `62,615.54  万元，其中：货物类项目 …`
    const total = d.facts.find((f) => f.id === 'procurement.total');
    expect(total?.value).toBe(62615.54);
  });
});
