import type { Disclosure } from '../schema/disclosure.ts';
import type { SourceLine } from './source-lines.ts';
import { foldWidth, stripMarkup } from './source-lines.ts';
import { regionOf } from './regions.ts';

export type Metadata = Pick<Disclosure, 'title' | 'kind' | 'department' | 'region' | 'year' | 'publishedAt' | 'unit'>;

const TITLE_WORDS = /(预算|决算|绩效评价报告|绩效目标|公开)/;
const TITLE_STOP = /^(目\s*录|第[一二三四五六七八九十]+部分|按照|根据|为贯彻|[一二三四五六七八九十]+、|项目名称|编制)/;
const MAX_TITLE_LINES = 4;

/** The title: the first lines of the document up to the table of contents or the first part, joined. */
export function readTitle(lines: readonly SourceLine[]): string {
  const parts: string[] = [];
  for (const line of lines) {
    const t = stripMarkup(line.text).replace(/\s+/g, ' ').trim();
    if (t === '') continue;
    if (TITLE_STOP.test(t) || (parts.length > 0 && TITLE_WORDS.test(parts.join('')) && !/^[\u4e00-\u9fa5（）()\d ]{1,6}$/.test(t))) break;
    parts.push(t);
    if (parts.length >= MAX_TITLE_LINES) break;
  }
  return parts.join('').replace(/\s*([（(])/g, '$1').trim();
}

export function readKind(title: string): Metadata['kind'] {
  if (/绩效评价/.test(title)) return 'performance-evaluation';
  if (/决算/.test(title)) return 'final-account';
  if (/预算/.test(title)) return 'budget';
  return 'other';
}

export function readYear(title: string, lines: readonly SourceLine[]): number | null {
  const m = /(20\d{2})\s*年/.exec(foldWidth(title)) ?? /(20\d{2})\s*年/.exec(lines.slice(0, 30).map((l) => l.text).join(''));
  return m ? Number(m[1]) : null;
}

/** The department: the title without the year and the document-kind words. */
export function readDepartment(title: string): string {
  const withoutYear = title.split(/\s*(?:20\d{2}\s*年)/)[0].replace(/\s+/g, '');
  if (withoutYear) return withoutYear.replace(/(?:部门|单位)?(?:预算|决算).*$/, '');
  return title.replace(/\s+/g, '').replace(/(?:部门|单位)?(?:预算|决算).*$/, '');
}

/**
 * The publication date: a date standing alone on its line (`2021年04月15日`). The last one wins, because the
 * 落款 closes the document, while dates inside it belong to annexes and signatures of other parties.
 */
export function readPublishedAt(lines: readonly SourceLine[]): string | null {
  for (const line of [...lines].reverse()) {
    const m = /^(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(foldWidth(line.text).trim());
    if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  return null;
}

/** The amount unit the document states most often next to its tables (单位：万元). */
export function readUnit(lines: readonly SourceLine[]): string | null {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const m of foldWidth(line.text).matchAll(/单\s*位\s*[:：]\s*(万元|元|千元|亿元)/g)) {
      counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [unit, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = unit;
  return best;
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
  const m = /^第[一二三四五六七八九十]+部分(.+?)(?:部门|单位)?(?:[（(](?:部门|单位)[）)])?概况/.exec(head);
  if (!m) return '';
  const text = lines.slice(0, 200).map((l) => l.text).join('');
  const year = /(20\d{2})\s*年/.exec(text)?.[1] ?? '';
  const kind = /决算/.test(text) ? '部门决算' : '部门预算';
  return `${m[1]}${year ? `${year}年` : ''}${kind}`;
}

export function readMetadata(lines: readonly SourceLine[]): Metadata {
  const title = readTitle(lines) || inferTitle(lines) || '（无标题）';
  const department = readDepartment(title);
  return {
    title,
    kind: readKind(title),
    department,
    region: regionOf(department, lines.map((l) => l.text).join('\n')),
    year: readYear(title, lines),
    publishedAt: readPublishedAt(lines),
    unit: readUnit(lines),
  };
}
