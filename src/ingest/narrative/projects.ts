import type { Check } from '../../schema/common.ts';
import type { Disclosure } from '../../schema/disclosure.ts';
import type { Project } from '../../schema/narrative.ts';
import type { Table } from '../../schema/table.ts';
import { compareAmounts } from '../checks.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { parseAmount, soleStatedAmount, STATED_AMOUNT } from '../numbers.ts';
import { FIGURE_SOURCE, MONEY_UNIT_SOURCE } from '../../core/amounts.ts';
import { foldWidth } from '../../core/width.ts';
import { afterMarker, withoutMarker } from '../../core/outline.ts';
import { compact } from '../performance/text.ts';
import { convertAmount } from '../../core/units.ts';
import { DESCRIPTION_TITLE } from '../performance/prose-targets.ts';
import { paragraphsIn, scopesByHeading } from './outline.ts';
import { linesOfSpan, matchable, type ProseText } from './prose.ts';
import type { ProseSection } from './sections.ts';

const PROJECTS_HEADING = /项目支出(?:预算)?情况说明|项目(?:支出)?情况$|项目支出说明/;
const WITHHELD = /(?:不予|不宜|不便)公开|涉密/;

type Field = 'name' | 'basis' | 'scale' | 'implementer' | 'allocation' | 'schedule';

/** Field labels as printed; the short forms are ones extraction damaged, accepted only where a paragraph starts. */
const LABELS: ReadonlyArray<{ field: Field; pattern: RegExp; atStart?: boolean }> = [
  { field: 'name', pattern: /项目名称\s*[：:]/ },
  { field: 'basis', pattern: /(?:设立的)?政策依据\s*[：:]/ },
  { field: 'scale', pattern: /预算安排规模\s*[：:]/ },
  { field: 'implementer', pattern: /(?:项目)?承担单位\s*[：:]/ },
  { field: 'allocation', pattern: /(?:资金)?分配情况\s*[：:]/ },
  { field: 'schedule', pattern: /(?:资金)?(?:执行)?时间\s*[：:]/ },
  { field: 'scale', pattern: /^预算(?:安排)?\s*[：:]/, atStart: true },
  { field: 'allocation', pattern: /^情况\s*[：:]/, atStart: true },
];

/** The blocks of one project's description, joined, with where each block starts. */
interface Block {
  text: string;
  parts: Array<{ offset: number; prose: ProseText }>;
}

function joinBlocks(blocks: readonly ProseText[]): Block {
  const out: Block = { text: '', parts: [] };
  for (const p of blocks) {
    out.parts.push({ offset: out.text.length, prose: p });
    out.text += matchable(p);
  }
  return out;
}

interface Hit {
  field: Field;
  start: number;
  end: number;
}

function labelHits(block: Block): Hit[] {
  const hits: Hit[] = [];
  for (const { field, pattern, atStart } of LABELS) {
    if (atStart) {
      for (const part of block.parts) {
        const m = pattern.exec(block.text.slice(part.offset));
        if (m) hits.push({ field, start: part.offset, end: part.offset + m[0].length });
      }
      continue;
    }
    for (const m of block.text.matchAll(new RegExp(pattern.source, 'g'))) {
      hits.push({ field, start: m.index, end: m.index + m[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((h, i) => i === 0 || h.start >= hits[i - 1].end);
}

function clean(text: string): string {
  // The trailing run is matched from its first character only (lookbehind), as in overview.ts trimDuty: linear.
  return text.replace(/\s+/g, ' ').replace(/^[\s。；，,]+/, '').replace(/(?<![\s。；，,])[\s。；，,]+$/, '');
}

function originalText(block: Block, from: number, to: number): string {
  let out = '';
  for (const part of block.parts) {
    const start = Math.max(from, part.offset);
    const end = Math.min(to, part.offset + part.prose.text.length);
    if (start < end) out += part.prose.text.slice(start - part.offset, end - part.offset);
  }
  return out;
}

function linesOfBlock(block: Block, from: number, to: number): Project['lines'] {
  const covered = block.parts.filter((p) => p.offset < to && p.offset + p.prose.text.length > from);
  const first = covered[0] ?? block.parts[0];
  const last = covered[covered.length - 1] ?? first;
  return {
    first: linesOfSpan(first.prose, Math.max(0, from - first.offset), Math.max(0, from - first.offset) + 1).first,
    last: linesOfSpan(last.prose, 0, Math.max(1, to - last.offset)).last,
  };
}

/**
 * The amount a project's 预算安排规模 states (`795万元`) where it is in `unit`, the document's amount unit (narrative/index.ts
 * documentUnit); null where it states another unit, or none, rather than an amount the tables would read in another scale.
 */
function amountFor(scale: string | null, unit: string | null): number | null {
  if (scale === null) return null;
  const m = STATED_AMOUNT.exec(foldWidth(scale));
  if (!m || (unit !== null && m[2] !== unit)) return null;
  return parseAmount(m[1]);
}

function normalName(name: string): string {
  return name.replace(/[\s“”"'‘’《》]/g, '');
}

/**
 * The project-expenditure table's rows for a project, matched by its name. A project funded under several
 * classification codes has a row for each.
 */
function tableRowsFor(name: string, tables: readonly Table[]): Table['rows'] {
  const wanted = normalName(name);
  return tables
    .filter((t) => t.kind === 'general-budget-project-expenditure')
    .flatMap((t) => t.rows)
    .filter((row) => row.role === 'data' && [row.name, ...Object.values(row.texts)].map(normalName).includes(wanted));
}

function sharedOf<T>(values: readonly T[]): T | null {
  return values.length > 0 && values.every((v) => v === values[0]) ? values[0] : null;
}

function tableAmount(rows: Table['rows']): number | null {
  const totals = rows.map((r) => r.values.total);
  return totals.some((t) => t == null) ? null : sumAmounts(totals.map((t) => t!));
}

function readProject(block: Block, index: number, tables: readonly Table[], unit: string | null): { project: ProjectWithFlag; check: Check | null } {
  const hits = labelHits(block);
  const fields: Partial<Record<Field, string>> = {};
  hits.forEach((hit, i) => {
    if (fields[hit.field] !== undefined) return;
    const end = hits[i + 1]?.start ?? block.text.length;
    fields[hit.field] = clean(originalText(block, hit.end, end));
  });
  const name = fields.name ?? clean(afterMarker(block.parts[0].prose.text) ?? block.parts[0].prose.text);
  const withheld = fields.basis === undefined && WITHHELD.test(block.text);
  const rows = tableRowsFor(name, tables);
  const project: ProjectWithFlag = {
    id: `p${index + 1}`,
    name,
    amount: amountFor(fields.scale ?? null, unit),
    code: sharedOf(rows.map((r) => r.code)),
    group: sharedOf(rows.map((r) => r.group)),
    basis: fields.basis ?? null,
    scale: fields.scale ?? null,
    implementer: fields.implementer ?? null,
    allocation: fields.allocation ?? null,
    schedule: fields.schedule ?? null,
    withheld,
    lines: linesOfBlock(block, 0, block.text.length),
  };
  return { project, check: tableCheck(project, rows) };
}

/** The project's amount as its description states it against the rows the project-expenditure table gives it. */
function tableCheck(project: Project, rows: Table['rows']): Check | null {
  if (rows.length === 0) return null;
  return compareAmounts(`project:${project.id}:table-amount`, `${project.name}：说明中的预算安排规模 = 项目支出表中该项目各行之和`, tableAmount(rows), project.amount, [
    ...rows.map((r) => r.lines),
    project.lines,
  ]);
}

/** The chapters of a 经费情况说明 (一、项目概述 … 七、绩效目标) that hold a project's field, by their heading. */
const CHAPTER_FIELDS: ReadonlyArray<{ field: Exclude<Field, 'name'>; heading: RegExp }> = [
  { field: 'basis', heading: /^(?:立项|政策)依据$/ },
  { field: 'implementer', heading: /^实施(?:主体|单位)$/ },
  { field: 'schedule', heading: /^实施(?:周期|期限|时间)$/ },
  { field: 'scale', heading: /^(?:年度)?预算安排$/ },
];

/**
 * A project's own 经费情况说明 (Shanghai's budgets: a title `人民调解项目经费情况说明`, then chapters 一、项目概述 …
 * 六、年度预算安排 `795万元` … 七、绩效目标), as a project: named by its title, its fields the chapters that hold them.
 * Its amount is the one amount its 年度预算安排 states, in the document's unit; a plan by quarter or a sentence
 * without an amount leaves it null, and stays in the narrative. A title that names no project (`项目经费情况说明`)
 * describes none with certainty.
 */
function readDescription(scope: readonly ProseSection[], index: number, tables: readonly Table[], unit: string | null): { project: ProjectWithFlag; check: Check | null } | null {
  const title = scope[0].heading!;
  const c = compact(title.text);
  const named = c.length <= 50 ? DESCRIPTION_TITLE.exec(c) : null;
  const name = named ? withoutMarker(named[1], ['cn']).trim() : '';
  if (!name) return null;
  const fields: Partial<Record<Field, string>> = {};
  for (const s of scope.slice(1)) {
    const heading = afterMarker(compact(s.heading?.text ?? ''), ['cn']);
    const field = CHAPTER_FIELDS.find((f) => heading !== null && f.heading.test(heading))?.field;
    if (field && fields[field] === undefined && s.paragraphs.length > 0) fields[field] = clean(s.paragraphs.map((p) => p.text).join(''));
  }
  const stated = fields.scale === undefined ? null : soleStatedAmount(fields.scale);
  const last = scope[scope.length - 1];
  const rows = tableRowsFor(name, tables);
  const project: ProjectWithFlag = {
    id: `p${index + 1}`,
    name,
    amount: stated && (unit === null ? stated.amount : convertAmount(stated.amount, stated.unit, unit)),
    code: sharedOf(rows.map((r) => r.code)),
    group: sharedOf(rows.map((r) => r.group)),
    basis: fields.basis ?? null,
    scale: fields.scale ?? null,
    implementer: fields.implementer ?? null,
    allocation: null,
    schedule: fields.schedule ?? null,
    withheld: false,
    lines: { first: title.lines.first, last: (last.paragraphs[last.paragraphs.length - 1] ?? last.heading ?? title).lines.last },
  };
  return { project, check: tableCheck(project, rows) };
}

function projectBlocks(scope: readonly ProseSection[]): ProseText[][] {
  const blocks = scope.flatMap((s, i) => (i > 0 && s.heading ? [s.heading, ...s.paragraphs] : s.paragraphs));
  const projects: ProseText[][] = [];
  for (const p of blocks) {
    if (/项目名称\s*[：:]/.test(matchable(p))) projects.push([p]);
    else projects[projects.length - 1]?.push(p);
  }
  return projects;
}

type ProjectWithFlag = Project & { withheld: boolean };

export interface ProjectsReading {
  projects: ProjectWithFlag[];
  checks: Check[];
  withheld: Disclosure['withheldProjects'];
  paragraphs: Set<ProseText>;
}

const WITHHELD_COUNT = /(\d+)\s*个[^，。；,;\d]{0,4}(?:项目|专项)/;
const WITHHELD_AMOUNT = new RegExp(`(?:共计|合计|总计|共|金额|资金)\\s*(${FIGURE_SOURCE})\\s*(${MONEY_UNIT_SOURCE})`);

/** A statement that some projects are not published (…6个项目,共计218.82万元资金，不予公开). */
function readWithheld(all: readonly ProseSection[], excluded: ReadonlySet<ProseText>, unit: string | null): Disclosure['withheldProjects'] {
  for (const s of all) {
    for (const p of s.paragraphs) {
      const text = matchable(p);
      // Statements that only performance target tables are withheld (绩效目标表不予公开) leave the projects published.
      if (excluded.has(p) || !WITHHELD.test(text) || !/项目/.test(text) || /绩效目标表/.test(text)) continue;
      const count = WITHHELD_COUNT.exec(text);
      const amount = WITHHELD_AMOUNT.exec(text);
      return {
        count: count ? Number(count[1]) : null,
        amount: amount && (unit === null || amount[2] === unit) ? parseAmount(amount[1]) : null,
        text: p.text,
        lines: { ...p.lines },
      };
    }
  }
  return null;
}

/** The projects the 项目支出情况说明 describes, one per `项目名称：`, and any statement of projects withheld. */
export function readProjects(
  all: readonly ProseSection[],
  tables: readonly Table[],
  unit: string | null,
  excluded: ReadonlySet<ProseText>,
): ProjectsReading {
  const paragraphs = new Set<ProseText>();
  const projects: ProjectsReading['projects'] = [];
  const checks: Check[] = [];
  const seen = new Set<ProseText>();
  for (const scope of scopesByHeading(all, PROJECTS_HEADING)) {
    for (const blocks of projectBlocks(scope)) {
      if (seen.has(blocks[0])) continue;
      blocks.forEach((b) => {
        seen.add(b);
        paragraphs.add(b);
      });
      const { project, check } = readProject(joinBlocks(blocks), projects.length, tables, unit);
      projects.push(project);
      if (check) checks.push(check);
    }
    paragraphsIn(scope).forEach((p) => paragraphs.add(p));
  }
  // Letter-spaced as some PDFs print a title (经 费 情 况 说 明); the name is read from it compacted.
  for (const scope of scopesByHeading(all, /经\s*费\s*情\s*况\s*说\s*明\s*$/)) {
    if (scope[0].heading === null || paragraphsIn(scope).some((p) => paragraphs.has(p))) continue;
    const read = readDescription(scope, projects.length, tables, unit);
    if (!read) continue;
    projects.push(read.project);
    if (read.check) checks.push(read.check);
    paragraphsIn(scope).forEach((p) => paragraphs.add(p));
  }
  return { projects, checks, withheld: readWithheld(all, new Set([...excluded, ...paragraphs]), unit), paragraphs };
}
