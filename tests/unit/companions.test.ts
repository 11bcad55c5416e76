import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { companionFacts, joinCompanions, type CompanionFacts } from '../../src/ingest/companions.ts';
import { mergeCompanions } from '../../src/ingest/companion-merge.ts';
import { parseDisclosure } from '../../src/ingest/parse-disclosure.ts';
import type { Disclosure } from '../../src/schema/disclosure.ts';

const facts = (over: Partial<CompanionFacts>): CompanionFacts => ({
  slug: 'x',
  file: 'x.txt',
  department: '某市某某局',
  year: 2026,
  kind: 'budget',
  scope: null,
  isTemplate: false,
  budgetTables: 0,
  paragraphs: 0,
  stated: {},
  open: [],
  ...over,
});

describe('joinCompanions', () => {
  const notes = facts({ slug: 'a-notes', file: 'a-notes.txt', scope: 'department', paragraphs: 40 });
  const tables = facts({ slug: 'a-tables', file: 'a-tables.txt', department: '某市 某某局', budgetTables: 9, paragraphs: 3 });

  it('joins a text volume and a tables volume of one department, year and kind, and says why', () => {
    const [group, ...rest] = joinCompanions([tables, notes]);
    expect(rest).toEqual([]);
    expect(group.notes.slug).toBe('a-notes');
    expect(group.tables.map((t) => t.slug)).toEqual(['a-tables']);
    expect(group.reason).toBe('同一部门“某市某某局”、同一年度 2026、同为预算：a-notes.txt 是文字说明（没有报表），a-tables.txt 含报表 9 张');
  });

  it('never joins two complete disclosures, other years, other kinds, scopes that differ, or templates', () => {
    const complete = facts({ budgetTables: 9, paragraphs: 50 });
    expect(joinCompanions([complete, { ...complete, scope: 'unit' }])).toEqual([]);
    expect(joinCompanions([notes, { ...tables, year: 2025 }])).toEqual([]);
    expect(joinCompanions([notes, { ...tables, kind: 'final-account' }])).toEqual([]);
    expect(joinCompanions([notes, { ...tables, scope: 'unit' }])).toEqual([]);
    expect(joinCompanions([{ ...notes, isTemplate: true }, { ...tables, isTemplate: true }])).toEqual([]);
    expect(joinCompanions([notes, { ...notes, slug: 'b' }, tables])).toEqual([]); // two text volumes: ambiguous
  });

  it('the same body with or without a qualifier (本级) and bracket widths', () => {
    expect(joinCompanions([notes, { ...tables, department: '某市某某局（本级）' }])).toHaveLength(1);
  });

  it('a 绩效目标表 volume joins its budget', () => {
    expect(joinCompanions([notes, { ...tables, kind: 'performance-target' }])).toHaveLength(1);
  });
});

const OTHER = '../shared/samples/other-provinces';
const parse = (name: string): Disclosure =>
  parseDisclosure(readFileSync(`${OTHER}/${name}.txt`, 'utf8'), { file: `${name}.txt`, sha256: 'a'.repeat(64), format: 'text', encoding: 'utf-8' });

describe.skipIf(!existsSync(OTHER))(`companion volumes of the other-provinces samples${existsSync(OTHER) ? '' : ' — skipped: ../shared/samples is absent'}`, () => {
  // Vitest runs a skipped suite's body to collect its tests: the samples are read only where they are.
  const [beijingNotes, beijingTables, jiangsuNotes, jiangsuTables, changsha] = existsSync(OTHER)
    ? ['beijing-civil-affairs-2026-notes', 'beijing-civil-affairs-2026-tables', 'jiangsu-cppcc-office-2018-budget', 'jiangsu-cppcc-office-2018-budget-tables', 'changsha-education-2026-budget'].map(parse)
    : [];

  it('finds Beijing and Jiangsu from their content, and leaves a complete disclosure alone', () => {
    // What the texts state is no part of the join.
    const groups = joinCompanions([beijingNotes, beijingTables, jiangsuNotes, jiangsuTables, changsha].map((d) => companionFacts(d, '')));
    expect(groups.map((g) => [g.notes.file, g.tables.map((t) => t.file)])).toEqual([
      ['beijing-civil-affairs-2026-notes.txt', ['beijing-civil-affairs-2026-tables.txt']],
      ['jiangsu-cppcc-office-2018-budget.txt', ['jiangsu-cppcc-office-2018-budget-tables.txt']],
    ]);
  });

  it('Beijing as one disclosure: the text volume cover, the tables volume tables, each datum marked with its part', () => {
    const doc = mergeCompanions(beijingNotes, [beijingTables]);
    expect(doc.slug).toBe('beijing-civil-affairs-2026');
    expect(doc.title).toBe('北京市民政局 2026 年度部门预算信息公开');
    expect(doc.department).toBe('北京市民政局');
    expect(doc.year).toBe(2026);
    expect(doc.scope).toBe('department');
    expect(doc.unit).toBe('万元'); // 金额单位：万元 over the tables
    // pdftotext ends each file with a form feed on a line of its own: 196 and 3330 newlines, 197 and 3331 lines.
    expect(doc.parts.map((p) => [p.file, p.role, p.lineCount])).toEqual([
      ['beijing-civil-affairs-2026-notes.txt', 'notes', 197],
      ['beijing-civil-affairs-2026-tables.txt', 'tables', 3331],
    ]);
    expect(doc.tables.length).toBe(beijingTables.tables.length);
    // 预算01表 收支总表 is line 1 of the tables volume, part 1.
    expect(doc.tables[0].lines).toMatchObject({ first: 1, part: 1 });
    expect(doc.tables.every((t) => t.lines.part === 1 && t.rows.every((r) => r.lines.part === 1))).toBe(true);
    expect(doc.sections.filter((s) => s.lines.part === 0)).toHaveLength(beijingNotes.sections.length);
    expect(doc.unparsed.length).toBe(beijingNotes.unparsed.length + beijingTables.unparsed.length);
    expect(doc.checks.length).toBe(beijingNotes.checks.length + beijingTables.checks.length);
    expect(new Set(doc.sections.map((s) => s.id)).size).toBe(doc.sections.length);
  });

  it('Beijing: the text volume’s “三公” figures are compared with the tables volume’s 预算09表 (notes L132–L147, tables L479–L489)', () => {
    expect(beijingNotes.checks.find((c) => c.id === 'fact:three-public:table:total')?.status).toBe('not-checkable');
    const doc = mergeCompanions(beijingNotes, [beijingTables]);
    const checks = doc.checks.filter((c) => c.id.startsWith('fact:three-public:table:'));
    // 282.16 = 159.00 + 1.35 + 121.81 (71.17 + 50.64) in the text; the table prints 282.168541, 159, 1.355554 ….
    expect(checks.map((c) => [c.id.slice('fact:three-public:table:'.length), c.status])).toEqual([
      ['total', 'pass'],
      ['outbound-travel', 'pass'],
      ['vehicles', 'pass'],
      ['vehicle-purchase', 'pass'],
      ['vehicle-operation', 'pass'],
      ['reception', 'pass'],
    ]);
    expect(checks[0].lines).toEqual([{ first: 489, last: 489, part: 1 }, { first: 133, last: 134, part: 0 }]);
  });

  it('Jiangsu: the tables volume alone names the department only in 部门：, and the year only in a table title', () => {
    const doc = mergeCompanions(jiangsuNotes, [jiangsuTables]);
    expect(doc.slug).toBe('jiangsu-cppcc-office-2018-budget');
    expect(doc.department).toBe('江苏省政协办公厅');
    expect(doc.year).toBe(2018);
    expect(doc.tables.length).toBe(jiangsuTables.tables.length);
  });
});
