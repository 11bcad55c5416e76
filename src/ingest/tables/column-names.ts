import type { TableColumn } from '../../schema/table.ts';

/**
 * The plain Chinese name of each shared column key, for the messages a reader sees (合计 = 基本支出 + 项目支出): the
 * keys stay in the JSON, the words are what the tables print. Printed labels are not used for known keys because
 * pdftotext runs them into their neighbours (`基本支出人员经费`) or appends the column number (`项目支出3`).
 */
const NAMES: Readonly<Record<string, string>> = {
  total: '合计',
  personnel: '人员经费',
  public: '公用经费',
  basic: '基本支出',
  project: '项目支出',
  expenditure: '本年支出',
  income: '本年收入',
  'opening-balance': '年初结转和结余',
  'closing-balance': '年末结转和结余',
  'transfer-general': '上级一般公共预算转移支付',
  'transfer-fund': '上级政府性基金转移支付',
  'transfer-state-capital': '上级国有资本经营预算转移支付',
  'carryover-fiscal': '财政拨款结转',
  'carryover-non-fiscal': '非财政拨款结转结余',
  general: '一般公共预算',
  fund: '政府性基金预算',
  'state-capital': '国有资本经营预算',
  fiscal: '财政拨款',
  'fiscal-special': '财政专户管理资金',
  'education-fees': '教育收费',
  'special-account-other': '其他专户收入',
  'unit-funds': '单位资金',
  business: '事业收入',
  operating: '经营收支',
  'subsidy-from-superior': '上级补助收入',
  affiliated: '附属单位上缴收入',
  'other-income': '其他收入',
  carryover: '上年结转结余',
  'non-fiscal-balance': '使用非财政拨款结余',
  'remit-superior': '上缴上级支出',
  'subsidy-to-affiliated': '对附属单位补助支出',
  reserve: '单位预留机动经费',
  'carryover-next': '结转下年',
  'previous-year': '上年数',
  'budget-initial': '年初预算数',
  'budget-adjusted': '调整预算数',
  actual: '决算数',
  'outbound-travel': '因公出国（境）费',
  vehicles: '公务用车购置及运行费',
  'vehicle-purchase': '公务用车购置费',
  'vehicle-operation': '公务用车运行费',
  reception: '公务接待费',
  'three-public': '“三公”经费小计',
  meeting: '会议费',
  training: '培训费',
  'operating-costs': '机关运行经费',
  'econ-301': '工资福利支出',
  'econ-302': '商品和服务支出',
  'econ-303': '对个人和家庭的补助',
  'econ-307': '债务利息及费用支出',
  'econ-309': '资本性支出（基本建设）',
  'econ-310': '资本性支出',
  'econ-311': '对企业补助（基本建设）',
  'econ-312': '对企业补助',
  'econ-313': '对社会保障基金补助',
  'econ-399': '其他支出',
  quantity: '数量',
  value: '价值',
  amount: '金额',
};

const STAGES: Readonly<Record<string, string>> = { budget: '预算数', actual: '决算数' };

/**
 * A column's name for a reader: the standard name of its key (`reception-actual` → 公务接待费（决算数）), or for a
 * column the vocabulary does not know, its printed label, or else its position (第 4 列).
 */
export function columnName(key: string, columns: readonly TableColumn[] = []): string {
  const printed = columns.find((c) => c.key === key)?.label.replace(/\s+/g, '').replace(/\d+$/, '');
  // One key for 经营收入 and 经营支出: the side of the table decides, as printed.
  if (key === 'operating' && printed) return /支出/.test(printed) ? '经营支出' : '经营收入';
  // A table printing 总计 over all and a 合计 of a part (广州 表11, 表12: 总计 | 财政拨款 / 合计 …): the standard name of
  // the total would name that other column.
  if (key === 'total' && printed === '总计' && columns.some((c) => c.key !== key && /合计$/.test(c.label))) return '总计';
  if (NAMES[key]) return NAMES[key];
  const staged = /^(.+)-(budget|actual)$/.exec(key);
  if (staged && NAMES[staged[1]]) return `${NAMES[staged[1]]}（${STAGES[staged[2]]}）`;
  const broken = /^([^.]+)\.(.+)$/.exec(key);
  if (broken && NAMES[broken[1]] && NAMES[broken[2]]) return `${NAMES[broken[1]]}（${NAMES[broken[2]]}）`;
  if (printed) return printed;
  const position = /^c(\d+)$/.exec(key);
  return position ? `第 ${position[1]} 列` : key;
}

/** Several columns, as a reader lists them: 基本支出、项目支出. */
export function columnNames(keys: readonly string[], columns: readonly TableColumn[] = []): string {
  return keys.map((k) => columnName(k, columns)).join('、');
}
