import { describe, expect, it } from 'vitest';
import { narrativeOf, narrativeOfText, SAMPLES, samplesPresent, seed } from './narrative-seed.ts';

const OFFICES_2025 = ['秘书科（联络科）', '组织人事科', '督查科', '综合科', '调研科', '政务公开科', '法律事务科', '外事科', '对口支援科', '区域合作科'];

describe('overview: duties, offices, sub-units, staff', () => {
  it('kashgar-administrative-office: 11 duties run together over wrapped lines, even where a break splits （三 / ）', () => {
    const { overview } = seed('kashgar-administrative-office-2021-budget');
    // Lines 10–42: （一）…（十一）, with `（三` at the end of line 12 and `）负责` opening line 14, and `（七)`.
    expect(overview?.duties).toHaveLength(11);
    expect(overview?.duties[0]).toBe('负责行署的日常运行保障');
    expect(overview?.duties[2]).toBe('负责行署会议的会务工作，协助行署领导同志组织实施会议决定事项');
    expect(overview?.duties[10]).toBe('完成地委、行署交办的其他任务');
    // Lines 54–61: 本级下设16个科室 and sixteen names.
    expect(overview?.offices).toHaveLength(16);
    expect(overview?.offices[0]).toBe('秘书一科');
    expect(overview?.offices[15]).toBe('机关党委办公室');
    // Lines 67–77: five 二级预算单位, listed without their kind.
    expect(overview?.subunits.map((u) => u.name)).toEqual([
      '喀什地区行政公署办公室',
      '喀什地区统计局',
      '喀什地区信访局',
      '喀什地区归国华侨联合会',
      '喀什地区行政公署驻北京联络处',
    ]);
    // Lines 79–83: 编制数159人，实有人数222人，其中：在职143人，减少2人；退休77人，增加6人；离休2人，增加或减少0人。
    expect(overview?.staff).toEqual({
      authorized: 159,
      actual: 222,
      active: 143,
      retired: 77,
      retiredEarly: 2,
      changes: [
        { category: 'active', delta: -2 },
        { category: 'retired', delta: 6 },
        { category: 'retiredEarly', delta: 0 },
      ],
    });
  });

  it('kashgar-poverty-alleviation-office: 14 duties, 4 offices, no sub-units', () => {
    const { overview } = seed('kashgar-poverty-alleviation-office-2021-budget');
    // Lines 10–63: `(一）` (mixed brackets) … （十四）.
    expect(overview?.duties).toHaveLength(14);
    expect(overview?.duties[13]).toBe('完成地委、行署交办的其他任务');
    // Lines 67–71: 无下属预算单位，下设4个科室。
    expect(overview?.offices).toEqual(['综合科', '政策法规科', '规划科', '社会扶贫科']);
    expect(overview?.subunits).toEqual([]);
    // Lines 73–77: 编制数57人，实有人数57人，其中：在职55人，减少2人；退休2人，增加0人；离休0人，增加0人。
    expect(overview?.staff.authorized).toBe(57);
    expect(overview?.staff.actual).toBe(57);
    expect(overview?.staff.active).toBe(55);
    expect(overview?.staff.retired).toBe(2);
    expect(overview?.staff.retiredEarly).toBe(0);
    expect(overview?.staff.changes).toContainEqual({ category: 'active', delta: -2 });
  });

  it('kashgar-edz-party-mass-work-dept: unnumbered duties split at ；, 6 offices, staff', () => {
    const { overview } = seed('kashgar-edz-party-mass-work-dept-2024-budget');
    // Line 72: nine clauses separated by ；.
    expect(overview?.duties).toHaveLength(9);
    expect(overview?.duties[8]).toBe('承办党工委、管委会交办的其他事项');
    // Line 76: 下设 6 个科室，separated by ，.
    expect(overview?.offices).toEqual(['综合办公室', '人事科', '组宣科', '人才就业科', '社会治理科', '劳动监察科']);
    // Line 78: 编制数 9，实有人数 29 人，其中：在职 29 人，减少 2 人；退休 1 人，增加 1 人；离休 0 人，增加 0 人。
    expect(overview?.staff).toMatchObject({ authorized: 9, actual: 29, active: 29, retired: 1, retiredEarly: 0 });
    expect(overview?.staff.changes).toEqual([
      { category: 'active', delta: -2 },
      { category: 'retired', delta: 1 },
      { category: 'retiredEarly', delta: 0 },
    ]);
  });

  it('julu-county-poverty-office: duties in two titled groups, markers with a missing bracket', () => {
    const { overview } = seed('julu-county-poverty-office-2021-budget');
    // Lines 12–46: 本级 (一)…(十一); lines 48–78: 下属股级事业部门 (一)…(十), with `四)` and `八)` on lines 62, 74.
    expect(overview?.dutyGroups.map((g) => [g.title, g.duties.length])).toEqual([
      ['巨鹿县扶贫开发办公室本级职责活动', 11],
      ['巨鹿县扶贫开发办公室下属股级事业部门职责活动', 10],
    ]);
    expect(overview?.duties).toHaveLength(21);
    expect(overview?.dutyGroups[1].duties[3]).toMatch(/^负责全县精准防贫机制/);
  });

  it('the evaluation report has no overview', () => {
    expect(seed('kashgar-2021-poverty-monitoring-project-evaluation').overview).toBeNull();
  });

  // 上海 普陀区政府办公室 2025 单位预算 -layout L43–L64: the lead-in ends the paragraph (设10个内设机构，包括：) and the
  // offices follow one a paragraph, （一）秘书科（联络科）。… to （十）区域合作科。…, some duties wrapped onto a line of
  // their own (L47 `导协调处理机关日常行政事务。`); below, the duties after 秘书科's are cut to their first clause. The list
  // was read as `：`, one office against the stated 10.
  it('offices listed after the lead-in one item a paragraph: each item’s name up to its full stop', () => {
    const { overview, checks } = narrativeOfText(
      [
        '                 上海市普陀区人民政府办公室机构设置',
        '',
        '上海市普陀区人民政府办公室设10个内设机构，包括：',
        '（一）秘书科（联络科）。组织、协调和管理区政府系统的全区性大型活动。承担机要、办文、办会、保密、档案等职责，协助区府办领',
        '导协调处理机关日常行政事务。',
        '（二）组织人事科。承担机关党建、组织人事、财务管理、资产管理等职责。',
        '（三）督查科。负责区政府系统目标管理、实事项目的组织实施、指导协调、推进落实、考核评估。',
        '（四）综合科。负责编辑、印发区政府信息简报。',
        '（五）调研科。负责起草《政府工作报告》等区政府重要文稿和区政府主要领导重要讲话稿。',
        '（六）政务公开科。负责统筹推进、指导、协调、监督全区的政务公开和政府信息公开工作。',
        '（七）法律事务科。承担区政府重大行政决策的合法性论证并提供法律意见。',
        '（八）外事科。审核本区各部门、各单位报请区政府审批的外事文件。',
        '（九）对口支援科。拟订本区东西部协作和对口支援工作的规划和计划。',
        '（十）区域合作科。拟订本区国内区域合作交流的规划和计划，并组织实施。',
      ].join('\n'),
    );
    expect(overview?.offices).toEqual(OFFICES_2025);
    expect(checks.find((c) => c.id === 'overview:offices:count')).toMatchObject({ status: 'pass', expected: 10, actual: 10 });
  });

  // The same document in plain pdftotext (L61–L65): `名词解释` is not read as a heading there, and its entries
  // follow the offices numbered （一）… again. The list ends where its first marker comes again.
  it('the offices’ list ends where its first marker comes again', () => {
    const { overview } = narrativeOfText(
      [
        '上海市普陀区人民政府办公室设10个内设机构，包括：',
        ...OFFICES_2025.map((o, i) => `（${'一二三四五六七八九十'[i]}）${o}。承担相关职责。`),
        '名词解释',
        '（一）财政拨款收入：是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府',
        '（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。',
      ].join('\n'),
    );
    expect(overview?.offices).toEqual(OFFICES_2025);
  });

  it.skipIf(!samplesPresent)('shanghai welfare home (samples absent: skipped): 2 duties after the lead-in, 5 offices', () => {
    const { overview } = narrativeOf(`${SAMPLES}/shanghai-putuo-social-welfare-home-2024-budget.txt`);
    // Lines 25–29: an introductory sentence, 主要职能包括：, then 1. and 2.
    expect(overview?.duties).toHaveLength(2);
    // Line 32: 设5个内设机构，包括：院长室、办公室、财务室、后勤部、护理部。
    expect(overview?.offices).toEqual(['院长室', '办公室', '财务室', '后勤部', '护理部']);
  });
});
