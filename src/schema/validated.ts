import type { z } from 'astro/zod';

type Read = (value: unknown) => unknown;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  transform?: (value: unknown) => unknown;
  readonly defaultValue?: unknown;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Types whose parse returns the value itself: nothing to copy, no default, no preprocessing. */
const VALUES = new Set(['string', 'number', 'boolean', 'null', 'enum', 'literal']);

const same: Read = (v) => v;

/**
 * What a schema's parse gives for JSON it has validated before, made without validating it again: its defaults filled
 * in, its preprocessing (the compact forms of tables, checks, line ranges…) applied, every object and array a new one
 * with its keys in the schema's order and the keys it does not know left out. Only for a value the schema has
 * accepted: anything else may give a wrong value instead of an error. A schema using a type this does not know is
 * refused when the reader is made, not when it reads.
 */
export function validatedReader<S extends z.ZodType>(schema: S): (value: unknown) => z.infer<S> {
  return readerOf(schema) as (value: unknown) => z.infer<S>;
}

function readerOf(schema: z.ZodType): Read {
  const def = defOf(schema);
  if (VALUES.has(def.type)) return same;
  switch (def.type) {
    case 'union': {
      // A union of values is read as its value; one with an object or a default would need the branch that accepted it.
      if (def.options!.every((o) => readerOf(o) === same)) return same;
      break;
    }
    case 'object': {
      const fields = Object.entries(def.shape!).map(([key, s]) => ({ key, read: readerOf(s), optional: defOf(s).type === 'optional' }));
      return (v) => {
        const input = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const { key, read, optional } of fields) {
          // An optional key the value lacks stays absent; any other key is read (a default fills in an absent one).
          if (optional && !(key in input)) continue;
          out[key] = read(input[key]);
        }
        return out;
      };
    }
    case 'array': {
      const read = readerOf(def.element!);
      return read === same ? (v) => (v as unknown[]).slice() : (v) => (v as unknown[]).map(read);
    }
    case 'tuple': {
      if (def.rest) break;
      const reads = def.items!.map(readerOf);
      return (v) => reads.map((read, i) => read((v as unknown[])[i]));
    }
    case 'record': {
      const read = readerOf(def.valueType!);
      return (v) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(v as Record<string, unknown>)) out[key] = read(value);
        return out;
      };
    }
    case 'nullable': {
      const read = readerOf(def.innerType!);
      return (v) => (v === null ? null : read(v));
    }
    case 'optional': {
      const read = readerOf(def.innerType!);
      return (v) => (v === undefined ? undefined : read(v));
    }
    case 'default': {
      const read = readerOf(def.innerType!);
      // The getter gives a new copy of the default each time, as the schema's parse does.
      return (v) => (v === undefined ? def.defaultValue : read(v));
    }
    case 'transform':
      return def.transform!;
    case 'pipe': {
      const first = readerOf(def.in!);
      const then = readerOf(def.out!);
      return (v) => then(first(v));
    }
  }
  throw new Error(`validatedReader: a schema of type ${def.type} is not read`);
}
