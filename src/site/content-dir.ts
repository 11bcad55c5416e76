/**
 * The folder of parsed disclosures the site is built from: CONTENT_DIR (tests build from fixtures), else ingest's
 * output. Read when a build asks, not once a process: the shard builder builds several shards in one process.
 */
export const contentDir = (): string => process.env.CONTENT_DIR ?? './content/disclosures';
