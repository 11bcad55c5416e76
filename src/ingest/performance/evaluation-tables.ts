import type { EvaluationFundsUse, EvaluationIndicator, EvaluationScore } from '../../schema/performance.ts';
import type { LineRange } from '../../schema/common.ts';
import { parseAmount, parsePercent } from '../numbers.ts';
import type { SourceLine } from '../source-lines.ts';
import { cleanCell, compact, joinWrapped } from './text.ts';

/** The lines of a tab-separated table from its header on: it ends at the first non-blank line without a tab. */
export function tabbedBlock(lines: readonly SourceLine[], header: number): SourceLine[] {
  const out: SourceLine[] = [];
  for (let k = header + 1; k < lines.length; k++) {
    const l = lines[k];
    if (l.text.trim() === '') continue;
    if (!l.raw.includes('\t')) break;
    out.push(l);
  }
  return out;
}

export function cellsOf(line: SourceLine): string[] {
  return line.raw.split('\t').map(cleanCell);
}

function isSeparator(line: SourceLine): boolean {
  return /^[-\s|]+$/.test(line.text);
}

function isTotalLabel(cell: string): boolean {
  return /^(?:合计|总计|总分|综合得分)$/.test(compact(cell));
}

export function isScoreSummaryHeader(line: SourceLine): boolean {
  const c = compact(line.text);
  return line.raw.includes('\t') && /一级指标/.test(c) && /分值|权重/.test(c) && /得分/.test(c) && !/三级指标/.test(c);
}

export function isScoreSheetHeader(line: SourceLine): boolean {
  const c = compact(line.text);
  return line.raw.includes('\t') && /三级指标/.test(c) && /分值|权重/.test(c) && /得分/.test(c);
}

export function isFundsUseHeader(line: SourceLine): boolean {
  const c = compact(line.text);
  return line.raw.includes('\t') && /预算(?:金额|数)/.test(c) && /(?:执行|支出|使用)(?:金额|数)/.test(c) && !/指标/.test(c);
}

export interface ScoreSummary {
  scores: EvaluationScore[];
  total: { weight: number | null; score: number | null; lines: LineRange } | null;
  last: number;
}

/** 评分汇总表: one row per 一级指标 (标准分值, 得分, 得分率) and a 合计 row. */
export function readScoreSummary(header: SourceLine, body: readonly SourceLine[]): ScoreSummary {
  const scores: EvaluationScore[] = [];
  let total: ScoreSummary['total'] = null;
  let last = header.no;
  for (const line of body) {
    last = line.no;
    if (isSeparator(line) || isScoreSummaryHeader(line)) continue;
    const [name, weight, score, rate] = cellsOf(line);
    const lines = { first: line.no, last: line.no };
    if (isTotalLabel(name)) {
      total = { weight: parseAmount(weight ?? ''), score: parseAmount(score ?? ''), lines };
      continue;
    }
    scores.push({
      level1: name,
      weight: parseAmount(weight ?? ''),
      score: parseAmount(score ?? ''),
      rate: parsePercent(rate ?? '') ?? parseAmount(rate ?? ''),
      lines,
    });
  }
  return { scores, total, last };
}

export interface ScoreSheet {
  indicators: EvaluationIndicator[];
  total: { weight: number | null; score: number | null; lines: LineRange } | null;
  last: number;
}

interface SheetRow {
  cells: { level1: string; level2: string; name: string; description: string; rule: string; process: string; deduction: string };
  weight: number | null;
  score: number | null;
  anchor: number;
  scoreAt: number;
  first: number;
  last: number;
}

/**
 * 综合评分表 (一级, 二级, 三级, 指标解释, 分值, 评分规则, 评分过程, 得分, 扣分原因). Extraction drops empty leading
 * cells in some rows, so each row is aligned on its first number (分值): the four cells before it are 一级, 二级,
 * 三级 and 指标解释 read from right to left, the number after 评分规则 and 评分过程 is 得分. Lines without a 分值
 * continue the row above, cell by cell at the same offsets; missing 一级/二级 are carried down. Where a row lost its
 * 一级 cell and its 二级 cell is a 一级 name of the 评分汇总表 (`效益`) or starts with one (`产出数量`), that name is 一级.
 */
export function readScoreSheet(header: SourceLine, body: readonly SourceLine[], knownLevel1: readonly string[]): ScoreSheet {
  const rows: SheetRow[] = [];
  let total: ScoreSheet['total'] = null;
  let last = header.no;
  for (const line of body) {
    last = line.no;
    if (isSeparator(line) || isScoreSheetHeader(line)) continue;
    const cells = cellsOf(line);
    if (isTotalLabel(cells[0] ?? '')) {
      const numbers = cells.map((c) => parseAmount(c)).filter((v): v is number => v != null);
      total = { weight: numbers[0] ?? null, score: numbers[numbers.length - 1] ?? null, lines: { first: line.no, last: line.no } };
      continue;
    }
    const anchor = cells.findIndex((c, i) => i >= 2 && parseAmount(c) != null);
    const prev = rows[rows.length - 1];
    if (anchor < 0) {
      if (!prev) continue;
      cells.forEach((cell, i) => {
        if (!cell) return;
        const off = i - prev.anchor;
        // Past 得分, a row without 扣分原因 is continuing its 评分过程 (the extraction dropped an empty cell).
        const pastScore = i > prev.scoreAt ? (prev.cells.deduction || !prev.cells.process ? 'deduction' : 'process') : null;
        const key =
          off <= -4 ? 'level1' : off === -3 ? 'level2' : off === -2 ? 'name' : off === -1 ? 'description'
          : (pastScore ?? (off === 1 ? 'rule' : 'process'));
        prev.cells[key] = joinWrapped([prev.cells[key], cell]);
      });
      prev.last = line.no;
      continue;
    }
    let scoreAt = -1;
    for (let i = cells.length - 1; i > anchor; i--) {
      if (parseAmount(cells[i]) != null) {
        scoreAt = i;
        break;
      }
    }
    const at = (i: number) => (i >= 0 ? (cells[i] ?? '') : '');
    let level1 = anchor >= 4 ? cells.slice(0, anchor - 3).filter(Boolean).join('') : '';
    let level2 = at(anchor - 3);
    const named = knownLevel1.find((l1) => level2.startsWith(l1));
    if (!level1 && named) {
      level1 = named;
      if (level2 === named) level2 = '';
    }
    rows.push({
      cells: {
        level1,
        level2,
        name: at(anchor - 2),
        description: at(anchor - 1),
        rule: scoreAt > anchor + 1 ? at(anchor + 1) : '',
        process: scoreAt > anchor + 2 ? cells.slice(anchor + 2, scoreAt).filter(Boolean).join('') : '',
        deduction: scoreAt >= 0 ? cells.slice(scoreAt + 1).filter(Boolean).join('') : '',
      },
      weight: parseAmount(cells[anchor]),
      score: scoreAt >= 0 ? parseAmount(cells[scoreAt]) : null,
      anchor,
      scoreAt: scoreAt >= 0 ? scoreAt : cells.length,
      first: line.no,
      last: line.no,
    });
  }
  let level1: string | null = null;
  let level2: string | null = null;
  const indicators = rows.map((r): EvaluationIndicator => {
    if (r.cells.level1) {
      if (r.cells.level1 !== level1) level2 = null;
      level1 = r.cells.level1;
    }
    if (r.cells.level2) level2 = r.cells.level2;
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    return {
      level1,
      level2,
      name: r.cells.name,
      description: orNull(r.cells.description),
      weight: r.weight,
      score: r.score,
      rule: orNull(r.cells.rule),
      process: orNull(r.cells.process),
      deduction: orNull(r.cells.deduction),
      lines: { first: r.first, last: r.last },
    };
  });
  return { indicators, total, last };
}

/** The funds-use table (项目内容, 预算金额, 实际执行金额). */
export function readFundsUse(header: SourceLine, body: readonly SourceLine[]): { rows: EvaluationFundsUse[]; last: number } {
  const rows: EvaluationFundsUse[] = [];
  let last = header.no;
  for (const line of body) {
    last = line.no;
    if (isSeparator(line)) continue;
    const cells = cellsOf(line).filter(Boolean);
    if (cells.length < 2) continue;
    const numbers = cells.map((c) => parseAmount(c));
    const firstNumber = numbers.findIndex((v) => v != null);
    rows.push({
      item: cells.slice(0, firstNumber < 0 ? cells.length : firstNumber).join(''),
      budget: firstNumber >= 0 ? numbers[firstNumber] : null,
      spent: firstNumber >= 0 ? (numbers[firstNumber + 1] ?? null) : null,
      lines: { first: line.no, last: line.no },
    });
  }
  return { rows, last };
}
