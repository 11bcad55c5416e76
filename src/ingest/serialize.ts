import { checkList, compactChecks, compactLineRange, lineRange, type Check, type LineRange } from '../schema/common.ts';
import { disclosure, type Disclosure } from '../schema/disclosure.ts';
import { compactIndicators, compactIndicatorValue, indicator, indicatorList, indicatorValue, indicatorValueFields } from '../schema/performance.ts';
import { compactFinding, finding, findingFields } from '../schema/review.ts';
import { compactTable, table, tableFields, type Table } from '../schema/table.ts';

/**
 * A disclosure as compact JSON without the values the schema would fill in anyway: a field equal to its schema
 * default (`null`, `[]`, `{}`, `false` in thousands of indicators and rows) is left out, and line ranges, checks,
 * tables and target indicators are written in their compact forms (docs/schema.md: `12`, `[12, 14]`; the checks of a
 * relation or a column as one block; a table's rows with what most share stated once; the indicators under one
 * 一级/二级指标 as one entry); reading the file through the schema (the content collection does) restores them. Keeps
 * a big document's JSON in proportion to its source (issue 16);
 * `disclosure.parse(JSON.parse(serializeDisclosure(doc)))` equals `doc`.
 */
export function serializeDisclosure(doc: Disclosure): string {
  return JSON.stringify(withoutDefaults(disclosure, doc));
}

const OMIT = Symbol('omit');

interface SchemaDef {
  type: string;
  innerType?: Schema;
  defaultValue?: unknown;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
}

interface Schema {
  _zod: { def: SchemaDef };
}

const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : !!v && typeof v === 'object' && Object.keys(v).length === 0);

/** Equal to a default: the same value, or both an empty array or both an empty object (`texts: {}`). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null) return false;
  return isEmpty(a) && isEmpty(b) && Array.isArray(a) === Array.isArray(b);
}

function withoutDefaults(schema: Schema, value: unknown): unknown {
  if (schema === (lineRange as unknown as Schema)) return compactLineRange(value as LineRange);
  if (schema === (checkList as unknown as Schema)) return compactChecks(value as Check[]);
  if (schema === (table as unknown as Schema)) return compactTable(withoutDefaults(tableFields as unknown as Schema, value) as Table);
  if (schema === (indicatorList as unknown as Schema)) {
    return compactIndicators((value as unknown[]).map((i) => withoutDefaults(indicator as unknown as Schema, i) as Record<string, unknown>));
  }
  if (schema === (finding as unknown as Schema)) {
    return compactFinding(withoutDefaults(findingFields as unknown as Schema, value) as Record<string, unknown>);
  }
  if (schema === (indicatorValue as unknown as Schema)) {
    return compactIndicatorValue(withoutDefaults(indicatorValueFields as unknown as Schema, value) as Record<string, unknown>);
  }
  const def = schema._zod.def;
  switch (def.type) {
    case 'default':
      return sameValue(value, def.defaultValue) ? OMIT : withoutDefaults(def.innerType!, value);
    case 'optional':
    case 'nullable':
      return value == null ? value : withoutDefaults(def.innerType!, value);
    case 'object': {
      if (!value || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      const fields = value as Record<string, unknown>;
      // Keys, not entries: every object of the document passes here, and an entry is an array made for nothing.
      for (const key of Object.keys(fields)) {
        const v = fields[key];
        const field = def.shape![key];
        const kept = field ? withoutDefaults(field, v) : v;
        if (kept !== OMIT) out[key] = kept;
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((v) => keep(withoutDefaults(def.element!, v), v)) : value;
    case 'record':
      if (!value || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keep(withoutDefaults(def.valueType!, v), v)]));
    default:
      return value;
  }
}

/** An array element or record value is never left out: only object fields can be. */
function keep(kept: unknown, original: unknown): unknown {
  return kept === OMIT ? original : kept;
}
