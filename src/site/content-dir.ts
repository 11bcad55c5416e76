/** The folder of parsed disclosures the site is built from: CONTENT_DIR (tests build from fixtures), else ingest's output. */
export const CONTENT_DIR = process.env.CONTENT_DIR ?? './content/disclosures';
