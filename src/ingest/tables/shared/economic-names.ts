import { comparableName } from '../../../core/code-names.ts';
import { ECONOMIC_CODES, GOVERNMENT_ECONOMIC_CODES, listedNames } from '../../../review/data/classification-codes.ts';

/**
 * The 支出经济分类 codes of a table that prints its economic breakdown by name alone (杭州 交通运输局 2026 表6
 * 一般公共预算基本支出预算表 -layout L853–L897: `工资福利支出`, then `基本工资` …; 广州 水务局 2026 部门预算基本支出预算表
 * and 深圳 水务局 2026 基本支出总表, the same under each unit's row). The national lists name every 类 and the 款
 * disclosures print; a 款's name is unique only within its 类 (办公设备购置 is 31002 and 30902, 其他工资福利支出 30199
 * and 50199), so a 款 is known only under the 类 row it follows, and a 类 named in both schemes (对个人和家庭的补助: 303
 * and 509) by the scheme the table's other 类 show.
 * A table is named all or nothing (namesHold): a partial tree of codes would add up wrongly.
 */

export type EconomicScheme = 'economic' | 'government-economic';

export interface EconomicCode {
  code: string;
  scheme: EconomicScheme;
  level: 1 | 2;
}

export interface NamedRow {
  name: string;
  /** The row may take a code: a data row that prints none (not a total, nor a side of a summary). */
  open: boolean;
}

interface SchemeNames {
  scheme: EconomicScheme;
  classes: ReadonlyMap<string, string>;
  items: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

function schemeNames(scheme: EconomicScheme, codes: typeof ECONOMIC_CODES): SchemeNames {
  const classes = new Map<string, string>();
  const items = new Map<string, Map<string, string>>();
  for (const [code, names] of Object.entries(codes)) {
    for (const { name } of listedNames(names)) {
      const key = comparableName(name);
      if (code.length === 3) classes.set(key, code);
      else {
        const under = items.get(code.slice(0, 3)) ?? new Map<string, string>();
        items.set(code.slice(0, 3), under.set(key, code));
      }
    }
  }
  return { scheme, classes, items };
}

const DEPARTMENT = schemeNames('economic', ECONOMIC_CODES);
const GOVERNMENT = schemeNames('government-economic', GOVERNMENT_ECONOMIC_CODES);
/** 类 names only the 政府预算 scheme has (机关工资福利支出, 对事业单位经常性补助 …): a table naming one is in that scheme. */
const GOVERNMENT_ONLY = new Set([...GOVERNMENT.classes.keys()].filter((k) => !DEPARTMENT.classes.has(k)));

/** Every 类's name of either scheme, and every 类's and 款's, as the names are compared. */
const CLASS_KEYS = new Set([...DEPARTMENT.classes.keys(), ...GOVERNMENT.classes.keys()]);
const ENTRY_KEYS = new Set([...CLASS_KEYS, ...[DEPARTMENT, GOVERNMENT].flatMap(({ items }) => [...items.values()].flatMap((under) => [...under.keys()]))]);

/** The 类 a name gives in either economic scheme, as the names are compared (`对个人和家庭补助`), else null. */
export function economicClassKey(name: string): string | null {
  const key = comparableName(name);
  return CLASS_KEYS.has(key) ? key : null;
}

/** Whether a name is a 类's or a 款's whole name in either economic scheme (`工资福利支出`, `基本工资`). */
export function namesEconomicEntry(name: string): boolean {
  return ENTRY_KEYS.has(comparableName(name));
}

/**
 * Each row's economic code by its name, null for a row naming neither a 类 nor a 款 of the 类 above it (a unit's
 * row, a heading); null for the table where fewer than two 类 are named, or one 类 twice under the same heading
 * (399 其他支出 has a 款 of the same name: it follows its 类, so it is read as the 款).
 */
export function economicCodesByName(rows: readonly NamedRow[]): (EconomicCode | null)[] | null {
  const keys = rows.map((r) => (r.open ? comparableName(r.name) : ''));
  const { scheme, classes, items } = keys.some((k) => GOVERNMENT_ONLY.has(k)) ? GOVERNMENT : DEPARTMENT;
  let open: string | null = null;
  let run = new Set<string>();
  let named = 0;
  const codes: (EconomicCode | null)[] = [];
  for (const [i, r] of rows.entries()) {
    const item = open && r.open ? items.get(open)?.get(keys[i]) : undefined;
    const cls = r.open ? classes.get(keys[i]) : undefined;
    if (item) codes.push({ code: item, scheme, level: 2 });
    else if (cls) {
      if (run.has(cls)) return null;
      run.add(cls);
      open = cls;
      named++;
      codes.push({ code: cls, scheme, level: 1 });
    } else {
      open = null;
      run = new Set();
      codes.push(null);
    }
  }
  return named >= 2 ? codes : null;
}

/**
 * Whether a table's names hold as its codes: every row they leave without one, that could take one, heads units
 * (`headsUnits`: the table's units read with the codes, unit-groups.ts readUnits: a unit's row the sum of its 类, the
 * department's the sum of its units). Otherwise the row is a 款 the national list does not name, or a name the layout
 * cut, and the table keeps no code.
 */
export function namesHold(rows: readonly NamedRow[], codes: readonly (EconomicCode | null)[], headsUnits: (i: number) => boolean): boolean {
  return codes.every((c, i) => c !== null || !rows[i].open || headsUnits(i));
}

/** What a row whose code is its economic name's says of it, among its texts: the print gives no code. */
export const ECONOMIC_CODE_FROM_NAME = { codeFrom: '原文未印编码，按支出经济分类的科目名称确定' } as const;
