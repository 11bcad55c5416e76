/** The 34 provincial-level divisions, by their full names, with the short forms documents also use. */
export const PROVINCES: ReadonlyArray<readonly [full: string, short: string]> = [
  ['北京市', '北京'], ['天津市', '天津'], ['河北省', '河北'], ['山西省', '山西'], ['内蒙古自治区', '内蒙古'],
  ['辽宁省', '辽宁'], ['吉林省', '吉林'], ['黑龙江省', '黑龙江'], ['上海市', '上海'], ['江苏省', '江苏'],
  ['浙江省', '浙江'], ['安徽省', '安徽'], ['福建省', '福建'], ['江西省', '江西'], ['山东省', '山东'],
  ['河南省', '河南'], ['湖北省', '湖北'], ['湖南省', '湖南'], ['广东省', '广东'], ['广西壮族自治区', '广西'],
  ['海南省', '海南'], ['重庆市', '重庆'], ['四川省', '四川'], ['贵州省', '贵州'], ['云南省', '云南'],
  ['西藏自治区', '西藏'], ['陕西省', '陕西'], ['甘肃省', '甘肃'], ['青海省', '青海'], ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'], ['香港特别行政区', '香港'], ['澳门特别行政区', '澳门'], ['台湾省', '台湾'],
];

import { PREFECTURES, type Prefecture } from './prefectures.ts';

/**
 * A county-level name: 普陀区, 巨鹿县, 额济纳旗, 义乌市, 神农架林区, 六枝特区 …; a 市 followed by 区 is the district's
 * (荆州市沙市区). An autonomous county or banner lists its peoples before 自治县/自治旗 and runs longer
 * (双江拉祜族佤族布朗族傣族自治县, 莫力达瓦达斡尔族自治旗), as does a banner of joined banners (达尔罕茂明安联合旗).
 */
const COUNTY = /^([\u4e00-\u9fa5]{1,7}?(?:县|旗|区|市(?!区))|[\u4e00-\u9fa5]{2,12}?(?:自治[县旗]|联合旗))/;
/** Below the county: 万里街道, 朱家角镇, 东坝乡, named as the body that governs them (…办事处, …人民政府). */
const TOWNSHIP = /^(?:人民政府)?([\u4e00-\u9fa5]{1,6}?(?:街道|镇|乡|苏木))(?=办事处|人民政府|政府|党工委|党委|$)/;

/**
 * Words that end a subdivision-looking prefix but actually start the department's own name: also a bureau before its
 * district branch (广州市公安局天河区分局), and 自治区 alone, which a region's own bodies write without the region's name
 * (自治区财政厅). 城区 only alone: 东城区, 桃城区 are districts.
 */
const NOT_A_PLACE =
  /(?:办公|开发|管理|委员|工作|服务|中心|机关|政府|人民|党委|公署|经济|社区|街道|^主?城区$|园区|景区|片区|校区|市场|都市|城市|局|厅|^自治区$)/;

/** Words that make a 街道/镇/乡-looking prefix part of a name (城乡建设局, 乡镇工作办公室). */
const NOT_A_TOWNSHIP = /(?:城乡|办公|管理|委员|工作|服务|中心|机关)/;

/**
 * A party, CPPCC or mass-organisation prefix names the body, not the place: 中共上海市普陀区委员会 is in 上海市普陀区,
 * 中国民主同盟上海市委员会 in 上海市.
 */
const PARTY_PREFIX =
  /^(?:中国共产党|中共|中国共产主义青年团|共青团|中国人民政治协商会议|政协|中国国民党革命委员会|中国民主同盟|中国民主建国会|中国民主促进会|中国农工民主党|中国致公党|九三学社|台湾民主自治同盟)/;

/**
 * How a name starts with a prefecture in full or abbreviated (黔东南州, 巴州), or null; never by its short form. An
 * abbreviation followed by 区 begins a district's name instead (巴中市巴州区).
 */
function writtenAt(p: Prefecture, name: string): string | null {
  if (name.startsWith(p.name)) return p.name;
  return p.abbreviations.find((a) => name.startsWith(a) && name[a.length] !== '区') ?? null;
}

function stripProvince(name: string): { province: string | null; rest: string } {
  for (const [full] of PROVINCES) {
    if (name.startsWith(full)) return { province: full, rest: name.slice(full.length) };
  }
  // A prefecture whose name begins like a province's short form (吉林市, 海南藏族自治州, 海南州) is not that province.
  if (PREFECTURES.some((p) => writtenAt(p, name))) return { province: null, rest: name };
  for (const [full, short] of PROVINCES) {
    if (name.startsWith(short)) {
      const rest = name.slice(short.length).replace(/^(?:省|市|自治区|维吾尔自治区|壮族自治区|回族自治区)/, '');
      return { province: full, rest };
    }
  }
  return { province: null, rest: name };
}

/**
 * The prefecture a name starts with: by its full name, or by its short form (深圳水务局) where the document
 * also writes the full name, since short forms also begin ordinary words.
 */
function leadingPrefecture(name: string, province: string | null, documentText: () => string): { prefecture: Prefecture; rest: string } | null {
  for (const p of PREFECTURES) {
    if (province && p.province !== province) continue;
    const written = writtenAt(p, name);
    if (written) return { prefecture: p, rest: name.slice(written.length) };
  }
  for (const p of PREFECTURES) {
    if (province && p.province !== province) continue;
    if (p.short && name.startsWith(p.short) && documentText().includes(p.name)) return { prefecture: p, rest: name.slice(p.short.length) };
  }
  return null;
}

/** How far before a county its prefecture can begin: PREFECTURES lists the longest names first. */
const LONGEST_PREFECTURE = PREFECTURES[0].name.length;

/** Each way a prefecture is written (its name, its abbreviations), to the prefectures written so, by their place in PREFECTURES. */
const WRITTEN_AS = new Map<string, number[]>();
PREFECTURES.forEach((p, i) => {
  for (const written of [p.name, ...p.abbreviations]) WRITTEN_AS.set(written, [...(WRITTEN_AS.get(written) ?? []), i]);
});

/**
 * The prefecture a county-level name belongs to where the name does not say it (宁乡市教育局, 义乌市财政局), as the
 * document itself writes the chain (湖南省长沙市宁乡市, 兴安盟科尔沁右翼前旗): the project carries no table of
 * counties to look it up in. Only one prefecture so written counts; of the name's province where it names one.
 */
function prefectureWrittenBefore(county: string, province: string | null, text: string): Prefecture | null {
  const written = new Set<Prefecture>();
  // Read where the county stands, not the whole text once per prefecture: a county's document names it throughout.
  for (let at = text.indexOf(county); at >= 0; at = text.indexOf(county, at + county.length)) {
    const before = text.slice(Math.max(0, at - LONGEST_PREFECTURE), at);
    // Of the names that end there, the first listed, the longest: 马鞍山市 ends in 鞍山市, another city's name. Each end
    // of the text before is looked up, not every prefecture asked whether it ends so, at each place the county stands.
    let first = PREFECTURES.length;
    for (let length = 1; length <= before.length; length++) {
      for (const i of WRITTEN_AS.get(before.slice(-length)) ?? []) if (i < first && (!province || PREFECTURES[i].province === province)) first = i;
    }
    if (first < PREFECTURES.length) written.add(PREFECTURES[first]);
  }
  return written.size === 1 ? [...written][0] : null;
}

/**
 * A mining area’s authority (某某矿区管理委员会) runs an area, not a district: 井陉矿区 and 阳泉市矿区 are districts, and
 * their bodies are a district’s (矿区财政局).
 */
const AREA_AUTHORITY = /^(?:管理|开发|建设)/;

/**
 * Reads the region from a department's name as the administrative chain it names: province, prefecture, county,
 * township (`上海市普陀区人民政府万里街道办事处` → 上海市, 普陀区, 万里街道). A prefecture gives its province even where
 * the document never names it; a county named alone gets its prefecture where the document writes the two together;
 * otherwise the province the document names most often is used. A word that is not a place is never taken for one,
 * and party prefixes (中共…) are skipped.
 */
export function regionOf(department: string, text: string | (() => string)): string[] {
  // The text, or how to make it: most departments name their province or prefecture, and then the text is never read.
  let made: string | undefined;
  const documentText = () => (made ??= typeof text === 'string' ? text : text());
  const { province, rest } = stripProvince(department.replace(/\s+/g, '').replace(PARTY_PREFIX, ''));
  const isMunicipality = province !== null && /^(?:北京|上海|天津|重庆)市$/.test(province);
  const named = isMunicipality ? null : leadingPrefecture(rest, province, documentText);
  let remaining = named?.rest ?? rest;
  // A municipality's districts follow it directly (上海市普陀区); elsewhere a county follows its prefecture, and
  // where the name gives neither a prefecture nor a county is read as such a level (巨鹿县).
  const counties: string[] = [];
  const levels = named || isMunicipality ? 1 : 2;
  for (let depth = 0; depth < levels; depth++) {
    const m = COUNTY.exec(remaining);
    if (!m || NOT_A_PLACE.test(m[1])) break;
    if (m[1].endsWith('矿区') && AREA_AUTHORITY.test(remaining.slice(m[1].length))) break;
    counties.push(m[1]);
    remaining = remaining.slice(m[1].length);
  }
  const prefecture = named?.prefecture ?? (!isMunicipality && counties.length > 0 ? prefectureWrittenBefore(counties[0], province, documentText()) : null);
  const resolvedProvince = province ?? prefecture?.province ?? mostMentionedProvince(documentText());
  const region = [...(resolvedProvince ? [resolvedProvince] : []), ...(prefecture ? [prefecture.name] : []), ...counties];
  const township = TOWNSHIP.exec(remaining);
  if (township && !NOT_A_TOWNSHIP.test(township[1]) && region.length > 0) region.push(township[1]);
  return region;
}
/** How often a name stands in the text, counted where it is found: the text is not split into pieces to count them. */
function occurrences(text: string, name: string): number {
  let count = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) count++;
  return count;
}

/** Full names decide; short names (新疆, 河北) only where no full name occurs, as they also appear in other words. */
function mostMentionedProvince(text: string): string | null {
  for (const form of [0, 1] as const) {
    let best: string | null = null;
    let bestCount = 0;
    for (const names of PROVINCES) {
      const count = occurrences(text, names[form]);
      if (count > bestCount) {
        best = names[0];
        bestCount = count;
      }
    }
    if (best) return best;
  }
  return null;
}
