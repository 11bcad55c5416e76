/**
 * Identity: the document names one department and one year, and says so the same way everywhere — on the cover
 * and table headers (预算主管部门：/ 编制部门：…), in table titles and part headings, and in dates such as 截至…年…月…日.
 * Template placeholders (XX局, ××, 某某, 〔 〕, 大于（小于）) left in a published document are errors.
 */
import type { Finding } from '../schema/review.ts';
import { ORG_END, readLabels } from '../ingest/metadata.ts';
import { linesAt, makeFinding, streamOf, type ReviewContext } from './context.ts';
import { foldFigures } from '../core/width.ts';

const PLACEHOLDERS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])/g, what: '占位符' },
  { pattern: /[×╳]{2,}/g, what: '占位符' },
  { pattern: /某某/g, what: '占位符' },
  { pattern: /〔\s*〕|【\s*】/g, what: '未填写的空括号' },
  { pattern: /(?<![A-Za-z0-9])[XＸ×](?=\s*[年月日])/g, what: '日期占位符' },
  { pattern: /\d{4}\s*年\s+月\s+日|(?<!\d)\s+年\s+月\s+日/g, what: '未填写的日期' },
  {
    pattern: /(大于|小于|等于|增加|减少|增长|下降|上升)\s*[（(]\s*(?:或)?\s*(大于|小于|等于|增加|减少|增长|下降|上升)\s*[）)]/g,
    what: '模板中的备选用语',
  },
];

function placeholderFindings(ctx: ReviewContext): Finding[] {
  const all = streamOf(ctx.segments);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const { pattern, what } of PLACEHOLDERS) {
    for (const m of all.text.matchAll(pattern)) {
      const lines = linesAt(all, m.index!, m[0].length);
      const key = `${lines[0]?.first ?? 0}:${m[0].replace(/\s/g, '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const around = all.text.slice(Math.max(0, m.index! - 8), m.index! + m[0].length + 8).replace(/\s+/g, '');
      findings.push(
        makeFinding(ctx.doc, {
          rule: 'identity.placeholder',
          family: 'identity',
          severity: '错误',
          key,
          message: `${what}“${m[0].trim()}”${what === '模板中的备选用语' ? '未删定，应只保留一种' : '未替换为实际内容'}（“…${around}…”）。`,
          stated: m[0].trim(),
          lines,
        }),
      );
    }
  }
  return findings;
}

/** The year a table title or part heading names as the document's own (2024年度…决算表, 2025年部门预算…). */
const TITLE_YEAR = /((?:19|20)\d{2})\s*年度?(?![底末初])(?=[^。，；]{0,24}(?:预算|决算|表|情况说明|公开))/g;

function yearFindings(ctx: ReviewContext): Finding[] {
  const { doc } = ctx;
  if (doc.year === null || (doc.kind !== 'budget' && doc.kind !== 'final-account')) return [];
  const findings: Finding[] = [];
  const check = (text: string, lines: Finding['lines'], where: string, key: string) => {
    // A heading that compares with the year before (比上年, 2023年决算数) names that year on purpose.
    if (/上年|上一年|比|较|对比|执行/.test(text)) return;
    for (const m of foldFigures(text).matchAll(TITLE_YEAR)) {
      const year = Number(m[1]);
      if (year === doc.year) continue;
      findings.push(
        makeFinding(doc, {
          rule: 'identity.year',
          family: 'identity',
          severity: '错误',
          key: `${key}:${year}`,
          message: `${where}“${text.trim().slice(0, 40)}”写的是${year}年，本文件是${doc.year}年${doc.kind === 'budget' ? '预算' : '决算'}。`,
          stated: year,
          expected: doc.year,
          lines,
        }),
      );
    }
  };
  for (const t of doc.tables) if (!t.titleInferred) check(t.title, [{ first: t.lines.first, last: t.lines.first }], '表题', t.id);
  for (const s of doc.sections) if (s.heading && s.heading.length <= 60) check(s.heading, [s.lines], '标题', s.id);
  return findings;
}

const AS_OF = /截[至止]\s*((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|\s*[底末])/g;

/** 截至…年…月…日 in a 决算 is within its year; in a budget, at the end of the year before or within its year. */
function dateFindings(ctx: ReviewContext): Finding[] {
  const { doc } = ctx;
  if (doc.year === null || (doc.kind !== 'budget' && doc.kind !== 'final-account')) return [];
  const earliest = doc.kind === 'budget' ? doc.year - 1 : doc.year;
  const findings: Finding[] = [];
  for (const m of ctx.prose.text.matchAll(AS_OF)) {
    const year = Number(m[1]);
    if (year >= earliest && year <= doc.year) continue;
    const fits = earliest === doc.year ? `${doc.year}年` : `${earliest}年或${doc.year}年`;
    findings.push(
      makeFinding(doc, {
        rule: 'identity.date',
        family: 'identity',
        severity: '错误',
        key: `${m.index}`,
        message: `日期“${m[0].replace(/\s+/g, '')}”与本文件年度不符：${doc.year}年${doc.kind === 'budget' ? '预算' : '决算'}中的截至日期应在${fits}。`,
        stated: year,
        expected: doc.year,
        lines: linesAt(ctx.prose, m.index!, m[0].length),
      }),
    );
  }
  return findings;
}

function normalizeName(name: string): string {
  return name
    .replace(/\s/g, '')
    .replace(/[（(]本级[）)]$/, '')
    .replace(/^(?:19|20)\d{2}年度?/, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')');
}

/** One name is the other with or without its region in front (司法局 / 上海市普陀区司法局). */
function sameBody(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  return x === y || (x.endsWith(y) && ORG_END.test(y)) || (y.endsWith(x) && ORG_END.test(x));
}

function departmentFindings(ctx: ReviewContext): Finding[] {
  const { doc } = ctx;
  const labelled: Array<{ label: string; name: string; lines: Finding['lines'] }> = [];
  // Every name the document's wording gives itself, line by line, read as the ingest reads its cover (readLabels).
  for (const s of ctx.segments) {
    if (s.kind === 'project') continue;
    for (const line of s.text.split('\n')) for (const l of readLabels(line)) labelled.push({ label: l.label, name: l.value, lines: [s.lines] });
  }
  const department = normalizeName(doc.department);
  // A name that does not end as a body's does (metadata.ts ORG_END: 局, 办公室, 街道办事处 …) is a region, not a department.
  const reference = ORG_END.test(department) ? department : labelled.find((l) => /部门/.test(l.label))?.name ?? labelled[0]?.name;
  if (!reference) return [];
  const subunits = (doc.overview?.subunits ?? []).map((u) => u.name);
  const findings: Finding[] = [];
  for (const l of labelled) {
    if (!ORG_END.test(normalizeName(l.name)) || sameBody(l.name, reference)) continue;
    // An evaluation's 委托单位 may be another body by design: the 财政局 that commissioned it.
    if (l.label === '委托单位') continue;
    // A 部门 document's tables may be headed by each of its 单位.
    if (/单位/.test(l.label) && subunits.some((u) => sameBody(u, l.name))) continue;
    findings.push(
      makeFinding(doc, {
        rule: 'identity.department',
        family: 'identity',
        severity: /单位/.test(l.label) && doc.overview?.subunits.length ? '提示' : '错误',
        key: `${l.lines[0]?.first ?? 0}`,
        message: `${l.label}写的是“${l.name}”，本文件的部门是“${reference}”。`,
        stated: l.name,
        expected: reference,
        lines: l.lines,
      }),
    );
  }
  return findings;
}

/**
 * A 单位预算 (决算) whose text says 部门预算安排 …: the sentence was copied from the department's volume, which the
 * unit's reader does not have. The classification's own name 部门预算支出经济分类 is not such a sentence.
 */
const OTHER_SCOPE = { unit: /部门(预算|决算)(?=安排|数|支出|收入|中|为|共)/g, department: null } as const;

function scopeFindings(ctx: ReviewContext): Finding[] {
  const pattern = ctx.doc.scope ? OTHER_SCOPE[ctx.doc.scope] : null;
  if (!pattern) return [];
  const m = [...ctx.prose.text.matchAll(pattern)][0];
  if (!m) return [];
  const around = ctx.prose.text.slice(Math.max(0, m.index! - 8), m.index! + m[0].length + 8).replace(/\s+/g, '');
  return [
    makeFinding(ctx.doc, {
      rule: 'identity.scope',
      family: 'identity',
      severity: '提示',
      key: m[0],
      message: `本文件是单位${m[1]}，正文却写“${m[0]}”（“…${around}…”），可能沿用了部门${m[1]}的文字，建议改为“单位${m[1]}”。`,
      stated: m[0],
      expected: `单位${m[1]}`,
      lines: linesAt(ctx.prose, m.index!, m[0].length),
    }),
  ];
}

export function identityRules(ctx: ReviewContext): Finding[] {
  return [...placeholderFindings(ctx), ...yearFindings(ctx), ...dateFindings(ctx), ...departmentFindings(ctx), ...scopeFindings(ctx)];
}
