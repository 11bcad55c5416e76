/**
 * What an evaluation report states about its object in prose rather than on a cover or a summary card: the
 * evaluated project (`开展…项目（以下简称“本项目”）绩效评价工作`, `评价对象是…项目`), the implementing unit
 * (`项目具体实施单位为…`), commissioner and evaluator (`…事务所受…财政局的委托`, `…财政局委托…事务所`), and, in
 * its 基本情况 chapter, the amounts (`共安排下达资金…万元`, `实际到位资金总数为…万元`, `实际支出…万元，预算执行率…%`).
 * The sentences stay in the narrative; only their values are read, each with the line it stands on. Pure.
 */
import type { LineRange } from '../../schema/common.ts';
import { isBlank, type SourceLine } from '../source-lines.ts';
import type { ProseBlock, ProseRow } from '../layout/blocks.ts';
import { cleanCell } from './text.ts';
import { foldFigures } from '../../core/width.ts';
import { AMOUNT_SOURCE } from '../../core/amounts.ts';

export type ProseKey = 'projectName' | 'implementer' | 'commissioner' | 'evaluator' | 'budgetAmount' | 'arrivedAmount' | 'spentAmount' | 'executionRate';

export interface ProseField {
  /** The words the sentence states it with (`实际到位资金`), shown as the value's label. */
  label: string;
  value: string;
  lines: LineRange;
}

// Thousands may be grouped (`1,250.00万元`), as a report's amounts above a thousand 万元 mostly are.
const AMOUNT = `(${AMOUNT_SOURCE})万元`;
/** A unit that commissions or implements: an office of government or a public institution. */
const BODY = '[^，。；、：:“”]{2,30}?(?:财政局|财政厅|局|厅|委员会|委|办公室|政府|部|中心|站|院|校|所|队)';
/** A third-party evaluator: a firm or a research body. */
const FIRM = '[^，。；、：:“”]{2,40}?(?:事务所|公司|研究院|研究中心|咨询中心|评估中心)(?:[（(][^）)]{2,10}[）)])?';
const PROJECT = '[^，。；、：:“”]{4,60}?项目';

type Reader = { key: ProseKey; label: string; pattern: RegExp; group: number };

/** Read anywhere in the report: who evaluated what for whom. */
const PARTIES: readonly Reader[] = [
  { key: 'evaluator', label: '受托评价', pattern: new RegExp(`(?:^|[，。；])(${FIRM})受(${BODY})(?:的)?委托`), group: 1 },
  { key: 'commissioner', label: '委托评价', pattern: new RegExp(`(?:^|[，。；])(${FIRM})受(${BODY})(?:的)?委托`), group: 2 },
  { key: 'commissioner', label: '委托评价', pattern: new RegExp(`(?:^|[，。；])(${BODY})委托(${FIRM})`), group: 1 },
  { key: 'evaluator', label: '受托评价', pattern: new RegExp(`(?:^|[，。；])(${BODY})委托(${FIRM})`), group: 2 },
  { key: 'projectName', label: '以下简称本项目', pattern: new RegExp(`(?:开展|对)(${PROJECT})[（(]以下简称[“"]?(?:本|该)项目`), group: 1 },
  { key: 'projectName', label: '评价对象', pattern: new RegExp(`评价对象(?:是|为)(${PROJECT})`), group: 1 },
  { key: 'implementer', label: '实施单位', pattern: new RegExp(`实施单位(?:为|是)(${BODY})(?=[，。；]|$)`), group: 1 },
];

/** Read in the 基本情况 chapter only: later chapters restate amounts while scoring them, not always alike. */
const AMOUNTS: readonly Reader[] = [
  { key: 'budgetAmount', label: '安排资金', pattern: new RegExp(`(?:安排下达|下达|安排)(?:项目)?(?:预算)?资金(?:共|合计|为)?${AMOUNT}`), group: 1 },
  { key: 'budgetAmount', label: '预算资金', pattern: new RegExp(`(?:项目|部门)(?:总)?预算(?:资金|金额)?(?:为|共|合计)?${AMOUNT}`), group: 1 },
  { key: 'arrivedAmount', label: '到位资金', pattern: new RegExp(`(?:实际)?到位(?:资金)?(?:总数|总额|金额)?(?:为|共|合计)?${AMOUNT}`), group: 1 },
  { key: 'spentAmount', label: '实际支出', pattern: new RegExp(`(?:实际支出|实际执行|累计支出)(?:资金)?(?:为|共|合计)?${AMOUNT}`), group: 1 },
  { key: 'executionRate', label: '预算执行率', pattern: /预算执行率(?:为|达到?)?(\d+(?:\.\d+)?)%/, group: 1 },
];

/**
 * A report's title (`…项目绩效评价报告`, `…部门整体支出绩效自评报告`, a year after it in brackets), compacted: a line
 * standing alone, whose words no sentence continues.
 */
export function isReportTitle(compacted: string): boolean {
  return /绩效(?:评价|自评)报告(?:[（(].{0,12}[)）])?$/.test(compacted);
}

/** A line as its sentence reads: markup and LaTeX gone, no spaces (full-width punctuation kept, as the patterns expect). */
function plain(text: string): string {
  return cleanCell(text).replace(/\s+/g, '');
}

/** The 基本情况 chapter: from its heading (一、基本情况, 一、项目基本情况, a 自评报告's 一、部门基本情况) to the next chapter's (二、…). */
function basicsChapter(rows: readonly ProseRow[]): LineRange | null {
  const heading = (l: SourceLine) => plain(l.text).replace(/^#+/, '');
  const start = rows.find((r) => !r.card && /^一[、.．](?:项目|部门|单位)?基本情况$/.test(heading(r.line)))?.line;
  if (!start) return null;
  const end = rows.find((r) => r.line.no > start.no && /^二[、.．]/.test(heading(r.line)));
  return { first: start.no, last: end ? end.line.no - 1 : Infinity };
}

/**
 * The first statement of each field, line by line in the report's prose blocks (layout/prose-blocks.ts); a sentence
 * wrapped onto the next line of its block is read across the wrap (the match must begin on the first line). A card's
 * lines (ProseRow `card`) are read elsewhere.
 */
export function readProseFields(blocks: readonly ProseBlock[]): Map<ProseKey, ProseField> {
  const found = new Map<ProseKey, ProseField>();
  // Amounts are read width-folded (a word processor's `５６.３８万元`); names are kept as printed.
  const scan = (within: LineRange, readers: readonly Reader[], textOf: (text: string) => string = (text) => text) => {
    // A line of a sentence: in the range read, printed, and no card's.
    const read = (r: ProseRow | undefined): r is ProseRow => r !== undefined && r.line.no >= within.first && r.line.no <= within.last && !r.card && !isBlank(r.line);
    for (const { rows } of blocks) {
      for (let k = 0; k < rows.length; k++) {
        if (!read(rows[k])) continue;
        const line = rows[k].line;
        const own = textOf(plain(line.text));
        const next = read(rows[k + 1]) && !isReportTitle(own) ? rows[k + 1].line : undefined;
        const text = next ? own + textOf(plain(next.text)) : own;
        for (const r of readers) {
          if (found.has(r.key)) continue;
          const m = r.pattern.exec(text);
          if (!m || m.index >= own.length) continue;
          const end = m.index + m[0].length;
          found.set(r.key, { label: r.label, value: m[r.group], lines: { first: line.no, last: end > own.length ? next!.no : line.no } });
        }
      }
    }
  };
  scan({ first: 1, last: Infinity }, PARTIES);
  const basics = basicsChapter(blocks.flatMap((b) => b.rows));
  if (basics) scan(basics, AMOUNTS, foldFigures);
  return found;
}
