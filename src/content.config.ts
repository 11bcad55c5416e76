import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { disclosure } from './schema/disclosure.ts';

/**
 * The parsed disclosures written by `npm run ingest`, validated by the same schema the CLI used. CONTENT_DIR points
 * the site at another folder of them (tests build a separate site from fixtures).
 */
export const collections = {
  disclosures: defineCollection({
    loader: glob({ pattern: '*.json', base: process.env.CONTENT_DIR ?? './content/disclosures' }),
    schema: disclosure,
  }),
};
