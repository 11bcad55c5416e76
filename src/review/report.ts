/**
 * The office's report of one reviewed document: as plain text for the terminal, as a standalone HTML page, and as
 * JSON. Pure: the CLI writes them. All document text is untrusted and is escaped in the HTML.
 */
import type { Check, LineRange } from '../schema/common.ts';
import type { Disclosure } from '../schema/disclosure.ts';
import { subtractAmounts } from '../core/decimal.ts';
import { pagesOfLines } from '../core/pages.ts';
import { escapeHtml } from '../site/escape-html.ts';
import { shown } from './context.ts';
import { orderFindings, sidesOf, whereOf } from './present.ts';

type Reported = Pick<Disclosure, 'title' | 'department' | 'year' | 'kind' | 'slug' | 'findings' | 'checks'> & {
  source: Pick<Disclosure['source'], 'file' | 'pageStarts'>;
};

/**
 * The arithmetic checks that failed, as the office needs them beside the findings: a 合计 that is not the sum of its
 * parts, two tables that state one figure differently. The narrative's checks (`fact:`, `narrative:`) are left out:
 * the figures rules already report each of them as a finding, with units and rounding weighed.
 */
function failedChecks(doc: Reported): Check[] {
  return doc.checks.filter((c) => c.status === 'fail' && !/^(?:fact|narrative):/.test(c.id));
}

/** “20406 司法 = 下级科目之和（项目支出）：应为 64,840,547，实为 129,681,094，相差 64,840,547”, as the site's 数据校验 panel says it. */
function checkLine(c: Check): string {
  const figures = typeof c.expected === 'number' && typeof c.actual === 'number' ? `：应为 ${shown(c.expected)}，实为 ${shown(c.actual)}，相差 ${shown(Math.abs(subtractAmounts(c.actual, c.expected)))}` : '';
  return `${c.message}${figures}`;
}

/** Where a check's lines are, adjacent ones joined (a parent and its children: 第 171–177 行). */
function checkWhere(doc: Reported, c: Check): string {
  const lines: LineRange[] = [];
  for (const l of [...c.lines].sort((a, b) => a.first - b.first)) {
    const last = lines[lines.length - 1];
    if (last && l.first <= last.last + 1) lines[lines.length - 1] = { first: last.first, last: Math.max(last.last, l.last) };
    else lines.push(l);
  }
  return whereOf({ lines, pages: pagesOfLines(doc.source.pageStarts ?? [], lines) });
}

const KINDS: Readonly<Record<Disclosure['kind'], string>> = {
  budget: '预算',
  'final-account': '决算',
  'performance-target': '绩效目标',
  'performance-evaluation': '绩效评价报告',
  other: '其他',
};

function heading(doc: Reported): string {
  const who = doc.department || '（未识别部门）';
  const year = doc.year === null ? '' : `${doc.year}年`;
  return `${who} ${year}${KINDS[doc.kind]}（${doc.source.file}）`;
}

function counts(doc: Reported): { errors: number; notes: number } {
  return {
    errors: doc.findings.filter((f) => f.severity === '错误').length,
    notes: doc.findings.filter((f) => f.severity === '提示').length,
  };
}

export function textReport(doc: Reported): string {
  const { errors, notes } = counts(doc);
  const out = [`== ${heading(doc)} ==`, `错误 ${errors} 项，提示 ${notes} 项`];
  for (const group of orderFindings(doc.findings)) {
    out.push('', `【${group.severity}】`);
    let n = 0;
    for (const family of group.families) {
      out.push(`  ${family.label}`);
      for (const f of family.findings) {
        n++;
        const sides = sidesOf(f);
        out.push(`    ${n}. [${whereOf(f)}] ${f.message}${sides ? `（${sides}）` : ''}`);
      }
    }
  }
  const failed = failedChecks(doc);
  if (failed.length > 0) {
    out.push('', `【计算校验未通过】（${failed.length} 项：表内合计与分项、表与表之间）`);
    failed.forEach((c, i) => out.push(`    ${i + 1}. [${checkWhere(doc, c)}] ${checkLine(c)}`));
  }
  if (doc.findings.length === 0 && failed.length === 0) out.push('未发现问题。');
  return `${out.join('\n')}\n`;
}

export function htmlReport(doc: Reported): string {
  const { errors, notes } = counts(doc);
  const e = escapeHtml;
  const sections = orderFindings(doc.findings).map((group) => {
    const families = group.families.map((family) => {
      const items = family.findings.map((f) => {
        const sides = sidesOf(f);
        return `<li><span class="where">${e(whereOf(f))}</span> ${e(f.message)}${sides ? ` <span class="sides">（${e(sides)}）</span>` : ''} <code>${e(f.rule)}</code></li>`;
      });
      return `<h3>${e(family.label)}</h3>\n<ol>\n${items.join('\n')}\n</ol>`;
    });
    return `<section class="${group.severity === '错误' ? 'error' : 'note'}">\n<h2>${e(group.severity)}（${group.count} 项）</h2>\n${families.join('\n')}\n</section>`;
  });
  const failed = failedChecks(doc);
  if (failed.length > 0) {
    const items = failed.map((c) => `<li><span class="where">${e(checkWhere(doc, c))}</span> ${e(checkLine(c))} <code>${e(c.id)}</code></li>`);
    sections.push(`<section class="checks">\n<h2>计算校验未通过（${failed.length} 项：表内合计与分项、表与表之间）</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`);
  }
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>审核报告：${e(heading(doc))}</title>
<style>
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; }
.error h2, .checks h2 { color: #b00020; } .note h2 { color: #8a6d00; }
.where { color: #555; } .sides { color: #333; } code { color: #888; font-size: 0.8em; }
</style>
</head>
<body>
<h1>审核报告</h1>
<p>${e(heading(doc))}</p>
<p>错误 ${errors} 项，提示 ${notes} 项${doc.findings.length === 0 && failed.length === 0 ? '：未发现问题。' : '。'}</p>
${sections.join('\n')}
</body>
</html>
`;
}

export function jsonReport(doc: Reported): string {
  const { errors, notes } = counts(doc);
  const report = {
    file: doc.source.file,
    slug: doc.slug,
    title: doc.title,
    department: doc.department,
    year: doc.year,
    kind: doc.kind,
    errors,
    notes,
    findings: doc.findings,
    failedChecks: failedChecks(doc),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
