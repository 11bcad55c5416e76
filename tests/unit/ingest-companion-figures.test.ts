import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinWrittenCompanions, type Reparse, type WrittenDocument } from '../../scripts/companion-step.ts';
import { companionFacts } from '../../src/ingest/companions.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import { serializeDisclosure } from '../../src/ingest/serialize.ts';
import { addToSummary, emptySummary } from '../../src/ingest/summary.ts';
import type { StatedFigures } from '../../src/ingest/tables/spaced/stated-figures.ts';

// A disclosure published as two files, as 北京 民政局 2026 is (说明 L107 `基本支出预算 45980.56 万元`, L109 `项目支出预算
// 23336.75 万元`; 报表 预算03表 read without positions, its 合计 row printing two of five parts). Made up: the 说明 states
// 基本支出 100.00 (notes line 7) and 项目支出 50.00 (line 8); the 报表's 支出总表 prints each row's amounts one space
// apart, five parts after 合计, and its 合计 row (tables line 8) two of them. 合计 = the sum of the parts holds for any
// two, so only the 说明's figures tell which.
const NOTES = (statement: string[]) =>
  [
    '某市民政局2026年部门预算情况说明',
    '一、部门职责',
    '某市民政局负责全市民政工作。',
    '二、收支预算总体情况',
    '2026年收支预算总计150.00万元。',
    '三、支出预算情况',
    ...statement,
  ].join('\n');
const STATED = ['（一）基本支出。基本支出预算 100.00 万元，占本年支出预算 66.67%。', '（二）项目支出。项目支出预算 50.00 万元，占本年支出预算 33.33%。'];
const TABLES = [
  '某市民政局2026年部门预算报表',
  '2026年部门支出总表',
  '单位：万元',
  '科目编码 科目名称 合计 基本支出 项目支出 事业单位经营支出 上缴上级支出 对附属单位补助支出',
  '2080201 行政运行 100.00 80.00 20.00',
  '2080299 其他民政管理事务支出 30.00 30.00',
  '2101101 行政单位医疗 20.00 20.00',
  '合计 150.00 100.00 50.00',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'companion-figures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parse = (slug: string, text: string, statedElsewhere?: StatedFigures) =>
  parseDisclosure(text, { file: `${slug}.txt`, sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8', slug, statedElsewhere });

function written(slug: string, text: string): WrittenDocument {
  const doc = parse(slug, text);
  writeFileSync(join(dir, `${slug}.json`), `${serializeDisclosure(doc)}\n`);
  return { ...companionFacts(doc, text), label: `${slug}.txt`, nonBlankLines: 8 };
}

/** Joins the two files, the tables volume parsed again in this thread as the CLI's pool would; says what it was asked. */
async function joined(statement: string[], withReparse = true) {
  const parts = [written('notes', NOTES(statement)), written('tables', TABLES)];
  const asked: StatedFigures[] = [];
  const reparse: Reparse = async (part, stated) => {
    asked.push(stated);
    const doc = parse(part.slug, TABLES, stated);
    const summary = emptySummary();
    addToSummary(summary, doc);
    return { json: new TextEncoder().encode(serializeDisclosure(doc)), summary };
  };
  const slugs = new Map(parts.map((p) => [p.slug, p.label]));
  const [result] = await joinWrittenCompanions(parts, dir, slugs, async (path, content) => writeFileSync(path, content), () => {}, withReparse ? reparse : undefined);
  const summary = result.doc.tables.find((t) => t.kind === 'expenditure-summary')!;
  return { result, asked, rows: summary.rows };
}

const none = { operating: null, 'remit-superior': null, 'subsidy-to-affiliated': null };

describe('a 说明 volume’s figures settle its 报表 volume’s open 支出总表', () => {
  it('基本支出 100.00 and 项目支出 50.00 stated in the other file: the 合计 row, and by the column sums every row, placed', async () => {
    const { result, asked, rows } = await joined(STATED);
    expect(asked).toEqual([{ 'expenditure-summary': { basic: { value: 100, unit: '万元' }, project: { value: 50, unit: '万元' } } }]);
    expect(rows.map((r) => r.values)).toEqual([
      { total: 100, basic: 80, project: 20, ...none },
      // 基本支出 100.00 = 80.00 + 20.00 (tables lines 5, 7), so line 6's 30.00 is 项目支出 (50.00 = 20.00 + 30.00).
      { total: 30, basic: null, project: 30, ...none },
      { total: 20, basic: 20, project: null, ...none },
      { total: 150, basic: 100, project: 50, ...none },
    ]);
    expect(rows.every((r) => r.flag === null && r.uncertain.length === 0)).toBe(true);
    expect([...result.reparsed.keys()]).toEqual(['tables']);
  });

  it('without a parse again, the parts stay open as each file alone leaves them', async () => {
    const { result, rows } = await joined(STATED, false);
    expect(rows[3].values).toEqual({ total: 150, basic: null, project: null, ...none });
    expect(rows[3].uncertain).toEqual(['basic', 'project', 'operating', 'remit-superior', 'subsidy-to-affiliated']);
    expect(result.reparsed.size).toBe(0);
  });

  it('a 说明 stating only another table’s figure (一般公共预算基本支出) settles nothing: the 报表 is not parsed again', async () => {
    const { asked, rows } = await joined(['2026年一般公共预算基本支出100.00万元，项目支出增加50.00万元。']);
    expect(asked).toEqual([]);
    expect(rows[3].values).toMatchObject({ basic: null, project: null });
  });

  it('figures the 报表 volume states otherwise itself (基本支出 90.00, 项目支出 60.00) decide nothing: its 合计 row stays open', () => {
    const stated: StatedFigures = { 'expenditure-summary': { basic: { value: 100, unit: '万元' }, project: { value: 50, unit: '万元' } } };
    // Stated under the cover, before the table: a line after it would be the table's note.
    const [cover, ...table] = TABLES.split('\n');
    const own = [cover, '本年预算：基本支出预算 90.00 万元，项目支出预算 60.00 万元。', ...table].join('\n');
    const rowsOf = (text: string) => parse('tables', text, stated).tables.find((t) => t.kind === 'expenditure-summary')!.rows;
    expect(rowsOf(TABLES)[3].values).toMatchObject({ basic: 100, project: 50 });
    expect(rowsOf(own)[3].values).toMatchObject({ basic: null, project: null });
  });
});
