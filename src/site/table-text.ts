import type { Table } from '../schema/table.ts';

/** Labels for the text cells table parsers keep beside the amounts (`texts` of a row). */
const TEXT_LABELS: Readonly<Record<string, string>> = {
  side: '收入/支出',
  panel: '支出分栏',
  'project-name': '项目名称',
  printedCode: '原文编码',
  codeFrom: '编码来源',
  strayCodeDigits: '原文残留编码数字',
  strayCodeText: '编码栏中的文字',
  total: '合计',
  'crosswalk-code': '对应科目编码',
  'crosswalk-name': '对应科目名称',
  rowNumber: '行次（序号）',
  unitCode: '单位编码',
  'economic-code': '部门预算支出经济分类编码',
  'government-economic-code': '政府预算支出经济分类编码',
  'procurement-catalog': '采购目录',
  specification: '规格型号',
  'service-content': '购买服务内容',
  'procurement-method': '采购组织形式',
  'economic-subject': '经济科目',
  'government-economic-subject': '政府支出经济分类科目',
  'project-summary': '项目简介',
  'performance-goal': '绩效目标',
  'project-category': '项目类别',
  note: '说明',
  year: '年度',
};

/** Texts that record how the print looked (a code reassembled from pieces, or none printed), not a column of the table. */
export const PROVENANCE_KEYS: ReadonlySet<string> = new Set(['printedCode', 'codeFrom', 'strayCodeDigits', 'strayCodeText']);

export function textLabel(key: string): string {
  return TEXT_LABELS[key] ?? key;
}

/** Every text key used by the table's rows, in first-use order. */
export function textKeysOf(table: Table): string[] {
  return [...new Set(table.rows.flatMap((r) => Object.keys(r.texts)))];
}
