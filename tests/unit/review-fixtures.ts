/** Small parsed documents for the review rules: only the fields a rule reads need to be given. */
import type { Check } from '../../src/schema/common.ts';
import type { Reviewed } from '../../src/review/context.ts';
import { contextOf, type ReviewContext } from '../../src/review/context.ts';
import type { Table, TableRow } from '../../src/schema/table.ts';

export function doc(partial: Partial<Reviewed> = {}): Reviewed {
  return {
    schemaVersion: 1,
    slug: 'fixture',
    title: '2024年部门决算',
    kind: 'final-account',
    scope: 'department',
    isTemplate: false,
    yearSpan: null,
    parts: [],
    department: '上海市普陀区测试局',
    region: ['上海市', '普陀区'],
    year: 2024,
    publishedAt: null,
    unit: '万元',
    source: { file: 'fixture.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8', lineCount: 1000, pageStarts: [] },
    overview: null,
    sections: [],
    tables: [],
    projects: [],
    withheldProjects: null,
    targets: [],
    evaluation: null,
    facts: [],
    glossary: [],
    checks: [],
    unparsed: [],
    warnings: [],
    ...partial,
  };
}

export function ctx(partial: Partial<Reviewed> = {}): ReviewContext {
  return contextOf(doc(partial));
}

/** A section of prose at lines first…first + paragraphs − 1. */
export function section(first: number, heading: string | null, ...paragraphs: string[]): Reviewed['sections'][number] {
  return { id: `s${first}`, heading, level: 1, paragraphs, lines: { first, last: first + Math.max(paragraphs.length, 1) - 1 } };
}

export function row(partial: Partial<TableRow> & { name: string; line: number }): TableRow {
  const { line, ...rest } = partial;
  return { code: null, codeScheme: null, level: null, values: {}, texts: {}, group: null, role: 'data', flag: null, uncertain: [], lines: { first: line, last: line }, ...rest };
}

export function table(partial: Partial<Table> & { kind: Table['kind']; first: number; last: number }): Table {
  const { first, last, ...rest } = partial;
  return { id: `t${first}`, title: '', titleInferred: false, kindInferred: false, unit: '万元', columns: [], rows: [], declaredEmpty: false, cells: 'positioned', notes: [], lines: { first, last }, ...rest };
}

export function check(partial: Partial<Check> & { id: string }): Check {
  return { status: 'pass', message: '', expected: null, actual: null, lines: [], ...partial };
}
