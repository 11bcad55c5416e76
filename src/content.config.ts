import { defineCollection } from 'astro:content';
import { contentDir } from './site/content-dir.ts';
import { summaryLoader } from '../scripts/summary-loader.ts';

/**
 * The parsed disclosures written by `npm run ingest`: each file is validated by the same schema the CLI used, and the
 * collection keeps its summary only (src/site/disclosure-summary.ts); pages read a full disclosure through
 * src/site/collection.ts. CONTENT_DIR points the site at another folder of them (tests build one from fixtures).
 */
export const collections = {
  disclosures: defineCollection({ loader: summaryLoader(contentDir()) }),
};
