import type { Disclosure } from '../schema/disclosure.ts';
import type { SourceLine } from './source-lines.ts';
import { stripMarkup } from './source-lines.ts';
import { foldFigures, foldWidth } from '../core/width.ts';
import { bareNumber, isPageFurniture } from './page-furniture.ts';
import { regionOf } from './regions.ts';
import { afterMarker, markerKind, markerOf } from '../core/outline.ts';
import { statedUnits, unitFactor } from '../core/units.ts';
import { MONEY_UNIT_SOURCE } from '../core/amounts.ts';

export type Metadata = Pick<
  Disclosure,
  'title' | 'kind' | 'scope' | 'department' | 'isTemplate' | 'region' | 'year' | 'yearSpan' | 'publishedAt' | 'unit'
>;

const TITLE_WORDS = /(预算|决算|绩效(?:评价|自评|评估)报告|绩效目标|公开)/;
const TITLE_STOP = /^(目\s*录|目$|[前引]\s*言$|摘\s*要$|按照|根据|为贯彻|项目名称|编制)/;
const MAX_TITLE_LINES = 4;

/**
 * A portal's navigation trail (当前位置：首页 > 政务公开 > 预决算公开, 首页 > … ): a page printed from the portal puts
 * it above the title, and its 预决算 names no kind.
 */
const BREADCRUMB = /^(?:(?:当前|您(?:现在|目前)?(?:的|所在)?)位置\s*[:：]|首页\s*[>＞›»/])/;

/**
 * A cover typesets its title letter-spaced (`部  门  预  算`, `2 0 2 4 年 度`): a run of three or more single characters
 * each one space from the next is one word, so that its kind and year read as words.
 */
const LETTER_SPACED = /(?<!\S)\S(?: \S(?!\S)){2,}/g;

/** A disclosure published as a portal's attachment opens with its number there (附件1, 附件：), no part of its title. */
const ATTACHMENT = /^附\s*件\s*[\d０-９一二三四五六七八九十]*\s*[：:]?\s*/;

/** The title: the first lines of the document up to the table of contents or the first part, joined. */
export function readTitle(lines: readonly SourceLine[]): string {
  const parts: string[] = [];
  for (const line of lines) {
    const text = stripMarkup(line.text)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(LETTER_SPACED, (run) => run.replace(/ /g, ''));
    const t = parts.length === 0 ? text.replace(ATTACHMENT, '') : text;
    // A number alone under or over the title is the cover's page number (佛山 2019 plain pdftotext: `部门决算` / `1` /
    // `目` / `录`): a title's words are no bare number.
    if (t === '' || isPageFurniture(t) || bareNumber(t) !== null || (parts.length === 0 && BREADCRUMB.test(t))) continue;
    // The first part (第一部分) or chapter (一、) opens the text, a labelled line (单位名称：…, 单位：万元) the cover's
    // or the table's particulars: the title is above them. After the kind words only a short line (二〇二四年) goes on.
    const labelled = parts.length > 0 && leadingLabel(t) !== null;
    const complete = parts.length > 0 && TITLE_WORDS.test(parts.join('')) && !/^[\u4e00-\u9fa5〇○（）()\d０-９ ]{1,6}$/.test(t);
    if (TITLE_STOP.test(t) || labelled || markerOf(t, ['part', 'cn']) !== null || complete) break;
    parts.push(t);
    if (parts.length >= MAX_TITLE_LINES) break;
  }
  return parts.join('').replace(/\s*([（(])/g, '$1').trim();
}

/** 部门预算 / 单位预算 / 部门决算 …: the kind words that follow the department in a title (部门综合预算, 部门收支预算). */
const SCOPED_KIND = /(部门|单位)(?:综合|收支)?(?:预算|决算)/;

/**
 * A checklist or report about a disclosure (部门预算公开情况检查表, 预决算公开自查表): the financial bureau's or the
 * department's inspection of what was published, not a budget or an account itself.
 */
const ABOUT_DISCLOSURE = /公开(?:情况|工作)?(?:检查|自查|核查|抽查|审核)/;

/**
 * A government's own budget or accounts, not a department's: a level's (市本级预算, 县级决算, 区本级财政预算), the
 * government's (政府预算, 财政总决算), or the draft laid before the people's congress (预算执行情况和…预算草案的报告). A
 * department's titles name 部门/单位 (区级部门预算, 局本级 is a bureau's own unit), and 政府性基金预算 and the 政府预算支出经济分类
 * are their tables' words.
 */
const GOVERNMENT_BUDGET = /(?:[省市县区旗]本?级|政府|财政总)(?:财政|政府)?(?:预算|决算)(?!(?:支出)?经济分类)|(?:预算|决算)草案/;

function isGovernmentBudget(title: string): boolean {
  const t = title.replace(/\s+/g, '');
  return GOVERNMENT_BUDGET.test(t) && !SCOPED_KIND.test(t);
}

/**
 * What a reader is told of a government's own budget, which the site has no page for: why its kind is 其他. Not of a
 * checklist about one, nor of its 绩效 forms, which are of their own kinds.
 */
export function governmentBudgetNote(title: string): string | null {
  return isGovernmentBudget(title) && !ABOUT_DISCLOSURE.test(title) && readKind(title) === 'other' ? `“${title}”是一级政府本身的预算或决算（政府预算），不是部门或单位的预算、决算公开：种类记为“其他”` : null;
}

export function readKind(title: string): Metadata['kind'] {
  if (ABOUT_DISCLOSURE.test(title)) return 'other';
  // A self-evaluation (绩效自评报告) is an evaluation report too, by the department itself; 绩效评估 is another word
  // for the same report.
  if (/绩效(?:评价|自评|评估)/.test(title)) return 'performance-evaluation';
  // A volume of 绩效目标表 alone; a budget's own 项目支出绩效目标表 is titled by its budget.
  if (/绩效目标/.test(title) && !SCOPED_KIND.test(title)) return 'performance-target';
  if (isGovernmentBudget(title)) return 'other';
  if (/决算/.test(title)) return 'final-account';
  if (/预算/.test(title)) return 'budget';
  return 'other';
}

/**
 * The kind a volume of tables is by its tables' printed titles (收支预算总表, 支出决算表), for a document whose title
 * names none: an extraction that prints a table's title below its rows (`pdftotext -raw`) leaves only 公开01表 on top.
 */
export function kindOfTables(titles: readonly string[]): Metadata['kind'] | null {
  const budget = titles.filter((t) => readKind(t) === 'budget').length;
  const account = titles.filter((t) => readKind(t) === 'final-account').length;
  if (budget === account) return null;
  return budget > account ? 'budget' : 'final-account';
}

/**
 * 部门 or 单位, for budgets and accounts: from the title's kind words (西安's 部门综合预算 is a 部门预算), else from the
 * cover's label (预算主管部门 heads a 部门预算, 预算单位 a 单位预算), else from the first words of the document that name
 * it (第二部分 2024 年单位预算公开表).
 */
function readScope(title: string, coverLabel: string | null, lines: readonly SourceLine[]): Metadata['scope'] {
  if (!/预算|决算/.test(title) || isGovernmentBudget(title)) return null;
  const fromWord = (w: string | undefined) => (w === '部门' ? 'department' : w === '单位' ? 'unit' : null);
  const inTitle = fromWord(SCOPED_KIND.exec(title.replace(/\s+/g, ''))?.[1]);
  if (inTitle) return inTitle;
  if (coverLabel?.startsWith('预算主管部门')) return 'department';
  if (coverLabel?.startsWith('预算单位')) return 'unit';
  for (const line of lines) {
    const scope = fromWord(SCOPED_KIND.exec(line.text.replace(/\s+/g, ''))?.[1]);
    if (scope) return scope;
  }
  return null;
}

const CHINESE_DIGITS: Readonly<Record<string, string>> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Years as digits whatever the typesetting: 二〇二五年 and ２０２５年 both read 2025年. */
export function arabicYears(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/二[〇零○][〇零○一二三四五六七八九]{2}(?=\s*年)/g, (y) => [...y].map((c) => CHINESE_DIGITS[c]).join(''));
}

const YEAR = /(20\d{2})\s*年/;
const YEAR_SPAN = /(20\d{2})\s*年?\s*(?:[-—–~～至到])\s*(20\d{2})\s*年/;
/** The year the kind words belong to: 2026年广州市水务局部门预算, 2024 年度部门决算, 2021 年度…绩效评价报告. */
const YEAR_OF_KIND = /(20\d{2})\s*年度?[^\d年]{0,24}?(?:预算|决算|绩效)/;
/**
 * A form's year field, the year as a bare number (预算年度：2024, 填报年度 2025, 年度：2023): the year the form is for,
 * where the title names none.
 */
const YEAR_FIELD = /(?<![\u4e00-\u9fa5])(?:(?:预算|决算|填报|申报|评价|编制)?年度)\s*[：:\t]?\s*(20\d{2})(?!\d)/;
/** A table's own year line under its title (（2026年度）) or a table title that starts with it (2018年政府采购预算表). */
const TABLE_YEAR = /^(?:[（(](20\d{2})\s*年度?[）)]|.{0,30}?(20\d{2})\s*年度?.{0,30}表)$/;

export function readYearSpan(title: string): Metadata['yearSpan'] {
  const m = YEAR_SPAN.exec(arabicYears(title));
  return m && Number(m[2]) > Number(m[1]) ? { from: Number(m[1]), to: Number(m[2]) } : null;
}

/**
 * The year of the budget or accounts, not the print date: the title's year attached to 预算/决算 (a report covering
 * several years gives the last), else the title's year, else a form's year field near the top (预算年度：2024), else
 * the year the table titles carry (a tables volume says it only there), else the year the text most often attaches to
 * 预算/决算, else the first year in the opening lines.
 */
export function readYear(title: string, lines: readonly SourceLine[]): number | null {
  const t = arabicYears(title);
  const span = readYearSpan(t);
  if (span) return span.to;
  const inTitle = YEAR_OF_KIND.exec(t) ?? YEAR.exec(t);
  if (inTitle) return Number(inTitle[1]);
  for (const line of lines.slice(0, 30)) {
    const field = line.text.includes('年度') ? YEAR_FIELD.exec(arabicYears(line.text)) : null;
    if (field) return Number(field[1]);
  }
  const counts = new Map<number, number>();
  for (const line of lines) {
    const m = TABLE_YEAR.exec(arabicYears(line.text).replace(/\s+/g, ''));
    const year = m ? Number(m[1] ?? m[2]) : null;
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const fromTables = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (fromTables) return fromTables;
  const ofKind = mostCommon(lines.flatMap((l) => YEAR_OF_KIND.exec(arabicYears(l.text))?.[1] ?? []));
  if (ofKind) return Number(ofKind);
  const m = YEAR.exec(arabicYears(lines.slice(0, 30).map((l) => l.text).join('')));
  return m ? Number(m[1]) : null;
}

/** The title without its years and kind words: what names the body when no labelled line does. */
export function departmentFromTitle(title: string): string {
  return arabicYears(title)
    .replace(/\s+/g, '')
    .replace(/^关于/, '')
    .replace(/[（(]20\d{2}年度?[）)]/g, '')
    .replace(/20\d{2}年?(?:[-—–~～至到]20\d{2})?年度?/g, '')
    .replace(/(?:本级|[省市县区]级|财政总)?(?:部门|单位)?(?:[（(](?:部门|单位)[）)])?(?:综合|收支|项目支出|整体支出)?(?:预算|决算|绩效评价|绩效自评|绩效评估|绩效目标|信息公开|公开).*$/, '')
    // The body writes about its own disclosure: XX局关于2023年度部门决算的说明.
    .replace(/关于$/, '')
    // A level's own budget names the level after the place (长沙市2025年市本级预算 leaves 长沙市市): the place once.
    .replace(/([省市县区])\1$/, '$1');
}

/** How a body's name ends: 局, 办公室, 委员会, 街道办事处, 学校 … or a qualifier such as (本级). */
export const ORG_END = /(?:局|厅|办|室|委|会|部|院|中心|处|所|站|馆|队|府|校|学|园|社|台|团|署|司|集团|科|股|组|庭|狱|宫|场|库|行|协|联|机关)(?:[（(][^）)]{1,8}[）)])?$/;

/**
 * Labels that introduce the body on a cover, in a form's header, or above a table, each also with 名称 and with a
 * bracketed alternative: 预算主管部门：, 预算单位名称：, 编制部门（单位）：, 填报单位：, 部门名称, 单位：, 被评价单位：,
 * a 绩效 form's 项目主管部门 and an evaluation report's 委托单位 (the body that commissioned it: the department itself, or
 * the 财政局 that evaluates it, so a cover's other labels go first).
 * The one vocabulary of such labels: the table readers take a table's compiler line by it too (leadingLabel), and the
 * review checks every labelled name of a document (readLabels).
 */
const LABEL_WORDS = '预算主管部门|项目主管部门|主管部门|预算单位|项目单位|编制部门|编制单位|填报单位|被评价单位|委托单位|部门|单位';
const LABEL_NAME = `(?:${LABEL_WORDS})(?:[（(](?:单位|部门)[）)])?(?:名称)?`;
/** Where the seal goes, between a label and its colon (单位名称（盖章）：, 填报单位（公章）：): no part of the label. */
const SEAL = '(?:[（(](?:公章|盖章|签章)[）)])?';
const LEADING_LABEL = new RegExp(`^(${LABEL_NAME})${SEAL}\\s*[：:]`);
// A label starts a word: the bare 单位： and 部门： are not read at the end of 项目承担单位： or 内设部门：. Without a
// colon the label stands apart from its value: by a wide gap or a tab, the value then being one cell (a form's line
// goes on with its next field: `主管部门   某县交通运输局   实施单位   某县公路养护中心`), or by one space after a
// label that says 名称 (`部门名称 北京市民政局` in single-space text), the value then being the rest of the line.
const LABEL = new RegExp(
  `(?<![\\u4e00-\\u9fa5])(${LABEL_NAME})${SEAL}\\s*(?:[：:]\\s*|(?:\\s{2,}|\\t)(?=\\S+(?:\\s{2,}|\\t|$))|(?<=名称) (?=\\S+$))(\\S+(?: \\S+)*)`,
  'g',
);
const LABEL_ALONE = new RegExp(`^\\s*(${LABEL_NAME})${SEAL}\\s*[：:]\\s*$`);
/**
 * What ends a value on its line besides a wide gap: the next label, the amount unit's among them (单位：万元), or
 * after a space the label of another field (`填报单位：（公章）喀什地区乡村振兴局 填报时间：2022-08-15`).
 */
const NEXT_LABEL = new RegExp(`(?:${LABEL_NAME}${SEAL}|金额单位|单\\s*位)\\s*[：:]|\\s[^\\s：:]+[：:]`);

export interface Label {
  label: string;
  value: string;
}

/**
 * The labelled bodies of one line, in print order: each value up to a wide gap or the next label (单位：万元), seals
 * removed. The one reading of a labelled name: the department (readDepartment), a table's compiler line and the
 * review's check of every name a document gives itself all take it from here.
 */
export function readLabels(text: string): Label[] {
  // Asked of every line of a document: every label says 部门 or 单位, so a line with neither 部 nor 单 has none.
  if (!text.includes('部') && !text.includes('单')) return [];
  const t = text.replace(/\*\*/g, '');
  const labels: Label[] = [];
  const pattern = new RegExp(LABEL);
  for (let m = pattern.exec(t); m; m = pattern.exec(t)) {
    // The pattern takes one run of words: the value ends at the first wide gap, or where the next label begins.
    const cut = m[2].search(NEXT_LABEL);
    if (cut >= 0) pattern.lastIndex = m.index + m[0].length - m[2].length + cut;
    const label = bodyLabel(m[1], cut >= 0 ? m[2].slice(0, cut) : m[2], /[：:]/.test(m[0]));
    if (label) labels.push(label);
  }
  return labels;
}

/** A label and the words after it as a body's name, or null where they are not one (单位：万元, a sentence). */
function bodyLabel(label: string, raw: string, colon: boolean): Label | null {
  const value = raw
    .replace(/[（(](?:公章|盖章|签章)[）)]/g, '')
    // The budget system's code of the body printed before its name: [101001]某局, 104001-某局, 101001 某局.
    .replace(/^(?:[[【]\d{3,}[\]】]|\d{3,}(?:[-－—_]|\s+(?=[\u4e00-\u9fa5])))/, '')
    .replace(/\s+/g, '')
    .replace(/[。，；,;：:]+$/, '');
  const looksLikeBody = value.length >= 2 && value.length <= 40 && /[\u4e00-\u9fa5]/.test(value) && !/^\d/.test(value);
  // A unit of money (单位：万元) names no body.
  if (!looksLikeBody || unitFactor(value) !== null || /[。，；]/.test(value)) return null;
  // Without a colon only a form's field (部门名称   北京市民政局, 主管部门   某县交通运输局) with a name that ends like a
  // body counts, not a column header.
  if (!colon && !(/名称$|主管部门$/.test(label) && ORG_END.test(value))) return null;
  // Bare 部门/单位 labels are table headers (单位：万元 among them): their value must name a body.
  if ((label === '部门' || label === '单位') && !ORG_END.test(value)) return null;
  return { label, value };
}

/** The first labelled body of a line, or null. */
export function readLabel(text: string): Label | null {
  return readLabels(text)[0] ?? null;
}

/** The label a line opens with, its colon after it (`部门：`, `编制单位：`, `单位名称：`), or null. */
export function leadingLabel(text: string): string | null {
  return LEADING_LABEL.exec(foldWidth(text).trim())?.[1] ?? null;
}

/** The cover: the lines before the table of contents or the first part, at most the first 15 non-blank ones. */
function coverLines(lines: readonly SourceLine[]): SourceLine[] {
  const cover: SourceLine[] = [];
  for (const line of lines) {
    const t = stripMarkup(line.text).replace(/\s+/g, '');
    if (t === '') continue;
    if (t.startsWith('目录') || markerKind(t) === 'part' || cover.length >= 15) break;
    cover.push(line);
  }
  return cover;
}

/**
 * The label printed most often above the tables, those naming the department (部门：, 编制部门：) before those naming
 * one of its units; ties go to the first printed.
 */
function mostLabelled(labels: readonly Label[]): string | null {
  for (const family of [true, false]) {
    const counts = new Map<string, number>();
    for (const l of labels) if (l.label.includes('部门') === family) counts.set(l.value, (counts.get(l.value) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) return best[0];
  }
  return null;
}

/**
 * The department as the document prints it: the cover's labelled line (预算主管部门：, 预算单位：, 被评价单位：, …);
 * else the title without its year and kind words, where that names a body (not only a place: 上海市普陀区); else the
 * name the table headers give (部门：…, 编制单位：…, 部门名称 …), as a tables volume has no other.
 */
export function readDepartment(title: string, lines: readonly SourceLine[]): { department: string; coverLabel: string | null } {
  const cover = coverLines(lines);
  const onCover = cover.flatMap((line, i) => readLabels(line.text).concat(labelAbove(line.text, cover[i + 1]?.text) ?? []));
  // The body that commissioned an evaluation names the department only where no other label does.
  const label = onCover.find((l) => l.label !== '委托单位') ?? onCover[0];
  if (label) return { department: label.value, coverLabel: label.label };
  const fromTitle = departmentFromTitle(title);
  // A title that names no body (预算01表 收支总表, 2026 年度部门收支总表) gives no department at all.
  const titleNamesBody = ORG_END.test(fromTitle) && !/表|\d/.test(fromTitle);
  if (titleNamesBody) return { department: fromTitle, coverLabel: null };
  const fromPart = departmentFromPartHeading(lines);
  if (fromPart) return { department: fromPart, coverLabel: null };
  const labels = lines.flatMap((l, i) => readLabel(l.text) ?? labelBeside(lines, i) ?? []);
  // Nor does a table's title (一般公共预算支出表), whatever its words before 预算.
  return { department: mostLabelled(labels) ?? (/表|\d/.test(fromTitle) || /表$/.test(title) ? '' : fromTitle), coverLabel: null };
}

/** A label saying 名称, alone on its line (`部门名称`, `预算单位名称`). */
const NAME_LABEL_ALONE = new RegExp(`^\\s*((?:${LABEL_WORDS})(?:[（(](?:单位|部门)[）)])?名称)\\s*$`);

/**
 * A form's 名称 label printed alone on its line, its value a line of its own beside it: text extracted in reading
 * order prints a form's cells one a line, the value even before its label (北京 预算13表 plain pdftotext L13759-L13761
 * `北京市民政局` / `部门名称`, where the -layout text prints `部门名称   北京市民政局`). Only where exactly one of the
 * lines beside it names a body.
 */
function labelBeside(lines: readonly SourceLine[], i: number): Label | null {
  const m = NAME_LABEL_ALONE.exec(lines[i].text);
  if (!m) return null;
  const nonBlank = (step: number): string => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j].text.trim() !== '') return lines[j].text.replace(/\s+/g, '');
    return '';
  };
  const bodies = [nonBlank(-1), nonBlank(1)].filter((v) => bodyLabel(m[1], v, false) !== null);
  return bodies.length === 1 ? { label: m[1], value: bodies[0] } : null;
}

/** What a part's heading (after 第一部分) says when it names the body: `广州市水务局概况`, `XX部门（单位）基本情况`. */
const PART_BODY = /^(.+?)(?:部门|单位)?(?:[（(](?:部门|单位)[）)])?(?:基本)?(?:情况|概况)/;

/** The body the first part's heading names (第一部分 广州市水务局概况), in the contents or the text. */
function departmentFromPartHeading(lines: readonly SourceLine[]): string | null {
  for (const line of lines.slice(0, 300)) {
    const name = PART_BODY.exec(afterMarker(stripMarkup(line.text).replace(/\s+/g, ''), ['part']) ?? '')?.[1];
    if (name && ORG_END.test(name) && !/\d|年/.test(name)) return name;
  }
  return null;
}

/** A cover label whose name the layout put on the next line (`预算单位：` / `上海市普陀区某某局`). */
function labelAbove(text: string, next: string | undefined): Label | null {
  const m = LABEL_ALONE.exec(text);
  const value = next?.replace(/\s+/g, '') ?? '';
  return m && ORG_END.test(value) ? { label: m[1], value } : null;
}

/** Placeholders a template prints where the department's name goes: XX局, ××单位, 某某. */
export function isPlaceholder(department: string): boolean {
  return /[XＸxｘ×]{2,}|某某|[*＊]{2,}|[○〇]{2,}/.test(department);
}

/**
 * The publication date: a date standing alone on its line (`2021年04月15日`). The last one wins, because the
 * 落款 closes the document, while dates inside it belong to annexes and signatures of other parties. A page with no
 * 落款 (a portal's article) is dated by the line the site prints under its title, `发布时间：2025-02-14 10:30`.
 */
export function readPublishedAt(lines: readonly SourceLine[]): string | null {
  let posted: string | null = null;
  for (const line of [...lines].reverse()) {
    // Folding and trimming never make a 日 or a 发布: a line without one is no date, and most lines have none.
    if (line.text.includes('发布')) posted = postedDate(line.text) ?? posted;
    if (!line.text.includes('日')) continue;
    const m = /^(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(foldWidth(line.text).trim());
    if (m) return isoDate(m[1], m[2], m[3]);
  }
  return posted;
}

const isoDate = (year: string, month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;

/** The date of a `发布时间：2025-02-14` / `发布日期：2025年2月14日` line opening with it, or null. */
function postedDate(text: string): string | null {
  const m = /^(?:发布时间|发布日期)\s*[:：]\s*(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/.exec(foldWidth(text).trim());
  return m ? isoDate(m[1], m[2], m[3]) : null;
}

/** Built once, not per line (matchAll works on a copy, so sharing the global pattern is safe). */
const AMOUNT_UNIT = new RegExp(`\\d\\s*(${MONEY_UNIT_SOURCE})`, 'g');

function mostCommon(values: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The amount unit the document states most often next to its tables (单位：万元, 金额单位：元); a volume without
 * tables is in the unit its amounts are written in (收入预算 66,197.67 万元). Tables record their own unit where it differs.
 */
export function readUnit(lines: readonly SourceLine[]): string | null {
  // A stated unit needs the 单 of 单位 as printed, an amount's unit the 元 of every unit: the other lines, nearly all,
  // are not folded and searched.
  const stated = lines.flatMap((l) => (l.text.includes('单') ? statedUnits(l.text) : []));
  if (stated.length > 0) return mostCommon(stated);
  return mostCommon(lines.flatMap((l) => (l.text.includes('元') ? [...foldWidth(l.text).matchAll(AMOUNT_UNIT)].map((m) => m[1]) : [])));
}

/**
 * Where the extraction lost the title page, the department is named by the first part's heading
 * (`第一部分 XX部门（单位）概况`), and the kind by the document's own words for its tables.
 */
function inferTitle(lines: readonly SourceLine[]): string {
  const head = lines
    .map((l) => stripMarkup(l.text).trim())
    .filter((t) => t !== '')
    .slice(0, 2)
    .join('')
    .replace(/\s+/g, '');
  const m = /^(.+?)(?:部门|单位)?(?:[（(](?:部门|单位)[）)])?概况/.exec(afterMarker(head, ['part']) ?? '');
  if (!m) return '';
  const text = lines.slice(0, 200).map((l) => l.text).join('');
  const year = /(20\d{2})\s*年/.exec(foldFigures(text))?.[1] ?? '';
  const kind = /决算/.test(text) ? '部门决算' : '部门预算';
  return `${m[1]}${year ? `${year}年` : ''}${kind}`;
}

export function readMetadata(lines: readonly SourceLine[]): Metadata {
  const printed = readTitle(lines) || inferTitle(lines);
  const title = printed || '（无标题）';
  const { department, coverLabel } = readDepartment(printed, lines);
  return {
    title,
    kind: readKind(title),
    scope: readScope(title, coverLabel, lines),
    department,
    isTemplate: isPlaceholder(department),
    // The lines joined into one text only if the department's name leaves the region open: 0.6 % of a parse's time
    // went to joining them for every document (the 300-document synthetic corpus, CPU profile).
    region: regionOf(department, () => lines.map((l) => l.text).join('\n')),
    year: readYear(title, lines),
    yearSpan: readYearSpan(title),
    publishedAt: readPublishedAt(lines),
    unit: readUnit(lines),
  };
}
