/** Site-relative links that respect the configured base path (the site may live under /budget/). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export function disclosureHref(slug: string, anchor?: string): string {
  return href(`d/${slug}/${anchor ? `#${anchor}` : ''}`);
}

/**
 * A disclosure's JSON as published: gzip-compressed, a sixth of its size (static hosts limit the bytes of a site, and
 * the JSON was a third of them). Served as application/gzip (public/_headers), so it downloads as the file it is.
 */
export function disclosureDataPath(slug: string): string {
  return `data/${slug}.json.gz`;
}
