/** Site-relative links that respect the configured base path (the site may live under /budget/). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export function disclosureHref(slug: string, anchor?: string): string {
  return href(`d/${slug}/${anchor ? `#${anchor}` : ''}`);
}
