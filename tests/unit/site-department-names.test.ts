import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  fileOfKey,
  findNames,
  foldName,
  isSearchable,
  NAMES_PER_KEY,
  nameIndex,
  type NamedDepartment,
  type NameFile,
  parseTyped,
} from '../../src/site/department-names.ts';

/** The bundled corpus's five departments, as the compare data of departments/<slug>/ names them (checked in dist/). */
const BUNDLED: NamedDepartment[] = [
  { slug: 'd-185270b23032', name: '巨鹿县扶贫开发办公室（部门）' },
  { slug: 'd-30be7d678746', name: '新疆维吾尔自治区喀什地区扶贫开发办公室（部门）' },
  { slug: 'd-c4528e997d10', name: '新疆维吾尔自治区喀什地区喀什经济开发区党群工作部（部门）' },
  { slug: 'd-6d6b601d6bb4', name: '喀什地区乡村振兴局（部门）' },
  { slug: 'd-927405ceeebe', name: '新疆维吾尔自治区喀什地区行政公署办公室（部门）' },
];

/** What the browser does: each pair's list from the file its hash names, counting the files fetched. */
function lookup(files: NameFile[], typed: string) {
  const fetched = new Set<number>();
  const result = findNames(foldName(typed), async (key) => {
    const n = fileOfKey(key, files.length);
    fetched.add(n);
    return files[n][key];
  });
  return result.then((r) => ({ ...r, names: r.matches.map((m) => m.name), fetched: fetched.size }));
}

describe('the compare picker finds departments by any part of their name', () => {
  const files = nameIndex(BUNDLED);

  it('finds a full name, with or without its scope, first', async () => {
    expect((await lookup(files, '新疆维吾尔自治区喀什地区扶贫开发办公室')).names[0]).toBe('新疆维吾尔自治区喀什地区扶贫开发办公室（部门）');
    expect((await lookup(files, '巨鹿县扶贫开发办公室（部门）')).names).toEqual(['巨鹿县扶贫开发办公室（部门）']);
    // Width and spaces do not matter: (部门) typed half-width, a space inside the name.
    expect((await lookup(files, '喀什地区 乡村振兴局(部门)')).names).toEqual(['喀什地区乡村振兴局（部门）']);
  });

  it('finds a part of a name, inside a word too, the shortest names first', async () => {
    expect((await lookup(files, '乡村振兴')).names).toEqual(['喀什地区乡村振兴局（部门）']);
    expect((await lookup(files, '兴局')).names).toEqual(['喀什地区乡村振兴局（部门）']);
    expect((await lookup(files, '扶贫开发办公室')).names).toEqual(['巨鹿县扶贫开发办公室（部门）', '新疆维吾尔自治区喀什地区扶贫开发办公室（部门）']);
    expect((await lookup(files, '党群工作')).names).toEqual(['新疆维吾尔自治区喀什地区喀什经济开发区党群工作部（部门）']);
  });

  it('says when no name holds the text', async () => {
    expect(await lookup(files, '司法局')).toMatchObject({ names: [], complete: true });
    // Every pair is held, but not in this order.
    expect(await lookup(files, '办公室扶贫')).toMatchObject({ names: [], complete: true });
  });

  it('takes a trailing year off what was typed', () => {
    expect(parseTyped('司法局 2025')).toEqual({ name: '司法局', year: '2025' });
    expect(parseTyped(' 喀什地区乡村振兴局2021年 ')).toEqual({ name: '喀什地区乡村振兴局', year: '2021' });
    expect(parseTyped('喀什地区乡村振兴局')).toEqual({ name: '喀什地区乡村振兴局', year: null });
  });

  it('looks up two characters or more, counting a character beyond U+FFFF as one', () => {
    expect([isSearchable(foldName('党群')), isSearchable(foldName(' 党 ')), isSearchable('𠀀'), isSearchable('𠀀局')]).toEqual([true, false, false, true]);
  });
});

/**
 * A province's departments by the usual pattern, region + institution: 400 counties named by two characters drawn
 * from sixty and 县, 市 or 区 (so that, as in a real province, a few counties share each last character), 25
 * institutions each.
 */
function province(count: number): NamedDepartment[] {
  const chars = '安平宁和兴泰东西南北山河阳城新丰华清长永昌德江海湖林原州口台庄沙石水川云龙凤鹿武定康乐福寿广远明光金玉红白青黄松柏桥';
  const bodies = ['财政局', '教育局', '司法局', '公安局', '民政局', '人力资源和社会保障局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化和旅游局', '卫生健康委员会', '审计局', '统计局', '医疗保障局', '人民政府办公室', '发展和改革委员会', '机关事务管理局', '档案馆', '融媒体中心', '第一中学', '人民医院'];
  let seed = 1;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const regions = new Set<string>();
  while (regions.size * bodies.length < count) regions.add(`${chars[next(chars.length)]}${chars[next(chars.length)]}${'县市区'[next(3)]}`);
  return [...regions].flatMap((region) => bodies.map((body) => `${region}${body}（部门）`)).slice(0, count).map((name, i) => ({ slug: `d-${i.toString(16).padStart(12, '0')}`, name }));
}

describe('the name index at province scale', () => {
  const departments = province(10_000);
  const files = nameIndex(departments);

  it('keeps every file small whatever the number of departments', () => {
    const sizes = files.map((f) => gzipSync(JSON.stringify(f)).length).sort((a, b) => a - b);
    expect(Math.max(...files.flatMap((f) => Object.values(f).map((l) => l.names.length)))).toBe(NAMES_PER_KEY);
    expect(sizes.at(-1)).toBeLessThan(8 * 1024);
  });

  it('makes as many files as the lists fill, not one per 16 keys: few for a small corpus', () => {
    // A static host limits a site's files: 100 departments made 31 files of 16 keys each (1,058 B gzip at most),
    // 10,000 made 943. Sized by characters, the same lists fill 10 and 277 files.
    expect(nameIndex(province(100)).length).toBe(10);
    expect(files.length).toBe(277);
  });

  it('finds a department by its full name and by a distinctive part, from a few files', async () => {
    const target = departments[7_777];
    const full = await lookup(files, target.name.replace('（部门）', ''));
    expect(full.names[0]).toBe(target.name);
    // The full-name key's file and one round of four parts.
    expect(full.fetched).toBeLessThanOrEqual(5);
    const region = target.name.slice(0, 3);
    const part = await lookup(files, `${region}卫生健康`);
    expect(part).toMatchObject({ names: [`${region}卫生健康委员会（部门）`], complete: true });
  });

  it('says the text is too common rather than guessing among thousands', async () => {
    const common = await lookup(files, '财政局');
    expect(common.complete).toBe(false);
    expect(common.names.length).toBeGreaterThan(0);
    expect(common.names.every((n) => n.includes('财政局'))).toBe(true);
  });
});
