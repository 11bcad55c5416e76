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

/** A prefecture- or county-level name directly after the province (or at the start): 喀什地区, 普陀区, 巨鹿县 … */
const SUBDIVISION = /^([\u4e00-\u9fa5]{1,7}?(?:自治州|地区|盟|自治县|自治旗|县|旗|区|市))/;

/** Words that end a subdivision-looking prefix but actually start the department's own name. */
const NOT_A_PLACE = /(?:办公|开发|管理|委员|工作|服务|中心|机关|政府|人民|党委|公署|经济|社区|街道)/;

function stripProvince(name: string): { province: string | null; rest: string } {
  for (const [full, short] of PROVINCES) {
    if (name.startsWith(full)) return { province: full, rest: name.slice(full.length) };
    if (name.startsWith(short) && !name.startsWith(full)) {
      const rest = name.slice(short.length).replace(/^(?:省|市|自治区|维吾尔自治区|壮族自治区|回族自治区)/, '');
      return { province: full, rest };
    }
  }
  return { province: null, rest: name };
}

/**
 * Reads the region from a department's name (`新疆维吾尔自治区喀什地区扶贫开发办公室` → 新疆维吾尔自治区, 喀什地区).
 * Where the name lacks the province, the province the document names most often is used; a name that is not a
 * province is never guessed from a place name.
 */
export function regionOf(department: string, documentText: string): string[] {
  const { province, rest } = stripProvince(department);
  const region: string[] = [];
  const resolvedProvince = province ?? mostMentionedProvince(documentText);
  if (resolvedProvince) region.push(resolvedProvince);
  let remaining = rest;
  // A municipality's districts follow it directly (上海市普陀区); other provinces have up to two levels below.
  for (let depth = 0; depth < 2; depth++) {
    const m = SUBDIVISION.exec(remaining);
    if (!m || NOT_A_PLACE.test(m[1]) || m[1].length >= remaining.length) break;
    region.push(m[1]);
    remaining = remaining.slice(m[1].length);
  }
  return region;
}

/** Full names decide; short names (新疆, 河北) only where no full name occurs, as they also appear in other words. */
function mostMentionedProvince(text: string): string | null {
  for (const form of [0, 1] as const) {
    let best: string | null = null;
    let bestCount = 0;
    for (const names of PROVINCES) {
      const count = text.split(names[form]).length - 1;
      if (count > bestCount) {
        best = names[0];
        bestCount = count;
      }
    }
    if (best) return best;
  }
  return null;
}
