/**
 * A reproducible synthetic corpus for the benchmark: N disclosure texts made from the bundled seeds and the shared
 * samples, each with a new department, region, year and project names, and every amount multiplied by the same
 * integer, so that sums and totals still agree (an integer factor keeps two decimals exact). Same seed, same corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDisclosure } from '../src/ingest/parse-disclosure.ts';
import type { Disclosure } from '../src/schema/disclosure.ts';
import { PROVINCES } from '../src/ingest/regions.ts';
import { seededRandom } from './seeded-random.ts';

/** The seed texts: the bundled disclosures, then the shared samples where this machine has them. */
export function seedFiles(): string[] {
  const dirs = ['content/sources', '../shared/samples', '../shared/samples/other-provinces'];
  return dirs.flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f)) : [],
  );
}

const NAME_CHARACTERS = '青松河源安平东西南北新华永昌兴宁泰和嘉定清溪白云长乐丰宜明阳金山凤城乐清桂林临江'.split('');
const COUNTY_SUFFIXES = ['县', '市', '区'];
const CITY_SUFFIXES = ['市', '地区', '自治州'];
const DEPARTMENTS = [
  '教育局', '卫生健康委员会', '交通运输局', '农业农村局', '水利局', '民政局', '财政局', '司法局', '文化和旅游局',
  '自然资源局', '生态环境局', '住房和城乡建设局', '人力资源和社会保障局', '市场监督管理局', '应急管理局', '统计局',
  '审计局', '林业和草原局', '退役军人事务局', '医疗保障局', '科学技术局', '商务局', '体育局', '档案馆', '图书馆',
];
const PROJECT_PREFIXES = ['城乡', '重点', '专项', '综合', '基层', '数字', '公共', '示范', '智慧', '民生'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function placeName(random: () => number, suffixes: readonly string[]): string {
  return `${pick(random, NAME_CHARACTERS)}${pick(random, NAME_CHARACTERS)}${pick(random, suffixes)}`;
}

/**
 * An amount as printed (`1,234.56`) times an integer, printed the same way: exact, on the digits, so that a sum that
 * held before still holds.
 */
export function scaleAmount(printed: string, factor: number): string {
  const grouped = printed.includes(',');
  const [whole, fraction = ''] = printed.replace(/,/g, '').split('.');
  const scaled = (BigInt(`${whole}${fraction}`) * BigInt(factor)).toString().padStart(fraction.length + 1, '0');
  let head = fraction ? scaled.slice(0, -fraction.length) : scaled;
  if (grouped) head = head.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${head}.${scaled.slice(-fraction.length)}` : head;
}

/**
 * Amounts: numbers printed with decimals or thousands separators, and whole numbers followed by 元 / 万元 / 亿元.
 * Percentages and ratios (followed by % or 倍), codes, counts and years are left alone.
 */
const AMOUNT =
  /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d%％倍])|(?<![\d.,])\d+\.\d+(?![\d.%％倍])|(?<![\d.,])\d+(?=\s*(?:万元|亿元|元))/g;

/**
 * Every amount in the text scaled. Where a scaled amount is longer, as many spaces before it are dropped (keeping
 * one), so that right-aligned columns of an extracted table stay where they were.
 */
export function scaleAmounts(text: string, factor: number): string {
  return text.replace(new RegExp(`( *)(${AMOUNT.source})`, 'g'), (_, spaces: string, amount: string) => {
    const scaled = scaleAmount(amount, factor);
    const drop = Math.max(0, Math.min(scaled.length - amount.length, spaces.length - 1));
    return `${spaces.slice(drop)}${scaled}`;
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function replaceAll(text: string, from: string, to: string): string {
  return from.length >= 2 ? text.replace(new RegExp(escapeRegExp(from), 'g'), to) : text;
}

export interface SyntheticDocument {
  file: string;
  text: string;
}

/**
 * Who publishes a synthetic document and how its amounts are scaled. A real department publishes every year, so a
 * corpus can give one publisher several consecutive years (`nextYear`): its department page then has a history, as a
 * province's would, instead of one document each.
 */
export interface Publisher {
  region: string[];
  places: string[];
  department: string;
  yearShift: number;
  factor: number;
  projectPrefix: string;
}

const drawFactor = (random: () => number) => 2 + Math.floor(random() * 8);

/** A new department, region and year for copies of `seed`, drawn from `random`. */
export function drawPublisher(seed: Disclosure, random: () => number): Publisher {
  const province = pick(random, PROVINCES)[0];
  const places = seed.region.slice(1).map((_, i, all) => placeName(random, i === all.length - 1 ? COUNTY_SUFFIXES : CITY_SUFFIXES));
  const department = `${places.join('')}${pick(random, DEPARTMENTS)}`;
  const yearShift = seed.year ? 2015 + Math.floor(random() * 12) - seed.year : 0;
  const factor = drawFactor(random);
  return { region: [province, ...places], places, department, yearShift, factor, projectPrefix: pick(random, PROJECT_PREFIXES) };
}

/** The same publisher's document of the following year, its amounts scaled anew. */
export function nextYear(publisher: Publisher, random: () => number): Publisher {
  return { ...publisher, yearShift: publisher.yearShift + 1, factor: drawFactor(random) };
}

/** The i-th document of the corpus: the seed text as `publisher` would have published it. */
export function syntheticDocument(seedFile: string, seedText: string, seed: Disclosure, index: number, publisher: Publisher): SyntheticDocument {
  const { region: newRegion, places, department, yearShift, factor, projectPrefix } = publisher;
  let text = seedText;
  // Longest first, so that a project name that contains another is renamed whole.
  const projects = [...new Set(seed.projects.map((p) => p.name.trim()))].filter((n) => n.length >= 4).sort((a, b) => b.length - a.length);
  for (const name of projects) text = replaceAll(text, name, `${projectPrefix}${name}`);
  const seedPlace = seed.region.slice(1).join('');
  const seedOffice = seed.department.startsWith(seed.region[0] ?? '\0') ? seed.department.slice(seed.region[0].length) : seed.department;
  text = replaceAll(text, seedOffice, department);
  seed.region.forEach((name, i) => (text = replaceAll(text, name, newRegion[i] ?? name)));
  if (seedPlace) text = replaceAll(text, seedPlace, places.join(''));
  text = text.replace(/(?<!\d)(20\d{2})(?=\s*年)/g, (y) => String(Number(y) + yearShift));
  text = scaleAmounts(text, factor);
  const name = basename(seedFile, '.txt').replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 40);
  return { file: `syn-${String(index + 1).padStart(5, '0')}-${name}.txt`, text };
}

export function parseSeed(file: string, text: string): Disclosure {
  return parseDisclosure(text, { file: basename(file), sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8' });
}

/**
 * Writes an N-document corpus into `dir` (emptied first), each publisher publishing `years` consecutive years of one
 * seed text (1: every document a department of its own); returns the files written and their total bytes.
 */
export function writeSyntheticCorpus(dir: string, n: number, seed: number, years = 1): { files: string[]; bytes: number; seeds: string[] } {
  const seeds = seedFiles().map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, text, doc: parseSeed(file, text) };
  });
  if (seeds.length === 0) throw new Error('no seed texts found in content/sources');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  const files: string[] = [];
  let bytes = 0;
  let publisher: Publisher | null = null;
  for (let i = 0; i < n; i++) {
    const from = seeds[Math.floor(i / years) % seeds.length];
    publisher = i % years === 0 || !publisher ? drawPublisher(from.doc, random) : nextYear(publisher, random);
    const doc = syntheticDocument(from.file, from.text, from.doc, i, publisher);
    const path = join(dir, doc.file);
    writeFileSync(path, doc.text);
    files.push(path);
    bytes += Buffer.byteLength(doc.text);
  }
  return { files, bytes, seeds: seeds.map((s) => s.file) };
}
