import type { LineRange } from '../../schema/common.ts';
import { parseAmount } from '../numbers.ts';
import { FIGURE_SOURCE, MONEY_UNIT_SOURCE, SIGN_SOURCE } from '../../core/amounts.ts';
import { bareMarker } from '../../core/outline.ts';
import { linesOfSpan, matchable, type ProseText } from './prose.ts';

/** A figure the prose states for a label: its value, the change from last year where stated, and where it is. */
export interface LabelledFigure {
  id: string;
  value: number | null;
  unit: string | null;
  change: number | null;
  text: string;
  lines: LineRange;
}

export interface LabelRule {
  id: string;
  pattern: RegExp;
}

const FIGURE = new RegExp(`(${SIGN_SOURCE}?${FIGURE_SOURCE})\\s*(${MONEY_UNIT_SOURCE}|平方米|台[（(]套[）)]|万|辆|台|个|人)`, 'g');
const CHANGE_BEFORE = /(增加|增长|减少|下降|增|减)\s*$/;
const NO_CHANGE = /持平|相同|无增减|无变化|没有变化/;
const FINAL_ACCOUNT_BEFORE = /决算(?:数)?(?:为)?\s*$/;

function normaliseUnit(unit: string): string {
  if (unit === '万') return '万元';
  if (/^台/.test(unit)) return '台（套）';
  return unit;
}

/** Bracket depth at every offset, never below zero: a stray closing bracket is a typo, not structure. */
function depths(text: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (const c of text) {
    if (c === '（' || c === '(') d++;
    out.push(d);
    if ((c === '）' || c === ')') && d > 0) d--;
  }
  return out;
}

interface Clause {
  text: string;
  /** Offset in the paragraph of each clause character. */
  at: number[];
  /** Offset of the character the clause stopped at (the paragraph's length at its end). */
  stop: number;
}

/**
 * The words that belong to a label: from its end to the end of the sentence or clause (。；), the next label at the
 * same bracket depth, or the bracket that closes around it. Bracketed asides are skipped, so that in
 * `公务用车购置及运行费 1.96 万元（其中：购置 0 万元…），与上年减少 0.02 万元` the change belongs to the outer label.
 */
function clauseOf(text: string, depth: number[], from: number, level: number, labelStarts: ReadonlySet<number>): Clause {
  const clause: Clause = { text: '', at: [], stop: text.length };
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (depth[i] > level) continue;
    // Depth is recorded before a closing bracket takes effect, so this one closes the aside the label sits in.
    if (depth[i] < level || (level > 0 && /[）)]/.test(c)) || /[。；;]/.test(c) || labelStarts.has(i)) {
      clause.stop = i;
      break;
    }
    clause.text += c;
    clause.at.push(i);
  }
  return clause;
}

interface Reading {
  value: { amount: number; unit: string; end: number } | null;
  change: { amount: number; end: number } | null;
}

function readClause(clause: Clause, units: RegExp): Reading {
  const values: Array<{ amount: number; unit: string; end: number; finalAccount: boolean }> = [];
  let change: Reading['change'] = null;
  for (const m of clause.text.matchAll(FIGURE)) {
    const unit = normaliseUnit(m[2]);
    if (!units.test(unit)) continue;
    const amount = parseAmount(m[1]);
    if (amount === null) continue;
    const before = clause.text.slice(0, m.index);
    const end = clause.at[m.index + m[0].length - 1];
    const changeWord = CHANGE_BEFORE.exec(before);
    if (changeWord) {
      change ??= { amount: /减|下降/.test(changeWord[1]) ? -amount : amount, end };
    } else values.push({ amount, unit, end, finalAccount: FINAL_ACCOUNT_BEFORE.test(before) });
  }
  const value = values.find((v) => v.finalAccount) ?? values[0] ?? null;
  if (!change && NO_CHANGE.test(clause.text)) change = { amount: 0, end: clause.at[clause.at.length - 1] ?? 0 };
  return { value, change };
}

/** An item's outline marker alone before a label, after the sentence before it: `（一）`, `1.`, `二、`. */
function markerBefore(text: string): boolean {
  return bareMarker(/[^。；;：:]*$/.exec(text)![0], ['paren', 'digit', 'cn']) !== null;
}

/**
 * A label that heads its item (`（一）因公出国（境）费用。2026 年预算数 159.00 万元`, 北京 民政局 2026 notes line 140;
 * 深圳 水务局 2026 line 1796): an outline marker before it and nothing after it but the rest of its name before the
 * full stop. Its figure is in the sentence that follows.
 */
function headsItem(text: string, clause: Clause, labelStart: number): boolean {
  return /[。；;]/.test(text[clause.stop] ?? '') && /^[^\d，,]{0,3}$/.test(clause.text) && markerBefore(text.slice(Math.max(0, labelStart - 12), labelStart));
}

/** Words that state an item has no money this year (`因公出国（境）经费未安排`, `本部门年初不编制因公出国（境）费用预算`). */
const NIL = /未安排|未编制|不编制|无此项/;

const HAN = /[\u4e00-\u9fff]/;

/**
 * A label's pattern that also matches it printed letter-spaced, one space between its characters (杭州 交通运输局 2026
 * -layout L307: `公 务用 车 购 置 支 出 421.30 万元`, a justified line): an optional space between two of its
 * characters, outside a character class.
 */
function letterSpaced(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[++i] ?? '');
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    if (!inClass && HAN.test(c) && HAN.test(source[i - 1] ?? '')) out += ' ?';
    out += c;
  }
  return out;
}

/**
 * Reads labelled figures out of paragraphs: for each rule, the first value stated after its label and the first
 * change from last year. Rules are tried in order at each position, so longer labels must come first. With `nil`,
 * a label whose clause states in words that the item has no money (NIL) and gives no figure reads as 0 万元.
 */
export function readLabelledFigures(
  paragraphs: readonly ProseText[],
  rules: readonly LabelRule[],
  units: RegExp,
  nil = false,
): Map<string, LabelledFigure> {
  const found = new Map<string, LabelledFigure>();
  const changed = new Set<string>();
  const combined = new RegExp(rules.map((r) => `(${letterSpaced(r.pattern.source)})`).join('|'), 'g');
  for (const p of paragraphs) {
    const text = matchable(p);
    const depth = depths(text);
    const labels = [...text.matchAll(combined)].map((m) => ({
      id: rules[m.slice(1).findIndex((g) => g !== undefined)].id,
      start: m.index,
      end: m.index + m[0].length,
    }));
    const labelStarts = new Set(labels.map((l) => l.start));
    for (const label of labels) {
      let clause = clauseOf(text, depth, label.end, depth[label.start], labelStarts);
      if (headsItem(text, clause, label.start)) {
        const next = clauseOf(text, depth, clause.stop + 1, depth[label.start], labelStarts);
        clause = { text: `${clause.text}${text[clause.stop]}${next.text}`, at: [...clause.at, clause.stop, ...next.at], stop: next.stop };
      }
      const reading = readClause(clause, units);
      const nilWords = nil && !reading.value ? NIL.exec(clause.text) : null;
      const value = nilWords ? { amount: 0, unit: '万元', end: clause.at[nilWords.index + nilWords[0].length - 1] } : reading.value;
      const change = reading.change;
      const known = found.get(label.id);
      if (!known && value) {
        const end = Math.max(value.end, change?.end ?? 0) + 1;
        found.set(label.id, {
          id: label.id,
          value: value.amount,
          unit: value.unit,
          change: change?.amount ?? null,
          text: p.text.slice(label.start, end),
          lines: linesOfSpan(p, label.start, end),
        });
        if (change) changed.add(label.id);
      } else if (known && change && !changed.has(label.id)) {
        known.change = change.amount;
        changed.add(label.id);
        const lines = linesOfSpan(p, label.start, change.end + 1);
        known.text = `${known.text} ${p.text.slice(label.start, change.end + 1)}`;
        known.lines = { first: Math.min(known.lines.first, lines.first), last: Math.max(known.lines.last, lines.last) };
      }
    }
  }
  return found;
}
