import type { Overview } from '../../schema/narrative.ts';
import type { Table } from '../../schema/table.ts';
import { lineMarker } from './headings.ts';
import { afterMarker, HALF_PAREN_FORM, MARKER_FORMS, markerOf } from '../../core/outline.ts';
import { paragraphsIn, scopesByHeading } from './outline.ts';
import { matchable, type ProseText } from './prose.ts';
import type { ProseSection } from './sections.ts';

const DUTIES_HEADING = /主要职能|主要职责|部门职责|职能职责|单位职责/;
/** A lead-in that opens a list of duties inside prose (`部门职责：`, `…本级职责活动：`). */
const DUTIES_LEAD_IN = /(?:职责|职能)(?:活动)?(?:如下|包括|主要有)?\s*[：:]\s*$/;
const NOT_DUTIES = /^(?:机构设置|人员|编制|部门机构|单位名称)/;

/**
 * Duty markers that may stand mid-paragraph: （一） anywhere; `一）`, `1.`, `1、` only where a sentence or the
 * paragraph starts, since elsewhere they are ordinary text.
 */
const DUTY_MARKER = new RegExp(`${MARKER_FORMS.paren}|(?:^|(?<=[。；;]))\\s*(?:${HALF_PAREN_FORM}|${MARKER_FORMS.digit})`, 'g');
const BRACKETED = new RegExp(MARKER_FORMS.paren);
const HALF_PAREN = new RegExp(`^${HALF_PAREN_FORM}`);

function splitDuties(text: string): string[] {
  const t = matchable({ text, lines: { first: 1, last: 1 }, parts: [] });
  const starts = [...t.matchAll(DUTY_MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (starts.length === 0) return text.split(/[；;]/).map(trimDuty).filter((d) => d.length > 0);
  return starts.map((s, i) => trimDuty(text.slice(s.end, starts[i + 1]?.start ?? text.length))).filter((d) => d.length > 0);
}

function trimDuty(d: string): string {
  // The trailing run is matched from its first character only (lookbehind): `[…]+$` tried at every character of a
  // long run in mid-text is quadratic.
  return d.replace(/^[\s、.．]+/, '').replace(/(?<![\s。；;，,])[\s。；;，,]+$/, '');
}

/** The paragraphs that list duties: those under a 主要职能 heading, or after a `部门职责：` lead-in. */
function dutyParagraphs(all: readonly ProseSection[]): ProseText[] {
  for (const scope of scopesByHeading(all, DUTIES_HEADING)) {
    const ps = paragraphsIn(scope).filter((p) => !NOT_DUTIES.test(p.text));
    if (ps.length > 0) return ps;
  }
  for (const s of all) {
    const i = s.paragraphs.findIndex((p) => p.text.length <= 40 && DUTIES_LEAD_IN.test(p.text));
    if (i < 0) continue;
    const out: ProseText[] = [];
    for (const p of s.paragraphs.slice(i + 1)) {
      if (NOT_DUTIES.test(p.text)) break;
      out.push(p);
    }
    return out;
  }
  return [];
}

/**
 * Duties as a list, split at their markers even where several run together on one line. Text before the first
 * marker introduces the list; titled groups (`一、…本级职责活动：`) are kept apart as well as flattened.
 */
function readDuties(all: readonly ProseSection[]): Pick<Overview, 'duties' | 'dutyGroups'> {
  const paragraphs = dutyParagraphs(all);
  const groups: Overview['dutyGroups'] = [];
  let current: Overview['dutyGroups'][number] | null = null;
  let started = false;
  const loose: string[] = [];
  const anyMarked = paragraphs.some((p) => lineMarker(p.text) !== null || BRACKETED.test(p.text));
  for (const p of paragraphs) {
    const title = afterMarker(p.text) ?? p.text;
    if (p.text.length <= 60 && DUTIES_LEAD_IN.test(p.text)) {
      current = { title: title.replace(/[：:]\s*$/, ''), duties: [] };
      groups.push(current);
      started = true;
      continue;
    }
    const marked = lineMarker(p.text) !== null || HALF_PAREN.test(p.text) || BRACKETED.test(p.text);
    if (anyMarked && !marked && !started) continue;
    started = true;
    const duties = anyMarked && !marked ? [trimDuty(p.text)] : splitDuties(p.text);
    if (current) current.duties.push(...duties);
    else loose.push(...duties);
  }
  return { duties: [...loose, ...groups.flatMap((g) => g.duties)], dutyGroups: groups.length > 1 ? groups : [] };
}

const OFFICES = /(?:下设|内设|设有?)\s*(\d+)\s*个(?:职能)?(?:科室|处室|股室|内设机构|部门)\s*[，,]?\s*(?:分别是|分别为|包括|为|即)\s*[：:]?\s*([^。]+)/;

function readOffices(paragraphs: readonly ProseText[]): { offices: string[]; stated: number | null } {
  for (const [i, p] of paragraphs.entries()) {
    const m = OFFICES.exec(matchable(p));
    if (!m) continue;
    const offices = p.text
      .slice(m.index + m[0].length - m[2].length, m.index + m[0].length)
      .split(/[、，,；;]/)
      .map((o) => o.trim().replace(/^[：:]\s*/, '').replace(/。$/, ''))
      .filter((o) => o.length > 0);
    return { offices: offices.length > 0 ? offices : listedOffices(paragraphs.slice(i + 1)), stated: Number(m[1]) };
  }
  return { offices: [], stated: null };
}

/**
 * Offices listed after the lead-in (`…设10个内设机构，包括：`) one item a paragraph, each its name then its duties
 * (上海 普陀区政府办公室 2025 单位预算 L47–L64: `（一）秘书科（联络科）。组织、协调…`): the name of each item of the
 * first item's marker kind, up to its first full stop; lines without a marker go on an item's duties.
 */
function listedOffices(paragraphs: readonly ProseText[]): string[] {
  const markerAt = (text: string) => {
    const t = text.trim();
    const m = markerOf(t);
    return m && { kind: m.kind, printed: t.slice(0, m.length) };
  };
  const first = markerAt(paragraphs[0]?.text ?? '');
  if (first === null) return [];
  const out: string[] = [];
  for (const [i, p] of paragraphs.entries()) {
    const marker = markerAt(p.text);
    if (marker === null) continue;
    // Another list, or the list's first marker again (a 名词解释 numbered （一）… where no heading ends the section).
    if (marker.kind !== first.kind || (i > 0 && marker.printed === first.printed)) break;
    out.push(p.text.trim().slice(marker.printed.length).split('。')[0].trim());
  }
  return out.filter((o) => o.length > 0);
}

const SUBUNIT_KIND = /[（(]\s*(?:下属)?((?:参公)?(?:行政|事业|企业)(?:单位)?)\s*[）)]\s*$/;

/** Sub-units as listed after `…预算单位包括：`, or from the institution table where the document has one. */
function readSubunits(paragraphs: readonly ProseText[], tables: readonly Table[]): Overview['subunits'] {
  for (const table of tables) {
    if (table.kind !== 'institution-list' || table.rows.length === 0) continue;
    return table.rows
      .filter((r) => r.role === 'data')
      .map((r) => ({ name: r.name, kind: Object.values(r.texts).find((t) => /单位$/.test(t) && /行政|事业|企业/.test(t)) ?? null }));
  }
  const i = paragraphs.findIndex((p) => /(?:单位|预算单位)(?:包括|有)\s*[：:]\s*$/.test(p.text));
  if (i < 0) return [];
  const out: Overview['subunits'] = [];
  for (const p of paragraphs.slice(i + 1)) {
    const name = afterMarker(p.text);
    if (name === null || /[。，]/.test(name)) break;
    const kind = SUBUNIT_KIND.exec(name);
    out.push({ name: kind ? name.slice(0, kind.index).trim() : name, kind: kind ? kind[1] : null });
  }
  return out;
}

const STAFF: ReadonlyArray<[keyof Omit<Overview['staff'], 'changes'>, RegExp]> = [
  ['authorized', /编制(?:人数|数)?\s*(?:为)?\s*(\d+)\s*(?:人|名)?/],
  ['actual', /实有(?:人数|人员)?\s*(?:为)?\s*(\d+)\s*(?:人|名)/],
  ['active', /在职(?:人员|人数)?\s*(\d+)\s*(?:人|名)/],
  ['retired', /(?<!离)退休(?:人员|人数)?\s*(\d+)\s*(?:人|名)/],
  ['retiredEarly', /离休(?:人员|人数)?\s*(\d+)\s*(?:人|名)/],
];
const STAFF_CHANGE = /(在职|退休|离休)(?:人员|人数)?\s*\d+\s*(?:人|名)\s*[，,]\s*(增加或减少|增加|减少)\s*(\d+)\s*(?:人|名)/g;
const CHANGE_CATEGORY: Record<string, string> = { 在职: 'active', 退休: 'retired', 离休: 'retiredEarly' };

function readStaff(paragraphs: readonly ProseText[]): Overview['staff'] | null {
  const p = paragraphs.find((x) => /编制/.test(x.text) && /实有|在职/.test(x.text));
  if (!p) return null;
  const t = matchable(p);
  const staff: Overview['staff'] = { authorized: null, actual: null, active: null, retired: null, retiredEarly: null, changes: [] };
  for (const [key, pattern] of STAFF) {
    const m = pattern.exec(t);
    if (m) staff[key] = Number(m[1]);
  }
  for (const m of t.matchAll(STAFF_CHANGE)) {
    staff.changes.push({ category: CHANGE_CATEGORY[m[1]], delta: m[2] === '减少' ? -Number(m[3]) : Number(m[3]) });
  }
  return staff;
}

/** The paragraphs about structure and staff: under 机构设置 / 单位构成 headings, else the whole document. */
export function structureParagraphs(all: readonly ProseSection[]): ProseText[] {
  const scoped = scopesByHeading(all, /机构设置|单位构成|人员情况|机构及人员/).flatMap(paragraphsIn);
  return scoped.length > 0 ? scoped : all.flatMap((s) => s.paragraphs);
}

export interface OverviewReading {
  overview: Overview | null;
  /** The number of offices the text states, to check against the list. */
  statedOffices: number | null;
}

/** 概况: duties, internal offices, sub-units and staff; null for documents without one (evaluation reports). */
export function readOverview(all: readonly ProseSection[], tables: readonly Table[]): OverviewReading {
  const { duties, dutyGroups } = readDuties(all);
  const structure = structureParagraphs(all);
  const { offices, stated } = readOffices(structure);
  const subunits = readSubunits(structure, tables);
  const staff = readStaff(structure);
  if (duties.length === 0 && offices.length === 0 && subunits.length === 0 && staff === null) {
    return { overview: null, statedOffices: null };
  }
  return {
    overview: {
      duties,
      dutyGroups,
      offices,
      subunits,
      staff: staff ?? { authorized: null, actual: null, active: null, retired: null, retiredEarly: null, changes: [] },
    },
    statedOffices: stated,
  };
}
