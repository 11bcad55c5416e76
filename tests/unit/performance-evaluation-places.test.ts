import { describe, expect, it } from 'vitest';
import { parsePerformance } from '../../src/ingest/performance/index.ts';
import { toSourceLines } from '../../src/ingest/source-lines.ts';

/**
 * Evaluation reports from other places than the 喀什 seed, written for the purpose after 财预〔2020〕10号's template
 * (一、基本情况 … 六、有关建议, an 评分汇总表 by 一级指标 and an 评价指标体系及评分表) and printed to PDF by Chromium; the
 * text is `pdftotext -layout`'s of those PDFs, or the PDF reader's where it says so. Every value below is one written
 * into the report.
 */
const read = (lines: readonly string[]) => parsePerformance(toSourceLines(lines.join('\n')), new Set());
const statusesOf = (r: ReturnType<typeof read>) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));

// A third party's report on a project: cover (L2–L7), amounts grouped by thousands (L14), bands it states (L17), an
// 评分汇总表 (L21–L26), and the template's chapter 五 of 经验 and 问题 under its two sub-headings (L36–L43).
const reportA = [
  "                  某市2023年度城乡居民医疗救助项目支出绩效评价报告",
  "项目名称：某市2023年度城乡居民医疗救助项目",
  "预算单位：某市医疗保障局",
  "委托单位：某市财政局",
  "评价机构：某某会计师事务所有限公司",
  "评价期间：2023年1月1日至2023年12月31日",
  "报告日期：2024年6月20日",
  "\f某某会计师事务所有限公司受某市财政局的委托，于2024年4月至6月对某市2023年度城乡居民医疗救助项目（以下简称“本项目”）开展了绩效评价工作。现将评价情况报告如下。",
  "一、基本情况",
  "（一）项目概况",
  "本项目由某市医疗保障局组织实施，对特困人员、低保对象等困难群众参加基本医疗保险给予资助，并对其政策范围内个人自付医疗费用给予救助。项目具体实施单位为某市医疗保",
  "障事务中心。",
  "（二）项目资金情况",
  "2023年项目预算资金1,250.00万元，实际到位资金1,250.00万元，实际支出1,187.50万元，预算执行率95.00%。",
  "二、绩效评价工作开展情况",
  "评价组依据《项目支出绩效评价管理办法》（财预〔2020〕10号），采用比较法、因素分析法和公众评判法，设置决策、过程、产出、效益4个一级指标、12个二级指标、18个三级指",
  "标，满分100分。评价结果分为四个等级：90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差。",
  "三、综合评价情况及评价结论",
  "经综合评价，本项目综合得分86.5分，评价等级为“良”。各一级指标得分情况如下表：",
  "                                      绩效评价得分汇总表",
  "          一级指标                  分值            得分                得分率",
  "决策                        15            13.5           90.00%",
  "过程                        25            22             88.00%",
  "产出                        35            30             85.71%",
  "效益                        25            21             84.00%",
  "合计                        100           86.5           86.50%",
  "四、绩效评价指标分析",
  "（一）决策情况",
  "项目立项依据充分，程序规范；绩效目标与实际工作内容相关，但部分指标未细化量化，扣1分；预算编制测算依据不够充分，扣0.5分。",
  "（二）过程情况",
  "资金足额到位，预算执行率95.00%，扣1分；个别救助资金拨付手续不完整，扣1分；部分救助档案未及时归档，扣1分。",
  "（三）产出情况",
  "\f全年救助4.2万人次，完成计划的96%；抽查发现3户救助对象识别有误；个别县区资金发放超出时限。",
  "（四）效益情况",
  "救助对象个人负担比例有所下降；问卷调查满意度为94%。",
  "五、主要经验及做法、存在的问题及原因分析",
  "（一）主要经验及做法",
  "1.建立部门信息共享机制，民政、医保数据每月比对，救助对象动态调整。",
  "2.推行“一站式”结算，救助对象出院时即时享受救助待遇。",
  "（二）存在的问题及原因分析",
  "1.绩效目标设置不够细化，部分指标难以量化考核。",
  "2.救助对象识别存在偏差，部门间数据比对不够及时。",
  "3.档案管理不规范，部分救助资料未及时归档。",
  "六、有关建议",
  "1.细化绩效目标，设置可衡量的量化指标。",
  "2.加强部门数据共享，提高救助对象识别的准确性。",
  "3.规范档案管理，做到一户一档、及时归档。",
];

describe('a third party\'s 项目支出绩效评价报告 (pdftotext -layout)', () => {
  const r = read(reportA);
  const e = r.evaluation!;

  it('reads the amounts of 基本情况 grouped by thousands (L14: 1,250.00万元 … 1,187.50万元 … 95.00%)', () => {
    expect(e).toMatchObject({
      projectName: '某市2023年度城乡居民医疗救助项目',
      budgetUnit: '某市医疗保障局',
      commissioner: '某市财政局',
      evaluator: '某某会计师事务所有限公司',
      implementer: '某市医疗保障事务中心', // L11–L12, wrapped
      budgetAmount: 1250,
      arrivedAmount: 1250,
      spentAmount: 1187.5,
      executionRate: 95,
      score: 86.5, // L19
      grade: '良', // L19
    });
    expect(statusesOf(r)['evaluation:execution-rate']).toBe('pass'); // 1,187.50 / 1,250.00 = 95.00 %
  });

  it('reads the 评分汇总表, whose 一级 scores add up to the 综合得分', () => {
    expect(e.scores.map((s) => [s.level1, s.weight, s.score, s.rate])).toEqual([
      ['决策', 15, 13.5, 90],
      ['过程', 25, 22, 88],
      ['产出', 35, 30, 85.71],
      ['效益', 25, 21, 84],
    ]);
    const statuses = statusesOf(r);
    expect(statuses['evaluation:level1-scores-sum']).toBe('pass'); // 13.5 + 22 + 30 + 21 = 86.5
    expect(statuses['evaluation:summary-total']).toBe('pass');
    expect(statuses['evaluation:level1-1:score-within-weight']).toBe('pass');
  });

  it('checks the grade by the bands the report states, a range\'s lower end saying 含 (L17: 80（含）-90分为良)', () => {
    const grade = r.checks.find((c) => c.id === 'evaluation:grade-matches-score')!;
    expect(grade).toMatchObject({ status: 'pass', expected: '良', actual: '良' });
    expect(grade.message).toContain('按报告自定的等级标准');
  });

  it('parts chapter 五 into its 经验 and its 问题 by the sub-headings under it', () => {
    expect(e.experience).toEqual([
      '1.建立部门信息共享机制，民政、医保数据每月比对，救助对象动态调整。',
      '2.推行“一站式”结算，救助对象出院时即时享受救助待遇。',
    ]);
    expect(e.problems).toEqual([
      '1.绩效目标设置不够细化，部分指标难以量化考核。',
      '2.救助对象识别存在偏差，部门间数据比对不够及时。',
      '3.档案管理不规范，部分救助资料未及时归档。',
    ]);
    expect(e.suggestions).toHaveLength(3);
    expect(e.chapters.map((c) => [c.kind, c.heading, c.lines])).toEqual([
      ['experience', '五、主要经验及做法、存在的问题及原因分析 （一）主要经验及做法', { first: 36, last: 39 }],
      ['problems', '（二）存在的问题及原因分析', { first: 40, last: 43 }],
      ['suggestions', '六、有关建议', { first: 44, last: 47 }],
    ]);
  });

  it('takes no card pair from a 评分表 row naming 预算执行率 (the PDF reader\'s line: its 分值 6, 得分 5, 得分率 83.33%)', () => {
    const row = [
      "        资金                    项目预算资金是否按照计划执行，用以反映或考核项                         预算执行率=（实际支出资金/实际到位资金）",
      " 过程            预算执行率                                                                                                       6    5     83.33%",
      "        管理                    目预算执行情况。                                               ×100%，低于100%的每低1个百分点扣0.2分。",
    ];
    const withRow = read([...reportA, ...row]);
    expect(withRow.evaluation!.executionRate).toBe(95); // L14's
    expect(statusesOf(withRow)['evaluation:execution-rate']).toBe('pass');
  });

  it('fails the checks when the grade or a score is changed', () => {
    const graded = read(reportA.map((l, i) => (i === 18 ? l.replace('“良”', '“优”') : l)));
    expect(statusesOf(graded)['evaluation:grade-matches-score']).toBe('fail'); // 86.5 is 良 by L17
    // 决策 scored 16 of its 15 (L22): over its weight, and the 一级 scores no longer add up to 86.5.
    const scored = statusesOf(read(reportA.map((l, i) => (i === 21 ? l.replace('13.5', '16.0') : l))));
    expect(scored['evaluation:level1-1:score-within-weight']).toBe('fail');
    expect(scored['evaluation:level1-scores-sum']).toBe('fail');
  });
});

// The 评价指标体系及评分表 of the same report as a web page's table reads (tab-separated), with 得分率 after 得分: six
// rows of 决策, the 汇总表's 一级 row and the 合计; the table goes on over a page break (its number, then its header
// printed again).
const sheet = [
  '绩效评价得分汇总表',
  '一级指标\t分值\t得分\t得分率',
  '决策\t15\t13.5\t90.00%',
  '合计\t15\t13.5\t90.00%',
  '评价等级：优',
  '一级指标\t二级指标\t三级指标\t指标解释\t评分标准\t分值\t得分\t得分率',
  '决策\t项目立项\t立项依据充分性\t项目立项是否符合法律法规。\t①符合法律法规（2分）；②与部门职责相符（2分）。\t4\t4\t100.00%',
  '\t\t立项程序规范性\t项目申请、设立过程是否符合相关要求。\t①按规定程序申请设立（1.5分）；②审批文件符合要求（1.5分）。\t3\t3\t100.00%',
  '\t绩效目标\t绩效目标合理性\t绩效目标是否依据充分。\t①有绩效目标（1分）；②与实际工作相关（1分）；③与资金量匹配（1分）。\t3\t2.5\t83.33%',
  '                                   - 7 -',
  '\f一级指标\t二级指标\t三级指标\t指标解释\t评分标准\t分值\t得分\t得分率',
  '\t\t绩效指标明确性\t绩效指标是否清晰、细化、可衡量。\t①分解为具体指标（1分）；②指标可衡量（1分）。\t2\t1.5\t75.00%',
  '\t资金投入\t预算编制科学性\t预算编制是否经过科学论证。\t①经过科学论证（1分）；②测算依据充分（1分）。\t2\t1.5\t75.00%',
  '\t\t资金分配合理性\t资金分配是否有测算依据。\t分配依据充分、额度合理的得满分。\t1\t1\t100.00%',
  '合计\t\t\t\t\t15\t13.5\t90.00%',
];

describe('an 评分表 with a 得分率 column after 得分', () => {
  const r = read(sheet);
  const e = r.evaluation!;

  it('reads each row\'s 分值 and 得分, not its 得分率, and checks the rows against their 一级 and the total', () => {
    expect(e.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 4, 4],
      ['决策', '项目立项', '立项程序规范性', 3, 3],
      ['决策', '绩效目标', '绩效目标合理性', 3, 2.5],
      ['决策', '绩效目标', '绩效指标明确性', 2, 1.5],
      ['决策', '资金投入', '预算编制科学性', 2, 1.5],
      ['决策', '资金投入', '资金分配合理性', 1, 1],
    ]);
    const statuses = statusesOf(r);
    expect(statuses['evaluation:level1-1:rows-sum']).toBe('pass'); // 4 + 3 + 2.5 + 1.5 + 1.5 + 1 = 13.5
    expect(statuses['evaluation:indicator-weights-sum']).toBe('pass'); // 4 + 3 + 3 + 2 + 2 + 1 = 15
    expect(r.checks.filter((c) => c.id.endsWith(':score-within-weight')).every((c) => c.status === 'pass')).toBe(true);
    expect(e.printed!.filter((p) => p.text.startsWith('一级指标\t二级指标')).map((p) => p.lines.first)).toEqual([6, 11]);
  });

  it('fails them when a row scores over its 分值', () => {
    // 绩效目标合理性 scored 3.5 of its 3: over its weight, and 决策's rows add up to 14.5, not 13.5.
    const statuses = statusesOf(read(sheet.map((l) => l.replace('\t3\t2.5\t', '\t3\t3.5\t'))));
    expect(statuses['evaluation:indicator-3:score-within-weight']).toBe('fail');
    expect(statuses['evaluation:level1-1:rows-sum']).toBe('fail');
  });
});

// A report that prints no 评分汇总表, its 一级 scores stated in the headings of its 四、绩效评价指标分析 (L10, L12, L14,
// L16), and whose grade, in words, contradicts its score (L8: 总得分78.5分，评价等级为良好; 78.5 is 中 by the
// national bands); its commissioner opens the line under its title (L2). pdftotext -layout of B, L1–L16.
const reportB = [
  "                某县2023年农村饮水安全巩固提升工程项目绩效评价报告",
  "某县财政局委托某某工程咨询有限公司，对某县2023年农村饮水安全巩固提升工程项目（以下简称“本项目”）开展绩效评价。",
  "一、基本情况",
  "本项目安排下达资金860.00万元，实际到位资金860.00万元，实际支出774.00万元，预算执行率90.00%。项目具体实施单位为某县水利局。",
  "二、绩效评价工作开展情况",
  "评价指标体系包括决策、过程、产出、效益四个一级指标，满分100分。",
  "三、综合评价情况及评价结论",
  "本项目总得分78.5分，评价等级为良好。",
  "四、绩效评价指标分析",
  "（一）决策情况（分值20分，得分17分）",
  "项目立项依据充分，但绩效目标设置不够明确，扣3分。",
  "（二）过程情况（分值20分，得分16分）",
  "预算执行率90.00%，扣2分；资金使用台账不完整，扣2分。",
  "（三）产出情况（分值40分，得分30.5分）",
  "计划新建供水管网120公里，实际完成105公里，扣5.5分；工程质量验收合格率100%；部分工程未按期完工，扣4分。",
  "（四）效益情况（分值20分，得分15分）",
];

describe('a report with its 一级 scores in prose, and a grade that contradicts its score', () => {
  const r = read(reportB);

  it('does not read the title into the commissioner', () => {
    expect(r.evaluation).toMatchObject({ commissioner: '某县财政局', evaluator: '某某工程咨询有限公司', score: 78.5, grade: '良好' });
  });

  it('reads the 一级 scores its headings state, which add up to the total', () => {
    expect(r.evaluation!.scores.map((s) => [s.level1, s.weight, s.score, s.lines.first])).toEqual([
      ['决策', 20, 17, 10],
      ['过程', 20, 16, 12],
      ['产出', 40, 30.5, 14],
      ['效益', 20, 15, 16],
    ]);
    expect(statusesOf(r)['evaluation:level1-scores-sum']).toBe('pass'); // 17 + 16 + 30.5 + 15 = 78.5
    // 决策 said to score 21 of its 20: over its weight, and the headings add up to 82.5.
    const changed = statusesOf(read(reportB.map((l) => l.replace('得分17分', '得分21分'))));
    expect(changed['evaluation:level1-1:score-within-weight']).toBe('fail');
    expect(changed['evaluation:level1-scores-sum']).toBe('fail');
  });

  it('finds a grade in words that contradicts the score', () => {
    expect(r.checks.find((c) => c.id === 'evaluation:grade-matches-score')).toMatchObject({ status: 'fail', expected: '中', actual: '良好' });
  });
});

// A department's own report (部门整体支出绩效自评报告) as the PDF reader prints Chromium's PDF of it: the 得分表's
// labels centred over their columns (L10), its cells standing left in them (L11–L15).
const reportC = [
  "                                                   某区教育局2023年度部门整体支出绩效自评报告",
  "",
  " 一、部门基本情况",
  "某区教育局内设机构8个，下属学校42所。2023年部门预算资金32,560.80万元，全年实际支出31,884.35万元。",
  " 二、绩效自评工作开展情况",
  "   按照区财政局统一部署，我局成立绩效自评工作小组，对部门整体支出开展自评。",
  "三、综合评价情况及评价结论",
  " 经自评，我局2023年度部门整体支出综合得分92分，评价等级为优秀。",
  "                                                                   部门整体支出绩效自评得分表",
  "                 一级指标                               分值                            自评得分                                     得分率",
  " 决策                                       20                      19                                       95.00%",
  " 过程                                       30                      27                                       90.00%",
  " 产出                                       30                      28                                       93.33%",
  " 效益                                       20                      18                                       90.00%",
  " 合计                                       100                     92                                       92.00%",
  "四、存在的问题",
  " 1.部分项目预算编制不够精准，年中调整较多。",
  " 2.绩效目标与预算编制衔接不够紧密。",
  "五、改进措施及有关建议",
  "1.提高预算编制的科学性和准确性。",
  "  2.强化绩效目标管理，做到绩效目标与预算同步编制。",
];

describe('a 部门整体支出绩效自评报告 (the PDF reader\'s text)', () => {
  const r = read(reportC);
  const e = r.evaluation!;

  it('is read as an evaluation report, its amounts from 一、部门基本情况', () => {
    expect(e).toMatchObject({ budgetAmount: 32560.8, spentAmount: 31884.35, score: 92, grade: '优秀' });
  });

  it('reads each cell of the 得分表 under the label centred over it', () => {
    expect(e.scores.map((s) => [s.level1, s.weight, s.score, s.rate])).toEqual([
      ['决策', 20, 19, 95],
      ['过程', 30, 27, 90],
      ['产出', 30, 28, 93.33],
      ['效益', 20, 18, 90],
    ]);
    const statuses = statusesOf(r);
    expect(statuses['evaluation:level1-scores-sum']).toBe('pass'); // 19 + 27 + 28 + 18 = 92
    expect(statuses['evaluation:summary-total']).toBe('pass');
    expect(statuses['evaluation:grade-matches-score']).toBe('pass'); // 92: 优
  });
});

// The same report with its cells set at the top (as Word sets them), read by the PDF reader from Chromium's PDF: the
// title (L1), the 评分汇总表 (L6–L11), and the 评分表 (L13–L58) whose columns are 一级 and 二级 printed across, 三级,
// 指标解释, 评分标准 before 分值 (its 分值 and 得分 labels stacked, `分` over `值`), 得分 and 得分率, going on over a page
// break under its header printed again (L45–L46).
const sheetPdf = [
  "                              某市2023年度城乡居民医疗救助项目支出绩效评价报告",
  "三、综合评价情况及评价结论",
  "",
  "    经综合评价，本项目综合得分86.5分，评价等级为“良”。各一级指标得分情况如下表：",
  "                                                                      绩效评价得分汇总表",
  "                    一级指标                                    分值                         得分                                得分率",
  " 决策                                             15                         13.5                       90.00%",
  " 过程                                             25                         22                         88.00%",
  " 产出                                             35                         30                         85.71%",
  " 效益                                             25                         21                         84.00%",
  " 合计                                             100                        86.5                       86.50%",
  "\f附件：某市2023年度城乡居民医疗救助项目绩效评价指标体系及评分表",
  "  一级     二级        三级指标                           指标解释                                           评分标准                        分    得     得分率",
  "  指标     指标                                                                                                                  值    分",
  " 决策    项目      立项依据充分        项目立项是否符合法律法规、相关政策、发展规划以                         ①符合国家法律法规和国民经济发展规划（2分）；                       4    4     100.00%",
  "        立项     性              及部门职责，用以反映和考核项目立项依据情况。                          ②与部门职责范围相符（2分）。",
  " 决策    项目      立项程序规范        项目申请、设立过程是否符合相关要求，用以反映和                         ①按规定程序申请设立（1.5分）；②审批文件、材                      3    3     100.00%",
  "        立项     性               考核项目立项的规范情况。                                      料符合要求（1.5分）。",
  " 决策    绩效      绩效目标合理        项目所设定的绩效目标是否依据充分，是否符合客观                         ①有绩效目标（1分）；②与实际工作内容相关（1                       3    2.5   83.33%",
  "        目标     性               实际。                                            分）；③与预算确定的资金量相匹配（1分）。",
  " 决策    绩效      绩效指标明确        依据绩效目标设定的绩效指标是否清晰、细化、可衡                         ①分解为具体指标（1分）；②指标清晰、可衡量                        2    1.5   75.00%",
  "        目标     性              量。                                              （1分）。",
  " 决策    资金      预算编制科学        项目预算编制是否经过科学论证、有明确标准。                           ①经过科学论证（1分）；②预算额度测算依据充分                       2    1.5   75.00%",
  "        投入     性                                                              （1分）。",
  " 决策    资金      资金分配合理        项目预算资金分配是否有测算依据，与补助对象实际                         分配依据充分、额度合理的得满分，否则酌情扣                         1    1     100.00%",
  "        投入     性                是否相适应。                                        分。",
  " 过程    资金      资金到位率         实际到位资金与预算资金的比率，用以反映和考核资                         资金到位率=（实际到位资金/预算资金）                           4    4     100.00%",
  "        管理                    金落实情况。                                                ×100%，按到位率乘以分值计分。",
  " 过程    资金      预算执行率         项目预算资金是否按照计划执行，用以反映或考核项                         预算执行率=（实际支出资金/实际到位资金）                         6    5     83.33%",
  "        管理                    目预算执行情况。                                               ×100%，低于100%的每低1个百分点扣0.2分。",
  " 过程    资金      资金使用合规        项目资金使用是否符合相关的财务管理制度规定。                          ①符合财经法规（2分）；②拨付有完整审批程序                        5    4     80.00%",
  "        管理     性                                                               （2分）；③无截留挤占挪用（1分）。",
  " 过程    组织      管理制度健全        项目实施单位的财务和业务管理制度是否健全。                           ①已制定相应管理制度（2.5分）；②制度合法合规                      5    5     100.00%",
  "        实施     性                                                               完整（2.5分）。",
  " 过程    组织      制度执行有效        项目实施是否符合相关管理规定，用以反映和考核相                         ①遵守相关规定（2分）；②资料齐全并及时归档                        5    4     80.00%",
  "        实施     性                  关管理制度的有效执行情况。                                （3分）。",
  " 产出    产出      救助人次完成        实际救助人次与计划救助人次的比率。                               完成率≥100%得满分，每低1个百分点扣0.5分。                     10   9     90.00%",
  "        数量     率",
  " 产出    产出      救助对象识别        经抽查认定符合条件的救助对象占抽查对象的比率。                         准确率100%得满分，每低1个百分点扣1分。                        10   8     80.00%",
  "        质量      准确率",
  " 产出    产出      救助资金发放        在规定时限内发放的救助资金占应发放资金的比率。                         及时率100%得满分，每低1个百分点扣0.5分。                      8    7     87.50%",
  "        时效      及时率",
  " 产出    产出      人均救助成本        人均救助支出与核定标准的比率。                                 不超过核定标准得满分，超出的酌情扣分。                           7    6     85.71%",
  "        成本      控制率",
  "\f 一级     二级        三级指标                           指标解释                                           评分标准                        分    得      得分率",
  " 指标     指标                                                                                                                  值    分",
  "",
  "效益     社会     困难群众就医        救助对象政策范围内住院费用个人负担比例的下降情                         个人负担比例较上年下降的得满分，持平的得5                         10    8    80.00%",
  "        效益       负担减轻程度      况。                                                  分，上升的不得分。",
  "",
  "效益     可持     长效机制健全        医疗救助与基本医保、大病保险衔接机制是否健全。                         衔接机制健全得满分，部分建立的酌情扣分。                          5     4    80.00%",
  "        续影     性",
  "       响",
  "",
  "效益     满意     救助对象满意        救助对象对项目实施效果的满意程度。                               满意度≥90%得满分，每低1个百分点扣0.5分。                      10    9    90.00%",
  "       度       度",
  "",
  "合计                                                                                                                        100   86.5  86.50%",
  "",
];

describe('a 评分表 printing 评分标准 before 分值 and 得分率 after 得分 (the PDF reader\'s text)', () => {
  const r = parsePerformance(toSourceLines(sheetPdf.join('\n')), new Set(), undefined, true);
  const e = r.evaluation!;

  it('reads each row\'s levels, name, 指标解释, 评分标准, 分值 and 得分, the page\'s repeated header no row\'s', () => {
    expect(e.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['决策', '项目立项', '立项依据充分性', 4, 4],
      ['决策', '项目立项', '立项程序规范性', 3, 3],
      ['决策', '绩效目标', '绩效目标合理性', 3, 2.5],
      ['决策', '绩效目标', '绩效指标明确性', 2, 1.5],
      ['决策', '资金投入', '预算编制科学性', 2, 1.5],
      ['决策', '资金投入', '资金分配合理性', 1, 1],
      ['过程', '资金管理', '资金到位率', 4, 4],
      ['过程', '资金管理', '预算执行率', 6, 5],
      ['过程', '资金管理', '资金使用合规性', 5, 4],
      ['过程', '组织实施', '管理制度健全性', 5, 5],
      ['过程', '组织实施', '制度执行有效性', 5, 4],
      ['产出', '产出数量', '救助人次完成率', 10, 9],
      ['产出', '产出质量', '救助对象识别准确率', 10, 8],
      ['产出', '产出时效', '救助资金发放及时率', 8, 7],
      ['产出', '产出成本', '人均救助成本控制率', 7, 6],
      ['效益', '社会效益', '困难群众就医负担减轻程度', 10, 8],
      ['效益', '可持续影响', '长效机制健全性', 5, 4],
      ['效益', '满意度', '救助对象满意度', 10, 9],
    ]);
    expect(e.indicators[0]).toMatchObject({
      description: '项目立项是否符合法律法规、相关政策、发展规划以及部门职责，用以反映和考核项目立项依据情况。',
      rule: '①符合国家法律法规和国民经济发展规划（2分）；②与部门职责范围相符（2分）。',
      deduction: null,
    });
    const statuses = statusesOf(r);
    expect(['evaluation:indicator-scores-sum', 'evaluation:level1-1:rows-sum', 'evaluation:level1-4:rows-sum'].map((id) => statuses[id])).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails the 一级 sum when a row\'s 得分 is changed', () => {
    // 立项依据充分性 scored 3 (L15): 决策's rows add up to 12.5, not 13.5, and the rows to 85.5, not 86.5.
    const changed = sheetPdf.map((l, i) => (i === 14 ? l.replace(/(\s)4(\s+)4(\s)/, '$14$23$3') : l));
    const statuses = statusesOf(parsePerformance(toSourceLines(changed.join('\n')), new Set(), undefined, true));
    expect(statuses['evaluation:level1-1:rows-sum']).toBe('fail');
    expect(statuses['evaluation:indicator-scores-sum']).toBe('fail');
  });
});
