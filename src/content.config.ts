import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { disclosure } from './schema/disclosure.ts';

/** The parsed disclosures written by `npm run ingest`, validated by the same schema the CLI used. */
export const collections = {
  disclosures: defineCollection({
    loader: glob({ pattern: '*.json', base: './content/disclosures' }),
    schema: disclosure,
  }),
};
