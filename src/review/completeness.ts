/**
 * Completeness: a 部门预算 or 部门决算 publishes a standard set of tables (each present, or printed empty with a note
 * 空表说明) and the chapters of the national template: 概况, the 情况说明 of 三公经费, 机关运行经费, 政府采购, 国有资产占用
 * and 预算绩效, and 名词解释. What is missing is reported by name.
 */
import type { Finding } from '../schema/review.ts';
import type { TableKind } from '../schema/table.ts';
import { makeFinding, type ReviewContext } from './context.ts';

interface RequiredTable {
  kind: TableKind;
  /** Words in a title that name this table, whatever kind the parser gave it (基本支出总表 read as a 支出表). */
  titled: RegExp | null;
  budget: string;
  final: string;
  /** Wording in the text that says the document has nothing to show in this table (无政府性基金预算…). */
  none: RegExp | null;
}

const TABLES: readonly RequiredTable[] = [
  { kind: 'income-expenditure-summary', titled: null, budget: '收支总表', final: '收入支出决算总表', none: null },
  { kind: 'income-summary', titled: null, budget: '收入总表', final: '收入决算表', none: null },
  { kind: 'expenditure-summary', titled: null, budget: '支出总表', final: '支出决算表', none: null },
  { kind: 'fiscal-appropriation-summary', titled: null, budget: '财政拨款收支总表', final: '财政拨款收入支出决算总表', none: null },
  { kind: 'general-budget-expenditure', titled: null, budget: '一般公共预算支出表', final: '一般公共预算财政拨款支出决算表', none: null },
  { kind: 'general-budget-basic-expenditure', titled: /基本支出/, budget: '一般公共预算基本支出表', final: '一般公共预算财政拨款基本支出决算表', none: null },
  { kind: 'three-public-expenditure', titled: /三公/, budget: '“三公”经费支出表', final: '财政拨款“三公”经费支出决算表', none: /无[^。；]{0,12}三公|三公[^。；]{0,20}(?:为零|均?为0(?![\d.])|未安排)/ },
  { kind: 'government-fund-expenditure', titled: /政府性基金/, budget: '政府性基金预算支出表', final: '政府性基金预算财政拨款收入支出决算表', none: /(?:无|没有|未安排)[^。；]{0,10}政府性基金|政府性基金[^。；]{0,16}(?:为零|为0(?![\d.])|未安排)/ },
  { kind: 'state-capital-expenditure', titled: /国有资本经营/, budget: '国有资本经营预算支出表', final: '国有资本经营预算财政拨款支出决算表', none: /(?:无|没有|未安排)[^。；]{0,10}国有资本经营|国有资本经营[^。；]{0,16}(?:为零|为0(?![\d.])|未安排)/ },
];

/** The 情况说明 topics and outline parts of the national template, with the words that show each is there. */
const CHAPTERS: ReadonlyArray<{ key: string; name: string; pattern: RegExp }> = [
  { key: 'duties', name: '主要职能（职责）', pattern: /职能|职责/ },
  { key: 'structure', name: '机构设置（部门构成）', pattern: /机构设置|部门构成|单位构成|内设机构|机构情况|下属单位|所属单位|编制范围/ },
  { key: 'three-public', name: '“三公”经费情况说明', pattern: /三公/ },
  { key: 'operating-costs', name: '机关运行经费情况说明', pattern: /机关运行经?费/ },
  { key: 'procurement', name: '政府采购情况说明', pattern: /政府采购/ },
  { key: 'assets', name: '国有资产占用情况说明', pattern: /国有资产|资产占用|固定资产|资产情况/ },
  { key: 'performance', name: '预算绩效管理情况说明', pattern: /绩效/ },
];

function tableFindings(ctx: ReviewContext): Finding[] {
  const { doc } = ctx;
  const final = doc.kind === 'final-account';
  const standard = doc.tables.filter((t) => TABLES.some((r) => r.kind === t.kind));
  if (standard.length === 0) {
    return [
      makeFinding(doc, {
        rule: 'completeness.tables-volume',
        family: 'completeness',
        severity: '提示',
        key: 'all',
        message: `本文件未见任何公开表（应有${final ? '九张决算表' : '八至九张预算表'}）：若公开表另册发布，请一并核对；否则应补充公开表。`,
      }),
    ];
  }
  const findings: Finding[] = [];
  for (const r of TABLES) {
    const name = final ? r.final : r.budget;
    const tables = doc.tables.filter((t) => t.kind === r.kind);
    // Whether the text says the document has nothing to show in this table (“本部门无政府性基金预算拨款收支”).
    const declared = r.none?.test(ctx.prose.text) ?? false;
    if (tables.length > 0) {
      // The statement of a table printed empty may stand in the 情况说明 alone.
      const empty = tables.every((t) => t.rows.length === 0 && !t.declaredEmpty) && !declared;
      if (empty) {
        findings.push(
          makeFinding(doc, {
            rule: 'completeness.empty-table',
            family: 'completeness',
            severity: '提示',
            key: r.kind,
            message: `${name}没有数据，也没有空表说明（如“本单位无此项收支，故本表为空表”）。`,
            lines: [tables[0].lines],
          }),
        );
      }
      continue;
    }
    // 国有资本经营预算支出表 joined the national set later than the others (决算 from 2020): where the year is
    // earlier or unknown, or in a budget (many places print it only when there is something to show), a 提示.
    const optional = r.kind === 'state-capital-expenditure' && (!final || doc.year === null || doc.year < 2020);
    const titled = r.titled !== null && doc.tables.some((t) => r.titled!.test(t.title));
    const why = declared
      ? '；正文已说明无此项收支，但仍应公开空表'
      : titled
        ? '；有表题相近的表，请核对它是否即为此表'
        : '，无数据时也应公开空表并作说明';
    findings.push(
      makeFinding(doc, {
        rule: 'completeness.table',
        family: 'completeness',
        severity: optional || declared || titled ? '提示' : '错误',
        key: r.kind,
        message: `缺少${name}：${final ? '部门决算' : '部门预算'}应公开此表${why}。`,
        expected: name,
      }),
    );
  }
  return findings;
}

/** The prose outside the 名词解释: a term defined there (机关运行经费, “三公”经费) is not its 情况说明. */
function proseOutsideGlossary(ctx: ReviewContext): string {
  const defined = ctx.doc.glossary.map((g) => g.lines);
  const overlaps = (l: { first: number; last: number }) => defined.some((d) => d.first <= l.last && l.first <= d.last);
  return ctx.prose.segments.filter((s) => !overlaps(s.lines) && !/名词解释/.test(s.text.split('\n')[0])).map((s) => s.text).join('\n');
}

function chapterFindings(ctx: ReviewContext): Finding[] {
  const { doc } = ctx;
  const prose = proseOutsideGlossary(ctx);
  const missing = CHAPTERS.filter((c) => !c.pattern.test(prose));
  const glossary = doc.glossary.length > 0 || /名词解释/.test(ctx.prose.text);
  // A volume that prints only the tables (its 情况说明 is another file) lacks most chapters at once.
  if (missing.length + (glossary ? 0 : 1) > CHAPTERS.length / 2) {
    return [
      makeFinding(doc, {
        rule: 'completeness.notes-volume',
        family: 'completeness',
        severity: '提示',
        key: 'all',
        message: '本文件几乎只有表格，未见概况、情况说明和名词解释：若另册发布，请一并核对；否则应补充。',
      }),
    ];
  }
  const findings: Finding[] = [];
  if (!glossary) {
    findings.push(
      makeFinding(doc, { rule: 'completeness.chapter', family: 'completeness', severity: '错误', key: 'glossary', message: '缺少“名词解释”部分。', expected: '名词解释' }),
    );
  }
  for (const c of missing) {
    findings.push(
      makeFinding(doc, {
        rule: 'completeness.chapter',
        family: 'completeness',
        severity: '错误',
        key: c.key,
        message: `缺少${c.name}：全国统一的公开格式要求说明此项，没有时也应写明“无”。`,
        expected: c.name,
      }),
    );
  }
  return findings;
}

export function completenessRules(ctx: ReviewContext): Finding[] {
  if (ctx.doc.kind !== 'budget' && ctx.doc.kind !== 'final-account') return [];
  return [...tableFindings(ctx), ...chapterFindings(ctx)];
}
