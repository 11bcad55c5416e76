/**
 * Tables whose rows are the things bought (政府采购预算表's 采购项目, 政府购买服务预算表's 服务项目): a 科目编码 printed
 * beside one classifies the purchase, and the row's name is the purchase's, not the code's 科目名称 (西安 交通运输局 2022
 * 政府采购预算表: 2140102 beside 西安市交通运输局 and each item bought under 一般行政管理事务).
 */
export function namesPurchases(kind: string): boolean {
  return kind === 'government-procurement' || kind === 'government-purchase-services';
}
