import { compact, foldWidth } from './width.ts';

/**
 * A table's number, printed on a line above its title, at the start of the title, or at the top of each page the
 * table runs over: one grammar for every reader (the region finders, the label a continued table repeats, the title
 * whose kind is read). Two numberings are in use: 表 with a count, Chinese or Arabic (表一, 表 1, and 附表14 for the
 * tables annexed to a 说明), and a template's series name before or around an Arabic count (预算01表 and 公开03表 of
 * the 部门预算 / 决算公开 templates, 公开表10), whose sheets a province may split (表1-1). A count is Arabic or a Chinese
 * number as written (一…九, 十, 十一, 二十三), never both: in `表2一般公共预算支出表` and `表五一般公共预算支出表` the 一
 * opens the title. The stop after a number (`表一：`, `表1.`) is not part of it. Width is folded first (表１：).
 */
const TABLE_NUMBER = '(?:附?表\\s*(?:[0-9]+|[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])|[\\u4e00-\\u9fff]{2}\\s*(?:\\d{1,3}\\s*表|表\\s*\\d{1,3}))(?:[-—]\\d{1,2})?';
const STOP = '\\s*[:、.]?';

const NUMBER_LINE = new RegExp(`^${TABLE_NUMBER}${STOP}$`);
const LEADING_NUMBER = new RegExp(`^(${TABLE_NUMBER})${STOP}`);

/** Whether a line is a table's number and nothing else (`表 1`, `附表14`, `表2：`, `预算03表`, `公开表10`). */
export function isTableNumber(text: string): boolean {
  // Every form holds 表, which no width folds to: asked of most lines by the region finders, most of which hold none.
  return text.includes('表') && NUMBER_LINE.test(foldWidth(text).trim());
}

/** The number a text opens with (`表1：部门收支总表` → `表1`), its spaces removed, or null. */
export function leadingTableNumber(text: string): string | null {
  const m = LEADING_NUMBER.exec(foldWidth(text).trim());
  return m ? m[1].replace(/\s+/g, '') : null;
}

/** The text after the table number it opens with and the stop after that; the text as it is when it opens with none. */
export function withoutTableNumber(text: string): string {
  const t = foldWidth(text).trim();
  const m = LEADING_NUMBER.exec(t);
  return m ? t.slice(m[0].length) : t;
}

/**
 * Whether a line is a year and nothing else, in brackets (`（2024年度）`, `(2025年)`): printed under a form's title, it
 * is part of the title's block, not a caption of the grid under it nor a field of the form.
 */
export function isYearLine(text: string): boolean {
  return /^[（(]\d{4}年?度?[)）]$/.test(compact(text));
}
