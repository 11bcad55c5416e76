import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What both the parser and the site need (codes, decimals, units, width folding, a line's page) lives in src/core/;
 * the site — its pages, components and the code it ships to the browser — never reaches into the parser.
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

describe('one core module, no parser in the site', () => {
  it('no site file imports from src/ingest', () => {
    const offenders = ['src/site', 'src/pages', 'src/components', 'src/layouts']
      .flatMap(files)
      .filter((f) => /from\s+'[^']*\/ingest\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/core imports nothing outside itself', () => {
    const outside = files('src/core').filter((f) => /from\s+'\.\.\//.test(readFileSync(f, 'utf8')));
    expect(outside).toEqual([]);
  });
});
