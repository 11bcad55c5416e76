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
  return JSON.stringify(walkOf(disclosure as unknown as Schema)(doc));
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

/** A value of one schema without its defaults, in its compact form. */
type Walk = (value: unknown) => unknown;

const unchanged: Walk = (value) => value;

/**
 * Each schema's walk, worked out once: which compact form it has, its fields' walks, its default. Every object of
 * a document passes through one, so asking the schema each time (six identities, its type, its default, which zod
 * gives as a new copy at each asking) was a third of serialization's time.
 */
const walks = new Map<Schema, Walk>();

function walkOf(schema: Schema): Walk {
  const known = walks.get(schema);
  if (known) return known;
  // A schema that contains itself reaches its own walk through this stand-in while the walk is being made.
  let made: Walk | null = null;
  walks.set(schema, (value) => made!(value));
  made = walkFor(schema);
  walks.set(schema, made);
  return made;
}

function walkFor(schema: Schema): Walk {
  if (schema === (lineRange as unknown as Schema)) return (value) => compactLineRange(value as LineRange);
  if (schema === (checkList as unknown as Schema)) return (value) => compactChecks(value as Check[]);
  if (schema === (table as unknown as Schema)) {
    const fields = walkOf(tableFields as unknown as Schema);
    return (value) => compactTable(fields(value) as Table);
  }
  if (schema === (indicatorList as unknown as Schema)) {
    const each = walkOf(indicator as unknown as Schema);
    return (value) => compactIndicators((value as unknown[]).map((i) => each(i) as Record<string, unknown>));
  }
  if (schema === (finding as unknown as Schema)) {
    const fields = walkOf(findingFields as unknown as Schema);
    return (value) => compactFinding(fields(value) as Record<string, unknown>);
  }
  if (schema === (indicatorValue as unknown as Schema)) {
    const fields = walkOf(indicatorValueFields as unknown as Schema);
    return (value) => compactIndicatorValue(fields(value) as Record<string, unknown>);
  }
  const def = schema._zod.def;
  switch (def.type) {
    case 'default': {
      const inner = walkOf(def.innerType!);
      const defaultValue = def.defaultValue;
      return (value) => (sameValue(value, defaultValue) ? OMIT : inner(value));
    }
    case 'optional':
    case 'nullable': {
      const inner = walkOf(def.innerType!);
      return inner === unchanged ? unchanged : (value) => (value == null ? value : inner(value));
    }
    case 'object': {
      const shape = def.shape!;
      const fields = new Map(Object.keys(shape).map((key) => [key, walkOf(shape[key])]));
      return (value) => {
        if (!value || typeof value !== 'object') return value;
        const out: Record<string, unknown> = {};
        const values = value as Record<string, unknown>;
        // Keys, not entries: every object of the document passes here, and an entry is an array made for nothing.
        for (const key of Object.keys(values)) {
          const v = values[key];
          const field = fields.get(key);
          const kept = field ? field(v) : v;
          if (kept !== OMIT) out[key] = kept;
        }
        return out;
      };
    }
    case 'array': {
      const element = walkOf(def.element!);
      // A list of plain values (codes, amounts, texts) is written as it is: copying it changes nothing.
      if (element === unchanged) return unchanged;
      return (value) => (Array.isArray(value) ? value.map((v) => keep(element(v), v)) : value);
    }
    case 'record': {
      const each = walkOf(def.valueType!);
      // A record of plain values (a row's amounts and texts by column) is written as it is, as such a list is.
      if (each === unchanged) return unchanged;
      return (value) => {
        if (!value || typeof value !== 'object') return value;
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keep(each(v), v)]));
      };
    }
    default:
      return unchanged;
  }
}

/** An array element or record value is never left out: only object fields can be. */
function keep(kept: unknown, original: unknown): unknown {
  return kept === OMIT ? original : kept;
}
