/**
 * Findings as a reader or an office sees them: 错误 before 提示, grouped by family in a fixed order, each with
 * where it is (page and lines) in plain Chinese. No parser code here: the site imports this module.
 */
import type { LineRange } from '../schema/common.ts';
import type { Finding, FindingFamily, Severity } from '../schema/review.ts';

export const SEVERITIES: readonly Severity[] = ['错误', '提示'];

/** Families in the order a reviewer reads them: what is missing, whose it is, then the figures, then the form. */
export const FAMILY_LABELS: Readonly<Record<FindingFamily, string>> = {
  completeness: '内容完整性',
  identity: '部门名称、年度与占位符',
  figures: '正文数字与表格',
  wording: '文字表述与数字',
  units: '计量单位（元/万元）',
  classification: '科目编码与名称',
  text: '文字与标点',
  rounding: '四舍五入差异',
};

const FAMILY_ORDER = Object.keys(FAMILY_LABELS) as FindingFamily[];

export interface FamilyGroup {
  family: FindingFamily;
  label: string;
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  families: FamilyGroup[];
}

function firstLine(f: Finding): number {
  return f.lines.reduce((min, l) => Math.min(min, l.first), Number.MAX_SAFE_INTEGER);
}

/** 错误 first, then 提示; within each, families in reading order; within a family, document order. Empty groups are left out. */
export function orderFindings(findings: readonly Finding[]): SeverityGroup[] {
  return SEVERITIES.map((severity) => {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    const families = FAMILY_ORDER.map((family) => ({
      family,
      label: FAMILY_LABELS[family],
      findings: ofSeverity.filter((f) => f.family === family).sort((a, b) => firstLine(a) - firstLine(b)),
    })).filter((g) => g.findings.length > 0);
    return { severity, count: ofSeverity.length, families };
  }).filter((g) => g.count > 0);
}

function span(l: LineRange): string {
  return l.first === l.last ? `${l.first}` : `${l.first}–${l.last}`;
}

/** “第 3 页，第 120–125 行” — or “全文” for a finding about the document as a whole. */
export function whereOf(f: Pick<Finding, 'lines' | 'pages'>): string {
  if (f.lines.length === 0) return '全文';
  const pages = f.pages.length > 0 ? `第 ${f.pages.join('、')} 页，` : '';
  return `${pages}第 ${f.lines.map(span).join('、')} 行`;
}

/** Both sides of a comparison, where the finding has two: “本处：9.98；应为/对照：0”. */
export function sidesOf(f: Finding): string | null {
  if (f.stated === null || f.expected === null) return null;
  const side = (v: Finding['stated']) => (v === null ? '（空）' : String(v));
  return `本处：${side(f.stated)}；应为/对照：${side(f.expected)}`;
}
