import { checkCounts, type Check, type CheckCounts, type LineRange } from '../schema/common.ts';
import type { Disclosure, DisclosureSansChecks } from '../schema/disclosure.ts';
import { pagesOfLines } from '../core/pages.ts';
import { inferredMark } from '../core/inferred-title.ts';
import { rowAnchor, sectionAnchor, tableAnchor } from './anchors.ts';

/**
 * The 数据校验 panel as a reader wants it: what is wrong first (review findings, failed checks, checks that could not
 * be made), grouped by the table they concern, each with a link to the rows; passed checks only as a count. Pure:
 * the page renders what this returns.
 */

/** A review finding (错误 / 提示). Read optionally: documents parsed before findings existed have none. */
export interface Finding {
  id: string;
  severity: string;
  message: string;
  lines: LineRange[];
}

export interface CheckItem {
  check: Check;
  /** Anchor on this page of the rows or text the check concerns, or null when nothing on the page shows them. */
  anchor: string | null;
  /** 第 12 行 / 第 12–14 行: where in the original text. */
  where: string;
}

export interface CheckGroup {
  /** Anchor of the group itself, so that a table can link to its own problems. */
  id: string;
  title: string;
  items: CheckItem[];
}

export interface CheckPanel {
  findings: (Finding & { anchor: string | null; where: string })[];
  failed: CheckGroup[];
  uncheckable: CheckGroup[];
  counts: CheckCounts;
}

export function findingsOf(doc: DisclosureSansChecks): Finding[] {
  const findings = (doc as DisclosureSansChecks & { findings?: Finding[] }).findings;
  return Array.isArray(findings) ? findings : [];
}

/** 第 12 行, 第 12–14 行; from a PDF also the page: 第 12–14 行（第 3 页）. */
function linesText(doc: Disclosure, lines: readonly LineRange[]): string {
  if (lines.length === 0) return '';
  const first = Math.min(...lines.map((l) => l.first));
  const last = Math.max(...lines.map((l) => l.last));
  const at = first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;
  const pages = doc.source.format === 'pdf' ? pagesOfLines(doc.source.pageStarts, lines) : [];
  if (pages.length === 0) return at;
  const p = pages.length === 1 ? `第 ${pages[0]} 页` : `第 ${pages[0]}–${pages[pages.length - 1]} 页`;
  return `${at}（${p}）`;
}

const inside = (n: number, r: LineRange) => n >= r.first && n <= r.last;

/**
 * The most specific place on the page that shows one of the lines: a table row, else a table, a target table, a
 * section. A target's checks (its funds' sum, a 绩效自评表's 总分 and 执行率) are made on its own lines, and a 正文
 * section's lines may run over the forms printed inside it: the target comes before the section. A check of a
 * target's amount against the project table names the table's row too, and links there.
 */
function anchorFor(doc: Disclosure, lines: readonly LineRange[]): string | null {
  for (const range of lines) {
    for (const table of doc.tables) {
      if (!inside(range.first, table.lines)) continue;
      const row = table.rows.find((r) => inside(range.first, r.lines) || inside(r.lines.first, range));
      return row ? rowAnchor(table.id, row.lines.first) : tableAnchor(table.id);
    }
  }
  for (const range of lines) {
    const target = doc.targets.find((t) => inside(range.first, t.lines));
    if (target) return `target-${target.id}`;
  }
  for (const range of lines) {
    const section = doc.sections.find((s) => inside(range.first, s.lines));
    if (section) return sectionAnchor(section.id);
  }
  return null;
}

/** The table a check belongs to: its id starts with the table id (`t3:row:…`); others are grouped by kind. */
function groupOf(doc: Disclosure, check: Check): { id: string; title: string } {
  const head = check.id.split(':')[0];
  const table = doc.tables.find((t) => t.id === head);
  if (table) return { id: `checks-${table.id}`, title: `《${table.title}》${inferredMark(table)}` };
  if (head === 'x') return { id: 'checks-across', title: '表与表之间' };
  if (head === 'narrative' || head === 'fact' || head === 'overview' || head === 'project') return { id: 'checks-text', title: '说明文字与表格' };
  if (head === 'performance' || head === 'evaluation') return { id: 'checks-performance', title: '绩效目标与评价' };
  return { id: 'checks-other', title: '其他' };
}

function grouped(doc: Disclosure, checks: readonly Check[], suffix: string): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  for (const check of checks) {
    const { id, title } = groupOf(doc, check);
    const group = groups.get(id) ?? { id: `${id}-${suffix}`, title, items: [] };
    group.items.push({ check, anchor: anchorFor(doc, check.lines), where: linesText(doc, check.lines) });
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** The pages of their own a disclosure's long 正文 and many 绩效目标 are on (text-page.ts, targets-page.ts), or null. */
export interface OwnPages {
  text: string | null;
  targets: string | null;
  /** The page of its own a row (`t3-L173`) is on when its table has such pages (table-pages.ts), else null. */
  row?: (anchor: string) => string | null;
}

/**
 * Where a link to an anchor of the disclosure page goes: a narrative section (`sec-…`) is on the text page and a
 * target table (`target-…`) on the targets page where the document has one, a row of a table moved to pages of its
 * own on the page that holds it, everything else on the disclosure page.
 */
export function anchorHref(anchor: string, pages: OwnPages): string {
  const page = anchor.startsWith('sec-') ? pages.text : anchor.startsWith('target-') ? pages.targets : (pages.row?.(anchor) ?? null);
  return `${page ?? ''}#${anchor}`;
}

/** Every row anchor the panel links to, per table, so that only those rows carry an id. */
export function linkedRows(panel: CheckPanel): Set<string> {
  const items = [...panel.failed, ...panel.uncheckable].flatMap((g) => g.items);
  return new Set([...items.map((i) => i.anchor), ...panel.findings.map((f) => f.anchor)].filter((a): a is string => a !== null));
}

export function checkPanel(doc: Disclosure): CheckPanel {
  const counts = checkCounts(doc.checks);
  return {
    findings: findingsOf(doc).map((f) => ({ ...f, anchor: anchorFor(doc, f.lines), where: linesText(doc, f.lines) })),
    failed: grouped(doc, doc.checks.filter((c) => c.status === 'fail'), 'fail'),
    uncheckable: grouped(doc, doc.checks.filter((c) => c.status === 'not-checkable'), 'open'),
    counts,
  };
}

/** The difference a reader looks for in a failed check: how far apart the two figures are. */
export function difference(check: Check): number | null {
  if (typeof check.expected !== 'number' || typeof check.actual !== 'number') return null;
  return Math.round((check.actual - check.expected) * 1e6) / 1e6;
}
