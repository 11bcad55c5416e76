import type { TableKind } from '../../../schema/table.ts';
import { FUNCTION_CLASSES } from '../../../core/codes.ts';
import { headingLevel } from '../../narrative/headings.ts';
import { isBlank, type SourceLine } from '../../source-lines.ts';
import { compact, foldWidth } from '../../../core/width.ts';
import { isClassCode } from '../shared/code-reassembly.ts';
import { hasAmountToken, isAmountToken } from './tokens.ts';
import { wordsOf } from '../../layout/cells.ts';
import { isTableNumber, titleKind, unitOf } from '../shared/region-text.ts';

/** The lines of one printed table: its title (when printed), the 编制部门 line, and the body after it. */
export interface Region {
  /** `表二` style label, which a page continuation repeats. */
  label: string | null;
  title: string | null;
  titleKind: TableKind | null;
  /** The line naming the compiling unit and the unit of amounts, when printed. */
  unitLine: SourceLine | null;
  body: SourceLine[];
  first: number;
  last: number;
}

const UNIT_LINE = /^编制(?:部门|单位)/;
const TABLE_LABEL_PREFIX = /^(表\s*[一二三四五六七八九十\d]+)\s*[：:、.]?/;
const MAX_TITLE_LENGTH = 32;
const LOOK_AROUND = 4;
const CLASS_NAMES: ReadonlySet<string> = new Set(Object.values(FUNCTION_CLASSES));

function cleaned(line: SourceLine): string {
  return foldWidth(line.text).trim();
}

/**
 * The 编制部门/编制单位 line a table of spaced text starts at. Not the shared isCompilerLine: that also takes 部门名称：,
 * 单位名称： and a bare 单位：万元, which spaced text prints under a table's title and over each unit's part of a
 * project table alike, so that every one of them would start a table (tried: the single-space corpora's tables rose
 * from 80 to 142 and 73 to 121, their failed checks from 143 to 402 and 141 to 249).
 */
export function isUnitLine(line: SourceLine): boolean {
  return UNIT_LINE.test(cleaned(line));
}

/** A standard table's title (shared titleKind), or another short phrase that names itself a table (机构设置表). */
export function isTitleLine(line: SourceLine): boolean {
  const t = cleaned(line);
  if (t.length === 0 || t.length > MAX_TITLE_LENGTH || /[。，；,;]/.test(t)) return false;
  if (hasAmountToken(wordsOf(t))) return false;
  return titleKind(t) !== null || /表$/.test(compact(t));
}

/** Header words that show a line is a table's column header. */
const HEADER_WORD = /项目|科目|编码|名称|合计|总计|预算数|基本支出|项目支出|人员经费|公用经费|单位名称|单位性质|数量|价值|金额/;

function looksLikeHeader(line: SourceLine): boolean {
  const t = cleaned(line).replace(/\s+/g, '');
  return (t.match(new RegExp(HEADER_WORD.source, 'g')) ?? []).length >= 2;
}

/** Lines of the table's header above its lowest band, at most: `收入 支出` over `项目 预算数 项目 预算数`. */
const UPPER_BANDS = 2;

/**
 * The header line under a table's title. Between them a table prints its unit line (`单位：万元`, also after the
 * compiler: `部门名称：…单位：万元`), a subtitle (`（按经济分类科目）`) or the upper bands of a header of several
 * levels. A sentence is prose under a heading that names a table (`（一）机关运行经费支出情况`), another title is the
 * next entry of a table of contents: either means no table starts here.
 */
function headerUnder(below: readonly SourceLine[]): SourceLine | undefined {
  for (const line of below.filter((l) => unitOf(l.text) == null).slice(0, UPPER_BANDS + 1)) {
    if (/[。，；]/.test(cleaned(line)) || titleKind(line.text) !== null) return undefined;
    if (looksLikeHeader(line)) return line;
  }
  return undefined;
}

/**
 * Where the table part ends: a part heading (第三部分), a section heading of the prose (八、名词解释), a 情况说明, or a
 * project performance target table (绩效目标表), which the performance parser owns.
 */
export function endsTables(line: SourceLine): boolean {
  const t = cleaned(line);
  if (/绩效目标表|绩效目标申报表|^预算单位\s*\S+.*项目名称/.test(t.replace(/\s+/g, ''))) return true;
  const tokens = wordsOf(t);
  if (tokens.some(isAmountToken) || tokens.some(isClassCode)) return false;
  if (/^第[一二三四五六七八九十]+部分/.test(t) || /情况说明$|名词解释$/.test(t)) return true;
  // `二、上年结转` is an income item of a 收支总表 printed without an amount, not a section of the prose, and so is
  // `十、节能环保支出`, an expenditure item named by its 类.
  if (/结转|结余|收入|拨款|资金|预算$/.test(t)) return false;
  if (CLASS_NAMES.has(t.replace(/^[一二三四五六七八九十]+、/, ''))) return false;
  const level = headingLevel(t);
  return level !== null && level <= 2;
}

function nonBlankNear(lines: readonly SourceLine[], index: number, step: 1 | -1): SourceLine[] {
  const found: SourceLine[] = [];
  for (let i = index + step; i >= 0 && i < lines.length && found.length < LOOK_AROUND; i += step) {
    if (!isBlank(lines[i])) found.push(lines[i]);
  }
  return found;
}

interface Start {
  index: number;
  label: string | null;
  title: string | null;
  unitLine: SourceLine | null;
  bodyFrom: number;
}

/** Table starts: a 编制部门 line with the title and 表X label printed just above it, or a title followed by a header. */
function findStarts(lines: readonly SourceLine[]): Start[] {
  const starts: Start[] = [];
  const taken = new Set<number>();
  let heading: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (taken.has(line.no)) continue;
    if (isUnitLine(line)) {
      let index = i;
      let title: string | null = null;
      let label: string | null = null;
      for (const above of nonBlankNear(lines, i, -1)) {
        if (!title && isTitleLine(above)) {
          title = cleaned(above);
          index = lines.indexOf(above);
        } else if (!label && isTableNumber(above.text)) {
          label = cleaned(above).replace(/[：:、.\s]/g, '');
          index = lines.indexOf(above);
        } else break;
      }
      if (title) {
        const prefixed = TABLE_LABEL_PREFIX.exec(title);
        if (prefixed && !label) label = prefixed[1].replace(/\s+/g, '');
      }
      starts.push({ index, label, title, unitLine: line, bodyFrom: i + 1 });
      continue;
    }
    const kind = isTitleLine(line) ? titleKind(line.text) : null;
    if (kind !== null) {
      const below = nonBlankNear(lines, i, 1);
      if (below.some(isUnitLine)) continue;
      // A numbered heading over the table's full title (`二、收入预算总表` / `2026 年度收入预算总表`): the full
      // title names the table, and the table starts at the heading.
      if (below[0] && isTitleLine(below[0]) && titleKind(below[0].text) === kind) {
        heading ??= i;
        continue;
      }
      const header = headerUnder(below);
      if (header) {
        starts.push({ index: heading ?? i, label: null, title: cleaned(line), unitLine: null, bodyFrom: i + 1 });
        taken.add(header.no);
      }
    }
    if (!isBlank(line)) heading = null;
  }
  return starts;
}

/** Splits the document into table regions; each runs to the next table, or to where the tables end. */
export function findRegions(lines: readonly SourceLine[]): Region[] {
  const starts = findStarts(lines);
  return starts.map((start, k) => {
    const limit = k + 1 < starts.length ? starts[k + 1].index : lines.length;
    const body: SourceLine[] = [];
    for (let i = start.bodyFrom; i < limit; i++) {
      if (endsTables(lines[i])) break;
      body.push(lines[i]);
    }
    const printed = [lines[start.index], ...body].filter((l) => !isBlank(l));
    return {
      label: start.label,
      title: start.title,
      titleKind: start.title ? titleKind(start.title) : null,
      unitLine: start.unitLine,
      body: body.filter((l) => !isBlank(l)),
      first: lines[start.index].no,
      last: printed[printed.length - 1].no,
    };
  });
}
