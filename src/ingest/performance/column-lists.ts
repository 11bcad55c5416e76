import type { Indicator } from '../../schema/performance.ts';
import type { Unparsed } from '../../schema/common.ts';
import type { SourceLine } from '../source-lines.ts';
import type { BlockRow } from '../layout/blocks.ts';
import { toIndicator } from './indicator-row.ts';
import type { LinePiece } from './level-cells.ts';
import { isLevelName } from './levels.ts';
import { readSpacedBody } from './spaced.ts';
import { compact } from './text.ts';
import { looksLikeValue, parseIndicatorValue } from './value.ts';

export interface ColumnListBody {
  indicators: Indicator[];
  flags: string[];
  unparsed: Unparsed[];
  last: number;
  /** The rows after the lists: the grid's label in front of their levels, as printed (spaced.ts). */
  apart: LinePiece[];
}

/**
 * Whether a 三级 name and a value can belong together, judged from the kind of quantity the name asks for (人数 →
 * 人, 天数 → 天, 率 → %, 时间 → a date, 支出/成本 → money). Unknown kinds are compatible with anything.
 */
function compatible(name: string, valueText: string): boolean {
  const v = parseIndicatorValue(valueText);
  const unit = v.unit ?? '';
  const n = compact(name);
  if (/(?:率|性)$/.test(n)) return unit === '%';
  if (/时间$/.test(n)) return v.date != null || /^(?:年|月|天|日|个月|小时)$/.test(unit);
  if (/(?:人数|人口数?)$/.test(n)) return /人/.test(unit);
  if (/天数$/.test(n)) return /^(?:天|日)/.test(unit);
  if (/次数$/.test(n)) return /^次/.test(unit);
  if (/户数$/.test(n)) return /^户/.test(unit);
  if (/(?:支出|成本|金额|费用|经费|资金|质保金)$/.test(n)) return /元/.test(unit);
  return true;
}

/**
 * A 4-column table that the extraction emitted column by column: the 三级指标 label, then all names; the 指标值
 * label, then all values. Names and values are paired in order only when the counts agree and every pair is
 * plausible; otherwise the names are kept without values, the values are kept in `unparsed`, and the table is flagged.
 * Rows printed normally after the lists are read as usual. `rows` are the region's lines as rows of words, page
 * furniture marked (layout/blocks.ts).
 */
export function readColumnLists(rows: readonly BlockRow[]): ColumnListBody | null {
  const body = rows.map((r) => r.line);
  const nameLabel = body.findIndex((l) => compact(l.text) === '三级指标');
  const valueLabel = body.findIndex((l, i) => i > nameLabel && /^指标值/.test(compact(l.text)));
  if (nameLabel < 0 || valueLabel < 0) return null;
  const names = body.slice(nameLabel + 1, valueLabel).filter((l) => l.text.trim() && !isLevelName(l.text.trim()));
  let k = valueLabel + 1;
  const values: SourceLine[] = [];
  for (; k < body.length; k++) {
    const t = body[k].text.trim();
    if (!t || isLevelName(t) || /^[一二三]级指标$/.test(compact(t))) continue;
    if (!looksLikeValue(t)) break;
    values.push(body[k]);
  }
  const rest = readSpacedBody(rows.slice(k));
  const flags: string[] = [];
  const unparsed: Unparsed[] = [];
  const pairable =
    names.length === values.length && names.every((n, i) => compatible(n.text.trim().replace(/[★☆]/g, ''), values[i].text.trim()));
  const listed = names.map((n, i) =>
    toIndicator({
      level1: null,
      level2: null,
      name: n.text,
      value: pairable ? values[i].text : '',
      lines: pairable
        ? { first: Math.min(n.no, values[i].no), last: Math.max(n.no, values[i].no) }
        : { first: n.no, last: n.no },
    }),
  );
  if (!pairable && values.length > 0) {
    flags.push(
      `指标名称与指标值分列印出（${names.length} 个名称在第 ${names[0]?.no}–${names[names.length - 1]?.no} 行，` +
        `${values.length} 个值在第 ${values[0].no}–${values[values.length - 1].no} 行），顺序无法一一对应`,
    );
    unparsed.push({
      lines: { first: values[0].no, last: values[values.length - 1].no },
      text: values.map((v) => v.text.trim()).join('\n'),
      reason: '指标值一列单独印出，无法与三级指标名称一一对应',
    });
  }
  const last = Math.max(rest.last, values[values.length - 1]?.no ?? 0, names[names.length - 1]?.no ?? 0);
  return { indicators: [...listed, ...rest.indicators], flags: [...flags, ...rest.flags], unparsed, last, apart: rest.apart };
}
