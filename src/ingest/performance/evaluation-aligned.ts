/**
 * A 综合评分表 printed aligned with narrow columns (a PDF's table of nine columns, read by its glyph positions or
 * by `pdftotext -layout`): the level columns and the 得分 / 扣分原因 columns are one or two characters wide, so their
 * labels stand one character a line under the header line (`一二` over `级级`, `得扣` over `分分`), the level names
 * stand one character a line down their rows, and long cells wrap inside their column over many lines. The column
 * grid shifts from page to page, so the reader takes its places from each row's own first line rather than from
 * the header: a row starts at the line printing its 分值 (the first number standing alone after the row's words) and
 * its 得分 (the last one); a 得分 wider than its column goes on digit by digit below itself. Pure.
 */
import type { EvaluationIndicator } from '../../schema/performance.ts';
import type { SourceLine } from '../source-lines.ts';
import { parseAmount } from '../numbers.ts';
import { sumAmounts } from '../../core/decimal.ts';
import { runsOf, wordCells } from '../layout/cells.ts';
import { isPageNumber } from '../page-furniture.ts';
import { isOutlineHeading } from './level-state.ts';
import { compact, joinWrapped } from './text.ts';
import type { ScoreSheet } from './evaluation-tables.ts';

/** Lines under a header line that may hold its labels' further characters (`指` and `标` of a vertical 一级指标). */
const HEADER_REACH = 3;

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/** A line of the header's stack: every word is one or two characters (the narrow columns' labels, a character each). */
function isStackLine(line: SourceLine): boolean {
  const words = wordCells(line.text);
  return words.length > 0 && words.every((w) => w.text.length <= 2);
}

/**
 * The number of lines the header takes when its 得分 label stands in a narrow column, one character a line (`得` on
 * the header line, `分` right under it); null otherwise. The labels are read down each character position.
 */
export function stackedScoreHeader(lines: readonly SourceLine[], at: number): number | null {
  const line = lines[at];
  // Asked of every line of every document (evaluation.ts): the words first, as namesScoreSheet does, since cutting a
  // line into runs costs more than looking for 级 in it.
  if (!line.text.includes('级') || line.text.includes('\t')) return null;
  const c = compact(line.text);
  if (!/三级指标/.test(c) || !/分值|权重/.test(c) || /得分/.test(c)) return null;
  if (runsOf(line.text).length < 3) return null;
  let count = 1;
  while (count <= HEADER_REACH && lines[at + count] && isStackLine(lines[at + count])) count++;
  if (count === 1) return null;
  const stack = lines.slice(at, at + count).map((l) => [...l.text]);
  const width = Math.max(...stack.map((chars) => chars.length));
  for (let x = 0; x < width; x++) {
    const label = stack.map((chars) => chars[x] ?? '').join('').replace(/\s/g, '');
    if (label === '得分') return count;
  }
  return null;
}

function isTotalStart(text: string): boolean {
  // 合计 in a narrow column prints 合 on the row's line and 计 under it.
  return /^(?:合计?|总计|总分)$/.test(compact(text));
}

interface Row {
  indicator: EvaluationIndicator;
  /** Where the row's first line prints its name and description, and its 得分 (characters from the line's start). */
  nameAt: number;
  descriptionAt: number;
  weightAt: number;
  scoreAt: number;
  scoreText: string;
}

/** The row a line opens: its 分值 and 得分, and the words before 分值 (levels, name, 指标解释). */
function openRow(line: SourceLine, narrow: number, describes: boolean): Row | null {
  const runs = runsOf(line.text);
  const numbers = runs.filter((r) => BARE_NUMBER.test(r.text));
  if (!numbers.length || runs[0] === numbers[0]) return null;
  const weight = numbers[0];
  const score = numbers.length > 1 ? numbers[numbers.length - 1] : null;
  // The words before 分值: a word no wider than the narrow level columns is their characters, then the name, then
  // 指标解释. A row that lost its name cell (printed in a level column, a character a line) has no name word.
  const before = wordCells(line.text.slice(0, weight.start));
  const description = describes ? before.pop() : undefined;
  const texts = before.filter((w) => w.text.length > narrow);
  const name = texts.length ? texts[texts.length - 1] : null;
  return {
    indicator: {
      code: null,
      level1: null,
      level2: null,
      name: name?.text ?? '',
      description: description?.text ?? null,
      weight: parseAmount(weight.text),
      score: null,
      rule: null,
      process: null,
      deduction: null,
      lines: { first: line.no, last: line.no },
    },
    nameAt: name?.start ?? Infinity,
    descriptionAt: description?.start ?? weight.start,
    weightAt: weight.start,
    scoreAt: score?.start ?? Infinity,
    scoreText: score?.text ?? '',
  };
}

/** A line of a row after its first: the name's and 指标解释's wrapped words, and the 得分's further digits. */
function continueRow(row: Row, line: SourceLine): void {
  row.indicator.lines = { first: row.indicator.lines.first, last: line.no };
  for (const w of wordCells(line.text)) {
    if (Math.abs(w.start - row.scoreAt) <= 1 && /^\d$/.test(w.text)) {
      row.scoreText += w.text;
      continue;
    }
    // A name wraps left-aligned in its column (a character's jitter right); a word elsewhere left of 指标解释 is a
    // level's character, centred in its narrow column and so maybe a character left of the name's start.
    if (w.start >= row.nameAt && w.start <= row.nameAt + 1 && w.end <= row.descriptionAt) row.indicator.name = joinWrapped([row.indicator.name, w.text]);
    else if (w.start >= row.descriptionAt - 1 && w.end <= row.weightAt && row.indicator.description != null) {
      row.indicator.description = joinWrapped([row.indicator.description, w.text]);
    }
  }
}

export interface AlignedScoreSheet extends ScoreSheet {
  /** What could not be placed with certainty, in words for the reader. */
  warnings: string[];
}

/**
 * The rows of a 综合评分表 whose header (`header`, `headerLines` lines) stacks its narrow labels. Each indicator gets
 * its 分值, 得分 (digits stacked under it joined while they stay within 分值), its name and 指标解释 where the row's
 * first line prints them as words of their own; the levels are left to the 评分汇总表 (level1ByWeights) and every
 * line stays printed as well. A 得分 over its 分值 or missing is left empty and named in `warnings`.
 */
export function readAlignedScoreSheet(lines: readonly SourceLine[], header: number, headerLines: number): AlignedScoreSheet {
  const labels = wordCells(lines[header].text);
  const nameLabel = labels.findIndex((w) => compact(w.text) === '三级指标');
  // The header's words before 三级指标 are the narrow level columns' labels, a character per column.
  const narrow = labels.slice(0, Math.max(nameLabel, 0)).reduce((n, w) => n + w.text.length, 0);
  const describes = labels.some((w, i) => i > nameLabel && /^指标(?:解释|说明|内涵)$/.test(compact(w.text)));
  const rows: Row[] = [];
  const warnings: string[] = [];
  let total: ScoreSheet['total'] = null;
  let last = lines[header + headerLines - 1].no;
  let totalRow: Row | null = null;
  for (const line of lines.slice(header + headerLines)) {
    if (isOutlineHeading(line.text) || /^附[件表]\s*\d/.test(line.text.trim())) break;
    if (isPageNumber(line.text) || !line.text.trim()) continue;
    const first = runsOf(line.text)[0];
    if (totalRow) {
      continueRow(totalRow, line);
      last = line.no;
      continue;
    }
    if (isTotalStart(first.text)) {
      const runs = runsOf(line.text).filter((r) => BARE_NUMBER.test(r.text));
      if (!runs.length) break;
      totalRow = {
        indicator: { code: null, level1: null, level2: null, name: compact(first.text), description: null, weight: parseAmount(runs[0].text), score: null, rule: null, process: null, deduction: null, lines: { first: line.no, last: line.no } },
        nameAt: Infinity,
        descriptionAt: Infinity,
        weightAt: runs[0].start,
        scoreAt: runs.length > 1 ? runs[runs.length - 1].start : Infinity,
        scoreText: runs.length > 1 ? runs[runs.length - 1].text : '',
      };
      last = line.no;
      continue;
    }
    const prev = rows[rows.length - 1];
    const opened = openRow(line, narrow, describes);
    // 分值 stands left of 得分: a figure under the row's 得分 is its next digit, not another row's 分值.
    if (opened && !(prev && opened.weightAt >= prev.scoreAt - 1)) rows.push(opened);
    else if (prev) continueRow(prev, line);
    else continue;
    last = line.no;
  }
  const indicators = rows.map((row) => {
    const { weight, name, lines: at } = row.indicator;
    const score = parseAmount(row.scoreText);
    if (score != null && weight != null && score <= weight) row.indicator.score = score;
    else warnings.push(`评分表第 ${at.first} 行指标的得分未能读出${row.scoreText ? `（读到的“${row.scoreText}”大于分值 ${weight}）` : ''}`);
    if (!name) warnings.push(`评分表第 ${row.indicator.lines.first} 行的三级指标名称印在窄列中，未能读出`);
    return row.indicator;
  });
  if (totalRow) {
    // A narrow cell may cut a figure's last digits off (`1` over `0` for 100): the total's digits are taken where they
    // make the rows' sum, and otherwise left and named.
    const printed = parseAmount(totalRow.scoreText);
    const sum = indicators.every((i) => i.score != null) ? sumAmounts(indicators.map((i) => i.score as number)) : null;
    const score = printed != null && printed === sum ? printed : null;
    if (score == null) warnings.push(`评分表合计的得分未能读出（窄列中读到“${totalRow.scoreText}”，各项得分之和为 ${sum ?? '—'}）：第 ${totalRow.indicator.lines.first} 行`);
    total = { weight: totalRow.indicator.weight, score, lines: totalRow.indicator.lines };
  }
  return { indicators, total, last, warnings };
}
