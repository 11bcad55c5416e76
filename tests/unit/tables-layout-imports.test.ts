import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Each layout reader (tabbed/, aligned/, spaced/) stands on src/ingest/tables/shared/ and the tables root, never on
// another layout: a change to one layout's reading cannot change another's.
const ROOT = 'src/ingest/tables';
const LAYOUTS = ['tabbed', 'aligned', 'spaced'];

function importsOf(dir: string): string[] {
  return readdirSync(`${ROOT}/${dir}`)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(`${ROOT}/${dir}/${f}`, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => `${f}: ${m[1]}`));
}

describe('table layout modules', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}/ imports no other layout`, () => {
      const others = LAYOUTS.filter((l) => l !== layout);
      expect(importsOf(layout).filter((i) => others.some((o) => i.includes(`../${o}/`)))).toEqual([]);
    });
  }

  it('shared/ imports no layout', () => {
    expect(importsOf('shared').filter((i) => LAYOUTS.some((l) => i.includes(`../${l}/`)))).toEqual([]);
  });
});
