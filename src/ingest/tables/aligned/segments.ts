import { cellAmount } from '../shared/cell-text.ts';

/**
 * A `pdftotext -layout` line cut into the pieces that columns are made of: runs of text separated by two or more
 * spaces, with their character positions (one JS character per printed column: the layout pads CJK text with
 * spaces, not with half columns). Runs of amounts separated by single spaces are separate cells.
 */

export interface Segment {
  text: string;
  start: number;
  end: number;
}

export function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  for (const m of text.matchAll(/\S+(?: \S+)*/g)) {
    const start = m.index!;
    const words = m[0].split(' ');
    if (words.length > 1 && words.every((w) => cellAmount(w) != null)) {
      let at = start;
      for (const w of words) {
        out.push({ text: w, start: at, end: at + w.length });
        at += w.length + 1;
      }
      continue;
    }
    // An amount and a name that touch with a single space (`9,501,164 一、一般公共服务支出`) are two cells.
    const edge = /^([-\d,]+\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?) (?=\D)|(?<= )([-\d,]+\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/.exec(m[0]);
    if (edge && words.length > 1) {
      const amountText = edge[1] ?? edge[2];
      const amountAt = edge[1] ? 0 : m[0].length - amountText.length;
      const rest = edge[1] ? m[0].slice(amountText.length + 1) : m[0].slice(0, amountAt - 1);
      const restAt = edge[1] ? amountText.length + 1 : 0;
      const pieces = [
        { text: amountText, start: start + amountAt, end: start + amountAt + amountText.length },
        ...segmentsOf(' '.repeat(start + restAt) + rest),
      ].sort((a, b) => a.start - b.start);
      out.push(...pieces);
      continue;
    }
    // A code run into its name (`30207邮电费`) or codes with single spaces (`208 05 01`).
    const lead = /^(\d{3,7}(?: \d{2}){0,2}) ?(?=[^\x00-\x7f])/.exec(m[0]);
    if (lead && !/^\d+(?:\.\d+)? ?[万元%％年]/.test(m[0])) {
      let at = start;
      for (const w of lead[1].split(' ')) {
        out.push({ text: w, start: at, end: at + w.length });
        at += w.length + 1;
      }
      const rest = m[0].slice(lead[0].length);
      out.push({ text: rest, start: start + lead[0].length, end: start + m[0].length });
      continue;
    }
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

export function center(s: Segment): number {
  return (s.start + s.end) / 2;
}

export function isAmountSegment(s: Segment): boolean {
  return cellAmount(s.text) != null;
}

export function isCodeSegment(s: Segment): boolean {
  return /^\d{1,7}$/.test(s.text);
}
