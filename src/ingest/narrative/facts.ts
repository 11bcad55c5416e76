import type { Fact } from '../../schema/narrative.ts';
import { parseAmount } from '../numbers.ts';
import { FIGURE_SOURCE, MONEY_UNIT_SOURCE } from '../../core/amounts.ts';
import { readLabelledFigures, type LabelRule, type LabelledFigure } from './clauses.ts';
import { topicParagraphs } from './outline.ts';
import { linesOfSpan, matchable, type ProseText } from './prose.ts';
import type { ProseSection } from './sections.ts';

/** Every topic's headings and mentions, so that one topic's prose stops where another's begins. */
const TOPICS = {
  threePublic: { heading: /三公/, mention: /三公/ },
  operating: { heading: /运行经费/, mention: /机关运行经费|运行经费(?:财政拨款|支出|共计|安排)/ },
  procurement: { heading: /政府采购/, mention: /政府采购/ },
  assets: { heading: /国有资产|固定资产|资产占[用有]/, mention: /国有资产|固定资产|资产总体情况|共有车辆/ },
  performance: { heading: /绩效(?:管理|情况|目标设置)/, mention: /绩效管理|绩效目标的|实行绩效/ },
} as const;

type TopicName = keyof typeof TOPICS;

function paragraphsAbout(all: readonly ProseSection[], name: TopicName, excluded: ReadonlySet<ProseText>): ProseText[] {
  const others = Object.entries(TOPICS)
    .filter(([n]) => n !== name)
    .map(([, t]) => t.mention.source)
    .join('|');
  return topicParagraphs(all, { ...TOPICS[name], others: new RegExp(others) }, excluded);
}

const CURRENCY = new RegExp(`^${MONEY_UNIT_SOURCE}$`);

export const THREE_PUBLIC: LabelRule[] = [
  { id: 'three-public.vehicles', pattern: /公务用车购置[及和]运(?:行|维)(?:维护)?费?/ },
  { id: 'three-public.vehicle-purchase', pattern: /公务用车购置(?:费)?/ },
  { id: 'three-public.vehicle-operation', pattern: /公务用车运(?:行|维)(?:维护)?(?:费)?/ },
  { id: 'three-public.outbound-travel', pattern: /因公\s*[（(]?\s*出(?:国|境)\s*(?:[（(]\s*境\s*[）)])?\s*[）)]?\s*费?/ },
  { id: 'three-public.reception', pattern: /(?:国内)?公务接待(?:费)?/ },
  { id: 'three-public.total', pattern: /[“"]?三公[”"]?\s*经费/ },
];

const PROCUREMENT: LabelRule[] = [
  { id: 'procurement.sme-reserved', pattern: /面向中小企业预留政府采购项目预算(?:金额)?/ },
  { id: 'procurement.micro-reserved', pattern: /(?:面向)?小微企业预留政府采购项目预算(?:金额)?/ },
  { id: 'procurement.goods', pattern: /(?:政府采购)?货物(?:采购)?(?:预算|金额)?/ },
  { id: 'procurement.works', pattern: /(?:政府采购)?工程(?:采购)?(?:预算|金额)?/ },
  { id: 'procurement.services', pattern: /(?:政府采购)?服务(?:采购)?(?:预算|金额)?/ },
  { id: 'procurement.total', pattern: /政府采购(?:预算|金额|支出)?/ },
];

const OPERATING: LabelRule[] = [{ id: 'operating-costs', pattern: /(?:机关|单位|专项)?运行经费/ }];

/** Vehicle kinds of the national asset reports, by their printed names. */
const VEHICLE_KINDS: ReadonlyArray<[string, string]> = [
  ['一般公务用车', 'general-use'],
  ['执法执勤用车', 'law-enforcement'],
  ['部级领导干部用车', 'ministerial'],
  ['主要领导干部用车', 'principal-leaders'],
  ['机要通信用车', 'confidential-communication'],
  ['应急保障用车', 'emergency'],
  ['特种专业技术用车', 'special-technical'],
  ['离退休干部用车', 'retired-cadres'],
  ['其他车辆', 'other'],
  ['其他用车', 'other'],
];

const ASSETS: LabelRule[] = [
  ...VEHICLE_KINDS.map(([name, id]) => ({ id: `assets.vehicles.${id}`, pattern: new RegExp(name) })),
  { id: 'assets.vehicles', pattern: /(?:共有)?车辆/ },
  { id: 'assets.buildings', pattern: /房屋(?:建筑面积)?/ },
  { id: 'assets.furniture-value', pattern: /办公家具价值/ },
  { id: 'assets.other-value', pattern: /其他资产价值/ },
  { id: 'assets.total-value', pattern: /固定资产金额为?/ },
];

const LABELS: Record<string, string> = {
  'three-public.total': '“三公”经费',
  'three-public.outbound-travel': '因公出国（境）费',
  'three-public.vehicles': '公务用车购置及运行费',
  'three-public.vehicle-purchase': '公务用车购置费',
  'three-public.vehicle-operation': '公务用车运行费',
  'three-public.reception': '公务接待费',
  'operating-costs': '机关运行经费',
  'procurement.total': '政府采购',
  'procurement.goods': '政府采购货物',
  'procurement.works': '政府采购工程',
  'procurement.services': '政府采购服务',
  'procurement.sme-reserved': '面向中小企业预留政府采购',
  'procurement.micro-reserved': '面向小微企业预留政府采购',
  'assets.buildings-area': '房屋面积',
  'assets.buildings-value': '房屋价值',
  'assets.vehicles': '车辆',
  'assets.vehicles-value': '车辆价值',
  'assets.furniture-value': '办公家具价值',
  'assets.other-value': '其他资产价值',
  'assets.total-value': '固定资产总额',
  'assets.large-equipment': '单位价值50万元以上大型设备',
  'performance.projects': '实行绩效目标管理的项目',
  'performance.amount': '实行绩效目标管理的项目金额',
  'performance.non-fiscal-projects': '实行绩效目标管理的非财政拨款项目',
  'performance.non-fiscal-amount': '实行绩效目标管理的非财政拨款项目金额',
  ...Object.fromEntries(VEHICLE_KINDS.map(([name, id]) => [`assets.vehicles.${id}`, name])),
};

/** What a fact is called to a reader; a check about a fact the text did not state (公务用车购置及运行费 from its two parts) is named so too. */
export function factLabel(id: string): string {
  return LABELS[id] ?? id;
}

function toFact(f: LabelledFigure, id = f.id): Fact {
  return { id, label: factLabel(id), value: f.value, unit: f.unit, change: f.change, text: f.text, lines: f.lines };
}

/** `无机关运行经费` / `无“三公”经费…支出`: the document states the figure is nil. */
function statedNil(paragraphs: readonly ProseText[], id: string, pattern: RegExp): Fact | null {
  for (const p of paragraphs) {
    const m = pattern.exec(matchable(p));
    if (m) return { id, label: LABELS[id], value: 0, unit: null, change: null, text: m[0], lines: linesOfSpan(p, m.index, m.index + m[0].length) };
  }
  return null;
}

function currencyFacts(paragraphs: readonly ProseText[], rules: LabelRule[], nil = false): Fact[] {
  return [...readLabelledFigures(paragraphs, rules, CURRENCY, nil).values()].map((f) => toFact(f));
}

function assetFacts(paragraphs: readonly ProseText[]): Fact[] {
  const facts: Fact[] = [];
  const counts = readLabelledFigures(paragraphs, ASSETS, /^(?:辆|平方米)$/);
  const values = readLabelledFigures(paragraphs, ASSETS, CURRENCY);
  const area = counts.get('assets.buildings');
  if (area) facts.push(toFact({ ...area, change: null }, 'assets.buildings-area'));
  const buildingValue = values.get('assets.buildings');
  if (buildingValue) facts.push(toFact({ ...buildingValue, change: null }, 'assets.buildings-value'));
  const vehicles = counts.get('assets.vehicles');
  if (vehicles) facts.push(toFact({ ...vehicles, change: null }));
  const vehicleValue = values.get('assets.vehicles');
  if (vehicleValue) facts.push(toFact({ ...vehicleValue, change: null }, 'assets.vehicles-value'));
  for (const [, kind] of VEHICLE_KINDS) {
    const f = counts.get(`assets.vehicles.${kind}`);
    if (f && !facts.some((x) => x.id === f.id)) facts.push(toFact({ ...f, change: null }));
  }
  for (const id of ['assets.furniture-value', 'assets.other-value', 'assets.total-value']) {
    const f = values.get(id);
    if (f) facts.push(toFact({ ...f, change: null }));
  }
  facts.push(...largeEquipment(paragraphs));
  return facts;
}

const LARGE_EQUIPMENT = /(\d+)\s*万元\s*(?:[（(]含[）)])?\s*以上(?:的)?(?:大型)?设备\s*(?:[（(]不含车辆[）)])?\s*(\d+)\s*台\s*(?:[（(]套[）)])?/g;

/** Equipment held above a unit value (50 万元, 100 万元); figures for planned purchases (安排购置…) are not holdings. */
function largeEquipment(paragraphs: readonly ProseText[]): Fact[] {
  const facts = new Map<string, Fact>();
  for (const p of paragraphs) {
    const text = matchable(p);
    for (const m of text.matchAll(LARGE_EQUIPMENT)) {
      const sentenceStart = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('；', m.index)) + 1;
      if (/购置|购买/.test(text.slice(sentenceStart, m.index))) continue;
      const threshold = Number(m[1]);
      const id = threshold === 50 ? 'assets.large-equipment' : `assets.large-equipment-over-${threshold}`;
      if (facts.has(id)) continue;
      const labelled = text.lastIndexOf('单位价值', m.index);
      const start = labelled >= sentenceStart && labelled >= m.index - 8 ? labelled : m.index;
      facts.set(id, {
        id,
        label: `单位价值${threshold}万元以上大型设备`,
        value: Number(m[2]),
        unit: '台（套）',
        change: null,
        text: p.text.slice(start, m.index + m[0].length),
        lines: linesOfSpan(p, start, m.index + m[0].length),
      });
    }
  }
  return [...facts.values()];
}

const PERFORMANCE = new RegExp(
  `(?<=^|[，。；：,;:])[^，。；：,;:]{0,30}?项目\\s*共?\\s*(\\d+)\\s*个\\s*[，,]?\\s*涉及(?:项目)?预算(?:资金|金额)?\\s*(${FIGURE_SOURCE})\\s*(${MONEY_UNIT_SOURCE})`,
  'g',
);

/** `实行绩效管理的一般公共预算项目16个，涉及预算金额1446.68万元` and the like; non-fiscal projects apart. */
function performanceFacts(paragraphs: readonly ProseText[]): Fact[] {
  const facts: Fact[] = [];
  for (const p of paragraphs) {
    for (const m of matchable(p).matchAll(PERFORMANCE)) {
      const nonFiscal = /非财政拨款/.test(m[0]);
      const [countId, amountId] = nonFiscal
        ? ['performance.non-fiscal-projects', 'performance.non-fiscal-amount']
        : ['performance.projects', 'performance.amount'];
      if (facts.some((f) => f.id === countId)) continue;
      const end = m.index + m[0].length;
      const lines = linesOfSpan(p, m.index, end);
      const text = p.text.slice(m.index, end).trim();
      facts.push(
        { id: countId, label: LABELS[countId], value: Number(m[1]), unit: '个', change: null, text, lines },
        { id: amountId, label: LABELS[amountId], value: parseAmount(m[2]), unit: m[3], change: null, text, lines },
      );
    }
  }
  return facts;
}

/**
 * The key figures the 情况说明 states: 三公经费 and its parts, 机关运行经费, 政府采购, 国有资产占用 and 绩效管理.
 * `excluded` holds the paragraphs of the glossary and the project descriptions, whose wording would mislead.
 */
export function readFacts(all: readonly ProseSection[], excluded: ReadonlySet<ProseText>): Fact[] {
  const facts: Fact[] = [];
  const threePublic = paragraphsAbout(all, 'threePublic', excluded);
  // A “三公” item the text says has no money (因公出国（境）经费未安排) is a nil part of the sum, not a missing one.
  facts.push(...currencyFacts(threePublic, THREE_PUBLIC, true));
  if (!facts.some((f) => f.id === 'three-public.total')) {
    const nil = statedNil(threePublic, 'three-public.total', /无[“"]?三公[”"]?经费[^。；]{0,12}支出(?!的(?:部门|单位))/);
    if (nil) facts.push(nil);
  }

  const operating = paragraphsAbout(all, 'operating', excluded);
  const operatingCosts = currencyFacts(operating, OPERATING);
  facts.push(...(operatingCosts.length > 0 ? operatingCosts : [statedNil(operating, 'operating-costs', /无(?:机关)?运行经费(?:支出)?(?!的(?:部门|单位))/)].filter((f) => f !== null)));

  const procurement = paragraphsAbout(all, 'procurement', excluded);
  const purchases = currencyFacts(procurement, PROCUREMENT);
  facts.push(...purchases);
  if (!purchases.some((f) => f.id === 'procurement.total')) {
    const nil = statedNil(procurement, 'procurement.total', /无政府采购(?:预算)?(?:安排)?(?!的(?:部门|单位))/);
    if (nil) facts.push(nil);
  }

  facts.push(...assetFacts(paragraphsAbout(all, 'assets', excluded)));
  facts.push(...performanceFacts(paragraphsAbout(all, 'performance', excluded)));
  return facts;
}
