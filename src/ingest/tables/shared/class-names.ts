import { withoutMarker } from '../../../core/outline.ts';
import { FUNCTION_CODES, listedNames } from '../../../review/data/classification-codes.ts';
import { normalizeName } from './code-reassembly.ts';

/**
 * A 支出功能分类 类 known by its name where a table prints the name without the code: a summary's expenditure side
 * (西安 交通运输局 2022 部门综合预算收支总表 -layout L360 `1、一般公共服务支出`, 北京 民政局 2026 -raw L9
 * `五、教育支出`), a 支出总表 printing no code column (杭州). Only a 类's whole name, as the national list (the review's,
 * with the names of earlier years) gives it: a 款 or 项 name is shared by many 类 (行政运行, 其他支出) and never says
 * which.
 */

/** Each 类's listed names, normalized once. */
const CLASS_OF_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(FUNCTION_CODES)
    .filter(([code]) => code.length === 3)
    .flatMap(([code, names]) => listedNames(names).map((n) => [normalizeName(n.name), code] as const)),
);

/** The 类 code a name gives, outline-numbered or not (`八、社会保障和就业支出`, `1、一般公共服务支出`), else null. */
export function functionClassNamed(name: string): string | null {
  return CLASS_OF_NAME.get(withoutMarker(normalizeName(name))) ?? null;
}

/**
 * Whether words are 类 `code`'s name or its opening, as a narrow cell cuts it (edz seed L273 `208 社会保障和就`, the
 * space lost when the name was cleaned): what confirms three digits run into a name as its 类 code rather than the
 * name's own (`211工程…`).
 */
export function namesClass(words: string, code: string): boolean {
  const n = withoutMarker(normalizeName(words));
  return n.length >= 2 && [...CLASS_OF_NAME].some(([name, c]) => c === code && name.startsWith(n));
}

/** What a row whose code is its 类 name's says of it, among its texts: the print gives no code. */
export const CODE_FROM_NAME = { codeFrom: '原文未印编码，按支出功能分类的类名确定' } as const;
