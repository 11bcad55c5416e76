import { describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/schema/disclosure.ts';
import { pdfsWithText, routesOf } from '../fixtures/pdf-routes.ts';

/**
 * Every sample PDF parsed from the PDF itself and from its `pdftotext -layout` text beside it: the PDF route must give
 * every table and cell the text route gives, and no check may fail that passes from the text. Each remaining
 * difference is listed below with the reason a person found when comparing both with the printed page.
 */
const SAMPLES = '../shared/samples';
const files = pdfsWithText(SAMPLES);
if (files.length === 0) console.warn(`skipping PDF parity tests: ${SAMPLES} is not present`);

/**
 * Cells of the text route the PDF route does not have, and checks failing only from the PDF, each with what a person
 * found on the printed page. `file` is a sample name; `difference` matches the lines the test lists.
 */
const EXPLAINED: Array<{ file: RegExp; difference: RegExp; why: string }> = [
  {
    file: /government-office-2025-department-budget/,
    difference: /^missing general-budget-expenditure .*一般公共预算支出功能分类预算表 \| 2080599 \| 项目支出 = 14820$/,
    why: 'the PDF prints 14,820.00 under 基本支出, its right edge on 881,579.76 above; pdftotext shifted it one column right',
  },
  {
    file: /government-office-2025|wanli-subdistrict-202[45]/,
    difference: /^missing general-budget-expenditure .* \| (?:功能分类科目编码|功能分类科目名称合计基本支出项目支出)(?: #\d)?$/,
    why: 'the column header repeated at the top of a continuation page: a row without amounts from the text, the header it is from the PDF',
  },
  {
    file: /wanli-subdistrict-2024/,
    difference: /^missing income-summary 2024年部门收入预算总表 \| 合计0(?: \||$)/,
    why: 'pdftotext glued the 0 of 其他收入 to 合计; from the PDF the row is 合计 with 其他收入 = 0',
  },
  {
    file: /planning-resources-bureau-2024-final-accounts/,
    difference: /^missing three-public-expenditure .* \| {2}\| 公务用车购置及运行维护费小计(?:预算数|决算数) = 0$|^check fact:three-public:table:total$/,
    why: 'CJK labels take one column per character, half their printed width: the group label 公务用车购置及运行维护费 no longer reaches 小计, which is named 小计 alone and left out of the 三公 total',
  },
  {
    file: /social-welfare-home-2024/,
    difference: /^missing three-public-expenditure 单位“三公”经费和机关运行经费预算表 \| {2}\| /,
    why: 'same cause: 公务用车购置及运行费 does not reach 小计, so the single row of six amounts under seven columns has seven placements and stays unplaced (its amounts are in unparsed)',
  },
];

const explained = (file: string, difference: string) => EXPLAINED.some((e) => e.file.test(file) && e.difference.test(difference));

const norm = (s: string) => s.replace(/\s+/g, '');

/** `table | row | column` → amount (null for a row without amounts), for every table of a document. */
function cellsOf(doc: Disclosure): Map<string, number | null> {
  const cells = new Map<string, number | null>();
  const seen = new Map<string, number>();
  for (const t of doc.tables) {
    const base = `${t.kind} ${norm(t.title)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const table = n > 1 ? `${base} #${n}` : base;
    const label = new Map(t.columns.map((c) => [c.key, norm(c.label)]));
    const rows = new Map<string, number>();
    for (const r of t.rows) {
      // A coded row is that code (the text route glues repeated page headers into some names); others go by name.
      const name = `${r.code ?? norm(r.name)}${r.texts.side ? ` (${r.texts.side})` : ''}`;
      const k = (rows.get(name) ?? 0) + 1;
      rows.set(name, k);
      const row = `${table} | ${k > 1 ? `${name} #${k}` : name}`;
      cells.set(row, null);
      for (const [key, v] of Object.entries(r.values)) if (v !== null) cells.set(`${row} | ${label.get(key) ?? key}`, v);
    }
  }
  return cells;
}

describe.skipIf(files.length === 0)('PDF and pdftotext text of the same disclosure parse alike', () => {
  it.each(files)('%s: every table and cell of the text route, and no check failing that passes from text', async (f) => {
    const { pdf, text } = await routesOf(SAMPLES, f);
    const fromPdf = cellsOf(pdf);
    const missing: string[] = [];
    for (const [cell, v] of cellsOf(text)) {
      if (!fromPdf.has(cell)) missing.push(`missing ${cell}${v === null ? '' : ` = ${v}`}`);
      else if (fromPdf.get(cell) !== v) missing.push(`differs ${cell}: ${v} → ${fromPdf.get(cell)}`);
    }
    const passedFromText = new Set(text.checks.filter((c) => c.status !== 'fail').map((c) => c.id));
    const newFailures = pdf.checks.filter((c) => c.status === 'fail' && passedFromText.has(c.id)).map((c) => c.id);
    expect(pdf.tables.length).toBeGreaterThanOrEqual(text.tables.length);
    expect(missing.filter((m) => !explained(f, m))).toEqual([]);
    expect(newFailures.filter((id) => !explained(f, `check ${id}`))).toEqual([]);
  });
});
