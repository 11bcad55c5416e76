import { z } from 'astro/zod';
import { disclosure } from './disclosure.ts';

type Fields = typeof disclosure.shape;

/**
 * The disclosure schema's fields, each run by code zod generates from it (`z.compile`) instead of by its
 * interpreter: the same schema and the same output, in a fifth to a third of the time over parsed documents
 * (validation was 6–8 % of a parse worker's CPU; docs/benchmarks.md). A value the generated code rejects is parsed
 * again by the interpreter, so an error is the schema's own, path and message; a field zod cannot compile is run as
 * it is. Field by field, as ingest validates a draft (parse-disclosure.ts).
 */
export const compiledFields = Object.fromEntries(Object.entries(disclosure.shape).map(([key, field]) => [key, z.compile(field)])) as Fields;
