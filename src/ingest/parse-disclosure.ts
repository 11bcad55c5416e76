import { z } from 'astro/zod';
import { disclosure, type Disclosure } from '../schema/disclosure.ts';
import { compiledFields } from '../schema/compiled.ts';
import type { Check, Unparsed } from '../schema/common.ts';
import { claimedSet } from './claims.ts';
import { governmentBudgetNote, kindOfTables, readMetadata, type Metadata } from './metadata.ts';
import { regionOf } from './regions.ts';
import { documentUnit, parseNarrative } from './narrative/index.ts';
import { isPageFurnitureAt, isRunningHeadAt } from './page-furniture.ts';
import { detectLayout, type Layout } from './layout/detect.ts';
import { proseBlocks, proseLeft } from './layout/prose-blocks.ts';
import { linkTargets, parsePerformance } from './performance/index.ts';
import { blanked, isBlank, toSourceLines, type SourceLine } from './source-lines.ts';
import { slugFor } from './slug.ts';
import { parseTables, type TablesResult } from './tables/index.ts';
import type { StatedFigures } from './tables/spaced/stated-figures.ts';
import { checkTablesAgainstNarrative } from './tables/narrative-checks.ts';
import { failureReason, failureWarning, runStage, type StageFailure } from './stages.ts';
import { emptyClaims } from './claims.ts';
import { withReview } from '../review/index.ts';
import { withOwnTexts } from '../core/own-text.ts';
import type { Image, LineBoxes, LineGlyphs, PageRules, PageTurns, SourceFormat, SourceRead } from './sources/index.ts';
import { pageGeometry } from './page-geometry.ts';
import { boxesOfLines, checksWithBoxes, tableWithBoxes, targetWithBoxes } from './boxes.ts';

export interface SourceInfo {
  file: string;
  sha256: string;
  format: SourceFormat;
  encoding: string;
  pageStarts?: number[];
  /** A PDF's line boxes (SourceRead): the tables', rows' and checks' boxes come from them; not kept in `source`. */
  lineBoxes?: LineBoxes;
  /** A PDF's ruling lines (SourceRead): read by the tables drawn with them; not kept in `source`. */
  pageRules?: Array<PageRules | null>;
  /** A PDF's characters' x on the pages read for rules (SourceRead): read by the cells drawn narrower than their text; not kept in `source`. */
  lineGlyphs?: LineGlyphs;
  /** A PDF's pages turned to read upright (SourceRead): the boxes are turned back to the page as shown; not kept in `source`. */
  pageTurns?: PageTurns;
  /** The output name when the file's own would collide (x.pdf beside x.xlsx); else it comes from the file name. */
  slug?: string;
  /** A PDF's scanned pages among pages of text (SourceRead): the document says so in a warning; not in `source`. */
  scannedPages?: number[];
  /** A CSV's `sep=` line (SourceRead), not a row and not in the text: the document says so in a warning; not in `source`. */
  separatorLine?: string;
  /** A web page's own text from this line on (SourceRead): no reader reads it, `unparsed` keeps it; not in `source`. */
  portalFrom?: number;
  /** A converter's images (SourceRead): the document says where each is in a warning; not in `source`. */
  images?: Image[];
  /** Radicals read as ideographs (SourceRead): the document says so in a warning; not in `source`. */
  radicals?: number;
  /** Page breaks put where a plain text prints its page numbers (SourceRead): the document says so; not in `source`. */
  pageBreaks?: number;
  /** What a workbook's reader left out or found without a value (SourceRead): warnings of the document; not in `source`. */
  sheetNotes?: string[];
  /**
   * The figures the disclosure's 说明 states where it is a file of its own (companions.ts): the tables volume's
   * single-space tables are placed by them as by a 说明 in the same file; not in `source`.
   */
  statedElsewhere?: StatedFigures;
}

/**
 * What a source's reading hands the parser besides its text: every field the reader gave, so that a new one (a PDF's
 * scanned pages, a CSV's `sep=` line) reaches the parser without each caller passing it on by name.
 */
export function sourceInfo(read: Extract<SourceRead, { ok: true }>, file: string, sha256: string, slug?: string): SourceInfo {
  const { ok: _ok, text: _text, ...fields } = read;
  return { ...fields, file, sha256, slug };
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': '逗号', ';': '分号', '\t': '制表符', '|': '竖线' };

/** What became of a CSV's `sep=` line: read as the delimiter it names, not as a row of the table. */
function separatorWarning(line: string): string {
  const delimiter = line.slice('sep='.length);
  const name = DELIMITER_NAMES[delimiter] ?? `“${delimiter}”`;
  return `CSV 文件的第一行“${line.replace('\t', '\\t')}”是 Excel 的分隔符声明：字段按${name}分隔，这一行不是表格的一行，未计入表格`;
}

/** The images a converter wrote where it read no text, each by its address and the line before it: 5 named, then 等. */
function imagesWarning(images: readonly Image[]): string {
  const named = images.slice(0, 5).map((image) => {
    const where = image.after ? `“${image.after.length > 40 ? `${image.after.slice(0, 40)}…` : image.after}”之后` : '文件开头';
    return image.address ? `${where}的 ${image.address}` : `${where}的一处`;
  });
  return `原文有 ${images.length} 处图片（${named.join('；')}${images.length > 5 ? '等' : ''}）：图片中的内容没有文字，未能读出；若是扫描的表格或文字，需要先做文字识别（OCR）`;
}

/** Pages as a reader lists them: 3、5–7. */
function pageList(pages: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    runs.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j;
  }
  return runs.join('、');
}

/**
 * Every non-blank line must end up somewhere: in a claimed (structured) range, in a section, or in `unparsed`.
 * Lines nothing accounted for are added to `unparsed`, so a parser bug can lose structure but never text. A page
 * header printed over the pages (page-furniture.ts isRunningHeadAt) is no sentence, heading or indicator: the prose
 * readers pass it by (layout/prose-blocks.ts), and outside a table or target form it is kept here saying what it is.
 */
const RUNNING_HEAD = '各页顶端重复印出的页眉，不属于正文、表格或指标';
function accountForEveryLine(
  lines: readonly SourceLine[],
  layout: Layout,
  covered: ReadonlySet<number>,
  taken: ReadonlySet<number>,
  unparsed: Unparsed[],
  reason: string,
): Unparsed[] {
  const inUnparsed = claimedSet(unparsed.map((u) => u.lines));
  const missing: Unparsed[] = [];
  for (const line of lines) {
    if (isBlank(line) || inUnparsed.has(line.no)) continue;
    // A table or a target form keeps a page header in its range as printed; a section's range holds none.
    const head = isRunningHeadAt(lines, line.no);
    if ((head ? taken.has(line.no) : covered.has(line.no)) || isPageFurnitureAt(lines, line.no, layout)) continue;
    missing.push({ lines: { first: line.no, last: line.no }, text: line.text, reason: head ? RUNNING_HEAD : reason });
  }
  return missing;
}

/**
 * A web page's portal text (sources/html.ts: menus, breadcrumbs, the 附件 list and links closing the article, footer)
 * is the site's, not the disclosure's: no reader sees it, and each of its lines is kept here saying so.
 */
const PORTAL = '网站自身的栏目、导航、附件链接或页脚文字，不属于公开的文件';
function withoutPortal(lines: SourceLine[], portalFrom: number | undefined): { lines: SourceLine[]; portal: Unparsed[] } {
  if (!portalFrom) return { lines, portal: [] };
  const portal = lines
    .filter((line) => line.no >= portalFrom && !isBlank(line))
    .map((line) => ({ lines: { first: line.no, last: line.no }, text: line.text, reason: PORTAL }));
  return { lines: lines.map((line) => (line.no >= portalFrom ? blanked(line) : line)), portal };
}

const EMPTY_METADATA: Metadata = {
  title: '（无标题）',
  kind: 'other',
  scope: null,
  department: '',
  isTemplate: false,
  region: [],
  year: null,
  yearSpan: null,
  publishedAt: null,
  unit: null,
};

/** The stages of one parse, in order: the CLI names the one a document overran its time or memory budget in. */
export type ParseStage = 'metadata' | 'tables' | 'performance' | 'narrative' | 'checks';

/**
 * Text in, data out: the whole parse of one disclosure, validated against the schema. Each stage runs on its own:
 * one that throws leaves an empty result and a warning naming it, its lines fall to the later stages or to
 * `unparsed`, and the document still validates.
 */
export function parseDisclosure(text: string, source: SourceInfo, onStage: (stage: ParseStage) => void = () => {}): Disclosure {
  // The draft is made in its own call, so that the source lines and the stages' working data are freed before the
  // schema copies the document and the review reads it: a big document's memory peaks there (issue 16).
  return withReview(validated(draftOf(text, source, onStage)));
}

/**
 * The schema's parse of a draft one top-level field at a time, each field of the draft dropped once it is copied:
 * parsing the whole object at once holds the draft and its copy together, twice a big document (issue 16). The same
 * result as `disclosure.parse`: every field of the shape parsed in its order (a missing one takes its default, an
 * absent optional one stays absent), any other left out, and an invalid one throws the schema's error with its path.
 */
function validated(draft: Record<string, unknown>): Disclosure {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(compiledFields)) {
    const result = field.safeParse(draft[key]);
    if (!result.success) throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })));
    if (key in draft || result.data !== undefined) out[key] = result.data;
    delete draft[key];
  }
  return out as Disclosure;
}

/** A stage's result with its checks' texts their own (src/core/own-text.ts), so that what they quote can be freed. */
function owned<T extends { checks: Check[] }>(result: T): T {
  return { ...result, checks: withOwnTexts(result.checks) };
}

/** The document as the stages read it, before the schema validates it and fills in its defaults. */
function draftOf(text: string, source: SourceInfo, onStage: (stage: ParseStage) => void): z.input<typeof disclosure> & Record<string, unknown> {
  const { slug, lineBoxes, pageRules, lineGlyphs, pageTurns, scannedPages, separatorLine, portalFrom, images, radicals, pageBreaks, sheetNotes, statedElsewhere, ...sourceFields } = source;
  const geometry = lineBoxes && pageRules ? pageGeometry(source.pageStarts ?? [], lineBoxes, pageRules, lineGlyphs) : undefined;
  onStage('metadata');
  const { lines, portal } = withoutPortal(toSourceLines(text), portalFrom);
  const failures: StageFailure[] = [];
  const meta = runStage('metadata', () => readMetadata(lines), () => EMPTY_METADATA, failures);

  onStage('tables');
  // How the document separates cells, decided once for every stage: the tables are read by it, and every stage asks it
  // which bare number is a page's (page-furniture.ts).
  const layout = detectLayout(lines);
  const tables = owned(runStage('tables', () => parseTables(lines, layout, statedElsewhere), (): TablesResult => ({ tables: [], ...emptyClaims() }), failures));
  const tableLines = claimedSet(tables.claimed);
  // The text around the tables, made once: the performance readers read it as it is, the narrative without the lines
  // they took.
  const prose = proseBlocks(lines, tableLines, layout);
  onStage('performance');
  const performance = owned(
    runStage('performance', () => parsePerformance(lines, tableLines, geometry, lineBoxes != null, layout, prose), () => ({ targets: [], evaluation: null, ...emptyClaims() }), failures),
  );
  const taken = claimedSet(performance.claimed, tableLines);
  // The 说明's figures are compared with the tables only once the target forms have taken their lines: a form's
  // indicator (成本指标 基本支出 19443.34万元) or task amount is no figure the 说明 states.
  const stated = owned({
    checks: runStage('tables', () => checkTablesAgainstNarrative(lines.filter((l) => !taken.has(l.no)), tables.tables), (): Check[] => [], failures),
  });
  onStage('narrative');
  const narrative = owned(
    runStage(
      'narrative',
      () => parseNarrative(lines, proseLeft(prose, taken), tables.tables),
      () => ({ sections: [], overview: null, projects: [], withheldProjects: null, facts: [], glossary: [], ...emptyClaims() }),
      failures,
    ),
  );
  onStage('checks');
  // Targets name their project; only now are both the projects and the 项目支出 tables known.
  const linked = owned(
    runStage(
      'linking',
      () => linkTargets(performance.targets, narrative.projects, tables.tables, documentUnit(lines, tables.tables)),
      () => ({ targets: performance.targets, checks: [], warnings: [] }),
      failures,
    ),
  );

  const covered = claimedSet([...narrative.claimed, ...narrative.sections.map((s) => s.lines)], taken);
  const unparsed = [...tables.unparsed, ...performance.unparsed, ...narrative.unparsed, ...portal];
  unparsed.push(...accountForEveryLine(lines, layout, covered, taken, unparsed, failures.length > 0 ? failureReason(failures) : '未能归入任何表格、指标或说明段落'));
  unparsed.sort((a, b) => a.lines.first - b.lines.first);

  const boxesOf = lineBoxes ? boxesOfLines(lines, layout, source.pageStarts ?? [], lineBoxes, pageTurns) : null;
  const checks = [...tables.checks, ...stated.checks, ...performance.checks, ...narrative.checks, ...linked.checks];

  const evaluation = performance.evaluation;
  // An evaluation report's title names the project, not the department: its 预算单位 is the department.
  const department = (meta.kind === 'performance-evaluation' && evaluation?.budgetUnit) || meta.department;
  const printedTitles = tables.tables.filter((t) => !t.titleInferred).map((t) => t.title);
  // Tables whose titles name no kind either (部门收支总表) are told by their columns: 决算数 beside a 年初预算数 is an
  // account's, 2024年预算数 alone a budget's.
  const byColumns = () => kindOfTables(tables.tables.map((t) => t.columns.map((c) => c.label).join(' ')));
  // A government's own budget shares a department's tables (一般公共预算支出表) but is no department's budget.
  const governmentBudget = governmentBudgetNote(meta.title);
  const kind = meta.kind === 'other' && !governmentBudget ? (kindOfTables(printedTitles) ?? byColumns() ?? 'other') : meta.kind;
  return {
    schemaVersion: 1,
    slug: slug ?? slugFor(source.file, source.sha256),
    ...meta,
    kind,
    department,
    region: department === meta.department ? meta.region : regionOf(department, text),
    source: { ...sourceFields, lineCount: lines.length },
    overview: narrative.overview,
    sections: narrative.sections,
    tables: boxesOf ? tables.tables.map((t) => tableWithBoxes(t, boxesOf)) : tables.tables,
    projects: narrative.projects,
    withheldProjects: narrative.withheldProjects,
    targets: boxesOf ? linked.targets.map((t) => targetWithBoxes(t, boxesOf)) : linked.targets,
    evaluation,
    facts: narrative.facts,
    glossary: narrative.glossary,
    checks: boxesOf ? checksWithBoxes(checks, boxesOf) : checks,
    unparsed,
    warnings: [
      ...(scannedPages?.length ? [`原文 PDF 第 ${pageList(scannedPages)} 页是扫描的图片，没有文字：这些页上的内容未能读出，需要先做文字识别（OCR）`] : []),
      ...(separatorLine ? [separatorWarning(separatorLine)] : []),
      ...(governmentBudget ? [governmentBudget] : []),
      ...(sheetNotes ?? []),
      ...(images?.length ? [imagesWarning(images)] : []),
      ...(pageBreaks ? [`原文没有分页符：按所印页码（如“- 5 -”“第5页”）在其后推定了 ${pageBreaks} 处换页，以便识别跨页的表格和每页重复的表头`] : []),
      ...(radicals ? [`原文有 ${radicals} 个字以部首字符（如“⽀”“⻚”）存储，多因 PDF 字体的映射所致：显示的是汉字，已按所显示的汉字（“支”“页”）读取，以便识别表格和检索`] : []),
      ...failures.map(failureWarning),
      ...tables.warnings,
      ...performance.warnings,
      ...narrative.warnings,
      ...linked.warnings,
    ],
  };
}
