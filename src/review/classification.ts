/**
 * Classification: a table row's code and name must be the same entry of the national 支出功能分类 / 支出经济分类
 * (data/classification-codes.ts). Only codes the list knows are judged, names are compared loosely, and a name
 * the code had in another year is accepted for documents of that year.
 */
import type { Finding } from '../schema/review.ts';
import type { TableRow } from '../schema/table.ts';
import { linesAt, makeFinding, type ReviewContext } from './context.ts';
import { anchoredMatches } from '../core/anchored-matches.ts';
import { ECONOMIC_CODES, FUNCTION_CODES, GOVERNMENT_ECONOMIC_CODES, listedNames, type CodeName } from './data/classification-codes.ts';
import { comparableName } from '../core/code-names.ts';
import { namesPurchases } from '../core/purchase-tables.ts';

const LISTS = {
  function: FUNCTION_CODES,
  economic: ECONOMIC_CODES,
  'government-economic': GOVERNMENT_ECONOMIC_CODES,
} as const;

const SCHEME_NAMES = { function: '支出功能分类', economic: '部门预算支出经济分类', 'government-economic': '政府预算支出经济分类' } as const;

/** The names a code had in the document's year (all of them when the year is unknown). */
function namesFor(entry: string | ReadonlyArray<string | CodeName>, year: number | null): string[] {
  return listedNames(entry)
    .filter((e) => year === null || ((e.from === undefined || year >= e.from - 1) && (e.until === undefined || year <= e.until + 1)))
    .map((e) => e.name);
}

/** The printed name is the listed one, a qualified form of it (行政运行（统计信息事务）), or cut short by the layout. */
function sameName(printed: string, listed: string): boolean {
  const p = comparableName(printed);
  const l = comparableName(listed);
  if (p === l) return true;
  const bare = p.replace(/\(.*\)$/, '');
  if (bare === l || bare === l.replace(/\(.*\)$/, '')) return true;
  // A wrapped cell loses its start or end, a merged one gains a header's or the next cell's words.
  return p.length >= 2 && (l.startsWith(p) || l.endsWith(p) || p.startsWith(l) || p.endsWith(l));
}

interface Mismatch {
  row: TableRow;
  tableId: string;
  names: string[];
  otherYear: string | undefined;
}

function mismatchOf(ctx: ReviewContext, row: TableRow, tableId: string): Mismatch | null {
  // A row's flag is about its amounts, not its code and name: flagged rows are judged too.
  if (!row.code || !row.codeScheme || row.role !== 'data') return null;
  const entry = LISTS[row.codeScheme][row.code];
  if (entry === undefined || comparableName(row.name).length < 2) return null;
  const names = namesFor(entry, ctx.doc.year);
  if (names.some((n) => sameName(row.name, n))) return null;
  return { row, tableId, names: names.length > 0 ? names : namesFor(entry, null), otherYear: namesFor(entry, null).find((n) => sameName(row.name, n)) };
}

/**
 * Each list's codes by the code two digits shorter (a 项 under its 款, a 款 under its 类), in the list's order: a
 * mismatch's child codes are looked up, not found by reading the whole list again for each.
 */
const CHILD_CODES = new Map(Object.values(LISTS).map((list) => [list, Map.groupBy(Object.keys(list), (c) => c.slice(0, -2))]));

/** Why a mismatch may not be the document's: its name is a child code's (项 digits lost), or it is fine elsewhere. */
function doubt(ctx: ReviewContext, m: Mismatch, printedRightElsewhere: boolean): string | null {
  const list = LISTS[m.row.codeScheme!];
  const child = CHILD_CODES.get(list)!.get(m.row.code!)?.find((c) => namesFor(list[c], ctx.doc.year).some((n) => sameName(m.row.name, n)));
  if (child) return `名称是其下级科目${child}的名称，编码可能缺了末两位`;
  if (printedRightElsewhere) return '本文件其他表中此编码的名称正确，此处可能是排版或提取造成的错字，请核对原件';
  return null;
}

function message(ctx: ReviewContext, m: Mismatch): string {
  const scheme = SCHEME_NAMES[m.row.codeScheme!];
  return m.otherYear
    ? `科目${m.row.code}印作“${m.row.name}”，这是该科目在其他年度的名称；${ctx.doc.year}年${scheme}中为“${m.names.join('”或“')}”。`
    : `科目${m.row.code}印作“${m.row.name}”，${scheme}中${m.row.code}是“${m.names.join('”或“')}”：编码与名称不符。`;
}

/** A table whose codes mostly disagree with the national list follows a local variant of it: one 提示 for the table. */
const LOCAL_SCHEME_SHARE = 0.3;

/**
 * A 类, 款 or 项 the 情况说明 names with its code: `卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）`. The 款
 * and 项 digits are read under the 类 (and 款) before them, so a name is only read after its parent's code.
 */
const NAMED_CLASS = /([\u4e00-\u9fa5][\u4e00-\u9fa5、]{1,29}?)[（(](\d{3})类[）)]((?:\s*[\u4e00-\u9fa5、（）()]{2,40}?[（(]\d{2}[款项][）)]){0,2})/y;
const NAMED_PART = /([\u4e00-\u9fa5、（）()]{2,40}?)[（(](\d{2})([款项])[）)]/g;

interface NamedCode {
  code: string;
  name: string;
  index: number;
  length: number;
}

/** The codes the prose names, with the names it gives them and where. */
function namedCodes(text: string): NamedCode[] {
  const out: NamedCode[] = [];
  // A 类's name is 2–30 characters, its bracket and code 4 more: the pattern is tried only that far before each 类,
  // not from every CJK character of the prose (the review of the 300-document synthetic subset took 10–20 % less CPU).
  for (const m of anchoredMatches(text, NAMED_CLASS, '类', 6, 34)) {
    out.push({ code: m[2], name: m[1], index: m.index!, length: m[0].length });
    let code = m[2];
    for (const p of m[3].matchAll(NAMED_PART)) {
      // A 项 needs its 款: `（01项）` straight after a 类 is not a code of five digits.
      if ((p[3] === '款') !== (code.length === 3)) break;
      code += p[2];
      out.push({ code, name: p[1], index: m.index! + m[0].length - m[3].length + p.index!, length: p[0].length });
    }
  }
  return out;
}

/**
 * The 情况说明 calls a 功能分类 code by a name that is not the code's in the document's year (the old 医疗卫生与计划生育支出
 * for 210 in a 2026 budget, a name of another code). One finding per code and printed name, at its first mention. A
 * name the document's own tables print for the code is left to the table rule (the text then agrees with the tables).
 */
function narrativeNameFindings(ctx: ReviewContext): Finding[] {
  const printedInTables = new Map<string, Set<string>>();
  for (const t of ctx.doc.tables)
    for (const r of t.rows) {
      if (r.codeScheme !== 'function' || !r.code) continue;
      const names = printedInTables.get(r.code) ?? new Set<string>();
      names.add(comparableName(r.name));
      printedInTables.set(r.code, names);
    }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const n of namedCodes(ctx.prose.text)) {
    const entry = FUNCTION_CODES[n.code];
    if (entry === undefined || comparableName(n.name).length < 2) continue;
    const names = namesFor(entry, ctx.doc.year);
    if (names.length === 0 || names.some((l) => sameName(n.name, l))) continue;
    const key = `${n.code}:${comparableName(n.name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const inTables = printedInTables.get(n.code);
    if (inTables?.has(comparableName(n.name))) continue;
    const otherYear = namesFor(entry, null).find((l) => sameName(n.name, l));
    const tableName = [...(inTables ?? [])].find((p) => names.some((l) => sameName(p, l)));
    const listed = `${ctx.doc.year ?? ''}${ctx.doc.year ? '年' : ''}${SCHEME_NAMES.function}中${n.code}是“${names.join('”或“')}”`;
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'classification.narrative-name',
        family: 'classification',
        severity: '错误',
        key,
        message:
          (otherYear ? `正文把科目${n.code}写作“${n.name}”，这是该科目在其他年度的名称；${listed}` : `正文把科目${n.code}写作“${n.name}”，${listed}：编码与名称不符`) +
          (tableName ? `，本文件的表中也印作“${names.find((l) => sameName(tableName, l))}”。` : '。'),
        stated: `${n.code} ${n.name}`,
        expected: `${n.code} ${names[0]}`,
        lines: linesAt(ctx.prose, n.index, n.length),
      }),
    );
  }
  return findings;
}

export function classificationRules(ctx: ReviewContext): Finding[] {
  const findings: Finding[] = narrativeNameFindings(ctx);
  const rightElsewhere = new Set<string>();
  const mismatches: Mismatch[] = [];
  // A purchase's row is named for what is bought, whatever code classifies it: its name is no 科目名称 to compare.
  for (const t of ctx.doc.tables.filter((t) => !namesPurchases(t.kind))) {
    const judged = t.rows.filter((r) => r.code && r.codeScheme && LISTS[r.codeScheme][r.code] !== undefined);
    const wrong = judged.map((r) => mismatchOf(ctx, r, t.id)).filter((m): m is Mismatch => m !== null);
    const wrongRows = new Set(wrong.map((m) => m.row));
    for (const r of judged) if (!wrongRows.has(r)) rightElsewhere.add(`${r.codeScheme}:${r.code}`);
    if (wrong.length > 2 && wrong.length >= judged.length * LOCAL_SCHEME_SHARE) {
      findings.push(
        makeFinding(ctx.doc, {
          rule: 'classification.local-scheme',
          family: 'classification',
          severity: '提示',
          key: t.id,
          message: `${t.title}中有${wrong.length}个科目的编码与名称同全国${SCHEME_NAMES[wrong[0].row.codeScheme!]}不一致（如${wrong[0].row.code}印作“${wrong[0].row.name}”，全国科目为“${wrong[0].names[0]}”），可能采用了地方口径，请核对。`,
          stated: `${wrong[0].row.code} ${wrong[0].row.name}`,
          expected: `${wrong[0].row.code} ${wrong[0].names[0]}`,
          lines: [t.lines],
        }),
      );
    } else mismatches.push(...wrong);
  }
  for (const m of mismatches) {
    const why = doubt(ctx, m, rightElsewhere.has(`${m.row.codeScheme}:${m.row.code}`));
    findings.push(
      makeFinding(ctx.doc, {
        rule: 'classification.name',
        family: 'classification',
        severity: why ? '提示' : '错误',
        key: `${m.tableId}:${m.row.code}:${m.row.lines.first}`,
        message: why ? `${message(ctx, m)}${why}。` : message(ctx, m),
        stated: `${m.row.code} ${m.row.name}`,
        expected: `${m.row.code} ${m.names[0]}`,
        lines: [m.row.lines],
      }),
    );
  }
  return findings;
}
