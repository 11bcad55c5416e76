/**
 * How errors get into real disclosures, one planted per copy: a table or chapter left out, a department name or
 * year copied from another document or a placeholder left in, a word that contradicts its figures, a figure
 * retyped, a code given another code's name, 元 for 万元, doubled punctuation, a figure rounded differently.
 * Each mutator changes lines in place (never adds or removes lines), so that line numbers stay comparable.
 */
import type { Disclosure } from '../src/schema/disclosure.ts';
import type { FindingFamily } from '../src/schema/review.ts';
import type { LineRange } from '../src/schema/common.ts';
import { ECONOMIC_CODES, FUNCTION_CODES } from '../src/review/data/classification-codes.ts';

export interface Mutation {
  text: string;
  what: string;
}

type Random = () => number;
type Mutator = (text: string, doc: Disclosure, random: Random) => Mutation | null;

function pick<T>(items: readonly T[], random: Random): T | null {
  return items.length === 0 ? null : items[Math.floor(random() * items.length)];
}

function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

function inside(no: number, ranges: readonly LineRange[]): boolean {
  return ranges.some((r) => no >= r.first && no <= r.last);
}

/** Replaces one line (1-based) and says what was done. */
function withLine(text: string, no: number, line: string, what: string): Mutation {
  const lines = linesOf(text);
  lines[no - 1] = line;
  return { text: lines.join('\n'), what: `${what}（第 ${no} 行）` };
}

function blank(text: string, ranges: readonly LineRange[], what: string): Mutation {
  const lines = linesOf(text).map((l, i) => (inside(i + 1, ranges) ? '' : l));
  return { text: lines.join('\n'), what };
}

/** Lines of prose: in a section, not in a table. */
function proseLines(text: string, doc: Disclosure): Array<{ no: number; line: string }> {
  const tables = doc.tables.map((t) => t.lines);
  const sections = doc.sections.map((s) => s.lines);
  return linesOf(text)
    .map((line, i) => ({ no: i + 1, line }))
    .filter((l) => inside(l.no, sections) && !inside(l.no, tables) && /[\u4e00-\u9fa5]{4}/.test(l.line));
}

const REQUIRED = [
  'income-expenditure-summary', 'income-summary', 'expenditure-summary', 'fiscal-appropriation-summary',
  'general-budget-expenditure', 'general-budget-basic-expenditure', 'three-public-expenditure',
  'government-fund-expenditure', 'state-capital-expenditure',
];
const TOPICS = ['政府采购', '机关运行经费', '三公', '绩效', '国有资产'];

const completeness: Mutator = (text, doc, random) => {
  if (doc.kind !== 'budget' && doc.kind !== 'final-account') return null;
  if (doc.findings.some((f) => /volume/.test(f.rule))) return null;
  const choices: Array<() => Mutation | null> = [];
  for (const kind of REQUIRED) {
    const tables = doc.tables.filter((t) => t.kind === kind);
    // A table that is the only one of its kind: leaving it out leaves the kind missing.
    if (tables.length === 1 && !(kind === 'state-capital-expenditure' && doc.kind === 'budget')) {
      const t = tables[0];
      choices.push(() => blank(text, [{ first: Math.max(1, t.lines.first - 2), last: t.lines.last }], `删去${t.title}`));
    }
  }
  if (doc.glossary.length > 0) {
    const ranges = doc.glossary.map((g) => g.lines);
    const heading = linesOf(text).findIndex((l) => /名词解释/.test(l) && !/[。，]/.test(l));
    choices.push(() => {
      const all = linesOf(text).map((l, i) => ({ no: i + 1, l })).filter((x) => /名词解释/.test(x.l)).map((x) => ({ first: x.no, last: x.no }));
      return heading < 0 ? null : blank(text, [...ranges, ...all], '删去名词解释');
    });
  }
  for (const topic of TOPICS) {
    const sections = doc.sections.filter((s) => s.heading && s.heading.includes(topic));
    if (sections.length === 0) continue;
    choices.push(() => {
      const lines = linesOf(text);
      const extra = lines.map((l, i) => ({ no: i + 1, l })).filter((x) => x.l.replace(/\s/g, '').includes(topic) && !inside(x.no, doc.glossary.map((g) => g.lines)));
      return blank(text, [...sections.map((s) => s.lines), ...extra.map((x) => ({ first: x.no, last: x.no }))], `删去“${topic}”的说明`);
    });
  }
  return pick(choices, random)?.() ?? null;
};

const identity: Mutator = (text, doc, random) => {
  const choices: Array<() => Mutation | null> = [];
  const prose = proseLines(text, doc);
  const dept = doc.department.replace(/^(?:19|20)\d{2}年度?/, '');
  const named = prose.filter((l) => dept.length >= 4 && !/XX/.test(dept) && l.line.includes(dept));
  const n = pick(named, random);
  if (n) choices.push(() => withLine(text, n.no, n.line.replace(dept, `${dept.slice(0, Math.max(0, dept.length - 3))}XX局`), '部门名称改为占位符'));
  const y = doc.year;
  if (y !== null && (doc.kind === 'budget' || doc.kind === 'final-account')) {
    const titled = doc.tables.filter((t) => !t.titleInferred && t.title.includes(String(y)));
    const t = pick(titled, random);
    if (t) {
      const lines = linesOf(text);
      const no = lines.findIndex((l, i) => i + 1 >= t.lines.first - 2 && i + 1 <= t.lines.last && l.includes(String(y)) && l.replace(/\s/g, '').includes(t.title.replace(/\s/g, '').slice(-6)));
      if (no >= 0) choices.push(() => withLine(text, no + 1, lines[no].replace(String(y), String(y - 1)), `表题年度改为${y - 1}`));
    }
    const dated = prose.filter((l) => new RegExp(`截[至止]\\s*${y - (doc.kind === 'budget' ? 1 : 0)}\\s*年`).test(l.line) || new RegExp(`截[至止]\\s*${y}\\s*年`).test(l.line));
    const d = pick(dated, random);
    if (d) choices.push(() => withLine(text, d.no, d.line.replace(/(截[至止]\s*)(\d{4})/, (_, a: string, b: string) => `${a}${Number(b) - 2}`), '截至日期的年度前移两年'));
  }
  return pick(choices, random)?.() ?? null;
};

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;

const wording: Mutator = (text, _doc, random) => {
  const choices: Array<() => Mutation | null> = [];
  // A word the same sentence gives both figures for: 年初预算为 X 万元，支出决算为 Y 万元 … 决算数小于预算数.
  const statement = new RegExp(String.raw`预算(?:数)?(?:为|是)?\s*${NUM}\s*万?元[\s\S]{0,40}?决算(?:数)?(?:为|是)?\s*${NUM}\s*万?元[^。；]{0,40}[。；]?[^。；]{0,60}?决算数?\s*(?:同|与|和)?\s*(?:年初)?预算数?\s*(大于|小于)(?!\s*[（(])`, 'g');
  const words = [...text.matchAll(statement)];
  const w = pick(words, random);
  if (w) {
    choices.push(() => {
      const word = w[1];
      const at = w.index! + w[0].lastIndexOf(word);
      return { text: text.slice(0, at) + (word === '大于' ? '小于' : '大于') + text.slice(at + 2), what: `“${word}”改为反义词` };
    });
  }
  const completions = [...text.matchAll(new RegExp(String.raw`完成(?:年初)?预算的?\s*(${NUM})\s*[%％]`, 'g'))].filter((m) => Number(m[1]) > 5);
  const c = pick(completions, random);
  if (c) {
    choices.push(() => {
      const old = c[1];
      const value = (Number(old) * 0.8).toFixed((old.split('.')[1] ?? '').length);
      const at = c.index! + c[0].indexOf(old);
      return { text: text.slice(0, at) + value + text.slice(at + old.length), what: `完成预算的${old}%改为${value}%` };
    });
  }
  const changes = [...text.matchAll(new RegExp(String.raw`${NUM}\s*万?元[，,\s]*比上年[^，。；\d]{0,8}?(增加|减少)\s*(${NUM})\s*万?元[，,\s]*(增长|下降)\s*(${NUM})\s*[%％]`, 'g'))].filter(
    (m) => Number(m[2].replace(/,/g, '')) > 0 && Number(m[4]) > 0,
  );
  const ch = pick(changes, random);
  if (ch) {
    choices.push(() => {
      const at = ch.index! + ch[0].indexOf(ch[1]);
      return { text: text.slice(0, at) + (ch[1] === '增加' ? '减少' : '增加') + text.slice(at + 2), what: `比上年“${ch[1]}”改为反义词` };
    });
  }
  return pick(choices, random)?.() ?? null;
};

/** Text-side lines of the checks that pass: a figure there that is changed must make its check fail. */
interface Printed {
  no: number;
  line: string;
  printed: string;
  /** Where in the line the figure is printed. */
  at: number;
}

function passingFigures(text: string, doc: Disclosure): Printed[] {
  const lines = linesOf(text);
  const found: Printed[] = [];
  for (const check of doc.checks) {
    if (check.status !== 'pass' || !/^(?:fact|narrative):.*table|^narrative:/.test(check.id) || check.id.includes('share')) continue;
    if (typeof check.actual !== 'number' || check.actual === 0) continue;
    const tableLines = doc.tables.map((t) => t.lines);
    for (const r of check.lines) {
      if (inside(r.first, tableLines)) continue;
      // The first printing of the figure in the checked text is the one the check read.
      search: for (let no = r.first; no <= r.last; no++) {
        const line = lines[no - 1] ?? '';
        for (const m of line.matchAll(new RegExp(NUM, 'g'))) {
          if (Number(m[0].replace(/,/g, '')) === check.actual && /^\s*万?元/.test(line.slice(m.index! + m[0].length))) {
            found.push({ no, line, printed: m[0], at: m.index! });
            break search;
          }
        }
      }
    }
  }
  return found;
}

function replaceAt(f: Printed, by: string): string {
  return f.line.slice(0, f.at) + by + f.line.slice(f.at + f.printed.length);
}

const figures: Mutator = (text, doc, random) => {
  const f = pick(passingFigures(text, doc), random);
  if (!f) return null;
  const decimals = (f.printed.split('.')[1] ?? '').length;
  const value = Number(f.printed.replace(/,/g, ''));
  const changed = (value * 1.37 + 1).toFixed(decimals);
  return withLine(text, f.no, replaceAt(f, changed), `正文数字${f.printed}改为${changed}`);
};

const rounding: Mutator = (text, doc, random) => {
  // Rounded to one decimal less, the figure must move by more than the 0.01 that counts as agreement.
  const rounded = (f: Printed) => Number(f.printed.replace(/,/g, '')).toFixed(f.printed.split('.')[1].length - 1);
  const candidates = passingFigures(text, doc).filter(
    (f) => (f.printed.split('.')[1] ?? '').length >= 2 && Math.abs(Number(rounded(f)) - Number(f.printed.replace(/,/g, ''))) > 0.011,
  );
  const f = pick(candidates, random);
  if (!f) return null;
  return withLine(text, f.no, replaceAt(f, rounded(f)), `正文数字${f.printed}少印一位小数（${rounded(f)}）`);
};

const units: Mutator = (text, doc, random) => {
  const lines = linesOf(text);
  const choices: Array<() => Mutation | null> = [];
  const totals = new Set(['income-expenditure-summary', 'income-summary', 'expenditure-summary', 'fiscal-appropriation-summary', 'general-budget-expenditure', 'general-budget-basic-expenditure']);
  for (const t of doc.tables) {
    const totalsPrinted = t.rows.some((r) => r.role === 'total' && Object.values(r.values).some((v) => v));
    if (!totals.has(t.kind) || t.unit === null || !totalsPrinted) continue;
    for (let no = t.lines.first; no <= Math.min(t.lines.last, t.lines.first + 6); no++) {
      const line = lines[no - 1];
      if (/单位\s*[：:]\s*(?:万元|元)/.test(line)) {
        choices.push(() => withLine(text, no, line.replace(/(单位\s*[：:]\s*)(万元|元)/, (_, a: string, u: string) => `${a}${u === '万元' ? '元' : '万元'}`), `${t.title}的单位改写`));
        break;
      }
    }
  }
  const f = pick(passingFigures(text, doc), random);
  if (f) {
    choices.push(() => {
      const at = f.at + f.printed.length;
      const rest = f.line.slice(at).replace(/^(\s*)万元/, '$1元');
      return rest === f.line.slice(at) ? null : withLine(text, f.no, f.line.slice(0, at) + rest, `正文${f.printed}万元改为${f.printed}元`);
    });
  }
  return pick(choices, random)?.() ?? null;
};

const text: Mutator = (source, doc, random) => {
  // A line whose words reached a paragraph (not one the parser set aside).
  const paragraphs = doc.sections.flatMap((s) => s.paragraphs).join('\n');
  const prose = proseLines(source, doc).filter((x) => paragraphs.includes(x.line.trim().slice(0, 12)));
  const l = pick(prose, random);
  if (!l) return null;
  const kinds = [
    () => (/[，。]/.test(l.line) ? withLine(source, l.no, l.line.replace(/([，。])/, '$1$1'), '标点重复') : null),
    () => {
      const m = /[\u4e00-\u9fa5]{3}/.exec(l.line.slice(Math.floor(l.line.length / 3)));
      if (!m) return null;
      const at = Math.floor(l.line.length / 3) + m.index;
      return withLine(source, l.no, l.line.slice(0, at + 3) + m[0] + l.line.slice(at + 3), `词语“${m[0]}”重复`);
    },
    () => {
      const close = /[）》”]/.exec(l.line);
      return close ? withLine(source, l.no, l.line.slice(0, close.index) + l.line.slice(close.index + 1), `删去“${close[0]}”`) : null;
    },
  ];
  for (let tries = 0; tries < 3; tries++) {
    const m = pick(kinds, random)!();
    if (m) return m;
  }
  return null;
};

const classification: Mutator = (source, doc, random) => {
  const lines = linesOf(source);
  const rows = doc.tables.flatMap((t) => t.rows).filter((r) => {
    if (!r.code || (r.codeScheme !== 'function' && r.codeScheme !== 'economic') || r.name.length < 3) return false;
    const list = r.codeScheme === 'function' ? FUNCTION_CODES : ECONOMIC_CODES;
    // The code printed on the row's line: a code the parser inferred from the name would follow a changed name.
    const line = lines[r.lines.first - 1] ?? '';
    return list[r.code] !== undefined && line.includes(r.name) && line.replace(/\s/g, '').includes(r.code);
  });
  const row = pick(rows, random);
  if (!row) return null;
  const list = row.codeScheme === 'function' ? FUNCTION_CODES : ECONOMIC_CODES;
  const names = Object.entries(list)
    .filter(([code, n]) => code.length === row.code!.length && typeof n === 'string' && !n.includes(row.name) && !row.name.includes(n) && code !== row.code)
    .map(([, n]) => n as string);
  const other = pick(names, random);
  if (!other) return null;
  const no = row.lines.first;
  return withLine(source, no, lines[no - 1].replace(row.name, other), `科目${row.code}的名称“${row.name}”改为“${other}”`);
};

export const MUTATORS: Readonly<Record<FindingFamily, Mutator>> = {
  completeness,
  identity,
  wording,
  figures,
  classification,
  units,
  text,
  rounding,
};
