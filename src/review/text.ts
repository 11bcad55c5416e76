/**
 * Text: doubled punctuation (，， 。。 ，。), a word written twice in a row (的的 aside, 支出支出), a reason announced and
 * not given (主要原因是。), a reason given and not ended (主要原因是工作量增加 with no 。 before the next paragraph), and
 * brackets or quotation marks opened and not closed within one paragraph. Read per paragraph, as the parser rejoined
 * them.
 */
import type { Finding } from '../schema/review.ts';
import { makeFinding, type ReviewContext, type Segment } from './context.ts';
import { markerOf } from '../core/outline.ts';

const DOUBLED = /([，。、；：！？,;])\1|[，、：][。；]|[。；][，、]|，、|、，/g;

/** A reason or a use announced and not given: 主要原因是。 (the template's sentence left unfinished). */
const UNFINISHED = /(?:原因|用于)(?:是|为|在于)?[：:]?(?<=(?:是|为|在于|[：:]))\s*[。；]/g;

/**
 * A paragraph that ends in the reason or use the template's sentence gives (主要原因是…。, 主要用于…。) without the
 * sentence's full stop: its last clause, after the last mark, and it ends in a character, not a mark or a figure.
 */
const REASON_UNENDED = /(?:原因|用于)(?:是|为|在于)?[：:]?[^。；：，,、！？!?“”（）()]{2,40}(?<=[\u4e00-\u9fa5])$/;

/**
 * What starts a sentence of its own: an item's number, 其中：, a short lead-in ending in a colon (财政拨款支出主要内容
 * 如下：). A paragraph the parser split inside a sentence goes on with the sentence's words instead (业务量增 | 加。).
 */
const LEAD_IN = /^\s*(?:其中[：:，,]|[^，。；：、\d\s]{2,20}[：:])/;
const startsSentence = (text: string): boolean => markerOf(text.trimStart()) !== null || LEAD_IN.test(text);

/** Two to eight characters written twice in a row; reduplications that are words in their own right are fine. */
const REPEATED = /([\u4e00-\u9fa5]{2,8})\1/g;
const WORDS_THAT_REPEAT = /^(?:研究|讨论|看看|试试|谈谈|商量|学习|比较|检查|整顿)$/;

/** Full- and half-width brackets are one pair: a mixed （一) is a typo of width, not an unclosed bracket. */
const PAIRS: ReadonlyArray<readonly [RegExp, RegExp, string, string]> = [
  [/[（(]/, /[）)]/, '括号', '（）'],
  [/《/, /》/, '书名号', '《》'],
  [/“/, /”/, '引号', '“”'],
  [/【/, /】/, '括号', '【】'],
];

/** Either mark of a pair, so that a paragraph is searched for its marks instead of testing every character twice. */
const EITHER_MARK = new Map(PAIRS.map(([open, close]) => [open, new RegExp(`${open.source}|${close.source}`, 'g')]));

/** Text that is a table the parser left as prose (columns of figures): its marks are cells, not sentences. */
function looksTabular(text: string): boolean {
  // Counted, not collected: a section's text is thousands of characters.
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  const gaps = (text.match(/\S\s{2,}\S|\S \S+ \S/g) ?? []).length;
  return digits > text.length * 0.2 || gaps > text.length / 40;
}

/**
 * Each match of a global pattern (none matches empty text), by an exec loop: matchAll copies the pattern on every
 * call, and these rules ask three patterns of every paragraph and the marks of every section.
 */
function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) out.push(m);
  return out;
}

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 10), index + length + 10).replace(/\s+/g, '');
}

/** Whether opening and closing marks balance, reading left to right (a closing mark before its opening one is not). */
/** Where the marks stop balancing: the first closing mark with no opening one, or the last opening one left open. */
function unbalancedAt(text: string, open: RegExp, close: RegExp): number | null {
  const opened: number[] = [];
  for (const { index: i } of matchesOf(text, EITHER_MARK.get(open)!)) {
    if (open.test(text[i])) opened.push(i);
    else if (opened.pop() === undefined) return i;
  }
  return opened.length > 0 ? opened[opened.length - 1] : null;
}

function segmentFindings(ctx: ReviewContext, s: Segment, neighbours: readonly Segment[], next: Segment | undefined): Finding[] {
  const findings: Finding[] = [];
  // Keys name the text, not the segment: a glossary entry is also part of its section, and is reported once.
  const add = (rule: string, key: string, message: string, stated: string, severity: '错误' | '提示' = '错误') =>
    findings.push(makeFinding(ctx.doc, { rule, family: 'text', severity, key, message, stated, lines: [s.lines] }));
  const paragraphs = s.text.split('\n');
  paragraphs.forEach((paragraph, i) => {
    // Prose only: a table's or a project's cells end without marks. The last paragraph is followed by the next section.
    const following = s.kind !== 'section' ? undefined : i + 1 < paragraphs.length ? paragraphs[i + 1] : next?.text.split('\n')[0];
    const unended = following !== undefined && startsSentence(following) ? REASON_UNENDED.exec(paragraph.trimEnd()) : null;
    if (unended) {
      const tail = paragraph.trimEnd().slice(-16).replace(/\s+/g, '');
      const lead = following!.trim().slice(0, 16).replace(/\s+/g, '');
      add('text.full-stop', tail, `句末缺少句号：“…${tail}”之后没有句号，下一段“${lead}”另起一句。`, tail);
    }
    for (const m of matchesOf(paragraph, DOUBLED)) {
      add('text.punctuation', around(paragraph, m.index, m[0].length), `标点重复：“${m[0]}”（“…${around(paragraph, m.index, m[0].length)}…”）。`, m[0]);
    }
    for (const m of matchesOf(paragraph, UNFINISHED)) {
      const excerpt = around(paragraph, m.index!, m[0].length);
      add('text.unfinished', excerpt, `句子残缺：“${m[0].replace(/\s/g, '')}”之后没有内容（“…${excerpt}…”）。`, m[0]);
    }
    for (const m of matchesOf(paragraph, REPEATED)) {
      if (WORDS_THAT_REPEAT.test(m[1])) continue;
      // Two-character words often meet across a compound (在职人员 + 人员经费): a 提示, unless it is a unit.
      const sure = m[1].length > 2 || /^(?:万元|亿元|千元)$/.test(m[1]);
      add('text.repeated-word', around(paragraph, m.index!, m[0].length), `词语重复：“${m[1]}${m[1]}”（“…${around(paragraph, m.index!, m[0].length)}…”）。`, m[0], sure ? '错误' : '提示');
    }
  });
  // Paragraphs are rejoined from wrapped lines and may be cut inside a bracket: marks are counted per section.
  if (looksTabular(s.text)) return findings;
  for (const [open, close, what, marks] of PAIRS) {
    const at = unbalancedAt(s.text, open, close);
    // A heading read inside a sentence splits it into two sections: the pair may close in the neighbour.
    if (at === null || neighbours.some((o) => unbalancedAt(o.lines.first < s.lines.first ? o.text + s.text : s.text + o.text, open, close) === null)) continue;
    const excerpt = around(s.text, at, 1);
    add('text.brackets', `${marks}:${excerpt}`, `${what}不成对：“${marks[0]}”与“${marks[1]}”数目或次序不符（“…${excerpt}…”）。`, excerpt);
  }
  return findings;
}

export function textRules(ctx: ReviewContext): Finding[] {
  const sections = ctx.segments.filter((s) => s.kind === 'section');
  // Each section's place, found once: a long document has thousands of segments.
  const placeOf = new Map(sections.map((s, i) => [s, i]));
  return ctx.segments.flatMap((s) => {
    const i = placeOf.get(s) ?? -1;
    return segmentFindings(ctx, s, i < 0 ? [] : [sections[i - 1], sections[i + 1]].filter((x) => x !== undefined), i < 0 ? undefined : sections[i + 1]);
  });
}
