import { getCollection } from 'astro:content';
import type { Disclosure } from '../schema/disclosure.ts';

/** All disclosures, in a stable order (region, year, department), so that builds are reproducible. */
export async function allDisclosures(): Promise<Disclosure[]> {
  const entries = await getCollection('disclosures');
  return entries
    .map((e) => e.data)
    .sort(
      (a, b) =>
        a.region.join('/').localeCompare(b.region.join('/'), 'zh-CN') ||
        (b.year ?? 0) - (a.year ?? 0) ||
        a.department.localeCompare(b.department, 'zh-CN') ||
        a.slug.localeCompare(b.slug),
    );
}
